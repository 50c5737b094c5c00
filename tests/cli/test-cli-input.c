/* test-cli-input.c — clippings-cli given hostile input: devices, pipes and
 * huge files as FILE arguments, JSON nested past any sense, term lists
 * that multiply, local files in an OPML list; and an archive in a folder
 * it cannot write. Each command runs with its memory bounded (ulimit -v)
 * and a time limit, so a runaway read fails the test, not the machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-store.h"
#include "clip-test-util.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MEMORY_LIMIT (1024 * 1024 * 1024ull)
#define TIME_LIMIT   20

typedef struct {
  char *dir;
  char *out;
  char *err;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = clip_test_tmpdir ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_free (f->dir);
  g_free (f->out);
  g_free (f->err);
}

/* clippings-cli --data-dir DIR ARGS…, bounded; its exit status. */
static int
run_argv (Fixture *f, const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_ptr_array_add (args, (gpointer) "--data-dir");
  g_ptr_array_add (args, f->dir);
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);
  return clip_test_run_cli_limited ((const char * const *) args->pdata, MEMORY_LIMIT, TIME_LIMIT,
                                    &f->out, &f->err);
}

static int
run (Fixture *f, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;
  const char *a;

  va_start (ap, f);
  while ((a = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_argv (f, (const char * const *) args->pdata);
}

static void
assert_refused (Fixture *f, const char *command, const char *path, const char *needle)
{
  g_auto(GStrv) words = g_strsplit (command, " ", -1);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autofree char *expected = g_strdup_printf ("clippings-cli %s: %s %s\n", command, path, needle);
  int status;

  g_strv_builder_addv (b, (const char **) words);
  if (g_str_equal (command, "rules test"))
    g_strv_builder_add (b, "Georgia");   /* rules test QUERY FILE */
  g_strv_builder_add (b, path);
  argv = g_strv_builder_end (b);
  status = run_argv (f, (const char * const *) argv);
  if (status != 2 || !g_str_equal (f->err, expected))
    g_error ("%s %s: exit %d, %s", command, path, status, f->err);
  /* Refused, not read: well under a second, whatever the file. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static const char *commands[] = { "import-opml", "parse", "rules test" };

/* /dev/zero reached 24 GB in import-opml, a FIFO waited for a writer
 * forever: g_file_get_contents() read before anything was checked. */
static void
test_not_files (Fixture *f, gconstpointer data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "pipe", NULL);
  const char *paths[] = { "/dev/zero", "/dev/urandom", fifo, f->dir };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      assert_refused (f, commands[c], paths[i],
                      "is not a regular file: folders, devices and pipes are not read");
}

/* Larger than the memory the command may use: refused by its size. */
static void
test_too_large (Fixture *f, gconstpointer data)
{
  g_autofree char *big = g_build_filename (f->dir, "big.xml", NULL);
  int fd = g_open (big, O_WRONLY | O_CREAT, 0600);

  g_assert_cmpint (fd, >=, 0);
  /* Sparse: 2 GiB that take no disk. */
  g_assert_cmpint (ftruncate (fd, 2 * MEMORY_LIMIT), ==, 0);
  close (fd);
  assert_refused (f, "import-opml", big, "is larger than 8 MiB: it is not read");
  assert_refused (f, "parse", big, "is larger than 16 MiB: it is not read");
  assert_refused (f, "rules test", big, "is larger than 16 MiB: it is not read");
}

static char *
write_file (Fixture *f, const char *name, const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* json-glib overflowed the stack on an article nested 100,000 deep. */
static void
test_deep_json (Fixture *f, gconstpointer data)
{
  g_autofree char *feed = clip_test_deep_json_feed (100000);
  GString *article = g_string_new ("{\"title\": \"Georgia\", \"body\": ");
  g_autofree char *feed_path = write_file (f, "deep-feed.json", feed);
  g_autofree char *article_path = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append_c (article, '[');
  article_path = write_file (f, "deep-article.json", article->str);
  g_assert_cmpint (run (f, "rules", "test", "Georgia", article_path, NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "it is nested more than 512 levels deep"));
  g_assert_cmpint (run (f, "rules", "test", "Georgia", feed_path, NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "it is nested more than 512 levels deep"));
  g_assert_cmpint (run (f, "parse", feed_path, NULL), ==, 2);
  g_assert_cmpstr (f->err, ==, "clippings-cli parse: This JSON cannot be read: "
                                "it is nested more than 512 levels deep\n");
  g_string_free (article, TRUE);
}

/* A 20,000-term list named 500 times grew a search past 12.5 GB: now a
 * query is refused, at once, when its lists expand past the budget. */
static void
test_term_list_budget (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  GString *many = g_string_new ("@big");
  const char *check[] = { "rules", "check", NULL, NULL };
  const char *search[] = { "search", NULL, NULL };
  const char **queries[] = { check, search };
  const guint slot[] = { 2, 1 };

  g_ptr_array_add (argv, g_strdup ("lists"));
  g_ptr_array_add (argv, g_strdup ("add"));
  g_ptr_array_add (argv, g_strdup ("big"));
  for (int i = 0; i < 5000; i++)
    g_ptr_array_add (argv, g_strdup_printf ("term%05d", i));
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (run_argv (f, (const char * const *) argv->pdata), ==, 0);
  for (int i = 1; i < 500; i++)
    g_string_append (many, " OR @big");

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      gint64 start = g_get_monotonic_time ();

      queries[q][slot[q]] = many->str;
      g_assert_cmpint (run_argv (f, queries[q]), ==, 2);
      g_assert_cmpstr (f->err, ==, "column 81: the term lists expand to more than 50000 terms\n");
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    }
  /* Within it: ten references are 50,000 terms. */
  g_assert_cmpint (run (f, "rules", "check", "@big OR @big OR @big OR @big OR @big OR "
                        "@big OR @big OR @big OR @big OR @big", NULL), ==, 0);
  /* The shipped rules are far below it. */
  g_assert_cmpint (run (f, "rules", "check", "@russia_terms NEAR/6 @georgia_terms", NULL), ==, 0);
  g_string_free (many, TRUE);
}

static void
test_opml_local_file (Fixture *f, gconstpointer data)
{
  g_autofree char *opml = write_file (f, "local.opml",
    "<?xml version=\"1.0\"?><opml version=\"2.0\"><body>"
    "<outline text=\"passwd\" xmlUrl=\"file:///etc/passwd\"/>"
    "<outline text=\"Web\" xmlUrl=\"https://news.example/feed\"/></body></opml>");

  g_assert_cmpint (run (f, "import-opml", opml, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "1 outlets added, 1 skipped\n");
  g_assert_cmpstr (f->err, ==, "clippings-cli import-opml: “file:///etc/passwd” is not an http or "
                                "https address: only web feeds are imported from a list\n");
  g_assert_cmpint (run (f, "outlets", "list", NULL), ==, 0);
  g_assert_null (strstr (f->out, "passwd"));
}

/* The folder made read-only: as root (CI) a read-only bind mount, as
 * anyone else its permissions. FALSE when neither can be done. */
static gboolean
make_read_only (const char *dir, gboolean *mounted)
{
  int status = 1;

  *mounted = FALSE;
  if (getuid () != 0)
    return g_chmod (dir, 0555) == 0;
  if (g_spawn_sync (NULL, (char *[]) { "mount", "--bind", (char *) dir, (char *) dir, NULL },
                    NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    NULL, NULL, &status, NULL) && status == 0)
    {
      *mounted = TRUE;
      if (g_spawn_sync (NULL, (char *[]) { "mount", "-o", "remount,bind,ro", (char *) dir, NULL },
                        NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                        NULL, NULL, &status, NULL) && status == 0)
        return TRUE;
    }
  return FALSE;
}

static void
undo_read_only (const char *dir, gboolean mounted)
{
  if (mounted)
    g_spawn_sync (NULL, (char *[]) { "umount", (char *) dir, NULL }, NULL, G_SPAWN_SEARCH_PATH,
                  NULL, NULL, NULL, NULL, NULL, NULL);
  else
    g_chmod (dir, 0700);
}

/* One article in the archive's first outlet, so that an export has
 * something to write (an empty scope writes nothing). */
static void
add_one_article (Fixture *f)
{
  g_autoptr(ClipStore) store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  ClipArticle *a = clip_article_new ();
  ClipIngestResult r;

  g_assert_nonnull (store);
  a->guid = g_strdup ("one");
  a->title = g_strdup ("Georgia votes");
  a->summary_text = g_strdup ("Georgia");
  a->fetched = g_get_real_time () / G_USEC_PER_SEC;
  g_ptr_array_add (batch, a);
  clip_ingest_result_init (&r);
  g_assert_true (clip_store_ingest (store, 1, batch, &r, NULL));
  clip_ingest_result_clear (&r);
}

/* Reading needs no writing: even articles list failed ("unable to open
 * database file") where the archive's folder could not be written. */
static void
test_read_only_folder (Fixture *f, gconstpointer data)
{
  const char *reads[][6] = {
    { "articles", "list", NULL }, { "outlets", "list", NULL }, { "search", "Georgia", NULL },
    { "rules", "list", NULL }, { "export", "--format", "csv", "-o", NULL, NULL },
  };
  g_autofree char *out_dir = clip_test_tmpdir ();
  g_autofree char *csv = g_build_filename (out_dir, "report.csv", NULL);
  int status[G_N_ELEMENTS (reads)], add_status;
  g_autofree char *outlets = NULL;
  gboolean mounted;

  g_assert_cmpint (run (f, "outlets", "add", "https://civil.ge/feed", "--name", "Civil", NULL), ==, 0);
  add_one_article (f);
  if (!make_read_only (f->dir, &mounted))
    {
      undo_read_only (f->dir, mounted);
      g_test_skip ("the folder cannot be made read-only here (mount --bind refused)");
      return;
    }
  reads[4][4] = csv;
  /* Checked after the folder is writable again, so that a failure does
   * not leave a mount behind. */
  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      status[i] = run_argv (f, reads[i]);
      if (i == 1)
        outlets = g_strdup (f->out);
    }
  add_status = run (f, "outlets", "add", "https://other.example/feed", "--name", "Other", NULL);
  undo_read_only (f->dir, mounted);
  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    if (status[i] != 0)
      g_error ("%s %s in a read-only folder: exit %d", reads[i][0], reads[i][1], status[i]);
  g_assert_nonnull (strstr (outlets, "https://civil.ge/feed"));
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  /* A change still fails, and says so. */
  g_assert_cmpint (add_status, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add ("/cli-input/" name, Fixture, NULL, fixture_setup, fn, \
                                  fixture_teardown)
  ADD ("not-files", test_not_files);
  ADD ("too-large", test_too_large);
  ADD ("deep-json", test_deep_json);
  ADD ("term-list-budget", test_term_list_budget);
  ADD ("opml-local-file", test_opml_local_file);
  ADD ("read-only-folder", test_read_only_folder);
#undef ADD
  return g_test_run ();
}
