/* test-article-page.c — when an article's page is fetched (Automatic:
 * short, cut or title-only feed text), robots.txt's rules, and the dates
 * an extracted page gives an article, with their sources; the seed's
 * page clock is never a date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-article-page.h"
#include "clip-robots.h"
#include "clip-test-util.h"

#include <string.h>

static ClipArticle *
article (const char *title, const char *summary)
{
  ClipArticle *a = clip_article_new ();

  a->title = g_strdup (title);
  a->summary_text = g_strdup (summary);
  /* Loopback: the suite reads pages only there (CLIPPINGS_FETCH_LOOPBACK_ONLY). */
  a->url = g_strdup ("http://127.0.0.1/news/1");
  return a;
}

static char *
words (guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%sword%u", i ? " " : "", i);
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

static void
test_wanted (void)
{
  g_autofree char *long_text = words (120);
  g_autofree char *short_text = words (40);
  g_autofree char *cut = g_strconcat (long_text, " …", NULL);
  g_autofree char *more = g_strconcat (long_text, " Read more »", NULL);
  g_autoptr(ClipArticle) full = article ("Title", long_text);
  g_autoptr(ClipArticle) teaser = article ("Title", short_text);
  g_autoptr(ClipArticle) ellipsis = article ("Title", cut);
  g_autoptr(ClipArticle) read_more = article ("Title", more);
  g_autoptr(ClipArticle) title_again = article ("The minister resigns", "The Minister resigns!");
  g_autoptr(ClipArticle) no_link = article ("Title", short_text);

  g_assert_false (clip_feed_text_looks_cut (full));
  g_assert_true (clip_feed_text_looks_cut (teaser));
  g_assert_true (clip_feed_text_looks_cut (ellipsis));
  g_assert_true (clip_feed_text_looks_cut (read_more));
  g_assert_true (clip_feed_text_looks_cut (title_again));
  g_assert_false (clip_full_text_wanted (CLIP_FULL_TEXT_AUTO, full));
  g_assert_true (clip_full_text_wanted (CLIP_FULL_TEXT_AUTO, teaser));
  g_assert_true (clip_full_text_wanted (CLIP_FULL_TEXT_ALWAYS, full));
  g_assert_false (clip_full_text_wanted (CLIP_FULL_TEXT_NEVER, teaser));
  /* Only web pages are fetched. */
  g_free (no_link->url);
  no_link->url = g_strdup ("file:///etc/passwd");
  g_assert_false (clip_full_text_wanted (CLIP_FULL_TEXT_ALWAYS, no_link));
}

static void
test_robots (void)
{
  const char *text =
    "# comment\n"
    "User-agent: BadBot\nDisallow: /\n\n"
    "User-agent: *\nDisallow: /private/\nAllow: /private/open-letter\nDisallow: /*.pdf$\n"
    "Disallow:\n";
  const char *ours =
    "User-agent: *\nDisallow: /\n\nUser-agent: clippings\nDisallow: /drafts\n";
  g_autoptr(ClipRobots) r = clip_robots_parse (text, strlen (text), CLIP_ROBOTS_AGENT);
  g_autoptr(ClipRobots) r2 = clip_robots_parse (ours, strlen (ours), CLIP_ROBOTS_AGENT);
  g_autoptr(ClipRobots) all = clip_robots_new_allow_all ();
  g_autoptr(ClipRobots) none = clip_robots_new_deny_all ();
  g_autoptr(ClipRobots) bad = clip_robots_parse (text, strlen (text), "BadBot");
  g_autofree char *stars = g_strnfill (5000, '*');
  g_autofree char *hostile = g_strdup_printf ("User-agent: *\nDisallow: /%sx\n", stars);
  g_autoptr(ClipRobots) r3 = clip_robots_parse (hostile, strlen (hostile), CLIP_ROBOTS_AGENT);

  g_assert_true (clip_robots_allowed (r, "/news/1"));
  g_assert_false (clip_robots_allowed (r, "/private/memo"));
  g_assert_true (clip_robots_allowed (r, "/private/open-letter"));
  g_assert_false (clip_robots_allowed (r, "/files/report.pdf"));
  g_assert_true (clip_robots_allowed (r, "/files/report.pdf?page=2"));
  g_assert_true (clip_robots_allowed_url (r, "https://example.net/news/1?x=1"));
  g_assert_false (clip_robots_allowed_url (r, "https://example.net/private/x"));
  /* Our own group wins over "*", case-insensitively. */
  g_assert_true (clip_robots_allowed (r2, "/news/1"));
  g_assert_false (clip_robots_allowed (r2, "/drafts/1"));
  g_assert_false (clip_robots_allowed (bad, "/news/1"));
  g_assert_true (clip_robots_allowed (all, "/anything"));
  g_assert_false (clip_robots_allowed (none, "/anything"));
  /* A pattern of thousands of stars is ignored, not backtracked. */
  g_assert_true (clip_robots_allowed (r3, "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaay"));
}

static ClipPage *
extract_file (const char *name, const char *url, gint64 fetch_time)
{
  g_autofree char *path = clip_test_data_path (name);
  g_autofree char *data = NULL;
  gsize len;
  ClipPageOptions options;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  clip_page_options_init (&options);
  options.url = url;
  options.fetch_time = fetch_time;
  return clip_page_extract (data, len, &options);
}

/* The seed's layout: a date line "27 November 2024, 00:32" above the
 * title is the site's clock. With its siblings learned, no 2024 date
 * reaches the article, and the feed's 2022 date stays. */
static void
test_seed_dates (void)
{
  g_autoptr(ClipPageModel) model = clip_page_model_new ();
  g_autoptr(ClipArticle) a = article ("NATO statement", "NATO foreign ministers met in Bucharest.");
  g_autoptr(ClipPage) page = NULL;
  g_autoptr(ClipStoredPage) stored = NULL;
  gint64 fetch = g_get_real_time () / G_USEC_PER_SEC;
  ClipPageOptions options;

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("page/rustavi-sibling-%u.html", i);
      g_autofree char *path = clip_test_data_path (name);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      clip_page_options_init (&options);
      clip_page_model_learn (model, data, len, &options);
    }
  {
    g_autofree char *path = clip_test_data_path ("page/rustavi-seed.html");
    g_autofree char *data = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &data, &len, NULL));
    clip_page_options_init (&options);
    options.fetch_time = fetch;
    options.model = model;
    page = clip_page_extract (data, len, &options);
  }
  a->published = 1669716000;   /* 2022-11-29 10:00 UTC, the feed's */
  a->fetched = fetch;
  stored = clip_article_page_build (a, page, "https://rustavi2.ge/en/news/1", fetch);
  g_assert_cmpint (stored->state, ==, CLIP_PAGE_STATE_FETCHED);
  g_assert_null (strstr (stored->date_candidates, "2024-"));
  g_assert_true (stored->published == CLIP_NO_DATE || stored->published < 1700000000);
  g_assert_nonnull (strstr (stored->date_candidates, "\"2022-11-29T10:00:00Z\",\"source\":\"feed\""));
  g_assert_false (stored->date_uncertain);
}

