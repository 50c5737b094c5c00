/* test-ui-search.c — a search explains itself: an error in place of the
 * results, its scope shown and widened in one click, the article shown
 * gone when the results no longer hold it, snippets under the results,
 * hits in the reading view, Save as Rule…, its count with the locale's
 * thousands separators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "clip-archive.h"
#include "clip-format.h"

#include "clip-article-table.h"
#include "clip-article-body.h"
#include "clip-article-view.h"
#include "clip-export-dialog.h"
#include "clip-sidebar.h"
#include "clip-rule-editor.h"
#include "clip-test-desk.h"
#include "clip-test-ui.h"
#include "clip-window.h"

#define child clip_test_desk_child

static ClipArticleTable *
table_of (ClipWindow *window)
{
  return child (window, CLIP_TYPE_WINDOW, "table");
}

static ClipArticleList *
list_of (ClipWindow *window)
{
  return clip_article_table_get_model (table_of (window));
}

static const char *
table_page (ClipWindow *window)
{
  return gtk_stack_get_visible_child_name (child (table_of (window), CLIP_TYPE_ARTICLE_TABLE, "stack"));
}

static AdwStatusPage *
empty_page (ClipWindow *window)
{
  return child (table_of (window), CLIP_TYPE_ARTICLE_TABLE, "empty_page");
}

static const char *
subtitle (ClipWindow *window)
{
  return adw_window_title_get_subtitle (child (window, CLIP_TYPE_WINDOW, "content_title"));
}

static gint64
shown_article (ClipWindow *window)
{
  return clip_article_view_get_id (child (window, CLIP_TYPE_WINDOW, "article_view"));
}

static guint
n_rows (ClipWindow *window)
{
  return clip_article_list_get_total (list_of (window));
}

/* A query the rule language cannot read says why where the results would
 * be, with the column and the word it points at; no toast, no "No
 * Articles Match". A query that can be read shows its results again. */
static void
test_error_in_place (void)
{
  g_autofree char *dir = clip_test_desk_archive ();
  ClipWindow *window = clip_test_desk_window (1280);
  const char *description;

  clip_test_desk_search (window, "Kremlin NEAR/500 interfer*");
  g_assert_cmpstr (table_page (window), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty_page (window)), ==, "This Search Cannot Be Read");
  description = adw_status_page_get_description (empty_page (window));
  g_assert_nonnull (strstr (description, "column 14:"));
  g_assert_nonnull (strstr (description, "NEAR/<u><b>500</b></u>"));
  g_assert_cmpstr (subtitle (window), ==, "Search error");
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_assert_true (gtk_widget_has_css_class (child (window, CLIP_TYPE_WINDOW, "search_entry"), "error"));
  g_assert_false (gtk_widget_get_sensitive (child (window, CLIP_TYPE_WINDOW, "save_rule_button")));

  /* Text of the feed in the query stays text. */
  clip_test_desk_search (window, "<b>Kremlin</b> (");
  g_assert_nonnull (strstr (adw_status_page_get_description (empty_page (window)), "&lt;b&gt;Kremlin"));

  clip_test_desk_search (window, "Kremlin NEAR/5 interfer*");
  g_assert_cmpstr (table_page (window), ==, "list");
  g_assert_cmpuint (n_rows (window), ==, 1);
  g_assert_cmpstr (subtitle (window), ==, "1 result");
  g_assert_false (gtk_widget_has_css_class (child (window, CLIP_TYPE_WINDOW, "search_entry"), "error"));
  g_assert_true (gtk_widget_get_sensitive (child (window, CLIP_TYPE_WINDOW, "save_rule_button")));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
selected_all (gpointer window)
{
  return clip_sidebar_get_selected (child (window, CLIP_TYPE_WINDOW, "sidebar"), NULL) == CLIP_SOURCE_ALL &&
         clip_test_desk_loaded (window);
}

/* The search's scope shows under it ("In Rustavi 2"), follows the source
 * picked, and one click on its × searches every article. */
