/* clip-service-pipeline.c — fetch → parse → one transaction → notify
 *
 * Runs on the service thread only. Each answer is parsed and written with
 * the outlet's new state in one transaction, so a crash leaves either the
 * old articles and old state or the new ones, never new articles with an
 * ETag that would hide them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-service-job.h"
#include "clip-store-listing.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Answers written in one transaction when they come close together, and
 * how long the first waits for the others. */
#define FLUSH_BATCH     8
#define FLUSH_DELAY_MS  100

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The scheduler's view of the outlets table, without the article counts
 * clip_store_list_outlets() pays for. */
void
clip_service_load_outlets (ClipService *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) known = NULL;
  sqlite3_stmt *stmt = clip_store_prepare (self->store,
      "SELECT id, url, enabled AND NOT removed, next_attempt FROM outlets", &error);
  int rc;

  if (stmt == NULL)
    {
      g_warning ("Could not read the outlets: %s", error->message);
      return;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      clip_scheduler_set_outlet (self->scheduler, id, (const char *) sqlite3_column_text (stmt, 1),
                                 sqlite3_column_int64 (stmt, 3), sqlite3_column_int (stmt, 2) != 0);
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (self->store, rc, _("Could not read the outlets"), &error);
      g_warning ("%s", error->message);
      return;
    }
  /* Outlets removed by another connection. */
  known = clip_scheduler_outlet_ids (self->scheduler);
  for (guint i = 0; i < known->len; i++)
    if (!g_hash_table_contains (seen, &g_array_index (known, gint64, i)))
      clip_scheduler_remove_outlet (self->scheduler, g_array_index (known, gint64, i));
}

static ClipFetchOutcome *
outcome_new (const ClipOutlet *o)
{
  ClipFetchOutcome *out = g_new0 (ClipFetchOutcome, 1);

  out->outlet_id = o->id;
  out->name = g_strdup (o->name);
  out->url = g_strdup (o->url);
  out->added_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return out;
}

/* Sets the outcome and the outlet's state for a failed fetch, and saves
 * the state; FALSE (and error) when it could not be saved. */
static gboolean
record_failure (ClipService      *self,
                ClipOutlet       *o,
                ClipFetchOutcome *out,
                const char       *message,
                gint64            retry_after,
                GError          **error)
{
  gint64 now = now_seconds ();

  o->failures++;
  o->last_attempt = now;
  g_free (o->last_error);
  o->last_error = g_strdup (message);
  o->next_attempt = clip_schedule_after_failure (o->interval, o->failures, retry_after,
                                                 now, g_random_int ());
  out->status = CLIP_FETCH_STATUS_ERROR;
  g_free (out->error);
  out->error = g_strdup (message);
  return clip_store_save_fetch_state (self->store, o, error);
}

static void
mark_success (ClipOutlet *o, const ClipFetchResponse *r)
{
  gint64 now = now_seconds ();

  o->last_attempt = now;
  o->last_success = now;
  o->failures = 0;
  g_clear_pointer (&o->last_error, g_free);
  g_free (o->etag);
  o->etag = g_strdup (r->etag);
  g_free (o->last_modified);
  o->last_modified = g_strdup (r->last_modified);
  o->next_attempt = clip_schedule_after_success (o->interval, now, g_random_int ());
}

static gboolean
looks_like_html (const ClipFetchResponse *r)
{
  gsize len;
  const char *data = g_bytes_get_data (r->body, &len);
  g_autofree char *head = g_ascii_strdown (data ? data : "", MIN (len, 512));

  return (r->content_type && strstr (r->content_type, "html")) ||
         strstr (head, "<!doctype html") || strstr (head, "<html");
}

