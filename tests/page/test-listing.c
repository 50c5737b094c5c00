/* test-listing.c — selectors, listing pages, sitemaps and robots.txt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-article.h"
#include "clip-listing.h"
#include "clip-robots.h"
#include "clip-selector.h"
#include "clip-sitemap.h"
#include "clip-test-util.h"

#include <gio/gio.h>
#include <string.h>

/* Selectors ------------------------------------------------------------- */

static void
test_selector_xpath (void)
{
  static const struct { const char *css, *xpath; } cases[] = {
    { "a", "//a" },
    { "*", "//*" },
    { "DIV.news", "//div[contains(concat(' ',normalize-space(@class),' '),' news ')]" },
    { "#main", "//*[@id='main']" },
    { "a[href]", "//a[@href]" },
    { "a[rel=bookmark]", "//a[@rel='bookmark']" },
    { "a[href*='/news/']", "//a[contains(@href,'/news/')]" },
    { "a[href^=\"/en\"]", "//a[starts-with(@href,'/en')]" },
    { "ul > li a", "//ul/li//a" },
    { "h2 a, h3 a", "//h2//a | //h3//a" },
    { "a[title=\"it's\"]", "//a[@title=\"it's\"]" },
    { "a[href*='']", "//a[false()]" },
    { "//div[@id='x']//a", "//div[@id='x']//a" },
    { "(//a)[1]", "(//a)[1]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *xpath = clip_selector_to_xpath (cases[i].css, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (xpath, ==, cases[i].xpath);
    }
}

static void
test_selector_invalid (void)
{
  static const char * const bad[] = {
    "", "   ", "a >", "div..x", "a[", "a[href", "a[=x]", "a[href='x]", "a:hover", "a + b",
    "//a[", "/html/body[",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *xpath = clip_selector_to_xpath (bad[i], &error);

      g_assert_null (xpath);
      g_assert_error (error, CLIP_SELECTOR_ERROR, CLIP_SELECTOR_ERROR_INVALID);
    }
}

static const char select_page[] =
  "<html><body><nav><a href='/about'>About</a></nav>"
  "<ul class='news list'><li><a href='/n/1'><img alt='One pic'></a><a href='/n/1'>One</a></li>"
  "<li class='x'><a href='n/2#c'>Two</a></li><li><span>no link</span></li>"
  "<li><a href='javascript:alert(1)'>Bad</a></li><li><a href='https://other.example/3'>Three</a></li></ul>"
  "</body></html>";

static void
test_select (void)
{
  ClipListingPage page = { select_page, sizeof select_page - 1, "https://site.example/dir/", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = clip_listing_select (&page, "ul.news > li", &error);
  g_autoptr(GPtrArray) xlinks = NULL;
  g_autoptr(GPtrArray) none = NULL;
  ClipListingLink *l;

  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 3);
  l = g_ptr_array_index (links, 0);
  g_assert_cmpstr (l->url, ==, "https://site.example/n/1");
  g_assert_cmpstr (l->title, ==, "One pic");
  l = g_ptr_array_index (links, 1);
  g_assert_cmpstr (l->url, ==, "https://site.example/dir/n/2");
  g_assert_cmpstr (l->title, ==, "Two");
  l = g_ptr_array_index (links, 2);
  g_assert_cmpstr (l->url, ==, "https://other.example/3");

  xlinks = clip_listing_select (&page, "//nav//a", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xlinks->len, ==, 1);
  none = clip_listing_select (&page, "a >", &error);
  g_assert_null (none);
  g_assert_error (error, CLIP_SELECTOR_ERROR, CLIP_SELECTOR_ERROR_INVALID);
}

/* Listing pages: precision and recall of the proposal -------------------- */

static char *
read_fixture (const char *name, gsize *len)
{
  g_autofree char *path = clip_test_data_path (name);
  char *data = NULL;

  if (!g_file_get_contents (path, &data, len, NULL))
    return NULL;
  return data;
}

typedef struct {
  double precision, recall;
  char  *selector;
} Measure;

/* The first proposal for tests/data/listing/NAME.html against its truth;
 * with_second: NAME-2.html is given as another page of the site. */
static Measure
measure_fixture (const char *name, gboolean with_second)
{
  g_autofree char *html_name = g_strdup_printf ("listing/%s.html", name);
  g_autofree char *truth_name = g_strdup_printf ("listing/%s.truth", name);
  g_autofree char *second_name = g_strdup_printf ("listing/%s-2.html", name);
  gsize len = 0, tlen = 0, slen = 0;
  g_autofree char *html = read_fixture (html_name, &len);
  g_autofree char *truth_text = read_fixture (truth_name, &tlen);
  g_autofree char *second = with_second ? read_fixture (second_name, &slen) : NULL;
  g_auto(GStrv) truth = NULL;
  g_autoptr(GHashTable) want = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GUri) first = NULL;
  g_autofree char *url = NULL;
  ClipListingPage page = { 0 };
  ClipListingProposal *best;
  Measure m = { 0, 0, NULL };
  guint hits = 0;

  g_assert_nonnull (html);
  g_assert_nonnull (truth_text);
  truth = g_strsplit (g_strstrip (truth_text), "\n", -1);
  for (guint i = 0; truth[i]; i++)
    g_hash_table_add (want, truth[i]);
  first = g_uri_parse (truth[0], G_URI_FLAGS_NONE, NULL);
  url = g_strdup_printf ("https://%s/listing", g_uri_get_host (first));
  page.data = html;
  page.len = len;
  page.url = url;
  if (second)
    {
      ClipListingPage *other = g_new0 (ClipListingPage, 1);

      other->data = second;
      other->len = slen;
      other->url = url;
      g_ptr_array_add (others, other);
    }
  proposals = clip_listing_propose (&page, second ? others : NULL);
  g_assert_cmpuint (proposals->len, >, 0);
  best = g_ptr_array_index (proposals, 0);
  for (guint i = 0; i < best->links->len; i++)
    {
      ClipListingLink *l = g_ptr_array_index (best->links, i);

      hits += g_hash_table_contains (want, l->url);
      if (g_test_verbose () && !g_hash_table_contains (want, l->url))
        g_test_message ("%s: not an article: %s", name, l->url);
    }
  m.precision = best->links->len ? (double) hits / best->links->len : 0;
  m.recall = (double) hits / g_hash_table_size (want);
  m.selector = g_strdup (best->selector);
  return m;
}

