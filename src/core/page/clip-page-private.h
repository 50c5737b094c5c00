/* clip-page-private.h — the page module's parsed document and its passes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "clip-page.h"

G_BEGIN_DECLS

/* Elements the extractor tells apart; everything else is T_OTHER. */
typedef enum {
  T_OTHER, T_A, T_ABBR, T_ADDRESS, T_ARTICLE, T_ASIDE, T_AUDIO, T_B, T_BLOCKQUOTE,
  T_BODY, T_BR, T_BUTTON, T_CANVAS, T_CAPTION, T_CENTER, T_CITE, T_CODE, T_DD,
  T_DEL, T_DETAILS, T_DIALOG, T_DIV, T_DL, T_DT, T_EM, T_EMBED, T_FIELDSET,
  T_FIGCAPTION, T_FIGURE, T_FOOTER, T_FORM, T_H1, T_H2, T_H3, T_H4, T_H5, T_H6,
  T_HEAD, T_HEADER, T_HR, T_HTML, T_I, T_IFRAME, T_IMG, T_INPUT, T_INS, T_LABEL,
  T_LI, T_LINK, T_MAIN, T_MAP, T_MARK, T_MATH, T_MENU, T_META, T_NAV,
  T_NOSCRIPT, T_OBJECT, T_OL, T_OPTION, T_P, T_PICTURE, T_PRE, T_Q, T_S,
  T_SCRIPT, T_SECTION, T_SELECT, T_SMALL, T_SOURCE, T_SPAN, T_STRONG, T_STYLE,
  T_SUB, T_SUMMARY, T_SUP, T_SVG, T_TABLE, T_TBODY, T_TD, T_TEMPLATE,
  T_TEXTAREA, T_TFOOT, T_TH, T_THEAD, T_TIME, T_TITLE, T_TR, T_U, T_UL, T_VIDEO,
  N_TAGS
} Tag;

/* What a tag is, for the passes (see clip-page-dom.c's table). */
enum {
  K_BLOCK  = 1 << 0,  /* breaks a paragraph */
  K_SKIP   = 1 << 1,  /* never article text (scripts, forms' controls, …) */
  K_INLINE = 1 << 2,  /* kept as markup in the article's HTML */
  K_PARA   = 1 << 3,  /* a paragraph of its own for scoring */
  K_HEAD   = 1 << 4,  /* a heading */
};

/* NodeInfo.flags */
enum {
  NI_SKIP     = 1 << 0,  /* not text: K_SKIP, hidden, page chrome */
  NI_NEGATIVE = 1 << 1,  /* class/id say boilerplate (share, related, …) */
  NI_POSITIVE = 1 << 2,  /* class/id say article (article-body, …) */
  NI_BLOCKS   = 1 << 3,  /* has block children */
  NI_BOILER   = 1 << 4,  /* the outlet's model knows the block's text */
  NI_BODYPROP = 1 << 5,  /* itemprop=articleBody or the like */
  NI_CHROME   = 1 << 6,  /* nav, aside, footer, menus: page chrome */
  NI_CHOSEN   = 1 << 7,  /* part of the article */
  NI_SCORED   = 1 << 8,  /* has a content score */
};

typedef struct {
  guint32 text;     /* characters of text below (not in skipped nodes) */
  guint32 link;     /* of which inside links */
  guint32 commas;
  guint32 paras;    /* paragraphs of 25+ characters below */
  float   score;    /* content score (readability's) */
  guint16 depth;
  guint16 flags;
  guint8  tag;
} NodeInfo;

#define INFO(node) ((NodeInfo *) (node)->_private)

typedef struct {
  htmlDocPtr  doc;
  xmlNodePtr  html;
  xmlNodePtr  body;
  NodeInfo   *infos;
  guint       n_infos;
  const ClipPageOptions *options;
  const char *base_url;      /* <base href>, else options->url */
  char       *base_owned;
  ClipPage   *page;
  GPtrArray  *ld_objects;    /* JsonObject* of the page's JSON-LD */
  GPtrArray  *ld_parsers;    /* JsonParser* that own them */
  char       *ld_body;       /* the longest JSON-LD articleBody */
  xmlNodePtr  title_node;
  xmlNodePtr  top;           /* the article's best candidate */    /* the heading that holds the title */
  gboolean    paywalled;
} PageDoc;

/* clip-page-dom.c */
Tag         clip_page_tag            (const xmlChar *name);
guint       clip_page_tag_kind       (Tag            tag);
/* Gives every element its NodeInfo, marks what is never text and counts
 * text bottom-up, without recursion. */
