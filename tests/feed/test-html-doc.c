/* test-html-doc.c — sanitised HTML as a reader's blocks, and plain-text
 * spans mapped onto them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-html-doc.h"
#include "clip-html-sanitize.h"
#include "clip-page.h"

#include <gio/gio.h>
#include <string.h>

/* The share of a page's words the reading view requires its blocks to
 * show before it draws the HTML (else it draws the plain text). */
#define SHOWN_FLOOR 0.98

static const ClipHtmlBlock *
block (ClipHtmlDoc *doc, guint i)
{
  g_assert_cmpuint (i, <, doc->blocks->len);
  return doc->blocks->pdata[i];
}

static void
test_blocks (void)
{
  const char *html =
    "<h2>Sanctions widened</h2><p>The <b>ministers</b> met in <a href=\"https://example.org/b\">Bucharest</a>.<br>"
    "Late talks.</p><ul><li>one</li><li>two <em>more</em></li></ul>"
    "<ol start=\"3\"><li>third</li></ol><blockquote><p>Quoted words</p></blockquote>"
    "<pre>\n  a = 1;\n  b</pre><hr><p>After <code>x()</code></p>";
  g_autoptr(ClipHtmlDoc) doc = clip_html_doc_new (html, -1);
  const ClipHtmlBlock *b;
  const ClipHtmlRun *r;

  g_assert_cmpuint (doc->blocks->len, ==, 9);
  b = block (doc, 0);
  g_assert_cmpint (b->kind, ==, CLIP_HTML_BLOCK_HEADING);
  g_assert_cmpuint (b->level, ==, 2);
  g_assert_cmpstr (b->text, ==, "Sanctions widened");

  b = block (doc, 1);
  g_assert_cmpint (b->kind, ==, CLIP_HTML_BLOCK_PARAGRAPH);
  g_assert_cmpstr (b->text, ==, "The ministers met in Bucharest.\nLate talks.");
  g_assert_cmpuint (b->runs->len, ==, 2);
  r = &g_array_index (b->runs, ClipHtmlRun, 0);
  g_assert_cmpuint (r->style, ==, CLIP_HTML_STYLE_STRONG);
  g_assert_cmpint (strncmp (b->text + r->start, "ministers", r->end - r->start), ==, 0);
  r = &g_array_index (b->runs, ClipHtmlRun, 1);
  g_assert_cmpuint (r->style, ==, CLIP_HTML_STYLE_LINK);
  g_assert_cmpstr (r->href, ==, "https://example.org/b");
  g_assert_cmpuint (r->end - r->start, ==, strlen ("Bucharest"));

  b = block (doc, 2);
  g_assert_cmpint (b->kind, ==, CLIP_HTML_BLOCK_LIST_ITEM);
  g_assert_cmpstr (b->marker, ==, "•");
  g_assert_cmpuint (b->list_depth, ==, 1);
  g_assert_cmpstr (b->text, ==, "one");
  b = block (doc, 3);
  g_assert_cmpstr (b->text, ==, "two more");
  g_assert_cmpuint (g_array_index (b->runs, ClipHtmlRun, 0).style, ==, CLIP_HTML_STYLE_EMPHASIS);
  b = block (doc, 4);
  g_assert_cmpstr (b->marker, ==, "3.");
  g_assert_cmpstr (b->text, ==, "third");

  b = block (doc, 5);
  g_assert_cmpuint (b->quote_depth, ==, 1);
  g_assert_cmpstr (b->text, ==, "Quoted words");
  b = block (doc, 6);
  g_assert_cmpint (b->kind, ==, CLIP_HTML_BLOCK_PRE);
  g_assert_cmpstr (b->text, ==, "  a = 1;\n  b");
  g_assert_cmpint (block (doc, 7)->kind, ==, CLIP_HTML_BLOCK_RULE);
  b = block (doc, 8);
  g_assert_cmpstr (b->text, ==, "After x()");
  g_assert_cmpuint (g_array_index (b->runs, ClipHtmlRun, 0).style, ==, CLIP_HTML_STYLE_CODE);
}

