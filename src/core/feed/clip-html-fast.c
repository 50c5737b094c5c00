/* clip-html-fast.c — simple feed HTML sanitised without libxml2
 *
 * Most descriptions are paragraphs, links and emphasis, well formed. For
 * those, libxml2's HTML parser costs as much as reading the whole feed item.
 * This reader accepts only what it can read exactly as libxml2 does: a few
 * tags, properly nested where libxml2 closes nothing implicitly, the five
 * XML entities and plain character references, valid UTF-8, and a quoted
 * href on a. It sends the same events to the same sanitiser (whitelist and
 * URL checks included); anything else, however harmless, goes to libxml2.
 * The fragment is read once: events go out as it is read, and where it
 * turns out not to be simple the sanitiser throws away what it was sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-html-private.h"

#include <string.h>

/* Past these, libxml2 has limits and fixes of its own: leave it to it. */
#define FAST_MAX_DEPTH 64
#define FAST_MAX_LEN   (1024 * 1024)

/* What an element may hold decides where it may stand: libxml2 closes an
 * open p before a block, an a before an a, an li before an li. */
typedef enum { K_INLINE, K_BR, K_P, K_LIST, K_LI, K_QUOTE, K_ROOT } Kind;

typedef struct {
  const char *name;
  Kind        kind;
} FastTag;

static const FastTag fast_tags[] = {
  { "a", K_INLINE }, { "b", K_INLINE }, { "blockquote", K_QUOTE }, { "br", K_BR },
  { "em", K_INLINE }, { "i", K_INLINE }, { "li", K_LI }, { "ol", K_LIST },
  { "p", K_P }, { "strong", K_INLINE }, { "ul", K_LIST },
};

typedef struct {
  ClipSanitizer *s;
  const char    *p;
  const char    *end;
  Kind           stack[FAST_MAX_DEPTH];
  const char    *names[FAST_MAX_DEPTH];
  guint          depth;
  guint          in_a;
} Reader;

static const FastTag *
find_tag (const char *name, gsize len)
{
  for (guint i = 0; i < G_N_ELEMENTS (fast_tags); i++)
    if (strlen (fast_tags[i].name) == len && memcmp (fast_tags[i].name, name, len) == 0)
      return &fast_tags[i];
  return NULL;
}

static gboolean
may_hold (Kind parent, Kind child)
{
  switch (parent)
    {
    case K_ROOT:
    case K_QUOTE:
      return child != K_LI;
    case K_LIST:
      return child == K_LI;
    case K_P:
    case K_LI:
    case K_INLINE:
      return child == K_INLINE || child == K_BR;
    case K_BR:
    default:
      return FALSE;
    }
}

/* A character reference libxml2 turns into that same character: no C0 or
 * C1 controls, surrogates or non-characters (it drops or maps those). */
static gboolean
read_char_ref (const char *p, const char *semi, char out[8], gsize *out_len)
{
  gboolean hex = (*p == 'x' || *p == 'X');
  gunichar c = 0;

  if (hex)
    p++;
  if (semi == p || semi - p > (hex ? 6 : 7))
    return FALSE;
  for (; p < semi; p++)
    {
      if (hex && g_ascii_isxdigit (*p))
        c = c * 16 + g_ascii_xdigit_value (*p);
      else if (!hex && g_ascii_isdigit (*p))
        c = c * 10 + (*p - '0');
      else
        return FALSE;
    }
  if (!((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0xD800) ||
        (c >= 0xE000 && c < 0xFFFE) || (c >= 0x10000 && c <= 0x10FFFF)))
    return FALSE;
  *out_len = g_unichar_to_utf8 (c, out);
  return TRUE;
}