/* What a person reads in the outlet's health when parsing failed. */
static char *
parse_error_message (const ClipFetchResponse *r, const GError *error)
{
  if (g_error_matches (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_TOO_LARGE))
    return g_strdup (_("too large"));
  if (g_error_matches (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_NOT_A_FEED) && looks_like_html (r))
    return g_strdup (_("not a feed (a web page: add the site to find its feed)"));
  if (g_error_matches (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_NOT_A_FEED))
    return g_strdup (_("not a feed"));
  return g_strdup_printf (_("unreadable feed (%s)"), error->message);
}

static GPtrArray *
feed_articles (const ClipFeed *feed, gint64 outlet_id)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);

  for (guint i = 0; i < feed->items->len; i++)
    {
      ClipArticle *a = clip_feed_item_to_article (g_ptr_array_index (feed->items, i), feed);

      /* An item with nothing to show would make the store refuse the
       * whole batch; the rest of the feed is still worth keeping. */
      if (a == NULL || ((a->title == NULL || *a->title == '\0') &&
                        (a->url == NULL || *a->url == '\0') && *clip_article_body (a) == '\0'))
        {
          clip_article_free (a);
          continue;
        }
      a->outlet_id = outlet_id;
      g_ptr_array_add (articles, a);
    }
  return articles;
}

/* A permanent redirect moves the outlet, unless another outlet already
 * has the new address (then both would fetch the same feed). */
static void
apply_move (ClipService *self, ClipOutlet *o, ClipFetchOutcome *out, const char *moved_to)
{
  g_autoptr(ClipOutlet) other = NULL;

  if (moved_to == NULL || g_strcmp0 (moved_to, o->url) == 0)
    return;
  other = clip_store_find_outlet (self->store, moved_to, NULL);
  if (other != NULL && other->id != o->id)
    return;
  g_free (o->url);
  o->url = g_strdup (moved_to);
  out->moved_to = g_strdup (moved_to);
}

/* An outlet added with no name (a local file) or no site takes the
 * feed's own; a name the analyst chose is never replaced. */
static gboolean
fill_identity (ClipService *self, ClipOutlet *o, const FetchJob *job, GError **error)
{
  gboolean changed = FALSE;

  if ((o->name == NULL || *o->name == '\0') && job->feed_title && *job->feed_title)
    {
      g_free (o->name);
      o->name = g_strdup (job->feed_title);
      changed = TRUE;
    }
  if (o->site_url == NULL && job->feed_link && g_str_has_prefix (job->feed_link, "http"))
    {
      o->site_url = g_strdup (job->feed_link);
      changed = TRUE;
    }
  return !changed || clip_store_update_outlet (self->store, o, error);
}

static gboolean
store_articles (ClipService             *self,
                ClipOutlet              *o,
                ClipFetchOutcome        *out,
                const ClipFetchResponse *r,
                const FetchJob          *job,
                GError                 **error)
{
  GPtrArray *articles = job->articles;
  ClipIngestResult result;
  gboolean ok;

  clip_ingest_result_init (&result);
  if (!clip_store_begin (self->store, error))
    {
      clip_ingest_result_clear (&result);
      return FALSE;
    }
  ok = clip_store_ingest (self->store, o->id, articles, &result, error);
  if (ok)
    {
      mark_success (o, r);
      /* the selector takes articles again: its preview is this page's */
      o->layout_changed = FALSE;
      if (job->listing.preview)
        {
          g_free (o->preview);
          o->preview = g_strdup (job->listing.preview);
        }
      apply_move (self, o, out, r->moved_to);
      ok = fill_identity (self, o, job, error) &&
           clip_store_save_fetch_state (self->store, o, error);
    }
  /* A commit ends the transaction even when it fails: no rollback after. */
  if (!ok)
    clip_store_rollback (self->store);
  else
    ok = clip_store_commit (self->store, error);
  if (ok)
    {
      g_free (out->name);
      out->name = g_strdup (o->name);
      out->added = result.added;
      out->updated = result.updated;
      out->unchanged = result.unchanged;
      g_array_append_vals (out->added_ids, result.added_ids->data, result.added_ids->len);
    }
  clip_ingest_result_clear (&result);
  return ok;
}

