/* clip-service-pages.c — articles' own pages, fetched as politely as
 * feeds: the scheduler's global and per-host slots, a host's back-off
 * after failures, the fetch limits with an 8 MiB cap, and the site's
 * robots.txt unless the outlet says to ignore it
 *
 * Service thread only. Which pages wait is in the archive (page_state
 * 1), so that a restart goes on where it stopped; the queue here holds a
 * window of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-article-page.h"
#include "clip-robots.h"
#include "clip-service-private.h"
#include "clip-store-pages.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define QUEUE_WINDOW      256
#define ROBOTS_LIFETIME   (24 * 3600)

typedef struct {
  ClipRobots *robots;        /* NULL while being fetched */
  gint64      expires;
} RobotsEntry;

/* A page waiting, with its address once read: the pump looks at every
 * waiting page each time a request ends, and reading each one's address
 * from the archive again each time was most of a listing refresh's time. */
typedef struct {
  gint64   id;            /* first: the key of page_queued */
  gboolean read;
  char    *url;
  char    *host;
  char    *origin;
  gboolean ignore_robots;
} Waiting;

typedef struct {
  ClipService *self;
  gint64       id;
  char        *url;
  char        *host;
  char        *origin;       /* robots: scheme://host[:port] */
  gint64       started;      /* µs (monotonic) */
} PageJob;

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
waiting_free (Waiting *w)
{
  g_free (w->url);
  g_free (w->host);
  g_free (w->origin);
  g_free (w);
}

static void
robots_entry_free (RobotsEntry *e)
{
  clip_robots_free (e->robots);
  g_free (e);
}

static void
page_job_free (PageJob *job)
{
  g_free (job->url);
  g_free (job->host);
  g_free (job->origin);
  g_free (job);
}

void
clip_service_pages_init (ClipService *self)
{
  ClipFetchLimits limits = self->limits;

  limits.max_body = MIN (limits.max_body, CLIP_PAGE_MAX_BYTES);
  self->page_fetcher = clip_fetcher_new (&limits);
  if (self->tls_database)
    clip_fetcher_set_tls_database (self->page_fetcher, self->tls_database);
  g_queue_init (&self->page_queue);
  self->page_queued = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->page_running = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->page_waiters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->robots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) robots_entry_free);
  self->page_hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pages_dirty = TRUE;
  g_queue_init (&self->gated);
  self->gate_due = G_MAXINT64;
  clip_service_hosts_load (self);
}

