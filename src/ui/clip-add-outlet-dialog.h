/* clip-add-outlet-dialog.h — add one outlet by its address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-commands.h"
#include "clip-service.h"

G_BEGIN_DECLS

#define CLIP_TYPE_ADD_OUTLET_DIALOG (clip_add_outlet_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClipAddOutletDialog, clip_add_outlet_dialog, CLIP, ADD_OUTLET_DIALOG, AdwWindow)

/* Adds through commands; emits "outlet-added" (the outlet's
 * name) and closes on success, shows what went wrong otherwise. With a
 * service, a site's address is looked into first and the feeds found are
 * offered; without one (NULL), the address is taken as the feed's. */
ClipAddOutletDialog *clip_add_outlet_dialog_new (ClipCommands *commands,
                                                 guint        interval,
                                                 ClipService *service);

G_END_DECLS
