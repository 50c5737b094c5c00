/* clip-cli-article-show.c — articles show ID [--json]: every field of one
 * article, its page's text and sources, its dates, its evidence, tags,
 * note, and the rules that matched it with their spans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"
#include "clip-format.h"
#include "clip-rule-parser.h"
#include "clip-rules-store.h"
#include "clip-store-pages.h"

#include <glib/gi18n.h>
#include <string.h>

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* One stored span, said in the text it is in: the title, the feed's text
 * or the page's (offsets in bytes into that text). */
static void
add_span (JsonBuilder *b, const ClipArticle *a, JsonObject *span)
{
  const char *field = json_object_get_string_member_with_default (span, "field", "");
  gint64 start = json_object_get_int_member_with_default (span, "start", -1);
  gint64 end = json_object_get_int_member_with_default (span, "end", -1);
  gssize page_at = clip_article_page_offset (a);
  const char *source = field, *text = NULL;

  if (strcmp (field, "title") == 0)
    text = a->title;
  else if (strcmp (field, "body") == 0 && page_at >= 0 && start >= page_at)
    {
      source = "page";
      text = a->page_text;
      start -= page_at;
      end -= page_at;
    }
  else if (strcmp (field, "body") == 0)
    {
      source = "feed";
      text = clip_article_body (a);
    }
  json_builder_begin_object (b);
  add_string (b, "field", field);
  add_string (b, "text", source);
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, start);
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, end);
  json_builder_set_member_name (b, "match");
  if (text != NULL && start >= 0 && end > start && (gsize) end <= strlen (text))
    {
      g_autofree char *m = g_strndup (text + start, end - start);

      json_builder_add_string_value (b, g_utf8_validate (m, -1, NULL) ? m : NULL);
    }
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

static gboolean
add_matches (JsonBuilder *b, ClipStore *store, const ClipArticle *a, GError **error)
{
  g_autoptr(GPtrArray) rules = clip_store_list_rules (store, error);

  if (rules == NULL)
    return FALSE;
  json_builder_set_member_name (b, "matches");
  json_builder_begin_array (b);
  for (guint i = 0; i < rules->len; i++)
    {
      const ClipRule *r = g_ptr_array_index (rules, i);
      g_autofree char *spans = clip_store_get_match_spans (store, r->id, a->id, error);
      g_autoptr(JsonParser) parser = NULL;
      JsonNode *root;

      if (spans == NULL && error && *error)
        return FALSE;
      if (spans == NULL)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rule_id");
      json_builder_add_int_value (b, r->id);
      add_string (b, "rule", r->name);
      json_builder_set_member_name (b, "spans");
      json_builder_begin_array (b);
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, spans, -1, NULL) &&
          (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
        {
          JsonArray *arr = json_node_get_array (root);

          for (guint j = 0; j < json_array_get_length (arr); j++)
            if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (arr, j)))
              add_span (b, a, json_array_get_object_element (arr, j));
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

static void
add_json_text (JsonBuilder *b, const char *name, const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_builder_set_member_name (b, name);
  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      json_parser_get_root (parser) != NULL)
    json_builder_add_value (b, json_node_copy (json_parser_get_root (parser)));
  else
    {
      json_builder_begin_array (b);
      json_builder_end_array (b);
    }
}

