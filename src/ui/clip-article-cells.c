/* clip-article-cells.c — the article table's cells: time, outlet and
 * title as inscriptions, the rules as chips (or dots when narrow)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-article-cells.h"

/* gtk_widget_set_tooltip_text() asks the display where the pointer is (a
 * round trip to the X server) on every call; with a screenful of rows
 * bound at once that was most of a scroll's stall. Cells keep the text
 * and give it when GTK is about to show the tooltip. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "clip-tooltip");

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_cell_tooltip (GtkWidget  *widget,
                  const char *text)
{
  if (text != NULL && *text == '\0')
    text = NULL;
  g_object_set_data_full (G_OBJECT (widget), "clip-tooltip", g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
}

/* Cells are GtkInscriptions, not GtkLabels: an inscription's size comes
 * from its character and line counts, not from its text. GTK 4.8 keeps
 * about 200 rows realised around the visible ones and measures them all
 * after a jump; labels shaped every text of them to measure it (most of
 * a 60 ms stall at the end of a million articles), inscriptions shape
 * only the rows that are drawn. */
static GtkWidget *
cell_text_new (guint min_chars,
               guint nat_chars)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), nat_chars);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (cell), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (cell), 1);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_object_set_data (G_OBJECT (cell), "clip-cell", GINT_TO_POINTER (TRUE));
  return cell;
}

static void
update_read (GtkWidget       *cell,
             ClipArticleItem *item)
{
  if (clip_article_item_get_read (item))
    gtk_widget_remove_css_class (cell, "clip-unread");
  else
    gtk_widget_add_css_class (cell, "clip-unread");
}

static void
read_changed_cb (ClipArticleItem *item,
                 GParamSpec      *pspec,
                 GtkWidget       *cell)
{
  update_read (cell, item);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (user_data);
  GtkWidget *cell;

  /* Widths in characters, the same for every row so that columns do not
   * shift while scrolling; only the title takes the spare width. The
   * time has room for " 3 Mar 14:05" and a longer month name. */
  switch (column)
    {
    case CLIP_ARTICLE_CELL_TIME:
      cell = cell_text_new (12, 13);
      gtk_widget_add_css_class (cell, "numeric");
      gtk_widget_add_css_class (cell, "dim-label");
      break;
    case CLIP_ARTICLE_CELL_OUTLET:
      cell = cell_text_new (14, 14);
      break;
    case CLIP_ARTICLE_CELL_TITLE:
    default:
      cell = cell_text_new (8, 50);
      break;
    }
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (user_data);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  GtkInscription *text = GTK_INSCRIPTION (cell);
  ClipArticleItem *item = gtk_list_item_get_item (list_item);
  const char *title = clip_article_item_get_title (item);
  g_autofree char *time = NULL;
  gulong handler;

  switch (column)
    {
    case CLIP_ARTICLE_CELL_TIME:
      time = clip_article_item_format_time (clip_article_item_get_time (item),
                                            g_get_real_time () / G_USEC_PER_SEC);
      gtk_inscription_set_text (text, time);
      break;
    case CLIP_ARTICLE_CELL_OUTLET:
      gtk_inscription_set_text (text, clip_article_item_get_outlet_name (item));
      set_cell_tooltip (cell, clip_article_item_get_outlet_name (item));
      break;
    case CLIP_ARTICLE_CELL_TITLE:
    default:
      if (title == NULL || *title == '\0')
        {
          /* Some feeds have items without a title: never a blank row. */
          gtk_inscription_set_text (text, _("Untitled"));
          set_cell_tooltip (cell, NULL);
          gtk_widget_add_css_class (cell, "dim-label");
        }
      else
        {
          gtk_inscription_set_text (text, title);
          set_cell_tooltip (cell, title);
          gtk_widget_remove_css_class (cell, "dim-label");
        }
      break;
    }
  update_read (cell, item);
  handler = g_signal_connect (item, "notify::read", G_CALLBACK (read_changed_cb), cell);
  g_object_set_data (G_OBJECT (list_item), "clip-read-handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_label_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  ClipArticleItem *item = gtk_list_item_get_item (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "clip-read-handler"));

  if (item != NULL && handler != 0)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (list_item), "clip-read-handler", NULL);
}

/* A row's chips: one for the first rule, "+N" for the others. Both are
 * made once per cell and filled on bind (a widget made on every bind was
 * a good part of a scroll's cost in rows with matches). They stay labels,
 * sized by their text: short, and only in rows with matches. */
