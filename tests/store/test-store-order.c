/* test-store-order.c — lists and searches in time order (DESIGN.md,
 * "Lists are in time order"): an archive whose arrival order is not its
 * time order (news, then an outlet's old articles arriving late, items
 * dated in the future, items without a date) lists, counts and searches
 * by time; the migration to schema 5 gives old archives their times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-store-sql.h"
#include "clip-store-listing.h"
#include "clip-store-newest.h"
#include "clip-store-schema.h"
#include "clip-fts.h"
#include "clip-rule-search.h"
#include "clip-test-util.h"

#include <string.h>

#define T 1780000000      /* 28 May 2026 */
#define DAY 86400

typedef struct {
  char      *dir;
  ClipStore *store;
  gint64     outlet_a, outlet_b;
  GHashTable *ids;        /* name → gint64* id */
} Fixture;

static gint64
add_outlet (ClipStore *store, const char *url, const char *name)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  o->url = g_strdup (url);
  o->name = g_strdup (name);
  id = clip_store_add_outlet (store, o, &error);
  g_assert_no_error (error);
  return id;
}

static ClipArticle *
article (const char *name, gint64 published, gint64 fetched, const char *words)
{
  ClipArticle *a = clip_article_new ();

  a->guid = g_strdup (name);
  a->url = g_strdup_printf ("https://example.org/%s", name);
  a->title = g_strdup_printf ("%s %s", name, words);
  a->summary_text = g_strdup (words);
  a->published = published;
  a->fetched = fetched;
  return a;
}

/* Ingests one batch and records the new ids by name (the guid). */
static void
ingest (Fixture *f, gint64 outlet, ...)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult r;
  ClipArticle *a;
  va_list ap;

  va_start (ap, outlet);
  while ((a = va_arg (ap, ClipArticle *)) != NULL)
    g_ptr_array_add (batch, a);
  va_end (ap);
  clip_ingest_result_init (&r);
  g_assert_true (clip_store_ingest (f->store, outlet, batch, &r, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < r.added_ids->len; i++)
    {
      gint64 id = g_array_index (r.added_ids, gint64, i);
      g_autoptr(ClipArticle) stored = clip_store_get_article (f->store, id, NULL);

      g_hash_table_insert (f->ids, g_strdup (stored->guid), g_memdup2 (&id, sizeof id));
    }
  clip_ingest_result_clear (&r);
}

static gint64
id_of (Fixture *f, const char *name)
{
  gint64 *id = g_hash_table_lookup (f->ids, name);

  g_assert_nonnull (id);
  return *id;
}

/* Newest first by time; arrival order is n1 n2 | o1 o2 s1 f1 u1 | n3. */
static const char *const by_time[] = { "n3", "s1", "u1", "f1", "n2", "n1", "o2", "o1" };

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = clip_test_tmpdir ();
  f->store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->outlet_a = add_outlet (f->store, "https://a.example/feed", "Alpha");
  f->outlet_b = add_outlet (f->store, "https://b.example/feed", "Beta");
  /* The news of the morning. */
  ingest (f, f->outlet_a, article ("n1", T - 600, T, "harbour news"),
          article ("n2", T - 300, T, "harbour news"), NULL);
  /* An hour later: a back catalogue arrives, with an item dated a month
   * ahead (not trusted: it counts from its fetch), one ten minutes ahead
   * (clock skew: trusted) and one without a date (its fetch). */
  ingest (f, f->outlet_b, article ("o1", T - 3 * DAY, T + 3600, "harbour archive"),
          article ("o2", T - DAY, T + 3600, "harbour archive"),
          article ("f1", T + 3600 + 30 * DAY, T + 3600, "harbour embargo"),
          article ("s1", T + 3600 + 600, T + 3600, "harbour skew"),
          article ("u1", CLIP_NO_DATE, T + 3600, "harbour undated"), NULL);
  ingest (f, f->outlet_a, article ("n3", T + 7000, T + 7200, "harbour news"), NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_hash_table_destroy (f->ids);
  g_free (f->dir);
}

/* ids holds exactly the named articles, in that order. */
static void
assert_ids (Fixture *f, const GArray *ids, const char *const *names, guint n)
{
  g_assert_nonnull (ids);
  for (guint i = 0; i < MIN (ids->len, n); i++)
    if (g_array_index (ids, gint64, i) != id_of (f, names[i]))
      g_error ("position %u: article %" G_GINT64_FORMAT ", not %s", i,
               g_array_index (ids, gint64, i), names[i]);
  g_assert_cmpuint (ids->len, ==, n);
}

