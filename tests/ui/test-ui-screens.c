/* test-ui-screens.c — the window as an analyst sees it, drawn into PNGs
 * (build/meson-logs/screens/) for a person to look at: 1280×800 light and
 * dark, a search and a search that cannot be read, the Alerts view, and
 * a 400 px phone; and, measured, that a title of 60 characters fits its
 * row with the reading view open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-alerts-view.h"
#include "clip-article-table.h"
#include "clip-sidebar.h"
#include "clip-test-desk.h"
#include "clip-test-ui.h"
#include "clip-window.h"

#define child clip_test_desk_child
#define search clip_test_desk_search

static ClipArticleTable *
table_of (ClipWindow *window)
{
  return child (window, CLIP_TYPE_WINDOW, "table");
}

/* A title of 60 characters fits the first line of a row, the reading
 * view open beside the list: the width the text needs against the width
 * the title got (a bold title, as unread rows have). */
static void
assert_title_room (ClipWindow *window)
{
  GtkWidget *title = clip_test_ui_find (GTK_WIDGET (table_of (window)), GTK_TYPE_INSCRIPTION, NULL);
  const char *sixty = "Election observers publish an interim report on the campaign";
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (title, sixty);
  g_autoptr(PangoAttrList) bold = pango_attr_list_new ();
  int width;

  g_assert_cmpint (g_utf8_strlen (sixty, -1), ==, 60);
  g_assert_true (gtk_widget_get_mapped (child (window, CLIP_TYPE_WINDOW, "article_view")));
  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, bold);
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_test_message ("60 characters: %d px, the title has %d px", width, gtk_widget_get_width (title));
  g_assert_cmpint (width, <=, gtk_widget_get_width (title));
}

static void
test_wide (void)
{
  g_autofree char *dir = clip_test_desk_archive ();
  ClipWindow *window;
  ClipAlertsView *alerts;

  clip_test_desk_style ();
  window = clip_test_desk_window (1280);
  clip_article_table_select (table_of (window), 1);
  assert_title_room (window);
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "wide-light"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "wide-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  search (window, "Russia* OR Кремл* OR რუსეთ*");
  clip_article_table_select (table_of (window), 0);
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "search"));
  search (window, "Russia* NEAR/500 interfer*");
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "search-error"));
  /* Scoped to an outlet, where nothing matches. */
  clip_sidebar_select (child (window, CLIP_TYPE_WINDOW, "sidebar"), CLIP_SOURCE_OUTLET, 1);
  search (window, "harbour");
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "search-none"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-alerts", NULL);
  alerts = CLIP_ALERTS_VIEW (gtk_stack_get_visible_child (child (window, CLIP_TYPE_WINDOW, "main_stack")));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "alerts-none-open"));
  {
    GtkWidget *groups = child (alerts, CLIP_TYPE_ALERTS_VIEW, "groups_box");
    GtkWidget *list = clip_test_ui_find (groups, GTK_TYPE_LIST_BOX, NULL);
    GtkWidget *row = gtk_widget_get_first_child (list);

    clip_alerts_view_open_article (alerts, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "article-id")));
  }
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "alerts"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "alerts-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow (void)
{
  g_autofree char *dir = clip_test_desk_archive ();
  ClipWindow *window;
  AdwLeaflet *leaflet;
  ClipAlertsView *alerts;

  clip_test_desk_style ();
  window = clip_test_desk_window (400);
  leaflet = child (window, CLIP_TYPE_WINDOW, "leaflet");
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "narrow-sources"));
  adw_leaflet_set_visible_child (leaflet, child (window, CLIP_TYPE_WINDOW, "list_pane"));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "narrow-list"));
  clip_article_table_select (table_of (window), 0);
  adw_leaflet_set_visible_child (leaflet, child (window, CLIP_TYPE_WINDOW, "article_pane"));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "narrow-article"));
  adw_leaflet_set_visible_child (leaflet, child (window, CLIP_TYPE_WINDOW, "list_pane"));
  search (window, "Russia* NEAR/500 interfer*");
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "narrow-search-error"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-alerts", NULL);
  alerts = CLIP_ALERTS_VIEW (gtk_stack_get_visible_child (child (window, CLIP_TYPE_WINDOW, "main_stack")));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "narrow-alerts"));
  {
    GtkWidget *groups = child (alerts, CLIP_TYPE_ALERTS_VIEW, "groups_box");
    GtkWidget *row = gtk_widget_get_first_child (clip_test_ui_find (groups, GTK_TYPE_LIST_BOX, NULL));

    clip_alerts_view_open_article (alerts, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "article-id")));
  }
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "narrow-alert-article"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add_func ("/ui/screens/wide", test_wide);
  g_test_add_func ("/ui/screens/narrow", test_narrow);
  return g_test_run ();
}
