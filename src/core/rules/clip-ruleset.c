/* clip-ruleset.c — the compiled rule set and its one-pass matcher
 *
 * Every word of every rule becomes a pattern (deduplicated across rules):
 * exact, prefix ("interfer*") or glob ("wom?n"). Each distinct folded word
 * of the articles is resolved once to the patterns it matches and cached,
 * so the per-word cost is one hash probe however many rules there are.
 * While an article is read, each pattern collects its occurrences and the
 * rules it can trigger; only triggered rules are then evaluated, on the
 * occurrence lists (phrases, NEAR, fields), and yield their spans.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-ruleset-private.h"
#include "clip-text.h"

#include <string.h>

char *
clip_rule_fold_pattern (const char *word)
{
  GString *out = g_string_new (NULL);
  const char *p = word;

  while (*p)
    {
      const char *lit = p;

      if (*p == '*' || *p == '?')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      while (*p && *p != '*' && *p != '?')
        p = g_utf8_next_char (p);
      {
        g_autofree char *folded = clip_text_fold (lit, p - lit);
        /* A literal run has only word characters: one folded word. */
        g_string_append (out, folded);
      }
    }
  return g_string_free (out, FALSE);
}

gboolean
clip_rule_glob_match (const char *p, const char *s)
{
  const char *star_p = NULL, *star_s = NULL;

  while (*s)
    {
      if (*p == '*')
        {
          while (*p == '*')
            p++;
          if (*p == '\0')
            return TRUE;
          star_p = p;
          star_s = s;
          continue;
        }
      if (*p == '?')
        {
          p++;
          s = g_utf8_next_char (s);
          continue;
        }
      if (*p != '\0' && *p == *s)
        {
          p++;
          s++;
          continue;
        }
      if (star_p == NULL)
        return FALSE;
      star_s = g_utf8_next_char (star_s);
      p = star_p;
      s = star_s;
    }
  while (*p == '*')
    p++;
  return *p == '\0';
}

/* Compilation */

static guint
intern_pattern (ClipRuleSet *set, const char *raw, gboolean cased)
{
  g_autofree char *folded = clip_rule_fold_pattern (raw);
  g_autofree char *nfc = cased ? g_utf8_normalize (raw, -1, G_NORMALIZE_NFC) : NULL;
  g_autofree char *key = g_strconcat (folded, "\x01", nfc ? nfc : "", NULL);
  gpointer found;
  Pattern pat = { 0 };
  const char *wild;

  if (g_hash_table_lookup_extended (set->pattern_ids, key, NULL, &found))
    return GPOINTER_TO_UINT (found);
  wild = strpbrk (folded, "*?");
  if (wild == NULL)
    pat.kind = PAT_EXACT;
  else if (wild[0] == '*' && wild[1] == '\0')
    pat.kind = PAT_PREFIX;
  else
    pat.kind = PAT_GLOB;
  pat.literal_len = wild ? (guint) (wild - folded) : (guint) strlen (folded);
  pat.folded = g_steal_pointer (&folded);
  pat.cased = g_steal_pointer (&nfc);
  g_array_append_val (set->patterns, pat);
  g_hash_table_insert (set->pattern_ids, g_steal_pointer (&key),
                       GUINT_TO_POINTER (set->patterns->len - 1));
  set->index_ready = FALSE;
  return set->patterns->len - 1;
}

static guint
add_node (ClipRuleSet *set, const CNode *n)
{
  g_array_append_vals (set->nodes, n, 1);
  return set->nodes->len - 1;
}

static guint
compile_node (ClipRuleSet *set, const ClipRuleNode *node)
{
  CNode n = { 0 };

  switch (node->kind)
    {
    case CLIP_RULE_NODE_TERM:
      n.kind = CLIP_RULE_NODE_TERM;
      n.fields = (guint16) node->fields;
      n.n = node->words->len;
      n.first = set->words->len;
      for (guint i = 0; i < node->words->len; i++)
        {
          guint id = intern_pattern (set, g_ptr_array_index (node->words, i),
                                     node->case_sensitive);
          g_array_append_val (set->words, id);
        }
      set->fields |= node->fields;
      return add_node (set, &n);
    case CLIP_RULE_NODE_AND:
    case CLIP_RULE_NODE_OR:
    case CLIP_RULE_NODE_NOT:
    case CLIP_RULE_NODE_NEAR:
      {
        guint ids[node->children->len];

        for (guint i = 0; i < node->children->len; i++)
          ids[i] = compile_node (set, g_ptr_array_index (node->children, i));
        n.kind = node->kind;
        n.ordered = node->ordered;
        n.distance = (guint16) node->distance;
        n.n = node->children->len;
        n.first = set->kids->len;
        g_array_append_vals (set->kids, ids, node->children->len);
        return add_node (set, &n);
      }
    case CLIP_RULE_NODE_LIST:
    default:
      g_return_val_if_reached (0);
    }
}

