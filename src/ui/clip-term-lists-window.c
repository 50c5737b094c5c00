/* clip-term-lists-window.c — editing the term lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-rule-preview.h"
#include "clip-rules-store.h"
#include "clip-store-listing.h"
#include "clip-term-lists-window.h"

struct _ClipTermListsWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkListBox      *lists_box;
  GtkWidget       *editor;
  AdwEntryRow     *name_row;
  GtkTextView     *entries_view;
  GtkLabel        *used_by;
  GtkLabel        *error_label;
  GtkWidget       *delete_button;
  GtkWidget       *save_button;

  ClipStore       *store;
  ClipCommands    *commands;
  ClipTermLists   *lists;
  char            *selected;     /* the list being edited; NULL: a new one */
  char            *saving;       /* the name being saved */
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (ClipTermListsWindow, clip_term_lists_window, ADW_TYPE_WINDOW)

enum {
  LISTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (ClipTermListsWindow *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_used_by (ClipTermListsWindow *self,
              const char          *name)
{
  g_autoptr(GArray) ids = name ? clip_store_rules_using_list (self->store, name, NULL) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(ClipRule) rule = clip_store_get_rule (self->store, g_array_index (ids, gint64, i), NULL);

      if (rule == NULL)
        continue;
      if (text->len)
        g_string_append (text, ", ");
      g_string_append (text, rule->name);
    }
  if (text->len)
    {
      g_autofree char *label = g_strdup_printf (_("Used by: %s"), text->str);

      gtk_label_set_text (self->used_by, label);
    }
  else
    gtk_label_set_text (self->used_by, name ? _("No rule uses this list yet.") : "");
  /* A list a rule uses cannot go: the rule would stop making sense. */
  gtk_widget_set_sensitive (self->delete_button, name != NULL && (ids == NULL || ids->len == 0));
}

static void
edit_list (ClipTermListsWindow *self,
           const char          *name)
{
  GPtrArray *entries = name ? g_hash_table_lookup (self->lists, name) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_free (self->selected);
  self->selected = g_strdup (name);
  for (guint i = 0; entries && i < entries->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) entries->pdata[i]);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->entries_view), text->str, -1);
  show_used_by (self, name);
  show_error (self, NULL);
  gtk_widget_set_sensitive (self->editor, TRUE);
}

static void
reload (ClipTermListsWindow *self,
        const char          *select)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  GtkWidget *child;

  g_clear_pointer (&self->lists, g_hash_table_unref);
  if ((self->lists = clip_store_load_term_lists (self->store, &error)) == NULL ||
      (names = clip_store_list_term_lists (self->store, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lists_box))) != NULL)
    gtk_list_box_remove (self->lists_box, child);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf ("@%s", names[i]);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *text = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text);
      g_object_set_data_full (G_OBJECT (row), "name", g_strdup (names[i]), g_free);
      gtk_list_box_append (self->lists_box, row);
      if (g_strcmp0 (names[i], select) == 0 || (select == NULL && i == 0))
        gtk_list_box_select_row (self->lists_box, GTK_LIST_BOX_ROW (row));
    }
  if (names[0] == NULL)
    edit_list (self, NULL);
}

static void
row_selected_cb (ClipTermListsWindow *self,
                 GtkListBoxRow       *row)
{
  if (row != NULL)
    edit_list (self, g_object_get_data (G_OBJECT (row), "name"));
}

