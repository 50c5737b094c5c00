/* clip-store-pages.c — articles' pages, their dates and their evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-store-pages.h"
#include "clip-store-sql.h"

#include <gio/gio.h>
#include <string.h>

const char *
clip_page_state_to_string (ClipPageState state)
{
  static const char *const names[] = { "none", "waiting", "fetched", "failed", "robots", "no-text" };

  return (guint) state < G_N_ELEMENTS (names) ? names[state] : "none";
}

void
clip_stored_page_free (ClipStoredPage *p)
{
  if (p == NULL)
    return;
  g_free (p->text);
  g_free (p->html);
  g_free (p->url);
  g_free (p->error);
  g_free (p->published_source);
  g_free (p->author);
  g_free (p->title);
  g_free (p->date_candidates);
  g_free (p);
}

void
clip_evidence_free (ClipEvidence *e)
{
  if (e == NULL)
    return;
  g_free (e->sha256);
  g_free (e->url);
  g_free (e->final_url);
  g_free (e->content_type);
  g_free (e->headers);
  g_free (e->file);
  g_free (e);
}

static gboolean
write_page (ClipStore *store, gint64 id, const ClipStoredPage *p, GError **error)
{
  gboolean has_text = p->state == CLIP_PAGE_STATE_FETCHED;
  /* The page's text only when it gave one: a failed re-fetch keeps what
   * an earlier fetch stored. The page's date becomes the article's only
   * where the feed gave none (the time order the analyst sees). */
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "UPDATE articles SET page_state = ?2, page_error = ?3, page_fetched = ?4, "
      "page_text = CASE WHEN ?5 THEN ?6 ELSE page_text END, "
      "page_html = CASE WHEN ?5 THEN ?7 ELSE page_html END, "
      "page_url = coalesce(?8, page_url), "
      "date_candidates = coalesce(?9, date_candidates), "
      "date_uncertain = CASE WHEN ?5 THEN ?10 ELSE date_uncertain END, "
      "published = CASE WHEN published IS NULL AND ?11 IS NOT NULL THEN ?11 ELSE published END, "
      "date_source = CASE WHEN published IS NULL AND ?11 IS NOT NULL THEN ?12 "
      "  ELSE coalesce(date_source, CASE WHEN published IS NOT NULL THEN 'feed' END) END, "
      "author = CASE WHEN author = '' AND ?13 IS NOT NULL THEN ?13 ELSE author END, "
      "title = CASE WHEN title = '' AND ?14 IS NOT NULL THEN ?14 ELSE title END "
      "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, p->state);
  clip_store_bind_text (stmt, 3, p->error);
  sqlite3_bind_int64 (stmt, 4, p->fetched ? p->fetched : g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int (stmt, 5, has_text);
  clip_store_bind_text (stmt, 6, p->text);
  clip_store_bind_text (stmt, 7, p->html);
  clip_store_bind_text (stmt, 8, p->url);
  clip_store_bind_text (stmt, 9, p->date_candidates);
  sqlite3_bind_int (stmt, 10, p->date_uncertain);
  if (has_text && p->published != CLIP_NO_DATE)
    sqlite3_bind_int64 (stmt, 11, p->published);
  clip_store_bind_text (stmt, 12, p->published_source);
  clip_store_bind_text (stmt, 13, has_text && p->author && *p->author ? p->author : NULL);
  clip_store_bind_text (stmt, 14, has_text && p->title && *p->title ? p->title : NULL);
  if (!clip_store_step_done (store, stmt, "Could not store an article's page", error))
    return FALSE;
  if (sqlite3_changes (clip_store_get_db (store)) == 0)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                   "There is no article %" G_GINT64_FORMAT, id);
      return FALSE;
    }
  return TRUE;
}

gboolean
clip_store_save_page (ClipStore            *store,
                      gint64                article_id,
                      const ClipStoredPage *page,
                      GError              **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (page != NULL, FALSE);
  if (page->text != NULL && !g_utf8_validate (page->text, -1, NULL))
    {
      g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                           "The page's text is not valid UTF-8");
      return FALSE;
    }
  g_array_append_val (ids, article_id);
  if (!clip_store_begin (store, error))
    return FALSE;
  if (!write_page (store, article_id, page, error) ||
      (page->state == CLIP_PAGE_STATE_FETCHED && !clip_store_run_ingest_hooks (store, ids, error)))
    {
      clip_store_rollback (store);
      return FALSE;
    }
  return clip_store_commit (store, error);
}

