/* clip-export-pdf-text.c — paragraphs that wrap, shaped once
 *
 * Pango 1.50 shapes the rest of a paragraph again for every line it breaks
 * off, which made an article's excerpt cost several times its shaping (a
 * 10,000-article report spent most of its time there). Here a paragraph is
 * shaped once as a single line, broken where Pango's log attributes allow
 * (inside a word only when a word is wider than the line, as
 * PANGO_WRAP_WORD_CHAR does), and each line's glyphs are split off the
 * shaped runs. The lines are broken once (ClipPdfWrapped): the same lines
 * give the paragraph's height for pagination and are then drawn. Text with
 * right-to-left runs takes Pango's own path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-export-pdf-private.h"

#include <string.h>

typedef struct {
  PangoLayoutLine *para;     /* the paragraph, shaped as one line */
  int              start;    /* bytes */
  int              end;
  int              top;      /* the paragraph's line box, Pango units */
  int              height;
  int              baseline;
} Line;

/* Logical widths of every character; FALSE for right-to-left text. */
static gboolean
char_widths (PangoLayout *layout, const char *text, int *widths)
{
  for (GSList *l = pango_layout_get_lines_readonly (layout); l; l = l->next)
    for (GSList *r = ((PangoLayoutLine *) l->data)->runs; r; r = r->next)
      {
        PangoGlyphItem *run = r->data;
        glong first = g_utf8_pointer_to_offset (text, text + run->item->offset);

        if (run->item->analysis.level % 2)
          return FALSE;
        pango_glyph_item_get_logical_widths (run, text, widths + first);
      }
  return TRUE;
}

/* Greedy breaking of one paragraph [c0, c1) (characters). */
static void
break_paragraph (GArray *lines, Line proto, const char *text, const int *widths,
                 const PangoLogAttr *attrs, int c0, int c1, int width)
{
  int pos = c0;

  do
    {
      int w = 0, last_break = -1, i = pos, end;
      Line line = proto;

      for (; i < c1; i++)
        {
          if (i > pos && attrs[i].is_line_break)
            last_break = i;
          if (i > pos && !attrs[i].is_white && w + widths[i] > width)
            break;
          w += widths[i];
        }
      if (i >= c1)
        end = c1;
      else if (last_break > pos)
        end = last_break;
      else
        {
          /* A word wider than the line: cut it between characters. */
          end = i;
          while (end > pos + 1 && !attrs[end].is_cursor_position)
            end--;
        }
      line.start = g_utf8_offset_to_pointer (text, pos) - text;
      line.end = g_utf8_offset_to_pointer (text, end) - text;
      g_array_append_val (lines, line);
      pos = end;
    }
  while (pos < c1);
}

/* The lines of layout (set up without a width) broken to width points,
 * or NULL when the text needs Pango's own breaking. */
