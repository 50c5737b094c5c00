/* test-ui-export.c — the Export dialog: its choices, its mistakes, and
 * the files it writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-date-row.h"
#include "clip-export-dialog.h"
#include "clip-test-ui.h"
#include "clip-test-util.h"
#include "test-export-fixture.h"

#include <string.h>

typedef struct {
  char  *path;
  guint  articles;
} Exported;

static void
exported_cb (ClipExportDialog *dialog, const char *path, guint articles, Exported *out)
{
  out->path = g_strdup (path);
  out->articles = articles;
}

static gboolean
has_path (gpointer data)
{
  return ((Exported *) data)->path != NULL;
}

/* A visible label whose text holds needle. */
static gboolean
shows_text (GtkWidget *widget, const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), needle))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, needle))
      return TRUE;
  return FALSE;
}

static guint
find_item (AdwComboRow *row, const char *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        return i;
    }
  g_error ("no item “%s”", text);
}

static AdwComboRow *
row (GtkWidget *dialog, const char *title)
{
  GtkWidget *w = clip_test_ui_find (dialog, ADW_TYPE_COMBO_ROW, title);

  g_assert_nonnull (w);
  return ADW_COMBO_ROW (w);
}

static gboolean
counted (gpointer data)
{
  return clip_export_dialog_get_count (data) >= 0;
}

static gboolean
error_shown (gpointer data)
{
  return shows_text (data, "is not a date");
}

static gboolean
error_gone (gpointer data)
{
  return !shows_text (data, "is not a date");
}

static gboolean
unreadable_shown (gpointer data)
{
  return shows_text (data, "could not be read");
}

static gboolean
nothing_shown (gpointer data)
{
  return shows_text (data, "Nothing to export");
}

static GtkSwitch *
switch_of (GtkWidget *dialog, const char *title)
{
  GtkWidget *r = clip_test_ui_find (dialog, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (r);
  return GTK_SWITCH (clip_test_ui_find (r, GTK_TYPE_SWITCH, NULL));
}

static void
test_rule_csv (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autofree char *path = g_build_filename (f->dir, "elections.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  ClipExportDialog *dialog = clip_export_dialog_new (NULL, clip_store_get_path (f->store), NULL, NULL);
  GtkWidget *since = clip_test_ui_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "From");
  AdwComboRow *format = row (GTK_WIDGET (dialog), "Format");
  AdwComboRow *rules = row (GTK_WIDGET (dialog), "Rule");
  Exported done = { 0 };

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &done);
  gtk_window_present (GTK_WINDOW (dialog));
  /* Any rule, then the archive's three. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (rules)), ==, 4);
  g_assert_cmpuint (adw_combo_row_get_selected (rules), ==, 0);
  g_assert_true (clip_test_ui_wait (counted, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, 7);
  adw_combo_row_set_selected (rules, find_item (rules, "Elections"));
  adw_combo_row_set_selected (format, find_item (format, "CSV spreadsheet"));

  /* A date that is not one is shown, and nothing is written. */
  gtk_editable_set_text (GTK_EDITABLE (since), "March 1st");
  clip_export_dialog_export_to (dialog, path);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "“March 1st” is not a date"));
  g_assert_true (gtk_widget_has_css_class (since, "error"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_editable_set_text (GTK_EDITABLE (since), "2025-03-01");
  g_object_ref (dialog);
  clip_export_dialog_export_to (dialog, path);
  g_assert_true (clip_test_ui_wait (has_path, &done));
  g_assert_cmpstr (done.path, ==, path);
  g_assert_cmpuint (done.articles, ==, 2);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFid,"));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_nonnull (strstr (lines[1], "Вмешательство России в выборы"));
  /* Done: the dialog closed itself. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  g_free (done.path);
}

/* The list's view comes in as the scope (and is said so); its parts and
 * those added in the dialog combine; the selection narrows too. */
static void
test_scopes_combine (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autofree char *path = g_build_filename (f->dir, "combined.json", NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ClipExportScope scope = { .rule = (char *) "Russian interference", .query = (char *) "title:interference" };
  ClipExportDialog *dialog = clip_export_dialog_new (NULL, clip_store_get_path (f->store), NULL, NULL);
  AdwComboRow *format = row (GTK_WIDGET (dialog), "Format");
  Exported done = { 0 };

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &done);
  gtk_window_present (GTK_WINDOW (dialog));
  clip_export_dialog_set_scope (dialog, &scope);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "From the list you were viewing: Rule “Russian interference” · Search “title:interference”"));
  g_assert_true (clip_test_ui_wait (counted, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, 2);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "2 articles to export"));

  /* Flagged on top: one of the two. */
  gtk_switch_set_active (switch_of (GTK_WIDGET (dialog), "Only Flagged Articles"), TRUE);
  g_assert_true (clip_test_ui_wait (counted, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, 1);

  /* The selection: the open article and two others, of which only the
   * flagged one matches the rest. */
  for (guint i = 0; i < 3; i++)
    g_array_append_val (ids, ((FixtureArticle *) g_ptr_array_index (f->articles, i))->id);
  clip_export_dialog_set_article_ids (dialog, ids);
  g_assert_true (gtk_switch_get_active (switch_of (GTK_WIDGET (dialog), "Only the Selected Articles")));
  g_assert_true (clip_test_ui_wait (counted, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, 1);
  clip_test_ui_wait_frame (GTK_WIDGET (dialog));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (dialog), "export-dialog-scope"));

  adw_combo_row_set_selected (format, find_item (format, "JSON data"));
  g_object_ref (dialog);
  clip_export_dialog_export_to (dialog, path);
  g_assert_true (clip_test_ui_wait (has_path, &done));
  g_assert_cmpuint (done.articles, ==, 1);
  g_object_unref (dialog);
  g_free (done.path);
}

