/* clip-cli-rules-test.c — rules test QUERY FILE…: what a query matches in
 * articles given as JSON or in feed files, with the spans that made it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli-rules.h"
#include "clip-feed.h"
#include "clip-input.h"
#include "clip-rule-apply.h"
#include "clip-rules-store.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  char           *label;   /* file, or file#n for a feed's items */
  ClipRuleDocBuf  buf;
} TestDoc;

static void
test_doc_free (TestDoc *d)
{
  g_free (d->label);
  clip_rule_doc_buf_clear (&d->buf);
  g_free (d);
}

static const char *
member (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
         ? json_node_get_string (n) : NULL;
}

/* {"title","body","author","outlet","lang","url","tags":[]} */
static TestDoc *
doc_from_json (const char *file, JsonObject *o)
{
  TestDoc *d = g_new0 (TestDoc, 1);
  JsonArray *tags = json_object_has_member (o, "tags") &&
                    JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "tags"))
                    ? json_object_get_array_member (o, "tags") : NULL;
  const char *urls[] = { member (o, "url"), NULL };

  d->label = g_strdup (file);
  clip_rule_doc_buf_set (&d->buf, CLIP_RULE_FIELD_TITLE, member (o, "title"));
  clip_rule_doc_buf_set (&d->buf, CLIP_RULE_FIELD_BODY, member (o, "body"));
  clip_rule_doc_buf_set (&d->buf, CLIP_RULE_FIELD_AUTHOR, member (o, "author"));
  clip_rule_doc_buf_set (&d->buf, CLIP_RULE_FIELD_LANG, member (o, "lang"));
  clip_rule_doc_buf_set (&d->buf, CLIP_RULE_FIELD_URL, member (o, "url"));
  clip_rule_doc_buf_set_outlet (&d->buf, member (o, "outlet"), urls[0] ? urls : NULL);
  if (tags)
    {
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (tags); i++)
        {
          const char *t = json_array_get_string_element (tags, i);
          if (t)
            g_string_append_printf (s, "%s%s", s->len ? "\n" : "", t);
        }
      clip_rule_doc_buf_set (&d->buf, CLIP_RULE_FIELD_TAG, s->str);
    }
  return d;
}

static gboolean
docs_from_feed (const char *file, const char *data, gsize len, GPtrArray *out, GError **error)
{
  g_autoptr(ClipFeed) feed = clip_feed_parse (data, len, NULL, NULL, error);

  if (feed == NULL)
    return FALSE;
  for (guint i = 0; i < feed->items->len; i++)
    {
      g_autoptr(ClipArticle) a = clip_feed_item_to_article (g_ptr_array_index (feed->items, i), feed);
      TestDoc *d = g_new0 (TestDoc, 1);
      const char *urls[] = { feed->link, a->url, NULL };

      d->label = g_strdup_printf ("%s#%u", file, i + 1);
      clip_rule_doc_buf_set (&d->buf, CLIP_RULE_FIELD_TITLE, a->title);
      clip_rule_doc_buf_set (&d->buf, CLIP_RULE_FIELD_BODY, clip_article_body (a));
      clip_rule_doc_buf_set (&d->buf, CLIP_RULE_FIELD_AUTHOR, a->author);
      clip_rule_doc_buf_set (&d->buf, CLIP_RULE_FIELD_LANG, a->lang);
      clip_rule_doc_buf_set (&d->buf, CLIP_RULE_FIELD_URL, a->url);
      clip_rule_doc_buf_set_outlet (&d->buf, feed->title, urls[0] ? urls : urls + 1);
      g_ptr_array_add (out, d);
    }
  return TRUE;
}

