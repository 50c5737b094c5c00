/* clip-format.c — dates, times and counts in the analyst's locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-format.h"
#include "clip-article.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

ClipDateOrder
clip_format_order_of (const char *fmt)
{
  int day = -1, month = -1, year = -1;

  for (int i = 0; fmt[i]; i++)
    {
      const char *c;

      if (fmt[i] != '%' || !fmt[i + 1])
        continue;
      /* Skip modifiers: %Ey, %Od, %-d. */
      c = &fmt[i + 1];
      while (*c && strchr ("EO-_0^#", *c))
        c++;
      if (*c == 'D')
        return CLIP_DATE_MDY;
      if (*c == 'F')
        return CLIP_DATE_YMD;
      if (strchr ("de", *c) && day < 0)
        day = i;
      else if (strchr ("mbBh", *c) && month < 0)
        month = i;
      else if (strchr ("yYCG", *c) && year < 0)
        year = i;
    }
  if (year >= 0 && year < month && year < day)
    return CLIP_DATE_YMD;
  if (month >= 0 && day >= 0 && month < day)
    return CLIP_DATE_MDY;
  return CLIP_DATE_DMY;
}

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX") ||
         g_str_has_prefix (name, "C.");
}

void
clip_format_style_for_locale (ClipFormatStyle *style)
{
  const struct lconv *conv = localeconv ();
  const char *t_fmt = nl_langinfo (T_FMT);
  const char *time_locale = setlocale (LC_TIME, NULL);

  memset (style, 0, sizeof *style);
  if (is_c_locale (time_locale))
    style->order = CLIP_DATE_DMY;
  else
    {
      style->order = clip_format_order_of (nl_langinfo (D_FMT));
      /* glibc's ka_GE has the US order (%m/%d/%Y); Georgian writes the
       * day first ("7 დეკ. 2026", as CLDR has it). */
      if (g_str_has_prefix (time_locale, "ka_") || g_str_equal (time_locale, "ka"))
        style->order = CLIP_DATE_DMY;
      style->clock_12h = strstr (t_fmt, "%I") || strstr (t_fmt, "%l") || strstr (t_fmt, "%r");
    }
  if (conv->thousands_sep && *conv->thousands_sep && conv->grouping &&
      conv->grouping[0] > 0 && conv->grouping[0] != CHAR_MAX &&
      strlen (conv->thousands_sep) < sizeof style->thousands)
    {
      g_strlcpy (style->thousands, conv->thousands_sep, sizeof style->thousands);
      style->group = (guint) conv->grouping[0];
    }
}

static const ClipFormatStyle *
style_or_locale (const ClipFormatStyle *style,
                 ClipFormatStyle       *storage)
{
  if (style != NULL)
    return style;
  clip_format_style_for_locale (storage);
  return storage;
}

static GDateTime *
date_time (gint64     t,
           GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = NULL;

  if (t == CLIP_NO_DATE || !(utc = g_date_time_new_from_unix_utc (t)))
    return NULL;
  if (tz == NULL)
    return g_date_time_to_local (utc);
  return g_date_time_to_timezone (utc, tz);
}

/* GLib's %-d and %-I do not pad: no "Monday  7 December" as %e gave. */
static const char *
clock_format (const ClipFormatStyle *style)
{
  return style->clock_12h ? "%-I:%M %p" : "%H:%M";
}

/* A format of a date (with or without the year, with the month's short
 * or full name) and, when with_time, the time after it. */
