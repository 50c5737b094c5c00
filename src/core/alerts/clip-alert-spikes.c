/* clip-alert-spikes.c — spikes by the alert policy's measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-alert-spikes.h"
#include "clip-stories.h"

#define DAY 86400

gboolean
clip_alert_is_spike (guint64 count,
                     double  mean)
{
  return count >= CLIP_ALERT_SPIKE_MIN_ARTICLES && count >= CLIP_ALERT_SPIKE_RATIO * mean;
}

/* A sliding sum over the baseline window: buckets come in time order, so
 * each enters and leaves it once. */
gboolean *
clip_alert_spike_buckets (GPtrArray *buckets,
                          gint64     width)
{
  gboolean *spike = g_new0 (gboolean, MAX (buckets->len, 1));
  const gint64 window = CLIP_ALERT_SPIKE_BASELINE_DAYS * DAY;
  guint64 sum = 0;
  gint64 first;
  guint lo = 0;

  if (buckets->len == 0 || width <= 0)
    return spike;
  first = ((ClipCoverageBucket *) buckets->pdata[0])->start;
  for (guint i = 0; i < buckets->len; i++)
    {
      const ClipCoverageBucket *b = buckets->pdata[i];
      double days = MIN ((double) (b->start - first) / DAY, CLIP_ALERT_SPIKE_BASELINE_DAYS);

      while (lo < i && ((ClipCoverageBucket *) buckets->pdata[lo])->start < b->start - window)
        sum -= ((ClipCoverageBucket *) buckets->pdata[lo++])->count;
      if (days >= 1)
        spike[i] = clip_alert_is_spike (b->count, sum / (days * DAY / width));
      sum += b->count;
    }
  return spike;
}