static const char * const fixtures[] = {
  "wordpress", "newspaper-theme", "drupal", "rustavi2", "georgian", "russian", "boxes",
  "archive", "cards", "table", "magazine", "latest", "picks", "russian-home",
};

static gboolean
has_second (const char *name)
{
  g_autofree char *rel = g_strdup_printf ("listing/%s-2.html", name);
  g_autofree char *path = clip_test_data_path (rel);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_listing_quality (void)
{
  gboolean all_good = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      Measure m = measure_fixture (fixtures[i], has_second (fixtures[i]));

      /* printed for the record: the measure */
      g_printerr ("listing %-16s precision %.3f recall %.3f  %s\n", fixtures[i], m.precision,
                  m.recall, m.selector);
      all_good &= m.precision >= 0.95 && m.recall >= 0.95;
      g_free (m.selector);
    }
  g_assert_true (all_good);
}

/* A box that is the same on every page is navigation: without the second
 * page it is taken for news, with it it is not. */
static void
test_listing_learns_navigation (void)
{
  Measure alone = measure_fixture ("picks", FALSE);
  Measure learned = measure_fixture ("picks", TRUE);

  g_assert_cmpfloat (alone.precision, <, 0.95);
  g_assert_cmpfloat (learned.precision, >=, 0.95);
  g_assert_cmpfloat (learned.recall, >=, 0.95);
  g_free (alone.selector);
  g_free (learned.selector);
}