static void
test_scope (void)
{
  g_autofree char *dir = clip_test_desk_archive ();
  ClipWindow *window = clip_test_desk_window (1280);
  ClipSidebar *sidebar = child (window, CLIP_TYPE_WINDOW, "sidebar");
  GtkWidget *chip = child (window, CLIP_TYPE_WINDOW, "scope_chip");
  GtkLabel *label = child (window, CLIP_TYPE_WINDOW, "scope_label");
  GtkWidget *all = child (window, CLIP_TYPE_WINDOW, "scope_all_label");

  clip_test_desk_search (window, "Tbilisi");
  g_assert_true (gtk_widget_get_mapped (all));
  g_assert_false (gtk_widget_get_visible (chip));
  g_assert_cmpuint (n_rows (window), ==, 5);

  /* Outlets are numbered as the archive was filled: Rustavi 2, Civil
   * Georgia, BBC News… */
  clip_sidebar_select (sidebar, CLIP_SOURCE_OUTLET, 1);
  g_assert_true (clip_test_ui_wait (clip_test_desk_loaded, window));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "In Rustavi 2");
  g_assert_true (gtk_widget_get_mapped (chip));
  g_assert_false (gtk_widget_get_visible (all));
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_assert_cmpstr (subtitle (window), ==, "2 results");

  /* Another outlet: the search stays, and says where it looks. */
  clip_sidebar_select (sidebar, CLIP_SOURCE_OUTLET, 3);
  g_assert_true (clip_test_ui_wait (clip_test_desk_loaded, window));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "In BBC News");
  g_assert_true (gtk_widget_get_mapped (chip));
  g_assert_cmpuint (n_rows (window), ==, 1);

  /* Nothing there: the empty page says where, and offers every article. */
  clip_test_desk_search (window, "Batumi");
  g_assert_cmpstr (table_page (window), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty_page (window)), ==, "No Results in BBC News");
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (empty_page (window)), GTK_TYPE_BUTTON, "Search _All Articles"));

  /* One click. */
  g_assert_true (gtk_widget_activate (gtk_widget_get_last_child (chip)));
  g_assert_true (clip_test_ui_wait (selected_all, window));
  g_assert_false (gtk_widget_get_visible (chip));
  g_assert_true (gtk_widget_get_mapped (all));
  g_assert_cmpuint (n_rows (window), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (child (window, CLIP_TYPE_WINDOW, "search_entry")), ==, "Batumi");

  /* The search bar closed: the whole source again, no scope. */
  gtk_search_bar_set_search_mode (child (window, CLIP_TYPE_WINDOW, "search_bar"), FALSE);
  g_assert_true (clip_test_ui_wait (clip_test_desk_loaded, window));
  g_assert_cmpuint (n_rows (window), ==, CLIP_TEST_DESK_OUTLETS * CLIP_TEST_DESK_PER_OUTLET);
  g_assert_cmpstr (subtitle (window), ==, "48 articles");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_snippet (gpointer window)
{
  g_autoptr(ClipArticleItem) item = g_list_model_get_item (G_LIST_MODEL (list_of (window)), 0);

  return item != NULL && clip_article_item_get_snippet (item, NULL) != NULL;
}

/* Whether the label's attributes paint [start, end) as a search hit. */
static gboolean
painted_as_hit (GtkLabel *label, guint start, guint end)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  g_autoptr(GSList) all = attrs ? pango_attr_list_get_attributes (attrs) : NULL;
  gboolean hit = FALSE;

  for (GSList *l = all; l; l = l->next)
    {
      PangoAttribute *a = l->data;

      if (a->klass->type == PANGO_ATTR_UNDERLINE && a->start_index <= start && end <= a->end_index)
        hit = TRUE;
    }
  g_slist_free_full (g_steal_pointer (&all), (GDestroyNotify) pango_attribute_destroy);
  return hit;
}

/* Results carry a snippet with the matched words marked; the reading
 * view paints the hits; the article shown goes when a search no longer
 * finds it; Save as Rule… opens the editor with the query. */
static void
test_results (void)
{
  g_autofree char *dir = clip_test_desk_archive ();
  ClipWindow *window = clip_test_desk_window (1280);
  ClipArticleBody *body = child (child (window, CLIP_TYPE_WINDOW, "article_view"), CLIP_TYPE_ARTICLE_VIEW, "body");
  GtkLabel *label;
  guint at = 0;
  g_autoptr(ClipArticleItem) item = NULL;
  const GArray *marks = NULL;
  const char *snippet;
  GList *windows;
  gint64 shown;

  clip_test_desk_search (window, "coordinated");
  g_assert_true (clip_article_table_get_snippets (table_of (window)));
  g_assert_true (clip_test_ui_wait (has_snippet, window));
  item = g_list_model_get_item (G_LIST_MODEL (list_of (window)), 0);
  snippet = clip_article_item_get_snippet (item, &marks);
  g_assert_nonnull (marks);
  g_assert_cmpuint (marks->len, ==, 2);
  g_assert_cmpint (strncmp (snippet + g_array_index (marks, guint, 0), "coordinated", 11), ==, 0);

  clip_article_table_select (table_of (window), 0);
  shown = shown_article (window);
  g_assert_cmpint (shown, ==, clip_article_item_get_id (item));
  /* In the block that shows the word, on the word. */
  label = clip_article_body_find_text (body, "coordinated", &at);
  g_assert_nonnull (label);
  g_assert_true (painted_as_hit (label, at, at + 11));
  g_assert_false (painted_as_hit (clip_article_body_get_label (body, 0), 0, 5));

  /* Still in the results: it stays; no more: it goes. */
  clip_test_desk_search (window, "coordinated OR campaign");
  g_assert_cmpint (shown_article (window), ==, shown);
  clip_test_desk_search (window, "Batumi");
  g_assert_cmpint (shown_article (window), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-search", NULL);
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l; l = l->next)
    if (CLIP_IS_RULE_EDITOR (l->data))
      {
        g_autofree char *query = clip_rule_editor_get_query (l->data);

        g_assert_cmpstr (query, ==, "Batumi");
        g_assert_true (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window));
        gtk_window_destroy (l->data);
        g_clear_pointer (&windows, g_list_free);
        break;
      }
  g_assert_null (windows);   /* an editor was found, and closed */
  gtk_window_destroy (GTK_WINDOW (window));
}

