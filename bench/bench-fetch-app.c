/* bench-fetch-app.c — bench-fetch-ui's refresh in the real application:
 * its main loop, frames, CPU by thread and memory while the window takes
 * the service's news (see bench-fetch.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "bench-fetch.h"
#include "clip-application.h"
#include "clip-service.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What the process spent, by thread, at one moment: the window's share
 * of a refresh is the difference between its start and its end. */
typedef struct {
  double      cpu;          /* all threads, ended ones too */
  GHashTable *by_thread;    /* name → CPU seconds (double*), live threads */
  gsize       rss;          /* now, not the peak */
  gsize       anon, file, shmem;   /* its parts: heap and stacks, mapped files, shared */
  guint       frames;
} Sample;

struct _ClipBenchAppRun {
  GApplication   *app;
  ClipBenchWatch *w;
  gint64        start;
  double        seconds;
  guint         frames;
  gint64        frame_start, layout_end, paint_end;   /* main-thread CPU */
  gint64        longest_frame, longest_layout, longest_paint;
  Sample        at_start;
  Sample        at_end;
  const char   *renderer;   /* GSK's, e.g. GskGLRenderer or GskCairoRenderer */
};

/* A thread's kind: llvmpipe-0 and llvmpipe-1 are "llvmpipe" (Mesa drawing
 * the window in software, as under Xvfb); the main thread is the window's,
 * and the unnamed one the service's (its name is too long for Linux). */
static const char *
thread_kind (const char *tid,
             const char *comm,
             const char *process_comm)
{
  if (atoi (tid) == getpid ())
    return "main";
  if (g_str_has_prefix (comm, "llvmpipe"))
    return "llvmpipe";
  if (g_str_has_prefix (comm, "pool"))
    return "workers";
  if (g_str_equal (comm, "server"))
    return "server";
  if (g_str_equal (comm, process_comm))
    return "service";
  return "other";
}

static GHashTable *
thread_cpu (void)
{
  GHashTable *by = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  double tick = sysconf (_SC_CLK_TCK);
  g_autofree char *process_comm = NULL;
  const char *tid;

  if (g_file_get_contents ("/proc/self/comm", &process_comm, NULL, NULL))
    g_strchomp (process_comm);

  while (dir != NULL && (tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/proc/self/task/%s/stat", tid);
      g_autofree char *stat = NULL;
      g_auto(GStrv) fields = NULL;
      char *open, *close;
      const char *kind;
      double *sum;

      /* pid (comm) state ppid …: utime and stime are the 14th and 15th. */
      if (!g_file_get_contents (path, &stat, NULL, NULL) ||
          !(open = strchr (stat, '(')) || !(close = strrchr (stat, ')')))
        continue;
      *close = '\0';
      fields = g_strsplit (close + 2, " ", 14);
      if (g_strv_length (fields) < 14)
        continue;
      kind = thread_kind (tid, open + 1, process_comm ? process_comm : "");
      if (!(sum = g_hash_table_lookup (by, kind)))
        g_hash_table_insert (by, (gpointer) kind, (sum = g_new0 (double, 1)));
      *sum += (g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10)) / tick;
    }
  return by;
}

/* One of /proc/self/status's sizes ("VmRSS", "RssAnon", "RssFile",
 * "RssShmem"), in bytes. */
static gsize
status_size (const char *name)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", name, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, key)))
    return 0;
  return g_ascii_strtoull (line + strlen (key), NULL, 10) * 1024;
}

static void
sample_take (Sample *s,
             guint   frames)
{
  g_clear_pointer (&s->by_thread, g_hash_table_unref);
  s->cpu = clip_bench_cpu_seconds ();
  s->by_thread = thread_cpu ();
  s->rss = status_size ("VmRSS");
  s->anon = status_size ("RssAnon");
  s->file = status_size ("RssFile");
  s->shmem = status_size ("RssShmem");
  s->frames = frames;
}

static double
sample_thread (const Sample *s,
               const char   *kind)
{
  double *v = s->by_thread ? g_hash_table_lookup (s->by_thread, kind) : NULL;

  return v ? *v : 0;
}

/* From the refresh's start to the window's last reload after it. */
void
clip_bench_app_run_print (const ClipBenchAppRun *run,
                          gsize                  peak)
{
  const Sample *a = &run->at_start, *b = &run->at_end;
  static const char *kinds[] = { "main", "llvmpipe", "service", "workers", "server" };
  double live = 0;

  printf ("refresh:     %.2f s CPU (all threads) from the click to the last reload;",
          b->cpu - a->cpu);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      double d = sample_thread (b, kinds[i]) - sample_thread (a, kinds[i]);

      live += d;
      printf (" %s %.2f", kinds[i], d);
    }
  printf (", ended threads %.2f\n", MAX (0, b->cpu - a->cpu - live));
  printf ("frames:      %u drawn during the refresh; the longest %.1f ms main-thread CPU "
          "(layout %.1f, paint %.1f: drawing on another thread is not in it)\n",
          b->frames - a->frames, run->longest_frame / 1000.0, run->longest_layout / 1000.0,
          run->longest_paint / 1000.0);
  printf ("RSS:         %.1f MiB at the click (window up), %.1f MiB at the end, peak %.1f MiB "
          "(drawn by %s)\n", a->rss / 1048576.0, b->rss / 1048576.0, peak / 1048576.0,
          run->renderer ? run->renderer : "?");
  printf ("             of which anonymous (heap, stacks, the renderer's buffers) %.1f → %.1f MiB, "
          "mapped files (libraries, fonts, icons) %.1f → %.1f, shared memory %.1f → %.1f\n",
          a->anon / 1048576.0, b->anon / 1048576.0, a->file / 1048576.0, b->file / 1048576.0,
          a->shmem / 1048576.0, b->shmem / 1048576.0);
}

