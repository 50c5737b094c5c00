/* clip-sidebar-row.h — the sidebar's rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clip-sidebar.h"

G_BEGIN_DECLS

/* What a row keeps (g_object_get_data keys). */
#define CLIP_ROW_KIND   "clip-kind"
#define CLIP_ROW_ID     "clip-outlet-id"
#define CLIP_ROW_GROUP  "clip-group"
#define CLIP_ROW_TITLE  "clip-title"
#define CLIP_ROW_COUNT  "clip-count-label"
#define CLIP_ROW_ERROR  "clip-error"
#define CLIP_ROW_NAME   "clip-name-label"
#define CLIP_ROW_WARN   "clip-warn-image"
#define CLIP_ROW_SHOWN  "clip-count-shown"
#define CLIP_ROW_TAG    "clip-tag"

/* A row of kind for outlet_id (a rule's id for a rule); icon_name,
 * group and error may be NULL. */
GtkWidget      *clip_sidebar_row_new        (ClipSourceKind  kind,
                                             gint64          outlet_id,
                                             const char     *icon_name,
                                             const char     *title,
                                             gint64          count,
                                             const char     *group,
                                             const char     *error);
/* Each changes the row only when the value differs from the one shown. */
void            clip_sidebar_row_set_count  (GtkWidget      *row,
                                             gint64          count);
void            clip_sidebar_row_set_title  (GtkWidget      *row,
                                             const char     *title);
void            clip_sidebar_row_set_error  (GtkWidget      *row,
                                             const char     *error);
ClipSourceKind  clip_sidebar_row_kind       (GtkListBoxRow  *row);
gint64          clip_sidebar_row_outlet_id  (GtkListBoxRow  *row);
/* A section's heading (Rules, Outlets, a group's name). */
GtkWidget      *clip_sidebar_header_new     (const char     *text);

G_END_DECLS
