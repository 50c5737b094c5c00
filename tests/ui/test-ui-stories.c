/* test-ui-stories.c — the Stories and Coverage views on the labelled set
 * (tests/data/stories): stories listed and a timeline opened; rename,
 * merge and move-out from the view kept in the archive; coverage counts
 * against SQL counts, a bar's articles; copies marked in the list rows
 * and the reading view; the views in the window, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "clip-alert-spikes.h"
#include "clip-archive.h"
#include "clip-article-item.h"
#include "clip-article-view.h"
#include "clip-commands.h"
#include "clip-coverage-chart.h"
#include "clip-coverage-view.h"
#include "clip-rules-store.h"
#include "clip-stories-view.h"
#include "clip-store-listing.h"
#include "clip-store-sql.h"
#include "clip-test-desk.h"
#include "clip-test-stories.h"
#include "clip-test-ui.h"
#include "clip-test-util.h"
#include "clip-window.h"

/* Every statement any connection of this process runs is seen here (an
 * auto extension traces each connection as it opens): counted by thread
 * while counting is on, and one statement can be held at its start. */
static GThread *main_thread;
static gint counting, main_reads, worker_reads;
static const char *hold_sql;     /* a statement containing this is held */
static gint hold_armed, held;
static GMutex hold_lock;
static GCond hold_cond;
static gboolean hold_released;

static int
trace_cb (unsigned type, void *ctx, void *p, void *x)
{
  const char *sql = x;

  if (g_atomic_int_get (&counting))
    g_atomic_int_inc (g_thread_self () == main_thread ? &main_reads : &worker_reads);
  if (hold_sql && sql && strstr (sql, hold_sql) && g_thread_self () != main_thread &&
      g_atomic_int_compare_and_exchange (&hold_armed, 1, 0))
    {
      g_mutex_lock (&hold_lock);
      g_atomic_int_set (&held, 1);
      while (!hold_released)
        g_cond_wait (&hold_cond, &hold_lock);
      g_mutex_unlock (&hold_lock);
    }
  return 0;
}

static int
trace_init (sqlite3 *db, char **err, const sqlite3_api_routines *api)
{
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, trace_cb, NULL);
  return SQLITE_OK;
}

static void
hold_next (const char *sql)
{
  hold_sql = sql;
  hold_released = FALSE;
  g_atomic_int_set (&held, 0);
  g_atomic_int_set (&hold_armed, 1);
}

static gboolean
is_held (gpointer data)
{
  return g_atomic_int_get (&held);
}

static void
release (void)
{
  g_mutex_lock (&hold_lock);
  hold_released = TRUE;
  g_cond_broadcast (&hold_cond);
  g_mutex_unlock (&hold_lock);
}

static gboolean
stories_loaded (gpointer view)
{
  return !clip_stories_view_is_loading (view);
}

static gboolean
coverage_loaded (gpointer view)
{
  return !clip_coverage_view_is_loading (view);
}

static void
wait_stories (ClipStoriesView *view)
{
  g_assert_true (clip_test_ui_wait (stories_loaded, view));
}

static void
wait_coverage (ClipCoverageView *view)
{
  g_assert_true (clip_test_ui_wait (coverage_loaded, view));
}

static gpointer
child (gpointer widget, GType type, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
}

/* The labelled set in a fresh archive, grouped as it arrived, with a rule
 * matching the Stoltenberg stories and two outlets in a group. Returns a
 * reader of it. */
static ClipStore *
labelled_archive (char **dir_out)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(ClipStore) writer = NULL;
  g_autoptr(ClipTestSet) set = clip_test_set_load ();
  g_autoptr(GError) error = NULL;
  ClipRule rule = { .name = (char *) "Stoltenberg", .query = (char *) "Stoltenberg OR Столтенберг* OR სტოლტენბერგ*",
                    .enabled = TRUE };
  ClipStore *reader;

  writer = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (clip_store_add_rule (writer, &rule, &error), >, 0);
  g_assert_no_error (error);
  clip_test_set_ingest (set, writer, CLIP_TEST_ORDER_TIME);
  g_assert_cmpint (sqlite3_exec (clip_store_get_db (writer),
                                 "UPDATE outlets SET grp = 'Wires' WHERE name IN ('Reuters', 'TASS')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&writer);
  reader = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  *dir_out = g_steal_pointer (&dir);
  return reader;
}

static gint64
sql_int (ClipStore *store, const char *sql, gint64 a, gint64 b)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (clip_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static guint
n_children (gpointer widget)
{
  guint n = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (widget)); w; w = gtk_widget_get_next_sibling (w))
    n++;
  return n;
}

