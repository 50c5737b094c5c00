/* clip-article-list-query.c — reading a view's ids, on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-article-list-private.h"
#include "clip-rule-search.h"
#include "clip-store-listing.h"

/* Ids of a new view read first, where its order allows (see
 * list_progressively()): more than a screen, fewer than GTK realises. */
#define FIRST_PART 200

void
clip_ids_query_free (ClipIdsQuery *q)
{
  g_free (q->path);
  g_free (q->search);
  clip_article_filter_clear (&q->filter);
  g_clear_object (&q->progressive);
  g_clear_pointer (&q->context, g_main_context_unref);
  g_free (q);
}

static gboolean
filter_is_empty (const ClipArticleFilter *f)
{
  return !f->outlet_id && !f->rule_id && !f->unread_only && !f->flagged_only &&
         !f->fts_query && !f->tag && !f->since && !f->until;
}

static void
first_part_cb (const GArray *ids,
               gpointer      user_data)
{
  clip_article_list_post_part (user_data, (GArray *) ids);
}

/* A new view in two parts where the time index gives its start at once
 * (every article: 1 s for all the ids of a million, 1 ms for the first
 * screens), then the rest; other views whole. */
static GArray *
list_progressively (ClipStore     *store,
                    ClipIdsQuery      *q,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GArray) ids = clip_store_list_article_ids_first (store, &q->filter, q->sort, q->ascending,
                                                             FIRST_PART, first_part_cb, q,
                                                             cancellable, error);
  g_autoptr(GArray) rest = NULL;

  if (ids == NULL || ids->len <= FIRST_PART)
    return g_steal_pointer (&ids);
  rest = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len - FIRST_PART);
  g_array_append_vals (rest, &g_array_index (ids, gint64, FIRST_PART), ids->len - FIRST_PART);
  clip_article_list_post_part (q, rest);
  return g_steal_pointer (&ids);
}

/* Newest first, a batch at a time: the first rows show while the index
 * and the matcher work through the older ones. */
static GArray *
search_progressively (ClipStore     *store,
                      ClipIdsQuery      *q,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(ClipRuleSearch) search = clip_rule_search_start (store, q->search, 0, FALSE,
                                                             cancellable, error);
  guint limit = 200;

  if (search == NULL)
    return NULL;
  for (;;)
    {
      g_autoptr(GArray) batch = clip_rule_search_more (search, limit, cancellable, error);

      if (batch == NULL)
        return NULL;
      if (batch->len == 0)
        break;
      g_array_append_vals (all, batch->data, batch->len);
      clip_article_list_post_part (q, batch);
      if (batch->len < limit)
        break;
      limit = MIN (limit * 4, 20000);
    }
  return g_steal_pointer (&all);
}

/* A search's ids (newest first) within the view: the view's own order,
 * keeping the articles the search found. */
static GArray *
search_ids (ClipStore     *store,
            ClipIdsQuery      *q,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GHashTable) set = NULL;
  g_autoptr(GArray) view = NULL;
  gboolean plain = filter_is_empty (&q->filter) && q->sort == CLIP_SORT_NEWEST && !q->ascending;
  GArray *ids;

  if (plain && q->progressive != NULL)
    return search_progressively (store, q, cancellable, error);
  if (!(found = clip_rule_search (store, q->search, 0, 0, cancellable, error)))
    return NULL;
  if (plain)
    return g_steal_pointer (&found);
  if (!(view = clip_store_list_article_ids (store, &q->filter, q->sort, q->ascending,
                                            cancellable, error)))
    return NULL;
  set = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < found->len; i++)
    g_hash_table_add (set, &g_array_index (found, gint64, i));
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), found->len);
  for (guint i = 0; i < view->len; i++)
    if (g_hash_table_contains (set, &g_array_index (view, gint64, i)))
      g_array_append_val (ids, g_array_index (view, gint64, i));
  return ids;
}

void
clip_article_list_ids_thread (GTask        *task,
                              gpointer      source,
                              gpointer      task_data,
                              GCancellable *cancellable)
{
  ClipIdsQuery *q = task_data;
  g_autoptr(ClipStore) store = NULL;
  GError *error = NULL;
  GArray *ids = NULL;

  if ((store = clip_store_open (q->path, CLIP_STORE_OPEN_READ_ONLY, &error)) == NULL)
    ids = NULL;
  else if (q->search)
    ids = search_ids (store, q, cancellable, &error);
  else if (q->progressive)
    ids = list_progressively (store, q, cancellable, &error);
  else
    ids = clip_store_list_article_ids (store, &q->filter, q->sort, q->ascending, cancellable, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

