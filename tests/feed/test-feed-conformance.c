/* test-feed-conformance.c — the parser held against feedparser's test suite
 *
 * Runs every expectation of ../shared/corpus/feedparser that concerns a
 * field we keep (feedparser's names mapped to ours below), prints the pass
 * rate per category and fails when a rate drops below its floor. The 745
 * hostile files of wellformed/sanitize/ are checked differently: whatever
 * we output from them must carry no script, style, event handler or
 * dangerous URL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-charset.h"
#include "clip-feed.h"
#include "clip-html-sanitize.h"
#include "clip-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

typedef struct {
  guint passed;
  guint total;
  guint not_applicable;
} Tally;

typedef enum { CHECK_NA, CHECK_PASS, CHECK_FAIL } Outcome;

typedef struct {
  char       *root;
  GHashTable *content_type;     /* path → Content-Type */
  GHashTable *content_location; /* path → Content-Location */
  GHashTable *tallies;          /* category → Tally* */
  GString    *failures;
} Run;

static Tally *
tally_for (Run *run, const char *category)
{
  Tally *t = g_hash_table_lookup (run->tallies, category);

  if (t == NULL)
    {
      t = g_new0 (Tally, 1);
      g_hash_table_insert (run->tallies, g_strdup (category), t);
    }
  return t;
}

static char *
unescape_tsv (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s; s++)
    {
      if (*s == '\\' && s[1])
        {
          s++;
          g_string_append_c (out, *s == 't' ? '\t' : *s == 'n' ? '\n' : *s == 'r' ? '\r' : *s);
        }
      else
        g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

static void
load_headers (Run *run)
{
  g_autofree char *path = g_build_filename (run->root, "HTTP-HEADERS.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", 3);

      if (g_strv_length (cols) < 3)
        continue;
      if (g_ascii_strcasecmp (cols[1], "Content-type") == 0)
        g_hash_table_insert (run->content_type, g_strdup (cols[0]), unescape_tsv (cols[2]));
      else if (g_ascii_strcasecmp (cols[1], "Content-Location") == 0)
        g_hash_table_insert (run->content_location, g_strdup (cols[0]), unescape_tsv (cols[2]));
    }
}

/* What a person reads from feedparser's value (it keeps HTML where we keep
 * plain text), compared with our plain text, whitespace collapsed. */
static char *
plain (const char *html)
{
  g_autofree char *text = clip_html_to_text (html, -1);
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      {
        if (out->len)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (out, FALSE);
}

static Outcome
compare_text (const char *ours, JsonNode *rhs, gboolean as_html)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!JSON_NODE_HOLDS_VALUE (rhs) || json_node_get_value_type (rhs) != G_TYPE_STRING)
    return CHECK_NA;
  if (as_html)
    {
      /* ours is plain text already: only spaces are normalised */
      g_auto(GStrv) words = g_strsplit_set (ours ? ours : "", " \t\r\n", -1);
      GString *joined = g_string_new (NULL);

      for (guint i = 0; words[i]; i++)
        if (*words[i])
          g_string_append_printf (joined, "%s%s", joined->len ? " " : "", words[i]);
      a = g_string_free (joined, FALSE);
      b = plain (json_node_get_string (rhs));
      /* feedparser's value is HTML, or the text itself for text/plain */
      if (strcmp (a, b) != 0)
        {
          g_free (b);
          b = g_strstrip (g_strdup (json_node_get_string (rhs)));
        }
    }
  else
    {
      a = g_strdup (ours ? ours : "");
      b = g_strstrip (g_strdup (json_node_get_string (rhs)));
    }
  return strcmp (a, b) == 0 ? CHECK_PASS : CHECK_FAIL;
}

/* We keep language tags in lower case, as BCP 47 compares them. */
static Outcome
compare_language (const char *ours, JsonNode *rhs)
{
  if (json_node_get_value_type (rhs) != G_TYPE_STRING)
    return CHECK_NA;
  return ours && g_ascii_strcasecmp (ours, json_node_get_string (rhs)) == 0 ? CHECK_PASS : CHECK_FAIL;
}

