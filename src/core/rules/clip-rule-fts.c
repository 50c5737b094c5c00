/* clip-rule-fts.c — rules into FTS5 queries that find a superset
 *
 * The index holds title, body and author, cut by the same tokenizer as the
 * matcher, so words, prefixes, phrases and boolean structure carry over
 * exactly. What the index cannot say is widened: NEAR becomes AND, a glob
 * its literal prefix, {Case} its folded word; parts about other fields
 * (lang:, tag:...) place no constraint; NOT is kept only when what it
 * excludes is translated exactly, otherwise dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-rule-fts.h"
#include "clip-fts.h"
#include "clip-ruleset.h"

#include <string.h>

#define FTS_FIELDS (CLIP_RULE_FIELD_TITLE | CLIP_RULE_FIELD_BODY | CLIP_RULE_FIELD_AUTHOR)

static void
append_columns (GString *s, guint fields)
{
  static const struct { guint field; const char *column; } cols[] = {
    { CLIP_RULE_FIELD_TITLE, "title" },
    { CLIP_RULE_FIELD_BODY, "body" },
    { CLIP_RULE_FIELD_AUTHOR, "author" },
  };
  gboolean first = TRUE;

  g_string_append_c (s, '{');
  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    if (fields & cols[i].field)
      {
        g_string_append_printf (s, "%s%s", first ? "" : " ", cols[i].column);
        first = FALSE;
      }
  g_string_append (s, "} : ");
}

/* A term or phrase: consecutive constrained words joined by "+", words
 * the index cannot narrow ("?ussia") split the phrase into an AND. */
static char *
term_to_fts (const ClipRuleNode *node, gboolean *exact)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint parts = 0;
  gboolean joined = FALSE;

  *exact = !node->case_sensitive;
  if ((node->fields & ~FTS_FIELDS) != 0 || (node->fields & FTS_FIELDS) == 0)
    {
      *exact = FALSE;
      return NULL;
    }
  for (guint i = 0; i < node->words->len; i++)
    {
      g_autofree char *folded = clip_rule_fold_pattern (g_ptr_array_index (node->words, i));
      gsize lit = strcspn (folded, "*?");
      gboolean wild = folded[lit] != '\0';
      g_autofree char *quoted = NULL;

      if (wild && !(folded[lit] == '*' && folded[lit + 1] == '\0'))
        *exact = FALSE;   /* a glob: only its literal start is indexed */
      if (lit == 0)
        {
          /* Nothing indexed narrows this word: the phrase breaks here. */
          *exact = FALSE;
          joined = FALSE;
          continue;
        }
      folded[lit] = '\0';
      quoted = clip_fts_quote (folded);
      if (joined)
        g_string_append (s, " + ");
      else
        {
          if (parts++ > 0)
            g_string_append (s, " AND ");
          append_columns (s, node->fields);
        }
      g_string_append (s, quoted);
      if (wild)
        g_string_append (s, " *");
      joined = TRUE;
    }
  if (parts == 0)
    return NULL;
  if (parts > 1)
    {
      g_string_prepend_c (s, '(');
      g_string_append_c (s, ')');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *translate (const ClipRuleNode *node, gboolean *exact);

/* The alternatives of one side of NEAR as FTS5 phrases, with their
 * fields; FALSE when one cannot be written so. */
static gboolean
near_side (const ClipRuleNode *node, GPtrArray *phrases, GArray *fields)
{
  if (node->kind == CLIP_RULE_NODE_OR)
    {
      for (guint i = 0; i < node->children->len; i++)
        if (!near_side (g_ptr_array_index (node->children, i), phrases, fields))
          return FALSE;
      return TRUE;
    }
  if (node->kind != CLIP_RULE_NODE_TERM ||
      (node->fields & ~FTS_FIELDS) != 0 || (node->fields & FTS_FIELDS) == 0)
    return FALSE;
  {
    g_autoptr(GString) s = g_string_new (NULL);

    for (guint i = 0; i < node->words->len; i++)
      {
        g_autofree char *folded = clip_rule_fold_pattern (g_ptr_array_index (node->words, i));
        gsize lit = strcspn (folded, "*?");
        gboolean wild = folded[lit] != '\0';
        g_autofree char *quoted = NULL;

        if (lit == 0)
          return FALSE;
        folded[lit] = '\0';
        quoted = clip_fts_quote (folded);
        g_string_append_printf (s, "%s%s%s", i ? " + " : "", quoted, wild ? " *" : "");
      }
    g_ptr_array_add (phrases, g_string_free (g_steal_pointer (&s), FALSE));
    g_array_append_val (fields, node->fields);
  }
  return TRUE;
}

/* NEAR as FTS5's own NEAR groups, one per pair of alternatives: as
 * selective as the index can be. FTS5 measures the distance the same way,
 * both orders count (ONEAR is narrower still), and both phrases must be
 * in one column: a superset. NULL when the sides will not fit, or when
 * there are many pairs: FTS5 reads the position lists of both sides again
 * for every group (42 groups of common prefixes took 7 s over a million
 * articles, the sides ANDed 0.7 s), and the matcher confirms faster than
 * that. */
#define MAX_NEAR_GROUPS 4

static char *
near_to_fts (const ClipRuleNode *node)
{
  g_autoptr(GPtrArray) lp = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rp = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lf = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) rf = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) s = g_string_new ("(");
  guint groups = 0;

  if (!near_side (g_ptr_array_index (node->children, 0), lp, lf) ||
      !near_side (g_ptr_array_index (node->children, 1), rp, rf) ||
      lp->len * rp->len > MAX_NEAR_GROUPS)
    return NULL;
  for (guint i = 0; i < lp->len; i++)
    for (guint k = 0; k < rp->len; k++)
      {
        guint cols = g_array_index (lf, guint, i) & g_array_index (rf, guint, k) & FTS_FIELDS;

        if (cols == 0)
          continue;   /* never in the same field */
        if (groups++ > 0)
          g_string_append (s, " OR ");
        append_columns (s, cols);
        g_string_append_printf (s, "NEAR(%s %s, %u)", (const char *) g_ptr_array_index (lp, i),
                                (const char *) g_ptr_array_index (rp, k), node->distance);
      }
  if (groups == 0)
    return NULL;
  g_string_append_c (s, ')');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
