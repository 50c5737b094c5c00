/* test-cli-fetch.c — clippings-cli fetch and watch against a loopback server
 *
 * The CLI runs as a child process while this process serves the feeds, so
 * every wait iterates the main loop instead of blocking it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-store.h"
#include "clip-test-server.h"
#include "clip-test-cli.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

typedef struct {
  char           *dir;
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
}

/* Runs clippings-cli --data-dir DIR ARGS… and returns its exit status. */
static int
run_cli (Fixture *f, char **out, ...)
{
  g_autofree char *err = NULL;
  va_list ap;
  int status;

  va_start (ap, out);
  status = clip_test_cli_runv (f->dir, out, &err, ap);
  va_end (ap);
  if (err && *err)
    g_test_message ("stderr: %s", err);
  return status;
}

static char *
rss (const char *prefix, guint n)
{
  GString *s = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title>");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "<item><guid>%s%u</guid><title>Story %u</title>"
                            "<link>https://example.org/%s/%u</link></item>", prefix, i, i, prefix, i);
  g_string_append (s, "</channel></rss>");
  return g_string_free (s, FALSE);
}

static void
add_outlet (Fixture *f, const char *path)
{
  g_autofree char *url = clip_test_server_url (f->server, path);
  g_autofree char *out = NULL;

  g_assert_cmpint (run_cli (f, &out, "outlets", "add", url, NULL), ==, 0);
}

static JsonArray *
parse_array (const char *text, JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_array (json_parser_get_root (parser));
}

static void
test_fetch (Fixture *f, gconstpointer data)
{
  g_autofree char *feed = rss ("a", 3);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *one = NULL;
  g_autofree char *list = NULL;
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p3 = json_parser_new ();
  JsonArray *arr;
  JsonObject *good, *bad, *health;

  clip_test_server_add_body (f->server, "/feed", "application/rss+xml", feed, -1, "\"e1\"", NULL);
  clip_test_server_add_status (f->server, "/gone", 410, NULL, NULL);
  add_outlet (f, "/feed");
  add_outlet (f, "/gone");

  /* Any outlet failing makes the exit status 1; the others are stored. */
  g_assert_cmpint (run_cli (f, &first, "fetch", "--json", NULL), ==, 1);
  arr = parse_array (first, p1);
  g_assert_cmpuint (json_array_get_length (arr), ==, 2);
  good = json_array_get_object_element (arr, 0);
  bad = json_array_get_object_element (arr, 1);
  g_assert_cmpint (json_object_get_int_member (good, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (good, "status"), ==, "ok");
  g_assert_cmpint (json_object_get_int_member (good, "new"), ==, 3);
  g_assert_true (json_object_get_null_member (good, "error"));
  g_assert_cmpstr (json_object_get_string_member (bad, "status"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (bad, "error"), ==, "HTTP 410 (Gone): the feed was removed");
  g_assert_cmpint (json_object_get_int_member (bad, "failures"), ==, 1);

  /* Only the good one, a second time: a 304, exit 0, text output. */
  g_assert_cmpint (run_cli (f, &one, "fetch", "--outlet", "1", NULL), ==, 0);
  /* Named from the feed's title when added (one request each more);
   * the gone one after its address. */
  g_assert_true (g_str_has_prefix (one, "1\tFeed\tnot-modified\tnew 0, updated 0, unchanged 0\n"));
  g_assert_cmpuint (clip_test_server_hits (f->server, "/feed"), ==, 3);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/gone"), ==, 2);

  g_assert_cmpint (run_cli (f, &second, "fetch", NULL), ==, 1);
  g_assert_nonnull (strstr (second, "2\t127.0.0.1\terror\tnew 0, updated 0, unchanged 0\t"
                                    "HTTP 410 (Gone): the feed was removed\n"));

  /* The health the outlet list shows. */
  g_assert_cmpint (run_cli (f, &list, "outlets", "list", "--json", NULL), ==, 0);
  arr = parse_array (list, p3);
  /* By name: "127.0.0.1" (the gone one) before "Feed". */
  health = json_object_get_object_member (json_array_get_object_element (arr, 0), "health");
  g_assert_cmpstr (json_object_get_string_member (health, "status"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (health, "last_error"), ==,
                   "HTTP 410 (Gone): the feed was removed");
  g_assert_cmpint (json_object_get_int_member (health, "failures"), ==, 2);
  g_assert_false (json_object_get_null_member (health, "next_attempt"));
  g_assert_true (json_object_get_null_member (health, "last_success"));
  health = json_object_get_object_member (json_array_get_object_element (arr, 1), "health");
  g_assert_cmpstr (json_object_get_string_member (health, "status"), ==, "ok");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (arr, 1), "articles"), ==, 3);
}

static void
test_fetch_usage (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (run_cli (f, NULL, "fetch", "--outlet", "9", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, NULL, "fetch", "--outlet", "nine", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, NULL, "fetch", "extra", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, NULL, "watch", "extra", NULL), ==, 2);
}

typedef struct {
  GString *out;
  gboolean eof;
  gboolean exited;
} Watch;

static void read_line (GDataInputStream *in, Watch *w);

static void
line_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Watch *w = data;
  gsize len;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source),
                                                                     result, &len, NULL);

  if (line == NULL)
    {
      w->eof = TRUE;
      return;
    }
  g_string_append_printf (w->out, "%s\n", line);
  read_line (G_DATA_INPUT_STREAM (source), w);
}

