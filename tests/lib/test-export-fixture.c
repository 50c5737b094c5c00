/* test-export-fixture.c — articles for the export tests, stored with
 * clip_store_ingest() and matched with rows written in SQL, the way the
 * rules engine writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-export-fixture.h"

#include "clip-input.h"
#include "clip-store-sql.h"
#include "clip-test-util.h"
#include "clip-text.h"

#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#define MARCH_1_2025 1740787200  /* 2025-03-01 00:00 UTC */

static void
fixture_article_free (FixtureArticle *fa)
{
  g_free (fa->outlet);
  g_free (fa->url);
  g_free (fa->title);
  g_free (fa->author);
  g_free (fa->body);
  g_free (fa->note);
  g_strfreev (fa->tags);
  g_free (fa->rules);
  g_free (fa->words);
  g_free (fa);
}

void
fixture_free (Fixture *f)
{
  g_clear_object (&f->store);
  g_ptr_array_unref (f->articles);
  g_free (f->dir);
  g_free (f);
}

static gint64
add_outlet (Fixture *f, const char *url, const char *name)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  o->url = g_strdup (url);
  o->name = g_strdup (name);
  id = clip_store_add_outlet (f->store, o, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_rule (Fixture *f, const char *name, const char *query, const char *color)
{
  sqlite3_stmt *stmt = clip_store_prepare (f->store,
      "INSERT INTO rules (name, query, color) VALUES (?, ?, ?)", NULL);

  g_assert_nonnull (stmt);
  clip_store_bind_text (stmt, 1, name);
  clip_store_bind_text (stmt, 2, query);
  clip_store_bind_text (stmt, 3, color);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  return sqlite3_last_insert_rowid (clip_store_get_db (f->store));
}

/* Stores fa (its id is set) with the analyst's tags, flag and note. */
static void
store_article (Fixture *f, FixtureArticle *fa, const char *lang)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  ClipArticle *a = clip_article_new ();
  g_autoptr(GError) error = NULL;
  ClipIngestResult result;

  a->guid = g_strdup_printf ("guid-%u-%s", f->articles->len, fa->title);
  a->url = g_strdup (fa->url);
  a->title = g_strdup (fa->title);
  a->author = g_strdup (fa->author);
  a->summary_text = g_strdup (fa->body);
  a->lang = g_strdup (lang);
  a->published = fa->published;
  g_ptr_array_add (batch, a);
  clip_ingest_result_init (&result);
  clip_store_ingest (f->store, fa->outlet_id, batch, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added_ids->len, ==, 1);
  fa->id = g_array_index (result.added_ids, gint64, 0);
  clip_ingest_result_clear (&result);
  for (guint t = 0; fa->tags[t]; t++)
    {
      clip_store_add_tag (f->store, fa->id, fa->tags[t], &error);
      g_assert_no_error (error);
    }
  if (fa->flag)
    clip_store_set_flag (f->store, fa->id, fa->flag, &error);
  g_assert_no_error (error);
  if (fa->note && *fa->note)
    clip_store_set_note (f->store, fa->id, fa->note, &error);
  g_assert_no_error (error);
}

static void
add_spans (JsonBuilder *b, const char *field, const char *text, const char *word)
{
  gsize wlen = strlen (word);

  for (const char *p = strstr (text, word); p; p = strstr (p + wlen, word))
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, field);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, p - text);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, p - text + wlen);
      json_builder_end_object (b);
    }
}

/* A matches row for rule with spans on every place words occur in the
 * title and body (in that order), as the matcher writes it; notes the
 * CSV cells it should give. */
