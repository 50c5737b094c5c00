/* bench-rules.c — the rules engine: match throughput with 10, 1,000 and
 * 10,000 generated rules against GNU grep -F (same text, the rules'
 * keywords as patterns, C.UTF-8, also -i), and the time to backfill one
 * new rule over an archive of 1,000,000 articles.
 *
 * grep -F -c, the peer, stops reading a line at its first hit; we
 * find every occurrence and its position. grep -F -o -b, which also finds
 * every occurrence and its offset, is run alongside as the like-for-like
 * peer.
 *
 *   bench-rules [--articles N] [--archive DIR] [--archive-size N] [--no-grep-i]
 *
 * The archive is built once in DIR (default: a temporary folder) and kept
 * when DIR is given, so later runs measure only the backfill.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-corpus.h"
#include "clip-rule-backfill.h"
#include "clip-rules-store.h"
#include "clip-ruleset.h"
#include "clip-store-sql.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* Times are CPU seconds, ours and grep's alike: the machine is shared, and
 * wall time would measure the neighbours. */
static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
children_cpu (void)
{
  struct rusage ru;

  getrusage (RUSAGE_CHILDREN, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

typedef struct {
  GPtrArray *titles;
  GPtrArray *bodies;
  gsize      bytes;
} Text;

static const char *latin[] = { "ka", "pa", "na", "dze", "shvi", "li", "ta", "mar", "gio", "ni",
                               "tsi", "kla", "ur", "be", "ri", "so", "vel", "man", "dro", "lo" };
static const char *cyrillic[] = { "ка", "па", "на", "дзе", "шви", "ли", "та", "мар", "ги", "ни",
                                  "ов", "ев", "ин", "ко", "ра", "сла", "вер", "ман", "дро", "ло" };
static const char *georgian[] = { "კა", "პა", "ნა", "ძე", "შვი", "ლი", "თა", "მარ", "გი", "ნი",
                                  "ცი", "კლა", "ურ", "ბე", "რი", "სო", "ველ", "მან", "დრო", "ლო" };

/* A name-like word in one of the three scripts: what analysts' rules are
 * mostly about (people, companies, places), and mostly absent. */
static char *
make_name (GRand *r)
{
  const char **syl = g_rand_int_range (r, 0, 3) == 0 ? cyrillic
                     : g_rand_int_range (r, 0, 2) ? latin : georgian;
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (r, 2, 5);

  for (guint i = 0; i < n; i++)
    g_string_append (s, syl[g_rand_int_range (r, 0, 20)]);
  if (syl == latin)
    s->str[0] = g_ascii_toupper (s->str[0]);
  return g_string_free (s, FALSE);
}

static const char *
corpus_word (GRand *r, ClipCorpus *c)
{
  static const char *langs[] = { "en", "ru", "ka" };
  const char * const *w = clip_corpus_words (c, langs[g_rand_int_range (r, 0, 3)]);
  guint n = 0;

  while (w[n])
    n++;
  /* Skip the function words at the head of the lists. */
  return w[g_rand_int_range (r, MIN (30, n - 1), n)];
}

/* A keyword: mostly a name, one in eight a topic word of the corpus. */
static char *
keyword (GRand *r, ClipCorpus *c, GPtrArray *patterns)
{
  char *k = g_rand_int_range (r, 0, 8) == 0 ? g_strdup (corpus_word (r, c)) : make_name (r);

  g_ptr_array_add (patterns, g_strdup (k));
  return k;
}

/* Rules of realistic shape: names, phrases, NEAR, wildcards, lists. */
static char *
make_rule (GRand *r, ClipCorpus *c, GPtrArray *patterns)
{
  g_autofree char *a = keyword (r, c, patterns);
  g_autofree char *b = keyword (r, c, patterns);
  g_autofree char *d = NULL;
  guint shape = g_rand_int_range (r, 0, 100);

  if (shape < 30)
    {
      /* A name on its own (a topic word alone is not a rule). */
      g_free (g_ptr_array_steal_index (patterns, patterns->len - 2));
      g_free (a);
      a = make_name (r);
      g_ptr_array_add (patterns, g_strdup (a));
      return g_strdup (a);
    }
  if (shape < 50)
    return g_strdup_printf ("\"%s %s\"", a, b);
  if (shape < 70)
    return g_strdup_printf ("%s NEAR/%d %s", a, g_rand_int_range (r, 2, 10), b);
  if (shape < 80)
    {
      d = keyword (r, c, patterns);
      return g_strdup_printf ("(%s OR %s) %s", a, b, d);
    }
  if (shape < 90)
    {
      /* A wildcard on a name: grep gets the same literal start. */
      glong len;

      g_free (a);
      a = make_name (r);
      len = g_utf8_strlen (a, -1);
      char *cut = g_utf8_offset_to_pointer (a, MAX (3, len - 2));

      *cut = '\0';
      g_free (g_ptr_array_steal_index (patterns, patterns->len - 2));
      g_ptr_array_add (patterns, g_strdup (a));
      return g_strdup_printf ("%s* -%s", a, b);
    }
  if (shape < 95)
    return g_strdup_printf ("@russia_terms NEAR/6 %s", a);
  /* Names in titles, or with their capitals. */
  g_free (a);
  g_free (b);
  a = make_name (r);
  b = make_name (r);
  g_ptr_array_add (patterns, g_strdup (a));
  g_ptr_array_add (patterns, g_strdup (b));
  return g_strdup_printf ("title:%s OR {%s}", a, b);
}

static Text *
make_text (ClipCorpus *c, guint n, gboolean varied)
{
  Text *t = g_new0 (Text, 1);
  GRand *r = g_rand_new_with_seed (7);

  t->titles = g_ptr_array_new_with_free_func (g_free);
  t->bodies = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClipArticle) a = clip_corpus_article (c, i);
      char *body = g_strdup (a->summary_text);

      if (varied)
        {
          /* A news archive's vocabulary is large: give every fifth word
           * one of 200,000 variants, so few words repeat. */
          GString *s = g_string_new (NULL);
          g_auto(GStrv) words = g_strsplit (body, " ", -1);

          for (guint k = 0; words[k]; k++)
            {
              if (k)
                g_string_append_c (s, ' ');
              g_string_append (s, words[k]);
              if (g_rand_int_range (r, 0, 5) == 0)
                g_string_append_printf (s, "%u", g_rand_int_range (r, 0, 200000));
            }
          g_free (body);
          body = g_string_free (s, FALSE);
        }
      t->bytes += strlen (a->title) + strlen (body) + 2;
      g_ptr_array_add (t->titles, g_strdup (a->title));
      g_ptr_array_add (t->bodies, body);
    }
  g_rand_free (r);
  return t;
}

