/* clip-store-articles.c — ingest, article queries, the analyst's marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-store-sql.h"
#include "clip-fts.h"
#include "clip-text.h"
#include "clip-url.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>

void
clip_ingest_result_init (ClipIngestResult *r)
{
  memset (r, 0, sizeof *r);
  r->added_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  r->updated_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
clip_ingest_result_clear (ClipIngestResult *r)
{
  g_clear_pointer (&r->added_ids, g_array_unref);
  g_clear_pointer (&r->updated_ids, g_array_unref);
  r->added = r->updated = r->unchanged = 0;
}

ClipArticle *
clip_store_read_article (sqlite3_stmt *stmt)
{
  ClipArticle *a = clip_article_new ();

  a->id = sqlite3_column_int64 (stmt, 0);
  a->outlet_id = sqlite3_column_int64 (stmt, 1);
  a->guid = clip_store_dup_column (stmt, 2);
  a->url = clip_store_dup_column (stmt, 3);
  a->title = clip_store_dup_column (stmt, 4);
  a->author = clip_store_dup_column (stmt, 5);
  a->summary_html = clip_store_dup_column (stmt, 6);
  a->summary_text = clip_store_dup_column (stmt, 7);
  a->content_html = clip_store_dup_column (stmt, 8);
  a->content_text = clip_store_dup_column (stmt, 9);
  a->lang = clip_store_dup_column (stmt, 10);
  a->published = sqlite3_column_type (stmt, 11) == SQLITE_NULL
                 ? CLIP_NO_DATE : sqlite3_column_int64 (stmt, 11);
  a->updated = sqlite3_column_type (stmt, 12) == SQLITE_NULL
               ? CLIP_NO_DATE : sqlite3_column_int64 (stmt, 12);
  a->fetched = sqlite3_column_int64 (stmt, 13);
  a->read = sqlite3_column_int (stmt, 14) != 0;
  a->starred = sqlite3_column_int (stmt, 15) != 0;
  a->flag = sqlite3_column_int (stmt, 16);
  a->note = clip_store_dup_column (stmt, 17);
  a->outlet_name = clip_store_dup_column (stmt, 18);
  a->page_text = clip_store_dup_column (stmt, 19);
  a->page_html = clip_store_dup_column (stmt, 20);
  a->page_url = clip_store_dup_column (stmt, 21);
  a->page_state = sqlite3_column_int (stmt, 22);
  a->date_source = clip_store_dup_column (stmt, 23);
  a->date_uncertain = sqlite3_column_int (stmt, 24) != 0;
  return a;
}

static void
bind_date (sqlite3_stmt *stmt, int idx, gint64 t)
{
  if (t == CLIP_NO_DATE)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, t);
}

/* Binds the feed-supplied columns at 1..13, in the order both the INSERT
 * and the UPDATE list them. */
static void
bind_content (sqlite3_stmt      *stmt,
              const ClipArticle *a,
              const char        *canonical,
              const char        *hash)
{
  clip_store_bind_text (stmt, 1, a->url);
  clip_store_bind_text (stmt, 2, canonical);
  clip_store_bind_text (stmt, 3, a->title ? a->title : "");
  clip_store_bind_text (stmt, 4, a->author ? a->author : "");
  clip_store_bind_text (stmt, 5, a->summary_html);
  clip_store_bind_text (stmt, 6, a->summary_text);
  clip_store_bind_text (stmt, 7, a->content_html);
  clip_store_bind_text (stmt, 8, a->content_text);
  clip_store_bind_text (stmt, 9, a->lang);
  bind_date (stmt, 10, a->published);
  bind_date (stmt, 11, a->updated);
  clip_store_bind_text (stmt, 12, hash);
}

/* Finds the stored article this one is: same (outlet, guid), else the
 * same canonical address. Returns its id, or 0; -1 on error. */
static gint64
find_existing (ClipStore   *store,
               gint64       outlet_id,
               const char  *guid,
               const char  *canonical,
               char       **hash_out,
               GError     **error)
{
  const char *sql[] = {
    "SELECT id, content_hash FROM articles WHERE outlet_id = ? AND guid = ?",
    "SELECT id, content_hash FROM articles WHERE canonical_url = ? LIMIT 1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt;
      int rc;

      if (i == 1 && canonical == NULL)
        break;
      stmt = clip_store_prepare (store, sql[i], error);
      if (stmt == NULL)
        return -1;
      if (i == 0)
        {
          sqlite3_bind_int64 (stmt, 1, outlet_id);
          clip_store_bind_text (stmt, 2, guid);
        }
      else
        clip_store_bind_text (stmt, 1, canonical);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          *hash_out = clip_store_dup_column (stmt, 1);
          sqlite3_reset (stmt);     /* hold no read snapshot past this */
          return id;
        }
      if (rc != SQLITE_DONE)
        {
          clip_store_set_error (store, rc, _("Could not look up an article"), error);
          return -1;
        }
    }
  return 0;
}