static void
add_match (Fixture *f, FixtureArticle *fa, guint rule, const char *name,
           const char * const *words)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *spans = NULL, *joined = NULL;
  sqlite3_stmt *stmt;
  char *cell;

  json_builder_begin_array (b);
  for (guint w = 0; words[w]; w++)
    {
      add_spans (b, "title", fa->title, words[w]);
      add_spans (b, "body", fa->body, words[w]);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  spans = json_generator_to_data (gen, NULL);
  stmt = clip_store_prepare (f->store,
      "INSERT INTO matches (rule_id, article_id, spans, matched) VALUES (?, ?, ?, ?)", NULL);
  sqlite3_bind_int64 (stmt, 1, f->rules[rule]);
  sqlite3_bind_int64 (stmt, 2, fa->id);
  clip_store_bind_text (stmt, 3, spans);
  sqlite3_bind_int64 (stmt, 4, fa->published + 60);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  /* Words that differ only in case are one word. */
  {
    g_autoptr(GPtrArray) distinct = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint w = 0; words[w]; w++)
      if (g_hash_table_add (seen, g_utf8_casefold (words[w], -1)))
        g_ptr_array_add (distinct, g_strdup (words[w]));
    g_ptr_array_add (distinct, NULL);
    joined = g_strjoinv (", ", (char **) distinct->pdata);
  }
  cell = fa->words ? g_strdup_printf ("%s; %s: %s", fa->words, name, joined)
                   : g_strdup_printf ("%s: %s", name, joined);
  g_free (fa->words);
  fa->words = cell;
  cell = fa->rules ? g_strdup_printf ("%s; %s", fa->rules, name) : g_strdup (name);
  g_free (fa->rules);
  fa->rules = cell;
  fa->n_matches++;
}

static FixtureArticle *
new_article (Fixture *f, guint outlet, const char *title, const char *body)
{
  FixtureArticle *fa = g_new0 (FixtureArticle, 1);
  const char *names[] = { "Civil.ge", "Meduza", "=HYPERLINK(\"http://evil.example\")" };

  fa->outlet_id = f->outlets[outlet];
  fa->outlet = g_strdup (names[outlet]);
  fa->title = g_strdup (title);
  fa->body = g_strdup (body);
  fa->author = g_strdup ("");
  fa->url = g_strdup_printf ("https://example.org/%u", f->articles->len);
  fa->tags = g_new0 (char *, 1);
  fa->published = MARCH_1_2025 + 8 * 3600 + (gint64) f->articles->len * 86400;
  return fa;
}

static const char *const interference[] = { "Russian interference", NULL };

static void
add_three_scripts (Fixture *f)
{
  FixtureArticle *ka, *ru, *en;

  ka = new_article (f, 0, "რუსეთის ჩარევა არჩევნებში",
                    "ანალიტიკოსები ამბობენ, რომ რუსეთის ჩარევა კვლავ საფრთხეა.");
  g_strfreev (ka->tags);
  ka->tags = g_strsplit ("საქართველო", ";", -1);
  ka->flag = 1;
  ka->note = g_strdup ("შენიშვნა: გადასამოწმებელია");
  g_free (ka->author);
  ka->author = g_strdup ("ნინო ბერიძე");
  store_article (f, ka, "ka");
  g_ptr_array_add (f->articles, ka);
  add_match (f, ka, RULE_INTERFERENCE, "Russian interference",
             (const char *[]) { "რუსეთის ჩარევა", NULL });

  ru = new_article (f, 1, "Вмешательство России в выборы",
                    "Эксперты обсуждают вмешательство России и выборы в Грузии.");
  g_free (ru->author);
  ru->author = g_strdup ("Иван Петров");
  store_article (f, ru, "ru");
  g_ptr_array_add (f->articles, ru);
  add_match (f, ru, RULE_INTERFERENCE, "Russian interference",
             (const char *[]) { "Вмешательство России", "вмешательство России", NULL });
  add_match (f, ru, RULE_ELECTIONS, "Elections", (const char *[]) { "выборы", NULL });

  en = new_article (f, 0, "Partners face Russian interference",
                    "These partners are a subject of Russian interference, officials said "
                    "ahead of the election.");
  en->flag = 2;
  store_article (f, en, "en");
  g_ptr_array_add (f->articles, en);
  add_match (f, en, RULE_INTERFERENCE, "Russian interference", interference);
  add_match (f, en, RULE_ELECTIONS, "Elections", (const char *[]) { "election", NULL });
}

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
dup_member (JsonObject *o, const char *name)
{
  return g_strdup (json_object_get_string_member (o, name));
}

