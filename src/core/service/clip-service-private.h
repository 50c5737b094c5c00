/* clip-service-private.h — the service's state, shared by its two files
 *
 * Fields under "service thread" are touched only on the service thread;
 * the others are set before start or guarded as noted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-fetch.h"
#include "clip-scheduler.h"
#include "clip-service.h"
#include "clip-store.h"

G_BEGIN_DECLS

/* Answers read and not yet stored, at most (besides the 8 requests). */
#define CLIP_SERVICE_MAX_BACKLOG 16

struct _ClipService {
  GObject          parent_instance;

  char            *data_dir;
  GMainContext    *caller_context;   /* where signals are emitted */
  GNetworkMonitor *monitor;
  gulong           monitor_id;
  ClipFetchLimits  limits;
  GTlsDatabase    *tls_database;
  ClipCommands    *commands;         /* run on the service thread */
  gboolean         scheduled;        /* caller's view */
  gboolean         online;           /* caller's view */

  GThread         *thread;
  GMainContext    *context;          /* the service thread's */
  GMutex           lock;             /* start handshake */
  GCond            cond;
  gboolean         ready;
  GError          *start_error;

  /* Service thread */
  GMainLoop       *loop;
  ClipStore       *store;
  ClipFetcher     *fetcher;
  ClipScheduler   *scheduler;
  GCancellable    *cancel;
  GSource         *timer;
  gboolean         t_online;
  gboolean         t_scheduled;
  gboolean         stopping;
  guint            in_flight;        /* fetches and discoveries */
  guint            backlog;          /* answers being parsed or stored */
  GQueue           answered;         /* FetchJob*: to be written */
  GSource         *flush;            /* writes the ready ones */
  gboolean         flush_now;        /* flush is an idle, not a timeout */
  gboolean         run_active;
  guint            run_done;
  guint            last_done;        /* progress last reported */
  guint            last_total;
  GPtrArray       *run_results;      /* ClipFetchOutcome* */

  /* Article pages (clip-service-pages.c), service thread */
  ClipFetcher     *page_fetcher;     /* pages' 8 MiB cap */
  GQueue           page_queue;       /* gint64*: waiting, in order */
  GHashTable      *page_queued;      /* gint64 → the queue's gint64* */
  GHashTable      *page_running;     /* gint64*: pages being fetched */
  GHashTable      *page_waiters;     /* gint64 → GSList of GTask */
  GHashTable      *robots;           /* origin → RobotsEntry* */
  GHashTable      *page_hosts;       /* host → HostState* (back-off) */
  guint            pages_in_flight;  /* page and robots.txt requests */
  gboolean         pages_dirty;      /* the archive may have new waiting pages */
  gboolean         pages_more;       /* the last batch left pages waiting */
  gint64           page_run_from;    /* the run's first new article id: a run
                                        waits for its articles' pages, not for
                                        older ones (a rule's copies) */
  gboolean         pages_startable;  /* a queued page could start now */
  GSource         *page_timer;       /* a host's back-off ends */
  GPtrArray       *page_answers;     /* fetched, to be stored together */
  GSource         *page_flush;       /* stores them */

  /* Listings' and sitemaps' requests waiting for their site's robots.txt,
   * pace or a slot (clip-service-gate.c), service thread */
  GQueue           gated;            /* Gated* */
  gint64           gate_due;         /* µs: the earliest pace among them */
};

/* clip-service-pipeline.c, service thread */
void     clip_service_load_outlets   (ClipService *self);
void     clip_service_pump           (ClipService *self);

/* clip-service.c: runs call (data freed by free_data) on the service
 * thread; FALSE (and nothing run) when the service is not running. */
typedef void (*ClipServiceCall) (ClipService *self, gpointer data);
gboolean clip_service_invoke         (ClipService    *self,
                                      ClipServiceCall call,
                                      gpointer        data,
                                      GDestroyNotify  free_data);

/* clip-service-pages.c, service thread */
void     clip_service_pages_init     (ClipService *self);
void     clip_service_pages_clear    (ClipService *self);
/* Starts the pages that may start; FALSE when none of the run's own
 * articles (added since clip_service_pages_run_begins()) is running or
 * could start now: pages of hosts in back-off, and older articles' pages
 * when more wait than one batch (a backlog of evidence copies), wait
 * without holding a run. */
gboolean clip_service_pages_pump     (ClipService *self);
/* A run starts: its new articles' pages are the ones it waits for. */
void     clip_service_pages_run_begins (ClipService *self);
/* Queues pages (force: also pages fetched before); task (may be NULL) is
 * returned the page's state when its one page is stored. */
