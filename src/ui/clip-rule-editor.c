/* clip-rule-editor.c — editing one rule, with a live preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "clip-a11y.h"
#include "clip-rule-editor.h"
#include "clip-rule-colors.h"
#include "clip-format.h"
#include "clip-rule-preview.h"
#include "clip-rule-parser.h"
#include "clip-store-listing.h"

struct _ClipRuleEditor
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  GtkProgressBar  *progress_bar;
  GtkWidget       *form;
  GtkLabel        *save_error;
  AdwEntryRow     *name_row;
  GtkTextView     *query_view;
  GtkLabel        *query_message;
  GtkSwitch       *enabled_switch;
  AdwComboRow     *severity_row;
  AdwComboRow     *notify_row;
  GtkColorButton  *color_button;
  GtkSpinner      *preview_spinner;
  GtkLabel        *preview_count;
  GtkListBox      *preview_list;

  ClipStore       *store;
  ClipCommands    *commands;
  gint64           rule_id;
  GtkTextTag      *error_tag;
  ClipTermLists   *lists;           /* the archive's, as of lists_version */
  gint64           lists_version;
  gboolean         query_valid;
  gboolean         saving;
  gboolean         disposed;
  guint            preview_timeout;
  GCancellable    *preview_cancellable;
};

G_DEFINE_FINAL_TYPE (ClipRuleEditor, clip_rule_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const severities[] = { "info", "important", "critical" };
static const char * const notify_modes[] = { "instant", "hourly", "daily", "none" };

static guint
index_of (const char * const *values,
          guint               n,
          const char         *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

char *
clip_rule_editor_get_query (ClipRuleEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->query_view);
  GtkTextIter start, end;

  g_return_val_if_fail (CLIP_IS_RULE_EDITOR (self), NULL);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
clip_rule_editor_set_query (ClipRuleEditor *self,
                            const char     *query)
{
  g_return_if_fail (CLIP_IS_RULE_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->query_view), query ? query : "", -1);
}

gboolean
clip_rule_editor_can_save (ClipRuleEditor *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (CLIP_IS_RULE_EDITOR (self), FALSE);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  return !self->saving && self->query_valid && *name != '\0';
}

static void
update_save (ClipRuleEditor *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), clip_rule_editor_can_save (self));
}

/* Preview */

static void
clear_preview_list (ClipRuleEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), FALSE);
}

static void
stop_preview (ClipRuleEditor *self)
{
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  gtk_spinner_stop (self->preview_spinner);
}

static GtkWidget *
preview_row (const ClipArticle *article)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (article->title && *article->title
                                                 ? article->title : _("Untitled"), -1);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  gint64 t = clip_article_time (article);

  if (t != CLIP_NO_DATE)
    when = clip_format_time_short (t, g_get_real_time () / G_USEC_PER_SEC, NULL, NULL);
  subtitle = g_markup_printf_escaped ("%s%s%s", article->outlet_name ? article->outlet_name : "",
                                      when && article->outlet_name ? " · " : "", when ? when : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  return row;
}

static void
preview_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ClipRuleEditor) self = user_data;
  g_autoptr(ClipRulePreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  preview = clip_rule_preview_finish (result, &error);
  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->preview_spinner);
  g_clear_object (&self->preview_cancellable);
  clear_preview_list (self);
  if (preview == NULL)
    {
      text = g_strdup_printf (_("Could not search the archive: %s"), error->message);
      gtk_label_set_text (self->preview_count, text);
      return;
    }
  if (preview->count == 0)
    text = g_strdup (_("No archived article matches"));
  else
    {
      g_autofree char *n = clip_format_count ((gint64) preview->count, NULL);

      /* Translators: %s is a number, with the locale's thousands separators */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s archived article matches; the newest:",
                                           "%s archived articles match; the newest:",
                                           preview->count), n);
    }
  gtk_label_set_text (self->preview_count, text);
  for (guint i = 0; i < preview->newest->len; i++)
    gtk_list_box_append (self->preview_list, preview_row (preview->newest->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), preview->newest->len > 0);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  ClipRuleEditor *self = user_data;
  g_autofree char *query = clip_rule_editor_get_query (self);

  self->preview_timeout = 0;
  self->preview_cancellable = g_cancellable_new ();
  clip_rule_preview_async (clip_store_get_path (self->store), query, self->preview_cancellable,
                           preview_done, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Checking as you type */

static void
underline_error (ClipRuleEditor *self,
                 const char     *query,
                 guint           column)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->query_view);
  glong length = g_utf8_strlen (query, -1);
  glong start = CLAMP ((glong) column - 1, 0, MAX (length - 1, 0));
  glong end = start;
  GtkTextIter from, to;

  /* The word the column points into, or at least one character. */
  while (end < length && !g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (query, end))))
    end++;
  if (end == start)
    end = MIN (start + 1, length);
  gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
  gtk_text_buffer_apply_tag (buffer, self->error_tag, &from, &to);
}