static void
add_hostile (Fixture *f)
{
  g_autofree char *path = clip_test_data_path ("export/hostile-articles.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize len = 0;
  JsonArray *list;

  /* Read as the application reads JSON from outside (clip-input.h). */
  g_assert_true (clip_input_read_file (path, 1024 * 1024, &json, &len, &error));
  clip_input_load_json (parser, json, (gssize) len, &error);
  g_assert_no_error (error);
  list = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);
      JsonArray *tags = json_object_get_array_member (o, "tags");
      FixtureArticle *fa = new_article (f, 2, json_object_get_string_member (o, "title"),
                                        json_object_get_string_member (o, "body"));

      g_free (fa->url);
      fa->url = dup_member (o, "url");
      g_free (fa->author);
      fa->author = dup_member (o, "author");
      fa->note = dup_member (o, "note");
      g_strfreev (fa->tags);
      fa->tags = g_new0 (char *, json_array_get_length (tags) + 1);
      for (guint t = 0; t < json_array_get_length (tags); t++)
        fa->tags[t] = g_strdup (json_array_get_string_element (tags, t));
      /* As the store gives them back: sorted. */
      qsort (fa->tags, json_array_get_length (tags), sizeof (char *), compare_strings);
      store_article (f, fa, json_object_get_string_member (o, "lang"));
      g_ptr_array_add (f->articles, fa);
      add_match (f, fa, RULE_INTERFERENCE, "Russian interference", interference);
      if (i == 0)
        add_match (f, fa, RULE_HOSTILE, "<b>Hostile</b> \"rule\"",
                   (const char *[]) { "<script>", NULL });
    }
}

Fixture *
fixture_new (gboolean with_articles)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;

  f->dir = clip_test_tmpdir ();
  f->store = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) fixture_article_free);
  f->outlets[0] = add_outlet (f, "https://civil.ge/feed", "Civil.ge");
  f->outlets[1] = add_outlet (f, "https://meduza.io/rss/all", "Meduza");
  f->outlets[2] = add_outlet (f, "https://evil.example/feed", "=HYPERLINK(\"http://evil.example\")");
  f->rules[RULE_INTERFERENCE] = add_rule (f, "Russian interference",
                                          "@russia_terms NEAR/6 (interfer* OR meddl*)", "#e01b24");
  f->rules[RULE_ELECTIONS] = add_rule (f, "Elections", "election* OR выбор* OR არჩევნ*", "#2ec27e");
  /* Not a colour: it must never reach CSS, SVG or Pango. */
  f->rules[RULE_HOSTILE] = add_rule (f, "<b>Hostile</b> \"rule\"", "title:\"<script>\"",
                                     "red;}</style><script>alert(1)</script>");
  if (with_articles)
    {
      add_three_scripts (f);
      add_hostile (f);
    }
  return f;
}

void
fixture_add_many (Fixture *f, guint n)
{
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint k = 0; k < 12; k++)
    g_string_append (body, "Officials said the partners are a subject of Russian interference "
                     "and disinformation campaigns, and the ministry is watching closely. ");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Report %u on Russian interference in the region", i);
      FixtureArticle *fa = new_article (f, i % 2, title, body->str);

      fa->published = MARCH_1_2025 + 30 * 86400 + (gint64) i * 3600;
      g_free (fa->url);
      fa->url = g_strdup_printf ("https://example.org/many/%u", i);
      store_article (f, fa, "en");
      add_match (f, fa, RULE_INTERFERENCE, "Russian interference", interference);
      fixture_article_free (fa);
    }
}

static gboolean
first_word (const ClipToken *tok, gpointer data)
{
  gsize *range = data;

  range[0] = tok->start;
  range[1] = tok->end;
  return FALSE;
}

/* The text of the elements a feed parser would take content from, as the
 * raw strings they hold (escaped HTML included). */
static void
collect_texts (xmlNode *node, GString *title, GString *body, GString *link)
{
  for (; node; node = node->next)
    {
      const char *name = (const char *) node->name;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal (name, "link") && link->len == 0)
        {
          xmlChar *href = xmlGetProp (node, (const xmlChar *) "href");
          xmlChar *text = href ? NULL : xmlNodeGetContent (node);

          g_string_append (link, (const char *) (href ? href : text));
          xmlFree (href);
          xmlFree (text);
        }
      else if (g_str_equal (name, "title") || g_str_equal (name, "content") ||
               g_str_equal (name, "summary") || g_str_equal (name, "description") ||
               g_str_equal (name, "body") || g_str_equal (name, "encoded") ||
               g_str_equal (name, "info") || g_str_equal (name, "tagline") ||
               g_str_equal (name, "subtitle") || g_str_equal (name, "copyright") ||
               g_str_equal (name, "fullitem"))
        {
          xmlChar *text = xmlNodeGetContent (node);
          GString *to = g_str_equal (name, "title") && title->len == 0 ? title : body;

          g_string_append_printf (to, "%s%s", to->len ? " " : "", (const char *) text);
          xmlFree (text);
          continue;
        }
      collect_texts (node->children, title, body, link);
    }
}

