/* clip-progress.h — how a long job (a backfill, an import, an export)
 * reports its progress, the one way for every job: done of total,
 * reported from any thread, delivered on the main context of the caller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* done of total; total 0 while it is not known yet. */
typedef void (*ClipProgressFunc) (guint64  done,
                                  guint64  total,
                                  gpointer user_data);

typedef struct _ClipProgress ClipProgress;

/* Reports reach func on the main context that is thread-default where
 * this is called, newest first: reports made faster than that context
 * runs are merged into the latest. None arrives once cancellable is
 * cancelled, nor after clip_progress_close(). destroy frees user_data
 * when the last reference goes. */
ClipProgress *clip_progress_new    (ClipProgressFunc  func,
                                    gpointer          user_data,
                                    GDestroyNotify    destroy,
                                    GCancellable     *cancellable);
ClipProgress *clip_progress_ref    (ClipProgress     *progress);
void          clip_progress_unref  (ClipProgress     *progress);
/* Nothing more is delivered, even what is already queued (the caller's
 * job finished, or its receiver went). */
void          clip_progress_close  (ClipProgress     *progress);

/* A ClipProgressFunc: pass it with the ClipProgress as user_data to code
 * that runs on another thread. NULL progress reports nowhere. */
void          clip_progress_report (guint64           done,
                                    guint64           total,
                                    gpointer          progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipProgress, clip_progress_unref)

G_END_DECLS
