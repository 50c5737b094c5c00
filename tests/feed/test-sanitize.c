/* test-sanitize.c — feed HTML made safe, and its plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-html-sanitize.h"
#include "clip-html-private.h"
#include "clip-test-util.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
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

/* Fast path and libxml2 must agree byte for byte, HTML and text; returns
 * whether the fast path took the fragment. */
static gboolean
assert_fast_path_same (const char *fragment)
{
  g_autoptr(ClipSanitizer) fast = clip_sanitizer_new ();
  g_autoptr(ClipSanitizer) slow = clip_sanitizer_new ();
  g_autoptr(ClipSanitizer) probe = clip_sanitizer_new ();
  g_autofree char *fast_html = NULL, *fast_text = NULL;
  g_autofree char *slow_html = NULL, *slow_text = NULL;
  const char *base = "http://example.com/a/b.html";

  clip_sanitizer_set_fast_path (slow, FALSE);
  clip_sanitizer_run (fast, fragment, -1, base, &fast_html, &fast_text);
  clip_sanitizer_run (slow, fragment, -1, base, &slow_html, &slow_text);
  if (g_strcmp0 (fast_html, slow_html) != 0 || g_strcmp0 (fast_text, slow_text) != 0)
    g_test_message ("fragment: %s", fragment);
  g_assert_cmpstr (fast_html, ==, slow_html);
  g_assert_cmpstr (fast_text, ==, slow_text);
  clip_sanitizer_run (probe, "", 0, NULL, NULL, NULL);
  return clip_html_fast_run (probe, fragment, strlen (fragment));
}

static gboolean
is_html_field (const xmlChar *name)
{
  static const char * const names[] = {
    "description", "encoded", "summary", "content", "subtitle", "tagline",
    "title", "info", "body", "rights", "copyright", NULL
  };

  return g_strv_contains (names, (const char *) name);
}

/* Every HTML-bearing element of a feed: its text (escaped HTML) and its
 * markup (inline XHTML), each as a fragment. */
static void
collect_fields (xmlNodePtr node, GPtrArray *out)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_html_field (node->name))
        {
          xmlChar *content = xmlNodeGetContent (node);
          xmlBufferPtr buf = xmlBufferCreate ();

          if (content != NULL)
            g_ptr_array_add (out, g_strdup ((const char *) content));
          for (xmlNodePtr c = node->children; c != NULL; c = c->next)
            xmlNodeDump (buf, node->doc, c, 0, 0);
          g_ptr_array_add (out, g_strdup ((const char *) xmlBufferContent (buf)));
          xmlBufferFree (buf);
          xmlFree (content);
        }
      collect_fields (node->children, out);
    }
}

static guint
check_feed_dir (const char *dir, guint *n_fast)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      xmlDocPtr doc;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      doc = xmlReadFile (path, NULL, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                     XML_PARSE_NOWARNING);
      if (doc == NULL)
        continue;
      collect_fields (xmlDocGetRootElement (doc), fields);
      xmlFreeDoc (doc);
      for (guint i = 0; i < fields->len; i++, n++)
        *n_fast += assert_fast_path_same (fields->pdata[i]);
    }
  return n;
}

static void
test_fast_path_fixtures (void)
{
  g_autofree char *feeds = clip_test_data_path ("feeds");
  guint n_fast = 0;

  g_assert_cmpuint (check_feed_dir (feeds, &n_fast), >, 20);
  g_assert_cmpuint (n_fast, >, 0);
}

static void
test_fast_path_feedparser (void)
{
  g_autofree char *dir = clip_test_shared_path ("corpus/feedparser/wellformed/sanitize");
  guint n_fast = 0, n;

  if (dir == NULL)
    return;
  n = check_feed_dir (dir, &n_fast);
  g_test_message ("%u fragments, %u through the fast path", n, n_fast);
  g_assert_cmpuint (n, >, 500);
  g_assert_cmpuint (n_fast, >, 0);
}

/* A word of each language the archive holds in turn: ASCII, two-byte and
 * three-byte UTF-8, of many lengths against the fast path's 8-byte words. */
