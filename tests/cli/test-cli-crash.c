/* test-cli-crash.c — a crash campaign: clippings-cli fetch killed with
 * SIGKILL at random points while it refreshes outlets from a loopback
 * server in this process; after every kill no committed article is lost
 * or stored twice, every article a rule matches has its match and alert,
 * and the archive passes its integrity checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-archive.h"
#include "clip-store-sql.h"
#include "clip-test-faults.h"
#include "clip-test-server.h"
#include "clip-test-util.h"

#include <signal.h>
#include <string.h>

#define N_OUTLETS 5
#define N_KILLS 20
#define ITEMS_PER_ROUND 6
#define FEED_ITEMS 30

static const char *const texts[] = {
  "The Kremlin was accused of interference in the vote, officials in Tbilisi said.",
  "NATO membership for Georgia was discussed in Brussels by the European Union.",
  "Protests in Tbilisi continued for a third night outside parliament.",
  "A bakery in Batumi opened a second shop near the sea.",
};

/* Outlet o's feed in round r: FEED_ITEMS items from r * ITEMS_PER_ROUND
 * on, so that each round brings ITEMS_PER_ROUND new ones and the same
 * work; every fifth item is rewritten each round (an update). */
static void
serve_round (ClipTestServer *server, guint round)
{
  for (guint o = 0; o < N_OUTLETS; o++)
    {
      g_autofree char *path = g_strdup_printf ("/feed%u", o);
      GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                 "<rss version=\"2.0\"><channel>");

      g_string_append_printf (s, "<title>Outlet %u</title><link>https://example.org/%u</link>", o, o);
      for (guint i = round * ITEMS_PER_ROUND; i < round * ITEMS_PER_ROUND + FEED_ITEMS; i++)
        {
          g_string_append_printf (s, "<item><guid>o%u-%u</guid><title>Story %u of outlet %u</title>"
                                  "<link>https://example.org/%u/%u</link><description>%s",
                                  o, i, i, o, o, i, texts[i % G_N_ELEMENTS (texts)]);
          if (i % 5 == 0)
            g_string_append_printf (s, " Edition %u.", round);
          for (guint k = 0; k < 30; k++)
            g_string_append_printf (s, " Paragraph %u of story %u goes on about the weather.", k, i);
          g_string_append (s, "</description></item>");
        }
      g_string_append (s, "</channel></rss>");
      clip_test_server_add_body (server, path, "application/rss+xml", s->str, (gssize) s->len,
                                 NULL, NULL);
      /* Answers spread over the run, so that its commits are too. */
      clip_test_server_set_delay (server, path, o * 40);
      g_string_free (s, TRUE);
    }
}

typedef struct {
  GSubprocess *proc;
  guint        timer;
  gboolean     done;
  gboolean     killed;
} Child;

static void
waited_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Child *c = data;
  GSubprocess *proc = G_SUBPROCESS (source);

  g_assert_true (g_subprocess_wait_finish (proc, result, NULL));
  c->killed = g_subprocess_get_if_signaled (proc) && g_subprocess_get_term_sig (proc) == SIGKILL;
  c->done = TRUE;
}

static gboolean
kill_cb (gpointer data)
{
  Child *c = data;

  c->timer = 0;
  g_subprocess_send_signal (c->proc, SIGKILL);
  return G_SOURCE_REMOVE;
}

/* Runs clippings-cli fetch, killing it after kill_ms (0: never) while
 * this thread serves the feeds; returns whether it was killed, and in
 * *took_us how long it ran. */