/* The term lists, read when the editor opens and again only when the
 * archive's rules version moved (a list saved in the Term Lists window,
 * another window or clippings-cli): a keystroke reads one small row, not
 * every list's every entry. */
static ClipTermLists *
current_lists (ClipRuleEditor  *self,
               GError         **error)
{
  ClipTermLists *lists;
  gint64 version;

  version = clip_store_rules_version (self->store);
  if (self->lists != NULL && version >= 0 && version == self->lists_version)
    return self->lists;
  if ((lists = clip_store_load_term_lists (self->store, error)) == NULL)
    return NULL;
  g_clear_pointer (&self->lists, g_hash_table_unref);
  self->lists = lists;
  self->lists_version = version;
  return lists;
}

/* Whether query could be saved, as clip_store_check_query() says, against
 * the lists kept. */
static gboolean
check_query (ClipRuleEditor  *self,
             const char      *query,
             guint           *column,
             GError         **error)
{
  g_autoptr(ClipRuleNode) tree = NULL;
  ClipTermLists *lists = current_lists (self, error);

  if (lists == NULL)
    return FALSE;
  tree = clip_rule_compile_tree (query, lists, column, error);
  return tree != NULL;
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
query_changed_cb (ClipRuleEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->query_view);
  g_autofree char *query = clip_rule_editor_get_query (self);
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  guint column = 0;

  stop_preview (self);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->error_tag, &start, &end);
  self->query_valid = FALSE;
  if (is_blank (query))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->query_message), FALSE);
      gtk_label_set_text (self->preview_count, _("Type a query to see the archived articles it matches."));
      clear_preview_list (self);
    }
  else if (!check_query (self, query, &column, &error))
    {
      if (column > 0)
        underline_error (self, query, column);
      gtk_label_set_text (self->query_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->query_message), TRUE);
      gtk_label_set_text (self->preview_count, _("The preview waits for a query that can be read."));
      clear_preview_list (self);
    }
  else
    {
      self->query_valid = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->query_message), FALSE);
      gtk_spinner_start (self->preview_spinner);
      self->preview_timeout = g_timeout_add (CLIP_RULE_EDITOR_PREVIEW_DELAY_MS,
                                             preview_timeout_cb, self);
    }
  update_save (self);
}

static void
name_changed_cb (ClipRuleEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);
  update_save (self);
}

/* Saving */

static ClipRule *
rule_from_form (ClipRuleEditor *self)
{
  ClipRule *rule = clip_rule_new ();
  GdkRGBA rgba;

  rule->id = self->rule_id;
  rule->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  rule->query = clip_rule_editor_get_query (self);
  rule->enabled = gtk_switch_get_active (self->enabled_switch);
  rule->severity = g_strdup (severities[MIN (adw_combo_row_get_selected (self->severity_row), 2)]);
  rule->notify = g_strdup (notify_modes[MIN (adw_combo_row_get_selected (self->notify_row), 3)]);
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  rule->color = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + .5),
                                 (int) (rgba.green * 255 + .5), (int) (rgba.blue * 255 + .5));
  return rule;
}

static void
set_saving (ClipRuleEditor *self,
            gboolean        saving)
{
  self->saving = saving;
  gtk_widget_set_sensitive (self->form, !saving);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), saving);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  update_save (self);
}