static void
text_free (Text *t)
{
  g_ptr_array_unref (t->titles);
  g_ptr_array_unref (t->bodies);
  g_free (t);
}

static char *
write_text (const Text *t, const char *dir, const char *name, gsize max_bytes)
{
  char *path = g_build_filename (dir, name, NULL);
  FILE *f = fopen (path, "w");
  gsize written = 0;

  for (guint i = 0; i < t->titles->len && written < max_bytes; i++)
    {
      const char *title = g_ptr_array_index (t->titles, i), *body = g_ptr_array_index (t->bodies, i);

      fprintf (f, "%s\n%s\n", title, body);
      written += strlen (title) + strlen (body) + 2;
    }
  fclose (f);
  return path;
}

static void
count_match (gint64 id, const ClipRuleSpan *spans, guint n, gpointer data)
{
  (*(guint64 *) data)++;
}

/* Seconds for one pass of set over the text; *matches counts rule hits. */
static double
match_pass (ClipRuleSet *set, const Text *t, guint64 *matches)
{
  double t0 = cpu_now ();

  for (guint i = 0; i < t->titles->len; i++)
    {
      ClipRuleDoc doc = { { g_ptr_array_index (t->titles, i), g_ptr_array_index (t->bodies, i) } };
      clip_rule_set_match (set, &doc, count_match, matches);
    }
  return cpu_now () - t0;
}

