/* test-ui-list.c — the lazy article list and the reading view: paging,
 * sorting, insertion while scrolled, new views, search, highlighting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "clip-archive.h"
#include "clip-article-list.h"
#include "clip-article-table.h"
#include "clip-article-body.h"
#include "clip-article-view.h"
#include "clip-highlight.h"
#include "clip-rules-store.h"
#include "clip-store-listing.h"
#include "clip-store-pages.h"
#include "clip-store-sql.h"
#include "clip-test-list.h"
#include "clip-test-ui.h"
#include "clip-test-util.h"

/* Only the pages looked at are read from SQLite. */
static void
test_paging (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) list = clip_test_list_open (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);
  g_autoptr(ClipArticleItem) first = NULL;
  g_autoptr(ClipArticleItem) last = NULL;
  g_autoptr(ClipArticleItem) again = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, CLIP_TEST_LIST_ARTICLES);
  g_assert_cmpuint (clip_article_list_get_rows_read (list), ==, 0);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  /* Newest first, by time. */
  g_assert_cmpstr (clip_article_item_get_outlet_name (first), ==, "Example Times");
  g_assert_nonnull (strstr (clip_article_item_get_title (first), "report"));
  g_assert_false (clip_article_item_get_read (first));
  g_assert_cmpuint (clip_article_list_get_rows_read (list), ==, CLIP_ARTICLE_LIST_PAGE);
  last = g_list_model_get_item (G_LIST_MODEL (list), CLIP_TEST_LIST_ARTICLES - 1);
  g_assert_cmpuint (clip_article_list_get_rows_read (list), ==,
                    CLIP_ARTICLE_LIST_PAGE + CLIP_TEST_LIST_ARTICLES % CLIP_ARTICLE_LIST_PAGE);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), CLIP_TEST_LIST_ARTICLES));
  /* A page already read is not read again, and gives the same item. */
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == first);
  g_assert_cmpuint (clip_article_list_get_rows_read (list), ==,
                    CLIP_ARTICLE_LIST_PAGE + CLIP_TEST_LIST_ARTICLES % CLIP_ARTICLE_LIST_PAGE);
  g_assert_cmpint (clip_article_item_get_time (first), >, clip_article_item_get_time (last));
}

static void
count_added (GListModel *model, guint position, guint removed, guint added, GArray *steps)
{
  g_assert_cmpuint (removed, ==, 0);
  /* Each step adds at the end of what views know (a reload: at the top). */
  if (position != 0)
    g_assert_cmpuint (position, ==, g_list_model_get_n_items (model) - added);
  g_array_append_val (steps, added);
}

/* An empty list that gets many rows announces a screenful first and the
 * rest in steps, and is loaded only once every row is announced; a list
 * reloaded with rows only added at the top says it in one change. */
static void
test_reveal_in_steps (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) list = clip_article_list_new (f->reader);
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (guint));
  guint total = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (count_added), steps);
  clip_article_list_set_view (list, NULL, NULL, CLIP_SORT_NEWEST, FALSE);
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, CLIP_TEST_LIST_ARTICLES);
  g_assert_cmpuint (steps->len, >, 2);
  g_assert_cmpuint (g_array_index (steps, guint, 0), <=, 50);
  for (guint i = 0; i < steps->len; i++)
    total += g_array_index (steps, guint, i);
  g_assert_cmpuint (total, ==, CLIP_TEST_LIST_ARTICLES);
  /* Past the rows GTK keeps realised, the rest came at once. */
  g_assert_cmpuint (g_array_index (steps, guint, steps->len - 1), >, 200);

  g_array_set_size (steps, 0);
  clip_test_list_ingest (f, 3, NULL);
  clip_article_list_reload (list);
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));
  g_assert_cmpuint (steps->len, ==, 1);
  g_assert_cmpuint (g_array_index (steps, guint, 0), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, CLIP_TEST_LIST_ARTICLES + 3);
  g_signal_handlers_disconnect_by_func (list, count_added, steps);
}

typedef struct {
  guint position, removed, added, n_items;
} Change;

static void
record_change (GListModel *model, guint position, guint removed, guint added, GArray *changes)
{
  Change c = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_val (changes, c);
}

static gboolean
some_rows (gpointer list)
{
  return g_list_model_get_n_items (list) > 0;
}

/* A reload that lands while an empty list is still announcing its rows in
 * steps (the first rows of a refresh) says what changed among the rows
 * the views know and goes on in steps, instead of announcing every row at
 * once; the rows end as a fresh view of the archive gives them. */
