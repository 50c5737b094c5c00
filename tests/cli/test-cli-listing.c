/* test-cli-listing.c — clippings-cli outlets probe, and outlets add
 * --listing/--sitemap, against a loopback site without a feed
 *
 * The CLI runs as a child process while this process serves the site, so
 * every wait iterates the main loop instead of blocking it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-test-server.h"
#include "clip-test-cli.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

typedef struct {
  char           *dir;
  ClipTestServer *server;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = clip_test_tmpdir ();
  f->server = clip_test_server_new ("127.0.0.1", NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  clip_test_server_free (f->server);
  g_free (f->dir);
}

/* Runs clippings-cli --data-dir DIR ARGS… and returns its exit status. */
static int
run_cli (Fixture *f, char **out, char **err, ...)
{
  va_list ap;
  int status;

  va_start (ap, err);
  status = clip_test_cli_runv (f->dir, out, err, ap);
  va_end (ap);
  return status;
}

/* A home page of 12 articles below a menu; robots.txt names a news
 * sitemap. No feed. */
static void
serve_site (Fixture *f)
{
  g_autoptr(GString) home = g_string_new ("<!DOCTYPE html><html><head><title>Daily</title></head><body>"
                                          "<header><nav><ul>");
  g_autofree char *sitemap_url = clip_test_server_url (f->server, "/news-sitemap.xml");
  g_autofree char *robots = g_strdup_printf ("User-agent: *\nDisallow: /admin/\nSitemap: %s\n", sitemap_url);
  g_autofree char *article = clip_test_server_url (f->server, "/news/2024/11/29/budget-adopted");
  g_autofree char *sitemap = g_strdup_printf (
      "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'"
      " xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
      "<url><loc>%s</loc><news:news><news:title>Budget adopted</news:title>"
      "<news:publication_date>2024-11-29</news:publication_date></news:news></url></urlset>", article);

  for (guint i = 0; i < 6; i++)
    g_string_append_printf (home, "<li><a href='/section/%u'>Section %u</a></li>", i, i);
  g_string_append (home, "</ul></nav></header><main><div class='latest'>");
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (home, "<div class='story'><h2><a href='/news/2024/11/%02u/story-%u'>"
                            "Headline number %u of the day's news</a></h2></div>", i + 1, i, i);
  g_string_append (home, "</div></main><footer><a href='/about'>About</a></footer></body></html>");
  clip_test_server_add_body (f->server, "/", "text/html; charset=utf-8", home->str, -1, NULL, NULL);
  clip_test_server_add_body (f->server, "/robots.txt", "text/plain", robots, -1, NULL, NULL);
  clip_test_server_add_body (f->server, "/news-sitemap.xml", "application/xml", sitemap, -1, NULL, NULL);
}


static void
test_probe_json (Fixture *f, gconstpointer data)
{
  g_autofree char *url = clip_test_server_url (f->server, "/");
  g_autofree char *sitemap_url = clip_test_server_url (f->server, "/news-sitemap.xml");
  g_autofree char *first = clip_test_server_url (f->server, "/news/2024/11/01/story-0");
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *best, *link, *map;
  JsonArray *listings, *links, *sitemaps;
  gboolean found = FALSE;

  serve_site (f);
  g_assert_cmpint (run_cli (f, &out, NULL, "outlets", "probe", url, "--json", NULL), ==, 0);
  root = clip_test_parse_json (out);
  o = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (o, "url"), ==, url);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "feeds")), ==, 0);
  sitemaps = json_object_get_array_member (o, "sitemaps");
  for (guint i = 0; i < json_array_get_length (sitemaps); i++)
    {
      map = json_array_get_object_element (sitemaps, i);
      if (g_strcmp0 (json_object_get_string_member (map, "url"), sitemap_url) == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (map, "kind"), ==, "news");
          found = TRUE;
        }
    }
  g_assert_true (found);
  listings = json_object_get_array_member (o, "listings");
  g_assert_cmpuint (json_array_get_length (listings), >=, 1);
  best = json_array_get_object_element (listings, 0);
  g_assert_cmpstr (json_object_get_string_member (best, "selector"), ==, "h2 > a");
  g_assert_cmpfloat (json_object_get_double_member (best, "score"), >, 0);
  links = json_object_get_array_member (best, "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 12);
  link = json_array_get_object_element (links, 0);
  g_assert_cmpstr (json_object_get_string_member (link, "url"), ==, first);
  g_assert_cmpstr (json_object_get_string_member (link, "title"), ==, "Headline number 0 of the day's news");
  /* best first */
  for (guint i = 1; i < json_array_get_length (listings); i++)
    g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (listings, i), "score"),
                       <=, json_object_get_double_member (best, "score"));
}

