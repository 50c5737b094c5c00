/* clip-export-dialog.c — format, scope, period and file, then the export
 * in a worker thread (clip_export_to_file_async) with progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-date-row.h"
#include "clip-export-dialog.h"
#include "clip-format.h"
#include "clip-export.h"
#include "clip-rules-store.h"
#include "clip-store-listing.h"

/* The period choices, in the order of the period row. */
typedef enum {
  PERIOD_ALL,
  PERIOD_TODAY,
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_CUSTOM,
} Period;

/* The format choices, in the order of the format row. */
static const ClipExportFormat formats[] = {
  CLIP_EXPORT_PDF, CLIP_EXPORT_HTML, CLIP_EXPORT_CSV, CLIP_EXPORT_JSON,
};

/* Counting waits this long after the last change (typing a search). */
#define COUNT_DELAY_MS 150

struct _ClipExportDialog
{
  AdwWindow        parent_instance;

  GtkLabel        *origin_label;
  AdwComboRow     *format_row;
  GtkWidget       *bom_row;
  GtkWidget       *highlight_row;
  GtkSwitch       *highlight_switch;
  GtkSwitch       *bom_switch;
  GtkWidget       *selection_row;
  GtkSwitch       *selection_switch;
  AdwComboRow     *rule_row;
  AdwComboRow     *outlet_row;
  AdwEntryRow     *query_row;
  GtkSwitch       *flagged_switch;
  GtkSwitch       *unread_switch;
  AdwComboRow     *period_row;
  ClipDateRow     *since_row;
  ClipDateRow     *until_row;
  GtkLabel        *summary_label;
  GtkProgressBar  *progress_bar;
  GtkLabel        *error_label;
  GtkWidget       *export_button;
  GtkWidget       *page;

  char            *archive_path;
  AdwToastOverlay *toasts;        /* weak */
  GArray          *selected_ids;
  GArray          *outlet_ids;    /* gint64, in the outlet row's order after "Any outlet" */
  GCancellable    *cancellable;   /* while exporting */
  GCancellable    *count_cancellable;
  guint            count_timeout;
  gint             count;         /* -1: not known */
  gboolean         setting_period;
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
  ClipExportFormat format = chosen_format (self);

  gtk_widget_set_visible (self->bom_row, format == CLIP_EXPORT_CSV);
  gtk_widget_set_visible (self->highlight_row, format == CLIP_EXPORT_PDF || format == CLIP_EXPORT_HTML);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The rule chosen, or NULL for "Any rule" (the first item). */
static const char *
chosen_rule (ClipExportDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->rule_row);

  if (item == NULL || adw_combo_row_get_selected (self->rule_row) == 0)
    return NULL;
  return gtk_string_object_get_string (item);
}

static gint64
chosen_outlet (ClipExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->outlet_row);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || i > self->outlet_ids->len)
    return 0;
  return g_array_index (self->outlet_ids, gint64, i - 1);
}

/* The scope as chosen: every part combines with the others. FALSE with
 * a message to show. */
static gboolean
read_scope (ClipExportDialog *self, ClipExportScope *scope, GError **error)
{
  const char *rule = chosen_rule (self);
  g_autofree char *query = entry_text (self->query_row);

  memset (scope, 0, sizeof *scope);
  if (!clip_date_row_get_time (self->since_row, &scope->since, error) ||
      !clip_date_row_get_time (self->until_row, &scope->until, error))
    return FALSE;
  scope->rule = g_strdup (rule);
  scope->outlet_id = chosen_outlet (self);
  scope->query = *query ? g_steal_pointer (&query) : NULL;
  scope->flagged = gtk_switch_get_active (self->flagged_switch);
  scope->unread = gtk_switch_get_active (self->unread_switch);
  if (self->selected_ids && gtk_switch_get_active (self->selection_switch))
    {
      scope->article_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->selected_ids->len);
      g_array_append_vals (scope->article_ids, self->selected_ids->data, self->selected_ids->len);
    }
  if (scope->since && scope->until && scope->until <= scope->since)
    {
      g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_INVALID,
                   _("The period ends before it starts"));
      return FALSE;
    }
  return TRUE;
}

