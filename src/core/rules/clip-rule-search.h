/* clip-rule-search.h — searching the archive with the rule language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-store.h"

G_BEGIN_DECLS

/* Ids (gint64) of articles matching a rule-language query, newest first,
 * below before_id (0 = from the newest), at most limit (0 = all). The
 * index finds candidates, the matcher confirms them. Errors in the query
 * are CLIP_RULE_ERROR, with the column in the message. */
GArray *clip_rule_search (ClipStore     *store,
                          const char    *query,
                          gint64         before_id,
                          guint          limit,
                          GCancellable  *cancellable,
                          GError       **error);

/* The candidates alone: what the index returns for the query (a superset
 * of clip_rule_search()'s answer), newest first. For tests. */
GArray *clip_rule_candidates (ClipStore     *store,
                              const char    *query,
                              GError       **error);

G_END_DECLS
