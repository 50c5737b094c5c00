/* clip-article-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-article-row.h"
#include "clip-article-table.h"
#include "clip-rules-store.h"

struct _ClipArticleTable
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  GtkScrolledWindow  *scroller;
  GtkListView        *view;
  GtkSpinner         *spinner;
  AdwStatusPage      *empty_page;

  ClipArticleList    *list;
  GtkMultiSelection  *selection;
  guint               current;      /* the row shown: the one selected, or
                                       the last of several clicked alone */
  GtkWidget          *menu;         /* the rows' context menu, or NULL */
  GHashTable         *rule_names;   /* id → name */
  GtkCssProvider     *rule_css;
  guint               spinner_timeout;
  guint               click_idle;
  gboolean            snippets;
  gboolean            narrow;
  guint               narrow_idle;
  gboolean            dots;         /* narrow applied: rules as coloured dots */
  gboolean            to_top;       /* a new view's rows are coming */
};

G_DEFINE_FINAL_TYPE (ClipArticleTable, clip_article_table, ADW_TYPE_BIN)

enum { SELECTION_CHANGED, ARTICLE_ACTIVATED, ARTICLE_CLICKED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Below this width rules are coloured dots beside the time and outlet. */
#define CLIP_ARTICLE_TABLE_NARROW 480

GtkWidget *
clip_article_table_new (void)
{
  return g_object_new (CLIP_TYPE_ARTICLE_TABLE, NULL);
}

char *
clip_article_table_rule_class (gint64 rule_id)
{
  return g_strdup_printf ("clip-rule-%" G_GINT64_FORMAT, rule_id);
}

/* Rows either side of the first one on screen that a rebind reaches:
 * more than GTK 4.8 keeps realised (about 200). */
#define REBIND_REACH 300

/* Rebinds the rows on screen: their chips follow the rules' names and
 * colours, and the table's width. Only those around the screen (and the
 * selected one): a change across every row has GTK 4.8's list read each
 * of them, the whole list on the main thread (9 s for a million rows
 * when a search began far down the list, bench-ui). */
static void
rebind_rows (ClipArticleTable *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double upper = gtk_adjustment_get_upper (vadj);
  guint n, top, start, end, selected;

  if (self->list == NULL || (n = g_list_model_get_n_items (G_LIST_MODEL (self->list))) == 0)
    return;
  top = upper > 0 ? (guint) MIN (n - 1, gtk_adjustment_get_value (vadj) / upper * n) : 0;
  start = top > REBIND_REACH ? top - REBIND_REACH : 0;
  end = MIN (n, top + REBIND_REACH);
  g_list_model_items_changed (model, start, end - start, end - start);
  selected = self->current;
  if (selected != GTK_INVALID_LIST_POSITION && selected < n && (selected < start || selected >= end))
    g_list_model_items_changed (model, selected, 1, 1);
}

/* Narrow: the rules shrink to dots, so that time and outlet keep their
 * room. The change waits for an idle, as rows cannot be rebound while
 * the table is allocated. */
static gboolean
apply_narrow_cb (gpointer user_data)
{
  ClipArticleTable *self = user_data;

  self->narrow_idle = 0;
  if (self->dots != self->narrow)
    {
      self->dots = self->narrow;
      rebind_rows (self);
    }
  return G_SOURCE_REMOVE;
}

/* The horizontal adjustment's page is the width the rows get. */
static void
page_size_cb (GtkAdjustment    *adjustment,
              GParamSpec       *pspec,
              ClipArticleTable *self)
{
  double width = gtk_adjustment_get_page_size (adjustment);
  gboolean narrow = width > 0 && width < CLIP_ARTICLE_TABLE_NARROW;

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      /* Before anything else: at a lower priority, an empty list that
       * just got rows revealed them all first, and the switch then
       * rebuilt every cell of 240 rows in one go. */
      if (self->narrow_idle == 0)
        self->narrow_idle = g_idle_add_full (G_PRIORITY_HIGH, apply_narrow_cb, self, NULL);
    }
}

