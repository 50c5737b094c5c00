/* clip-rule-apply.c — rules against archived articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-rule-apply.h"
#include "clip-input.h"
#include "clip-rules-store.h"
#include "clip-store-sql.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

static int
field_index (ClipRuleField field)
{
  return g_bit_nth_lsf (field, -1);
}

void
clip_rule_doc_buf_clear (ClipRuleDocBuf *buf)
{
  for (guint i = 0; i < CLIP_RULE_N_FIELDS; i++)
    {
      g_clear_pointer (&buf->owned[i], g_free);
      buf->doc.text[i] = NULL;
    }
}

void
clip_rule_doc_buf_set (ClipRuleDocBuf *buf,
                       ClipRuleField   field,
                       const char     *text)
{
  int i = field_index (field);

  g_free (buf->owned[i]);
  buf->owned[i] = g_strdup (text);
  buf->doc.text[i] = buf->owned[i];
}

void
clip_rule_doc_buf_set_outlet (ClipRuleDocBuf      *buf,
                              const char          *name,
                              const char * const  *urls)
{
  g_autoptr(GString) s = g_string_new (name ? name : "");

  for (guint i = 0; urls && urls[i]; i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (urls[i], G_URI_FLAGS_NONE, NULL);
      const char *host = uri ? g_uri_get_host (uri) : NULL;

      /* One value per line: words never run from one into the next. */
      if (host && *host && !strstr (s->str, host))
        g_string_append_printf (s, "\n%s", host);
    }
  clip_rule_doc_buf_set (buf, CLIP_RULE_FIELD_OUTLET, s->str);
}

gboolean
clip_rule_doc_load (ClipStore      *store,
                    gint64          article_id,
                    guint           fields,
                    ClipRuleDocBuf *buf,
                    GError        **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT a.title, " CLIP_STORE_FTS_BODY ("a") ", a.author, a.lang, a.url, o.name, o.site_url, o.url "
      "FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?", error);
  int rc;

  clip_rule_doc_buf_clear (buf);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                     _("There is no article %" PRId64), article_id);
      else
        clip_store_set_error (store, rc, _("Could not read an article"), error);
      return FALSE;
    }
  clip_rule_doc_buf_set (buf, CLIP_RULE_FIELD_TITLE, (const char *) sqlite3_column_text (stmt, 0));
  clip_rule_doc_buf_set (buf, CLIP_RULE_FIELD_BODY, (const char *) sqlite3_column_text (stmt, 1));
  if (fields & CLIP_RULE_FIELD_AUTHOR)
    clip_rule_doc_buf_set (buf, CLIP_RULE_FIELD_AUTHOR, (const char *) sqlite3_column_text (stmt, 2));
  if (fields & CLIP_RULE_FIELD_LANG)
    clip_rule_doc_buf_set (buf, CLIP_RULE_FIELD_LANG, (const char *) sqlite3_column_text (stmt, 3));
  if (fields & CLIP_RULE_FIELD_URL)
    clip_rule_doc_buf_set (buf, CLIP_RULE_FIELD_URL, (const char *) sqlite3_column_text (stmt, 4));
  if (fields & CLIP_RULE_FIELD_OUTLET)
    {
      const char *urls[] = { (const char *) sqlite3_column_text (stmt, 6),
                             (const char *) sqlite3_column_text (stmt, 7),
                             (const char *) sqlite3_column_text (stmt, 4), NULL };
      /* The statement's text stays valid until the next step: copy now. */
      g_autofree char *u0 = g_strdup (urls[0]), *u1 = g_strdup (urls[1]), *u2 = g_strdup (urls[2]);
      const char *copies[] = { u0 ? u0 : "", u1 ? u1 : "", u2 ? u2 : "", NULL };

      clip_rule_doc_buf_set_outlet (buf, (const char *) sqlite3_column_text (stmt, 5), copies);
    }
  sqlite3_reset (stmt);
  if (fields & CLIP_RULE_FIELD_TAG)
    {
      stmt = clip_store_prepare (store,
          "SELECT group_concat(tag, char(10)) FROM tags WHERE article_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        clip_rule_doc_buf_set (buf, CLIP_RULE_FIELD_TAG, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return TRUE;
}

ClipRuleSet *
clip_store_compile_rules (ClipStore  *store,
                          GError    **error)
{
  g_autoptr(GPtrArray) rules = clip_store_list_rules (store, error);
  g_autoptr(ClipTermLists) lists = NULL;
  ClipRuleSet *set;

  if (rules == NULL || !(lists = clip_store_load_term_lists (store, error)))
    return NULL;
  set = clip_rule_set_new ();
  for (guint i = 0; i < rules->len; i++)
    {
      const ClipRule *r = g_ptr_array_index (rules, i);
      g_autoptr(GError) local = NULL;

      if (r->enabled && !clip_rule_set_add_query (set, r->id, r->query, lists, NULL, &local))
        g_warning ("The rule “%s” is left out: %s", r->name, local->message);
    }
  return set;
}

char *
clip_rule_spans_to_json (const ClipRuleSpan *spans,
                         guint               n_spans)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < n_spans; i++)
    g_string_append_printf (s, "%s{\"field\":\"%s\",\"start\":%u,\"end\":%u}", i ? "," : "",
                            clip_rule_field_name (spans[i].field), spans[i].start, spans[i].end);
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

