/* clip-ruleset-match.c — one pass over an article, then the triggered rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-ruleset-private.h"
#include "clip-ruleset-words.h"
#include "clip-text.h"

#include <stdlib.h>
#include <string.h>

/* Words of different values of one field (two tags) are this many
 * positions apart, more than any NEAR distance. */
#define VALUE_GAP (CLIP_RULE_MAX_DISTANCE + 2)
#define MAX_SPANS 1000

/* A word of the value being scanned, waiting for its look-up. */
typedef struct {
  guint32 start, end;       /* bytes in the value */
  guint32 hash;
  guint64 prefix;
} WordRef;

#define WORD_BATCH 32

typedef struct {
  ClipRuleSet   *set;
  guint64        field;     /* field index << 32 */
  guint32        pos_base;
  guint32        byte_base;
  guint32        next_pos;  /* past the last word seen */
  const guchar  *text, *end;  /* the value */
  gboolean       batched;   /* words looked up in batches */
  WordRef        batch[WORD_BATCH];
  guint          n_batch;
} Scan;

/* The word-character tables of clip-ruleset-words.h. */
guint64 *clip_rule_mask2;
guint64 *clip_rule_mask3;

static gpointer
build_masks (gpointer data)
{
  guint64 *m2 = g_new0 (guint64, 32), *m3 = g_new0 (guint64, 1024);

  /* Overlong forms and surrogates are no characters: their bits stay 0. */
  for (gunichar c = 0x80; c < 0x800; c++)
    if (clip_text_is_word_char (c))
      m2[c >> 6] |= G_GUINT64_CONSTANT (1) << (c & 0x3F);
  for (gunichar c = 0x800; c < 0x10000; c++)
    if (!(c >= 0xD800 && c <= 0xDFFF) && clip_text_is_word_char (c))
      m3[c >> 6] |= G_GUINT64_CONSTANT (1) << (c & 0x3F);
  clip_rule_mask2 = m2;
  clip_rule_mask3 = m3;
  return NULL;
}

void
clip_rule_words_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_masks, NULL);
}

/* A word with patterns: logged, and the first occurrence of each of its
 * patterns queues the rules that pattern triggers. Only a small per-pattern
 * array is touched here; occurrences are gathered later, and only for the
 * patterns the queued rules need. */
static void
record (ClipRuleSet *set, const guint32 *list, guint64 key, guint32 start, guint32 end)
{
  LogEntry *e;

  if (G_UNLIKELY (set->n_log == set->cap_log))
    {
      set->cap_log = MAX (256, set->cap_log * 2);
      set->log = g_renew (LogEntry, set->log, set->cap_log);
    }
  e = &set->log[set->n_log++];
  e->key = key;
  e->list = (guint32) (list - (const guint32 *) (gpointer) set->cache_lists->data);
  e->start = start;
  e->end = end;
  for (guint32 k = 1; k <= list[0]; k++)
    {
      guint32 id = list[k];

      if (G_LIKELY (set->pgen[id] == set->gen))
        continue;
      set->pgen[id] = set->gen;
      set->seen[id]++;
      for (guint t = set->trig_off[id]; t < set->trig_off[id + 1]; t++)
        {
          guint r = set->trig_rules[t];
          Rule *rule = &g_array_index (set->rules, Rule, r);

          if (rule->gen != set->gen)
            {
              rule->gen = set->gen;
              if (G_UNLIKELY (set->n_candidates == set->cap_candidates))
                {
                  set->cap_candidates = MAX (64, set->cap_candidates * 2);
                  set->candidates = g_renew (guint, set->candidates, set->cap_candidates);
                }
              set->candidates[set->n_candidates++] = r;
            }
        }
    }
}

