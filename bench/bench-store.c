/* bench-store.c — bulk ingest through ClipStore against the sqlite3 tool
 * loading the same rows into a plain FTS5 table (unicode61
 * remove_diacritics 2), in the same run; then, at a large archive, "All
 * Articles" in time order against arrival order, and the newest 50
 * matches of a search in time order (p50, p99) against FTS5's arrival
 * order and against sorting through the articles table.
 *
 *   bench-store [--articles N] [--archive-size N] [--archive PATH] [--queries N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-corpus.h"
#include "clip-rule-search.h"
#include "clip-store-listing.h"
#include "clip-store-sql.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

static int n_articles = 100000;
static int archive_size = 1000000;
static int n_queries = 2000;
static char *archive_path;

static const GOptionEntry entries[] = {
  { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles for the ingest comparison", "N" },
  { "archive-size", 0, 0, G_OPTION_ARG_INT, &archive_size, "Articles in the query archive", "N" },
  { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive_path, "Keep (and reuse) the query archive here", "PATH" },
  { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries, "Queries to time", "N" },
  { NULL }
};

/* CPU seconds of this process (self) or of its finished children: steadier
 * than wall time on a shared machine, so both are printed. */
static double
cpu_seconds (int who)
{
  struct rusage ru;

  getrusage (who, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static void
csv_field (GString *s, const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

/* Ingests articles [first, first + n) in batches of 1000; returns seconds. */
static double
ingest_range (ClipStore *store, gint64 outlet, ClipCorpus *corpus, GPtrArray *pre,
              guint64 first, guint64 n)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  double generating = 0;

  for (guint64 i = 0; i < n; i += 1000)
    {
      g_autoptr(GPtrArray) batch = NULL;
      g_autoptr(GError) error = NULL;
      ClipIngestResult r;

      if (pre)
        {
          batch = g_ptr_array_new ();
          for (guint64 j = i; j < MIN (i + 1000, n); j++)
            g_ptr_array_add (batch, g_ptr_array_index (pre, j));
        }
      else
        {
          g_autoptr(GTimer) gen = g_timer_new ();
          batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
          for (guint64 j = i; j < MIN (i + 1000, n); j++)
            g_ptr_array_add (batch, clip_corpus_article (corpus, first + j));
          generating += g_timer_elapsed (gen, NULL);
        }
      clip_ingest_result_init (&r);
      if (!clip_store_ingest (store, outlet, batch, &r, &error))
        g_error ("ingest: %s", error->message);
      clip_ingest_result_clear (&r);
    }
  return g_timer_elapsed (timer, NULL) - generating;
}

static ClipStore *
open_fresh (const char *path, gint64 *outlet)
{
  g_autoptr(GError) error = NULL;
  ClipStore *store;
  ClipOutlet o = { .url = "https://bench.example/feed", .name = "Bench", .interval = 900, .enabled = TRUE };

  store = clip_store_open (path, CLIP_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  *outlet = clip_store_add_outlet (store, &o, &error);
  if (*outlet == 0)
    {
      g_autoptr(ClipOutlet) found = clip_store_find_outlet (store, o.url, NULL);
      *outlet = found ? found->id : 0;
    }
  return store;
}

static double
sqlite3_peer (const char *dir, GPtrArray *pre, double *cpu)
{
  g_autofree char *csv = g_build_filename (dir, "rows.csv", NULL);
  g_autofree char *db = g_build_filename (dir, "peer.db", NULL);
  g_autofree char *script = g_build_filename (dir, "load.sql", NULL);
  g_autofree char *cmd = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GTimer) timer = NULL;
  int status;

  for (guint i = 0; i < pre->len; i++)
    {
      ClipArticle *a = g_ptr_array_index (pre, i);
      csv_field (s, a->title);
      g_string_append_c (s, ',');
      csv_field (s, a->summary_text);
      g_string_append_c (s, ',');
      csv_field (s, a->author);
      g_string_append_c (s, '\n');
    }
  g_file_set_contents (csv, s->str, s->len, NULL);
  g_string_printf (s,
      "PRAGMA page_size=16384;\nPRAGMA journal_mode=WAL;\n"
      "CREATE VIRTUAL TABLE t USING fts5(title, body, author, "
      "tokenize='unicode61 remove_diacritics 2');\n"
      "BEGIN;\n.import --csv %s t\nCOMMIT;\n", csv);
  g_file_set_contents (script, s->str, s->len, NULL);
  cmd = g_strdup_printf ("sqlite3 %s < %s", db, script);
  *cpu = cpu_seconds (RUSAGE_CHILDREN);
  timer = g_timer_new ();
  status = system (cmd);
  if (status != 0)
    g_error ("the sqlite3 tool failed (is the sqlite3 package installed?)");
  *cpu = cpu_seconds (RUSAGE_CHILDREN) - *cpu;
  return g_timer_elapsed (timer, NULL);
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static int
compare_gint64_desc (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x < y) - (x > y);
}

/* The peer of a search's newest 50: FTS5's own rowid order, newest
 * arrival first (no time at all), the floor a time order can approach. */
static guint
arrival_newest (ClipStore *store, const char *fts, guint limit)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?", NULL);
  guint n = 0;

  clip_store_bind_text (stmt, 1, fts);
  sqlite3_bind_int (stmt, 2, limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_reset (stmt);
  return n;
}

/* The slow way the design rejected: every match's time read from its
 * article row and sorted (DESIGN.md: 1.7 s warm for 21,000 matches). */
static guint
joined_newest (ClipStore *store, const char *fts, guint limit)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
      " WHERE articles_fts MATCH ? ORDER BY coalesce(a.published, a.fetched) DESC, a.id DESC LIMIT ?", NULL);
  guint n = 0;

  clip_store_bind_text (stmt, 1, fts);
  sqlite3_bind_int (stmt, 2, limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_reset (stmt);
  return n;
}

static gint64
count_matches (ClipStore *store, const char *fts)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", NULL);
  gint64 n = 0;

  clip_store_bind_text (stmt, 1, fts);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static double
percentile (GArray *times, guint pct)
{
  g_array_sort (times, compare_double);
  return g_array_index (times, double, MIN (times->len - 1, times->len * pct / 100));
}

typedef enum { OURS, ARRIVAL, RULES } Way;

static double
time_newest (ClipStore *store, const char *text, Way way, guint *hits)
{
  g_autofree char *fts = clip_store_words_to_fts (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GArray) ids = NULL;

  if (way == ARRIVAL)
    *hits = arrival_newest (store, fts, 50);
  else
    {
      ids = way == OURS ? clip_store_fts_search (store, fts, 0, 50, &error)
                        : clip_rule_search (store, text, 0, 50, NULL, &error);
      if (ids == NULL)
        g_error ("%s", error->message);
      *hits = ids->len;
    }
  return g_timer_elapsed (timer, NULL) * 1000;
}

/* Newest 50 of one- and two-word searches, in time order, warm: ours
 * (clip_store_fts_search; clip_rule_search as the CLI and the list ask)
 * beside FTS5's arrival order on the same queries. */
static void
query_latency (ClipStore *store, ClipCorpus *corpus)
{
  const char *langs[] = { "en", "ru", "ka" };
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rules = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) arrival = g_array_new (FALSE, FALSE, sizeof (double));
  GRand *rand = g_rand_new_with_seed (42);
  guint64 hits = 0;

  for (int q = 0; q < n_queries; q++)
    {
      const char * const *words = clip_corpus_words (corpus, langs[q % 3]);
      guint n = g_strv_length ((char **) words), got;
      const char *w1 = words[g_rand_int_range (rand, 0, n)];
      const char *w2 = words[g_rand_int_range (rand, 0, n)];
      g_autofree char *text = (q % 2) ? g_strdup_printf ("%s %s", w1, w2) : g_strdup (w1);
      double t;

      t = time_newest (store, text, OURS, &got);
      g_array_append_val (ours, t);
      hits += got;
      t = time_newest (store, text, RULES, &got);
      g_array_append_val (rules, t);
      t = time_newest (store, text, ARRIVAL, &got);
      g_array_append_val (arrival, t);
    }
  printf ("newest 50 of one or two words, time order, warm, %d queries (%.1f hits/query):\n",
          n_queries, (double) hits / n_queries);
  printf ("  clip_store_fts_search: p50 %.3f ms, p99 %.3f ms, max %.3f ms (goal p99 < 50)\n",
          percentile (ours, 50), percentile (ours, 99), percentile (ours, 100));
  printf ("  clip_rule_search:      p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
          percentile (rules, 50), percentile (rules, 99), percentile (rules, 100));
  printf ("  peer, FTS5 arrival order (no time): p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
          percentile (arrival, 50), percentile (arrival, 99), percentile (arrival, 100));
  printf ("  ratio: time order costs %.1fx arrival order at p50, %.1fx at p99\n",
          percentile (ours, 50) / MAX (percentile (arrival, 50), 1e-3),
          percentile (ours, 99) / MAX (percentile (arrival, 99), 1e-3));
  g_rand_free (rand);
}

