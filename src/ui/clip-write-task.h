/* clip-write-task.h — small writes (read state, flag, note) off the main
 * thread, on their own connection, so a busy writer never freezes the UI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-store.h"

G_BEGIN_DECLS

typedef enum {
  CLIP_WRITE_READ,   /* value: 0 or 1 */
  CLIP_WRITE_FLAG,   /* value: the flag */
  CLIP_WRITE_NOTE,   /* text: the note ("" removes it) */
  CLIP_WRITE_ADD_TAG,    /* text: the tag */
  CLIP_WRITE_REMOVE_TAG, /* text: the tag */
} ClipWriteKind;

void     clip_write_task_run_async  (const char          *archive_path,
                                     gint64               article_id,
                                     ClipWriteKind        kind,
                                     gint                 value,
                                     const char          *text,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean clip_write_task_run_finish (GAsyncResult        *res,
                                     GError             **error);

G_END_DECLS
