/* test-commands-bulk.c — marks on many articles at once (a selection, a
 * view, the CLI's list of ids), tags across the archive, and removing an
 * outlet without losing the analyst's work, with its Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-commands.h"
#include "clip-store-sql.h"
#include "clip-test-util.h"

#define N_A 10   /* articles of outlet A: ids 1..10 */
#define N_B 5    /* of outlet B: ids 11..15 */

typedef struct {
  char         *dir;
  ClipCommands *commands;
  ClipStore    *reader;
  gint64        a, b;       /* the outlets */
} Fixture;

static gboolean
ingest (ClipStore *w, gpointer data, GCancellable *cancellable, GError **error)
{
  gint64 *outlets = data;
  gboolean ok = TRUE;

  for (guint o = 0; o < 2 && ok; o++)
    {
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
      ClipIngestResult result;

      for (guint i = 0; i < (o == 0 ? N_A : N_B); i++)
        {
          ClipArticle *a = clip_article_new ();

          a->guid = g_strdup_printf ("%u-%u", o, i);
          a->published = 1700000000 + (o * 100 + i) * 60;
          a->title = g_strdup_printf ("Article %u of %c", i, 'A' + o);
          a->summary_text = g_strdup ("Text.");
          g_ptr_array_add (list, a);
        }
      clip_ingest_result_init (&result);
      ok = clip_store_ingest (w, outlets[o], list, &result, error);
      clip_ingest_result_clear (&result);
    }
  return ok;
}

static gint64
run_ok (Fixture *f, ClipCommand *command)
{
  g_autoptr(ClipCommand) owned = command;
  g_autoptr(GError) error = NULL;

  g_assert_true (clip_commands_run (f->commands, owned, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return clip_command_get_id (owned);
}

static gint64
add_outlet (Fixture *f, const char *url, const char *name)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();

  o->url = g_strdup (url);
  o->name = g_strdup (name);
  return run_ok (f, clip_command_add_outlet (o));
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 outlets[2];

  f->dir = clip_test_tmpdir ();
  f->commands = clip_commands_open (f->dir, &error);
  g_assert_no_error (error);
  f->a = outlets[0] = add_outlet (f, "https://a.example/feed", "Outlet A");
  f->b = outlets[1] = add_outlet (f, "https://b.example/feed", "Outlet B");
  run_ok (f, clip_command_new_custom (ingest, outlets, NULL));
  f->reader = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->reader);
  g_clear_object (&f->commands);
  g_free (f->dir);
}

/* The ids of the articles the filter keeps, ascending, as "1,2,3". */
static char *
ids_where (Fixture *f, const ClipArticleFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = clip_store_list_articles (f->reader, filter, CLIP_SORT_NEWEST, 0, 0, &error);
  g_autoptr(GString) s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = list->len; i > 0; i--)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, s->len ? "," : "",
                            ((ClipArticle *) g_ptr_array_index (list, i - 1))->id);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
flagged (Fixture *f)
{
  ClipArticleFilter filter = { .flagged_only = TRUE };

  return ids_where (f, &filter);
}

static char *
unread (Fixture *f)
{
  ClipArticleFilter filter = { .unread_only = TRUE };

  return ids_where (f, &filter);
}

static char *
tagged (Fixture *f, const char *tag)
{
  ClipArticleFilter filter = { .tag = tag };

  return ids_where (f, &filter);
}

static char *
changed_of (ClipCommand *c)
{
  const GArray *changed = clip_command_get_changed (c);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < changed->len; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, s->len ? "," : "",
                            g_array_index (changed, gint64, i));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Runs a mark on ids and returns the ids it changed. */
static char *
mark (Fixture *f, const gint64 *ids, guint n, ClipArticleMark m, const char *text)
{
  g_autoptr(ClipCommand) c = clip_command_mark_articles (ids, n, m, text);

  run_ok (f, clip_command_ref (c));
  return changed_of (c);
}

