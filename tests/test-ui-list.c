/* test-ui-list.c — the lazy article list, its table and the reading view:
 * paging, sorting, insertion while scrolled, search, highlighting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "clip-archive.h"
#include "clip-article-list.h"
#include "clip-article-table.h"
#include "clip-article-view.h"
#include "clip-highlight.h"
#include "clip-rules-store.h"
#include "clip-store-listing.h"
#include "clip-test-ui.h"
#include "clip-store-private.h"
#include "clip-test-util.h"

#define N_ARTICLES 500

typedef struct {
  char      *dir;
  ClipStore *store;      /* the writer */
  ClipStore *reader;     /* as the window has it */
  gint64     outlet;
  guint      next;       /* articles made so far */
} Fixture;

static const char *topics[] = { "budget", "harbour", "railway", "vineyard", "theatre" };

static ClipArticle *
make_article (guint i)
{
  ClipArticle *a = clip_article_new ();

  a->guid = g_strdup_printf ("guid-%u", i);
  a->url = g_strdup_printf ("https://example.org/news/%u", i);
  /* Titles sort in another order than ingest: "Report 0499" … */
  a->title = g_strdup_printf ("%s report %04u", topics[i % G_N_ELEMENTS (topics)], (i * 7919) % 10000);
  a->summary_text = g_strdup_printf ("Article %u about the %s.", i, topics[i % G_N_ELEMENTS (topics)]);
  a->summary_html = g_strdup_printf ("<p>%s</p>", a->summary_text);
  a->published = 1700000000 + (gint64) ((i * 37) % N_ARTICLES) * 60;
  return a;
}

static void
ingest (Fixture *f, guint n, ClipArticle *extra)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult result;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (batch, make_article (f->next++));
  if (extra != NULL)
    g_ptr_array_add (batch, extra);
  clip_ingest_result_init (&result);
  g_assert_true (clip_store_ingest (f->store, f->outlet, batch, &result, &error));
  g_assert_no_error (error);
  clip_ingest_result_clear (&result);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipOutlet) o = clip_outlet_new ();

  f->dir = clip_test_ui_data_dir ();
  f->store = clip_archive_open (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  o->url = g_strdup ("https://example.org/feed.xml");
  o->name = g_strdup ("Example Times");
  f->outlet = clip_store_add_outlet (f->store, o, &error);
  g_assert_no_error (error);
  f->reader = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ingest (f, N_ARTICLES, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->reader);
  g_clear_object (&f->store);
  g_free (f->dir);
}

static gboolean
loaded (gpointer list)
{
  return !clip_article_list_is_loading (list);
}

static ClipArticleList *
open_list (Fixture *f, const ClipArticleFilter *filter, const char *search,
           ClipSort sort, gboolean ascending)
{
  ClipArticleList *list = clip_article_list_new (f->reader);

  clip_article_list_set_view (list, filter, search, sort, ascending);
  g_assert_true (clip_article_list_is_loading (list));
  g_assert_true (clip_test_ui_wait (loaded, list));
  return list;
}

static gint64
id_at (ClipArticleList *list, guint i)
{
  g_autoptr(ClipArticleItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

  return clip_article_item_get_id (item);
}

static const char *
title_at (ClipArticleList *list, guint i)
{
  g_autoptr(ClipArticleItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

  g_assert_nonnull (item);
  /* The list keeps its pages, so the string outlives this reference. */
  return clip_article_item_get_title (item);
}

/* Only the pages looked at are read from SQLite. */
static void
test_paging (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) list = open_list (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);
  g_autoptr(ClipArticleItem) first = NULL;
  g_autoptr(ClipArticleItem) last = NULL;
  g_autoptr(ClipArticleItem) again = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ARTICLES);
  g_assert_cmpuint (clip_article_list_get_rows_read (list), ==, 0);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  /* Newest first: the last one ingested. */
  g_assert_cmpstr (clip_article_item_get_outlet_name (first), ==, "Example Times");
  g_assert_nonnull (strstr (clip_article_item_get_title (first), "report"));
  g_assert_false (clip_article_item_get_read (first));
  g_assert_cmpuint (clip_article_list_get_rows_read (list), ==, CLIP_ARTICLE_LIST_PAGE);
  last = g_list_model_get_item (G_LIST_MODEL (list), N_ARTICLES - 1);
  g_assert_cmpuint (clip_article_list_get_rows_read (list), ==,
                    CLIP_ARTICLE_LIST_PAGE + N_ARTICLES % CLIP_ARTICLE_LIST_PAGE);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_ARTICLES));
  /* A page already read is not read again, and gives the same item. */
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == first);
  g_assert_cmpuint (clip_article_list_get_rows_read (list), ==,
                    CLIP_ARTICLE_LIST_PAGE + N_ARTICLES % CLIP_ARTICLE_LIST_PAGE);
  g_assert_cmpint (clip_article_item_get_id (first), >, clip_article_item_get_id (last));
}

