/* clip-store-sql.h — the store at the SQL level: statements, transactions,
 * row readers, for the core modules that keep their own tables in the
 * archive (rules, alerts, exports, commands). Never for src/ui or src/cli,
 * which change the archive through commands (test-layering checks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "clip-store.h"

G_BEGIN_DECLS

sqlite3      *clip_store_get_db       (ClipStore   *store);
/* A cached prepared statement, reset and with bindings cleared; owned by
 * the store. */
sqlite3_stmt *clip_store_prepare      (ClipStore   *store,
                                       const char  *sql,
                                       GError     **error);
/* Transactions nest: only the outermost begin/commit touch SQLite, and
 * a rollback at any depth rolls back the whole. A commit ends its level
 * whether it succeeds or not (never roll back after one). Where SQLite
 * ends the transaction itself (a full disk or an I/O error rolls it back),
 * every level fails from then on: begin and commit return FALSE, and a
 * write that would commit alone is refused, so none of it is kept. */
gboolean      clip_store_begin        (ClipStore   *store,
                                       GError     **error);
gboolean      clip_store_commit       (ClipStore   *store,
                                       GError     **error);
void          clip_store_rollback     (ClipStore   *store);
/* How many outermost transactions were rolled back on this connection:
 * a module that keeps state in memory beside its rows knows to read them
 * again. */
guint         clip_store_get_rollbacks (ClipStore  *store);
gboolean      clip_store_exec         (ClipStore   *store,
                                       const char  *sql,
                                       GError     **error);
/* Sets error from SQLite's state (full disk, busy, corrupt...) with what
 * the store was doing; returns FALSE for use in return statements. */
gboolean      clip_store_set_error    (ClipStore   *store,
                                       int          rc,
                                       const char  *what,
                                       GError     **error);
/* Steps a statement that returns no row (stmt may be NULL: its prepare
 * failed and set error); FALSE with error set unless it is done. */
gboolean      clip_store_step_done    (ClipStore    *store,
                                       sqlite3_stmt *stmt,
                                       const char   *what,
                                       GError      **error);
/* While watched, a statement of the store stops with SQLITE_INTERRUPT
 * soon after cancellable (may be NULL: nothing watched) is cancelled. */
void          clip_store_watch_cancel   (ClipStore    *store,
                                         GCancellable *cancellable);
void          clip_store_unwatch_cancel (ClipStore    *store);
/* An outlet row: the columns, from outlets aliased "o", and their reader. */
#define CLIP_STORE_OUTLET_COLUMNS \
  "o.id, o.url, o.name, o.site_url, o.grp, o.interval, o.enabled, o.created, " \
  "o.etag, o.last_modified, o.last_success, o.last_attempt, o.last_error, " \
  "o.failures, o.next_attempt, o.full_text, o.robots, o.kind, o.selector, o.next_selector, " \
  "o.pages, o.preview, o.layout_changed, o.removed, " \
  "o.page_history, o.page_checked, o.page_error, o.page_next_attempt"
/* The columns' count: what a query reads after them starts here. */
#define CLIP_STORE_OUTLET_N_COLUMNS 28
ClipOutlet   *clip_store_read_outlet  (sqlite3_stmt *stmt);
char         *clip_store_dup_column   (sqlite3_stmt *stmt,
                                       int           col);
void          clip_store_bind_text    (sqlite3_stmt *stmt,
                                       int           idx,
                                       const char   *text);
ClipArticle  *clip_store_read_article (sqlite3_stmt *stmt);

typedef struct {
  ClipStoreIngestHook hook;
  gpointer            data;
  GDestroyNotify      destroy;
} ClipIngestHookEntry;

GArray       *clip_store_get_hooks    (ClipStore    *store);
/* While ingest hooks run, the batch: its outlet, and the articles that
 * were added, by id (gint64* → const ClipArticle*, as given to
 * clip_store_ingest(): no tags or matches yet), so that a hook need not
 * read them back. */
typedef struct {
  gint64      outlet_id;
  GHashTable *added;
} ClipIngestBatch;

/* Runs the ingest hooks over articles changed in place (no batch: the
 * hooks read them from the store), inside the caller's transaction. */
