/* clip-store.c — opening the archive, schema migrations, statements,
 * transactions and errors. Outlets and articles are in their own files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-store-sql.h"
#include "clip-store-schema.h"
#include "clip-fts.h"
#include "clip-paths.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

struct _ClipStore {
  GObject     parent_instance;
  sqlite3    *db;
  char       *path;
  GHashTable *stmts;       /* SQL text → sqlite3_stmt* */
  GArray     *hooks;       /* IngestHook */
  guint       depth;       /* transaction nesting */
  gboolean    failed;      /* an inner level rolled back */
  gboolean    ended;       /* SQLite ended the transaction before we did */
  int         end_rc;      /* the error that may have ended it */
  gboolean    is_new;
  gboolean    writer;      /* counted in n_writers */
  guint       rollbacks;   /* outermost transactions rolled back */
};

/* Writer connections open in this process, and the most at once: there
 * should be one (the service's, or the CLI's commands'); tests check. */
static gint n_writers;
static gint peak_writers;

G_DEFINE_TYPE (ClipStore, clip_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (clip-store-error-quark, clip_store_error)

int
clip_store_schema_version (void)
{
  return G_N_ELEMENTS (clip_store_migrations);
}

static void
clip_store_finalize (GObject *object)
{
  ClipStore *self = CLIP_STORE (object);

  for (guint i = 0; i < self->hooks->len; i++)
    {
      ClipIngestHookEntry *h = &g_array_index (self->hooks, ClipIngestHookEntry, i);
      if (h->destroy)
        h->destroy (h->data);
    }
  g_array_free (self->hooks, TRUE);
  g_hash_table_destroy (self->stmts);
  if (self->writer)
    g_atomic_int_dec_and_test (&n_writers);
  if (self->db)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  G_OBJECT_CLASS (clip_store_parent_class)->finalize (object);
}

static void
clip_store_class_init (ClipStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = clip_store_finalize;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
clip_store_init (ClipStore *self)
{
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       finalize_stmt);
  self->hooks = g_array_new (FALSE, TRUE, sizeof (ClipIngestHookEntry));
}

static int
error_code_for (int rc)
{
  switch (rc & 0xFF)
    {
    case SQLITE_FULL:     return CLIP_STORE_ERROR_FULL;
    case SQLITE_IOERR:    return (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC)
                                 ? CLIP_STORE_ERROR_FULL : CLIP_STORE_ERROR_FAILED;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:   return CLIP_STORE_ERROR_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:   return CLIP_STORE_ERROR_CORRUPT;
    case SQLITE_READONLY: return CLIP_STORE_ERROR_READ_ONLY;
    case SQLITE_CONSTRAINT: return CLIP_STORE_ERROR_EXISTS;
    default:              return CLIP_STORE_ERROR_FAILED;
    }
}

gboolean
clip_store_set_error (ClipStore   *store,
                      int          rc,
                      const char  *what,
                      GError     **error)
{
  int code = error_code_for (rc);
  const char *detail = store && store->db ? sqlite3_errmsg (store->db) : sqlite3_errstr (rc);

  /* Kept for the levels that fail after SQLite ended the transaction;
   * a full disk is what a person needs to hear about. */
  if (store && store->depth > 0 && error_code_for (store->end_rc) != CLIP_STORE_ERROR_FULL)
    store->end_rc = rc;
  if (rc == SQLITE_CONSTRAINT_COMMITHOOK)
    {
      /* A write refused by commit_hook(): the transaction had ended. */
      code = CLIP_STORE_ERROR_FAILED;
      detail = _("the change was rolled back after an earlier error");
    }
  else if (code == CLIP_STORE_ERROR_FULL)
    detail = _("the disk is full");
  else if (code == CLIP_STORE_ERROR_BUSY)
    detail = _("the archive is locked by another program");
  g_set_error (error, CLIP_STORE_ERROR, code, "%s: %s", what, detail);
  return FALSE;
}

gboolean
clip_store_step_done (ClipStore    *store,
                      sqlite3_stmt *stmt,
                      const char   *what,
                      GError      **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;   /* its prepare set the error */
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, what, error);
  return TRUE;
}

