/* test-stories-quality.c — stories, near-copies and recycled marks on the
 * labelled set (tests/data/stories, or $CLIPPINGS_STORIES_SET), with
 * floors; the look-alike events of the set kept apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-archive.h"
#include "clip-stories.h"
#include "clip-test-stories.h"
#include "clip-test-util.h"

/* The goals. */
#define FLOOR_F1          0.90
#define FLOOR_F1_LANG     0.95
#define FLOOR_PRECISION   0.98
#define FLOOR_RECALL      0.95

static ClipStore *
fresh_archive (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  ClipStore *store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static void
check_floors (const ClipTestScores *s, const char *what)
{
  g_autofree char *text = clip_test_scores_text (s);

  g_test_message ("%s:\n%s", what, text);
  if (g_getenv ("CLIPPINGS_STORIES_REPORT"))
    g_printerr ("%s:\n%s", what, text);
  g_assert_cmpfloat (s->stories.f1, >=, FLOOR_F1);
  for (guint l = 0; l < 3; l++)
    g_assert_cmpfloat (s->by_lang[l].f1, >=, FLOOR_F1_LANG);
  g_assert_cmpfloat (s->copies.precision, >=, FLOOR_PRECISION);
  g_assert_cmpfloat (s->copies.recall, >=, FLOOR_RECALL);
  g_assert_cmpfloat (s->recycled.precision, >=, FLOOR_PRECISION);
  g_assert_cmpfloat (s->recycled.recall, >=, FLOOR_RECALL);
}

static void
test_time_order (void)
{
  g_autoptr(ClipTestSet) set = clip_test_set_load ();
  g_autoptr(ClipStore) store = fresh_archive ();
  ClipTestScores s;

  clip_test_set_ingest (set, store, CLIP_TEST_ORDER_TIME);
  clip_test_set_score (set, store, &s);
  if (g_getenv ("CLIPPINGS_STORIES_REPORT"))
    {
      g_autofree char *dump = clip_test_set_dump (set, store);
      g_printerr ("%s", dump);
    }
  check_floors (&s, "as published (one article an ingest)");
}

static void
test_outlet_order (void)
{
  g_autoptr(ClipTestSet) set = clip_test_set_load ();
  g_autoptr(ClipStore) store = fresh_archive ();
  ClipTestScores s;

  clip_test_set_ingest (set, store, CLIP_TEST_ORDER_OUTLET);
  clip_test_set_score (set, store, &s);
  check_floors (&s, "outlet by outlet (one ingest an outlet)");
}

static void
test_regroup (void)
{
  g_autoptr(ClipTestSet) set = clip_test_set_load ();
  g_autoptr(ClipStore) store = fresh_archive ();
  g_autoptr(GError) error = NULL;
  ClipTestScores s;

  clip_test_set_ingest (set, store, CLIP_TEST_ORDER_OUTLET);
  g_assert_true (clip_stories_regroup (store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  clip_test_set_score (set, store, &s);
  check_floors (&s, "grouped again from scratch");
}

/* Events alike in place, kind and words, days apart, stay apart. */
static void
test_look_alikes (void)
{
  static const char *const apart[][2] = {
    { "may1-en-oc", "may8-en-oc" },            /* Tbilisi protests a week apart */
    { "may1-ka-ipn", "may8-ka-ipn" },
    { "may1-ru-ekho", "may8-ru-ekho" },
    { "racha-en-agenda", "borjomi-en-agenda" }, /* earthquakes six days apart */
    { "racha-ka-ipn", "borjomi-ka-ipn" },
    { "gldani-en-agenda", "saburtalo-en-agenda" }, /* Tbilisi fires */
    { "gldani-ka-ipn", "saburtalo-ka-ipn" },
    { "law-en-civil", "veto-en-civil" },       /* the same law, four days on */
    { "law-ru-ekho", "veto-ru-ekho" },
  };
  g_autoptr(ClipTestSet) set = NULL;
  g_autoptr(ClipStore) store = NULL;

  if (g_getenv ("CLIPPINGS_STORIES_SET"))
    {
      g_test_skip ("the pairs are of the project's own set");
      return;
    }
  set = clip_test_set_load ();
  store = fresh_archive ();
  clip_test_set_ingest (set, store, CLIP_TEST_ORDER_TIME);
  for (guint i = 0; i < G_N_ELEMENTS (apart); i++)
    {
      gint64 a = clip_test_set_story_of (set, store, apart[i][0]);
      gint64 b = clip_test_set_story_of (set, store, apart[i][1]);

      g_assert_cmpint (a, !=, 0);
      if (a == b)
        g_error ("%s and %s are in one story", apart[i][0], apart[i][1]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stories/quality/time-order", test_time_order);
  g_test_add_func ("/stories/quality/outlet-order", test_outlet_order);
  g_test_add_func ("/stories/quality/regroup", test_regroup);
  g_test_add_func ("/stories/quality/look-alikes", test_look_alikes);
  return g_test_run ();
}