typedef enum {
  GREP_COUNT,       /* -c: lines with a hit (grep stops at a line's first) */
  GREP_COUNT_I,     /* -c -i */
  GREP_EVERY,       /* -o -b: every occurrence and its byte offset */
} GrepMode;

/* Seconds grep took, or a negative number when it could not run. count:
 * what it printed (-c), or its number of lines (-o -b). */
static double
grep_pass (const char *patterns, const char *file, GrepMode mode, char **count)
{
  const char *argv[] = { "grep", "-F", mode == GREP_EVERY ? "-o" : "-c",
                         mode == GREP_COUNT_I ? "-i" : mode == GREP_EVERY ? "-b" : "-F",
                         "-f", patterns, file, NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr(GError) error = NULL;
  double t0 = children_cpu ();
  int status;

  /* Captured, not sent to /dev/null: grep notices that and stops at the
   * first hit. */
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, count, NULL, &status, &error))
    return -1;
  t0 = children_cpu () - t0;
  if (*count && mode == GREP_EVERY)
    {
      guint lines = 0;

      for (const char *p = *count; (p = strchr (p, '\n')) != NULL; p++)
        lines++;
      g_free (*count);
      *count = g_strdup_printf ("%u", lines);
    }
  else if (*count)
    g_strstrip (*count);
  return t0;
}

/* The best of three grep runs, as the neighbours' load varies. */
static double
grep_best (const char *patterns, const char *file, GrepMode mode, char **count)
{
  double g = grep_pass (patterns, file, mode, count);

  for (guint pass = 0; pass < 2 && g > 0; pass++)
    {
      g_autofree char *again = NULL;
      double g2 = grep_pass (patterns, file, mode, &again);

      if (g2 > 0)
        g = MIN (g, g2);
    }
  return g;
}

static ClipTermLists *
bench_lists (void)
{
  static const char *russia[] = { "Russia*", "Kremlin", "Moscow", "Росси*", "Кремл*", "რუსეთ*", "კრემლ*" };
  ClipTermLists *l = clip_term_lists_new ();

  for (guint i = 0; i < G_N_ELEMENTS (russia); i++)
    clip_term_lists_add (l, "russia_terms", russia[i]);
  return l;
}

static guint only_rules;

static void
bench_matching (ClipCorpus *c, const Text *t, const char *label, const char *dir, gboolean grep_i)
{
  const guint counts[] = { 10, 1000, 10000 };
  g_autofree char *file = write_text (t, dir, "text.txt", G_MAXSIZE);
  g_autofree char *small = write_text (t, dir, "text-small.txt", 4 * 1024 * 1024);
  g_autoptr(ClipTermLists) lists = bench_lists ();
  double mb = t->bytes / 1e6;

  printf ("\n%s: %u articles, %.1f MB of title and body text\n", label, t->titles->len, mb);
  printf ("%8s %12s %12s %12s %12s %10s %12s %10s %12s %10s\n", "rules", "cold MB/s", "warm MB/s",
          "articles/s", "grep -F MB/s", "ratio", "grep -Fi MB/s", "ratio -i", "grep -Fob MB/s",
          "ratio -ob");
  for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
    {
      g_autoptr(ClipRuleSet) set = clip_rule_set_new ();
      g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *pfile = NULL;
      g_autofree char *gcount = NULL, *gicount = NULL, *gecount = NULL;
      g_autoptr(GString) pat = g_string_new (NULL);
      GRand *r = g_rand_new_with_seed (42 + counts[k]);
      guint64 matches = 0, warm_matches = 0;
      double cold, warm, g, ge, gi = -1;

      if (only_rules && counts[k] != only_rules)
        {
          g_rand_free (r);
          continue;
        }
      for (guint i = 0; i < counts[k]; i++)
        {
          g_autofree char *q = make_rule (r, c, patterns);
          g_autoptr(GError) error = NULL;

          if (!clip_rule_set_add_query (set, i, q, lists, NULL, &error))
            g_error ("generated rule “%s”: %s", q, error->message);
        }
      g_rand_free (r);
      for (guint i = 0; i < patterns->len; i++)
        g_string_append_printf (pat, "%s\n", (const char *) g_ptr_array_index (patterns, i));
      pfile = g_build_filename (dir, "patterns.txt", NULL);
      g_file_set_contents (pfile, pat->str, pat->len, NULL);

      cold = match_pass (set, t, &matches);
      /* Warm: the best of three passes, as the neighbours' load varies
       * (grep -F too). */
      warm = match_pass (set, t, &warm_matches);
      for (guint pass = 0; pass < 2; pass++)
        {
          guint64 again = 0;
          warm = MIN (warm, match_pass (set, t, &again));
        }
      g = grep_best (pfile, file, GREP_COUNT, &gcount);
      ge = grep_best (pfile, file, GREP_EVERY, &gecount);
      if (grep_i)
        {
          GStatBuf st;
          gi = grep_pass (pfile, small, GREP_COUNT_I, &gicount);
          if (gi > 0 && g_stat (small, &st) == 0)
            gi = gi / (st.st_size / 1e6) * mb;   /* as if over the whole text */
        }
      printf ("%8u %12.1f %12.1f %12.0f %12.1f %9.2fx %12.1f %9.1fx %12.1f %9.2fx   (%" G_GUINT64_FORMAT
              " matches; grep -c: %s lines, -o: %s hits)\n",
              counts[k], mb / cold, mb / warm, t->titles->len / warm, g > 0 ? mb / g : 0,
              g > 0 ? g / warm : 0, gi > 0 ? mb / gi : 0, gi > 0 ? gi / warm : 0,
              ge > 0 ? mb / ge : 0, ge > 0 ? ge / warm : 0, matches,
              gcount ? gcount : "?", gecount ? gecount : "?");
      fflush (stdout);
    }
}

