/* clip-service-listing.h — the article addresses a listing page or a
 * sitemap gives an outlet (issue 16)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-fetch.h"
#include "clip-outlet.h"
#include "clip-store.h"

G_BEGIN_DECLS

typedef struct {
  GPtrArray *articles;       /* ClipArticle*: address, title, a sitemap's dates */
  char      *error;          /* for a person, or NULL */
  gboolean   layout_changed; /* a listing's selector stopped taking news */
  char      *preview;        /* JSON [{"url","title"}] of a good first page */
  GPtrArray *follow;         /* char*: more pages to read (a listing's next
                                page, an index's sitemaps); NULL: none wanted */
  char      *follow_url;     /* the one being read */
} ClipListingRead;

void     clip_listing_read_clear (ClipListingRead         *read);
/* Any thread: reads one answer of the outlet into out (appending).
 * first_page: the outlet's own address (not a page followed from it). */
void     clip_listing_read       (const ClipOutlet        *outlet,
                                  const ClipFetchResponse *response,
                                  gboolean                 first_page,
                                  ClipListingRead         *out);
/* The writer's thread: drops the articles whose address the outlet has
 * already (and repeats). */
gboolean clip_listing_drop_known (ClipStore               *store,
                                  gint64                   outlet_id,
                                  GPtrArray               *articles,
                                  GError                 **error);

G_END_DECLS
