/* clip-test-list.h — an archive of generated articles for the article
 * list, table and reading view tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-article-list.h"
#include "clip-store.h"

G_BEGIN_DECLS

#define CLIP_TEST_LIST_ARTICLES 500

typedef struct {
  char      *dir;
  ClipStore *store;      /* the writer */
  ClipStore *reader;     /* as the window has it */
  gint64     outlet;
  guint      next;       /* articles made so far */
} Fixture;

/* A fresh archive (with the default rules) of CLIP_TEST_LIST_ARTICLES
 * articles of one outlet, and a reader beside its writer. */
void             clip_test_list_set_up    (Fixture *f, gconstpointer data);
void             clip_test_list_tear_down (Fixture *f, gconstpointer data);
/* Stores n more generated articles, and extra when not NULL. */
void             clip_test_list_ingest    (Fixture *f, guint n, ClipArticle *extra);
/* A list of the view, its first page loaded. */
ClipArticleList *clip_test_list_open      (Fixture *f, const ClipArticleFilter *filter,
                                           const char *search, ClipSort sort, gboolean ascending);
gboolean         clip_test_list_loaded    (gpointer list);
gint64           clip_test_list_id_at     (ClipArticleList *list, guint i);
const char      *clip_test_list_title_at  (ClipArticleList *list, guint i);
/* A feed item with no title. */
ClipArticle     *clip_test_list_untitled  (void);

G_END_DECLS
