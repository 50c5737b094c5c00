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
  /* From the article's own page (read back from the store; the feed
   * never sets them): its text beside the feed's, where it was read, the
   * page's state (ClipPageState in clip-store-pages.h), where
   * `published` came from ("feed", "json-ld", "meta", …, NULL: the feed's
   * or none) and whether the dates seen disagree by more than a day. */
  char   *page_text;
  char   *page_html;     /* sanitised */
  char   *page_url;
  gint    page_state;
  char   *date_source;
  gboolean date_uncertain;
} ClipArticle;

ClipArticle *clip_article_new   (void);
ClipArticle *clip_article_copy  (const ClipArticle *article);
void         clip_article_free  (ClipArticle       *article);
const char  *clip_article_body  (const ClipArticle *article);
/* The best text to read: the page's when there is one, else the body. */
const char  *clip_article_best_text (const ClipArticle *article);
/* What the index and the rules read as "body" (CLIP_STORE_FTS_BODY): the
 * body, then the page's text after a blank line. Spans of the body field
 * are offsets into this; those from clip_article_page_offset() on are in
 * the page's text. */
char        *clip_article_dup_match_body (const ClipArticle *article);
/* Where the page's text starts in clip_article_dup_match_body(), or -1
 * when there is no page text. */
gssize       clip_article_page_offset (const ClipArticle *article);
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
