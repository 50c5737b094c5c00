/* test-ui-alerts.c — the Alerts view, its place in the window, and
 * notifications from the application with no window open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-alert.h"
#include "clip-alerts-view.h"
#include "clip-application.h"
#include "clip-archive.h"
#include "clip-article-table.h"
#include "clip-article-view.h"
#include "clip-rule-editor.h"
#include "clip-rules-store.h"
#include "clip-test-alerts.h"
#include "clip-test-ui.h"
#include "clip-test-util.h"
#include "clip-window.h"

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name));
}

/* An archive whose default rules flagged new articles: alerts written by
 * the rules engine in the ingest transaction, as in real use. */
static ClipStore *
archive_with_alerts (const char *dir)
{
  g_autoptr(ClipStore) writer = NULL;
  g_autoptr(ClipOutlet) outlet = clip_outlet_new ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult result;
  gint64 outlet_id;
  ClipStore *reader;

  writer = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  outlet->url = g_strdup ("https://civil.example.ge/feed");
  outlet->name = g_strdup ("Civil Example");
  outlet_id = clip_store_add_outlet (writer, outlet, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 30; i++)
    {
      ClipArticle *a = clip_article_new ();

      a->guid = g_strdup_printf ("a%u", i);
      a->published = CLIP_TEST_T0 + i * 60;
      if (i % 2 == 0)
        {
          a->title = g_strdup_printf ("Kremlin interference & the Tbilisi talks <%u>", i);
          a->summary_text = g_strdup ("A subject of Russian interference, officials said.");
        }
      else
        {
          a->title = g_strdup_printf ("Rain expected in Batumi %u", i);
          a->summary_text = g_strdup ("The weather service expects rain.");
        }
      g_ptr_array_add (articles, a);
    }
  clip_ingest_result_init (&result);
  clip_store_ingest (writer, outlet_id, articles, &result, &error);
  g_assert_no_error (error);
  clip_ingest_result_clear (&result);
  g_clear_object (&writer);
  /* A connection of its own, as the window has. */
  reader = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return reader;
}

static gboolean
list_has_rows (gpointer table)
{
  ClipArticleList *list = clip_article_table_get_model (table);

  return list != NULL && !clip_article_list_is_loading (list) &&
         g_list_model_get_n_items (G_LIST_MODEL (list)) > 0;
}

static gint64
rule_id (ClipStore  *store,
         const char *name)
{
  g_autoptr(ClipRule) rule = clip_store_find_rule (store, name, NULL);

  g_assert_nonnull (rule);
  return rule->id;
}

typedef struct {
  ClipAlertsView *view;
  gint64          unread;
} UnreadWait;

static gboolean
unread_is (gpointer data)
{
  UnreadWait *w = data;

  return clip_alerts_view_get_unread (w->view) == w->unread;
}