static void
save_progress (guint64  done,
               guint64  total,
               gpointer user_data)
{
  ClipRuleEditor *self = user_data;

  if (!self->disposed && total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ClipRuleEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  ClipCommand *command = clip_commands_get_command (result);
  guint64 matched = clip_command_get_n_matched (command);
  gint64 id = clip_command_get_id (command);

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), result, &error))
    id = 0;
  if (self->disposed)
    return;
  set_saving (self, FALSE);
  if (id == 0)
    {
      gtk_label_set_text (self->save_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
      return;
    }
  self->rule_id = id;
  g_signal_emit (self, signals[SAVED], 0, id, matched);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ClipRuleEditor *self)
{
  g_autoptr(ClipRule) rule = NULL;
  g_autoptr(ClipCommand) command = NULL;
  g_autoptr(ClipProgress) progress = NULL;

  if (!clip_rule_editor_can_save (self))
    return;
  rule = rule_from_form (self);
  command = clip_command_save_rule (rule);
  progress = clip_progress_new (save_progress, g_object_ref (self), g_object_unref, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);
  set_saving (self, TRUE);
  /* Not cancelled with the window: a rule saved is applied to the end. */
  clip_commands_run_async (self->commands, command, progress, NULL, save_done,
                           g_object_ref (self));
}

/* Construction */

static void
set_rule (ClipRuleEditor *self,
          const ClipRule *rule)
{
  GdkRGBA rgba;

  self->rule_id = rule ? rule->id : 0;
  adw_window_title_set_title (self->window_title,
                              self->rule_id ? _("Edit Rule") : _("New Rule"));
  gtk_window_set_title (GTK_WINDOW (self), self->rule_id ? _("Edit Rule") : _("New Rule"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rule && rule->name ? rule->name : "");
  gtk_switch_set_active (self->enabled_switch, rule ? rule->enabled : TRUE);
  adw_combo_row_set_selected (self->severity_row,
                              index_of (severities, G_N_ELEMENTS (severities), rule ? rule->severity : NULL));
  adw_combo_row_set_selected (self->notify_row,
                              index_of (notify_modes, G_N_ELEMENTS (notify_modes), rule ? rule->notify : NULL));
  if (rule == NULL || rule->color == NULL || !gdk_rgba_parse (&rgba, rule->color))
    {
      /* A new rule: the palette's farthest from the other rules' colours. */
      g_autoptr(GError) error = NULL;
      g_autofree char *color = self->store ? clip_store_next_rule_color (self->store, &error) : NULL;

      if (color == NULL || !gdk_rgba_parse (&rgba, color))
        gdk_rgba_parse (&rgba, clip_rule_palette[0]);
    }
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  clip_rule_editor_set_query (self, rule ? rule->query : "");
  query_changed_cb (self);
}

ClipRuleEditor *
clip_rule_editor_new (ClipStore      *store,
                      ClipCommands   *commands,
                      const ClipRule *rule)
{
  ClipRuleEditor *self;

  g_return_val_if_fail (CLIP_IS_STORE (store), NULL);

  self = g_object_new (CLIP_TYPE_RULE_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->commands = g_object_ref (commands);
  /* Read once here; a failure shows as the query's message when checked. */
  current_lists (self, NULL);
  set_rule (self, rule);
  return self;
}

static void
clip_rule_editor_dispose (GObject *object)
{
  ClipRuleEditor *self = CLIP_RULE_EDITOR (object);

  self->disposed = TRUE;
  stop_preview (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLIP_TYPE_RULE_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->commands);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  G_OBJECT_CLASS (clip_rule_editor_parent_class)->dispose (object);
}

static void
save_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param);

static void
clip_rule_editor_class_init (ClipRuleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clip_rule_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT64);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-rule-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, form);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, save_error);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, query_view);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, query_message);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, severity_row);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, notify_row);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, color_button);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, preview_count);
  gtk_widget_class_bind_template_child (widget_class, ClipRuleEditor, preview_list);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
save_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  save_clicked_cb (CLIP_RULE_EDITOR (widget));
}

static void
clip_rule_editor_init (ClipRuleEditor *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  clip_a11y_name_internals (GTK_WIDGET (self->color_button));
  buffer = gtk_text_view_get_buffer (self->query_view);
  self->error_tag = gtk_text_buffer_create_tag (buffer, "error",
                                                "underline", PANGO_UNDERLINE_ERROR,
                                                "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1 },
                                                "background-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 0.15 },
                                                NULL);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);
}
