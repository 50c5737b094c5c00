/* clip-store-outlets.c — the outlets table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-store-sql.h"
#include "clip-url.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

ClipOutlet *
clip_store_read_outlet (sqlite3_stmt *stmt)
{
  ClipOutlet *o = clip_outlet_new ();

  o->id = sqlite3_column_int64 (stmt, 0);
  o->url = clip_store_dup_column (stmt, 1);
  o->name = clip_store_dup_column (stmt, 2);
  o->site_url = clip_store_dup_column (stmt, 3);
  o->group = clip_store_dup_column (stmt, 4);
  o->interval = sqlite3_column_int (stmt, 5);
  o->enabled = sqlite3_column_int (stmt, 6) != 0;
  o->created = sqlite3_column_int64 (stmt, 7);
  o->etag = clip_store_dup_column (stmt, 8);
  o->last_modified = clip_store_dup_column (stmt, 9);
  o->last_success = sqlite3_column_int64 (stmt, 10);
  o->last_attempt = sqlite3_column_int64 (stmt, 11);
  o->last_error = clip_store_dup_column (stmt, 12);
  o->failures = sqlite3_column_int (stmt, 13);
  o->next_attempt = sqlite3_column_int64 (stmt, 14);
  o->full_text = CLAMP (sqlite3_column_int (stmt, 15), CLIP_FULL_TEXT_AUTO, CLIP_FULL_TEXT_NEVER);
  o->ignore_robots = sqlite3_column_int (stmt, 16) != 0;
  clip_outlet_kind_from_name ((const char *) sqlite3_column_text (stmt, 17), &o->kind);
  o->selector = clip_store_dup_column (stmt, 18);
  o->next_selector = clip_store_dup_column (stmt, 19);
  o->pages = MAX (1, sqlite3_column_int (stmt, 20));
  o->preview = clip_store_dup_column (stmt, 21);
  o->layout_changed = sqlite3_column_int (stmt, 22) != 0;
  o->removed = sqlite3_column_int (stmt, 23) != 0;
  o->page_history = (guint32) sqlite3_column_int64 (stmt, 24);
  o->page_checked = sqlite3_column_int (stmt, 25);
  o->page_error = clip_store_dup_column (stmt, 26);
  o->page_next_attempt = sqlite3_column_int64 (stmt, 27);
  return o;
}

gboolean
clip_store_validate_outlet (const ClipOutlet *outlet,
                            GError          **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (outlet->url == NULL || *outlet->url == '\0')
    {
      g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                           _("An outlet needs an address"));
      return FALSE;
    }
  uri = g_uri_parse (outlet->url, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0 &&
       g_ascii_strcasecmp (scheme, "file") != 0) ||
      (g_ascii_strcasecmp (scheme, "file") != 0 && g_uri_get_host (uri) == NULL))
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   _("“%s” is not an http, https or file address"), outlet->url);
      return FALSE;
    }
  if (outlet->interval < 60 || outlet->interval > 7 * 24 * 3600)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   _("The interval must be between 60 seconds and a week, not %d"),
                   outlet->interval);
      return FALSE;
    }
  if (outlet->kind != CLIP_OUTLET_FEED && g_ascii_strcasecmp (scheme, "file") == 0)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   "A listing or sitemap outlet needs an http or https address, not “%s”",
                   outlet->url);
      return FALSE;
    }
  if (outlet->kind == CLIP_OUTLET_LISTING && (outlet->selector == NULL || *outlet->selector == '\0'))
    {
      g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                           "A listing outlet needs a selector for its article links");
      return FALSE;
    }
  return TRUE;
}

static char *
default_name (const ClipOutlet *outlet)
{
  char *host = clip_url_host (outlet->url);

  if (host == NULL)
    return g_path_get_basename (outlet->url);
  return host;
}

/* The address is taken: by a listed outlet (an error), or by one removed
 * with its annotated articles kept, which comes back as the analyst
 * describes it now, its kept articles with it: its kind, selectors and
 * pages too (a page watched as a listing now, a feed before), and the
 * fetch state of a new outlet, so that its first fetch reads the pages
 * asked for and no old validator or preview speaks for the new kind. */
