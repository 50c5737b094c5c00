/* clip-rule-parser.h — the rule language (shared/RULES.md): query → tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CLIP_RULE_ERROR (clip_rule_error_quark ())

/* Every message starts with "column N: ", N counted in characters from 1. */
typedef enum {
  CLIP_RULE_ERROR_EMPTY,          /* no words at all */
  CLIP_RULE_ERROR_UNBALANCED,     /* bracket, quote or brace */
  CLIP_RULE_ERROR_MISSING_OPERAND,/* an operator with nothing on one side */
  CLIP_RULE_ERROR_NEAR_OPERAND,   /* NEAR beside something it cannot take */
  CLIP_RULE_ERROR_DISTANCE,       /* NEAR/n with n not in 0..100 */
  CLIP_RULE_ERROR_WILDCARD,       /* fewer than 2 letters before "*" */
  CLIP_RULE_ERROR_UNKNOWN_FIELD,
  CLIP_RULE_ERROR_UNKNOWN_LIST,
  CLIP_RULE_ERROR_NO_POSITIVE,    /* only NOT parts */
  CLIP_RULE_ERROR_MISPLACED_NOT,  /* NOT outside an AND */
  CLIP_RULE_ERROR_TOO_LARGE,
  CLIP_RULE_ERROR_BAD_LIST,       /* a term list entry that is not a term */
} ClipRuleError;

/* Fields an article is searched in (RULES.md, "Fields"). */
typedef enum {
  CLIP_RULE_FIELD_TITLE  = 1 << 0,
  CLIP_RULE_FIELD_BODY   = 1 << 1,
  CLIP_RULE_FIELD_AUTHOR = 1 << 2,
  CLIP_RULE_FIELD_OUTLET = 1 << 3,
  CLIP_RULE_FIELD_LANG   = 1 << 4,
  CLIP_RULE_FIELD_URL    = 1 << 5,
  CLIP_RULE_FIELD_TAG    = 1 << 6,
} ClipRuleField;

#define CLIP_RULE_N_FIELDS      7
#define CLIP_RULE_FIELD_DEFAULT (CLIP_RULE_FIELD_TITLE | CLIP_RULE_FIELD_BODY)
#define CLIP_RULE_MAX_DISTANCE  100
#define CLIP_RULE_DEFAULT_NEAR  4
#define CLIP_RULE_MAX_QUERY     20000  /* bytes */
#define CLIP_RULE_MAX_TERMS     50000  /* after term lists are expanded */

typedef enum {
  CLIP_RULE_NODE_TERM,   /* one word, or a phrase of several */
  CLIP_RULE_NODE_LIST,   /* @name, until resolved */
  CLIP_RULE_NODE_AND,
  CLIP_RULE_NODE_OR,
  CLIP_RULE_NODE_NOT,
  CLIP_RULE_NODE_NEAR,
} ClipRuleNodeKind;

typedef struct _ClipRuleNode ClipRuleNode;

struct _ClipRuleNode {
  ClipRuleNodeKind kind;
  guint            column;          /* where it starts in the query, from 1 */
  guint            fields;          /* TERM, LIST: ClipRuleField mask */
  gboolean         case_sensitive;  /* TERM: written as {…} */
  GPtrArray       *words;           /* TERM: char*, as typed, with * and ? */
  char            *name;            /* LIST */
  guint            distance;        /* NEAR */
  gboolean         ordered;         /* NEAR: ONEAR */
  GPtrArray       *children;        /* AND, OR: 2+; NOT: 1; NEAR: 2 */
};

/* Term lists by name: name → GPtrArray of entries (char*). */
typedef GHashTable ClipTermLists;

GQuark        clip_rule_error_quark   (void);

/* error_column (may be NULL) receives the column of an error. */
ClipRuleNode *clip_rule_parse         (const char     *query,
                                       guint          *error_column,
                                       GError        **error);
/* One term list entry: a word, wildcard or phrase, optionally {cased}. */
ClipRuleNode *clip_rule_parse_entry   (const char     *entry,
                                       GError        **error);
/* Replaces every @list with an OR of its entries (lists may be NULL when
 * the query has none); CLIP_RULE_ERROR_TOO_LARGE when the lists' entries,
 * counted once per reference, are more than CLIP_RULE_MAX_TERMS. */
gboolean      clip_rule_resolve       (ClipRuleNode   *node,
                                       ClipTermLists  *lists,
                                       guint          *error_column,
                                       GError        **error);
/* Parses and resolves: whether a query may be saved as a rule. */
ClipRuleNode *clip_rule_compile_tree  (const char     *query,
                                       ClipTermLists  *lists,
                                       guint          *error_column,
                                       GError        **error);
void          clip_rule_node_free     (ClipRuleNode   *node);
/* The names of the lists a query refers to (no duplicates). */
GPtrArray    *clip_rule_list_names    (const ClipRuleNode *node);
/* A canonical text form, for tests and debugging: (AND a (OR b c)). */
char         *clip_rule_node_to_string (const ClipRuleNode *node);

const char   *clip_rule_field_name    (ClipRuleField   field);
ClipRuleField clip_rule_field_from_name (const char    *name);

ClipTermLists *clip_term_lists_new    (void);
void          clip_term_lists_add     (ClipTermLists  *lists,
                                       const char     *name,
                                       const char     *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipRuleNode, clip_rule_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipTermLists, g_hash_table_unref)

G_END_DECLS
