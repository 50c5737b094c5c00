/* clip-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-application.h"
#include "clip-store.h"

G_BEGIN_DECLS

#define CLIP_TYPE_WINDOW (clip_window_get_type ())
G_DECLARE_FINAL_TYPE (ClipWindow, clip_window, CLIP, WINDOW, AdwApplicationWindow)

ClipWindow *clip_window_new          (ClipApplication *app);
/* The window's own (reading) connection, or NULL when it could not open. */
ClipStore  *clip_window_get_store    (ClipWindow      *self);
/* NULL when the archive cannot be changed (see the error page). */
ClipCommands *clip_window_get_commands (ClipWindow    *self);
/* Reads the outlets again and shows the empty state or the archive. */
void        clip_window_reload       (ClipWindow      *self);
void        clip_window_show_toast   (ClipWindow      *self,
                                      const char      *message);

G_END_DECLS
