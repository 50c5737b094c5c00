/* test-export-scope.c — what goes into an export (scope, period, order),
 * dates, excerpts, cancellation, the async API and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-export.h"
#include "clip-test-util.h"
#include "test-export-fixture.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define DAY 86400

/* The ids an export holds, in its order, read from its JSON. */
static GArray *
export_ids (Fixture *f, const ClipExportScope *scope, gboolean newest_first, GError **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  ClipExportOptions options = { CLIP_EXPORT_JSON, .newest_first = newest_first };
  g_autoptr(JsonParser) parser = json_parser_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *articles;

  if (!clip_export_write (f->store, scope, &options, out, NULL, NULL, NULL, NULL, error))
    {
      g_array_unref (ids);
      return NULL;
    }
  g_output_stream_close (out, NULL, NULL);
  json_parser_load_from_data (parser, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                              g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), NULL);
  articles = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "articles");
  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (articles, i), "id");

      g_array_append_val (ids, id);
    }
  return ids;
}

/* ids equal the fixture articles at the given indexes, in order (-1 ends). */
static void
assert_ids (Fixture *f, GArray *ids, const int *want)
{
  guint n = 0;

  g_assert_nonnull (ids);
  for (; want[n] >= 0; n++)
    {
      const FixtureArticle *fa = g_ptr_array_index (f->articles, want[n]);

      g_assert_cmpuint (n, <, ids->len);
      g_assert_cmpint (g_array_index (ids, gint64, n), ==, fa->id);
    }
  g_assert_cmpuint (ids->len, ==, n);
  g_array_unref (ids);
}

static void
test_scope_parts (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autoptr(GError) error = NULL;
  gint64 first = ((FixtureArticle *) g_ptr_array_index (f->articles, 0))->published;
  ClipExportScope scope = { 0 };

  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 0, 1, 2, 3, 4, 5, 6, -1 });
  assert_ids (f, export_ids (f, &scope, TRUE, NULL), (int[]) { 6, 5, 4, 3, 2, 1, 0, -1 });

  scope.rule = (char *) "Elections";
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 1, 2, -1 });
  scope.rule = NULL;

  scope.flagged = TRUE;
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 0, 2, -1 });
  scope.rule = (char *) "Elections";
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 2, -1 });
  scope.rule = NULL;
  scope.flagged = FALSE;

  scope.outlet_id = f->outlets[1];
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 1, -1 });
  scope.outlet_id = 0;

  /* since is inclusive, until is not. */
  scope.since = first + DAY;
  scope.until = first + 3 * DAY;
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 1, 2, -1 });
  scope.since = scope.until = 0;

  scope.article_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (scope.article_ids, ((FixtureArticle *) g_ptr_array_index (f->articles, 4))->id);
  g_array_append_val (scope.article_ids, ((FixtureArticle *) g_ptr_array_index (f->articles, 0))->id);
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 0, 4, -1 });
  g_clear_pointer (&scope.article_ids, g_array_unref);
}

/* Every part of a scope narrows it (AND), as the CLI and the Export
 * dialog combine them; clip_export_count agrees with what is written. */
