/* clip-page-body.c — which part of the page is the article
 *
 * Readability's content score, on the indexed tree: every paragraph of 25
 * characters or more gives its parent 1 + its commas + a point per 100
 * characters (up to 3), and its grandparents a share; class and id hints
 * and the element's kind weigh in; link-heavy candidates lose. The best
 * candidate then climbs to a parent that scores better, and siblings that
 * score well (or read like paragraphs) join it. What the outlet's model
 * knows as boilerplate, page chrome (nav, aside, footer, menus) and
 * blocks whose class says share/related/comments are not scored, unless
 * they hold most of the page's text (a wrapper with an unlucky class).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-page-private.h"

#include <math.h>
#include <string.h>

#define MIN_PARA 25
#define MAX_ANCESTORS 5

static float
link_density (const NodeInfo *ni)
{
  return ni->text ? (float) ni->link / ni->text : 0.0f;
}

static float
class_weight (const NodeInfo *ni)
{
  float w = 0;

  if (ni->flags & NI_NEGATIVE)
    w -= 25;
  if (ni->flags & NI_POSITIVE)
    w += 25;
  if (ni->flags & NI_BODYPROP)
    w += 50;
  return w;
}

static float
tag_weight (Tag tag)
{
  switch (tag)
    {
    case T_DIV: return 5;
    case T_ARTICLE: return 10;
    case T_MAIN: return 5;
    case T_PRE: case T_TD: case T_BLOCKQUOTE: return 3;
    case T_ADDRESS: case T_OL: case T_UL: case T_DL: case T_DD: case T_DT: case T_LI:
    case T_FORM:
      return -3;
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: case T_TH:
      return -5;
    default:
      return 0;
    }
}

/* Boilerplate that is not scored and, by clip-page-output.c, not
 * written: unless it holds most of the page's text. */
gboolean
clip_page_is_chrome (PageDoc *pd, xmlNodePtr node, gboolean strict)
{
  NodeInfo *ni = INFO (node), *bi = INFO (pd->body);

  if (ni->flags & NI_SKIP)
    return TRUE;
  if (!strict || node == pd->body)
    return FALSE;
  if (!(ni->flags & (NI_CHROME | NI_NEGATIVE | NI_BOILER)))
    return FALSE;
  if ((ni->flags & NI_POSITIVE) && !(ni->flags & (NI_CHROME | NI_BOILER)))
    return FALSE;
  if ((ni->flags & NI_BODYPROP) && !(ni->flags & NI_BOILER))
    return FALSE;
  return !(ni->text * 2 > bi->text && ni->paras >= 3);
}

static void
touch (xmlNodePtr node, GPtrArray *candidates)
{
  NodeInfo *ni = INFO (node);

  if (ni->flags & NI_SCORED)
    return;
  ni->flags |= NI_SCORED;
  ni->score = tag_weight (ni->tag) + class_weight (ni);
  g_ptr_array_add (candidates, node);
}

static gboolean
is_scored_paragraph (NodeInfo *ni)
{
  if (ni->text < MIN_PARA)
    return FALSE;
  switch (ni->tag)
    {
    case T_P: case T_PRE: case T_TD: case T_BLOCKQUOTE:
      return TRUE;
    case T_DIV: case T_SECTION: case T_ARTICLE: case T_SPAN: case T_LI: case T_DD:
      return !(ni->flags & NI_BLOCKS);
    default:
      return FALSE;
    }
}

static void
score_run (xmlNodePtr container, guint32 chars, guint32 commas, GPtrArray *candidates)
{
  float s = 1 + commas + MIN (chars / 100, 3);
  xmlNodePtr a = container;

  if (chars < MIN_PARA)
    return;
  for (int level = 0; a && a->type == XML_ELEMENT_NODE && level < MAX_ANCESTORS; level++)
    {
      NodeInfo *ai = INFO (a);

      if (ai->tag == T_HTML)
        break;
      touch (a, candidates);
      ai->score += s / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
      a = a->parent;
    }
}

/* Text written straight into a container beside its blocks ("<div><p
 * class=title>…</p>The story…<br><br>More…</div>"): each run of it
 * between blocks scores as a paragraph of the container's. */
