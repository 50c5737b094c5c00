/* clip-html-sanitize.c — feed HTML made safe to show, and its plain text
 *
 * libxml2's HTML parser (SAX, no tree) reads the fragment the way a browser
 * would, entities and unclosed tags included; each element is then kept,
 * unwrapped (tag dropped, content kept) or dropped with its content,
 * according to a whitelist. The HTML and the plain text are written in the
 * same pass from the same filtered events, so the text holds exactly what
 * the sanitised HTML shows, never markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-html-sanitize.h"
#include "clip-html-private.h"

#include <libxml/HTMLparser.h>
#include <string.h>

/* Deeper than this, tags are unwrapped: content stays, nesting does not. */
#define MAX_DEPTH 96


/* What an open element did: its end tag must undo exactly that. */
enum { FRAME_UNWRAPPED, FRAME_EMITTED, FRAME_DROPPED, FRAME_WRAPPER };

typedef struct {
  const char *name;   /* the parser's dictionary string */
  guint       kind;
} Frame;

/* Element names come interned from the parser's dictionary, which lives as
 * long as the sanitizer: a small cache keyed by pointer skips the search. */
#define RULE_CACHE 64

typedef struct {
  const char        *name;
  const ElementRule *rule;
} RuleCache;

struct _ClipSanitizer {
  htmlParserCtxtPtr ctxt;
  RuleCache  rule_cache[RULE_CACHE];
  GString   *input;        /* "<div>" fragment "</div>" */
  GString   *html;
  GString   *text;
  GArray    *frames;       /* Frame, one per open element */
  const char *base_url;
  guint      drop_depth;   /* > 0 inside a dropped element */
  guint      emitted_depth;
  guint      pre_depth;
  guint      pending_breaks;
  gboolean   pending_space;
  gboolean   want_html;
  gboolean   want_text;
  gboolean   no_fast_path; /* tests: always the parser */
};

/* GString appends without g_string_insert_len()'s generality: this is
 * the inner loop of every feed's parse. */
static inline void
fast_append (GString *s, const char *p, gsize n)
{
  if (G_UNLIKELY (s->len + n + 1 > s->allocated_len))
    {
      gsize len = s->len;

      g_string_set_size (s, len + n);
      s->len = len;
    }
  memcpy (s->str + s->len, p, n);
  s->len += n;
  s->str[s->len] = '\0';
}

#define fast_append_literal(s, lit) fast_append ((s), (lit), sizeof (lit) - 1)

static const ElementRule *
lookup_rule (ClipSanitizer *s, const char *name)
{
  RuleCache *c = &s->rule_cache[(GPOINTER_TO_SIZE (name) >> 3) % RULE_CACHE];

  if (c->name != name)
    {
      c->name = name;
      c->rule = clip_html_element_rule (name);
    }
  return c->rule;
}

/* Text ------------------------------------------------------------------- */

/* U+0080–U+009F in feeds are nearly always windows-1252 bytes that went
 * through a Latin-1 decoder (curly quotes, dashes): show what was meant. */
