/* clip-rule-jobs.h — the rules and alerts writes and the rule preview, off
 * the main thread, each on its own connection to the archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-rules-store.h"

G_BEGIN_DECLS

/* How many of the newest matching articles a preview brings. */
#define CLIP_RULE_PREVIEW_NEWEST 5

typedef struct {
  guint64    count;      /* archived articles the query matches */
  GPtrArray *newest;     /* ClipArticle*, newest first */
} ClipRulePreview;

void             clip_rule_preview_free    (ClipRulePreview     *preview);

/* Searches the archive at archive_path with query (clip_rule_search()). */
void             clip_rule_preview_async   (const char          *archive_path,
                                            const char          *query,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
ClipRulePreview *clip_rule_preview_finish  (GAsyncResult        *result,
                                            GError             **error);

/* done of total, on the caller's main context. */
typedef void (*ClipRuleJobProgress) (guint64  done,
                                     guint64  total,
                                     gpointer user_data);

/* Adds (id 0) or updates the rule, then applies it to the archive when
 * its matches need computing (new, query changed, enabled again).
 * progress_data must outlive the job (cancel it before it goes). */
void             clip_rule_save_async      (const char          *archive_path,
                                            const ClipRule      *rule,
                                            ClipRuleJobProgress  progress,
                                            gpointer             progress_data,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* The rule's id, or 0 and an error; n_matched may be NULL. */
gint64           clip_rule_save_finish     (GAsyncResult        *result,
                                            guint64             *n_matched,
                                            GError             **error);

void             clip_rule_remove_async    (const char          *archive_path,
                                            gint64               rule_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean         clip_rule_remove_finish   (GAsyncResult        *result,
                                            GError             **error);
/* The same, on the calling thread (a pending delete when the page goes). */
gboolean         clip_rule_remove_sync     (const char          *archive_path,
                                            gint64               rule_id,
                                            GError             **error);

/* Replaces the term list's entries (creating it); renames it first when
 * old_name differs, rewriting the rules that use it ("@old" → "@new")
 * and applying them again. */
void             clip_term_list_save_async (const char          *archive_path,
                                            const char          *old_name,
                                            const char          *name,
                                            const char * const  *entries,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean         clip_term_list_save_finish (GAsyncResult       *result,
                                             GError            **error);

typedef enum {
  CLIP_ALERT_WRITE_READ,          /* id: an alert */
  CLIP_ALERT_WRITE_UNREAD,        /* id: an alert */
  CLIP_ALERT_WRITE_ARTICLE_READ,  /* id: an article */
  CLIP_ALERT_WRITE_RULE_READ,     /* id: a rule */
  CLIP_ALERT_WRITE_ALL_READ,
} ClipAlertWrite;

void             clip_alert_write_async    (const char          *archive_path,
                                            ClipAlertWrite       what,
                                            gint64               id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean         clip_alert_write_finish   (GAsyncResult        *result,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipRulePreview, clip_rule_preview_free)

G_END_DECLS
