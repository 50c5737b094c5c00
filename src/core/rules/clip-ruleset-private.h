/* clip-ruleset-private.h — the compiled rule set's inside, shared by its
 * compiler (clip-ruleset.c), word index (clip-ruleset-index.c) and
 * matcher (clip-ruleset-match.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-ruleset.h"

#include <string.h>

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

/* Scratch runs: grown by hand, as the evaluation asks for room often. */
typedef struct {
  Run   *v;
  guint  len, cap;
} RunBuf;

typedef struct {
  char   *folded;       /* folded, with * and ? */
  char   *cased;        /* {…}: NFC text as typed; NULL folds case */
  guint   kind;
  guint   literal_len;  /* bytes before the first wildcard */
  guint   gen;          /* article generation occ belongs to */
  Occ    *occ;          /* this article's occurrences, in order */
  guint   n_occ, cap_occ;
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
  guint  words_first;   /* its patterns: words[words_first..words_end) */
  guint  words_end;
} Rule;

/* A word of the article that some pattern matches. */
typedef struct {
  guint64 key;          /* field index << 32 | position */
  guint32 list;         /* its patterns, in cache_lists */
  guint32 start, end;
} LogEntry;

/* Word cache slot: a word as written and the patterns it matches. */
typedef struct {
  guint32 hash;
  guint32 len;
  guint64 prefix;       /* the word's first 8 bytes: most words are no longer */
  guint32 key;          /* offset in cache_keys; 0 = empty slot */
  guint32 list;         /* offset in cache_lists: count, then ids;
                           NOT_A_WORD when it folds to nothing */
} Slot;

#define NOT_A_WORD G_MAXUINT32

struct _ClipRuleSet {
  GArray     *patterns;     /* Pattern */
  GHashTable *pattern_ids;  /* folded "\1" cased → index */
  GArray     *nodes;        /* CNode */
  GArray     *kids;         /* guint node indexes */
  GArray     *words;        /* guint pattern indexes */
  GArray     *rules;        /* Rule */
  guint       fields;
  gboolean    triggers_ready;
  guint64     articles;       /* matched so far */
  guint64     next_triggers;  /* when to choose triggers again */

  /* Word index, built on first use after a change. */
  gboolean    index_ready;
  GHashTable *exact;        /* folded → GArray of pattern ids */
  GHashTable *prefixed;     /* literal prefix → GArray (prefix and glob patterns) */
  GArray     *prefix_lens;  /* guint, distinct byte lengths, sorted */
  guint64    *prefix_bloom; /* bits set by the literal prefixes' hashes */
  guint32     prefix_bloom_mask;
  GArray     *bare_globs;   /* glob patterns with no literal prefix */
  Slot       *slots;
  guint       n_slots, n_words;
  GByteArray *cache_keys;
  GArray     *cache_lists;  /* guint32 */
  guint32     scratch_from; /* cache_lists past this is a one-off answer */

  /* Per-article state. */
  guint       gen;
  guint      *candidates;   /* rules triggered by this article */
  guint       n_candidates, cap_candidates;
  LogEntry   *log;          /* words with patterns, in order */
  guint       n_log, cap_log;
  /* Per pattern, in small arrays: what the scan touches for every word. */
  guint      *pgen;         /* generation it last occurred in */
  guint      *need;         /* generation a queued rule needed it */
  guint      *seen;         /* articles it occurred in */
  guint       n_pgen;
  guint      *trig_off;     /* rules pattern i triggers: trig_rules[trig_off[i]..[i + 1]) */
  guint      *trig_rules;
  GArray     *spans;        /* ClipRuleSpan */
  RunBuf      runs[3];      /* scratch: term, NEAR left, NEAR right */
};

/* A word's first 8 bytes as a number (zero-padded), reading up to limit
 * (at least p + len) and never past it. */
static inline guint64
clip_rule_word_prefix (const char *p, gsize len, const char *limit)
{
  guint64 v = 0;

  if (len > 8)
    len = 8;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  if ((gsize) (limit - p) >= 8)
    {
      memcpy (&v, p, 8);
      return len == 8 ? v : v & ((G_GUINT64_CONSTANT (1) << (len * 8)) - 1);
    }
#endif
  for (gsize i = 0; i < len; i++)
    v |= (guint64) (guchar) p[i] << (i * 8);
  return v;
}

