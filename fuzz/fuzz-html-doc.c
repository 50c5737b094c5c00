/* fuzz-html-doc.c — the reading view's blocks (clip-html-doc.c) from
 * whatever the sanitiser lets through: valid UTF-8 in every block, styled
 * runs and mapped pieces inside their block's text and on its character
 * boundaries, links and images only to web addresses, and the blocks show
 * the words of the sanitiser's plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"
#include "clip-html-doc.h"
#include "clip-html-sanitize.h"

#include <string.h>

static gboolean
on_boundary (const char *text, guint at)
{
  return at == 0 || at == strlen (text) || ((guchar) text[at] & 0xC0) != 0x80;
}

static gboolean
web (const char *url, gboolean mail)
{
  return g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://") ||
         g_ascii_strncasecmp (url, "http://", 7) == 0 || g_ascii_strncasecmp (url, "https://", 8) == 0 ||
         (mail && g_ascii_strncasecmp (url, "mailto:", 7) == 0);
}

static void
check_block (const ClipHtmlBlock *b)
{
  guint len, at = 0;

  if (b->kind == CLIP_HTML_BLOCK_IMAGE)
    {
      FUZZ_CHECK (b->src && web (b->src, FALSE), "an image from %s", b->src ? b->src : "(none)");
      fuzz_check_utf8 ("alt", b->alt);
      return;
    }
  if (b->text == NULL)
    return;
  fuzz_check_utf8 ("block", b->text);
  FUZZ_CHECK (*b->text != '\0', "an empty block");
  len = strlen (b->text);
  for (guint i = 0; i < b->runs->len; i++)
    {
      const ClipHtmlRun *r = &g_array_index (b->runs, ClipHtmlRun, i);

      FUZZ_CHECK (at <= r->start && r->start < r->end && r->end <= len, "run %u–%u of %u", r->start, r->end, len);
      FUZZ_CHECK (on_boundary (b->text, r->start) && on_boundary (b->text, r->end), "a run splits a character");
      FUZZ_CHECK (r->href == NULL || web (r->href, TRUE), "a link to %s", r->href);
      at = r->end;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *utf8 = g_utf8_make_valid ((const char *) data, size);
  g_autofree char *html = NULL, *text = NULL;
  g_autoptr(ClipSanitizer) s = clip_sanitizer_new ();
  g_autoptr(ClipHtmlDoc) doc = NULL;
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (ClipHtmlPiece));
  gsize len;

  clip_sanitizer_run (s, utf8, -1, "https://outlet.example/news/", &html, &text);
  doc = clip_html_doc_new (html, -1);
  for (guint i = 0; i < doc->blocks->len; i++)
    check_block (doc->blocks->pdata[i]);
  clip_html_doc_align (doc, text);
  /* Every character of the plain text, then all of it, maps inside the
   * blocks, on their characters. */
  len = strlen (text);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    clip_html_doc_map_span (doc, p - text, g_utf8_next_char (p) - text, pieces);
  clip_html_doc_map_span (doc, 0, len, pieces);
  for (guint i = 0; i < pieces->len; i++)
    {
      const ClipHtmlPiece *piece = &g_array_index (pieces, ClipHtmlPiece, i);
      const ClipHtmlBlock *b;

      FUZZ_CHECK (piece->block < doc->blocks->len, "a piece in block %u of %u", piece->block, doc->blocks->len);
      b = doc->blocks->pdata[piece->block];
      FUZZ_CHECK (b->text != NULL && piece->start < piece->end && piece->end <= strlen (b->text),
                  "piece %u–%u", piece->start, piece->end);
      FUZZ_CHECK (on_boundary (b->text, piece->start) && on_boundary (b->text, piece->end),
                  "a piece splits a character");
    }
  return 0;
}
