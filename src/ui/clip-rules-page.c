/* clip-rules-page.c — the rules, as a list to manage them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "clip-rule-editor.h"
#include "clip-format.h"
#include "clip-rule-preview.h"
#include "clip-rule-style.h"
#include "clip-a11y.h"
#include "clip-rules-page.h"
#include "clip-rules-store.h"
#include "clip-store-listing.h"
#include "clip-term-lists-window.h"

struct _ClipRulesPage
{
  AdwBin           parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *title;
  GtkStack        *content_stack;
  GtkListBox      *rules_list;
  GtkScrolledWindow *scroller;
  gboolean         narrow;

  ClipStore       *store;
  ClipCommands    *commands;
  GPtrArray       *rules;            /* ClipRule*, as listed */
  GArray          *pending_deletes;  /* gint64: hidden, deleted when the toast goes */
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (ClipRulesPage, clip_rules_page, ADW_TYPE_BIN)

enum {
  BACK,
  RULES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
clip_rules_page_new (void)
{
  return g_object_new (CLIP_TYPE_RULES_PAGE, NULL);
}

static void
show_toast (ClipRulesPage *self,
            const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
show_error (ClipRulesPage *self,
            const char    *what,
            const GError  *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  show_toast (self, message);
}

static ClipRule *
find_rule (ClipRulesPage *self,
           gint64         id)
{
  for (guint i = 0; self->rules && i < self->rules->len; i++)
    if (((ClipRule *) self->rules->pdata[i])->id == id)
      return self->rules->pdata[i];
  return NULL;
}

static gboolean
is_pending_delete (ClipRulesPage *self,
                   gint64         id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
changed (ClipRulesPage *self)
{
  clip_rules_page_reload (self);
  g_signal_emit (self, signals[RULES_CHANGED], 0);
}

/* Switching a rule on or off */

static void
toggled_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ClipRulesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Could not switch the rule"), error);
  if (!g_cancellable_is_cancelled (self->cancellable))
    changed (self);
}

static gboolean
switch_state_set_cb (GtkSwitch     *sw,
                     gboolean       state,
                     ClipRulesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (sw), "rule-id"));
  ClipRule *rule = find_rule (self, id);
  g_autoptr(ClipRule) copy = NULL;
  g_autoptr(ClipCommand) command = NULL;

  if (rule == NULL || rule->enabled == state || self->commands == NULL)
    return FALSE;
  copy = clip_rule_copy (rule);
  copy->enabled = state;
  command = clip_command_save_rule (copy);
  /* Switched on again: matched anew, which can take a moment. */
  gtk_widget_set_sensitive (GTK_WIDGET (sw), FALSE);
  clip_commands_run_async (self->commands, command, NULL, self->cancellable, toggled_done,
                           g_object_ref (self));
  return FALSE;
}

/* Rows */

static GMenuModel *
row_menu (gint64 id)
{
  GMenu *menu = g_menu_new ();
  const struct { const char *label, *action; } items[] = {
    { N_("_Edit…"), "rules.edit" },
    { N_("_Duplicate…"), "rules.duplicate" },
    { N_("_Delete"), "rules.delete" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_int64 (id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

/* On a phone the rule's name needs the row: severity and notification
 * mode (also in the editor) step aside. */
#define CLIP_RULES_PAGE_NARROW 520

static void
show_wide_only (GtkWidget *widget,
                gboolean   visible)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (g_object_get_data (G_OBJECT (c), "clip-wide-only"))
        gtk_widget_set_visible (c, visible);
      else
        show_wide_only (c, visible);
    }
}

static gboolean
apply_narrow_cb (gpointer user_data)
{
  ClipRulesPage *self = user_data;

  show_wide_only (GTK_WIDGET (self->rules_list), !self->narrow);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
page_size_cb (GtkAdjustment *adjustment,
              GParamSpec    *pspec,
              ClipRulesPage *self)
{
  double width = gtk_adjustment_get_page_size (adjustment);
  gboolean narrow = width > 0 && width < CLIP_RULES_PAGE_NARROW;

  /* Not while the page is being allocated: in an idle. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      g_idle_add (apply_narrow_cb, g_object_ref (self));
    }
}

static GtkWidget *
rule_row (ClipRulesPage  *self,
          const ClipRule *rule)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = g_markup_escape_text (rule->name, -1);
  g_autofree char *query = g_markup_escape_text (rule->query, -1);
  g_autofree char *n = clip_format_count (rule->match_count, NULL);
  /* Translators: %s is a number, with the locale's thousands separators */
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s match", "%s matches",
                                                         rule->match_count), n);
  g_autoptr(GMenuModel) menu = row_menu (rule->id);
  GtkWidget *label, *box, *sw, *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), query);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "rule-id", GSIZE_TO_POINTER ((gsize) rule->id));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), clip_rule_color_dot (rule->color));

  label = clip_rule_severity_chip (rule->severity);
  g_object_set_data (G_OBJECT (label), "clip-wide-only", GINT_TO_POINTER (TRUE));
  gtk_widget_set_visible (label, !self->narrow);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  /* Count over notification mode, in one column: side by side they made
   * the row wider than a phone. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  label = gtk_label_new (count);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (clip_rule_notify_label (rule->notify));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (label), "clip-wide-only", GINT_TO_POINTER (TRUE));
  gtk_widget_set_visible (label, !self->narrow);
  gtk_box_append (GTK_BOX (box), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  sw = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (sw), rule->enabled);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (sw, _("Active"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rule->name, -1);
  g_object_set_data (G_OBJECT (sw), "rule-id", GSIZE_TO_POINTER ((gsize) rule->id));
  g_signal_connect_object (sw, "state-set", G_CALLBACK (switch_state_set_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("More"));
  {
    /* Translators: %s is a rule's name: its menu's button, for a screen reader */
    g_autofree char *more = g_strdup_printf (_("More for “%s”"), rule->name);

    clip_a11y_name_menu_button (button, more);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

