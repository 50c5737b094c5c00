/* clip-scheduler.h — when each outlet is fetched, and how many at once
 *
 * Pure bookkeeping with no clock of its own: the caller passes "now", so
 * the policy is tested with a fake clock. Manual requests go first; at
 * most max_running fetches run at once and max_per_host per host.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CLIP_SCHEDULER_MAX_RUNNING   8
#define CLIP_SCHEDULER_MAX_PER_HOST  2
#define CLIP_SCHEDULER_MAX_BACKOFF   (24 * 3600)

/* When to fetch again, in Unix seconds. random is any 32-bit value (the
 * jitter: ±10% after a success, +0–10% after a failure). */
gint64 clip_schedule_after_success (gint     interval,
                                    gint64   now,
                                    guint32  random);
/* failures counts this one (1 after the first). The delay doubles from
 * interval with each failure, is at least retry_after, and is capped at
 * 24 h. */
gint64 clip_schedule_after_failure (gint     interval,
                                    gint     failures,
                                    gint64   retry_after,
                                    gint64   now,
                                    guint32  random);

typedef struct _ClipScheduler ClipScheduler;

ClipScheduler *clip_scheduler_new           (guint          max_running,
                                             guint          max_per_host);
void           clip_scheduler_free          (ClipScheduler *self);

/* Adds or updates an outlet; a running one keeps running. */
void           clip_scheduler_set_outlet    (ClipScheduler *self,
                                             gint64         id,
                                             const char    *url,
                                             gint64         next_attempt,
                                             gboolean       enabled);
void           clip_scheduler_remove_outlet (ClipScheduler *self,
                                             gint64         id);
/* Every known outlet id (gint64). */
GArray        *clip_scheduler_outlet_ids    (ClipScheduler *self);
gboolean       clip_scheduler_has_outlet    (ClipScheduler *self,
                                             gint64         id);
/* "Refresh this outlet now": before anything due. FALSE if unknown or
 * disabled. A running outlet is not started twice. */
gboolean       clip_scheduler_request       (ClipScheduler *self,
                                             gint64         id);
/* Every enabled outlet; returns how many were requested. */
guint          clip_scheduler_request_all   (ClipScheduler *self);

/* The next outlet to start (marked running), or 0 when none may start:
 * manual requests first, then outlets due at now (only when scheduled is
 * TRUE: off while offline or in one-shot mode), oldest due first. */
gint64         clip_scheduler_pop           (ClipScheduler *self,
                                             gint64         now,
                                             gboolean       scheduled);
/* The outlet's request is over (its answer is read): the slot, and the
 * host's, go to the next outlet while this answer is parsed and stored.
 * The outlet itself stays busy until clip_scheduler_done(). */
void           clip_scheduler_release       (ClipScheduler *self,
                                             gint64         id);
/* A fetch ended (and its answer is stored); next_attempt is the outlet's
 * new time. Releases the slot too if that was not done. */
void           clip_scheduler_done          (ClipScheduler *self,
                                             gint64         id,
                                             gint64         next_attempt);

/* A request that is not an outlet's (an article's page, a robots.txt)
 * under the same limits: a slot of the max_running and one of the host's
 * max_per_host. FALSE when none is free now. */
gboolean       clip_scheduler_acquire_host  (ClipScheduler *self,
                                             const char    *host);
void           clip_scheduler_release_host  (ClipScheduler *self,
                                             const char    *host);
/* Whether every slot of max_running is taken: no request may start. */
gboolean       clip_scheduler_full          (ClipScheduler *self);

/* The earliest next attempt of an idle enabled outlet, or G_MAXINT64. */
gint64         clip_scheduler_next_due      (ClipScheduler *self);
/* Outlets started and not done; requests in flight among them. */
guint          clip_scheduler_running       (ClipScheduler *self);
guint          clip_scheduler_requests      (ClipScheduler *self);
guint          clip_scheduler_requested     (ClipScheduler *self);
/* Manual requests waiting, plus outlets due at now when scheduled. */
guint          clip_scheduler_waiting       (ClipScheduler *self,
                                             gint64         now,
                                             gboolean       scheduled);

G_END_DECLS
