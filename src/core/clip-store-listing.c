/* clip-store-listing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-store-listing.h"
#include "clip-store-private.h"

void
clip_store_release_snapshot (ClipStore *store)
{
  sqlite3 *db;

  g_return_if_fail (CLIP_IS_STORE (store));

  db = clip_store_get_db (store);
  /* Inside an explicit transaction the snapshot is the caller's to end. */
  if (!sqlite3_get_autocommit (db))
    return;
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt; stmt = sqlite3_next_stmt (db, stmt))
    if (sqlite3_stmt_busy (stmt))
      sqlite3_reset (stmt);
}
