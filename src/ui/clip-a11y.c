/* clip-a11y.c — names for controls that would have none on the bus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "clip-a11y.h"

void
clip_a11y_name_menu_button (GtkWidget  *menu_button,
                            const char *name)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (menu_button) && name != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *c = gtk_widget_get_first_child (menu_button); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_BUTTON (c))
      gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
clip_a11y_name_menu_buttons (GtkWidget *widget)
{
  const char *tip;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  if (GTK_IS_MENU_BUTTON (widget) && (tip = gtk_widget_get_tooltip_text (widget)) != NULL)
    {
      g_autofree char *name = g_strdup (tip);

      clip_a11y_name_menu_button (widget, name);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    clip_a11y_name_menu_buttons (c);
}

static void
name (GtkWidget *widget, const char *text)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
name_switches (GtkWidget *widget, const char *text)
{
  if (GTK_IS_SWITCH (widget))
    name (widget, text);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (!GTK_IS_REVEALER (c))
      name_switches (c, text);
}

/* An icon-only button: its tooltip, or what its icon means. */
static void
name_icon_button (GtkWidget *button)
{
  GtkWidget *child = gtk_widget_get_first_child (button);
  const char *tip = gtk_widget_get_tooltip_text (button);
  const char *icon;

  if (!GTK_IS_IMAGE (child) || gtk_widget_get_next_sibling (child) != NULL)
    return;
  icon = gtk_image_get_icon_name (GTK_IMAGE (child));
  if (tip)
    {
      g_autofree char *text = g_strdup (tip);

      name (button, text);
    }
  else if (g_strcmp0 (icon, "edit-find-symbolic") == 0)
    name (button, _("Search"));
}

void
clip_a11y_name_internals (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  if (ADW_IS_EXPANDER_ROW (root))
    {
      /* Only the row's own switch, in its header: the rows it reveals
       * have titles of their own. */
      name_switches (root, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
    }
  else if (GTK_IS_COLOR_BUTTON (root))
    {
      for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
        name (c, _("Color"));
    }
  else if (GTK_IS_SEARCH_ENTRY (root))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (root, "placeholder-text", &placeholder, NULL);
      name (root, placeholder && *placeholder ? placeholder : _("Search"));
      return;
    }
  else if (GTK_IS_MENU_BUTTON (root))
    {
      const char *tip = gtk_widget_get_tooltip_text (root);
      g_autofree char *text = g_strdup (tip ? tip : _("Menu"));

      clip_a11y_name_menu_button (root, text);
      return;
    }
  else if (GTK_IS_DROP_DOWN (root))
    {
      /* Its button, read as "GtkToggleButton": the tooltip names it. */
      const char *tip = gtk_widget_get_tooltip_text (root);

      for (GtkWidget *c = gtk_widget_get_first_child (root); c && tip; c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_TOGGLE_BUTTON (c))
          name (c, tip);
      return;
    }
  else if (GTK_IS_BUTTON (root))
    name_icon_button (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    clip_a11y_name_internals (c);
}
