/* clip-window-outlets.c — the window's outlet actions: add one, add the
 * starter set, import and export OPML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-add-outlet-dialog.h"
#include "clip-input.h"
#include "clip-opml.h"
#include "clip-window-private.h"

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
  const ClipImportResult *result = clip_command_get_import_result (clip_commands_get_command (res));

  clip_window_set_busy (self, FALSE);
  if (!clip_commands_run_finish (CLIP_COMMANDS (source), res, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        clip_window_show_error (self, _("Could not add the outlets"), error);
      return;
    }
  message = describe_import (result);
  clip_window_show_toast (self, message);
  clip_window_outlets_changed (self);
}

/* opml NULL: the starter set. */
static void
run_import (ClipWindow *self,
            GBytes     *opml)
{
  guint interval = g_settings_get_uint (clip_window_get_settings (self), "refresh-interval");
  g_autoptr(ClipCommand) command = opml ? clip_command_import_opml (opml, interval)
                                        : clip_command_add_starter_outlets (interval);

  if (clip_window_get_commands (self) == NULL)
    return;
  clip_window_set_busy (self, TRUE);
  clip_commands_run_async (clip_window_get_commands (self), command, NULL,
                           clip_window_get_cancellable (self), import_done_cb, g_object_ref (self));
}

static void
add_starter_outlets_activated (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  run_import (CLIP_WINDOW (user_data), NULL);
}

static void
outlet_added_cb (ClipWindow *self,
                 const char *name)
{
  g_autofree char *message = g_strdup_printf (_("“%s” added"), name);

  clip_window_show_toast (self, message);
  clip_window_outlets_changed (self);
}

static void
add_outlet_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  GtkWindow *dialog;

  if (clip_window_get_commands (self) == NULL)
    return;
  dialog = GTK_WINDOW (clip_add_outlet_dialog_new (clip_window_get_commands (self),
                                                   g_settings_get_uint (clip_window_get_settings (self),
                                                                        "refresh-interval"),
                                                   clip_window_get_service (self)));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (self));
  g_signal_connect_object (dialog, "outlet-added", G_CALLBACK (outlet_added_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

/* Through the one bounded reader, as clippings-cli reads it: a huge file
 * or a FIFO picked in the chooser is refused, not read into memory or
 * waited on. */
static void
read_opml_thread (GTask        *task,
                  gpointer      source,
                  gpointer      path,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  char *contents = NULL;
  gsize len = 0;

  if (clip_input_read_file (path, CLIP_OPML_MAX_SIZE, &contents, &len, &error))
    g_task_return_pointer (task, g_bytes_new_take (contents, len), (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

static void
opml_loaded_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(ClipWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  clip_window_set_busy (self, FALSE);
  if (!(bytes = g_task_propagate_pointer (G_TASK (res), &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        clip_window_show_error (self, _("Could not read the OPML file"), error);
      return;
    }
  run_import (self, bytes);
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
      g_autoptr(GTask) task = g_task_new (NULL, clip_window_get_cancellable (self),
                                          opml_loaded_cb, g_object_ref (self));
      char *path = g_file_get_path (file);

      if (path == NULL)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("Only files on this computer can be imported"));
      else
        {
          clip_window_set_busy (self, TRUE);
          g_task_set_task_data (task, path, g_free);
          g_task_run_in_thread (task, read_opml_thread);
        }
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
        clip_window_show_error (self, _("Could not export the outlets"), error);
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
  if (!(outlets = clip_store_list_outlets (clip_window_get_store (self), &error)))
    {
      clip_window_show_error (self, _("Could not export the outlets"), error);
      goto out;
    }
  xml = clip_opml_write (outlets, _("Clippings outlets"));
  bytes = g_bytes_new_take (xml, strlen (xml));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       clip_window_get_cancellable (self), opml_saved_cb, g_object_ref (self));
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

void
clip_window_add_outlet_actions (ClipWindow *self)
{
  static const GActionEntry actions[] = {
    { "add-outlet", add_outlet_activated },
    { "add-starter-outlets", add_starter_outlets_activated },
    { "import-opml", import_opml_activated },
    { "export-opml", export_opml_activated },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}