/* Broad searches (the commonest words, > 100,000 matches): each timed
 * 50 times warm; the joined sort once, for scale. */
static void
broad_latency (ClipStore *store)
{
  const char *queries[] = { "the", "и", "და", "the government", "Georgia Russia", "и в", "minister" };

  printf ("broad searches, newest 50 in time order, 50 runs each, warm:\n");
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *fts = clip_store_words_to_fts (queries[q]);
      g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) arrival = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GTimer) timer = g_timer_new ();
      gint64 n = count_matches (store, fts);
      double joined;
      guint got;

      time_newest (store, queries[q], OURS, &got);     /* warm up */
      for (int r = 0; r < 50; r++)
        {
          double t = time_newest (store, queries[q], OURS, &got);
          g_array_append_val (ours, t);
          t = time_newest (store, queries[q], ARRIVAL, &got);
          g_array_append_val (arrival, t);
        }
      g_timer_start (timer);
      joined_newest (store, fts, 50);
      joined = g_timer_elapsed (timer, NULL) * 1000;
      printf ("  \"%s\": %" G_GINT64_FORMAT " matches: p50 %.3f ms, p99 %.3f ms; "
              "peers: arrival order p99 %.3f ms, sorted through the articles %.0f ms (%.0fx ours)\n",
              queries[q], n, percentile (ours, 50), percentile (ours, 99), percentile (arrival, 99),
              joined, joined / MAX (percentile (ours, 50), 1e-3));
    }
}

