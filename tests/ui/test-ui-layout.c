/* test-ui-layout.c — what the analyst arranges is kept: each view's sort
 * order, and the widths of the sidebar and the reading pane, the next
 * time the window opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-alerts-view.h"
#include "clip-article-table.h"
#include "clip-pane.h"
#include "clip-sidebar.h"
#include "clip-test-desk.h"
#include "clip-test-ui.h"
#include "clip-window.h"

#define child clip_test_desk_child

static const char *
first_title (ClipWindow *window)
{
  ClipArticleList *list = clip_article_table_get_model (child (window, CLIP_TYPE_WINDOW, "table"));
  g_autoptr(ClipArticleItem) item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  static char title[256];

  g_strlcpy (title, clip_article_item_get_title (item), sizeof title);
  return title;
}

static const char *
sort_state (ClipWindow *window)
{
  static char name[32];
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "sort");

  g_strlcpy (name, g_variant_get_string (state, NULL), sizeof name);
  return name;
}

static void
show_source (ClipWindow *window, ClipSourceKind kind, gint64 id)
{
  clip_sidebar_select (child (window, CLIP_TYPE_WINDOW, "sidebar"), kind, id);
  g_assert_true (clip_test_ui_wait (clip_test_desk_loaded, window));
}

/* An order picked in the header applies to its view alone, and is the
 * view's again in the next window (as at the next start). */
static void
test_sort_kept (void)
{
  g_autofree char *dir = clip_test_desk_archive ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) orders = NULL;
  ClipWindow *window = clip_test_desk_window (1280);
  const char *newest;

  newest = g_strdup_printf ("%s", first_title (window));
  /* Rustavi 2 (the first outlet) by title. */
  show_source (window, CLIP_SOURCE_OUTLET, 1);
  g_assert_cmpstr (sort_state (window), ==, "newest");
  g_action_group_activate_action (G_ACTION_GROUP (window), "sort", g_variant_new_string ("title"));
  g_assert_true (clip_test_ui_wait (clip_test_desk_loaded, window));
  g_assert_cmpstr (sort_state (window), ==, "title");
  g_assert_cmpstr (first_title (window), ==, "Batumi port handles record cargo volumes in the third quarter of the year");
  orders = g_settings_get_value (settings, "sort-orders");
  {
    g_autofree char *kept = g_variant_print (orders, FALSE);

    g_assert_cmpstr (kept, ==, "{'outlet-1': 'title'}");
  }
  /* All Articles keeps its own. */
  show_source (window, CLIP_SOURCE_ALL, 0);
  g_assert_cmpstr (sort_state (window), ==, "newest");
  g_assert_cmpstr (first_title (window), ==, newest);
  gtk_window_destroy (GTK_WINDOW (window));

  window = clip_test_desk_window (1280);
  g_assert_cmpstr (sort_state (window), ==, "newest");
  show_source (window, CLIP_SOURCE_OUTLET, 1);
  g_assert_cmpstr (sort_state (window), ==, "title");
  g_assert_cmpstr (first_title (window), ==, "Batumi port handles record cargo volumes in the third quarter of the year");
  /* Newest first again: nothing left to keep. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "sort", g_variant_new_string ("newest"));
  g_clear_pointer (&orders, g_variant_unref);
  orders = g_settings_get_value (settings, "sort-orders");
  g_assert_cmpuint (g_variant_n_children (orders), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  g_free ((char *) newest);
}

/* The gesture that resizes pane from host's left edge. */
static void
drag (GtkWidget *host, double x, double dx)
{
  GListModel *controllers = gtk_widget_observe_controllers (host);
  GtkGesture *gesture = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && gesture == NULL; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (c))
        gesture = GTK_GESTURE (c);
    }
  g_assert_nonnull (gesture);
  g_signal_emit_by_name (gesture, "drag-begin", x, 100.0);
  g_signal_emit_by_name (gesture, "drag-update", dx / 2, 0.0);
  g_signal_emit_by_name (gesture, "drag-update", dx, 0.0);
  g_signal_emit_by_name (gesture, "drag-end", dx, 0.0);
  g_object_unref (controllers);
}

static int
width_of (ClipWindow *window, const char *name)
{
  clip_test_ui_wait_frame (GTK_WIDGET (window));
  return gtk_widget_get_width (child (window, CLIP_TYPE_WINDOW, name));
}

/* Dragging the reading pane's left edge widens it, the list's left edge
 * widens the sidebar; a press away from the edge does nothing; the next
 * window has the widths; the Alerts view's list likewise. */
static void
test_panes_kept (void)
{
  g_autofree char *dir = clip_test_desk_archive ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ClipWindow *window = clip_test_desk_window (1280);
  GtkWidget *alerts, *list = child (window, CLIP_TYPE_WINDOW, "list_pane");
  GtkWidget *article = child (window, CLIP_TYPE_WINDOW, "article_pane");

  g_assert_cmpint (width_of (window, "article_pane"), ==, 480);
  g_assert_cmpint (width_of (window, "sidebar_pane"), ==, 260);
  drag (article, 2, -120);
  drag (list, 3, 40);
  g_assert_cmpint (width_of (window, "article_pane"), ==, 600);
  g_assert_cmpint (width_of (window, "sidebar_pane"), ==, 300);
  g_assert_cmpint (g_settings_get_int (settings, "reading-pane-width"), ==, 600);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 300);
  /* Away from the edge: a click on the list, not a resize. */
  drag (article, 40, 200);
  drag (list, 60, 200);
  g_assert_cmpint (width_of (window, "article_pane"), ==, 600);
  g_assert_cmpint (width_of (window, "sidebar_pane"), ==, 300);
  /* Never so wide that the list goes below its least. */
  drag (article, 2, -2000);
  g_assert_cmpint (width_of (window, "list_pane"), >=, 360);
  drag (article, 2, width_of (window, "article_pane") - 600);
  g_assert_cmpint (width_of (window, "article_pane"), ==, 600);
  gtk_window_destroy (GTK_WINDOW (window));

  window = clip_test_desk_window (1280);
  g_assert_cmpint (width_of (window, "article_pane"), ==, 600);
  g_assert_cmpint (width_of (window, "sidebar_pane"), ==, 300);
  /* The list has the rest, less the two separators. */
  g_assert_cmpint (width_of (window, "list_pane"), ==, width_of (window, "leaflet") - 300 - 600 - 2);

  /* The Alerts view's list, the same way (its article's edge). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-alerts", NULL);
  alerts = gtk_stack_get_visible_child (child (window, CLIP_TYPE_WINDOW, "main_stack"));
  clip_test_ui_wait_frame (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (child (alerts, CLIP_TYPE_ALERTS_VIEW, "list_pane")), ==, 460);
  drag (child (alerts, CLIP_TYPE_ALERTS_VIEW, "article_pane"), 1, 60);
  clip_test_ui_wait_frame (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (child (alerts, CLIP_TYPE_ALERTS_VIEW, "list_pane")), ==, 520);
  g_assert_cmpint (g_settings_get_int (settings, "alerts-list-width"), ==, 520);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "alerts-list-width");
  g_settings_reset (settings, "reading-pane-width");
  g_settings_reset (settings, "sidebar-width");
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add_func ("/ui/layout/sort-kept", test_sort_kept);
  g_test_add_func ("/ui/layout/panes-kept", test_panes_kept);
  return g_test_run ();
}
