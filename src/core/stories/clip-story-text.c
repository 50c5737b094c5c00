/* clip-story-text.c — an article's keys (stems, names, numbers, dates of
 * its title and lead) and its shingles, from the one tokenizer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-stories-private.h"
#include "clip-text.h"

#include <stdlib.h>
#include <string.h>

/* Words of the body that make its lead. */
#define LEAD_WORDS 60
/* Characters of a word a stem keeps: a crude stem, but the same for
 * every language, and inflections mostly change a word's end. */
#define STEM_CHARS 5

typedef struct {
  char   *folded;
  gsize   start;
  gsize   end;
} Tok;

static void
tok_clear (gpointer p)
{
  g_free (((Tok *) p)->folded);
}

typedef struct {
  GArray *toks;
  guint   limit;
} Collect;

static gboolean
collect_cb (const ClipToken *t, gpointer data)
{
  Collect *c = data;
  Tok tok = { g_strndup (t->folded, t->folded_len), t->start, t->end };

  g_array_append_val (c->toks, tok);
  return c->limit == 0 || c->toks->len < c->limit;
}

static GArray *
tokens (const char *text, guint limit)
{
  Collect c = { g_array_new (FALSE, FALSE, sizeof (Tok)), limit };

  g_array_set_clear_func (c.toks, tok_clear);
  if (text)
    clip_text_tokenize (text, -1, collect_cb, &c);
  return c.toks;
}

guint
clip_story_lang_index (const char *lang,
                       const char *sample)
{
  guint counts[3] = { 0 };

  if (lang && *lang)
    {
      if (g_ascii_strncasecmp (lang, "en", 2) == 0) return CLIP_STORY_LANG_EN;
      if (g_ascii_strncasecmp (lang, "ru", 2) == 0) return CLIP_STORY_LANG_RU;
      if (g_ascii_strncasecmp (lang, "ka", 2) == 0) return CLIP_STORY_LANG_KA;
      return CLIP_STORY_LANG_OTHER;
    }
  for (const char *p = sample; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isalpha (*p))
        counts[0]++;
      else if (c >= 0x0400 && c <= 0x04FF)
        counts[1]++;
      else if ((c >= 0x10A0 && c <= 0x10FF) || (c >= 0x1C90 && c <= 0x1CBF))
        counts[2]++;
    }
  if (counts[0] + counts[1] + counts[2] == 0)
    return CLIP_STORY_LANG_OTHER;
  return counts[2] >= counts[1] && counts[2] >= counts[0] ? CLIP_STORY_LANG_KA
       : counts[1] >= counts[0] ? CLIP_STORY_LANG_RU : CLIP_STORY_LANG_EN;
}

static guint64
hash_bytes (guint64 h, const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 0x100000001B3ULL;
  return h;
}

static guint64
key_hash (guint kind, guint lang, const char *text)
{
  guint64 h = 0xCBF29CE484222325ULL;
  char prefix[2] = { (char) ('0' + kind), (char) ('0' + lang) };

  h = hash_bytes (h, prefix, 2);
  h = hash_bytes (h, text, strlen (text));
  return h ? h : 1;
}

typedef struct {
  GArray    *keys;
  GPtrArray *names;
  guint      lang;
} Keys;

static const char *const kind_names[] = { "word", "name", "num", "date" };

