/* test-ui-dialogs.c — Add Outlet, Preferences, the shortcuts window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-add-outlet-dialog.h"
#include "clip-outlet-dialog.h"
#include "clip-preferences-window.h"
#include "clip-rules-store.h"
#include "clip-sidebar.h"
#include "clip-store.h"
#include "clip-store-listing.h"
#include "clip-store-sql.h"
#include "clip-test-ui.h"
#include "clip-test-util.h"

#include <libsoup/soup.h>
#include <string.h>

static gpointer
child (gpointer widget, GType type, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
}

static void
outlet_added_cb (ClipAddOutletDialog *dialog,
                 const char          *name,
                 char               **added)
{
  g_free (*added);
  *added = g_strdup (name);
}

static gboolean
label_shown (gpointer label)
{
  return gtk_widget_get_visible (label) && *gtk_label_get_text (label) != '\0';
}

static gboolean
is_set (gpointer p)
{
  return *(char **) p != NULL;
}

static void
type_and_add (ClipAddOutletDialog *dialog,
              const char          *url,
              const char          *name)
{
  gtk_editable_set_text (child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "url_row"), url);
  gtk_editable_set_text (child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "name_row"), name);
  gtk_widget_activate (child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "add_button"));
}

/* Add is offered once there is an address; a bad address or a duplicate
 * is explained in the dialog; a good one is stored and announced. */
static void
test_add_outlet (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (NULL, CLIP_STORE_OPEN_DEFAULT, &error);
  g_autoptr(ClipCommands) commands = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *added = NULL;
  ClipAddOutletDialog *dialog;
  GtkWidget *add_button;
  GtkLabel *error_label;

  g_assert_no_error (error);
  commands = clip_commands_open (NULL, &error);
  g_assert_no_error (error);
  dialog = clip_add_outlet_dialog_new (commands, 1800, NULL);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "outlet-added", G_CALLBACK (outlet_added_cb), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  add_button = child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "add_button");
  error_label = child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "error_label");
  g_assert_false (gtk_widget_get_sensitive (add_button));

  type_and_add (dialog, "  ftp://example.org/news  ", "");
  g_assert_true (clip_test_ui_wait (label_shown, error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "ftp://example.org/news"));
  g_assert_null (added);

  /* Typing again clears the message. */
  type_and_add (dialog, "https://civil.ge/feed", "Civil Georgia");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (clip_test_ui_wait (is_set, &added));
  g_assert_cmpstr (added, ==, "Civil Georgia");
  listed = clip_store_list_outlets (store, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((ClipOutlet *) listed->pdata[0])->name, ==, "Civil Georgia");
  g_assert_cmpint (((ClipOutlet *) listed->pdata[0])->interval, ==, 1800);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  /* The same address again: refused, and said so. */
  g_clear_pointer (&added, g_free);
  dialog = clip_add_outlet_dialog_new (commands, 900, NULL);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "outlet-added", G_CALLBACK (outlet_added_cb), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  error_label = child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "error_label");
  type_and_add (dialog, "https://civil.ge/feed", "");
  g_assert_true (clip_test_ui_wait (label_shown, error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "already"));
  g_assert_null (added);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A site with two feeds, on loopback. */
static void
site_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  static const char page[] =
    "<!DOCTYPE html><html><head><title>Example Times</title>"
    "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"News\" href=\"/rss.xml\">"
    "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Opinion\" href=\"/atom.xml\">"
    "</head><body>Hello</body></html>";
  static const char rss[] =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example News</title>"
    "<link>http://example.org/</link><description>x</description>"
    "<item><title>One</title><link>http://example.org/1</link></item></channel></rss>";
  static const char atom[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
    "<title>Example Opinion</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>"
    "<entry><title>Two</title><id>urn:x:2</id><link href=\"http://example.org/2\"/>"
    "<updated>2024-01-01T00:00:00Z</updated></entry></feed>";
  const char *body = page, *type = "text/html";

  if (g_str_equal (path, "/rss.xml"))
    body = rss, type = "application/rss+xml";
  else if (g_str_equal (path, "/atom.xml"))
    body = atom, type = "application/atom+xml";
  else if (!g_str_equal (path, "/"))
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_STATIC, body, strlen (body));
}

static gboolean
feeds_offered (gpointer group)
{
  return gtk_widget_get_visible (group);
}

/* With the service, a site's address leads to its feeds: the analyst
 * picks one, and it is added under the feed's own title. */
