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
/* [{"field":"title","start":0,"end":7},...] */
char        *clip_rule_spans_to_json   (const ClipRuleSpan *spans,
                                        guint           n_spans);
typedef enum {
  CLIP_RULE_APPLY_DEFAULT = 0,
  CLIP_RULE_APPLY_ALERTS  = 1 << 0,  /* each new match raises an alert */
} ClipRuleApplyFlags;

/* Matches articles against set and writes their matches: rows of rules of
 * the set that match no more are removed, others kept or added. Inside the
 * caller's transaction when there is one. */
gboolean     clip_rule_apply           (ClipStore      *store,
                                        ClipRuleSet    *set,
                                        const GArray   *article_ids,
                                        ClipRuleApplyFlags flags,
                                        GError        **error);

G_END_DECLS
