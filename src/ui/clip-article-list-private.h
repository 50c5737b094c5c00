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

G_END_DECLS
