/* clip-export-pdf-parts.c — what goes on the PDF's pages: the summary
 * tables, the coverage chart and the articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-export-pdf-private.h"
#include "clip-format.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define GREY  0x5e5c64
#define INK   0x1e1e1e
#define RULE  0xdeddda

void
clip_pdf_heading (ClipPdf *pdf, const char *text)
{
  PangoLayout *l = clip_pdf_layout (pdf, 0, CLIP_PDF_FONT_H2, CLIP_PDF_WIDTH, text);

  clip_pdf_need (pdf, clip_pdf_height (l) + 60);
  clip_pdf_flow (pdf, l, CLIP_PDF_LEFT, INK);
  pdf->y += 8;
}

static void
hairline (ClipPdf *pdf, double y, guint rgb)
{
  cairo_set_line_width (pdf->cr, 0.5);
  clip_pdf_rgb (pdf->cr, rgb);
  cairo_move_to (pdf->cr, CLIP_PDF_LEFT, y);
  cairo_line_to (pdf->cr, CLIP_PDF_LEFT + CLIP_PDF_WIDTH, y);
  cairo_stroke (pdf->cr);
}

static void
show_at (ClipPdf *pdf, PangoLayout *l, double x, double y, guint rgb)
{
  clip_pdf_rgb (pdf->cr, rgb);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, l);
}

/* A table row of up to three cells; each cell is cut to a few lines so a
 * row always fits a page. */
static void
table_row (ClipPdf    *pdf,
           const char *cells[3],
           ClipPdfFont fonts[3],
           double      widths[3],
           gint        swatch)
{
  const double x[3] = { CLIP_PDF_LEFT + 16, CLIP_PDF_LEFT + 16 + widths[0] + 10,
                        CLIP_PDF_LEFT + CLIP_PDF_WIDTH - widths[2] };
  PangoLayout *l[3];
  double h = 0;

  for (guint c = 0; c < 3; c++)
    {
      /* Each line of a cell on its own (the query, then its term lists). */
      g_auto(GStrv) lines = g_strsplit (cells[c] ? cells[c] : "", "\n", -1);
      g_autofree char *text = NULL;

      for (guint i = 0; lines[i]; i++)
        {
          char *line = clip_export_scrub_line (lines[i]);

          g_free (lines[i]);
          lines[i] = line;
        }
      text = g_strjoinv ("\n", lines);
      l[c] = clip_pdf_layout (pdf, c, fonts[c], widths[c], text);
      pango_layout_set_height (l[c], c == 1 ? -12 : -4);
      pango_layout_set_ellipsize (l[c], PANGO_ELLIPSIZE_END);
      h = MAX (h, clip_pdf_height (l[c]));
    }
  pango_layout_set_alignment (l[2], PANGO_ALIGN_RIGHT);
  clip_pdf_need (pdf, h + 7);
  if (swatch >= 0)
    {
      clip_pdf_rgb (pdf->cr, (guint) swatch);
      cairo_rectangle (pdf->cr, CLIP_PDF_LEFT + 2, pdf->y + 4, 8, 8);
      cairo_fill (pdf->cr);
    }
  for (guint c = 0; c < 3; c++)
    show_at (pdf, l[c], x[c], pdf->y + 3, c == 1 && fonts[1] == CLIP_PDF_FONT_MONO ? GREY : INK);
  pdf->y += h + 7;
  hairline (pdf, pdf->y, RULE);
}

