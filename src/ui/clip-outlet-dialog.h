/* clip-outlet-dialog.h — an outlet's properties and health; removing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-commands.h"
#include "clip-store.h"

G_BEGIN_DECLS

#define CLIP_TYPE_OUTLET_DIALOG (clip_outlet_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClipOutletDialog, clip_outlet_dialog, CLIP, OUTLET_DIALOG, AdwWindow)

/* Reads the outlet through reader; saves and removes it through
 * commands. Emits "changed" after a save
 * or a removal, then closes. NULL with error when the outlet is gone. */
ClipOutletDialog *clip_outlet_dialog_new (ClipStore    *reader,
                                          ClipCommands *commands,
                                          gint64        outlet_id,
                                          GError      **error);

G_END_DECLS
