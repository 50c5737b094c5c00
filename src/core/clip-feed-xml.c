/* clip-feed-xml.c — RSS 0.9x/1.0/2.0 and Atom 0.3/1.0, read in one SAX pass
 *
 * libxml2's SAX2 interface, no tree: each element is classified once on
 * its start tag (namespace, local name, where it sits), the text of the
 * fields we keep is gathered in one reused buffer, and an item is finished
 * (sanitised, dated) on its end tag. Safety: no DTD is loaded, declared
 * entities are ignored (so billion-laughs and external entities expand to
 * nothing), only the predefined and HTML named entities are known, no
 * network; recovery mode keeps going after errors, each reported with its
 * line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-private.h"
#include "clip-date.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

typedef enum {
  NS_NONE, NS_ATOM10, NS_ATOM03, NS_RSS10, NS_RSS090, NS_RDF, NS_CONTENT,
  NS_DC, NS_DCTERMS, NS_MEDIA, NS_XHTML, NS_ITUNES, NS_OTHER,
} Ns;

typedef enum {
  CTX_TOP, CTX_FEED, CTX_ITEM, CTX_AUTHOR, CTX_IMAGE, CTX_SKIP,
} Ctx;

typedef enum {
  ROLE_NONE, ROLE_ITEM, ROLE_AUTHOR,
} Role;

typedef enum {
  F_FEED_TITLE, F_FEED_LINK, F_FEED_SUBTITLE, F_FEED_LANGUAGE, F_FEED_UPDATED,
  F_FEED_ICON,
  F_ID, F_LINK, F_TITLE, F_AUTHOR, F_AUTHOR_NAME, F_AUTHOR_EMAIL, F_PUBLISHED,
  F_UPDATED, F_SUMMARY, F_CONTENT, F_CATEGORY, F_TAGS, F_LANGUAGE, F_GUID,
  N_FIELDS
} Field;

typedef struct {
  Ctx         ctx;
  Role        role;
  const char *base;   /* xml:base in effect */
  const char *lang;   /* xml:lang in effect */
  char       *owned;  /* base and/or lang this element set */
  char       *owned_lang;
} Frame;

typedef struct {
  gboolean    active;
  guint       depth;
  Field       field;
  ClipFeedTextKind kind;
  gboolean    base64;
  int         prio;
  GString    *buf;
  const char *base;
  guint       skip_div_depth;   /* the xhtml wrapper <div>, not content */
  gboolean    permalink;        /* guid isPermaLink */
} Capture;

typedef struct {
  ClipFeed      *feed;
  xmlParserCtxtPtr ctxt;
  ClipSanitizer *sanitizer;
  Frame          frames[CLIP_FEED_MAX_DEPTH + 2];
  guint          depth;
  Capture        cap;
  gboolean       root_seen;
  gboolean       root_is_html;
  gboolean       invalid_utf8;  /* libxml2 met bytes that are not UTF-8 */
  gboolean       cdf;           /* upper-case names, links in attributes */
  gboolean       is_feed;
  gboolean       limit_text_reported;
  gboolean       limit_items_reported;
  ClipFeedItem  *item;
  int            prio[N_FIELDS];
  char          *author_name;
  char          *author_email;
  Ns             root_ns_none;  /* how to read elements with no namespace */
  const xmlChar *root_uri;      /* an unknown namespace the root gave */
  Ns             root_ns;       /* … read as this one */
  gsize          entity_bytes;  /* declared entities expanded so far */
  GHashTable    *entities;      /* name → xmlEntity, this document's own */
  const xmlChar *ns_cache_uri[4];
  Ns             ns_cache_ns[4];
  guint          ns_cache_next;
} Parser;

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

static gboolean
is_atom (Ns ns)
{
  return ns == NS_ATOM10 || ns == NS_ATOM03;
}

static gboolean
is_rss (Ns ns)
{
  return ns == NS_NONE || ns == NS_RSS10 || ns == NS_RSS090;
}

/* Attributes (SAX2 gives them as localname/prefix/URI/value/end) --------- */

/* libxml2 leaves "&" as "&#38;" in attribute values for a tree it is not
 * building; undo that, and keep the value valid UTF-8. */
static char *
attr_value (const xmlChar *start, const xmlChar *end)
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
 * xml:* attributes are read by xml_attr(). */
static char *
attr (const xmlChar **attrs, int n, const char *name)
{
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attrs + i * 5;

      if (strcmp ((const char *) a[0], name) == 0 &&
          (a[1] == NULL || strcmp ((const char *) a[1], "xml") != 0))
        return attr_value (a[3], a[4]);
    }
  return NULL;
}