static void
test_images (void)
{
  /* As the page's extraction stores it: sanitised against the page URL. */
  g_autofree char *html = clip_html_sanitize ("<p>Before</p><figure><img src=\"/pics/a.jpg\" alt=\"The hall\" onerror=\"x()\">"
                                              "<figcaption>The hall, <i>Tuesday</i></figcaption></figure>"
                                              "<img src=\"data:image/png;base64,AAAA\" alt=\"inline\">"
                                              "<img src=\"javascript:alert(1)\"><p>After</p>",
                                              -1, "https://news.example/2024/story.html");
  g_autoptr(ClipHtmlDoc) doc = clip_html_doc_new (html, -1);
  const ClipHtmlBlock *b;

  g_assert_cmpuint (doc->blocks->len, ==, 4);
  g_assert_cmpuint (doc->n_images, ==, 1);
  g_assert_cmpint (block (doc, 2)->kind, ==, CLIP_HTML_BLOCK_CAPTION);
  g_assert_cmpstr (block (doc, 2)->text, ==, "The hall, Tuesday");
  b = block (doc, 1);
  g_assert_cmpint (b->kind, ==, CLIP_HTML_BLOCK_IMAGE);
  g_assert_cmpstr (b->src, ==, "https://news.example/pics/a.jpg");
  g_assert_cmpstr (b->alt, ==, "The hall");
  g_assert_null (b->text);
}

/* The text of plain [start, end) as the blocks show it. */
static char *
mapped (ClipHtmlDoc *doc, const char *plain, const char *word, guint *n_pieces)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (ClipHtmlPiece));
  const char *at = strstr (plain, word);
  GString *s = g_string_new (NULL);

  g_assert_nonnull (at);
  clip_html_doc_map_span (doc, at - plain, at - plain + strlen (word), pieces);
  for (guint i = 0; i < pieces->len; i++)
    {
      const ClipHtmlPiece *p = &g_array_index (pieces, ClipHtmlPiece, i);

      if (i)
        g_string_append_c (s, '|');
      g_string_append_len (s, block (doc, p->block)->text + p->start, p->end - p->start);
    }
  *n_pieces = pieces->len;
  return g_string_free (s, FALSE);
}

static void
assert_maps (ClipHtmlDoc *doc, const char *plain, const char *word, const char *expected, guint n)
{
  guint got = 0;
  g_autofree char *text = mapped (doc, plain, word, &got);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (got, ==, n);
}

static void
test_map (void)
{
  const char *html = "<h1>Kremlin denies</h1><p>Officials in   the <i>Kremlin</i>\n said <b>Russian</b>"
                     "\ninterference was <a href=\"http://x.example/\">invented</a>.</p>"
                     "<ul><li>Kremlin again</li></ul><p>caf&eacute; &amp; bar</p>";
  g_autofree char *plain = clip_html_to_text (html, -1);
  g_autoptr(ClipHtmlDoc) doc = clip_html_doc_new (html, -1);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (ClipHtmlPiece));
  const char *second;

  g_assert_cmpfloat (clip_html_doc_align (doc, plain), ==, 1.0);
  assert_maps (doc, plain, "Kremlin denies", "Kremlin denies", 1);
  assert_maps (doc, plain, "Russian interference", "Russian interference", 1);
  assert_maps (doc, plain, "café & bar", "café & bar", 1);
  /* The second "Kremlin" lands in the paragraph, not the heading. */
  second = strstr (strstr (plain, "Kremlin") + 1, "Kremlin");
  clip_html_doc_map_span (doc, second - plain, second - plain + 7, pieces);
  g_assert_cmpuint (pieces->len, ==, 1);
  g_assert_cmpuint (g_array_index (pieces, ClipHtmlPiece, 0).block, ==, 1);
  g_assert_cmpstr (block (doc, 1)->text + g_array_index (pieces, ClipHtmlPiece, 0).start, ==,
                   "Kremlin said Russian interference was invented.");
  /* Across blocks: one piece in each. */
  assert_maps (doc, plain, "invented.\n\nKremlin", "invented.|Kremlin", 2);
}

