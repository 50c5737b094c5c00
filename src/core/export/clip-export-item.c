/* clip-export-item.c — one article of a report: the article, the rules
 * that matched it with their words, its tags, and an excerpt around the
 * first match with the matched words marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-export-private.h"
#include "clip-rule-apply.h"
#include "clip-store-sql.h"
#include "clip-text.h"

#include <string.h>
#include <glib/gi18n-lib.h>

static void
span_clear (ClipExportSpan *span)
{
  g_free (span->text);
}

static void
match_free (ClipExportMatch *match)
{
  g_clear_pointer (&match->spans, g_array_unref);
  g_clear_pointer (&match->words, g_ptr_array_unref);
  g_free (match);
}

void
clip_export_item_free (ClipExportItem *item)
{
  if (item == NULL)
    return;
  g_clear_pointer (&item->article, clip_article_free);
  g_clear_pointer (&item->matches, g_ptr_array_unref);
  g_strfreev (item->tags);
  g_free (item->excerpt);
  g_clear_pointer (&item->excerpt_marks, g_array_unref);
  g_clear_pointer (&item->title_marks, g_array_unref);
  g_free (item->body);
  clip_evidence_free (item->evidence);
  g_free (item);
}

/* Whether span i lies within another span of the same field: a NEAR's
 * side that is also part of an adjacent pair adds no word of its own. */
static gboolean
inside_another (GArray *spans, guint i)
{
  const ClipExportSpan *s = &g_array_index (spans, ClipExportSpan, i);

  for (guint j = 0; j < spans->len; j++)
    {
      const ClipExportSpan *o = &g_array_index (spans, ClipExportSpan, j);

      if (j != i && o->field == s->field && o->start <= s->start && s->end <= o->end &&
          (o->end - o->start > s->end - s->start || j < i))
        return TRUE;
    }
  return FALSE;
}

/* The distinct words (by folding) of the spans, in order. */
static void
collect_words (ClipExportMatch *match)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < match->spans->len; i++)
    {
      const ClipExportSpan *span = &g_array_index (match->spans, ClipExportSpan, i);

      if (!inside_another (match->spans, i))
        clip_text_add_distinct (match->words, seen, g_strdup (span->text));
    }
}

/* The spans that fit the fields as the report gives them (the decoder
 * skips the others: see clip_rule_spans_from_json()), with their text.
 * No outlet or tag spans: they point into the matcher's joined values,
 * which the report does not hold; nor the language code's, no word. */
static void
read_spans (ClipExportMatch   *match,
            const char        *json,
            const ClipArticle *a,
            const char        *body)
{
  ClipRuleDoc doc = { { NULL } };
  g_autoptr(GArray) spans = NULL;

  clip_rule_doc_set (&doc, CLIP_RULE_FIELD_TITLE, a->title ? a->title : "");
  clip_rule_doc_set (&doc, CLIP_RULE_FIELD_BODY, body);
  clip_rule_doc_set (&doc, CLIP_RULE_FIELD_AUTHOR, a->author ? a->author : "");
  clip_rule_doc_set (&doc, CLIP_RULE_FIELD_URL, a->url ? a->url : "");
  spans = clip_rule_spans_from_json (json, &doc);
  for (guint i = 0; i < spans->len; i++)
    {
      const ClipRuleSpan *s = &g_array_index (spans, ClipRuleSpan, i);
      const char *text = doc.text[g_bit_nth_lsf (s->field, -1)];
      ClipExportSpan span = { g_intern_static_string (clip_rule_field_name (s->field)),
                              s->start, s->end, g_strndup (text + s->start, s->end - s->start) };

      g_array_append_val (match->spans, span);
    }
  collect_words (match);
}

static gint
compare_marks (gconstpointer a, gconstpointer b)
{
  const ClipExportMark *ma = a, *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  return ma->end > mb->end ? -1 : ma->end < mb->end;
}

/* Sorted, and where two overlap the earlier (then longer) one wins. */
static void
tidy_marks (GArray *marks)
{
  gsize end = 0;
  guint out = 0;

  g_array_sort (marks, compare_marks);
  for (guint i = 0; i < marks->len; i++)
    {
      ClipExportMark m = g_array_index (marks, ClipExportMark, i);

      if (i > 0 && m.start < end)
        continue;
      g_array_index (marks, ClipExportMark, out++) = m;
      end = m.end;
    }
  g_array_set_size (marks, out);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_iscntrl (c);
}

