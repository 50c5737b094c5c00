/* clip-alerts-view.c — the alert inbox, grouped by rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "clip-alert.h"
#include "clip-format.h"
#include "clip-alerts-view.h"
#include "clip-article-view.h"
#include "clip-pane.h"
#include "clip-rule-preview.h"
#include "clip-rule-style.h"
#include "clip-rules-store.h"
#include "clip-store-listing.h"

struct _ClipAlertsView
{
  AdwBin           parent_instance;

  AdwLeaflet      *leaflet;
  ClipPane        *list_pane;
  GtkWidget       *article_pane;
  GtkWidget       *flag_button;
  AdwWindowTitle  *title;
  GtkWidget       *mark_all_button;
  GtkToggleButton *unread_toggle;
  GtkRevealer     *filter_revealer;
  GtkLabel        *filter_label;
  GtkStack        *content_stack;
  AdwStatusPage   *empty_page;
  GtkBox          *groups_box;
  ClipArticleView *article_view;

  ClipStore       *store;
  ClipCommands    *commands;
  gint64           rule_filter;
  gint64           unread;
  GHashTable      *expanded;      /* rule id (gint64*) → shown limit (guint) */
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (ClipAlertsView, clip_alerts_view, ADW_TYPE_BIN)

enum {
  BACK,
  UNREAD_CHANGED,
  ARTICLE_READ,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
clip_alerts_view_new (void)
{
  return g_object_new (CLIP_TYPE_ALERTS_VIEW, NULL);
}

gint64
clip_alerts_view_get_unread (ClipAlertsView *self)
{
  g_return_val_if_fail (CLIP_IS_ALERTS_VIEW (self), 0);

  return self->unread;
}

static char *
format_time (gint64 t)
{
  return clip_format_time_short (t, g_get_real_time () / G_USEC_PER_SEC, NULL, NULL);
}

/* Sections: a rule's header and its rows, kept to be updated in place
 * (marking read, Show More) so that the rows the analyst is looking at,
 * the focus and the scroll position stay where they are. */

typedef struct {
  gint64      rule_id;
  guint       total;
  guint       unread;
  guint       shown;
  gint64      next;           /* the cursor of the page after the rows shown */
  GtkWidget  *name;
  GtkWidget  *unread_label;
  GtkWidget  *mark_button;
  GtkListBox *list;
  GtkWidget  *more_button;
} Section;

static Section *
section_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "clip-section");
}

static Section *
find_section (ClipAlertsView *self,
              gint64          rule_id)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box)); w;
       w = gtk_widget_get_next_sibling (w))
    if (section_of (w)->rule_id == rule_id)
      return section_of (w);
  return NULL;
}

static gboolean
row_is_read (GtkWidget *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "read"));
}

static void
set_row_read (GtkWidget *row,
              gboolean   read)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "read-button");

  if (read)
    gtk_widget_remove_css_class (row, "clip-unread");
  else
    gtk_widget_add_css_class (row, "clip-unread");
  g_object_set_data (G_OBJECT (row), "read", GINT_TO_POINTER (read));
  gtk_button_set_icon_name (GTK_BUTTON (button), read ? "mail-unread-symbolic" : "mail-read-symbolic");
  gtk_widget_set_tooltip_text (button, read ? _("Mark as Unread") : _("Mark as Read"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  read ? _("Mark as Unread") : _("Mark as Read"), -1);
}

static void
set_section_unread (Section *section,
                    guint    unread)
{
  g_autofree char *n = clip_format_count (unread, NULL);
  /* Translators: %s is a number, with the locale's thousands separators */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unread", "%s unread", unread),
                                           n);

  section->unread = unread;
  gtk_label_set_text (GTK_LABEL (section->unread_label), text);
  gtk_widget_set_visible (section->unread_label, unread > 0);
  gtk_widget_set_visible (section->mark_button, unread > 0);
  /* The count takes the free space while it shows, the name otherwise. */
  gtk_widget_set_hexpand (section->name, unread == 0);
}

