/* clip-window-sources.c — what the sidebar's context menus do to the
 * sources: an outlet (refresh, properties, stop or resume fetching,
 * remove), a rule (its alerts read), a tag (rename, remove), and the
 * Tags section's rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-outlet-dialog.h"
#include "clip-window-alerts.h"
#include "clip-window-private.h"

void
clip_window_reload_tags (ClipWindow *self)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!(tags = clip_store_list_tags (self->store, &error)))
    {
      g_warning ("Could not read the tags: %s", error->message);
      return;
    }
  clip_sidebar_set_tags (self->sidebar, tags);
}

typedef struct {
  ClipWindow *self;
  char       *select_tag;   /* the tag to show once done, or NULL */
  gboolean    tags;         /* the tags changed: a tag's view may be gone */
  const char *failure;
} Change;

static void
changed_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  Change *c = data;
  g_autoptr(ClipWindow) self = c->self;
  g_autoptr(GError) error = NULL;

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), res, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    clip_window_show_error (self, c->failure, error);
  clip_window_reload_tags (self);
  if (c->select_tag)
    clip_sidebar_select_tag (self->sidebar, c->select_tag);
  if (c->tags)
    clip_window_apply_view (self);
  clip_window_articles_changed (self);
  clip_window_alerts_changed (self);
  g_free (c->select_tag);
  g_free (c);
}

static void
run_change (ClipWindow *self, ClipCommand *command, gboolean tags, const char *select_tag,
            const char *failure)
{
  g_autoptr(ClipCommand) owned = command;
  Change *c;

  if (self->commands == NULL)
    return;
  c = g_new0 (Change, 1);
  c->self = g_object_ref (self);
  c->select_tag = g_strdup (select_tag);
  c->tags = tags;
  c->failure = failure;
  clip_commands_run_async (self->commands, owned, NULL, clip_window_get_cancellable (self),
                           changed_cb, c);
}

/* Outlets */

static void
outlet_done_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(ClipWindow) self = data;
  g_autoptr(GError) error = NULL;

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), res, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    clip_window_show_error (self, _("Could not change the outlet"), error);
  clip_window_outlets_changed (self);
}

static void
outlet_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  const char *name = g_action_get_name (G_ACTION (action));
  gint64 id = g_variant_get_int64 (param);
  g_autoptr(ClipCommand) command = NULL;

  if (g_str_equal (name, "remove-outlet"))
    {
      if (self->removal != NULL)
        clip_outlet_removal_ask (self->removal, GTK_WINDOW (self), id);
      return;
    }
  if (g_str_equal (name, "refresh-outlet"))
    {
      if (self->service != NULL)
        clip_service_refresh_outlet (self->service, id);
      return;
    }
  if (g_str_equal (name, "edit-outlet"))
    {
      clip_window_edit_outlet (self, id);
      return;
    }
  command = clip_command_set_outlet_enabled (id, g_str_equal (name, "resume-outlet"));
  if (self->commands != NULL)
    clip_commands_run_async (self->commands, command, NULL, clip_window_get_cancellable (self),
                             outlet_done_cb, g_object_ref (self));
}

void
clip_window_edit_outlet (ClipWindow *self,
                         gint64      outlet_id)
{
  g_autoptr(GError) error = NULL;
  ClipOutletDialog *dialog;

  if (self->commands == NULL || self->store == NULL)
    return;
  if (!(dialog = clip_outlet_dialog_new (self->store, self->commands, outlet_id, &error)))
    {
      clip_window_show_error (self, _("Could not read the outlet"), error);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  clip_outlet_dialog_set_removal (dialog, self->removal);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (clip_window_outlets_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rules */

static void
read_rule_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);

  run_change (self, clip_command_read_rule_alerts (g_variant_get_int64 (param)), FALSE, NULL,
              _("Could not mark the rule’s articles read"));
}

/* Tags */

typedef struct {
  ClipWindow  *self;
  char        *tag;
  GtkEditable *entry;
} TagQuestion;

static void
tag_question_free (TagQuestion *q)
{
  g_object_unref (q->self);
  g_free (q->tag);
  g_free (q);
}

static void
rename_response_cb (AdwMessageDialog *dialog, const char *response, TagQuestion *q)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (q->entry)));
  gboolean shown = g_strcmp0 (clip_sidebar_get_selected_tag (q->self->sidebar), q->tag) == 0;

  if (g_strcmp0 (response, "rename") == 0 && *name != '\0' && g_strcmp0 (name, q->tag) != 0)
    run_change (q->self, clip_command_rename_tag (q->tag, name), TRUE, shown ? name : NULL,
                _("Could not rename the tag"));
}

static void
rename_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *name != '\0');
}

static AdwMessageDialog *
tag_dialog (ClipWindow *self, const char *tag, TagQuestion **question)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  TagQuestion *q = g_new0 (TagQuestion, 1);

  q->self = g_object_ref (self);
  q->tag = g_strdup (tag);
  *question = q;
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_default_response (dialog, "cancel");
  return dialog;
}

static void
rename_tag_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  const char *tag = g_variant_get_string (param, NULL);
  TagQuestion *q;
  AdwMessageDialog *dialog = tag_dialog (self, tag, &q);
  GtkWidget *entry = gtk_entry_new ();

  /* Translators: %s is a tag */
  adw_message_dialog_format_heading (dialog, _("Rename “%s”"), tag);
  adw_message_dialog_set_body (dialog, _("Every article with the tag gets the new name. A name "
                                         "already in use joins the two tags."));
  gtk_editable_set_text (GTK_EDITABLE (entry), tag);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  q->entry = GTK_EDITABLE (entry);
  g_signal_connect (entry, "changed", G_CALLBACK (rename_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (rename_response_cb), q,
                         (GClosureNotify) (void (*) (void)) tag_question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
remove_response_cb (AdwMessageDialog *dialog, const char *response, TagQuestion *q)
{
  if (g_strcmp0 (response, "remove") == 0)
    run_change (q->self, clip_command_delete_tag (q->tag), TRUE, NULL, _("Could not remove the tag"));
}

static void
remove_tag_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  const char *tag = g_variant_get_string (param, NULL);
  TagQuestion *q;
  AdwMessageDialog *dialog = tag_dialog (self, tag, &q);

  /* Translators: %s is a tag */
  adw_message_dialog_format_heading (dialog, _("Remove the Tag “%s”?"), tag);
  adw_message_dialog_set_body (dialog, _("The tag is taken off every article that has it; the "
                                         "articles stay."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove Tag"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_response_cb), q,
                         (GClosureNotify) (void (*) (void)) tag_question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
clip_window_add_source_actions (ClipWindow *self)
{
  static const GActionEntry actions[] = {
    { "edit-outlet", outlet_activated, "x" },
    { "refresh-outlet", outlet_activated, "x" },
    { "stop-outlet", outlet_activated, "x" },
    { "resume-outlet", outlet_activated, "x" },
    { "remove-outlet", outlet_activated, "x" },
    { "read-rule", read_rule_activated, "x" },
    { "rename-tag", rename_tag_activated, "s" },
    { "remove-tag", remove_tag_activated, "s" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}