/* Occurrence lists for the patterns of the queued rules, from the log. */
static void
gather (ClipRuleSet *set)
{
  const guint32 *lists = (const guint32 *) (gpointer) set->cache_lists->data;

  for (guint i = 0; i < set->n_candidates; i++)
    {
      const Rule *rule = &g_array_index (set->rules, Rule, set->candidates[i]);

      for (guint k = rule->words_first; k < rule->words_end; k++)
        {
          guint id = g_array_index (set->words, guint, k);

          if (set->need[id] != set->gen)
            {
              Pattern *p = &g_array_index (set->patterns, Pattern, id);

              set->need[id] = set->gen;
              p->gen = set->gen;
              p->n_occ = 0;
            }
        }
    }
  for (guint i = 0; i < set->n_log; i++)
    {
      const LogEntry *e = &set->log[i];
      const guint32 *list = lists + e->list;

      for (guint32 k = 1; k <= list[0]; k++)
        {
          Pattern *p;

          if (set->need[list[k]] != set->gen)
            continue;
          p = &g_array_index (set->patterns, Pattern, list[k]);
          if (G_UNLIKELY (p->n_occ == p->cap_occ))
            {
              p->cap_occ = MAX (8, p->cap_occ * 2);
              p->occ = g_renew (Occ, p->occ, p->cap_occ);
            }
          p->occ[p->n_occ++] = (Occ) { e->key, e->start, e->end };
        }
    }
}

/* Looks up a word as written: a word seen before costs one probe of the
 * cache, with no folding at all. */
static inline void
scan_lookup (Scan *sc, guint32 start, guint32 end, guint32 hash, guint64 prefix)
{
  const guint32 *list = clip_rule_index_find (sc->set, (const char *) sc->text + start, end - start,
                                              hash, prefix);

  if (list == NULL)
    return;   /* folds to nothing: not a word, no position */
  if (list[0] > 0)
    record (sc->set, list, sc->field | sc->next_pos, sc->byte_base + start, sc->byte_base + end);
  sc->next_pos++;
}

/* A batch of words: every word's slot is prefetched first, so that the
 * probes of a batch wait for memory together rather than one after
 * another. Only worth it once the cache is larger than the CPU's. */
static void
scan_batch (Scan *sc)
{
  const char *text = (const char *) sc->text, *end = (const char *) sc->end;

  for (guint i = 0; i < sc->n_batch; i++)
    {
      WordRef *r = &sc->batch[i];
      gsize len = r->end - r->start;

      r->prefix = clip_rule_word_prefix (text + r->start, len, end);
      r->hash = clip_rule_hash (text + r->start, len, r->prefix);
      __builtin_prefetch (clip_rule_index_home (sc->set, r->hash));
    }
  for (guint i = 0; i < sc->n_batch; i++)
    scan_lookup (sc, sc->batch[i].start, sc->batch[i].end, sc->batch[i].hash, sc->batch[i].prefix);
  sc->n_batch = 0;
}

/* A word [ws, we). */
static inline void
scan_word (Scan *sc, const guchar *ws, const guchar *we)
{
  guint32 start = (guint32) (ws - sc->text), end = (guint32) (we - sc->text);
  WordRef *r;

  if (!sc->batched)
    {
      guint64 prefix = clip_rule_word_prefix ((const char *) ws, end - start, (const char *) sc->end);

      scan_lookup (sc, start, end, clip_rule_hash ((const char *) ws, end - start, prefix), prefix);
      return;
    }
  r = &sc->batch[sc->n_batch++];
  r->start = start;
  r->end = end;
  if (sc->n_batch == WORD_BATCH)
    scan_batch (sc);
}

/* Cuts text into words 64 bytes at a time: a bit per byte that belongs to
 * a word character, and words are the runs of ones. */
static void
scan_value (Scan *sc, const char *text, gsize len)
{
  const guchar *base = (const guchar *) text, *end = base + len, *ws = NULL;
  guint64 carry = 0;

  sc->next_pos = sc->pos_base;
  sc->text = base;
  sc->end = end;
  sc->n_batch = 0;
  /* 24-byte slots: past 16,384 of them the cache is out of L2. */
  sc->batched = sc->set->n_slots > (1u << 14);
  for (const guchar *q = base; q < end; q += CLIP_RULE_BLOCK)
    {
      guint64 w = clip_rule_block_words (q, end, &carry);
      guint from = 0;

      for (;;)
        {
          guint64 rest;

          if (ws != NULL)
            {
              /* In a word: it ends at the first byte that is not. */
              rest = ~w & (~G_GUINT64_CONSTANT (0) << from);
              if (rest == 0)
                break;
              from = (guint) __builtin_ctzll (rest);
              scan_word (sc, ws, q + from);
              ws = NULL;
            }
          rest = w & (~G_GUINT64_CONSTANT (0) << from);
          if (rest == 0)
            break;
          from = (guint) __builtin_ctzll (rest);
          ws = q + from;
        }
    }
  if (ws != NULL)
    scan_word (sc, ws, end);
  if (sc->n_batch > 0)
    scan_batch (sc);
}

