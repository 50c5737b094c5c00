/* clip-rule-backfill.c — a rule over the archive: index, then matcher
 *
 * The index finds the candidates in one pass. Two workers, each with a
 * read-only connection of its own, read the candidates' text in id order
 * and confirm them with the matcher, a chunk at a time; this thread writes
 * the matches of each chunk in order, with one prepared statement, in
 * large transactions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-rule-backfill.h"
#include "clip-rule-apply.h"
#include "clip-rule-fts.h"
#include "clip-rules-store.h"
#include "clip-store-pages.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define CHUNK 2048          /* candidates a worker reads at a time */
#define AHEAD 8             /* chunks the workers may be ahead of the writer */
#define COMMIT_ROWS 20000   /* matches per transaction: others get their turn */
#define COMMIT_WAIT_US 200000  /* older than this, committed before waiting */
#define MAX_WORKERS 2
/* A worker steps over at most this many articles that are no candidates
 * rather than seek: a step costs about what a seek does. */
#define MAX_STEP_OVER 2

/* The fields the sequential reader can give; outlet and tag need other
 * tables, and go through clip_rule_doc_load(). */
#define ROW_FIELDS (CLIP_RULE_FIELD_TITLE | CLIP_RULE_FIELD_BODY | CLIP_RULE_FIELD_AUTHOR | \
                    CLIP_RULE_FIELD_LANG | CLIP_RULE_FIELD_URL)

/* Every candidate id, in one pass of the index: evaluating the query once
 * costs far less than once per batch (prefixes and NEAR are merged over
 * the whole index each time). */
static gboolean
collect_candidates (ClipStore *store, const char *fts, GArray *out,
                    GCancellable *cancellable, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, fts
      ? "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid"
      : "SELECT id FROM articles WHERE ?1 IS NULL ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  clip_store_bind_text (stmt, 1, fts);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (out, id);
      if ((out->len & 0xFFFF) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not search the archive"), error);
  return TRUE;
}

static gboolean
delete_matches (ClipStore *store, gint64 rule_id, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "DELETE FROM matches WHERE rule_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not update the rule's matches"), error);
  return TRUE;
}

/* What a worker found in a chunk of candidates. */
typedef struct {
  guint      first, n;      /* candidates[first..first + n) */
  GArray    *ids;           /* gint64: the articles that match */
  GPtrArray *spans;         /* their spans as JSON */
  gboolean   ready;
} Chunk;

typedef struct {
  const GArray *ids;        /* candidates, ascending */
  Chunk        *chunks;
  guint         n_chunks;
  gint          next;       /* atomic: the next chunk to take */
  GMutex        lock;
  GCond         cond;
  guint         written;    /* chunks written; under lock */
  gboolean      stop;       /* cancelled or failed; under lock */
  GError       *error;      /* a worker's, under lock */
} Shared;

typedef struct {
  Shared         *sh;
  ClipStore      *reader;
  ClipRuleSet    *set;
  guint           fields;
  sqlite3_stmt   *rows;     /* id and the fields, from ?1 on */
  ClipRuleDocBuf  buf;
  Chunk          *chunk;    /* being filled */
} Worker;

static void
keep_match (gint64 rule_id, const ClipRuleSpan *spans, guint n, gpointer data)
{
  Worker *w = data;

  g_ptr_array_add (w->chunk->spans, clip_rule_spans_to_json (spans, n));
}

static void
confirm (Worker *w, gint64 id, const ClipRuleDoc *doc)
{
  guint before = w->chunk->spans->len;

  clip_rule_set_match (w->set, doc, keep_match, w);
  if (w->chunk->spans->len > before)
    g_array_append_val (w->chunk->ids, id);
}

