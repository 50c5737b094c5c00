/* clip-coverage-legend.h — the Coverage view's legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clip-coverage-chart.h"

G_BEGIN_DECLS

/* The outlets with the most articles over buckets (ClipCoverageBucket*),
 * in the chart's colours, the rest as one; the spikes' mark when spikes
 * (one a bucket) has any. Fills series: the outlet ids the chart colours
 * (0 after the last). */
void clip_coverage_legend_fill (GtkFlowBox     *legend,
                                GPtrArray      *buckets,
                                const gboolean *spikes,
                                gint64          series[CLIP_COVERAGE_CHART_SERIES + 1]);

G_END_DECLS
