/* clip-window.c — the main window: sources, article list, reading view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-article-table.h"
#include "clip-archive.h"
#include "clip-outlet-dialog.h"
#include "clip-article-view.h"
#include "clip-rules-store.h"
#include "clip-sidebar.h"
#include "clip-store-listing.h"
#include "clip-window-alerts.h"
#include "clip-window-stories.h"
#include "clip-window-private.h"

/* Typing pauses this long before a search runs. */
#define SEARCH_DELAY_MS 250


G_DEFINE_FINAL_TYPE (ClipWindow, clip_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const outlet_actions[] = {
  "add-outlet", "add-starter-outlets", "import-opml",
};

static void clip_window_setup (ClipWindow *self, ClipApplication *app);

/* app may be NULL (tests): then no service, and settings of its own. */
ClipWindow *
clip_window_new (ClipApplication *app)
{
  ClipWindow *self = g_object_new (CLIP_TYPE_WINDOW, "application", app, NULL);

  clip_window_setup (self, app);
  return self;
}

ClipStore *
clip_window_get_store (ClipWindow *self)
{
  g_return_val_if_fail (CLIP_IS_WINDOW (self), NULL);

  return self->store;
}

GSettings *
clip_window_get_settings (ClipWindow *self)
{
  return self->settings;
}

ClipCommands *
clip_window_get_commands (ClipWindow *self)
{
  g_return_val_if_fail (CLIP_IS_WINDOW (self), NULL);
  return self->commands;
}

ClipService *
clip_window_get_service (ClipWindow *self)
{
  return self->service;
}

GCancellable *
clip_window_get_cancellable (ClipWindow *self)
{
  return self->cancellable;
}

void
clip_window_show_toast (ClipWindow *self,
                        const char *message)
{
  /* Toast titles are markup in libadwaita 1.2, and feed text (outlet
   * names, errors) reaches them: escape it. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
clip_window_show_error (ClipWindow   *self,
                        const char   *what,
                        const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  g_debug ("%s", message);
  clip_window_show_toast (self, message);
}

static void
enable_actions (ClipWindow         *self,
                const char * const *names,
                guint               n,
                gboolean            enabled)
{
  for (guint i = 0; i < n; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
}

void
clip_window_set_busy (ClipWindow *self,
                      gboolean    busy)
{
  self->busy += busy ? 1 : -1;
  enable_actions (self, outlet_actions, G_N_ELEMENTS (outlet_actions), self->busy == 0);
}

static void
list_failed_cb (ClipWindow *self,
                const char *message)
{
  clip_window_view_failed (self, message);
}

/* A view read: the article shown goes when it is not among its rows. */
static void
list_loading_cb (ClipWindow *self)
{
  gint64 shown = clip_article_view_get_id (self->article_view);

  clip_window_update_subtitle (self);
  if (clip_article_list_is_loading (self->list) || shown == 0)
    return;
  if (!clip_article_list_contains (self->list, shown))
    clip_article_view_show (self->article_view, 0);
}

static void
load_rules (ClipWindow *self)
{
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version = clip_store_rules_version (self->store);

  if (version > 0 && version == self->rules_version)
    return;
  if (!(rules = clip_store_list_rules (self->store, &error)))
    {
      g_debug ("Could not read the rules: %s", error->message);
      return;
    }
  self->rules_version = version;
  clip_article_table_set_rules (self->table, rules);
  clip_article_view_set_rules (self->article_view, rules);
  clip_sidebar_set_rules (self->sidebar, rules);
}

static void
view_counts_free (ClipViewCounts *counts)
{
  clip_view_counts_clear (counts);
  g_free (counts);
}

/* Counting unread articles reads indexes, not rows, but at a million
 * articles that is still half a second: a worker does it. */
static void
counts_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(ClipStore) store = NULL;
  ClipViewCounts *counts = g_new0 (ClipViewCounts, 1);
  GError *error = NULL;

  if (!(store = clip_store_open (task_data, CLIP_STORE_OPEN_READ_ONLY, &error)) ||
      !clip_store_count_views (store, counts, cancellable, &error))
    {
      view_counts_free (counts);
      g_task_return_error (task, error);
      return;
    }
  /* Freed by the task too when the count was cancelled after it was done. */
  g_task_return_pointer (task, counts, (GDestroyNotify) view_counts_free);
}

static void
counts_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(ClipWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  ClipViewCounts *counts = g_task_propagate_pointer (G_TASK (res), &error);

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not count the articles: %s", error->message);
      return;
    }
  clip_sidebar_set_counts (self->sidebar, counts);
  view_counts_free (counts);
}

void
clip_window_update_counts (ClipWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  self->counts_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->counts_cancellable, counts_done_cb, g_object_ref (self));
  g_task_set_task_data (task, g_strdup (clip_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, counts_thread);
  clip_window_reload_tags (self);
}