static Outcome
compare_time (gint64 ours, JsonObject *check)
{
  const char *utc = json_object_get_string_member_with_default (check, "rhs_utc", NULL);
  g_autoptr(GDateTime) dt = utc ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;

  if (dt == NULL)
    return CHECK_NA;
  return ours == g_date_time_to_unix (dt) ? CHECK_PASS : CHECK_FAIL;
}

static const char *
str_at (GPtrArray *array, gint64 i)
{
  return i >= 0 && (guint) i < array->len ? g_ptr_array_index (array, i) : NULL;
}

static gboolean
key_is (JsonArray *lhs, guint i, const char *name)
{
  JsonNode *n = i < json_array_get_length (lhs) ? json_array_get_element (lhs, i) : NULL;

  return n && json_node_get_value_type (n) == G_TYPE_STRING &&
         strcmp (json_node_get_string (n), name) == 0;
}

static gboolean
key_in (JsonArray *lhs, guint i, const char * const *names)
{
  for (; *names; names++)
    if (key_is (lhs, i, *names))
      return TRUE;
  return FALSE;
}

static gint64
index_at (JsonArray *lhs, guint i)
{
  JsonNode *n = i < json_array_get_length (lhs) ? json_array_get_element (lhs, i) : NULL;

  return n && json_node_get_value_type (n) == G_TYPE_INT64 ? json_node_get_int (n) : -1;
}

static const char * const title_keys[] = { "title", NULL };
static const char * const subtitle_keys[] = { "subtitle", "tagline", "description", NULL };
static const char * const summary_keys[] = { "summary", "description", NULL };
static const char * const detail_keys[] = { "title_detail", "subtitle_detail", "tagline_detail", "summary_detail", NULL };

static Outcome
check_feed (const char *path, const ClipFeed *feed, JsonArray *lhs, guint n, JsonObject *check, JsonNode *rhs)
{
  const char *op = json_object_get_string_member (check, "op");

  if (n == 2 && key_in (lhs, 1, title_keys))
    return compare_text (feed->title, rhs, TRUE);
  if (n == 3 && key_is (lhs, 1, "title_detail") && key_is (lhs, 2, "value"))
    return compare_text (feed->title, rhs, TRUE);
  if (n == 2 && key_in (lhs, 1, subtitle_keys))
    return compare_text (feed->subtitle, rhs, TRUE);
  if (n == 3 && (key_is (lhs, 1, "subtitle_detail") || key_is (lhs, 1, "tagline_detail")) &&
      key_is (lhs, 2, "value"))
    return compare_text (feed->subtitle, rhs, TRUE);
  if (n == 2 && key_is (lhs, 1, "link"))
    return compare_text (feed->link, rhs, FALSE);
  if (n == 2 && key_is (lhs, 1, "icon"))
    return compare_text (feed->icon, rhs, FALSE);
  if (n == 2 && key_is (lhs, 1, "language"))
    return feed->language == NULL && strstr (path, "content_language") != NULL
           ? CHECK_NA   /* from the Content-Language header, not an input of ours */
           : compare_language (feed->language, rhs);
  if (n == 2 && key_is (lhs, 1, "updated_parsed") && strcmp (op, "==time9") == 0)
    return compare_time (feed->updated, check);
  return CHECK_NA;
}

