/* clip-window-stories.c — the Stories and Coverage views in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-coverage-view.h"
#include "clip-stories-view.h"
#include "clip-window-private.h"
#include "clip-window-stories.h"

typedef struct {
  ClipWindow       *window;     /* not owned: this hangs off it */
  GtkStack         *stack;
  ClipStoriesView  *stories;
  ClipCoverageView *coverage;
  char             *back_to;    /* the page the user came from */
} WindowStories;

#define KEY "clip-window-stories"

static void
window_stories_free (WindowStories *ws)
{
  g_free (ws->back_to);
  g_free (ws);
}

static WindowStories *
window_stories (ClipWindow *window)
{
  return g_object_get_data (G_OBJECT (window), KEY);
}

/* Pages that go back together, to where the user came from. */
static const char *const family[] = { "stories", "coverage", NULL };

static void
show_page (WindowStories *ws,
           const char    *name)
{
  clip_window_show_page (ws->window, name, family, &ws->back_to);
}

static void
go_back (ClipWindow *window)
{
  WindowStories *ws = window_stories (window);

  clip_window_page_back (window, ws->back_to);
}

/* The coverage's Back returns to the story it came from, if it did. */
static void
coverage_back (ClipWindow *window)
{
  WindowStories *ws = window_stories (window);

  if (clip_stories_view_get_story (ws->stories) != NULL &&
      g_strcmp0 (g_object_get_data (G_OBJECT (ws->coverage), "from"), "stories") == 0)
    {
      gtk_stack_set_visible_child_name (ws->stack, "stories");
      /* Its reads stopped when it was left. */
      clip_stories_view_reload (ws->stories);
    }
  else
    go_back (window);
}

static void
show_coverage_cb (ClipStoriesView *view,
                  gint64           story_id,
                  const char      *title,
                  ClipWindow      *window)
{
  WindowStories *ws = window_stories (window);

  g_object_set_data (G_OBJECT (ws->coverage), "from", (gpointer) "stories");
  clip_coverage_view_show (ws->coverage, CLIP_COVERAGE_SCOPE_STORY, story_id, title);
  gtk_stack_set_visible_child_name (ws->stack, "coverage");
}

static void
failed_cb (ClipStoriesView *view,
           const char      *message,
           ClipWindow      *window)
{
  clip_window_show_toast (window, message);
}

static void
action_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  WindowStories *ws = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "show-stories"))
    {
      show_page (ws, "stories");
      clip_stories_view_reload (ws->stories);
    }
  else
    {
      g_object_set_data (G_OBJECT (ws->coverage), "from", NULL);
      show_page (ws, "coverage");
      clip_coverage_view_reload (ws->coverage);
    }
}

/* Reads under way stop when their view is left (the stories' also
 * when the coverage of one is opened: the list is read again on return). */
static void
page_changed_cb (GtkStack   *stack,
                 GParamSpec *pspec,
                 ClipWindow *window)
{
  WindowStories *ws = window_stories (window);
  const char *name = gtk_stack_get_visible_child_name (stack);

  if (ws == NULL)
    return;
  if (g_strcmp0 (name, "stories") != 0)
    clip_stories_view_cancel (ws->stories);
  if (g_strcmp0 (name, "coverage") != 0)
    clip_coverage_view_cancel (ws->coverage);
}

static GtkWidget *
nav_row (const char *icon,
         const char *label,
         const char *action)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_label_new (label);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  return row;
}

static void
add_sidebar_rows (GtkBox *pane)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stories and Coverage"), -1);
  gtk_list_box_append (GTK_LIST_BOX (list), nav_row ("emblem-documents-symbolic", _("Stories"), "win.show-stories"));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       nav_row ("view-continuous-symbolic", _("Coverage"), "win.show-coverage"));
  gtk_box_append (pane, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (pane, list);
}

static const GActionEntry actions[] = {
  { "show-stories", action_activated },
  { "show-coverage", action_activated },
};

void
clip_window_stories_uninstall (ClipWindow *window)
{
  WindowStories *ws = window_stories (window);

  if (ws == NULL)
    return;
  g_signal_handlers_disconnect_by_data (ws->stories, window);
  g_signal_handlers_disconnect_by_data (ws->coverage, window);
  g_signal_handlers_disconnect_by_data (ws->stack, window);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_action_map_remove_action (G_ACTION_MAP (window), actions[i].name);
  g_object_set_data (G_OBJECT (window), KEY, NULL);
}

void
clip_window_stories_install (ClipWindow *window)
{
  ClipStore *store = clip_window_get_store (window);
  WindowStories *ws;
  GtkWidget *pane;

  g_return_if_fail (CLIP_IS_WINDOW (window));

  if (store == NULL)
    return;
  ws = g_new0 (WindowStories, 1);
  ws->window = window;
  ws->stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), CLIP_TYPE_WINDOW, "main_stack"));
  pane = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), CLIP_TYPE_WINDOW, "sidebar_box"));
  g_return_if_fail (GTK_IS_STACK (ws->stack) && GTK_IS_BOX (pane));
  g_object_set_data_full (G_OBJECT (window), KEY, ws, (GDestroyNotify) window_stories_free);

  ws->stories = CLIP_STORIES_VIEW (clip_stories_view_new ());
  ws->coverage = CLIP_COVERAGE_VIEW (clip_coverage_view_new ());
  gtk_stack_add_named (ws->stack, GTK_WIDGET (ws->stories), "stories");
  gtk_stack_add_named (ws->stack, GTK_WIDGET (ws->coverage), "coverage");
  clip_stories_view_set_store (ws->stories, store, clip_window_get_commands (window));
  clip_coverage_view_set_store (ws->coverage, store);
  g_signal_connect_object (ws->stories, "back", G_CALLBACK (go_back), window, G_CONNECT_SWAPPED);
  g_signal_connect_object (ws->coverage, "back", G_CALLBACK (coverage_back), window, G_CONNECT_SWAPPED);
  g_signal_connect_object (ws->stories, "show-coverage", G_CALLBACK (show_coverage_cb), window, 0);
  g_signal_connect_object (ws->stories, "failed", G_CALLBACK (failed_cb), window, 0);
  g_signal_connect_object (ws->stack, "notify::visible-child-name", G_CALLBACK (page_changed_cb), window, 0);
  add_sidebar_rows (GTK_BOX (pane));
  g_action_map_add_action_entries (G_ACTION_MAP (window), actions, G_N_ELEMENTS (actions), ws);
}