/* Articles one by one, with their outlet and tags. */
static gboolean
read_chunk_by_id (Worker *w, const gint64 *ids, guint n, GError **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) local = NULL;

      if (!clip_rule_doc_load (w->reader, ids[i], w->fields, &w->buf, &local))
        {
          /* Deleted since the index was read: nothing to match. */
          if (g_error_matches (local, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      confirm (w, ids[i], &w->buf.doc);
    }
  return TRUE;
}

/* Articles in id order with one statement: the next candidate is most
 * often a step or two away, and a seek only when it is farther. */
static gboolean
read_chunk_in_order (Worker *w, const gint64 *ids, guint n, GError **error)
{
  static const ClipRuleField order[] = { CLIP_RULE_FIELD_TITLE, CLIP_RULE_FIELD_BODY,
                                         CLIP_RULE_FIELD_AUTHOR, CLIP_RULE_FIELD_LANG,
                                         CLIP_RULE_FIELD_URL };
  sqlite3_stmt *stmt = w->rows;
  gboolean placed = FALSE;    /* stmt is on the row with id row */
  gint64 row = 0;
  int rc = SQLITE_DONE;

  for (guint i = 0; i < n; i++)
    {
      ClipRuleDoc doc = { { NULL } };

      if (!placed || row >= ids[i] || ids[i] - row > MAX_STEP_OVER)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, ids[i]);
          row = ids[i] - 1;
        }
      placed = FALSE;
      while (row < ids[i] && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        row = sqlite3_column_int64 (stmt, 0);
      if (rc != SQLITE_ROW)
        {
          if (rc != SQLITE_DONE)
            break;
          continue;   /* past the last article */
        }
      placed = TRUE;
      if (row != ids[i])
        continue;
      for (guint k = 0, col = 1; k < G_N_ELEMENTS (order); k++)
        if ((w->fields | CLIP_RULE_FIELD_TITLE | CLIP_RULE_FIELD_BODY) & order[k])
          doc.text[g_bit_nth_lsf (order[k], -1)] = (const char *) sqlite3_column_text (stmt, col++);
      confirm (w, row, &doc);
    }
  /* No read transaction stays open between chunks. */
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return clip_store_set_error (w->reader, rc, _("Could not read an article"), error);
  return TRUE;
}

static gboolean
worker_prepare (Worker *w, GError **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id, title, " CLIP_STORE_FTS_BODY ("articles"));

  if (w->fields & CLIP_RULE_FIELD_AUTHOR)
    g_string_append (sql, ", author");
  if (w->fields & CLIP_RULE_FIELD_LANG)
    g_string_append (sql, ", lang");
  if (w->fields & CLIP_RULE_FIELD_URL)
    g_string_append (sql, ", url");
  g_string_append (sql, " FROM articles WHERE id >= ?1 ORDER BY id");
  w->rows = clip_store_prepare (w->reader, sql->str, error);
  return w->rows != NULL;
}

static gboolean
worker_chunk (Worker *w, Chunk *c, GError **error)
{
  const gint64 *ids = &g_array_index (w->sh->ids, gint64, c->first);

  w->chunk = c;
  c->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->spans = g_ptr_array_new_with_free_func (g_free);
  if ((w->fields & ~ROW_FIELDS) != 0)
    return read_chunk_by_id (w, ids, c->n, error);
  return read_chunk_in_order (w, ids, c->n, error);
}

static gpointer
worker_run (gpointer data)
{
  Worker *w = data;
  Shared *sh = w->sh;
  GError *error = NULL;

  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&sh->next, 1);
      gboolean ok;

      if (i >= sh->n_chunks)
        break;
      /* Not too far ahead of the writer: what waits to be written is
       * held in memory. */
      g_mutex_lock (&sh->lock);
      while (!sh->stop && i >= sh->written + AHEAD)
        g_cond_wait (&sh->cond, &sh->lock);
      ok = !sh->stop;
      g_mutex_unlock (&sh->lock);
      if (!ok)
        break;
      ok = worker_chunk (w, &sh->chunks[i], &error);
      g_mutex_lock (&sh->lock);
      if (ok)
        sh->chunks[i].ready = TRUE;
      else
        {
          if (sh->error == NULL)
            sh->error = g_steal_pointer (&error);
          g_clear_error (&error);
          sh->stop = TRUE;
        }
      g_cond_broadcast (&sh->cond);
      g_mutex_unlock (&sh->lock);
      if (!ok)
        break;
    }
  return NULL;
}

static void
worker_clear (Worker *w)
{
  clip_rule_doc_buf_clear (&w->buf);
  g_clear_pointer (&w->set, clip_rule_set_free);
  g_clear_object (&w->reader);
}

static void
chunk_clear (Chunk *c)
{
  g_clear_pointer (&c->ids, g_array_unref);
  g_clear_pointer (&c->spans, g_ptr_array_unref);
}

typedef struct {
  ClipStore    *store;
  sqlite3_stmt *insert;
  gint64        rule_id;
  gint64        now;
  gboolean      open;       /* a transaction is open */
  guint         in_txn;     /* rows since it began */
  gint64        since;      /* when it began (monotonic) */
  guint64       written;
} Writer;

static gboolean
writer_begin (Writer *wr, GError **error)
{
  if (wr->open)
    return TRUE;
  if (!clip_store_begin (wr->store, error))
    return FALSE;
  wr->open = TRUE;
  wr->in_txn = 0;
  wr->since = g_get_monotonic_time ();
  return TRUE;
}

/* Ends the transaction whether or not its commit succeeds. */
static gboolean
writer_commit (Writer *wr, GError **error)
{
  wr->open = FALSE;
  wr->in_txn = 0;
  return clip_store_commit (wr->store, error);
}

