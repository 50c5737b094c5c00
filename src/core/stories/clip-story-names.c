/* clip-story-names.c — names across scripts: Georgian and Cyrillic
 * romanised by tables, case endings removed, then reduced to consonant
 * classes so that the spellings each script gives a name meet
 * ("Stoltenberg", "Столтенберга", "სტოლტენბერგმა" → "stlt"; four classes: the start tells names apart, endings vary).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-stories-private.h"

#include <string.h>

/* Georgian Mkhedruli U+10D0..U+10F0, national romanisation (2002). */
static const char *const georgian[] = {
  "a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p",
  "zh", "r", "s", "t", "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz",
  "ts", "ch", "kh", "j", "h",
};

/* Cyrillic U+0430..U+044F, Russian passport romanisation (2014). */
static const char *const cyrillic[] = {
  "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n",
  "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",
  "y", "", "e", "iu", "ia",
};

/* Endings that carry a consonant (vowels are dropped anyway), longest
 * first; folded forms (й folds to и). */
static const char *const russian_endings[] = {
  "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ым", "им", "ом",
  "ем", "ам", "ям", "ах", "ях", "ои", "еи", NULL
};
static const char *const georgian_endings[] = {
  "ისთვის", "ისგან", "იდან", "თვის", "თან", "დან", "კენ", "ში", "ზე", "მა",
  "ის", "ით", "ად", "მ", "ს", "თ", "დ", NULL
};

static const char *
roman_of (gunichar c)
{
  if (c >= 0x10D0 && c <= 0x10F0)
    return georgian[c - 0x10D0];
  if (c >= 0x0430 && c <= 0x044F)
    return cyrillic[c - 0x0430];
  switch (c)
    {
    case 0x0451: return "e";    /* ё */
    case 0x0456: case 0x0457: return "i";   /* і ї */
    case 0x0454: return "e";    /* є */
    case 0x0491: return "g";    /* ґ */
    default: return NULL;
    }
}

static char *
romanize_folded (const char *folded)
{
  GString *out = g_string_sized_new (strlen (folded) * 2);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *r = roman_of (c);

      if (r)
        g_string_append (out, r);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
clip_story_romanize (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  return romanize_folded (folded);
}

/* Removes one case ending, keeping a stem of three letters or more. */
static void
strip_ending (char *word, const char *const *endings)
{
  glong n = g_utf8_strlen (word, -1);
  gsize len = strlen (word);

  for (guint i = 0; endings[i]; i++)
    {
      gsize el = strlen (endings[i]);

      if (len > el && strcmp (word + len - el, endings[i]) == 0 &&
          n - g_utf8_strlen (endings[i], -1) >= 3)
        {
          word[len - el] = '\0';
          return;
        }
    }
}

static gboolean
is_vowel (char c)
{
  return c && strchr ("aeiouy", c) != NULL;
}

/* The consonant class at p (advancing *len bytes), '\0' for a vowel or
 * a silent letter, or the byte itself for anything else. */
static char
consonant_class (const char *p, const char *start, gsize *len)
{
  static const struct { const char *from; char to; } digraphs[] = {
    { "shch", 's' }, { "dzh", 's' }, { "sch", 's' }, { "sh", 's' }, { "ch", 's' },
    { "zh", 's' }, { "ts", 's' }, { "tz", 's' }, { "dz", 's' }, { "cz", 's' },
    { "sz", 's' }, { "kh", 'k' }, { "ck", 'k' }, { "gh", 'g' }, { "ph", 'p' },
    { "th", 't' },
  };

  /* Every digraph's second letter is one of these. */
  for (guint i = 0; p[1] && strchr ("hzskc", p[1]) && i < G_N_ELEMENTS (digraphs); i++)
    if (g_str_has_prefix (p, digraphs[i].from))
      {
        *len = strlen (digraphs[i].from);
        return digraphs[i].to;
      }
  *len = 1;
  switch (*p)
    {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return '\0';
    case 'b': return 'b';
    case 'p': case 'f': return 'p';
    case 'v': case 'w': return 'v';
    case 'g': return 'g';
    case 'k': case 'q': case 'x': return 'k';
    case 'c': return p[1] && strchr ("eiy", p[1]) ? 's' : 'k';
    case 'd': return 'd';
    case 't': return 't';
    case 's': case 'z': case 'j': return 's';
    case 'l': return 'l';
    case 'm': return 'm';
    case 'n': return 'n';
    case 'r': return 'r';
    case 'h':
      /* Silent between a vowel and a consonant ("Johnson", Джонсон). */
      return p > start && is_vowel (p[-1]) && p[1] && !is_vowel (p[1]) ? '\0' : 'k';
    default: return *p;
    }
}

#define MAX_KEY 4

char *
clip_story_name_key (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  return _clip_story_name_key_folded (folded);
}

/* The same for a word folded by the tokenizer (lower case already). */
char *
_clip_story_name_key_folded (const char *word)
{
  g_autofree char *folded = g_strdup (word);
  g_autofree char *roman = NULL;
  gunichar first = g_utf8_get_char (folded);
  char key[MAX_KEY + 1];
  guint n = 0;
  char last = 0;

  if (first >= 0x0400 && first <= 0x04FF)
    strip_ending (folded, russian_endings);
  else if (first >= 0x10D0 && first <= 0x10FF)
    strip_ending (folded, georgian_endings);
  roman = romanize_folded (folded);
  for (const char *p = roman; *p && n < MAX_KEY;)
    {
      gsize len;
      char c = consonant_class (p, roman, &len);

      if (p == roman && c == '\0')
        c = 'a';                     /* a first vowel is kept, as one class */
      if (c != '\0' && c != last)
        key[n++] = c;
      last = c;
      p += len;
    }
  key[n] = '\0';
  return n >= 2 ? g_strdup (key) : NULL;
}