/* What a pattern costs as a trigger: the articles it occurred in so far
 * (the set learns what is common in the text it reads), with guesses that
 * only break ties while nothing is known: an exact word before a prefix,
 * a long word before a short one. */
static guint64
pattern_cost (ClipRuleSet *set, guint id)
{
  const Pattern *p = &g_array_index (set->patterns, Pattern, id);

  return (guint64) set->seen[id] * 1024 + (p->kind == PAT_EXACT ? 0 : 256) +
         (128 - MIN (p->literal_len, 127));
}

/* A set of patterns such that the rule can only match if one of them
 * occurs, and that occur rarely: most rules are then never evaluated.
 * Returns the set's cost. */
static guint64
collect_triggers (ClipRuleSet *set, guint node, GArray *out)
{
  const CNode *n = &g_array_index (set->nodes, CNode, node);

  if (n->kind == CLIP_RULE_NODE_TERM)
    {
      guint best = 0;
      guint64 best_cost = G_MAXUINT64;

      /* Any word of a phrase must occur: the rarest will do. */
      for (guint i = 0; i < n->n; i++)
        {
          guint id = g_array_index (set->words, guint, n->first + i);
          guint64 cost = pattern_cost (set, id);

          if (cost < best_cost)
            best = id, best_cost = cost;
        }
      g_array_append_val (out, best);
      return best_cost;
    }
  if (n->kind == CLIP_RULE_NODE_OR)
    {
      guint64 sum = 0;

      for (guint i = 0; i < n->n; i++)
        sum += collect_triggers (set, g_array_index (set->kids, guint, n->first + i), out);
      return sum;
    }
  /* AND, NEAR: any one positive side will do; take the cheapest. */
  {
    g_autoptr(GArray) best = NULL;
    guint64 best_cost = G_MAXUINT64;

    for (guint i = 0; i < n->n; i++)
      {
        guint kid = g_array_index (set->kids, guint, n->first + i);
        g_autoptr(GArray) t = NULL;
        guint64 cost;

        if (g_array_index (set->nodes, CNode, kid).kind == CLIP_RULE_NODE_NOT)
          continue;
        t = g_array_new (FALSE, FALSE, sizeof (guint));
        cost = collect_triggers (set, kid, t);
        if (cost < best_cost)
          {
            g_clear_pointer (&best, g_array_unref);
            best = g_steal_pointer (&t);
            best_cost = cost;
          }
      }
    if (best)
      g_array_append_vals (out, best->data, best->len);
    return best_cost;
  }
}

void
clip_rule_set_size_arrays (ClipRuleSet *set)
{
  guint n = set->patterns->len, old = set->n_pgen;

  if (n == old)
    return;
  set->pgen = g_renew (guint, set->pgen, n);
  set->need = g_renew (guint, set->need, n);
  set->seen = g_renew (guint, set->seen, n);
  for (guint i = old; i < n; i++)
    set->pgen[i] = set->need[i] = set->seen[i] = 0;
  set->n_pgen = n;
}