static void
read_line (GDataInputStream *in, Watch *w)
{
  g_data_input_stream_read_line_async (in, G_PRIORITY_DEFAULT, NULL, line_cb, w);
}

static void
exited_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Watch *w = data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  w->exited = TRUE;
}

static void
test_watch (Fixture *f, gconstpointer data)
{
  g_autofree char *feed = rss ("w", 4);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = NULL;
  ClipArticleFilter filter = { 0 };
  Watch w = { g_string_new (NULL), FALSE, FALSE };
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  clip_test_server_add_body (f->server, "/feed", "application/rss+xml", feed, -1, NULL, NULL);
  add_outlet (f, "/feed");
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, clip_test_cli_path (),
                           "--data-dir", f->dir, "watch", "--json", NULL);
  g_assert_no_error (error);
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  read_line (in, &w);
  /* A new outlet is due at once. */
  while (strstr (w.out->str, "\"status\":\"ok\"") == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_assert_false (w.eof);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (strstr (w.out->str, "\"new\":4"));
  g_subprocess_send_signal (proc, SIGTERM);
  g_subprocess_wait_async (proc, NULL, exited_cb, &w);
  while (!w.exited || !w.eof)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (clip_store_count_articles (store, &filter, NULL), ==, 4);
  g_string_free (w.out, TRUE);
}

/* Nothing a terminal would act on: C0 controls but tab and line feed,
 * DEL, C1 controls, bidi embeddings, overrides and isolates. */
static void
assert_terminal_safe (const char *out)
{
  g_assert_true (g_utf8_validate (out, -1, NULL));
  for (const char *p = out; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (c == '\n' || c == '\t' || c >= 0x20);
      g_assert_false (c >= 0x7f && c <= 0x9f);
      g_assert_false ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
    }
}

/* An outlet named, and a JSON Feed (whose strings may hold any control)
 * titled, to set the terminal's window title and clear it: the fetch
 * report and parse show them as text. */
static void
test_terminal_escapes (Fixture *f, gconstpointer data)
{
  const char *feed =
    "{\"version\": \"https://jsonfeed.org/version/1.1\", "
    "\"title\": \"\\u001b]0;pwned\\u0007Evil \\u009b2J feed\", "
    "\"items\": [{\"id\": \"1\", \"url\": \"https://evil.example/1\", "
    "\"title\": \"\\u001b[2J\\u001b[31mWiped \\u202egpj.exe\", "
    "\"content_text\": \"Text\"}]}";
  g_autofree char *report = NULL;
  g_autofree char *parsed = NULL;
  g_autofree char *url = clip_test_server_url (f->server, "/evil");

  clip_test_server_add_body (f->server, "/evil", "application/feed+json", feed, -1, NULL, NULL);
  /* A name as hostile as the feed's (OPML brings names from anywhere). */
  g_assert_cmpint (run_cli (f, NULL, "outlets", "add", url, "--name",
                            "\x1b]0;pwned\x07" "Evil \xc2\x9b" "2J feed", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, &report, "fetch", NULL), ==, 0);
  assert_terminal_safe (report);
  g_assert_nonnull (strstr (report, "1\t\xef\xbf\xbd]0;pwned\xef\xbf\xbd" "Evil \xef\xbf\xbd" "2J feed\tok\t"));
  g_assert_cmpint (run_cli (f, &parsed, "parse", url, NULL), ==, 0);
  assert_terminal_safe (parsed);
  g_assert_nonnull (strstr (parsed, "[2J\xef\xbf\xbd[31mWiped gpj.exe\n"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-fetch/fetch", Fixture, NULL, setup, test_fetch, teardown);
  g_test_add ("/cli-fetch/usage", Fixture, NULL, setup, test_fetch_usage, teardown);
  g_test_add ("/cli-fetch/watch", Fixture, NULL, setup, test_watch, teardown);
  g_test_add ("/cli-fetch/terminal-escapes", Fixture, NULL, setup, test_terminal_escapes, teardown);
  return g_test_run ();
}
