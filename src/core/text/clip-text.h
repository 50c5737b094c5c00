/* clip-text.h — the one tokenizer and folding used by rules and the index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest folded word kept, in bytes; longer words are cut here, the same
 * way for the index and the matcher, so both still agree. */
#define CLIP_TEXT_MAX_WORD 255

typedef struct {
  const char *folded;     /* folded word, NUL-terminated, valid during callback */
  gsize       folded_len; /* bytes in folded */
  gsize       start;      /* byte offset of the word in the source text */
  gsize       end;        /* byte offset just past the word */
  guint       position;   /* index of the word in the text, from 0 */
} ClipToken;

/* Return FALSE to stop tokenizing. */
typedef gboolean (*ClipTokenFunc) (const ClipToken *token,
                                   gpointer         user_data);

void     clip_text_tokenize   (const char    *text,
                               gssize         len,
                               ClipTokenFunc  func,
                               gpointer       user_data);

char    *clip_text_fold       (const char    *text,
                               gssize         len);

/* Appends word (taking it) to words unless a word that folds the same is
 * there already; seen holds the folded words (a g_str_hash set that owns
 * them). Frees word when it is not added. */
void     clip_text_add_distinct (GPtrArray   *words,
                                 GHashTable  *seen,
                                 char        *word);

guint    clip_text_count_words (const char   *text,
                                gssize        len);

gboolean clip_text_is_word_char (gunichar    c);

G_END_DECLS