/* A scope with no article says so at once, offers no export, and writes
 * no file even when asked to. */
static void
test_empty_scope (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autofree char *path = g_build_filename (f->dir, "empty.pdf", NULL);
  ClipExportScope scope = { .rule = (char *) "Elections", .outlet_id = f->outlets[2] };
  ClipExportDialog *dialog = clip_export_dialog_new (NULL, clip_store_get_path (f->store), NULL, NULL);
  GtkWidget *export_button = clip_test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Export…");

  gtk_window_present (GTK_WINDOW (dialog));
  clip_export_dialog_set_scope (dialog, &scope);
  g_assert_true (clip_test_ui_wait (counted, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, 0);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Nothing to export"));
  g_assert_nonnull (export_button);
  g_assert_false (gtk_widget_get_sensitive (export_button));
  clip_export_dialog_export_to (dialog, path);
  g_assert_true (clip_test_ui_wait (nothing_shown, dialog));
  clip_test_ui_wait_idle ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Another outlet: something again. */
  adw_combo_row_set_selected (row (GTK_WIDGET (dialog), "Outlet"), 0);
  g_assert_true (clip_test_ui_wait (counted, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, 2);
  g_assert_true (gtk_widget_get_sensitive (export_button));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static char *
day_text (int days_back, gboolean month_start)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = month_start
    ? g_date_time_add_days (now, 1 - g_date_time_get_day_of_month (now))
    : g_date_time_add_days (now, -days_back);

  return g_date_time_format (day, "%Y-%m-%d");
}

/* Presets fill the days; a typed or picked day makes the period custom;
 * a date mistake shows as it is typed and goes as soon as it is fixed. */
static void
test_dates (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  ClipExportDialog *dialog = clip_export_dialog_new (NULL, clip_store_get_path (f->store), NULL, NULL);
  AdwComboRow *period = row (GTK_WIDGET (dialog), "Period");
  GtkWidget *since = clip_test_ui_find (GTK_WIDGET (dialog), CLIP_TYPE_DATE_ROW, "From");
  GtkWidget *until = clip_test_ui_find (GTK_WIDGET (dialog), CLIP_TYPE_DATE_ROW, "Until (inclusive)");
  g_autofree char *today = day_text (0, FALSE), *week = day_text (6, FALSE), *month = day_text (0, TRUE);
  g_autoptr(GDateTime) picked = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  adw_combo_row_set_selected (period, find_item (period, "Today"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (since)), ==, today);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (until)), ==, today);
  adw_combo_row_set_selected (period, find_item (period, "Last 7 days"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (since)), ==, week);
  adw_combo_row_set_selected (period, find_item (period, "This month"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (since)), ==, month);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (until)), ==, today);
  /* The fixture's articles are of March 2025: none this month. */
  g_assert_true (clip_test_ui_wait (counted, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, 0);
  adw_combo_row_set_selected (period, find_item (period, "All time"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (since)), ==, "");

  /* A day from the calendar. */
  picked = g_date_time_new_local (2025, 3, 2, 0, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (clip_date_row_get_calendar (CLIP_DATE_ROW (since))), picked);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (since)), ==, "2025-03-02");
  g_assert_cmpuint (adw_combo_row_get_selected (period), ==, find_item (period, "Custom"));
  g_assert_true (clip_test_ui_wait (counted, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, 6);

  /* A mistake as typed, and its fix. */
  gtk_editable_set_text (GTK_EDITABLE (until), "2025-03-3O");
  g_assert_true (gtk_widget_has_css_class (until, "error"));
  g_assert_true (clip_test_ui_wait (error_shown, dialog));
  gtk_editable_set_text (GTK_EDITABLE (until), "2025-03-03");
  g_assert_false (gtk_widget_has_css_class (until, "error"));
  g_assert_true (clip_test_ui_wait (error_gone, dialog));
  g_assert_true (clip_test_ui_wait (counted, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, 2);
  g_free (clip_test_ui_screenshot (GTK_WIDGET (dialog), "export-dialog"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The file is named after what it holds and the day. */
static void
test_file_name (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  ClipExportScope scope = { .rule = (char *) "Russian interference" };
  ClipExportDialog *dialog = clip_export_dialog_new (NULL, clip_store_get_path (f->store), NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *pdf = g_strdup_printf ("russian-interference-%s.pdf", day);
  g_autofree char *csv = g_strdup_printf ("flagged-articles-%s.csv", day);
  g_autofree char *name = NULL;

  clip_export_dialog_set_scope (dialog, &scope);
  name = clip_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, pdf);
  g_clear_pointer (&name, g_free);
  adw_combo_row_set_selected (row (GTK_WIDGET (dialog), "Rule"), 0);
  gtk_switch_set_active (switch_of (GTK_WIDGET (dialog), "Only Flagged Articles"), TRUE);
  adw_combo_row_set_selected (row (GTK_WIDGET (dialog), "Format"), 2);
  name = clip_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, csv);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Highlight Every Rule reaches the report: a report about Elections then
 * marks the Russian interference rule's words too. */
static void
test_highlight_all (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  ClipExportScope scope = { .rule = (char *) "Elections" };
  g_autofree char *plain = g_build_filename (f->dir, "plain.html", NULL);
  g_autofree char *all = g_build_filename (f->dir, "all.html", NULL);
  const char *paths[] = { plain, all };

  for (guint i = 0; i < 2; i++)
    {
      ClipExportDialog *dialog = clip_export_dialog_new (NULL, clip_store_get_path (f->store), NULL, NULL);
      AdwComboRow *format = row (GTK_WIDGET (dialog), "Format");
      g_autofree char *html = NULL;
      Exported done = { 0 };

      g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &done);
      clip_export_dialog_set_scope (dialog, &scope);
      adw_combo_row_set_selected (format, find_item (format, "HTML report"));
      gtk_switch_set_active (switch_of (GTK_WIDGET (dialog), "Highlight Every Rule"), i == 1);
      g_object_ref (dialog);
      clip_export_dialog_export_to (dialog, paths[i]);
      g_assert_true (clip_test_ui_wait (has_path, &done));
      g_assert_true (g_file_get_contents (paths[i], &html, NULL, NULL));
      g_assert_nonnull (strstr (html, "выборы</mark>"));
      if (i == 0)
        g_assert_null (strstr (html, "вмешательство России</mark>"));
      else
        g_assert_nonnull (strstr (html, "вмешательство России</mark>"));
      g_object_unref (dialog);
      g_free (done.path);
    }
}

static void
test_search_and_selection (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autofree char *path = g_build_filename (f->dir, "selected.pdf", NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ClipExportDialog *dialog;
  GtkWidget *query;
  Exported done = { 0 };

  for (guint i = 0; i < 3; i++)
    g_array_append_val (ids, ((FixtureArticle *) g_ptr_array_index (f->articles, i))->id);
  dialog = clip_export_dialog_new (NULL, clip_store_get_path (f->store), NULL, ids);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &done);
  gtk_window_present (GTK_WINDOW (dialog));

  /* A search that cannot be read says why. */
  query = clip_test_ui_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Search (rule language)");
  gtk_editable_set_text (GTK_EDITABLE (query), "title:(Russia");
  g_assert_true (clip_test_ui_wait (unreadable_shown, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, -1);
  gtk_editable_set_text (GTK_EDITABLE (query), "");

  /* Offered, not chosen: the selection is switched on here. */
  g_assert_false (gtk_switch_get_active (switch_of (GTK_WIDGET (dialog), "Only the Selected Articles")));
  gtk_switch_set_active (switch_of (GTK_WIDGET (dialog), "Only the Selected Articles"), TRUE);
  g_assert_true (clip_test_ui_wait (counted, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, 3);
  g_object_ref (dialog);
  clip_export_dialog_export_to (dialog, path);
  g_assert_true (clip_test_ui_wait (has_path, &done));
  g_assert_cmpuint (done.articles, ==, 3);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_object_unref (dialog);
  g_free (done.path);
}

int
main (int argc, char **argv)
{
  /* Before any thread: the dates in the reports are local. */
  g_setenv ("TZ", "UTC", TRUE);
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add_func ("/ui/export/rule-csv", test_rule_csv);
  g_test_add_func ("/ui/export/search-and-selection", test_search_and_selection);
  g_test_add_func ("/ui/export/scopes-combine", test_scopes_combine);
  g_test_add_func ("/ui/export/empty-scope", test_empty_scope);
  g_test_add_func ("/ui/export/dates", test_dates);
  g_test_add_func ("/ui/export/file-name", test_file_name);
  g_test_add_func ("/ui/export/highlight-all", test_highlight_all);
  return g_test_run ();
}
