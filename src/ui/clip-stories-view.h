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
/* Reads the stories again, and the rules' names for their chips (the
 * one open stays open while it exists). In a thread: the rows come when
 * they are read, with the selection and the keyboard focus kept on the
 * same stories; a newer request drops what an older one reads. */
void             clip_stories_view_reload    (ClipStoriesView *self);
/* Opens a story's timeline (0: none), once it is read. */
void             clip_stories_view_open      (ClipStoriesView *self,
                                              gint64           story_id);
/* Reading (a spinner turns); stops when it is done or cancelled. */
gboolean         clip_stories_view_is_loading (ClipStoriesView *self);
/* Stops reading (the view is left): what is read comes to nothing. */
void             clip_stories_view_cancel    (ClipStoriesView *self);
/* Results shown, and dropped as overtaken by a newer request; for tests. */
void             clip_stories_view_get_load_counts (ClipStoriesView *self,
                                                    guint           *applied,
                                                    guint           *dropped);
/* The story open, or NULL. */
const ClipStory *clip_stories_view_get_story (ClipStoriesView *self);
/* The stories listed (ClipStory*). */
GPtrArray       *clip_stories_view_get_stories (ClipStoriesView *self);

/* Signals: "back"; "show-coverage" (gint64 story id, const char *title);
 * "changed": a change asked for is written (and the view read again);
 * "failed" (const char *message). */

G_END_DECLS