static gint64
revive_outlet (ClipStore         *store,
               const ClipOutlet  *outlet,
               const char        *name,
               GError           **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "UPDATE outlets SET removed = 0, name = ?, site_url = coalesce(?, site_url), grp = ?, "
      "interval = ?, enabled = ?, next_attempt = 0, full_text = ?, robots = ?, kind = ?, "
      "selector = ?, next_selector = ?, pages = ?, etag = NULL, last_modified = NULL, "
      "last_success = 0, last_error = NULL, failures = 0, preview = NULL, layout_changed = 0 "
      "WHERE url = ? AND removed = 1 RETURNING id",
      error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  clip_store_bind_text (stmt, 1, name);
  clip_store_bind_text (stmt, 2, outlet->site_url);
  clip_store_bind_text (stmt, 3, outlet->group ? outlet->group : "");
  sqlite3_bind_int (stmt, 4, outlet->interval);
  sqlite3_bind_int (stmt, 5, outlet->enabled);
  sqlite3_bind_int (stmt, 6, outlet->full_text);
  sqlite3_bind_int (stmt, 7, outlet->ignore_robots);
  clip_store_bind_text (stmt, 8, clip_outlet_kind_name (outlet->kind));
  clip_store_bind_text (stmt, 9, outlet->selector);
  clip_store_bind_text (stmt, 10, outlet->next_selector);
  sqlite3_bind_int (stmt, 11, CLAMP (outlet->pages, 1, CLIP_OUTLET_MAX_PAGES));
  clip_store_bind_text (stmt, 12, outlet->url);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not add the outlet"), error);
  if (id == 0)
    g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_EXISTS,
                 _("An outlet with the address %s is already in the list"), outlet->url);
  return id;
}

gint64
clip_store_add_outlet (ClipStore         *store,
                       const ClipOutlet  *outlet,
                       GError           **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!clip_store_validate_outlet (outlet, error))
    return 0;
  name = outlet->name && *outlet->name ? g_strdup (outlet->name) : default_name (outlet);
  stmt = clip_store_prepare (store,
      "INSERT INTO outlets (url, name, site_url, grp, interval, enabled, created, "
      "full_text, robots, kind, selector, next_selector, pages) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  clip_store_bind_text (stmt, 1, outlet->url);
  clip_store_bind_text (stmt, 2, name);
  clip_store_bind_text (stmt, 3, outlet->site_url);
  clip_store_bind_text (stmt, 4, outlet->group ? outlet->group : "");
  sqlite3_bind_int (stmt, 5, outlet->interval);
  sqlite3_bind_int (stmt, 6, outlet->enabled);
  sqlite3_bind_int64 (stmt, 7, outlet->created ? outlet->created : g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int (stmt, 8, outlet->full_text);
  sqlite3_bind_int (stmt, 9, outlet->ignore_robots);
  clip_store_bind_text (stmt, 10, clip_outlet_kind_name (outlet->kind));
  clip_store_bind_text (stmt, 11, outlet->selector);
  clip_store_bind_text (stmt, 12, outlet->next_selector);
  sqlite3_bind_int (stmt, 13, CLAMP (outlet->pages, 1, CLIP_OUTLET_MAX_PAGES));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    return revive_outlet (store, outlet, name, error);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not add the outlet"), error);
  return sqlite3_last_insert_rowid (clip_store_get_db (store));
}

static gboolean
step_one_change (ClipStore    *store,
                 sqlite3_stmt *stmt,
                 gint64        id,
                 const char   *what,
                 GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_EXISTS,
                   _("%s: another outlet has that address"), what);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, what, error);
  if (sqlite3_changes (clip_store_get_db (store)) == 0)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                   _("There is no outlet %" PRId64), id);
      return FALSE;
    }
  return TRUE;
}