static void
test_scope_combine (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autoptr(GError) error = NULL;
  gint64 first = ((FixtureArticle *) g_ptr_array_index (f->articles, 0))->published;
  const FixtureArticle *en = g_ptr_array_index (f->articles, 2);
  ClipExportScope scope = { .rule = (char *) "Russian interference" };
  guint count = 99;

  g_assert_true (clip_export_count (f->store, &scope, &count, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 7);
  scope.query = (char *) "title:interference";
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 2, 3, -1 });
  scope.flagged = TRUE;
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 2, -1 });
  scope.outlet_id = f->outlets[0];
  scope.since = first + 2 * DAY;
  scope.until = first + 3 * DAY;
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 2, -1 });
  g_assert_true (clip_export_count (f->store, &scope, &count, NULL, NULL));
  g_assert_cmpuint (count, ==, 1);
  scope.unread = TRUE;
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 2, -1 });

  /* Each part alone can empty it: then nothing is written. */
  g_assert_true (clip_store_set_read (f->store, en->id, TRUE, NULL));
  g_assert_null (export_ids (f, &scope, FALSE, &error));
  g_assert_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_true (clip_export_count (f->store, &scope, &count, NULL, NULL));
  g_assert_cmpuint (count, ==, 0);
  scope.unread = FALSE;
  scope.outlet_id = f->outlets[1];
  g_assert_null (export_ids (f, &scope, FALSE, &error));
  g_assert_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_EMPTY);
  g_clear_error (&error);
  scope.outlet_id = f->outlets[0];
  scope.since = first + 3 * DAY;
  scope.until = 0;
  g_assert_null (export_ids (f, &scope, FALSE, &error));
  g_assert_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_EMPTY);
  /* The message says what was asked for. */
  g_assert_nonnull (strstr (error->message, "Nothing to export"));
  g_assert_nonnull (strstr (error->message, "Rule “Russian interference”"));
}

/* An empty scope writes no file in any format, and leaves a file of the
 * same name as it was, with nothing beside it. */
static void
test_empty_writes_nothing (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  ClipExportScope scope = { .rule = (char *) "Elections", .outlet_id = f->outlets[2] };
  g_autofree char *kept = g_build_filename (f->dir, "kept.csv", NULL);

  for (guint format = CLIP_EXPORT_CSV; format <= CLIP_EXPORT_PDF; format++)
    {
      ClipExportOptions options = { format };
      g_autofree char *name = g_strdup_printf ("empty.%s", clip_export_format_to_string (format));
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GError) error = NULL;
      ClipExportResult result = { 0 };

      g_assert_false (clip_export_to_file (f->store, &scope, &options, path, &result,
                                           NULL, NULL, NULL, &error));
      g_assert_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_EMPTY);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  {
    ClipExportOptions options = { CLIP_EXPORT_CSV };
    g_autofree char *text = NULL;
    g_autoptr(GDir) dir = NULL;
    const char *entry;
    guint n = 0;

    g_assert_true (g_file_set_contents (kept, "earlier", -1, NULL));
    g_assert_false (clip_export_to_file (f->store, &scope, &options, kept, NULL,
                                         NULL, NULL, NULL, NULL));
    g_assert_true (g_file_get_contents (kept, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, "earlier");
    dir = g_dir_open (f->dir, 0, NULL);
    while ((entry = g_dir_read_name (dir)))
      n += strstr (entry, ".part-") != NULL;
    g_assert_cmpuint (n, ==, 0);
  }
}

static void
test_file_name (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) day = g_date_time_new (utc, 2026, 12, 7, 15, 0, 0);
  const struct { const char *subject; ClipExportFormat format; const char *name; } cases[] = {
    { "Russian interference", CLIP_EXPORT_PDF, "russian-interference-2026-12-07.pdf" },
    { "  Вмешательство России!  ", CLIP_EXPORT_CSV, "вмешательство-россии-2026-12-07.csv" },
    { "title:(Georgia OR Tbilisi)", CLIP_EXPORT_HTML, "title-georgia-or-tbilisi-2026-12-07.html" },
    { "../../etc/passwd", CLIP_EXPORT_JSON, "etc-passwd-2026-12-07.json" },
    { "***", CLIP_EXPORT_PDF, "clippings-2026-12-07.pdf" },
    { NULL, CLIP_EXPORT_PDF, "clippings-2026-12-07.pdf" },
    { "\xff\xfe", CLIP_EXPORT_PDF, "clippings-2026-12-07.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = clip_export_file_name (cases[i].subject, cases[i].format, day);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
  {
    g_autofree char *longer = g_strnfill (200, 'a');
    g_autofree char *name = clip_export_file_name (longer, CLIP_EXPORT_PDF, day);

    g_assert_cmpuint (strlen (name), ==, 60 + strlen ("-2026-12-07.pdf"));
  }
}

static void
test_scope_query (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autoptr(GError) error = NULL;
  ClipExportScope scope = { .query = (char *) "title:interference" };

  /* The rule language, as a rule would match: the title says it. */
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 2, 3, -1 });
  scope.rule = (char *) "Elections";
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 2, -1 });
  scope.rule = NULL;
  scope.query = (char *) "Грузии OR საფრთხეა";
  assert_ids (f, export_ids (f, &scope, FALSE, NULL), (int[]) { 0, 1, -1 });

  scope.query = (char *) "title:(Russia";
  g_assert_null (export_ids (f, &scope, FALSE, &error));
  g_assert_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "title:(Russia"));
}

