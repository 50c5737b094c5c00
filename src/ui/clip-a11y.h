/* clip-a11y.h — names for controls a screen reader would otherwise read
 * by their class ("GtkMenuButton", "GtkImage")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names a GtkMenuButton and the button inside it: GTK 4.8 exposes both
 * to the accessibility bus, and the inner one has no name of its own. */
void clip_a11y_name_menu_button  (GtkWidget *menu_button,
                                  const char *name);
/* The same for every GtkMenuButton under widget that has a tooltip but no
 * name: the tooltip names it (templates name the outer button only). */
void clip_a11y_name_menu_buttons (GtkWidget *widget);

G_END_DECLS

G_BEGIN_DECLS

/* Names the parts of widgets GTK and libadwaita build themselves, which
 * have no name on the bus in these versions: an AdwExpanderRow's enable
 * switch (the row's title), a GtkColorButton's button, a GtkSearchEntry
 * (its placeholder, or "Search"), a menu button (its tooltip, or
 * "Menu"), a drop-down's button (its tooltip), an icon-only button (its tooltip, or "Search" for the search
 * icon). For windows whose insides are not ours: the preferences (with
 * its search entry), the keyboard shortcuts. */
void clip_a11y_name_internals    (GtkWidget *root);

G_END_DECLS
