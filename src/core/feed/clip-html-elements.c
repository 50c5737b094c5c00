/* clip-html-elements.c — what the sanitiser keeps: elements and URLs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-html-sanitize.h"
#include "clip-html-private.h"

#include <stdlib.h>
#include <string.h>

/* Sorted by name, for bsearch. Not listed: unwrapped. */
static const ElementRule element_rules[] = {
  { "a", F_ALLOW, A_LINK },
  { "abbr", F_ALLOW, A_NONE },
  { "acronym", F_ALLOW, A_NONE },
  { "address", F_ALLOW | F_BLOCK, A_NONE },
  { "applet", F_DROP, A_NONE },
  { "area", F_DROP, A_NONE },
  { "article", F_ALLOW | F_BLOCK, A_NONE },
  { "aside", F_ALLOW | F_BLOCK, A_NONE },
  { "audio", F_DROP, A_NONE },
  { "b", F_ALLOW, A_NONE },
  { "base", F_DROP, A_NONE },
  { "basefont", F_DROP, A_NONE },
  { "bdi", F_ALLOW, A_NONE },
  { "bdo", F_ALLOW, A_NONE },
  { "big", F_ALLOW, A_NONE },
  { "blockquote", F_ALLOW | F_PARA, A_QUOTE },
  { "br", F_ALLOW | F_VOID | F_BLOCK, A_NONE },
  { "button", F_DROP, A_NONE },
  { "canvas", F_DROP, A_NONE },
  { "caption", F_ALLOW | F_BLOCK, A_NONE },
  { "center", F_BLOCK, A_NONE },
  { "cite", F_ALLOW, A_NONE },
  { "code", F_ALLOW, A_NONE },
  { "col", F_ALLOW | F_VOID, A_COL },
  { "colgroup", F_ALLOW, A_COL },
  { "datalist", F_DROP, A_NONE },
  { "dd", F_ALLOW | F_BLOCK, A_NONE },
  { "del", F_ALLOW, A_QUOTE },
  { "details", F_ALLOW | F_BLOCK, A_NONE },
  { "dfn", F_ALLOW, A_NONE },
  { "dialog", F_DROP, A_NONE },
  { "div", F_ALLOW | F_BLOCK, A_NONE },
  { "dl", F_ALLOW | F_PARA, A_NONE },
  { "dt", F_ALLOW | F_BLOCK, A_NONE },
  { "em", F_ALLOW, A_NONE },
  { "embed", F_DROP, A_NONE },
  { "fieldset", F_DROP, A_NONE },
  { "figcaption", F_ALLOW | F_BLOCK, A_NONE },
  { "figure", F_ALLOW | F_BLOCK, A_NONE },
  { "footer", F_ALLOW | F_BLOCK, A_NONE },
  { "form", F_DROP, A_NONE },
  { "frame", F_DROP, A_NONE },
  { "frameset", F_DROP, A_NONE },
  { "h1", F_ALLOW | F_PARA, A_NONE },
  { "h2", F_ALLOW | F_PARA, A_NONE },
  { "h3", F_ALLOW | F_PARA, A_NONE },
  { "h4", F_ALLOW | F_PARA, A_NONE },
  { "h5", F_ALLOW | F_PARA, A_NONE },
  { "h6", F_ALLOW | F_PARA, A_NONE },
  { "head", F_DROP, A_NONE },
  { "header", F_ALLOW | F_BLOCK, A_NONE },
  { "hr", F_ALLOW | F_VOID | F_BLOCK, A_NONE },
  { "i", F_ALLOW, A_NONE },
  { "iframe", F_DROP, A_NONE },
  { "img", F_ALLOW | F_VOID, A_IMG },
  { "input", F_DROP, A_NONE },
  { "ins", F_ALLOW, A_QUOTE },
  { "isindex", F_DROP, A_NONE },
  { "kbd", F_ALLOW, A_NONE },
  { "keygen", F_DROP, A_NONE },
  { "legend", F_DROP, A_NONE },
  { "li", F_ALLOW | F_BLOCK, A_LI },
  { "link", F_DROP, A_NONE },
  { "main", F_ALLOW | F_BLOCK, A_NONE },
  { "map", F_DROP, A_NONE },
  { "mark", F_ALLOW, A_NONE },
  { "math", F_DROP, A_NONE },
  { "menu", F_DROP, A_NONE },
  { "meta", F_DROP, A_NONE },
  { "nav", F_ALLOW | F_BLOCK, A_NONE },
  { "noembed", F_DROP, A_NONE },
  { "noframes", F_DROP, A_NONE },
  { "noscript", F_DROP, A_NONE },
  { "object", F_DROP, A_NONE },
  { "ol", F_ALLOW | F_PARA, A_OL },
  { "optgroup", F_DROP, A_NONE },
  { "option", F_DROP, A_NONE },
  { "output", F_DROP, A_NONE },
  { "p", F_ALLOW | F_PARA, A_NONE },
  { "param", F_DROP, A_NONE },
  { "plaintext", F_DROP, A_NONE },
  { "pre", F_ALLOW | F_PARA | F_PRE, A_NONE },
  { "q", F_ALLOW, A_QUOTE },
  { "rp", F_ALLOW, A_NONE },
  { "rt", F_ALLOW, A_NONE },
  { "ruby", F_ALLOW, A_NONE },
  { "s", F_ALLOW, A_NONE },
  { "samp", F_ALLOW, A_NONE },
  { "script", F_DROP, A_NONE },
  { "section", F_ALLOW | F_BLOCK, A_NONE },
  { "select", F_DROP, A_NONE },
  { "small", F_ALLOW, A_NONE },
  { "source", F_DROP, A_NONE },
  { "span", F_ALLOW, A_NONE },
  { "strike", F_ALLOW, A_NONE },
  { "strong", F_ALLOW, A_NONE },
  { "style", F_DROP, A_NONE },
  { "sub", F_ALLOW, A_NONE },
  { "summary", F_ALLOW | F_BLOCK, A_NONE },
  { "sup", F_ALLOW, A_NONE },
  { "svg", F_DROP, A_NONE },
  { "table", F_ALLOW | F_PARA, A_NONE },
  { "tbody", F_ALLOW, A_NONE },
  { "td", F_ALLOW | F_CELL, A_CELL },
  { "template", F_DROP, A_NONE },
  { "textarea", F_DROP, A_NONE },
  { "tfoot", F_ALLOW, A_NONE },
  { "th", F_ALLOW | F_CELL, A_CELL },
  { "thead", F_ALLOW, A_NONE },
  { "time", F_ALLOW, A_TIME },
  { "title", F_DROP, A_NONE },
  { "tr", F_ALLOW | F_BLOCK, A_NONE },
  { "track", F_DROP, A_NONE },
  { "tt", F_ALLOW, A_NONE },
  { "u", F_ALLOW, A_NONE },
  { "ul", F_ALLOW | F_PARA, A_NONE },
  { "var", F_ALLOW, A_NONE },
  { "video", F_DROP, A_NONE },
  { "wbr", F_ALLOW | F_VOID, A_NONE },
  { "xml", F_DROP, A_NONE },
};