static Outcome
check_enclosure (const ClipFeedItem *item, gint64 j, JsonArray *lhs, guint n, JsonNode *rhs)
{
  const ClipEnclosure *e = j >= 0 && (guint) j < item->enclosures->len
                           ? g_ptr_array_index (item->enclosures, j) : NULL;
  g_autofree char *length = NULL;

  if (e == NULL)
    return CHECK_FAIL;
  length = e->length >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, e->length) : NULL;
  if (n == 4 && (key_is (lhs, 3, "href") || key_is (lhs, 3, "url")))
    return compare_text (e->url, rhs, FALSE);
  if (n == 4 && key_is (lhs, 3, "type"))
    return compare_text (e->type, rhs, FALSE);
  if (n == 4 && key_is (lhs, 3, "length"))
    return compare_text (length, rhs, FALSE);
  if (n == 3 && JSON_NODE_HOLDS_OBJECT (rhs))
    {
      JsonObject *o = json_node_get_object (rhs);
      const char *href = json_object_get_string_member_with_default (o, "href", NULL);
      const char *type = json_object_get_string_member_with_default (o, "type", NULL);
      const char *len = json_object_get_string_member_with_default (o, "length", NULL);

      return g_strcmp0 (href, e->url) == 0 && g_strcmp0 (type, e->type) == 0 &&
             g_strcmp0 (len, length) == 0 ? CHECK_PASS : CHECK_FAIL;
    }
  return CHECK_NA;
}

static Outcome
check_entry (const ClipFeed *feed, JsonArray *lhs, guint n, JsonObject *check, JsonNode *rhs)
{
  gint64 i = index_at (lhs, 1);
  const char *op = json_object_get_string_member (check, "op");
  const ClipFeedItem *item;

  if (i < 0)
    return CHECK_NA;
  item = (guint) i < feed->items->len ? g_ptr_array_index (feed->items, i) : NULL;
  if (n == 3 && key_in (lhs, 2, title_keys))
    return item ? compare_text (item->title, rhs, TRUE) : CHECK_FAIL;
  if (n == 4 && key_in (lhs, 2, detail_keys) && key_is (lhs, 3, "value"))
    {
      if (item == NULL)
        return CHECK_FAIL;
      return compare_text (key_is (lhs, 2, "title_detail") ? item->title : item->summary_text, rhs, TRUE);
    }
  if (n == 3 && key_in (lhs, 2, summary_keys))
    return item ? compare_text (item->summary_text, rhs, TRUE) : CHECK_FAIL;
  if (n == 5 && key_is (lhs, 2, "content") && index_at (lhs, 3) == 0 && key_is (lhs, 4, "value"))
    return item ? compare_text (item->content_text, rhs, TRUE) : CHECK_FAIL;
  if (n == 3 && key_is (lhs, 2, "link"))
    return item ? compare_text (item->link, rhs, FALSE) : CHECK_FAIL;
  if (n == 3 && (key_is (lhs, 2, "id") || key_is (lhs, 2, "guid")))
    return item ? compare_text (item->id, rhs, FALSE) : CHECK_FAIL;
  if (n == 4 && key_is (lhs, 2, "author_detail") && key_is (lhs, 3, "name"))
    return item ? compare_text (str_at (item->authors, 0), rhs, FALSE) : CHECK_FAIL;
  if (n == 5 && key_is (lhs, 2, "authors") && key_is (lhs, 4, "name"))
    return item ? compare_text (str_at (item->authors, index_at (lhs, 3)), rhs, FALSE) : CHECK_FAIL;
  if (n == 3 && key_is (lhs, 2, "published_parsed") && strcmp (op, "==time9") == 0)
    return item ? compare_time (item->published, check) : CHECK_FAIL;
  if (n == 3 && key_is (lhs, 2, "updated_parsed") && strcmp (op, "==time9") == 0)
    {
      /* feedparser falls back to the published date here */
      if (item == NULL)
        return CHECK_FAIL;
      return compare_time (item->updated != CLIP_NO_DATE ? item->updated : item->published, check);
    }
  if (n == 5 && key_is (lhs, 2, "tags") && key_is (lhs, 4, "term"))
    return item ? compare_text (str_at (item->categories, index_at (lhs, 3)), rhs, FALSE) : CHECK_FAIL;
  if (n == 3 && key_is (lhs, 2, "category"))
    return item ? compare_text (str_at (item->categories, 0), rhs, FALSE) : CHECK_FAIL;
  if (n >= 4 && key_is (lhs, 2, "enclosures"))
    return item ? check_enclosure (item, index_at (lhs, 3), lhs, n, rhs) : CHECK_FAIL;
  if (n == 3 && key_is (lhs, 2, "language"))
    return item ? compare_language (item->language, rhs) : CHECK_FAIL;
  return CHECK_NA;
}