static void
test_alerts_view (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(ClipCommands) commands = NULL;
  g_autoptr(ClipStore) store = archive_with_alerts (dir);
  gint64 russia = rule_id (store, "Russian interference");
  GtkWidget *window = gtk_window_new ();
  ClipAlertsView *view = CLIP_ALERTS_VIEW (clip_alerts_view_new ());
  GtkWidget *groups, *section, *list, *row;
  UnreadWait wait = { view, 0 };
  guint rows = 0;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  commands = clip_commands_open (dir, NULL);
  clip_alerts_view_set_store (view, store, commands);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (clip_alerts_view_get_unread (view), ==, 15);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (view, CLIP_TYPE_ALERTS_VIEW, "content_stack"))),
                   ==, "list");

  /* Grouped by rule, the rule's newest alert first; feed text as text. */
  groups = child (view, CLIP_TYPE_ALERTS_VIEW, "groups_box");
  section = gtk_widget_get_first_child (groups);
  g_assert_nonnull (clip_test_ui_find (section, GTK_TYPE_LABEL, "Russian interference"));
  g_assert_nonnull (clip_test_ui_find (section, GTK_TYPE_LABEL, "15 unread"));
  list = clip_test_ui_find (section, GTK_TYPE_LIST_BOX, NULL);
  row = gtk_widget_get_first_child (list);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Kremlin interference &amp; the Tbilisi talks &lt;28&gt;");
  for (GtkWidget *w = row; w; w = gtk_widget_get_next_sibling (w))
    rows++;
  g_assert_cmpuint (rows, ==, 15);
  g_assert_true (gtk_widget_has_css_class (row, "clip-unread"));

  /* Opening reads it. */
  clip_alerts_view_open_article (view, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "article-id")));
  g_assert_false (gtk_widget_has_css_class (row, "clip-unread"));
  wait.unread = 14;
  g_assert_true (clip_test_ui_wait (unread_is, &wait));

  /* One rule's alerts alone, as a notification's click shows them. */
  clip_alerts_view_show_rule (view, russia);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (view, CLIP_TYPE_ALERTS_VIEW, "filter_revealer"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (view, CLIP_TYPE_ALERTS_VIEW, "filter_label"))), ==,
                   "Alerts of “Russian interference”");

  /* Mark all read; "unread only" then shows the empty state. */
  gtk_widget_activate_action (GTK_WIDGET (view), "alerts.mark-all-read", NULL);
  wait.unread = 0;
  g_assert_true (clip_test_ui_wait (unread_is, &wait));
  g_assert_cmpint (clip_alert_count_unread_total (store, NULL), ==, 0);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (view, CLIP_TYPE_ALERTS_VIEW, "unread_toggle")), TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (view, CLIP_TYPE_ALERTS_VIEW, "content_stack"))),
                   ==, "empty");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_empty (gpointer view)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (view, CLIP_TYPE_ALERTS_VIEW, "content_stack"))),
                    "empty") == 0;
}

/* With only unread alerts shown, Mark All Read empties the view once it is
 * written, as the analyst asked; one alert marked read stays, read, so
 * that it can be marked back. */
static void
test_unread_only_mark_all (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(ClipCommands) commands = NULL;
  g_autoptr(ClipStore) store = archive_with_alerts (dir);
  GtkWidget *window = gtk_window_new ();
  ClipAlertsView *view = CLIP_ALERTS_VIEW (clip_alerts_view_new ());
  GtkWidget *row;
  UnreadWait wait = { view, 14 };

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  commands = clip_commands_open (dir, NULL);
  clip_alerts_view_set_store (view, store, commands);
  gtk_window_present (GTK_WINDOW (window));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (view, CLIP_TYPE_ALERTS_VIEW, "unread_toggle")), TRUE);
  row = gtk_widget_get_first_child (clip_test_ui_find (gtk_widget_get_first_child (child (view, CLIP_TYPE_ALERTS_VIEW,
                                                                                           "groups_box")),
                                                       GTK_TYPE_LIST_BOX, NULL));
  gtk_widget_activate_action (GTK_WIDGET (view), "alerts.toggle-read", "x",
                              (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "alert-id")));
  g_assert_true (clip_test_ui_wait (unread_is, &wait));
  g_assert_false (gtk_widget_has_css_class (row, "clip-unread"));
  g_assert_nonnull (gtk_widget_get_parent (row));

  gtk_widget_activate_action (GTK_WIDGET (view), "alerts.mark-all-read", NULL);
  g_assert_true (clip_test_ui_wait (shows_empty, view));
  g_assert_cmpint (clip_alert_count_unread_total (store, NULL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Marking read changes that row and the counts, nothing else: the same
 * row and section widgets, the focus and the scroll position stay. */

typedef struct {
  GtkAdjustment *adjustment;
  double         value;
} ScrollWait;

static gboolean
can_scroll (gpointer data)
{
  ScrollWait *w = data;

  return gtk_adjustment_get_upper (w->adjustment) - gtk_adjustment_get_page_size (w->adjustment) > w->value;
}

/* Where the view's scrolling stops: the value once an idle has run and a
 * frame has been laid out and drawn without moving it. */
static double
scroll_stopped (GtkAdjustment *adjustment,
                GtkWidget     *window)
{
  double before;
  guint frames = 0;

  do
    {
      before = gtk_adjustment_get_value (adjustment);
      clip_test_ui_wait_idle ();
      clip_test_ui_wait_frame (window);
      g_assert_cmpuint (++frames, <, 100);   /* still scrolling */
    }
  while (gtk_adjustment_get_value (adjustment) != before);
  return before;
}

static GPtrArray *
rows_of (GtkWidget *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (rows, row);
  return rows;
}

static void
assert_same_rows (GPtrArray *before,
                  GtkWidget *list)
{
  g_autoptr(GPtrArray) now = rows_of (list);

  g_assert_cmpuint (now->len, >=, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (now->pdata[i] == before->pdata[i]);
}

static void
count_unread_changes (ClipAlertsView *view,
                      gint64          unread,
                      GArray         *changes)
{
  g_array_append_val (changes, unread);
}

static gint64
alert_of (GtkWidget *row)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "alert-id"));
}

