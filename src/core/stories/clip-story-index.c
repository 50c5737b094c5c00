/* clip-story-index.c — grouping as articles arrive: the writer's index
 * (near-copies of the whole archive, stories of the live window), the
 * ingest hook, and grouping the archive again from scratch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-stories-private.h"
#include "clip-store-newest.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct {
  ClipCopyIndex   *copies;
  ClipStoryWindow *live;    /* stories of the newest days; NULL: to load */
  ClipStoryWindow *late;    /* around an article older than those, or NULL */
  gint64           high;    /* the newest article's time */
  gboolean         loaded;
  guint            rollbacks;  /* the store's count when last seen */
  gboolean         suspect;    /* a batch was rolled back since the windows were read */
  /* While grouping again: old story ids articles may keep, and those
   * already taken by a story of this run. */
  GHashTable      *taken;
} Index;

static void
index_free (gpointer data)
{
  Index *ix = data;

  _clip_copy_index_free (ix->copies);
  _clip_story_window_free (ix->live);
  _clip_story_window_free (ix->late);
  g_clear_pointer (&ix->taken, g_hash_table_unref);
  g_free (ix);
}

#define INDEX_KEY "clip-story-index"

static Index *
get_index (ClipStore *store)
{
  Index *ix = g_object_get_data (G_OBJECT (store), INDEX_KEY);

  if (ix == NULL)
    {
      ix = g_new0 (Index, 1);
      ix->copies = _clip_copy_index_new ();
      ix->high = G_MININT64;
      g_object_set_data_full (G_OBJECT (store), INDEX_KEY, ix, index_free);
    }
  return ix;
}

/* The analyst changed stories: the windows read them again when next
 * needed (near-copies do not change). */
static void
forget_windows (ClipStore *store)
{
  Index *ix = g_object_get_data (G_OBJECT (store), INDEX_KEY);

  if (ix == NULL)
    return;
  g_clear_pointer (&ix->live, _clip_story_window_free);
  g_clear_pointer (&ix->late, _clip_story_window_free);
  ix->suspect = FALSE;
}

gsize
clip_stories_index_bytes (ClipStore *writer)
{
  Index *ix = g_object_get_data (G_OBJECT (writer), INDEX_KEY);

  if (ix == NULL)
    return 0;
  return sizeof *ix + _clip_copy_index_bytes (ix->copies) +
         (ix->live ? _clip_story_window_bytes (ix->live) : 0) +
         (ix->late ? _clip_story_window_bytes (ix->late) : 0);
}

static gint64
query_int (ClipStore *store, const char *sql, gint64 fallback, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, error);
  gint64 v = fallback;
  int rc;

  if (stmt == NULL)
    return G_MININT64;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, _("Could not read the stories"), error);
      return G_MININT64;
    }
  return v;
}

static gboolean
load_live (Index *ix, ClipStore *store, GError **error)
{
  gint64 high = query_int (store,
      "SELECT max(time) FROM story_articles WHERE story_id IS NOT NULL", G_MININT64 / 2, error);

  if (high == G_MININT64)
    return FALSE;
  ix->high = MAX (ix->high, high);
  ix->live = _clip_story_window_new (high - CLIP_STORY_KEEP, G_MAXINT64);
  return _clip_story_window_load (ix->live, store, error);
}

/* Where doc's story is looked for: the live window, or one read for it. */
static ClipStoryWindow *
window_for (Index *ix, ClipStore *store, gint64 time, GError **error)
{
  if (time - CLIP_STORY_WINDOW >= _clip_story_window_lo (ix->live))
    return ix->live;
  if (ix->late && time - CLIP_STORY_WINDOW >= _clip_story_window_lo (ix->late) &&
      time + CLIP_STORY_WINDOW <= _clip_story_window_hi (ix->late))
    return ix->late;
  _clip_story_window_free (ix->late);
  ix->late = _clip_story_window_new (time - 3 * CLIP_STORY_WINDOW, time + 3 * CLIP_STORY_WINDOW);
  if (!_clip_story_window_load (ix->late, store, error))
    {
      g_clear_pointer (&ix->late, _clip_story_window_free);
      return NULL;
    }
  return ix->late;
}

static gint64
new_story (Index *ix, ClipStore *store, gint64 reuse, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Grouping again: the story takes the id its first article had. */
  if (reuse && ix->taken && g_hash_table_add (ix->taken, g_memdup2 (&reuse, sizeof reuse)))
    return reuse;
  stmt = clip_store_prepare (store, "INSERT INTO stories (created) VALUES (?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not add a story"), error);
  return sqlite3_last_insert_rowid (clip_store_get_db (store));
}

