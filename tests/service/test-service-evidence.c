/* test-service-evidence.c — page copies (evidence) for the articles a
 * rule newly matches over the archive: a rule added through the core
 * command wants the pages of exactly the articles it matched, which the
 * service then reads through its page queue (not where the outlet says
 * Full text: Never); a second backfill reads none again; the page picker
 * takes its batches from the archive, shared among outlets.
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

#include <string.h>

typedef ClipTestServiceFixture Fixture;

/* What each archived article is about; "harbour" is in 0 and 2 (and in
 * the Never outlet's one). */
static const char *const topics[] = {
  "the harbour dredging works", "wheat exports through the Black Sea",
  "harbour tariffs for container ships", "a rail strike in the east",
  "the wine harvest in Kakheti",
};

static char *
page_for (const char *topic)
{
  return g_strdup_printf ("<!DOCTYPE html><html><head><title>%s</title></head><body>"
                          "<article><h1>%s</h1><p>A report on %s, as the site served it to "
                          "Clippings on its own page, with more than a teaser.</p>"
                          "<p>A second paragraph about %s.</p></article></body></html>",
                          topic, topic, topic, topic);
}

static gint64
add_outlet (Fixture *f, const char *path, ClipFullText mode)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  o->url = clip_test_server_url (f->server, path);
  o->full_text = mode;
  id = clip_store_add_outlet (f->store, o, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
by_guid (Fixture *f, const char *guid)
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

/* The archive before the rule: articles whose pages were never read
 * (stored without the service's hooks), each page served. */
static GArray *
archive (Fixture *f, gint64 outlet, const char *prefix, guint n)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ClipIngestResult result;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < n; i++)
    {
      ClipArticle *a = clip_article_new ();
      g_autofree char *path = g_strdup_printf ("/%s/%u", prefix, i);
      g_autofree char *page = page_for (topics[i % G_N_ELEMENTS (topics)]);

      a->guid = g_strdup_printf ("%s-%u", prefix, i);
      a->url = clip_test_server_url (f->server, path);
      a->title = g_strdup (topics[i % G_N_ELEMENTS (topics)]);
      a->summary_text = g_strdup_printf ("A report on %s.", topics[i % G_N_ELEMENTS (topics)]);
      a->published = now - 86400 * (30 + i);
      g_ptr_array_add (batch, a);
      clip_test_server_add_body (f->server, path, "text/html; charset=utf-8", page, -1, NULL, NULL);
    }
  clip_ingest_result_init (&result);
  g_assert_true (clip_store_ingest (f->store, outlet, batch, &result, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *guid = g_strdup_printf ("%s-%u", prefix, i);
      gint64 id = by_guid (f, guid);

      g_array_append_val (ids, id);
    }
  clip_ingest_result_clear (&result);
  return ids;
}

static gint64
count (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = clip_store_prepare (f->store, sql, &error);
  gint64 v = -1;

  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  clip_store_release_snapshot (f->store);
  return v;
}

static guint
hits (Fixture *f, const char *prefix, guint i)
{
  g_autofree char *path = g_strdup_printf ("/%s/%u", prefix, i);

  return clip_test_server_hits (f->server, path);
}

static gint64
run (Fixture *f, ClipCommand *command)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCommand) owned = command;

  g_assert_true (clip_commands_run (clip_service_get_commands (f->service), owned, NULL, NULL, NULL,
                                    &error));
  g_assert_no_error (error);
  return clip_command_get_id (owned);
}

