/* clip-page.c — a page's bytes into a ClipPage: decode, parse, then the
 * passes (metadata, body, dates) in that order
 *
 * The bytes are decoded to UTF-8 first (BOM, HTTP charset, <meta charset>,
 * and a declared encoding the bytes contradict is overruled, with a
 * problem), then parsed by libxml2's HTML parser with no network and
 * error recovery. Input is bounded (max_bytes); the parser bounds nesting
 * itself (it closes elements past its depth limit, which we report).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-page-private.h"
#include "clip-charset.h"
#include "clip-html-sanitize.h"

#include <glib/gi18n-lib.h>
#include <string.h>

void
clip_page_options_init (ClipPageOptions *options)
{
  memset (options, 0, sizeof *options);
  options->fetch_time = CLIP_NO_DATE;
}

const char *
clip_page_source_name (ClipPageSource source)
{
  static const char * const names[] = { "json-ld", "meta", "microdata", "time", "url", "text" };

  return source < G_N_ELEMENTS (names) ? names[source] : "text";
}

const char *
clip_page_role_name (ClipPageRole role)
{
  static const char * const names[] = { "published", "modified", "unknown" };

  return role < G_N_ELEMENTS (names) ? names[role] : "unknown";
}

const char *
clip_page_clock_name (ClipPageClock clock)
{
  static const char * const names[] = { NULL, "fetch-time", "repeated", "boilerplate", "future" };

  return clock < G_N_ELEMENTS (names) ? names[clock] : NULL;
}

static void
date_free (gpointer p)
{
  ClipPageDate *d = p;

  g_free (d->field);
  g_free (d);
}

static void
problem_free (gpointer p)
{
  ClipPageProblem *pr = p;

  g_free (pr->kind);
  g_free (pr->message);
  g_free (pr);
}

ClipPage *
clip_page_new (const ClipPageOptions *options)
{
  ClipPage *page = g_new0 (ClipPage, 1);

  page->url = g_strdup (options->url);
  page->authors = g_ptr_array_new_with_free_func (g_free);
  page->published = CLIP_NO_DATE;
  page->modified = CLIP_NO_DATE;
  page->date_candidates = g_ptr_array_new_with_free_func (date_free);
  page->problems = g_ptr_array_new_with_free_func (problem_free);
  return page;
}

void
clip_page_free (ClipPage *page)
{
  if (page == NULL)
    return;
  g_free (page->url);
  g_free (page->canonical_url);
  g_free (page->refresh_url);
  g_free (page->title);
  g_ptr_array_unref (page->authors);
  g_free (page->language);
  g_free (page->site_name);
  g_free (page->image);
  g_free (page->text);
  g_free (page->html);
  g_free (page->encoding);
  g_ptr_array_unref (page->date_candidates);
  g_ptr_array_unref (page->problems);
  g_free (page);
}

/* Valid UTF-8 with multi-byte sequences: what a page declared as a legacy
 * encoding really is, when a server or template says the wrong thing. */
static gboolean
looks_utf8 (const char *data, gsize len)
{
  gsize high = 0;

  if (!g_utf8_validate_len (data, len, NULL))
    return FALSE;
  for (gsize i = 0; i < len && high < 8; i++)
    high += ((guchar) data[i] & 0xC0) == 0xC0;
  return high >= 8 || (high > 0 && len < 4096);
}

/* The page as UTF-8 (NULL when it already is: use data as it is). */
static char *
decode (ClipPage *page, const char *data, gsize *len, const char *content_type)
{
  ClipCharsetSource source;
  gsize bom = 0, out_len = 0, invalid = 0;
  g_autofree char *charset = clip_charset_detect_html (data, *len, content_type, &source, &bom);
  g_autoptr(GError) error = NULL;
  char *out;

  if (g_strcmp0 (charset, "utf-8") == 0 && source != CLIP_CHARSET_BOM &&
      !g_utf8_validate_len (data, *len, NULL))
    {
      const char *legacy = clip_charset_sniff_legacy (data, *len);

      if (source != CLIP_CHARSET_DEFAULT)
        clip_page_problem (page, "encoding", _("The page says UTF-8 but is not; read as %s"), legacy);
      g_free (charset);
      charset = g_strdup (legacy);
    }
  else if (g_strcmp0 (charset, "utf-8") != 0 && source != CLIP_CHARSET_BOM &&
           !g_str_has_prefix (charset, "utf-16") && looks_utf8 (data, *len))
    {
      clip_page_problem (page, "encoding", _("The page says %s but is UTF-8; read as UTF-8"), charset);
      g_free (charset);
      charset = g_strdup ("utf-8");
    }
  page->encoding = g_strdup (charset);
  if (g_strcmp0 (charset, "utf-8") == 0)
    {
      if (bom == 0 && g_utf8_validate_len (data, *len, NULL))
        return NULL;
    }
  out = clip_charset_to_utf8 (data + bom, *len - bom, charset, &out_len, &invalid, &error);
  if (out == NULL)
    {
      clip_page_problem (page, "encoding", _("Unknown encoding “%s”; read as windows-1252"), charset);
      out = clip_charset_to_utf8 (data + bom, *len - bom, "windows-1252", &out_len, &invalid, NULL);
      g_free (page->encoding);
      page->encoding = g_strdup ("windows-1252");
    }
  if (invalid > 0 && g_strcmp0 (page->encoding, "utf-8") == 0)
    clip_page_problem (page, "encoding", g_dngettext (GETTEXT_PACKAGE, "%zu byte is not valid UTF-8",
                                                      "%zu bytes are not valid UTF-8", invalid), invalid);
  *len = out_len;
  return out;
}