void
clip_fetch_job_free (FetchJob *job)
{
  clip_outlet_free (job->outlet);
  clip_fetch_response_free (job->response);
  g_clear_pointer (&job->articles, g_ptr_array_unref);
  g_free (job->parse_error);
  g_free (job->feed_title);
  g_free (job->feed_link);
  clip_listing_read_clear (&job->listing);
  clip_fetch_response_free (job->extra);
  g_free (job->slot_host);
  g_free (job);
}

/* On a worker thread: the service thread keeps fetching and writing
 * while this feed is parsed, so parsing and storing overlap. */
static void
parse_in_worker (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  FetchJob *job = data;
  const ClipFetchResponse *r = job->response;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipFeed) feed = NULL;
  gsize len;
  const char *body = g_bytes_get_data (r->body, &len);

  if (job->outlet->kind != CLIP_OUTLET_FEED)
    {
      /* a followed page that failed adds nothing; the outlet is fine */
      if (job->extra == NULL || (job->extra->error == NULL && job->extra->body))
        clip_listing_read (job->outlet, job->extra ? job->extra : r, job->extra == NULL, &job->listing);
      if (job->extra == NULL && job->listing.error)
        job->parse_error = g_strdup (job->listing.error);
      g_task_return_boolean (task, TRUE);
      return;
    }
  feed = clip_feed_parse (body ? body : "", len, r->content_type, r->url, &error);
  if (feed == NULL)
    job->parse_error = parse_error_message (r, error);
  else if (feed->items->len == 0 && feed->problems->len > 0)
    {
      const ClipFeedProblem *p = g_ptr_array_index (feed->problems, 0);

      job->parse_error = g_strdup_printf (_("unreadable feed (%s)"), p->message);
    }
  else
    {
      job->articles = feed_articles (feed, job->outlet->id);
      job->feed_title = g_strdup (feed->title);
      job->feed_link = g_strdup (feed->link);
    }
  g_task_return_boolean (task, TRUE);
}

/* What the answer means for the outlet, written to the archive. In the
 * shared transaction (shared), a write that fails gives NULL: the
 * transaction is lost then (SQLite may have ended it already), and each
 * answer is written again on its own. */
static ClipFetchOutcome *
record (ClipService *self, FetchJob *job, gboolean shared)
{
  ClipOutlet *o = job->outlet;
  const ClipFetchResponse *r = job->response;
  ClipFetchOutcome *out = outcome_new (o);
  g_autoptr(GError) error = NULL;
  gboolean saved = TRUE;

  if (job->listing.layout_changed)
    o->layout_changed = TRUE;
  if (r->error)
    saved = record_failure (self, o, out, r->error->message, r->retry_after, &error);
  else if (job->parse_error)
    saved = record_failure (self, o, out, job->parse_error, 0, &error);
  else if (o->kind != CLIP_OUTLET_FEED && !r->not_modified &&
           !clip_listing_drop_known (self->store, o->id, job->articles, &error))
    {
      g_autofree char *message = g_strdup (error->message);

      g_clear_error (&error);
      saved = !shared && record_failure (self, o, out, message, 0, &error);
    }
  else if (r->not_modified)
    {
      mark_success (o, r);
      apply_move (self, o, out, r->moved_to);
      out->status = CLIP_FETCH_STATUS_NOT_MODIFIED;
      saved = clip_store_save_fetch_state (self->store, o, &error);
    }
  else if (store_articles (self, o, out, r, job, &error))
    out->status = CLIP_FETCH_STATUS_OK;
  else if (shared)
    saved = FALSE;
  else
    {
      g_autofree char *message = g_strdup_printf (_("could not store the articles (%s)"), error->message);

      g_clear_error (&error);
      saved = record_failure (self, o, out, message, 0, &error);
    }
  if (!saved && shared)
    {
      clip_fetch_outcome_free (out);
      return NULL;
    }
  /* The outcome still says what happened. A full disk is no bug: a
   * message, not a warning that fatal-warnings would turn into a crash. */
  if (!saved)
    g_message ("Could not save the state of outlet %" G_GINT64_FORMAT ": %s", o->id, error->message);
  return out;
}

