/* fuzz-feed.c — the feed parser: any bytes, under the Content-Types
 * servers send, give a feed of valid UTF-8 or an error, and never crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"
#include "clip-article.h"
#include "clip-feed.h"

static void
check_item (const ClipFeedItem *item, const ClipFeed *feed)
{
  g_autoptr(ClipArticle) a = clip_feed_item_to_article (item, feed);

  FUZZ_CHECK (item->id != NULL, "an item without an id");
  fuzz_check_utf8 ("id", item->id);
  fuzz_check_utf8 ("link", item->link);
  fuzz_check_utf8 ("title", item->title);
  fuzz_check_utf8 ("summary_html", item->summary_html);
  fuzz_check_utf8 ("summary_text", item->summary_text);
  fuzz_check_utf8 ("content_html", item->content_html);
  fuzz_check_utf8 ("content_text", item->content_text);
  fuzz_check_utf8 ("language", item->language);
  for (guint i = 0; i < item->authors->len; i++)
    fuzz_check_utf8 ("author", g_ptr_array_index (item->authors, i));
  for (guint i = 0; i < item->categories->len; i++)
    fuzz_check_utf8 ("category", g_ptr_array_index (item->categories, i));
  for (guint i = 0; i < item->enclosures->len; i++)
    fuzz_check_utf8 ("enclosure", ((ClipEnclosure *) g_ptr_array_index (item->enclosures, i))->url);
  fuzz_check_utf8 ("article author", a->author);
}

/* parse --json's problem kinds are a public contract (README). */
static gboolean
known_kind (const char *kind)
{
  static const char *kinds[] = {
    "not-well-formed", "encoding", "undefined-entity", "entity-declaration",
    "namespace", "missing-element", "content-type", "limit",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      return TRUE;
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* Picked by the input's length, so that a seed stays the feed it is. */
  static const char *types[] = {
    NULL, "application/rss+xml", "text/xml; charset=windows-1251",
    "application/feed+json", "text/html; charset=koi8-r", "application/atom+xml; charset=utf-16",
    "text/xml; charset=iso-8859-1", "application/xml; charset=gb2312",
  };
  g_autoptr(ClipFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  feed = clip_feed_parse ((const char *) data, size, types[size % G_N_ELEMENTS (types)],
                          "https://outlet.example/news/feed.xml", &error);
  FUZZ_CHECK ((feed == NULL) != (error == NULL), "a feed and an error, or neither");
  if (feed == NULL)
    {
      fuzz_check_utf8 ("error", error->message);
      return 0;
    }
  fuzz_check_utf8 ("encoding", feed->encoding);
  fuzz_check_utf8 ("feed title", feed->title);
  fuzz_check_utf8 ("feed link", feed->link);
  fuzz_check_utf8 ("subtitle", feed->subtitle);
  fuzz_check_utf8 ("feed language", feed->language);
  for (guint i = 0; i < feed->items->len; i++)
    check_item (g_ptr_array_index (feed->items, i), feed);
  for (guint i = 0; i < feed->problems->len; i++)
    {
      const ClipFeedProblem *p = g_ptr_array_index (feed->problems, i);

      fuzz_check_utf8 ("problem", p->message);
      FUZZ_CHECK (known_kind (p->kind), "a problem of kind %s", p->kind);
      FUZZ_CHECK (p->line >= 0, "a problem on line %d", p->line);
    }
  return 0;
}
