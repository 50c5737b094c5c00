/* clip-export-private.h — what the export writers share: the selection,
 * its summary, and the articles read one at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "clip-export.h"
#include "clip-store-pages.h"

G_BEGIN_DECLS

/* Characters of body text an excerpt keeps, around the first match. */
#define CLIP_EXPORT_EXCERPT_CHARS 320
/* Longest period the coverage chart draws day by day. */
#define CLIP_EXPORT_MAX_DAYS 3660

typedef struct {
  gint64  id;
  char   *name;
  char   *query;
  char   *severity;
  char   *color;      /* validated "#rrggbb": safe in CSS, SVG and Pango */
  guint   index;      /* position in ClipExportSelection.rules */
  guint   count;      /* exported articles it matched */
  GPtrArray *lists;   /* ClipExportTermList: the term lists its query names */
  gboolean about;     /* the report is about it: its words are marked */
} ClipExportRule;

typedef struct {
  char  *name;        /* without the @ */
  GStrv  entries;     /* NULL: there is no such list */
} ClipExportTermList;

typedef struct {
  gint64  id;
  char   *name;
  guint   count;
} ClipExportOutlet;

typedef struct {
  const char *field;  /* interned: "title", "body", "author" or "url" */
  gsize       start;  /* bytes into the field */
  gsize       end;
  char       *text;   /* the matched text */
} ClipExportSpan;

typedef struct {
  ClipExportRule *rule;      /* owned by the selection */
  gint64          matched;   /* Unix seconds */
  GArray         *spans;     /* ClipExportSpan */
  GPtrArray      *words;     /* distinct matched words as written, in order */
} ClipExportMatch;

/* A highlighted stretch of the title or the excerpt. */
typedef struct {
  gsize start;
  gsize end;
  guint rule_index;
} ClipExportMark;

typedef struct {
  ClipArticle *article;
  GPtrArray   *matches;        /* ClipExportMatch, by rule id */
  GStrv        tags;
  char        *excerpt;        /* plain text, whitespace collapsed */
  GArray      *excerpt_marks;  /* ClipExportMark, sorted, not overlapping */
  GArray      *title_marks;    /* ClipExportMark into article->title */
  char        *body;           /* what rules matched as "body": the feed's
                                  text, then the page's (clip_article_dup_match_body()) */
  ClipEvidence *evidence;      /* the kept page copy, or NULL */
} ClipExportItem;

/* "Page copy SHA-256 … captured …" and "Date uncertain", for a person;
 * NULL when the article has neither. */
char                *clip_export_evidence_line     (const ClipExportItem  *item);

typedef struct {
  GArray     *ids;            /* gint64, in report order */
  GPtrArray  *rules;          /* ClipExportRule, most articles first */
  GHashTable *rules_by_id;    /* gint64* → ClipExportRule* */
  GPtrArray  *outlets;        /* ClipExportOutlet, most articles first */
  gint64      first_time;     /* earliest article time, or 0 */
  gint64      last_time;
  /* Coverage: per local day from first_day, per rule (and a last column
   * with all articles), as the coverage counter of clip-stories.h cuts
   * and counts them; n_days is 0 when there are no articles. */
  GDate       first_day;
  guint       n_days;
  guint      *per_day;        /* n_days * (rules->len + 1) */
  char       *title;
  char       *scope_text;     /* the scope for a person */
  char       *period_text;    /* the period for a person */
  char       *outlet_name;    /* the scope's outlet, when it has one */
  gint64      generated;
} ClipExportSelection;

typedef struct {
  ClipStore               *store;
  const ClipExportScope   *scope;
  const ClipExportOptions *options;
  ClipExportSelection     *sel;
  GOutputStream           *out;
  GString                 *buf;      /* pending output, flushed in blocks */
  GCancellable            *cancellable;
  ClipProgressFunc         progress;
  gpointer                 progress_data;
  guint                    next;     /* index into sel->ids */
  guint                    pages;    /* PDF */
} ClipExportContext;

/* clip-export-select.c */
ClipExportSelection *clip_export_select            (ClipStore             *store,
                                                    const ClipExportScope *scope,
                                                    const char            *title,
                                                    gboolean               newest_first,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
void                 clip_export_selection_free    (ClipExportSelection   *sel);
guint                clip_export_day_count         (const ClipExportSelection *sel,
                                                    guint                  day,
                                                    guint                  column);
/* The next article in report order with its matches, tags and excerpt;
 * NULL at the end (error unset) or on failure or cancellation. Reports
 * progress. */
ClipExportItem      *clip_export_next_item         (ClipExportContext     *ctx,
                                                    GError               **error);
void                 clip_export_item_free         (ClipExportItem        *item);

/* clip-export.c: the ids a rule-language search finds, as a JSON array */
char                *clip_export_search_ids        (ClipStore             *store,
                                                    const char            *query,
                                                    GCancellable          *cancellable,
                                                    GError               **error);

/* clip-export.c: output and formatting helpers */
gboolean             clip_export_flush             (ClipExportContext     *ctx,
                                                    gboolean               force,
                                                    GError               **error);
char                *clip_export_iso_time          (gint64                 t);
/* Text from a feed, with C0 controls (but tab and newline) and DEL turned
 * into spaces, byte for byte, so offsets into it stay valid. */
char                *clip_export_scrub             (const char            *text);
/* The same, and tabs and line breaks too: for text shown on one line. */
char                *clip_export_scrub_line        (const char            *text);
/* TRUE for an absolute http or https URL, the only links a report makes. */
gboolean             clip_export_is_web_url        (const char            *url);
/* The coverage chart's scale: a maximum of at least max (and 4) whose
 * quarters are round numbers, and a day's label. */
guint                clip_export_axis_top          (guint                  max);
char                *clip_export_day_label         (const ClipExportSelection *sel,
                                                    guint                  day);
/* The days the chart's axis names, over width units, at least min_gap
 * apart: every step-th day from the first, and the last when it is far
 * enough from the one before; fills days (n_days entries at most),
 * returns how many. Even steps: rounding never puts two labels a day
 * apart where they would overlap. */
guint                clip_export_axis_days         (guint                  n_days,
                                                    double                 width,
                                                    double                 min_gap,
                                                    guint                 *days);
/* "@name = entry, entry" (or that there is no such list), for the
 * method table. */
char                *clip_export_term_list_text    (const ClipExportTermList *list);
/* "Rule A: word, word; Rule B: word" */
void                 clip_export_append_words      (GString               *out,
                                                    const ClipExportItem  *item);

/* The writers, one file each. */
gboolean             clip_export_write_csv         (ClipExportContext     *ctx,
                                                    GError               **error);
gboolean             clip_export_write_json        (ClipExportContext     *ctx,
                                                    GError               **error);
gboolean             clip_export_write_html        (ClipExportContext     *ctx,
                                                    GError               **error);
gboolean             clip_export_write_pdf         (ClipExportContext     *ctx,
                                                    GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipExportItem, clip_export_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipExportSelection, clip_export_selection_free)

G_END_DECLS