static const gunichar c1_as_cp1252[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Bytes html_escape_append() must look at: markup, controls, 0xC2. */
static const guint8 escape_special[256] = {
  [0 ... 0x1F] = 1, ['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, [0xC2] = 1,
};

/* Eight bytes at a time: does any byte equal b, or fall below n (≤ 128)? */
#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)
#define HAS_ZERO(v)    (((v) - ONES) & ~(v) & HIGHS)
#define HAS_BYTE(v, b) HAS_ZERO ((v) ^ (ONES * (guint8) (b)))
#define HAS_LESS(v, n) (((v) - ONES * (n)) & ~(v) & HIGHS)

static void
html_escape_append (GString *out, const char *s, gsize len, gboolean attribute)
{
  const char *run = s, *end = s + len, *p = s;

  while (p < end)
    {
      const char *rep = NULL;
      guchar c;

      /* plain text, the bulk of it, skipped a word at a time */
      while (end - p >= 8)
        {
          guint64 v;

          memcpy (&v, p, 8);
          if (HAS_LESS (v, 0x20) | HAS_BYTE (v, '&') | HAS_BYTE (v, '<') | HAS_BYTE (v, '>') |
              HAS_BYTE (v, '"') | HAS_BYTE (v, 0xC2))
            break;
          p += 8;
        }
      if (p >= end)
        break;
      c = (guchar) *p;
      if (G_LIKELY (!escape_special[c]))
        {
          p++;
          continue;
        }
      if (c == '&')
        rep = "&amp;";
      else if (c == '<')
        rep = "&lt;";
      else if (c == '>')
        rep = "&gt;";
      else if (c == '"' && attribute)
        rep = "&quot;";
      else if (c < 0x20 && c != '\n' && c != '\t' && c != '\r')
        rep = "";
      else if (c == 0xC2 && p + 1 < end && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9F)
        {
          gunichar u = c1_as_cp1252[(guchar) p[1] - 0x80];

          fast_append (out, run, p - run);
          if (u != 0)
            g_string_append_unichar (out, u);
          p += 2;
          run = p;
          continue;
        }
      if (rep != NULL)
        {
          fast_append (out, run, p - run);
          fast_append (out, rep, strlen (rep));
          run = p + 1;
        }
      p++;
    }
  fast_append (out, run, end - run);
}

static void
text_break (ClipSanitizer *s, guint breaks)
{
  s->pending_breaks = MAX (s->pending_breaks, breaks);
  s->pending_space = FALSE;
}

static void
text_flush_pending (ClipSanitizer *s)
{
  if (s->text->len > 0)
    {
      if (s->pending_breaks > 0)
        {
          while (s->text->len > 0 && s->text->str[s->text->len - 1] == ' ')
            g_string_truncate (s->text, s->text->len - 1);
          for (guint i = 0; i < s->pending_breaks; i++)
            g_string_append_c (s->text, '\n');
        }
      else if (s->pending_space && s->text->str[s->text->len - 1] != '\n')
        g_string_append_c (s->text, ' ');
    }
  s->pending_breaks = 0;
  s->pending_space = FALSE;
}

/* Spaces and controls for the plain text; 0xC2 and 0xE2 lead the few
 * non-ASCII characters that need a look (C1 controls, U+2028/9). */
static const guint8 text_special[256] = {
  [0 ... 0x20] = 1, [0x7F] = 1, [0xC2] = 1, [0xE2] = 1,
};

/* Does the chunk hold anything but printable text and single spaces (and,
 * when html is set, anything HTML would escape)? */
static inline gboolean
text_is_plain_for (const char *p, gsize len, gboolean html)
{
  const char *end = p + len;
  gboolean space_before = FALSE;

  for (; end - p >= 8; p += 8)
    {
      guint64 v, t, spaces;

      memcpy (&v, p, 8);
      if (HAS_LESS (v, 0x20) | HAS_BYTE (v, 0x7F) | HAS_BYTE (v, 0xC2) | HAS_BYTE (v, 0xE2))
        return FALSE;
      if (html && (HAS_BYTE (v, '&') | HAS_BYTE (v, '<') | HAS_BYTE (v, '>')))
        return FALSE;
      /* exactly the space bytes, as their high bits; then two in a row */
      t = v ^ (ONES * ' ');
      spaces = ~((((t & ~HIGHS) + ~HIGHS) | t) & HIGHS) & HIGHS;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
      if ((spaces & (spaces >> 8)) || (space_before && (spaces & 0x80)))
        return FALSE;
      space_before = (spaces >> 63) != 0;
#else
      if ((spaces & (spaces << 8)) || (space_before && (spaces >> 63)))
        return FALSE;
      space_before = (spaces & 0x80) != 0;
#endif
    }
  for (; p < end; p++)
    {
      if (*p == ' ')
        {
          if (space_before)
            return FALSE;
          space_before = TRUE;
          continue;
        }
      if (text_special[(guchar) *p] || (html && (*p == '&' || *p == '<' || *p == '>')))
        return FALSE;
      space_before = FALSE;
    }
  return TRUE;
}

static gboolean
text_is_plain (const char *p, gsize len)
{
  return text_is_plain_for (p, len, FALSE);
}

static gboolean
text_is_plain_html (const char *p, gsize len)
{
  return text_is_plain_for (p, len, TRUE);
}

/* Words and single spaces: copied whole, the edges' spaces pending. */
static void
text_append_plain (ClipSanitizer *s, const char *p, gsize len)
{
  const char *start = p, *stop = p + len;

  if (*start == ' ')
    {
      s->pending_space = TRUE;
      start++;
    }
  if (stop > start && stop[-1] == ' ')
    stop--;
  if (stop > start)
    {
      text_flush_pending (s);
      fast_append (s->text, start, stop - start);
    }
  if (stop < p + len)
    s->pending_space = TRUE;
}

static void
text_append (ClipSanitizer *s, const char *p, gsize len)
{
  const char *end = p + len;

  if (s->pre_depth == 0 && len > 0 && text_is_plain (p, len))
    {
      text_append_plain (s, p, len);
      return;
    }

  while (p < end)
    {
      guchar c = (guchar) *p;
      const char *run;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          if (s->pre_depth > 0 && c != '\r')
            {
              /* preformatted: every space and line break counts */
              text_flush_pending (s);
              g_string_append_c (s->text, c == '\f' ? ' ' : c);
            }
          else
            s->pending_space = TRUE;
          p++;
          continue;
        }
      if (c < 0x20 || c == 0x7F)
        {
          p++;
          continue;
        }
      text_flush_pending (s);
      if (c == 0xC2 && p + 1 < end && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9F)
        {
          gunichar u = c1_as_cp1252[(guchar) p[1] - 0x80];

          if (u != 0)
            g_string_append_unichar (s->text, u);
          p += 2;
          continue;
        }
      if (c == 0xE2 && p + 2 < end && (guchar) p[1] == 0x80 &&
          ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))
        {
          /* line and paragraph separators */
          text_break (s, (guchar) p[2] == 0xA8 ? 1 : 2);
          p += 3;
          continue;
        }
      /* a run of words with single spaces between them is copied whole */
      run = p++;
      while (p < end && (!text_special[(guchar) *p] ||
                         (*p == ' ' && s->pre_depth == 0 && p + 1 < end &&
                          !text_special[(guchar) p[1]])))
        p++;
      fast_append (s->text, run, p - run);
    }
}

