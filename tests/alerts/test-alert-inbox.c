/* test-alert-inbox.c — the alert inbox: grouped, by severity and time,
 * newest first, read state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "clip-alert.h"
#include "clip-store-sql.h"
#include "clip-test-alerts.h"
#include "clip-test-util.h"

#define T0 CLIP_TEST_T0

typedef struct {
  char      *dir;
  ClipStore *store;
  gint64     russia, ports, weather;
  gint64     outlet;
  gint64     a1, a2, a3, a4;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gint64 outlet;

  f->dir = clip_test_tmpdir ();
  f->store = clip_test_alerts_open (f->dir);
  outlet = f->outlet = clip_test_alerts_outlet (f->store);
  f->russia = clip_test_alerts_rule (f->store, "Russian interference", "instant", "critical");
  f->ports = clip_test_alerts_rule (f->store, "Ports", "hourly", NULL);
  f->weather = clip_test_alerts_rule (f->store, "Weather", "none", NULL);
  f->a1 = clip_test_alerts_new_match (f->store, outlet, f->russia, "Kremlin denies", T0);
  f->a2 = clip_test_alerts_new_match (f->store, outlet, f->russia, "Hybrid war", T0 + 100);
  f->a3 = clip_test_alerts_new_match (f->store, outlet, f->ports, "Poti <port> & \"Batumi\"", T0 + 200);
  /* One article flagged by two rules. */
  f->a4 = clip_test_alerts_new_match (f->store, outlet, f->russia, "Russian ships in Poti", T0 + 300);
  clip_test_alerts_flag (f->store, f->ports, f->a4, T0 + 300);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->dir);
}

static ClipAlertGroup *
group (GPtrArray *groups,
       guint      i)
{
  g_assert_cmpuint (i, <, groups->len);
  return groups->pdata[i];
}

static ClipAlert *
alert (ClipAlertGroup *g,
       guint           i)
{
  g_assert_cmpuint (i, <, g->alerts->len);
  return g->alerts->pdata[i];
}

static guint
unread_of (GHashTable *counts,
           gint64      rule_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, &rule_id));
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  ClipAlertGroup *g;

  groups = clip_alert_list_groups (f->store, 0, FALSE, &error);
  g_assert_no_error (error);
  /* Rules without alerts are left out; the critical one comes first,
   * though the other has an article as new. */
  g_assert_cmpuint (groups->len, ==, 2);
  g = group (groups, 1);
  g_assert_cmpint (g->rule_id, ==, f->ports);
  g_assert_cmpstr (g->name, ==, "Ports");
  g_assert_cmpstr (g->severity, ==, "info");
  g_assert_cmpstr (g->color, ==, "#3584e4");
  g_assert_cmpuint (g->total, ==, 2);
  g_assert_cmpuint (g->unread, ==, 2);
  g_assert_cmpint (alert (g, 0)->article_id, ==, f->a4);
  g_assert_cmpint (alert (g, 1)->article_id, ==, f->a3);
  /* Feed text comes back as it was, for the view to escape. */
  g_assert_cmpstr (alert (g, 1)->title, ==, "Poti <port> & \"Batumi\"");
  g_assert_cmpstr (alert (g, 1)->outlet_name, ==, "Example News");
  g_assert_cmpint (alert (g, 1)->article_time, ==, T0 + 200);

  g = group (groups, 0);
  g_assert_cmpint (g->rule_id, ==, f->russia);
  g_assert_cmpstr (g->severity, ==, "critical");
  g_assert_cmpuint (g->alerts->len, ==, 3);
  g_assert_cmpint (alert (g, 0)->article_id, ==, f->a4);
  g_assert_cmpint (alert (g, 2)->article_id, ==, f->a1);
  g_assert_cmpint (g->newest, ==, T0 + 300);

  /* A limit per rule keeps the totals. */
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = clip_alert_list_groups (f->store, 1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (group (groups, 0)->alerts->len, ==, 1);
  g_assert_cmpuint (group (groups, 0)->total, ==, 3);
}

