/* test-stories.c — names across scripts, numbers and dates as values,
 * the analyst's merges, splits and renames kept when grouping again,
 * coverage equal to a SQL count, an older archive grouped, a copy
 * published first becoming the original, and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-archive.h"
#include "clip-commands.h"
#include "clip-fts.h"
#include "clip-store-sql.h"
#include "clip-export-private.h"
#include "clip-rules-store.h"
#include "clip-stories.h"
#include "clip-story-text.h"
#include "clip-test-stories.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

static ClipStore *
labelled_archive (ClipTestSet **set, char **dir_out)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  ClipStore *store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  *set = clip_test_set_load ();
  clip_test_set_ingest (*set, store, CLIP_TEST_ORDER_TIME);
  if (dir_out)
    *dir_out = g_steal_pointer (&dir);
  return store;
}

static gint64
count (ClipStore *store, const char *sql, gint64 a)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
test_names (void)
{
  /* Each row: one name in English, Russian (declined) and Georgian (in a
   * case of its own). */
  static const char *const names[][4] = {
    { "Stoltenberg", "Столтенберга", "სტოლტენბერგმა", "სტოლტენბერგი" },
    { "Kobakhidze", "Кобахидзе", "კობახიძემ", "კობახიძის" },
    { "Zourabichvili", "Зурабишвили", "ზურაბიშვილმა", "ზურაბიშვილი" },
    { "Ivanishvili", "Иванишвили", "ივანიშვილის", "ივანიშვილმა" },
    { "Tbilisi", "Тбилиси", "თბილისში", "თბილისი" },
    { "Tskhinvali", "Цхинвали", "ცხინვალში", "ცხინვალი" },
    { "Brussels", "Брюсселе", "ბრიუსელში", "ბრიუსელი" },
    { "Borrell", "Боррелем", "ბორელმა", "ბორელი" },
    { "Zelensky", "Зеленского", "ზელენსკიმ", "ზელენსკი" },
    { "Papuashvili", "Папуашвили", "პაპუაშვილის", "პაპუაშვილი" },
    { "Kallas", "Каллас", "კალასმა", "კალასი" },
    { "Putin", "Путиным", "პუტინმა", "პუტინი" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *key = clip_story_name_key (names[i][0]);

      g_assert_nonnull (key);
      for (guint k = 1; k < 4; k++)
        {
          g_autofree char *other = clip_story_name_key (names[i][k]);
          g_assert_cmpstr (other, ==, key);
        }
    }
  /* Different names stay different. */
  {
    g_autofree char *a = clip_story_name_key ("Kobakhidze");
    g_autofree char *b = clip_story_name_key ("Kaladze");
    g_autofree char *c = clip_story_name_key ("Gldani");
    g_autofree char *d = clip_story_name_key ("Saburtalo");
    g_assert_cmpstr (a, !=, b);
    g_assert_cmpstr (c, !=, d);
  }
  {
    g_autofree char *r = clip_story_romanize ("შალვა პაპუაშვილი");
    g_autofree char *s = clip_story_romanize ("Шалва Папуашвили");
    g_assert_cmpstr (r, ==, "shalva papuashvili");
    g_assert_cmpstr (s, ==, "shalva papuashvili");
  }
}

static gboolean
has_key (GPtrArray *names, const char *key)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), key) == 0)
      return TRUE;
  return FALSE;
}