/* A member that is a JSON integer: a string or a fraction is no offset. */
static gboolean
int_member (JsonObject *o, const char *name, gint64 *value)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (n);
  return TRUE;
}

static ClipRuleField
field_member (JsonObject *o)
{
  JsonNode *n = json_object_get_member (o, "field");
  const char *name;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return 0;
  name = json_node_get_string (n);
  for (guint i = 0; i < CLIP_RULE_N_FIELDS; i++)
    if (g_strcmp0 (name, clip_rule_field_name (1u << i)) == 0)
      return 1u << i;
  return 0;
}

static gboolean
on_char_start (const char *text, gsize len, gint64 at)
{
  /* A UTF-8 continuation byte never starts a character. */
  return (gsize) at == len || ((guchar) text[at] & 0xC0) != 0x80;
}

/* Reads node into span; FALSE when it is no span that fits doc (see
 * clip_rule_spans_from_json()). */
static gboolean
span_from_node (JsonNode *node, const ClipRuleDoc *doc, ClipRuleSpan *span)
{
  JsonObject *o;
  const char *text;
  gint64 start, end;
  gsize len;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  o = json_node_get_object (node);
  span->field = field_member (o);
  if (span->field == 0 || !(text = doc->text[field_index (span->field)]) ||
      !int_member (o, "start", &start) || !int_member (o, "end", &end))
    return FALSE;
  len = strlen (text);
  if (start < 0 || end <= start || (guint64) end > len || end > G_MAXUINT ||
      !on_char_start (text, len, start) || !on_char_start (text, len, end))
    return FALSE;
  span->start = start;
  span->end = end;
  return TRUE;
}

GArray *
clip_rule_spans_from_json (const char        *json,
                           const ClipRuleDoc *doc)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (ClipRuleSpan));
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonArray *array;

  if (json == NULL)
    return spans;
  parser = json_parser_new_immutable ();
  if (!clip_input_load_json (parser, json, -1, NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_ARRAY (root))
    return spans;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      ClipRuleSpan span;

      if (span_from_node (json_array_get_element (array, i), doc, &span))
        g_array_append_val (spans, span);
    }
  return spans;
}

typedef struct {
  ClipStore  *store;
  gint64      article_id;
  gint64      now;
  GHashTable *old;        /* rule ids matched before */
  GHashTable *in_set;     /* rule ids of the set */
  GHashTable *matched;    /* rule ids matched now */
  ClipRuleNewMatchFunc new_match;
  gpointer    new_match_data;
  GError     *error;
} Apply;