/* <base href> in the head; a page given without its address takes it
 * from its canonical link or og:url, so that its links still resolve. */
static void
find_base (PageDoc *pd)
{
  const char *base = NULL, *own = NULL;

  for (xmlNodePtr n = pd->html; n; n = clip_page_next (n, pd->html, n == pd->body))
    {
      const char *v;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (INFO (n)->tag == T_OTHER && xmlStrcasecmp (n->name, BAD_CAST "base") == 0 && base == NULL)
        base = clip_page_attr (n, "href");
      else if (INFO (n)->tag == T_LINK && own == NULL && (v = clip_page_attr (n, "rel")) &&
               g_ascii_strcasecmp (v, "canonical") == 0)
        own = clip_page_attr (n, "href");
      else if (INFO (n)->tag == T_META && own == NULL && (v = clip_page_attr (n, "property")) &&
               g_ascii_strcasecmp (v, "og:url") == 0)
        own = clip_page_attr (n, "content");
    }
  if (pd->base_url == NULL && own)
    {
      pd->base_owned = clip_page_resolve (pd, own);
      pd->base_url = pd->base_owned;
    }
  if (base)
    {
      char *b = clip_page_resolve (pd, base);

      if (b)
        {
          g_free (pd->base_owned);
          pd->base_owned = b;
          pd->base_url = b;
        }
    }
}

gboolean
clip_page_doc_open (PageDoc *pd, ClipPage *page, const char *data, gsize len,
                    const ClipPageOptions *options)
{
  gsize max = options->max_bytes ? options->max_bytes : CLIP_PAGE_MAX_BYTES;
  g_autofree char *utf8 = NULL;
  htmlParserCtxtPtr ctxt;

  memset (pd, 0, sizeof *pd);
  pd->options = options;
  pd->page = page;
  clip_html_init_libxml ();
  if (len > max)
    {
      clip_page_problem (page, "limit", _("The page is %zu bytes; only the first %zu are read"), len, max);
      len = max;
    }
  utf8 = decode (page, data, &len, options->content_type);
  ctxt = htmlNewParserCtxt ();
  pd->doc = htmlCtxtReadMemory (ctxt, utf8 ? utf8 : data, (int) len, NULL, "UTF-8",
                                HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
  /* libxml2 stops at its nesting limit (256) and keeps what came before */
  if (ctxt->lastError.code == XML_ERR_INTERNAL_ERROR && ctxt->lastError.message &&
      strstr (ctxt->lastError.message, "depth"))
    clip_page_problem (page, "depth", "%s",
                       _("The page nests its elements too deep; the rest of it is not read"));
  htmlFreeParserCtxt (ctxt);
  if (pd->doc == NULL || xmlDocGetRootElement (pd->doc) == NULL)
    {
      clip_page_problem (page, "parse", "%s", _("The page holds no HTML"));
      return FALSE;
    }
  clip_page_dom_index (pd);
  pd->base_url = options->url;
  find_base (pd);
  return TRUE;
}

void
clip_page_doc_close (PageDoc *pd)
{
  if (pd->doc)
    xmlFreeDoc (pd->doc);
  g_free (pd->infos);
  g_free (pd->base_owned);
  g_free (pd->ld_body);
  if (pd->ld_objects)
    g_ptr_array_unref (pd->ld_objects);
  if (pd->ld_parsers)
    g_ptr_array_unref (pd->ld_parsers);
  memset (pd, 0, sizeof *pd);
}

ClipPage *
clip_page_extract (const char *data, gsize len, const ClipPageOptions *options)
{
  ClipPageOptions defaults;
  ClipPage *page;
  PageDoc pd;

  if (options == NULL)
    {
      clip_page_options_init (&defaults);
      options = &defaults;
    }
  page = clip_page_new (options);
  if (data == NULL)
    len = 0;
  if (clip_page_doc_open (&pd, page, data ? data : "", len, options))
    {
      clip_page_read_meta (&pd);
      clip_page_find_body (&pd);
      clip_page_write_body (&pd);
      clip_page_read_dates (&pd);
    }
  clip_page_doc_close (&pd);
  if (page->text == NULL)
    page->text = g_strdup ("");
  if (page->html == NULL)
    page->html = g_strdup ("");
  if (*page->text == '\0')
    clip_page_problem (page, "no-text", "%s", _("No article text was found on the page"));
  return page;
}
