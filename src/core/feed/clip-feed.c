/* clip-feed.c — bytes in, a feed out: size limit, encoding, format sniffing
 *
 * The readers for each format live in clip-feed-xml.c and clip-feed-json.c;
 * this file decides which one reads the bytes (after turning them into
 * UTF-8) and holds what they share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-private.h"
#include "clip-charset.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

G_DEFINE_QUARK (clip-feed-error-quark, clip_feed_error)

const char *
clip_feed_format_name (ClipFeedFormat format)
{
  switch (format)
    {
    case CLIP_FEED_FORMAT_RSS090: return "rss090";
    case CLIP_FEED_FORMAT_RSS091: return "rss091";
    case CLIP_FEED_FORMAT_RSS092: return "rss092";
    case CLIP_FEED_FORMAT_RSS093: return "rss093";
    case CLIP_FEED_FORMAT_RSS094: return "rss094";
    case CLIP_FEED_FORMAT_RSS10:  return "rss10";
    case CLIP_FEED_FORMAT_RSS20:  return "rss20";
    case CLIP_FEED_FORMAT_ATOM03: return "atom03";
    case CLIP_FEED_FORMAT_ATOM10: return "atom10";
    case CLIP_FEED_FORMAT_JSON10: return "json10";
    case CLIP_FEED_FORMAT_JSON11: return "json11";
    case CLIP_FEED_FORMAT_CDF:    return "cdf";
    case CLIP_FEED_FORMAT_UNKNOWN:
    default:
      return "unknown";
    }
}

void
clip_feed_add_problem (ClipFeed *feed, const char *kind, gint line, const char *format, ...)
{
  ClipFeedProblem *problem;
  va_list args;

  if (feed->problems->len > CLIP_FEED_MAX_PROBLEMS)
    return;
  problem = g_new0 (ClipFeedProblem, 1);
  if (feed->problems->len == CLIP_FEED_MAX_PROBLEMS)
    {
      problem->kind = g_strdup ("limit");
      problem->message = g_strdup (_("More problems were found; only the first ones are listed"));
    }
  else
    {
      problem->kind = g_strdup (kind);
      va_start (args, format);
      problem->message = g_strdup_vprintf (format, args);
      va_end (args);
      /* libxml2 quotes the document in its messages, cut at a byte count:
       * through the middle of a character (found by fuzzing), and the
       * problems are stored, shown and written as JSON. */
      if (!g_utf8_validate (problem->message, -1, NULL))
        {
          char *valid = g_utf8_make_valid (problem->message, -1);

          g_free (problem->message);
          problem->message = valid;
        }
      problem->line = MAX (line, 0);
    }
  g_ptr_array_add (feed->problems, problem);
}

static void
problem_free (ClipFeedProblem *problem)
{
  g_free (problem->kind);
  g_free (problem->message);
  g_free (problem);
}

void
clip_feed_enclosure_free (ClipEnclosure *enclosure)
{
  g_free (enclosure->url);
  g_free (enclosure->type);
  g_free (enclosure);
}

ClipFeedItem *
clip_feed_item_new (void)
{
  ClipFeedItem *item = g_new0 (ClipFeedItem, 1);

  item->authors = g_ptr_array_new_with_free_func (g_free);
  item->categories = g_ptr_array_new_with_free_func (g_free);
  item->enclosures = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_feed_enclosure_free);
  item->published = CLIP_NO_DATE;
  item->updated = CLIP_NO_DATE;
  return item;
}

void
clip_feed_item_free (ClipFeedItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->link);
  g_free (item->title);
  g_ptr_array_unref (item->authors);
  g_free (item->summary_html);
  g_free (item->summary_text);
  g_free (item->content_html);
  g_free (item->content_text);
  g_ptr_array_unref (item->categories);
  g_ptr_array_unref (item->enclosures);
  g_free (item->language);
  g_free (item);
}

static ClipFeed *
feed_new (void)
{
  ClipFeed *feed = g_new0 (ClipFeed, 1);

  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_feed_item_free);
  feed->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  feed->updated = CLIP_NO_DATE;
  return feed;
}

void
clip_feed_free (ClipFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->encoding);
  g_free (feed->title);
  g_free (feed->link);
  g_free (feed->subtitle);
  g_free (feed->language);
  g_free (feed->icon);
  g_ptr_array_unref (feed->items);
  g_ptr_array_unref (feed->problems);
  g_free (feed);
}

void
clip_feed_add_unique (GPtrArray *array, char *text)
{
  if (text == NULL || *text == '\0')
    {
      g_free (text);
      return;
    }
  for (guint i = 0; i < array->len; i++)
    if (strcmp (g_ptr_array_index (array, i), text) == 0)
      {
        g_free (text);
        return;
      }
  g_ptr_array_add (array, text);
}