static void
fail_waiters (ClipService *self, gint64 id, gint state)
{
  GSList *tasks = NULL;
  gpointer key = NULL;

  if (!g_hash_table_steal_extended (self->page_waiters, &id, &key, (gpointer *) &tasks))
    return;
  g_free (key);
  for (GSList *l = tasks; l; l = l->next)
    {
      if (state < 0)
        g_task_return_new_error (l->data, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The fetch service stopped"));
      else
        g_task_return_int (l->data, state);
      g_object_unref (l->data);
    }
  g_slist_free (tasks);
}

void
clip_service_pages_clear (ClipService *self)
{
  if (self->page_waiters)
    {
      g_autoptr(GList) ids = g_hash_table_get_keys (self->page_waiters);
      g_autoptr(GArray) copy = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (GList *l = ids; l; l = l->next)
        g_array_append_val (copy, *(gint64 *) l->data);
      for (guint i = 0; i < copy->len; i++)
        fail_waiters (self, g_array_index (copy, gint64, i), -1);
    }
  if (self->page_timer)
    {
      g_source_destroy (self->page_timer);
      g_clear_pointer (&self->page_timer, g_source_unref);
    }
  clip_service_pages_batch_clear (self);
  g_queue_clear_full (&self->page_queue, (GDestroyNotify) waiting_free);
  clip_service_gate_clear (self);
  g_clear_pointer (&self->page_queued, g_hash_table_unref);
  g_clear_pointer (&self->page_running, g_hash_table_unref);
  g_clear_pointer (&self->page_waiters, g_hash_table_unref);
  g_clear_pointer (&self->robots, g_hash_table_unref);
  g_clear_pointer (&self->page_hosts, g_hash_table_unref);
  g_clear_object (&self->page_fetcher);
}

static void
enqueue (ClipService *self, gint64 id)
{
  Waiting *w;

  /* A page being fetched still waits in the archive until it is stored:
   * a batch read meanwhile must not ask for it twice. */
  if (g_hash_table_contains (self->page_queued, &id) || g_hash_table_contains (self->page_running, &id))
    return;
  w = g_new0 (Waiting, 1);
  w->id = id;
  g_queue_push_tail (&self->page_queue, w);
  g_hash_table_add (self->page_queued, &w->id);
}

static void
dequeue (ClipService *self, GList *link)
{
  Waiting *w = link->data;

  g_hash_table_remove (self->page_queued, &w->id);
  g_queue_delete_link (&self->page_queue, link);
  waiting_free (w);
}

static void
load_waiting (ClipService *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean more = FALSE;

  /* New pages may wait (an ingest, a command): a batch now, whatever the
   * queue holds, so that one outlet's backlog (a rule's matches over the
   * archive wanting their copies) does not keep another's new pages out;
   * the batch's share of each outlet keeps the queue near the window.
   * Only more of the old: a batch once half the window is taken. */
  if (!self->pages_dirty &&
      (!self->pages_more || g_queue_get_length (&self->page_queue) > QUEUE_WINDOW / 2))
    return;
  ids = clip_store_waiting_pages (self->store, QUEUE_WINDOW, &more, &error);
  clip_store_release_snapshot (self->store);
  if (ids == NULL)
    {
      g_message ("Could not read the pages to fetch: %s", error->message);
      return;
    }
  self->pages_dirty = FALSE;
  self->pages_more = more;
  for (guint i = 0; i < ids->len; i++)
    enqueue (self, g_array_index (ids, gint64, i));
}

/* The article's address and its outlet's robots setting; FALSE when the
 * article is gone. */
static gboolean
read_target (ClipService *self, gint64 id, char **url, gboolean *ignore_robots)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = clip_store_prepare (self->store,
      "SELECT a.url, o.robots FROM articles a JOIN outlets o ON o.id = a.outlet_id "
      "WHERE a.id = ? AND a.page_state = 1", &error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *url = clip_store_dup_column (stmt, 0);
      *ignore_robots = sqlite3_column_int (stmt, 1) != 0;
      found = *url != NULL;
    }
  sqlite3_reset (stmt);
  return found;
}

static gboolean
split_url (const char *url, char **host, char **origin)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
    return FALSE;
  *host = g_ascii_strdown (g_uri_get_host (uri), -1);
  *origin = g_uri_get_port (uri) > 0
            ? g_strdup_printf ("%s://%s:%d", scheme, *host, g_uri_get_port (uri))
            : g_strdup_printf ("%s://%s", scheme, *host);
  return TRUE;
}

/* A site's Crawl-delay: one request, then none for that long. */
static void
host_pace (ClipService *self, const char *origin, const char *host)
{
  RobotsEntry *e = g_hash_table_lookup (self->robots, origin);
  guint delay_ms = e && e->robots ? clip_robots_crawl_delay_ms (e->robots) : 0;

  if (delay_ms > 0)
    clip_service_host_state (self, host)->paced_until = g_get_real_time () + (gint64) delay_ms * 1000;
}

void
clip_service_page_done (ClipService *self, gint64 id, guint state)
{
  /* Stored (or dropped): no longer waiting in the archive either. */
  if (self->page_running)
    g_hash_table_remove (self->page_running, &id);
  clip_service_emit_page (self, id, state);
  fail_waiters (self, id, state);
}