void
clip_rule_set_assign_triggers (ClipRuleSet *set)
{
  g_autoptr(GArray) triggers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint n = set->patterns->len;

  clip_rule_set_size_arrays (set);
  for (guint index = 0; index < set->rules->len; index++)
    {
      g_array_set_size (triggers, 0);
      collect_triggers (set, g_array_index (set->rules, Rule, index).root, triggers);
      for (guint i = 0; i < triggers->len; i++)
        {
          guint pair[2] = { g_array_index (triggers, guint, i), index };
          g_array_append_vals (pairs, pair, 1);
        }
    }
  /* Flat, by pattern: the scan reads only small arrays. A stable
   * counting sort keeps each pattern's rules in order, so a rule that
   * names a pattern twice sits twice in a row, and goes once. */
  {
    g_autofree guint *off = g_new0 (guint, n + 1);
    g_autofree guint *fill = NULL;
    g_autofree guint *rules = g_new (guint, MAX (pairs->len, 1));
    guint out = 0;

    for (guint i = 0; i < pairs->len; i++)
      off[((guint *) pairs->data)[2 * i] + 1]++;
    for (guint i = 0; i < n; i++)
      off[i + 1] += off[i];
    fill = g_memdup2 (off, (n + 1) * sizeof (guint));
    for (guint i = 0; i < pairs->len; i++)
      rules[fill[((guint *) pairs->data)[2 * i]]++] = ((guint *) pairs->data)[2 * i + 1];
    g_free (set->trig_off);
    g_free (set->trig_rules);
    set->trig_off = g_new (guint, n + 1);
    set->trig_rules = g_new (guint, MAX (pairs->len, 1));
    for (guint i = 0; i < n; i++)
      {
        set->trig_off[i] = out;
        for (guint j = off[i]; j < off[i + 1]; j++)
          if (j == off[i] || rules[j] != rules[j - 1])
            set->trig_rules[out++] = rules[j];
      }
    set->trig_off[n] = out;
  }
  set->triggers_ready = TRUE;
}

void
clip_rule_set_add (ClipRuleSet        *set,
                   gint64              rule_id,
                   const ClipRuleNode *tree)
{
  Rule rule = { rule_id, 0, 0, set->words->len, 0 };

  rule.root = compile_node (set, tree);
  rule.words_end = set->words->len;
  g_array_append_val (set->rules, rule);
  set->triggers_ready = FALSE;
}

gboolean
clip_rule_set_add_query (ClipRuleSet    *set,
                         gint64          rule_id,
                         const char     *query,
                         ClipTermLists  *lists,
                         guint          *error_column,
                         GError        **error)
{
  g_autoptr(ClipRuleNode) tree = clip_rule_compile_tree (query, lists, error_column, error);

  if (tree == NULL)
    return FALSE;
  clip_rule_set_add (set, rule_id, tree);
  return TRUE;
}

ClipRuleSet *
clip_rule_set_new (void)
{
  ClipRuleSet *set = g_new0 (ClipRuleSet, 1);

  set->patterns = g_array_new (FALSE, FALSE, sizeof (Pattern));
  set->pattern_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set->nodes = g_array_new (FALSE, FALSE, sizeof (CNode));
  set->kids = g_array_new (FALSE, FALSE, sizeof (guint));
  set->words = g_array_new (FALSE, FALSE, sizeof (guint));
  set->rules = g_array_new (FALSE, FALSE, sizeof (Rule));
  set->spans = g_array_new (FALSE, FALSE, sizeof (ClipRuleSpan));
  set->gen = 1;
  return set;
}

void
clip_rule_set_free (ClipRuleSet *set)
{
  if (set == NULL)
    return;
  for (guint i = 0; i < set->patterns->len; i++)
    {
      Pattern *p = &g_array_index (set->patterns, Pattern, i);
      g_free (p->folded);
      g_free (p->cased);
      g_free (p->occ);
    }
  g_array_unref (set->patterns);
  g_hash_table_destroy (set->pattern_ids);
  g_array_unref (set->nodes);
  g_array_unref (set->kids);
  g_array_unref (set->words);
  g_array_unref (set->rules);
  g_free (set->candidates);
  g_free (set->log);
  g_free (set->pgen);
  g_free (set->need);
  g_free (set->seen);
  g_free (set->trig_off);
  g_free (set->trig_rules);
  g_array_unref (set->spans);
  for (guint i = 0; i < G_N_ELEMENTS (set->runs); i++)
    g_free (set->runs[i].v);
  clip_rule_index_clear (set);
  g_free (set);
}

guint
clip_rule_set_size (ClipRuleSet *set)
{
  return set->rules->len;
}

gint64
clip_rule_set_get_id (ClipRuleSet *set,
                      guint        i)
{
  g_return_val_if_fail (i < set->rules->len, 0);
  return g_array_index (set->rules, Rule, i).id;
}

guint
clip_rule_set_fields (ClipRuleSet *set)
{
  return set->fields;
}
