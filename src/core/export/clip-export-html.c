/* clip-export-html.c — a report as one self-contained HTML file
 *
 * Inline CSS, an inline SVG chart, no scripts and nothing loaded from
 * anywhere (a Content-Security-Policy says so to the browser as well).
 * Every piece of text that came from a feed or a person is escaped here,
 * without its bidi overrides, and isolated from the text around it
 * (<bdi>, dir="auto"), so that right-to-left text cannot reorder what is
 * next to it; the only links are http(s) article addresses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-export-private.h"
#include "clip-format.h"
#include "clip-text-safe.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char style[] =
  ":root{color-scheme:light}"
  "body{font-family:Cantarell,\"Noto Sans\",\"DejaVu Sans\",sans-serif;max-width:52rem;"
  "margin:2rem auto;padding:0 1rem;color:#1e1e1e;background:#fff;line-height:1.45}"
  "header{border-bottom:2px solid #1e1e1e;margin-bottom:1.5rem;padding-bottom:.6rem}"
  "h1{font-size:1.9rem;margin:0 0 .3rem;overflow-wrap:anywhere}"
  ".period{font-size:1.15rem;margin:0}"
  ".scope,.generated{color:#5e5c64;margin:.2rem 0}"
  "h2{font-size:1.3rem;border-bottom:1px solid #c0bfbc;padding-bottom:.2rem;margin:2rem 0 .6rem}"
  ".totals{font-size:1.05rem}"
  "table{border-collapse:collapse;width:100%;margin:.4rem 0 1.2rem}"
  "caption{text-align:left;font-weight:bold;padding:.3rem 0}"
  "th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #deddda;"
  "vertical-align:top;overflow-wrap:anywhere}"
  "th{border-bottom:1px solid #9a9996}"
  ".n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
  ".swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em}"
  "code{font-family:\"DejaVu Sans Mono\",monospace;font-size:.85em;overflow-wrap:anywhere}"
  "figure{margin:1rem 0}figure svg{width:100%;height:auto;display:block}"
  "figcaption{color:#5e5c64;font-size:.9rem}"
  ".legend{list-style:none;padding:0;margin:.3rem 0}"
  /* An entry stays whole: swatch and name on one line, never broken
   * inside a word; a name too long for the line is cut with "…". */
  ".legend li{display:inline-block;margin-right:1.2em;white-space:nowrap;max-width:100%;"
  "overflow:hidden;text-overflow:ellipsis;vertical-align:top}"
  ".terms{display:block;margin-top:.2em;color:#5e5c64;font-size:.8em}"
  "article{border-bottom:1px solid #deddda;padding:.8rem 0;break-inside:avoid}"
  "article h3{font-size:1.1rem;margin:0 0 .2rem;overflow-wrap:anywhere}"
  "article h3 a{color:#1a5fb4;text-decoration:none}"
  ".meta{color:#5e5c64;font-size:.9rem;margin:0}"
  ".url{font-size:.8rem;color:#5e5c64;overflow-wrap:anywhere;margin:0 0 .3rem}"
  ".excerpt{margin:.3rem 0;overflow-wrap:anywhere}"
  "mark{color:inherit;padding:0 .1em;border-radius:2px}"
  ".rules,.tags{font-size:.9rem;margin:.2rem 0;overflow-wrap:anywhere}"
  ".tags{color:#5e5c64}"
  ".chip{border-left:.3em solid;padding-left:.3em;margin-right:.3em;font-weight:bold}"
  ".words{margin-right:1em}"
  ".note{margin:.4rem 0 0;padding:.3rem .6rem;background:#f6f5f4;"
  "border-left:3px solid #c0bfbc;white-space:pre-wrap;overflow-wrap:anywhere}"
  ".empty{color:#5e5c64;font-style:italic}"
  "@page{size:A4;margin:16mm 14mm}"
  "@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}"
  "a{color:inherit}h2{break-after:avoid}"
  "*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}";

/* Escapes text for element content and quoted attributes; C0 controls
 * (but tab and newline) are not allowed in HTML and are left out, and so
 * are explicit bidi controls (U+202A–U+202E, U+2066–U+2069). */
static void
esc_len (GString *out, const char *text, gsize len)
{
  for (gsize i = 0; text && i < len && text[i]; i++)
    {
      gsize bidi = clip_text_bidi_control_len (text + i, len - i);
      char c = text[i];

      if (bidi > 0)
        {
          i += bidi - 1;
          continue;
        }
      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default:
          if (((guchar) c >= 0x20 && c != 0x7f) || c == '\t' || c == '\n')
            g_string_append_c (out, c);
        }
    }
}

static void
esc (GString *out, const char *text)
{
  if (text)
    esc_len (out, text, strlen (text));
}

