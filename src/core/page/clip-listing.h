/* clip-listing.h — a listing page's article links, and the selector that
 * takes them
 *
 * A listing page is a home or section page whose article links the
 * analyst watches when the site has no feed (or a poor one). The links
 * are taken by a selector (clip-selector.h). The selector is found for
 * the analyst: the page's links are grouped by where they sit in the
 * document (the same path of elements and classes), and the groups are
 * ranked by how much they look like a list of articles — the same URL
 * shape with a date or a numeric id in it, headline-length anchor text,
 * one link per block, five or more — against menus, tag clouds, footers
 * and "most read" or "related" boxes. Pages of the same site given beside
 * it teach navigation: a group that is the same on every page is not news.
 *
 * Pure functions over bytes, like clip-page.h: no network, no archive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Proposals at most, best first. */
#define CLIP_LISTING_MAX_PROPOSALS 8
/* Links a group needs to be proposed on its own. */
#define CLIP_LISTING_MIN_LINKS 5

typedef struct {
  const char *data;
  gsize       len;
  const char *url;            /* the page's address: relative links */
  const char *content_type;   /* as served (its charset), or NULL */
} ClipListingPage;

typedef struct {
  char *url;                  /* absolute, without its #fragment */
  char *title;                /* the anchor's text ("" when none) */
} ClipListingLink;

typedef struct {
  char      *selector;        /* CSS (clip-selector.h's subset) */
  double     score;           /* higher is better; 0 to 1 */
  GPtrArray *links;           /* ClipListingLink*, in the page's order */
  gboolean   navigation;      /* looks like menus or the same on every page */
} ClipListingProposal;

void       clip_listing_link_free     (ClipListingLink     *link);
void       clip_listing_proposal_free (ClipListingProposal *proposal);

/* The links selector takes from page, in the page's order, each address
 * once. A matched element that is not a link gives its first link. NULL
 * and an error when the selector is not one (CLIP_SELECTOR_ERROR). */
GPtrArray *clip_listing_select        (const ClipListingPage *page,
                                       const char            *selector,
                                       GError               **error);

/* The groups of links of page that may be its article list, best first
 * (ClipListingProposal*, at most CLIP_LISTING_MAX_PROPOSALS, never NULL).
 * others: other pages of the same site (ClipListingPage*), or NULL. */
GPtrArray *clip_listing_propose       (const ClipListingPage *page,
                                       GPtrArray             *others);

/* How much links (ClipListingLink*) look like a page's navigation rather
 * than its articles, 0 to 1: the share of them the ranker puts in menus,
 * footers or boxes that are not news on page. What a fetch uses to see
 * that a selector no longer takes the articles. */
double     clip_listing_navigation_share (const ClipListingPage *page,
                                          GPtrArray             *links);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipListingLink, clip_listing_link_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipListingProposal, clip_listing_proposal_free)

G_END_DECLS
