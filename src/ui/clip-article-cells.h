/* clip-article-cells.h — the article table's cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-article-table.h"

G_BEGIN_DECLS

typedef enum {
  CLIP_ARTICLE_CELL_TIME,
  CLIP_ARTICLE_CELL_OUTLET,
  CLIP_ARTICLE_CELL_TITLE,
  CLIP_ARTICLE_CELL_RULES,
} ClipArticleCell;

/* The factory of a column's cells; the rules' cells ask table for rule
 * names and whether it is narrow (dots instead of chips). */
GtkListItemFactory *clip_article_cells_factory_new (ClipArticleCell   column,
                                                    ClipArticleTable *table);

G_END_DECLS
