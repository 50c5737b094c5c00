/* clip-stories-rows.h — the Stories view's rows and labels: a story's
 * line ("7 Dec 14:05 · first: Civil.ge · 5 articles"), its reach, an
 * article of a timeline, a story to merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clip-stories.h"

G_BEGIN_DECLS

/* Removes every child of a GtkListBox or GtkBox. */
void       clip_stories_clear_box   (GtkWidget              *box);
/* A label aligned at the start, wrapped or ellipsized. */
GtkWidget *clip_stories_label_new   (const char             *text,
                                     const char             *css_class,
                                     gboolean                wrap);
char      *clip_stories_meta_text   (const ClipStory        *story);
char      *clip_stories_reach_text  (const ClipStory        *story);
/* An article of the timeline, with what it copies (original: NULL if
 * none or unknown) and its Move Out button (action stories.split). */
GtkWidget *clip_stories_entry_box   (const ClipStoryArticle *article,
                                     const ClipStoryArticle *original);
GtkWidget *clip_stories_merge_row   (const ClipStory        *story);

G_END_DECLS
