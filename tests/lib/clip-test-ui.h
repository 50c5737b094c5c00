/* clip-test-ui.h — what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* g_test_init, then GTK if a display is there; FALSE (and every test
 * skipped) when there is none. */
gboolean   clip_test_ui_init   (int    *argc,
                                char ***argv);
/* Says every test is skipped (no display: run under xvfb-run); the exit
 * status meson counts as a skip. */
int        clip_test_ui_skip   (void);
/* Spins the main loop until cond(data) holds (TRUE) or 20 s pass (FALSE). */
gboolean   clip_test_ui_wait   (gboolean (*cond) (gpointer data),
                                gpointer data);
/* Spins the main loop until an idle added now has run: by then so has
 * every source ready before it at a higher priority, and every idle added
 * before it at the same one. Fails the test after 20 s. */
void       clip_test_ui_wait_idle  (void);
/* Spins the main loop until the window of widget (realised) has laid out
 * and drawn a frame begun after this call: what was queued before it
 * (sizes, allocations, scrolling) is done. Fails the test after 20 s. */
void       clip_test_ui_wait_frame (GtkWidget *widget);
/* Draws widget's window (realised, laid out) into NAME.png of the folder
 * CLIPPINGS_SCREENSHOT_DIR names, for a person to look at; nothing when
 * it is not set. Returns the file's path, or NULL. */
char      *clip_test_ui_screenshot (GtkWidget  *widget,
                                    const char *name);
/* A fresh data dir in CLIPPINGS_DATA_DIR; returns it. */
char      *clip_test_ui_data_dir (void);
/* The first descendant of widget of type type whose label, title or
 * accessible text is text (NULL = any). */
GtkWidget *clip_test_ui_find   (GtkWidget  *widget,
                                GType       type,
                                const char *text);

G_END_DECLS