gboolean
clip_store_want_pages (ClipStore    *store,
                       const GArray *article_ids,
                       gboolean      force,
                       GError      **error)
{
  sqlite3_stmt *stmt;

  if (article_ids->len == 0)
    return TRUE;
  if (!clip_store_begin (store, error))
    return FALSE;
  stmt = clip_store_prepare (store, force
      ? "UPDATE articles SET page_state = 1 WHERE id = ?1"
      : "UPDATE articles SET page_state = 1 WHERE id = ?1 AND page_state = 0", error);
  for (guint i = 0; stmt != NULL && i < article_ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (article_ids, gint64, i));
      if (!clip_store_step_done (store, stmt, "Could not mark a page to fetch", error))
        stmt = NULL;
    }
  if (stmt == NULL)
    {
      clip_store_rollback (store);
      return FALSE;
    }
  return clip_store_commit (store, error);
}

/* Outlets with pages waiting, lowest id first, at most limit: a skip
 * over the per-outlet index, one seek per outlet. */
static GArray *
waiting_outlets (ClipStore *store, guint limit, GError **error)
{
  g_autoptr(GArray) outlets = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "WITH RECURSIVE o(id) AS ("
      "  SELECT min(outlet_id) FROM articles WHERE page_state = 1"
      "  UNION ALL SELECT (SELECT min(outlet_id) FROM articles"
      "    WHERE page_state = 1 AND outlet_id > o.id) FROM o WHERE o.id IS NOT NULL)"
      "SELECT id FROM o WHERE id IS NOT NULL LIMIT ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (outlets, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, "Could not read the pages to fetch", error);
      return NULL;
    }
  return g_steal_pointer (&outlets);
}

/* Up to share + 1 waiting pages of one outlet, newest first, into
 * per_outlet (an array of id arrays). */
static gboolean
outlet_waiting (ClipStore *store, gint64 outlet_id, guint share, GPtrArray *per_outlet,
                GError **error)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT id FROM articles WHERE page_state = 1 AND outlet_id = ? ORDER BY id DESC LIMIT ?",
      error);
  int rc;

  g_ptr_array_add (per_outlet, ids);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlet_id);
  sqlite3_bind_int64 (stmt, 2, share + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, "Could not read the pages to fetch", error);
  return TRUE;
}

GArray *
clip_store_waiting_pages (ClipStore  *store,
                          guint       limit,
                          gboolean   *more,
                          GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) per_outlet = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) outlets = NULL;
  guint share;

  limit = MAX (limit, 1);
  *more = FALSE;
  if (!(outlets = waiting_outlets (store, limit + 1, error)))
    return NULL;
  /* More outlets wait than fit: the rest come in a later batch. */
  if (outlets->len > limit)
    {
      g_array_set_size (outlets, limit);
      *more = TRUE;
    }
  share = outlets->len ? MAX (1, limit / outlets->len) : 0;
  for (guint i = 0; i < outlets->len; i++)
    if (!outlet_waiting (store, g_array_index (outlets, gint64, i), share, per_outlet, error))
      return NULL;
  /* Round robin: each outlet's newest first, one outlet after another. */
  for (guint round = 0; round < share; round++)
    for (guint i = 0; i < per_outlet->len; i++)
      {
        GArray *of = g_ptr_array_index (per_outlet, i);

        if (round < of->len)
          g_array_append_val (ids, g_array_index (of, gint64, round));
      }
  for (guint i = 0; i < per_outlet->len; i++)
    *more |= ((GArray *) g_ptr_array_index (per_outlet, i))->len > share;
  return g_steal_pointer (&ids);
}

#define EVIDENCE_BATCH 2000

/* The last article id of the next batch of the rule's matches after
 * from, or 0 when none is left. */
