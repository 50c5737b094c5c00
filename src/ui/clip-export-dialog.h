/* clip-export-dialog.h — export articles as a report or data file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-export.h"

G_BEGIN_DECLS

#define CLIP_TYPE_EXPORT_DIALOG (clip_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClipExportDialog, clip_export_dialog, CLIP, EXPORT_DIALOG, AdwWindow)

/* Format, scope, period and file for the archive at archive_path (whose
 * rules and outlets it offers). The parts of the scope combine (rule,
 * outlet, search, flagged, unread, the selected articles, a period) and
 * the dialog counts what they hold as they change; an empty scope says
 * "Nothing to export" and writes nothing. selected_ids (gint64, may be
 * NULL or empty) offers "only the selected articles", switched off. The
 * export runs in a thread with a progress bar and can be cancelled; when
 * it is done the dialog closes and, given a toast overlay, says so there
 * with an "Open" button. */
ClipExportDialog *clip_export_dialog_new       (GtkWindow       *parent,
                                                const char      *archive_path,
                                                AdwToastOverlay *toasts,
                                                GArray          *selected_ids);
/* Starts from scope (the list's view: its rule, outlet, search, flagged,
 * unread, period and selected articles) and says that it did. */
void              clip_export_dialog_set_scope       (ClipExportDialog      *self,
                                                      const ClipExportScope *scope);
/* Offers ids (gint64) as "only the selected articles", switched on: what
 * "Export Selection…" opens the dialog with. NULL or empty: not offered. */
void              clip_export_dialog_set_article_ids (ClipExportDialog *self,
                                                      GArray           *ids);
/* The file name the file chooser proposes: from the scope and today
 * ("russian-interference-2026-12-07.pdf"). */
char             *clip_export_dialog_dup_file_name   (ClipExportDialog *self);
/* The count shown: -1 while counting or when the scope has a mistake. */
gint              clip_export_dialog_get_count       (ClipExportDialog *self);

/* Exports as chosen to path, without asking for a file (what the Export
 * button does after the file chooser); emits "exported" when done. */
void              clip_export_dialog_export_to (ClipExportDialog *self,
                                                const char       *path);

G_END_DECLS
