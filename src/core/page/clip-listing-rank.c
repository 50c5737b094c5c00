/* clip-listing-rank.c — which group of a page's links is its article list
 *
 * Links are grouped by their path from <body>: each element's tag and its
 * first class that is not a per-item variant (post-123, odd, first…). A
 * group scores by how much its links look like articles (headline-length
 * text, a date, id or long slug in the address, one shape of address),
 * and loses most of it in page chrome (nav, footer, aside, a site header),
 * in boxes whose class or heading says menu, tags, most read or related,
 * or when another page of the site has the same links in the same place
 * (clip-listing-navigation.c).
 * The best group is joined by the smaller groups that look like the same
 * articles (a lead story above the list), and each group gets the
 * shortest selector that takes exactly its links.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-listing-private.h"
#include "clip-selector.h"

#include <math.h>
#include <string.h>

#define MAX_DEPTH 40

static void
group_free (ListingGroup *g)
{
  g_free (g->sig);
  g_ptr_array_unref (g->anchors);
  g_ptr_array_unref (g->links);
  g_hash_table_unref (g->urls);
  g_free (g->shape);
  g_free (g);
}

static gboolean
is_tag (xmlNodePtr node, const char *name)
{
  return node && node->type == XML_ELEMENT_NODE && xmlStrcasecmp (node->name, BAD_CAST name) == 0;
}

static gboolean
css_name (const char *s)
{
  if (*s == '\0' || g_ascii_isdigit (*s) || *s == '-')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '-' && *s != '_')
      return FALSE;
  return TRUE;
}

/* A class that items of one list share: not numbered, not a state. */
static gboolean
stable_class (const char *c)
{
  static const char * const variants[] = {
    "first", "last", "odd", "even", "active", "current", "selected", "clearfix",
    "new", "hot", "is-active", "has-image", "no-image", "has-post-thumbnail", NULL,
  };

  if (!css_name (c) || strpbrk (c, "0123456789") != NULL)
    return FALSE;
  return !g_strv_contains (variants, c);
}

/* "li.item", "h3", "div.views-row": the element as one selector step. */
static char *
element_step (xmlNodePtr node)
{
  const char *cls = clip_page_attr (node, "class");
  g_autofree char *tag = g_ascii_strdown ((const char *) node->name, -1);

  if (cls)
    {
      g_auto(GStrv) words = g_strsplit_set (cls, " \t\r\n", -1);

      for (guint i = 0; words[i]; i++)
        if (stable_class (words[i]))
          return g_strdup_printf ("%s.%s", tag, words[i]);
    }
  return g_steal_pointer (&tag);
}

static gboolean
is_root (xmlNodePtr node)
{
  return node == NULL || node->type != XML_ELEMENT_NODE || is_tag (node, "body") ||
         is_tag (node, "html");
}

/* The path from <body> to the link, "div.main>ul.news>li>h3>a". */
static char *
signature (xmlNodePtr a)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sig = g_string_new (NULL);

  for (xmlNodePtr n = a; !is_root (n) && steps->len < MAX_DEPTH; n = n->parent)
    g_ptr_array_add (steps, element_step (n));
  for (guint i = steps->len; i > 0; i--)
    g_string_append_printf (sig, "%s%s", i < steps->len ? ">" : "",
                            (char *) g_ptr_array_index (steps, i - 1));
  return g_string_free (g_steal_pointer (&sig), FALSE);
}

/* Words of a class or id, or of a box's heading, that say "not the news
 * of this page". */
static gboolean
negative_token (const char *token)
{
  static const char * const words[] = {
    "menu", "nav", "footer", "breadcrumb", "tag", "popular", "mostread", "trending",
    "related", "sidebar", "widget", "social", "share", "pagination", "pager", "sitemap",
    "login", "cookie", "toplist", "topread", "mostviewed", "ticker", NULL,
  };
  g_autofree char *lower = g_ascii_strdown (token, -1);
  g_auto(GStrv) parts = g_strsplit_set (lower, "-_", -1);

  if (strstr (lower, "most-read") || strstr (lower, "most_read") || strstr (lower, "most-viewed") ||
      strstr (lower, "most-popular"))
    return TRUE;
  for (guint i = 0; parts[i]; i++)
    for (guint j = 0; words[j]; j++)
      if (g_str_has_prefix (parts[i], words[j]))
        return TRUE;
  return FALSE;
}

