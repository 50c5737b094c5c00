/* test-service-schedule.c — when and how much the fetch service fetches,
 * against loopback servers: the politeness limits, back-off, waiting while
 * offline, stopping with a request in flight, and 1,000 outlets at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-test-service.h"

typedef ClipTestServiceFixture Fixture;

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
          g_autofree char *xml = clip_test_service_rss (path, 2, prefix);

          clip_test_server_add_body (servers[h], path, "application/rss+xml", xml, -1, NULL, NULL);
          clip_test_server_set_delay (servers[h], path, 150);
          clip_test_service_add_outlet (f, servers[h], path);
        }
    }
  clip_test_service_refresh (f, 0);
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
  gint64 due = clip_test_service_add_outlet (f, NULL, "/due");
  gint64 manual = clip_test_service_add_outlet (f, NULL, "/manual");

  clip_test_service_serve_rss (f, "/due", "Due", 1, NULL);
  clip_test_service_serve_rss (f, "/manual", "Manual", 1, NULL);
  monitor->available = FALSE;
  clip_test_service_start (f, G_NETWORK_MONITOR (monitor), TRUE);
  g_signal_connect (f->service, "notify::online", G_CALLBACK (on_online), NULL);
  g_assert_false (clip_service_get_online (f->service));
  /* A refresh the analyst asks for still goes. */
  clip_test_service_refresh (f, manual);
  g_assert_cmpint (clip_test_service_outcome (f, manual)->status, ==, CLIP_FETCH_STATUS_OK);
  /* Offline: the due outlets wait. The start's scheduling came before the
   * refresh, and a run ends only once no fetch is running: a due outlet
   * fetched meanwhile would have been asked for by now. */
  g_assert_cmpuint (clip_test_server_hits (f->server, "/due"), ==, 0);
  /* Back online: the scheduler resumes by itself. */
  g_clear_pointer (&f->results, g_ptr_array_unref);
  fake_monitor_set (monitor, TRUE);
  clip_test_service_wait_until (clip_test_service_have_results, f, 10000);
  g_assert_true (online_seen);
  g_assert_cmpint (clip_test_service_outcome (f, due)->status, ==, CLIP_FETCH_STATUS_OK);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/due"), ==, 1);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/manual"), ==, 1);
}

static void
test_backoff (Fixture *f, gconstpointer data)
{
  gint64 id = clip_test_service_add_outlet (f, NULL, "/flaky");
  gint64 limited = clip_test_service_add_outlet (f, NULL, "/limited");
  const gint64 floor[] = { 900, 1800, 3600 };

  clip_test_server_add_status (f->server, "/flaky", 500, NULL, NULL);
  clip_test_server_add_status (f->server, "/limited", 429, "Retry-After", "7200");
  for (guint i = 0; i < G_N_ELEMENTS (floor); i++)
    {
      g_autoptr(ClipOutlet) o = NULL;

      clip_test_service_refresh (f, id);
      o = clip_test_service_get_outlet (f, id);
      g_assert_cmpint (o->failures, ==, i + 1);
      g_assert_cmpstr (o->last_error, ==, "HTTP 500 (Internal Server Error)");
      g_assert_cmpint (o->next_attempt - o->last_attempt, >=, floor[i]);
      g_assert_cmpint (o->next_attempt - o->last_attempt, <=, floor[i] * 11 / 10);
      g_assert_cmpint (clip_test_service_outcome (f, id)->failures, ==, i + 1);
    }
  /* The first success ends the back-off. */
  clip_test_service_serve_rss (f, "/flaky", "Back", 1, NULL);
  clip_test_service_refresh (f, id);
  {
    g_autoptr(ClipOutlet) o = clip_test_service_get_outlet (f, id);

    g_assert_cmpint (o->failures, ==, 0);
    g_assert_null (o->last_error);
    g_assert_cmpint (o->next_attempt - o->last_attempt, <=, 990);
  }
  clip_test_service_refresh (f, limited);
  {
    g_autoptr(ClipOutlet) o = clip_test_service_get_outlet (f, limited);

    g_assert_true (g_str_has_prefix (o->last_error, "HTTP 429"));
    g_assert_cmpint (o->next_attempt - o->last_attempt, >=, 7200);
  }
}

static gboolean
hang_hit (Fixture *f)
{
  return clip_test_server_hits (f->server, "/hang") > 0;
}

static void
test_stop_in_flight (Fixture *f, gconstpointer data)
{
  gint64 id = clip_test_service_add_outlet (f, NULL, "/hang");
  g_autoptr(ClipOutlet) o = NULL;
  gint64 start;

  clip_test_server_add_kind (f->server, "/hang", CLIP_TEST_ROUTE_HANG);
  clip_service_refresh_outlet (f->service, id);
  clip_test_service_wait_until (hang_hit, f, 5000);
  start = g_get_monotonic_time ();
  clip_service_stop (f->service);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_clear_object (&f->service);
  /* Dropped, not failed: the outlet is as it was. */
  o = clip_test_service_get_outlet (f, id);
  g_assert_cmpint (o->failures, ==, 0);
  g_assert_cmpint (o->last_attempt, ==, 0);
  g_assert_null (o->last_error);
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
      g_autofree char *xml = clip_test_service_rss (prefix, 3, prefix);
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
      id = clip_test_service_add_outlet (f, server, path);
      g_array_append_val (ids, id);
    }
  clip_test_service_refresh (f, 0);
  g_assert_cmpuint (f->results->len, ==, 1000);
  for (guint i = 0; i < 1000; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      const ClipFetchOutcome *o = clip_test_service_outcome (f, id);
      gboolean bad = i % 100 == 7 || i % 100 == 57 || i % 100 == 41;

      if (bad)
        {
          g_assert_cmpint (o->status, ==, CLIP_FETCH_STATUS_ERROR);
          g_assert_nonnull (o->error);
          g_assert_cmpint (clip_test_service_count_articles (f, id), ==, 0);
        }
      else
        {
          g_assert_cmpstr (o->error, ==, NULL);
          g_assert_cmpint (clip_test_service_count_articles (f, id), ==, 3);
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/service/" name, Fixture, NULL, clip_test_service_setup, fn, \
                                    clip_test_service_teardown)
  ADD ("limits", test_limits);
  ADD ("backoff", test_backoff);
  ADD ("stop-in-flight", test_stop_in_flight);
  ADD ("load", test_load);
#undef ADD
  g_test_add ("/service/offline", Fixture, "no service", clip_test_service_setup, test_offline,
              clip_test_service_teardown);
  return g_test_run ();
}