static void
test_add_outlet_discovery (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(ClipService) service = clip_service_new (dir);
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *added = NULL;
  g_autofree char *site = NULL;
  g_autoslist(GUri) uris = NULL;
  ClipAddOutletDialog *dialog;
  GtkWidget *group, *second = NULL;

  soup_server_add_handler (server, NULL, site_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  site = g_uri_to_string (uris->data);
  clip_service_set_scheduled (service, FALSE);
  g_assert_true (clip_service_start (service, &error));
  store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* The service's writer, as in the window. */
  dialog = clip_add_outlet_dialog_new (clip_service_get_commands (service), 900, service);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "outlet-added", G_CALLBACK (outlet_added_cb), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  group = child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "feeds_group");
  gtk_editable_set_text (child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "url_row"), site);
  gtk_widget_activate (child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "add_button"));
  g_assert_true (clip_test_ui_wait (feeds_offered, group));
  g_assert_null (added);
  g_assert_nonnull (clip_test_ui_find (group, ADW_TYPE_ACTION_ROW, "Example News"));
  second = clip_test_ui_find (clip_test_ui_find (group, ADW_TYPE_ACTION_ROW, "Example Opinion"),
                              GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (second);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (second), TRUE);
  gtk_widget_activate (child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "add_button"));
  g_assert_true (clip_test_ui_wait (is_set, &added));
  g_assert_cmpstr (added, ==, "Example Opinion");
  listed = clip_store_list_outlets (store, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_true (g_str_has_suffix (((ClipOutlet *) listed->pdata[0])->url, "/atom.xml"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  clip_service_stop (service);
}

static void
test_preferences (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ClipPreferencesWindow *prefs = clip_preferences_window_new (settings);
  AdwComboRow *interval_row = child (prefs, CLIP_TYPE_PREFERENCES_WINDOW, "interval_row");
  AdwComboRow *style_row = child (prefs, CLIP_TYPE_PREFERENCES_WINDOW, "style_row");
  GtkSwitch *notifications = child (prefs, CLIP_TYPE_PREFERENCES_WINDOW, "notifications_switch");
  AdwExpanderRow *quiet = child (prefs, CLIP_TYPE_PREFERENCES_WINDOW, "quiet_row");
  GtkSpinButton *from = child (prefs, CLIP_TYPE_PREFERENCES_WINDOW, "quiet_from_spin");
  AdwActionRow *archive = child (prefs, CLIP_TYPE_PREFERENCES_WINDOW, "archive_row");
  g_autofree char *style = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  /* Defaults as the schema has them. */
  g_assert_cmpuint (adw_combo_row_get_selected (interval_row), ==, 1);   /* 15 minutes */
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (interval_row)),
                   ==, "15 minutes");
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "22:00");
  g_assert_cmpstr (adw_action_row_get_subtitle (archive), ==, dir);

  /* Widgets write the settings… */
  adw_combo_row_set_selected (interval_row, 3);
  g_assert_cmpuint (g_settings_get_uint (settings, "refresh-interval"), ==, 3600);
  adw_combo_row_set_selected (style_row, 2);
  style = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (style, ==, "dark");
  gtk_spin_button_set_value (from, 23 * 60 + 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "quiet-hours-from"), ==, 1410);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "23:30");
  /* …and follow them; an interval from elsewhere shows as the nearest. */
  g_settings_set_uint (settings, "refresh-interval", 20 * 60);
  g_assert_cmpuint (adw_combo_row_get_selected (interval_row), ==, 1);
  g_settings_set_boolean (settings, "notifications-enabled", FALSE);
  g_assert_false (gtk_switch_get_active (notifications));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (quiet)));

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "refresh-interval");
  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "quiet-hours-from");
  g_settings_reset (settings, "notifications-enabled");
}

