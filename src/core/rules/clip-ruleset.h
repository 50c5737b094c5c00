/* clip-ruleset.h — rules compiled together, matched in one pass
 *
 * All rules of a set are indexed by the words they need: one pass over an
 * article's words finds which patterns occur, and only the rules whose
 * required words occurred are evaluated. A set is used from one thread at
 * a time (it keeps per-article scratch state and a word cache).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "clip-rule-parser.h"

G_BEGIN_DECLS

typedef struct _ClipRuleSet ClipRuleSet;

/* A place in an article that made a rule match: byte offsets into the
 * text of one field (for outlet and tag, into the '\n'-joined values). */
typedef struct {
  ClipRuleField field;
  guint         start;
  guint         end;
} ClipRuleSpan;

/* An article as the matcher sees it: one text per field (index i holds
 * field 1 << i), NULL when absent. The outlet field holds the outlet's
 * name and its web addresses' hosts, the tag field the tags, each value on
 * its own line: words never run from one value into the next. */
typedef struct {
  const char *text[CLIP_RULE_N_FIELDS];
} ClipRuleDoc;

/* Points doc's field at text (not copied). */
static inline void
clip_rule_doc_set (ClipRuleDoc   *doc,
                   ClipRuleField  field,
                   const char    *text)
{
  /* One field, not a mask: anything else would index outside text. */
  g_return_if_fail (field != 0 && (field & (field - 1)) == 0 &&
                    field < 1u << CLIP_RULE_N_FIELDS);
  doc->text[g_bit_nth_lsf (field, -1)] = text;
}

/* spans are sorted by field and start, without duplicates; valid during
 * the call. */
typedef void (*ClipRuleMatchFunc) (gint64              rule_id,
                                   const ClipRuleSpan *spans,
                                   guint               n_spans,
                                   gpointer            user_data);

ClipRuleSet *clip_rule_set_new        (void);
void         clip_rule_set_free       (ClipRuleSet        *set);
/* Adds a parsed and resolved rule (see clip_rule_compile_tree()). */
void         clip_rule_set_add        (ClipRuleSet        *set,
                                       gint64              rule_id,
                                       const ClipRuleNode *tree);
/* Parses, resolves against lists (may be NULL) and adds. */
gboolean     clip_rule_set_add_query  (ClipRuleSet        *set,
                                       gint64              rule_id,
                                       const char         *query,
                                       ClipTermLists      *lists,
                                       guint              *error_column,
                                       GError            **error);
guint        clip_rule_set_size       (ClipRuleSet        *set);
/* The id of the i-th rule added. */
gint64       clip_rule_set_get_id     (ClipRuleSet        *set,
                                       guint               i);
/* The fields some rule of the set looks at (ClipRuleField mask). */
guint        clip_rule_set_fields     (ClipRuleSet        *set);
/* Calls func for every rule that matches; returns how many did. */
guint        clip_rule_set_match      (ClipRuleSet        *set,
                                       const ClipRuleDoc  *doc,
                                       ClipRuleMatchFunc   func,
                                       gpointer            user_data);

/* A pattern word as typed ("Росси*", "wom?n") folded as the text module
 * folds words, wildcards kept. */
char        *clip_rule_fold_pattern   (const char         *word);
/* Whether folded (or cased) word matches a pattern with * and ?. */
gboolean     clip_rule_glob_match     (const char         *pattern,
                                       const char         *word);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipRuleSet, clip_rule_set_free)

G_END_DECLS
