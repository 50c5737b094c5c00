/* clip-export-dialog.c — format, scope, period and file, then the export
 * in a worker thread (clip_export_to_file_async) with progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-export-dialog.h"
#include "clip-format.h"
#include "clip-export.h"
#include "clip-rules-store.h"
#include "clip-store-listing.h"

/* The scope choices, in the order of the scope row. */
typedef enum {
  SCOPE_ALL,
  SCOPE_FLAGGED,
  SCOPE_RULE,
  SCOPE_OUTLET,
  SCOPE_QUERY,
  SCOPE_SELECTED,
} Scope;

/* The format choices, in the order of the format row. */
static const ClipExportFormat formats[] = {
  CLIP_EXPORT_PDF, CLIP_EXPORT_HTML, CLIP_EXPORT_CSV, CLIP_EXPORT_JSON,
};

struct _ClipExportDialog
{
  AdwWindow        parent_instance;

  AdwComboRow     *format_row;
  GtkWidget       *bom_row;
  GtkSwitch       *bom_switch;
  AdwComboRow     *scope_row;
  AdwComboRow     *rule_row;
  AdwComboRow     *outlet_row;
  AdwEntryRow     *query_row;
  AdwEntryRow     *since_row;
  AdwEntryRow     *until_row;
  GtkProgressBar  *progress_bar;
  GtkLabel        *error_label;
  GtkWidget       *export_button;
  GtkWidget       *page;

  char            *archive_path;
  AdwToastOverlay *toasts;        /* weak */
  GArray          *selected_ids;
  GArray          *outlet_ids;    /* gint64, in the outlet row's order */
  GCancellable    *cancellable;   /* while exporting */
  GtkFileChooserNative *chooser;
  gboolean         disposed;
};

G_DEFINE_FINAL_TYPE (ClipExportDialog, clip_export_dialog, ADW_TYPE_WINDOW)

enum { EXPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (ClipExportDialog *self, const char *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static ClipExportFormat
chosen_format (ClipExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return formats[MIN (i, G_N_ELEMENTS (formats) - 1)];
}

static void
format_changed_cb (ClipExportDialog *self)
{
  gtk_widget_set_visible (self->bom_row, chosen_format (self) == CLIP_EXPORT_CSV);
}

static void
scope_changed_cb (ClipExportDialog *self)
{
  Scope scope = adw_combo_row_get_selected (self->scope_row);

  gtk_widget_set_visible (GTK_WIDGET (self->rule_row), scope == SCOPE_RULE);
  gtk_widget_set_visible (GTK_WIDGET (self->outlet_row), scope == SCOPE_OUTLET);
  gtk_widget_set_visible (GTK_WIDGET (self->query_row), scope == SCOPE_QUERY);
  show_error (self, NULL);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
read_date (AdwEntryRow *row, gboolean end_of_day, gint64 *t, GError **error)
{
  g_autofree char *text = entry_text (row);

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (*text == '\0')
    return TRUE;
  if (clip_export_parse_date (text, end_of_day, t, error))
    return TRUE;
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return FALSE;
}

/* The scope as chosen, or FALSE with a message to show. */
static gboolean
read_scope (ClipExportDialog *self, ClipExportScope *scope, GError **error)
{
  Scope choice = adw_combo_row_get_selected (self->scope_row);
  GtkStringObject *rule = adw_combo_row_get_selected_item (self->rule_row);
  guint outlet = adw_combo_row_get_selected (self->outlet_row);

  memset (scope, 0, sizeof *scope);
  if (!read_date (self->since_row, FALSE, &scope->since, error) ||
      !read_date (self->until_row, TRUE, &scope->until, error))
    return FALSE;
  if (choice == SCOPE_FLAGGED)
    scope->flagged = TRUE;
  else if (choice == SCOPE_RULE && rule)
    scope->rule = g_strdup (gtk_string_object_get_string (rule));
  else if (choice == SCOPE_OUTLET && outlet < self->outlet_ids->len)
    scope->outlet_id = g_array_index (self->outlet_ids, gint64, outlet);
  else if (choice == SCOPE_QUERY)
    {
      scope->query = entry_text (self->query_row);
      if (*scope->query == '\0')
        {
          g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_INVALID,
                       _("Type a search in the rule language, such as “Russia* NEAR/5 interfer*”"));
          return FALSE;
        }
    }
  else if (choice == SCOPE_SELECTED && self->selected_ids)
    {
      scope->article_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->selected_ids->len);
      g_array_append_vals (scope->article_ids, self->selected_ids->data, self->selected_ids->len);
    }
  else if (choice == SCOPE_RULE || choice == SCOPE_OUTLET)
    {
      g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_INVALID, "%s",
                   choice == SCOPE_RULE ? _("There are no rules yet") : _("There are no outlets yet"));
      return FALSE;
    }
  return TRUE;
}

