/* test-feed.c — the feed parser on our own fixtures (tests/data/feeds)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-article.h"
#include "clip-feed.h"
#include "clip-test-util.h"

#include <string.h>
#include <sys/resource.h>

static ClipFeed *
parse_fixture_with (const char *name, const char *content_type, const char *base)
{
  g_autofree char *path = clip_test_data_path (name);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  ClipFeed *feed;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  feed = clip_feed_parse (data, len, content_type, base, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
  return feed;
}

static ClipFeed *
parse_fixture (const char *name)
{
  return parse_fixture_with (name, NULL, NULL);
}

static ClipFeedItem *
item_at (ClipFeed *feed, guint i)
{
  g_assert_cmpuint (feed->items->len, >, i);
  return g_ptr_array_index (feed->items, i);
}

static gint64
utc (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static gboolean
has_problem (ClipFeed *feed, const char *kind)
{
  for (guint i = 0; i < feed->problems->len; i++)
    if (strcmp (((ClipFeedProblem *) g_ptr_array_index (feed->problems, i))->kind, kind) == 0)
      return TRUE;
  return FALSE;
}

static void
test_rss20 (void)
{
  g_autoptr(ClipFeed) feed = parse_fixture ("feeds/rss20.xml");
  ClipFeedItem *a, *b, *c;
  ClipEnclosure *e;

  g_assert_cmpint (feed->format, ==, CLIP_FEED_FORMAT_RSS20);
  g_assert_cmpstr (clip_feed_format_name (feed->format), ==, "rss20");
  g_assert_cmpstr (feed->encoding, ==, "utf-8");
  g_assert_cmpstr (feed->title, ==, "Civil News");
  g_assert_cmpstr (feed->subtitle, ==, "News & analysis");
  g_assert_cmpstr (feed->language, ==, "ka");
  g_assert_cmpint (feed->updated, ==, utc ("2019-10-18T11:00:00Z"));
  g_assert_cmpstr (feed->icon, ==, "http://news.example.ge/logo.png");
  g_assert_cmpuint (feed->problems->len, ==, 0);
  g_assert_cmpuint (feed->items->len, ==, 3);

  a = item_at (feed, 0);
  g_assert_cmpstr (a->title, ==, "Parliament votes on the bill");
  g_assert_cmpstr (a->link, ==, "http://news.example.ge/2019/10/18/vote");
  g_assert_cmpstr (a->id, ==, "vote-2019-10-18");
  g_assert_cmpint (a->published, ==, utc ("2019-10-18T14:45:00Z"));
  g_assert_cmpint (a->updated, ==, CLIP_NO_DATE);
  g_assert_cmpuint (a->authors->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (a->authors, 1), ==, "Giorgi Kapanadze");
  g_assert_cmpuint (a->categories->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (a->categories, 1), ==, "Parliament");
  g_assert_cmpstr (a->summary_html, ==, "<p>The vote was <b>close</b>.</p>");
  g_assert_cmpstr (a->summary_text, ==, "The vote was close.");
  g_assert_cmpstr (a->content_html, ==,
                   "<p>Full text with <a href=\"http://news.example.ge/related\">a link</a>.</p>");
  g_assert_cmpstr (a->content_text, ==, "Full text with a link.");
  g_assert_cmpuint (a->enclosures->len, ==, 1);
  e = g_ptr_array_index (a->enclosures, 0);
  g_assert_cmpstr (e->url, ==, "http://news.example.ge/photo.jpg");
  g_assert_cmpstr (e->type, ==, "image/jpeg");
  g_assert_cmpint (e->length, ==, 2048);

  /* a permalink guid; a Georgian outlet's date form */
  b = item_at (feed, 1);
  g_assert_cmpstr (b->id, ==, "http://news.example.ge/2");
  g_assert_cmpint (b->published, ==, utc ("2017-06-16T16:50:00Z"));
  g_assert_cmpstr (b->summary_text, ==, "Plain description");
  g_assert_null (b->content_html);

  /* no title, no guid: a stable id; an unreadable date is no date */
  c = item_at (feed, 2);
  g_assert_null (c->title);
  g_assert_false (has_problem (feed, "missing-element"));   /* it has a description */
  g_assert_cmpuint (strlen (c->id), ==, 40);
  g_assert_cmpint (c->published, ==, CLIP_NO_DATE);
  {
    g_autoptr(ClipFeed) again = parse_fixture ("feeds/rss20.xml");

    g_assert_cmpstr (item_at (again, 2)->id, ==, c->id);
  }
}