static void
draw_tables (ClipPdf *pdf, const ClipExportSelection *sel)
{
  double rule_w[3] = { 140, CLIP_PDF_WIDTH - 16 - 140 - 10 - 60 - 10, 60 };
  double outlet_w[3] = { CLIP_PDF_WIDTH - 16 - 90, 0, 60 };
  ClipPdfFont heads[3] = { CLIP_PDF_FONT_STRONG, CLIP_PDF_FONT_STRONG, CLIP_PDF_FONT_STRONG };
  ClipPdfFont rule_f[3] = { CLIP_PDF_FONT_BODY, CLIP_PDF_FONT_MONO, CLIP_PDF_FONT_BODY };
  ClipPdfFont outlet_f[3] = { CLIP_PDF_FONT_BODY, CLIP_PDF_FONT_BODY, CLIP_PDF_FONT_BODY };

  if (sel->rules->len)
    {
      const char *head[3] = { _("Rule"), _("Query"), _("Articles") };

      pdf->y += 6;
      table_row (pdf, head, heads, rule_w, -1);
      for (guint i = 0; i < sel->rules->len; i++)
        {
          const ClipExportRule *r = g_ptr_array_index (sel->rules, i);
          g_autofree char *n = clip_format_count (r->count, NULL);
          g_autoptr(GString) method = g_string_new (r->query);
          const char *cells[3] = { r->name, NULL, n };

          for (guint l = 0; r->lists && l < r->lists->len; l++)
            {
              g_autofree char *terms = clip_export_term_list_text (g_ptr_array_index (r->lists, l));

              g_string_append_printf (method, "\n%s", terms);
            }
          cells[1] = method->str;

          table_row (pdf, cells, rule_f, rule_w, clip_pdf_rule_rgb (r));
        }
    }
  if (sel->outlets->len)
    {
      const char *head[3] = { _("Outlet"), "", _("Articles") };

      pdf->y += 16;
      table_row (pdf, head, heads, outlet_w, -1);
      for (guint i = 0; i < sel->outlets->len; i++)
        {
          const ClipExportOutlet *o = g_ptr_array_index (sel->outlets, i);
          g_autofree char *n = clip_format_count (o->count, NULL);
          const char *cells[3] = { o->name, "", n };

          table_row (pdf, cells, outlet_f, outlet_w, -1);
        }
    }
}

