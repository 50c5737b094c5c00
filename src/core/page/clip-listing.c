/* clip-listing.c — a listing page parsed, and the links a selector takes
 *
 * The page is parsed as the article extractor parses it (its charset
 * rules, its limits), so that a listing and its articles read the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-listing-private.h"
#include "clip-selector.h"

#include <libxml/xpath.h>
#include <string.h>

void
clip_listing_link_free (ClipListingLink *link)
{
  if (link == NULL)
    return;
  g_free (link->url);
  g_free (link->title);
  g_free (link);
}

void
clip_listing_proposal_free (ClipListingProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_free (proposal->selector);
  g_clear_pointer (&proposal->links, g_ptr_array_unref);
  g_free (proposal);
}

gboolean
clip_listing_doc_open (ListingDoc *ld, const ClipListingPage *page)
{
  g_autoptr(GUri) uri = NULL;

  memset (ld, 0, sizeof *ld);
  clip_page_options_init (&ld->options);
  ld->options.url = page->url;
  ld->options.content_type = page->content_type;
  ld->scratch = clip_page_new (&ld->options);
  if (page->url)
    uri = g_uri_parse (page->url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri && g_uri_get_host (uri))
    ld->host = g_ascii_strdown (g_uri_get_host (uri), -1);
  return clip_page_doc_open (&ld->pd, ld->scratch, page->data ? page->data : "", page->len,
                             &ld->options);
}

void
clip_listing_doc_close (ListingDoc *ld)
{
  clip_page_doc_close (&ld->pd);
  g_clear_pointer (&ld->scratch, clip_page_free);
  g_clear_pointer (&ld->host, g_free);
}

char *
clip_listing_link_url (ListingDoc *ld, xmlNodePtr a)
{
  const char *href = clip_page_attr (a, "href");
  g_autofree char *url = NULL;
  char *hash;

  if (href == NULL || href[0] == '#')
    return NULL;
  url = clip_page_resolve (&ld->pd, href);
  if (url == NULL)
    return NULL;
  if ((hash = strchr (url, '#')) != NULL)
    *hash = '\0';
  return g_steal_pointer (&url);
}

char *
clip_listing_link_title (xmlNodePtr a)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *alt;

  /* A card's link holds its heading and a summary: the heading is the
   * title. */
  for (xmlNodePtr n = a->children; n; n = clip_page_next (n, a, FALSE))
    if (n->type == XML_ELEMENT_NODE && n->name[0] == 'h' && n->name[1] >= '1' &&
        n->name[1] <= '6' && n->name[2] == '\0')
      {
        clip_page_node_text (n, text, 400);
        g_strstrip (text->str);
        if (*text->str)
          return g_strdup (text->str);
        break;
      }
  clip_page_node_text (a, text, 400);
  g_strstrip (text->str);
  if (*text->str)
    return g_strdup (text->str);
  if ((alt = clip_page_attr (a, "title")) != NULL && *alt)
    return g_strstrip (g_strdup (alt));
  for (xmlNodePtr n = a->children; n; n = clip_page_next (n, a, FALSE))
    if (n->type == XML_ELEMENT_NODE && xmlStrcasecmp (n->name, BAD_CAST "img") == 0 &&
        (alt = clip_page_attr (n, "alt")) != NULL)
      return g_strstrip (g_strdup (alt));
  return g_strdup ("");
}

static void
quiet_errors (void *data, const xmlError *error)
{
  (void) data;
  (void) error;
}

GPtrArray *
clip_listing_eval (ListingDoc *ld, const char *xpath)
{
  GPtrArray *nodes = g_ptr_array_new ();
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr obj;

  if (ld->pd.doc == NULL)
    return nodes;
  ctx = xmlXPathNewContext (ld->pd.doc);
  xmlSetStructuredErrorFunc (NULL, (xmlStructuredErrorFunc) quiet_errors);
  obj = xmlXPathEvalExpression (BAD_CAST xpath, ctx);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (obj && obj->type == XPATH_NODESET && obj->nodesetval)
    for (int i = 0; i < obj->nodesetval->nodeNr; i++)
      if (obj->nodesetval->nodeTab[i]->type == XML_ELEMENT_NODE)
        g_ptr_array_add (nodes, obj->nodesetval->nodeTab[i]);
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  return nodes;
}

static xmlNodePtr
first_link (xmlNodePtr node)
{
  for (xmlNodePtr n = node; n; n = clip_page_next (n, node, FALSE))
    if (n->type == XML_ELEMENT_NODE && xmlStrcasecmp (n->name, BAD_CAST "a") == 0 &&
        clip_page_attr (n, "href") != NULL)
      return n;
  return NULL;
}

GPtrArray *
clip_listing_links_of (ListingDoc *ld, GPtrArray *nodes)
{
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_listing_link_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNodePtr a = first_link (g_ptr_array_index (nodes, i));
      ClipListingLink *link, *before;
      char *url;

      if (a == NULL || (url = clip_listing_link_url (ld, a)) == NULL)
        continue;
      /* An image link and a headline link to the same article: one
       * article, with the headline's text. */
      if ((before = g_hash_table_lookup (seen, url)) != NULL)
        {
          if (*before->title == '\0')
            {
              g_free (before->title);
              before->title = clip_listing_link_title (a);
            }
          g_free (url);
          continue;
        }
      link = g_new0 (ClipListingLink, 1);
      link->url = url;
      link->title = clip_listing_link_title (a);
      g_hash_table_insert (seen, link->url, link);
      g_ptr_array_add (links, link);
    }
  return links;
}

GPtrArray *
clip_listing_select (const ClipListingPage *page, const char *selector, GError **error)
{
  g_autofree char *xpath = clip_selector_to_xpath (selector, error);
  g_autoptr(GPtrArray) nodes = NULL;
  GPtrArray *links;
  ListingDoc ld;

  if (xpath == NULL)
    return NULL;
  clip_listing_doc_open (&ld, page);
  nodes = clip_listing_eval (&ld, xpath);
  links = clip_listing_links_of (&ld, nodes);
  clip_listing_doc_close (&ld);
  return links;
}
