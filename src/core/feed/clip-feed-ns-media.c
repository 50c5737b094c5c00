/* clip-feed-ns-media.c — Media RSS (media:content, media:group and the
 * texts that describe them)
 *
 * A <media:group> or a <media:content> holds more media elements, which
 * are the item's as if they were its own children; anything else inside
 * them is not the item's. Their texts rank below the item's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"

static void
content (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  g_autofree char *size = clip_feed_xml_attr (attrs, n, "fileSize");

  clip_feed_xml_add_enclosure (p, clip_feed_xml_attr (attrs, n, "url"),
                               clip_feed_xml_attr (attrs, n, "type"), size);
}

#define PLAIN CLIP_FEED_TEXT_PLAIN
#define MEDIA_INSIDE .children = CTX_PARENT, .mode = CHILDREN_ONLY_NS

static const ClipFeedElement elements[] = {
  { "content", IN (CTX_ITEM), MEDIA_INSIDE, .start = content },
  { "group", IN (CTX_ITEM), MEDIA_INSIDE },
  { "title", IN (CTX_ITEM), .field = F_TITLE, .kind = PLAIN, .prio = 1 },
  { "description", IN (CTX_ITEM), .field = F_SUMMARY, .kind = PLAIN, .prio = 1 },
  { "category", IN (CTX_ITEM), .field = F_CATEGORY, .kind = PLAIN, .prio = 1 },
};

const ClipFeedNs clip_feed_ns_media = CLIP_FEED_NS (elements, FALSE);
