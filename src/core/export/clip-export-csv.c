/* clip-export-csv.c — one row per article, RFC 4180, UTF-8
 *
 * The columns are documented in docs/export.md; keep the two in step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-export-private.h"
#include "clip-text-safe.h"

#include <string.h>

static const char *const columns[] = {
  "id", "time", "outlet", "url", "title", "author", "lang", "excerpt",
  "rules", "matched_words", "tags", "flag", "note", "text_source", "date_uncertain",
  "evidence_sha256", "evidence_captured",
};

/* A spreadsheet runs a cell that starts with one of these as a formula
 * (CSV injection): such a cell gets a leading apostrophe, which spreadsheet
 * programs show as text and do not keep. Characters that show nothing
 * (U+FEFF, U+200B…) in front do not stop the formula. */
static gboolean
needs_neutralising (const char *text)
{
  const char *shown = clip_text_skip_invisible (text);

  return (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL) ||
         (shown[0] != '\0' && strchr ("=+-@", shown[0]) != NULL);
}

/* Bidi overrides would reorder what the cell shows ("gpj.exe" read as
 * "exe.jpg"): they go. */
static void
append_cell (GString *out, const char *raw, gboolean first)
{
  g_autofree char *text = clip_text_strip_bidi (raw);
  gboolean quote;

  if (!first)
    g_string_append_c (out, ',');
  quote = strpbrk (text, ",\"\r\n") != NULL || needs_neutralising (text);
  if (quote)
    g_string_append_c (out, '"');
  if (needs_neutralising (text))
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
append_row (GString *out, const ClipExportItem *item)
{
  const ClipArticle *a = item->article;
  g_autoptr(GString) rules = g_string_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
  g_autofree char *time = clip_export_iso_time (clip_article_time (a));
  g_autofree char *tags = g_strjoinv ("; ", item->tags);
  g_autofree char *flag = g_strdup_printf ("%d", a->flag);
  g_autofree char *captured = item->evidence ? clip_export_iso_time (item->evidence->captured) : NULL;

  for (guint i = 0; i < item->matches->len; i++)
    {
      const ClipExportMatch *m = g_ptr_array_index (item->matches, i);

      g_string_append_printf (rules, "%s%s", i ? "; " : "", m->rule->name);
    }
  clip_export_append_words (words, item);
  append_cell (out, id, TRUE);
  append_cell (out, time, FALSE);
  append_cell (out, a->outlet_name, FALSE);
  append_cell (out, a->url, FALSE);
  append_cell (out, a->title, FALSE);
  append_cell (out, a->author, FALSE);
  append_cell (out, a->lang, FALSE);
  append_cell (out, item->excerpt, FALSE);
  append_cell (out, rules->str, FALSE);
  append_cell (out, words->str, FALSE);
  append_cell (out, tags, FALSE);
  append_cell (out, flag, FALSE);
  append_cell (out, a->note, FALSE);
  append_cell (out, a->page_text && *a->page_text ? "page" : "feed", FALSE);
  append_cell (out, a->date_uncertain ? "1" : "0", FALSE);
  append_cell (out, item->evidence ? item->evidence->sha256 : "", FALSE);
  append_cell (out, captured ? captured : "", FALSE);
  g_string_append (out, "\r\n");
}

gboolean
clip_export_write_csv (ClipExportContext  *ctx,
                       GError            **error)
{
  ClipExportItem *item;
  GError *local_error = NULL;

  if (ctx->options->bom)
    g_string_append (ctx->buf, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_cell (ctx->buf, columns[i], i == 0);
  g_string_append (ctx->buf, "\r\n");

  while ((item = clip_export_next_item (ctx, &local_error)) != NULL)
    {
      append_row (ctx->buf, item);
      clip_export_item_free (item);
      if (!clip_export_flush (ctx, FALSE, error))
        return FALSE;
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
