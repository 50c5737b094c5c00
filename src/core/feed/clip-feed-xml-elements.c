/* clip-feed-xml-elements.c — what each RSS, RDF, Atom and CDF element means
 *
 * Called from the SAX callbacks in clip-feed-xml.c: which field an element
 * fills, with which rank when several elements can fill it (an Atom
 * <published> outranks a Dublin Core date), and how its text is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"
#include "clip-date.h"

#include <glib/gi18n.h>
#include <libxml/parserInternals.h>
#include <string.h>

/* Text constructs: Atom's type="text|html|xhtml", Atom 0.3's MIME types
 * and mode="escaped|xml|base64". */
static gboolean
text_construct_kind (const xmlChar **attrs, int n, gboolean atom, ClipFeedTextKind rss_kind,
                     ClipFeedTextKind *kind, gboolean *base64)
{
  g_autofree char *type = clip_feed_xml_attr (attrs, n, "type");
  g_autofree char *mode = clip_feed_xml_attr (attrs, n, "mode");

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

/* atom:id, dc:identifier, or an RSS guid (F_GUID) */
static void
assign_id (Parser *p, Field f, int prio)
{
  ClipFeedItem *item = p->item;
  Capture *c = &p->cap;
  g_autofree char *value = trimmed (c->buf);

  if (value == NULL || !take_prio (p, F_ID, prio))
    return;
  if (f == F_GUID)
    {
      /* A permalink guid is also the link when there is no other. */
      if (c->permalink && (g_str_has_prefix (value, "http://") ||
                           g_str_has_prefix (value, "https://")) &&
          take_prio (p, F_LINK, 1))
        set_string (&item->link, clip_feed_resolve_url (c->base, value));
    }
  else if (value[0] == '/' && value[1] != '/' && c->base != NULL)
    {
      /* "/relative/id" is a path on the feed's site */
      set_string (&value, clip_feed_resolve_url (c->base, value));
    }
  set_string (&item->id, g_steal_pointer (&value));
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
    case F_GUID:
      assign_id (p, f, prio);
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

void
clip_feed_xml_capture_end (Parser *p)
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
  g_autofree char *rel = clip_feed_xml_attr (attrs, n, "rel");
  g_autofree char *href = clip_feed_xml_attr (attrs, n, "href");
  g_autofree char *type = clip_feed_xml_attr (attrs, n, "type");
  g_autofree char *length = clip_feed_xml_attr (attrs, n, "length");
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

void
clip_feed_xml_begin_item (Parser *p, const xmlChar **attrs, int n, Ns ns)
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
  if (fr->lang != NULL && clip_feed_xml_xml_attr (attrs, n, "lang") != NULL)
    p->item->language = g_strdelimit (g_ascii_strdown (fr->lang, -1), "_", '-');
  if (ns == NS_RSS10 || ns == NS_RSS090)
    {
      about = clip_feed_xml_attr (attrs, n, "about");
      if (about != NULL && take_prio (p, F_ID, 1))
        p->item->id = g_steal_pointer (&about);
    }
}

void
clip_feed_xml_end_item (Parser *p)
{
  ClipFeedItem *item = g_steal_pointer (&p->item);

  if (item->language == NULL && p->frames[p->depth].lang != NULL &&
      p->frames[p->depth].lang != p->frames[1].lang)
    item->language = g_strdelimit (g_ascii_strdown (p->frames[p->depth].lang, -1), "_", '-');
  /* RSS asks for a title or a description, Atom for a title */
  if (item->title == NULL && item->summary_html == NULL && item->content_html == NULL)
    clip_feed_add_problem (p->feed, "missing-element", xmlSAX2GetLineNumber (p->ctxt),
                           _("An item has neither a title nor a description"));
  clip_feed_add_item (p->feed, item);
}

void
clip_feed_xml_end_author (Parser *p)
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
      return clip_feed_xml_attr_value (attrs[i * 5 + 3], attrs[i * 5 + 4]);
  return NULL;
}

