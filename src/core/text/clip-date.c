/* clip-date.c — dates as feeds write them
 *
 * Two readers: a strict one for W3CDTF/ISO 8601 and a token-based one for
 * everything written with words (RFC 822 and its many variants, asctime,
 * regional forms). Both must consume the whole string; anything left over,
 * any unknown word and any field out of range means no date, because a
 * wrong date sorts an article where nobody will look for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-date.h"
#include "clip-article.h"

#include <string.h>

#define MAX_DATE_LEN 128

static gboolean
is_leap (int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month (int y, int m)
{
  static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return m == 2 && is_leap (y) ? 29 : dim[m - 1];
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static gint64
days_from_civil (gint64 y, int m, int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

gint64
clip_date_from_civil (int year, int month, int day, int hour, int minute, int second)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month (year, month) || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 60)
    return CLIP_NO_DATE;
  if (second == 60)   /* a leap second: keep it in the same minute */
    second = 59;
  return days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

/* The result must still be a year from 1 to 9999 once the zone is applied. */
static gint64
finish (int year, int month, int day, int hour, int minute, int second, int tz_minutes)
{
  gint64 t = clip_date_from_civil (year, month, day, hour, minute, second);
  static const gint64 min_t = -62135596800;   /* 0001-01-01T00:00:00Z */
  static const gint64 max_t = 253402300799;   /* 9999-12-31T23:59:59Z */

  if (t == CLIP_NO_DATE)
    return CLIP_NO_DATE;
  t -= (gint64) tz_minutes * 60;
  if (t < min_t || t > max_t)
    return CLIP_NO_DATE;
  return t;
}

static int
two_digit_year (int y)
{
  return y < 50 ? 2000 + y : 1900 + y;
}

/* Words ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  int         value;
} Named;

static const char * const english_months[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

/* Matched whole (casefolded). */
static const Named exact_months[] = {
  /* Greek, as feedparser knows it */
  { "ιαν", 1 }, { "φεβ", 2 }, { "μάώ", 3 }, { "μαώ", 3 }, { "μάρ", 3 }, { "μαρ", 3 },
  { "απρ", 4 }, { "μάι", 5 }, { "μαϊ", 5 }, { "μαι", 5 }, { "ιούν", 6 }, { "ιον", 6 },
  { "ιούλ", 7 }, { "ιολ", 7 }, { "αύγ", 8 }, { "αυγ", 8 }, { "σεπ", 9 }, { "οκτ", 10 },
  { "νοέ", 11 }, { "νοε", 11 }, { "δεκ", 12 },
  /* Hungarian */
  { "január", 1 }, { "február", 2 }, { "március", 3 }, { "április", 4 },
  { "május", 5 }, { "június", 6 }, { "július", 7 }, { "augusztus", 8 },
  { "szeptember", 9 }, { "október", 10 }, { "november", 11 }, { "december", 12 },
  { "sept", 9 },
};

/* Matched on their first three letters, whatever the case ending. */
static const Named prefix_months[] = {
  { "янв", 1 }, { "фев", 2 }, { "мар", 3 }, { "апр", 4 }, { "май", 5 }, { "мая", 5 },
  { "июн", 6 }, { "июл", 7 }, { "авг", 8 }, { "сен", 9 }, { "окт", 10 }, { "ноя", 11 },
  { "дек", 12 },
  { "იან", 1 }, { "თებ", 2 }, { "მარ", 3 }, { "აპრ", 4 }, { "მაი", 5 }, { "ივნ", 6 },
  { "ივლ", 7 }, { "აგვ", 8 }, { "სექ", 9 }, { "ოქტ", 10 }, { "ნოე", 11 }, { "დეკ", 12 },
};

