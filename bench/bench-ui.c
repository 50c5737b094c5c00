/* bench-ui.c — the main window over a large archive: time to the first
 * frame and to the first rows, the longest the main loop is blocked while
 * scrolling to the end and while searching, and memory; beside the peer,
 * an eager GListStore holding the same rows, built in the same run.
 *
 *   bench-ui --data-dir DIR [--search QUERY] [--no-peer] [--no-search] [--hold S]
 *
 * Each stall is also split into where the main thread's CPU went: the
 * scrolling call itself (rows rebound at once), and the frame clock's
 * layout and paint phases.
 *
 * DIR holds archive.db (bench-store --archive DIR/archive.db makes one of
 * a million articles). Run under Xvfb:
 *   xvfb-run -a env GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=build/data \
 *     GSK_RENDERER=cairo build/bench/bench-ui --data-dir /tmp/1m
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "clip-article-table.h"
#include "clip-store-listing.h"
#include "clip-window.h"

static char *data_dir;
static char *search = (char *) "government NEAR/5 minister*";
static gboolean no_peer;
static gboolean no_search;
static gboolean trace_stalls;
static int hold_s;

static const GOptionEntry entries[] = {
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Folder of the archive", "DIR" },
  { "search", 0, 0, G_OPTION_ARG_STRING, &search, "Rule-language search to time", "QUERY" },
  { "no-peer", 0, 0, G_OPTION_ARG_NONE, &no_peer, "Skip the eager peer", NULL },
  { "no-search", 0, 0, G_OPTION_ARG_NONE, &no_search, "Skip the search (and the peer)", NULL },
  { "hold", 0, 0, G_OPTION_ARG_INT, &hold_s, "Keep the window shown this long at the end (for a screenshot)", "S" },
  { "trace-stalls", 0, 0, G_OPTION_ARG_NONE, &trace_stalls,
    "Print each stall over 30 ms CPU with its CLOCK_MONOTONIC span (for perf record -k CLOCK_MONOTONIC)", NULL },
  { NULL }
};

static gint64 t_start;

static double
ms_since (gint64 t)
{
  return (g_get_monotonic_time () - t) / 1000.0;
}

/* The main loop's longest stall: a 2 ms timer that notes how late it
 * runs, in wall time and in the main thread's own CPU time. On a loaded
 * machine the wall time also counts the time other processes had the
 * CPU; the CPU time is the work the main loop did in one go. */
static gint64 probe_last, probe_last_cpu;
static gint64 probe_worst, probe_worst_cpu;
static guint probe_over_50, probe_over_50_cpu;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The process's CPU time so far (ms): on a loaded machine, the work to a
 * point, without the time others had the CPU. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gboolean
probe_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time (), cpu = thread_cpu_us ();
  gint64 gap = now - probe_last, gap_cpu = cpu - probe_last_cpu;

  probe_worst = MAX (probe_worst, gap);
  probe_worst_cpu = MAX (probe_worst_cpu, gap_cpu);
  probe_over_50 += gap > 50000;
  probe_over_50_cpu += gap_cpu > 50000;
  if (trace_stalls && gap_cpu > 30000)
    g_printerr ("stall %.1f ms CPU, %.1f ms wall: monotonic %.6f to %.6f s\n", gap_cpu / 1000.0, gap / 1000.0,
                probe_last / 1e6, now / 1e6);
  probe_last = now;
  probe_last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

/* Where a stall goes: the frame clock's layout and paint phases, and
 * what a scroll does before the next frame (rebinding rows), in CPU. */
static gint64 frame_start_cpu, layout_end_cpu;
static gint64 worst_layout_cpu, worst_paint_cpu, worst_scroll_call_cpu;

static void
before_paint_cb (GdkFrameClock *clock, gpointer data)
{
  /* A frame without a layout phase paints from its start. */
  frame_start_cpu = layout_end_cpu = thread_cpu_us ();
}

static void
layout_cb (GdkFrameClock *clock, gpointer data)
{
  layout_end_cpu = thread_cpu_us ();
  worst_layout_cpu = MAX (worst_layout_cpu, layout_end_cpu - frame_start_cpu);
}

static void
after_paint_phase_cb (GdkFrameClock *clock, gpointer data)
{
  worst_paint_cpu = MAX (worst_paint_cpu, thread_cpu_us () - layout_end_cpu);
}

static void
scroll_to (GtkAdjustment *vadj, double value)
{
  gint64 cpu = thread_cpu_us ();

  gtk_adjustment_set_value (vadj, value);
  worst_scroll_call_cpu = MAX (worst_scroll_call_cpu, thread_cpu_us () - cpu);
}

static void
probe_reset (void)
{
  probe_last = g_get_monotonic_time ();
  probe_last_cpu = thread_cpu_us ();
  probe_worst = probe_worst_cpu = 0;
  probe_over_50 = probe_over_50_cpu = 0;
  worst_layout_cpu = worst_paint_cpu = worst_scroll_call_cpu = 0;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
spin_until (gboolean (*cond) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

static long
status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, key)))
    return -1;
  return strtol (line + strlen (key), NULL, 10);
}

