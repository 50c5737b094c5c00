/* clip-ruleset-index.c — from a folded word to the patterns it matches
 *
 * Exact words are a hash look-up, prefixes one look-up per distinct prefix
 * length, globs are checked against the words that share their literal
 * start. That work is done once per distinct word: the answer is kept in
 * an open-addressing cache, so a word seen before costs one probe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-ruleset-private.h"
#include "clip-text.h"

#include <string.h>

/* Past this many words the cache starts again: a long-running service
 * meets new words forever. */
#define CACHE_MAX_WORDS (1u << 21)
#define CACHE_MAX_BYTES (256u << 20)
/* Longer runs of letters are not kept in the cache. */
#define MAX_CACHED_WORD 1024

static void
add_to (GHashTable *table, const char *key, gsize len, guint id)
{
  g_autofree char *k = g_strndup (key, len);
  GArray *ids = g_hash_table_lookup (table, k);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (table, g_steal_pointer (&k), ids);
    }
  g_array_append_val (ids, id);
}

/* FNV-1a, one byte at a time: a word's prefixes of every length hash in
 * one pass. */
#define PREFIX_HASH_START 2166136261u
#define PREFIX_HASH_STEP(h, byte) (((h) ^ (guchar) (byte)) * 16777619u)

static inline guint32
prefix_bit (guint32 h)
{
  h ^= h >> 16;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  return h;
}

static guint32
prefix_hash (const char *s, gsize len)
{
  guint32 h = PREFIX_HASH_START;

  for (gsize i = 0; i < len; i++)
    h = PREFIX_HASH_STEP (h, s[i]);
  return h;
}

/* A bit per literal prefix: a new word's prefixes are looked up in the
 * table only when their bit is set, and most have none. */
static void
build_prefix_bloom (ClipRuleSet *set)
{
  guint n_bits = 1u << 12;
  guint n_prefixed = 0;

  for (guint i = 0; i < set->patterns->len; i++)
    {
      const Pattern *p = &g_array_index (set->patterns, Pattern, i);
      n_prefixed += p->kind != PAT_EXACT && p->literal_len > 0;
    }
  while (n_bits < n_prefixed * 16 && n_bits < (1u << 26))
    n_bits <<= 1;
  set->prefix_bloom = g_new0 (guint64, n_bits / 64);
  set->prefix_bloom_mask = n_bits - 1;
  for (guint i = 0; i < set->patterns->len; i++)
    {
      const Pattern *p = &g_array_index (set->patterns, Pattern, i);
      guint32 bit;

      if (p->kind == PAT_EXACT || p->literal_len == 0)
        continue;
      bit = prefix_bit (prefix_hash (p->folded, p->literal_len)) & set->prefix_bloom_mask;
      set->prefix_bloom[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
    }
}

static inline gboolean
prefix_may_be (const ClipRuleSet *set, guint32 h)
{
  guint32 bit = prefix_bit (h) & set->prefix_bloom_mask;

  return (set->prefix_bloom[bit / 64] >> (bit % 64)) & 1;
}

static int
cmp_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

void
clip_rule_index_clear (ClipRuleSet *set)
{
  g_clear_pointer (&set->exact, g_hash_table_destroy);
  g_clear_pointer (&set->prefixed, g_hash_table_destroy);
  g_clear_pointer (&set->prefix_lens, g_array_unref);
  g_clear_pointer (&set->prefix_bloom, g_free);
  g_clear_pointer (&set->bare_globs, g_array_unref);
  g_clear_pointer (&set->slots, g_free);
  g_clear_pointer (&set->cache_keys, g_byte_array_unref);
  g_clear_pointer (&set->cache_lists, g_array_unref);
  set->n_slots = set->n_words = 0;
  set->index_ready = FALSE;
}

static void
cache_reset (ClipRuleSet *set)
{
  guint32 zero = 0;

  g_free (set->slots);
  /* Small, to stay in the cache: it doubles as words come. */
  set->n_slots = 1u << 10;
  set->scratch_from = 0;
  set->slots = g_new0 (Slot, set->n_slots);
  set->n_words = 0;
  if (set->cache_keys)
    g_byte_array_set_size (set->cache_keys, 0);
  else
    set->cache_keys = g_byte_array_sized_new (1 << 16);
  /* Offset 0 means "empty slot": keys start at 1. */
  g_byte_array_append (set->cache_keys, (const guint8 *) "", 1);
  if (set->cache_lists)
    g_array_set_size (set->cache_lists, 0);
  else
    set->cache_lists = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 1 << 12);
  /* Offset 0 is the shared empty list. */
  g_array_append_val (set->cache_lists, zero);
}

