/* clip-page-meta.c — what a page says about itself: <meta>, <link>,
 * microdata, <time>, <title>, the JSON-LD
 *
 * One walk over the document. Each field keeps its best value by the rank
 * of where it came from (JSON-LD article 10, OpenGraph and article:* 20,
 * other meta 25-30, microdata 30, the page's headings and bylines 40, the
 * <title> 50); dates go to the date candidates with their source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-page-private.h"
#include "clip-date.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Spacing as a reader sees it: one space, none at the ends. */
static char *
collapse (const char *s)
{
  GString *out = g_string_sized_new (strlen (s));

  for (; *s; s++)
    {
      if (g_ascii_isspace (*s))
        {
          if (out->len && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *s);
    }
  if (out->len && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

gboolean
clip_page_best_set (Best *best, const char *value, int rank)
{
  g_autofree char *v = NULL;

  if (value == NULL || (best->value && best->rank <= rank))
    return FALSE;
  v = collapse (value);
  if (*v == '\0' || strlen (v) > 2048 || !g_utf8_validate (v, -1, NULL))
    return FALSE;
  g_free (best->value);
  best->value = g_steal_pointer (&v);
  best->rank = rank;
  return TRUE;
}

static gboolean
author_known (GPtrArray *authors, const char *name)
{
  for (guint i = 0; i < authors->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (authors, i), name) == 0)
      return TRUE;
  return FALSE;
}

/* "By Jane Doe and John Roe", "Jane Doe, John Roe": one name each. */
void
clip_page_add_author (PageMeta *meta, const char *value, int rank)
{
  g_autofree char *v = NULL;
  g_auto(GStrv) parts = NULL;
  char *s;

  if (value == NULL || rank > meta->authors_rank)
    return;
  if (rank < meta->authors_rank)
    {
      g_ptr_array_set_size (meta->authors, 0);
      meta->authors_rank = rank;
    }
  v = g_strstrip (g_strdup (value));
  s = v;
  if (g_ascii_strncasecmp (s, "by ", 3) == 0)
    s += 3;
  if (strlen (s) > 200 || g_str_has_prefix (s, "http") || !g_utf8_validate (s, -1, NULL))
    return;
  /* " and " splits a list of people, and so do commas when each part
   * looks like a name of its own (more than one word) */
  {
    g_autofree char *norm = g_strdup (s);
    char *and;

    while ((and = strstr (norm, " and ")) != NULL)
      memcpy (and, " ,,  ", 5);
    parts = g_strsplit (norm, ",", 16);
  }
  for (guint i = 0; parts[i]; i++)
    {
      char *name = g_strstrip (parts[i]);

      if (*name == '\0' || meta->authors->len >= 16 || author_known (meta->authors, name))
        continue;
      g_ptr_array_add (meta->authors, g_strdup (name));
    }
}

typedef struct {
  const char   *name;      /* the name or property, lower case */
  int           field;     /* F_* below */
  int           rank;
  ClipPageRole  role;
} MetaRule;

enum { F_TITLE, F_AUTHOR, F_DATE, F_SITE, F_IMAGE, F_URL, F_LANG };

static const MetaRule meta_rules[] = {
  { "og:title", F_TITLE, 15, 0 },
  { "twitter:title", F_TITLE, 18, 0 },
  { "dc.title", F_TITLE, 20, 0 },
  { "citation_title", F_TITLE, 20, 0 },
  { "parsely-title", F_TITLE, 20, 0 },
  { "sailthru.title", F_TITLE, 22, 0 },
  { "author", F_AUTHOR, 25, 0 },
  { "article:author", F_AUTHOR, 20, 0 },
  { "parsely-author", F_AUTHOR, 22, 0 },
  { "sailthru.author", F_AUTHOR, 22, 0 },
  { "dc.creator", F_AUTHOR, 22, 0 },
  { "dcterms.creator", F_AUTHOR, 22, 0 },
  { "citation_author", F_AUTHOR, 20, 0 },
  { "byl", F_AUTHOR, 24, 0 },
  { "twitter:creator", F_AUTHOR, 40, 0 },
  { "article:published_time", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "og:published_time", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "article:published", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "published_time", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "publish-date", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "publish_date", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "publishdate", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "pubdate", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "date", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "datepublished", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "dc.date", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "dc.date.issued", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "dc.date.created", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "dcterms.created", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "dcterms.issued", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "dcterms.date", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "citation_publication_date", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "citation_date", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "citation_online_date", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "parsely-pub-date", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "sailthru.date", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "article.published", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "originalpublicationdate", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "og:article:published_time", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "release_date", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "dc:date", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "dc:created", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "dc:issued", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "dcterms:created", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "dcterms:issued", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "schema:datepublished", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "schema:datecreated", F_DATE, 0, CLIP_PAGE_ROLE_PUBLISHED },
  { "dc:modified", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "dcterms:modified", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "schema:datemodified", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "article:modified_time", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "og:updated_time", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "og:article:modified_time", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "modified_time", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "datemodified", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "dc.date.modified", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "dcterms.modified", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "last-modified", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "lastmod", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "article.updated", F_DATE, 0, CLIP_PAGE_ROLE_MODIFIED },
  { "og:site_name", F_SITE, 15, 0 },
  { "application-name", F_SITE, 30, 0 },
  { "og:image", F_IMAGE, 15, 0 },
  { "og:image:url", F_IMAGE, 15, 0 },
  { "og:image:secure_url", F_IMAGE, 14, 0 },
  { "twitter:image", F_IMAGE, 18, 0 },
  { "twitter:image:src", F_IMAGE, 18, 0 },
  { "og:url", F_URL, 20, 0 },
  { "og:locale", F_LANG, 25, 0 },
  { "content-language", F_LANG, 20, 0 },
  { "dc.language", F_LANG, 20, 0 },
  { "language", F_LANG, 30, 0 },
};

/* "0; URL='/next'": where the page sends its readers. */
static void
read_refresh (PageDoc *pd, const char *content)
{
  g_autofree char *lower = g_ascii_strdown (content, -1);
  const char *u = strstr (lower, "url");
  g_autofree char *target = NULL;

  if (u == NULL || pd->page->refresh_url)
    return;
  u += 3;
  while (*u == ' ')
    u++;
  if (*u != '=')
    return;
  target = g_strdup (content + (u + 1 - lower));
  g_strdelimit (target, "'\"", ' ');
  g_strstrip (target);
  pd->page->refresh_url = clip_page_resolve (pd, target);
  if (pd->page->refresh_url)
    clip_page_problem (pd->page, "meta-refresh", _("The page sends readers on to %s"),
                       pd->page->refresh_url);
}

/* key is one name, or RDFa's several separated by spaces. */
static gboolean
has_key (const char *key, const char *name)
{
  gsize n = strlen (name);

  for (const char *k = key; *k; )
    {
      const char *end = k;

      while (*end && !g_ascii_isspace (*end))
        end++;
      if ((gsize) (end - k) == n && g_ascii_strncasecmp (k, name, n) == 0)
        return TRUE;
      while (*end && g_ascii_isspace (*end))
        end++;
      k = end;
    }
  return FALSE;
}

static void
read_meta (PageDoc *pd, PageMeta *meta, xmlNodePtr node)
{
  const char *name = clip_page_attr (node, "property");
  const char *content = clip_page_attr (node, "content");
  const char *equiv = clip_page_attr (node, "http-equiv");

  if (content == NULL)
    return;
  if (equiv && g_ascii_strcasecmp (equiv, "refresh") == 0)
    {
      read_refresh (pd, content);
      return;
    }
  for (int pass = 0; pass < 3; pass++)
    {
      const char *key = pass == 0 ? name : pass == 1 ? clip_page_attr (node, "name")
                                                     : clip_page_attr (node, "itemprop");

      if (pass == 2 && key == NULL)
        key = equiv;
      if (key == NULL)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (meta_rules); i++)
        {
          const MetaRule *r = &meta_rules[i];

          if (!has_key (key, r->name))
            continue;
          switch (r->field)
            {
            case F_TITLE: clip_page_best_set (&meta->title, content, r->rank); break;
            case F_AUTHOR: clip_page_add_author (meta, content, r->rank); break;
            case F_SITE: clip_page_best_set (&meta->site_name, content, r->rank); break;
            case F_LANG: clip_page_best_set (&meta->language, content, r->rank); break;
            case F_DATE:
              clip_page_add_date_text (pd, content, pass == 2 ? CLIP_PAGE_SOURCE_MICRODATA
                                                              : CLIP_PAGE_SOURCE_META, r->role, r->name);
              break;
            case F_IMAGE:
            case F_URL:
              {
                g_autofree char *abs = clip_page_resolve (pd, content);

                clip_page_best_set (r->field == F_URL ? &meta->canonical : &meta->image, abs, r->rank);
              }
              break;
            default:
              break;
            }
        }
    }
}

static void
read_link (PageDoc *pd, PageMeta *meta, xmlNodePtr node)
{
  const char *rel = clip_page_attr (node, "rel");
  const char *href = clip_page_attr (node, "href");
  g_autofree char *abs = NULL;

  if (rel == NULL || href == NULL)
    return;
  abs = clip_page_resolve (pd, href);
  if (g_ascii_strcasecmp (rel, "canonical") == 0)
    clip_page_best_set (&meta->canonical, abs, 10);
  else if (g_ascii_strcasecmp (rel, "image_src") == 0)
    clip_page_best_set (&meta->image, abs, 25);
}

static void
read_script (PageDoc *pd, PageMeta *meta, xmlNodePtr node)
{
  const char *type = clip_page_attr (node, "type");
  g_autoptr(GString) text = NULL;

  if (type == NULL || g_ascii_strcasecmp (type, "application/ld+json") != 0)
    return;
  text = g_string_new (NULL);
  for (xmlNodePtr c = node->children; c; c = c->next)
    if (c->content)
      g_string_append (text, (const char *) c->content);
  clip_page_read_jsonld (pd, meta, text->str, text->len);
}

/* itemprop="datePublished" on an element: its content or datetime
 * attribute, else its text. */
static void
read_itemprop (PageDoc *pd, PageMeta *meta, xmlNodePtr node, const char *prop)
{
  ClipPageRole role;
  const char *v;
  g_autoptr(GString) text = g_string_new (NULL);

  if (g_ascii_strcasecmp (prop, "datePublished") == 0 || g_ascii_strcasecmp (prop, "dateCreated") == 0)
    role = CLIP_PAGE_ROLE_PUBLISHED;
  else if (g_ascii_strcasecmp (prop, "dateModified") == 0)
    role = CLIP_PAGE_ROLE_MODIFIED;
  else
    {
      if (g_ascii_strcasecmp (prop, "author") == 0 || g_ascii_strcasecmp (prop, "creator") == 0)
        {
          xmlNodePtr name = NULL;

          for (xmlNodePtr n = node->children; n && !name; n = clip_page_next (n, node, FALSE))
            if (n->type == XML_ELEMENT_NODE && g_strcmp0 (clip_page_attr (n, "itemprop"), "name") == 0)
              name = n;
          v = clip_page_attr (name ? name : node, "content");
          if (v == NULL)
            clip_page_node_text (name ? name : node, text, 200);
          clip_page_add_author (meta, v ? v : text->str, 30);
        }
      else if (g_ascii_strcasecmp (prop, "headline") == 0)
        {
          clip_page_node_text (node, text, 1000);
          clip_page_best_set (&meta->title, text->str, 30);
        }
      return;
    }
  v = clip_page_attr (node, "content");
  if (v == NULL)
    v = clip_page_attr (node, "datetime");
  if (v == NULL)
    {
      clip_page_node_text (node, text, 200);
      v = text->str;
    }
  clip_page_add_date_text (pd, v, CLIP_PAGE_SOURCE_MICRODATA, role, prop);
}

/* rel=author links, RDFa persons, and the short text of an element whose
 * class says it is the author: the weakest signs of authorship. */
static void
read_byline (PageMeta *meta, xmlNodePtr node, NodeInfo *ni)
{
  const char *rel = clip_page_attr (node, "rel");
  const char *type = clip_page_attr (node, "typeof");
  const char *cls = clip_page_attr (node, "class");
  g_autoptr(GString) text = NULL;
  int rank;

  if (rel && has_key (rel, "author"))
    rank = 36;
  else if (type && strstr (type, "Person"))
    rank = 38;
  else if (cls && (has_key (cls, "author") || has_key (cls, "fn") || has_key (cls, "byline-name") ||
                   has_key (cls, "author-name")))
    rank = 40;
  else
    return;
  if (ni->text == 0 || ni->text > 60 || (ni->flags & NI_SKIP))
    return;
  text = g_string_new (NULL);
  clip_page_node_text (node, text, 200);
  clip_page_add_author (meta, text->str, rank);
}

static void
read_time (PageDoc *pd, xmlNodePtr node)
{
  const char *dt = clip_page_attr (node, "datetime");
  const char *cls = clip_page_attr (node, "class");
  ClipPageRole role = CLIP_PAGE_ROLE_UNKNOWN;

  if (dt == NULL || clip_page_attr (node, "itemprop"))
    return;
  if (clip_page_attr (node, "pubdate"))
    role = CLIP_PAGE_ROLE_PUBLISHED;
  else if (cls && (strstr (cls, "modif") || strstr (cls, "updat")))
    role = CLIP_PAGE_ROLE_MODIFIED;
  else if (cls && (strstr (cls, "publish") || strstr (cls, "posted") || strstr (cls, "entry-date")))
    role = CLIP_PAGE_ROLE_PUBLISHED;
  clip_page_add_date_text (pd, dt, CLIP_PAGE_SOURCE_TIME, role, "time");
}

/* "Site | Headline", "Headline - Site": the longest part when a separator
 * is there and the rest is short. */
static char *
title_from_document (const char *title)
{
  static const char * const seps[] = { " | ", " - ", " – ", " — ", " :: ", " // ", " · " };
  const char *best = title;
  gsize best_len = strlen (title);

  for (guint i = 0; i < G_N_ELEMENTS (seps); i++)
    {
      g_auto(GStrv) parts = g_strsplit (title, seps[i], 0);
      guint n = g_strv_length (parts);

      if (n < 2)
        continue;
      for (guint k = 0; k < n; k++)
        if (strlen (parts[k]) * 2 > strlen (title) && g_utf8_strlen (parts[k], -1) >= 15)
          return g_strstrip (g_strdup (parts[k]));
    }
  return g_strndup (best, best_len);
}

static void
finish (PageDoc *pd, PageMeta *meta)
{
  ClipPage *page = pd->page;

  page->title = g_steal_pointer (&meta->title.value);
  page->canonical_url = g_steal_pointer (&meta->canonical.value);
  page->site_name = g_steal_pointer (&meta->site_name.value);
  page->image = g_steal_pointer (&meta->image.value);
  page->language = g_steal_pointer (&meta->language.value);
  if (page->language)
    {
      g_strdelimit (page->language, "_", '-');
      if (strlen (page->language) > 35)
        g_clear_pointer (&page->language, g_free);
    }
  for (guint i = 0; i < meta->authors->len; i++)
    g_ptr_array_add (page->authors, g_strdup (g_ptr_array_index (meta->authors, i)));
  g_free (meta->site_name.value);
  g_ptr_array_unref (meta->authors);
}

/* The top-level heading that matches the title, for the body to leave out
 * and the date lines to be looked for near. */
static void
find_title_node (PageDoc *pd, GPtrArray *headings)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *title = pd->page->title;

  for (guint i = 0; i < headings->len && pd->title_node == NULL; i++)
    {
      xmlNodePtr h = g_ptr_array_index (headings, i);

      g_string_truncate (text, 0);
      clip_page_node_text (h, text, 2048);
      if (text->len >= 8 && title &&
          (strstr (title, text->str) || strstr (text->str, title)))
        pd->title_node = h;
    }
  if (pd->title_node == NULL && headings->len > 0 &&
      INFO ((xmlNodePtr) g_ptr_array_index (headings, 0))->tag == T_H1)
    pd->title_node = g_ptr_array_index (headings, 0);
  if (title == NULL && pd->title_node)
    {
      g_string_truncate (text, 0);
      clip_page_node_text (pd->title_node, text, 2048);
      pd->page->title = g_strdup (text->str);
    }
}