void
clip_feed_add_item (ClipFeed *feed, ClipFeedItem *item)
{
  /* Feeds often give only the full text, or only a summary. */
  if (item->summary_html == NULL && item->content_html != NULL)
    {
      item->summary_html = g_strdup (item->content_html);
      item->summary_text = g_strdup (item->content_text);
    }
  if (item->id == NULL)
    {
      /* Stable across fetches: the same link and title give the same id. */
      g_autofree char *key = g_strconcat (item->link ? item->link : "", "\n",
                                          item->title ? item->title : "", NULL);

      item->id = g_compute_checksum_for_string (G_CHECKSUM_SHA1, key, -1);
    }
  g_ptr_array_add (feed->items, item);
}

char *
clip_feed_resolve_url (const char *base, const char *url)
{
  g_autofree char *trimmed = NULL;
  char *resolved = NULL;

  if (url == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (url));
  if (*trimmed == '\0' || !clip_html_url_is_safe (trimmed, FALSE))
    return NULL;
  if (base != NULL)
    resolved = g_uri_resolve_relative (base, trimmed, G_URI_FLAGS_NONE, NULL);
  return resolved ? resolved : g_steal_pointer (&trimmed);
}

static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

char *
clip_feed_plain_line (ClipSanitizer *sanitizer, const char *text, gsize len,
                      ClipFeedTextKind kind)
{
  g_autofree char *plain = NULL;
  char *line;

  if (kind == CLIP_FEED_TEXT_PLAIN)
    plain = g_strndup (text, len);
  else
    clip_sanitizer_run (sanitizer, text, len, NULL, NULL, &plain);
  line = collapse_spaces (plain);
  if (*line == '\0')
    g_clear_pointer (&line, g_free);
  return line;
}

void
clip_feed_rich_text (ClipSanitizer *sanitizer, const char *text, gsize len,
                     ClipFeedTextKind kind, const char *base, char **html, char **plain)
{
  if (kind == CLIP_FEED_TEXT_PLAIN)
    {
      g_autofree char *copy = g_strstrip (g_strndup (text, len));
      g_autofree char *escaped = clip_html_escape_text (copy, -1);

      clip_sanitizer_run (sanitizer, escaped, -1, base, html, plain);
    }
  else
    clip_sanitizer_run (sanitizer, text, len, base, html, plain);
  g_strstrip (*html);
}

char *
clip_feed_author_name (const char *text)
{
  const char *open = strchr (text, '(');
  const char *close = strrchr (text, ')');
  const char *lt = strchr (text, '<');

  if (open != NULL && close != NULL && close > open + 1)
    {
      /* RSS: "jane@example.com (Jane Doe)" */
      if (memchr (text, '@', open - text))
        return g_strstrip (g_strndup (open + 1, close - open - 1));
      /* "Jane Doe (jane@example.com)" */
      if (memchr (open, '@', close - open) && open > text)
        return g_strstrip (g_strndup (text, open - text));
    }
  /* "Jane Doe <jane@example.com>" */
  if (lt != NULL && lt > text && strchr (lt, '@') && strchr (lt, '>'))
    return g_strstrip (g_strndup (text, lt - text));
  return g_strstrip (g_strdup (text));
}

/* Decoding --------------------------------------------------------------- */

static char *
decode (ClipFeed *feed, const char *data, gsize len, const char *content_type, gsize *out_len)
{
  ClipCharsetSource source;
  gsize bom_len = 0, n_invalid = 0;
  g_autofree char *charset = clip_charset_detect_xml (data, len, content_type, &source, &bom_len);
  g_autoptr(GError) error = NULL;
  char *utf8;

  data += bom_len;
  len -= bom_len;
  if (source == CLIP_CHARSET_HTTP || source == CLIP_CHARSET_DECLARATION)
    {
      const char *actual = clip_charset_contradicted (data, len, charset);

      if (actual != NULL)
        {
          const char *shown = strcmp (actual, "utf-8") == 0 ? "UTF-8" : actual;

          clip_feed_add_problem (feed, "encoding", 0,
                                 _("The feed is labelled %s, but its bytes are %s: "
                                   "it was read as %s"), charset, shown, shown);
          g_free (charset);
          charset = g_strdup (actual);
        }
    }
  utf8 = clip_charset_to_utf8 (data, len, charset, out_len, &n_invalid, &error);
  if (utf8 == NULL)
    {
      clip_feed_add_problem (feed, "encoding", 0,
                             _("The encoding “%s” is unknown; the feed was read as UTF-8"),
                             charset);
      g_free (charset);
      charset = g_strdup ("utf-8");
      utf8 = clip_charset_to_utf8 (data, len, charset, out_len, &n_invalid, NULL);
    }
  if (n_invalid > 0 && source != CLIP_CHARSET_BOM)
    {
      /* Declared one way, written another: UTF-8, or a legacy guess. */
      const char *retry = strcmp (charset, "utf-8") != 0 && g_utf8_validate_len (data, len, NULL)
                          ? "utf-8" : clip_charset_sniff_legacy (data, len);
      gsize retry_invalid = 0, retry_len = 0;
      char *again = clip_charset_to_utf8 (data, len, retry, &retry_len, &retry_invalid, NULL);

      clip_feed_add_problem (feed, "encoding", 0,
                             _("The feed is not valid %s; it was read as %s"), charset, retry);
      g_free (utf8);
      utf8 = again;
      *out_len = retry_len;
      g_free (charset);
      charset = g_strdup (retry);
    }
  else if (n_invalid > 0)
    clip_feed_add_problem (feed, "encoding", 0,
                           g_dngettext (GETTEXT_PACKAGE, "%u byte is not valid %s and was replaced",
                                        "%u bytes are not valid %s and were replaced", n_invalid),
                           (guint) n_invalid, charset);
  feed->encoding = g_steal_pointer (&charset);
  return utf8;
}

