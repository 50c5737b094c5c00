/* clip-service-follow.c — a listing's or sitemap's own page, and the
 * pages followed from it (a next page of the archive, an index's child
 * sitemaps), through the gate (clip-service-gate.c): the site's
 * robots.txt, Crawl-delay and back-off, as for article pages
 *
 * Service thread only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-service-job.h"

#include <glib/gi18n-lib.h>

/* The request's slot from the gate, if it had one, goes back. */
void
clip_fetch_job_release_slot (FetchJob *job)
{
  if (job->slot_host == NULL)
    return;
  clip_scheduler_release_host (job->self->scheduler, job->slot_host);
  g_clear_pointer (&job->slot_host, g_free);
}

static void
followed_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  FetchJob *job = data;

  clip_fetch_job_release_slot (job);
  clip_fetch_response_free (job->extra);
  job->extra = clip_fetcher_fetch_finish (CLIP_FETCHER (source), result);
  clip_fetch_job_parse (job);
}

guint
clip_fetch_job_follow_limit (const ClipOutlet *o)
{
  if (o->kind == CLIP_OUTLET_SITEMAP)
    return 3;
  return o->kind == CLIP_OUTLET_LISTING && o->last_success == 0 ? (guint) MAX (o->pages, 1) - 1 : 0;
}

/* A followed page may be asked for (or robots.txt says no: it is passed
 * over, and the outlet keeps what the others gave). */
static void
follow_gated (ClipService *self, ClipHostGate verdict, char *slot_host, gpointer data)
{
  FetchJob *job = data;

  self->backlog++;
  job->slot_host = slot_host;
  if (verdict != CLIP_HOST_GO)
    {
      clip_fetch_job_after_parse (job);
      return;
    }
  clip_fetcher_fetch_async (self->fetcher, job->listing.follow_url, NULL, NULL, self->cancel,
                            followed_cb, job);
}

/* The next page to follow, through the gate. */
gboolean
clip_fetch_job_follow (FetchJob *job)
{
  ClipService *self = job->self;
  GPtrArray *follow = job->listing.follow;

  if (follow == NULL || follow->len == 0 || job->parse_error != NULL || self->stopping ||
      job->followed >= clip_fetch_job_follow_limit (job->outlet))
    return FALSE;
  g_free (job->listing.follow_url);
  job->listing.follow_url = g_ptr_array_steal_index (follow, 0);
  job->followed++;
  /* Waiting at the gate (a site's Crawl-delay, up to a minute a page) is
   * not work in hand: the job leaves the backlog meanwhile, so that jobs
   * paced by one site never keep other outlets from starting. */
  self->backlog--;
  clip_service_gate_request (self, job->listing.follow_url, job->outlet->ignore_robots,
                             follow_gated, job, (GDestroyNotify) clip_fetch_job_free);
  return TRUE;
}

/* What a listing records when its own page was not asked for: robots.txt
 * disallows it, or its host is backing off after failures. */
static ClipFetchResponse *
not_asked_response (const char *url, ClipHostGate verdict)
{
  ClipFetchResponse *r = g_new0 (ClipFetchResponse, 1);

  r->url = g_strdup (url);
  if (verdict == CLIP_HOST_DISALLOWED)
    r->error = g_error_new_literal (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_INVALID,
                                    _("robots.txt disallows this page"));
  else
    r->error = g_error_new_literal (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_NETWORK,
                                    _("the site is not answering or asked to wait; tried again later"));
  return r;
}

static void
first_gated (ClipService *self, ClipHostGate verdict, char *slot_host, gpointer data)
{
  FetchJob *job = data;

  job->slot_host = slot_host;
  if (verdict != CLIP_HOST_GO)
    clip_fetch_job_answered (job, not_asked_response (job->outlet->url, verdict));
  else
    clip_fetcher_fetch_async (self->fetcher, job->outlet->url, job->outlet->etag,
                              job->outlet->last_modified, self->cancel, clip_fetch_job_fetched_cb, job);
}

/* A listing's or sitemap's own page goes by its site's robots.txt and
 * pace: now when it may, else it waits at the gate without its slot. */
gboolean
clip_fetch_job_start_gated (FetchJob *job)
{
  ClipService *self = job->self;
  ClipOutlet *o = job->outlet;
  ClipHostGate verdict;

  if (o->kind == CLIP_OUTLET_FEED)
    return FALSE;
  verdict = clip_service_host_gate (self, o->url, o->ignore_robots, NULL);
  if (verdict == CLIP_HOST_GO)
    return FALSE;
  if (verdict != CLIP_HOST_WAIT)
    {
      clip_fetch_job_answered (job, not_asked_response (o->url, verdict));
      return TRUE;
    }
  clip_scheduler_release (self->scheduler, o->id);
  clip_service_gate_request (self, o->url, o->ignore_robots, first_gated, job,
                             (GDestroyNotify) clip_fetch_job_free);
  return TRUE;
}