static GArray *
break_lines (PangoLayout *layout, double width)
{
  const char *text = pango_layout_get_text (layout);
  int n_chars = g_utf8_strlen (text, -1), n_attrs;
  const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  g_autofree int *widths = g_new0 (int, n_chars + 1);
  GArray *lines;
  PangoLayoutIter *iter;

  if (!char_widths (layout, text, widths))
    return NULL;
  lines = g_array_new (FALSE, FALSE, sizeof (Line));
  iter = pango_layout_get_iter (layout);
  do
    {
      Line proto = { 0 };
      int y0, y1, c0, c1;

      proto.para = pango_layout_iter_get_line_readonly (iter);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      proto.top = y0;
      proto.height = y1 - y0;
      proto.baseline = pango_layout_iter_get_baseline (iter) - y0;
      c0 = g_utf8_pointer_to_offset (text, text + proto.para->start_index);
      c1 = c0 + g_utf8_strlen (text + proto.para->start_index, proto.para->length);
      break_paragraph (lines, proto, text, widths, attrs, c0, MIN (c1, n_attrs - 1),
                       (int) (width * PANGO_SCALE));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

static double
width_of (PangoGlyphItem *run, const char *text, int from, int to)
{
  g_autofree int *widths = g_new0 (int, run->item->num_chars);
  glong first = g_utf8_pointer_to_offset (text, text + run->item->offset);
  glong a = g_utf8_pointer_to_offset (text, text + from) - first;
  glong b = g_utf8_pointer_to_offset (text, text + to) - first;
  int w = 0;

  pango_glyph_item_get_logical_widths (run, text, widths);
  for (glong i = MAX (a, 0); i < MIN (b, run->item->num_chars); i++)
    w += widths[i];
  return (double) w / PANGO_SCALE;
}

/* The x offset of byte index at within the line. */
static double
offset_of (const Line *line, const char *text, int at)
{
  double x = 0;

  for (GSList *r = line->para->runs; r; r = r->next)
    {
      PangoGlyphItem *run = r->data;
      int rs = run->item->offset, re = rs + run->item->length;

      if (re <= line->start || rs >= at)
        continue;
      x += width_of (run, text, MAX (rs, line->start), MIN (re, at));
    }
  return x;
}

static void
draw_marks (ClipPdf *pdf, const Line *line, const char *text, const GArray *marks,
            double x, double top)
{
  for (guint i = 0; marks && i < marks->len; i++)
    {
      const ClipExportMark *m = &g_array_index (marks, ClipExportMark, i);
      int a = MAX ((int) m->start, line->start), b = MIN ((int) m->end, line->end);
      double x0, x1;

      if (a >= b)
        continue;
      x0 = offset_of (line, text, a);
      x1 = offset_of (line, text, b);
      clip_pdf_rgb (pdf->cr, clip_pdf_mark_rgb (g_ptr_array_index (pdf->ctx->sel->rules,
                                                                   m->rule_index)));
      cairo_rectangle (pdf->cr, x + x0, top, x1 - x0, (double) line->height / PANGO_SCALE);
      cairo_fill (pdf->cr);
    }
}

/* The glyphs of the line: its part of each shaped run, split off a copy. */
typedef struct {
  cairo_scaled_font_t *font;
  guint                rgb;
  GArray              *glyphs;   /* cairo_glyph_t */
} Batch;

static void
batch_free (Batch *batch)
{
  cairo_scaled_font_destroy (batch->font);
  g_array_unref (batch->glyphs);
  g_free (batch);
}

/* Glyphs wait in one batch per font and colour until the article is done
 * (or the page): cairo's PDF surface pays for every call, whatever its
 * length. FALSE for a run that must be drawn as it is (missing glyphs are
 * drawn by Pango as boxes). */
static gboolean
batch_glyphs (ClipPdf *pdf, PangoGlyphItem *run, double x, double baseline, guint rgb)
{
  PangoGlyphString *gs = run->glyphs;
  cairo_scaled_font_t *font;
  Batch *batch = NULL;
  int at = 0;

  for (int i = 0; i < gs->num_glyphs; i++)
    if (gs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
      return FALSE;
  font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
  if (font == NULL)
    return FALSE;
  if (pdf->batches == NULL)
    pdf->batches = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_free);
  for (guint b = 0; b < pdf->batches->len && batch == NULL; b++)
    {
      Batch *candidate = g_ptr_array_index (pdf->batches, b);

      if (candidate->font == font && candidate->rgb == rgb)
        batch = candidate;
    }
  if (batch == NULL)
    {
      batch = g_new0 (Batch, 1);
      batch->font = cairo_scaled_font_reference (font);
      batch->rgb = rgb;
      batch->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
      g_ptr_array_add (pdf->batches, batch);
    }
  for (int i = 0; i < gs->num_glyphs; i++)
    {
      PangoGlyphInfo *gi = &gs->glyphs[i];

      if (gi->glyph != PANGO_GLYPH_EMPTY)
        {
          cairo_glyph_t g = { gi->glyph,
                              x + (double) (at + gi->geometry.x_offset) / PANGO_SCALE,
                              baseline + (double) gi->geometry.y_offset / PANGO_SCALE };

          g_array_append_val (batch->glyphs, g);
        }
      at += gi->geometry.width;
    }
  return TRUE;
}

void
clip_pdf_flush_glyphs (ClipPdf *pdf)
{
  for (guint b = 0; pdf->batches && b < pdf->batches->len; b++)
    {
      Batch *batch = g_ptr_array_index (pdf->batches, b);

      cairo_set_scaled_font (pdf->cr, batch->font);
      clip_pdf_rgb (pdf->cr, batch->rgb);
      cairo_show_glyphs (pdf->cr, (cairo_glyph_t *) batch->glyphs->data, batch->glyphs->len);
    }
  g_clear_pointer (&pdf->batches, g_ptr_array_unref);
}

static void
draw_glyphs (ClipPdf *pdf, const Line *line, const char *text, double x, double baseline,
             guint rgb)
{
  for (GSList *r = line->para->runs; r; r = r->next)
    {
      PangoGlyphItem *run = pango_glyph_item_copy (r->data);
      int rs = run->item->offset, re = rs + run->item->length;

      if (re > line->start && rs < line->end)
        {
          if (line->start > rs)
            pango_glyph_item_free (pango_glyph_item_split (run, text, line->start - rs));
          if (line->end < re)
            {
              PangoGlyphItem *head = pango_glyph_item_split (run, text, line->end - run->item->offset);

              pango_glyph_item_free (run);
              run = head;
            }
          if (!batch_glyphs (pdf, run, x, baseline, rgb))
            {
              clip_pdf_rgb (pdf->cr, rgb);
              cairo_move_to (pdf->cr, x, baseline);
              pango_cairo_show_glyph_item (pdf->cr, text, run);
            }
          x += (double) pango_glyph_string_get_width (run->glyphs) / PANGO_SCALE;
        }
      pango_glyph_item_free (run);
    }
}

void
clip_pdf_wrap (ClipPdfWrapped *wrapped,
               PangoLayout    *layout,
               double          width)
{
  wrapped->layout = layout;
  wrapped->lines = break_lines (layout, width);
  wrapped->height = 0;
  if (wrapped->lines == NULL)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      wrapped->height = clip_pdf_height (layout);
      return;
    }
  for (guint i = 0; i < wrapped->lines->len; i++)
    wrapped->height += (double) g_array_index (wrapped->lines, Line, i).height / PANGO_SCALE;
}

void
clip_pdf_wrapped_clear (ClipPdfWrapped *wrapped)
{
  g_clear_pointer (&wrapped->lines, g_array_unref);
  wrapped->layout = NULL;
  wrapped->height = 0;
}

void
clip_pdf_flow_wrapped (ClipPdf              *pdf,
                       const ClipPdfWrapped *wrapped,
                       const GArray         *marks,
                       double                x,
                       guint                 rgb)
{
  const char *text = pango_layout_get_text (wrapped->layout);
  GArray *lines = wrapped->lines;

  if (lines == NULL)
    {
      /* the width was set when the paragraph was measured */
      clip_pdf_flow (pdf, wrapped->layout, x, rgb);
      return;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      double h = (double) line->height / PANGO_SCALE;

      if (pdf->y + h > CLIP_PDF_BOTTOM && pdf->y > CLIP_PDF_TOP)
        clip_pdf_new_page (pdf);
      draw_marks (pdf, line, text, marks, x, pdf->y);
      draw_glyphs (pdf, line, text, x, pdf->y + (double) line->baseline / PANGO_SCALE, rgb);
      pdf->y += h;
    }
}