gboolean      clip_store_run_ingest_hooks (ClipStore    *store,
                                           const GArray *article_ids,
                                           GError      **error);
/* NULL when no ingest hook is running. */
const ClipIngestBatch *clip_store_get_ingest_batch (ClipStore *store);
/* Rules and term lists changed: matchers compile again when the version
 * clip_store_rules_version() gives grows. Inside the writer's transaction. */
gboolean      clip_store_bump_rules_version (ClipStore *store,
                                             GError   **error);

/* FROM … WHERE … for an article filter; parameters bound by
 * clip_store_bind_filter(), which returns the next free index. Tables
 * are joined only as needed: "a" (articles) when a condition reads its
 * columns or CLIP_FILTER_SQL_OUTLETS asks for "o" (outlets, by a's
 * outlet), "t" (article_times) for a time condition or when asked. The
 * article's id is in the column clip_store_filter_id_sql() names. */
typedef enum {
  CLIP_FILTER_SQL_OUTLETS = 1 << 0,  /* join "a" and "o" */
  CLIP_FILTER_SQL_TIME    = 1 << 1,  /* join "t" */
  CLIP_FILTER_SQL_BY_TIME = 1 << 2,  /* "t" first: SQLite walks its time index (not with a search) */
} ClipFilterSqlFlags;

void          clip_store_append_filter_sql (GString                 *sql,
                                            const ClipArticleFilter *filter,
                                            ClipFilterSqlFlags       flags);
const char   *clip_store_filter_id_sql (const ClipArticleFilter *filter,
                                        ClipFilterSqlFlags       flags);
int           clip_store_bind_filter  (sqlite3_stmt            *stmt,
                                       const ClipArticleFilter *filter);
/* The ids of a view in its order (see clip_store_list_article_ids()),
 * from offset, at most limit (0 = all). */
GArray       *clip_store_select_ids   (ClipStore               *store,
                                       const ClipArticleFilter *filter,
                                       ClipSort                 sort,
                                       gboolean                 ascending,
                                       guint                    offset,
                                       guint                    limit,
                                       GCancellable            *cancellable,
                                       GError                 **error);
/* An error for a failed article query: a search that FTS5 cannot read is
 * CLIP_STORE_ERROR_INVALID, the rest as clip_store_set_error(). */
gboolean      clip_store_set_query_error (ClipStore *store,
                                          int        rc,
                                          GError   **error);

/* The text rules and the index call "body", of an articles row aliased
 * A: the feed's text and, after a blank line, the page's when there is
 * one (schema step 7's triggers index exactly this). */
#define CLIP_STORE_FTS_BODY(A) \
  "(" A ".body || coalesce(char(10, 10) || nullif(" A ".page_text, ''), ''))"

/* The columns clip_store_read_article() expects, in order. */
#define CLIP_ARTICLE_COLUMNS \
  "a.id, a.outlet_id, a.guid, a.url, a.title, a.author, a.summary_html, " \
  "a.summary_text, a.content_html, a.content_text, a.lang, a.published, " \
  "a.updated, a.fetched, a.read, a.starred, a.flag, a.note, o.name, " \
  "a.page_text, a.page_html, a.page_url, a.page_state, a.date_source, a.date_uncertain"

/* Ends any read a statement of the connection is still in (every read of
 * the store finishes its statements: tests/store/test-snapshots.c), so a
 * writer starting a change never works from an old snapshot. */
void          clip_store_release_snapshot (ClipStore *store);

/* Which articles lack the page copy a flag or a match asks for, as the
 * trigger articles_flag_evidence says for a flag: pages never wanted,
 * read, or read without article text (a failed or refused page is not
 * asked again unasked), on the web, of outlets whose Full text is not
 * Never. Never is the analyst's word that the outlet's article pages are
 * not to be asked for at all, and reading one for its copy is asking:
 * evidence keeps to it, as the flag's trigger and the new articles'
 * hook do ("Get full text" still reads one page on request). */
#define CLIP_STORE_NEEDS_EVIDENCE \
  " page_state IN (0, 2, 5) AND (url LIKE 'http://%' OR url LIKE 'https://%')" \
  " AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.article_id = articles.id)" \
  " AND (SELECT full_text FROM outlets o WHERE o.id = articles.outlet_id) != 2"

G_END_DECLS