/* Adds a new row to the full-text index with exactly the values the
 * update and delete triggers will later read back from the row (the
 * generated column `body` is content_text, else summary_text). */
static gboolean
index_new (ClipStore *store, gint64 id, const ClipArticle *a, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "INSERT INTO articles_fts (rowid, title, body, author) "
      "VALUES (?1, ?2, coalesce(nullif(?3, ''), ?4, ''), ?5)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  clip_store_bind_text (stmt, 2, a->title ? a->title : "");
  clip_store_bind_text (stmt, 3, a->content_text);
  clip_store_bind_text (stmt, 4, a->summary_text);
  clip_store_bind_text (stmt, 5, a->author ? a->author : "");
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not index an article"), error);
  return TRUE;
}

/* A new article's time (clip_article_time(), judged against the fetch the
 * row records) into article_times, and its block's latest time. From here,
 * not a trigger: a trigger's nested statement makes FTS5 flush its pending
 * terms, one tiny segment per article (ingest 2.3x the CPU, measured). */
static gboolean
index_time (ClipStore *store, gint64 id, const ClipArticle *a, gint64 fetched, GError **error)
{
  ClipArticle judged = { .published = a->published, .fetched = fetched };
  gint64 time = clip_article_time (&judged);
  const char *sql[] = {
    "INSERT INTO article_times (id, time) VALUES (?1, ?2)",
    "INSERT INTO article_time_blocks (block, max_time) VALUES (?1 >> 10, ?2) "
    "ON CONFLICT (block) DO UPDATE SET max_time = max(max_time, excluded.max_time)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = clip_store_prepare (store, sql[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, time);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        return clip_store_set_error (store, rc, _("Could not index an article"), error);
    }
  return TRUE;
}

static char *
fallback_guid (const ClipArticle *a)
{
  g_autofree char *key = g_strconcat (a->url ? a->url : "", "\n", a->title ? a->title : "", NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, key, -1);
}

static gboolean
validate_article (const ClipArticle *a, guint index, GError **error)
{
  const char *fields[] = { a->title, a->author, a->summary_text, a->content_text, a->url };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && !g_utf8_validate (fields[i], -1, NULL))
      {
        g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                     _("Article %u of the batch has text that is not valid UTF-8"), index + 1);
        return FALSE;
      }
  if ((a->title == NULL || *a->title == '\0') && (a->url == NULL || *a->url == '\0') &&
      *clip_article_body (a) == '\0')
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   _("Article %u of the batch has no title, address or text"), index + 1);
      return FALSE;
    }
  return TRUE;
}

static gboolean
ingest_one (ClipStore         *store,
            gint64             outlet_id,
            gint64             now,
            const ClipArticle *a,
            ClipIngestResult  *result,
            GHashTable        *added,
            GError           **error)
{
  g_autofree char *canonical = clip_url_canonicalize (a->url);
  g_autofree char *hash = clip_article_content_hash (a);
  g_autofree char *old_hash = NULL;
  g_autofree char *guid = a->guid && *a->guid ? g_strdup (a->guid) : fallback_guid (a);
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  id = find_existing (store, outlet_id, guid, canonical, &old_hash, error);
  if (id < 0)
    return FALSE;
  if (id > 0 && g_strcmp0 (old_hash, hash) == 0)
    {
      result->unchanged++;
      return TRUE;
    }
  if (id > 0)
    stmt = clip_store_prepare (store,
        "UPDATE articles SET url = ?1, canonical_url = ?2, title = ?3, author = ?4, "
        "summary_html = ?5, summary_text = ?6, content_html = ?7, content_text = ?8, "
        "lang = ?9, published = ?10, updated = ?11, content_hash = ?12 WHERE id = ?13", error);
  else
    stmt = clip_store_prepare (store,
        "INSERT INTO articles (url, canonical_url, title, author, summary_html, "
        "summary_text, content_html, content_text, lang, published, updated, "
        "content_hash, outlet_id, guid, fetched) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", error);
  if (stmt == NULL)
    return FALSE;
  bind_content (stmt, a, canonical, hash);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 13, id);
  else
    {
      sqlite3_bind_int64 (stmt, 13, outlet_id);
      clip_store_bind_text (stmt, 14, guid);
      sqlite3_bind_int64 (stmt, 15, a->fetched ? a->fetched : now);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                   _("There is no outlet %" PRId64), outlet_id);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not store an article"), error);
  if (id > 0)
    {
      result->updated++;
      g_array_append_val (result->updated_ids, id);
      /* Added earlier in this batch and changed since: what memory holds
       * is no longer what is stored. */
      g_hash_table_remove (added, &id);
    }
  else
    {
      id = sqlite3_last_insert_rowid (clip_store_get_db (store));
      if (!index_new (store, id, a, error) ||
          !index_time (store, id, a, a->fetched ? a->fetched : now, error))
        return FALSE;
      result->added++;
      g_array_append_val (result->added_ids, id);
      g_hash_table_insert (added, g_memdup2 (&id, sizeof id), (gpointer) a);
    }
  return TRUE;
}

