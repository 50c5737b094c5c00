/* clip-rule-snippet.c — a search's spans in one article, and a snippet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "clip-rule-apply.h"
#include "clip-rule-snippet.h"
#include "clip-rules-store.h"

#define ELLIPSIS "…"

struct _ClipSearchMatcher
{
  ClipRuleSet *set;
};

ClipSearchMatcher *
clip_search_matcher_new (ClipStore   *store,
                         const char  *query,
                         GError     **error)
{
  g_autoptr(ClipTermLists) lists = NULL;
  g_autoptr(ClipRuleNode) tree = NULL;
  ClipSearchMatcher *matcher;

  g_return_val_if_fail (CLIP_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!(lists = clip_store_load_term_lists (store, error)) ||
      !(tree = clip_rule_compile_tree (query, lists, NULL, error)))
    return NULL;
  matcher = g_new0 (ClipSearchMatcher, 1);
  matcher->set = clip_rule_set_new ();
  clip_rule_set_add (matcher->set, 1, tree);
  return matcher;
}

void
clip_search_matcher_free (ClipSearchMatcher *matcher)
{
  if (matcher == NULL)
    return;
  clip_rule_set_free (matcher->set);
  g_free (matcher);
}

static void
collect_spans (gint64              rule_id,
               const ClipRuleSpan *spans,
               guint               n_spans,
               gpointer            user_data)
{
  g_array_append_vals (user_data, spans, n_spans);
}

/* Loads the article into buf and matches it; NULL on error. */
static GArray *
match_article (ClipSearchMatcher  *matcher,
               ClipStore          *store,
               gint64              article_id,
               ClipRuleDocBuf     *buf,
               GError            **error)
{
  GArray *spans;

  if (!clip_rule_doc_load (store, article_id, clip_rule_set_fields (matcher->set), buf, error))
    return NULL;
  spans = g_array_new (FALSE, FALSE, sizeof (ClipRuleSpan));
  clip_rule_set_match (matcher->set, &buf->doc, collect_spans, spans);
  return spans;
}

GArray *
clip_search_matcher_spans (ClipSearchMatcher  *matcher,
                           ClipStore          *store,
                           gint64              article_id,
                           GError            **error)
{
  ClipRuleDocBuf buf = { { { NULL } }, { NULL } };
  GArray *spans;

  g_return_val_if_fail (matcher != NULL, NULL);

  spans = match_article (matcher, store, article_id, &buf, error);
  clip_rule_doc_buf_clear (&buf);
  return spans;
}

char *
clip_search_matcher_snippet (ClipSearchMatcher  *matcher,
                             ClipStore          *store,
                             gint64              article_id,
                             guint               max_chars,
                             GArray             *marks,
                             GError            **error)
{
  ClipRuleDocBuf buf = { { { NULL } }, { NULL } };
  g_autoptr(GArray) spans = NULL;
  const char *body;
  char *snippet = NULL;

  g_return_val_if_fail (matcher != NULL, NULL);

  if ((spans = match_article (matcher, store, article_id, &buf, error)) != NULL)
    {
      body = buf.doc.text[g_bit_nth_lsf (CLIP_RULE_FIELD_BODY, -1)];
      snippet = clip_rule_snippet (body ? body : "", (const ClipRuleSpan *) spans->data, spans->len,
                                   max_chars, marks);
    }
  clip_rule_doc_buf_clear (&buf);
  return snippet;
}

/* The snippet */

static gboolean
is_space_at (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

static gboolean
span_fits (const char         *text,
           gsize               len,
           const ClipRuleSpan *span)
{
  return span->field == CLIP_RULE_FIELD_BODY && span->start < span->end && span->end <= len &&
         g_utf8_validate (text + span->start, span->end - span->start, NULL);
}

/* Where the snippet starts: a quarter of it before the match, from the
 * start of a word. */
static const char *
snippet_start (const char *text,
               const char *match,
               guint       max_chars)
{
  const char *p = match, *word;

  for (guint n = 0; p > text && n < max_chars / 4; n++)
    p = g_utf8_prev_char (p);
  if (p > text && !is_space_at (g_utf8_prev_char (p)))
    {
      /* In the middle of a word: from the next one, if it is not the match. */
      for (word = p; word < match && !is_space_at (word); word = g_utf8_next_char (word))
        ;
      if (word < match)
        p = word;
    }
  while (p < match && is_space_at (p))
    p = g_utf8_next_char (p);
  return p;
}

/* Where it ends: max_chars on, back to the end of a word when that leaves
 * most of it (one long "word" is cut where it is). */
static const char *
snippet_end (const char *from,
             const char *end,
             guint       max_chars)
{
  const char *p = from, *q;

  for (guint n = 0; p < end && n < max_chars; n++)
    p = g_utf8_next_char (p);
  if (p >= end)
    return end;
  for (q = p; q > from && !is_space_at (q); q = g_utf8_prev_char (q))
    ;
  return g_utf8_strlen (from, q - from) > max_chars / 2 ? q : p;
}

char *
clip_rule_snippet (const char         *text,
                   const ClipRuleSpan *spans,
                   guint               n_spans,
                   guint               max_chars,
                   GArray             *marks)
{
  gsize len = strlen (text);
  const ClipRuleSpan *first = NULL;
  const char *from = text, *to, *p;
  g_autofree gsize *map = NULL;
  GString *out;
  gsize lead;

  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < n_spans && first == NULL; i++)
    if (span_fits (text, len, &spans[i]))
      first = &spans[i];
  if (first != NULL)
    from = snippet_start (text, text + first->start, MAX (max_chars, 8));
  while (*from && is_space_at (from))
    from = g_utf8_next_char (from);
  to = snippet_end (from, text + len, MAX (max_chars, 8));
  if (from > text)
    g_string_append (out, ELLIPSIS " ");
  lead = out->len;
  /* Where each byte of [from, to] lands in the snippet, for the marks. */
  map = g_new (gsize, to - from + 1);
  for (p = from; p < to; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      for (const char *b = p; b < next; b++)
        map[b - from] = out->len;
      if (!is_space_at (p))
        g_string_append_len (out, p, next - p);
      else if (out->len > lead && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->len > lead && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  map[to - from] = out->len;
  for (guint i = 0; marks != NULL && i < n_spans; i++)
    {
      ClipRuleSpan mark = { CLIP_RULE_FIELD_BODY, 0, 0 };

      if (!span_fits (text, len, &spans[i]) || text + spans[i].end <= from || text + spans[i].start >= to)
        continue;
      mark.start = map[MAX (text + spans[i].start, from) - from];
      mark.end = MIN (map[MIN (text + spans[i].end, to) - from], out->len);
      if (mark.start < mark.end)
        g_array_append_val (marks, mark);
    }
  if (to < text + len)
    g_string_append (out, " " ELLIPSIS);
  return g_string_free (out, FALSE);
}
