/* clip-export-pdf.c — a report as an A4 PDF (cairo + pango)
 *
 * A cover, the summary tables, the coverage chart, then the articles with
 * their matched words highlighted, each page with a header and its number.
 * Pages are written as they fill and a handful of layouts is reused for
 * every article, so memory does not grow with the number of articles.
 * Fonts: Noto Sans, with fontconfig's fallback for scripts it lacks
 * (Georgian comes from Noto Sans Georgian).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-export-pdf-private.h"
#include "clip-format.h"
#include "clip-text-safe.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

static const char *const font_specs[CLIP_PDF_N_FONTS] = {
  [CLIP_PDF_FONT_BODY]   = "DejaVu Sans, Noto Sans Georgian 9",
  [CLIP_PDF_FONT_SMALL]  = "DejaVu Sans, Noto Sans Georgian 7.5",
  [CLIP_PDF_FONT_TITLE]  = "DejaVu Sans, Noto Sans Georgian Bold 11",
  [CLIP_PDF_FONT_H1]     = "DejaVu Sans, Noto Sans Georgian Bold 24",
  [CLIP_PDF_FONT_H2]     = "DejaVu Sans, Noto Sans Georgian Bold 14",
  [CLIP_PDF_FONT_LARGE]  = "DejaVu Sans, Noto Sans Georgian 14",
  [CLIP_PDF_FONT_MONO]   = "DejaVu Sans Mono, DejaVu Sans 7.5",
  [CLIP_PDF_FONT_STRONG] = "DejaVu Sans, Noto Sans Georgian Bold 9",
};

void
clip_pdf_rgb (cairo_t *cr, guint rgb)
{
  cairo_set_source_rgb (cr, (rgb >> 16) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

guint
clip_pdf_rule_rgb (const ClipExportRule *rule)
{
  return (guint) g_ascii_strtoull (rule->color + 1, NULL, 16);
}

PangoLayout *
clip_pdf_layout (ClipPdf     *pdf,
                 guint        slot,
                 ClipPdfFont  font,
                 double       width,
                 const char  *text)
{
  PangoLayout *layout = pdf->layouts[slot];

  pango_layout_set_font_description (layout, pdf->fonts[font]);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_attributes (layout, NULL);
  if (text != NULL && strstr (text, "\xE2") != NULL)
    {
      /* Bidi overrides in feed text would reorder what is shown (U+202E
       * shows "gpj.exe" as "exe.jpg"); replaced by a character of the same
       * length, so that the marks' offsets still fit. */
      g_autofree char *safe = g_strdup (text);

      clip_text_neutralise_bidi (safe);
      pango_layout_set_text (layout, safe, -1);
    }
  else
    pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

double
clip_pdf_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* Header and footer: the report's title and period above, the page
 * number below. The cover has neither. */
static void
begin_page (ClipPdf *pdf)
{
  cairo_t *cr = pdf->cr;
  PangoLayout *l;
  g_autofree char *number = NULL;

  pdf->page++;
  pdf->ctx->pages = pdf->page;
  pdf->y = CLIP_PDF_TOP;
  if (pdf->page == 1)
    return;
  /* One line each: the period in full on the right, the title cut to the
   * room left of it. */
  if (pdf->page == 2)
    {
      g_autofree char *title = clip_export_scrub_line (pdf->ctx->sel->title);
      int period_w;

      l = clip_pdf_layout (pdf, CLIP_PDF_SLOT_HEAD_PERIOD, CLIP_PDF_FONT_SMALL, -1,
                           pdf->ctx->sel->period_text);
      pango_layout_get_size (l, &period_w, NULL);
      pdf->period_x = CLIP_PDF_LEFT + CLIP_PDF_WIDTH - (double) period_w / PANGO_SCALE;
      l = clip_pdf_layout (pdf, CLIP_PDF_SLOT_HEAD_TITLE, CLIP_PDF_FONT_SMALL,
                           MAX (pdf->period_x - CLIP_PDF_LEFT - 24, 60), title);
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
    }
  clip_pdf_rgb (cr, 0x5e5c64);
  cairo_move_to (cr, CLIP_PDF_LEFT, 34);
  pango_cairo_show_layout (cr, pdf->layouts[CLIP_PDF_SLOT_HEAD_TITLE]);
  cairo_move_to (cr, pdf->period_x, 34);
  pango_cairo_show_layout (cr, pdf->layouts[CLIP_PDF_SLOT_HEAD_PERIOD]);
  cairo_set_line_width (cr, 0.6);
  clip_pdf_rgb (cr, 0xc0bfbc);
  cairo_move_to (cr, CLIP_PDF_LEFT, 50);
  cairo_line_to (cr, CLIP_PDF_LEFT + CLIP_PDF_WIDTH, 50);
  cairo_stroke (cr);

  number = g_strdup_printf (_("Page %u"), pdf->page);
  l = clip_pdf_layout (pdf, CLIP_PDF_SLOT_CHROME, CLIP_PDF_FONT_SMALL, CLIP_PDF_WIDTH, number);
  pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
  clip_pdf_rgb (cr, 0x5e5c64);
  cairo_move_to (cr, CLIP_PDF_LEFT, CLIP_PDF_PAGE_H - 38);
  pango_cairo_show_layout (cr, l);
}

