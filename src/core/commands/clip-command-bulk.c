/* clip-command-bulk.c — marks on many articles at once (a selection, a
 * whole view, the CLI's ID…), and tags across the archive
 *
 * Each runs in one transaction: all the articles change or none do (an
 * unknown id fails the whole, so that a typo in a list of ids changes
 * nothing). The command keeps the ids it changed, for an Undo that puts
 * back exactly those.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-alert.h"
#include "clip-commands-private.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

typedef struct {
  gboolean read;
  gint     flag;
  gboolean has_note;
} State;

static gboolean
read_state (ClipStore *w, gint64 id, State *state, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (w, "SELECT read, flag, note IS NOT NULL "
                                           "FROM articles WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      state->read = sqlite3_column_int (stmt, 0) != 0;
      state->flag = sqlite3_column_int (stmt, 1);
      state->has_note = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                   _("There is no article %" PRId64), id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return clip_store_set_error (w, rc, _("Could not read the article"), error);
  return TRUE;
}

static gboolean
has_tag (ClipStore *w, gint64 id, const char *tag, gboolean *found, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (tag));
  sqlite3_stmt *stmt = clip_store_prepare (w, "SELECT 1 FROM tags WHERE article_id = ? AND tag = ?",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  clip_store_bind_text (stmt, 2, clean);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return clip_store_set_error (w, rc, _("Could not read the tags"), error);
  *found = rc == SQLITE_ROW;
  return TRUE;
}

/* One article: *changed says whether the mark changed anything. */
static gboolean
mark_one (ClipCommand *c, ClipStore *w, gint64 id, gboolean *changed, GError **error)
{
  State s = { 0 };
  gboolean tagged = FALSE;

  *changed = FALSE;
  if (!read_state (w, id, &s, error))
    return FALSE;
  switch ((ClipArticleMark) c->value)
    {
    case CLIP_MARK_READ:
    case CLIP_MARK_UNREAD:
      *changed = s.read != (c->value == CLIP_MARK_READ);
      return !*changed || (clip_store_set_read (w, id, !s.read, error) &&
                           clip_alert_set_article_read (w, id, !s.read, error));
    case CLIP_MARK_FLAG:
    case CLIP_MARK_UNFLAG:
      *changed = (s.flag != 0) != (c->value == CLIP_MARK_FLAG);
      return !*changed || clip_store_set_flag (w, id, s.flag ? 0 : 1, error);
    case CLIP_MARK_TAG:
    case CLIP_MARK_UNTAG:
      if (!has_tag (w, id, c->text, &tagged, error))
        return FALSE;
      *changed = tagged != (c->value == CLIP_MARK_TAG);
      if (!*changed)
        return TRUE;
      return tagged ? clip_store_remove_tag (w, id, c->text, error)
                    : clip_store_add_tag (w, id, c->text, error);
    case CLIP_MARK_NOTE:
      *changed = TRUE;
      return clip_store_set_note (w, id, c->text, error);
    default:
      g_assert_not_reached ();
    }
}

/* Read and flag marks go by sets: a whole view ("Mark All as Read") is a
 * few statements over a temporary table of its ids. The time is the
 * rows' rewriting (read and flag live in the wide articles rows): 100,000
 * articles marked read took 2.3-2.8 s, one by one or as a set alike, on
 * the writer's thread. */
