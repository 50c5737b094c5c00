/* test-feed-input.c — the feed parser on input that lies or overflows:
 * JSON nested past any sense, charsets the bytes contradict, texts over
 * the size limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-feed.h"
#include "clip-input.h"
#include "clip-test-util.h"

#include <string.h>

static const ClipFeedProblem *
find_problem (ClipFeed *feed, const char *kind)
{
  for (guint i = 0; i < feed->problems->len; i++)
    {
      const ClipFeedProblem *p = g_ptr_array_index (feed->problems, i);

      if (strcmp (p->kind, kind) == 0)
        return p;
    }
  return NULL;
}

static const ClipFeedItem *
first_item (ClipFeed *feed)
{
  g_assert_cmpuint (feed->items->len, >, 0);
  return g_ptr_array_index (feed->items, 0);
}

/* 100,000 levels (200 KB) overflowed the stack inside json-glib. */
static void
test_json_depth (void)
{
  g_autofree char *deep = clip_test_deep_json_feed (100000);
  g_autofree char *fine = clip_test_deep_json_feed (CLIP_INPUT_MAX_JSON_DEPTH - 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipFeed) ok = NULL;
  ClipFeed *none;

  g_assert_cmpuint (strlen (deep), >, 200000);
  none = clip_feed_parse (deep, strlen (deep), "application/feed+json", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "nested more than 512 levels"));
  g_clear_error (&error);

  /* At the limit: the root object, the items list and the item are
   * three levels more. */
  ok = clip_feed_parse (fine, strlen (fine), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first_item (ok)->title, ==, "Deep item");
}

/* Brackets in strings, escaped quotes: not nesting. */
static void
test_json_depth_strings (void)
{
  GString *s = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"");
  g_autoptr(ClipFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 2000; i++)
    g_string_append (s, "[{\\\"");
  g_string_append (s, "\", \"items\": [{\"id\": \"x\", \"title\": \"]]]}}}\\\\\"}]}");
  feed = clip_feed_parse (s->str, s->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first_item (feed)->title, ==, "]]]}}}\\");
  g_assert_true (clip_input_check_json_depth ("[[]]", -1, 2, NULL));
  g_assert_false (clip_input_check_json_depth ("[{}]", -1, 1, NULL));
  g_assert_true (clip_input_check_json_depth ("\"[[[\\\"[[\"", -1, 1, NULL));
  g_string_free (s, TRUE);
}

static const char rss_ru[] =
  "<?xml version=\"1.0\" encoding=\"%s\"?><rss version=\"2.0\"><channel>"
  "<title>Новости Грузии</title><item><title>Парламент принял закон</title>"
  "<description>Депутаты проголосовали во втором чтении.</description></item>"
  "</channel></rss>";

/* UTF-8 bytes under a Cyrillic label, in the header or the declaration:
 * every byte has a meaning in windows-1251 and KOI8-R, so nothing was
 * invalid and the text came out garbled without a word. */
static void
test_charset_utf8_lies (void)
{
  const char *labels[] = { "windows-1251", "koi8-r", "iso-8859-5", "windows-1252" };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *xml = g_strdup_printf (rss_ru, labels[i]);
      g_autofree char *utf8 = g_strdup_printf (rss_ru, "utf-8");
      g_autofree char *header = g_strdup_printf ("text/xml; charset=%s", labels[i]);
      g_autoptr(ClipFeed) declared = clip_feed_parse (xml, strlen (xml), NULL, NULL, NULL);
      g_autoptr(ClipFeed) http = clip_feed_parse (utf8, strlen (utf8), header, NULL, NULL);
      ClipFeed *feeds[] = { declared, http };

      for (guint k = 0; k < G_N_ELEMENTS (feeds); k++)
        {
          const ClipFeedProblem *p;

          g_assert_nonnull (feeds[k]);
          g_assert_cmpstr (feeds[k]->title, ==, "Новости Грузии");
          g_assert_cmpstr (first_item (feeds[k])->title, ==, "Парламент принял закон");
          g_assert_cmpstr (feeds[k]->encoding, ==, "utf-8");
          p = find_problem (feeds[k], "encoding");
          g_assert_nonnull (p);
          g_assert_nonnull (strstr (p->message, labels[i]));
          g_assert_nonnull (strstr (p->message, "UTF-8"));
        }
    }
}

/* What the label says is kept where the bytes agree with it. */
static void
test_charset_labels_kept (void)
{
  const char *ascii = "<rss version=\"2.0\"><channel><title>News</title>"
                      "<item><title>Plain</title></item></channel></rss>";
  g_autofree char *xml = g_strdup_printf (rss_ru, "windows-1251");
  g_autofree char *cp1251 = g_convert (xml, -1, "WINDOWS-1251", "UTF-8", NULL, NULL, NULL);
  g_autoptr(ClipFeed) plain = clip_feed_parse (ascii, strlen (ascii), "text/xml; charset=koi8-r",
                                               NULL, NULL);
  g_autoptr(ClipFeed) real = clip_feed_parse (cp1251, strlen (cp1251), NULL, NULL, NULL);

  g_assert_cmpstr (plain->encoding, ==, "koi8-r");
  g_assert_null (find_problem (plain, "encoding"));
  g_assert_cmpstr (real->encoding, ==, "windows-1251");
  g_assert_cmpstr (first_item (real)->title, ==, "Парламент принял закон");
  g_assert_null (find_problem (real, "encoding"));
}