static GArray *
list_ids (Fixture *f, const ClipArticleFilter *filter, ClipSort sort, gboolean ascending)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = clip_store_list_article_ids (f->store, filter, sort, ascending, NULL, &error);

  g_assert_no_error (error);
  return ids;
}

static void
test_article_time (Fixture *f, gconstpointer data)
{
  const struct { const char *name; gint64 time; } cases[] = {
    { "n1", T - 600 }, { "o1", T - 3 * DAY }, { "f1", T + 3600 },
    { "s1", T + 4200 }, { "u1", T + 3600 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 id = id_of (f, cases[i].name);
      g_autoptr(ClipArticle) a = clip_store_get_article (f->store, id, NULL);
      g_autoptr(GPtrArray) rows = clip_store_get_article_rows (f->store, &id, 1, NULL);
      ClipTimeKey key;

      /* C and the archive's table agree. */
      g_assert_cmpint (clip_article_time (a), ==, cases[i].time);
      g_assert_cmpint (clip_article_time_source (a), ==,
                       g_str_equal (cases[i].name, "f1") ? CLIP_TIME_FETCHED_FUTURE
                       : g_str_equal (cases[i].name, "u1") ? CLIP_TIME_FETCHED : CLIP_TIME_PUBLISHED);
      g_assert_cmpint (((ClipArticleRow *) rows->pdata[0])->time, ==, cases[i].time);
      g_assert_true (clip_store_time_key (f->store, id, &key, NULL));
      g_assert_cmpint (key.time, ==, cases[i].time);
    }
  /* Not stored yet: no fetch to judge a date by. */
  {
    g_autoptr(ClipArticle) fresh = article ("x", T + 30 * DAY, 0, "x");
    g_assert_cmpint (clip_article_time (fresh), ==, T + 30 * DAY);
  }
}

static void
test_lists (Fixture *f, gconstpointer data)
{
  static const char *const reversed[] = { "o1", "o2", "n1", "n2", "f1", "u1", "s1", "n3" };
  static const char *const beta[] = { "s1", "u1", "f1", "o2", "o1" };
  g_autoptr(GArray) all = list_ids (f, NULL, CLIP_SORT_NEWEST, FALSE);
  g_autoptr(GArray) time = list_ids (f, NULL, CLIP_SORT_TIME, FALSE);
  g_autoptr(GArray) oldest = list_ids (f, NULL, CLIP_SORT_NEWEST, TRUE);
  g_autoptr(GArray) outlet = list_ids (f, &(ClipArticleFilter) { .outlet_id = f->outlet_b },
                                       CLIP_SORT_NEWEST, FALSE);

  assert_ids (f, all, by_time, G_N_ELEMENTS (by_time));
  assert_ids (f, time, by_time, G_N_ELEMENTS (by_time));
  assert_ids (f, oldest, reversed, G_N_ELEMENTS (reversed));
  assert_ids (f, outlet, beta, G_N_ELEMENTS (beta));
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  static const char *const unread[] = { "s1", "u1", "f1", "n2", "n1", "o2", "o1" };
  static const char *const flagged[] = { "n3", "o1" };
  static const char *const window[] = { "u1", "f1", "n2" };
  ClipArticleFilter range = { .since = T - 400, .until = T + 4000 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (clip_store_set_read (f->store, id_of (f, "n3"), TRUE, &error));
  g_assert_true (clip_store_set_flag (f->store, id_of (f, "n3"), 1, &error));
  g_assert_true (clip_store_set_flag (f->store, id_of (f, "o1"), 2, &error));
  g_assert_no_error (error);
  /* The unread, whole (by their index) and their start (the time index). */
  ids = list_ids (f, &(ClipArticleFilter) { .unread_only = TRUE }, CLIP_SORT_NEWEST, FALSE);
  assert_ids (f, ids, unread, G_N_ELEMENTS (unread));
  g_clear_pointer (&ids, g_array_unref);
  ids = clip_store_select_ids (f->store, &(ClipArticleFilter) { .unread_only = TRUE },
                               CLIP_SORT_NEWEST, FALSE, 1, 2, NULL, &error);
  assert_ids (f, ids, unread + 1, 2);
  g_clear_pointer (&ids, g_array_unref);
  ids = list_ids (f, &(ClipArticleFilter) { .flagged_only = TRUE }, CLIP_SORT_NEWEST, FALSE);
  assert_ids (f, ids, flagged, G_N_ELEMENTS (flagged));
  g_clear_pointer (&ids, g_array_unref);
  /* A period is by time, not by publication date alone. */
  ids = list_ids (f, &range, CLIP_SORT_NEWEST, FALSE);
  assert_ids (f, ids, window, G_N_ELEMENTS (window));
  g_assert_cmpint (clip_store_count_articles (f->store, &range, &error), ==, 3);
  g_assert_no_error (error);
}

static void
test_list_articles (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = clip_store_list_articles (f->store, NULL, CLIP_SORT_NEWEST, 1, 3, &error);
  g_autoptr(GPtrArray) titles = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 3);
  for (guint i = 0; i < page->len; i++)
    g_assert_cmpint (((ClipArticle *) page->pdata[i])->id, ==, id_of (f, by_time[1 + i]));
  /* Names A to Z; equal names newest first. */
  titles = clip_store_list_articles (f->store, NULL, CLIP_SORT_OUTLET, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((ClipArticle *) titles->pdata[0])->id, ==, id_of (f, "n3"));
  g_assert_cmpint (((ClipArticle *) titles->pdata[3])->id, ==, id_of (f, "s1"));
}

static void
test_search (Fixture *f, gconstpointer data)
{
  static const char *const archive[] = { "o2", "o1" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = clip_store_fts_search (f->store, "harbour", 0, 0, &error);
  g_autoptr(GArray) first = clip_store_fts_search (f->store, "harbour", 0, 3, &error);
  g_autoptr(GArray) next = clip_store_fts_search (f->store, "harbour", id_of (f, "f1"), 3, &error);
  g_autoptr(GArray) rules = clip_rule_search (f->store, "harbour", 0, 0, NULL, &error);
  g_autoptr(GArray) old = clip_rule_search (f->store, "title:archive", 0, 0, NULL, &error);
  g_autoptr(GArray) gone = NULL;

  g_assert_no_error (error);
  assert_ids (f, all, by_time, G_N_ELEMENTS (by_time));
  assert_ids (f, first, by_time, 3);
  assert_ids (f, next, by_time + 4, 3);
  assert_ids (f, rules, by_time, G_N_ELEMENTS (by_time));
  assert_ids (f, old, archive, G_N_ELEMENTS (archive));
  gone = clip_store_fts_search (f->store, "harbour", 999999, 3, &error);
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
}

/* A feed that changes an article's date moves it, and its alerts with
 * it; removing the article leaves no time behind. */
static void
test_date_changed (Fixture *f, gconstpointer data)
{
  static const char *const moved[] = { "n3", "s1", "u1", "f1", "n1", "n2", "o2", "o1" };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 n1 = id_of (f, "n1");
  char *sql = g_strdup_printf ("INSERT INTO rules (id, name, query) VALUES (1, 'r', 'x');"
                               "INSERT INTO alerts (rule_id, article_id, created, time) VALUES (1, %" G_GINT64_FORMAT
                               ", 0, 0);", n1);

  g_assert_true (clip_store_exec (f->store, sql, &error));
  g_free (sql);
  /* Judged against its first fetch: T + 800 is within the skew. */
  ingest (f, f->outlet_a, article ("n1", T + 800, T + 7200, "harbour news, corrected"), NULL);
  ids = list_ids (f, NULL, CLIP_SORT_NEWEST, FALSE);
  assert_ids (f, ids, moved, G_N_ELEMENTS (moved));
  stmt = clip_store_prepare (f->store, "SELECT time FROM alerts WHERE article_id = ?", &error);
  sqlite3_bind_int64 (stmt, 1, n1);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, T + 800);
  sqlite3_reset (stmt);
  g_assert_true (clip_store_remove_outlet (f->store, f->outlet_a, &error));
  g_assert_no_error (error);
  stmt = clip_store_prepare (f->store, "SELECT count(*) FROM article_times", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 5);
  sqlite3_reset (stmt);
}

/* The expected answer the slow way: every match's time, sorted by SQL. */
static GArray *
sorted_matches (ClipStore *store, const char *fts)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT id FROM article_times WHERE id IN"
      " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
      " ORDER BY time DESC, id DESC", NULL);

  clip_store_bind_text (stmt, 1, fts);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