static const char * const news_words[3][16] = {
  { "the", "of", "and", "in", "a", "government", "said", "Tbilisi", "Kremlin", "interference",
    "elections", "NATO", "protest", "budget", "opposition", "Georgia" },
  { "и", "в", "на", "что", "СМИ", "правительство", "заявил", "Тбилиси", "Кремль", "вмешательство",
    "выборы", "НАТО", "партнёры", "бюджет", "оппозиция", "Грузия" },
  { "და", "რომ", "არის", "ეს", "მედია", "მთავრობა", "განცხადება", "თბილისი", "კრემლი", "ჩარევა",
    "არჩევნები", "ნატო", "პროტესტი", "ბიუჯეტი", "ოპოზიცია", "საქართველო" },
};

static void
append_sentence (GString *html, GRand *rand, guint lang)
{
  guint n = g_rand_int_range (rand, 8, 22);

  for (guint i = 0; i < n; i++)
    {
      const char *word = news_words[lang][g_rand_int_range (rand, 0, 16)];

      if (i > 0)
        g_string_append_c (html, ' ');
      g_string_append (html, word);
      if (i == 0 && lang == 0)
        html->str[html->len - strlen (word)] = g_ascii_toupper (word[0]);
      if (i + 1 < n && g_rand_int_range (rand, 0, 12) == 0)
        g_string_append_c (html, ',');
    }
  g_string_append_c (html, g_rand_int_range (rand, 0, 10) == 0 ? '?' : '.');
}

/* A description as the feeds of record write one, 1–3 KB: paragraphs one
 * to a line, the odd one a link or in bold. */
static char *
news_description (GRand *rand)
{
  guint lang = g_rand_int_range (rand, 0, 3);
  gsize target = g_rand_int_range (rand, 1024, 3072);
  GString *html = g_string_new (NULL);

  while (html->len < target)
    {
      guint kind = g_rand_int_range (rand, 0, 6);
      guint sentences = g_rand_int_range (rand, 2, 6);

      g_string_append (html, "<p>");
      if (kind == 0)
        g_string_append_printf (html, "<a href=\"https://example.org/ref/%d\">",
                                g_rand_int_range (rand, 0, 100000));
      else if (kind == 1)
        g_string_append (html, "<strong>");
      for (guint i = 0; i < sentences; i++)
        {
          if (i > 0)
            g_string_append_c (html, ' ');
          append_sentence (html, rand, lang);
        }
      g_string_append (html, kind == 0 ? "</a>" : kind == 1 ? "</strong>" : "");
      g_string_append (html, "</p>\n");
    }
  return g_string_free (html, FALSE);
}

/* Everyday descriptions, generated from a fixed seed: all simple, all
 * taken fast. */
static void
test_fast_path_descriptions (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *fragment = news_description (rand);

      g_assert_true (assert_fast_path_same (fragment));
    }
}

/* Shapes at the fast path's edges, taken or left to libxml2. */
static void
test_fast_path_edges (void)
{
  static const char * const taken[] = {
    "<p>a &amp; b &lt;c&gt; &quot;d&quot;</p>", "&#8217;&#x2019;&#X2014; &#38;&#60;&apos;",
    "<br><br/><br />x", "<ul>\n <li>a</li>\n<li><b>b</b></li></ul>", "a  b\n\tc  ",
    "<blockquote><p>q</p><blockquote>r</blockquote></blockquote>",
    "<a href=\"javascript:alert(1)\">x</a>", "<a href='/rel?a=1&amp;b=2'>r</a>",
    "<a href=\"data:text/html,x\">d</a>", "<a>plain</a>", "\xC2\x93quoted\xC2\x94",
    "<p><a href=\"https://e.org/\"><strong>s</strong> <em>e</em></a></p>",
    "<ol><li>1</li></ol><p>x</p><i>i</i>", "<a href=\"HTTP://E.ORG\"  >u</a>",
  };
  static const char * const left[] = {
    "&#128;", "&#0;", "&#xD800;", "&nbsp;", "&amp", "<p>a<p>b", "<b><p>x</p></b>",
    "<a href=\"x\"><a href=\"y\">z</a></a>", "<p>x</b>", "<P>x</P>", "<p class=\"c\">x</p>",
    "<!-- c -->x", "<![CDATA[x]]>", "a > b", "<li>x</li>", "<ul>x</ul>", "<script>x</script>",
    "<p>open", "\xFF\xFE", "a\rb", "<a href=\"a b\">x</a>", "<a href=x>y</a>", "</p>x",
    "<br></br>", "\xEF\xBF\xBE",
  };

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    if (!assert_fast_path_same (taken[i]))
      g_error ("fast path refused %s", taken[i]);
  for (guint i = 0; i < G_N_ELEMENTS (left); i++)
    if (assert_fast_path_same (left[i]))
      g_error ("fast path took %s", left[i]);
}

