/* test-ui-table.c — the article table over the lazy list: moving, layout
 * (wide and narrow), read and flag state, new views and scrolling, rule
 * chips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "clip-archive.h"
#include "clip-article-list.h"
#include "clip-article-table.h"
#include "clip-article-view.h"
#include "clip-highlight.h"
#include "clip-rules-store.h"
#include "clip-store-listing.h"
#include "clip-store-sql.h"
#include "clip-test-list.h"
#include "clip-test-ui.h"
#include "clip-test-util.h"

/* j/k move the selection, and stop at the ends. */
static void
test_table_move (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  ClipArticleTable *table = CLIP_ARTICLE_TABLE (clip_article_table_new ());
  g_autoptr(ClipArticleList) list = clip_test_list_open (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  clip_article_table_set_model (table, list);
  gtk_window_present (GTK_WINDOW (window));
  clip_article_table_select (table, 0);
  clip_article_table_move (table, 1);
  g_assert_cmpint (clip_article_item_get_id (clip_article_table_get_selected (table)), ==, clip_test_list_id_at (list, 1));
  clip_article_table_move (table, -1);
  clip_article_table_move (table, -1);
  g_assert_cmpint (clip_article_item_get_id (clip_article_table_get_selected (table)), ==, clip_test_list_id_at (list, 0));
  clip_article_table_move (table, CLIP_TEST_LIST_ARTICLES * 2);
  g_assert_cmpint (clip_article_item_get_id (clip_article_table_get_selected (table)), ==,
                   clip_test_list_id_at (list, CLIP_TEST_LIST_ARTICLES - 1));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
table_narrow (gpointer table)
{
  return clip_article_table_get_narrow (table);
}

/* The first row laid out (its title is the first text). */
static gboolean
table_shows_rows (gpointer table)
{
  GtkWidget *title = clip_test_ui_find (table, GTK_TYPE_INSCRIPTION, NULL);

  return title != NULL && gtk_inscription_get_text (GTK_INSCRIPTION (title)) != NULL &&
         gtk_widget_get_width (title) > 0;
}

static GtkWidget *
table_window (Fixture *f, int width, ClipArticleTable **table_out, ClipArticleList **list_out)
{
  GtkWidget *window = gtk_window_new ();
  ClipArticleTable *table = CLIP_ARTICLE_TABLE (clip_article_table_new ());
  ClipArticleList *list = clip_test_list_open (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  clip_article_table_set_model (table, list);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (clip_test_ui_wait (table_shows_rows, table));
  *table_out = table;
  *list_out = list;
  return window;
}

/* A row's parts: the title (first inscription), then time and outlet on
 * the line below. */
static GtkWidget *
row_of (GtkWidget *widget)
{
  while (widget != NULL && g_object_get_data (G_OBJECT (widget), "clip-cell") == NULL)
    widget = gtk_widget_get_parent (widget);
  return widget;
}

static GtkWidget *
row_part (GtkWidget *row, const char *css_class)
{
  for (GtkWidget *c = gtk_widget_get_first_child (row); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (c, css_class))
        return c;
      if ((found = row_part (c, css_class)) != NULL)
        return found;
    }
  return NULL;
}

/* The whole time fits its place: texts are sized in characters, not by
 * their text, so this is the width the text needs against the one it got. */
static void
assert_time_fits (GtkWidget *time)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (time, gtk_inscription_get_text (GTK_INSCRIPTION (time)));
  gint64 now = 1700000000;   /* 14 Nov 2023 */
  int width;

  g_assert_cmpuint (strlen (gtk_inscription_get_text (GTK_INSCRIPTION (time))), >=, 5);
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_assert_cmpint (width, <=, gtk_widget_get_width (time));
  /* Nor does the longest, this year's "29 Oct 22:48". */
  for (gint64 t = now - 86400 * 16; t > now - 86400 * 400; t -= 86400 * 30)
    {
      g_autofree char *text = clip_article_item_format_time (t, now);

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      g_assert_cmpint (width, <=, gtk_widget_get_width (time));
    }
}

/* The title has a line of its own, the width of the list; time and
 * outlet stay below it, at any width; an untitled article says so. */
static void
test_table_layout (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) list = NULL;
  g_autoptr(ClipArticleList) narrow_list = NULL;
  ClipArticleTable *table, *narrow;
  GtkWidget *window, *narrow_window, *title, *row, *time, *outlet, *placeholder;

  clip_test_list_ingest (f, 0, clip_test_list_untitled ());

  window = table_window (f, 1000, &table, &list);
  g_assert_false (clip_article_table_get_narrow (table));
  placeholder = clip_test_ui_find (GTK_WIDGET (table), GTK_TYPE_INSCRIPTION, "Untitled");
  g_assert_true (gtk_widget_has_css_class (placeholder, "dim-label"));
  title = clip_test_ui_find (GTK_WIDGET (table), GTK_TYPE_INSCRIPTION, clip_test_list_title_at (list, 1));
  g_assert_nonnull (title);
  row = row_of (title);
  time = row_part (row, "clip-article-time");
  outlet = row_part (row, "clip-article-outlet");
  g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (outlet)), ==, "Example Times");
  /* A title's full text shows as its tooltip; the placeholder has none. */
  {
    GtkTooltip *tip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    gboolean shown = FALSE;

    g_assert_true (gtk_widget_get_has_tooltip (title));
    g_signal_emit_by_name (title, "query-tooltip", 1, 1, FALSE, tip, &shown);
    g_assert_true (shown);
    g_assert_false (gtk_widget_get_has_tooltip (placeholder));
    g_object_unref (tip);
  }
  assert_time_fits (time);
  g_assert_cmpint (gtk_widget_get_width (title), >, 1000 * 8 / 10);
  g_assert_true (gtk_widget_get_mapped (outlet));
  g_assert_cmpint (gtk_widget_get_width (time), <, 140);

  /* Phone width: the title still gets nearly all of it, and the outlet
   * and the time stay. */
  narrow_window = table_window (f, 360, &narrow, &narrow_list);
  g_assert_true (clip_test_ui_wait (table_narrow, narrow));
  clip_test_ui_wait_frame (narrow_window);
  title = clip_test_ui_find (GTK_WIDGET (narrow), GTK_TYPE_INSCRIPTION, clip_test_list_title_at (narrow_list, 1));
  g_assert_nonnull (title);
  g_assert_cmpint (gtk_widget_get_width (title), >, 360 * 3 / 4);
  row = row_of (title);
  g_assert_true (gtk_widget_get_mapped (row_part (row, "clip-article-outlet")));
  g_assert_cmpint (gtk_widget_get_width (row_part (row, "clip-article-outlet")), >, 40);
  assert_time_fits (row_part (row, "clip-article-time"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (narrow)), <=, 360);

  /* The reading view says it too. */
  {
    ClipArticleView *view = CLIP_ARTICLE_VIEW (clip_article_view_new ());
    GtkWidget *label;

    gtk_window_set_child (GTK_WINDOW (narrow_window), GTK_WIDGET (view));
    clip_article_view_set_store (view, f->reader, NULL);
    clip_article_view_show (view, CLIP_TEST_LIST_ARTICLES + 1);
    label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), CLIP_TYPE_ARTICLE_VIEW, "title_label"));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Untitled");
    g_assert_true (gtk_widget_has_css_class (label, "dim-label"));
    clip_article_view_show (view, 1);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "budget report 0000");
    g_assert_false (gtk_widget_has_css_class (label, "dim-label"));
  }

  gtk_window_destroy (GTK_WINDOW (narrow_window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Read and flagged show in the row: unread bold with a dot, flagged with
 * a star, both following the item while the row is on screen. */
static void
test_table_state (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) list = NULL;
  ClipArticleTable *table;
  GtkWidget *window = table_window (f, 800, &table, &list);
  g_autoptr(ClipArticleItem) item = g_list_model_get_item (G_LIST_MODEL (list), 2);
  GtkWidget *row = row_of (clip_test_ui_find (GTK_WIDGET (table), GTK_TYPE_INSCRIPTION,
                                              clip_article_item_get_title (item)));
  GtkWidget *star = row_part (row, "clip-flag-star");

  g_assert_true (gtk_widget_has_css_class (row, "clip-unread"));
  g_assert_false (gtk_widget_get_visible (star));
  clip_article_item_set_read (item, TRUE);
  clip_article_item_set_flag (item, 1);
  g_assert_false (gtk_widget_has_css_class (row, "clip-unread"));
  g_assert_true (gtk_widget_get_visible (star));
  clip_article_item_set_flag (item, 0);
  g_assert_false (gtk_widget_get_visible (star));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkAdjustment *
table_vadjustment (ClipArticleTable *table)
{
  GtkWidget *scroller = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (table), CLIP_TYPE_ARTICLE_TABLE,
                                                                    "scroller"));

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

static gboolean
scrolled_down (gpointer table)
{
  return gtk_adjustment_get_value (table_vadjustment (table)) > 1000;
}

static gboolean
at_top (gpointer table)
{
  return gtk_adjustment_get_value (table_vadjustment (table)) == 0;
}

/* The table's cell showing text, drawn (allocated) on screen. */
static gboolean
shows_text (ClipArticleTable *table, const char *text)
{
  GtkWidget *cell = clip_test_ui_find (GTK_WIDGET (table), GTK_TYPE_INSCRIPTION, text);

  return cell != NULL && gtk_widget_get_mapped (cell) && gtk_widget_get_width (cell) > 0;
}

static const char *
stack_page (ClipArticleTable *table)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (table), CLIP_TYPE_ARTICLE_TABLE, "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

/* Cell widgets made before now carry a mark. */
static void
mark_cells (GtkWidget *widget)
{
  if (GTK_IS_INSCRIPTION (widget))
    g_object_set_data (G_OBJECT (widget), "test-made-before", GINT_TO_POINTER (TRUE));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    mark_cells (c);
}

static void
count_cells (GtkWidget *widget, guint *shown, guint *made_before)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget))
    {
      (*shown)++;
      *made_before += g_object_get_data (G_OBJECT (widget), "test-made-before") != NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    count_cells (c, shown, made_before);
}