static void
score_loose_text (xmlNodePtr container, GPtrArray *candidates)
{
  guint32 chars = 0, commas = 0;

  for (xmlNodePtr c = container->children; c; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        {
          guint32 n, k;

          clip_page_count_text (c->content, &n, &k);
          chars += n;
          commas += k;
        }
      else if (c->type == XML_ELEMENT_NODE)
        {
          NodeInfo *ci = INFO (c);

          if ((clip_page_tag_kind (ci->tag) & K_BLOCK) || (ci->flags & NI_SKIP))
            {
              if (ci->tag == T_BR && c->next && c->next->type == XML_TEXT_NODE)
                continue;
              score_run (container, chars, commas, candidates);
              chars = commas = 0;
            }
          else if (ci->tag != T_A)
            {
              chars += ci->text;
              commas += ci->commas;
            }
        }
    }
  score_run (container, chars, commas, candidates);
}

static void
score_all (PageDoc *pd, GPtrArray *candidates, gboolean strict)
{
  xmlNodePtr n = pd->body;

  while (n)
    {
      gboolean skip = FALSE;

      if (n->type != XML_ELEMENT_NODE)
        skip = TRUE;
      else if (clip_page_is_chrome (pd, n, strict))
        skip = TRUE;
      else
        {
          if ((INFO (n)->flags & NI_BLOCKS) &&
              (INFO (n)->tag == T_DIV || INFO (n)->tag == T_TD || INFO (n)->tag == T_SECTION ||
               INFO (n)->tag == T_ARTICLE))
            score_loose_text (n, candidates);
        }
      if (!skip && n->type == XML_ELEMENT_NODE && is_scored_paragraph (INFO (n)))
        {
          score_run (n->parent, INFO (n)->text, INFO (n)->commas, candidates);
          skip = INFO (n)->tag != T_DIV && INFO (n)->tag != T_SECTION &&
                 INFO (n)->tag != T_ARTICLE && INFO (n)->tag != T_BLOCKQUOTE;
        }
      n = clip_page_next (n, pd->body, skip);
    }
}

static float
final_score (xmlNodePtr node)
{
  NodeInfo *ni = INFO (node);

  return ni->score * (1 - link_density (ni));
}

/* Readability: several strong candidates below one ancestor mean the
 * article is split; the ancestor is the article. */
static xmlNodePtr
common_ancestor (PageDoc *pd, GPtrArray *top, xmlNodePtr best)
{
  float best_score = final_score (best);

  for (xmlNodePtr a = best->parent; a && a != pd->body && a->type == XML_ELEMENT_NODE; a = a->parent)
    {
      guint holds = 0;

      for (guint i = 1; i < top->len; i++)
        {
          xmlNodePtr c = g_ptr_array_index (top, i);

          if (final_score (c) < best_score * 0.75f)
            continue;
          for (xmlNodePtr p = c; p; p = p->parent)
            if (p == a)
              {
                holds++;
                break;
              }
        }
      if (holds >= 2)
        return a;
    }
  return best;
}

static int
compare_final (gconstpointer a, gconstpointer b)
{
  float fa = final_score (*(xmlNodePtr *) a), fb = final_score (*(xmlNodePtr *) b);

  return fa < fb ? 1 : fa > fb ? -1 : 0;
}

static xmlNodePtr
climb (PageDoc *pd, xmlNodePtr best)
{
  float last = INFO (best)->score, threshold = last / 3;
  xmlNodePtr p = best->parent;

  while (p && p != pd->body && p->type == XML_ELEMENT_NODE)
    {
      NodeInfo *pi = INFO (p);

      if (!(pi->flags & NI_SCORED))
        {
          p = p->parent;
          continue;
        }
      if (pi->score < threshold)
        break;
      if (pi->score > last)
        {
          best = p;
          break;
        }
      last = pi->score;
      p = p->parent;
    }
  /* an only child says nothing its parent does not */
  while (best != pd->body && best->parent && best->parent != pd->body &&
         best->parent->type == XML_ELEMENT_NODE &&
         xmlChildElementCount (best->parent) == 1)
    best = best->parent;
  return best;
}

static gboolean
reads_like_paragraph (PageDoc *pd, xmlNodePtr node)
{
  NodeInfo *ni = INFO (node);
  g_autoptr(GString) text = NULL;

  if (ni->tag != T_P || ni->text == 0)
    return FALSE;
  if (ni->text > 80)
    return link_density (ni) < 0.25f;
  if (ni->link > 0)
    return FALSE;
  text = g_string_new (NULL);
  clip_page_node_text (node, text, 400);
  return strstr (text->str, ". ") != NULL || g_str_has_suffix (text->str, ".");
}

