/* clip-rules-store.h — rules and term lists in the archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"
#include "clip-rule-parser.h"

G_BEGIN_DECLS

typedef struct {
  gint64   id;
  char    *name;
  char    *query;
  gboolean enabled;
  char    *severity;   /* info | important | critical */
  char    *notify;     /* instant | hourly | daily | none */
  char    *color;      /* #rrggbb */
  gint64   created, modified;
  gint64   match_count;
} ClipRule;

ClipRule      *clip_rule_new                (void);
void           clip_rule_free               (ClipRule     *rule);
ClipRule      *clip_rule_copy               (const ClipRule *rule);

/* Rules, by name. */
GPtrArray     *clip_store_list_rules        (ClipStore    *store,
                                             GError      **error);   /* ClipRule* */
ClipRule      *clip_store_find_rule         (ClipStore    *store,
                                             const char   *name,
                                             GError      **error);
ClipRule      *clip_store_get_rule          (ClipStore    *store,
                                             gint64        id,
                                             GError      **error);
/* Checks the query against the archive's term lists (CLIP_RULE_ERROR with
 * the column), the name, severity, notify mode and colour (NULLs take the
 * defaults); returns the new id, 0 on error. Matching the archive is the
 * caller's next step: clip_rule_backfill(). */
gint64         clip_store_add_rule          (ClipStore    *store,
                                             const ClipRule *rule,
                                             GError      **error);
/* Saves rule (by id). When its query changed, its matches are removed in
 * the same transaction (*recompute set): run clip_rule_backfill() next;
 * also when it was enabled again. */
gboolean       clip_store_update_rule       (ClipStore    *store,
                                             const ClipRule *rule,
                                             gboolean     *recompute,
                                             GError      **error);
/* Removes the rule with its matches and alerts. */
gboolean       clip_store_remove_rule       (ClipStore    *store,
                                             gint64        id,
                                             GError      **error);
/* Whether query could be saved as a rule in this archive. */
gboolean       clip_store_check_query       (ClipStore    *store,
                                             const char   *query,
                                             guint        *error_column,
                                             GError      **error);

/* Term lists. */
ClipTermLists *clip_store_load_term_lists   (ClipStore    *store,
                                             GError      **error);
GStrv          clip_store_list_term_lists   (ClipStore    *store,
                                             GError      **error);
/* Appends entries to the list, creating it when needed. */
gboolean       clip_store_add_terms         (ClipStore    *store,
                                             const char   *name,
                                             const char * const *entries,
                                             GError      **error);
/* Replaces the list's entries (creating it when needed). */
gboolean       clip_store_set_term_list     (ClipStore    *store,
                                             const char   *name,
                                             const char * const *entries,
                                             GError      **error);
/* Refused while a rule uses the list. */
gboolean       clip_store_remove_term_list  (ClipStore    *store,
                                             const char   *name,
                                             GError      **error);
/* Ids (gint64) of the rules whose query uses list name. */
GArray        *clip_store_rules_using_list  (ClipStore    *store,
                                             const char   *name,
                                             GError      **error);

/* Grows with every change to rules or term lists, so a matcher can tell
 * when to compile again (also across connections). 0 before the first
 * change; -1 when it could not be read: then nothing kept is current. */
gint64         clip_store_rules_version     (ClipStore    *store);
/* The spans JSON of a match, or NULL when the rule did not match it. */
char          *clip_store_get_match_spans   (ClipStore    *store,
                                             gint64        rule_id,
                                             gint64        article_id,
                                             GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipRule, clip_rule_free)

G_END_DECLS
