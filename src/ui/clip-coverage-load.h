/* clip-coverage-load.h — what the Coverage view shows, read in a thread:
 * counting every article of a million takes about a second, which the
 * window must not wait for (see clip-article-list.c, which reads its ids
 * the same way)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-coverage-view.h"

G_BEGIN_DECLS

/* What is counted: everything, a rule (id), an outlet group (name) or a
 * story (id, title). */
typedef struct {
  ClipCoverageScope kind;
  gint64            id;
  char             *name;
} ClipCoverageScopeItem;

void clip_coverage_scope_item_clear (gpointer item);

typedef struct {
  GArray    *scopes;     /* ClipCoverageScopeItem: every rule and outlet
                          * group, and the story asked for; NULL: not asked */
  guint      selected;   /* the scope counted, in scopes */
  GPtrArray *buckets;    /* ClipCoverageBucket*, in time order */
  gboolean  *spikes;     /* the alert policy's, one a bucket */
  double     query_ms;   /* counting and spikes */
} ClipCoverageLoad;

void              clip_coverage_load_free   (ClipCoverageLoad            *load);

/* Counts scope per day (width 86400) or hour (3600), in local days, in a
 * thread with a reader of its own. With scopes, reads the scopes offered
 * first and counts the one among them that is scope (else the first). */
void              clip_coverage_load_async  (const char                  *path,
                                             gboolean                     scopes,
                                             const ClipCoverageScopeItem *scope,
                                             gint64                       width,
                                             GCancellable                *cancellable,
                                             GAsyncReadyCallback          callback,
                                             gpointer                     user_data);
ClipCoverageLoad *clip_coverage_load_finish (GAsyncResult                *result,
                                             GError                     **error);

/* A bar's articles (ClipArticleRow*), newest first, at most limit. */
void              clip_coverage_load_bar_async  (const char                  *path,
                                                 const ClipCoverageScopeItem *scope,
                                                 gint64                       start,
                                                 gint64                       width,
                                                 guint                        limit,
                                                 GCancellable                *cancellable,
                                                 GAsyncReadyCallback          callback,
                                                 gpointer                     user_data);
GPtrArray        *clip_coverage_load_bar_finish (GAsyncResult                *result,
                                                 GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipCoverageLoad, clip_coverage_load_free)

G_END_DECLS
