/* clip-article-page-info.h — what the reading view says of an article's
 * page: where its text came from, whether its date is uncertain, and
 * saving the page copy kept as evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clip-store.h"

G_BEGIN_DECLS

/* "Full text from the page", "Feed summary", … */
char    *clip_article_source_text        (const ClipArticle *article);
/* "Date uncertain: the feed says …, the page …, first seen …", or NULL. */
char    *clip_article_date_warning       (ClipStore         *reader,
                                          const ClipArticle *article);
/* Whether a page copy is kept for the article. */
gboolean clip_article_has_page_copy      (ClipStore         *reader,
                                          gint64             article_id);
/* Asks where, then writes the kept copy there (as fetched: nothing of it
 * is ever rendered here). Errors go to a dialog. */
void     clip_article_save_page_copy     (GtkWidget         *parent,
                                          ClipStore         *reader,
                                          gint64             article_id);

G_END_DECLS
