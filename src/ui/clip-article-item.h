/* clip-article-item.h — one row of the article list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "clip-store-listing.h"

G_BEGIN_DECLS

#define CLIP_TYPE_ARTICLE_ITEM (clip_article_item_get_type ())
G_DECLARE_FINAL_TYPE (ClipArticleItem, clip_article_item, CLIP, ARTICLE_ITEM, GObject)

/* row NULL: an article deleted since the list was read. */
ClipArticleItem *clip_article_item_new            (gint64                 id,
                                                   const ClipArticleRow  *row);
gint64           clip_article_item_get_id         (ClipArticleItem       *self);
gint64           clip_article_item_get_outlet_id  (ClipArticleItem       *self);
const char      *clip_article_item_get_title      (ClipArticleItem       *self);
const char      *clip_article_item_get_outlet_name (ClipArticleItem      *self);
gint64           clip_article_item_get_time       (ClipArticleItem       *self);
/* The article's dates disagree: its time may be wrong. */
gboolean         clip_article_item_get_date_uncertain (ClipArticleItem   *self);
gboolean         clip_article_item_get_read       (ClipArticleItem       *self);
void             clip_article_item_set_read       (ClipArticleItem       *self,
                                                   gboolean               read);
gint             clip_article_item_get_flag       (ClipArticleItem       *self);
void             clip_article_item_set_flag       (ClipArticleItem       *self,
                                                   gint                   flag);
/* A search's snippet of the article (see clip_rule_snippet()), NULL until
 * one is set, and where the search matched in it (pairs of byte offsets,
 * start then end; may be NULL). "notify::snippet" when set. */
const char      *clip_article_item_get_snippet    (ClipArticleItem       *self,
                                                   const GArray         **marks);
void             clip_article_item_set_snippet    (ClipArticleItem       *self,
                                                   const char            *snippet,
                                                   GArray                *marks);
/* Ids of the rules that matched it (0-terminated), or NULL. */
const gint64    *clip_article_item_get_rule_ids   (ClipArticleItem       *self);
/* "Copy of <outlet>, <time>" or "Recycled from <outlet>, <date>" for a
 * near-copy (its original's outlet and time), else NULL. */
char            *clip_article_item_format_copy    (ClipArticleItem       *self);
char            *clip_article_item_copy_text      (const char            *outlet,
                                                   gint64                 time,
                                                   gboolean               recycled);
/* The time as the list shows it: today's as 14:05, this year's as
 * "3 Mar 14:05", older as "3 Mar 2023"; local time. */
char            *clip_article_item_format_time    (gint64                 unix_seconds,
                                                   gint64                 now);

G_END_DECLS