static gboolean
step_sql (ClipStore *w, const char *sql, int value, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (w, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (value >= 0)
    sqlite3_bind_int (stmt, 1, value);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (w, rc, _("Could not save the articles"), error);
  return TRUE;
}

static gboolean
load_ids (ClipCommand *c, ClipStore *w, GError **error)
{
  sqlite3_stmt *stmt;

  if (!clip_store_exec (w, "CREATE TEMP TABLE IF NOT EXISTS clip_mark_ids (id INTEGER PRIMARY KEY)",
                        error) ||
      !step_sql (w, "DELETE FROM temp.clip_mark_ids", -1, error) ||
      !(stmt = clip_store_prepare (w, "INSERT OR IGNORE INTO temp.clip_mark_ids (id) VALUES (?)", error)))
    return FALSE;
  for (guint i = 0; i < c->ids->len; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, g_array_index (c->ids, gint64, i));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return clip_store_set_error (w, rc, _("Could not save the articles"), error);
    }
  /* An unknown id fails the whole. */
  stmt = clip_store_prepare (w, "SELECT m.id FROM temp.clip_mark_ids m "
                             "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.id) LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                   _("There is no article %" PRId64), (gint64) sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
mark_set (ClipCommand *c, ClipStore *w, GError **error)
{
  gboolean read_mark = c->value == CLIP_MARK_READ || c->value == CLIP_MARK_UNREAD;
  int want = c->value == CLIP_MARK_READ || c->value == CLIP_MARK_FLAG;
  sqlite3_stmt *stmt;
  int rc;

  if (!load_ids (c, w, error))
    return FALSE;
  stmt = clip_store_prepare (w, read_mark
      ? "SELECT a.id FROM articles a JOIN temp.clip_mark_ids m ON m.id = a.id WHERE a.read != ?1 ORDER BY a.id"
      : "SELECT a.id FROM articles a JOIN temp.clip_mark_ids m ON m.id = a.id "
        "WHERE (a.flag != 0) != ?1 ORDER BY a.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, want);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (c->changed, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (w, rc, _("Could not read the articles"), error);
  if (!read_mark)
    /* Flagging keeps a flag already set (its value). */
    return step_sql (w, "UPDATE articles SET flag = ?1 WHERE id IN (SELECT id FROM temp.clip_mark_ids) "
                     "AND (flag != 0) != ?1", want, error);
  /* An article and its alerts are read together (clip_command_set_read). */
  return step_sql (w, "UPDATE articles SET read = ?1 WHERE id IN (SELECT id FROM temp.clip_mark_ids) "
                   "AND read != ?1", want, error) &&
         step_sql (w, "UPDATE alerts SET read = ?1 WHERE article_id IN "
                   "(SELECT id FROM temp.clip_mark_ids) AND read != ?1", want, error);
}

static gboolean
mark_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
           GCancellable *cancellable, GError **error)
{
  g_array_set_size (c->changed, 0);
  /* Text from a command line or a paste: refused whole, never stored
   * half-decoded. */
  if (c->text != NULL && !g_utf8_validate (c->text, -1, NULL))
    {
      g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                           c->value == CLIP_MARK_NOTE ? _("The note is not valid UTF-8 text")
                                                      : _("The tag is not valid UTF-8 text"));
      return FALSE;
    }
  if ((c->value == CLIP_MARK_TAG || c->value == CLIP_MARK_UNTAG) &&
      (c->text == NULL || *g_strstrip (c->text) == '\0'))
    {
      g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                           _("A tag needs some text"));
      return FALSE;
    }
  if (!clip_store_begin (w, error))
    return FALSE;
  if (c->value != CLIP_MARK_TAG && c->value != CLIP_MARK_UNTAG && c->value != CLIP_MARK_NOTE)
    {
      if (!mark_set (c, w, error))
        {
          clip_store_rollback (w);
          g_array_set_size (c->changed, 0);
          return FALSE;
        }
      return clip_store_commit (w, error);
    }
  for (guint i = 0; i < c->ids->len; i++)
    {
      gint64 id = g_array_index (c->ids, gint64, i);
      gboolean changed;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !mark_one (c, w, id, &changed, error))
        {
          clip_store_rollback (w);
          g_array_set_size (c->changed, 0);
          return FALSE;
        }
      if (changed)
        g_array_append_val (c->changed, id);
    }
  return clip_store_commit (w, error);
}

ClipCommand *
clip_command_mark_articles (const gint64    *ids,
                            guint            n_ids,
                            ClipArticleMark  mark,
                            const char      *text)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  ClipCommand *c = _clip_command_new (mark_work);

  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  c->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  /* Each article once: the same id twice would count as changed twice. */
  for (guint i = 0; i < n_ids; i++)
    if (g_hash_table_add (seen, (gpointer) &ids[i]))
      g_array_append_val (c->ids, ids[i]);
  c->changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->value = mark;
  c->text = g_strdup (text);
  return c;
}

const GArray *
clip_command_get_changed (ClipCommand *c)
{
  g_return_val_if_fail (c != NULL, NULL);
  return c->changed;
}

static gboolean
rename_tag_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
                 GCancellable *cancellable, GError **error)
{
  return clip_store_rename_tag (w, c->text, c->text2, error);
}

static gboolean
delete_tag_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
                 GCancellable *cancellable, GError **error)
{
  return clip_store_delete_tag (w, c->text, error);
}

ClipCommand *
clip_command_rename_tag (const char *old_tag,
                         const char *new_tag)
{
  ClipCommand *c = _clip_command_new (rename_tag_work);

  g_return_val_if_fail (old_tag != NULL && new_tag != NULL, NULL);
  c->text = g_strdup (old_tag);
  c->text2 = g_strdup (new_tag);
  return c;
}

ClipCommand *
clip_command_delete_tag (const char *tag)
{
  ClipCommand *c = _clip_command_new (delete_tag_work);

  g_return_val_if_fail (tag != NULL, NULL);
  c->text = g_strdup (tag);
  return c;
}
