/* bench-views.c — the Stories and Coverage views in the main window over
 * a large archive: how long the main loop is blocked from the sidebar's
 * Stories (Coverage) until the view is filled, and how long filling takes.
 *
 *   bench-views --data-dir DIR [--rounds N]
 *
 * DIR holds archive.db, grouped into stories: bench-stories --articles
 * 1000000 --new 0 --archive DIR/archive.db makes one. Run under Xvfb:
 *   xvfb-run -a env GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=build/data \
 *     GSK_RENDERER=cairo build/bench/bench-views --data-dir /tmp/1m
 *
 * Uses only what the views had before they read in threads (their
 * stories and buckets), so that the same file times the older code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "clip-coverage-view.h"
#include "clip-stories-view.h"
#include "clip-window.h"

static char *data_dir;
static int rounds = 3;

static const GOptionEntry entries[] = {
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Folder of the archive", "DIR" },
  { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Times each view is shown", "N" },
  { NULL }
};

/* The main loop's longest stall: a 2 ms timer that notes how late it
 * runs, in wall time and in the main thread's CPU time. */
static gint64 probe_last, probe_last_cpu, probe_worst, probe_worst_cpu;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
probe_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time (), cpu = thread_cpu_us ();

  probe_worst = MAX (probe_worst, now - probe_last);
  probe_worst_cpu = MAX (probe_worst_cpu, cpu - probe_last_cpu);
  probe_last = now;
  probe_last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
probe_reset (void)
{
  probe_last = g_get_monotonic_time ();
  probe_last_cpu = thread_cpu_us ();
  probe_worst = probe_worst_cpu = 0;
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

typedef struct {
  GtkWidget *view;
  gpointer   before;   /* what the view showed before: filled is new */
} Fill;

static gpointer
shown (GtkWidget *view)
{
  if (CLIP_IS_STORIES_VIEW (view))
    return clip_stories_view_get_stories (CLIP_STORIES_VIEW (view));
  return clip_coverage_view_get_buckets (CLIP_COVERAGE_VIEW (view), NULL);
}

static gboolean
filled (gpointer data)
{
  Fill *f = data;
  gpointer now = shown (f->view);

  return now != NULL && now != f->before;
}

static gboolean
window_has_rows (gpointer window)
{
  GtkWidget *table = (GtkWidget *) gtk_widget_get_template_child (window, CLIP_TYPE_WINDOW, "table");

  return table != NULL && gtk_widget_get_mapped (table);
}

/* Shows a view from the sidebar's action: the longest stall until it is
 * filled and a moment after, and the time to filled (ms). */
static void
time_view (ClipWindow *window, GtkStack *stack, const char *action, const char *page)
{
  Fill f = { gtk_stack_get_child_by_name (stack, page), NULL };
  gint64 t;
  double fill_ms;

  gtk_stack_set_visible_child_name (stack, "archive");
  spin (300);
  f.before = shown (f.view);
  probe_reset ();
  t = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  if (!spin_until (filled, &f, 120000))
    g_printerr ("bench-views: %s was not filled in 120 s\n", page);
  fill_ms = (g_get_monotonic_time () - t) / 1000.0;
  spin (200);
  printf ("  %-9s filled in %7.1f ms; worst main-loop stall %7.1f ms CPU, %7.1f ms wall\n",
          page, fill_ms, probe_worst_cpu / 1000.0, probe_worst / 1000.0);
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  ClipWindow *window;
  GtkStack *stack;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || data_dir == NULL)
    {
      g_printerr ("bench-views: %s\n", error ? error->message : "--data-dir is required");
      return 2;
    }
  g_setenv ("CLIPPINGS_DATA_DIR", data_dir, TRUE);
  if (!gtk_init_check ())
    {
      g_printerr ("bench-views: no display (run under xvfb-run)\n");
      return 77;
    }
  adw_init ();
  window = clip_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (window_has_rows, window, 60000);
  /* The article list's own loading is over before the views are timed. */
  spin (3000);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), CLIP_TYPE_WINDOW, "main_stack"));
  g_timeout_add_full (G_PRIORITY_HIGH, 2, probe_cb, NULL, NULL);
  printf ("Stories and Coverage views over %s:\n", data_dir);
  for (int r = 0; r < rounds; r++)
    {
      time_view (window, stack, "win.show-stories", "stories");
      time_view (window, stack, "win.show-coverage", "coverage");
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