/* Text inside other text: isolated, so that its direction stays its own. */
static void
esc_bdi (GString *out, const char *text)
{
  g_string_append (out, "<bdi>");
  esc (out, text);
  g_string_append (out, "</bdi>");
}

static void
esc_marked (GString *out, const char *text, const GArray *marks)
{
  gsize at = 0, len = text ? strlen (text) : 0;

  for (guint i = 0; i < marks->len; i++)
    {
      const ClipExportMark *m = &g_array_index (marks, ClipExportMark, i);

      if (m->start < at || m->end > len)
        continue;
      esc_len (out, text + at, m->start - at);
      g_string_append_printf (out, "<mark class=\"r%u\">", m->rule_index);
      esc_len (out, text + m->start, m->end - m->start);
      g_string_append (out, "</mark>");
      at = m->end;
    }
  if (at < len)
    esc_len (out, text + at, len - at);
}

static void
append_rule_styles (GString *out, const ClipExportSelection *sel)
{
  for (guint i = 0; i < sel->rules->len; i++)
    {
      const ClipExportRule *r = g_ptr_array_index (sel->rules, i);
      guint rgb = (guint) g_ascii_strtoull (r->color + 1, NULL, 16);

      /* color is validated as #rrggbb: safe inside the style element. */
      g_string_append_printf (out,
                              ".r%u{background-color:rgba(%u,%u,%u,.35)}"
                              ".c%u{border-color:%s}.s%u{background-color:%s}",
                              i, rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff,
                              i, r->color, i, r->color);
    }
}

static void
append_head (GString *out, const ClipExportSelection *sel)
{
  g_autofree char *when = clip_format_time_full (sel->generated, FALSE, NULL, NULL);
  /* TRANSLATORS: %s is a date and time */
  g_autofree char *generated = g_strdup_printf (_("Generated %s by Clippings"), when);

  g_string_append (out,
                   "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; img-src data:\">\n"
                   "<meta name=\"referrer\" content=\"no-referrer\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"Clippings " PACKAGE_VERSION "\">\n<title>");
  esc (out, sel->title);
  g_string_append (out, "</title>\n<style>");
  g_string_append (out, style);
  append_rule_styles (out, sel);
  g_string_append (out, "</style>\n</head>\n<body>\n<header>\n<h1 dir=\"auto\">");
  esc (out, sel->title);
  g_string_append (out, "</h1>\n<p class=\"period\">");
  esc (out, sel->period_text);
  g_string_append (out, "</p>\n<p class=\"scope\" dir=\"auto\">");
  esc (out, sel->scope_text);
  g_string_append (out, "</p>\n<p class=\"generated\">");
  esc (out, generated);
  g_string_append (out, "</p>\n</header>\n");
}

