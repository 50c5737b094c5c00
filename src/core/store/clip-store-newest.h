/* clip-store-newest.h — what a search finds, newest first by time,
 * without sorting everything it finds
 *
 * For the core modules (rules search, exports); front ends search through
 * clip-rule-search.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-store.h"

G_BEGIN_DECLS

/* An article's place in time order: by time, then by id. */
typedef struct {
  gint64 time;     /* clip_article_time() */
  gint64 id;
} ClipTimeKey;

/* TRUE when a comes before b in time order (a is newer). */
static inline gboolean
clip_time_key_newer (const ClipTimeKey *a,
                     const ClipTimeKey *b)
{
  return a->time > b->time || (a->time == b->time && a->id > b->id);
}

typedef struct _ClipNewest ClipNewest;

/* The articles an FTS5 expression matches (every article when fts_query
 * is NULL), newest first, from after the key after (NULL: the newest).
 * want_all says the caller reads to the end: then everything is found
 * and sorted at once, which costs less in all than finding the newest
 * first. The walk reads the archive as it goes; it holds a read
 * transaction until freed. Cancelling interrupts a long first step. */
ClipNewest *clip_newest_new       (ClipStore          *store,
                                   const char         *fts_query,
                                   const ClipTimeKey  *after,
                                   gboolean            want_all,
                                   GCancellable       *cancellable,
                                   GError            **error);
/* The next article's key: FALSE at the end, or on an error (set). */
gboolean    clip_newest_next      (ClipNewest         *walk,
                                   ClipTimeKey        *key,
                                   GError            **error);
void        clip_newest_free      (ClipNewest         *walk);

/* The key of a stored article; CLIP_STORE_ERROR_NOT_FOUND when it is
 * no longer in the archive. */
gboolean    clip_store_time_key   (ClipStore          *store,
                                   gint64              id,
                                   ClipTimeKey        *key,
                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipNewest, clip_newest_free)

G_END_DECLS
