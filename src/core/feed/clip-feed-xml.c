/* clip-feed-xml.c — RSS 0.9x/1.0/2.0 and Atom 0.3/1.0, read in one SAX pass
 *
 * libxml2's SAX2 interface, no tree: each element is looked up once on its
 * start tag in the table of its namespace (clip-feed-ns-*.c), by local name
 * and by what its parent is (a channel, an item, a person…); the text of
 * the fields we keep is gathered in one reused buffer, and an item is
 * finished (sanitised, dated) on its end tag. An element no table knows
 * hides its children: a <title> inside an extension element is not the
 * item's. Safety: no DTD is loaded, no network, entities never expand
 * recursively (clip-feed-xml-entities.c); recovery mode keeps going after
 * errors, each reported with its line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <string.h>

/* Namespaces ------------------------------------------------------------- */

static const struct { const char *uri; Ns ns; } known_ns[] = {
  { "http://www.w3.org/2005/Atom", NS_ATOM10 },
  { "http://purl.org/atom/ns#", NS_ATOM03 },
  { "http://purl.org/rss/1.0/", NS_RSS10 },
  { "http://my.netscape.com/rdf/simple/0.9/", NS_RSS090 },
  { "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF },
  { "http://purl.org/rss/1.0/modules/content/", NS_CONTENT },
  { "http://purl.org/dc/elements/1.1/", NS_DC },
  { "http://purl.org/dc/elements/1.0/", NS_DC },
  { "http://purl.org/dc/terms/", NS_DCTERMS },
  { "http://search.yahoo.com/mrss/", NS_MEDIA },
  { "http://search.yahoo.com/mrss", NS_MEDIA },
  { "http://www.w3.org/1999/xhtml", NS_XHTML },
  { "http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES },
  { "http://backend.userland.com/rss2", NS_NONE },
  { "http://blogs.law.harvard.edu/tech/rss", NS_NONE },
  { "http://backend.userland.com/rss", NS_NONE },
};

/* Prefixes feeds use without declaring them. */
static const struct { const char *prefix; Ns ns; } known_prefixes[] = {
  { "dc", NS_DC }, { "dcterms", NS_DCTERMS }, { "content", NS_CONTENT },
  { "media", NS_MEDIA }, { "itunes", NS_ITUNES }, { "atom", NS_ATOM10 },
  { "xhtml", NS_XHTML }, { "rdf", NS_RDF },
};

static Ns
lookup_ns (Parser *p, const xmlChar *uri, const xmlChar *prefix)
{
  Ns ns = NS_OTHER;

  if (uri == NULL)
    {
      if (prefix == NULL)
        return p->root_ns_none;
      for (guint i = 0; i < G_N_ELEMENTS (known_prefixes); i++)
        if (strcmp ((const char *) prefix, known_prefixes[i].prefix) == 0)
          return known_prefixes[i].ns;
      return NS_OTHER;
    }
  if (p->root_uri != NULL && (uri == p->root_uri || xmlStrEqual (uri, p->root_uri)))
    return p->root_ns;
  /* URIs are interned in the parser's dictionary: compare pointers first */
  for (guint i = 0; i < G_N_ELEMENTS (p->ns_cache_uri); i++)
    if (p->ns_cache_uri[i] == uri)
      return p->ns_cache_ns[i];
  for (guint i = 0; i < G_N_ELEMENTS (known_ns); i++)
    if (g_ascii_strcasecmp ((const char *) uri, known_ns[i].uri) == 0)
      {
        ns = known_ns[i].ns;
        break;
      }
  p->ns_cache_uri[p->ns_cache_next] = uri;
  p->ns_cache_ns[p->ns_cache_next] = ns;
  p->ns_cache_next = (p->ns_cache_next + 1) % G_N_ELEMENTS (p->ns_cache_uri);
  return ns;
}

/* Attributes (SAX2 gives them as localname/prefix/URI/value/end) --------- */

/* libxml2 leaves "&" as "&#38;" in attribute values for a tree it is not
 * building; undo that, and keep the value valid UTF-8. */
char *
clip_feed_xml_attr_value (const xmlChar *start, const xmlChar *end)
{
  GString *out = g_string_sized_new (end - start);
  const char *s = (const char *) start, *e = (const char *) end;

  while (s < e)
    {
      const char *amp = memchr (s, '&', e - s);

      if (amp == NULL)
        {
          g_string_append_len (out, s, e - s);
          break;
        }
      g_string_append_len (out, s, amp - s);
      if (e - amp >= 5 && strncmp (amp, "&#38;", 5) == 0)
        {
          g_string_append_c (out, '&');
          s = amp + 5;
        }
      else
        {
          g_string_append_c (out, '&');
          s = amp + 1;
        }
    }
  if (!g_utf8_validate_len (out->str, out->len, NULL))
    {
      char *valid = g_utf8_make_valid (out->str, out->len);

      g_string_free (out, TRUE);
      return valid;
    }
  return g_string_free (out, FALSE);
}

/* An attribute by local name, unprefixed (or rdf:about and the like);
 * xml:* attributes are read by clip_feed_xml_xml_attr(). */
char *
clip_feed_xml_attr (const xmlChar **attrs, int n, const char *name)
{
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attrs + i * 5;

      if (strcmp ((const char *) a[0], name) == 0 &&
          (a[1] == NULL || strcmp ((const char *) a[1], "xml") != 0))
        return clip_feed_xml_attr_value (a[3], a[4]);
    }
  return NULL;
}

char *
clip_feed_xml_xml_attr (const xmlChar **attrs, int n, const char *name)
{
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attrs + i * 5;

      if (a[1] != NULL && strcmp ((const char *) a[1], "xml") == 0 &&
          strcmp ((const char *) a[0], name) == 0)
        return clip_feed_xml_attr_value (a[3], a[4]);
    }
  return NULL;
}