static GQuark
batch_quark (void)
{
  return g_quark_from_static_string ("clip-ingest-batch");
}

const ClipIngestBatch *
clip_store_get_ingest_batch (ClipStore *store)
{
  return g_object_get_qdata (G_OBJECT (store), batch_quark ());
}

static gboolean
run_hooks (ClipStore *store, ClipIngestResult *result, ClipIngestBatch *batch, GError **error)
{
  GArray *hooks = clip_store_get_hooks (store);
  g_autoptr(GArray) ids = NULL;
  gboolean ok = TRUE;

  if (hooks->len == 0 || result->added + result->updated == 0)
    return TRUE;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), result->added + result->updated);
  g_array_append_vals (ids, result->added_ids->data, result->added_ids->len);
  g_array_append_vals (ids, result->updated_ids->data, result->updated_ids->len);
  g_object_set_qdata (G_OBJECT (store), batch_quark (), batch);
  for (guint i = 0; ok && i < hooks->len; i++)
    {
      ClipIngestHookEntry *h = &g_array_index (hooks, ClipIngestHookEntry, i);

      ok = h->hook (store, ids, h->data, error);
    }
  g_object_set_qdata (G_OBJECT (store), batch_quark (), NULL);
  return ok;
}

gboolean
clip_store_run_ingest_hooks (ClipStore    *store,
                             const GArray *article_ids,
                             GError      **error)
{
  GArray *hooks = clip_store_get_hooks (store);

  for (guint i = 0; i < hooks->len; i++)
    {
      ClipIngestHookEntry *h = &g_array_index (hooks, ClipIngestHookEntry, i);

      if (!h->hook (store, article_ids, h->data, error))
        return FALSE;
    }
  return TRUE;
}

/* Oldest first; undated articles (they count as fetched now) last. The
 * sort is stable, so equal times keep the feed's order. */
static int
compare_age (gconstpointer pa, gconstpointer pb)
{
  const ClipArticle *a = *(ClipArticle * const *) pa;
  const ClipArticle *b = *(ClipArticle * const *) pb;
  gint64 ta = a->published != CLIP_NO_DATE ? a->published : G_MAXINT64;
  gint64 tb = b->published != CLIP_NO_DATE ? b->published : G_MAXINT64;

  return (ta > tb) - (ta < tb);
}

/* Writes a batch in one transaction (or inside the caller's): each
 * article is added, updated in place when its content changed (the
 * analyst's read state, flag, tags and note stay), or left alone. On any
 * error nothing of the batch is kept and result is reset. */
gboolean
clip_store_ingest (ClipStore         *store,
                   gint64             outlet_id,
                   GPtrArray         *articles,
                   ClipIngestResult  *result,
                   GError           **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GPtrArray) ordered = NULL;
  ClipIngestBatch batch = { outlet_id, NULL };

  g_return_val_if_fail (result != NULL && result->added_ids != NULL, FALSE);

  for (guint i = 0; i < articles->len; i++)
    if (!validate_article (g_ptr_array_index (articles, i), i, error))
      return FALSE;
  /* Feeds list newest first; storing oldest first makes ids (the list's
   * fast order) follow publication time within a fetch too. */
  ordered = g_ptr_array_sized_new (articles->len);
  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (ordered, g_ptr_array_index (articles, i));
  g_ptr_array_sort (ordered, compare_age);
  if (!clip_store_begin (store, error))
    return FALSE;
  batch.added = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < ordered->len; i++)
    if (!ingest_one (store, outlet_id, now, g_ptr_array_index (ordered, i), result,
                     batch.added, error))
      goto fail;
  if (!run_hooks (store, result, &batch, error))
    goto fail;
  g_hash_table_destroy (batch.added);
  if (!clip_store_commit (store, error))
    goto reset;
  return TRUE;

fail:
  g_hash_table_destroy (batch.added);
  clip_store_rollback (store);
reset:
  g_array_set_size (result->added_ids, 0);
  g_array_set_size (result->updated_ids, 0);
  result->added = result->updated = result->unchanged = 0;
  return FALSE;
}