static void
chart_series (ClipPdf *pdf, const ClipExportSelection *sel, guint column, guint rgb,
              double x0, double w, double y0, double h, guint top)
{
  cairo_t *cr = pdf->cr;
  double step = sel->n_days > 1 ? w / (sel->n_days - 1) : 0;

  clip_pdf_rgb (cr, rgb);
  /* One day: a bar per rule, side by side, instead of a lone dot. */
  if (sel->n_days == 1)
    {
      guint n = MAX (sel->rules->len, 1), slot = column < sel->rules->len ? column : 0;
      double bw = MIN (24, w / (n * 1.5)), bh = h * clip_export_day_count (sel, 0, column) / top;

      cairo_rectangle (cr, x0 + w / 2 - n * bw * 1.25 / 2 + slot * bw * 1.25, y0 + h - bh, bw, bh);
      cairo_fill (cr);
      return;
    }
  cairo_set_line_width (cr, 1.4);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint d = 0; d < sel->n_days; d++)
    {
      double x = sel->n_days > 1 ? x0 + d * step : x0 + w / 2;
      double y = y0 + h - h * clip_export_day_count (sel, d, column) / top;

      if (d == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  if (sel->n_days > 62)
    return;
  for (guint d = 0; d < sel->n_days; d++)
    if (clip_export_day_count (sel, d, column) > 0)
      {
        cairo_arc (cr, sel->n_days > 1 ? x0 + d * step : x0 + w / 2,
                   y0 + h - h * clip_export_day_count (sel, d, column) / top, 2, 0, 2 * G_PI);
        cairo_fill (cr);
      }
}

static void
chart_axes (ClipPdf *pdf, const ClipExportSelection *sel, double x0, double w,
            double y0, double h, guint top)
{
  /* Centred under their day, as far apart as the widest label needs
   * (a day's name with its year is about 60 pt) and at least 64 pt. */
  g_autofree char *sample = clip_export_day_label (sel, 0);
  PangoLayout *probe = clip_pdf_layout (pdf, 7, CLIP_PDF_FONT_SMALL, -1, sample);
  int probe_w;
  g_autofree guint *days = g_new (guint, sel->n_days);
  guint n_labels;

  pango_layout_get_size (probe, &probe_w, NULL);
  n_labels = clip_export_axis_days (sel->n_days, w, MAX (64, (double) probe_w / PANGO_SCALE + 14), days);

  for (guint t = 0; t <= 4; t++)
    {
      double y = y0 + h - h * t / 4;
      g_autofree char *n = clip_format_count (top * t / 4, NULL);
      PangoLayout *l = clip_pdf_layout (pdf, 7, CLIP_PDF_FONT_SMALL, 28, n);

      cairo_set_line_width (pdf->cr, t ? 0.4 : 0.8);
      clip_pdf_rgb (pdf->cr, t ? RULE : 0x9a9996);
      cairo_move_to (pdf->cr, x0, y);
      cairo_line_to (pdf->cr, x0 + w, y);
      cairo_stroke (pdf->cr);
      pango_layout_set_alignment (l, PANGO_ALIGN_RIGHT);
      show_at (pdf, l, x0 - 34, y - clip_pdf_height (l) / 2, GREY);
    }
  for (guint i = 0; i < n_labels; i++)
    {
      guint day = days[i];
      double x = sel->n_days > 1 ? x0 + w * day / (sel->n_days - 1) : x0 + w / 2;
      g_autofree char *label = clip_export_day_label (sel, day);
      PangoLayout *l = clip_pdf_layout (pdf, 7, CLIP_PDF_FONT_SMALL, -1, label);
      int lw;

      pango_layout_get_size (l, &lw, NULL);
      x -= (double) lw / PANGO_SCALE / 2;
      show_at (pdf, l, x, y0 + h + 5, GREY);
    }
}

guint
clip_pdf_legend_place (const double *widths,
                       guint         n,
                       double        line_width,
                       double        gap,
                       guint        *line_of,
                       double       *x_of)
{
  guint line = 0;
  double x = 0;

  for (guint i = 0; i < n; i++)
    {
      double w = MIN (widths[i], line_width);

      if (x > 0 && x + w > line_width)
        {
          line++;
          x = 0;
        }
      line_of[i] = line;
      x_of[i] = x;
      x += w + gap;
    }
  return n ? line + 1 : 0;
}

/* "■ Rule" in the rule's colour and the name in ink, on one line: cut
 * with "…" when it is wider than the line, never broken. */
static PangoLayout *
legend_entry (ClipPdf *pdf, const ClipExportRule *r, double max_width)
{
  g_autofree char *name = clip_export_scrub_line (r->name);
  g_autofree char *text = g_strdup_printf ("■\u00a0%s", name);
  PangoAttrList *attrs = pango_attr_list_new ();
  guint rgb = clip_pdf_rule_rgb (r);
  PangoAttribute *fg = pango_attr_foreground_new ((rgb >> 16) * 257, ((rgb >> 8) & 0xff) * 257,
                                                  (rgb & 0xff) * 257);
  PangoLayout *l = clip_pdf_layout (pdf, 6, CLIP_PDF_FONT_SMALL, max_width, text);

  fg->start_index = 0;
  fg->end_index = strlen ("■");
  pango_attr_list_insert (attrs, fg);
  pango_layout_set_attributes (l, attrs);
  pango_attr_list_unref (attrs);
  if (max_width > 0)
    {
      pango_layout_set_height (l, -1);
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
    }
  return l;
}

static void
draw_legend (ClipPdf *pdf, const ClipExportSelection *sel)
{
  const double gap = 14;
  guint n = sel->rules->len, lines;
  g_autofree double *widths = g_new0 (double, MAX (n, 1));
  g_autofree double *x_of = g_new0 (double, MAX (n, 1));
  g_autofree guint *line_of = g_new0 (guint, MAX (n, 1));
  double line_h = 0;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *l = legend_entry (pdf, g_ptr_array_index (sel->rules, i), -1);
      int w, h;

      pango_layout_get_size (l, &w, &h);
      widths[i] = (double) w / PANGO_SCALE;
      line_h = MAX (line_h, (double) h / PANGO_SCALE);
    }
  lines = clip_pdf_legend_place (widths, n, CLIP_PDF_WIDTH, gap, line_of, x_of);
  clip_pdf_need (pdf, lines * (line_h + 2));
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *l = legend_entry (pdf, g_ptr_array_index (sel->rules, i),
                                     widths[i] > CLIP_PDF_WIDTH ? CLIP_PDF_WIDTH : -1);

      show_at (pdf, l, CLIP_PDF_LEFT + x_of[i], pdf->y + line_of[i] * (line_h + 2), INK);
    }
  pdf->y += lines * (line_h + 2);
}

