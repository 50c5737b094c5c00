/* clip-article-page.c — when to read an article's page, and what of it
 * the archive keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-article-page.h"
#include "clip-store-sql.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

static guint
count_words (const char *text, guint stop_at)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p && n < stop_at; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word = g_unichar_isalnum (c);

      if (word && !in_word)
        n++;
      in_word = word;
    }
  return n;
}

/* Letters and digits only, folded: "The title!" and "the title" agree. */
static char *
fold_alnum (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);
  GString *s = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (s, g_utf8_get_char (p));
  return g_string_free (s, FALSE);
}

static gboolean
ends_as_teaser (const char *text)
{
  static const char *const tails[] = {
    "…", "...", "[…]", "[...]", "read more", "continue reading", "read the full story",
    "читать далее", "подробнее", "читати далі", "детальніше", "ვრცლად",
  };
  g_autofree char *tail = NULL;
  gsize len;

  tail = g_utf8_casefold (text, -1);
  g_strchomp (tail);
  len = strlen (tail);
  /* "Read more »", "Read more →": the decoration does not count. */
  while (len > 0 && (strchr (" \t\n»>→:.", tail[len - 1]) != NULL || (guchar) tail[len - 1] >= 0x80))
    {
      if (g_str_has_suffix (tail, "…") || g_str_has_suffix (tail, "..."))
        return TRUE;
      if ((guchar) tail[len - 1] >= 0x80)
        {
          char *prev = g_utf8_find_prev_char (tail, tail + len);
          gunichar c = prev ? g_utf8_get_char (prev) : 0;

          if (prev == NULL || g_unichar_isalnum (c))
            break;
          len = prev - tail;
        }
      else
        len--;
      tail[len] = '\0';
    }
  for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
    if (g_str_has_suffix (tail, tails[i]))
      return TRUE;
  return FALSE;
}

gboolean
clip_feed_text_looks_cut (const ClipArticle *a)
{
  const char *body = clip_article_body (a);
  g_autofree char *b = NULL;
  g_autofree char *t = NULL;

  if (count_words (body, CLIP_FULL_TEXT_MIN_WORDS) < CLIP_FULL_TEXT_MIN_WORDS)
    return TRUE;
  if (ends_as_teaser (body))
    return TRUE;
  b = fold_alnum (body);
  t = fold_alnum (a->title);
  return *t != '\0' && strcmp (b, t) == 0;
}

gboolean
clip_article_page_host_refused (const char *host)
{
  static gint only = -1;
  g_autoptr(GInetAddress) address = NULL;

  if (only < 0)
    only = g_getenv ("CLIPPINGS_FETCH_LOOPBACK_ONLY") != NULL;
  if (!only || g_ascii_strcasecmp (host, "localhost") == 0)
    return FALSE;
  address = g_inet_address_new_from_string (host);
  return address == NULL || !g_inet_address_get_is_loopback (address);
}

static gboolean
refused_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return uri == NULL || g_uri_get_host (uri) == NULL ||
         clip_article_page_host_refused (g_uri_get_host (uri));
}

gboolean
clip_full_text_wanted (ClipFullText       mode,
                       const ClipArticle *a)
{
  if (a->url == NULL || !(g_str_has_prefix (a->url, "http://") || g_str_has_prefix (a->url, "https://")) ||
      refused_url (a->url))
    return FALSE;
  switch (mode)
    {
    case CLIP_FULL_TEXT_ALWAYS:
      return TRUE;
    case CLIP_FULL_TEXT_NEVER:
      return FALSE;
    case CLIP_FULL_TEXT_AUTO:
    default:
      return clip_feed_text_looks_cut (a);
    }
}

static void
add_candidate (JsonBuilder *b, gint64 date, const char *source)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (date);
  g_autofree char *iso = dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  if (iso == NULL)
    return;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "date");
  json_builder_add_string_value (b, iso);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, source);
  json_builder_end_object (b);
}

