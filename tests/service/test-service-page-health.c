/* test-service-page-health.c — article pages in the outlet's health:
 * pages that fail (403 from a loopback server) make the outlet's pages
 * "failing" in the archive, in `outlets list --json` and in the words
 * the window shows, until a page is read again; a site whose pages fail
 * with 500 waits out its back-off across a restart of the service.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-store-pages.h"
#include "clip-store-sql.h"
#include "clip-test-service.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

typedef ClipTestServiceFixture Fixture;

/* A summary-only feed of n articles at /PREFIX/I on server, and
 * robots.txt allowing everything. */
static void
serve_feed (ClipTestServer *server, const char *feed_path, const char *prefix, guint n)
{
  g_autoptr(GString) feed = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                          "<title>Coast Post</title><link>http://127.0.0.1/</link>");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/%s/%u", prefix, i);
      g_autofree char *url = clip_test_server_url (server, path);

      g_string_append_printf (feed, "<item><title>Story %u</title><link>%s</link><guid>%s</guid>"
                              "<description>Read more</description></item>", i, url, url);
    }
  g_string_append (feed, "</channel></rss>");
  clip_test_server_add_body (server, feed_path, "application/rss+xml", feed->str, -1, NULL, NULL);
  clip_test_server_add_body (server, "/robots.txt", "text/plain", "User-agent: *\nAllow: /\n", -1,
                             NULL, NULL);
}

static gint64
add_outlet (Fixture *f, ClipTestServer *server, const char *path)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  o->url = clip_test_server_url (server, path);
  o->full_text = CLIP_FULL_TEXT_ALWAYS;
  id = clip_store_add_outlet (f->store, o, &error);
  g_assert_no_error (error);
  return id;
}

static guint
page_hits (Fixture *f, ClipTestServer *server, const char *prefix, guint n)
{
  guint total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/%s/%u", prefix, i);

      total += clip_test_server_hits (server, path);
    }
  return total;
}

static gint64
article_at (Fixture *f, ClipTestServer *server, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = clip_test_server_url (server, path);
  sqlite3_stmt *stmt = clip_store_prepare (f->store, "SELECT id FROM articles WHERE url = ?", &error);
  gint64 id = 0;

  g_assert_no_error (error);
  clip_store_bind_text (stmt, 1, url);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  clip_store_release_snapshot (f->store);
  g_assert_cmpint (id, >, 0);
  return id;
}

typedef struct {
  gboolean done;
  gint     state;
} PageWait;

static void
page_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  PageWait *w = data;
  g_autoptr(GError) error = NULL;

  w->state = clip_service_fetch_page_finish (CLIP_SERVICE (source), result, &error);
  g_assert_no_error (error);
  w->done = TRUE;
}

