/* clip-article-list-private.h — the article list's state, for its own
 * files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-article-list.h"

G_BEGIN_DECLS

struct _ClipArticleList
{
  GObject            parent_instance;

  ClipStore         *reader;
  char              *path;
  ClipArticleFilter  filter;       /* strings owned */
  char              *search;
  ClipSort           sort;
  gboolean           ascending;

  GArray            *ids;          /* gint64, the view's order */
  GHashTable        *pages;        /* page number → GPtrArray of items */
  /* Every item made and still held, by the pages or by views (weak):
   * rows on screen keep theirs when the pages are read again (a reload,
   * the cache full), and a change of state must reach them too. */
  GHashTable        *live;
  /* While replace_ids() runs: the previous view's rows, after the new ones. */
  GArray            *old_ids;
  GHashTable        *old_pages;
  GCancellable      *cancellable;
  GCancellable      *snippets_cancellable;   /* the view's snippets */
  guint              generation;
  gboolean           loading;
  gboolean           stale;        /* rows of the previous view, see set_view() */
  guint              rows_read;
  guint              hidden;       /* ids at the end not announced yet */
  guint              reveal_id;
  gboolean           loaded_pending;  /* loaded, waiting for the reveal */
};

/* A view's ids, read on a worker thread (clip-article-list-query.c). */
typedef struct {
  char              *path;
  ClipArticleFilter  filter;
  char              *search;
  ClipSort           sort;
  gboolean           ascending;
  guint              generation;
  /* Set for a new view: results arrive in parts. */
  ClipArticleList   *progressive;
  GMainContext      *context;
} ClipIdsQuery;

void clip_article_filter_clear      (ClipArticleFilter *f);
void clip_ids_query_free            (ClipIdsQuery      *q);
void clip_article_list_ids_thread   (GTask             *task,
                                     gpointer           source,
                                     gpointer           task_data,
                                     GCancellable      *cancellable);
void clip_article_list_post_part    (ClipIdsQuery      *q,
                                     GArray            *ids);

/* Files the item as live, until it is finalized. */
void clip_article_list_track   (ClipArticleList *self,
                                ClipArticleItem *item);
void clip_article_list_untrack_all (ClipArticleList *self);

G_END_DECLS
