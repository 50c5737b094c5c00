/* clip-rule-jobs.c — rules and alerts jobs in GTask threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-alert.h"
#include "clip-rule-backfill.h"
#include "clip-rule-jobs.h"
#include "clip-rule-search.h"
#include "clip-store-sql.h"

void
clip_rule_preview_free (ClipRulePreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->newest, g_ptr_array_unref);
  g_free (preview);
}

static ClipRule *
rule_copy (const ClipRule *rule)
{
  ClipRule *copy = clip_rule_new ();

  copy->id = rule->id;
  copy->name = g_strdup (rule->name);
  copy->query = g_strdup (rule->query);
  copy->enabled = rule->enabled;
  copy->severity = g_strdup (rule->severity);
  copy->notify = g_strdup (rule->notify);
  copy->color = g_strdup (rule->color);
  return copy;
}

/* Preview */

typedef struct {
  char *path;
  char *query;
} PreviewData;

static void
preview_data_free (PreviewData *data)
{
  g_free (data->path);
  g_free (data->query);
  g_free (data);
}

static void
preview_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewData *data = task_data;
  g_autoptr(ClipRulePreview) preview = g_new0 (ClipRulePreview, 1);
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  GError *error = NULL;

  if ((store = clip_store_open (data->path, CLIP_STORE_OPEN_READ_ONLY, &error)) == NULL ||
      (ids = clip_rule_search (store, data->query, 0, 0, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  preview->count = ids->len;
  preview->newest = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  for (guint i = 0; i < ids->len && i < CLIP_RULE_PREVIEW_NEWEST; i++)
    {
      ClipArticle *article = clip_store_get_article (store, g_array_index (ids, gint64, i), &error);

      if (article == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (preview->newest, article);
    }
  g_task_return_pointer (task, g_steal_pointer (&preview), (GDestroyNotify) clip_rule_preview_free);
}

void
clip_rule_preview_async (const char          *archive_path,
                         const char          *query,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PreviewData *data = g_new0 (PreviewData, 1);

  data->path = g_strdup (archive_path);
  data->query = g_strdup (query);
  g_task_set_source_tag (task, clip_rule_preview_async);
  g_task_set_task_data (task, data, (GDestroyNotify) preview_data_free);
  /* A newer query makes this answer worthless. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, preview_thread);
}

ClipRulePreview *
clip_rule_preview_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Save */

typedef struct {
  char               *path;
  ClipRule           *rule;
  ClipRuleJobProgress progress;
  gpointer            progress_data;
  GMainContext       *context;
  GCancellable       *cancellable;
  guint64             n_matched;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->path);
  clip_rule_free (data->rule);
  g_main_context_unref (data->context);
  g_clear_object (&data->cancellable);
  g_free (data);
}

typedef struct {
  SaveData *save;
  guint64   done;
  guint64   total;
} ProgressCall;

static gboolean
progress_in_main (gpointer user_data)
{
  ProgressCall *call = user_data;

  if (!g_cancellable_is_cancelled (call->save->cancellable))
    call->save->progress (call->done, call->total, call->save->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_from_thread (guint64  done,
                      guint64  total,
                      gpointer user_data)
{
  SaveData *data = user_data;
  ProgressCall *call;

  if (data->progress == NULL)
    return;
  call = g_new0 (ProgressCall, 1);
  call->save = data;
  call->done = done;
  call->total = total;
  /* The task, which owns data, completes on the same context after this. */
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_in_main, call, g_free);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(ClipStore) store = NULL;
  gboolean recompute = TRUE;
  GError *error = NULL;

  if ((store = clip_store_open (data->path, CLIP_STORE_OPEN_DEFAULT, &error)) == NULL)
    goto fail;
  if (data->rule->id == 0)
    data->rule->id = clip_store_add_rule (store, data->rule, &error);
  else if (!clip_store_update_rule (store, data->rule, &recompute, &error))
    data->rule->id = 0;
  if (data->rule->id == 0)
    goto fail;
  if (recompute && data->rule->enabled &&
      !clip_rule_backfill (store, data->rule->id, progress_from_thread, data,
                           &data->n_matched, cancellable, &error))
    goto fail;
  g_task_return_int (task, data->rule->id);
  return;

fail:
  g_task_return_error (task, error);
}

void
clip_rule_save_async (const char          *archive_path,
                      const ClipRule      *rule,
                      ClipRuleJobProgress  progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SaveData *data = g_new0 (SaveData, 1);

  data->path = g_strdup (archive_path);
  data->rule = rule_copy (rule);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  data->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  g_task_set_source_tag (task, clip_rule_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gint64
clip_rule_save_finish (GAsyncResult  *result,
                       guint64       *n_matched,
                       GError       **error)
{
  SaveData *data = g_task_get_task_data (G_TASK (result));
  gint64 id = g_task_propagate_int (G_TASK (result), error);

  if (n_matched != NULL)
    *n_matched = data->n_matched;
  return id > 0 ? id : 0;
}

/* Remove */

gboolean
clip_rule_remove_sync (const char  *archive_path,
                       gint64       rule_id,
                       GError     **error)
{
  g_autoptr(ClipStore) store = clip_store_open (archive_path, CLIP_STORE_OPEN_DEFAULT, error);

  return store != NULL && clip_store_remove_rule (store, rule_id, error);
}

static void
remove_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "rule-id"));
  GError *error = NULL;

  if (clip_rule_remove_sync (path, id, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
clip_rule_remove_async (const char          *archive_path,
                        gint64               rule_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, clip_rule_remove_async);
  g_task_set_task_data (task, g_strdup (archive_path), g_free);
  g_object_set_data (G_OBJECT (task), "rule-id", GSIZE_TO_POINTER ((gsize) rule_id));
  g_task_run_in_thread (task, remove_thread);
}

gboolean
clip_rule_remove_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Term lists */

typedef struct {
  char  *path;
  char  *old_name;
  char  *name;
  GStrv  entries;
} ListData;

static void
list_data_free (ListData *data)
{
  g_free (data->path);
  g_free (data->old_name);
  g_free (data->name);
  g_strfreev (data->entries);
  g_free (data);
}

/* "@old" → "@new" where it stands for the list, not inside a longer name. */
static char *
rename_in_query (const char *query,
                 const char *old_name,
                 const char *name)
{
  g_autofree char *escaped = g_regex_escape_string (old_name, -1);
  g_autofree char *pattern = g_strdup_printf ("@%s(?![\\w])", escaped);
  g_autofree char *replacement = g_strdup_printf ("@%s", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);

  return g_regex_replace_literal (regex, query, -1, 0, replacement, 0, NULL);
}

static gboolean
rename_list (ClipStore  *store,
             ListData   *data,
             GArray    **rules_out,
             GError    **error)
{
  g_autoptr(GArray) users = clip_store_rules_using_list (store, data->old_name, error);

  if (users == NULL || !clip_store_set_term_list (store, data->name,
                                                  (const char * const *) data->entries, error))
    return FALSE;
  for (guint i = 0; i < users->len; i++)
    {
      g_autoptr(ClipRule) rule = clip_store_get_rule (store, g_array_index (users, gint64, i), error);
      g_autofree char *query = NULL;

      if (rule == NULL)
        return FALSE;
      query = rename_in_query (rule->query, data->old_name, data->name);
      g_free (rule->query);
      rule->query = g_steal_pointer (&query);
      if (!clip_store_update_rule (store, rule, NULL, error))
        return FALSE;
    }
  *rules_out = g_steal_pointer (&users);
  return clip_store_remove_term_list (store, data->old_name, error);
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ListData *data = task_data;
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GArray) rules = NULL;
  GError *error = NULL;
  gboolean renaming = data->old_name && g_strcmp0 (data->old_name, data->name) != 0;

  if ((store = clip_store_open (data->path, CLIP_STORE_OPEN_DEFAULT, &error)) == NULL ||
      !clip_store_begin (store, &error))
    goto fail;
  if (renaming ? !rename_list (store, data, &rules, &error)
               : !clip_store_set_term_list (store, data->name,
                                            (const char * const *) data->entries, &error))
    {
      clip_store_rollback (store);
      goto fail;
    }
  if (!clip_store_commit (store, &error))
    goto fail;
  /* The rules that use the list match other articles now. */
  if (rules == NULL && (rules = clip_store_rules_using_list (store, data->name, &error)) == NULL)
    goto fail;
  for (guint i = 0; i < rules->len; i++)
    if (!clip_rule_backfill (store, g_array_index (rules, gint64, i), NULL, NULL, NULL,
                             cancellable, &error))
      goto fail;
  g_task_return_boolean (task, TRUE);
  return;

fail:
  g_task_return_error (task, error);
}

void
clip_term_list_save_async (const char          *archive_path,
                           const char          *old_name,
                           const char          *name,
                           const char * const  *entries,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ListData *data = g_new0 (ListData, 1);

  data->path = g_strdup (archive_path);
  data->old_name = g_strdup (old_name);
  data->name = g_strdup (name);
  data->entries = g_strdupv ((char **) entries);
  g_task_set_source_tag (task, clip_term_list_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);
  g_task_run_in_thread (task, list_thread);
}

gboolean
clip_term_list_save_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Alerts */

typedef struct {
  char           *path;
  ClipAlertWrite  what;
  gint64          id;
} AlertData;

static void
alert_data_free (AlertData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
alert_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AlertData *data = task_data;
  g_autoptr(ClipStore) store = NULL;
  GError *error = NULL;
  gboolean ok = FALSE;

  if ((store = clip_store_open (data->path, CLIP_STORE_OPEN_DEFAULT, &error)) != NULL)
    switch (data->what)
      {
      case CLIP_ALERT_WRITE_READ:
      case CLIP_ALERT_WRITE_UNREAD:
        ok = clip_alert_set_read (store, data->id, data->what == CLIP_ALERT_WRITE_READ, &error);
        break;
      case CLIP_ALERT_WRITE_ARTICLE_READ:
        ok = clip_alert_mark_article_read (store, data->id, &error) &&
             clip_store_set_read (store, data->id, TRUE, &error);
        break;
      case CLIP_ALERT_WRITE_RULE_READ:
        ok = clip_alert_mark_rule_read (store, data->id, &error);
        break;
      case CLIP_ALERT_WRITE_ALL_READ:
        ok = clip_alert_mark_all_read (store, &error);
        break;
      default:
        g_assert_not_reached ();
      }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
clip_alert_write_async (const char          *archive_path,
                        ClipAlertWrite       what,
                        gint64               id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AlertData *data = g_new0 (AlertData, 1);

  data->path = g_strdup (archive_path);
  data->what = what;
  data->id = id;
  g_task_set_source_tag (task, clip_alert_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) alert_data_free);
  g_task_run_in_thread (task, alert_thread);
}

gboolean
clip_alert_write_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
