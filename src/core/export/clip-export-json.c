/* clip-export-json.c — one JSON object: the report's scope and period, its
 * rules and outlets with counts, and the articles with their matches
 *
 * The schema is documented in docs/export.md; keep the two in step. The
 * articles are written one at a time, so the whole document is never held
 * in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-export-private.h"

#include <string.h>

#define SCHEMA_VERSION 1

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_time (JsonBuilder *b, const char *name, gint64 t)
{
  g_autofree char *iso = t ? clip_export_iso_time (t) : NULL;

  add_string (b, name, iso);
}

static void
add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_scope (JsonBuilder *b, ClipExportContext *ctx)
{
  const ClipExportScope *scope = ctx->scope;

  json_builder_set_member_name (b, "scope");
  json_builder_begin_object (b);
  add_string (b, "description", ctx->sel->scope_text);
  add_string (b, "rule", scope->rule);
  add_string (b, "query", scope->query);
  json_builder_set_member_name (b, "flagged");
  json_builder_add_boolean_value (b, scope->flagged);
  json_builder_set_member_name (b, "unread");
  json_builder_add_boolean_value (b, scope->unread);
  json_builder_set_member_name (b, "outlet_id");
  if (scope->outlet_id)
    json_builder_add_int_value (b, scope->outlet_id);
  else
    json_builder_add_null_value (b);
  add_string (b, "outlet", ctx->sel->outlet_name);
  json_builder_set_member_name (b, "article_ids");
  if (scope->article_ids)
    {
      json_builder_begin_array (b);
      for (guint i = 0; i < scope->article_ids->len; i++)
        json_builder_add_int_value (b, g_array_index (scope->article_ids, gint64, i));
      json_builder_end_array (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "period");
  json_builder_begin_object (b);
  add_string (b, "description", ctx->sel->period_text);
  add_time (b, "since", scope->since);
  add_time (b, "until", scope->until);
  add_time (b, "first", ctx->sel->ids->len ? ctx->sel->first_time : 0);
  add_time (b, "last", ctx->sel->ids->len ? ctx->sel->last_time : 0);
  json_builder_end_object (b);
}

static JsonNode *
header_node (ClipExportContext *ctx)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  ClipExportSelection *sel = ctx->sel;

  json_builder_begin_object (b);
  add_string (b, "generator", "Clippings " PACKAGE_VERSION);
  add_int (b, "version", SCHEMA_VERSION);
  add_string (b, "title", sel->title);
  add_time (b, "generated", sel->generated);
  add_scope (b, ctx);
  add_int (b, "count", sel->ids->len);
  json_builder_set_member_name (b, "rules");
  json_builder_begin_array (b);
  for (guint i = 0; i < sel->rules->len; i++)
    {
      const ClipExportRule *r = g_ptr_array_index (sel->rules, i);

      json_builder_begin_object (b);
      add_int (b, "id", r->id);
      add_string (b, "name", r->name);
      add_string (b, "query", r->query);
      add_string (b, "severity", r->severity);
      add_string (b, "color", r->color);
      add_int (b, "articles", r->count);
      /* The term lists the query names, with their entries (null: no
       * such list). */
      json_builder_set_member_name (b, "term_lists");
      json_builder_begin_object (b);
      for (guint l = 0; r->lists && l < r->lists->len; l++)
        {
          const ClipExportTermList *list = g_ptr_array_index (r->lists, l);

          json_builder_set_member_name (b, list->name);
          if (list->entries == NULL)
            {
              json_builder_add_null_value (b);
              continue;
            }
          json_builder_begin_array (b);
          for (guint e = 0; list->entries[e]; e++)
            json_builder_add_string_value (b, list->entries[e]);
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "outlets");
  json_builder_begin_array (b);
  for (guint i = 0; i < sel->outlets->len; i++)
    {
      const ClipExportOutlet *o = g_ptr_array_index (sel->outlets, i);

      json_builder_begin_object (b);
      add_int (b, "id", o->id);
      add_string (b, "name", o->name);
      add_int (b, "articles", o->count);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
add_match (JsonBuilder *b, const ClipExportMatch *m)
{
  json_builder_begin_object (b);
  add_int (b, "rule_id", m->rule->id);
  add_string (b, "rule", m->rule->name);
  add_time (b, "matched", m->matched);
  json_builder_set_member_name (b, "words");
  json_builder_begin_array (b);
  for (guint w = 0; w < m->words->len; w++)
    json_builder_add_string_value (b, g_ptr_array_index (m->words, w));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "spans");
  json_builder_begin_array (b);
  for (guint s = 0; s < m->spans->len; s++)
    {
      const ClipExportSpan *span = &g_array_index (m->spans, ClipExportSpan, s);

      json_builder_begin_object (b);
      add_string (b, "field", span->field);
      add_int (b, "start", span->start);
      add_int (b, "end", span->end);
      add_string (b, "text", span->text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static JsonNode *
article_node (const ClipExportItem *item)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const ClipArticle *a = item->article;

  json_builder_begin_object (b);
  add_int (b, "id", a->id);
  add_time (b, "time", clip_article_time (a));
  add_time (b, "published", a->published);
  add_time (b, "fetched", a->fetched);
  add_int (b, "outlet_id", a->outlet_id);
  add_string (b, "outlet", a->outlet_name);
  add_string (b, "url", a->url);
  add_string (b, "title", a->title);
  add_string (b, "author", a->author);
  add_string (b, "lang", a->lang);
  add_int (b, "flag", a->flag);
  add_string (b, "note", a->note);
  json_builder_set_member_name (b, "tags");
  json_builder_begin_array (b);
  for (guint i = 0; item->tags[i]; i++)
    json_builder_add_string_value (b, item->tags[i]);
  json_builder_end_array (b);
  add_string (b, "excerpt", item->excerpt);
  /* The text the body spans point into: the feed's, then the page's. */
  add_string (b, "text", item->body);
  add_string (b, "page_text", a->page_text);
  add_string (b, "text_source", a->page_text && *a->page_text ? "page" : "feed");
  add_string (b, "date_source", a->date_source);
  json_builder_set_member_name (b, "date_uncertain");
  json_builder_add_boolean_value (b, a->date_uncertain);
  json_builder_set_member_name (b, "evidence");
  if (item->evidence == NULL)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_object (b);
      add_string (b, "sha256", item->evidence->sha256);
      add_time (b, "captured", item->evidence->captured);
      add_string (b, "final_url", item->evidence->final_url);
      add_int (b, "status", item->evidence->status);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "matches");
  json_builder_begin_array (b);
  for (guint i = 0; i < item->matches->len; i++)
    add_match (b, g_ptr_array_index (item->matches, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static char *
to_text (JsonGenerator *gen, JsonNode *node)
{
  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}

gboolean
clip_export_write_json (ClipExportContext  *ctx,
                        GError            **error)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) header = header_node (ctx);
  g_autofree char *head = NULL;
  char *end;
  ClipExportItem *item;
  GError *local_error = NULL;
  guint n = 0;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  /* The header object, opened again to add the articles array. */
  head = to_text (gen, header);
  end = strrchr (head, '}');
  g_assert (end != NULL);
  while (end > head && g_ascii_isspace (end[-1]))
    end--;
  g_string_append_len (ctx->buf, head, end - head);
  g_string_append (ctx->buf, ",\n  \"articles\" : [");

  while ((item = clip_export_next_item (ctx, &local_error)) != NULL)
    {
      g_autoptr(JsonNode) node = article_node (item);
      g_autofree char *text = to_text (gen, node);

      clip_export_item_free (item);
      g_string_append (ctx->buf, n++ ? ",\n" : "\n");
      g_string_append (ctx->buf, text);
      if (!clip_export_flush (ctx, FALSE, error))
        return FALSE;
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_string_append (ctx->buf, n ? "\n  ]\n}\n" : "]\n}\n");
  return TRUE;
}
