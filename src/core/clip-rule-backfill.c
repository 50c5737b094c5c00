/* clip-rule-backfill.c — a rule over the archive: index, then matcher
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-rule-backfill.h"
#include "clip-rule-apply.h"
#include "clip-rule-fts.h"
#include "clip-rules-store.h"
#include "clip-store-private.h"

#include <glib/gi18n.h>

#define BATCH 1000

/* Every candidate id, in one pass of the index: evaluating the query once
 * costs far less than once per batch (prefixes and NEAR are merged over
 * the whole index each time). */
static gboolean
collect_candidates (ClipStore *store, const char *fts, GArray *out,
                    GCancellable *cancellable, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, fts
      ? "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid"
      : "SELECT id FROM articles WHERE ?1 IS NULL ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  clip_store_bind_text (stmt, 1, fts);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (out, id);
      if ((out->len & 0xFFFF) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not search the archive"), error);
  return TRUE;
}

static gboolean
delete_matches (ClipStore *store, gint64 rule_id, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "DELETE FROM matches WHERE rule_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not update the rule's matches"), error);
  return TRUE;
}

static gint64
count_matches (ClipStore *store, gint64 rule_id)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT count(*) FROM matches WHERE rule_id = ?", NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

gboolean
clip_rule_backfill (ClipStore             *store,
                    gint64                 rule_id,
                    ClipRuleProgressFunc   progress,
                    gpointer               progress_data,
                    guint64               *n_matched,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autoptr(ClipRule) rule = clip_store_get_rule (store, rule_id, error);
  g_autoptr(ClipTermLists) lists = NULL;
  g_autoptr(ClipRuleNode) tree = NULL;
  g_autoptr(ClipRuleSet) set = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *fts = NULL;
  guint64 total;

  if (rule == NULL || !(lists = clip_store_load_term_lists (store, error)) ||
      !(tree = clip_rule_compile_tree (rule->query, lists, NULL, error)))
    return FALSE;
  fts = clip_rule_to_fts (tree, NULL);
  set = clip_rule_set_new ();
  clip_rule_set_add (set, rule_id, tree);
  if (!collect_candidates (store, fts, ids, cancellable, error) ||
      !delete_matches (store, rule_id, error))
    return FALSE;
  total = ids->len;
  if (progress)
    progress (0, total, progress_data);
  for (guint done = 0; done < ids->len;)
    {
      guint n = MIN (BATCH, ids->len - done);
      g_autoptr(GArray) batch = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      batch = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
      g_array_append_vals (batch, &g_array_index (ids, gint64, done), n);
      /* One transaction per batch: readers and the fetch service get
       * their turn in between. */
      if (!clip_rule_apply (store, set, batch, CLIP_RULE_APPLY_FRESH, error))
        return FALSE;
      done += n;
      if (progress)
        progress (done, total, progress_data);
    }
  if (n_matched)
    *n_matched = (guint64) count_matches (store, rule_id);
  return TRUE;
}

typedef struct {
  char                 *path;
  gint64                rule_id;
  ClipRuleProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *context;
} Job;

typedef struct {
  Job     *job;
  guint64  done, total;
} Tick;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
deliver_progress (gpointer data)
{
  Tick *t = data;

  t->job->progress (t->done, t->total, t->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
thread_progress (guint64 done, guint64 total, gpointer data)
{
  Job *job = data;
  Tick *t = g_new (Tick, 1);

  t->job = job;
  t->done = done;
  t->total = total;
  /* The job lives until the task's callback, which runs after these on
   * the same context. */
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_progress, t, g_free);
}

static void
run_job (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open (job->path, CLIP_STORE_OPEN_DEFAULT, &error);
  guint64 n = 0;

  if (store == NULL ||
      !clip_rule_backfill (store, job->rule_id, job->progress ? thread_progress : NULL, job,
                           &n, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_int (task, (gssize) n);
}

void
clip_rule_backfill_async (ClipStore             *store,
                          gint64                 rule_id,
                          ClipRuleProgressFunc   progress,
                          gpointer               progress_data,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (clip_store_get_path (store));
  job->rule_id = rule_id;
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, clip_rule_backfill_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

gboolean
clip_rule_backfill_finish (ClipStore     *store,
                           GAsyncResult  *result,
                           guint64       *n_matched,
                           GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_matched)
    *n_matched = (guint64) n;
  return TRUE;
}