and_to_fts (const ClipRuleNode *node, gboolean *exact)
{
  g_autoptr(GString) pos = g_string_new (NULL);
  g_autoptr(GString) neg = g_string_new (NULL);

  *exact = TRUE;
  for (guint i = 0; i < node->children->len; i++)
    {
      const ClipRuleNode *c = g_ptr_array_index (node->children, i);
      gboolean is_not = c->kind == CLIP_RULE_NODE_NOT, e = FALSE;
      g_autofree char *t = translate (is_not ? g_ptr_array_index (c->children, 0) : c, &e);

      if (t == NULL || (is_not && !e))
        {
          /* Unconstrained: the superset simply leaves it out. */
          *exact = FALSE;
          continue;
        }
      *exact &= e;
      if (is_not)
        g_string_append_printf (neg, "%s%s", neg->len ? " OR " : "", t);
      else
        g_string_append_printf (pos, "%s%s", pos->len ? " AND " : "", t);
    }
  if (pos->len == 0)
    {
      *exact = FALSE;
      return NULL;
    }
  if (neg->len == 0)
    return g_strdup_printf ("(%s)", pos->str);
  return g_strdup_printf ("((%s) NOT (%s))", pos->str, neg->str);
}

static char *
translate (const ClipRuleNode *node, gboolean *exact)
{
  switch (node->kind)
    {
    case CLIP_RULE_NODE_TERM:
      return term_to_fts (node, exact);
    case CLIP_RULE_NODE_AND:
      return and_to_fts (node, exact);
    case CLIP_RULE_NODE_NEAR:
      {
        char *near = near_to_fts (node);

        if (near != NULL)
          {
            *exact = FALSE;
            return near;
          }
      }
      G_GNUC_FALLTHROUGH;
    case CLIP_RULE_NODE_OR:
      {
        g_autoptr(GString) s = g_string_new ("(");
        gboolean all = TRUE;

        for (guint i = 0; i < node->children->len; i++)
          {
            gboolean e = FALSE;
            g_autofree char *t = translate (g_ptr_array_index (node->children, i), &e);

            if (t == NULL && node->kind == CLIP_RULE_NODE_OR)
              {
                /* One unconstrained alternative makes the whole OR so. */
                *exact = FALSE;
                return NULL;
              }
            all &= e;
            if (t)
              g_string_append_printf (s, "%s%s", s->len > 1 ? (node->kind == CLIP_RULE_NODE_OR ? " OR " : " AND ") : "", t);
          }
        *exact = all && node->kind == CLIP_RULE_NODE_OR;
        if (s->len == 1)
          {
            *exact = FALSE;
            return NULL;
          }
        g_string_append_c (s, ')');
        return g_string_free (g_steal_pointer (&s), FALSE);
      }
    case CLIP_RULE_NODE_NOT:
    case CLIP_RULE_NODE_LIST:
    default:
      *exact = FALSE;
      return NULL;
    }
}

char *
clip_rule_to_fts (const ClipRuleNode *tree,
                  gboolean           *exact)
{
  gboolean e = FALSE;
  char *q = translate (tree, &e);

  if (exact)
    *exact = q != NULL && e;
  return q;
}