static gboolean
negative_element (xmlNodePtr node)
{
  const char *attrs[] = { clip_page_attr (node, "class"), clip_page_attr (node, "id"),
                          clip_page_attr (node, "role") };

  for (guint i = 0; i < G_N_ELEMENTS (attrs); i++)
    if (attrs[i])
      {
        g_auto(GStrv) words = g_strsplit_set (attrs[i], " \t\r\n", -1);

        for (guint j = 0; words[j]; j++)
          if (*words[j] && negative_token (words[j]))
            return TRUE;
      }
  return FALSE;
}

static gboolean
negative_label (const char *text)
{
  static const char * const labels[] = {
    "most read", "most popular", "most viewed", "popular", "related", "trending", "read also",
    "read more", "see also", "tags", "читаемое", "популярн", "по теме", "похожие", "читайте также",
    "самое", "теги", "პოპულარ", "კითხვადი", "მსგავსი", "ასევე", "თეგები", NULL,
  };
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; labels[i]; i++)
    if (strstr (folded, labels[i]))
      return TRUE;
  return FALSE;
}

static gboolean
has_ancestor (xmlNodePtr node, const char *name)
{
  for (xmlNodePtr n = node->parent; !is_root (n); n = n->parent)
    if (is_tag (n, name))
      return TRUE;
  return FALSE;
}

/* Whether the anchor sits in page chrome: nav, footer, aside, a menu, a
 * site header (an article's own <header> is not chrome). */
static gboolean
in_chrome (xmlNodePtr a)
{
  for (xmlNodePtr n = a->parent; !is_root (n); n = n->parent)
    {
      const char *role = clip_page_attr (n, "role");

      if (is_tag (n, "nav") || is_tag (n, "footer") || is_tag (n, "aside") || is_tag (n, "menu") ||
          g_strcmp0 (role, "navigation") == 0 || g_strcmp0 (role, "contentinfo") == 0)
        return TRUE;
      if (is_tag (n, "header") && !has_ancestor (n, "article"))
        return TRUE;
    }
  return FALSE;
}

ListingGroup *
clip_listing_group_new (char *sig)
{
  ListingGroup *g = g_new0 (ListingGroup, 1);

  g->sig = sig;
  g->anchors = g_ptr_array_new ();
  g->links = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_listing_link_free);
  g->urls = g_hash_table_new (g_str_hash, g_str_equal);
  return g;
}

void
clip_listing_group_add (ListingGroup *g, xmlNodePtr a, char *url)
{
  ClipListingLink *link = g_hash_table_lookup (g->urls, url);

  g_ptr_array_add (g->anchors, a);
  if (link != NULL)
    {
      if (*link->title == '\0')
        {
          g_free (link->title);
          link->title = clip_listing_link_title (a);
        }
      g_free (url);
      return;
    }
  link = g_new0 (ClipListingLink, 1);
  link->url = url;
  link->title = clip_listing_link_title (a);
  g_hash_table_insert (g->urls, link->url, link);
  g_ptr_array_add (g->links, link);
}

