/* bench-export.c — a 10,000-article PDF report: time and peak memory
 *
 * Builds an archive of corpus articles (English, Russian, Georgian) with
 * three rules' matches, then runs each export in a child process of its own
 * so that its peak RSS is the export's alone. The peers, in the same run:
 * the CSV export of the same articles (the same selection and reading, no
 * layout), and the PDF of a tenth of the articles (memory must not grow
 * with the number of articles).
 *
 *   bench-export [--articles N] [--keep DIR]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-corpus.h"
#include "clip-export.h"
#include "clip-store-sql.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

static int n_articles = 10000;
static char *keep_dir;
static char *child_dir;
static char *child_format;
static int child_limit;

static const GOptionEntry entries[] = {
  { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles in the report (default 10000)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Build the archive and reports here and keep them", "DIR" },
  { "child-dir", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_dir, NULL, NULL },
  { "child-format", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_format, NULL, NULL },
  { "child-limit", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &child_limit, NULL, NULL },
  { NULL }
};

/* Topic words the corpus uses, one rule per language, as the matcher would
 * record them: every place the word occurs in the title and the body. */
static const struct {
  const char *name;
  const char *query;
  const char *color;
  const char *words[3];
} rules[] = {
  { "Interference (en)", "interfer* OR meddl*", "#e01b24", { "interference", "meddling", NULL } },
  { "Вмешательство (ru)", "вмешательств*", "#3584e4", { "вмешательство", "вмешательства", NULL } },
  { "ჩარევა (ka)", "ჩარევ*", "#2ec27e", { "ჩარევა", "ჩარევის", NULL } },
};

static void
append_spans (GString *json, const char *field, const char *text, const char *word)
{
  gsize len = strlen (word);

  for (const char *p = text ? strstr (text, word) : NULL; p; p = strstr (p + len, word))
    g_string_append_printf (json, "%s{\"field\":\"%s\",\"start\":%ld,\"end\":%ld}",
                            json->len > 1 ? "," : "", field, (long) (p - text),
                            (long) (p - text + len));
}

static void
add_matches (ClipStore *store, const gint64 *rule_ids, ClipArticle *a, gint64 id)
{
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      g_autoptr(GString) json = g_string_new ("[");
      sqlite3_stmt *stmt;

      for (guint w = 0; rules[r].words[w]; w++)
        {
          append_spans (json, "title", a->title, rules[r].words[w]);
          append_spans (json, "body", a->summary_text, rules[r].words[w]);
        }
      if (json->len == 1)
        continue;
      g_string_append_c (json, ']');
      stmt = clip_store_prepare (store, "INSERT INTO matches (rule_id, article_id, spans, matched) "
                                        "VALUES (?, ?, ?, ?)", NULL);
      sqlite3_bind_int64 (stmt, 1, rule_ids[r]);
      sqlite3_bind_int64 (stmt, 2, id);
      clip_store_bind_text (stmt, 3, json->str);
      sqlite3_bind_int64 (stmt, 4, a->published);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("Could not add a match");
    }
}

static void
build_archive (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_autoptr(ClipCorpus) corpus = clip_corpus_new (42);
  gint64 outlets[20], rule_ids[G_N_ELEMENTS (rules)];
  guint matched = 0;

  g_assert_no_error (error);
  for (guint o = 0; o < G_N_ELEMENTS (outlets); o++)
    {
      g_autoptr(ClipOutlet) outlet = clip_outlet_new ();

      outlet->url = g_strdup_printf ("https://outlet%u.example/feed", o);
      outlet->name = g_strdup_printf ("Outlet %u", o);
      outlets[o] = clip_store_add_outlet (store, outlet, &error);
      g_assert_no_error (error);
    }
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      sqlite3_stmt *stmt = clip_store_prepare (store, "INSERT INTO rules (name, query, color) VALUES (?, ?, ?)", NULL);

      clip_store_bind_text (stmt, 1, rules[r].name);
      clip_store_bind_text (stmt, 2, rules[r].query);
      clip_store_bind_text (stmt, 3, rules[r].color);
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
      rule_ids[r] = sqlite3_last_insert_rowid (clip_store_get_db (store));
    }
  for (guint first = 0; first < (guint) n_articles; first += 500)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
      guint outlet = (first / 500) % G_N_ELEMENTS (outlets);
      ClipIngestResult result;

      for (guint i = first; i < MIN (first + 500, (guint) n_articles); i++)
        g_ptr_array_add (batch, clip_corpus_article (corpus, i));
      clip_ingest_result_init (&result);
      clip_store_ingest (store, outlets[outlet], batch, &result, &error);
      g_assert_no_error (error);
      clip_store_begin (store, NULL);
      for (guint i = 0; i < result.added_ids->len; i++)
        add_matches (store, rule_ids, g_ptr_array_index (batch, i),
                     g_array_index (result.added_ids, gint64, i));
      clip_store_commit (store, &error);
      g_assert_no_error (error);
      clip_ingest_result_clear (&result);
    }
  matched = clip_store_count_articles (store, &(ClipArticleFilter) { .rule_id = rule_ids[0] }, NULL);
  printf ("archive: %d articles, %u matched by \"%s\"\n", n_articles, matched, rules[0].name);
}