static gboolean
step_done (ClipStore *store, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  return rc == SQLITE_DONE || clip_store_set_error (store, rc, _("Could not save a story"), error);
}

/* doc is published before the root of the copies it matched: it becomes
 * their root, and recycled marks are measured from it. */
static gboolean
reroot (ClipStore *store, const ClipStoryDoc *doc, const ClipCopyMatch *m, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "UPDATE story_articles SET copy_of = ?1, "
      "  shared = CASE WHEN article_id = ?2 THEN ?4 ELSE shared END, "
      "  recycled_from = CASE WHEN time - ?3 >= ?5 THEN ?1 END "
      "WHERE article_id = ?2 OR copy_of = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, doc->id);
  sqlite3_bind_int64 (stmt, 2, m->replaces);
  sqlite3_bind_int64 (stmt, 3, doc->time);
  sqlite3_bind_double (stmt, 4, m->shared);
  sqlite3_bind_int64 (stmt, 5, CLIP_STORY_RECYCLED_AGE);
  return step_done (store, stmt, error);
}

static gboolean
write_row (ClipStore *store, const ClipStoryDoc *doc, gint64 story, const ClipCopyMatch *m,
           const guint16 *sig, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "INSERT INTO story_articles (article_id, story_id, time, outlet_id, copy_of, shared, "
      "  recycled_from) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
      "ON CONFLICT (article_id) DO UPDATE SET story_id = ?2, time = ?3, outlet_id = ?4, "
      "  copy_of = ?5, shared = ?6, recycled_from = ?7", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, doc->id);
  sqlite3_bind_int64 (stmt, 2, story);
  sqlite3_bind_int64 (stmt, 3, doc->time);
  sqlite3_bind_int64 (stmt, 4, doc->outlet_id);
  if (m->copy_of)
    {
      sqlite3_bind_int64 (stmt, 5, m->copy_of);
      sqlite3_bind_double (stmt, 6, m->shared);
      if (doc->time - m->time >= CLIP_STORY_RECYCLED_AGE)
        sqlite3_bind_int64 (stmt, 7, m->copy_of);
    }
  if (!step_done (store, stmt, error))
    return FALSE;
  if (sig == NULL)
    return TRUE;
  stmt = clip_store_prepare (store,
      "INSERT OR REPLACE INTO copy_sigs (article_id, sig) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, doc->id);
  sqlite3_bind_blob (stmt, 2, sig, sizeof (guint16) * CLIP_COPY_HASHES, SQLITE_STATIC);
  return step_done (store, stmt, error) &&
         (m->replaces == 0 || reroot (store, doc, m, error));
}

/* Whether a story the window offers is stored; one that is not (its
 * batch was rolled back) leaves the window. */
static gboolean
story_stored (ClipStore *store, ClipStoryWindow *w, gint64 story, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT 1 FROM stories WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    _clip_story_window_drop (w, story);
  else if (rc != SQLITE_ROW)
    clip_store_set_error (store, rc, _("Could not read a story"), error);
  return rc == SQLITE_ROW;
}

/* Groups one article: a near-copy joins its original's story; else the
 * nearest story of its window, else a story of its own. pinned: the
 * story the analyst put it in (kept); reuse: an id a new story may take. */
static gboolean
group_doc (Index *ix, ClipStore *store, const ClipStoryDoc *doc, gint64 pinned,
           gint64 reuse, GError **error)
{
  g_autoptr(GArray) shingles = clip_story_shingles (doc->body);
  g_autoptr(GArray) keys = clip_story_keys (doc->title, doc->body, doc->lang, NULL);
  guint16 sig[CLIP_COPY_HASHES];
  gboolean has_sig = shingles->len >= CLIP_COPY_MIN_SHINGLES;
  ClipCopyMatch m = { 0 };
  gint64 story = pinned;

  if (has_sig)
    {
      _clip_copy_signature (shingles, sig);
      if (!_clip_copy_index_find (ix->copies, store, doc, shingles, sig, &m, error))
        return FALSE;
    }
  if (story == 0)
    story = m.story_id;
  if (story == 0)
    {
      ClipStoryWindow *w = window_for (ix, store, doc->time, error);

      if (w == NULL)
        return FALSE;
      story = _clip_story_window_best (w, doc->time, doc->lang, keys, NULL);
      if (story && ix->suspect && !story_stored (store, w, story, error))
        {
          if (error && *error)
            return FALSE;
          story = 0;
        }
    }
  if (story == 0 && (story = new_story (ix, store, reuse, error)) == 0)
    return FALSE;
  if (!write_row (store, doc, story, &m, has_sig ? sig : NULL, error))
    return FALSE;
  if (has_sig)
    _clip_copy_index_add (ix->copies, doc->id, sig);
  if (_clip_story_window_covers (ix->live, doc->time))
    _clip_story_window_add (ix->live, story, doc->time, doc->lang, keys);
  if (ix->late && _clip_story_window_covers (ix->late, doc->time))
    _clip_story_window_add (ix->late, story, doc->time, doc->lang, keys);
  /* A date in the future (a feed's clock) does not move the window. */
  if (doc->time > ix->high && doc->time <= g_get_real_time () / G_USEC_PER_SEC + 86400)
    {
      ix->high = doc->time;
      if (ix->high - CLIP_STORY_KEEP > _clip_story_window_lo (ix->live) + 3600)
        _clip_story_window_slide (ix->live, ix->high - CLIP_STORY_KEEP);
    }
  return TRUE;
}

