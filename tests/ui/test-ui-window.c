/* test-ui-window.c — the main window: empty state, starter outlets,
 * OPML import, error state, saved size, the whole application, and how
 * it follows a refresh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-application.h"
#include "clip-archive.h"
#include "clip-article-table.h"
#include "clip-outlet-import.h"
#include "clip-service.h"
#include "clip-sidebar.h"
#include "clip-test-ui.h"
#include "clip-test-util.h"
#include "clip-window.h"

#include <string.h>

static GtkStack *
main_stack (ClipWindow *window)
{
  return GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), CLIP_TYPE_WINDOW,
                                                   "main_stack"));
}

static ClipSidebar *
sidebar (ClipWindow *window)
{
  return CLIP_SIDEBAR (gtk_widget_get_template_child (GTK_WIDGET (window), CLIP_TYPE_WINDOW,
                                                      "sidebar"));
}

static gboolean
shows_archive (gpointer window)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (main_stack (window)), "archive") == 0;
}

static ClipWindow *
new_window (void)
{
  ClipWindow *window = clip_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* A new archive shows the status page and its three ways to add outlets. */
static void
test_empty_state (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  ClipWindow *window = new_window ();
  GtkWidget *page;

  g_assert_nonnull (clip_window_get_store (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "empty");
  page = gtk_stack_get_visible_child (main_stack (window));
  g_assert_nonnull (clip_test_ui_find (page, ADW_TYPE_STATUS_PAGE, "No Outlets Yet"));
  for (guint i = 0; i < 3; i++)
    {
      const char *labels[] = { "_Add Outlet…", "Add _Starter Outlets", "_Import OPML…" };
      GtkWidget *button = clip_test_ui_find (page, GTK_TYPE_BUTTON, labels[i]);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_true (gtk_widget_is_sensitive (button));
    }
  g_assert_true (gtk_widget_has_css_class (clip_test_ui_find (page, GTK_TYPE_BUTTON, "_Add Outlet…"),
                                           "suggested-action"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static int
min_width (GtkWidget *w)
{
  int min = 0;

  gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

/* Only the page shown is measured: what the hidden pages (alerts, rules)
 * hold, and what changes in them during a refresh, neither sizes the
 * window nor costs a layout of their rows. */
static void
test_hidden_pages_not_measured (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  ClipWindow *window = new_window ();
  GtkStack *stack = main_stack (window);
  GtkWidget *alerts = gtk_stack_get_child_by_name (stack, "alerts");
  int before = min_width (GTK_WIDGET (stack));

  g_assert_nonnull (alerts);
  g_assert_false (gtk_stack_get_visible_child (stack) == alerts);
  gtk_widget_set_size_request (alerts, 4000, -1);
  g_assert_cmpint (min_width (GTK_WIDGET (stack)), ==, before);
  gtk_stack_set_visible_child (stack, alerts);
  g_assert_cmpint (min_width (GTK_WIDGET (stack)), >=, 4000);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The button adds the shipped list; the window switches to the archive
 * with every outlet in the sidebar, grouped. */
static void
test_starter_outlets (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(GPtrArray) starter = clip_starter_outlets_load (NULL);
  g_autoptr(GPtrArray) listed = NULL;
  ClipWindow *window = new_window ();
  GtkWidget *button;

  g_assert_nonnull (starter);
  button = clip_test_ui_find (gtk_stack_get_visible_child (main_stack (window)),
                              GTK_TYPE_BUTTON, "Add _Starter Outlets");
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (clip_test_ui_wait (shows_archive, window));
  g_assert_cmpuint (clip_sidebar_get_n_outlets (sidebar (window)), ==, starter->len);
  listed = clip_store_list_outlets (clip_window_get_store (window), NULL);
  g_assert_cmpuint (listed->len, ==, starter->len);
  for (guint i = 0; i < listed->len; i++)
    g_assert_cmpint (((ClipOutlet *) g_ptr_array_index (listed, i))->interval, ==, 900);
  /* The sidebar starts on All Articles, and names it in the content header. */
  g_assert_cmpint (clip_sidebar_get_selected (sidebar (window), NULL), ==, CLIP_SOURCE_ALL);
  g_assert_cmpstr (clip_sidebar_get_selected_title (sidebar (window)), ==, "All Articles");
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  gboolean         done;
  gboolean         ok;
  GError          *error;
  guint            added;
  guint            skipped;
} ImportWait;

static void
import_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  ImportWait *w = data;

  const ClipImportResult *result = clip_command_get_import_result (clip_commands_get_command (res));

  w->ok = clip_commands_run_finish (CLIP_COMMANDS (source), res, &w->error);
  w->added = result->added;
  w->skipped = result->skipped;
  w->done = TRUE;
}

static gboolean
import_done (gpointer data)
{
  return ((ImportWait *) data)->done;
}

/* What "Import OPML…" runs once a file is chosen: the outlets arrive with
 * the default interval from the settings, the unusable one is skipped. */
static void
test_opml_import (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autofree char *opml_path = clip_test_data_path ("ui/outlets.opml");
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  ClipWindow *window = new_window ();
  g_autoptr(ClipCommand) command = NULL;
  ImportWait w = { 0 };
  gsize len;

  g_assert_true (g_file_get_contents (opml_path, &data, &len, NULL));
  bytes = g_bytes_new (data, len);
  command = clip_command_import_opml (bytes, 3600);
  clip_commands_run_async (clip_window_get_commands (window), command, NULL, NULL, import_cb, &w);
  g_assert_true (clip_test_ui_wait (import_done, &w));
  g_assert_no_error (w.error);
  g_assert_true (w.ok);
  g_assert_cmpuint (w.added, ==, 3);
  g_assert_cmpuint (w.skipped, ==, 1);

  clip_window_reload (window);
  g_assert_true (shows_archive (window));
  g_assert_cmpuint (clip_sidebar_get_n_outlets (sidebar (window)), ==, 3);
  listed = clip_store_list_outlets (clip_window_get_store (window), NULL);
  for (guint i = 0; i < listed->len; i++)
    {
      ClipOutlet *o = g_ptr_array_index (listed, i);

      g_assert_cmpint (o->interval, ==, 3600);
      if (g_str_equal (o->url, "https://civil.ge/feed"))
        g_assert_cmpstr (o->group, ==, "Georgia");
    }

  /* A file that is not OPML is refused with a message; nothing changes. */
  memset (&w, 0, sizeof w);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_static ("not xml at all", 14);
  g_clear_pointer (&command, clip_command_unref);
  command = clip_command_import_opml (bytes, 900);
  clip_commands_run_async (clip_window_get_commands (window), command, NULL, NULL, import_cb, &w);
  g_assert_true (clip_test_ui_wait (import_done, &w));
  g_assert_false (w.ok);
  g_assert_nonnull (w.error);
  g_assert_cmpstr (w.error->message, !=, "");
  g_clear_error (&w.error);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = clip_store_list_outlets (clip_window_get_store (window), NULL);
  g_assert_cmpuint (listed->len, ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A data dir that cannot hold an archive shows why, instead of the
 * empty state. */
static void
test_error_state (void)
{
  g_autofree char *tmp = clip_test_tmpdir ();
  g_autofree char *file = g_build_filename (tmp, "not-a-dir", NULL);
  ClipWindow *window;
  AdwStatusPage *page;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_setenv ("CLIPPINGS_DATA_DIR", file, TRUE);
  window = new_window ();
  g_assert_null (clip_window_get_store (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "error");
  page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), CLIP_TYPE_WINDOW,
                                                         "error_page"));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "not-a-dir"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-outlet"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing saves the size; the next window opens with it. */
static void
test_saved_size (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ClipWindow *window = new_window ();
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 560);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 560);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 560);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* Rules and Alerts: in the main menu, with a shortcut the shortcuts
 * window lists, and the shortcut's action shows the page. */
static void
check_page_shortcuts (GtkApplication *app,
                      ClipWindow     *window)
{
  const char *actions[] = { "win.show-rules", "win.show-alerts" };
  const char *pages[] = { "rules", "alerts" };
  /* The page shown has one menu button, the main menu. */
  GtkWidget *menu_button = clip_test_ui_find (gtk_stack_get_visible_child (main_stack (window)),
                                              GTK_TYPE_MENU_BUTTON, NULL);
  GtkWidget *overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  g_assert_nonnull (menu_button);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);
      gboolean listed = FALSE;

      g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), actions[i]));
      g_assert_nonnull (accels[0]);
      for (GtkWidget *w = overlay; w != NULL && !listed; )
        {
          /* Depth-first walk of the shortcuts window. */
          if (GTK_IS_SHORTCUTS_SHORTCUT (w))
            {
              g_autofree char *name = NULL;

              g_object_get (w, "action-name", &name, NULL);
              listed = g_strcmp0 (name, actions[i]) == 0;
            }
          if (gtk_widget_get_first_child (w) != NULL)
            w = gtk_widget_get_first_child (w);
          else
            {
              while (w != NULL && w != overlay && gtk_widget_get_next_sibling (w) == NULL)
                w = gtk_widget_get_parent (w);
              w = (w == NULL || w == overlay) ? NULL : gtk_widget_get_next_sibling (w);
            }
        }
      g_assert_true (listed);
      g_action_group_activate_action (G_ACTION_GROUP (window), actions[i] + strlen ("win."), NULL);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, pages[i]);
    }
}

