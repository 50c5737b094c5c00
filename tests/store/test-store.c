/* test-store.c — the archive: ingest and de-duplication, migrations,
 * full text in three scripts, readers beside the writer, crash safety,
 * full disk and locks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-store-sql.h"
#include "clip-store-schema.h"
#include "clip-fts.h"
#include "clip-paths.h"
#include "clip-url.h"
#include "clip-test-util.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static ClipStore *
open_new_store (char **dir_out)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  ClipStore *store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (clip_store_is_new (store));
  if (dir_out)
    *dir_out = g_steal_pointer (&dir);
  return store;
}

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
  g_assert_cmpint (id, >, 0);
  return id;
}

static ClipArticle *
make_article (const char *guid, const char *url, const char *title, const char *text)
{
  ClipArticle *a = clip_article_new ();

  a->guid = g_strdup (guid);
  a->url = g_strdup (url);
  a->title = g_strdup (title);
  a->summary_text = g_strdup (text);
  a->summary_html = g_markup_printf_escaped ("<p>%s</p>", text);
  a->published = 1732665120;
  return a;
}

static void
ingest (ClipStore *store, gint64 outlet, ClipIngestResult *r, ...)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  va_list args;
  ClipArticle *a;

  va_start (args, r);
  while ((a = va_arg (args, ClipArticle *)) != NULL)
    g_ptr_array_add (batch, a);
  va_end (args);
  clip_ingest_result_init (r);
  g_assert_true (clip_store_ingest (store, outlet, batch, r, &error));
  g_assert_no_error (error);
}

/* No statement of the store may stay on a row once an API call returns:
 * that would pin a read snapshot (readers miss commits, the WAL cannot be
 * checkpointed and grows without bound). */
static void
assert_no_busy_statement (ClipStore *store)
{
  sqlite3 *db = clip_store_get_db (store);

  for (sqlite3_stmt *s = sqlite3_next_stmt (db, NULL); s; s = sqlite3_next_stmt (db, s))
    if (sqlite3_stmt_busy (s))
      g_error ("statement left on a row: %s", sqlite3_sql (s));
}

