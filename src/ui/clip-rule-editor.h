/* clip-rule-editor.h — a rule's name, query, severity, notifications and
 * colour, with the query checked as it is typed and a live preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-commands.h"
#include "clip-rules-store.h"

G_BEGIN_DECLS

/* Typing pauses this long before the preview searches the archive. */
#define CLIP_RULE_EDITOR_PREVIEW_DELAY_MS 300

#define CLIP_TYPE_RULE_EDITOR (clip_rule_editor_get_type ())
G_DECLARE_FINAL_TYPE (ClipRuleEditor, clip_rule_editor, CLIP, RULE_EDITOR, AdwWindow)

/* store: a connection to the archive, read on the main thread (term lists)
 * and whose path the preview opens read-only in its own thread; the rule
 * is saved through commands.
 * rule NULL, or with id 0: a new rule (a copy to duplicate). Emits
 * "saved" (gint64 rule id, guint64 articles matched) and closes once the
 * rule is saved and applied to the archive. */
ClipRuleEditor *clip_rule_editor_new       (ClipStore      *store,
                                            ClipCommands   *commands,
                                            const ClipRule *rule);
/* The query as typed, and whether it could be saved now. */
char           *clip_rule_editor_get_query (ClipRuleEditor *self);
void            clip_rule_editor_set_query (ClipRuleEditor *self,
                                            const char     *query);
gboolean        clip_rule_editor_can_save  (ClipRuleEditor *self);

G_END_DECLS