/* The window of body text an excerpt shows: from shortly before anchor,
 * starting at a word, about CLIP_EXPORT_EXCERPT_CHARS long, ending at one. */
static void
excerpt_window (const char *body, gsize len, gsize anchor, gsize *ws, gsize *we)
{
  const char *p = body + anchor, *q;
  guint n;

  for (n = 0; n < 90 && p > body; n++)
    p = g_utf8_prev_char (p);
  if (p > body)
    for (q = p, n = 0; n < 24 && *q; n++, q = g_utf8_next_char (q))
      if (is_space (g_utf8_get_char (q)))
        {
          p = g_utf8_next_char (q);
          break;
        }
  *ws = p - body;
  for (q = p, n = 0; n < CLIP_EXPORT_EXCERPT_CHARS && *q; n++)
    q = g_utf8_next_char (q);
  if (*q)
    for (const char *r = q; r > p + 1 && n > CLIP_EXPORT_EXCERPT_CHARS - 40; n--)
      {
        r = g_utf8_prev_char (r);
        if (is_space (g_utf8_get_char (r)))
          {
            q = r;
            break;
          }
      }
  *we = MIN ((gsize) (q - body), len);
}

static void
build_excerpt (ClipExportItem *item, GArray *body_marks)
{
  const char *body = item->body;
  gsize len = strlen (body), ws, we, prefix = 0;
  g_autofree gsize *map = NULL;
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  tidy_marks (body_marks);
  excerpt_window (body, len,
                  body_marks->len ? g_array_index (body_marks, ClipExportMark, 0).start : 0,
                  &ws, &we);
  if (ws > 0)
    {
      g_string_append (out, "…\u00a0");
      prefix = out->len;
    }
  map = g_new (gsize, we - ws + 1);
  for (const char *p = body + ws; p < body + we; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize at = p - body - ws, clen = g_utf8_next_char (p) - p;

      if (is_space (c))
        {
          space = out->len > prefix;
          for (gsize k = 0; k < clen; k++)
            map[at + k] = out->len;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      for (gsize k = 0; k < clen; k++)
        map[at + k] = out->len;
      g_string_append_len (out, p, clen);
    }
  map[we - ws] = out->len;
  if (we < len && out->len > prefix)
    g_string_append (out, "\u00a0…");

  for (guint i = 0; i < body_marks->len; i++)
    {
      ClipExportMark m = g_array_index (body_marks, ClipExportMark, i);

      if (m.start < ws || m.end > we)
        continue;
      m.start = map[m.start - ws];
      m.end = map[m.end - ws];
      if (m.end > m.start)
        g_array_append_val (item->excerpt_marks, m);
    }
  item->excerpt = g_string_free (out, FALSE);
}

static gboolean
read_matches (ClipExportContext *ctx,
              ClipExportItem    *item,
              GArray            *body_marks,
              GError           **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (ctx->store,
      "SELECT rule_id, spans, matched FROM matches WHERE article_id = ? ORDER BY rule_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->article->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rule_id = sqlite3_column_int64 (stmt, 0);
      ClipExportRule *rule = g_hash_table_lookup (ctx->sel->rules_by_id, &rule_id);
      ClipExportMatch *match;

      /* A match made after the selection was taken is not in the summary:
       * leave it out so the report agrees with itself. */
      if (rule == NULL)
        continue;
      match = g_new0 (ClipExportMatch, 1);
      match->rule = rule;
      match->matched = sqlite3_column_int64 (stmt, 2);
      match->spans = g_array_new (FALSE, FALSE, sizeof (ClipExportSpan));
      g_array_set_clear_func (match->spans, (GDestroyNotify) span_clear);
      match->words = g_ptr_array_new_with_free_func (g_free);
      read_spans (match, (const char *) sqlite3_column_text (stmt, 1), item->article, item->body);
      /* Only the words of the rules the report is about are marked; the
       * others' still show beside their chips. */
      for (guint i = 0; rule->about && i < match->spans->len; i++)
        {
          ClipExportSpan *s = &g_array_index (match->spans, ClipExportSpan, i);
          ClipExportMark m = { s->start, s->end, rule->index };

          if (s->field == g_intern_static_string ("title"))
            g_array_append_val (item->title_marks, m);
          else if (s->field == g_intern_static_string ("body"))
            g_array_append_val (body_marks, m);
        }
      g_ptr_array_add (item->matches, match);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (ctx->store, rc, _("Could not read the matches"), error);
  return TRUE;
}

/* Text the archive holds is UTF-8, but a report must never carry invalid
 * bytes even from a damaged archive. */
static void
make_valid (char **text)
{
  if (*text && !g_utf8_validate (*text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (*text, -1);

      g_free (*text);
      *text = valid;
    }
}

static ClipExportItem *
load_item (ClipExportContext *ctx,
           ClipArticle       *article,
           GError           **error)
{
  g_autoptr(ClipExportItem) item = g_new0 (ClipExportItem, 1);
  g_autoptr(GArray) body_marks = g_array_new (FALSE, FALSE, sizeof (ClipExportMark));

  item->article = article;
  make_valid (&article->title);
  make_valid (&article->author);
  make_valid (&article->url);
  make_valid (&article->summary_text);
  make_valid (&article->content_text);
  make_valid (&article->note);
  make_valid (&article->outlet_name);
  make_valid (&article->page_text);
  item->body = clip_article_dup_match_body (article);
  item->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) match_free);
  item->excerpt_marks = g_array_new (FALSE, FALSE, sizeof (ClipExportMark));
  item->title_marks = g_array_new (FALSE, FALSE, sizeof (ClipExportMark));
  if (!read_matches (ctx, item, body_marks, error))
    return NULL;
  tidy_marks (item->title_marks);
  if (!(item->tags = clip_store_get_tags (ctx->store, article->id, error)))
    return NULL;
  build_excerpt (item, body_marks);
  item->evidence = clip_store_get_evidence (ctx->store, article->id, error);
  if (item->evidence == NULL && error && *error)
    return NULL;
  return g_steal_pointer (&item);
}

ClipExportItem *
clip_export_next_item (ClipExportContext  *ctx,
                       GError            **error)
{
  GArray *ids = ctx->sel->ids;

  while (ctx->next < ids->len)
    {
      gint64 id = g_array_index (ids, gint64, ctx->next);
      g_autoptr(GError) local_error = NULL;
      ClipArticle *article;
      ClipExportItem *item;

      if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        return NULL;
      ctx->next++;
      article = clip_store_get_article (ctx->store, id, &local_error);
      /* Removed since the selection was taken (its outlet deleted). */
      if (article == NULL && g_error_matches (local_error, CLIP_STORE_ERROR,
                                              CLIP_STORE_ERROR_NOT_FOUND))
        continue;
      if (article == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!(item = load_item (ctx, article, error)))
        return NULL;
      if (ctx->progress)
        ctx->progress (ctx->next, ids->len, ctx->progress_data);
      return item;
    }
  return NULL;
}

void
clip_export_append_words (GString              *out,
                          const ClipExportItem *item)
{
  for (guint i = 0; i < item->matches->len; i++)
    {
      const ClipExportMatch *m = g_ptr_array_index (item->matches, i);

      if (m->words->len == 0)
        continue;
      if (out->len)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s: ", m->rule->name);
      for (guint w = 0; w < m->words->len; w++)
        {
          if (w)
            g_string_append (out, ", ");
          g_string_append (out, g_ptr_array_index (m->words, w));
        }
    }
}

char *
clip_export_evidence_line (const ClipExportItem *item)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (item->evidence != NULL)
    {
      g_autofree char *when = clip_export_iso_time (item->evidence->captured);

      /* TRANSLATORS: a page kept as evidence: its hash and when it was fetched */
      g_string_append_printf (s, _("Page copy SHA-256 %s, captured %s"), item->evidence->sha256, when);
    }
  if (item->article->date_uncertain)
    g_string_append_printf (s, "%s%s", s->len ? " · " : "",
                            _("Date uncertain: the feed's and the page's dates disagree"));
  return s->len ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}
