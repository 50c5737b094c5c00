/* test-format.c — dates, times and counts for people (clip-format.h):
 * with a fixed time zone, a fixed "now" and each locale order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-format.h"
#include "clip-article.h"
#include "clip-test-util.h"

#include <locale.h>
#include <string.h>

/* Monday 7 December 2026, 10:00 UTC: 14:00 in Tbilisi (UTC+4). */
#define NOW 1796637600

static const ClipFormatStyle dmy = { CLIP_DATE_DMY, FALSE, ",", 3 };
static const ClipFormatStyle mdy = { CLIP_DATE_MDY, TRUE, ",", 3 };
static const ClipFormatStyle ymd = { CLIP_DATE_YMD, FALSE, "\u202f", 3 };

static GTimeZone *
tbilisi (void)
{
  return g_time_zone_new_offset (4 * 3600);
}

/* Nothing a reader could take for another date: no all-digit day/month,
 * no doubled or leading space. */
static void
assert_readable (const char *s)
{
  g_assert_null (strstr (s, "  "));
  g_assert_false (g_ascii_isspace (s[0]));
  g_assert_null (strchr (s, '/'));
}

static void
check (char *got, const char *want)
{
  assert_readable (got);
  g_assert_cmpstr (got, ==, want);
  g_free (got);
}

static void
test_short (void)
{
  g_autoptr(GTimeZone) tz = tbilisi ();
  gint64 today = NOW + 3600 + 300;              /* 15:05 there */
  gint64 this_year = 1793299680;                /* 29 Oct 2026 22:48 there */
  gint64 last_year = NOW - 365 * 86400;         /* 7 Dec 2025 */
  gint64 late_night = NOW - 14 * 3600 - 60;     /* 23:59 the day before, there */

  check (clip_format_time_short (today, NOW, tz, &dmy), "15:05");
  check (clip_format_time_short (this_year, NOW, tz, &dmy), "29 Oct 22:48");
  check (clip_format_time_short (last_year, NOW, tz, &dmy), "7 Dec 2025");
  check (clip_format_time_short (late_night, NOW, tz, &dmy), "6 Dec 23:59");
  check (clip_format_time_short (today, NOW, tz, &mdy), "3:05 PM");
  check (clip_format_time_short (this_year, NOW, tz, &mdy), "Oct 29, 10:48 PM");
  check (clip_format_time_short (last_year, NOW, tz, &mdy), "Dec 7, 2025");
  check (clip_format_time_short (this_year, NOW, tz, &ymd), "10-29 22:48");
  check (clip_format_time_short (last_year, NOW, tz, &ymd), "2025-12-07");
  /* Today is the zone's: twelve hours west of UTC it is still the 6th. */
  {
    g_autoptr(GTimeZone) west = g_time_zone_new_offset (-12 * 3600);
    check (clip_format_time_short (late_night, NOW, west, &dmy), "07:59");
  }
  check (clip_format_time_short (CLIP_NO_DATE, NOW, tz, &dmy), "");
}

static void
test_full (void)
{
  g_autoptr(GTimeZone) tz = tbilisi ();
  gint64 t = NOW - 7 * 86400 + 300;             /* Monday 30 Nov 2026, 14:05 there */

  check (clip_format_time_full (t, TRUE, tz, &dmy), "Monday 30 November 2026, 14:05");
  check (clip_format_time_full (t, FALSE, tz, &dmy), "30 November 2026, 14:05");
  check (clip_format_time_full (t, TRUE, tz, &mdy), "Monday, November 30, 2026, 2:05 PM");
  check (clip_format_time_full (t, FALSE, tz, &ymd), "2026-11-30 14:05");
  check (clip_format_day (t, tz, &dmy), "30 Nov 2026");
  check (clip_format_day (t, tz, &mdy), "Nov 30, 2026");
  check (clip_format_day (t, tz, &ymd), "2026-11-30");
  check (clip_format_time_full (CLIP_NO_DATE, TRUE, tz, &dmy), "");
  check (clip_format_clock (7, 30, &dmy), "07:30");
  check (clip_format_clock (19, 5, &mdy), "7:05 PM");
}

static void
test_count (void)
{
  static const ClipFormatStyle none = { CLIP_DATE_DMY, FALSE, "", 0 };
  g_autofree char *a = clip_format_count (150000, &dmy);
  g_autofree char *b = clip_format_count (1234567, &ymd);
  g_autofree char *c = clip_format_count (999, &dmy);
  g_autofree char *d = clip_format_count (-1000, &dmy);
  g_autofree char *e = clip_format_count (150000, &none);
  g_autofree char *f = clip_format_count (G_MININT64, &dmy);
  g_autofree char *g = clip_format_count (0, &dmy);

  g_assert_cmpstr (a, ==, "150,000");
  g_assert_cmpstr (b, ==, "1\u202f234\u202f567");
  g_assert_cmpstr (c, ==, "999");
  g_assert_cmpstr (d, ==, "-1,000");
  g_assert_cmpstr (e, ==, "150000");
  g_assert_cmpstr (f, ==, "-9,223,372,036,854,775,808");
  g_assert_cmpstr (g, ==, "0");
}