/* Both outputs of a fragment of len bytes through s, against libxml2 alone
 * (a fresh sanitiser without the fast path), for each choice of outputs. */
static void
assert_same_as_parser (ClipSanitizer *s, const char *fragment, gssize len)
{
  g_autoptr(ClipSanitizer) slow = clip_sanitizer_new ();
  const char *base = "http://example.com/a/b.html";

  clip_sanitizer_set_fast_path (slow, FALSE);
  for (guint want = 1; want <= 3; want++)
    {
      g_autofree char *html = NULL, *text = NULL, *slow_html = NULL, *slow_text = NULL;

      clip_sanitizer_run (s, fragment, len, base, want & 1 ? &html : NULL, want & 2 ? &text : NULL);
      clip_sanitizer_run (slow, fragment, len, base, want & 1 ? &slow_html : NULL,
                          want & 2 ? &slow_text : NULL);
      if (g_strcmp0 (html, slow_html) != 0 || g_strcmp0 (text, slow_text) != 0)
        g_test_message ("fragment: %s", fragment);
      g_assert_cmpstr (html, ==, slow_html);
      g_assert_cmpstr (text, ==, slow_text);
    }
}

/* Fragments whose simple start the fast path has already sent when it
 * finds what it cannot read, in the middle or at the very end: the
 * sanitiser must drop that start and give libxml2's output alone. */
static const char *late_tails[] = {
  "<p>a<p>b", "<b><p>x</p></b>", "<a href=\"x\"><a href=\"y\">z</a></a>", "<p>x</b>",
  "<P>x</P>", "<p class=\"c\">x</p>", "<!-- c -->x", "&nbsp;", "&#128;", "a > b",
  "<li>x</li>", "<ul><li>a</li>x</ul>", "<script>alert(1)</script>", "<p>open",
  "<b>\xFF\xFE</b>", "caf\xC3", "x\xEF\xBF\xBEy", "a\rb", "<a href=x>y</a>",
  "<br></br>", "</p>x", "<pre>  kept\n  spaces</pre>", "<img src=\"/i.png\">",
};

static void
test_fast_path_late_bail (void)
{
  static const char prefix[] =
    "<p>Простые <b>слова</b> &amp; <a href=\"/rel?a=1&amp;b=2\">ქართული</a></p>\n"
    "<ul><li>one</li><li><em>two</em></li></ul><blockquote><p>q</p></blockquote><p>Open ";
  g_autoptr(ClipSanitizer) probe = clip_sanitizer_new ();
  g_autoptr(ClipSanitizer) s = clip_sanitizer_new ();
  GString *deep = g_string_new (prefix);

  /* the start alone is simple: it is sent before each tail is reached */
  clip_sanitizer_run (probe, "", 0, NULL, NULL, NULL);
  g_assert_true (clip_html_fast_run (probe, prefix, strlen (prefix) - strlen ("<p>Open ")));
  for (guint i = 0; i < G_N_ELEMENTS (late_tails); i++)
    {
      g_autofree char *fragment = g_strconcat (prefix, late_tails[i], " words</p>", NULL);
      g_autofree char *at_end = g_strconcat (prefix, "words</p>", late_tails[i], NULL);

      clip_sanitizer_run (probe, "", 0, NULL, NULL, NULL);
      g_assert_false (clip_html_fast_run (probe, fragment, strlen (fragment)));
      assert_same_as_parser (s, fragment, -1);
      assert_same_as_parser (s, at_end, -1);
    }

  /* deeper than the fast path goes, after the wrapper and the prefix */
  for (int i = 0; i < 70; i++)
    g_string_append (deep, "<b>");
  g_string_append (deep, "deep");
  for (int i = 0; i < 70; i++)
    g_string_append (deep, "</b>");
  g_string_append (deep, "</p>");
  assert_same_as_parser (s, deep->str, -1);
  /* a NUL byte past a simple start, with the length given */
  assert_same_as_parser (s, "<p>before</p>\0<p>after</p>", 26);
  g_string_free (deep, TRUE);
}

