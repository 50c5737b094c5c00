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
  set->n_slots = 1u << 14;
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
  cache_reset (set);
  set->index_ready = TRUE;
}

static inline guint32
hash_word (const char *w, gsize len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) w[i]) * 16777619u;
  return h | 1;   /* never 0 */
}

static gboolean
pattern_matches (const Pattern *p, const char *word)
{
  if (p->kind == PAT_PREFIX)
    return TRUE;  /* found under its prefix */
  return clip_rule_glob_match (p->folded, word);
}

/* The patterns a word matches, appended to cache_lists; returns the offset. */
static guint32
compute_list (ClipRuleSet *set, const char *word, gsize len)
{
  guint32 offset = set->cache_lists->len, count = 0;
  GArray *ids;

  g_array_append_val (set->cache_lists, count);
  if ((ids = g_hash_table_lookup (set->exact, word)) != NULL)
    {
      g_array_append_vals (set->cache_lists, ids->data, ids->len);
      count += ids->len;
    }
  for (guint i = 0; i < set->prefix_lens->len; i++)
    {
      guint l = g_array_index (set->prefix_lens, guint, i);
      char prefix[CLIP_TEXT_MAX_WORD + 1];

      if (l > len || l > CLIP_TEXT_MAX_WORD)
        break;
      if (l < len && ((guchar) word[l] & 0xC0) == 0x80)
        continue;  /* not at a character boundary */
      memcpy (prefix, word, l);
      prefix[l] = '\0';
      ids = g_hash_table_lookup (set->prefixed, prefix);
      for (guint k = 0; ids && k < ids->len; k++)
        {
          guint32 id = g_array_index (ids, guint, k);
          if (pattern_matches (&g_array_index (set->patterns, Pattern, id), word))
            {
              g_array_append_val (set->cache_lists, id);
              count++;
            }
        }
    }
  for (guint k = 0; k < set->bare_globs->len; k++)
    {
      guint32 id = g_array_index (set->bare_globs, guint, k);
      if (clip_rule_glob_match (g_array_index (set->patterns, Pattern, id).folded, word))
        {
          g_array_append_val (set->cache_lists, id);
          count++;
        }
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
      for (j = s->hash & (n - 1); slots[j].key != 0; j = (j + 1) & (n - 1))
        ;
      slots[j] = *s;
    }
  g_free (set->slots);
  set->slots = slots;
  set->n_slots = n;
}

/* word must be NUL-terminated at len (the tokenizer's buffer is). */
const guint32 *
clip_rule_index_lookup (ClipRuleSet *set,
                        const char  *word,
                        gsize        len)
{
  guint32 h = hash_word (word, len);
  guint mask = set->n_slots - 1;
  guint i = h & mask;
  Slot *s;

  for (;; i = (i + 1) & mask)
    {
      s = &set->slots[i];
      if (s->key == 0)
        break;
      if (s->hash == h && s->len == len &&
          memcmp (set->cache_keys->data + s->key, word, len) == 0)
        return &g_array_index (set->cache_lists, guint32, s->list);
    }
  if (set->n_words >= CACHE_MAX_WORDS || set->cache_keys->len > G_MAXUINT32 / 2)
    {
      cache_reset (set);
      return clip_rule_index_lookup (set, word, len);
    }
  s->hash = h;
  s->len = (guint32) len;
  s->key = set->cache_keys->len;
  g_byte_array_append (set->cache_keys, (const guint8 *) word, (guint) len);
  s->list = compute_list (set, word, len);
  set->n_words++;
  {
    guint32 list = s->list;
    if (set->n_words * 2 > set->n_slots)
      grow (set);
    return &g_array_index (set->cache_lists, guint32, list);
  }
}
