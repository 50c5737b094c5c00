/* clip-window-alerts.c — the Rules page and the Alerts view in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-alert.h"
#include "clip-format.h"
#include "clip-alerts-view.h"
#include "clip-rules-page.h"
#include "clip-store-listing.h"
#include "clip-window-alerts.h"
#include "clip-window-private.h"

/* How often the sidebar's unread count is read again while nothing else
 * told it: new alerts come with fetches in the background. */
#define UNREAD_POLL_SECONDS 20

typedef struct {
  ClipWindow     *window;     /* not owned: this hangs off it */
  GtkStack       *stack;
  ClipRulesPage  *rules_page;
  ClipAlertsView *alerts_view;
  GtkLabel       *unread_label;
  char           *back_to;    /* the page the user came from */
  guint           poll;
} WindowAlerts;

static void
window_alerts_free (WindowAlerts *wa)
{
  g_clear_handle_id (&wa->poll, g_source_remove);
  g_free (wa->back_to);
  g_free (wa);
}

static WindowAlerts *
window_alerts (ClipWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "clip-window-alerts");
}

/* Pages that go back together, to where the user came from. */
static const char *const family[] = { "rules", "alerts", NULL };

static void
show_page (WindowAlerts *wa,
           const char   *name)
{
  clip_window_show_page (wa->window, name, family, &wa->back_to);
  if (g_str_equal (name, "alerts"))
    clip_alerts_view_reload (wa->alerts_view);
  else
    clip_rules_page_reload (wa->rules_page);
}

/* The pages' signals come with the window, whose handlers go with it
 * (a page can outlive it while a write it asked for runs). */
static void
go_back (ClipWindow *window)
{
  WindowAlerts *wa = window_alerts (window);

  clip_window_page_back (window, wa->back_to);
}

static void
set_unread (WindowAlerts *wa,
            gint64        unread)
{
  g_autofree char *text = clip_format_count (unread, NULL);

  gtk_label_set_text (wa->unread_label, text);
  gtk_widget_set_visible (GTK_WIDGET (wa->unread_label), unread > 0);
}

static gboolean
poll_unread (gpointer user_data)
{
  WindowAlerts *wa = user_data;
  ClipStore *store = clip_window_get_store (wa->window);
  gint64 unread = -1;

  if (store != NULL)
    {
      unread = clip_alert_count_unread_total (store, NULL);
    }

  if (unread >= 0)
    set_unread (wa, unread);
  return G_SOURCE_CONTINUE;
}

static void
unread_changed_cb (ClipAlertsView *view,
                   gint64          unread,
                   ClipWindow     *window)
{
  set_unread (window_alerts (window), unread);
}

/* The window reads the rules again (chips, highlights); its reload picks
 * the archive page, so the Rules page is shown again after it. */
static void
rules_changed_cb (ClipWindow *window)
{
  clip_window_reload (window);
}

static void
action_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  WindowAlerts *wa = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "show-rules"))
    show_page (wa, "rules");
  else if (g_str_equal (name, "show-alerts"))
    {
      clip_alerts_view_show_rule (wa->alerts_view, 0);
      show_page (wa, "alerts");
    }
  else if (g_str_equal (name, "edit-rule"))
    {
      /* The rule's own editor, over the Rules page it belongs to. */
      show_page (wa, "rules");
      clip_rules_page_edit (wa->rules_page, g_variant_get_int64 (param));
    }
  else if (g_str_equal (name, "show-rule"))
    {
      clip_alerts_view_show_rule (wa->alerts_view, g_variant_get_int64 (param));
      show_page (wa, "alerts");
    }
  else if (g_str_equal (name, "open-article"))
    {
      show_page (wa, "alerts");
      clip_alerts_view_open_article (wa->alerts_view, g_variant_get_int64 (param));
    }
}

static GtkWidget *
nav_row (const char *icon,
         const char *label,
         const char *action,
         GtkWidget  *suffix)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_label_new (label);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  if (suffix != NULL)
    gtk_box_append (GTK_BOX (box), suffix);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  return row;
}

/* Alerts and Rules, at the foot of the sidebar's pane. */
static void
add_sidebar_rows (WindowAlerts *wa,
                  GtkBox       *pane)
{
  GtkWidget *list = gtk_list_box_new ();

  wa->unread_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (wa->unread_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (wa->unread_label), "dim-label");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Alerts and Rules"), -1);
  gtk_list_box_append (GTK_LIST_BOX (list),
                       nav_row ("preferences-system-notifications-symbolic", _("Alerts"),
                                "win.show-alerts", GTK_WIDGET (wa->unread_label)));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       nav_row ("edit-find-symbolic", _("Rules"), "win.show-rules", NULL));
  gtk_box_append (pane, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (pane, list);
}