/* The proposals besides the best: menus and boxes, lower, flagged. */
static void
test_listing_alternatives (void)
{
  gsize len;
  g_autofree char *html = read_fixture ("listing/wordpress.html", &len);
  ClipListingPage page = { html, len, "https://civil-news.example.ge/", NULL };
  g_autoptr(GPtrArray) proposals = clip_listing_propose (&page, NULL);
  ClipListingProposal *best = g_ptr_array_index (proposals, 0);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (proposals->len, >=, 2);
  for (guint i = 1; i < proposals->len; i++)
    g_assert_cmpfloat (((ClipListingProposal *) g_ptr_array_index (proposals, i))->score, <=, best->score);
  /* the selector proposed takes the same links when run again */
  again = clip_listing_select (&page, best->selector, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, best->links->len);
  g_assert_cmpuint (again->len, ==, 10);
}

static void
test_listing_navigation_share (void)
{
  gsize len;
  g_autofree char *html = read_fixture ("listing/wordpress.html", &len);
  ClipListingPage page = { html, len, "https://civil-news.example.ge/", NULL };
  g_autoptr(GPtrArray) articles = clip_listing_select (&page, "h2.entry-title > a", NULL);
  g_autoptr(GPtrArray) menu = clip_listing_select (&page, "nav a", NULL);

  g_assert_cmpuint (articles->len, ==, 10);
  g_assert_cmpfloat (clip_listing_navigation_share (&page, articles), <, 0.1);
  g_assert_cmpfloat (clip_listing_navigation_share (&page, menu), >, 0.9);
}

static void
test_listing_not_html (void)
{
  static const char junk[] = "\x00\x01\x02 not a page";
  ClipListingPage page = { junk, sizeof junk - 1, "https://x.example/", NULL };
  g_autoptr(GPtrArray) proposals = clip_listing_propose (&page, NULL);

  g_assert_cmpuint (proposals->len, ==, 0);
}

/* Sitemaps ---------------------------------------------------------------- */

static const char news_sitemap[] =
  "<?xml version='1.0' encoding='UTF-8'?>"
  "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'"
  " xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'"
  " xmlns:image='http://www.google.com/schemas/sitemap-image/1.1'>"
  "<url><loc>https://n.example.ge/a/1</loc><lastmod>2024-11-29T10:00:00+04:00</lastmod>"
  "<image:image><image:loc>https://n.example.ge/i.jpg</image:loc><image:title>Picture</image:title></image:image>"
  "<news:news><news:publication><news:name>N</news:name><news:language>ka</news:language></news:publication>"
  "<news:publication_date>2024-11-29T09:30:00+04:00</news:publication_date>"
  "<news:title>პარლამენტმა ბიუჯეტი მიიღო</news:title></news:news></url>"
  "<url><loc>file:///etc/passwd</loc></url>"
  "<url><loc> https://n.example.ge/a/2 </loc></url>"
  "</urlset>";

static void
test_sitemap_news (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipSitemap) map = clip_sitemap_parse (news_sitemap, sizeof news_sitemap - 1, &error);
  ClipSitemapEntry *e;

  g_assert_no_error (error);
  g_assert_cmpint (map->kind, ==, CLIP_SITEMAP_NEWS);
  g_assert_cmpstr (clip_sitemap_kind_name (map->kind), ==, "news");
  g_assert_cmpuint (map->entries->len, ==, 2);
  e = g_ptr_array_index (map->entries, 0);
  g_assert_cmpstr (e->url, ==, "https://n.example.ge/a/1");
  g_assert_cmpstr (e->title, ==, "პარლამენტმა ბიუჯეტი მიიღო");
  g_assert_cmpstr (e->language, ==, "ka");
  g_assert_cmpint (e->published, ==, 1732858200);
  g_assert_cmpint (e->lastmod, ==, 1732860000);
  g_assert_cmpint (clip_sitemap_entry_date (e), ==, 1732858200);
  e = g_ptr_array_index (map->entries, 1);
  g_assert_cmpstr (e->url, ==, "https://n.example.ge/a/2");
  g_assert_null (e->title);
  g_assert_cmpint (e->published, ==, CLIP_NO_DATE);
}