static void
test_mark_read_in_place (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(ClipCommands) commands = NULL;
  g_autoptr(ClipStore) store = archive_with_alerts (dir);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *window = gtk_window_new ();
  ClipAlertsView *view = CLIP_ALERTS_VIEW (clip_alerts_view_new ());
  GtkWidget *groups, *section, *list, *row, *count, *focus;
  UnreadWait wait = { view, 14 };
  ScrollWait scroll;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 420);
  commands = clip_commands_open (dir, NULL);
  clip_alerts_view_set_store (view, store, commands);
  g_signal_connect (view, "unread-changed", G_CALLBACK (count_unread_changes), changes);
  gtk_window_present (GTK_WINDOW (window));
  groups = child (view, CLIP_TYPE_ALERTS_VIEW, "groups_box");
  section = gtk_widget_get_first_child (groups);
  count = clip_test_ui_find (section, GTK_TYPE_LABEL, "15 unread");
  list = clip_test_ui_find (section, GTK_TYPE_LIST_BOX, NULL);
  rows = rows_of (list);
  g_assert_cmpuint (rows->len, ==, 15);
  row = rows->pdata[6];

  /* Scrolled down, the focus on the seventh alert's read button. */
  scroll.adjustment = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (groups, GTK_TYPE_SCROLLED_WINDOW)));
  scroll.value = 150;
  g_assert_true (clip_test_ui_wait (can_scroll, &scroll));
  gtk_adjustment_set_value (scroll.adjustment, scroll.value);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "read-button"));
  /* The view scrolls the focus into sight: where it stops is the place. */
  scroll.value = scroll_stopped (scroll.adjustment, window);
  g_test_message ("scrolled to %g", scroll.value);
  g_assert_cmpfloat (scroll.value, >, 0);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (focus == g_object_get_data (G_OBJECT (row), "read-button"));

  gtk_widget_activate_action (GTK_WIDGET (view), "alerts.toggle-read", "x", alert_of (row));
  /* At once on screen, then in the archive and the counts. */
  g_assert_false (gtk_widget_has_css_class (row, "clip-unread"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "14 unread");
  g_assert_true (clip_test_ui_wait (unread_is, &wait));
  /* Written and counted; what that queued has run and been drawn. */
  clip_test_ui_wait_idle ();
  clip_test_ui_wait_frame (window);
  g_assert_cmpint (clip_alert_count_unread_total (store, NULL), ==, 14);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpint (g_array_index (changes, gint64, 0), ==, 14);
  g_assert_true (gtk_widget_get_first_child (groups) == section);
  assert_same_rows (rows, list);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "14 unread");
  g_assert_true (gtk_widget_get_visible (count));
  g_assert_false (gtk_widget_has_css_class (row, "clip-unread"));
  g_assert_true (gtk_widget_has_css_class (rows->pdata[5], "clip-unread"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == focus);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll.adjustment), ==, scroll.value);

  /* Unread again. */
  gtk_widget_activate_action (GTK_WIDGET (view), "alerts.toggle-read", "x", alert_of (row));
  wait.unread = 15;
  g_assert_true (clip_test_ui_wait (unread_is, &wait));
  g_assert_true (gtk_widget_has_css_class (row, "clip-unread"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "15 unread");
  assert_same_rows (rows, list);

  /* The rule's Mark Read: every row read, the count and button gone. */
  gtk_widget_activate_action (GTK_WIDGET (view), "alerts.mark-rule-read", "x",
                              rule_id (store, "Russian interference"));
  wait.unread = 0;
  g_assert_true (clip_test_ui_wait (unread_is, &wait));
  clip_test_ui_wait_idle ();
  clip_test_ui_wait_frame (window);
  g_assert_true (gtk_widget_get_first_child (groups) == section);
  assert_same_rows (rows, list);
  for (guint i = 0; i < rows->len; i++)
    g_assert_false (gtk_widget_has_css_class (rows->pdata[i], "clip-unread"));
  g_assert_false (gtk_widget_get_visible (count));
  g_assert_false (gtk_widget_get_visible (clip_test_ui_find (section, GTK_TYPE_BUTTON, "_Mark Read")));
  g_assert_false (gtk_widget_get_sensitive (child (view, CLIP_TYPE_ALERTS_VIEW, "mark_all_button")));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll.adjustment), ==, scroll.value);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Show More appends the next page below the rows shown (which stay), each
 * alert once, whatever is raised meanwhile. */