/* Attributes ------------------------------------------------------------- */

static gboolean
all_digits (const char *v)
{
  if (*v == '\0' || strlen (v) > 6)
    return FALSE;
  for (; *v; v++)
    if (!g_ascii_isdigit (*v))
      return FALSE;
  return TRUE;
}

static gboolean
safe_word (const char *v)
{
  if (*v == '\0' || strlen (v) > 35)
    return FALSE;
  for (; *v; v++)
    if (!g_ascii_isalnum (*v) && *v != '-' && *v != '_' && *v != ' ')
      return FALSE;
  return TRUE;
}

typedef enum { V_NO, V_TEXT, V_URL, V_IMAGE_URL, V_NUMBER, V_WORD } ValueKind;

static ValueKind
attribute_kind (guint8 set, const char *name)
{
  if (strcmp (name, "title") == 0)
    return V_TEXT;
  if (strcmp (name, "lang") == 0 || strcmp (name, "dir") == 0)
    return V_WORD;
  switch (set)
    {
    case A_LINK:
      if (strcmp (name, "href") == 0)
        return V_URL;
      if (strcmp (name, "hreflang") == 0)
        return V_WORD;
      break;
    case A_IMG:
      if (strcmp (name, "src") == 0)
        return V_IMAGE_URL;
      if (strcmp (name, "alt") == 0)
        return V_TEXT;
      if (strcmp (name, "width") == 0 || strcmp (name, "height") == 0)
        return V_NUMBER;
      break;
    case A_CELL:
      if (strcmp (name, "colspan") == 0 || strcmp (name, "rowspan") == 0)
        return V_NUMBER;
      if (strcmp (name, "scope") == 0 || strcmp (name, "headers") == 0)
        return V_WORD;
      if (strcmp (name, "abbr") == 0)
        return V_TEXT;
      break;
    case A_QUOTE:
      if (strcmp (name, "cite") == 0)
        return V_URL;
      break;
    case A_TIME:
      if (strcmp (name, "datetime") == 0)
        return V_TEXT;
      break;
    case A_COL:
      if (strcmp (name, "span") == 0)
        return V_NUMBER;
      break;
    case A_OL:
      if (strcmp (name, "start") == 0)
        return V_NUMBER;
      if (strcmp (name, "type") == 0)
        return V_WORD;
      break;
    case A_LI:
      if (strcmp (name, "value") == 0)
        return V_NUMBER;
      break;
    default:
      break;
    }
  return V_NO;
}

