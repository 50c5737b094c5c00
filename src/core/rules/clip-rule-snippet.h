/* clip-rule-snippet.h — where a search matched an article: its spans for
 * highlighting, and a snippet of the text around them for a result list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"
#include "clip-ruleset.h"

G_BEGIN_DECLS

/* A search query compiled once (with the archive's term lists, as
 * clip_rule_search() compiles it) for the spans of many articles. Used
 * by one thread at a time. */
typedef struct _ClipSearchMatcher ClipSearchMatcher;

/* Errors in the query are CLIP_RULE_ERROR, as clip_rule_search() gives. */
ClipSearchMatcher *clip_search_matcher_new     (ClipStore          *store,
                                                const char         *query,
                                                GError            **error);
void               clip_search_matcher_free    (ClipSearchMatcher  *matcher);
/* The places of the article the query matched (ClipRuleSpan, by field
 * then start; byte offsets into the field's text as the archive has it):
 * empty when it does not match; NULL on error (no such article). */
GArray            *clip_search_matcher_spans   (ClipSearchMatcher  *matcher,
                                                ClipStore          *store,
                                                gint64              article_id,
                                                GError            **error);
/* clip_rule_snippet() of the article's body with the query's spans in
 * it; NULL on error. */
char              *clip_search_matcher_snippet (ClipSearchMatcher  *matcher,
                                                ClipStore          *store,
                                                gint64              article_id,
                                                guint               max_chars,
                                                GArray             *marks,
                                                GError            **error);

/* About max_chars characters of text (an article's body) around the
 * first of spans in the body field, else from its start: cut at word
 * boundaries, a little context before the match, runs of white space as
 * one space, and "…" where text was left out. marks (ClipRuleSpan, may
 * be NULL) receives the body spans that fall in the snippet, as byte
 * offsets into it. Spans that do not fit text are ignored. */
char              *clip_rule_snippet           (const char         *text,
                                                const ClipRuleSpan *spans,
                                                guint               n_spans,
                                                guint               max_chars,
                                                GArray             *marks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipSearchMatcher, clip_search_matcher_free)

G_END_DECLS
