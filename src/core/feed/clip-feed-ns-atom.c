/* clip-feed-ns-atom.c — Atom 1.0 (RFC 4287) and Atom 0.3 elements
 *
 * Also read where RSS borrows them (atom:link in a channel, atom:author in
 * an item), and in a <feed> that forgot its namespace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"

#include <string.h>

static void
feed_root (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  g_autofree char *version = clip_feed_xml_attr (attrs, n, "version");

  p->feed->format = ns == NS_ATOM03 || g_strcmp0 (version, "0.3") == 0
                    ? CLIP_FEED_FORMAT_ATOM03 : CLIP_FEED_FORMAT_ATOM10;
  /* <feed> with no namespace at all: still Atom */
  if (ns == NS_NONE)
    p->root_ns_none = p->feed->format == CLIP_FEED_FORMAT_ATOM03 ? NS_ATOM03 : NS_ATOM10;
}

static void
entry (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  if (clip_feed_xml_begin_item (p, attrs, n))
    p->item_is_entry = TRUE;
}

/* A media type ("application/octet-stream"), not a word ("markdown") */
static gboolean
is_media_type (const char *type)
{
  const char *slash = strchr (type, '/');

  return slash != NULL && slash > type && slash[1] != '\0';
}

/* How a text is written: Atom's type="text|html|xhtml", Atom 0.3's MIME
 * types and mode="escaped|xml|base64". Other media types that are neither
 * text nor XML are base64 (RFC 4287 §4.1.3.3); a type that is no media
 * type at all is unknown, and the text is kept as it is written. */
static ClipFeedTextKind
text_kind (const xmlChar **attrs, int n, gboolean *base64)
{
  g_autofree char *type = clip_feed_xml_attr (attrs, n, "type");
  g_autofree char *mode = clip_feed_xml_attr (attrs, n, "mode");
  gboolean escaped = mode != NULL && g_ascii_strcasecmp (mode, "escaped") == 0;

  *base64 = mode != NULL && g_ascii_strcasecmp (mode, "base64") == 0;
  if (type == NULL)
    return escaped ? CLIP_FEED_TEXT_HTML : CLIP_FEED_TEXT_PLAIN;
  for (char *c = g_strstrip (type); *c; c++)   /* media types ignore case */
    *c = g_ascii_tolower (*c);
  if (*type == '\0' || strcmp (type, "text") == 0 || strcmp (type, "text/plain") == 0)
    return CLIP_FEED_TEXT_PLAIN;
  if (strcmp (type, "html") == 0 || strcmp (type, "text/html") == 0)
    return mode && g_ascii_strcasecmp (mode, "xml") == 0 ? CLIP_FEED_TEXT_XHTML
                                                         : CLIP_FEED_TEXT_HTML;
  if (strcmp (type, "xhtml") == 0 || strcmp (type, "application/xhtml+xml") == 0)
    return escaped ? CLIP_FEED_TEXT_HTML : CLIP_FEED_TEXT_XHTML;
  if (is_media_type (type) && !g_str_has_prefix (type, "text/") &&
      !g_str_has_suffix (type, "+xml") && !g_str_has_suffix (type, "/xml"))
    *base64 = TRUE;   /* shown as text if it is */
  return CLIP_FEED_TEXT_PLAIN;
}

static void
text (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  gboolean base64;
  ClipFeedTextKind kind = text_kind (attrs, n, &base64);

  clip_feed_xml_capture_begin (p, el->field, kind, el->prio);
  p->cap.base64 = base64;
}

static void
content (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  g_autofree char *src = clip_feed_xml_attr (attrs, n, "src");
  gboolean base64;
  ClipFeedTextKind kind;

  if (src != NULL)
    return;   /* content elsewhere: nothing to show here */
  kind = text_kind (attrs, n, &base64);
  clip_feed_xml_capture_begin (p, F_CONTENT, kind, el->prio);
  p->cap.base64 = base64;
}

/* A type that names a feed: another format of this one, not its page. */
static gboolean
is_feed_type (const char *type)
{
  static const char * const feeds[] = { "rss+xml", "atom+xml", "rdf+xml", "feed+json" };
  g_autofree char *lower = g_ascii_strdown (type, -1);

  for (guint i = 0; i < G_N_ELEMENTS (feeds); i++)
    if (strstr (lower, feeds[i]) != NULL)
      return TRUE;
  return FALSE;
}

static void
link_alternate (Parser *p, Ctx ctx, const char *href, const char *type)
{
  const char *base = p->frames[p->depth].base;
  /* an HTML page is the link a reader wants */
  int prio = type == NULL || strstr (type, "html") != NULL ? 4 : 3;
  Field f = ctx == CTX_ITEM ? F_LINK : F_FEED_LINK;

  /* an RSS channel's <link> (rank 2) is its page: another feed is not */
  if (ctx == CTX_FEED && type != NULL && is_feed_type (type) &&
      p->feed->format != CLIP_FEED_FORMAT_ATOM10 && p->feed->format != CLIP_FEED_FORMAT_ATOM03)
    prio = 1;
  if (!clip_feed_xml_take_prio (p, f, prio))
    return;
  if (ctx == CTX_ITEM && p->item)
    clip_feed_xml_set_string (&p->item->link, clip_feed_resolve_url (base, href));
  else if (ctx == CTX_FEED)
    clip_feed_xml_set_string (&p->feed->link, clip_feed_resolve_url (base, href));
}

