/* test-service.c — the fetch service end to end against loopback servers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-rules-store.h"
#include "clip-service.h"
#include "clip-store.h"
#include "clip-store-private.h"
#include "clip-test-server.h"
#include "clip-test-util.h"

#include <string.h>

/* A GNetworkMonitor the test switches on and off. */
typedef struct {
  GObject  parent_instance;
  gboolean available;
} FakeMonitor;
typedef GObjectClass FakeMonitorClass;

static void fake_monitor_iface_init (GNetworkMonitorInterface *iface) { }
static gboolean fake_init (GInitable *i, GCancellable *c, GError **e) { return TRUE; }
static void fake_initable_iface_init (GInitableIface *iface) { iface->init = fake_init; }

G_DEFINE_TYPE_WITH_CODE (FakeMonitor, fake_monitor, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, fake_initable_iface_init)
                         G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, fake_monitor_iface_init))

enum { FAKE_PROP_AVAILABLE = 1, FAKE_PROP_METERED, FAKE_PROP_CONNECTIVITY };

static void
fake_monitor_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  FakeMonitor *self = (FakeMonitor *) object;

  if (id == FAKE_PROP_AVAILABLE)
    g_value_set_boolean (value, self->available);
  else if (id == FAKE_PROP_METERED)
    g_value_set_boolean (value, FALSE);
  else
    g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
}

static void
fake_monitor_class_init (FakeMonitorClass *klass)
{
  klass->get_property = fake_monitor_get_property;
  g_object_class_override_property (klass, FAKE_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (klass, FAKE_PROP_METERED, "network-metered");
  g_object_class_override_property (klass, FAKE_PROP_CONNECTIVITY, "connectivity");
}

static void fake_monitor_init (FakeMonitor *self) { }

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeMonitor, g_object_unref)

static void
fake_monitor_set (FakeMonitor *self, gboolean available)
{
  self->available = available;
  g_signal_emit_by_name (self, "network-changed", available);
}

/* Fixture */

typedef struct {
  char           *dir;
  ClipStore      *store;     /* the test's own connection */
  ClipTestServer *server;
  ClipService    *service;
  GPtrArray      *results;
  guint           last_done, last_total;
  guint           updates;
} Fixture;

static void
on_finished (ClipService *s, GPtrArray *results, Fixture *f)
{
  g_clear_pointer (&f->results, g_ptr_array_unref);
  f->results = g_ptr_array_ref (results);
}

static void
on_progress (ClipService *s, guint done, guint total, Fixture *f)
{
  g_assert_cmpuint (done, <=, total);
  f->last_done = done;
  f->last_total = total;
}

static void
on_updated (ClipService *s, const ClipFetchOutcome *o, Fixture *f)
{
  f->updates++;
}

static void
start_service (Fixture *f, GNetworkMonitor *monitor, gboolean scheduled)
{
  g_autoptr(GError) error = NULL;

  f->service = clip_service_new (f->dir);
  if (monitor)
    clip_service_set_network_monitor (f->service, monitor);
  clip_service_set_scheduled (f->service, scheduled);
  g_signal_connect (f->service, "refresh-finished", G_CALLBACK (on_finished), f);
  g_signal_connect (f->service, "progress", G_CALLBACK (on_progress), f);
  g_signal_connect (f->service, "outlet-updated", G_CALLBACK (on_updated), f);
  g_assert_true (clip_service_start (f->service, &error));
  g_assert_no_error (error);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = clip_test_tmpdir ();
  f->store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->server = clip_test_server_new ("127.0.0.1", NULL);
  if (data == NULL)
    start_service (f, NULL, FALSE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->service)
    {
      clip_service_stop (f->service);
      g_clear_object (&f->service);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&f->results, g_ptr_array_unref);
  g_clear_pointer (&f->server, clip_test_server_free);
  g_clear_object (&f->store);
  g_free (f->dir);
}

static void
wait_until (gboolean (*cond) (Fixture *f), Fixture *f, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!cond (f))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean have_results (Fixture *f) { return f->results != NULL; }

