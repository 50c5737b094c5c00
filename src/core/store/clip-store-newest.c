/* clip-store-newest.c — a search's matches, newest first by time
 *
 * FTS5 returns matches in id order, and ids are arrival order: a
 * search's newest by time would mean sorting every match (1.7 s warm, 12 s
 * cold for 21,000 matches through the articles table, DESIGN.md). Three
 * ways instead, by what the search finds:
 *
 *  - few matches (up to PROBE): all of them, their times looked up in
 *    article_times by key, sorted here (a few milliseconds);
 *  - many: by blocks of 1024 ids, the block with the latest time first
 *    (article_time_blocks keeps each block's latest). A block's matches
 *    come from FTS5 by rowid range, with their times, into a heap; the
 *    heap's newest is given out once it is newer than anything the blocks
 *    left can hold. Ids that arrive in any order, old articles late, whole
 *    back catalogues, still come in blocks of nearby times, so the newest
 *    fifty of 100,000 matches take a block or two;
 *  - every match (want_all): found at once and sorted.
 *
 * Without a search, the (time) index of article_times is the order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-store-newest.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

/* Matches a search may have and still be sorted whole. */
#define PROBE 2048
#define BLOCK_SHIFT 10          /* as in article_time_blocks, schema 5 */

typedef enum {
  WALK_INDEX,      /* no search: the time index */
  WALK_SORTED,     /* every match, sorted */
  WALK_BLOCKS,     /* block by block */
} WalkMode;

typedef struct {
  gint64 block;
  gint64 max_time;
} Block;

struct _ClipNewest {
  ClipStore    *store;
  sqlite3_stmt *stmt;       /* owned: other walks and callers use the cache */
  WalkMode      mode;
  ClipTimeKey   after;
  GArray       *keys;       /* SORTED: newest first; BLOCKS: a heap, newest on top */
  guint         pos;
  GArray       *blocks;     /* Block, latest first */
  guint         next_block;
  gboolean      in_savepoint;
};

void
clip_newest_free (ClipNewest *walk)
{
  if (walk == NULL)
    return;
  sqlite3_finalize (walk->stmt);
  if (walk->in_savepoint)
    clip_store_exec (walk->store, "RELEASE newest", NULL);
  g_clear_pointer (&walk->keys, g_array_unref);
  g_clear_pointer (&walk->blocks, g_array_unref);
  g_clear_object (&walk->store);
  g_free (walk);
}

static gboolean
prepare (ClipNewest  *walk,
         const char  *sql,
         GError     **error)
{
  sqlite3_finalize (walk->stmt);
  walk->stmt = NULL;
  if (sqlite3_prepare_v2 (clip_store_get_db (walk->store), sql, -1, &walk->stmt, NULL) == SQLITE_OK)
    return TRUE;
  return clip_store_set_error (walk->store, sqlite3_errcode (clip_store_get_db (walk->store)),
                               _("Could not prepare a query"), error);
}

static gboolean
step_failed (ClipNewest  *walk,
             int          rc,
             GError     **error)
{
  sqlite3_reset (walk->stmt);
  return clip_store_set_query_error (walk->store, rc, error);
}

static int
compare_newest (gconstpointer a,
                gconstpointer b)
{
  return clip_time_key_newer (a, b) ? -1 : clip_time_key_newer (b, a) ? 1 : 0;
}

/* Heap of keys, newest on top. */

static void
heap_push (GArray *heap, ClipTimeKey key)
{
  ClipTimeKey *k;
  guint i;

  g_array_append_val (heap, key);
  k = (ClipTimeKey *) heap->data;
  for (i = heap->len - 1; i > 0 && clip_time_key_newer (&k[i], &k[(i - 1) / 2]); i = (i - 1) / 2)
    {
      ClipTimeKey t = k[i];
      k[i] = k[(i - 1) / 2];
      k[(i - 1) / 2] = t;
    }
}

static ClipTimeKey
heap_pop (GArray *heap)
{
  ClipTimeKey *k = (ClipTimeKey *) heap->data, top = k[0];
  guint n = heap->len - 1, i = 0;

  k[0] = k[n];
  g_array_set_size (heap, n);
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;

      if (l < n && clip_time_key_newer (&k[l], &k[m]))
        m = l;
      if (r < n && clip_time_key_newer (&k[r], &k[m]))
        m = r;
      if (m == i)
        break;
      ClipTimeKey t = k[i];

      k[i] = k[m];
      k[m] = t;
      i = m;
    }
  return top;
}