static gboolean
run_fetch (const char *dir, guint kill_ms, gint64 *took_us)
{
  const char *argv[] = { clip_test_cli_path (), "--data-dir", dir, "fetch", NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  Child c = { 0 };

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                  G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  c.proc = proc;
  g_subprocess_wait_async (proc, NULL, waited_cb, &c);
  if (kill_ms > 0)
    c.timer = g_timeout_add (kill_ms, kill_cb, &c);
  while (!c.done)
    g_main_context_iteration (NULL, TRUE);
  if (c.timer)
    g_source_remove (c.timer);
  if (took_us)
    *took_us = g_get_monotonic_time () - start;
  if (!c.killed)
    g_assert_true (g_subprocess_get_if_exited (proc) && g_subprocess_get_exit_status (proc) == 0);
  return c.killed;
}

/* Each article as "outlet guid", one a line, in order. */
static char *
stored_articles (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open (path, CLIP_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return clip_test_faults_dump (store, "SELECT outlet_id, guid FROM articles ORDER BY 1, 2");
}

/* Whether every line of old is in new (both sorted alike). */
static gboolean
lines_kept (const char *old, const char *now)
{
  g_auto(GStrv) a = g_strsplit (old, "\n", -1);
  g_autoptr(GHashTable) have = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) b = g_strsplit (now, "\n", -1);

  for (guint i = 0; b[i]; i++)
    g_hash_table_add (have, b[i]);
  for (guint i = 0; a[i]; i++)
    if (!g_hash_table_contains (have, a[i]))
      {
        g_test_message ("lost: %s", a[i]);
        return FALSE;
      }
  return TRUE;
}

static gint64
count (ClipStore *store, const char *sql)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gint64
count_path (const char *path, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open (path, CLIP_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return count (store, sql);
}

/* What a crash may not leave: an article twice, an article a rule
 * matches without its match, a match without its alert, a damaged
 * archive or index. */
static void
check_archive (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = NULL;

  clip_test_faults_check_archive (path);
  store = clip_store_open (path, CLIP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM (SELECT canonical_url FROM articles "
                                 "GROUP BY canonical_url HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles a WHERE summary_text NOT LIKE "
                                 "'A bakery%' AND NOT EXISTS (SELECT 1 FROM matches m "
                                 "WHERE m.article_id = a.id)"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM matches m WHERE NOT EXISTS (SELECT 1 "
                                 "FROM alerts al WHERE al.article_id = m.article_id AND "
                                 "al.rule_id = m.rule_id)"), ==, 0);
}

/* The default rules, so that each answer also writes matches and alerts,
 * and the outlets. */
static void
make_archive (const char *dir, ClipTestServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  for (guint o = 0; o < N_OUTLETS; o++)
    {
      g_autofree char *path = g_strdup_printf ("/feed%u", o);
      g_autoptr(ClipOutlet) outlet = clip_outlet_new ();

      outlet->url = clip_test_server_url (server, path);
      clip_store_add_outlet (store, outlet, &error);
      g_assert_no_error (error);
    }
}

static void
test_kill_fetch (void)
{
  g_autoptr(ClipTestServer) server = clip_test_server_new ("127.0.0.1", NULL);
  g_autofree char *dir = clip_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "archive.db", NULL);
  g_autofree char *seen = NULL;
  gint64 took = 0;
  guint killed = 0, round;

  make_archive (dir, server);
  /* Whole fetches first: the archive's first articles, then one like
   * those to kill (as many new articles): how long it takes. */
  serve_round (server, 0);
  g_assert_false (run_fetch (dir, 0, NULL));
  serve_round (server, 1);
  g_assert_false (run_fetch (dir, 0, &took));
  seen = stored_articles (path);
  for (round = 2; round < N_KILLS + 2; round++)
    {
      g_autofree char *now = NULL;
      /* One kill in each twentieth of a whole fetch's time, at random
       * within it: from the program's start to its last commit. */
      double stratum = (round - 2 + g_test_rand_double ()) / N_KILLS;
      guint at = 1 + (guint) (stratum * 1.1 * (double) took / 1000);

      serve_round (server, round);
      killed += run_fetch (dir, at, NULL);
      check_archive (path);
      now = stored_articles (path);
      g_assert_true (lines_kept (seen, now));
      g_free (seen);
      seen = g_steal_pointer (&now);
    }
  g_test_message ("%u of %u fetches killed (a whole one took %" G_GINT64_FORMAT " ms)",
                  killed, N_KILLS, took / 1000);
  g_assert_cmpuint (killed, >=, N_KILLS / 2);

  /* Once it may finish: every item of the last feeds, once. */
  g_assert_false (run_fetch (dir, 0, NULL));
  check_archive (path);
  g_assert_cmpint (count_path (path, "SELECT count(*) FROM articles WHERE CAST(substr(guid, "
                                     "instr(guid, '-') + 1) AS INTEGER) >= "
                                     G_STRINGIFY ((N_KILLS + 1) * ITEMS_PER_ROUND)),
                   ==, N_OUTLETS * FEED_ITEMS);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/crash/kill-fetch", test_kill_fetch);
  return g_test_run ();
}
