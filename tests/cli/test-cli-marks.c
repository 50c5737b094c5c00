/* test-cli-marks.c — clippings-cli articles flag|unflag|read|unread|tag|
 * untag|note, outlets remove --keep-annotated|--all, and outlets add
 * naming a new outlet from its feed's title: their effect (read back from
 * the archive) and their errors (exit 2 with one line)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-store.h"
#include "clip-test-server.h"
#include "clip-test-cli.h"
#include "clip-test-util.h"

#include <string.h>

typedef struct {
  char           *dir;
  char           *out;
  char           *err;
  ClipTestServer *server;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = clip_test_tmpdir ();
  f->server = clip_test_server_new ("127.0.0.1", NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  clip_test_server_free (f->server);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->err);
}

/* clippings-cli --data-dir DIR ARGS…; the exit status. */
static int
run (Fixture *f, ...)
{
  va_list ap;
  int status;

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  va_start (ap, f);
  status = clip_test_cli_runv (f->dir, &f->out, &f->err, ap);
  va_end (ap);
  return status;
}

static void
assert_one_line_error (Fixture *f, const char *needle)
{
  gsize len = strlen (f->err);

  if (!g_str_has_prefix (f->err, "clippings-cli articles") &&
      !g_str_has_prefix (f->err, "clippings-cli outlets"))
    g_error ("not a clippings-cli error: %s", f->err);
  if (strstr (f->err, needle) == NULL)
    g_error ("“%s” not in: %s", needle, f->err);
  g_assert_cmpuint (len, >, 1);
  g_assert_true (f->err[len - 1] == '\n');
  g_assert_null (memchr (f->err, '\n', len - 1));
}

static ClipStore *
reader (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  ClipStore *store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return store;
}

static ClipArticle *
article (Fixture *f, gint64 id)
{
  g_autoptr(ClipStore) store = reader (f);
  g_autoptr(GError) error = NULL;
  ClipArticle *a = clip_store_get_article (store, id, &error);

  g_assert_no_error (error);
  return a;
}

static char *
tags_of (Fixture *f, gint64 id)
{
  g_autoptr(ClipStore) store = reader (f);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = clip_store_get_tags (store, id, &error);

  g_assert_no_error (error);
  return g_strjoinv (",", tags);
}

