/* clip-store-order.c — a view's filter as SQL, and its ids in order
 *
 * Lists are in time order (DESIGN.md). Times are in article_times, a
 * narrow table beside the articles (schema 5): a plain list walks its
 * (time) index; a filtered one finds its ids through the filter's own
 * index and their times by key, then sorts them here. Neither reads an
 * article row, which is what a million articles cost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-store-sql.h"
#include "clip-store-listing.h"

#include <string.h>

/* Conditions on the articles' own columns; the rule, tag and time ones
 * go by id and by article_times. */
static gboolean
reads_articles (const ClipArticleFilter *f,
                ClipFilterSqlFlags       flags)
{
  return f->outlet_id || f->unread_only || f->flagged_only || (flags & CLIP_FILTER_SQL_OUTLETS);
}

static gboolean
joins_times (const ClipArticleFilter *f,
             ClipFilterSqlFlags       flags)
{
  return (flags & (CLIP_FILTER_SQL_TIME | CLIP_FILTER_SQL_BY_TIME)) || f->since || f->until;
}

static gboolean
by_time (const ClipArticleFilter *f,
         ClipFilterSqlFlags       flags)
{
  return (flags & CLIP_FILTER_SQL_BY_TIME) && f->fts_query == NULL;
}

/* Without a search, time or condition on the articles: the articles
 * table alone, as before (a count of everything). */
static gboolean
joins_articles (const ClipArticleFilter *f,
                ClipFilterSqlFlags       flags)
{
  return reads_articles (f, flags) || (f->fts_query == NULL && !joins_times (f, flags));
}

const char *
clip_store_filter_id_sql (const ClipArticleFilter *f,
                          ClipFilterSqlFlags       flags)
{
  if (by_time (f, flags))
    return "t.id";
  if (f->fts_query)
    return "articles_fts.rowid";
  return joins_articles (f, flags) ? "a.id" : "t.id";
}

static void
append_from (GString                 *sql,
             const ClipArticleFilter *f,
             ClipFilterSqlFlags       flags)
{
  gboolean a = joins_articles (f, flags), t = joins_times (f, flags);

  /* CROSS JOIN keeps the order given: the first table is the one walked. */
  if (by_time (f, flags))
    g_string_append_printf (sql, " FROM article_times t%s",
                            a ? " CROSS JOIN articles a ON a.id = t.id" : "");
  else if (f->fts_query)
    g_string_append_printf (sql, " FROM articles_fts%s%s",
                            t ? " CROSS JOIN article_times t ON t.id = articles_fts.rowid" : "",
                            a ? " CROSS JOIN articles a ON a.id = articles_fts.rowid" : "");
  else if (a)
    g_string_append_printf (sql, " FROM articles a%s",
                            t ? " CROSS JOIN article_times t ON t.id = a.id" : "");
  else
    g_string_append (sql, " FROM article_times t");
  if (flags & CLIP_FILTER_SQL_OUTLETS)
    g_string_append (sql, " JOIN outlets o ON o.id = a.outlet_id");
}

/* Parameters are bound in the order clip_store_bind_filter() uses. The
 * SQL text depends only on which parts are set, so the statement cache
 * stays small. */
void
clip_store_append_filter_sql (GString                 *sql,
                              const ClipArticleFilter *f,
                              ClipFilterSqlFlags       flags)
{
  const char *id = clip_store_filter_id_sql (f, flags);

  append_from (sql, f, flags);
  g_string_append (sql, " WHERE 1");
  if (f->fts_query)
    g_string_append (sql, " AND articles_fts MATCH ?");
  if (f->outlet_id)
    g_string_append (sql, " AND a.outlet_id = ?");
  if (f->rule_id)
    g_string_append_printf (sql, " AND %s IN (SELECT article_id FROM matches WHERE rule_id = ?)", id);
  if (f->tag)
    g_string_append_printf (sql, " AND %s IN (SELECT article_id FROM tags WHERE tag = ?)", id);
  if (f->unread_only)
    g_string_append (sql, " AND a.read = 0");
  if (f->flagged_only)
    g_string_append (sql, " AND a.flag != 0");
  if (f->since)
    g_string_append (sql, " AND t.time >= ?");
  if (f->until)
    g_string_append (sql, " AND t.time < ?");
}

int
clip_store_bind_filter (sqlite3_stmt            *stmt,
                        const ClipArticleFilter *f)
{
  int i = 1;

  if (f->fts_query)
    clip_store_bind_text (stmt, i++, f->fts_query);
  if (f->outlet_id)
    sqlite3_bind_int64 (stmt, i++, f->outlet_id);
  if (f->rule_id)
    sqlite3_bind_int64 (stmt, i++, f->rule_id);
  if (f->tag)
    clip_store_bind_text (stmt, i++, f->tag);
  if (f->since)
    sqlite3_bind_int64 (stmt, i++, f->since);
  if (f->until)
    sqlite3_bind_int64 (stmt, i++, f->until);
  return i;
}

typedef struct {
  gint64 time;
  gint64 id;
} Keyed;

static int
compare_newest (gconstpointer pa,
                gconstpointer pb)
{
  const Keyed *a = pa, *b = pb;

  if (a->time != b->time)
    return a->time < b->time ? 1 : -1;
  return (a->id < b->id) - (a->id > b->id);
}