gboolean
clip_store_update_outlet (ClipStore         *store,
                          const ClipOutlet  *outlet,
                          GError           **error)
{
  sqlite3_stmt *stmt;

  if (!clip_store_validate_outlet (outlet, error))
    return FALSE;
  stmt = clip_store_prepare (store,
      "UPDATE outlets SET url = ?, name = ?, site_url = ?, grp = ?, interval = ?, "
      "enabled = ?, full_text = ?, robots = ?, kind = ?, selector = ?, next_selector = ?, "
      "pages = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  clip_store_bind_text (stmt, 1, outlet->url);
  clip_store_bind_text (stmt, 2, outlet->name ? outlet->name : "");
  clip_store_bind_text (stmt, 3, outlet->site_url);
  clip_store_bind_text (stmt, 4, outlet->group ? outlet->group : "");
  sqlite3_bind_int (stmt, 5, outlet->interval);
  sqlite3_bind_int (stmt, 6, outlet->enabled);
  sqlite3_bind_int (stmt, 7, outlet->full_text);
  sqlite3_bind_int (stmt, 8, outlet->ignore_robots);
  clip_store_bind_text (stmt, 9, clip_outlet_kind_name (outlet->kind));
  clip_store_bind_text (stmt, 10, outlet->selector);
  clip_store_bind_text (stmt, 11, outlet->next_selector);
  sqlite3_bind_int (stmt, 12, CLAMP (outlet->pages, 1, CLIP_OUTLET_MAX_PAGES));
  sqlite3_bind_int64 (stmt, 13, outlet->id);
  return step_one_change (store, stmt, outlet->id, _("Could not save the outlet"), error);
}

gboolean
clip_store_save_fetch_state (ClipStore         *store,
                             const ClipOutlet  *outlet,
                             GError           **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "UPDATE outlets SET etag = ?, last_modified = ?, last_success = ?, "
      "last_attempt = ?, last_error = ?, failures = ?, next_attempt = ?, url = ?, "
      "preview = ?, layout_changed = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  clip_store_bind_text (stmt, 1, outlet->etag);
  clip_store_bind_text (stmt, 2, outlet->last_modified);
  sqlite3_bind_int64 (stmt, 3, outlet->last_success);
  sqlite3_bind_int64 (stmt, 4, outlet->last_attempt);
  clip_store_bind_text (stmt, 5, outlet->last_error);
  sqlite3_bind_int (stmt, 6, outlet->failures);
  sqlite3_bind_int64 (stmt, 7, outlet->next_attempt);
  clip_store_bind_text (stmt, 8, outlet->url);
  clip_store_bind_text (stmt, 9, outlet->preview);
  sqlite3_bind_int (stmt, 10, outlet->layout_changed);
  sqlite3_bind_int64 (stmt, 11, outlet->id);
  return step_one_change (store, stmt, outlet->id, _("Could not save the outlet's state"), error);
}

gboolean
clip_store_remove_outlet (ClipStore  *store,
                          gint64      id,
                          GError    **error)
{
  sqlite3_stmt *stmt;

  if (!clip_store_begin (store, error))
    return FALSE;
  /* Deleting through the cascade one row at a time keeps the FTS index in
   * step (its delete trigger needs each row's old text). */
  stmt = clip_store_prepare (store, "DELETE FROM articles WHERE outlet_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      clip_store_set_error (store, sqlite3_errcode (clip_store_get_db (store)),
                            _("Could not remove the outlet's articles"), error);
      goto fail;
    }
  stmt = clip_store_prepare (store, "DELETE FROM outlets WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_one_change (store, stmt, id, _("Could not remove the outlet"), error))
    goto fail;
  return clip_store_commit (store, error);

fail:
  clip_store_rollback (store);
  return FALSE;
}

/* An annotated article: what the analyst added to it would be lost. */
#define ANNOTATED "(a.flag != 0 OR a.note IS NOT NULL OR " \
                  "EXISTS (SELECT 1 FROM tags t WHERE t.article_id = a.id))"

gboolean
clip_store_remove_outlet_keeping (ClipStore  *store,
                                  gint64      id,
                                  gboolean    keep_annotated,
                                  guint      *n_kept,
                                  GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(ClipOutlet) o = NULL;
  guint kept;

  if (n_kept)
    *n_kept = 0;
  if (!keep_annotated)
    return clip_store_remove_outlet (store, id, error);
  if (!(o = clip_store_get_outlet (store, id, error)) || !clip_store_begin (store, error))
    return FALSE;
  /* One row at a time, as clip_store_remove_outlet() says. */
  stmt = clip_store_prepare (store, "DELETE FROM articles AS a WHERE a.outlet_id = ? "
                             "AND NOT " ANNOTATED, error);
  if (stmt)
    sqlite3_bind_int64 (stmt, 1, id);
  if (!clip_store_step_done (store, stmt, _("Could not remove the outlet's articles"), error))
    goto fail;
  stmt = clip_store_prepare (store, "SELECT count(*) FROM articles WHERE outlet_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      clip_store_set_error (store, sqlite3_errcode (clip_store_get_db (store)),
                            _("Could not count the kept articles"), error);
      goto fail;
    }
  kept = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  /* Nothing kept: nothing needs the row. */
  stmt = clip_store_prepare (store, kept ? "UPDATE outlets SET removed = 1, enabled = 0 WHERE id = ?"
                                         : "DELETE FROM outlets WHERE id = ?", error);
  if (stmt)
    sqlite3_bind_int64 (stmt, 1, id);
  if (!clip_store_step_done (store, stmt, _("Could not remove the outlet"), error))
    goto fail;
  if (n_kept)
    *n_kept = kept;
  return clip_store_commit (store, error);

fail:
  clip_store_rollback (store);
  return FALSE;
}