static void
test_sorting (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) by_title = open_list (f, NULL, NULL, CLIP_SORT_TITLE, TRUE);
  g_autoptr(ClipArticleList) by_title_desc = open_list (f, NULL, NULL, CLIP_SORT_TITLE, FALSE);
  g_autoptr(ClipArticleList) by_time = open_list (f, NULL, NULL, CLIP_SORT_TIME, TRUE);

  for (guint i = 1; i < N_ARTICLES; i += 37)
    {
      g_assert_cmpint (g_ascii_strcasecmp (title_at (by_title, i - 1), title_at (by_title, i)), <=, 0);
      g_assert_cmpint (g_ascii_strcasecmp (title_at (by_title_desc, i - 1),
                                           title_at (by_title_desc, i)), >=, 0);
    }
  g_assert_cmpstr (title_at (by_title, 0), ==, title_at (by_title_desc, N_ARTICLES - 1));
  for (guint i = 1; i < N_ARTICLES; i++)
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
  g_autoptr(ClipArticleList) list = open_list (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);
  g_autoptr(ClipArticleItem) was_first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_autoptr(ClipArticleItem) was_300 = g_list_model_get_item (G_LIST_MODEL (list), 300);
  g_autoptr(ClipArticleItem) now_first = NULL;
  g_autoptr(ClipArticleItem) now_303 = NULL;
  Changes c = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &c);
  ingest (f, 3, NULL);
  clip_article_list_reload (list);
  g_assert_true (clip_test_ui_wait (loaded, list));
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (c.position, ==, 0);
  g_assert_cmpuint (c.removed, ==, 0);
  g_assert_cmpuint (c.added, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ARTICLES + 3);
  now_303 = g_list_model_get_item (G_LIST_MODEL (list), 303);
  g_assert_cmpint (clip_article_item_get_id (now_303), ==, clip_article_item_get_id (was_300));
  now_first = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_cmpint (clip_article_item_get_id (now_first), ==, clip_article_item_get_id (was_first));
  g_assert_cmpuint (clip_article_list_find (list, clip_article_item_get_id (was_300)), ==, 303);

  /* Nothing new: nothing changes. */
  c.calls = 0;
  clip_article_list_reload (list);
  g_assert_true (clip_test_ui_wait (loaded, list));
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
  r->first_when_fresh = r->n_when_fresh ? id_at (list, 0) : 0;
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
  g_autoptr(ClipArticleList) list = open_list (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);
  gint64 first = id_at (list, 0);
  Recorder r = { 0 };
  Changes *c;

  recorder_watch (&r, list);
  r.old_first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  clip_article_list_set_view (list, filter, search, sort, sort != CLIP_SORT_NEWEST);
  /* Asked for, not read yet: the old rows are all still there. */
  g_assert_true (clip_article_list_is_loading (list));
  g_assert_true (clip_article_list_is_stale (list));
  g_assert_cmpuint (r.changes->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ARTICLES);
  g_assert_cmpint (id_at (list, 0), ==, first);
  g_assert_true (clip_test_ui_wait (loaded, list));

  g_assert_false (clip_article_list_is_stale (list));
  /* Right up to the replacement. */
  g_assert_cmpuint (r.n_when_fresh, ==, N_ARTICLES);
  g_assert_cmpint (r.first_when_fresh, ==, first);
  if (expected == 0)
    {
      g_assert_cmpuint (r.changes->len, ==, 1);
      c = &g_array_index (r.changes, Changes, 0);
      g_assert_cmpuint (c->position, ==, 0);
      g_assert_cmpuint (c->removed, ==, N_ARTICLES);
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
      g_assert_cmpuint (c->removed, ==, N_ARTICLES);
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
  new_view_replaces (f, NULL, "vineyard", CLIP_SORT_NEWEST, N_ARTICLES / 5);
  new_view_replaces (f, &unread, "budget OR harbour", CLIP_SORT_TITLE, 2 * N_ARTICLES / 5);
  new_view_replaces (f, NULL, "zeppelin", CLIP_SORT_NEWEST, 0);
}

