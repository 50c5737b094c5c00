/* clip-article-row.c — the article list's rows: the title on a line of
 * its own (the width of the list), then time, outlet and the rules'
 * chips (dots when narrow); unread rows bold with a dot, flagged ones
 * with a star; a search's snippet under them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-article-row.h"
#include "clip-highlight.h"

/* The parts of a row, kept on its widget. */
typedef struct {
  GtkWidget *title;
  GtkWidget *star;
  GtkWidget *time;
  GtkWidget *uncertain;     /* the date-uncertain sign beside the time */
  GtkWidget *outlet;
  GtkWidget *copy;      /* "Copy of …", "Recycled from …" */
  GtkWidget *chip;
  GtkWidget *more;
  GtkWidget *snippet;
  gulong     notify;    /* on the item bound */
} RowParts;

#define PARTS "clip-row-parts"

/* gtk_widget_set_tooltip_text() asks the display where the pointer is (a
 * round trip to the X server) on every call; with a screenful of rows
 * bound at once that was most of a scroll's stall. Rows keep the text
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
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (text != NULL && *text == '\0')
    text = NULL;
  g_object_set_data_full (G_OBJECT (widget), "clip-tooltip", g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
}

/* Texts are GtkInscriptions, not GtkLabels: an inscription's size comes
 * from its character and line counts, not from its text. GTK 4.8 keeps
 * about 200 rows realised around the visible ones and measures them all
 * after a jump; labels shaped every text of them to measure it (most of
 * a 60 ms stall at the end of a million articles), inscriptions shape
 * only the rows that are drawn. Every row is as tall as the others. */
static GtkWidget *
text_new (guint       min_chars,
          guint       nat_chars,
          guint       lines,
          const char *css_class)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), nat_chars);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (text), lines);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (text), lines);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (lines > 1)
    gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (text, css_class);
  g_signal_connect (text, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  return text;
}

/* A rule's chip: one for the first rule, "+N" for the others. Made once
 * per row and filled on bind; labels sized by their short text. */