static void
add_evidence (JsonBuilder *b, const ClipEvidence *e)
{
  json_builder_set_member_name (b, "evidence");
  if (e == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  add_string (b, "sha256", e->sha256);
  json_builder_set_member_name (b, "captured");
  json_builder_add_value (b, clip_cli_time_node (e->captured));
  add_string (b, "url", e->url);
  add_string (b, "final_url", e->final_url);
  json_builder_set_member_name (b, "status");
  json_builder_add_int_value (b, e->status);
  add_string (b, "content_type", e->content_type);
  json_builder_set_member_name (b, "size");
  json_builder_add_int_value (b, e->size);
  add_string (b, "file", e->file);
  add_json_text (b, "headers", e->headers);
  json_builder_end_object (b);
}

/* The list's fields, then the rest. */
static JsonNode *
article_json (ClipStore *store, const ClipArticle *a, GError **error)
{
  g_autoptr(JsonNode) base = clip_cli_article_json (a);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(ClipEvidence) evidence = clip_store_get_evidence (store, a->id, error);
  g_autofree char *candidates = NULL;
  g_auto(GStrv) tags = NULL;
  JsonObject *o = json_node_get_object (base);
  g_autoptr(GList) members = json_object_get_members (o);

  if (evidence == NULL && error && *error)
    return NULL;
  candidates = clip_store_get_date_candidates (store, a->id, error);
  if (candidates == NULL && error && *error)
    return NULL;
  if (!(tags = clip_store_get_tags (store, a->id, error)))
    return NULL;
  json_builder_begin_object (b);
  for (GList *l = members; l; l = l->next)
    {
      json_builder_set_member_name (b, l->data);
      json_builder_add_value (b, json_node_copy (json_object_get_member (o, l->data)));
    }
  add_string (b, "summary_html", a->summary_html);
  add_string (b, "content_text", a->content_text);
  add_string (b, "content_html", a->content_html);
  add_string (b, "text_source", a->page_text && *a->page_text ? "page" : "feed");
  add_string (b, "page_state", clip_page_state_to_string (a->page_state));
  add_string (b, "page_url", a->page_url);
  add_string (b, "page_text", a->page_text);
  add_string (b, "page_html", a->page_html);
  add_string (b, "date_source", a->date_source ? a->date_source
                                 : a->published != CLIP_NO_DATE ? "feed" : NULL);
  add_json_text (b, "date_candidates", candidates);
  json_builder_set_member_name (b, "date_uncertain");
  json_builder_add_boolean_value (b, a->date_uncertain);
  add_evidence (b, evidence);
  json_builder_set_member_name (b, "starred");
  json_builder_add_boolean_value (b, a->starred);
  json_builder_set_member_name (b, "tags");
  json_builder_begin_array (b);
  for (guint i = 0; tags[i]; i++)
    json_builder_add_string_value (b, tags[i]);
  json_builder_end_array (b);
  if (!add_matches (b, store, a, error))
    return NULL;
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_line (const char *label, const char *value)
{
  g_autofree char *v = clip_cli_field (value);

  if (value && *value)
    clip_cli_print ("%s\t%s\n", label, v);
}

static void
print_text (JsonObject *o)
{
  const char *keys[] = { "title", "outlet", "url", "author", "published", "date_source",
                         "fetched", "note", "text_source", "page_state", "page_url" };
  JsonArray *tags = json_object_get_array_member (o, "tags");
  JsonObject *e = json_object_get_null_member (o, "evidence") ? NULL
                  : json_object_get_object_member (o, "evidence");
  g_autoptr(GString) t = g_string_new (NULL);

  clip_cli_print ("id\t%" G_GINT64_FORMAT "\n", json_object_get_int_member (o, "id"));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!json_object_get_null_member (o, keys[i]))
      print_line (keys[i], json_object_get_string_member (o, keys[i]));
  if (json_object_get_boolean_member (o, "date_uncertain"))
    clip_cli_print ("date_uncertain\t%s\n", _("yes: the feed's and the page's dates disagree"));
  for (guint i = 0; i < json_array_get_length (tags); i++)
    g_string_append_printf (t, "%s%s", i ? ", " : "", json_array_get_string_element (tags, i));
  print_line ("tags", t->str);
  if (e != NULL)
    {
      print_line ("evidence_sha256", json_object_get_string_member (e, "sha256"));
      print_line ("evidence_captured", json_object_get_string_member (e, "captured"));
    }
  clip_cli_print ("\n");
  {
    const char *text = json_object_get_null_member (o, "page_text")
                       ? json_object_get_string_member (o, "summary")
                       : json_object_get_string_member (o, "page_text");
    g_auto(GStrv) paragraphs = g_strsplit (text ? text : "", "\n\n", -1);

    /* Paragraph by paragraph: a field loses its line breaks on a terminal. */
    for (guint i = 0; paragraphs[i]; i++)
      {
        g_autofree char *safe = clip_cli_field (paragraphs[i]);

        clip_cli_print ("%s%s\n", i ? "\n" : "", safe);
      }
  }
}

int
clip_cli_articles_show (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipArticle) a = NULL;
  g_autoptr(JsonNode) root = NULL;
  gint64 id;

  if (!clip_cli_parse_options (cli, "ID", _("Show one article: every field, its page's text, "
                                            "dates, evidence, tags, note and matches."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one article ID"));
  if (!clip_cli_parse_id (argv[1], &id))
    return clip_cli_usage (cli, _("“%s” is not an article ID"), argv[1]);
  if (!(store = clip_cli_open_store (cli, &error)) ||
      !(a = clip_store_get_article (store, id, &error)) ||
      !(root = article_json (store, a, &error)))
    return clip_cli_fail (cli, error);
  if (json)
    clip_cli_print_json (root);
  else
    print_text (json_node_get_object (root));
  return CLIP_CLI_OK;
}
