/* clip-store.h — the SQLite archive
 *
 * One ClipStore is one connection, used from one thread. The service owns
 * the writer; readers (the UI, the CLI) open their own, and see committed
 * data only (WAL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "clip-article.h"
#include "clip-outlet.h"

G_BEGIN_DECLS

#define CLIP_STORE_ERROR (clip_store_error_quark ())

typedef enum {
  CLIP_STORE_ERROR_FAILED,
  CLIP_STORE_ERROR_INVALID,    /* the caller's input is wrong */
  CLIP_STORE_ERROR_NOT_FOUND,
  CLIP_STORE_ERROR_EXISTS,
  CLIP_STORE_ERROR_FULL,       /* disk or quota full */
  CLIP_STORE_ERROR_BUSY,       /* locked by another writer past the timeout */
  CLIP_STORE_ERROR_CORRUPT,
  CLIP_STORE_ERROR_READ_ONLY,
  CLIP_STORE_ERROR_TOO_NEW,    /* written by a newer Clippings */
} ClipStoreError;

typedef enum {
  CLIP_STORE_OPEN_DEFAULT   = 0,
  CLIP_STORE_OPEN_READ_ONLY = 1 << 0,
} ClipStoreOpenFlags;

#define CLIP_TYPE_STORE (clip_store_get_type ())
G_DECLARE_FINAL_TYPE (ClipStore, clip_store, CLIP, STORE, GObject)

GQuark      clip_store_error_quark       (void);
int         clip_store_schema_version    (void);

ClipStore  *clip_store_open              (const char          *path,
                                          ClipStoreOpenFlags   flags,
                                          GError             **error);
ClipStore  *clip_store_open_data_dir     (const char          *data_dir,
                                          ClipStoreOpenFlags   flags,
                                          GError             **error);
const char *clip_store_get_path          (ClipStore           *store);
/* Writer connections open in this process now, and (peak) the most that
 * were open at once since the start or the last reset. */
guint       clip_store_count_writers     (guint               *peak);
void        clip_store_reset_peak_writers (void);
gboolean    clip_store_is_new            (ClipStore           *store);

/* Outlets */
/* What adding or saving checks first: an http, https or file address,
 * an interval from a minute to a week (CLIP_STORE_ERROR_INVALID). */
gboolean    clip_store_validate_outlet   (const ClipOutlet    *outlet,
                                          GError             **error);
gint64      clip_store_add_outlet        (ClipStore           *store,
                                          const ClipOutlet    *outlet,
                                          GError             **error);
gboolean    clip_store_update_outlet     (ClipStore           *store,
                                          const ClipOutlet    *outlet,
                                          GError             **error);
gboolean    clip_store_save_fetch_state  (ClipStore           *store,
                                          const ClipOutlet    *outlet,
                                          GError             **error);
gboolean    clip_store_remove_outlet     (ClipStore           *store,
                                          gint64               id,
                                          GError             **error);
/* Removes the outlet's articles that carry none of the analyst's work
 * (no flag, tag or note) and, when keep_annotated, keeps the others with
 * the outlet's row marked removed (ClipOutlet.removed; when none are
 * kept the row goes too); without keep_annotated, as
 * clip_store_remove_outlet(). n_kept (may be NULL): the articles kept. */
gboolean    clip_store_remove_outlet_keeping (ClipStore       *store,
                                          gint64               id,
                                          gboolean             keep_annotated,
                                          guint               *n_kept,
                                          GError             **error);
/* Marks the outlet removed (hidden, not fetched; its articles untouched)
 * or back, with enabled as given (a removed outlet is never enabled). */
gboolean    clip_store_set_outlet_removed (ClipStore          *store,
                                          gint64               id,
                                          gboolean             removed,
                                          gboolean             enabled,
                                          GError             **error);
/* What removing an outlet would take away. */
typedef struct {
  gint64 total;
  gint64 flagged;
  gint64 with_notes;
  gint64 tagged;
  gint64 annotated;    /* flagged, tagged or with a note */
} ClipOutletArticles;

gboolean    clip_store_count_outlet_articles (ClipStore       *store,
                                          gint64               id,
                                          ClipOutletArticles  *counts,
                                          GError             **error);
/* Removed outlets too (ClipOutlet.removed). */
ClipOutlet *clip_store_get_outlet        (ClipStore           *store,
                                          gint64               id,
                                          GError             **error);
ClipOutlet *clip_store_find_outlet       (ClipStore           *store,
                                          const char          *url,
                                          GError             **error);
/* The outlets not removed. */
GPtrArray  *clip_store_list_outlets      (ClipStore           *store,
                                          GError             **error);