static void
new_clicked_cb (ClipTermListsWindow *self)
{
  gtk_list_box_unselect_all (self->lists_box);
  edit_list (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
edited_cb (ClipTermListsWindow *self)
{
  show_error (self, NULL);
}

/* The entries, one a line, each checked as the rules engine reads it. */
static GStrv
read_entries (ClipTermListsWindow  *self,
              char                **message)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->entries_view);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(ClipRuleNode) node = NULL;
      g_autoptr(GError) error = NULL;
      char *entry = g_strstrip (lines[i]);

      if (*entry == '\0')
        continue;
      if ((node = clip_rule_parse_entry (entry, &error)) == NULL)
        {
          *message = g_strdup_printf (_("Line %u: %s"), i + 1, error->message);
          return NULL;
        }
      g_strv_builder_add (builder, entry);
    }
  return g_strv_builder_end (builder);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ClipTermListsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_steal_pointer (&self->saving);

  gboolean ok = clip_commands_run_finish (CLIP_COMMANDS (source), result, &error);

  /* Closed while saving: the list is saved, there is nothing to show. */
  if (self->store == NULL)
    return;
  self->busy = FALSE;
  gtk_widget_set_sensitive (self->editor, TRUE);
  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Term list saved")));
  reload (self, name);
  g_signal_emit (self, signals[LISTS_CHANGED], 0);
}

static void
save_clicked_cb (ClipTermListsWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *message = NULL;
  g_auto(GStrv) entries = NULL;
  g_autoptr(ClipCommand) command = NULL;

  if (self->busy)
    return;
  if (*name == '@')
    memmove (name, name + 1, strlen (name));
  if (*name == '\0')
    {
      show_error (self, _("A term list needs a name"));
      return;
    }
  if ((entries = read_entries (self, &message)) == NULL)
    {
      show_error (self, message);
      return;
    }
  if (entries[0] == NULL)
    {
      show_error (self, _("A term list needs at least one entry"));
      return;
    }
  self->busy = TRUE;
  g_free (self->saving);
  self->saving = g_strdup (name);
  gtk_widget_set_sensitive (self->editor, FALSE);
  command = clip_command_save_term_list (self->selected, name, (const char * const *) entries);
  clip_commands_run_async (self->commands, command, NULL, NULL, saved_cb, g_object_ref (self));
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ClipTermListsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = clip_commands_run_finish (CLIP_COMMANDS (source), result, &error);

  if (self->store == NULL)
    return;
  self->busy = FALSE;
  gtk_widget_set_sensitive (self->editor, TRUE);
  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  reload (self, NULL);
  g_signal_emit (self, signals[LISTS_CHANGED], 0);
}

static void
delete_clicked_cb (ClipTermListsWindow *self)
{
  g_autoptr(ClipCommand) command = NULL;

  if (self->selected == NULL || self->busy)
    return;
  self->busy = TRUE;
  gtk_widget_set_sensitive (self->editor, FALSE);
  command = clip_command_remove_term_list (self->selected);
  clip_commands_run_async (self->commands, command, NULL, NULL, deleted_cb, g_object_ref (self));
}

ClipTermListsWindow *
clip_term_lists_window_new (ClipStore    *store,
                            ClipCommands *commands)
{
  ClipTermListsWindow *self;

  g_return_val_if_fail (CLIP_IS_STORE (store), NULL);

  self = g_object_new (CLIP_TYPE_TERM_LISTS_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->commands = g_object_ref (commands);
  reload (self, NULL);
  return self;
}

static void
clip_term_lists_window_dispose (GObject *object)
{
  ClipTermListsWindow *self = CLIP_TERM_LISTS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CLIP_TYPE_TERM_LISTS_WINDOW);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->saving, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->commands);
  G_OBJECT_CLASS (clip_term_lists_window_parent_class)->dispose (object);
}

static void
clip_term_lists_window_class_init (ClipTermListsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clip_term_lists_window_dispose;

  signals[LISTS_CHANGED] = g_signal_new ("lists-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-term-lists-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipTermListsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClipTermListsWindow, lists_box);
  gtk_widget_class_bind_template_child (widget_class, ClipTermListsWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, ClipTermListsWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, ClipTermListsWindow, entries_view);
  gtk_widget_class_bind_template_child (widget_class, ClipTermListsWindow, used_by);
  gtk_widget_class_bind_template_child (widget_class, ClipTermListsWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClipTermListsWindow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, ClipTermListsWindow, save_button);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
clip_term_lists_window_init (ClipTermListsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
