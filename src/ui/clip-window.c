/* clip-window.c — the main window: empty state, sidebar, content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-add-outlet-dialog.h"
#include "clip-import-task.h"
#include "clip-opml.h"
#include "clip-paths.h"
#include "clip-sidebar.h"
#include "clip-store-listing.h"
#include "clip-window.h"

struct _ClipWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  ClipSidebar          *sidebar;
  AdwWindowTitle       *content_title;

  GSettings            *settings;
  ClipStore            *store;
  GCancellable         *cancellable;
  guint                 busy;
};

G_DEFINE_FINAL_TYPE (ClipWindow, clip_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const outlet_actions[] = {
  "add-outlet", "add-starter-outlets", "import-opml",
};

ClipWindow *
clip_window_new (ClipApplication *app)
{
  return g_object_new (CLIP_TYPE_WINDOW, "application", app, NULL);
}

ClipStore *
clip_window_get_store (ClipWindow *self)
{
  g_return_val_if_fail (CLIP_IS_WINDOW (self), NULL);

  return self->store;
}

void
clip_window_show_toast (ClipWindow *self,
                        const char *message)
{
  /* Toast titles are markup in libadwaita 1.2, and feed text (outlet
   * names, errors) reaches them: escape it. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (ClipWindow   *self,
            const char   *what,
            const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  g_debug ("%s", message);
  clip_window_show_toast (self, message);
}

static void
set_busy (ClipWindow *self,
          gboolean    busy)
{
  self->busy += busy ? 1 : -1;
  for (guint i = 0; i < G_N_ELEMENTS (outlet_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), outlet_actions[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->busy == 0);
    }
}

static void
update_content_title (ClipWindow *self)
{
  adw_window_title_set_title (self->content_title,
                              clip_sidebar_get_selected_title (self->sidebar));
}

void
clip_window_reload (ClipWindow *self)
{
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GError) error = NULL;
  ClipSidebarCounts counts = { 0 };
  ClipArticleFilter unread = { .unread_only = TRUE };
  ClipArticleFilter flagged = { .flagged_only = TRUE };

  g_return_if_fail (CLIP_IS_WINDOW (self));

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }
  clip_store_release_snapshot (self->store);
  if (!(outlets = clip_store_list_outlets (self->store, &error)) ||
      (counts.unread = clip_store_count_articles (self->store, &unread, &error)) < 0 ||
      (counts.flagged = clip_store_count_articles (self->store, &flagged, &error)) < 0)
    {
      show_error (self, _("Could not read the archive"), error);
      return;
    }
  clip_sidebar_set_outlets (self->sidebar, outlets, &counts);
  update_content_title (self);
  gtk_stack_set_visible_child_name (self->main_stack, outlets->len ? "archive" : "empty");
}

static char *
describe_import (const ClipImportResult *result)
{
  if (result->added == 0 && result->skipped == 0)
    return g_strdup (_("The list had no outlets"));
  if (result->added == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "No outlets added: %u already here or without a usable address",
                                         "No outlets added: %u already here or without a usable address",
                                         result->skipped), result->skipped);
  if (result->skipped == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outlet added", "%u outlets added",
                                         result->added), result->added);
  else
    {
      g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outlet added",
                                                             "%u outlets added", result->added),
                                                result->added);
      /* Translators: %s is "N outlets added"; %u counts the outlets not added. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s, %u skipped (already here or no usable address)",
                                           "%s, %u skipped (already here or no usable address)",
                                           result->skipped), added, result->skipped);
    }
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(ClipWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  ClipImportResult result;

  set_busy (self, FALSE);
  if (!clip_import_task_run_finish (res, &result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could not add the outlets"), error);
      return;
    }
  message = describe_import (&result);
  clip_import_result_clear (&result);
  clip_window_show_toast (self, message);
  clip_window_reload (self);
}

static void
run_import (ClipWindow       *self,
            ClipImportSource  source,
            GBytes           *opml)
{
  set_busy (self, TRUE);
  clip_import_task_run_async (clip_store_get_path (self->store), source, NULL, opml,
                              g_settings_get_uint (self->settings, "refresh-interval"),
                              self->cancellable, import_done_cb, g_object_ref (self));
}

static void
add_starter_outlets_activated (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  run_import (CLIP_WINDOW (user_data), CLIP_IMPORT_STARTER, NULL);
}

static void
outlet_added_cb (ClipWindow *self,
                 const char *name)
{
  g_autofree char *message = g_strdup_printf (_("“%s” added"), name);

  clip_window_show_toast (self, message);
  clip_window_reload (self);
}

static void
add_outlet_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  GtkWindow *dialog;

  dialog = GTK_WINDOW (clip_add_outlet_dialog_new (clip_store_get_path (self->store),
                                                   g_settings_get_uint (self->settings,
                                                                        "refresh-interval")));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (self));
  g_signal_connect_object (dialog, "outlet-added", G_CALLBACK (outlet_added_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
opml_loaded_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(ClipWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  set_busy (self, FALSE);
  if (!(bytes = g_file_load_bytes_finish (G_FILE (source), res, NULL, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could not read the OPML file"), error);
      return;
    }
  run_import (self, CLIP_IMPORT_OPML, bytes);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      set_busy (self, TRUE);
      g_file_load_bytes_async (file, self->cancellable, opml_loaded_cb, g_object_ref (self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_opml_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) opml = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (opml, _("OPML Outlet Lists"));
  gtk_file_filter_add_mime_type (opml, "text/x-opml+xml");
  gtk_file_filter_add_pattern (opml, "*.opml");
  gtk_file_filter_add_pattern (opml, "*.xml");
  gtk_file_chooser_add_filter (chooser, opml);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
import_opml_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Outlets"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  add_opml_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
opml_saved_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(ClipWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), res, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could not export the outlets"), error);
      return;
    }
  name = g_file_get_basename (G_FILE (source));
  message = g_strdup_printf (_("Outlets exported to “%s”"), name);
  clip_window_show_toast (self, message);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *xml;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL)
    goto out;
  if (!(outlets = clip_store_list_outlets (self->store, &error)))
    {
      show_error (self, _("Could not export the outlets"), error);
      goto out;
    }
  xml = clip_opml_write (outlets, _("Clippings outlets"));
  bytes = g_bytes_new_take (xml, strlen (xml));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, opml_saved_cb, g_object_ref (self));
out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_opml_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Outlets"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  add_opml_filters (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("outlets.opml"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_sidebar_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
source_selected_cb (ClipWindow *self)
{
  update_content_title (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
open_store (ClipWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;

  self->store = clip_store_open_data_dir (NULL, CLIP_STORE_OPEN_DEFAULT, &error);
  if (self->store != NULL)
    return;
  g_debug ("Could not open the archive: %s", error->message);
  escaped = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->error_page, escaped);
  for (guint i = 0; i < G_N_ELEMENTS (outlet_actions); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (
        g_action_map_lookup_action (G_ACTION_MAP (self), outlet_actions[i])), FALSE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (
      g_action_map_lookup_action (G_ACTION_MAP (self), "export-opml")), FALSE);
}

static gboolean
clip_window_close_request (GtkWindow *window)
{
  ClipWindow *self = CLIP_WINDOW (window);
  int width, height;

  /* A maximized window keeps the size it had before. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);
  return GTK_WINDOW_CLASS (clip_window_parent_class)->close_request (window);
}

static void
clip_window_constructed (GObject *object)
{
  ClipWindow *self = CLIP_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  G_OBJECT_CLASS (clip_window_parent_class)->constructed (object);

  self->settings = app ? g_object_ref (clip_application_get_settings (CLIP_APPLICATION (app)))
                       : g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* Closing the window leaves the app running when it works in the background. */
  g_settings_bind (self->settings, "run-in-background", self, "hide-on-close",
                   G_SETTINGS_BIND_GET);
  open_store (self);
  clip_window_reload (self);
}

static void
clip_window_dispose (GObject *object)
{
  ClipWindow *self = CLIP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLIP_TYPE_WINDOW);
  G_OBJECT_CLASS (clip_window_parent_class)->dispose (object);
}

static void
clip_window_class_init (ClipWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = clip_window_constructed;
  object_class->dispose = clip_window_dispose;
  window_class->close_request = clip_window_close_request;

  g_type_ensure (CLIP_TYPE_SIDEBAR);
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, content_title);
  gtk_widget_class_bind_template_callback (widget_class, source_selected_cb);
}

static void
clip_window_init (ClipWindow *self)
{
  static const GActionEntry win_actions[] = {
    { "add-outlet", add_outlet_activated },
    { "add-starter-outlets", add_starter_outlets_activated },
    { "import-opml", import_opml_activated },
    { "export-opml", export_opml_activated },
    { "show-sidebar", show_sidebar_activated },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
}
