/* clip-import-task.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-import-task.h"
#include "clip-opml.h"

typedef struct {
  char             *path;
  ClipImportSource  source;
  GPtrArray        *outlets;
  GBytes           *opml;
  guint             interval;
  ClipImportResult  result;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->outlets, g_ptr_array_unref);
  g_clear_pointer (&data->opml, g_bytes_unref);
  clip_import_result_clear (&data->result);
  g_free (data);
}

static GPtrArray *
read_outlets (ImportData  *data,
              GError     **error)
{
  GPtrArray *outlets = NULL;
  gsize len;
  const char *bytes;

  switch (data->source)
    {
    case CLIP_IMPORT_OUTLETS:
      return g_ptr_array_ref (data->outlets);
    case CLIP_IMPORT_OPML:
      bytes = g_bytes_get_data (data->opml, &len);
      outlets = clip_opml_parse (bytes, len, error);
      break;
    case CLIP_IMPORT_STARTER:
      outlets = clip_starter_outlets_load (error);
      break;
    default:
      g_assert_not_reached ();
    }
  /* These lists carry no interval of their own. */
  for (guint i = 0; outlets != NULL && i < outlets->len; i++)
    ((ClipOutlet *) g_ptr_array_index (outlets, i))->interval = data->interval;
  return outlets;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(ClipStore) store = NULL;
  GError *error = NULL;

  if (!(outlets = read_outlets (data, &error)) ||
      !(store = clip_store_open (data->path, CLIP_STORE_OPEN_DEFAULT, &error)) ||
      !clip_outlets_import (store, outlets, &data->result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
clip_import_task_run_async (const char          *archive_path,
                            ClipImportSource     source,
                            GPtrArray           *outlets,
                            GBytes              *opml,
                            guint                interval,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportData *data = g_new0 (ImportData, 1);

  g_return_if_fail (archive_path != NULL);
  g_return_if_fail (source != CLIP_IMPORT_OUTLETS || outlets != NULL);
  g_return_if_fail (source != CLIP_IMPORT_OPML || opml != NULL);

  data->path = g_strdup (archive_path);
  data->source = source;
  if (outlets != NULL)
    {
      data->outlets = g_ptr_array_new_full (outlets->len, (GDestroyNotify) clip_outlet_free);
      for (guint i = 0; i < outlets->len; i++)
        g_ptr_array_add (data->outlets, clip_outlet_copy (g_ptr_array_index (outlets, i)));
    }
  data->opml = opml ? g_bytes_ref (opml) : NULL;
  data->interval = interval;
  clip_import_result_init (&data->result);
  g_task_set_source_tag (task, clip_import_task_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
clip_import_task_run_finish (GAsyncResult      *res,
                             ClipImportResult  *result,
                             GError           **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (res, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (res), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (res));
  *result = data->result;
  clip_import_result_init (&data->result);
  return TRUE;
}