static void
scan_field (ClipRuleSet *set, guint index, const char *text)
{
  gboolean multi = (1u << index) == CLIP_RULE_FIELD_OUTLET || (1u << index) == CLIP_RULE_FIELD_TAG;
  Scan sc = { .set = set, .field = (guint64) index << 32 };

  clip_rule_words_init ();
  if (!multi)
    {
      scan_value (&sc, text, strlen (text));
      return;
    }
  for (const char *v = text; v != NULL;)
    {
      const char *nl = strchr (v, '\n');
      gsize len = nl ? (gsize) (nl - v) : strlen (v);

      sc.byte_base = (guint32) (v - text);
      scan_value (&sc, v, len);
      sc.pos_base = sc.next_pos + VALUE_GAP;
      v = nl ? nl + 1 : NULL;
    }
}

static const Occ *
find_occ (const Pattern *p, guint64 key)
{
  guint lo = 0, hi = p->n_occ;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint64 k = p->occ[mid].key;

      if (k == key)
        return &p->occ[mid];
      if (k < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

static inline const Pattern *
word_pattern (ClipRuleSet *set, const CNode *n, guint i)
{
  return &g_array_index (set->patterns, Pattern, g_array_index (set->words, guint, n->first + i));
}

static inline void
reserve_runs (RunBuf *runs, guint extra)
{
  if (G_UNLIKELY (runs->len + extra > runs->cap))
    {
      runs->cap = MAX (MAX (64, runs->cap * 2), runs->len + extra);
      runs->v = g_renew (Run, runs->v, runs->cap);
    }
}

/* The runs of a term or phrase in its fields, appended to runs; with runs
 * NULL, only whether there is one. */
static gboolean
term_runs (ClipRuleSet *set, const CNode *n, RunBuf *runs)
{
  const Pattern *p0 = word_pattern (set, n, 0);
  gboolean found = FALSE;

  /* gather() filled the lists of every pattern of a queued rule. */
  if (p0->n_occ == 0)
    return FALSE;
  for (guint i = 1; i < n->n; i++)
    if (word_pattern (set, n, i)->n_occ == 0)
      return FALSE;
  /* Room for a run per occurrence, the most there can be. */
  if (runs)
    reserve_runs (runs, p0->n_occ);
  for (guint k = 0; k < p0->n_occ; k++)
    {
      const Occ *o = &p0->occ[k];
      guint32 end = o->end;
      gboolean ok = TRUE;

      if (!(n->fields & (1u << (o->key >> 32))))
        continue;
      for (guint i = 1; i < n->n && ok; i++)
        {
          const Occ *q = find_occ (word_pattern (set, n, i), o->key + i);
          ok = q != NULL;
          if (q)
            end = q->end;
        }
      if (!ok)
        continue;
      found = TRUE;
      if (runs == NULL)
        return TRUE;
      runs->v[runs->len++] = (Run) { o->key, n->n - 1, o->start, end };
    }
  return found;
}

static void
collect_runs (ClipRuleSet *set, guint node, RunBuf *runs)
{
  const CNode *n = &g_array_index (set->nodes, CNode, node);

  if (n->kind == CLIP_RULE_NODE_TERM)
    {
      term_runs (set, n, runs);
      return;
    }
  for (guint i = 0; i < n->n; i++)
    {
      guint kid = g_array_index (set->kids, guint, n->first + i);
      const CNode *k = &g_array_index (set->nodes, CNode, kid);

      /* A term list is mostly terms that do not occur: skip them here. */
      if (k->kind == CLIP_RULE_NODE_TERM)
        {
          if (word_pattern (set, k, 0)->n_occ > 0)
            term_runs (set, k, runs);
        }
      else
        collect_runs (set, kid, runs);
    }
}

static int
cmp_run (const void *a, const void *b)
{
  guint64 x = ((const Run *) a)->key, y = ((const Run *) b)->key;
  return x < y ? -1 : x > y;
}

/* Runs of one term come sorted; an OR group's are sorted runs one after
 * another: an insertion sort is quick for both. */
static void
sort_runs (RunBuf *runs)
{
  Run *v = runs->v;

  if (runs->len > 256)
    {
      qsort (v, runs->len, sizeof (Run), cmp_run);
      return;
    }
  for (guint i = 1; i < runs->len; i++)
    {
      Run x = v[i];
      guint j = i;

      while (j > 0 && v[j - 1].key > x.key)
        {
          v[j] = v[j - 1];
          j--;
        }
      v[j] = x;
    }
}

static void
add_span (GArray *spans, guint64 key, guint32 start, guint32 end)
{
  ClipRuleSpan s = { 1u << (key >> 32), start, end };

  if (spans->len < MAX_SPANS)
    g_array_append_val (spans, s);
}

/* At most n words between the two sides, in the same field; the two may
 * not be the same words. Spans: each side, or both as one when adjacent. */
static gboolean
eval_near (ClipRuleSet *set, const CNode *n, GArray *spans)
{
  RunBuf *L = &set->runs[1], *R = &set->runs[2];
  guint left = g_array_index (set->kids, guint, n->first);
  guint right = g_array_index (set->kids, guint, n->first + 1);
  guint32 d = n->distance, rmax = 0;
  gboolean found = FALSE;

  L->len = 0;
  R->len = 0;
  /* Both sides must occur: a lone term is the cheaper one to try first. */
  if (g_array_index (set->nodes, CNode, right).kind == CLIP_RULE_NODE_TERM &&
      g_array_index (set->nodes, CNode, left).kind != CLIP_RULE_NODE_TERM)
    {
      collect_runs (set, right, R);
      if (R->len == 0)
        return FALSE;
      collect_runs (set, left, L);
      if (L->len == 0)
        return FALSE;
    }
  else
    {
      collect_runs (set, left, L);
      if (L->len == 0)
        return FALSE;
      collect_runs (set, right, R);
      if (R->len == 0)
        return FALSE;
    }
  sort_runs (R);
  for (guint i = 0; i < R->len; i++)
    rmax = MAX (rmax, R->v[i].len);
  for (guint i = 0; i < L->len; i++)
    {
      const Run *l = &L->v[i];
      guint64 field = l->key & G_GUINT64_CONSTANT (0xFFFFFFFF00000000);
      guint32 lpos = (guint32) l->key, lend = lpos + l->len;
      guint32 lo_pos = lpos > d + 1 + rmax ? lpos - d - 1 - rmax : 0;
      guint lo = 0, hi = R->len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (R->v[mid].key < (field | lo_pos))
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint j = lo; j < R->len; j++)
        {
          const Run *r = &R->v[j];
          guint32 rpos = (guint32) r->key, rend = rpos + r->len, gap;

          if ((r->key & G_GUINT64_CONSTANT (0xFFFFFFFF00000000)) != field ||
              (guint64) rpos > (guint64) lend + d + 1)
            break;
          if (rpos <= lend && lpos <= rend)
            continue;
          if (lend < rpos)
            gap = rpos - lend - 1;
          else if (n->ordered)
            continue;
          else
            gap = lpos - rend - 1;
          if (gap > d)
            continue;
          found = TRUE;
          if (spans == NULL)
            return TRUE;
          /* The two sides are what matched, not the words between them:
           * "Russian … interference" across a sentence highlights two
           * words, not the stretch. Adjacent sides read as one span. */
          if (gap == 0)
            add_span (spans, l->key, MIN (l->start, r->start), MAX (l->end, r->end));
          else
            {
              add_span (spans, l->key, l->start, l->end);
              add_span (spans, r->key, r->start, r->end);
            }
        }
    }
  return found;
}

static gboolean
eval (ClipRuleSet *set, guint node, GArray *spans)
{
  const CNode *n = &g_array_index (set->nodes, CNode, node);

  switch (n->kind)
    {
    case CLIP_RULE_NODE_TERM:
      {
        RunBuf *runs = &set->runs[0];

        if (spans == NULL)
          return term_runs (set, n, NULL);
        runs->len = 0;
        if (!term_runs (set, n, runs))
          return FALSE;
        for (guint i = 0; i < runs->len; i++)
          {
            const Run *r = &runs->v[i];
            add_span (spans, r->key, r->start, r->end);
          }
        return TRUE;
      }
    case CLIP_RULE_NODE_AND:
      {
        guint mark = spans ? spans->len : 0;

        for (guint i = 0; i < n->n; i++)
          {
            guint kid = g_array_index (set->kids, guint, n->first + i);
            const CNode *k = &g_array_index (set->nodes, CNode, kid);
            gboolean ok = k->kind == CLIP_RULE_NODE_NOT
                          ? !eval (set, g_array_index (set->kids, guint, k->first), NULL)
                          : eval (set, kid, spans);
            if (!ok)
              {
                if (spans)
                  g_array_set_size (spans, mark);
                return FALSE;
              }
          }
        return TRUE;
      }
    case CLIP_RULE_NODE_OR:
      {
        gboolean any = FALSE;

        for (guint i = 0; i < n->n; i++)
          if (eval (set, g_array_index (set->kids, guint, n->first + i), spans))
            {
              any = TRUE;
              if (spans == NULL)
                return TRUE;
            }
        return any;
      }
    case CLIP_RULE_NODE_NOT:
      return !eval (set, g_array_index (set->kids, guint, n->first), NULL);
    case CLIP_RULE_NODE_NEAR:
      return eval_near (set, n, spans);
    default:
      return FALSE;
    }
}

static int
cmp_span (const void *a, const void *b)
{
  const ClipRuleSpan *x = a, *y = b;

  if (x->field != y->field)
    return x->field < y->field ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static void
tidy_spans (GArray *spans)
{
  guint out = 0;

  ClipRuleSpan *v = (ClipRuleSpan *) spans->data;

  /* Spans come in sorted runs: an insertion sort is quick for them. */
  if (spans->len > 64)
    qsort (v, spans->len, sizeof (ClipRuleSpan), cmp_span);
  else
    for (guint i = 1; i < spans->len; i++)
      {
        ClipRuleSpan x = v[i];
        guint j = i;

        while (j > 0 && cmp_span (&v[j - 1], &x) > 0)
          {
            v[j] = v[j - 1];
            j--;
          }
        v[j] = x;
      }
  for (guint i = 0; i < spans->len; i++)
    {
      const ClipRuleSpan *s = &g_array_index (spans, ClipRuleSpan, i);

      if (out > 0 && cmp_span (s, &g_array_index (spans, ClipRuleSpan, out - 1)) == 0)
        continue;
      g_array_index (spans, ClipRuleSpan, out++) = *s;
    }
  g_array_set_size (spans, out);
}

static void
next_generation (ClipRuleSet *set)
{
  if (++set->gen != 0)
    return;
  /* Wrapped: forget every stamp so none looks current. */
  for (guint i = 0; i < set->patterns->len; i++)
    g_array_index (set->patterns, Pattern, i).gen = 0;
  memset (set->pgen, 0, set->n_pgen * sizeof (guint));
  memset (set->need, 0, set->n_pgen * sizeof (guint));
  for (guint i = 0; i < set->rules->len; i++)
    g_array_index (set->rules, Rule, i).gen = 0;
  set->gen = 1;
}

guint
clip_rule_set_match (ClipRuleSet        *set,
                     const ClipRuleDoc  *doc,
                     ClipRuleMatchFunc   func,
                     gpointer            user_data)
{
  guint count = 0;

  if (set->rules->len == 0)
    return 0;
  if (!set->index_ready)
    clip_rule_index_build (set);
  clip_rule_index_new_article (set);
  clip_rule_set_size_arrays (set);
  /* Triggers are chosen again as the set learns which words are common:
   * after 16, 64, 256... articles, then every 16,384. */
  if (!set->triggers_ready || set->articles >= set->next_triggers)
    {
      clip_rule_set_assign_triggers (set);
      set->next_triggers = MIN (MAX (set->articles * 4, 16), set->articles + 16384);
    }
  set->articles++;
  next_generation (set);
  set->n_candidates = 0;
  set->n_log = 0;
  for (guint i = 0; i < CLIP_RULE_N_FIELDS; i++)
    if ((set->fields & (1u << i)) && doc->text[i] && doc->text[i][0])
      scan_field (set, i, doc->text[i]);
  if (set->n_candidates > 0)
    gather (set);
  for (guint i = 0; i < set->n_candidates; i++)
    {
      const Rule *rule = &g_array_index (set->rules, Rule, set->candidates[i]);

      /* One pass decides and collects the spans: a failing rule costs
       * about the same either way (an AND drops what it gathered), and a
       * matching one is not evaluated twice. */
      set->spans->len = 0;
      if (!eval (set, rule->root, set->spans))
        continue;
      count++;
      tidy_spans (set->spans);
      if (func)
        func (rule->id, (const ClipRuleSpan *) set->spans->data, set->spans->len, user_data);
    }
  return count;
}
