/* test-ui-outlets.c — removing an outlet: the question with its counts,
 * Stop fetching, the removal that keeps annotated articles, and Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-outlet-removal.h"
#include "clip-store.h"
#include "clip-test-ui.h"
#include "clip-test-util.h"

#include <string.h>

typedef struct {
  ClipStore         *store;      /* a writer of the test's own, to seed */
  ClipCommands      *commands;
  ClipOutletRemoval *removal;
  GtkWidget         *window;
  guint              changes;
  gint64             a, b;
} Fixture;

static void
changed_cb (ClipOutletRemoval *removal, gint64 id, Fixture *f)
{
  f->changes++;
}

static gint64
seed_outlet (ClipStore *store, const char *url, const char *name, guint n)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult result;
  gint64 id;

  o->url = g_strdup (url);
  o->name = g_strdup (name);
  id = clip_store_add_outlet (store, o, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      ClipArticle *a = clip_article_new ();

      a->guid = g_strdup_printf ("%s-%u", name, i);
      a->title = g_strdup_printf ("%s %u", name, i);
      a->published = 1700000000 + i;
      g_ptr_array_add (list, a);
    }
  clip_ingest_result_init (&result);
  g_assert_true (clip_store_ingest (store, id, list, &result, &error));
  clip_ingest_result_clear (&result);
  return id;
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->store = clip_store_open_data_dir (NULL, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->a = seed_outlet (f->store, "https://a.example/feed", "Civil Georgia", 5);
  f->b = seed_outlet (f->store, "https://b.example/feed", "Meduza", 2);
  g_assert_true (clip_store_set_flag (f->store, 1, 1, &error));
  g_assert_true (clip_store_set_note (f->store, 2, "Check", &error));
  g_assert_true (clip_store_add_tag (f->store, 3, "Russia", &error));
  f->commands = clip_commands_open (NULL, &error);
  g_assert_no_error (error);
  f->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 720, 520);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), gtk_label_new ("Articles"));
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  f->removal = clip_outlet_removal_new (f->store, f->commands, ADW_TOAST_OVERLAY (overlay));
  g_signal_connect (f->removal, "changed", G_CALLBACK (changed_cb), f);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->removal);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->commands);
  g_clear_object (&f->store);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

typedef struct {
  Fixture *f;
  guint    want;
} Wait;

static gboolean
changed_enough (gpointer data)
{
  Wait *w = data;

  return w->f->changes >= w->want;
}

static void
wait_changes (Fixture *f, guint n)
{
  Wait w = { f, f->changes + n };

  g_assert_true (clip_test_ui_wait (changed_enough, &w));
}

static gboolean
no_message_dialog (gpointer data)
{
  return find_message_dialog () == NULL;
}

