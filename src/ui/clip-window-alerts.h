/* clip-window-alerts.h — the Rules page and the Alerts view in the main
 * window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-article-view.h"
#include "clip-window.h"

G_BEGIN_DECLS

/* Adds to window (once its archive is open): the pages "rules" and
 * "alerts" of its main stack; at the foot of its sidebar, rows for them
 * (Alerts with the unread count); and the actions win.show-rules,
 * win.show-alerts, win.show-rule (x: rule id) and win.open-article
 * (x: article id), which the notifications' app actions call. */
void clip_window_alerts_install (ClipWindow *window);
/* When the window goes (its dispose): its signals, actions and polling
 * go first, so that nothing of it runs into a window being torn down. */
void clip_window_alerts_uninstall (ClipWindow *window);
void             clip_window_alerts_install      (ClipWindow *window);
/* The Alerts view's reading view (NULL before install). */
ClipArticleView *clip_window_alerts_article_view (ClipWindow *window);
/* An article marked read or unread elsewhere: its alerts' rows. */
void             clip_window_alerts_article_read (ClipWindow *window,
                                                  gint64      article_id,
                                                  gboolean    read);
/* Alerts changed elsewhere: the counts, in the sidebar and the view. */
void             clip_window_alerts_changed      (ClipWindow *window);

G_END_DECLS
