/* clip-feed-json.c — JSON Feed 1.0 and 1.1 (jsonfeed.org)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-private.h"
#include "clip-date.h"
#include "clip-input.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

static const char *
member_string (JsonObject *o, const char *name)
{
  JsonNode *node = o ? json_object_get_member (o, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *o, const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 0)
    return -1;
  return json_node_get_int (node);
}

static JsonObject *
member_object (JsonObject *o, const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *o, const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static char *
plain_line (ClipSanitizer *sanitizer, const char *text)
{
  return text ? clip_feed_plain_line (sanitizer, text, strlen (text), CLIP_FEED_TEXT_PLAIN) : NULL;
}

static void
add_authors (GPtrArray *authors, JsonObject *o)
{
  JsonArray *array = member_array (o, "authors");
  JsonObject *single = member_object (o, "author");

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        clip_feed_add_unique (authors, g_strdup (member_string (json_node_get_object (node), "name")));
    }
  if (single != NULL)
    clip_feed_add_unique (authors, g_strdup (member_string (single, "name")));
}

static void
add_attachments (ClipFeedItem *item, JsonObject *o, const char *base)
{
  JsonArray *array = member_array (o, "attachments");

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *a;
      ClipEnclosure *e;
      char *url;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      a = json_node_get_object (node);
      url = clip_feed_resolve_url (base, member_string (a, "url"));
      if (url == NULL)
        continue;
      e = g_new0 (ClipEnclosure, 1);
      e->url = url;
      e->type = g_strdup (member_string (a, "mime_type"));
      e->length = member_int (a, "size_in_bytes");
      g_ptr_array_add (item->enclosures, e);
    }
}

static ClipFeedItem *
read_item (ClipFeed *feed, ClipSanitizer *sanitizer, JsonObject *o, const char *base)
{
  ClipFeedItem *item = clip_feed_item_new ();
  const char *html = member_string (o, "content_html");
  const char *text = member_string (o, "content_text");
  const char *summary = member_string (o, "summary");
  const char *lang = member_string (o, "language");
  JsonArray *tags = member_array (o, "tags");
  JsonNode *id = json_object_get_member (o, "id");

  if (id != NULL && JSON_NODE_HOLDS_VALUE (id))
    {
      /* 1.0 feeds sometimes give numbers */
      if (json_node_get_value_type (id) == G_TYPE_STRING)
        item->id = g_strdup (json_node_get_string (id));
      else if (json_node_get_value_type (id) == G_TYPE_INT64)
        item->id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));
    }
  item->link = clip_feed_resolve_url (base, member_string (o, "url"));
  if (item->link == NULL)
    item->link = clip_feed_resolve_url (base, member_string (o, "external_url"));
  item->title = plain_line (sanitizer, member_string (o, "title"));
  add_authors (item->authors, o);
  item->published = clip_date_parse (member_string (o, "date_published"), -1);
  item->updated = clip_date_parse (member_string (o, "date_modified"), -1);
  if (html != NULL)
    clip_feed_rich_text (sanitizer, html, strlen (html), CLIP_FEED_TEXT_HTML, base,
                         &item->content_html, &item->content_text);
  else if (text != NULL)
    clip_feed_rich_text (sanitizer, text, strlen (text), CLIP_FEED_TEXT_PLAIN, base,
                         &item->content_html, &item->content_text);
  if (summary != NULL)
    clip_feed_rich_text (sanitizer, summary, strlen (summary), CLIP_FEED_TEXT_PLAIN, base,
                         &item->summary_html, &item->summary_text);
  for (guint i = 0; tags && i < json_array_get_length (tags); i++)
    {
      JsonNode *node = json_array_get_element (tags, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        clip_feed_add_unique (item->categories, g_strstrip (g_strdup (json_node_get_string (node))));
    }
  add_attachments (item, o, base);
  item->language = lang ? g_ascii_strdown (lang, -1) : NULL;
  return item;
}

gboolean
clip_feed_parse_json (ClipFeed    *feed,
                      const char  *utf8,
                      gsize        len,
                      const char  *base_url,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(ClipSanitizer) sanitizer = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *o;
  JsonArray *items;
  const char *version, *base;

  if (!clip_input_load_json (parser, utf8, len, &local_error))
    {
      g_set_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_UNREADABLE,
                   _("This JSON cannot be read: %s"), local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  version = member_string (o, "version");
  if (version == NULL || strstr (version, "jsonfeed.org/version/") == NULL)
    {
      g_set_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_NOT_A_FEED,
                   _("This JSON document is not a JSON Feed"));
      return FALSE;
    }
  feed->format = g_str_has_suffix (version, "/1") ? CLIP_FEED_FORMAT_JSON10
                                                   : CLIP_FEED_FORMAT_JSON11;
  sanitizer = clip_sanitizer_new ();
  feed->title = plain_line (sanitizer, member_string (o, "title"));
  feed->link = clip_feed_resolve_url (base_url, member_string (o, "home_page_url"));
  feed->subtitle = plain_line (sanitizer, member_string (o, "description"));
  feed->language = member_string (o, "language") ? g_ascii_strdown (member_string (o, "language"), -1) : NULL;
  feed->icon = clip_feed_resolve_url (base_url, member_string (o, "icon"));
  if (feed->icon == NULL)
    feed->icon = clip_feed_resolve_url (base_url, member_string (o, "favicon"));
  /* Relative URLs are relative to the feed's own address. */
  base = base_url ? base_url : feed->link;
  if (feed->title == NULL)
    clip_feed_add_problem (feed, "missing-element", 0, _("The JSON Feed has no “title”"));
  items = member_array (o, "items");
  if (items == NULL)
    clip_feed_add_problem (feed, "missing-element", 0, _("The JSON Feed has no “items” list"));
  for (guint i = 0; items && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      ClipFeedItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      if (feed->items->len >= CLIP_FEED_MAX_ITEMS)
        {
          clip_feed_add_problem (feed, "limit", 0,
                                 _("The feed has more than %d items; the rest were skipped"),
                                 CLIP_FEED_MAX_ITEMS);
          break;
        }
      item = read_item (feed, sanitizer, json_node_get_object (node), base);
      if (item->id == NULL)
        clip_feed_add_problem (feed, "missing-element", 0,
                               _("Item %u of the JSON Feed has no “id”"), i + 1);
      if (item->authors->len == 0)
        add_authors (item->authors, o);   /* the feed's authors */
      clip_feed_add_item (feed, item);
    }
  return TRUE;
}
