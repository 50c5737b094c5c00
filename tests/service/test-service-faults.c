/* test-service-faults.c — a refresh by the fetch service when the disk
 * fails: a write or sync that fails at every point of a refresh (answers
 * written together and alone), and a real full disk (a small tmpfs, as
 * root). Each outlet's answer is all there or not there, its outcome
 * says which, and one outlet's failure costs no other its articles; and
 * article pages, stored together, each whole or not stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE      /* unshare () */
#include "config.h"
#include "clip-archive.h"
#include "clip-paths.h"
#include "clip-store-pages.h"
#include "clip-store-sql.h"
#include "clip-test-faults.h"
#include "clip-test-service.h"
#include "clip-test-util.h"

#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>

typedef ClipTestServiceFixture Fixture;

#define N_OUTLETS 3

typedef struct {
  const char       *name;
  ClipTestFaultOps  ops;
  int               rc;
  gboolean          persistent;
} FaultKind;

/* A full disk from then on is test-store-faults' (and the tmpfs test's
 * here): a refresh costs more than a store call. */
static const FaultKind kinds[] = {
  { "full-once", CLIP_TEST_FAULT_WRITE, SQLITE_FULL, FALSE },
  { "ioerr", CLIP_TEST_FAULT_WRITE, SQLITE_IOERR_WRITE, TRUE },
};

static const char *const texts[] = {
  "The Kremlin was accused of interference in the vote, officials in Tbilisi said.",
  "NATO membership for Georgia was discussed in Brussels by the European Union.",
  "Protests in Tbilisi continued for a third night outside parliament.",
  "A bakery in Batumi opened a second shop near the sea.",
};

/* An RSS feed of items first..n-1, each about paragraphs * 60 bytes,
 * some of them matching the default rules. */
static char *
feed_xml (const char *name, guint first, guint n, guint paragraphs)
{
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>");

  g_string_append_printf (s, "<title>%s</title><link>https://example.org/%s</link>", name, name);
  for (guint i = first; i < n; i++)
    {
      g_string_append_printf (s, "<item><guid>%s-%u</guid><title>%s story %u</title>"
                              "<link>https://example.org/%s/%u</link><description>%s",
                              name, i, name, i, name, i, texts[i % G_N_ELEMENTS (texts)]);
      for (guint k = 0; k < paragraphs; k++)
        g_string_append_printf (s, " Paragraph %u of %s %u goes on about the weather.", k, name, i);
      g_string_append (s, "</description></item>");
    }
  g_string_append (s, "</channel></rss>");
  return g_string_free (s, FALSE);
}

static void
serve (Fixture *f, guint i, guint n, guint paragraphs)
{
  g_autofree char *path = g_strdup_printf ("/feed%u", i);
  g_autofree char *name = g_strdup_printf ("feed%u", i);
  g_autofree char *xml = feed_xml (name, 0, n, paragraphs);

  clip_test_server_add_body (f->server, path, "application/rss+xml", xml, -1, NULL, NULL);
}

static gint64
count (ClipStore *store, const char *sql, gint64 outlet)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, outlet);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

#define COUNT_ARTICLES "SELECT count(*) FROM articles WHERE outlet_id = ?"
#define COUNT_MATCHES "SELECT count(*) FROM matches m JOIN articles a ON a.id = m.article_id " \
                      "WHERE a.outlet_id = ?"
#define COUNT_ALERTS "SELECT count(*) FROM alerts al JOIN articles a ON a.id = al.article_id " \
                     "WHERE a.outlet_id = ?"

/* What a refresh without faults stores for each outlet. */
typedef struct {
  gint64 articles, matches, alerts;
} Expected;

/* The archive of data directory dir passes its integrity checks; on a
 * copy, so that a full disk does not get in the way. */
static void
check_data_dir (const char *dir)
{
  g_autofree char *copy = clip_test_tmpdir ();
  g_autofree char *path = g_build_filename (copy, "archive.db", NULL);
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (dir, "/archive.db", suffixes[i], NULL);
      g_autofree char *to = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *data = NULL;
      gsize len;

      if (g_file_get_contents (from, &data, &len, NULL))
        g_assert_true (g_file_set_contents (to, data, (gssize) len, NULL));
    }
  clip_test_faults_check_archive (path);
  clip_test_rm_rf (copy);
}

/* The default rules, which the fixture's archive does not start with. */
static void
load_rules (Fixture *f)
{
  g_autofree char *path = clip_paths_find_data ("rules/default-rules.json");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (path);
  clip_archive_load_rules (f->store, path, &error);
  g_assert_no_error (error);
}

