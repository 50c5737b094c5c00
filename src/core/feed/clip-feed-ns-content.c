/* clip-feed-ns-content.c — RSS 1.0's content module: <content:encoded>
 *
 * The item's full text, as escaped HTML, beside a short <description>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"

static const ClipFeedElement elements[] = {
  { "encoded", IN (CTX_ITEM), .field = F_CONTENT, .kind = CLIP_FEED_TEXT_HTML, .prio = 4 },
};

const ClipFeedNs clip_feed_ns_content = CLIP_FEED_NS (elements, FALSE);
