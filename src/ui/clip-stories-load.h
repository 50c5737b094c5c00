/* clip-stories-load.h — what the Stories view shows, read in a thread:
 * at a million articles listing the stories takes about a second, which
 * the window must not wait for (see clip-article-list.c, which reads its
 * ids the same way)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-stories.h"

G_BEGIN_DECLS

typedef struct {
  GPtrArray  *stories;     /* ClipStory*, newest first; NULL: not asked */
  gboolean    more;        /* there are more than were asked for */
  GHashTable *rule_ids;    /* story id (gint64*) → GArray of rule ids:
                            * the listed stories' and the open one's */
  GHashTable *rule_names;  /* rule id (gint64*) → name */
  ClipStory  *story;       /* the story to open, or NULL (gone, or none) */
  GHashTable *outside;     /* article id (gint64*) → ClipStoryArticle*: what
                            * the open story's copies copy from outside it */
} ClipStoriesLoad;

void             clip_stories_load_free   (ClipStoriesLoad     *load);

/* Opens a reader of the archive at path in a thread; list: how many
 * stories to list (0: none, only the story); open_id: the story to open
 * (0: none). */
void             clip_stories_load_async  (const char          *path,
                                           guint                list,
                                           gint64               open_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
ClipStoriesLoad *clip_stories_load_finish (GAsyncResult        *result,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipStoriesLoad, clip_stories_load_free)

G_END_DECLS