static void
assert_same (const GArray *got, const GArray *want, guint from, guint n)
{
  g_assert_nonnull (got);
  g_assert_cmpuint (got->len, ==, MIN (n, want->len - from));
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpint (g_array_index (got, gint64, i), ==, g_array_index (want, gint64, from + i));
}

/* More matches than a search sorts whole: the newest come block by block.
 * Batches arrive each older than the one before (a back catalogue read
 * newest first), a seventh of each batch from a year before, an eleventh
 * dated months ahead (their time is their fetch: a minute later each
 * batch, or earlier as with a clock set back, when blocks share times,
 * or in no order);
 * a third also about vineyards (fewer matches: sorted whole). */
static void
test_search_blocks (gconstpointer data)
{
  gint64 step = GPOINTER_TO_INT (data);
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  gint64 outlet = add_outlet (store, "https://c.example/feed", "Gamma");
  const char *queries[] = { "harbour", "vineyard" };

  for (guint b = 0; b < 50; b++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
      ClipIngestResult r;

      for (guint i = b * 100; i < b * 100 + 100; i++)
        {
          g_autofree char *name = g_strdup_printf ("a%u", i);
          gint64 published = i % 11 == 0 ? T + 90 * DAY : i % 7 == 0 ? T - 365 * DAY - i : T - (gint64) i * 60;

          g_ptr_array_add (batch, article (name, published, T + (step ? b * step : (b * 37) % 50 * 60),
                                           i % 3 == 0 ? "harbour vineyard" : "harbour"));
        }
      clip_ingest_result_init (&r);
      g_assert_true (clip_store_ingest (store, outlet, batch, &r, &error));
      g_assert_no_error (error);
      clip_ingest_result_clear (&r);
    }
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) want = sorted_matches (store, queries[q]);
      g_autoptr(GArray) newest = clip_store_fts_search (store, queries[q], 0, 50, &error);
      g_autoptr(GArray) next = clip_store_fts_search (store, queries[q],
                                                      g_array_index (want, gint64, 49), 50, &error);
      g_autoptr(GArray) all = clip_store_fts_search (store, queries[q], 0, 0, &error);
      g_autoptr(ClipRuleSearch) search = clip_rule_search_start (store, queries[q], 0, FALSE, NULL, &error);
      guint parts[] = { 50, 200, 1000, 0 }, given = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (want->len, ==, q == 0 ? 5000 : 1667);
      assert_same (newest, want, 0, 50);
      assert_same (next, want, 50, 50);
      assert_same (all, want, 0, G_MAXUINT);
      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          g_autoptr(GArray) part = clip_rule_search_more (search, parts[p], NULL, &error);

          g_assert_no_error (error);
          assert_same (part, want, given, parts[p] ? parts[p] : G_MAXUINT);
          given += part->len;
        }
      g_assert_cmpuint (given, ==, want->len);
    }
}

