/* clip-outlet-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-outlet-import.h"
#include "clip-input.h"
#include "clip-paths.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

/* The shipped list is a few KB; anything this large is not it. */
#define STARTER_MAX_SIZE (1024 * 1024)

void
clip_import_result_init (ClipImportResult *result)
{
  result->added = 0;
  result->skipped = 0;
  result->skip_reasons = g_ptr_array_new_with_free_func (g_free);
}

void
clip_import_result_clear (ClipImportResult *result)
{
  g_clear_pointer (&result->skip_reasons, g_ptr_array_unref);
}

static char *
member_string (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

GPtrArray *
clip_starter_outlets_parse (const char  *data,
                            gsize        len,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) outlets = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_outlet_free);
  JsonNode *root, *list_node;
  JsonArray *list;

  if (len > STARTER_MAX_SIZE)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("The starter outlets list is larger than %d bytes"), STARTER_MAX_SIZE);
      return NULL;
    }
  if (!clip_input_load_json (parser, data, len, error))
    return NULL;
  root = json_parser_get_root (parser);
  list_node = root && JSON_NODE_HOLDS_OBJECT (root)
              ? json_object_get_member (json_node_get_object (root), "outlets") : NULL;
  if (list_node == NULL || !JSON_NODE_HOLDS_ARRAY (list_node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("The starter outlets list has no “outlets” array"));
      return NULL;
    }
  list = json_node_get_array (list_node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      g_autoptr(ClipOutlet) o = clip_outlet_new ();
      JsonObject *obj;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        goto invalid;
      obj = json_node_get_object (item);
      o->url = member_string (obj, "url");
      if (o->url == NULL || *o->url == '\0')
        goto invalid;
      o->name = member_string (obj, "name");
      o->site_url = member_string (obj, "site_url");
      o->group = member_string (obj, "group");
      g_ptr_array_add (outlets, g_steal_pointer (&o));
      continue;

    invalid:
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("Entry %u of the starter outlets list has no address"), i + 1);
      return NULL;
    }
  return g_steal_pointer (&outlets);
}

GPtrArray *
clip_starter_outlets_load (GError **error)
{
  g_autofree char *path = clip_paths_find_data (CLIP_STARTER_OUTLETS_FILE);
  g_autofree char *data = NULL;
  gsize len;

  if (path == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("The starter outlets list (%s) is not installed"),
                   CLIP_STARTER_OUTLETS_FILE);
      return NULL;
    }
  if (!clip_input_read_file (path, STARTER_MAX_SIZE, &data, &len, error))
    return NULL;
  return clip_starter_outlets_parse (data, len, error);
}

/* OPML files and starter lists are documents from elsewhere: an entry of
 * theirs must not make the service read a local file (file:///etc/passwd)
 * into the archive. A local outlet is added by hand. */
static gboolean
is_web_address (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0);
}

gboolean
clip_outlets_import (ClipStore         *store,
                     GPtrArray         *outlets,
                     ClipImportResult  *result,
                     GError           **error)
{
  if (!clip_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < outlets->len; i++)
    {
      const ClipOutlet *outlet = g_ptr_array_index (outlets, i);
      g_autoptr(GError) add_error = NULL;

      if (!is_web_address (outlet->url))
        {
          result->skipped++;
          g_ptr_array_add (result->skip_reasons,
                           g_strdup_printf (_("“%s” is not an http or https address: "
                                              "only web feeds are imported from a list"),
                                            outlet->url ? outlet->url : ""));
        }
      else if (clip_store_add_outlet (store, outlet, &add_error) != 0)
        result->added++;
      else if (g_error_matches (add_error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_EXISTS) ||
               g_error_matches (add_error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID))
        {
          result->skipped++;
          g_ptr_array_add (result->skip_reasons, g_strdup (add_error->message));
        }
      else
        {
          clip_store_rollback (store);
          result->added = result->skipped = 0;
          g_ptr_array_set_size (result->skip_reasons, 0);
          g_propagate_error (error, g_steal_pointer (&add_error));
          return FALSE;
        }
    }
  return clip_store_commit (store, error);
}
