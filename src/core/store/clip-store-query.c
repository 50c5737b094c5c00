/* clip-store-query.c — reading articles, the analyst's marks, full text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-store-sql.h"
#include "clip-fts.h"
#include "clip-text.h"

#include <string.h>

ClipArticle *
clip_store_get_article (ClipStore  *store,
                        gint64      id,
                        GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT " CLIP_ARTICLE_COLUMNS " FROM articles a "
      "JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ClipArticle *a = clip_store_read_article (stmt);

      /* A statement left on a row keeps its read snapshot: a long-lived
       * reader would never see later commits. */
      sqlite3_reset (stmt);
      return a;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                 "There is no article %" G_GINT64_FORMAT, id);
  else
    clip_store_set_error (store, rc, "Could not read the article", error);
  return NULL;
}

/* Builds FROM … WHERE … for a filter; parameters are bound in the order
 * clip_store_bind_filter() uses. The SQL text depends only on which parts are set, so
 * the statement cache stays small. */
void
clip_store_append_filter_sql (GString                 *sql,
                              const ClipArticleFilter *f,
                              gboolean                 join_outlets)
{
  if (f->fts_query)
    g_string_append (sql, " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid");
  else
    g_string_append (sql, " FROM articles a");
  if (join_outlets)
    g_string_append (sql, " JOIN outlets o ON o.id = a.outlet_id");
  g_string_append (sql, " WHERE 1");
  if (f->fts_query)
    g_string_append (sql, " AND articles_fts MATCH ?");
  if (f->outlet_id)
    g_string_append (sql, " AND a.outlet_id = ?");
  if (f->rule_id)
    g_string_append (sql, " AND a.id IN (SELECT article_id FROM matches WHERE rule_id = ?)");
  if (f->tag)
    g_string_append (sql, " AND a.id IN (SELECT article_id FROM tags WHERE tag = ?)");
  if (f->unread_only)
    g_string_append (sql, " AND a.read = 0");
  if (f->flagged_only)
    g_string_append (sql, " AND a.flag != 0");
  if (f->since)
    g_string_append (sql, " AND coalesce(a.published, a.fetched) >= ?");
  if (f->until)
    g_string_append (sql, " AND coalesce(a.published, a.fetched) < ?");
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

static const char *
order_sql (ClipSort sort, gboolean fts)
{
  switch (sort)
    {
    case CLIP_SORT_TIME:
      return " ORDER BY coalesce(a.published, a.fetched) DESC, a.id DESC";
    case CLIP_SORT_OUTLET:
      return " ORDER BY o.name COLLATE NOCASE, a.id DESC";
    case CLIP_SORT_TITLE:
      return " ORDER BY a.title COLLATE NOCASE, a.id DESC";
    case CLIP_SORT_NEWEST:
    default:
      /* Index order: FTS5 walks its own index backwards (DESIGN.md). */
      return fts ? " ORDER BY articles_fts.rowid DESC" : " ORDER BY a.id DESC";
    }
}

gboolean
clip_store_set_query_error (ClipStore  *store,
                            int         rc,
                            GError    **error)
{
  const char *msg = sqlite3_errmsg (clip_store_get_db (store));

  if (rc == SQLITE_ERROR && g_str_has_prefix (msg, "fts5:"))
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   "The search could not be read (%s)", msg);
      return FALSE;
    }
  return clip_store_set_error (store, rc, "Could not read the articles", error);
}

