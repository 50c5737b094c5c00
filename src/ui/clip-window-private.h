/* clip-window-private.h — what the window's own modules share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-window.h"

G_BEGIN_DECLS

GSettings    *clip_window_get_settings       (ClipWindow   *self);
GCancellable *clip_window_get_cancellable    (ClipWindow   *self);
/* The application's fetch service, or NULL (no application, or it did
 * not start). */
ClipService  *clip_window_get_service        (ClipWindow   *self);
/* While busy, the actions that add outlets are disabled. */
void          clip_window_set_busy           (ClipWindow   *self,
                                              gboolean      busy);
void          clip_window_show_error         (ClipWindow   *self,
                                              const char   *what,
                                              const GError *error);
/* After outlets were added or removed through another connection: the
 * sidebar reads them again and the service schedules them. */
void          clip_window_outlets_changed    (ClipWindow   *self);
/* win.add-outlet, win.add-starter-outlets, win.import-opml, win.export-opml */
void          clip_window_add_outlet_actions (ClipWindow   *self);

G_END_DECLS
