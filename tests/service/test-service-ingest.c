/* test-service-ingest.c — what a refresh by the fetch service stores and
 * reports, against loopback servers: good and bad feeds, conditional
 * requests, redirects, charsets, local files, feed discovery, writes
 * during a fetch, and the rules' matches in the commit that stores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-rules-store.h"
#include "clip-store-sql.h"
#include "clip-test-service.h"
#include "clip-test-util.h"

typedef ClipTestServiceFixture Fixture;

/* Good, malformed, HTML and missing feeds in one run: the good ones are
 * all stored and every bad one has an error a person can act on. */
static void
test_mixed (Fixture *f, gconstpointer data)
{
  gint64 good = clip_test_service_add_outlet (f, NULL, "/good");
  gint64 good2 = clip_test_service_add_outlet (f, NULL, "/good2");
  gint64 broken = clip_test_service_add_outlet (f, NULL, "/broken");
  gint64 html = clip_test_service_add_outlet (f, NULL, "/page");
  gint64 missing = clip_test_service_add_outlet (f, NULL, "/missing");
  g_autoptr(ClipOutlet) og = NULL;
  g_autoptr(ClipOutlet) ob = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  clip_test_service_serve_rss (f, "/good", "Good", 5, "\"g1\"");
  clip_test_service_serve_rss (f, "/good2", "Also good", 3, NULL);
  clip_test_server_add_body (f->server, "/broken", "application/rss+xml",
                             "\x89PNG\r\n\x1a\n\x01\x02 this is no feed", -1, NULL, NULL);
  clip_test_server_add_body (f->server, "/page", "text/html; charset=utf-8",
                             "<!DOCTYPE html><html><head><title>Home</title></head>"
                             "<body><p>Welcome</p></body></html>", -1, NULL, NULL);
  clip_test_server_add_status (f->server, "/missing", 404, NULL, NULL);

  clip_test_service_refresh (f, 0);
  g_assert_cmpuint (f->results->len, ==, 5);
  g_assert_cmpuint (f->last_done, ==, 5);
  g_assert_cmpuint (f->last_total, ==, 5);
  g_assert_cmpint (clip_test_service_outcome (f, good)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (clip_test_service_outcome (f, good)->added, ==, 5);
  g_assert_cmpuint (clip_test_service_outcome (f, good)->added_ids->len, ==, 5);
  g_assert_cmpuint (clip_test_service_outcome (f, good2)->added, ==, 3);
  g_assert_cmpint (clip_test_service_outcome (f, broken)->status, ==, CLIP_FETCH_STATUS_ERROR);
  g_assert_true (g_str_has_prefix (clip_test_service_outcome (f, broken)->error, "not a feed") ||
                 g_str_has_prefix (clip_test_service_outcome (f, broken)->error, "unreadable feed"));
  g_assert_cmpstr (clip_test_service_outcome (f, html)->error, ==,
                   "not a feed (a web page: add the site to find its feed)");
  g_assert_cmpstr (clip_test_service_outcome (f, missing)->error, ==, "HTTP 404 (Not Found)");
  g_assert_cmpint (clip_test_service_count_articles (f, good), ==, 5);
  g_assert_cmpint (clip_test_service_count_articles (f, good2), ==, 3);
  g_assert_cmpint (clip_test_service_count_articles (f, broken), ==, 0);

  /* Health, as the outlet list shows it. */
  og = clip_test_service_get_outlet (f, good);
  g_assert_cmpint (og->last_success, >=, now);
  g_assert_null (og->last_error);
  g_assert_cmpint (og->failures, ==, 0);
  g_assert_cmpstr (og->etag, ==, "\"g1\"");
  g_assert_cmpint (og->next_attempt - og->last_attempt, >=, 810);
  g_assert_cmpint (og->next_attempt - og->last_attempt, <=, 990);
  ob = clip_test_service_get_outlet (f, missing);
  g_assert_cmpstr (ob->last_error, ==, "HTTP 404 (Not Found)");
  g_assert_cmpint (ob->failures, ==, 1);
  g_assert_cmpint (ob->last_success, ==, 0);
  g_assert_cmpint (ob->next_attempt, >, now);
}

/* A JSON Feed nested 100,000 deep overflowed the stack inside json-glib
 * and took the service down with the healthy outlets' articles, before
 * the outlet's error was recorded: every later fetch crashed again. */
static void
test_deep_json (Fixture *f, gconstpointer data)
{
  const char *paths[] = { "/one", "/two", "/three" };
  gint64 healthy[G_N_ELEMENTS (paths)];
  gint64 deep = clip_test_service_add_outlet (f, NULL, "/deep.json");
  g_autofree char *json = clip_test_deep_json_feed (100000);
  g_autoptr(ClipOutlet) o = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      healthy[i] = clip_test_service_add_outlet (f, NULL, paths[i]);
      clip_test_service_serve_rss (f, paths[i], paths[i] + 1, 2 + i, NULL);
    }
  clip_test_server_add_body (f->server, "/deep.json", "application/feed+json", json, -1, NULL, NULL);
  for (int round = 1; round <= 2; round++)
    {
      clip_test_service_refresh (f, 0);
      g_assert_cmpint (clip_test_service_outcome (f, deep)->status, ==, CLIP_FETCH_STATUS_ERROR);
      g_assert_cmpstr (clip_test_service_outcome (f, deep)->error, ==,
                       "unreadable feed (This JSON cannot be read: "
                       "it is nested more than 512 levels deep)");
      for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
        {
          g_assert_cmpint (clip_test_service_outcome (f, healthy[i])->status, ==, CLIP_FETCH_STATUS_OK);
          g_assert_cmpint (clip_test_service_count_articles (f, healthy[i]), ==, 2 + i);
        }
      g_clear_pointer (&o, clip_outlet_free);
      o = clip_test_service_get_outlet (f, deep);
      g_assert_cmpstr (o->last_error, ==, clip_test_service_outcome (f, deep)->error);
      g_assert_cmpint (o->failures, ==, round);
    }
  g_assert_cmpint (clip_test_service_count_articles (f, deep), ==, 0);
}

