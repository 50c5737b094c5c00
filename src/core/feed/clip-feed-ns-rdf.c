/* clip-feed-ns-rdf.c — RDF's own elements: the <rdf:RDF> root of RSS 1.0
 *
 * RSS 1.0 and 0.90 put their channel, items and image side by side in
 * <rdf:RDF>; those elements are in clip-feed-ns-rss.c. The rest of RDF
 * (<rdf:Seq>, <rdf:li>) only lists what is there anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"

#include <string.h>

static gboolean
declares_ns (const xmlChar **namespaces, int nb, const char *uri)
{
  for (int i = 0; i < nb; i++)
    if (namespaces[2 * i + 1] && strcmp ((const char *) namespaces[2 * i + 1], uri) == 0)
      return TRUE;
  return FALSE;
}

/* The root names RSS 0.90's namespace, or RSS 1.0's (or none: 1.0). */
static void
rdf_root (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  p->feed->format = declares_ns (p->root_namespaces, p->root_nb_namespaces,
                                 "http://my.netscape.com/rdf/simple/0.9/")
                    ? CLIP_FEED_FORMAT_RSS090 : CLIP_FEED_FORMAT_RSS10;
}

static const ClipFeedElement elements[] = {
  { "RDF", IN (CTX_DOC), .children = CTX_TOP, .start = rdf_root },
};

const ClipFeedNs clip_feed_ns_rdf = CLIP_FEED_NS (elements, FALSE);