static void
link_element (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  Ctx ctx = p->frames[p->depth - 1].ctx;
  g_autofree char *rel = clip_feed_xml_attr (attrs, n, "rel");
  g_autofree char *href = clip_feed_xml_attr (attrs, n, "href");
  g_autofree char *type = clip_feed_xml_attr (attrs, n, "type");
  g_autofree char *length = clip_feed_xml_attr (attrs, n, "length");

  if (href == NULL)
    return;
  if (rel == NULL || strcmp (rel, "alternate") == 0 ||
      strcmp (rel, "http://www.iana.org/assignments/relation/alternate") == 0)
    link_alternate (p, ctx, href, type);
  else if (strcmp (rel, "enclosure") == 0 && ctx == CTX_ITEM)
    clip_feed_xml_add_enclosure (p, g_steal_pointer (&href), g_steal_pointer (&type), length);
}

static void
category (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  g_autofree char *term = clip_feed_xml_attr (attrs, n, "term");
  g_autofree char *label = clip_feed_xml_attr (attrs, n, "label");
  char *value = term && *g_strstrip (term) ? g_steal_pointer (&term) : g_steal_pointer (&label);

  if (value != NULL && *g_strstrip (value))
    clip_feed_add_unique (p->item->categories, value);
  else
    g_free (value);
}

static void
author (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  clip_feed_xml_begin_author (p);
}

/* An entry's <source> says where it was copied from: of its metadata
 * only the author is the entry's, and only when the entry names none. */
static void
source (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  if (p->source_authors != NULL)
    g_ptr_array_set_size (p->source_authors, 0);
}

#define PLAIN CLIP_FEED_TEXT_PLAIN
#define PERSON .children = CTX_AUTHOR, .mode = CHILDREN_BY_NAME, .start = author

/* An entry's elements first: each start tag scans this. */
static const ClipFeedElement elements[] = {
  { "feed", IN (CTX_DOC), .children = CTX_FEED, .start = feed_root },
  { "entry", IN (CTX_FEED), .start = entry },

  /* an entry's */
  { "title", IN (CTX_ITEM), .field = F_TITLE, .prio = 3, .start = text },
  { "link", IN (CTX_ITEM) | IN (CTX_FEED), .start = link_element },
  { "id", IN (CTX_ITEM), .field = F_ID, .kind = PLAIN, .prio = 3 },
  { "published", IN (CTX_ITEM), .field = F_PUBLISHED, .kind = PLAIN, .prio = 5 },
  { "issued", IN (CTX_ITEM), .field = F_PUBLISHED, .kind = PLAIN, .prio = 5 },
  { "updated", IN (CTX_ITEM), .field = F_UPDATED, .kind = PLAIN, .prio = 3 },
  { "modified", IN (CTX_ITEM), .field = F_UPDATED, .kind = PLAIN, .prio = 3 },
  { "created", IN (CTX_ITEM), .field = F_PUBLISHED, .kind = PLAIN, .prio = 2 },
  { "author", IN (CTX_ITEM) | IN (CTX_FEED) | IN (CTX_SOURCE), PERSON },
  { "summary", IN (CTX_ITEM), .field = F_SUMMARY, .prio = 4, .start = text },
  { "content", IN (CTX_ITEM), .prio = 3, .start = content },
  { "category", IN (CTX_ITEM), .start = category },
  { "source", IN (CTX_ITEM), .children = CTX_SOURCE, .start = source },
  /* what an unclosed tag left inside the entry: see clip-feed-ns-rss.c */
  { "entry", IN (CTX_ITEM), .children = CTX_PARENT },

  /* a person's */
  { "name", IN (CTX_AUTHOR), .field = F_AUTHOR_NAME, .kind = PLAIN, .prio = 1 },
  { "email", IN (CTX_AUTHOR), .field = F_AUTHOR_EMAIL, .kind = PLAIN, .prio = 1 },

  /* the feed's */
  { "title", IN (CTX_FEED), .field = F_FEED_TITLE, .prio = 3, .start = text },
  { "subtitle", IN (CTX_FEED), .field = F_FEED_SUBTITLE, .prio = 3, .start = text },
  { "tagline", IN (CTX_FEED), .field = F_FEED_SUBTITLE, .prio = 3, .start = text },
  { "updated", IN (CTX_FEED), .field = F_FEED_UPDATED, .kind = PLAIN, .prio = 3 },
  { "modified", IN (CTX_FEED), .field = F_FEED_UPDATED, .kind = PLAIN, .prio = 3 },
  { "icon", IN (CTX_FEED), .field = F_FEED_ICON, .kind = PLAIN, .prio = 4 },
  { "logo", IN (CTX_FEED), .field = F_FEED_ICON, .kind = PLAIN, .prio = 2 },
};

const ClipFeedNs clip_feed_ns_atom = CLIP_FEED_NS (elements, FALSE);
