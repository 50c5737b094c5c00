/* clip-test-server.h — a SoupServer on a loopback address, in the test
 * process, that plays well-behaved and hostile web servers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CLIP_TEST_ROUTE_BODY,       /* 200 with a body; 304 when the validators match */
  CLIP_TEST_ROUTE_STATUS,     /* a bare status (with an optional header) */
  CLIP_TEST_ROUTE_HANG,       /* accepts the request, never answers */
  CLIP_TEST_ROUTE_DRIP,       /* one byte every 250 ms, forever */
  CLIP_TEST_ROUTE_ENDLESS,    /* a chunked body that never ends */
  CLIP_TEST_ROUTE_GZIP_BOMB,  /* ~1 MB of gzip that inflates to 1 GiB */
} ClipTestRouteKind;

typedef struct _ClipTestServer ClipTestServer;

/* ip: a loopback address ("127.0.0.1", "127.0.0.2", …); cert: NULL for
 * plain http. Serves on the thread-default main context. */
ClipTestServer *clip_test_server_new        (const char        *ip,
                                             GTlsCertificate   *cert);
void            clip_test_server_free       (ClipTestServer    *server);
char           *clip_test_server_url        (ClipTestServer    *server,
                                             const char        *path);
/* etag and last_modified may be NULL. */
void            clip_test_server_add_body   (ClipTestServer    *server,
                                             const char        *path,
                                             const char        *content_type,
                                             const char        *body,
                                             gssize             len,
                                             const char        *etag,
                                             const char        *last_modified);
void            clip_test_server_add_status (ClipTestServer    *server,
                                             const char        *path,
                                             guint              status,
                                             const char        *header,
                                             const char        *value);
void            clip_test_server_add_kind   (ClipTestServer    *server,
                                             const char        *path,
                                             ClipTestRouteKind  kind);
/* Answers of the route wait this long (the request counts as in flight). */
void            clip_test_server_set_delay  (ClipTestServer    *server,
                                             const char        *path,
                                             guint              delay_ms);
guint           clip_test_server_hits       (ClipTestServer    *server,
                                             const char        *path);
/* When the route's first request arrived (g_get_monotonic_time()), 0
 * when none has: the server's clock, to measure a client's pace. */
gint64          clip_test_server_first_hit_time (ClipTestServer *server,
                                                 const char     *path);
/* A request header the route last received, or NULL. */
const char     *clip_test_server_last_header (ClipTestServer   *server,
                                              const char       *path,
                                              const char       *name);
guint           clip_test_server_max_in_flight (ClipTestServer *server);
/* Across every server of the process. */
guint           clip_test_servers_max_in_flight (void);
void            clip_test_servers_reset_counts  (void);

/* The test-only certificate (tests/data/fetch) and a database trusting it. */
GTlsCertificate *clip_test_tls_certificate   (void);
GTlsDatabase    *clip_test_tls_database      (void);

/* Peak resident memory of the process, in bytes (VmHWM). */
gsize           clip_test_peak_rss          (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipTestServer, clip_test_server_free)

G_END_DECLS
