/* test-cli-stories.c — clippings-cli stories and coverage on the
 * labelled set: the JSON shapes, the filters, and merge, split and rename
 * through the commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-archive.h"
#include "clip-test-stories.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

static char *data_dir;
static ClipTestSet *set;

static int
run (char **out, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *o = NULL, *e = NULL;
  va_list ap;
  const char *a;
  int status;

  g_ptr_array_add (args, "--data-dir");
  g_ptr_array_add (args, data_dir);
  va_start (ap, out);
  while ((a = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  status = clip_test_run_cli ((const char * const *) args->pdata, &o, &e);
  if (status != 0 && status != 2)
    g_printerr ("%s", e);
  if (out)
    {
      g_free (*out);
      *out = g_steal_pointer (&o);
    }
  return status;
}

static JsonArray *
run_json (JsonNode **root, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonParser) p = json_parser_new ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;
  const char *a;

  g_ptr_array_add (args, "--data-dir");
  g_ptr_array_add (args, data_dir);
  va_start (ap, root);
  while ((a = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, "--json");
  g_ptr_array_add (args, NULL);
  g_assert_cmpint (clip_test_run_cli ((const char * const *) args->pdata, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (p, out, -1, &error));
  *root = json_node_copy (json_parser_get_root (p));
  return json_node_get_array (*root);
}

static void
assert_members (JsonObject *o, const char *const *names)
{
  guint n = 0;

  for (; names[n]; n++)
    if (!json_object_has_member (o, names[n]))
      g_error ("no member %s", names[n]);
  g_assert_cmpuint (json_object_get_size (o), ==, n);
}

static void
test_list (void)
{
  static const char *const story_keys[] = { "id", "title", "first_seen", "first_outlet",
                                             "languages", "outlets", "articles", NULL };
  static const char *const article_keys[] = { "id", "outlet", "title", "published", "url",
                                               "copy_of", "recycled_from", NULL };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *stories = run_json (&root, "stories", "list", NULL);
  guint n_articles = 0, n_copies = 0, n_recycled = 0, three_langs = 0;

  g_assert_cmpuint (json_array_get_length (stories), ==, 18);
  for (guint i = 0; i < json_array_get_length (stories); i++)
    {
      JsonObject *s = json_array_get_object_element (stories, i);
      JsonArray *arts = json_object_get_array_member (s, "articles");

      assert_members (s, story_keys);
      three_langs += json_array_get_length (json_object_get_array_member (s, "languages")) == 3;
      for (guint k = 0; k < json_array_get_length (arts); k++)
        {
          JsonObject *a = json_array_get_object_element (arts, k);

          assert_members (a, article_keys);
          n_articles++;
          n_copies += !json_object_get_null_member (a, "copy_of");
          n_recycled += !json_object_get_null_member (a, "recycled_from");
        }
      /* The first article is the story's first. */
      g_assert_cmpstr (json_object_get_string_member (s, "first_seen"), ==,
                       json_object_get_string_member (json_array_get_object_element (arts, 0),
                                                      "published"));
    }
  g_assert_cmpuint (n_articles, ==, set->articles->len);
  g_assert_cmpuint (n_copies, ==, 11);
  g_assert_cmpuint (n_recycled, ==, 3);
  g_assert_cmpuint (three_langs, >=, 12);
}

static void
test_filters (void)
{
  g_autoptr(JsonNode) root = NULL, root2 = NULL;
  JsonArray *day = run_json (&root, "stories", "list", "--since", "2024-05-14T00:00:00Z",
                             "--until", "2024-05-14T23:59:59Z", NULL);
  JsonArray *rule = run_json (&root2, "stories", "list", "--rule", "1", NULL);
  g_autofree char *out = NULL;

  g_assert_cmpuint (json_array_get_length (day), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
      json_array_get_object_element (day, 0), "articles")), ==, 8);
  g_assert_cmpuint (json_array_get_length (rule), <, 18);
  g_assert_cmpint (run (NULL, "stories", "list", "--since", "yesterday-ish", NULL), ==, 2);
  g_assert_cmpint (run (NULL, "coverage", "--by", "week", NULL), ==, 2);
  g_assert_cmpint (run (&out, "stories", "show", "999999", NULL), ==, 2);
}