static void
selection_cb (ClipArticleTable *table, guint *calls)
{
  (*calls)++;
}

/* A refresh keeps the scroll position and the selection; a new search
 * shows the old rows until its own replace them, then starts at its top
 * with nothing selected (the reading view is not told to close); a
 * search that finds nothing says so. */
static void
test_table_new_view (Fixture *f, gconstpointer data)
{
  ClipArticleTable *table;
  g_autoptr(ClipArticleList) list = NULL;
  GtkWidget *window;
  g_autofree char *old_title = NULL;
  gint64 selected;
  guint selections = 0;

  clip_test_list_ingest (f, 0, clip_test_list_untitled ());
  window = table_window (f, 1000, &table, &list);

  clip_article_table_select (table, 300);
  g_assert_true (clip_test_ui_wait (scrolled_down, table));
  selected = clip_article_item_get_id (clip_article_table_get_selected (table));
  old_title = g_strdup (clip_test_list_title_at (list, 300));
  g_assert_true (shows_text (table, old_title));

  clip_test_list_ingest (f, 3, NULL);
  clip_article_list_reload (list);
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));
  clip_test_ui_wait_frame (window);
  g_assert_cmpint (clip_article_item_get_id (clip_article_table_get_selected (table)), ==, selected);
  g_assert_cmpuint (clip_article_list_find (list, selected), ==, 303);
  g_assert_true (scrolled_down (table));
  g_assert_true (shows_text (table, old_title));

  g_signal_connect (table, "selection-changed", G_CALLBACK (selection_cb), &selections);
  mark_cells (GTK_WIDGET (table));
  clip_article_list_set_view (list, NULL, "vineyard", CLIP_SORT_NEWEST, FALSE);
  g_assert_true (clip_article_list_is_stale (list));
  g_assert_cmpstr (stack_page (table), ==, "list");
  g_assert_true (shows_text (table, old_title));
  g_assert_nonnull (clip_article_table_get_selected (table));
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));
  g_assert_true (clip_test_ui_wait (at_top, table));
  g_assert_null (clip_article_table_get_selected (table));
  g_assert_cmpuint (selections, ==, 0);
  clip_test_ui_wait_frame (window);
  g_assert_true (shows_text (table, clip_test_list_title_at (list, 0)));
  g_assert_nonnull (strstr (clip_test_list_title_at (list, 0), "vineyard"));
  /* The rows on screen are the old row widgets, given the new rows (GTK
   * destroyed and rebuilt them all when the rows were replaced at once). */
  {
    guint shown = 0, made_before = 0;

    count_cells (GTK_WIDGET (table), &shown, &made_before);
    g_assert_cmpuint (shown, >, 20);
    g_assert_cmpuint (made_before, ==, shown);
  }
  g_assert_false (shows_text (table, old_title) && strstr (old_title, "vineyard") == NULL);
  g_assert_cmpstr (stack_page (table), ==, "list");

  /* The table follows the list's loading as it ends. */
  clip_article_list_set_view (list, NULL, "zeppelin", CLIP_SORT_NEWEST, FALSE);
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));
  g_assert_cmpstr (stack_page (table), ==, "empty");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The chips GTK's recycled rows show: in every row on screen, the rule's
 * chip if and only if the row's article is one the rule flagged. */