/* What one phase measured: the longest stall in wall and in CPU time,
 * how many went over 50 ms, and where the CPU went (ms). */
typedef struct {
  double wall, cpu, scroll_call, layout, paint;
  guint  over, over_cpu;
} Stall;

static void
stall_take (Stall *s)
{
  s->wall = probe_worst / 1000.0;
  s->cpu = probe_worst_cpu / 1000.0;
  s->over = probe_over_50;
  s->over_cpu = probe_over_50_cpu;
  s->scroll_call = worst_scroll_call_cpu / 1000.0;
  s->layout = worst_layout_cpu / 1000.0;
  s->paint = worst_paint_cpu / 1000.0;
}

static void
stall_print (const Stall *s)
{
  printf ("worst main-loop stall %.1f ms CPU (%u > 50 ms; goal: none), %.1f ms wall (%u > 50 ms)\n"
          "                       worst parts, CPU: scrolling call %.1f ms, frame layout %.1f ms, paint %.1f ms\n",
          s->cpu, s->over_cpu, s->wall, s->over, s->scroll_call, s->layout, s->paint);
}

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
}

static gboolean
is_true (gpointer p)
{
  return *(gboolean *) p;
}

static gboolean
list_ready (gpointer list)
{
  return !clip_article_list_is_loading (list) && g_list_model_get_n_items (list) > 0;
}

static gboolean
has_rows (gpointer list)
{
  return g_list_model_get_n_items (list) > 0;
}

static gboolean
list_loading (gpointer list)
{
  return clip_article_list_is_loading (list);
}

static gboolean
list_settled (gpointer list)
{
  return !clip_article_list_is_loading (list);
}

static GtkWidget *
window_child (ClipWindow *window, const char *name)
{
  return (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), CLIP_TYPE_WINDOW, name);
}

/* Rows a search brought (not the ones it replaces) have arrived. */
static gboolean rows_arrived;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, gpointer data)
{
  rows_arrived |= added > 0;
}

static gboolean
list_has_new_rows (gpointer list)
{
  return rows_arrived || !clip_article_list_is_loading (list);
}

/* All Articles is in time order (DESIGN.md): its first rows' times never
 * rise. */
static gboolean
first_rows_in_time_order (ClipArticleList *list)
{
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), 200);
  gint64 last = G_MAXINT64;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClipArticleItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 t = clip_article_item_get_time (item);

      if (t > last)
        return FALSE;
      last = t;
    }
  return n > 0;
}

/* 2. Scrolling: to the end, back up a page at a time, to the middle. */
static void
bench_scroll (ClipArticleTable *table,
              Stall            *stall)
{
  GtkWidget *scroller = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (table), CLIP_TYPE_ARTICLE_TABLE,
                                                                      "scroller");
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  spin (300);
  probe_reset ();
  scroll_to (vadj, gtk_adjustment_get_upper (vadj));
  spin (300);
  for (int i = 0; i < 100; i++)
    {
      scroll_to (vadj, gtk_adjustment_get_value (vadj) - gtk_adjustment_get_page_size (vadj));
      spin (16);
    }
  scroll_to (vadj, gtk_adjustment_get_upper (vadj) / 2);
  spin (300);
  stall_take (stall);
}

/* 3. Searching as one types: the debounced, threaded search. Returns
 * the time from the search's start to its first rows and to its last (ms). */