/* The sidebar: outlets and their health now, their counts in a moment. */
static guint
reload_sources (ClipWindow *self)
{
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GError) error = NULL;

  if (!(outlets = clip_store_list_outlets_brief (self->store, &error)))
    {
      clip_window_show_error (self, _("Could not read the archive"), error);
      return G_MAXUINT;
    }
  clip_sidebar_set_outlets (self->sidebar, outlets);
  clip_window_update_counts (self);
  return outlets->len;
}

void
clip_window_reload (ClipWindow *self)
{
  ClipSourceKind kind;
  gint64 outlet_id;
  const char *page;
  gboolean was_archive, on_archive_pages;
  guint n_outlets;

  g_return_if_fail (CLIP_IS_WINDOW (self));

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }
  kind = clip_sidebar_get_selected (self->sidebar, &outlet_id);
  if ((n_outlets = reload_sources (self)) == G_MAXUINT)
    return;
  load_rules (self);
  page = gtk_stack_get_visible_child_name (self->main_stack);
  was_archive = g_strcmp0 (page, "archive") == 0;
  /* The Rules and Alerts pages stay while a refresh reloads the rest. */
  on_archive_pages = page == NULL || was_archive || g_str_equal (page, "empty") ||
                     g_str_equal (page, "error");
  if (on_archive_pages)
    gtk_stack_set_visible_child_name (self->main_stack, n_outlets ? "archive" : "empty");
  /* A new list, or the selected outlet is gone (the sidebar fell back to
   * All Articles): show the view; otherwise read the same view again. */
  if ((on_archive_pages && !was_archive) || self->list == NULL ||
      clip_sidebar_get_selected (self->sidebar, NULL) != kind)
    clip_window_apply_view (self);
  else
    clip_article_list_reload (self->list);
}

/* Folded, opening an article shows the reading view. */
static void
article_activated_cb (ClipWindow      *self,
                      ClipArticleItem *item)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->article_pane);
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  ClipWindow *self = user_data;

  self->search_timeout = 0;
  clip_window_apply_view (self);
  return G_SOURCE_REMOVE;
}

static void
search_changed_cb (ClipWindow *self)
{
  g_clear_handle_id (&self->search_timeout, g_source_remove);
  self->search_timeout = g_timeout_add (SEARCH_DELAY_MS, search_timeout_cb, self);
}

static void
search_mode_cb (ClipWindow *self)
{
  /* Closing the search bar shows the whole source again. */
  if (!gtk_search_bar_get_search_mode (self->search_bar) &&
      *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)))
    clip_window_apply_view (self);
}