static void
page_fetched_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  PageJob *job = data;
  ClipService *self = job->self;
  ClipFetchResponse *r = clip_fetcher_fetch_finish (CLIP_FETCHER (source), result);

  self->in_flight--;
  self->pages_in_flight--;
  clip_scheduler_release_host (self->scheduler, job->host);
  if (self->stopping || g_error_matches (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      clip_fetch_response_free (r);
      page_job_free (job);
      return;
    }
  if (clip_service_is_host_failure (r))
    clip_service_host_failed (self, job->host, r->retry_after);
  else if (r->error == NULL)
    clip_service_host_ok (self, job->host, job->started);
  clip_service_pages_answered (self, job->id, r, clip_service_host_retry_at (self, job->host, r));
  page_job_free (job);
  clip_service_pump (self);
}

static void
robots_fetched_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  PageJob *job = data;
  ClipService *self = job->self;
  g_autoptr(ClipFetchResponse) r = clip_fetcher_fetch_finish (CLIP_FETCHER (source), result);
  RobotsEntry *e;

  self->in_flight--;
  self->pages_in_flight--;
  clip_scheduler_release_host (self->scheduler, job->host);
  if (self->stopping || g_error_matches (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      page_job_free (job);
      return;
    }
  e = g_hash_table_lookup (self->robots, job->origin);
  if (r->error == NULL || (g_error_matches (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_HTTP) &&
                           r->status >= 400 && r->status < 500 && r->status != 429))
    {
      gsize len = 0;
      const char *text = r->body ? g_bytes_get_data (r->body, &len) : NULL;

      /* No robots.txt (a 4xx) allows everything (RFC 9309 2.3.1.3). */
      e->robots = r->error ? clip_robots_new_allow_all ()
                           : clip_robots_parse (text, len, CLIP_ROBOTS_AGENT);
      e->expires = now_seconds () + ROBOTS_LIFETIME;
      clip_service_host_ok (self, job->host, job->started);
    }
  else
    {
      /* Unreachable: the host's pages wait, as after any failure. */
      g_hash_table_remove (self->robots, job->origin);
      clip_service_host_failed (self, job->host, r->retry_after);
    }
  page_job_free (job);
  clip_service_pump (self);
}

static void
start (ClipService *self, PageJob *job, gboolean robots)
{
  g_autofree char *url = robots ? g_strconcat (job->origin, "/robots.txt", NULL) : NULL;

  self->in_flight++;
  self->pages_in_flight++;
  job->started = g_get_monotonic_time ();
  if (!robots)
    g_hash_table_add (self->page_running, g_memdup2 (&job->id, sizeof job->id));
  clip_fetcher_fetch_async (self->page_fetcher, robots ? url : job->url, NULL, NULL, self->cancel,
                            robots ? robots_fetched_cb : page_fetched_cb, job);
}

static void
record_now (ClipService *self, gint64 id, ClipPageState state, const char *message, const char *url)
{
  g_autoptr(GError) error = NULL;
  ClipStoredPage p = { 0 };

  p.state = state;
  p.error = (char *) message;
  p.url = (char *) url;
  p.published = CLIP_NO_DATE;
  p.fetched = now_seconds ();
  if (!clip_store_save_page (self->store, id, &p, &error))
    g_message ("Could not store the page of article %" G_GINT64_FORMAT ": %s", id, error->message);
  clip_service_page_done (self, id, state);
}

typedef enum { TRY_DROP, TRY_WAIT, TRY_BLOCKED, TRY_STARTED } TryResult;

/* The site's robots.txt, read (and kept a day) before anything else is
 * asked of it: NULL while it is being read. */
