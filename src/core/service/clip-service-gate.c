/* clip-service-gate.c — a listing's, a sitemap's and their followed
 * pages' requests wait here for the site's robots.txt, its Crawl-delay
 * and back-off, and a slot, like article pages do
 *
 * Service thread only. A request that may not go now waits without its
 * slot, so that a paced site never holds up another site's requests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-service-private.h"

typedef struct {
  char          *url;
  gboolean       ignore_robots;
  ClipGateFunc   go;
  gpointer       data;
  GDestroyNotify drop;
} Gated;

static void
gated_free (Gated *g)
{
  g_free (g->url);
  g_free (g);
}

void
clip_service_gate_request (ClipService    *self,
                           const char     *url,
                           gboolean        ignore_robots,
                           ClipGateFunc    go,
                           gpointer        data,
                           GDestroyNotify  drop)
{
  Gated *g = g_new0 (Gated, 1);

  g->url = g_strdup (url);
  g->ignore_robots = ignore_robots;
  g->go = go;
  g->data = data;
  g->drop = drop;
  g_queue_push_tail (&self->gated, g);
  self->in_flight--;
}

void
clip_service_gate_pump (ClipService *self)
{
  gboolean went = TRUE;

  /* Each waiting request once per pass; one that goes may queue another
   * (a next page), which the next pass sees. Requests are finite (the
   * pages followed are), so this ends. */
  while (went && !self->stopping)
    {
      guint n = g_queue_get_length (&self->gated);

      went = FALSE;
      for (guint i = 0; i < n && !self->stopping; i++)
        {
          Gated *g = g_queue_pop_head (&self->gated);
          g_autofree char *host = NULL;
          ClipHostGate verdict;

          if (g == NULL)
            break;
          verdict = clip_service_host_gate (self, g->url, g->ignore_robots, &host);
          if (verdict == CLIP_HOST_WAIT)
            {
              g_queue_push_tail (&self->gated, g);
              continue;
            }
          went = TRUE;
          self->in_flight++;
          g->go (self, verdict, g_steal_pointer (&host), g->data);
          gated_free (g);
        }
    }
}

void
clip_service_gate_clear (ClipService *self)
{
  Gated *g;

  while ((g = g_queue_pop_head (&self->gated)) != NULL)
    {
      if (g->drop)
        g->drop (g->data);
      gated_free (g);
    }
}