/* The copies are in and no page waits: the queue drained. */
static gboolean
copies_in (Fixture *f)
{
  return count (f, "SELECT count(*) FROM evidence") >= 2 &&
         count (f, "SELECT count(*) FROM articles WHERE page_state = 1") == 0;
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

static void
test_backfill_keeps_copies (Fixture *f, gconstpointer data)
{
  gint64 outlet = add_outlet (f, "/feed.xml", CLIP_FULL_TEXT_AUTO);
  gint64 never = add_outlet (f, "/never.xml", CLIP_FULL_TEXT_NEVER);
  g_autoptr(GArray) ids = archive (f, outlet, "a", 5);
  g_autoptr(GArray) never_ids = archive (f, never, "n", 1);
  ClipRule rule = { .name = "Harbour", .query = "harbour", .enabled = TRUE };
  g_autoptr(ClipEvidence) e0 = NULL, e2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *served = page_for (topics[0]);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, served, -1);
  PageWait w = { FALSE, -1 };
  gint64 rule_id;

  g_assert_cmpint (count (f, "SELECT count(*) FROM evidence"), ==, 0);
  rule_id = run (f, clip_command_save_rule (&rule));
  g_assert_cmpint (count (f, "SELECT count(*) FROM matches"), ==, 3);
  clip_test_service_wait_until (copies_in, f, 20000);

  /* Exactly the two matched articles of the outlet that reads pages. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM evidence"), ==, 2);
  e0 = clip_store_get_evidence (f->store, g_array_index (ids, gint64, 0), &error);
  e2 = clip_store_get_evidence (f->store, g_array_index (ids, gint64, 2), &error);
  g_assert_no_error (error);
  g_assert_nonnull (e0);
  g_assert_nonnull (e2);
  g_assert_cmpstr (e0->sha256, ==, sum);
  g_assert_cmpuint (e0->status, ==, 200);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (hits (f, "a", i), ==, i == 0 || i == 2 ? 1 : 0);
  /* Never: the outlet's pages are not asked for, not even for a copy. */
  g_assert_cmpuint (hits (f, "n", 0), ==, 0);
  g_assert_null (clip_store_get_evidence (f->store, g_array_index (never_ids, gint64, 0), &error));
  g_assert_no_error (error);

  /* Matched again: nothing is wanted again, nothing read again. */
  run (f, clip_command_rematch_rule (rule_id));
  g_assert_cmpint (count (f, "SELECT count(*) FROM articles WHERE page_state = 1"), ==, 0);
  /* A page asked for now goes through the same queue: once it is in,
   * the queue held nothing else. */
  clip_service_fetch_page_async (f->service, g_array_index (ids, gint64, 1), NULL, page_cb, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (w.state, ==, CLIP_PAGE_STATE_FETCHED);
  g_assert_cmpuint (hits (f, "a", 1), ==, 1);
  g_assert_cmpuint (hits (f, "a", 0), ==, 1);
  g_assert_cmpuint (hits (f, "a", 2), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM evidence"), ==, 2);
}

static gboolean
copies_in_one (Fixture *f)
{
  return count (f, "SELECT count(*) FROM evidence") >= 1 &&
         count (f, "SELECT count(*) FROM articles WHERE page_state = 1") == 0;
}

/* A rule that matches a page already read (its text stored, no copy
 * kept: it matched nothing then) reads it again for the copy. */
static void
test_backfill_read_page (Fixture *f, gconstpointer data)
{
  gint64 outlet = add_outlet (f, "/feed.xml", CLIP_FULL_TEXT_ALWAYS);
  g_autoptr(GArray) ids = archive (f, outlet, "a", 2);
  ClipRule rule = { .name = "Dredging", .query = "dredging", .enabled = TRUE };
  PageWait w = { FALSE, -1 };

  clip_service_fetch_page_async (f->service, g_array_index (ids, gint64, 0), NULL, page_cb, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (w.state, ==, CLIP_PAGE_STATE_FETCHED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM evidence"), ==, 0);
  run (f, clip_command_save_rule (&rule));
  clip_test_service_wait_until (copies_in_one, f, 20000);
  g_assert_cmpuint (hits (f, "a", 0), ==, 2);
  g_assert_cmpuint (hits (f, "a", 1), ==, 0);
}

/* A feed of two articles with long texts (their pages not read in
 * Automatic), the first about topic. */
static void
serve_long_feed (Fixture *f, const char *topic)
{
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) feed = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                          "<title>Coast Post</title><link>http://127.0.0.1/</link>");

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (words, "word%u ", i);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_strdup_printf ("/a/%u", i);
      g_autofree char *url = clip_test_server_url (f->server, path);
      g_autofree char *page = page_for (topics[i]);

      g_string_append_printf (feed, "<item><title>Story %u</title><link>%s</link><guid>%s</guid>"
                              "<description>On %s. %s and the end.</description></item>",
                              i, url, url, i == 0 ? topic : topics[3], words->str);
      clip_test_server_add_body (f->server, path, "text/html; charset=utf-8", page, -1, NULL, NULL);
    }
  g_string_append (feed, "</channel></rss>");
  clip_test_server_add_body (f->server, "/live.xml", "application/rss+xml", feed->str, -1, NULL, NULL);
}

/* An article the feed changes so that a rule matches it only now: its
 * page is read for its copy. */
static void
test_changed_in_place (Fixture *f, gconstpointer data)
{
  gint64 outlet = add_outlet (f, "/live.xml", CLIP_FULL_TEXT_AUTO);
  ClipRule rule = { .name = "Harbour", .query = "harbour", .enabled = TRUE };

  run (f, clip_command_save_rule (&rule));
  serve_long_feed (f, "a quiet week");
  clip_test_service_refresh (f, outlet);
  g_assert_cmpint (clip_test_service_count_articles (f, outlet), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM matches"), ==, 0);
  g_assert_cmpuint (hits (f, "a", 0) + hits (f, "a", 1), ==, 0);

  serve_long_feed (f, "the harbour dredging works");
  clip_test_service_refresh (f, outlet);
  g_assert_cmpint (count (f, "SELECT count(*) FROM matches"), ==, 1);
  clip_test_service_wait_until (copies_in_one, f, 20000);
  g_assert_cmpuint (hits (f, "a", 0), ==, 1);
  g_assert_cmpuint (hits (f, "a", 1), ==, 0);
}

static gboolean
some_copy (Fixture *f)
{
  return count (f, "SELECT count(*) FROM evidence") > 0;
}

/* A backlog of copies to read (more than one batch) does not hold up a
 * refresh: the run ends when its own new articles' pages are in. */
static void
test_backlog_holds_no_run (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipTestServer) other = clip_test_server_new ("127.0.0.2", NULL);
  gint64 outlet = add_outlet (f, "/feed.xml", CLIP_FULL_TEXT_AUTO);
  g_autoptr(GArray) ids = archive (f, outlet, "a", 300);
  ClipRule rule = { .name = "Report", .query = "report", .enabled = TRUE };
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GError) error = NULL;
  const char *page = "<html><body><article><p>Rail workers stopped work in the east on Monday, "
                     "the union said.</p></article></body></html>";
  g_autofree char *link = clip_test_server_url (other, "/news/1");
  g_autofree char *feed = g_strdup_printf (
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Other</title>"
      "<link>http://127.0.0.2/</link><item><title>Rail strike</title><link>%s</link>"
      "<guid>%s</guid><description>Read more</description></item></channel></rss>", link, link);
  gint64 news;

  /* The old pages answer slowly: still coming when the run is over. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/a/%u", i);

      clip_test_server_set_delay (f->server, path, 3000);
    }
  clip_test_server_add_body (other, "/feed.xml", "application/rss+xml", feed, -1, NULL, NULL);
  clip_test_server_add_body (other, "/news/1", "text/html; charset=utf-8", page, -1, NULL, NULL);
  o->url = clip_test_server_url (other, "/feed.xml");
  o->full_text = CLIP_FULL_TEXT_ALWAYS;
  news = clip_store_add_outlet (f->store, o, &error);
  g_assert_no_error (error);

  run (f, clip_command_save_rule (&rule));
  clip_test_service_refresh (f, news);
  g_assert_cmpuint (clip_test_server_hits (other, "/news/1"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM evidence"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM articles WHERE page_state = 1"), ==, 300);
  /* and the copies come in after, a site's two at a time */
  clip_test_service_wait_until (some_copy, f, 20000);
}

