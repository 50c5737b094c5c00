/* clip-sidebar-row.c — the sidebar's rows: a name, an unread count kept
 * cheap to update, a warning sign for an outlet's health, and what the
 * row stands for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-article-table.h"
#include "clip-format.h"
#include "clip-sidebar-row.h"

static char *
format_count (gint64 n)
{
  return n > 0 ? clip_format_count (n, NULL) : g_strdup ("");
}

static void
show_row_count (GtkWidget *row,
                gint64     count)
{
  GtkInscription *label = g_object_get_data (G_OBJECT (row), CLIP_ROW_COUNT);
  const char *title = g_object_get_data (G_OBJECT (row), CLIP_ROW_TITLE);
  g_autofree char *text = format_count (count);
  g_autofree char *a11y = NULL;

  g_object_set_data_full (G_OBJECT (row), CLIP_ROW_SHOWN, g_memdup2 (&count, sizeof count), g_free);
  gtk_inscription_set_text (label, text);
  /* Room for three digits, and more only when a count needs it: each
   * change of size measures the row again (an inscription measures with
   * the font's metrics, which costs about what shaping a label does). */
  if (strlen (text) > gtk_inscription_get_nat_chars (label))
    {
      gtk_inscription_set_min_chars (label, (guint) strlen (text));
      gtk_inscription_set_nat_chars (label, (guint) strlen (text));
    }
  /* Screen readers hear the name and the count together. */
  /* Translators: an outlet's name and its number of unread articles. */
  a11y = count > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s unread", "%s, %s unread",
                                    (gulong) count), title, text)
    : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

/* Counts arrive for every row after each refresh; most have not changed,
 * and a thousand label and accessibility updates are not free. */
void
clip_sidebar_row_set_count (GtkWidget *row,
               gint64     count)
{
  gint64 *shown = g_object_get_data (G_OBJECT (row), CLIP_ROW_SHOWN);

  if (shown == NULL || *shown != count)
    show_row_count (row, count);
}

void
clip_sidebar_row_set_title (GtkWidget  *row,
               const char *title)
{
  gint64 *shown = g_object_get_data (G_OBJECT (row), CLIP_ROW_SHOWN);

  if (g_strcmp0 (title, g_object_get_data (G_OBJECT (row), CLIP_ROW_TITLE)) == 0)
    return;
  g_object_set_data_full (G_OBJECT (row), CLIP_ROW_TITLE, g_strdup (title), g_free);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), CLIP_ROW_NAME), title);
  show_row_count (row, shown ? *shown : 0);
}

/* The outlet's health: a warning sign, with the last error as its tooltip,
 * while the last fetch failed. */
void
clip_sidebar_row_set_error (GtkWidget  *row,
               const char *error)
{
  GtkWidget *warn = g_object_get_data (G_OBJECT (row), CLIP_ROW_WARN);

  if (g_strcmp0 (error, g_object_get_data (G_OBJECT (row), CLIP_ROW_ERROR)) == 0 && (warn || !error))
    return;
  g_object_set_data_full (G_OBJECT (row), CLIP_ROW_ERROR, g_strdup (error), g_free);
  if (error == NULL)
    {
      if (warn != NULL)
        gtk_widget_set_visible (warn, FALSE);
      return;
    }
  if (warn == NULL)
    {
      GtkWidget *count = g_object_get_data (G_OBJECT (row), CLIP_ROW_COUNT);

      warn = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (warn, "warning");
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (count)), warn,
                                  gtk_widget_get_prev_sibling (count));
      g_object_set_data (G_OBJECT (row), CLIP_ROW_WARN, warn);
    }
  gtk_widget_set_visible (warn, TRUE);
  gtk_widget_set_tooltip_text (warn, error);
  gtk_accessible_update_property (GTK_ACCESSIBLE (warn),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fetch failed"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error, -1);
}

GtkWidget *
clip_sidebar_row_new (ClipSourceKind  kind,
          gint64          outlet_id,
          const char     *icon_name,
          const char     *title,
          gint64          count,
          const char     *group,
          const char     *error)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  /* An inscription's size does not follow its text: a refresh that changes
   * a thousand counts redraws the rows shown instead of measuring every
   * row again, and the sidebar keeps its width. */
  GtkWidget *count_label = gtk_inscription_new (NULL);

  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  if (kind == CLIP_SOURCE_RULE)
    {
      /* The rule's colour, as its chips have it. */
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *klass = clip_article_table_rule_class (outlet_id);

      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (dot, "clip-rule-dot");
      gtk_widget_add_css_class (dot, klass);
      gtk_box_append (GTK_BOX (box), dot);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* The pane's width is its own, not its longest name's: names arriving
   * with a refresh do not push the article list aside. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (count_label), 1);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (count_label), 3);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (count_label), 3);
  gtk_widget_set_valign (count_label, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (count_label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), CLIP_ROW_KIND, GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (row), CLIP_ROW_ID, g_memdup2 (&outlet_id, sizeof outlet_id), g_free);
  g_object_set_data_full (G_OBJECT (row), CLIP_ROW_GROUP, g_strdup (group), g_free);
  g_object_set_data_full (G_OBJECT (row), CLIP_ROW_TITLE, g_strdup (title), g_free);
  g_object_set_data (G_OBJECT (row), CLIP_ROW_COUNT, count_label);
  g_object_set_data (G_OBJECT (row), CLIP_ROW_NAME, label);
  clip_sidebar_row_set_error (row, error);
  show_row_count (row, count);
  return row;
}

ClipSourceKind
clip_sidebar_row_kind (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), CLIP_ROW_KIND));
}

gint64
clip_sidebar_row_outlet_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), CLIP_ROW_ID);

  return id ? *id : 0;
}

GtkWidget *
clip_sidebar_header_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "clip-sidebar-heading");
  return label;
}
