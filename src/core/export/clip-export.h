/* clip-export.h — reports and data exports: CSV, JSON, HTML and PDF
 *
 * One scope chooses what goes out, the same way for every format and for
 * both front ends: a rule's matches, a search in the rule language, the
 * flagged articles, an outlet, or given article ids, within a period. The
 * parts given are combined with AND; none at all means every article in the
 * period. Articles come out sorted by time (published, or fetched when the
 * source gave no date), oldest first unless newest_first is set.
 *
 * The formats and their columns and schema are documented in
 * docs/export.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-progress.h"
#include "clip-store.h"

G_BEGIN_DECLS

#define CLIP_EXPORT_ERROR (clip_export_error_quark ())

typedef enum {
  CLIP_EXPORT_ERROR_INVALID,    /* a scope, date or format the caller gave is wrong */
  CLIP_EXPORT_ERROR_NOT_FOUND,  /* the named rule or the outlet does not exist */
  CLIP_EXPORT_ERROR_WRITE,      /* the file could not be written */
  CLIP_EXPORT_ERROR_EMPTY,      /* no article is in the scope: nothing was written */
} ClipExportError;

typedef enum {
  CLIP_EXPORT_CSV,
  CLIP_EXPORT_JSON,
  CLIP_EXPORT_HTML,
  CLIP_EXPORT_PDF,
} ClipExportFormat;

typedef struct {
  char     *rule;         /* a rule's name: the articles it matched; NULL: any */
  char     *query;        /* a search in the rule language (RULES.md); NULL: none */
  gboolean  flagged;      /* only articles the analyst flagged */
  gboolean  unread;       /* only articles not read yet */
  gint64    outlet_id;    /* 0: any outlet */
  GArray   *article_ids;  /* gint64: only these (rows selected in a list); NULL: any */
  gint64    since;        /* article time >= since, Unix seconds; 0: no bound */
  gint64    until;        /* article time < until; 0: no bound */
} ClipExportScope;

typedef struct {
  ClipExportFormat  format;
  gboolean          bom;           /* CSV: begin with a UTF-8 byte order mark */
  gboolean          newest_first;  /* default: oldest first */
  gboolean          highlight_all; /* mark every rule's words, not only those
                                    * of the scope's rule (when it has one) */
  const char       *title;         /* report title; NULL: made from the scope */
} ClipExportOptions;

typedef struct {
  guint articles;   /* articles written */
  guint pages;      /* PDF: pages written; 0 for the other formats */
} ClipExportResult;


GQuark       clip_export_error_quark        (void);

gboolean     clip_export_format_from_string (const char        *name,
                                             ClipExportFormat  *format);
const char  *clip_export_format_to_string   (ClipExportFormat   format);

void         clip_export_scope_clear        (ClipExportScope   *scope);
/* A deep copy into dst (which is overwritten, not cleared). */
void         clip_export_scope_copy         (ClipExportScope       *dst,
                                             const ClipExportScope *src);

/* How many articles the scope holds, without writing anything: what the
 * Export dialog says as the scope changes. Errors as clip_export_write's. */
gboolean     clip_export_count              (ClipStore             *store,
                                             const ClipExportScope *scope,
                                             guint                 *count,
                                             GCancellable          *cancellable,
                                             GError               **error);

/* The same in a worker thread with its own read-only connection. */
void         clip_export_count_async        (const char            *archive_path,
                                             const ClipExportScope *scope,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
gboolean     clip_export_count_finish       (GAsyncResult          *result,
                                             guint                 *count,
                                             GError               **error);

/* A file name for an export about subject (a rule's name, a search, an
 * outlet…; NULL: "clippings") made on day: lower case, words joined by
 * hyphens, nothing a file system or a shell minds, the date and the
 * format's extension: "russian-interference-2026-12-07.pdf". */
char        *clip_export_file_name          (const char        *subject,
                                             ClipExportFormat   format,
                                             GDateTime         *day);

/* A date as a person types it: YYYY-MM-DD (local time; the start of that
 * day, or with end_of_day the start of the next one, so that an "until"
 * date includes its whole day) or ISO 8601 with a time (a time without a
 * zone is local). */
gboolean     clip_export_parse_date         (const char        *text,
                                             gboolean           end_of_day,
                                             gint64            *unix_seconds,
                                             GError           **error);

/* Writes the report to out (not closed); progress is called after each
 * article with how many are done out of total. A scope that holds no
 * article is CLIP_EXPORT_ERROR_EMPTY, and nothing is written: an empty
 * report is never what was wanted. */
gboolean     clip_export_write              (ClipStore               *store,
                                             const ClipExportScope   *scope,
                                             const ClipExportOptions *options,
                                             GOutputStream           *out,
                                             ClipExportResult        *result,
                                             ClipProgressFunc         progress,
                                             gpointer                 progress_data,
                                             GCancellable            *cancellable,
                                             GError                 **error);

/* Writes the report to path: to a temporary file beside it, renamed over
 * path only when complete, so a failed or cancelled export leaves no
 * half-written file and never damages an earlier one. */
gboolean     clip_export_to_file            (ClipStore               *store,
                                             const ClipExportScope   *scope,
                                             const ClipExportOptions *options,
                                             const char              *path,
                                             ClipExportResult        *result,
                                             ClipProgressFunc         progress,
                                             gpointer                 progress_data,
                                             GCancellable            *cancellable,
                                             GError                 **error);

/* The same in a worker thread with its own read-only connection to the
 * archive at archive_path (clip_store_get_path() of the caller's store),
 * so the caller's thread never waits. scope and options are copied.
 * progress (may be NULL) hears at most every 1% of the way. */
void         clip_export_to_file_async      (const char              *archive_path,
                                             const ClipExportScope   *scope,
                                             const ClipExportOptions *options,
                                             const char              *path,
                                             ClipProgress            *progress,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data);
gboolean     clip_export_to_file_finish     (GAsyncResult            *result,
                                             ClipExportResult        *export_result,
                                             GError                 **error);

G_END_DECLS
