/* clip-date.h — dates as feeds write them, read into Unix seconds (UTC)
 *
 * Reads RFC 822/1123 and its real-world variants (long month names, extra
 * commas, two-digit years, North American zone names, day and month
 * swapped), W3CDTF/ISO 8601 (also basic format and two-digit years),
 * asctime, Unix timestamps, Korean, Greek, Hungarian, Russian and Georgian
 * month names, and the forms Georgian outlets use ("18-10-2019 18:45
 * +0400", "16 June, 2017 16:50", "27 November 2024, 00:32"). A time with
 * no zone is taken as UTC.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Unix seconds (UTC), or CLIP_NO_DATE when text is not a date that can be
 * read entirely (never 1970, never "now"). len may be -1. */
gint64 clip_date_parse (const char *text,
                        gssize      len);

/* Seconds since 1970 for a proleptic Gregorian date and time in UTC, or
 * CLIP_NO_DATE when a field is out of range. Years 1 to 9999. */
gint64 clip_date_from_civil (int year,
                             int month,
                             int day,
                             int hour,
                             int minute,
                             int second);

G_END_DECLS
