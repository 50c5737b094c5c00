/* clip-stories-private.h — the grouping index; only the stories module
 * includes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-stories.h"
#include "clip-story-text.h"
#include "clip-store-sql.h"

G_BEGIN_DECLS

/* An article joins a story that has an article this close in time. */
#define CLIP_STORY_WINDOW (3 * 86400)
/* The live window keeps stories this long after their last article. */
#define CLIP_STORY_KEEP   (8 * 86400)
/* Score (a cosine, 0–1) an article needs to join a story. */
#define CLIP_STORY_JOIN   0.18

/* guint64 → guint32, open addressing; key 0 is never stored. Compact:
 * the index is sized for a million articles. */
typedef struct {
  guint64 *keys;
  guint32 *vals;
  gsize    cap;     /* a power of two */
  gsize    len;
} ClipU64Map;

void     _clip_u64_map_init   (ClipU64Map *map);
void     _clip_u64_map_clear  (ClipU64Map *map);
guint32 *_clip_u64_map_lookup (const ClipU64Map *map,
                               guint64           key);
/* The value slot of key, added (0) when absent. */
guint32 *_clip_u64_map_insert (ClipU64Map *map,
                               guint64     key);
gsize    _clip_u64_map_bytes  (const ClipU64Map *map);

/* An article to group. */
typedef struct {
  gint64      id;
  gint64      outlet_id;
  gint64      time;
  const char *title;
  const char *body;
  guint       lang;       /* CLIP_STORY_LANG_* */
} ClipStoryDoc;

/* Near-copies: MinHash signatures of every article's shingles, banded
 * (LSH) for candidates, checked against the shingles of the stored text. */
#define CLIP_COPY_HASHES 24
#define CLIP_COPY_BANDS  12
/* Fewer shingles than this: too short to call a copy. */
#define CLIP_COPY_MIN_SHINGLES 8

typedef struct _ClipCopyIndex ClipCopyIndex;

typedef struct {
  gint64 copy_of;         /* the earliest of the copies; 0: none */
  double shared;
  gint64 story_id;        /* copy_of's story */
  gint64 time;            /* copy_of's */
  gint64 replaces;        /* this article is earlier than copy_of's group,
                           * whose root it becomes: that root, or 0 */
} ClipCopyMatch;

ClipCopyIndex *_clip_copy_index_new   (void);
void           _clip_copy_index_free  (ClipCopyIndex     *index);
gboolean       _clip_copy_index_load  (ClipCopyIndex     *index,
                                       ClipStore         *store,
                                       GError           **error);
void           _clip_copy_signature   (const GArray      *shingles,
                                       guint16           *sig);
gboolean       _clip_copy_index_find  (ClipCopyIndex     *index,
                                       ClipStore         *store,
                                       const ClipStoryDoc *doc,
                                       const GArray      *shingles,
                                       const guint16     *sig,
                                       ClipCopyMatch     *match,
                                       GError           **error);
void           _clip_copy_index_add   (ClipCopyIndex     *index,
                                       gint64             article_id,
                                       const guint16     *sig);
gsize          _clip_copy_index_bytes (const ClipCopyIndex *index);

/* Stories in a span of time, in memory, with the document frequencies of
 * their keys. */
typedef struct _ClipStoryWindow ClipStoryWindow;

ClipStoryWindow *_clip_story_window_new   (gint64            lo,
                                           gint64            hi);
void             _clip_story_window_free  (ClipStoryWindow  *window);
gint64           _clip_story_window_lo    (ClipStoryWindow  *window);
gint64           _clip_story_window_hi    (ClipStoryWindow  *window);
gboolean         _clip_story_window_covers (ClipStoryWindow *window,
                                            gint64           time);
/* Adds an article (its keys) to a story of the window. */
void             _clip_story_window_add   (ClipStoryWindow  *window,
                                           gint64            story_id,
                                           gint64            time,
                                           guint             lang,
                                           const GArray     *keys);
/* The story the article belongs to, or 0; its score in *score. */
gint64           _clip_story_window_best  (ClipStoryWindow  *window,
                                           gint64            time,
                                           guint             lang,
                                           const GArray     *keys,
                                           double           *score);
/* A story leaves the window (it is not stored after all). */
void             _clip_story_window_drop  (ClipStoryWindow  *window,
                                           gint64            story_id);
/* The live window moves on: stories idle since before lo leave it. */
void             _clip_story_window_slide (ClipStoryWindow  *window,
                                           gint64            lo);
gboolean         _clip_story_window_load  (ClipStoryWindow  *window,
                                           ClipStore        *store,
                                           GError          **error);
/* Reads the stories of [lo, the window's lo) into it: a window that never
 * slid (a late one) grows back in time. */
gboolean         _clip_story_window_extend (ClipStoryWindow *window,
                                            ClipStore       *store,
                                            gint64           lo,
                                            GError         **error);
gsize            _clip_story_window_bytes (const ClipStoryWindow *window);

/* clip_story_name_key() of a word the tokenizer folded. */
char            *_clip_story_name_key_folded (const char *word);

/* The analyst changed stories: the index reads them again when next
 * needed. */
void             _clip_stories_forget_windows (ClipStore *writer);

/* A read that cancellable (NULL: none) interrupts, between
 * clip_store_watch_cancel() and clip_store_unwatch_cancel(): a step's rc
 * that is not SQLITE_DONE becomes the error (G_IO_ERROR_CANCELLED when
 * cancelled). Returns FALSE then. */
gboolean         _clip_stories_step_done      (ClipStore     *store,
                                               int            rc,
                                               GCancellable  *cancellable,
                                               const char    *what,
                                               GError       **error);

G_END_DECLS
