/* clip-test-service.h — the fetch service's tests' fixture: an archive in
 * a temporary folder, a loopback SoupServer, and the service refreshing
 * the one into the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-service.h"
#include "clip-store.h"
#include "clip-test-server.h"

G_BEGIN_DECLS

typedef struct {
  char           *dir;
  ClipStore      *store;     /* the test's own connection */
  ClipTestServer *server;    /* on 127.0.0.1 */
  ClipService    *service;
  GPtrArray      *results;   /* of the last refresh to finish */
  guint           last_done, last_total;   /* the last progress */
} ClipTestServiceFixture;

/* data NULL: the service is started (not scheduled); otherwise the test
 * starts it with clip_test_service_start(). */
void                    clip_test_service_setup          (ClipTestServiceFixture *f,
                                                          gconstpointer           data);
void                    clip_test_service_teardown       (ClipTestServiceFixture *f,
                                                          gconstpointer           data);
/* monitor: NULL for the system's. */
void                    clip_test_service_start          (ClipTestServiceFixture *f,
                                                          GNetworkMonitor        *monitor,
                                                          gboolean                scheduled);
/* Spins the main loop until cond holds; fails the test after timeout_ms. */
void                    clip_test_service_wait_until     (gboolean (*cond) (ClipTestServiceFixture *f),
                                                          ClipTestServiceFixture *f,
                                                          guint                   timeout_ms);
gboolean                clip_test_service_have_results   (ClipTestServiceFixture *f);
/* Refreshes one outlet (id 0: all) and waits for the results. */
GPtrArray              *clip_test_service_refresh        (ClipTestServiceFixture *f,
                                                          gint64                  id);
/* The last results' outcome for the outlet; fails the test when absent. */
const ClipFetchOutcome *clip_test_service_outcome        (ClipTestServiceFixture *f,
                                                          gint64                  id);
/* An RSS 2.0 feed of n items, their guids and links made from prefix. */
char                   *clip_test_service_rss            (const char             *title,
                                                          guint                   n,
                                                          const char             *prefix);
/* An outlet for path on server (NULL: the fixture's); its id. */
gint64                  clip_test_service_add_outlet     (ClipTestServiceFixture *f,
                                                          ClipTestServer         *server,
                                                          const char             *path);
ClipOutlet             *clip_test_service_get_outlet     (ClipTestServiceFixture *f,
                                                          gint64                  id);
gint64                  clip_test_service_count_articles (ClipTestServiceFixture *f,
                                                          gint64                  outlet_id);
/* The fixture's server answers path with clip_test_service_rss(); etag
 * may be NULL. */
void                    clip_test_service_serve_rss      (ClipTestServiceFixture *f,
                                                          const char             *path,
                                                          const char             *title,
                                                          guint                   n,
                                                          const char             *etag);

G_END_DECLS