static gint
get_page (Fixture *f, gint64 id)
{
  PageWait w = { FALSE, -1 };

  clip_service_fetch_page_async (f->service, id, NULL, page_cb, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  return w.state;
}

/* The outlet's "pages" object in `outlets list --json`. */
static JsonObject *
listed_health (Fixture *f, gint64 outlet, JsonParser *parser, JsonObject **health)
{
  const char *argv[] = { "--data-dir", f->dir, "outlets", "list", "--json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *arr;

  g_assert_cmpint (clip_test_run_cli (argv, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  arr = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);

      if (json_object_get_int_member (o, "id") != outlet)
        continue;
      *health = json_object_get_object_member (o, "health");
      return json_object_get_object_member (*health, "pages");
    }
  g_assert_not_reached ();
}

static void
test_forbidden_pages (Fixture *f, gconstpointer data)
{
  gint64 outlet;
  g_autoptr(ClipOutlet) o = NULL;
  g_autoptr(ClipOutlet) healed = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_autofree char *said = NULL;
  JsonObject *pages, *health = NULL;

  serve_feed (f->server, "/feed.xml", "p", 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *path = g_strdup_printf ("/p/%u", i);

      clip_test_server_add_status (f->server, path, 403, NULL, NULL);
    }
  outlet = add_outlet (f, f->server, "/feed.xml");
  /* The run ends when its pages are in: all four refused. */
  clip_test_service_refresh (f, outlet);
  g_assert_cmpuint (page_hits (f, f->server, "p", 4), ==, 4);

  o = clip_test_service_get_outlet (f, outlet);
  g_assert_null (o->last_error);
  g_assert_cmpint (o->page_checked, ==, 4);
  g_assert_cmpint (clip_outlet_page_failures (o), ==, 4);
  g_assert_cmpstr (o->page_error, ==, "HTTP 403 (Forbidden)");
  g_assert_true (clip_outlet_pages_failing (o));
  /* a 403 is the page's answer, not the site's trouble: no back-off */
  g_assert_cmpint (o->page_next_attempt, ==, 0);
  said = clip_outlet_dup_page_health (o);
  g_assert_cmpstr (said, ==, "Article pages failing: HTTP 403 (Forbidden) (4 of the last 4)");

  pages = listed_health (f, outlet, parser, &health);
  g_assert_cmpstr (json_object_get_string_member (health, "status"), ==, "ok");
  g_assert_true (json_object_has_member (health, "failures"));
  g_assert_cmpstr (json_object_get_string_member (pages, "status"), ==, "failing");
  g_assert_cmpint (json_object_get_int_member (pages, "failed"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (pages, "checked"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (pages, "last_error"), ==, "HTTP 403 (Forbidden)");
  g_assert_true (json_object_get_null_member (pages, "next_attempt"));

  /* The site lets pages through again: one read clears it. */
  clip_test_server_add_body (f->server, "/p/0", "text/html",
                             "<html><body><article><p>The harbour reopened today after the "
                             "storm, the port authority said.</p></article></body></html>",
                             -1, NULL, NULL);
  g_assert_cmpint (get_page (f, article_at (f, f->server, "/p/0")), !=, CLIP_PAGE_STATE_FAILED);
  healed = clip_test_service_get_outlet (f, outlet);
  g_assert_false (clip_outlet_pages_failing (healed));
  g_assert_null (healed->page_error);
  g_assert_null (clip_outlet_dup_page_health (healed));
  g_assert_cmpint (healed->page_checked, ==, 5);
  g_assert_cmpint (clip_outlet_page_failures (healed), ==, 4);
  pages = listed_health (f, outlet, parser2, &health);
  g_assert_cmpstr (json_object_get_string_member (pages, "status"), ==, "ok");
  g_assert_true (json_object_get_null_member (pages, "last_error"));
}

/* Twenty-odd fetches later, the old failures are out of the window. */
static void
test_window (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();

  o->page_checked = 25;
  o->page_history = 0xFFFFF;
  g_assert_cmpint (clip_outlet_page_failures (o), ==, 20);
  g_assert_true (clip_outlet_pages_failing (o));
  o->page_history = 0x7;
  o->page_checked = 3;
  g_assert_true (clip_outlet_pages_failing (o));
  o->page_history = 0x3;
  g_assert_false (clip_outlet_pages_failing (o));   /* two are not "repeated" enough */
  o->page_history = 0xE;
  g_assert_false (clip_outlet_pages_failing (o));   /* the last one was read */
}

static void
test_backoff_survives_restart (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipTestServer) other = clip_test_server_new ("127.0.0.2", NULL);
  g_autoptr(ClipOutlet) o = NULL;
  g_autoptr(GPtrArray) hosts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 outlet, now = g_get_real_time () / G_USEC_PER_SEC;
  guint asked, robots;

  serve_feed (f->server, "/feed.xml", "q", 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *path = g_strdup_printf ("/q/%u", i);

      clip_test_server_add_status (f->server, path, 500, NULL, NULL);
    }
  outlet = add_outlet (f, f->server, "/feed.xml");
  clip_test_service_refresh (f, outlet);
  /* The first answers failed: the site's other pages wait. */
  asked = page_hits (f, f->server, "q", 4);
  robots = clip_test_server_hits (f->server, "/robots.txt");
  g_assert_cmpuint (asked, >=, 1);
  g_assert_cmpuint (asked, <, 4);
  o = clip_test_service_get_outlet (f, outlet);
  g_assert_cmpstr (o->page_error, ==, "HTTP 500 (Internal Server Error)");
  g_assert_cmpint (o->page_next_attempt, >, now);
  hosts = clip_store_list_page_hosts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hosts->len, ==, 1);
  g_assert_cmpstr (((ClipPageHost *) g_ptr_array_index (hosts, 0))->host, ==, "127.0.0.1");
  g_assert_cmpint (((ClipPageHost *) g_ptr_array_index (hosts, 0))->next_allowed, >, now);
  clip_store_release_snapshot (f->store);

  /* A restart: the waiting pages are read from the archive at once, and
   * the site is still in its back-off. Another site's page, asked for
   * after, is the sign that the queue was looked at. */
  clip_service_stop (f->service);
  g_clear_object (&f->service);
  serve_feed (other, "/feed.xml", "r", 1);
  clip_test_server_add_body (other, "/r/0", "text/html",
                             "<html><body><article><p>The ferry to Batumi runs again from "
                             "Monday, the line said.</p></article></body></html>", -1, NULL, NULL);
  {
    gint64 other_outlet = add_outlet (f, other, "/feed.xml");

    clip_test_service_start (f, NULL, FALSE);
    clip_test_service_refresh (f, other_outlet);
  }
  g_assert_cmpuint (clip_test_server_hits (other, "/r/0"), ==, 1);
  g_assert_cmpuint (page_hits (f, f->server, "q", 4), ==, asked);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/robots.txt"), ==, robots);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/service-page-health/" name, Fixture, NULL, \
                                  clip_test_service_setup, fn, clip_test_service_teardown)
  ADD ("forbidden-pages", test_forbidden_pages);
  ADD ("window", test_window);
  ADD ("backoff-survives-restart", test_backoff_survives_restart);
#undef ADD
  return g_test_run ();
}
