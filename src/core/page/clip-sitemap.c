/* clip-sitemap.c — reading sitemaps with libxml2's reader
 *
 * A streaming read: a news sitemap of 50,000 entries is never a tree in
 * memory. Names are matched by local name, whatever prefix the document
 * gives the news namespace. No network, no entities expanded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-sitemap.h"
#include "clip-article.h"
#include "clip-date.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <string.h>

G_DEFINE_QUARK (clip-sitemap-error-quark, clip_sitemap_error)

static void
entry_free (ClipSitemapEntry *e)
{
  g_free (e->url);
  g_free (e->title);
  g_free (e->language);
  g_free (e);
}

void
clip_sitemap_free (ClipSitemap *sitemap)
{
  if (sitemap == NULL)
    return;
  g_ptr_array_unref (sitemap->entries);
  g_free (sitemap);
}

const char *
clip_sitemap_kind_name (ClipSitemapKind kind)
{
  switch (kind)
    {
    case CLIP_SITEMAP_INDEX: return "index";
    case CLIP_SITEMAP_NEWS:  return "news";
    case CLIP_SITEMAP_URLSET:
    default:                 return "sitemap";
    }
}

gint64
clip_sitemap_entry_date (const ClipSitemapEntry *entry)
{
  return entry->published != CLIP_NO_DATE ? entry->published : entry->lastmod;
}

/* gzip (1f 8b) inflated, at most CLIP_SITEMAP_MAX_BYTES. */
static GBytes *
inflate (const char *data, gsize len, GError **error)
{
  g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) raw = g_memory_input_stream_new_from_data (data, len, NULL);
  g_autoptr(GInputStream) in = g_converter_input_stream_new (raw, G_CONVERTER (z));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buf[16384];
  gssize n;

  while ((n = g_input_stream_read (in, buf, sizeof buf, NULL, error)) > 0)
    {
      g_byte_array_append (out, buf, n);
      if (out->len > CLIP_SITEMAP_MAX_BYTES)
        {
          g_set_error (error, CLIP_SITEMAP_ERROR, CLIP_SITEMAP_ERROR_TOO_LARGE,
                       _("The sitemap is larger than %d MiB"), CLIP_SITEMAP_MAX_BYTES >> 20);
          return NULL;
        }
    }
  if (n < 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static char *
read_text (xmlTextReaderPtr r)
{
  xmlChar *s = xmlTextReaderReadString (r);
  char *out = s ? g_strstrip (g_strdup ((const char *) s)) : NULL;

  xmlFree (s);
  return out;
}

static gboolean
http_address (const char *url)
{
  return url && (g_ascii_strncasecmp (url, "http://", 7) == 0 ||
                 g_ascii_strncasecmp (url, "https://", 8) == 0);
}

/* An element of an entry: its text goes to the entry's field. */
static void
read_field (xmlTextReaderPtr r, const char *name, ClipSitemapEntry *e, gboolean *news)
{
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (r);
  g_autofree char *text = NULL;

  /* news:title, not an image sitemap's image:title */
  if (!g_str_equal (name, "loc") && !g_str_equal (name, "lastmod") &&
      (ns == NULL || strstr (ns, "sitemap-news") == NULL))
    return;
  if (g_str_equal (name, "loc") && e->url == NULL)
    e->url = read_text (r);
  else if (g_str_equal (name, "lastmod") && (text = read_text (r)))
    e->lastmod = clip_date_parse (text, -1);
  else if (g_str_equal (name, "title") && e->title == NULL)
    {
      e->title = read_text (r);
      *news = TRUE;
    }
  else if (g_str_equal (name, "publication_date") && (text = read_text (r)))
    {
      e->published = clip_date_parse (text, -1);
      *news = TRUE;
    }
  else if (g_str_equal (name, "language") && e->language == NULL)
    e->language = read_text (r);
}

static void
quiet (void *arg, const char *msg, xmlParserSeverities severity, xmlTextReaderLocatorPtr locator)
{
  (void) arg, (void) msg, (void) severity, (void) locator;
}

/* Reads the entries; FALSE when the root is neither urlset nor
 * sitemapindex. */
static gboolean
read_entries (xmlTextReaderPtr r, ClipSitemap *map)
{
  ClipSitemapEntry *e = NULL;
  gboolean root_seen = FALSE, root_ok = FALSE, news = FALSE;

  while (xmlTextReaderRead (r) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (r);
      int type = xmlTextReaderNodeType (r);

      if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
        continue;
      if (!root_seen)
        {
          root_seen = TRUE;
          if (g_strcmp0 (name, "sitemapindex") == 0)
            map->kind = CLIP_SITEMAP_INDEX;
          else if (g_strcmp0 (name, "urlset") != 0)
            break;
          root_ok = TRUE;
          continue;
        }
      if (type == XML_READER_TYPE_ELEMENT && (g_strcmp0 (name, "url") == 0 || g_strcmp0 (name, "sitemap") == 0) &&
          xmlTextReaderDepth (r) == 1)
        {
          g_clear_pointer (&e, entry_free);
          e = g_new0 (ClipSitemapEntry, 1);
          e->published = e->lastmod = CLIP_NO_DATE;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (r) == 1 && e)
        {
          if (http_address (e->url) && map->entries->len < CLIP_SITEMAP_MAX_ENTRIES)
            g_ptr_array_add (map->entries, g_steal_pointer (&e));
          g_clear_pointer (&e, entry_free);
        }
      else if (type == XML_READER_TYPE_ELEMENT && e && name)
        read_field (r, name, e, &news);
    }
  g_clear_pointer (&e, entry_free);
  if (map->kind != CLIP_SITEMAP_INDEX && news)
    map->kind = CLIP_SITEMAP_NEWS;
  return root_ok;
}

ClipSitemap *
clip_sitemap_parse (const char *data, gsize len, GError **error)
{
  g_autoptr(GBytes) inflated = NULL;
  g_autoptr(ClipSitemap) map = NULL;
  xmlTextReaderPtr r;
  gboolean ok;

  if (len >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    {
      if ((inflated = inflate (data, len, error)) == NULL)
        return NULL;
      data = g_bytes_get_data (inflated, &len);
    }
  if (len > CLIP_SITEMAP_MAX_BYTES)
    {
      g_set_error (error, CLIP_SITEMAP_ERROR, CLIP_SITEMAP_ERROR_TOO_LARGE,
                   _("The sitemap is larger than %d MiB"), CLIP_SITEMAP_MAX_BYTES >> 20);
      return NULL;
    }
  map = g_new0 (ClipSitemap, 1);
  map->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  r = xmlReaderForMemory (data ? data : "", (int) len, NULL, NULL,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (r == NULL)
    {
      g_set_error_literal (error, CLIP_SITEMAP_ERROR, CLIP_SITEMAP_ERROR_INVALID,
                           _("Not a sitemap: the document is not XML"));
      return NULL;
    }
  xmlTextReaderSetErrorHandler (r, quiet, NULL);
  ok = read_entries (r, map);
  xmlFreeTextReader (r);
  if (!ok)
    {
      g_set_error_literal (error, CLIP_SITEMAP_ERROR, CLIP_SITEMAP_ERROR_INVALID,
                           _("Not a sitemap: its root is neither <urlset> nor <sitemapindex>"));
      return NULL;
    }
  return g_steal_pointer (&map);
}