/* Stopped, or the outlet was removed meanwhile: nothing to record. */
static gboolean
job_dropped (FetchJob *job)
{
  return job->self->stopping ||
         g_error_matches (job->response->error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         !clip_scheduler_has_outlet (job->self->scheduler, job->outlet->id);
}

/* Frees the fetch's slot and tells the caller; out may be NULL (dropped). */
static void
report (FetchJob *job, ClipFetchOutcome *out)
{
  ClipService *self = job->self;
  ClipOutlet *o = job->outlet;

  self->backlog--;
  clip_scheduler_done (self->scheduler, o->id, o->next_attempt);
  if (out != NULL)
    {
      out->failures = o->failures;
      out->next_attempt = o->next_attempt;
      /* The ingest hook may have left new articles' pages waiting (or,
       * for evidence, those of articles a rule newly matched). */
      if (out->added > 0 || out->updated > 0)
        self->pages_dirty = TRUE;
      if (out->moved_to)
        clip_scheduler_set_outlet (self->scheduler, o->id, o->url, o->next_attempt, o->enabled);
      clip_service_emit_outcome (self, out);
      if (self->run_results)
        g_ptr_array_add (self->run_results, out);
      else
        clip_fetch_outcome_free (out);
      self->run_done++;
    }
  clip_fetch_job_free (job);
}

static void
record_alone (FetchJob *job)
{
  report (job, job_dropped (job) ? NULL : record (job->self, job, FALSE));
}

/* Writes the answers in one transaction. FALSE when any write failed:
 * then nothing of them is kept, outs is empty and the jobs' outlets are
 * as they were. */
static gboolean
record_together (ClipService *self, GPtrArray *jobs, GPtrArray *outs)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_outlet_free);
  gboolean ok = TRUE;

  if (!clip_store_begin (self->store, NULL))
    return FALSE;
  for (guint i = 0; ok && i < jobs->len; i++)
    {
      FetchJob *job = g_ptr_array_index (jobs, i);
      ClipFetchOutcome *out;

      g_ptr_array_add (saved, clip_outlet_copy (job->outlet));
      out = record (self, job, TRUE);
      ok = out != NULL;
      if (ok)
        g_ptr_array_add (outs, out);
    }
  if (!ok)
    clip_store_rollback (self->store);
  else
    ok = clip_store_commit (self->store, NULL);
  if (ok)
    return TRUE;
  for (guint i = 0; i < outs->len; i++)
    clip_fetch_outcome_free (g_ptr_array_index (outs, i));
  g_ptr_array_set_size (outs, 0);
  for (guint i = 0; i < saved->len; i++)
    {
      FetchJob *job = g_ptr_array_index (jobs, i);

      clip_outlet_free (job->outlet);
      job->outlet = g_steal_pointer (&g_ptr_array_index (saved, i));
    }
  return FALSE;
}

/* Writes every answer that is ready. Answers that arrive while one is
 * being written share the next transaction: each FTS5 commit writes a
 * segment, so fewer, larger commits keep a busy refresh fast. If any
 * write of that shared transaction fails, each answer is written again
 * on its own, so one outlet's trouble never costs another its articles,
 * and each failure is recorded with its own outlet. */
