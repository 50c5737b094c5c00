/* clip-article.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-article.h"

#include <string.h>

ClipArticle *
clip_article_new (void)
{
  ClipArticle *a = g_new0 (ClipArticle, 1);

  a->published = CLIP_NO_DATE;
  a->updated = CLIP_NO_DATE;
  return a;
}

ClipArticle *
clip_article_copy (const ClipArticle *a)
{
  ClipArticle *c = g_memdup2 (a, sizeof *a);

  c->guid = g_strdup (a->guid);
  c->url = g_strdup (a->url);
  c->title = g_strdup (a->title);
  c->author = g_strdup (a->author);
  c->summary_html = g_strdup (a->summary_html);
  c->summary_text = g_strdup (a->summary_text);
  c->content_html = g_strdup (a->content_html);
  c->content_text = g_strdup (a->content_text);
  c->lang = g_strdup (a->lang);
  c->note = g_strdup (a->note);
  c->outlet_name = g_strdup (a->outlet_name);
  c->page_text = g_strdup (a->page_text);
  c->page_html = g_strdup (a->page_html);
  c->page_url = g_strdup (a->page_url);
  c->date_source = g_strdup (a->date_source);
  return c;
}

void
clip_article_free (ClipArticle *a)
{
  if (a == NULL)
    return;
  g_free (a->guid);
  g_free (a->url);
  g_free (a->title);
  g_free (a->author);
  g_free (a->summary_html);
  g_free (a->summary_text);
  g_free (a->content_html);
  g_free (a->content_text);
  g_free (a->lang);
  g_free (a->note);
  g_free (a->outlet_name);
  g_free (a->page_text);
  g_free (a->page_html);
  g_free (a->page_url);
  g_free (a->date_source);
  g_free (a);
}

/* The text that rules and the index call "body": the full text when the
 * source gave one, else the summary. The store's generated column `body`
 * computes the same. */
const char *
clip_article_body (const ClipArticle *a)
{
  if (a->content_text != NULL && a->content_text[0] != '\0')
    return a->content_text;
  return a->summary_text != NULL ? a->summary_text : "";
}

static void
hash_field (GChecksum *sum, const char *s)
{
  /* Length-prefixed so that moving text between fields changes the hash. */
  gsize len = s ? strlen (s) : 0;
  char prefix[24];

  g_snprintf (prefix, sizeof prefix, "%" G_GSIZE_FORMAT ":", len);
  g_checksum_update (sum, (const guchar *) prefix, -1);
  if (len)
    g_checksum_update (sum, (const guchar *) s, len);
}

char *
clip_article_content_hash (const ClipArticle *a)
{
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA1);
  char *hex;

  hash_field (sum, a->url);
  hash_field (sum, a->title);
  hash_field (sum, a->author);
  hash_field (sum, a->summary_html);
  hash_field (sum, a->content_html);
  hash_field (sum, a->lang);
  hash_field (sum, a->published == CLIP_NO_DATE ? NULL : "p");
  if (a->published != CLIP_NO_DATE)
    {
      char t[32];
      g_snprintf (t, sizeof t, "%" G_GINT64_FORMAT, a->published);
      hash_field (sum, t);
    }
  hex = g_strdup (g_checksum_get_string (sum));
  g_checksum_free (sum);
  return hex;
}

/* The time an article is shown and sorted by: when it was published,
 * where the source says and the date is not in the future, else when we
 * first saw it. A date more than CLIP_ARTICLE_FUTURE_SKEW after the fetch
 * is a feed's error (a time zone taken for UTC) or an embargo: trusted,
 * it would sit at the top of every list for hours or years. An article
 * not stored yet (fetched 0) has no fetch to judge by. The archive's
 * article_times table (schema 5) holds the same, computed in SQL. */
ClipTimeSource
clip_article_time_source (const ClipArticle *a)
{
  if (a->published == CLIP_NO_DATE)
    return CLIP_TIME_FETCHED;
  if (a->fetched == 0 || a->published <= a->fetched + CLIP_ARTICLE_FUTURE_SKEW)
    return CLIP_TIME_PUBLISHED;
  return CLIP_TIME_FETCHED_FUTURE;
}

gint64
clip_article_time (const ClipArticle *a)
{
  return clip_article_time_source (a) == CLIP_TIME_PUBLISHED ? a->published : a->fetched;
}

const char *
clip_time_source_to_string (ClipTimeSource source)
{
  switch (source)
    {
    case CLIP_TIME_PUBLISHED:
      return "published";
    case CLIP_TIME_FETCHED_FUTURE:
      return "fetched-future";
    case CLIP_TIME_FETCHED:
    default:
      return "fetched";
    }
}

const char *
clip_article_best_text (const ClipArticle *a)
{
  return a->page_text != NULL && *a->page_text != '\0' ? a->page_text : clip_article_body (a);
}

gssize
clip_article_page_offset (const ClipArticle *a)
{
  if (a->page_text == NULL || *a->page_text == '\0')
    return -1;
  return (gssize) strlen (clip_article_body (a)) + 2;
}

char *
clip_article_dup_match_body (const ClipArticle *a)
{
  if (a->page_text == NULL || *a->page_text == '\0')
    return g_strdup (clip_article_body (a));
  return g_strconcat (clip_article_body (a), "\n\n", a->page_text, NULL);
}