static ClipRobots *
robots_of (ClipService *self, const char *host, const char *origin, gint64 now)
{
  RobotsEntry *e = g_hash_table_lookup (self->robots, origin);
  PageJob *rj;

  if (e != NULL && e->robots != NULL && e->expires <= now)
    {
      g_hash_table_remove (self->robots, origin);
      e = NULL;
    }
  if (e != NULL)
    return e->robots;
  if (!clip_scheduler_acquire_host (self->scheduler, host))
    return NULL;
  rj = g_new0 (PageJob, 1);
  rj->self = self;
  rj->host = g_strdup (host);
  rj->origin = g_strdup (origin);
  g_hash_table_insert (self->robots, g_strdup (origin), g_new0 (RobotsEntry, 1));
  start (self, rj, TRUE);
  return NULL;
}

/* Whether robots.txt lets the page go: TRY_STARTED when it does (or the
 * outlet ignores it), TRY_WAIT while it is being read. */
static TryResult
check_robots (ClipService *self, PageJob *job, gint64 now)
{
  ClipRobots *robots = robots_of (self, job->host, job->origin, now);

  if (robots == NULL)
    return TRY_WAIT;
  if (!clip_robots_allowed_url (robots, job->url))
    {
      g_autofree char *message = g_strdup_printf (_("the site's robots.txt does not allow reading %s"),
                                                  job->url);

      record_now (self, job->id, CLIP_PAGE_STATE_ROBOTS, message, job->url);
      return TRY_DROP;
    }
  return TRY_STARTED;
}

/* Whether a page of the run's own articles is being fetched or stored
 * (one waiting for a robots.txt is waiting in the queue). */
static gboolean
run_running (ClipService *self, gint64 from)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->page_running);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (*(gint64 *) key >= from)
      return TRUE;
  return FALSE;
}

/* The waiting page's address and host, read once. FALSE when it is no
 * longer to be fetched (then it is dropped and said). */
static gboolean
read_waiting (ClipService *self, Waiting *w)
{
  if (w->read)
    return TRUE;
  if (!read_target (self, w->id, &w->url, &w->ignore_robots))
    {
      clip_service_page_done (self, w->id, CLIP_PAGE_STATE_NONE);
      return FALSE;       /* gone, or no longer waiting */
    }
  w->read = TRUE;
  if (!split_url (w->url, &w->host, &w->origin))
    {
      record_now (self, w->id, CLIP_PAGE_STATE_FAILED, _("not a web address"), w->url);
      return FALSE;
    }
  if (clip_article_page_host_refused (w->host))
    {
      record_now (self, w->id, CLIP_PAGE_STATE_FAILED,
                  "not fetched: CLIPPINGS_FETCH_LOOPBACK_ONLY allows only loopback addresses", w->url);
      return FALSE;
    }
  return TRUE;
}

static TryResult
try_start (ClipService *self, Waiting *w, gint64 now)
{
  PageJob *job;
  ClipPageHostState *h;
  TryResult t;

  if (!read_waiting (self, w))
    return TRY_DROP;
  h = g_hash_table_lookup (self->page_hosts, w->host);
  if (h != NULL && clip_service_host_due (h) > g_get_real_time ())
    return TRY_BLOCKED;
  job = g_new0 (PageJob, 1);
  job->self = self;
  job->id = w->id;
  job->url = g_strdup (w->url);
  job->host = g_strdup (w->host);
  job->origin = g_strdup (w->origin);
  t = w->ignore_robots ? TRY_STARTED : check_robots (self, job, now);
  if (t == TRY_STARTED && !clip_scheduler_acquire_host (self->scheduler, job->host))
    t = TRY_WAIT;
  if (t == TRY_STARTED)
    {
      g_autofree char *url = NULL;
      gboolean ignore = FALSE;

      /* Read again as it starts: it may be gone or fetched meanwhile. */
      if (!read_target (self, w->id, &url, &ignore))
        {
          clip_scheduler_release_host (self->scheduler, job->host);
          page_job_free (job);
          clip_service_page_done (self, w->id, CLIP_PAGE_STATE_NONE);
          return TRY_DROP;
        }
      if (!w->ignore_robots)
        host_pace (self, job->origin, job->host);
      start (self, job, FALSE);
    }
  else
    page_job_free (job);
  return t;
}

