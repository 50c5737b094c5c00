/* bench-store.c — bulk ingest through ClipStore against the sqlite3 tool
 * loading the same rows into a plain FTS5 table (unicode61
 * remove_diacritics 2), in the same run; then FTS query latency (p50, p99)
 * for "newest 50 matches" at a large archive.
 *
 *   bench-store [--articles N] [--archive-size N] [--archive PATH] [--queries N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-corpus.h"
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

static void
query_latency (ClipStore *store, ClipCorpus *corpus)
{
  const char *langs[] = { "en", "ru", "ka" };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GRand *rand = g_rand_new_with_seed (42);
  guint64 hits = 0;

  for (int q = 0; q < n_queries; q++)
    {
      const char * const *words = clip_corpus_words (corpus, langs[q % 3]);
      guint n = g_strv_length ((char **) words);
      const char *w1 = words[g_rand_int_range (rand, 0, n)];
      const char *w2 = words[g_rand_int_range (rand, 0, n)];
      g_autofree char *text = (q % 2) ? g_strdup_printf ("%s %s", w1, w2) : g_strdup (w1);
      g_autofree char *fts = clip_store_words_to_fts (text);
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimer) timer = g_timer_new ();
      g_autoptr(GArray) ids = clip_store_fts_search (store, fts, 0, 50, &error);
      double ms = g_timer_elapsed (timer, NULL) * 1000;

      if (ids == NULL)
        g_error ("%s", error->message);
      hits += ids->len;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_double);
  printf ("query (newest 50 of one or two words, warm, %d queries): p50 %.3f ms, p99 %.3f ms, max %.3f ms (%.1f hits/query)\n",
          n_queries, g_array_index (times, double, times->len / 2),
          g_array_index (times, double, times->len * 99 / 100),
          g_array_index (times, double, times->len - 1), (double) hits / n_queries);
  g_rand_free (rand);
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
  query_latency (store, corpus);
  g_clear_object (&store);
  if (g_strcmp0 (g_getenv ("CLIPPINGS_BENCH_KEEP"), "1") != 0)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf %s", dir);
      if (system (cmd) != 0)
        fprintf (stderr, "could not remove %s\n", dir);
    }
  return 0;
}
