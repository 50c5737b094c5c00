/* test-service-listing.c — outlets without a feed through the fetch
 * service, against loopback sites: a home page listing 20 articles with
 * navigation (its selector found by the listing module), a second fetch
 * with 2 new links, a news sitemap behind an index, robots.txt's Disallow
 * and Crawl-delay, and "layout changed" when the template changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-listing.h"
#include "clip-store-pages.h"
#include "clip-store-sql.h"
#include "clip-test-service.h"
#include "clip-test-util.h"

#include <string.h>

typedef ClipTestServiceFixture Fixture;

static const char * const headlines[] = {
  "Parliament adopts the budget for next year", "Opposition announces a rally on Sunday",
  "Central bank keeps its key rate unchanged", "Wine exports grew by a fifth this year",
  "Court postpones the hearing of the former mayor", "New highway section opens in the west",
  "Prime minister meets the EU delegation", "Teachers demand higher salaries again",
  "Heavy rain floods villages in Imereti", "Football federation names a new coach",
  "Flu cases drop for the third week", "City hall presents new bus lanes",
  "Observers publish their preliminary report", "Tourism reaches a record this summer",
  "Electricity tariffs rise from January", "Protesters gather at the broadcaster",
  "Mountain regions get a new strategy", "Georgian film wins an Asian festival prize",
  "Border crossing reopens after repairs", "Hazelnut farmers complain about prices",
  "President vetoes the broadcasting amendments", "Ombudsman asks about the detentions",
};

static char *
article_path (guint i)
{
  return g_strdup_printf ("/news/2024/11/%02u/story-%u", 1 + i % 28, i);
}

/* An article page: navigation, the headline, two paragraphs with a phrase
 * of its own. */
static char *
article_page (guint i)
{
  return g_strdup_printf (
      "<!DOCTYPE html><html><head><meta charset=utf-8><title>%s | Tbilisi Daily</title>"
      "<meta property='article:published_time' content='2024-11-%02uT10:00:00+04:00'></head><body>"
      "<nav><a href='/politics'>Politics</a> <a href='/economy'>Economy</a></nav>"
      "<article><h1>%s</h1><p class=byline>By Nino Beridze</p>"
      "<p>The first paragraph of story %u tells what happened in the capital today, with the "
      "details the reporters gathered from officials and witnesses over the morning.</p>"
      "<p>Its second paragraph holds the phrase unique-marker-%u and more sentences so that "
      "the page reads as an article and not as a teaser of a few words.</p></article>"
      "<footer><a href='/about'>About</a></footer></body></html>",
      headlines[i], 1 + i % 28, headlines[i], i, i);
}

/* The home page: a menu, the articles first .. first+n-1 (newest first),
 * a footer. template: "news" the list, "renamed" its class changed,
 * "menu" the list's class on the menu and the list gone. */
static char *
home_page (guint first, guint n, const char *template)
{
  g_autoptr(GString) s = g_string_new ("<!DOCTYPE html><html><head><meta charset=utf-8>"
                                       "<title>Tbilisi Daily</title></head><body>");
  const char *list_class = g_str_equal (template, "renamed") ? "stories-v2" : "news";

  g_string_append_printf (s, "<header><nav><ul%s>", g_str_equal (template, "menu") ? " class='news'" : "");
  for (guint i = 0; i < 8; i++)
    g_string_append_printf (s, "<li class='item'><h3><a href='/section/%u'>Section %u</a></h3></li>", i, i);
  g_string_append (s, "</ul></nav></header><main>");
  if (!g_str_equal (template, "menu"))
    {
      g_string_append_printf (s, "<ul class='%s'>", list_class);
      for (guint i = first + n; i > first; i--)
        {
          g_autofree char *path = article_path (i - 1);

          g_string_append_printf (s, "<li class='item'><h3><a href='%s'>%s</a></h3><p>Summary.</p></li>",
                                  path, headlines[i - 1]);
        }
      g_string_append (s, "</ul>");
    }
  g_string_append (s, "</main><footer><a href='/about-us'>About us</a> <a href='/contact'>Contact</a>"
                      "</footer></body></html>");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
serve_articles (Fixture *f, ClipTestServer *server, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = article_path (i);
      g_autofree char *page = article_page (i);

      clip_test_server_add_body (server ? server : f->server, path, "text/html; charset=utf-8",
                                 page, -1, NULL, NULL);
    }
}

