/* clip-article-row.h — a row of the article list: the title on a line of
 * its own, then time, outlet and rule chips; a search's snippet below
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-article-table.h"

G_BEGIN_DECLS

/* The factory of the list's rows; they ask table for rule names, whether
 * it is narrow (rules as dots) and whether snippets show. */
GtkListItemFactory *clip_article_row_factory_new (ClipArticleTable *table);

G_END_DECLS
