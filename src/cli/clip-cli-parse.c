/* clip-cli-parse.c — clippings-cli parse: what the parser makes of a feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"
#include "clip-feed.h"
#include "clip-fetch.h"
#include "clip-input.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>

/* The parser refuses more than this anyway; stop reading there. */
#define MAX_DOWNLOAD CLIP_FEED_MAX_SIZE

static GBytes *
fetch_url (const char *url, char **content_type, char **final_url, GError **error)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 30,
                                                                  "user-agent", "Clippings/" PACKAGE_VERSION,
                                                                  NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buf[65536];
  gssize n;

  if (msg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a valid URL"), url);
      return NULL;
    }
  in = soup_session_send (session, msg, NULL, error);
  if (in == NULL)
    return NULL;
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    {
      /* Our phrase, not the server's: that one is any bytes it likes. */
      guint status = soup_message_get_status (msg);
      const char *phrase = clip_fetch_status_phrase (status);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The server answered %u %s"),
                   status, phrase ? phrase : "");
      return NULL;
    }
  while ((n = g_input_stream_read (in, buf, sizeof buf, NULL, error)) > 0)
    {
      g_byte_array_append (data, buf, n);
      if (data->len > MAX_DOWNLOAD)
        {
          g_set_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_TOO_LARGE,
                       _("The document is over %d MiB; feeds that large are not read"),
                       MAX_DOWNLOAD / (1024 * 1024));
          return NULL;
        }
    }
  if (n < 0)
    return NULL;
  *content_type = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                          "Content-Type"));
  *final_url = g_uri_to_string (soup_message_get_uri (msg));
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static GBytes *
read_file (const char *arg, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);
  g_autofree char *path = g_file_get_path (file);
  char *contents = NULL;
  gsize len = 0;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is neither a local file nor an http or https address"), arg);
      return NULL;
    }
  if (!clip_input_read_file (path, CLIP_FEED_MAX_SIZE, &contents, &len, error))
    return NULL;
  return g_bytes_new_take (contents, len);
}

static void
add_string_array (JsonBuilder *b, const char *name, GPtrArray *array)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < array->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (array, i));
  json_builder_end_array (b);
}

static void
add_member (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
item_to_json (JsonBuilder *b, const ClipFeedItem *item)
{
  json_builder_begin_object (b);
  add_member (b, "id", item->id);
  add_member (b, "link", item->link);
  add_member (b, "title", item->title);
  add_string_array (b, "authors", item->authors);
  json_builder_set_member_name (b, "published");
  json_builder_add_value (b, clip_cli_time_node (item->published));
  json_builder_set_member_name (b, "updated");
  json_builder_add_value (b, clip_cli_time_node (item->updated));
  add_member (b, "summary_html", item->summary_html);
  add_member (b, "summary_text", item->summary_text);
  add_member (b, "content_html", item->content_html);
  add_member (b, "content_text", item->content_text);
  add_string_array (b, "categories", item->categories);
  json_builder_set_member_name (b, "enclosures");
  json_builder_begin_array (b);
  for (guint i = 0; i < item->enclosures->len; i++)
    {
      const ClipEnclosure *e = g_ptr_array_index (item->enclosures, i);

      json_builder_begin_object (b);
      add_member (b, "url", e->url);
      add_member (b, "type", e->type);
      json_builder_set_member_name (b, "length");
      if (e->length >= 0)
        json_builder_add_int_value (b, e->length);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_member (b, "language", item->language);
  json_builder_end_object (b);
}

static JsonNode *
feed_to_json (const ClipFeed *feed)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_member (b, "format", clip_feed_format_name (feed->format));
  add_member (b, "encoding", feed->encoding);
  json_builder_set_member_name (b, "feed");
  json_builder_begin_object (b);
  add_member (b, "title", feed->title);
  add_member (b, "link", feed->link);
  add_member (b, "subtitle", feed->subtitle);
  add_member (b, "language", feed->language);
  json_builder_set_member_name (b, "updated");
  json_builder_add_value (b, clip_cli_time_node (feed->updated));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < feed->items->len; i++)
    item_to_json (b, g_ptr_array_index (feed->items, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < feed->problems->len; i++)
    {
      const ClipFeedProblem *p = g_ptr_array_index (feed->problems, i);

      json_builder_begin_object (b);
      add_member (b, "kind", p->kind);
      add_member (b, "message", p->message);
      json_builder_set_member_name (b, "line");
      if (p->line > 0)
        json_builder_add_int_value (b, p->line);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_text (const ClipFeed *feed)
{
  g_autofree char *title = clip_cli_field (feed->title);
  g_autofree char *link = clip_cli_field (feed->link);

  clip_cli_print ("%s: %s (%s)\n", _("Format"), clip_feed_format_name (feed->format), feed->encoding);
  clip_cli_print ("%s: %s\n", _("Title"), title);
  if (feed->link)
    clip_cli_print ("%s: %s\n", _("Link"), link);
  clip_cli_print ("%s: %u\n\n", _("Items"), feed->items->len);
  for (guint i = 0; i < feed->items->len; i++)
    {
      const ClipFeedItem *item = g_ptr_array_index (feed->items, i);
      g_autofree char *when = clip_cli_format_time (item->published != CLIP_NO_DATE
                                                    ? item->published : item->updated);

      g_autofree char *item_title = clip_cli_field (item->title ? item->title : _("(no title)"));
      g_autofree char *item_link = clip_cli_field (item->link);

      clip_cli_print ("%s\n", item_title);
      if (item->link)
        clip_cli_print ("  %s\n", item_link);
      if (when)
        clip_cli_print ("  %s\n", when);
    }
  for (guint i = 0; i < feed->problems->len; i++)
    {
      const ClipFeedProblem *p = g_ptr_array_index (feed->problems, i);
      g_autofree char *message = clip_cli_field (p->message);

      if (p->line > 0)
        clip_cli_fprint (stderr, _("problem (%s), line %d: %s\n"), p->kind, p->line, message);
      else
        clip_cli_fprint (stderr, _("problem (%s): %s\n"), p->kind, message);
    }
}

int
clip_cli_parse (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE, is_url;
  g_autofree char *content_type = NULL;
  g_autofree char *fetched_type = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipFeed) feed = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "content-type", 0, 0, G_OPTION_ARG_STRING, &content_type,
      N_("Read the bytes as served with this Content-Type"), "TYPE" },
    { NULL }
  };

  if (!clip_cli_parse_options (cli, _("FILE|URL"), _("Parse a feed and print what it holds"),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, "%s", _("give one file or URL"));

  is_url = g_str_has_prefix (argv[1], "http://") || g_str_has_prefix (argv[1], "https://");
  if (is_url)
    bytes = fetch_url (argv[1], &fetched_type, &base, &error);
  else
    bytes = read_file (argv[1], &error);
  if (bytes == NULL)
    {
      /* a file that cannot be read, a bad or too large document: input the
       * user can fix (exit 2); the network failing is not (exit 1) */
      if (!is_url || error->domain == CLIP_FEED_ERROR ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        return clip_cli_usage (cli, "%s", error->message);
      return clip_cli_fail (cli, error);
    }

  feed = clip_feed_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                          content_type ? content_type : fetched_type, base, &error);
  if (feed == NULL)
    {
      return clip_cli_usage (cli, "%s", error->message);
    }
  if (json)
    {
      g_autoptr(JsonNode) node = feed_to_json (feed);

      clip_cli_print_json (node);
    }
  else
    print_text (feed);
  return CLIP_CLI_OK;
}
