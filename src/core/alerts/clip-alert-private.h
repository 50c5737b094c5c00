/* clip-alert-private.h — the alert policy's decisions, apart from its
 * object and threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-alert-policy.h"

G_BEGIN_DECLS

/* Keys of the archive's state table. */
#define CLIP_ALERT_STATE_QUIET_SINCE "alerts.quiet-since"
#define CLIP_ALERT_STATE_HOURLY_LAST "alerts.hourly-last"
#define CLIP_ALERT_STATE_DAILY_LAST  "alerts.daily-last"
#define CLIP_ALERT_STATE_SPIKE_LAST  "alerts.spike-last."  /* + rule id */

/* Inside a transaction on store: decides what is due at now, records it,
 * and returns the notices (ClipAlertNotice*), or NULL on error. Spikes
 * are looked for when spikes is TRUE (new matches came in) or quiet hours
 * just ended. */
GPtrArray *clip_alert_collect_locked   (ClipStore             *store,
                                        const ClipAlertConfig *config,
                                        GTimeZone             *tz,
                                        gint64                 now,
                                        gboolean               spikes,
                                        GError               **error);

/* The latest time of day minutes (local, in tz) at or before now. */
gint64     clip_alert_last_occurrence  (GTimeZone             *tz,
                                        gint64                 now,
                                        guint                  minutes);

G_END_DECLS
