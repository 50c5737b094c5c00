/* clip-service-job.h — one outlet's fetch on its way through the
 * pipeline (clip-service-pipeline.c), and the steps of a listing's or
 * sitemap's pages through the gate (clip-service-follow.c)
 *
 * Service thread only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-service-listing.h"
#include "clip-service-private.h"

G_BEGIN_DECLS

typedef struct {
  ClipService       *self;
  ClipOutlet        *outlet;
  ClipFetchResponse *response;
  /* Filled by the parse worker. */
  GPtrArray         *articles;     /* ClipArticle* */
  char              *parse_error;  /* for a person */
  char              *feed_title;
  char              *feed_link;
  /* Listings and sitemaps: what their pages gave, and the page followed
   * from the outlet's address being read (a next page, an index's
   * sitemap). */
  ClipListingRead    listing;
  ClipFetchResponse *extra;
  guint              followed;
  /* The host whose slot the request holds, when it waited at the gate
   * (clip-service-gate.c) instead of using the outlet's own. */
  char              *slot_host;
} FetchJob;

/* clip-service-pipeline.c */
void     clip_fetch_job_free          (FetchJob     *job);
/* The outlet's own address was answered (r, taken), or not asked for. */
void     clip_fetch_job_answered      (FetchJob     *job,
                                       ClipFetchResponse *r);
void     clip_fetch_job_fetched_cb    (GObject      *source,
                                       GAsyncResult *result,
                                       gpointer      job);
/* Reads job->extra (a followed page) on a worker. */
void     clip_fetch_job_parse         (FetchJob     *job);
/* The answer and the pages followed from it are read: follows the next
 * page, or hands the articles on to be stored. */
void     clip_fetch_job_after_parse   (FetchJob     *job);

/* clip-service-follow.c */
/* Pages a listing reads beyond its address: its archive on the first
 * fetch (pages - 1), an index's newest sitemaps. */
guint    clip_fetch_job_follow_limit  (const ClipOutlet *outlet);
/* Asks for the next page to follow, through the gate: FALSE when there
 * is none to read. */
gboolean clip_fetch_job_follow        (FetchJob     *job);
/* A listing's or sitemap's own page, through the gate: FALSE when it may
 * be fetched now with the outlet's slot (or is a feed). */
gboolean clip_fetch_job_start_gated   (FetchJob     *job);
/* The slot taken at the gate, if any, goes back. */
void     clip_fetch_job_release_slot  (FetchJob     *job);

G_END_DECLS
