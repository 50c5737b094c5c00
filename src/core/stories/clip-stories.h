/* clip-stories.h — the same story across outlets: near-copies (linked to
 * the earliest one, with the share of text they share), recycled stories
 * (a near-copy of an article 30 days older or more), and stories (the
 * articles about one event, in every language), with the coverage counts
 * the Stories and Coverage views and the reports draw.
 *
 * Grouping runs in the ingest transaction of the writer (an ingest hook,
 * installed by clip_archive_open()); the analyst's merges, splits and
 * renames are commands (clip-commands.h) and are kept when the archive is
 * grouped again. Everything else here reads, on any connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-progress.h"
#include "clip-store.h"

G_BEGIN_DECLS

/* A near-copy published this long after its original is recycled. */
#define CLIP_STORY_RECYCLED_AGE (30 * 86400)

typedef struct {
  gint64  id;
  gint64  outlet_id;
  char   *outlet;         /* the outlet's name */
  char   *title;
  char   *url;
  char   *lang;
  gint64  time;           /* published, else first seen (clip_article_time()) */
  gint64  story_id;       /* 0 while not grouped */
  gint64  copy_of;        /* the earliest article it is a near-copy of, or 0 */
  double  shared;         /* share of its text found in copy_of (0–1) */
  gint64  recycled_from;  /* copy_of when 30+ days older, else 0 */
} ClipStoryArticle;

typedef struct {
  gint64     id;
  char      *title;       /* the analyst's, else the first article's */
  gboolean   renamed;
  gint64     first_seen;  /* the first article's time */
  gint64     last_seen;
  gint64     first_outlet_id;
  char      *first_outlet;
  GStrv      languages;   /* codes, sorted */
  GStrv      outlets;     /* names, in the order they first published */
  GPtrArray *articles;    /* ClipStoryArticle*: the timeline, oldest first;
                           * a copy names its original in copy_of */
} ClipStory;

void       clip_story_article_free (ClipStoryArticle *article);
void       clip_story_free         (ClipStory        *story);

typedef struct {
  gint64  since;          /* stories with an article at or after; 0: any */
  gint64  until;          /* … before; 0: any */
  gint64  rule_id;        /* stories with an article the rule matched */
  gint64  outlet_id;      /* stories with an article of the outlet */
  guint   min_articles;   /* 0 or 1: every story */
  guint   limit;          /* 0: all */
  guint   offset;
  /* Interrupts the listing when cancelled (G_IO_ERROR_CANCELLED). */
  GCancellable *cancellable;
} ClipStoryFilter;

/* Stories, newest first (by first_seen, then id), with their articles. */
GPtrArray *clip_stories_list       (ClipStore             *store,
                                    const ClipStoryFilter *filter,
                                    GError               **error);
ClipStory *clip_story_get          (ClipStore             *store,
                                    gint64                 story_id,
                                    GError               **error);
/* What the reading view says of an article ("Copy of <outlet>, <time>"):
 * its row, with outlet, title and time of copy_of in original_*. */
ClipStoryArticle *clip_story_article_get (ClipStore       *store,
                                          gint64           article_id,
                                          ClipStoryArticle **original,
                                          GError         **error);

/* The rules that matched an article of the story (ids, ascending). */
GArray    *clip_story_rule_ids     (ClipStore             *store,
                                    gint64                 story_id,
                                    GError               **error);

/* Coverage: articles per day, hour or outlet. */
typedef enum {
  CLIP_COVERAGE_BY_DAY,
  CLIP_COVERAGE_BY_HOUR,
  CLIP_COVERAGE_BY_OUTLET,
} ClipCoverageBy;