static void
draw_chart (ClipPdf *pdf, const ClipExportSelection *sel)
{
  const double H = 190, x0 = CLIP_PDF_LEFT + 36, w = CLIP_PDF_WIDTH - 36 - 24, h = H - 30;
  gboolean by_rule = sel->rules->len > 0;
  guint max = 0, top;
  double y0;

  if (sel->n_days == 0)
    return;
  pdf->y += 18;
  clip_pdf_need (pdf, H + 60);
  clip_pdf_flow (pdf, clip_pdf_layout (pdf, 0, CLIP_PDF_FONT_STRONG, CLIP_PDF_WIDTH,
                                       _("Articles per day")), CLIP_PDF_LEFT, INK);
  y0 = pdf->y + 10;
  for (guint d = 0; d < sel->n_days; d++)
    for (guint c = by_rule ? 0 : sel->rules->len; c < (by_rule ? sel->rules->len : sel->rules->len + 1); c++)
      max = MAX (max, clip_export_day_count (sel, d, c));
  top = clip_export_axis_top (max);
  chart_axes (pdf, sel, x0, w, y0, h, top);
  if (by_rule)
    for (guint c = sel->rules->len; c-- > 0;)
      chart_series (pdf, sel, c, clip_pdf_rule_rgb (g_ptr_array_index (sel->rules, c)),
                    x0, w, y0, h, top);
  else
    chart_series (pdf, sel, sel->rules->len, GREY, x0, w, y0, h, top);
  pdf->y = y0 + H;
  if (by_rule)
    draw_legend (pdf, sel);
}

void
clip_pdf_draw_summary (ClipPdf *pdf)
{
  const ClipExportSelection *sel = pdf->ctx->sel;
  g_autofree char *n_a = clip_format_count (sel->ids->len, NULL);
  g_autofree char *n_o = clip_format_count (sel->outlets->len, NULL);
  g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s article", "%s articles",
                                                     sel->ids->len), n_a);
  g_autofree char *o = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s outlet", "%s outlets",
                                                     sel->outlets->len), n_o);
  g_autofree char *totals = g_strjoin (" · ", a, o, NULL);

  clip_pdf_heading (pdf, _("Summary"));
  clip_pdf_flow (pdf, clip_pdf_layout (pdf, 0, CLIP_PDF_FONT_BODY, CLIP_PDF_WIDTH, totals),
                 CLIP_PDF_LEFT, INK);
  draw_tables (pdf, sel);
  draw_chart (pdf, sel);
}

/* "■ Rule  word, word    ■ Rule  word" with each square in its rule's
 * colour and each name in bold. */