static void
test_time_text (void)
{
  g_autofree char *a = clip_preferences_format_time (0);
  g_autofree char *b = clip_preferences_format_time (1439);
  g_autofree char *c = clip_preferences_format_time (7 * 60 + 5);

  g_assert_cmpstr (a, ==, "00:00");
  g_assert_cmpstr (b, ==, "23:59");
  g_assert_cmpstr (c, ==, "07:05");
  g_assert_cmpint (clip_preferences_parse_time ("7:30"), ==, 450);
  g_assert_cmpint (clip_preferences_parse_time ("22:00"), ==, 1320);
  g_assert_cmpint (clip_preferences_parse_time ("8"), ==, 480);
  g_assert_cmpint (clip_preferences_parse_time ("24:00"), ==, -1);
  g_assert_cmpint (clip_preferences_parse_time ("12:60"), ==, -1);
  g_assert_cmpint (clip_preferences_parse_time ("noon"), ==, -1);
  g_assert_cmpint (clip_preferences_parse_time ("12:00x"), ==, -1);
  /* The 12-hour clock that a locale may show it in. */
  g_assert_cmpint (clip_preferences_parse_time ("7:30 PM"), ==, 1170);
  g_assert_cmpint (clip_preferences_parse_time ("12 am"), ==, 0);
  g_assert_cmpint (clip_preferences_parse_time ("12:15 pm"), ==, 735);
  g_assert_cmpint (clip_preferences_parse_time ("13 pm"), ==, -1);
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/clippings/Clippings/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* Outlets by group with unread counts and a health warning; the selection
 * survives a reload and falls back to All Articles when its outlet goes. */
static void
test_sidebar (void)
{
  ClipSidebar *sidebar = CLIP_SIDEBAR (clip_sidebar_new ());
  g_autoptr(GPtrArray) outlets = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_outlet_free);
  g_autoptr(GHashTable) by_outlet = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ClipViewCounts counts = { .unread = 7, .flagged = 0 };
  GtkListBox *list;
  GtkWidget *warning;
  gint64 id = 0;
  const char *names[] = { "Civil.ge", "OC Media", "TASS" };
  const char *groups[] = { "Georgia", "Georgia", "Russia" };

  g_object_ref_sink (sidebar);
  for (guint i = 0; i < 3; i++)
    {
      ClipOutlet *o = clip_outlet_new ();
      o->id = i + 1;
      o->name = g_strdup (names[i]);
      o->group = g_strdup (groups[i]);
      g_hash_table_insert (by_outlet, g_memdup2 (&o->id, sizeof o->id),
                           g_memdup2 (&(gint64) { i * 10 }, sizeof (gint64)));
      g_ptr_array_add (outlets, o);
    }
  ((ClipOutlet *) outlets->pdata[2])->last_error = g_strdup ("HTTP 503 <b>Service</b> Unavailable");
  /* OC Media's feed is well, its article pages are not. */
  ((ClipOutlet *) outlets->pdata[1])->page_history = 0x7;
  ((ClipOutlet *) outlets->pdata[1])->page_checked = 4;
  ((ClipOutlet *) outlets->pdata[1])->page_error = g_strdup ("HTTP 403 (Forbidden)");
  counts.unread_by_outlet = by_outlet;
  clip_sidebar_set_outlets (sidebar, outlets);
  clip_sidebar_set_counts (sidebar, &counts);
  list = child (sidebar, CLIP_TYPE_SIDEBAR, "list");
  g_assert_cmpuint (clip_sidebar_get_n_outlets (sidebar), ==, 3);
  g_assert_cmpint (clip_sidebar_get_selected (sidebar, NULL), ==, CLIP_SOURCE_ALL);
  /* Georgia heads the first outlet only; Russia the third. */
  g_assert_null (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_nonnull (clip_test_ui_find (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (list, 3)),
                                       GTK_TYPE_LABEL, "Georgia"));
  g_assert_null (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (list, 4)));
  g_assert_nonnull (clip_test_ui_find (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (list, 5)),
                                       GTK_TYPE_LABEL, "Russia"));
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)),
                                       GTK_TYPE_INSCRIPTION, "7"));
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 4)),
                                       GTK_TYPE_INSCRIPTION, "10"));
  warning = clip_test_ui_find (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 5)), GTK_TYPE_IMAGE, NULL);
  g_assert_nonnull (warning);
  /* The error is shown as text, never as markup. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (warning), ==, "HTTP 503 <b>Service</b> Unavailable");
  warning = clip_test_ui_find (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 4)), GTK_TYPE_IMAGE, NULL);
  g_assert_nonnull (warning);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (warning), ==,
                   "Article pages failing: HTTP 403 (Forbidden) (3 of the last 4)");
  g_assert_null (clip_test_ui_find (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 3)), GTK_TYPE_IMAGE, NULL));

  /* Rules come between the views and the outlets, with unread matches. */
  {
    g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_rule_free);
    g_autoptr(GHashTable) by_rule = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
    ClipRule *rule = clip_rule_new ();
    gint64 rule_id = 42;

    rule->id = rule_id;
    rule->name = g_strdup ("Russian interference");
    g_ptr_array_add (rules, rule);
    g_hash_table_insert (by_rule, g_memdup2 (&rule_id, sizeof rule_id),
                         g_memdup2 (&(gint64) { 5 }, sizeof (gint64)));
    counts.unread_by_rule = by_rule;
    clip_sidebar_set_rules (sidebar, rules);
    clip_sidebar_set_counts (sidebar, &counts);
    counts.unread_by_rule = NULL;
    g_assert_nonnull (clip_test_ui_find (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (list, 3)),
                                         GTK_TYPE_LABEL, "Rules"));
    g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 3)),
                                         GTK_TYPE_LABEL, "Russian interference"));
    g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 3)),
                                         GTK_TYPE_INSCRIPTION, "5"));
    clip_sidebar_select (sidebar, CLIP_SOURCE_RULE, rule_id);
    g_assert_cmpint (clip_sidebar_get_selected (sidebar, &id), ==, CLIP_SOURCE_RULE);
    g_assert_cmpint (id, ==, rule_id);
    /* Outlets follow the rules now. */
    g_assert_nonnull (clip_test_ui_find (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (list, 4)),
                                         GTK_TYPE_LABEL, "Georgia"));
    clip_sidebar_set_rules (sidebar, NULL);
  }

  clip_sidebar_select (sidebar, CLIP_SOURCE_OUTLET, 2);
  g_assert_cmpint (clip_sidebar_get_selected (sidebar, &id), ==, CLIP_SOURCE_OUTLET);
  g_assert_cmpint (id, ==, 2);
  g_assert_cmpstr (clip_sidebar_get_selected_title (sidebar), ==, "OC Media");
  clip_sidebar_set_outlets (sidebar, outlets);
  g_assert_cmpint (clip_sidebar_get_selected (sidebar, &id), ==, CLIP_SOURCE_OUTLET);
  g_assert_cmpint (id, ==, 2);
  g_ptr_array_remove_index (outlets, 1);
  clip_sidebar_set_outlets (sidebar, outlets);
  g_assert_cmpint (clip_sidebar_get_selected (sidebar, &id), ==, CLIP_SOURCE_ALL);
  g_object_unref (sidebar);
}

