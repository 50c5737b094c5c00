/* clip-article-body.h — an article's text in the reading view, drawn
 * from its sanitised HTML as a reader would (no web engine, no scripts):
 * paragraphs, headings, lists, quotes, preformatted text, links that open
 * in the browser, and images that load only when allowed and near
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clip-fetch.h"
#include "clip-html-doc.h"

G_BEGIN_DECLS

#define CLIP_TYPE_ARTICLE_BODY (clip_article_body_get_type ())
G_DECLARE_FINAL_TYPE (ClipArticleBody, clip_article_body, CLIP, ARTICLE_BODY, GtkBox)

GtkWidget *clip_article_body_new           (void);
/* Shows html (sanitised; NULL or empty: plain, as paragraphs); plain is
 * the text the highlights' offsets are in. Its images are off unless the
 * show-images setting is on (property "images-held" says so). */
void       clip_article_body_show          (ClipArticleBody *self,
                                            const char      *html,
                                            const char      *plain);
/* Paints spans (ClipHighlightSpan, offsets into plain) in their rules'
 * colours (colors as clip_highlight_attrs() takes), then hits
 * (ClipHighlightSpan, the search's) over them. Either may be NULL. */
void       clip_article_body_set_highlights (ClipArticleBody *self,
                                             GArray          *spans,
                                             GHashTable      *colors,
                                             GArray          *hits);
/* The scrolled window the body is in: images load as they come near
 * its view. Once. */
void       clip_article_body_set_scroller  (ClipArticleBody   *self,
                                            GtkScrolledWindow *scroller);
/* Images load when the show-images setting is on, or once this is
 * called for the article shown (until another is shown). */
void       clip_article_body_show_images   (ClipArticleBody *self);
guint      clip_article_body_get_n_images  (ClipArticleBody *self);
/* The label showing block i of the document (NULL: none, or not text). */
GtkLabel  *clip_article_body_get_label     (ClipArticleBody *self,
                                            guint            block);
/* The blocks' text, a blank line between blocks. */
char      *clip_article_body_dup_text      (ClipArticleBody *self);
/* The label whose text holds needle, with where (bytes), or NULL. */
GtkLabel  *clip_article_body_find_text     (ClipArticleBody *self,
                                            const char      *needle,
                                            guint           *at);

G_END_DECLS