/* In the child: one export, then its time and this process's peak RSS. */
static int
run_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (child_dir, CLIP_STORE_OPEN_READ_ONLY, &error);
  g_autofree char *path = g_strdup_printf ("%s/report-%d.%s", child_dir, child_limit, child_format);
  ClipExportScope scope = { 0 };
  ClipExportOptions options = { 0 };
  ClipExportResult result = { 0 };
  struct rusage ru;
  gint64 start;

  g_assert_no_error (error);
  g_assert (clip_export_format_from_string (child_format, &options.format));
  if (child_limit > 0)
    {
      scope.article_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (gint64 id = 1; id <= child_limit; id++)
        g_array_append_val (scope.article_ids, id);
    }
  start = g_get_monotonic_time ();
  if (!clip_export_to_file (store, &scope, &options, path, &result, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  getrusage (RUSAGE_SELF, &ru);
  printf ("%.3f %.3f %ld %u %u\n", (g_get_monotonic_time () - start) / 1e6,
          ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
          ru.ru_maxrss, result.articles, result.pages);
  clip_export_scope_clear (&scope);
  return 0;
}

typedef struct {
  double seconds;
  double cpu;
  long   rss_kb;
  guint  articles;
  guint  pages;
} Run;

static Run
run_export (const char *self, const char *dir, const char *format, int limit)
{
  g_autofree char *limit_arg = g_strdup_printf ("%d", limit);
  const char *argv[] = { self, "--child-dir", dir, "--child-format", format,
                         "--child-limit", limit_arg, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) ||
      sscanf (out, "%lf %lf %ld %u %u", &run.seconds, &run.cpu, &run.rss_kb, &run.articles,
              &run.pages) != 5)
    g_error ("The %s export failed", format);
  return run;
}

/* The archive and reports, all in one directory level. */
static void
remove_flat_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  Run pdf, csv, pdf_tenth;
  gint64 start;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (child_dir)
    return run_child ();
  dir = keep_dir ? g_strdup (keep_dir) : g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0700);
  start = g_get_monotonic_time ();
  build_archive (dir);
  printf ("archive built in %.1f s\n\n", (g_get_monotonic_time () - start) / 1e6);

  pdf = run_export (self, dir, "pdf", 0);
  csv = run_export (self, dir, "csv", 0);
  pdf_tenth = run_export (self, dir, "pdf", n_articles / 10);
  printf ("%-22s %9s %9s %10s %8s\n", "export", "wall s", "CPU s", "peak RSS", "pages");
  printf ("%-22s %9.2f %9.2f %7ld MB %8u\n", "PDF, all articles", pdf.seconds, pdf.cpu,
          pdf.rss_kb / 1024, pdf.pages);
  printf ("%-22s %9.2f %9.2f %7ld MB %8s\n", "CSV, all articles", csv.seconds, csv.cpu,
          csv.rss_kb / 1024, "-");
  printf ("%-22s %9.2f %9.2f %7ld MB %8u\n", "PDF, a tenth", pdf_tenth.seconds, pdf_tenth.cpu,
          pdf_tenth.rss_kb / 1024, pdf_tenth.pages);
  /* CPU time too: on a machine others share, wall time also counts their work. */
  printf ("\nPDF of %u articles: %.2f s wall, %.2f s CPU (goal < 10 s): %s\n", pdf.articles,
          pdf.seconds, pdf.cpu, pdf.seconds < 10 ? "met" : pdf.cpu < 10 ? "met in CPU time" : "MISSED");
  printf ("PDF / CSV CPU time: %.1fx (the cost of layout and rendering)\n", pdf.cpu / csv.cpu);
  printf ("PDF peak RSS, all / a tenth: %.2fx for %ux the articles (bounded when near 1)\n",
          (double) pdf.rss_kb / pdf_tenth.rss_kb, pdf.articles / MAX (pdf_tenth.articles, 1));
  if (!keep_dir)
    remove_flat_dir (dir);
  return 0;
}