/* Marks rows read on screen at once (the archive follows); the rule's
 * count in the header goes with them. */
static void
mark_rows (Section  *section,
           gboolean  read,
           gint64    alert_id,
           gint64    article_id)
{
  guint unread = section->unread;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (section->list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      if ((alert_id && (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "alert-id")) != alert_id) ||
          (article_id && (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "article-id")) != article_id) ||
          row_is_read (row) == read)
        continue;
      set_row_read (row, read);
      unread = read ? (unread > 0 ? unread - 1 : 0) : unread + 1;
    }
  /* The whole rule read: its rows not shown too. */
  if (read && alert_id == 0 && article_id == 0)
    unread = 0;
  set_section_unread (section, unread);
}

static GtkWidget *
alert_row (const ClipAlert *alert)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new ();
  g_autofree char *title = g_markup_escape_text (*alert->title ? alert->title : _("Untitled"), -1);
  g_autofree char *when = format_time (alert->article_time);
  g_autofree char *subtitle = g_markup_printf_escaped ("%s · %s",
                                                       alert->outlet_name ? alert->outlet_name : "",
                                                       when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "alert-id", GSIZE_TO_POINTER ((gsize) alert->id));
  g_object_set_data (G_OBJECT (row), "article-id", GSIZE_TO_POINTER ((gsize) alert->article_id));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "alerts.toggle-read");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", alert->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "read-button", button);
  set_row_read (row, alert->read);
  return row;
}

static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  ClipAlertsView *self)
{
  clip_alerts_view_open_article (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "article-id")));
}