static void
test_show_more (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(ClipCommands) commands = NULL;
  g_autoptr(ClipStore) store = clip_test_alerts_open (dir);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) page = NULL;
  gint64 outlet = clip_test_alerts_outlet (store);
  gint64 rule = clip_test_alerts_rule (store, "Ports", "none", NULL);
  GtkWidget *window = gtk_window_new ();
  ClipAlertsView *view = CLIP_ALERTS_VIEW (clip_alerts_view_new ());
  GtkWidget *section, *list, *more;
  ScrollWait scroll;

  /* Raised three at a time, as fetches raise them. */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("Poti port %u", i);

      clip_test_alerts_new_match (store, outlet, rule, title, CLIP_TEST_T0 + (i / 3) * 60);
    }
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  commands = clip_commands_open (dir, NULL);
  clip_alerts_view_set_store (view, store, commands);
  gtk_window_present (GTK_WINDOW (window));
  section = gtk_widget_get_first_child (child (view, CLIP_TYPE_ALERTS_VIEW, "groups_box"));
  list = clip_test_ui_find (section, GTK_TYPE_LIST_BOX, NULL);
  more = clip_test_ui_find (section, GTK_TYPE_BUTTON, "Show More (50 in All)");
  g_assert_nonnull (more);
  g_assert_true (gtk_widget_get_visible (more));
  first = rows_of (list);
  g_assert_cmpuint (first->len, ==, CLIP_ALERTS_VIEW_PAGE);

  /* Scrolled to the button, which has the focus (as after a click). */
  scroll.adjustment = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW)));
  scroll.value = 100;
  g_assert_true (clip_test_ui_wait (can_scroll, &scroll));
  gtk_widget_grab_focus (more);
  scroll.value = scroll_stopped (scroll.adjustment, window);
  g_assert_cmpfloat (scroll.value, >, 0);

  /* A fetch raises more before the click. */
  for (guint i = 0; i < 4; i++)
    clip_test_alerts_new_match (store, outlet, rule, "Batumi port", CLIP_TEST_T0 + 10000);
  gtk_widget_activate_action (GTK_WIDGET (view), "alerts.show-more", "x", rule);
  assert_same_rows (first, list);
  /* The button gone, the row above it has the focus; the view stays,
   * the new rows laid out. */
  g_assert_cmpfloat (scroll_stopped (scroll.adjustment, window), ==, scroll.value);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == first->pdata[first->len - 1]);
  rows = rows_of (list);
  g_assert_cmpuint (rows->len, ==, 50);
  g_assert_false (gtk_widget_get_visible (more));
  /* The store's own pages, in order: 20, then the rest. */
  page = clip_alert_list_rule (store, rule, CLIP_ALERT_FROM_NEWEST, 4 + CLIP_ALERTS_VIEW_PAGE, NULL);
  g_ptr_array_remove_range (page, 0, 4);
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = alert_of (rows->pdata[i]);

      if (i == CLIP_ALERTS_VIEW_PAGE)
        {
          gint64 next = clip_alert_page_next (page);

          g_clear_pointer (&page, g_ptr_array_unref);
          page = clip_alert_list_rule (store, rule, next, 0, NULL);
        }
      g_assert_cmpint (id, ==, ((ClipAlert *) page->pdata[i < CLIP_ALERTS_VIEW_PAGE ? i : i - CLIP_ALERTS_VIEW_PAGE])->id);
      g_assert_true (g_hash_table_add (seen, g_memdup2 (&id, sizeof id)));
    }

  /* Shown again, the rule keeps as many rows, the new alerts on top. */
  clip_alerts_view_reload (view);
  section = gtk_widget_get_first_child (child (view, CLIP_TYPE_ALERTS_VIEW, "groups_box"));
  list = clip_test_ui_find (section, GTK_TYPE_LIST_BOX, NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rows_of (list);
  g_assert_cmpuint (rows->len, ==, 50);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Batumi port");
  g_assert_true (gtk_widget_get_visible (clip_test_ui_find (section, GTK_TYPE_BUTTON, "Show More (54 in All)")));
  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
visible_page (ClipWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (window, CLIP_TYPE_WINDOW, "main_stack")));
}