static void
set_working (ClipExportDialog *self, gboolean working)
{
  gtk_widget_set_sensitive (self->page, !working);
  gtk_widget_set_sensitive (self->export_button, !working);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), working);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, working ? _("Exporting…") : NULL);
}

static void
progress_cb (guint64 done, guint64 total, gpointer data)
{
  ClipExportDialog *self = data;
  g_autofree char *text = NULL;

  if (self->disposed)
    return;
  {
    g_autofree char *d = clip_format_count ((gint64) done, NULL);
    g_autofree char *t = clip_format_count ((gint64) total, NULL);

    /* Translators: both are numbers, with the locale's thousands separators */
    text = g_strdup_printf (_("%s of %s articles"), d, t);
  }
  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 1);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
open_clicked_cb (AdwToast *toast, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *window = app ? gtk_application_get_active_window (app) : NULL;

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
unref_file (gpointer data, GClosure *closure)
{
  g_object_unref (data);
}

static void
say_done (ClipExportDialog *self, const char *path, const ClipExportResult *result)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (self->toasts == NULL)
    return;
  {
    g_autofree char *n = clip_format_count (result->articles, NULL);

    /* Translators: the first %s is a number, the second a file's name */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %s article to “%s”",
                                            "Exported %s articles to “%s”", result->articles),
                               n, name);
  }
  /* A toast's title is markup in libadwaita 1.2; the file name is not. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_timeout (toast, 8);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb),
                         g_steal_pointer (&file), unref_file, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
export_done_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(ClipExportDialog) self = data;
  g_autoptr(GError) error = NULL;
  ClipExportResult result = { 0 };
  const char *path = g_object_get_data (G_OBJECT (self), "export-path");

  g_clear_object (&self->cancellable);
  clip_export_to_file_finish (res, &result, &error);
  /* Closed while exporting: the export was cancelled with it. */
  if (self->disposed)
    return;
  set_working (self, FALSE);
  if (error)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  say_done (self, path, &result);
  g_signal_emit (self, signals[EXPORTED], 0, path, result.articles);
  gtk_window_close (GTK_WINDOW (self));
}

void
clip_export_dialog_export_to (ClipExportDialog *self,
                              const char       *path)
{
  ClipExportScope scope;
  ClipExportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipProgress) progress = NULL;

  g_return_if_fail (CLIP_IS_EXPORT_DIALOG (self) && path != NULL);
  if (self->cancellable)
    return;
  if (!read_scope (self, &scope, &error))
    {
      clip_export_scope_clear (&scope);
      if (error)
        show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  options.format = chosen_format (self);
  options.bom = options.format == CLIP_EXPORT_CSV && gtk_switch_get_active (self->bom_switch);
  self->cancellable = g_cancellable_new ();
  set_working (self, TRUE);
  g_object_set_data_full (G_OBJECT (self), "export-path", g_strdup (path), g_free);
  progress = clip_progress_new (progress_cb, g_object_ref (self), g_object_unref, NULL);
  clip_export_to_file_async (self->archive_path, &scope, &options, path, progress,
                             self->cancellable, export_done_cb, g_object_ref (self));
  clip_export_scope_clear (&scope);
}

static char *
suggested_name (ClipExportDialog *self)
{
  static const char *const names[] = {
    [CLIP_EXPORT_CSV] = N_("articles.csv"),
    [CLIP_EXPORT_JSON] = N_("articles.json"),
    [CLIP_EXPORT_HTML] = N_("report.html"),
    [CLIP_EXPORT_PDF] = N_("report.pdf"),
  };

  return g_strdup (_(names[chosen_format (self)]));
}

