/* clip-alert-spikes.h — the alert policy's measure of a spike, for the
 * notices and for the Coverage view's marks, so that a bar marked as a
 * spike is one the policy would have notified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Minimum articles, ratio to the daily mean, and baseline days of a spike. */
#define CLIP_ALERT_SPIKE_MIN_ARTICLES 5
#define CLIP_ALERT_SPIKE_RATIO        3.0
#define CLIP_ALERT_SPIKE_BASELINE_DAYS 14

/* Whether count articles in a period are a spike against the mean of the
 * same period over the baseline. */
gboolean  clip_alert_is_spike      (guint64    count,
                                    double     mean);

/* Which buckets of a coverage by day or hour (ClipCoverageBucket*, in
 * time order, empty ones left out; width: 86400 or 3600) are spikes: each
 * against the mean per bucket of the baseline days before it (fewer where
 * the coverage starts later; none in its first day). An array of
 * buckets->len booleans. */
gboolean *clip_alert_spike_buckets (GPtrArray *buckets,
                                    gint64     width);

G_END_DECLS