static void
first_part_cb (const GArray *ids, gpointer timer)
{
  g_timer_stop (timer);
}

/* "All Articles": every id in time order (the time index), beside the
 * old way, every id in arrival order (a covering scan, sorted here); and
 * how soon the list has its first 200 (clip_store_list_article_ids_first). */
static void
list_latency (ClipStore *store)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) peer = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  double ours, theirs;

  for (int pass = 0; pass < 2; pass++)     /* the second warm */
    {
      g_clear_pointer (&ids, g_array_unref);
      g_timer_start (timer);
      if (!(ids = clip_store_list_article_ids (store, NULL, CLIP_SORT_NEWEST, FALSE, NULL, &error)))
        g_error ("%s", error->message);
    }
  ours = g_timer_elapsed (timer, NULL) * 1000;
  g_timer_start (timer);
  stmt = clip_store_prepare (store, "SELECT id FROM articles", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (peer, id);
    }
  sqlite3_reset (stmt);
  g_array_sort (peer, compare_gint64_desc);
  theirs = g_timer_elapsed (timer, NULL) * 1000;
  printf ("All Articles, every id in time order (warm): %.1f ms for %u ids; "
          "peer, arrival order (covering scan and sort): %.1f ms; ratio %.2fx\n",
          ours, ids->len, theirs, theirs / MAX (ours, 1e-3));
  {
    g_autoptr(GTimer) first = g_timer_new ();
    g_autoptr(GArray) all = NULL;

    g_timer_start (timer);
    all = clip_store_list_article_ids_first (store, NULL, CLIP_SORT_NEWEST, FALSE, 200,
                                             first_part_cb, first, NULL, &error);
    printf ("  the first 200 of them in %.2f ms, all %u in %.1f ms\n",
            g_timer_elapsed (first, NULL) * 1000, all ? all->len : 0, g_timer_elapsed (timer, NULL) * 1000);
  }
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCorpus) corpus = clip_corpus_new (1);
  g_autofree char *dir = g_dir_make_tmp ("clippings-bench-XXXXXX", NULL);
  g_autofree char *ours = g_build_filename (dir, "archive.db", NULL);
  g_autoptr(GPtrArray) pre = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(ClipStore) store = NULL;
  gint64 outlet;
  double t_ours, t_peer, c_ours, c_peer;
  gsize bytes = 0;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }

  for (int i = 0; i < n_articles; i++)
    {
      ClipArticle *a = clip_corpus_article (corpus, (guint64) i);
      bytes += strlen (a->summary_text) + strlen (a->title);
      g_ptr_array_add (pre, a);
    }
  printf ("ingest: %d articles, %.1f MB of text\n", n_articles, bytes / 1e6);
  store = open_fresh (ours, &outlet);
  c_ours = cpu_seconds (RUSAGE_SELF);
  t_ours = ingest_range (store, outlet, corpus, pre, 0, pre->len);
  g_clear_object (&store);
  c_ours = cpu_seconds (RUSAGE_SELF) - c_ours;
  t_peer = sqlite3_peer (dir, pre, &c_peer);
  printf ("  clippings store (dedupe, hash, FTS5 with the clip tokenizer): %.0f articles/s (%.2f s wall, %.2f s CPU)\n",
          n_articles / t_ours, t_ours, c_ours);
  printf ("  sqlite3 tool, .import into FTS5 unicode61 remove_diacritics 2: %.0f articles/s (%.2f s wall, %.2f s CPU)\n",
          n_articles / t_peer, t_peer, c_peer);
  printf ("  ratio: %.2fx the sqlite3 tool by wall time, %.2fx by CPU time (goal >= 0.5x)\n",
          t_peer / t_ours, c_peer / c_ours);
  g_ptr_array_set_size (pre, 0);

  /* The query archive: built once, reused with --archive. */
  if (archive_path == NULL)
    archive_path = g_build_filename (dir, "large.db", NULL);
  store = open_fresh (archive_path, &outlet);
  {
    gint64 have = clip_store_count_articles (store, NULL, NULL);
    if (have < archive_size)
      {
        double t;
        printf ("building a %d-article archive in %s ...\n", archive_size, archive_path);
        fflush (stdout);
        t = ingest_range (store, outlet, corpus, NULL, (guint64) have, (guint64) (archive_size - have));
        printf ("  built at %.0f articles/s\n", (archive_size - have) / t);
      }
  }
  list_latency (store);
  query_latency (store, corpus);
  broad_latency (store);
  g_clear_object (&store);
  if (g_strcmp0 (g_getenv ("CLIPPINGS_BENCH_KEEP"), "1") != 0)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf %s", dir);
      if (system (cmd) != 0)
        fprintf (stderr, "could not remove %s\n", dir);
    }
  return 0;
}