static gboolean
same_encoding (const char *ours, const char *theirs)
{
  g_autofree char *a = clip_charset_canonical (ours);
  g_autofree char *b = clip_charset_canonical (theirs);

  return a && b && strcmp (a, b) == 0;
}

static Outcome
run_check (Run *run, const char *path, const ClipFeed *feed, JsonObject *check)
{
  const char *op = json_object_get_string_member (check, "op");
  JsonArray *lhs;
  JsonNode *rhs;
  guint n;

  if (strcmp (op, "no-crash") == 0)
    return CHECK_NA;
  lhs = json_object_get_array_member (check, "lhs");
  rhs = json_object_get_member (check, "rhs");
  n = json_array_get_length (lhs);
  if (n == 1 && key_is (lhs, 0, "encoding"))
    {
      const char *ct = g_hash_table_lookup (run->content_type, path);

      /* RFC 3023 read text/xml without a charset as us-ascii; RFC 7303,
       * which we follow, dropped that rule. */
      if (ct && g_str_has_prefix (ct, "text/") && strstr (ct, "charset=") == NULL)
        return CHECK_NA;
      if (feed == NULL)
        return CHECK_FAIL;
      return same_encoding (feed->encoding, json_node_get_string (rhs)) ? CHECK_PASS : CHECK_FAIL;
    }
  if (n == 1 && key_is (lhs, 0, "version"))
    {
      g_autofree char *want = g_strdup (json_node_get_string (rhs));

      if (strcmp (want, "rss") == 0)
        return CHECK_NA;   /* an unversioned <rss>: no such format in ClipFeedFormat */
      if (g_str_has_prefix (want, "rss091"))
        want[6] = '\0';
      return feed && strcmp (clip_feed_format_name (feed->format), want) == 0 ? CHECK_PASS : CHECK_FAIL;
    }
  if (n >= 2 && key_is (lhs, 0, "feed"))
    return check_feed (path, feed, lhs, n, check, rhs);
  if (n >= 3 && key_is (lhs, 0, "entries"))
    return check_entry (feed, lhs, n, check, rhs);
  return CHECK_NA;
}

/* Hostile HTML ----------------------------------------------------------- */

static gboolean
html_is_dangerous (const char *html, const char **why)
{
  g_autofree char *lower = NULL;
  static const char * const markers[] = {
    "<script", "<style", "<iframe", "<object", "<embed", "<form", "<frame", "<applet",
    "<meta", "<link", "<base", "<svg", "<math", "javascript:", "vbscript:", "livescript:",
    " style=", "expression(", "<input", "<button", "<textarea", NULL,
  };

  if (html == NULL)
    return FALSE;
  lower = g_ascii_strdown (html, -1);
  for (guint i = 0; markers[i]; i++)
    if (strstr (lower, markers[i]) != NULL)
      {
        *why = markers[i];
        return TRUE;
      }
  /* an event handler attribute inside a tag */
  for (const char *p = lower; (p = strchr (p, '<')) != NULL; p++)
    {
      const char *end = strchr (p, '>');
      g_autofree char *tag = g_strndup (p, end ? (gsize) (end - p) : strlen (p));

      for (const char *q = tag; (q = strstr (q, " on")) != NULL; q++)
        {
          const char *r = q + 3;

          while (g_ascii_isalpha (*r))
            r++;
          while (*r == ' ')
            r++;
          if (*r == '=' && r > q + 3)
            {
              *why = "event handler";
              return TRUE;
            }
        }
      /* data: anywhere but an image's source */
      if (strstr (tag, "data:") != NULL && !g_str_has_prefix (tag, "<img"))
        {
          *why = "data: URL";
          return TRUE;
        }
      if (end == NULL)
        break;
    }
  return FALSE;
}

static gboolean
url_is_dangerous (const char *url)
{
  return url != NULL && !clip_html_url_is_safe (url, FALSE);
}