static void
write_match (gint64 rule_id, const ClipRuleSpan *spans, guint n, gpointer data)
{
  Apply *a = data;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  if (a->error)
    return;
  g_hash_table_add (a->matched, g_memdup2 (&rule_id, sizeof rule_id));
  json = clip_rule_spans_to_json (spans, n);
  stmt = clip_store_prepare (a->store,
      "INSERT INTO matches (rule_id, article_id, spans, matched) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (rule_id, article_id) DO UPDATE SET spans = excluded.spans", &a->error);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, a->article_id);
  clip_store_bind_text (stmt, 3, json);
  sqlite3_bind_int64 (stmt, 4, a->now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      clip_store_set_error (a->store, sqlite3_errcode (clip_store_get_db (a->store)),
                            _("Could not save a match"), &a->error);
      return;
    }
  if (a->new_match == NULL || g_hash_table_contains (a->old, &rule_id))
    return;
  a->new_match (a->store, rule_id, a->article_id, a->now, a->new_match_data, &a->error);
}

static gboolean
read_old (Apply *a, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (a->store,
      "SELECT rule_id FROM matches WHERE article_id = ?", error);
  int rc;

  g_hash_table_remove_all (a->old);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (a->old, g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    return clip_store_set_error (a->store, rc, _("Could not read the matches"), error);
  return TRUE;
}

/* Rows of this set's rules that match no more go. */
static gboolean
drop_stale (Apply *a, GError **error)
{
  GHashTableIter it;
  gpointer key;

  g_hash_table_iter_init (&it, a->old);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      sqlite3_stmt *stmt;

      if (!g_hash_table_contains (a->in_set, key) || g_hash_table_contains (a->matched, key))
        continue;
      stmt = clip_store_prepare (a->store,
          "DELETE FROM matches WHERE rule_id = ? AND article_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      sqlite3_bind_int64 (stmt, 2, a->article_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return clip_store_set_error (a->store, sqlite3_errcode (clip_store_get_db (a->store)),
                                     _("Could not update the matches"), error);
    }
  return TRUE;
}

/* The outlet of an ingest's new articles, read once for all of them. */
typedef struct {
  gint64  id;              /* 0: not read yet */
  char   *name;
  char   *site_url;
  char   *url;
} OutletFields;

static gboolean
outlet_fields_load (ClipStore *store, gint64 outlet_id, OutletFields *o, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (o->id == outlet_id)
    return TRUE;
  stmt = clip_store_prepare (store, "SELECT name, site_url, url FROM outlets WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlet_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                     _("There is no outlet %" PRId64), outlet_id);
      else
        clip_store_set_error (store, rc, _("Could not read an outlet"), error);
      return FALSE;
    }
  g_free (o->name);
  g_free (o->site_url);
  g_free (o->url);
  o->name = clip_store_dup_column (stmt, 0);
  o->site_url = clip_store_dup_column (stmt, 1);
  o->url = clip_store_dup_column (stmt, 2);
  o->id = outlet_id;
  sqlite3_reset (stmt);
  return TRUE;
}

static void
outlet_fields_clear (OutletFields *o)
{
  g_clear_pointer (&o->name, g_free);
  g_clear_pointer (&o->site_url, g_free);
  g_clear_pointer (&o->url, g_free);
  o->id = 0;
}

/* The document of an article the running ingest has just added, from
 * memory: the same values clip_rule_doc_load() would read back (see
 * clip_store_ingest(): NULL title and author are stored as ''), and no
 * tags, which a new article cannot have yet. */
