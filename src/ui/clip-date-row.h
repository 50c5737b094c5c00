/* clip-date-row.h — an entry row for a day, checked as it is typed, with
 * a calendar to pick one from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLIP_TYPE_DATE_ROW (clip_date_row_get_type ())
G_DECLARE_FINAL_TYPE (ClipDateRow, clip_date_row, CLIP, DATE_ROW, AdwEntryRow)

/* The row's time (Unix seconds; 0 when empty): the start of its day, or
 * with end_of_day set the start of the next one. FALSE with a message
 * when the text is not a date (as clip_export_parse_date reads it). */
gboolean clip_date_row_get_time      (ClipDateRow *self,
                                      gint64      *t,
                                      GError     **error);
void     clip_date_row_set_end_of_day (ClipDateRow *self,
                                      gboolean     end_of_day);
/* Shows day (local; NULL: empty) as YYYY-MM-DD. */
void     clip_date_row_set_day        (ClipDateRow *self,
                                      GDateTime   *day);
/* The calendar's button, for tests. */
GtkWidget *clip_date_row_get_calendar (ClipDateRow *self);

G_END_DECLS
