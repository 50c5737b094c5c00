/* clip-window-bulk.c — what acts on many articles at once: the list's
 * selection (flag, tag, read, unread, export), "Mark All as Read" for
 * the view with its Undo, and the list's context menu, which offers the
 * same actions as the keys (s, m)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-export-dialog.h"
#include "clip-window-alerts.h"
#include "clip-window-private.h"

typedef struct {
  ClipWindow      *self;
  ClipArticleMark  mark;
  gboolean         undo;     /* offer to undo what the mark changed */
} Marking;

static void run_mark (ClipWindow *self, ClipCommand *command, ClipArticleMark mark, gboolean undo);

static void
undo_clicked_cb (AdwToast *toast, ClipWindow *self)
{
  ClipCommand *undo = g_object_get_data (G_OBJECT (toast), "clip-undo");

  if (undo != NULL)
    run_mark (self, clip_command_ref (undo), CLIP_MARK_UNREAD, FALSE);
}

/* "N articles marked read", with an Undo that puts back exactly the
 * articles the mark changed. */
static void
offer_undo (ClipWindow *self, ClipCommand *done)
{
  const GArray *changed = clip_command_get_changed (done);
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article marked read",
                                                         "%u articles marked read", changed->len),
                                            changed->len);
  AdwToast *toast = adw_toast_new (title);

  if (changed->len > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_timeout (toast, CLIP_WINDOW_UNDO_SECONDS);
      g_object_set_data_full (G_OBJECT (toast), "clip-undo",
                              clip_command_mark_articles ((const gint64 *) (gpointer) changed->data,
                                                          changed->len, CLIP_MARK_UNREAD, NULL),
                              (GDestroyNotify) clip_command_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
marked_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  Marking *m = data;
  g_autoptr(ClipWindow) self = m->self;
  g_autoptr(GError) error = NULL;

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), res, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        clip_window_show_error (self, _("Could not save the change"), error);
    }
  else if (m->undo)
    offer_undo (self, clip_commands_get_command (res));
  g_free (m);
  /* Rows, reading views, counts and alerts read again. */
  clip_window_articles_changed (self);
  clip_window_alerts_changed (self);
  clip_window_sync_article_actions (self);
}

static void
run_mark (ClipWindow *self, ClipCommand *command, ClipArticleMark mark, gboolean undo)
{
  g_autoptr(ClipCommand) owned = command;
  Marking *m;

  if (self->commands == NULL)
    return;
  m = g_new0 (Marking, 1);
  m->self = g_object_ref (self);
  m->mark = mark;
  m->undo = undo;
  clip_commands_run_async (self->commands, owned, NULL, clip_window_get_cancellable (self),
                           marked_cb, m);
}

void
clip_window_mark_ids (ClipWindow      *self,
                      GArray          *ids,
                      ClipArticleMark  mark,
                      const char      *text)
{
  g_return_if_fail (CLIP_IS_WINDOW (self));
  if (ids->len > 0)
    run_mark (self, clip_command_mark_articles ((const gint64 *) (gpointer) ids->data, ids->len,
                                                mark, text), mark, FALSE);
}

/* The list's selection; NULL when the list is not on screen. */
static GArray *
selected_ids (ClipWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "archive") != 0)
    return NULL;
  return clip_article_table_get_selected_ids (self->table);
}

gboolean
clip_window_mark_selection (ClipWindow      *self,
                            ClipArticleMark  mark,
                            const char      *text)
{
  g_autoptr(GArray) ids = selected_ids (self);

  if (ids == NULL || ids->len == 0)
    return FALSE;
  clip_window_mark_ids (self, ids, mark, text);
  return TRUE;
}

static void
mark_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  const char *name = g_action_get_name (G_ACTION (action));
  ClipArticleMark mark = g_str_equal (name, "selection-flag") ? CLIP_MARK_FLAG
                       : g_str_equal (name, "selection-unflag") ? CLIP_MARK_UNFLAG
                       : g_str_equal (name, "selection-read") ? CLIP_MARK_READ
                       : CLIP_MARK_UNREAD;

  clip_window_mark_selection (CLIP_WINDOW (user_data), mark, NULL);
}

