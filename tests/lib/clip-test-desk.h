/* clip-test-desk.h — an analyst's archive for the window tests and the
 * screenshots: six outlets in English, Russian and Georgian, articles of
 * the last two days with titles of real length, the default rules'
 * matches and alerts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"

G_BEGIN_DECLS

#define CLIP_TEST_DESK_OUTLETS 6
#define CLIP_TEST_DESK_PER_OUTLET 8

/* A fresh data dir (CLIPPINGS_DATA_DIR) holding the archive; returns it. */
char   *clip_test_desk_archive   (void);
/* The id of the article titled title (it must be there). */
gint64  clip_test_desk_article   (ClipStore  *store,
                                  const char *title);

G_END_DECLS
