/* clip-store-query.c — reading articles, the analyst's marks, full text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-store-sql.h"
#include "clip-store-newest.h"
#include "clip-fts.h"
#include "clip-text.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>

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
                 _("There is no article %" PRId64), id);
  else
    clip_store_set_error (store, rc, _("Could not read the article"), error);
  return NULL;
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
                   _("The search could not be read (%s)"), msg);
      return FALSE;
    }
  return clip_store_set_error (store, rc, _("Could not read the articles"), error);
}

static GPtrArray *
read_articles (ClipStore     *store,
               const GArray  *ids,
               GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);

  for (guint i = 0; i < ids->len; i++)
    {
      ClipArticle *a = clip_store_get_article (store, g_array_index (ids, gint64, i), error);

      if (a == NULL)
        return NULL;
      g_ptr_array_add (list, a);
    }
  return g_steal_pointer (&list);
}

/* The page's ids in the view's order, then their rows: a row read for
 * each article listed, none for those the order steps over. Names sort
 * A to Z, times newest first. */
GPtrArray *
clip_store_list_articles (ClipStore               *store,
                          const ClipArticleFilter *filter,
                          ClipSort                 sort,
                          guint                    offset,
                          guint                    limit,
                          GError                 **error)
{
  gboolean by_name = sort == CLIP_SORT_OUTLET || sort == CLIP_SORT_TITLE;
  g_autoptr(GArray) ids = NULL;
  GPtrArray *list = NULL;

  /* One read transaction: the rows are those of the ids. */
  if (!clip_store_exec (store, "SAVEPOINT list_articles", error))
    return NULL;
  ids = clip_store_select_ids (store, filter, sort, by_name, offset, limit, NULL, error);
  if (ids != NULL)
    list = read_articles (store, ids, error);
  clip_store_exec (store, "RELEASE list_articles", NULL);
  return list;
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
  clip_store_append_filter_sql (sql, filter, 0);
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
    return clip_store_set_error (store, rc, _("Could not save the article"), error);
  if (sqlite3_changes (clip_store_get_db (store)) == 0)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                   _("There is no article %" PRId64), id);
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
                           _("A tag needs some text"));
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
                   _("There is no article %" PRId64), id);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not save the tag"), error);
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
      clip_store_set_error (store, rc, _("Could not read the tags"), error);
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
  g_autoptr(ClipNewest) walk = NULL;
  ClipTimeKey after, key;
  GError *local = NULL;

  g_return_val_if_fail (fts_query != NULL, NULL);

  /* G_MAXINT64 too: the old "below every id". */
  if (before_id == G_MAXINT64)
    before_id = 0;
  if (before_id > 0 && !clip_store_time_key (store, before_id, &after, error))
    return NULL;
  if (!(walk = clip_newest_new (store, fts_query, before_id > 0 ? &after : NULL, limit == 0,
                                NULL, error)))
    return NULL;
  while ((limit == 0 || ids->len < limit) && clip_newest_next (walk, &key, &local))
    g_array_append_val (ids, key.id);
  if (local != NULL)
    {
      g_propagate_error (error, local);
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
