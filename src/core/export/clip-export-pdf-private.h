/* clip-export-pdf-private.h — the PDF writer's page state, shared by its
 * two files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "clip-export-private.h"

G_BEGIN_DECLS

/* A4 in points, and the text block. */
#define CLIP_PDF_PAGE_W  595.276
#define CLIP_PDF_PAGE_H  841.890
#define CLIP_PDF_LEFT    56.0
#define CLIP_PDF_WIDTH   (CLIP_PDF_PAGE_W - 2 * CLIP_PDF_LEFT)
#define CLIP_PDF_TOP     66.0
#define CLIP_PDF_BOTTOM  (CLIP_PDF_PAGE_H - 58.0)

typedef enum {
  CLIP_PDF_FONT_BODY,
  CLIP_PDF_FONT_SMALL,
  CLIP_PDF_FONT_TITLE,
  CLIP_PDF_FONT_H1,
  CLIP_PDF_FONT_H2,
  CLIP_PDF_FONT_LARGE,
  CLIP_PDF_FONT_MONO,
  CLIP_PDF_FONT_STRONG,
  CLIP_PDF_N_FONTS
} ClipPdfFont;

/* Layouts are reused: one slot per part of an article, one for the page
 * number, and the header's two, laid out once for every page. */
enum {
  CLIP_PDF_SLOT_CHROME = 8,
  CLIP_PDF_SLOT_HEAD_TITLE,
  CLIP_PDF_SLOT_HEAD_PERIOD,
  CLIP_PDF_N_SLOTS
};

typedef struct {
  ClipExportContext    *ctx;
  cairo_surface_t      *surface;
  cairo_t              *cr;
  PangoContext         *pango;
  PangoFontDescription *fonts[CLIP_PDF_N_FONTS];
  PangoLayout          *layouts[CLIP_PDF_N_SLOTS];
  double                y;
  double                period_x;   /* where the header's period starts */
  GPtrArray            *batches;    /* glyphs not drawn yet (clip-export-pdf-text.c) */
  guint                 page;
  GError               *write_error;
} ClipPdf;

/* clip-export-pdf.c */
void         clip_pdf_rgb         (cairo_t      *cr,
                                   guint         rgb);
guint        clip_pdf_rule_rgb    (const ClipExportRule *rule);
PangoLayout *clip_pdf_layout      (ClipPdf      *pdf,
                                   guint         slot,
                                   ClipPdfFont   font,
                                   double        width,
                                   const char   *text);
double       clip_pdf_height      (PangoLayout  *layout);
void         clip_pdf_new_page    (ClipPdf      *pdf);
/* Starts a new page unless height fits below pdf->y. */
void         clip_pdf_need        (ClipPdf      *pdf,
                                   double        height);
void         clip_pdf_flow        (ClipPdf      *pdf,
                                   PangoLayout  *layout,
                                   double        x,
                                   guint         rgb);

/* A mark's background: the rule's colour at 38% on white. */
guint        clip_pdf_mark_rgb    (const ClipExportRule *rule);

/* clip-export-pdf-text.c: a paragraph broken into lines once, measured
 * for pagination and then drawn from the same lines. */
typedef struct {
  PangoLayout *layout;   /* set up without a width (-1); not owned */
  GArray      *lines;    /* NULL: Pango's own breaking (right-to-left text) */
  double       height;
} ClipPdfWrapped;

/* The layout must stay unchanged until the lines are drawn and cleared. */
void         clip_pdf_wrap           (ClipPdfWrapped *wrapped,
                                      PangoLayout    *layout,
                                      double          width);
void         clip_pdf_wrapped_clear  (ClipPdfWrapped *wrapped);
/* Draws the glyphs clip_pdf_flow_wrapped() kept back; done before a page
 * ends and after each article. */
void         clip_pdf_flush_glyphs   (ClipPdf        *pdf);
void         clip_pdf_flow_wrapped   (ClipPdf        *pdf,
                                      const ClipPdfWrapped *wrapped,
                                      const GArray   *marks,
                                      double          x,
                                      guint           rgb);

/* clip-export-pdf-parts.c */
void         clip_pdf_heading     (ClipPdf      *pdf,
                                   const char   *text);
void         clip_pdf_draw_summary (ClipPdf     *pdf);
/* The chart legend's entries placed whole, left to right: each entry's
 * line and x (from the left margin), a new line when the next entry does
 * not fit; an entry wider than a line gets a line of its own. Returns
 * the number of lines. */
guint        clip_pdf_legend_place (const double *widths,
                                    guint         n,
                                    double        line_width,
                                    double        gap,
                                    guint        *line_of,
                                    double       *x_of);
void         clip_pdf_draw_article (ClipPdf     *pdf,
                                    const ClipExportItem *item);

G_END_DECLS
