/* bench-fetch.c — articles/s end to end (fetch + parse + store + match)
 * over loopback, against the parse-only rate on the same feeds
 *
 * 1,000 outlets on a loopback SoupServer in this process: 2% answer with
 * an error, 2% are slow, 1% are malformed. One refresh of them all must
 * store every good article once and give every bad outlet its error. The
 * main loop (where the GUI would live) is sampled every 10 ms to show the
 * longest time it was kept waiting.
 *
 *   bench-fetch [OUTLETS [ITEMS]]     (defaults 1000 and 20)
 *
 * bench-fetch-ui is the same run in the real application (under xvfb-run,
 * with the schemas of the build): its window, sidebar, article list and
 * alert notifier take the service's news while its main loop is sampled
 * every 2 ms, in wall and in the main thread's CPU time. It also says
 * where the CPU went from the click to the last reload, thread by thread
 * (under Xvfb, GTK's GL renderer draws in software on Mesa's llvmpipe
 * threads), how many frames were drawn (CLIP_BENCH_FRAMES=1 prints each)
 * and the RSS with the window up before the refresh: that run is in
 * bench-fetch-app.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "bench-fetch.h"
#include "clip-archive.h"
#include "clip-bench-floor.h"
#include "clip-corpus.h"
#include "clip-feed.h"
#include "clip-fetch.h"
#include "clip-rule-apply.h"
#include "clip-scheduler.h"
#include "clip-service.h"
#include "clip-store.h"
#include "clip-store-sql.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#define SLOW_MS 1000
#define HOSTS   50

typedef enum { FEED_GOOD, FEED_ERROR, FEED_SLOW, FEED_MALFORMED } FeedKind;

typedef struct {
  GPtrArray  *bodies;      /* GBytes*, by outlet index */
  FeedKind   *kinds;
  guint       n;
  gint        port;        /* set by the server thread */
} Site;

static FeedKind
kind_of (guint i)
{
  /* 2% errors, 2% slow, 1% malformed, spread through the list. */
  switch (i % 100)
    {
    case 7: case 57: return FEED_ERROR;
    case 23: case 73: return FEED_SLOW;
    case 41: return FEED_MALFORMED;
    default: return FEED_GOOD;
    }
}

static gboolean
unpause_cb (gpointer data)
{
  soup_server_message_unpause (data);
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path,
         GHashTable *query, gpointer data)
{
  Site *site = data;
  guint64 i;
  GBytes *body;

  if (!g_ascii_string_to_unsigned (path + strlen ("/feed/"), 10, 0, site->n - 1, &i, NULL))
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  if (site->kinds[i] == FEED_ERROR)
    {
      soup_server_message_set_status (msg, i % 2 ? 500 : 404, NULL);
      return;
    }
  body = g_ptr_array_index (site->bodies, i);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  if (site->kinds[i] == FEED_SLOW)
    {
      GSource *later = g_timeout_source_new (SLOW_MS);

      /* On the server's own context: SoupServer is not thread-safe. */
      soup_server_message_pause (msg);
      g_source_set_callback (later, unpause_cb, g_object_ref (msg), NULL);
      g_source_attach (later, g_main_context_get_thread_default ());
      g_source_unref (later);
    }
}

/* The server runs on its own thread, as a real site would, so that its
 * work is not counted against the main loop being sampled. */
static gpointer
server_thread (gpointer data)
{
  Site *site = data;
  GMainContext *ctx = g_main_context_new ();
  GMainLoop *loop = g_main_loop_new (ctx, FALSE);
  SoupServer *server;
  GSList *uris;
  int port;

  g_main_context_push_thread_default (ctx);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, "/feed", handler, site, NULL);
  /* Outlets live on many hosts, as they do: 127.0.0.1 to 127.0.0.HOSTS,
   * all on one port. */
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, NULL));
  uris = soup_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  for (guint h = 2; h <= HOSTS; h++)
    {
      g_autofree char *ip = g_strdup_printf ("127.0.0.%u", h);
      g_autoptr(GInetAddress) addr = g_inet_address_new_from_string (ip);
      g_autoptr(GSocketAddress) sa = g_inet_socket_address_new (addr, port);

      g_assert_true (soup_server_listen (server, sa, 0, NULL));
    }
  g_atomic_int_set (&site->port, port);
  g_main_loop_run (loop);   /* until the process exits */
  return NULL;
}