static void
test_rss09x (void)
{
  g_autoptr(ClipFeed) f91 = parse_fixture ("feeds/rss091.xml");
  g_autoptr(ClipFeed) f92 = parse_fixture ("feeds/rss092.xml");
  ClipFeedItem *item;

  g_assert_cmpint (f91->format, ==, CLIP_FEED_FORMAT_RSS091);
  g_assert_cmpstr (f91->encoding, ==, "iso-8859-1");
  g_assert_cmpstr (f91->title, ==, "Netscape\u00a0News");
  item = item_at (f91, 0);
  g_assert_cmpstr (item->title, ==, "Café opens");
  g_assert_cmpstr (item->summary_text, ==, "A café & a bar");
  /* &nbsp; and &eacute; are declared by the Netscape DTD it names */
  g_assert_false (has_problem (f91, "undefined-entity"));

  g_assert_cmpint (f92->format, ==, CLIP_FEED_FORMAT_RSS092);
  g_assert_false (has_problem (f92, "missing-element"));
  item = item_at (f92, 0);
  g_assert_null (item->title);
  g_assert_cmpstr (item->summary_html, ==, "Episode one <b>notes</b>");
  g_assert_cmpstr (g_ptr_array_index (item->categories, 0), ==, "Audio");
  g_assert_cmpint (((ClipEnclosure *) g_ptr_array_index (item->enclosures, 0))->length, ==, 12345);
}

static void
test_rdf (void)
{
  g_autoptr(ClipFeed) feed = parse_fixture ("feeds/rdf.xml");
  ClipFeedItem *item;
  g_autoptr(ClipArticle) article = NULL;

  g_assert_cmpint (feed->format, ==, CLIP_FEED_FORMAT_RSS10);
  g_assert_cmpstr (feed->language, ==, "ru");
  item = item_at (feed, 0);
  g_assert_cmpstr (item->id, ==, "http://rdf.example/1");
  g_assert_cmpstr (item->title, ==, "Первая новость");
  g_assert_cmpint (item->published, ==, utc ("2003-12-31T10:14:55Z"));
  g_assert_cmpstr (g_ptr_array_index (item->categories, 0), ==, "Политика");
  article = clip_feed_item_to_article (item, feed);
  g_assert_cmpstr (article->author, ==, "Иван Петров");
  g_assert_cmpstr (article->lang, ==, "ru");
  g_assert_cmpstr (article->guid, ==, "http://rdf.example/1");
  g_assert_cmpint (article->outlet_id, ==, 0);
}

static void
test_atom03 (void)
{
  g_autoptr(ClipFeed) feed = parse_fixture ("feeds/atom03.xml");
  ClipFeedItem *item;

  g_assert_cmpint (feed->format, ==, CLIP_FEED_FORMAT_ATOM03);
  g_assert_cmpstr (feed->subtitle, ==, "An old format");
  g_assert_cmpstr (feed->link, ==, "http://atom03.example/");
  g_assert_cmpint (feed->updated, ==, utc ("2004-01-01T19:48:21Z"));
  item = item_at (feed, 0);
  g_assert_cmpstr (item->title, ==, "Base64 title");
  g_assert_cmpstr (item->id, ==, "tag:atom03.example,2004:1");
  g_assert_cmpint (item->published, ==, utc ("2003-12-31T10:14:55Z"));
  g_assert_cmpint (item->updated, ==, utc ("2004-01-01T19:48:21Z"));
  g_assert_cmpstr (g_ptr_array_index (item->authors, 0), ==, "Mark");
  g_assert_cmpstr (item->summary_html, ==, "<p>Escaped summary</p>");
  g_assert_cmpstr (item->content_html, ==, "<p>Inline <b>XHTML</b></p>");
}