void
clip_feed_xml_cdf_start (Parser *p, const char *name, const xmlChar **attrs, int n)
{
  Frame *fr = &p->frames[p->depth];
  Ctx ctx = p->frames[p->depth - 1].ctx;
  gboolean item = g_ascii_strcasecmp (name, "item") == 0;
  g_autofree char *href = NULL;
  g_autofree char *lastmod = NULL;
  gint64 t;

  if (ctx == CTX_FEED && item)
    clip_feed_xml_begin_item (p, attrs, n, NS_NONE);
  else if (p->depth > 1)
    {
      if (g_ascii_strcasecmp (name, "title") == 0)
        clip_feed_xml_capture_begin (p, ctx == CTX_ITEM ? F_TITLE : F_FEED_TITLE, CLIP_FEED_TEXT_PLAIN, 3);
      else if (g_ascii_strcasecmp (name, "abstract") == 0)
        clip_feed_xml_capture_begin (p, ctx == CTX_ITEM ? F_SUMMARY : F_FEED_SUBTITLE, CLIP_FEED_TEXT_PLAIN, 3);
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

void
clip_feed_xml_begin_root (Parser *p, const char *name, Ns ns, const xmlChar *uri,
            const xmlChar **namespaces, int nb_namespaces, const xmlChar **attrs, int n)
{
  Frame *fr = &p->frames[p->depth];
  g_autofree char *version = clip_feed_xml_attr (attrs, n, "version");
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
      clip_feed_xml_cdf_start (p, name, attrs, n);
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
void
clip_feed_xml_start_in_feed (Parser *p, const char *name, Ns ns, const xmlChar **attrs, int n)
{
  Frame *fr = &p->frames[p->depth];
  gboolean atom = is_atom (ns);
  ClipFeedTextKind kind;
  gboolean base64;

  if ((strcmp (name, "item") == 0 && is_rss (ns)) || (strcmp (name, "entry") == 0 && atom))
    clip_feed_xml_begin_item (p, attrs, n, ns);
  else if (strcmp (name, "title") == 0 && (is_rss (ns) || atom))
    {
      if (text_construct_kind (attrs, n, atom, CLIP_FEED_TEXT_HTML, &kind, &base64))
        clip_feed_xml_capture_begin (p, F_FEED_TITLE, kind, 3);
      p->cap.base64 = base64;
    }
  else if (strcmp (name, "title") == 0 && ns == NS_DC)
    clip_feed_xml_capture_begin (p, F_FEED_TITLE, CLIP_FEED_TEXT_PLAIN, 1);
  else if (strcmp (name, "link") == 0 && atom)
    atom_link (p, CTX_FEED, attrs, n);
  else if (strcmp (name, "link") == 0 && is_rss (ns))
    clip_feed_xml_capture_begin (p, F_FEED_LINK, CLIP_FEED_TEXT_PLAIN, 2);
  else if (((strcmp (name, "description") == 0 || strcmp (name, "tagline") == 0) && is_rss (ns)) ||
           ((strcmp (name, "subtitle") == 0 || strcmp (name, "tagline") == 0) && atom))
    {
      if (text_construct_kind (attrs, n, atom, CLIP_FEED_TEXT_HTML, &kind, &base64))
        clip_feed_xml_capture_begin (p, F_FEED_SUBTITLE, kind, 3);
      p->cap.base64 = base64;
    }
  else if ((strcmp (name, "description") == 0 && ns == NS_DC) ||
           ((strcmp (name, "subtitle") == 0 || strcmp (name, "summary") == 0) && ns == NS_ITUNES))
    clip_feed_xml_capture_begin (p, F_FEED_SUBTITLE, CLIP_FEED_TEXT_PLAIN, 1);
  else if (strcmp (name, "language") == 0 && (is_rss (ns) || ns == NS_DC))
    clip_feed_xml_capture_begin (p, F_FEED_LANGUAGE, CLIP_FEED_TEXT_PLAIN, 2);
  else if (((strcmp (name, "updated") == 0 || strcmp (name, "modified") == 0) && atom) ||
           (strcmp (name, "lastBuildDate") == 0 && is_rss (ns)) ||
           (strcmp (name, "modified") == 0 && ns == NS_DCTERMS))
    clip_feed_xml_capture_begin (p, F_FEED_UPDATED, CLIP_FEED_TEXT_PLAIN, 3);
  else if (strcmp (name, "date") == 0 && ns == NS_DC)
    clip_feed_xml_capture_begin (p, F_FEED_UPDATED, CLIP_FEED_TEXT_PLAIN, 2);
  else if (strcmp (name, "pubDate") == 0 && is_rss (ns))
    clip_feed_xml_capture_begin (p, F_FEED_UPDATED, CLIP_FEED_TEXT_PLAIN, 1);
  else if (strcmp (name, "icon") == 0 && atom)
    clip_feed_xml_capture_begin (p, F_FEED_ICON, CLIP_FEED_TEXT_PLAIN, 4);
  else if (strcmp (name, "logo") == 0 && atom)
    clip_feed_xml_capture_begin (p, F_FEED_ICON, CLIP_FEED_TEXT_PLAIN, 2);
  else if (strcmp (name, "image") == 0 && is_rss (ns))
    fr->ctx = CTX_IMAGE;
  else if (strcmp (name, "image") == 0 && ns == NS_ITUNES)
    {
      g_autofree char *href = clip_feed_xml_attr (attrs, n, "href");

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

  if (atom && field == F_CONTENT && (src = clip_feed_xml_attr (attrs, n, "src")) != NULL)
    return;   /* content elsewhere: nothing to show here */
  if (!text_construct_kind (attrs, n, atom, rss_kind, &kind, &base64))
    return;
  clip_feed_xml_capture_begin (p, field, kind, prio);
  p->cap.base64 = base64;
}

/* An item's texts: title, links and ids, summary and content. FALSE when
 * the element is none of those. */
static gboolean
start_item_text (Parser *p, const char *name, Ns ns, const xmlChar **attrs, int n)
{
  gboolean atom = is_atom (ns);
  gboolean rss = is_rss (ns);

  if (strcmp (name, "title") == 0 && (rss || atom))
    start_text (p, F_TITLE, atom, CLIP_FEED_TEXT_HTML, 3, attrs, n);
  else if (strcmp (name, "title") == 0 && (ns == NS_DC || ns == NS_MEDIA))
    clip_feed_xml_capture_begin (p, F_TITLE, CLIP_FEED_TEXT_PLAIN, ns == NS_DC ? 2 : 1);
  else if (strcmp (name, "link") == 0 && atom)
    atom_link (p, CTX_ITEM, attrs, n);
  else if (strcmp (name, "link") == 0 && rss)
    clip_feed_xml_capture_begin (p, F_LINK, CLIP_FEED_TEXT_PLAIN, 5);
  else if (strcmp (name, "guid") == 0 && rss)
    {
      g_autofree char *perma = clip_feed_xml_attr (attrs, n, "isPermaLink");

      clip_feed_xml_capture_begin (p, F_GUID, CLIP_FEED_TEXT_PLAIN, 3);
      p->cap.permalink = perma == NULL || g_ascii_strcasecmp (g_strstrip (perma), "false") != 0;
    }
  else if (strcmp (name, "id") == 0 && atom)
    clip_feed_xml_capture_begin (p, F_ID, CLIP_FEED_TEXT_PLAIN, 3);
  else if (strcmp (name, "identifier") == 0 && ns == NS_DC)
    clip_feed_xml_capture_begin (p, F_ID, CLIP_FEED_TEXT_PLAIN, 2);
  else if ((strcmp (name, "description") == 0 && rss) ||
           (strcmp (name, "summary") == 0 && ns == NS_NONE))
    {
      /* Both given: the second is the full text */
      if (p->prio[F_SUMMARY] >= 4)
        clip_feed_xml_capture_begin (p, F_CONTENT, CLIP_FEED_TEXT_HTML, 1);
      else
        clip_feed_xml_capture_begin (p, F_SUMMARY, CLIP_FEED_TEXT_HTML, 4);
    }
  else if (strcmp (name, "fullitem") == 0 && ns == NS_NONE)
    clip_feed_xml_capture_begin (p, F_CONTENT, CLIP_FEED_TEXT_HTML, 3);
  else if (strcmp (name, "body") == 0 && ns == NS_NONE)
    clip_feed_xml_capture_begin (p, F_CONTENT, CLIP_FEED_TEXT_XHTML, 5);
  else if (strcmp (name, "tags") == 0 && ns == NS_NONE)
    clip_feed_xml_capture_begin (p, F_TAGS, CLIP_FEED_TEXT_PLAIN, 1);
  else if (strcmp (name, "category") == 0 && (ns == NS_ITUNES || ns == NS_MEDIA))
    {
      g_autofree char *text = ns == NS_ITUNES ? clip_feed_xml_attr (attrs, n, "text") : NULL;

      if (text != NULL)
        clip_feed_add_unique (p->item->categories, g_strstrip (g_steal_pointer (&text)));
      else if (ns == NS_MEDIA)
        clip_feed_xml_capture_begin (p, F_CATEGORY, CLIP_FEED_TEXT_PLAIN, 1);
    }
  else if (strcmp (name, "summary") == 0 && atom)
    start_text (p, F_SUMMARY, TRUE, CLIP_FEED_TEXT_HTML, 4, attrs, n);
  else if ((strcmp (name, "description") == 0 && (ns == NS_DC || ns == NS_MEDIA)) ||
           (strcmp (name, "summary") == 0 && ns == NS_ITUNES))
    clip_feed_xml_capture_begin (p, F_SUMMARY, ns == NS_DC ? CLIP_FEED_TEXT_HTML : CLIP_FEED_TEXT_PLAIN,
                   ns == NS_DC ? 3 : 1);
  else if (strcmp (name, "encoded") == 0 && ns == NS_CONTENT)
    clip_feed_xml_capture_begin (p, F_CONTENT, CLIP_FEED_TEXT_HTML, 4);
  else if (strcmp (name, "content") == 0 && atom)
    start_text (p, F_CONTENT, TRUE, CLIP_FEED_TEXT_HTML, 3, attrs, n);
  else if (strcmp (name, "body") == 0 && ns == NS_XHTML)
    clip_feed_xml_capture_begin (p, F_CONTENT, CLIP_FEED_TEXT_XHTML, 5);
  else
    return FALSE;
  return TRUE;
}

/* Item- or entry-level elements. */
void
clip_feed_xml_start_in_item (Parser *p, const char *name, Ns ns, const xmlChar **attrs, int n)
{
  Frame *fr = &p->frames[p->depth];
  gboolean atom = is_atom (ns);
  gboolean rss = is_rss (ns);

  if (start_item_text (p, name, ns, attrs, n))
    return;
  if ((strcmp (name, "author") == 0 && atom) || (strcmp (name, "creator") == 0 && ns == NS_DC))
    {
      if (atom)
        fr->ctx = CTX_AUTHOR, fr->role = ROLE_AUTHOR;
      else
        clip_feed_xml_capture_begin (p, F_AUTHOR, CLIP_FEED_TEXT_PLAIN, 1);
    }
  else if ((strcmp (name, "author") == 0 && (rss || ns == NS_ITUNES || ns == NS_DC)) ||
           (strcmp (name, "contributor") == 0 && ns == NS_DC))
    clip_feed_xml_capture_begin (p, F_AUTHOR, CLIP_FEED_TEXT_PLAIN, 1);
  else if (((strcmp (name, "published") == 0 || strcmp (name, "issued") == 0) && atom))
    clip_feed_xml_capture_begin (p, F_PUBLISHED, CLIP_FEED_TEXT_PLAIN, 5);
  else if (strcmp (name, "pubDate") == 0 && rss)
    clip_feed_xml_capture_begin (p, F_PUBLISHED, CLIP_FEED_TEXT_PLAIN, 4);
  else if ((strcmp (name, "issued") == 0 && ns == NS_DCTERMS) ||
           (strcmp (name, "date") == 0 && ns == NS_DC))
    clip_feed_xml_capture_begin (p, F_PUBLISHED, CLIP_FEED_TEXT_PLAIN, 3);
  else if ((strcmp (name, "created") == 0 && (atom || ns == NS_DCTERMS)))
    clip_feed_xml_capture_begin (p, F_PUBLISHED, CLIP_FEED_TEXT_PLAIN, 2);
  else if (((strcmp (name, "updated") == 0 || strcmp (name, "modified") == 0) && atom) ||
           (strcmp (name, "modified") == 0 && ns == NS_DCTERMS))
    clip_feed_xml_capture_begin (p, F_UPDATED, CLIP_FEED_TEXT_PLAIN, 3);
  else if ((strcmp (name, "category") == 0 && rss) || (strcmp (name, "subject") == 0 && ns == NS_DC))
    clip_feed_xml_capture_begin (p, F_CATEGORY, CLIP_FEED_TEXT_PLAIN, 1);
  else if (strcmp (name, "category") == 0 && atom)
    {
      g_autofree char *term = clip_feed_xml_attr (attrs, n, "term");
      g_autofree char *label = clip_feed_xml_attr (attrs, n, "label");
      char *value = term && *g_strstrip (term) ? g_steal_pointer (&term)
                                               : g_steal_pointer (&label);

      if (value != NULL && *g_strstrip (value))
        clip_feed_add_unique (p->item->categories, value);
      else
        g_free (value);
    }
  else if (strcmp (name, "language") == 0 && (ns == NS_DC || rss))
    clip_feed_xml_capture_begin (p, F_LANGUAGE, CLIP_FEED_TEXT_PLAIN, 2);
  else if (strcmp (name, "enclosure") == 0 && rss)
    {
      g_autofree char *length = clip_feed_xml_attr (attrs, n, "length");

      add_enclosure (p, clip_feed_xml_attr (attrs, n, "url"), clip_feed_xml_attr (attrs, n, "type"), length);
    }
  else if (strcmp (name, "content") == 0 && ns == NS_MEDIA)
    {
      g_autofree char *size = clip_feed_xml_attr (attrs, n, "fileSize");

      add_enclosure (p, clip_feed_xml_attr (attrs, n, "url"), clip_feed_xml_attr (attrs, n, "type"), size);
    }
  else if ((strcmp (name, "source") == 0 && (rss || atom)) || strcmp (name, "comments") == 0)
    fr->ctx = CTX_SKIP;
}

/* SAX callbacks ---------------------------------------------------------- */
