/* clip-rules-store.c — rules and term lists in the archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-rules-store.h"
#include "clip-rule-colors.h"
#include "clip-store-sql.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#define RULE_COLUMNS \
  "r.id, r.name, r.query, r.enabled, r.severity, r.notify, r.color, r.created, " \
  "r.modified, (SELECT count(*) FROM matches m WHERE m.rule_id = r.id)"

ClipRule *
clip_rule_new (void)
{
  return g_new0 (ClipRule, 1);
}

ClipRule *
clip_rule_copy (const ClipRule *rule)
{
  ClipRule *copy = g_new0 (ClipRule, 1);

  *copy = *rule;
  copy->name = g_strdup (rule->name);
  copy->query = g_strdup (rule->query);
  copy->severity = g_strdup (rule->severity);
  copy->notify = g_strdup (rule->notify);
  copy->color = g_strdup (rule->color);
  return copy;
}

void
clip_rule_free (ClipRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->name);
  g_free (rule->query);
  g_free (rule->severity);
  g_free (rule->notify);
  g_free (rule->color);
  g_free (rule);
}

static ClipRule *
read_rule (sqlite3_stmt *stmt)
{
  ClipRule *r = clip_rule_new ();

  r->id = sqlite3_column_int64 (stmt, 0);
  r->name = clip_store_dup_column (stmt, 1);
  r->query = clip_store_dup_column (stmt, 2);
  r->enabled = sqlite3_column_int (stmt, 3) != 0;
  r->severity = clip_store_dup_column (stmt, 4);
  r->notify = clip_store_dup_column (stmt, 5);
  r->color = clip_store_dup_column (stmt, 6);
  r->created = sqlite3_column_int64 (stmt, 7);
  r->modified = sqlite3_column_int64 (stmt, 8);
  r->match_count = sqlite3_column_int64 (stmt, 9);
  return r;
}

GPtrArray *
clip_store_list_rules (ClipStore  *store,
                       GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_rule_free);
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT " RULE_COLUMNS " FROM rules r ORDER BY r.name COLLATE NOCASE", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_rule (stmt));
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, _("Could not read the rules"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static ClipRule *
one_rule (ClipStore *store, const char *sql, const char *name, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (name)
    clip_store_bind_text (stmt, 1, name);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ClipRule *r = read_rule (stmt);

      /* A statement left on a row keeps a read transaction open, and
       * with it the WAL from being checkpointed. */
      sqlite3_reset (stmt);
      return r;
    }
  if (rc != SQLITE_DONE)
    clip_store_set_error (store, rc, _("Could not read the rule"), error);
  else if (name)
    g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                 _("There is no rule named “%s”"), name);
  else
    g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                 _("There is no rule %" PRId64), id);
  return NULL;
}

ClipRule *
clip_store_find_rule (ClipStore   *store,
                      const char  *name,
                      GError     **error)
{
  g_return_val_if_fail (name != NULL, NULL);
  return one_rule (store, "SELECT " RULE_COLUMNS " FROM rules r WHERE r.name = ?", name, 0, error);
}

ClipRule *
clip_store_get_rule (ClipStore  *store,
                     gint64      id,
                     GError    **error)
{
  return one_rule (store, "SELECT " RULE_COLUMNS " FROM rules r WHERE r.id = ?", NULL, id, error);
}

gint64
clip_store_rules_version (ClipStore *store)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT CAST(value AS INTEGER) FROM state WHERE key = 'rules_version'", NULL);
  gint64 v = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    v = 0;
  sqlite3_reset (stmt);
  return v;
}

gboolean
clip_store_bump_rules_version (ClipStore *store, GError **error)
{
  return clip_store_exec (store,
      "INSERT INTO state (key, value) VALUES ('rules_version', 1) "
      "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1", error);
}

gboolean
clip_store_check_query (ClipStore   *store,
                        const char  *query,
                        guint       *error_column,
                        GError     **error)
{
  g_autoptr(ClipTermLists) lists = NULL;
  g_autoptr(ClipRuleNode) tree = NULL;

  if (query == NULL)
    query = "";
  if (!(lists = clip_store_load_term_lists (store, error)))
    return FALSE;
  tree = clip_rule_compile_tree (query, lists, error_column, error);
  return tree != NULL;
}

static gboolean
one_of (const char *value, const char * const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

static gboolean
validate (const ClipRule *rule, GError **error)
{
  static const char * const severities[] = { "info", "important", "critical", NULL };
  static const char * const notifies[] = { "instant", "hourly", "daily", "none", NULL };
  const char *c = rule->color;
  g_autofree char *name = rule->name ? g_strstrip (g_strdup (rule->name)) : NULL;

  if (name == NULL || *name == '\0' ||
      !g_utf8_validate (rule->name, -1, NULL) || g_utf8_strlen (rule->name, -1) > 200)
    {
      g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                           _("A rule needs a name of 1 to 200 characters"));
      return FALSE;
    }
  if (rule->severity && !one_of (rule->severity, severities))
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   _("“%s” is not a severity: use info, important or critical"), rule->severity);
      return FALSE;
    }
  if (rule->notify && !one_of (rule->notify, notifies))
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   _("“%s” is not a notification mode: use instant, hourly, daily or none"),
                   rule->notify);
      return FALSE;
    }
  if (c && (strlen (c) != 7 || c[0] != '#' || strspn (c + 1, "0123456789abcdefABCDEF") != 6))
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   _("“%s” is not a colour: write it as #rrggbb"), c);
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_write (ClipStore *store, sqlite3_stmt *stmt, const char *name, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_EXISTS,
                   _("There is already a rule named “%s”"), name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not save the rule"), error);
  return TRUE;
}