static GtkWidget *
group_header (Section              *section,
              const ClipAlertGroup *group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  section->name = gtk_label_new (group->name);
  gtk_box_append (GTK_BOX (box), clip_rule_color_dot (group->color));
  /* Narrow, a long name takes a second line rather than losing its end
   * beside the severity, the count and Mark Read ("Russian inte…"). */
  gtk_label_set_wrap (GTK_LABEL (section->name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (section->name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (section->name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (section->name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (section->name), 0);
  gtk_widget_add_css_class (section->name, "heading");
  gtk_box_append (GTK_BOX (box), section->name);
  gtk_box_append (GTK_BOX (box), clip_rule_severity_chip (group->severity));

  section->unread_label = gtk_label_new (NULL);
  /* The count gives way first: the list's bold rows say it too. */
  gtk_label_set_ellipsize (GTK_LABEL (section->unread_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (section->unread_label, "dim-label");
  gtk_widget_add_css_class (section->unread_label, "numeric");
  gtk_widget_set_hexpand (section->unread_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (section->unread_label), 1);
  gtk_box_append (GTK_BOX (box), section->unread_label);
  section->mark_button = gtk_button_new_with_mnemonic (_("_Mark Read"));
  gtk_widget_add_css_class (section->mark_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (section->mark_button), "alerts.mark-rule-read");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (section->mark_button), "x", group->rule_id);
  gtk_box_append (GTK_BOX (box), section->mark_button);
  set_section_unread (section, group->unread);
  return box;
}

static void
update_more (Section *section)
{
  g_autofree char *n = clip_format_count (section->total, NULL);
  /* Translators: %s is a number, with the locale's thousands separators */
  g_autofree char *label = g_strdup_printf (_("Show More (%s in All)"), n);

  gtk_button_set_label (GTK_BUTTON (section->more_button), label);
  gtk_widget_set_visible (section->more_button, section->shown < section->total && section->next > 0);
}

static void
append_rows (Section   *section,
             GPtrArray *alerts)
{
  for (guint i = 0; i < alerts->len; i++)
    gtk_list_box_append (section->list, alert_row (alerts->pdata[i]));
  section->shown += alerts->len;
  section->next = clip_alert_page_next (alerts);
}

static GtkWidget *
group_section (ClipAlertsView       *self,
               const ClipAlertGroup *group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  Section *section = g_new0 (Section, 1);

  section->rule_id = group->rule_id;
  section->total = group->total;
  g_object_set_data_full (G_OBJECT (box), "clip-section", section, g_free);
  gtk_box_append (GTK_BOX (box), group_header (section, group));
  section->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (section->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (section->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->list), GTK_ACCESSIBLE_PROPERTY_LABEL, group->name, -1);
  g_signal_connect_object (section->list, "row-activated", G_CALLBACK (row_activated_cb), self, 0);
  append_rows (section, group->alerts);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (section->list));

  section->more_button = gtk_button_new ();
  gtk_widget_set_halign (section->more_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (section->more_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (section->more_button), "alerts.show-more");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (section->more_button), "x", group->rule_id);
  gtk_box_append (GTK_BOX (box), section->more_button);
  update_more (section);
  /* "Unread only" lists a rule's first unread alerts, not pages of all. */
  if (gtk_toggle_button_get_active (self->unread_toggle))
    gtk_widget_set_visible (section->more_button, FALSE);
  return box;
}

/* Reading */

static guint
limit_for (ClipAlertsView *self,
           gint64          rule_id)
{
  gpointer limit = g_hash_table_lookup (self->expanded, &rule_id);

  return limit ? GPOINTER_TO_UINT (limit) : CLIP_ALERTS_VIEW_PAGE;
}

static void
update_unread (ClipAlertsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  gint64 unread = clip_alert_count_unread_total (self->store, &error);

  if (unread < 0)
    {
      g_debug ("Could not count the unread alerts: %s", error->message);
      return;
    }
  {
    g_autofree char *n = clip_format_count (unread, NULL);

    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unread", "%s unread", unread), n);
  }
  adw_window_title_set_subtitle (self->title, unread ? subtitle : NULL);
  gtk_widget_set_sensitive (self->mark_all_button, unread > 0);
  if (unread != self->unread)
    {
      self->unread = unread;
      g_signal_emit (self, signals[UNREAD_CHANGED], 0, unread);
    }
}

/* After a write: the counts from the archive, the rows as they are. */
static void
update_counts (ClipAlertsView *self)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;

  if ((counts = clip_alert_count_unread (self->store, &error)) == NULL)
    {
      g_debug ("Could not count the unread alerts: %s", error->message);
      return;
    }
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box)); w;
       w = gtk_widget_get_next_sibling (w))
    {
      Section *section = section_of (w);

      set_section_unread (section, GPOINTER_TO_UINT (g_hash_table_lookup (counts, &section->rule_id)));
    }
  update_unread (self);
}

/* A rule shown beyond its first page is read again as one page as long as
 * the rows it showed (Show More appended them page by page). */
static void
read_expanded (ClipAlertsView *self,
               ClipAlertGroup *group,
               gboolean        unread_only)
{
  guint limit = limit_for (self, group->rule_id);
  g_autoptr(GError) error = NULL;
  GPtrArray *alerts;

  if (unread_only)
    {
      if (group->alerts->len > limit)
        g_ptr_array_set_size (group->alerts, limit);
      return;
    }
  if (limit <= group->alerts->len || group->total <= group->alerts->len)
    return;
  alerts = clip_alert_list_rule (self->store, group->rule_id, CLIP_ALERT_FROM_NEWEST, limit, &error);
  if (alerts == NULL)
    {
      g_debug ("Could not read the alerts of rule %" PRId64 ": %s", group->rule_id, error->message);
      return;
    }
  g_ptr_array_unref (group->alerts);
  group->alerts = alerts;
}