static gint64
add_outlet (Fixture *f, ClipTestServer *server, const char *path, ClipOutletKind kind,
            const char *selector)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  o->url = clip_test_server_url (server ? server : f->server, path);
  o->kind = kind;
  o->selector = g_strdup (selector);
  id = clip_store_add_outlet (f->store, o, &error);
  g_assert_no_error (error);
  clip_service_reload_outlets (f->service);
  return id;
}

/* The selector the listing module proposes for the served home page. */
static char *
proposed_selector (Fixture *f, const char *html)
{
  g_autofree char *url = clip_test_server_url (f->server, "/");
  ClipListingPage page = { html, strlen (html), url, NULL };
  g_autoptr(GPtrArray) proposals = clip_listing_propose (&page, NULL);
  const ClipListingProposal *best;

  g_assert_cmpuint (proposals->len, >, 0);
  best = g_ptr_array_index (proposals, 0);
  g_assert_cmpuint (best->links->len, ==, 20);
  return g_strdup (best->selector);
}

static gint64
int_query (Fixture *f, const char *sql, gint64 arg)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = clip_store_prepare (f->store, sql, &error);
  gint64 v = -1;

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, arg);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return v;
}

/* The stored article at the address, its title and page text. */
static gboolean
stored_article (Fixture *f, const char *url, char **title, char **text, gint *state)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = clip_store_prepare (f->store,
      "SELECT title, page_text, page_state FROM articles WHERE url = ?", &error);
  gboolean found;

  g_assert_no_error (error);
  clip_store_bind_text (stmt, 1, url);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      *title = clip_store_dup_column (stmt, 0);
      *text = clip_store_dup_column (stmt, 1);
      *state = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  return found;
}

static void
assert_article (Fixture *f, ClipTestServer *server, guint i)
{
  g_autofree char *path = article_path (i);
  g_autofree char *url = clip_test_server_url (server ? server : f->server, path);
  g_autofree char *title = NULL, *text = NULL;
  g_autofree char *marker = g_strdup_printf ("unique-marker-%u", i);
  gint state = -1;

  g_assert_true (stored_article (f, url, &title, &text, &state));
  g_assert_cmpstr (title, ==, headlines[i]);
  g_assert_cmpint (state, ==, CLIP_PAGE_STATE_FETCHED);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, marker));
  g_assert_nonnull (strstr (text, "The first paragraph"));
}