/* An archive of schema 4 (steps 0-3 as they shipped) gets its articles',
 * alerts' and stories' times from the migrations. */
static void
test_migrate_v4 (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "archive.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (clip_fts_register (db, &error));
  for (guint v = 0; v < 4; v++)
    g_assert_cmpint (sqlite3_exec (db, clip_store_migrations[v], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
      "INSERT INTO outlets (id, url) VALUES (1, 'https://a.example/');"
      "INSERT INTO articles (outlet_id, guid, published, fetched, content_hash) VALUES"
      "  (1, 'news', 1780000000, 1780000100, 'h'),"
      "  (1, 'late', 1700000000, 1780000200, 'h'),"
      "  (1, 'ahead', 1790000000, 1780000300, 'h'),"
      "  (1, 'undated', NULL, 1780000050, 'h');"
      "INSERT INTO rules (id, name, query) VALUES (1, 'r', 'x');"
      "INSERT INTO alerts (rule_id, article_id, created) VALUES (1, 2, 1780000200), (1, 3, 1780000300);"
      "PRAGMA user_version = 4;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = clip_store_open (path, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ids = clip_store_list_article_ids (store, NULL, CLIP_SORT_NEWEST, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 4);
  /* ahead (its fetch, 1780000300), undated (its fetch), news, late. */
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 4);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 3), ==, 2);
  stmt = clip_store_prepare (store, "SELECT group_concat(time) FROM"
                             " (SELECT time FROM alerts ORDER BY id)", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "1700000000,1780000300");
  sqlite3_reset (stmt);
  /* Stories count by the same time. */
  stmt = clip_store_prepare (store, "SELECT time FROM story_articles WHERE article_id = 3", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 1780000300);
  sqlite3_reset (stmt);
  stmt = clip_store_prepare (store, "SELECT block, max_time FROM article_time_blocks", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, 1780000300);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store-order/article-time", test_article_time);
  ADD ("/store-order/lists", test_lists);
  ADD ("/store-order/filters", test_filters);
  ADD ("/store-order/list-articles", test_list_articles);
  ADD ("/store-order/search", test_search);
  ADD ("/store-order/date-changed", test_date_changed);
  g_test_add_data_func ("/store-order/search-blocks", GINT_TO_POINTER (60), test_search_blocks);
  g_test_add_data_func ("/store-order/search-blocks-clock-back", GINT_TO_POINTER (-60),
                        test_search_blocks);
  g_test_add_data_func ("/store-order/search-blocks-shuffled", GINT_TO_POINTER (0),
                        test_search_blocks);
  g_test_add_func ("/store-order/migrate-v4", test_migrate_v4);
  return g_test_run ();
}
