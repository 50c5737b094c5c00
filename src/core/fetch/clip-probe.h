/* clip-probe.h — what a site offers to watch: its feeds, its sitemaps
 * and the article lists on a page
 *
 * `outlets probe` and Add Outlet ask this of an address: the feeds
 * discovery finds, the sitemaps robots.txt names and those at the usual
 * paths (each fetched and read), and the page's link groups ranked by the
 * listing module (clip-listing.h), learning navigation from a second page
 * of the site (its home page, or the first section in its menu).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-fetch.h"
#include "clip-listing.h"

G_BEGIN_DECLS

typedef struct {
  char *url;
  char *kind;          /* "sitemap", "index", "news" (clip-sitemap.h) */
} ClipProbeSitemap;

typedef struct {
  char      *url;        /* the page's address, after redirects */
  GPtrArray *feeds;      /* ClipFeedCandidate* */
  GPtrArray *sitemaps;   /* ClipProbeSitemap* */
  GPtrArray *listings;   /* ClipListingProposal*, best first */
  GBytes    *page;       /* the page as served: a selector tried live */
  char      *content_type;
} ClipProbe;

void       clip_probe_free           (ClipProbe           *probe);

/* Fails only when the page itself cannot be fetched. */
void       clip_fetcher_probe_async  (ClipFetcher         *fetcher,
                                      const char          *url,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
ClipProbe *clip_fetcher_probe_finish (ClipFetcher         *fetcher,
                                      GAsyncResult        *result,
                                      GError             **error);

/* Where a site's sitemaps may be, besides robots.txt's: NULL-terminated
 * paths. */
extern const char * const clip_probe_sitemap_paths[];

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipProbe, clip_probe_free)

G_END_DECLS
