/* clip-feed-private.h — what the feed parser's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-feed.h"
#include "clip-html-sanitize.h"

G_BEGIN_DECLS

/* Limits: past each, a "limit" problem and what was read so far (past
 * CLIP_FEED_MAX_SIZE, in clip-feed.h, nothing is read). */
#define CLIP_FEED_MAX_ITEMS     5000
#define CLIP_FEED_MAX_DEPTH     128
#define CLIP_FEED_MAX_TEXT      (1024 * 1024)
#define CLIP_FEED_MAX_PROBLEMS  100

/* How a piece of text is written in the feed. */
typedef enum {
  CLIP_FEED_TEXT_PLAIN,
  CLIP_FEED_TEXT_HTML,
  CLIP_FEED_TEXT_XHTML,   /* already serialised to HTML by the reader */
} ClipFeedTextKind;

void          clip_feed_add_problem   (ClipFeed       *feed,
                                       const char     *kind,
                                       gint            line,
                                       const char     *format,
                                       ...) G_GNUC_PRINTF (4, 5);

ClipFeedItem *clip_feed_item_new      (void);
void          clip_feed_item_free     (ClipFeedItem   *item);
void          clip_feed_enclosure_free (ClipEnclosure *enclosure);

/* Adds the item to the feed after filling what is derived: the id when
 * the feed gave none, the summary from the content. */
void          clip_feed_add_item      (ClipFeed       *feed,
                                       ClipFeedItem   *item);

/* url resolved against base (which may be NULL); NULL for an empty url
 * or one that is not safe to follow (javascript: and the like). */
char         *clip_feed_resolve_url   (const char     *base,
                                       const char     *url);

/* A one-line plain text from text written as kind (titles, subtitles). */
char         *clip_feed_plain_line    (ClipSanitizer  *sanitizer,
                                       const char     *text,
                                       gsize           len,
                                       ClipFeedTextKind kind);

/* Sanitised HTML and its plain text from text written as kind. */
void          clip_feed_rich_text     (ClipSanitizer  *sanitizer,
                                       const char     *text,
                                       gsize           len,
                                       ClipFeedTextKind kind,
                                       const char     *base,
                                       char          **html,
                                       char          **plain);

/* "me@example.com (Jane Doe)" → "Jane Doe"; other forms trimmed. */
char         *clip_feed_author_name   (const char     *text);

void          clip_feed_add_unique    (GPtrArray      *array,
                                       char           *text);

/* *invalid_utf8 (may be NULL) is set when the bytes turned out not to be
 * UTF-8: the feed is then incomplete and should be read again, repaired. */
gboolean      clip_feed_parse_xml     (ClipFeed       *feed,
                                       const char     *utf8,
                                       gsize           len,
                                       const char     *base_url,
                                       gboolean       *invalid_utf8,
                                       GError        **error);
gboolean      clip_feed_parse_json    (ClipFeed       *feed,
                                       const char     *utf8,
                                       gsize           len,
                                       const char     *base_url,
                                       GError        **error);

G_END_DECLS
