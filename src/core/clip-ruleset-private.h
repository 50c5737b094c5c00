/* clip-ruleset-private.h — the compiled rule set's inside, shared by its
 * compiler (clip-ruleset.c), word index (clip-ruleset-index.c) and
 * matcher (clip-ruleset-match.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-ruleset.h"

G_BEGIN_DECLS

enum { PAT_EXACT, PAT_PREFIX, PAT_GLOB };

/* One occurrence of a pattern in the article being matched. */
typedef struct {
  guint64 key;          /* field index << 32 | word position: sorts them */
  guint32 start, end;   /* bytes in the field's text */
} Occ;

/* A run of words that satisfied a term or phrase. */
typedef struct {
  guint64 key;          /* of its first word */
  guint32 len;          /* words - 1 */
  guint32 start, end;
} Run;

typedef struct {
  char   *folded;       /* folded, with * and ? */
  char   *cased;        /* {…}: NFC text as typed; NULL folds case */
  guint   kind;
  guint   literal_len;  /* bytes before the first wildcard */
  GArray *triggers;     /* guint: rules this pattern can start */
  guint   gen;          /* article generation occ belongs to */
  GArray *occ;          /* Occ */
} Pattern;

typedef struct {
  guint8  kind;         /* ClipRuleNodeKind */
  guint8  ordered;
  guint16 fields;
  guint16 distance;
  guint   n;            /* children, or words of a term */
  guint   first;        /* into kids, or into words */
} CNode;

typedef struct {
  gint64 id;
  guint  root;
  guint  gen;           /* article generation it was queued in */
} Rule;

/* Word cache slot: a folded word and the patterns it matches. */
typedef struct {
  guint32 hash;
  guint32 key;          /* offset in cache_keys; 0 = empty slot */
  guint32 len;
  guint32 list;         /* offset in cache_lists: count, then ids */
} Slot;

struct _ClipRuleSet {
  GArray     *patterns;     /* Pattern */
  GHashTable *pattern_ids;  /* folded "\1" cased → index */
  GArray     *nodes;        /* CNode */
  GArray     *kids;         /* guint node indexes */
  GArray     *words;        /* guint pattern indexes */
  GArray     *rules;        /* Rule */
  guint       fields;

  /* Word index, built on first use after a change. */
  gboolean    index_ready;
  GHashTable *exact;        /* folded → GArray of pattern ids */
  GHashTable *prefixed;     /* literal prefix → GArray (prefix and glob patterns) */
  GArray     *prefix_lens;  /* guint, distinct byte lengths, sorted */
  GArray     *bare_globs;   /* glob patterns with no literal prefix */
  Slot       *slots;
  guint       n_slots, n_words;
  GByteArray *cache_keys;
  GArray     *cache_lists;  /* guint32 */

  /* Per-article state. */
  guint       gen;
  GArray     *touched;      /* patterns that occurred */
  GArray     *candidates;   /* rules triggered */
  GArray     *spans;        /* ClipRuleSpan */
  GArray     *runs[3];      /* scratch: term, NEAR left, NEAR right */
};

void           clip_rule_index_build  (ClipRuleSet *set);
void           clip_rule_index_clear  (ClipRuleSet *set);
/* The patterns a folded word matches: count, then ids. */
const guint32 *clip_rule_index_lookup (ClipRuleSet *set,
                                       const char  *word,
                                       gsize        len);

G_END_DECLS