static void
mark_all_read_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  g_autoptr(GArray) ids = NULL;

  if (self->list == NULL)
    return;
  /* Every article of the view, not only the rows read so far. */
  ids = clip_article_list_dup_ids (self->list);
  if (ids->len == 0)
    return;
  run_mark (self, clip_command_mark_articles ((const gint64 *) (gpointer) ids->data, ids->len,
                                              CLIP_MARK_READ, NULL), CLIP_MARK_READ, TRUE);
}

static void
export_selection_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  g_autoptr(GArray) ids = selected_ids (self);

  if (self->store != NULL && ids != NULL && ids->len > 0)
    gtk_window_present (GTK_WINDOW (clip_export_dialog_new (GTK_WINDOW (self),
                                                            clip_store_get_path (self->store),
                                                            self->toast_overlay, ids)));
}

/* Add Tag…: a name, then the selection tagged with it. */
typedef struct {
  ClipWindow *self;
  GArray     *ids;
  GtkEditable *entry;
} Tagging;

static void
tagging_free (Tagging *t)
{
  g_object_unref (t->self);
  g_array_unref (t->ids);
  g_free (t);
}

static void
tag_response_cb (AdwMessageDialog *dialog, const char *response, Tagging *t)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (t->entry)));

  if (g_strcmp0 (response, "tag") == 0 && *tag != '\0')
    clip_window_mark_ids (t->self, t->ids, CLIP_MARK_TAG, tag);
}

static void
tag_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "tag", *tag != '\0');
}

static void
tag_selection_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  g_autoptr(GArray) ids = selected_ids (self);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  Tagging *t;

  if (ids == NULL || ids->len == 0)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_set_heading (dialog, g_dngettext (GETTEXT_PACKAGE, "Tag the Article",
                                                       "Tag the Articles", ids->len));
  adw_message_dialog_format_body (dialog, g_dngettext (GETTEXT_PACKAGE,
                                                       "The tag is added to the %u selected article.",
                                                       "The tag is added to the %u selected articles.",
                                                       ids->len), ids->len);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Tag"));
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "tag", _("_Add Tag"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "tag", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "tag", FALSE);
  adw_message_dialog_set_default_response (dialog, "tag");
  adw_message_dialog_set_close_response (dialog, "cancel");
  t = g_new0 (Tagging, 1);
  t->self = g_object_ref (self);
  t->ids = g_steal_pointer (&ids);
  t->entry = GTK_EDITABLE (entry);
  g_signal_connect (entry, "changed", G_CALLBACK (tag_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (tag_response_cb), t,
                         (GClosureNotify) (void (*) (void)) tagging_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static GMenuModel *
article_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) marks = g_menu_new ();
  g_autoptr(GMenu) more = g_menu_new ();
  g_autoptr(GMenu) view = g_menu_new ();

  g_menu_append (marks, _("_Flag"), "win.selection-flag");
  g_menu_append (marks, _("_Unflag"), "win.selection-unflag");
  g_menu_append (marks, _("Mark as _Read"), "win.selection-read");
  g_menu_append (marks, _("Mark as U_nread"), "win.selection-unread");
  g_menu_append (more, _("Add _Tag…"), "win.selection-tag");
  g_menu_append (more, _("_Export Selection…"), "win.export-selection");
  g_menu_append (more, _("_Open Original"), "win.open-original");
  g_menu_append (view, _("Select _All"), "win.select-all");
  g_menu_append (view, _("Mark All as Rea_d"), "win.mark-all-read");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (marks));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (more));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (view));
  return G_MENU_MODEL (menu);
}

static void
select_all_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  clip_article_table_select_all (CLIP_WINDOW (user_data)->table);
}

void
clip_window_add_bulk_actions (ClipWindow *self)
{
  static const GActionEntry actions[] = {
    { "selection-flag", mark_activated },
    { "selection-unflag", mark_activated },
    { "selection-read", mark_activated },
    { "selection-unread", mark_activated },
    { "selection-tag", tag_selection_activated },
    { "export-selection", export_selection_activated },
    { "select-all", select_all_activated },
    { "mark-all-read", mark_all_read_activated },
  };
  g_autoptr(GMenuModel) menu = article_menu ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  clip_article_table_set_context_menu (self->table, menu);
  g_signal_connect_object (self->table, "selection-changed", G_CALLBACK (clip_window_update_subtitle),
                           self, G_CONNECT_SWAPPED);
}
