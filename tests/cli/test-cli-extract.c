/* test-cli-extract.c — clippings-cli extract: its JSON's exact shape, the
 * text summary, usage errors, and pages over HTTP (a loopback server in a
 * thread of its own) with a meta-refresh loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-test-server.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

static const char * const keys[] = {
  "url", "canonical_url", "title", "authors", "published", "published_source", "modified",
  "language", "site_name", "image", "text", "html", "date_candidates", "problems",
};

static JsonNode *
run_json (const char * const *argv)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = clip_test_run_cli (argv, &out, &err);
  JsonNode *node;

  if (status != 0)
    g_error ("clippings-cli exited %d: %s", status, err);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  return node;
}

static void
assert_shape (JsonObject *o)
{
  g_autoptr(GList) members = json_object_get_members (o);
  JsonArray *dates = json_object_get_array_member (o, "date_candidates");
  JsonArray *problems = json_object_get_array_member (o, "problems");

  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (o, keys[i]));
  g_assert_nonnull (json_object_get_array_member (o, "authors"));
  for (guint i = 0; i < json_array_get_length (dates); i++)
    {
      JsonObject *d = json_array_get_object_element (dates, i);

      g_assert_true (json_object_has_member (d, "date"));
      g_assert_true (json_object_has_member (d, "source"));
    }
  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonObject *p = json_array_get_object_element (problems, i);

      g_assert_nonnull (json_object_get_string_member (p, "kind"));
      g_assert_nonnull (json_object_get_string_member (p, "message"));
    }
}

static void
test_file_json (void)
{
  g_autofree char *path = clip_test_data_path ("page/jsonld-news.html");
  const char *argv[] = { "extract", path, "--json", NULL };
  g_autoptr(JsonNode) root = run_json (argv);
  JsonObject *o = json_node_get_object (root), *d;

  assert_shape (o);
  g_assert_true (json_object_get_null_member (o, "url"));
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==,
                   "Ministers agree on a new Black Sea grid link");
  g_assert_cmpstr (json_object_get_string_member (o, "published"), ==, "2023-03-14T05:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (o, "published_source"), ==, "json-ld");
  g_assert_cmpstr (json_object_get_string_member (o, "modified"), ==, "2023-03-14T08:05:00Z");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (o, "authors"), 1), ==,
                   "Tom Hale");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (o, "text"), "Energy ministers"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (o, "html"), "<p>Energy ministers"));
  d = json_array_get_object_element (json_object_get_array_member (o, "date_candidates"), 0);
  g_assert_cmpstr (json_object_get_string_member (d, "date"), ==, "2023-03-14T05:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (d, "source"), ==, "json-ld");
}

/* --url: the file's address resolves its links and dates it. */
static void
test_file_url (void)
{
  g_autofree char *path = clip_test_data_path ("page/rustavi-seed.html");
  const char *argv[] = { "extract", "--json", "--url", "https://rustavi2.ge/en/news/248101", path, NULL };
  g_autoptr(JsonNode) root = run_json (argv);
  JsonObject *o = json_node_get_object (root);

  assert_shape (o);
  g_assert_cmpstr (json_object_get_string_member (o, "url"), ==, "https://rustavi2.ge/en/news/248101");
  g_assert_cmpstr (json_object_get_string_member (o, "image"), ==, "https://rustavi2.ge/img/news/248101.jpg");
  g_assert_cmpstr (json_object_get_string_member (o, "published_source"), ==, "text");
  g_assert_null (strstr (json_object_get_string_member (o, "text"), "MORE HEADLINES"));
}

