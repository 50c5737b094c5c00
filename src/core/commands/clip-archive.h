/* clip-archive.h — the archive as every front end and the fetch service
 * opens it: the store, with the default rules in a new archive and the
 * rules matched and the stories grouped inside every ingest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"

G_BEGIN_DECLS

/* Opens the store of data_dir (see clip_store_open_data_dir()). A new
 * archive gets the default rules and term lists (rules/default-rules.json
 * among the shipped data). A writable store matches every new or changed
 * article against the enabled rules in the ingest transaction: matches
 * rows, and an alert for each new match; and groups new articles into
 * stories (clip-stories.h) in the same transaction. */
ClipStore *clip_archive_open        (const char          *data_dir,
                                     ClipStoreOpenFlags   flags,
                                     GError             **error);
/* Adds the term lists and rules of a rules file (the format of
 * data/rules/default-rules.json), in one transaction. */
gboolean   clip_archive_load_rules  (ClipStore           *store,
                                     const char          *path,
                                     GError             **error);
/* Registers the ingest hooks on a store (clip_archive_open() does): the
 * rules, then stories (clip-stories.h). */
void       clip_archive_watch_ingest (ClipStore          *store);

G_END_DECLS
