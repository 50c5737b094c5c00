/* test-cli-rules.c — clippings-cli rules, lists, articles --rule, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-test-cli.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

static char *data_dir;

static int
run (char **out, char **err, ...)
{
  va_list ap;
  int status;

  va_start (ap, err);
  status = clip_test_cli_runv (data_dir, out, err, ap);
  va_end (ap);
  return status;
}


static void
test_check (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "rules", "check", "Russia* NEAR/5 interfer*", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "rules", "check", "Russia* interfer* NEAR", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "column 19: NEAR needs a word or phrase on its right\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "rules", "check", "(Georgia OR Tbilisi", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "column 1: this “(” is never closed with “)”\n");
  g_clear_pointer (&err, g_free);
  /* Term lists are the archive's: the defaults are there, others not. */
  g_assert_cmpint (run (NULL, &err, "rules", "check", "@russia_terms", NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "rules", "check", "Georgia @nope", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "column 9: there is no term list “nope”\n");
}

/* The rules' colours in the archive, by name. */
static GHashTable *
rule_colors (void)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  GHashTable *colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *rules;

  g_assert_cmpint (run (&out, NULL, "rules", "list", "--json", NULL), ==, 0);
  root = clip_test_parse_json (out);
  rules = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *r = json_array_get_object_element (rules, i);

      g_hash_table_insert (colors, g_strdup (json_object_get_string_member (r, "name")),
                           g_strdup (json_object_get_string_member (r, "color")));
    }
  return colors;
}

/* rules add without --color: each new rule a colour no rule has yet. */
static void
test_add_colors (void)
{
  const char *names[] = { "Ports", "Wine", "Ballet 2", "Rugby" };
  g_autoptr(GHashTable) before = rule_colors ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) after = NULL;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_add (seen, value);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpint (run (NULL, NULL, "rules", "add", names[i], "harbour", NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "rules", "add", "Chosen", "harbour", "--color", "#3584e4", NULL), ==, 0);
  after = rule_colors ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *color = g_hash_table_lookup (after, names[i]);

      g_assert_nonnull (color);
      if (g_hash_table_contains (seen, color))
        g_error ("%s got %s, which a rule already had", names[i], color);
      g_hash_table_add (seen, (gpointer) color);
    }
  g_assert_cmpstr (g_hash_table_lookup (after, "Chosen"), ==, "#3584e4");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpint (run (NULL, NULL, "rules", "remove", names[i], NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "rules", "remove", "Chosen", NULL), ==, 0);
}

