/* clip-test-stories.c — a labelled set of articles, loaded and scored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-store-sql.h"
#include "clip-test-stories.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <math.h>

static void
labelled_free (gpointer p)
{
  ClipTestLabelled *a = p;

  g_free (a->key);
  g_free (a->story);
  g_free (a->outlet);
  g_free (a->lang);
  g_free (a->title);
  g_free (a->text);
  g_free (a->url);
  g_free (a->copy_of);
  g_free (a->recycled_from);
  g_free (a);
}

void
clip_test_set_free (ClipTestSet *set)
{
  g_ptr_array_unref (set->articles);
  g_ptr_array_unref (set->outlets);
  g_hash_table_unref (set->by_key);
  g_hash_table_unref (set->by_id);
  g_free (set);
}

static char *
dup_member (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n && JSON_NODE_HOLDS_VALUE (n) ? g_strdup (json_node_get_string (n)) : NULL;
}

static gint64
parse_time (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

ClipTestSet *
clip_test_set_load (void)
{
  const char *env = g_getenv ("CLIPPINGS_STORIES_SET");
  g_autofree char *path = env && *env ? g_strdup (env) : clip_test_data_path ("stories/labelled.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  ClipTestSet *set = g_new0 (ClipTestSet, 1);
  JsonObject *root;
  JsonArray *arr;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  set->articles = g_ptr_array_new_with_free_func (labelled_free);
  set->outlets = g_ptr_array_new_with_free_func (g_free);
  set->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  set->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  arr = json_object_get_array_member (root, "articles");
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);
      ClipTestLabelled *a = g_new0 (ClipTestLabelled, 1);
      g_autofree char *when = dup_member (o, "published");

      a->key = dup_member (o, "id");
      a->story = dup_member (o, "story");
      a->outlet = dup_member (o, "outlet");
      a->lang = dup_member (o, "lang");
      a->title = dup_member (o, "title");
      a->text = dup_member (o, "text");
      a->url = dup_member (o, "url");
      a->copy_of = dup_member (o, "copy_of");
      a->recycled_from = dup_member (o, "recycled_from");
      a->published = parse_time (when);
      g_ptr_array_add (set->articles, a);
      g_hash_table_insert (set->by_key, a->key, a);
    }
  arr = json_object_get_array_member (root, "outlets");
  for (guint i = 0; i < json_array_get_length (arr); i++)
    g_ptr_array_add (set->outlets,
                     dup_member (json_array_get_object_element (arr, i), "name"));
  return set;
}

static ClipArticle *
to_article (const ClipTestLabelled *l)
{
  ClipArticle *a = clip_article_new ();

  a->guid = g_strdup (l->key);
  a->url = g_strdup (l->url);
  a->title = g_strdup (l->title);
  a->summary_text = g_strdup (l->text);
  a->summary_html = g_markup_escape_text (l->text, -1);
  a->lang = g_strdup (l->lang);
  a->published = l->published;
  return a;
}

static void
ingest (ClipTestSet *set, ClipStore *store, gint64 outlet, GPtrArray *batch)
{
  g_autoptr(GError) error = NULL;
  ClipIngestResult r;

  clip_ingest_result_init (&r);
  g_assert_true (clip_store_ingest (store, outlet, batch, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.added, ==, batch->len);
  clip_ingest_result_clear (&r);
  /* Ids back by guid (the batch is stored oldest first, not in order). */
  for (guint i = 0; i < batch->len; i++)
    {
      const ClipArticle *a = g_ptr_array_index (batch, i);
      sqlite3_stmt *stmt = clip_store_prepare (store,
          "SELECT id FROM articles WHERE outlet_id = ? AND guid = ?", NULL);
      ClipTestLabelled *l = g_hash_table_lookup (set->by_key, a->guid);

      sqlite3_bind_int64 (stmt, 1, outlet);
      sqlite3_bind_text (stmt, 2, a->guid, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      l->id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      g_hash_table_insert (set->by_id, g_memdup2 (&l->id, sizeof l->id), l);
    }
}