static char *
date_format (const ClipFormatStyle *style,
             gboolean               year,
             gboolean               full_month,
             gboolean               with_time)
{
  const char *m = full_month ? "%B" : "%b";
  const char *clock = clock_format (style);
  g_autofree char *date = NULL;

  switch (style->order)
    {
    case CLIP_DATE_YMD:
      date = g_strdup (year ? "%Y-%m-%d" : "%m-%d");
      break;
    case CLIP_DATE_MDY:
      date = g_strdup_printf (year ? "%s %%-d, %%Y" : "%s %%-d", m);
      break;
    case CLIP_DATE_DMY:
    default:
      date = g_strdup_printf (year ? "%%-d %s %%Y" : "%%-d %s", m);
      break;
    }
  if (!with_time)
    return g_steal_pointer (&date);
  /* "Dec 7, 2026, 2:05 PM", "7 Dec 2026, 14:05", "29 Oct 22:48",
   * "2026-12-07 14:05". */
  return g_strdup_printf ("%s%s%s", date,
                          style->order != CLIP_DATE_YMD && (year || style->order == CLIP_DATE_MDY)
                          ? ", " : " ", clock);
}

char *
clip_format_time_short (gint64                 t,
                        gint64                 now,
                        GTimeZone             *tz,
                        const ClipFormatStyle *style)
{
  ClipFormatStyle storage;
  g_autoptr(GDateTime) dt = date_time (t, tz);
  g_autoptr(GDateTime) n = date_time (now, tz);
  g_autofree char *format = NULL;

  if (dt == NULL)
    return g_strdup ("");
  style = style_or_locale (style, &storage);
  if (n != NULL && g_date_time_get_year (dt) == g_date_time_get_year (n) &&
      g_date_time_get_day_of_year (dt) == g_date_time_get_day_of_year (n))
    return g_date_time_format (dt, clock_format (style));
  if (n != NULL && g_date_time_get_year (dt) == g_date_time_get_year (n))
    format = date_format (style, FALSE, FALSE, TRUE);
  else
    format = date_format (style, TRUE, FALSE, FALSE);
  return g_date_time_format (dt, format);
}

char *
clip_format_time_full (gint64                 t,
                       gboolean               weekday,
                       GTimeZone             *tz,
                       const ClipFormatStyle *style)
{
  ClipFormatStyle storage;
  g_autoptr(GDateTime) dt = date_time (t, tz);
  g_autofree char *format = NULL;

  if (dt == NULL)
    return g_strdup ("");
  style = style_or_locale (style, &storage);
  format = date_format (style, TRUE, style->order != CLIP_DATE_YMD, TRUE);
  if (weekday)
    {
      /* "Monday, Dec 7…" reads as a list in English; "Monday 7 Dec…" not. */
      char *with = g_strconcat (style->order == CLIP_DATE_MDY ? "%A, " : "%A ", format, NULL);

      g_free (format);
      format = with;
    }
  return g_date_time_format (dt, format);
}

char *
clip_format_day (gint64                 t,
                 GTimeZone             *tz,
                 const ClipFormatStyle *style)
{
  ClipFormatStyle storage;
  g_autoptr(GDateTime) dt = date_time (t, tz);
  g_autofree char *format = NULL;

  if (dt == NULL)
    return g_strdup ("");
  style = style_or_locale (style, &storage);
  format = date_format (style, TRUE, FALSE, FALSE);
  return g_date_time_format (dt, format);
}

char *
clip_format_clock (guint                  hour,
                   guint                  minute,
                   const ClipFormatStyle *style)
{
  ClipFormatStyle storage;
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, 1, 1, MIN (hour, 23), MIN (minute, 59), 0);

  style = style_or_locale (style, &storage);
  return g_date_time_format (dt, clock_format (style));
}

char *
clip_format_count (gint64                 n,
                   const ClipFormatStyle *style)
{
  ClipFormatStyle storage;
  char digits[32];
  GString *s = g_string_new (NULL);
  guint len;

  style = style_or_locale (style, &storage);
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT,
              n < 0 ? (guint64) -(n + 1) + 1 : (guint64) n);
  len = strlen (digits);
  if (n < 0)
    g_string_append_c (s, '-');
  for (guint i = 0; i < len; i++)
    {
      if (i > 0 && style->group > 0 && *style->thousands && (len - i) % style->group == 0)
        g_string_append (s, style->thousands);
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}