/* Problems --------------------------------------------------------------- */

static void
on_structured_error (void *user_data, xmlErrorPtr err)
{
  xmlParserCtxtPtr ctxt = user_data;
  Parser *p = ctxt->_private;
  g_autofree char *msg = NULL;
  const char *kind = "not-well-formed";

  if (err == NULL || err->level == XML_ERR_WARNING)
    return;
  msg = g_strstrip (g_strdup (err->message ? err->message : ""));
  /* The DTD is never read, so its parameter entities are never found */
  if (g_str_has_prefix (msg, "PEReference:"))
    return;
  if ((err->code == XML_ERR_INVALID_CHAR || err->code == XML_ERR_INVALID_ENCODING) &&
      (g_str_has_prefix (msg, "Input is not proper UTF-8") || strstr (msg, "0x0 out of") != NULL))
    {
      /* the caller reads the feed again, repaired: not a problem yet */
      p->invalid_utf8 = TRUE;
      xmlStopParser (ctxt);
      return;
    }
  if (err->code == XML_ERR_UNDECLARED_ENTITY || err->code == XML_WAR_UNDECLARED_ENTITY)
    kind = "undefined-entity";
  else if (err->code == XML_ERR_INVALID_CHAR || err->code == XML_ERR_INVALID_ENCODING ||
           err->code == XML_ERR_UNSUPPORTED_ENCODING)
    kind = "encoding";
  else if (err->domain == XML_FROM_NAMESPACE)
    kind = "namespace";
  else if (strstr (msg, "Excessive depth") != NULL || strstr (msg, "huge") != NULL)
    kind = "limit";
  clip_feed_add_problem (p->feed, kind, err->line, "%s", msg);
}

/* Capturing text --------------------------------------------------------- */

void
clip_feed_xml_capture_begin (Parser *p, Field field, ClipFeedTextKind kind, int prio)
{
  p->cap.active = TRUE;
  p->cap.depth = p->depth;
  p->cap.field = field;
  p->cap.kind = kind;
  p->cap.prio = prio;
  p->cap.base64 = FALSE;
  p->cap.base = p->frames[p->depth].base;
  p->cap.skip_div_depth = 0;
  p->cap.permalink = TRUE;
  g_string_truncate (p->cap.buf, 0);
}

static gsize
escaped_size (char c)
{
  switch (c)
    {
    case '&': return 5;
    case '<':
    case '>': return 4;
    case '"': return 6;
    default: return 1;
    }
}

/* How much of s fits in room bytes (escaped when asked), cut between
 * characters. */
static gsize
fitting (const char *s, gsize len, gboolean escape, gsize room)
{
  gsize n = 0, used = 0;

  if (!escape)
    n = MIN (len, room);
  else
    for (; n < len && used + escaped_size (s[n]) <= room; n++)
      used += escaped_size (s[n]);
  while (n > 0 && n < len && ((guchar) s[n] & 0xC0) == 0x80)
    n--;
  return n;
}

