/* clip-ruleset-match.c — one pass over an article, then the triggered rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-ruleset-private.h"
#include "clip-text.h"

#include <stdlib.h>
#include <string.h>

/* Words of different values of one field (two tags) are this many
 * positions apart, more than any NEAR distance. */
#define VALUE_GAP (CLIP_RULE_MAX_DISTANCE + 2)
#define MAX_SPANS 1000

typedef struct {
  ClipRuleSet *set;
  guint64      field;       /* field index << 32 */
  const char  *text;        /* the value being read */
  guint32      pos_base;
  guint32      byte_base;
  guint32      next_pos;    /* past the last word seen */
} Scan;

/* {NATO}: the word as written must match, case and all. */
static gboolean
cased_ok (const Pattern *p, const char *word, gsize len)
{
  char buf[CLIP_TEXT_MAX_WORD * 4 + 1];
  gboolean ascii = TRUE;

  for (gsize i = 0; i < len; i++)
    ascii &= ((guchar) word[i]) < 0x80;
  if (ascii && len < sizeof buf)
    {
      memcpy (buf, word, len);
      buf[len] = '\0';
      return clip_rule_glob_match (p->cased, buf);
    }
  {
    g_autofree char *nfc = g_utf8_normalize (word, (gssize) len, G_NORMALIZE_NFC);
    return nfc != NULL && clip_rule_glob_match (p->cased, nfc);
  }
}

static gboolean
on_token (const ClipToken *tok, gpointer data)
{
  Scan *sc = data;
  ClipRuleSet *set = sc->set;
  const guint32 *list = clip_rule_index_lookup (set, tok->folded, tok->folded_len);
  Occ o;

  sc->next_pos = sc->pos_base + tok->position + 1;
  if (list[0] == 0)
    return TRUE;
  o.key = sc->field | (sc->pos_base + tok->position);
  o.start = sc->byte_base + (guint32) tok->start;
  o.end = sc->byte_base + (guint32) tok->end;
  for (guint32 k = 1; k <= list[0]; k++)
    {
      guint32 id = list[k];
      Pattern *p = &g_array_index (set->patterns, Pattern, id);

      if (p->cased && !cased_ok (p, sc->text + tok->start, tok->end - tok->start))
        continue;
      if (p->gen != set->gen)
        {
          p->gen = set->gen;
          g_array_set_size (p->occ, 0);
          g_array_append_val (set->touched, id);
          for (guint t = 0; t < p->triggers->len; t++)
            {
              guint r = g_array_index (p->triggers, guint, t);
              Rule *rule = &g_array_index (set->rules, Rule, r);

              if (rule->gen != set->gen)
                {
                  rule->gen = set->gen;
                  g_array_append_val (set->candidates, r);
                }
            }
        }
      g_array_append_val (p->occ, o);
    }
  return TRUE;
}

static void
scan_field (ClipRuleSet *set, guint index, const char *text)
{
  gboolean multi = (1u << index) == CLIP_RULE_FIELD_OUTLET || (1u << index) == CLIP_RULE_FIELD_TAG;
  Scan sc = { set, (guint64) index << 32, text, 0, 0, 0 };

  if (!multi)
    {
      clip_text_tokenize (text, -1, on_token, &sc);
      return;
    }
  for (const char *v = text; v != NULL;)
    {
      const char *nl = strchr (v, '\n');
      gsize len = nl ? (gsize) (nl - v) : strlen (v);

      sc.text = v;
      sc.byte_base = (guint32) (v - text);
      clip_text_tokenize (v, (gssize) len, on_token, &sc);
      sc.pos_base = sc.next_pos + VALUE_GAP;
      v = nl ? nl + 1 : NULL;
    }
}