static GtkWidget *
window_with (GtkWidget *view, int width)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  gtk_window_present (GTK_WINDOW (window));
  clip_test_ui_wait_frame (view);
  return window;
}

/* The story with the most articles among those listed. */
static const ClipStory *
biggest (GPtrArray *stories)
{
  const ClipStory *best = NULL;

  for (guint i = 0; i < stories->len; i++)
    {
      const ClipStory *s = stories->pdata[i];
      if (best == NULL || s->articles->len > best->articles->len)
        best = s;
    }
  return best;
}

static void
test_list_and_timeline (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&dir);
  g_autoptr(ClipCommands) commands = clip_commands_open (dir, NULL);
  ClipStoriesView *view = CLIP_STORIES_VIEW (clip_stories_view_new ());
  GtkWidget *window = window_with (GTK_WIDGET (view), 1200);
  GPtrArray *stories;
  const ClipStory *open;
  gint64 expected, copies;

  clip_stories_view_set_store (view, store, commands);
  clip_stories_view_reload (view);
  wait_stories (view);
  stories = clip_stories_view_get_stories (view);
  /* Every story of two articles or more, newest first. */
  expected = sql_int (store, "SELECT count(*) FROM (SELECT story_id FROM story_articles WHERE story_id IS NOT NULL "
                             "GROUP BY story_id HAVING count(*) >= 2)", 0, 0);
  g_assert_cmpint (expected, >=, 12);
  g_assert_cmpuint (stories->len, ==, MIN (expected, CLIP_STORIES_VIEW_PAGE));
  g_assert_cmpuint (n_children (child (view, CLIP_TYPE_STORIES_VIEW, "stories_list")), ==, stories->len);
  for (guint i = 1; i < stories->len; i++)
    g_assert_cmpint (((ClipStory *) stories->pdata[i - 1])->first_seen, >=,
                     ((ClipStory *) stories->pdata[i])->first_seen);

  /* Opening a row shows its timeline: an original a row, its copies
   * folded under it. */
  g_assert_null (clip_stories_view_get_story (view));
  open = biggest (stories);
  {
    GtkWidget *list = child (view, CLIP_TYPE_STORIES_VIEW, "stories_list");
    guint at = 0;

    while (((ClipStory *) stories->pdata[at])->id != open->id)
      at++;
    g_signal_emit_by_name (list, "row-activated",
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) at));
  }
  wait_stories (view);
  g_assert_nonnull (clip_stories_view_get_story (view));
  g_assert_cmpint (clip_stories_view_get_story (view)->id, ==, open->id);
  copies = sql_int (store, "SELECT count(*) FROM story_articles sa WHERE story_id = ?1 AND copy_of IN "
                           "(SELECT article_id FROM story_articles WHERE story_id = ?1)", open->id, 0);
  g_assert_cmpuint (n_children (child (view, CLIP_TYPE_STORIES_VIEW, "timeline")), ==,
                    open->articles->len - copies);
  g_assert_nonnull (clip_test_ui_find (child (view, CLIP_TYPE_STORIES_VIEW, "story_title"), GTK_TYPE_LABEL,
                                       open->title));

  /* A story with a copy folds it in an expander that names the original. */
  for (guint i = 0; i < stories->len; i++)
    {
      const ClipStory *s = stories->pdata[i];

      if (sql_int (store, "SELECT count(*) FROM story_articles WHERE story_id = ?1 AND copy_of IN "
                          "(SELECT article_id FROM story_articles WHERE story_id = ?1)", s->id, 0) == 0)
        continue;
      clip_stories_view_open (view, s->id);
      wait_stories (view);
      g_assert_nonnull (clip_test_ui_find (child (view, CLIP_TYPE_STORIES_VIEW, "timeline"),
                                           GTK_TYPE_EXPANDER, NULL));
      break;
    }
  clip_test_ui_wait_frame (GTK_WIDGET (view));
  g_free (clip_test_ui_screenshot (window, "stories-light"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  clip_test_ui_wait_frame (GTK_WIDGET (view));
  g_free (clip_test_ui_screenshot (window, "stories-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  ClipStoriesView *view;
  guint            changes;
} ChangeWait;

static void
changed_cb (ClipStoriesView *view, ChangeWait *w)
{
  w->changes++;
}

static gboolean
changed_n (gpointer data)
{
  ChangeWait *w = data;

  return w->changes >= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w->view), "want"));
}

static void
wait_change (ChangeWait *w, guint n)
{
  g_object_set_data (G_OBJECT (w->view), "want", GUINT_TO_POINTER (n));
  g_assert_true (clip_test_ui_wait (changed_n, w));
}

static gint64
story_of (ClipStore *store, gint64 article_id)
{
  return sql_int (store, "SELECT coalesce(story_id, 0) FROM story_articles WHERE article_id = ?1", article_id, 0);
}

