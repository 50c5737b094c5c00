/* clip-rules-store-lists.c — term lists in the archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-rules-store.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>
#include <string.h>

ClipTermLists *
clip_store_load_term_lists (ClipStore  *store,
                            GError    **error)
{
  g_autoptr(ClipTermLists) lists = clip_term_lists_new ();
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT l.name, e.term FROM term_lists l "
      "LEFT JOIN term_list_entries e ON e.list_id = l.id ORDER BY l.id, e.pos", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    clip_term_lists_add (lists, (const char *) sqlite3_column_text (stmt, 0),
                         (const char *) sqlite3_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, _("Could not read the term lists"), error);
      return NULL;
    }
  return g_steal_pointer (&lists);
}

GStrv
clip_store_list_term_lists (ClipStore  *store,
                            GError    **error)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT name FROM term_lists ORDER BY name", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (b, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, _("Could not read the term lists"), error);
      return NULL;
    }
  return g_strv_builder_end (b);
}

static gboolean
valid_name (const char *name, GError **error)
{
  g_autofree char *query = NULL;
  g_autoptr(ClipRuleNode) node = NULL;

  if (name == NULL || *name == '\0' || strlen (name) > 100 ||
      !g_utf8_validate (name, -1, NULL))
    goto bad;
  /* A name is whatever "@name" in a query reads back as. */
  query = g_strconcat ("@", name, NULL);
  node = clip_rule_parse (query, NULL, NULL);
  if (node != NULL && node->kind == CLIP_RULE_NODE_LIST && g_str_equal (node->name, name))
    return TRUE;
bad:
  g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
               _("“%s” cannot be a term list's name: use letters, digits, “_”, “-” and “.”"),
               name ? name : "");
  return FALSE;
}

static gint64
list_id (ClipStore *store, const char *name, gboolean create, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (create)
    {
      stmt = clip_store_prepare (store, "INSERT OR IGNORE INTO term_lists (name) VALUES (?)", error);
      if (stmt == NULL)
        return -1;
      clip_store_bind_text (stmt, 1, name);
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        return clip_store_set_error (store, rc, _("Could not save the term list"), error), -1;
    }
  stmt = clip_store_prepare (store, "SELECT id FROM term_lists WHERE name = ?", error);
  if (stmt == NULL)
    return -1;
  clip_store_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      sqlite3_reset (stmt);   /* no read transaction left open */
      return id;
    }
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not read the term list"), error), -1;
  g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
               _("There is no term list “%s”"), name);
  return -1;
}

static gboolean
write_entries (ClipStore *store, const char *name, const char * const *entries,
               gboolean replace, GError **error)
{
  gint64 id;
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; entries && entries[i]; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(ClipRuleNode) node = clip_rule_parse_entry (entries[i], &local);

      if (node == NULL)
        {
          g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                       _("“%s” cannot be in a term list: %s"), entries[i],
                       strstr (local->message, ": ") ? strstr (local->message, ": ") + 2
                                                     : local->message);
          return FALSE;
        }
    }
  if ((id = list_id (store, name, TRUE, error)) < 0)
    return FALSE;
  if (replace)
    {
      stmt = clip_store_prepare (store, "DELETE FROM term_list_entries WHERE list_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        return clip_store_set_error (store, rc, _("Could not save the term list"), error);
    }
  for (guint i = 0; entries && entries[i]; i++)
    {
      g_autofree char *term = g_strstrip (g_strdup (entries[i]));

      stmt = clip_store_prepare (store,
          "INSERT INTO term_list_entries (list_id, pos, term) VALUES (?1, "
          "(SELECT coalesce(max(pos), -1) + 1 FROM term_list_entries WHERE list_id = ?1), ?2)",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      clip_store_bind_text (stmt, 2, term);
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        return clip_store_set_error (store, rc, _("Could not save the term list"), error);
    }
  return clip_store_bump_rules_version (store, error);
}

static gboolean
change_list (ClipStore *store, const char *name, const char * const *entries,
             gboolean replace, GError **error)
{
  if (!valid_name (name, error) || !clip_store_begin (store, error))
    return FALSE;
  if (!write_entries (store, name, entries, replace, error))
    {
      clip_store_rollback (store);
      return FALSE;
    }
  return clip_store_commit (store, error);
}

gboolean
clip_store_add_terms (ClipStore           *store,
                      const char          *name,
                      const char * const  *entries,
                      GError             **error)
{
  return change_list (store, name, entries, FALSE, error);
}

gboolean
clip_store_set_term_list (ClipStore           *store,
                          const char          *name,
                          const char * const  *entries,
                          GError             **error)
{
  return change_list (store, name, entries, TRUE, error);
}

GArray *
clip_store_rules_using_list (ClipStore   *store,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(GPtrArray) rules = clip_store_list_rules (store, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (rules == NULL)
    return NULL;
  for (guint i = 0; i < rules->len; i++)
    {
      const ClipRule *r = g_ptr_array_index (rules, i);
      g_autoptr(ClipRuleNode) tree = clip_rule_parse (r->query, NULL, NULL);
      g_autoptr(GPtrArray) names = tree ? clip_rule_list_names (tree) : NULL;

      for (guint k = 0; names && k < names->len; k++)
        if (g_str_equal (g_ptr_array_index (names, k), name))
          {
            g_array_append_val (ids, r->id);
            break;
          }
    }
  return g_steal_pointer (&ids);
}

gboolean
clip_store_remove_term_list (ClipStore   *store,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(GArray) users = clip_store_rules_using_list (store, name, error);
  sqlite3_stmt *stmt;
  gint64 id;

  if (users == NULL)
    return FALSE;
  if (users->len > 0)
    {
      g_autoptr(ClipRule) r = clip_store_get_rule (store, g_array_index (users, gint64, 0), NULL);
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   _("The term list “%s” is used by the rule “%s”: change the rule first"),
                   name, r ? r->name : "?");
      return FALSE;
    }
  if ((id = list_id (store, name, FALSE, error)) < 0 || !clip_store_begin (store, error))
    return FALSE;
  stmt = clip_store_prepare (store, "DELETE FROM term_lists WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        clip_store_set_error (store, sqlite3_errcode (clip_store_get_db (store)),
                              _("Could not remove the term list"), error);
      /* A list gone is a change too: a query naming it no longer reads. */
      else if (clip_store_bump_rules_version (store, error))
        return clip_store_commit (store, error);
    }
  clip_store_rollback (store);
  return FALSE;
}