static GPtrArray *
refresh (Fixture *f, gint64 id)
{
  g_clear_pointer (&f->results, g_ptr_array_unref);
  if (id)
    clip_service_refresh_outlet (f->service, id);
  else
    clip_service_refresh_all (f->service);
  wait_until (have_results, f, 30000);
  return f->results;
}

static const ClipFetchOutcome *
outcome_for (Fixture *f, gint64 id)
{
  for (guint i = 0; f->results && i < f->results->len; i++)
    {
      const ClipFetchOutcome *o = g_ptr_array_index (f->results, i);

      if (o->outlet_id == id)
        return o;
    }
  g_assert_not_reached ();
}

static char *
make_rss (const char *title, guint n, const char *prefix)
{
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>");

  g_string_append_printf (s, "<title>%s</title><link>https://example.org/</link>", title);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "<item><guid>%s-%u</guid><title>%s story %u</title>"
                            "<link>https://example.org/%s/%u</link>"
                            "<description>Text of story %u.</description></item>",
                            prefix, i, title, i, prefix, i, i);
  g_string_append (s, "</channel></rss>");
  return g_string_free (s, FALSE);
}

static gint64
add_outlet (Fixture *f, ClipTestServer *server, const char *path)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  o->url = clip_test_server_url (server ? server : f->server, path);
  id = clip_store_add_outlet (f->store, o, &error);
  g_assert_no_error (error);
  return id;
}

static ClipOutlet *
get_outlet (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  ClipOutlet *o = clip_store_get_outlet (f->store, id, &error);

  g_assert_no_error (error);
  return o;
}

static gint64
count_articles (Fixture *f, gint64 outlet_id)
{
  ClipArticleFilter filter = { 0 };

  filter.outlet_id = outlet_id;
  return clip_store_count_articles (f->store, &filter, NULL);
}

static void
serve_rss (Fixture *f, const char *path, const char *title, guint n, const char *etag)
{
  g_autofree char *xml = make_rss (title, n, path + 1);

  clip_test_server_add_body (f->server, path, "application/rss+xml", xml, -1, etag, NULL);
}

/* Good, malformed, HTML and missing feeds in one run: the good ones are
 * all stored and every bad one has an error a person can act on. */
