/* fuzz-sanitize.c — the HTML sanitiser: nothing live comes out (only
 * whitelisted elements, no event handlers, no unsafe URLs), the outputs
 * are valid UTF-8, and the fast path, where it takes a fragment, gives
 * what libxml2 gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"
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

static void
check_html (const char *html)
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

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static ClipSanitizer *fast, *slow;
  /* Feeds hand over UTF-8: decoded, invalid bytes replaced. */
  g_autofree char *utf8 = g_utf8_make_valid ((const char *) data, size);
  g_autofree char *html = NULL, *text = NULL;
  g_autofree char *slow_html = NULL, *slow_text = NULL;

  if (fast == NULL)
    {
      fast = clip_sanitizer_new ();
      slow = clip_sanitizer_new ();
      clip_sanitizer_set_fast_path (slow, FALSE);
    }
  clip_sanitizer_run (fast, utf8, -1, "https://outlet.example/news/", &html, &text);
  fuzz_check_utf8 ("html", html);
  fuzz_check_utf8 ("text", text);
  check_html (html);
  clip_sanitizer_run (slow, utf8, -1, "https://outlet.example/news/", &slow_html, &slow_text);
  /* The fast path is only a shortcut: where it takes a fragment, its
   * output is libxml2's to the byte. */
  FUZZ_CHECK (strcmp (html, slow_html) == 0, "fast path: %s\nlibxml2:   %s", html, slow_html);
  FUZZ_CHECK (strcmp (text, slow_text) == 0, "fast path: %s\nlibxml2:   %s", text, slow_text);
  return 0;
}
