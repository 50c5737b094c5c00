/* clip-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-outlet.h"
#include "clip-rules-store.h"
#include "clip-sidebar.h"
#include "clip-sidebar-menu.h"
#include "clip-sidebar-row.h"

struct _ClipSidebar
{
  AdwBin       parent_instance;
  GtkListBox  *list;
  guint        n_outlets;
  gboolean     rebuilding;
  /* The last counts, for rows made before the next ones arrive. */
  gint64       unread;
  gint64       flagged;
  GHashTable  *unread_by_outlet;
  GHashTable  *unread_by_rule;
  GPtrArray   *outlets;      /* ClipOutlet*, as last set */
  GPtrArray   *rules;        /* SidebarRule*, as last set */
  GPtrArray   *tags;         /* ClipTagCount*, as last set */
  GtkWidget   *menu;         /* the context menu shown, or NULL */
};

typedef struct {
  gint64  id;
  char   *name;
} SidebarRule;

static void
sidebar_rule_free (SidebarRule *rule)
{
  g_free (rule->name);
  g_free (rule);
}

G_DEFINE_FINAL_TYPE (ClipSidebar, clip_sidebar, ADW_TYPE_BIN)

enum { SOURCE_SELECTED, SOURCE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What the warning sign says: the feed's last error, else its article
 * pages failing. */
static char *
outlet_problem (const ClipOutlet *o)
{
  return o->last_error ? g_strdup (o->last_error) : clip_outlet_dup_page_health (o);
}

/* A heading above the first outlet of each group. */
static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  ClipSourceKind kind = clip_sidebar_row_kind (row);
  ClipSourceKind prev = before ? clip_sidebar_row_kind (before) : CLIP_SOURCE_ALL;
  const char *group, *prev_group;