static void
add_key (Keys *k, guint kind, guint flags, const char *text)
{
  guint lang = kind == CLIP_STORY_KEY_WORD ? k->lang : 0;
  ClipStoryKey key = { key_hash (kind, lang, text), (guint8) kind, (guint8) flags,
                       (guint8) k->lang };

  g_array_append_val (k->keys, key);
  if (k->names && kind == CLIP_STORY_KEY_WORD)
    g_ptr_array_add (k->names, g_strdup_printf ("word:%u:%s", lang, text));
  else if (k->names)
    g_ptr_array_add (k->names, g_strdup_printf ("%s:%s", kind_names[kind], text));
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

static gboolean
has_digit (const char *s)
{
  for (; *s; s++)
    if (g_ascii_isdigit (*s))
      return TRUE;
  return FALSE;
}

/* Month (1–12) a folded word names in English, Russian or Georgian, or 0. */
static guint
month_of (const char *w)
{
  static const char *const en[] = { "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december" };
  static const char *const en_short[] = { "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec" };
  static const char *const ru[] = { "январ", "феврал", "март", "апрел", "ма", "июн",
    "июл", "август", "сентябр", "октябр", "ноябр", "декабр" };
  static const char *const ka[] = { "იანვარ", "თებერვალ", "მარტ", "აპრილ", "მაის", "ივნის",
    "ივლის", "აგვისტო", "სექტემბერ", "ოქტომბერ", "ნოემბერ", "დეკემბერ" };

  for (guint m = 0; m < 12; m++)
    {
      gsize lr = strlen (ru[m]), lk = strlen (ka[m]), lw = strlen (w);

      if (strcmp (w, en[m]) == 0 || strcmp (w, en_short[m]) == 0)
        return m + 1;
      /* A stem and at most two letters of ending (Cyrillic: 2 bytes each). */
      if (m == 4 ? (strcmp (w, "маи") == 0 || strcmp (w, "мая") == 0 || strcmp (w, "мае") == 0)
                 : (g_str_has_prefix (w, ru[m]) && lw <= lr + 4))
        return m + 1;
      if (g_str_has_prefix (w, ka[m]) && lw <= lk + 6)
        return m + 1;
    }
  return 0;
}

static const char *
separator (const char *text, const Tok *a, const Tok *b, gsize *len)
{
  *len = b->start - a->end;
  return text + a->end;
}

static gboolean
is_group_separator (const char *s, gsize len)
{
  return (len == 1 && (*s == ',' || *s == '.' || *s == ' ')) ||
         (len == 2 && memcmp (s, "\xC2\xA0", 2) == 0) ||
         (len == 3 && (memcmp (s, "\xE2\x80\xAF", 3) == 0 || memcmp (s, "\xE2\x80\x89", 3) == 0));
}

/* A numeric date at toks[i]: 14.05.2024 (day first) or 2024-05-14. */
static gboolean
numeric_date (const char *text, GArray *toks, guint i, guint *day, guint *month)
{
  const Tok *t = &g_array_index (toks, Tok, i);
  gsize l1, l2;
  const char *s1, *s2;

  if (i + 2 >= toks->len || !all_digits (t[1].folded) || !all_digits (t[2].folded))
    return FALSE;
  s1 = separator (text, &t[0], &t[1], &l1);
  s2 = separator (text, &t[1], &t[2], &l2);
  if (l1 != 1 || l2 != 1 || *s1 != *s2)
    return FALSE;
  if (*s1 == '.' && strlen (t[2].folded) == 4)
    *day = atoi (t[0].folded), *month = atoi (t[1].folded);
  else if (*s1 == '-' && strlen (t[0].folded) == 4)
    *day = atoi (t[2].folded), *month = atoi (t[1].folded);
  else
    return FALSE;
  return *day >= 1 && *day <= 31 && *month >= 1 && *month <= 12;
}

/* The number starting at toks[*i] as a value ("1,000", "1 000" → 1000;
 * "1.5", "1,5" → 1.5), advancing *i past its groups. */
static char *
number_value (const char *text, GArray *toks, guint *i)
{
  const Tok *t = &g_array_index (toks, Tok, *i);
  GString *v = g_string_new (t->folded);
  const char *p = v->str;

  while (*i + 1 < toks->len)
    {
      const Tok *a = &g_array_index (toks, Tok, *i), *b = a + 1;
      gsize len;
      const char *sep = separator (text, a, b, &len);

      if (!all_digits (b->folded) || !is_group_separator (sep, len))
        break;
      if (strlen (b->folded) == 3 && (*sep != ' ' || strlen (a->folded) <= 3))
        g_string_append (v, b->folded);
      else if (len == 1 && (*sep == ',' || *sep == '.') && strchr (v->str, '.') == NULL)
        g_string_append_printf (v, ".%s", b->folded);
      else
        break;
      (*i)++;
    }
  /* Leading zeros say nothing about the value. */
  for (p = v->str; p[0] == '0' && g_ascii_isdigit (p[1]); p++)
    ;
  g_string_erase (v, 0, p - v->str);
  return g_string_free (v, FALSE);
}

static void
number_keys (Keys *k, const char *text, GArray *toks, guint flags)
{
  for (guint i = 0; i < toks->len; i++)
    {
      const char *w = g_array_index (toks, Tok, i).folded;
      guint day = 0, month = 0;
      guint at = i;
      g_autofree char *value = NULL;
      char date[8];

      if (!all_digits (w))
        continue;
      if (numeric_date (text, toks, i, &day, &month))
        i += 2;
      else
        {
          value = number_value (text, toks, &i);
          add_key (k, CLIP_STORY_KEY_NUMBER, flags, value);
          if (strlen (w) <= 2 && i == at)
            {
              day = atoi (w);
              if (at + 1 < toks->len)
                month = month_of (g_array_index (toks, Tok, at + 1).folded);
              if (month == 0 && at > 0)
                month = month_of (g_array_index (toks, Tok, at - 1).folded);
            }
        }
      if (day >= 1 && day <= 31 && month >= 1)
        {
          g_snprintf (date, sizeof date, "%02u-%02u", month, day);
          add_key (k, CLIP_STORY_KEY_DATE, flags, date);
        }
    }
}

/* A word begins a sentence: only spaces, quotes or brackets between it
 * and the text's start or a full stop. */
static gboolean
sentence_initial (const char *text, gsize start)
{
  const char *p = text + start;

  while (p > text)
    {
      const char *prev = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (prev);

      if (g_unichar_isspace (c) || g_unichar_ispunct (c))
        {
          if (c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026 || c == '\n')
            return TRUE;
          p = prev;
          continue;
        }
      return FALSE;
    }
  return TRUE;
}

/* How a word may be a name: 0 (it is written in lower case where case
 * says something), CLIP_STORY_KEY_CASED, or 1 (it may be). */
static guint
name_evidence (const char *text, const Tok *t, gboolean headline)
{
  gunichar c = g_utf8_get_char (text + t->start);
  gboolean upper = g_unichar_isupper (c) || g_unichar_istitle (c);
  gboolean all_upper = upper;
  guint letters = 0;

  /* Georgian is written without case (Mkhedruli counts as lower case
   * since Unicode 11, Mtavruli is for headlines), as are scripts with no
   * case at all. */
  if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_GEORGIAN ||
      (!g_unichar_isupper (c) && !g_unichar_islower (c)))
    return 1;
  if (!upper)
    return 0;
  for (const char *p = text + t->start; p < text + t->end; p = g_utf8_next_char (p))
    {
      gunichar d = g_utf8_get_char (p);

      letters++;
      if (g_unichar_islower (d))
        all_upper = FALSE;
    }
  if (all_upper && letters >= 2)
    return CLIP_STORY_KEY_CASED;
  return headline || sentence_initial (text, t->start) ? 1 : CLIP_STORY_KEY_CASED;
}