static void
test_twice (Fixture *f, gconstpointer data)
{
  gint64 tagged = clip_test_service_add_outlet (f, NULL, "/tagged");
  gint64 plain = clip_test_service_add_outlet (f, NULL, "/plain");

  clip_test_service_serve_rss (f, "/tagged", "Tagged", 4, "\"t1\"");
  clip_test_service_serve_rss (f, "/plain", "Plain", 4, NULL);
  clip_test_service_refresh (f, 0);
  g_assert_cmpuint (clip_test_service_outcome (f, tagged)->added, ==, 4);
  g_assert_cmpuint (clip_test_service_outcome (f, plain)->added, ==, 4);
  clip_test_service_refresh (f, 0);
  g_assert_cmpint (clip_test_service_outcome (f, tagged)->status, ==, CLIP_FETCH_STATUS_NOT_MODIFIED);
  g_assert_cmpstr (clip_test_server_last_header (f->server, "/tagged", "If-None-Match"), ==, "\"t1\"");
  g_assert_cmpuint (clip_test_server_hits (f->server, "/tagged"), ==, 2);
  /* No validators: fetched in full, and nothing is stored twice. */
  g_assert_cmpint (clip_test_service_outcome (f, plain)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (clip_test_service_outcome (f, plain)->added, ==, 0);
  g_assert_cmpuint (clip_test_service_outcome (f, plain)->unchanged, ==, 4);
  g_assert_cmpint (clip_test_service_count_articles (f, tagged), ==, 4);
  g_assert_cmpint (clip_test_service_count_articles (f, plain), ==, 4);
}

static void
test_moved (Fixture *f, gconstpointer data)
{
  gint64 id = clip_test_service_add_outlet (f, NULL, "/old");
  g_autofree char *new_url = clip_test_server_url (f->server, "/new");
  g_autofree char *old = clip_test_server_url (f->server, "/old");
  g_autoptr(ClipOutlet) o = NULL;

  clip_test_service_serve_rss (f, "/new", "Moved", 2, NULL);
  clip_test_server_add_status (f->server, "/old", 301, "Location", new_url);
  clip_test_service_refresh (f, id);
  g_assert_cmpint (clip_test_service_outcome (f, id)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpstr (clip_test_service_outcome (f, id)->moved_to, ==, new_url);
  g_assert_cmpstr (clip_test_service_outcome (f, id)->url, ==, old);
  o = clip_test_service_get_outlet (f, id);
  g_assert_cmpstr (o->url, ==, new_url);
  clip_test_service_refresh (f, id);
  g_assert_null (clip_test_service_outcome (f, id)->moved_to);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/old"), ==, 1);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/new"), ==, 2);
  g_assert_cmpint (clip_test_service_count_articles (f, id), ==, 2);
}

