/* clip-page.h — an article page read into its text, title, authors and dates
 *
 * Pure functions over a page's bytes: no network, no archive, no scripts.
 * The caller gives the bytes as fetched, the page's address, its
 * Content-Type, when it was fetched and, where it has one, the outlet's
 * boilerplate model (what repeats on the outlet's pages: clocks, menus,
 * "MORE HEADLINES" lists, share bars, footers), and gets back the article.
 *
 * Every date found is kept with where it came from; a date that is the
 * fetch time within minutes, or that is on every page of the outlet, is a
 * clock and never the publication date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "clip-article.h"   /* CLIP_NO_DATE */

G_BEGIN_DECLS

/* Pages larger than this are read up to here, with a "limit" problem. */
#define CLIP_PAGE_MAX_BYTES (8 * 1024 * 1024)

typedef struct _ClipPageModel ClipPageModel;

typedef struct {
  const char          *url;          /* the page's address (relative links,
                                        dates in the URL), or NULL */
  const char          *content_type; /* as served (its charset), or NULL */
  gint64               fetch_time;   /* Unix seconds, or CLIP_NO_DATE */
  const ClipPageModel *model;        /* the outlet's, or NULL */
  gsize                max_bytes;    /* 0: CLIP_PAGE_MAX_BYTES */
} ClipPageOptions;

/* url NULL, content_type NULL, fetch_time CLIP_NO_DATE, no model. */
void clip_page_options_init (ClipPageOptions *options);

typedef enum {
  CLIP_PAGE_SOURCE_JSON_LD,    /* <script type="application/ld+json"> */
  CLIP_PAGE_SOURCE_META,       /* <meta> (OpenGraph, article:*, dc.*, …) */
  CLIP_PAGE_SOURCE_MICRODATA,  /* itemprop="datePublished" and the like */
  CLIP_PAGE_SOURCE_TIME,       /* <time datetime> */
  CLIP_PAGE_SOURCE_URL,        /* /2022/11/29/ in the address */
  CLIP_PAGE_SOURCE_TEXT,       /* a date line in the page's text */
} ClipPageSource;

typedef enum {
  CLIP_PAGE_ROLE_PUBLISHED,
  CLIP_PAGE_ROLE_MODIFIED,
  CLIP_PAGE_ROLE_UNKNOWN,      /* a date with nothing saying which */
} ClipPageRole;

typedef enum {
  CLIP_PAGE_CLOCK_NONE,
  CLIP_PAGE_CLOCK_FETCH_TIME,  /* the fetch time within minutes */
  CLIP_PAGE_CLOCK_REPEATED,    /* the same on the outlet's learned pages */
  CLIP_PAGE_CLOCK_BOILERPLATE, /* in a block that repeats on them */
  CLIP_PAGE_CLOCK_FUTURE,      /* after the fetch time */
} ClipPageClock;

typedef struct {
  gint64          date;        /* Unix seconds, UTC */
  ClipPageSource  source;
  ClipPageRole    role;
  ClipPageClock   clock;       /* why it cannot be the publication date */
  char           *field;       /* "datePublished", "article:published_time",
                                  the text it was read from, … */
} ClipPageDate;

typedef struct {
  char *kind;                  /* "encoding", "limit", "depth",
                                  "meta-refresh", "no-text", "no-date",
                                  "parse" */
  char *message;
} ClipPageProblem;

typedef struct {
  char      *url;              /* as given, or NULL */
  char      *canonical_url;    /* <link rel=canonical>, og:url, or NULL */
  char      *refresh_url;      /* a <meta http-equiv=refresh> target */
  char      *title;
  GPtrArray *authors;          /* char*, never NULL */
  gint64     published;        /* CLIP_NO_DATE when none is trusted */
  ClipPageSource published_source;
  gint64     modified;
  char      *language;         /* "en", "ka", "ru-RU", or NULL */
  char      *site_name;
  char      *image;            /* absolute URL, or NULL */
  char      *text;             /* paragraphs separated by blank lines */
  char      *html;             /* sanitised */
  char      *encoding;         /* what the bytes were read as */
  GPtrArray *date_candidates;  /* ClipPageDate*, in the page's order */
  GPtrArray *problems;         /* ClipPageProblem* */
} ClipPage;

/* Never NULL: a page that cannot be read gives empty fields and a
 * problem. options may be NULL. */
ClipPage   *clip_page_extract        (const char            *data,
                                      gsize                  len,
                                      const ClipPageOptions *options);
void        clip_page_free           (ClipPage              *page);

/* The dates written in a line of text ("Posted 27 November 2024, 00:32",
 * "12 марта 2023", "27.11.2024"), at most max, in order; a time without a
 * zone is taken as UTC. Only the first 640 bytes are read. */
guint       clip_page_find_dates     (const char            *text,
                                      gssize                 len,
                                      gint64                *dates,
                                      guint                  max);

/* "json-ld", "meta", "microdata", "time", "url", "text" */
const char *clip_page_source_name    (ClipPageSource         source);
/* "published", "modified", "unknown" */
const char *clip_page_role_name      (ClipPageRole           role);
/* NULL for CLIP_PAGE_CLOCK_NONE, else "fetch-time", "repeated",
 * "boilerplate", "future" */
const char *clip_page_clock_name     (ClipPageClock          clock);

/* The outlet's boilerplate, learned from its pages ------------------------
 *
 * Blocks of text (normalised: spacing and ASCII case do not count) and
 * date lines that repeat on most of an outlet's pages. The caller keeps
 * one per outlet and persists it with clip_page_model_serialize(); it stays
 * small (at most CLIP_PAGE_MODEL_MAX_ENTRIES blocks). Learning from two
 * pages is enough to recognise a clock; more pages make it surer. */
#define CLIP_PAGE_MODEL_MAX_ENTRIES 4096

ClipPageModel *clip_page_model_new         (void);
void           clip_page_model_free        (ClipPageModel         *model);
/* Learns one page of the outlet (options: content_type, url); FALSE when
 * the page gave no text to learn from. */
gboolean       clip_page_model_learn       (ClipPageModel         *model,
                                            const char            *data,
                                            gsize                  len,
                                            const ClipPageOptions *options);
guint          clip_page_model_get_n_pages (const ClipPageModel   *model);
/* A compact JSON document; read back by clip_page_model_deserialize(). */
GBytes        *clip_page_model_serialize   (const ClipPageModel   *model);
ClipPageModel *clip_page_model_deserialize (GBytes                *bytes,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipPage, clip_page_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipPageModel, clip_page_model_free)

G_END_DECLS