/* A search with many results: the first part replaces the old rows, the
 * rest follow it, each once and in order. */
static void
test_new_view_in_parts (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) list = open_list (f, &(ClipArticleFilter) { .unread_only = TRUE }, NULL,
                                               CLIP_SORT_NEWEST, FALSE);
  Recorder r = { 0 };
  guint total = 0;

  ingest (f, 1000, NULL);
  clip_article_list_reload (list);
  g_assert_true (clip_test_ui_wait (loaded, list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ARTICLES + 1000);
  recorder_watch (&r, list);
  clip_article_list_set_view (list, NULL, "report", CLIP_SORT_NEWEST, FALSE);
  g_assert_true (clip_test_ui_wait (loaded, list));
  /* The first part in, the old rows out, the other parts after it. */
  g_assert_cmpuint (r.changes->len, >=, 3);
  for (guint i = 0; i < r.changes->len; i++)
    {
      Changes *c = &g_array_index (r.changes, Changes, i);

      g_assert_cmpuint (c->position, ==, total);
      if (i == 1)
        {
          g_assert_cmpuint (c->removed, ==, N_ARTICLES + 1000);
          g_assert_cmpuint (c->added, ==, 0);
          continue;
        }
      g_assert_cmpuint (c->removed, ==, 0);
      g_assert_cmpuint (c->added, >, 0);
      total += c->added;
    }
  g_assert_cmpuint (total, ==, N_ARTICLES + 1000);
  for (guint i = 1; i < total; i++)
    g_assert_cmpint (id_at (list, i - 1), >, id_at (list, i));
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
  ingest (f, 0, seed);
  /* Two articles that are not about vineyards (topics[i % 5]) are read. */
  g_assert_true (clip_store_set_read (f->store, id_of (f, "guid-0"), TRUE, NULL));
  g_assert_true (clip_store_set_read (f->store, id_of (f, "guid-1"), TRUE, NULL));

  list = open_list (f, &unread, NULL, CLIP_SORT_NEWEST, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ARTICLES + 1 - 2);
  g_clear_object (&list);
  list = open_list (f, NULL, "\"Russian interference\"", CLIP_SORT_NEWEST, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpstr (title_at (list, 0), ==, "Stoltenberg on Georgia");
  /* The default rule flagged it as it was stored: its chip's rule. */
  {
    g_autoptr(ClipArticleItem) item = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_nonnull (clip_article_item_get_rule_ids (item));
  }
  /* A search within a filter keeps the filter's order. */
  vineyards = open_list (f, &unread, "vineyard", CLIP_SORT_TITLE, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vineyards)), ==, N_ARTICLES / 5);
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (vineyards)); i++)
    g_assert_cmpint (g_ascii_strcasecmp (title_at (vineyards, i - 1), title_at (vineyards, i)), <=, 0);

  /* Many results arrive in parts, newest first, each once. */
  g_clear_object (&list);
  list = open_list (f, NULL, "report", CLIP_SORT_NEWEST, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ARTICLES);
  for (guint i = 1; i < N_ARTICLES; i++)
    g_assert_cmpint (id_at (list, i - 1), >, id_at (list, i));

  bad = clip_article_list_new (f->reader);
  g_signal_connect (bad, "failed", G_CALLBACK (failed_cb), &message);
  clip_article_list_set_view (bad, NULL, "(budget OR", CLIP_SORT_NEWEST, FALSE);
  g_assert_true (clip_test_ui_wait (loaded, bad));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "column"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bad)), ==, 0);
}