static void
test_windows_1251 (Fixture *f, gconstpointer data)
{
  const char *utf8 = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Новости</title>"
                     "<item><guid>1</guid><title>Вмешательство в выборы</title>"
                     "<description>Кремль отрицает.</description></item></channel></rss>";
  gsize len;
  g_autofree char *cp1251 = g_convert (utf8, -1, "WINDOWS-1251", "UTF-8", NULL, &len, NULL);
  gint64 id = clip_test_service_add_outlet (f, NULL, "/ru");
  ClipArticleFilter filter = { 0 };
  g_autoptr(GPtrArray) list = NULL;
  const ClipArticle *a;

  g_assert_nonnull (cp1251);
  clip_test_server_add_body (f->server, "/ru", "text/xml; charset=windows-1251", cp1251, len, NULL, NULL);
  clip_test_service_refresh (f, id);
  g_assert_cmpstr (clip_test_service_outcome (f, id)->error, ==, NULL);
  filter.outlet_id = id;
  list = clip_store_list_articles (f->store, &filter, CLIP_SORT_NEWEST, 0, 10, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  a = g_ptr_array_index (list, 0);
  g_assert_cmpstr (a->title, ==, "Вмешательство в выборы");
  g_assert_cmpstr (a->summary_text, ==, "Кремль отрицает.");
}

static void
discovered_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GPtrArray **out = data;
  g_autoptr(GError) error = NULL;

  *out = clip_service_discover_feeds_finish (CLIP_SERVICE (source), result, &error);
  g_assert_no_error (error);
}

static void
added_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  gint64 *out = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (clip_commands_run_finish (CLIP_COMMANDS (source), result, &error));
  g_assert_no_error (error);
  *out = clip_command_get_id (clip_commands_get_command (result));
}