/* The Move Out button of an article in the timeline, wherever it is (a
 * copy's is folded under its original). */
static GtkWidget *
split_button (GtkWidget *timeline, gint64 article)
{
  g_autoptr(GQueue) queue = g_queue_new ();
  GtkWidget *found = NULL;

  g_queue_push_tail (queue, timeline);
  while (!g_queue_is_empty (queue) && found == NULL)
    {
      GtkWidget *x = g_queue_pop_head (queue);
      GVariant *target = GTK_IS_BUTTON (x) ? gtk_actionable_get_action_target_value (GTK_ACTIONABLE (x)) : NULL;

      if (target && g_variant_get_int64 (target) == article)
        found = x;
      for (GtkWidget *c = gtk_widget_get_first_child (x); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (queue, c);
    }
  return found;
}

/* Rename, merge and move out, as the analyst does them in the view: in
 * the archive after, and kept when it is grouped again. */
static void
test_changes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&dir);
  g_autoptr(ClipCommands) commands = clip_commands_open (dir, NULL);
  ClipStoriesView *view = CLIP_STORIES_VIEW (clip_stories_view_new ());
  GtkWidget *window = window_with (GTK_WIDGET (view), 1200);
  ChangeWait w = { view, 0 };
  gint64 a, b, moved, a_first, b_article;
  GtkWidget *entry, *merge_list, *button;
  g_autoptr(GError) error = NULL;

  g_signal_connect (view, "changed", G_CALLBACK (changed_cb), &w);
  clip_stories_view_set_store (view, store, commands);
  clip_stories_view_reload (view);
  wait_stories (view);
  a = ((ClipStory *) clip_stories_view_get_stories (view)->pdata[0])->id;
  b = ((ClipStory *) clip_stories_view_get_stories (view)->pdata[1])->id;
  clip_stories_view_open (view, a);
  wait_stories (view);

  /* Rename: the entry of the Rename popover. */
  entry = child (view, CLIP_TYPE_STORIES_VIEW, "rename_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Tbilisi events, as the analyst calls them ");
  g_signal_emit_by_name (entry, "activate");
  wait_change (&w, 1);
  {
    g_autoptr(ClipStory) s = clip_story_get (store, a, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (s->title, ==, "Tbilisi events, as the analyst calls them");
    g_assert_true (s->renamed);
  }
  g_assert_cmpstr (clip_stories_view_get_story (view)->title, ==, "Tbilisi events, as the analyst calls them");

  /* Merge: b's row in the Merge popover. */
  b_article = sql_int (store, "SELECT min(article_id) FROM story_articles WHERE story_id = ?1", b, 0);
  merge_list = child (view, CLIP_TYPE_STORIES_VIEW, "merge_list");
  for (GtkWidget *row = gtk_widget_get_first_child (merge_list); row; row = gtk_widget_get_next_sibling (row))
    if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "story-id")) == b)
      g_signal_emit_by_name (merge_list, "row-activated", row);
  wait_change (&w, 2);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM story_articles WHERE story_id = ?1", b, 0), ==, 0);
  g_assert_cmpuint (clip_stories_view_get_story (view)->articles->len, ==,
                    sql_int (store, "SELECT count(*) FROM story_articles WHERE story_id = ?1", a, 0));

  /* Move out: the last article's button in the timeline. */
  a_first = ((ClipStoryArticle *) clip_stories_view_get_story (view)->articles->pdata[0])->id;
  moved = ((ClipStoryArticle *) g_ptr_array_index (clip_stories_view_get_story (view)->articles,
                                                    clip_stories_view_get_story (view)->articles->len - 1))->id;
  button = split_button (child (view, CLIP_TYPE_STORIES_VIEW, "timeline"), moved);
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  wait_change (&w, 3);
  g_assert_cmpint (story_of (store, moved), !=, a);
  g_assert_cmpint (story_of (store, moved), !=, 0);

  /* Grouped again from scratch: the analyst's choices stay. */
  {
    g_autoptr(ClipCommand) regroup = clip_command_regroup_stories ();
    g_autoptr(ClipStory) s = NULL;

    g_assert_true (clip_commands_run (commands, regroup, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (story_of (store, moved), !=, story_of (store, a_first));
    g_assert_cmpint (story_of (store, b_article), ==, story_of (store, a_first));
    s = clip_story_get (store, story_of (store, a_first), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (s->title, ==, "Tbilisi events, as the analyst calls them");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The day's count of what a scope counts, by SQL over the articles. */
static gint64
sql_day_count (ClipStore *store, const char *where, gint64 start)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM articles a JOIN article_times t ON t.id = a.id "
                                          "JOIN outlets o ON o.id = a.outlet_id "
                                          "WHERE t.time >= ?1 AND t.time < ?2 AND %s", where);

  return sql_int (store, sql, start, start + 86400);
}

static void
check_counts (ClipStore *store, ClipCoverageView *view, const char *where)
{
  const gboolean *spikes;
  GPtrArray *buckets = clip_coverage_view_get_buckets (view, &spikes);
  g_autofree char *total_sql = g_strdup_printf ("SELECT count(*) FROM articles a JOIN outlets o ON o.id = a.outlet_id "
                                                "WHERE %s AND ?1 = ?2", where);
  guint64 total = 0;

  g_assert_nonnull (buckets);
  g_assert_cmpuint (buckets->len, >, 0);
  for (guint i = 0; i < buckets->len; i++)
    {
      ClipCoverageBucket *b = buckets->pdata[i];

      if (b->count != (guint64) sql_day_count (store, where, b->start))
        g_test_message ("bucket %s start %" G_GINT64_FORMAT " count %" G_GUINT64_FORMAT " sql %" G_GINT64_FORMAT " (%s)",
                        b->key, b->start, b->count, sql_day_count (store, where, b->start), where);
      g_assert_cmpint (b->count, ==, sql_day_count (store, where, b->start));
      total += b->count;
    }
  g_assert_cmpint (total, ==, sql_int (store, total_sql, 0, 0));
}

static void
test_coverage (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&dir);
  ClipCoverageView *view = CLIP_COVERAGE_VIEW (clip_coverage_view_new ());
  GtkWidget *window = window_with (GTK_WIDGET (view), 1100);
  g_autoptr(ClipRule) rule = clip_store_find_rule (store, "Stoltenberg", NULL);
  ClipCoverageChart *chart = child (view, CLIP_TYPE_COVERAGE_VIEW, "chart");
  GtkWidget *articles = child (view, CLIP_TYPE_COVERAGE_VIEW, "articles_list");
  GPtrArray *buckets;
  int bar = -1;
  guint64 most = 0;

  clip_coverage_view_set_store (view, store);
  clip_coverage_view_reload (view);
  wait_coverage (view);
  check_counts (store, view, "1");
  clip_coverage_view_show (view, CLIP_COVERAGE_SCOPE_RULE, rule->id, rule->name);
  wait_coverage (view);
  {
    g_autofree char *where = g_strdup_printf ("a.id IN (SELECT article_id FROM matches WHERE rule_id = %"
                                              G_GINT64_FORMAT ")", rule->id);

    check_counts (store, view, where);
  }
  clip_coverage_view_show (view, CLIP_COVERAGE_SCOPE_GROUP, 0, "Wires");
  wait_coverage (view);
  check_counts (store, view, "o.grp = 'Wires'");
  clip_coverage_view_show (view, CLIP_COVERAGE_SCOPE_ALL, 0, NULL);
  wait_coverage (view);
  buckets = clip_coverage_view_get_buckets (view, NULL);

  /* A click on the tallest bar lists its articles: the chart finds the
   * bar under the pointer, and the view lists what SQL counts. */
  clip_test_ui_wait_frame (GTK_WIDGET (view));
  for (int x = 0; x < gtk_widget_get_width (GTK_WIDGET (chart)); x++)
    {
      int at = clip_coverage_chart_bar_at (chart, x);

      if (at >= 0 && ((ClipCoverageBucket *) buckets->pdata[at])->count > most)
        {
          most = ((ClipCoverageBucket *) buckets->pdata[at])->count;
          bar = at;
        }
    }
  g_assert_cmpint (bar, >=, 0);
  g_assert_cmpuint (n_children (articles), ==, 0);
  g_signal_emit_by_name (chart, "bar-activated", bar);
  wait_coverage (view);
  g_assert_cmpint (clip_coverage_chart_get_selected (chart), ==, bar);
  g_assert_cmpuint (n_children (articles), ==,
                    sql_day_count (store, "1", ((ClipCoverageBucket *) buckets->pdata[bar])->start));
  clip_test_ui_wait_frame (GTK_WIDGET (view));
  g_free (clip_test_ui_screenshot (window, "coverage-light"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  clip_test_ui_wait_frame (GTK_WIDGET (view));
  g_free (clip_test_ui_screenshot (window, "coverage-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_toggle_button_set_active (child (view, CLIP_TYPE_COVERAGE_VIEW, "table_toggle"), TRUE);
  /* The table has a row a bucket, under its header. */
  g_assert_cmpuint (n_children (child (view, CLIP_TYPE_COVERAGE_VIEW, "table_list")), ==, buckets->len + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (view, CLIP_TYPE_COVERAGE_VIEW, "view_stack")), ==,
                   "table");
  clip_test_ui_wait_frame (GTK_WIDGET (view));
  g_free (clip_test_ui_screenshot (window, "coverage-table"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The chart's drawing of two years by day, 20 outlets a day: the nodes
 * of a frame, timed (the Coverage view's goal: under 100 ms with the
 * counting). */
static void
test_chart_draw (void)
{
  g_autoptr(GPtrArray) buckets = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_coverage_bucket_free);
  ClipCoverageChart *chart = CLIP_COVERAGE_CHART (clip_coverage_chart_new ());
  GtkWidget *window = window_with (GTK_WIDGET (chart), 1100);
  const gint64 series[] = { 1, 2, 3, 4, 5, 6, 7, 8, 0 };
  gint64 start;
  double ms;

  for (guint d = 0; d < 730; d++)
    {
      ClipCoverageBucket *b = g_new0 (ClipCoverageBucket, 1);

      b->start = 1640995200 + (gint64) d * 86400;
      b->key = g_strdup ("day");
      b->by_outlet = g_array_new (FALSE, FALSE, sizeof (ClipCoverageShare));
      for (guint o = 1; o <= 20; o++)
        {
          ClipCoverageShare share = { o, g_strdup ("outlet"), 1 + (d * o) % 13 };

          g_array_append_val (b->by_outlet, share);
          b->count += share.count;
        }
      g_ptr_array_add (buckets, b);
    }
  clip_coverage_chart_set_data (chart, buckets, NULL, series, 86400);
  clip_test_ui_wait_frame (GTK_WIDGET (chart));
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 10; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      GTK_WIDGET_GET_CLASS (chart)->snapshot (GTK_WIDGET (chart), snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      g_assert_nonnull (node);
      gsk_render_node_unref (node);
    }
  ms = (g_get_monotonic_time () - start) / 10000.0;
  g_test_message ("chart of 730 days × 20 outlets: %.2f ms a frame's nodes", ms);
  g_assert_cmpfloat (ms, <, 100);
  g_free (clip_test_ui_screenshot (window, "chart-two-years"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Spikes as the alert policy counts them: a day of 5+ articles and 3× the
 * mean of the days before. */
static void
test_spikes (void)
{
  g_autoptr(GPtrArray) buckets = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_coverage_bucket_free);
  const guint counts[] = { 2, 1, 2, 0, 2, 9, 2, 4 };
  g_autofree gboolean *spikes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      ClipCoverageBucket *b = g_new0 (ClipCoverageBucket, 1);

      if (counts[i] == 0)
        {
          g_free (b);
          continue;   /* empty days are left out */
        }
      b->start = 1700006400 + i * 86400;
      b->count = counts[i];
      b->by_outlet = g_array_new (FALSE, FALSE, sizeof (ClipCoverageShare));
      g_ptr_array_add (buckets, b);
    }
  spikes = clip_alert_spike_buckets (buckets, 86400);
  /* 2 1 2 2 9 2 4: only the 9 (mean 1.4 over the 5 days before). */
  for (guint i = 0; i < buckets->len; i++)
    g_assert_cmpint (spikes[i], ==, i == 4);
}

/* A near-copy says whose in its list row and in the reading view. */
static void
test_copies (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&dir);
  gint64 copy = sql_int (store, "SELECT min(article_id) FROM story_articles WHERE copy_of IS NOT NULL "
                                "AND recycled_from IS NULL AND ?1 = ?2", 0, 0);
  gint64 recycled = sql_int (store, "SELECT min(article_id) FROM story_articles WHERE recycled_from IS NOT NULL "
                                    "AND ?1 = ?2", 0, 0);
  gint64 plain = sql_int (store, "SELECT min(article_id) FROM story_articles WHERE copy_of IS NULL AND ?1 = ?2",
                          0, 0);
  gint64 ids[3] = { copy, recycled, plain };
  g_autoptr(GPtrArray) rows = clip_store_get_article_rows (store, ids, 3, NULL);
  g_autoptr(ClipStoryArticle) original = NULL;
  g_autoptr(ClipStoryArticle) a = clip_story_article_get (store, copy, &original, NULL);
  g_autofree char *want = clip_article_item_copy_text (original->outlet, original->time, FALSE);
  ClipArticleView *reading = CLIP_ARTICLE_VIEW (clip_article_view_new ());
  GtkWidget *window = window_with (GTK_WIDGET (reading), 700);

  g_assert_cmpint (copy, >, 0);
  g_assert_cmpint (recycled, >, 0);
  g_assert_true (g_str_has_prefix (want, "Copy of "));
  g_assert_nonnull (strstr (want, original->outlet));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ClipArticleItem) item = clip_article_item_new (ids[i], rows->pdata[i]);
      g_autofree char *text = clip_article_item_format_copy (item);

      if (i == 0)
        g_assert_cmpstr (text, ==, want);
      else if (i == 1)
        g_assert_true (text && g_str_has_prefix (text, "Recycled from "));
      else
        g_assert_null (text);
    }

  clip_article_view_set_store (reading, store, NULL);
  clip_article_view_show (reading, copy);
  g_assert_true (gtk_widget_get_visible (child (reading, CLIP_TYPE_ARTICLE_VIEW, "copy_label")));
  g_assert_cmpstr (gtk_label_get_text (child (reading, CLIP_TYPE_ARTICLE_VIEW, "copy_label")), ==, want);
  clip_article_view_show (reading, recycled);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (child (reading, CLIP_TYPE_ARTICLE_VIEW, "copy_label")),
                                   "Recycled from "));
  clip_test_ui_wait_frame (GTK_WIDGET (reading));
  g_free (clip_test_ui_screenshot (window, "reading-recycled"));
  clip_article_view_show (reading, plain);
  g_assert_false (gtk_widget_get_visible (child (reading, CLIP_TYPE_ARTICLE_VIEW, "copy_label")));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* In the window: the sidebar's Stories and Coverage open their pages;
 * the list's rows say which articles are copies. */
static void
test_window (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&dir);
  ClipWindow *window;
  GtkStack *stack;

  clip_test_desk_style ();
  window = clip_test_desk_window (1280);
  stack = child (window, CLIP_TYPE_WINDOW, "main_stack");
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Stories"));
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Coverage"));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "window-list"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-stories", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "stories");
  wait_stories (CLIP_STORIES_VIEW (gtk_stack_get_child_by_name (stack, "stories")));
  clip_test_ui_wait_frame (GTK_WIDGET (window));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "window-stories"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-coverage", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "coverage");
  wait_coverage (CLIP_COVERAGE_VIEW (gtk_stack_get_child_by_name (stack, "coverage")));
  clip_test_ui_wait_frame (GTK_WIDGET (window));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "window-coverage"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The views read in threads: nothing is there when reload() returns, a
 * spinner turns, the rows and bars come when read; read again, the
 * keyboard focus and the selection stay on the same story. */
static void
test_async_fill (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&dir);
  ClipStoriesView *view = CLIP_STORIES_VIEW (clip_stories_view_new ());
  GtkWidget *window = window_with (GTK_WIDGET (view), 1200);
  ClipCoverageView *coverage = CLIP_COVERAGE_VIEW (clip_coverage_view_new ());
  GtkWidget *cwindow = window_with (GTK_WIDGET (coverage), 1100);
  GtkListBox *list = child (view, CLIP_TYPE_STORIES_VIEW, "stories_list");
  GtkListBoxRow *row;
  GtkWidget *focus;
  gint64 id;

  clip_stories_view_set_store (view, store, NULL);
  /* Held in its thread while the view is looked at. */
  hold_next ("min(time) AS first");
  clip_stories_view_reload (view);
  g_assert_null (clip_stories_view_get_stories (view));
  g_assert_true (clip_stories_view_is_loading (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (view, CLIP_TYPE_STORIES_VIEW, "list_stack")), ==,
                   "loading");
  /* One spinner: the list's place, not the header's too. */
  g_assert_false (gtk_widget_get_visible (child (view, CLIP_TYPE_STORIES_VIEW, "spinner")));
  g_assert_true (clip_test_ui_wait (is_held, NULL));
  clip_test_ui_wait_frame (GTK_WIDGET (view));
  g_assert_null (clip_stories_view_get_stories (view));
  g_free (clip_test_ui_screenshot (window, "stories-loading"));
  release ();
  wait_stories (view);
  g_assert_nonnull (clip_stories_view_get_stories (view));
  g_assert_cmpuint (clip_stories_view_get_stories (view)->len, >, 2);
  g_assert_cmpuint (n_children (list), ==, clip_stories_view_get_stories (view)->len);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (view, CLIP_TYPE_STORIES_VIEW, "list_stack")), ==,
                   "list");
  g_assert_false (gtk_widget_get_visible (child (view, CLIP_TYPE_STORIES_VIEW, "spinner")));

  row = gtk_list_box_get_row_at_index (list, 2);
  id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "story-id"));
  gtk_list_box_select_row (list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  clip_stories_view_reload (view);
  /* The rows stay while they are read again; the header's spinner turns. */
  g_assert_true (gtk_list_box_get_row_at_index (list, 2) == row);
  g_assert_true (gtk_widget_get_visible (child (view, CLIP_TYPE_STORIES_VIEW, "spinner")));
  wait_stories (view);
  g_assert_false (gtk_list_box_get_row_at_index (list, 2) == row);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_cmpint ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (focus), "story-id")), ==, id);
  g_assert_cmpint ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (gtk_list_box_get_selected_row (list)),
                                                                  "story-id")), ==, id);

  clip_coverage_view_set_store (coverage, store);
  clip_coverage_view_reload (coverage);
  g_assert_null (clip_coverage_view_get_buckets (coverage, NULL));
  g_assert_true (clip_coverage_view_is_loading (coverage));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (coverage, CLIP_TYPE_COVERAGE_VIEW, "content_stack")),
                   ==, "loading");
  wait_coverage (coverage);
  g_assert_nonnull (clip_coverage_view_get_buckets (coverage, NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (coverage, CLIP_TYPE_COVERAGE_VIEW, "content_stack")),
                   ==, "data");
  gtk_window_destroy (GTK_WINDOW (cwindow));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every read of the two views runs off the UI thread: statements are
 * counted by thread as any connection runs them. */