typedef struct {
  gint64          rule_id;      /* 0: any */
  gint64          outlet_id;    /* 0: any */
  const char     *outlet_group; /* NULL: any */
  gint64          story_id;     /* 0: any */
  gint64          since;        /* 0: no bound */
  gint64          until;        /* exclusive; 0: no bound */
  ClipCoverageBy  by;
  /* Seconds east of UTC that days and hours are cut in (the CLI uses 0,
   * UTC), unless tz is set: */
  gint64          utc_offset;
  /* Days and hours of this zone, each date at its own offset (summer
   * time), as the reports cut their days; the GUI's is the local zone. */
  GTimeZone      *tz;
  /* Interrupts the counting when cancelled (G_IO_ERROR_CANCELLED). */
  GCancellable   *cancellable;
} ClipCoverageQuery;

typedef struct {
  gint64   outlet_id;
  char    *outlet;
  guint64  count;
} ClipCoverageShare;

typedef struct {
  char    *key;        /* "2024-05-14", "2024-05-14T10", or the outlet's name */
  gint64   start;      /* the bucket's first second (UTC), or the outlet id */
  guint64  count;
  GArray  *by_outlet;  /* ClipCoverageShare, largest first */
} ClipCoverageBucket;

void       clip_coverage_bucket_free (ClipCoverageBucket *bucket);
/* Buckets in time order (by outlet: largest first); empty ones are left
 * out. */
GPtrArray *clip_coverage_query     (ClipStore               *store,
                                    const ClipCoverageQuery *query,
                                    GError                 **error);

/* The same counting for rows a caller selected itself: a report's
 * articles (a search's, flagged ones, given ids), which the query's
 * fields cannot say. Only by, utc_offset and tz are read; each row is
 * cut into its day, hour or outlet exactly as clip_coverage_query()
 * cuts its own, so the reports' charts and the Coverage view and
 * `clippings-cli coverage` give the same figures. Finish returns the
 * buckets as clip_coverage_query() does (store: the outlets' names). */
typedef struct _ClipCoverageCounter ClipCoverageCounter;

ClipCoverageCounter *clip_coverage_counter_new    (const ClipCoverageQuery *query);
void                 clip_coverage_counter_add    (ClipCoverageCounter     *counter,
                                                   gint64                   time,
                                                   gint64                   outlet_id);
GPtrArray           *clip_coverage_counter_finish (ClipCoverageCounter     *counter,
                                                   ClipStore               *store,
                                                   GError                 **error);
void                 clip_coverage_counter_free   (ClipCoverageCounter     *counter);

/* The articles a query counts (with its since and until: one bucket's),
 * newest first, at most limit (0: all): what a click on a bar lists. */
GArray    *clip_coverage_article_ids (ClipStore             *store,
                                      const ClipCoverageQuery *query,
                                      guint                    limit,
                                      GError                 **error);

/* The writer's side (commands and the ingest hook). */

/* Groups the new articles of an ingest (a ClipStoreIngestHook). */
void       clip_stories_watch_ingest (ClipStore      *writer);
/* Groups the whole archive again from scratch, keeping the analyst's
 * choices (the articles of merged, split or renamed stories stay where
 * the analyst put them, and stories keep their ids where they can). */
gboolean   clip_stories_regroup    (ClipStore        *writer,
                                    ClipProgressFunc  progress,
                                    gpointer          progress_data,
                                    GCancellable     *cancellable,
                                    GError          **error);
/* The analyst's choices. Merge: from's articles join into; split: the
 * article leaves its story for one of its own (returns its id); rename
 * (NULL or "": back to the first article's title). */
gboolean   clip_stories_merge      (ClipStore        *writer,
                                    gint64            into,
                                    gint64            from,
                                    GError          **error);
gint64     clip_stories_split      (ClipStore        *writer,
                                    gint64            article_id,
                                    GError          **error);
gboolean   clip_stories_rename     (ClipStore        *writer,
                                    gint64            story_id,
                                    const char       *title,
                                    GError          **error);

/* Memory the writer's index holds, in bytes (for the benchmark). */
gsize      clip_stories_index_bytes (ClipStore       *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipStory, clip_story_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipStoryArticle, clip_story_article_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipCoverageCounter, clip_coverage_counter_free)

G_END_DECLS
