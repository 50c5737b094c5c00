/* clip-write-task.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-write-task.h"

typedef struct {
  char          *path;
  gint64         article_id;
  ClipWriteKind  kind;
  gint           value;
  char          *text;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->path);
  g_free (data->text);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *d = task_data;
  g_autoptr(ClipStore) store = NULL;
  GError *error = NULL;
  gboolean ok = FALSE;

  if ((store = clip_store_open (d->path, CLIP_STORE_OPEN_DEFAULT, &error)) != NULL)
    {
      switch (d->kind)
        {
        case CLIP_WRITE_READ:
          ok = clip_store_set_read (store, d->article_id, d->value != 0, &error);
          break;
        case CLIP_WRITE_FLAG:
          ok = clip_store_set_flag (store, d->article_id, d->value, &error);
          break;
        case CLIP_WRITE_NOTE:
          ok = clip_store_set_note (store, d->article_id, d->text, &error);
          break;
        case CLIP_WRITE_ADD_TAG:
          ok = clip_store_add_tag (store, d->article_id, d->text, &error);
          break;
        case CLIP_WRITE_REMOVE_TAG:
          ok = clip_store_remove_tag (store, d->article_id, d->text, &error);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
clip_write_task_run_async (const char          *archive_path,
                           gint64               article_id,
                           ClipWriteKind        kind,
                           gint                 value,
                           const char          *text,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  WriteData *d = g_new0 (WriteData, 1);

  d->path = g_strdup (archive_path);
  d->article_id = article_id;
  d->kind = kind;
  d->value = value;
  d->text = g_strdup (text);
  g_task_set_source_tag (task, clip_write_task_run_async);
  g_task_set_task_data (task, d, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
clip_write_task_run_finish (GAsyncResult  *res,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (res), error);
}