static const Occ *
find_occ (const GArray *occ, guint64 key)
{
  guint lo = 0, hi = occ->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint64 k = g_array_index (occ, Occ, mid).key;

      if (k == key)
        return &g_array_index (occ, Occ, mid);
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

/* The runs of a term or phrase in its fields, appended to runs; with runs
 * NULL, only whether there is one. */
static gboolean
term_runs (ClipRuleSet *set, const CNode *n, GArray *runs)
{
  const Pattern *p0 = word_pattern (set, n, 0);
  gboolean found = FALSE;

  if (p0->gen != set->gen)
    return FALSE;
  for (guint i = 1; i < n->n; i++)
    if (word_pattern (set, n, i)->gen != set->gen)
      return FALSE;
  for (guint k = 0; k < p0->occ->len; k++)
    {
      const Occ *o = &g_array_index (p0->occ, Occ, k);
      guint32 end = o->end;
      gboolean ok = TRUE;

      if (!(n->fields & (1u << (o->key >> 32))))
        continue;
      for (guint i = 1; i < n->n && ok; i++)
        {
          const Occ *q = find_occ (word_pattern (set, n, i)->occ, o->key + i);
          ok = q != NULL;
          if (q)
            end = q->end;
        }
      if (!ok)
        continue;
      found = TRUE;
      if (runs == NULL)
        return TRUE;
      {
        Run r = { o->key, n->n - 1, o->start, end };
        g_array_append_val (runs, r);
      }
    }
  return found;
}

static void
collect_runs (ClipRuleSet *set, guint node, GArray *runs)
{
  const CNode *n = &g_array_index (set->nodes, CNode, node);

  if (n->kind == CLIP_RULE_NODE_TERM)
    term_runs (set, n, runs);
  else
    for (guint i = 0; i < n->n; i++)
      collect_runs (set, g_array_index (set->kids, guint, n->first + i), runs);
}

static int
cmp_run (const void *a, const void *b)
{
  guint64 x = ((const Run *) a)->key, y = ((const Run *) b)->key;
  return x < y ? -1 : x > y;
}

static void
add_span (GArray *spans, guint64 key, guint32 start, guint32 end)
{
  ClipRuleSpan s = { 1u << (key >> 32), start, end };

  if (spans->len < MAX_SPANS)
    g_array_append_val (spans, s);
}

/* At most n words between the two sides, in the same field; the two may
 * not be the same words. */
static gboolean
eval_near (ClipRuleSet *set, const CNode *n, GArray *spans)
{
  GArray *L = set->runs[1], *R = set->runs[2];
  guint32 d = n->distance, rmax = 0;
  gboolean found = FALSE;

  g_array_set_size (L, 0);
  g_array_set_size (R, 0);
  collect_runs (set, g_array_index (set->kids, guint, n->first), L);
  if (L->len == 0)
    return FALSE;
  collect_runs (set, g_array_index (set->kids, guint, n->first + 1), R);
  if (R->len == 0)
    return FALSE;
  qsort (R->data, R->len, sizeof (Run), cmp_run);
  for (guint i = 0; i < R->len; i++)
    rmax = MAX (rmax, g_array_index (R, Run, i).len);
  for (guint i = 0; i < L->len; i++)
    {
      const Run *l = &g_array_index (L, Run, i);
      guint64 field = l->key & G_GUINT64_CONSTANT (0xFFFFFFFF00000000);
      guint32 lpos = (guint32) l->key, lend = lpos + l->len;
      guint32 lo_pos = lpos > d + 1 + rmax ? lpos - d - 1 - rmax : 0;
      guint lo = 0, hi = R->len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (g_array_index (R, Run, mid).key < (field | lo_pos))
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint j = lo; j < R->len; j++)
        {
          const Run *r = &g_array_index (R, Run, j);
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
          add_span (spans, l->key, MIN (l->start, r->start), MAX (l->end, r->end));
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
        GArray *runs = set->runs[0];

        if (spans == NULL)
          return term_runs (set, n, NULL);
        g_array_set_size (runs, 0);
        if (!term_runs (set, n, runs))
          return FALSE;
        for (guint i = 0; i < runs->len; i++)
          {
            const Run *r = &g_array_index (runs, Run, i);
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

  qsort (spans->data, spans->len, sizeof (ClipRuleSpan), cmp_span);
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
  for (guint i = 0; i < set->rules->len; i++)
    g_array_index (set->rules, Rule, i).gen = 0;
  set->gen = 1;
}

static int
cmp_guint (const void *a, const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
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
  next_generation (set);
  g_array_set_size (set->touched, 0);
  g_array_set_size (set->candidates, 0);
  for (guint i = 0; i < CLIP_RULE_N_FIELDS; i++)
    if ((set->fields & (1u << i)) && doc->text[i] && doc->text[i][0])
      scan_field (set, i, doc->text[i]);
  /* Rule order, so results do not depend on which word came first. */
  qsort (set->candidates->data, set->candidates->len, sizeof (guint), cmp_guint);
  for (guint i = 0; i < set->candidates->len; i++)
    {
      const Rule *rule = &g_array_index (set->rules, Rule, g_array_index (set->candidates, guint, i));

      g_array_set_size (set->spans, 0);
      if (!eval (set, rule->root, set->spans))
        continue;
      count++;
      tidy_spans (set->spans);
      if (func)
        func (rule->id, (const ClipRuleSpan *) set->spans->data, set->spans->len, user_data);
    }
  return count;
}