static int
cancelled_cb (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable) ? 1 : 0;
}

void
clip_store_watch_cancel (ClipStore    *store,
                         GCancellable *cancellable)
{
  if (cancellable != NULL)
    sqlite3_progress_handler (store->db, 10000, cancelled_cb, cancellable);
}

void
clip_store_unwatch_cancel (ClipStore *store)
{
  sqlite3_progress_handler (store->db, 0, NULL, NULL);
}

sqlite3 *
clip_store_get_db (ClipStore *store)
{
  return store->db;
}

GArray *
clip_store_get_hooks (ClipStore *store)
{
  return store->hooks;
}

const char *
clip_store_get_path (ClipStore *store)
{
  return store->path;
}

gboolean
clip_store_is_new (ClipStore *store)
{
  return store->is_new;
}

sqlite3_stmt *
clip_store_prepare (ClipStore   *store,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (store->stmts, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      clip_store_set_error (store, rc, _("Could not prepare a query"), error);
      return NULL;
    }
  g_hash_table_insert (store->stmts, g_strdup (sql), stmt);
  return stmt;
}

gboolean
clip_store_exec (ClipStore   *store,
                 const char  *sql,
                 GError     **error)
{
  char *msg = NULL;
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, &msg);

  sqlite3_free (msg);
  if (rc != SQLITE_OK)
    return clip_store_set_error (store, rc, _("Could not update the archive"), error);
  return TRUE;
}

/* After a full disk or an I/O error SQLite may roll the whole
 * transaction back on its own. Our levels must then fail instead of going
 * on in autocommit, where each write would be kept alone. */
static int
commit_hook (void *data)
{
  ClipStore *self = data;

  /* Our own COMMIT runs at depth 0: any other commit while we hold a
   * transaction is a statement committing alone after SQLite ended it. */
  if (self->depth == 0)
    return 0;
  self->ended = TRUE;
  return 1;
}

static void
rollback_hook (void *data)
{
  ClipStore *self = data;

  if (self->depth > 0)
    self->ended = TRUE;
}

/* Whether the transaction our levels stand in is still SQLite's. */
static gboolean
transaction_alive (ClipStore  *store,
                   GError    **error)
{
  if (!store->ended && !sqlite3_get_autocommit (store->db))
    return TRUE;
  store->ended = TRUE;
  if (error_code_for (store->end_rc) == CLIP_STORE_ERROR_FULL)
    return clip_store_set_error (store, store->end_rc, _("The change was rolled back"), error);
  g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_FAILED,
                       _("The change was rolled back after an earlier error"));
  return FALSE;
}