/* The page's links by signature, in the order of their first link. */
GPtrArray *
clip_listing_collect_groups (ListingDoc *ld)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autoptr(GHashTable) by_sig = g_hash_table_new (g_str_hash, g_str_equal);
  xmlNodePtr top = ld->pd.body ? ld->pd.body : xmlDocGetRootElement (ld->pd.doc);

  for (xmlNodePtr n = top; n; n = clip_page_next (n, top, FALSE))
    {
      ListingGroup *g;
      char *url, *sig;

      if (n->type != XML_ELEMENT_NODE || !is_tag (n, "a"))
        continue;
      if ((url = clip_listing_link_url (ld, n)) == NULL || clip_listing_skipped_address (ld, url))
        {
          g_free (url);
          continue;
        }
      sig = signature (n);
      if ((g = g_hash_table_lookup (by_sig, sig)) == NULL)
        {
          g = clip_listing_group_new (sig);
          g->doc = ld;
          g_hash_table_insert (by_sig, g->sig, g);
          g_ptr_array_add (groups, g);
        }
      else
        g_free (sig);
      clip_listing_group_add (g, n, url);
    }
  return groups;
}

/* The lowest element holding every anchor of the group. */
static xmlNodePtr
common_ancestor (GPtrArray *anchors)
{
  xmlNodePtr lca = g_ptr_array_index (anchors, 0);

  for (guint i = 1; i < anchors->len && lca; i++)
    {
      xmlNodePtr other = g_ptr_array_index (anchors, i);
      gboolean found = FALSE;

      while (lca && !found)
        {
          for (xmlNodePtr n = other; n && !found; n = n->parent)
            found = n == lca;
          if (!found)
            lca = lca->parent;
        }
    }
  return lca;
}

static xmlNodePtr
previous_element (xmlNodePtr node)
{
  for (xmlNodePtr n = node->prev; n; n = n->prev)
    if (n->type == XML_ELEMENT_NODE)
      return n;
  return NULL;
}

/* Links below node, counting up to limit. */
static guint
count_links (xmlNodePtr node, guint limit)
{
  guint n = 0;

  for (xmlNodePtr c = node; c && n <= limit; c = clip_page_next (c, node, FALSE))
    n += c->type == XML_ELEMENT_NODE && is_tag (c, "a");
  return n;
}

/* The box around the group: its links' common ancestor, widened while
 * what it adds holds few links of others (a heading, a wrapper), so that
 * the box's own class and heading are found however deep its list is. */
static xmlNodePtr
group_region (ListingGroup *g, xmlNodePtr box)
{
  guint own = g->anchors->len;

  for (guint up = 0; up < 6 && box && !is_root (box->parent); up++)
    {
      if (count_links (box->parent, own + 3) > own + 2)
        break;
      box = box->parent;
    }
  return box;
}

/* Whether node holds text of its own (not only in its children). */
static gboolean
has_own_text (xmlNodePtr node)
{
  for (xmlNodePtr c = node->children; c; c = c->next)
    if (c->type == XML_TEXT_NODE && c->content)
      for (const xmlChar *p = c->content; *p; p++)
        if (!g_ascii_isspace (*p))
          return TRUE;
  return FALSE;
}

/* The box's heading: the first short text in the region before its first
 * link ("Most read", a widget's title), or the element before the region. */
static char *
box_label (xmlNodePtr region, xmlNodePtr first)
{
  g_autoptr(GString) text = g_string_new (NULL);
  xmlNodePtr prev;

  for (xmlNodePtr n = region; n && n != first; n = clip_page_next (n, region, FALSE))
    if (n->type == XML_ELEMENT_NODE && n != region && has_own_text (n))
      {
        clip_page_node_text (n, text, 120);
        return text->len <= 80 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
      }
  if ((prev = previous_element (region)) == NULL)
    return NULL;
  clip_page_node_text (prev, text, 120);
  return text->len <= 80 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Marks a box that says it is not the page's news: by the class or id of
 * an element from the link up to the region around the box, or by its
 * heading. */
static gboolean
negative_box (ListingGroup *g, xmlNodePtr box)
{
  xmlNodePtr a = g_ptr_array_index (g->anchors, 0);
  xmlNodePtr region = group_region (g, box);
  g_autofree char *label = NULL;

  for (xmlNodePtr n = a; !is_root (n); n = n->parent)
    {
      if (negative_element (n))
        return TRUE;
      if (n == region)
        break;
    }
  if (g->links->len >= 3 && (label = box_label (region, a)) != NULL && negative_label (label))
    return TRUE;
  return FALSE;
}

static guint
count_words (const char *s)
{
  guint words = 0;
  gboolean in = FALSE;

  for (; *s; s++)
    {
      gboolean space = *s == ' ';

      words += !space && !in;
      in = !space;
    }
  return words;
}

/* One link per block: each link in an item of its own below the box. */
static double
block_share (ListingGroup *g, xmlNodePtr box)
{
  g_autoptr(GHashTable) items = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g->anchors->len; i++)
    {
      xmlNodePtr n = g_ptr_array_index (g->anchors, i);

      while (n->parent && n->parent != box)
        n = n->parent;
      g_hash_table_add (items, n);
    }
  return MIN (1.0, (double) g_hash_table_size (items) / g->links->len);
}

