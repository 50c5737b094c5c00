/* clip-feed-xml-fields.c — what the namespaces' elements fill in
 *
 * The tables of clip-feed-ns-*.c say which field an element fills and
 * with which rank when several elements can fill it (an Atom <published>
 * outranks a Dublin Core date); here a captured text becomes that field,
 * and items, enclosures and authors are begun and finished.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"
#include "clip-date.h"

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <string.h>

/* Assigning fields ------------------------------------------------------- */

gboolean
clip_feed_xml_take_prio (Parser *p, Field f, int prio)
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

void
clip_feed_xml_set_string (char **slot, char *value)
{
  g_free (*slot);
  *slot = value;
}

/* Language tags as BCP 47 compares them: lower case, "-" not "_". */
char *
clip_feed_xml_language (const char *tag)
{
  return g_strdelimit (g_ascii_strdown (tag, -1), "_", '-');
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
      if (clip_feed_xml_take_prio (p, f, prio))
        clip_feed_xml_set_string (&feed->title, clip_feed_plain_line (p->sanitizer, c->buf->str,
                                                                      c->buf->len, c->kind));
      break;
    case F_FEED_SUBTITLE:
      if (clip_feed_xml_take_prio (p, f, prio))
        clip_feed_xml_set_string (&feed->subtitle, clip_feed_plain_line (p->sanitizer, c->buf->str,
                                                                         c->buf->len, c->kind));
      break;
    case F_FEED_LINK:
    case F_FEED_ICON:
      value = trimmed (c->buf);
      if (value != NULL && clip_feed_xml_take_prio (p, f, prio))
        clip_feed_xml_set_string (f == F_FEED_LINK ? &feed->link : &feed->icon,
                                  clip_feed_resolve_url (c->base, value));
      g_free (value);
      break;
    case F_FEED_LANGUAGE:
      value = trimmed (c->buf);
      if (value != NULL && clip_feed_xml_take_prio (p, f, prio))
        clip_feed_xml_set_string (&feed->language, clip_feed_xml_language (value));
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

  if (value == NULL || !clip_feed_xml_take_prio (p, F_ID, prio))
    return;
  if (f == F_GUID)
    {
      /* A permalink guid is also the link when there is no other. */
      if (c->permalink && (g_str_has_prefix (value, "http://") ||
                           g_str_has_prefix (value, "https://")) &&
          clip_feed_xml_take_prio (p, F_LINK, 1))
        clip_feed_xml_set_string (&item->link, clip_feed_resolve_url (c->base, value));
    }
  else if (value[0] == '/' && value[1] != '/' && c->base != NULL)
    {
      /* "/relative/id" is a path on the feed's site */
      clip_feed_xml_set_string (&value, clip_feed_resolve_url (c->base, value));
    }
  clip_feed_xml_set_string (&item->id, g_steal_pointer (&value));
}

static void
assign_rich_text (Parser *p, Field f, int prio)
{
  ClipFeedItem *item = p->item;
  Capture *c = &p->cap;
  char *html = NULL, *text = NULL;

  if (c->buf->len == 0 || !clip_feed_xml_take_prio (p, f, prio))
    return;
  clip_feed_rich_text (p->sanitizer, c->buf->str, c->buf->len, c->kind, c->base, &html, &text);
  clip_feed_xml_set_string (f == F_SUMMARY ? &item->summary_html : &item->content_html, html);
  clip_feed_xml_set_string (f == F_SUMMARY ? &item->summary_text : &item->content_text, text);
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
      if (clip_feed_xml_take_prio (p, f, prio))
        clip_feed_xml_set_string (&item->title, clip_feed_plain_line (p->sanitizer, c->buf->str,
                                                                      c->buf->len, c->kind));
      break;
    case F_SUMMARY:
    case F_CONTENT:
      assign_rich_text (p, f, prio);
      break;
    case F_ID:
    case F_GUID:
      assign_id (p, f, prio);
      break;
    case F_LINK:
      value = trimmed (c->buf);
      if (value != NULL && clip_feed_xml_take_prio (p, f, prio))
        clip_feed_xml_set_string (&item->link, clip_feed_resolve_url (c->base, value));
      break;
    case F_AUTHOR:
      value = trimmed (c->buf);
      if (value != NULL)
        clip_feed_add_unique (item->authors, clip_feed_author_name (value));
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
      if (value != NULL && clip_feed_xml_take_prio (p, f, prio))
        clip_feed_xml_set_string (&item->language, clip_feed_xml_language (value));
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
  else if (c->field == F_AUTHOR_NAME)   /* a person's, whoever it is */
    clip_feed_xml_set_string (&p->author_name, trimmed (c->buf));
  else if (c->field == F_AUTHOR_EMAIL)
    clip_feed_xml_set_string (&p->author_email, trimmed (c->buf));
  else if (p->item != NULL)
    assign_item_field (p, c->field, c->prio);
}

/* Items and enclosures --------------------------------------------------- */

