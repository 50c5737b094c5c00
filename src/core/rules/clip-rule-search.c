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

#include <glib/gi18n.h>

#define BATCH 256

/* Appends the next batch of candidate ids below *below, newest first;
 * FALSE on error. Without an FTS query every article is a candidate. */
static gboolean
next_batch (ClipStore *store, const char *fts, gint64 below, GArray *out, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, fts
      ? "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid < ?2 "
        "ORDER BY rowid DESC LIMIT ?3"
      : "SELECT id FROM articles WHERE ?1 IS NULL AND id < ?2 ORDER BY id DESC LIMIT ?3", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  clip_store_bind_text (stmt, 1, fts);
  sqlite3_bind_int64 (stmt, 2, below);
  sqlite3_bind_int (stmt, 3, BATCH);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (out, id);
    }
  if (rc != SQLITE_DONE)
    {
      const char *msg = sqlite3_errmsg (clip_store_get_db (store));
      g_autofree char *what = g_strdup_printf (_("Could not search the archive (%s)"),
                                               fts ? fts : "");
      if (g_str_has_prefix (msg, "fts5:"))
        g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_FAILED, "%s: %s", what, msg);
      else
        clip_store_set_error (store, rc, what, error);
      return FALSE;
    }
  return TRUE;
}

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

GArray *
clip_rule_search (ClipStore     *store,
                  const char    *query,
                  gint64         before_id,
                  guint          limit,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(ClipRuleSet) set = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *fts = NULL;
  ClipRuleDocBuf buf = { { { NULL } }, { NULL } };
  gint64 below = before_id > 0 ? before_id : G_MAXINT64;
  gboolean exact = FALSE, ok = TRUE;

  if (!prepare (store, query, &set, &fts, &exact, error))
    return NULL;
  while (ok && (limit == 0 || ids->len < limit))
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      g_array_set_size (batch, 0);
      if (!(ok = next_batch (store, fts, below, batch, error)) || batch->len == 0)
        break;
      for (guint i = 0; i < batch->len && (limit == 0 || ids->len < limit); i++)
        {
          gint64 id = g_array_index (batch, gint64, i);

          /* An exact translation needs no second opinion. */
          if (!exact)
            {
              if (!(ok = clip_rule_doc_load (store, id, clip_rule_set_fields (set), &buf, error)))
                break;
              if (clip_rule_set_match (set, &buf.doc, count_match, NULL) == 0)
                continue;
            }
          g_array_append_val (ids, id);
        }
      below = g_array_index (batch, gint64, batch->len - 1);
    }
  clip_rule_doc_buf_clear (&buf);
  return ok ? g_steal_pointer (&ids) : NULL;
}

GArray *
clip_rule_candidates (ClipStore   *store,
                      const char  *query,
                      GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *fts = NULL;
  gboolean exact;
  gint64 below = G_MAXINT64;

  if (!prepare (store, query, NULL, &fts, &exact, error))
    return NULL;
  for (;;)
    {
      guint before = ids->len;

      if (!next_batch (store, fts, below, ids, error))
        return NULL;
      if (ids->len == before)
        break;
      below = g_array_index (ids, gint64, ids->len - 1);
    }
  return g_steal_pointer (&ids);
}