static void
test_atom10 (void)
{
  g_autoptr(ClipFeed) feed = parse_fixture ("feeds/atom10.xml");
  g_autoptr(ClipArticle) article = NULL;
  ClipFeedItem *a, *b;
  ClipEnclosure *e;

  g_assert_cmpint (feed->format, ==, CLIP_FEED_FORMAT_ATOM10);
  g_assert_cmpstr (feed->title, ==, "Atom & co");
  g_assert_cmpstr (feed->subtitle, ==, "Bold subtitle");
  g_assert_cmpstr (feed->link, ==, "http://atom.example/blog/");
  g_assert_cmpstr (feed->icon, ==, "http://atom.example/blog/favicon.ico");
  g_assert_cmpstr (feed->language, ==, "en");
  a = item_at (feed, 0);
  g_assert_cmpstr (a->title, ==, "An XHTML title");
  g_assert_cmpstr (a->link, ==, "http://atom.example/blog/posts/first");
  g_assert_cmpint (a->published, ==, utc ("2024-11-26T06:00:00Z"));
  g_assert_cmpint (a->updated, ==, utc ("2024-11-27T00:32:00Z"));
  g_assert_cmpuint (a->authors->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (a->categories, 0), ==, "georgia");
  g_assert_cmpstr (g_ptr_array_index (a->categories, 1), ==, "elections");
  e = g_ptr_array_index (a->enclosures, 0);
  g_assert_cmpstr (e->url, ==, "http://atom.example/blog/posts/media/first.ogg");
  g_assert_cmpint (e->length, ==, 999);
  /* type="text": the brackets are words, not markup */
  g_assert_cmpstr (a->summary_text, ==, "A plain <summary> with brackets");
  g_assert_cmpstr (a->summary_html, ==, "A plain &lt;summary&gt; with brackets");
  g_assert_cmpstr (a->content_html, ==,
                   "<p>ქართული <a href=\"http://atom.example/blog/about\">ტექსტი</a></p>"
                   "<img src=\"http://atom.example/blog/posts/pic.png\" alt=\"x\">");
  article = clip_feed_item_to_article (a, feed);
  g_assert_cmpstr (article->author, ==, "Ana, Levan");
  g_assert_cmpstr (article->lang, ==, "en");

  b = item_at (feed, 1);
  g_assert_cmpuint (strlen (b->id), ==, 40);
  g_assert_cmpint (b->updated, ==, utc ("2004-01-01T19:48:21Z"));
  g_assert_cmpint (b->published, ==, CLIP_NO_DATE);
  /* only content: the summary is made from it */
  g_assert_cmpstr (b->content_text, ==, "Only content");
  g_assert_cmpstr (b->summary_text, ==, "Only content");
}

static void
test_json_feed (void)
{
  g_autoptr(ClipFeed) f10 = parse_fixture ("feeds/jsonfeed10.json");
  g_autoptr(ClipFeed) f11 = parse_fixture_with ("feeds/jsonfeed11.json", "application/feed+json",
                                                "https://json.example/feed.json");
  ClipFeedItem *item;

  g_assert_cmpint (f10->format, ==, CLIP_FEED_FORMAT_JSON10);
  item = item_at (f10, 0);
  g_assert_cmpstr (item->id, ==, "1");
  g_assert_cmpstr (item->content_html, ==, "<p>Hello world</p>");
  g_assert_cmpstr (g_ptr_array_index (item->authors, 0), ==, "Feed Author");
  g_assert_cmpint (item->published, ==, utc ("2017-06-16T12:50:00Z"));
  g_assert_cmpuint (item->categories->len, ==, 2);
  g_assert_cmpint (((ClipEnclosure *) g_ptr_array_index (item->enclosures, 0))->length, ==, 100);

  g_assert_cmpint (f11->format, ==, CLIP_FEED_FORMAT_JSON11);
  g_assert_cmpstr (f11->language, ==, "ka-ge");
  g_assert_cmpstr (f11->icon, ==, "https://json.example/icon.png");
  item = item_at (f11, 0);
  g_assert_cmpstr (item->link, ==, "https://json.example/posts/1");
  g_assert_cmpstr (item->content_text, ==, "Line one\nLine <two>");
  g_assert_cmpstr (item->summary_text, ==, "Short");
  g_assert_cmpstr (item->language, ==, "en");
  g_assert_cmpuint (item->authors->len, ==, 2);
  g_assert_cmpint (item->updated, ==, utc ("2024-11-27T00:32:00Z"));
}

