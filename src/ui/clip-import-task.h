/* clip-import-task.h — adding outlets off the main thread
 *
 * The work runs in a GTask thread on its own connection to the archive,
 * so the window never waits for the disk or for another writer's lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-outlet-import.h"

G_BEGIN_DECLS

typedef enum {
  CLIP_IMPORT_OUTLETS,   /* the given ClipOutlet*s */
  CLIP_IMPORT_OPML,      /* the outlets of an OPML document */
  CLIP_IMPORT_STARTER,   /* the shipped starter list */
} ClipImportSource;

/* outlets: for CLIP_IMPORT_OUTLETS (copied); opml: for CLIP_IMPORT_OPML.
 * interval: seconds between fetches for outlets that come without one
 * (OPML, starter list). */
void     clip_import_task_run_async (const char          *archive_path,
                                     ClipImportSource     source,
                                     GPtrArray           *outlets,
                                     GBytes              *opml,
                                     guint                interval,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* Fills result (initialised by the call) on success. */
gboolean clip_import_task_run_finish (GAsyncResult       *res,
                                      ClipImportResult   *result,
                                      GError            **error);

G_END_DECLS
