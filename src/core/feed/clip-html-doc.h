/* clip-html-doc.h — sanitised HTML as blocks a reader shows, and where
 * each block's words are in the article's plain text
 *
 * The reading view draws an article from its sanitised HTML (paragraphs,
 * headings, list items, quotes, preformatted text, images, rules), while
 * the rules and the search give their spans as byte offsets into the plain
 * text made from the same HTML (clip-html-sanitize.h). A ClipHtmlDoc is
 * the one mapping between the two: clip_html_doc_align() matches the
 * blocks' text to the plain text, and clip_html_doc_map_span() turns a
 * plain-text span into the pieces of the blocks it covers. No GTK here:
 * the widgets are in src/ui.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CLIP_HTML_BLOCK_PARAGRAPH,
  CLIP_HTML_BLOCK_HEADING,     /* level 1–6 */
  CLIP_HTML_BLOCK_LIST_ITEM,   /* marker: "•", "3." (NULL: an item's later block) */
  CLIP_HTML_BLOCK_PRE,         /* whitespace kept */
  CLIP_HTML_BLOCK_IMAGE,       /* src (http or https only) and alt */
  CLIP_HTML_BLOCK_RULE,        /* <hr> */
  CLIP_HTML_BLOCK_CAPTION,     /* <figcaption>: an image's caption */
} ClipHtmlBlockKind;

typedef enum {
  CLIP_HTML_STYLE_EMPHASIS  = 1 << 0,
  CLIP_HTML_STYLE_STRONG    = 1 << 1,
  CLIP_HTML_STYLE_CODE      = 1 << 2,
  CLIP_HTML_STYLE_LINK      = 1 << 3,   /* href set */
  CLIP_HTML_STYLE_STRIKE    = 1 << 4,
  CLIP_HTML_STYLE_UNDERLINE = 1 << 5,
  CLIP_HTML_STYLE_SUB       = 1 << 6,
  CLIP_HTML_STYLE_SUP       = 1 << 7,
} ClipHtmlStyle;

/* Styled bytes [start, end) of a block's text. */
typedef struct {
  guint  start;
  guint  end;
  guint  style;   /* ClipHtmlStyle flags */
  char  *href;    /* http, https or mailto; NULL unless a link */
} ClipHtmlRun;

typedef struct {
  ClipHtmlBlockKind kind;
  guint   level;        /* headings */
  guint   list_depth;   /* lists it is in (0: none) */
  guint   quote_depth;  /* blockquotes it is in */
  char   *marker;
  char   *text;         /* UTF-8; "\n" for a line break */
  GArray *runs;         /* ClipHtmlRun, in order, not overlapping */
  char   *src;          /* images */
  char   *alt;
  GArray *map;          /* private: where its text is in the plain text */
} ClipHtmlBlock;

typedef struct {
  GPtrArray *blocks;    /* ClipHtmlBlock* */
  guint      n_images;
} ClipHtmlDoc;

/* A piece of a plain-text span in one block: bytes [start, end) of its
 * text. */
typedef struct {
  guint block;
  guint start;
  guint end;
} ClipHtmlPiece;

/* html: sanitised HTML (as the archive keeps it). Never NULL. */
ClipHtmlDoc *clip_html_doc_new       (const char  *html,
                                      gssize       len);
/* Plain text as paragraphs (at blank lines), for articles without HTML. */
ClipHtmlDoc *clip_html_doc_new_text  (const char  *text);
void         clip_html_doc_free      (ClipHtmlDoc *doc);
/* Matches the blocks' text to plain (the text the spans are offsets
 * into): equal bytes in order, whitespace free to differ. Returns the
 * share of plain's non-space bytes the blocks show (1: all). */
double       clip_html_doc_align     (ClipHtmlDoc *doc,
                                      const char  *plain);
/* Appends to pieces (ClipHtmlPiece) the parts of the blocks that plain
 * [start, end) covers; whitespace the blocks do not show is skipped. */
void         clip_html_doc_map_span  (ClipHtmlDoc *doc,
                                      guint        start,
                                      guint        end,
                                      GArray      *pieces);
/* The blocks' text, a blank line between blocks (for tests and copying). */
char        *clip_html_doc_text      (ClipHtmlDoc *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipHtmlDoc, clip_html_doc_free)

G_END_DECLS