static void
test_encodings (void)
{
  const char *ru = "Новости Грузии";
  g_autoptr(ClipFeed) cp1251 = parse_fixture ("feeds/windows-1251.xml");
  g_autoptr(ClipFeed) koi8 = parse_fixture ("feeds/koi8-r.xml");
  g_autoptr(ClipFeed) sniffed = parse_fixture ("feeds/undeclared-1251.xml");
  g_autoptr(ClipFeed) http = parse_fixture_with ("feeds/koi8-r.xml", "text/xml; charset=\"KOI8-R\"", NULL);
  g_autoptr(ClipFeed) wrong = parse_fixture_with ("feeds/koi8-r.xml",
                                                  "application/rss+xml; charset=windows-1251", NULL);

  g_assert_cmpstr (cp1251->encoding, ==, "windows-1251");
  g_assert_cmpstr (cp1251->title, ==, ru);
  g_assert_cmpstr (item_at (cp1251, 0)->title, ==, "Парламент принял закон");
  g_assert_cmpstr (koi8->encoding, ==, "koi8-r");
  g_assert_cmpstr (koi8->title, ==, ru);
  g_assert_cmpuint (koi8->problems->len, ==, 0);
  /* no declaration, not UTF-8: guessed, and said so */
  g_assert_cmpstr (sniffed->encoding, ==, "windows-1251");
  g_assert_cmpstr (sniffed->title, ==, ru);
  g_assert_true (has_problem (sniffed, "encoding"));
  g_assert_cmpstr (http->encoding, ==, "koi8-r");
  /* RFC 7303: the HTTP charset outranks the XML declaration; but KOI8-R
   * bytes read as windows-1251 are capitals after a small letter, so
   * the label is seen to lie, and said to (test-feed-input.c) */
  g_assert_cmpstr (wrong->encoding, ==, "koi8-r");
  g_assert_cmpstr (wrong->title, ==, ru);
  g_assert_true (has_problem (wrong, "encoding"));
}

static void
test_broken (void)
{
  g_autoptr(ClipFeed) feed = parse_fixture ("feeds/broken.xml");
  ClipFeedProblem *first;

  g_assert_cmpstr (item_at (feed, 0)->title, ==, "First survives");
  g_assert_cmpuint (feed->items->len, >=, 2);
  g_assert_true (has_problem (feed, "not-well-formed"));
  first = g_ptr_array_index (feed->problems, 0);
  g_assert_cmpint (first->line, >, 0);
  g_assert_nonnull (first->message);
  /* the bare ampersand was read as the publisher meant it */
  g_assert_cmpstr (item_at (feed, feed->items->len - 1)->link, ==, "http://broken.example/3?a=1&b=2");
}

