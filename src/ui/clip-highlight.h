/* clip-highlight.h — rules' matched spans as text tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clip-rule-parser.h"

G_BEGIN_DECLS

typedef struct {
  gint64 rule_id;
  guint  start;   /* byte offsets into the field's text */
  guint  end;
} ClipHighlightSpan;

/* Appends to spans (ClipHighlightSpan) the spans of spans_json (as the
 * rules engine stores them) that are in field and fit text, as
 * clip_rule_spans_from_json() reads them; other spans are skipped. */
void   clip_highlight_parse  (const char    *spans_json,
                              ClipRuleField  field,
                              gint64         rule_id,
                              const char    *text,
                              GArray        *spans);
/* Pango attributes that paint each span in its rule's colour (colors:
 * rule id → GdkRGBA*; missing: the accent blue), with a text colour that
 * stays readable on it. Offsets are the spans' bytes, as Pango counts. */
PangoAttrList *clip_highlight_attrs (GArray     *spans,
                                     GHashTable *colors);
/* Paints [start, end) (bytes) as a search hit: a highlighter's yellow
 * with dark text and an underline, so that it stays apart from the rules'
 * colours; over a rule's span, the hit shows. */
void   clip_highlight_add_hit (PangoAttrList *attrs,
                               guint          start,
                               guint          end);
/* Appends to words (char*) the distinct words (case folded) a rule
 * matched in text, in order, without punctuation at their ends. */
void   clip_highlight_collect_words (const char *text,
                                     GArray     *spans,
                                     gint64      rule_id,
                                     GPtrArray  *words);
/* The same, joined: "Russian interference, Kremlin". */
char  *clip_highlight_words  (const char    *text,
                              GArray        *spans,
                              gint64         rule_id);

G_END_DECLS