/* What every run of a campaign shares: one server serving the feeds, and
 * the archive each run starts from (the default rules and the outlets). */
typedef struct {
  ClipTestServer *server;
  char           *baseline;
  gint64          ids[N_OUTLETS];
  guint           n_outlets;
  Expected        expected;     /* what a run without faults stores */
} Campaign;

static void
campaign_init (Campaign *c, guint n_outlets, guint item_count)
{
  Fixture fx = { 0 }, *f = &fx;
  g_autoptr(GError) error = NULL;

  c->n_outlets = n_outlets;
  c->server = clip_test_server_new ("127.0.0.1", NULL);
  c->baseline = clip_test_tmpdir ();
  f->server = c->server;
  f->store = clip_store_open_data_dir (c->baseline, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  load_rules (f);
  for (guint i = 0; i < n_outlets; i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed%u", i);

      serve (f, i, item_count, 8);
      c->ids[i] = clip_test_service_add_outlet (f, NULL, path);
    }
  g_clear_object (&f->store);
}

static void
campaign_clear (Campaign *c)
{
  g_clear_pointer (&c->server, clip_test_server_free);
  g_clear_pointer (&c->baseline, g_free);
}

/* Each outlet's outcome against the archive: all of its answer, with its
 * matches and alerts, and said so; or none of it, and its error. */
static void
check_outcomes (Fixture *f, Campaign *c, const FaultKind *kind)
{
  for (guint i = 0; i < c->n_outlets; i++)
    {
      const ClipFetchOutcome *o = clip_test_service_outcome (f, c->ids[i]);
      gint64 articles = count (f->store, COUNT_ARTICLES, c->ids[i]);
      g_autoptr(ClipOutlet) outlet = clip_test_service_get_outlet (f, c->ids[i]);

      if (kind == NULL)
        {
          g_assert_cmpint (o->status, ==, CLIP_FETCH_STATUS_OK);
          c->expected.articles = articles;
          c->expected.matches = count (f->store, COUNT_MATCHES, c->ids[i]);
          c->expected.alerts = count (f->store, COUNT_ALERTS, c->ids[i]);
          g_assert_cmpint (c->expected.alerts, >, 0);
        }
      if (o->status == CLIP_FETCH_STATUS_OK)
        {
          g_assert_cmpuint (o->added, ==, c->expected.articles);
          g_assert_cmpint (articles, ==, c->expected.articles);
          g_assert_cmpint (count (f->store, COUNT_MATCHES, c->ids[i]), ==, c->expected.matches);
          g_assert_cmpint (count (f->store, COUNT_ALERTS, c->ids[i]), ==, c->expected.alerts);
          continue;
        }
      g_assert_cmpint (o->status, ==, CLIP_FETCH_STATUS_ERROR);
      g_assert_true (g_str_has_prefix (o->error, "could not store the articles"));
      g_assert_cmpint (articles, ==, 0);
      g_assert_cmpint (count (f->store, COUNT_MATCHES, c->ids[i]), ==, 0);
      g_assert_cmpint (count (f->store, COUNT_ALERTS, c->ids[i]), ==, 0);
      /* Recorded with the outlet, where the disk let it be. */
      if (!kind->persistent)
        g_assert_cmpstr (outlet->last_error, ==, o->error);
    }
}

/* One refresh of the campaign's outlets on a fresh copy of its archive,
 * with kind failing its nth operation (kind NULL: no fault); returns
 * whether a fault happened. */
static gboolean
refresh_with_fault (Campaign *c, const FaultKind *kind, guint n)
{
  g_autofree char *from = g_build_filename (c->baseline, "archive.db", NULL);
  Fixture fx = { 0 }, *f = &fx;
  g_autoptr(GError) error = NULL;
  g_autofree char *to = NULL;
  g_autofree char *data = NULL;
  gboolean fired = FALSE;
  gsize len;

  f->dir = clip_test_tmpdir ();
  to = g_build_filename (f->dir, "archive.db", NULL);
  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, (gssize) len, NULL));
  f->store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->server = c->server;
  clip_test_service_start (f, NULL, FALSE);
  if (kind)
    clip_test_faults_arm (n, kind->ops, kind->rc, kind->persistent);
  clip_test_service_refresh (f, 0);
  if (kind)
    fired = clip_test_faults_disarm ();
  clip_service_stop (f->service);
  g_clear_object (&f->service);
  g_assert_cmpuint (f->results->len, ==, c->n_outlets);
  check_outcomes (f, c, kind);
  g_clear_object (&f->store);
  check_data_dir (f->dir);
  clip_test_rm_rf (f->dir);
  f->server = NULL;     /* the campaign's */
  clip_test_service_teardown (f, NULL);
  return fired;
}