static void
show_count (ClipExportDialog *self, gint count)
{
  g_autofree char *text = NULL;

  self->count = count;
  if (count < 0)
    text = g_strdup ("");
  else if (count == 0)
    text = g_strdup (_("Nothing to export: no article is in this scope and period."));
  else
    {
      g_autofree char *n = clip_format_count (count, NULL);

      /* Translators: %s is a number, with the locale's thousands separators */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s article to export",
                                           "%s articles to export", count), n);
    }
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_sensitive (self->export_button, count != 0 && self->cancellable == NULL);
}

static void
count_done_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(ClipExportDialog) self = data;
  g_autoptr(GError) error = NULL;
  guint count = 0;
  gboolean ok = clip_export_count_finish (res, &count, &error);

  /* An answer to a scope since changed is not this one's. */
  if (self->disposed || g_task_get_cancellable (G_TASK (res)) != self->count_cancellable)
    return;
  if (!ok)
    {
      g_clear_object (&self->count_cancellable);
      show_count (self, -1);
      show_error (self, error->message);
      return;
    }
  g_clear_object (&self->count_cancellable);
  show_error (self, NULL);
  show_count (self, (gint) count);
}

static gboolean
count_timeout_cb (gpointer data)
{
  ClipExportDialog *self = data;
  ClipExportScope scope;
  g_autoptr(GError) error = NULL;

  self->count_timeout = 0;
  if (!read_scope (self, &scope, &error))
    {
      clip_export_scope_clear (&scope);
      show_count (self, -1);
      show_error (self, error->message);
      return G_SOURCE_REMOVE;
    }
  self->count_cancellable = g_cancellable_new ();
  clip_export_count_async (self->archive_path, &scope, self->count_cancellable,
                           count_done_cb, g_object_ref (self));
  clip_export_scope_clear (&scope);
  return G_SOURCE_REMOVE;
}

/* Any change of scope: counted again, a moment later. */
static void
scope_changed_cb (ClipExportDialog *self)
{
  if (self->count_cancellable)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  g_clear_handle_id (&self->count_timeout, g_source_remove);
  show_count (self, -1);
  gtk_label_set_text (self->summary_label, _("Counting…"));
  if (self->archive_path)
    self->count_timeout = g_timeout_add (COUNT_DELAY_MS, count_timeout_cb, self);
}

/* A day typed or picked is a custom period; a fixed mistake clears at once. */
static void
date_changed_cb (ClipExportDialog *self)
{
  if (!self->setting_period)
    adw_combo_row_set_selected (self->period_row, PERIOD_CUSTOM);
  scope_changed_cb (self);
}

static void
set_days (ClipExportDialog *self, GDateTime *since, GDateTime *until)
{
  self->setting_period = TRUE;
  clip_date_row_set_day (self->since_row, since);
  clip_date_row_set_day (self->until_row, until);
  self->setting_period = FALSE;
}

static void
period_changed_cb (ClipExportDialog *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = NULL;

  switch ((Period) adw_combo_row_get_selected (self->period_row))
    {
    case PERIOD_ALL:
      set_days (self, NULL, NULL);
      break;
    case PERIOD_TODAY:
      set_days (self, today, today);
      break;
    case PERIOD_WEEK:
      from = g_date_time_add_days (today, -6);
      set_days (self, from, today);
      break;
    case PERIOD_MONTH:
      from = g_date_time_add_days (today, 1 - g_date_time_get_day_of_month (today));
      set_days (self, from, today);
      break;
    case PERIOD_CUSTOM:
    default:
      break;
    }
}