static gboolean
flush_ready (gpointer data)
{
  ClipService *self = data;
  g_autoptr(GPtrArray) jobs = g_ptr_array_new ();
  g_autoptr(GPtrArray) outs = g_ptr_array_new ();
  FetchJob *job;

  g_clear_pointer (&self->flush, g_source_unref);
  clip_store_release_snapshot (self->store);
  while ((job = g_queue_pop_head (&self->answered)) != NULL)
    {
      self->in_flight--;
      if (job_dropped (job))
        report (job, NULL);
      else
        g_ptr_array_add (jobs, job);
    }
  if (jobs->len > 1 && record_together (self, jobs, outs))
    for (guint i = 0; i < jobs->len; i++)
      report (g_ptr_array_index (jobs, i), g_ptr_array_index (outs, i));
  else
    for (guint i = 0; i < jobs->len; i++)
      record_alone (g_ptr_array_index (jobs, i));
  clip_service_pump (self);
  return G_SOURCE_REMOVE;
}

/* Whether more answers are on their way: requests in flight, or answers
 * still being parsed. (Not the scheduler's running count: it holds the
 * answers waiting here too, so a lone answer always waited its delay.) */
static gboolean
more_coming (ClipService *self)
{
  return clip_scheduler_requests (self->scheduler) > 0 ||
         self->backlog > g_queue_get_length (&self->answered);
}

static void
attach_flush (ClipService *self, GSource *source)
{
  self->flush = source;
  g_source_set_priority (self->flush, G_PRIORITY_DEFAULT);
  g_source_set_callback (self->flush, flush_ready, self, NULL);
  g_source_attach (self->flush, self->context);
}

/* An answer is written at once when it is the only one, but while more
 * are coming it waits for them, a little: each commit writes a full-text
 * segment and every index page it touched again (in bench-fetch, commits
 * of 8 answers instead of 2 took a tenth off the writer's time). */
static void
job_ready (FetchJob *job)
{
  ClipService *self = job->self;
  gboolean now;

  g_queue_push_tail (&self->answered, job);
  now = g_queue_get_length (&self->answered) >= FLUSH_BATCH || !more_coming (self);
  if (self->flush != NULL)
    {
      if (!now || self->flush_now)
        return;
      /* Enough have gathered: write them now rather than at the deadline. */
      g_source_destroy (self->flush);
      g_clear_pointer (&self->flush, g_source_unref);
    }
  self->flush_now = now;
  attach_flush (self, now ? g_idle_source_new () : g_timeout_source_new (FLUSH_DELAY_MS));
}

void
clip_fetch_job_after_parse (FetchJob *job)
{
  if (clip_fetch_job_follow (job))
    return;
  if (job->outlet->kind != CLIP_OUTLET_FEED && job->parse_error == NULL)
    job->articles = g_steal_pointer (&job->listing.articles);
  job_ready (job);
}

static void
parsed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  FetchJob *job = data;
  ClipService *self = job->self;

  clip_fetch_job_after_parse (job);
  clip_service_pump (self);
}

void
clip_fetch_job_parse (FetchJob *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, parsed_cb, job);

  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, parse_in_worker);
}

/* The outlet's own address was answered (r, taken), or not asked for. */
void
clip_fetch_job_answered (FetchJob *job, ClipFetchResponse *r)
{
  ClipService *self = job->self;

  job->response = r;
  clip_fetch_job_release_slot (job);
  /* The request is over: its slot goes to the next outlet while this
   * answer is parsed and stored. */
  clip_scheduler_release (self->scheduler, job->outlet->id);
  self->backlog++;
  if (job->response->body == NULL || self->stopping)
    job_ready (job);
  else
    {
      if (clip_fetch_job_follow_limit (job->outlet) > 0)
        job->listing.follow = g_ptr_array_new_with_free_func (g_free);
      clip_fetch_job_parse (job);
    }
}

void
clip_fetch_job_fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  FetchJob *job = data;
  ClipService *self = job->self;

  clip_fetch_job_answered (job, clip_fetcher_fetch_finish (CLIP_FETCHER (source), result));
  clip_service_pump (self);
}