static Site *
make_site (ClipCorpus *corpus, guint n, guint items, GPtrArray **good_feeds)
{
  Site *site = g_new0 (Site, 1);

  site->n = n;
  site->kinds = g_new0 (FeedKind, n);
  site->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  *good_feeds = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      gsize len;
      char *xml = clip_corpus_feed_xml (corpus, i, items, &len);

      site->kinds[i] = kind_of (i);
      if (site->kinds[i] == FEED_MALFORMED)
        {
          /* Control bytes where the XML was: nothing to recover. */
          memset (xml, 0x01, len);
        }
      g_ptr_array_add (site->bodies, g_bytes_new_take (xml, len));
      if (site->kinds[i] == FEED_GOOD || site->kinds[i] == FEED_SLOW)
        g_ptr_array_add (*good_feeds, g_ptr_array_index (site->bodies, i));
    }
  return site;
}

/* The peer: parse only (and make the articles), the same feeds, this run. */
static double
parse_only_rate (GPtrArray *feeds, guint *n_articles)
{
  gint64 start = g_get_monotonic_time ();
  guint n = 0;

  for (guint i = 0; i < feeds->len; i++)
    {
      gsize len;
      const char *data = g_bytes_get_data (g_ptr_array_index (feeds, i), &len);
      g_autoptr(ClipFeed) feed = clip_feed_parse (data, len, "application/rss+xml", "http://127.0.0.1/", NULL);

      g_assert_nonnull (feed);
      for (guint j = 0; j < feed->items->len; j++)
        {
          clip_article_free (clip_feed_item_to_article (g_ptr_array_index (feed->items, j), feed));
          n++;
        }
    }
  *n_articles = n;
  return n / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

/* The other peer: the same requests under the same politeness limits
 * (8 at once, 2 a host), bodies read and dropped, on this thread. */
typedef struct {
  ClipFetcher   *fetcher;
  ClipScheduler *scheduler;
  int            port;
  guint          left;
} FetchOnly;

static void fetch_only_pump (FetchOnly *fo);

static char *
outlet_url (guint i, int port)
{
  /* 20 outlets a host, so the slow and failing ones are spread over
   * hosts (2 per host at once: one slow host would bound the run). */
  return g_strdup_printf ("http://127.0.0.%u:%d/feed/%u", (i / 20) % HOSTS + 1, port, i);
}

typedef struct {
  FetchOnly *fo;
  gint64     id;
} FetchOnlyRequest;

static void
fetch_only_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  FetchOnlyRequest *req = data;
  FetchOnly *fo = req->fo;
  /* Fetched and dropped: this side measures the fetching alone. */
  clip_fetch_response_free (clip_fetcher_fetch_finish (CLIP_FETCHER (source), result));
  clip_scheduler_done (fo->scheduler, req->id, G_MAXINT64);
  fo->left--;
  g_free (req);
  fetch_only_pump (fo);
}

static void
fetch_only_pump (FetchOnly *fo)
{
  gint64 id;

  while ((id = clip_scheduler_pop (fo->scheduler, 0, FALSE)) != 0)
    {
      g_autofree char *url = outlet_url ((guint) id - 1, fo->port);
      FetchOnlyRequest *req = g_new0 (FetchOnlyRequest, 1);

      req->fo = fo;
      req->id = id;
      clip_fetcher_fetch_async (fo->fetcher, url, NULL, NULL, NULL, fetch_only_cb, req);
    }
}