static GtkWidget *
chip_new (void)
{
  GtkWidget *chip = gtk_label_new (NULL);

  gtk_label_set_single_line_mode (GTK_LABEL (chip), TRUE);
  gtk_widget_add_css_class (chip, "clip-chip");
  gtk_widget_set_visible (chip, FALSE);
  g_signal_connect (chip, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  return chip;
}

static void
setup_chips_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *chip = chip_new ();
  GtkWidget *more = chip_new ();

  gtk_widget_set_overflow (box, GTK_OVERFLOW_HIDDEN);
  g_object_set_data (G_OBJECT (box), "clip-cell", GINT_TO_POINTER (TRUE));
  gtk_label_set_ellipsize (GTK_LABEL (chip), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (chip), 16);
  gtk_widget_add_css_class (more, "clip-chip-more");
  gtk_box_append (GTK_BOX (box), chip);
  gtk_box_append (GTK_BOX (box), more);
  gtk_list_item_set_child (list_item, box);
}

/* The chip's colour class (clip-rule-ID), swapped for the row's rule. */
static void
set_chip_rule (GtkWidget *chip,
               gint64     rule_id)
{
  const char *old = g_object_get_data (G_OBJECT (chip), "clip-rule-class");
  g_autofree char *klass = rule_id ? clip_article_table_rule_class (rule_id) : NULL;

  if (g_strcmp0 (old, klass) == 0)
    return;
  if (old != NULL)
    gtk_widget_remove_css_class (chip, old);
  if (klass != NULL)
    gtk_widget_add_css_class (chip, klass);
  g_object_set_data_full (G_OBJECT (chip), "clip-rule-class", g_steal_pointer (&klass), g_free);
}

static void
bind_chips_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ClipArticleTable         *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *chip = gtk_widget_get_first_child (box);
  GtkWidget *more = gtk_widget_get_next_sibling (chip);
  ClipArticleItem *item = gtk_list_item_get_item (list_item);
  const gint64 *ids = clip_article_item_get_rule_ids (item);
  g_autoptr(GString) others = g_string_new (NULL);
  const char *first = NULL;
  gint64 first_id = 0;
  guint hidden = 0;
  gboolean dots = clip_article_table_get_narrow (self);

  /* A readable chip, then "+N" with the others' names as a tooltip: many
   * chips squeezed into "…" say nothing. */
  for (guint i = 0; ids && ids[i]; i++)
    {
      const char *name = clip_article_table_get_rule_name (self, ids[i]);

      if (name == NULL)
        continue;   /* a rule removed since */
      if (first == NULL)
        {
          first = name;
          first_id = ids[i];
          continue;
        }
      g_string_append_printf (others, "%s%s", hidden ? "\n" : "", name);
      hidden++;
    }
  gtk_widget_set_visible (chip, first != NULL);
  set_chip_rule (chip, first_id);
  /* Narrow: a dot in the rule's colour, its name as tooltip and for
   * screen readers; the title keeps the room. */
  if (dots)
    gtk_widget_add_css_class (chip, "clip-chip-dot");
  else
    gtk_widget_remove_css_class (chip, "clip-chip-dot");
  gtk_widget_set_valign (chip, dots ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
  gtk_widget_set_halign (chip, dots ? GTK_ALIGN_START : GTK_ALIGN_FILL);
  if (first != NULL)
    {
      gtk_label_set_text (GTK_LABEL (chip), dots ? "" : first);
      gtk_label_set_width_chars (GTK_LABEL (chip), dots ? 0 : MIN (g_utf8_strlen (first, -1), 16));
      gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, first, -1);
    }
  set_cell_tooltip (chip, first);
  gtk_widget_set_visible (more, hidden > 0);
  if (hidden > 0)
    {
      g_autofree char *label = g_strdup_printf ("+%u", hidden);

      gtk_label_set_text (GTK_LABEL (more), label);
      set_cell_tooltip (more, others->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      others->str, -1);
    }
}

GtkListItemFactory *
clip_article_cells_factory_new (ClipArticleCell   column,
                                ClipArticleTable *table)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  if (column == CLIP_ARTICLE_CELL_RULES)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_chips_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_chips_cb), table);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (column));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (column));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_label_cb), GINT_TO_POINTER (column));
    }
  return factory;
}