/* What a fast run sent before it gave up never reaches the output: not
 * that fragment's, nor the next one's through the same sanitiser. */
static void
test_fast_path_discards_partial (void)
{
  g_autoptr(ClipSanitizer) s = clip_sanitizer_new ();
  g_autofree char *html = NULL, *text = NULL;
  static const char * const fragments[] = {
    "<p>first</p><p>x<p>y", "<p>simple</p>", "<b>bold <i>then</i> \xFF</b>", "plain",
    "<ul><li>a</li></ul><li>b</li>", "<a href=\"/x\">x</a> &amp; y", "<b>x<P>y</P></b>",
  };

  clip_sanitizer_run (s, "<p>first</p><p>x<p>y", -1, NULL, &html, &text);
  g_assert_cmpstr (html, ==, "<p>first</p><p>x</p><p>y</p>");
  g_assert_cmpstr (text, ==, "first\n\nx\n\ny");
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (fragments); i++)
      assert_same_as_parser (s, fragments[i], -1);
}

/* The fast path checks UTF-8 run by run as it reads: what g_utf8_validate()
 * refuses (and U+FFFE/F, which libxml2 reports) goes to libxml2, wherever
 * it stands; the rest is taken. */
static void
test_fast_path_utf8 (void)
{
  static const char * const valid[] = {
    "\xEF\xBF\xBD", "\xF4\x8F\xBF\xBF", "\xF0\x9F\x98\x80", "\xE1\x83\x90", "\xD0\xAF",
    "\xEF\xBF\xBC", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xF0\x90\x80\x80",
  };
  static const char * const invalid[] = {
    "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF",
    "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\x80", "\xE1\x83", "\xD0", "\xF0\x9F\x98",
    "\xEF\xBF\xBE", "\xEF\xBF\xBF",
  };
  /* before and after the sequence */
  static const char * const shapes[][2] = {
    { "<p>words ", " more</p>" }, { "<b>", "</b>" }, { "", "&amp;" }, { "&lt;", "" },
    { "<p>simple first</p>12345678", "" },
  };
  g_autoptr(ClipSanitizer) s = clip_sanitizer_new ();

  for (guint k = 0; k < G_N_ELEMENTS (shapes); k++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
        {
          g_autofree char *fragment = g_strconcat (shapes[k][0], valid[i], shapes[k][1], NULL);

          if (!assert_fast_path_same (fragment))
            g_error ("fast path refused %s", fragment);
          assert_same_as_parser (s, fragment, -1);
        }
      for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
        {
          g_autofree char *fragment = g_strconcat (shapes[k][0], invalid[i], shapes[k][1], NULL);

          if (assert_fast_path_same (fragment))
            g_error ("fast path took %s", fragment);
          assert_same_as_parser (s, fragment, -1);
        }
    }
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
  g_test_add_func ("/sanitize/fast-path/edges", test_fast_path_edges);
  g_test_add_func ("/sanitize/fast-path/fixtures", test_fast_path_fixtures);
  g_test_add_func ("/sanitize/fast-path/feedparser", test_fast_path_feedparser);
  g_test_add_func ("/sanitize/fast-path/descriptions", test_fast_path_descriptions);
  g_test_add_func ("/sanitize/fast-path/late-bail", test_fast_path_late_bail);
  g_test_add_func ("/sanitize/fast-path/discards-partial", test_fast_path_discards_partial);
  g_test_add_func ("/sanitize/fast-path/utf8", test_fast_path_utf8);
  return g_test_run ();
}