static guint
outlet_index (ClipTestSet *set, const char *name)
{
  for (guint k = 0; k < set->outlets->len; k++)
    if (g_strcmp0 (g_ptr_array_index (set->outlets, k), name) == 0)
      return k;
  g_error ("the set has no outlet %s", name);
}

void
clip_test_set_ingest (ClipTestSet  *set,
                      ClipStore    *store,
                      ClipTestOrder order)
{
  g_autoptr(GArray) outlet_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < set->outlets->len; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://outlet%u.example/feed", i);
      ClipOutlet o = { .url = url, .name = g_ptr_array_index (set->outlets, i), .enabled = TRUE,
                       .interval = 900, .group = (char *) (i % 2 ? "odd" : "even") };
      g_autoptr(GError) error = NULL;
      gint64 id = clip_store_add_outlet (store, &o, &error);

      g_assert_no_error (error);
      g_array_append_val (outlet_ids, id);
    }
  for (guint o = 0; o < (order == CLIP_TEST_ORDER_TIME ? 1 : set->outlets->len); o++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);

      for (guint i = 0; i < set->articles->len; i++)
        {
          ClipTestLabelled *l = g_ptr_array_index (set->articles, i);
          guint k = outlet_index (set, l->outlet);

          if (order == CLIP_TEST_ORDER_TIME)
            {
              g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);

              g_ptr_array_add (one, to_article (l));
              ingest (set, store, g_array_index (outlet_ids, gint64, k), one);
            }
          else if (k == o)
            g_ptr_array_add (batch, to_article (l));
        }
      if (batch->len)
        ingest (set, store, g_array_index (outlet_ids, gint64, o), batch);
    }
}

/* The archive's view of each article: story, copy_of, recycled_from. */
typedef struct {
  gint64 story, copy_of, recycled;
} Found;

static GHashTable *
read_found (ClipTestSet *set, ClipStore *store)
{
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT article_id, coalesce(story_id, 0), coalesce(copy_of, 0), "
      "coalesce(recycled_from, 0) FROM story_articles", NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      ClipTestLabelled *l = g_hash_table_lookup (set->by_id, &id);
      Found *f = g_new0 (Found, 1);

      g_assert_nonnull (l);
      f->story = sqlite3_column_int64 (stmt, 1);
      f->copy_of = sqlite3_column_int64 (stmt, 2);
      f->recycled = sqlite3_column_int64 (stmt, 3);
      g_hash_table_insert (found, l->key, f);
    }
  sqlite3_reset (stmt);
  return found;
}

static void
finish_prf (ClipTestPRF *s)
{
  s->f1 = s->precision + s->recall > 0
          ? 2 * s->precision * s->recall / (s->precision + s->recall) : 0;
}

/* B-cubed over the articles whose language is lang (NULL: all). */
static ClipTestPRF
bcubed (ClipTestSet *set, GHashTable *found, const char *lang)
{
  ClipTestPRF s = { 0 };
  guint n = 0;

  for (guint i = 0; i < set->articles->len; i++)
    {
      ClipTestLabelled *a = g_ptr_array_index (set->articles, i);
      Found *fa = g_hash_table_lookup (found, a->key);
      guint same_both = 0, same_found = 0, same_gold = 0;

      if (lang && g_strcmp0 (a->lang, lang) != 0)
        continue;
      for (guint j = 0; j < set->articles->len; j++)
        {
          ClipTestLabelled *b = g_ptr_array_index (set->articles, j);
          Found *fb = g_hash_table_lookup (found, b->key);
          gboolean f = fa->story != 0 && fa->story == fb->story;
          gboolean g = g_strcmp0 (a->story, b->story) == 0;

          if (lang && g_strcmp0 (b->lang, lang) != 0)
            continue;
          same_found += f || i == j;
          same_gold += g;
          same_both += (f || i == j) && g;
        }
      s.precision += (double) same_both / same_found;
      s.recall += (double) same_both / same_gold;
      n++;
    }
  if (n)
    {
      s.precision /= n;
      s.recall /= n;
    }
  finish_prf (&s);
  return s;
}

