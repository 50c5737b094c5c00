/* clip-test-desk.h — an analyst's archive for the window tests and the
 * screenshots: six outlets in English, Russian and Georgian, articles of
 * the last two days with titles of real length, the default rules'
 * matches and alerts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-window.h"

G_BEGIN_DECLS

#define CLIP_TEST_DESK_OUTLETS 6
#define CLIP_TEST_DESK_PER_OUTLET 8

/* A fresh data dir (CLIPPINGS_DATA_DIR) holding the archive; returns it. */
char   *clip_test_desk_archive   (void);
/* The id of the article titled title (it must be there). */
gint64  clip_test_desk_article   (ClipStore  *store,
                                  const char *title);

/* The main window at width × 800, shown, its first rows in. */
ClipWindow *clip_test_desk_window  (int          width);
/* A template child of widget's (of type type). */
gpointer    clip_test_desk_child   (gpointer     widget,
                                    GType        type,
                                    const char  *name);
/* Whether the window's article list has read its view. */
gboolean    clip_test_desk_loaded  (gpointer     window);
/* Types text into the search (opening the bar), and waits until the
 * search runs (once typing pauses) and its view is read. */
void        clip_test_desk_search  (ClipWindow  *window,
                                    const char  *text);
/* The application's style sheet, which AdwApplication would load. */
void        clip_test_desk_style   (void);

G_END_DECLS