static gboolean
label_is (gpointer data)
{
  GtkLabel *label = data;

  return g_strcmp0 (gtk_label_get_text (label), g_object_get_data (G_OBJECT (label), "expected")) == 0;
}

/* The rule editor open, if any. */
static GtkWidget *
rule_editor (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (CLIP_IS_RULE_EDITOR (l->data))
      return l->data;
  return NULL;
}

static void
test_window_pages (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(ClipCommands) commands = NULL;
  g_autoptr(ClipStore) store = archive_with_alerts (dir);
  gint64 russia = rule_id (store, "Russian interference");
  ClipWindow *window = clip_window_new (NULL);
  GtkWidget *sidebar_pane, *alerts_row, *badge, *view, *row, *editor;
  const char *start;

  gtk_window_present (GTK_WINDOW (window));
  start = visible_page (window);
  /* The sidebar's foot: Alerts with the unread count, and Rules. */
  sidebar_pane = child (window, CLIP_TYPE_WINDOW, "sidebar_pane");
  alerts_row = clip_test_ui_find (sidebar_pane, GTK_TYPE_LABEL, "Alerts");
  g_assert_nonnull (alerts_row);
  badge = clip_test_ui_find (sidebar_pane, GTK_TYPE_LABEL, "15");
  g_assert_nonnull (badge);
  g_assert_nonnull (clip_test_ui_find (sidebar_pane, GTK_TYPE_LABEL, "Rules"));

  /* Marking one read in the Alerts view lowers the sidebar's count. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-alerts", NULL);
  view = gtk_stack_get_visible_child (GTK_STACK (child (window, CLIP_TYPE_WINDOW, "main_stack")));
  g_assert_true (CLIP_IS_ALERTS_VIEW (view));
  row = gtk_widget_get_first_child (clip_test_ui_find (child (view, CLIP_TYPE_ALERTS_VIEW, "groups_box"),
                                                       GTK_TYPE_LIST_BOX, NULL));
  gtk_widget_activate_action (view, "alerts.toggle-read", "x", alert_of (row));
  g_object_set_data (G_OBJECT (badge), "expected", (gpointer) "14");
  g_assert_true (clip_test_ui_wait (label_is, badge));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-rules", NULL);
  g_assert_cmpstr (visible_page (window), ==, "rules");
  /* A rule row's "Edit Rule…" opens that rule's editor. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-rule", "x", russia);
  editor = rule_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, CLIP_TYPE_RULE_EDITOR, "name_row"))),
                   ==, "Russian interference");
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-rule", "x", russia);
  g_assert_cmpstr (visible_page (window), ==, "alerts");
  /* Back goes where the user came from, not to the Rules page. */
  g_signal_emit_by_name (gtk_stack_get_visible_child (GTK_STACK (child (window, CLIP_TYPE_WINDOW, "main_stack"))),
                         "back");
  g_assert_cmpstr (visible_page (window), ==, start);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the store says of an article: "read flag" as "1 0". */
typedef struct {
  ClipStore  *store;
  gint64      article;
  const char *expected;
} StoreWait;

static char *
article_state (ClipStore *store, gint64 article)
{
  g_autoptr(ClipArticle) a = NULL;

  a = clip_store_get_article (store, article, NULL);
  g_assert_nonnull (a);
  return g_strdup_printf ("%d %d", a->read, a->flag);
}

static gboolean
store_says (gpointer data)
{
  StoreWait *w = data;
  g_autofree char *state = article_state (w->store, w->article);

  return g_str_equal (state, w->expected);
}

#define ASSERT_STORE(store_, article_, expected_) \
  G_STMT_START { StoreWait w_ = { store_, article_, expected_ }; \
                 g_assert_true (clip_test_ui_wait (store_says, &w_)); } G_STMT_END

static gint64
alert_count (ClipStore *store, gint64 article, const char *where)
{
  g_autofree char *sql = g_strdup_printf ("article_id = %" G_GINT64_FORMAT " AND %s", article, where);

  return clip_test_alerts_count (store, sql);
}

static ClipAlertsView *
shown_alerts (ClipWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-alerts", NULL);
  return CLIP_ALERTS_VIEW (gtk_stack_get_visible_child (GTK_STACK (child (window, CLIP_TYPE_WINDOW, "main_stack"))));
}

/* The first alert row of the view whose article is not article. */
static GtkWidget *
alert_row_not_of (ClipAlertsView *view, gint64 article)
{
  GtkWidget *list = clip_test_ui_find (child (view, CLIP_TYPE_ALERTS_VIEW, "groups_box"), GTK_TYPE_LIST_BOX, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "article-id")) != article)
      return row;
  g_assert_not_reached ();
}

