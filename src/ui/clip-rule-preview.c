/* clip-rule-preview.c — what a rule being written matches, off the main
 * thread on a read-only connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-rule-preview.h"
#include "clip-rule-search.h"

void
clip_rule_preview_free (ClipRulePreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->newest, g_ptr_array_unref);
  g_free (preview);
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
  GError *error = NULL;

  if ((store = clip_store_open (data->path, CLIP_STORE_OPEN_READ_ONLY, &error)) == NULL ||
      (preview->newest = clip_rule_search_newest (store, data->query, CLIP_RULE_PREVIEW_NEWEST,
                                                  &preview->count, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
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
