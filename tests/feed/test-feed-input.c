/* test-feed-input.c — the feed parser on input that overflows: JSON
 * nested past any sense
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-feed.h"
#include "clip-input.h"
#include "clip-test-util.h"

#include <string.h>

static const ClipFeedItem *
first_item (ClipFeed *feed)
{
  g_assert_cmpuint (feed->items->len, >, 0);
  return g_ptr_array_index (feed->items, 0);
}

/* 100,000 levels (200 KB) overflowed the stack inside json-glib. */
static void
test_json_depth (void)
{
  g_autofree char *deep = clip_test_deep_json_feed (100000);
  g_autofree char *fine = clip_test_deep_json_feed (CLIP_INPUT_MAX_JSON_DEPTH - 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipFeed) ok = NULL;
  ClipFeed *none;

  g_assert_cmpuint (strlen (deep), >, 200000);
  none = clip_feed_parse (deep, strlen (deep), "application/feed+json", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "nested more than 512 levels"));
  g_clear_error (&error);

  /* At the limit: the root object, the items list and the item are
   * three levels more. */
  ok = clip_feed_parse (fine, strlen (fine), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first_item (ok)->title, ==, "Deep item");
}

/* Brackets in strings, escaped quotes: not nesting. */
static void
test_json_depth_strings (void)
{
  GString *s = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"");
  g_autoptr(ClipFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 2000; i++)
    g_string_append (s, "[{\\\"");
  g_string_append (s, "\", \"items\": [{\"id\": \"x\", \"title\": \"]]]}}}\\\\\"}]}");
  feed = clip_feed_parse (s->str, s->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first_item (feed)->title, ==, "]]]}}}\\");
  g_assert_true (clip_input_check_json_depth ("[[]]", -1, 2, NULL));
  g_assert_false (clip_input_check_json_depth ("[{}]", -1, 1, NULL));
  g_assert_true (clip_input_check_json_depth ("\"[[[\\\"[[\"", -1, 1, NULL));
  g_string_free (s, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/feed-input/json-depth", test_json_depth);
  g_test_add_func ("/feed-input/json-depth-strings", test_json_depth_strings);
  return g_test_run ();
}