static void
test_reload_while_revealing (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) list = clip_article_list_new (f->reader);
  g_autoptr(ClipArticleList) fresh = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  guint n, top = 0;

  clip_article_list_set_view (list, NULL, NULL, CLIP_SORT_NEWEST, FALSE);
  g_assert_true (clip_test_ui_wait (some_rows, list));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, <, CLIP_TEST_LIST_ARTICLES);
  /* Rows not announced yet are no items; the view's total counts them,
   * every one once the rest of the ids are read (the first 200 come
   * first: under the sanitizers the rows may show before the rest). */
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
  g_assert_cmpuint (clip_article_list_get_total (list), >=, n);
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change), changes);
  clip_test_list_ingest (f, 3, NULL);
  clip_article_list_reload (list);
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));
  g_signal_handlers_disconnect_by_func (list, record_change, changes);

  /* The three new articles came as one change at the top, while rows
   * were still hidden; every other change is a step at the end, a large
   * one only past the realised rows. */
  for (guint i = 0; i < changes->len; i++)
    {
      const Change *c = &g_array_index (changes, Change, i);

      g_assert_cmpuint (c->removed, ==, 0);
      if (c->position == 0)
        {
          g_assert_cmpuint (c->added, ==, 3);
          g_assert_cmpuint (c->n_items, <, CLIP_TEST_LIST_ARTICLES + 3);
          top++;
        }
      else
        g_assert_cmpuint (c->position, ==, c->n_items - c->added);
      if (c->added > 50)
        g_assert_cmpuint (c->position, >=, 200);
    }
  g_assert_cmpuint (top, ==, 1);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, CLIP_TEST_LIST_ARTICLES + 3);
  fresh = clip_test_list_open (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);
  for (guint i = 0; i < n; i += 41)
    g_assert_cmpint (clip_test_list_id_at (list, i), ==, clip_test_list_id_at (fresh, i));
  g_assert_cmpint (clip_test_list_id_at (list, n - 1), ==, clip_test_list_id_at (fresh, n - 1));
}

static void
test_sorting (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) by_title = clip_test_list_open (f, NULL, NULL, CLIP_SORT_TITLE, TRUE);
  g_autoptr(ClipArticleList) by_title_desc = clip_test_list_open (f, NULL, NULL, CLIP_SORT_TITLE, FALSE);
  g_autoptr(ClipArticleList) by_time = clip_test_list_open (f, NULL, NULL, CLIP_SORT_TIME, TRUE);

  for (guint i = 1; i < CLIP_TEST_LIST_ARTICLES; i += 37)
    {
      g_assert_cmpint (g_ascii_strcasecmp (clip_test_list_title_at (by_title, i - 1), clip_test_list_title_at (by_title, i)), <=, 0);
      g_assert_cmpint (g_ascii_strcasecmp (clip_test_list_title_at (by_title_desc, i - 1),
                                           clip_test_list_title_at (by_title_desc, i)), >=, 0);
    }
  g_assert_cmpstr (clip_test_list_title_at (by_title, 0), ==, clip_test_list_title_at (by_title_desc, CLIP_TEST_LIST_ARTICLES - 1));
  for (guint i = 1; i < CLIP_TEST_LIST_ARTICLES; i++)
    {
      g_autoptr(ClipArticleItem) a = g_list_model_get_item (G_LIST_MODEL (by_time), i - 1);
      g_autoptr(ClipArticleItem) b = g_list_model_get_item (G_LIST_MODEL (by_time), i);

      g_assert_cmpint (clip_article_item_get_time (a), <=, clip_article_item_get_time (b));
    }
}

typedef struct {
  guint position, removed, added, calls;
} Changes;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, Changes *c)
{
  c->position = position;
  c->removed = removed;
  c->added = added;
  c->calls++;
}

/* New articles arrive as one insertion at the top; what was below keeps
 * its items, so a view keeps its scroll position and selection. */
