/* clip-rule-preview.h — what a rule being written matches, off the main
 * thread on a read-only connection (changes go through commands)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-rules-store.h"

G_BEGIN_DECLS

/* How many of the newest matching articles a preview brings. */
#define CLIP_RULE_PREVIEW_NEWEST 5

typedef struct {
  guint64    count;      /* archived articles the query matches */
  GPtrArray *newest;     /* ClipArticle*, newest first by time */
} ClipRulePreview;

void             clip_rule_preview_free    (ClipRulePreview     *preview);

/* Searches the archive at archive_path with query (clip_rule_search_newest()). */
void             clip_rule_preview_async   (const char          *archive_path,
                                            const char          *query,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
ClipRulePreview *clip_rule_preview_finish  (GAsyncResult        *result,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipRulePreview, clip_rule_preview_free)

G_END_DECLS