static void
test_coverage (void)
{
  g_autoptr(JsonNode) root = NULL, root2 = NULL;
  JsonArray *by_outlet = run_json (&root, "coverage", "--by", "outlet", NULL);
  JsonArray *by_day = run_json (&root2, "coverage", "--since", "2024-05-01T00:00:00Z",
                                "--until", "2024-05-01T23:59:59Z", NULL);
  guint64 total = 0;

  for (guint i = 0; i < json_array_get_length (by_outlet); i++)
    {
      JsonObject *b = json_array_get_object_element (by_outlet, i);
      static const char *const keys[] = { "key", "count", "by_outlet", NULL };

      assert_members (b, keys);
      total += json_object_get_int_member (b, "count");
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (b, "by_outlet"),
                                                   json_object_get_string_member (b, "key")),
                       ==, json_object_get_int_member (b, "count"));
    }
  g_assert_cmpuint (total, ==, set->articles->len);
  g_assert_cmpuint (json_array_get_length (by_day), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (by_day, 0), "key"),
                   ==, "2024-05-01");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (by_day, 0), "count"),
                   ==, 7);
}

static gint64
story_of (const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_archive_open (data_dir, CLIP_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return clip_test_set_story_of (set, store, key);
}

static void
test_edits (void)
{
  gint64 racha = story_of ("racha-en-agenda"), borjomi = story_of ("borjomi-en-agenda");
  ClipTestLabelled *moved = g_hash_table_lookup (set->by_key, "rate-ka-formula");
  g_autofree char *a = g_strdup_printf ("%" G_GINT64_FORMAT, racha);
  g_autofree char *b = g_strdup_printf ("%" G_GINT64_FORMAT, borjomi);
  g_autofree char *art = g_strdup_printf ("%" G_GINT64_FORMAT, moved->id);
  g_autofree char *out = NULL, *show = NULL;
  gint64 new_story;

  g_assert_cmpint (run (NULL, "stories", "merge", a, b, NULL), ==, 0);
  g_assert_cmpint (story_of ("borjomi-ka-ipn"), ==, racha);
  g_assert_cmpint (run (&out, "stories", "split", art, NULL), ==, 0);
  new_story = g_ascii_strtoll (out, NULL, 10);
  g_assert_cmpint (new_story, >, 0);
  g_assert_cmpint (story_of ("rate-ka-formula"), ==, new_story);
  g_assert_cmpint (run (NULL, "stories", "rename", a, "Two earthquakes", NULL), ==, 0);
  g_assert_cmpint (run (NULL, "stories", "regroup", NULL), ==, 0);
  g_assert_cmpint (story_of ("borjomi-ka-ipn"), ==, racha);
  g_assert_cmpint (story_of ("rate-ka-formula"), ==, new_story);
  g_assert_cmpint (run (&show, "stories", "show", a, NULL), ==, 0);
  g_assert_nonnull (strstr (show, "Two earthquakes"));
  g_assert_cmpint (run (NULL, "stories", "merge", a, a, NULL), ==, 2);
}

int
main (int argc, char **argv)
{
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  data_dir = clip_test_tmpdir ();
  store = clip_archive_open (data_dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  set = clip_test_set_load ();
  clip_test_set_ingest (set, store, CLIP_TEST_ORDER_TIME);
  g_clear_object (&store);
  g_test_add_func ("/cli/stories/list", test_list);
  g_test_add_func ("/cli/stories/filters", test_filters);
  g_test_add_func ("/cli/coverage", test_coverage);
  g_test_add_func ("/cli/stories/edits", test_edits);
  status = g_test_run ();
  clip_test_set_free (set);
  g_free (data_dir);
  return status;
}