static gboolean
evidence_batch_end (ClipStore *store, gint64 rule_id, gint64 from, gint64 *to, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT max(article_id) FROM (SELECT article_id FROM matches WHERE rule_id = ?1 "
      "AND article_id > ?2 ORDER BY article_id LIMIT ?3)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, EVIDENCE_BATCH);
  rc = sqlite3_step (stmt);
  *to = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return clip_store_set_error (store, rc, "Could not read the rule's matches", error);
  return TRUE;
}

gboolean
clip_store_want_evidence (ClipStore  *store,
                          gint64      rule_id,
                          guint64    *n_wanted,
                          GError    **error)
{
  gint64 from = 0, to = 0;
  guint64 n = 0;

  /* In batches, each its own transaction (or part of the caller's): a
   * rule over a large archive does not hold the writer for long. */
  while (evidence_batch_end (store, rule_id, from, &to, error))
    {
      sqlite3_stmt *stmt;

      if (to == 0)
        {
          if (n_wanted)
            *n_wanted = n;
          return TRUE;
        }
      if (!clip_store_begin (store, error))
        return FALSE;
      stmt = clip_store_prepare (store,
          "UPDATE articles SET page_state = 1 WHERE id IN (SELECT article_id FROM matches "
          "WHERE rule_id = ?1 AND article_id > ?2 AND article_id <= ?3) AND" CLIP_STORE_NEEDS_EVIDENCE, error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, rule_id);
          sqlite3_bind_int64 (stmt, 2, from);
          sqlite3_bind_int64 (stmt, 3, to);
        }
      if (stmt == NULL || !clip_store_step_done (store, stmt, "Could not mark a page to fetch", error))
        {
          clip_store_rollback (store);
          return FALSE;
        }
      n += sqlite3_changes (clip_store_get_db (store));
      if (!clip_store_commit (store, error))
        return FALSE;
      from = to;
    }
  return FALSE;
}

gboolean
clip_store_want_evidence_of (ClipStore    *store,
                             const GArray *article_ids,
                             GError      **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "UPDATE articles SET page_state = 1 WHERE id = ?1 AND (flag != 0 OR "
      "EXISTS (SELECT 1 FROM matches m WHERE m.article_id = ?1)) AND" CLIP_STORE_NEEDS_EVIDENCE, error);

  for (guint i = 0; stmt != NULL && i < article_ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (article_ids, gint64, i));
      if (!clip_store_step_done (store, stmt, "Could not mark a page to fetch", error))
        return FALSE;
    }
  return stmt != NULL;
}

/* One text (or NULL) of one row; FALSE on error. */
static gboolean
get_text (ClipStore *store, const char *sql, gint64 id, char **out, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, error);
  int rc;

  *out = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = clip_store_dup_column (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, "Could not read an article", error);
  return TRUE;
}

char *
clip_store_get_date_candidates (ClipStore  *store,
                                gint64      article_id,
                                GError    **error)
{
  char *json = NULL;

  get_text (store, "SELECT date_candidates FROM articles WHERE id = ?", article_id, &json, error);
  return json;
}

gboolean
clip_store_article_is_marked (ClipStore  *store,
                              gint64      article_id,
                              gboolean   *marked,
                              GError    **error)
{
  g_autofree char *yes = NULL;

  if (!get_text (store, "SELECT 'yes' FROM articles a WHERE a.id = ?1 AND (a.flag != 0 OR "
                 "EXISTS (SELECT 1 FROM matches m WHERE m.article_id = ?1))", article_id, &yes, error))
    return FALSE;
  *marked = yes != NULL;
  return TRUE;
}

GBytes *
clip_store_get_page_model (ClipStore  *store,
                           gint64      outlet_id,
                           GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT page_model FROM outlets WHERE id = ?", error);
  GBytes *bytes = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, outlet_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    clip_store_set_error (store, rc, "Could not read the outlet's page model", error);
  return bytes;
}

gboolean
clip_store_set_page_model (ClipStore  *store,
                           gint64      outlet_id,
                           GBytes     *model,
                           GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "UPDATE outlets SET page_model = ?2 WHERE id = ?1", error);
  gsize len = 0;
  const void *data = model ? g_bytes_get_data (model, &len) : NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlet_id);
  if (data != NULL)
    sqlite3_bind_blob64 (stmt, 2, data, len, SQLITE_TRANSIENT);
  return clip_store_step_done (store, stmt, "Could not save the outlet's page model", error);
}