/* Pairs article → original, found against labelled. */
static ClipTestPRF
pairs (ClipTestSet *set, GHashTable *found, gboolean recycled)
{
  guint n_found = 0, n_gold = 0, n_both = 0;
  ClipTestPRF s = { 1, 1, 0 };

  for (guint i = 0; i < set->articles->len; i++)
    {
      ClipTestLabelled *a = g_ptr_array_index (set->articles, i);
      Found *f = g_hash_table_lookup (found, a->key);
      const char *gold = recycled ? a->recycled_from : a->copy_of;
      gint64 got = recycled ? f->recycled : f->copy_of;
      ClipTestLabelled *orig = gold ? g_hash_table_lookup (set->by_key, gold) : NULL;

      n_found += got != 0;
      n_gold += gold != NULL;
      n_both += got != 0 && orig && orig->id == got;
    }
  if (n_found)
    s.precision = (double) n_both / n_found;
  if (n_gold)
    s.recall = (double) n_both / n_gold;
  finish_prf (&s);
  return s;
}

void
clip_test_set_score (ClipTestSet    *set,
                     ClipStore      *store,
                     ClipTestScores *sc)
{
  g_autoptr(GHashTable) found = read_found (set, store);
  g_autoptr(GHashTable) stories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  static const char *const langs[] = { "en", "ru", "ka" };

  g_assert_cmpuint (g_hash_table_size (found), ==, set->articles->len);
  sc->stories = bcubed (set, found, NULL);
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    sc->by_lang[l] = bcubed (set, found, langs[l]);
  sc->copies = pairs (set, found, FALSE);
  sc->recycled = pairs (set, found, TRUE);
  for (guint i = 0; i < set->articles->len; i++)
    {
      ClipTestLabelled *a = g_ptr_array_index (set->articles, i);
      Found *f = g_hash_table_lookup (found, a->key);

      g_hash_table_add (stories, a->story);
      g_hash_table_add (ids, g_memdup2 (&f->story, sizeof f->story));
    }
  sc->n_articles = set->articles->len;
  sc->n_stories = g_hash_table_size (stories);
  sc->n_found = g_hash_table_size (ids);
}

char *
clip_test_scores_text (const ClipTestScores *s)
{
  return g_strdup_printf (
      "%u articles, %u labelled stories, %u found\n"
      "stories (B-cubed): P %.3f R %.3f F1 %.3f\n"
      "  within en: P %.3f R %.3f F1 %.3f\n"
      "  within ru: P %.3f R %.3f F1 %.3f\n"
      "  within ka: P %.3f R %.3f F1 %.3f\n"
      "near-copies: P %.3f R %.3f\n"
      "recycled: P %.3f R %.3f\n",
      s->n_articles, s->n_stories, s->n_found,
      s->stories.precision, s->stories.recall, s->stories.f1,
      s->by_lang[0].precision, s->by_lang[0].recall, s->by_lang[0].f1,
      s->by_lang[1].precision, s->by_lang[1].recall, s->by_lang[1].f1,
      s->by_lang[2].precision, s->by_lang[2].recall, s->by_lang[2].f1,
      s->copies.precision, s->copies.recall, s->recycled.precision, s->recycled.recall);
}

gint64
clip_test_set_story_of (ClipTestSet *set,
                        ClipStore   *store,
                        const char  *key)
{
  ClipTestLabelled *l = g_hash_table_lookup (set->by_key, key);
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT coalesce(story_id, 0) FROM story_articles WHERE article_id = ?", NULL);
  gint64 story;

  g_assert_nonnull (l);
  sqlite3_bind_int64 (stmt, 1, l->id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  story = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return story;
}

char *
clip_test_set_dump (ClipTestSet *set,
                    ClipStore   *store)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < set->articles->len; i++)
    {
      ClipTestLabelled *a = g_ptr_array_index (set->articles, i);

      g_string_append_printf (out, "%4" G_GINT64_FORMAT "  %-20s %s\n",
                              clip_test_set_story_of (set, store, a->key), a->story, a->key);
    }
  return g_string_free (out, FALSE);
}