static void
set_working (ClipExportDialog *self, gboolean working)
{
  gtk_widget_set_sensitive (self->page, !working);
  gtk_widget_set_sensitive (self->export_button, !working && self->count != 0);
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
  options.highlight_all = gtk_switch_get_active (self->highlight_switch);
  self->cancellable = g_cancellable_new ();
  set_working (self, TRUE);
  g_object_set_data_full (G_OBJECT (self), "export-path", g_strdup (path), g_free);
  progress = clip_progress_new (progress_cb, g_object_ref (self), g_object_unref, NULL);
  clip_export_to_file_async (self->archive_path, &scope, &options, path, progress,
                             self->cancellable, export_done_cb, g_object_ref (self));
  clip_export_scope_clear (&scope);
}

/* What the export is about, for its file name: the rule, the outlet,
 * the search, or what narrows it. */
static char *
file_subject (ClipExportDialog *self)
{
  g_autofree char *query = entry_text (self->query_row);
  GtkStringObject *outlet = adw_combo_row_get_selected_item (self->outlet_row);

  if (chosen_rule (self))
    return g_strdup (chosen_rule (self));
  if (chosen_outlet (self) && outlet)
    return g_strdup (gtk_string_object_get_string (outlet));
  if (*query)
    return g_steal_pointer (&query);
  if (self->selected_ids && gtk_switch_get_active (self->selection_switch))
    return g_strdup (_("selected articles"));
  if (gtk_switch_get_active (self->flagged_switch))
    return g_strdup (_("flagged articles"));
  if (gtk_switch_get_active (self->unread_switch))
    return g_strdup (_("unread articles"));
  return NULL;
}

char *
clip_export_dialog_dup_file_name (ClipExportDialog *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *subject = NULL;

  g_return_val_if_fail (CLIP_IS_EXPORT_DIALOG (self), NULL);
  subject = file_subject (self);
  return clip_export_file_name (subject, chosen_format (self), today);
}

gint
clip_export_dialog_get_count (ClipExportDialog *self)
{
  g_return_val_if_fail (CLIP_IS_EXPORT_DIALOG (self), -1);
  return self->count;
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
  g_autofree char *name = clip_export_dialog_dup_file_name (self);

  /* Mistakes show before the file is asked for, and so does an empty
   * scope: no file is asked for only to be left unwritten. */
  if (!read_scope (self, &scope, &error))
    {
      clip_export_scope_clear (&scope);
      show_error (self, error->message);
      return;
    }
  clip_export_scope_clear (&scope);
  if (self->count == 0)
    return;
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
  g_autoptr(GtkStringList) rule_names = gtk_string_list_new ((const char *[]) { _("Any rule"), NULL });
  g_autoptr(GtkStringList) outlet_names = gtk_string_list_new ((const char *[]) { _("Any outlet"), NULL });

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

static void
offer_ids (ClipExportDialog *self, GArray *ids, gboolean active)
{
  g_autofree char *n = NULL;
  g_autofree char *subtitle = NULL;

  g_clear_pointer (&self->selected_ids, g_array_unref);
  if (ids && ids->len)
    {
      self->selected_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
      g_array_append_vals (self->selected_ids, ids->data, ids->len);
      n = clip_format_count (ids->len, NULL);
      /* Translators: %s is a number, with the locale's thousands separators */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s article selected in the list",
                                               "%s articles selected in the list", ids->len), n);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->selection_row), subtitle);
    }
  gtk_widget_set_visible (self->selection_row, self->selected_ids != NULL);
  gtk_switch_set_active (self->selection_switch, self->selected_ids != NULL && active);
  scope_changed_cb (self);
}

void
clip_export_dialog_set_article_ids (ClipExportDialog *self,
                                    GArray           *ids)
{
  g_return_if_fail (CLIP_IS_EXPORT_DIALOG (self));
  offer_ids (self, ids, TRUE);
}

static guint
find_string (AdwComboRow *row, const char *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 1; text && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        return i;
    }
  return 0;
}

