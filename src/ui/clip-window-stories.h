/* clip-window-stories.h — the Stories and Coverage views in the main
 * window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-window.h"

G_BEGIN_DECLS

/* Adds to window (once its archive is open): the pages "stories" and
 * "coverage" of its main stack, rows for them in the sidebar, and the
 * actions win.show-stories and win.show-coverage. */
void clip_window_stories_install   (ClipWindow *window);
/* When the window goes: signals and actions first. */
void clip_window_stories_uninstall (ClipWindow *window);

G_END_DECLS
