/* clip-rule-fts.h — a rule as an FTS5 query over articles_fts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-rule-parser.h"

G_BEGIN_DECLS

/* An FTS5 MATCH expression for articles_fts(title, body, author) that
 * every article the (resolved) tree matches satisfies: a superset, for the
 * matcher to confirm. NULL when nothing in the index can narrow the rule
 * (lang:ka): every article is a candidate. *exact (may be NULL) is set
 * when the expression matches exactly what the rule does. */
char *clip_rule_to_fts (const ClipRuleNode *tree,
                        gboolean           *exact);

G_END_DECLS
