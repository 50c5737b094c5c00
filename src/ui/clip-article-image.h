/* clip-article-image.h — one image of an article in the reading view:
 * a placeholder with its alt text until (and unless) it is loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-fetch.h"

G_BEGIN_DECLS

/* The most an image may weigh (after decompression): 8 MiB, a page's cap. */
#define CLIP_ARTICLE_IMAGE_MAX_BYTES (8 * 1024 * 1024)

typedef enum {
  CLIP_ARTICLE_IMAGE_IDLE,      /* not asked for: images are off, or it is far below */
  CLIP_ARTICLE_IMAGE_LOADING,
  CLIP_ARTICLE_IMAGE_LOADED,
  CLIP_ARTICLE_IMAGE_FAILED,
} ClipArticleImageState;

#define CLIP_TYPE_ARTICLE_IMAGE (clip_article_image_get_type ())
G_DECLARE_FINAL_TYPE (ClipArticleImage, clip_article_image, CLIP, ARTICLE_IMAGE, AdwBin)

/* src: http or https; alt may be NULL. */
GtkWidget            *clip_article_image_new       (const char       *src,
                                                    const char       *alt);
/* Fetches it through fetcher (its limits: size cap, timeouts) and decodes
 * it in a worker; nothing when it was asked for already. A host the
 * suite's loopback rule refuses fails at once. Ends with cancellable. */
void                  clip_article_image_load      (ClipArticleImage *self,
                                                    ClipFetcher      *fetcher,
                                                    GCancellable     *cancellable);
ClipArticleImageState clip_article_image_get_state (ClipArticleImage *self);
const char           *clip_article_image_get_src   (ClipArticleImage *self);

/* Signals: "state-changed". */

G_END_DECLS
