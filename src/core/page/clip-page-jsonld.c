/* clip-page-jsonld.c — what a page's JSON-LD says about its article
 *
 * schema.org's Article family (NewsArticle, BlogPosting, LiveBlogPosting…)
 * gives the headline, authors, dates, publisher, image, language and often
 * the whole articleBody. Objects are found at the top, in arrays and in
 * @graph; a WebPage's dates count only where no article says otherwise.
 * The text is untrusted: its nesting is checked before json-glib (which
 * recurses) reads it, and raw control characters, which many sites leave
 * in strings, are made spaces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-page-private.h"
#include "clip-date.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MAX_LD_BYTES (2 * 1024 * 1024)
#define MAX_LD_DEPTH 48
#define RANK_ARTICLE 10
#define RANK_PAGE    35

static const char * const article_types[] = {
  "Article", "NewsArticle", "BlogPosting", "LiveBlogPosting", "ReportageNewsArticle",
  "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle",
  "AskPublicNewsArticle", "SatiricalArticle", "ScholarlyArticle", "TechArticle", "Report",
  "SocialMediaPosting", "DiscussionForumPosting", "Review", "Blog", "Posting",
  "VideoObject", "Recipe",
};

static gboolean
depth_ok (const char *s, gsize len)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = s[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_LD_DEPTH)
            return FALSE;
        }
      else if (c == '}' || c == ']')
        depth--;
    }
  return TRUE;
}

/* 1 for an article type, 2 for a web page, 0 for anything else. */
static int
object_kind (JsonObject *o)
{
  JsonNode *t = json_object_get_member (o, "@type");
  const char *names[8];
  guint n = 0;

  if (t == NULL)
    return 0;
  if (JSON_NODE_HOLDS_VALUE (t) && json_node_get_value_type (t) == G_TYPE_STRING)
    names[n++] = json_node_get_string (t);
  else if (JSON_NODE_HOLDS_ARRAY (t))
    {
      JsonArray *a = json_node_get_array (t);

      for (guint i = 0; i < json_array_get_length (a) && n < G_N_ELEMENTS (names); i++)
        {
          JsonNode *e = json_array_get_element (a, i);

          if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
            names[n++] = json_node_get_string (e);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      const char *name = names[i];

      if (g_str_has_prefix (name, "http://schema.org/") || g_str_has_prefix (name, "https://schema.org/"))
        name = strrchr (name, '/') + 1;
      for (guint k = 0; k < G_N_ELEMENTS (article_types); k++)
        if (strcmp (name, article_types[k]) == 0)
          return 1;
      if (strcmp (name, "WebPage") == 0 || strcmp (name, "ItemPage") == 0)
        return 2;
    }
  return 0;
}

static const char *
get_string (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;

  if (n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return json_node_get_string (n);
  return NULL;
}

/* A string, or an object's "name"/"url", or the first of an array's. */
static const char *
get_name (JsonNode *n, const char *key)
{
  if (n == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return json_node_get_string (n);
  if (JSON_NODE_HOLDS_OBJECT (n))
    return get_string (json_node_get_object (n), key);
  if (JSON_NODE_HOLDS_ARRAY (n) && json_array_get_length (json_node_get_array (n)) > 0)
    return get_name (json_array_get_element (json_node_get_array (n), 0), key);
  return NULL;
}

static void
read_authors (PageMeta *meta, JsonNode *n, int rank)
{
  if (n == NULL)
    return;
  if (JSON_NODE_HOLDS_ARRAY (n))
    {
      JsonArray *a = json_node_get_array (n);

      for (guint i = 0; i < json_array_get_length (a) && i < 32; i++)
        {
          const char *name = get_name (json_array_get_element (a, i), "name");

          if (name)
            clip_page_add_author (meta, name, rank);
        }
    }
  else
    {
      const char *name = get_name (n, "name");

      if (name && !g_str_has_prefix (name, "http"))
        clip_page_add_author (meta, name, rank);
    }
}

static void
read_object (PageDoc *pd, PageMeta *meta, JsonObject *o, int kind)
{
  int rank = kind == 1 ? RANK_ARTICLE : RANK_PAGE;
  ClipPageSource src = CLIP_PAGE_SOURCE_JSON_LD;
  const char *s;
  JsonNode *n;

  clip_page_add_date_text (pd, get_string (o, "datePublished"), src, CLIP_PAGE_ROLE_PUBLISHED, "datePublished");
  clip_page_add_date_text (pd, get_string (o, "dateCreated"), src, CLIP_PAGE_ROLE_PUBLISHED, "dateCreated");
  clip_page_add_date_text (pd, get_string (o, "uploadDate"), src, CLIP_PAGE_ROLE_PUBLISHED, "uploadDate");
  clip_page_add_date_text (pd, get_string (o, "dateModified"), src, CLIP_PAGE_ROLE_MODIFIED, "dateModified");
  if (kind == 2)
    return;
  if ((n = json_object_get_member (o, "isAccessibleForFree")) && JSON_NODE_HOLDS_VALUE (n) &&
      ((json_node_get_value_type (n) == G_TYPE_BOOLEAN && !json_node_get_boolean (n)) ||
       (json_node_get_value_type (n) == G_TYPE_STRING &&
        g_ascii_strcasecmp (json_node_get_string (n), "false") == 0)) && !pd->paywalled)
    {
      pd->paywalled = TRUE;
      clip_page_problem (pd->page, "paywall", "%s",
                         _("The page says the article is for subscribers: the text may be only its start"));
    }
  if ((s = get_string (o, "headline")) || (s = get_string (o, "name")))
    clip_page_best_set (&meta->title, s, rank);
  read_authors (meta, json_object_get_member (o, "author"), rank);
  read_authors (meta, json_object_get_member (o, "creator"), rank + 1);
  if ((n = json_object_get_member (o, "publisher")) && (s = get_name (n, "name")))
    clip_page_best_set (&meta->site_name, s, rank);
  if ((n = json_object_get_member (o, "image")) && (s = get_name (n, "url")))
    {
      g_autofree char *abs = clip_page_resolve (pd, s);

      clip_page_best_set (&meta->image, abs, rank + 5);
    }
  if ((s = get_name (json_object_get_member (o, "inLanguage"), "name")))
    clip_page_best_set (&meta->language, s, rank);
  if ((s = get_string (o, "articleBody")) && (pd->ld_body == NULL || strlen (s) > strlen (pd->ld_body)))
    {
      g_free (pd->ld_body);
      pd->ld_body = g_strdup (s);
    }
}

static void
walk (PageDoc *pd, PageMeta *meta, JsonNode *n, guint depth)
{
  if (n == NULL || depth > 4)
    return;
  if (JSON_NODE_HOLDS_ARRAY (n))
    {
      JsonArray *a = json_node_get_array (n);

      for (guint i = 0; i < json_array_get_length (a) && i < 64; i++)
        walk (pd, meta, json_array_get_element (a, i), depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (n))
    {
      JsonObject *o = json_node_get_object (n);
      int kind = object_kind (o);

      if (kind)
        read_object (pd, meta, o, kind);
      walk (pd, meta, json_object_get_member (o, "@graph"), depth + 1);
      if (kind == 2)
        walk (pd, meta, json_object_get_member (o, "mainEntity"), depth + 1);
    }
}

void
clip_page_read_jsonld (PageDoc *pd, PageMeta *meta, const char *text, gsize len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *copy = NULL;
  const char *start = text, *end = text + len;

  /* "<!--", "//<![CDATA[" and their ends around the JSON */
  while (start < end && *start != '{' && *start != '[')
    start++;
  while (end > start && end[-1] != '}' && end[-1] != ']')
    end--;
  if (end <= start || end - start > MAX_LD_BYTES || !depth_ok (start, end - start))
    return;
  if (!json_parser_load_from_data (parser, start, end - start, NULL))
    {
      copy = g_strndup (start, end - start);
      for (char *p = copy; *p; p++)
        if ((guchar) *p < 0x20)
          *p = ' ';
      if (!json_parser_load_from_data (parser, copy, -1, NULL))
        return;
    }
  walk (pd, meta, json_parser_get_root (parser), 0);
}
