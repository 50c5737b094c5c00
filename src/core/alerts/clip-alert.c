/* clip-alert.c — the alert inbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-alert.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#define ALERT_COLUMNS \
  "al.id, al.rule_id, al.article_id, al.created, al.read, al.notified, " \
  "a.title, a.url, o.name, al.time"

/* By the article's time, newest first (DESIGN.md: lists are in time
 * order), on the (rule_id, time) indexes: a page costs its own rows. */
#define ALERT_ORDER " ORDER BY al.time DESC, al.id DESC"

#define ALERT_FROM \
  " FROM alerts al JOIN articles a ON a.id = al.article_id" \
  " JOIN outlets o ON o.id = a.outlet_id"

void
clip_alert_free (ClipAlert *alert)
{
  if (alert == NULL)
    return;
  g_free (alert->title);
  g_free (alert->url);
  g_free (alert->outlet_name);
  g_free (alert);
}

void
clip_alert_group_free (ClipAlertGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->name);
  g_free (group->color);
  g_free (group->severity);
  g_clear_pointer (&group->alerts, g_ptr_array_unref);
  g_free (group);
}

static ClipAlert *
read_alert (sqlite3_stmt *stmt)
{
  ClipAlert *alert = g_new0 (ClipAlert, 1);

  alert->id = sqlite3_column_int64 (stmt, 0);
  alert->rule_id = sqlite3_column_int64 (stmt, 1);
  alert->article_id = sqlite3_column_int64 (stmt, 2);
  alert->created = sqlite3_column_int64 (stmt, 3);
  alert->read = sqlite3_column_int (stmt, 4) != 0;
  alert->notified = sqlite3_column_int (stmt, 5) != 0;
  alert->title = clip_store_dup_column (stmt, 6);
  alert->url = clip_store_dup_column (stmt, 7);
  alert->outlet_name = clip_store_dup_column (stmt, 8);
  alert->article_time = sqlite3_column_int64 (stmt, 9);
  if (alert->title == NULL)
    alert->title = g_strdup ("");
  return alert;
}

static GPtrArray *
read_alerts (ClipStore    *store,
             sqlite3_stmt *stmt,
             GError      **error)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_alert_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (alerts, read_alert (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, _("Could not read the alerts"), error);
      return NULL;
    }
  return g_steal_pointer (&alerts);
}

/* The time of alert id, the cursor of the page after it. */
static gboolean
alert_time (ClipStore  *store,
            gint64      id,
            gint64     *time,
            GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT time FROM alerts WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *time = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                 _("There is no alert %" PRId64), id);
  else
    clip_store_set_error (store, rc, _("Could not read the alerts"), error);
  return FALSE;
}

/* A page starts after the previous page's last alert (a range on the
 * alerts_rule_time index), not at an OFFSET that SQLite would step
 * through row by row: a late page of a large inbox costs what an early
 * one does, and alerts raised between two pages shift nothing. */
GPtrArray *
clip_alert_list_rule (ClipStore  *store,
                      gint64      rule_id,
                      gint64      before_id,
                      guint       limit,
                      GError    **error)
{
  gint64 time = G_MAXINT64;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CLIP_IS_STORE (store), NULL);

  if (before_id != CLIP_ALERT_FROM_NEWEST && !alert_time (store, before_id, &time, error))
    return NULL;
  stmt = clip_store_prepare (store,
      "SELECT " ALERT_COLUMNS ALERT_FROM
      " WHERE al.rule_id = ?1 AND (al.time, al.id) < (?2, ?3)" ALERT_ORDER " LIMIT ?4", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, time);
  sqlite3_bind_int64 (stmt, 3, before_id);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);
  return read_alerts (store, stmt, error);
}

gint64
clip_alert_page_next (GPtrArray *page)
{
  g_return_val_if_fail (page != NULL, 0);

  return page->len > 0 ? ((const ClipAlert *) page->pdata[page->len - 1])->id : 0;
}

