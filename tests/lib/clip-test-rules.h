/* clip-test-rules.h — an archive with the default rules, an outlet and
 * rules of a test's own, and what the archive holds, for the rules tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"

G_BEGIN_DECLS

/* The default "Russian interference" rule, as RULES.md gives it. */
#define CLIP_TEST_RUSSIAN_INTERFERENCE \
  "@russia_terms NEAR/6 (interfer* OR meddl* OR \"hybrid war*\" OR destabili* OR " \
  "вмешательств* OR ჩარევ*)"

/* A new archive (default rules and term lists) in a temporary folder;
 * the folder in *dir_out when asked. */
ClipStore *clip_test_rules_archive      (char       **dir_out);
/* The Rustavi 2 outlet; its id. */
gint64     clip_test_rules_outlet       (ClipStore   *store);
/* An enabled rule; its id. */
gint64     clip_test_rules_add          (ClipStore   *store,
                                         const char  *name,
                                         const char  *query);
/* Every match row, "rule article spans" a line, in order. */
char      *clip_test_rules_dump_matches (ClipStore   *store);
/* The one number sql gives, with a and b bound to ?1 and ?2 when it has them. */
gint64     clip_test_rules_count        (ClipStore   *store,
                                         const char  *sql,
                                         gint64       a,
                                         gint64       b);

G_END_DECLS
