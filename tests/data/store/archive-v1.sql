-- An archive as schema 1 left it (Clippings 0.1 development), with rows.
-- Frozen: never regenerate this from the current schema.
PRAGMA page_size = 16384;
CREATE TABLE outlets (  id INTEGER PRIMARY KEY,  url TEXT NOT NULL UNIQUE,  name TEXT NOT NULL DEFAULT '',  site_url TEXT,  grp TEXT NOT NULL DEFAULT '',  interval INTEGER NOT NULL DEFAULT 900,  enabled INTEGER NOT NULL DEFAULT 1,  created INTEGER NOT NULL DEFAULT 0,  etag TEXT,  last_modified TEXT,  last_success INTEGER NOT NULL DEFAULT 0,  last_attempt INTEGER NOT NULL DEFAULT 0,  last_error TEXT,  failures INTEGER NOT NULL DEFAULT 0,  next_attempt INTEGER NOT NULL DEFAULT 0);
CREATE TABLE articles (  id INTEGER PRIMARY KEY AUTOINCREMENT,  outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,  guid TEXT NOT NULL,  url TEXT,  canonical_url TEXT,  title TEXT NOT NULL DEFAULT '',  author TEXT NOT NULL DEFAULT '',  summary_html TEXT,  summary_text TEXT,  content_html TEXT,  content_text TEXT,  body TEXT GENERATED ALWAYS AS    (coalesce(nullif(content_text, ''), summary_text, '')) VIRTUAL,  lang TEXT,  published INTEGER,  updated INTEGER,  fetched INTEGER NOT NULL,  content_hash TEXT NOT NULL,  read INTEGER NOT NULL DEFAULT 0,  starred INTEGER NOT NULL DEFAULT 0,  flag INTEGER NOT NULL DEFAULT 0,  note TEXT,  UNIQUE (outlet_id, guid));
CREATE INDEX articles_canonical ON articles(canonical_url);
CREATE INDEX articles_outlet ON articles(outlet_id, id);
CREATE VIRTUAL TABLE articles_fts USING fts5(  title, body, author, content='articles', content_rowid='id',  tokenize='clip');
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN  INSERT INTO articles_fts(rowid, title, body, author)  VALUES (new.id, new.title, new.body, new.author);
 END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN  INSERT INTO articles_fts(articles_fts, rowid, title, body, author)  VALUES ('delete', old.id, old.title, old.body, old.author);
 END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, summary_text,  content_text, author ON articles BEGIN  INSERT INTO articles_fts(articles_fts, rowid, title, body, author)  VALUES ('delete', old.id, old.title, old.body, old.author);
  INSERT INTO articles_fts(rowid, title, body, author)  VALUES (new.id, new.title, new.body, new.author); END;
INSERT INTO outlets (id, url, name, grp, created) VALUES
  (1, 'https://civil.ge/feed', 'Civil Georgia', 'Georgia', 1700000000),
  (2, 'https://meduza.io/rss/all', 'Meduza', 'Russia', 1700000000);
INSERT INTO articles (outlet_id, guid, url, canonical_url, title, author, summary_html, summary_text, lang, published, fetched, content_hash, read, flag, note) VALUES
  (1, 'civil-1', 'https://civil.ge/archives/1', 'https://civil.ge/archives/1', 'Parliament passes the foreign agents law', 'Civil.ge', '<p>Tbilisi protests continue.</p>', 'Tbilisi protests continue.', 'en', 1700000100, 1700000200, 'h1', 1, 1, 'check this'),
  (2, 'meduza-1', 'https://meduza.io/news/1', 'https://meduza.io/news/1', 'Кремль прокомментировал выборы в Грузии', 'Медуза', '<p>Вмешательство России.</p>', 'Вмешательство России.', 'ru', 1700000300, 1700000400, 'h2', 0, 0, NULL);
PRAGMA user_version = 1;
