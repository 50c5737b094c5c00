/* clip-feed.h — a parsed feed (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed)
 *
 * The parse layer's contract: bytes, the HTTP Content-Type and the URL they
 * came from in; a feed, its items and the problems met out. A broken feed
 * still gives every item that could be read, with problems listed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "clip-article.h"

G_BEGIN_DECLS

#define CLIP_FEED_ERROR (clip_feed_error_quark ())
/* Larger documents are refused unread. */
#define CLIP_FEED_MAX_SIZE (16 * 1024 * 1024)

typedef enum {
  CLIP_FEED_ERROR_NOT_A_FEED,  /* an HTML page, an image, plain text... */
  CLIP_FEED_ERROR_TOO_LARGE,   /* over the document size limit */
  CLIP_FEED_ERROR_UNREADABLE,  /* nothing could be read at all */
} ClipFeedError;

typedef enum {
  CLIP_FEED_FORMAT_UNKNOWN,
  CLIP_FEED_FORMAT_RSS090,
  CLIP_FEED_FORMAT_RSS091,
  CLIP_FEED_FORMAT_RSS092,
  CLIP_FEED_FORMAT_RSS093,
  CLIP_FEED_FORMAT_RSS094,
  CLIP_FEED_FORMAT_RSS10,
  CLIP_FEED_FORMAT_RSS20,
  CLIP_FEED_FORMAT_ATOM03,
  CLIP_FEED_FORMAT_ATOM10,
  CLIP_FEED_FORMAT_JSON10,
  CLIP_FEED_FORMAT_JSON11,
  CLIP_FEED_FORMAT_CDF,        /* Microsoft's Channel Definition Format */
} ClipFeedFormat;

typedef struct {
  char   *url;
  char   *type;
  gint64  length;      /* -1 when not given */
} ClipEnclosure;

typedef struct {
  char      *kind;     /* "not-well-formed", "encoding", "undefined-entity",
                          "missing-element", "limit", ... */
  char      *message;  /* for a person */
  gint       line;     /* 0 when unknown */
} ClipFeedProblem;

typedef struct {
  char      *id;             /* guid/id, or a stable hash of link+title */
  char      *link;           /* absolute */
  char      *title;          /* plain text */
  GPtrArray *authors;        /* char* */
  gint64     published;      /* Unix seconds UTC, or CLIP_NO_DATE */
  gint64     updated;        /* Unix seconds UTC, or CLIP_NO_DATE */
  char      *summary_html;   /* sanitised */
  char      *summary_text;   /* made from the sanitised HTML */
  char      *content_html;
  char      *content_text;
  GPtrArray *categories;     /* char* */
  GPtrArray *enclosures;     /* ClipEnclosure* */
  char      *language;
} ClipFeedItem;

typedef struct {
  ClipFeedFormat  format;
  char           *encoding;  /* the encoding the bytes were read as */
  char           *title;
  char           *link;
  char           *subtitle;
  char           *language;
  gint64          updated;   /* or CLIP_NO_DATE */
  char           *icon;
  GPtrArray      *items;     /* ClipFeedItem* */
  GPtrArray      *problems;  /* ClipFeedProblem* */
} ClipFeed;

GQuark       clip_feed_error_quark     (void);
const char  *clip_feed_format_name     (ClipFeedFormat  format);

/* content_type and base_url may be NULL. Returns NULL (and error) only when
 * the bytes are not a feed at all or nothing could be read. */
ClipFeed    *clip_feed_parse           (const char     *data,
                                        gsize           len,
                                        const char     *content_type,
                                        const char     *base_url,
                                        GError        **error);
void         clip_feed_free            (ClipFeed       *feed);

/* The item as an archive article (outlet_id left 0). */
ClipArticle *clip_feed_item_to_article (const ClipFeedItem *item,
                                        const ClipFeed     *feed);

/* Feeds an HTML page advertises (<link rel="alternate"> with an RSS, Atom
 * or JSON Feed type), as absolute URLs; empty when none. */
GPtrArray   *clip_feed_discover_links  (const char     *html,
                                        gsize           len,
                                        const char     *base_url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipFeed, clip_feed_free)

G_END_DECLS
