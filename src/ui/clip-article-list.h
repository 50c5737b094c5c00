/* clip-article-list.h — the articles of a view, as a lazy GListModel
 *
 * The ids of the whole view are read in a worker thread (8 bytes an
 * article); rows are read a page at a time, on demand, by primary key
 * through the window's reader connection. Sorting and filtering are SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-article-item.h"
#include "clip-store.h"

G_BEGIN_DECLS

#define CLIP_ARTICLE_LIST_PAGE 64

#define CLIP_TYPE_ARTICLE_LIST (clip_article_list_get_type ())
G_DECLARE_FINAL_TYPE (ClipArticleList, clip_article_list, CLIP, ARTICLE_LIST, GObject)

ClipArticleList *clip_article_list_new        (ClipStore               *reader);
/* Shows another view: filter (copied), a search in the rule language
 * (NULL: none; its rows get snippets, see clip_article_item_get_snippet())
 * and order. Asynchronous: "loading" is TRUE until the ids
 * are in; a search that cannot be read emits "failed" with the message.
 * The rows shown stay, "stale", until the new view's first rows replace
 * them: inserted above them, then the old rows removed, the same items
 * until then (or, with no rows, the list empties in one change). */
void             clip_article_list_set_view   (ClipArticleList         *self,
                                               const ClipArticleFilter *filter,
                                               const char              *search,
                                               ClipSort                 sort,
                                               gboolean                 ascending);
/* Shows no rows at all, at once (a search that cannot be read): the
 * running query is dropped, loading ends. */
void             clip_article_list_show_nothing (ClipArticleList       *self);
/* An item of article id among the rows read so far (or still shown by a
 * view), or NULL (read none). */
ClipArticleItem *clip_article_list_lookup     (ClipArticleList         *self,
                                               gint64                   id);
/* The read and flag state of article id, on every item of it: the
 * pages', and those views still show after the pages were read again. */
void             clip_article_list_set_state  (ClipArticleList         *self,
                                               gint64                   id,
                                               gboolean                 read,
                                               gint                     flag);
/* Whether the view's rows (announced or not) include article id. */
gboolean         clip_article_list_contains   (ClipArticleList         *self,
                                               gint64                   id);
/* The read and flag state of the rows read so far (and still shown), read again. */
void             clip_article_list_refresh_state (ClipArticleList      *self);
/* Reads the same view again (after a refresh). Articles new at the top
 * arrive as one insertion, so the scroll position and the selection stay. */
void             clip_article_list_reload     (ClipArticleList         *self);
gboolean         clip_article_list_is_loading (ClipArticleList         *self);
/* TRUE from set_view() until the new view's first rows arrive: the rows
 * are the previous view's. "notify::stale" to FALSE comes just before
 * they are replaced (a view can drop its selection of them then). */
gboolean         clip_article_list_is_stale   (ClipArticleList         *self);
/* The view's rows, those still being announced to the views included. */
guint            clip_article_list_get_total  (ClipArticleList         *self);
/* The position of an article, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint            clip_article_list_find       (ClipArticleList         *self,
                                               gint64                   id);
/* The article at position (announced rows), read from the view's ids
 * alone; 0 when there is none. */
gint64           clip_article_list_get_id     (ClipArticleList         *self,
                                               guint                    position);
/* Every id of the view, announced or not (a copy). */
GArray          *clip_article_list_dup_ids    (ClipArticleList         *self);
/* Rows read from SQLite so far (for tests and benchmarks). */
guint            clip_article_list_get_rows_read (ClipArticleList      *self);

G_END_DECLS