#define ASSERT_IDS(expr, expected) \
  G_STMT_START { g_autofree char *got_ = (expr); g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
test_bulk_marks (Fixture *f, gconstpointer data)
{
  const gint64 sel[] = { 2, 4, 6, 12 };
  const gint64 again[] = { 2, 3, 3 };
  g_autoptr(ClipArticle) a = NULL;
  g_autoptr(GError) error = NULL;

  ASSERT_IDS (flagged (f), "");
  ASSERT_IDS (mark (f, sel, G_N_ELEMENTS (sel), CLIP_MARK_FLAG, NULL), "2,4,6,12");
  ASSERT_IDS (flagged (f), "2,4,6,12");
  /* Only what changed is reported: the Undo puts back exactly that. */
  ASSERT_IDS (mark (f, again, G_N_ELEMENTS (again), CLIP_MARK_FLAG, NULL), "3");
  ASSERT_IDS (flagged (f), "2,3,4,6,12");
  ASSERT_IDS (mark (f, again, 2, CLIP_MARK_UNFLAG, NULL), "2,3");
  ASSERT_IDS (flagged (f), "4,6,12");

  ASSERT_IDS (mark (f, sel, G_N_ELEMENTS (sel), CLIP_MARK_READ, NULL), "2,4,6,12");
  ASSERT_IDS (unread (f), "1,3,5,7,8,9,10,11,13,14,15");
  ASSERT_IDS (mark (f, sel, 2, CLIP_MARK_UNREAD, NULL), "2,4");
  ASSERT_IDS (unread (f), "1,2,3,4,5,7,8,9,10,11,13,14,15");

  ASSERT_IDS (mark (f, sel, 3, CLIP_MARK_TAG, "  Georgia "), "2,4,6");
  ASSERT_IDS (tagged (f, "Georgia"), "2,4,6");
  ASSERT_IDS (mark (f, sel, 2, CLIP_MARK_UNTAG, "Georgia"), "2,4");
  ASSERT_IDS (tagged (f, "Georgia"), "6");

  ASSERT_IDS (mark (f, sel, 1, CLIP_MARK_NOTE, "Check the source"), "2");
  a = clip_store_get_article (f->reader, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->note, ==, "Check the source");
  g_clear_pointer (&a, clip_article_free);
  g_free (mark (f, sel, 1, CLIP_MARK_NOTE, ""));
  a = clip_store_get_article (f->reader, 2, &error);
  g_assert_null (a->note);
}

static gboolean
add_alerts (ClipStore *w, gpointer data, GCancellable *cancellable, GError **error)
{
  return clip_store_exec (w, "INSERT INTO rules (name, query) VALUES ('r', 'x');"
                          "INSERT INTO alerts (rule_id, article_id, created) "
                          "SELECT id, 2, 0 FROM rules WHERE name = 'r';"
                          "INSERT INTO alerts (rule_id, article_id, created) "
                          "SELECT id, 5, 0 FROM rules WHERE name = 'r';", error);
}

/* The articles with unread alerts, as "2,5". */
static char *
unread_alerts (Fixture *f)
{
  sqlite3_stmt *stmt = clip_store_prepare (f->reader, "SELECT group_concat(article_id) FROM "
                                           "(SELECT article_id FROM alerts WHERE read = 0 ORDER BY article_id)",
                                           NULL);
  char *ids;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  ids = g_strdup (sqlite3_column_text (stmt, 0) ? (const char *) sqlite3_column_text (stmt, 0) : "");
  sqlite3_reset (stmt);
  return ids;
}

/* An article's alerts are read with it, as one article's are. */
static void
test_bulk_alerts (Fixture *f, gconstpointer data)
{
  const gint64 ids[] = { 1, 2, 3 };

  run_ok (f, clip_command_new_custom (add_alerts, NULL, NULL));
  ASSERT_IDS (unread_alerts (f), "2,5");
  g_free (mark (f, ids, G_N_ELEMENTS (ids), CLIP_MARK_READ, NULL));
  ASSERT_IDS (unread_alerts (f), "5");
  g_free (mark (f, ids, G_N_ELEMENTS (ids), CLIP_MARK_UNREAD, NULL));
  ASSERT_IDS (unread_alerts (f), "2,5");
}

/* An unknown id fails the whole: no article of the list changes. */
static void
test_bulk_all_or_none (Fixture *f, gconstpointer data)
{
  const gint64 ids[] = { 1, 2, 999, 3 };
  g_autoptr(ClipCommand) c = clip_command_mark_articles (ids, G_N_ELEMENTS (ids), CLIP_MARK_FLAG, NULL);
  g_autoptr(ClipCommand) t = clip_command_mark_articles (ids, 2, CLIP_MARK_TAG, "  ");
  g_autoptr(GError) error = NULL;

  g_assert_false (clip_commands_run (f->commands, c, NULL, NULL, NULL, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (clip_command_get_changed (c)->len, ==, 0);
  ASSERT_IDS (flagged (f), "");
  g_clear_error (&error);
  g_assert_false (clip_commands_run (f->commands, t, NULL, NULL, NULL, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID);
}

static char *
tag_list (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = clip_store_list_tags (f->reader, &error);
  g_autoptr(GString) s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < tags->len; i++)
    {
      const ClipTagCount *t = g_ptr_array_index (tags, i);

      g_string_append_printf (s, "%s%s=%" G_GINT64_FORMAT, s->len ? " " : "", t->tag, t->count);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_tags (Fixture *f, gconstpointer data)
{
  const gint64 ids[] = { 1, 2, 3, 4 };
  g_autoptr(ClipCommand) missing = clip_command_rename_tag ("nope", "x");
  g_autoptr(GError) error = NULL;

  ASSERT_IDS (tag_list (f), "");
  g_free (mark (f, ids, 3, CLIP_MARK_TAG, "russia"));
  g_free (mark (f, ids + 2, 2, CLIP_MARK_TAG, "Russia!"));
  g_free (mark (f, ids, 1, CLIP_MARK_TAG, "batumi"));
  ASSERT_IDS (tag_list (f), "batumi=1 russia=3 Russia!=2");
  /* Renaming onto a tag in use merges: article 3 had both. */
  run_ok (f, clip_command_rename_tag ("Russia!", "russia"));
  ASSERT_IDS (tag_list (f), "batumi=1 russia=4");
  ASSERT_IDS (tagged (f, "russia"), "1,2,3,4");
  run_ok (f, clip_command_rename_tag ("batumi", "Batumi"));
  ASSERT_IDS (tag_list (f), "Batumi=1 russia=4");
  run_ok (f, clip_command_delete_tag ("russia"));
  ASSERT_IDS (tag_list (f), "Batumi=1");
  g_assert_false (clip_commands_run (f->commands, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
}

static gboolean
listed (Fixture *f, gint64 outlet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = clip_store_list_outlets (f->reader, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    if (((ClipOutlet *) g_ptr_array_index (list, i))->id == outlet)
      return TRUE;
  return FALSE;
}

static char *
of_outlet (Fixture *f, gint64 outlet)
{
  ClipArticleFilter filter = { .outlet_id = outlet };

  return ids_where (f, &filter);
}

/* The analyst's work on A: a flag, a tag, a note. */
static void
annotate (Fixture *f)
{
  const gint64 one = 1, two = 2, three = 3;

  g_free (mark (f, &one, 1, CLIP_MARK_FLAG, NULL));
  g_free (mark (f, &two, 1, CLIP_MARK_TAG, "kept"));
  g_free (mark (f, &three, 1, CLIP_MARK_NOTE, "a note"));
}

static void
test_remove_keeps_annotated (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipCommand) remove = clip_command_remove_outlet_keeping (f->a, TRUE);
  g_autoptr(ClipOutlet) o = NULL;
  g_autoptr(ClipArticle) kept = NULL;
  g_autoptr(GError) error = NULL;
  ClipOutletArticles counts;

  annotate (f);
  g_assert_true (clip_store_count_outlet_articles (f->reader, f->a, &counts, &error));
  g_assert_cmpint (counts.total, ==, N_A);
  g_assert_cmpint (counts.flagged, ==, 1);
  g_assert_cmpint (counts.tagged, ==, 1);
  g_assert_cmpint (counts.with_notes, ==, 1);
  g_assert_cmpint (counts.annotated, ==, 3);

  run_ok (f, clip_command_ref (remove));
  g_assert_cmpuint (clip_command_get_n_kept (remove), ==, 3);
  ASSERT_IDS (of_outlet (f, f->a), "1,2,3");
  ASSERT_IDS (of_outlet (f, f->b), "11,12,13,14,15");
  /* The row stays, marked removed: listed nowhere, never fetched, still
   * the kept articles' outlet. */
  g_assert_false (listed (f, f->a));
  o = clip_store_get_outlet (f->reader, f->a, &error);
  g_assert_no_error (error);
  g_assert_true (o->removed);
  g_assert_false (o->enabled);
  kept = clip_store_get_article (f->reader, 2, &error);
  g_assert_cmpstr (kept->outlet_name, ==, "Outlet A");

  /* Its address added again brings it back, kept articles with it. */
  g_assert_cmpint (add_outlet (f, "https://a.example/feed", "A again"), ==, f->a);
  g_assert_true (listed (f, f->a));
  ASSERT_IDS (of_outlet (f, f->a), "1,2,3");
}

static void
add_fails_exists (Fixture *f)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(ClipCommand) c = NULL;
  g_autoptr(GError) error = NULL;

  o->url = g_strdup ("https://b.example/feed");
  c = clip_command_add_outlet (o);
  g_assert_false (clip_commands_run (f->commands, c, NULL, NULL, NULL, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_EXISTS);
}

static void
test_remove_all_or_none_kept (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipCommand) b = clip_command_remove_outlet_keeping (f->b, TRUE);
  g_autoptr(ClipOutlet) o = NULL;
  g_autoptr(GError) error = NULL;

  add_fails_exists (f);
  /* Nothing annotated on B: nothing needs its row. */
  run_ok (f, clip_command_ref (b));
  g_assert_cmpuint (clip_command_get_n_kept (b), ==, 0);
  o = clip_store_get_outlet (f->reader, f->b, &error);
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* --all: the annotated go too. */
  annotate (f);
  run_ok (f, clip_command_remove_outlet_keeping (f->a, FALSE));
  ASSERT_IDS (of_outlet (f, f->a), "");
  ASSERT_IDS (flagged (f), "");
  o = clip_store_get_outlet (f->reader, f->a, &error);
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
}

/* The window's removal: hidden at once, Undo while the toast shows puts
 * the outlet back as it was, with every article. */
static void
test_remove_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipOutlet) o = NULL;
  g_autoptr(GError) error = NULL;

  annotate (f);
  run_ok (f, clip_command_set_outlet_enabled (f->a, FALSE));
  run_ok (f, clip_command_set_outlet_removed (f->a, TRUE, FALSE));
  g_assert_false (listed (f, f->a));
  ASSERT_IDS (of_outlet (f, f->a), "1,2,3,4,5,6,7,8,9,10");
  run_ok (f, clip_command_set_outlet_removed (f->a, FALSE, FALSE));
  g_assert_true (listed (f, f->a));
  o = clip_store_get_outlet (f->reader, f->a, &error);
  g_assert_false (o->removed);
  g_assert_false (o->enabled);   /* as it was before */
  g_clear_pointer (&o, clip_outlet_free);
  run_ok (f, clip_command_set_outlet_removed (f->b, TRUE, TRUE));
  run_ok (f, clip_command_set_outlet_removed (f->b, FALSE, TRUE));
  o = clip_store_get_outlet (f->reader, f->b, &error);
  g_assert_true (o->enabled);
  ASSERT_IDS (of_outlet (f, f->b), "11,12,13,14,15");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/commands-bulk/marks", test_bulk_marks);
  ADD ("/commands-bulk/all-or-none", test_bulk_all_or_none);
  ADD ("/commands-bulk/alerts", test_bulk_alerts);
  ADD ("/commands-bulk/tags", test_tags);
  ADD ("/commands-bulk/remove-keeps-annotated", test_remove_keeps_annotated);
  ADD ("/commands-bulk/remove-all", test_remove_all_or_none_kept);
  ADD ("/commands-bulk/remove-undo", test_remove_undo);
  return g_test_run ();
}
