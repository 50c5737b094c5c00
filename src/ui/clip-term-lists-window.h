/* clip-term-lists-window.h — the term lists: create, rename, edit entries;
 * the rules that use each list are shown with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-commands.h"
#include "clip-store.h"

G_BEGIN_DECLS

#define CLIP_TYPE_TERM_LISTS_WINDOW (clip_term_lists_window_get_type ())
G_DECLARE_FINAL_TYPE (ClipTermListsWindow, clip_term_lists_window, CLIP, TERM_LISTS_WINDOW, AdwWindow)

/* store: read on the main thread; lists are changed through commands.
 * Emits "lists-changed" after a list is saved or deleted. */
ClipTermListsWindow *clip_term_lists_window_new (ClipStore    *store,
                                                 ClipCommands *commands);

G_END_DECLS
