/* clip-coverage-view.h — coverage of a rule, an outlet group or a story:
 * articles per day or hour as stacked bars (share of voice by outlet),
 * spikes marked as the alert policy counts them, a bar's articles on a
 * click; and the same numbers as a table, for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-store.h"

G_BEGIN_DECLS

typedef enum {
  CLIP_COVERAGE_SCOPE_ALL,
  CLIP_COVERAGE_SCOPE_RULE,
  CLIP_COVERAGE_SCOPE_GROUP,
  CLIP_COVERAGE_SCOPE_STORY,
} ClipCoverageScope;

#define CLIP_TYPE_COVERAGE_VIEW (clip_coverage_view_get_type ())
G_DECLARE_FINAL_TYPE (ClipCoverageView, clip_coverage_view, CLIP, COVERAGE_VIEW, AdwBin)

GtkWidget *clip_coverage_view_new        (void);
void       clip_coverage_view_set_store  (ClipCoverageView  *self,
                                          ClipStore         *store);
/* Reads the rules and outlet groups offered again, and the counts. Every
 * read runs in a thread: the chart, legend and table change when it is
 * done (the bar open stays open when the same scope is counted again);
 * a newer request drops what an older one reads. */
void       clip_coverage_view_reload     (ClipCoverageView  *self);
/* What is counted: everything, a rule (id), an outlet group (name) or a
 * story (id, title). Reads the counts. */
void       clip_coverage_view_show       (ClipCoverageView  *self,
                                          ClipCoverageScope  scope,
                                          gint64             id,
                                          const char        *name);
/* Per hour rather than per day. */
void       clip_coverage_view_set_hourly (ClipCoverageView  *self,
                                          gboolean           hourly);
/* The buckets shown (ClipCoverageBucket*, in time order), and which are
 * spikes; for tests. */
GPtrArray *clip_coverage_view_get_buckets (ClipCoverageView *self,
                                           const gboolean  **spikes);
/* Lists the articles of bucket index under the chart (read in a thread). */
void       clip_coverage_view_open_bucket (ClipCoverageView *self,
                                           int               index);
/* Milliseconds the last counting took (query and spikes). */
double     clip_coverage_view_get_query_ms (ClipCoverageView *self);
/* Reading (a spinner turns); stops when it is done or cancelled. */
gboolean   clip_coverage_view_is_loading  (ClipCoverageView *self);
/* Stops reading (the view is left): what is read comes to nothing. */
void       clip_coverage_view_cancel      (ClipCoverageView *self);
/* Results shown, and dropped as overtaken by a newer request; for tests. */
void       clip_coverage_view_get_load_counts (ClipCoverageView *self,
                                               guint            *applied,
                                               guint            *dropped);

/* Signals: "back". */

G_END_DECLS