static gboolean
doc_from_new (ClipStore         *store,
              gint64             outlet_id,
              const ClipArticle *article,
              guint              fields,
              OutletFields      *outlet,
              ClipRuleDocBuf    *buf,
              GError           **error)
{
  clip_rule_doc_buf_clear (buf);
  buf->doc.text[field_index (CLIP_RULE_FIELD_TITLE)] = article->title ? article->title : "";
  buf->doc.text[field_index (CLIP_RULE_FIELD_BODY)] = clip_article_body (article);
  if (fields & CLIP_RULE_FIELD_AUTHOR)
    buf->doc.text[field_index (CLIP_RULE_FIELD_AUTHOR)] = article->author ? article->author : "";
  if (fields & CLIP_RULE_FIELD_LANG)
    buf->doc.text[field_index (CLIP_RULE_FIELD_LANG)] = article->lang;
  if (fields & CLIP_RULE_FIELD_URL)
    buf->doc.text[field_index (CLIP_RULE_FIELD_URL)] = article->url;
  if (fields & CLIP_RULE_FIELD_OUTLET)
    {
      const char *urls[] = { NULL, NULL, article->url ? article->url : "", NULL };

      if (!outlet_fields_load (store, outlet_id, outlet, error))
        return FALSE;
      urls[0] = outlet->site_url ? outlet->site_url : "";
      urls[1] = outlet->url ? outlet->url : "";
      clip_rule_doc_buf_set_outlet (buf, outlet->name, urls);
    }
  return TRUE;
}

/* Matches one article and writes its rows. An article the running ingest
 * has just added has no rows to compare with or drop, and its text is in
 * memory: no look-ups then. */
static gboolean
apply_one (Apply                 *a,
           ClipRuleSet           *set,
           const ClipIngestBatch *batch,
           OutletFields          *outlet,
           ClipRuleDocBuf        *buf,
           GError               **error)
{
  const ClipArticle *article = batch ? g_hash_table_lookup (batch->added, &a->article_id) : NULL;
  guint fields = clip_rule_set_fields (set);

  g_hash_table_remove_all (a->matched);
  if (article != NULL)
    {
      g_hash_table_remove_all (a->old);
      if (!doc_from_new (a->store, batch->outlet_id, article, fields, outlet, buf, error))
        return FALSE;
    }
  else if (!read_old (a, error) ||
           !clip_rule_doc_load (a->store, a->article_id, fields, buf, error))
    return FALSE;
  clip_rule_set_match (set, &buf->doc, write_match, a);
  if (a->error)
    {
      g_propagate_error (error, g_steal_pointer (&a->error));
      return FALSE;
    }
  return article != NULL || drop_stale (a, error);
}

gboolean
clip_rule_apply (ClipStore            *store,
                 ClipRuleSet          *set,
                 const GArray         *article_ids,
                 ClipRuleNewMatchFunc  new_match,
                 gpointer              user_data,
                 GError              **error)
{
  Apply a = { store, 0, g_get_real_time () / G_USEC_PER_SEC, NULL, NULL, NULL,
              new_match, user_data, NULL };
  const ClipIngestBatch *batch = clip_store_get_ingest_batch (store);
  ClipRuleDocBuf buf = { { { NULL } }, { NULL } };
  OutletFields outlet = { 0 };
  gboolean ok = TRUE, begun = TRUE;

  if (clip_rule_set_size (set) == 0 || article_ids->len == 0)
    return TRUE;
  a.old = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  a.in_set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  a.matched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < clip_rule_set_size (set); i++)
    {
      gint64 id = clip_rule_set_get_id (set, i);
      g_hash_table_add (a.in_set, g_memdup2 (&id, sizeof id));
    }
  if (!clip_store_begin (store, error))
    ok = begun = FALSE;
  for (guint i = 0; ok && i < article_ids->len; i++)
    {
      a.article_id = g_array_index (article_ids, gint64, i);
      ok = apply_one (&a, set, batch, &outlet, &buf, error);
    }
  if (ok)
    ok = clip_store_commit (store, error);
  else if (begun)
    clip_store_rollback (store);
  clip_rule_doc_buf_clear (&buf);
  outlet_fields_clear (&outlet);
  g_hash_table_destroy (a.old);
  g_hash_table_destroy (a.in_set);
  g_hash_table_destroy (a.matched);
  return ok;
}
