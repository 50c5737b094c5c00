/* clip-test-faults.h — I/O faults as SQLite's own tests make them: a VFS
 * over the default one that fails the Nth write or sync, and the checks an
 * archive must pass after any fault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "clip-store.h"

G_BEGIN_DECLS

typedef enum {
  CLIP_TEST_FAULT_WRITE = 1 << 0,   /* xWrite and xTruncate */
  CLIP_TEST_FAULT_SYNC  = 1 << 1,   /* xSync */
} ClipTestFaultOps;

/* Makes the fault VFS the process's default (once; only this process's
 * connections, opened after, go through it). It passes everything through
 * until armed. */
void     clip_test_faults_install   (void);
/* Every connection opened after this in the process keeps at most pages
 * pages in its cache (PRAGMA cache_size), so that a transaction writes
 * pages out before its commit, as one with real articles does. */
void     clip_test_faults_set_cache_pages (int pages);
/* From now on, the nth (1-based) operation of the kinds in ops fails with
 * rc (SQLITE_FULL, SQLITE_IOERR_WRITE, …; a sync's SQLITE_IOERR becomes
 * SQLITE_IOERR_FSYNC); persistent: that one and every later one. */
void     clip_test_faults_arm       (guint             n,
                                     ClipTestFaultOps  ops,
                                     int               rc,
                                     gboolean          persistent);
/* Stops failing; returns whether any operation failed since armed. */
gboolean clip_test_faults_disarm    (void);
/* Operations of the armed kinds seen since arming. */
guint    clip_test_faults_count     (void);

/* Fails the test unless the archive at path passes PRAGMA integrity_check
 * and its full-text index holds exactly the articles table's rows (checked
 * on a connection of its own). */
void     clip_test_faults_check_archive (const char *path);
/* One line per row of sql's result (columns joined by spaces), in order. */
char    *clip_test_faults_dump      (ClipStore  *store,
                                     const char *sql);

G_END_DECLS
