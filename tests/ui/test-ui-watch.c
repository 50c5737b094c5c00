/* test-ui-watch.c — Add Outlet on a site without a feed: "Watch this
 * page" with the proposed links, the selector editable with a live count,
 * the sitemaps found, and the outlet added as a listing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-add-outlet-dialog.h"
#include "clip-outlet-dialog.h"
#include "clip-store.h"
#include "clip-test-ui.h"
#include "clip-test-util.h"

#include <libsoup/soup.h>
#include <string.h>

static gpointer
child (gpointer widget, GType type, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
}

/* A home page of 12 articles under a menu, a news sitemap named in
 * robots.txt, and no feed anywhere. */
static void
site_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer data)
{
  const char *port_url = data;
  g_autoptr(GString) body = g_string_new (NULL);
  const char *type = "text/html; charset=utf-8";

  if (g_str_equal (path, "/"))
    {
      g_string_append (body, "<!DOCTYPE html><html><head><title>Daily</title></head><body><header><nav>");
      for (guint i = 0; i < 6; i++)
        g_string_append_printf (body, "<a href='/section/%u'>Section %u</a> ", i, i);
      g_string_append (body, "</nav></header><main>");
      for (guint i = 0; i < 12; i++)
        g_string_append_printf (body, "<div class='story'><h2><a href='/news/2024/11/%02u/story-%u'>"
                                "Headline number %u of the day's news</a></h2></div>", i + 1, i, i);
      g_string_append (body, "</main></body></html>");
    }
  else if (g_str_equal (path, "/robots.txt"))
    {
      g_string_append_printf (body, "User-agent: *\nSitemap: %snews-sitemap.xml\n", port_url);
      type = "text/plain";
    }
  else if (g_str_equal (path, "/news-sitemap.xml"))
    {
      g_string_append_printf (body, "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'"
                              " xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
                              "<url><loc>%snews/1</loc><news:news><news:title>One</news:title>"
                              "</news:news></url></urlset>", port_url);
      type = "application/xml";
    }
  else
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body->str, body->len);
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static gboolean
is_set (gpointer p)
{
  return *(char **) p != NULL;
}

static void
outlet_added_cb (ClipAddOutletDialog *dialog, const char *name, char **added)
{
  g_free (*added);
  *added = g_strdup (name);
}

static void
test_watch_page (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(ClipService) service = clip_service_new (dir);
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *added = NULL;
  g_autofree char *site = NULL;
  g_autofree char *shot = NULL;
  g_autoslist(GUri) uris = NULL;
  ClipAddOutletDialog *dialog;
  GtkWidget *group, *sitemaps, *add;
  GtkLabel *count;
  GtkEditable *selector;
  const ClipOutlet *o;

  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  site = g_uri_to_string (uris->data);
  soup_server_add_handler (server, NULL, site_cb, site, NULL);
  clip_service_set_scheduled (service, FALSE);
  g_assert_true (clip_service_start (service, &error));
  store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  dialog = clip_add_outlet_dialog_new (clip_service_get_commands (service), 900, service);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "outlet-added", G_CALLBACK (outlet_added_cb), &added);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 760);
  gtk_window_present (GTK_WINDOW (dialog));
  group = child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "watch_group");
  sitemaps = child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "sitemaps_group");
  count = child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "count_label");
  selector = child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "selector_row");
  add = child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "add_button");
  gtk_editable_set_text (child (dialog, CLIP_TYPE_ADD_OUTLET_DIALOG, "url_row"), site);
  gtk_widget_activate (add);

  /* No feed: the page's links are offered, with the sitemap. */
  g_assert_true (clip_test_ui_wait (is_visible, group));
  g_assert_null (added);
  g_assert_cmpstr (gtk_editable_get_text (selector), ==, "h2 > a");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "12 links");
  g_assert_nonnull (clip_test_ui_find (group, ADW_TYPE_ACTION_ROW, "Headline number 0 of the day's news"));
  g_assert_true (gtk_widget_get_visible (sitemaps));
  g_assert_nonnull (clip_test_ui_find (sitemaps, ADW_TYPE_ACTION_ROW, NULL));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (add)), ==, "_Watch");
  clip_test_ui_wait_frame (GTK_WIDGET (dialog));
  shot = clip_test_ui_screenshot (GTK_WIDGET (dialog), "add-outlet-watch");

  /* The count follows the selector as it is typed. */
  gtk_editable_set_text (selector, "nav a");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "6 links");
  gtk_editable_set_text (selector, "div >");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "Not a selector");
  gtk_editable_set_text (selector, "div.story a");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "12 links");

  gtk_widget_activate (add);
  g_assert_true (clip_test_ui_wait (is_set, &added));
  listed = clip_store_list_outlets (store, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  o = g_ptr_array_index (listed, 0);
  g_assert_cmpint (o->kind, ==, CLIP_OUTLET_LISTING);
  g_assert_cmpstr (o->selector, ==, "div.story a");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  clip_service_stop (service);
}