void        clip_page_dom_index      (PageDoc       *pd);
/* The text below node (skipped nodes left out), whitespace collapsed,
 * appended to out; max_len bounds it (0: no bound). */
void        clip_page_node_text      (xmlNodePtr     node,
                                      GString       *out,
                                      gsize          max_len);
void        clip_page_count_text     (const xmlChar *text,
                                      guint32       *chars,
                                      guint32       *commas);
const char *clip_page_attr           (xmlNodePtr     node,
                                      const char    *name);
/* The next node in document order below top (NULL at the end); skip_children
 * leaves node's subtree out. */
xmlNodePtr  clip_page_next           (xmlNodePtr     node,
                                      xmlNodePtr     top,
                                      gboolean       skip_children);
/* A hash of text with spacing and ASCII case folded: the identity of a
 * block for the outlet's model. */
guint64     clip_page_text_hash      (const char    *text,
                                      gsize          len);
/* An absolute URL for href against the page's base, or NULL. */
char       *clip_page_resolve        (PageDoc       *pd,
                                      const char    *href);
void        clip_page_problem        (ClipPage      *page,
                                      const char    *kind,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (3, 4);

/* A field's best value so far: a lower rank wins, the first of a rank
 * stays. */
typedef struct {
  char *value;
  int   rank;
} Best;

typedef struct {
  Best title, canonical, site_name, image, language;
  GPtrArray *authors;      /* char*, in the order found, ranked by group */
  int        authors_rank;
} PageMeta;

gboolean    clip_page_best_set       (Best          *best,
                                      const char    *value,
                                      int            rank);
/* Adds authors from a value ("By A and B", "A, B"); rank as for Best:
 * authors of a better source replace those of a worse one. */
void        clip_page_add_author     (PageMeta      *meta,
                                      const char    *value,
                                      int            rank);

/* clip-page-meta.c: title, authors, language, site, image, canonical URL
 * and dates from <meta>, <link>, microdata, <time> and the JSON-LD. */
void        clip_page_read_meta      (PageDoc       *pd);
/* clip-page-jsonld.c: one <script type=application/ld+json>'s text. */
void        clip_page_read_jsonld    (PageDoc       *pd,
                                      PageMeta      *meta,
                                      const char    *text,
                                      gsize          len);

/* clip-page-dates.c */
void        clip_page_add_date       (PageDoc       *pd,
                                      gint64         date,
                                      ClipPageSource source,
                                      ClipPageRole   role,
                                      const char    *field);
void        clip_page_add_date_text  (PageDoc       *pd,
                                      const char    *text,
                                      ClipPageSource source,
                                      ClipPageRole   role,
                                      const char    *field);
/* Dates in the page's short text lines and its URL, then the choice. */
void        clip_page_read_dates     (PageDoc       *pd);

typedef void (*ClipPageLineFunc) (PageDoc    *pd,
                                  const char *line,
                                  gsize       len,
                                  guint       place,
                                  gpointer    data);
/* Each short line of the body's text that holds a digit, in order. */
void        clip_page_each_date_line (PageDoc       *pd,
                                      ClipPageLineFunc func,
                                      gpointer       data);

/* clip-page-body.c: which nodes are the article (NI_CHOSEN). */
void        clip_page_find_body      (PageDoc       *pd);
/* Not article text: skipped, or (strict) chrome, boilerplate or a
 * negative class, unless it holds most of the page's text. */
gboolean    clip_page_is_chrome      (PageDoc       *pd,
                                      xmlNodePtr     node,
                                      gboolean       strict);
/* clip-page-output.c: the chosen nodes as sanitised HTML and text. */
void        clip_page_write_body     (PageDoc       *pd);

/* clip-page-model.c */
/* Sets NI_BOILER on the blocks the outlet's model knows. */
void        clip_page_mark_boilerplate (PageDoc     *pd);
gboolean    clip_page_model_knows    (const ClipPageModel *model,
                                      guint64        hash);
/* The block hashes and date lines of a parsed page, as the model learns
 * them (a set: each once). */
GHashTable *clip_page_blocks         (PageDoc       *pd);
guint64     clip_page_date_hash      (gint64         date);

/* clip-page.c: parsing bytes into a PageDoc (for the model as well). */
ClipPage   *clip_page_new            (const ClipPageOptions *options);
gboolean    clip_page_doc_open       (PageDoc       *pd,
                                      ClipPage      *page,
                                      const char    *data,
                                      gsize          len,
                                      const ClipPageOptions *options);
void        clip_page_doc_close      (PageDoc       *pd);

G_END_DECLS
