/* fuzz-html.c — what every harness that gets sanitised HTML checks of it:
 * only whitelisted elements, no event handlers or style, no unsafe URL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"
#include "fuzz-html.h"
#include "clip-html-private.h"
#include "clip-html-sanitize.h"

#include <string.h>

/* The serialiser's own escapes, undone: what a browser would read. */
static char *
unescape (const char *s, gsize len)
{
  static const struct { const char *entity; char c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&#39;", '\'' },
  };
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      gboolean done = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (entities) && !done; k++)
        if (strncmp (s + i, entities[k].entity, strlen (entities[k].entity)) == 0 &&
            i + strlen (entities[k].entity) <= len)
          {
            g_string_append_c (out, entities[k].c);
            i += strlen (entities[k].entity) - 1;
            done = TRUE;
          }
      if (!done)
        g_string_append_c (out, s[i]);
    }
  return g_string_free (out, FALSE);
}

/* One attribute, name="value", at *p inside a start tag. */
static void
check_attribute (const char *tag, const char **p)
{
  const char *s = *p, *name = s, *q;
  g_autofree char *attr = NULL;
  g_autofree char *value = NULL;

  while (*s && *s != '=' && *s != ' ' && *s != '>')
    s++;
  attr = g_ascii_strdown (name, s - name);
  FUZZ_CHECK (!g_str_has_prefix (attr, "on"), "<%s %s=…> came out", tag, attr);
  FUZZ_CHECK (strcmp (attr, "style") != 0 && strcmp (attr, "srcset") != 0,
              "<%s %s=…> came out", tag, attr);
  if (*s != '=')
    {
      *p = s;
      return;
    }
  FUZZ_CHECK (s[1] == '"', "an attribute value not in quotes: %s", s);
  q = strchr (s + 2, '"');
  FUZZ_CHECK (q != NULL, "an attribute value never closed");
  value = unescape (s + 2, q - (s + 2));
  if (strcmp (attr, "href") == 0 || strcmp (attr, "src") == 0 || strcmp (attr, "cite") == 0)
    FUZZ_CHECK (clip_html_url_is_safe (value, strcmp (tag, "img") == 0),
                "<%s %s=\"%s\"> came out", tag, attr, value);
  *p = q + 1;
}

void
fuzz_check_html (const char *html)
{
  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p, '<'))
    {
      const char *name;
      g_autofree char *tag = NULL;
      const ElementRule *rule;

      p++;
      if (*p == '/')
        p++;
      name = p;
      while (g_ascii_isalnum (*p))
        p++;
      FUZZ_CHECK (p > name, "a '<' that starts no tag: %.20s", name - 1);
      tag = g_ascii_strdown (name, p - name);
      rule = clip_html_element_rule (tag);
      FUZZ_CHECK (rule != NULL && (rule->flags & F_ALLOW), "<%s> came out", tag);
      while (*p == ' ')
        {
          p++;
          check_attribute (tag, &p);
        }
      FUZZ_CHECK (*p == '>' || (p[0] == '/' && p[1] == '>'), "a tag not closed: %.20s", name);
    }
}