static GtkWidget *
template_child (ClipWindow *window,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), CLIP_TYPE_WINDOW, name));
}

static gboolean
leaflet_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (leaflet);
}

/* A phone-sized window (GNOME's 360 px) folds to one pane at a time and
 * still works: picking a source, even the one already picked, shows its
 * articles; the back button returns to the sources. */
static gboolean
shows_title (gpointer table)
{
  return clip_test_ui_find (table, GTK_TYPE_INSCRIPTION, "Narrow news 1") != NULL;
}

static gboolean
shows_article (gpointer window)
{
  return adw_leaflet_get_visible_child (ADW_LEAFLET (template_child (window, "leaflet"))) ==
         template_child (window, "article_pane");
}

/* A click released at (x, y) of widget at, inside the column view. */
static void
press (ClipArticleTable *table, GtkWidget *view, GtkWidget *at, double x, double y)
{
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;

  g_assert_true (gtk_widget_compute_point (at, view, &in, &out));
  clip_article_table_click_at (table, out.x, out.y);
}

static void
count_opened (ClipArticleTable *table,
              ClipArticleItem  *item,
              guint            *opened)
{
  (*opened)++;
}

/* Folded, a single click on an article opens it (GTK selects the row as
 * the button is released; here it is selected first); a click beside the
 * rows does not. The table says a row was clicked from an idle, so an
 * idle queued after a click runs once the table has said it or not. */
