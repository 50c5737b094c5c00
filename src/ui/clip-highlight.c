/* clip-highlight.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-highlight.h"
#include "clip-rule-apply.h"
#include "clip-text.h"

void
clip_highlight_parse (const char    *spans_json,
                      ClipRuleField  field,
                      gint64         rule_id,
                      const char    *text,
                      GArray        *spans)
{
  ClipRuleDoc doc = { { NULL } };
  g_autoptr(GArray) read = NULL;

  /* Only field has a text: the decoder skips the other fields' spans. */
  clip_rule_doc_set (&doc, field, text);
  read = clip_rule_spans_from_json (spans_json, &doc);
  for (guint i = 0; i < read->len; i++)
    {
      const ClipRuleSpan *s = &g_array_index (read, ClipRuleSpan, i);
      ClipHighlightSpan span = { rule_id, s->start, s->end };

      g_array_append_val (spans, span);
    }
}

static guint16
channel (double value)
{
  return (guint16) (CLAMP (value, 0.0, 1.0) * 65535.0);
}

PangoAttrList *
clip_highlight_attrs (GArray     *spans,
                      GHashTable *colors)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; i < spans->len; i++)
    {
      const ClipHighlightSpan *span = &g_array_index (spans, ClipHighlightSpan, i);
      const GdkRGBA *color = colors ? g_hash_table_lookup (colors, &span->rule_id) : NULL;
      GdkRGBA rgba = { 0.21, 0.52, 0.89, 1.0 };
      PangoAttribute *bg, *fg;
      double luminance;
      guint16 ink;

      if (color != NULL)
        rgba = *color;
      luminance = 0.2126 * rgba.red + 0.7152 * rgba.green + 0.0722 * rgba.blue;
      ink = luminance > 0.6 ? 0 : 65535;
      bg = pango_attr_background_new (channel (rgba.red), channel (rgba.green), channel (rgba.blue));
      fg = pango_attr_foreground_new (ink, ink, ink);
      bg->start_index = fg->start_index = span->start;
      bg->end_index = fg->end_index = span->end;
      pango_attr_list_change (attrs, bg);
      pango_attr_list_change (attrs, fg);
    }
  return attrs;
}

void
clip_highlight_add_hit (PangoAttrList *attrs,
                        guint          start,
                        guint          end)
{
  /* Adwaita's yellow 2; the underline in its brown keeps a hit apart from
   * a rule that happens to be yellow. */
  PangoAttribute *parts[] = {
    pango_attr_background_new (0xf8f8, 0xe4e4, 0x5c5c),
    pango_attr_foreground_new (0, 0, 0),
    pango_attr_underline_new (PANGO_UNDERLINE_SINGLE),
    pango_attr_underline_color_new (0x8686, 0x5e5e, 0x3c3c),
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      parts[i]->start_index = start;
      parts[i]->end_index = end;
      pango_attr_list_change (attrs, parts[i]);
    }
}

/* A span's text as a person reads it: without the punctuation at its
 * ends, and a long proximity span by its ends. */
static char *
span_words (const char              *text,
            const ClipHighlightSpan *span)
{
  const char *start = text + span->start, *end = text + span->end;
  g_auto(GStrv) parts = NULL;
  g_autofree char *word = NULL;
  guint n;

  while (start < end && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  if (start == end)
    return NULL;
  word = g_strndup (start, end - start);
  parts = g_strsplit_set (word, " \t\n", -1);
  n = g_strv_length (parts);
  /* A proximity match spans the words between its terms: name its ends. */
  if (n > 4)
    return g_strdup_printf ("%s … %s", parts[0], parts[n - 1]);
  return g_steal_pointer (&word);
}

/* Whether span i lies within another span of its rule: a NEAR's side that
 * is also part of an adjacent pair ("interference" in "Russian
 * interference") says nothing more. */
static gboolean
inside_another (GArray *spans, guint i)
{
  const ClipHighlightSpan *s = &g_array_index (spans, ClipHighlightSpan, i);

  for (guint j = 0; j < spans->len; j++)
    {
      const ClipHighlightSpan *o = &g_array_index (spans, ClipHighlightSpan, j);

      if (j != i && o->rule_id == s->rule_id && o->start <= s->start && s->end <= o->end &&
          (o->end - o->start > s->end - s->start || j < i))
        return TRUE;
    }
  return FALSE;
}

void
clip_highlight_collect_words (const char *text,
                              GArray     *spans,
                              gint64      rule_id,
                              GPtrArray  *words)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Folded as the matcher folds (case and accents), as the export does. */
  for (guint i = 0; i < words->len; i++)
    g_hash_table_add (seen, clip_text_fold (g_ptr_array_index (words, i), -1));
  for (guint i = 0; i < spans->len; i++)
    {
      const ClipHighlightSpan *span = &g_array_index (spans, ClipHighlightSpan, i);
      char *word;

      if (span->rule_id != rule_id || inside_another (spans, i) || !(word = span_words (text, span)))
        continue;
      clip_text_add_distinct (words, seen, word);
    }
}

char *
clip_highlight_words (const char *text,
                      GArray     *spans,
                      gint64      rule_id)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  clip_highlight_collect_words (text, spans, rule_id, words);
  g_ptr_array_add (words, NULL);
  return g_strjoinv (", ", (char **) words->pdata);
}