/* The three articles of rss20.xml, ids 1 to 3, from a local feed. */
static void
seed (Fixture *f)
{
  g_autofree char *path = clip_test_data_path ("feeds/rss20.xml");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  g_assert_cmpint (run (f, "outlets", "add", uri, NULL), ==, 0);
  g_assert_cmpint (run (f, "fetch", NULL), ==, 0);
  g_assert_cmpint (run (f, "articles", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\tCivil News\t"));
}

static gboolean
flag_of (Fixture *f, gint64 id)
{
  g_autoptr(ClipArticle) a = article (f, id);

  return a->flag != 0;
}

static gboolean
read_of (Fixture *f, gint64 id)
{
  g_autoptr(ClipArticle) a = article (f, id);

  return a->read;
}

static void
test_marks (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticle) a = NULL;
  g_autofree char *tags = NULL;

  seed (f);
  g_assert_cmpint (run (f, "articles", "flag", "1", "3", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (flag_of (f, 1) && !flag_of (f, 2) && flag_of (f, 3));
  g_assert_cmpint (run (f, "articles", "unflag", "3", NULL), ==, 0);
  g_assert_true (flag_of (f, 1) && !flag_of (f, 2) && !flag_of (f, 3));

  g_assert_cmpint (run (f, "articles", "read", "2", "3", NULL), ==, 0);
  g_assert_true (!read_of (f, 1) && read_of (f, 2) && read_of (f, 3));
  g_assert_cmpint (run (f, "articles", "unread", "3", NULL), ==, 0);
  g_assert_true (!read_of (f, 1) && read_of (f, 2) && !read_of (f, 3));

  g_assert_cmpint (run (f, "articles", "tag", "2", "Georgia", "elections", NULL), ==, 0);
  tags = tags_of (f, 2);
  g_assert_cmpstr (tags, ==, "Georgia,elections");   /* by byte order */
  g_clear_pointer (&tags, g_free);
  g_assert_cmpint (run (f, "articles", "untag", "2", "elections", NULL), ==, 0);
  tags = tags_of (f, 2);
  g_assert_cmpstr (tags, ==, "Georgia");

  g_assert_cmpint (run (f, "articles", "note", "3", "Ask the ministry — twice", NULL), ==, 0);
  a = article (f, 3);
  g_assert_cmpstr (a->note, ==, "Ask the ministry — twice");
  g_clear_pointer (&a, clip_article_free);
  g_assert_cmpint (run (f, "articles", "note", "3", "", NULL), ==, 0);
  a = article (f, 3);
  g_assert_null (a->note);
}

static void
test_mark_errors (Fixture *f, gconstpointer data)
{
  seed (f);
  g_assert_cmpint (run (f, "articles", "flag", NULL), ==, 2);
  assert_one_line_error (f, "article ID");
  g_assert_cmpint (run (f, "articles", "read", "1", "abc", NULL), ==, 2);
  assert_one_line_error (f, "“abc” is not an article ID");
  g_assert_false (read_of (f, 1));
  /* One unknown id: none of the list changes. */
  g_assert_cmpint (run (f, "articles", "flag", "1", "999", NULL), ==, 2);
  assert_one_line_error (f, "no article 999");
  g_assert_false (flag_of (f, 1));
  g_assert_cmpint (run (f, "articles", "tag", "1", NULL), ==, 2);
  assert_one_line_error (f, "TAG");
  g_assert_cmpint (run (f, "articles", "tag", "1", "ok", "  ", NULL), ==, 2);
  assert_one_line_error (f, "a tag needs some text");
  g_assert_cmpint (run (f, "articles", "untag", "42", "x", NULL), ==, 2);
  assert_one_line_error (f, "no article 42");
  g_assert_cmpint (run (f, "articles", "note", "1", NULL), ==, 2);
  assert_one_line_error (f, "TEXT");
  g_assert_cmpint (run (f, "articles", "note", "1", "a", "b", NULL), ==, 2);
  assert_one_line_error (f, "TEXT");
  g_assert_cmpint (run (f, "articles", "note", "7", "x", NULL), ==, 2);
  assert_one_line_error (f, "no article 7");
  g_assert_cmpint (run (f, "articles", "note", "1", "bad \xff\xfe text", NULL), ==, 2);
  assert_one_line_error (f, "not valid UTF-8");
  g_assert_cmpint (run (f, "articles", "tag", "1", "\xc3", NULL), ==, 2);
  assert_one_line_error (f, "not valid UTF-8");
  g_assert_cmpint (run (f, "articles", "frob", NULL), ==, 2);
  g_assert_cmpint (run (f, "articles", "flag", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "ID…"));
}

static void
test_outlet_remove (Fixture *f, gconstpointer data)
{
  seed (f);
  g_assert_cmpint (run (f, "articles", "flag", "1", NULL), ==, 0);
  g_assert_cmpint (run (f, "articles", "note", "2", "mine", NULL), ==, 0);
  g_assert_cmpint (run (f, "outlets", "remove", "1", "--all", "--keep-annotated", NULL), ==, 2);
  assert_one_line_error (f, "cannot be used together");
  /* The default keeps the analyst's work. */
  g_assert_cmpint (run (f, "outlets", "remove", "1", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "2 annotated articles kept\n");
  g_assert_cmpint (run (f, "outlets", "list", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpint (run (f, "articles", "list", NULL), ==, 0);
  g_assert_true (strstr (f->out, "\n1\t") || g_str_has_prefix (f->out, "1\t"));
  g_assert_true (strstr (f->out, "\n2\t") || g_str_has_prefix (f->out, "2\t"));
  g_assert_false (strstr (f->out, "\n3\t") || g_str_has_prefix (f->out, "3\t"));
  g_assert_nonnull (strstr (f->out, "\tCivil News\t"));
  /* --all takes them too. */
  g_assert_cmpint (run (f, "outlets", "remove", "1", "--all", NULL), ==, 0);
  g_assert_cmpint (run (f, "articles", "list", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpint (run (f, "outlets", "remove", "1", NULL), ==, 2);
  assert_one_line_error (f, "no outlet 1");
}

static void
test_add_names_from_feed (Fixture *f, gconstpointer data)
{
  g_autofree char *path = clip_test_data_path ("feeds/rss20.xml");
  g_autofree char *body = NULL;
  g_autofree char *feed = clip_test_server_url (f->server, "/feed.xml");
  g_autofree char *named = clip_test_server_url (f->server, "/named.xml");
  gsize len;

  g_assert_true (g_file_get_contents (path, &body, &len, NULL));
  clip_test_server_add_body (f->server, "/feed.xml", "application/rss+xml", body, len, NULL, NULL);
  clip_test_server_add_body (f->server, "/named.xml", "application/rss+xml", body, len, NULL, NULL);
  g_assert_cmpint (run (f, "outlets", "add", feed, NULL), ==, 0);
  g_assert_cmpint (run (f, "outlets", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "1\tCivil News\t"));
  /* A name given is the name; nothing is fetched for it. */
  g_assert_cmpint (run (f, "outlets", "add", named, "--name", "Mine", NULL), ==, 0);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/named.xml"), ==, 0);
  /* Unreachable: added all the same, named after its address, and said. */
  g_assert_cmpint (run (f, "outlets", "add", "http://127.0.0.1:1/feed", NULL), ==, 0);
  g_assert_nonnull (strstr (f->err, "could not read the feed’s title"));
  g_assert_cmpint (run (f, "outlets", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "2\tMine\t"));
  g_assert_nonnull (strstr (f->out, "3\t127.0.0.1\t"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/cli-marks/marks", test_marks);
  ADD ("/cli-marks/errors", test_mark_errors);
  ADD ("/cli-marks/outlet-remove", test_outlet_remove);
  ADD ("/cli-marks/add-names-from-feed", test_add_names_from_feed);
  return g_test_run ();
}
