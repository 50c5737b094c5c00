/* clip-ruleset-words.h — cutting text into words 64 bytes at a time, as
 * the text module cuts them, for the matcher's scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "clip-text.h"

G_BEGIN_DECLS

/* Which characters of two and three bytes are word characters, as the
 * text module says (clip_text_is_word_char()): a bit per last byte, so a
 * character costs one look-up and no decoding. Words are cut exactly as
 * clip_text_tokenize() cuts them, and folded by it (on a cache miss). */
extern guint64 *clip_rule_mask2;  /* [lead - 0xC0] >> (byte 2 & 0x3F) */
extern guint64 *clip_rule_mask3;  /* [(lead & 0x0F) << 6 | (byte 2 & 0x3F)] >> (byte 3 & 0x3F) */

/* Builds them, once. */
void clip_rule_words_init (void);

/* One UTF-8 sequence, validated as the text module does: an invalid byte
 * is (gunichar) -1 and one byte long, a separator. */
static inline gunichar
clip_rule_decode (const guchar *p, const guchar *end, gsize *adv)
{
  guchar b = p[0];
  gsize left = (gsize) (end - p);
  gunichar c;

  /* Two and three bytes (Cyrillic, Greek, Georgian...) without a loop. */
  if (b >= 0xC2 && b <= 0xDF)
    {
      if (left >= 2 && (p[1] & 0xC0) == 0x80)
        {
          *adv = 2;
          return ((gunichar) (b & 0x1F) << 6) | (p[1] & 0x3F);
        }
      goto invalid;
    }
  if (b >= 0xE0 && b <= 0xEF)
    {
      if (left >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
        {
          c = ((gunichar) (b & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          if (c >= 0x800 && !(c >= 0xD800 && c <= 0xDFFF))
            {
              *adv = 3;
              return c;
            }
        }
      goto invalid;
    }
  if (b >= 0xF0 && b <= 0xF4 && left >= 4 && (p[1] & 0xC0) == 0x80 &&
      (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80)
    {
      c = ((gunichar) (b & 0x07) << 18) | ((gunichar) (p[1] & 0x3F) << 12) |
          ((gunichar) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      if (c >= 0x10000 && c <= 0x10FFFF)
        {
          *adv = 4;
          return c;
        }
    }
invalid:
  *adv = 1;
  return (gunichar) -1;
}

/* The length of the word character at p (a byte from 0xC0 on), or 0 when
 * it is a separator or not valid UTF-8 (then one byte, as the text module
 * reads it; the bytes after it are looked at on their own). */
static inline guint
clip_rule_word_char_len (const guchar *p, const guchar *end)
{
  guchar b = p[0];
  gsize left = (gsize) (end - p), adv;
  gunichar c;

  if (b < 0xE0)
    return left >= 2 && (p[1] & 0xC0) == 0x80 &&
           ((clip_rule_mask2[b - 0xC0] >> (p[1] & 0x3F)) & 1) ? 2 : 0;
  if (b < 0xF0)
    return left >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
           ((clip_rule_mask3[((b & 0x0F) << 6) | (p[1] & 0x3F)] >> (p[2] & 0x3F)) & 1) ? 3 : 0;
  c = clip_rule_decode (p, end, &adv);
  return c != (gunichar) -1 && clip_text_is_word_char (c) ? (guint) adv : 0;
}

#define CLIP_RULE_BLOCK 64

/* Bits of the ASCII letters and digits of a block of 64 bytes, and of the
 * bytes that start a longer character (0xC0 and up). */
static inline void
clip_rule_block_classes (const guchar *q, const guchar *end, guint64 *alnum, guint64 *lead)
{
  guint64 a = 0, l = 0;

#ifdef __SSE2__
  if (end - q >= CLIP_RULE_BLOCK)
    {
      for (guint k = 0; k < CLIP_RULE_BLOCK / 16; k++)
        {
          __m128i v = _mm_loadu_si128 ((const __m128i *) (gconstpointer) (q + 16 * k));
          __m128i lc = _mm_or_si128 (v, _mm_set1_epi8 (0x20));
          /* Signed compares: bytes from 0x80 on are negative, so never
           * letters or digits. */
          __m128i letter = _mm_and_si128 (_mm_cmpgt_epi8 (lc, _mm_set1_epi8 ('a' - 1)),
                                          _mm_cmplt_epi8 (lc, _mm_set1_epi8 ('z' + 1)));
          __m128i digit = _mm_and_si128 (_mm_cmpgt_epi8 (v, _mm_set1_epi8 ('0' - 1)),
                                         _mm_cmplt_epi8 (v, _mm_set1_epi8 ('9' + 1)));
          __m128i ld = _mm_and_si128 (_mm_cmplt_epi8 (v, _mm_setzero_si128 ()),
                                      _mm_cmpgt_epi8 (v, _mm_set1_epi8 ((char) 0xBF)));

          a |= (guint64) (guint16) _mm_movemask_epi8 (_mm_or_si128 (letter, digit)) << (16 * k);
          l |= (guint64) (guint16) _mm_movemask_epi8 (ld) << (16 * k);
        }
      *alnum = a;
      *lead = l;
      return;
    }
#endif
  for (guint i = 0; i < CLIP_RULE_BLOCK && q + i < end; i++)
    {
      guchar b = q[i];

      if (g_ascii_isalnum (b))
        a |= G_GUINT64_CONSTANT (1) << i;
      else if (b >= 0xC0)
        l |= G_GUINT64_CONSTANT (1) << i;
    }
  *alnum = a;
  *lead = l;
}

/* The bytes of a block that belong to word characters; *carry holds the
 * bytes of a character that runs into the next block. */
static inline guint64
clip_rule_block_words (const guchar *q, const guchar *end, guint64 *carry)
{
  guint64 w, lead;

  clip_rule_block_classes (q, end, &w, &lead);
  w |= *carry;
  *carry = 0;
  while (lead)
    {
      guint i = (guint) __builtin_ctzll (lead);
      guint n = clip_rule_word_char_len (q + i, end);

      lead &= lead - 1;
      if (n == 0)
        continue;
      w |= ((G_GUINT64_CONSTANT (1) << n) - 1) << i;
      if (i + n > CLIP_RULE_BLOCK)
        *carry = (G_GUINT64_CONSTANT (1) << (i + n - CLIP_RULE_BLOCK)) - 1;
    }
  return w;
}

G_END_DECLS