void
clip_alerts_view_reload (ClipAlertsView *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;
  guint most = CLIP_ALERTS_VIEW_PAGE;
  gboolean unread_only;
  GHashTableIter iter;
  gpointer value;
  GtkWidget *child;
  guint shown = 0;

  g_return_if_fail (CLIP_IS_ALERTS_VIEW (self));

  if (self->store == NULL)
    return;
  unread_only = gtk_toggle_button_get_active (self->unread_toggle);
  /* Unread only: enough for the widest "Show More" asked for, each group
   * cut below; all alerts: a first page, more where it was asked for. */
  g_hash_table_iter_init (&iter, self->expanded);
  while (unread_only && g_hash_table_iter_next (&iter, NULL, &value))
    most = MAX (most, GPOINTER_TO_UINT (value));
  groups = clip_alert_list_groups (self->store, most, unread_only, &error);
  if (groups == NULL)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  for (guint i = 0; i < groups->len; i++)
    {
      ClipAlertGroup *group = groups->pdata[i];

      if (self->rule_filter != 0 && group->rule_id != self->rule_filter)
        continue;
      read_expanded (self, group, unread_only);
      gtk_box_append (self->groups_box, group_section (self, group));
      shown++;
    }
  if ((rules = clip_store_list_rules (self->store, NULL)) != NULL)
    clip_article_view_set_rules (self->article_view, rules);
  adw_status_page_set_description (self->empty_page,
                                   unread_only ? _("Every alert has been read")
                                               : _("When a rule flags a new article, it shows here"));
  gtk_stack_set_visible_child_name (self->content_stack, shown ? "list" : "empty");
  update_unread (self);
}

/* The next page below the rows shown, appended: the rows above, the focus
 * and the scroll position stay. */
static void
show_more (ClipAlertsView *self,
           gint64          rule_id)
{
  Section *section = find_section (self, rule_id);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gboolean had_focus;
  GtkWidget *last_old;
  guint limit;

  if (section == NULL || self->store == NULL || section->next == 0)
    return;
  limit = CLAMP (section->shown * 3, CLIP_ALERTS_VIEW_PAGE, CLIP_ALERTS_VIEW_MORE_MAX);
  page = clip_alert_list_rule (self->store, rule_id, section->next, limit, &error);
  if (page == NULL)
    {
      g_warning ("Could not read more alerts: %s", error->message);
      return;
    }
  /* The window's focus, active window or not. */
  had_focus = gtk_widget_is_focus (section->more_button);
  last_old = gtk_widget_get_last_child (GTK_WIDGET (section->list));
  append_rows (section, page);
  if (page->len < limit)
    section->next = 0;
  g_hash_table_insert (self->expanded, g_memdup2 (&rule_id, sizeof rule_id), GUINT_TO_POINTER (section->shown));
  update_more (section);
  /* The button that had the focus may have gone: the row above it takes
   * the focus (the new rows have no place on screen yet, and the view
   * would scroll to where they are not). */
  if (had_focus && !gtk_widget_get_visible (section->more_button) && last_old != NULL)
    gtk_widget_grab_focus (last_old);
}

void
clip_alerts_view_set_store (ClipAlertsView *self,
                            ClipStore      *store,
                            ClipCommands   *commands)
{
  g_return_if_fail (CLIP_IS_ALERTS_VIEW (self));

  g_set_object (&self->store, store);
  g_set_object (&self->commands, commands);
  if (store != NULL)
    clip_article_view_set_store (self->article_view, store, commands);
  clip_alerts_view_reload (self);
}

void
clip_alerts_view_show_rule (ClipAlertsView *self,
                            gint64          rule_id)
{
  g_autoptr(ClipRule) rule = NULL;

  g_return_if_fail (CLIP_IS_ALERTS_VIEW (self));

  self->rule_filter = rule_id;
  if (rule_id != 0 && self->store != NULL &&
      (rule = clip_store_get_rule (self->store, rule_id, NULL)) != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Alerts of “%s”"), rule->name);

      gtk_label_set_text (self->filter_label, text);
    }
  else
    self->rule_filter = 0;
  gtk_revealer_set_reveal_child (self->filter_revealer, self->rule_filter != 0);
  clip_alerts_view_reload (self);
}

/* Writing: the rows change on screen at once, the archive follows in a
 * thread, then only the counts are read again. */