static void
test_discover_and_add (Fixture *f, gconstpointer data)
{
  g_autofree char *site = clip_test_server_url (f->server, "/");
  g_autofree char *feed_url = clip_test_server_url (f->server, "/news.rss");
  g_autofree char *page = g_strdup_printf ("<!DOCTYPE html><html><head><title>Site</title>"
                                           "<link rel=\"alternate\" type=\"application/rss+xml\" "
                                           "title=\"News\" href=\"/news.rss\"></head><body></body></html>");
  GPtrArray *found = NULL;
  const ClipFeedCandidate *c;
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(ClipCommand) command = NULL;
  gint64 id = 0;

  clip_test_server_add_body (f->server, "/", "text/html", page, -1, NULL, NULL);
  clip_test_service_serve_rss (f, "/news.rss", "News", 3, NULL);
  clip_service_discover_feeds_async (f->service, site, NULL, discovered_cb, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (found->len, ==, 1);
  c = g_ptr_array_index (found, 0);
  g_assert_cmpstr (c->url, ==, feed_url);
  g_assert_cmpstr (c->title, ==, "News");

  /* Adding fetches it at once. */
  o->url = g_strdup (c->url);
  o->name = g_strdup (c->title);
  command = clip_command_add_outlet (o);
  clip_commands_run_async (clip_service_get_commands (f->service), command, NULL, NULL,
                           added_cb, &id);
  while (id == 0)
    g_main_context_iteration (NULL, TRUE);
  clip_test_service_wait_until (clip_test_service_have_results, f, 10000);
  g_assert_cmpuint (clip_test_service_outcome (f, id)->added, ==, 3);
  g_assert_cmpint (clip_test_service_count_articles (f, id), ==, 3);
  g_ptr_array_unref (found);
}

static void
test_discover_probe (Fixture *f, gconstpointer data)
{
  g_autofree char *site = clip_test_server_url (f->server, "/");
  g_autofree char *atom = clip_test_server_url (f->server, "/atom.xml");
  GPtrArray *found = NULL;

  clip_test_server_add_body (f->server, "/", "text/html",
                             "<!DOCTYPE html><html><head><title>Bare</title></head></html>", -1, NULL, NULL);
  clip_test_server_add_body (f->server, "/feed", "text/html", "<html>not here</html>", -1, NULL, NULL);
  clip_test_server_add_body (f->server, "/atom.xml", "application/atom+xml",
                             "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                             "<title>Bare news</title><id>urn:x</id><updated>2025-01-01T00:00:00Z</updated>"
                             "</feed>", -1, NULL, NULL);
  clip_test_service_serve_rss (f, "/feed.json", "Never asked", 1, NULL);
  clip_service_discover_feeds_async (f->service, site, NULL, discovered_cb, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((ClipFeedCandidate *) g_ptr_array_index (found, 0))->url, ==, atom);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/rss"), ==, 0);   /* 404, not a route */
  g_assert_cmpuint (clip_test_server_hits (f->server, "/feed.json"), ==, 0);
  g_ptr_array_unref (found);
}

/* A local feed: read from disk, named after its title, and "not
 * modified" while the file is unchanged. */
static void
test_file_outlet (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "local.xml", NULL);
  g_autofree char *xml = clip_test_service_rss ("Local bulletin", 2, "local");
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(ClipOutlet) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  o->url = g_filename_to_uri (path, NULL, NULL);
  id = clip_store_add_outlet (f->store, o, &error);
  g_assert_no_error (error);
  clip_test_service_refresh (f, id);
  g_assert_cmpint (clip_test_service_outcome (f, id)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (clip_test_service_outcome (f, id)->added, ==, 2);
  g_assert_cmpstr (clip_test_service_outcome (f, id)->name, ==, "Local bulletin");
  after = clip_test_service_get_outlet (f, id);
  g_assert_cmpstr (after->name, ==, "Local bulletin");
  g_assert_cmpstr (after->site_url, ==, "https://example.org/");
  clip_test_service_refresh (f, id);
  g_assert_cmpint (clip_test_service_outcome (f, id)->status, ==, CLIP_FETCH_STATUS_NOT_MODIFIED);
}

/* Rows of a query about one outlet's articles. */
static gint64
count_for_outlet (Fixture *f, const char *sql, gint64 outlet_id)
{
  sqlite3_stmt *stmt = clip_store_prepare (f->store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, outlet_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

typedef struct {
  Fixture   *f;
  GArray    *kremlin;   /* gint64: outlets whose stories match */
  guint      checked;
} MatchWatch;

/* When the window hears of an outlet's new articles, their matches and
 * alerts are already in the archive: they were in the same commit. */
static void
on_updated_matched (ClipService *s, const ClipFetchOutcome *o, MatchWatch *w)
{
  gboolean kremlin = FALSE;
  gint64 articles, matches, alerts;

  for (guint i = 0; i < w->kremlin->len; i++)
    kremlin |= g_array_index (w->kremlin, gint64, i) == o->outlet_id;
  g_assert_cmpint (o->status, ==, CLIP_FETCH_STATUS_OK);
  articles = count_for_outlet (w->f, "SELECT count(*) FROM articles WHERE outlet_id = ?", o->outlet_id);
  matches = count_for_outlet (w->f, "SELECT count(*) FROM matches m JOIN articles a ON a.id = m.article_id "
                                    "WHERE a.outlet_id = ?", o->outlet_id);
  alerts = count_for_outlet (w->f, "SELECT count(*) FROM alerts l JOIN articles a ON a.id = l.article_id "
                                   "WHERE a.outlet_id = ?", o->outlet_id);
  g_assert_cmpint (articles, ==, 5);
  g_assert_cmpint (matches, ==, kremlin ? 5 : 0);
  g_assert_cmpint (alerts, ==, matches);
  w->checked++;
}

/* A refresh of many outlets at once (their answers share commits): every
 * new article is matched by the commit that stores it. */
static void
test_matched (Fixture *f, gconstpointer data)
{
  ClipTestServer *servers[4];
  g_autoptr(GError) error = NULL;
  ClipRule rule = { .name = "Kremlin", .query = "kremlin", .enabled = TRUE };
  MatchWatch w = { f, g_array_new (FALSE, FALSE, sizeof (gint64)), 0 };

  g_assert_cmpint (clip_store_add_rule (f->store, &rule, &error), >, 0);
  g_assert_no_error (error);
  for (guint h = 0; h < G_N_ELEMENTS (servers); h++)
    {
      g_autofree char *ip = g_strdup_printf ("127.0.0.%u", h + 31);

      servers[h] = clip_test_server_new (ip, NULL);
    }
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed/%u", i);
      g_autofree char *prefix = g_strdup_printf ("o%u", i);
      g_autofree char *xml = clip_test_service_rss (i % 2 ? "Weather" : "Kremlin", 5, prefix);
      ClipTestServer *server = servers[i % G_N_ELEMENTS (servers)];
      gint64 id;

      clip_test_server_add_body (server, path, "application/rss+xml", xml, -1, NULL, NULL);
      id = clip_test_service_add_outlet (f, server, path);
      if (i % 2 == 0)
        g_array_append_val (w.kremlin, id);
    }
  g_signal_connect (f->service, "outlet-updated", G_CALLBACK (on_updated_matched), &w);
  clip_test_service_refresh (f, 0);
  g_assert_cmpuint (f->results->len, ==, 40);
  g_assert_cmpuint (w.checked, ==, 40);
  g_signal_handlers_disconnect_by_data (f->service, &w);
  g_array_unref (w.kremlin);
  for (guint h = 0; h < G_N_ELEMENTS (servers); h++)
    clip_test_server_free (servers[h]);
}

static gboolean
slow_hit (Fixture *f)
{
  return clip_test_server_hits (f->server, "/slow") > 0;
}

/* The analyst works (here: marks an article read, through another
 * connection) while a fetch is in flight: the fetch's articles are still
 * stored, not refused as written against an old snapshot. */
static void
test_write_during_fetch (Fixture *f, gconstpointer data)
{
  gint64 first = clip_test_service_add_outlet (f, NULL, "/first");
  gint64 slow = clip_test_service_add_outlet (f, NULL, "/slow");
  g_autoptr(GPtrArray) list = NULL;
  ClipArticleFilter filter = { 0 };
  g_autoptr(GError) error = NULL;

  clip_test_service_serve_rss (f, "/first", "First", 1, NULL);
  clip_test_service_serve_rss (f, "/slow", "Slow", 3, NULL);
  clip_test_server_set_delay (f->server, "/slow", 400);
  clip_test_service_refresh (f, first);
  filter.outlet_id = first;
  list = clip_store_list_articles (f->store, &filter, CLIP_SORT_NEWEST, 0, 1, &error);
  g_assert_no_error (error);

  g_clear_pointer (&f->results, g_ptr_array_unref);
  clip_service_refresh_outlet (f->service, slow);
  clip_test_service_wait_until (slow_hit, f, 5000);
  g_assert_true (clip_store_set_read (f->store, ((ClipArticle *) g_ptr_array_index (list, 0))->id,
                                      TRUE, &error));
  g_assert_no_error (error);
  clip_test_service_wait_until (clip_test_service_have_results, f, 10000);
  g_assert_cmpstr (clip_test_service_outcome (f, slow)->error, ==, NULL);
  g_assert_cmpint (clip_test_service_count_articles (f, slow), ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/service/" name, Fixture, NULL, clip_test_service_setup, fn, \
                                    clip_test_service_teardown)
  ADD ("mixed", test_mixed);
  ADD ("deep-json", test_deep_json);
  ADD ("twice", test_twice);
  ADD ("moved", test_moved);
  ADD ("windows-1251", test_windows_1251);
  ADD ("discover-and-add", test_discover_and_add);
  ADD ("discover-probe", test_discover_probe);
  ADD ("file-outlet", test_file_outlet);
  ADD ("write-during-fetch", test_write_during_fetch);
  ADD ("matched", test_matched);
#undef ADD
  return g_test_run ();
}