/* An entity at p (on '&'): its text in out, and where it ends. */
static const char *
read_entity (const char *p, const char *end, char out[8], gsize *out_len)
{
  static const struct { const char *name; char c; } named[] = {
    { "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' }, { "apos;", '\'' },
  };
  const char *semi = memchr (p, ';', MIN ((gsize) (end - p), 12));

  if (semi == NULL)
    return NULL;
  p++;
  if (*p == '#')
    return read_char_ref (p + 1, semi, out, out_len) ? semi + 1 : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if ((gsize) (semi + 1 - p) == strlen (named[i].name) &&
        memcmp (p, named[i].name, semi + 1 - p) == 0)
      {
        out[0] = named[i].c;
        *out_len = 1;
        return semi + 1;
      }
  return NULL;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\t';
}

/* Bytes that end a run of plain text: markup, entities, controls that
 * libxml2 reports (tab and newline are text). */
static const guint8 text_stop[256] = {
  [0 ... 0x08] = 1, [0x0B ... 0x1F] = 1, ['&'] = 1, ['<'] = 1, ['>'] = 1, [0x7F] = 1,
};

/* Eight bytes at a time: does any byte equal b, or fall below n (≤ 128)? */
#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)
#define HAS_ZERO(v)    (((v) - ONES) & ~(v) & HIGHS)
#define HAS_BYTE(v, b) HAS_ZERO ((v) ^ (ONES * (guint8) (b)))
#define HAS_LESS(v, n) (((v) - ONES * (n)) & ~(v) & HIGHS)

static const char *
skip_plain (const char *p, const char *end)
{
  for (;;)
    {
      while (end - p >= 8)
        {
          guint64 v;

          memcpy (&v, p, 8);
          if (HAS_LESS (v, 0x20) | HAS_BYTE (v, '&') | HAS_BYTE (v, '<') | HAS_BYTE (v, '>') |
              HAS_BYTE (v, 0x7F))
            break;
          p += 8;
        }
      if (p >= end || text_stop[(guchar) *p])
        return p;
      p++;
    }
}

/* Valid UTF-8 as g_utf8_validate() sees it (no overlong forms, surrogates
 * or code points past U+10FFFF), and without U+FFFE/F, which libxml2
 * reports: one look at each byte, ASCII a word at a time. NUL, which
 * g_utf8_validate_len() refuses, never gets here: text stops at it. */
static gboolean
is_clean_utf8 (const guchar *p, const guchar *end)
{
  while (p < end)
    {
      guchar c = *p;

      if (c < 0x80)
        {
          for (p++; end - p >= 8; p += 8)
            {
              guint64 v;

              memcpy (&v, p, 8);
              if (v & HIGHS)
                break;
            }
          continue;
        }
      if (c < 0xC2 || c > 0xF4)
        return FALSE;
      if (c < 0xE0)
        {
          if (end - p < 2 || (p[1] & 0xC0) != 0x80)
            return FALSE;
          p += 2;
        }
      else if (c < 0xF0)
        {
          if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
              (c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0) ||
              (c == 0xEF && p[1] == 0xBF && (p[2] & 0xFE) == 0xBE))
            return FALSE;
          p += 3;
        }
      else
        {
          if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
              (p[3] & 0xC0) != 0x80 || (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))
            return FALSE;
          p += 4;
        }
    }
  return TRUE;
}

/* A run of text is checked as it goes out (libxml2 takes invalid UTF-8 for
 * Latin-1). Runs end at ASCII bytes, and everything between them (tags,
 * entities, addresses) is read as ASCII only, so clean runs make a clean
 * fragment. */
static gboolean
send_run (Reader *r, const char *run, gsize len)
{
  if (len == 0)
    return TRUE;
  if (!is_clean_utf8 ((const guchar *) run, (const guchar *) run + len))
    return FALSE;
  clip_sanitizer_characters (r->s, run, len);
  return TRUE;
}

/* Text up to the next tag: plain bytes in runs, entities decoded. */
static gboolean
read_text (Reader *r)
{
  gboolean blank_only = r->stack[r->depth - 1] == K_LIST;
  const char *run = r->p;

  while (r->p < r->end && *r->p != '<')
    {
      char buf[8];
      gsize n = 0;
      const char *next;

      if (blank_only)
        {
          if (!is_space (*r->p))
            return FALSE;
          r->p++;
          continue;
        }
      r->p = skip_plain (r->p, r->end);
      if (r->p >= r->end || *r->p == '<')
        break;
      if (*r->p != '&' || (next = read_entity (r->p, r->end, buf, &n)) == NULL ||
          !send_run (r, run, r->p - run))
        return FALSE;
      clip_sanitizer_characters (r->s, buf, n);
      r->p = run = next;
    }
  return send_run (r, run, r->p - run);
}