static void
progress_dot (guint64 done, guint64 total, gpointer data)
{
}

/* Articles in the archive; the statement is reset so that no read
 * transaction stays open (it would keep the WAL from being checkpointed). */
static gint64
archive_size (ClipStore *store)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT count(*) FROM articles", NULL);
  gint64 n = 0;

  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return n;
}

static gboolean
build_archive (ClipCorpus *c, ClipStore *store, guint n)
{
  g_autoptr(GError) error = NULL;
  ClipOutlet o = { .url = "https://outlet.example/feed", .name = "Outlet", .enabled = TRUE,
                   .interval = 900, .group = "" };
  gint64 outlet = clip_store_add_outlet (store, &o, &error);
  gint64 t0 = g_get_monotonic_time ();

  if (outlet <= 0)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  for (guint i = 0; i < n; i += 5000)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
      ClipIngestResult res;

      for (guint k = i; k < MIN (n, i + 5000); k++)
        g_ptr_array_add (batch, clip_corpus_article (c, k));
      clip_ingest_result_init (&res);
      if (!clip_store_ingest (store, outlet, batch, &res, &error))
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }
      clip_ingest_result_clear (&res);
      if ((i / 5000) % 20 == 0)
        {
          printf ("  archived %u articles (%.0f s)\n", i + 5000,
                  (g_get_monotonic_time () - t0) / 1e6);
          fflush (stdout);
        }
    }
  return TRUE;
}

/* The peer for a rule with many matches: SQLite copying its match rows
 * to another rule in one statement, reading no text and matching nothing.
 * Seconds, or a negative number when it could not run. */
static double
write_floor (ClipStore *store, gint64 rule_id)
{
  g_autoptr(GError) error = NULL;
  ClipRule r = { .name = "bench write floor", .query = "zzzqqq", .enabled = FALSE };
  gint64 copy = clip_store_add_rule (store, &r, &error), t0;
  g_autofree char *sql = NULL;
  double seconds = -1;

  if (copy == 0)
    return -1;
  sql = g_strdup_printf ("INSERT INTO matches (rule_id, article_id, spans, matched) "
                         "SELECT %" G_GINT64_FORMAT ", article_id, spans, matched FROM matches "
                         "WHERE rule_id = %" G_GINT64_FORMAT, copy, rule_id);
  t0 = g_get_monotonic_time ();
  if (clip_store_begin (store, NULL) && clip_store_exec (store, sql, NULL) &&
      clip_store_commit (store, NULL))
    seconds = (g_get_monotonic_time () - t0) / 1e6;
  clip_store_remove_rule (store, copy, NULL);
  return seconds;
}

