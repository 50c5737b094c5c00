/* clip-stories-view.h — the Stories view: stories (title, outlets and
 * languages, first seen and first outlet, articles, rules), and the
 * timeline of the one opened (which outlet published when, copies folded
 * under their original); merge, move an article out, rename — each a
 * command (clip-commands.h), kept when the archive is grouped again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-commands.h"
#include "clip-stories.h"
#include "clip-store.h"

G_BEGIN_DECLS

/* Stories read at a time ("Show More" reads as many again). */
#define CLIP_STORIES_VIEW_PAGE 50

#define CLIP_TYPE_STORIES_VIEW (clip_stories_view_get_type ())
G_DECLARE_FINAL_TYPE (ClipStoriesView, clip_stories_view, CLIP, STORIES_VIEW, AdwBin)

GtkWidget       *clip_stories_view_new       (void);
/* A connection for reading; changes go through commands. */
void             clip_stories_view_set_store (ClipStoriesView *self,
                                              ClipStore       *store,
                                              ClipCommands    *commands);
/* Reads the stories again (the one open stays open while it exists). */
void             clip_stories_view_reload    (ClipStoriesView *self);
/* rules: ClipRule*s, for the chips' names; copied. */
void             clip_stories_view_set_rules (ClipStoriesView *self,
                                              GPtrArray       *rules);
/* Opens a story's timeline (0: none). */
void             clip_stories_view_open      (ClipStoriesView *self,
                                              gint64           story_id);
/* The story open, or NULL. */
const ClipStory *clip_stories_view_get_story (ClipStoriesView *self);
/* The stories listed (ClipStory*). */
GPtrArray       *clip_stories_view_get_stories (ClipStoriesView *self);

/* Signals: "back"; "show-coverage" (gint64 story id, const char *title);
 * "changed": a change asked for is written (and the view read again);
 * "failed" (const char *message). */

G_END_DECLS