/* Ingest: one fetch's articles in one transaction. */
typedef struct {
  guint   added;
  guint   updated;
  guint   unchanged;
  GArray *added_ids;     /* gint64 */
  GArray *updated_ids;   /* gint64 */
} ClipIngestResult;

void        clip_ingest_result_init      (ClipIngestResult    *result);
void        clip_ingest_result_clear     (ClipIngestResult    *result);

/* Runs inside the ingest transaction, after the rows are written and before
 * the commit, with the ids of new and changed articles; returning FALSE
 * rolls the whole batch back. The rules engine matches here, so matches are
 * part of the same commit. */
typedef gboolean (*ClipStoreIngestHook) (ClipStore    *store,
                                         const GArray *article_ids,
                                         gpointer      user_data,
                                         GError      **error);

void        clip_store_add_ingest_hook   (ClipStore           *store,
                                          ClipStoreIngestHook  hook,
                                          gpointer             user_data,
                                          GDestroyNotify       destroy);
gboolean    clip_store_ingest            (ClipStore           *store,
                                          gint64               outlet_id,
                                          GPtrArray           *articles,
                                          ClipIngestResult    *result,
                                          GError             **error);

/* Articles */
/* Orders of a list. Time is an article's time (clip_article_time()),
 * never the order the archive received the articles in; ties go by id. */
typedef enum {
  CLIP_SORT_NEWEST,      /* by time, newest first: the default order */
  CLIP_SORT_TIME,        /* by time, as the Time column sorts: the same order */
  CLIP_SORT_OUTLET,      /* by outlet name, then newest first */
  CLIP_SORT_TITLE,       /* by title, then newest first */
} ClipSort;

typedef struct {
  gint64      outlet_id;    /* 0 = any */
  gint64      rule_id;      /* 0 = any; articles the rule matched */
  gboolean    unread_only;
  gboolean    flagged_only;
  const char *fts_query;    /* FTS5 MATCH expression, or NULL */
  const char *tag;          /* NULL = any */
  gint64      since;        /* article time >= since; 0 = no bound */
  gint64      until;        /* article time < until; 0 = no bound */
} ClipArticleFilter;

ClipArticle *clip_store_get_article      (ClipStore           *store,
                                          gint64               id,
                                          GError             **error);
GPtrArray   *clip_store_list_articles    (ClipStore           *store,
                                          const ClipArticleFilter *filter,
                                          ClipSort             sort,
                                          guint                offset,
                                          guint                limit,
                                          GError             **error);
gint64       clip_store_count_articles   (ClipStore           *store,
                                          const ClipArticleFilter *filter,
                                          GError             **error);
gboolean     clip_store_set_read         (ClipStore           *store,
                                          gint64               id,
                                          gboolean             read,
                                          GError             **error);
gboolean     clip_store_set_flag         (ClipStore           *store,
                                          gint64               id,
                                          gint                 flag,
                                          GError             **error);
gboolean     clip_store_set_note         (ClipStore           *store,
                                          gint64               id,
                                          const char          *note,
                                          GError             **error);
gboolean     clip_store_add_tag          (ClipStore           *store,
                                          gint64               id,
                                          const char          *tag,
                                          GError             **error);
gboolean     clip_store_remove_tag       (ClipStore           *store,
                                          gint64               id,
                                          const char          *tag,
                                          GError             **error);
GStrv        clip_store_get_tags         (ClipStore           *store,
                                          gint64               id,
                                          GError             **error);

/* Every tag in use, with how many articles carry it (ClipTagCount*), by
 * name. */
typedef struct {
  char   *tag;
  gint64  count;
} ClipTagCount;

void         clip_tag_count_free         (ClipTagCount        *tag);
GPtrArray   *clip_store_list_tags        (ClipStore           *store,
                                          GError             **error);
/* On every article; renaming onto a tag in use merges the two. */
gboolean     clip_store_rename_tag       (ClipStore           *store,
                                          const char          *old_tag,
                                          const char          *new_tag,
                                          GError             **error);
gboolean     clip_store_delete_tag       (ClipStore           *store,
                                          const char          *tag,
                                          GError             **error);

/* Full text: ids of articles matching an FTS5 expression, newest first
 * by time, those after article before_id in that order (0 or G_MAXINT64 =
 * from the newest; an article no longer stored is
 * CLIP_STORE_ERROR_NOT_FOUND). */
GArray      *clip_store_fts_search       (ClipStore           *store,
                                          const char          *fts_query,
                                          gint64               before_id,
                                          guint                limit,
                                          GError             **error);
char        *clip_store_words_to_fts     (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipTagCount, clip_tag_count_free)

G_END_DECLS
