/* clip-alerts-view.h — the alert inbox: alerts grouped by rule, the most
 * severe first; open (beside the list, or in its place when narrow),
 * mark read, mark all read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-article-view.h"
#include "clip-commands.h"
#include "clip-store.h"

G_BEGIN_DECLS

/* Alerts shown per rule before "Show More". */
#define CLIP_ALERTS_VIEW_PAGE 20
/* The most one "Show More" adds (each adds three times the rows shown). */
#define CLIP_ALERTS_VIEW_MORE_MAX 500

#define CLIP_TYPE_ALERTS_VIEW (clip_alerts_view_get_type ())
G_DECLARE_FINAL_TYPE (ClipAlertsView, clip_alerts_view, CLIP, ALERTS_VIEW, AdwBin)

GtkWidget *clip_alerts_view_new          (void);
/* A connection for reading (writes open their own). */
void       clip_alerts_view_set_store    (ClipAlertsView *self,
                                          ClipStore      *store,
                                          ClipCommands   *commands);
void       clip_alerts_view_reload       (ClipAlertsView *self);
/* Only this rule's alerts (0: every rule's). */
void       clip_alerts_view_show_rule    (ClipAlertsView *self,
                                          gint64          rule_id);
/* Shows the article beside the list (in its place when narrow) and marks
 * it and its alerts read. */
void       clip_alerts_view_open_article (ClipAlertsView *self,
                                          gint64          article_id);
/* The article was marked read or unread elsewhere: its rows, on screen. */
void       clip_alerts_view_article_read (ClipAlertsView *self,
                                          gint64          article_id,
                                          gboolean        read);
/* The unread counts, read again (after a change made elsewhere). */
void       clip_alerts_view_refresh_counts (ClipAlertsView *self);
/* The reading view of the article opened. */
ClipArticleView *clip_alerts_view_get_article_view (ClipAlertsView *self);
/* Where the width of the list is kept ("alerts-list-width"); dragging the
 * article's edge changes it. */
void       clip_alerts_view_set_settings (ClipAlertsView *self,
                                          GSettings      *settings);
/* Unread alerts, as last read from the archive. */
gint64     clip_alerts_view_get_unread   (ClipAlertsView *self);

/* Signals: "back"; "unread-changed" (gint64 unread alerts);
 * "article-read" (gint64 article id, gboolean read): marked on screen,
 * the archive follows; "changed": a change asked for is written. */

G_END_DECLS