/* A text keeps its first CLIP_FEED_MAX_TEXT bytes. A CDATA section comes
 * in one call, so the cut falls inside a call: checking whole calls
 * dropped such a text entirely while the problem said it was cut. */
static void
capture_append (Parser *p, const char *s, gsize len, gboolean escape)
{
  GString *buf = p->cap.buf;
  gsize room = CLIP_FEED_MAX_TEXT - MIN (buf->len, CLIP_FEED_MAX_TEXT);
  gsize n = fitting (s, len, escape, room);

  if (n < len)
    {
      if (!p->limit_text_reported)
        clip_feed_add_problem (p->feed, "limit", xmlSAX2GetLineNumber (p->ctxt),
                               _("A text is longer than %d KiB and was cut"),
                               CLIP_FEED_MAX_TEXT / 1024);
      p->limit_text_reported = TRUE;
      len = n;
    }
  if (!escape)
    {
      /* the commonest call of all: plain bytes onto the buffer */
      if (G_UNLIKELY (buf->len + len + 1 > buf->allocated_len))
        {
          gsize old = buf->len;

          g_string_set_size (buf, old + len);
          buf->len = old;
        }
      memcpy (buf->str + buf->len, s, len);
      buf->len += len;
      buf->str[buf->len] = '\0';
      return;
    }
  for (gsize i = 0; i < len; i++)
    switch (s[i])
      {
      case '&': g_string_append (buf, "&amp;"); break;
      case '<': g_string_append (buf, "&lt;"); break;
      case '>': g_string_append (buf, "&gt;"); break;
      case '"': g_string_append (buf, "&quot;"); break;
      default: g_string_append_c (buf, s[i]);
      }
}

/* Markup written back into a captured text counts towards its limit. */
static void
capture_markup (Parser *p, const char *s)
{
  capture_append (p, s, strlen (s), FALSE);
}

