/* clip-add-outlet-dialog.h — add one outlet by its address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLIP_TYPE_ADD_OUTLET_DIALOG (clip_add_outlet_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClipAddOutletDialog, clip_add_outlet_dialog, CLIP, ADD_OUTLET_DIALOG, AdwWindow)

/* Adds to the archive at archive_path; emits "outlet-added" (the outlet's
 * name) and closes on success, shows what went wrong otherwise. */
ClipAddOutletDialog *clip_add_outlet_dialog_new (const char *archive_path,
                                                 guint       interval);

G_END_DECLS