GPtrArray *
clip_store_list_articles (ClipStore               *store,
                          const ClipArticleFilter *filter,
                          ClipSort                 sort,
                          guint                    offset,
                          guint                    limit,
                          GError                 **error)
{
  static const ClipArticleFilter none = { 0 };
  g_autoptr(GString) sql = g_string_new ("SELECT " CLIP_ARTICLE_COLUMNS);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  sqlite3_stmt *stmt;
  int rc, i;

  if (filter == NULL)
    filter = &none;
  clip_store_append_filter_sql (sql, filter, TRUE);
  g_string_append (sql, order_sql (sort, filter->fts_query != NULL));
  g_string_append (sql, " LIMIT ? OFFSET ?");
  stmt = clip_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  i = clip_store_bind_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, i++, limit ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, i, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, clip_store_read_article (stmt));
  if (rc != SQLITE_DONE)
    {
      clip_store_set_query_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
clip_store_count_articles (ClipStore               *store,
                           const ClipArticleFilter *filter,
                           GError                 **error)
{
  static const ClipArticleFilter none = { 0 };
  g_autoptr(GString) sql = g_string_new ("SELECT count(*)");
  sqlite3_stmt *stmt;
  gint64 count;
  int rc;

  if (filter == NULL)
    filter = &none;
  clip_store_append_filter_sql (sql, filter, FALSE);
  stmt = clip_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return -1;
  clip_store_bind_filter (stmt, filter);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      clip_store_set_query_error (store, rc, error);
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static gboolean
update_article (ClipStore   *store,
                const char  *sql,
                gint64       id,
                const char  *text,
                gint64       value,
                GError     **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL || strstr (sql, "note") != NULL)
    clip_store_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, "Could not save the article", error);
  if (sqlite3_changes (clip_store_get_db (store)) == 0)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                   "There is no article %" G_GINT64_FORMAT, id);
      return FALSE;
    }
  return TRUE;
}

gboolean
clip_store_set_read (ClipStore *store, gint64 id, gboolean read, GError **error)
{
  return update_article (store, "UPDATE articles SET read = ? WHERE id = ?",
                         id, NULL, read ? 1 : 0, error);
}

gboolean
clip_store_set_flag (ClipStore *store, gint64 id, gint flag, GError **error)
{
  return update_article (store, "UPDATE articles SET flag = ? WHERE id = ?",
                         id, NULL, flag, error);
}

gboolean
clip_store_set_note (ClipStore *store, gint64 id, const char *note, GError **error)
{
  if (note != NULL && *note == '\0')
    note = NULL;
  return update_article (store, "UPDATE articles SET note = ? WHERE id = ?",
                         id, note, 0, error);
}

static gboolean
change_tag (ClipStore   *store,
            const char  *sql,
            gint64       id,
            const char  *tag,
            GError     **error)
{
  g_autofree char *clean = tag ? g_strstrip (g_strdup (tag)) : NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (clean == NULL || *clean == '\0' || !g_utf8_validate (clean, -1, NULL))
    {
      g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                           "A tag needs some text");
      return FALSE;
    }
  stmt = clip_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  clip_store_bind_text (stmt, 2, clean);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                   "There is no article %" G_GINT64_FORMAT, id);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, "Could not save the tag", error);
  return TRUE;
}

gboolean
clip_store_add_tag (ClipStore *store, gint64 id, const char *tag, GError **error)
{
  return change_tag (store, "INSERT OR IGNORE INTO tags (article_id, tag) VALUES (?, ?)",
                     id, tag, error);
}

gboolean
clip_store_remove_tag (ClipStore *store, gint64 id, const char *tag, GError **error)
{
  return change_tag (store, "DELETE FROM tags WHERE article_id = ? AND tag = ?",
                     id, tag, error);
}

GStrv
clip_store_get_tags (ClipStore  *store,
                     gint64      id,
                     GError    **error)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT tag FROM tags WHERE article_id = ? ORDER BY tag", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (b, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, "Could not read the tags", error);
      return NULL;
    }
  return g_strv_builder_end (b);
}

GArray *
clip_store_fts_search (ClipStore   *store,
                       const char  *fts_query,
                       gint64       before_id,
                       guint        limit,
                       GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid < ?2 "
      "ORDER BY rowid DESC LIMIT ?3", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  clip_store_bind_text (stmt, 1, fts_query);
  sqlite3_bind_int64 (stmt, 2, before_id > 0 ? before_id : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 3, limit ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      clip_store_set_query_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
append_quoted (const ClipToken *tok, gpointer user_data)
{
  GString *s = user_data;
  g_autofree char *q = clip_fts_quote (tok->folded);

  if (s->len)
    g_string_append_c (s, ' ');
  g_string_append (s, q);
  return TRUE;
}

/* Plain words as an FTS5 query that wants all of them; NULL if the text
 * has no words. */
char *
clip_store_words_to_fts (const char *text)
{
  GString *s = g_string_new (NULL);

  clip_text_tokenize (text, -1, append_quoted, s);
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}
