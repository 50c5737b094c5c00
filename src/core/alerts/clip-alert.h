/* clip-alert.h — the alert inbox: what the rules flagged, by rule
 *
 * The rules engine writes one alert per new match of an enabled rule (in
 * the ingest transaction); this module reads them for the Alerts view and
 * the CLI, and keeps their read state. Notifying is clip-alert-policy.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64   id;
  gint64   rule_id;
  gint64   article_id;
  gint64   created;       /* Unix seconds: when the rule flagged it */
  gboolean read;
  gboolean notified;
  char    *title;         /* the article's, plain text */
  char    *url;
  char    *outlet_name;
  gint64   article_time;  /* the article's time, clip_article_time() */
} ClipAlert;

/* One rule's alerts, newest first: by their articles' time (DESIGN.md,
 * "Lists are in time order"), not by when they were raised. */
typedef struct {
  gint64     rule_id;
  char      *name;
  char      *color;       /* #rrggbb */
  char      *severity;    /* info | important | critical */
  guint      total;       /* all of the rule's alerts, not only those listed */
  guint      unread;
  gint64     newest;      /* time of its newest article (of the unread, when only those are listed) */
  GPtrArray *alerts;      /* ClipAlert*, at most the limit asked for */
} ClipAlertGroup;

void        clip_alert_free               (ClipAlert       *alert);
void        clip_alert_group_free         (ClipAlertGroup  *group);

/* Groups (ClipAlertGroup*) of rules that have alerts: critical rules
 * first, then important, then the others, and within each the rule with
 * the newest article first; each with up to per_rule alerts (0 = all),
 * newest first. unread_only leaves out read alerts (and rules with none
 * unread). */
GPtrArray  *clip_alert_list_groups        (ClipStore       *store,
                                           guint            per_rule,
                                           gboolean         unread_only,
                                           GError         **error);
/* before_id for a rule's first page. */
#define CLIP_ALERT_FROM_NEWEST G_MAXINT64

/* A page of one rule's alerts, newest first: up to limit (0 = all) of
 * those after alert before_id in that order, which is
 * CLIP_ALERT_FROM_NEWEST for the first page and clip_alert_page_next() of
 * the page before for each next one (an alert no longer stored is
 * CLIP_STORE_ERROR_NOT_FOUND). Pages hold the same alerts, in the same
 * order, as pages cut at offsets 0, limit, 2 × limit… when nothing is
 * raised in between; alerts raised in between do not shift later pages
 * (they are on the first page of a new reading). */
GPtrArray  *clip_alert_list_rule          (ClipStore       *store,
                                           gint64           rule_id,
                                           gint64           before_id,
                                           guint            limit,
                                           GError         **error);
/* The cursor after page (ClipAlert*): its last alert's id; 0 for an
 * empty page, after which every page is empty. */
gint64      clip_alert_page_next          (GPtrArray       *page);
/* rule id → unread count (GINT_TO_POINTER), for rules with unread alerts;
 * keys are gint64* */
GHashTable *clip_alert_count_unread       (ClipStore       *store,
                                           GError         **error);
/* All unread alerts, or -1 on error. */
gint64      clip_alert_count_unread_total (ClipStore       *store,
                                           GError         **error);

gboolean    clip_alert_set_read           (ClipStore       *store,
                                           gint64           alert_id,
                                           gboolean         read,
                                           GError         **error);
/* Marks read the alerts of every rule that flagged article_id: opening an
 * article reads it wherever it shows. */
gboolean    clip_alert_mark_article_read  (ClipStore       *store,
                                           gint64           article_id,
                                           GError         **error);
/* The read state of an article's alerts (under every rule) set to read:
 * an alert is read when its article is, and the other way round. The
 * article itself is the store's (clip_store_set_read()). */
gboolean    clip_alert_set_article_read   (ClipStore       *store,
                                           gint64           article_id,
                                           gboolean         read,
                                           GError         **error);
/* The article an alert is about; 0 with error when there is no alert. */
gint64      clip_alert_get_article        (ClipStore       *store,
                                           gint64           alert_id,
                                           GError         **error);
/* Marks read the articles of rule_id's unread alerts (0: of every unread
 * alert) and each of their alerts, under every rule. */
gboolean    clip_alert_read_articles      (ClipStore       *store,
                                           gint64           rule_id,
                                           GError         **error);
gboolean    clip_alert_mark_rule_read     (ClipStore       *store,
                                           gint64           rule_id,
                                           GError         **error);
gboolean    clip_alert_mark_all_read      (ClipStore       *store,
                                           GError         **error);
/* The rule newly matched the article at created: an unread alert (none
 * more if it has one). A ClipRuleNewMatchFunc, for the ingest. */
gboolean    clip_alert_raise              (ClipStore       *store,
                                           gint64           rule_id,
                                           gint64           article_id,
                                           gint64           created,
                                           gpointer         unused,
                                           GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipAlert, clip_alert_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipAlertGroup, clip_alert_group_free)

G_END_DECLS
