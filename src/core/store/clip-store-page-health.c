/* clip-store-page-health.c — how an outlet's article pages fare (its
 * health beside the feed's), and the sites whose pages wait after
 * failures, kept across restarts
 *
 * Written by the fetch service, on its writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-store-pages.h"
#include "clip-store-sql.h"

void
clip_page_host_free (ClipPageHost *h)
{
  if (h == NULL)
    return;
  g_free (h->host);
  g_free (h);
}

gboolean
clip_store_note_page_fetch (ClipStore   *store,
                            gint64       article_id,
                            const char  *failure,
                            gint64       next_attempt,
                            GError     **error)
{
  /* The window's bits: the newest lowest, shifted out after 20. */
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "UPDATE outlets SET "
      "page_history = ((page_history << 1) | ?2) & ((1 << ?4) - 1), "
      "page_checked = min(page_checked + 1, ?4), "
      "page_error = ?3, page_next_attempt = ?5 "
      "WHERE id = (SELECT outlet_id FROM articles WHERE id = ?1)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int (stmt, 2, failure != NULL);
  clip_store_bind_text (stmt, 3, failure);
  sqlite3_bind_int (stmt, 4, CLIP_OUTLET_PAGE_WINDOW);
  sqlite3_bind_int64 (stmt, 5, failure ? MAX (next_attempt, 0) : 0);
  return clip_store_step_done (store, stmt, "Could not save the health of the outlet's pages", error);
}

gboolean
clip_store_set_page_host (ClipStore   *store,
                          const char  *host,
                          gint         failures,
                          gint64       next_allowed,
                          GError     **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, failures > 0
      ? "INSERT INTO page_hosts (host, failures, next_allowed) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (host) DO UPDATE SET failures = ?2, next_allowed = ?3"
      : "DELETE FROM page_hosts WHERE host = ?1", error);

  if (stmt == NULL)
    return FALSE;
  clip_store_bind_text (stmt, 1, host);
  if (failures > 0)
    {
      sqlite3_bind_int (stmt, 2, failures);
      sqlite3_bind_int64 (stmt, 3, next_allowed);
    }
  return clip_store_step_done (store, stmt, "Could not save a site's back-off", error);
}

GPtrArray *
clip_store_list_page_hosts (ClipStore  *store,
                            GError    **error)
{
  g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_page_host_free);
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT host, failures, next_allowed FROM page_hosts ORDER BY host", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClipPageHost *h = g_new0 (ClipPageHost, 1);

      h->host = clip_store_dup_column (stmt, 0);
      h->failures = sqlite3_column_int (stmt, 1);
      h->next_allowed = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (hosts, h);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, "Could not read the sites' back-off", error);
      return NULL;
    }
  return g_steal_pointer (&hosts);
}
