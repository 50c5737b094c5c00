/* clip-term-lists-window.c — editing the term lists
 *
 * What is typed is checked as it is typed, every mistake at once (the
 * name, then each line the rule language cannot read). Edits not saved
 * are kept when another list is opened (the list says "unsaved") and
 * asked about when the window closes. A list a rule uses cannot be
 * deleted, and the window says which rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-rule-parser.h"
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
  GHashTable      *drafts;       /* list name ("" for a new one) → Draft */
  gboolean         busy;
  gboolean         loading;      /* edit_list is filling the editor */
  gboolean         closing;      /* the unsaved edits were let go */
  gboolean         reloading;    /* reload is selecting a row */
};

/* Edits to a list, kept while another is open. */
typedef struct {
  char *name;
  char *entries;
} Draft;

static void
draft_free (Draft *draft)
{
  g_free (draft->name);
  g_free (draft->entries);
  g_free (draft);
}

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

/* Who uses the list, and so why it cannot be deleted. */
static void
show_used_by (ClipTermListsWindow *self,
              const char          *name)
{
  g_autoptr(GArray) ids = name ? clip_store_rules_using_list (self->store, name, NULL) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *why = NULL;

  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(ClipRule) rule = clip_store_get_rule (self->store, g_array_index (ids, gint64, i), NULL);

      if (rule != NULL)
        g_ptr_array_add (names, g_strdup_printf ("“%s”", rule->name));
    }
  if (names->len)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (", ", (char **) names->pdata);
      /* Translators: the first %s is rule names in quotes, the second the list's name */
      why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Used by the rule %s. It can be deleted once no rule uses it: "
                                          "take @%s out of that rule first.",
                                          "Used by the rules %s. It can be deleted once no rule uses it: "
                                          "take @%s out of those rules first.", names->len - 1),
                             joined, name);
      gtk_label_set_text (self->used_by, why);
    }
  else
    gtk_label_set_text (self->used_by, name ? _("No rule uses this list yet.") : "");
  /* A list a rule uses cannot go: the rule would stop making sense. */
  gtk_widget_set_sensitive (self->delete_button, name != NULL && names->len == 0);
  gtk_widget_set_tooltip_text (self->delete_button, why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why ? why : "", -1);
}

static char *
entries_text (ClipTermListsWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->entries_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The list as saved, as the editor shows it. */
static char *
saved_entries (ClipTermListsWindow *self, const char *name)
{
  GPtrArray *entries = name ? g_hash_table_lookup (self->lists, name) : NULL;
  GString *text = g_string_new (NULL);

  for (guint i = 0; entries && i < entries->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) entries->pdata[i]);
  return g_string_free (text, FALSE);
}

/* Whether the editor differs from the list as saved. */
static gboolean
is_dirty (ClipTermListsWindow *self)
{
  g_autofree char *entries = entries_text (self);
  g_autofree char *saved = saved_entries (self, self->selected);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  return !g_str_equal (name, self->selected ? self->selected : "") || !g_str_equal (entries, saved);
}

/* The name: a term list's name as the rule language reads "@name". */
static char *
check_name (ClipTermListsWindow *self, const char *name, gboolean all)
{
  g_autofree char *query = g_strconcat ("@", name, NULL);
  g_autoptr(ClipRuleNode) node = NULL;
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    return all ? g_strdup (_("A term list needs a name")) : NULL;
  if (g_strcmp0 (name, self->selected) != 0 && g_hash_table_contains (self->lists, name))
    return g_strdup_printf (_("There is already a term list named “%s”"), name);
  node = clip_rule_parse (query, NULL, &error);
  if (node == NULL || node->kind != CLIP_RULE_NODE_LIST || g_strcmp0 (node->name, name) != 0)
    return g_strdup (_("A term list’s name is made of letters, digits, “_”, “-” and “.”"));
  return NULL;
}

static char *
clean_name (ClipTermListsWindow *self)
{
  char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (*name == '@')
    memmove (name, name + 1, strlen (name));
  return name;
}

/* Every mistake in what is typed, one a line, or NULL; with all, also
 * what is still missing (a name, an entry), which is not a mistake while
 * one is typing. entries receives the entries when there is none. */
static char *
check (ClipTermListsWindow *self, gboolean all, GStrv *entries)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *name = clean_name (self);
  g_autofree char *text = entries_text (self);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  char *problem = check_name (self, name, all);
  guint n = 0;

  if (problem)
    g_ptr_array_add (problems, problem);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(ClipRuleNode) node = NULL;
      g_autoptr(GError) error = NULL;
      char *entry = g_strstrip (lines[i]);

      if (*entry == '\0')
        continue;
      if ((node = clip_rule_parse_entry (entry, &error)) == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("Line %u: %s"), i + 1, error->message));
      g_strv_builder_add (builder, entry);
      n++;
    }
  if (n == 0 && all)
    g_ptr_array_add (problems, g_strdup (_("A term list needs at least one entry")));
  if (problems->len == 0)
    {
      if (entries)
        *entries = g_strv_builder_end (builder);
      return NULL;
    }
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("\n", (char **) problems->pdata);
}

