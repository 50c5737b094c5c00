/* clip-store-schema.h — the archive's schema, one step per version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* Step N takes an archive from user_version N to N + 1. Never edit a step
 * that has shipped: add one. */
static const char *const clip_store_migrations[] = {
  /* 0 → 1: outlets, articles and their full-text index. */
  "CREATE TABLE outlets ("
  "  id INTEGER PRIMARY KEY,"
  "  url TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  site_url TEXT,"
  "  grp TEXT NOT NULL DEFAULT '',"
  "  interval INTEGER NOT NULL DEFAULT 900,"
  "  enabled INTEGER NOT NULL DEFAULT 1,"
  "  created INTEGER NOT NULL DEFAULT 0,"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  last_success INTEGER NOT NULL DEFAULT 0,"
  "  last_attempt INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT,"
  "  failures INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,"
  "  guid TEXT NOT NULL,"
  "  url TEXT,"
  "  canonical_url TEXT,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  author TEXT NOT NULL DEFAULT '',"
  "  summary_html TEXT,"
  "  summary_text TEXT,"
  "  content_html TEXT,"
  "  content_text TEXT,"
  "  body TEXT GENERATED ALWAYS AS"
  "    (coalesce(nullif(content_text, ''), summary_text, '')) VIRTUAL,"
  "  lang TEXT,"
  "  published INTEGER,"
  "  updated INTEGER,"
  "  fetched INTEGER NOT NULL,"
  "  content_hash TEXT NOT NULL,"
  "  read INTEGER NOT NULL DEFAULT 0,"
  "  starred INTEGER NOT NULL DEFAULT 0,"
  "  flag INTEGER NOT NULL DEFAULT 0,"
  "  note TEXT,"
  "  UNIQUE (outlet_id, guid));"
  "CREATE INDEX articles_canonical ON articles(canonical_url);"
  "CREATE INDEX articles_outlet ON articles(outlet_id, id);"
  "CREATE VIRTUAL TABLE articles_fts USING fts5("
  "  title, body, author, content='articles', content_rowid='id',"
  "  tokenize='clip');"
  "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts(rowid, title, body, author)"
  "  VALUES (new.id, new.title, new.body, new.author); END;"
  "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, body, author)"
  "  VALUES ('delete', old.id, old.title, old.body, old.author); END;"
  "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, summary_text,"
  "  content_text, author ON articles BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, body, author)"
  "  VALUES ('delete', old.id, old.title, old.body, old.author);"
  "  INSERT INTO articles_fts(rowid, title, body, author)"
  "  VALUES (new.id, new.title, new.body, new.author); END;",

  /* 1 → 2: the analyst's layer: tags, rules, term lists, matches, alerts. */
  "CREATE INDEX articles_flag ON articles(flag) WHERE flag != 0;"
  "CREATE INDEX articles_unread ON articles(id) WHERE read = 0;"
  "CREATE INDEX articles_published ON articles(published);"
  "CREATE TABLE tags ("
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  tag TEXT NOT NULL,"
  "  PRIMARY KEY (article_id, tag)) WITHOUT ROWID;"
  "CREATE INDEX tags_tag ON tags(tag);"
  "CREATE TABLE rules ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  query TEXT NOT NULL,"
  "  enabled INTEGER NOT NULL DEFAULT 1,"
  "  severity TEXT NOT NULL DEFAULT 'info',"
  "  notify TEXT NOT NULL DEFAULT 'instant',"
  "  color TEXT NOT NULL DEFAULT '#3584e4',"
  "  created INTEGER NOT NULL DEFAULT 0,"
  "  modified INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE term_lists ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE term_list_entries ("
  "  list_id INTEGER NOT NULL REFERENCES term_lists(id) ON DELETE CASCADE,"
  "  pos INTEGER NOT NULL,"
  "  term TEXT NOT NULL,"
  "  PRIMARY KEY (list_id, pos)) WITHOUT ROWID;"
  "CREATE TABLE matches ("
  "  rule_id INTEGER NOT NULL REFERENCES rules(id) ON DELETE CASCADE,"
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  spans TEXT NOT NULL DEFAULT '[]',"
  "  matched INTEGER NOT NULL,"
  "  PRIMARY KEY (rule_id, article_id)) WITHOUT ROWID;"
  "CREATE INDEX matches_article ON matches(article_id);"
  "CREATE TABLE alerts ("
  "  id INTEGER PRIMARY KEY,"
  "  rule_id INTEGER NOT NULL REFERENCES rules(id) ON DELETE CASCADE,"
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  created INTEGER NOT NULL,"
  "  read INTEGER NOT NULL DEFAULT 0,"
  "  notified INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (rule_id, article_id));"
  "CREATE INDEX alerts_rule ON alerts(rule_id, id);"
  "CREATE TABLE state ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT) WITHOUT ROWID;",

  /* 2 → 3: new rows reach the index from the ingest code, not a trigger:
   * FTS5 flushes its pending terms at every nested statement, so an insert
   * trigger made one tiny segment per article (3–4x slower ingest). */
  "DROP TRIGGER articles_fts_ai;",

  /* 3 → 4: the alert inbox and the notifier read only unread and
   * not-yet-notified alerts, a small part of a growing table. (One
   * migration of several statements: the brackets tell clang so.) */
  ("CREATE INDEX alerts_unread ON alerts(rule_id) WHERE read = 0;"
   "CREATE INDEX alerts_pending ON alerts(rule_id) WHERE notified = 0;"),

  /* 4 → 5: stories (src/core/stories). story_articles is also the narrow
   * (time, outlet) table that coverage counts over without reading the
   * wide articles rows; every article has a row, story_id NULL until it is
   * grouped (the rows below: grouped at the writer's first ingest). */
  ("CREATE TABLE stories ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT,"
  "  created INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE story_articles ("
  "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
  "  story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,"
  "  time INTEGER NOT NULL,"
  "  outlet_id INTEGER NOT NULL,"
  "  copy_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,"
  "  shared REAL,"
  "  recycled_from INTEGER REFERENCES articles(id) ON DELETE SET NULL,"
  "  pinned INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX story_articles_story ON story_articles(story_id, time);"
  "CREATE INDEX story_articles_time ON story_articles(time);"
  "CREATE INDEX story_articles_outlet ON story_articles(outlet_id, time);"
  "CREATE INDEX story_articles_copy ON story_articles(copy_of) WHERE copy_of IS NOT NULL;"
  "CREATE INDEX story_articles_recycled ON story_articles(recycled_from)"
  "  WHERE recycled_from IS NOT NULL;"
  "CREATE TABLE copy_sigs ("
  "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
  "  sig BLOB NOT NULL);"
  "INSERT INTO story_articles (article_id, time, outlet_id)"
  "  SELECT id, coalesce(published, fetched), outlet_id FROM articles;"),

  /* 5 → 6: lists in time order (DESIGN.md, "Lists are in time order").
   * An article's time is its published time, unless the feed gave none or
   * a time more than 15 minutes (900 s) after we first saw the article: a
   * date in the future is a feed's error or an embargo, not news, so the
   * article counts from when it was fetched. clip_article_time() says the
   * same in C. The times live in a narrow table of their own, so that
   * ordering reads neither article rows (2-3 KB each) nor their pages:
   * its (time) index walks a list in order; its key gives a search's hits
   * their times. article_time_blocks keeps the latest time of every 1024
   * ids, which bounds what a block can add to a search's newest (see
   * clip-store-newest.c); deletions leave it high, which stays a bound.
   * Alerts carry their article's time, for a rule's alerts in time order
   * a page at a time; stories count by the same time. New rows get their
   * times from the ingest code and clip_alert_raise(), not from insert
   * triggers, which make FTS5 flush at every article (as step 3 says);
   * changes and deletions, rare, go by triggers. */
  ("ALTER TABLE alerts ADD COLUMN time INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE article_times ("
  "  id INTEGER PRIMARY KEY,"
  "  time INTEGER NOT NULL);"
  "INSERT INTO article_times (id, time)"
  "  SELECT id, CASE WHEN published IS NULL OR published > fetched + 900"
  "  THEN fetched ELSE published END FROM articles ORDER BY id;"
  "CREATE INDEX article_times_time ON article_times(time);"
  "CREATE TABLE article_time_blocks ("
  "  block INTEGER PRIMARY KEY,"
  "  max_time INTEGER NOT NULL);"
  "INSERT INTO article_time_blocks (block, max_time)"
  "  SELECT id >> 10, max(time) FROM article_times GROUP BY id >> 10;"
  "UPDATE alerts SET time = coalesce((SELECT time FROM article_times"
  "  WHERE article_times.id = alerts.article_id), 0);"
  "CREATE TRIGGER article_times_au AFTER UPDATE OF published, fetched ON articles BEGIN"
  "  UPDATE article_times SET time ="
  "    CASE WHEN new.published IS NULL OR new.published > new.fetched + 900"
  "    THEN new.fetched ELSE new.published END WHERE id = new.id; END;"
  "CREATE TRIGGER article_times_ad AFTER DELETE ON articles BEGIN"
  "  DELETE FROM article_times WHERE id = old.id; END;"
  "CREATE TRIGGER article_times_changed AFTER UPDATE OF time ON article_times BEGIN"
  "  INSERT INTO article_time_blocks (block, max_time) VALUES (new.id >> 10, new.time)"
  "  ON CONFLICT (block) DO UPDATE SET max_time = max(max_time, excluded.max_time);"
  "  UPDATE alerts SET time = new.time WHERE article_id = new.id; END;"
  "CREATE INDEX alerts_rule_time ON alerts(rule_id, time);"
  "CREATE INDEX alerts_article ON alerts(article_id);"
  "DROP INDEX alerts_unread;"
  "CREATE INDEX alerts_unread ON alerts(rule_id, time) WHERE read = 0;"
  "UPDATE story_articles SET time = coalesce((SELECT time FROM article_times"
  "  WHERE article_times.id = story_articles.article_id), time);"),
  /* 6 → 7: full text from the article's own page (issue 15). Per outlet,
   * when to fetch pages (full_text: 0 automatic, 1 always, 2 never),
   * whether robots.txt is obeyed (robots: 0 obey, 1 ignore: the analyst's
   * own sites) and the learned boilerplate of its pages (page_model, the
   * page module's JSON). Per article, the page's text beside the feed's
   * (never over it), where the page was read (page_url) and its state
   * (page_state: 0 not wanted, 1 waiting, 2 fetched, 3 failed, 4 refused
   * by robots.txt, 5 no article text on it), where `published` came from
   * (date_source), every date seen with its source (date_candidates, a
   * JSON array) and whether they disagree (date_uncertain). The index
   * holds the feed's text and the page's in one "body" column, the page's
   * after a blank line: the triggers read back exactly what the ingest
   * and clip_store_save_page() wrote (see CLIP_STORE_FTS_BODY). Evidence:
   * for a flagged or matched article, the page as fetched, compressed in
   * the data folder's evidence/ beside the archive, with its SHA-256; an
   * article flagged with no copy kept has its page read (again) for one,
   * unless its outlet says Never. */
  ("ALTER TABLE outlets ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE outlets ADD COLUMN robots INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE outlets ADD COLUMN page_model BLOB;"
  "ALTER TABLE articles ADD COLUMN page_text TEXT;"
  "ALTER TABLE articles ADD COLUMN page_html TEXT;"
  "ALTER TABLE articles ADD COLUMN page_url TEXT;"
  "ALTER TABLE articles ADD COLUMN page_state INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE articles ADD COLUMN page_error TEXT;"
  "ALTER TABLE articles ADD COLUMN page_fetched INTEGER;"
  "ALTER TABLE articles ADD COLUMN date_source TEXT;"
  "ALTER TABLE articles ADD COLUMN date_candidates TEXT;"
  "ALTER TABLE articles ADD COLUMN date_uncertain INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX articles_page_waiting ON articles(id) WHERE page_state = 1;"
  "DROP TRIGGER articles_fts_ad;"
  "DROP TRIGGER articles_fts_au;"
  "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, body, author)"
  "  VALUES ('delete', old.id, old.title,"
  "    old.body || coalesce(char(10, 10) || nullif(old.page_text, ''), ''), old.author); END;"
  "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, summary_text,"
  "  content_text, author, page_text ON articles BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, body, author)"
  "  VALUES ('delete', old.id, old.title,"
  "    old.body || coalesce(char(10, 10) || nullif(old.page_text, ''), ''), old.author);"
  "  INSERT INTO articles_fts(rowid, title, body, author)"
  "  VALUES (new.id, new.title,"
  "    new.body || coalesce(char(10, 10) || nullif(new.page_text, ''), ''), new.author); END;"
  "CREATE TABLE evidence ("
  "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
  "  sha256 TEXT NOT NULL,"
  "  url TEXT,"
  "  final_url TEXT,"
  "  status INTEGER NOT NULL DEFAULT 0,"
  "  captured INTEGER NOT NULL,"
  "  content_type TEXT,"
  "  headers TEXT,"
  "  size INTEGER NOT NULL DEFAULT 0,"
  "  file TEXT NOT NULL);"
  "CREATE TRIGGER articles_flag_evidence AFTER UPDATE OF flag ON articles"
  "  WHEN new.flag != 0 AND old.flag = 0 AND new.page_state IN (0, 2, 5)"
  "  AND (new.url LIKE 'http://%' OR new.url LIKE 'https://%')"
  "  AND NOT EXISTS (SELECT 1 FROM evidence WHERE article_id = new.id)"
  "  AND (SELECT full_text FROM outlets WHERE id = new.outlet_id) != 2 BEGIN"
  "  UPDATE articles SET page_state = 1 WHERE id = new.id; END;"),

  /* 7 → 8: outlets without a feed (issue 16). An outlet is a feed, a
   * listing page whose article links a selector takes (next_selector and
   * pages: the archive read on the first fetch), or a sitemap. preview is
   * the last links a listing's selector took well (JSON), shown when
   * layout_changed says it stopped taking articles. */
  ("ALTER TABLE outlets ADD COLUMN kind TEXT NOT NULL DEFAULT 'feed'"
  "  CHECK (kind IN ('feed', 'listing', 'sitemap'));"
  "ALTER TABLE outlets ADD COLUMN selector TEXT;"
  "ALTER TABLE outlets ADD COLUMN next_selector TEXT;"
  "ALTER TABLE outlets ADD COLUMN pages INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE outlets ADD COLUMN preview TEXT;"
  "ALTER TABLE outlets ADD COLUMN layout_changed INTEGER NOT NULL DEFAULT 0;"),

  /* 8 → 9: an outlet removed with its annotated articles kept (flagged,
   * tagged or with a note) stays as a row marked removed: the kept
   * articles still name their outlet, while lists of outlets, the
   * scheduler and OPML leave it out. Adding its address again brings it
   * back (clip_store_add_outlet()). */
  "ALTER TABLE outlets ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;",

  /* 9 → 10: article pages in the outlet's health (issue 15). Per outlet,
   * its last 20 page fetches as bits (page_history, the newest lowest, 1
   * failed; page_checked: how many of the bits are fetches), the last
   * failure's message (page_error, NULL once a page is read again) and
   * when its pages may be asked again after the site failed
   * (page_next_attempt). Per host, the back-off of its pages (page_hosts),
   * so that a restarted service does not ask a failing site again at
   * once. The page picker takes its batches per outlet, newest first
   * (articles_page_waiting_outlet), so that a rule that matched 50,000
   * old articles (their pages wanted as evidence) does not hold up the
   * new articles' pages of other outlets. */
  ("ALTER TABLE outlets ADD COLUMN page_history INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE outlets ADD COLUMN page_checked INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE outlets ADD COLUMN page_error TEXT;"
  "ALTER TABLE outlets ADD COLUMN page_next_attempt INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE page_hosts ("
  "  host TEXT PRIMARY KEY,"
  "  failures INTEGER NOT NULL,"
  "  next_allowed INTEGER NOT NULL) WITHOUT ROWID;"
  "CREATE INDEX articles_page_waiting_outlet ON articles(outlet_id, id) WHERE page_state = 1;"),

  /* 10 → 11: every flagged or rule-matched article has its page kept as
   * evidence (issue 15). Before 10, only a flag and the new articles a
   * rule matched asked for it; the articles a rule matched over the
   * archive are asked for now, once, through the same bounded page
   * picker as any backlog. */
  "UPDATE articles SET page_state = 1 WHERE (flag != 0 OR EXISTS"
  " (SELECT 1 FROM matches m WHERE m.article_id = articles.id)) AND" CLIP_STORE_NEEDS_EVIDENCE ";",
};
