/* clip-service-hosts.c — a site's state for its article pages: the
 * back-off after failures (kept in the archive, so that a restarted
 * service does not ask a failing site again at once) and the pace its
 * robots.txt asks for
 *
 * Service thread only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-service-private.h"
#include "clip-store-pages.h"
#include "clip-store-sql.h"

#define PAGE_BACKOFF_MIN  60
#define HOST_FORGET_AFTER (7 * 24 * 3600)

void
clip_service_host_save (ClipService *self, const char *host, const ClipPageHostState *h)
{
  g_autoptr(GError) error = NULL;

  if (!clip_store_set_page_host (self->store, host, h ? h->failures : 0, h ? h->next_allowed : 0,
                                 &error))
    g_message ("Could not save the back-off of %s: %s", host, error->message);
}

/* Sites that failed before a restart wait out their back-off still. */
void
clip_service_hosts_load (ClipService *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hosts = clip_store_list_page_hosts (self->store, &error);

  clip_store_release_snapshot (self->store);
  if (hosts == NULL)
    {
      g_message ("Could not read the sites' back-off: %s", error->message);
      return;
    }
  for (guint i = 0; i < hosts->len; i++)
    {
      ClipPageHost *ph = g_ptr_array_index (hosts, i);
      ClipPageHostState *h;

      /* A site not asked for a week since its back-off ended starts
       * afresh (and its row goes). */
      if (ph->next_allowed < (g_get_real_time () / G_USEC_PER_SEC) - HOST_FORGET_AFTER)
        {
          clip_service_host_save (self, ph->host, NULL);
          continue;
        }
      h = g_new0 (ClipPageHostState, 1);
      h->failures = ph->failures;
      h->next_allowed = ph->next_allowed;
      g_hash_table_insert (self->page_hosts, g_strdup (ph->host), h);
    }
}

void
clip_service_host_failed (ClipService *self, const char *host, gint64 retry_after)
{
  ClipPageHostState *h = g_hash_table_lookup (self->page_hosts, host);

  if (h == NULL)
    {
      h = g_new0 (ClipPageHostState, 1);
      g_hash_table_insert (self->page_hosts, g_strdup (host), h);
    }
  h->failures++;
  h->failed_at = g_get_monotonic_time ();
  h->next_allowed = clip_schedule_after_failure (PAGE_BACKOFF_MIN, h->failures, retry_after,
                                                 (g_get_real_time () / G_USEC_PER_SEC), g_random_int ());
  clip_service_host_save (self, host, h);
}

ClipPageHostState *
clip_service_host_state (ClipService *self, const char *host)
{
  ClipPageHostState *h = g_hash_table_lookup (self->page_hosts, host);

  if (h == NULL)
    {
      h = g_new0 (ClipPageHostState, 1);
      g_hash_table_insert (self->page_hosts, g_strdup (host), h);
    }
  return h;
}

/* When the host may be asked again, µs: after its back-off and its pace. */
gint64
clip_service_host_due (const ClipPageHostState *h)
{
  return MAX (h->next_allowed * G_USEC_PER_SEC, h->paced_until);
}

void
clip_service_host_ok (ClipService *self, const char *host, gint64 started)
{
  ClipPageHostState *h = g_hash_table_lookup (self->page_hosts, host);

  /* A request that went out before the site failed another says nothing
   * of the site since: its back-off stands. */
  if (h != NULL && h->failures > 0 && started < h->failed_at)
    return;
  if (h != NULL && h->failures > 0)
    clip_service_host_save (self, host, NULL);
  /* the pace stays: it is the site's wish, not a failure's */
  if (h != NULL && h->paced_until > g_get_real_time ())
    {
      h->failures = 0;
      h->next_allowed = 0;
    }
  else
    g_hash_table_remove (self->page_hosts, host);
}

/* A failure that says the host is unwell, not that the page is. */
gboolean
clip_service_is_host_failure (const ClipFetchResponse *r)
{
  return g_error_matches (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_NETWORK) ||
         g_error_matches (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TIMEOUT) ||
         g_error_matches (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TLS) ||
         (g_error_matches (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_HTTP) &&
          (r->status == 429 || r->status >= 500));
}

/* When the site may be asked again after this answer failed it: what
 * the outlet's health says beside the failure (0: whenever). */
gint64
clip_service_host_retry_at (ClipService *self, const char *host, const ClipFetchResponse *r)
{
  ClipPageHostState *h = r->error ? g_hash_table_lookup (self->page_hosts, host) : NULL;

  return h && h->failures > 0 ? h->next_allowed : 0;
}