static AdwMessageDialog *
ask (Fixture *f, gint64 id)
{
  AdwMessageDialog *dialog;

  /* The last question gone first: this one is then the one found. */
  g_assert_true (clip_test_ui_wait (no_message_dialog, NULL));
  clip_outlet_removal_ask (f->removal, GTK_WINDOW (f->window), id);
  g_assert_true (clip_test_ui_wait (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  clip_test_ui_wait_frame (GTK_WIDGET (dialog));
  return dialog;
}

/* As a click does: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog, const char *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
listed (Fixture *f, gint64 id)
{
  g_autoptr(GPtrArray) list = clip_store_list_outlets (f->store, NULL);

  for (guint i = 0; i < list->len; i++)
    if (((ClipOutlet *) list->pdata[i])->id == id)
      return TRUE;
  return FALSE;
}

static gint64
articles_of (Fixture *f, gint64 outlet)
{
  ClipArticleFilter filter = { .outlet_id = outlet };

  return clip_store_count_articles (f->store, &filter, NULL);
}

/* The question says what would go; Remove hides the outlet at once with
 * every article; Undo brings it back as it was. */
static void
test_remove_undo (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog = ask (f, f->a);
  GtkWidget *check = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(ClipOutlet) o = NULL;

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove “Civil Georgia”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "5 articles: 1 flagged, 1 with notes, 1 tagged."));
  g_assert_true (adw_message_dialog_has_response (dialog, "stop"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "remove"), ==,
                   "_Remove with 5 articles (1 flagged, 1 with notes)");
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==,
                   "Also delete the 3 flagged, tagged or annotated articles");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (dialog), "outlet-remove-question"));

  respond (dialog, "remove");
  wait_changes (f, 1);
  g_assert_false (listed (f, f->a));
  g_assert_cmpint (articles_of (f, f->a), ==, 5);
  clip_test_ui_wait_frame (f->window);
  g_free (clip_test_ui_screenshot (f->window, "outlet-remove-undo-toast"));

  g_assert_true (clip_outlet_removal_undo (f->removal, f->a));
  wait_changes (f, 1);
  g_assert_true (listed (f, f->a));
  g_assert_cmpint (articles_of (f, f->a), ==, 5);
  o = clip_store_get_outlet (f->store, f->a, NULL);
  g_assert_true (o->enabled);
  g_assert_false (o->removed);
  /* Nothing waits any more: the toast's going does nothing. */
  g_assert_false (clip_outlet_removal_commit (f->removal, f->a));
}

/* The toast gone without Undo: the annotated articles stay, under the
 * outlet marked removed; ticked, they go too. */
static void
test_remove_commit (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog = ask (f, f->a);
  g_autoptr(ClipOutlet) o = NULL;
  g_autoptr(GError) error = NULL;

  respond (dialog, "remove");
  wait_changes (f, 1);
  g_assert_true (clip_outlet_removal_commit (f->removal, f->a));
  wait_changes (f, 1);
  g_assert_cmpint (articles_of (f, f->a), ==, 3);
  o = clip_store_get_outlet (f->store, f->a, &error);
  g_assert_no_error (error);
  g_assert_true (o->removed);

  /* B: nothing annotated, no box to tick; ticked on A it would be. */
  dialog = ask (f, f->b);
  g_assert_null (adw_message_dialog_get_extra_child (dialog));
  respond (dialog, "remove");
  wait_changes (f, 1);
  g_assert_true (clip_outlet_removal_commit (f->removal, f->b));
  wait_changes (f, 1);
  g_assert_cmpint (articles_of (f, f->b), ==, 0);
  g_clear_pointer (&o, clip_outlet_free);
  o = clip_store_get_outlet (f->store, f->b, &error);
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
}

static void
test_remove_ticked (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog = ask (f, f->a);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_message_dialog_get_extra_child (dialog)), TRUE);
  respond (dialog, "remove");
  wait_changes (f, 1);
  g_assert_true (clip_outlet_removal_commit (f->removal, f->a));
  wait_changes (f, 1);
  g_assert_cmpint (articles_of (f, f->a), ==, 0);
}

/* Stop fetching keeps everything, the outlet listed and disabled. */
static void
test_stop_fetching (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog = ask (f, f->b);
  g_autoptr(ClipOutlet) o = NULL;

  respond (dialog, "stop");
  wait_changes (f, 1);
  o = clip_store_get_outlet (f->store, f->b, NULL);
  g_assert_false (o->enabled);
  g_assert_true (listed (f, f->b));
  g_assert_cmpint (articles_of (f, f->b), ==, 2);
  g_assert_false (clip_outlet_removal_commit (f->removal, f->b));
  /* Disabled already: only Remove is offered. */
  dialog = ask (f, f->b);
  g_assert_false (adw_message_dialog_has_response (dialog, "stop"));
  respond (dialog, "cancel");
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/ui/outlets/remove-undo", test_remove_undo);
  ADD ("/ui/outlets/remove-commit", test_remove_commit);
  ADD ("/ui/outlets/remove-ticked", test_remove_ticked);
  ADD ("/ui/outlets/stop-fetching", test_stop_fetching);
  return g_test_run ();
}