/* The locale gives the style; the C locale (no preference) day first. A
 * real locale is checked where the system has it compiled. */
static void
test_locale (void)
{
  ClipFormatStyle style;
  const struct { const char *name; ClipDateOrder order; gboolean h12; const char *sep; } cases[] = {
    { "en_US.UTF-8", CLIP_DATE_MDY, TRUE, "," },
    { "en_GB.UTF-8", CLIP_DATE_DMY, FALSE, "," },
    { "ru_RU.UTF-8", CLIP_DATE_DMY, FALSE, NULL },
    { "ja_JP.UTF-8", CLIP_DATE_YMD, FALSE, "," },
  };

  /* Locales' own numeric formats (glibc's D_FMT). */
  g_assert_cmpint (clip_format_order_of ("%m/%d/%y"), ==, CLIP_DATE_MDY);     /* en_US */
  g_assert_cmpint (clip_format_order_of ("%d/%m/%y"), ==, CLIP_DATE_DMY);     /* en_GB */
  g_assert_cmpint (clip_format_order_of ("%d.%m.%Y"), ==, CLIP_DATE_DMY);     /* ru, de */
  g_assert_cmpint (clip_format_order_of ("%Y年%m月%d日"), ==, CLIP_DATE_YMD);  /* ja */
  g_assert_cmpint (clip_format_order_of ("%Y-%m-%d"), ==, CLIP_DATE_YMD);     /* sv */
  g_assert_cmpint (clip_format_order_of ("%D"), ==, CLIP_DATE_MDY);
  g_assert_cmpint (clip_format_order_of ("%F"), ==, CLIP_DATE_YMD);
  g_assert_cmpint (clip_format_order_of ("%-m/%-d/%Ey"), ==, CLIP_DATE_MDY);
  g_assert_cmpint (clip_format_order_of (""), ==, CLIP_DATE_DMY);

  setlocale (LC_ALL, "C.UTF-8");
  clip_format_style_for_locale (&style);
  g_assert_cmpint (style.order, ==, CLIP_DATE_DMY);
  g_assert_false (style.clock_12h);
  g_assert_cmpstr (style.thousands, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (setlocale (LC_ALL, cases[i].name) == NULL)
        {
          g_test_message ("%s is not available here", cases[i].name);
          continue;
        }
      clip_format_style_for_locale (&style);
      g_assert_cmpint (style.order, ==, cases[i].order);
      g_assert_cmpint (style.clock_12h, ==, cases[i].h12);
      if (cases[i].sep != NULL)
        g_assert_cmpstr (style.thousands, ==, cases[i].sep);
      else
        g_assert_cmpstr (style.thousands, !=, "");
    }
  setlocale (LC_ALL, "C.UTF-8");
}

/* Georgian and Ukrainian, their locales compiled here (localedef and
 * Debian's locale sources) when the system has none: the day first (glibc's
 * ka_GE says month first, which Georgian does not write), the month's
 * name in the language, digits grouped with the locale's separator. */
static void
test_locale_ka_uk (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("clippings-locale-XXXXXX", NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const gint64 t = 1796652300;  /* Monday 7 December 2026, 14:05 UTC */
  const struct { const char *source, *day, *full, *count; } cases[] = {
    { "ka_GE", "7 დეკ 2026", "ორშაბათი 7 დეკემბერი 2026, 14:05", "1.234.567" },
    { "uk_UA", "7 гру 2026", "понеділок 7 грудня 2026, 14:05", "1\u202f234\u202f567" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strconcat (cases[i].source, ".UTF-8", NULL);
      g_autofree char *out = g_build_filename (tmp, name, NULL);
      const char *argv[] = { "localedef", "-i", cases[i].source, "-f", "UTF-8", out, NULL };
      g_autofree char *day = NULL, *full = NULL, *count = NULL;
      ClipFormatStyle style;

      g_setenv ("LOCPATH", tmp, TRUE);
      if (setlocale (LC_ALL, name) == NULL &&
          (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                          G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, NULL) ||
           setlocale (LC_ALL, name) == NULL))
        {
          g_test_message ("%s cannot be made here (localedef, Debian's locales)", name);
          continue;
        }
      clip_format_style_for_locale (&style);
      g_assert_cmpint (style.order, ==, CLIP_DATE_DMY);
      g_assert_false (style.clock_12h);
      day = clip_format_day (t, utc, NULL);
      full = clip_format_time_full (t, TRUE, utc, NULL);
      count = clip_format_count (1234567, NULL);
      g_assert_cmpstr (day, ==, cases[i].day);
      g_assert_cmpstr (full, ==, cases[i].full);
      g_assert_cmpstr (count, ==, cases[i].count);
    }
  g_unsetenv ("LOCPATH");
  setlocale (LC_ALL, "C.UTF-8");
  clip_test_rm_rf (tmp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/short", test_short);
  g_test_add_func ("/format/full", test_full);
  g_test_add_func ("/format/count", test_count);
  g_test_add_func ("/format/locale", test_locale);
  g_test_add_func ("/format/locale-ka-uk", test_locale_ka_uk);
  return g_test_run ();
}