void
clip_feed_xml_add_enclosure (Parser *p, char *url, char *type, const char *length)
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

/* The arrays of persons are made when the first comes: most feeds have
 * none of these. */
static void
add_person (GPtrArray **to, char *person)
{
  if (*to == NULL)
    *to = g_ptr_array_new_with_free_func (g_free);
  clip_feed_add_unique (*to, person);
}

static void
copy_authors (GPtrArray *to, GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    clip_feed_add_unique (to, g_strdup (g_ptr_array_index (from, i)));
}

/* RFC 4287 §4.2.1: an entry with no author has its <source>'s, else the
 * feed's; the feed's may come after the entries, so those wait. */
static void
inherit_authors (Parser *p, ClipFeedItem *item)
{
  if (!p->item_is_entry || item->authors->len > 0)
    return;
  if (p->source_authors != NULL && p->source_authors->len > 0)
    copy_authors (item->authors, p->source_authors);
  else
    {
      if (p->authorless == NULL)
        p->authorless = g_ptr_array_new ();
      g_ptr_array_add (p->authorless, item);
    }
}

static void
end_item (Parser *p)
{
  ClipFeedItem *item = g_steal_pointer (&p->item);

  if (item->language == NULL && p->frames[p->depth].lang != NULL &&
      p->frames[p->depth].lang != p->frames[1].lang)
    item->language = clip_feed_xml_language (p->frames[p->depth].lang);
  /* RSS asks for a title or a description, Atom for a title */
  if (item->title == NULL && item->summary_html == NULL && item->content_html == NULL)
    clip_feed_add_problem (p->feed, "missing-element", xmlSAX2GetLineNumber (p->ctxt),
                           _("An item has neither a title nor a description"));
  inherit_authors (p, item);
  clip_feed_add_item (p->feed, item);
}

/* FALSE when the element is no item after all: one inside another, or
 * past the limit. */
gboolean
clip_feed_xml_begin_item (Parser *p, const xmlChar **attrs, int n)
{
  Frame *fr = &p->frames[p->depth];
  g_autofree char *lang = NULL;

  if (p->item != NULL)
    {
      fr->ctx = CTX_SKIP;   /* an item inside an item */
      return FALSE;
    }
  if (p->feed->items->len >= CLIP_FEED_MAX_ITEMS)
    {
      if (!p->limit_items_reported)
        clip_feed_add_problem (p->feed, "limit", xmlSAX2GetLineNumber (p->ctxt),
                               _("The feed has more than %d items; the rest were skipped"),
                               CLIP_FEED_MAX_ITEMS);
      p->limit_items_reported = TRUE;
      fr->ctx = CTX_SKIP;
      return FALSE;
    }
  fr->ctx = CTX_ITEM;
  fr->end = end_item;
  p->item = clip_feed_item_new ();
  p->item_is_entry = FALSE;
  if (p->source_authors != NULL)
    g_ptr_array_set_size (p->source_authors, 0);
  for (int f = F_ID; f < N_FIELDS; f++)
    p->prio[f] = 0;
  if (fr->lang != NULL && (lang = clip_feed_xml_xml_attr (attrs, n, "lang")) != NULL)
    p->item->language = clip_feed_xml_language (fr->lang);
  return TRUE;
}

/* Persons ---------------------------------------------------------------- */

/* An Atom person is the item's, its <source>'s or the feed's, as the
 * element it is in. */
static void
end_author (Parser *p)
{
  char *person = p->author_name ? g_steal_pointer (&p->author_name)
                                : g_steal_pointer (&p->author_email);

  switch (p->frames[p->depth - 1].ctx)
    {
    case CTX_ITEM:
      if (p->item != NULL)
        clip_feed_add_unique (p->item->authors, g_steal_pointer (&person));
      break;
    case CTX_SOURCE:
      add_person (&p->source_authors, g_steal_pointer (&person));
      break;
    case CTX_FEED:
      add_person (&p->feed_authors, g_steal_pointer (&person));
      break;
    default:
      break;
    }
  g_free (person);
  g_clear_pointer (&p->author_name, g_free);
  g_clear_pointer (&p->author_email, g_free);
}

void
clip_feed_xml_begin_author (Parser *p)
{
  p->frames[p->depth].end = end_author;
  g_clear_pointer (&p->author_name, g_free);
  g_clear_pointer (&p->author_email, g_free);
}

/* The end of the document: a feed cut short still gives the item being
 * read, and entries get the authors of a feed that named them last. */
void
clip_feed_xml_finish (Parser *p)
{
  if (p->item != NULL && (p->item->title || p->item->link || p->item->id))
    {
      inherit_authors (p, p->item);
      clip_feed_add_item (p->feed, g_steal_pointer (&p->item));
    }
  for (guint i = 0; p->authorless != NULL && p->feed_authors != NULL && i < p->authorless->len; i++)
    copy_authors (((ClipFeedItem *) g_ptr_array_index (p->authorless, i))->authors,
                  p->feed_authors);
}
