/* clip-fetch-probe.c — a page's feeds, sitemaps and article lists
 *
 * One request at a time, in order (page, feeds, robots.txt, sitemaps, a
 * second page): a probe is a person's question about one site, and the
 * site sees one polite visitor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-probe.h"
#include "clip-robots.h"
#include "clip-sitemap.h"

#include <string.h>

/* Sitemaps fetched at most. */
#define MAX_SITEMAPS 8

const char * const clip_probe_sitemap_paths[] = {
  "/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml", "/sitemap-news.xml", NULL,
};

typedef struct {
  ClipFetcher       *fetcher;
  char              *url;
  ClipFetchResponse *page;
  ClipFetchResponse *second;
  GQueue             sitemap_urls;   /* char*, to fetch */
  GHashTable        *queued;
  ClipProbe         *probe;
} Probe;

static void
probe_sitemap_free (ClipProbeSitemap *s)
{
  g_free (s->url);
  g_free (s->kind);
  g_free (s);
}

void
clip_probe_free (ClipProbe *probe)
{
  if (probe == NULL)
    return;
  g_free (probe->url);
  g_ptr_array_unref (probe->feeds);
  g_ptr_array_unref (probe->sitemaps);
  g_ptr_array_unref (probe->listings);
  g_clear_pointer (&probe->page, g_bytes_unref);
  g_free (probe->content_type);
  g_free (probe);
}

static void
probe_free (Probe *p)
{
  g_object_unref (p->fetcher);
  g_free (p->url);
  g_clear_pointer (&p->page, clip_fetch_response_free);
  g_clear_pointer (&p->second, clip_fetch_response_free);
  g_queue_clear_full (&p->sitemap_urls, g_free);
  g_hash_table_unref (p->queued);
  g_clear_pointer (&p->probe, clip_probe_free);
  g_free (p);
}

/* "https://host:port" of url, or NULL. */
static char *
origin_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;
  return g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri), "", NULL, NULL);
}

static void
queue_sitemap (Probe *p, const char *url)
{
  if (g_hash_table_size (p->queued) >= MAX_SITEMAPS || g_hash_table_contains (p->queued, url))
    return;
  g_hash_table_add (p->queued, g_strdup (url));
  g_queue_push_tail (&p->sitemap_urls, g_strdup (url));
}

static void next_sitemap (GTask *task);

static ClipListingPage
listing_page (const ClipFetchResponse *r)
{
  ClipListingPage page = { 0 };

  page.data = g_bytes_get_data (r->body, &page.len);
  page.url = r->url;
  page.content_type = r->content_type;
  return page;
}

static void
finish (GTask *task)
{
  Probe *p = g_task_get_task_data (task);
  ClipListingPage page = listing_page (p->page);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);

  if (p->second && p->second->body && p->second->error == NULL)
    {
      ClipListingPage *other = g_new0 (ClipListingPage, 1);

      *other = listing_page (p->second);
      g_ptr_array_add (others, other);
    }
  g_ptr_array_unref (p->probe->listings);
  p->probe->listings = clip_listing_propose (&page, others);
  p->probe->page = p->page->body ? g_bytes_ref (p->page->body) : NULL;
  p->probe->content_type = g_strdup (p->page->content_type);
  g_task_return_pointer (task, g_steal_pointer (&p->probe), (GDestroyNotify) clip_probe_free);
  g_object_unref (task);
}

static void
second_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GTask *task = data;
  Probe *p = g_task_get_task_data (task);

  p->second = clip_fetcher_fetch_finish (CLIP_FETCHER (source), result);
  finish (task);
}

/* Another page of the site to learn its navigation from: the home page,
 * or when this is the home page, the first section its menu links to. */
static char *
second_page_url (Probe *p)
{
  g_autofree char *origin = origin_of (p->page->url);
  g_autofree char *home = origin ? g_strconcat (origin, "/", NULL) : NULL;
  ClipListingPage page = listing_page (p->page);
  g_autoptr(GPtrArray) menu = NULL;

  if (home == NULL)
    return NULL;
  if (!g_str_equal (home, p->page->url))
    return g_steal_pointer (&home);
  menu = clip_listing_select (&page, "nav a, header a, [role=navigation] a", NULL);
  for (guint i = 0; menu && i < menu->len; i++)
    {
      const ClipListingLink *l = g_ptr_array_index (menu, i);

      if (g_str_has_prefix (l->url, home) && !g_str_equal (l->url, home))
        return g_strdup (l->url);
    }
  return NULL;
}