static void
test_values (void)
{
  static const struct { const char *text; guint lang; const char *key; } cases[] = {
    { "84 votes to 30, on 14 May", CLIP_STORY_LANG_EN, "date:05-14" },
    { "on May 14 the vote", CLIP_STORY_LANG_EN, "date:05-14" },
    { "во вторник, 14 мая, принял", CLIP_STORY_LANG_RU, "date:05-14" },
    { "პარლამენტმა 14 მაისს მიიღო", CLIP_STORY_LANG_KA, "date:05-14" },
    { "held on 14.05.2024", CLIP_STORY_LANG_EN, "date:05-14" },
    { "cost $1,200 million", CLIP_STORY_LANG_EN, "num:1200" },
    { "стоимостью 1 200 млн", CLIP_STORY_LANG_RU, "num:1200" },
    { "by 0.25 points", CLIP_STORY_LANG_EN, "num:0.25" },
    { "на 0,25 пункта", CLIP_STORY_LANG_RU, "num:0.25" },
    { "magnitude 4.7 quake", CLIP_STORY_LANG_EN, "num:4.7" },
    { "магнитудой 4,7", CLIP_STORY_LANG_RU, "num:4.7" },
    { "ბიძგი 08 საათზე", CLIP_STORY_LANG_KA, "num:8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) keys = clip_story_keys ("", cases[i].text, cases[i].lang, names);

      if (!has_key (names, cases[i].key))
        g_error ("“%s” gives no %s", cases[i].text, cases[i].key);
    }
}

/* The analyst merges two stories, moves an article out of a third and
 * renames a fourth; grouping again keeps all three. */
static void
test_analyst_kept (void)
{
  g_autoptr(ClipTestSet) set = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&set, &dir);
  g_autoptr(GError) error = NULL;
  gint64 racha = clip_test_set_story_of (set, store, "racha-en-agenda");
  gint64 borjomi = clip_test_set_story_of (set, store, "borjomi-en-agenda");
  gint64 nato = clip_test_set_story_of (set, store, "nato-en-civil");
  gint64 rugby = clip_test_set_story_of (set, store, "rugby-en-agenda");
  gint64 moved, n_racha, n_borjomi;
  g_autoptr(ClipStory) story = NULL;

  g_assert_cmpint (racha, !=, borjomi);
  n_racha = count (store, "SELECT count(*) FROM story_articles WHERE story_id = ?", racha);
  n_borjomi = count (store, "SELECT count(*) FROM story_articles WHERE story_id = ?", borjomi);
  g_assert_true (clip_stories_merge (store, racha, borjomi, &error));
  g_assert_no_error (error);
  moved = clip_stories_split (store, ((ClipTestLabelled *) g_hash_table_lookup (set->by_key, "nato-ka-publika"))->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (moved, !=, nato);
  g_assert_true (clip_stories_rename (store, rugby, "Rugby: Georgia win again", &error));
  g_assert_no_error (error);

  g_assert_true (clip_stories_regroup (store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (clip_test_set_story_of (set, store, "borjomi-ka-ipn"), ==, racha);
  g_assert_cmpint (count (store, "SELECT count(*) FROM story_articles WHERE story_id = ?", racha),
                   ==, n_racha + n_borjomi);
  g_assert_cmpint (clip_test_set_story_of (set, store, "nato-ka-publika"), ==, moved);
  g_assert_cmpint (clip_test_set_story_of (set, store, "nato-en-civil"), ==, nato);
  g_assert_cmpint (clip_test_set_story_of (set, store, "nato-ka-ipn"), ==, nato);
  story = clip_story_get (store, rugby, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (story->title, ==, "Rugby: Georgia win again");
  g_assert_true (story->renamed);
  g_assert_cmpuint (story->articles->len, ==, 4);
  /* Near-copies are found again. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM story_articles WHERE copy_of IS NOT NULL", 0),
                   ==, 11);
  /* And through the commands, as the front ends ask. */
  {
    g_autoptr(ClipStore) ro = NULL;
    g_autoptr(ClipCommands) commands = NULL;
    g_autoptr(ClipCommand) regroup = clip_command_regroup_stories ();

    g_clear_object (&store);
    commands = clip_commands_open (dir, &error);
    g_assert_no_error (error);
    g_assert_true (clip_commands_run (commands, regroup, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    ro = clip_archive_open (dir, CLIP_STORE_OPEN_READ_ONLY, &error);
    g_assert_cmpint (clip_test_set_story_of (set, ro, "nato-ka-publika"), ==, moved);
  }
}

static void
check_coverage (ClipStore *store, const ClipCoverageQuery *q, const char *sql, gint64 param)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buckets = clip_coverage_query (store, q, &error);
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, NULL);
  guint i = 0;

  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  if (sqlite3_bind_parameter_count (stmt))
    sqlite3_bind_int64 (stmt, 1, param);
  for (; sqlite3_step (stmt) == SQLITE_ROW; i++)
    {
      const ClipCoverageBucket *b;
      guint64 sum = 0;

      g_assert_cmpuint (i, <, buckets->len);
      b = g_ptr_array_index (buckets, i);
      g_assert_cmpstr (b->key, ==, (const char *) sqlite3_column_text (stmt, 0));
      g_assert_cmpuint (b->count, ==, sqlite3_column_int64 (stmt, 1));
      for (guint k = 0; k < b->by_outlet->len; k++)
        sum += g_array_index (b->by_outlet, ClipCoverageShare, k).count;
      g_assert_cmpuint (sum, ==, b->count);
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (i, ==, buckets->len);
  g_assert_cmpuint (i, >, 0);
}

/* Coverage from the narrow rows equals counting the articles table. */
static void
test_coverage (void)
{
  g_autoptr(ClipTestSet) set = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&set, NULL);
  gint64 rule_id, story = clip_test_set_story_of (set, store, "law-en-civil");
  ClipCoverageQuery q = { 0 };

  /* The default rule that matched the set the most. */
  rule_id = count (store, "SELECT rule_id FROM matches GROUP BY rule_id "
                          "ORDER BY count(*) DESC LIMIT 1", 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM matches WHERE rule_id = ?", rule_id), >=, 5);
  q.rule_id = rule_id;
  check_coverage (store, &q,
      "SELECT strftime('%Y-%m-%d', coalesce(a.published, a.fetched), 'unixepoch'), count(*) "
      "FROM articles a JOIN matches m ON m.article_id = a.id WHERE m.rule_id = ?1 "
      "GROUP BY 1 ORDER BY 1", rule_id);
  q.by = CLIP_COVERAGE_BY_HOUR;
  check_coverage (store, &q,
      "SELECT strftime('%Y-%m-%dT%H', coalesce(a.published, a.fetched), 'unixepoch'), count(*) "
      "FROM articles a JOIN matches m ON m.article_id = a.id WHERE m.rule_id = ?1 "
      "GROUP BY 1 ORDER BY 1", rule_id);
  q.by = CLIP_COVERAGE_BY_OUTLET;
  check_coverage (store, &q,
      "SELECT o.name, count(*) FROM articles a JOIN matches m ON m.article_id = a.id "
      "JOIN outlets o ON o.id = a.outlet_id WHERE m.rule_id = ?1 "
      "GROUP BY o.id ORDER BY 2 DESC, 1", rule_id);
  q = (ClipCoverageQuery) { .story_id = story, .by = CLIP_COVERAGE_BY_DAY };
  check_coverage (store, &q,
      "SELECT strftime('%Y-%m-%d', coalesce(a.published, a.fetched), 'unixepoch'), count(*) "
      "FROM articles a JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id = ?1 "
      "GROUP BY 1 ORDER BY 1", story);
  q = (ClipCoverageQuery) { .outlet_group = "odd", .since = 1709251200, .until = 1717200000 };
  check_coverage (store, &q,
      "SELECT strftime('%Y-%m-%d', coalesce(a.published, a.fetched), 'unixepoch'), count(*) "
      "FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.grp = 'odd' "
      "AND coalesce(a.published, a.fetched) >= 1709251200 "
      "AND coalesce(a.published, a.fetched) < 1717200000 GROUP BY 1 ORDER BY 1", 0);
}

/* An archive from before stories: its articles are grouped at the
 * writer's first ingest, and coverage counts them from the start. */
static void
test_migrate (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "archive.db", NULL);
  g_autofree char *fixture = clip_test_data_path ("store/archive-v1.sql");
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GPtrArray) stories = NULL;
  ClipCoverageQuery q = { .by = CLIP_COVERAGE_BY_OUTLET };
  g_autoptr(GPtrArray) buckets = NULL;
  ClipArticle *a = clip_article_new ();
  ClipIngestResult r;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (clip_fts_register (db, &error));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM story_articles WHERE story_id IS NULL", 0), ==, 2);
  buckets = clip_coverage_query (store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (buckets->len, ==, 2);
  a->guid = g_strdup ("new-1");
  a->title = g_strdup ("Kremlin comments on the Georgian elections");
  a->summary_text = g_strdup ("The Kremlin said it does not interfere.");
  a->lang = g_strdup ("en");
  a->published = 1700000500;
  g_ptr_array_add (batch, a);
  clip_ingest_result_init (&r);
  g_assert_true (clip_store_ingest (store, 2, batch, &r, &error));
  g_assert_no_error (error);
  clip_ingest_result_clear (&r);
  g_assert_cmpint (count (store, "SELECT count(*) FROM story_articles WHERE story_id IS NULL", 0), ==, 0);
  stories = clip_stories_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stories->len, >=, 2);
}

static ClipArticle *
copy_article (const char *guid, const char *title, gint64 published)
{
  ClipArticle *a = clip_article_new ();

  a->guid = g_strdup (guid);
  a->title = g_strdup (title);
  a->summary_text = g_strdup ("The Seismic Monitoring Centre said an earthquake of magnitude 4.7 "
                              "struck the Racha region at 08:14 local time, twelve kilometres "
                              "north of Ambrolauri. Tremors were felt in Kutaisi and Oni.");
  a->lang = g_strdup ("en");
  a->published = published;
  return a;
}

static void
ingest_one (ClipStore *store, gint64 outlet, ClipArticle *a)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult r;

  g_ptr_array_add (batch, a);
  clip_ingest_result_init (&r);
  clip_store_ingest (store, outlet, batch, &r, &error);
  g_assert_no_error (error);
  clip_ingest_result_clear (&r);
}

/* The original arrives after its copies (a late feed): it becomes the
 * article they are copies of, and recycled marks are measured from it. */
static void
test_late_original (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  ClipOutlet o = { .url = "https://a.example/feed", .name = "A", .enabled = TRUE, .group = "",
                   .interval = 900 };
  gint64 outlet = clip_store_add_outlet (store, &o, &error);
  g_autoptr(ClipStoryArticle) copy = NULL, original = NULL;

  g_assert_no_error (error);
  ingest_one (store, outlet, copy_article ("copy", "Quake in Racha", 1708500000));
  ingest_one (store, outlet, copy_article ("recycled", "Quake shakes Racha", 1708500000 + 40 * 86400));
  ingest_one (store, outlet, copy_article ("original", "Racha earthquake", 1708400000));
  copy = clip_story_article_get (store, 1, &original, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy->copy_of, ==, 3);
  g_assert_cmpint (copy->recycled_from, ==, 0);
  g_assert_cmpfloat (copy->shared, >, 0.99);
  g_assert_cmpstr (original->title, ==, "Racha earthquake");
  g_clear_pointer (&copy, clip_story_article_free);
  copy = clip_story_article_get (store, 2, NULL, &error);
  g_assert_cmpint (copy->copy_of, ==, 3);
  g_assert_cmpint (copy->recycled_from, ==, 3);
  g_clear_pointer (&copy, clip_story_article_free);
  copy = clip_story_article_get (store, 3, NULL, &error);
  g_assert_cmpint (copy->copy_of, ==, 0);
  g_clear_pointer (&original, clip_story_article_free);
  original = clip_story_article_get (store, 1, NULL, NULL);
  g_assert_cmpint (copy->story_id, ==, original->story_id);
}

static ClipArticle *
news (const char *guid, const char *title, const char *text, gint64 published)
{
  ClipArticle *a = clip_article_new ();

  a->guid = g_strdup (guid);
  a->title = g_strdup (title);
  a->summary_text = g_strdup (text);
  a->lang = g_strdup ("en");
  a->published = published;
  return a;
}

static gint64
story_of (ClipStore *store, const char *guid)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT coalesce(sa.story_id, 0) FROM story_articles sa "
                                                  "JOIN articles a ON a.id = sa.article_id WHERE a.guid = ?", NULL);
  gint64 id;

  sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* A backlog fetched newest first, weeks older than the live window: the
 * window read for it grows back by the days missing (rather than being
 * read again whole), and what it grows by is read from the archive: an
 * article joins a story whose article was stored before that window
 * existed, and one it holds already. */
static void
test_late_window (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  ClipOutlet o = { .url = "https://a.example/feed", .name = "A", .enabled = TRUE, .group = "",
                   .interval = 900 };
  gint64 outlet = clip_store_add_outlet (store, &o, &error);
  const gint64 T = 1717200000, D = 86400;

  g_assert_no_error (error);
  ingest_one (store, outlet, news ("c1", "Papuashvili meets Kovalenko in Batumi over 47 km pipeline",
                                   "Parliament speaker Shalva Papuashvili met envoy Andriy Kovalenko in Batumi "
                                   "to discuss the 47 km Supsa pipeline and its 2026 schedule.", T - 33 * D));
  ingest_one (store, outlet, news ("now", "Rain expected in Kutaisi", "The weather service expects rain "
                                   "in Kutaisi and Zestaponi for most of the week.", T));
  ingest_one (store, outlet, news ("a1", "Tbilisi marathon draws 9,400 runners",
                                   "The Tbilisi marathon drew 9,400 runners along Rustaveli Avenue, "
                                   "organiser Nino Gelashvili said.", T - 20 * D));
  ingest_one (store, outlet, news ("b1", "Gurjaani wine festival opens with 312 producers",
                                   "The Gurjaani wine festival opened with 312 producers from Kakheti, "
                                   "mayor Levan Shalamberidze said.", T - 25 * D));
  /* Older than the late window: it grows back to hold c1's days. */
  ingest_one (store, outlet, news ("c2", "Kovalenko, Papuashvili agree 47 km Supsa pipeline timetable",
                                   "Envoy Andriy Kovalenko and speaker Shalva Papuashvili agreed in Batumi "
                                   "on the timetable of the 47 km Supsa pipeline.", T - 31 * D));
  ingest_one (store, outlet, news ("b2", "Shalamberidze: 312 producers at Gurjaani wine festival",
                                   "Mayor Levan Shalamberidze said 312 producers from Kakheti came to "
                                   "the Gurjaani wine festival.", T - 26 * D));
  g_assert_cmpint (story_of (store, "c2"), !=, 0);
  g_assert_cmpint (story_of (store, "c2"), ==, story_of (store, "c1"));
  g_assert_cmpint (story_of (store, "b2"), ==, story_of (store, "b1"));
  g_assert_cmpint (story_of (store, "b1"), !=, story_of (store, "c1"));
  g_assert_cmpint (story_of (store, "a1"), !=, story_of (store, "b1"));
}

/* Days of a zone with summer time, each date at its own offset (as the
 * reports cut their days): an article at 22:30 UTC in July is the next
 * day in Berlin (UTC+2 then), though Berlin is UTC+1 in winter. */
static void
test_coverage_zone (void)
{
  g_autoptr(ClipTestSet) set = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&set, NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GHashTable) want = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) buckets = NULL;
  g_autoptr(GError) error = NULL;
  ClipCoverageQuery q = { .by = CLIP_COVERAGE_BY_DAY, .utc_offset = 3600 };
  sqlite3_stmt *stmt;

  g_assert_nonnull (tz);
  ingest_one (store, 1, news ("late-summer", "Night session of parliament ends",
                              "The session ended after midnight, the speaker's office said.", 1720650600));
  stmt = clip_store_prepare (store, "SELECT time FROM story_articles", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 0));
      g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, tz);
      char *key = g_date_time_format (local, "%Y-%m-%d");

      g_hash_table_insert (want, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (want, key)) + 1));
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (want, "2024-07-11")), >=, 1);
  q.tz = tz;
  buckets = clip_coverage_query (store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (buckets->len, ==, g_hash_table_size (want));
  for (guint i = 0; i < buckets->len; i++)
    {
      ClipCoverageBucket *b = buckets->pdata[i];
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (b->start);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (start, tz);

      g_assert_cmpuint (b->count, ==, GPOINTER_TO_UINT (g_hash_table_lookup (want, b->key)));
      /* A bucket starts at its local midnight. */
      g_assert_cmpint (g_date_time_get_hour (local), ==, 0);
      g_assert_cmpint (g_date_time_get_minute (local), ==, 0);
    }
}

