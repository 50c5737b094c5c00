/* clip-alert-notice.c — notices as GNotifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

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

static ClipAlertNotice *
notice_copy (const ClipAlertNotice *notice)
{
  ClipAlertNotice *copy = g_memdup2 (notice, sizeof *notice);

  copy->id = g_strdup (notice->id);
  copy->title = g_strdup (notice->title);
  copy->body = g_strdup (notice->body);
  return copy;
}

/* body_markup: the body goes to a server that reads it as markup. */
static GNotification *
build_notification (const ClipAlertNotice *notice,
                    gboolean               body_markup)
{
  GNotification *notification;

  notification = g_notification_new (notice->title);
  if (notice->body != NULL && *notice->body != '\0')
    {
      /* Feed text stays text: a title "<b>…" or "A & B" must not turn
       * into markup (or vanish as broken markup) on the desktop. */
      g_autofree char *escaped = body_markup ? g_markup_escape_text (notice->body, -1) : NULL;

      g_notification_set_body (notification, escaped ? escaped : notice->body);
    }
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

GNotification *
clip_alert_notice_to_notification (const ClipAlertNotice *notice)
{
  g_return_val_if_fail (notice != NULL, NULL);

  return build_notification (notice, FALSE);
}

/* Which way GIO sends decides how the body is read. GNOME Shell's
 * org.gtk.Notifications shows it as text; when that is absent GIO calls
 * org.freedesktop.Notifications, whose body is markup if the server lists
 * "body-markup" among its capabilities. Both are asked asynchronously:
 * the server may live in this very process (as in the tests). */
typedef struct {
  GApplication    *app;
  ClipAlertNotice *notice;
} Pending;

static void
pending_send (Pending  *pending,
              gboolean  body_markup)
{
  g_autoptr(GNotification) notification = NULL;

  /* Shut down meanwhile: nothing to send from. */
  if (g_application_get_is_registered (pending->app))
    {
      notification = build_notification (pending->notice, body_markup);
      g_application_send_notification (pending->app, pending->notice->id, notification);
    }
  g_object_unref (pending->app);
  clip_alert_notice_free (pending->notice);
  g_free (pending);
}

static void
capabilities_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  g_autofree const char **caps = NULL;

  if (reply != NULL)
    g_variant_get (reply, "(^a&s)", &caps);
  pending_send (user_data, caps != NULL && g_strv_contains (caps, "body-markup"));
}

static void
gtk_owner_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  gboolean gtk_server = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &gtk_server);
  if (gtk_server)
    {
      pending_send (user_data, FALSE);
      return;
    }
  g_dbus_connection_call (G_DBUS_CONNECTION (source), "org.freedesktop.Notifications",
                          "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                          "GetCapabilities", NULL, G_VARIANT_TYPE ("(as)"),
                          G_DBUS_CALL_FLAGS_NONE, 2000, NULL, capabilities_cb, user_data);
}

void
clip_alert_deliver_to_application (const ClipAlertNotice *notice,
                                   gpointer               application)
{
  GDBusConnection *bus;
  Pending *pending;

  g_return_if_fail (G_IS_APPLICATION (application));

  /* Unregistered (a second instance, or shutting down): nothing to send
   * from, and GIO would complain. */
  if (!g_application_get_is_registered (application))
    return;
  pending = g_new0 (Pending, 1);
  pending->app = g_object_ref (application);
  pending->notice = notice_copy (notice);
  bus = g_application_get_dbus_connection (application);
  if (bus == NULL)
    {
      pending_send (pending, FALSE);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "NameHasOwner",
                          g_variant_new ("(s)", "org.gtk.Notifications"), G_VARIANT_TYPE ("(b)"),
                          G_DBUS_CALL_FLAGS_NONE, 2000, NULL, gtk_owner_cb, pending);
}