static void
measure (ListingDoc *ld, ListingGroup *g)
{
  g_autoptr(GHashTable) shapes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint text_ok = 0, url_ok = 0, site_ok = 0, chrome = 0, best = 0;
  guint n = g->links->len;
  xmlNodePtr box = common_ancestor (g->anchors);

  for (guint i = 0; i < n; i++)
    {
      ClipListingLink *link = g_ptr_array_index (g->links, i);
      glong chars = g_utf8_strlen (link->title, -1);
      char *shape = clip_listing_address_shape (link->url);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (shapes, shape)) + 1;

      text_ok += chars >= 15 && chars <= 250 && count_words (link->title) >= 2;
      url_ok += clip_listing_article_address (link->url);
      site_ok += clip_listing_same_site (ld->host, link->url);
      if (count > best)
        {
          best = count;
          g_free (g->shape);
          g->shape = g_strdup (shape);
        }
      g_hash_table_replace (shapes, shape, GUINT_TO_POINTER (count));
    }
  for (guint i = 0; i < g->anchors->len; i++)
    chrome += in_chrome (g_ptr_array_index (g->anchors, i));
  g->chrome = chrome * 2 > g->anchors->len;
  g->negative = negative_box (g, box);
  g->likeness = ((double) text_ok / n) * (0.25 + 0.75 * url_ok / n) *
                (0.4 + 0.6 * best / n) * ((double) site_ok / n) *
                (0.4 + 0.6 * block_share (g, box));
}

static double
group_score (const ListingGroup *g)
{
  guint n = g->links->len;
  double size = n >= CLIP_LISTING_MIN_LINKS ? 0.5 + 0.5 * MIN (1.0, n / 20.0) : n / 10.0;

  return g->likeness * size * (g->chrome ? 0.15 : 1.0) * (g->negative ? 0.1 : 1.0) *
         (g->nav ? 0.05 : 1.0);
}

/* Whether css takes exactly the group's addresses from the page. */
static gboolean
takes_exactly (ListingDoc *ld, const char *css, GHashTable *urls)
{
  g_autofree char *xpath = clip_selector_to_xpath (css, NULL);
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) links = NULL;

  if (xpath == NULL)
    return FALSE;
  nodes = clip_listing_eval (ld, xpath);
  links = clip_listing_links_of (ld, nodes);
  if (links->len != g_hash_table_size (urls))
    return FALSE;
  for (guint i = 0; i < links->len; i++)
    if (!g_hash_table_contains (urls, ((ClipListingLink *) g_ptr_array_index (links, i))->url))
      return FALSE;
  return TRUE;
}

static const char *
stable_id (xmlNodePtr node)
{
  const char *id = clip_page_attr (node, "id");

  return id && css_name (id) && strpbrk (id, "0123456789") == NULL ? id : NULL;
}

/* Two boxes of one template (two columns alike) are told apart by
 * position only: XPath from the box's place in the document, then the
 * steps below it. full: the whole chain, kept when that fails too. */