static void
test_text_and_usage (void)
{
  g_autofree char *path = clip_test_data_path ("page/opengraph.html");
  const char *argv[] = { "extract", path, NULL };
  const char *none[] = { "extract", NULL };
  const char *missing[] = { "extract", "/nonexistent/page.html", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (clip_test_run_cli (argv, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Title: Vineyards count the cost of the hail\n"));
  g_assert_nonnull (strstr (out, "Published: 2022-07-08T16:45:00Z (meta)\n"));
  g_assert_nonnull (strstr (out, "A hailstorm that swept"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (clip_test_run_cli (none, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (clip_test_run_cli (missing, &out, &err), ==, 2);
}

typedef struct {
  GMainContext   *context;
  GMainLoop      *loop;
  ClipTestServer *server;
  GMutex          lock;
  GCond           ready;
  gboolean        started;
} ServerThread;

static const char *refresh_a =
  "<html><head><meta http-equiv=\"refresh\" content=\"0; url=/b\"></head><body>A</body></html>";
static const char *refresh_b =
  "<html><head><meta http-equiv=\"Refresh\" content=\"1;URL='/a'\"></head><body>B</body></html>";

static gpointer
server_main (gpointer data)
{
  ServerThread *s = data;
  g_autoptr(GBytes) page = NULL;
  g_autofree char *path = clip_test_data_path ("page/jsonld-news.html");
  char *body = NULL;
  gsize len = 0;

  g_main_context_push_thread_default (s->context);
  s->server = clip_test_server_new ("127.0.0.1", NULL);
  g_file_get_contents (path, &body, &len, NULL);
  clip_test_server_add_body (s->server, "/news", "text/html; charset=utf-8", body, len, NULL, NULL);
  clip_test_server_add_body (s->server, "/moved", "text/html",
                             "<meta http-equiv=refresh content=\"0;url=/news\">", -1, NULL, NULL);
  clip_test_server_add_body (s->server, "/a", "text/html", refresh_a, -1, NULL, NULL);
  clip_test_server_add_body (s->server, "/b", "text/html", refresh_b, -1, NULL, NULL);
  g_free (body);
  g_mutex_lock (&s->lock);
  s->started = TRUE;
  g_cond_signal (&s->ready);
  g_mutex_unlock (&s->lock);
  g_main_loop_run (s->loop);
  clip_test_server_free (s->server);
  g_main_context_pop_thread_default (s->context);
  return NULL;
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
test_http (void)
{
  ServerThread s = { 0 };
  GThread *thread;
  g_autofree char *news = NULL, *moved = NULL, *loop_url = NULL;

  s.context = g_main_context_new ();
  s.loop = g_main_loop_new (s.context, FALSE);
  g_mutex_init (&s.lock);
  g_cond_init (&s.ready);
  thread = g_thread_new ("extract-http", server_main, &s);
  g_mutex_lock (&s.lock);
  while (!s.started)
    g_cond_wait (&s.ready, &s.lock);
  g_mutex_unlock (&s.lock);
  news = clip_test_server_url (s.server, "/news");
  moved = clip_test_server_url (s.server, "/moved");
  loop_url = clip_test_server_url (s.server, "/a");
  {
    const char *argv[] = { "extract", "--json", news, NULL };
    g_autoptr(JsonNode) root = run_json (argv);
    JsonObject *o = json_node_get_object (root);

    assert_shape (o);
    g_assert_cmpstr (json_object_get_string_member (o, "url"), ==, news);
    g_assert_cmpstr (json_object_get_string_member (o, "published_source"), ==, "json-ld");
  }
  {
    /* a refresh to the article: followed */
    const char *argv[] = { "extract", "--json", moved, NULL };
    g_autoptr(JsonNode) root = run_json (argv);
    JsonObject *o = json_node_get_object (root);

    g_assert_cmpstr (json_object_get_string_member (o, "url"), ==, news);
    g_assert_true (g_str_has_prefix (json_object_get_string_member (o, "text"), "Energy ministers"));
  }
  {
    /* /a → /b → /a: stopped, with a problem, after two fetches */
    const char *argv[] = { "extract", "--json", loop_url, NULL };
    g_autoptr(JsonNode) root = run_json (argv);
    JsonArray *problems = json_object_get_array_member (json_node_get_object (root), "problems");
    gboolean loop_reported = FALSE;

    for (guint i = 0; i < json_array_get_length (problems); i++)
      loop_reported |= strstr (json_object_get_string_member (json_array_get_object_element (problems, i),
                                                               "message"), "loop") != NULL;
    g_assert_true (loop_reported);
    g_assert_cmpuint (clip_test_server_hits (s.server, "/a"), ==, 1);
    g_assert_cmpuint (clip_test_server_hits (s.server, "/b"), ==, 1);
  }
  g_main_context_invoke (s.context, quit_cb, s.loop);
  g_thread_join (thread);
  g_main_loop_unref (s.loop);
  g_main_context_unref (s.context);
  g_mutex_clear (&s.lock);
  g_cond_clear (&s.ready);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/extract/file-json", test_file_json);
  g_test_add_func ("/cli/extract/file-url", test_file_url);
  g_test_add_func ("/cli/extract/text-and-usage", test_text_and_usage);
  g_test_add_func ("/cli/extract/http", test_http);
  return g_test_run ();
}