/* Marks the article's nodes NI_CHOSEN (top, and the siblings that join). */
static void
choose (PageDoc *pd, xmlNodePtr top)
{
  float threshold = MAX (10, INFO (top)->score * 0.2f);
  const char *top_class = clip_page_attr (top, "class");
  xmlNodePtr parent = top->parent;

  if (parent == NULL || top == pd->body)
    {
      INFO (top)->flags |= NI_CHOSEN;
      return;
    }
  for (xmlNodePtr s = parent->children; s; s = s->next)
    {
      NodeInfo *si;
      float bonus = 0;

      if (s->type != XML_ELEMENT_NODE)
        continue;
      si = INFO (s);
      if (s == top)
        {
          si->flags |= NI_CHOSEN;
          continue;
        }
      if (clip_page_is_chrome (pd, s, TRUE))
        continue;
      if (top_class && *top_class && g_strcmp0 (clip_page_attr (s, "class"), top_class) == 0)
        bonus = INFO (top)->score * 0.2f;
      if (((si->flags & NI_SCORED) && si->score + bonus >= threshold &&
           link_density (si) < 0.5f) || reads_like_paragraph (pd, s))
        si->flags |= NI_CHOSEN;
    }
}

/* The best score below each scored node's ancestors, for choose_chunks. */
static float
best_below (xmlNodePtr node)
{
  float best = -1;
  xmlNodePtr n = node;

  for (; n; n = clip_page_next (n, node, FALSE))
    if (n->type == XML_ELEMENT_NODE && (INFO (n)->flags & NI_SCORED) && INFO (n)->score > best)
      best = INFO (n)->score;
  return best;
}

/* An article cut into chunks: the chunks are siblings of the same element
 * and class as the one that holds the best candidate, a level or three
 * up (a "grid" row per chunk, with ads between). */
static void
choose_chunks (PageDoc *pd, xmlNodePtr top, float threshold)
{
  xmlNodePtr a = top->parent;

  for (int level = 1; level <= 3 && a && a != pd->body && a->type == XML_ELEMENT_NODE;
       level++, a = a->parent)
    {
      const char *cls = clip_page_attr (a, "class");

      if (cls == NULL || *cls == '\0' || a->parent == NULL)
        continue;
      for (xmlNodePtr s = a->parent->children; s; s = s->next)
        {
          NodeInfo *si;

          if (s == a || s->type != XML_ELEMENT_NODE || INFO (s)->tag != INFO (a)->tag ||
              g_strcmp0 (clip_page_attr (s, "class"), cls) != 0)
            continue;
          si = INFO (s);
          if (si->text > 0 && link_density (si) < 0.35f && !clip_page_is_chrome (pd, s, TRUE) &&
              best_below (s) >= threshold)
            si->flags |= NI_CHOSEN;
        }
    }
}

static void
clear_marks (PageDoc *pd)
{
  for (guint i = 0; i < pd->n_infos; i++)
    {
      pd->infos[i].flags &= ~(NI_CHOSEN | NI_SCORED);
      pd->infos[i].score = 0;
    }
}

static xmlNodePtr
find_top (PageDoc *pd, gboolean strict)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  xmlNodePtr best;

  score_all (pd, candidates, strict);
  if (candidates->len == 0)
    return NULL;
  g_ptr_array_sort (candidates, compare_final);
  if (candidates->len > 5)
    g_ptr_array_set_size (candidates, 5);
  best = g_ptr_array_index (candidates, 0);
  best = common_ancestor (pd, candidates, best);
  return climb (pd, best);
}

void
clip_page_find_body (PageDoc *pd)
{
  xmlNodePtr top;

  if (pd->body == NULL)
    return;
  clip_page_mark_boilerplate (pd);
  top = find_top (pd, TRUE);
  if (top == NULL || INFO (top)->text < 200)
    {
      /* nothing outside the chrome: read it all, as Readability does on
       * its second try */
      clear_marks (pd);
      top = find_top (pd, FALSE);
    }
  if (top == NULL)
    top = pd->body;
  pd->top = top;
  choose (pd, top);
  choose_chunks (pd, top, MAX (10, INFO (top)->score * 0.2f));
}
