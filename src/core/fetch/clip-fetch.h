/* clip-fetch.h — one bounded, polite fetch of an http, https or file URI
 *
 * A ClipFetcher owns one SoupSession and is used from the thread (and the
 * thread-default GMainContext) it was created on. Each fetch sends a
 * conditional GET, follows at most 5 redirects itself (never https → http,
 * only to http(s)), and enforces the limits below; every way it can fail is
 * an error whose message a person can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-feed.h"

G_BEGIN_DECLS

#define CLIP_FETCH_ERROR (clip_fetch_error_quark ())

typedef enum {
  CLIP_FETCH_ERROR_HTTP,       /* the server answered with an error status */
  CLIP_FETCH_ERROR_TIMEOUT,
  CLIP_FETCH_ERROR_TOO_LARGE,
  CLIP_FETCH_ERROR_TLS,        /* certificate not trusted, handshake failed */
  CLIP_FETCH_ERROR_REDIRECT,   /* loop, too many, downgrade, not http(s) */
  CLIP_FETCH_ERROR_NETWORK,    /* cannot resolve, connect or read */
  CLIP_FETCH_ERROR_FILE,       /* a local feed cannot be read */
  CLIP_FETCH_ERROR_INVALID,    /* not an address Clippings fetches */
  CLIP_FETCH_ERROR_NOT_A_FEED, /* discovery found no feed */
} ClipFetchError;

#define CLIP_FETCH_MAX_REDIRECTS 5

typedef struct {
  guint connect_timeout;   /* seconds to connect; also the longest silence
                              while reading (libsoup's I/O timeout) */
  guint response_timeout;  /* milliseconds for the whole response */
  gsize max_body;          /* bytes after decompression */
} ClipFetchLimits;

/* 15 s, 60 s, 16 MiB. */
void clip_fetch_limits_init_default (ClipFetchLimits *limits);

typedef struct {
  GError  *error;          /* NULL on success (200 or 304) */
  guint    status;         /* final HTTP status; 200 for a file; 0 when none */
  char    *url;            /* the address the answer came from */
  char    *moved_to;       /* new permanent address of the requested URL
                              (301/308 from the first hop on), or NULL */
  char    *content_type;
  char    *etag;           /* validators to send next time */
  char    *last_modified;
  GBytes  *body;           /* NULL when not modified or on error */
  gboolean not_modified;
  gint64   retry_after;    /* seconds asked by a 429 or 503, 0 when none */
  GStrv    headers;        /* the main response headers of a success, as
                              "Name: value" (Date, Server, Content-Type,
                              Content-Length, Content-Language,
                              Last-Modified, ETag, Cache-Control), or NULL */
} ClipFetchResponse;

void clip_fetch_response_free (ClipFetchResponse *response);

/* A feed found by discovery. */
typedef struct {
  char           *url;
  char           *title;   /* the feed's own title, or NULL */
  ClipFeedFormat  format;
} ClipFeedCandidate;

void clip_feed_candidate_free (ClipFeedCandidate *candidate);

#define CLIP_TYPE_FETCHER (clip_fetcher_get_type ())
G_DECLARE_FINAL_TYPE (ClipFetcher, clip_fetcher, CLIP, FETCHER, GObject)

GQuark             clip_fetch_error_quark      (void);
/* The reason phrase of an HTTP status ("Too Many Requests"), or NULL for
 * a status that has none. */
const char        *clip_fetch_status_phrase    (guint                  status);

/* limits may be NULL for the defaults. */
ClipFetcher       *clip_fetcher_new            (const ClipFetchLimits *limits);
const ClipFetchLimits *clip_fetcher_get_limits (ClipFetcher           *fetcher);
/* Certificates are always checked; this replaces the system's trusted
 * authorities (tests trust their own). */
void               clip_fetcher_set_tls_database (ClipFetcher         *fetcher,
                                                  GTlsDatabase        *database);

/* etag and last_modified may be NULL. */
void               clip_fetcher_fetch_async    (ClipFetcher           *fetcher,
                                                const char            *url,
                                                const char            *etag,
                                                const char            *last_modified,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
/* Never NULL: failures, cancellation included, are in response->error. */
ClipFetchResponse *clip_fetcher_fetch_finish   (ClipFetcher           *fetcher,
                                                GAsyncResult          *result);

/* The feeds behind an address: the address itself when it is a feed, else
 * the page's <link rel="alternate"> feeds, else the first of /feed, /rss,
 * /atom.xml, /feed.json that is one. Each is fetched and checked. */
void               clip_fetcher_discover_async (ClipFetcher           *fetcher,
                                                const char            *url,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
/* ClipFeedCandidate*; NULL and an error a person can act on when none. */
GPtrArray         *clip_fetcher_discover_finish (ClipFetcher          *fetcher,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipFetchResponse, clip_fetch_response_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipFeedCandidate, clip_feed_candidate_free)

G_END_DECLS
