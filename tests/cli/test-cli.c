/* test-cli.c — clippings-cli: every foundation command, its output and
 * its errors (exit 0 success, 2 bad usage or input, 1 other failure).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-store.h"
#include "clip-test-cli.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

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

/* Runs clippings-cli --data-dir DIR ARGS…; returns the exit status. */
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
  g_assert_true (g_str_has_prefix (f->err, "clippings-cli"));
  g_assert_nonnull (strstr (f->err, needle));
  g_assert_cmpuint (strlen (f->err), >, 0);
  g_assert_null (strchr (f->err, '\n') == f->err + strlen (f->err) - 1 ? NULL : "more than one line");
}

static void
test_outlets (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *health;

  g_assert_cmpint (run (f, "outlets", "add", "https://civil.ge/feed", "--name", "Civil Georgia",
                        "--group", "Georgia", "--interval", "600", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\n");
  g_assert_cmpint (run (f, "outlets", "add", "https://meduza.io/rss/all", "--name", "meduza.io", NULL), ==, 0);
  g_assert_cmpint (run (f, "outlets", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "1\tCivil Georgia\thttps://civil.ge/feed\tGeorgia\tnew"));
  g_assert_nonnull (strstr (f->out, "2\tmeduza.io\thttps://meduza.io/rss/all\t-\tnew"));

  g_assert_cmpint (run (f, "outlets", "list", "--json", NULL), ==, 0);
  root = clip_test_parse_json (f->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  /* Ungrouped outlets come first, then by group and name. */
  o = json_array_get_object_element (json_node_get_array (root), 1);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Civil Georgia");
  g_assert_cmpstr (json_object_get_string_member (o, "group"), ==, "Georgia");
  g_assert_cmpint (json_object_get_int_member (o, "interval"), ==, 600);
  g_assert_true (json_object_get_boolean_member (o, "enabled"));
  health = json_object_get_object_member (o, "health");
  g_assert_cmpstr (json_object_get_string_member (health, "status"), ==, "new");
  g_assert_true (json_object_get_null_member (health, "last_success"));
  g_assert_cmpint (json_object_get_int_member (health, "failures"), ==, 0);

  g_assert_cmpint (run (f, "outlets", "remove", "2", NULL), ==, 0);
  g_assert_cmpint (run (f, "outlets", "list", NULL), ==, 0);
  g_assert_null (strstr (f->out, "meduza"));
}

static void
test_outlets_errors (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (run (f, "outlets", "add", "not a url", NULL), ==, 2);
  assert_one_line_error (f, "not an http, https or file address");
  g_assert_cmpint (run (f, "outlets", "add", "https://civil.ge/feed", "--name", "C", NULL), ==, 0);
  /* Refused before anything is fetched for a title. */
  g_assert_cmpint (run (f, "outlets", "add", "https://civil.ge/feed", NULL), ==, 2);
  assert_one_line_error (f, "already in the list");
  g_assert_cmpint (run (f, "outlets", "add", "https://x.example/", "--interval", "5", NULL), ==, 2);
  assert_one_line_error (f, "interval");
  g_assert_cmpint (run (f, "outlets", "add", NULL), ==, 2);
  g_assert_cmpint (run (f, "outlets", "add", "--bogus", NULL), ==, 2);
  assert_one_line_error (f, "bogus");
  g_assert_cmpint (run (f, "outlets", "remove", "42", NULL), ==, 2);
  assert_one_line_error (f, "no outlet 42");
  g_assert_cmpint (run (f, "outlets", "remove", "abc", NULL), ==, 2);
  g_assert_cmpint (run (f, "outlets", "frobnicate", NULL), ==, 2);
  g_assert_cmpint (run (f, "outlets", NULL), ==, 2);
  g_assert_cmpint (run (f, "no-such-command", NULL), ==, 2);
  assert_one_line_error (f, "unknown command");
}

static void
test_help (Fixture *f, gconstpointer data)
{
  const char *commands[][3] = {
    { "outlets", "add", "--interval" }, { "outlets", "list", "--json" },
    { "outlets", "remove", "ID" }, { "articles", "list", "--limit" },
    { "search", NULL, "QUERY" }, { "import-opml", NULL, "FILE" },
    { "export-opml", NULL, "FILE" },
  };

  g_assert_cmpint (run (f, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "import-opml"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (commands[i][1])
        g_assert_cmpint (run (f, commands[i][0], commands[i][1], "--help", NULL), ==, 0);
      else
        g_assert_cmpint (run (f, commands[i][0], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (f->out, commands[i][2]));
      g_assert_nonnull (strstr (f->out, "--data-dir"));
    }
}

static void
seed_articles (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  const char *titles[] = { "Protests in Tbilisi", "Выборы в Грузии", "არჩევნები საქართველოში" };
  ClipIngestResult r;
  gint64 outlet;

  g_assert_no_error (error);
  o->url = g_strdup ("https://civil.ge/feed");
  o->name = g_strdup ("Civil Georgia");
  outlet = clip_store_add_outlet (store, o, &error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      ClipArticle *a = clip_article_new ();

      a->guid = g_strdup_printf ("g%u", i);
      a->url = g_strdup_printf ("https://civil.ge/%u", i);
      a->title = g_strdup (titles[i]);
      a->summary_text = g_strdup ("=cmd|' /C calc'!A0 and some text");
      a->published = 1732665120 + i;
      g_ptr_array_add (batch, a);
    }
  clip_ingest_result_init (&r);
  g_assert_true (clip_store_ingest (store, outlet, batch, &r, &error));
  g_assert_no_error (error);
  clip_ingest_result_clear (&r);
}

static void
test_articles_and_search (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *arr;
  JsonObject *a;

  seed_articles (f);
  g_assert_cmpint (run (f, "articles", "list", NULL), ==, 0);
  /* For people: the date with its month's name (the JSON keeps ISO 8601). */
  g_assert_nonnull (strstr (f->out, "3\t26 November 2024, 23:52\tCivil Georgia\tარჩევნები საქართველოში\n"));
  g_assert_cmpint (run (f, "articles", "list", "--json", "--limit", "2", NULL), ==, 0);
  root = clip_test_parse_json (f->out);
  arr = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (arr), ==, 2);
  a = json_array_get_object_element (arr, 0);
  g_assert_cmpstr (json_object_get_string_member (a, "title"), ==, "არჩევნები საქართველოში");
  g_assert_cmpstr (json_object_get_string_member (a, "published"), ==, "2024-11-26T23:52:02Z");
  g_assert_cmpstr (json_object_get_string_member (a, "outlet"), ==, "Civil Georgia");
  g_assert_false (json_object_get_boolean_member (a, "read"));
  g_assert_cmpint (run (f, "articles", "list", "--limit", "-1", NULL), ==, 2);
  g_assert_cmpint (run (f, "articles", "list", "--outlet", "x", NULL), ==, 2);

  g_assert_cmpint (run (f, "search", "ВЫБОРЫ", "--json", NULL), ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = clip_test_parse_json (f->out);
  arr = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (arr), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (arr, 0), "title"),
                   ==, "Выборы в Грузии");
  g_assert_cmpint (run (f, "search", "tbilisi", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Protests in Tbilisi"));
  g_assert_cmpint (run (f, "search", "nothing-like-this-anywhere", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpint (run (f, "search", NULL), ==, 2);
}

/* Arrival is not time: the news, then an old article fetched late, an
 * item dated a year ahead (it counts from its fetch) and one undated. */
static void
seed_out_of_order (Fixture *f)
{
  const struct { const char *title; gint64 published, fetched; } rows[][2] = {
    { { "Morning news", 1780000000, 1780000100 }, { "Noon news", 1780010000, 1780010100 } },
    { { "Old report", 1779000000, 1780020000 }, { "Embargoed report", 1811000000, 1780020000 } },
    { { "Undated report", CLIP_NO_DATE, 1780005000 }, { NULL, 0, 0 } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  gint64 outlet;

  o->url = g_strdup ("https://civil.ge/feed");
  o->name = g_strdup ("Civil Georgia");
  outlet = clip_store_add_outlet (store, o, &error);
  g_assert_no_error (error);
  for (guint b = 0; b < G_N_ELEMENTS (rows); b++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
      ClipIngestResult r;

      for (guint i = 0; i < 2 && rows[b][i].title; i++)
        {
          ClipArticle *a = clip_article_new ();

          a->guid = g_strdup (rows[b][i].title);
          a->title = g_strdup (rows[b][i].title);
          a->summary_text = g_strdup ("Tbilisi");
          a->published = rows[b][i].published;
          a->fetched = rows[b][i].fetched;
          g_ptr_array_add (batch, a);
        }
      clip_ingest_result_init (&r);
      g_assert_true (clip_store_ingest (store, outlet, batch, &r, &error));
      g_assert_no_error (error);
      clip_ingest_result_clear (&r);
    }
}

static void
assert_titles (const char *json, const char *const *titles, guint n)
{
  g_autoptr(JsonNode) root = clip_test_parse_json (json);
  JsonArray *arr = json_node_get_array (root);

  g_assert_cmpuint (json_array_get_length (arr), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (arr, i), "title"),
                     ==, titles[i]);
}

static void
test_time_order (Fixture *f, gconstpointer data)
{
  static const char *const by_time[] = {
    "Embargoed report", "Noon news", "Undated report", "Morning news", "Old report",
  };

  seed_out_of_order (f);
  g_assert_cmpint (run (f, "articles", "list", "--json", NULL), ==, 0);
  assert_titles (f->out, by_time, G_N_ELEMENTS (by_time));
  g_assert_cmpint (run (f, "articles", "list", "--json", "--limit", "2", NULL), ==, 0);
  assert_titles (f->out, by_time, 2);
  g_assert_cmpint (run (f, "articles", "list", "--json", "--unread", "--limit", "3", NULL), ==, 0);
  assert_titles (f->out, by_time, 3);
  g_assert_cmpint (run (f, "search", "tbilisi", "--json", NULL), ==, 0);
  assert_titles (f->out, by_time, G_N_ELEMENTS (by_time));
  g_assert_cmpint (run (f, "search", "report", "--json", "--limit", "2", NULL), ==, 0);
  assert_titles (f->out, (const char *const[]) { "Embargoed report", "Undated report" }, 2);
  /* The embargoed item's own date stays in the JSON; its place is its fetch. */
  g_assert_nonnull (strstr (f->out, "\"published\" : \"2027-05-22T"));
  g_assert_nonnull (strstr (f->out, "\"time_source\" : \"fetched-future\""));
  g_assert_nonnull (strstr (f->out, "\"time_source\" : \"fetched\""));
  g_assert_cmpint (run (f, "search", "news", "--json", "--limit", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\"time_source\" : \"published\""));
}

static void
test_opml (Fixture *f, gconstpointer data)
{
  g_autofree char *in = clip_test_data_path ("opml/outlets.opml");
  g_autofree char *out = g_build_filename (f->dir, "out.opml", NULL);
  g_autofree char *xml = NULL;

  g_assert_cmpint (run (f, "import-opml", in, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "3 outlets added, 2 skipped"));
  g_assert_nonnull (strstr (f->err, "ftp://example.com/feed"));
  g_assert_cmpint (run (f, "outlets", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Civil Georgia\thttps://civil.ge/feed\tGeorgia"));
  /* No entity from the DTD is expanded: no file contents, no name. */
  g_assert_null (strstr (f->out, "root:"));
  g_assert_nonnull (strstr (f->out, "meduza.io/rss/all\t-"));

  g_assert_cmpint (run (f, "export-opml", out, NULL), ==, 0);
  g_assert_true (g_file_get_contents (out, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "xmlUrl=\"https://civil.ge/feed\""));
  g_assert_nonnull (strstr (xml, "htmlUrl=\"https://civil.ge/\""));
  g_assert_nonnull (strstr (xml, "<outline text=\"Georgia\""));

  /* The round trip: a fresh archive imports what was exported. */
  g_free (f->dir);
  f->dir = clip_test_tmpdir ();
  g_assert_cmpint (run (f, "import-opml", out, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "3 outlets added, 0 skipped"));
  g_assert_cmpint (run (f, "outlets", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Civil Georgia\thttps://civil.ge/feed\tGeorgia"));

  g_assert_cmpint (run (f, "import-opml", "/nonexistent.opml", NULL), ==, 2);
  g_assert_cmpint (run (f, "import-opml", in, "extra", NULL), ==, 2);
}

/* What a terminal would act on: C0 controls but tab and line feed, DEL,
 * C1 controls, bidi embeddings, overrides and isolates, or bytes that are
 * not UTF-8. */
static void
assert_terminal_safe (const char *out)
{
  g_assert_true (g_utf8_validate (out, -1, NULL));
  for (const char *p = out; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t')
        continue;
      g_assert_cmphex (c, >=, 0x20);
      g_assert_false (c >= 0x7f && c <= 0x9f);
      g_assert_false ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
    }
}

/* An outlet and articles whose text would drive a terminal. */
static void
seed_hostile (Fixture *f, const char *name, const char * const *titles, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  ClipIngestResult r;
  gint64 outlet;

  g_assert_no_error (error);
  o->url = g_strdup ("https://evil.example/feed\x1b[8m");
  o->name = g_strdup (name);
  o->group = g_strdup ("\x1b[5mgroup");
  outlet = clip_store_add_outlet (store, o, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      ClipArticle *a = clip_article_new ();

      a->guid = g_strdup_printf ("e%u", i);
      a->title = g_strdup (titles[i]);
      a->summary_text = g_strdup ("Tbilisi");
      a->published = 1732665120 + i;
      g_ptr_array_add (batch, a);
    }
  clip_ingest_result_init (&r);
  g_assert_true (clip_store_ingest (store, outlet, batch, &r, &error));
  g_assert_no_error (error);
  clip_ingest_result_clear (&r);
}

/* Feed text with terminal controls (clear the screen, colours, the
 * window's title, C1's CSI) and bidi overrides reaches the terminal as
 * text in every listing; JSON carries it as it is, escaped by json-glib. */
static void
test_terminal_escapes (Fixture *f, gconstpointer data)
{
  const char *evil_name = "Evil \x1b]0;pwned\x07News";
  const char *titles[] = {
    "\x1b[2J\x1b[31mRed alert", "C1 \xc2\x9b" "31m Tbilisi", "\xe2\x80\xae" "gpj.exe",
    "Two\nlines\tand a tab \x7f", "\xe2\x81\xa7" "isolated\xe2\x81\xa9 Tbilisi",
  };
  g_autoptr(JsonNode) root = NULL;

  seed_hostile (f, evil_name, titles, G_N_ELEMENTS (titles));
  g_assert_cmpint (run (f, "articles", "list", NULL), ==, 0);
  assert_terminal_safe (f->out);
  /* Each article one line of four fields; its text is still there. */
  {
    g_auto(GStrv) lines = g_strsplit (f->out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (titles) + 1);
  }
  g_assert_nonnull (strstr (f->out, "\tgpj.exe\n"));
  g_assert_nonnull (strstr (f->out, "Two lines and a tab \xef\xbf\xbd\n"));
  g_assert_nonnull (strstr (f->out, "\tEvil \xef\xbf\xbd]0;pwned\xef\xbf\xbdNews\t"));
  g_assert_cmpint (run (f, "search", "tbilisi", NULL), ==, 0);
  assert_terminal_safe (f->out);
  g_assert_nonnull (strstr (f->out, "isolated Tbilisi"));
  g_assert_cmpint (run (f, "outlets", "list", NULL), ==, 0);
  assert_terminal_safe (f->out);
  g_assert_nonnull (strstr (f->out, "\xef\xbf\xbd[5mgroup"));

  /* JSON as before: the text as it is, its controls escaped. */
  g_assert_cmpint (run (f, "articles", "list", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\"\\u001b[2J\\u001b[31mRed alert\""));
  root = clip_test_parse_json (f->out);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      JsonObject *a = json_array_get_object_element (json_node_get_array (root), i);

      g_assert_cmpstr (json_object_get_string_member (a, "title"), ==,
                       titles[G_N_ELEMENTS (titles) - 1 - i]);
      g_assert_cmpstr (json_object_get_string_member (a, "outlet"), ==, evil_name);
    }
}

static void
test_bad_data_dir (Fixture *f, gconstpointer data)
{
  g_autofree char *file = g_build_filename (f->dir, "plain-file", NULL);

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_free (f->dir);
  f->dir = g_build_filename (file, "sub", NULL);
  g_assert_cmpint (run (f, "outlets", "list", NULL), ==, 1);
  assert_one_line_error (f, "Could not create the data folder");
}

int
main (int argc, char **argv)
{
  /* Dates in the text output are local and in the locale's words. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/cli/outlets", test_outlets);
  ADD ("/cli/outlets-errors", test_outlets_errors);
  ADD ("/cli/help", test_help);
  ADD ("/cli/articles-search", test_articles_and_search);
  ADD ("/cli/time-order", test_time_order);
  ADD ("/cli/opml", test_opml);
  ADD ("/cli/terminal-escapes", test_terminal_escapes);
  ADD ("/cli/bad-data-dir", test_bad_data_dir);
  return g_test_run ();
}