static void
test_sitemap_index_and_gzip (void)
{
  static const char index[] =
    "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
    "<sitemap><loc>https://n.example.ge/news.xml</loc><lastmod>2024-11-29</lastmod></sitemap>"
    "<sitemap><loc>https://n.example.ge/pages.xml.gz</loc></sitemap></sitemapindex>";
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipSitemap) map = clip_sitemap_parse (index, sizeof index - 1, &error);
  g_autoptr(GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (mem, G_CONVERTER (z));
  g_autoptr(ClipSitemap) unzipped = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (map->kind, ==, CLIP_SITEMAP_INDEX);
  g_assert_cmpuint (map->entries->len, ==, 2);
  g_assert_cmpstr (((ClipSitemapEntry *) g_ptr_array_index (map->entries, 1))->url, ==,
                   "https://n.example.ge/pages.xml.gz");

  g_assert_true (g_output_stream_write_all (out, news_sitemap, sizeof news_sitemap - 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  unzipped = clip_sitemap_parse (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (mem)),
                                 g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem)),
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unzipped->entries->len, ==, 2);
}

static void
test_sitemap_invalid (void)
{
  static const char * const bad[] = {
    "", "not xml at all", "<html><body>hi</body></html>", "<rss><channel/></rss>",
    "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><urlset><url><loc>&e;</loc></url></urlset>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClipSitemap) map = clip_sitemap_parse (bad[i], strlen (bad[i]), &error);

      /* the entity is never read: at most an empty sitemap */
      if (map)
        g_assert_cmpuint (map->entries->len, ==, 0);
      else
        g_assert_error (error, CLIP_SITEMAP_ERROR, CLIP_SITEMAP_ERROR_INVALID);
    }
}

/* robots.txt -------------------------------------------------------------- */

static void
test_robots (void)
{
  static const char text[] =
    "# comment\r\n"
    "User-agent: *\n"
    "Disallow: /private/\n"
    "Disallow: /*.pdf$\n"
    "Allow: /private/open/\n"
    "Crawl-delay: 2.5\n"
    "\n"
    "User-agent: BadBot\n"
    "Disallow: /\n"
    "Sitemap: https://s.example/sitemap.xml\n"
    "Sitemap: https://s.example/news-sitemap.xml # news\n"
    "Sitemap: ftp://s.example/x.xml\n";
  g_autoptr(ClipRobots) robots = clip_robots_parse (text, sizeof text - 1, NULL);
  g_autoptr(ClipRobots) bad = clip_robots_parse (text, sizeof text - 1, "BadBot/1.0");
  g_autoptr(ClipRobots) none = clip_robots_parse (NULL, 0, NULL);
  const char * const *maps = clip_robots_sitemaps (robots);

  g_assert_true (clip_robots_allowed_url (robots, "https://s.example/news/1"));
  g_assert_false (clip_robots_allowed_url (robots, "https://s.example/private/x"));
  g_assert_true (clip_robots_allowed_url (robots, "https://s.example/private/open/x"));
  g_assert_false (clip_robots_allowed (robots, "/files/a.pdf"));
  g_assert_true (clip_robots_allowed (robots, "/files/a.pdf?x=1"));
  g_assert_true (clip_robots_allowed_url (robots, "https://s.example/robots.txt"));
  g_assert_cmpuint (clip_robots_crawl_delay_ms (robots), ==, 2500);
  g_assert_false (clip_robots_allowed_url (bad, "https://s.example/news/1"));
  g_assert_cmpuint (clip_robots_crawl_delay_ms (bad), ==, 0);
  g_assert_true (clip_robots_allowed (none, "/anything"));
  g_assert_cmpstr (maps[0], ==, "https://s.example/sitemap.xml");
  g_assert_cmpstr (maps[1], ==, "https://s.example/news-sitemap.xml");
  g_assert_null (maps[2]);
}

