/* clip-test-rules.c — an archive with the default rules, an outlet and
 * rules of a test's own, and what the archive holds, for the rules tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-archive.h"
#include "clip-rules-store.h"
#include "clip-store-sql.h"
#include "clip-test-rules.h"
#include "clip-test-util.h"

ClipStore *
clip_test_rules_archive (char **dir_out)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  ClipStore *store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  if (dir_out)
    *dir_out = g_steal_pointer (&dir);
  return store;
}

gint64
clip_test_rules_outlet (ClipStore *store)
{
  g_autoptr(GError) error = NULL;
  ClipOutlet o = { .url = "https://rustavi2.ge/en/rss/society", .name = "Rustavi 2",
                   .site_url = "https://rustavi2.ge/en", .enabled = TRUE,
                   .interval = CLIP_DEFAULT_INTERVAL, .group = "" };
  gint64 id = clip_store_add_outlet (store, &o, &error);

  g_assert_no_error (error);
  return id;
}

gint64
clip_test_rules_add (ClipStore *store, const char *name, const char *query)
{
  g_autoptr(GError) error = NULL;
  gint64 id = clip_store_add_rule (store, &(ClipRule) { .name = (char *) name, .query = (char *) query,
                                                          .enabled = TRUE }, &error);

  g_assert_no_error (error);
  return id;
}

char *
clip_test_rules_dump_matches (ClipStore *store)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT rule_id, article_id, spans FROM matches ORDER BY rule_id, article_id", NULL);
  GString *s = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (s, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n",
                            (gint64) sqlite3_column_int64 (stmt, 0),
                            (gint64) sqlite3_column_int64 (stmt, 1),
                            (const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  return g_string_free (s, FALSE);
}

gint64
clip_test_rules_count (ClipStore *store, const char *sql, gint64 a, gint64 b)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, NULL);
  int params;
  gint64 n;

  g_assert_nonnull (stmt);
  params = sqlite3_bind_parameter_count (stmt);
  if (params >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (params >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}
