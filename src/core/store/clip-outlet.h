/* clip-outlet.h — an outlet the analyst watches, with its fetch state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CLIP_DEFAULT_INTERVAL (15 * 60)

/* What the outlet's address is: a feed, a listing page whose article
 * links a selector takes, or a (news) sitemap. */
typedef enum {
  CLIP_OUTLET_FEED,
  CLIP_OUTLET_LISTING,
  CLIP_OUTLET_SITEMAP,
} ClipOutletKind;

/* Pages of a listing's archive read at most on its first fetch. */
#define CLIP_OUTLET_MAX_PAGES 50

/* When an outlet's articles are read from their own pages. */
typedef enum {
  CLIP_FULL_TEXT_AUTO,     /* when the feed's text is short or cut */
  CLIP_FULL_TEXT_ALWAYS,
  CLIP_FULL_TEXT_NEVER,
} ClipFullText;

/* "auto", "always", "never" */
const char *clip_full_text_to_string   (ClipFullText  mode);
/* FALSE for anything else. */
gboolean    clip_full_text_from_string (const char   *text,
                                        ClipFullText *mode);

typedef struct {
  gint64   id;
  char    *url;            /* feed (or page) address */
  char    *name;
  char    *site_url;       /* the outlet's web site, when known */
  char    *group;          /* "" when in no group */
  gint     interval;       /* seconds between fetches */
  gboolean enabled;
  gint64   created;
  ClipFullText full_text;
  gboolean ignore_robots;  /* the analyst's own site: robots.txt not read */
  /* Fetch state, kept by the service. */
  char    *etag;
  char    *last_modified;
  gint64   last_success;   /* 0 = never */
  gint64   last_attempt;   /* 0 = never */
  char    *last_error;     /* NULL after a success */
  gint     failures;       /* consecutive */
  gint64   next_attempt;   /* 0 = as soon as possible */
  /* Listings and sitemaps (issue 16). */
  ClipOutletKind kind;
  char    *selector;       /* a listing's article links (CSS or XPath) */
  char    *next_selector;  /* its "next page" link, or NULL */
  gint     pages;          /* pages read on the first fetch (1 + backfill) */
  char    *preview;        /* JSON [{"url","title"}]: the last good links */
  gboolean layout_changed; /* the selector stopped taking articles */
  /* Removed with annotated articles kept (schema step 9): listed nowhere,
   * never fetched, still the name of its kept articles' outlet. */
  gboolean removed;
  /* Its articles' pages (schema step 10), kept by the service: the last
   * CLIP_OUTLET_PAGE_WINDOW fetches as bits (the newest lowest, 1 =
   * failed), how many of them there are, the last failure (NULL once a
   * page is read again), and when its pages may be asked again after the
   * site failed (0: whenever). */
  guint32  page_history;
  gint     page_checked;
  char    *page_error;
  gint64   page_next_attempt;
  /* Filled by clip_store_list_outlets(). */
  gint64   article_count;
  gint64   unread_count;
} ClipOutlet;

/* The page fetches an outlet's health counts, and the failures among
 * them that make its pages "failing" while the last one failed. */
#define CLIP_OUTLET_PAGE_WINDOW   20
#define CLIP_OUTLET_PAGES_FAILING 3

ClipOutlet *clip_outlet_new  (void);
ClipOutlet *clip_outlet_copy (const ClipOutlet *outlet);
void        clip_outlet_free (ClipOutlet       *outlet);

char       *clip_outlet_dup_display_name (const ClipOutlet *outlet);

/* Failed page fetches among the last page_checked. */
gint        clip_outlet_page_failures    (const ClipOutlet *outlet);
/* Whether its pages are failing: the last fetch failed, and at least
 * CLIP_OUTLET_PAGES_FAILING of the last ones did. A page read well
 * clears it. */
gboolean    clip_outlet_pages_failing    (const ClipOutlet *outlet);
/* For a person, while its pages are failing ("Article pages failing:
 * HTTP 403 (Forbidden) (12 of the last 20)"), else NULL. */
char       *clip_outlet_dup_page_health  (const ClipOutlet *outlet);

/* "feed", "listing", "sitemap"; and back (FALSE for another word). */
const char *clip_outlet_kind_name        (ClipOutletKind    kind);
gboolean    clip_outlet_kind_from_name   (const char       *name,
                                          ClipOutletKind   *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipOutlet, clip_outlet_free)

G_END_DECLS