static void
test_home_page (Fixture *f, gconstpointer data)
{
  g_autofree char *home = home_page (0, 20, "news");
  g_autofree char *home2 = home_page (2, 20, "news");
  g_autofree char *selector = proposed_selector (f, home);
  const ClipFetchOutcome *out;
  gint64 id;

  serve_articles (f, NULL, 22);
  clip_test_server_add_body (f->server, "/", "text/html; charset=utf-8", home, -1, NULL, NULL);
  id = add_outlet (f, NULL, "/", CLIP_OUTLET_LISTING, selector);
  clip_test_service_refresh (f, id);
  out = clip_test_service_outcome (f, id);
  g_assert_cmpint (out->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (out->added, ==, 20);
  g_assert_cmpint (clip_test_service_count_articles (f, id), ==, 20);
  for (guint i = 0; i < 20; i++)
    assert_article (f, NULL, i);
  /* the navigation was never taken for articles */
  g_assert_cmpuint (clip_test_server_hits (f->server, "/section/0"), ==, 0);

  /* Two new links at the top, two old ones gone: exactly two more, and no
   * page fetched again. */
  clip_test_server_add_body (f->server, "/", "text/html; charset=utf-8", home2, -1, NULL, NULL);
  clip_test_service_refresh (f, id);
  out = clip_test_service_outcome (f, id);
  g_assert_cmpuint (out->added, ==, 2);
  g_assert_cmpint (clip_test_service_count_articles (f, id), ==, 22);
  assert_article (f, NULL, 20);
  assert_article (f, NULL, 21);
  for (guint i = 0; i < 22; i++)
    {
      g_autofree char *path = article_path (i);

      g_assert_cmpuint (clip_test_server_hits (f->server, path), ==, 1);
    }
}

static char *
news_sitemap (Fixture *f, guint from, guint to)
{
  g_autoptr(GString) s = g_string_new ("<?xml version='1.0' encoding='UTF-8'?>"
      "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'"
      " xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>");

  for (guint i = from; i < to; i++)
    {
      g_autofree char *path = article_path (i);
      g_autofree char *url = clip_test_server_url (f->server, path);

      g_string_append_printf (s, "<url><loc>%s</loc><news:news><news:publication><news:name>TD</news:name>"
                              "<news:language>en</news:language></news:publication>"
                              "<news:publication_date>2024-11-%02uT09:00:00+04:00</news:publication_date>"
                              "<news:title>%s</news:title></news:news></url>",
                              url, 1 + i % 28, headlines[i]);
    }
  g_string_append (s, "</urlset>");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_sitemap (Fixture *f, gconstpointer data)
{
  g_autofree char *map = news_sitemap (f, 0, 4);
  g_autofree char *child = clip_test_server_url (f->server, "/news-sitemap.xml");
  g_autofree char *index = g_strdup_printf (
      "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
      "<sitemap><loc>%s</loc><lastmod>2024-11-29</lastmod></sitemap></sitemapindex>", child);
  const ClipFetchOutcome *out;
  gint64 id;

  serve_articles (f, NULL, 4);
  clip_test_server_add_body (f->server, "/news-sitemap.xml", "application/xml", map, -1, NULL, NULL);
  clip_test_server_add_body (f->server, "/sitemap_index.xml", "application/xml", index, -1, NULL, NULL);
  id = add_outlet (f, NULL, "/sitemap_index.xml", CLIP_OUTLET_SITEMAP, NULL);
  clip_test_service_refresh (f, id);
  out = clip_test_service_outcome (f, id);
  g_assert_cmpint (out->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (out->added, ==, 4);
  for (guint i = 0; i < 4; i++)
    assert_article (f, NULL, i);
  /* the sitemap's date is the article's */
  g_assert_cmpint (int_query (f, "SELECT count(*) FROM articles WHERE outlet_id = ? AND published = 1730437200",
                              id), ==, 1);
  clip_test_service_refresh (f, id);
  g_assert_cmpuint (clip_test_service_outcome (f, id)->added, ==, 0);
}

/* A plain sitemap gives addresses only: the titles are the pages'. */
static void
test_plain_sitemap (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) map = g_string_new ("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>");
  gint64 id;

  serve_articles (f, NULL, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = article_path (i);
      g_autofree char *url = clip_test_server_url (f->server, path);

      g_string_append_printf (map, "<url><loc>%s</loc><lastmod>2024-11-29</lastmod></url>", url);
    }
  g_string_append (map, "</urlset>");
  clip_test_server_add_body (f->server, "/sitemap.xml", "application/xml", map->str, -1, NULL, NULL);
  id = add_outlet (f, NULL, "/sitemap.xml", CLIP_OUTLET_SITEMAP, NULL);
  clip_test_service_refresh (f, id);
  g_assert_cmpuint (clip_test_service_outcome (f, id)->added, ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_article (f, NULL, i);
}

/* robots.txt: the Disallowed article is never fetched; the others come
 * at least Crawl-delay apart, one at a time. */
static void
test_robots (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipTestServer) site = clip_test_server_new ("127.0.0.2", NULL);
  g_autoptr(GString) home = g_string_new ("<html><body><ul class='news'>");
  const char *paths[] = { "/news/2024/11/01/story-0", "/news/2024/11/02/story-1",
                          "/private/2024/11/03/story-2" };
  g_autofree char *private_url = clip_test_server_url (site, paths[2]);
  g_autofree char *title = NULL, *text = NULL;
  gint state = -1;
  gint64 id, start, elapsed;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *page = article_page (i);

      g_string_append_printf (home, "<li><a href='%s'>%s</a></li>", paths[i], headlines[i]);
      clip_test_server_add_body (site, paths[i], "text/html; charset=utf-8", page, -1, NULL, NULL);
    }
  g_string_append (home, "</ul></body></html>");
  clip_test_server_add_body (site, "/", "text/html", home->str, -1, NULL, NULL);
  clip_test_server_add_body (site, "/robots.txt", "text/plain",
                             "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n", -1, NULL, NULL);
  clip_test_servers_reset_counts ();
  id = add_outlet (f, site, "/", CLIP_OUTLET_LISTING, "ul.news a");
  start = g_get_monotonic_time ();
  clip_test_service_refresh (f, id);
  elapsed = g_get_monotonic_time () - start;
  g_assert_cmpuint (clip_test_service_outcome (f, id)->added, ==, 3);
  g_assert_cmpuint (clip_test_server_hits (site, paths[0]), ==, 1);
  g_assert_cmpuint (clip_test_server_hits (site, paths[1]), ==, 1);
  g_assert_cmpuint (clip_test_server_hits (site, paths[2]), ==, 0);
  g_assert_true (stored_article (f, private_url, &title, &text, &state));
  g_assert_cmpint (state, ==, CLIP_PAGE_STATE_ROBOTS);
  /* two pages a second apart at least */
  g_assert_cmpint (elapsed, >=, G_USEC_PER_SEC);
  g_assert_cmpuint (clip_test_server_max_in_flight (site), ==, 1);
}

static ClipOutlet *
get_outlet (Fixture *f, gint64 id)
{
  return clip_test_service_get_outlet (f, id);
}

/* A listing whose own page robots.txt disallows: robots.txt is all that
 * is asked of the site, and the outlet's health says why. */
static void
test_robots_listing_disallowed (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipTestServer) site = clip_test_server_new ("127.0.0.3", NULL);
  g_autofree char *home = home_page (0, 6, "news");
  g_autoptr(ClipOutlet) o = NULL;
  const ClipFetchOutcome *out;
  gint64 id;

  serve_articles (f, site, 6);
  clip_test_server_add_body (site, "/section/", "text/html", home, -1, NULL, NULL);
  clip_test_server_add_body (site, "/robots.txt", "text/plain",
                             "User-agent: *\nDisallow: /section/\n", -1, NULL, NULL);
  id = add_outlet (f, site, "/section/", CLIP_OUTLET_LISTING, "ul.news a");
  clip_test_service_refresh (f, id);
  out = clip_test_service_outcome (f, id);
  g_assert_cmpint (out->status, ==, CLIP_FETCH_STATUS_ERROR);
  g_assert_cmpstr (out->error, ==, "robots.txt disallows this page");
  g_assert_cmpuint (clip_test_server_hits (site, "/robots.txt"), ==, 1);
  g_assert_cmpuint (clip_test_server_hits (site, "/section/"), ==, 0);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *path = article_path (i);

      g_assert_cmpuint (clip_test_server_hits (site, path), ==, 0);
    }
  o = get_outlet (f, id);
  g_assert_cmpstr (o->last_error, ==, "robots.txt disallows this page");
  g_assert_cmpint (clip_test_service_count_articles (f, id), ==, 0);
}

