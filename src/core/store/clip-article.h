/* clip-article.h — an article as the store keeps it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A time the source did not give (never 1970, never "now"). */
#define CLIP_NO_DATE G_MININT64

/* A published time later than this after the article was first seen is
 * not trusted (see clip_article_time()): 15 minutes of clock skew. */
#define CLIP_ARTICLE_FUTURE_SKEW (15 * 60)

typedef struct {
  gint64  id;            /* 0 until stored; grows with ingest time */
  gint64  outlet_id;
  char   *guid;          /* stable id from the feed (or a hash of link+title) */
  char   *url;
  char   *title;         /* plain text */
  char   *author;        /* plain text, authors joined by ", " */
  char   *summary_html;  /* sanitised HTML */
  char   *summary_text;  /* plain text made from the sanitised HTML */
  char   *content_html;  /* full text, sanitised HTML */
  char   *content_text;
  char   *lang;          /* BCP 47 code, lower case, or NULL */
  gint64  published;     /* Unix seconds UTC, or CLIP_NO_DATE */
  gint64  updated;       /* Unix seconds UTC, or CLIP_NO_DATE */
  gint64  fetched;       /* Unix seconds UTC; set by the store when 0 */
  /* Analyst's data; read back from the store, never taken from a feed. */
  gboolean read;
  gboolean starred;
  gint     flag;
  char    *note;
  /* Denormalised for display, filled by queries that join outlets. */
  char   *outlet_name;
} ClipArticle;

ClipArticle *clip_article_new   (void);
ClipArticle *clip_article_copy  (const ClipArticle *article);
void         clip_article_free  (ClipArticle       *article);
const char  *clip_article_body  (const ClipArticle *article);
char        *clip_article_content_hash (const ClipArticle *article);
gint64       clip_article_time  (const ClipArticle *article);

/* Where clip_article_time() came from (DESIGN.md: dates have a source). */
typedef enum {
  CLIP_TIME_PUBLISHED,       /* the feed's date */
  CLIP_TIME_FETCHED,         /* first seen: the feed gave no date */
  CLIP_TIME_FETCHED_FUTURE,  /* first seen: the feed's date was in the future */
} ClipTimeSource;

ClipTimeSource clip_article_time_source (const ClipArticle *article);
/* "published", "fetched", "fetched-future": for data files. */
const char  *clip_time_source_to_string (ClipTimeSource source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipArticle, clip_article_free)

G_END_DECLS