static void
append_rules_table (GString *out, const ClipExportSelection *sel)
{
  if (sel->rules->len == 0)
    return;
  g_string_append_printf (out, "<table class=\"rules-table\">\n<caption>%s</caption>\n"
                          "<thead><tr><th>%s</th><th>%s</th><th class=\"n\">%s</th></tr></thead>\n<tbody>\n",
                          _("Rules"), _("Rule"), _("Query"), _("Articles"));
  for (guint i = 0; i < sel->rules->len; i++)
    {
      const ClipExportRule *r = g_ptr_array_index (sel->rules, i);

      g_string_append_printf (out, "<tr><td><span class=\"swatch s%u\"></span>", i);
      esc_bdi (out, r->name);
      g_string_append (out, "</td><td><code dir=\"auto\">");
      esc (out, r->query);
      g_string_append (out, "</code>");
      for (guint l = 0; r->lists && l < r->lists->len; l++)
        {
          g_autofree char *terms = clip_export_term_list_text (g_ptr_array_index (r->lists, l));

          g_string_append (out, "<code class=\"terms\" dir=\"auto\">");
          esc (out, terms);
          g_string_append (out, "</code>");
        }
      g_autofree char *n = clip_format_count (r->count, NULL);

      g_string_append_printf (out, "</td><td class=\"n\">%s</td></tr>\n", n);
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_outlets_table (GString *out, const ClipExportSelection *sel)
{
  if (sel->outlets->len == 0)
    return;
  g_string_append_printf (out, "<table class=\"outlets-table\">\n<caption>%s</caption>\n"
                          "<thead><tr><th>%s</th><th class=\"n\">%s</th></tr></thead>\n<tbody>\n",
                          _("Outlets"), _("Outlet"), _("Articles"));
  for (guint i = 0; i < sel->outlets->len; i++)
    {
      const ClipExportOutlet *o = g_ptr_array_index (sel->outlets, i);

      g_autofree char *n = clip_format_count (o->count, NULL);

      g_string_append (out, "<tr><td dir=\"auto\">");
      esc (out, o->name);
      g_string_append_printf (out, "</td><td class=\"n\">%s</td></tr>\n", n);
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_series (GString *out, const ClipExportSelection *sel, guint column,
               const char *color, double x0, double w, double y0, double h, guint top)
{
  double step = sel->n_days > 1 ? w / (sel->n_days - 1) : 0;

  /* One day: a bar per rule, side by side, instead of a lone dot. */
  if (sel->n_days == 1)
    {
      guint n = MAX (sel->rules->len, 1), slot = column < sel->rules->len ? column : 0;
      double bw = MIN (32, w / (n * 1.5)), bh = h * clip_export_day_count (sel, 0, column) / top;

      g_string_append_printf (out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
                              x0 + w / 2 - n * bw * 1.25 / 2 + slot * bw * 1.25, y0 + h - bh, bw, bh, color);
      return;
    }
  g_string_append_printf (out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                          "stroke-linejoin=\"round\" points=\"", color);
  for (guint d = 0; d < sel->n_days; d++)
    g_string_append_printf (out, "%s%.1f,%.1f", d ? " " : "",
                            sel->n_days > 1 ? x0 + d * step : x0 + w / 2,
                            y0 + h - h * clip_export_day_count (sel, d, column) / top);
  g_string_append (out, "\"/>\n");
  if (sel->n_days > 62)
    return;
  for (guint d = 0; d < sel->n_days; d++)
    if (clip_export_day_count (sel, d, column) > 0)
      g_string_append_printf (out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.8\" fill=\"%s\"/>\n",
                              sel->n_days > 1 ? x0 + d * step : x0 + w / 2,
                              y0 + h - h * clip_export_day_count (sel, d, column) / top, color);
}

static void
append_chart (GString *out, const ClipExportSelection *sel)
{
  const double W = 760, H = 250, x0 = 70, y0 = 12, w = W - x0 - 50, h = H - y0 - 40;
  guint max = 0, top, n_labels;
  gboolean by_rule = sel->rules->len > 0;

  if (sel->n_days == 0)
    return;
  for (guint d = 0; d < sel->n_days; d++)
    for (guint c = by_rule ? 0 : sel->rules->len; c < (by_rule ? sel->rules->len : sel->rules->len + 1); c++)
      max = MAX (max, clip_export_day_count (sel, d, c));
  top = clip_export_axis_top (max);
  g_string_append_printf (out, "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                          "viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\" "
                          "font-family=\"sans-serif\" font-size=\"11\" fill=\"#5e5c64\">\n",
                          W, H, _("Articles per day"));
  for (guint t = 0; t <= 4; t++)
    {
      double y = y0 + h - h * t / 4;
      g_autofree char *n = clip_format_count (top * t / 4, NULL);

      g_string_append_printf (out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                              "stroke=\"%s\" stroke-width=\"1\"/>\n"
                              "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                              x0, y, x0 + w, y, t ? "#deddda" : "#9a9996",
                              x0 - 6, y + 4, n);
    }
  /* Centred under their day, at least 90 units apart. */
  g_autofree guint *days = g_new (guint, sel->n_days);

  n_labels = clip_export_axis_days (sel->n_days, w, 90, days);
  for (guint l = 0; l < n_labels; l++)
    {
      guint day = days[l];
      double x = sel->n_days > 1 ? x0 + w * day / (sel->n_days - 1) : x0 + w / 2;
      g_autofree char *label = clip_export_day_label (sel, day);
      g_string_append_printf (out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x, y0 + h + 18);
      esc (out, label);
      g_string_append (out, "</text>\n");
    }
  if (by_rule)
    for (guint c = sel->rules->len; c-- > 0;)
      append_series (out, sel, c, ((ClipExportRule *) g_ptr_array_index (sel->rules, c))->color,
                     x0, w, y0, h, top);
  else
    append_series (out, sel, sel->rules->len, "#5e5c64", x0, w, y0, h, top);
  g_string_append_printf (out, "</svg>\n<figcaption>%s", _("Articles per day"));
  if (by_rule)
    {
      g_string_append (out, "<ul class=\"legend\">");
      for (guint i = 0; i < sel->rules->len; i++)
        {
          g_string_append_printf (out, "<li><span class=\"swatch s%u\"></span>", i);
          esc_bdi (out, ((ClipExportRule *) g_ptr_array_index (sel->rules, i))->name);
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ul>");
    }
  g_string_append (out, "</figcaption>\n</figure>\n");
}

static void
append_summary (GString *out, const ClipExportSelection *sel)
{
  g_autofree char *articles = clip_format_count (sel->ids->len, NULL);
  g_autofree char *outlets = clip_format_count (sel->outlets->len, NULL);

  g_string_append_printf (out, "<section class=\"summary\">\n<h2>%s</h2>\n<p class=\"totals\">", _("Summary"));
  /* Translators: %s is a number, with the locale's thousands separators */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s article", "%s articles", sel->ids->len),
                          articles);
  g_string_append (out, " · ");
  /* Translators: %s is a number, with the locale's thousands separators */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s outlet", "%s outlets", sel->outlets->len),
                          outlets);
  g_string_append (out, "</p>\n");
  append_rules_table (out, sel);
  append_outlets_table (out, sel);
  append_chart (out, sel);
  g_string_append (out, "</section>\n");
}

static void
append_article (GString *out, const ClipExportItem *item)
{
  const ClipArticle *a = item->article;
  g_autofree char *iso = clip_export_iso_time (clip_article_time (a));
  g_autofree char *when = clip_format_time_full (clip_article_time (a), FALSE, NULL, NULL);
  gboolean link = clip_export_is_web_url (a->url);
  g_autofree char *evidence = clip_export_evidence_line (item);

  g_string_append_printf (out, "<article id=\"a%" G_GINT64_FORMAT "\">\n<h3 dir=\"auto\">", a->id);
  if (link)
    {
      g_string_append (out, "<a href=\"");
      esc (out, a->url);
      g_string_append (out, "\" rel=\"noopener noreferrer nofollow\">");
    }
  esc_marked (out, a->title && *a->title ? a->title : _("(untitled)"), item->title_marks);
  g_string_append (out, link ? "</a></h3>\n<p class=\"meta\">" : "</h3>\n<p class=\"meta\">");
  esc_bdi (out, a->outlet_name);
  g_string_append (out, " · <time datetime=\"");
  esc (out, iso);
  g_string_append (out, "\">");
  esc (out, when);
  g_string_append (out, "</time>");
  if (a->author && *a->author)
    {
      g_string_append (out, " · ");
      esc_bdi (out, a->author);
    }
  if (a->flag)
    g_string_append_printf (out, " · %s", _("Flagged"));
  g_string_append (out, "</p>\n");
  if (a->url && *a->url)
    {
      g_string_append (out, "<p class=\"url\" dir=\"auto\">");
      esc (out, a->url);
      g_string_append (out, "</p>\n");
    }
  if (item->excerpt[0])
    {
      g_string_append (out, "<p class=\"excerpt\" dir=\"auto\">");
      esc_marked (out, item->excerpt, item->excerpt_marks);
      g_string_append (out, "</p>\n");
    }
  if (item->matches->len)
    {
      g_string_append (out, "<p class=\"rules\">");
      for (guint i = 0; i < item->matches->len; i++)
        {
          const ClipExportMatch *m = g_ptr_array_index (item->matches, i);

          g_string_append_printf (out, "<span class=\"chip c%u\">", m->rule->index);
          esc_bdi (out, m->rule->name);
          g_string_append (out, "</span><span class=\"words\">");
          for (guint w = 0; w < m->words->len; w++)
            {
              g_string_append (out, w ? ", " : "");
              esc_bdi (out, g_ptr_array_index (m->words, w));
            }
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</p>\n");
    }
  if (item->tags[0])
    {
      g_string_append_printf (out, "<p class=\"tags\">%s ", _("Tags:"));
      for (guint t = 0; item->tags[t]; t++)
        {
          g_string_append (out, t ? ", " : "");
          esc_bdi (out, item->tags[t]);
        }
      g_string_append (out, "</p>\n");
    }
  if (evidence != NULL)
    {
      g_string_append (out, "<p class=\"tags evidence\">");
      esc (out, evidence);
      g_string_append (out, "</p>\n");
    }
  if (a->note && *a->note)
    {
      g_string_append_printf (out, "<div class=\"note\"><strong>%s</strong> ", _("Note:"));
      esc_bdi (out, a->note);
      g_string_append (out, "</div>\n");
    }
  g_string_append (out, "</article>\n");
}

gboolean
clip_export_write_html (ClipExportContext  *ctx,
                        GError            **error)
{
  ClipExportItem *item;
  GError *local_error = NULL;
  guint n = 0;

  append_head (ctx->buf, ctx->sel);
  append_summary (ctx->buf, ctx->sel);
  g_string_append_printf (ctx->buf, "<section class=\"articles\">\n<h2>%s</h2>\n", _("Articles"));
  while ((item = clip_export_next_item (ctx, &local_error)) != NULL)
    {
      append_article (ctx->buf, item);
      clip_export_item_free (item);
      n++;
      if (!clip_export_flush (ctx, FALSE, error))
        return FALSE;
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (n == 0)
    g_string_append_printf (ctx->buf, "<p class=\"empty\">%s</p>\n",
                            _("No articles in this scope and period."));
  g_string_append (ctx->buf, "</section>\n</body>\n</html>\n");
  return TRUE;
}