/* Every block's text is found, whole, where the plain text has it: the
 * mapping is exact on the sanitiser's own output. */
static void
test_map_sanitised (void)
{
  const char *raw = "<div><h3>Title</h3><p>First <span>para</span>graph &nbsp; with\ttabs</p>"
                    "<table><tr><td>a</td><td>b</td></tr></table><p>don\xc2\x92t</p></div>";
  g_autofree char *html = NULL, *plain = NULL;
  g_autoptr(ClipHtmlDoc) doc = NULL;

  html = clip_html_sanitize (raw, -1, NULL);
  plain = clip_html_to_text (raw, -1);
  doc = clip_html_doc_new (html, -1);
  g_assert_cmpfloat (clip_html_doc_align (doc, plain), ==, 1.0);
  assert_maps (doc, plain, "Title", "Title", 1);
  assert_maps (doc, plain, "paragraph", "paragraph", 1);
  assert_maps (doc, plain, "a b", "a b", 1);
  assert_maps (doc, plain, "tabs", "tabs", 1);
}

static void
test_plain_text (void)
{
  const char *plain = "First paragraph\nsecond line.\n\nSecond paragraph.\n\n\nThird.";
  g_autoptr(ClipHtmlDoc) doc = clip_html_doc_new_text (plain);
  g_autofree char *all = NULL;

  g_assert_cmpuint (doc->blocks->len, ==, 3);
  g_assert_cmpstr (block (doc, 0)->text, ==, "First paragraph\nsecond line.");
  g_assert_cmpstr (block (doc, 2)->text, ==, "Third.");
  clip_html_doc_align (doc, plain);
  assert_maps (doc, plain, "Third", "Third", 1);
  assert_maps (doc, plain, "line.\n\nSecond", "line.|Second", 2);
  all = clip_html_doc_text (doc);
  g_assert_cmpstr (all, ==, "First paragraph\nsecond line.\n\nSecond paragraph.\n\nThird.");
}

/* Text the blocks do not have (a plain text from elsewhere) is skipped,
 * and what follows still lands. */
static void
test_map_resync (void)
{
  g_autoptr(ClipHtmlDoc) doc = clip_html_doc_new ("<p>alpha beta</p><p>gamma delta</p>", -1);
  const char *plain = "alpha EXTRA beta\n\nnoise gamma delta";

  /* 19 of the 29 non-space bytes are shown: a caller can tell. */
  g_assert_cmpfloat_with_epsilon (clip_html_doc_align (doc, plain), 19.0 / 29.0, 1e-9);
  assert_maps (doc, plain, "beta", "beta", 1);
  assert_maps (doc, plain, "gamma delta", "gamma delta", 1);
  assert_maps (doc, plain, "EXTRA", "", 0);
}

/* Whitespace written differently in the two texts: one piece still. */
static void
test_map_spaces (void)
{
  g_autoptr(ClipHtmlDoc) doc = clip_html_doc_new ("<p>Russian <b>interference</b> grew</p>", -1);
  const char *plain = "Russian\n  interference grew";

  clip_html_doc_align (doc, plain);
  assert_maps (doc, plain, "Russian\n  interference", "Russian interference", 1);
}

static void
test_hostile (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(ClipHtmlDoc) doc = NULL;
  g_autoptr(ClipHtmlDoc) empty = clip_html_doc_new (NULL, -1);
  g_autoptr(ClipHtmlDoc) broken = clip_html_doc_new ("<ul><li>open <b>bold <a href=\"javascript:x\">no", -1);

  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "<div><ul><li><b>");
  g_string_append (deep, "bottom");
  doc = clip_html_doc_new (deep->str, deep->len);
  g_assert_cmpuint (doc->blocks->len, >=, 1);
  g_assert_cmpuint (empty->blocks->len, ==, 0);
  g_assert_cmpuint (broken->blocks->len, ==, 1);
  g_assert_cmpstr (block (broken, 0)->text, ==, "open bold no");
  /* No link to a script address. */
  for (guint i = 0; i < block (broken, 0)->runs->len; i++)
    g_assert_null (g_array_index (block (broken, 0)->runs, ClipHtmlRun, i).href);
}