static guint
check_chips (GtkWidget *widget, const char *flagged_prefix, const char *rule)
{
  guint checked = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "clip-chip") &&
      !gtk_widget_has_css_class (widget, "clip-chip-more"))
    {
      GtkWidget *row = row_of (widget);
      const char *title = gtk_inscription_get_text (GTK_INSCRIPTION (row_part (row, "clip-article-title")));

      if (!gtk_widget_get_mapped (row))
        return 0;
      g_assert_cmpint (gtk_widget_get_visible (widget), ==, g_str_has_prefix (title, flagged_prefix));
      /* A narrow table shows a dot of the rule's colour, named by its
       * tooltip; a wide one the name. */
      if (gtk_widget_get_visible (widget))
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==,
                         gtk_widget_has_css_class (widget, "clip-chip-dot") ? "" : rule);
      if (gtk_widget_get_visible (widget))
        g_assert_cmpstr (g_object_get_data (G_OBJECT (widget), "clip-tooltip"), ==, rule);
      return 1;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    checked += check_chips (c, flagged_prefix, rule);
  return checked;
}

static gboolean
selected_shown (gpointer table)
{
  ClipArticleItem *item = clip_article_table_get_selected (table);
  const char *title = clip_article_item_get_title (item);

  return shows_text (table, *title ? title : "Untitled");
}

