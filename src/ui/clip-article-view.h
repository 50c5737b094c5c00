/* clip-article-view.h — the reading view: an article with its rules'
 * matches highlighted, and the analyst's note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-commands.h"
#include "clip-store.h"

G_BEGIN_DECLS

#define CLIP_TYPE_ARTICLE_VIEW (clip_article_view_get_type ())
G_DECLARE_FINAL_TYPE (ClipArticleView, clip_article_view, CLIP, ARTICLE_VIEW, AdwBin)

GtkWidget         *clip_article_view_new          (void);
/* The window's reader connection, and the commands that change the
 * note and tags. */
void               clip_article_view_set_store    (ClipArticleView *self,
                                                   ClipStore       *reader,
                                                   ClipCommands    *commands);
/* rules: ClipRule*s for names and colours; copied. */
void               clip_article_view_set_rules    (ClipArticleView *self,
                                                   GPtrArray       *rules);
/* Shows an article (0: none). A note being typed is saved first. */
void               clip_article_view_show         (ClipArticleView *self,
                                                   gint64           article_id);
const ClipArticle *clip_article_view_get_article  (ClipArticleView *self);
/* The article shown, or 0. */
gint64             clip_article_view_get_id       (ClipArticleView *self);
/* The shown article's read and flag state, as set elsewhere (the view
 * writes neither); "article-changed" when it changes. */
void               clip_article_view_set_state    (ClipArticleView *self,
                                                   gboolean         read,
                                                   gint             flag);
/* The same, read again from the archive. */
void               clip_article_view_refresh_state (ClipArticleView *self);
/* The search whose hits show beside the rules' spans (NULL: none). */
void               clip_article_view_set_search   (ClipArticleView *self,
                                                   const char      *query);
/* A Flag toggle button's icon and tooltip follow its state: a filled
 * star while flagged. */
void               clip_article_view_follow_flag_button (GtkToggleButton *button);
/* Saves a note typed in the last moments now (before closing). */
void               clip_article_view_flush_note   (ClipArticleView *self);

/* Signals: "article-changed" (another article shown, or none, or its
 * state set); "note-saved"; "note-failed" (message). */

G_END_DECLS