static void
test_scope_errors (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autoptr(GError) error = NULL;
  ClipExportScope scope = { .rule = (char *) "No such rule" };

  g_assert_null (export_ids (f, &scope, FALSE, &error));
  g_assert_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "No such rule"));
  g_clear_error (&error);

  scope.rule = NULL;
  scope.outlet_id = 999;
  g_assert_null (export_ids (f, &scope, FALSE, &error));
  g_assert_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  scope.outlet_id = 0;
  scope.since = 2000;
  scope.until = 1000;
  g_assert_null (export_ids (f, &scope, FALSE, &error));
  g_assert_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_INVALID);
}

static gint64
ingest_one (Fixture *f, const char *guid, gint64 published, gint64 fetched)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipArticle *a = clip_article_new ();
  ClipIngestResult r;
  gint64 id;

  a->guid = g_strdup (guid);
  a->title = g_strdup (guid);
  a->summary_text = g_strdup ("Tbilisi");
  a->published = published;
  a->fetched = fetched;
  g_ptr_array_add (batch, a);
  clip_ingest_result_init (&r);
  g_assert_true (clip_store_ingest (f->store, f->outlets[0], batch, &r, &error));
  g_assert_no_error (error);
  id = g_array_index (r.added_ids, gint64, 0);
  clip_ingest_result_clear (&r);
  return id;
}

/* Exports go by the articles' time (oldest first, or newest), not by
 * arrival: an old article fetched late goes first, one dated a year
 * ahead counts from its fetch; the period is by that time too. */
static void
test_time_order (void)
{
  g_autoptr(Fixture) f = fixture_new (FALSE);
  gint64 day9 = 1741478400;     /* 2025-03-09 */
  gint64 news = ingest_one (f, "news", day9, day9 + 600);
  gint64 ahead = ingest_one (f, "ahead", day9 + 365 * DAY, day9 + 12 * 3600);
  gint64 late = ingest_one (f, "late", day9 - 8 * DAY, day9 + DAY);
  ClipExportScope scope = { 0 };
  g_autoptr(GArray) oldest = export_ids (f, &scope, FALSE, NULL);
  g_autoptr(GArray) newest = export_ids (f, &scope, TRUE, NULL);
  g_autoptr(GArray) since = NULL;

  g_assert_cmpuint (oldest->len, ==, 3);
  g_assert_cmpint (g_array_index (oldest, gint64, 0), ==, late);
  g_assert_cmpint (g_array_index (oldest, gint64, 1), ==, news);
  g_assert_cmpint (g_array_index (oldest, gint64, 2), ==, ahead);
  g_assert_cmpint (g_array_index (newest, gint64, 0), ==, ahead);
  g_assert_cmpint (g_array_index (newest, gint64, 2), ==, late);
  scope.since = day9;
  scope.until = day9 + 6 * 3600;
  since = export_ids (f, &scope, FALSE, NULL);
  g_assert_cmpuint (since->len, ==, 1);
  g_assert_cmpint (g_array_index (since, gint64, 0), ==, news);
}