void
clip_rules_page_reload (ClipRulesPage *self)
{
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *child;
  guint shown = 0;

  g_return_if_fail (CLIP_IS_RULES_PAGE (self));

  if (self->store == NULL)
    return;
  if ((rules = clip_store_list_rules (self->store, &error)) == NULL)
    {
      show_error (self, _("Could not read the rules"), error);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list))) != NULL)
    gtk_list_box_remove (self->rules_list, child);
  for (guint i = 0; i < rules->len; i++)
    {
      const ClipRule *rule = rules->pdata[i];

      if (is_pending_delete (self, rule->id))
        continue;
      gtk_list_box_append (self->rules_list, rule_row (self, rule));
      shown++;
    }
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  self->rules = g_steal_pointer (&rules);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rule", "%u rules", shown), shown);
  adw_window_title_set_subtitle (self->title, shown ? subtitle : NULL);
  gtk_stack_set_visible_child_name (self->content_stack, shown ? "list" : "empty");
}

void
clip_rules_page_set_store (ClipRulesPage *self,
                           ClipStore     *store)
{
  g_return_if_fail (CLIP_IS_RULES_PAGE (self));

  g_set_object (&self->store, store);
  clip_rules_page_reload (self);
}

void
clip_rules_page_set_commands (ClipRulesPage *self,
                              ClipCommands  *commands)
{
  g_return_if_fail (CLIP_IS_RULES_PAGE (self));

  g_set_object (&self->commands, commands);
}

/* Editing */

static void
saved_cb (ClipRuleEditor *editor,
          gint64          id,
          guint64         matched,
          ClipRulesPage  *self)
{
  g_autofree char *n = clip_format_count ((gint64) matched, NULL);
  /* Translators: %s is a number, with the locale's thousands separators */
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Rule saved: %s archived article matches",
                                                           "Rule saved: %s archived articles match",
                                                           matched), n);

  show_toast (self, message);
  changed (self);
}

static void
open_editor (ClipRulesPage  *self,
             const ClipRule *rule)
{
  ClipRuleEditor *editor;
  GtkRoot *root;

  if (self->commands == NULL)
    return;
  editor = clip_rule_editor_new (self->store, self->commands, rule);
  root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

void
clip_rules_page_edit (ClipRulesPage *self,
                      gint64         rule_id)
{
  ClipRule *rule;

  g_return_if_fail (CLIP_IS_RULES_PAGE (self));

  if (self->store == NULL)
    return;
  rule = rule_id ? find_rule (self, rule_id) : NULL;
  if (rule_id == 0 || rule != NULL)
    open_editor (self, rule);
}

static void
row_activated_cb (ClipRulesPage *self,
                  GtkListBoxRow *row)
{
  clip_rules_page_edit (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "rule-id")));
}

static void
duplicate (ClipRulesPage *self,
           gint64         rule_id)
{
  ClipRule *rule = find_rule (self, rule_id);
  ClipRule copy;

  if (rule == NULL)
    return;
  copy = *rule;
  copy.id = 0;
  /* Translators: the name proposed for a copy of a rule */
  copy.name = g_strdup_printf (_("%s (copy)"), rule->name);
  open_editor (self, &copy);
  g_free (copy.name);
}