static gboolean
quit_cb (gpointer data)
{
  ClipBenchAppRun *run = data;

  sample_take (&run->at_end, run->frames);
  g_application_quit (run->app);
  return G_SOURCE_REMOVE;
}

/* A frame's phases end when the frame clock's signals return to us
 * (GTK's own handlers come first): the longest frame and where it went. */
static void
before_paint_cb (GdkFrameClock   *clock,
                 ClipBenchAppRun *run)
{
  run->frame_start = run->layout_end = run->paint_end = clip_bench_thread_cpu_usec ();
}

static void
layout_cb (GdkFrameClock   *clock,
           ClipBenchAppRun *run)
{
  run->layout_end = clip_bench_thread_cpu_usec ();
}

static void
paint_cb (GdkFrameClock   *clock,
          ClipBenchAppRun *run)
{
  run->paint_end = clip_bench_thread_cpu_usec ();
}

static void
after_paint_cb (GdkFrameClock   *clock,
                ClipBenchAppRun *run)
{
  gint64 now = clip_bench_thread_cpu_usec ();

  run->frames++;
  if (run->frame_start != 0 && now - run->frame_start > run->longest_frame)
    {
      run->longest_frame = now - run->frame_start;
      run->longest_layout = run->layout_end - run->frame_start;
      run->longest_paint = run->paint_end - run->layout_end;
    }
  if (g_getenv ("CLIP_BENCH_FRAMES"))
    g_printerr ("frame %u: %.1f ms CPU (layout %.1f, paint %.1f) %.2f s into the run\n",
                run->frames, (now - run->frame_start) / 1000.0,
                (run->layout_end - run->frame_start) / 1000.0,
                (run->paint_end - run->layout_end) / 1000.0,
                (g_get_monotonic_time () - run->start) / (double) G_USEC_PER_SEC);
}

static void
app_finished_cb (ClipService *service, GPtrArray *results, ClipBenchAppRun *run)
{
  run->seconds = (g_get_monotonic_time () - run->start) / (double) G_USEC_PER_SEC;
  run->w->results = g_ptr_array_ref (results);
  g_printerr ("refresh finished %.2f s into the run\n", run->seconds);
  /* The window reloads 400 ms after the last news: sample that too. */
  g_timeout_add (1000, quit_cb, run);
}

/* The window is up and has drawn: refresh as the analyst would. */
static gboolean
start_refresh_cb (gpointer data)
{
  ClipBenchAppRun *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));
  GdkFrameClock *clock;

  run->w->interval_ms = 2;
  g_timeout_add (run->w->interval_ms, clip_bench_tick_cb, run->w);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), run);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), run);
  g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), run);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), run);
  run->renderer = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  sample_take (&run->at_start, run->frames);
  run->start = run->w->start = g_get_monotonic_time ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "refresh", NULL);
  return G_SOURCE_REMOVE;
}

static void
app_activate_cb (GApplication *app, ClipBenchAppRun *run)
{
  ClipService *service = clip_application_get_service (CLIP_APPLICATION (app));

  if (service == NULL)
    g_error ("The service did not start: %s",
             clip_application_get_service_error (CLIP_APPLICATION (app)));
  clip_service_set_scheduled (service, FALSE);
  g_signal_connect (service, "refresh-finished", G_CALLBACK (app_finished_cb), run);
  g_timeout_add (1000, start_refresh_cb, run);
}

/* The refresh in the application, started from its window. */
double
clip_bench_app_run (const char       *dir,
                    ClipBenchWatch   *w,
                    ClipBenchAppRun **out)
{
  g_autoptr(ClipApplication) app = NULL;
  ClipBenchAppRun *run = g_new0 (ClipBenchAppRun, 1);

  run->w = w;
  /* Never the analyst's archive. */
  g_setenv ("CLIPPINGS_DATA_DIR", dir, TRUE);
  app = clip_application_new ();
  run->app = G_APPLICATION (app);
  g_application_set_flags (run->app, G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (app_activate_cb), run);
  if (g_application_run (run->app, 0, NULL) != 0 || w->results == NULL)
    g_error ("The application did not run the refresh");
  *out = run;
  return run->seconds;
}

void
clip_bench_app_run_free (ClipBenchAppRun *run)
{
  g_clear_pointer (&run->at_start.by_thread, g_hash_table_unref);
  g_clear_pointer (&run->at_end.by_thread, g_hash_table_unref);
  g_free (run);
}
