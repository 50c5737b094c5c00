/* test-ui-export.c — the Export dialog: its choices, its mistakes, and
 * the files it writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
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
  AdwComboRow *scope = row (GTK_WIDGET (dialog), "Articles");
  AdwComboRow *rules = row (GTK_WIDGET (dialog), "Rule");
  Exported done = { 0 };

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &done);
  gtk_window_present (GTK_WINDOW (dialog));
  /* The archive's three rules are offered; a rule scope shows the list. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (rules)), ==, 3);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rules)));
  adw_combo_row_set_selected (scope, find_item (scope, "Matched by a rule"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rules)));
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

static void
test_search_and_selection (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autofree char *path = g_build_filename (f->dir, "selected.pdf", NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ClipExportDialog *dialog;
  AdwComboRow *scope;
  GtkWidget *query;
  Exported done = { 0 };

  for (guint i = 0; i < 3; i++)
    g_array_append_val (ids, ((FixtureArticle *) g_ptr_array_index (f->articles, i))->id);
  dialog = clip_export_dialog_new (NULL, clip_store_get_path (f->store), NULL, ids);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &done);
  gtk_window_present (GTK_WINDOW (dialog));
  scope = row (GTK_WIDGET (dialog), "Articles");

  /* An empty search is refused with a hint. */
  adw_combo_row_set_selected (scope, find_item (scope, "Found by a search"));
  query = clip_test_ui_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Search (rule language)");
  g_assert_true (gtk_widget_get_visible (query));
  clip_export_dialog_export_to (dialog, path);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Type a search in the rule language"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The selected rows, as a PDF report (the default format). */
  adw_combo_row_set_selected (scope, find_item (scope, "The selected articles"));
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
  return g_test_run ();
}