/* The row of the list name ("" for a new one) says whether it has edits
 * not saved. */
static void
mark_rows (ClipTermListsWindow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lists_box)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *name = g_object_get_data (G_OBJECT (row), "name");
      GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      g_autofree char *text = NULL;

      if (name == NULL || !GTK_IS_LABEL (label))
        continue;
      if (g_hash_table_contains (self->drafts, name))
        /* Translators: a term list's name, and that it has edits not saved */
        text = g_strdup_printf (_("@%s (unsaved)"), name);
      else
        text = g_strdup_printf ("@%s", name);
      gtk_label_set_text (GTK_LABEL (label), text);
    }
}

/* Keeps the editor's edits of the list open, if any. */
static void
keep_draft (ClipTermListsWindow *self)
{
  const char *key = self->selected ? self->selected : "";
  Draft *draft;

  if (!is_dirty (self))
    {
      g_hash_table_remove (self->drafts, key);
      return;
    }
  draft = g_new0 (Draft, 1);
  draft->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  draft->entries = entries_text (self);
  g_hash_table_replace (self->drafts, g_strdup (key), draft);
}

static void edited_cb (ClipTermListsWindow *self);

static void
edit_list (ClipTermListsWindow *self,
           const char          *name)
{
  Draft *draft = g_hash_table_lookup (self->drafts, name ? name : "");
  g_autofree char *saved = saved_entries (self, name);

  g_free (self->selected);
  self->selected = g_strdup (name);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), draft ? draft->name : name ? name : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->entries_view),
                            draft ? draft->entries : saved, -1);
  self->loading = FALSE;
  show_used_by (self, name);
  edited_cb (self);
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
  self->reloading = TRUE;
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
  self->reloading = FALSE;
  if (names[0] == NULL)
    edit_list (self, NULL);
  mark_rows (self);
}

static void
row_selected_cb (ClipTermListsWindow *self,
                 GtkListBoxRow       *row)
{
  if (row == NULL || self->loading)
    return;
  if (!self->reloading)
    keep_draft (self);
  edit_list (self, g_object_get_data (G_OBJECT (row), "name"));
  mark_rows (self);
}

static void
new_clicked_cb (ClipTermListsWindow *self)
{
  keep_draft (self);
  self->loading = TRUE;
  gtk_list_box_unselect_all (self->lists_box);
  self->loading = FALSE;
  edit_list (self, NULL);
  mark_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
edited_cb (ClipTermListsWindow *self)
{
  g_autofree char *problems = NULL;
  gboolean dirty;

  if (self->loading || self->lists == NULL)
    return;
  problems = check (self, FALSE, NULL);
  dirty = is_dirty (self);
  {
    g_autofree char *name = clean_name (self);
    g_autofree char *name_problem = check_name (self, name, FALSE);

    if (name_problem)
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  }
  show_error (self, problems);
  gtk_widget_set_sensitive (self->save_button, problems == NULL && (dirty || self->selected == NULL));
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
  g_hash_table_remove (self->drafts, self->selected ? self->selected : "");
  g_free (self->selected);
  self->selected = NULL;
  reload (self, name);
  g_signal_emit (self, signals[LISTS_CHANGED], 0);
}

static void
save_clicked_cb (ClipTermListsWindow *self)
{
  g_autofree char *name = clean_name (self);
  g_autofree char *message = NULL;
  g_auto(GStrv) entries = NULL;
  g_autoptr(ClipCommand) command = NULL;

  if (self->busy)
    return;
  if ((message = check (self, TRUE, &entries)) != NULL)
    {
      show_error (self, message);
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
  g_hash_table_remove (self->drafts, self->selected ? self->selected : "");
  g_free (self->selected);
  self->selected = NULL;
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

static void
close_response_cb (ClipTermListsWindow *self,
                   const char          *response)
{
  if (!g_str_equal (response, "discard"))
    return;
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Edits not saved are asked about, not lost. */
static gboolean
close_request_cb (ClipTermListsWindow *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL, *body = NULL;
  GHashTableIter iter;
  gpointer key;
  GtkWidget *dialog;

  if (self->closing || self->store == NULL || self->lists == NULL)
    return FALSE;
  keep_draft (self);
  if (g_hash_table_size (self->drafts) == 0)
    return FALSE;
  mark_rows (self);
  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, *(char *) key ? g_strdup_printf ("@%s", (char *) key) : g_strdup (_("a new list")));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (", ", (char **) names->pdata);
  /* Translators: %s is term list names, such as @russia_terms, @georgia_terms */
  body = g_strdup_printf (_("The changes to %s are not saved."), joined);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
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
  g_clear_pointer (&self->drafts, g_hash_table_unref);
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
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) draft_free);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->entries_view), "changed",
                            G_CALLBACK (edited_cb), self);
}
