/* clip-rules-page.h — every rule: switch, colour, severity, notifications
 * and matches; add, edit, duplicate, delete (with undo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-commands.h"

#include "clip-store.h"

G_BEGIN_DECLS

/* A deleted rule can be brought back this long. */
#define CLIP_RULES_PAGE_UNDO_SECONDS 8

#define CLIP_TYPE_RULES_PAGE (clip_rules_page_get_type ())
G_DECLARE_FINAL_TYPE (ClipRulesPage, clip_rules_page, CLIP, RULES_PAGE, AdwBin)

GtkWidget *clip_rules_page_new        (void);
/* A connection to the archive for reading (writes open their own). */
void       clip_rules_page_set_store  (ClipRulesPage *self,
                                       ClipStore     *store);
/* How the page changes rules (switch, delete, the editors it opens). */
void       clip_rules_page_set_commands (ClipRulesPage *self,
                                         ClipCommands  *commands);
void       clip_rules_page_reload     (ClipRulesPage *self);
/* Opens the editor on a rule (0: a new one). */
void       clip_rules_page_edit       (ClipRulesPage *self,
                                       gint64         rule_id);

/* Signals: "back" (the header's back button), "rules-changed" (a rule was
 * added, edited, switched or deleted: other views read them again). */

G_END_DECLS