static gboolean
page_timer_cb (gpointer data)
{
  ClipService *self = data;

  g_clear_pointer (&self->page_timer, g_source_unref);
  clip_service_pump (self);
  return G_SOURCE_REMOVE;
}

/* due: µs of real time. */
static void
arm_page_timer (ClipService *self, gint64 due)
{
  gint64 ms = due == G_MAXINT64 ? 0 : (due - g_get_real_time () + 999) / 1000;

  if (self->page_timer)
    {
      g_source_destroy (self->page_timer);
      g_clear_pointer (&self->page_timer, g_source_unref);
    }
  if (due == G_MAXINT64 || self->stopping)
    return;
  self->page_timer = g_timeout_source_new ((guint) CLAMP (ms, 1, 24 * 3600 * 1000));
  g_source_set_callback (self->page_timer, page_timer_cb, self, NULL);
  g_source_attach (self->page_timer, self->context);
}

gboolean
clip_service_pages_pump (ClipService *self)
{
  gint64 now = now_seconds ();
  /* listings waiting for a host's pace wake the same timer */
  gint64 due = self->gate_due;
  gboolean waiting = FALSE, paced = FALSE, run_waiting = FALSE;
  gint64 from;
  GList *l, *next;

  self->gate_due = G_MAXINT64;
  if (self->stopping || self->page_fetcher == NULL)
    return FALSE;
  load_waiting (self);
  /* A run waits for the pages of its own new articles, and for older
   * ones while they fit in one batch (a flagged article's copy:
   * `clippings-cli fetch` reads it too); a larger backlog (a rule's
   * copies over the archive) is read meanwhile without holding the run
   * (the window's and `watch`'s service read it all). */
  from = self->pages_more ? self->page_run_from : 0;
  for (l = self->page_queue.head; l; l = next)
    {
      Waiting *w = l->data;
      TryResult t;

      next = l->next;
      /* Every slot taken: nothing can start, the rest wait as they are. */
      if (clip_scheduler_full (self->scheduler))
        {
          waiting = TRUE;
          for (GList *rest = l; rest != NULL && !run_waiting; rest = rest->next)
            run_waiting = ((Waiting *) rest->data)->id >= from;
          break;
        }
      t = try_start (self, w, now);
      if (t == TRY_DROP || t == TRY_STARTED)
        dequeue (self, l);
      else if (t == TRY_WAIT)
        {
          waiting = TRUE;
          run_waiting |= w->id >= from;
        }
      else
        {
          ClipPageHostState *h = g_hash_table_lookup (self->page_hosts, w->host);

          if (h != NULL)
            {
              due = MIN (due, clip_service_host_due (h));
              /* a Crawl-delay is short: the run waits for it, not for
               * a failing host's back-off */
              paced |= h->failures == 0 && w->id >= from;
            }
        }
    }
  clip_store_release_snapshot (self->store);
  arm_page_timer (self, due);
  self->pages_startable = waiting;
  return run_running (self, from) || clip_service_pages_storing (self) || run_waiting || paced;
}

void
clip_service_pages_run_begins (ClipService *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = clip_store_prepare (self->store, "SELECT coalesce(max(id), 0) + 1 FROM articles",
                                           &error);

  /* Unreadable: the run waits for every page, as it did. */
  self->page_run_from = 0;
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    self->page_run_from = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  clip_store_release_snapshot (self->store);
}

/* Listings, sitemaps and the pages followed from them (clip-service-gate.c)
 * go by the same robots.txt, pace and back-off as article pages. */