/* Crawl-delay in fractions of a second, as sites write it; nonsense asks
 * for nothing, and more than a minute is a minute. */
static void
test_robots_crawl_delay (void)
{
  static const struct { const char *value; guint ms; } cases[] = {
    { "0.5", 500 }, { "2.5", 2500 }, { "1", 1000 }, { " 3 ", 3000 }, { "0,25", 250 },
    { ".75", 750 }, { "0.0001", 1 }, { "1.0005", 1001 }, { "10s", 10000 },
    { "0", 0 }, { "-2", 0 }, { "soon", 0 }, { "", 0 }, { "nan", 0 },
    { "59.9", 59900 }, { "60", 60000 }, { "7200", 60000 }, { "1e9", 60000 }, { "inf", 60000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("User-agent: *\nDisallow: /x\nCrawl-delay: %s\n",
                                               cases[i].value);
      g_autoptr(ClipRobots) robots = clip_robots_parse (text, strlen (text), NULL);

      g_test_message ("Crawl-delay: %s", cases[i].value);
      g_assert_cmpuint (clip_robots_crawl_delay_ms (robots), ==, cases[i].ms);
    }
}

static void
test_robots_named_group (void)
{
  static const char text[] =
    "User-agent: *\nDisallow: /\n\n"
    "User-agent: clippings\nUser-agent: other\nDisallow: /drafts\nCrawl-delay: 100000\n";
  g_autoptr(ClipRobots) robots = clip_robots_parse (text, sizeof text - 1, NULL);
  g_autofree char *hostile = NULL;
  g_autoptr(GString) long_pattern = g_string_new ("User-agent: *\nDisallow: ");
  g_autoptr(ClipRobots) slow = NULL;
  g_autoptr(GString) path = g_string_new ("/");

  g_assert_true (clip_robots_allowed (robots, "/news/1"));
  g_assert_false (clip_robots_allowed (robots, "/drafts/1"));
  g_assert_cmpuint (clip_robots_crawl_delay_ms (robots), ==, CLIP_ROBOTS_MAX_DELAY * 1000);
  /* "*a*a*a…" against a long path: linear, not exponential */
  for (guint i = 0; i < 2000; i++)
    g_string_append (long_pattern, "*a");
  g_string_append (long_pattern, "b\n");
  for (guint i = 0; i < 4000; i++)
    g_string_append_c (path, 'a');
  slow = clip_robots_parse (long_pattern->str, long_pattern->len, NULL);
  g_assert_true (clip_robots_allowed (slow, path->str));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/selector/xpath", test_selector_xpath);
  g_test_add_func ("/selector/invalid", test_selector_invalid);
  g_test_add_func ("/listing/select", test_select);
  g_test_add_func ("/listing/quality", test_listing_quality);
  g_test_add_func ("/listing/learns-navigation", test_listing_learns_navigation);
  g_test_add_func ("/listing/alternatives", test_listing_alternatives);
  g_test_add_func ("/listing/navigation-share", test_listing_navigation_share);
  g_test_add_func ("/listing/not-html", test_listing_not_html);
  g_test_add_func ("/sitemap/news", test_sitemap_news);
  g_test_add_func ("/sitemap/index-gzip", test_sitemap_index_and_gzip);
  g_test_add_func ("/sitemap/invalid", test_sitemap_invalid);
  g_test_add_func ("/robots/rules", test_robots);
  g_test_add_func ("/robots/crawl-delay", test_robots_crawl_delay);
  g_test_add_func ("/robots/named-group", test_robots_named_group);
  return g_test_run ();
}
