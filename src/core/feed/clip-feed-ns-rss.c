/* clip-feed-ns-rss.c — RSS 0.9x and 2.0 elements, and RSS 1.0's
 *
 * One table for elements of no namespace (RSS 0.9x/2.0, and Userland's
 * RSS 2 namespaces, read as none) and of the RSS 1.0 and 0.90 namespaces,
 * which name the same elements; a few Userland extras (<body>,
 * <fullitem>, <tags>, <summary>) only without a namespace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"

#include <string.h>

static void
rss_root (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  static const struct { const char *version; ClipFeedFormat format; } versions[] = {
    { "0.91", CLIP_FEED_FORMAT_RSS091 }, { "0.92", CLIP_FEED_FORMAT_RSS092 },
    { "0.93", CLIP_FEED_FORMAT_RSS093 }, { "0.94", CLIP_FEED_FORMAT_RSS094 },
    { "0.90", CLIP_FEED_FORMAT_RSS090 },
  };
  g_autofree char *version = clip_feed_xml_attr (attrs, n, "version");

  p->feed->format = CLIP_FEED_FORMAT_RSS20;
  for (guint i = 0; version != NULL && i < G_N_ELEMENTS (versions); i++)
    if (strcmp (version, versions[i].version) == 0)
      p->feed->format = versions[i].format;
}

/* A bare <channel> as the root: RSS 2.0 that lost its <rss>. */
static void
channel_root (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  p->feed->format = CLIP_FEED_FORMAT_RSS20;
}

static void
item (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  g_autofree char *about = NULL;

  if (!clip_feed_xml_begin_item (p, attrs, n))
    return;
  /* RSS 1.0: rdf:about is the item's id */
  if ((ns == NS_RSS10 || ns == NS_RSS090) && (about = clip_feed_xml_attr (attrs, n, "about")) != NULL &&
      clip_feed_xml_take_prio (p, F_ID, 1))
    p->item->id = g_steal_pointer (&about);
}

/* Titles and descriptions are HTML; Atom 0.3's mode="base64" is met here
 * too. */
static void
text (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  g_autofree char *mode = clip_feed_xml_attr (attrs, n, "mode");

  clip_feed_xml_capture_begin (p, el->field, el->kind, el->prio);
  p->cap.base64 = mode != NULL && g_ascii_strcasecmp (mode, "base64") == 0;
}

/* An item's description, or a Userland <summary>: when both are given,
 * the second is the full text. */
static void
description (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  if (p->prio[F_SUMMARY] >= 4)
    clip_feed_xml_capture_begin (p, F_CONTENT, CLIP_FEED_TEXT_HTML, 1);
  else
    clip_feed_xml_capture_begin (p, F_SUMMARY, CLIP_FEED_TEXT_HTML, 4);
}

static void
guid (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  g_autofree char *perma = clip_feed_xml_attr (attrs, n, "isPermaLink");

  clip_feed_xml_capture_begin (p, F_GUID, CLIP_FEED_TEXT_PLAIN, 3);
  p->cap.permalink = perma == NULL || g_ascii_strcasecmp (g_strstrip (perma), "false") != 0;
}

static void
enclosure (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  g_autofree char *length = clip_feed_xml_attr (attrs, n, "length");

  clip_feed_xml_add_enclosure (p, clip_feed_xml_attr (attrs, n, "url"),
                               clip_feed_xml_attr (attrs, n, "type"), length);
}

#define PLAIN CLIP_FEED_TEXT_PLAIN
#define HTML  CLIP_FEED_TEXT_HTML
#define NONE_ONLY NS_BIT (NS_NONE)

/* The commonest elements of an item first: each start tag scans this. */
static const ClipFeedElement elements[] = {
  /* the root, and RSS 1.0's children of <rdf:RDF> */
  { "rss", IN (CTX_DOC), .children = CTX_TOP, .start = rss_root },
  { "channel", IN (CTX_DOC), .children = CTX_FEED, .start = channel_root },
  { "channel", IN (CTX_TOP) | IN (CTX_FEED), .children = CTX_FEED },
  { "image", IN (CTX_TOP) | IN (CTX_FEED), .children = CTX_IMAGE, .mode = CHILDREN_BY_NAME },
  { "url", IN (CTX_IMAGE), .field = F_FEED_ICON, .kind = PLAIN, .prio = 3 },
  { "item", IN (CTX_TOP) | IN (CTX_FEED), .start = item },

  /* an item's */
  { "title", IN (CTX_ITEM), .field = F_TITLE, .kind = HTML, .prio = 3, .start = text },
  { "link", IN (CTX_ITEM), .field = F_LINK, .kind = PLAIN, .prio = 5 },
  { "guid", IN (CTX_ITEM), .start = guid },
  { "pubDate", IN (CTX_ITEM), .field = F_PUBLISHED, .kind = PLAIN, .prio = 4 },
  { "category", IN (CTX_ITEM), .field = F_CATEGORY, .kind = PLAIN, .prio = 1 },
  { "description", IN (CTX_ITEM), .start = description },
  { "author", IN (CTX_ITEM), .field = F_AUTHOR, .kind = PLAIN, .prio = 1 },
  { "enclosure", IN (CTX_ITEM), .start = enclosure },
  { "language", IN (CTX_ITEM), .field = F_LANGUAGE, .kind = PLAIN, .prio = 2 },
  { "summary", IN (CTX_ITEM), NONE_ONLY, .start = description },
  { "fullitem", IN (CTX_ITEM), NONE_ONLY, .field = F_CONTENT, .kind = HTML, .prio = 3 },
  { "body", IN (CTX_ITEM), NONE_ONLY, .field = F_CONTENT, .kind = CLIP_FEED_TEXT_XHTML, .prio = 5 },
  { "tags", IN (CTX_ITEM), NONE_ONLY, .field = F_TAGS, .kind = PLAIN, .prio = 1 },
  /* An item in an item is libxml2's recovery from a tag left open in the
   * one before (<title>a <b>b</title>): it and what follows end up
   * inside. Read on as the outer item's, so that its link is not lost. */
  { "item", IN (CTX_ITEM), .children = CTX_PARENT },

  /* the channel's */
  { "title", IN (CTX_FEED), .field = F_FEED_TITLE, .kind = HTML, .prio = 3, .start = text },
  { "link", IN (CTX_FEED), .field = F_FEED_LINK, .kind = PLAIN, .prio = 2 },
  { "description", IN (CTX_FEED), .field = F_FEED_SUBTITLE, .kind = HTML, .prio = 3, .start = text },
  { "tagline", IN (CTX_FEED), .field = F_FEED_SUBTITLE, .kind = HTML, .prio = 3, .start = text },
  { "language", IN (CTX_FEED), .field = F_FEED_LANGUAGE, .kind = PLAIN, .prio = 2 },
  { "lastBuildDate", IN (CTX_FEED), .field = F_FEED_UPDATED, .kind = PLAIN, .prio = 3 },
  { "pubDate", IN (CTX_FEED), .field = F_FEED_UPDATED, .kind = PLAIN, .prio = 1 },
};

const ClipFeedNs clip_feed_ns_rss = CLIP_FEED_NS (elements, FALSE);