static void
sitemap_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GTask *task = data;
  Probe *p = g_task_get_task_data (task);
  g_autoptr(ClipFetchResponse) r = clip_fetcher_fetch_finish (CLIP_FETCHER (source), result);
  g_autofree char *asked = g_queue_pop_head (&p->sitemap_urls);
  g_autoptr(ClipSitemap) map = NULL;

  if (r->error == NULL && r->body)
    {
      gsize len;
      const char *bytes = g_bytes_get_data (r->body, &len);

      if ((map = clip_sitemap_parse (bytes, len, NULL)) != NULL)
        {
          ClipProbeSitemap *s = g_new0 (ClipProbeSitemap, 1);

          s->url = g_strdup (asked);
          s->kind = g_strdup (clip_sitemap_kind_name (map->kind));
          g_ptr_array_add (p->probe->sitemaps, s);
        }
    }
  next_sitemap (task);
}

static void
next_sitemap (GTask *task)
{
  Probe *p = g_task_get_task_data (task);
  g_autofree char *second = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (!g_queue_is_empty (&p->sitemap_urls))
    {
      clip_fetcher_fetch_async (p->fetcher, g_queue_peek_head (&p->sitemap_urls), NULL, NULL,
                                g_task_get_cancellable (task), sitemap_cb, task);
      return;
    }
  if ((second = second_page_url (p)) == NULL)
    {
      finish (task);
      return;
    }
  clip_fetcher_fetch_async (p->fetcher, second, NULL, NULL, g_task_get_cancellable (task),
                            second_cb, task);
}

static void
robots_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GTask *task = data;
  Probe *p = g_task_get_task_data (task);
  g_autoptr(ClipFetchResponse) r = clip_fetcher_fetch_finish (CLIP_FETCHER (source), result);
  g_autofree char *origin = origin_of (p->page->url);
  g_autoptr(ClipRobots) robots = NULL;

  if (r->error == NULL && r->body)
    {
      gsize len;
      const char *bytes = g_bytes_get_data (r->body, &len);
      const char * const *maps;

      robots = clip_robots_parse (bytes, len, NULL);
      maps = clip_robots_sitemaps (robots);
      for (guint i = 0; maps[i]; i++)
        queue_sitemap (p, maps[i]);
    }
  for (guint i = 0; origin && clip_probe_sitemap_paths[i]; i++)
    {
      g_autofree char *url = g_strconcat (origin, clip_probe_sitemap_paths[i], NULL);

      queue_sitemap (p, url);
    }
  next_sitemap (task);
}

static void
feeds_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GTask *task = data;
  Probe *p = g_task_get_task_data (task);
  g_autoptr(GPtrArray) feeds = clip_fetcher_discover_finish (CLIP_FETCHER (source), result, NULL);
  g_autofree char *origin = origin_of (p->page->url);
  g_autofree char *robots = origin ? g_strconcat (origin, "/robots.txt", NULL) : NULL;

  if (feeds)
    {
      g_ptr_array_unref (p->probe->feeds);
      p->probe->feeds = g_steal_pointer (&feeds);
    }
  if (robots == NULL || g_task_return_error_if_cancelled (task))
    {
      if (robots == NULL)
        finish (task);
      else
        g_object_unref (task);
      return;
    }
  clip_fetcher_fetch_async (p->fetcher, robots, NULL, NULL, g_task_get_cancellable (task),
                            robots_cb, task);
}

static void
page_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GTask *task = data;
  Probe *p = g_task_get_task_data (task);

  p->page = clip_fetcher_fetch_finish (CLIP_FETCHER (source), result);
  if (p->page->error)
    {
      g_task_return_error (task, g_steal_pointer (&p->page->error));
      g_object_unref (task);
      return;
    }
  g_free (p->probe->url);
  p->probe->url = g_strdup (p->page->url);
  clip_fetcher_discover_async (p->fetcher, p->page->url, g_task_get_cancellable (task), feeds_cb, task);
}

void
clip_fetcher_probe_async (ClipFetcher         *fetcher,
                          const char          *url,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (fetcher, cancellable, callback, user_data);
  Probe *p = g_new0 (Probe, 1);

  g_task_set_source_tag (task, clip_fetcher_probe_async);
  p->fetcher = g_object_ref (fetcher);
  p->url = g_strdup (url);
  p->queued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->probe = g_new0 (ClipProbe, 1);
  p->probe->url = g_strdup (url);
  p->probe->feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_feed_candidate_free);
  p->probe->sitemaps = g_ptr_array_new_with_free_func ((GDestroyNotify) probe_sitemap_free);
  p->probe->listings = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_listing_proposal_free);
  g_task_set_task_data (task, p, (GDestroyNotify) probe_free);
  clip_fetcher_fetch_async (fetcher, url, NULL, NULL, cancellable, page_cb, task);
}

ClipProbe *
clip_fetcher_probe_finish (ClipFetcher *fetcher, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, fetcher), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