/* Spans → attributes, in bytes, over multi-byte text; spans off character
 * boundaries or outside the text are dropped. */
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
      "{\"field\":\"body\",\"start\":0,\"end\":9999}]",
      (int) (ka - text), (int) (ka - text + strlen ("რუსეთის")),
      (int) (ru - text), (int) (ru - text + strlen ("Russian interference")));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (ClipHighlightSpan));
  g_autoptr(GHashTable) colors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autoptr(GSList) list = NULL;
  g_autofree char *words = NULL;
  gint64 rule = 7;
  GdkRGBA yellow = { 1, 0.9, 0.2, 1 };

  clip_highlight_parse (json, "body", rule, text, spans);
  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpuint (g_array_index (spans, ClipHighlightSpan, 0).start, ==, ka - text);
  words = clip_highlight_words (text, spans, rule);
  g_assert_cmpstr (words, ==, "რუსეთის, Russian interference");

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
  clip_highlight_parse ("{\"not\":\"a list\"}", "body", rule, text, spans);
  clip_highlight_parse ("[{\"field\":\"body\",\"start\":\"x\"}]", "body", rule, text, spans);
  clip_highlight_parse ("not json", "body", rule, text, spans);
  g_assert_cmpuint (spans->len, ==, 0);
}

static void
sort_changed_cb (ClipArticleTable *table, guint *calls)
{
  (*calls)++;
}

/* Clicking a column header asks for that order (sorting is SQL's job). */
static void
test_table_sort (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  ClipArticleTable *table = CLIP_ARTICLE_TABLE (clip_article_table_new ());
  g_autoptr(ClipArticleList) list = open_list (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (table), CLIP_TYPE_ARTICLE_TABLE, "view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (columns, 2);
  g_autoptr(GtkColumnViewColumn) time = g_list_model_get_item (columns, 0);
  gboolean ascending;
  guint calls = 0;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  clip_article_table_set_model (table, list);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (table, "sort-changed", G_CALLBACK (sort_changed_cb), &calls);
  g_assert_cmpint (clip_article_table_get_sort (table, &ascending), ==, CLIP_SORT_NEWEST);

  gtk_column_view_sort_by_column (view, title, GTK_SORT_ASCENDING);
  g_assert_cmpuint (calls, >=, 1);
  g_assert_cmpint (clip_article_table_get_sort (table, &ascending), ==, CLIP_SORT_TITLE);
  g_assert_true (ascending);
  gtk_column_view_sort_by_column (view, title, GTK_SORT_DESCENDING);
  g_assert_cmpint (clip_article_table_get_sort (table, &ascending), ==, CLIP_SORT_TITLE);
  g_assert_false (ascending);
  gtk_column_view_sort_by_column (view, time, GTK_SORT_DESCENDING);
  g_assert_cmpint (clip_article_table_get_sort (table, &ascending), ==, CLIP_SORT_TIME);
  g_assert_false (ascending);
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  g_assert_cmpint (clip_article_table_get_sort (table, &ascending), ==, CLIP_SORT_NEWEST);

  /* j/k move the selection, and stop at the ends. */
  clip_article_table_select (table, 0);
  clip_article_table_move (table, 1);
  g_assert_cmpint (clip_article_item_get_id (clip_article_table_get_selected (table)), ==, id_at (list, 1));
  clip_article_table_move (table, -1);
  clip_article_table_move (table, -1);
  g_assert_cmpint (clip_article_item_get_id (clip_article_table_get_selected (table)), ==, id_at (list, 0));
  clip_article_table_move (table, N_ARTICLES * 2);
  g_assert_cmpint (clip_article_item_get_id (clip_article_table_get_selected (table)), ==,
                   id_at (list, N_ARTICLES - 1));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
tag_stored (gpointer data)
{
  Fixture *f = data;
  g_auto(GStrv) tags = NULL;

  clip_store_release_snapshot (f->store);
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

  clip_store_release_snapshot (f->store);
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
  ingest (f, 0, seed);
  seed_id = N_ARTICLES + 1;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  clip_article_view_set_store (view, f->reader);
  clip_article_view_set_rules (view, rules);
  gtk_window_present (GTK_WINDOW (window));
  clip_article_view_show (view, seed_id);
  g_assert_nonnull (clip_article_view_get_article (view));
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "Russian interference"));
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "Matched: Russian interference"));
  body = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (view), CLIP_TYPE_ARTICLE_VIEW, "body_label"));
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

/* A feed item with no title: the table shows a placeholder. */
static ClipArticle *
untitled_article (void)
{
  ClipArticle *untitled = clip_article_new ();

  untitled->guid = g_strdup ("untitled");
  untitled->url = g_strdup ("https://example.org/untitled");
  untitled->title = g_strdup ("");
  untitled->summary_text = g_strdup ("A feed item with no title.");
  untitled->published = 1800000000;
  return untitled;
}