/* The reports' chart and the Coverage view give the same figures: a
 * report of a rule's articles counts, per local day, what coverage of the
 * rule counts for that day in the local zone (TZ is Europe/Berlin here,
 * with summer time). */
static void
test_coverage_report (void)
{
  g_autoptr(ClipTestSet) set = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&set, NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GPtrArray) buckets = NULL;
  g_autoptr(ClipExportSelection) sel = NULL;
  g_autoptr(GError) error = NULL;
  ClipExportScope scope = { 0 };
  ClipCoverageQuery q = { .by = CLIP_COVERAGE_BY_DAY, .tz = tz };
  gint64 rule_id = count (store, "SELECT rule_id FROM matches GROUP BY rule_id ORDER BY count(*) DESC LIMIT 1", 0);
  g_autoptr(ClipRule) rule = clip_store_get_rule (store, rule_id, NULL);
  guint column = G_MAXUINT, checked = 0;

  g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "Europe/Berlin");
  scope.rule = rule->name;
  sel = clip_export_select (store, &scope, NULL, FALSE, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sel->rules->len; i++)
    if (((ClipExportRule *) sel->rules->pdata[i])->id == rule_id)
      column = i;
  g_assert_cmpuint (column, !=, G_MAXUINT);
  q.rule_id = rule_id;
  buckets = clip_coverage_query (store, &q, &error);
  g_assert_no_error (error);
  for (guint d = 0; d < sel->n_days; d++)
    {
      GDate day = sel->first_day;
      char key[16];
      guint64 want = 0;

      g_date_add_days (&day, d);
      g_snprintf (key, sizeof key, "%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                  g_date_get_day (&day));
      for (guint i = 0; i < buckets->len; i++)
        if (g_str_equal (((ClipCoverageBucket *) buckets->pdata[i])->key, key))
          want = ((ClipCoverageBucket *) buckets->pdata[i])->count;
      g_assert_cmpuint (clip_export_day_count (sel, d, column), ==, want);
      checked += want > 0;
    }
  g_assert_cmpuint (checked, ==, buckets->len);
}

