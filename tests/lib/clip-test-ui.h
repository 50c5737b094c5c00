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
/* Spins the main loop until cond(data) holds or 10 s pass. */
gboolean   clip_test_ui_wait   (gboolean (*cond) (gpointer data),
                                gpointer data);
/* Spins the main loop for about ms milliseconds. */
void       clip_test_ui_spin   (guint   ms);
/* A fresh data dir in CLIPPINGS_DATA_DIR; returns it. */
char      *clip_test_ui_data_dir (void);
/* The first descendant of widget of type type whose label, title or
 * accessible text is text (NULL = any). */
GtkWidget *clip_test_ui_find   (GtkWidget  *widget,
                                GType       type,
                                const char *text);

G_END_DECLS
