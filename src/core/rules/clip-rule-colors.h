/* clip-rule-colors.h — a new rule's colour: the palette's farthest from
 * those the rules already have, so that chips, highlights and chart lines
 * can be told apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"

G_BEGIN_DECLS

/* The palette, #rrggbb, NULL-terminated: GNOME's (the HIG's), in an
 * order where each colour stands well apart from those before it. */
extern const char * const clip_rule_palette[];

/* The palette colour whose nearest colour in used (#rrggbb, NULL-
 * terminated; others ignored) is the farthest, by CIELAB distance; on a
 * tie, the earlier in the palette. The first with nothing in use. */
const char *clip_rule_pick_color     (const char * const *used);
/* How far apart two colours (#rrggbb) look: the CIELAB distance (about
 * 2.3 is the least a person notices; the palette's nearest two are over
 * 20 apart). -1 when either is not #rrggbb. */
double      clip_rule_color_distance (const char *a,
                                      const char *b);
/* The same, against the rules in the archive. */
char       *clip_store_next_rule_color (ClipStore         *store,
                                        GError           **error);

G_END_DECLS
