/* clip-rule-search.h — searching the archive with the rule language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-store.h"

G_BEGIN_DECLS

/* Ids (gint64) of articles matching a rule-language query, newest first
 * by time (clip_article_time()), after article before_id in that order
 * (0 or G_MAXINT64 = from the newest; an article no longer stored is
 * CLIP_STORE_ERROR_NOT_FOUND), at most limit (0 = all). The index finds
 * candidates, the matcher confirms them, in time order: the newest 50
 * cost what 50 do, not what every match does. Errors in the query are
 * CLIP_RULE_ERROR, with the column in the message. */
GArray *clip_rule_search (ClipStore     *store,
                          const char    *query,
                          gint64         before_id,
                          guint          limit,
                          GCancellable  *cancellable,
                          GError       **error);

/* The same, a part at a time: for a list that shows the newest matches
 * while it reads the rest. want_all says the caller will read to the end
 * (faster in all, slower to the first). The search keeps a read
 * transaction on store until freed; use it from store's thread. */
typedef struct _ClipRuleSearch ClipRuleSearch;

ClipRuleSearch *clip_rule_search_start (ClipStore      *store,
                                        const char     *query,
                                        gint64          before_id,
                                        gboolean        want_all,
                                        GCancellable   *cancellable,
                                        GError        **error);
/* Up to limit (0 = all) more ids, newest first; an empty array once
 * every match was given; NULL on error. */
GArray         *clip_rule_search_more  (ClipRuleSearch *search,
                                        guint           limit,
                                        GCancellable   *cancellable,
                                        GError        **error);
void            clip_rule_search_free  (ClipRuleSearch *search);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipRuleSearch, clip_rule_search_free)

/* A rule being written, tried on the archive: how many articles it
 * matches (count) and the newest n of them (ClipArticle*), newest first
 * by time. */
GPtrArray      *clip_rule_search_newest (ClipStore      *store,
                                         const char     *query,
                                         guint           n,
                                         guint64        *count,
                                         GCancellable   *cancellable,
                                         GError        **error);

/* The candidates alone: what the index returns for the query (a superset
 * of clip_rule_search()'s answer), newest first by time. For tests. */
GArray *clip_rule_candidates (ClipStore     *store,
                              const char    *query,
                              GError       **error);

G_END_DECLS