static void
test_no_ui_thread_reads (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&dir);
  g_autoptr(ClipRule) rule = clip_store_find_rule (store, "Stoltenberg", NULL);
  ClipStoriesView *view = CLIP_STORIES_VIEW (clip_stories_view_new ());
  GtkWidget *window = window_with (GTK_WIDGET (view), 1200);
  ClipCoverageView *coverage = CLIP_COVERAGE_VIEW (clip_coverage_view_new ());
  GtkWidget *cwindow = window_with (GTK_WIDGET (coverage), 1100);

  clip_stories_view_set_store (view, store, NULL);
  clip_coverage_view_set_store (coverage, store);
  g_atomic_int_set (&main_reads, 0);
  g_atomic_int_set (&worker_reads, 0);
  g_atomic_int_set (&counting, 1);
  clip_stories_view_reload (view);
  wait_stories (view);
  clip_stories_view_open (view, biggest (clip_stories_view_get_stories (view))->id);
  wait_stories (view);
  g_assert_nonnull (clip_stories_view_get_story (view));
  clip_coverage_view_reload (coverage);
  wait_coverage (coverage);
  clip_coverage_view_show (coverage, CLIP_COVERAGE_SCOPE_RULE, rule->id, rule->name);
  wait_coverage (coverage);
  clip_coverage_view_open_bucket (coverage, 0);
  wait_coverage (coverage);
  g_assert_cmpuint (n_children (child (coverage, CLIP_TYPE_COVERAGE_VIEW, "articles_list")), >, 0);
  g_atomic_int_set (&counting, 0);
  g_test_message ("statements: %d on the UI thread, %d in threads", main_reads, worker_reads);
  g_assert_cmpint (g_atomic_int_get (&worker_reads), >, 10);
  g_assert_cmpint (g_atomic_int_get (&main_reads), ==, 0);

  /* A read on the UI thread would be counted. */
  g_atomic_int_set (&counting, 1);
  g_ptr_array_unref (clip_store_list_rules (store, NULL));
  g_atomic_int_set (&counting, 0);
  g_assert_cmpint (g_atomic_int_get (&main_reads), >, 0);
  gtk_window_destroy (GTK_WINDOW (cwindow));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
