/* clip-story-text.h — what stories compare articles by: the words of a
 * title and lead as keys (stems within a language; names, numbers and
 * dates across languages and scripts), and the word shingles near-copies
 * are found by. Words come from the one tokenizer (clip-text.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Languages stories tell apart; any other is CLIP_STORY_LANG_OTHER. */
enum {
  CLIP_STORY_LANG_EN,
  CLIP_STORY_LANG_RU,
  CLIP_STORY_LANG_KA,
  CLIP_STORY_LANG_OTHER,
  CLIP_STORY_N_LANGS
};

typedef enum {
  CLIP_STORY_KEY_WORD,    /* a stem, within one language */
  CLIP_STORY_KEY_NAME,    /* a name's key, in every script */
  CLIP_STORY_KEY_NUMBER,  /* a number's value */
  CLIP_STORY_KEY_DATE,    /* day and month */
} ClipStoryKeyKind;

/* Key flags. */
#define CLIP_STORY_KEY_IN_TITLE 1u
/* Written as a name (a capital inside a sentence, or all capitals) in a
 * script with case; other name keys count only once some article wrote
 * them so (Georgian has no case, a headline capitalises every word). */
#define CLIP_STORY_KEY_CASED    2u

typedef struct {
  guint64 hash;   /* never 0 */
  guint8  kind;   /* ClipStoryKeyKind */
  guint8  flags;
  guint8  lang;
} ClipStoryKey;

/* The language index of a BCP 47 code; without one, from the script of
 * sample (Georgian, Cyrillic: Russian, Latin: English). */
guint    clip_story_lang_index   (const char *lang,
                                  const char *sample);

/* The keys of a title and the lead of body (its first words), each once
 * (flags joined). names, when given, receives a readable form of each key
 * ("name:stlt", "num:1000", "date:05-14", "word:en:parli"), for tests
 * and debugging. */
GArray  *clip_story_keys         (const char *title,
                                  const char *body,
                                  guint       lang,
                                  GPtrArray  *names);

/* A word in Latin letters: Georgian and Cyrillic by the tables of
 * clip-story-text.c (Georgian's national romanisation, Russian's
 * passport one), folded as the tokenizer folds. */
char    *clip_story_romanize     (const char *word);
/* The key names match by across scripts: the romanised word, case
 * endings of Russian and Georgian removed, as its consonant classes
 * ("Stoltenberg", "Столтенберга" and "სტოლტენბერგმა" give "stlt").
 * NULL when too little is left to tell names apart. */
char    *clip_story_name_key     (const char *word);

/* The hashes of a text's shingles (runs of CLIP_STORY_SHINGLE words),
 * sorted, each once. */
#define CLIP_STORY_SHINGLE 4
GArray  *clip_story_shingles     (const char *text);

G_END_DECLS
