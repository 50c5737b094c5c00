/* clip-feed-ns-cdf.c — Microsoft's Channel Definition Format (CDF)
 *
 * <CHANNEL HREF LASTMOD><TITLE/><ABSTRACT/><ITEM HREF LASTMOD>…: names in
 * any case and any namespace, links and dates in attributes. Once the
 * root is a CDF <CHANNEL>, every element is looked up here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"
#include "clip-date.h"

static char *
cdf_attr (const xmlChar **attrs, int n, const char *name)
{
  for (int i = 0; i < n; i++)
    if (g_ascii_strcasecmp ((const char *) attrs[i * 5], name) == 0)
      return clip_feed_xml_attr_value (attrs[i * 5 + 3], attrs[i * 5 + 4]);
  return NULL;
}

static gint64
lastmod (const xmlChar **attrs, int n)
{
  g_autofree char *value = cdf_attr (attrs, n, "lastmod");

  return value ? clip_date_parse (value, -1) : CLIP_NO_DATE;
}

static void
channel_root (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  Frame *fr = &p->frames[p->depth];
  /* CDF's BASE attribute works as xml:base */
  g_autofree char *base = cdf_attr (attrs, n, "base");
  g_autofree char *href = NULL;

  p->feed->format = CLIP_FEED_FORMAT_CDF;
  p->cdf = TRUE;
  if (base != NULL && fr->owned == NULL)
    fr->base = fr->owned = clip_feed_resolve_url (fr->base, base);
  href = cdf_attr (attrs, n, "href");
  clip_feed_xml_set_string (&p->feed->link, clip_feed_resolve_url (fr->base, href));
  p->feed->updated = lastmod (attrs, n);
}

static void
item (Parser *p, const ClipFeedElement *el, Ns ns, const xmlChar **attrs, int n)
{
  g_autofree char *href = NULL;

  if (!clip_feed_xml_begin_item (p, attrs, n))
    return;
  href = cdf_attr (attrs, n, "href");
  clip_feed_xml_set_string (&p->item->link, clip_feed_resolve_url (p->frames[p->depth].base, href));
  p->item->updated = lastmod (attrs, n);
}

#define PLAIN CLIP_FEED_TEXT_PLAIN

static const ClipFeedElement elements[] = {
  { "CHANNEL", IN (CTX_DOC), .children = CTX_FEED, .start = channel_root },
  { "ITEM", IN (CTX_FEED), .start = item },
  { "TITLE", IN (CTX_ITEM), .field = F_TITLE, .kind = PLAIN, .prio = 3 },
  { "ABSTRACT", IN (CTX_ITEM), .field = F_SUMMARY, .kind = PLAIN, .prio = 3 },
  { "TITLE", IN (CTX_FEED), .field = F_FEED_TITLE, .kind = PLAIN, .prio = 3 },
  { "ABSTRACT", IN (CTX_FEED), .field = F_FEED_SUBTITLE, .kind = PLAIN, .prio = 3 },
};

const ClipFeedNs clip_feed_ns_cdf = CLIP_FEED_NS (elements, TRUE);