static gboolean
write_chunk (Writer *wr, const Chunk *c, GError **error)
{
  for (guint i = 0; i < c->ids->len; i++)
    {
      int rc;

      if (!writer_begin (wr, error))
        return FALSE;
      wr->in_txn++;
      sqlite3_bind_int64 (wr->insert, 1, wr->rule_id);
      sqlite3_bind_int64 (wr->insert, 2, g_array_index (c->ids, gint64, i));
      sqlite3_bind_text (wr->insert, 3, g_ptr_array_index (c->spans, i), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (wr->insert, 4, wr->now);
      rc = sqlite3_step (wr->insert);
      sqlite3_reset (wr->insert);
      if (rc != SQLITE_DONE)
        return clip_store_set_error (wr->store, rc, _("Could not save a match"), error);
      wr->written++;
      if (wr->in_txn >= COMMIT_ROWS && !writer_commit (wr, error))
        return FALSE;
    }
  return TRUE;
}

/* Workers read on connections of their own, which see only what is
 * committed: not when the caller holds a transaction, nor for a
 * database that lives in memory. */
static guint
plan_workers (ClipStore *store, guint n_chunks)
{
  const char *path = clip_store_get_path (store);

  if (n_chunks < 2 || !sqlite3_get_autocommit (clip_store_get_db (store)) ||
      path == NULL || *path == '\0' || strcmp (path, ":memory:") == 0 ||
      g_str_has_prefix (path, "file:"))
    return 0;
  return MIN (MIN ((guint) g_get_num_processors (), MAX_WORKERS), n_chunks);
}

static guint
start_workers (ClipStore *store, gint64 rule_id, const ClipRuleNode *tree, Shared *sh,
               Worker *workers, GThread **threads)
{
  guint n = plan_workers (store, sh->n_chunks), started = 0;

  for (guint i = 0; i < n; i++)
    {
      Worker *w = &workers[started];

      w->sh = sh;
      w->reader = clip_store_open (clip_store_get_path (store), CLIP_STORE_OPEN_READ_ONLY, NULL);
      if (w->reader == NULL)
        break;
      w->set = clip_rule_set_new ();
      clip_rule_set_add (w->set, rule_id, tree);
      w->fields = clip_rule_set_fields (w->set);
      if (!worker_prepare (w, NULL))
        {
          worker_clear (w);
          break;
        }
      threads[started++] = g_thread_new ("clip-backfill", worker_run, w);
    }
  return started;
}

static gboolean
chunk_ready (Shared *sh, guint i)
{
  gboolean ready;

  g_mutex_lock (&sh->lock);
  ready = sh->chunks[i].ready;
  g_mutex_unlock (&sh->lock);
  return ready;
}

/* Waits for chunk i from the workers, or reads it here when there are
 * none. */
static gboolean
take_chunk (Shared *sh, guint i, guint n_workers, Worker *here, GError **error)
{
  gboolean ok;

  if (n_workers == 0)
    return worker_chunk (here, &sh->chunks[i], error);
  g_mutex_lock (&sh->lock);
  while (!sh->chunks[i].ready && sh->error == NULL)
    g_cond_wait (&sh->cond, &sh->lock);
  ok = sh->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&sh->error));
  g_mutex_unlock (&sh->lock);
  return ok;
}

/* Joins the workers; on failure, those waiting for the writer to catch
 * up stop too (also when it failed before their first chunk). */
static void
stop_workers (Shared *sh, gboolean failed, Worker *workers, GThread **threads, guint n)
{
  g_mutex_lock (&sh->lock);
  sh->stop = sh->stop || failed;
  g_cond_broadcast (&sh->cond);
  g_mutex_unlock (&sh->lock);
  for (guint i = 0; i < n; i++)
    {
      g_thread_join (threads[i]);
      worker_clear (&workers[i]);
    }
}

