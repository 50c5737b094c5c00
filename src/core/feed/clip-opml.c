/* clip-opml.c
 *
 * OPML comes from other programs and the web: it is read with no entity
 * expansion, no DTD and no network, with a size limit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-opml.h"
#include "clip-outlet.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#define MAX_DEPTH 32

G_DEFINE_QUARK (clip-opml-error-quark, clip_opml_error)

static char *
get_attr (xmlNode *node, const char *name)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
  char *s = NULL;

  if (v != NULL)
    {
      s = g_strstrip (g_strdup ((const char *) v));
      xmlFree (v);
      if (*s == '\0')
        g_clear_pointer (&s, g_free);
    }
  return s;
}

static void
collect (xmlNode *node, const char *group, guint depth, GPtrArray *out)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      g_autofree char *xml_url = NULL;
      g_autofree char *title = NULL;

      if (n->type != XML_ELEMENT_NODE || strcmp ((const char *) n->name, "outline") != 0)
        continue;
      xml_url = get_attr (n, "xmlUrl");
      title = get_attr (n, "title");
      if (title == NULL)
        title = get_attr (n, "text");
      if (xml_url != NULL)
        {
          ClipOutlet *o = clip_outlet_new ();

          o->url = g_steal_pointer (&xml_url);
          o->name = g_strdup (title);
          o->site_url = get_attr (n, "htmlUrl");
          o->group = g_strdup (group ? group : "");
          g_ptr_array_add (out, o);
        }
      else if (depth < MAX_DEPTH)
        /* A folder: its title is the group of what it holds (flattened:
         * Clippings has one level of groups). */
        collect (n->children, group ? group : title, depth + 1, out);
    }
}

GPtrArray *
clip_opml_parse (const char  *data,
                 gsize        len,
                 GError     **error)
{
  xmlDoc *doc;
  xmlNode *root, *body = NULL;
  GPtrArray *out;

  if (len > CLIP_OPML_MAX_SIZE)
    {
      g_set_error (error, CLIP_OPML_ERROR, CLIP_OPML_ERROR_TOO_LARGE,
                   _("The OPML file is larger than %d MiB"), CLIP_OPML_MAX_SIZE >> 20);
      return NULL;
    }
  doc = xmlReadMemory (data, (int) len, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                       XML_PARSE_NOCDATA);
  if (doc == NULL)
    {
      g_set_error_literal (error, CLIP_OPML_ERROR, CLIP_OPML_ERROR_INVALID,
                           _("The file is not well-formed XML"));
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  if (root == NULL || strcmp ((const char *) root->name, "opml") != 0)
    {
      xmlFreeDoc (doc);
      g_set_error_literal (error, CLIP_OPML_ERROR, CLIP_OPML_ERROR_INVALID,
                           _("The file is XML but not OPML (no <opml> element)"));
      return NULL;
    }
  for (xmlNode *n = root->children; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE && strcmp ((const char *) n->name, "body") == 0)
      body = n;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_outlet_free);
  if (body != NULL)
    collect (body->children, NULL, 0, out);
  xmlFreeDoc (doc);
  return out;
}

static void
set_attr (xmlNode *node, const char *name, const char *value)
{
  if (value != NULL && *value != '\0')
    xmlNewProp (node, (const xmlChar *) name, (const xmlChar *) value);
}

static void
add_outline (xmlNode *parent, const ClipOutlet *o)
{
  xmlNode *n = xmlNewChild (parent, NULL, (const xmlChar *) "outline", NULL);
  const char *name = o->name && *o->name ? o->name : o->url;

  set_attr (n, "type", "rss");
  set_attr (n, "text", name);
  set_attr (n, "title", name);
  set_attr (n, "xmlUrl", o->url);
  set_attr (n, "htmlUrl", o->site_url);
}

char *
clip_opml_write (GPtrArray  *outlets,
                 const char *title)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewNode (NULL, (const xmlChar *) "opml");
  xmlNode *head, *body;
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  xmlChar *mem = NULL;
  int size = 0;
  char *result;

  xmlDocSetRootElement (doc, root);
  set_attr (root, "version", "2.0");
  head = xmlNewChild (root, NULL, (const xmlChar *) "head", NULL);
  xmlNewTextChild (head, NULL, (const xmlChar *) "title",
                   (const xmlChar *) (title ? title : "Clippings outlets"));
  body = xmlNewChild (root, NULL, (const xmlChar *) "body", NULL);
  for (guint i = 0; i < outlets->len; i++)
    {
      const ClipOutlet *o = g_ptr_array_index (outlets, i);
      xmlNode *parent = body;

      if (o->group && *o->group)
        {
          parent = g_hash_table_lookup (groups, o->group);
          if (parent == NULL)
            {
              parent = xmlNewChild (body, NULL, (const xmlChar *) "outline", NULL);
              set_attr (parent, "text", o->group);
              set_attr (parent, "title", o->group);
              g_hash_table_insert (groups, o->group, parent);
            }
        }
      add_outline (parent, o);
    }
  xmlDocDumpFormatMemoryEnc (doc, &mem, &size, "UTF-8", 1);
  result = g_strndup ((const char *) mem, size);
  xmlFree (mem);
  xmlFreeDoc (doc);
  return result;
}
