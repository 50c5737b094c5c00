/* clip-listing-private.h — a listing page parsed, shared by the listing
 * module's two files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-listing.h"
#include "clip-page-private.h"

G_BEGIN_DECLS

typedef struct {
  PageDoc          pd;
  ClipPage        *scratch;    /* takes the parser's problems */
  ClipPageOptions  options;
  char            *host;       /* the page's host, lower-case, or NULL */
} ListingDoc;

gboolean    clip_listing_doc_open   (ListingDoc            *ld,
                                     const ClipListingPage *page);
void        clip_listing_doc_close  (ListingDoc            *ld);
/* The link's absolute http(s) address without its fragment, or NULL. */
char       *clip_listing_link_url   (ListingDoc            *ld,
                                     xmlNodePtr             a);
/* The anchor's text, spacing collapsed; its title or an image's alt when
 * it has none; never NULL. */
char       *clip_listing_link_title (xmlNodePtr             a);
/* The nodes an XPath expression selects, in document order. */
GPtrArray  *clip_listing_eval       (ListingDoc            *ld,
                                     const char            *xpath);
/* The links the nodes give (see clip_listing_select()). */
GPtrArray  *clip_listing_links_of   (ListingDoc            *ld,
                                     GPtrArray             *nodes);

/* clip-listing-rank.c: a group of the page's links, those of one path
 * from <body> (its signature), and how much they look like articles. */
typedef struct {
  ListingDoc *doc;
  char       *sig;
  GPtrArray  *anchors;     /* xmlNodePtr */
  GPtrArray  *links;       /* ClipListingLink*, each address once */
  GHashTable *urls;        /* address → ClipListingLink* */
  char       *shape;       /* the links' commonest address shape */
  double      likeness;    /* how much the links look like articles */
  double      score;
  gboolean    chrome, negative, nav;
} ListingGroup;

ListingGroup *clip_listing_group_new      (char             *sig);
/* Adds the anchor and its address (taken), once per address. */
void          clip_listing_group_add      (ListingGroup     *g,
                                           xmlNodePtr        a,
                                           char             *url);
/* The page's links by signature, in the order of their first link. */
GPtrArray    *clip_listing_collect_groups (ListingDoc       *ld);

/* clip-listing-navigation.c: learning from other pages of the site (a
 * second page) which links are navigation. */
void          clip_listing_mark_navigation (GPtrArray       *groups,
                                            GPtrArray       *others);

/* clip-listing-address.c */
/* A date, a number of three digits or more, or a slug of three words or
 * more in the address: what article addresses have. */
gboolean    clip_listing_article_address (const char       *url);
/* "news/9/9/9/(last)?id": the path but its last segment, numbers as 9,
 * and the query's keys. */
char       *clip_listing_address_shape   (const char       *url);
/* url on host or another host of the same site (the last two labels). */
gboolean    clip_listing_same_site       (const char       *host,
                                          const char       *url);
/* Not an article: the page itself, the site's root, a file. */
gboolean    clip_listing_skipped_address (ListingDoc       *ld,
                                          const char       *url);

G_END_DECLS
