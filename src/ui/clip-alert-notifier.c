/* clip-alert-notifier.c — the alert policy, run for the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-alert-notifier.h"

struct _ClipAlertNotifier
{
  GObject          parent_instance;

  GtkApplication  *app;       /* not owned: the application owns us */
  GSettings       *settings;
  ClipAlertPolicy *policy;
};

G_DEFINE_FINAL_TYPE (ClipAlertNotifier, clip_alert_notifier, G_TYPE_OBJECT)

static void
read_config (ClipAlertNotifier *self)
{
  ClipAlertConfig config = {
    .enabled = g_settings_get_boolean (self->settings, "notifications-enabled"),
    .quiet_hours = g_settings_get_boolean (self->settings, "quiet-hours-enabled"),
    .quiet_from = g_settings_get_uint (self->settings, "quiet-hours-from"),
    .quiet_to = g_settings_get_uint (self->settings, "quiet-hours-to"),
    .daily_time = g_settings_get_uint (self->settings, "daily-digest-time"),
    .daily_overview = g_settings_get_boolean (self->settings, "daily-digest-enabled"),
  };

  if (self->policy != NULL)
    clip_alert_policy_set_config (self->policy, &config);
}

/* A window to show something in: the one in front, or a new one. */
static GtkWindow *
present_window (ClipAlertNotifier *self)
{
  GtkWindow *window = gtk_application_get_active_window (self->app);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self->app));
      window = gtk_application_get_active_window (self->app);
    }
  if (window != NULL)
    gtk_window_present (window);
  return window;
}

static void
forward_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  ClipAlertNotifier *self = user_data;
  GtkWindow *window = present_window (self);

  if (window != NULL && G_IS_ACTION_GROUP (window))
    g_action_group_activate_action (G_ACTION_GROUP (window),
                                    g_action_get_name (G_ACTION (action)), param);
}

ClipAlertNotifier *
clip_alert_notifier_new (GtkApplication *app,
                         GSettings      *settings)
{
  static const GActionEntry actions[] = {
    { "show-rule", forward_activated, "x" },
    { "show-alerts", forward_activated },
    { "open-article", forward_activated, "x" },
  };
  ClipAlertNotifier *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CLIP_TYPE_ALERT_NOTIFIER, NULL);
  self->app = app;
  self->settings = g_object_ref (settings);
  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), self);
  g_signal_connect_object (settings, "changed", G_CALLBACK (read_config), self, G_CONNECT_SWAPPED);
  return self;
}

void
clip_alert_notifier_attach (ClipAlertNotifier *self,
                            ClipService       *service)
{
  g_return_if_fail (CLIP_IS_ALERT_NOTIFIER (self));
  g_return_if_fail (CLIP_IS_SERVICE (service));

  /* No connection of its own: what it notified is recorded by a command
   * on the service's writer. */
  g_clear_object (&self->policy);
  self->policy = clip_alert_policy_new (NULL);
  clip_alert_policy_set_delivery (self->policy, clip_alert_deliver_to_application, self->app, NULL);
  read_config (self);
  clip_alert_policy_attach (self->policy, service);
}

ClipAlertPolicy *
clip_alert_notifier_get_policy (ClipAlertNotifier *self)
{
  g_return_val_if_fail (CLIP_IS_ALERT_NOTIFIER (self), NULL);

  return self->policy;
}

static void
clip_alert_notifier_dispose (GObject *object)
{
  ClipAlertNotifier *self = CLIP_ALERT_NOTIFIER (object);

  /* A run still in flight finishes without sending from a dead app. */
  if (self->policy != NULL)
    {
      clip_alert_policy_detach (self->policy);
      clip_alert_policy_set_delivery (self->policy, NULL, NULL, NULL);
    }
  g_clear_object (&self->policy);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (clip_alert_notifier_parent_class)->dispose (object);
}

static void
clip_alert_notifier_class_init (ClipAlertNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = clip_alert_notifier_dispose;
}

static void
clip_alert_notifier_init (ClipAlertNotifier *self)
{
}