/* A headline in title case ("Parliament Passes Foreign Agents Law"):
 * its capitals say nothing about names. */
static gboolean
title_case (const char *text, GArray *toks)
{
  guint cased = 0, upper = 0;

  for (guint i = 0; i < toks->len; i++)
    {
      const Tok *t = &g_array_index (toks, Tok, i);
      gunichar c = g_utf8_get_char (text + t->start);

      if (t->end - t->start < 4 || (!g_unichar_isupper (c) && !g_unichar_islower (c)))
        continue;
      cased++;
      upper += g_unichar_isupper (c);
    }
  return cased >= 3 && upper * 10 >= cased * 6;
}

static void
word_keys (Keys *k, const char *text, GArray *toks, guint flags, gboolean headline)
{
  for (guint i = 0; i < toks->len; i++)
    {
      const Tok *t = &g_array_index (toks, Tok, i);
      glong chars = g_utf8_strlen (t->folded, -1);
      guint evidence;

      if (has_digit (t->folded) || chars < 3)
        continue;
      {
        g_autofree char *stem = g_strndup (t->folded,
            g_utf8_offset_to_pointer (t->folded, MIN (chars, STEM_CHARS)) - t->folded);
        add_key (k, CLIP_STORY_KEY_WORD, flags, stem);
      }
      evidence = name_evidence (text, t, headline);
      if (evidence != 0)
        {
          g_autofree char *name = _clip_story_name_key_folded (t->folded);

          /* A word that may be a name needs a longer key to count. */
          if (name && (evidence == CLIP_STORY_KEY_CASED || strlen (name) >= 3))
            add_key (k, CLIP_STORY_KEY_NAME, flags | (evidence & CLIP_STORY_KEY_CASED), name);
        }
    }
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  const ClipStoryKey *x = a, *y = b;

  return (x->hash > y->hash) - (x->hash < y->hash);
}