/* Rows to group, oldest first: (article, story kept or 0, old story). */
typedef struct {
  gint64 article;
  gint64 pinned;
  gint64 old;
} Todo;

/* The article's time is the lists' (article_times: a date in the future
 * counts from the fetch), so a story's days are the lists' days. */
#define ARTICLE_SQL \
  "SELECT a.outlet_id, a.title, coalesce(nullif(a.content_text, ''), a.summary_text, ''), " \
  "  a.lang, t.time FROM articles a JOIN article_times t ON t.id = a.id WHERE a.id = ?"

static gboolean
group_stored (Index *ix, ClipStore *store, const Todo *t, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, ARTICLE_SQL, error);
  ClipStoryDoc doc = { t->article };
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->article);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      doc.outlet_id = sqlite3_column_int64 (stmt, 0);
      doc.title = (const char *) sqlite3_column_text (stmt, 1);
      doc.body = (const char *) sqlite3_column_text (stmt, 2);
      doc.lang = clip_story_lang_index ((const char *) sqlite3_column_text (stmt, 3), doc.title);
      doc.time = sqlite3_column_int64 (stmt, 4);
      /* The statement stays open while grouping: copies and stories are
       * read through other statements of the same connection. */
      ok = group_doc (ix, store, &doc, t->pinned, t->old, error);
    }
  else if (rc != SQLITE_DONE)
    ok = clip_store_set_error (store, rc, _("Could not read an article"), error);
  sqlite3_reset (stmt);
  return ok;
}

static GArray *
read_todo (ClipStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, error);
  GArray *todo;
  int rc;

  if (stmt == NULL)
    return NULL;
  todo = g_array_new (FALSE, FALSE, sizeof (Todo));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Todo t = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                 sqlite3_column_int64 (stmt, 2) };
      g_array_append_val (todo, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_array_unref (todo);
      clip_store_set_error (store, rc, _("Could not read the stories"), error);
      return NULL;
    }
  return todo;
}

/* Groups rows oldest first in a window that follows them. */
static gboolean
group_all (Index *ix, ClipStore *store, GArray *todo, ClipProgressFunc progress,
           gpointer progress_data, GCancellable *cancellable, GError **error)
{
  g_clear_pointer (&ix->live, _clip_story_window_free);
  g_clear_pointer (&ix->late, _clip_story_window_free);
  ix->live = _clip_story_window_new (G_MININT64 / 2, G_MAXINT64);
  for (guint i = 0; i < todo->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !group_stored (ix, store, &g_array_index (todo, Todo, i), error))
        return FALSE;
      if (progress && (i % 1000 == 999 || i + 1 == todo->len))
        progress (i + 1, todo->len, progress_data);
    }
  return TRUE;
}

/* The first use on a connection: the copies of the archive, then the
 * rows not grouped yet (an archive from before stories), then the live
 * window. */
static gboolean
ensure_loaded (Index *ix, ClipStore *store, GError **error)
{
  g_autoptr(GArray) pending = NULL;

  if (!ix->loaded)
    {
      if (!_clip_copy_index_load (ix->copies, store, error))
        return FALSE;
      ix->loaded = TRUE;
      pending = read_todo (store,
          "SELECT article_id, 0, 0 FROM story_articles WHERE story_id IS NULL "
          "ORDER BY time, article_id", error);
      if (pending == NULL)
        return FALSE;
      if (pending->len && !group_all (ix, store, pending, NULL, NULL, NULL, error))
        return FALSE;
    }
  return ix->live != NULL || load_live (ix, store, error);
}

/* An article the ingest changed: grouped already, it stays where it is
 * (its time and outlet follow the row); else it is grouped now. */