/* An index's child sitemap and a listing's next page that robots.txt
 * disallows are passed over; the allowed ones are read. */
static void
test_robots_followed_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipTestServer) site = clip_test_server_new ("127.0.0.4", NULL);
  g_autofree char *open_map = clip_test_server_url (site, "/news-sitemap.xml");
  g_autofree char *closed_map = clip_test_server_url (site, "/private/sitemap.xml");
  g_autofree char *index = g_strdup_printf (
      "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
      "<sitemap><loc>%s</loc><lastmod>2024-11-30</lastmod></sitemap>"
      "<sitemap><loc>%s</loc><lastmod>2024-11-29</lastmod></sitemap></sitemapindex>",
      closed_map, open_map);
  g_autoptr(GString) map = g_string_new ("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>");
  g_autoptr(ClipOutlet) listing = clip_outlet_new ();
  g_autoptr(GError) error = NULL;
  gint64 map_id, listing_id;

  serve_articles (f, site, 4);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = article_path (i);
      g_autofree char *url = clip_test_server_url (site, path);

      g_string_append_printf (map, "<url><loc>%s</loc></url>", url);
    }
  g_string_append (map, "</urlset>");
  clip_test_server_add_body (site, "/news-sitemap.xml", "application/xml", map->str, -1, NULL, NULL);
  clip_test_server_add_body (site, "/private/sitemap.xml", "application/xml", map->str, -1, NULL, NULL);
  clip_test_server_add_body (site, "/sitemap_index.xml", "application/xml", index, -1, NULL, NULL);
  /* a listing of two articles whose next page is in /private/ */
  clip_test_server_add_body (site, "/", "text/html",
                             "<html><body><ul class='news'>"
                             "<li><a href='/news/2024/11/03/story-2'>Central bank keeps its key rate</a></li>"
                             "<li><a href='/news/2024/11/04/story-3'>Wine exports grew by a fifth</a></li>"
                             "</ul><a class='next' href='/private/page/2'>Next</a></body></html>", -1, NULL, NULL);
  clip_test_server_add_body (site, "/private/page/2", "text/html", "<html><body></body></html>", -1, NULL, NULL);
  clip_test_server_add_body (site, "/robots.txt", "text/plain",
                             "User-agent: *\nDisallow: /private/\n", -1, NULL, NULL);
  map_id = add_outlet (f, site, "/sitemap_index.xml", CLIP_OUTLET_SITEMAP, NULL);
  listing->url = clip_test_server_url (site, "/");
  listing->kind = CLIP_OUTLET_LISTING;
  listing->selector = g_strdup ("ul.news a");
  listing->next_selector = g_strdup ("a.next");
  listing->pages = 3;
  listing_id = clip_store_add_outlet (f->store, listing, &error);
  g_assert_no_error (error);
  clip_service_reload_outlets (f->service);
  clip_test_service_refresh (f, 0);
  g_assert_cmpint (clip_test_service_outcome (f, map_id)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (clip_test_service_outcome (f, map_id)->added, ==, 2);
  g_assert_cmpint (clip_test_service_outcome (f, listing_id)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (clip_test_service_outcome (f, listing_id)->added, ==, 2);
  g_assert_cmpuint (clip_test_server_hits (site, "/news-sitemap.xml"), ==, 1);
  g_assert_cmpuint (clip_test_server_hits (site, "/private/sitemap.xml"), ==, 0);
  g_assert_cmpuint (clip_test_server_hits (site, "/private/page/2"), ==, 0);
  g_assert_cmpuint (clip_test_server_hits (site, "/robots.txt"), ==, 1);
}

/* A site that failed (a 503 on an article page) is left alone for a
 * while: the listing's next refresh asks nothing of it and says why, and
 * the refresh still ends. */
static void
test_listing_host_backing_off (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipTestServer) site = clip_test_server_new ("127.0.0.6", NULL);
  g_autofree char *home = home_page (0, 2, "news");
  g_autofree char *path0 = article_path (0);
  const ClipFetchOutcome *out;
  gint64 id;

  serve_articles (f, site, 2);
  clip_test_server_add_status (site, path0, 503, NULL, NULL);
  clip_test_server_add_body (site, "/", "text/html", home, -1, NULL, NULL);
  clip_test_server_add_status (site, "/robots.txt", 404, NULL, NULL);
  id = add_outlet (f, site, "/", CLIP_OUTLET_LISTING, "ul.news a");
  clip_test_service_refresh (f, id);
  g_assert_cmpint (clip_test_service_outcome (f, id)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (clip_test_server_hits (site, path0), ==, 1);
  g_assert_cmpuint (clip_test_server_hits (site, "/"), ==, 1);

  clip_test_service_refresh (f, id);
  out = clip_test_service_outcome (f, id);
  g_assert_cmpint (out->status, ==, CLIP_FETCH_STATUS_ERROR);
  g_assert_cmpstr (out->error, ==, "the site is not answering or asked to wait; tried again later");
  g_assert_cmpuint (clip_test_server_hits (site, "/"), ==, 1);
  g_assert_cmpuint (clip_test_server_hits (site, path0), ==, 1);
}

static gint
by_time (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* A fractional Crawl-delay between the listing and its article pages, on
 * the server's clock: each request at least the delay after the one before. */
static void
test_robots_crawl_delay (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipTestServer) site = clip_test_server_new ("127.0.0.5", NULL);
  g_autofree char *home = home_page (0, 3, "news");
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id, first;

  serve_articles (f, site, 3);
  clip_test_server_add_body (site, "/", "text/html", home, -1, NULL, NULL);
  clip_test_server_add_body (site, "/robots.txt", "text/plain",
                             "User-agent: *\nCrawl-delay: 0.4\n", -1, NULL, NULL);
  id = add_outlet (f, site, "/", CLIP_OUTLET_LISTING, "ul.news a");
  clip_test_service_refresh (f, id);
  g_assert_cmpuint (clip_test_service_outcome (f, id)->added, ==, 3);
  first = clip_test_server_first_hit_time (site, "/");
  g_array_append_val (times, first);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = article_path (i);
      gint64 t = clip_test_server_first_hit_time (site, path);

      g_assert_cmpint (t, >, 0);
      g_array_append_val (times, t);
    }
  g_array_sort (times, by_time);
  /* the listing came first: its pages wait for the site's pace too */
  g_assert_cmpint (g_array_index (times, gint64, 0), ==, first);
  for (guint i = 1; i < times->len; i++)
    {
      gint64 gap = g_array_index (times, gint64, i) - g_array_index (times, gint64, i - 1);

      g_test_message ("request %u: %" G_GINT64_FORMAT " us after the one before", i, gap);
      /* 0.4 s, less what the first request's way to the server may
       * have taken longer than the next one's */
      g_assert_cmpint (gap, >=, 350 * 1000);
    }
}