static void
test_insert_while_scrolled (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) list = clip_test_list_open (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);
  g_autoptr(ClipArticleItem) was_first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_autoptr(ClipArticleItem) was_300 = g_list_model_get_item (G_LIST_MODEL (list), 300);
  g_autoptr(ClipArticleItem) now_first = NULL;
  g_autoptr(ClipArticleItem) now_303 = NULL;
  Changes c = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &c);
  clip_test_list_ingest (f, 3, NULL);
  clip_article_list_reload (list);
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (c.position, ==, 0);
  g_assert_cmpuint (c.removed, ==, 0);
  g_assert_cmpuint (c.added, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, CLIP_TEST_LIST_ARTICLES + 3);
  now_303 = g_list_model_get_item (G_LIST_MODEL (list), 303);
  g_assert_cmpint (clip_article_item_get_id (now_303), ==, clip_article_item_get_id (was_300));
  now_first = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_cmpint (clip_article_item_get_id (now_first), ==, clip_article_item_get_id (was_first));
  g_assert_cmpuint (clip_article_list_find (list, clip_article_item_get_id (was_300)), ==, 303);

  /* Nothing new: nothing changes. */
  c.calls = 0;
  clip_article_list_reload (list);
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));
  g_assert_cmpuint (c.calls, ==, 0);
}

/* Every items-changed of a list, in order. */
typedef struct {
  GArray          *changes;          /* Changes */
  gint64           first_when_fresh; /* the first row's id when "stale" turned FALSE */
  guint            n_when_fresh;
  ClipArticleItem *old_first;        /* the first row before */
  gboolean         old_first_kept;   /* still there, the same item, below the new rows */
} Recorder;

static void
record_cb (GListModel *model, guint position, guint removed, guint added, Recorder *r)
{
  Changes c = { position, removed, added, 0 };

  if (r->changes->len == 0 && removed == 0 && r->old_first != NULL)
    {
      g_autoptr(ClipArticleItem) below = g_list_model_get_item (model, position + added);

      r->old_first_kept = below == r->old_first;
    }
  g_array_append_val (r->changes, c);
}

static void
stale_cb (ClipArticleList *list, GParamSpec *pspec, Recorder *r)
{
  if (clip_article_list_is_stale (list))
    return;
  r->n_when_fresh = g_list_model_get_n_items (G_LIST_MODEL (list));
  r->first_when_fresh = r->n_when_fresh ? clip_test_list_id_at (list, 0) : 0;
}

static void
recorder_watch (Recorder *r, ClipArticleList *list)
{
  r->changes = g_array_new (FALSE, TRUE, sizeof (Changes));
  g_signal_connect (list, "items-changed", G_CALLBACK (record_cb), r);
  g_signal_connect (list, "notify::stale", G_CALLBACK (stale_cb), r);
}

static void
recorder_clear (Recorder *r)
{
  g_clear_pointer (&r->changes, g_array_unref);
  g_clear_object (&r->old_first);
}

/* Another view (a search as one types, another source, another order)
 * keeps the rows shown until its own first rows are read, then replaces
 * them: the new rows arrive above the old ones, which are the same items
 * (so GTK keeps their row widgets, to rebind them to the new rows when
 * the table goes to the top), then the old ones go. With no new rows,
 * the list empties in one change. */
static void
new_view_replaces (Fixture                 *f,
                   const ClipArticleFilter *filter,
                   const char              *search,
                   ClipSort                 sort,
                   guint                    expected)
{
  g_autoptr(ClipArticleList) list = clip_test_list_open (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);
  gint64 first = clip_test_list_id_at (list, 0);
  Recorder r = { 0 };
  Changes *c;

  recorder_watch (&r, list);
  r.old_first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  clip_article_list_set_view (list, filter, search, sort, sort != CLIP_SORT_NEWEST);
  /* Asked for, not read yet: the old rows are all still there. */
  g_assert_true (clip_article_list_is_loading (list));
  g_assert_true (clip_article_list_is_stale (list));
  g_assert_cmpuint (r.changes->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, CLIP_TEST_LIST_ARTICLES);
  g_assert_cmpint (clip_test_list_id_at (list, 0), ==, first);
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));

  g_assert_false (clip_article_list_is_stale (list));
  /* Right up to the replacement. */
  g_assert_cmpuint (r.n_when_fresh, ==, CLIP_TEST_LIST_ARTICLES);
  g_assert_cmpint (r.first_when_fresh, ==, first);
  if (expected == 0)
    {
      g_assert_cmpuint (r.changes->len, ==, 1);
      c = &g_array_index (r.changes, Changes, 0);
      g_assert_cmpuint (c->position, ==, 0);
      g_assert_cmpuint (c->removed, ==, CLIP_TEST_LIST_ARTICLES);
      g_assert_cmpuint (c->added, ==, 0);
    }
  else
    {
      g_assert_cmpuint (r.changes->len, ==, 2);
      c = &g_array_index (r.changes, Changes, 0);
      g_assert_cmpuint (c->position, ==, 0);
      g_assert_cmpuint (c->removed, ==, 0);
      g_assert_cmpuint (c->added, ==, expected);
      g_assert_true (r.old_first_kept);
      c = &g_array_index (r.changes, Changes, 1);
      g_assert_cmpuint (c->position, ==, expected);
      g_assert_cmpuint (c->removed, ==, CLIP_TEST_LIST_ARTICLES);
      g_assert_cmpuint (c->added, ==, 0);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);
  recorder_clear (&r);
}