static gboolean
confirm_all (ClipStore *store, gint64 rule_id, const ClipRuleNode *tree, const GArray *ids,
             ClipProgressFunc progress, gpointer progress_data, guint64 *n_matched,
             GCancellable *cancellable, GError **error)
{
  guint chunk = CLAMP (ids->len / 32, 16, CHUNK);
  Shared sh = { .ids = ids, .n_chunks = (ids->len + chunk - 1) / chunk };
  Worker workers[MAX_WORKERS] = { { 0 } }, here = { .sh = &sh, .reader = store };
  GThread *threads[MAX_WORKERS] = { NULL };
  Writer wr = { store, NULL, rule_id, g_get_real_time () / G_USEC_PER_SEC, FALSE, 0, 0, 0 };
  guint n_workers = 0;
  gboolean ok = TRUE;

  sh.chunks = g_new0 (Chunk, MAX (sh.n_chunks, 1));
  for (guint i = 0; i < sh.n_chunks; i++)
    {
      sh.chunks[i].first = i * chunk;
      sh.chunks[i].n = MIN (chunk, ids->len - i * chunk);
    }
  g_mutex_init (&sh.lock);
  g_cond_init (&sh.cond);
  wr.insert = clip_store_prepare (store,
      "INSERT INTO matches (rule_id, article_id, spans, matched) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (rule_id, article_id) DO UPDATE SET spans = excluded.spans", error);
  ok = wr.insert != NULL;
  if (ok)
    n_workers = start_workers (store, rule_id, tree, &sh, workers, threads);
  if (ok && n_workers == 0)
    {
      here.set = clip_rule_set_new ();
      clip_rule_set_add (here.set, rule_id, tree);
      here.fields = clip_rule_set_fields (here.set);
      ok = worker_prepare (&here, error);
    }
  /* The old matches go with the first of the new (after the workers
   * start: they see only what is committed), so that a backfill that
   * fails before its first commit leaves the rule's matches as they were. */
  ok = ok && writer_begin (&wr, error) && delete_matches (store, rule_id, error);
  for (guint i = 0; ok && i < sh.n_chunks; i++)
    {
      gboolean taken = FALSE;

      /* No write lock held long while waiting for the workers: the fetch
       * service writes meanwhile. */
      if (wr.in_txn > 0 && n_workers > 0 && !chunk_ready (&sh, i) &&
          g_get_monotonic_time () - wr.since > COMMIT_WAIT_US)
        ok = writer_commit (&wr, error);
      ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           (taken = take_chunk (&sh, i, n_workers, &here, error)) &&
           write_chunk (&wr, &sh.chunks[i], error);
      /* A chunk not taken may still be in a worker's hands: it is freed
       * after the workers are joined. */
      if (taken)
        chunk_clear (&sh.chunks[i]);
      g_mutex_lock (&sh.lock);
      sh.written = i + 1;
      sh.stop = sh.stop || !ok;
      g_cond_broadcast (&sh.cond);
      g_mutex_unlock (&sh.lock);
      if (ok && progress)
        progress (sh.chunks[i].first + sh.chunks[i].n, ids->len, progress_data);
    }
  stop_workers (&sh, !ok, workers, threads, n_workers);
  /* The pages of the articles it matches whose copy is not kept are
   * wanted as evidence (the fetch service reads them later, a batch at
   * a time), in the last transaction of the matches where it is still
   * open. A long backfill has committed its earlier chunks by then: if
   * this fails, the backfill fails with its matches kept, and matching
   * the rule again asks for the same pages (only copies not kept). */
  ok = ok && clip_store_want_evidence (store, rule_id, NULL, error);
  if (wr.open && ok)
    ok = writer_commit (&wr, error);
  else if (wr.open)
    clip_store_rollback (store);
  for (guint i = 0; i < sh.n_chunks; i++)
    chunk_clear (&sh.chunks[i]);
  g_free (sh.chunks);
  g_clear_error (&sh.error);
  g_mutex_clear (&sh.lock);
  g_cond_clear (&sh.cond);
  clip_rule_doc_buf_clear (&here.buf);
  g_clear_pointer (&here.set, clip_rule_set_free);
  if (n_matched)
    *n_matched = wr.written;
  return ok;
}

gboolean
clip_rule_backfill (ClipStore             *store,
                    gint64                 rule_id,
                    ClipProgressFunc   progress,
                    gpointer               progress_data,
                    guint64               *n_matched,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autoptr(ClipRule) rule = clip_store_get_rule (store, rule_id, error);
  g_autoptr(ClipTermLists) lists = NULL;
  g_autoptr(ClipRuleNode) tree = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *fts = NULL;
  gint64 t0 = g_get_monotonic_time (), t1;

  if (rule == NULL || !(lists = clip_store_load_term_lists (store, error)) ||
      !(tree = clip_rule_compile_tree (rule->query, lists, NULL, error)))
    return FALSE;
  fts = clip_rule_to_fts (tree, NULL);
  if (!collect_candidates (store, fts, ids, cancellable, error))
    return FALSE;
  t1 = g_get_monotonic_time ();
  if (progress)
    progress (0, ids->len, progress_data);
  if (!confirm_all (store, rule_id, tree, ids, progress, progress_data, n_matched,
                    cancellable, error))
    return FALSE;
  g_debug ("Backfill of rule %" G_GINT64_FORMAT ": %u candidates in %.2f s, confirmed in %.2f s",
           rule_id, ids->len, (t1 - t0) / 1e6, (g_get_monotonic_time () - t1) / 1e6);
  return TRUE;
}
