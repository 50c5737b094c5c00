/* clip-test-service.c — the fetch service's tests' fixture: an archive in
 * a temporary folder, a loopback SoupServer, and the service refreshing
 * the one into the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-test-service.h"
#include "clip-test-util.h"

static void
on_finished (ClipService            *s,
             GPtrArray              *results,
             ClipTestServiceFixture *f)
{
  g_clear_pointer (&f->results, g_ptr_array_unref);
  f->results = g_ptr_array_ref (results);
}

static void
on_progress (ClipService            *s,
             guint                   done,
             guint                   total,
             ClipTestServiceFixture *f)
{
  g_assert_cmpuint (done, <=, total);
  f->last_done = done;
  f->last_total = total;
}

void
clip_test_service_start (ClipTestServiceFixture *f,
                         GNetworkMonitor        *monitor,
                         gboolean                scheduled)
{
  g_autoptr(GError) error = NULL;

  f->service = clip_service_new (f->dir);
  if (monitor)
    clip_service_set_network_monitor (f->service, monitor);
  clip_service_set_scheduled (f->service, scheduled);
  g_signal_connect (f->service, "refresh-finished", G_CALLBACK (on_finished), f);
  g_signal_connect (f->service, "progress", G_CALLBACK (on_progress), f);
  g_assert_true (clip_service_start (f->service, &error));
  g_assert_no_error (error);
}

void
clip_test_service_setup (ClipTestServiceFixture *f,
                         gconstpointer           data)
{
  g_autoptr(GError) error = NULL;

  f->dir = clip_test_tmpdir ();
  f->store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->server = clip_test_server_new ("127.0.0.1", NULL);
  if (data == NULL)
    clip_test_service_start (f, NULL, FALSE);
}

void
clip_test_service_teardown (ClipTestServiceFixture *f,
                            gconstpointer           data)
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

void
clip_test_service_wait_until (gboolean (*cond) (ClipTestServiceFixture *f),
                              ClipTestServiceFixture *f,
                              guint                   timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!cond (f))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
clip_test_service_have_results (ClipTestServiceFixture *f)
{
  return f->results != NULL;
}

GPtrArray *
clip_test_service_refresh (ClipTestServiceFixture *f,
                           gint64                  id)
{
  g_clear_pointer (&f->results, g_ptr_array_unref);
  if (id)
    clip_service_refresh_outlet (f->service, id);
  else
    clip_service_refresh_all (f->service);
  clip_test_service_wait_until (clip_test_service_have_results, f, 30000);
  return f->results;
}

const ClipFetchOutcome *
clip_test_service_outcome (ClipTestServiceFixture *f,
                           gint64                  id)
{
  for (guint i = 0; f->results && i < f->results->len; i++)
    {
      const ClipFetchOutcome *o = g_ptr_array_index (f->results, i);

      if (o->outlet_id == id)
        return o;
    }
  g_assert_not_reached ();
}

char *
clip_test_service_rss (const char *title,
                       guint       n,
                       const char *prefix)
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

gint64
clip_test_service_add_outlet (ClipTestServiceFixture *f,
                              ClipTestServer         *server,
                              const char             *path)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  o->url = clip_test_server_url (server ? server : f->server, path);
  id = clip_store_add_outlet (f->store, o, &error);
  g_assert_no_error (error);
  return id;
}

ClipOutlet *
clip_test_service_get_outlet (ClipTestServiceFixture *f,
                              gint64                  id)
{
  g_autoptr(GError) error = NULL;
  ClipOutlet *o = clip_store_get_outlet (f->store, id, &error);

  g_assert_no_error (error);
  return o;
}

gint64
clip_test_service_count_articles (ClipTestServiceFixture *f,
                                  gint64                  outlet_id)
{
  ClipArticleFilter filter = { 0 };

  filter.outlet_id = outlet_id;
  return clip_store_count_articles (f->store, &filter, NULL);
}

void
clip_test_service_serve_rss (ClipTestServiceFixture *f,
                             const char             *path,
                             const char             *title,
                             guint                   n,
                             const char             *etag)
{
  g_autofree char *xml = clip_test_service_rss (title, n, path + 1);

  clip_test_server_add_body (f->server, path, "application/rss+xml", xml, -1, etag, NULL);
}
