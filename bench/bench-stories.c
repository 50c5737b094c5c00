/* bench-stories.c — stories at a large archive: grouping the whole
 * archive from scratch, grouping new articles as they are ingested, the
 * index's memory, and a rule's coverage; each against SQLite alone doing
 * the least the same job needs (inserting the same rows; counting the
 * same matches), measured in the same run.
 *
 *   bench-stories [--articles N] [--new N] [--matches N] [--archive PATH]
 *
 * The corpus is bench/clip-corpus.c's, made into news: articles come in
 * events of about six (sharing two names and a number in title and lead),
 * 8% are near-copies of an article published shortly before (a new
 * headline, a sentence added) and 0.5% recycled copies of one two months
 * older.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-corpus.h"
#include "clip-store-sql.h"
#include "clip-stories.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static int n_articles = 1000000;
static int n_new = 20000;
static int n_matches = 100000;
static char *archive_path;
static gboolean only_coverage;

static const GOptionEntry entries[] = {
  { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles in the archive", "N" },
  { "new", 0, 0, G_OPTION_ARG_INT, &n_new, "New articles grouped as they are ingested", "N" },
  { "matches", 0, 0, G_OPTION_ARG_INT, &n_matches, "Matches of the rule whose coverage is timed", "N" },
  { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive_path, "Keep (and reuse) the archive here", "PATH" },
  { "only-coverage", 0, 0, G_OPTION_ARG_NONE, &only_coverage, "Time the coverage alone (a grouped --archive)", NULL },
  { NULL }
};

#define N_OUTLETS 20
/* clip_corpus_article() publishes one article a minute, back from here. */
#define CORPUS_NEWEST 1733011200

/* Names as varied as a newsroom's: four syllables of these. */
static const char *const syllables[] = {
  "va", "ri", "ko", "la", "dze", "shvi", "li", "ma", "ne", "to", "ber", "gan", "so", "mi",
  "ta", "ro", "vel", "ka", "zu", "pe", "bra", "dim", "fon", "gur", "hal", "jen", "kru",
  "lom", "nar", "pol", "rus", "sten", "tar", "vik", "wel", "zor", "bog", "del", "fer", "mun",
};

static char *
event_name (guint64 event, guint which)
{
  guint64 x = (event * 2 + which) * 0x9E3779B97F4A7C15ULL;
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 4; i++, x >>= 8)
    g_string_append (s, syllables[x % G_N_ELEMENTS (syllables)]);
  s->str[0] = g_ascii_toupper (s->str[0]);
  return g_string_free (s, FALSE);
}

/* Article index i as news: in an event, or a copy. A negative index is
 * newer than the archive (the new articles). */
static ClipArticle *
news_article (ClipCorpus *corpus, gint64 i)
{
  guint64 h = (guint64) (i + 1000000000) * 0xBF58476D1CE4E5B9ULL;
  gint64 source = (h >> 20) % 1000 < 80 ? i + 1 + (gint64) ((h >> 40) % 50)
                : (h >> 20) % 1000 < 85 ? i + 90000 + (gint64) ((h >> 40) % 1000) : i;
  guint64 event = (guint64) (source + 1000000000) / 6;
  ClipArticle *a = clip_corpus_article (corpus, (guint64) (source + 1000000000));
  g_autofree char *n1 = event_name (event, 0), *n2 = event_name (event, 1);
  char *text;

  a->published = CORPUS_NEWEST - i * 60;
  g_free (a->guid);
  a->guid = g_strdup_printf ("news-%" G_GINT64_FORMAT, i);
  g_free (a->url);
  a->url = g_strdup_printf ("https://outlet.example/news/%" G_GINT64_FORMAT, i);
  text = g_strdup_printf ("%s and %s: %u %s", n1, n2, (guint) (event % 100003), a->title);
  g_free (a->title);
  a->title = text;
  text = g_strdup_printf ("%s met %s on %u. %s%s", n1, n2, (guint) (event % 100003), a->summary_text,
                          source != i ? " A sentence this outlet added." : "");
  g_free (a->summary_text);
  a->summary_text = text;
  return a;
}

