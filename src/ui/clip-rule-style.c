/* clip-rule-style.c — colour dots and severity chips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-rule-style.h"

#define DOT_SIZE 12

/* The severity colours are Adwaita's named colours, so they follow the
 * light and dark styles. */
static const char severity_css[] =
  ".clip-severity { border-radius: 9px; padding: 1px 8px; font-size: smaller; font-weight: bold; }\n"
  ".clip-severity-info { background-color: alpha(@view_fg_color, 0.1); }\n"
  ".clip-severity-important { background-color: @warning_bg_color; color: @warning_fg_color; }\n"
  ".clip-severity-critical { background-color: @error_bg_color; color: @error_fg_color; }\n"
  "row.clip-unread .title { font-weight: bold; }\n";

void
clip_rule_style_ensure (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, severity_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  const GdkRGBA *rgba = user_data;

  gdk_cairo_set_source_rgba (cr, rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

GtkWidget *
clip_rule_color_dot (const char *color)
{
  GtkWidget *area = gtk_drawing_area_new ();
  GdkRGBA *rgba = g_new0 (GdkRGBA, 1);

  if (color == NULL || !gdk_rgba_parse (rgba, color))
    gdk_rgba_parse (rgba, "#3584e4");
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), DOT_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), DOT_SIZE);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_dot, rgba, g_free);
  return area;
}

const char *
clip_rule_severity_label (const char *severity)
{
  if (g_strcmp0 (severity, "critical") == 0)
    return _("Critical");
  if (g_strcmp0 (severity, "important") == 0)
    return _("Important");
  return _("Info");
}

GtkWidget *
clip_rule_severity_chip (const char *severity)
{
  GtkWidget *chip = gtk_label_new (clip_rule_severity_label (severity));
  g_autofree char *klass = NULL;

  clip_rule_style_ensure ();
  if (g_strcmp0 (severity, "critical") != 0 && g_strcmp0 (severity, "important") != 0)
    severity = "info";
  klass = g_strconcat ("clip-severity-", severity, NULL);
  gtk_widget_add_css_class (chip, "clip-severity");
  gtk_widget_add_css_class (chip, klass);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  return chip;
}

const char *
clip_rule_notify_label (const char *notify)
{
  if (g_strcmp0 (notify, "hourly") == 0)
    return _("Hourly digest");
  if (g_strcmp0 (notify, "daily") == 0)
    return _("Daily digest");
  if (g_strcmp0 (notify, "none") == 0)
    return _("No notifications");
  return _("Notify at once");
}