static void
test_ingest_dedupe (void)
{
  g_autoptr(ClipStore) store = open_new_store (NULL);
  gint64 outlet = add_outlet (store, "https://civil.ge/feed", "Civil Georgia");
  gint64 other = add_outlet (store, "https://agenda.ge/rss", "Agenda");
  ClipIngestResult r;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipArticle) stored = NULL;
  g_auto(GStrv) tags = NULL;
  gint64 id;

  ingest (store, outlet, &r,
          make_article ("g1", "https://civil.ge/a/1", "First", "Tbilisi protests"),
          make_article ("g2", "https://civil.ge/a/2?utm_source=x", "Second", "NATO summit"),
          NULL);
  g_assert_cmpuint (r.added, ==, 2);
  id = g_array_index (r.added_ids, gint64, 0);
  clip_ingest_result_clear (&r);

  /* The analyst's marks on the first article. */
  g_assert_true (clip_store_set_flag (store, id, 1, &error));
  g_assert_true (clip_store_set_note (store, id, "for the weekly report", &error));
  g_assert_true (clip_store_set_read (store, id, TRUE, &error));
  g_assert_true (clip_store_add_tag (store, id, "elections", &error));
  g_assert_no_error (error);

  /* Same guid, same content: unchanged. Same canonical URL under another
   * guid and another outlet, tracking parameters and fragment aside: the
   * same article. Changed content under the first guid: updated in place. */
  ingest (store, outlet, &r,
          make_article ("g1", "https://civil.ge/a/1", "First (updated)", "Tbilisi protests grow"),
          make_article ("g2", "https://civil.ge/a/2?utm_source=x", "Second", "NATO summit"),
          NULL);
  g_assert_cmpuint (r.added, ==, 0);
  g_assert_cmpuint (r.updated, ==, 1);
  g_assert_cmpuint (r.unchanged, ==, 1);
  g_assert_cmpint (g_array_index (r.updated_ids, gint64, 0), ==, id);
  clip_ingest_result_clear (&r);
  ingest (store, other, &r,
          make_article ("other-guid", "HTTPS://CIVIL.GE/a/2?fbclid=abc#top", "Second", "NATO summit"),
          NULL);
  g_assert_cmpuint (r.added, ==, 0);
  clip_ingest_result_clear (&r);

  g_assert_cmpint (clip_store_count_articles (store, NULL, &error), ==, 2);
  stored = clip_store_get_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "First (updated)");
  g_assert_cmpint (stored->flag, ==, 1);
  g_assert_true (stored->read);
  g_assert_cmpstr (stored->note, ==, "for the weekly report");
  g_assert_cmpstr (stored->outlet_name, ==, "Civil Georgia");
  tags = clip_store_get_tags (store, id, &error);
  g_assert_cmpstr (tags[0], ==, "elections");
  g_assert_null (tags[1]);

  /* The index follows the update. */
  {
    g_autoptr(GArray) hits = clip_store_fts_search (store, "grow", 0, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
  assert_no_busy_statement (store);
}

static void
test_ingest_order (void)
{
  g_autoptr(ClipStore) store = open_new_store (NULL);
  gint64 outlet = add_outlet (store, "https://civil.ge/feed", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  ClipArticle *newest = make_article ("n", "https://civil.ge/n", "newest", "c");
  ClipArticle *middle = make_article ("m", "https://civil.ge/m", "middle", "b");
  ClipArticle *oldest = make_article ("o", "https://civil.ge/o", "oldest", "a");
  ClipArticle *undated = make_article ("u", "https://civil.ge/u", "undated", "d");
  ClipIngestResult r;

  newest->published = 1732665120 + 120;
  middle->published = 1732665120 + 60;
  undated->published = CLIP_NO_DATE;
  /* As a feed lists them: newest first. */
  ingest (store, outlet, &r, undated, newest, middle, oldest, NULL);
  clip_ingest_result_clear (&r);
  /* Ids (the list's fast order) follow time; the undated one counts as
   * fetched now. */
  list = clip_store_list_articles (store, NULL, CLIP_SORT_NEWEST, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (((ClipArticle *) list->pdata[0])->title, ==, "undated");
  g_assert_cmpstr (((ClipArticle *) list->pdata[1])->title, ==, "newest");
  g_assert_cmpstr (((ClipArticle *) list->pdata[2])->title, ==, "middle");
  g_assert_cmpstr (((ClipArticle *) list->pdata[3])->title, ==, "oldest");
}

static void
test_ingest_invalid (void)
{
  g_autoptr(ClipStore) store = open_new_store (NULL);
  gint64 outlet = add_outlet (store, "https://civil.ge/feed", NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult r;
  ClipArticle *bad = make_article ("g", "https://x.example/1", "ok", "fine");

  g_free (bad->title);
  bad->title = g_strdup ("broken \xff title");
  g_ptr_array_add (batch, make_article ("good", "https://x.example/2", "Good", "text"));
  g_ptr_array_add (batch, bad);
  clip_ingest_result_init (&r);
  g_assert_false (clip_store_ingest (store, outlet, batch, &r, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  /* Nothing of the batch is kept. */
  g_assert_cmpint (clip_store_count_articles (store, NULL, NULL), ==, 0);
  g_clear_error (&error);

  g_ptr_array_remove_index (batch, 1);
  g_assert_false (clip_store_ingest (store, 9999, batch, &r, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
  clip_ingest_result_clear (&r);
}

static void
test_outlets (void)
{
  g_autoptr(ClipStore) store = open_new_store (NULL);
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(ClipOutlet) got = NULL;
  gint64 id;

  o->url = g_strdup ("javascript:alert(1)");
  g_assert_cmpint (clip_store_add_outlet (store, o, &error), ==, 0);
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  id = add_outlet (store, "https://civil.ge/feed", NULL);
  g_assert_cmpint (clip_store_add_outlet (store, &(ClipOutlet) { .url = "https://civil.ge/feed",
                                                                 .interval = 900 }, &error), ==, 0);
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  got = clip_store_get_outlet (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "civil.ge");     /* named after its host */
  g_free (got->group);
  got->group = g_strdup ("Georgia");
  got->interval = 1800;
  got->last_error = g_strdup ("HTTP 404");
  got->failures = 2;
  g_assert_true (clip_store_update_outlet (store, got, &error));
  g_assert_true (clip_store_save_fetch_state (store, got, &error));
  g_assert_no_error (error);
  list = clip_store_list_outlets (store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((ClipOutlet *) g_ptr_array_index (list, 0))->group, ==, "Georgia");
  g_assert_cmpint (((ClipOutlet *) g_ptr_array_index (list, 0))->interval, ==, 1800);
  g_assert_cmpstr (((ClipOutlet *) g_ptr_array_index (list, 0))->last_error, ==, "HTTP 404");

  g_assert_true (clip_store_remove_outlet (store, id, &error));
  g_assert_false (clip_store_remove_outlet (store, id, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
}

static void
test_remove_outlet_cascades (void)
{
  g_autoptr(ClipStore) store = open_new_store (NULL);
  gint64 outlet = add_outlet (store, "https://civil.ge/feed", NULL);
  g_autoptr(GError) error = NULL;
  ClipIngestResult r;

  ingest (store, outlet, &r, make_article ("g1", "https://civil.ge/1", "Sakartvelo", "words"), NULL);
  clip_ingest_result_clear (&r);
  g_assert_true (clip_store_remove_outlet (store, outlet, &error));
  g_assert_cmpint (clip_store_count_articles (store, NULL, &error), ==, 0);
  {
    g_autoptr(GArray) hits = clip_store_fts_search (store, "sakartvelo", 0, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 0);
  }
}

static guint
search_count (ClipStore *store, const char *words)
{
  g_autofree char *fts = clip_store_words_to_fts (words);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = clip_store_fts_search (store, fts, 0, 100, &error);

  g_assert_no_error (error);
  return hits->len;
}

static void
test_fts_scripts (void)
{
  g_autoptr(ClipStore) store = open_new_store (NULL);
  gint64 outlet = add_outlet (store, "https://civil.ge/feed", NULL);
  ClipIngestResult r;

  ingest (store, outlet, &r,
          make_article ("en", "https://x.example/en", "Russian interférence in Georgia",
                        "Jens Stoltenberg spoke in Bucharest."),
          make_article ("ru", "https://x.example/ru", "Вмешательство России",
                        "Кремль отрицает. Ёлка."),
          make_article ("ka", "https://x.example/ka", "რუსეთის ჩარევა",
                        "ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ და თბილისი"),
          NULL);
  clip_ingest_result_clear (&r);

  g_assert_cmpuint (search_count (store, "interference"), ==, 1);
  g_assert_cmpuint (search_count (store, "INTERFÉRENCE"), ==, 1);
  g_assert_cmpuint (search_count (store, "bucharest stoltenberg"), ==, 1);
  g_assert_cmpuint (search_count (store, "россии"), ==, 1);
  g_assert_cmpuint (search_count (store, "КРЕМЛЬ"), ==, 1);
  g_assert_cmpuint (search_count (store, "елка"), ==, 1);      /* ё without its diaeresis */
  g_assert_cmpuint (search_count (store, "რუსეთის"), ==, 1);
  /* Mtavruli in the text, Mkhedruli in the query, and the other way. */
  g_assert_cmpuint (search_count (store, "საქართველო"), ==, 1);
  g_assert_cmpuint (search_count (store, "ᲩᲐᲠᲔᲕᲐ"), ==, 1);
  g_assert_cmpuint (search_count (store, "moscow"), ==, 0);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) hits = clip_store_fts_search (store, "\"რუსეთ\"*", 0, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_clear_pointer (&hits, g_array_unref);
    hits = clip_store_fts_search (store, "AND OR (", 0, 10, &error);
    g_assert_null (hits);
    g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID);
  }
}

static void
test_list_filters (void)
{
  g_autoptr(ClipStore) store = open_new_store (NULL);
  gint64 a = add_outlet (store, "https://a.example/feed", "Alpha");
  gint64 b = add_outlet (store, "https://b.example/feed", "Beta");
  ClipIngestResult r;
  ClipArticleFilter f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  ingest (store, a, &r, make_article ("1", "https://a.example/1", "zeta", "one"),
          make_article ("2", "https://a.example/2", "alpha", "two"), NULL);
  clip_ingest_result_clear (&r);
  ingest (store, b, &r, make_article ("3", "https://b.example/3", "mid", "three"), NULL);
  clip_ingest_result_clear (&r);

  list = clip_store_list_articles (store, NULL, CLIP_SORT_NEWEST, 0, 0, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((ClipArticle *) list->pdata[0])->title, ==, "mid");     /* newest first */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = clip_store_list_articles (store, NULL, CLIP_SORT_TITLE, 1, 1, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((ClipArticle *) list->pdata[0])->title, ==, "mid");     /* alpha, [mid], zeta */
  g_clear_pointer (&list, g_ptr_array_unref);

  f.outlet_id = a;
  g_assert_cmpint (clip_store_count_articles (store, &f, &error), ==, 2);
  g_assert_true (clip_store_set_read (store, ((gint64) 1), TRUE, &error));
  f.unread_only = TRUE;
  g_assert_cmpint (clip_store_count_articles (store, &f, &error), ==, 1);
  f = (ClipArticleFilter) { .fts_query = "three" };
  list = clip_store_list_articles (store, &f, CLIP_SORT_NEWEST, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((ClipArticle *) list->pdata[0])->outlet_name, ==, "Beta");
}

static void
test_migrate_v1 (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "archive.db", NULL);
  g_autofree char *fixture = clip_test_data_path ("store/archive-v1.sql");
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(ClipArticle) a = NULL;
  g_autoptr(GPtrArray) list = NULL;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (clip_fts_register (db, &error));
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("fixture: %s", sqlite3_errmsg (db));
  sqlite3_close (db);

  store = clip_store_open (path, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (clip_store_is_new (store));
  list = clip_store_list_outlets (store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  a = clip_store_get_article (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->note, ==, "check this");
  g_assert_cmpint (a->flag, ==, 1);
  g_assert_cmpuint (search_count (store, "вмешательство"), ==, 1);
  /* What the later steps added works on the old rows. */
  g_assert_true (clip_store_add_tag (store, 1, "law", &error));
  g_assert_no_error (error);
  {
    sqlite3_stmt *stmt = clip_store_prepare (store, "PRAGMA user_version", &error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, clip_store_schema_version ());
  }
}

/* An archive of schema 10: its flagged and rule-matched articles with no
 * page copy get their pages asked for (step 11), not the others, not
 * those with a copy, not an outlet whose Full text is Never. */
static void
test_migrate_v10_evidence (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "archive.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (G_N_ELEMENTS (clip_store_migrations), ==, 11);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (clip_fts_register (db, &error));
  for (guint v = 0; v < 10; v++)
    if (sqlite3_exec (db, clip_store_migrations[v], NULL, NULL, NULL) != SQLITE_OK)
      g_error ("step %u: %s", v, sqlite3_errmsg (db));
  if (sqlite3_exec (db,
      "INSERT INTO outlets (id, url) VALUES (1, 'https://a.example/'), (2, 'https://b.example/');"
      "UPDATE outlets SET full_text = 2 WHERE id = 2;"
      "INSERT INTO articles (id, outlet_id, guid, url, fetched, content_hash, flag) VALUES"
      "  (1, 1, 'matched', 'https://a.example/1', 1780000000, 'h', 0),"
      "  (2, 1, 'flagged', 'https://a.example/2', 1780000000, 'h', 1),"
      "  (3, 1, 'plain', 'https://a.example/3', 1780000000, 'h', 0),"
      "  (4, 1, 'kept', 'https://a.example/4', 1780000000, 'h', 1),"
      "  (5, 2, 'never', 'https://b.example/5', 1780000000, 'h', 1),"
      "  (6, 1, 'offline', 'urn:x:6', 1780000000, 'h', 1);"
      "INSERT INTO rules (id, name, query) VALUES (1, 'r', 'x');"
      "INSERT INTO matches (rule_id, article_id, matched) VALUES (1, 1, 1780000000);"
      "INSERT INTO evidence (article_id, sha256, captured, file) VALUES (4, 'abc', 1780000000, 'e/4.gz');"
      "PRAGMA user_version = 10;", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("fixture: %s", sqlite3_errmsg (db));
  sqlite3_close (db);

  store = clip_store_open (path, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  stmt = clip_store_prepare (store, "SELECT group_concat(id) FROM"
                             " (SELECT id FROM articles WHERE page_state = 1 ORDER BY id)", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "1,2");
  sqlite3_reset (stmt);
}

static void
test_too_new (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "archive.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL);
  sqlite3_close (db);
  store = clip_store_open (path, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_TOO_NEW);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "archive.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "this is not sqlite, but it is long enough to be read as a header", -1, NULL));
  store = clip_store_open (path, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_CORRUPT);
}

static void
test_reader_sees_committed (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) writer = open_new_store (&dir);
  g_autoptr(ClipStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  gint64 outlet = add_outlet (writer, "https://civil.ge/feed", NULL);
  ClipIngestResult r;

  ingest (writer, outlet, &r, make_article ("1", "https://civil.ge/1", "one", "x"), NULL);
  clip_ingest_result_clear (&r);
  reader = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (clip_store_count_articles (reader, NULL, &error), ==, 1);

  /* While the writer is inside a batch, the reader sees the last commit,
   * without waiting. */
  g_assert_true (clip_store_begin (writer, &error));
  ingest (writer, outlet, &r, make_article ("2", "https://civil.ge/2", "two", "y"), NULL);
  clip_ingest_result_clear (&r);
  g_assert_cmpint (clip_store_count_articles (writer, NULL, &error), ==, 2);
  g_assert_cmpint (clip_store_count_articles (reader, NULL, &error), ==, 1);
  g_assert_true (clip_store_commit (writer, &error));
  g_assert_cmpint (clip_store_count_articles (reader, NULL, &error), ==, 2);

  /* Single-row reads do not pin the reader to an old snapshot. */
  {
    g_autoptr(ClipArticle) one = clip_store_get_article (reader, 1, &error);
    g_autoptr(ClipOutlet) o = clip_store_get_outlet (reader, outlet, &error);

    g_assert_no_error (error);
    ingest (writer, outlet, &r, make_article ("3", "https://civil.ge/3", "three", "z"), NULL);
    clip_ingest_result_clear (&r);
    g_assert_cmpint (clip_store_count_articles (reader, NULL, &error), ==, 3);
    ingest (writer, outlet, &r, make_article ("4", "https://civil.ge/4", "four", "w"), NULL);
    clip_ingest_result_clear (&r);
    g_assert_cmpint (clip_store_count_articles (reader, NULL, &error), ==, 4);
  }

  /* A reader cannot write. */
  g_assert_false (clip_store_set_read (reader, 1, TRUE, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_READ_ONLY);
}

static void
test_full_disk (void)
{
  g_autoptr(ClipStore) store = open_new_store (NULL);
  gint64 outlet = add_outlet (store, "https://civil.ge/feed", NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (20000, 'w');
  ClipIngestResult r;
  sqlite3_stmt *stmt;
  gint64 pages;

  ingest (store, outlet, &r, make_article ("kept", "https://civil.ge/kept", "kept", "x"), NULL);
  clip_ingest_result_clear (&r);
  /* A database that may not grow behaves as a full disk does. */
  stmt = clip_store_prepare (store, "PRAGMA page_count", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int64 (stmt, 0);
  {
    g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
    g_assert_true (clip_store_exec (store, limit, &error));
  }
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *guid = g_strdup_printf ("big-%u", i);
      g_autofree char *url = g_strdup_printf ("https://civil.ge/big/%u", i);
      g_ptr_array_add (batch, make_article (guid, url, "big", big));
    }
  clip_ingest_result_init (&r);
  g_assert_false (clip_store_ingest (store, outlet, batch, &r, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_cmpuint (r.added, ==, 0);
  g_clear_error (&error);
  /* Nothing committed is lost, and the store works once there is room. */
  g_assert_cmpint (clip_store_count_articles (store, NULL, &error), ==, 1);
  g_assert_true (clip_store_exec (store, "PRAGMA max_page_count = 1073741823", &error));
  g_assert_true (clip_store_ingest (store, outlet, batch, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (clip_store_count_articles (store, NULL, &error), ==, 51);
  clip_ingest_result_clear (&r);
}

static void
test_locked (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) store = open_new_store (&dir);
  g_autoptr(ClipStore) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 outlet = add_outlet (store, "https://civil.ge/feed", NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  ClipIngestResult r;

  other = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (clip_store_begin (other, &error));
  sqlite3_busy_timeout (clip_store_get_db (store), 50);
  g_ptr_array_add (batch, make_article ("1", "https://civil.ge/1", "one", "x"));
  clip_ingest_result_init (&r);
  g_assert_false (clip_store_ingest (store, outlet, batch, &r, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_BUSY);
  g_clear_error (&error);
  clip_store_rollback (other);
  g_assert_true (clip_store_ingest (store, outlet, batch, &r, &error));
  g_assert_cmpuint (r.added, ==, 1);
  clip_ingest_result_clear (&r);
}

#define CRASH_BATCH 400

/* The child: writes batches until killed, telling the parent after each
 * commit how many are in. */
static int
crash_writer (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_autofree char *marker = g_build_filename (dir, "committed", NULL);
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  gint64 outlet;

  g_assert_no_error (error);
  o->url = g_strdup ("https://crash.example/feed");
  outlet = clip_store_add_outlet (store, o, &error);
  g_assert_no_error (error);
  for (guint b = 0; b < 100000; b++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
      g_autofree char *count = g_strdup_printf ("%u", b + 1);
      ClipIngestResult r;

      for (guint i = 0; i < CRASH_BATCH; i++)
        {
          g_autofree char *guid = g_strdup_printf ("%u-%u", b, i);
          g_autofree char *url = g_strdup_printf ("https://crash.example/%u/%u", b, i);
          g_ptr_array_add (batch, make_article (guid, url, "Crash test article",
                                                "Tbilisi Россия თბილისი words words words"));
        }
      clip_ingest_result_init (&r);
      if (!clip_store_ingest (store, outlet, batch, &r, &error))
        return 3;
      clip_ingest_result_clear (&r);
      g_file_set_contents (marker, count, -1, NULL);
    }
  return 0;
}

static const char *self_path;

static void
test_crash_safety (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autofree char *marker = g_build_filename (dir, "committed", NULL);
  const char *argv[] = { self_path, "--crash-writer", dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = NULL;
  GPid pid;
  int status;
  guint committed = 0;
  gint64 n;
  sqlite3_stmt *stmt;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  /* Wait for a few commits, then kill it at an arbitrary moment: with
   * batches of this size, most likely in the middle of one. */
  for (guint i = 0; i < 3000 && committed < 3; i++)
    {
      g_autofree char *text = NULL;
      g_usleep (10000);
      if (g_file_get_contents (marker, &text, NULL, NULL))
        committed = (guint) g_ascii_strtoull (text, NULL, 10);
    }
  g_assert_cmpuint (committed, >=, 3);
  g_usleep (g_random_int_range (1000, 30000));
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));

  store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  stmt = clip_store_prepare (store, "PRAGMA integrity_check", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  stmt = clip_store_prepare (store, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  n = clip_store_count_articles (store, NULL, &error);
  g_test_message ("killed after %u commits; %" G_GINT64_FORMAT " articles", committed, n);
  /* Whole batches only, and every batch the child saw committed. */
  g_assert_cmpint (n % CRASH_BATCH, ==, 0);
  g_assert_cmpint (n, >=, (gint64) committed * CRASH_BATCH);
  g_assert_cmpint (search_count (store, "tbilisi"), >, 0);
}

static void
test_canonical_url (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "HTTPS://Civil.GE/archives/1?utm_source=fb&id=3#comments", "https://civil.ge/archives/1?id=3" },
    { "https://civil.ge/a?fbclid=1&gclid=2", "https://civil.ge/a" },
    { "http://example.com", "http://example.com/" },
    { "http://example.com:80/x", "http://example.com/x" },
    { "https://example.com/path?utm=keep", "https://example.com/path?utm=keep" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *c = clip_url_canonicalize (cases[i].in);
      g_assert_cmpstr (c, ==, cases[i].out);
    }
  g_assert_null (clip_url_canonicalize ("not a url"));
  g_assert_null (clip_url_canonicalize (NULL));
}

static void
test_data_dir (void)
{
  g_autofree char *a = clip_paths_data_dir ("/tmp/explicit");
  g_autofree char *b = NULL;

  g_assert_cmpstr (a, ==, "/tmp/explicit");
  g_setenv ("CLIPPINGS_DATA_DIR", "/tmp/from-env", TRUE);
  b = clip_paths_data_dir (NULL);
  g_assert_cmpstr (b, ==, "/tmp/from-env");
}

int
main (int argc, char **argv)
{
  if (argc == 3 && g_strcmp0 (argv[1], "--crash-writer") == 0)
    return crash_writer (argv[2]);
  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/ingest-dedupe", test_ingest_dedupe);
  g_test_add_func ("/store/ingest-order", test_ingest_order);
  g_test_add_func ("/store/ingest-invalid", test_ingest_invalid);
  g_test_add_func ("/store/outlets", test_outlets);
  g_test_add_func ("/store/remove-outlet-cascades", test_remove_outlet_cascades);
  g_test_add_func ("/store/fts-scripts", test_fts_scripts);
  g_test_add_func ("/store/list-filters", test_list_filters);
  g_test_add_func ("/store/migrate-v1", test_migrate_v1);
  g_test_add_func ("/store/migrate-v10-evidence", test_migrate_v10_evidence);
  g_test_add_func ("/store/too-new", test_too_new);
  g_test_add_func ("/store/not-a-database", test_not_a_database);
  g_test_add_func ("/store/reader-sees-committed", test_reader_sees_committed);
  g_test_add_func ("/store/full-disk", test_full_disk);
  g_test_add_func ("/store/locked", test_locked);
  g_test_add_func ("/store/crash-safety", test_crash_safety);
  g_test_add_func ("/store/canonical-url", test_canonical_url);
  g_test_add_func ("/store/data-dir", test_data_dir);
  return g_test_run ();
}