static void
test_mixed (Fixture *f, gconstpointer data)
{
  gint64 good = add_outlet (f, NULL, "/good");
  gint64 good2 = add_outlet (f, NULL, "/good2");
  gint64 broken = add_outlet (f, NULL, "/broken");
  gint64 html = add_outlet (f, NULL, "/page");
  gint64 missing = add_outlet (f, NULL, "/missing");
  g_autoptr(ClipOutlet) og = NULL;
  g_autoptr(ClipOutlet) ob = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  serve_rss (f, "/good", "Good", 5, "\"g1\"");
  serve_rss (f, "/good2", "Also good", 3, NULL);
  clip_test_server_add_body (f->server, "/broken", "application/rss+xml",
                             "\x89PNG\r\n\x1a\n\x01\x02 this is no feed", -1, NULL, NULL);
  clip_test_server_add_body (f->server, "/page", "text/html; charset=utf-8",
                             "<!DOCTYPE html><html><head><title>Home</title></head>"
                             "<body><p>Welcome</p></body></html>", -1, NULL, NULL);
  clip_test_server_add_status (f->server, "/missing", 404, NULL, NULL);

  refresh (f, 0);
  g_assert_cmpuint (f->results->len, ==, 5);
  g_assert_cmpuint (f->last_done, ==, 5);
  g_assert_cmpuint (f->last_total, ==, 5);
  g_assert_cmpint (outcome_for (f, good)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (outcome_for (f, good)->added, ==, 5);
  g_assert_cmpuint (outcome_for (f, good)->added_ids->len, ==, 5);
  g_assert_cmpuint (outcome_for (f, good2)->added, ==, 3);
  g_assert_cmpint (outcome_for (f, broken)->status, ==, CLIP_FETCH_STATUS_ERROR);
  g_assert_true (g_str_has_prefix (outcome_for (f, broken)->error, "not a feed") ||
                 g_str_has_prefix (outcome_for (f, broken)->error, "unreadable feed"));
  g_assert_cmpstr (outcome_for (f, html)->error, ==,
                   "not a feed (a web page: add the site to find its feed)");
  g_assert_cmpstr (outcome_for (f, missing)->error, ==, "HTTP 404 (Not Found)");
  g_assert_cmpint (count_articles (f, good), ==, 5);
  g_assert_cmpint (count_articles (f, good2), ==, 3);
  g_assert_cmpint (count_articles (f, broken), ==, 0);

  /* Health, as the outlet list shows it. */
  og = get_outlet (f, good);
  g_assert_cmpint (og->last_success, >=, now);
  g_assert_null (og->last_error);
  g_assert_cmpint (og->failures, ==, 0);
  g_assert_cmpstr (og->etag, ==, "\"g1\"");
  g_assert_cmpint (og->next_attempt - og->last_attempt, >=, 810);
  g_assert_cmpint (og->next_attempt - og->last_attempt, <=, 990);
  ob = get_outlet (f, missing);
  g_assert_cmpstr (ob->last_error, ==, "HTTP 404 (Not Found)");
  g_assert_cmpint (ob->failures, ==, 1);
  g_assert_cmpint (ob->last_success, ==, 0);
  g_assert_cmpint (ob->next_attempt, >, now);
}

static void
test_twice (Fixture *f, gconstpointer data)
{
  gint64 tagged = add_outlet (f, NULL, "/tagged");
  gint64 plain = add_outlet (f, NULL, "/plain");

  serve_rss (f, "/tagged", "Tagged", 4, "\"t1\"");
  serve_rss (f, "/plain", "Plain", 4, NULL);
  refresh (f, 0);
  g_assert_cmpuint (outcome_for (f, tagged)->added, ==, 4);
  g_assert_cmpuint (outcome_for (f, plain)->added, ==, 4);
  refresh (f, 0);
  g_assert_cmpint (outcome_for (f, tagged)->status, ==, CLIP_FETCH_STATUS_NOT_MODIFIED);
  g_assert_cmpstr (clip_test_server_last_header (f->server, "/tagged", "If-None-Match"), ==, "\"t1\"");
  g_assert_cmpuint (clip_test_server_hits (f->server, "/tagged"), ==, 2);
  /* No validators: fetched in full, and nothing is stored twice. */
  g_assert_cmpint (outcome_for (f, plain)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (outcome_for (f, plain)->added, ==, 0);
  g_assert_cmpuint (outcome_for (f, plain)->unchanged, ==, 4);
  g_assert_cmpint (count_articles (f, tagged), ==, 4);
  g_assert_cmpint (count_articles (f, plain), ==, 4);
}

static void
test_moved (Fixture *f, gconstpointer data)
{
  gint64 id = add_outlet (f, NULL, "/old");
  g_autofree char *new_url = clip_test_server_url (f->server, "/new");
  g_autofree char *old = clip_test_server_url (f->server, "/old");
  g_autoptr(ClipOutlet) o = NULL;

  serve_rss (f, "/new", "Moved", 2, NULL);
  clip_test_server_add_status (f->server, "/old", 301, "Location", new_url);
  refresh (f, id);
  g_assert_cmpint (outcome_for (f, id)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpstr (outcome_for (f, id)->moved_to, ==, new_url);
  g_assert_cmpstr (outcome_for (f, id)->url, ==, old);
  o = get_outlet (f, id);
  g_assert_cmpstr (o->url, ==, new_url);
  refresh (f, id);
  g_assert_null (outcome_for (f, id)->moved_to);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/old"), ==, 1);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/new"), ==, 2);
  g_assert_cmpint (count_articles (f, id), ==, 2);
}

static void
test_windows_1251 (Fixture *f, gconstpointer data)
{
  const char *utf8 = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Новости</title>"
                     "<item><guid>1</guid><title>Вмешательство в выборы</title>"
                     "<description>Кремль отрицает.</description></item></channel></rss>";
  gsize len;
  g_autofree char *cp1251 = g_convert (utf8, -1, "WINDOWS-1251", "UTF-8", NULL, &len, NULL);
  gint64 id = add_outlet (f, NULL, "/ru");
  ClipArticleFilter filter = { 0 };
  g_autoptr(GPtrArray) list = NULL;
  const ClipArticle *a;

  g_assert_nonnull (cp1251);
  clip_test_server_add_body (f->server, "/ru", "text/xml; charset=windows-1251", cp1251, len, NULL, NULL);
  refresh (f, id);
  g_assert_cmpstr (outcome_for (f, id)->error, ==, NULL);
  filter.outlet_id = id;
  list = clip_store_list_articles (f->store, &filter, CLIP_SORT_NEWEST, 0, 10, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  a = g_ptr_array_index (list, 0);
  g_assert_cmpstr (a->title, ==, "Вмешательство в выборы");
  g_assert_cmpstr (a->summary_text, ==, "Кремль отрицает.");
}

/* 30 slow outlets on 6 hosts: never more than 2 at once on a host nor 8
 * in all, as the servers themselves count. */
static void
test_limits (Fixture *f, gconstpointer data)
{
  ClipTestServer *servers[6];
  guint n = 0;

  clip_test_servers_reset_counts ();
  for (guint h = 0; h < G_N_ELEMENTS (servers); h++)
    {
      g_autofree char *ip = g_strdup_printf ("127.0.0.%u", h + 2);

      servers[h] = clip_test_server_new (ip, NULL);
      for (guint i = 0; i < 5; i++)
        {
          g_autofree char *path = g_strdup_printf ("/feed%u", i);
          g_autofree char *prefix = g_strdup_printf ("%s-%u", ip, i);
          g_autofree char *xml = make_rss (path, 2, prefix);

          clip_test_server_add_body (servers[h], path, "application/rss+xml", xml, -1, NULL, NULL);
          clip_test_server_set_delay (servers[h], path, 150);
          add_outlet (f, servers[h], path);
        }
    }
  refresh (f, 0);
  g_assert_cmpuint (f->results->len, ==, 30);
  for (guint i = 0; i < f->results->len; i++)
    {
      const ClipFetchOutcome *o = g_ptr_array_index (f->results, i);

      g_assert_cmpstr (o->error, ==, NULL);
      n += o->added;
    }
  g_assert_cmpuint (n, ==, 60);
  for (guint h = 0; h < G_N_ELEMENTS (servers); h++)
    {
      g_assert_cmpuint (clip_test_server_max_in_flight (servers[h]), <=, 2);
      g_assert_cmpuint (clip_test_server_max_in_flight (servers[h]), >=, 1);
    }
  g_assert_cmpuint (clip_test_servers_max_in_flight (), ==, 8);
  for (guint h = 0; h < G_N_ELEMENTS (servers); h++)
    clip_test_server_free (servers[h]);
}

static gboolean online_seen;

static void
on_online (ClipService *s, GParamSpec *pspec, gpointer data)
{
  online_seen = clip_service_get_online (s);
}

static void
test_offline (Fixture *f, gconstpointer data)
{
  g_autoptr(FakeMonitor) monitor = g_object_new (fake_monitor_get_type (), NULL);
  gint64 due = add_outlet (f, NULL, "/due");
  gint64 manual = add_outlet (f, NULL, "/manual");
  gint64 end;

  serve_rss (f, "/due", "Due", 1, NULL);
  serve_rss (f, "/manual", "Manual", 1, NULL);
  monitor->available = FALSE;
  start_service (f, G_NETWORK_MONITOR (monitor), TRUE);
  g_signal_connect (f->service, "notify::online", G_CALLBACK (on_online), NULL);
  g_assert_false (clip_service_get_online (f->service));
  /* Offline: the due outlets wait. */
  end = g_get_monotonic_time () + 400 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/due"), ==, 0);
  /* A refresh the analyst asks for still goes. */
  refresh (f, manual);
  g_assert_cmpint (outcome_for (f, manual)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/due"), ==, 0);
  /* Back online: the scheduler resumes by itself. */
  g_clear_pointer (&f->results, g_ptr_array_unref);
  fake_monitor_set (monitor, TRUE);
  wait_until (have_results, f, 10000);
  g_assert_true (online_seen);
  g_assert_cmpint (outcome_for (f, due)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/due"), ==, 1);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/manual"), ==, 1);
}

static void
test_backoff (Fixture *f, gconstpointer data)
{
  gint64 id = add_outlet (f, NULL, "/flaky");
  gint64 limited = add_outlet (f, NULL, "/limited");
  const gint64 floor[] = { 900, 1800, 3600 };

  clip_test_server_add_status (f->server, "/flaky", 500, NULL, NULL);
  clip_test_server_add_status (f->server, "/limited", 429, "Retry-After", "7200");
  for (guint i = 0; i < G_N_ELEMENTS (floor); i++)
    {
      g_autoptr(ClipOutlet) o = NULL;

      refresh (f, id);
      o = get_outlet (f, id);
      g_assert_cmpint (o->failures, ==, i + 1);
      g_assert_cmpstr (o->last_error, ==, "HTTP 500 (Internal Server Error)");
      g_assert_cmpint (o->next_attempt - o->last_attempt, >=, floor[i]);
      g_assert_cmpint (o->next_attempt - o->last_attempt, <=, floor[i] * 11 / 10);
      g_assert_cmpint (outcome_for (f, id)->failures, ==, i + 1);
    }
  /* The first success ends the back-off. */
  serve_rss (f, "/flaky", "Back", 1, NULL);
  refresh (f, id);
  {
    g_autoptr(ClipOutlet) o = get_outlet (f, id);

    g_assert_cmpint (o->failures, ==, 0);
    g_assert_null (o->last_error);
    g_assert_cmpint (o->next_attempt - o->last_attempt, <=, 990);
  }
  refresh (f, limited);
  {
    g_autoptr(ClipOutlet) o = get_outlet (f, limited);

    g_assert_true (g_str_has_prefix (o->last_error, "HTTP 429"));
    g_assert_cmpint (o->next_attempt - o->last_attempt, >=, 7200);
  }
}

static void
discovered_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GPtrArray **out = data;
  g_autoptr(GError) error = NULL;

  *out = clip_service_discover_feeds_finish (CLIP_SERVICE (source), result, &error);
  g_assert_no_error (error);
}

static void
added_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  gint64 *out = data;
  g_autoptr(GError) error = NULL;

  *out = clip_service_add_outlet_finish (CLIP_SERVICE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_discover_and_add (Fixture *f, gconstpointer data)
{
  g_autofree char *site = clip_test_server_url (f->server, "/");
  g_autofree char *feed_url = clip_test_server_url (f->server, "/news.rss");
  g_autofree char *page = g_strdup_printf ("<!DOCTYPE html><html><head><title>Site</title>"
                                           "<link rel=\"alternate\" type=\"application/rss+xml\" "
                                           "title=\"News\" href=\"/news.rss\"></head><body></body></html>");
  GPtrArray *found = NULL;
  const ClipFeedCandidate *c;
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  gint64 id = 0;

  clip_test_server_add_body (f->server, "/", "text/html", page, -1, NULL, NULL);
  serve_rss (f, "/news.rss", "News", 3, NULL);
  clip_service_discover_feeds_async (f->service, site, NULL, discovered_cb, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (found->len, ==, 1);
  c = g_ptr_array_index (found, 0);
  g_assert_cmpstr (c->url, ==, feed_url);
  g_assert_cmpstr (c->title, ==, "News");

  /* Adding fetches it at once. */
  o->url = g_strdup (c->url);
  o->name = g_strdup (c->title);
  clip_service_add_outlet_async (f->service, o, NULL, added_cb, &id);
  while (id == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_until (have_results, f, 10000);
  g_assert_cmpuint (outcome_for (f, id)->added, ==, 3);
  g_assert_cmpint (count_articles (f, id), ==, 3);
  g_ptr_array_unref (found);
}

static void
test_discover_probe (Fixture *f, gconstpointer data)
{
  g_autofree char *site = clip_test_server_url (f->server, "/");
  g_autofree char *atom = clip_test_server_url (f->server, "/atom.xml");
  GPtrArray *found = NULL;

  clip_test_server_add_body (f->server, "/", "text/html",
                             "<!DOCTYPE html><html><head><title>Bare</title></head></html>", -1, NULL, NULL);
  clip_test_server_add_body (f->server, "/feed", "text/html", "<html>not here</html>", -1, NULL, NULL);
  clip_test_server_add_body (f->server, "/atom.xml", "application/atom+xml",
                             "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                             "<title>Bare news</title><id>urn:x</id><updated>2025-01-01T00:00:00Z</updated>"
                             "</feed>", -1, NULL, NULL);
  serve_rss (f, "/feed.json", "Never asked", 1, NULL);
  clip_service_discover_feeds_async (f->service, site, NULL, discovered_cb, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((ClipFeedCandidate *) g_ptr_array_index (found, 0))->url, ==, atom);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/rss"), ==, 0);   /* 404, not a route */
  g_assert_cmpuint (clip_test_server_hits (f->server, "/feed.json"), ==, 0);
  g_ptr_array_unref (found);
}

/* A local feed: read from disk, named after its title, and "not
 * modified" while the file is unchanged. */
static void
test_file_outlet (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "local.xml", NULL);
  g_autofree char *xml = make_rss ("Local bulletin", 2, "local");
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(ClipOutlet) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  o->url = g_filename_to_uri (path, NULL, NULL);
  id = clip_store_add_outlet (f->store, o, &error);
  g_assert_no_error (error);
  refresh (f, id);
  g_assert_cmpint (outcome_for (f, id)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (outcome_for (f, id)->added, ==, 2);
  g_assert_cmpstr (outcome_for (f, id)->name, ==, "Local bulletin");
  after = get_outlet (f, id);
  g_assert_cmpstr (after->name, ==, "Local bulletin");
  g_assert_cmpstr (after->site_url, ==, "https://example.org/");
  refresh (f, id);
  g_assert_cmpint (outcome_for (f, id)->status, ==, CLIP_FETCH_STATUS_NOT_MODIFIED);
}

/* 1,000 outlets on 10 loopback hosts, 2% failing, 2% slow, 1% malformed,
 * in one refresh: every good article stored once, every bad outlet with
 * its error, and the process's memory bounded. */
static void
test_load (Fixture *f, gconstpointer data)
{
  ClipTestServer *servers[10];
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gsize before = clip_test_peak_rss ();
  g_autoptr(GError) error = NULL;
  guint n_good = 0;

  for (guint h = 0; h < G_N_ELEMENTS (servers); h++)
    {
      g_autofree char *ip = g_strdup_printf ("127.0.0.%u", h + 11);

      servers[h] = clip_test_server_new (ip, NULL);
    }
  for (guint i = 0; i < 1000; i++)
    {
      ClipTestServer *server = servers[(i / 10) % G_N_ELEMENTS (servers)];
      g_autofree char *path = g_strdup_printf ("/feed/%u", i);
      g_autofree char *prefix = g_strdup_printf ("o%u", i);
      g_autofree char *xml = make_rss (prefix, 3, prefix);
      gint64 id;

      switch (i % 100)
        {
        case 7: case 57:
          clip_test_server_add_status (server, path, 500, NULL, NULL);
          break;
        case 41:
          clip_test_server_add_body (server, path, "application/rss+xml", "\x01\x02\x03", 3, NULL, NULL);
          break;
        default:
          clip_test_server_add_body (server, path, "application/rss+xml", xml, -1, NULL, NULL);
          if (i % 100 == 23 || i % 100 == 73)
            clip_test_server_set_delay (server, path, 300);
          n_good++;
        }
      id = add_outlet (f, server, path);
      g_array_append_val (ids, id);
    }
  refresh (f, 0);
  g_assert_cmpuint (f->results->len, ==, 1000);
  for (guint i = 0; i < 1000; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      const ClipFetchOutcome *o = outcome_for (f, id);
      gboolean bad = i % 100 == 7 || i % 100 == 57 || i % 100 == 41;

      if (bad)
        {
          g_assert_cmpint (o->status, ==, CLIP_FETCH_STATUS_ERROR);
          g_assert_nonnull (o->error);
          g_assert_cmpint (count_articles (f, id), ==, 0);
        }
      else
        {
          g_assert_cmpstr (o->error, ==, NULL);
          g_assert_cmpint (count_articles (f, id), ==, 3);
        }
    }
  {
    ClipArticleFilter all = { 0 };

    g_assert_cmpint (clip_store_count_articles (f->store, &all, &error), ==, n_good * 3);
  }
#ifndef __SANITIZE_ADDRESS__
  /* (AddressSanitizer keeps freed memory in quarantine: not measured there.) */
  if (before > 0)
    g_assert_cmpuint (clip_test_peak_rss () - before, <, 128 * 1024 * 1024);
#else
  (void) before;
#endif
  for (guint h = 0; h < G_N_ELEMENTS (servers); h++)
    clip_test_server_free (servers[h]);
}

/* Rows of a query about one outlet's articles. */
static gint64
count_for_outlet (Fixture *f, const char *sql, gint64 outlet_id)
{
  sqlite3_stmt *stmt = clip_store_prepare (f->store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, outlet_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

typedef struct {
  Fixture   *f;
  GArray    *kremlin;   /* gint64: outlets whose stories match */
  guint      checked;
} MatchWatch;

/* When the window hears of an outlet's new articles, their matches and
 * alerts are already in the archive: they were in the same commit. */
static void
on_updated_matched (ClipService *s, const ClipFetchOutcome *o, MatchWatch *w)
{
  gboolean kremlin = FALSE;
  gint64 articles, matches, alerts;

  for (guint i = 0; i < w->kremlin->len; i++)
    kremlin |= g_array_index (w->kremlin, gint64, i) == o->outlet_id;
  g_assert_cmpint (o->status, ==, CLIP_FETCH_STATUS_OK);
  articles = count_for_outlet (w->f, "SELECT count(*) FROM articles WHERE outlet_id = ?", o->outlet_id);
  matches = count_for_outlet (w->f, "SELECT count(*) FROM matches m JOIN articles a ON a.id = m.article_id "
                                    "WHERE a.outlet_id = ?", o->outlet_id);
  alerts = count_for_outlet (w->f, "SELECT count(*) FROM alerts l JOIN articles a ON a.id = l.article_id "
                                   "WHERE a.outlet_id = ?", o->outlet_id);
  g_assert_cmpint (articles, ==, 5);
  g_assert_cmpint (matches, ==, kremlin ? 5 : 0);
  g_assert_cmpint (alerts, ==, matches);
  w->checked++;
}

/* A refresh of many outlets at once (their answers share commits): every
 * new article is matched by the commit that stores it. */
static void
test_matched (Fixture *f, gconstpointer data)
{
  ClipTestServer *servers[4];
  g_autoptr(GError) error = NULL;
  ClipRule rule = { .name = "Kremlin", .query = "kremlin", .enabled = TRUE };
  MatchWatch w = { f, g_array_new (FALSE, FALSE, sizeof (gint64)), 0 };

  g_assert_cmpint (clip_store_add_rule (f->store, &rule, &error), >, 0);
  g_assert_no_error (error);
  for (guint h = 0; h < G_N_ELEMENTS (servers); h++)
    {
      g_autofree char *ip = g_strdup_printf ("127.0.0.%u", h + 31);

      servers[h] = clip_test_server_new (ip, NULL);
    }
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed/%u", i);
      g_autofree char *prefix = g_strdup_printf ("o%u", i);
      g_autofree char *xml = make_rss (i % 2 ? "Weather" : "Kremlin", 5, prefix);
      ClipTestServer *server = servers[i % G_N_ELEMENTS (servers)];
      gint64 id;

      clip_test_server_add_body (server, path, "application/rss+xml", xml, -1, NULL, NULL);
      id = add_outlet (f, server, path);
      if (i % 2 == 0)
        g_array_append_val (w.kremlin, id);
    }
  g_signal_connect (f->service, "outlet-updated", G_CALLBACK (on_updated_matched), &w);
  refresh (f, 0);
  g_assert_cmpuint (f->results->len, ==, 40);
  g_assert_cmpuint (w.checked, ==, 40);
  g_signal_handlers_disconnect_by_data (f->service, &w);
  g_array_unref (w.kremlin);
  for (guint h = 0; h < G_N_ELEMENTS (servers); h++)
    clip_test_server_free (servers[h]);
}

static gboolean
slow_hit (Fixture *f)
{
  return clip_test_server_hits (f->server, "/slow") > 0;
}

/* The analyst works (here: marks an article read, through another
 * connection) while a fetch is in flight: the fetch's articles are still
 * stored, not refused as written against an old snapshot. */
static void
test_write_during_fetch (Fixture *f, gconstpointer data)
{
  gint64 first = add_outlet (f, NULL, "/first");
  gint64 slow = add_outlet (f, NULL, "/slow");
  g_autoptr(GPtrArray) list = NULL;
  ClipArticleFilter filter = { 0 };
  g_autoptr(GError) error = NULL;

  serve_rss (f, "/first", "First", 1, NULL);
  serve_rss (f, "/slow", "Slow", 3, NULL);
  clip_test_server_set_delay (f->server, "/slow", 400);
  refresh (f, first);
  filter.outlet_id = first;
  list = clip_store_list_articles (f->store, &filter, CLIP_SORT_NEWEST, 0, 1, &error);
  g_assert_no_error (error);

  g_clear_pointer (&f->results, g_ptr_array_unref);
  clip_service_refresh_outlet (f->service, slow);
  wait_until (slow_hit, f, 5000);
  g_assert_true (clip_store_set_read (f->store, ((ClipArticle *) g_ptr_array_index (list, 0))->id,
                                      TRUE, &error));
  g_assert_no_error (error);
  wait_until (have_results, f, 10000);
  g_assert_cmpstr (outcome_for (f, slow)->error, ==, NULL);
  g_assert_cmpint (count_articles (f, slow), ==, 3);
}

static gboolean
hang_hit (Fixture *f)
{
  return clip_test_server_hits (f->server, "/hang") > 0;
}

static void
test_stop_in_flight (Fixture *f, gconstpointer data)
{
  gint64 id = add_outlet (f, NULL, "/hang");
  g_autoptr(ClipOutlet) o = NULL;
  gint64 start;

  clip_test_server_add_kind (f->server, "/hang", CLIP_TEST_ROUTE_HANG);
  clip_service_refresh_outlet (f->service, id);
  wait_until (hang_hit, f, 5000);
  start = g_get_monotonic_time ();
  clip_service_stop (f->service);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_clear_object (&f->service);
  /* Dropped, not failed: the outlet is as it was. */
  o = get_outlet (f, id);
  g_assert_cmpint (o->failures, ==, 0);
  g_assert_cmpint (o->last_attempt, ==, 0);
  g_assert_null (o->last_error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/service/" name, Fixture, NULL, setup, fn, teardown)
  ADD ("mixed", test_mixed);
  ADD ("twice", test_twice);
  ADD ("moved", test_moved);
  ADD ("windows-1251", test_windows_1251);
  ADD ("limits", test_limits);
  ADD ("backoff", test_backoff);
  ADD ("discover-and-add", test_discover_and_add);
  ADD ("discover-probe", test_discover_probe);
  ADD ("stop-in-flight", test_stop_in_flight);
  ADD ("file-outlet", test_file_outlet);
  ADD ("write-during-fetch", test_write_during_fetch);
  ADD ("load", test_load);
  ADD ("matched", test_matched);
#undef ADD
  g_test_add ("/service/offline", Fixture, "no service", setup, test_offline, teardown);
  return g_test_run ();
}