  if (kind == CLIP_SOURCE_RULE)
    {
      gtk_list_box_row_set_header (row, prev == CLIP_SOURCE_RULE ? NULL : clip_sidebar_header_new (_("Rules")));
      return;
    }
  if (kind == CLIP_SOURCE_TAG)
    {
      gtk_list_box_row_set_header (row, prev == CLIP_SOURCE_TAG ? NULL : clip_sidebar_header_new (_("Tags")));
      return;
    }
  if (kind != CLIP_SOURCE_OUTLET)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  group = g_object_get_data (G_OBJECT (row), CLIP_ROW_GROUP);
  prev_group = prev == CLIP_SOURCE_OUTLET ? g_object_get_data (G_OBJECT (before), CLIP_ROW_GROUP) : NULL;
  if (prev_group != NULL && g_strcmp0 (group, prev_group) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  gtk_list_box_row_set_header (row, clip_sidebar_header_new (group && *group ? group : _("Outlets")));
}

static void
row_selected_cb (ClipSidebar   *self,
                 GtkListBoxRow *row)
{
  if (row == NULL || self->rebuilding)
    return;
  g_signal_emit (self, signals[SOURCE_SELECTED], 0);
}

static void
row_activated_cb (ClipSidebar   *self,
                  GtkListBoxRow *row)
{
  g_signal_emit (self, signals[SOURCE_ACTIVATED], 0);
}

static void
clip_sidebar_finalize (GObject *object)
{
  ClipSidebar *self = CLIP_SIDEBAR (object);

  g_clear_pointer (&self->unread_by_outlet, g_hash_table_unref);
  g_clear_pointer (&self->unread_by_rule, g_hash_table_unref);
  g_clear_pointer (&self->outlets, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  G_OBJECT_CLASS (clip_sidebar_parent_class)->finalize (object);
}

static void clip_sidebar_dispose (GObject *object);

static void
clip_sidebar_class_init (ClipSidebarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = clip_sidebar_finalize;
  G_OBJECT_CLASS (klass)->dispose = clip_sidebar_dispose;

  /* Emitted when the analyst picks another source. */
  signals[SOURCE_SELECTED] = g_signal_new ("source-selected", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
  /* Emitted on a click or Enter, even on the source already picked: a
   * folded window then shows its articles. */
  signals[SOURCE_ACTIVATED] = g_signal_new ("source-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipSidebar, list);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void clip_sidebar_add_menu_controllers (ClipSidebar *self);

static void
clip_sidebar_init (ClipSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);
  clip_sidebar_add_menu_controllers (self);
}

static void
clip_sidebar_dispose (GObject *object)
{
  ClipSidebar *self = CLIP_SIDEBAR (object);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  G_OBJECT_CLASS (clip_sidebar_parent_class)->dispose (object);
}

GtkWidget *
clip_sidebar_new (void)
{
  return g_object_new (CLIP_TYPE_SIDEBAR, NULL);
}

static void
remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gint64
outlet_unread (ClipSidebar *self,
               gint64       outlet_id)
{
  gint64 *n = self->unread_by_outlet ? g_hash_table_lookup (self->unread_by_outlet, &outlet_id) : NULL;

  return n ? *n : 0;
}

ClipSourceKind clip_sidebar_get_selected (ClipSidebar *self, gint64 *id);

static gint64
rule_unread (ClipSidebar *self,
             gint64       rule_id)
{
  gint64 *n = self->unread_by_rule ? g_hash_table_lookup (self->unread_by_rule, &rule_id) : NULL;

  return n ? *n : 0;
}

static GtkWidget *
make_tag_row (const ClipTagCount *t)
{
  GtkWidget *row = clip_sidebar_row_new (CLIP_SOURCE_TAG, 0, NULL, t->tag, t->count, NULL, NULL);
  g_autofree char *a11y = NULL;

  g_object_set_data_full (G_OBJECT (row), CLIP_ROW_TAG, g_strdup (t->tag), g_free);
  /* A tag's count is of its articles, not of unread ones. */
  /* Translators: a tag and how many articles carry it. */
  a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tag %s, %u article", "Tag %s, %u articles",
                                       (gulong) t->count), t->tag, (guint) t->count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

static void
rebuild (ClipSidebar *self)
{
  gint64 sel_id = 0;
  ClipSourceKind sel_kind = clip_sidebar_get_selected (self, &sel_id);
  g_autofree char *sel_tag = g_strdup (clip_sidebar_get_selected_tag (self));

  self->rebuilding = TRUE;
  remove_all (self->list);
  gtk_list_box_append (self->list, clip_sidebar_row_new (CLIP_SOURCE_ALL, 0, "view-list-symbolic",
                                             _("All Articles"), 0, NULL, NULL));
  gtk_list_box_append (self->list, clip_sidebar_row_new (CLIP_SOURCE_UNREAD, 0, "mail-unread-symbolic",
                                             _("Unread"), self->unread, NULL, NULL));
  gtk_list_box_append (self->list, clip_sidebar_row_new (CLIP_SOURCE_FLAGGED, 0, "starred-symbolic",
                                             _("Flagged"), self->flagged, NULL, NULL));
  for (guint i = 0; self->rules && i < self->rules->len; i++)
    {
      const SidebarRule *r = g_ptr_array_index (self->rules, i);

      gtk_list_box_append (self->list, clip_sidebar_row_new (CLIP_SOURCE_RULE, r->id, NULL, r->name,
                                                 rule_unread (self, r->id), NULL, NULL));
    }
  for (guint i = 0; self->tags && i < self->tags->len; i++)
    gtk_list_box_append (self->list, make_tag_row (g_ptr_array_index (self->tags, i)));
  for (guint i = 0; self->outlets && i < self->outlets->len; i++)
    {
      const ClipOutlet *o = g_ptr_array_index (self->outlets, i);
      g_autofree char *name = clip_outlet_dup_display_name (o);

      g_autofree char *problem = outlet_problem (o);

      gtk_list_box_append (self->list,
                           clip_sidebar_row_new (CLIP_SOURCE_OUTLET, o->id, NULL, name,
                                     outlet_unread (self, o->id), o->group, problem));
    }
  if (sel_kind == CLIP_SOURCE_TAG)
    clip_sidebar_select_tag (self, sel_tag);
  else
    clip_sidebar_select (self, sel_kind, sel_id);
  self->rebuilding = FALSE;
}

/* The rows of one kind, in order. */
static GPtrArray *
rows_of_kind (ClipSidebar    *self,
              ClipSourceKind  kind)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (clip_sidebar_row_kind (row) == kind)
      g_ptr_array_add (rows, row);
  return rows;
}

/* A refresh reports the same outlets with new health: update the rows in
 * place (rebuilding a thousand rows blocks the window for a third of a
 * second). Only a new, removed, moved or regrouped outlet rebuilds. */
static gboolean
update_outlets_in_place (ClipSidebar *self,
                         GPtrArray   *outlets)
{
  g_autoptr(GPtrArray) rows = rows_of_kind (self, CLIP_SOURCE_OUTLET);

  if (self->outlets == NULL || rows->len != outlets->len)
    return FALSE;
  for (guint i = 0; i < outlets->len; i++)
    {
      const ClipOutlet *o = g_ptr_array_index (outlets, i);
      GtkListBoxRow *row = g_ptr_array_index (rows, i);

      if (clip_sidebar_row_outlet_id (row) != o->id ||
          g_strcmp0 (g_object_get_data (G_OBJECT (row), CLIP_ROW_GROUP), o->group) != 0)
        return FALSE;
    }
  for (guint i = 0; i < outlets->len; i++)
    {
      const ClipOutlet *o = g_ptr_array_index (outlets, i);
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autofree char *name = clip_outlet_dup_display_name (o);

      g_autofree char *problem = outlet_problem (o);

      clip_sidebar_row_set_title (row, name);
      clip_sidebar_row_set_error (row, problem);
    }
  return TRUE;
}

void
clip_sidebar_set_outlets (ClipSidebar *self,
                          GPtrArray   *outlets)
{
  gboolean in_place;

  g_return_if_fail (CLIP_IS_SIDEBAR (self));

  in_place = update_outlets_in_place (self, outlets);
  g_clear_pointer (&self->outlets, g_ptr_array_unref);
  self->outlets = g_ptr_array_new_full (outlets->len, (GDestroyNotify) clip_outlet_free);
  for (guint i = 0; i < outlets->len; i++)
    g_ptr_array_add (self->outlets, clip_outlet_copy (g_ptr_array_index (outlets, i)));
  self->n_outlets = outlets->len;
  if (!in_place)
    rebuild (self);
}

/* The same rules (ids in the same order) keep their rows; names follow. */
static gboolean
update_rules_in_place (ClipSidebar *self,
                       GPtrArray   *rules)
{
  g_autoptr(GPtrArray) rows = rows_of_kind (self, CLIP_SOURCE_RULE);
  guint n = rules ? rules->len : 0;

  if (self->rules == NULL || rows->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (clip_sidebar_row_outlet_id (g_ptr_array_index (rows, i)) != ((ClipRule *) g_ptr_array_index (rules, i))->id)
      return FALSE;
  for (guint i = 0; i < n; i++)
    clip_sidebar_row_set_title (g_ptr_array_index (rows, i), ((ClipRule *) g_ptr_array_index (rules, i))->name);
  return TRUE;
}

void
clip_sidebar_set_rules (ClipSidebar *self,
                        GPtrArray   *rules)
{
  gboolean in_place;

  g_return_if_fail (CLIP_IS_SIDEBAR (self));

  in_place = update_rules_in_place (self, rules);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) sidebar_rule_free);
  for (guint i = 0; rules && i < rules->len; i++)
    {
      const ClipRule *rule = g_ptr_array_index (rules, i);
      SidebarRule *r = g_new0 (SidebarRule, 1);

      r->id = rule->id;
      r->name = g_strdup (rule->name);
      g_ptr_array_add (self->rules, r);
    }
  if (!in_place)
    rebuild (self);
}

void
clip_sidebar_set_counts (ClipSidebar          *self,
                         const ClipViewCounts *counts)
{
  GtkListBoxRow *row;

  g_return_if_fail (CLIP_IS_SIDEBAR (self));

  self->unread = counts->unread;
  self->flagged = counts->flagged;
  g_clear_pointer (&self->unread_by_outlet, g_hash_table_unref);
  g_clear_pointer (&self->unread_by_rule, g_hash_table_unref);
  if (counts->unread_by_outlet != NULL)
    self->unread_by_outlet = g_hash_table_ref (counts->unread_by_outlet);
  if (counts->unread_by_rule != NULL)
    self->unread_by_rule = g_hash_table_ref (counts->unread_by_rule);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    switch (clip_sidebar_row_kind (row))
      {
      case CLIP_SOURCE_UNREAD:
        clip_sidebar_row_set_count (GTK_WIDGET (row), self->unread);
        break;
      case CLIP_SOURCE_FLAGGED:
        clip_sidebar_row_set_count (GTK_WIDGET (row), self->flagged);
        break;
      case CLIP_SOURCE_OUTLET:
        clip_sidebar_row_set_count (GTK_WIDGET (row), outlet_unread (self, clip_sidebar_row_outlet_id (row)));
        break;
      case CLIP_SOURCE_RULE:
        clip_sidebar_row_set_count (GTK_WIDGET (row), rule_unread (self, clip_sidebar_row_outlet_id (row)));
        break;
      case CLIP_SOURCE_ALL:
      default:
        break;
      }
}

ClipSourceKind
clip_sidebar_get_selected (ClipSidebar *self,
                           gint64      *outlet_id)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (outlet_id != NULL)
    *outlet_id = row ? clip_sidebar_row_outlet_id (row) : 0;
  return row ? clip_sidebar_row_kind (row) : CLIP_SOURCE_ALL;
}

const char *
clip_sidebar_get_selected_title (ClipSidebar *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  return row ? g_object_get_data (G_OBJECT (row), CLIP_ROW_TITLE) : _("All Articles");
}

const char *
clip_sidebar_get_selected_error (ClipSidebar *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  return row ? g_object_get_data (G_OBJECT (row), CLIP_ROW_ERROR) : NULL;
}

/* Selects the source, or All Articles when it is gone. */
void
clip_sidebar_select (ClipSidebar    *self,
                     ClipSourceKind  kind,
                     gint64          outlet_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (clip_sidebar_row_kind (row) == kind &&
        ((kind != CLIP_SOURCE_OUTLET && kind != CLIP_SOURCE_RULE) || clip_sidebar_row_outlet_id (row) == outlet_id))
      {
        gtk_list_box_select_row (self->list, row);
        return;
      }
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
}

guint
clip_sidebar_get_n_outlets (ClipSidebar *self)
{
  return self->n_outlets;
}

/* Tags */

static gboolean
update_tags_in_place (ClipSidebar *self,
                      GPtrArray   *tags)
{
  g_autoptr(GPtrArray) rows = rows_of_kind (self, CLIP_SOURCE_TAG);

  if (self->tags == NULL || rows->len != tags->len)
    return FALSE;
  for (guint i = 0; i < tags->len; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (rows->pdata[i]), CLIP_ROW_TAG),
                   ((ClipTagCount *) tags->pdata[i])->tag) != 0)
      return FALSE;
  for (guint i = 0; i < tags->len; i++)
    clip_sidebar_row_set_count (rows->pdata[i], ((ClipTagCount *) tags->pdata[i])->count);
  return TRUE;
}