ClipHostGate
clip_service_host_gate (ClipService *self,
                        const char  *url,
                        gboolean     ignore_robots,
                        char       **slot_host)
{
  g_autofree char *host = NULL, *origin = NULL;
  ClipRobots *robots = NULL;
  ClipPageHostState *h;

  if (!split_url (url, &host, &origin))
    return CLIP_HOST_GO;        /* the fetcher says what is wrong with it */
  h = g_hash_table_lookup (self->page_hosts, host);
  /* A host backing off after failures is not waited for: that can take
   * hours, and a run (fetch once) would never end. */
  if (h != NULL && clip_service_host_due (h) > g_get_real_time () && h->failures > 0)
    return CLIP_HOST_FAILING;
  if (h != NULL && clip_service_host_due (h) > g_get_real_time ())
    {
      self->gate_due = MIN (self->gate_due, clip_service_host_due (h));
      return CLIP_HOST_WAIT;
    }
  if (!ignore_robots && (robots = robots_of (self, host, origin, now_seconds ())) == NULL)
    return CLIP_HOST_WAIT;
  if (robots != NULL && !clip_robots_allowed_url (robots, url))
    return CLIP_HOST_DISALLOWED;
  if (slot_host != NULL)
    {
      if (!clip_scheduler_acquire_host (self->scheduler, host))
        return CLIP_HOST_WAIT;
      *slot_host = g_steal_pointer (&host);
    }
  if (!ignore_robots)
    host_pace (self, origin, slot_host ? *slot_host : host);
  return CLIP_HOST_GO;
}

void
clip_service_pages_request (ClipService  *self,
                            const GArray *ids,
                            gboolean      force,
                            GTask        *task)
{
  g_autoptr(GError) error = NULL;

  if (!clip_store_want_pages (self->store, ids, force, &error))
    {
      if (task)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_message ("Could not queue pages: %s", error->message);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    enqueue (self, g_array_index (ids, gint64, i));
  if (task != NULL && ids->len == 1)
    {
      gint64 id = g_array_index (ids, gint64, 0);
      GSList *tasks = NULL;
      gpointer key = NULL;

      if (g_hash_table_steal_extended (self->page_waiters, &id, &key, (gpointer *) &tasks))
        g_free (key);
      g_hash_table_insert (self->page_waiters, g_memdup2 (&id, sizeof id),
                           g_slist_prepend (tasks, g_object_ref (task)));
    }
  self->pages_dirty = TRUE;
  clip_service_pump (self);
}

/* The public calls (clip-service.h), from the caller's thread */

typedef struct {
  GArray  *ids;
  gboolean force;
  GTask   *task;
} PageRequest;

static void
page_request_free (PageRequest *r)
{
  g_array_unref (r->ids);
  g_clear_object (&r->task);
  g_free (r);
}

static void
pages_in_thread (ClipService *self, gpointer data)
{
  PageRequest *r = data;

  if (r->task != NULL && self->stopping)
    g_task_return_new_error (r->task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The fetch service stopped"));
  else if (!self->stopping)
    clip_service_pages_request (self, r->ids, r->force, r->task);
}

void
clip_service_fetch_pages (ClipService  *self,
                          const GArray *article_ids,
                          gboolean      force)
{
  PageRequest *r;

  g_return_if_fail (CLIP_IS_SERVICE (self));
  g_return_if_fail (article_ids != NULL);
  r = g_new0 (PageRequest, 1);
  r->ids = g_array_copy ((GArray *) article_ids);
  r->force = force;
  clip_service_invoke (self, pages_in_thread, r, (GDestroyNotify) page_request_free);
}

void
clip_service_fetch_page_async (ClipService         *self,
                               gint64               article_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  PageRequest *r;
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (CLIP_IS_SERVICE (self));
  g_task_set_source_tag (task, clip_service_fetch_page_async);
  r = g_new0 (PageRequest, 1);
  r->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (r->ids, article_id);
  r->force = TRUE;
  r->task = g_object_ref (task);
  if (!clip_service_invoke (self, pages_in_thread, r, (GDestroyNotify) page_request_free))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                             _("The fetch service is not running"));
}

gint
clip_service_fetch_page_finish (ClipService   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  return (gint) g_task_propagate_int (G_TASK (result), error);
}