static void
click_row (ClipWindow *window, AdwLeaflet *leaflet)
{
  ClipArticleTable *table = CLIP_ARTICLE_TABLE (template_child (window, "table"));
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (table), CLIP_TYPE_ARTICLE_TABLE, "view"));
  GtkWidget *cell;
  guint opened = 0;

  g_signal_connect (table, "article-activated", G_CALLBACK (count_opened), &opened);
  g_signal_connect (table, "article-clicked", G_CALLBACK (count_opened), &opened);
  g_assert_true (clip_test_ui_wait (shows_title, table));
  clip_article_table_select (table, 1);
  clip_test_ui_wait_idle ();
  clip_test_ui_wait_frame (GTK_WIDGET (window));
  g_assert_cmpuint (opened, ==, 0);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (window, "list_pane"));
  press (table, view, view, 5, gtk_widget_get_height (view) - 5);   /* below the rows */
  clip_test_ui_wait_idle ();
  g_assert_cmpuint (opened, ==, 0);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (window, "list_pane"));
  cell = clip_test_ui_find (GTK_WIDGET (table), GTK_TYPE_INSCRIPTION, "Narrow news 1");
  press (table, view, cell, 4, gtk_widget_get_height (cell) / 2.0);
  g_assert_true (clip_test_ui_wait (shows_article, window));
  g_assert_cmpuint (opened, ==, 1);
  g_signal_handlers_disconnect_by_data (table, &opened);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (window, "list_pane"));
}