void
clip_rule_index_build (ClipRuleSet *set)
{
  g_autoptr(GHashTable) lens = g_hash_table_new (NULL, NULL);
  GHashTableIter it;
  gpointer key;

  clip_rule_index_clear (set);
  set->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_array_unref);
  set->prefixed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_array_unref);
  set->prefix_lens = g_array_new (FALSE, FALSE, sizeof (guint));
  set->bare_globs = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < set->patterns->len; i++)
    {
      const Pattern *p = &g_array_index (set->patterns, Pattern, i);

      if (p->kind == PAT_EXACT)
        add_to (set->exact, p->folded, strlen (p->folded), i);
      else if (p->literal_len == 0)
        g_array_append_val (set->bare_globs, i);
      else
        {
          add_to (set->prefixed, p->folded, p->literal_len, i);
          g_hash_table_add (lens, GUINT_TO_POINTER (p->literal_len));
        }
    }
  g_hash_table_iter_init (&it, lens);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      guint len = GPOINTER_TO_UINT (key);
      g_array_append_val (set->prefix_lens, len);
    }
  g_array_sort (set->prefix_lens, cmp_uint);
  build_prefix_bloom (set);
  cache_reset (set);
  set->index_ready = TRUE;
}

static gboolean
pattern_matches (const Pattern *p, const char *word)
{
  if (p->kind == PAT_PREFIX)
    return TRUE;  /* found under its prefix */
  return clip_rule_glob_match (p->folded, word);
}

/* {NATO}: the word as written must match, case and all (compared in
 * NFC, as the pattern was). */
static gboolean
cased_ok (const Pattern *p, const char *raw, gsize len)
{
  g_autofree char *nfc = g_utf8_normalize (raw, (gssize) len, G_NORMALIZE_NFC);

  return nfc != NULL && clip_rule_glob_match (p->cased, nfc);
}

static void
keep_if (ClipRuleSet *set, guint32 id, const char *raw, gsize raw_len, guint32 *count)
{
  const Pattern *p = &g_array_index (set->patterns, Pattern, id);

  if (p->cased && !cased_ok (p, raw, raw_len))
    return;
  g_array_append_val (set->cache_lists, id);
  (*count)++;
}

/* The patterns a word (folded, and as written) matches, appended to
 * cache_lists; returns the offset. */
static guint32
compute_list (ClipRuleSet *set, const char *word, gsize len, const char *raw, gsize raw_len)
{
  guint32 offset = set->cache_lists->len, count = 0, h = PREFIX_HASH_START;
  gsize hashed = 0;
  GArray *ids;

  g_array_append_val (set->cache_lists, count);
  if ((ids = g_hash_table_lookup (set->exact, word)) != NULL)
    for (guint k = 0; k < ids->len; k++)
      keep_if (set, g_array_index (ids, guint, k), raw, raw_len, &count);
  for (guint i = 0; i < set->prefix_lens->len; i++)
    {
      guint l = g_array_index (set->prefix_lens, guint, i);
      char prefix[CLIP_TEXT_MAX_WORD + 1];

      if (l > len || l > CLIP_TEXT_MAX_WORD)
        break;
      if (l < len && ((guchar) word[l] & 0xC0) == 0x80)
        continue;  /* not at a character boundary */
      for (; hashed < l; hashed++)
        h = PREFIX_HASH_STEP (h, word[hashed]);
      if (!prefix_may_be (set, h))
        continue;
      memcpy (prefix, word, l);
      prefix[l] = '\0';
      ids = g_hash_table_lookup (set->prefixed, prefix);
      for (guint k = 0; ids && k < ids->len; k++)
        {
          guint32 id = g_array_index (ids, guint, k);
          if (pattern_matches (&g_array_index (set->patterns, Pattern, id), word))
            keep_if (set, id, raw, raw_len, &count);
        }
    }
  for (guint k = 0; k < set->bare_globs->len; k++)
    {
      guint32 id = g_array_index (set->bare_globs, guint, k);
      if (clip_rule_glob_match (g_array_index (set->patterns, Pattern, id).folded, word))
        keep_if (set, id, raw, raw_len, &count);
    }
  if (count == 0)
    {
      g_array_set_size (set->cache_lists, offset);
      return 0;
    }
  g_array_index (set->cache_lists, guint32, offset) = count;
  return offset;
}

