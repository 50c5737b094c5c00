/* clip-sitemap.h — sitemaps, sitemap indexes and Google News sitemaps
 *
 * A sitemap (https://www.sitemaps.org/protocol.html) lists a site's pages
 * with their <lastmod>; an index lists sitemaps; a Google News sitemap
 * adds each article's news:title, news:publication_date and
 * news:publication/news:language. Gzip-compressed sitemaps are read too.
 * Only http(s) addresses are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CLIP_SITEMAP_ERROR (clip_sitemap_error_quark ())

typedef enum {
  CLIP_SITEMAP_ERROR_INVALID,   /* not a sitemap */
  CLIP_SITEMAP_ERROR_TOO_LARGE,
} ClipSitemapError;

/* The protocol's limits: 50,000 entries, 50 MiB uncompressed. */
#define CLIP_SITEMAP_MAX_ENTRIES 50000
#define CLIP_SITEMAP_MAX_BYTES   (50 * 1024 * 1024)

typedef enum {
  CLIP_SITEMAP_URLSET,   /* pages */
  CLIP_SITEMAP_INDEX,    /* sitemaps */
  CLIP_SITEMAP_NEWS,     /* pages with Google News titles and dates */
} ClipSitemapKind;

typedef struct {
  char   *url;
  char   *title;         /* news:title, or NULL */
  char   *language;      /* news:language, or NULL */
  gint64  published;     /* news:publication_date, or CLIP_NO_DATE */
  gint64  lastmod;       /* or CLIP_NO_DATE */
} ClipSitemapEntry;

typedef struct {
  ClipSitemapKind  kind;
  GPtrArray       *entries;   /* ClipSitemapEntry*, in the document's order */
} ClipSitemap;

GQuark       clip_sitemap_error_quark (void);
ClipSitemap *clip_sitemap_parse       (const char     *data,
                                       gsize           len,
                                       GError        **error);
void         clip_sitemap_free        (ClipSitemap    *sitemap);
/* "sitemap", "index", "news" */
const char  *clip_sitemap_kind_name   (ClipSitemapKind kind);
/* The newest date of the entry (published, else lastmod), or CLIP_NO_DATE. */
gint64       clip_sitemap_entry_date  (const ClipSitemapEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipSitemap, clip_sitemap_free)

G_END_DECLS