/* Sitemaps whose child sitemaps wait at a slow site's gate (Crawl-delay
 * 30 s) hold no place among the answers being worked on: with 19 of them
 * waiting, a feed of another site asked for now is fetched at once, not
 * after the slow site's next page (the service starts new outlets only
 * while fewer than 16 answers are in hand). */
static ClipTestServer *paced_index_site;
static ClipTestServer *paced_child_site;

#define PACED_MAPS 20

/* How many of PACED_MAPS paths /NAME-I.xml were asked for. */
static guint
hit_paths (ClipTestServer *server, const char *name)
{
  guint n = 0;

  for (guint i = 0; i < PACED_MAPS; i++)
    {
      g_autofree char *path = g_strdup_printf ("/%s-%u.xml", name, i);

      n += clip_test_server_hits (server, path) > 0;
    }
  return n;
}

/* Every index read and the slow site's first child answered: the other
 * children wait for its delay. */
static gboolean
children_waiting (Fixture *f)
{
  return hit_paths (paced_index_site, "index") == PACED_MAPS &&
         hit_paths (paced_child_site, "child") >= 1;
}

static gboolean
feed_fetched (Fixture *f)
{
  return clip_test_server_hits (f->server, "/feed") > 0;
}

static void
test_paced_site_holds_no_backlog (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipTestServer) a = clip_test_server_new ("127.0.0.10", NULL);
  g_autoptr(ClipTestServer) b = clip_test_server_new ("127.0.0.11", NULL);
  gint64 feed;

  paced_index_site = a;
  paced_child_site = b;
  clip_test_server_add_status (a, "/robots.txt", 404, NULL, NULL);
  clip_test_server_add_body (b, "/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 30\n", -1, NULL, NULL);
  for (guint i = 0; i < PACED_MAPS; i++)
    {
      g_autofree char *index_path = g_strdup_printf ("/index-%u.xml", i);
      g_autofree char *child_path = g_strdup_printf ("/child-%u.xml", i);
      g_autofree char *child = clip_test_server_url (b, child_path);
      g_autofree char *index = g_strdup_printf (
          "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
          "<sitemap><loc>%s</loc></sitemap></sitemapindex>", child);

      clip_test_server_add_body (a, index_path, "application/xml", index, -1, NULL, NULL);
      clip_test_server_add_body (b, child_path, "application/xml",
                                 "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'></urlset>",
                                 -1, NULL, NULL);
      add_outlet (f, a, index_path, CLIP_OUTLET_SITEMAP, NULL);
    }
  clip_service_refresh_all (f->service);
  clip_test_service_wait_until (children_waiting, f, 20000);

  clip_test_service_serve_rss (f, "/feed", "Other site", 2, NULL);
  feed = clip_test_service_add_outlet (f, NULL, "/feed");
  clip_service_reload_outlets (f->service);
  clip_service_refresh_outlet (f->service, feed);
  /* before the slow site's delay is over: 10 s of its 30 */
  clip_test_service_wait_until (feed_fetched, f, 10000);
  paced_index_site = paced_child_site = NULL;
}