static char *
candidates_json (const ClipArticle *a, gint64 feed, const ClipPage *page, const char *feed_source)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  json_builder_begin_array (b);
  if (feed_source != NULL)
    add_candidate (b, feed, feed_source);
  /* The page's dates that are not clocks, each date and source once. */
  for (guint i = 0; page && i < page->date_candidates->len; i++)
    {
      const ClipPageDate *d = g_ptr_array_index (page->date_candidates, i);
      char *key;

      if (d->clock != CLIP_PAGE_CLOCK_NONE || d->role == CLIP_PAGE_ROLE_MODIFIED)
        continue;
      key = g_strdup_printf ("%" G_GINT64_FORMAT "/%d", d->date, d->source);
      if (!g_hash_table_add (seen, key))
        continue;
      add_candidate (b, d->date, clip_page_source_name (d->source));
    }
  add_candidate (b, a->fetched, "first-seen");
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

ClipStoredPage *
clip_article_page_build (const ClipArticle *a,
                         const ClipPage    *page,
                         const char        *final_url,
                         gint64             fetch_time)
{
  ClipStoredPage *p = g_new0 (ClipStoredPage, 1);
  /* The stored `published` is the feed's unless an earlier page set it. */
  gboolean from_feed = a->date_source == NULL || strcmp (a->date_source, "feed") == 0;
  /* The feed's date: its published, else its only date (Atom's updated). */
  gint64 feed = from_feed && a->published != CLIP_NO_DATE ? a->published : a->updated;
  gboolean feed_dated = feed != CLIP_NO_DATE;
  gint64 seen = a->fetched;

  p->fetched = fetch_time;
  p->url = g_strdup (final_url);
  p->published = CLIP_NO_DATE;
  if (page->text == NULL || count_words (page->text, 1) == 0)
    {
      p->state = CLIP_PAGE_STATE_NO_TEXT;
      p->error = g_strdup (_("no article text on the page"));
      p->date_candidates = candidates_json (a, feed, page, feed_dated ? "feed" : NULL);
      return p;
    }
  p->state = CLIP_PAGE_STATE_FETCHED;
  p->title = g_strdup (page->title);
  p->text = g_strdup (page->text);
  p->html = g_strdup (page->html);
  p->published = page->published;
  p->published_source = page->published != CLIP_NO_DATE
                        ? g_strdup (clip_page_source_name (page->published_source)) : NULL;
  if (page->authors->len > 0)
    {
      g_autoptr(GStrvBuilder) sb = g_strv_builder_new ();
      g_auto(GStrv) names = NULL;

      for (guint i = 0; i < page->authors->len; i++)
        g_strv_builder_add (sb, g_ptr_array_index (page->authors, i));
      names = g_strv_builder_end (sb);
      p->author = g_strjoinv (", ", names);
    }
  p->date_candidates = candidates_json (a, feed, page, feed_dated ? "feed" : NULL);
  /* First seen bounds a publication date from above only: an old story
   * first seen today is normal, one "published" after we saw it is not. */
  p->date_uncertain =
    (feed != CLIP_NO_DATE && p->published != CLIP_NO_DATE &&
     ABS (feed - p->published) > CLIP_DATE_UNCERTAIN_SPAN) ||
    (feed != CLIP_NO_DATE && seen > 0 && feed > seen + CLIP_DATE_UNCERTAIN_SPAN) ||
    (p->published != CLIP_NO_DATE && seen > 0 && p->published > seen + CLIP_DATE_UNCERTAIN_SPAN);
  return p;
}

ClipEvidence *
clip_article_evidence_new (gint64                   article_id,
                           const char              *url,
                           const ClipFetchResponse *r,
                           gint64                   captured)
{
  ClipEvidence *e = g_new0 (ClipEvidence, 1);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  e->article_id = article_id;
  e->url = g_strdup (url);
  e->final_url = g_strdup (r->url);
  e->status = r->status;
  e->captured = captured;
  e->content_type = g_strdup (r->content_type);
  json_builder_begin_object (b);
  for (guint i = 0; r->headers && r->headers[i]; i++)
    {
      const char *colon = strchr (r->headers[i], ':');
      g_autofree char *name = colon ? g_strndup (r->headers[i], colon - r->headers[i]) : NULL;

      if (name == NULL)
        continue;
      json_builder_set_member_name (b, name);
      json_builder_add_string_value (b, colon + 1 + (colon[1] == ' '));
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  e->headers = json_to_string (root, FALSE);
  return e;
}