static gint64
article_of (GtkWidget *row)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "article-id"));
}

/* s and m (the window's actions) act on the article on screen: in the
 * Alerts view its article, not the one still selected in the hidden list;
 * back in the list, the list's. Reading one in the list reads its alerts. */
static void
test_actions_on_shown (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(ClipStore) store = archive_with_alerts (dir);
  ClipWindow *window = clip_window_new (NULL);
  ClipArticleTable *table = CLIP_ARTICLE_TABLE (child (window, CLIP_TYPE_WINDOW, "table"));
  GtkToggleButton *flag_button;
  ClipAlertsView *view;
  GtkWidget *row;
  gint64 a, b;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (clip_test_ui_wait (list_has_rows, table));
  /* The newest article about Kremlin interference: read in the list. */
  for (guint i = 0; ; i++)
    {
      g_autoptr(ClipArticleItem) item = g_list_model_get_item (G_LIST_MODEL (clip_article_table_get_model (table)), i);

      g_assert_nonnull (item);
      if (g_str_has_prefix (clip_article_item_get_title (item), "Kremlin"))
        {
          clip_article_table_select (table, i);
          break;
        }
    }
  a = clip_article_item_get_id (clip_article_table_get_selected (table));
  ASSERT_STORE (store, a, "1 0");
  g_assert_cmpint (alert_count (store, a, "read = 0"), ==, 0);
  g_assert_cmpint (alert_count (store, a, "read = 1"), ==, 1);

  view = shown_alerts (window);
  row = alert_row_not_of (view, a);
  b = article_of (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_cmpint (clip_article_view_get_id (clip_alerts_view_get_article_view (view)), ==, b);
  ASSERT_STORE (store, b, "1 0");

  /* s, then m: the article shown here. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-flag", NULL);
  ASSERT_STORE (store, b, "1 1");
  flag_button = GTK_TOGGLE_BUTTON (child (view, CLIP_TYPE_ALERTS_VIEW, "flag_button"));
  g_assert_true (gtk_toggle_button_get_active (flag_button));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (flag_button)), ==, "starred-symbolic");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-read", NULL);
  ASSERT_STORE (store, b, "0 1");
  g_assert_cmpint (alert_count (store, b, "read = 1"), ==, 0);
  g_assert_true (gtk_widget_has_css_class (row, "clip-unread"));
  /* And no other. */
  ASSERT_STORE (store, a, "1 0");
  g_assert_cmpint (alert_count (store, a, "read = 1"), ==, 1);
  /* The main list does not move behind the Alerts view. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move", "i", 1);
  g_assert_cmpint (clip_article_item_get_id (clip_article_table_get_selected (table)), ==, a);

  /* Back in the list: its article. */
  g_signal_emit_by_name (view, "back");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-flag", NULL);
  ASSERT_STORE (store, a, "1 1");
  ASSERT_STORE (store, b, "0 1");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child (window, CLIP_TYPE_WINDOW, "flag_button"))));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