/* Sorts by hash and keeps each key once, with its flags joined. */
static void
unique_keys (GArray *keys)
{
  guint n = 0;

  g_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      ClipStoryKey *k = &g_array_index (keys, ClipStoryKey, i);

      if (n > 0 && g_array_index (keys, ClipStoryKey, n - 1).hash == k->hash)
        g_array_index (keys, ClipStoryKey, n - 1).flags |= k->flags;
      else
        g_array_index (keys, ClipStoryKey, n++) = *k;
    }
  g_array_set_size (keys, n);
}

GArray *
clip_story_keys (const char *title,
                 const char *body,
                 guint       lang,
                 GPtrArray  *names)
{
  Keys k = { g_array_new (FALSE, FALSE, sizeof (ClipStoryKey)), names, lang };
  g_autoptr(GArray) tt = tokens (title, 0);
  g_autoptr(GArray) bt = tokens (body, LEAD_WORDS);

  word_keys (&k, title, tt, CLIP_STORY_KEY_IN_TITLE, title_case (title, tt));
  number_keys (&k, title, tt, CLIP_STORY_KEY_IN_TITLE);
  word_keys (&k, body, bt, 0, FALSE);
  number_keys (&k, body, bt, 0);
  unique_keys (k.keys);
  return k.keys;
}

/* Shingles */

typedef struct {
  guint64 window[CLIP_STORY_SHINGLE];
  guint   n;
  GArray *out;
} Shingler;

static inline guint64
mix64 (guint64 z)
{
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static gboolean
shingle_cb (const ClipToken *t, gpointer data)
{
  Shingler *s = data;
  guint64 h = hash_bytes (0xCBF29CE484222325ULL, t->folded, t->folded_len);

  s->window[s->n % CLIP_STORY_SHINGLE] = h;
  s->n++;
  if (s->n >= CLIP_STORY_SHINGLE)
    {
      guint64 v = 0;

      for (guint i = 0; i < CLIP_STORY_SHINGLE; i++)
        v = mix64 (v + s->window[(s->n + i) % CLIP_STORY_SHINGLE]);
      g_array_append_val (s->out, v);
    }
  return TRUE;
}

static int
compare_u64 (gconstpointer a, gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

GArray *
clip_story_shingles (const char *text)
{
  Shingler s = { { 0 }, 0, g_array_new (FALSE, FALSE, sizeof (guint64)) };
  guint n = 0;

  if (text)
    clip_text_tokenize (text, -1, shingle_cb, &s);
  g_array_sort (s.out, compare_u64);
  for (guint i = 0; i < s.out->len; i++)
    if (n == 0 || g_array_index (s.out, guint64, n - 1) != g_array_index (s.out, guint64, i))
      g_array_index (s.out, guint64, n++) = g_array_index (s.out, guint64, i);
  g_array_set_size (s.out, n);
  return s.out;
}