static void
emit_start_tag (ClipSanitizer *s, const char *name, const ElementRule *rule,
                const xmlChar **atts)
{
  g_string_append_c (s->html, '<');
  fast_append (s->html, name, strlen (name));
  for (guint i = 0; atts != NULL && atts[i] != NULL; i += 2)
    {
      const char *an = (const char *) atts[i];
      const char *av = (const char *) atts[i + 1];
      g_autofree char *url = NULL;
      ValueKind kind;

      if (av == NULL)
        continue;
      kind = attribute_kind (rule->attrs, an);
      switch (kind)
        {
        case V_NO:
          continue;
        case V_URL:
        case V_IMAGE_URL:
          if (!clip_html_url_is_safe (av, kind == V_IMAGE_URL))
            continue;
          url = clip_html_resolve_url (s->base_url, av);
          if (url == NULL)
            continue;
          av = url;
          break;
        case V_NUMBER:
          if (!all_digits (av))
            continue;
          break;
        case V_WORD:
          if (!safe_word (av))
            continue;
          break;
        case V_TEXT:
          break;
        }
      g_string_append_c (s->html, ' ');
      g_string_append (s->html, an);
      g_string_append (s->html, "=\"");
      html_escape_append (s->html, av, strlen (av), TRUE);
      g_string_append_c (s->html, '"');
    }
  g_string_append_c (s->html, '>');
}

/* SAX -------------------------------------------------------------------- */

void
clip_sanitizer_open (ClipSanitizer *s, const char *name, const char **atts)
{
  const ElementRule *rule;
  Frame frame = { name, FRAME_UNWRAPPED };

  if (s->frames->len == 0)
    {
      /* our own wrapper */
      frame.kind = FRAME_WRAPPER;
      g_array_append_val (s->frames, frame);
      return;
    }
  if (s->drop_depth > 0)
    {
      s->drop_depth++;
      frame.kind = FRAME_DROPPED;
      g_array_append_val (s->frames, frame);
      return;
    }
  rule = lookup_rule (s, name);
  if (rule != NULL && (rule->flags & F_DROP))
    {
      s->drop_depth = 1;
      frame.kind = FRAME_DROPPED;
    }
  else if (rule != NULL)
    {
      if (rule->flags & F_PARA)
        text_break (s, 2);
      else if (rule->flags & F_BLOCK)
        text_break (s, strcmp (name, "br") == 0 ? MIN (s->pending_breaks + 1, 2) : 1);
      else if (rule->flags & F_CELL)
        s->pending_space = TRUE;
      if (rule->flags & F_PRE)
        s->pre_depth++;
      if ((rule->flags & F_ALLOW) && s->emitted_depth < MAX_DEPTH)
        {
          if (s->want_html)
            emit_start_tag (s, name, rule, (const xmlChar **) atts);
          if (!(rule->flags & F_VOID))
            {
              s->emitted_depth++;
              frame.kind = FRAME_EMITTED;
            }
        }
    }
  g_array_append_val (s->frames, frame);
}

static void
on_start (void *ctx, const xmlChar *name, const xmlChar **atts)
{
  clip_sanitizer_open (((htmlParserCtxtPtr) ctx)->_private, (const char *) name,
                       (const char **) atts);
}

void
clip_sanitizer_close (ClipSanitizer *s)
{
  const ElementRule *rule;
  Frame frame;
  const char *name;

  if (s->frames->len == 0)
    return;
  frame = g_array_index (s->frames, Frame, s->frames->len - 1);
  g_array_set_size (s->frames, s->frames->len - 1);
  name = frame.name;
  if (frame.kind == FRAME_WRAPPER)
    return;
  if (frame.kind == FRAME_DROPPED)
    {
      s->drop_depth--;
      return;
    }
  rule = lookup_rule (s, name);
  if (rule != NULL)
    {
      if (rule->flags & F_PRE && s->pre_depth > 0)
        s->pre_depth--;
      if (rule->flags & F_PARA)
        text_break (s, 2);
      else if ((rule->flags & F_BLOCK) && strcmp (name, "br") != 0)
        text_break (s, 1);
      else if (rule->flags & F_CELL)
        s->pending_space = TRUE;
    }
  if (frame.kind == FRAME_EMITTED)
    {
      s->emitted_depth--;
      if (s->want_html)
        {
          fast_append_literal (s->html, "</");
          fast_append (s->html, name, strlen (name));
          g_string_append_c (s->html, '>');
        }
    }
}

static void
on_end (void *ctx, const xmlChar *name)
{
  clip_sanitizer_close (((htmlParserCtxtPtr) ctx)->_private);
}

void
clip_sanitizer_characters (ClipSanitizer *s, const char *ch, gsize len)
{
  if (s->drop_depth > 0 || len == 0)
    return;
  /* One look at the bytes serves both outputs when, as in most text,
   * there is nothing to escape, map or collapse. */
  if (s->pre_depth == 0 && text_is_plain_html (ch, len))
    {
      if (s->want_html)
        fast_append (s->html, ch, len);
      if (s->want_text)
        text_append_plain (s, ch, len);
      return;
    }
  if (s->want_html)
    html_escape_append (s->html, ch, len, FALSE);
  if (s->want_text)
    text_append (s, ch, len);
}