static gboolean
is_true (gpointer p)
{
  return *(gboolean *) p;
}

static void
changed_cb (ClipOutletDialog *dialog, gboolean *changed)
{
  *changed = TRUE;
}

/* The outlet's properties show its kind and a listing's selector, and
 * save an edited selector. */
static void
test_outlet_properties (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (NULL, CLIP_STORE_OPEN_DEFAULT, &error);
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(ClipOutlet) saved = NULL;
  g_autoptr(ClipCommands) commands = NULL;
  g_autofree char *shot = NULL;
  ClipOutletDialog *dialog;
  GtkWidget *selector;
  AdwComboRow *kind;
  gboolean changed = FALSE;
  gint64 id;

  o->url = g_strdup ("https://rustavi2.example.ge/en");
  o->name = g_strdup ("Rustavi 2");
  o->kind = CLIP_OUTLET_LISTING;
  o->selector = g_strdup ("a.nw_title");
  id = clip_store_add_outlet (store, o, &error);
  g_assert_no_error (error);
  commands = clip_commands_open (NULL, &error);
  g_assert_no_error (error);
  dialog = clip_outlet_dialog_new (store, commands, id, &error);
  g_assert_no_error (error);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "changed", G_CALLBACK (changed_cb), &changed);
  gtk_window_present (GTK_WINDOW (dialog));
  kind = child (dialog, CLIP_TYPE_OUTLET_DIALOG, "kind_row");
  selector = child (dialog, CLIP_TYPE_OUTLET_DIALOG, "selector_row");
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, CLIP_OUTLET_LISTING);
  g_assert_true (gtk_widget_get_visible (selector));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (selector)), ==, "a.nw_title");
  clip_test_ui_wait_frame (GTK_WIDGET (dialog));
  shot = clip_test_ui_screenshot (GTK_WIDGET (dialog), "outlet-properties-listing");
  /* a sitemap has no selector to show */
  adw_combo_row_set_selected (kind, CLIP_OUTLET_SITEMAP);
  g_assert_false (gtk_widget_get_visible (selector));
  adw_combo_row_set_selected (kind, CLIP_OUTLET_LISTING);
  gtk_editable_set_text (GTK_EDITABLE (selector), "div.more_headlines a.nw_title");
  gtk_widget_activate (child (dialog, CLIP_TYPE_OUTLET_DIALOG, "save_button"));
  g_assert_true (clip_test_ui_wait (is_true, &changed));
  saved = clip_store_get_outlet (store, id, &error);
  g_assert_cmpint (saved->kind, ==, CLIP_OUTLET_LISTING);
  g_assert_cmpstr (saved->selector, ==, "div.more_headlines a.nw_title");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add_func ("/ui/add-outlet/watch-page", test_watch_page);
  g_test_add_func ("/ui/outlet-dialog/kind-selector", test_outlet_properties);
  return g_test_run ();
}