static gboolean
feed_is_safe (const ClipFeed *feed, const char **why)
{
  if (feed == NULL)
    return TRUE;
  if (html_is_dangerous (feed->title, why) || html_is_dangerous (feed->subtitle, why) ||
      url_is_dangerous (feed->link) || url_is_dangerous (feed->icon))
    return FALSE;
  for (guint i = 0; i < feed->items->len; i++)
    {
      const ClipFeedItem *item = g_ptr_array_index (feed->items, i);

      if (html_is_dangerous (item->summary_html, why) || html_is_dangerous (item->content_html, why) ||
          html_is_dangerous (item->title, why))
        return FALSE;
      if (url_is_dangerous (item->link))
        return *why = "item link", FALSE;
      for (guint j = 0; j < item->enclosures->len; j++)
        if (url_is_dangerous (((ClipEnclosure *) g_ptr_array_index (item->enclosures, j))->url))
          return *why = "enclosure", FALSE;
    }
  return TRUE;
}

/* The run ---------------------------------------------------------------- */

static const char *
group_of (const char *category)
{
  if (g_str_has_prefix (category, "wellformed/sanitize"))
    return "sanitize";
  if (g_str_has_prefix (category, "wellformed"))
    return "wellformed";
  if (g_str_has_prefix (category, "encoding") || g_str_has_prefix (category, "illformed"))
    return "encoding+illformed";
  return category;
}

static void
count (Run *run, const char *category, const char *path, Outcome o, const char *what)
{
  Tally *t = tally_for (run, category);
  Tally *g = strcmp (group_of (category), category) != 0 ? tally_for (run, group_of (category))
                                                         : &(Tally) { 0 };

  if (o == CHECK_NA)
    {
      t->not_applicable++;
      g->not_applicable++;
      return;
    }
  t->total++;
  g->total++;
  if (o == CHECK_PASS)
    {
      t->passed++;
      g->passed++;
    }
  else
    g_string_append_printf (run->failures, "FAIL %s: %s\n", path, what);
}

static void
run_case (Run *run, JsonObject *c)
{
  const char *path = json_object_get_string_member (c, "path");
  const char *category = json_object_get_string_member (c, "category");
  JsonNode *bozo = json_object_get_member (c, "bozo");
  JsonNode *checks = json_object_get_member (c, "checks");
  g_autofree char *file = g_build_filename (run->root, path, NULL);
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  g_autoptr(ClipFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  const char *ct = g_hash_table_lookup (run->content_type, path);
  const char *location = g_hash_table_lookup (run->content_location, path);
  gsize len = 0;
  gint64 start;

  g_assert_true (g_file_get_contents (file, &data, &len, NULL));
  if (strstr (path, "http") != NULL)
    {
      g_autofree char *served = g_strconcat ("http://127.0.0.1:8097/", path, NULL);

      /* as the fetch service does: only a safe Content-Location is a base */
      base = location && clip_html_url_is_safe (location, FALSE)
             ? g_uri_resolve_relative (served, location, G_URI_FLAGS_NONE, NULL)
             : g_steal_pointer (&served);
    }
  start = g_get_monotonic_time ();
  feed = clip_feed_parse (data, len, ct, base, &error);
  if (g_get_monotonic_time () - start > G_USEC_PER_SEC)
    g_string_append_printf (run->failures, "SLOW %s\n", path);

  if (g_str_has_prefix (category, "wellformed/sanitize"))
    {
      const char *why = NULL;
      gboolean safe = feed_is_safe (feed, &why);

      count (run, "sanitize (nothing dangerous survives)", path, safe ? CHECK_PASS : CHECK_FAIL,
             why ? why : "");
      return;
    }
  if (bozo != NULL && JSON_NODE_HOLDS_VALUE (bozo))
    {
      gboolean want = json_node_get_boolean (bozo);
      gboolean got = feed == NULL;

      /* bozo means a well-formedness problem: a missing element is not */
      for (guint i = 0; feed != NULL && i < feed->problems->len; i++)
        got |= strcmp (((ClipFeedProblem *) g_ptr_array_index (feed->problems, i))->kind,
                       "missing-element") != 0;

      /* RFC 3023's text/xml us-ascii default again: not our rule */
      if (!(want && ct && g_str_has_prefix (ct, "text/xml") && strstr (ct, "charset") == NULL &&
            strstr (path, "encoding/bozo_http_i18n") != NULL))
        {
          const char *what = "";

          if (want && !got)
            what = "a problem should be reported";
          else if (!want && got)
            what = feed ? "a problem was reported" : error->message;
          count (run, category, path, want == got ? CHECK_PASS : CHECK_FAIL, what);
        }
    }
  if (checks == NULL || !JSON_NODE_HOLDS_ARRAY (checks))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (checks)); i++)
    {
      JsonObject *check = json_array_get_object_element (json_node_get_array (checks), i);
      ClipFeed empty = { 0 };
      g_autoptr(GPtrArray) none = g_ptr_array_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autofree char *what = NULL;
      Outcome o;

      empty.items = none;
      empty.updated = CLIP_NO_DATE;
      o = run_check (run, path, feed ? feed : &empty, check);
      if (o == CHECK_FAIL)
        {
          json_generator_set_root (gen, json_object_get_member (check, "rhs") ?
                                        json_object_get_member (check, "rhs") : NULL);
          what = json_generator_to_data (gen, NULL);
        }
      count (run, category, path, o, what ? what : "");
    }
}