static gboolean
table_narrow (gpointer table)
{
  return clip_article_table_get_narrow (table);
}

static gboolean
table_shows_rows (gpointer table)
{
  return clip_test_ui_find (table, GTK_TYPE_INSCRIPTION, "Untitled") != NULL &&
         gtk_widget_get_width (clip_test_ui_find (table, GTK_TYPE_INSCRIPTION, "Untitled")) > 0;
}

static GtkWidget *
table_window (Fixture *f, int width, ClipArticleTable **table_out, ClipArticleList **list_out)
{
  GtkWidget *window = gtk_window_new ();
  ClipArticleTable *table = CLIP_ARTICLE_TABLE (clip_article_table_new ());
  ClipArticleList *list = open_list (f, NULL, NULL, CLIP_SORT_NEWEST, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  clip_article_table_set_model (table, list);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (clip_test_ui_wait (table_shows_rows, table));
  *table_out = table;
  *list_out = list;
  return window;
}

/* The title takes the spare width; time and outlet keep theirs, the time
 * whole; an untitled article says so; a narrow table keeps time and title. */
static void
test_table_layout (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipArticleList) list = NULL;
  g_autoptr(ClipArticleList) narrow_list = NULL;
  ClipArticleTable *table, *narrow;
  GtkWidget *window, *narrow_window, *title, *time, *outlet, *placeholder;
  GListModel *columns;

  ingest (f, 0, untitled_article ());

  window = table_window (f, 1400, &table, &list);
  g_assert_false (clip_article_table_get_narrow (table));
  placeholder = clip_test_ui_find (GTK_WIDGET (table), GTK_TYPE_INSCRIPTION, "Untitled");
  g_assert_true (gtk_widget_has_css_class (placeholder, "dim-label"));
  title = clip_test_ui_find (GTK_WIDGET (table), GTK_TYPE_INSCRIPTION, title_at (list, 1));
  /* Row → cells (time, outlet, title, rules) → their child. */
  time = gtk_widget_get_first_child (gtk_widget_get_prev_sibling (
           gtk_widget_get_prev_sibling (gtk_widget_get_parent (placeholder))));
  outlet = clip_test_ui_find (GTK_WIDGET (table), GTK_TYPE_INSCRIPTION, "Example Times");
  g_assert_nonnull (title);
  g_assert_nonnull (outlet);
  g_assert_true (GTK_IS_INSCRIPTION (time));
  /* A title's full text shows as its tooltip; the placeholder has none. */
  {
    GtkTooltip *tip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    gboolean shown = FALSE;

    g_assert_true (gtk_widget_get_has_tooltip (title));
    g_signal_emit_by_name (title, "query-tooltip", 1, 1, FALSE, tip, &shown);
    g_assert_true (shown);
    g_assert_false (gtk_widget_get_has_tooltip (placeholder));
    g_object_unref (tip);
  }
  /* The whole time fits its cell: cells are sized in characters, not by
   * their text, so this is the width the text needs against the one it got. */
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (time, gtk_inscription_get_text (GTK_INSCRIPTION (time)));
    g_autoptr(PangoAttrList) bold = pango_attr_list_new ();
    gint64 now = 1700000000;   /* 14 Nov 2023 */
    int width;

    g_assert_cmpuint (strlen (gtk_inscription_get_text (GTK_INSCRIPTION (time))), >=, 11);
    pango_layout_get_pixel_size (layout, &width, NULL);
    g_assert_cmpint (width, <=, gtk_widget_get_width (time));
    /* Nor does the longest, this year's "29 Oct 22:48", in bold (unread). */
    pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
    pango_layout_set_attributes (layout, bold);
    for (gint64 t = now - 86400 * 16; t > now - 86400 * 400; t -= 86400 * 30)
      {
        g_autofree char *text = clip_article_item_format_time (t, now);

        pango_layout_set_text (layout, text, -1);
        pango_layout_get_pixel_size (layout, &width, NULL);
        g_assert_cmpint (width, <=, gtk_widget_get_width (time));
      }
  }
  g_assert_cmpint (gtk_widget_get_width (title), >, 1400 / 2);
  g_assert_cmpint (gtk_widget_get_width (title), >, 2 * gtk_widget_get_width (outlet));
  g_assert_cmpint (gtk_widget_get_width (outlet), <, 200);
  g_assert_cmpint (gtk_widget_get_width (time), <, 140);

  /* Phone width: the outlet steps aside, the title still gets most. */
  narrow_window = table_window (f, 360, &narrow, &narrow_list);
  g_assert_true (clip_test_ui_wait (table_narrow, narrow));
  clip_test_ui_spin (200);
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (narrow), CLIP_TYPE_ARTICLE_TABLE, "view")));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, i);
      const char *name = gtk_column_view_column_get_title (col);

      /* The outlet steps aside; rules stay, untitled, as dots. */
      g_assert_cmpint (gtk_column_view_column_get_visible (col), ==, g_strcmp0 (name, "Outlet") != 0);
      g_assert_true (name == NULL || g_str_equal (name, "Time") || g_str_equal (name, "Title") ||
                     g_str_equal (name, "Outlet"));
    }
  title = clip_test_ui_find (GTK_WIDGET (narrow), GTK_TYPE_INSCRIPTION, title_at (narrow_list, 1));
  g_assert_nonnull (title);
  g_assert_cmpint (gtk_widget_get_width (title), >, 360 / 2);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (narrow)), <=, 360);

  /* The reading view says it too. */
  {
    ClipArticleView *view = CLIP_ARTICLE_VIEW (clip_article_view_new ());
    GtkWidget *label;

    gtk_window_set_child (GTK_WINDOW (narrow_window), GTK_WIDGET (view));
    clip_article_view_set_store (view, f->reader);
    clip_article_view_show (view, N_ARTICLES + 1);
    label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), CLIP_TYPE_ARTICLE_VIEW, "title_label"));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Untitled");
    g_assert_true (gtk_widget_has_css_class (label, "dim-label"));
    clip_article_view_show (view, 1);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "budget report 0000");
    g_assert_false (gtk_widget_has_css_class (label, "dim-label"));
  }

  gtk_window_destroy (GTK_WINDOW (narrow_window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkAdjustment *
table_vadjustment (ClipArticleTable *table)
{
  GtkWidget *scroller = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (table), CLIP_TYPE_ARTICLE_TABLE,
                                                                    "scroller"));

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

static gboolean
scrolled_down (gpointer table)
{
  return gtk_adjustment_get_value (table_vadjustment (table)) > 1000;
}

static gboolean
at_top (gpointer table)
{
  return gtk_adjustment_get_value (table_vadjustment (table)) == 0;
}

/* The table's cell showing text, drawn (allocated) on screen. */
static gboolean
shows_text (ClipArticleTable *table, const char *text)
{
  GtkWidget *cell = clip_test_ui_find (GTK_WIDGET (table), GTK_TYPE_INSCRIPTION, text);

  return cell != NULL && gtk_widget_get_mapped (cell) && gtk_widget_get_width (cell) > 0;
}

static const char *
stack_page (ClipArticleTable *table)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (table), CLIP_TYPE_ARTICLE_TABLE, "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

/* Cell widgets made before now carry a mark. */
static void
mark_cells (GtkWidget *widget)
{
  if (GTK_IS_INSCRIPTION (widget))
    g_object_set_data (G_OBJECT (widget), "test-made-before", GINT_TO_POINTER (TRUE));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    mark_cells (c);
}

static void
count_cells (GtkWidget *widget, guint *shown, guint *made_before)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget))
    {
      (*shown)++;
      *made_before += g_object_get_data (G_OBJECT (widget), "test-made-before") != NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    count_cells (c, shown, made_before);
}