/* Every fault at every point of a refresh of n_outlets outlets: with
 * several, their answers are written in one transaction (and again each
 * on its own when that fails); with one, alone. */
static void
fault_campaign (guint n_outlets, guint item_count)
{
  Campaign c = { 0 };

  /* Pages go out in the middle of a transaction, as with real feeds. */
  clip_test_faults_set_cache_pages (16);
  campaign_init (&c, n_outlets, item_count);
  refresh_with_fault (&c, NULL, 0);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint n = 1;

      while (refresh_with_fault (&c, &kinds[k], n))
        n++;
      g_test_message ("%s: %u faults", kinds[k].name, n - 1);
      g_assert_cmpuint (n, >, 2);
    }
  campaign_clear (&c);
}

static void
test_faults_together (void)
{
  fault_campaign (N_OUTLETS, 3);
}

/* One answer alone: its commit failing was rolled back twice (a
 * CRITICAL) and reported stored nothing while part of it stayed. */
static void
test_faults_alone (void)
{
  fault_campaign (1, 4);
}

#define COUNT_UNMATCHED "SELECT count(*) FROM articles a WHERE outlet_id = ? AND " \
  "summary_text NOT LIKE 'A bakery%' AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.article_id = a.id)"
#define COUNT_UNALERTED "SELECT count(*) FROM matches m JOIN articles a ON a.id = m.article_id " \
  "WHERE a.outlet_id = ? AND NOT EXISTS (SELECT 1 FROM alerts al " \
  "WHERE al.article_id = m.article_id AND al.rule_id = m.rule_id)"

/* After a refresh on a disk that may be full: each outlet has what its
 * last successful answer brought (feeds only grow here), every article
 * that a rule matches has its match and alert, and the index agrees. */
static void
check_rounds (Fixture *f, const gint64 *ids, guint n, const guint *kept)
{
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (count (f->store, COUNT_ARTICLES, ids[i]), ==, kept[i]);
      g_assert_cmpint (count (f->store, COUNT_UNMATCHED, ids[i]), ==, 0);
      g_assert_cmpint (count (f->store, COUNT_UNALERTED, ids[i]), ==, 0);
    }
  check_data_dir (f->dir);
}

#define TMPFS_OUTLETS 4
#define ITEMS_PER_ROUND 8

/* Refreshes with feeds growing by ITEMS_PER_ROUND each round until the
 * disk has filled (or rounds run out: 0); returns how many items the
 * feeds have then. */
static guint
fill_disk (Fixture *f, const gint64 *ids, guint *kept)
{
  for (guint round = 1; round <= 30; round++)
    {
      gboolean filled = FALSE;

      for (guint i = 0; i < TMPFS_OUTLETS; i++)
        serve (f, i, round * ITEMS_PER_ROUND, 40);
      clip_test_service_refresh (f, 0);
      for (guint i = 0; i < TMPFS_OUTLETS; i++)
        {
          const ClipFetchOutcome *o = clip_test_service_outcome (f, ids[i]);

          if (o->status == CLIP_FETCH_STATUS_OK)
            kept[i] = round * ITEMS_PER_ROUND;
          else
            {
              g_test_message ("round %u, outlet %u: %s", round, i, o->error);
              g_assert_true (g_str_has_prefix (o->error, "could not store the articles"));
              filled = TRUE;
            }
        }
      check_rounds (f, ids, TMPFS_OUTLETS, kept);
      if (filled)
        return round * ITEMS_PER_ROUND;
    }
  return 0;
}

#define N_PAGES 6

/* A listing of N_PAGES articles whose pages are a few paragraphs long. */
static void
serve_listing (ClipTestServer *server)
{
  g_autoptr(GString) home = g_string_new ("<html><body><ul class='news'>");

  for (guint i = 0; i < N_PAGES; i++)
    {
      g_autofree char *path = g_strdup_printf ("/news/2024/11/%02u/story-%u", i + 1, i);
      g_autoptr(GString) page = g_string_new ("<html><head><title>Story</title></head><body><article>");

      g_string_append_printf (home, "<li><a href='%s'>Story number %u of the day</a></li>", path, i);
      g_string_append_printf (page, "<h1>Story number %u of the day</h1>", i);
      for (guint k = 0; k < 6; k++)
        g_string_append_printf (page, "<p>%s Paragraph %u of story %u goes on about the weather "
                                "in the regions and what the ministry said of it.</p>",
                                texts[(i + k) % G_N_ELEMENTS (texts)], k, i);
      g_string_append (page, "</article></body></html>");
      clip_test_server_add_body (server, path, "text/html; charset=utf-8", page->str, -1, NULL, NULL);
    }
  g_string_append (home, "</ul></body></html>");
  clip_test_server_add_body (server, "/", "text/html", home->str, -1, NULL, NULL);
}