static double
fetch_only_seconds (guint n, int port)
{
  FetchOnly fo = { 0 };
  gint64 start = g_get_monotonic_time ();

  fo.fetcher = clip_fetcher_new (NULL);
  fo.scheduler = clip_scheduler_new (CLIP_SCHEDULER_MAX_RUNNING, CLIP_SCHEDULER_MAX_PER_HOST);
  fo.port = port;
  fo.left = n;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *url = outlet_url (i, port);

      clip_scheduler_set_outlet (fo.scheduler, i + 1, url, 0, TRUE);
    }
  clip_scheduler_request_all (fo.scheduler);
  fetch_only_pump (&fo);
  while (fo.left > 0)
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (fo.fetcher);
  clip_scheduler_free (fo.scheduler);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

gint64
clip_bench_thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* A wait is the time between two ticks; its CPU part is the main
 * thread's own work (the rest: other threads had the cores). */
gboolean
clip_bench_tick_cb (gpointer data)
{
  ClipBenchWatch *w = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = clip_bench_thread_cpu_usec ();

  if (w->last_tick)
    {
      w->max_gap = MAX (w->max_gap, now - w->last_tick);
      w->max_gap_cpu = MAX (w->max_gap_cpu, cpu - w->last_cpu);
      if (cpu - w->last_cpu > 50000)
        {
          w->over_50++;
          if (w->start)
            g_printerr ("main loop: %.1f ms CPU (%.1f ms wall) %.2f s into the run "
                        "(CLOCK_MONOTONIC %.6f to %.6f s, for perf record -k CLOCK_MONOTONIC)\n",
                        (cpu - w->last_cpu) / 1000.0, (now - w->last_tick) / 1000.0,
                        (w->last_tick - w->start) / (double) G_USEC_PER_SEC,
                        w->last_tick / (double) G_USEC_PER_SEC, now / (double) G_USEC_PER_SEC);
        }
    }
  w->last_tick = now;
  w->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

#ifndef CLIP_BENCH_FETCH_UI
static void
finished_cb (ClipService *service, GPtrArray *results, ClipBenchWatch *w)
{
  w->results = g_ptr_array_ref (results);
}

/* The refresh with the service alone; returns its seconds. */
static double
run_headless (const char *dir, ClipBenchWatch *w)
{
  g_autoptr(ClipService) service = clip_service_new (dir);
  g_autoptr(GError) error = NULL;
  gint64 start;

  clip_service_set_scheduled (service, FALSE);
  g_signal_connect (service, "refresh-finished", G_CALLBACK (finished_cb), w);
  g_assert_true (clip_service_start (service, &error));
  w->interval_ms = 10;
  g_timeout_add (w->interval_ms, clip_bench_tick_cb, w);
  start = g_get_monotonic_time ();
  clip_service_refresh_all (service);
  while (w->results == NULL)
    g_main_context_iteration (NULL, TRUE);
  clip_service_stop (service);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}
#endif

/* CPU seconds of the whole process (all threads, user and system): on a
 * shared machine this moves less with the load than the wall clock. */
double
clip_bench_cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

gsize
clip_bench_peak_rss (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "VmHWM:")))
    return 0;
  return g_ascii_strtoull (line + 6, NULL, 10) * 1024;
}

/* Opened as the app opens a new archive: with the default rules, so the
 * refresh below matches every article it stores. */
static void
add_outlets (const char *dir, guint n, int port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClipOutlet) o = clip_outlet_new ();

      o->url = outlet_url (i, port);
      o->name = g_strdup_printf ("Outlet %u", i);
      o->id = clip_store_add_outlet (store, o, &error);
      g_assert_cmpint (o->id, >, 0);
      /* Not due: the refresh below is the one run (the application
       * would otherwise start its own as it opens). */
      o->next_attempt = g_get_real_time () / G_USEC_PER_SEC + 86400;
      g_assert_true (clip_store_save_fetch_state (store, o, &error));
    }
}