static void
selection_cb (ClipArticleTable *table, guint *calls)
{
  (*calls)++;
}

/* A refresh keeps the scroll position and the selection; a new search
 * shows the old rows until its own replace them, then starts at its top
 * with nothing selected (the reading view is not told to close); a
 * search that finds nothing says so. */
static void
test_table_new_view (Fixture *f, gconstpointer data)
{
  ClipArticleTable *table;
  g_autoptr(ClipArticleList) list = NULL;
  GtkWidget *window;
  g_autofree char *old_title = NULL;
  gint64 selected;
  guint selections = 0;

  ingest (f, 0, untitled_article ());
  window = table_window (f, 1000, &table, &list);

  clip_article_table_select (table, 300);
  g_assert_true (clip_test_ui_wait (scrolled_down, table));
  selected = clip_article_item_get_id (clip_article_table_get_selected (table));
  old_title = g_strdup (title_at (list, 300));
  g_assert_true (shows_text (table, old_title));

  ingest (f, 3, NULL);
  clip_article_list_reload (list);
  g_assert_true (clip_test_ui_wait (loaded, list));
  clip_test_ui_spin (100);
  g_assert_cmpint (clip_article_item_get_id (clip_article_table_get_selected (table)), ==, selected);
  g_assert_cmpuint (clip_article_list_find (list, selected), ==, 303);
  g_assert_true (scrolled_down (table));
  g_assert_true (shows_text (table, old_title));

  g_signal_connect (table, "selection-changed", G_CALLBACK (selection_cb), &selections);
  mark_cells (GTK_WIDGET (table));
  clip_article_list_set_view (list, NULL, "vineyard", CLIP_SORT_NEWEST, FALSE);
  g_assert_true (clip_article_list_is_stale (list));
  g_assert_cmpstr (stack_page (table), ==, "list");
  g_assert_true (shows_text (table, old_title));
  g_assert_nonnull (clip_article_table_get_selected (table));
  g_assert_true (clip_test_ui_wait (loaded, list));
  g_assert_true (clip_test_ui_wait (at_top, table));
  g_assert_null (clip_article_table_get_selected (table));
  g_assert_cmpuint (selections, ==, 0);
  clip_test_ui_spin (100);
  g_assert_true (shows_text (table, title_at (list, 0)));
  g_assert_nonnull (strstr (title_at (list, 0), "vineyard"));
  /* The rows on screen are the old row widgets, given the new rows (GTK
   * destroyed and rebuilt them all when the rows were replaced at once). */
  {
    guint shown = 0, made_before = 0;

    count_cells (GTK_WIDGET (table), &shown, &made_before);
    g_assert_cmpuint (shown, >, 30);
    g_assert_cmpuint (made_before, ==, shown);
  }
  g_assert_false (shows_text (table, old_title) && strstr (old_title, "vineyard") == NULL);
  g_assert_cmpstr (stack_page (table), ==, "list");

  clip_article_list_set_view (list, NULL, "zeppelin", CLIP_SORT_NEWEST, FALSE);
  g_assert_true (clip_test_ui_wait (loaded, list));
  clip_test_ui_spin (50);
  g_assert_cmpstr (stack_page (table), ==, "empty");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The chips GTK's recycled cells show: in every row on screen, the rule's
 * chip if and only if the row's article is one the rule flagged. Row →
 * cells (time, outlet, title, rules) → their child; chips in a box. */
static guint
check_chips (GtkWidget *widget, const char *flagged_prefix, const char *rule)
{
  guint checked = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "clip-chip") &&
      !gtk_widget_has_css_class (widget, "clip-chip-more"))
    {
      GtkWidget *cell = gtk_widget_get_parent (gtk_widget_get_parent (widget));
      GtkWidget *row = gtk_widget_get_parent (cell);
      GtkWidget *title_cell = gtk_widget_get_prev_sibling (cell);   /* the outlet's may be hidden */
      const char *title = gtk_inscription_get_text (GTK_INSCRIPTION (gtk_widget_get_first_child (title_cell)));

      if (!gtk_widget_get_mapped (row))
        return 0;
      g_assert_cmpint (gtk_widget_get_visible (widget), ==, g_str_has_prefix (title, flagged_prefix));
      /* A narrow table shows a dot of the rule's colour, named by its
       * tooltip; a wide one the name. */
      if (gtk_widget_get_visible (widget))
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==,
                         gtk_widget_has_css_class (widget, "clip-chip-dot") ? "" : rule);
      if (gtk_widget_get_visible (widget))
        g_assert_cmpstr (g_object_get_data (G_OBJECT (widget), "clip-tooltip"), ==, rule);
      return 1;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    checked += check_chips (c, flagged_prefix, rule);
  return checked;
}

