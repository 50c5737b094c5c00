/* clip-export-dialog.h — export articles as a report or data file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLIP_TYPE_EXPORT_DIALOG (clip_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClipExportDialog, clip_export_dialog, CLIP, EXPORT_DIALOG, AdwWindow)

/* Format, scope, period and file for the archive at archive_path (whose
 * rules and outlets it offers); selected_ids (gint64, may be NULL or
 * empty) adds "the selected articles" as a scope. The export runs in a thread with a
 * progress bar and can be cancelled; when it is done the dialog closes
 * and, given a toast overlay, says so there with an "Open" button. */
ClipExportDialog *clip_export_dialog_new       (GtkWindow       *parent,
                                                const char      *archive_path,
                                                AdwToastOverlay *toasts,
                                                GArray          *selected_ids);
/* Exports as chosen to path, without asking for a file (what the Export
 * button does after the file chooser); emits "exported" when done. */
void              clip_export_dialog_export_to (ClipExportDialog *self,
                                                const char       *path);

G_END_DECLS
