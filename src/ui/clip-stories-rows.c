/* clip-stories-rows.c — the Stories view's rows and labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-article-item.h"
#include "clip-format.h"
#include "clip-stories-rows.h"

void
clip_stories_clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

GtkWidget *
clip_stories_label_new (const char *text, const char *css_class, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
upper_join (GStrv items, const char *sep, gboolean upper)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; items && items[i]; i++)
    g_ptr_array_add (parts, upper ? g_ascii_strup (items[i], -1) : g_strdup (items[i]));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (sep, (char **) parts->pdata);
}

/* "7 Dec 14:05 · first: Civil.ge · 5 articles" */
char *
clip_stories_meta_text (const ClipStory *s)
{
  g_autofree char *when = clip_format_time_short (s->first_seen, g_get_real_time () / G_USEC_PER_SEC,
                                                  NULL, NULL);
  g_autofree char *n = clip_format_count (s->articles->len, NULL);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s article", "%s articles",
                                                         s->articles->len), n);

  /* Translators: a story's first article: "7 Dec 14:05 · first: Civil.ge · 5 articles" */
  return g_strdup_printf (_("%s · first: %s · %s"), when, s->first_outlet ? s->first_outlet : "", count);
}

/* "EN, RU, KA · Civil.ge, TASS, Reuters" */
char *
clip_stories_reach_text (const ClipStory *s)
{
  g_autofree char *langs = upper_join (s->languages, ", ", TRUE);
  g_autofree char *outlets = upper_join (s->outlets, ", ", FALSE);

  return *langs ? g_strdup_printf ("%s · %s", langs, outlets) : g_steal_pointer (&outlets);
}

static GtkWidget *
split_button (const ClipStoryArticle *a)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Move Out of This Story"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move out of this story"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "stories.split");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", a->id);
  return button;
}

/* time · outlet · language, the title, and what it is a copy of. */
GtkWidget *
clip_stories_entry_box (const ClipStoryArticle *a, const ClipStoryArticle *original)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *when = clip_format_time_short (a->time, g_get_real_time () / G_USEC_PER_SEC, NULL, NULL);
  g_autofree char *lang = a->lang ? g_ascii_strup (a->lang, -1) : NULL;
  g_autofree char *head = lang ? g_strdup_printf ("%s · %s", a->outlet, lang) : g_strdup (a->outlet);
  GtkWidget *time = clip_stories_label_new (when, "numeric", FALSE);

  gtk_label_set_width_chars (GTK_LABEL (time), 13);
  gtk_widget_set_valign (time, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (text), clip_stories_label_new (head, "heading", FALSE));
  gtk_box_append (GTK_BOX (text), clip_stories_label_new (a->title && *a->title ? a->title : _("Untitled"), NULL, TRUE));
  if (a->copy_of && original)
    {
      g_autofree char *copy = clip_article_item_copy_text (original->outlet, original->time,
                                                           a->recycled_from != 0);
      g_autofree char *shared = g_strdup_printf (_("%s (%.0f%% of its text shared)"), copy, a->shared * 100);

      gtk_box_append (GTK_BOX (text), clip_stories_label_new (shared, "clip-article-copy", TRUE));
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), split_button (a));
  g_object_set (box, "margin-top", 8, "margin-bottom", 8, "margin-start", 12, "margin-end", 6, NULL);
  return box;
}

GtkWidget *
clip_stories_merge_row (const ClipStory *s)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *meta = clip_stories_meta_text (s);

  gtk_box_append (GTK_BOX (box), clip_stories_label_new (s->title && *s->title ? s->title : _("Untitled"), NULL, FALSE));
  gtk_box_append (GTK_BOX (box), clip_stories_label_new (meta, "dim-label", FALSE));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "story-id", GSIZE_TO_POINTER ((gsize) s->id));
  return row;
}