/* Reads (id, time) rows of the current statement, keeping those after
 * the walk's start. */
static gboolean
read_keys (ClipNewest  *walk,
           gboolean     into_heap,
           GError     **error)
{
  int rc;

  while ((rc = sqlite3_step (walk->stmt)) == SQLITE_ROW)
    {
      ClipTimeKey key = { sqlite3_column_int64 (walk->stmt, 1), sqlite3_column_int64 (walk->stmt, 0) };

      if (!clip_time_key_newer (&walk->after, &key))
        continue;
      if (into_heap)
        heap_push (walk->keys, key);
      else
        g_array_append_val (walk->keys, key);
    }
  if (rc != SQLITE_DONE)
    return step_failed (walk, rc, error);
  sqlite3_reset (walk->stmt);
  return TRUE;
}

/* Every match with its time, sorted. */
static gboolean
start_sorted (ClipNewest    *walk,
              const char    *fts,
              GCancellable  *cancellable,
              GError       **error)
{
  gboolean ok;

  if (!prepare (walk, "SELECT articles_fts.rowid, t.time FROM articles_fts"
                " CROSS JOIN article_times t ON t.id = articles_fts.rowid"
                " WHERE articles_fts MATCH ?1", error))
    return FALSE;
  clip_store_bind_text (walk->stmt, 1, fts);
  clip_store_watch_cancel (walk->store, cancellable);
  ok = read_keys (walk, FALSE, error);
  clip_store_unwatch_cancel (walk->store);
  if (!ok)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (error);
          g_cancellable_set_error_if_cancelled (cancellable, error);
        }
      return FALSE;
    }
  g_array_sort (walk->keys, compare_newest);
  walk->mode = WALK_SORTED;
  return TRUE;
}

/* The first PROBE + 1 matches' ids: a search with fewer is sorted whole,
 * their times looked up one by one. *few says which it is. */