static void
grow (ClipRuleSet *set)
{
  guint n = set->n_slots * 2;
  Slot *slots = g_new0 (Slot, n);

  for (guint i = 0; i < set->n_slots; i++)
    {
      Slot *s = &set->slots[i];
      guint j;

      if (s->key == 0)
        continue;
      for (j = clip_rule_slot (s->hash, n); slots[j].key != 0; j = (j + 1) & (n - 1))
        ;
      slots[j] = *s;
    }
  g_free (set->slots);
  set->slots = slots;
  set->n_slots = n;
}

void
clip_rule_index_new_article (ClipRuleSet *set)
{
  if (set->scratch_from != 0)
    {
      g_array_set_size (set->cache_lists, set->scratch_from);
      set->scratch_from = 0;
    }
  /* A long-running service meets new words forever: start again. */
  if (set->n_words >= CACHE_MAX_WORDS || set->cache_keys->len > CACHE_MAX_BYTES)
    cache_reset (set);
}

typedef struct {
  char     text[CLIP_TEXT_MAX_WORD + 1];
  gsize    len;
  guint    tokens;
} Folded;

static gboolean
take_token (const ClipToken *tok, gpointer user_data)
{
  Folded *f = user_data;

  if (++f->tokens > 1)
    return FALSE;
  memcpy (f->text, tok->folded, tok->folded_len);
  f->text[tok->folded_len] = '\0';
  f->len = tok->folded_len;
  return TRUE;
}

/* The folding of a raw word, by the text module itself; NOT_A_WORD when
 * nothing is left of it. The scan cut raw as one word, so it folds to one
 * token at most: kept on the stack, with no string built. */
static guint32
resolve (ClipRuleSet *set, const char *raw, gsize len)
{
  Folded f;
  gsize i;

  /* Letters and digits of ASCII fold to their lower case, as
   * clip_text_tokenize() folds them, cut at the same length. */
  for (i = 0; i < len && g_ascii_isalnum (raw[i]); i++)
    ;
  if (i == len)
    {
      f.len = MIN (len, CLIP_TEXT_MAX_WORD);
      for (i = 0; i < f.len; i++)
        f.text[i] = g_ascii_tolower (raw[i]);
      f.text[f.len] = '\0';
      return f.len == 0 ? NOT_A_WORD : compute_list (set, f.text, f.len, raw, len);
    }
  f.len = 0;
  f.tokens = 0;
  clip_text_tokenize (raw, (gssize) len, take_token, &f);
  if (f.tokens > 1)
    {
      /* Not one word after all: fold it as the text module joins words. */
      g_autofree char *folded = clip_text_fold (raw, (gssize) len);

      return *folded == '\0' ? NOT_A_WORD : compute_list (set, folded, strlen (folded), raw, len);
    }
  if (f.tokens == 0)
    return NOT_A_WORD;
  return compute_list (set, f.text, f.len, raw, len);
}

const guint32 *
clip_rule_index_lookup (ClipRuleSet *set,
                        const char  *raw,
                        gsize        len,
                        guint32      hash,
                        guint64      prefix)
{
  guint32 h = hash;
  guint mask = set->n_slots - 1;
  guint i = clip_rule_slot (h, set->n_slots);
  guint32 list;
  Slot *s;


  for (;; i = (i + 1) & mask)
    {
      s = &set->slots[i];
      if (s->key == 0)
        break;
      if (s->hash == h && s->len == len && s->prefix == prefix &&
          memcmp (set->cache_keys->data + s->key, raw, len) == 0)
        return s->list == NOT_A_WORD ? NULL
                                     : &g_array_index (set->cache_lists, guint32, s->list);
    }
  if (set->scratch_from != 0 || len > MAX_CACHED_WORD || set->n_words >= CACHE_MAX_WORDS ||
      set->cache_keys->len > CACHE_MAX_BYTES)
    {
      /* A hostile run of letters, or a full cache: answered, not kept.
       * The answer stays until the article is done (its log points at
       * it); clip_rule_index_new_article() lets it go. Once an article
       * has such answers, its other new words are answered the same way:
       * a cached one would point into what is let go. */
      if (set->scratch_from == 0)
        set->scratch_from = set->cache_lists->len;
      list = resolve (set, raw, len);
      return list == NOT_A_WORD ? NULL : &g_array_index (set->cache_lists, guint32, list);
    }
  list = resolve (set, raw, len);
  s->hash = h;
  s->len = (guint32) len;
  s->prefix = prefix;
  s->key = set->cache_keys->len;
  s->list = list;
  g_byte_array_append (set->cache_keys, (const guint8 *) raw, (guint) len);
  set->n_words++;
  if (set->n_words * 2 > set->n_slots)
    grow (set);
  return list == NOT_A_WORD ? NULL : &g_array_index (set->cache_lists, guint32, list);
}
