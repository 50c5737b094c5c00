/* clip-feed-xml-private.h — what the RSS/Atom reader's files share
 *
 * clip-feed-xml.c drives libxml2 (SAX callbacks, text capture, errors),
 * clip-feed-xml-elements.c knows what each element means, and
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
} Ns;

typedef enum {
  CTX_TOP, CTX_FEED, CTX_ITEM, CTX_AUTHOR, CTX_IMAGE, CTX_SKIP,
} Ctx;

typedef enum {
  ROLE_NONE, ROLE_ITEM, ROLE_AUTHOR,
} Role;

typedef enum {
  F_FEED_TITLE, F_FEED_LINK, F_FEED_SUBTITLE, F_FEED_LANGUAGE, F_FEED_UPDATED,
  F_FEED_ICON,
  F_ID, F_LINK, F_TITLE, F_AUTHOR, F_AUTHOR_NAME, F_AUTHOR_EMAIL, F_PUBLISHED,
  F_UPDATED, F_SUMMARY, F_CONTENT, F_CATEGORY, F_TAGS, F_LANGUAGE, F_GUID,
  N_FIELDS
} Field;

typedef struct {
  Ctx         ctx;
  Role        role;
  const char *base;   /* xml:base in effect */
  const char *lang;   /* xml:lang in effect */
  char       *owned;  /* base and/or lang this element set */
  char       *owned_lang;
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

typedef struct {
  ClipFeed      *feed;
  xmlParserCtxtPtr ctxt;
  ClipSanitizer *sanitizer;
  Frame          frames[CLIP_FEED_MAX_DEPTH + 2];
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
  int            prio[N_FIELDS];
  char          *author_name;
  char          *author_email;
  Ns             root_ns_none;  /* how to read elements with no namespace */
  const xmlChar *root_uri;      /* an unknown namespace the root gave */
  Ns             root_ns;       /* … read as this one */
  gsize          entity_bytes;  /* declared entities expanded so far */
  GHashTable    *entities;      /* name → xmlEntity, this document's own */
  const xmlChar *ns_cache_uri[4];
  Ns             ns_cache_ns[4];
  guint          ns_cache_next;
} Parser;

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

/* clip-feed-xml-elements.c */
void         clip_feed_xml_capture_end   (Parser         *p);
void         clip_feed_xml_begin_root    (Parser         *p,
                                          const char     *name,
                                          Ns              ns,
                                          const xmlChar  *uri,
                                          const xmlChar **namespaces,
                                          int             nb_namespaces,
                                          const xmlChar **attrs,
                                          int             n);
void         clip_feed_xml_begin_item    (Parser         *p,
                                          const xmlChar **attrs,
                                          int             n,
                                          Ns              ns);
void         clip_feed_xml_end_item      (Parser         *p);
void         clip_feed_xml_end_author    (Parser         *p);
void         clip_feed_xml_start_in_feed (Parser         *p,
                                          const char     *name,
                                          Ns              ns,
                                          const xmlChar **attrs,
                                          int             n);
void         clip_feed_xml_start_in_item (Parser         *p,
                                          const char     *name,
                                          Ns              ns,
                                          const xmlChar **attrs,
                                          int             n);
void         clip_feed_xml_cdf_start     (Parser         *p,
                                          const char     *name,
                                          const xmlChar **attrs,
                                          int             n);

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
