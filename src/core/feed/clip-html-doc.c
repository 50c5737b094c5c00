/* clip-html-doc.c — sanitised HTML as blocks a reader shows
 *
 * The HTML is read with libxml2's HTML parser as the sanitiser reads it
 * (SAX, whitespace events included), and the sanitiser's own element
 * table says which elements break the text (clip-html-private.h), so that
 * the blocks hold the words of the plain text in the same order. Where
 * the two still differ (whitespace, a character the plain text maps), the
 * alignment skips and resynchronises rather than trusting offsets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-html-doc.h"
#include "clip-html-private.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <string.h>

/* How far ahead in the plain text a word is looked for after a mismatch. */
#define RESYNC_WINDOW 256

typedef struct {
  guint plain;   /* bytes [plain, plain + len) of the plain text are */
  guint text;    /* bytes [text, text + len) of the block's text */
  guint len;
} Segment;

typedef struct {
  ClipHtmlBlockKind kind;
  guint     level;
  char     *marker;        /* list items: their marker, until shown */
} Context;

typedef struct {
  guint  style;
  char  *href;
} Style;

/* What an open element did, for its end to undo. */
enum {
  DID_NOTHING  = 0,
  DID_DROP     = 1 << 0,
  DID_CONTEXT  = 1 << 1,
  DID_STYLE    = 1 << 2,
  DID_LIST     = 1 << 3,
  DID_QUOTE    = 1 << 4,
  DID_PRE      = 1 << 5,
  DID_BREAK    = 1 << 6,
};

typedef struct {
  gboolean ordered;
  guint    next;
} List;

typedef struct {
  ClipHtmlDoc *doc;
  GString     *text;
  GArray      *runs;
  gboolean     pending_space;
  guint        drop_depth;
  guint        pre_depth;
  guint        quote_depth;
  GArray      *frames;     /* guint DID_* per open element */
  GArray      *contexts;   /* Context */
  GArray      *styles;     /* Style */
  GArray      *lists;      /* List */
} Builder;

static void
run_clear (gpointer p)
{
  g_free (((ClipHtmlRun *) p)->href);
}

static ClipHtmlBlock *
block_new (ClipHtmlBlockKind kind)
{
  ClipHtmlBlock *b = g_new0 (ClipHtmlBlock, 1);

  b->kind = kind;
  b->runs = g_array_new (FALSE, FALSE, sizeof (ClipHtmlRun));
  g_array_set_clear_func (b->runs, run_clear);
  b->map = g_array_new (FALSE, FALSE, sizeof (Segment));
  return b;
}

static void
block_free (gpointer p)
{
  ClipHtmlBlock *b = p;

  g_free (b->marker);
  g_free (b->text);
  g_array_unref (b->runs);
  g_free (b->src);
  g_free (b->alt);
  g_array_unref (b->map);
  g_free (b);
}

static ClipHtmlDoc *
doc_new (void)
{
  ClipHtmlDoc *doc = g_new0 (ClipHtmlDoc, 1);

  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  return doc;
}