static void
start_fetch (ClipService *self, gint64 id)
{
  g_autoptr(GError) error = NULL;
  ClipOutlet *o = clip_store_get_outlet (self->store, id, &error);
  FetchJob *job;

  /* A read left open would pin this connection to an old snapshot for
   * the whole fetch: its write would then be refused once anyone else
   * (the analyst marking an article read) has committed. */
  clip_store_release_snapshot (self->store);
  if (o == NULL)
    {
      /* Removed by another connection since the list was read. */
      clip_scheduler_remove_outlet (self->scheduler, id);
      return;
    }
  if (!o->enabled || o->removed)
    {
      clip_scheduler_done (self->scheduler, id, o->next_attempt);
      clip_scheduler_set_outlet (self->scheduler, id, o->url, o->next_attempt, FALSE);
      clip_outlet_free (o);
      return;
    }
  if (!self->run_active)
    {
      self->run_active = TRUE;
      self->run_done = 0;
      clip_service_pages_run_begins (self);
      self->last_done = self->last_total = G_MAXUINT;
      self->run_results = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_fetch_outcome_free);
    }
  job = g_new0 (FetchJob, 1);
  job->self = self;
  job->outlet = o;
  self->in_flight++;
  if (clip_fetch_job_start_gated (job))
    return;
  clip_fetcher_fetch_async (self->fetcher, o->url, o->etag, o->last_modified, self->cancel,
                            clip_fetch_job_fetched_cb, job);
}

static gboolean
timer_cb (gpointer data)
{
  ClipService *self = data;

  g_clear_pointer (&self->timer, g_source_unref);
  clip_service_load_outlets (self);
  /* Pages other connections left waiting (a flagged article's copy). */
  self->pages_dirty = TRUE;
  clip_service_pump (self);
  return G_SOURCE_REMOVE;
}

/* Wakes up when the next outlet is due, and at least every 5 minutes to
 * see outlets other connections added. */
static void
arm_timer (ClipService *self, gint64 now)
{
  gint64 due = clip_scheduler_next_due (self->scheduler);
  guint delay = (guint) CLAMP (due == G_MAXINT64 ? 300 : due - now, 1, 300);

  if (self->timer)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  if (!self->t_scheduled || !self->t_online || self->stopping)
    return;
  self->timer = g_timeout_source_new_seconds (delay);
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_attach (self->timer, self->context);
}

/* Starts what may start, reports progress, and ends the run when nothing
 * is left. */
void
clip_service_pump (ClipService *self)
{
  gboolean scheduled = self->t_scheduled && self->t_online;
  gint64 now = now_seconds ();
  gint64 id;
  guint waiting;
  gboolean pages;

  if (self->stopping)
    return;
  /* Answers waiting to be parsed and stored are bounded too, so memory is
   * whatever the number of outlets. */
  while (self->backlog < CLIP_SERVICE_MAX_BACKLOG &&
         (id = clip_scheduler_pop (self->scheduler, now, scheduled)) != 0)
    start_fetch (self, id);
  clip_service_gate_pump (self);
  waiting = clip_scheduler_waiting (self->scheduler, now, scheduled);
  /* A run (fetch once) is over when its articles' pages are in too. */
  pages = clip_service_pages_pump (self);
  if (self->run_active)
    {
      guint total = self->run_done + clip_scheduler_running (self->scheduler) + waiting;

      /* Only changes: a thousand outlets should not mean ten thousand
       * wake-ups of the window. */
      if (self->run_done != self->last_done || total != self->last_total)
        clip_service_emit_progress (self, self->run_done, total);
      self->last_done = self->run_done;
      self->last_total = total;
    }
  if (self->run_active && clip_scheduler_running (self->scheduler) == 0 && waiting == 0 && !pages)
    {
      g_autoptr(GPtrArray) results = g_steal_pointer (&self->run_results);

      self->run_active = FALSE;
      clip_service_emit_finished (self, results);
    }
  arm_timer (self, now);
}
