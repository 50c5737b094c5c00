/* clip-robots.h — a site's robots.txt (RFC 9309), and its Crawl-delay and
 * Sitemap lines
 *
 * The rules of the group naming our product token (case-insensitive), or
 * else of the "*" group, decide: the longest matching pattern wins, Allow
 * over Disallow on a tie; "*" and a closing "$" are understood. A missing
 * or unreadable robots.txt allows everything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The product token Clippings' requests carry. */
#define CLIP_ROBOTS_AGENT "Clippings"
/* robots.txt is read up to here (the RFC asks for at least 500 KiB). */
#define CLIP_ROBOTS_MAX_BYTES (512 * 1024)
/* A Crawl-delay is honoured up to this many seconds. */
#define CLIP_ROBOTS_MAX_DELAY 60

typedef struct _ClipRobots ClipRobots;

/* data NULL: allows everything. agent NULL: CLIP_ROBOTS_AGENT. */
ClipRobots  *clip_robots_parse         (const char       *data,
                                        gsize             len,
                                        const char       *agent);
void         clip_robots_free          (ClipRobots       *robots);
/* url: an absolute address or a path ("/news/1?x"). */
gboolean     clip_robots_allowed       (const ClipRobots *robots,
                                        const char       *url);
/* Seconds between requests the site asks for (0 when none), at most
 * CLIP_ROBOTS_MAX_DELAY. */
guint        clip_robots_crawl_delay   (const ClipRobots *robots);
/* The Sitemap: lines' addresses, in order (NULL-terminated). */
const char * const *clip_robots_sitemaps (const ClipRobots *robots);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipRobots, clip_robots_free)

G_END_DECLS
