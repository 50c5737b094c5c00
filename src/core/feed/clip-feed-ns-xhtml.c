/* clip-feed-ns-xhtml.c — an <xhtml:body> in an item: its full text
 *
 * As markup, not escaped: written back as HTML while it is read. It
 * outranks <content:encoded>, as in feedparser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"

static const ClipFeedElement elements[] = {
  { "body", IN (CTX_ITEM), .field = F_CONTENT, .kind = CLIP_FEED_TEXT_XHTML, .prio = 5 },
};

const ClipFeedNs clip_feed_ns_xhtml = CLIP_FEED_NS (elements, FALSE);
