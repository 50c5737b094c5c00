/* clip-text.c — word cutting and folding (shared/RULES.md, "Words")
 *
 * A word is a run of Unicode letters, digits and combining marks.  Folding
 * is NFKD, marks removed, lower-cased, Georgian Mtavruli to Mkhedruli and
 * final sigma to sigma.  The rules matcher and the FTS5 index both call
 * clip_text_tokenize(), so they can never disagree about a word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-text.h"

#include <string.h>

/* Folding of the Basic Multilingual Plane is computed once into a table:
 * tokenizing is on the ingest and matching hot paths. */
typedef struct {
  guint32 *entry;   /* per code point: pool offset << 8 | folded length */
  guint8  *word;    /* per code point: 1 if it belongs to words */
  char    *pool;
} FoldTable;

static FoldTable fold_table;

gboolean
clip_text_is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_mark (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);
  return t == G_UNICODE_SPACING_MARK || t == G_UNICODE_ENCLOSING_MARK ||
         t == G_UNICODE_NON_SPACING_MARK;
}

static gunichar
fold_char (gunichar c)
{
  c = g_unichar_tolower (c);
  if (c >= 0x1C90 && c <= 0x1CBF)        /* Georgian Mtavruli */
    c = c - 0x1C90 + 0x10D0;
  else if (c == 0x03C2)                  /* final sigma */
    c = 0x03C3;
  return c;
}

/* Folds one code point into out (at least 80 bytes); returns the length. */
static gsize
fold_codepoint (gunichar c, char *out)
{
  gunichar decomp[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n, len = 0;

  n = g_unichar_fully_decompose (c, TRUE, decomp, G_N_ELEMENTS (decomp));
  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomp[i];
      if (is_mark (d) || !clip_text_is_word_char (d))
        continue;
      len += g_unichar_to_utf8 (fold_char (d), out + len);
    }
  return len;
}

static gpointer
build_fold_table (gpointer data)
{
  GString *pool = g_string_sized_new (200 * 1024);
  char buf[80];

  fold_table.entry = g_new0 (guint32, 0x10000);
  fold_table.word = g_new0 (guint8, 0x10000);
  for (gunichar c = 0; c < 0x10000; c++)
    {
      gsize len;

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      if (!clip_text_is_word_char (c))
        continue;
      fold_table.word[c] = 1;
      len = fold_codepoint (c, buf);
      fold_table.entry[c] = ((guint32) pool->len << 8) | (guint32) len;
      g_string_append_len (pool, buf, len);
    }
  fold_table.pool = g_string_free (pool, FALSE);
  return NULL;
}

static inline void
ensure_table (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, build_fold_table, NULL);
}

/* Decodes one UTF-8 sequence; invalid bytes give (gunichar)-1 and advance
 * by one byte, so hostile text is cut, never read past its end. */
static inline gunichar
next_char (const guchar *p, const guchar *end, gsize *adv)
{
  guchar b = p[0];
  gunichar c;
  gsize n;

  if (b < 0x80)
    {
      *adv = 1;
      return b;
    }
  if (b >= 0xC2 && b <= 0xDF)
    n = 2, c = b & 0x1F;
  else if (b >= 0xE0 && b <= 0xEF)
    n = 3, c = b & 0x0F;
  else if (b >= 0xF0 && b <= 0xF4)
    n = 4, c = b & 0x07;
  else
    {
      *adv = 1;
      return (gunichar) -1;
    }
  if ((gsize) (end - p) < n)
    {
      *adv = 1;
      return (gunichar) -1;
    }
  for (gsize i = 1; i < n; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        {
          *adv = 1;
          return (gunichar) -1;
        }
      c = (c << 6) | (p[i] & 0x3F);
    }
  if ((n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
      (n == 4 && (c < 0x10000 || c > 0x10FFFF)))
    {
      *adv = 1;
      return (gunichar) -1;
    }
  *adv = n;
  return c;
}

/* Whether c is a word character; when it is, its folding is appended. */
static inline gboolean
fold_into (gunichar c, char *buf, gsize *len)
{
  const char *src;
  gsize n;
  char tmp[80];

  if (c < 0x10000)
    {
      guint32 e;

      if (!fold_table.word[c])
        return FALSE;
      e = fold_table.entry[c];
      n = e & 0xFF;
      src = fold_table.pool + (e >> 8);
    }
  else
    {
      if (!clip_text_is_word_char (c))
        return FALSE;
      n = fold_codepoint (c, tmp);
      src = tmp;
    }
  if (*len + n <= CLIP_TEXT_MAX_WORD)
    {
      memcpy (buf + *len, src, n);
      *len += n;
    }
  return TRUE;
}

void
clip_text_tokenize (const char    *text,
                    gssize         len,
                    ClipTokenFunc  func,
                    gpointer       user_data)
{
  const guchar *p, *end;
  char buf[CLIP_TEXT_MAX_WORD + 1];
  ClipToken tok = { buf, 0, 0, 0, 0 };
  gsize wlen = 0;
  gboolean in_word = FALSE;

  if (text == NULL)
    return;
  if (len < 0)
    len = strlen (text);
  ensure_table ();

  p = (const guchar *) text;
  end = p + len;
  while (p < end)
    {
      gsize adv;
      gboolean word;
      guchar b = *p;

      if (b < 0x80)
        {
          adv = 1;
          if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
            {
              if (wlen < CLIP_TEXT_MAX_WORD)
                buf[wlen++] = (char) b;
              word = TRUE;
            }
          else if (b >= 'A' && b <= 'Z')
            {
              if (wlen < CLIP_TEXT_MAX_WORD)
                buf[wlen++] = (char) (b + 32);
              word = TRUE;
            }
          else
            word = FALSE;
        }
      else
        {
          gunichar c = next_char (p, end, &adv);
          word = c != (gunichar) -1 && fold_into (c, buf, &wlen);
        }

      if (word && !in_word)
        {
          in_word = TRUE;
          tok.start = (gsize) (p - (const guchar *) text);
        }
      else if (!word && in_word)
        {
          in_word = FALSE;
          if (wlen > 0)
            {
              buf[wlen] = '\0';
              tok.folded_len = wlen;
              tok.end = (gsize) (p - (const guchar *) text);
              if (!func (&tok, user_data))
                return;
              tok.position++;
            }
          wlen = 0;
        }
      p += adv;
    }
  if (in_word && wlen > 0)
    {
      buf[wlen] = '\0';
      tok.folded_len = wlen;
      tok.end = (gsize) len;
      func (&tok, user_data);
    }
}

static gboolean
append_token (const ClipToken *tok, gpointer user_data)
{
  GString *s = user_data;

  if (s->len > 0)
    g_string_append_c (s, ' ');
  g_string_append_len (s, tok->folded, tok->folded_len);
  return TRUE;
}

/* The folded words of text, joined by single spaces. */
char *
clip_text_fold (const char *text,
                gssize      len)
{
  GString *s = g_string_new (NULL);

  clip_text_tokenize (text, len, append_token, s);
  return g_string_free (s, FALSE);
}

static gboolean
count_token (const ClipToken *tok, gpointer user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

guint
clip_text_count_words (const char *text,
                       gssize      len)
{
  guint n = 0;

  clip_text_tokenize (text, len, count_token, &n);
  return n;
}

void
clip_text_add_distinct (GPtrArray  *words,
                        GHashTable *seen,
                        char       *word)
{
  char *folded = clip_text_fold (word, -1);

  if (g_hash_table_contains (seen, folded))
    {
      g_free (folded);
      g_free (word);
      return;
    }
  g_hash_table_add (seen, folded);
  g_ptr_array_add (words, word);
}
