/* clip-listing-navigation.c — what other pages of the same site teach
 * the ranking: a group of links that every page has in the same place
 * (the same signature, the same addresses) is navigation, however much
 * its links look like articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-listing-private.h"

/* The links of g that every page of others has in the same place. */
static GHashTable *
navigation_links (ListingGroup *g, GPtrArray *pages_groups)
{
  GHashTable *nav = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint j = 0; j < g->links->len; j++)
    {
      const char *url = ((ClipListingLink *) g_ptr_array_index (g->links, j))->url;
      gboolean everywhere = TRUE;

      for (guint p = 0; p < pages_groups->len && everywhere; p++)
        {
          ListingGroup *t = g_hash_table_lookup (g_ptr_array_index (pages_groups, p), g->sig);

          everywhere = t && g_hash_table_contains (t->urls, url);
        }
      if (everywhere)
        g_hash_table_add (nav, (gpointer) url);
    }
  return nav;
}

/* Moves the anchors of g whose address is in nav to a group of their own,
 * marked navigation. */
static ListingGroup *
split_navigation (ListingGroup *g, GHashTable *nav)
{
  g_autoptr(GPtrArray) anchors = g_steal_pointer (&g->anchors);
  /* Freed last: the addresses the group's url set holds are theirs. */
  g_autoptr(GPtrArray) links = g_steal_pointer (&g->links);
  ListingGroup *n = clip_listing_group_new (g_strconcat (g->sig, "#navigation", NULL));

  (void) links;
  n->doc = g->doc;
  n->nav = TRUE;
  g->anchors = g_ptr_array_new ();
  g->links = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_listing_link_free);
  g_hash_table_remove_all (g->urls);
  for (guint i = 0; i < anchors->len; i++)
    {
      xmlNodePtr a = g_ptr_array_index (anchors, i);
      /* the addresses were read from these anchors before: not NULL */
      char *url = clip_listing_link_url (g->doc, a);
      ListingGroup *to = g_hash_table_contains (nav, url) ? n : g;

      clip_listing_group_add (to, a, url);
    }
  return n;
}

/* Links that every page of others has in the same place are navigation:
 * a group of only those is marked; a group with some of them (a "picks"
 * column beside the news, the same template) is split in two. */
void
clip_listing_mark_navigation (GPtrArray *groups, GPtrArray *others)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autoptr(GPtrArray) pages_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint n_groups = groups->len;

  if (others == NULL || others->len == 0)
    return;
  for (guint p = 0; p < others->len; p++)
    {
      ListingDoc *od = g_new0 (ListingDoc, 1);
      GPtrArray *theirs;
      GHashTable *by_sig = g_hash_table_new (g_str_hash, g_str_equal);

      clip_listing_doc_open (od, g_ptr_array_index (others, p));
      theirs = clip_listing_collect_groups (od);
      for (guint i = 0; i < theirs->len; i++)
        g_hash_table_insert (by_sig, ((ListingGroup *) g_ptr_array_index (theirs, i))->sig,
                             g_ptr_array_index (theirs, i));
      g_ptr_array_add (docs, od);
      g_ptr_array_add (keep, theirs);
      g_ptr_array_add (pages_groups, by_sig);
    }
  for (guint i = 0; i < n_groups; i++)
    {
      ListingGroup *g = g_ptr_array_index (groups, i);
      g_autoptr(GHashTable) nav = navigation_links (g, pages_groups);
      guint count = g_hash_table_size (nav);

      if (count * 5 >= g->links->len * 4)
        g->nav = TRUE;
      else if (count > 0)
        g_ptr_array_add (groups, split_navigation (g, nav));
    }
  g_ptr_array_set_size (pages_groups, 0);
  g_ptr_array_set_size (keep, 0);
  for (guint p = 0; p < docs->len; p++)
    {
      clip_listing_doc_close (g_ptr_array_index (docs, p));
      g_free (g_ptr_array_index (docs, p));
    }
}
