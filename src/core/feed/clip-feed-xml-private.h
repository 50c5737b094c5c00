/* clip-feed-xml-private.h — what the RSS/Atom reader's files share
 *
 * clip-feed-xml.c drives libxml2 (SAX callbacks, text capture, errors) and
 * hands each element to the table of its namespace: clip-feed-ns-*.c, one
 * file per namespace, say what each element means there. What they fill
 * in (fields, items, authors) is in clip-feed-xml-fields.c, and
 * clip-feed-xml-entities.c answers libxml2's entity look-ups safely.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-feed-private.h"

#include <libxml/parser.h>

G_BEGIN_DECLS

typedef enum {
  NS_NONE, NS_ATOM10, NS_ATOM03, NS_RSS10, NS_RSS090, NS_RDF, NS_CONTENT,
  NS_DC, NS_DCTERMS, NS_MEDIA, NS_XHTML, NS_ITUNES, NS_OTHER,
  N_NS
} Ns;

#define NS_BIT(ns) (1u << (ns))

/* What an element's children belong to. CTX_SKIP is 0, so that an element
 * a table does not know, or one that sets nothing, hides its children. */
typedef enum {
  CTX_SKIP,
  CTX_DOC,     /* the document: the root element's parent */
  CTX_TOP,     /* children of <rss> and <rdf:RDF> */
  CTX_FEED,    /* a channel's or a feed's children */
  CTX_ITEM,    /* an item's or an entry's children */
  CTX_AUTHOR,  /* an Atom person's children */
  CTX_IMAGE,   /* an RSS image's children */
  CTX_SOURCE,  /* an Atom entry's <source>: where its author may be */
  CTX_PARENT,  /* in a table only: the children are the parent's */
  N_CTX
} Ctx;

#define IN(ctx) (1u << (ctx))

/* where and ns_mask below are 16 bits */
G_STATIC_ASSERT (N_CTX <= 16 && N_NS <= 16);

/* How an element's children are looked up. */
typedef enum {
  CHILDREN_OWN_NS,  /* each in the table of its own namespace */
  CHILDREN_ONLY_NS, /* only those of this element's namespace (media:group) */
  CHILDREN_BY_NAME, /* in this element's table, whatever their namespace and
                       depth: feeds leave prefixes out of <image> and persons */
} ChildMode;

typedef enum {
  F_NONE,
  F_FEED_TITLE, F_FEED_LINK, F_FEED_SUBTITLE, F_FEED_LANGUAGE, F_FEED_UPDATED,
  F_FEED_ICON,
  F_ID, F_LINK, F_TITLE, F_AUTHOR, F_AUTHOR_NAME, F_AUTHOR_EMAIL, F_PUBLISHED,
  F_UPDATED, F_SUMMARY, F_CONTENT, F_CATEGORY, F_TAGS, F_LANGUAGE, F_GUID,
  N_FIELDS
} Field;

typedef struct _Parser Parser;
typedef struct _ClipFeedElement ClipFeedElement;

typedef void (*ClipFeedStartFunc) (Parser                *p,
                                   const ClipFeedElement *el,
                                   Ns                     ns,
                                   const xmlChar        **attrs,
                                   int                    n);
typedef void (*ClipFeedEndFunc)   (Parser                *p);

/* One row of a namespace's table: an element, where it is read, and what
 * it does there. With no start function the element's text is captured
 * into field (if any) as kind, at rank prio. */
struct _ClipFeedElement {
  const char        *name;
  guint16            where;     /* IN(CTX_…) of the parents it is read in */
  guint16            ns_mask;   /* 0, or the NS_BIT()s of the table's
                                   namespaces it belongs to */
  guint8             field;     /* Field */
  guint8             kind;      /* ClipFeedTextKind */
  guint8             prio;
  guint8             children;  /* Ctx */
  guint8             mode;      /* ChildMode */
  ClipFeedStartFunc  start;
};

typedef struct {
  const ClipFeedElement *elements;
  guint                  n_elements;
  gboolean               caseless;   /* CDF's upper-case names */
} ClipFeedNs;

#define CLIP_FEED_NS(array, caseless) { array, G_N_ELEMENTS (array), caseless }

typedef struct {
  guint8            ctx;    /* Ctx of the children */
  guint8            mode;   /* ChildMode of the children */
  const ClipFeedNs *table;  /* for CHILDREN_ONLY_NS and CHILDREN_BY_NAME */
  ClipFeedEndFunc   end;    /* called on the end tag */
  const char       *base;   /* xml:base in effect */
  const char       *lang;   /* xml:lang in effect */
  char             *owned;  /* base and/or lang this element set */
  char             *owned_lang;
} Frame;