/* The report's day for a column, by date ("2024-03-31"): 0 when the day
 * is outside the chart. */
static guint
report_day (const ClipExportSelection *sel, const char *date, guint column)
{
  GDate day;
  int y, m, d;
  guint j, first;

  g_assert_cmpint (sscanf (date, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  j = g_date_get_julian (&day);
  first = g_date_get_julian (&sel->first_day);
  if (j < first || j >= first + sel->n_days)
    return 0;
  return clip_export_day_count (sel, j - first, column);
}

/* Local days across both changes of the clock (Europe/Berlin, 2024):
 * the report's chart counts each article on its local date, as the
 * coverage counts it. Cut in UTC, at one fixed offset, or by the day's
 * end offset, some of these fall on the day before or after. */
static void
test_report_dst_days (void)
{
  static const struct { const char *guid, *title; gint64 time; const char *day; } rows[] = {
    /* Spring forward, 31 March 02:00 CET → 03:00 CEST (01:00 UTC). */
    { "s1", "Racha quake felt at dawn", 1711841400, "2024-03-31" },      /* 03-30 23:30 UTC: 00:30 CET */
    { "s2", "Racha quake aftershocks", 1711920600, "2024-03-31" },       /* 03-31 21:30 UTC: 23:30 CEST */
    { "s3", "Racha quake night report", 1711924200, "2024-04-01" },      /* 03-31 22:30 UTC: 00:30 CEST */
    /* Fall back, 27 October 03:00 CEST → 02:00 CET (01:00 UTC). */
    { "f1", "Racha quake night shift", 1729981800, "2024-10-27" },       /* 10-26 22:30 UTC: 00:30 CEST */
    { "f2", "Racha quake damage counted", 1730068200, "2024-10-27" },    /* 10-27 22:30 UTC: 23:30 CET */
    { "f3", "Racha quake night service", 1730071800, "2024-10-28" },     /* 10-27 23:30 UTC: 00:30 CET */
  };
  static const struct { const char *day; guint all, night; } want[] = {
    { "2024-03-30", 0, 0 }, { "2024-03-31", 2, 0 }, { "2024-04-01", 1, 1 },
    { "2024-10-26", 0, 0 }, { "2024-10-27", 2, 1 }, { "2024-10-28", 1, 1 },
  };
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  ClipOutlet o = { .url = "https://a.example/feed", .name = "A", .enabled = TRUE, .group = "",
                   .interval = 900 };
  ClipRule racha = { .name = (char *) "Racha", .query = (char *) "Racha", .enabled = TRUE };
  ClipRule night = { .name = (char *) "Night", .query = (char *) "night", .enabled = TRUE };
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(ClipExportSelection) sel = NULL;
  ClipExportScope scope = { 0 };
  gint64 outlet, night_id;
  guint racha_col = G_MAXUINT, night_col = G_MAXUINT;

  g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "Europe/Berlin");
  g_assert_no_error (error);
  outlet = clip_store_add_outlet (store, &o, &error);
  g_assert_no_error (error);
  g_assert_cmpint (clip_store_add_rule (store, &racha, &error), >, 0);
  g_assert_cmpint ((night_id = clip_store_add_rule (store, &night, &error)), >, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    ingest_one (store, outlet, copy_article (rows[i].guid, rows[i].title, rows[i].time));

  sel = clip_export_select (store, &scope, NULL, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sel->rules->len, ==, 2);
  for (guint i = 0; i < sel->rules->len; i++)
    {
      const ClipExportRule *r = sel->rules->pdata[i];

      if (r->id == night_id)
        night_col = i;
      else
        racha_col = i;
    }
  g_assert_cmpuint (night_col, !=, G_MAXUINT);
  g_assert_cmpuint (racha_col, !=, G_MAXUINT);
  /* The chart runs from the first local day to the last. */
  g_assert_cmpuint (sel->n_days, ==, 212);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_test_message ("%s: all %u, night %u", want[i].day, report_day (sel, want[i].day, sel->rules->len),
                      report_day (sel, want[i].day, night_col));
      g_assert_cmpuint (report_day (sel, want[i].day, sel->rules->len), ==, want[i].all);
      g_assert_cmpuint (report_day (sel, want[i].day, racha_col), ==, want[i].all);
      g_assert_cmpuint (report_day (sel, want[i].day, night_col), ==, want[i].night);
    }

  /* And the Coverage view's counts (the local zone) are the same. */
  for (guint pass = 0; pass < 2; pass++)
    {
      ClipCoverageQuery q = { .by = CLIP_COVERAGE_BY_DAY, .tz = tz, .rule_id = pass ? night_id : 0 };
      g_autoptr(GPtrArray) buckets = clip_coverage_query (store, &q, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < buckets->len; i++)
        {
          const ClipCoverageBucket *b = buckets->pdata[i];

          g_assert_cmpuint (b->count, ==, report_day (sel, b->key, pass ? night_col : sel->rules->len));
        }
    }
}

/* Cancelled, the stories' listing and the coverage's counting stop with
 * G_IO_ERROR_CANCELLED (the views cancel them when left). */
static void
test_cancelled (void)
{
  g_autoptr(ClipTestSet) set = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&set, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ClipCoverageQuery q = { .by = CLIP_COVERAGE_BY_DAY, .cancellable = cancellable };
  ClipStoryFilter f = { .min_articles = 2, .cancellable = cancellable };
  g_autoptr(GPtrArray) buckets = clip_coverage_query (store, &q, &error);
  g_autoptr(GPtrArray) stories = clip_stories_list (store, &f, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (buckets->len, >, 0);
  g_assert_cmpuint (stories->len, >, 0);
  g_clear_pointer (&buckets, g_ptr_array_unref);
  g_clear_pointer (&stories, g_ptr_array_unref);
  g_cancellable_cancel (cancellable);
  g_assert_null ((buckets = clip_coverage_query (store, &q, &error)));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null ((stories = clip_stories_list (store, &f, &error)));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean fail_next;

static gboolean
failing_hook (ClipStore *store, const GArray *ids, gpointer data, GError **error)
{
  if (!fail_next)
    return TRUE;
  fail_next = FALSE;
  g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_FAILED, "the disk is full (test)");
  return FALSE;
}

/* A batch rolled back after grouping (a later hook failed): the stories
 * it started are not stored, and the next batch must not join them. */
static void
test_rolled_back (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  ClipOutlet o = { .url = "https://a.example/feed", .name = "A", .enabled = TRUE, .group = "",
                   .interval = 900 };
  gint64 outlet = clip_store_add_outlet (store, &o, &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  ClipIngestResult r;

  g_assert_no_error (error);
  clip_store_add_ingest_hook (store, failing_hook, NULL, NULL);
  fail_next = TRUE;
  g_ptr_array_add (batch, copy_article ("first", "Quake in Racha", 1708500000));
  clip_ingest_result_init (&r);
  g_assert_false (clip_store_ingest (store, outlet, batch, &r, &error));
  g_clear_error (&error);
  clip_ingest_result_clear (&r);
  ingest_one (store, outlet, copy_article ("second", "Earthquake in Racha, Ambrolauri", 1708500600));
  g_assert_cmpint (count (store, "SELECT count(*) FROM story_articles sa JOIN stories s "
                                 "ON s.id = sa.story_id", 0), ==, 1);
}

int
main (int argc, char **argv)
{
  /* Local days with summer time (the report test); the others name
   * their zone or cut in UTC. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stories/names/cross-script", test_names);
  g_test_add_func ("/stories/keys/values", test_values);
  g_test_add_func ("/stories/analyst/kept-when-grouped-again", test_analyst_kept);
  g_test_add_func ("/stories/coverage/sql-count", test_coverage);
  g_test_add_func ("/stories/migrate", test_migrate);
  g_test_add_func ("/stories/copies/late-original", test_late_original);
  g_test_add_func ("/stories/rolled-back", test_rolled_back);
  g_test_add_func ("/stories/late-window/grows-back", test_late_window);
  g_test_add_func ("/stories/coverage/zone-days", test_coverage_zone);
  g_test_add_func ("/stories/coverage/report-days", test_coverage_report);
  g_test_add_func ("/stories/coverage/report-dst-days", test_report_dst_days);
  g_test_add_func ("/stories/cancelled", test_cancelled);
  return g_test_run ();
}