static gboolean
group_changed (Index *ix, ClipStore *store, const Todo *t, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "UPDATE story_articles SET time = (SELECT time FROM article_times WHERE id = ?1), "
      "  outlet_id = a.outlet_id FROM articles a "
      "WHERE story_articles.article_id = ?1 AND a.id = ?1 "
      "  AND story_articles.story_id IS NOT NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->article);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (clip_store_get_db (store)) > 0)
    return TRUE;
  return group_stored (ix, store, t, error);
}

static gboolean
group_ingested (ClipStore *store, const GArray *ids, gpointer data, GError **error)
{
  Index *ix = get_index (store);
  const ClipIngestBatch *batch = clip_store_get_ingest_batch (store);

  /* A batch was rolled back since: the windows may hold stories that are
   * not stored; each story they offer is checked from now on (reading
   * them again here would be a large read in the ingest's transaction).
   * The copies' index checks each candidate's stored text anyway. */
  if (ix->rollbacks != clip_store_get_rollbacks (store))
    {
      ix->suspect = TRUE;
      ix->rollbacks = clip_store_get_rollbacks (store);
    }
  if (!ensure_loaded (ix, store, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      const ClipArticle *a = batch ? g_hash_table_lookup (batch->added, &id) : NULL;
      Todo t = { id, 0, 0 };

      /* New, with its text at hand; its time is the row's (the store
       * judged its date against when it first saw it). */
      if (a)
        {
          ClipTimeKey key;
          ClipStoryDoc doc = { id, batch->outlet_id, 0, a->title,
                               clip_article_body (a), clip_story_lang_index (a->lang, a->title) };

          if (!clip_store_time_key (store, id, &key, error))
            return FALSE;
          doc.time = key.time;
          if (!group_doc (ix, store, &doc, 0, 0, error))
            return FALSE;
        }
      else if (!group_changed (ix, store, &t, error))
        return FALSE;
    }
  return TRUE;
}

void
clip_stories_watch_ingest (ClipStore *writer)
{
  clip_store_add_ingest_hook (writer, group_ingested, NULL, NULL);
}

void
_clip_stories_forget_windows (ClipStore *writer)
{
  forget_windows (writer);
}

static gboolean
regroup (ClipStore *store, ClipProgressFunc progress, gpointer progress_data,
         GCancellable *cancellable, GError **error)
{
  Index *ix = get_index (store);
  g_autoptr(GArray) todo = NULL;

  /* Every article has a row; the analyst's placements stay, the rest is
   * done again (an article first takes its old story's id). */
  if (!clip_store_exec (store,
        "INSERT OR IGNORE INTO story_articles (article_id, time, outlet_id) "
        "  SELECT a.id, t.time, a.outlet_id FROM articles a JOIN article_times t ON t.id = a.id;"
        "UPDATE story_articles SET copy_of = NULL, shared = NULL, recycled_from = NULL;"
        "DELETE FROM copy_sigs;", error))
    return FALSE;
  todo = read_todo (store,
      "SELECT article_id, CASE WHEN pinned THEN story_id ELSE 0 END, "
      "  coalesce(story_id, 0) FROM story_articles ORDER BY time, article_id", error);
  if (todo == NULL)
    return FALSE;
  _clip_copy_index_free (ix->copies);
  ix->copies = _clip_copy_index_new ();
  ix->loaded = TRUE;
  ix->high = G_MININT64;
  ix->taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < todo->len; i++)
    {
      Todo *t = &g_array_index (todo, Todo, i);

      if (t->pinned)
        g_hash_table_add (ix->taken, g_memdup2 (&t->pinned, sizeof t->pinned));
    }
  return group_all (ix, store, todo, progress, progress_data, cancellable, error) &&
         clip_store_exec (store,
           "DELETE FROM stories WHERE id NOT IN "
           "  (SELECT story_id FROM story_articles WHERE story_id IS NOT NULL)", error);
}

gboolean
clip_stories_regroup (ClipStore        *writer,
                      ClipProgressFunc  progress,
                      gpointer          progress_data,
                      GCancellable     *cancellable,
                      GError          **error)
{
  Index *ix;
  gboolean ok;

  if (!clip_store_begin (writer, error))
    return FALSE;
  ok = regroup (writer, progress, progress_data, cancellable, error);
  ix = get_index (writer);
  g_clear_pointer (&ix->taken, g_hash_table_unref);
  if (!ok)
    {
      clip_store_rollback (writer);
      /* What memory holds is of the run rolled back. */
      g_object_set_data (G_OBJECT (writer), INDEX_KEY, NULL);
      return FALSE;
    }
  return clip_store_commit (writer, error);
}
