/* clip-rule-search.c — FTS5 finds candidates, the matcher decides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-rule-search.h"
#include "clip-rule-apply.h"
#include "clip-rule-fts.h"
#include "clip-rules-store.h"
#include "clip-store-sql.h"
#include "clip-store-newest.h"

#include <glib/gi18n-lib.h>

struct _ClipRuleSearch {
  ClipStore      *store;
  ClipRuleSet    *set;
  ClipNewest     *walk;
  ClipRuleDocBuf  buf;
  gboolean        exact;
  gboolean        done;
};

static gboolean
prepare (ClipStore *store, const char *query, ClipRuleSet **set, char **fts,
         gboolean *exact, GError **error)
{
  g_autoptr(ClipTermLists) lists = clip_store_load_term_lists (store, error);
  g_autoptr(ClipRuleNode) tree = NULL;

  if (lists == NULL || !(tree = clip_rule_compile_tree (query, lists, NULL, error)))
    return FALSE;
  *fts = clip_rule_to_fts (tree, exact);
  if (set)
    {
      *set = clip_rule_set_new ();
      clip_rule_set_add (*set, 1, tree);
    }
  return TRUE;
}

static void
count_match (gint64 id, const ClipRuleSpan *spans, guint n, gpointer data)
{
}

void
clip_rule_search_free (ClipRuleSearch *search)
{
  if (search == NULL)
    return;
  clip_newest_free (search->walk);
  clip_rule_doc_buf_clear (&search->buf);
  g_clear_pointer (&search->set, clip_rule_set_free);
  g_clear_object (&search->store);
  g_free (search);
}

/* FTS5 refusing a translated query is our error, not the analyst's. */
static void
fts_failed (GError **error, const char *fts)
{
  g_autofree char *what = NULL;
  g_autofree char *msg = NULL;

  if (error == NULL || *error == NULL ||
      !g_error_matches (*error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID))
    return;
  what = g_strdup_printf (_("Could not search the archive (%s)"), fts ? fts : "");
  msg = g_strdup ((*error)->message);
  g_clear_error (error);
  g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_FAILED, "%s: %s", what, msg);
}

ClipRuleSearch *
clip_rule_search_start (ClipStore     *store,
                        const char    *query,
                        gint64         before_id,
                        gboolean       want_all,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(ClipRuleSearch) search = g_new0 (ClipRuleSearch, 1);
  g_autofree char *fts = NULL;
  ClipTimeKey after;

  g_return_val_if_fail (CLIP_IS_STORE (store), NULL);

  search->store = g_object_ref (store);
  if (!prepare (store, query, &search->set, &fts, &search->exact, error))
    return NULL;
  if (before_id == G_MAXINT64)
    before_id = 0;
  if (before_id > 0 && !clip_store_time_key (store, before_id, &after, error))
    return NULL;
  search->walk = clip_newest_new (store, fts, before_id > 0 ? &after : NULL, want_all,
                                  cancellable, error);
  if (search->walk == NULL)
    {
      fts_failed (error, fts);
      return NULL;
    }
  return g_steal_pointer (&search);
}

GArray *
clip_rule_search_more (ClipRuleSearch  *search,
                       guint            limit,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *local = NULL;
  ClipTimeKey key;

  while (!search->done && (limit == 0 || ids->len < limit))
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!clip_newest_next (search->walk, &key, &local))
        {
          search->done = TRUE;
          break;
        }
      /* An exact translation needs no second opinion. */
      if (!search->exact)
        {
          if (!clip_rule_doc_load (search->store, key.id, clip_rule_set_fields (search->set),
                                   &search->buf, error))
            return NULL;
          if (clip_rule_set_match (search->set, &search->buf.doc, count_match, NULL) == 0)
            continue;
        }
      g_array_append_val (ids, key.id);
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
clip_rule_search (ClipStore     *store,
                  const char    *query,
                  gint64         before_id,
                  guint          limit,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(ClipRuleSearch) search = clip_rule_search_start (store, query, before_id, limit == 0,
                                                             cancellable, error);

  return search ? clip_rule_search_more (search, limit, cancellable, error) : NULL;
}

GPtrArray *
clip_rule_search_newest (ClipStore     *store,
                         const char    *query,
                         guint          n,
                         guint64       *count,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GArray) ids = clip_rule_search (store, query, 0, 0, cancellable, error);
  g_autoptr(GPtrArray) newest = NULL;

  if (ids == NULL)
    return NULL;
  newest = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  for (guint i = 0; i < ids->len && i < n; i++)
    {
      ClipArticle *article = clip_store_get_article (store, g_array_index (ids, gint64, i), error);

      if (article == NULL)
        return NULL;
      g_ptr_array_add (newest, article);
    }
  if (count)
    *count = ids->len;
  return g_steal_pointer (&newest);
}

GArray *
clip_rule_candidates (ClipStore   *store,
                      const char  *query,
                      GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(ClipNewest) walk = NULL;
  g_autofree char *fts = NULL;
  GError *local = NULL;
  ClipTimeKey key;
  gboolean exact;

  if (!prepare (store, query, NULL, &fts, &exact, error) ||
      !(walk = clip_newest_new (store, fts, NULL, TRUE, NULL, error)))
    return NULL;
  while (clip_newest_next (walk, &key, &local))
    g_array_append_val (ids, key.id);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return g_steal_pointer (&ids);
}
