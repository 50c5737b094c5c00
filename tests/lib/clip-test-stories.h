/* clip-test-stories.h — a labelled set of articles (tests/data/stories),
 * loaded into an archive, and how well the archive's stories, near-copies
 * and recycled marks agree with the labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"

G_BEGIN_DECLS

typedef struct {
  char   *key;            /* the set's id of the article */
  char   *story;          /* its story's label */
  char   *outlet;
  char   *lang;
  char   *title;
  char   *text;
  char   *url;
  gint64  published;
  char   *copy_of;        /* key, or NULL */
  char   *recycled_from;  /* key, or NULL */
  gint64  id;             /* in the archive, once ingested */
} ClipTestLabelled;

typedef struct {
  GPtrArray  *articles;   /* ClipTestLabelled*, by publication time */
  GPtrArray  *outlets;    /* names */
  GHashTable *by_key;     /* key → ClipTestLabelled* */
  GHashTable *by_id;      /* archive id (gint64*) → ClipTestLabelled* */
} ClipTestSet;

typedef enum {
  CLIP_TEST_ORDER_TIME,     /* one article a batch, oldest first */
  CLIP_TEST_ORDER_OUTLET,   /* one batch an outlet, outlets in the set's order */
} ClipTestOrder;

/* The set in path: $CLIPPINGS_STORIES_SET when set (a held-out set),
 * else tests/data/stories/labelled.json. */
ClipTestSet *clip_test_set_load     (void);
void         clip_test_set_free     (ClipTestSet  *set);
/* Adds the set's outlets and ingests its articles into store. */
void         clip_test_set_ingest   (ClipTestSet  *set,
                                     ClipStore    *store,
                                     ClipTestOrder order);

typedef struct {
  double precision, recall, f1;
} ClipTestPRF;

typedef struct {
  ClipTestPRF stories;          /* B-cubed */
  ClipTestPRF by_lang[3];       /* B-cubed within en, ru, ka */
  ClipTestPRF copies;           /* article → original pairs */
  ClipTestPRF recycled;
  guint       n_articles, n_stories, n_found;
} ClipTestScores;

void         clip_test_set_score    (ClipTestSet    *set,
                                     ClipStore      *store,
                                     ClipTestScores *scores);
/* The scores as lines of text (for the test's log and the README). */
char        *clip_test_scores_text  (const ClipTestScores *scores);
/* The story the archive put the set's article in. */
gint64       clip_test_set_story_of (ClipTestSet    *set,
                                     ClipStore      *store,
                                     const char     *key);

/* "story label key" a line, in the set's order. */
char        *clip_test_set_dump     (ClipTestSet    *set,
                                     ClipStore      *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipTestSet, clip_test_set_free)

G_END_DECLS
