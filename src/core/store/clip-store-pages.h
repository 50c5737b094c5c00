/* clip-store-pages.h — articles' own pages in the archive: their text
 * beside the feed's, the dates seen with their sources, the pages waiting
 * to be fetched, and the evidence kept of a fetched page
 *
 * The store knows nothing of HTML or HTTP: the service (or any caller
 * that fetched and extracted a page) hands it plain values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"

G_BEGIN_DECLS

typedef enum {
  CLIP_PAGE_STATE_NONE,      /* not wanted (yet) */
  CLIP_PAGE_STATE_WAITING,   /* to be fetched */
  CLIP_PAGE_STATE_FETCHED,   /* its text is stored */
  CLIP_PAGE_STATE_FAILED,    /* the fetch failed (page_error says why) */
  CLIP_PAGE_STATE_ROBOTS,    /* the site's robots.txt forbids it */
  CLIP_PAGE_STATE_NO_TEXT,   /* fetched, but no article text on it */
} ClipPageState;

/* "none", "waiting", "fetched", "failed", "robots", "no-text" */
const char *clip_page_state_to_string (ClipPageState state);

/* What a page gave an article. */
typedef struct {
  ClipPageState state;       /* FETCHED, FAILED, ROBOTS or NO_TEXT */
  char   *text;              /* plain text, paragraphs by blank lines */
  char   *html;              /* sanitised */
  char   *url;               /* the address the page came from */
  char   *error;             /* for a person, when FAILED or ROBOTS */
  gint64  fetched;           /* Unix seconds */
  /* The article's publication time from the page, where the feed gave
   * none (CLIP_NO_DATE: keep the stored one), and its source. */
  gint64  published;
  char   *published_source;  /* "json-ld", "meta", … */
  char   *author;            /* the page's authors, used when the feed had none */
  char   *title;             /* the page's title, used when the article has none
                                (a sitemap's address without news:title) */
  char   *date_candidates;   /* JSON: [{"date","source"}] with the feed's and first seen */
  gboolean date_uncertain;
} ClipStoredPage;

void clip_stored_page_free (ClipStoredPage *page);

/* Stores what the page gave (only the state, error and time when it
 * gave no text) and matches the article again with the ingest hooks, in
 * one transaction: a rule that matches now and did not before raises its
 * alert then, and never twice (alerts are one per article and rule). */
gboolean    clip_store_save_page        (ClipStore            *store,
                                         gint64                article_id,
                                         const ClipStoredPage *page,
                                         GError              **error);
/* Marks articles' pages as waiting. Without force only those never
 * wanted before (state NONE): a page is not fetched twice unless asked. */
gboolean    clip_store_want_pages       (ClipStore            *store,
                                         const GArray         *article_ids,
                                         gboolean              force,
                                         GError              **error);
/* A batch of waiting pages' ids, at most limit, shared among the
 * outlets whose pages wait (each outlet's newest first, taken in turn):
 * a large backlog of one outlet (a rule's matches over the archive, whose
 * copies are wanted) holds up no other's new pages. *more: pages wait
 * beyond the batch. */
GArray     *clip_store_waiting_pages    (ClipStore            *store,
                                         guint                 limit,
                                         gboolean             *more,
                                         GError              **error);
/* Marks waiting the pages of the articles rule_id matches whose copy is
 * not kept yet, as flagging them would (see CLIP_STORE_NEEDS_EVIDENCE in clip-store-sql.h;
 * clip-store-pages.c: not where the outlet says Full text: Never), in
 * transactions of a few thousand; *n_wanted (may be NULL): how many. For
 * a rule matched again over the archive: its new matches' pages are
 * fetched for evidence, politely, through the page queue. */
gboolean    clip_store_want_evidence    (ClipStore            *store,
                                         gint64                rule_id,
                                         guint64              *n_wanted,
                                         GError              **error);
/* The same for these articles, where flagged or matched; inside the
 * caller's transaction (an ingest hook's). */
gboolean    clip_store_want_evidence_of (ClipStore            *store,
                                         const GArray         *article_ids,
                                         GError              **error);
/* The stored JSON of an article's date candidates, or NULL. */
char       *clip_store_get_date_candidates (ClipStore         *store,
                                            gint64             article_id,
                                            GError           **error);
/* Whether a rule matched the article or the analyst flagged it: what
 * makes its page worth keeping as evidence. */
gboolean    clip_store_article_is_marked (ClipStore           *store,
                                          gint64               article_id,
                                          gboolean            *marked,
                                          GError             **error);

/* The outlet's learned page boilerplate (the page module's JSON), or
 * NULL with no error when none was learned yet. */
GBytes     *clip_store_get_page_model   (ClipStore            *store,
                                         gint64                outlet_id,
                                         GError              **error);
gboolean    clip_store_set_page_model   (ClipStore            *store,
                                         gint64                outlet_id,
                                         GBytes               *model,
                                         GError              **error);

/* Evidence: the page as it was fetched, kept for an article. */
typedef struct {
  gint64  article_id;
  char   *sha256;            /* of the bytes as served (after transfer decoding) */
  char   *url;               /* asked */
  char   *final_url;         /* after redirects */
  guint   status;            /* HTTP status */
  gint64  captured;          /* Unix seconds */
  char   *content_type;
  char   *headers;           /* JSON object of the main response headers */
  gint64  size;              /* bytes as served */
  char   *file;              /* gzip copy, relative to the archive's folder */
} ClipEvidence;

void          clip_evidence_free        (ClipEvidence *evidence);
/* Writes the gzip copy of body into evidence/ beside the archive (its
 * name from the hash) and the row, replacing an older capture. The
 * evidence's sha256, size and file are set from body. */
gboolean      clip_store_save_evidence  (ClipStore            *store,
                                         ClipEvidence         *evidence,
                                         GBytes               *body,
                                         GError              **error);
/* NULL with no error when the article has none. */
ClipEvidence *clip_store_get_evidence   (ClipStore            *store,
                                         gint64                article_id,
                                         GError              **error);
/* The captured bytes, uncompressed, checked against the hash. */
GBytes       *clip_store_load_evidence  (ClipStore            *store,
                                         const ClipEvidence   *evidence,
                                         GError              **error);

/* How the outlet's article pages fare (clip-outlet.h: page_history …):
 * the article's page was fetched; failure: why it failed, NULL when it
 * was read (a page without article text was read too); next_attempt:
 * when the site may be asked again after it failed (0: whenever). */
gboolean      clip_store_note_page_fetch (ClipStore           *store,
                                          gint64               article_id,
                                          const char          *failure,
                                          gint64               next_attempt,
                                          GError             **error);

/* A site whose pages wait after failures: kept so that a restarted
 * service waits too. */
typedef struct {
  char   *host;
  gint    failures;          /* in a row */
  gint64  next_allowed;      /* Unix seconds */
} ClipPageHost;

void          clip_page_host_free        (ClipPageHost        *host);
/* failures 0: the site is well again, its row goes. */
gboolean      clip_store_set_page_host   (ClipStore           *store,
                                          const char          *host,
                                          gint                 failures,
                                          gint64               next_allowed,
                                          GError             **error);
/* Of ClipPageHost. */
GPtrArray    *clip_store_list_page_hosts (ClipStore           *store,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipStoredPage, clip_stored_page_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipPageHost, clip_page_host_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipEvidence, clip_evidence_free)

G_END_DECLS