static JsonObject *
outlet_by_url (JsonArray *list, const char *url)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);

      if (g_strcmp0 (json_object_get_string_member (o, "url"), url) == 0)
        return o;
    }
  g_assert_not_reached ();
}

static void
test_add_listing_and_sitemap (Fixture *f, gconstpointer data)
{
  g_autofree char *url = clip_test_server_url (f->server, "/");
  g_autofree char *other = clip_test_server_url (f->server, "/?page=2");
  g_autofree char *sitemap_url = clip_test_server_url (f->server, "/news-sitemap.xml");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;

  serve_site (f);
  /* no selector: the probe's best */
  g_assert_cmpint (run_cli (f, NULL, NULL, "outlets", "add", url, "--listing", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, NULL, NULL, "outlets", "add", other, "--listing", "--selector",
                            "div.latest h2 a", "--next", "a[rel=next]", "--pages", "3", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, NULL, NULL, "outlets", "add", sitemap_url, "--sitemap", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, &out, NULL, "outlets", "list", "--json", NULL), ==, 0);
  root = clip_test_parse_json (out);
  o = outlet_by_url (json_node_get_array (root), url);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "listing");
  g_assert_cmpstr (json_object_get_string_member (o, "selector"), ==, "h2 > a");
  o = outlet_by_url (json_node_get_array (root), other);
  g_assert_cmpstr (json_object_get_string_member (o, "selector"), ==, "div.latest h2 a");
  g_assert_cmpstr (json_object_get_string_member (o, "next_selector"), ==, "a[rel=next]");
  g_assert_cmpint (json_object_get_int_member (o, "pages"), ==, 3);
  o = outlet_by_url (json_node_get_array (root), sitemap_url);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "sitemap");
  g_assert_true (json_object_get_null_member (o, "selector"));

  /* refused: a selector that is not one, options without --listing */
  g_assert_cmpint (run_cli (f, NULL, &err, "outlets", "add", "https://x.example/", "--listing",
                            "--selector", "div >", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "selector"));
  g_assert_cmpint (run_cli (f, NULL, NULL, "outlets", "add", "https://y.example/", "--selector", "a",
                            NULL), ==, 2);
  g_assert_cmpint (run_cli (f, NULL, NULL, "outlets", "add", "https://y.example/", "--listing",
                            "--sitemap", NULL), ==, 2);
}

/* An outlet removed with a flagged article kept, added again with other
 * options: the kind, selectors and pages given now are its own. */
static void
test_readd_removed (Fixture *f, gconstpointer data)
{
  g_autofree char *url = clip_test_server_url (f->server, "/");
  g_autofree char *out = NULL, *again = NULL;
  g_autoptr(JsonNode) root = NULL, root2 = NULL;
  JsonObject *o;

  serve_site (f);
  g_assert_cmpint (run_cli (f, NULL, NULL, "outlets", "add", url, "--listing", "--selector",
                            "div.latest h2 a", NULL), ==, 0);
  run_cli (f, NULL, NULL, "fetch", NULL);
  g_assert_cmpint (run_cli (f, NULL, NULL, "articles", "flag", "1", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, &out, NULL, "outlets", "remove", "1", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1 annotated article kept\n");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (f, &out, NULL, "outlets", "add", url, "--listing", "--selector", "h2 > a",
                            "--next", "a.more", "--pages", "5", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, NULL, "outlets", "list", "--json", NULL), ==, 0);
  root = clip_test_parse_json (out);
  o = outlet_by_url (json_node_get_array (root), url);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "listing");
  g_assert_cmpstr (json_object_get_string_member (o, "selector"), ==, "h2 > a");
  g_assert_cmpstr (json_object_get_string_member (o, "next_selector"), ==, "a.more");
  g_assert_cmpint (json_object_get_int_member (o, "pages"), ==, 5);

  /* and again, as a sitemap: nothing of the listing's stays */
  g_assert_cmpint (run_cli (f, NULL, NULL, "outlets", "remove", "1", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, NULL, NULL, "outlets", "add", url, "--sitemap", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, &again, NULL, "outlets", "list", "--json", NULL), ==, 0);
  root2 = clip_test_parse_json (again);
  o = outlet_by_url (json_node_get_array (root2), url);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "sitemap");
  g_assert_true (json_object_get_null_member (o, "selector"));
  g_assert_false (json_object_has_member (o, "next_selector") &&
                  !json_object_get_null_member (o, "next_selector"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-listing/probe-json", Fixture, NULL, setup, test_probe_json, teardown);
  g_test_add ("/cli-listing/add", Fixture, NULL, setup, test_add_listing_and_sitemap, teardown);
  g_test_add ("/cli-listing/readd-removed", Fixture, NULL, setup, test_readd_removed, teardown);
  return g_test_run ();
}
