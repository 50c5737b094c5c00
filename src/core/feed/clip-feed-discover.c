/* clip-feed-discover.c — the feeds a web page advertises
 *
 * <link rel="alternate" type="application/rss+xml" href="…"> and its Atom,
 * RDF and JSON Feed kin, read with libxml2's HTML parser (SAX, no tree).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-private.h"
#include "clip-charset.h"

#include <libxml/HTMLparser.h>
#include <string.h>

typedef struct {
  GPtrArray *links;
  char      *base;
} Discover;

static const char *
html_attr (const xmlChar **atts, const char *name)
{
  for (guint i = 0; atts != NULL && atts[i] != NULL; i += 2)
    if (g_ascii_strcasecmp ((const char *) atts[i], name) == 0)
      return (const char *) atts[i + 1];
  return NULL;
}

static gboolean
is_feed_type (const char *type)
{
  static const char * const types[] = {
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/feed+json", "application/json", "text/xml", "application/xml",
  };
  g_autofree char *t = NULL;

  if (type == NULL)
    return FALSE;
  t = g_ascii_strdown (type, strcspn (type, ";"));
  g_strstrip (t);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (strcmp (t, types[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
rel_has_alternate (const char *rel)
{
  g_auto(GStrv) words = NULL;

  if (rel == NULL)
    return FALSE;
  words = g_strsplit_set (rel, " \t\n", -1);
  for (guint i = 0; words[i]; i++)
    if (g_ascii_strcasecmp (words[i], "alternate") == 0)
      return TRUE;
  return FALSE;
}

static void
on_start (void *ctx, const xmlChar *name, const xmlChar **atts)
{
  Discover *d = ((htmlParserCtxtPtr) ctx)->_private;
  const char *href = html_attr (atts, "href");

  if (href == NULL)
    return;
  if (g_ascii_strcasecmp ((const char *) name, "base") == 0)
    {
      char *base = clip_feed_resolve_url (d->base, href);

      if (base != NULL)
        {
          g_free (d->base);
          d->base = base;
        }
    }
  else if (g_ascii_strcasecmp ((const char *) name, "link") == 0 &&
           rel_has_alternate (html_attr (atts, "rel")) &&
           is_feed_type (html_attr (atts, "type")))
    clip_feed_add_unique (d->links, clip_feed_resolve_url (d->base, href));
}

GPtrArray *
clip_feed_discover_links (const char *html, gsize len, const char *base_url)
{
  Discover d = { g_ptr_array_new_with_free_func (g_free), g_strdup (base_url) };
  htmlParserCtxtPtr ctxt;
  xmlSAXHandler sax;
  ClipCharsetSource source;
  gsize bom = 0, utf8_len = 0;
  g_autofree char *charset = NULL;
  g_autofree char *utf8 = NULL;

  if (html == NULL || len == 0 || len > CLIP_FEED_MAX_SIZE)
    {
      g_free (d.base);
      return d.links;
    }
  charset = clip_charset_detect_html (html, len, NULL, &source, &bom);
  if (source == CLIP_CHARSET_DECLARATION)
    {
      /* A page whose bytes belie its <meta charset>: read as they are. */
      const char *actual = clip_charset_contradicted (html + bom, len - bom, charset);

      if (actual != NULL)
        {
          g_free (charset);
          charset = g_strdup (actual);
        }
    }
  utf8 = clip_charset_to_utf8 (html + bom, len - bom, charset, &utf8_len, NULL, NULL);
  if (utf8 == NULL)
    utf8 = clip_charset_to_utf8 (html + bom, len - bom, "windows-1252", &utf8_len, NULL, NULL);

  clip_html_init_libxml ();
  memset (&sax, 0, sizeof sax);
  sax.startElement = on_start;
  ctxt = htmlNewParserCtxt ();
  if (ctxt != NULL)
    {
      memcpy (ctxt->sax, &sax, sizeof sax);
      ctxt->_private = &d;
      htmlCtxtReadMemory (ctxt, utf8, (int) utf8_len, NULL, "UTF-8",
                          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                          HTML_PARSE_NONET);
      htmlFreeParserCtxt (ctxt);
    }
  g_free (d.base);
  return d.links;
}
