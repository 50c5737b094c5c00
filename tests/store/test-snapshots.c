/* test-snapshots.c — a read leaves no snapshot behind: after any of the
 * store's reads, no statement of the connection is still stepping, so
 * the next read sees what writers committed since, without the reader
 * having to let go of anything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-alert.h"
#include "clip-commands.h"
#include "clip-rules-store.h"
#include "clip-store-listing.h"
#include "clip-store-sql.h"
#include "clip-test-alerts.h"
#include "clip-test-util.h"

/* The statements still stepping, by their SQL. */
static char *
busy_statements (ClipStore *store)
{
  GString *s = g_string_new (NULL);
  sqlite3 *db = clip_store_get_db (store);

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt; stmt = sqlite3_next_stmt (db, stmt))
    if (sqlite3_stmt_busy (stmt))
      g_string_append_printf (s, "%s\n", sqlite3_sql (stmt));
  return g_string_free (s, FALSE);
}

#define ASSERT_IDLE(store, what) G_STMT_START {                  \
    g_autofree char *busy = busy_statements (store);              \
    if (*busy != '\0')                                            \
      g_error ("%s left statements stepping:\n%s", what, busy);  \
  } G_STMT_END

static void
test_reads_leave_nothing (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(ClipStore) reader = NULL;
  g_autoptr(ClipCommands) commands = NULL;
  g_autoptr(GError) error = NULL;
  gint64 outlet, rule, article;

  {
    g_autoptr(ClipStore) store = clip_test_alerts_open (dir);

    outlet = clip_test_alerts_outlet (store);
    rule = clip_test_alerts_rule (store, "Ports", "instant", "critical");
    article = clip_test_alerts_new_match (store, outlet, rule, "Anaklia port", CLIP_TEST_T0);
    clip_test_alerts_new_match (store, outlet, rule, "Poti port", CLIP_TEST_T0 + 60);
  }
  reader = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  {
    g_autoptr(ClipArticle) a = clip_store_get_article (reader, article, &error);
    ASSERT_IDLE (reader, "clip_store_get_article");
  }
  {
    g_autoptr(ClipOutlet) o = clip_store_get_outlet (reader, outlet, &error);
    ASSERT_IDLE (reader, "clip_store_get_outlet");
  }
  {
    g_autoptr(GPtrArray) l = clip_store_list_outlets (reader, &error);
    ASSERT_IDLE (reader, "clip_store_list_outlets");
  }
  {
    g_autoptr(GPtrArray) l = clip_store_list_outlets_brief (reader, &error);
    ASSERT_IDLE (reader, "clip_store_list_outlets_brief");
  }
  {
    g_auto(GStrv) tags = clip_store_get_tags (reader, article, &error);
    ASSERT_IDLE (reader, "clip_store_get_tags");
  }
  {
    g_autoptr(GPtrArray) rules = clip_store_list_rules (reader, &error);
    ASSERT_IDLE (reader, "clip_store_list_rules");
  }
  {
    g_autoptr(ClipRule) r = clip_store_get_rule (reader, rule, &error);
    ASSERT_IDLE (reader, "clip_store_get_rule");
  }
  {
    g_autoptr(ClipTermLists) lists = clip_store_load_term_lists (reader, &error);
    ASSERT_IDLE (reader, "clip_store_load_term_lists");
  }
  {
    g_auto(GStrv) names = clip_store_list_term_lists (reader, &error);
    ASSERT_IDLE (reader, "clip_store_list_term_lists");
  }
  {
    ClipArticleFilter filter = { 0 };
    g_autoptr(GArray) ids = clip_store_list_article_ids (reader, &filter, CLIP_SORT_NEWEST, FALSE,
                                                         NULL, &error);
    g_autoptr(GPtrArray) rows = NULL;
    g_autoptr(GPtrArray) articles = NULL;
    ClipViewCounts counts = { 0 };

    ASSERT_IDLE (reader, "clip_store_list_article_ids");
    rows = clip_store_get_article_rows (reader, (const gint64 *) ids->data, ids->len, &error);
    ASSERT_IDLE (reader, "clip_store_get_article_rows");
    articles = clip_store_list_articles (reader, &filter, CLIP_SORT_NEWEST, 0, 1, &error);
    ASSERT_IDLE (reader, "clip_store_list_articles (one of several)");
    clip_store_count_articles (reader, &filter, &error);
    ASSERT_IDLE (reader, "clip_store_count_articles");
    g_assert_true (clip_store_count_views (reader, &counts, NULL, &error));
    ASSERT_IDLE (reader, "clip_store_count_views");
    clip_view_counts_clear (&counts);
  }
  {
    g_autoptr(GArray) hits = clip_store_fts_search (reader, "port", G_MAXINT64, 1, &error);
    ASSERT_IDLE (reader, "clip_store_fts_search (one of several)");
  }
  clip_store_rules_version (reader);
  ASSERT_IDLE (reader, "clip_store_rules_version");
  {
    g_autofree char *spans = clip_store_get_match_spans (reader, rule, article, NULL);
    ASSERT_IDLE (reader, "clip_store_get_match_spans");
  }
  {
    g_autoptr(GPtrArray) groups = clip_alert_list_groups (reader, 20, FALSE, &error);
    ASSERT_IDLE (reader, "clip_alert_list_groups");
  }
  {
    g_autoptr(GHashTable) unread = clip_alert_count_unread (reader, &error);
    ASSERT_IDLE (reader, "clip_alert_count_unread");
  }
  clip_alert_count_unread_total (reader, &error);
  ASSERT_IDLE (reader, "clip_alert_count_unread_total");
  g_assert_no_error (error);

  /* What the writer commits next is what the reader reads next. */
  commands = clip_commands_open (dir, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ClipCommand) c = clip_command_read_all_alerts ();

    g_assert_true (clip_commands_run (commands, c, NULL, NULL, NULL, &error));
  }
  g_assert_cmpint (clip_alert_count_unread_total (reader, &error), ==, 0);
  {
    g_autoptr(ClipCommand) c = clip_command_set_note (article, "seen");
    g_autoptr(ClipArticle) a = NULL;

    g_assert_true (clip_commands_run (commands, c, NULL, NULL, NULL, &error));
    a = clip_store_get_article (reader, article, &error);
    g_assert_cmpstr (a->note, ==, "seen");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/snapshots/reads-leave-nothing", test_reads_leave_nothing);
  return g_test_run ();
}