static gboolean
probe (ClipNewest  *walk,
       const char  *fts,
       gboolean    *few,
       GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *lookup;
  int rc;

  if (!prepare (walk, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"
                " ORDER BY rowid DESC LIMIT ?2", error))
    return FALSE;
  clip_store_bind_text (walk->stmt, 1, fts);
  sqlite3_bind_int (walk->stmt, 2, PROBE + 1);
  while ((rc = sqlite3_step (walk->stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (walk->stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return step_failed (walk, rc, error);
  sqlite3_reset (walk->stmt);
  *few = ids->len <= PROBE;
  if (!*few)
    return TRUE;
  if (!(lookup = clip_store_prepare (walk->store, "SELECT time FROM article_times WHERE id = ?", error)))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      ClipTimeKey key = { 0, g_array_index (ids, gint64, i) };

      sqlite3_bind_int64 (lookup, 1, key.id);
      rc = sqlite3_step (lookup);
      if (rc == SQLITE_ROW)
        key.time = sqlite3_column_int64 (lookup, 0);
      sqlite3_reset (lookup);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return clip_store_set_error (walk->store, rc, _("Could not read the articles"), error);
      if (rc == SQLITE_ROW && clip_time_key_newer (&walk->after, &key))
        g_array_append_val (walk->keys, key);
    }
  g_array_sort (walk->keys, compare_newest);
  walk->mode = WALK_SORTED;
  return TRUE;
}

static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  const Block *x = a, *y = b;

  if (x->max_time != y->max_time)
    return x->max_time < y->max_time ? 1 : -1;
  return (x->block < y->block) - (x->block > y->block);
}

static gboolean
start_blocks (ClipNewest  *walk,
              const char  *fts,
              GError     **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (walk->store,
      "SELECT block, max_time FROM article_time_blocks", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  walk->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Block b = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (walk->blocks, b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (walk->store, rc, _("Could not read the articles"), error);
  g_array_sort (walk->blocks, compare_blocks);
  if (!prepare (walk, "SELECT articles_fts.rowid, t.time FROM articles_fts"
                " CROSS JOIN article_times t ON t.id = articles_fts.rowid"
                " WHERE articles_fts MATCH ?1 AND articles_fts.rowid >= ?2"
                " AND articles_fts.rowid < ?3", error))
    return FALSE;
  clip_store_bind_text (walk->stmt, 1, fts);
  walk->mode = WALK_BLOCKS;
  return TRUE;
}

static gboolean
start_index (ClipNewest  *walk,
             GError     **error)
{
  if (!prepare (walk, "SELECT id, time FROM article_times WHERE (time, id) < (?1, ?2)"
                " ORDER BY time DESC, id DESC", error))
    return FALSE;
  sqlite3_bind_int64 (walk->stmt, 1, walk->after.time);
  sqlite3_bind_int64 (walk->stmt, 2, walk->after.id);
  walk->mode = WALK_INDEX;
  return TRUE;
}

ClipNewest *
clip_newest_new (ClipStore          *store,
                 const char         *fts_query,
                 const ClipTimeKey  *after,
                 gboolean            want_all,
                 GCancellable       *cancellable,
                 GError            **error)
{
  g_autoptr(ClipNewest) walk = g_new0 (ClipNewest, 1);
  gboolean few = FALSE;

  g_return_val_if_fail (CLIP_IS_STORE (store), NULL);

  walk->store = g_object_ref (store);
  /* One snapshot for the whole walk: blocks read later see what the
   * first ones saw. */
  if (!clip_store_exec (store, "SAVEPOINT newest", error))
    return NULL;
  walk->in_savepoint = TRUE;
  walk->after = after ? *after : (ClipTimeKey) { G_MAXINT64, G_MAXINT64 };
  walk->keys = g_array_new (FALSE, FALSE, sizeof (ClipTimeKey));
  if (fts_query == NULL)
    return start_index (walk, error) ? g_steal_pointer (&walk) : NULL;
  if (want_all)
    return start_sorted (walk, fts_query, cancellable, error) ? g_steal_pointer (&walk) : NULL;
  if (!probe (walk, fts_query, &few, error))
    return NULL;
  if (!few && !start_blocks (walk, fts_query, error))
    return NULL;
  return g_steal_pointer (&walk);
}

/* Reads the next block's matches into the heap. */
static gboolean
read_block (ClipNewest  *walk,
            GError     **error)
{
  const Block *b = &g_array_index (walk->blocks, Block, walk->next_block++);

  sqlite3_bind_int64 (walk->stmt, 2, b->block << BLOCK_SHIFT);
  sqlite3_bind_int64 (walk->stmt, 3, (b->block + 1) << BLOCK_SHIFT);
  return read_keys (walk, TRUE, error);
}

static gboolean
next_from_blocks (ClipNewest  *walk,
                  ClipTimeKey *key,
                  GError     **error)
{
  for (;;)
    {
      gboolean more = walk->next_block < walk->blocks->len;

      /* Strictly newer: a block's latest may have a greater id. */
      if (walk->keys->len > 0 &&
          (!more || g_array_index (walk->keys, ClipTimeKey, 0).time >
                    g_array_index (walk->blocks, Block, walk->next_block).max_time))
        {
          *key = heap_pop (walk->keys);
          return TRUE;
        }
      if (!more || !read_block (walk, error))
        return FALSE;
    }
}

gboolean
clip_newest_next (ClipNewest   *walk,
                  ClipTimeKey  *key,
                  GError      **error)
{
  int rc;

  switch (walk->mode)
    {
    case WALK_SORTED:
      if (walk->pos >= walk->keys->len)
        return FALSE;
      *key = g_array_index (walk->keys, ClipTimeKey, walk->pos++);
      return TRUE;
    case WALK_BLOCKS:
      return next_from_blocks (walk, key, error);
    case WALK_INDEX:
    default:
      rc = sqlite3_step (walk->stmt);
      if (rc == SQLITE_ROW)
        {
          key->id = sqlite3_column_int64 (walk->stmt, 0);
          key->time = sqlite3_column_int64 (walk->stmt, 1);
          return TRUE;
        }
      if (rc != SQLITE_DONE)
        return step_failed (walk, rc, error);
      sqlite3_reset (walk->stmt);
      return FALSE;
    }
}

gboolean
clip_store_time_key (ClipStore    *store,
                     gint64        id,
                     ClipTimeKey  *key,
                     GError      **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT time FROM article_times WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *key = (ClipTimeKey) { sqlite3_column_int64 (stmt, 0), id };
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                 _("There is no article %" PRId64), id);
  else
    clip_store_set_error (store, rc, _("Could not read the article"), error);
  return FALSE;
}
