/* clip-rule-backfill.h — applying a new or edited rule to the archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-store.h"

G_BEGIN_DECLS

/* done of total candidates checked so far. */
typedef void (*ClipRuleProgressFunc) (guint64  done,
                                      guint64  total,
                                      gpointer user_data);

/* Recomputes the matches of rule rule_id over the whole archive: its old
 * matches go, the articles it matches now get theirs (with spans). The
 * index finds candidates; the matcher confirms them on up to two worker
 * threads, each reading on a read-only connection of its own (on this
 * thread instead when the caller holds a transaction, whose rows other
 * connections cannot see); the matches are written on this thread, with
 * store, 20,000 per transaction. Archived articles raise no alerts: those
 * are for news. *n_matched: the matches written. */
gboolean clip_rule_backfill        (ClipStore             *store,
                                    gint64                 rule_id,
                                    ClipRuleProgressFunc   progress,
                                    gpointer               progress_data,
                                    guint64               *n_matched,
                                    GCancellable          *cancellable,
                                    GError               **error);

/* The same in a worker thread with its own connection to store's archive;
 * progress is called on the caller's thread-default main context. */
void     clip_rule_backfill_async  (ClipStore             *store,
                                    gint64                 rule_id,
                                    ClipRuleProgressFunc   progress,
                                    gpointer               progress_data,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data);
/* Returns the number of articles the rule matches. */
gboolean clip_rule_backfill_finish (ClipStore             *store,
                                    GAsyncResult          *result,
                                    guint64               *n_matched,
                                    GError               **error);

G_END_DECLS