static void
bench_search (ClipWindow      *window,
              ClipArticleList *list,
              Stall           *stall,
              double          *first_ms,
              double          *all_ms)
{
  GtkWidget *bar = window_child (window, "search_bar");
  GtkWidget *entry = window_child (window, "search_entry");
  gint64 t;

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), TRUE);
  spin (100);
  probe_reset ();
  t = g_get_monotonic_time ();
  /* Typed a few letters at a time. */
  for (guint len = 3; len <= strlen (search); len += 3)
    {
      g_autofree char *prefix = g_strndup (search, len);
      gtk_editable_set_text (GTK_EDITABLE (entry), prefix);
      spin (60);
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  /* The entry and the window each wait for typing to pause; the list
   * keeps the rows it had until the search's first ones arrive. */
  spin_until (list_loading, list, 5000);
  t = g_get_monotonic_time ();
  rows_arrived = FALSE;
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), NULL);
  spin_until (list_has_new_rows, list, 120000);
  *first_ms = ms_since (t);
  spin_until (list_settled, list, 120000);
  *all_ms = ms_since (t);
  spin (100);
  stall_take (stall);
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  ClipWindow *window;
  ClipArticleTable *table;
  ClipArticleList *list;
  GdkFrameClock *clock;
  double init_ms, window_ms, shown_ms, rows_ms, rows_cpu_ms, loaded_ms, first_ms = 0, search_ms = 0, load;
  Stall scroll = { 0 }, searching = { 0 };
  guint n;
  long rss_kb, hwm_kb;

  t_start = g_get_monotonic_time ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || data_dir == NULL)
    {
      g_printerr ("bench-ui: %s\n", error ? error->message : "--data-dir is required");
      return 2;
    }
  g_setenv ("CLIPPINGS_DATA_DIR", data_dir, TRUE);
  if (!gtk_init_check ())
    {
      g_printerr ("bench-ui: no display (run under xvfb-run)\n");
      return 77;
    }
  adw_init ();
  /* The style an AdwApplication would load (unread in bold, chips). */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/clippings/Clippings/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  init_ms = ms_since (t_start);

  /* 1. Launch: the first frame, then the first rows. */
  window = clip_window_new (NULL);
  window_ms = ms_since (t_start);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  spin_until (is_true, &painted, 30000);
  shown_ms = ms_since (t_start);
  table = CLIP_ARTICLE_TABLE (window_child (window, "table"));
  list = clip_article_table_get_model (table);
  /* The first rows show once the view's start has come; the list has
   * loaded once it has every id (and has shown them). */
  spin_until (has_rows, list, 60000);
  rows_ms = ms_since (t_start);
  rows_cpu_ms = process_cpu_ms ();
  spin_until (list_ready, list, 60000);
  loaded_ms = ms_since (t_start);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  probe_reset ();
  g_timeout_add_full (G_PRIORITY_HIGH, 2, probe_cb, NULL, NULL);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_phase_cb), NULL);
  bench_scroll (table, &scroll);
  if (!no_search)
    bench_search (window, list, &searching, &first_ms, &search_ms);
  rss_kb = status_kb ("VmRSS:");
  hwm_kb = status_kb ("VmHWM:");

  printf ("bench-ui: %u articles in %s\n", n, data_dir);
  printf ("  first frame          %8.1f ms after start (goal < 1000): GTK ready at %.1f, window built at %.1f\n",
          shown_ms, init_ms, window_ms);
  printf ("  first rows           %8.1f ms after start (goal < 1000), %.1f ms of CPU (all threads), %s;\n"
          "                       every id at %.1f ms\n", rows_ms, rows_cpu_ms,
          first_rows_in_time_order (list) ? "newest first by time" : "NOT in time order", loaded_ms);
  if (getloadavg (&load, 1) != 1)
    load = -1;
  printf ("  machine load average %.1f on %u CPUs\n", load, g_get_num_processors ());
  printf ("  scrolling            ");
  stall_print (&scroll);
  if (!no_search)
    {
      printf ("  search \"%s\": %u results, first rows in %.1f ms, all in %.1f ms\n"
              "                       ", search, g_list_model_get_n_items (G_LIST_MODEL (list)),
              first_ms, search_ms);
      stall_print (&searching);
    }
  printf ("  memory               RSS %.1f MB, peak %.1f MB (goal < 250)\n",
          rss_kb / 1024.0, hwm_kb / 1024.0);

  if (!no_peer && !no_search)
    {
      /* The peer: the same rows read eagerly into a GListStore, the way a
       * list model that is not lazy would have them, on the main thread. */
      g_autoptr(ClipStore) store = clip_store_open_data_dir (data_dir, CLIP_STORE_OPEN_READ_ONLY, &error);
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GListStore) eager = g_list_store_new (CLIP_TYPE_ARTICLE_ITEM);
      gint64 t = g_get_monotonic_time ();
      long before = status_kb ("VmRSS:");
      double peer_ms;
      long peer_kb;

      if (store == NULL || !(ids = clip_store_list_article_ids (store, NULL, CLIP_SORT_NEWEST, FALSE,
                                                                NULL, &error)))
        {
          g_printerr ("bench-ui: %s\n", error->message);
          return 1;
        }
      for (guint i = 0; i < ids->len; i += 4096)
        {
          guint chunk = MIN (4096, ids->len - i);
          g_autoptr(GPtrArray) rows = clip_store_get_article_rows (store, &g_array_index (ids, gint64, i),
                                                                   chunk, NULL);

          for (guint j = 0; rows && j < rows->len; j++)
            {
              ClipArticleRow *row = g_ptr_array_index (rows, j);
              g_autoptr(ClipArticleItem) item = clip_article_item_new (row->id, row);

              g_list_store_append (eager, item);
            }
        }
      peer_ms = ms_since (t);
      peer_kb = status_kb ("VmRSS:") - before;
      printf ("  peer (eager GListStore of the same %u rows): %.1f ms blocking, +%.1f MB\n",
              g_list_model_get_n_items (G_LIST_MODEL (eager)), peer_ms, peer_kb / 1024.0);
      /* The lazy list's own memory is its ids, 8 bytes an article, and
       * the pages it has read. */
      printf ("  ratios: first rows %.1fx sooner than the peer's list, longest stall %.0fx shorter, "
              "list memory %.0fx less (%.1f MB of ids)\n",
              peer_ms / MAX (rows_ms, 1), peer_ms / MAX (MAX (scroll.wall, searching.wall), 1),
              peer_kb / MAX (n * 8.0 / 1024, 1), n * 8.0 / 1048576);
    }
  if (hold_s > 0)
    {
      fflush (stdout);
      spin ((guint) hold_s * 1000);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
