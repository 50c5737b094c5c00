/* clip-test-alerts.h — an archive with rules and alerts, for the alert tests
 *
 * Alerts are written as the rules engine's ingest hook writes them (a
 * matches row and an alerts row per new match), so the policy is tested
 * against the tables' contract, at times the test chooses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"

G_BEGIN_DECLS

/* Noon, 2 March 2026 UTC: a Monday, far from DST changes. */
#define CLIP_TEST_T0 G_GINT64_CONSTANT (1772452800)
#define CLIP_TEST_HOUR 3600
#define CLIP_TEST_DAY (24 * 3600)

ClipStore *clip_test_alerts_open        (const char *dir);
gint64     clip_test_alerts_outlet      (ClipStore  *store);
gint64     clip_test_alerts_rule        (ClipStore  *store,
                                         const char *name,
                                         const char *notify,
                                         const char *severity);
/* A new article fetched at fetched (and published then). */
gint64     clip_test_alerts_article     (ClipStore  *store,
                                         gint64      outlet_id,
                                         const char *title,
                                         gint64      fetched);
/* The rule matched the article at time t: a match and an alert. */
void       clip_test_alerts_flag        (ClipStore  *store,
                                         gint64      rule_id,
                                         gint64      article_id,
                                         gint64      t);
/* A new article flagged by the rule at t; returns its id. */
gint64     clip_test_alerts_new_match   (ClipStore  *store,
                                         gint64      outlet_id,
                                         gint64      rule_id,
                                         const char *title,
                                         gint64      t);
gint64     clip_test_alerts_count       (ClipStore  *store,
                                         const char *where);

G_END_DECLS
