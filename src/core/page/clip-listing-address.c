/* clip-listing-address.c — what a listing's link addresses say: an
 * article's (a date, a number, a long slug), their shape, the same site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-listing-private.h"

#include <string.h>

/* A date (/2024/11/29/, 2024-11-29, 20241129), a number of three digits
 * or more, or a slug of three words or more: what article addresses have
 * and section, tag and menu addresses do not. */
gboolean
clip_listing_article_address (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  const char *path = uri ? g_uri_get_path (uri) : NULL;
  const char *query = uri ? g_uri_get_query (uri) : NULL;
  g_auto(GStrv) segs = NULL;
  const char *last = NULL;
  guint run = 0;

  if (path == NULL)
    return FALSE;
  for (const char *p = path; *p; p++)
    {
      run = g_ascii_isdigit (*p) ? run + 1 : 0;
      if (run >= 3)
        return TRUE;
    }
  run = 0;
  for (const char *p = query ? query : ""; *p; p++)
    {
      run = g_ascii_isdigit (*p) ? run + 1 : 0;
      if (run >= 3)
        return TRUE;
    }
  segs = g_strsplit (path, "/", -1);
  for (guint i = 0; segs[i]; i++)
    if (*segs[i])
      last = segs[i];
  if (last == NULL)
    return FALSE;
  {
    g_autofree char *stem = g_strdup (last);
    char *dot = strrchr (stem, '.');
    guint words = 1;

    if (dot)
      *dot = '\0';
    for (const char *p = stem; *p; p++)
      if (*p == '-' || *p == '_')
        words++;
    return words >= 3 || (words >= 2 && strlen (stem) >= 25);
  }
}

/* "news/9/9/9/(last)?id": the path's segments but the last, numbers as 9, and
 * the query's keys. */
char *
clip_listing_address_shape (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  g_autoptr(GString) shape = g_string_new (NULL);
  g_auto(GStrv) segs = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (uri == NULL)
    return g_strdup ("");
  segs = g_strsplit (g_uri_get_path (uri), "/", -1);
  for (guint i = 0; segs[i]; i++)
    if (*segs[i])
      g_ptr_array_add (kept, segs[i]);
  for (guint i = 0; i + 1 < kept->len; i++)
    {
      const char *s = g_ptr_array_index (kept, i);
      gboolean digits = strspn (s, "0123456789") == strlen (s);

      g_string_append_printf (shape, "%s/", digits ? "9" : s);
    }
  g_string_append (shape, kept->len ? "*" : "");
  if (g_uri_get_query (uri))
    {
      g_auto(GStrv) params = g_strsplit (g_uri_get_query (uri), "&", -1);

      g_string_append_c (shape, '?');
      for (guint i = 0; params[i]; i++)
        g_string_append_len (shape, params[i], strcspn (params[i], "="));
    }
  return g_string_free (g_steal_pointer (&shape), FALSE);
}

/* "example.ge" of "news.example.ge" */
static const char *
site_of (const char *host)
{
  const char *dot = strrchr (host, '.');

  if (dot == NULL)
    return host;
  while (dot > host && dot[-1] != '.')
    dot--;
  return dot;
}

gboolean
clip_listing_same_site (const char *host, const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  g_autofree char *other = NULL;
  const char *a, *b;

  if (host == NULL)
    return TRUE;
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return FALSE;
  other = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (g_str_equal (other, host))
    return TRUE;
  /* news.example.ge and www.example.ge: the last two labels */
  a = site_of (host);
  b = site_of (other);
  return g_str_equal (a, b);
}

/* Not an article: the page itself, the site's root, files. */
gboolean
clip_listing_skipped_address (ListingDoc *ld, const char *url)
{
  static const char * const files[] = {
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".pdf", ".css", ".js", ".xml", ".rss",
    ".mp3", ".mp4", ".zip", NULL,
  };
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  g_autofree char *lower = g_ascii_strdown (url, -1);
  const char *path;

  if (uri == NULL)
    return TRUE;
  path = g_uri_get_path (uri);
  if ((*path == '\0' || g_str_equal (path, "/")) && g_uri_get_query (uri) == NULL)
    return TRUE;
  if (ld->options.url && g_str_equal (url, ld->options.url))
    return TRUE;
  for (guint i = 0; files[i]; i++)
    if (g_str_has_suffix (lower, files[i]))
      return TRUE;
  return FALSE;
}
