/* clip-article-page.h — an article's own page: whether to fetch it, and
 * what the archive keeps of it once fetched
 *
 * The one step "fetch and extract an article page, store it" is split so
 * that any producer of article addresses (feeds here; listing pages and
 * sitemaps too) can use it: clip_service_fetch_page() (clip-service.h)
 * queues an article's page on the service, which fetches it politely and
 * calls clip_article_page_store() with what it got.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-article.h"
#include "clip-fetch.h"
#include "clip-outlet.h"
#include "clip-page.h"
#include "clip-store-pages.h"

G_BEGIN_DECLS

/* Automatic mode's threshold: a feed text of fewer words is a teaser. */
#define CLIP_FULL_TEXT_MIN_WORDS 80
/* Dates that differ by more than this make an article "date uncertain". */
#define CLIP_DATE_UNCERTAIN_SPAN (24 * 3600)

/* Whether the feed's text is short or looks cut: fewer than ~80 words,
 * ending in "…" (or "..."), "Read more" and the like, or the title again. */
gboolean        clip_feed_text_looks_cut (const ClipArticle *article);
/* Whether mode says to fetch the article's page. */
gboolean        clip_full_text_wanted    (ClipFullText       mode,
                                          const ClipArticle *article);

/* The test suite's guard: with CLIPPINGS_FETCH_LOOPBACK_ONLY set (as
 * tests/meson.build does: its feeds link to example.org and the like), a
 * page anywhere but on a loopback address is never asked for. */
gboolean        clip_article_page_host_refused (const char *host);

/* What the archive keeps of an extracted page: its text and HTML, the
 * page's publication date (used where the feed gave none), every date
 * with its source (the feed's, the page's non-clock dates, first seen)
 * and whether they disagree: the feed's and the page's by more than a
 * day, or either more than a day after the article was first seen (it
 * cannot have been published after we saw it). article: as stored. */
ClipStoredPage *clip_article_page_build  (const ClipArticle *article,
                                          const ClipPage    *page,
                                          const char        *final_url,
                                          gint64             fetch_time);

/* The page's evidence row (sha256, size and file are set on saving). */
ClipEvidence   *clip_article_evidence_new (gint64                   article_id,
                                           const char              *url,
                                           const ClipFetchResponse *response,
                                           gint64                   captured);

/* The whole step after the fetch, on the writer: extracts the page with
 * the outlet's boilerplate model (learning from it after), stores the
 * text and dates, matches the article again (a newly matching rule
 * raises its alert once), and keeps the page as evidence when the
 * article is flagged or matched. response->error set: records the
 * failure. Returns the page's new state. */
ClipPageState   clip_article_page_store  (ClipStore               *writer,
                                          gint64                   article_id,
                                          const ClipFetchResponse *response,
                                          GError                 **error);

/* Registers the ingest hook that marks new articles' pages as waiting,
 * as their outlets' Full text settings say (and, for evidence, those a
 * rule matched, unless the outlet says Never). */
void            clip_article_pages_watch_ingest (ClipStore *writer);

G_END_DECLS
