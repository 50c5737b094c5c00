/* clip-application.c — the AdwApplication: actions, accels, style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-alert-notifier.h"
#include "clip-a11y.h"
#include "clip-application.h"
#include "clip-preferences-window.h"
#include "clip-window.h"

struct _ClipApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  ClipService    *service;
  char           *service_error;
  ClipAlertNotifier *notifier;
};

G_DEFINE_FINAL_TYPE (ClipApplication, clip_application, ADW_TYPE_APPLICATION)

ClipApplication *
clip_application_new (void)
{
  return g_object_new (CLIP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/clippings/Clippings",
                       NULL);
}

GSettings *
clip_application_get_settings (ClipApplication *self)
{
  g_return_val_if_fail (CLIP_IS_APPLICATION (self), NULL);

  return self->settings;
}

ClipService *
clip_application_get_service (ClipApplication *self)
{
  g_return_val_if_fail (CLIP_IS_APPLICATION (self), NULL);

  return self->service;
}

const char *
clip_application_get_service_error (ClipApplication *self)
{
  return self->service_error;
}

/* The service owns the archive's writer; the windows read beside it. */
static void
start_service (ClipApplication *self)
{
  g_autoptr(GError) error = NULL;

  self->service = clip_service_new (NULL);
  if (!clip_service_start (self->service, &error))
    {
      g_debug ("The fetch service did not start: %s", error->message);
      self->service_error = g_strdup (error->message);
      g_clear_object (&self->service);
    }
}

static void
clip_application_shutdown (GApplication *app)
{
  ClipApplication *self = CLIP_APPLICATION (app);

  g_clear_object (&self->notifier);
  /* Lets the batch being written commit before the process ends. */
  if (self->service != NULL)
    clip_service_stop (self->service);
  g_clear_object (&self->service);
  G_APPLICATION_CLASS (clip_application_parent_class)->shutdown (app);
}

static void
apply_color_scheme (ClipApplication *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");

  /* "system" follows the desktop's light/dark preference. */
  if (g_str_equal (scheme, "light"))
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
clip_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      GtkShortcutsWindow *shortcuts;

      window = GTK_WINDOW (clip_window_new (CLIP_APPLICATION (app)));
      /* GTK builds the shortcuts window's search and sections itself. */
      shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
      if (shortcuts != NULL)
        clip_a11y_name_internals (GTK_WIDGET (shortcuts));
    }
  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Close (rather than just quit) so windows save their state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_application_quit (app);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Clippings developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application", app,
                        "application-name", _("Clippings"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Clippings developers"),
                        "version", PACKAGE_VERSION,
                        "website", CLIP_HOMEPAGE,
                        "issue-url", CLIP_HOMEPAGE "/issues",
                        "copyright", _("© 2026 The Clippings developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  ClipApplication *self = CLIP_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ClipPreferencesWindow *prefs = clip_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
clip_application_startup (GApplication *app)
{
  ClipApplication *self = CLIP_APPLICATION (app);
  static const GActionEntry app_actions[] = {
    { "quit", quit_activated },
    { "about", about_activated },
    { "preferences", preferences_activated },
  };
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.refresh", { "<Control>r", "F5", NULL } },
    { "win.add-outlet", { "<Control>n", NULL } },
    { "win.import-opml", { "<Control>o", NULL } },
    { "win.export-opml", { "<Control><Shift>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.show-rules", { "<Control><Shift>r", NULL } },
    { "win.show-alerts", { "<Control><Shift>a", NULL } },
  };

  G_APPLICATION_CLASS (clip_application_parent_class)->startup (app);
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
  start_service (self);
  /* Desktop notifications, with or without a window (clip-alert-notifier.c). */
  self->notifier = clip_alert_notifier_new (GTK_APPLICATION (self), self->settings);
  if (self->service != NULL)
    clip_alert_notifier_attach (self->notifier, self->service);
}

static void
clip_application_dispose (GObject *object)
{
  ClipApplication *self = CLIP_APPLICATION (object);

  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);
  g_clear_object (&self->service);
  g_clear_pointer (&self->service_error, g_free);
  G_OBJECT_CLASS (clip_application_parent_class)->dispose (object);
}

static void
clip_application_class_init (ClipApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = clip_application_dispose;
  app_class->activate = clip_application_activate;
  app_class->startup = clip_application_startup;
  app_class->shutdown = clip_application_shutdown;
}

static void
clip_application_init (ClipApplication *self)
{
  g_set_application_name (_("Clippings"));
}
