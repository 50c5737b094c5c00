/* clip-pane.h — a pane of a leaflet that the analyst can resize: its
 * natural width is a size of its own, changed by dragging an edge
 *
 * AdwLeaflet gives its children their natural widths first and the rest
 * to those that expand; a ClipPane's natural width is its "size", so a
 * pane beside an expanding one (the article list) gets it, down to its
 * child's minimum when the window is small. Its minimum, and so where the
 * leaflet folds, does not change with the size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CLIP_TYPE_PANE (clip_pane_get_type ())
G_DECLARE_FINAL_TYPE (ClipPane, clip_pane, CLIP, PANE, GtkWidget)

GtkWidget *clip_pane_new           (void);
void       clip_pane_set_child     (ClipPane  *self,
                                    GtkWidget *child);
GtkWidget *clip_pane_get_child     (ClipPane  *self);
/* The natural width; 0: the child's minimum (for a pane that only takes
 * what the others leave); -1: the child's own. */
void       clip_pane_set_size      (ClipPane  *self,
                                    int        size);
int        clip_pane_get_size      (ClipPane  *self);
/* Dragging the left edge of host (the pane itself, or its neighbour on
 * the right) resizes the pane: towards the pane when it is on the left of
 * the edge (direction +1: dragging right widens it), or away from it
 * (-1). The pointer shows that it can, within a few pixels of the edge.
 * "resized" is emitted once a drag ends. */
void       clip_pane_add_handle    (ClipPane  *self,
                                    GtkWidget *host,
                                    int        direction);
/* While FALSE (a folded leaflet) the edges do nothing. */
void       clip_pane_set_resizable (ClipPane  *self,
                                    gboolean   resizable);

G_END_DECLS
