/* clip-store-listing.h — light reads for long-lived reader connections
 * (the UI's article list): ids of a whole view, then rows a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-store.h"

G_BEGIN_DECLS

/* What a list row shows; no bodies. */
typedef struct {
  gint64    id;
  gint64    outlet_id;
  gint64    time;          /* clip_article_time() (Unix seconds UTC) */
  gboolean  read;
  gint      flag;
  char     *title;
  char     *outlet_name;
  char     *rules;         /* matched rules' ids, comma-separated, or NULL */
  /* A near-copy (src/core/stories): its original's outlet and time, and
   * whether it is recycled (the original 30+ days older); NULL, 0, FALSE
   * for an article that is not a copy. */
  char     *copy_outlet;
  gint64    copy_time;
  gboolean  recycled;
  gboolean  date_uncertain;  /* its dates disagree (clip-store-pages.h) */
} ClipArticleRow;

void             clip_article_row_free        (ClipArticleRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipArticleRow, clip_article_row_free)

/* Every article id of a view, in its order (same filter semantics as
 * clip_store_list_articles()). ascending is the literal direction (oldest
 * first, A to Z); the usual view is CLIP_SORT_NEWEST, not ascending: by
 * time, newest first. About 0.3 s for a million articles, unfiltered (the
 * time index); a filtered view costs its own ids. Cancelling interrupts
 * the query. */
GArray          *clip_store_list_article_ids  (ClipStore               *store,
                                               const ClipArticleFilter *filter,
                                               ClipSort                 sort,
                                               gboolean                 ascending,
                                               GCancellable            *cancellable,
                                               GError                 **error);
/* The same ids, with the view's start told first: where the time index
 * gives the view in order (every article, the unread, a period, by
 * time), part() gets its first n ids as soon as they are read (a few
 * milliseconds at a million articles) and the rest follow; other views
 * come whole. One read transaction: the start and the rest agree. */
typedef void (*ClipIdsPartFunc) (const GArray *ids,
                                 gpointer      user_data);

GArray          *clip_store_list_article_ids_first (ClipStore               *store,
                                                    const ClipArticleFilter *filter,
                                                    ClipSort                 sort,
                                                    gboolean                 ascending,
                                                    guint                    n,
                                                    ClipIdsPartFunc          part,
                                                    gpointer                 user_data,
                                                    GCancellable            *cancellable,
                                                    GError                 **error);
/* The rows of the given ids (ClipArticleRow*), in the ids' order; ids that
 * no longer exist are left out. */
GPtrArray       *clip_store_get_article_rows  (ClipStore               *store,
                                               const gint64            *ids,
                                               guint                    n_ids,
                                               GError                 **error);

/* The outlets (ClipOutlet*), by group and name, without their article
 * counts: a read of the outlets table alone, fast at any archive size. */
GPtrArray       *clip_store_list_outlets_brief (ClipStore              *store,
                                                GError                **error);

/* What the sidebar counts. */
typedef struct {
  gint64      unread;
  gint64      flagged;
  GHashTable *unread_by_outlet;   /* gint64* outlet id → gint64* count */
  GHashTable *unread_by_rule;     /* gint64* rule id → gint64* unread matches */
} ClipViewCounts;

void             clip_view_counts_clear        (ClipViewCounts         *counts);
/* Index-only counts (the partial indexes on unread and flagged articles):
 * about half a second at a million articles, so off the main thread. */
gboolean         clip_store_count_views        (ClipStore              *store,
                                                ClipViewCounts         *counts,
                                                GCancellable           *cancellable,
                                                GError                **error);

G_END_DECLS
