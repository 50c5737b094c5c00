/* test-service-pages.c — articles' own pages through the fetch service,
 * against a loopback server: a summary-only feed whose article pages
 * hold the text; a rule on a phrase only in a page's second paragraph
 * flags the article and raises one alert; robots.txt obeyed (or ignored
 * where the outlet says); a page never fetched twice unless asked; the
 * evidence's hash is the served bytes'; dates that disagree are
 * uncertain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-commands.h"
#include "clip-rules-store.h"
#include "clip-store-pages.h"
#include "clip-store-sql.h"
#include "clip-test-service.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

typedef ClipTestServiceFixture Fixture;

static char *
iso (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/* A fixture page with its date set; its bytes as served. */
static char *
page_with_date (const char *name, gint64 published)
{
  g_autofree char *path = clip_test_data_path (name);
  g_autofree char *text = NULL;
  g_autofree char *date = iso (published);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  parts = g_strsplit (text, "@PUBLISHED@", -1);
  return g_strjoinv (date, parts);
}

static void
serve_file (Fixture *f, const char *path, const char *name, const char *type)
{
  g_autofree char *file = clip_test_data_path (name);
  g_autofree char *text = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (file, &text, &len, NULL));
  clip_test_server_add_body (f->server, path, type, text, len, NULL, NULL);
}

typedef struct {
  char *port_page;      /* as served */
  gint64 now;
} Site;

/* The summary-only Atom feed of three articles, their pages, robots.txt. */
static void
serve_site (Fixture *f, Site *site)
{
  g_autofree char *port_url = clip_test_server_url (f->server, "/news/port");
  g_autofree char *weather_url = clip_test_server_url (f->server, "/news/weather");
  g_autofree char *private_url = clip_test_server_url (f->server, "/private/memo");
  g_autofree char *recent = NULL, *older = NULL;
  g_autofree char *feed = NULL;
  g_autofree char *weather = NULL;

  site->now = g_get_real_time () / G_USEC_PER_SEC;
  recent = iso (site->now - 2 * 3600);
  /* The weather page says five days before its feed: date uncertain. */
  older = iso (site->now - 5 * 86400);
  site->port_page = page_with_date ("pages/article-port.html", site->now - 2 * 3600);
  weather = page_with_date ("pages/article-weather.html", site->now - 5 * 86400);
  feed = g_strdup_printf (
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Black Sea Herald</title>"
      "<id>urn:bsh</id><updated>%s</updated>"
      "<entry><id>urn:bsh:1</id><title>Parliament debates the coastal budget</title>"
      "<link href=\"%s\"/><updated>%s</updated>"
      "<summary>Members of parliament argued over the coastal budget…</summary></entry>"
      "<entry><id>urn:bsh:2</id><title>Storm warning for the coast</title>"
      "<link href=\"%s\"/><updated>%s</updated>"
      "<summary>A storm warning for the whole coast.</summary></entry>"
      "<entry><id>urn:bsh:3</id><title>An internal memo</title>"
      "<link href=\"%s\"/><updated>%s</updated>"
      "<summary>Read more</summary></entry></feed>",
      recent, port_url, recent, weather_url, recent, private_url, recent);
  clip_test_server_add_body (f->server, "/feed.xml", "application/atom+xml", feed, -1, NULL, NULL);
  clip_test_server_add_body (f->server, "/news/port", "text/html; charset=utf-8",
                             site->port_page, -1, NULL, NULL);
  clip_test_server_add_body (f->server, "/news/weather", "text/html; charset=utf-8",
                             weather, -1, NULL, NULL);
  clip_test_server_add_body (f->server, "/private/memo", "text/html; charset=utf-8",
                             weather, -1, NULL, NULL);
  serve_file (f, "/robots.txt", "pages/robots.txt", "text/plain");
  (void) older;
}