#define COUNT_HALF_PAGES "SELECT count(*) FROM articles WHERE (page_state = ?1) != " \
  "(page_text IS NOT NULL AND page_text != '')"
#define COUNT_NO_PAGE "SELECT count(*) FROM articles WHERE page_state != ?1"

/* The archive is sound and its index holds each stored page's text and
 * no other: "ministry" is in the pages only. (Not FTS5's check against
 * the articles table, clip_test_faults_check_archive()'s: the index holds
 * a page's text beside the feed's body, which the table's body is not.) */
static void
check_page_index (ClipStore *store)
{
  sqlite3 *db = clip_store_get_db (store);
  g_autofree char *integrity = clip_test_faults_dump (store, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok\n");
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ministry' "
                                 "AND rowid != ?1", 0),
                   ==, count (store, "SELECT count(*) FROM articles WHERE page_state = ?1",
                              CLIP_PAGE_STATE_FETCHED));
}

/* One refresh of the listing on a copy of baseline, failing the nth
 * write (kind NULL: none); returns whether a fault happened, and in ops
 * how many writes there were. */
static gboolean
pages_with_fault (ClipTestServer *server, const char *baseline, const FaultKind *kind, guint n,
                  guint *ops)
{
  g_autofree char *from = g_build_filename (baseline, "archive.db", NULL);
  Fixture fx = { 0 }, *f = &fx;
  g_autoptr(GError) error = NULL;
  g_autofree char *to = NULL, *data = NULL;
  gboolean fired = FALSE;
  gint64 articles;
  gsize len;

  f->dir = clip_test_tmpdir ();
  to = g_build_filename (f->dir, "archive.db", NULL);
  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, (gssize) len, NULL));
  f->store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->server = server;
  clip_test_service_start (f, NULL, FALSE);
  clip_test_faults_arm (kind ? n : G_MAXUINT, CLIP_TEST_FAULT_WRITE, kind ? kind->rc : SQLITE_FULL,
                        kind ? kind->persistent : FALSE);
  clip_test_service_refresh (f, 0);
  if (ops)
    *ops = clip_test_faults_count ();
  fired = clip_test_faults_disarm ();
  clip_service_stop (f->service);
  g_clear_object (&f->service);
  g_test_message ("%s at write %u: %s", kind ? kind->name : "no fault", n, fired ? "failed" : "not reached");
  /* Each page whole: stored with its text, or not stored at all. */
  g_assert_cmpint (count (f->store, COUNT_HALF_PAGES, CLIP_PAGE_STATE_FETCHED), ==, 0);
  articles = count (f->store, "SELECT count(*) FROM articles WHERE outlet_id != ?1", 0);
  if (kind == NULL)
    g_assert_cmpint (articles, ==, N_PAGES);
  /* A fault once costs at most the one page that was being stored on its
   * own: a batch it failed is stored again page by page. */
  if (kind != NULL && !kind->persistent && articles == N_PAGES)
    g_assert_cmpint (count (f->store, COUNT_NO_PAGE, CLIP_PAGE_STATE_FETCHED), <=, 1);
  check_page_index (f->store);
  g_clear_object (&f->store);
  clip_test_rm_rf (f->dir);
  f->server = NULL;
  clip_test_service_teardown (f, NULL);
  return fired;
}

/* Article pages are stored together when they come close together: a
 * write failing anywhere in a listing's refresh leaves every page whole,
 * its text searchable, and the archive sound. Faults at a spread of points (a refresh makes
 * hundreds of writes). */
