/* bench-listing.c — a refresh of listing outlets end to end (listing page,
 * selector, new links, each article's page fetched, extracted and stored)
 * over loopback, beside the same pages fetched with no processing
 *
 * OUTLETS listing pages on a SoupServer in this process, spread over 20
 * loopback hosts, each listing ARTICLES articles among a menu and a
 * footer; every article has a page of a few paragraphs. The service's
 * refresh must store every article once with its page's text; the peer
 * fetches the same listing and article pages 8 at once (the service's
 * limit) and does nothing with them.
 *
 * On a machine shared with other work one run of each says little (the
 * peer alone varied from 700 to 1,350 pages/s between runs here): the two
 * are run in turn ROUNDS times, each refresh into a fresh archive, and
 * the best of each is compared.
 *
 *   bench-listing [OUTLETS [ARTICLES [ROUNDS]]]     (defaults 200, 10, 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-fetch.h"
#include "clip-scheduler.h"  /* CLIP_SCHEDULER_MAX_RUNNING */
#include "clip-service.h"
#include "clip-store.h"
#include "clip-store-sql.h"

#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOSTS 20

typedef struct {
  guint outlets, articles;
  gint  port;
} Site;

static char *
listing_page (guint o, guint n)
{
  g_autoptr(GString) s = g_string_new ("<!DOCTYPE html><html><head><meta charset=utf-8><title>News</title>"
                                       "</head><body><header><nav><ul>");

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (s, "<li><a href='/o/%u/section/%u'>Section %u</a></li>", o, i, i);
  g_string_append (s, "</ul></nav></header><main><ul class='news'>");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "<li><h3><a href='/o/%u/2024/11/29/story-%u'>Outlet %u reports on "
                            "the budget debate, part %u</a></h3><p>A summary.</p></li>", o, i, o, i);
  g_string_append (s, "</ul></main><footer><a href='/about'>About</a></footer></body></html>");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
article_page (const char *path)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s, "<!DOCTYPE html><html><head><meta charset=utf-8><title>%s</title>"
                          "<meta property='article:published_time' content='2024-11-29T10:00:00+04:00'>"
                          "</head><body><nav><a href='/'>Home</a></nav><article><h1>The story at %s</h1>",
                          path, path);
  for (guint p = 0; p < 6; p++)
    g_string_append_printf (s, "<p>Paragraph %u of %s: members of parliament argued over the "
                            "coastal budget for hours, and the opposition said the figures for "
                            "the regions were not the ones the ministry had published.</p>", p, path);
  g_string_append (s, "</article><footer>© News</footer></body></html>");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer data)
{
  Site *site = data;
  g_autofree char *body = NULL;
  gsize len;
  guint o;

  if (g_str_has_suffix (path, "/") && sscanf (path, "/o/%u/", &o) == 1)
    body = listing_page (o, site->articles);
  else if (strstr (path, "/story-") != NULL)
    body = article_page (path);
  if (body == NULL)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  len = strlen (body);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), len);
}

static gpointer
server_thread (gpointer data)
{
  Site *site = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);
  g_autoptr(SoupServer) server = NULL;
  GSList *uris;

  g_main_context_push_thread_default (context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, "/", handler, site, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, NULL));
  uris = soup_server_get_uris (server);
  site->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  for (guint h = 2; h <= HOSTS; h++)
    {
      g_autofree char *ip = g_strdup_printf ("127.0.0.%u", h);
      g_autoptr(GInetAddress) addr = g_inet_address_new_from_string (ip);
      g_autoptr(GSocketAddress) sa = g_inet_socket_address_new (addr, site->port);

      g_assert_true (soup_server_listen (server, sa, 0, NULL));
    }
  g_atomic_int_set (&site->port, site->port);
  g_main_loop_run (loop);
  return NULL;
}

static char *
outlet_url (guint o, gint port)
{
  return g_strdup_printf ("http://127.0.0.%u:%d/o/%u/", o % HOSTS + 1, port, o);
}

static void
add_outlets (const char *dir, guint n, gint port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  for (guint o = 0; o < n; o++)
    {
      g_autoptr(ClipOutlet) outlet = clip_outlet_new ();

      outlet->url = outlet_url (o, port);
      outlet->kind = CLIP_OUTLET_LISTING;
      outlet->selector = g_strdup ("ul.news h3 > a");
      g_assert_cmpint (clip_store_add_outlet (store, outlet, &error), >, 0);
    }
}

static void
finished_cb (ClipService *service, GPtrArray *outcomes, gpointer data)
{
  *(gboolean *) data = TRUE;
}