void
clip_article_table_set_snippets (ClipArticleTable *self,
                                 gboolean          snippets)
{
  g_return_if_fail (CLIP_IS_ARTICLE_TABLE (self));

  if (self->snippets == !!snippets)
    return;
  self->snippets = !!snippets;
  rebind_rows (self);
}

gboolean
clip_article_table_get_snippets (ClipArticleTable *self)
{
  return self->snippets;
}

gboolean
clip_article_table_get_narrow (ClipArticleTable *self)
{
  g_return_val_if_fail (CLIP_IS_ARTICLE_TABLE (self), FALSE);
  return self->narrow && self->narrow_idle == 0;
}

/* Selection and activation */

/* GTK 4.8 has no gtk_list_view_scroll_to(), only its action. */
static void
scroll_to (ClipArticleTable *self,
           guint             position)
{
  gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", position);
}

/* Several rows selected show the one that was current, while it stays
 * selected; a single one is shown. */
static void
selection_changed_cb (ClipArticleTable *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (set);

  if (n == 0)
    self->current = GTK_INVALID_LIST_POSITION;
  else if (n == 1 || self->current == GTK_INVALID_LIST_POSITION || !gtk_bitset_contains (set, self->current))
    self->current = gtk_bitset_get_minimum (set);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
activate_cb (ClipArticleTable *self,
             guint             position)
{
  g_autoptr(ClipArticleItem) item = NULL;

  if (self->list == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (item != NULL)
    g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, item);
}

/* After the press has selected its row. */
static gboolean
click_idle_cb (gpointer user_data)
{
  ClipArticleTable *self = user_data;
  ClipArticleItem *item = clip_article_table_get_selected (self);

  self->click_idle = 0;
  if (item != NULL)
    g_signal_emit (self, signals[ARTICLE_CLICKED], 0, item);
  return G_SOURCE_REMOVE;
}

/* A click released on a row, at (x, y) of the list view: once the row's
 * own gesture has selected it, "article-clicked" says so. A folded window
 * opens the article on it, as a touch would (GTK's single-click
 * activation would select rows under a hovering pointer, and so mark them
 * read). */
void
clip_article_table_click_at (ClipArticleTable *self,
                             double            x,
                             double            y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->view), x, y, GTK_PICK_DEFAULT);

  for (; picked != NULL && picked != GTK_WIDGET (self->view); picked = gtk_widget_get_parent (picked))
    if (g_object_get_data (G_OBJECT (picked), "clip-cell") != NULL)
      {
        if (self->click_idle == 0)
          self->click_idle = g_idle_add (click_idle_cb, self);
        return;
      }
}

/* Sees the primary button's release on its way to the rows, and never
 * stops it: a gesture of our own here took part in GTK's gesture
 * arbitration, and a click under load sometimes selected nothing. */
static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          ClipArticleTable         *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self->view));
  graphene_point_t at, in_view;
  double x, y, nx, ny;

  if (gdk_event_get_event_type (event) != GDK_BUTTON_RELEASE ||
      gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY ||
      native == NULL || !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;
  gtk_native_get_surface_transform (native, &nx, &ny);
  at = GRAPHENE_POINT_INIT ((float) (x - nx), (float) (y - ny));
  if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self->view), &at, &in_view))
    clip_article_table_click_at (self, in_view.x, in_view.y);
  return GDK_EVENT_PROPAGATE;
}

ClipArticleItem *
clip_article_table_get_selected (ClipArticleTable *self)
{
  ClipArticleItem *item;

  if (self->selection == NULL || self->current == GTK_INVALID_LIST_POSITION)
    return NULL;
  /* The list keeps its rows' items: the pointer outlives this ref. */
  item = g_list_model_get_item (G_LIST_MODEL (self->selection), self->current);
  if (item)
    g_object_unref (item);
  return item;
}

guint
clip_article_table_get_n_selected (ClipArticleTable *self)
{
  g_autoptr(GtkBitset) set = NULL;

  g_return_val_if_fail (CLIP_IS_ARTICLE_TABLE (self), 0);
  if (self->selection == NULL)
    return 0;
  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return (guint) gtk_bitset_get_size (set);
}