/* ` href="…"` after <a, up to '>': the value decoded into value. */
static gboolean
read_href (Reader *r, GString *value)
{
  char quote;

  if (!is_space (*r->p))
    return FALSE;
  while (r->p < r->end && is_space (*r->p))
    r->p++;
  if (r->end - r->p < 7 || memcmp (r->p, "href=", 5) != 0)
    return FALSE;
  r->p += 5;
  quote = *r->p++;
  if (quote != '"' && quote != '\'')
    return FALSE;
  while (r->p < r->end && *r->p != quote)
    {
      guchar c = (guchar) *r->p;

      if (c == '&')
        {
          char buf[8];
          gsize n = 0;
          const char *next = read_entity (r->p, r->end, buf, &n);

          if (next == NULL)
            return FALSE;
          g_string_append_len (value, buf, n);
          r->p = next;
          continue;
        }
      /* URLs only: no spaces, markup or non-ASCII for libxml2 to treat its way */
      if (c <= 0x20 || c >= 0x7F || c == '<' || c == '>')
        return FALSE;
      g_string_append_c (value, c);
      r->p++;
    }
  if (r->p >= r->end)
    return FALSE;
  r->p++;
  while (r->p < r->end && is_space (*r->p))
    r->p++;
  return r->p < r->end && *r->p == '>';
}

static gboolean
read_end_tag (Reader *r)
{
  const char *name = r->p + 2, *gt;
  const FastTag *tag;

  gt = memchr (name, '>', MIN ((gsize) (r->end - name), 12));
  if (gt == NULL || (tag = find_tag (name, gt - name)) == NULL || tag->kind == K_BR)
    return FALSE;
  /* only the innermost open element, and never the wrapper */
  if (r->depth < 2 || r->names[r->depth - 1] != tag->name)
    return FALSE;
  r->depth--;
  if (tag->name[0] == 'a' && tag->name[1] == '\0')
    r->in_a--;
  clip_sanitizer_close (r->s);
  r->p = gt + 1;
  return TRUE;
}

static gboolean
read_tag (Reader *r)
{
  const char *name = r->p + 1, *q = name;
  g_autoptr(GString) href = NULL;
  const char *atts[] = { "href", NULL, NULL };
  const FastTag *tag;
  gboolean is_a;

  if (r->end - r->p >= 2 && r->p[1] == '/')
    return read_end_tag (r);
  while (q < r->end && *q >= 'a' && *q <= 'z')
    q++;
  if (q >= r->end || (tag = find_tag (name, q - name)) == NULL ||
      !may_hold (r->stack[r->depth - 1], tag->kind))
    return FALSE;
  is_a = tag->name[0] == 'a' && tag->name[1] == '\0';
  r->p = q;
  if (is_a && *q != '>')
    {
      href = g_string_new (NULL);
      if (r->in_a > 0 || !read_href (r, href))
        return FALSE;
    }
  else if (tag->kind == K_BR && *q != '>')
    {
      if (*q == ' ')
        q++;
      if (r->end - q < 2 || q[0] != '/' || q[1] != '>')
        return FALSE;
      r->p = q + 1;
    }
  else if (*q != '>' || (is_a && r->in_a > 0))
    return FALSE;
  r->p++;
  if (tag->kind != K_BR && r->depth == FAST_MAX_DEPTH)
    return FALSE;
  atts[1] = href ? href->str : NULL;
  clip_sanitizer_open (r->s, tag->name, href ? atts : NULL);
  if (tag->kind == K_BR)
    {
      clip_sanitizer_close (r->s);
      return TRUE;
    }
  r->stack[r->depth] = tag->kind;
  r->names[r->depth] = tag->name;
  r->depth++;
  r->in_a += is_a;
  return TRUE;
}

gboolean
clip_html_fast_run (ClipSanitizer *s, const char *html, gsize len)
{
  Reader r = { s, html, html + len, { K_ROOT }, { "div" }, 1, 0 };

  if (len > FAST_MAX_LEN)
    return FALSE;
  clip_sanitizer_open (s, "div", NULL);
  while (r.p < r.end)
    {
      if (*r.p == '<' ? !read_tag (&r) : !read_text (&r))
        return FALSE;
    }
  return r.depth == 1;
}
