/* clip-outlet-removal.h — removing an outlet without losing the
 * analyst's work: the question (stop fetching, or remove with N articles,
 * keeping the annotated ones unless ticked), then an Undo toast
 *
 * A removal is done in two steps: at once the outlet is hidden (marked
 * removed, not fetched; no article touched); when the toast goes without
 * Undo the articles are deleted (the annotated kept unless the analyst
 * ticked otherwise). Undo brings the outlet back as it was. Should the
 * application end before the toast goes, the outlet stays hidden with
 * every article kept: nothing is lost (README, "Removed outlets").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-commands.h"
#include "clip-store.h"

G_BEGIN_DECLS

#define CLIP_OUTLET_REMOVAL_UNDO_SECONDS 6

#define CLIP_TYPE_OUTLET_REMOVAL (clip_outlet_removal_get_type ())
G_DECLARE_FINAL_TYPE (ClipOutletRemoval, clip_outlet_removal, CLIP, OUTLET_REMOVAL, GObject)

/* toasts (may be NULL: no Undo, the removal is done at once) is not
 * referenced. Emits "changed" (gint64 outlet_id) whenever an outlet was
 * hidden, disabled, brought back or removed. */
ClipOutletRemoval *clip_outlet_removal_new  (ClipStore         *reader,
                                             ClipCommands      *commands,
                                             AdwToastOverlay   *toasts);
/* Asks, transient for parent, what to do with the outlet. */
void               clip_outlet_removal_ask  (ClipOutletRemoval *self,
                                             GtkWindow         *parent,
                                             gint64             outlet_id);
/* What the toast's Undo does, and what its going does (FALSE: the
 * outlet is not waiting). */
gboolean           clip_outlet_removal_undo   (ClipOutletRemoval *self,
                                               gint64             outlet_id);
gboolean           clip_outlet_removal_commit (ClipOutletRemoval *self,
                                               gint64             outlet_id);

G_END_DECLS