static int
natural_width (GtkWidget *w)
{
  int natural = 0;

  gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* What a refresh brings (counts, health, names from the feeds) leaves the
 * sidebar's width alone: the article list beside it does not move, and a
 * thousand rows are not measured again. A large count is shown whole. */
static void
test_sidebar_width (void)
{
  ClipSidebar *sidebar = CLIP_SIDEBAR (g_object_ref_sink (clip_sidebar_new ()));
  g_autoptr(GPtrArray) outlets = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_outlet_free);
  g_autoptr(GHashTable) by_outlet = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ClipViewCounts counts = { .unread = 0 };
  ClipOutlet *o = clip_outlet_new ();
  GtkListBox *list;
  GtkInscription *count;
  int before;

  o->id = 1;
  o->name = g_strdup ("TASS");
  g_ptr_array_add (outlets, o);
  clip_sidebar_set_outlets (sidebar, outlets);
  clip_sidebar_set_counts (sidebar, &counts);
  before = natural_width (GTK_WIDGET (sidebar));

  g_free (o->name);
  o->name = g_strdup ("Civil Georgia — independent news in English, Georgian and Russian");
  o->last_error = g_strdup ("certificate not trusted");
  clip_sidebar_set_outlets (sidebar, outlets);
  g_hash_table_insert (by_outlet, g_memdup2 (&o->id, sizeof o->id), g_memdup2 (&(gint64) { 999 }, sizeof (gint64)));
  counts.unread = 999;
  counts.unread_by_outlet = by_outlet;
  clip_sidebar_set_counts (sidebar, &counts);
  g_assert_cmpint (natural_width (GTK_WIDGET (sidebar)), ==, before);

  counts.unread = 1234567;
  clip_sidebar_set_counts (sidebar, &counts);
  list = child (sidebar, CLIP_TYPE_SIDEBAR, "list");
  count = GTK_INSCRIPTION (clip_test_ui_find (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)),
                                              GTK_TYPE_INSCRIPTION, "1234567"));
  g_assert_nonnull (count);
  g_assert_cmpuint (gtk_inscription_get_min_chars (count), >=, 7);
  g_object_unref (sidebar);
}

static void
changed_cb (ClipOutletDialog *dialog, gboolean *changed)
{
  *changed = TRUE;
}