static int
compare_oldest (gconstpointer a,
                gconstpointer b)
{
  return compare_newest (b, a);
}

/* Walking the time index pays when the list is every article, in a time
 * range or not; or when it is most of them (the unread, usually) and
 * only its start is wanted, which the walk reaches in a few rows. Else
 * the filter's index finds fewer ids than the walk would step over. */
static gboolean
walk_time_index (const ClipArticleFilter *f,
                 guint                    limit)
{
  if (f->fts_query || f->outlet_id || f->rule_id || f->tag || f->flagged_only)
    return FALSE;
  return !f->unread_only || limit > 0;
}

static void
append_order (GString  *sql,
              ClipSort  sort,
              gboolean  ascending)
{
  const char *dir = ascending ? "ASC" : "DESC";

  switch (sort)
    {
    case CLIP_SORT_OUTLET:
      g_string_append_printf (sql, " ORDER BY o.name COLLATE NOCASE %s", dir);
      break;
    case CLIP_SORT_TITLE:
      g_string_append_printf (sql, " ORDER BY a.title COLLATE NOCASE %s", dir);
      break;
    case CLIP_SORT_NEWEST:
    case CLIP_SORT_TIME:
    default:
      g_string_append_printf (sql, " ORDER BY t.time %s, t.id %s", dir, dir);
      return;
    }
  g_string_append (sql, ", t.time DESC, t.id DESC");
}

/* The SQL of a view: (id, time) rows, in order when ordered is set. */
static GString *
ids_sql (const ClipArticleFilter *f,
         ClipSort                 sort,
         gboolean                 ascending,
         gboolean                 ordered)
{
  ClipFilterSqlFlags flags = CLIP_FILTER_SQL_TIME;
  GString *sql = g_string_new (NULL);

  if (sort == CLIP_SORT_OUTLET || sort == CLIP_SORT_TITLE)
    flags |= CLIP_FILTER_SQL_OUTLETS;       /* a's title, o's name */
  else if (ordered)
    flags |= CLIP_FILTER_SQL_BY_TIME;
  g_string_printf (sql, "SELECT %s, t.time", clip_store_filter_id_sql (f, flags));
  clip_store_append_filter_sql (sql, f, flags);
  if (ordered)
    {
      append_order (sql, sort, ascending);
      g_string_append (sql, " LIMIT ? OFFSET ?");
    }
  return sql;
}

GArray *
clip_store_select_ids (ClipStore               *store,
                       const ClipArticleFilter *filter,
                       ClipSort                 sort,
                       gboolean                 ascending,
                       guint                    offset,
                       guint                    limit,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  static const ClipArticleFilter none = { 0 };
  gboolean by_time_sort, in_sql;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Keyed));
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc, i;

  if (filter == NULL)
    filter = &none;
  by_time_sort = sort != CLIP_SORT_OUTLET && sort != CLIP_SORT_TITLE;
  in_sql = !by_time_sort || walk_time_index (filter, limit);
  sql = ids_sql (filter, sort, ascending, in_sql);
  if (!(stmt = clip_store_prepare (store, sql->str, error)))
    return NULL;
  i = clip_store_bind_filter (stmt, filter);
  if (in_sql)
    {
      sqlite3_bind_int64 (stmt, i++, limit ? (gint64) limit : -1);
      sqlite3_bind_int64 (stmt, i, offset);
    }
  clip_store_watch_cancel (store, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Keyed k = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 0) };
      g_array_append_val (rows, k);
    }
  clip_store_unwatch_cancel (store);
  sqlite3_reset (stmt);
  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      clip_store_set_query_error (store, rc, error);
      return NULL;
    }
  if (!in_sql)
    g_array_sort (rows, ascending ? compare_oldest : compare_newest);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
  for (guint k = in_sql ? 0 : offset; k < rows->len; k++)
    {
      if (!in_sql && limit && ids->len == limit)
        break;
      g_array_append_val (ids, g_array_index (rows, Keyed, k).id);
    }
  return g_steal_pointer (&ids);
}

GArray *
clip_store_list_article_ids_first (ClipStore               *store,
                                   const ClipArticleFilter *filter,
                                   ClipSort                 sort,
                                   gboolean                 ascending,
                                   guint                    n,
                                   ClipIdsPartFunc          part,
                                   gpointer                 user_data,
                                   GCancellable            *cancellable,
                                   GError                 **error)
{
  static const ClipArticleFilter none = { 0 };
  g_autoptr(GArray) first = NULL;
  GArray *rest = NULL;

  if (filter == NULL)
    filter = &none;
  clip_store_release_snapshot (store);
  if (sort == CLIP_SORT_OUTLET || sort == CLIP_SORT_TITLE || !walk_time_index (filter, n))
    return clip_store_select_ids (store, filter, sort, ascending, 0, 0, cancellable, error);
  if (!clip_store_exec (store, "SAVEPOINT ids_first", error))
    return NULL;
  first = clip_store_select_ids (store, filter, sort, ascending, 0, n, cancellable, error);
  if (first != NULL)
    {
      part (first, user_data);
      if (first->len == n &&
          (rest = clip_store_select_ids (store, filter, sort, ascending, n, 0, cancellable, error)))
        g_array_prepend_vals (rest, first->data, first->len);
      else if (first->len < n)
        rest = g_array_ref (first);
    }
  clip_store_exec (store, "RELEASE ids_first", NULL);
  return rest;
}