static void
add_corpus_file (Fixture *f, const char *dir, const char *name, GPtrArray *batch)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) link = g_string_new (NULL);
  ClipArticle *a;
  gsize len;
  xmlDoc *doc;

  g_assert_true (g_file_get_contents (path, &xml, &len, NULL));
  doc = xmlReadMemory (xml, len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc)
    collect_texts (xmlDocGetRootElement (doc), title, body, link);
  else
    g_string_append (body, xml);
  xmlFreeDoc (doc);
  a = clip_article_new ();
  a->guid = g_strdup (name);
  a->title = g_strdup_printf ("%s %s", name, title->str);
  a->summary_text = g_utf8_make_valid (body->len ? body->str : xml, -1);
  /* Made unique, or the store would take files with the same link for
   * one article; the scheme, hostile or not, stays. */
  a->url = link->len ? g_strdup_printf ("%s%sfile=%s", link->str, strchr (link->str, '?') ? "&" : "?", name)
                     : g_strdup_printf ("https://example.org/%s", name);
  a->author = g_strdup ("<script>alert(1)</script>");
  a->published = MARCH_1_2025 + batch->len * 600;
  g_ptr_array_add (batch, a);
}

guint
fixture_add_sanitize_corpus (Fixture *f, const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult result;
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".xml"))
      add_corpus_file (f, dir, name, batch);
  clip_ingest_result_init (&result);
  clip_store_ingest (f->store, f->outlets[2], batch, &result, &error);
  g_assert_no_error (error);
  /* The interference rule "matched" each one's first word, so the
   * highlighting runs over hostile text too. */
  for (guint i = 0; i < result.added_ids->len; i++)
    {
      ClipArticle *a = g_ptr_array_index (batch, i);
      sqlite3_stmt *stmt = clip_store_prepare (f->store,
          "INSERT INTO matches (rule_id, article_id, spans, matched) VALUES (?, ?, ?, 0)", NULL);
      gsize range[2] = { 0, 0 };
      g_autofree char *spans = NULL;

      clip_text_tokenize (a->summary_text, -1, first_word, range);
      spans = g_strdup_printf ("[{\"field\":\"body\",\"start\":%" G_GSIZE_FORMAT ",\"end\":%" G_GSIZE_FORMAT "}]",
                               range[0], range[1]);
      sqlite3_bind_int64 (stmt, 1, f->rules[RULE_INTERFERENCE]);
      sqlite3_bind_int64 (stmt, 2, g_array_index (result.added_ids, gint64, i));
      clip_store_bind_text (stmt, 3, spans);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  clip_ingest_result_clear (&result);
  return batch->len;
}

guint
fixture_count_web_links (Fixture *f)
{
  guint n = 0;

  for (guint i = 0; i < f->articles->len; i++)
    {
      const FixtureArticle *fa = g_ptr_array_index (f->articles, i);

      if (g_str_has_prefix (fa->url, "https://") || g_str_has_prefix (fa->url, "http://"))
        n++;
    }
  return n;
}

FixtureArticle *
fixture_add_article (Fixture            *f,
                     guint               outlet,
                     const char         *title,
                     const char         *author,
                     const char         *body,
                     const char         *note,
                     const char * const *tags)
{
  FixtureArticle *fa = new_article (f, outlet, title, body);

  g_free (fa->author);
  fa->author = g_strdup (author);
  fa->note = g_strdup (note);
  g_strfreev (fa->tags);
  fa->tags = g_strdupv ((char **) tags);
  store_article (f, fa, "en");
  g_ptr_array_add (f->articles, fa);
  if (strstr (body, "Russian interference"))
    add_match (f, fa, RULE_INTERFERENCE, "Russian interference", interference);
  return fa;
}
