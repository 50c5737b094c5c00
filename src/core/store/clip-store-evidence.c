/* clip-store-evidence.c — the pages kept as evidence: a gzip copy of the
 * bytes as served in evidence/ beside the archive, named by their SHA-256,
 * and a row with the hash, addresses, status, capture time and headers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-store-pages.h"
#include "clip-store-sql.h"

#include <gio/gio.h>
#include <string.h>

/* evidence/ in the folder of the archive. */
static char *
evidence_dir (ClipStore *store)
{
  g_autofree char *folder = g_path_get_dirname (clip_store_get_path (store));

  return g_build_filename (folder, "evidence", NULL);
}

static gboolean
write_gzip (const char *path, GBytes *body, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GZlibCompressor) gz = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) conv = NULL;
  gsize len;
  const char *data = g_bytes_get_data (body, &len);

  /* Written whole under a temporary name, then renamed: a crash never
   * leaves half a copy under the hash's name. */
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, error);
  if (out == NULL)
    return FALSE;
  conv = g_converter_output_stream_new (G_OUTPUT_STREAM (out), G_CONVERTER (gz));
  if (!g_output_stream_write_all (conv, data ? data : "", len, NULL, NULL, error) ||
      !g_output_stream_close (conv, NULL, error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
clip_store_save_evidence (ClipStore    *store,
                          ClipEvidence *e,
                          GBytes       *body,
                          GError      **error)
{
  g_autofree char *dir = evidence_dir (store);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (e != NULL && body != NULL, FALSE);
  g_free (e->sha256);
  e->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
  e->size = g_bytes_get_size (body);
  name = g_strconcat (e->sha256, ".gz", NULL);
  path = g_build_filename (dir, name, NULL);
  g_free (e->file);
  e->file = g_build_filename ("evidence", name, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not create the evidence folder %s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  /* The same bytes are the same file: kept once. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !write_gzip (path, body, error))
    return FALSE;
  stmt = clip_store_prepare (store,
      "INSERT OR REPLACE INTO evidence (article_id, sha256, url, final_url, status, captured, "
      "content_type, headers, size, file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, e->article_id);
  clip_store_bind_text (stmt, 2, e->sha256);
  clip_store_bind_text (stmt, 3, e->url);
  clip_store_bind_text (stmt, 4, e->final_url);
  sqlite3_bind_int (stmt, 5, e->status);
  sqlite3_bind_int64 (stmt, 6, e->captured);
  clip_store_bind_text (stmt, 7, e->content_type);
  clip_store_bind_text (stmt, 8, e->headers);
  sqlite3_bind_int64 (stmt, 9, e->size);
  clip_store_bind_text (stmt, 10, e->file);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, "Could not save a page's evidence", error);
  return TRUE;
}

ClipEvidence *
clip_store_get_evidence (ClipStore  *store,
                         gint64      article_id,
                         GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT sha256, url, final_url, status, captured, content_type, headers, size, file "
      "FROM evidence WHERE article_id = ?", error);
  ClipEvidence *e = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      e = g_new0 (ClipEvidence, 1);
      e->article_id = article_id;
      e->sha256 = clip_store_dup_column (stmt, 0);
      e->url = clip_store_dup_column (stmt, 1);
      e->final_url = clip_store_dup_column (stmt, 2);
      e->status = sqlite3_column_int (stmt, 3);
      e->captured = sqlite3_column_int64 (stmt, 4);
      e->content_type = clip_store_dup_column (stmt, 5);
      e->headers = clip_store_dup_column (stmt, 6);
      e->size = sqlite3_column_int64 (stmt, 7);
      e->file = clip_store_dup_column (stmt, 8);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    clip_store_set_error (store, rc, "Could not read a page's evidence", error);
  return e;
}

GBytes *
clip_store_load_evidence (ClipStore          *store,
                          const ClipEvidence *e,
                          GError            **error)
{
  g_autofree char *folder = g_path_get_dirname (clip_store_get_path (store));
  g_autofree char *base = e->file ? g_path_get_basename (e->file) : NULL;
  g_autofree char *path = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GInputStream) conv = NULL;
  g_autoptr(GZlibDecompressor) gz = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  guint8 chunk[65536];
  gssize n;

  /* Only a plain name inside evidence/: the row's text never picks a path. */
  if (base == NULL || strchr (base, '/') || g_str_has_prefix (base, "."))
    {
      g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_CORRUPT,
                           "The evidence's file name is not valid");
      return NULL;
    }
  path = g_build_filename (folder, "evidence", base, NULL);
  file = g_file_new_for_path (path);
  in = G_INPUT_STREAM (g_file_read (file, NULL, error));
  if (in == NULL)
    return NULL;
  conv = g_converter_input_stream_new (in, G_CONVERTER (gz));
  /* Bounded: a page is at most 8 MiB, and so is its copy. */
  while ((n = g_input_stream_read (conv, chunk, sizeof chunk, NULL, error)) > 0)
    {
      g_byte_array_append (buf, chunk, n);
      if (buf->len > 16 * 1024 * 1024)
        {
          g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_CORRUPT,
                               "The page copy is larger than any page kept");
          return NULL;
        }
    }
  if (n < 0)
    return NULL;
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buf));
  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (sum, e->sha256) != 0)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_CORRUPT,
                   "The page copy %s does not match its SHA-256 any more", path);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}
