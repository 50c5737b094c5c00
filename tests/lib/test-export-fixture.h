/* test-export-fixture.h — an archive with articles in three scripts,
 * hostile ones (tests/data/export), rules and their matches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *outlet;
  char   *url;
  char   *title;
  char   *author;
  char   *body;
  char   *note;
  GStrv   tags;
  int     flag;
  gint64  published;
  gint64  outlet_id;
  char   *rules;       /* the CSV "rules" cell it should get */
  char   *words;       /* the CSV "matched_words" cell */
  guint   n_matches;
} FixtureArticle;

enum { RULE_INTERFERENCE, RULE_ELECTIONS, RULE_HOSTILE, N_RULES };

typedef struct {
  char      *dir;
  ClipStore *store;
  GPtrArray *articles;     /* FixtureArticle, oldest first */
  gint64     outlets[3];   /* civil.ge, meduza, a hostile one */
  gint64     rules[N_RULES];
} Fixture;

/* An archive in a fresh directory; with articles: the three-script and
 * hostile articles (7), dated a day apart from 2025-03-01 08:00 UTC. */
Fixture *fixture_new                 (gboolean    with_articles);
void     fixture_free                (Fixture    *f);
/* n more English articles matched by the interference rule, later than
 * the others; they are not added to f->articles. */
void     fixture_add_many            (Fixture    *f,
                                      guint       n);
/* One article per file of feedparser's sanitize corpus, its element texts
 * taken raw (unsanitised) as title, author, link and body; returns how many. */
guint    fixture_add_sanitize_corpus (Fixture    *f,
                                      const char *dir);
guint    fixture_count_web_links     (Fixture    *f);
/* One more article (in f->articles) from outlet (0-2) with these texts
 * and tags (NULL-terminated, sorted), matched by the interference rule
 * where its body says "Russian interference". */
FixtureArticle *fixture_add_article  (Fixture            *f,
                                      guint               outlet,
                                      const char         *title,
                                      const char         *author,
                                      const char         *body,
                                      const char         *note,
                                      const char * const *tags);

void     add_scope_tests             (void);
void     add_report_tests            (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

G_END_DECLS