static void
test_layout_changed (Fixture *f, gconstpointer data)
{
  g_autofree char *good = home_page (0, 6, "news");
  g_autofree char *renamed = home_page (0, 6, "renamed");
  g_autofree char *menu = home_page (0, 6, "menu");
  g_autofree char *newer = home_page (1, 6, "news");
  g_autoptr(ClipOutlet) o1 = NULL, o2 = NULL, o3 = NULL, o4 = NULL;
  gint64 id;

  serve_articles (f, NULL, 7);
  clip_test_server_add_body (f->server, "/", "text/html", good, -1, NULL, NULL);
  id = add_outlet (f, NULL, "/", CLIP_OUTLET_LISTING, "ul.news > li a");
  clip_test_service_refresh (f, id);
  o1 = get_outlet (f, id);
  g_assert_false (o1->layout_changed);
  g_assert_nonnull (o1->preview);
  g_assert_nonnull (strstr (o1->preview, headlines[5]));

  /* The list's class changed: the selector takes nothing. */
  clip_test_server_add_body (f->server, "/", "text/html", renamed, -1, NULL, NULL);
  clip_test_service_refresh (f, id);
  g_assert_cmpint (clip_test_service_outcome (f, id)->status, ==, CLIP_FETCH_STATUS_ERROR);
  o2 = get_outlet (f, id);
  g_assert_true (o2->layout_changed);
  g_assert_nonnull (strstr (o2->last_error, "layout changed"));
  /* the last good preview is kept to show */
  g_assert_cmpstr (o2->preview, ==, o1->preview);

  /* The class went to the menu: the selector takes navigation. */
  clip_test_server_add_body (f->server, "/", "text/html", menu, -1, NULL, NULL);
  clip_test_service_refresh (f, id);
  o3 = get_outlet (f, id);
  g_assert_true (o3->layout_changed);
  g_assert_cmpint (clip_test_service_count_articles (f, id), ==, 6);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/section/0"), ==, 0);

  /* Back to the list, with one new article: healthy again. */
  clip_test_server_add_body (f->server, "/", "text/html", newer, -1, NULL, NULL);
  clip_test_service_refresh (f, id);
  g_assert_cmpuint (clip_test_service_outcome (f, id)->added, ==, 1);
  o4 = get_outlet (f, id);
  g_assert_false (o4->layout_changed);
  g_assert_null (o4->last_error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/service-listing/home-page", Fixture, NULL, clip_test_service_setup, test_home_page,
              clip_test_service_teardown);
  g_test_add ("/service-listing/sitemap", Fixture, NULL, clip_test_service_setup, test_sitemap,
              clip_test_service_teardown);
  g_test_add ("/service-listing/plain-sitemap", Fixture, NULL, clip_test_service_setup,
              test_plain_sitemap, clip_test_service_teardown);
  g_test_add ("/service-listing/robots", Fixture, NULL, clip_test_service_setup, test_robots,
              clip_test_service_teardown);
  g_test_add ("/service-listing/robots-listing-disallowed", Fixture, NULL, clip_test_service_setup,
              test_robots_listing_disallowed, clip_test_service_teardown);
  g_test_add ("/service-listing/robots-followed-pages", Fixture, NULL, clip_test_service_setup,
              test_robots_followed_pages, clip_test_service_teardown);
  g_test_add ("/service-listing/robots-crawl-delay", Fixture, NULL, clip_test_service_setup,
              test_robots_crawl_delay, clip_test_service_teardown);
  g_test_add ("/service-listing/paced-site-holds-no-backlog", Fixture, NULL, clip_test_service_setup,
              test_paced_site_holds_no_backlog, clip_test_service_teardown);
  g_test_add ("/service-listing/host-backing-off", Fixture, NULL, clip_test_service_setup,
              test_listing_host_backing_off, clip_test_service_teardown);
  g_test_add ("/service-listing/layout-changed", Fixture, NULL, clip_test_service_setup,
              test_layout_changed, clip_test_service_teardown);
  return g_test_run ();
}