static void
assert_clean (const char *html)
{
  g_autofree char *lower = g_ascii_strdown (html ? html : "", -1);
  static const char * const bad[] = {
    "<script", "onclick", "onerror", "onload", "javascript", "vbscript", "data:",
    "<iframe", "<object", "<form", "<input", "<style", "style=", "<svg", "class=",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (strstr (lower, bad[i]) != NULL)
      g_error ("“%s” survived in %s", bad[i], html);
}

static void
test_hostile_html (void)
{
  g_autoptr(ClipFeed) feed = parse_fixture ("feeds/hostile.xml");
  ClipFeedItem *item = item_at (feed, 0);

  g_assert_null (feed->link);
  g_assert_null (item->link);
  g_assert_cmpuint (item->enclosures->len, ==, 0);
  g_assert_cmpstr (item->title, ==, "Safe title");
  assert_clean (item->summary_html);
  g_assert_nonnull (strstr (item->summary_html, "<img src=\"x.png\">"));
  /* the text holds what a reader sees, never a class name or a script */
  g_assert_cmpstr (item->summary_text, ==, "Text\n\nvd obfuscated\nclass text");
}

/* A title, link or description inside another element (an <image>, a
 * media:group, an extension's) is not the channel's or the item's own,
 * wherever it comes. */
static void
test_nested_elements (void)
{
  g_autoptr(ClipFeed) rss = parse_fixture ("feeds/nested-rss.xml");
  g_autoptr(ClipFeed) atom = parse_fixture ("feeds/nested-atom.xml");
  ClipFeedItem *item;
  ClipEnclosure *e;

  g_assert_cmpstr (rss->title, ==, "Nested News");
  g_assert_cmpstr (rss->link, ==, "http://nested.example/");
  g_assert_cmpstr (rss->icon, ==, "http://nested.example/logo.png");
  g_assert_cmpuint (rss->items->len, ==, 4);

  item = item_at (rss, 0);
  g_assert_cmpstr (item->title, ==, "Own title");
  g_assert_cmpstr (item->link, ==, "http://nested.example/own");
  g_assert_cmpstr (item->summary_text, ==, "Own description");
  g_assert_null (item->content_html);

  /* a media:group's own elements still count: its enclosure */
  item = item_at (rss, 1);
  g_assert_cmpstr (item->title, ==, "Second own title");
  g_assert_cmpstr (item->link, ==, "http://nested.example/second");
  g_assert_cmpstr (item->summary_text, ==, "Second own description");
  g_assert_null (item->content_html);
  g_assert_cmpuint (item->enclosures->len, ==, 1);
  e = g_ptr_array_index (item->enclosures, 0);
  g_assert_cmpstr (e->url, ==, "http://nested.example/clip.mp4");
  g_assert_cmpint (e->length, ==, 42);

  item = item_at (rss, 2);
  g_assert_cmpstr (item->title, ==, "Third own title");
  g_assert_cmpstr (item->link, ==, "http://nested.example/third");
  g_assert_cmpstr (item->summary_text, ==, "Third own description");
  g_assert_null (item->content_html);

  /* … and stand in when the item has no title or description of its own */
  item = item_at (rss, 3);
  g_assert_cmpstr (item->title, ==, "Only a group title");
  g_assert_cmpstr (item->summary_text, ==, "Only a group description");
  g_assert_cmpstr (item->link, ==, "http://nested.example/fourth");

  g_assert_cmpstr (atom->title, ==, "Nested Atom");
  g_assert_cmpstr (atom->link, ==, "http://nested.example/atom/");
  item = item_at (atom, atom->items->len - 1);
  g_assert_cmpstr (item->title, ==, "Own entry title");
  g_assert_cmpstr (item->link, ==, "http://nested.example/entry");
  g_assert_cmpstr (item->summary_text, ==, "Own summary");
}

/* An <entry> inside an extension element is not an entry of the feed. */
static void
test_foreign_entry (void)
{
  g_autoptr(ClipFeed) feed = parse_fixture ("feeds/nested-atom.xml");

  g_assert_cmpuint (feed->items->len, ==, 1);
  g_assert_cmpstr (item_at (feed, 0)->id, ==, "tag:nested.example,2024:entry");
}

static const char *
only_author (ClipFeedItem *item)
{
  g_assert_cmpuint (item->authors->len, ==, 1);
  return g_ptr_array_index (item->authors, 0);
}

/* RFC 4287 §4.2.1: an entry with no author has its <source>'s, else the
 * feed's, even when the feed names them after its entries. */
static void
test_atom_inherited_authors (void)
{
  g_autoptr(ClipFeed) feed = parse_fixture ("feeds/atom-authors.xml");
  const char *late = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Late</title>"
                     "<entry><title>e</title><id>e</id></entry>"
                     "<author><name>Named last</name></author></feed>";
  const char *rss = "<rss version=\"2.0\"><channel><title>R</title>"
                    "<managingEditor>ed@rss.example (Editor)</managingEditor>"
                    "<item><title>i</title></item></channel></rss>";
  g_autoptr(ClipFeed) after = clip_feed_parse (late, strlen (late), NULL, NULL, NULL);
  g_autoptr(ClipFeed) channel = clip_feed_parse (rss, strlen (rss), NULL, NULL, NULL);
  g_autoptr(ClipArticle) article = NULL;
  ClipFeedItem *item;

  g_assert_cmpuint (feed->items->len, ==, 4);
  g_assert_cmpstr (only_author (item_at (feed, 0)), ==, "Entry Author");
  item = item_at (feed, 1);
  g_assert_cmpstr (only_author (item), ==, "Source Author");
  g_assert_cmpstr (item->title, ==, "Copied");   /* not the source's */
  g_assert_cmpstr (item->id, ==, "tag:authors.example,2024:2");
  g_assert_null (item->link);
  item = item_at (feed, 2);
  g_assert_cmpuint (item->authors->len, ==, 2);
  article = clip_feed_item_to_article (item, feed);
  g_assert_cmpstr (article->author, ==, "Feed Author, desk@authors.example");
  g_assert_cmpstr (only_author (item_at (feed, 3)), ==, "Creator");

  g_assert_cmpstr (only_author (item_at (after, 0)), ==, "Named last");
  /* RSS has no such rule */
  g_assert_cmpuint (item_at (channel, 0)->authors->len, ==, 0);
}

/* An RSS channel's <link> is its page; an atom:link to another feed (an
 * alternate of a feed type) does not replace it. */
static void
test_rss_channel_link (void)
{
  g_autoptr(ClipFeed) feed = parse_fixture ("feeds/rss-atom-link.xml");
  const char *no_link = "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">"
                        "<channel><title>T</title><atom:link rel=\"alternate\" type=\"text/html\""
                        " href=\"http://linked.example/page\"/></channel></rss>";
  g_autoptr(ClipFeed) page = clip_feed_parse (no_link, strlen (no_link), NULL, NULL, NULL);

  g_assert_cmpstr (feed->link, ==, "http://linked.example/");
  g_assert_cmpstr (item_at (feed, 0)->link, ==, "http://linked.example/1");
  /* an alternate that is a page still is the link */
  g_assert_cmpstr (page->link, ==, "http://linked.example/page");
}

/* An Atom text of an unknown type is text as written; only media types
 * that are neither text nor XML are base64. */
static void
test_atom_unknown_text_type (void)
{
  g_autoptr(ClipFeed) feed = parse_fixture ("feeds/atom-text-types.xml");
  ClipFeedItem *item;

  g_assert_cmpstr (feed->title, ==, "Typed");
  g_assert_cmpstr (feed->subtitle, ==, "Words as written");
  item = item_at (feed, 0);
  g_assert_cmpstr (item->title, ==, "Election day");
  g_assert_cmpstr (item->summary_text, ==, "Polls close at eight");
  g_assert_cmpstr (item->content_text, ==, "Turnout was high");
  item = item_at (feed, 1);
  g_assert_cmpstr (item->title, ==, "Election day");
  g_assert_cmpstr (item->content_text, ==, "Turnout was high");
}

typedef struct {
  gint64 micros;
  long   maxrss_kb;
} Cost;

static ClipFeed *
parse_timed (const char *data, gsize len, Cost *cost)
{
  struct rusage ru;
  gint64 start = g_get_monotonic_time ();
  ClipFeed *feed = clip_feed_parse (data, len, NULL, NULL, NULL);

  cost->micros = g_get_monotonic_time () - start;
  getrusage (RUSAGE_SELF, &ru);
  cost->maxrss_kb = ru.ru_maxrss;
  return feed;
}

static void
assert_attack_contained (const char *what, const char *data, gsize len, const char *kind)
{
  struct rusage before;
  Cost cost;
  g_autoptr(ClipFeed) feed = NULL;

  getrusage (RUSAGE_SELF, &before);
  feed = parse_timed (data, len, &cost);
  g_test_message ("%s: %.1f ms, peak RSS +%ld KiB", what, cost.micros / 1000.0,
                  cost.maxrss_kb - before.ru_maxrss);
  g_assert_nonnull (feed);
  if (!has_problem (feed, kind))
    g_error ("%s: no “%s” problem", what, kind);
  g_assert_cmpint (cost.micros, <, G_USEC_PER_SEC);
  g_assert_cmpint (cost.maxrss_kb - before.ru_maxrss, <, 64 * 1024);
  for (guint i = 0; i < feed->items->len; i++)
    {
      ClipFeedItem *item = g_ptr_array_index (feed->items, i);

      g_assert_true (item->title == NULL || strlen (item->title) < 4096);
      g_assert_true (item->summary_text == NULL || strstr (item->summary_text, "root:") == NULL);
    }
}

static void
test_attacks (void)
{
  g_autofree char *laughs = NULL, *xxe = NULL;
  g_autofree char *laughs_path = clip_test_data_path ("feeds/billion-laughs.xml");
  g_autofree char *xxe_path = clip_test_data_path ("feeds/xxe.xml");
  GString *quadratic = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"");
  GString *deep = g_string_new ("<rss version=\"2.0\"><channel><title>Deep</title><item><title>t</title><description>");
  gsize len;

  g_assert_true (g_file_get_contents (laughs_path, &laughs, &len, NULL));
  assert_attack_contained ("billion laughs", laughs, len, "entity-declaration");
  g_assert_true (g_file_get_contents (xxe_path, &xxe, &len, NULL));
  assert_attack_contained ("external entity", xxe, len, "entity-declaration");

  /* quadratic blowup: one 64 KiB entity referenced 20,000 times */
  for (int i = 0; i < 65536; i++)
    g_string_append_c (quadratic, 'a');
  g_string_append (quadratic, "\">]>\n<rss version=\"2.0\"><channel><title>Q</title><item><description>");
  for (int i = 0; i < 20000; i++)
    g_string_append (quadratic, "&a;");
  g_string_append (quadratic, "</description></item></channel></rss>");
  assert_attack_contained ("quadratic blowup", quadratic->str, quadratic->len, "entity-declaration");
  g_string_free (quadratic, TRUE);

  /* 10,000 nested elements, in the feed and in an item's HTML */
  for (int i = 0; i < 10000; i++)
    g_string_append (deep, "<div>");
  g_string_append (deep, "</description></item></channel></rss>");
  assert_attack_contained ("10,000-deep nesting", deep->str, deep->len, "limit");
  g_string_free (deep, TRUE);
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  gsize big = 16 * 1024 * 1024 + 1;
  g_autofree char *huge = g_malloc0 (big);
  GString *many = g_string_new ("<rss version=\"2.0\"><channel><title>Many</title>");
  g_autoptr(ClipFeed) feed = NULL;
  ClipFeed *none;

  memset (huge, ' ', big);
  none = clip_feed_parse (huge, big, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, CLIP_FEED_ERROR, CLIP_FEED_ERROR_TOO_LARGE);

  for (int i = 0; i < 5100; i++)
    g_string_append_printf (many, "<item><title>%d</title></item>", i);
  g_string_append (many, "</channel></rss>");
  feed = clip_feed_parse (many->str, many->len, NULL, NULL, NULL);
  g_assert_nonnull (feed);
  g_assert_cmpuint (feed->items->len, ==, 5000);
  g_assert_true (has_problem (feed, "limit"));
  g_string_free (many, TRUE);
}

