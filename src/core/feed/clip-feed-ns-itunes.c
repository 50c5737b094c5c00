/* clip-feed-ns-itunes.c — Apple's podcast elements (itunes:*)
 *
 * Podcasts often have little else: a summary, an author, a cover image.
 * Each ranks below the RSS element for the same field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"

/* <itunes:image href="…"/>: the feed's icon when it has no other */
static void
image (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  g_autofree char *href = clip_feed_xml_attr (attrs, n, "href");

  if (href != NULL && clip_feed_xml_take_prio (p, F_FEED_ICON, 1))
    clip_feed_xml_set_string (&p->feed->icon, clip_feed_resolve_url (p->frames[p->depth].base, href));
}

/* <itunes:category text="…">, in which a subcategory may be nested */
static void
category (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  char *text = clip_feed_xml_attr (attrs, n, "text");

  if (text != NULL)
    clip_feed_add_unique (p->item->categories, g_strstrip (text));
}

#define PLAIN CLIP_FEED_TEXT_PLAIN

static const ClipFeedElement elements[] = {
  { "author", IN (CTX_ITEM), .field = F_AUTHOR, .kind = PLAIN, .prio = 1 },
  { "summary", IN (CTX_ITEM), .field = F_SUMMARY, .kind = PLAIN, .prio = 1 },
  { "category", IN (CTX_ITEM), .children = CTX_PARENT, .mode = CHILDREN_ONLY_NS, .start = category },

  { "image", IN (CTX_FEED), .start = image },
  { "subtitle", IN (CTX_FEED), .field = F_FEED_SUBTITLE, .kind = PLAIN, .prio = 1 },
  { "summary", IN (CTX_FEED), .field = F_FEED_SUBTITLE, .kind = PLAIN, .prio = 1 },
};

const ClipFeedNs clip_feed_ns_itunes = CLIP_FEED_NS (elements, FALSE);