/* &name; &#123; &#x1F; */
static gboolean
is_reference (const char *p, const char *end)
{
  const char *q = p + 1;

  if (q < end && *q == '#')
    {
      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          q++;
          while (q < end && g_ascii_isxdigit (*q))
            q++;
        }
      else
        while (q < end && g_ascii_isdigit (*q))
          q++;
      return q > p + 2 && q < end && *q == ';' && g_ascii_isxdigit (q[-1]);
    }
  if (q >= end || !(g_ascii_isalpha (*q) || *q == '_' || *q == ':'))
    return FALSE;
  while (q < end && (g_ascii_isalnum (*q) || *q == '_' || *q == ':' || *q == '.' || *q == '-'))
    q++;
  return q < end && *q == ';';
}

/* "?a=1&b=2" with a bare ampersand is the commonest way feeds break XML;
 * libxml2 would drop the text after it. Escaped here (outside CDATA
 * sections and comments, where it is allowed) so the text reads as the
 * publisher meant, and reported. One pass of memchr/strstr. */
static char *
escape_bare_ampersands (ClipFeed *feed, const char *utf8, gsize len, gsize *out_len)
{
  const char *s = utf8, *end = utf8 + len, *p = s, *copied = s;
  const char *cdata = NULL, *comment = NULL;
  gboolean looked = FALSE;
  GString *out = NULL;
  guint count = 0;
  gint line = 0;

  while ((p = memchr (p, '&', end - p)) != NULL)
    {
      const char *skip = NULL;

      if (is_reference (p, end))
        {
          p++;
          continue;
        }
      /* Only now, and once, find where CDATA sections and comments are:
       * most feeds never get here. */
      if (!looked)
        {
          cdata = g_strstr_len (s, end - s, "<![CDATA[");
          comment = g_strstr_len (s, end - s, "<!--");
          looked = TRUE;
        }
      while ((cdata != NULL && cdata < p) || (comment != NULL && comment < p))
        {
          gboolean in_cdata = cdata != NULL && cdata < p && (comment == NULL || cdata < comment);
          const char *from = in_cdata ? cdata : comment;

          skip = g_strstr_len (from, end - from, in_cdata ? "]]>" : "-->");
          if (skip == NULL)
            {
              p = end;   /* unterminated: the rest is inside it */
              break;
            }
          cdata = g_strstr_len (skip, end - skip, "<![CDATA[");
          comment = g_strstr_len (skip, end - skip, "<!--");
          if (skip > p)
            break;
        }
      if (p >= end)
        break;
      if (skip != NULL && skip > p)
        {
          p = skip;
          continue;
        }
      if (out == NULL)
        {
          out = g_string_sized_new (len + 64);
          for (const char *q = s; q < p; q++)
            line += *q == '\n';
        }
      g_string_append_len (out, copied, p - copied);
      g_string_append (out, "&amp;");
      copied = p + 1;
      count++;
      p++;
    }
  if (out == NULL)
    return NULL;
  g_string_append_len (out, copied, end - copied);
  clip_feed_add_problem (feed, "not-well-formed", line + 1,
                         g_dngettext (GETTEXT_PACKAGE, "%u bare “&” read as “&amp;”",
                                      "%u bare “&” read as “&amp;”", count), count);
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* XML in UTF-8 (the commonest case) goes to libxml2 as it came, unless a
 * bare ampersand needed escaping: libxml2 checks the UTF-8 as it reads,
 * and when it finds it invalid the caller reads the feed again, repaired.
 * Saves a pass and a copy over every well-formed feed. */
static gboolean
parse_xml_as_utf8 (ClipFeed *feed, const char *data, gsize len, const char *base_url,
                   gboolean *invalid, GError **error)
{
  gsize fixed_len = 0;
  g_autofree char *fixed = escape_bare_ampersands (feed, data, len, &fixed_len);

  return clip_feed_parse_xml (feed, fixed ? fixed : data, fixed ? fixed_len : len,
                              base_url, invalid, error);
}

static void
check_content_type (ClipFeed *feed, const char *content_type)
{
  g_autofree char *type = NULL;

  if (content_type == NULL)
    return;
  type = g_ascii_strdown (content_type, strcspn (content_type, ";"));
  g_strstrip (type);
  if (strcmp (type, "text/plain") == 0 || strcmp (type, "text/html") == 0)
    clip_feed_add_problem (feed, "content-type", 0,
                           _("The server says this is %s, not a feed"), type);
}

static ClipFeed *
parse_document (const char  *data,
                gsize        len,
                const char  *content_type,
                const char  *base_url,
                GError     **error)
{
  g_autoptr(ClipFeed) feed = NULL;
  g_autofree char *utf8 = NULL;
  gsize utf8_len = 0;
  const char *s;
  gboolean ok;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  clip_html_init_libxml ();
  if (len > CLIP_FEED_MAX_SIZE)
    {
      g_set_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_TOO_LARGE,
                   _("The document is %u MiB; feeds over %d MiB are not read"),
                   (guint) (len / (1024 * 1024)), CLIP_FEED_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (data == NULL)
    data = "";
  feed = feed_new ();
  {
    ClipCharsetSource source;
    gsize bom = 0;
    g_autofree char *charset = clip_charset_detect_xml (data, len, content_type, &source, &bom);
    const char *p = data + bom;
    gboolean invalid = FALSE;

    while (p < data + len && g_ascii_isspace (*p))
      p++;
    if (strcmp (charset, "utf-8") == 0 && p < data + len && *p == '<')
      {
        feed->encoding = g_strdup ("utf-8");
        ok = parse_xml_as_utf8 (feed, data + bom, len - bom, base_url, &invalid, error);
        if (!invalid)
          {
            if (!ok)
              return NULL;
            check_content_type (feed, content_type);
            return g_steal_pointer (&feed);
          }
        /* not UTF-8 after all: start again, repairing the bytes first */
        g_clear_error (error);
        clip_feed_free (feed);
        feed = feed_new ();
      }
  }
  utf8 = decode (feed, data, len, content_type, &utf8_len);
  s = utf8;
  while (s < utf8 + utf8_len && g_ascii_isspace (*s))
    s++;
  if (s == utf8 + utf8_len)
    {
      g_set_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_UNREADABLE, _("The document is empty"));
      return NULL;
    }
  if (*s == '{')
    ok = clip_feed_parse_json (feed, s, utf8 + utf8_len - s, base_url, error);
  else if (*s == '<')
    ok = parse_xml_as_utf8 (feed, utf8, utf8_len, base_url, NULL, error);
  else
    {
      g_set_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_NOT_A_FEED,
                   _("This document is neither XML nor JSON"));
      return NULL;
    }
  if (!ok)
    return NULL;
  check_content_type (feed, content_type);
  return g_steal_pointer (&feed);
}