void
clip_sidebar_set_tags (ClipSidebar *self,
                       GPtrArray   *tags)
{
  gboolean in_place;

  g_return_if_fail (CLIP_IS_SIDEBAR (self));
  in_place = update_tags_in_place (self, tags);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  self->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_tag_count_free);
  for (guint i = 0; i < tags->len; i++)
    {
      const ClipTagCount *t = g_ptr_array_index (tags, i);
      ClipTagCount *copy = g_new0 (ClipTagCount, 1);

      copy->tag = g_strdup (t->tag);
      copy->count = t->count;
      g_ptr_array_add (self->tags, copy);
    }
  if (!in_place)
    rebuild (self);
}

const char *
clip_sidebar_get_selected_tag (ClipSidebar *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  return row && clip_sidebar_row_kind (row) == CLIP_SOURCE_TAG ? g_object_get_data (G_OBJECT (row), CLIP_ROW_TAG) : NULL;
}

/* Selects the tag, or All Articles when it is gone. */
void
clip_sidebar_select_tag (ClipSidebar *self,
                         const char  *tag)
{
  GtkListBoxRow *row;

  for (int i = 0; tag && (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (clip_sidebar_row_kind (row) == CLIP_SOURCE_TAG && g_strcmp0 (g_object_get_data (G_OBJECT (row), CLIP_ROW_TAG), tag) == 0)
      {
        gtk_list_box_select_row (self->list, row);
        return;
      }
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
}

/* Context menu */

static gboolean
outlet_enabled (ClipSidebar *self, gint64 id)
{
  for (guint i = 0; self->outlets && i < self->outlets->len; i++)
    if (((ClipOutlet *) self->outlets->pdata[i])->id == id)
      return ((ClipOutlet *) self->outlets->pdata[i])->enabled;
  return TRUE;
}

static void
popup_for_row (ClipSidebar *self, GtkListBoxRow *row)
{
  g_autoptr(GMenuModel) model = NULL;
  graphene_rect_t bounds;
  GdkRectangle at;
  gint64 id = clip_sidebar_row_outlet_id (row);

  model = clip_sidebar_menu_new (clip_sidebar_row_kind (row), id, g_object_get_data (G_OBJECT (row), CLIP_ROW_TAG),
                                 outlet_enabled (self, id));
  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self), &bounds))
    return;
  at = (GdkRectangle) { (int) (bounds.origin.x + 24), (int) (bounds.origin.y + bounds.size.height),
                        1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &at);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* A right click, or a long press on a touch screen (no right button). */
static void
menu_pressed_cb (GtkGesture  *gesture,
                 double       x,
                 double       y,
                 ClipSidebar *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list, (int) y);

  if (row == NULL)
    return;
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  popup_for_row (self, row);
}

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      ClipSidebar     *self)
{
  menu_pressed_cb (GTK_GESTURE (gesture), x, y, self);
}

void
clip_sidebar_popup_menu (ClipSidebar *self)
{
  GtkListBoxRow *row;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  g_return_if_fail (CLIP_IS_SIDEBAR (self));
  /* The row with the keyboard's focus, else the selected one. */
  row = focus ? GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW)) : NULL;
  if (row == NULL || gtk_widget_get_parent (GTK_WIDGET (row)) != GTK_WIDGET (self->list))
    row = gtk_list_box_get_selected_row (self->list);
  if (row != NULL)
    popup_for_row (self, row);
}

static gboolean
menu_key_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  clip_sidebar_popup_menu (CLIP_SIDEBAR (user_data));
  return TRUE;
}

static void
clip_sidebar_add_menu_controllers (ClipSidebar *self)
{
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (secondary));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (menu_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (long_press));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                     gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
                        gtk_callback_action_new (menu_key_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
}