stories_dropped (gpointer view)
{
  guint dropped;

  clip_stories_view_get_load_counts (view, NULL, &dropped);
  return dropped > 0;
}

static gboolean
coverage_dropped (gpointer view)
{
  guint dropped;

  clip_coverage_view_get_load_counts (view, NULL, &dropped);
  return dropped > 0;
}

static const char *
title_of (ClipStoriesView *view, gint64 id)
{
  GPtrArray *stories = clip_stories_view_get_stories (view);

  for (guint i = 0; i < stories->len; i++)
    if (((ClipStory *) stories->pdata[i])->id == id)
      return ((ClipStory *) stories->pdata[i])->title;
  return NULL;
}

static void
set_title (ClipStore *store, gint64 id, const char *title)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE stories SET title = '%s' WHERE id = %" G_GINT64_FORMAT,
                                          title, id);

  g_assert_cmpint (sqlite3_exec (clip_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* A read overtaken by a newer one (asked while the first was under way)
 * is dropped when it comes last: the first is held at its start, the
 * archive changes, the second is read and shown, the archive changes
 * again and the first, let go, reads that: it must not be shown. */
static void
test_stale_dropped (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&dir);
  g_autoptr(ClipRule) rule = clip_store_find_rule (store, "Stoltenberg", NULL);
  ClipStoriesView *view = CLIP_STORIES_VIEW (clip_stories_view_new ());
  GtkWidget *window = window_with (GTK_WIDGET (view), 1200);
  ClipCoverageView *coverage = CLIP_COVERAGE_VIEW (clip_coverage_view_new ());
  GtkWidget *cwindow = window_with (GTK_WIDGET (coverage), 1100);
  GtkWidget *list = child (view, CLIP_TYPE_STORIES_VIEW, "stories_list");
  guint applied;
  gint64 id;

  clip_stories_view_set_store (view, store, NULL);
  clip_stories_view_reload (view);
  wait_stories (view);
  id = ((ClipStory *) clip_stories_view_get_stories (view)->pdata[0])->id;
  hold_next ("min(time) AS first");
  clip_stories_view_reload (view);
  g_assert_true (clip_test_ui_wait (is_held, NULL));
  set_title (store, id, "Read second, shown");
  clip_stories_view_reload (view);
  wait_stories (view);
  g_assert_cmpstr (title_of (view, id), ==, "Read second, shown");
  set_title (store, id, "Read first, late");
  release ();
  g_assert_true (clip_test_ui_wait (stories_dropped, view));
  g_assert_cmpstr (title_of (view, id), ==, "Read second, shown");
  g_assert_nonnull (clip_test_ui_find (list, GTK_TYPE_LABEL, "Read second, shown"));
  g_assert_null (clip_test_ui_find (list, GTK_TYPE_LABEL, "Read first, late"));
  g_assert_false (clip_stories_view_is_loading (view));

  /* The coverage of a rule, overtaken by a group's. */
  clip_coverage_view_set_store (coverage, store);
  clip_coverage_view_reload (coverage);
  wait_coverage (coverage);
  hold_next ("sa.time, sa.outlet_id");
  clip_coverage_view_show (coverage, CLIP_COVERAGE_SCOPE_RULE, rule->id, rule->name);
  g_assert_true (clip_test_ui_wait (is_held, NULL));
  clip_coverage_view_show (coverage, CLIP_COVERAGE_SCOPE_GROUP, 0, "Wires");
  wait_coverage (coverage);
  clip_coverage_view_get_load_counts (coverage, &applied, NULL);
  release ();
  g_assert_true (clip_test_ui_wait (coverage_dropped, coverage));
  check_counts (store, coverage, "o.grp = 'Wires'");
  {
    guint now;

    clip_coverage_view_get_load_counts (coverage, &now, NULL);
    g_assert_cmpuint (now, ==, applied);
  }
  gtk_window_destroy (GTK_WINDOW (cwindow));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Leaving the view cancels what it reads: nothing comes of it. */
static void
test_cancel (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) store = labelled_archive (&dir);
  ClipStoriesView *view = CLIP_STORIES_VIEW (clip_stories_view_new ());
  GtkWidget *window = window_with (GTK_WIDGET (view), 1200);
  guint applied = 0;

  clip_stories_view_set_store (view, store, NULL);
  hold_next ("min(time) AS first");
  clip_stories_view_reload (view);
  g_assert_true (clip_test_ui_wait (is_held, NULL));
  clip_stories_view_cancel (view);
  g_assert_false (clip_stories_view_is_loading (view));
  g_assert_false (gtk_widget_get_visible (child (view, CLIP_TYPE_STORIES_VIEW, "spinner")));
  release ();
  g_assert_true (clip_test_ui_wait (stories_dropped, view));
  clip_stories_view_get_load_counts (view, &applied, NULL);
  g_assert_cmpuint (applied, ==, 0);
  g_assert_null (clip_stories_view_get_stories (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  /* Days cut in UTC, as the SQL counts cut them. */
  g_setenv ("TZ", "UTC", TRUE);
  /* Before any connection opens: each is traced (trace_cb). */
  main_thread = g_thread_self ();
  sqlite3_auto_extension ((void (*) (void)) trace_init);
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add_func ("/ui/stories/list-and-timeline", test_list_and_timeline);
  g_test_add_func ("/ui/stories/changes", test_changes);
  g_test_add_func ("/ui/coverage/counts-and-bars", test_coverage);
  g_test_add_func ("/ui/coverage/spikes", test_spikes);
  g_test_add_func ("/ui/coverage/chart-draw", test_chart_draw);
  g_test_add_func ("/ui/stories/copies", test_copies);
  g_test_add_func ("/ui/stories/window", test_window);
  g_test_add_func ("/ui/stories/async-fill", test_async_fill);
  g_test_add_func ("/ui/stories/no-ui-thread-reads", test_no_ui_thread_reads);
  g_test_add_func ("/ui/stories/stale-dropped", test_stale_dropped);
  g_test_add_func ("/ui/stories/cancel", test_cancel);
  return g_test_run ();
}