/* One article as JSON, or a feed of them. */
static gboolean
read_docs (const char *file, GPtrArray *out, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  const char *p;

  /* A feed is never larger, nor is any article. */
  if (!clip_input_read_file (file, CLIP_FEED_MAX_SIZE, &data, &len, error))
    return FALSE;
  for (p = data; p < data + len && g_ascii_isspace (*p); p++)
    ;
  if (p < data + len && *p == '{')
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *o;

      if (clip_input_load_json (parser, data, (gssize) len, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) &&
          (o = json_node_get_object (json_parser_get_root (parser))) &&
          !json_object_has_member (o, "items") &&
          (json_object_has_member (o, "title") || json_object_has_member (o, "body")))
        {
          g_ptr_array_add (out, doc_from_json (file, o));
          return TRUE;
        }
    }
  if (!docs_from_feed (file, data, len, out, error))
    {
      g_prefix_error (error, _("%s is neither an article as JSON nor a feed: "), file);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const TestDoc  *doc;
  GArray         *spans;     /* ClipRuleSpan */
  gboolean        matched;
} Result;

/* The spans as the archive would store them and the reading view and the
 * exports read them back: what this command shows is what the app would. */
static void
on_match (gint64 id, const ClipRuleSpan *spans, guint n, gpointer data)
{
  Result *r = data;
  g_autofree char *json = clip_rule_spans_to_json (spans, n);
  g_autoptr(GArray) read = clip_rule_spans_from_json (json, &r->doc->buf.doc);

  r->matched = TRUE;
  g_array_append_vals (r->spans, read->data, read->len);
}

static char *
span_text (const Result *r, const ClipRuleSpan *span)
{
  const char *text = r->doc->buf.doc.text[g_bit_nth_lsf (span->field, -1)];

  return g_strndup (text + span->start, span->end - span->start);
}

static JsonNode *
result_to_json (const Result *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, r->doc->label);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, r->doc->buf.doc.text[0]);
  json_builder_set_member_name (b, "spans");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->spans->len; i++)
    {
      const ClipRuleSpan *span = &g_array_index (r->spans, ClipRuleSpan, i);
      g_autofree char *text = span_text (r, span);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, clip_rule_field_name (span->field));
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, span->start);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, span->end);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "matched");
  json_builder_add_boolean_value (b, r->matched);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_human (const Result *r)
{
  g_autofree char *label = clip_cli_field (r->doc->label);

  clip_cli_print ("%s: %s\n", label, r->matched ? _("matches") : _("no match"));
  for (guint i = 0; i < r->spans->len; i++)
    {
      const ClipRuleSpan *span = &g_array_index (r->spans, ClipRuleSpan, i);
      g_autofree char *raw = span_text (r, span);
      g_autofree char *text = clip_cli_field (raw);

      clip_cli_print ("  %s %u-%u “%s”\n", clip_rule_field_name (span->field), span->start,
                      span->end, text);
    }
}

int
clip_cli_rules_test (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipTermLists) lists = NULL;
  g_autoptr(ClipRuleSet) set = clip_rule_set_new ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) test_doc_free);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  JsonArray *results = json_array_new ();

  json_node_take_array (root, results);
  if (!clip_cli_parse_options (cli, "QUERY FILE…",
                               _("Show whether a query matches articles (JSON objects with title, "
                                 "body, author, outlet, lang, url, tags) or a feed's items, and where."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc < 3)
    return clip_cli_usage (cli, _("expected a QUERY and at least one FILE"));
  if (!(store = clip_cli_open_store (cli, &error)) ||
      !(lists = clip_store_load_term_lists (store, &error)))
    return clip_cli_fail (cli, error);
  if (!clip_rule_set_add_query (set, 1, argv[1], lists, NULL, &error))
    return clip_cli_rules_fail (cli, error);
  for (int i = 2; i < argc; i++)
    if (!read_docs (argv[i], docs, &error))
      return clip_cli_fail (cli, error);
  for (guint i = 0; i < docs->len; i++)
    {
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (ClipRuleSpan));
      Result r = { g_ptr_array_index (docs, i), spans, FALSE };

      clip_rule_set_match (set, &r.doc->buf.doc, on_match, &r);
      if (json)
        json_array_add_element (results, result_to_json (&r));
      else
        print_human (&r);
    }
  if (json)
    clip_cli_print_json (root);
  return CLIP_CLI_OK;
}
