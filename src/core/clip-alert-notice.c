/* clip-alert-notice.c — notices as GNotifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-alert-notice.h"

void
clip_alert_notice_free (ClipAlertNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->id);
  g_free (notice->title);
  g_free (notice->body);
  g_free (notice);
}

GNotification *
clip_alert_notice_to_notification (const ClipAlertNotice *notice)
{
  GNotification *notification;

  g_return_val_if_fail (notice != NULL, NULL);

  notification = g_notification_new (notice->title);
  if (notice->body != NULL && *notice->body != '\0')
    g_notification_set_body (notification, notice->body);
  g_notification_set_priority (notification, notice->priority);
  if (notice->rule_id > 0)
    g_notification_set_default_action_and_target (notification, CLIP_ALERT_ACTION_SHOW_RULE,
                                                  "x", notice->rule_id);
  else
    g_notification_set_default_action (notification, CLIP_ALERT_ACTION_SHOW_ALERTS);
  if (notice->article_id > 0)
    g_notification_add_button_with_target (notification,
                                           /* Translators: a notification button: open the article */
                                           C_("notification", "Open"),
                                           CLIP_ALERT_ACTION_OPEN_ARTICLE,
                                           "x", notice->article_id);
  return notification;
}

void
clip_alert_deliver_to_application (const ClipAlertNotice *notice,
                                   gpointer               application)
{
  g_autoptr(GNotification) notification = NULL;

  g_return_if_fail (G_IS_APPLICATION (application));

  /* Unregistered (a second instance, or shutting down): nothing to send
   * from, and GIO would complain. */
  if (!g_application_get_is_registered (application))
    return;
  notification = clip_alert_notice_to_notification (notice);
  g_application_send_notification (application, notice->id, notification);
}