/* "Rule “X” · Search “y” · …": what the list showed, as the dialog took it. */
static void
say_origin (ClipExportDialog *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *query = entry_text (self->query_row);
  GtkStringObject *outlet = adw_combo_row_get_selected_item (self->outlet_row);
  g_autofree char *joined = NULL, *text = NULL;

  if (chosen_rule (self))
    g_ptr_array_add (parts, g_strdup_printf (_("Rule “%s”"), chosen_rule (self)));
  if (chosen_outlet (self) && outlet)
    g_ptr_array_add (parts, g_strdup_printf (_("Outlet “%s”"), gtk_string_object_get_string (outlet)));
  if (*query)
    g_ptr_array_add (parts, g_strdup_printf (_("Search “%s”"), query));
  if (gtk_switch_get_active (self->flagged_switch))
    g_ptr_array_add (parts, g_strdup (_("Flagged articles")));
  if (gtk_switch_get_active (self->unread_switch))
    g_ptr_array_add (parts, g_strdup (_("Unread articles")));
  if (self->selected_ids && gtk_switch_get_active (self->selection_switch))
    g_ptr_array_add (parts, g_strdup (_("The selected articles")));
  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (_("All articles")));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);
  /* Translators: %s is the scope, such as Rule “Elections” · Flagged articles */
  text = g_strdup_printf (_("From the list you were viewing: %s. Change anything below."), joined);
  gtk_label_set_text (self->origin_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->origin_label), TRUE);
}

void
clip_export_dialog_set_scope (ClipExportDialog      *self,
                              const ClipExportScope *scope)
{
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  guint outlet = 0;

  g_return_if_fail (CLIP_IS_EXPORT_DIALOG (self) && scope != NULL);
  for (guint i = 0; scope->outlet_id && i < self->outlet_ids->len; i++)
    if (g_array_index (self->outlet_ids, gint64, i) == scope->outlet_id)
      outlet = i + 1;
  adw_combo_row_set_selected (self->rule_row, find_string (self->rule_row, scope->rule));
  adw_combo_row_set_selected (self->outlet_row, outlet);
  gtk_editable_set_text (GTK_EDITABLE (self->query_row), scope->query ? scope->query : "");
  gtk_switch_set_active (self->flagged_switch, scope->flagged);
  gtk_switch_set_active (self->unread_switch, scope->unread);
  if (scope->since || scope->until)
    {
      since = scope->since ? g_date_time_new_from_unix_local (scope->since) : NULL;
      /* until is the start of the day after the last one */
      until = scope->until ? g_date_time_new_from_unix_local (scope->until - 1) : NULL;
      adw_combo_row_set_selected (self->period_row, PERIOD_CUSTOM);
      set_days (self, since, until);
    }
  if (scope->article_ids)
    offer_ids (self, scope->article_ids, TRUE);
  say_origin (self);
  scope_changed_cb (self);
}

ClipExportDialog *
clip_export_dialog_new (GtkWindow       *parent,
                        const char      *archive_path,
                        AdwToastOverlay *toasts,
                        GArray          *selected_ids)
{
  ClipExportDialog *self = g_object_new (CLIP_TYPE_EXPORT_DIALOG,
                                         "transient-for", parent, NULL);

  self->archive_path = g_strdup (archive_path);
  if (toasts)
    g_set_weak_pointer (&self->toasts, toasts);
  fill_lists (self);
  offer_ids (self, selected_ids, FALSE);
  return self;
}

static void
clip_export_dialog_dispose (GObject *object)
{
  ClipExportDialog *self = CLIP_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  if (self->count_cancellable)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  g_clear_handle_id (&self->count_timeout, g_source_remove);
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
  g_type_ensure (CLIP_TYPE_DATE_ROW);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, origin_label);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, bom_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, highlight_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, highlight_switch);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, selection_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, selection_switch);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, outlet_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, query_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, flagged_switch);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, unread_switch);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, since_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ClipExportDialog, page);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
clip_export_dialog_init (ClipExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) {
    _("PDF report"), _("HTML report"), _("CSV spreadsheet"), _("JSON data"), NULL });
  g_autoptr(GtkStringList) periods = gtk_string_list_new ((const char *[]) {
    _("All time"), _("Today"), _("Last 7 days"), _("This month"), _("Custom"), NULL });

  self->count = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->outlet_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  clip_date_row_set_end_of_day (self->until_row, TRUE);
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (periods));
  format_changed_cb (self);
}