/* Without the service: the command marks the pages of the rule's many
 * matches as waiting (in batches of transactions), and the picker takes
 * a bounded batch, shared among outlets, each outlet's newest first. */
static void
test_picker_batches (Fixture *f, gconstpointer data)
{
  gint64 big = add_outlet (f, "/big.xml", CLIP_FULL_TEXT_AUTO);
  gint64 small = add_outlet (f, "/small.xml", CLIP_FULL_TEXT_AUTO);
  g_autoptr(GArray) big_ids = archive (f, big, "b", 2600);
  g_autoptr(GArray) small_ids = archive (f, small, "s", 3);
  ClipRule rule = { .name = "Everything", .query = "report", .enabled = TRUE };
  g_autoptr(ClipCommands) commands = NULL;
  g_autoptr(ClipCommand) save = clip_command_save_rule (&rule);
  g_autoptr(GArray) batch = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  gboolean more = FALSE;
  guint from_small = 0;
  gint64 last_big = G_MAXINT64;

  commands = clip_commands_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_true (clip_commands_run (commands, save, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (clip_command_get_n_matched (save), ==, 2603);
  g_assert_cmpint (count (f, "SELECT count(*) FROM articles WHERE page_state = 1"), ==, 2603);

  batch = clip_store_waiting_pages (f->store, 256, &more, &error);
  g_assert_no_error (error);
  g_assert_true (more);
  g_assert_cmpuint (batch->len, <=, 256);
  g_assert_cmpuint (batch->len, >=, 128);
  for (guint i = 0; i < batch->len; i++)
    {
      gint64 id = g_array_index (batch, gint64, i);

      g_assert_true (g_hash_table_add (seen, &g_array_index (batch, gint64, i)));
      if (id == g_array_index (small_ids, gint64, 0) || id == g_array_index (small_ids, gint64, 1) ||
          id == g_array_index (small_ids, gint64, 2))
        from_small++;
      else
        {
          /* the big outlet's newest first */
          g_assert_cmpint (id, <, last_big);
          last_big = id;
        }
    }
  /* The small outlet's pages are in the first batch, early. */
  g_assert_cmpuint (from_small, ==, 3);
  g_assert_cmpint (g_array_index (batch, gint64, 0), ==, g_array_index (big_ids, gint64, 0));
  g_assert_cmpint (g_array_index (batch, gint64, 1), ==, g_array_index (small_ids, gint64, 0));
  clip_store_release_snapshot (f->store);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn, data) g_test_add ("/service-evidence/" name, Fixture, data, \
                                        clip_test_service_setup, fn, clip_test_service_teardown)
  ADD ("backfill-keeps-copies", test_backfill_keeps_copies, NULL);
  ADD ("backfill-read-page", test_backfill_read_page, NULL);
  ADD ("changed-in-place", test_changed_in_place, NULL);
  ADD ("backlog-holds-no-run", test_backlog_holds_no_run, NULL);
  ADD ("picker-batches", test_picker_batches, "no service");
#undef ADD
  return g_test_run ();
}
