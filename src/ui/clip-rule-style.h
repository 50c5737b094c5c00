/* clip-rule-style.h — how a rule looks wherever it shows: its colour as a
 * dot, its severity as a chip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Loads the styles below (and unread rows in bold) for the display. */
void        clip_rule_style_ensure    (void);
/* A small disc in color (#rrggbb; anything unparsable: the accent blue). */
GtkWidget  *clip_rule_color_dot       (const char *color);
/* "Info", "Important", "Critical" (translated). */
const char *clip_rule_severity_label  (const char *severity);
/* A chip for the severity, styled by it (critical stands out most). */
GtkWidget  *clip_rule_severity_chip   (const char *severity);
/* "At once", "Hourly digest", "Daily digest", "None" (translated). */
const char *clip_rule_notify_label    (const char *notify);

G_END_DECLS