typedef struct {
  ClipAlertsView *self;
  gboolean        reload;   /* read every section again once written */
} Write;

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Write *w = user_data;
  g_autoptr(ClipAlertsView) self = w->self;
  g_autoptr(GError) error = NULL;
  gboolean reload = w->reload;

  g_free (w);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (!clip_commands_run_finish (CLIP_COMMANDS (source), result, &error))
    {
      g_warning ("Could not update the alerts: %s", error->message);
      /* The rows show what did not happen: show the archive as it is. */
      clip_alerts_view_reload (self);
      return;
    }
  if (reload)
    clip_alerts_view_reload (self);
  else
    update_counts (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* reload: for a rule's or every alert marked read while only unread ones
 * are shown, the rows go (and the empty page comes) once it is written; a
 * single alert stays in place, read, so that it can be marked back. */
static void
write_alerts (ClipAlertsView *self,
              ClipCommand    *command,
              gboolean        reload)
{
  g_autoptr(ClipCommand) owned = command;
  Write *w;

  if (self->commands == NULL)
    return;
  w = g_new0 (Write, 1);
  w->self = g_object_ref (self);
  w->reload = reload;
  clip_commands_run_async (self->commands, owned, NULL, self->cancellable, written_cb, w);
}

/* rule_id 0: every section. */
static void
mark_sections (ClipAlertsView *self,
               gint64          rule_id,
               gboolean        read,
               gint64          alert_id,
               gint64          article_id)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box)); w;
       w = gtk_widget_get_next_sibling (w))
    if (rule_id == 0 || section_of (w)->rule_id == rule_id)
      mark_rows (section_of (w), read, alert_id, article_id);
}

void
clip_alerts_view_open_article (ClipAlertsView *self,
                               gint64          article_id)
{
  g_return_if_fail (CLIP_IS_ALERTS_VIEW (self));

  clip_article_view_show (self->article_view, article_id);
  /* Narrow: the article takes the place of the list, as a tap expects. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->article_pane);
  /* Read wherever it shows: every rule that flagged it, and the list. */
  mark_sections (self, 0, TRUE, 0, article_id);
  g_signal_emit (self, signals[ARTICLE_READ], 0, article_id, TRUE);
  write_alerts (self, clip_command_read_article_alerts (article_id), FALSE);
}

void
clip_alerts_view_article_read (ClipAlertsView *self,
                               gint64          article_id,
                               gboolean        read)
{
  g_return_if_fail (CLIP_IS_ALERTS_VIEW (self));

  mark_sections (self, 0, read, 0, article_id);
}

void
clip_alerts_view_refresh_counts (ClipAlertsView *self)
{
  g_return_if_fail (CLIP_IS_ALERTS_VIEW (self));

  if (self->store != NULL)
    update_counts (self);
}

ClipArticleView *
clip_alerts_view_get_article_view (ClipAlertsView *self)
{
  g_return_val_if_fail (CLIP_IS_ALERTS_VIEW (self), NULL);
  return self->article_view;
}

static void
list_resized_cb (ClipPane  *pane,
                 GSettings *settings)
{
  g_settings_set_int (settings, "alerts-list-width", clip_pane_get_size (pane));
}

void
clip_alerts_view_set_settings (ClipAlertsView *self,
                               GSettings      *settings)
{
  g_return_if_fail (CLIP_IS_ALERTS_VIEW (self));

  clip_pane_set_size (self->list_pane, g_settings_get_int (settings, "alerts-list-width"));
  /* The article's edge moves the border, as in the main window. */
  clip_pane_add_handle (self->list_pane, self->article_pane, 1);
  g_object_bind_property (self->leaflet, "folded", self->list_pane, "resizable",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect_object (self->list_pane, "resized", G_CALLBACK (list_resized_cb), settings, 0);
}

static GtkWidget *
find_alert_row (ClipAlertsView *self,
                gint64          alert_id)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box)); w;
       w = gtk_widget_get_next_sibling (w))
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (section_of (w)->list)); row;
         row = gtk_widget_get_next_sibling (row))
      if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "alert-id")) == alert_id)
        return row;
  return NULL;
}

