/* clip-store-listing.c
 *
 * The article list reads a view in two steps: all its ids at once (8 bytes
 * an article, in a worker thread), then the rows a user can see, a page at
 * a time, by primary key. Positions stay stable between refreshes; new
 * articles are insertions where their time puts them (at the top, mostly).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-store-listing.h"
#include "clip-store-sql.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* Rows read per statement; get_article_rows() loops over larger requests. */
#define ROWS_PER_QUERY 64

void
clip_article_row_free (ClipArticleRow *row)
{
  if (row == NULL)
    return;
  g_free (row->title);
  g_free (row->outlet_name);
  g_free (row->rules);
  g_free (row->copy_outlet);
  g_free (row);
}

void
clip_store_release_snapshot (ClipStore *store)
{
  sqlite3 *db;

  g_return_if_fail (CLIP_IS_STORE (store));

  db = clip_store_get_db (store);
  /* Inside an explicit transaction the snapshot is the caller's to end. */
  if (!sqlite3_get_autocommit (db))
    return;
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt; stmt = sqlite3_next_stmt (db, stmt))
    if (sqlite3_stmt_busy (stmt))
      sqlite3_reset (stmt);
}

GArray *
clip_store_list_article_ids (ClipStore               *store,
                             const ClipArticleFilter *filter,
                             ClipSort                 sort,
                             gboolean                 ascending,
                             GCancellable            *cancellable,
                             GError                 **error)
{
  clip_store_release_snapshot (store);
  return clip_store_select_ids (store, filter, sort, ascending, 0, 0, cancellable, error);
}

static ClipArticleRow *
read_row (sqlite3_stmt *stmt)
{
  ClipArticleRow *row = g_new0 (ClipArticleRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->outlet_id = sqlite3_column_int64 (stmt, 1);
  row->time = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? CLIP_NO_DATE
                                                           : sqlite3_column_int64 (stmt, 2);
  row->read = sqlite3_column_int (stmt, 3) != 0;
  row->flag = sqlite3_column_int (stmt, 4);
  row->title = clip_store_dup_column (stmt, 5);
  row->outlet_name = clip_store_dup_column (stmt, 6);
  row->rules = clip_store_dup_column (stmt, 7);
  row->copy_outlet = clip_store_dup_column (stmt, 8);
  row->copy_time = sqlite3_column_int64 (stmt, 9);
  row->recycled = sqlite3_column_int (stmt, 10) != 0;
  row->date_uncertain = sqlite3_column_int (stmt, 11) != 0;
  return row;
}

/* One statement of ROWS_PER_QUERY placeholders (unused ones bound to 0),
 * so the statement cache holds a single entry. */
static const char *
rows_sql (void)
{
  static gsize sql = 0;

  if (g_once_init_enter (&sql))
    {
      GString *s = g_string_new ("SELECT a.id, a.outlet_id, t.time, "
                                 "a.read, a.flag, a.title, o.name, "
                                 "(SELECT group_concat(rule_id) FROM matches m WHERE m.article_id = a.id), "
                                 "co.name, ct.time, sa.recycled_from IS NOT NULL, "
                                 "a.date_uncertain "
                                 "FROM articles a JOIN outlets o ON o.id = a.outlet_id "
                                 "JOIN article_times t ON t.id = a.id "
                                 /* Near-copies: a primary-key look-up or two
                                  * a row, for the copies only. */
                                 "LEFT JOIN story_articles sa ON sa.article_id = a.id "
                                 "LEFT JOIN articles ca ON ca.id = sa.copy_of "
                                 "LEFT JOIN outlets co ON co.id = ca.outlet_id "
                                 "LEFT JOIN article_times ct ON ct.id = sa.copy_of "
                                 "WHERE a.id IN (?");

      for (guint i = 1; i < ROWS_PER_QUERY; i++)
        g_string_append (s, ",?");
      g_string_append (s, ")");
      g_once_init_leave (&sql, (gsize) g_string_free (s, FALSE));
    }
  return (const char *) sql;
}

GPtrArray *
clip_store_get_article_rows (ClipStore     *store,
                             const gint64  *ids,
                             guint          n_ids,
                             GError       **error)
{
  /* Own keys: with &row->id as the key (the row's first member) the
   * table would store keys and values as one, as a set. */
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) clip_article_row_free);
  GPtrArray *rows = g_ptr_array_new_full (n_ids, (GDestroyNotify) clip_article_row_free);

  clip_store_release_snapshot (store);
  for (guint start = 0; start < n_ids; start += ROWS_PER_QUERY)
    {
      sqlite3_stmt *stmt = clip_store_prepare (store, rows_sql (), error);
      int rc;

      if (stmt == NULL)
        goto failed;
      for (guint i = 0; i < ROWS_PER_QUERY; i++)
        sqlite3_bind_int64 (stmt, i + 1, start + i < n_ids ? ids[start + i] : 0);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ClipArticleRow *row = read_row (stmt);
          g_hash_table_replace (by_id, g_memdup2 (&row->id, sizeof row->id), row);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          clip_store_set_error (store, rc, _("Could not read the articles"), error);
          goto failed;
        }
    }
  for (guint i = 0; i < n_ids; i++)
    {
      gpointer key, value;

      if (g_hash_table_steal_extended (by_id, &ids[i], &key, &value))
        {
          g_free (key);
          g_ptr_array_add (rows, value);
        }
    }
  return rows;

