/* clip-bench-floor.c — parse + SQLite's own full-text indexing, and nothing
 * else: the most any design that indexes an article in the transaction
 * that stores it (as DESIGN.md asks) can reach.
 *
 * The same feeds are parsed as in the parse-only peer, then each article's
 * title and text go into a bare FTS5 table (unicode61, diacritics removed:
 * SQLite's own tokenizer, no rules, no dedup, no alerts) in ONE transaction
 * on one thread: fewer commits than any refresh can make.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-bench-floor.h"
#include "clip-feed.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <time.h>

static double
thread_cpu (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
exec_or_die (sqlite3 *db, const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("floor: %s: %s", sql, msg);
}

static sqlite3 *
open_floor_db (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("floor: cannot open %s", path);
  exec_or_die (db, "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                   "CREATE VIRTUAL TABLE t USING fts5(title, body, "
                   "tokenize='unicode61 remove_diacritics 2');");
  return db;
}

static void
remove_db (const char *path)
{
  const char *suffix[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffix); i++)
    {
      g_autofree char *p = g_strconcat (path, suffix[i], NULL);

      g_remove (p);
    }
}

static guint
parse_and_insert (sqlite3 *db, GPtrArray *feeds)
{
  sqlite3_stmt *ins = NULL;
  guint n = 0;

  if (sqlite3_prepare_v2 (db, "INSERT INTO t(title, body) VALUES (?, ?)", -1, &ins, NULL) != SQLITE_OK)
    g_error ("floor: %s", sqlite3_errmsg (db));
  exec_or_die (db, "BEGIN");
  for (guint i = 0; i < feeds->len; i++)
    {
      gsize len;
      const char *data = g_bytes_get_data (g_ptr_array_index (feeds, i), &len);
      g_autoptr(ClipFeed) feed = clip_feed_parse (data, len, "application/rss+xml",
                                                  "http://127.0.0.1/", NULL);

      g_assert_nonnull (feed);
      for (guint j = 0; j < feed->items->len; j++)
        {
          ClipArticle *a = clip_feed_item_to_article (g_ptr_array_index (feed->items, j), feed);

          sqlite3_bind_text (ins, 1, a->title ? a->title : "", -1, SQLITE_STATIC);
          sqlite3_bind_text (ins, 2, a->summary_text ? a->summary_text : "", -1, SQLITE_STATIC);
          if (sqlite3_step (ins) != SQLITE_DONE)
            g_error ("floor: %s", sqlite3_errmsg (db));
          sqlite3_reset (ins);
          clip_article_free (a);
          n++;
        }
    }
  exec_or_die (db, "COMMIT");
  sqlite3_finalize (ins);
  return n;
}

ClipBenchFloor
clip_bench_floor_run (GPtrArray  *feeds,
                      const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "floor.db", NULL);
  ClipBenchFloor f = { 0 };
  gint64 t0;
  double c0;
  sqlite3 *db;

  remove_db (path);
  db = open_floor_db (path);
  t0 = g_get_monotonic_time ();
  c0 = thread_cpu ();
  f.articles = parse_and_insert (db, feeds);
  f.cpu = thread_cpu () - c0;
  f.seconds = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
  sqlite3_close (db);
  remove_db (path);
  return f;
}
