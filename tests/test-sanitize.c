/* test-sanitize.c — feed HTML made safe, and its plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-html-sanitize.h"
#include "clip-test-util.h"

#include <string.h>

static void
run (const char *html, const char *base, char **out_html, char **out_text)
{
  g_autoptr(ClipSanitizer) s = clip_sanitizer_new ();

  clip_sanitizer_run (s, html, -1, base, out_html, out_text);
}

static void
assert_html (const char *in, const char *expected)
{
  g_autofree char *html = NULL;

  run (in, "http://example.com/a/b.html", &html, NULL);
  g_assert_cmpstr (html, ==, expected);
}

static void
assert_text (const char *in, const char *expected)
{
  g_autofree char *text = clip_html_to_text (in, -1);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_whitelist (void)
{
  assert_html ("<p>Hello <b>world</b></p>", "<p>Hello <b>world</b></p>");
  assert_html ("plain words", "plain words");
  assert_html ("<p class=\"center\" style=\"color:red\" id=x>a</p>", "<p>a</p>");
  assert_html ("<script>alert(1)</script>ok", "ok");
  assert_html ("<style>p{}</style>ok", "ok");
  assert_html ("<iframe src=\"http://evil/\">x</iframe>ok", "ok");
  assert_html ("<object data=\"x.swf\"><param name=a></object>ok", "ok");
  assert_html ("<form action=\"/x\"><input name=q>t</form>ok", "ok");
  assert_html ("<img src=x onerror=\"alert(1)\">", "<img src=\"http://example.com/a/x\">");
  assert_html ("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>");
  assert_html ("<a href=\" jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>");
  assert_html ("<a href=\"vbscript:msgbox\">x</a>", "<a>x</a>");
  assert_html ("<a href=\"data:text/html,&lt;script&gt;\">x</a>", "<a>x</a>");
  assert_html ("<img src=\"data:image/png;base64,AAAA\">", "<img src=\"data:image/png;base64,AAAA\">");
  assert_html ("<img src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\">", "<img>");
  assert_html ("<a href=\"../c\" onclick=\"x()\">c</a>", "<a href=\"http://example.com/c\">c</a>");
  assert_html ("<unknown>kept</unknown> <font face=x>text</font>", "kept text");
  assert_html ("a &amp; b &lt; c", "a &amp; b &lt; c");
  assert_html ("<b>unclosed", "<b>unclosed</b>");
  assert_html ("<svg><script>alert(1)</script></svg>after", "after");
  assert_html ("<p title='\"&gt;&lt;script&gt;'>t</p>", "<p title=\"&quot;&gt;&lt;script&gt;\">t</p>");
}

static void
test_text (void)
{
  assert_text ("<p>One</p><p>Two<br>Three</p>", "One\n\nTwo\nThree");
  assert_text ("<div class=\"center\">word</div>", "word");
  assert_text ("<ul><li>a</li><li>b</li></ul>", "a\nb");
  assert_text ("caf&eacute; &amp; bar &#x10D3;", "café & bar დ");
  assert_text ("  many   \n spaces  ", "many spaces");
  assert_text ("<script>var center = 1;</script><style>.center{}</style>x", "x");
  assert_text ("don\xc2\x92t", "don\xe2\x80\x99t");
  assert_text ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc");
  assert_text ("<pre>a\n  b</pre>", "a\n  b");
  assert_text ("", "");
  /* runs of spaces wherever they fall against 8-byte words */
  assert_text ("abcdefg  hij", "abcdefg hij");
  assert_text ("abcdefgh ij  kl", "abcdefgh ij kl");
  assert_text ("<b>one </b> two", "one two");
  assert_text ("abcdefg <i>h</i>  ijklmnopq  r", "abcdefg h ijklmnopq r");
  assert_text ("Парламент  принял закон", "Парламент принял закон");
  /* read as UTF-8 whatever a fragment claims */
  assert_text ("<meta charset=\"iso-8859-1\"><p>ქართული Ёлка</p>", "ქართული Ёлка");
  assert_text ("<p>ქართული</p><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">Ёлка",
               "ქართული\n\nЁлка");
}

static void
test_escape (void)
{
  g_autofree char *html = clip_html_escape_text ("a < b\n& c", -1);

  g_assert_cmpstr (html, ==, "a &lt; b<br>&amp; c");
  g_assert_true (clip_html_url_is_safe ("http://x/", FALSE));
  g_assert_true (clip_html_url_is_safe ("relative/path", FALSE));
  g_assert_false (clip_html_url_is_safe ("JavaScript:x", FALSE));
  g_assert_false (clip_html_url_is_safe ("data:image/png;base64,AA", FALSE));
  g_assert_true (clip_html_url_is_safe ("data:image/png;base64,AA", TRUE));
}

/* Deep nesting and long input stay fast and bounded. */
static void
test_hostile_shapes (void)
{
  GString *deep = g_string_new (NULL);
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  gint64 start = g_get_monotonic_time ();

  for (int i = 0; i < 10000; i++)
    g_string_append (deep, "<div>");
  g_string_append (deep, "core");
  run (deep->str, NULL, &html, &text);
  g_assert_cmpstr (text, ==, "core");
  g_assert_nonnull (strstr (html, "core"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_string_free (deep, TRUE);
}

/* A long fragment: tags and attributes across libxml2's buffer refills
 * must never turn into text. */
static void
test_long_fragment (void)
{
  GString *in = g_string_new (NULL);
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;

  for (int i = 0; i < 5000; i++)
    g_string_append_printf (in, "<p title=\"t%d\" style=\"color: red; border: 0px\">Слово %d</p>", i, i);
  run (in->str, NULL, &html, &text);
  g_assert_null (strstr (text, "style"));
  g_assert_null (strstr (text, "title"));
  g_assert_null (strstr (html, "style"));
  g_assert_true (g_str_has_prefix (text, "Слово 0\n\nСлово 1\n\n"));
  g_assert_true (g_str_has_suffix (text, "Слово 4999"));
  g_string_free (in, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sanitize/whitelist", test_whitelist);
  g_test_add_func ("/sanitize/text", test_text);
  g_test_add_func ("/sanitize/escape", test_escape);
  g_test_add_func ("/sanitize/hostile-shapes", test_hostile_shapes);
  g_test_add_func ("/sanitize/long-fragment", test_long_fragment);
  return g_test_run ();
}