alerts_folded (gpointer view)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (child (view, CLIP_TYPE_ALERTS_VIEW, "leaflet")));
}

/* Narrow, an alert tapped shows its article in place of the list (and
 * reads it); back shows the list again. */
static void
test_narrow_opens_article (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(ClipStore) store = archive_with_alerts (dir);
  ClipWindow *window = clip_window_new (NULL);
  ClipAlertsView *view;
  AdwLeaflet *leaflet;
  GtkWidget *row;
  gint64 b;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  view = shown_alerts (window);
  g_assert_true (clip_test_ui_wait (alerts_folded, view));
  leaflet = ADW_LEAFLET (child (view, CLIP_TYPE_ALERTS_VIEW, "leaflet"));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (view, CLIP_TYPE_ALERTS_VIEW, "list_pane"));
  row = alert_row_not_of (view, 0);
  b = article_of (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (view, CLIP_TYPE_ALERTS_VIEW, "article_pane"));
  g_assert_cmpint (clip_article_view_get_id (clip_alerts_view_get_article_view (view)), ==, b);
  clip_test_ui_wait_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (clip_alerts_view_get_article_view (view))));
  ASSERT_STORE (store, b, "1 0");
  /* m and s work here too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-flag", NULL);
  ASSERT_STORE (store, b, "1 1");
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (view, CLIP_TYPE_ALERTS_VIEW, "list_pane"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The application notifies with no window: a refresh's end runs the
 * policy, which records the alerts as notified. A notification's click
 * opens a window on the rule's alerts. */
typedef struct {
  char    *dir;
  gboolean done;
  gboolean in_activate;
} AppTest;

static gboolean
all_notified (gpointer data)
{
  AppTest *t = data;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (t->dir, CLIP_STORE_OPEN_READ_ONLY, NULL);

  return store != NULL && clip_test_alerts_count (store, "notified = 0") == 0 &&
         clip_test_alerts_count (store, "1") == 2;
}

static void
app_activate_cb (GApplication *app,
                 AppTest      *t)
{
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new ();
  ClipService *service = clip_application_get_service (CLIP_APPLICATION (app));
  GtkWindow *window;
  gint64 outlet, russia;

  if (t->in_activate)
    return;
  t->in_activate = TRUE;
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_nonnull (service);
  store = clip_store_open_data_dir (t->dir, CLIP_STORE_OPEN_DEFAULT, NULL);
  outlet = clip_test_alerts_outlet (store);
  russia = rule_id (store, "Russian interference");
  clip_test_alerts_new_match (store, outlet, russia, "Kremlin meddling", g_get_real_time () / G_USEC_PER_SEC);
  clip_test_alerts_new_match (store, outlet, russia, "Moscow interference", g_get_real_time () / G_USEC_PER_SEC);
  g_signal_emit_by_name (service, "refresh-finished", outcomes);
  g_assert_true (clip_test_ui_wait (all_notified, t));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "show-rule", g_variant_new_int64 (russia));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  g_assert_cmpstr (visible_page (CLIP_WINDOW (window)), ==, "alerts");
  t->done = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
test_application_notifies (void)
{
  AppTest t = { .dir = clip_test_ui_data_dir () };
  g_autoptr(ClipApplication) app = clip_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (app_activate_cb), &t);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_true (t.done);
  g_free (t.dir);
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add_func ("/ui-alerts/view", test_alerts_view);
  g_test_add_func ("/ui-alerts/mark-read-in-place", test_mark_read_in_place);
  g_test_add_func ("/ui-alerts/unread-only-mark-all", test_unread_only_mark_all);
  g_test_add_func ("/ui-alerts/show-more", test_show_more);
  g_test_add_func ("/ui-alerts/window-pages", test_window_pages);
  g_test_add_func ("/ui-alerts/actions-on-shown", test_actions_on_shown);
  g_test_add_func ("/ui-alerts/narrow-opens-article", test_narrow_opens_article);
  g_test_add_func ("/ui-alerts/application-notifies", test_application_notifies);
  return g_test_run ();
}