static void
test_new_view_replaces (Fixture *f, gconstpointer data)
{
  ClipArticleFilter unread = { .unread_only = TRUE };

  /* A search newest first (read in parts), one in a filter sorted by
   * title (read at once), and one that finds nothing: the list empties
   * then, in that same one change. */
  new_view_replaces (f, NULL, "vineyard", CLIP_SORT_NEWEST, CLIP_TEST_LIST_ARTICLES / 5);
  new_view_replaces (f, &unread, "budget OR harbour", CLIP_SORT_TITLE, 2 * CLIP_TEST_LIST_ARTICLES / 5);
  new_view_replaces (f, NULL, "zeppelin", CLIP_SORT_NEWEST, 0);
}

/* A search with many results: the first part replaces the old rows, the
 * rest follow it, each once and in order. */
static void
test_new_view_in_parts (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) list = clip_test_list_open (f, &(ClipArticleFilter) { .unread_only = TRUE }, NULL,
                                               CLIP_SORT_NEWEST, FALSE);
  Recorder r = { 0 };
  guint total = 0;

  clip_test_list_ingest (f, 1000, NULL);
  clip_article_list_reload (list);
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, CLIP_TEST_LIST_ARTICLES + 1000);
  recorder_watch (&r, list);
  clip_article_list_set_view (list, NULL, "report", CLIP_SORT_NEWEST, FALSE);
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));
  /* The first part in, the old rows out, the other parts after it. */
  g_assert_cmpuint (r.changes->len, >=, 3);
  for (guint i = 0; i < r.changes->len; i++)
    {
      Changes *c = &g_array_index (r.changes, Changes, i);

      g_assert_cmpuint (c->position, ==, total);
      if (i == 1)
        {
          g_assert_cmpuint (c->removed, ==, CLIP_TEST_LIST_ARTICLES + 1000);
          g_assert_cmpuint (c->added, ==, 0);
          continue;
        }
      g_assert_cmpuint (c->removed, ==, 0);
      g_assert_cmpuint (c->added, >, 0);
      total += c->added;
    }
  g_assert_cmpuint (total, ==, CLIP_TEST_LIST_ARTICLES + 1000);
  for (guint i = 1; i < total; i++)
    g_assert_cmpint (clip_test_list_id_at (list, i - 1), >, clip_test_list_id_at (list, i));
  recorder_clear (&r);
}

static void
failed_cb (ClipArticleList *list, const char *message, char **out)
{
  *out = g_strdup (message);
}

