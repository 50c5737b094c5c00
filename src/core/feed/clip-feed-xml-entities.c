/* clip-feed-xml-entities.c — entities, answered so that nothing expands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-feed-xml-private.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <string.h>

/* Entities. libxml2 asks us for every entity it meets (getEntity), and we
 * only ever answer with "predefined" entities: text inlined as it stands,
 * never parsed again, so nothing can expand recursively:
 * - HTML named entities (&nbsp; &eacute;…), everywhere in feeds though XML
 *   does not know them, as the characters they name;
 * - the document's own internal entities, when their text holds no markup
 *   and no references, within a budget of expanded bytes;
 * - anything else as its own literal text ("&bogus;"), with a problem.
 * External entities are never loaded and no DTD is read. */

#define MAX_ENTITY_TEXT     4096
#define MAX_ENTITY_EXPANDED (1024 * 1024)
#define MAX_ENTITY_NAMES    1000

xmlEntityPtr
clip_feed_xml_entity_new (const char *name, const char *content, gsize len)
{
  xmlEntityPtr ent = g_new0 (xmlEntity, 1);

  ent->type = XML_ENTITY_DECL;
  ent->etype = XML_INTERNAL_PREDEFINED_ENTITY;
  ent->name = (const xmlChar *) g_strdup (name);
  ent->content = (xmlChar *) g_strndup (content, len);
  ent->length = len;
  return ent;
}

void
clip_feed_xml_entity_free (gpointer data)
{
  xmlEntityPtr ent = data;

  g_free ((char *) ent->name);
  g_free (ent->content);
  /* libxml2 may hand us an entity's raw text to keep after a declaration */
  if (ent->orig != NULL)
    xmlFree (ent->orig);
  g_free (ent);
}

static GMutex entity_lock;
static GHashTable *entity_table;

static xmlEntityPtr
html_entity (const char *name)
{
  const htmlEntityDesc *desc;
  xmlEntityPtr ent;
  char utf8[8];

  g_mutex_lock (&entity_lock);
  if (entity_table == NULL)
    entity_table = g_hash_table_new (g_str_hash, g_str_equal);
  ent = g_hash_table_lookup (entity_table, name);
  if (ent == NULL && (desc = htmlEntityLookup ((const xmlChar *) name)) != NULL)
    {
      /* Kept for the life of the process: one per HTML entity name. */
      ent = clip_feed_xml_entity_new (name, utf8, g_unichar_to_utf8 (desc->value, utf8));
      g_hash_table_insert (entity_table, (char *) ent->name, ent);
    }
  g_mutex_unlock (&entity_lock);
  return ent;
}

/* Our own entities carry a mark: declared by the document (budgeted). */
#define DECLARED GINT_TO_POINTER (1)

xmlEntityPtr
clip_feed_xml_get_entity (void *ctx, const xmlChar *xname)
{
  xmlParserCtxtPtr ctxt = ctx;
  Parser *p = ctxt->_private;
  const char *name = (const char *) xname;
  xmlEntityPtr ent = g_hash_table_lookup (p->entities, name);
  int line = xmlSAX2GetLineNumber (ctxt);

  /* References inside entity declarations: never expanded, so no need to
   * know them (billion-laughs lives here) */
  if (ctxt->inSubset)
    return g_hash_table_lookup (p->entities, "");
  if (ent != NULL && ent->_private == DECLARED)
    {
      p->entity_bytes += ent->length;
      if (p->entity_bytes <= MAX_ENTITY_EXPANDED)
        return ent;
      if (p->entity_bytes - ent->length <= MAX_ENTITY_EXPANDED)
        clip_feed_add_problem (p->feed, "limit", line,
                               _("The feed's entities expand to more than %d KiB; "
                                 "the rest are left out"), MAX_ENTITY_EXPANDED / 1024);
      return g_hash_table_lookup (p->entities, "");
    }
  if (ent != NULL)
    return ent;
  if ((ent = html_entity (name)) != NULL)
    {
      if (g_hash_table_size (p->entities) >= MAX_ENTITY_NAMES)
        return ent;
      /* A copy of our own, so the next use finds it without a problem */
      g_hash_table_insert (p->entities, g_strdup (name),
                           clip_feed_xml_entity_new (name, (const char *) ent->content, ent->length));
      if (!ctxt->hasExternalSubset)
        clip_feed_add_problem (p->feed, "undefined-entity", line,
                               _("“&%s;” is an HTML entity, not defined in XML"), name);
      return ent;
    }
  if (g_hash_table_size (p->entities) >= MAX_ENTITY_NAMES)
    return g_hash_table_lookup (p->entities, "");
  {
    g_autofree char *literal = g_strdup_printf ("&%s;", name);

    ent = clip_feed_xml_entity_new (name, literal, strlen (literal));
    g_hash_table_insert (p->entities, g_strdup (name), ent);
    clip_feed_add_problem (p->feed, "undefined-entity", line,
                           _("The entity “&%s;” is not defined"), name);
  }
  return ent;
}

void
clip_feed_xml_entity_decl (void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                const xmlChar *system_id, xmlChar *content)
{
  xmlParserCtxtPtr ctxt = ctx;
  Parser *p = ctxt->_private;
  const char *text = (const char *) content;
  xmlEntityPtr ent;

  if (type == XML_INTERNAL_PARAMETER_ENTITY || type == XML_EXTERNAL_PARAMETER_ENTITY)
    return;   /* only the DTD itself would use them, and it is not read */
  if (type != XML_INTERNAL_GENERAL_ENTITY || text == NULL)
    {
      clip_feed_add_problem (p->feed, "entity-declaration", xmlSAX2GetLineNumber (ctxt),
                             _("The feed declares the external entity “%s”; it is not loaded"),
                             name);
      return;
    }
  if (strlen (text) > MAX_ENTITY_TEXT || strchr (text, '&') || strchr (text, '<') ||
      strchr (text, '%'))
    {
      clip_feed_add_problem (p->feed, "entity-declaration", xmlSAX2GetLineNumber (ctxt),
                             _("The entity “%s” is long or refers to other entities; "
                               "it is not expanded"), name);
      return;
    }
  if (g_hash_table_contains (p->entities, name) ||
      g_hash_table_size (p->entities) >= MAX_ENTITY_NAMES)
    return;   /* XML: the first declaration wins */
  ent = clip_feed_xml_entity_new ((const char *) name, text, strlen (text));
  ent->_private = DECLARED;
  g_hash_table_insert (p->entities, g_strdup ((const char *) name), ent);
}
