/* clip-rule-apply.h — rules against archived articles: reading an
 * article's fields for the matcher, writing matches and alerts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"
#include "clip-ruleset.h"

G_BEGIN_DECLS

/* A ClipRuleDoc with the strings it points to. */
typedef struct {
  ClipRuleDoc doc;
  char       *owned[CLIP_RULE_N_FIELDS];
} ClipRuleDocBuf;

void         clip_rule_doc_buf_clear   (ClipRuleDocBuf *buf);
/* Sets a field's text (copied). */
void         clip_rule_doc_buf_set     (ClipRuleDocBuf *buf,
                                        ClipRuleField   field,
                                        const char     *text);
/* The outlet field: the outlet's name and the hosts of its web addresses
 * (any may be NULL). */
void         clip_rule_doc_buf_set_outlet (ClipRuleDocBuf *buf,
                                           const char     *name,
                                           const char * const *urls);
/* Reads the fields (a ClipRuleField mask) of an archived article. */
gboolean     clip_rule_doc_load        (ClipStore      *store,
                                        gint64          article_id,
                                        guint           fields,
                                        ClipRuleDocBuf *buf,
                                        GError        **error);

/* The archive's enabled rules, compiled; a rule that no longer compiles
 * (its list was emptied) is left out with a warning. */
ClipRuleSet *clip_store_compile_rules  (ClipStore      *store,
                                        GError        **error);
/* The matches.spans column: [{"field":"title","start":0,"end":7},...],
 * field as clip_rule_field_name() names it, byte offsets into that field's
 * text (see ClipRuleSpan). */
char        *clip_rule_spans_to_json   (const ClipRuleSpan *spans,
                                        guint           n_spans);
/* The spans of json (as clip_rule_spans_to_json() writes them) that fit
 * doc, in their order: a ClipRuleSpan array, never NULL. Stored spans may
 * be old, edited or damaged, so each is checked and a bad one is skipped,
 * the others kept:
 *  - "field" must be a name clip_rule_field_name() gives, exactly. A span
 *    without one is skipped: every row of the column (schema 2 on) comes
 *    from clip_rule_spans_to_json(), which has always named the field, so
 *    such a span was not made by Clippings, and guessing "body" would
 *    paint a title's offsets over the body;
 *  - the field must have a text in doc (NULL: the caller does not show
 *    that field);
 *  - "start" and "end" must be integers with 0 <= start < end <= the
 *    text's length in bytes, both on UTF-8 character boundaries (a
 *    reversed, empty or out-of-range span is skipped, not clamped).
 * Other members are ignored. NULL, text that is not JSON and JSON that is
 * not an array give no spans. */
GArray      *clip_rule_spans_from_json (const char         *json,
                                        const ClipRuleDoc  *doc);
/* A rule matched an article it did not match before, at time when (what
 * the alerts module turns into an alert). */
typedef gboolean (*ClipRuleNewMatchFunc) (ClipStore  *store,
                                          gint64      rule_id,
                                          gint64      article_id,
                                          gint64      when,
                                          gpointer    user_data,
                                          GError    **error);

/* Matches articles against set and writes their matches: rows of rules of
 * the set that match no more are removed, others kept or added; each
 * match that is new goes to new_match (may be NULL). Inside the caller's
 * transaction when there is one. */
gboolean     clip_rule_apply           (ClipStore            *store,
                                        ClipRuleSet          *set,
                                        const GArray         *article_ids,
                                        ClipRuleNewMatchFunc  new_match,
                                        gpointer              user_data,
                                        GError              **error);

G_END_DECLS