static char *
positional_selector (ListingDoc *ld, ListingGroup *g, const char *full)
{
  xmlNodePtr box = common_ancestor (g->anchors);
  xmlNodePtr a = g_ptr_array_index (g->anchors, 0);
  g_autoptr(GString) below = g_string_new (NULL);
  g_autofree char *below_xpath = NULL;
  g_autofree char *where = NULL;
  char *xpath;

  if (box == NULL || box == a || is_root (box))
    return g_strdup (full);
  for (xmlNodePtr n = a; n && n != box; n = n->parent)
    {
      g_autofree char *step = element_step (n);

      g_string_prepend (below, below->len ? " > " : "");
      g_string_prepend (below, step);
    }
  below_xpath = clip_selector_to_xpath (below->str, NULL);
  where = (char *) xmlGetNodePath (box);
  if (below_xpath == NULL || where == NULL)
    return g_strdup (full);
  xpath = g_strconcat (where, below_xpath, NULL);
  xmlFree (g_steal_pointer (&where));
  if (takes_exactly (ld, xpath, g->urls))
    return xpath;
  g_free (xpath);
  return g_strdup (full);
}

/* The shortest chain of steps up from the link ("ul.news > li > h3 > a",
 * or from an element with an id) that takes exactly the group's links;
 * the whole path from <body> when none does. */
static char *
group_selector (ListingDoc *ld, ListingGroup *g)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GString) chain = g_string_new (NULL);

  for (xmlNodePtr n = g_ptr_array_index (g->anchors, 0); !is_root (n) && steps->len < MAX_DEPTH;
       n = n->parent)
    {
      g_ptr_array_add (steps, element_step (n));
      g_ptr_array_add (nodes, n);
    }
  for (guint k = 0; k < steps->len; k++)
    {
      const char *id = stable_id (g_ptr_array_index (nodes, k));
      g_autofree char *with_id = NULL;

      /* chain holds steps k-1 … 0 */
      if (id)
        {
          with_id = g_strdup_printf ("#%s%s%s", id, k ? " > " : "", chain->str);
          if (takes_exactly (ld, with_id, g->urls))
            return g_steal_pointer (&with_id);
        }
      g_string_prepend (chain, k ? " > " : "");
      g_string_prepend (chain, g_ptr_array_index (steps, k));
      if (takes_exactly (ld, chain->str, g->urls))
        return g_string_free (g_steal_pointer (&chain), FALSE);
    }
  return positional_selector (ld, g, chain->str);
}

static gint
by_score (gconstpointer a, gconstpointer b)
{
  const ListingGroup *ga = *(ListingGroup **) a, *gb = *(ListingGroup **) b;

  return ga->score < gb->score ? 1 : ga->score > gb->score ? -1 : 0;
}

static GPtrArray *
measured_groups (ListingDoc *ld, GPtrArray *others)
{
  GPtrArray *groups = clip_listing_collect_groups (ld);

  clip_listing_mark_navigation (groups, others);
  for (guint i = 0; i < groups->len; i++)
    measure (ld, g_ptr_array_index (groups, i));
  for (guint i = 0; i < groups->len; i++)
    {
      ListingGroup *g = g_ptr_array_index (groups, i);

      g->score = group_score (g);
    }
  g_ptr_array_sort (groups, by_score);
  return groups;
}

/* A smaller group of the same articles as the best one: a lead story, a
 * second column of the same list. */
static gboolean
partner (const ListingGroup *best, const ListingGroup *g)
{
  return g != best && !g->chrome && !g->negative && !g->nav && g->likeness >= 0.6 &&
         g_strcmp0 (g->shape, best->shape) == 0;
}

static ClipListingProposal *
proposal_new (ListingDoc *ld, const char *selector, double score, gboolean nav)
{
  ClipListingProposal *p = g_new0 (ClipListingProposal, 1);
  g_autofree char *xpath = clip_selector_to_xpath (selector, NULL);
  g_autoptr(GPtrArray) nodes = clip_listing_eval (ld, xpath ? xpath : "/..");

  p->selector = g_strdup (selector);
  p->score = round (score * 1000) / 1000;
  p->links = clip_listing_links_of (ld, nodes);
  p->navigation = nav;
  return p;
}