static void
on_characters (void *ctx, const xmlChar *ch, int len)
{
  if (len > 0)
    clip_sanitizer_characters (((htmlParserCtxtPtr) ctx)->_private, (const char *) ch, len);
}

void
clip_sanitizer_set_fast_path (ClipSanitizer *s, gboolean enabled)
{
  s->no_fast_path = !enabled;
}

static void
parse_fragment (ClipSanitizer *s)
{
  clip_html_parser_run (s->ctxt, s->input->str, s->input->len);
}

ClipSanitizer *
clip_sanitizer_new (void)
{
  ClipSanitizer *s = g_new0 (ClipSanitizer, 1);

  s->ctxt = clip_html_parser_new (on_start, on_end, on_characters, s);
  s->input = g_string_sized_new (4096);
  s->html = g_string_sized_new (4096);
  s->text = g_string_sized_new (4096);
  s->frames = g_array_sized_new (FALSE, FALSE, sizeof (Frame), 64);
  return s;
}

void
clip_sanitizer_free (ClipSanitizer *s)
{
  if (s == NULL)
    return;
  htmlFreeParserCtxt (s->ctxt);
  g_string_free (s->input, TRUE);
  g_string_free (s->html, TRUE);
  g_string_free (s->text, TRUE);
  g_array_unref (s->frames);
  g_free (s);
}

static gboolean
needs_parser (const char *html, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (html[i] == '<' || html[i] == '&' || html[i] == '>' || (guchar) html[i] == 0xC2 ||
        ((guchar) html[i] < 0x20 && html[i] != '\n' && html[i] != '\t'))
      return TRUE;
  return FALSE;
}

/* Nothing written, nothing open. */
static void
reset_output (ClipSanitizer *s)
{
  g_string_truncate (s->html, 0);
  g_string_truncate (s->text, 0);
  g_array_set_size (s->frames, 0);
  s->drop_depth = s->emitted_depth = s->pre_depth = s->pending_breaks = 0;
  s->pending_space = FALSE;
}

void
clip_sanitizer_run (ClipSanitizer *s,
                    const char    *html,
                    gssize         len,
                    const char    *base_url,
                    char         **out_html,
                    char         **out_text)
{
  if (html == NULL)
    html = "";
  if (len < 0)
    len = strlen (html);
  reset_output (s);
  s->base_url = base_url;
  s->want_html = out_html != NULL;
  s->want_text = out_text != NULL;

  if (!needs_parser (html, len))
    {
      /* Plain words: nothing to parse, and the commonest case in titles. */
      if (s->want_html)
        fast_append (s->html, html, len);
      if (s->want_text)
        text_append (s, html, len);
    }
  else if (s->no_fast_path || !clip_html_fast_run (s, html, len))
    {
      /* the fast path may have sent the fragment's start before it gave up */
      reset_output (s);
      g_string_truncate (s->input, 0);
      fast_append_literal (s->input, "<div>");
      fast_append (s->input, html, len);
      fast_append_literal (s->input, "</div>");
      parse_fragment (s);
      /* Whatever the parser left open is closed here. */
      while (s->frames->len > 0)
        clip_sanitizer_close (s);
    }
  if (out_html)
    *out_html = g_strndup (s->html->str, s->html->len);
  if (out_text)
    *out_text = g_strndup (s->text->str, s->text->len);
}

char *
clip_html_sanitize (const char *html, gssize len, const char *base_url)
{
  g_autoptr(ClipSanitizer) s = clip_sanitizer_new ();
  char *out = NULL;

  clip_sanitizer_run (s, html, len, base_url, &out, NULL);
  return out;
}

char *
clip_html_to_text (const char *html, gssize len)
{
  g_autoptr(ClipSanitizer) s = clip_sanitizer_new ();
  char *out = NULL;

  clip_sanitizer_run (s, html, len, NULL, NULL, &out);
  return out;
}

char *
clip_html_escape_text (const char *text, gssize len)
{
  GString *out;
  const char *p, *end;

  if (text == NULL)
    return g_strdup ("");
  if (len < 0)
    len = strlen (text);
  out = g_string_sized_new (len + 16);
  p = text;
  end = text + len;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl ? nl : end;

      html_escape_append (out, p, stop - p, FALSE);
      if (nl == NULL)
        break;
      g_string_append (out, "<br>");
      p = nl + 1;
    }
  return g_string_free (out, FALSE);
}
