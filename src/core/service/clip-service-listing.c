/* clip-service-listing.c — the article addresses a listing page or a
 * sitemap gives an outlet
 *
 * What comes out are articles with an address, a title (the link's text,
 * or the sitemap's news:title) and, from a news sitemap, a date: the
 * ingest hook of the article pages (clip-article-page.h) then has their
 * pages fetched and extracted as for a feed whose text is short. Only
 * addresses the outlet has not seen are ingested, so a refresh costs the
 * new articles' pages and nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-service-listing.h"
#include "clip-listing.h"
#include "clip-sitemap.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

/* Links shown as a listing's last good preview. */
#define PREVIEW_LINKS 10
/* A selector taking this share of navigation has stopped taking news. */
#define NAVIGATION_SHARE 0.5
/* Child sitemaps of an index read at each fetch: the newest. */
#define INDEX_CHILDREN 3

void
clip_listing_read_clear (ClipListingRead *read)
{
  g_clear_pointer (&read->articles, g_ptr_array_unref);
  g_clear_pointer (&read->error, g_free);
  g_clear_pointer (&read->preview, g_free);
  g_clear_pointer (&read->follow, g_ptr_array_unref);
  g_clear_pointer (&read->follow_url, g_free);
}

static ClipArticle *
article_new (gint64 outlet_id, const char *url, const char *title)
{
  ClipArticle *a = clip_article_new ();

  a->outlet_id = outlet_id;
  a->url = g_strdup (url);
  /* the address is the article's identity: one article per address */
  a->guid = g_strdup (url);
  a->title = g_strdup (title ? title : "");
  return a;
}

static char *
preview_json (GPtrArray *links)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < MIN (links->len, PREVIEW_LINKS); i++)
    {
      const ClipListingLink *l = g_ptr_array_index (links, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "url");
      json_builder_add_string_value (b, l->url);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, l->title);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static void
read_listing (const ClipOutlet *o, const ClipFetchResponse *r, gboolean first_page,
              ClipListingRead *out)
{
  ClipListingPage page = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;

  page.data = g_bytes_get_data (r->body, &page.len);
  page.url = r->url;
  page.content_type = r->content_type;
  if ((links = clip_listing_select (&page, o->selector, &error)) == NULL)
    {
      out->error = g_strdup_printf (_("the selector cannot be used (%s)"), error->message);
      return;
    }
  /* Only the page itself says whether the template changed; pages of
   * the archive read after it are taken as they come. */
  if (first_page && links->len == 0)
    {
      out->layout_changed = TRUE;
      out->error = g_strdup (_("layout changed: the selector takes no links from the page"));
      return;
    }
  if (first_page && clip_listing_navigation_share (&page, links) >= NAVIGATION_SHARE)
    {
      out->layout_changed = TRUE;
      out->error = g_strdup (_("layout changed: the selector takes the page's navigation, not its articles"));
      return;
    }
  if (first_page)
    out->preview = preview_json (links);
  for (guint i = 0; i < links->len; i++)
    {
      const ClipListingLink *l = g_ptr_array_index (links, i);

      g_ptr_array_add (out->articles, article_new (o->id, l->url, l->title));
    }
  if (o->next_selector && *o->next_selector && out->follow)
    {
      g_autoptr(GPtrArray) next = clip_listing_select (&page, o->next_selector, NULL);

      if (next && next->len > 0)
        g_ptr_array_add (out->follow, g_strdup (((ClipListingLink *) g_ptr_array_index (next, 0))->url));
    }
}

static gint
by_lastmod (gconstpointer a, gconstpointer b)
{
  gint64 da = clip_sitemap_entry_date (*(ClipSitemapEntry **) a);
  gint64 db = clip_sitemap_entry_date (*(ClipSitemapEntry **) b);

  return da < db ? 1 : da > db ? -1 : 0;
}

static void
read_sitemap (const ClipOutlet *o, const ClipFetchResponse *r, ClipListingRead *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipSitemap) map = NULL;
  gsize len;
  const char *data = g_bytes_get_data (r->body, &len);

  if ((map = clip_sitemap_parse (data ? data : "", len, &error)) == NULL)
    {
      out->error = g_strdup_printf (_("not a sitemap (%s)"), error->message);
      return;
    }
  if (map->kind == CLIP_SITEMAP_INDEX)
    {
      g_ptr_array_sort (map->entries, by_lastmod);
      for (guint i = 0; out->follow && i < MIN (map->entries->len, INDEX_CHILDREN); i++)
        g_ptr_array_add (out->follow, g_strdup (((ClipSitemapEntry *) g_ptr_array_index (map->entries, i))->url));
      return;
    }
  for (guint i = 0; i < map->entries->len; i++)
    {
      const ClipSitemapEntry *e = g_ptr_array_index (map->entries, i);
      ClipArticle *a = article_new (o->id, e->url, e->title);

      a->published = e->published;
      a->updated = e->lastmod;
      a->lang = e->language ? g_ascii_strdown (e->language, -1) : NULL;
      g_ptr_array_add (out->articles, a);
    }
}

void
clip_listing_read (const ClipOutlet        *outlet,
                   const ClipFetchResponse *response,
                   gboolean                 first_page,
                   ClipListingRead         *out)
{
  if (out->articles == NULL)
    out->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  if (outlet->kind == CLIP_OUTLET_SITEMAP)
    read_sitemap (outlet, response, out);
  else
    read_listing (outlet, response, first_page, out);
}

gboolean
clip_listing_drop_known (ClipStore *store, gint64 outlet_id, GPtrArray *articles, GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT 1 FROM articles WHERE outlet_id = ? AND guid = ?", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = articles->len; i > 0; i--)
    {
      const ClipArticle *a = g_ptr_array_index (articles, i - 1);
      int rc;

      sqlite3_bind_int64 (stmt, 1, outlet_id);
      clip_store_bind_text (stmt, 2, a->guid);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return clip_store_set_error (store, rc, "Could not read the outlet's articles", error);
      /* known, or twice in this batch (two pages of an archive) */
      if (rc == SQLITE_ROW || !g_hash_table_add (seen, a->guid))
        g_ptr_array_remove_index (articles, i - 1);
    }
  return TRUE;
}
