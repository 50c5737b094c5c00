/* clip-fts.h — clip-text as an SQLite FTS5 tokenizer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define CLIP_FTS_TOKENIZER "clip"

gboolean clip_fts_register  (sqlite3    *db,
                             GError    **error);
char    *clip_fts_quote     (const char *folded_word);

G_END_DECLS