void
clip_pdf_new_page (ClipPdf *pdf)
{
  clip_pdf_flush_glyphs (pdf);
  if (pdf->page > 0)
    cairo_show_page (pdf->cr);
  begin_page (pdf);
}

void
clip_pdf_need (ClipPdf *pdf, double height)
{
  if (pdf->y + height > CLIP_PDF_BOTTOM && pdf->y > CLIP_PDF_TOP)
    clip_pdf_new_page (pdf);
}

/* Draws a layout line by line from pdf->y, going on to a new page where
 * the page is full, so text of any length lays out. */
void
clip_pdf_flow (ClipPdf     *pdf,
               PangoLayout *layout,
               double       x,
               guint        rgb)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double offset = 0, bottom = 0;

  do
    {
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (pdf->y + (double) y1 / PANGO_SCALE - offset > CLIP_PDF_BOTTOM &&
          (double) y0 / PANGO_SCALE - offset > 0)
        {
          pdf->y += (double) y0 / PANGO_SCALE - offset;
          clip_pdf_new_page (pdf);
          offset = (double) y0 / PANGO_SCALE;
        }
      clip_pdf_rgb (pdf->cr, rgb);
      cairo_move_to (pdf->cr, x + (double) logical.x / PANGO_SCALE,
                     pdf->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - offset);
      pango_cairo_show_layout_line (pdf->cr, pango_layout_iter_get_line_readonly (iter));
      bottom = (double) y1 / PANGO_SCALE - offset;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  pdf->y += bottom;
}

guint
clip_pdf_mark_rgb (const ClipExportRule *rule)
{
  guint rgb = clip_pdf_rule_rgb (rule), out = 0;

  /* Opaque, so that it prints the same everywhere. */
  for (int shift = 0; shift <= 16; shift += 8)
    out |= (guint) (0.38 * ((rgb >> shift) & 0xff) + 0.62 * 255 + 0.5) << shift;
  return out;
}

static void
draw_cover (ClipPdf *pdf)
{
  const ClipExportSelection *sel = pdf->ctx->sel;
  cairo_t *cr = pdf->cr;
  g_autofree char *generated = NULL;
  g_autofree char *when = clip_format_time_full (sel->generated, FALSE, NULL, NULL);
  g_autofree char *a = clip_format_count (sel->ids->len, NULL);
  g_autofree char *o = clip_format_count (sel->outlets->len, NULL);
  g_autofree char *n_articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s article",
                                                              "%s articles", sel->ids->len), a);
  g_autofree char *n_outlets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s outlet",
                                                             "%s outlets", sel->outlets->len), o);
  g_autofree char *n_rules = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rule",
                                                           "%u rules", sel->rules->len),
                                              sel->rules->len);
  g_autofree char *counts = g_strjoin (" · ", n_articles, n_outlets, n_rules, NULL);
  PangoLayout *l;

  clip_pdf_rgb (cr, 0x1c71d8);
  cairo_rectangle (cr, 0, 0, CLIP_PDF_PAGE_W, 14);
  cairo_fill (cr);
  pdf->y = 190;
  l = clip_pdf_layout (pdf, 0, CLIP_PDF_FONT_STRONG, CLIP_PDF_WIDTH, _("CLIPPINGS REPORT"));
  clip_pdf_flow (pdf, l, CLIP_PDF_LEFT, 0x1c71d8);
  pdf->y += 10;
  l = clip_pdf_layout (pdf, 0, CLIP_PDF_FONT_H1, CLIP_PDF_WIDTH, sel->title);
  clip_pdf_flow (pdf, l, CLIP_PDF_LEFT, 0x1e1e1e);
  pdf->y += 14;
  l = clip_pdf_layout (pdf, 0, CLIP_PDF_FONT_LARGE, CLIP_PDF_WIDTH, sel->period_text);
  clip_pdf_flow (pdf, l, CLIP_PDF_LEFT, 0x1e1e1e);
  pdf->y += 8;
  l = clip_pdf_layout (pdf, 0, CLIP_PDF_FONT_BODY, CLIP_PDF_WIDTH, sel->scope_text);
  clip_pdf_flow (pdf, l, CLIP_PDF_LEFT, 0x5e5c64);
  pdf->y += 30;
  clip_pdf_rgb (cr, 0xc0bfbc);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, CLIP_PDF_LEFT, pdf->y);
  cairo_line_to (cr, CLIP_PDF_LEFT + 160, pdf->y);
  cairo_stroke (cr);
  pdf->y += 14;
  l = clip_pdf_layout (pdf, 0, CLIP_PDF_FONT_STRONG, CLIP_PDF_WIDTH, counts);
  clip_pdf_flow (pdf, l, CLIP_PDF_LEFT, 0x1e1e1e);

  /* TRANSLATORS: %s is a date and time */
  generated = g_strdup_printf (_("Generated %s by Clippings"), when);
  pdf->y = CLIP_PDF_PAGE_H - 90;
  l = clip_pdf_layout (pdf, 0, CLIP_PDF_FONT_SMALL, CLIP_PDF_WIDTH, generated);
  clip_pdf_flow (pdf, l, CLIP_PDF_LEFT, 0x5e5c64);
}