typedef struct {
  const char *group;
  double      floor;
} Floor;

/* Raise these as the parser improves. */
static const Floor floors[] = {
  { "wellformed", 99.5 },          /* goal: 95 */
  { "encoding+illformed", 95.0 },  /* goal: 90 */
  { "entities", 99.0 },
  { "json", 100.0 },
  { "sanitize (nothing dangerous survives)", 100.0 },
};

static void
test_conformance (void)
{
  g_autofree char *root = clip_test_shared_path ("corpus/feedparser");
  g_autofree char *jsonl = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GList) names = NULL;
  Run run = { 0 };

  if (root == NULL)
    return;
  run.root = root;
  run.content_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.content_location = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.failures = g_string_new (NULL);
  load_headers (&run);
  jsonl = g_build_filename (root, "EXPECT-DECOMPOSED.jsonl", NULL);
  g_assert_true (g_file_get_contents (jsonl, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(JsonNode) node = NULL;

      if (*lines[i] == '\0')
        continue;
      node = json_from_string (lines[i], NULL);
      g_assert_nonnull (node);
      run_case (&run, json_node_get_object (node));
    }

  if (g_getenv ("CLIPPINGS_CONFORMANCE_FAILURES"))
    g_printerr ("%s", run.failures->str);
  names = g_hash_table_get_keys (run.tallies);
  names = g_list_sort (names, (GCompareFunc) strcmp);
  for (GList *l = names; l; l = l->next)
    {
      Tally *t = g_hash_table_lookup (run.tallies, l->data);

      g_printerr ("# %-42s %4u/%-4u %6.1f%%  (%u not applicable)\n", (char *) l->data,
                  t->passed, t->total, t->total ? 100.0 * t->passed / t->total : 100.0,
                  t->not_applicable);
    }
  for (guint i = 0; i < G_N_ELEMENTS (floors); i++)
    {
      Tally *t = g_hash_table_lookup (run.tallies, floors[i].group);

      g_assert_nonnull (t);
      g_assert_cmpuint (t->total, >, 0);
      if (100.0 * t->passed / t->total < floors[i].floor)
        g_error ("%s: %.1f%% is below its floor of %.1f%%", floors[i].group,
                 100.0 * t->passed / t->total, floors[i].floor);
    }
  g_string_free (run.failures, TRUE);
  g_hash_table_unref (run.content_type);
  g_hash_table_unref (run.content_location);
  g_hash_table_unref (run.tallies);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/feed/conformance/feedparser", test_conformance);
  return g_test_run ();
}