static gboolean
is_true (gpointer p)
{
  return *(gboolean *) p;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* Properties show the outlet's health; a save keeps what was not touched;
 * removal asks first, then removes. */
static void
test_outlet_dialog (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (NULL, CLIP_STORE_OPEN_DEFAULT, &error);
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(ClipOutlet) saved = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(ClipCommands) commands = NULL;
  ClipOutletDialog *dialog;
  AdwMessageDialog *confirm;
  gboolean changed = FALSE;
  gint64 id;

  o->url = g_strdup ("https://oc-media.org/feed/");
  o->name = g_strdup ("OC Media");
  o->interval = 1200;
  id = clip_store_add_outlet (store, o, &error);
  g_assert_no_error (error);
  o->id = id;
  o->last_error = g_strdup ("HTTP 503 <b>Service Unavailable</b>");
  o->failures = 3;
  o->next_attempt = 1700000000;
  g_assert_true (clip_store_save_fetch_state (store, o, &error));
  /* Its article pages: 3 of the last 5 failed, the last one too. */
  g_assert_true (clip_store_exec (store, "UPDATE outlets SET page_history = 13, page_checked = 5, "
                                  "page_error = 'HTTP 403 (Forbidden)'", &error));
  commands = clip_commands_open (NULL, &error);
  g_assert_no_error (error);

  g_assert_null (clip_outlet_dialog_new (store, commands, id + 100, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  dialog = clip_outlet_dialog_new (store, commands, id, &error);
  g_assert_no_error (error);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "changed", G_CALLBACK (changed_cb), &changed);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_action_row_get_subtitle (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "error_row")),
                   ==, "HTTP 503 <b>Service Unavailable</b>");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "next_row")),
                            "3 failures"));
  g_assert_cmpstr (adw_action_row_get_subtitle (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "success_row")),
                   ==, "Never");
  g_assert_cmpstr (adw_action_row_get_subtitle (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "pages_row")),
                   ==, "Article pages failing: HTTP 403 (Forbidden) (3 of the last 5)");

  gtk_editable_set_text (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "name_row"), "OC Media (English)");
  gtk_editable_set_text (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "group_row"), "Caucasus");
  /* Full text: Automatic shown (the default), Never picked; robots.txt
   * obeyed shown, turned off. */
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "full_text_row")), ==,
                    CLIP_FULL_TEXT_AUTO);
  g_assert_true (gtk_switch_get_active (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "robots_switch")));
  adw_combo_row_set_selected (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "full_text_row"), CLIP_FULL_TEXT_NEVER);
  gtk_switch_set_active (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "robots_switch"), FALSE);
  gtk_widget_activate (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "save_button"));
  g_assert_true (clip_test_ui_wait (is_true, &changed));
  saved = clip_store_get_outlet (store, id, &error);
  g_assert_cmpstr (saved->name, ==, "OC Media (English)");
  g_assert_cmpstr (saved->group, ==, "Caucasus");
  /* The interval was not touched: 20 minutes stays, not the 15 shown. */
  g_assert_cmpint (saved->interval, ==, 1200);
  g_assert_cmpint (saved->full_text, ==, CLIP_FULL_TEXT_NEVER);
  g_assert_true (saved->ignore_robots);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  changed = FALSE;
  dialog = clip_outlet_dialog_new (store, commands, id, &error);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "changed", G_CALLBACK (changed_cb), &changed);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_activate (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "remove_button"));
  g_assert_true (clip_test_ui_wait (has_message_dialog, NULL));
  confirm = find_message_dialog ();
  /* Cancelled: the dialog answers as the response comes, and a write
   * would grey its buttons as it starts (and say "changed" once done). */
  adw_message_dialog_response (confirm, "cancel");
  g_assert_true (gtk_widget_get_sensitive (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "remove_button")));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "save_button")));
  g_assert_false (changed);
  gtk_widget_activate (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "remove_button"));
  g_assert_true (clip_test_ui_wait (has_message_dialog, NULL));
  adw_message_dialog_response (find_message_dialog (), "remove");
  g_assert_true (clip_test_ui_wait (is_true, &changed));
  listed = clip_store_list_outlets (store, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add_func ("/ui/add-outlet", test_add_outlet);
  g_test_add_func ("/ui/add-outlet/discovery", test_add_outlet_discovery);
  g_test_add_func ("/ui/preferences", test_preferences);
  g_test_add_func ("/ui/preferences/time-text", test_time_text);
  g_test_add_func ("/ui/help-overlay", test_help_overlay);
  g_test_add_func ("/ui/sidebar", test_sidebar);
  g_test_add_func ("/ui/sidebar/width", test_sidebar_width);
  g_test_add_func ("/ui/outlet-dialog", test_outlet_dialog);
  return g_test_run ();
}