GArray *
clip_article_table_get_selected_ids (ClipArticleTable *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) set = NULL;
  GtkBitsetIter iter;
  guint pos;

  g_return_val_if_fail (CLIP_IS_ARTICLE_TABLE (self), ids);
  if (self->selection == NULL)
    return ids;
  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  /* By the list's ids, not its items: Ctrl+A on a million rows must not
   * read a million rows. */
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &pos); ok;
       ok = gtk_bitset_iter_next (&iter, &pos))
    {
      gint64 id = clip_article_list_get_id (self->list, pos);

      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

void
clip_article_table_select_all (ClipArticleTable *self)
{
  g_return_if_fail (CLIP_IS_ARTICLE_TABLE (self));
  if (self->selection != NULL)
    gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

void
clip_article_table_select_range (ClipArticleTable *self,
                                 guint             first,
                                 guint             n,
                                 gboolean          extend)
{
  g_return_if_fail (CLIP_IS_ARTICLE_TABLE (self));
  if (self->selection != NULL)
    gtk_selection_model_select_range (GTK_SELECTION_MODEL (self->selection), first, n, !extend);
}

void
clip_article_table_select (ClipArticleTable *self,
                           guint             position)
{
  if (self->selection == NULL)
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  else
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  /* Keep the row in view. */
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
}

void
clip_article_table_move (ClipArticleTable *self,
                         int               delta)
{
  guint n, pos;

  if (self->selection == NULL || (n = g_list_model_get_n_items (G_LIST_MODEL (self->selection))) == 0)
    return;
  pos = self->current;
  if (pos == GTK_INVALID_LIST_POSITION)
    pos = 0;
  else
    pos = (guint) CLAMP ((gint64) pos + delta, 0, (gint64) n - 1);
  clip_article_table_select (self, pos);
}

/* Context menu */

void
clip_article_table_set_context_menu (ClipArticleTable *self,
                                     GMenuModel       *menu)
{
  g_return_if_fail (CLIP_IS_ARTICLE_TABLE (self));
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  if (menu == NULL)
    return;
  self->menu = gtk_popover_menu_new_from_model (menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
}

static void
popup_at (ClipArticleTable *self, double x, double y)
{
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  if (self->menu == NULL)
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &at);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* The position of the row at (x, y) of the list view, or
 * GTK_INVALID_LIST_POSITION. */
static guint
row_at (ClipArticleTable *self, double x, double y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->view), x, y, GTK_PICK_DEFAULT);

  for (; picked != NULL && picked != GTK_WIDGET (self->view); picked = gtk_widget_get_parent (picked))
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (picked), "clip-list-item");

      if (item != NULL)
        return gtk_list_item_get_position (item);
    }
  return GTK_INVALID_LIST_POSITION;
}

/* A right click or a long press: on a row outside the selection, that
 * row alone first, as file managers do; within it, the selection stays.
 * FALSE when (x, y) of the list view is on no row. */
static gboolean
menu_at_point (ClipArticleTable *self,
               double            x,
               double            y)
{
  guint pos = row_at (self, x, y);
  graphene_point_t in_view = GRAPHENE_POINT_INIT ((float) x, (float) y), in_self;

  if (pos == GTK_INVALID_LIST_POSITION || self->menu == NULL)
    return FALSE;
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), pos))
    clip_article_table_select (self, pos);
  if (gtk_widget_compute_point (GTK_WIDGET (self->view), GTK_WIDGET (self), &in_view, &in_self))
    popup_at (self, in_self.x, in_self.y);
  return TRUE;
}

