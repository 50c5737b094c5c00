/* clip-url.c
 *
 * The canonical form makes the same article under two addresses one row:
 * scheme and host lower-cased, default port, fragment and tracking
 * parameters (utm_*, fbclid, gclid) removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-url.h"

#include <string.h>

static gboolean
is_tracking_param (const char *param)
{
  gsize n = strcspn (param, "=");

  return (n > 4 && g_ascii_strncasecmp (param, "utm_", 4) == 0) ||
         (n == 6 && g_ascii_strncasecmp (param, "fbclid", 6) == 0) ||
         (n == 5 && g_ascii_strncasecmp (param, "gclid", 5) == 0);
}

static char *
clean_query (const char *query)
{
  g_auto(GStrv) parts = NULL;
  GString *out;

  if (query == NULL || *query == '\0')
    return NULL;
  parts = g_strsplit (query, "&", -1);
  out = g_string_new (NULL);
  for (guint i = 0; parts[i]; i++)
    {
      if (parts[i][0] == '\0' || is_tracking_param (parts[i]))
        continue;
      if (out->len)
        g_string_append_c (out, '&');
      g_string_append (out, parts[i]);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Returns NULL for something that is not an absolute URL. */
char *
clip_url_canonicalize (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) clean = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  g_autofree char *query = NULL;
  const char *path;
  int port;

  if (url == NULL)
    return NULL;
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL)
    return NULL;
  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  host = g_uri_get_host (uri) ? g_ascii_strdown (g_uri_get_host (uri), -1) : NULL;
  query = clean_query (g_uri_get_query (uri));
  path = g_uri_get_path (uri);
  if ((path == NULL || *path == '\0') && host != NULL)
    path = "/";
  port = g_uri_get_port (uri);
  if ((port == 80 && g_str_equal (scheme, "http")) ||
      (port == 443 && g_str_equal (scheme, "https")))
    port = -1;
  clean = g_uri_build (G_URI_FLAGS_ENCODED, scheme, NULL, host, port,
                       path ? path : "", query, NULL);
  return g_uri_to_string (clean);
}

char *
clip_url_host (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL)
    return NULL;
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;
  return g_ascii_strdown (g_uri_get_host (uri), -1);
}

/* A host a feed can be at: a name with a dot, localhost, or an address
 * literal. */
static gboolean
is_web_host (const char *host)
{
  if (host == NULL || *host == '\0')
    return FALSE;
  if (g_hostname_is_ip_address (host) || g_ascii_strcasecmp (host, "localhost") == 0 ||
      host[0] == '[')
    return TRUE;
  return strchr (host, '.') != NULL && host[0] != '.' && !g_str_has_suffix (host, ".");
}

ClipUrlTyped
clip_url_check_typed (const char  *text,
                      char       **address)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *full = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme_typed;
  const char *scheme;

  if (address)
    *address = NULL;
  if (*trimmed == '\0')
    return CLIP_URL_TYPED_EMPTY;
  for (const char *p = trimmed; *p; p++)
    if (g_ascii_isspace (*p) || (guchar) *p < 0x20)
      return CLIP_URL_TYPED_NOT_WEB;
  /* "mailto:…" is another kind of address; "civil.ge:8080/…" a host and
   * its port. */
  scheme_typed = g_uri_peek_scheme (trimmed);
  if (scheme_typed != NULL && !strstr (trimmed, "://") &&
      !g_ascii_isdigit (trimmed[strlen (scheme_typed) + 1]))
    return CLIP_URL_TYPED_SCHEME;
  full = strstr (trimmed, "://") ? g_strdup (trimmed) : g_strconcat ("https://", trimmed, NULL);
  if (!(uri = g_uri_parse (full, G_URI_FLAGS_NONE, NULL)))
    return CLIP_URL_TYPED_NOT_WEB;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "file") == 0)
    ;
  else if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return CLIP_URL_TYPED_SCHEME;
  else if (!is_web_host (g_uri_get_host (uri)))
    return CLIP_URL_TYPED_NOT_WEB;
  if (address)
    *address = g_steal_pointer (&full);
  return CLIP_URL_TYPED_OK;
}