/* 1,200 articles of a seventh outlet, each about the quarry. */
static void
ingest_quarry (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  ClipIngestResult result;

  g_assert_no_error (error);
  o->url = g_strdup ("https://quarry.example/feed");
  o->name = g_strdup ("Quarry News");
  o->id = clip_store_add_outlet (store, o, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 1200; i++)
    {
      ClipArticle *a = clip_article_new ();

      a->guid = g_strdup_printf ("quarry-%u", i);
      a->url = g_strdup_printf ("https://quarry.example/%u", i);
      a->title = g_strdup_printf ("Quarry report %u", i);
      a->summary_text = g_strdup ("The quarry reopened.");
      a->published = 1700000000 + i * 60;
      g_ptr_array_add (batch, a);
    }
  clip_ingest_result_init (&result);
  g_assert_true (clip_store_ingest (store, o->id, batch, &result, &error));
  g_assert_no_error (error);
  clip_ingest_result_clear (&result);
}

/* The number of results has the locale's thousands separators, as every
 * count has: "1,200 results", not "1200 results". Where no locale that
 * groups digits is installed, the C locale's "1200" is all it can say. */
static void
test_count (void)
{
  const char *locales[] = { "en_US.UTF-8", "en_GB.UTF-8", "de_DE.UTF-8", "ru_RU.UTF-8", "C.UTF-8" };
  g_autofree char *dir = clip_test_desk_archive ();
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *count = NULL, *expected = NULL;
  const char *used = NULL;
  ClipWindow *window;

  ingest_quarry (dir);
  for (guint i = 0; i < G_N_ELEMENTS (locales) && used == NULL; i++)
    used = setlocale (LC_NUMERIC, locales[i]) ? locales[i] : NULL;
  window = clip_test_desk_window (1280);
  clip_test_desk_search (window, "quarry");
  g_assert_cmpuint (n_rows (window), ==, 1200);
  count = clip_format_count (1200, NULL);
  expected = g_strdup_printf ("%s results", count);
  g_test_message ("%s: %s", used ? used : "C", subtitle (window));
  g_assert_cmpstr (subtitle (window), ==, expected);
  if (g_str_equal (count, "1200"))
    g_test_message ("no locale here groups digits: the separator was not checked");
  gtk_window_destroy (GTK_WINDOW (window));
  setlocale (LC_NUMERIC, old);
}

static ClipExportDialog *
find_export_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (CLIP_IS_EXPORT_DIALOG (l->data))
      return l->data;
  return NULL;
}

static gboolean
export_counted (gpointer dialog)
{
  return clip_export_dialog_get_count (dialog) >= 0;
}

/* Export from the list takes the list's view: its outlet and its search,
 * and says so; what it counts is what the list shows. */
static void
test_export_scope (void)
{
  g_autofree char *dir = clip_test_desk_archive ();
  ClipWindow *window = clip_test_desk_window (1280);
  ClipSidebar *sidebar = child (window, CLIP_TYPE_WINDOW, "sidebar");
  ClipExportDialog *dialog;
  GtkLabel *origin;
  g_autofree char *name = NULL;

  clip_sidebar_select (sidebar, CLIP_SOURCE_OUTLET, 1);
  g_assert_true (clip_test_ui_wait (clip_test_desk_loaded, window));
  clip_test_desk_search (window, "Tbilisi");
  g_assert_cmpuint (n_rows (window), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  origin = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog), CLIP_TYPE_EXPORT_DIALOG, "origin_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (origin)));
  g_assert_nonnull (strstr (gtk_label_get_text (origin), "Outlet “Rustavi 2” · Search “Tbilisi”"));
  g_assert_true (clip_test_ui_wait (export_counted, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, 2);
  name = clip_export_dialog_dup_file_name (dialog);
  g_assert_true (g_str_has_prefix (name, "rustavi-2-"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Flagged, no search: the flagged articles. */
  gtk_search_bar_set_search_mode (child (window, CLIP_TYPE_WINDOW, "search_bar"), FALSE);
  clip_sidebar_select (sidebar, CLIP_SOURCE_FLAGGED, 0);
  g_assert_true (clip_test_ui_wait (clip_test_desk_loaded, window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = find_export_dialog ();
  origin = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog), CLIP_TYPE_EXPORT_DIALOG, "origin_label"));
  g_assert_nonnull (strstr (gtk_label_get_text (origin), "viewing: Flagged articles."));
  g_assert_true (clip_test_ui_wait (export_counted, dialog));
  g_assert_cmpint (clip_export_dialog_get_count (dialog), ==, (gint) n_rows (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add_func ("/ui/search/error-in-place", test_error_in_place);
  g_test_add_func ("/ui/search/scope", test_scope);
  g_test_add_func ("/ui/search/export-scope", test_export_scope);
  g_test_add_func ("/ui/search/results", test_results);
  g_test_add_func ("/ui/search/count", test_count);
  return g_test_run ();
}