/* Every good outlet has all its items, once; every bad one its error. */
static guint
check (const char *dir, Site *site, GPtrArray *results, guint items)
{
  g_autoptr(ClipStore) store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_READ_ONLY, NULL);
  guint stored = 0;

  g_assert_cmpuint (results->len, ==, site->n);
  for (guint r = 0; r < results->len; r++)
    {
      const ClipFetchOutcome *o = g_ptr_array_index (results, r);
      guint i = (guint) (o->outlet_id - 1);
      ClipArticleFilter filter = { 0 };
      gint64 count;

      filter.outlet_id = o->outlet_id;
      count = clip_store_count_articles (store, &filter, NULL);
      if (site->kinds[i] == FEED_GOOD || site->kinds[i] == FEED_SLOW)
        {
          if (o->status != CLIP_FETCH_STATUS_OK || count != items)
            g_error ("outlet %u: %s, %" G_GINT64_FORMAT " articles", i, o->error, count);
          stored += count;
        }
      else if (o->status != CLIP_FETCH_STATUS_ERROR || o->error == NULL || count != 0)
        g_error ("bad outlet %u has no error", i);
    }
  return stored;
}

static void
count_match (gint64 rule_id, const ClipRuleSpan *spans, guint n, gpointer data)
{
  (*(guint *) data)++;
}

/* Every stored article was matched by the transaction that stored it:
 * the match rows equal what the rules give each article now. Returns
 * how many there are. */
