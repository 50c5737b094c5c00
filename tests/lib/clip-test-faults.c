/* clip-test-faults.c — a fault-injecting VFS over the default one, in the
 * manner of SQLite's own I/O error tests (ioerr.test, test_devsym.c): the
 * Nth write or sync fails, once or from then on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-test-faults.h"
#include "clip-store-sql.h"

#include <string.h>

typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;      /* the default VFS's file, right after this */
} FaultFile;

/* Armed state: the service and the commands write on threads of their
 * own, so under a lock. */
static GMutex    lock;
static guint     fail_at;      /* 0: disarmed */
static guint     seen;
static guint     armed_ops;
static int       fail_rc;
static gboolean  persistent;
static gboolean  fired;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs  fault_vfs;

static int
fault (ClipTestFaultOps op)
{
  int rc = SQLITE_OK;

  g_mutex_lock (&lock);
  if (fail_at != 0 && (armed_ops & op))
    {
      seen++;
      if (seen == fail_at || (persistent && seen > fail_at))
        {
          fired = TRUE;
          rc = fail_rc;
          if (op == CLIP_TEST_FAULT_SYNC && (rc & 0xFF) == SQLITE_IOERR)
            rc = SQLITE_IOERR_FSYNC;
        }
    }
  g_mutex_unlock (&lock);
  return rc;
}

#define REAL(f) (((FaultFile *) (f))->real)

static int
f_close (sqlite3_file *f)
{
  return REAL (f)->pMethods->xClose (REAL (f));
}

static int
f_read (sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
  return REAL (f)->pMethods->xRead (REAL (f), buf, n, off);
}

static int
f_write (sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
  int rc = fault (CLIP_TEST_FAULT_WRITE);

  return rc != SQLITE_OK ? rc : REAL (f)->pMethods->xWrite (REAL (f), buf, n, off);
}

static int
f_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  int rc = fault (CLIP_TEST_FAULT_WRITE);

  return rc != SQLITE_OK ? rc : REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
f_sync (sqlite3_file *f, int flags)
{
  int rc = fault (CLIP_TEST_FAULT_SYNC);

  return rc != SQLITE_OK ? rc : REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
f_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
f_lock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
f_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
f_check_reserved (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
f_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
f_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
f_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
f_shm_map (sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out);
}

static int
f_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
f_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
f_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
f_fetch (sqlite3_file *f, sqlite3_int64 off, int n, void **out)
{
  return REAL (f)->pMethods->xFetch (REAL (f), off, n, out);
}

static int
f_unfetch (sqlite3_file *f, sqlite3_int64 off, void *p)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), off, p);
}

static const sqlite3_io_methods fault_methods = {
  3, f_close, f_read, f_write, f_truncate, f_sync, f_file_size, f_lock, f_unlock,
  f_check_reserved, f_file_control, f_sector_size, f_device_characteristics,
  f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap, f_fetch, f_unfetch,
};

static int
v_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultFile *ff = (FaultFile *) file;
  int rc;

  ff->real = (sqlite3_file *) &ff[1];
  rc = real_vfs->xOpen (real_vfs, name, ff->real, flags, out_flags);
  /* The default VFS is version 3 (unix): every method above exists. */
  ff->base.pMethods = ff->real->pMethods ? &fault_methods : NULL;
  return rc;
}

static int
v_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
v_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
v_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void *
v_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
v_dl_error (sqlite3_vfs *vfs, int n, char *msg)
{
  real_vfs->xDlError (real_vfs, n, msg);
}

static void (*v_dl_sym (sqlite3_vfs *vfs, void *h, const char *sym)) (void)
{
  return real_vfs->xDlSym (real_vfs, h, sym);
}

static void
v_dl_close (sqlite3_vfs *vfs, void *h)
{
  real_vfs->xDlClose (real_vfs, h);
}

static int
v_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
v_sleep (sqlite3_vfs *vfs, int us)
{
  return real_vfs->xSleep (real_vfs, us);
}

static int
v_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
v_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static int
v_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

void
clip_test_faults_install (void)
{
  if (real_vfs != NULL)
    return;
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 2);
  fault_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "clip-test-faults",
    .xOpen = v_open, .xDelete = v_delete, .xAccess = v_access,
    .xFullPathname = v_full_pathname, .xDlOpen = v_dl_open, .xDlError = v_dl_error,
    .xDlSym = v_dl_sym, .xDlClose = v_dl_close, .xRandomness = v_randomness,
    .xSleep = v_sleep, .xCurrentTime = v_current_time, .xGetLastError = v_get_last_error,
    .xCurrentTimeInt64 = v_current_time_int64,
  };
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

static int cache_pages;

static int
set_cache_size (sqlite3 *db, const char **message, const struct sqlite3_api_routines *api)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d",
                                          g_atomic_int_get (&cache_pages));

  return sqlite3_exec (db, sql, NULL, NULL, NULL);
}

void
clip_test_faults_set_cache_pages (int pages)
{
  /* Read as each connection opens: it may change between tests. */
  g_atomic_int_set (&cache_pages, pages);
  sqlite3_auto_extension ((void (*) (void)) set_cache_size);
}

void
clip_test_faults_arm (guint            n,
                      ClipTestFaultOps ops,
                      int              rc,
                      gboolean         persist)
{
  g_assert_nonnull (real_vfs);
  g_assert_cmpuint (n, >, 0);
  g_mutex_lock (&lock);
  fail_at = n;
  armed_ops = ops;
  fail_rc = rc;
  persistent = persist;
  seen = 0;
  fired = FALSE;
  g_mutex_unlock (&lock);
}

gboolean
clip_test_faults_disarm (void)
{
  gboolean was_fired;

  g_mutex_lock (&lock);
  fail_at = 0;
  was_fired = fired;
  g_mutex_unlock (&lock);
  return was_fired;
}

guint
clip_test_faults_count (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = seen;
  g_mutex_unlock (&lock);
  return n;
}

static char *
dump_db (sqlite3 *db, const char *sql)
{
  GString *s = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *t = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (s, "%s%s", i ? " " : "", t ? t : "NULL");
        }
      g_string_append_c (s, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (s, FALSE);
}

char *
clip_test_faults_dump (ClipStore  *store,
                       const char *sql)
{
  return dump_db (clip_store_get_db (store), sql);
}

void
clip_test_faults_check_archive (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open (path, CLIP_STORE_OPEN_DEFAULT, &error);
  g_autofree char *integrity = NULL;
  g_autofree char *unindexed = NULL;
  g_autofree char *stray = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  db = clip_store_get_db (store);
  integrity = dump_db (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok\n");
  /* FTS5's own check, against the articles table too (rank 1). */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts, rank) "
                                 "VALUES ('integrity-check', 1)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  /* Every article indexed, nothing indexed that is no article. */
  unindexed = dump_db (db, "SELECT id FROM articles EXCEPT SELECT id FROM articles_fts_docsize");
  stray = dump_db (db, "SELECT id FROM articles_fts_docsize EXCEPT SELECT id FROM articles");
  g_assert_cmpstr (unindexed, ==, "");
  g_assert_cmpstr (stray, ==, "");
}