gboolean
clip_store_set_outlet_removed (ClipStore  *store,
                               gint64      id,
                               gboolean    removed,
                               gboolean    enabled,
                               GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "UPDATE outlets SET removed = ?, enabled = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, removed != 0);
  sqlite3_bind_int (stmt, 2, enabled && !removed);
  sqlite3_bind_int64 (stmt, 3, id);
  return step_one_change (store, stmt, id, _("Could not change the outlet"), error);
}

gboolean
clip_store_count_outlet_articles (ClipStore          *store,
                                  gint64              id,
                                  ClipOutletArticles *counts,
                                  GError            **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT count(*), count(*) FILTER (WHERE a.flag != 0), "
      "  count(*) FILTER (WHERE a.note IS NOT NULL), "
      "  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM tags t WHERE t.article_id = a.id)), "
      "  count(*) FILTER (WHERE " ANNOTATED ") "
      "FROM articles a WHERE a.outlet_id = ?", error);
  int rc;

  memset (counts, 0, sizeof *counts);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return clip_store_set_error (store, rc, _("Could not count the outlet's articles"), error);
  counts->total = sqlite3_column_int64 (stmt, 0);
  counts->flagged = sqlite3_column_int64 (stmt, 1);
  counts->with_notes = sqlite3_column_int64 (stmt, 2);
  counts->tagged = sqlite3_column_int64 (stmt, 3);
  counts->annotated = sqlite3_column_int64 (stmt, 4);
  sqlite3_reset (stmt);
  return TRUE;
}

static ClipOutlet *
get_one (ClipStore   *store,
         const char  *sql,
         gint64       id,
         const char  *url,
         GError     **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (url)
    clip_store_bind_text (stmt, 1, url);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ClipOutlet *o = clip_store_read_outlet (stmt);

      sqlite3_reset (stmt);     /* release the read snapshot */
      return o;
    }
  if (rc == SQLITE_DONE)
    {
      if (url)
        g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                     _("There is no outlet with the address %s"), url);
      else
        g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                     _("There is no outlet %" PRId64), id);
      return NULL;
    }
  clip_store_set_error (store, rc, _("Could not read the outlet"), error);
  return NULL;
}

ClipOutlet *
clip_store_get_outlet (ClipStore  *store,
                       gint64      id,
                       GError    **error)
{
  return get_one (store, "SELECT " CLIP_STORE_OUTLET_COLUMNS " FROM outlets o WHERE o.id = ?",
                  id, NULL, error);
}

ClipOutlet *
clip_store_find_outlet (ClipStore   *store,
                        const char  *url,
                        GError     **error)
{
  return get_one (store, "SELECT " CLIP_STORE_OUTLET_COLUMNS " FROM outlets o WHERE o.url = ?",
                  0, url, error);
}

GPtrArray *
clip_store_list_outlets (ClipStore  *store,
                         GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_outlet_free);
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT " CLIP_STORE_OUTLET_COLUMNS ", "
      "  (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id), "
      "  (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id AND a.read = 0) "
      "FROM outlets o WHERE o.removed = 0 ORDER BY o.grp COLLATE NOCASE, o.name COLLATE NOCASE, o.id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClipOutlet *o = clip_store_read_outlet (stmt);

      o->article_count = sqlite3_column_int64 (stmt, CLIP_STORE_OUTLET_N_COLUMNS);
      o->unread_count = sqlite3_column_int64 (stmt, CLIP_STORE_OUTLET_N_COLUMNS + 1);
      g_ptr_array_add (list, o);
    }
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, _("Could not list the outlets"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