/* Filters and searches in the rule language, and an unreadable search. */
/* The id the store gave the article with this guid. */
static gint64
id_of (Fixture *f, const char *guid)
{
  sqlite3_stmt *stmt = clip_store_prepare (f->store, "SELECT id FROM articles WHERE guid = ?", NULL);
  gint64 id;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static void
test_filter_and_search (Fixture *f, gconstpointer data)
{
  ClipArticleFilter unread = { .unread_only = TRUE };
  g_autoptr(ClipArticleList) list = NULL;
  g_autoptr(ClipArticleList) vineyards = NULL;
  g_autoptr(ClipArticleList) bad = NULL;
  g_autofree char *message = NULL;
  ClipArticle *seed = clip_article_new ();

  seed->guid = g_strdup ("seed");
  seed->url = g_strdup ("https://example.org/seed");
  seed->title = g_strdup ("Stoltenberg on Georgia");
  seed->summary_text = g_strdup ("We know that these partners are a subject of Russian interference.");
  seed->published = 1700000000;
  clip_test_list_ingest (f, 0, seed);
  /* Two articles that are not about vineyards (topics[i % 5]) are read. */
  g_assert_true (clip_store_set_read (f->store, id_of (f, "guid-0"), TRUE, NULL));
  g_assert_true (clip_store_set_read (f->store, id_of (f, "guid-1"), TRUE, NULL));

  list = clip_test_list_open (f, &unread, NULL, CLIP_SORT_NEWEST, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, CLIP_TEST_LIST_ARTICLES + 1 - 2);
  g_clear_object (&list);
  list = clip_test_list_open (f, NULL, "\"Russian interference\"", CLIP_SORT_NEWEST, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpstr (clip_test_list_title_at (list, 0), ==, "Stoltenberg on Georgia");
  /* The default rule flagged it as it was stored: its chip's rule. */
  {
    g_autoptr(ClipArticleItem) item = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_nonnull (clip_article_item_get_rule_ids (item));
  }
  /* A search within a filter keeps the filter's order. */
  vineyards = clip_test_list_open (f, &unread, "vineyard", CLIP_SORT_TITLE, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vineyards)), ==, CLIP_TEST_LIST_ARTICLES / 5);
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (vineyards)); i++)
    g_assert_cmpint (g_ascii_strcasecmp (clip_test_list_title_at (vineyards, i - 1), clip_test_list_title_at (vineyards, i)), <=, 0);

  /* Many results arrive in parts, newest first, each once. */
  g_clear_object (&list);
  list = clip_test_list_open (f, NULL, "report", CLIP_SORT_NEWEST, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, CLIP_TEST_LIST_ARTICLES);
  for (guint i = 1; i < CLIP_TEST_LIST_ARTICLES; i++)
    g_assert_cmpint (clip_test_list_id_at (list, i - 1), >, clip_test_list_id_at (list, i));

  bad = clip_article_list_new (f->reader);
  g_signal_connect (bad, "failed", G_CALLBACK (failed_cb), &message);
  clip_article_list_set_view (bad, NULL, "(budget OR", CLIP_SORT_NEWEST, FALSE);
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, bad));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "column"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bad)), ==, 0);
}

/* An item a view still shows after the list read its pages again (a
 * reload of the same rows, as after a refresh) keeps following its
 * article: a change of state reaches it and the list's new item alike,
 * and so does reading the state again. */
static void
test_state_of_held_items (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) list = clip_test_list_open (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);
  g_autoptr(ClipArticleItem) held0 = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_autoptr(ClipArticleItem) held1 = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_autoptr(ClipArticleItem) fresh0 = NULL;
  gint64 id0 = clip_article_item_get_id (held0), id1 = clip_article_item_get_id (held1);

  g_assert_false (clip_article_item_get_read (held0));
  clip_article_list_reload (list);
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));
  fresh0 = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (clip_article_item_get_id (fresh0), ==, id0);

  clip_article_list_set_state (list, id0, TRUE, 1);
  g_assert_true (clip_article_item_get_read (held0));
  g_assert_cmpint (clip_article_item_get_flag (held0), ==, 1);
  g_assert_true (clip_article_item_get_read (fresh0));
  g_assert_cmpint (clip_article_item_get_flag (fresh0), ==, 1);
  g_assert_true (clip_article_list_lookup (list, id0) != NULL);

  g_assert_true (clip_store_set_read (f->store, id1, TRUE, NULL));
  clip_article_list_refresh_state (list);
  g_assert_true (clip_article_item_get_read (held1));
  /* Nothing read of the archive says the first is read: it is not. */
  g_assert_false (clip_article_item_get_read (held0));

  /* Items outlive the list in views: dropping it leaves them whole. */
  g_clear_object (&list);
  g_assert_cmpint (clip_article_item_get_id (held1), ==, id1);
}

/* Spans → attributes, in bytes, over multi-byte text; spans off character
 * boundaries, outside the text or without a field are dropped. */