/* An archive in dir with one outlet, "Example Times", and n articles. */
static void
seed_archive (const char *dir,
              guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipOutlet) outlet = clip_outlet_new ();
  g_autoptr(ClipStore) store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  ClipIngestResult result;

  g_assert_no_error (error);
  outlet->url = g_strdup ("https://example.org/feed.xml");
  outlet->name = g_strdup ("Example Times");
  outlet->id = clip_store_add_outlet (store, outlet, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlet->id, >, 0);
  for (guint i = 0; i < n; i++)
    {
      ClipArticle *a = clip_article_new ();

      a->guid = g_strdup_printf ("narrow-%u", i);
      a->title = g_strdup_printf ("Narrow news %u", i);
      a->summary_text = g_strdup ("Read on a phone.");
      a->published = 1732665120 + i;
      g_ptr_array_add (batch, a);
    }
  clip_ingest_result_init (&result);
  g_assert_true (clip_store_ingest (store, outlet->id, batch, &result, &error));
  g_assert_no_error (error);
  clip_ingest_result_clear (&result);
}

static void
test_narrow (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  ClipWindow *window;
  AdwLeaflet *leaflet;
  GtkListBox *list;
  GtkSelectionModel *pages;

  seed_archive (dir, 3);
  window = clip_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (clip_test_ui_wait (shows_archive, window));
  /* What the window content needs at least, in every page of it (the
   * stack measures only the page shown). */
  pages = gtk_stack_get_pages (main_stack (window));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpint (min_width (gtk_stack_page_get_child (GTK_STACK_PAGE (page))), <=, 360);
    }
  g_object_unref (pages);
  leaflet = ADW_LEAFLET (template_child (window, "leaflet"));
  g_assert_true (clip_test_ui_wait (leaflet_folded, leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (window, "sidebar_pane"));

  list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (sidebar (window)), CLIP_TYPE_SIDEBAR, "list"));
  g_assert_nonnull (gtk_list_box_get_selected_row (list));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_selected_row (list));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (window, "list_pane"));
  g_assert_true (gtk_widget_get_mapped (template_child (window, "table")));
  click_row (window, leaflet);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (window, "sidebar_pane"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
app_activated_cb (GApplication *app,
                  gboolean     *checked)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_auto(GStrv) accels = NULL;

  g_assert_true (CLIP_IS_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (CLIP_WINDOW (window))), ==, "empty");
  for (guint i = 0; i < 3; i++)
    {
      const char *actions[] = { "quit", "about", "preferences" };
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), actions[i]));
    }
  /* GtkApplication finds the shortcuts window in the resources. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (accels[0], ==, "<Control>q");
  check_page_shortcuts (GTK_APPLICATION (app), CLIP_WINDOW (window));
  /* The About and Preferences windows open over it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 3);
  *checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

/* The real application: starts, shows the window, quits on app.quit. */
static GtkListBoxRow *
sidebar_row (ClipSidebar *bar, int index)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (bar), CLIP_TYPE_SIDEBAR,
                                                                  "list"));

  return gtk_list_box_get_row_at_index (list, index);
}

static GPtrArray *
some_outlets (guint n, const char *error_of_second)
{
  GPtrArray *outlets = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_outlet_free);

  for (guint i = 0; i < n; i++)
    {
      ClipOutlet *o = clip_outlet_new ();

      o->id = i + 1;
      o->url = g_strdup_printf ("https://outlet%u.ge/feed", i);
      o->name = g_strdup_printf ("Outlet %u", i);
      o->group = g_strdup ("");
      if (i == 1)
        o->last_error = g_strdup (error_of_second);
      g_ptr_array_add (outlets, o);
    }
  return outlets;
}

/* A refresh reports the same outlets with new health and names: the rows
 * stay (a thousand rebuilt rows blocked the window), their warning sign and
 * name follow; a new outlet rebuilds them. */
