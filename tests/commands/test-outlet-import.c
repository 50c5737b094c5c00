/* test-outlet-import.c — the starter list and importing many outlets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-opml.h"
#include "clip-outlet-import.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

static ClipStore *
open_tmp_store (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  ClipStore *store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

/* The shipped list: every entry is a distinct https feed with a name and
 * one of the three groups the empty state promises. */
static void
test_starter_shipped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = clip_starter_outlets_load (&error);
  g_autoptr(GHashTable) urls = g_hash_table_new (g_str_hash, g_str_equal);
  const char *groups[] = { "Georgia", "Russia", "International" };
  guint per_group[3] = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (outlets->len, >=, 12);
  for (guint i = 0; i < outlets->len; i++)
    {
      ClipOutlet *o = g_ptr_array_index (outlets, i);
      gboolean known = FALSE;

      g_assert_true (g_str_has_prefix (o->url, "https://"));
      g_assert_nonnull (o->name);
      g_assert_cmpstr (o->name, !=, "");
      g_assert_true (g_hash_table_add (urls, o->url));
      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        if (g_strcmp0 (o->group, groups[g]) == 0)
          {
            per_group[g]++;
            known = TRUE;
          }
      g_assert_true (known);
    }
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    g_assert_cmpuint (per_group[g], >=, 3);
}

static void
test_starter_invalid (void)
{
  const char *bad[] = {
    "[]",
    "{\"outlets\": 3}",
    "{\"outlets\": [{\"name\": \"No address\"}]}",
    "{\"outlets\": [{\"url\": \"\"}]}",
    "{\"outlets\": [\"https://example.org/feed\"]}",
    "{\"outlets\": [",
  };
  g_autofree char *huge = g_strnfill (2 * 1024 * 1024, ' ');

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) outlets = clip_starter_outlets_parse (bad[i], strlen (bad[i]), &error);

      g_assert_null (outlets);
      g_assert_nonnull (error);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) outlets = clip_starter_outlets_parse (huge, strlen (huge), &error);

    g_assert_null (outlets);
    g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA);
  }
}

/* A nameless outlet is never shown as an empty row. */
static void
test_display_name (void)
{
  const struct { const char *name, *url, *expect; } cases[] = {
    { "Civil Georgia", "https://civil.ge/feed", "Civil Georgia" },
    { "", "https://www.civil.ge/feed", "civil.ge" },
    { NULL, "http://interpressnews.ge:8080/rss", "interpressnews.ge" },
    { "", "https://www./", "www." },
    { "", "file:///home/nino/feeds/rustavi2.xml", "rustavi2.xml" },
    { "", "file:///", "file:///" },
    { "", "not a url", "not a url" },
    { "", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClipOutlet) o = clip_outlet_new ();
      g_autofree char *shown = NULL;

      o->name = g_strdup (cases[i].name);
      o->url = g_strdup (cases[i].url);
      shown = clip_outlet_dup_display_name (o);
      g_assert_cmpstr (shown, ==, cases[i].expect);
    }
}

static void
test_import_counts (void)
{
  g_autoptr(ClipStore) store = open_tmp_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = clip_starter_outlets_load (&error);
  g_autoptr(GPtrArray) listed = NULL;
  ClipImportResult result;
  ClipOutlet *bad = clip_outlet_new ();

  g_assert_no_error (error);
  bad->url = g_strdup ("ftp://example.org/feed");
  g_ptr_array_add (outlets, bad);

  clip_import_result_init (&result);
  g_assert_true (clip_outlets_import (store, outlets, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, outlets->len - 1);
  g_assert_cmpuint (result.skipped, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result.skip_reasons, 0), "ftp://example.org/feed"));
  clip_import_result_clear (&result);

  listed = clip_store_list_outlets (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, outlets->len - 1);

  /* Again: nothing is duplicated. */
  clip_import_result_init (&result);
  g_assert_true (clip_outlets_import (store, outlets, &result, &error));
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.skipped, ==, outlets->len);
  clip_import_result_clear (&result);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = clip_store_list_outlets (store, &error);
  g_assert_cmpuint (listed->len, ==, outlets->len - 1);
}

/* An OPML file is a document from elsewhere: it may not make the service
 * read local files into the archive (file:///etc/passwd was added). */
static void
test_import_local_refused (void)
{
  const char *opml =
    "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>"
    "<outline text=\"passwd\" xmlUrl=\"file:///etc/passwd\"/>"
    "<outline text=\"Shout\" xmlUrl=\"FILE:///etc/shadow\"/>"
    "<outline text=\"Path\" xmlUrl=\"/etc/hosts\"/>"
    "<outline text=\"Data\" xmlUrl=\"data:,hello\"/>"
    "<outline text=\"Web\" xmlUrl=\"https://news.example/feed\"/>"
    "<outline text=\"Plain\" xmlUrl=\"HTTP://old.example/rss\"/>"
    "</body></opml>";
  g_autoptr(ClipStore) store = open_tmp_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = clip_opml_parse (opml, strlen (opml), &error);
  g_autoptr(GPtrArray) listed = NULL;
  ClipImportResult result;

  g_assert_no_error (error);
  g_assert_cmpuint (outlets->len, ==, 6);
  clip_import_result_init (&result);
  g_assert_true (clip_outlets_import (store, outlets, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_cmpuint (result.skipped, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (result.skip_reasons, 0), ==,
                   "“file:///etc/passwd” is not an http or https address: "
                   "only web feeds are imported from a list");
  clip_import_result_clear (&result);
  listed = clip_store_list_outlets (store, &error);
  g_assert_cmpuint (listed->len, ==, 2);
  for (guint i = 0; i < listed->len; i++)
    g_assert_cmpint (g_ascii_strncasecmp (((ClipOutlet *) g_ptr_array_index (listed, i))->url, "http", 4), ==, 0);
}

/* A failure that is not about one outlet rolls everything back. */
static void
test_import_read_only (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autofree char *path = NULL;
  g_autoptr(ClipStore) writer = NULL;
  g_autoptr(ClipStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = clip_starter_outlets_load (&error);
  g_autoptr(GPtrArray) listed = NULL;
  ClipImportResult result;

  writer = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  path = g_strdup (clip_store_get_path (writer));
  reader = clip_store_open (path, CLIP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  clip_import_result_init (&result);
  g_assert_false (clip_outlets_import (reader, outlets, &result, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (result.added, ==, 0);
  clip_import_result_clear (&result);
  listed = clip_store_list_outlets (writer, NULL);
  g_assert_cmpuint (listed->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/outlet-import/starter/shipped", test_starter_shipped);
  g_test_add_func ("/outlet-import/starter/invalid", test_starter_invalid);
  g_test_add_func ("/outlet-import/counts", test_import_counts);
  g_test_add_func ("/outlet-import/display-name", test_display_name);
  g_test_add_func ("/outlet-import/read-only", test_import_read_only);
  g_test_add_func ("/outlet-import/local-refused", test_import_local_refused);
  return g_test_run ();
}
