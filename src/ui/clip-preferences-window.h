/* clip-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLIP_TYPE_PREFERENCES_WINDOW (clip_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ClipPreferencesWindow, clip_preferences_window, CLIP, PREFERENCES_WINDOW, AdwPreferencesWindow)

ClipPreferencesWindow *clip_preferences_window_new (GSettings *settings);

/* "HH:MM" for minutes after midnight, and back (-1 when unreadable). */
char *clip_preferences_format_time (guint       minutes);
int   clip_preferences_parse_time  (const char *text);

G_END_DECLS