static void
alerts_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  ClipAlertsView *self = CLIP_ALERTS_VIEW (widget);
  gint64 id = param ? g_variant_get_int64 (param) : 0;
  gboolean unread_only = gtk_toggle_button_get_active (self->unread_toggle);

  if (g_str_equal (action, "alerts.mark-all-read"))
    {
      mark_sections (self, 0, TRUE, 0, 0);
      write_alerts (self, clip_command_read_all_alerts (), unread_only);
    }
  else if (g_str_equal (action, "alerts.mark-rule-read"))
    {
      mark_sections (self, id, TRUE, 0, 0);
      write_alerts (self, clip_command_read_rule_alerts (id), unread_only);
    }
  else if (g_str_equal (action, "alerts.toggle-read"))
    {
      GtkWidget *row = find_alert_row (self, id);
      gboolean read = row != NULL && row_is_read (row);
      gint64 article_id = row ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "article-id")) : 0;

      /* The article is read or unread with it, under every rule. */
      if (article_id != 0)
        {
          mark_sections (self, 0, !read, 0, article_id);
          g_signal_emit (self, signals[ARTICLE_READ], 0, article_id, !read);
        }
      write_alerts (self, clip_command_set_alert_read (id, !read), FALSE);
    }
  else if (g_str_equal (action, "alerts.show-more"))
    show_more (self, id);
  else if (g_str_equal (action, "alerts.show-all"))
    clip_alerts_view_show_rule (self, 0);
}

static void
unread_toggled_cb (ClipAlertsView *self)
{
  clip_alerts_view_reload (self);
}

static void
back_clicked_cb (ClipAlertsView *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
back_to_list_cb (ClipAlertsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
clip_alerts_view_dispose (GObject *object)
{
  ClipAlertsView *self = CLIP_ALERTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->commands);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (clip_alerts_view_parent_class)->dispose (object);
}

static void
clip_alerts_view_finalize (GObject *object)
{
  ClipAlertsView *self = CLIP_ALERTS_VIEW (object);

  g_hash_table_unref (self->expanded);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (clip_alerts_view_parent_class)->finalize (object);
}

static void
clip_alerts_view_class_init (ClipAlertsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clip_alerts_view_dispose;
  object_class->finalize = clip_alerts_view_finalize;

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[UNREAD_CHANGED] = g_signal_new ("unread-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The view marked an article read or unread (with its alerts), on
   * screen; the archive follows. */
  signals[ARTICLE_READ] = g_signal_new ("article-read", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);
  /* A change the view asked for is in the archive. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CLIP_TYPE_ARTICLE_VIEW);
  g_type_ensure (CLIP_TYPE_PANE);
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-alerts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, article_pane);
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, flag_button);
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, title);
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, mark_all_button);
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, unread_toggle);
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, filter_label);
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, groups_box);
  gtk_widget_class_bind_template_child (widget_class, ClipAlertsView, article_view);
  gtk_widget_class_bind_template_callback (widget_class, unread_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_to_list_cb);
  gtk_widget_class_install_action (widget_class, "alerts.mark-all-read", NULL, alerts_action);
  gtk_widget_class_install_action (widget_class, "alerts.mark-rule-read", "x", alerts_action);
  gtk_widget_class_install_action (widget_class, "alerts.toggle-read", "x", alerts_action);
  gtk_widget_class_install_action (widget_class, "alerts.show-more", "x", alerts_action);
  gtk_widget_class_install_action (widget_class, "alerts.show-all", NULL, alerts_action);
}

static void
clip_alerts_view_init (ClipAlertsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  clip_article_view_follow_flag_button (GTK_TOGGLE_BUTTON (self->flag_button));
  clip_rule_style_ensure ();
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}