/* The hash of a word as written, from its prefix and the rest. */
static inline guint32
clip_rule_hash (const char *p, gsize len, guint64 prefix)
{
  guint64 h = ((guint64) len * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) ^ prefix;

  gsize i = 8;

  h *= G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
  /* Eight bytes a step: Cyrillic and Georgian words are mostly longer
   * than eight bytes, and a step per byte waited on a multiply each. */
  for (; i + 8 <= len; i += 8)
    {
      guint64 v;

      memcpy (&v, p + i, 8);
      h = (h ^ v) * G_GUINT64_CONSTANT (0xC4CEB9FE1A85EC53);
      h ^= h >> 32;
    }
  if (i < len)
    {
      guint64 v = 0;

      for (gsize j = 0; i + j < len; j++)
        v |= (guint64) (guchar) p[i + j] << (j * 8);
      h = (h ^ v) * G_GUINT64_CONSTANT (0xC4CEB9FE1A85EC53);
    }
  h ^= h >> 29;
  return (guint32) h | 1;   /* never 0 */
}

/* A hash's home slot: from the bits above the one forced to 1, or only
 * odd slots would ever be a word's home. */
static inline guint
clip_rule_slot (guint32 hash, guint n_slots)
{
  return (hash >> 1) & (n_slots - 1);
}

/* Chooses each rule's trigger patterns from what is known of them. */
void           clip_rule_set_assign_triggers (ClipRuleSet *set);
/* Sizes the per-pattern arrays to the patterns, keeping what they hold. */
void           clip_rule_set_size_arrays (ClipRuleSet *set);
void           clip_rule_index_build  (ClipRuleSet *set);
void           clip_rule_index_clear  (ClipRuleSet *set);
/* Between articles: one-off answers go, a full cache starts again. */
void           clip_rule_index_new_article (ClipRuleSet *set);
/* The patterns a word, as written (raw: a run of word characters), matches:
 * count, then ids; NULL when it folds to nothing and is no word at all.
 * hash, prefix: clip_rule_hash() and clip_rule_word_prefix() of raw. */
const guint32 *clip_rule_index_lookup (ClipRuleSet *set,
                                       const char  *raw,
                                       gsize        len,
                                       guint32      hash,
                                       guint64      prefix);

/* The slot a word's look-up starts at: to prefetch it. */
static inline const void *
clip_rule_index_home (const ClipRuleSet *set, guint32 hash)
{
  return &set->slots[clip_rule_slot (hash, set->n_slots)];
}

/* Whether a and b, both of len bytes (more than 8), are the same, past the
 * first 8 that the slot's prefix already compared: eight bytes a step, the
 * last step overlapping, inline (most Cyrillic and Georgian words are
 * longer than 8 bytes, and a call to memcmp() cost more than the bytes). */
static inline gboolean
clip_rule_rest_equal (const char *a, const char *b, gsize len)
{
  guint64 x, y;
  gsize i;

  for (i = 8; i + 8 < len; i += 8)
    {
      memcpy (&x, a + i, 8);
      memcpy (&y, b + i, 8);
      if (x != y)
        return FALSE;
    }
  memcpy (&x, a + len - 8, 8);
  memcpy (&y, b + len - 8, 8);
  return x == y;
}

/* The cache hit, inline: most words are seen before. hash and prefix as
 * clip_rule_index_lookup() takes them. */
static inline const guint32 *
clip_rule_index_find (ClipRuleSet *set,
                      const char  *raw,
                      gsize        len,
                      guint32      h,
                      guint64      prefix)
{
  const Slot *s = &set->slots[clip_rule_slot (h, set->n_slots)];

  if (G_LIKELY (s->hash == h && s->len == len && s->prefix == prefix &&
                s->list != NOT_A_WORD &&
                (len <= 8 || clip_rule_rest_equal ((const char *) set->cache_keys->data + s->key,
                                                   raw, len))))
    return &((const guint32 *) (gpointer) set->cache_lists->data)[s->list];
  return clip_rule_index_lookup (set, raw, len, h, prefix);
}

G_END_DECLS
