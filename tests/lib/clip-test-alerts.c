/* clip-test-alerts.c — an archive with rules and alerts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-store-sql.h"
#include "clip-test-alerts.h"

ClipStore *
clip_test_alerts_open (const char *dir)
{
  g_autoptr(GError) error = NULL;
  ClipStore *store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

gint64
clip_test_alerts_outlet (ClipStore *store)
{
  g_autoptr(ClipOutlet) outlet = clip_outlet_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  outlet->url = g_strdup ("https://news.example.org/feed.xml");
  outlet->name = g_strdup ("Example News");
  id = clip_store_add_outlet (store, outlet, &error);
  g_assert_no_error (error);
  return id;
}

static void
exec_or_die (ClipStore  *store,
             const char *sql)
{
  g_autoptr(GError) error = NULL;

  clip_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

gint64
clip_test_alerts_rule (ClipStore  *store,
                       const char *name,
                       const char *notify,
                       const char *severity)
{
  char *sql = sqlite3_mprintf ("INSERT INTO rules (name, query, notify, severity) "
                               "VALUES (%Q, %Q, %Q, %Q)",
                               name, name, notify, severity ? severity : "info");

  exec_or_die (store, sql);
  sqlite3_free (sql);
  return sqlite3_last_insert_rowid (clip_store_get_db (store));
}

gint64
clip_test_alerts_article (ClipStore  *store,
                          gint64      outlet_id,
                          const char *title,
                          gint64      fetched)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  ClipArticle *article = clip_article_new ();
  ClipIngestResult result;
  g_autoptr(GError) error = NULL;
  gint64 id;

  article->guid = g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%u", title, fetched, g_random_int ());
  article->title = g_strdup (title);
  article->summary_text = g_strdup (title);
  article->published = fetched;
  article->fetched = fetched;
  g_ptr_array_add (articles, article);
  clip_ingest_result_init (&result);
  clip_store_ingest (store, outlet_id, articles, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  id = g_array_index (result.added_ids, gint64, 0);
  clip_ingest_result_clear (&result);
  return id;
}

void
clip_test_alerts_flag (ClipStore *store,
                       gint64     rule_id,
                       gint64     article_id,
                       gint64     t)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO matches (rule_id, article_id, matched) VALUES (%" G_GINT64_FORMAT
      ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");"
      /* With its article's time, as clip_alert_raise() writes it. */
      "INSERT INTO alerts (rule_id, article_id, created, time) VALUES (%" G_GINT64_FORMAT
      ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", (SELECT time FROM article_times WHERE id = %"
      G_GINT64_FORMAT "));",
      rule_id, article_id, t, rule_id, article_id, t, article_id);

  exec_or_die (store, sql);
}

gint64
clip_test_alerts_new_match (ClipStore  *store,
                            gint64      outlet_id,
                            gint64      rule_id,
                            const char *title,
                            gint64      t)
{
  gint64 id = clip_test_alerts_article (store, outlet_id, title, t);

  clip_test_alerts_flag (store, rule_id, id, t);
  return id;
}

gint64
clip_test_alerts_count (ClipStore  *store,
                        const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM alerts WHERE %s", where);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}
