/* clip-alert-notice.h — one desktop notification, and how it is sent
 *
 * The alert policy decides what to say and hands each ClipAlertNotice to a
 * delivery function; clip_alert_deliver_to_application() is the real one
 * (GNotification through the GApplication: the portal, org.gtk.Notifications
 * or org.freedesktop.Notifications, whichever GIO finds), tests pass their
 * own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CLIP_ALERT_NOTICE_INSTANT,       /* one rule's new articles */
  CLIP_ALERT_NOTICE_HOURLY,        /* the hourly digest */
  CLIP_ALERT_NOTICE_DAILY,         /* the daily digest */
  CLIP_ALERT_NOTICE_SPIKE,         /* a rule's matches surged */
  CLIP_ALERT_NOTICE_QUIET_SUMMARY, /* what came in during quiet hours */
  CLIP_ALERT_NOTICE_SUMMARY,       /* one run's notices, too many to show apart */
} ClipAlertNoticeKind;

/* The actions a notice's clicks activate on the application. */
#define CLIP_ALERT_ACTION_SHOW_RULE     "app.show-rule"     /* x: rule id */
#define CLIP_ALERT_ACTION_SHOW_ALERTS   "app.show-alerts"   /* no target */
#define CLIP_ALERT_ACTION_OPEN_ARTICLE  "app.open-article"  /* x: article id */

typedef struct {
  ClipAlertNoticeKind   kind;
  /* Stable per rule and kind, so a newer notice replaces one still shown. */
  char                 *id;
  char                 *title;
  char                 *body;        /* plain text */
  /* Clicking shows this rule's matches; 0: the Alerts view (several rules). */
  gint64                rule_id;
  /* The "Open" button opens this (the newest) article; 0: no button. */
  gint64                article_id;
  guint                 n_articles;
  guint                 n_rules;
  GNotificationPriority priority;
} ClipAlertNotice;

typedef void (*ClipAlertDeliverFunc) (const ClipAlertNotice *notice,
                                      gpointer               user_data);

void           clip_alert_notice_free             (ClipAlertNotice       *notice);
/* The notification the application sends for notice. */
GNotification *clip_alert_notice_to_notification  (const ClipAlertNotice *notice);
/* A ClipAlertDeliverFunc: user_data is a registered GApplication. */
void           clip_alert_deliver_to_application  (const ClipAlertNotice *notice,
                                                   gpointer               application);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipAlertNotice, clip_alert_notice_free)

G_END_DECLS
