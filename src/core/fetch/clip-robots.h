/* clip-robots.h — robots.txt: which paths of a site a crawler may fetch,
 * how often (Crawl-delay) and where its sitemaps are
 *
 * The rules of RFC 9309: the group of the longest user-agent token that
 * is a prefix of ours (case-insensitive), else the "*" group; within it
 * the longest matching Allow or Disallow wins, Allow on a tie; "*" in a
 * pattern matches any run of characters and a final "$" the end. Only
 * the first 500 KiB are read, as the RFC allows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CLIP_ROBOTS_MAX_BYTES (500 * 1024)
/* The product token Clippings' rules are looked up by. */
#define CLIP_ROBOTS_AGENT "Clippings"
/* A Crawl-delay is honoured up to this many seconds: a site asking for
 * more (an hour, "100000") is read a page a minute, not once a day. */
#define CLIP_ROBOTS_MAX_DELAY 60

typedef struct _ClipRobots ClipRobots;

/* Never NULL: text that says nothing allows everything. */
ClipRobots *clip_robots_parse       (const char       *text,
                                     gsize             len,
                                     const char       *agent);
/* Everything allowed (no robots.txt: a 4xx answer). */
ClipRobots *clip_robots_new_allow_all (void);
/* Nothing allowed (robots.txt unreachable: a 5xx answer). */
ClipRobots *clip_robots_new_deny_all (void);
void        clip_robots_free        (ClipRobots       *robots);
/* path: the URL's path and query ("/news/1?x=2"); "" is "/". */
gboolean    clip_robots_allowed     (const ClipRobots *robots,
                                     const char       *path);
/* Whether a URL (http or https) may be fetched. */
gboolean    clip_robots_allowed_url (const ClipRobots *robots,
                                     const char       *url);

/* The Crawl-delay of the group that applies, in milliseconds between
 * requests: fractions of a second count ("0.5" is 500; "0,5" too), a
 * positive value is at least 1 ms and at most CLIP_ROBOTS_MAX_DELAY
 * seconds; 0 when none, negative or not a number. */
guint       clip_robots_crawl_delay_ms (const ClipRobots *robots);
/* The Sitemap: lines' http(s) addresses, in order, NULL-terminated. */
const char * const *clip_robots_sitemaps (const ClipRobots *robots);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipRobots, clip_robots_free)

G_END_DECLS
