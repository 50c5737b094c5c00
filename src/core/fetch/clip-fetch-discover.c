/* clip-fetch-discover.c — the feeds behind a site's address
 *
 * What a person pastes is often the site, not its feed. Every candidate is
 * fetched and parsed before it is offered, so the list never holds an
 * address that would fail on the first refresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-fetch.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MAX_LINKS 8

static const char * const probe_paths[] = { "/feed", "/rss", "/atom.xml", "/feed.json" };

typedef struct {
  char      *url;          /* what the person gave */
  GQueue     pending;      /* char* addresses still to check */
  gboolean   first_only;   /* probing: the first feed found is enough */
  gboolean   probed;
  gboolean   answered;     /* the address itself has been fetched */
  GPtrArray *found;        /* ClipFeedCandidate* */
  GHashTable *seen;
  GError    *first_error;  /* why the address itself failed */
} DiscoverJob;

static void check_next (GTask *task);

static void
discover_job_free (DiscoverJob *job)
{
  g_free (job->url);
  g_queue_clear_full (&job->pending, g_free);
  g_clear_pointer (&job->found, g_ptr_array_unref);
  g_clear_pointer (&job->seen, g_hash_table_unref);
  g_clear_error (&job->first_error);
  g_free (job);
}

static void
queue_url (DiscoverJob *job, const char *url)
{
  if (g_hash_table_contains (job->seen, url))
    return;
  g_hash_table_add (job->seen, g_strdup (url));
  g_queue_push_tail (&job->pending, g_strdup (url));
}

static void
queue_probes (DiscoverJob *job, const char *page_url)
{
  g_autoptr(GUri) base = g_uri_parse (page_url, G_URI_FLAGS_NONE, NULL);

  job->probed = TRUE;
  job->first_only = TRUE;
  if (base == NULL || g_uri_get_host (base) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (probe_paths); i++)
    {
      g_autoptr(GUri) probe = g_uri_parse_relative (base, probe_paths[i], G_URI_FLAGS_NONE, NULL);
      g_autofree char *s = probe ? g_uri_to_string (probe) : NULL;

      if (s)
        queue_url (job, s);
    }
}

static void
add_candidate (DiscoverJob *job, const char *url, const ClipFeed *feed)
{
  ClipFeedCandidate *c = g_new0 (ClipFeedCandidate, 1);

  c->url = g_strdup (url);
  c->title = g_strdup (feed->title && *feed->title ? feed->title : NULL);
  c->format = feed->format;
  g_ptr_array_add (job->found, c);
}

/* The address itself: a feed, or a page that may name its feeds. */
static void
page_fetched (GTask *task, ClipFetchResponse *r)
{
  DiscoverJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipFeed) feed = NULL;
  g_autoptr(GPtrArray) links = NULL;
  const char *where = r->moved_to ? r->moved_to : r->url;
  gsize len;
  const char *data = g_bytes_get_data (r->body, &len);

  feed = clip_feed_parse (data, len, r->content_type, r->url, &error);
  if (feed != NULL)
    {
      add_candidate (job, where, feed);
      return;
    }
  job->first_error = g_steal_pointer (&error);
  links = clip_feed_discover_links (data, len, r->url);
  for (guint i = 0; links && i < links->len && i < MAX_LINKS; i++)
    queue_url (job, g_ptr_array_index (links, i));
  if (g_queue_is_empty (&job->pending))
    queue_probes (job, r->url);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GTask *task = data;
  DiscoverJob *job = g_task_get_task_data (task);
  g_autoptr(ClipFetchResponse) r = clip_fetcher_fetch_finish (CLIP_FETCHER (source), result);
  gboolean first = !job->answered;

  if (g_error_matches (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&r->error));
      g_object_unref (task);
      return;
    }
  job->answered = TRUE;
  if (first)
    {
      if (r->error)
        {
          /* The address itself does not answer: nothing else to try. */
          g_task_return_error (task, g_steal_pointer (&r->error));
          g_object_unref (task);
          return;
        }
      page_fetched (task, r);
    }
  else if (r->error == NULL && r->body)
    {
      g_autoptr(ClipFeed) feed = NULL;
      gsize len;
      const char *body = g_bytes_get_data (r->body, &len);

      feed = clip_feed_parse (body, len, r->content_type, r->url, NULL);
      if (feed)
        {
          add_candidate (job, r->moved_to ? r->moved_to : r->url, feed);
          if (job->first_only)
            g_queue_clear_full (&job->pending, g_free);
        }
    }
  /* Advertised links that all fail still leave the usual places to try. */
  if (g_queue_is_empty (&job->pending) && job->found->len == 0 && !job->probed &&
      job->first_error != NULL)
    queue_probes (job, job->url);
  check_next (task);
}

static void
check_next (GTask *task)
{
  DiscoverJob *job = g_task_get_task_data (task);
  g_autofree char *url = g_queue_pop_head (&job->pending);

  if (url)
    {
      clip_fetcher_fetch_async (g_task_get_source_object (task), url, NULL, NULL,
                                g_task_get_cancellable (task), fetched_cb, task);
      return;
    }
  if (job->found->len == 0)
    {
      g_task_return_new_error (task, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_NOT_A_FEED,
                               _("No feed found at %s: it is not a feed and names none"),
                               job->url);
      g_object_unref (task);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&job->found), (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

void
clip_fetcher_discover_async (ClipFetcher         *self,
                             const char          *url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  DiscoverJob *job = g_new0 (DiscoverJob, 1);

  g_task_set_source_tag (task, clip_fetcher_discover_async);
  /* People type "civil.ge": a site's address without a scheme is https. */
  job->url = strstr (url, "://") ? g_strdup (url) : g_strconcat ("https://", url, NULL);
  g_queue_init (&job->pending);
  job->found = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_feed_candidate_free);
  job->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) discover_job_free);
  queue_url (job, job->url);
  check_next (task);
}

GPtrArray *
clip_fetcher_discover_finish (ClipFetcher   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