/* A page whose date is days from the feed's: uncertain, both kept. */
static void
test_uncertain (void)
{
  g_autoptr(ClipPage) page = extract_file ("page/jsonld-news.html", "https://example.net/a", CLIP_NO_DATE);
  g_autoptr(ClipArticle) a = article ("T", "Short.");
  g_autoptr(ClipStoredPage) near = NULL;
  g_autoptr(ClipStoredPage) far = NULL;

  g_assert_cmpint (page->published, !=, CLIP_NO_DATE);
  a->fetched = page->published + 3600;
  a->published = page->published + 600;
  near = clip_article_page_build (a, page, "https://example.net/a", a->fetched);
  g_assert_false (near->date_uncertain);
  a->published = page->published + 3 * 86400;
  a->fetched = a->published;
  far = clip_article_page_build (a, page, "https://example.net/a", a->fetched);
  g_assert_true (far->date_uncertain);
  g_assert_nonnull (strstr (far->date_candidates, "\"source\":\"json-ld\""));
  g_assert_nonnull (strstr (far->date_candidates, "\"source\":\"first-seen\""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/article-page/wanted", test_wanted);
  g_test_add_func ("/article-page/robots", test_robots);
  g_test_add_func ("/article-page/seed-dates", test_seed_dates);
  g_test_add_func ("/article-page/uncertain", test_uncertain);
  return g_test_run ();
}