static GBytes *
gunzip_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (raw == NULL)
    return NULL;
  in = g_converter_input_stream_new (raw, G_CONVERTER (z));
  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* Real pages (the shared extraction corpus): the page's stored HTML, as
 * blocks, shows its stored text's words, every one of them on all but a
 * few pages, and enough of them on each for the view to draw the HTML.
 * Skipped where ../shared is absent. */
static void
test_corpus (void)
{
  const char *shared = g_getenv ("CLIPPINGS_SHARED");
  g_autofree char *dir = g_build_filename (shared ? shared : "../shared", "corpus", "extraction", "html", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint pages = 0, whole = 0;
  double least = 1.0, seconds = 0;

  if (d == NULL)
    {
      g_test_skip ("../shared/corpus/extraction is absent (set CLIPPINGS_SHARED)");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GBytes) bytes = gunzip_file (path);
      g_autoptr(ClipPage) page = NULL;
      g_autoptr(ClipHtmlDoc) doc = NULL;
      ClipPageOptions options;
      gint64 start;
      double shown;

      if (bytes == NULL || !g_str_has_suffix (name, ".html.gz"))
        continue;
      clip_page_options_init (&options);
      page = clip_page_extract (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &options);
      if (page->html == NULL || page->text == NULL || *page->text == '\0')
        continue;
      start = g_get_monotonic_time ();
      doc = clip_html_doc_new (page->html, -1);
      shown = clip_html_doc_align (doc, page->text);
      seconds += (g_get_monotonic_time () - start) / 1e6;
      if (shown < SHOWN_FLOOR)
        g_test_message ("%s: %.3f of its words shown", name, shown);
      pages++;
      whole += shown == 1.0;
      least = MIN (least, shown);
    }
  g_test_message ("%u pages: %u show every word, the least %.4f; %.1f ms a page", pages, whole, least,
                  pages ? seconds * 1000 / pages : 0);
  g_assert_cmpuint (pages, >, 100);
  g_assert_cmpfloat (least, >=, SHOWN_FLOOR);
  g_assert_cmpuint (whole, >=, pages * 95 / 100);
}

/* HTML whose text is mostly not in the plain text is not searched
 * character by character to the end (each a search of hundreds of
 * places, on the main thread): past a bound the alignment gives up, says
 * nothing is shown, and keeps no partial map. */
static void
test_align_gives_up (void)
{
  g_autoptr(GString) html = g_string_new ("<p>");
  g_autoptr(ClipHtmlDoc) doc = NULL;
  const char *plain = "The statement was read out after two days of talks.";

  for (guint i = 0; i < 30000; i++)
    g_string_append_c (html, "qzxwvj"[i % 6]);
  g_string_append_printf (html, "</p><p>%s</p>", plain);
  doc = clip_html_doc_new (html->str, -1);
  g_assert_cmpfloat (clip_html_doc_align (doc, plain), ==, 0.0);
  for (guint b = 0; b < doc->blocks->len; b++)
    g_assert_cmpuint (((ClipHtmlBlock *) doc->blocks->pdata[b])->map->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html-doc/blocks", test_blocks);
  g_test_add_func ("/html-doc/images", test_images);
  g_test_add_func ("/html-doc/map", test_map);
  g_test_add_func ("/html-doc/map-sanitised", test_map_sanitised);
  g_test_add_func ("/html-doc/plain-text", test_plain_text);
  g_test_add_func ("/html-doc/map-resync", test_map_resync);
  g_test_add_func ("/html-doc/map-spaces", test_map_spaces);
  g_test_add_func ("/html-doc/hostile", test_hostile);
  g_test_add_func ("/html-doc/align-gives-up", test_align_gives_up);
  g_test_add_func ("/html-doc/corpus", test_corpus);
  return g_test_run ();
}