static const GActionEntry actions[] = {
  { "show-rules", action_activated },
  { "show-alerts", action_activated },
  { "show-rule", action_activated, "x" },
  { "edit-rule", action_activated, "x" },
  { "open-article", action_activated, "x" },
};

void
clip_window_alerts_uninstall (ClipWindow *window)
{
  WindowAlerts *wa = g_object_get_data (G_OBJECT (window), "clip-window-alerts");

  if (wa == NULL)
    return;
  g_signal_handlers_disconnect_by_data (wa->rules_page, wa);
  g_signal_handlers_disconnect_by_data (wa->alerts_view, wa);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_action_map_remove_action (G_ACTION_MAP (window), actions[i].name);
  /* Frees wa, and stops the polling. */
  g_object_set_data (G_OBJECT (window), "clip-window-alerts", NULL);
}

ClipArticleView *
clip_window_alerts_article_view (ClipWindow *window)
{
  WindowAlerts *wa = window_alerts (window);

  return wa ? clip_alerts_view_get_article_view (wa->alerts_view) : NULL;
}

void
clip_window_alerts_article_read (ClipWindow *window,
                                 gint64      article_id,
                                 gboolean    read)
{
  WindowAlerts *wa = window_alerts (window);

  if (wa != NULL)
    clip_alerts_view_article_read (wa->alerts_view, article_id, read);
}

void
clip_window_alerts_changed (ClipWindow *window)
{
  WindowAlerts *wa = window_alerts (window);

  if (wa == NULL)
    return;
  poll_unread (wa);
  clip_alerts_view_refresh_counts (wa->alerts_view);
}

/* The Alerts view marked an article: its row and reading views follow
 * at once, everything else once it is written. */
static void
article_read_cb (ClipAlertsView *view,
                 gint64          article_id,
                 gboolean        read,
                 ClipWindow     *window)
{
  clip_window_article_read (window, article_id, read, FALSE);
}

static void
alerts_written_cb (ClipWindow *window)
{
  clip_window_articles_changed (window);
}

void
clip_window_alerts_install (ClipWindow *window)
{
  ClipStore *store = clip_window_get_store (window);
  WindowAlerts *wa;
  GtkWidget *pane;

  g_return_if_fail (CLIP_IS_WINDOW (window));

  if (store == NULL)
    return;
  wa = g_new0 (WindowAlerts, 1);
  wa->window = window;
  wa->stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), CLIP_TYPE_WINDOW, "main_stack"));
  pane = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), CLIP_TYPE_WINDOW, "sidebar_box"));
  g_return_if_fail (GTK_IS_STACK (wa->stack) && GTK_IS_BOX (pane));
  g_object_set_data_full (G_OBJECT (window), "clip-window-alerts", wa, (GDestroyNotify) window_alerts_free);

  wa->rules_page = CLIP_RULES_PAGE (clip_rules_page_new ());
  wa->alerts_view = CLIP_ALERTS_VIEW (clip_alerts_view_new ());
  gtk_stack_add_named (wa->stack, GTK_WIDGET (wa->rules_page), "rules");
  gtk_stack_add_named (wa->stack, GTK_WIDGET (wa->alerts_view), "alerts");
  clip_rules_page_set_commands (wa->rules_page, clip_window_get_commands (window));
  clip_rules_page_set_store (wa->rules_page, store);
  clip_alerts_view_set_store (wa->alerts_view, store, clip_window_get_commands (window));
  g_signal_connect_object (wa->rules_page, "back", G_CALLBACK (go_back), window, G_CONNECT_SWAPPED);
  g_signal_connect_object (wa->alerts_view, "back", G_CALLBACK (go_back), window, G_CONNECT_SWAPPED);
  g_signal_connect_object (wa->rules_page, "rules-changed", G_CALLBACK (rules_changed_cb), window,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (wa->alerts_view, "unread-changed", G_CALLBACK (unread_changed_cb), window, 0);
  g_signal_connect_object (wa->alerts_view, "article-read", G_CALLBACK (article_read_cb), window, 0);
  g_signal_connect_object (wa->alerts_view, "changed", G_CALLBACK (alerts_written_cb), window,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (clip_alerts_view_get_article_view (wa->alerts_view), "article-changed",
                           G_CALLBACK (clip_window_sync_article_actions), window, G_CONNECT_SWAPPED);
  clip_window_connect_article_view (window, clip_alerts_view_get_article_view (wa->alerts_view));
  clip_alerts_view_set_settings (wa->alerts_view, clip_window_get_settings (window));

  add_sidebar_rows (wa, GTK_BOX (pane));
  g_action_map_add_action_entries (G_ACTION_MAP (window), actions, G_N_ELEMENTS (actions), wa);
  set_unread (wa, clip_alerts_view_get_unread (wa->alerts_view));
  wa->poll = g_timeout_add_seconds (UNREAD_POLL_SECONDS, poll_unread, wa);
}