static GPtrArray *
list_unread_rule (ClipStore  *store,
                  gint64      rule_id,
                  guint       limit,
                  GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT " ALERT_COLUMNS ALERT_FROM
      " WHERE al.rule_id = ?1 AND al.read = 0" ALERT_ORDER " LIMIT ?2", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return read_alerts (store, stmt, error);
}

/* The groups without their alerts: the most severe first, then the one
 * with the newest article (among the unread ones, with unread_only). */
static GPtrArray *
read_groups (ClipStore  *store,
             gboolean    unread_only,
             GError    **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_alert_group_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Rule by rule on the indexes (rules are few, alerts many): counts from
   * alerts_rule and alerts_unread, the newest from the end of
   * alerts_rule_time or alerts_unread. */
  stmt = clip_store_prepare (store,
      "SELECT id, name, color, severity, total, unread, newest FROM"
      " (SELECT r.id, r.name, r.color, r.severity,"
      "   (SELECT count(*) FROM alerts WHERE rule_id = r.id) AS total,"
      "   (SELECT count(*) FROM alerts WHERE rule_id = r.id AND read = 0) AS unread,"
      "   CASE WHEN ?1 THEN (SELECT max(time) FROM alerts WHERE rule_id = r.id AND read = 0)"
      "   ELSE (SELECT max(time) FROM alerts WHERE rule_id = r.id) END AS newest"
      "  FROM rules r)"
      " WHERE total > 0 AND (NOT ?1 OR unread > 0)"
      " ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'important' THEN 1 ELSE 2 END,"
      " newest DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, unread_only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClipAlertGroup *group = g_new0 (ClipAlertGroup, 1);

      group->rule_id = sqlite3_column_int64 (stmt, 0);
      group->name = clip_store_dup_column (stmt, 1);
      group->color = clip_store_dup_column (stmt, 2);
      group->severity = clip_store_dup_column (stmt, 3);
      group->total = sqlite3_column_int (stmt, 4);
      group->unread = sqlite3_column_int (stmt, 5);
      group->newest = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (groups, group);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, _("Could not read the alerts"), error);
      return NULL;
    }
  return g_steal_pointer (&groups);
}

GPtrArray *
clip_alert_list_groups (ClipStore  *store,
                        guint       per_rule,
                        gboolean    unread_only,
                        GError    **error)
{
  g_autoptr(GPtrArray) groups = NULL;

  g_return_val_if_fail (CLIP_IS_STORE (store), NULL);

  /* One read transaction, so the counts and the lists agree. */
  if (!clip_store_exec (store, "SAVEPOINT alert_list", error))
    return NULL;
  groups = read_groups (store, unread_only, error);
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      ClipAlertGroup *group = groups->pdata[i];

      if (unread_only)
        group->alerts = list_unread_rule (store, group->rule_id, per_rule, error);
      else
        group->alerts = clip_alert_list_rule (store, group->rule_id, CLIP_ALERT_FROM_NEWEST,
                                              per_rule, error);
      if (group->alerts == NULL)
        g_clear_pointer (&groups, g_ptr_array_unref);
    }
  clip_store_exec (store, "RELEASE alert_list", NULL);
  return g_steal_pointer (&groups);
}