static PangoLayout *
rules_layout (ClipPdf *pdf, const ClipExportItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoLayout *l;

  for (guint i = 0; i < item->matches->len; i++)
    {
      const ClipExportMatch *m = g_ptr_array_index (item->matches, i);
      guint rgb = clip_pdf_rule_rgb (m->rule);
      g_autofree char *name = clip_export_scrub_line (m->rule->name);
      PangoAttribute *fg = pango_attr_foreground_new ((rgb >> 16) * 257, ((rgb >> 8) & 0xff) * 257,
                                                      (rgb & 0xff) * 257);
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      if (i)
        g_string_append (text, "     ");
      fg->start_index = text->len;
      g_string_append (text, "■\u00a0");
      fg->end_index = bold->start_index = text->len;
      g_string_append (text, name);
      bold->end_index = text->len;
      pango_attr_list_insert (attrs, fg);
      pango_attr_list_insert (attrs, bold);
      for (guint w = 0; w < m->words->len; w++)
        {
          g_autofree char *word = clip_export_scrub_line (g_ptr_array_index (m->words, w));

          g_string_append (text, w ? ", " : "  ");
          g_string_append (text, word);
        }
    }
  l = clip_pdf_layout (pdf, 4, CLIP_PDF_FONT_SMALL, CLIP_PDF_WIDTH, text->str);
  pango_layout_set_attributes (l, attrs);
  pango_attr_list_unref (attrs);
  return l;
}

static char *
meta_text (const ClipExportItem *item)
{
  const ClipArticle *a = item->article;
  g_autofree char *when = clip_format_time_full (clip_article_time (a), FALSE, NULL, NULL);
  GString *s = g_string_new (a->outlet_name);
  g_autofree char *raw = NULL;
  char *text;

  g_string_append_printf (s, " · %s", when);
  if (a->author && *a->author)
    g_string_append_printf (s, " · %s", a->author);
  if (a->flag)
    g_string_append_printf (s, " · %s", _("Flagged"));
  raw = g_string_free (s, FALSE);
  text = clip_export_scrub_line (raw);
  if (a->url && *a->url)
    {
      g_autofree char *url = clip_export_scrub_line (a->url);
      char *both = g_strconcat (text, "\n", url, NULL);

      g_free (text);
      text = both;
    }
  return text;
}

/* cairo's link attribute is a quoted string: quote and backslash are
 * escaped with a backslash. The URL has passed clip_export_is_web_url. The
 * area is given, as the title's glyphs are drawn later, in a batch. */