static gboolean
is_void_element (const char *name)
{
  static const char * const voids[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
    "meta", "param", "source", "track", "wbr",
  };

  for (guint i = 0; i < G_N_ELEMENTS (voids); i++)
    if (strcmp (name, voids[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Markup inside a captured field (xhtml content, or HTML a feed forgot to
 * escape) is written back as HTML for the sanitiser. */
static void
capture_child_start (Parser *p, const char *name, Ns ns, const xmlChar **attrs, int n_attrs)
{
  if (p->cap.kind == CLIP_FEED_TEXT_PLAIN)
    return;
  if (p->cap.kind == CLIP_FEED_TEXT_XHTML && p->depth == p->cap.depth + 1 &&
      p->cap.buf->len == 0 && strcmp (name, "div") == 0)
    {
      p->cap.skip_div_depth = p->depth;
      return;
    }
  capture_markup (p, "<");
  capture_markup (p, name);
  for (int i = 0; i < n_attrs; i++)
    {
      const xmlChar **a = attrs + i * 5;

      capture_markup (p, " ");
      capture_markup (p, (const char *) a[0]);
      capture_markup (p, "=\"");
      g_autofree char *value = clip_feed_xml_attr_value (a[3], a[4]);

      capture_append (p, value, strlen (value), TRUE);
      capture_markup (p, "\"");
    }
  capture_markup (p, ">");
}

static void
capture_child_end (Parser *p, const char *name)
{
  if (p->cap.kind == CLIP_FEED_TEXT_PLAIN)
    return;
  if (p->cap.skip_div_depth == p->depth)
    {
      p->cap.skip_div_depth = 0;
      return;
    }
  if (is_void_element (name))
    return;
  capture_markup (p, "</");
  capture_markup (p, name);
  capture_markup (p, ">");
}

static void
push_frame (Parser *p, const xmlChar **attrs, int n)
{
  Frame *parent = &p->frames[p->depth - 1];
  Frame *fr = &p->frames[p->depth];
  g_autofree char *base = n > 0 ? clip_feed_xml_xml_attr (attrs, n, "base") : NULL;
  char *lang = n > 0 ? clip_feed_xml_xml_attr (attrs, n, "lang") : NULL;

  fr->ctx = CTX_SKIP;
  fr->mode = CHILDREN_OWN_NS;
  fr->table = NULL;
  fr->end = NULL;
  fr->base = parent->base;
  fr->lang = parent->lang;
  fr->owned = NULL;
  fr->owned_lang = NULL;
  if (base != NULL)
    {
      g_strstrip (base);
      fr->owned = parent->base ? g_uri_resolve_relative (parent->base, base, G_URI_FLAGS_NONE, NULL)
                               : NULL;
      if (fr->owned == NULL)
        fr->owned = g_steal_pointer (&base);
      fr->base = fr->owned;
    }
  if (lang != NULL)
    {
      g_strstrip (lang);
      fr->owned_lang = lang;
      fr->lang = *lang ? lang : NULL;
    }
}

/* Dispatch --------------------------------------------------------------- */

static const ClipFeedNs * const ns_tables[N_NS] = {
  [NS_NONE] = &clip_feed_ns_rss,
  [NS_RSS10] = &clip_feed_ns_rss,
  [NS_RSS090] = &clip_feed_ns_rss,
  [NS_RDF] = &clip_feed_ns_rdf,
  [NS_ATOM10] = &clip_feed_ns_atom,
  [NS_ATOM03] = &clip_feed_ns_atom,
  [NS_DC] = &clip_feed_ns_dc,
  [NS_DCTERMS] = &clip_feed_ns_dcterms,
  [NS_CONTENT] = &clip_feed_ns_content,
  [NS_XHTML] = &clip_feed_ns_xhtml,
  [NS_MEDIA] = &clip_feed_ns_media,
  [NS_ITUNES] = &clip_feed_ns_itunes,
};

static const ClipFeedElement *
find_element (const ClipFeedNs *table, const char *name, Ns ns, Ctx ctx)
{
  guint where = IN (ctx);

  for (guint i = 0; i < table->n_elements; i++)
    {
      const ClipFeedElement *el = &table->elements[i];

      if (!(el->where & where) || (el->ns_mask != 0 && !(el->ns_mask & NS_BIT (ns))))
        continue;
      if (table->caseless ? g_ascii_strcasecmp (el->name, name) == 0
                          : el->name[0] == name[0] && strcmp (el->name, name) == 0)
        return el;
    }
  return NULL;
}

static void
start_element (Parser *p, const ClipFeedNs *table, const ClipFeedElement *el, Ns ns,
               const xmlChar **attrs, int n)
{
  Frame *fr = &p->frames[p->depth];

  fr->ctx = el->children == CTX_PARENT ? p->frames[p->depth - 1].ctx : el->children;
  fr->mode = el->mode;
  fr->table = table;
  if (el->start != NULL)
    el->start (p, el, ns, attrs, n);
  else if (el->field != F_NONE)
    clip_feed_xml_capture_begin (p, el->field, el->kind, el->prio);
}

/* The root says what the document is: its table's CTX_DOC row. */
static void
begin_root (Parser *p, const char *name, Ns ns, const xmlChar *uri,
            const xmlChar **namespaces, int nb_namespaces, const xmlChar **attrs, int n)
{
  Frame *fr = &p->frames[p->depth];
  const ClipFeedNs *table;
  const ClipFeedElement *el;

  p->root_seen = TRUE;
  /* Early and experimental namespaces ("http://purl.org/echo/",
   * "…/rss2.1"): the root says what the format is, read its namespace so. */
  if (ns == NS_OTHER && (strcmp (name, "feed") == 0 || strcmp (name, "rss") == 0))
    {
      g_autofree char *version = clip_feed_xml_attr (attrs, n, "version");

      p->root_uri = uri;
      p->root_ns = strcmp (name, "rss") == 0 ? NS_NONE
                   : g_strcmp0 (version, "0.3") == 0 ? NS_ATOM03 : NS_ATOM10;
      ns = p->root_ns;
    }
  /* Roots that forgot their namespace */
  if ((ns == NS_NONE || ns == NS_OTHER) && strcmp (name, "RDF") == 0)
    table = &clip_feed_ns_rdf;
  else if (ns == NS_NONE && strcmp (name, "feed") == 0)
    table = &clip_feed_ns_atom;
  else if (ns == NS_NONE && strcmp (name, "CHANNEL") == 0)
    table = &clip_feed_ns_cdf;
  else
    table = ns_tables[ns];
  el = table != NULL ? find_element (table, name, ns, CTX_DOC) : NULL;
  if (el == NULL)
    {
      p->root_is_html = g_ascii_strcasecmp (name, "html") == 0;
      fr->ctx = CTX_SKIP;
      return;
    }
  p->root_namespaces = namespaces;
  p->root_nb_namespaces = nb_namespaces;
  start_element (p, table, el, ns, attrs, n);
  p->root_namespaces = NULL;
  p->is_feed = TRUE;
  if (fr->lang != NULL)
    {
      p->prio[F_FEED_LANGUAGE] = 1;
      clip_feed_xml_set_string (&p->feed->language, clip_feed_xml_language (fr->lang));
    }
}

static void
begin_child (Parser *p, const char *name, Ns ns, const xmlChar **attrs, int n)
{
  const Frame *parent = &p->frames[p->depth - 1];
  Frame *fr = &p->frames[p->depth];
  const ClipFeedNs *table;
  const ClipFeedElement *el;

  if (parent->ctx == CTX_SKIP)
    return;
  if (parent->ctx == CTX_TOP && ns == NS_RSS090 && p->feed->format == CLIP_FEED_FORMAT_RSS10)
    p->feed->format = CLIP_FEED_FORMAT_RSS090;
  if (p->cdf)
    table = &clip_feed_ns_cdf;
  else if (parent->mode == CHILDREN_BY_NAME)
    table = parent->table;
  else
    table = ns_tables[ns];
  if (table == NULL || (parent->mode == CHILDREN_ONLY_NS && table != parent->table))
    return;
  el = find_element (table, name, ns, parent->ctx);
  if (el != NULL)
    start_element (p, table, el, ns, attrs, n);
  else if (parent->mode == CHILDREN_BY_NAME)
    {
      /* inside an <image> or a person, what wraps a part is still theirs */
      fr->ctx = parent->ctx;
      fr->mode = parent->mode;
      fr->table = parent->table;
    }
}

static void
on_start_element (void *ctx, const xmlChar *localname, const xmlChar *prefix,
                  const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                  int nb_attributes, int nb_defaulted, const xmlChar **attrs)
{
  xmlParserCtxtPtr ctxt = ctx;
  Parser *p = ctxt->_private;
  const char *name = (const char *) localname;
  Ns ns;

  ctxt->wellFormed = 1;   /* errors are ours to count: keep entities coming */
  if (p->depth >= CLIP_FEED_MAX_DEPTH)
    {
      clip_feed_add_problem (p->feed, "limit", xmlSAX2GetLineNumber (ctxt),
                             _("Elements are nested more than %d deep; reading stopped"),
                             CLIP_FEED_MAX_DEPTH);
      xmlStopParser (ctxt);
      return;
    }
  p->depth++;
  push_frame (p, attrs, nb_attributes);
  ns = lookup_ns (p, uri, prefix);
  if (p->cap.active)
    capture_child_start (p, name, ns, attrs, nb_attributes);
  else if (p->depth > 1)
    begin_child (p, name, ns, attrs, nb_attributes);
  else
    {
      begin_root (p, name, ns, uri, namespaces, nb_namespaces, attrs, nb_attributes);
      if (p->frames[1].ctx == CTX_SKIP)
        xmlStopParser (ctxt);   /* not a feed: no need to read on */
    }
}

static void
on_end_element (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  Parser *p = ctxt->_private;
  Frame *fr;

  ctxt->wellFormed = 1;
  if (p->depth == 0)
    return;
  fr = &p->frames[p->depth];
  if (p->cap.active)
    {
      if (p->depth == p->cap.depth)
        clip_feed_xml_capture_end (p);
      else
        capture_child_end (p, (const char *) localname);
    }
  if (fr->end != NULL)
    fr->end (p);
  g_clear_pointer (&fr->owned, g_free);
  g_clear_pointer (&fr->owned_lang, g_free);
  p->depth--;
}

static void
on_characters (void *ctx, const xmlChar *ch, int len)
{
  xmlParserCtxtPtr ctxt = ctx;
  Parser *p = ctxt->_private;

  ctxt->wellFormed = 1;
  if (p->cap.active && len > 0)
    capture_append (p, (const char *) ch, len, p->cap.kind == CLIP_FEED_TEXT_XHTML);
}

static void
parser_clear (Parser *p)
{
  while (p->depth > 0)
    {
      g_clear_pointer (&p->frames[p->depth].owned, g_free);
      g_clear_pointer (&p->frames[p->depth].owned_lang, g_free);
      p->depth--;
    }
  g_clear_pointer (&p->item, clip_feed_item_free);
  g_clear_pointer (&p->author_name, g_free);
  g_clear_pointer (&p->author_email, g_free);
  g_clear_pointer (&p->feed_authors, g_ptr_array_unref);
  g_clear_pointer (&p->source_authors, g_ptr_array_unref);
  g_clear_pointer (&p->authorless, g_ptr_array_unref);
  g_clear_pointer (&p->entities, g_hash_table_unref);
  g_clear_pointer (&p->sanitizer, clip_sanitizer_free);
  if (p->cap.buf)
    g_string_free (p->cap.buf, TRUE);
}

/* As xmlCtxtReadMemory (…, "UTF-8", …), without passing every byte through
 * libxml2's UTF-8 to UTF-8 converter: the input is set up as UTF-8 already.
 * The XML declaration's encoding is ignored (the bytes were decoded by
 * clip-charset.c, or checked to be UTF-8). */
static void
read_document (xmlParserCtxtPtr ctxt, const char *utf8, gsize len)
{
  xmlParserInputBufferPtr buf;
  xmlParserInputPtr input;

  buf = xmlParserInputBufferCreateMem (utf8, (int) len, XML_CHAR_ENCODING_UTF8);
  if (buf == NULL)
    return;
  input = xmlNewIOInputStream (ctxt, buf, XML_CHAR_ENCODING_UTF8);
  if (input == NULL)
    {
      xmlFreeParserInputBuffer (buf);
      return;
    }
  inputPush (ctxt, input);
  xmlCtxtUseOptions (ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_IGNORE_ENC |
                           XML_PARSE_NOCDATA);
  xmlParseDocument (ctxt);
  /* libxml2 files a DTD's entities in a document of its own even for SAX
   * ("SAX compatibility"), and frees it only when a parse runs to its
   * end: a parse stopped at bytes that are not UTF-8 leaked it (found by
   * fuzzing; tests/data/fuzz/feed/). */
  if (ctxt->myDoc != NULL)
    {
      xmlFreeDoc (ctxt->myDoc);
      ctxt->myDoc = NULL;
    }
}

gboolean
clip_feed_parse_xml (ClipFeed    *feed,
                     const char  *utf8,
                     gsize        len,
                     const char  *base_url,
                     gboolean    *invalid_utf8,
                     GError     **error)
{
  Parser *p = g_malloc (sizeof (Parser));
  xmlSAXHandler sax;
  xmlParserCtxtPtr ctxt;
  gboolean ok;

  memset (p, 0, G_STRUCT_OFFSET (Parser, frames) + sizeof (Frame));
  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.cdataBlock = on_characters;
  sax.getEntity = clip_feed_xml_get_entity;
  sax.entityDecl = clip_feed_xml_entity_decl;
  sax.serror = on_structured_error;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_UNREADABLE,
                   _("Out of memory while reading the feed"));
      g_free (p);
      return FALSE;
    }
  memcpy (ctxt->sax, &sax, sizeof sax);
  ctxt->_private = p;
  p->feed = feed;
  p->ctxt = ctxt;
  p->sanitizer = clip_sanitizer_new ();
  p->cap.buf = g_string_sized_new (4096);
  p->entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, clip_feed_xml_entity_free);
  g_hash_table_insert (p->entities, g_strdup (""), clip_feed_xml_entity_new ("", "", 0));
  p->frames[0].ctx = CTX_DOC;
  p->frames[0].base = base_url;

  read_document (ctxt, utf8, len);
  clip_feed_xml_finish (p);

  if (invalid_utf8 != NULL)
    *invalid_utf8 = p->invalid_utf8;
  ok = p->is_feed;
  if (ok && feed->title == NULL)
    clip_feed_add_problem (feed, "missing-element", 0, _("The feed has no title"));
  if (!ok)
    {
      if (p->root_is_html)
        g_set_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_NOT_A_FEED,
                     _("This is a web page, not a feed"));
      else if (p->root_seen)
        g_set_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_NOT_A_FEED,
                     _("This XML document is not an RSS, RDF or Atom feed"));
      else
        g_set_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_UNREADABLE,
                     _("Nothing could be read from this document: %s"),
                     feed->problems->len > 0
                     ? ((ClipFeedProblem *) g_ptr_array_index (feed->problems, 0))->message
                     : _("it is empty"));
    }
  parser_clear (p);
  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);
  g_free (p);
  return ok;
}
