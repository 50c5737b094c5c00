/* clip-sidebar.h — what the article list shows: all, unread, flagged,
 * or one outlet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-store-listing.h"

G_BEGIN_DECLS

typedef enum {
  CLIP_SOURCE_ALL,
  CLIP_SOURCE_UNREAD,
  CLIP_SOURCE_FLAGGED,
  CLIP_SOURCE_OUTLET,
  CLIP_SOURCE_RULE,
  CLIP_SOURCE_TAG,
} ClipSourceKind;

#define CLIP_TYPE_SIDEBAR (clip_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (ClipSidebar, clip_sidebar, CLIP, SIDEBAR, AdwBin)

GtkWidget      *clip_sidebar_new          (void);
/* outlets: ClipOutlet*s sorted by group then name. The selection is kept
 * when its source is still listed; counts stay as last set. */
void            clip_sidebar_set_outlets  (ClipSidebar             *self,
                                           GPtrArray               *outlets);
/* rules: ClipRule*s (id, name); a row each, between the views and the
 * outlets, coloured by clip_article_table_rule_class(). Copied. */
void            clip_sidebar_set_rules    (ClipSidebar             *self,
                                           GPtrArray               *rules);
/* tags: ClipTagCount*s by name; a row each (with its article count),
 * after the rules. Copied. */
void            clip_sidebar_set_tags     (ClipSidebar             *self,
                                           GPtrArray               *tags);
/* The tag shown (CLIP_SOURCE_TAG), or NULL. */
const char     *clip_sidebar_get_selected_tag (ClipSidebar         *self);
void            clip_sidebar_select_tag   (ClipSidebar             *self,
                                           const char              *tag);
/* The unread and flagged counts, as clip_store_count_views() has them. */
void            clip_sidebar_set_counts   (ClipSidebar             *self,
                                           const ClipViewCounts    *counts);
/* id: the outlet's or the rule's, for those kinds. */
ClipSourceKind  clip_sidebar_get_selected (ClipSidebar             *self,
                                           gint64                  *id);
const char     *clip_sidebar_get_selected_title (ClipSidebar       *self);
/* The selected outlet's last fetch error, or NULL. */
const char     *clip_sidebar_get_selected_error (ClipSidebar       *self);
void            clip_sidebar_select       (ClipSidebar             *self,
                                           ClipSourceKind           kind,
                                           gint64                   id);
guint           clip_sidebar_get_n_outlets (ClipSidebar            *self);
/* Rows have a context menu (right click, the Menu key, Shift+F10) with
 * the window's actions on what they show: outlets (win.edit-outlet,
 * win.refresh-outlet, win.stop-outlet / win.resume-outlet,
 * win.remove-outlet, by id), rules (win.show-rule, win.read-rule,
 * win.show-rules) and tags (win.rename-tag, win.remove-tag, by name).
 * Shows it for the selected row, as the Menu key does. */
void            clip_sidebar_popup_menu   (ClipSidebar             *self);

G_END_DECLS