static void
bench_backfill (ClipCorpus *c, const char *dir, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  static const char *russian_interference =
    "@russia_terms NEAR/6 (interfer* OR meddl* OR \"hybrid war*\" OR destabili* OR "
    "вмешательств* OR ჩარევ*)";
  const char *queries[] = {
    russian_interference,
    "\"foreign agents\" OR (агентов NEAR/2 иностранных) OR (უცხოური NEAR/3 აგენტების)",
    "Anaklia NEAR/5 port*",
  };
  const char *terms[] = { "Russia*", "Kremlin", "Moscow", "Росси*", "Кремл*", "რუსეთ*", "კრემლ*", NULL };

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return;
    }
  if (archive_size (store) < n)
    {
      printf ("\nBuilding an archive of %u articles in %s (once)…\n", n, dir);
      if (!build_archive (c, store, n))
        return;
    }
  clip_store_set_term_list (store, "russia_terms", terms, NULL);
  printf ("\nBackfill of one new rule over %" G_GINT64_FORMAT " archived articles (goal < 2 s):\n",
          archive_size (store));
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *name = g_strdup_printf ("bench %u %" G_GINT64_FORMAT, i, g_get_real_time ());
      ClipRule r = { .name = name, .query = (char *) queries[i], .enabled = TRUE };
      gint64 id = clip_store_add_rule (store, &r, &error), t0;
      guint64 matched = 0;
      double c0;

      if (id == 0)
        {
          g_printerr ("%s\n", error->message);
          return;
        }
      t0 = g_get_monotonic_time ();
      c0 = cpu_now ();
      if (!clip_rule_backfill (store, id, progress_dot, NULL, &matched, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return;
        }
      /* Wall time is what the analyst waits; the CPU time of all threads
       * says how much of it the neighbours took. */
      printf ("  %6.2f s  (CPU %6.2f s)  %8" G_GUINT64_FORMAT " matches  %s\n",
              (g_get_monotonic_time () - t0) / 1e6, cpu_now () - c0, matched, queries[i]);
      if (matched > 100000)
        printf ("           SQLite alone copying these %" G_GUINT64_FORMAT " match rows to another rule "
                "(no text read, nothing matched): %.2f s\n", matched, write_floor (store, id));
      clip_store_remove_rule (store, id, NULL);
    }
}

int
main (int argc, char **argv)
{
  int n_articles = 20000, archive_size = 1000000;
  gboolean no_grep_i = FALSE, no_backfill = FALSE, plain_only = FALSE;
  g_autofree char *archive = NULL;
  const GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles to match (default 20000)", "N" },
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive, "Keep the backfill archive in DIR", "DIR" },
    { "archive-size", 0, 0, G_OPTION_ARG_INT, &archive_size, "Articles in it (default 1000000)", "N" },
    { "no-grep-i", 0, 0, G_OPTION_ARG_NONE, &no_grep_i, "Skip grep -i (slow)", NULL },
    { "no-backfill", 0, 0, G_OPTION_ARG_NONE, &no_backfill, "Skip the backfill", NULL },
    { "plain-only", 0, 0, G_OPTION_ARG_NONE, &plain_only, "Skip the large-vocabulary text", NULL },
    { "only", 0, 0, G_OPTION_ARG_INT, &only_rules, "Only this many rules (10, 1000 or 10000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCorpus) c = clip_corpus_new (1);
  g_autofree char *dir = g_dir_make_tmp ("bench-rules-XXXXXX", NULL);
  Text *t;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  t = make_text (c, n_articles, FALSE);
  bench_matching (c, t, "Corpus text", dir, !no_grep_i);
  text_free (t);
  if (!plain_only)
    {
      t = make_text (c, n_articles, TRUE);
      bench_matching (c, t, "Corpus text with a large vocabulary (every fifth word varied)", dir, FALSE);
      text_free (t);
    }
  if (!no_backfill)
    bench_backfill (c, archive ? archive : dir, (guint) archive_size);
  printf ("\n(temporary files in %s)\n", dir);
  return 0;
}
