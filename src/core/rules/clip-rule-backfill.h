/* clip-rule-backfill.h — applying a new or edited rule to the archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-progress.h"
#include "clip-store.h"

G_BEGIN_DECLS

/* Recomputes the matches of rule rule_id over the whole archive: its old
 * matches go, the articles it matches now get theirs (with spans). The
 * index finds candidates; the matcher confirms them on up to two worker
 * threads, each reading on a read-only connection of its own (on this
 * thread instead when the caller holds a transaction, whose rows other
 * connections cannot see); the matches are written on this thread, with
 * store, 20,000 per transaction, the old ones removed in the first: a
 * backfill that fails before its first commit leaves them as they were.
 * Archived articles raise no alerts: those
 * are for news. The articles it matches whose page copy (evidence) is
 * not kept have their pages wanted, as a flag would (see
 * clip_store_want_evidence()), with the last of the matches. progress: done of total candidates checked so far (on
 * this thread). *n_matched: the matches written. Off the main thread, run
 * clip_command_rematch_rule() instead. */
gboolean clip_rule_backfill        (ClipStore             *store,
                                    gint64                 rule_id,
                                    ClipProgressFunc       progress,
                                    gpointer               progress_data,
                                    guint64               *n_matched,
                                    GCancellable          *cancellable,
                                    GError               **error);

G_END_DECLS
