/* test-cli-pages.c — clippings-cli for full text from pages: outlets
 * add/edit --full-text and --robots, outlets edit's other settings and
 * its errors (exit 2, one line).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-test-cli.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

typedef struct {
  char *dir;
  char *out;
  char *err;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = clip_test_tmpdir ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_free (f->dir);
  g_free (f->out);
  g_free (f->err);
}

static int
run (Fixture *f, ...)
{
  va_list ap;
  int status;

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  va_start (ap, f);
  status = clip_test_cli_runv (f->dir, &f->out, &f->err, ap);
  va_end (ap);
  return status;
}


static void
assert_one_line_error (Fixture *f, const char *needle)
{
  g_assert_true (g_str_has_prefix (f->err, "clippings-cli"));
  if (strstr (f->err, needle) == NULL)
    g_error ("expected “%s” in: %s", needle, f->err);
  g_assert_true (strchr (f->err, '\n') == f->err + strlen (f->err) - 1);
}

/* The outlet of the only line of outlets list --json. */
static JsonObject *
only_outlet (Fixture *f, JsonNode **root)
{
  g_assert_cmpint (run (f, "outlets", "list", "--json", NULL), ==, 0);
  *root = clip_test_parse_json (f->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (*root)), ==, 1);
  return json_array_get_object_element (json_node_get_array (*root), 0);
}

static void
test_full_text_option (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) root2 = NULL;
  JsonObject *o;

  g_assert_cmpint (run (f, "outlets", "add", "https://civil.ge/feed", "--full-text", "always",
                        "--robots", "ignore", NULL), ==, 0);
  o = only_outlet (f, &root);
  g_assert_cmpstr (json_object_get_string_member (o, "full_text"), ==, "always");
  g_assert_cmpstr (json_object_get_string_member (o, "robots"), ==, "ignore");
  g_assert_cmpint (run (f, "outlets", "remove", "1", NULL), ==, 0);
  /* The default: automatic, robots.txt obeyed. */
  g_assert_cmpint (run (f, "outlets", "add", "https://civil.ge/feed", NULL), ==, 0);
  o = only_outlet (f, &root2);
  g_assert_cmpstr (json_object_get_string_member (o, "full_text"), ==, "auto");
  g_assert_cmpstr (json_object_get_string_member (o, "robots"), ==, "obey");

  g_assert_cmpint (run (f, "outlets", "add", "https://x.example/feed", "--full-text", "sometimes",
                        NULL), ==, 2);
  assert_one_line_error (f, "auto, always or never");
  g_assert_cmpint (run (f, "outlets", "add", "https://x.example/feed", "--robots", "maybe",
                        NULL), ==, 2);
  assert_one_line_error (f, "obey or ignore");
}

static void
test_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) r1 = NULL, r2 = NULL, r3 = NULL;
  JsonObject *o;

  g_assert_cmpint (run (f, "outlets", "add", "https://civil.ge/feed", "--name", "Civil",
                        "--group", "Georgia", NULL), ==, 0);
  g_assert_cmpint (run (f, "outlets", "edit", "1", "--name", "Civil Georgia", "--interval", "1200",
                        "--disable", "--full-text", "never", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  o = only_outlet (f, &r1);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Civil Georgia");
  /* What was not given stays. */
  g_assert_cmpstr (json_object_get_string_member (o, "group"), ==, "Georgia");
  g_assert_cmpint (json_object_get_int_member (o, "interval"), ==, 1200);
  g_assert_false (json_object_get_boolean_member (o, "enabled"));
  g_assert_cmpstr (json_object_get_string_member (o, "full_text"), ==, "never");
  g_assert_cmpstr (json_object_get_string_member (o, "robots"), ==, "obey");

  g_assert_cmpint (run (f, "outlets", "edit", "1", "--group", "", "--enable", "--robots", "ignore",
                        "--full-text", "auto", NULL), ==, 0);
  o = only_outlet (f, &r2);
  g_assert_cmpstr (json_object_get_string_member (o, "group"), ==, "");
  g_assert_true (json_object_get_boolean_member (o, "enabled"));
  g_assert_cmpstr (json_object_get_string_member (o, "full_text"), ==, "auto");
  g_assert_cmpstr (json_object_get_string_member (o, "robots"), ==, "ignore");
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Civil Georgia");

  /* Errors: exit 2 with one line, and nothing changed. */
  g_assert_cmpint (run (f, "outlets", "edit", "1", NULL), ==, 2);
  assert_one_line_error (f, "nothing to change");
  g_assert_cmpint (run (f, "outlets", "edit", "1", "--enable", "--disable", NULL), ==, 2);
  assert_one_line_error (f, "cannot go together");
  g_assert_cmpint (run (f, "outlets", "edit", "1", "--interval", "5", NULL), ==, 2);
  assert_one_line_error (f, "interval");
  g_assert_cmpint (run (f, "outlets", "edit", "1", "--name", "  ", NULL), ==, 2);
  assert_one_line_error (f, "empty");
  g_assert_cmpint (run (f, "outlets", "edit", "1", "--full-text", "x", NULL), ==, 2);
  assert_one_line_error (f, "auto, always or never");
  g_assert_cmpint (run (f, "outlets", "edit", "42", "--name", "X", NULL), ==, 2);
  assert_one_line_error (f, "no outlet 42");
  g_assert_cmpint (run (f, "outlets", "edit", "abc", "--name", "X", NULL), ==, 2);
  assert_one_line_error (f, "not an outlet ID");
  o = only_outlet (f, &r3);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Civil Georgia");
  g_assert_cmpint (json_object_get_int_member (o, "interval"), ==, 1200);
}

int
main (int argc, char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/cli-pages/full-text-option", test_full_text_option);
  ADD ("/cli-pages/outlets-edit", test_edit);
  return g_test_run ();
}