/* Deleting, with undo */

static void
forget_pending (ClipRulesPage *self,
                gint64         id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == id)
      {
        g_array_remove_index (self->pending_deletes, i);
        return;
      }
}

static void
removed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ClipRulesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), result, &error))
    show_error (self, _("Could not delete the rule"), error);
  changed (self);
}

static void
undo_clicked_cb (AdwToast      *toast,
                 ClipRulesPage *self)
{
  forget_pending (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "rule-id")));
  clip_rules_page_reload (self);
}

/* callback NULL: nobody waits (the page is going away). */
static void
remove_rule (ClipRulesPage      *self,
             gint64              rule_id,
             GAsyncReadyCallback callback,
             gpointer            user_data)
{
  g_autoptr(ClipCommand) command = clip_command_remove_rule (rule_id);

  clip_commands_run_async (self->commands, command, NULL, NULL, callback, user_data);
}

static void
toast_dismissed_cb (AdwToast      *toast,
                    ClipRulesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "rule-id"));

  if (!is_pending_delete (self, id))
    return;
  forget_pending (self, id);
  remove_rule (self, id, removed_cb, g_object_ref (self));
}

static void
delete_rule (ClipRulesPage *self,
             gint64         rule_id)
{
  ClipRule *rule = find_rule (self, rule_id);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (rule == NULL || is_pending_delete (self, rule_id))
    return;
  g_array_append_val (self->pending_deletes, rule_id);
  name = g_markup_escape_text (rule->name, -1);
  title = g_strdup_printf (_("“%s” deleted"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, CLIP_RULES_PAGE_UNDO_SECONDS);
  g_object_set_data (G_OBJECT (toast), "rule-id", GSIZE_TO_POINTER ((gsize) rule_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  clip_rules_page_reload (self);
}

/* Actions */

static void
rule_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  ClipRulesPage *self = CLIP_RULES_PAGE (widget);
  gint64 id = param ? g_variant_get_int64 (param) : 0;

  if (g_str_equal (action, "rules.add"))
    clip_rules_page_edit (self, 0);
  else if (g_str_equal (action, "rules.edit"))
    clip_rules_page_edit (self, id);
  else if (g_str_equal (action, "rules.duplicate"))
    duplicate (self, id);
  else if (g_str_equal (action, "rules.delete"))
    delete_rule (self, id);
}

static void
term_lists_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  ClipRulesPage *self = CLIP_RULES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window;

  if (self->store == NULL || self->commands == NULL)
    return;
  window = GTK_WINDOW (clip_term_lists_window_new (self->store, self->commands));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (window, GTK_WINDOW (root));
  g_signal_connect_object (window, "lists-changed", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (window);
}

static void
back_clicked_cb (ClipRulesPage *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
clip_rules_page_dispose (GObject *object)
{
  ClipRulesPage *self = CLIP_RULES_PAGE (object);

  /* Deletes the undo toast still offered: going away is not an undo. The
   * writer does it after the page has gone; the main thread never waits. */
  for (guint i = 0; self->commands && i < self->pending_deletes->len; i++)
    remove_rule (self, g_array_index (self->pending_deletes, gint64, i), NULL, NULL);
  g_array_set_size (self->pending_deletes, 0);
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->commands);
  G_OBJECT_CLASS (clip_rules_page_parent_class)->dispose (object);
}

static void
clip_rules_page_finalize (GObject *object)
{
  ClipRulesPage *self = CLIP_RULES_PAGE (object);

  g_array_unref (self->pending_deletes);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (clip_rules_page_parent_class)->finalize (object);
}

static void
clip_rules_page_class_init (ClipRulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clip_rules_page_dispose;
  object_class->finalize = clip_rules_page_finalize;

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[RULES_CHANGED] = g_signal_new ("rules-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-rules-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipRulesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClipRulesPage, title);
  gtk_widget_class_bind_template_child (widget_class, ClipRulesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ClipRulesPage, rules_list);
  gtk_widget_class_bind_template_child (widget_class, ClipRulesPage, scroller);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_install_action (widget_class, "rules.add", NULL, rule_action);
  gtk_widget_class_install_action (widget_class, "rules.edit", "x", rule_action);
  gtk_widget_class_install_action (widget_class, "rules.duplicate", "x", rule_action);
  gtk_widget_class_install_action (widget_class, "rules.delete", "x", rule_action);
  gtk_widget_class_install_action (widget_class, "rules.term-lists", NULL, term_lists_action);
}

static void
clip_rules_page_init (ClipRulesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pending_deletes = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (page_size_cb), self, 0);
}