static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  gint64 t = 0;

  /* The tests run with TZ=UTC. */
  g_assert_true (clip_export_parse_date ("2025-03-01", FALSE, &t, &error));
  g_assert_cmpint (t, ==, 1740787200);
  g_assert_true (clip_export_parse_date ("2025-03-01", TRUE, &t, &error));
  g_assert_cmpint (t, ==, 1740787200 + DAY);
  g_assert_true (clip_export_parse_date ("2025-03-01T10:00:00+04:00", FALSE, &t, &error));
  g_assert_cmpint (t, ==, 1740808800);
  g_assert_true (clip_export_parse_date ("2025-03-01T10:00:00Z", TRUE, &t, &error));
  g_assert_cmpint (t, ==, 1740823200);
  g_assert_true (clip_export_parse_date ("2024-02-29", FALSE, &t, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      const char *bad[] = { "2025-02-30", "yesterday", "2025-3-1", "", "2025-13-01" };

      g_assert_false (clip_export_parse_date (bad[i], FALSE, &t, &error));
      g_assert_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
test_excerpt (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  ClipExportOptions options = { CLIP_EXPORT_HTML };
  g_autoptr(GError) error = NULL;
  ClipExportScope scope = { .rule = (char *) "Russian interference", .since = 1740787200 + 30 * DAY };
  const char *html;

  /* The match is far into a long body: the excerpt shows it, not the start. */
  fixture_add_many (f, 1);
  clip_export_write (f->store, &scope, &options, out, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  html = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (html, "<p class=\"excerpt\" dir=\"auto\">Officials said the partners are a subject of "
                                  "<mark class=\"r0\">Russian interference</mark>"));
  g_assert_nonnull (strstr (html, "closely. Officials"));
  g_assert_nonnull (strstr (html, "\u00a0…</p>"));
  g_assert_nonnull (strstr (html, "<mark class=\"r0\">Russian interference</mark> in the region"));
  /* One day: the chart is a bar, not a line through one point. */
  g_assert_nonnull (strstr (html, "<rect x="));
  g_assert_null (strstr (html, "<polyline"));
}

static void
cancel_on_progress (guint64 done, guint64 total, gpointer data)
{
  if (done == 2)
    g_cancellable_cancel (data);
}

static void
test_cancel_keeps_old_file (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "missing", "report.pdf", NULL);
  g_autofree char *kept = NULL;
  ClipExportOptions options = { CLIP_EXPORT_PDF };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (g_file_set_contents (path, "earlier report", -1, NULL));
  g_assert_false (clip_export_to_file (f->store, NULL, &options, path, NULL,
                                       cancel_on_progress, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "earlier report");
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    g_assert_null (strstr (name, ".part"));
  g_clear_error (&error);

  g_assert_false (clip_export_to_file (f->store, NULL, &options, bad, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "missing"));
}

typedef struct {
  GMainLoop        *loop;
  ClipExportResult  result;
  GError           *error;
  guint             calls;
  guint             last_done;
  guint             total;
  GThread          *thread;
} AsyncRun;

static void
async_progress (guint64 done, guint64 total, gpointer data)
{
  AsyncRun *run = data;

  g_assert_true (g_thread_self () == run->thread);
  g_assert_cmpuint (done, >, run->last_done);
  run->calls++;
  run->last_done = done;
  run->total = total;
}

static void
async_done (GObject *source, GAsyncResult *result, gpointer data)
{
  AsyncRun *run = data;

  clip_export_to_file_finish (result, &run->result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
test_async (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autofree char *path = g_build_filename (f->dir, "report.html", NULL);
  ClipExportOptions options = { CLIP_EXPORT_HTML };
  AsyncRun run = { g_main_loop_new (NULL, FALSE) };
  g_autoptr(ClipProgress) progress = clip_progress_new (async_progress, &run, NULL, NULL);

  run.thread = g_thread_self ();
  fixture_add_many (f, 300);
  clip_export_to_file_async (clip_store_get_path (f->store), NULL, &options, path,
                             progress, NULL, async_done, &run);
  g_main_loop_run (run.loop);
  g_assert_no_error (run.error);
  g_assert_cmpuint (run.result.articles, ==, 307);
  /* Thinned to whole percents (and merged while the main loop was
   * busy), and the last call, before the result, says "done". */
  g_assert_cmpuint (run.calls, <=, 101);
  g_assert_cmpuint (run.calls, >=, 1);
  g_assert_cmpuint (run.last_done, ==, 307);
  g_assert_cmpuint (run.total, ==, 307);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_main_loop_unref (run.loop);
}

static int
cli (Fixture *f, char **out, char **err, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, f->dir);
  g_ptr_array_add (argv, (char *) "export");
  va_start (args, err);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return clip_test_run_cli ((const char * const *) argv->pdata, out, err);
}

static void
test_cli (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autofree char *csv = g_build_filename (f->dir, "elections.csv", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "all.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  g_auto(GStrv) lines = NULL;

  /* The CLI opens the archive itself. */
  g_clear_object (&f->store);
  g_assert_cmpint (cli (f, &out, &err, "--format", "csv", "--rule", "Elections", "--bom",
                        "--since", "2025-03-01", "--until", "2025-03-03", "-o", csv, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Wrote 2 articles"));
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFid,"));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);  /* header, 2 rows, "" */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (f, &out, &err, "--format", "PDF", "--flagged", "-o", pdf, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Wrote 2 articles"));
  g_assert_nonnull (strstr (out, "(3 pages)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (f, &out, &err, "--format", "html", "--query", "title:interference",
                        "-o", pdf, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Wrote 2 articles"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (f, &out, &err, "--format", "json", "--outlet", "2", "-o", "-", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"Вмешательство России в выборы\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A scope that holds nothing: one line, exit 1, no file (not a report
   * that says so on three pages). */
  {
    g_autofree char *empty = g_build_filename (f->dir, "empty.pdf", NULL);

    g_assert_cmpint (cli (f, &out, &err, "--format", "pdf", "--rule", "Elections", "--unread",
                          "--outlet", "3", "-o", empty, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "Nothing to export"));
    g_assert_cmpuint (strchr (err, '\n') - err + 1, ==, strlen (err));
    g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (f, &out, &err, "--format", "csv", "--since", "2030-01-01", "-o", "-", NULL), ==, 1);
    g_assert_cmpstr (out, ==, "");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* Mistakes the user can fix exit 2 with one line saying what is wrong. */
  {
    const char *bad[][6] = {
      { "--format", "docx", "-o", csv, NULL },
      { "--format", "csv", NULL },
      { "--format", "csv", "--since", "March", "-o", csv },
      { "--format", "csv", "--rule", "Nope", "-o", csv },
      { "--format", "pdf", "--bom", "-o", pdf, NULL },
      { "--format", "csv", "--outlet", "x", "-o", csv },
      { "--format", "csv", "--query", "Russia NEAR/500 x", "-o", csv },
    };
    const char *says[] = { "docx", "-o FILE", "March", "Nope", "--bom", "outlet", "NEAR/500" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_cmpint (cli (f, &out, &err, bad[i][0], bad[i][1], bad[i][2], bad[i][3],
                              bad[i][4], bad[i][5], NULL), ==, 2);
        g_assert_nonnull (strstr (err, says[i]));
        g_assert_cmpuint (strchr (err, '\n') - err + 1, ==, strlen (err));
        g_clear_pointer (&out, g_free);
        g_clear_pointer (&err, g_free);
      }
  }
}

void
add_scope_tests (void)
{
  g_test_add_func ("/export/scope/parts", test_scope_parts);
  g_test_add_func ("/export/scope/query", test_scope_query);
  g_test_add_func ("/export/scope/combine", test_scope_combine);
  g_test_add_func ("/export/scope/empty-writes-nothing", test_empty_writes_nothing);
  g_test_add_func ("/export/file-name", test_file_name);
  g_test_add_func ("/export/scope/errors", test_scope_errors);
  g_test_add_func ("/export/dates", test_dates);
  g_test_add_func ("/export/time-order", test_time_order);
  g_test_add_func ("/export/excerpt", test_excerpt);
  g_test_add_func ("/export/cancel", test_cancel_keeps_old_file);
  g_test_add_func ("/export/async", test_async);
  g_test_add_func ("/export/cli", test_cli);
}