static void
assert_refused (const char *data, ClipFeedError code)
{
  g_autoptr(GError) error = NULL;
  ClipFeed *feed = clip_feed_parse (data, strlen (data), NULL, NULL, &error);

  g_assert_null (feed);
  g_assert_error (error, CLIP_FEED_ERROR, (gint) code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_missing_elements (void)
{
  const char *rss = "<rss version=\"2.0\"><channel><link>http://x/</link>\n"
                    "<item><link>http://x/1</link></item></channel></rss>";
  g_autoptr(ClipFeed) feed = clip_feed_parse (rss, strlen (rss), NULL, NULL, NULL);
  const char *json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{}]}";
  g_autoptr(ClipFeed) jf = clip_feed_parse (json, strlen (json), NULL, NULL, NULL);
  guint missing = 0;

  g_assert_nonnull (feed);
  for (guint i = 0; i < feed->problems->len; i++)
    {
      ClipFeedProblem *p = g_ptr_array_index (feed->problems, i);

      if (strcmp (p->kind, "missing-element") == 0)
        missing++;
      if (strstr (p->message, "item") != NULL)
        g_assert_cmpint (p->line, ==, 2);
    }
  /* the feed's title, and the item's title or description */
  g_assert_cmpuint (missing, ==, 2);
  g_assert_cmpuint (feed->items->len, ==, 1);
  g_assert_nonnull (jf);
  g_assert_true (has_problem (jf, "missing-element"));
}

