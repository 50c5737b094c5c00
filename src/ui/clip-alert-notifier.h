/* clip-alert-notifier.h — desktop notifications for the application,
 * with or without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clip-alert-policy.h"
#include "clip-service.h"

G_BEGIN_DECLS

#define CLIP_TYPE_ALERT_NOTIFIER (clip_alert_notifier_get_type ())
G_DECLARE_FINAL_TYPE (ClipAlertNotifier, clip_alert_notifier, CLIP, ALERT_NOTIFIER, GObject)

/* Adds the actions notifications activate to app (app.show-rule (x),
 * app.show-alerts, app.open-article (x): each presents a window and shows
 * the rule's alerts, or the article) and follows the alert preferences
 * of settings. Call in the application's startup. */
ClipAlertNotifier *clip_alert_notifier_new        (GtkApplication    *app,
                                                   GSettings         *settings);
/* Starts notifying: after every refresh of service and once a minute,
 * through the application, whether a window is open or not (keep the
 * application held to run in the background). Call once service has
 * started (it has opened, and if new set up, the archive). What it
 * notified is recorded through the service's writer. */
void               clip_alert_notifier_attach     (ClipAlertNotifier *self,
                                                   ClipService       *service);
/* NULL until attached. */
ClipAlertPolicy   *clip_alert_notifier_get_policy (ClipAlertNotifier *self);

G_END_DECLS
