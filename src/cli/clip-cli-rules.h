/* clip-cli-rules.h — shared by the rules commands' files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-cli.h"

G_BEGIN_DECLS

/* A query error prints "column N: message" and exits 2; others as
 * clip_cli_fail(). */
int clip_cli_rules_fail (ClipCli      *cli,
                         const GError *error);
/* A rule by ID or name; 0 (and error) when there is none. */
gint64 clip_cli_rule_id (ClipStore    *store,
                         const char   *id_or_name,
                         GError      **error);
int clip_cli_rules_test (ClipCli      *cli,
                         int           argc,
                         char        **argv);

G_END_DECLS
