/* test-feed-cli.c — clippings-cli parse, on files and over HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

static JsonObject *
run_json (const char * const *argv, JsonNode **keep)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = clip_test_run_cli (argv, &out, &err);

  if (status != 0)
    g_error ("clippings-cli exited %d: %s", status, err);
  *keep = json_from_string (out, &error);
  g_assert_no_error (error);
  return json_node_get_object (*keep);
}

static void
test_parse_file_json (void)
{
  g_autofree char *path = clip_test_data_path ("feeds/rss20.xml");
  const char *argv[] = { "parse", "--json", path, NULL };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o = run_json (argv, &root);
  JsonObject *feed, *item, *enclosure;
  JsonArray *items;

  g_assert_cmpstr (json_object_get_string_member (o, "format"), ==, "rss20");
  g_assert_cmpstr (json_object_get_string_member (o, "encoding"), ==, "utf-8");
  feed = json_object_get_object_member (o, "feed");
  g_assert_cmpstr (json_object_get_string_member (feed, "title"), ==, "Civil News");
  g_assert_cmpstr (json_object_get_string_member (feed, "link"), ==, "http://news.example.ge/");
  g_assert_cmpstr (json_object_get_string_member (feed, "subtitle"), ==, "News & analysis");
  g_assert_cmpstr (json_object_get_string_member (feed, "language"), ==, "ka");
  g_assert_cmpstr (json_object_get_string_member (feed, "updated"), ==, "2019-10-18T11:00:00Z");
  items = json_object_get_array_member (o, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  item = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, "vote-2019-10-18");
  g_assert_cmpstr (json_object_get_string_member (item, "published"), ==, "2019-10-18T14:45:00Z");
  g_assert_true (json_object_get_null_member (item, "updated"));
  g_assert_cmpstr (json_object_get_string_member (item, "summary_text"), ==, "The vote was close.");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "authors")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "categories")), ==, 2);
  enclosure = json_array_get_object_element (json_object_get_array_member (item, "enclosures"), 0);
  g_assert_cmpstr (json_object_get_string_member (enclosure, "type"), ==, "image/jpeg");
  g_assert_cmpint (json_object_get_int_member (enclosure, "length"), ==, 2048);
  g_assert_true (json_object_has_member (item, "language"));
  g_assert_true (json_object_get_null_member (json_array_get_object_element (items, 2), "published"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "problems")), ==, 0);
}

static void
test_parse_problems_json (void)
{
  g_autofree char *path = clip_test_data_path ("feeds/broken.xml");
  const char *argv[] = { "parse", "--json", path, NULL };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o = run_json (argv, &root);
  JsonArray *problems = json_object_get_array_member (o, "problems");
  JsonObject *first;

  g_assert_cmpuint (json_array_get_length (problems), >, 0);
  first = json_array_get_object_element (problems, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "not-well-formed");
  g_assert_cmpint (json_object_get_int_member (first, "line"), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "items")), >=, 2);
}

static gboolean
has_problem (JsonObject *o, const char *kind)
{
  JsonArray *problems = json_object_get_array_member (o, "problems");

  for (guint i = 0; i < json_array_get_length (problems); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (problems, i),
                                                    "kind"), kind))
      return TRUE;
  return FALSE;
}

static void
test_parse_content_type (void)
{
  g_autofree char *path = clip_test_data_path ("feeds/undeclared-1251.xml");
  g_autofree char *koi8 = clip_test_data_path ("feeds/koi8-r.xml");
  const char *argv[] = { "parse", "--json", "--content-type", "text/xml; charset=windows-1251", path, NULL };
  const char *lie[] = { "parse", "--json", "--content-type", "text/xml; charset=windows-1251", koi8, NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) lie_root = NULL;
  JsonObject *o = run_json (argv, &root);
  JsonObject *l = run_json (lie, &lie_root);

  /* the charset given is used: nothing to guess */
  g_assert_cmpstr (json_object_get_string_member (o, "encoding"), ==, "windows-1251");
  g_assert_false (has_problem (o, "encoding"));
  /* KOI8-R bytes the label contradicts: read as they are, and said so */
  g_assert_cmpstr (json_object_get_string_member (l, "encoding"), ==, "koi8-r");
  g_assert_true (has_problem (l, "encoding"));
}