static double
ingest_range (ClipStore *store, ClipCorpus *corpus, gint64 first, gint64 n)
{
  g_autoptr(GTimer) timer = g_timer_new ();

  for (gint64 i = 0; i < n; i += 1000)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
      g_autoptr(GError) error = NULL;
      ClipIngestResult r;

      for (gint64 j = i; j < MIN (i + 1000, n); j++)
        g_ptr_array_add (batch, news_article (corpus, first + j));
      clip_ingest_result_init (&r);
      if (!clip_store_ingest (store, 1 + (i / 1000) % N_OUTLETS, batch, &r, &error))
        g_error ("ingest: %s", error->message);
      clip_ingest_result_clear (&r);
    }
  return g_timer_elapsed (timer, NULL);
}

static gint64
query_int (ClipStore *store, const char *sql)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, NULL);
  gint64 v;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (clip_store_get_db (store)));
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return v;
}

static double
rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (p = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (p + 6, NULL) / 1024;
}

static ClipStore *
open_archive (const char *path)
{
  g_autoptr(GError) error = NULL;
  ClipStore *store = clip_store_open (path, CLIP_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  for (int o = 1; o <= N_OUTLETS; o++)
    {
      g_autofree char *url = g_strdup_printf ("https://outlet%d.example/feed", o);
      g_autofree char *name = g_strdup_printf ("Outlet %d", o);
      ClipOutlet out = { .url = url, .name = name, .group = "", .interval = 900, .enabled = TRUE };

      g_autoptr(ClipOutlet) found = clip_store_find_outlet (store, url, NULL);

      if (found == NULL)
        clip_store_add_outlet (store, &out, NULL);
    }
  return store;
}

/* CPU seconds of this thread: steadier than wall time on a shared
 * machine, so both are printed. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Hooks around the stories one: the time spent grouping. */
static gint64 hook_start;
static double hook_cpu_start, grouping_seconds, grouping_cpu;

static gboolean
before_hook (ClipStore *s, const GArray *ids, gpointer d, GError **e)
{
  hook_start = g_get_monotonic_time ();
  hook_cpu_start = cpu_seconds ();
  return TRUE;
}

static gboolean
after_hook (ClipStore *s, const GArray *ids, gpointer d, GError **e)
{
  grouping_seconds += (g_get_monotonic_time () - hook_start) / 1e6;
  grouping_cpu += cpu_seconds () - hook_cpu_start;
  return TRUE;
}

/* The peer: SQLite inserting the rows grouping writes, nothing else. */
static double
sqlite_rows_peer (ClipStore *store, gint64 n, double *peer_cpu)
{
  g_autoptr(GTimer) timer = NULL;
  sqlite3_stmt *stmt;
  double cpu = cpu_seconds ();

  clip_store_exec (store, "CREATE TEMP TABLE peer (article_id INTEGER PRIMARY KEY, "
                          "story_id INTEGER, time INTEGER, outlet_id INTEGER)", NULL);
  stmt = clip_store_prepare (store, "INSERT INTO peer VALUES (?, ?, ?, ?)", NULL);
  timer = g_timer_new ();
  for (gint64 i = 0; i < n; i += 1000)
    {
      clip_store_begin (store, NULL);
      for (gint64 j = i; j < MIN (i + 1000, n); j++)
        {
          sqlite3_bind_int64 (stmt, 1, j + 1);
          sqlite3_bind_int64 (stmt, 2, j / 6);
          sqlite3_bind_int64 (stmt, 3, CORPUS_NEWEST + j * 60);
          sqlite3_bind_int64 (stmt, 4, 1 + j % N_OUTLETS);
          sqlite3_step (stmt);
          sqlite3_reset (stmt);
        }
      clip_store_commit (store, NULL);
    }
  *peer_cpu = cpu_seconds () - cpu;
  return g_timer_elapsed (timer, NULL);
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Median wall and CPU milliseconds of 7 runs. */
static double
median_ms (ClipStore *store, ClipCoverageQuery *q, const char *peer_sql, gint64 rule, guint64 *n,
           double *cpu_ms)
{
  double t[7], c[7];

  for (guint k = 0; k < G_N_ELEMENTS (t); k++)
    {
      g_autoptr(GTimer) timer = g_timer_new ();
      double cpu = cpu_seconds ();

      if (q)
        {
          g_autoptr(GPtrArray) b = clip_coverage_query (store, q, NULL);
          *n = 0;
          for (guint i = 0; i < b->len; i++)
            *n += ((ClipCoverageBucket *) g_ptr_array_index (b, i))->count;
        }
      else
        {
          sqlite3_stmt *stmt = clip_store_prepare (store, peer_sql, NULL);

          sqlite3_bind_int64 (stmt, 1, rule);
          for (*n = 0; sqlite3_step (stmt) == SQLITE_ROW;)
            *n += sqlite3_column_int64 (stmt, sqlite3_column_count (stmt) - 1);
          sqlite3_reset (stmt);
        }
      t[k] = g_timer_elapsed (timer, NULL) * 1000;
      c[k] = (cpu_seconds () - cpu) * 1000;
    }
  qsort (t, G_N_ELEMENTS (t), sizeof t[0], (int (*) (const void *, const void *)) compare_double);
  qsort (c, G_N_ELEMENTS (c), sizeof c[0], (int (*) (const void *, const void *)) compare_double);
  *cpu_ms = c[G_N_ELEMENTS (c) / 2];
  return t[G_N_ELEMENTS (t) / 2];
}

static void
coverage (ClipStore *store)
{
  gint64 rule;
  guint64 n = 0;
  ClipCoverageQuery q = { 0 };
  static const char *const by[] = { "day", "hour", "outlet" };
  double peer, peer_cpu, cpu;

  clip_store_exec (store, "INSERT OR IGNORE INTO rules (name, query) VALUES ('bench', 'bench')", NULL);
  rule = query_int (store, "SELECT id FROM rules WHERE name = 'bench'");
  if (query_int (store, "SELECT count(*) FROM matches") < n_matches)
    {
      g_autofree char *sql = g_strdup_printf (
          "INSERT OR IGNORE INTO matches (rule_id, article_id, matched) SELECT %" G_GINT64_FORMAT
          ", id, 0 FROM articles WHERE id %% %d = 0 LIMIT %d", rule,
          MAX (1, n_articles / n_matches), n_matches);
      clip_store_exec (store, sql, NULL);
    }
  q.rule_id = rule;
  peer = median_ms (store, NULL, "SELECT count(*) FROM matches WHERE rule_id = ?", rule, &n,
                    &peer_cpu);
  printf ("coverage of a rule with %" G_GUINT64_FORMAT " matches (median of 7, warm):\n", n);
  printf ("  peer, SQLite counting the matches alone: %.1f ms wall, %.1f ms CPU\n", peer, peer_cpu);
  for (guint i = 0; i < G_N_ELEMENTS (by); i++)
    {
      double ms;

      q.by = (ClipCoverageBy) i;
      ms = median_ms (store, &q, NULL, 0, &n, &cpu);
      printf ("  by %s: %.1f ms wall, %.1f ms CPU (%" G_GUINT64_FORMAT " articles; %.1fx the count "
              "by CPU; goal < 100 ms)\n", by[i], ms, cpu, n, cpu / peer_cpu);
    }
  peer = median_ms (store, NULL,
      "SELECT coalesce(a.published, a.fetched) / 86400, count(*) FROM matches m "
      "JOIN articles a ON a.id = m.article_id WHERE m.rule_id = ? GROUP BY 1", rule, &n, &peer_cpu);
  printf ("  (the same by day straight from the articles table: %.1f ms wall, %.1f ms CPU)\n",
          peer, peer_cpu);
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCorpus) corpus = clip_corpus_new (7);
  g_autofree char *dir = g_dir_make_tmp ("clippings-bench-stories-XXXXXX", NULL);
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GTimer) timer = NULL;
  gint64 have;
  double t, rss0, t_peer, cpu, peer_cpu;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (archive_path == NULL)
    archive_path = g_build_filename (dir, "archive.db", NULL);
  store = open_archive (archive_path);
  if (only_coverage)
    {
      coverage (store);
      return 0;
    }
  have = query_int (store, "SELECT count(*) FROM articles");
  if (have < n_articles)
    {
      printf ("building a %d-article archive in %s (no stories) ...\n", n_articles, archive_path);
      fflush (stdout);
      t = ingest_range (store, corpus, have, n_articles - have);
      printf ("  store ingest: %.0f articles/s\n", (n_articles - have) / t);
    }
  printf ("stories (%d articles):\n", n_articles);
  rss0 = rss_mb ();
  timer = g_timer_new ();
  cpu = cpu_seconds ();
  if (!clip_stories_regroup (store, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  t = g_timer_elapsed (timer, NULL);
  cpu = cpu_seconds () - cpu;
  printf ("  whole archive from scratch: %.1f s wall, %.1f s CPU; %.0f articles/s by CPU "
          "(goal < 300 s)\n", t, cpu, n_articles / cpu);
  printf ("  %" G_GINT64_FORMAT " stories, %" G_GINT64_FORMAT " near-copies, %" G_GINT64_FORMAT
          " recycled\n", query_int (store, "SELECT count(*) FROM stories"),
          query_int (store, "SELECT count(*) FROM story_articles WHERE copy_of IS NOT NULL"),
          query_int (store, "SELECT count(*) FROM story_articles WHERE recycled_from IS NOT NULL"));
  printf ("  index: %.1f MB counted, process RSS +%.1f MB (SQLite's cache included; goal <= 200 MB)\n",
          clip_stories_index_bytes (store) / 1048576.0, rss_mb () - rss0);

  clip_store_add_ingest_hook (store, before_hook, NULL, NULL);
  clip_stories_watch_ingest (store);
  clip_store_add_ingest_hook (store, after_hook, NULL, NULL);
  t = ingest_range (store, corpus, -(gint64) n_new, n_new);
  t_peer = sqlite_rows_peer (store, n_new, &peer_cpu);
  printf ("  new articles (%d, in ingests of 1000): grouped at %.0f articles/s by CPU, %.0f by "
          "wall time (%.1f s CPU, %.1f s wall in the hook; goal >= 5000/s); whole ingest %.0f/s wall\n",
          n_new, n_new / grouping_cpu, n_new / grouping_seconds, grouping_cpu, grouping_seconds,
          n_new / t);
  printf ("  peer, SQLite inserting as many story rows alone: %.0f rows/s by CPU, %.0f by wall "
          "time (grouping an article costs %.0fx inserting its row)\n",
          n_new / peer_cpu, n_new / t_peer, grouping_cpu / peer_cpu);
  printf ("  index after: %.1f MB counted\n", clip_stories_index_bytes (store) / 1048576.0);
  coverage (store);
  g_clear_object (&store);
  if (g_strcmp0 (g_getenv ("CLIPPINGS_BENCH_KEEP"), "1") != 0)
    {
      g_autofree char *wal = g_strconcat (archive_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (archive_path, "-shm", NULL);

      if (g_str_has_prefix (archive_path, dir))
        {
          g_unlink (archive_path);
          g_unlink (wal);
          g_unlink (shm);
        }
      g_rmdir (dir);
    }
  return 0;
}