failed:
  g_ptr_array_unref (rows);
  return NULL;
}

GPtrArray *
clip_store_list_outlets_brief (ClipStore  *store,
                               GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_outlet_free);
  sqlite3_stmt *stmt;
  int rc;

  clip_store_release_snapshot (store);
  stmt = clip_store_prepare (store,
      "SELECT " CLIP_STORE_OUTLET_COLUMNS " FROM outlets o WHERE o.removed = 0 "
      "ORDER BY o.grp COLLATE NOCASE, o.name COLLATE NOCASE, o.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (list, clip_store_read_outlet (stmt));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, _("Could not list the outlets"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

void
clip_view_counts_clear (ClipViewCounts *counts)
{
  g_clear_pointer (&counts->unread_by_outlet, g_hash_table_unref);
  g_clear_pointer (&counts->unread_by_rule, g_hash_table_unref);
  counts->unread = counts->flagged = 0;
}

static gboolean
count_one (ClipStore   *store,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return clip_store_set_error (store, rc, _("Could not count the articles"), error);
  return TRUE;
}

static gboolean count_groups (ClipStore *store, const char *sql, GHashTable *into,
                              GCancellable *cancellable, GError **error);

gboolean
clip_store_count_views (ClipStore       *store,
                        ClipViewCounts  *counts,
                        GCancellable    *cancellable,
                        GError         **error)
{
  counts->unread_by_outlet = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  counts->unread_by_rule = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  clip_store_release_snapshot (store);
  /* Both counts come from the partial indexes, without touching rows. */
  if (!count_one (store, "SELECT count(*) FROM articles WHERE read = 0", &counts->unread, error) ||
      !count_one (store, "SELECT count(*) FROM articles WHERE flag != 0", &counts->flagged, error))
    return FALSE;
  /* Per outlet: the (outlet, id) index against the unread ids, again
   * without reading an article; per rule, its matches the same way. */
  return count_groups (store,
                       "SELECT outlet_id, count(*) FROM articles INDEXED BY articles_outlet "
                       "WHERE id IN (SELECT id FROM articles WHERE read = 0) GROUP BY outlet_id",
                       counts->unread_by_outlet, cancellable, error) &&
         count_groups (store,
                       "SELECT rule_id, count(*) FROM matches "
                       "WHERE article_id IN (SELECT id FROM articles WHERE read = 0) GROUP BY rule_id",
                       counts->unread_by_rule, cancellable, error);
}

static gboolean
count_groups (ClipStore     *store,
              const char    *sql,
              GHashTable    *into,
              GCancellable  *cancellable,
              GError       **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  clip_store_watch_cancel (store, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (into, g_memdup2 (&id, sizeof id), g_memdup2 (&n, sizeof n));
    }
  clip_store_unwatch_cancel (store);
  sqlite3_reset (stmt);
  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not count the unread articles"), error);
  return TRUE;
}
