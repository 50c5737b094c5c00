/* clip-outlet-dialog.h — an outlet's properties and health; removing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-commands.h"
#include "clip-outlet-removal.h"
#include "clip-store.h"

G_BEGIN_DECLS

#define CLIP_TYPE_OUTLET_DIALOG (clip_outlet_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClipOutletDialog, clip_outlet_dialog, CLIP, OUTLET_DIALOG, AdwWindow)

/* Reads the outlet through reader; saves and removes it through
 * commands. Emits "changed" after a save, or once a removal (or a stop
 * of fetching) is under way, then closes. NULL with error when the
 * outlet is gone. */
ClipOutletDialog *clip_outlet_dialog_new (ClipStore    *reader,
                                          ClipCommands *commands,
                                          gint64        outlet_id,
                                          GError      **error);
/* Removal goes through removal (the window's, with its Undo toast);
 * without one the dialog removes at once. */
void              clip_outlet_dialog_set_removal (ClipOutletDialog  *self,
                                                  ClipOutletRemoval *removal);

G_END_DECLS