/* KOI8-R bytes labelled windows-1251 and the other way round: valid in
 * both, but read the wrong way almost every letter is a capital. */
static void
test_charset_cyrillic_swapped (void)
{
  const char *pairs[][2] = { { "KOI8-R", "windows-1251" }, { "WINDOWS-1251", "koi8-r" } };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *xml = g_strdup_printf (rss_ru, "utf-8");
      g_autofree char *bytes = g_convert (xml, -1, pairs[i][0], "UTF-8", NULL, NULL, NULL);
      g_autofree char *header = g_strdup_printf ("text/xml; charset=%s", pairs[i][1]);
      g_autoptr(ClipFeed) feed = clip_feed_parse (bytes, strlen (bytes), header, NULL, NULL);
      const ClipFeedProblem *p;

      g_assert_cmpstr (feed->title, ==, "Новости Грузии");
      g_assert_cmpstr (first_item (feed)->summary_text, ==, "Депутаты проголосовали во втором чтении.");
      p = find_problem (feed, "encoding");
      g_assert_nonnull (p);
      g_assert_nonnull (strstr (p->message, pairs[i][1]));
    }
}

/* A headline in capitals is still the charset it says. */
static void
test_charset_capitals_kept (void)
{
  const char *upper = "<rss version=\"2.0\"><channel><title>НОВОСТИ ГРУЗИИ</title>"
                      "<item><title>ПАРЛАМЕНТ ПРИНЯЛ ЗАКОН ВО ВТОРОМ ЧТЕНИИ</title></item>"
                      "</channel></rss>";
  g_autofree char *bytes = g_convert (upper, -1, "KOI8-R", "UTF-8", NULL, NULL, NULL);
  g_autoptr(ClipFeed) feed = clip_feed_parse (bytes, strlen (bytes), "text/xml; charset=koi8-r",
                                              NULL, NULL);

  g_assert_cmpstr (feed->encoding, ==, "koi8-r");
  g_assert_cmpstr (feed->title, ==, "НОВОСТИ ГРУЗИИ");
  g_assert_null (find_problem (feed, "encoding"));
}

/* Feed discovery reads the page's links by the same rule. */
static void
test_discover_utf8_lie (void)
{
  const char *html = "<html><head><meta charset=\"windows-1251\">"
                     "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/новости.rss\">"
                     "</head><body>Новости</body></html>";
  g_autoptr(GPtrArray) links = clip_feed_discover_links (html, strlen (html), "https://outlet.example/");

  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (links, 0), ==, "https://outlet.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8.rss");
}

static char *
long_feed (gsize text_len, gboolean cdata)
{
  GString *s = g_string_new ("<rss version=\"2.0\"><channel><title>Long</title><item>"
                             "<title>Long item</title><description>");

  g_string_append (s, cdata ? "<![CDATA[" : "");
  for (gsize n = 0; n < text_len; n += 20)
    g_string_append (s, "Слово word слово. ");   /* 20 bytes, multibyte */
  g_string_append (s, cdata ? "]]>" : "");
  g_string_append (s, "</description></item></channel></rss>");
  return g_string_free (s, FALSE);
}

/* A text over 1 MiB was dropped whole (a CDATA section comes to the
 * reader in one piece) while the problem said "was cut". */
static void
test_long_text (void)
{
  for (int cdata = 0; cdata <= 1; cdata++)
    {
      g_autofree char *xml = long_feed (3 * 1024 * 1024, cdata);
      g_autoptr(ClipFeed) feed = clip_feed_parse (xml, strlen (xml), NULL, NULL, NULL);
      const ClipFeedItem *item;
      const ClipFeedProblem *p;
      gsize len;

      g_assert_nonnull (feed);
      item = first_item (feed);
      g_assert_nonnull (item->summary_text);
      len = strlen (item->summary_text);
      g_assert_cmpuint (len, >, 1000 * 1000);
      g_assert_cmpuint (len, <=, 1024 * 1024);
      g_assert_true (g_str_has_prefix (item->summary_text, "Слово word слово. Слово"));
      g_assert_true (g_utf8_validate (item->summary_text, -1, NULL));
      p = find_problem (feed, "limit");
      g_assert_nonnull (p);
      g_assert_nonnull (strstr (p->message, "was cut"));
      g_assert_cmpstr (item->title, ==, "Long item");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/feed-input/json-depth", test_json_depth);
  g_test_add_func ("/feed-input/json-depth-strings", test_json_depth_strings);
  g_test_add_func ("/feed-input/charset-utf8-lies", test_charset_utf8_lies);
  g_test_add_func ("/feed-input/charset-labels-kept", test_charset_labels_kept);
  g_test_add_func ("/feed-input/charset-cyrillic-swapped", test_charset_cyrillic_swapped);
  g_test_add_func ("/feed-input/charset-capitals-kept", test_charset_capitals_kept);
  g_test_add_func ("/feed-input/discover-utf8-lie", test_discover_utf8_lie);
  g_test_add_func ("/feed-input/long-text", test_long_text);
  return g_test_run ();
}
