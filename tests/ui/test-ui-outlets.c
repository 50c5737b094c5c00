/* test-ui-outlets.c — removing an outlet: the question with its counts,
 * Stop fetching, the removal that keeps annotated articles, and Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-add-outlet-dialog.h"
#include "clip-interval.h"
#include "clip-outlet-removal.h"
#include "clip-service.h"
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

static gpointer
child (gpointer widget, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (widget), CLIP_TYPE_ADD_OUTLET_DIALOG, name);
}

static gboolean
banner_says (gpointer dialog)
{
  /* Shown whole: its slide is over. */
  return gtk_revealer_get_child_revealed (child (dialog, "banner")) &&
         *gtk_label_get_text (child (dialog, "error_label")) != '\0';
}

typedef struct {
  gpointer    dialog;
  const char *needle;
} Says;

static gboolean
banner_says_this (gpointer data)
{
  Says *says = data;

  return banner_says (says->dialog) && gtk_revealer_get_reveal_child (child (says->dialog, "banner")) &&
         strstr (gtk_label_get_text (child (says->dialog, "error_label")), says->needle) != NULL;
}

static void
wait_banner (gpointer dialog, const char *needle)
{
  Says says = { dialog, needle };

  if (!clip_test_ui_wait (banner_says_this, &says))
    g_error ("the banner does not say “%s”: %s", needle, gtk_label_get_text (child (dialog, "error_label")));
}

static void
added_cb (ClipAddOutletDialog *dialog, const char *name, char **added)
{
  g_free (*added);
  *added = g_strdup (name);
}

static gboolean
is_set (gpointer p)
{
  return *(char **) p != NULL;
}

static ClipAddOutletDialog *
add_dialog (ClipCommands *commands, ClipService *service, char **added)
{
  ClipAddOutletDialog *dialog = clip_add_outlet_dialog_new (commands, 900, service);

  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "outlet-added", G_CALLBACK (added_cb), added);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Checked as typed: what is no web address says so in the banner at the
 * top, and Add waits; a bare host is followed over https, at the
 * interval picked; a duplicate is refused in the banner. */
static void
test_add_typed (Fixture *f, gconstpointer data)
{
  g_autofree char *added = NULL;
  ClipAddOutletDialog *dialog = add_dialog (f->commands, NULL, &added);
  GtkEditable *url = child (dialog, "url_row");
  GtkWidget *add = child (dialog, "add_button");
  g_autoptr(ClipOutlet) o = NULL;

  gtk_editable_set_text (url, "civil georgia");
  g_assert_false (gtk_widget_get_sensitive (add));
  wait_banner (dialog, "“civil georgia” is not a web address");
  clip_test_ui_wait_frame (GTK_WIDGET (dialog));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (dialog), "add-outlet-not-web"));
  gtk_editable_set_text (url, "mailto:news@civil.ge");
  wait_banner (dialog, "only http and https");

  gtk_editable_set_text (url, "civil.ge/feed");
  g_assert_false (gtk_revealer_get_reveal_child (child (dialog, "banner")));
  g_assert_true (gtk_widget_get_sensitive (add));
  /* The interval field: the preference's, until another is picked. */
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "interval_row")), ==,
                    clip_interval_nearest (900));
  adw_combo_row_set_selected (child (dialog, "interval_row"), 0);
  gtk_widget_activate (add);
  g_assert_true (clip_test_ui_wait (is_set, &added));
  o = clip_store_find_outlet (f->store, "https://civil.ge/feed", NULL);
  g_assert_nonnull (o);
  g_assert_cmpint (o->interval, ==, clip_interval_seconds (0));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  /* The same address again: refused, in the banner. */
  g_clear_pointer (&added, g_free);
  dialog = add_dialog (f->commands, NULL, &added);
  gtk_editable_set_text (child (dialog, "url_row"), "https://civil.ge/feed");
  gtk_widget_activate (child (dialog, "add_button"));
  wait_banner (dialog, "already");
  g_assert_null (added);
  clip_test_ui_wait_frame (GTK_WIDGET (dialog));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (dialog), "add-outlet-duplicate"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A web address whose server cannot be reached is another message, from
 * the network, in the same banner. */
static void
test_add_unreachable (Fixture *f, gconstpointer data)
{
  g_autofree char *added = NULL;
  g_autofree char *dir = g_path_get_dirname (clip_store_get_path (f->store));
  g_autoptr(ClipService) service = clip_service_new (dir);
  g_autoptr(GError) error = NULL;
  ClipAddOutletDialog *dialog;

  clip_service_set_scheduled (service, FALSE);
  g_assert_true (clip_service_start (service, &error));
  dialog = add_dialog (clip_service_get_commands (service), service, &added);
  gtk_editable_set_text (child (dialog, "url_row"), "http://127.0.0.1:1/feed");
  gtk_widget_activate (child (dialog, "add_button"));
  wait_banner (dialog, "127.0.0.1");
  g_assert_null (strstr (gtk_label_get_text (child (dialog, "error_label")), "not a web address"));
  g_assert_null (added);
  g_test_message ("unreachable: %s", gtk_label_get_text (child (dialog, "error_label")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  clip_service_stop (service);
}

int
main (int argc, char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  /* The application's style, as AdwApplication loads it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/clippings/Clippings/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/ui/outlets/remove-undo", test_remove_undo);
  ADD ("/ui/outlets/remove-commit", test_remove_commit);
  ADD ("/ui/outlets/remove-ticked", test_remove_ticked);
  ADD ("/ui/outlets/stop-fetching", test_stop_fetching);
  ADD ("/ui/outlets/add-typed", test_add_typed);
  ADD ("/ui/outlets/add-unreachable", test_add_unreachable);
  return g_test_run ();
}