static void
test_sidebar_in_place (void)
{
  ClipSidebar *bar = CLIP_SIDEBAR (g_object_ref_sink (clip_sidebar_new ()));
  g_autoptr(GPtrArray) first = some_outlets (3, NULL);
  g_autoptr(GPtrArray) failed = some_outlets (3, "HTTP 404");
  g_autoptr(GPtrArray) more = some_outlets (4, NULL);
  GtkListBoxRow *row;
  GtkWidget *warn;

  clip_sidebar_set_rules (bar, NULL);
  clip_sidebar_set_outlets (bar, first);
  row = sidebar_row (bar, 4);   /* All, Unread, Flagged, then the outlets */
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (row), GTK_TYPE_LABEL, "Outlet 1"));
  g_assert_null (clip_test_ui_find (GTK_WIDGET (row), GTK_TYPE_IMAGE, NULL));

  g_free (((ClipOutlet *) failed->pdata[1])->name);
  ((ClipOutlet *) failed->pdata[1])->name = g_strdup ("Civil Georgia");
  clip_sidebar_set_outlets (bar, failed);
  g_assert_true (sidebar_row (bar, 4) == row);
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (row), GTK_TYPE_LABEL, "Civil Georgia"));
  warn = clip_test_ui_find (GTK_WIDGET (row), GTK_TYPE_IMAGE, NULL);
  g_assert_nonnull (warn);
  g_assert_true (gtk_widget_get_visible (warn));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (warn), ==, "HTTP 404");
  clip_sidebar_select (bar, CLIP_SOURCE_OUTLET, 2);
  g_assert_cmpstr (clip_sidebar_get_selected_error (bar), ==, "HTTP 404");
  g_assert_cmpstr (clip_sidebar_get_selected_title (bar), ==, "Civil Georgia");

  clip_sidebar_set_outlets (bar, first);       /* recovered */
  g_assert_true (sidebar_row (bar, 4) == row);
  g_assert_false (gtk_widget_get_visible (warn));
  g_assert_null (clip_sidebar_get_selected_error (bar));

  clip_sidebar_set_outlets (bar, more);
  g_assert_false (sidebar_row (bar, 4) == row);
  g_assert_cmpuint (clip_sidebar_get_n_outlets (bar), ==, 4);
  /* The selection survives the rebuild. */
  {
    gint64 id = 0;

    g_assert_cmpint (clip_sidebar_get_selected (bar, &id), ==, CLIP_SOURCE_OUTLET);
    g_assert_cmpint (id, ==, 2);
  }
  g_object_unref (bar);
}

/* A refresh reloads the window every second or so: the Rules and Alerts
 * pages stay where the analyst is. */
static void
test_reload_keeps_page (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  ClipWindow *window;

  seed_archive (dir, 0);
  window = new_window ();
  g_assert_true (clip_test_ui_wait (shows_archive, window));
  for (guint i = 0; i < 2; i++)
    {
      const char *pages[] = { "rules", "alerts" };
      const char *actions[] = { "win.show-rules", "win.show-alerts" };

      gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, pages[i]);
      clip_window_reload (window);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, pages[i]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_application (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(ClipApplication) app = clip_application_new ();
  gboolean checked = FALSE;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (app_activated_cb), &checked);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_true (checked);
}

/* GLib lets a process name one application: each further run of the
 * real one is a subprocess. */
static void
run_app_in_subprocess (GCallback activated)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = clip_test_ui_data_dir ();
      g_autoptr(ClipApplication) app = clip_application_new ();
      gboolean checked = FALSE;

      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_signal_connect_after (app, "activate", activated, &checked);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
      g_assert_true (checked);
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gpointer
window_child (GtkWindow  *window,
              const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), CLIP_TYPE_WINDOW, name);
}

static gboolean
fraction_is_999 (gpointer bar)
{
  return G_APPROX_VALUE (gtk_progress_bar_get_fraction (bar), 0.999, 1e-9);
}

static gboolean
text_is_999 (gpointer bar)
{
  return g_strcmp0 (gtk_progress_bar_get_text (bar), "Fetched 999 of 1000 outlets") == 0;
}

/* A thousand outlets report within moments: the bar takes the first at
 * once, then moves a few times a second (each change is a frame drawn),
 * its text following; the last report hides it at once. */
static void
progress_activated_cb (GApplication *app,
                       gboolean     *checked)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  ClipService *service = clip_application_get_service (CLIP_APPLICATION (app));
  GtkProgressBar *bar = window_child (window, "progress_bar");
  GtkRevealer *revealer = window_child (window, "progress_revealer");

  g_assert_nonnull (service);
  clip_service_set_scheduled (service, FALSE);
  for (guint i = 1; i < 1000; i++)
    g_signal_emit_by_name (service, "progress", i, 1000);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (bar), 0.001, 1e-9);
  g_assert_cmpstr (gtk_progress_bar_get_text (bar), ==, "Fetched 1 of 1000 outlets");
  g_assert_true (clip_test_ui_wait (fraction_is_999, bar));
  g_assert_true (clip_test_ui_wait (text_is_999, bar));
  g_signal_emit_by_name (service, "progress", 1000, 1000);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  *checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
