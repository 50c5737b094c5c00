/* clip-article-snippets.h — a search's snippets for the rows of the
 * article list, made in a worker as pages of rows are read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Characters of body a snippet shows: two lines of a wide list. */
#define CLIP_ARTICLE_SNIPPET_CHARS 180

/* Sets the snippet of each of items (ClipArticleItem*, referenced until
 * done) for search, read from the archive at path in a thread; nothing
 * once cancellable is cancelled (a new view). */
void clip_article_snippets_request (const char   *path,
                                    const char   *search,
                                    GPtrArray    *items,
                                    GCancellable *cancellable);

G_END_DECLS