static double
run_service (const char *dir)
{
  g_autoptr(ClipService) service = clip_service_new (dir);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  gint64 start;

  clip_service_set_scheduled (service, FALSE);
  g_signal_connect (service, "refresh-finished", G_CALLBACK (finished_cb), &done);
  g_assert_true (clip_service_start (service, &error));
  start = g_get_monotonic_time ();
  clip_service_refresh_all (service);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  clip_service_stop (service);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The peer: the same pages, 8 at once, nothing done with them. */
typedef struct {
  ClipFetcher   *fetcher;
  GQueue         urls;
  guint          in_flight;
  guint          pages;
} FetchOnly;

static void fetch_only_pump (FetchOnly *fo);

static void
fetched_only_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  FetchOnly *fo = data;
  g_autoptr(ClipFetchResponse) r = clip_fetcher_fetch_finish (CLIP_FETCHER (source), result);

  g_assert_no_error (r->error);
  fo->in_flight--;
  fo->pages++;
  fetch_only_pump (fo);
}

static void
fetch_only_pump (FetchOnly *fo)
{
  for (GList *l = fo->urls.head; l && fo->in_flight < CLIP_SCHEDULER_MAX_RUNNING;)
    {
      GList *next = l->next;

      fo->in_flight++;
      clip_fetcher_fetch_async (fo->fetcher, l->data, NULL, NULL, NULL, fetched_only_cb, fo);
      g_free (l->data);
      g_queue_delete_link (&fo->urls, l);
      l = next;
    }
}

/* One refresh into a fresh archive; its time, and it must store every
 * article with its page's text. */
static double
end_to_end (guint n, guint per, gint port)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-listing-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = NULL;
  sqlite3_stmt *stmt;
  gint64 stored, with_text;
  double t;

  add_outlets (dir, n, port);
  t = run_service (dir);
  store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  stmt = clip_store_prepare (store, "SELECT count(*), count(nullif(page_text, '')) FROM articles", &error);
  g_assert_no_error (error);
  g_assert_true (sqlite3_step (stmt) == SQLITE_ROW);
  stored = sqlite3_column_int64 (stmt, 0);
  with_text = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  g_assert_cmpint (stored, ==, (gint64) n * per);
  g_assert_cmpint (with_text, ==, stored);
  return t;
}

/* The same pages with no processing; its time. */
static double
fetch_only (guint n, guint per, gint port)
{
  FetchOnly fo = { 0 };
  gint64 start;

  fo.fetcher = clip_fetcher_new (NULL);
  g_queue_init (&fo.urls);
  for (guint o = 0; o < n; o++)
    {
      g_queue_push_tail (&fo.urls, outlet_url (o, port));
      for (guint i = 0; i < per; i++)
        g_queue_push_tail (&fo.urls, g_strdup_printf ("http://127.0.0.%u:%d/o/%u/2024/11/29/story-%u",
                                                      o % HOSTS + 1, port, o, i));
    }
  start = g_get_monotonic_time ();
  fetch_only_pump (&fo);
  while (fo.in_flight > 0 || !g_queue_is_empty (&fo.urls))
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (fo.fetcher);
  g_assert_cmpuint (fo.pages, ==, n * (per + 1));
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 200;
  guint per = argc > 2 ? (guint) atoi (argv[2]) : 10;
  guint rounds = argc > 3 ? (guint) MAX (atoi (argv[3]), 1) : 3;
  Site site = { n, per, 0 };
  double e2e = G_MAXDOUBLE, only = G_MAXDOUBLE;

  g_thread_unref (g_thread_new ("server", server_thread, &site));
  while (g_atomic_int_get (&site.port) == 0)
    g_usleep (1000);
  printf ("listing outlets: %u on %d hosts, %u articles each (%u article pages), best of %u rounds\n",
          n, HOSTS, per, n * per, rounds);
  for (guint r = 0; r < rounds; r++)
    {
      double a = end_to_end (n, per, site.port);
      double b = fetch_only (n, per, site.port);

      printf ("  round %u: end to end %6.0f articles/s, fetch only %6.0f articles/s (%.2f x)\n",
              r + 1, n * per / a, n * per / b, b / a);
      e2e = MIN (e2e, a);
      only = MIN (only, b);
    }
  printf ("end to end:  %8.0f articles/s (%u stored, each with its page's text, %.2f s): listing, "
          "selector, pages fetched, extracted, stored\n", n * per / e2e, n * per, e2e);
  printf ("fetch only:  %8.0f articles/s (the same %u pages, 8 at once, nothing done, %.2f s): "
          "end to end is %.2f x of it\n", n * per / only, n * (per + 1), only, only / e2e);
  return 0;
}