test_refresh_progress (void)
{
  run_app_in_subprocess (G_CALLBACK (progress_activated_cb));
}

static gboolean
shows_all_added (gpointer bar)
{
  return clip_sidebar_get_n_outlets (bar) == GPOINTER_TO_UINT (g_object_get_data (bar, "added"));
}

/* News of new articles every 100 ms: the window reads the archive again
 * 400 ms after the first, then at most once a second (each reading is
 * the outlets, their counts and the list's ids), and at last has it all. */
static void
reload_activated_cb (GApplication *app,
                     gboolean     *checked)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  ClipService *service = clip_application_get_service (CLIP_APPLICATION (app));
  ClipSidebar *bar = window_child (window, "sidebar");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (g_getenv ("CLIPPINGS_DATA_DIR"),
                                                         CLIP_STORE_OPEN_DEFAULT, &error);
  gint64 start, last_news = 0, last_change = 0;
  guint shown = 0, changes = 0, added = 0;

  g_assert_no_error (error);
  clip_service_set_scheduled (service, FALSE);
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 2500 * 1000)
    {
      gint64 now = g_get_monotonic_time ();

      if (now - last_news >= 100 * 1000)
        {
          g_autoptr(ClipOutlet) o = clip_outlet_new ();
          ClipFetchOutcome outcome = { .status = CLIP_FETCH_STATUS_OK, .added = 1 };

          o->url = g_strdup_printf ("http://127.0.0.1:9/feed-%u.xml", added);
          o->name = g_strdup_printf ("Outlet %u", added++);
          outcome.outlet_id = clip_store_add_outlet (store, o, &error);
          g_assert_no_error (error);
          g_signal_emit_by_name (service, "outlet-updated", &outcome);
          last_news = now;
        }
      if (clip_sidebar_get_n_outlets (bar) != shown)
        {
          shown = clip_sidebar_get_n_outlets (bar);
          if (changes++ == 0)
            g_assert_cmpint (now - start, >=, 380 * 1000);
          else
            /* A second apart, as the test sees it: a change is seen
             * after the main-loop iteration that made it, which lasts
             * long on a loaded machine (942 ms measured); the old pace
             * (400 ms) still fails. */
            g_assert_cmpint (now - last_change, >=, 700 * 1000);
          last_change = now;
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  /* 400 ms, 1.4 s and 2.4 s at the most (every 400 ms before). */
  g_assert_cmpuint (changes, >=, 1);
  g_assert_cmpuint (changes, <=, 3);
  g_object_set_data (G_OBJECT (bar), "added", GUINT_TO_POINTER (added));
  g_assert_true (clip_test_ui_wait (shows_all_added, bar));
  *checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
test_refresh_reloads (void)
{
  run_app_in_subprocess (G_CALLBACK (reload_activated_cb));
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add_func ("/ui/window/empty-state", test_empty_state);
  g_test_add_func ("/ui/window/starter-outlets", test_starter_outlets);
  g_test_add_func ("/ui/window/opml-import", test_opml_import);
  g_test_add_func ("/ui/window/error-state", test_error_state);
  g_test_add_func ("/ui/window/saved-size", test_saved_size);
  g_test_add_func ("/ui/window/narrow", test_narrow);
  g_test_add_func ("/ui/window/hidden-pages-not-measured", test_hidden_pages_not_measured);
  g_test_add_func ("/ui/sidebar/in-place", test_sidebar_in_place);
  g_test_add_func ("/ui/window/reload-keeps-page", test_reload_keeps_page);
  g_test_add_func ("/ui/application", test_application);
  g_test_add_func ("/ui/application/refresh-progress", test_refresh_progress);
  g_test_add_func ("/ui/application/refresh-reloads", test_refresh_reloads);
  return g_test_run ();
}
