/* clip-corpus.h — a deterministic, seeded corpus of news articles
 *
 * English, Russian and Georgian articles of realistic sizes (titles of
 * 6–14 words, bodies of 1–3 KB), with the topic words analysts' rules look
 * for at realistic rates. The same seed and index always give the same
 * article, so every benchmark measures the same text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "clip-article.h"

G_BEGIN_DECLS

typedef struct _ClipCorpus ClipCorpus;

ClipCorpus  *clip_corpus_new         (guint64     seed);
void         clip_corpus_free        (ClipCorpus *corpus);

/* outlet_id is left 0; guid, url, title, author, summary (HTML and text),
 * lang and published are set. */
ClipArticle *clip_corpus_article     (ClipCorpus *corpus,
                                      guint64     index);

/* An RSS 2.0 feed of n_items articles (items feed_index * n_items …),
 * descriptions as escaped HTML of 1–3 KB. */
char        *clip_corpus_feed_xml    (ClipCorpus *corpus,
                                      guint       feed_index,
                                      guint       n_items,
                                      gsize      *len);

/* A word list of the corpus's vocabulary (for generated rules):
 * lang is "en", "ru" or "ka". NULL-terminated, owned by the corpus. */
const char * const *clip_corpus_words (ClipCorpus *corpus,
                                       const char *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipCorpus, clip_corpus_free)

G_END_DECLS