gboolean
clip_store_begin (ClipStore  *store,
                  GError    **error)
{
  if (store->depth == 0)
    {
      store->failed = store->ended = FALSE;
      store->end_rc = SQLITE_OK;
      if (!clip_store_exec (store, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else if (!transaction_alive (store, error))
    {
      store->failed = TRUE;
      return FALSE;
    }
  store->depth++;
  return TRUE;
}

static gboolean configure (ClipStore *self, ClipStoreOpenFlags flags, GError **error);

/* A fresh connection for a writer whose transaction was rolled back.
 * FTS5 (3.40) keeps state of its own per connection beyond SQLite's
 * rollback: when a statement inside a transaction fails (a full disk),
 * its ROLLBACK TO drops every pending term of the transaction, not just
 * the statement's, and after the rollback of the whole the next
 * transaction's index no longer agrees with the articles (integrity-check
 * rank 1, found by test-service-faults). A new connection starts clean;
 * the statements cached here go with the old one. */
static void
renew_connection (ClipStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  if (!store->writer)
    return;
  if (sqlite3_open_v2 (store->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                       SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      /* Keep the old one: a stale index beats no archive. */
      g_warning ("Could not reopen the archive after a rollback: %s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return;
    }
  g_hash_table_remove_all (store->stmts);
  sqlite3_close_v2 (store->db);
  store->db = db;
  if (!configure (store, CLIP_STORE_OPEN_DEFAULT, &error))
    g_warning ("Could not set up the archive after a rollback: %s", error->message);
}

static void
end_transaction (ClipStore *store)
{
  if (!sqlite3_get_autocommit (store->db))
    clip_store_exec (store, "ROLLBACK", NULL);
  renew_connection (store);
}

gboolean
clip_store_commit (ClipStore  *store,
                   GError    **error)
{
  g_return_val_if_fail (store->depth > 0, FALSE);

  if (--store->depth > 0)
    {
      /* This level's writes are gone if SQLite ended the transaction:
       * say so now, so that its caller does not report them stored. */
      if (transaction_alive (store, error))
        return TRUE;
      store->failed = TRUE;
      return FALSE;
    }
  if (!transaction_alive (store, error))
    {
      end_transaction (store);
      return FALSE;
    }
  if (store->failed)
    {
      end_transaction (store);
      g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_FAILED,
                           _("The change was rolled back"));
      return FALSE;
    }
  if (!clip_store_exec (store, "COMMIT", error))
    {
      /* A failed COMMIT (full disk) may leave the transaction open. */
      end_transaction (store);
      return FALSE;
    }
  return TRUE;
}

void
clip_store_rollback (ClipStore *store)
{
  g_return_if_fail (store->depth > 0);

  if (--store->depth > 0)
    {
      store->failed = TRUE;
      return;
    }
  store->rollbacks++;
  end_transaction (store);
}

guint
clip_store_get_rollbacks (ClipStore *store)
{
  return store->rollbacks;
}

char *
clip_store_dup_column (sqlite3_stmt *stmt,
                       int           col)
{
  const unsigned char *t = sqlite3_column_text (stmt, col);

  return t ? g_strdup ((const char *) t) : NULL;
}

void
clip_store_bind_text (sqlite3_stmt *stmt,
                      int           idx,
                      const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

static int
get_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt;
  int v = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        v = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
    }
  return v;
}

static gboolean
migrate (ClipStore  *self,
         GError    **error)
{
  int version = get_user_version (self->db);
  int latest = clip_store_schema_version ();

  if (version < 0)
    return clip_store_set_error (self, sqlite3_errcode (self->db),
                                 _("Could not read the archive"), error);
  if (version > latest)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_TOO_NEW,
                   _("The archive %s was written by a newer version of Clippings "
                     "(schema %d; this version knows %d)"), self->path, version, latest);
      return FALSE;
    }
  self->is_new = version == 0;
  if (version == latest)
    return TRUE;
  /* Page size only takes effect before the first table exists. */
  if (version == 0 && !clip_store_exec (self, "PRAGMA page_size = 16384", error))
    return FALSE;
  if (!clip_store_begin (self, error))
    return FALSE;
  for (int v = version; v < latest; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      if (!clip_store_exec (self, clip_store_migrations[v], error) ||
          !clip_store_exec (self, bump, error))
        {
          g_prefix_error (error, _("Could not upgrade the archive to schema %d: "), v + 1);
          clip_store_rollback (self);
          return FALSE;
        }
    }
  return clip_store_commit (self, error);
}

static gboolean
configure (ClipStore           *self,
           ClipStoreOpenFlags   flags,
           GError             **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_commit_hook (self->db, commit_hook, self);
  sqlite3_rollback_hook (self->db, rollback_hook, self);
  sqlite3_extended_result_codes (self->db, 1);
  if (!clip_fts_register (self->db, error))
    return FALSE;
  if (!clip_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (flags & CLIP_STORE_OPEN_READ_ONLY)
    return TRUE;
  return clip_store_exec (self, "PRAGMA journal_mode = WAL", error) &&
         clip_store_exec (self, "PRAGMA synchronous = NORMAL", error);
}

static void
count_writer (ClipStore *self)
{
  gint n = g_atomic_int_add (&n_writers, 1) + 1;
  gint peak = g_atomic_int_get (&peak_writers);

  self->writer = TRUE;
  while (n > peak && !g_atomic_int_compare_and_exchange (&peak_writers, peak, n))
    peak = g_atomic_int_get (&peak_writers);
}

/* A reader in a folder it cannot write: a WAL archive needs its -shm file
 * beside it, and SQLite cannot make one there. With no WAL left to read (a
 * clean close checkpoints and removes it), the file is the whole archive,
 * and nothing can change it while the folder stays read-only (a writer
 * needs its -wal there): so it is opened immutable. Returns the new
 * connection, or NULL to keep the first one and its error. */
static sqlite3 *
open_immutable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  sqlite3 *db = NULL;
  GStatBuf st;

  if (g_access (dir, W_OK) == 0 || (g_stat (wal, &st) == 0 && st.st_size > 0) ||
      (uri = g_filename_to_uri (path, NULL, NULL)) == NULL)
    return NULL;
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  if (sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
                       NULL) != SQLITE_OK || get_user_version (db) < 0)
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

ClipStore *
clip_store_open (const char          *path,
                 ClipStoreOpenFlags   flags,
                 GError             **error)
{
  g_autoptr(ClipStore) self = g_object_new (CLIP_TYPE_STORE, NULL);
  int oflags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  oflags |= (flags & CLIP_STORE_OPEN_READ_ONLY)
            ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  rc = sqlite3_open_v2 (path, &self->db, oflags, NULL);
  if (rc == SQLITE_OK && (flags & CLIP_STORE_OPEN_READ_ONLY) && get_user_version (self->db) < 0)
    {
      sqlite3 *db = open_immutable (path);

      if (db != NULL)
        {
          sqlite3_close (self->db);
          self->db = db;
        }
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CLIP_STORE_ERROR, error_code_for (rc),
                   _("Could not open the archive %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  if (!configure (self, flags, error))
    {
      g_prefix_error (error, _("Could not open the archive %s: "), path);
      return NULL;
    }
  if (flags & CLIP_STORE_OPEN_READ_ONLY)
    {
      if (get_user_version (self->db) != clip_store_schema_version ())
        {
          g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                       _("The archive %s is not at this version's schema"), path);
          return NULL;
        }
    }
  else if (!migrate (self, error))
    return NULL;
  else
    count_writer (self);
  return g_steal_pointer (&self);
}

guint
clip_store_count_writers (guint *peak)
{
  if (peak)
    *peak = (guint) g_atomic_int_get (&peak_writers);
  return (guint) g_atomic_int_get (&n_writers);
}

void
clip_store_reset_peak_writers (void)
{
  g_atomic_int_set (&peak_writers, g_atomic_int_get (&n_writers));
}

/* Opens (creating when needed) the archive of a data directory: the given
 * one, CLIPPINGS_DATA_DIR, or the user's. */
ClipStore *
clip_store_open_data_dir (const char          *data_dir,
                          ClipStoreOpenFlags   flags,
                          GError             **error)
{
  g_autofree char *dir = clip_paths_data_dir (data_dir);
  g_autofree char *path = clip_paths_archive_path (dir);

  if (!(flags & CLIP_STORE_OPEN_READ_ONLY) && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the data folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  return clip_store_open (path, flags, error);
}

void
clip_store_add_ingest_hook (ClipStore           *store,
                            ClipStoreIngestHook  hook,
                            gpointer             user_data,
                            GDestroyNotify       destroy)
{
  ClipIngestHookEntry h = { hook, user_data, destroy };

  g_array_append_val (store->hooks, h);
}