ClipFeed *
clip_feed_parse (const char  *data,
                 gsize        len,
                 const char  *content_type,
                 const char  *base_url,
                 GError     **error)
{
  g_autoptr(GError) local = NULL;
  ClipFeed *feed = parse_document (data, len, content_type, base_url, &local);

  /* json-glib quotes the document in its messages, cut at a byte count:
   * through the middle of a character (found by fuzzing). */
  if (local != NULL && !g_utf8_validate (local->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (local->message, -1);

      g_free (local->message);
      local->message = valid;
    }
  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return feed;
}

ClipArticle *
clip_feed_item_to_article (const ClipFeedItem *item, const ClipFeed *feed)
{
  ClipArticle *a = clip_article_new ();
  const char *lang = item->language ? item->language : feed ? feed->language : NULL;

  a->guid = g_strdup (item->id);
  a->url = g_strdup (item->link);
  a->title = g_strdup (item->title);
  if (item->authors->len > 0)
    {
      GString *authors = g_string_new (NULL);

      for (guint i = 0; i < item->authors->len; i++)
        {
          if (i > 0)
            g_string_append (authors, ", ");
          g_string_append (authors, g_ptr_array_index (item->authors, i));
        }
      a->author = g_string_free (authors, FALSE);
    }
  a->summary_html = g_strdup (item->summary_html);
  a->summary_text = g_strdup (item->summary_text);
  a->content_html = g_strdup (item->content_html);
  a->content_text = g_strdup (item->content_text);
  a->lang = lang ? g_ascii_strdown (lang, -1) : NULL;
  a->published = item->published;
  a->updated = item->updated;
  return a;
}
