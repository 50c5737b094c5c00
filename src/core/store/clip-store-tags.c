/* clip-store-tags.c — tags across the archive: the sidebar's list with
 * counts, and renaming or removing one everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

void
clip_tag_count_free (ClipTagCount *tag)
{
  if (tag == NULL)
    return;
  g_free (tag->tag);
  g_free (tag);
}

GPtrArray *
clip_store_list_tags (ClipStore  *store,
                      GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_tag_count_free);
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT tag, count(*) FROM tags GROUP BY tag ORDER BY tag COLLATE NOCASE, tag", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClipTagCount *t = g_new0 (ClipTagCount, 1);

      t->tag = clip_store_dup_column (stmt, 0);
      t->count = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (list, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, _("Could not list the tags"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static char *
clean_tag (const char *tag, GError **error)
{
  char *clean = tag ? g_strstrip (g_strdup (tag)) : NULL;

  if (clean == NULL || *clean == '\0' || !g_utf8_validate (clean, -1, NULL))
    {
      g_free (clean);
      g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                           _("A tag needs some text"));
      return NULL;
    }
  return clean;
}

static gboolean
run_tag_sql (ClipStore *store, const char *sql, const char *a, const char *b, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  clip_store_bind_text (stmt, 1, a);
  if (b)
    clip_store_bind_text (stmt, 2, b);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not change the tag"), error);
  return TRUE;
}

static gboolean
tag_exists (ClipStore *store, const char *tag, gboolean *exists, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT 1 FROM tags WHERE tag = ? LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  clip_store_bind_text (stmt, 1, tag);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not read the tags"), error);
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
clip_store_rename_tag (ClipStore   *store,
                       const char  *old_tag,
                       const char  *new_tag,
                       GError     **error)
{
  g_autofree char *to = clean_tag (new_tag, error);
  gboolean exists = FALSE;

  if (to == NULL || !tag_exists (store, old_tag, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                   _("There is no tag “%s”"), old_tag);
      return FALSE;
    }
  if (!clip_store_begin (store, error))
    return FALSE;
  /* An article with both tags keeps one: the names merge. */
  if (!run_tag_sql (store, "UPDATE OR IGNORE tags SET tag = ? WHERE tag = ?", to, old_tag, error) ||
      (g_strcmp0 (to, old_tag) != 0 &&
       !run_tag_sql (store, "DELETE FROM tags WHERE tag = ?", old_tag, NULL, error)))
    {
      clip_store_rollback (store);
      return FALSE;
    }
  return clip_store_commit (store, error);
}

gboolean
clip_store_delete_tag (ClipStore   *store,
                       const char  *tag,
                       GError     **error)
{
  gboolean exists = FALSE;

  if (!tag_exists (store, tag, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                   _("There is no tag “%s”"), tag);
      return FALSE;
    }
  return run_tag_sql (store, "DELETE FROM tags WHERE tag = ?", tag, NULL, error);
}