static void
secondary_pressed_cb (GtkGestureClick  *gesture,
                      int               n_press,
                      double            x,
                      double            y,
                      ClipArticleTable *self)
{
  if (menu_at_point (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Touch screens have no right button: a long press opens the menu. */
static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 ClipArticleTable    *self)
{
  if (menu_at_point (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
clip_article_table_popup_menu (ClipArticleTable *self)
{
  g_return_if_fail (CLIP_IS_ARTICLE_TABLE (self));
  if (self->selection == NULL || clip_article_table_get_n_selected (self) == 0)
    return;
  /* The keyboard has no pointer: under the top of the list. */
  popup_at (self, gtk_widget_get_width (GTK_WIDGET (self)) / 3.0, 48);
}

static gboolean
menu_key_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  clip_article_table_popup_menu (CLIP_ARTICLE_TABLE (user_data));
  return TRUE;
}

/* A new view's first rows are about to replace the previous view's: the
 * selected row goes with them. Dropped quietly, as an emptied list did:
 * the reading view keeps its article. */
static void
stale_changed_cb (ClipArticleTable *self)
{
  if (clip_article_list_is_stale (self->list))
    return;
  g_signal_handlers_block_by_func (self->selection, selection_changed_cb, self);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  g_signal_handlers_unblock_by_func (self->selection, selection_changed_cb, self);
  self->current = GTK_INVALID_LIST_POSITION;
  self->to_top = TRUE;
}

/* ... and once they are in (above the old ones, still there), a new view
 * starts at its top: GTK gives the row widgets it has to the rows now in
 * view, rather than building new ones. */
static void
list_items_changed_cb (ClipArticleTable *self,
                       guint             position,
                       guint             removed,
                       guint             added)
{
  /* The selection moves its rows with the change; the current row too. */
  if (self->current != GTK_INVALID_LIST_POSITION && self->current >= position)
    {
      if (self->current >= position + removed)
        self->current = self->current - removed + added;
      else
        self->current = GTK_INVALID_LIST_POSITION;
    }
  if (!self->to_top)
    return;
  self->to_top = FALSE;
  /* What the view has: the selection may not have heard of the change yet
   * (an empty view is at its top anyway). */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    scroll_to (self, 0);
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  ClipArticleTable *self = user_data;

  self->spinner_timeout = 0;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  return G_SOURCE_REMOVE;
}

/* While a view loads, the list stays (empty) on screen, and the spinner
 * only comes when loading takes a while: switching pages remaps the whole
 * list view, which costs more than a quick search. */
static void
update_page (ClipArticleTable *self)
{
  gboolean loading = self->list && clip_article_list_is_loading (self->list);
  guint n = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;

  if (loading && n == 0)
    {
      if (self->spinner_timeout == 0 &&
          g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") != 0)
        self->spinner_timeout = g_timeout_add (400, show_spinner_cb, self);
      return;
    }
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

void
clip_article_table_set_empty_markup (ClipArticleTable *self,
                                     const char       *icon,
                                     const char       *title,
                                     const char       *markup)
{
  adw_status_page_set_icon_name (self->empty_page, icon ? icon : "emblem-documents-symbolic");
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, markup);
  adw_status_page_set_child (self->empty_page, NULL);
}

void
clip_article_table_set_empty (ClipArticleTable *self,
                              const char       *title,
                              const char       *description)
{
  /* The description is markup, and may quote an error from the network. */
  g_autofree char *escaped = description ? g_markup_escape_text (description, -1) : NULL;

  clip_article_table_set_empty_markup (self, NULL, title, escaped);
}

void
clip_article_table_set_empty_child (ClipArticleTable *self,
                                    GtkWidget        *child)
{
  adw_status_page_set_child (self->empty_page, child);
}

void
clip_article_table_set_model (ClipArticleTable *self,
                              ClipArticleList  *list)
{
  g_return_if_fail (CLIP_IS_ARTICLE_TABLE (self));

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_set_object (&self->list, list);
  g_clear_object (&self->selection);
  if (list != NULL)
    {
      self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (list)));
      g_signal_connect_swapped (self->selection, "selection-changed",
                                G_CALLBACK (selection_changed_cb), self);
      g_signal_connect_swapped (list, "notify::loading", G_CALLBACK (update_page), self);
      g_signal_connect_swapped (list, "notify::n-items", G_CALLBACK (update_page), self);
      g_signal_connect_swapped (list, "notify::stale", G_CALLBACK (stale_changed_cb), self);
      /* After the selection's own handler: the view has the new rows. */
      g_signal_connect_swapped (list, "items-changed", G_CALLBACK (list_items_changed_cb), self);
    }
  self->to_top = FALSE;
  self->current = GTK_INVALID_LIST_POSITION;
  gtk_list_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  update_page (self);
}

ClipArticleList *
clip_article_table_get_model (ClipArticleTable *self)
{
  return self->list;
}

/* Rule colours become CSS classes; a colour is only used once GDK has
 * parsed it, and is written back by us, so no text of the archive reaches
 * the style sheet. */
void
clip_article_table_set_rules (ClipArticleTable *self,
                              GPtrArray        *rules)
{
  g_autoptr(GString) css = g_string_new (NULL);

  /* The window sets them when their version changes: each rebinds every
   * row. */
  g_hash_table_remove_all (self->rule_names);
  for (guint i = 0; rules && i < rules->len; i++)
    {
      const ClipRule *rule = g_ptr_array_index (rules, i);
      GdkRGBA rgba;
      double luminance;

      g_hash_table_insert (self->rule_names, g_memdup2 (&rule->id, sizeof rule->id),
                           g_strdup (rule->name));
      if (rule->color == NULL || !gdk_rgba_parse (&rgba, rule->color))
        gdk_rgba_parse (&rgba, "#3584e4");
      luminance = 0.2126 * rgba.red + 0.7152 * rgba.green + 0.0722 * rgba.blue;
      g_string_append_printf (css,
                              ".clip-rule-%" G_GINT64_FORMAT " { background-color: rgb(%d,%d,%d); color: %s; }\n",
                              rule->id, (int) (rgba.red * 255), (int) (rgba.green * 255),
                              (int) (rgba.blue * 255), luminance > 0.6 ? "#000000" : "#ffffff");
    }
  gtk_css_provider_load_from_data (self->rule_css, css->str, css->len);
  rebind_rows (self);
}

const char *
clip_article_table_get_rule_name (ClipArticleTable *self,
                                  gint64            rule_id)
{
  return g_hash_table_lookup (self->rule_names, &rule_id);
}

static void
clip_article_table_dispose (GObject *object)
{
  ClipArticleTable *self = CLIP_ARTICLE_TABLE (object);

  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  g_clear_handle_id (&self->click_idle, g_source_remove);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->rule_css != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->rule_css));
  g_clear_object (&self->rule_css);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  G_OBJECT_CLASS (clip_article_table_parent_class)->dispose (object);
}

static void
clip_article_table_finalize (GObject *object)
{
  ClipArticleTable *self = CLIP_ARTICLE_TABLE (object);

  g_hash_table_unref (self->rule_names);
  G_OBJECT_CLASS (clip_article_table_parent_class)->finalize (object);
}

static void
clip_article_table_class_init (ClipArticleTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clip_article_table_dispose;
  object_class->finalize = clip_article_table_finalize;

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  signals[ARTICLE_ACTIVATED] = g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, CLIP_TYPE_ARTICLE_ITEM);
  /* A single click (or tap) on a row, after it selected the row. */
  signals[ARTICLE_CLICKED] = g_signal_new ("article-clicked", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, CLIP_TYPE_ARTICLE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-article-table.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipArticleTable, stack);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleTable, view);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleTable, spinner);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleTable, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
clip_article_table_init (ClipArticleTable *self)
{
  GtkListItemFactory *factory;
  GtkEventController *click, *keys;
  GtkGesture *secondary, *long_press;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rule_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->rule_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->rule_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  factory = clip_article_row_factory_new (self);
  gtk_list_view_set_factory (self->view, factory);
  g_object_unref (factory);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (page_size_cb), self, 0);
  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (secondary));
  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (long_press));
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                     gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
                        gtk_callback_action_new (menu_key_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->view), keys);
  click = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (click, GTK_PHASE_CAPTURE);
  g_signal_connect (click, "event", G_CALLBACK (event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), click);
  clip_article_table_set_empty (self, _("No Articles Yet"),
                                _("Articles appear here once the outlets have been fetched."));
  update_page (self);
}
