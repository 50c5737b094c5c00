/* clip-feed-ns-dc.c — Dublin Core elements and DCMI terms
 *
 * Feeds of every format add them; each ranks below the format's own
 * element for the same field (a dc:date below an Atom <published>).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"

#define PLAIN CLIP_FEED_TEXT_PLAIN

/* http://purl.org/dc/elements/1.1/ (and 1.0) */
static const ClipFeedElement dc_elements[] = {
  /* an item's */
  { "creator", IN (CTX_ITEM), .field = F_AUTHOR, .kind = PLAIN, .prio = 1 },
  { "date", IN (CTX_ITEM), .field = F_PUBLISHED, .kind = PLAIN, .prio = 3 },
  { "subject", IN (CTX_ITEM), .field = F_CATEGORY, .kind = PLAIN, .prio = 1 },
  { "title", IN (CTX_ITEM), .field = F_TITLE, .kind = PLAIN, .prio = 2 },
  { "identifier", IN (CTX_ITEM), .field = F_ID, .kind = PLAIN, .prio = 2 },
  { "description", IN (CTX_ITEM), .field = F_SUMMARY, .kind = CLIP_FEED_TEXT_HTML, .prio = 3 },
  { "language", IN (CTX_ITEM), .field = F_LANGUAGE, .kind = PLAIN, .prio = 2 },
  { "contributor", IN (CTX_ITEM), .field = F_AUTHOR, .kind = PLAIN, .prio = 1 },
  { "author", IN (CTX_ITEM), .field = F_AUTHOR, .kind = PLAIN, .prio = 1 },  /* not DC's, but met */

  /* the channel's */
  { "title", IN (CTX_FEED), .field = F_FEED_TITLE, .kind = PLAIN, .prio = 1 },
  { "description", IN (CTX_FEED), .field = F_FEED_SUBTITLE, .kind = PLAIN, .prio = 1 },
  { "language", IN (CTX_FEED), .field = F_FEED_LANGUAGE, .kind = PLAIN, .prio = 2 },
  { "date", IN (CTX_FEED), .field = F_FEED_UPDATED, .kind = PLAIN, .prio = 2 },
};

/* http://purl.org/dc/terms/ */
static const ClipFeedElement dcterms_elements[] = {
  { "issued", IN (CTX_ITEM), .field = F_PUBLISHED, .kind = PLAIN, .prio = 3 },
  { "created", IN (CTX_ITEM), .field = F_PUBLISHED, .kind = PLAIN, .prio = 2 },
  { "modified", IN (CTX_ITEM), .field = F_UPDATED, .kind = PLAIN, .prio = 3 },
  { "modified", IN (CTX_FEED), .field = F_FEED_UPDATED, .kind = PLAIN, .prio = 3 },
};

const ClipFeedNs clip_feed_ns_dc = CLIP_FEED_NS (dc_elements, FALSE);
const ClipFeedNs clip_feed_ns_dcterms = CLIP_FEED_NS (dcterms_elements, FALSE);