static void
test_highlight (void)
{
  const char *text = "Грузия: რუსეთის ჩარევა and Russian interference";
  const char *ka = strstr (text, "რუსეთის");
  const char *ru = strstr (text, "Russian");
  g_autofree char *json = g_strdup_printf (
      "[{\"field\":\"body\",\"start\":%d,\"end\":%d},"
      "{\"field\":\"body\",\"start\":%d,\"end\":%d},"
      "{\"field\":\"title\",\"start\":0,\"end\":4},"
      "{\"field\":\"body\",\"start\":1,\"end\":4},"
      "{\"field\":\"body\",\"start\":0,\"end\":9999},"
      "{\"start\":0,\"end\":12}]",
      (int) (ka - text), (int) (ka - text + strlen ("რუსეთის")),
      (int) (ru - text), (int) (ru - text + strlen ("Russian interference")));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (ClipHighlightSpan));
  g_autoptr(GHashTable) colors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autoptr(GSList) list = NULL;
  g_autofree char *words = NULL;
  gint64 rule = 7;
  GdkRGBA yellow = { 1, 0.9, 0.2, 1 };

  clip_highlight_parse (json, CLIP_RULE_FIELD_BODY, rule, text, spans);
  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpuint (g_array_index (spans, ClipHighlightSpan, 0).start, ==, ka - text);
  words = clip_highlight_words (text, spans, rule);
  g_assert_cmpstr (words, ==, "რუსეთის, Russian interference");
  /* A span within another of the rule adds no word of its own. */
  {
    ClipHighlightSpan inner = { rule, (guint) (ru - text) + 8, (guint) (ru - text) + 20 };
    g_autofree char *again = NULL;

    g_array_append_val (spans, inner);
    again = clip_highlight_words (text, spans, rule);
    g_assert_cmpstr (again, ==, "რუსეთის, Russian interference");
    g_array_set_size (spans, 2);
  }
  /* Words that fold alike (case and accents, as the matcher folds) are
   * named once, across the title and the body. */
  {
    const char *title = "MEDIAS russes";
    const char *body = "Les médias russes";
    ClipHighlightSpan t = { rule, 0, (guint) strlen (title) };
    ClipHighlightSpan b = { rule, 4, (guint) strlen (body) };
    g_autoptr(GArray) ts = g_array_new (FALSE, FALSE, sizeof (ClipHighlightSpan));
    g_autoptr(GArray) bs = g_array_new (FALSE, FALSE, sizeof (ClipHighlightSpan));
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

    g_array_append_val (ts, t);
    g_array_append_val (bs, b);
    clip_highlight_collect_words (title, ts, rule, found);
    clip_highlight_collect_words (body, bs, rule, found);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (found, 0), ==, "MEDIAS russes");
  }

  g_hash_table_insert (colors, g_memdup2 (&rule, sizeof rule), g_memdup2 (&yellow, sizeof yellow));
  attrs = clip_highlight_attrs (spans, colors);
  list = pango_attr_list_get_attributes (attrs);
  g_assert_cmpuint (g_slist_length (list), ==, 4);
  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *attr = l->data;

      g_assert_true (attr->start_index == (guint) (ka - text) || attr->start_index == (guint) (ru - text));
      if (attr->klass->type == PANGO_ATTR_BACKGROUND)
        g_assert_cmpuint (((PangoAttrColor *) attr)->color.red, ==, 65535);
      else
        /* Dark text on a light colour. */
        g_assert_cmpuint (((PangoAttrColor *) attr)->color.red, ==, 0);
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);

  /* Nothing usable: no spans. */
  g_array_set_size (spans, 0);
  clip_highlight_parse ("{\"not\":\"a list\"}", CLIP_RULE_FIELD_BODY, rule, text, spans);
  clip_highlight_parse ("[{\"field\":\"body\",\"start\":\"x\"}]", CLIP_RULE_FIELD_BODY, rule, text, spans);
  clip_highlight_parse ("not json", CLIP_RULE_FIELD_BODY, rule, text, spans);
  g_assert_cmpuint (spans->len, ==, 0);
}

static gboolean
tag_stored (gpointer data)
{
  Fixture *f = data;
  g_auto(GStrv) tags = NULL;

  tags = clip_store_get_tags (f->store, 1, NULL);
  return tags && g_strv_contains ((const char * const *) tags, "Kremlin watch");
}

static gboolean
tag_gone (gpointer data)
{
  return !tag_stored (data);
}

static gboolean
note_saved (gpointer data)
{
  Fixture *f = data;
  g_autoptr(ClipArticle) a = NULL;

  a = clip_store_get_article (f->store, 1, NULL);

  return g_strcmp0 (a->note, "Ask the ministry") == 0;
}

/* The reading view names the rule that flagged the article and why, and
 * saves the note as it is typed. */