static cairo_status_t
write_to_context (void *closure, const unsigned char *data, unsigned int length)
{
  ClipPdf *pdf = closure;

  if (pdf->write_error)
    return CAIRO_STATUS_WRITE_ERROR;
  g_string_append_len (pdf->ctx->buf, (const char *) data, length);
  if (!clip_export_flush (pdf->ctx, FALSE, &pdf->write_error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (ClipPdf *pdf)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (pdf->ctx->sel->generated);
  g_autofree char *date = now ? g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z") : NULL;

  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_TITLE, pdf->ctx->sel->title);
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_SUBJECT, pdf->ctx->sel->scope_text);
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATOR, "Clippings " PACKAGE_VERSION);
  if (date)
    cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

static void
pdf_init (ClipPdf *pdf, ClipExportContext *ctx)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  memset (pdf, 0, sizeof *pdf);
  pdf->ctx = ctx;
  pdf->surface = cairo_pdf_surface_create_for_stream (write_to_context, pdf,
                                                      CLIP_PDF_PAGE_W, CLIP_PDF_PAGE_H);
  pdf->cr = cairo_create (pdf->surface);
  pdf->pango = pango_cairo_create_context (pdf->cr);
  /* Unhinted metrics: a PDF is scaled, and hinted advances would make the
   * text look unevenly spaced. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pdf->pango, options);
  /* Exact positions: the PDF then holds plain runs of glyphs instead of a
   * correction after every glyph (a quarter smaller, and faster). */
  pango_context_set_round_glyph_positions (pdf->pango, FALSE);
  cairo_font_options_destroy (options);
  for (guint i = 0; i < CLIP_PDF_N_FONTS; i++)
    pdf->fonts[i] = pango_font_description_from_string (font_specs[i]);
  for (guint i = 0; i < CLIP_PDF_N_SLOTS; i++)
    pdf->layouts[i] = pango_layout_new (pdf->pango);
  set_metadata (pdf);
}

static gboolean
pdf_finish (ClipPdf *pdf, GError **error)
{
  cairo_status_t status;

  for (guint i = 0; i < CLIP_PDF_N_SLOTS; i++)
    g_clear_object (&pdf->layouts[i]);
  for (guint i = 0; i < CLIP_PDF_N_FONTS; i++)
    pango_font_description_free (pdf->fonts[i]);
  g_clear_object (&pdf->pango);
  cairo_destroy (pdf->cr);
  cairo_surface_finish (pdf->surface);
  status = cairo_surface_status (pdf->surface);
  cairo_surface_destroy (pdf->surface);
  if (pdf->write_error)
    {
      g_propagate_error (error, pdf->write_error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_WRITE,
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
clip_export_write_pdf (ClipExportContext  *ctx,
                       GError            **error)
{
  ClipPdf pdf;
  ClipExportItem *item;
  GError *local_error = NULL;
  gboolean ok;

  pdf_init (&pdf, ctx);
  begin_page (&pdf);
  draw_cover (&pdf);
  clip_pdf_new_page (&pdf);
  clip_pdf_draw_summary (&pdf);
  clip_pdf_new_page (&pdf);
  clip_pdf_heading (&pdf, _("Articles"));
  if (ctx->sel->ids->len == 0)
    clip_pdf_flow (&pdf, clip_pdf_layout (&pdf, 0, CLIP_PDF_FONT_BODY, CLIP_PDF_WIDTH,
                                          _("No articles in this scope and period.")),
                   CLIP_PDF_LEFT, 0x5e5c64);
  while (pdf.write_error == NULL && (item = clip_export_next_item (ctx, &local_error)) != NULL)
    {
      clip_pdf_draw_article (&pdf, item);
      clip_export_item_free (item);
    }
  clip_pdf_flush_glyphs (&pdf);
  cairo_show_page (pdf.cr);
  ok = pdf_finish (&pdf, local_error ? NULL : error);
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return ok;
}