typedef struct {
  gboolean    active;
  guint       depth;
  Field       field;
  ClipFeedTextKind kind;
  gboolean    base64;
  int         prio;
  GString    *buf;
  const char *base;
  guint       skip_div_depth;   /* the xhtml wrapper <div>, not content */
  gboolean    permalink;        /* guid isPermaLink */
} Capture;

struct _Parser {
  ClipFeed      *feed;
  xmlParserCtxtPtr ctxt;
  ClipSanitizer *sanitizer;
  guint          depth;
  Capture        cap;
  gboolean       root_seen;
  gboolean       root_is_html;
  gboolean       invalid_utf8;  /* libxml2 met bytes that are not UTF-8 */
  gboolean       cdf;           /* upper-case names, links in attributes */
  gboolean       is_feed;
  gboolean       limit_text_reported;
  gboolean       limit_items_reported;
  ClipFeedItem  *item;
  gboolean       item_is_entry; /* an Atom entry: it inherits authors */
  int            prio[N_FIELDS];
  char          *author_name;
  char          *author_email;
  GPtrArray     *feed_authors;   /* the Atom feed's own (char*), or NULL */
  GPtrArray     *source_authors; /* the entry's <source>'s (char*), or NULL */
  GPtrArray     *authorless;     /* entries waiting for the feed's authors */
  const xmlChar **root_namespaces; /* while the root is read */
  int            root_nb_namespaces;
  Ns             root_ns_none;  /* how to read elements with no namespace */
  const xmlChar *root_uri;      /* an unknown namespace the root gave */
  Ns             root_ns;       /* … read as this one */
  gsize          entity_bytes;  /* declared entities expanded so far */
  GHashTable    *entities;      /* name → xmlEntity, this document's own */
  const xmlChar *ns_cache_uri[4];
  Ns             ns_cache_ns[4];
  guint          ns_cache_next;
  /* Last, so that only frames[0] is cleared for each document: the others
   * are set as elements start. */
  Frame          frames[CLIP_FEED_MAX_DEPTH + 2];
};

static inline gboolean
is_atom (Ns ns)
{
  return ns == NS_ATOM10 || ns == NS_ATOM03;
}

static inline gboolean
is_rss (Ns ns)
{
  return ns == NS_NONE || ns == NS_RSS10 || ns == NS_RSS090;
}

/* The tables (clip-feed-ns-*.c) */
extern const ClipFeedNs clip_feed_ns_rss;      /* RSS 0.9x/2.0 and RSS 1.0's */
extern const ClipFeedNs clip_feed_ns_rdf;
extern const ClipFeedNs clip_feed_ns_atom;     /* Atom 1.0 and 0.3 */
extern const ClipFeedNs clip_feed_ns_dc;
extern const ClipFeedNs clip_feed_ns_dcterms;
extern const ClipFeedNs clip_feed_ns_content;
extern const ClipFeedNs clip_feed_ns_xhtml;
extern const ClipFeedNs clip_feed_ns_media;
extern const ClipFeedNs clip_feed_ns_itunes;
extern const ClipFeedNs clip_feed_ns_cdf;      /* by name, any namespace */

/* clip-feed-xml.c */
char        *clip_feed_xml_attr_value    (const xmlChar  *start,
                                          const xmlChar  *end);
char        *clip_feed_xml_attr          (const xmlChar **attrs,
                                          int             n,
                                          const char     *name);
char        *clip_feed_xml_xml_attr      (const xmlChar **attrs,
                                          int             n,
                                          const char     *name);
void         clip_feed_xml_capture_begin (Parser         *p,
                                          Field           field,
                                          ClipFeedTextKind kind,
                                          int             prio);

/* clip-feed-xml-fields.c */
gboolean     clip_feed_xml_take_prio     (Parser         *p,
                                          Field           f,
                                          int             prio);
void         clip_feed_xml_set_string    (char          **slot,
                                          char           *value);
char        *clip_feed_xml_language      (const char     *tag);
void         clip_feed_xml_capture_end   (Parser         *p);
void         clip_feed_xml_add_enclosure (Parser         *p,
                                          char           *url,
                                          char           *type,
                                          const char     *length);
gboolean     clip_feed_xml_begin_item    (Parser         *p,
                                          const xmlChar **attrs,
                                          int             n);
void         clip_feed_xml_begin_author  (Parser         *p);
void         clip_feed_xml_finish        (Parser         *p);

/* clip-feed-xml-entities.c */
xmlEntityPtr clip_feed_xml_entity_new    (const char     *name,
                                          const char     *content,
                                          gsize           len);
void         clip_feed_xml_entity_free   (gpointer        entity);
xmlEntityPtr clip_feed_xml_get_entity    (void           *ctx,
                                          const xmlChar  *name);
void         clip_feed_xml_entity_decl   (void           *ctx,
                                          const xmlChar  *name,
                                          int             type,
                                          const xmlChar  *public_id,
                                          const xmlChar  *system_id,
                                          xmlChar        *content);

G_END_DECLS