static gboolean
selected_shown (gpointer table)
{
  ClipArticleItem *item = clip_article_table_get_selected (table);
  const char *title = clip_article_item_get_title (item);

  return shows_text (table, *title ? title : "Untitled");
}

/* A rule's dot on screen, in a narrow table. */
static GtkWidget *
shown_dot (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "clip-chip-dot") && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = shown_dot (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* More than ten rows on screen (and their chips as they should be). */
static gboolean
rows_mapped (gpointer table)
{
  return check_chips (table, "Stoltenberg", "Russian interference") > 10;
}

static void
test_table_chips (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) rules = clip_store_list_rules (f->store, NULL);
  ClipArticleTable *table;
  g_autoptr(ClipArticleList) list = NULL;
  GtkWidget *window, *chip;
  guint n;

  /* One article in ten is about Russian interference. */
  for (guint i = 0; i < 30; i++)
    {
      ClipArticle *seed = clip_article_new ();

      seed->guid = g_strdup_printf ("seed-%u", i);
      seed->url = g_strdup_printf ("https://example.org/seed/%u", i);
      seed->title = g_strdup_printf ("Stoltenberg on Georgia, part %u", i);
      seed->summary_text = g_strdup ("We know that these partners are a subject of Russian interference.");
      seed->published = 1700000000 + i;
      ingest (f, 9, seed);
    }
  ingest (f, 0, untitled_article ());
  window = table_window (f, 1000, &table, &list);
  clip_article_table_set_rules (table, rules);
  clip_test_ui_spin (100);

  chip = clip_test_ui_find (GTK_WIDGET (table), GTK_TYPE_LABEL, "Russian interference");
  g_assert_nonnull (chip);
  for (guint i = 0; i < rules->len; i++)
    {
      const ClipRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *klass = clip_article_table_rule_class (rule->id);

      g_assert_cmpint (gtk_widget_has_css_class (chip, klass), ==, g_str_equal (rule->name, "Russian interference"));
    }
  g_assert_true (rows_mapped (table));

  /* To the end, the middle and back: cells are given other rows. */
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < 4; i++)
    {
      guint to[] = { n - 1, n / 2, n / 4, 0 };

      clip_article_table_select (table, to[i]);
      g_assert_true (clip_test_ui_wait (selected_shown, table));
      g_assert_true (clip_test_ui_wait (rows_mapped, table));
    }
  gtk_window_destroy (GTK_WINDOW (window));

  /* Narrow: the rules stay, as dots. */
  g_clear_object (&list);
  window = table_window (f, 420, &table, &list);
  clip_article_table_set_rules (table, rules);
  g_assert_true (clip_test_ui_wait (table_narrow, table));
  g_assert_true (clip_test_ui_wait (rows_mapped, table));
  clip_test_ui_spin (100);
  chip = shown_dot (GTK_WIDGET (table));
  g_assert_nonnull (chip);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (chip), "clip-tooltip"), ==, "Russian interference");
  g_assert_cmpint (gtk_widget_get_width (chip), <, 20);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 77;
    }
  g_test_add ("/ui/list/paging", Fixture, NULL, fixture_set_up, test_paging, fixture_tear_down);
  g_test_add ("/ui/list/sorting", Fixture, NULL, fixture_set_up, test_sorting, fixture_tear_down);
  g_test_add ("/ui/list/insert-while-scrolled", Fixture, NULL, fixture_set_up,
              test_insert_while_scrolled, fixture_tear_down);
  g_test_add ("/ui/list/filter-and-search", Fixture, NULL, fixture_set_up,
              test_filter_and_search, fixture_tear_down);
  g_test_add ("/ui/list/new-view-replaces", Fixture, NULL, fixture_set_up,
              test_new_view_replaces, fixture_tear_down);
  g_test_add ("/ui/list/new-view-in-parts", Fixture, NULL, fixture_set_up,
              test_new_view_in_parts, fixture_tear_down);
  g_test_add_func ("/ui/highlight", test_highlight);
  g_test_add ("/ui/table/sort", Fixture, NULL, fixture_set_up, test_table_sort, fixture_tear_down);
  g_test_add ("/ui/table/layout", Fixture, NULL, fixture_set_up, test_table_layout, fixture_tear_down);
  g_test_add ("/ui/table/new-view", Fixture, NULL, fixture_set_up, test_table_new_view, fixture_tear_down);
  g_test_add ("/ui/table/chips", Fixture, NULL, fixture_set_up, test_table_chips, fixture_tear_down);
  g_test_add ("/ui/article-view", Fixture, NULL, fixture_set_up, test_article_view, fixture_tear_down);
  return g_test_run ();
}
