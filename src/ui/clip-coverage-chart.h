/* clip-coverage-chart.h — coverage as bars: articles per day or hour,
 * each bar stacked by outlet, spikes marked; a bar is picked by a click
 * or the arrow keys and opened with Enter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Outlets given a colour of their own; the rest are drawn as "Other". */
#define CLIP_COVERAGE_CHART_SERIES 8

#define CLIP_TYPE_COVERAGE_CHART (clip_coverage_chart_get_type ())
G_DECLARE_FINAL_TYPE (ClipCoverageChart, clip_coverage_chart, CLIP, COVERAGE_CHART, GtkWidget)

GtkWidget *clip_coverage_chart_new        (void);
/* buckets: ClipCoverageBucket* in time order (referenced); spikes: one
 * boolean a bucket (copied, may be NULL); series: the outlet ids that get
 * a colour (at most CLIP_COVERAGE_CHART_SERIES, 0-terminated), in the
 * palette's order; width: a bucket's seconds (86400 or 3600). */
void       clip_coverage_chart_set_data   (ClipCoverageChart *self,
                                           GPtrArray         *buckets,
                                           const gboolean    *spikes,
                                           const gint64      *series,
                                           gint64             width);
/* The colour of series i (CLIP_COVERAGE_CHART_SERIES: "Other"). */
void       clip_coverage_chart_series_color (guint            i,
                                             GdkRGBA         *rgba);
/* The bucket picked (-1: none). */
int        clip_coverage_chart_get_selected (ClipCoverageChart *self);
void       clip_coverage_chart_select     (ClipCoverageChart *self,
                                           int                index);
/* The bar under x (widget coordinates), or -1. */
int        clip_coverage_chart_bar_at     (ClipCoverageChart *self,
                                           double             x);

/* Signals: "bar-activated" (int index): clicked, or Enter on the one
 * picked. */

G_END_DECLS