static gint64
add_outlet (Fixture *f, ClipFullText mode, gboolean ignore_robots)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  o->url = clip_test_server_url (f->server, "/feed.xml");
  o->full_text = mode;
  o->ignore_robots = ignore_robots;
  id = clip_store_add_outlet (f->store, o, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_rule (Fixture *f, const char *query)
{
  g_autoptr(GError) error = NULL;
  ClipRule rule = { .name = "Port", .query = (char *) query, .enabled = TRUE };
  gint64 id = clip_store_add_rule (f->store, &rule, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
int_query (Fixture *f, const char *sql, gint64 arg)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = clip_store_prepare (f->store, sql, &error);
  gint64 v = -1;

  g_assert_no_error (error);
  if (arg != G_MININT64)
    sqlite3_bind_int64 (stmt, 1, arg);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return v;
}

static gint64
article_by_guid (Fixture *f, const char *guid)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = clip_store_prepare (f->store, "SELECT id FROM articles WHERE guid = ?", &error);
  gint64 id = 0;

  g_assert_no_error (error);
  clip_store_bind_text (stmt, 1, guid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (id, >, 0);
  return id;
}

static ClipArticle *
get_article (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  ClipArticle *a = clip_store_get_article (f->store, id, &error);

  g_assert_no_error (error);
  return a;
}

typedef struct {
  gboolean done;
  gint     state;
  GError  *error;
} PageWait;

static void
page_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  PageWait *w = data;

  w->state = clip_service_fetch_page_finish (CLIP_SERVICE (source), result, &w->error);
  w->done = TRUE;
}

static gint
get_full_text (Fixture *f, gint64 id)
{
  PageWait w = { FALSE, -1, NULL };
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  clip_service_fetch_page_async (f->service, id, NULL, page_cb, &w);
  while (!w.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (w.done);
  g_assert_no_error (w.error);
  return w.state;
}

/* Each export format carries the evidence's hash and capture time. */
static void
check_exports (Fixture *f, const char *sha256)
{
  const char *formats[] = { "csv", "json", "html", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("report.%s", formats[i]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *out = NULL, *err = NULL, *text = NULL;
      const char *argv[] = { "--data-dir", f->dir, "export", "--format", formats[i],
                             "--rule", "Port", "-o", path, NULL };

      g_assert_cmpint (clip_test_run_cli (argv, &out, &err), ==, 0);
      if (strcmp (formats[i], "pdf") == 0)
        {
          const char *pdftotext[] = { "pdftotext", path, "-", NULL };
          g_autofree char *perr = NULL;
          gint status;

          if (!g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                             &text, &perr, &status, NULL))
            {
              g_test_message ("pdftotext is not installed: the PDF's evidence line is not read");
              continue;
            }
          /* A 64-digit hash wraps where the line ends (with a hyphen
           * where pango breaks a word): read the text without them. */
          g_autoptr(GString) flat = g_string_new (NULL);

          for (const char *p = text; *p; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);

              if (!g_unichar_isspace (c) && c != '-' && c != 0x2010 && c != 0x00ad)
                g_string_append_unichar (flat, c);
            }
          g_assert_nonnull (strstr (text, "Page copy SHA"));
          if (strstr (flat->str, sha256) == NULL)
            g_error ("no hash %s in the PDF's text: %s", sha256, text);
          continue;
        }
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      if (strstr (text, sha256) == NULL)
        g_error ("no evidence hash in the %s export", formats[i]);
      if (strcmp (formats[i], "csv") == 0)
        g_assert_nonnull (strstr (text, "evidence_sha256,evidence_captured"));
      if (strcmp (formats[i], "json") == 0)
        g_assert_nonnull (strstr (text, "\"captured\""));
      if (strcmp (formats[i], "html") == 0)
        g_assert_nonnull (strstr (text, "captured"));
    }
}

/* articles show: the page's text and its source, the spans said in the
 * text they are in, the dates, the evidence hash. */
static void
check_show (Fixture *f, gint64 id, const char *sha256)
{
  g_autofree char *ids = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *argv[] = { "--data-dir", f->dir, "articles", "show", ids, "--json", NULL };
  const char *text_argv[] = { "--data-dir", f->dir, "articles", "show", ids, NULL };
  const char *missing[] = { "--data-dir", f->dir, "articles", "show", "999999", NULL };
  const char *bad[] = { "--data-dir", f->dir, "articles", "show", "x", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o, *match, *span;

  g_assert_cmpint (clip_test_run_cli (argv, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (o, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (o, "text_source"), ==, "page");
  g_assert_cmpstr (json_object_get_string_member (o, "page_state"), ==, "fetched");
  g_assert_nonnull (strstr (json_object_get_string_member (o, "page_text"), "Anaklia"));
  g_assert_cmpstr (json_object_get_string_member (o, "summary"), ==,
                   "Members of parliament argued over the coastal budget…");
  g_assert_false (json_object_get_boolean_member (o, "date_uncertain"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "date_candidates")), >=, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "evidence"), "sha256"),
                   ==, sha256);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "tags")), ==, 0);
  g_assert_true (json_object_get_null_member (o, "note"));
  match = json_array_get_object_element (json_object_get_array_member (o, "matches"), 0);
  g_assert_cmpstr (json_object_get_string_member (match, "rule"), ==, "Port");
  span = json_array_get_object_element (json_object_get_array_member (match, "spans"), 0);
  g_assert_cmpstr (json_object_get_string_member (span, "field"), ==, "body");
  g_assert_cmpstr (json_object_get_string_member (span, "text"), ==, "page");
  g_assert_cmpstr (json_object_get_string_member (span, "match"), ==, "Anaklia deep-sea port");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (clip_test_run_cli (text_argv, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "text_source\tpage"));
  g_assert_nonnull (strstr (out, sha256));
  g_assert_nonnull (strstr (out, "Anaklia deep-sea port"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (clip_test_run_cli (missing, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "no article 999999"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (clip_test_run_cli (bad, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "not an article ID"));
}

static gboolean
weather_copied (Fixture *f)
{
  gint64 id = article_by_guid (f, "urn:bsh:2");
  g_autoptr(ClipEvidence) e = clip_store_get_evidence (f->store, id, NULL);

  clip_store_release_snapshot (f->store);
  return e != NULL;
}

static void
test_rule_on_page_text (Fixture *f, gconstpointer data)
{
  Site site = { 0 };
  gint64 outlet, rule, port, weather, memo;
  g_autoptr(ClipArticle) a = NULL;
  g_autoptr(ClipArticle) w = NULL;
  g_autoptr(ClipArticle) m = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipEvidence) e = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *candidates = NULL;

  serve_site (f, &site);
  outlet = add_outlet (f, CLIP_FULL_TEXT_AUTO, FALSE);
  rule = add_rule (f, "\"Anaklia deep-sea port\"");
  clip_test_service_refresh (f, outlet);
  g_assert_cmpint (clip_test_service_outcome (f, outlet)->added, ==, 3);
  port = article_by_guid (f, "urn:bsh:1");
  weather = article_by_guid (f, "urn:bsh:2");
  memo = article_by_guid (f, "urn:bsh:3");

  /* The run ends when the pages are in: the page's text beside the
   * feed's, its source said. */
  a = get_article (f, port);
  g_assert_cmpint (a->page_state, ==, CLIP_PAGE_STATE_FETCHED);
  g_assert_null (strstr (clip_article_body (a), "Anaklia"));
  g_assert_nonnull (strstr (a->page_text, "Anaklia deep-sea port"));
  g_assert_nonnull (strstr (a->page_text, "\n\n"));
  g_assert_null (strstr (a->page_text, "All rights reserved"));
  g_assert_true (g_str_has_suffix (a->page_url, "/news/port"));
  g_assert_cmpstr (a->author, ==, "Nino Beridze");
  g_assert_false (a->date_uncertain);

  /* The rule matched the page's second paragraph: one alert. */
  g_assert_cmpint (int_query (f, "SELECT count(*) FROM matches WHERE article_id = ?", port), ==, 1);
  g_assert_cmpint (int_query (f, "SELECT count(*) FROM alerts", G_MININT64), ==, 1);
  g_assert_cmpint (int_query (f, "SELECT rule_id FROM alerts WHERE article_id = ?", port), ==, rule);
  /* The index has the page's text too. */
  hits = clip_store_fts_search (f->store, "anaklia", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, port);

  /* Evidence of the matched article: the bytes as served, their hash. */
  e = clip_store_get_evidence (f->store, port, &error);
  g_assert_no_error (error);
  g_assert_nonnull (e);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, site.port_page, -1);
  g_assert_cmpstr (e->sha256, ==, sum);
  g_assert_cmpuint (e->status, ==, 200);
  g_assert_true (g_str_has_suffix (e->final_url, "/news/port"));
  g_assert_cmpint (e->captured, >=, site.now);
  g_assert_nonnull (strstr (e->headers, "\"Content-Type\":\"text/html; charset=utf-8\""));
  kept = clip_store_load_evidence (f->store, e, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept),
                   site.port_page, strlen (site.port_page));
  check_exports (f, sum);
  check_show (f, port, sum);
  /* Not matched, not flagged: no copy kept. */
  g_assert_null (clip_store_get_evidence (f->store, weather, &error));
  g_assert_no_error (error);

  /* The weather page's date is five days before its feed's. */
  w = get_article (f, weather);
  g_assert_cmpint (w->page_state, ==, CLIP_PAGE_STATE_FETCHED);
  g_assert_true (w->date_uncertain);
  candidates = clip_store_get_date_candidates (f->store, weather, &error);
  g_assert_nonnull (strstr (candidates, "\"source\":\"feed\""));
  g_assert_nonnull (strstr (candidates, "\"source\":\"meta\""));
  g_assert_nonnull (strstr (candidates, "\"source\":\"first-seen\""));

  /* robots.txt: read once, and /private/ is not fetched. */
  m = get_article (f, memo);
  g_assert_cmpint (m->page_state, ==, CLIP_PAGE_STATE_ROBOTS);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/private/memo"), ==, 0);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/robots.txt"), ==, 1);

  /* Flagged: the page is read again for its copy, which is kept. */
  {
    g_autoptr(ClipCommand) flag = clip_command_set_flag (weather, 1);
    g_autoptr(ClipEvidence) we = NULL;

    g_assert_true (clip_commands_run (clip_service_get_commands (f->service), flag, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    clip_test_service_wait_until (weather_copied, f, 20000);
    we = clip_store_get_evidence (f->store, weather, &error);
    g_assert_nonnull (we);
    g_assert_cmpuint (clip_test_server_hits (f->server, "/news/weather"), ==, 2);
  }

  /* Never twice unless asked, and never a second alert. */
  clip_test_service_refresh (f, outlet);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/news/port"), ==, 1);
  g_assert_cmpint (get_full_text (f, port), ==, CLIP_PAGE_STATE_FETCHED);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/news/port"), ==, 2);
  g_assert_cmpint (int_query (f, "SELECT count(*) FROM alerts", G_MININT64), ==, 1);
  g_free (site.port_page);
}

static void
test_never_and_robots_ignored (Fixture *f, gconstpointer data)
{
  Site site = { 0 };
  gint64 outlet;
  g_autoptr(ClipArticle) m = NULL;
  g_autoptr(ClipStore) unused = NULL;

  serve_site (f, &site);
  outlet = add_outlet (f, CLIP_FULL_TEXT_NEVER, FALSE);
  add_rule (f, "\"Anaklia deep-sea port\"");
  clip_test_service_refresh (f, outlet);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/news/port"), ==, 0);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/robots.txt"), ==, 0);
  g_assert_cmpint (int_query (f, "SELECT count(*) FROM alerts", G_MININT64), ==, 0);

  /* The analyst's own site: robots.txt not read, every page fetched. */
  g_assert_cmpint (int_query (f, "UPDATE outlets SET full_text = 1, robots = 1 RETURNING 1", G_MININT64), ==, 1);
  g_assert_cmpint (get_full_text (f, article_by_guid (f, "urn:bsh:3")), ==, CLIP_PAGE_STATE_FETCHED);
  m = get_article (f, article_by_guid (f, "urn:bsh:3"));
  g_assert_nonnull (strstr (m->page_text, "storm warning"));
  g_assert_cmpuint (clip_test_server_hits (f->server, "/private/memo"), ==, 1);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/robots.txt"), ==, 0);
  g_free (site.port_page);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/service-pages/" name, Fixture, NULL, clip_test_service_setup, fn, \
                                    clip_test_service_teardown)
  ADD ("rule-on-page-text", test_rule_on_page_text);
  ADD ("never-and-robots-ignored", test_never_and_robots_ignored);
#undef ADD
  return g_test_run ();
}
