/* clip-service.h — keeps the archive up to date, off the caller's thread
 *
 * A ClipService runs on its own thread with its own GMainContext and one
 * SoupSession, and owns the archive's writer connection. For each answer
 * it parses the feed and writes its articles and the outlet's state in one
 * transaction (the rules engine matches inside it). Every signal is
 * emitted, and every async call completes, on the thread-default main
 * context of the thread that called clip_service_new().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-commands.h"
#include "clip-fetch.h"
#include "clip-outlet.h"
#include "clip-probe.h"

G_BEGIN_DECLS

typedef enum {
  CLIP_FETCH_STATUS_OK,            /* fetched and stored */
  CLIP_FETCH_STATUS_NOT_MODIFIED,  /* 304, or an unchanged local file */
  CLIP_FETCH_STATUS_ERROR,
} ClipFetchStatus;

/* What one fetch of one outlet did. */
typedef struct {
  gint64          outlet_id;
  char           *name;
  char           *url;          /* the address fetched */
  ClipFetchStatus status;
  guint           added;
  guint           updated;
  guint           unchanged;
  GArray         *added_ids;    /* gint64, the new articles */
  char           *error;        /* for a person; NULL unless status is ERROR */
  char           *moved_to;     /* the outlet's new address (a 301/308), or NULL */
  gint            failures;     /* consecutive, after this fetch */
  gint64          next_attempt; /* Unix seconds */
} ClipFetchOutcome;

#define CLIP_TYPE_FETCH_OUTCOME (clip_fetch_outcome_get_type ())
GType              clip_fetch_outcome_get_type   (void) G_GNUC_CONST;
ClipFetchOutcome  *clip_fetch_outcome_copy       (const ClipFetchOutcome *outcome);
void               clip_fetch_outcome_free       (ClipFetchOutcome       *outcome);
const char        *clip_fetch_status_to_string   (ClipFetchStatus         status);

#define CLIP_TYPE_SERVICE (clip_service_get_type ())
G_DECLARE_FINAL_TYPE (ClipService, clip_service, CLIP, SERVICE, GObject)

/* data_dir NULL: the default archive (CLIPPINGS_DATA_DIR or the user data
 * directory). Nothing runs until clip_service_start(). */
ClipService *clip_service_new                (const char           *data_dir);

/* Before start: what decides "offline" (default: the system's), the fetch
 * limits and the trusted authorities (tests). */
void         clip_service_set_network_monitor (ClipService         *self,
                                               GNetworkMonitor     *monitor);
void         clip_service_set_fetch_limits   (ClipService          *self,
                                              const ClipFetchLimits *limits);
void         clip_service_set_tls_database   (ClipService          *self,
                                              GTlsDatabase         *database);
/* Outlets are fetched when due (TRUE, the default) or only on request
 * (FALSE: `clippings-cli fetch`). Settable at any time. */
void         clip_service_set_scheduled      (ClipService          *self,
                                              gboolean              scheduled);
gboolean     clip_service_get_scheduled      (ClipService          *self);
/* FALSE while the network monitor says offline: due outlets wait, and
 * manual refreshes still try. */
gboolean     clip_service_get_online         (ClipService          *self);
gboolean     clip_service_is_running         (ClipService          *self);

/* Opens the archive on the service thread; fails with the archive's error
 * (locked, too new, disk full…). */
gboolean     clip_service_start              (ClipService          *self,
                                              GError              **error);
/* Lets the transaction in progress commit, cancels the fetches in flight
 * (their outlets keep their state), closes the archive and joins the
 * thread. */
void         clip_service_stop               (ClipService          *self);

/* Manual refreshes go before anything scheduled. */
void         clip_service_refresh_all        (ClipService          *self);
void         clip_service_refresh_outlet     (ClipService          *self,
                                              gint64                outlet_id);
/* Re-reads the outlet list (after another connection changed it). */
void         clip_service_reload_outlets     (ClipService          *self);

/* Articles' own pages (clip-article-page.h): queued and fetched as
 * politely as feeds, extracted, stored beside the feed's text, matched
 * again. Without force only pages never fetched or queued before; with
 * it also those (the analyst asked). The ids may come from any source of
 * article addresses (feeds, listing pages, sitemaps). */
void         clip_service_fetch_pages        (ClipService          *self,
                                              const GArray         *article_ids,
                                              gboolean              force);
/* "Get full text" for one article: fetched again even when it was, and
 * completes when the page is stored (or refused, or failed). */
void         clip_service_fetch_page_async   (ClipService          *self,
                                              gint64                article_id,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* The page's new ClipPageState (clip-store-pages.h), or -1 and error. */
gint         clip_service_fetch_page_finish  (ClipService          *self,
                                              GAsyncResult         *result,
                                              GError              **error);

/* The feeds behind an address (see clip_fetcher_discover_async()). */
void         clip_service_discover_feeds_async  (ClipService         *self,
                                                 const char          *url,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* What a page offers to watch (see clip_fetcher_probe_async()). */
void         clip_service_probe_async        (ClipService         *self,
                                              const char          *url,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
ClipProbe   *clip_service_probe_finish       (ClipService         *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* ClipFeedCandidate* */
GPtrArray   *clip_service_discover_feeds_finish (ClipService         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* The commands, run on the service's writer on its thread (the one
 * writer of the process): an outlet added is fetched at once, outlets
 * removed are not fetched any more. They fail while the service is not
 * running. */
ClipCommands *clip_service_get_commands      (ClipService          *self);

/* Signals (on the creating thread):
 *   "progress"         (guint done, guint total)   during a refresh run
 *   "outlet-updated"   (ClipFetchOutcome *)        after each outlet
 *   "refresh-finished" (GPtrArray *)               ClipFetchOutcome*, when
 *                                                  nothing is left to fetch
 *                                                  (the new articles' pages too)
 *   "page-fetched"     (gint64 article_id, guint state)  after each page
 * Properties: "online", "scheduled" (notify). */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipFetchOutcome, clip_fetch_outcome_free)

G_END_DECLS
