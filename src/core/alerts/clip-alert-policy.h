/* clip-alert-policy.h — when alerts become desktop notifications
 *
 * Run after each refresh and once a minute:
 * - instant rules: one notice per rule with new alerts, never one per article;
 * - hourly and daily rules: one digest an hour, one a day at the chosen time;
 * - spikes: a rule's articles of the last 24 h reaching 3× its daily mean
 *   over the 14 days before (and at least 5): one notice, per rule at most
 *   once a day;
 * - quiet hours: nothing inside them; one summary when they end.
 * Everything it remembers is in the archive (alerts.notified and the state
 * table), so a restart neither repeats nor loses a notice. Alerts are
 * marked notified in a transaction that commits before the notices go out:
 * a crash in between loses a notification, never an alert (it stays unread
 * in the inbox), and never notifies twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-alert-notice.h"
#include "clip-alert-spikes.h"
#include "clip-service.h"
#include "clip-store.h"

G_BEGIN_DECLS


typedef struct {
  gboolean enabled;            /* FALSE: nothing is notified (alerts still kept) */
  gboolean quiet_hours;
  guint    quiet_from;         /* minutes after local midnight */
  guint    quiet_to;           /* before quiet_from: spans midnight */
  guint    daily_time;         /* minutes after local midnight */
  /* The daily digest also counts the rules notified at once or hourly. */
  gboolean daily_overview;
} ClipAlertConfig;

/* "Now", in Unix seconds. */
typedef gint64 (*ClipAlertClockFunc) (gpointer user_data);

#define CLIP_TYPE_ALERT_POLICY (clip_alert_policy_get_type ())
G_DECLARE_FINAL_TYPE (ClipAlertPolicy, clip_alert_policy, CLIP, ALERT_POLICY, GObject)

/* store: a writable connection the policy may use from a worker thread
 * (the caller does not use it while a run is in flight), for the sync
 * calls and for runs while not attached; NULL where the policy is only
 * ever attached to a service: its runs are then commands on the
 * service's writer (one writer in the process). */
ClipAlertPolicy *clip_alert_policy_new          (ClipStore             *store);
ClipStore       *clip_alert_policy_get_store    (ClipAlertPolicy       *self);

void             clip_alert_policy_set_config   (ClipAlertPolicy       *self,
                                                 const ClipAlertConfig *config);
void             clip_alert_policy_get_config   (ClipAlertPolicy       *self,
                                                 ClipAlertConfig       *config);
/* Default: the real time. Tests pass a fake clock. */
void             clip_alert_policy_set_clock    (ClipAlertPolicy       *self,
                                                 ClipAlertClockFunc     func,
                                                 gpointer               user_data);
/* Where "local midnight" is; default: the system's local time zone. */
void             clip_alert_policy_set_timezone (ClipAlertPolicy       *self,
                                                 GTimeZone             *tz);
/* Where notices go; without one, runs decide and record but send nothing. */
void             clip_alert_policy_set_delivery (ClipAlertPolicy       *self,
                                                 ClipAlertDeliverFunc   func,
                                                 gpointer               user_data,
                                                 GDestroyNotify         destroy);

/* Decides, records and returns the notices due now (ClipAlertNotice*),
 * without delivering them. */
GPtrArray       *clip_alert_policy_collect      (ClipAlertPolicy       *self,
                                                 GError               **error);
/* Collects and delivers; returns how many notices went out, -1 on error. */
gint             clip_alert_policy_run          (ClipAlertPolicy       *self,
                                                 GError               **error);
/* The same off the calling thread (collecting in a GTask thread,
 * delivering on the caller's context); runs asked for while one is in
 * flight are folded into one more run after it. */
void             clip_alert_policy_run_async    (ClipAlertPolicy       *self);
/* Whether an async run is in flight or asked for. */
gboolean         clip_alert_policy_is_busy      (ClipAlertPolicy       *self);

/* Runs after every "refresh-finished" of service and once a minute (for
 * digests and the end of quiet hours) until the policy is finalised or
 * detached. Errors are logged: a locked archive is tried again next time. */
void             clip_alert_policy_attach       (ClipAlertPolicy       *self,
                                                 ClipService           *service);
void             clip_alert_policy_detach       (ClipAlertPolicy       *self);

/* Whether t (Unix seconds) falls in the quiet hours of config in tz. */
gboolean         clip_alert_config_is_quiet     (const ClipAlertConfig *config,
                                                 GTimeZone             *tz,
                                                 gint64                 t);

G_END_DECLS