static void
test_not_a_feed (void)
{
  assert_refused ("<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>",
                  CLIP_FEED_ERROR_NOT_A_FEED);
  assert_refused ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                  CLIP_FEED_ERROR_NOT_A_FEED);
  assert_refused ("just some words", CLIP_FEED_ERROR_NOT_A_FEED);
  assert_refused ("{\"not\": \"a feed\"}", CLIP_FEED_ERROR_NOT_A_FEED);
  assert_refused ("   \n ", CLIP_FEED_ERROR_UNREADABLE);
  assert_refused ("<", CLIP_FEED_ERROR_UNREADABLE);
}

static gpointer
parse_many (gpointer data)
{
  const char * const names[] = {
    "feeds/rss20.xml", "feeds/atom10.xml", "feeds/rdf.xml", "feeds/koi8-r.xml",
    "feeds/hostile.xml", "feeds/billion-laughs.xml", "feeds/jsonfeed11.json",
  };

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(ClipFeed) feed = parse_fixture (names[(i + GPOINTER_TO_UINT (data)) % G_N_ELEMENTS (names)]);

      g_assert_cmpuint (feed->items->len, >, 0);
    }
  return NULL;
}

/* The fetch service parses on worker threads. */
static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("parse", parse_many, GUINT_TO_POINTER (i));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
test_discover (void)
{
  g_autofree char *path = clip_test_data_path ("feeds/discover.html");
  g_autofree char *html = NULL;
  g_autoptr(GPtrArray) links = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &html, &len, NULL));
  links = clip_feed_discover_links (html, len, "https://outlet.example/");
  g_assert_cmpuint (links->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (links, 0), ==, "https://outlet.example/news/feed.xml");
  g_assert_cmpstr (g_ptr_array_index (links, 1), ==, "https://outlet.example/atom.xml");
  g_assert_cmpstr (g_ptr_array_index (links, 2), ==, "https://outlet.example/feed.json");
  g_ptr_array_unref (g_steal_pointer (&links));
  links = clip_feed_discover_links ("<p>nothing</p>", 14, NULL);
  g_assert_cmpuint (links->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/feed/rss20", test_rss20);
  g_test_add_func ("/feed/rss09x", test_rss09x);
  g_test_add_func ("/feed/rdf", test_rdf);
  g_test_add_func ("/feed/atom03", test_atom03);
  g_test_add_func ("/feed/atom10", test_atom10);
  g_test_add_func ("/feed/json-feed", test_json_feed);
  g_test_add_func ("/feed/encodings", test_encodings);
  g_test_add_func ("/feed/broken", test_broken);
  g_test_add_func ("/feed/hostile-html", test_hostile_html);
  g_test_add_func ("/feed/nested-elements", test_nested_elements);
  g_test_add_func ("/feed/foreign-entry", test_foreign_entry);
  g_test_add_func ("/feed/atom-inherited-authors", test_atom_inherited_authors);
  g_test_add_func ("/feed/rss-channel-link", test_rss_channel_link);
  g_test_add_func ("/feed/atom-unknown-text-type", test_atom_unknown_text_type);
  g_test_add_func ("/feed/attacks", test_attacks);
  g_test_add_func ("/feed/limits", test_limits);
  g_test_add_func ("/feed/missing-elements", test_missing_elements);
  g_test_add_func ("/feed/not-a-feed", test_not_a_feed);
  g_test_add_func ("/feed/discover", test_discover);
  g_test_add_func ("/feed/threads", test_threads);
  return g_test_run ();
}