static guint
check_matches (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  ClipRuleSet *set = clip_store_compile_rules (store, &error);
  ClipRuleDocBuf buf = { { { NULL } }, { NULL } };
  sqlite3_stmt *stmt;
  guint expected = 0;
  gint64 stored;

  g_assert_no_error (error);
  if (clip_rule_set_size (set) == 0)
    g_error ("the archive has no rules: nothing was matched");
  stmt = clip_store_prepare (store, "SELECT id FROM articles", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_true (clip_rule_doc_load (store, sqlite3_column_int64 (stmt, 0),
                                         clip_rule_set_fields (set), &buf, &error));
      clip_rule_set_match (set, &buf.doc, count_match, &expected);
    }
  sqlite3_reset (stmt);
  stmt = clip_store_prepare (store, "SELECT count(*) FROM matches", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  stored = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (stored != expected)
    g_error ("%" G_GINT64_FORMAT " matches stored, the rules give %u", stored, expected);
  clip_rule_doc_buf_clear (&buf);
  clip_rule_set_free (set);
  return expected;
}

/* The archive is hundreds of MB at the default size: not left behind. */
static void
remove_archive (const char *dir)
{
  const char *names[] = { "archive.db", "archive.db-wal", "archive.db-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_remove (path);
    }
  if (g_rmdir (dir) != 0)
    g_printerr ("Could not remove %s: other files are in it\n", dir);
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? atoi (argv[1]) : 1000;
  guint items = argc > 2 ? atoi (argv[2]) : 20;
  g_autoptr(ClipCorpus) corpus = clip_corpus_new (42);
  g_autoptr(GPtrArray) good = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-fetch-XXXXXX", NULL);
  Site *site;
  ClipBenchWatch w = { 0 };
  guint parsed, stored, matches;
  double parse_rate, e2e_rate, seconds, fetch_seconds, cpu, parse_cpu, fetch_cpu, floor_rate;
  ClipBenchFloor floor;
  gsize rss_before;
#ifdef CLIP_BENCH_FETCH_UI
  ClipBenchAppRun *app_run = NULL;
#endif

#ifdef CLIP_BENCH_FETCH_UI
  /* Before anything reads settings (the proxy resolver does): never the
   * analyst's, and the application's schema from this build. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", CLIP_BENCH_SCHEMA_DIR, FALSE);
#endif
  site = make_site (corpus, n, items, &good);
  g_thread_unref (g_thread_new ("server", server_thread, site));
  while (g_atomic_int_get (&site->port) == 0)
    g_usleep (1000);
  add_outlets (dir, n, site->port);

  parse_cpu = clip_bench_cpu_seconds ();
  parse_rate = parse_only_rate (good, &parsed);
  parse_cpu = clip_bench_cpu_seconds () - parse_cpu;
  floor = clip_bench_floor_run (good, dir);
  floor_rate = floor.articles / floor.seconds;
  fetch_cpu = clip_bench_cpu_seconds ();
  fetch_seconds = fetch_only_seconds (n, site->port);
  fetch_cpu = clip_bench_cpu_seconds () - fetch_cpu;

  rss_before = clip_bench_peak_rss ();
  cpu = clip_bench_cpu_seconds ();
#ifdef CLIP_BENCH_FETCH_UI
  seconds = clip_bench_app_run (dir, &w, &app_run);
#else
  seconds = run_headless (dir, &w);
#endif
  cpu = clip_bench_cpu_seconds () - cpu;

  stored = check (dir, site, w.results, items);
  matches = check_matches (dir);
  /* Bounded: the service holds at most 8 answers (16 MiB each at worst)
   * and one batch of articles, whatever the number of outlets. In the
   * application the growth also holds GTK, its fonts and the window: there
   * the bound is the whole window's (250 MB, as with a million
   * articles). */
#ifdef CLIP_BENCH_FETCH_UI
  if (clip_bench_peak_rss () - rss_before > 250 * 1024 * 1024)
    g_error ("the application grew by %zu MiB", (clip_bench_peak_rss () - rss_before) / 1048576);
#else
  if (clip_bench_peak_rss () - rss_before > 160 * 1024 * 1024)
    g_error ("the service grew by %zu MiB", (clip_bench_peak_rss () - rss_before) / 1048576);
#endif
  g_assert_cmpuint (stored, ==, parsed);
  e2e_rate = stored / seconds;
  printf ("outlets: %u on %d hosts (%u good, 2%% errors, 2%% slow by %d ms, 1%% malformed), "
          "%u items each\n", n, HOSTS, good->len, SLOW_MS, items);
  printf ("parse only:  %8.0f articles/s (%u articles)\n", parse_rate, parsed);
  printf ("end to end:  %8.0f articles/s (%u stored once, %u matches of the default rules, %.2f s)\n",
          e2e_rate, stored, matches, seconds);
  printf ("ratio:       %8.2f x (goal >= 0.5)\n", e2e_rate / parse_rate);
  printf ("CPU time:    parse only %.2f s, fetch only %.2f s, end to end %.2f s (all threads, "
          "the server's too): %.2f x in CPU terms\n", parse_cpu, fetch_cpu, cpu, parse_cpu / cpu);
  printf ("fetch only:  %8.0f articles/s (the same requests, 8 at once and 2 a host, %.2f s): "
          "end to end is %.2f x of it\n", stored / fetch_seconds, fetch_seconds, fetch_seconds / seconds);
  /* The slow outlets hold 2% of the slots for SLOW_MS each: whatever the
   * store costs, the run lasts at least as long as fetching alone. */
  printf ("ceiling:     %8.2f x of parse only (fetching alone, with parse, store and match free)\n",
          stored / fetch_seconds / parse_rate);
  /* What SQLite's own indexing leaves, with nothing else to do: no
   * fetching, no rules, one transaction. */
  printf ("SQLite floor: %7.0f articles/s: parse + a bare FTS5 insert (unicode61), one transaction, "
          "one thread, %.2f s CPU: %.2f x of parse only; end to end is %.2f x of it\n",
          floor_rate, floor.cpu, floor_rate / parse_rate, e2e_rate / floor_rate);
  printf ("main loop:   longest gap between %u ms ticks %.1f ms; most main-thread CPU in one gap "
          "%.1f ms (%u gaps over 50 ms CPU)%s\n", w.interval_ms, w.max_gap / 1000.0,
          w.max_gap_cpu / 1000.0, w.over_50,
#ifdef CLIP_BENCH_FETCH_UI
          ": the application's window, from its refresh to its last reload"
#else
          ": no window (bench-fetch-ui has one)"
#endif
          );
  printf ("peak RSS:    %.1f MiB (%.1f MiB before the service)\n",
          clip_bench_peak_rss () / 1048576.0, rss_before / 1048576.0);
#ifdef CLIP_BENCH_FETCH_UI
  clip_bench_app_run_print (app_run, clip_bench_peak_rss ());
  clip_bench_app_run_free (app_run);
#endif
  g_ptr_array_unref (w.results);
  remove_archive (dir);
  return 0;
}
