/* clip-bench-floor.h — parse + SQLite's own FTS5 insert, nothing else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint  articles;
  double seconds;   /* wall */
  double cpu;       /* this thread's */
} ClipBenchFloor;

/* Parses feeds (GBytes* of RSS) and inserts every article's title and text
 * into a bare FTS5 table of a new database in dir, in one transaction. The
 * database is removed afterwards. */
ClipBenchFloor clip_bench_floor_run (GPtrArray  *feeds,
                                     const char *dir);

G_END_DECLS
