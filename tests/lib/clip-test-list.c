/* clip-test-list.c — an archive of generated articles for the article
 * list, table and reading view tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-archive.h"
#include "clip-store-sql.h"
#include "clip-test-list.h"
#include "clip-test-ui.h"


static const char *topics[] = { "budget", "harbour", "railway", "vineyard", "theatre" };

static ClipArticle *
clip_test_list_article (guint i)
{
  ClipArticle *a = clip_article_new ();

  a->guid = g_strdup_printf ("guid-%u", i);
  a->url = g_strdup_printf ("https://example.org/news/%u", i);
  /* Titles sort in another order than clip_test_list_ingest: "Report 0499" … */
  a->title = g_strdup_printf ("%s report %04u", topics[i % G_N_ELEMENTS (topics)], (i * 7919) % 10000);
  a->summary_text = g_strdup_printf ("Article %u about the %s.", i, topics[i % G_N_ELEMENTS (topics)]);
  a->summary_html = g_strdup_printf ("<p>%s</p>", a->summary_text);
  /* The first ones arrive out of time order, as a new outlet's back
   * catalogue does; those ingested later are news, newer than them all. */
  if (i < CLIP_TEST_LIST_ARTICLES)
    a->published = 1700000000 + (gint64) ((i * 37) % CLIP_TEST_LIST_ARTICLES) * 60;
  else
    a->published = 1700000000 + (gint64) i * 60;
  return a;
}

void
clip_test_list_ingest (Fixture *f, guint n, ClipArticle *extra)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult result;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (batch, clip_test_list_article (f->next++));
  if (extra != NULL)
    g_ptr_array_add (batch, extra);
  clip_ingest_result_init (&result);
  g_assert_true (clip_store_ingest (f->store, f->outlet, batch, &result, &error));
  g_assert_no_error (error);
  clip_ingest_result_clear (&result);
}

void
clip_test_list_set_up (Fixture *f, gconstpointer data)
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
  clip_test_list_ingest (f, CLIP_TEST_LIST_ARTICLES, NULL);
}

void
clip_test_list_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->reader);
  g_clear_object (&f->store);
  g_free (f->dir);
}

gboolean
clip_test_list_loaded (gpointer list)
{
  return !clip_article_list_is_loading (list);
}

ClipArticleList *
clip_test_list_open (Fixture *f, const ClipArticleFilter *filter, const char *search,
           ClipSort sort, gboolean ascending)
{
  ClipArticleList *list = clip_article_list_new (f->reader);

  clip_article_list_set_view (list, filter, search, sort, ascending);
  g_assert_true (clip_article_list_is_loading (list));
  g_assert_true (clip_test_ui_wait (clip_test_list_loaded, list));
  return list;
}

gint64
clip_test_list_id_at (ClipArticleList *list, guint i)
{
  g_autoptr(ClipArticleItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

  return clip_article_item_get_id (item);
}

const char *
clip_test_list_title_at (ClipArticleList *list, guint i)
{
  g_autoptr(ClipArticleItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

  g_assert_nonnull (item);
  /* The list keeps its pages, so the string outlives this reference. */
  return clip_article_item_get_title (item);
}

ClipArticle *
clip_test_list_untitled (void)
{
  ClipArticle *untitled = clip_article_new ();

  untitled->guid = g_strdup ("untitled");
  untitled->url = g_strdup ("https://example.org/untitled");
  untitled->title = g_strdup ("");
  untitled->summary_text = g_strdup ("A feed item with no title.");
  untitled->published = 1750000000;   /* June 2025: the newest, not in the future */
  return untitled;
}