static void
test_add_list_edit_remove (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rules;
  gint64 id = 0;
  gboolean found_default = FALSE;

  g_assert_cmpint (run (&out, &err, "rules", "add", "Ballet", "ballet OR \"Swan Lake\"",
                        "--severity", "important", "--notify", "daily", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "“Ballet”"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "rules", "add", "Broken", "ballet OR", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "column 8: OR needs a word, phrase or group on its right\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "rules", "add", "Loud", "ballet", "--severity", "loud", NULL), ==, 2);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, NULL, "rules", "list", "--json", NULL), ==, 0);
  root = clip_test_parse_json (out);
  rules = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *r = json_array_get_object_element (rules, i);
      const char *name = json_object_get_string_member (r, "name");

      if (g_str_equal (name, "Ballet"))
        {
          id = json_object_get_int_member (r, "id");
          g_assert_cmpstr (json_object_get_string_member (r, "severity"), ==, "important");
          g_assert_cmpstr (json_object_get_string_member (r, "notify"), ==, "daily");
          g_assert_true (json_object_get_boolean_member (r, "enabled"));
        }
      found_default |= g_str_equal (name, "Russian interference");
      g_assert_false (g_str_equal (name, "Broken") || g_str_equal (name, "Loud"));
    }
  g_assert_true (found_default);
  g_assert_cmpint (id, >, 0);
  g_clear_pointer (&out, g_free);

  {
    g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_assert_cmpint (run (&out, &err, "rules", "edit", sid, "--query", "opera", "--disable",
                          "--color", "#ff0000", NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (&out, NULL, "rules", "list", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "\toff\timportant\tdaily\t0\tBallet\topera\n"));
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run (NULL, &err, "rules", "edit", sid, "--query", "NOT opera", NULL), ==, 2);
    g_assert_true (g_str_has_prefix (err, "column 1: "));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (&out, NULL, "rules", "remove", sid, NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run (NULL, &err, "rules", "remove", sid, NULL), ==, 2);
  }
}

static void
test_test_command (void)
{
  g_autofree char *article = clip_test_data_path ("rules/article.json");
  g_autofree char *feed = clip_test_data_path ("rules/feed.xml");
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *results;
  JsonObject *first;
  JsonArray *spans;

  g_assert_cmpint (run (&out, NULL, "rules", "test", "--json",
                        "@russia_terms NEAR/6 (interfer* OR meddl*)", article, feed, NULL), ==, 0);
  root = clip_test_parse_json (out);
  results = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  first = json_array_get_object_element (results, 0);
  g_assert_true (json_object_get_boolean_member (first, "matched"));
  spans = json_object_get_array_member (first, "spans");
  g_assert_cmpuint (json_array_get_length (spans), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *s = json_array_get_object_element (spans, i);
      g_assert_cmpstr (json_object_get_string_member (s, "field"), ==, i ? "body" : "title");
      g_assert_cmpstr (json_object_get_string_member (s, "text"), ==, "Russian interference");
      g_assert_cmpint (json_object_get_int_member (s, "end") - json_object_get_int_member (s, "start"),
                       ==, strlen ("Russian interference"));
    }
  /* The feed's items: the first is about meddling, the second a decoy. */
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (results, 1), "matched"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (results, 2), "matched"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
      json_array_get_object_element (results, 2), "spans")), ==, 0);
  g_clear_pointer (&out, g_free);

  /* Fields of the article JSON: outlet, tags, lang, url, author. */
  g_assert_cmpint (run (&out, NULL, "rules", "test",
                        "outlet:civil.ge tag:\"to report\" lang:en url:archives author:Civil",
                        article, NULL), ==, 0);
  {
    g_autofree char *expected = g_strconcat (article, ": matches\n", NULL);
    g_assert_true (g_str_has_prefix (out, expected));
  }
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "rules", "test", "lang:ka", article, NULL), ==, 0);
  g_assert_nonnull (strstr (out, ": no match\n"));
}

static void
test_lists_articles_search (void)
{
  g_autofree char *feed = clip_test_data_path ("rules/feed.xml");
  g_autofree char *uri = g_filename_to_uri (feed, NULL, NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, NULL, "outlets", "add", uri, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "fetch", NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, NULL, "lists", "add", "culture", "ballet", "\"Swan Lake\"", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "lists", "show", "culture", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "ballet\n\"Swan Lake\"\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (NULL, &err, "lists", "add", "culture", "b*", NULL), ==, 2);
  g_clear_pointer (&err, g_free);

  /* A new rule is matched against what is archived already. */
  g_assert_cmpint (run (&out, NULL, "rules", "add", "Culture", "title:@culture", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "matches 1 archived"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "articles", "list", "--rule", "Culture", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Tbilisi Opera opens with Russian ballet"));
  g_assert_null (strstr (out, "Kremlin"));
  g_clear_pointer (&out, g_free);
  /* Changing the list matches its rules again. */
  g_assert_cmpint (run (&out, NULL, "lists", "add", "culture", "Kremlin", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Rule “Culture” now matches 2 archived articles"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (NULL, &err, "articles", "list", "--rule", "Nothing", NULL), ==, 2);
  g_clear_pointer (&err, g_free);

  /* search speaks the rule language. */
  g_assert_cmpint (run (&out, NULL, "search", "Russian ONEAR/0 ballet", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Tbilisi Opera"));
  g_assert_null (strstr (out, "Kremlin"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "search", "--json", "kremlin -opera", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Kremlin accused"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (NULL, &err, "search", "Russian NEAR", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "column 9: NEAR needs a word or phrase on its right\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  data_dir = clip_test_tmpdir ();
  g_test_add_func ("/cli-rules/check", test_check);
  g_test_add_func ("/cli-rules/add-list-edit-remove", test_add_list_edit_remove);
  g_test_add_func ("/cli-rules/add-colors", test_add_colors);
  g_test_add_func ("/cli-rules/test", test_test_command);
  g_test_add_func ("/cli-rules/lists-articles-search", test_lists_articles_search);
  return g_test_run ();
}