void     clip_service_pages_request  (ClipService  *self,
                                      const GArray *article_ids,
                                      gboolean      force,
                                      GTask        *task);

/* clip-service-pages.c: the page's state is known (signal, waiters). */
void     clip_service_page_done      (ClipService *self,
                                      gint64       article_id,
                                      guint        state);
/* clip-service-page-batch.c: a page fetched (response taken), stored
 * with the others that come close together, and counted in its outlet's
 * health; retry_at: when its site may be asked again after this answer
 * failed it (0: whenever). */
void     clip_service_pages_answered (ClipService       *self,
                                      gint64             article_id,
                                      ClipFetchResponse *response,
                                      gint64             retry_at);
/* Pages fetched and not yet stored. */
gboolean clip_service_pages_storing  (ClipService       *self);
void     clip_service_pages_batch_clear (ClipService    *self);

/* Whether a listing's, a sitemap's or a followed page's address may be
 * asked for now, by the site's robots.txt (unless ignored), its pace
 * (Crawl-delay) and back-off, as article pages are. */
typedef enum {
  CLIP_HOST_GO,          /* ask now: the pace starts */
  CLIP_HOST_WAIT,        /* robots.txt being read, the host paced or
                            backing off, or no slot free: ask again */
  CLIP_HOST_DISALLOWED,  /* the site's robots.txt does not allow it */
  CLIP_HOST_FAILING,     /* the host is backing off after failures */
} ClipHostGate;

/* clip-service-pages.c, service thread. slot_host non-NULL: on GO a slot
 * of the scheduler for the host is taken too, its host returned (give it
 * back with clip_scheduler_release_host()); NULL: the caller has one. */
ClipHostGate clip_service_host_gate  (ClipService *self,
                                      const char  *url,
                                      gboolean     ignore_robots,
                                      char       **slot_host);

/* clip-service-gate.c, service thread: go is called (from a later pump,
 * never from this call) once the address may be fetched, with GO (and
 * the host whose slot it holds, the callee's to free), or with
 * DISALLOWED or FAILING; a request waiting when
 * the service stops is dropped with drop(data). While it waits the
 * request does not count in in_flight. */
typedef void (*ClipGateFunc) (ClipService  *self,
                              ClipHostGate  verdict,
                              char         *slot_host,
                              gpointer      data);
void     clip_service_gate_request   (ClipService    *self,
                                      const char     *url,
                                      gboolean        ignore_robots,
                                      ClipGateFunc    go,
                                      gpointer        data,
                                      GDestroyNotify  drop);
void     clip_service_gate_pump      (ClipService    *self);
void     clip_service_gate_clear     (ClipService    *self);

/* clip-service.c: emit on the caller's context. */
void     clip_service_emit_page      (ClipService            *self,
                                      gint64                  article_id,
                                      guint                   state);
void     clip_service_emit_progress  (ClipService            *self,
                                      guint                   done,
                                      guint                   total);
void     clip_service_emit_outcome   (ClipService            *self,
                                      const ClipFetchOutcome *outcome);
void     clip_service_emit_finished  (ClipService            *self,
                                      GPtrArray              *outcomes);

/* A site's state for its pages (clip-service-hosts.c), in page_hosts. */
typedef struct {
  gint     failures;
  gint64   failed_at;     /* µs (monotonic): the last failure */
  gint64   next_allowed;  /* seconds: the back-off after failures */
  gint64   paced_until;   /* µs (real time): the site's Crawl-delay after
                             the last request */
} ClipPageHostState;

void               clip_service_hosts_load      (ClipService *self);
void               clip_service_host_save       (ClipService *self, const char *host,
                                                 const ClipPageHostState *h);
ClipPageHostState *clip_service_host_state      (ClipService *self, const char *host);
void               clip_service_host_failed     (ClipService *self, const char *host,
                                                 gint64 retry_after);
/* A request sent at started (µs, monotonic) was answered well. */
void               clip_service_host_ok         (ClipService *self, const char *host,
                                                 gint64 started);
/* When the host may be asked again, µs: after its back-off and its pace. */
gint64             clip_service_host_due        (const ClipPageHostState *h);
/* A failure that says the host is unwell, not that the page is. */
gboolean           clip_service_is_host_failure (const ClipFetchResponse *r);
/* When the site may be asked again after r failed it (0: whenever). */
gint64             clip_service_host_retry_at   (ClipService *self, const char *host,
                                                 const ClipFetchResponse *r);

G_END_DECLS