static char *
xml_attr (const xmlChar **attrs, int n, const char *name)
{
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attrs + i * 5;

      if (a[1] != NULL && strcmp ((const char *) a[1], "xml") == 0 &&
          strcmp ((const char *) a[0], name) == 0)
        return attr_value (a[3], a[4]);
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

/* Entities. libxml2 asks us for every entity it meets (getEntity), and we
 * only ever answer with "predefined" entities: text inlined as it stands,
 * never parsed again, so nothing can expand recursively:
 * - HTML named entities (&nbsp; &eacute;…), everywhere in feeds though XML
 *   does not know them, as the characters they name;
 * - the document's own internal entities, when their text holds no markup
 *   and no references, within a budget of expanded bytes;
 * - anything else as its own literal text ("&bogus;"), with a problem.
 * External entities are never loaded and no DTD is read. */

#define MAX_ENTITY_TEXT     4096
#define MAX_ENTITY_EXPANDED (1024 * 1024)
#define MAX_ENTITY_NAMES    1000

static xmlEntityPtr
entity_new (const char *name, const char *content, gsize len)
{
  xmlEntityPtr ent = g_new0 (xmlEntity, 1);

  ent->type = XML_ENTITY_DECL;
  ent->etype = XML_INTERNAL_PREDEFINED_ENTITY;
  ent->name = (const xmlChar *) g_strdup (name);
  ent->content = (xmlChar *) g_strndup (content, len);
  ent->length = len;
  return ent;
}

static void
entity_free (gpointer data)
{
  xmlEntityPtr ent = data;

  g_free ((char *) ent->name);
  g_free (ent->content);
  g_free (ent);
}

static GMutex entity_lock;
static GHashTable *entity_table;

static xmlEntityPtr
html_entity (const char *name)
{
  const htmlEntityDesc *desc;
  xmlEntityPtr ent;
  char utf8[8];

  g_mutex_lock (&entity_lock);
  if (entity_table == NULL)
    entity_table = g_hash_table_new (g_str_hash, g_str_equal);
  ent = g_hash_table_lookup (entity_table, name);
  if (ent == NULL && (desc = htmlEntityLookup ((const xmlChar *) name)) != NULL)
    {
      /* Kept for the life of the process: one per HTML entity name. */
      ent = entity_new (name, utf8, g_unichar_to_utf8 (desc->value, utf8));
      g_hash_table_insert (entity_table, (char *) ent->name, ent);
    }
  g_mutex_unlock (&entity_lock);
  return ent;
}

/* Our own entities carry a mark: declared by the document (budgeted). */
#define DECLARED GINT_TO_POINTER (1)

static xmlEntityPtr
on_get_entity (void *ctx, const xmlChar *xname)
{
  xmlParserCtxtPtr ctxt = ctx;
  Parser *p = ctxt->_private;
  const char *name = (const char *) xname;
  xmlEntityPtr ent = g_hash_table_lookup (p->entities, name);
  int line = xmlSAX2GetLineNumber (ctxt);

  /* References inside entity declarations: never expanded, so no need to
   * know them (billion-laughs lives here) */
  if (ctxt->inSubset)
    return g_hash_table_lookup (p->entities, "");
  if (ent != NULL && ent->_private == DECLARED)
    {
      p->entity_bytes += ent->length;
      if (p->entity_bytes <= MAX_ENTITY_EXPANDED)
        return ent;
      if (p->entity_bytes - ent->length <= MAX_ENTITY_EXPANDED)
        clip_feed_add_problem (p->feed, "limit", line,
                               _("The feed's entities expand to more than %d KiB; "
                                 "the rest are left out"), MAX_ENTITY_EXPANDED / 1024);
      return g_hash_table_lookup (p->entities, "");
    }
  if (ent != NULL)
    return ent;
  if ((ent = html_entity (name)) != NULL)
    {
      if (g_hash_table_size (p->entities) >= MAX_ENTITY_NAMES)
        return ent;
      /* A copy of our own, so the next use finds it without a problem */
      g_hash_table_insert (p->entities, g_strdup (name),
                           entity_new (name, (const char *) ent->content, ent->length));
      if (!ctxt->hasExternalSubset)
        clip_feed_add_problem (p->feed, "undefined-entity", line,
                               _("“&%s;” is an HTML entity, not defined in XML"), name);
      return ent;
    }
  if (g_hash_table_size (p->entities) >= MAX_ENTITY_NAMES)
    return g_hash_table_lookup (p->entities, "");
  {
    g_autofree char *literal = g_strdup_printf ("&%s;", name);

    ent = entity_new (name, literal, strlen (literal));
    g_hash_table_insert (p->entities, g_strdup (name), ent);
    clip_feed_add_problem (p->feed, "undefined-entity", line,
                           _("The entity “&%s;” is not defined"), name);
  }
  return ent;
}

static void
on_entity_decl (void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                const xmlChar *system_id, xmlChar *content)
{
  xmlParserCtxtPtr ctxt = ctx;
  Parser *p = ctxt->_private;
  const char *text = (const char *) content;
  xmlEntityPtr ent;

  if (type == XML_INTERNAL_PARAMETER_ENTITY || type == XML_EXTERNAL_PARAMETER_ENTITY)
    return;   /* only the DTD itself would use them, and it is not read */
  if (type != XML_INTERNAL_GENERAL_ENTITY || text == NULL)
    {
      clip_feed_add_problem (p->feed, "entity-declaration", xmlSAX2GetLineNumber (ctxt),
                             _("The feed declares the external entity “%s”; it is not loaded"),
                             name);
      return;
    }
  if (strlen (text) > MAX_ENTITY_TEXT || strchr (text, '&') || strchr (text, '<') ||
      strchr (text, '%'))
    {
      clip_feed_add_problem (p->feed, "entity-declaration", xmlSAX2GetLineNumber (ctxt),
                             _("The entity “%s” is long or refers to other entities; "
                               "it is not expanded"), name);
      return;
    }
  if (g_hash_table_contains (p->entities, name) ||
      g_hash_table_size (p->entities) >= MAX_ENTITY_NAMES)
    return;   /* XML: the first declaration wins */
  ent = entity_new ((const char *) name, text, strlen (text));
  ent->_private = DECLARED;
  g_hash_table_insert (p->entities, g_strdup ((const char *) name), ent);
}

/* Capturing text --------------------------------------------------------- */

static void
capture_begin (Parser *p, Field field, ClipFeedTextKind kind, int prio)
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

static void
capture_append (Parser *p, const char *s, gsize len, gboolean escape)
{
  GString *buf = p->cap.buf;

  if (buf->len + len > CLIP_FEED_MAX_TEXT)
    {
      if (!p->limit_text_reported)
        clip_feed_add_problem (p->feed, "limit", xmlSAX2GetLineNumber (p->ctxt),
                               _("A text is longer than %d KiB and was cut"),
                               CLIP_FEED_MAX_TEXT / 1024);
      p->limit_text_reported = TRUE;
      return;
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
  g_string_append_c (p->cap.buf, '<');
  g_string_append (p->cap.buf, name);
  for (int i = 0; i < n_attrs; i++)
    {
      const xmlChar **a = attrs + i * 5;

      g_string_append_c (p->cap.buf, ' ');
      g_string_append (p->cap.buf, (const char *) a[0]);
      g_string_append (p->cap.buf, "=\"");
      g_autofree char *value = attr_value (a[3], a[4]);

      capture_append (p, value, strlen (value), TRUE);
      g_string_append_c (p->cap.buf, '"');
    }
  g_string_append_c (p->cap.buf, '>');
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
  g_string_append (p->cap.buf, "</");
  g_string_append (p->cap.buf, name);
  g_string_append_c (p->cap.buf, '>');
}

/* Text constructs: Atom's type="text|html|xhtml", Atom 0.3's MIME types
 * and mode="escaped|xml|base64". */
static gboolean
text_construct_kind (const xmlChar **attrs, int n, gboolean atom, ClipFeedTextKind rss_kind,
                     ClipFeedTextKind *kind, gboolean *base64)
{
  g_autofree char *type = attr (attrs, n, "type");
  g_autofree char *mode = attr (attrs, n, "mode");

  *base64 = mode != NULL && g_ascii_strcasecmp (mode, "base64") == 0;
  if (!atom)
    {
      *kind = rss_kind;
      return TRUE;
    }
  if (type != NULL)
    g_strstrip (type);
  if (type == NULL || *type == '\0' || g_ascii_strcasecmp (type, "text") == 0 ||
      g_ascii_strcasecmp (type, "text/plain") == 0)
    *kind = mode && g_ascii_strcasecmp (mode, "escaped") == 0 && type == NULL
            ? CLIP_FEED_TEXT_HTML : CLIP_FEED_TEXT_PLAIN;
  else if (g_ascii_strcasecmp (type, "html") == 0 || g_ascii_strcasecmp (type, "text/html") == 0)
    *kind = mode && g_ascii_strcasecmp (mode, "xml") == 0 ? CLIP_FEED_TEXT_XHTML
                                                          : CLIP_FEED_TEXT_HTML;
  else if (g_ascii_strcasecmp (type, "xhtml") == 0 ||
           g_ascii_strcasecmp (type, "application/xhtml+xml") == 0)
    *kind = mode && g_ascii_strcasecmp (mode, "escaped") == 0 ? CLIP_FEED_TEXT_HTML
                                                              : CLIP_FEED_TEXT_XHTML;
  else if (g_str_has_prefix (type, "text/"))
    *kind = CLIP_FEED_TEXT_PLAIN;
  else if (g_str_has_suffix (type, "+xml") || g_str_has_suffix (type, "/xml"))
    *kind = CLIP_FEED_TEXT_PLAIN;
  else
    {
      /* Atom: any other type is base64; it is shown as text if it is */
      *kind = CLIP_FEED_TEXT_PLAIN;
      *base64 = TRUE;
    }
  return TRUE;
}

/* Assigning fields ------------------------------------------------------- */

static gboolean
take_prio (Parser *p, Field f, int prio)
{
  if (p->prio[f] >= prio)
    return FALSE;
  p->prio[f] = prio;
  return TRUE;
}

/* For dates a later element of the same rank wins, as in feedparser. */
static gboolean
take_prio_last (Parser *p, Field f, int prio)
{
  if (p->prio[f] > prio)
    return FALSE;
  p->prio[f] = prio;
  return TRUE;
}

static void
set_string (char **slot, char *value)
{
  g_free (*slot);
  *slot = value;
}

static char *
trimmed (GString *buf)
{
  const char *s = buf->str, *e = buf->str + buf->len;

  while (s < e && g_ascii_isspace (*s))
    s++;
  while (e > s && g_ascii_isspace (e[-1]))
    e--;
  return s < e ? g_strndup (s, e - s) : NULL;
}

static gint64
date_of (GString *buf)
{
  return clip_date_parse (buf->str, buf->len);
}

static void
assign_feed_field (Parser *p, Field f, int prio)
{
  ClipFeed *feed = p->feed;
  Capture *c = &p->cap;
  char *value;
  gint64 t;

  switch (f)
    {
    case F_FEED_TITLE:
      if (take_prio (p, f, prio))
        set_string (&feed->title, clip_feed_plain_line (p->sanitizer, c->buf->str, c->buf->len, c->kind));
      break;
    case F_FEED_SUBTITLE:
      if (take_prio (p, f, prio))
        set_string (&feed->subtitle, clip_feed_plain_line (p->sanitizer, c->buf->str, c->buf->len, c->kind));
      break;
    case F_FEED_LINK:
    case F_FEED_ICON:
      value = trimmed (c->buf);
      if (value != NULL && take_prio (p, f, prio))
        set_string (f == F_FEED_LINK ? &feed->link : &feed->icon,
                    clip_feed_resolve_url (c->base, value));
      g_free (value);
      break;
    case F_FEED_LANGUAGE:
      value = trimmed (c->buf);
      if (value != NULL && take_prio (p, f, prio))
        set_string (&feed->language, g_strdelimit (g_ascii_strdown (value, -1), "_", '-'));
      g_free (value);
      break;
    case F_FEED_UPDATED:
      t = date_of (c->buf);
      if (t != CLIP_NO_DATE && take_prio_last (p, f, prio))
        feed->updated = t;
      break;
    default:
      break;
    }
}

static void
assign_item_field (Parser *p, Field f, int prio)
{
  ClipFeedItem *item = p->item;
  Capture *c = &p->cap;
  char *value = NULL;
  gint64 t;

  switch (f)
    {
    case F_TITLE:
      if (take_prio (p, f, prio))
        set_string (&item->title, clip_feed_plain_line (p->sanitizer, c->buf->str, c->buf->len, c->kind));
      break;
    case F_SUMMARY:
    case F_CONTENT:
      if (c->buf->len > 0 && take_prio (p, f, prio))
        {
          char *html = NULL, *text = NULL;

          clip_feed_rich_text (p->sanitizer, c->buf->str, c->buf->len, c->kind, c->base, &html, &text);
          set_string (f == F_SUMMARY ? &item->summary_html : &item->content_html, html);
          set_string (f == F_SUMMARY ? &item->summary_text : &item->content_text, text);
        }
      break;
    case F_ID:
      value = trimmed (c->buf);
      if (value != NULL && take_prio (p, f, prio))
        {
          /* "/relative/id" is a path on the feed's site */
          if (value[0] == '/' && value[1] != '/' && c->base != NULL)
            set_string (&value, clip_feed_resolve_url (c->base, value));
          set_string (&item->id, g_steal_pointer (&value));
        }
      break;
    case F_GUID:
      value = trimmed (c->buf);
      if (value != NULL && take_prio (p, F_ID, prio))
        {
          /* A permalink guid is also the link when there is no other. */
          if (c->permalink && (g_str_has_prefix (value, "http://") ||
                               g_str_has_prefix (value, "https://")) &&
              take_prio (p, F_LINK, 1))
            set_string (&item->link, clip_feed_resolve_url (c->base, value));
          set_string (&item->id, g_steal_pointer (&value));
        }
      break;
    case F_LINK:
      value = trimmed (c->buf);
      if (value != NULL && take_prio (p, f, prio))
        set_string (&item->link, clip_feed_resolve_url (c->base, value));
      break;
    case F_AUTHOR:
      value = trimmed (c->buf);
      if (value != NULL)
        clip_feed_add_unique (item->authors, clip_feed_author_name (value));
      break;
    case F_AUTHOR_NAME:
      set_string (&p->author_name, trimmed (c->buf));
      break;
    case F_AUTHOR_EMAIL:
      set_string (&p->author_email, trimmed (c->buf));
      break;
    case F_PUBLISHED:
    case F_UPDATED:
      t = date_of (c->buf);
      if (t != CLIP_NO_DATE && take_prio_last (p, f, prio))
        *(f == F_PUBLISHED ? &item->published : &item->updated) = t;
      break;
    case F_CATEGORY:
      value = trimmed (c->buf);
      if (value != NULL)
        clip_feed_add_unique (item->categories, g_steal_pointer (&value));
      break;
    case F_TAGS:
      {
        g_auto(GStrv) tags = g_strsplit (c->buf->str, ",", -1);

        for (guint i = 0; tags[i]; i++)
          clip_feed_add_unique (item->categories, g_strdup (g_strstrip (tags[i])));
      }
      break;
    case F_LANGUAGE:
      value = trimmed (c->buf);
      if (value != NULL && take_prio (p, f, prio))
        set_string (&item->language, g_strdelimit (g_ascii_strdown (value, -1), "_", '-'));
      break;
    default:
      break;
    }
  g_free (value);
}

static void
capture_end (Parser *p)
{
  Capture *c = &p->cap;

  c->active = FALSE;
  if (c->base64)
    {
      gsize n = 0;
      guchar *raw;

      g_string_append_c (c->buf, '\0');
      raw = g_base64_decode (c->buf->str, &n);
      g_string_truncate (c->buf, 0);
      if (raw != NULL)
        {
          g_autofree char *valid = g_utf8_make_valid ((const char *) raw, n);

          g_string_append (c->buf, valid);
        }
      g_free (raw);
    }
  /* Decoded base64 of no stated text type: HTML if it looks like it */
  if (c->base64 && c->kind == CLIP_FEED_TEXT_PLAIN &&
      (strstr (c->buf->str, "</") != NULL || strstr (c->buf->str, "/>") != NULL))
    c->kind = CLIP_FEED_TEXT_HTML;
  if (c->field <= F_FEED_ICON)
    assign_feed_field (p, c->field, c->prio);
  else if (p->item != NULL)
    assign_item_field (p, c->field, c->prio);
}

/* Elements --------------------------------------------------------------- */

static void
add_enclosure (Parser *p, char *url, char *type, const char *length)
{
  ClipEnclosure *e;
  g_autofree char *abs = clip_feed_resolve_url (p->frames[p->depth].base, url);

  g_free (url);
  if (abs == NULL || p->item == NULL)
    {
      g_free (type);
      return;
    }
  for (guint i = 0; i < p->item->enclosures->len; i++)
    if (strcmp (((ClipEnclosure *) g_ptr_array_index (p->item->enclosures, i))->url, abs) == 0)
      {
        g_free (type);
        return;
      }
  e = g_new0 (ClipEnclosure, 1);
  e->url = g_steal_pointer (&abs);
  e->type = type ? g_strstrip (type) : NULL;
  e->length = -1;
  if (length != NULL)
    {
      char *end = NULL;
      gint64 v = g_ascii_strtoll (length, &end, 10);

      if (end != length && v >= 0)
        e->length = v;
    }
  g_ptr_array_add (p->item->enclosures, e);
}

/* atom:link, in Atom and in RSS */
static void
atom_link (Parser *p, Ctx ctx, const xmlChar **attrs, int n)
{
  g_autofree char *rel = attr (attrs, n, "rel");
  g_autofree char *href = attr (attrs, n, "href");
  g_autofree char *type = attr (attrs, n, "type");
  g_autofree char *length = attr (attrs, n, "length");
  const char *base = p->frames[p->depth].base;

  if (href == NULL)
    return;
  if (rel == NULL || strcmp (rel, "alternate") == 0 ||
      strcmp (rel, "http://www.iana.org/assignments/relation/alternate") == 0)
    {
      /* an HTML page is the link a reader wants */
      int prio = type == NULL || strstr (type, "html") != NULL ? 4 : 3;
      Field f = ctx == CTX_ITEM ? F_LINK : F_FEED_LINK;

      if (!take_prio (p, f, prio))
        return;
      if (ctx == CTX_ITEM && p->item)
        set_string (&p->item->link, clip_feed_resolve_url (base, href));
      else if (ctx == CTX_FEED)
        set_string (&p->feed->link, clip_feed_resolve_url (base, href));
    }
  else if (strcmp (rel, "enclosure") == 0 && ctx == CTX_ITEM)
    add_enclosure (p, g_steal_pointer (&href), g_steal_pointer (&type), length);
}

static void
begin_item (Parser *p, const xmlChar **attrs, int n, Ns ns)
{
  Frame *fr = &p->frames[p->depth];
  g_autofree char *about = NULL;

  if (p->item != NULL)
    {
      fr->ctx = CTX_SKIP;   /* an item inside an item */
      return;
    }
  if (p->feed->items->len >= CLIP_FEED_MAX_ITEMS)
    {
      if (!p->limit_items_reported)
        clip_feed_add_problem (p->feed, "limit", xmlSAX2GetLineNumber (p->ctxt),
                               _("The feed has more than %d items; the rest were skipped"),
                               CLIP_FEED_MAX_ITEMS);
      p->limit_items_reported = TRUE;
      fr->ctx = CTX_SKIP;
      return;
    }
  fr->ctx = CTX_ITEM;
  fr->role = ROLE_ITEM;
  p->item = clip_feed_item_new ();
  for (int f = F_ID; f < N_FIELDS; f++)
    p->prio[f] = 0;
  if (fr->lang != NULL && xml_attr (attrs, n, "lang") != NULL)
    p->item->language = g_strdelimit (g_ascii_strdown (fr->lang, -1), "_", '-');
  if (ns == NS_RSS10 || ns == NS_RSS090)
    {
      about = attr (attrs, n, "about");
      if (about != NULL && take_prio (p, F_ID, 1))
        p->item->id = g_steal_pointer (&about);
    }
}

static void
end_item (Parser *p)
{
  ClipFeedItem *item = g_steal_pointer (&p->item);

  if (item->language == NULL && p->frames[p->depth].lang != NULL &&
      p->frames[p->depth].lang != p->frames[1].lang)
    item->language = g_strdelimit (g_ascii_strdown (p->frames[p->depth].lang, -1), "_", '-');
  clip_feed_add_item (p->feed, item);
}

static void
end_author (Parser *p)
{
  if (p->item != NULL)
    {
      if (p->author_name != NULL)
        clip_feed_add_unique (p->item->authors, g_steal_pointer (&p->author_name));
      else if (p->author_email != NULL)
        clip_feed_add_unique (p->item->authors, g_steal_pointer (&p->author_email));
    }
  g_clear_pointer (&p->author_name, g_free);
  g_clear_pointer (&p->author_email, g_free);
}

/* CDF: <CHANNEL HREF LASTMOD><TITLE/><ABSTRACT/><ITEM HREF LASTMOD>… */
static char *
cdf_attr (const xmlChar **attrs, int n, const char *name)
{
  for (int i = 0; i < n; i++)
    if (g_ascii_strcasecmp ((const char *) attrs[i * 5], name) == 0)
      return attr_value (attrs[i * 5 + 3], attrs[i * 5 + 4]);
  return NULL;
}

static void
cdf_start (Parser *p, const char *name, const xmlChar **attrs, int n)
{
  Frame *fr = &p->frames[p->depth];
  Ctx ctx = p->frames[p->depth - 1].ctx;
  gboolean item = g_ascii_strcasecmp (name, "item") == 0;
  g_autofree char *href = NULL;
  g_autofree char *lastmod = NULL;
  gint64 t;

  if (ctx == CTX_FEED && item)
    begin_item (p, attrs, n, NS_NONE);
  else if (p->depth > 1)
    {
      if (g_ascii_strcasecmp (name, "title") == 0)
        capture_begin (p, ctx == CTX_ITEM ? F_TITLE : F_FEED_TITLE, CLIP_FEED_TEXT_PLAIN, 3);
      else if (g_ascii_strcasecmp (name, "abstract") == 0)
        capture_begin (p, ctx == CTX_ITEM ? F_SUMMARY : F_FEED_SUBTITLE, CLIP_FEED_TEXT_PLAIN, 3);
      else
        fr->ctx = CTX_SKIP;
      return;
    }
  href = cdf_attr (attrs, n, "href");
  lastmod = cdf_attr (attrs, n, "lastmod");
  t = lastmod ? clip_date_parse (lastmod, -1) : CLIP_NO_DATE;
  if (fr->ctx == CTX_ITEM && p->item != NULL)
    {
      set_string (&p->item->link, clip_feed_resolve_url (fr->base, href));
      p->item->updated = t;
    }
  else if (fr->ctx == CTX_FEED)
    {
      set_string (&p->feed->link, clip_feed_resolve_url (fr->base, href));
      p->feed->updated = t;
    }
}

static gboolean
declares_ns (const xmlChar **namespaces, int nb, const char *uri)
{
  for (int i = 0; i < nb; i++)
    if (namespaces[2 * i + 1] && strcmp ((const char *) namespaces[2 * i + 1], uri) == 0)
      return TRUE;
  return FALSE;
}

static void
begin_root (Parser *p, const char *name, Ns ns, const xmlChar *uri,
            const xmlChar **namespaces, int nb_namespaces, const xmlChar **attrs, int n)
{
  Frame *fr = &p->frames[p->depth];
  g_autofree char *version = attr (attrs, n, "version");
  ClipFeed *feed = p->feed;

  p->root_seen = TRUE;
  /* Early and experimental namespaces ("http://purl.org/echo/",
   * "…/rss2.1"): the root says what the format is, read its namespace so. */
  if (ns == NS_OTHER && (strcmp (name, "feed") == 0 || strcmp (name, "rss") == 0))
    {
      p->root_uri = uri;
      p->root_ns = strcmp (name, "rss") == 0 ? NS_NONE
                   : g_strcmp0 (version, "0.3") == 0 ? NS_ATOM03 : NS_ATOM10;
      ns = p->root_ns;
    }
  if (strcmp (name, "rss") == 0 && is_rss (ns))
    {
      feed->format = CLIP_FEED_FORMAT_RSS20;
      if (version != NULL)
        {
          if (strcmp (version, "0.91") == 0)
            feed->format = CLIP_FEED_FORMAT_RSS091;
          else if (strcmp (version, "0.92") == 0)
            feed->format = CLIP_FEED_FORMAT_RSS092;
          else if (strcmp (version, "0.93") == 0)
            feed->format = CLIP_FEED_FORMAT_RSS093;
          else if (strcmp (version, "0.94") == 0)
            feed->format = CLIP_FEED_FORMAT_RSS094;
          else if (strcmp (version, "0.90") == 0)
            feed->format = CLIP_FEED_FORMAT_RSS090;
        }
      fr->ctx = CTX_TOP;
    }
  else if (strcmp (name, "RDF") == 0 && (ns == NS_RDF || ns == NS_OTHER || ns == NS_NONE))
    {
      feed->format = declares_ns (namespaces, nb_namespaces, "http://my.netscape.com/rdf/simple/0.9/")
                     ? CLIP_FEED_FORMAT_RSS090 : CLIP_FEED_FORMAT_RSS10;
      fr->ctx = CTX_TOP;
    }
  else if (strcmp (name, "feed") == 0 && (is_atom (ns) || ns == NS_NONE))
    {
      feed->format = ns == NS_ATOM03 || g_strcmp0 (version, "0.3") == 0
                     ? CLIP_FEED_FORMAT_ATOM03 : CLIP_FEED_FORMAT_ATOM10;
      fr->ctx = CTX_FEED;
      /* <feed> with no namespace at all: still Atom */
      if (ns == NS_NONE)
        p->root_ns_none = feed->format == CLIP_FEED_FORMAT_ATOM03 ? NS_ATOM03 : NS_ATOM10;
    }
  else if (strcmp (name, "channel") == 0 && is_rss (ns))
    {
      feed->format = CLIP_FEED_FORMAT_RSS20;
      fr->ctx = CTX_FEED;
    }
  else if (strcmp (name, "CHANNEL") == 0 && ns == NS_NONE)
    {
      feed->format = CLIP_FEED_FORMAT_CDF;
      fr->ctx = CTX_FEED;
      p->cdf = TRUE;
      {
        /* CDF's BASE attribute works as xml:base */
        g_autofree char *base = cdf_attr (attrs, n, "base");

        if (base != NULL && fr->owned == NULL)
          fr->base = fr->owned = clip_feed_resolve_url (fr->base, base);
      }
      cdf_start (p, name, attrs, n);
    }
  else
    {
      p->root_is_html = g_ascii_strcasecmp (name, "html") == 0;
      fr->ctx = CTX_SKIP;
      return;
    }
  p->is_feed = TRUE;
  if (fr->lang != NULL)
    {
      p->prio[F_FEED_LANGUAGE] = 1;
      set_string (&feed->language, g_strdelimit (g_ascii_strdown (fr->lang, -1), "_", '-'));
    }
}

/* Channel- or feed-level elements. */
static void
start_in_feed (Parser *p, const char *name, Ns ns, const xmlChar **attrs, int n)
{
  Frame *fr = &p->frames[p->depth];
  gboolean atom = is_atom (ns);
  ClipFeedTextKind kind;
  gboolean base64;

  if ((strcmp (name, "item") == 0 && is_rss (ns)) || (strcmp (name, "entry") == 0 && atom))
    begin_item (p, attrs, n, ns);
  else if (strcmp (name, "title") == 0 && (is_rss (ns) || atom))
    {
      if (text_construct_kind (attrs, n, atom, CLIP_FEED_TEXT_HTML, &kind, &base64))
        capture_begin (p, F_FEED_TITLE, kind, 3);
      p->cap.base64 = base64;
    }
  else if (strcmp (name, "title") == 0 && ns == NS_DC)
    capture_begin (p, F_FEED_TITLE, CLIP_FEED_TEXT_PLAIN, 1);
  else if (strcmp (name, "link") == 0 && atom)
    atom_link (p, CTX_FEED, attrs, n);
  else if (strcmp (name, "link") == 0 && is_rss (ns))
    capture_begin (p, F_FEED_LINK, CLIP_FEED_TEXT_PLAIN, 2);
  else if (((strcmp (name, "description") == 0 || strcmp (name, "tagline") == 0) && is_rss (ns)) ||
           ((strcmp (name, "subtitle") == 0 || strcmp (name, "tagline") == 0) && atom))
    {
      if (text_construct_kind (attrs, n, atom, CLIP_FEED_TEXT_HTML, &kind, &base64))
        capture_begin (p, F_FEED_SUBTITLE, kind, 3);
      p->cap.base64 = base64;
    }
  else if ((strcmp (name, "description") == 0 && ns == NS_DC) ||
           ((strcmp (name, "subtitle") == 0 || strcmp (name, "summary") == 0) && ns == NS_ITUNES))
    capture_begin (p, F_FEED_SUBTITLE, CLIP_FEED_TEXT_PLAIN, 1);
  else if (strcmp (name, "language") == 0 && (is_rss (ns) || ns == NS_DC))
    capture_begin (p, F_FEED_LANGUAGE, CLIP_FEED_TEXT_PLAIN, 2);
  else if (((strcmp (name, "updated") == 0 || strcmp (name, "modified") == 0) && atom) ||
           (strcmp (name, "lastBuildDate") == 0 && is_rss (ns)) ||
           (strcmp (name, "modified") == 0 && ns == NS_DCTERMS))
    capture_begin (p, F_FEED_UPDATED, CLIP_FEED_TEXT_PLAIN, 3);
  else if (strcmp (name, "date") == 0 && ns == NS_DC)
    capture_begin (p, F_FEED_UPDATED, CLIP_FEED_TEXT_PLAIN, 2);
  else if (strcmp (name, "pubDate") == 0 && is_rss (ns))
    capture_begin (p, F_FEED_UPDATED, CLIP_FEED_TEXT_PLAIN, 1);
  else if (strcmp (name, "icon") == 0 && atom)
    capture_begin (p, F_FEED_ICON, CLIP_FEED_TEXT_PLAIN, 4);
  else if (strcmp (name, "logo") == 0 && atom)
    capture_begin (p, F_FEED_ICON, CLIP_FEED_TEXT_PLAIN, 2);
  else if (strcmp (name, "image") == 0 && is_rss (ns))
    fr->ctx = CTX_IMAGE;
  else if (strcmp (name, "image") == 0 && ns == NS_ITUNES)
    {
      g_autofree char *href = attr (attrs, n, "href");

      if (href != NULL && take_prio (p, F_FEED_ICON, 1))
        set_string (&p->feed->icon, clip_feed_resolve_url (fr->base, href));
    }
  else if (strcmp (name, "channel") == 0 && is_rss (ns))
    fr->ctx = CTX_FEED;
  else if (ns != NS_DC && ns != NS_MEDIA && ns != NS_OTHER)
    fr->ctx = CTX_SKIP;   /* textInput, author, items, cloud…: nothing we keep */
}

static void
start_text (Parser *p, Field field, gboolean atom, ClipFeedTextKind rss_kind, int prio,
            const xmlChar **attrs, int n)
{
  ClipFeedTextKind kind;
  gboolean base64;
  g_autofree char *src = NULL;

  if (atom && field == F_CONTENT && (src = attr (attrs, n, "src")) != NULL)
    return;   /* content elsewhere: nothing to show here */
  if (!text_construct_kind (attrs, n, atom, rss_kind, &kind, &base64))
    return;
  capture_begin (p, field, kind, prio);
  p->cap.base64 = base64;
}

/* Item- or entry-level elements. */
static void
start_in_item (Parser *p, const char *name, Ns ns, const xmlChar **attrs, int n)
{
  Frame *fr = &p->frames[p->depth];
  gboolean atom = is_atom (ns);
  gboolean rss = is_rss (ns);

  if (strcmp (name, "title") == 0 && (rss || atom))
    start_text (p, F_TITLE, atom, CLIP_FEED_TEXT_HTML, 3, attrs, n);
  else if (strcmp (name, "title") == 0 && (ns == NS_DC || ns == NS_MEDIA))
    capture_begin (p, F_TITLE, CLIP_FEED_TEXT_PLAIN, ns == NS_DC ? 2 : 1);
  else if (strcmp (name, "link") == 0 && atom)
    atom_link (p, CTX_ITEM, attrs, n);
  else if (strcmp (name, "link") == 0 && rss)
    capture_begin (p, F_LINK, CLIP_FEED_TEXT_PLAIN, 5);
  else if (strcmp (name, "guid") == 0 && rss)
    {
      g_autofree char *perma = attr (attrs, n, "isPermaLink");

      capture_begin (p, F_GUID, CLIP_FEED_TEXT_PLAIN, 3);
      p->cap.permalink = perma == NULL || g_ascii_strcasecmp (g_strstrip (perma), "false") != 0;
    }
  else if (strcmp (name, "id") == 0 && atom)
    capture_begin (p, F_ID, CLIP_FEED_TEXT_PLAIN, 3);
  else if (strcmp (name, "identifier") == 0 && ns == NS_DC)
    capture_begin (p, F_ID, CLIP_FEED_TEXT_PLAIN, 2);
  else if ((strcmp (name, "description") == 0 && rss) ||
           (strcmp (name, "summary") == 0 && ns == NS_NONE))
    {
      /* Both given: the second is the full text */
      if (p->prio[F_SUMMARY] >= 4)
        capture_begin (p, F_CONTENT, CLIP_FEED_TEXT_HTML, 1);
      else
        capture_begin (p, F_SUMMARY, CLIP_FEED_TEXT_HTML, 4);
    }
  else if (strcmp (name, "fullitem") == 0 && ns == NS_NONE)
    capture_begin (p, F_CONTENT, CLIP_FEED_TEXT_HTML, 3);
  else if (strcmp (name, "body") == 0 && ns == NS_NONE)
    capture_begin (p, F_CONTENT, CLIP_FEED_TEXT_XHTML, 5);
  else if (strcmp (name, "tags") == 0 && ns == NS_NONE)
    capture_begin (p, F_TAGS, CLIP_FEED_TEXT_PLAIN, 1);
  else if (strcmp (name, "category") == 0 && (ns == NS_ITUNES || ns == NS_MEDIA))
    {
      g_autofree char *text = ns == NS_ITUNES ? attr (attrs, n, "text") : NULL;

      if (text != NULL)
        clip_feed_add_unique (p->item->categories, g_strstrip (g_steal_pointer (&text)));
      else if (ns == NS_MEDIA)
        capture_begin (p, F_CATEGORY, CLIP_FEED_TEXT_PLAIN, 1);
    }
  else if (strcmp (name, "summary") == 0 && atom)
    start_text (p, F_SUMMARY, TRUE, CLIP_FEED_TEXT_HTML, 4, attrs, n);
  else if ((strcmp (name, "description") == 0 && (ns == NS_DC || ns == NS_MEDIA)) ||
           (strcmp (name, "summary") == 0 && ns == NS_ITUNES))
    capture_begin (p, F_SUMMARY, ns == NS_DC ? CLIP_FEED_TEXT_HTML : CLIP_FEED_TEXT_PLAIN,
                   ns == NS_DC ? 3 : 1);
  else if (strcmp (name, "encoded") == 0 && ns == NS_CONTENT)
    capture_begin (p, F_CONTENT, CLIP_FEED_TEXT_HTML, 4);
  else if (strcmp (name, "content") == 0 && atom)
    start_text (p, F_CONTENT, TRUE, CLIP_FEED_TEXT_HTML, 3, attrs, n);
  else if (strcmp (name, "body") == 0 && ns == NS_XHTML)
    capture_begin (p, F_CONTENT, CLIP_FEED_TEXT_XHTML, 5);
  else if ((strcmp (name, "author") == 0 && atom) || (strcmp (name, "creator") == 0 && ns == NS_DC))
    {
      if (atom)
        fr->ctx = CTX_AUTHOR, fr->role = ROLE_AUTHOR;
      else
        capture_begin (p, F_AUTHOR, CLIP_FEED_TEXT_PLAIN, 1);
    }
  else if ((strcmp (name, "author") == 0 && (rss || ns == NS_ITUNES || ns == NS_DC)) ||
           (strcmp (name, "contributor") == 0 && ns == NS_DC))
    capture_begin (p, F_AUTHOR, CLIP_FEED_TEXT_PLAIN, 1);
  else if (((strcmp (name, "published") == 0 || strcmp (name, "issued") == 0) && atom))
    capture_begin (p, F_PUBLISHED, CLIP_FEED_TEXT_PLAIN, 5);
  else if (strcmp (name, "pubDate") == 0 && rss)
    capture_begin (p, F_PUBLISHED, CLIP_FEED_TEXT_PLAIN, 4);
  else if ((strcmp (name, "issued") == 0 && ns == NS_DCTERMS) ||
           (strcmp (name, "date") == 0 && ns == NS_DC))
    capture_begin (p, F_PUBLISHED, CLIP_FEED_TEXT_PLAIN, 3);
  else if ((strcmp (name, "created") == 0 && (atom || ns == NS_DCTERMS)))
    capture_begin (p, F_PUBLISHED, CLIP_FEED_TEXT_PLAIN, 2);
  else if (((strcmp (name, "updated") == 0 || strcmp (name, "modified") == 0) && atom) ||
           (strcmp (name, "modified") == 0 && ns == NS_DCTERMS))
    capture_begin (p, F_UPDATED, CLIP_FEED_TEXT_PLAIN, 3);
  else if ((strcmp (name, "category") == 0 && rss) || (strcmp (name, "subject") == 0 && ns == NS_DC))
    capture_begin (p, F_CATEGORY, CLIP_FEED_TEXT_PLAIN, 1);
  else if (strcmp (name, "category") == 0 && atom)
    {
      g_autofree char *term = attr (attrs, n, "term");
      g_autofree char *label = attr (attrs, n, "label");
      char *value = term && *g_strstrip (term) ? g_steal_pointer (&term)
                                               : g_steal_pointer (&label);

      if (value != NULL && *g_strstrip (value))
        clip_feed_add_unique (p->item->categories, value);
      else
        g_free (value);
    }
  else if (strcmp (name, "language") == 0 && (ns == NS_DC || rss))
    capture_begin (p, F_LANGUAGE, CLIP_FEED_TEXT_PLAIN, 2);
  else if (strcmp (name, "enclosure") == 0 && rss)
    {
      g_autofree char *length = attr (attrs, n, "length");

      add_enclosure (p, attr (attrs, n, "url"), attr (attrs, n, "type"), length);
    }
  else if (strcmp (name, "content") == 0 && ns == NS_MEDIA)
    {
      g_autofree char *size = attr (attrs, n, "fileSize");

      add_enclosure (p, attr (attrs, n, "url"), attr (attrs, n, "type"), size);
    }
  else if ((strcmp (name, "source") == 0 && (rss || atom)) || strcmp (name, "comments") == 0)
    fr->ctx = CTX_SKIP;
}

/* SAX callbacks ---------------------------------------------------------- */

static void
push_frame (Parser *p, const xmlChar **attrs, int n)
{
  Frame *parent = &p->frames[p->depth - 1];
  Frame *fr = &p->frames[p->depth];
  g_autofree char *base = n > 0 ? xml_attr (attrs, n, "base") : NULL;
  char *lang = n > 0 ? xml_attr (attrs, n, "lang") : NULL;

  fr->ctx = parent->ctx;
  fr->role = ROLE_NONE;
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
    {
      capture_child_start (p, name, ns, attrs, nb_attributes);
      return;
    }
  if (p->depth == 1)
    {
      begin_root (p, name, ns, uri, namespaces, nb_namespaces, attrs, nb_attributes);
      if (p->frames[1].ctx == CTX_SKIP)
        xmlStopParser (ctxt);   /* not a feed: no need to read on */
      return;
    }
  if (p->cdf)
    {
      if (p->frames[p->depth - 1].ctx != CTX_SKIP)
        cdf_start (p, name, attrs, nb_attributes);
      return;
    }
  switch (p->frames[p->depth - 1].ctx)
    {
    case CTX_TOP:
      if (strcmp (name, "channel") == 0 && is_rss (ns))
        p->frames[p->depth].ctx = CTX_FEED;
      else if (strcmp (name, "item") == 0 && is_rss (ns))
        begin_item (p, attrs, nb_attributes, ns);
      else if (strcmp (name, "image") == 0 && is_rss (ns))
        p->frames[p->depth].ctx = CTX_IMAGE;
      else
        p->frames[p->depth].ctx = CTX_SKIP;
      if (ns == NS_RSS090 && p->feed->format == CLIP_FEED_FORMAT_RSS10)
        p->feed->format = CLIP_FEED_FORMAT_RSS090;
      break;
    case CTX_FEED:
      start_in_feed (p, name, ns, attrs, nb_attributes);
      break;
    case CTX_ITEM:
      start_in_item (p, name, ns, attrs, nb_attributes);
      break;
    case CTX_AUTHOR:
      if (strcmp (name, "name") == 0)
        capture_begin (p, F_AUTHOR_NAME, CLIP_FEED_TEXT_PLAIN, 1);
      else if (strcmp (name, "email") == 0)
        capture_begin (p, F_AUTHOR_EMAIL, CLIP_FEED_TEXT_PLAIN, 1);
      break;
    case CTX_IMAGE:
      if (strcmp (name, "url") == 0)
        capture_begin (p, F_FEED_ICON, CLIP_FEED_TEXT_PLAIN, 3);
      break;
    case CTX_SKIP:
      break;
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
        capture_end (p);
      else
        capture_child_end (p, (const char *) localname);
    }
  if (fr->role == ROLE_ITEM && p->item != NULL)
    end_item (p);
  else if (fr->role == ROLE_AUTHOR)
    end_author (p);
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
  g_clear_pointer (&p->entities, g_hash_table_unref);
  g_clear_pointer (&p->sanitizer, clip_sanitizer_free);
  if (p->cap.buf)
    g_string_free (p->cap.buf, TRUE);
}

gboolean
clip_feed_parse_xml (ClipFeed    *feed,
                     const char  *utf8,
                     gsize        len,
                     const char  *base_url,
                     gboolean    *invalid_utf8,
                     GError     **error)
{
  Parser *p = g_new0 (Parser, 1);
  xmlSAXHandler sax;
  xmlParserCtxtPtr ctxt;
  gboolean ok;

  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.cdataBlock = on_characters;
  sax.getEntity = on_get_entity;
  sax.entityDecl = on_entity_decl;
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
  p->entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entity_free);
  g_hash_table_insert (p->entities, g_strdup (""), entity_new ("", "", 0));
  p->frames[0].ctx = CTX_TOP;
  p->frames[0].base = base_url;

  xmlCtxtReadMemory (ctxt, utf8, (int) len, base_url, "UTF-8",
                     XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_IGNORE_ENC |
                     XML_PARSE_NOCDATA);
  /* A feed cut short still gives the item being read. */
  if (p->item != NULL && (p->item->title || p->item->link || p->item->id))
    clip_feed_add_item (feed, g_steal_pointer (&p->item));

  if (invalid_utf8 != NULL)
    *invalid_utf8 = p->invalid_utf8;
  ok = p->is_feed;
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