static int
compare_rule (const void *key, const void *elem)
{
  return strcmp (key, ((const ElementRule *) elem)->name);
}

const ElementRule *
clip_html_element_rule (const char *name)
{
  return bsearch (name, element_rules, G_N_ELEMENTS (element_rules),
                  sizeof (ElementRule), compare_rule);
}

/* URLs ------------------------------------------------------------------- */

/* The scheme as a browser would see it: control characters and spaces
 * inside it are ignored ("jav&#x09;ascript:"). */
static char *
url_scheme (const char *url)
{
  char scheme[32];
  gsize n = 0;

  for (const char *p = url; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c <= 0x20)
        continue;
      if (c == ':')
        return n > 0 ? g_ascii_strdown (scheme, n) : g_strdup ("");
      if ((!g_ascii_isalnum (c) && c != '+' && c != '-' && c != '.') || n == sizeof scheme)
        break;
      scheme[n++] = c;
    }
  return NULL;
}

gboolean
clip_html_url_is_safe (const char *url, gboolean image)
{
  g_autofree char *scheme = NULL;

  if (url == NULL)
    return FALSE;
  scheme = url_scheme (url);
  if (scheme == NULL)
    return TRUE;   /* relative */
  if (strcmp (scheme, "http") == 0 || strcmp (scheme, "https") == 0 ||
      strcmp (scheme, "mailto") == 0 || strcmp (scheme, "ftp") == 0 ||
      strcmp (scheme, "news") == 0 || strcmp (scheme, "tel") == 0 ||
      strcmp (scheme, "magnet") == 0 || strcmp (scheme, "xmpp") == 0)
    return TRUE;
  if (image && strcmp (scheme, "data") == 0)
    {
      const char *p = strchr (url, ':') + 1;

      while (*p == ' ')
        p++;
      /* Raster images only: an SVG can carry script. */
      return g_ascii_strncasecmp (p, "image/png", 9) == 0 ||
             g_ascii_strncasecmp (p, "image/gif", 9) == 0 ||
             g_ascii_strncasecmp (p, "image/jpeg", 10) == 0 ||
             g_ascii_strncasecmp (p, "image/webp", 10) == 0;
    }
  return FALSE;
}

char *
clip_html_resolve_url (const char *base, const char *url)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (url));
  char *resolved;

  g_autofree char *scheme = NULL;

  if (!clip_html_url_is_safe (trimmed, TRUE))
    return NULL;
  scheme = url_scheme (trimmed);
  if (base == NULL || scheme != NULL)
    return g_steal_pointer (&trimmed);
  resolved = g_uri_resolve_relative (base, trimmed, G_URI_FLAGS_NONE, NULL);
  return resolved ? resolved : g_steal_pointer (&trimmed);
}