static char *
link_attributes (const char *url, double top, double height)
{
  const double rect[4] = { CLIP_PDF_LEFT, top, CLIP_PDF_WIDTH, height };
  GString *s = g_string_new ("rect=[");

  /* Numbers with a dot whatever the locale. */
  for (guint i = 0; i < 4; i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (s, "%s%s", i ? " " : "", g_ascii_formatd (buf, sizeof buf, "%.2f", rect[i]));
    }
  g_string_append (s, "] uri='");

  for (const char *p = url; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
  return g_string_free (s, FALSE);
}

/* All but the rules line (which has colours of its own) wrap the fast
 * way (clip-export-pdf-text.c). */
static gboolean
is_wrapped (guint part)
{
  return part != 4;
}

/* wrapped: the part's lines, NULL for a part that is not wrapped here */
static void
draw_part (ClipPdf *pdf, const ClipExportItem *item, PangoLayout *layout,
           const ClipPdfWrapped *wrapped, guint part, double height)
{
  static const guint colors[7] = { INK, GREY, GREY, INK, INK, GREY, INK };
  const char *url = item->article->url;
  gboolean link = part == 0 && clip_export_is_web_url (url) && pdf->y + height <= CLIP_PDF_BOTTOM;
  g_autofree char *attrs = link ? link_attributes (url, pdf->y, height) : NULL;
  const GArray *marks = part == 0 ? item->title_marks : part == 3 ? item->excerpt_marks : NULL;
  double indent = part == 6 ? 10 : 0;
  guint page = pdf->page;
  double top = pdf->y;

  if (link)
    cairo_tag_begin (pdf->cr, CAIRO_TAG_LINK, attrs);
  if (wrapped != NULL)
    clip_pdf_flow_wrapped (pdf, wrapped, marks, CLIP_PDF_LEFT + indent, colors[part]);
  else
    clip_pdf_flow (pdf, layout, CLIP_PDF_LEFT, colors[part]);
  if (link)
    cairo_tag_end (pdf->cr, CAIRO_TAG_LINK);
  /* The note's bar, when the note did not go on to another page. */
  if (part == 6 && page == pdf->page)
    {
      clip_pdf_rgb (pdf->cr, 0xc0bfbc);
      cairo_rectangle (pdf->cr, CLIP_PDF_LEFT, top, 2.5, pdf->y - top);
      cairo_fill (pdf->cr);
    }
}

void
clip_pdf_draw_article (ClipPdf *pdf, const ClipExportItem *item)
{
  const ClipArticle *a = item->article;
  g_autofree char *meta = meta_text (item);
  g_autofree char *tags = g_strjoinv (", ", item->tags);
  g_autofree char *tags_line = item->tags[0] ? g_strdup_printf ("%s %s", _("Tags:"), tags) : NULL;
  g_autofree char *note = a->note && *a->note ? g_strdup_printf ("%s %s", _("Note:"), a->note) : NULL;
  g_autofree char *clean_note = note ? clip_export_scrub (note) : NULL;
  g_autofree char *evidence = clip_export_evidence_line (item);
  /* Byte for byte, so the title's marks still fit. */
  g_autofree char *title = clip_export_scrub_line (a->title && *a->title ? a->title : _("(untitled)"));
  PangoLayout *parts[7] = { NULL };
  /* each paragraph is broken into lines once, for its height and its drawing */
  ClipPdfWrapped wrapped[7] = { { NULL } };
  double heights[7] = { 0 };
  const double gaps[7] = { 2, 0, 4, 4, 3, 3, 3 };
  double total = 0, head;

  parts[0] = clip_pdf_layout (pdf, 0, CLIP_PDF_FONT_TITLE, -1, title);
  /* Outlet, time and author, and the address below them: one layout. */
  parts[1] = clip_pdf_layout (pdf, 1, CLIP_PDF_FONT_SMALL, -1, meta);
  if (evidence)
    {
      /* No ligatures: a hash's "ff" or "fi" must copy as the letters. */
      PangoAttrList *plain = pango_attr_list_new ();

      parts[2] = clip_pdf_layout (pdf, 2, CLIP_PDF_FONT_SMALL, -1, evidence);
      pango_attr_list_insert (plain, pango_attr_font_features_new ("liga 0, clig 0, dlig 0"));
      pango_layout_set_attributes (parts[2], plain);
      pango_attr_list_unref (plain);
    }
  if (item->excerpt[0])
    parts[3] = clip_pdf_layout (pdf, 3, CLIP_PDF_FONT_BODY, -1, item->excerpt);
  if (item->matches->len)
    parts[4] = rules_layout (pdf, item);
  if (tags_line)
    parts[5] = clip_pdf_layout (pdf, 5, CLIP_PDF_FONT_SMALL, -1, tags_line);
  if (clean_note)
    parts[6] = clip_pdf_layout (pdf, 6, CLIP_PDF_FONT_BODY, -1, clean_note);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i])
      {
        if (is_wrapped (i))
          {
            clip_pdf_wrap (&wrapped[i], parts[i], CLIP_PDF_WIDTH - (i == 6 ? 10 : 0));
            heights[i] = wrapped[i].height;
          }
        else
          heights[i] = clip_pdf_height (parts[i]);
        total += heights[i] + gaps[i];
      }
  /* Keep an article on one page when it fits on one; a longer one starts
   * with at least its title and the first lines. */
  head = heights[0] + heights[1] + 40;
  clip_pdf_need (pdf, total + 14 <= CLIP_PDF_BOTTOM - CLIP_PDF_TOP ? total + 14 : head);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i])
      {
        draw_part (pdf, item, parts[i], is_wrapped (i) ? &wrapped[i] : NULL, i, heights[i]);
        clip_pdf_wrapped_clear (&wrapped[i]);
        pdf->y += gaps[i];
      }
  clip_pdf_flush_glyphs (pdf);
  pdf->y += 6;
  if (pdf->y < CLIP_PDF_BOTTOM)
    hairline (pdf, pdf->y, RULE);
  pdf->y += 8;
}