GHashTable *
clip_alert_count_unread (ClipStore  *store,
                         GError    **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CLIP_IS_STORE (store), NULL);

  stmt = clip_store_prepare (store,
      "SELECT rule_id, count(*) FROM alerts WHERE read = 0 GROUP BY rule_id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GUINT_TO_POINTER ((guint) sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, _("Could not count the unread alerts"), error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

gint64
clip_alert_count_unread_total (ClipStore  *store,
                               GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 count;
  int rc;

  g_return_val_if_fail (CLIP_IS_STORE (store), -1);

  stmt = clip_store_prepare (store, "SELECT count(*) FROM alerts WHERE read = 0", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    clip_store_set_error (store, rc, _("Could not count the unread alerts"), error);
  return count;
}

static gboolean
run_update (ClipStore  *store,
            const char *sql,
            gint64      id,
            gint64      value,
            GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, value);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not update the alerts"), error);
  return TRUE;
}

gboolean
clip_alert_set_read (ClipStore  *store,
                     gint64      alert_id,
                     gboolean    read,
                     GError    **error)
{
  g_return_val_if_fail (CLIP_IS_STORE (store), FALSE);

  if (!run_update (store, "UPDATE alerts SET read = ?2 WHERE id = ?1", alert_id, read != 0, error))
    return FALSE;
  if (sqlite3_changes (clip_store_get_db (store)) == 0)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                   _("There is no alert %" PRId64), alert_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
clip_alert_mark_article_read (ClipStore  *store,
                              gint64      article_id,
                              GError    **error)
{
  g_return_val_if_fail (CLIP_IS_STORE (store), FALSE);

  return run_update (store, "UPDATE alerts SET read = 1 WHERE article_id = ?1 AND read = 0",
                     article_id, 0, error);
}

gboolean
clip_alert_set_article_read (ClipStore  *store,
                             gint64      article_id,
                             gboolean    read,
                             GError    **error)
{
  g_return_val_if_fail (CLIP_IS_STORE (store), FALSE);

  return run_update (store, "UPDATE alerts SET read = ?2 WHERE article_id = ?1 AND read != ?2",
                     article_id, read != 0, error);
}

gint64
clip_alert_get_article (ClipStore  *store,
                        gint64      alert_id,
                        GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 article_id = 0;
  int rc;

  g_return_val_if_fail (CLIP_IS_STORE (store), 0);

  if ((stmt = clip_store_prepare (store, "SELECT article_id FROM alerts WHERE id = ?1", error)) == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, alert_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    article_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                 _("There is no alert %" PRId64), alert_id);
  else if (rc != SQLITE_ROW)
    clip_store_set_error (store, rc, _("Could not read the alert"), error);
  return article_id;
}

/* The articles first: their alerts are found by the unread alerts that
 * the second statement then marks. */
gboolean
clip_alert_read_articles (ClipStore  *store,
                          gint64      rule_id,
                          GError    **error)
{
  g_return_val_if_fail (CLIP_IS_STORE (store), FALSE);

  return run_update (store,
                     "UPDATE articles SET read = 1 WHERE read = 0 AND id IN"
                     " (SELECT article_id FROM alerts WHERE read = 0 AND (?1 = 0 OR rule_id = ?1))",
                     rule_id, 0, error) &&
         run_update (store,
                     "UPDATE alerts SET read = 1 WHERE read = 0 AND article_id IN"
                     " (SELECT article_id FROM alerts WHERE read = 0 AND (?1 = 0 OR rule_id = ?1))",
                     rule_id, 0, error);
}

gboolean
clip_alert_mark_rule_read (ClipStore  *store,
                           gint64      rule_id,
                           GError    **error)
{
  g_return_val_if_fail (CLIP_IS_STORE (store), FALSE);

  return run_update (store, "UPDATE alerts SET read = 1 WHERE rule_id = ?1 AND read = 0",
                     rule_id, 0, error);
}

gboolean
clip_alert_mark_all_read (ClipStore  *store,
                          GError    **error)
{
  g_return_val_if_fail (CLIP_IS_STORE (store), FALSE);

  return run_update (store, "UPDATE alerts SET read = 1 WHERE read = 0", 0, 0, error);
}

gboolean
clip_alert_raise (ClipStore  *store,
                  gint64      rule_id,
                  gint64      article_id,
                  gint64      created,
                  gpointer    unused,
                  GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "INSERT OR IGNORE INTO alerts (rule_id, article_id, created, time) VALUES (?1, ?2, ?3,"
      " coalesce((SELECT time FROM article_times WHERE id = ?2), 0))", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, article_id);
  sqlite3_bind_int64 (stmt, 3, created);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return clip_store_set_error (store, sqlite3_errcode (clip_store_get_db (store)),
                                 _("Could not save an alert"), error);
  return TRUE;
}