static void
chooser_response_cb (ClipExportDialog *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;
  if (path == NULL)
    {
      show_error (self, _("Choose a file on this computer"));
      return;
    }
  clip_export_dialog_export_to (self, path);
}

static void
export_clicked_cb (ClipExportDialog *self)
{
  ClipExportScope scope;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = suggested_name (self);

  /* Mistakes show before the file is asked for. */
  if (!read_scope (self, &scope, &error))
    {
      show_error (self, error->message);
      return;
    }
  clip_export_scope_clear (&scope);
  show_error (self, NULL);
  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_clicked_cb (ClipExportDialog *self)
{
  /* While exporting, Cancel stops the export and keeps the dialog. */
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
fill_lists (ClipExportDialog *self)
{
  g_autoptr(ClipStore) store = clip_store_open (self->archive_path, CLIP_STORE_OPEN_READ_ONLY, NULL);
  g_autoptr(GPtrArray) rules = store ? clip_store_list_rules (store, NULL) : NULL;
  g_autoptr(GPtrArray) outlets = store ? clip_store_list_outlets_brief (store, NULL) : NULL;
  g_autoptr(GtkStringList) rule_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) outlet_names = gtk_string_list_new (NULL);

  for (guint i = 0; rules && i < rules->len; i++)
    gtk_string_list_append (rule_names, ((ClipRule *) g_ptr_array_index (rules, i))->name);
  for (guint i = 0; outlets && i < outlets->len; i++)
    {
      const ClipOutlet *o = g_ptr_array_index (outlets, i);
      g_autofree char *name = clip_outlet_dup_display_name (o);

      gtk_string_list_append (outlet_names, name);
      g_array_append_val (self->outlet_ids, o->id);
    }
  adw_combo_row_set_model (self->rule_row, G_LIST_MODEL (rule_names));
  adw_combo_row_set_model (self->outlet_row, G_LIST_MODEL (outlet_names));
}

ClipExportDialog *
clip_export_dialog_new (GtkWindow       *parent,
                        const char      *archive_path,
                        AdwToastOverlay *toasts,
                        GArray          *selected_ids)
{
  ClipExportDialog *self = g_object_new (CLIP_TYPE_EXPORT_DIALOG,
                                         "transient-for", parent, NULL);
  g_autoptr(GtkStringList) scopes = gtk_string_list_new ((const char *[]) {
    _("All articles"), _("Flagged articles"), _("Matched by a rule"),
    _("From an outlet"), _("Found by a search"), NULL });

  self->archive_path = g_strdup (archive_path);
  if (toasts)
    g_set_weak_pointer (&self->toasts, toasts);
  if (selected_ids && selected_ids->len)
    {
      self->selected_ids = g_array_ref (selected_ids);
      gtk_string_list_append (scopes, g_dngettext (GETTEXT_PACKAGE, "The selected article",
                                                   "The selected articles", selected_ids->len));
    }
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));
  fill_lists (self);
  return self;
}

static void
clip_export_dialog_dispose (GObject *object)
{
  ClipExportDialog *self = CLIP_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->toasts);
  G_OBJECT_CLASS (clip_export_dialog_parent_class)->dispose (object);
}

static void
clip_export_dialog_finalize (GObject *object)
{
  ClipExportDialog *self = CLIP_EXPORT_DIALOG (object);

  g_free (self->archive_path);
  g_clear_pointer (&self->selected_ids, g_array_unref);
  g_clear_pointer (&self->outlet_ids, g_array_unref);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (clip_export_dialog_parent_class)->finalize (object);
}

static void
clip_export_dialog_class_init (ClipExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clip_export_dialog_dispose;
  object_class->finalize = clip_export_dialog_finalize;

  /* The file's path and how many articles went into it. */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, bom_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, outlet_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, query_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, since_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, page);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
}

static void
clip_export_dialog_init (ClipExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) {
    _("PDF report"), _("HTML report"), _("CSV spreadsheet"), _("JSON data"), NULL });

  gtk_widget_init_template (GTK_WIDGET (self));
  self->outlet_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));
  format_changed_cb (self);
}
