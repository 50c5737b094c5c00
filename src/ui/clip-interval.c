/* clip-interval.c — the refresh intervals an analyst picks from, shared by
 * the preferences (the default) and an outlet's properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-interval.h"

static const guint intervals[] = {
  5 * 60, 15 * 60, 30 * 60, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600,
};

static char *
interval_label (guint seconds)
{
  if (seconds < 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes",
                                         seconds / 60), seconds / 60);
  if (seconds < 24 * 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours",
                                         seconds / 3600), seconds / 3600);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days",
                                       seconds / 86400), seconds / 86400);
}

void
clip_interval_fill_list (GtkStringList *list)
{
  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    {
      g_autofree char *label = interval_label (intervals[i]);

      gtk_string_list_append (list, label);
    }
}

guint
clip_interval_nearest (gint64 seconds)
{
  guint best = 0;

  for (guint i = 1; i < G_N_ELEMENTS (intervals); i++)
    if (ABS ((gint64) intervals[i] - seconds) < ABS ((gint64) intervals[best] - seconds))
      best = i;
  return best;
}

guint
clip_interval_seconds (guint i)
{
  return i < G_N_ELEMENTS (intervals) ? intervals[i] : 0;
}