/* A rule's dot on screen, in a narrow table. */
static GtkWidget *
shown_dot (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "clip-chip-dot") && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = shown_dot (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A dot on screen, laid out as a dot (not stretched over the column). */
static gboolean
small_dot_shown (gpointer table)
{
  GtkWidget *dot = shown_dot (table);

  return dot != NULL && gtk_widget_get_width (dot) > 0 && gtk_widget_get_width (dot) < 20;
}

/* More than ten rows on screen (and their chips as they should be). */
static gboolean
rows_mapped (gpointer table)
{
  return check_chips (table, "Stoltenberg", "Russian interference") > 10;
}

static void
test_table_chips (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) rules = clip_store_list_rules (f->store, NULL);
  ClipArticleTable *table;
  g_autoptr(ClipArticleList) list = NULL;
  GtkWidget *window, *chip;
  guint n;

  /* One article in ten is about Russian interference. */
  for (guint i = 0; i < 30; i++)
    {
      ClipArticle *seed = clip_article_new ();

      seed->guid = g_strdup_printf ("seed-%u", i);
      seed->url = g_strdup_printf ("https://example.org/seed/%u", i);
      seed->title = g_strdup_printf ("Stoltenberg on Georgia, part %u", i);
      seed->summary_text = g_strdup ("We know that these partners are a subject of Russian interference.");
      /* Just after the nine ingested with it: one row in ten, in time. */
      seed->published = 1700000000 + (gint64) (f->next + 9) * 60 - 30;
      clip_test_list_ingest (f, 9, seed);
    }
  clip_test_list_ingest (f, 0, clip_test_list_untitled ());
  window = table_window (f, 1000, &table, &list);
  /* Every row bound again with the rules, and laid out. */
  clip_article_table_set_rules (table, rules);
  clip_test_ui_wait_frame (window);

  chip = clip_test_ui_find (GTK_WIDGET (table), GTK_TYPE_LABEL, "Russian interference");
  g_assert_nonnull (chip);
  for (guint i = 0; i < rules->len; i++)
    {
      const ClipRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *klass = clip_article_table_rule_class (rule->id);

      g_assert_cmpint (gtk_widget_has_css_class (chip, klass), ==, g_str_equal (rule->name, "Russian interference"));
    }
  g_assert_true (rows_mapped (table));

  /* To the end, the middle and back: cells are given other rows. */
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < 4; i++)
    {
      guint to[] = { n - 1, n / 2, n / 4, 0 };

      clip_article_table_select (table, to[i]);
      g_assert_true (clip_test_ui_wait (selected_shown, table));
      g_assert_true (clip_test_ui_wait (rows_mapped, table));
    }
  gtk_window_destroy (GTK_WINDOW (window));

  /* Narrow: the rules stay, as dots (sized by the application's style
   * sheet, which AdwApplication would load). */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/clippings/Clippings/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_clear_object (&list);
  window = table_window (f, 420, &table, &list);
  clip_article_table_set_rules (table, rules);
  g_assert_true (clip_test_ui_wait (table_narrow, table));
  g_assert_true (clip_test_ui_wait (rows_mapped, table));
  g_assert_true (clip_test_ui_wait (small_dot_shown, table));
  chip = shown_dot (GTK_WIDGET (table));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (chip), "clip-tooltip"), ==, "Russian interference");
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  ClipArticleTable *table;
  guint             source;
  guint             runs;
  gboolean          narrow_while_busy;
} Busy;