static GtkWidget *
chip_new (void)
{
  GtkWidget *chip = gtk_label_new (NULL);

  gtk_label_set_single_line_mode (GTK_LABEL (chip), TRUE);
  gtk_widget_add_css_class (chip, "clip-chip");
  gtk_widget_set_visible (chip, FALSE);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  g_signal_connect (chip, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  return chip;
}

static GtkWidget *
first_line (RowParts *parts)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (dot, "clip-unread-dot");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  parts->title = text_new (8, 60, 1, "clip-article-title");
  gtk_widget_set_hexpand (parts->title, TRUE);
  parts->star = gtk_image_new_from_icon_name ("starred-symbolic");
  gtk_widget_add_css_class (parts->star, "clip-flag-star");
  gtk_widget_set_tooltip_text (parts->star, _("Flagged"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->star), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Flagged"), -1);
  gtk_box_append (GTK_BOX (line), dot);
  /* At the row's end with the flag, where it does not move the columns. */
  parts->uncertain = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (parts->uncertain, "warning");
  gtk_widget_set_tooltip_text (parts->uncertain, _("Date uncertain: the feed's and the page's dates disagree"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->uncertain), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date uncertain"), -1);
  gtk_widget_set_visible (parts->uncertain, FALSE);
  gtk_box_append (GTK_BOX (line), parts->title);
  gtk_box_append (GTK_BOX (line), parts->uncertain);
  gtk_box_append (GTK_BOX (line), parts->star);
  return line;
}

static GtkWidget *
second_line (RowParts *parts)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  /* Room for " 3 Mar 14:05" and a longer month name. */
  parts->time = text_new (6, 13, 1, "clip-article-time");
  gtk_widget_add_css_class (parts->time, "numeric");
  parts->outlet = text_new (4, 24, 1, "clip-article-outlet");
  gtk_widget_set_hexpand (parts->outlet, TRUE);
  parts->copy = text_new (6, 32, 1, "clip-article-copy");
  gtk_widget_set_visible (parts->copy, FALSE);
  parts->chip = chip_new ();
  gtk_label_set_ellipsize (GTK_LABEL (parts->chip), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (parts->chip), 24);
  parts->more = chip_new ();
  gtk_widget_add_css_class (parts->more, "clip-chip-more");
  gtk_box_append (GTK_BOX (line), parts->time);
  gtk_box_append (GTK_BOX (line), parts->outlet);
  gtk_box_append (GTK_BOX (line), parts->copy);
  gtk_box_append (GTK_BOX (line), parts->chip);
  gtk_box_append (GTK_BOX (line), parts->more);
  return line;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  RowParts *parts = g_new0 (RowParts, 1);
  GtkWidget *second;

  gtk_widget_add_css_class (row, "clip-article-row");
  gtk_box_append (GTK_BOX (row), first_line (parts));
  second = second_line (parts);
  gtk_widget_add_css_class (second, "clip-article-meta");
  gtk_box_append (GTK_BOX (row), second);
  parts->snippet = text_new (8, 60, 2, "clip-article-snippet");
  gtk_widget_set_visible (parts->snippet, FALSE);
  gtk_box_append (GTK_BOX (row), parts->snippet);
  /* Where a click on a row is recognised (see the table). */
  g_object_set_data (G_OBJECT (row), "clip-cell", GINT_TO_POINTER (TRUE));
  /* Its position, for the table's context menu (the item owns the row). */
  g_object_set_data (G_OBJECT (row), "clip-list-item", list_item);
  g_object_set_data_full (G_OBJECT (row), PARTS, parts, g_free);
  gtk_list_item_set_child (list_item, row);
}

/* The state that changes while a row is shown: read, flag, snippet. */
static void
update_state (GtkWidget       *row,
              ClipArticleItem *item)
{
  RowParts *parts = g_object_get_data (G_OBJECT (row), PARTS);
  const GArray *marks = NULL;
  const char *snippet = clip_article_item_get_snippet (item, &marks);
  gboolean read = clip_article_item_get_read (item);

  if (read)
    gtk_widget_remove_css_class (row, "clip-unread");
  else
    gtk_widget_add_css_class (row, "clip-unread");
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->title), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  read ? "" : _("Unread"), -1);
  gtk_widget_set_visible (parts->star, clip_article_item_get_flag (item) != 0);
  if (gtk_widget_get_visible (parts->snippet))
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      for (guint i = 0; marks != NULL && i + 1 < marks->len; i += 2)
        clip_highlight_add_hit (attrs, g_array_index (marks, guint, i), g_array_index (marks, guint, i + 1));
      gtk_inscription_set_text (GTK_INSCRIPTION (parts->snippet), snippet ? snippet : "");
      gtk_inscription_set_attributes (GTK_INSCRIPTION (parts->snippet), attrs);
    }
}

static void
item_notify_cb (ClipArticleItem *item,
                GParamSpec      *pspec,
                GtkWidget       *row)
{
  update_state (row, item);
}

/* One chip for the first rule, "+N" with the others' names as a tooltip:
 * many chips squeezed into "…" say nothing. Narrow: a dot in the rule's
 * colour, its name as tooltip and for screen readers. */