void
clip_html_doc_free (ClipHtmlDoc *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

static guint
block_depth (Builder *b)
{
  return b->lists->len;
}

/* The innermost list item whose marker has not been shown yet. */
static Context *
item_context (Builder *b, gboolean *in_item)
{
  *in_item = FALSE;
  for (guint i = b->contexts->len; i-- > 0;)
    {
      Context *c = &g_array_index (b->contexts, Context, i);

      if (c->kind == CLIP_HTML_BLOCK_LIST_ITEM)
        {
          *in_item = TRUE;
          return c;
        }
    }
  return NULL;
}

/* The words gathered so far become a block. */
static void
flush (Builder *b)
{
  Context *top = b->contexts->len ? &g_array_index (b->contexts, Context, b->contexts->len - 1) : NULL;
  gboolean in_item;
  Context *item = item_context (b, &in_item);
  ClipHtmlBlock *block;
  gsize len = b->text->len;

  b->pending_space = FALSE;
  while (len > 0 && (b->text->str[len - 1] == ' ' || b->text->str[len - 1] == '\n'))
    len--;
  if (len == 0)
    {
      g_string_truncate (b->text, 0);
      g_array_set_size (b->runs, 0);
      return;
    }
  block = block_new (top ? top->kind : CLIP_HTML_BLOCK_PARAGRAPH);
  block->level = top ? top->level : 0;
  if (in_item && block->kind == CLIP_HTML_BLOCK_PARAGRAPH)
    block->kind = CLIP_HTML_BLOCK_LIST_ITEM;
  if (item != NULL)
    block->marker = g_steal_pointer (&item->marker);
  block->list_depth = block_depth (b);
  block->quote_depth = b->quote_depth;
  block->text = g_utf8_make_valid (b->text->str, len);
  for (guint i = 0; i < b->runs->len; i++)
    {
      ClipHtmlRun run = g_array_index (b->runs, ClipHtmlRun, i);

      if (run.start >= len)
        continue;
      run.end = MIN (run.end, len);
      run.href = g_strdup (run.href);
      g_array_append_val (block->runs, run);
    }
  g_ptr_array_add (b->doc->blocks, block);
  g_string_truncate (b->text, 0);
  g_array_set_size (b->runs, 0);
}

static const Style *
current_style (Builder *b)
{
  return b->styles->len ? &g_array_index (b->styles, Style, b->styles->len - 1) : NULL;
}

/* Bytes [start, text end) were written in the current style. */
static void
mark_run (Builder *b, guint start)
{
  const Style *s = current_style (b);
  ClipHtmlRun *last = b->runs->len ? &g_array_index (b->runs, ClipHtmlRun, b->runs->len - 1) : NULL;
  ClipHtmlRun run = { start, b->text->len, 0, NULL };

  if (s == NULL || s->style == 0 || start == b->text->len)
    return;
  if (last != NULL && last->end == start && last->style == s->style && g_strcmp0 (last->href, s->href) == 0)
    {
      last->end = b->text->len;
      return;
    }
  run.style = s->style;
  run.href = g_strdup (s->href);
  g_array_append_val (b->runs, run);
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void
append_pre (Builder *b, const char *p, gsize len)
{
  guint start = b->text->len;

  for (gsize i = 0; i < len; i++)
    {
      /* A line break right after <pre> is not shown (as in a browser). */
      if (p[i] == '\r' || (p[i] == '\n' && b->text->len == 0))
        continue;
      if ((guchar) p[i] < 0x20 && p[i] != '\n' && p[i] != '\t')
        continue;
      g_string_append_c (b->text, p[i]);
    }
  mark_run (b, start);
}

static void
characters (Builder *b, const char *p, gsize len)
{
  gsize i = 0;

  if (b->drop_depth > 0)
    return;
  if (b->pre_depth > 0)
    {
      append_pre (b, p, len);
      return;
    }
  while (i < len)
    {
      gsize run = i;
      guint start;

      if (is_space (p[i]))
        {
          b->pending_space = TRUE;
          i++;
          continue;
        }
      if ((guchar) p[i] < 0x20 || p[i] == 0x7F)
        {
          i++;
          continue;
        }
      if (b->pending_space && b->text->len > 0 && b->text->str[b->text->len - 1] != '\n')
        g_string_append_c (b->text, ' ');
      b->pending_space = FALSE;
      start = b->text->len;
      while (i < len && !is_space (p[i]) && (guchar) p[i] >= 0x20 && p[i] != 0x7F)
        i++;
      g_string_append_len (b->text, p + run, i - run);
      mark_run (b, start);
    }
}

/* Elements */

static const char *
attribute (const char **atts, const char *name)
{
  for (guint i = 0; atts != NULL && atts[i] != NULL; i += 2)
    if (g_ascii_strcasecmp (atts[i], name) == 0)
      return atts[i + 1];
  return NULL;
}

static gboolean
web_url (const char *url, gboolean mail)
{
  return url != NULL && (g_ascii_strncasecmp (url, "http://", 7) == 0 ||
                         g_ascii_strncasecmp (url, "https://", 8) == 0 ||
                         (mail && g_ascii_strncasecmp (url, "mailto:", 7) == 0));
}

static guint
style_of (const char *name)
{
  static const struct { const char *name; guint style; } styles[] = {
    { "em", CLIP_HTML_STYLE_EMPHASIS }, { "i", CLIP_HTML_STYLE_EMPHASIS },
    { "cite", CLIP_HTML_STYLE_EMPHASIS }, { "dfn", CLIP_HTML_STYLE_EMPHASIS },
    { "var", CLIP_HTML_STYLE_EMPHASIS }, { "strong", CLIP_HTML_STYLE_STRONG },
    { "b", CLIP_HTML_STYLE_STRONG }, { "code", CLIP_HTML_STYLE_CODE },
    { "kbd", CLIP_HTML_STYLE_CODE }, { "samp", CLIP_HTML_STYLE_CODE },
    { "tt", CLIP_HTML_STYLE_CODE }, { "s", CLIP_HTML_STYLE_STRIKE },
    { "strike", CLIP_HTML_STYLE_STRIKE }, { "del", CLIP_HTML_STYLE_STRIKE },
    { "u", CLIP_HTML_STYLE_UNDERLINE }, { "ins", CLIP_HTML_STYLE_UNDERLINE },
    { "sub", CLIP_HTML_STYLE_SUB }, { "sup", CLIP_HTML_STYLE_SUP },
  };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (strcmp (name, styles[i].name) == 0)
      return styles[i].style;
  return 0;
}

static void
push_context (Builder *b, ClipHtmlBlockKind kind, guint level, char *marker)
{
  Context c = { kind, level, marker };

  g_array_append_val (b->contexts, c);
}

static char *
next_marker (Builder *b)
{
  List *l = b->lists->len ? &g_array_index (b->lists, List, b->lists->len - 1) : NULL;

  if (l == NULL || !l->ordered)
    return g_strdup ("•");
  return g_strdup_printf ("%u.", l->next++);
}

static void
add_image (Builder *b, const char **atts)
{
  const char *src = attribute (atts, "src");
  const char *alt = attribute (atts, "alt");
  ClipHtmlBlock *block;

  /* Only what can be fetched (and only when the analyst allows it). */
  if (!web_url (src, FALSE))
    return;
  flush (b);
  block = block_new (CLIP_HTML_BLOCK_IMAGE);
  block->src = g_strdup (src);
  block->alt = alt ? g_strstrip (g_utf8_make_valid (alt, -1)) : NULL;
  block->list_depth = block_depth (b);
  block->quote_depth = b->quote_depth;
  g_ptr_array_add (b->doc->blocks, block);
  b->doc->n_images++;
}

/* A block element: what it starts. */
static guint
open_block (Builder *b, const char *name, const char **atts)
{
  if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    {
      push_context (b, CLIP_HTML_BLOCK_HEADING, name[1] - '0', NULL);
      return DID_CONTEXT;
    }
  if (strcmp (name, "figcaption") == 0)
    {
      push_context (b, CLIP_HTML_BLOCK_CAPTION, 0, NULL);
      return DID_CONTEXT;
    }
  if (strcmp (name, "p") == 0)
    {
      push_context (b, CLIP_HTML_BLOCK_PARAGRAPH, 0, NULL);
      return DID_CONTEXT;
    }
  if (strcmp (name, "li") == 0)
    {
      push_context (b, CLIP_HTML_BLOCK_LIST_ITEM, 0, next_marker (b));
      return DID_CONTEXT;
    }
  if (strcmp (name, "pre") == 0)
    {
      push_context (b, CLIP_HTML_BLOCK_PRE, 0, NULL);
      b->pre_depth++;
      return DID_CONTEXT | DID_PRE;
    }
  if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0)
    {
      const char *start = attribute (atts, "start");
      List l = { name[0] == 'o', start ? (guint) CLAMP (g_ascii_strtoll (start, NULL, 10), 0, 999999) : 1 };

      g_array_append_val (b->lists, l);
      return DID_LIST;
    }
  if (strcmp (name, "blockquote") == 0)
    {
      b->quote_depth++;
      return DID_QUOTE;
    }
  return DID_NOTHING;
}

static void
element_open (Builder *b, const char *name, const char **atts)
{
  const ElementRule *rule;
  guint did = DID_NOTHING, style;

  if (b->drop_depth > 0 || ((rule = clip_html_element_rule (name)) && (rule->flags & F_DROP)))
    {
      b->drop_depth++;
      did = DID_DROP;
    }
  else if (strcmp (name, "br") == 0)
    {
      if (b->text->len > 0)
        g_string_append_c (b->text, '\n');
      b->pending_space = FALSE;
    }
  else if (strcmp (name, "img") == 0)
    add_image (b, atts);
  else if (strcmp (name, "hr") == 0)
    {
      flush (b);
      g_ptr_array_add (b->doc->blocks, block_new (CLIP_HTML_BLOCK_RULE));
    }
  else if (rule != NULL && (rule->flags & (F_BLOCK | F_PARA)))
    {
      flush (b);
      did = open_block (b, name, atts) | DID_BREAK;
    }
  else if (rule != NULL && (rule->flags & F_CELL))
    b->pending_space = TRUE;
  else if ((style = style_of (name)) != 0 || (strcmp (name, "a") == 0 && web_url (attribute (atts, "href"), TRUE)))
    {
      const Style *outer = current_style (b);
      Style s = { style | (outer ? outer->style : 0), outer ? g_strdup (outer->href) : NULL };

      if (style == 0)
        {
          g_free (s.href);
          s.href = g_strdup (attribute (atts, "href"));
          s.style |= CLIP_HTML_STYLE_LINK;
        }
      g_array_append_val (b->styles, s);
      did = DID_STYLE;
    }
  g_array_append_val (b->frames, did);
}

static void
element_close (Builder *b)
{
  guint did;

  if (b->frames->len == 0)
    return;
  did = g_array_index (b->frames, guint, b->frames->len - 1);
  g_array_set_size (b->frames, b->frames->len - 1);
  if (did & DID_DROP)
    {
      b->drop_depth--;
      return;
    }
  if (did & DID_BREAK)
    flush (b);
  if (did & DID_CONTEXT)
    {
      g_array_set_size (b->contexts, b->contexts->len - 1);
    }
  if (did & DID_PRE)
    b->pre_depth--;
  if (did & DID_LIST)
    g_array_set_size (b->lists, b->lists->len - 1);
  if (did & DID_QUOTE)
    b->quote_depth--;
  if (did & DID_STYLE)
    {
      g_array_set_size (b->styles, b->styles->len - 1);
    }
}

/* SAX */

static void
on_start (void *ctx, const xmlChar *name, const xmlChar **atts)
{
  element_open (((htmlParserCtxtPtr) ctx)->_private, (const char *) name, (const char **) atts);
}

static void
on_end (void *ctx, const xmlChar *name)
{
  element_close (((htmlParserCtxtPtr) ctx)->_private);
}

static void
on_characters (void *ctx, const xmlChar *ch, int len)
{
  if (len > 0)
    characters (((htmlParserCtxtPtr) ctx)->_private, (const char *) ch, len);
}

/* As the sanitiser parses (clip-html-sanitize.c), so that the blocks'
 * text is the stored plain text's. */
static void
parse (Builder *b, const char *html, gsize len)
{
  g_autoptr(GString) input = g_string_sized_new (len + 16);
  htmlParserCtxtPtr ctxt = clip_html_parser_new (on_start, on_end, on_characters, b);

  g_string_append (input, "<div>");
  g_string_append_len (input, html, len);
  g_string_append (input, "</div>");
  clip_html_parser_run (ctxt, input->str, input->len);
  htmlFreeParserCtxt (ctxt);
}

static void
context_clear (gpointer p)
{
  g_free (((Context *) p)->marker);
}

static void
style_clear (gpointer p)
{
  g_free (((Style *) p)->href);
}

ClipHtmlDoc *
clip_html_doc_new (const char *html,
                   gssize      len)
{
  Builder b = { doc_new () };

  if (html == NULL)
    return b.doc;
  if (len < 0)
    len = strlen (html);
  b.text = g_string_new (NULL);
  b.runs = g_array_new (FALSE, FALSE, sizeof (ClipHtmlRun));
  g_array_set_clear_func (b.runs, run_clear);
  b.frames = g_array_new (FALSE, FALSE, sizeof (guint));
  b.contexts = g_array_new (FALSE, FALSE, sizeof (Context));
  g_array_set_clear_func (b.contexts, context_clear);
  b.styles = g_array_new (FALSE, FALSE, sizeof (Style));
  g_array_set_clear_func (b.styles, style_clear);
  b.lists = g_array_new (FALSE, FALSE, sizeof (List));
  parse (&b, html, len);
  /* Whatever the parser left open ends here. */
  while (b.frames->len > 0)
    element_close (&b);
  flush (&b);
  g_string_free (b.text, TRUE);
  g_array_unref (b.runs);
  g_array_unref (b.frames);
  g_array_unref (b.contexts);
  g_array_unref (b.styles);
  g_array_unref (b.lists);
  return b.doc;
}

ClipHtmlDoc *
clip_html_doc_new_text (const char *text)
{
  ClipHtmlDoc *doc = doc_new ();
  const char *p = text ? text : "";

  while (*p)
    {
      const char *end = strstr (p, "\n\n");
      const char *stop = end ? end : p + strlen (p);
      ClipHtmlBlock *block;

      while (p < stop && is_space (*p))
        p++;
      if (stop > p)
        {
          block = block_new (CLIP_HTML_BLOCK_PARAGRAPH);
          block->text = g_utf8_make_valid (p, stop - p);
          g_strchomp (block->text);
          g_ptr_array_add (doc->blocks, block);
        }
      p = end ? end + 2 : stop;
    }
  return doc;
}

/* Alignment */

static gboolean
shows_text (const ClipHtmlBlock *block)
{
  return block->text != NULL;
}

static void
add_match (GArray *map, guint plain, guint text)
{
  Segment *last = map->len ? &g_array_index (map, Segment, map->len - 1) : NULL;
  Segment s = { plain, text, 1 };

  if (last != NULL && last->plain + last->len == plain && last->text + last->len == text)
    last->len++;
  else
    g_array_append_val (map, s);
}

/* After a mismatch: where the block's next word is in plain, or -1. */
static gssize
resync (const char *text, gsize i, const char *plain, gsize j, gsize plain_len)
{
  gsize n = 0;

  while (text[i + n] != '\0' && !is_space (text[i + n]) && n < 8)
    n++;
  for (gsize k = j; k + n <= plain_len && k < j + RESYNC_WINDOW; k++)
    if (memcmp (plain + k, text + i, n) == 0)
      return (gssize) k;
  return -1;
}

/* Characters the alignment may pass over without finding them in the
 * plain text, each a search of RESYNC_WINDOW places: past it, the two
 * texts are not the same article's (and the reader shows the plain one),
 * and a long page is not searched for seconds on the main thread. */
#define MAX_MISSES 20000

double
clip_html_doc_align (ClipHtmlDoc *doc,
                     const char  *plain)
{
  gsize j = 0, plain_len = plain ? strlen (plain) : 0, words = 0, found = 0, misses = 0;

  for (gsize k = 0; k < plain_len; k++)
    words += !is_space (plain[k]);

  for (guint b = 0; b < doc->blocks->len; b++)
    {
      ClipHtmlBlock *block = doc->blocks->pdata[b];
      const char *text = block->text;
      gsize i = 0;

      g_array_set_size (block->map, 0);
      if (!shows_text (block))
        continue;
      while (text[i] != '\0')
        {
          /* Whole characters only, so that a piece never splits one. */
          gsize n = g_utf8_next_char (text + i) - (text + i);
          gssize k;

          if (j + n <= plain_len && memcmp (plain + j, text + i, n) == 0)
            {
              found += is_space (plain[j]) ? 0 : n;
              for (gsize end = i + n; i < end;)
                add_match (block->map, j++, i++);
            }
          else if (is_space (text[i]))
            i++;
          else if (j < plain_len && is_space (plain[j]))
            j++;
          else if ((k = resync (text, i, plain, j, plain_len)) >= 0)
            j = k;
          else if (++misses > MAX_MISSES)
            {
              for (guint rest = b; rest < doc->blocks->len; rest++)
                g_array_set_size (((ClipHtmlBlock *) doc->blocks->pdata[rest])->map, 0);
              return 0.0;
            }
          else
            i = g_utf8_next_char (text + i) - text;
        }
    }
  return words ? (double) found / words : 1.0;
}

static gboolean
only_spaces (const char *text, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    if (!is_space (text[i]))
      return FALSE;
  return TRUE;
}

void
clip_html_doc_map_span (ClipHtmlDoc *doc,
                        guint        start,
                        guint        end,
                        GArray      *pieces)
{
  guint first = pieces->len;

  for (guint b = 0; b < doc->blocks->len; b++)
    {
      ClipHtmlBlock *block = doc->blocks->pdata[b];

      for (guint i = 0; i < block->map->len; i++)
        {
          const Segment *s = &g_array_index (block->map, Segment, i);
          guint from = MAX (start, s->plain), to = MIN (end, s->plain + s->len);
          ClipHtmlPiece piece = { b, s->text + (from - s->plain), s->text + (to - s->plain) };
          ClipHtmlPiece *last = pieces->len > first ? &g_array_index (pieces, ClipHtmlPiece, pieces->len - 1) : NULL;

          if (from >= to)
            continue;
          /* One span across whitespace the two texts write differently
           * stays one piece. */
          if (last != NULL && last->block == b && last->end <= piece.start &&
              only_spaces (block->text, last->end, piece.start))
            last->end = piece.end;
          else
            g_array_append_val (pieces, piece);
        }
    }
}

char *
clip_html_doc_text (ClipHtmlDoc *doc)
{
  GString *s = g_string_new (NULL);

  for (guint b = 0; b < doc->blocks->len; b++)
    {
      const ClipHtmlBlock *block = doc->blocks->pdata[b];

      if (!shows_text (block))
        continue;
      if (s->len > 0)
        g_string_append (s, "\n\n");
      g_string_append (s, block->text);
    }
  return g_string_free (s, FALSE);
}