static void
test_article_view (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  ClipArticleView *view = CLIP_ARTICLE_VIEW (clip_article_view_new ());
  g_autoptr(GPtrArray) rules = clip_store_list_rules (f->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCommands) commands = NULL;
  ClipArticle *seed = clip_article_new ();
  GtkLabel *body;
  GtkTextView *note;
  PangoAttrList *attrs;
  g_autoptr(GSList) list = NULL;
  gint64 seed_id;

  seed->guid = g_strdup ("seed");
  seed->url = g_strdup ("https://example.org/seed");
  seed->title = g_strdup ("Stoltenberg on Georgia");
  seed->summary_text = g_strdup ("Georgia is a highly valued partner, we know that these partners "
                                 "are a subject of Russian interference.");
  seed->published = 1700000000;
  clip_test_list_ingest (f, 0, seed);
  seed_id = CLIP_TEST_LIST_ARTICLES + 1;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  commands = clip_commands_open (f->dir, NULL);
  clip_article_view_set_store (view, f->reader, commands);
  clip_article_view_set_rules (view, rules);
  gtk_window_present (GTK_WINDOW (window));
  clip_article_view_show (view, seed_id);
  g_assert_nonnull (clip_article_view_get_article (view));
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "Russian interference"));
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "Matched: Russian interference"));
  body = clip_article_body_find_text (CLIP_ARTICLE_BODY (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                                     CLIP_TYPE_ARTICLE_VIEW, "body")),
                                      "Russian interference", NULL);
  g_assert_nonnull (body);
  attrs = gtk_label_get_attributes (body);
  g_assert_nonnull (attrs);
  list = pango_attr_list_get_attributes (attrs);
  g_assert_cmpuint (g_slist_length (list), >=, 2);
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);

  /* The note, typed on another article, is saved after a pause. */
  clip_article_view_show (view, 1);
  note = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view), CLIP_TYPE_ARTICLE_VIEW, "note_view"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note), "Ask the ministry", -1);
  g_assert_true (clip_test_ui_wait (note_saved, f));

  /* Tags: typed and entered, shown as a chip, removed from it. */
  {
    GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (view), CLIP_TYPE_ARTICLE_VIEW,
                                                                      "tag_entry"));
    GtkWidget *tags = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), CLIP_TYPE_ARTICLE_VIEW,
                                                                 "tags_box"));
    GtkWidget *remove;

    gtk_editable_set_text (entry, "  Kremlin watch ");
    /* What Enter does. */
    g_signal_emit_by_name (entry, "activate");
    g_assert_true (clip_test_ui_wait (tag_stored, f));
    g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
    g_assert_nonnull (clip_test_ui_find (tags, GTK_TYPE_LABEL, "Kremlin watch"));
    remove = clip_test_ui_find (tags, GTK_TYPE_BUTTON, NULL);
    g_assert_nonnull (remove);
    gtk_widget_activate (remove);
    g_assert_true (clip_test_ui_wait (tag_gone, f));
    g_assert_null (clip_test_ui_find (tags, GTK_TYPE_LABEL, "Kremlin watch"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
full_text_asked_cb (ClipArticleView *view, gint64 id, gint64 *asked)
{
  *asked = id;
}

/* An article whose page was read: the view shows the page's text (not
 * the teaser), says where it came from, highlights a rule's match that
 * is only in the page (at its place in the page's text), warns of an
 * uncertain date, offers the page copy, and asks for the full text. */
static void
test_article_view_page (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  ClipArticleView *view = CLIP_ARTICLE_VIEW (clip_article_view_new ());
  g_autoptr(GPtrArray) rules = clip_store_list_rules (f->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCommands) commands = NULL;
  ClipArticle *teaser = clip_article_new ();
  ClipStoredPage page = { 0 };
  g_autoptr(ClipEvidence) e = g_new0 (ClipEvidence, 1);
  g_autoptr(GBytes) served = g_bytes_new_static ("<html>…</html>", 16);
  const char *text = "The ministers met on Friday.\n\nThey discussed Russian interference in the region.";
  GtkLabel *body, *source, *date;
  ClipArticleBody *shown;
  g_autofree char *shown_text = NULL;
  GtkWidget *get, *save;
  guint at = 0;
  PangoAttrList *attrs;
  g_autoptr(GSList) list = NULL;
  gint64 id, asked = 0;
  gboolean found = FALSE;

  teaser->guid = g_strdup ("teaser");
  teaser->url = g_strdup ("https://example.org/teaser");
  teaser->title = g_strdup ("Ministers meet");
  teaser->summary_text = g_strdup ("Ministers met…");
  teaser->published = g_get_real_time () / G_USEC_PER_SEC - 3600;
  clip_test_list_ingest (f, 0, teaser);
  id = CLIP_TEST_LIST_ARTICLES + 1;
  page.state = CLIP_PAGE_STATE_FETCHED;
  page.text = (char *) text;
  page.html = (char *) "<p>The ministers met on Friday.</p>";
  page.url = (char *) "https://example.org/teaser";
  page.published = CLIP_NO_DATE;
  page.date_candidates = (char *) "[{\"date\":\"2026-11-20T10:00:00Z\",\"source\":\"feed\"},"
                                  "{\"date\":\"2026-11-25T10:00:00Z\",\"source\":\"json-ld\"}]";
  page.date_uncertain = TRUE;
  /* (Its HTML shows the first paragraph only: the view shows the text, so
   * that the match in the second still shows.) The archive's writer
   * matches the page's text with the default rules. */
  g_assert_true (clip_store_save_page (f->store, id, &page, &error));
  g_assert_no_error (error);
  e->article_id = id;
  e->captured = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_true (clip_store_save_evidence (f->store, e, served, &error));
  g_assert_no_error (error);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  commands = clip_commands_open (f->dir, NULL);
  clip_article_view_set_store (view, f->reader, commands);
  clip_article_view_set_rules (view, rules);
  gtk_window_present (GTK_WINDOW (window));
  clip_article_view_show (view, id);
  shown = CLIP_ARTICLE_BODY (gtk_widget_get_template_child (GTK_WIDGET (view), CLIP_TYPE_ARTICLE_VIEW, "body"));
  shown_text = clip_article_body_dup_text (shown);
  body = clip_article_body_find_text (shown, "Russian", &at);
  source = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (view), CLIP_TYPE_ARTICLE_VIEW, "source_label"));
  date = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (view), CLIP_TYPE_ARTICLE_VIEW, "date_label"));
  get = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), CLIP_TYPE_ARTICLE_VIEW, "full_text_button"));
  save = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), CLIP_TYPE_ARTICLE_VIEW, "save_copy_button"));
  g_assert_cmpstr (shown_text, ==, text);
  g_assert_nonnull (body);
  g_assert_cmpstr (gtk_label_get_text (source), ==, "Full text from the page");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (date)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (date), "Date uncertain:"));
  g_assert_nonnull (strstr (gtk_label_get_text (date), "the page"));
  g_assert_true (gtk_widget_get_visible (save));
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "Matched: Russian interference"));
  attrs = gtk_label_get_attributes (body);
  g_assert_nonnull (attrs);
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l; l = l->next)
    found |= ((PangoAttribute *) l->data)->start_index == at;
  g_assert_true (found);
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);

  g_signal_connect (view, "get-full-text", G_CALLBACK (full_text_asked_cb), &asked);
  g_signal_emit_by_name (get, "clicked");
  g_assert_cmpint (asked, ==, id);
  g_assert_false (gtk_widget_get_sensitive (get));

  /* An article with the feed's text only says so. */
  clip_article_view_show (view, 1);
  g_assert_cmpstr (gtk_label_get_text (source), !=, "Full text from the page");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (date)));
  g_assert_false (gtk_widget_get_visible (save));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add ("/ui/list/paging", Fixture, NULL, clip_test_list_set_up, test_paging, clip_test_list_tear_down);
  g_test_add ("/ui/list/sorting", Fixture, NULL, clip_test_list_set_up, test_sorting, clip_test_list_tear_down);
  g_test_add ("/ui/list/reveal-in-steps", Fixture, NULL, clip_test_list_set_up, test_reveal_in_steps,
              clip_test_list_tear_down);
  g_test_add ("/ui/list/reload-while-revealing", Fixture, NULL, clip_test_list_set_up,
              test_reload_while_revealing, clip_test_list_tear_down);
  g_test_add ("/ui/list/insert-while-scrolled", Fixture, NULL, clip_test_list_set_up,
              test_insert_while_scrolled, clip_test_list_tear_down);
  g_test_add ("/ui/list/filter-and-search", Fixture, NULL, clip_test_list_set_up,
              test_filter_and_search, clip_test_list_tear_down);
  g_test_add ("/ui/list/new-view-replaces", Fixture, NULL, clip_test_list_set_up,
              test_new_view_replaces, clip_test_list_tear_down);
  g_test_add ("/ui/list/new-view-in-parts", Fixture, NULL, clip_test_list_set_up,
              test_new_view_in_parts, clip_test_list_tear_down);
  g_test_add ("/ui/list/state-of-held-items", Fixture, NULL, clip_test_list_set_up,
              test_state_of_held_items, clip_test_list_tear_down);
  g_test_add_func ("/ui/highlight", test_highlight);
  g_test_add ("/ui/article-view", Fixture, NULL, clip_test_list_set_up, test_article_view, clip_test_list_tear_down);
  g_test_add ("/ui/article-view-page", Fixture, NULL, clip_test_list_set_up, test_article_view_page,
              clip_test_list_tear_down);
  return g_test_run ();
}

