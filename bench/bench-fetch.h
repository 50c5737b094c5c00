/* bench-fetch.h — what bench-fetch.c and bench-fetch-app.c share: the
 * main-loop watch, the process's CPU and memory, and the refresh in the
 * application (bench-fetch-ui only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  GPtrArray *results;
  guint      interval_ms;
  gint64     last_tick;
  gint64     last_cpu;
  gint64     max_gap;       /* wall */
  gint64     max_gap_cpu;   /* the main thread's CPU time in one gap */
  guint      over_50;       /* gaps of more than 50 ms CPU */
  gint64     start;         /* of the run, to say when each one was */
} ClipBenchWatch;

/* The calling thread's CPU time, in µs. */
gint64   clip_bench_thread_cpu_usec (void);
/* A tick of the main-loop watch (data: the ClipBenchWatch). */
gboolean clip_bench_tick_cb         (gpointer data);
double   clip_bench_cpu_seconds     (void);
gsize    clip_bench_peak_rss        (void);

typedef struct _ClipBenchAppRun ClipBenchAppRun;

/* The refresh in the application, started from its window with its data
 * in dir; returns its seconds, the window's figures in *out. */
double   clip_bench_app_run         (const char       *dir,
                                     ClipBenchWatch   *w,
                                     ClipBenchAppRun **out);
/* Where the CPU, the frames and the memory went during the refresh. */
void     clip_bench_app_run_print   (const ClipBenchAppRun *run,
                                     gsize                  peak);
void     clip_bench_app_run_free    (ClipBenchAppRun *run);

G_END_DECLS
