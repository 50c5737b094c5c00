/* test-page-hostile.c — pages made to hurt: huge, deep, a giant attribute,
 * lying charsets, refresh loops, broken JSON-LD
 *
 * Each runs in a subprocess whose address space is bounded (setrlimit, as
 * `ulimit -v` would), so a runaway input fails the test rather than the
 * machine; under AddressSanitizer, which reserves terabytes of address
 * space, only the time is bounded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-page.h"
#include "clip-test-util.h"

#include <string.h>
#include <sys/resource.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#define MEMORY_LIMIT (768u * 1024 * 1024)

static void
bound_memory (void)
{
#ifndef UNDER_ASAN
  struct rlimit rl = { MEMORY_LIMIT, MEMORY_LIMIT };

  g_assert_cmpint (setrlimit (RLIMIT_AS, &rl), ==, 0);
#endif
}

static gboolean
has_problem (const ClipPage *page, const char *kind)
{
  for (guint i = 0; i < page->problems->len; i++)
    if (strcmp (((ClipPageProblem *) g_ptr_array_index (page->problems, i))->kind, kind) == 0)
      return TRUE;
  return FALSE;
}

/* Runs the test's body (the path's "child" part) in a bounded subprocess. */
static void
in_subprocess (void)
{
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static const char *paragraph = "<p>Some words of a paragraph that goes on, again and again, for ever.</p>";

static void
test_huge (void)
{
  GString *html;
  ClipPage *page;
  gint64 start;

  if (!g_test_subprocess ())
    {
      in_subprocess ();
      return;
    }
  bound_memory ();
  html = g_string_sized_new (101 * 1024 * 1024);
  g_string_append (html, "<html><body><article>");
  while (html->len < 100 * 1024 * 1024)
    g_string_append (html, paragraph);
  start = g_get_monotonic_time ();
  page = clip_page_extract (html->str, html->len, NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
  g_assert_true (has_problem (page, "limit"));
  g_assert_true (g_str_has_prefix (page->text, "Some words of a paragraph"));
  clip_page_free (page);
  g_string_free (html, TRUE);
}

static void
test_deep (void)
{
  GString *html;
  ClipPage *page;

  if (!g_test_subprocess ())
    {
      in_subprocess ();
      return;
    }
  bound_memory ();
  html = g_string_new ("<html><body><p>The story starts before the nesting, and it is long enough "
                       "to be read as the article, with a comma or two.</p>");
  for (int i = 0; i < 100000; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "deep");
  for (int i = 0; i < 100000; i++)
    g_string_append (html, "</div>");
  g_string_append (html, "</body></html>");
  page = clip_page_extract (html->str, html->len, NULL);
  g_assert_true (has_problem (page, "depth"));
  g_assert_true (g_str_has_prefix (page->text, "The story starts before the nesting"));
  clip_page_free (page);
  g_string_free (html, TRUE);
}

static void
test_attribute (void)
{
  GString *html;
  ClipPage *page;
  ClipPageOptions options;

  if (!g_test_subprocess ())
    {
      in_subprocess ();
      return;
    }
  bound_memory ();
  html = g_string_new ("<html><body><p>Before the attribute, a paragraph long enough to count, "
                       "with a comma.</p><p title=\"");
  for (int i = 0; i < 10 * 1024 * 1024; i++)
    g_string_append_c (html, 'a');
  g_string_append (html, "\">After it.</p></body></html>");
  clip_page_options_init (&options);
  options.max_bytes = 16 * 1024 * 1024;   /* the whole attribute is read */
  page = clip_page_extract (html->str, html->len, &options);
  g_assert_true (g_str_has_prefix (page->text, "Before the attribute"));
  g_assert_null (strstr (page->text, "aaaa"));
  clip_page_free (page);
  /* with the default limit the page is cut inside it */
  page = clip_page_extract (html->str, html->len, NULL);
  g_assert_true (has_problem (page, "limit"));
  clip_page_free (page);
  g_string_free (html, TRUE);
}

typedef struct {
  const char *label;
  const char *head;          /* what the page declares */
  const char *content_type;
  const char *encoding;      /* the bytes' real encoding */
  gboolean    bom;
  const char *read_as;
  gboolean    problem;
} CharsetCase;

static void
test_charsets (void)
{
  static const CharsetCase cases[] = {
    { "says utf-8, is windows-1251", "<meta charset=\"utf-8\">", NULL, "windows-1251", FALSE, "windows-1251", TRUE },
    { "says windows-1251, is utf-8", "<meta charset=\"windows-1251\">", NULL, "utf-8", FALSE, "utf-8", TRUE },
    { "BOM over a wrong meta", "<meta charset=\"windows-1251\">", NULL, "utf-8", TRUE, "utf-8", FALSE },
    { "HTTP koi8-r", "", "text/html; charset=KOI8-R", "koi8-r", FALSE, "koi8-r", FALSE },
    { "http-equiv windows-1251", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
      NULL, "windows-1251", FALSE, "windows-1251", FALSE },
    { "nothing said, windows-1251", "", NULL, "windows-1251", FALSE, "windows-1251", FALSE },
    { "unknown label", "<meta charset=\"x-no-such\">", NULL, "windows-1252", FALSE, "windows-1252", TRUE },
  };
  static const char *text = "Парламент принял закон об охране культурного наследия, за него проголосовали депутаты.";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CharsetCase *c = &cases[i];
      g_autofree char *html = g_strdup_printf ("<html><head>%s</head><body><p>%s</p></body></html>",
                                               c->head, strcmp (c->encoding, "windows-1252") == 0
                                               ? "Caf\xc3\xa9 au lait, a paragraph long enough to be read."
                                               : text);
      g_autofree char *bytes = NULL;
      gsize len = 0;
      g_autoptr(GString) data = g_string_new (c->bom ? "\xef\xbb\xbf" : "");
      ClipPageOptions options;
      g_autoptr(ClipPage) page = NULL;

      bytes = g_convert (html, -1, c->encoding, "utf-8", NULL, &len, NULL);
      g_assert_nonnull (bytes);
      g_string_append_len (data, bytes, len);
      clip_page_options_init (&options);
      options.content_type = c->content_type;
      page = clip_page_extract (data->str, data->len, &options);
      g_test_message ("%s: %s", c->label, page->encoding);
      g_assert_cmpstr (page->encoding, ==, c->read_as);
      g_assert_cmpint (has_problem (page, "encoding"), ==, c->problem);
      if (strcmp (c->encoding, "windows-1252") == 0)
        g_assert_true (g_str_has_prefix (page->text, "Café au lait"));
      else
        g_assert_cmpstr (page->text, ==, text);
    }
}

static void
test_meta_refresh (void)
{
  static const char *html =
    "<html><head><meta http-equiv=\"refresh\" content=\"0; URL='/same'\"></head>"
    "<body><p>Redirecting…</p></body></html>";
  ClipPageOptions options;
  g_autoptr(ClipPage) page = NULL;

  clip_page_options_init (&options);
  options.url = "https://example.org/same";
  page = clip_page_extract (html, strlen (html), &options);
  g_assert_cmpstr (page->refresh_url, ==, "https://example.org/same");
  g_assert_true (has_problem (page, "meta-refresh"));
}

/* JSON-LD nested past any sense, unterminated, or not JSON at all: read
 * as nothing, the rest of the page as usual. */
static void
test_bad_jsonld (void)
{
  g_autoptr(GString) html = g_string_new ("<html><head><script type=\"application/ld+json\">");
  g_autoptr(ClipPage) page = NULL;

  for (int i = 0; i < 200000; i++)
    g_string_append_c (html, '[');
  g_string_append (html, "</script><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                         "\"headline\": \"Broken\n line\", \"datePublished\": \"2021-02-03\"}</script>"
                         "<script type=\"application/ld+json\">{\"@type\": </script></head>"
                         "<body><p>A paragraph that is long enough, with commas, to be the text.</p>"
                         "</body></html>");
  page = clip_page_extract (html->str, html->len, NULL);
  g_assert_cmpstr (page->title, ==, "Broken line");
  g_assert_true (g_str_has_prefix (page->text, "A paragraph that is long enough"));
  g_assert_cmpint (page->published_source, ==, CLIP_PAGE_SOURCE_JSON_LD);
}

static void
test_garbage (void)
{
  static const char *inputs[] = { "", "\0\0\0", "<", "<html", "\xff\xfe\x00<", "<!-- never closed" };
  guchar noise[4096];

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      ClipPage *page = clip_page_extract (inputs[i], strlen (inputs[i]) + (i == 1 ? 3 : 0), NULL);

      g_assert_nonnull (page->text);
      g_assert_nonnull (page->html);
      clip_page_free (page);
    }
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guchar) g_test_rand_int_range (0, 256);
  clip_page_free (clip_page_extract ((const char *) noise, sizeof noise, NULL));
  clip_page_free (clip_page_extract (NULL, 10, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/page/hostile/huge", test_huge);
  g_test_add_func ("/page/hostile/deep", test_deep);
  g_test_add_func ("/page/hostile/attribute", test_attribute);
  g_test_add_func ("/page/hostile/charsets", test_charsets);
  g_test_add_func ("/page/hostile/meta-refresh", test_meta_refresh);
  g_test_add_func ("/page/hostile/jsonld", test_bad_jsonld);
  g_test_add_func ("/page/hostile/garbage", test_garbage);
  return g_test_run ();
}
