/* clip-article-page-info.c — the reading view's words on an article's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-article-page-info.h"
#include "clip-format.h"
#include "clip-store-pages.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

char *
clip_article_source_text (const ClipArticle *a)
{
  if (a->page_text != NULL && *a->page_text != '\0')
    return g_strdup (_("Full text from the page"));
  switch (a->page_state)
    {
    case CLIP_PAGE_STATE_WAITING:
      return g_strdup (_("Feed summary · the full text is on its way"));
    case CLIP_PAGE_STATE_ROBOTS:
      return g_strdup (_("Feed summary · the site does not allow reading its pages"));
    case CLIP_PAGE_STATE_FAILED:
      return g_strdup (_("Feed summary · the page could not be read"));
    case CLIP_PAGE_STATE_NO_TEXT:
      return g_strdup (_("Feed summary · no article text on the page"));
    default:
      return g_strdup (a->content_text && *a->content_text ? _("Full text from the feed")
                                                           : _("Feed summary"));
    }
}

/* "the feed" etc. for a date's source. */
static const char *
source_words (const char *source)
{
  if (g_strcmp0 (source, "feed") == 0)
    return _("the feed");
  if (g_strcmp0 (source, "first-seen") == 0)
    return _("first seen");
  return _("the page");
}

char *
clip_article_date_warning (ClipStore         *reader,
                           const ClipArticle *a)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) s = NULL;
  g_autoptr(GHashTable) said = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *root;

  if (!a->date_uncertain)
    return NULL;
  s = g_string_new (_("Date uncertain:"));
  json = clip_store_get_date_candidates (reader, a->id, NULL);
  if (json && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *arr = json_node_get_array (root);
      guint n = 0;

      for (guint i = 0; i < json_array_get_length (arr); i++)
        {
          JsonObject *o = json_array_get_object_element (arr, i);
          const char *who = source_words (json_object_get_string_member_with_default (o, "source", ""));
          g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (
              json_object_get_string_member_with_default (o, "date", ""), NULL);
          g_autofree char *when = dt ? clip_format_time_full (g_date_time_to_unix (dt), TRUE, NULL, NULL) : NULL;

          /* The page's first date only: its other candidates add noise. */
          if (when == NULL || !g_hash_table_add (said, (gpointer) who))
            continue;
          /* TRANSLATORS: "the feed: 3 December 2026, 10:00" in a list */
          g_string_append_printf (s, "%s %s: %s", n++ ? "," : "", who, when);
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

gboolean
clip_article_has_page_copy (ClipStore *reader,
                            gint64     article_id)
{
  g_autoptr(ClipEvidence) e = clip_store_get_evidence (reader, article_id, NULL);

  return e != NULL;
}

typedef struct {
  ClipStore *reader;
  gint64     id;
} SaveData;

static void
save_data_free (SaveData *d)
{
  g_object_unref (d->reader);
  g_free (d);
}

static void
show_error (GtkWidget *parent, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                              _("Could Not Save the Page Copy"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
response_cb (GtkNativeDialog *chooser, int response, SaveData *d)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ClipEvidence) e = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *parent = g_object_get_data (G_OBJECT (chooser), "clip-parent");

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      gsize len = 0;
      const char *data;

      if ((e = clip_store_get_evidence (d->reader, d->id, &error)) == NULL && error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No page copy is kept for this article"));
      if (e != NULL)
        bytes = clip_store_load_evidence (d->reader, e, &error);
      data = bytes ? g_bytes_get_data (bytes, &len) : NULL;
      if (bytes != NULL)
        g_file_replace_contents (file, data ? data : "", len, NULL, FALSE, G_FILE_CREATE_NONE,
                                 NULL, NULL, &error);
      if (error != NULL && parent != NULL)
        show_error (parent, error->message);
    }
  save_data_free (d);
  g_object_unref (chooser);
}

void
clip_article_save_page_copy (GtkWidget *parent,
                             ClipStore *reader,
                             gint64     article_id)
{
  GtkFileChooserNative *chooser;
  SaveData *d = g_new0 (SaveData, 1);
  g_autofree char *name = g_strdup_printf ("article-%" G_GINT64_FORMAT ".html", article_id);

  d->reader = g_object_ref (reader);
  d->id = article_id;
  chooser = gtk_file_chooser_native_new (_("Save Page Copy"), GTK_WINDOW (gtk_widget_get_root (parent)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "clip-parent", g_object_ref (parent), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), d);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