static void
test_page_faults (void)
{
  g_autoptr(ClipTestServer) server = clip_test_server_new ("127.0.0.1", NULL);
  g_autofree char *baseline = clip_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  Fixture fx = { 0 }, *f = &fx;
  guint ops = 0, stride;

  clip_test_faults_set_cache_pages (16);
  serve_listing (server);
  f->store = clip_store_open_data_dir (baseline, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  o->url = clip_test_server_url (server, "/");
  o->kind = CLIP_OUTLET_LISTING;
  o->selector = g_strdup ("ul.news a");
  o->full_text = CLIP_FULL_TEXT_ALWAYS;
  g_assert_cmpint (clip_store_add_outlet (f->store, o, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  pages_with_fault (server, baseline, NULL, 0, &ops);
  g_assert_cmpuint (ops, >, 10);
  stride = MAX (1, ops / 40);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint runs = 0;

      for (guint n = 1; pages_with_fault (server, baseline, &kinds[k], n, NULL); n += stride)
        runs++;
      g_test_message ("%s: %u faults of %u writes", kinds[k].name, runs, ops);
      g_assert_cmpuint (runs, >, 2);
    }
  clip_test_rm_rf (baseline);
}

#define TMPFS_CHILD_ENV "CLIP_TEST_TMPFS_CHILD"
#define EXIT_SKIP 77

/* A mount namespace of this (child) process's own, where a 2 MiB tmpfs
 * is mounted on dir: it goes with the process, whatever happens to it.
 * Exits EXIT_SKIP when that cannot be done (not root). */
static void
mount_small_disk (const char *dir)
{
  if (unshare (CLONE_NEWNS) != 0 || mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", dir, "tmpfs", 0, "size=2m,mode=0700") != 0)
    {
      g_printerr ("a full disk is a small tmpfs, which needs root (%s)\n", g_strerror (errno));
      exit (EXIT_SKIP);
    }
}

/* In the child: refreshes on the small disk (on dir, which the parent
 * made and removes) until it fills, then with room again. */
static void
full_tmpfs_child (const char *dir)
{
  g_autoptr(GError) error = NULL;
  Fixture fx = { 0 }, *f = &fx;
  gint64 ids[TMPFS_OUTLETS];
  guint kept[TMPFS_OUTLETS] = { 0 };
  guint served;

  /* SQLite's default cache: the disk fills at the commits. */
  clip_test_faults_set_cache_pages (-2000);
  f->dir = g_strdup (dir);
  mount_small_disk (f->dir);
  f->store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  load_rules (f);
  f->server = clip_test_server_new ("127.0.0.1", NULL);
  for (guint i = 0; i < TMPFS_OUTLETS; i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed%u", i);

      ids[i] = clip_test_service_add_outlet (f, NULL, path);
    }
  clip_test_service_start (f, NULL, FALSE);
  served = fill_disk (f, ids, kept);
  g_assert_cmpuint (served, >, 0);

  /* Room again: everything the feeds hold, nothing twice. */
  g_assert_cmpint (mount ("tmpfs", f->dir, "tmpfs", MS_REMOUNT, "size=64m,mode=0700"), ==, 0);
  clip_test_service_refresh (f, 0);
  for (guint i = 0; i < TMPFS_OUTLETS; i++)
    {
      g_assert_cmpint (clip_test_service_outcome (f, ids[i])->status, ==, CLIP_FETCH_STATUS_OK);
      kept[i] = served;
    }
  check_rounds (f, ids, TMPFS_OUTLETS, kept);
  clip_service_stop (f->service);
  g_clear_object (&f->service);
  g_clear_object (&f->store);
  check_data_dir (f->dir);
  clip_test_service_teardown (f, NULL);
}

/* A real full disk, in a child process (as root; skipped otherwise),
 * where the mount cannot outlive the test. */
static void
test_full_tmpfs (void)
{
  const char *argv[] = { "/proc/self/exe", "-p", "/service-faults/full-tmpfs", NULL };
  g_autofree char *out = NULL, *err = NULL, *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  int status;

  if (g_getenv (TMPFS_CHILD_ENV) != NULL)
    {
      full_tmpfs_child (g_getenv (TMPFS_CHILD_ENV));
      return;
    }
  dir = clip_test_tmpdir ();
  env = g_environ_setenv (g_get_environ (), TMPFS_CHILD_ENV, dir, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == EXIT_SKIP)
    {
      g_test_skip (g_strstrip (err));
      return;
    }
  g_test_message ("%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  clip_test_faults_install ();
  g_test_add_func ("/service-faults/together", test_faults_together);
  g_test_add_func ("/service-faults/alone", test_faults_alone);
  g_test_add_func ("/service-faults/pages", test_page_faults);
  g_test_add_func ("/service-faults/full-tmpfs", test_full_tmpfs);
  return g_test_run ();
}