void
clip_page_read_meta (PageDoc *pd)
{
  PageMeta meta = { { 0 } };
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  g_autofree char *doc_title = NULL;
  const char *lang = pd->html ? clip_page_attr (pd->html, "lang") : NULL;

  meta.authors = g_ptr_array_new_with_free_func (g_free);
  meta.authors_rank = G_MAXINT;
  if (lang == NULL && pd->html)
    lang = clip_page_attr (pd->html, "xml:lang");
  clip_page_best_set (&meta.language, lang, 10);
  for (xmlNodePtr n = pd->html; n; n = clip_page_next (n, pd->html, FALSE))
    {
      NodeInfo *ni;
      const char *prop;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      ni = INFO (n);
      switch (ni->tag)
        {
        case T_META: read_meta (pd, &meta, n); break;
        case T_LINK: read_link (pd, &meta, n); break;
        case T_SCRIPT: read_script (pd, &meta, n); break;
        case T_TIME: read_time (pd, n); break;
        case T_TITLE:
          if (doc_title == NULL)
            {
              g_autoptr(GString) t = g_string_new (NULL);

              for (xmlNodePtr c = n->children; c; c = c->next)
                if (c->content)
                  g_string_append (t, (const char *) c->content);
              doc_title = title_from_document (g_strstrip (t->str));
            }
          break;
        case T_H1: case T_H2:
          if (!(ni->flags & (NI_SKIP | NI_CHROME)) && headings->len < 8 &&
              (ni->tag == T_H1 || headings->len == 0))
            g_ptr_array_add (headings, n);
          break;
        default:
          break;
        }
      if (n->properties && ni->tag != T_META)
        {
          if ((prop = clip_page_attr (n, "itemprop")))
            read_itemprop (pd, &meta, n, prop);
          if (clip_page_attr (n, "property") && clip_page_attr (n, "content"))
            read_meta (pd, &meta, n);
          read_byline (&meta, n, ni);
        }
    }
  clip_page_best_set (&meta.title, doc_title, 50);
  finish (pd, &meta);
  find_title_node (pd, headings);
}
