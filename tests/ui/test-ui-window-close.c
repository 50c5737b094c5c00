/* test-ui-window-close.c — closing the main window while work it asked for
 * is pending: a search typed a moment ago, a view being read, a reload,
 * a refresh reporting. Nothing runs for the window once it goes, and it
 * is freed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-archive.h"
#include "clip-article-table.h"
#include "clip-sidebar.h"
#include "clip-test-ui.h"
#include "clip-test-util.h"
#include "clip-window.h"

/* An archive in dir with two outlets, and n articles in each. */
static void
seed_archive (const char *dir,
              guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  for (guint o = 0; o < 2; o++)
    {
      g_autoptr(ClipOutlet) outlet = clip_outlet_new ();
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
      ClipIngestResult result;

      outlet->url = g_strdup_printf ("https://example.org/feed-%u.xml", o);
      outlet->name = g_strdup_printf ("Example Times %u", o);
      outlet->id = clip_store_add_outlet (store, outlet, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < n; i++)
        {
          ClipArticle *a = clip_article_new ();

          a->guid = g_strdup_printf ("close-%u-%u", o, i);
          a->title = g_strdup_printf ("Closing news %u from %u", i, o);
          a->summary_text = g_strdup ("Protests in Tbilisi went on.");
          a->published = 1732665120 + i;
          g_ptr_array_add (batch, a);
        }
      clip_ingest_result_init (&result);
      g_assert_true (clip_store_ingest (store, outlet->id, batch, &result, &error));
      g_assert_no_error (error);
      clip_ingest_result_clear (&result);
    }
}

static gpointer
child (ClipWindow *window, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), CLIP_TYPE_WINDOW, name);
}

static gboolean
shows_archive (gpointer window)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (child (window, "main_stack")), "archive") == 0;
}

static gboolean
is_gone (gpointer weak)
{
  return *(gpointer *) weak == NULL;
}

/* Every source whose data is window. */
static guint
sources_for (gpointer window)
{
  guint n = 0;
  GSource *s;

  while ((s = g_main_context_find_source_by_user_data (NULL, window)) != NULL)
    {
      n++;
      g_source_destroy (s);
    }
  return n;
}

/* Closes the window now, with whatever it has pending. Once the work it
 * asked for has ended (its cancelled tasks hold it until then) it is
 * freed, and no source may be left to run into it. */
static void
close_now (ClipWindow *window)
{
  gpointer weak = window;
  gpointer address = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (clip_test_ui_wait (is_gone, &weak));
  g_assert_cmpuint (sources_for (address), ==, 0);
  clip_test_ui_wait_idle ();
}

static ClipWindow *
open_window (void)
{
  ClipWindow *window = clip_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (clip_test_ui_wait (shows_archive, window));
  return window;
}

/* A search typed a moment ago runs after a pause: closing first. */
static void
test_close_while_searching (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  ClipWindow *window;

  seed_archive (dir, 30);
  window = open_window ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (child (window, "search_entry")), "Tbilisi");
  g_signal_emit_by_name (child (window, "search_entry"), "search-changed");
  close_now (window);
}

/* Another source picked, its rows still being read; and the search bar
 * open with text, which closing would clear. */
static void
test_close_while_loading (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  ClipWindow *window;

  seed_archive (dir, 30);
  window = open_window ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (child (window, "search_entry")), "news");
  clip_sidebar_select (child (window, "sidebar"), CLIP_SOURCE_OUTLET, 2);
  close_now (window);
}

/* A reload (as a refresh asks for it), its counts still being read. */
static void
test_close_while_reloading (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  ClipWindow *window;

  seed_archive (dir, 30);
  window = open_window ();
  clip_sidebar_select (child (window, "sidebar"), CLIP_SOURCE_OUTLET, 1);
  clip_window_reload (window);
  close_now (window);
}

/* The analyst picked another order, and its rows in that order are still
 * being read when the window goes: nothing of the reload may reach a
 * window being torn down. */
static void
test_close_while_sorting (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  ClipWindow *window;

  seed_archive (dir, 30);
  window = open_window ();
  g_action_group_change_action_state (G_ACTION_GROUP (window), "sort",
                                      g_variant_new_string ("oldest"));
  close_now (window);
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add_func ("/ui/window/close-while-searching", test_close_while_searching);
  g_test_add_func ("/ui/window/close-while-loading", test_close_while_loading);
  g_test_add_func ("/ui/window/close-while-reloading", test_close_while_reloading);
  g_test_add_func ("/ui/window/close-while-sorting", test_close_while_sorting);
  return g_test_run ();
}