static void
bind_chips (RowParts         *parts,
            ClipArticleItem  *item,
            ClipArticleTable *table)
{
  const gint64 *ids = clip_article_item_get_rule_ids (item);
  g_autoptr(GString) others = g_string_new (NULL);
  const char *first = NULL;
  const char *old = g_object_get_data (G_OBJECT (parts->chip), "clip-rule-class");
  g_autofree char *klass = NULL;
  gboolean dots = clip_article_table_get_narrow (table);
  guint hidden = 0;

  for (guint i = 0; ids && ids[i]; i++)
    {
      const char *name = clip_article_table_get_rule_name (table, ids[i]);

      if (name == NULL)
        continue;   /* a rule removed since */
      if (first == NULL)
        {
          first = name;
          klass = clip_article_table_rule_class (ids[i]);
          continue;
        }
      g_string_append_printf (others, "%s%s", hidden ? "\n" : "", name);
      hidden++;
    }
  /* The chip's colour class (clip-rule-ID), swapped for the row's rule. */
  if (g_strcmp0 (old, klass) != 0)
    {
      if (old != NULL)
        gtk_widget_remove_css_class (parts->chip, old);
      if (klass != NULL)
        gtk_widget_add_css_class (parts->chip, klass);
      g_object_set_data_full (G_OBJECT (parts->chip), "clip-rule-class", g_strdup (klass), g_free);
    }
  gtk_widget_set_visible (parts->chip, first != NULL);
  if (dots)
    gtk_widget_add_css_class (parts->chip, "clip-chip-dot");
  else
    gtk_widget_remove_css_class (parts->chip, "clip-chip-dot");
  if (first != NULL)
    {
      gtk_label_set_text (GTK_LABEL (parts->chip), dots ? "" : first);
      gtk_label_set_width_chars (GTK_LABEL (parts->chip), dots ? 0 : MIN (g_utf8_strlen (first, -1), 24));
      gtk_accessible_update_property (GTK_ACCESSIBLE (parts->chip), GTK_ACCESSIBLE_PROPERTY_LABEL, first, -1);
    }
  set_tooltip (parts->chip, first);
  gtk_widget_set_visible (parts->more, hidden > 0);
  if (hidden > 0)
    {
      g_autofree char *label = g_strdup_printf ("+%u", hidden);

      gtk_label_set_text (GTK_LABEL (parts->more), label);
      set_tooltip (parts->more, others->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (parts->more), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      others->str, -1);
    }
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ClipArticleTable         *table)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  RowParts *parts = g_object_get_data (G_OBJECT (row), PARTS);
  ClipArticleItem *item = gtk_list_item_get_item (list_item);
  const char *title = clip_article_item_get_title (item);
  g_autofree char *time = clip_article_item_format_time (clip_article_item_get_time (item),
                                                         g_get_real_time () / G_USEC_PER_SEC);

  if (title == NULL || *title == '\0')
    {
      /* Some feeds have items without a title: never a blank row. */
      gtk_inscription_set_text (GTK_INSCRIPTION (parts->title), _("Untitled"));
      set_tooltip (parts->title, NULL);
      gtk_widget_add_css_class (parts->title, "dim-label");
    }
  else
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (parts->title), title);
      set_tooltip (parts->title, title);
      gtk_widget_remove_css_class (parts->title, "dim-label");
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (parts->time), time);
  gtk_widget_set_visible (parts->uncertain, clip_article_item_get_date_uncertain (item));
  gtk_inscription_set_text (GTK_INSCRIPTION (parts->outlet), clip_article_item_get_outlet_name (item));
  set_tooltip (parts->outlet, clip_article_item_get_outlet_name (item));
  {
    g_autofree char *copy = clip_article_item_format_copy (item);

    gtk_inscription_set_text (GTK_INSCRIPTION (parts->copy), copy);
    set_tooltip (parts->copy, copy);
    gtk_widget_set_visible (parts->copy, copy != NULL);
  }
  bind_chips (parts, item, table);
  gtk_widget_set_visible (parts->snippet, clip_article_table_get_snippets (table));
  update_state (row, item);
  parts->notify = g_signal_connect (item, "notify", G_CALLBACK (item_notify_cb), row);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  RowParts *parts = g_object_get_data (G_OBJECT (row), PARTS);
  ClipArticleItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL && parts->notify != 0)
    g_signal_handler_disconnect (item, parts->notify);
  parts->notify = 0;
}

GtkListItemFactory *
clip_article_row_factory_new (ClipArticleTable *table)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), table);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  return factory;
}