/* The best group and its partners, as one selector. */
static ClipListingProposal *
best_proposal (ListingDoc *ld, GPtrArray *groups, ListingGroup *best, GHashTable *used)
{
  g_autoptr(GString) sel = g_string_new (NULL);
  g_autoptr(GHashTable) urls = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean any_xpath = FALSE;

  for (guint i = 0; i < groups->len; i++)
    {
      ListingGroup *g = g_ptr_array_index (groups, i);
      gboolean adds = FALSE;
      g_autofree char *css = NULL;

      if (g != best && !partner (best, g))
        continue;
      for (guint j = 0; j < g->links->len; j++)
        adds |= !g_hash_table_contains (urls, ((ClipListingLink *) g_ptr_array_index (g->links, j))->url);
      if (!adds)
        continue;
      for (guint j = 0; j < g->links->len; j++)
        g_hash_table_add (urls, ((ClipListingLink *) g_ptr_array_index (g->links, j))->url);
      css = group_selector (ld, g);
      g_ptr_array_add (parts, g_steal_pointer (&css));
      g_hash_table_add (used, g);
    }
  for (guint i = 0; i < parts->len; i++)
    any_xpath |= clip_selector_is_xpath (g_ptr_array_index (parts, i));
  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree char *xpath = any_xpath ? clip_selector_to_xpath (g_ptr_array_index (parts, i), NULL) : NULL;

      g_string_append_printf (sel, "%s%s", sel->len ? (any_xpath ? " | " : ", ") : "",
                              any_xpath ? xpath : (char *) g_ptr_array_index (parts, i));
    }
  return proposal_new (ld, sel->str, best->score, best->nav);
}

GPtrArray *
clip_listing_propose (const ClipListingPage *page, GPtrArray *others)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_listing_proposal_free);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) groups = NULL;
  ListingDoc ld;

  if (!clip_listing_doc_open (&ld, page))
    {
      clip_listing_doc_close (&ld);
      return out;
    }
  groups = measured_groups (&ld, others);
  for (guint i = 0; i < groups->len && out->len < CLIP_LISTING_MAX_PROPOSALS; i++)
    {
      ListingGroup *g = g_ptr_array_index (groups, i);
      g_autofree char *css = NULL;

      if (g->links->len < CLIP_LISTING_MIN_LINKS || g_hash_table_contains (used, g) || g->score <= 0)
        continue;
      if (out->len == 0)
        {
          g_ptr_array_add (out, best_proposal (&ld, groups, g, used));
          continue;
        }
      css = group_selector (&ld, g);
      g_ptr_array_add (out, proposal_new (&ld, css, g->score, g->nav));
    }
  clip_listing_doc_close (&ld);
  return out;
}

double
clip_listing_navigation_share (const ClipListingPage *page, GPtrArray *links)
{
  g_autoptr(GHashTable) article = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) groups = NULL;
  guint nav = 0;
  ListingDoc ld;

  if (links == NULL || links->len == 0)
    return 0;
  clip_listing_doc_open (&ld, page);
  groups = measured_groups (&ld, NULL);
  for (guint i = 0; i < groups->len; i++)
    {
      ListingGroup *g = g_ptr_array_index (groups, i);

      if (g->chrome || g->negative || g->likeness < 0.35)
        continue;
      for (guint j = 0; j < g->links->len; j++)
        g_hash_table_add (article, ((ClipListingLink *) g_ptr_array_index (g->links, j))->url);
    }
  for (guint i = 0; i < links->len; i++)
    nav += !g_hash_table_contains (article, ((ClipListingLink *) g_ptr_array_index (links, i))->url);
  clip_listing_doc_close (&ld);
  return (double) nav / links->len;
}