static void
test_parse_text_output (void)
{
  g_autofree char *path = clip_test_data_path ("feeds/atom10.xml");
  const char *argv[] = { "parse", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (clip_test_run_cli (argv, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "atom10"));
  g_assert_nonnull (strstr (out, "An XHTML title"));
  g_assert_nonnull (strstr (out, "http://atom.example/blog/posts/first"));
}

static void
test_parse_errors (void)
{
  g_autofree char *html = clip_test_data_path ("feeds/discover.html");
  const char *missing[] = { "parse", "/nonexistent/feed.xml", NULL };
  const char *page[] = { "parse", html, NULL };
  const char *none[] = { "parse", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (clip_test_run_cli (missing, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "parse"));
  g_assert_cmpint (clip_test_run_cli (page, &out2, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "web page"));
  g_assert_null (strchr (strchr (err2, '\n') + 1, '\n'));   /* one line */
  g_assert_cmpint (clip_test_run_cli (none, &out3, &err3), ==, 2);
}

/* A real HTTP server on 127.0.0.1, in its own thread, since the test waits
 * for the CLI synchronously. */
typedef struct {
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  guint         port;
  GMutex        lock;
  GCond         ready;
  GThread      *thread;
} Server;

static void
serve (SoupServer *server, SoupServerMessage *msg, const char *path,
       GHashTable *query, gpointer data)
{
  g_autofree char *file = NULL;
  char *contents = NULL;
  gsize len = 0;

  if (strcmp (path, "/feed") == 0)
    {
      file = clip_test_data_path ("feeds/windows-1251.xml");
      g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/rss+xml; charset=windows-1251",
                                        SOUP_MEMORY_TAKE, contents, len);
    }
  else if (strcmp (path, "/relative") == 0)
    {
      const char *atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>R</title>"
                         "<entry><title>E</title><link href=\"/posts/1\"/></entry></feed>";

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/atom+xml", SOUP_MEMORY_STATIC,
                                        atom, strlen (atom));
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static gpointer
server_thread (gpointer data)
{
  Server *s = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (s->context);
  s->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (s->server, NULL, serve, NULL, NULL);
  soup_server_listen_local (s->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (s->server);
  g_mutex_lock (&s->lock);
  s->port = g_uri_get_port (uris->data);
  g_cond_signal (&s->ready);
  g_mutex_unlock (&s->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_main_loop_run (s->loop);
  g_object_unref (s->server);
  g_main_context_pop_thread_default (s->context);
  return NULL;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_parse_url (void)
{
  Server s = { 0 };
  g_autofree char *url = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) root2 = NULL;
  g_autofree char *out = NULL, *err = NULL;
  JsonObject *o, *item;

  s.context = g_main_context_new ();
  s.loop = g_main_loop_new (s.context, FALSE);
  g_mutex_init (&s.lock);
  g_cond_init (&s.ready);
  g_mutex_lock (&s.lock);
  s.thread = g_thread_new ("test-http", server_thread, &s);
  while (s.port == 0)
    g_cond_wait (&s.ready, &s.lock);
  g_mutex_unlock (&s.lock);

  url = g_strdup_printf ("http://127.0.0.1:%u/feed", s.port);
  {
    const char *argv[] = { "parse", "--json", url, NULL };

    o = run_json (argv, &root);
    /* charset from the server's Content-Type header */
    g_assert_cmpstr (json_object_get_string_member (o, "encoding"), ==, "windows-1251");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "feed"), "title"),
                     ==, "Новости Грузии");
  }
  relative = g_strdup_printf ("http://127.0.0.1:%u/relative", s.port);
  {
    const char *argv[] = { "parse", "--json", relative, NULL };

    o = run_json (argv, &root2);
    g_autofree char *want = g_strdup_printf ("http://127.0.0.1:%u/posts/1", s.port);

    item = json_array_get_object_element (json_object_get_array_member (o, "items"), 0);
    /* relative links resolve against the document's URL */
    g_assert_cmpstr (json_object_get_string_member (item, "link"), ==, want);
  }
  missing = g_strdup_printf ("http://127.0.0.1:%u/nothing", s.port);
  {
    const char *argv[] = { "parse", missing, NULL };

    g_assert_cmpint (clip_test_run_cli (argv, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "404"));
  }

  g_main_context_invoke (s.context, quit_loop, s.loop);
  g_thread_join (s.thread);
  g_main_loop_unref (s.loop);
  g_main_context_unref (s.context);
  g_mutex_clear (&s.lock);
  g_cond_clear (&s.ready);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/feed-cli/parse-file-json", test_parse_file_json);
  g_test_add_func ("/feed-cli/parse-problems-json", test_parse_problems_json);
  g_test_add_func ("/feed-cli/parse-content-type", test_parse_content_type);
  g_test_add_func ("/feed-cli/parse-text-output", test_parse_text_output);
  g_test_add_func ("/feed-cli/parse-errors", test_parse_errors);
  g_test_add_func ("/feed-cli/parse-url", test_parse_url);
  return g_test_run ();
}
