/* clip-window-article.c — the article shown and what acts on it: the
 * list's selection shows it, and Flag, Unread, Open and Export act on
 * the article on screen, beside the list or in the Alerts view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-export-dialog.h"
#include "clip-window-alerts.h"
#include "clip-window-private.h"

static const char * const article_actions[] = {
  "open-original", "toggle-flag", "toggle-read",
};

ClipArticleView *
clip_window_current_article_view (ClipWindow *self)
{
  ClipArticleView *alerts = clip_window_alerts_article_view (self);

  if (alerts != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "alerts") == 0)
    return alerts;
  return self->article_view;
}

static const ClipArticle *
current_article (ClipWindow *self)
{
  return clip_article_view_get_article (clip_window_current_article_view (self));
}

void
clip_window_sync_article_actions (ClipWindow *self)
{
  const ClipArticle *article = current_article (self);
  GActionMap *map = G_ACTION_MAP (self);

  for (guint i = 0; i < G_N_ELEMENTS (article_actions); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, article_actions[i])),
                                 article != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "open-original")),
                               article && article->url && *article->url);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "toggle-flag")),
                             g_variant_new_boolean (article && article->flag));
  /* The Unread button is pressed while the article is unread. */
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "toggle-read")),
                             g_variant_new_boolean (article && !article->read));
}

/* Every place that shows the article: its row, and either reading view. */
static void
show_state (ClipWindow *self,
            gint64      article_id,
            gboolean    read,
            gint        flag)
{
  ClipArticleView *views[] = { self->article_view, clip_window_alerts_article_view (self) };

  if (self->list != NULL)
    clip_article_list_set_state (self->list, article_id, read, flag);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (views[i] != NULL && clip_article_view_get_id (views[i]) == article_id)
      clip_article_view_set_state (views[i], read, flag);
}

static void
written_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  g_autoptr(ClipWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), res, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        clip_window_show_error (self, _("Could not save the change"), error);
      return;
    }
  /* The list keeps its rows (an article read in Unread stays until the
   * next reload); the counts follow at once, the alerts' too. */
  clip_window_update_counts (self);
  clip_window_alerts_changed (self);
}

static void
write_article (ClipWindow  *self,
               ClipCommand *command)
{
  g_autoptr(ClipCommand) owned = command;

  if (self->commands != NULL)
    clip_commands_run_async (self->commands, owned, NULL, clip_window_get_cancellable (self),
                             written_cb, g_object_ref (self));
}

void
clip_window_article_read (ClipWindow *self,
                          gint64      article_id,
                          gboolean    read,
                          gboolean    write)
{
  ClipArticleItem *item = self->list ? clip_article_list_lookup (self->list, article_id) : NULL;
  const ClipArticle *shown = NULL;
  gint flag = item ? clip_article_item_get_flag (item) : 0;

  if (clip_article_view_get_id (self->article_view) == article_id)
    shown = clip_article_view_get_article (self->article_view);
  else if (clip_window_alerts_article_view (self) != NULL &&
           clip_article_view_get_id (clip_window_alerts_article_view (self)) == article_id)
    shown = clip_article_view_get_article (clip_window_alerts_article_view (self));
  if (shown != NULL)
    flag = shown->flag;
  show_state (self, article_id, read, flag);
  /* Its alerts are read with it (the command does both). */
  clip_window_alerts_article_read (self, article_id, read);
  if (write)
    write_article (self, clip_command_set_read (article_id, read));
  clip_window_sync_article_actions (self);
}

void
clip_window_articles_changed (ClipWindow *self)
{
  if (self->list != NULL)
    clip_article_list_refresh_state (self->list);
  clip_article_view_refresh_state (self->article_view);
  clip_window_update_counts (self);
}

/* The list's selection: shown beside it, and read. */
static void
article_selected_cb (ClipWindow *self)
{
  ClipArticleItem *item = clip_article_table_get_selected (self->table);

  clip_article_view_show (self->article_view, item ? clip_article_item_get_id (item) : 0);
  if (item != NULL && !clip_article_item_get_read (item))
    clip_window_article_read (self, clip_article_item_get_id (item), TRUE, TRUE);
  clip_window_sync_article_actions (self);
}

/* Actions */

/* The keys act on the list's selection when it has several rows. */
static gboolean
several_selected (ClipWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "archive") == 0 &&
         clip_article_table_get_n_selected (self->table) > 1;
}

static void
open_original_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  const ClipArticle *article = current_article (self);

  if (article != NULL && article->url != NULL &&
      (g_str_has_prefix (article->url, "https://") || g_str_has_prefix (article->url, "http://")))
    gtk_show_uri (GTK_WINDOW (self), article->url, GDK_CURRENT_TIME);
}

static void
toggle_flag_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  const ClipArticle *article = current_article (self);
  gint64 id;
  gint flag;

  if (article == NULL)
    return;
  /* Several rows selected: s flags them all (or unflags, as it would the
   * one shown). */
  if (several_selected (self))
    {
      clip_window_mark_selection (self, article->flag ? CLIP_MARK_UNFLAG : CLIP_MARK_FLAG, NULL);
      return;
    }
  id = article->id;
  flag = article->flag ? 0 : 1;
  show_state (self, id, article->read, flag);
  write_article (self, clip_command_set_flag (id, flag));
  clip_window_sync_article_actions (self);
}

static void
toggle_read_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  const ClipArticle *article = current_article (self);

  if (article != NULL && several_selected (self))
    clip_window_mark_selection (self, article->read ? CLIP_MARK_UNREAD : CLIP_MARK_READ, NULL);
  else if (article != NULL)
    clip_window_article_read (self, article->id, !article->read, TRUE);
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  const ClipArticle *article = current_article (self);
  g_autoptr(GArray) selected = g_array_new (FALSE, FALSE, sizeof (gint64));
  ClipExportScope scope;
  ClipExportDialog *dialog;

  if (self->store == NULL)
    return;
  /* The list's view is the scope; the article open is offered as well. */
  if (article != NULL)
    g_array_append_val (selected, article->id);
  dialog = clip_export_dialog_new (GTK_WINDOW (self), clip_store_get_path (self->store),
                                   self->toast_overlay, selected);
  clip_window_get_view_scope (self, &scope);
  clip_export_dialog_set_scope (dialog, &scope);
  clip_export_scope_clear (&scope);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
clip_window_add_article_actions (ClipWindow *self)
{
  static const GActionEntry actions[] = {
    { "open-original", open_original_activated },
    { "toggle-flag", toggle_flag_activated, NULL, "false" },
    { "toggle-read", toggle_read_activated, NULL, "false" },
    { "export", export_activated },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  g_signal_connect_object (self->table, "selection-changed", G_CALLBACK (article_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "article-changed",
                           G_CALLBACK (clip_window_sync_article_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (clip_window_sync_article_actions), self, G_CONNECT_SWAPPED);
  clip_article_view_follow_flag_button (GTK_TOGGLE_BUTTON (self->flag_button));
  clip_window_connect_article_view (self, self->article_view);
}