/* Work at the default priority, ready again at once, for 100 turns. */
static gboolean
busy_cb (gpointer data)
{
  Busy *b = data;

  if (clip_article_table_get_narrow (b->table))
    b->narrow_while_busy = TRUE;
  g_usleep (500);
  if (++b->runs < 100)
    return G_SOURCE_CONTINUE;
  b->source = 0;
  return G_SOURCE_REMOVE;
}

/* Runs after the table's own handler, which asked for the switch. */
static void
busy_page_size_cb (GtkAdjustment *adjustment, GParamSpec *pspec, Busy *b)
{
  if (b->source == 0 && b->runs == 0 && gtk_adjustment_get_page_size (adjustment) > 0)
    b->source = g_idle_add_full (G_PRIORITY_DEFAULT, busy_cb, b, NULL);
}

static gboolean
busy_done (gpointer data)
{
  return ((Busy *) data)->runs == 100;
}

/* A table first given a narrow width switches to its narrow columns
 * before other work at the default priority (the fetch service's news,
 * the list revealing rows) goes on: a switch left for an idle moment
 * waited, during a refresh, until every row was realised, and then
 * rebuilt all their cells in one frame. */
static void
test_table_narrow_busy (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  g_autoptr(ClipArticleList) list = clip_test_list_open (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);
  Busy b = { CLIP_ARTICLE_TABLE (clip_article_table_new ()) };
  GObject *view = gtk_widget_get_template_child (GTK_WIDGET (b.table), CLIP_TYPE_ARTICLE_TABLE, "scroller");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (b.table));
  clip_article_table_set_model (b.table, list);
  g_signal_connect (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (view)), "notify::page-size",
                    G_CALLBACK (busy_page_size_cb), &b);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (clip_test_ui_wait (busy_done, &b));
  g_assert_true (b.narrow_while_busy);
  g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (view)), &b);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add ("/ui/table/move", Fixture, NULL, clip_test_list_set_up, test_table_move, clip_test_list_tear_down);
  g_test_add ("/ui/table/layout", Fixture, NULL, clip_test_list_set_up, test_table_layout, clip_test_list_tear_down);
  g_test_add ("/ui/table/state", Fixture, NULL, clip_test_list_set_up, test_table_state, clip_test_list_tear_down);
  g_test_add ("/ui/table/new-view", Fixture, NULL, clip_test_list_set_up, test_table_new_view, clip_test_list_tear_down);
  g_test_add ("/ui/table/narrow-busy", Fixture, NULL, clip_test_list_set_up, test_table_narrow_busy, clip_test_list_tear_down);
  g_test_add ("/ui/table/chips", Fixture, NULL, clip_test_list_set_up, test_table_chips, clip_test_list_tear_down);
  return g_test_run ();
}