gint64
clip_store_add_rule (ClipStore       *store,
                     const ClipRule  *rule,
                     GError         **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC, id;
  g_autofree char *name = NULL;
  g_autofree char *color = NULL;
  sqlite3_stmt *stmt;

  if (!validate (rule, error) || !clip_store_check_query (store, rule->query, NULL, error))
    return 0;
  name = g_strstrip (g_strdup (rule->name));
  if (!clip_store_begin (store, error))
    return 0;
  /* No colour given: the one farthest from the other rules', chosen in
   * the same transaction. */
  if (rule->color == NULL && !(color = clip_store_next_rule_color (store, error)))
    goto fail;
  stmt = clip_store_prepare (store,
      "INSERT INTO rules (name, query, enabled, severity, notify, color, created, modified) "
      "VALUES (?1, ?2, ?3, coalesce(?4, 'info'), coalesce(?5, 'instant'), "
      "?6, ?7, ?7)", error);
  if (stmt == NULL)
    goto fail;
  clip_store_bind_text (stmt, 1, name);
  clip_store_bind_text (stmt, 2, rule->query);
  sqlite3_bind_int (stmt, 3, rule->enabled ? 1 : 0);
  clip_store_bind_text (stmt, 4, rule->severity);
  clip_store_bind_text (stmt, 5, rule->notify);
  clip_store_bind_text (stmt, 6, rule->color ? rule->color : color);
  sqlite3_bind_int64 (stmt, 7, now);
  if (!step_write (store, stmt, name, error))
    goto fail;
  id = sqlite3_last_insert_rowid (clip_store_get_db (store));
  if (!clip_store_bump_rules_version (store, error))
    goto fail;
  return clip_store_commit (store, error) ? id : 0;

fail:
  clip_store_rollback (store);
  return 0;
}

gboolean
clip_store_update_rule (ClipStore       *store,
                        const ClipRule  *rule,
                        gboolean        *recompute,
                        GError         **error)
{
  g_autoptr(ClipRule) old = NULL;
  g_autofree char *name = NULL;
  gboolean changed;
  sqlite3_stmt *stmt;

  if (recompute)
    *recompute = FALSE;
  if (!validate (rule, error) || !clip_store_check_query (store, rule->query, NULL, error))
    return FALSE;
  if (!(old = clip_store_get_rule (store, rule->id, error)))
    return FALSE;
  name = g_strstrip (g_strdup (rule->name));
  changed = g_strcmp0 (old->query, rule->query) != 0;
  if (!clip_store_begin (store, error))
    return FALSE;
  stmt = clip_store_prepare (store,
      "UPDATE rules SET name = ?1, query = ?2, enabled = ?3, severity = coalesce(?4, severity), "
      "notify = coalesce(?5, notify), color = coalesce(?6, color), modified = ?7 WHERE id = ?8",
      error);
  if (stmt == NULL)
    goto fail;
  clip_store_bind_text (stmt, 1, name);
  clip_store_bind_text (stmt, 2, rule->query);
  sqlite3_bind_int (stmt, 3, rule->enabled ? 1 : 0);
  clip_store_bind_text (stmt, 4, rule->severity);
  clip_store_bind_text (stmt, 5, rule->notify);
  clip_store_bind_text (stmt, 6, rule->color);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 8, rule->id);
  if (!step_write (store, stmt, name, error))
    goto fail;
  if (changed)
    {
      /* Old matches would say the new query matched them: they go now,
       * the backfill writes the new ones. Alerts stay: they happened. */
      stmt = clip_store_prepare (store, "DELETE FROM matches WHERE rule_id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, rule->id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          clip_store_set_error (store, sqlite3_errcode (clip_store_get_db (store)),
                                _("Could not update the rule's matches"), error);
          goto fail;
        }
    }
  if (!clip_store_bump_rules_version (store, error))
    goto fail;
  if (!clip_store_commit (store, error))
    return FALSE;
  if (recompute)
    *recompute = rule->enabled && (changed || !old->enabled);
  return TRUE;

fail:
  clip_store_rollback (store);
  return FALSE;
}

gboolean
clip_store_remove_rule (ClipStore  *store,
                        gint64      id,
                        GError    **error)
{
  sqlite3_stmt *stmt;

  if (!clip_store_begin (store, error))
    return FALSE;
  stmt = clip_store_prepare (store, "DELETE FROM rules WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      clip_store_set_error (store, sqlite3_errcode (clip_store_get_db (store)),
                            _("Could not remove the rule"), error);
      goto fail;
    }
  if (sqlite3_changes (clip_store_get_db (store)) == 0)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                   _("There is no rule %" PRId64), id);
      goto fail;
    }
  /* Matches and alerts go with it (ON DELETE CASCADE). */
  if (!clip_store_bump_rules_version (store, error))
    goto fail;
  return clip_store_commit (store, error);

fail:
  clip_store_rollback (store);
  return FALSE;
}

char *
clip_store_get_match_spans (ClipStore  *store,
                            gint64      rule_id,
                            gint64      article_id,
                            GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT spans FROM matches WHERE rule_id = ? AND article_id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      char *spans = clip_store_dup_column (stmt, 0);

      sqlite3_reset (stmt);
      return spans;
    }
  if (rc != SQLITE_DONE)
    clip_store_set_error (store, rc, _("Could not read the match"), error);
  return NULL;
}