static void
test_read_state (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 read_id, next;

  counts = clip_alert_count_unread (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unread_of (counts, f->russia), ==, 3);
  g_assert_cmpuint (unread_of (counts, f->ports), ==, 2);
  g_assert_cmpuint (unread_of (counts, f->weather), ==, 0);
  g_assert_cmpint (clip_alert_count_unread_total (f->store, &error), ==, 5);

  page = clip_alert_list_rule (f->store, f->russia, CLIP_ALERT_FROM_NEWEST, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  read_id = ((ClipAlert *) page->pdata[1])->id;
  next = clip_alert_page_next (page);
  g_assert_true (clip_alert_set_read (f->store, read_id, TRUE, &error));
  g_assert_no_error (error);
  /* The next page. */
  g_clear_pointer (&page, g_ptr_array_unref);
  page = clip_alert_list_rule (f->store, f->russia, next, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpint (((ClipAlert *) page->pdata[0])->article_id, ==, f->a1);
  g_clear_pointer (&page, g_ptr_array_unref);
  page = clip_alert_list_rule (f->store, f->russia, CLIP_ALERT_FROM_NEWEST, 0, &error);
  g_assert_cmpuint (page->len, ==, 3);
  g_assert_true (((ClipAlert *) page->pdata[1])->read);
  g_assert_false (((ClipAlert *) page->pdata[0])->read);
  g_assert_cmpint (clip_alert_count_unread_total (f->store, &error), ==, 4);

  /* Opening an article reads it under every rule that flagged it. */
  g_assert_true (clip_alert_mark_article_read (f->store, f->a4, &error));
  g_assert_cmpint (clip_alert_count_unread_total (f->store, &error), ==, 2);

  groups = clip_alert_list_groups (f->store, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpuint (group (groups, 1)->alerts->len, ==, 1);
  g_assert_cmpint (alert (group (groups, 1), 0)->article_id, ==, f->a3);
  g_assert_cmpint (alert (group (groups, 0), 0)->article_id, ==, f->a1);
  /* Among the unread: Russian interference's newest unread is a1. */
  g_assert_cmpint (group (groups, 0)->newest, ==, T0);

  g_assert_true (clip_alert_mark_rule_read (f->store, f->ports, &error));
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = clip_alert_list_groups (f->store, 0, TRUE, &error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpint (group (groups, 0)->rule_id, ==, f->russia);

  /* Unread again, then all read. */
  g_assert_true (clip_alert_set_read (f->store, alert (group (groups, 0), 0)->id, FALSE, &error));
  g_assert_cmpint (clip_alert_count_unread_total (f->store, &error), ==, 1);
  g_assert_true (clip_alert_mark_all_read (f->store, &error));
  g_assert_cmpint (clip_alert_count_unread_total (f->store, &error), ==, 0);
  g_clear_pointer (&counts, g_hash_table_unref);
  counts = clip_alert_count_unread (f->store, &error);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  g_assert_no_error (error);
}

/* A rule's alerts come by their articles' time (DESIGN.md), not by when
 * they were raised: an old article fetched late sits below the news. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  gint64 rule = clip_test_alerts_rule (f->store, "Batches", "instant", NULL);
  /* A feed lists its newest item first, so that one gets the lower id. */
  gint64 newer = clip_test_alerts_article (f->store, f->outlet, "Feed item one (newer)", T0 - 60);
  gint64 older = clip_test_alerts_article (f->store, f->outlet, "Feed item two (older)", T0 - 7200);
  gint64 late = clip_test_alerts_article (f->store, f->outlet, "Late fetch, old article", T0 - 86400);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  clip_test_alerts_flag (f->store, rule, older, T0 + 1000);
  clip_test_alerts_flag (f->store, rule, newer, T0 + 1000);
  clip_test_alerts_flag (f->store, rule, late, T0 + 5000);
  list = clip_alert_list_rule (f->store, rule, CLIP_ALERT_FROM_NEWEST, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((ClipAlert *) list->pdata[0])->article_id, ==, newer);
  g_assert_cmpint (((ClipAlert *) list->pdata[1])->article_id, ==, older);
  g_assert_cmpint (((ClipAlert *) list->pdata[2])->article_id, ==, late);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (clip_alert_set_read (f->store, 999999, TRUE, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
}

static void
test_rule_removed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  /* A rule's alerts go with it. */
  g_assert_true (clip_store_exec (f->store, "DELETE FROM rules WHERE name = 'Ports'", NULL));
  groups = clip_alert_list_groups (f->store, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpint (clip_alert_count_unread_total (f->store, &error), ==, 3);
}

/* Paging a large inbox */

#define MANY 2500
#define PAGE 97

/* n alerts of rule, raised in runs of 9 at the same second (as one fetch
 * raises them) about articles of the two hours before created, whose
 * times repeat, so that only the id orders some of them. */
static void
add_many (Fixture    *f,
          gint64      rule,
          const char *tag,
          guint       n,
          gint64      created)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult result;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < n; i++)
    {
      ClipArticle *a = clip_article_new ();

      a->guid = g_strdup_printf ("%s-%u", tag, i);
      a->title = g_strdup_printf ("%s %u", tag, i);
      a->published = created - (i % 13) * 600;
      g_ptr_array_add (articles, a);
    }
  clip_ingest_result_init (&result);
  clip_store_ingest (f->store, f->outlet, articles, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added_ids->len, ==, n);
  g_assert_true (clip_store_begin (f->store, &error));
  stmt = clip_store_prepare (f->store,
                             "INSERT INTO alerts (rule_id, article_id, created, time) VALUES (?1, ?2, ?3,"
                             " (SELECT time FROM article_times WHERE id = ?2))", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (stmt, 1, rule);
      sqlite3_bind_int64 (stmt, 2, g_array_index (result.added_ids, gint64, i));
      sqlite3_bind_int64 (stmt, 3, created + (i / 9) * 60);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  g_assert_true (clip_store_commit (f->store, &error));
  clip_ingest_result_clear (&result);
}

/* What a page at an offset held before keyset paging: its ids. */
static GHashTable *
offset_page (Fixture *f,
             gint64   rule,
             guint    offset)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = clip_store_prepare (f->store,
      "SELECT id FROM alerts WHERE rule_id = ?1 ORDER BY time DESC, id DESC LIMIT ?2 OFFSET ?3", NULL);

  sqlite3_bind_int64 (stmt, 1, rule);
  sqlite3_bind_int64 (stmt, 2, PAGE);
  sqlite3_bind_int64 (stmt, 3, offset);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (ids, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  sqlite3_reset (stmt);
  return ids;
}

/* The newest article first; then the highest id. */
static void
assert_page_order (GPtrArray *page)
{
  for (guint i = 1; i < page->len; i++)
    {
      const ClipAlert *x = page->pdata[i - 1], *y = page->pdata[i];

      g_assert_true (x->article_time > y->article_time ||
                     (x->article_time == y->article_time && x->id > y->id));
    }
}

/* The library's statement for a rule's page, to read its work. */
static sqlite3_stmt *
page_statement (Fixture *f)
{
  sqlite3 *db = clip_store_get_db (f->store);

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt; stmt = sqlite3_next_stmt (db, stmt))
    if (strstr (sqlite3_sql (stmt), "FROM alerts al") && strstr (sqlite3_sql (stmt), "al.rule_id = ?1") &&
        !strstr (sqlite3_sql (stmt), "read = 0"))
      return stmt;
  g_assert_not_reached ();
}

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  gint64 rule = clip_test_alerts_rule (f->store, "Many", "none", NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  gint64 before = CLIP_ALERT_FROM_NEWEST;
  int first_steps = 0, last_steps = 0;
  guint pages = 0;

  add_many (f, rule, "many", MANY, T0);
  for (;;)
    {
      g_autoptr(GPtrArray) page = clip_alert_list_rule (f->store, rule, before, PAGE, &error);
      g_autoptr(GHashTable) expected = offset_page (f, rule, pages * PAGE);
      int steps = sqlite3_stmt_status (page_statement (f), SQLITE_STMTSTATUS_VM_STEP, TRUE);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      /* The same alerts as the page at that offset, in the same order. */
      g_assert_cmpuint (page->len, ==, g_hash_table_size (expected));
      assert_page_order (page);
      for (guint i = 0; i < page->len; i++)
        {
          gint64 id = ((ClipAlert *) page->pdata[i])->id;

          g_assert_true (g_hash_table_contains (expected, &id));
          g_assert_true (g_hash_table_add (seen, g_memdup2 (&id, sizeof id)));
        }
      if (pages == 0)
        first_steps = steps;
      else if (page->len == PAGE)
        last_steps = steps;
      before = clip_alert_page_next (page);
      pages++;
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, MANY);
  g_assert_cmpuint (pages, ==, (MANY + PAGE - 1) / PAGE);
  /* A late page costs what the first does: it does not step over the
   * alerts before it (OFFSET took some 2,400 rows more for the last). */
  g_test_message ("VM steps: first page %d, last full page %d", first_steps, last_steps);
  g_assert_cmpint (last_steps, >, 0);
  g_assert_cmpint (last_steps, <=, first_steps + first_steps / 4);
}

/* Alerts raised while an analyst pages move nothing: each earlier alert
 * comes once, and the new ones (news) top a fresh first page. */
static void
test_pages_while_raised (Fixture       *f,
                         gconstpointer  data)
{
  gint64 rule = clip_test_alerts_rule (f->store, "Many", "none", NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = CLIP_ALERT_FROM_NEWEST;
  gint64 last_old = 0;
  guint pages = 0;

  add_many (f, rule, "old", MANY, T0);
  for (;;)
    {
      g_autoptr(GPtrArray) page = clip_alert_list_rule (f->store, rule, before, PAGE, &error);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      assert_page_order (page);
      for (guint i = 0; i < page->len; i++)
        {
          const ClipAlert *alert = page->pdata[i];

          g_assert_true (g_str_has_prefix (alert->title, "old "));
          g_assert_true (g_hash_table_add (seen, g_memdup2 (&alert->id, sizeof alert->id)));
          last_old = MAX (last_old, alert->id);
        }
      before = clip_alert_page_next (page);
      /* A fetch after every few pages. */
      if (++pages % 5 == 1)
        {
          g_autofree char *tag = g_strdup_printf ("new%u", pages);

          add_many (f, rule, tag, 30, T0 + 100000 + pages * 1000);
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, MANY);

  fresh = clip_alert_list_rule (f->store, rule, CLIP_ALERT_FROM_NEWEST, PAGE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fresh->len, ==, PAGE);
  g_assert_true (g_str_has_prefix (((ClipAlert *) fresh->pdata[0])->title, "new26 "));
  g_assert_cmpint (((ClipAlert *) fresh->pdata[0])->id, >, last_old);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/alert-inbox/groups", test_groups);
  ADD ("/alert-inbox/read-state", test_read_state);
  ADD ("/alert-inbox/order", test_order);
  ADD ("/alert-inbox/missing", test_missing);
  ADD ("/alert-inbox/rule-removed", test_rule_removed);
  ADD ("/alert-inbox/pages", test_pages);
  ADD ("/alert-inbox/pages-while-raised", test_pages_while_raised);
#undef ADD

  return g_test_run ();
}