static void
source_selected_cb (ClipWindow *self)
{
  clip_window_apply_view (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
source_activated_cb (ClipWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Actions */

static void
show_sidebar_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_list_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
outlet_properties_activated (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  gint64 outlet_id;

  if (clip_sidebar_get_selected (self->sidebar, &outlet_id) == CLIP_SOURCE_OUTLET)
    clip_window_edit_outlet (self, outlet_id);
}

static void
move_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);

  /* Only the list on screen: not one hidden behind the Alerts view. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "archive") == 0)
    clip_article_table_move (self->table, g_variant_get_int32 (param));
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "archive") != 0)
    return;
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The service's commands (the process's one writer); without an
 * application (tests), the window's own. A new archive is made, with its
 * default rules, by whichever opens first. */
static ClipCommands *
open_commands (ClipApplication  *app,
               GError          **error)
{
  ClipService *service = app ? clip_application_get_service (app) : NULL;

  if (service != NULL)
    return g_object_ref (clip_service_get_commands (service));
  if (app == NULL)
    return clip_commands_open (NULL, error);
  return NULL;
}

static void
open_store (ClipWindow      *self,
            ClipApplication *app)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;

  if ((self->commands = open_commands (app, &error)) != NULL || error == NULL)
    self->store = clip_archive_open (NULL, CLIP_STORE_OPEN_READ_ONLY, &error);
  if (self->store != NULL)
    {
      self->list = clip_article_list_new (self->store);
      g_signal_connect_object (self->list, "failed", G_CALLBACK (list_failed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::n-items", G_CALLBACK (clip_window_update_subtitle),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (list_loading_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::stale", G_CALLBACK (clip_window_update_subtitle),
                               self, G_CONNECT_SWAPPED);
      clip_article_table_set_model (self->table, self->list);
      clip_article_view_set_store (self->article_view, self->store, self->commands);
      if (self->commands)
        {
          self->removal = clip_outlet_removal_new (self->store, self->commands, self->toast_overlay);
          g_signal_connect_object (self->removal, "changed", G_CALLBACK (clip_window_outlets_changed),
                                   self, G_CONNECT_SWAPPED);
        }
      return;
    }
  g_debug ("Could not open the archive: %s", error->message);
  escaped = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->error_page, escaped);
  enable_actions (self, outlet_actions, G_N_ELEMENTS (outlet_actions), FALSE);
  enable_actions (self, (const char * const[]) { "export-opml", "search" }, 2, FALSE);
}

static gboolean
clip_window_close_request (GtkWindow *window)
{
  ClipWindow *self = CLIP_WINDOW (window);
  int width, height;

  clip_article_view_flush_note (self->article_view);
  /* A maximized window keeps the size it had before. */
  gtk_window_get_default_size (window, &width, &height);
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  return GTK_WINDOW_CLASS (clip_window_parent_class)->close_request (window);
}

static void
pane_resized_cb (ClipPane   *pane,
                 ClipWindow *self)
{
  g_settings_set_int (self->settings, g_object_get_data (G_OBJECT (pane), "clip-setting"),
                      clip_pane_get_size (pane));
}

/* The sidebar and the reading view as wide as the analyst left them; a
 * drag at the left edge of the list or of the reading view resizes them,
 * while the leaflet is unfolded. */
static void
setup_panes (ClipWindow *self)
{
  struct { GtkWidget *pane; const char *key; GtkWidget *handle_host; int direction; } panes[] = {
    { self->sidebar_pane, "sidebar-width", self->list_pane, 1 },
    { self->article_pane, "reading-pane-width", self->article_pane, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    {
      ClipPane *pane = CLIP_PANE (panes[i].pane);

      clip_pane_set_size (pane, g_settings_get_int (self->settings, panes[i].key));
      g_object_set_data (G_OBJECT (pane), "clip-setting", (gpointer) panes[i].key);
      clip_pane_add_handle (pane, panes[i].handle_host, panes[i].direction);
      g_object_bind_property (self->leaflet, "folded", pane, "resizable",
                              G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
      g_signal_connect_object (pane, "resized", G_CALLBACK (pane_resized_cb), self, 0);
    }
}

/* After construction: GtkWindow's "application" is set only once the
 * object is constructed. */
static void
clip_window_setup (ClipWindow      *self,
                   ClipApplication *app)
{
  self->settings = app ? g_object_ref (clip_application_get_settings (app))
                       : g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* Closing the window leaves the app running when it works in the background. */
  g_settings_bind (self->settings, "run-in-background", self, "hide-on-close",
                   G_SETTINGS_BIND_GET);
  open_store (self, app);
  clip_window_connect_service (self, app);
  /* The Rules page, the Alerts view and their sidebar rows. */
  clip_window_alerts_install (self);
  /* The Stories and Coverage views and their rows. */
  clip_window_stories_install (self);
  setup_panes (self);
  clip_window_reload (self);
  clip_window_sync_article_actions (self);
  clip_window_update_subtitle (self);
}

/* Children emit as they are torn down (the search entry is cleared, the
 * sidebar loses its selection) and the list and the service go on
 * reporting: none of that may reach a window whose dispose has begun (its
 * template's fields are cleared by then, and a search queued then ran
 * into a window that was gone). */
static void
disconnect_all (ClipWindow *self)
{
  gpointer emitters[] = { self->sidebar, self->search_entry, self->search_bar, self->table,
                          self->article_view, self->list, self->service, self->removal };

  for (guint i = 0; i < G_N_ELEMENTS (emitters); i++)
    if (emitters[i] != NULL)
      g_signal_handlers_disconnect_by_data (emitters[i], self);
  clip_window_alerts_uninstall (self);
  clip_window_stories_uninstall (self);
}

static void
clip_window_dispose (GObject *object)
{
  ClipWindow *self = CLIP_WINDOW (object);

  disconnect_all (self);
  g_clear_handle_id (&self->search_timeout, g_source_remove);
  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLIP_TYPE_WINDOW);
  g_clear_object (&self->list);
  g_clear_object (&self->removal);
  g_clear_object (&self->store);
  g_clear_object (&self->commands);
  g_clear_object (&self->service);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->search_error, g_free);
  G_OBJECT_CLASS (clip_window_parent_class)->dispose (object);
}

static void
add_shortcuts (GtkWidgetClass *widget_class)
{
  /* Letters only reach these when no text field took them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "win.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "win.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "win.toggle-read", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, 0, "win.toggle-flag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
clip_window_class_init (ClipWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = clip_window_dispose;
  window_class->close_request = clip_window_close_request;

  g_type_ensure (CLIP_TYPE_PANE);
  g_type_ensure (CLIP_TYPE_SIDEBAR);
  g_type_ensure (CLIP_TYPE_ARTICLE_TABLE);
  g_type_ensure (CLIP_TYPE_ARTICLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, table);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, article_pane);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, outlet_button);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, flag_button);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, scope_box);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, scope_chip);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, scope_label);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, scope_all_label);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, save_rule_button);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClipWindow, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, source_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, article_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  add_shortcuts (widget_class);
}

static void
clip_window_init (ClipWindow *self)
{
  static const GActionEntry win_actions[] = {
    { "show-sidebar", show_sidebar_activated },
    { "show-list", show_list_activated },
    { "move", move_activated, "i" },
    { "search", search_activated },
    { "refresh", clip_window_refresh_activated },
    { "outlet-properties", outlet_properties_activated },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  clip_window_add_outlet_actions (self);
  clip_window_add_view_actions (self);
  clip_window_add_article_actions (self);
  clip_window_add_bulk_actions (self);
  clip_window_add_source_actions (self);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
}
