/* clip-format.h — dates, times and counts as the analyst's locale writes
 * them: one helper for every view, the CLI's text and the reports (data
 * files, CSV and JSON, keep ISO 8601)
 *
 * Dates always name their month ("7 Dec 2026", "Dec 7, 2026"), or are
 * ISO 8601 in locales that write the year first: never 12/07/26, which
 * reads as July in one country and December in the next. The locale
 * (LC_TIME) gives the order of day, month and year and the 12- or 24-hour
 * clock, GDateTime the names; LC_NUMERIC the thousands separator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CLIP_DATE_DMY,      /* 7 Dec 2026 */
  CLIP_DATE_MDY,      /* Dec 7, 2026 */
  CLIP_DATE_YMD,      /* 2026-12-07 */
} ClipDateOrder;

typedef struct {
  ClipDateOrder order;
  gboolean      clock_12h;
  char          thousands[8];   /* separator, UTF-8; "" for none */
  guint         group;          /* digits in a group; 0 for none */
} ClipFormatStyle;

/* The order of day, month and year in a strftime date format, as the
 * locale's numeric one (en_US "%m/%d/%y", en_GB "%d/%m/%Y", ja
 * "%Y年%m月%d日"); day first when it does not say. */
ClipDateOrder clip_format_order_of (const char            *strftime_date);

/* The current locale's style. The C locale, which states no preference,
 * gets day, month, year and a 24-hour clock. Every function below uses it
 * when given no style. */
void  clip_format_style_for_locale (ClipFormatStyle       *style);

/* For a list row: today's (in tz, by now) as a time ("14:05"), this
 * year's as a day and month with the time ("29 Oct 22:48"), older ones
 * as a date with the year ("7 Dec 2025"). "" for CLIP_NO_DATE. tz NULL is
 * local time; now is Unix seconds. */
char *clip_format_time_short      (gint64                 t,
                                   gint64                 now,
                                   GTimeZone             *tz,
                                   const ClipFormatStyle *style);
/* In full, for a heading or a report: "Monday 7 December 2026, 14:05"
 * (without the weekday unless asked). "" for CLIP_NO_DATE. */
char *clip_format_time_full       (gint64                 t,
                                   gboolean               weekday,
                                   GTimeZone             *tz,
                                   const ClipFormatStyle *style);
/* A day: "7 Dec 2026". "" for CLIP_NO_DATE. */
char *clip_format_day             (gint64                 t,
                                   GTimeZone             *tz,
                                   const ClipFormatStyle *style);
/* A time of day: "07:30", or "7:30 AM" on a 12-hour clock. */
char *clip_format_clock           (guint                  hour,
                                   guint                  minute,
                                   const ClipFormatStyle *style);
/* A count with the locale's thousands separators: "150,000",
 * "150 000", "150000" (the C locale). */
char *clip_format_count           (gint64                 n,
                                   const ClipFormatStyle *style);

G_END_DECLS