static const char * const english_days[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static const char * const other_days[] = {
  "κυρ", "δευ", "τρι", "τετ", "πεμ", "παρ", "σαβ",
  "пн", "вт", "ср", "чт", "пт", "сб", "вс",
  "пон", "вто", "сре", "чет", "пят", "суб", "вос",
  "ორშ", "სამ", "ოთხ", "ხუთ", "პარ", "შაბ", "კვი",
};

static const Named zones[] = {
  { "gmt", 0 }, { "ut", 0 }, { "utc", 0 }, { "z", 0 }, { "etc/gmt", 0 }, { "etc/utc", 0 },
  { "est", -300 }, { "edt", -240 }, { "cst", -360 }, { "cdt", -300 },
  { "mst", -420 }, { "mdt", -360 }, { "pst", -480 }, { "pdt", -420 },
  { "at", -240 }, { "et", -300 }, { "ct", -360 }, { "mt", -420 }, { "pt", -480 },
  { "akst", -540 }, { "akdt", -480 }, { "hst", -600 },
  { "bst", 60 }, { "wet", 0 }, { "west", 60 },
  { "cet", 60 }, { "cest", 120 }, { "met", 60 }, { "mest", 120 },
  { "eet", 120 }, { "eest", 180 }, { "msk", 180 }, { "get", 240 }, { "amt", 240 },
  { "ist", 330 }, { "hkt", 480 }, { "sgt", 480 }, { "kst", 540 }, { "jst", 540 },
  { "aest", 600 }, { "aedt", 660 }, { "nzst", 720 }, { "nzdt", 780 },
};

static int
lookup_month (const char *w)
{
  gsize n = strlen (w);

  /* "Jan", "Janu", "January" */
  if (n >= 3)
    for (guint i = 0; i < G_N_ELEMENTS (english_months); i++)
      if (n <= strlen (english_months[i]) && strncmp (english_months[i], w, n) == 0)
        return i + 1;
  for (guint i = 0; i < G_N_ELEMENTS (exact_months); i++)
    if (strcmp (exact_months[i].name, w) == 0)
      return exact_months[i].value;
  if (g_utf8_strlen (w, -1) >= 3)
    for (guint i = 0; i < G_N_ELEMENTS (prefix_months); i++)
      if (g_str_has_prefix (w, prefix_months[i].name))
        return prefix_months[i].value;
  return 0;
}

static gboolean
is_weekday (const char *w)
{
  gsize n = strlen (w);

  if (n >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (english_days); i++)
      if (n >= 3 && strncmp (english_days[i], w, n) == 0)
        return TRUE;
  if (strcmp (w, "thur") == 0 || strcmp (w, "thurs") == 0 || strcmp (w, "tues") == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (other_days); i++)
    if (g_str_has_prefix (w, other_days[i]))
      return TRUE;
  return FALSE;
}

static gboolean
lookup_zone (const char *w, int *minutes)
{
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (strcmp (zones[i].name, w) == 0)
      {
        *minutes = zones[i].value;
        return TRUE;
      }
  return FALSE;
}

/* Numbers ---------------------------------------------------------------- */

/* Reads a run of ASCII digits (at most 9 kept); returns its length. */
static int
read_digits (const char **p, const char *end, int *value)
{
  const char *s = *p;
  int v = 0, n = 0;

  while (s < end && g_ascii_isdigit (*s))
    {
      if (n < 9)
        v = v * 10 + (*s - '0');
      n++;
      s++;
    }
  *p = s;
  *value = v;
  return n;
}

/* "+hh", "+hhmm", "+hh:mm" (also "-"). */
static gboolean
read_offset (const char **p, const char *end, int *minutes)
{
  const char *s = *p;
  int sign, hh, mm = 0, n;

  if (s >= end || (*s != '+' && *s != '-'))
    return FALSE;
  sign = *s == '-' ? -1 : 1;
  s++;
  n = read_digits (&s, end, &hh);
  if (n == 4)
    {
      mm = hh % 100;
      hh /= 100;
    }
  else if (n == 1 || n == 2)
    {
      if (s < end && *s == ':')
        {
          s++;
          if (read_digits (&s, end, &mm) != 2)
            return FALSE;
        }
    }
  else
    return FALSE;
  if (hh > 18 || mm > 59)
    return FALSE;
  *minutes = sign * (hh * 60 + mm);
  *p = s;
  return TRUE;
}

static void
skip_spaces (const char **p, const char *end)
{
  while (*p < end && g_ascii_isspace (**p))
    (*p)++;
}

/* Unix timestamps: 9-10 digits are seconds, 12-13 milliseconds. More
 * digits are no timestamp, and are not added up: 20 overflow a gint64. */
static gint64
parse_unix (const char *s, const char *end)
{
  gint64 v = 0;
  int n = 0;

  for (; s < end && g_ascii_isdigit (*s); s++, n++)
    if (n < 13)
      v = v * 10 + (*s - '0');
  if (s < end && *s == '.')
    for (s++; s < end && g_ascii_isdigit (*s); s++)
      ;
  if (s != end)
    return CLIP_NO_DATE;
  if (n == 9 || n == 10)
    return v;
  if (n == 12 || n == 13)
    return v / 1000;
  return CLIP_NO_DATE;
}

/* W3CDTF / ISO 8601 ------------------------------------------------------ */

static gboolean
iso_month_word (const char **p, const char *end, int *month)
{
  const char *s = *p;
  g_autofree char *folded = NULL;

  while (s < end && *s != '-' && !g_ascii_isdigit (*s) && !g_ascii_isspace (*s))
    s++;
  if (s == *p)
    return FALSE;
  folded = g_utf8_casefold (*p, s - *p);
  *month = lookup_month (folded);
  *p = s;
  return *month != 0;
}

/* "-YYMM", "-YY-MM": two-digit year and month */
static gboolean
iso_year_month (const char **p, const char *end, int *y, int *m)
{
  const char *s = *p + 1;
  int v, n = read_digits (&s, end, &v);

  if (n == 4)
    {
      *y = two_digit_year (v / 100);
      *m = v % 100;
    }
  else if (n == 2 && s < end && *s == '-')
    {
      *y = two_digit_year (v);
      s++;
      if (read_digits (&s, end, m) != 2)
        return FALSE;
    }
  else
    return FALSE;
  *p = s;
  return TRUE;
}

static gboolean
iso_date (const char **p, const char *end, int *y, int *m, int *d)
{
  const char *s = *p;
  int v, n, ordinal = 0;

  *m = 1;
  *d = 1;
  if (*s == '-')
    return iso_year_month (p, end, y, m);
  n = read_digits (&s, end, &v);
  if (n == 8)
    {
      *y = v / 10000;
      *m = v / 100 % 100;
      *d = v % 100;
    }
  else if (n == 7)
    {
      *y = v / 1000;
      ordinal = v % 1000;
    }
  else if (n == 6)
    {
      *y = two_digit_year (v / 10000);
      *m = v / 100 % 100;
      *d = v % 100;
    }
  else if (n == 4 || n == 2)
    {
      *y = n == 2 ? two_digit_year (v) : v;
      if (s < end && *s == '-')
        {
          s++;
          if (s < end && g_ascii_isdigit (*s))
            {
              int k = read_digits (&s, end, &v);

              if (k == 3 && (s >= end || *s != '-'))
                ordinal = v;
              else if (k == 2 || (k == 3 && v < 13))   /* "2003-012-31" */
                *m = v;
              else
                return FALSE;
            }
          else if (!iso_month_word (&s, end, m))
            return FALSE;
          if (ordinal == 0 && s < end && *s == '-')
            {
              s++;
              n = read_digits (&s, end, d);
              if (n < 1 || n > 2)
                return FALSE;
            }
          else if (n == 2 && ordinal == 0)
            return FALSE;   /* "YY-MM" is not a form anyone writes */
        }
      else if (n == 2)
        return FALSE;
    }
  else
    return FALSE;
  if (ordinal)
    {
      if (ordinal < 1 || ordinal > (is_leap (*y) ? 366 : 365))
        return FALSE;
      for (*m = 1; ordinal > days_in_month (*y, *m); (*m)++)
        ordinal -= days_in_month (*y, *m);
      *d = ordinal;
    }
  *p = s;
  return TRUE;
}

static gboolean
iso_time (const char **p, const char *end, int *h, int *mi, int *sec)
{
  const char *s = *p;
  int n = read_digits (&s, end, h);

  *mi = *sec = 0;
  if (n == 4 || n == 6)   /* basic format: hhmm, hhmmss */
    {
      int v = *h;

      if (n == 6)
        {
          *sec = v % 100;
          v /= 100;
        }
      *mi = v % 100;
      *h = v / 100;
    }
  else if (n == 1 || n == 2)
    {
      if (s >= end || *s != ':')
        return FALSE;
      s++;
      if (read_digits (&s, end, mi) != 2)
        return FALSE;
      if (s < end && *s == ':')
        {
          s++;
          if (read_digits (&s, end, sec) != 2)
            return FALSE;
        }
    }
  else
    return FALSE;
  if (s < end && (*s == '.' || *s == ',') && s + 1 < end && g_ascii_isdigit (s[1]))
    {
      int frac;

      s++;
      read_digits (&s, end, &frac);
    }
  *p = s;
  return TRUE;
}

static gint64
parse_iso (const char *s, const char *end, gboolean *matched)
{
  int y, m, d, h = 0, mi = 0, sec = 0, tz = 0;

  *matched = FALSE;
  if (!iso_date (&s, end, &y, &m, &d))
    return CLIP_NO_DATE;
  if (s < end && (*s == 'T' || *s == 't' || *s == ' '))
    {
      s++;
      if (!iso_time (&s, end, &h, &mi, &sec))
        return CLIP_NO_DATE;
      skip_spaces (&s, end);
      if (s < end && (*s == 'Z' || *s == 'z'))
        s++;
      else if (s < end && !read_offset (&s, end, &tz))
        return CLIP_NO_DATE;
    }
  skip_spaces (&s, end);
  if (s != end)
    return CLIP_NO_DATE;
  *matched = TRUE;
  return finish (y, m, d, h, mi, sec, tz);
}

/* Dates written with words ----------------------------------------------- */

typedef struct {
  int  year, month, day;
  int  hour, minute, second;
  int  tz;
  int  nums[3], digits[3], n_nums;
  int  ampm;              /* 0, 1 am, 2 pm */
  gboolean have_time, have_tz, korean;
  gboolean after_zone_word;
} Fields;

static gboolean
word_token (Fields *f, const char *w, const char **p, const char *end)
{
  int v;

  if (strcmp (w, "년") == 0 || strcmp (w, "월") == 0 || strcmp (w, "일") == 0)
    {
      if (f->n_nums == 0)
        return FALSE;
      v = f->nums[--f->n_nums];
      f->korean = TRUE;
      if (strcmp (w, "년") == 0)
        f->year = f->digits[f->n_nums] == 2 ? two_digit_year (v) : v;
      else if (strcmp (w, "월") == 0)
        f->month = v;
      else
        f->day = v;
      return TRUE;
    }
  if (strcmp (w, "오전") == 0 || strcmp (w, "오후") == 0)
    {
      f->korean = TRUE;
      f->ampm = strcmp (w, "오전") == 0 ? 1 : 2;
      return TRUE;
    }
  if (strcmp (w, "am") == 0 || strcmp (w, "pm") == 0)
    {
      f->ampm = w[0] == 'a' ? 1 : 2;
      return TRUE;
    }
  if (f->have_time && !f->have_tz && lookup_zone (w, &f->tz))
    {
      f->have_tz = TRUE;
      /* "GMT-01:01": an offset written right after the zone's name */
      if (f->tz == 0 && *p < end && (**p == '+' || **p == '-'))
        return read_offset (p, end, &f->tz);
      return TRUE;
    }
  if ((v = lookup_month (w)) != 0)
    {
      if (f->month != 0)
        return FALSE;
      f->month = v;
      return TRUE;
    }
  if (is_weekday (w))
    return TRUE;
  return FALSE;
}

/* "18-10-2019", "2006/09/15", "18.10.2019" */
static gboolean
numeric_date (Fields *f, int a, int na, const char **p, const char *end)
{
  const char *s = *p;
  char sep = *s;
  int b, c, nb, nc;

  s++;
  nb = read_digits (&s, end, &b);
  if (nb < 1 || nb > 2 || s >= end || *s != sep)
    return FALSE;
  s++;
  nc = read_digits (&s, end, &c);
  if (f->year || f->month || f->day)
    return FALSE;
  if (na == 4 && nc <= 2)
    {
      f->year = a;
      f->month = b;
      f->day = c;
    }
  else if (nc == 4 && na <= 2)
    {
      f->year = c;
      /* Day first, as Europe writes it, unless that cannot be */
      if (sep == '/' && b <= 12 && a <= 12)
        {
          f->month = a;
          f->day = b;
        }
      else if (b > 12)
        {
          f->month = a;
          f->day = b;
        }
      else
        {
          f->day = a;
          f->month = b;
        }
    }
  else
    return FALSE;
  *p = s;
  return TRUE;
}

static gboolean
clock_time (Fields *f, int h, const char **p, const char *end)
{
  const char *s = *p;
  int parts[2] = { 0, 0 }, n = 0;

  while (s < end && *s == ':')
    {
      int v, k;

      s++;
      k = read_digits (&s, end, &v);
      if (k < 1 || k > 2 || n == 2)
        return FALSE;
      parts[n++] = v;
    }
  if (f->have_time)
    return FALSE;
  if (s < end && *s == '.' && s + 1 < end && g_ascii_isdigit (s[1]))
    {
      int frac;

      s++;
      read_digits (&s, end, &frac);
    }
  f->have_time = TRUE;
  f->hour = h;
  f->minute = parts[0];
  f->second = parts[1];
  *p = s;
  return TRUE;
}

static gboolean
assign_numbers (Fields *f)
{
  int i = 0;

  if (f->day == 0 && f->year == 0)
    {
      if (f->n_nums != 2)
        return FALSE;
      if (f->digits[0] == 4)
        {
          f->year = f->nums[0];
          f->day = f->nums[1];
          if (f->digits[1] > 2)
            return FALSE;
        }
      else
        {
          if (f->digits[0] > 2 || (f->digits[1] != 2 && f->digits[1] != 4))
            return FALSE;
          f->day = f->nums[0];
          f->year = f->digits[1] == 2 ? two_digit_year (f->nums[1]) : f->nums[1];
        }
      return TRUE;
    }
  if (f->year == 0 && f->n_nums == 1)
    {
      if (f->digits[0] != 2 && f->digits[0] != 4)
        return FALSE;
      f->year = f->digits[0] == 2 ? two_digit_year (f->nums[0]) : f->nums[0];
      i++;
    }
  else if (f->day == 0 && f->n_nums == 1)
    {
      if (f->digits[0] > 2)
        return FALSE;
      f->day = f->nums[0];
      i++;
    }
  return i == f->n_nums;
}

static gboolean
read_word (const char **p, const char *end, char *buf, gsize size)
{
  const char *s = *p;

  while (s < end)
    {
      gunichar c = g_utf8_get_char_validated (s, end - s);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;
      if (c == '/' && s + 1 < end && g_ascii_isalpha (s[1]) && s > *p)
        {
          s++;
          continue;
        }
      if (!g_unichar_isalpha (c) && c != '.')
        break;
      s = g_utf8_next_char (s);
    }
  if ((gsize) (s - *p) >= size)
    return FALSE;
  {
    gboolean ascii = TRUE;

    for (const char *q = *p; q < s; q++)
      ascii = ascii && (guchar) *q < 0x80 && *q != '.';
    if (ascii)
      {
        /* "Thu", "Jan", "GMT": no need for Unicode case folding */
        for (const char *q = *p; q < s; q++)
          buf[q - *p] = g_ascii_tolower (*q);
        buf[s - *p] = '\0';
        if (s == *p)
          return FALSE;
        *p = s;
        return TRUE;
      }
  }
  {
    g_autofree char *folded = g_utf8_casefold (*p, s - *p);
    gsize n = strlen (folded);

    /* "p.m.", "Sept." */
    while (n > 0 && folded[n - 1] == '.')
      folded[--n] = '\0';
    if (n == 0 || n >= size || strchr (folded, '.') != NULL)
      {
        if (g_strcmp0 (folded, "a.m") == 0 || g_strcmp0 (folded, "p.m") == 0)
          {
            g_strlcpy (buf, folded[0] == 'a' ? "am" : "pm", size);
            *p = s;
            return TRUE;
          }
        return FALSE;
      }
    memcpy (buf, folded, n + 1);
  }
  *p = s;
  return TRUE;
}

static gint64
parse_words (const char *s, const char *end)
{
  Fields f = { 0 };

  while (s < end)
    {
      char c = *s;

      if (g_ascii_isspace (c) || c == ',')
        s++;
      else if (g_ascii_isdigit (c))
        {
          int v, n = read_digits (&s, end, &v);

          if (s < end && *s == ':')
            {
              if (n > 2 || !clock_time (&f, v, &s, end))
                return CLIP_NO_DATE;
            }
          else if (s < end && (*s == '-' || *s == '/' || *s == '.') &&
                   s + 1 < end && g_ascii_isdigit (s[1]))
            {
              if (!numeric_date (&f, v, n, &s, end))
                return CLIP_NO_DATE;
            }
          else
            {
              if (f.n_nums == 3 || n > 4)
                return CLIP_NO_DATE;
              f.nums[f.n_nums] = v;
              f.digits[f.n_nums++] = n;
            }
        }
      else if (c == '+' || c == '-')
        {
          if (!f.have_time || f.have_tz || !read_offset (&s, end, &f.tz))
            return CLIP_NO_DATE;
          f.have_tz = TRUE;
        }
      else
        {
          char word[32];

          if (!read_word (&s, end, word, sizeof word) || !word_token (&f, word, &s, end))
            return CLIP_NO_DATE;
        }
    }
  if (!assign_numbers (&f) || f.month == 0)
    return CLIP_NO_DATE;
  if (f.ampm != 0)
    {
      if (!f.have_time || f.hour < 1 || f.hour > 12)
        return CLIP_NO_DATE;
      if (f.ampm == 1 && f.hour == 12)
        f.hour = 0;
      else if (f.ampm == 2 && f.hour < 12)
        f.hour += 12;
    }
  if (f.korean && !f.have_tz)
    f.tz = 9 * 60;   /* Korean sites write Korean time */
  return finish (f.year, f.month, f.day, f.hour, f.minute, f.second, f.tz);
}

gint64
clip_date_parse (const char *text, gssize len)
{
  const char *s, *end;
  gboolean matched;
  gint64 t;

  if (text == NULL)
    return CLIP_NO_DATE;
  if (len < 0)
    len = strlen (text);
  s = text;
  end = text + len;
  while (s < end && g_ascii_isspace (*s))
    s++;
  while (end > s && g_ascii_isspace (end[-1]))
    end--;
  if (s == end || end - s > MAX_DATE_LEN)
    return CLIP_NO_DATE;

  if (g_ascii_isdigit (*s))
    {
      t = parse_unix (s, end);
      if (t != CLIP_NO_DATE)
        return t;
    }
  if (g_ascii_isdigit (*s) || *s == '-')
    {
      t = parse_iso (s, end, &matched);
      if (matched)
        return t;
    }
  return parse_words (s, end);
}
