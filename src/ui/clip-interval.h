/* clip-interval.h — the refresh intervals an analyst picks from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Appends the choices' labels ("5 minutes" … "1 day") to list. */
void  clip_interval_fill_list  (GtkStringList *list);
/* The choice nearest to seconds (an interval set elsewhere, by the CLI or
 * dconf, shows as the nearest one). */
guint clip_interval_nearest    (gint64         seconds);
/* The seconds of choice i, or 0 when there is no such choice. */
guint clip_interval_seconds    (guint          i);

G_END_DECLS
