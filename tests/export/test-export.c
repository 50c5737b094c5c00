/* test-export.c — CSV, JSON, HTML and PDF exports, read back the way their
 * readers read them: Python's csv module, json-glib, libxml2's HTML
 * parser, poppler's pdftotext and pdfinfo; and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-export.h"
#include "clip-store-sql.h"
#include "clip-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

#include "test-export-fixture.h"

/* --- reading back ---------------------------------------------------- */

static JsonNode *
parse_json_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Rows as Python's csv module reads them, or NULL (test skipped) without
 * /usr/bin/python3. */
static JsonArray *
read_csv_with_python (const char *path, gboolean *bom)
{
  g_autofree char *script = clip_test_data_path ("../export-csv-read.py");
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  int status;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is needed to read the CSV back");
      return NULL;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Python could not read the CSV: %s", err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  *bom = json_object_get_boolean_member (root, "bom");
  return json_array_ref (json_object_get_array_member (root, "rows"));
}

static char *
expected_cell (const char *value)
{
  if (value == NULL)
    return g_strdup ("");
  if (value[0] && strchr ("=+-@\t\r", value[0]))
    return g_strconcat ("'", value, NULL);
  return g_strdup (value);
}

static void
assert_cell (JsonArray *row, guint column, const char *value)
{
  g_autofree char *want = expected_cell (value);

  g_assert_cmpstr (json_array_get_string_element (row, column), ==, want);
}

/* --- CSV --------------------------------------------------------------- */

static void
check_csv_rows (Fixture *f, const char *path, gboolean with_bom)
{
  gboolean bom = FALSE;
  g_autoptr(JsonArray) rows = read_csv_with_python (path, &bom);
  JsonArray *head;

  if (rows == NULL)
    return;
  g_assert_cmpint (bom, ==, with_bom);
  g_assert_cmpuint (json_array_get_length (rows), ==, f->articles->len + 1);
  head = json_array_get_array_element (rows, 0);
  g_assert_cmpstr (json_array_get_string_element (head, 0), ==, "id");
  g_assert_cmpstr (json_array_get_string_element (head, 4), ==, "title");
  g_assert_cmpstr (json_array_get_string_element (head, 12), ==, "note");
  g_assert_cmpstr (json_array_get_string_element (head, 15), ==, "evidence_sha256");
  g_assert_cmpstr (json_array_get_string_element (head, 16), ==, "evidence_captured");
  /* Oldest first: fixture articles were made in time order. */
  for (guint i = 0; i < f->articles->len; i++)
    {
      const FixtureArticle *fa = g_ptr_array_index (f->articles, i);
      JsonArray *row = json_array_get_array_element (rows, i + 1);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fa->id);
      g_autofree char *tags = g_strjoinv ("; ", fa->tags);
      g_autofree char *flag = g_strdup_printf ("%d", fa->flag);

      g_assert_cmpuint (json_array_get_length (row), ==, 17);
      /* No page read, no copy kept: the feed's text, no hash. */
      assert_cell (row, 13, "feed");
      assert_cell (row, 14, "0");
      assert_cell (row, 15, "");
      assert_cell (row, 16, "");
      assert_cell (row, 0, id);
      assert_cell (row, 2, fa->outlet);
      assert_cell (row, 3, fa->url);
      assert_cell (row, 4, fa->title);
      assert_cell (row, 5, fa->author);
      assert_cell (row, 10, tags);
      assert_cell (row, 11, flag);
      assert_cell (row, 12, fa->note);
      if (fa->rules)
        assert_cell (row, 8, fa->rules);
      if (fa->words)
        assert_cell (row, 9, fa->words);
    }
}

static void
test_csv_round_trip (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autofree char *plain = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *bom = g_build_filename (f->dir, "bom.csv", NULL);
  ClipExportOptions options = { CLIP_EXPORT_CSV };
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  ClipExportResult result;

  clip_export_to_file (f->store, NULL, &options, plain, &result, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.articles, ==, f->articles->len);
  g_assert_true (g_file_get_contents (plain, &bytes, NULL, NULL));
  g_assert_false (g_str_has_prefix (bytes, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_prefix (bytes, "id,time,outlet,url,title,"));
  g_assert_nonnull (strstr (bytes, "\r\n"));
  check_csv_rows (f, plain, FALSE);

  options.bom = TRUE;
  clip_export_to_file (f->store, NULL, &options, bom, &result, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  check_csv_rows (f, bom, TRUE);
}

/* --- JSON -------------------------------------------------------------- */

static void
check_json_article (JsonObject *o, const FixtureArticle *fa)
{
  JsonArray *tags = json_object_get_array_member (o, "tags");
  JsonArray *matches = json_object_get_array_member (o, "matches");

  g_assert_cmpint (json_object_get_int_member (o, "id"), ==, fa->id);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, fa->title);
  g_assert_cmpstr (json_object_get_string_member (o, "author"), ==, fa->author);
  g_assert_cmpstr (json_object_get_string_member (o, "url"), ==, fa->url);
  g_assert_cmpstr (json_object_get_string_member (o, "outlet"), ==, fa->outlet);
  g_assert_cmpstr (json_object_get_string_member (o, "text"), ==, fa->body);
  if (fa->note && *fa->note)
    g_assert_cmpstr (json_object_get_string_member (o, "note"), ==, fa->note);
  g_assert_cmpuint (json_array_get_length (tags), ==, g_strv_length (fa->tags));
  for (guint t = 0; fa->tags[t]; t++)
    g_assert_cmpstr (json_array_get_string_element (tags, t), ==, fa->tags[t]);
  g_assert_cmpuint (json_array_get_length (matches), ==, fa->n_matches);
  for (guint m = 0; m < json_array_get_length (matches); m++)
    {
      JsonObject *match = json_array_get_object_element (matches, m);
      JsonArray *spans = json_object_get_array_member (match, "spans");

      g_assert_cmpuint (json_array_get_length (spans), >, 0);
      for (guint s = 0; s < json_array_get_length (spans); s++)
        {
          JsonObject *span = json_array_get_object_element (spans, s);
          const char *field = json_object_get_string_member (span, "field");
          const char *text = g_str_equal (field, "title") ? fa->title : fa->body;
          gint64 start = json_object_get_int_member (span, "start");
          gint64 end = json_object_get_int_member (span, "end");
          g_autofree char *slice = g_strndup (text + start, end - start);

          /* The spans point into the fields as exported. */
          g_assert_cmpstr (json_object_get_string_member (span, "text"), ==, slice);
        }
    }
}

static void
test_json_round_trip (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autofree char *path = g_build_filename (f->dir, "out.json", NULL);
  ClipExportOptions options = { CLIP_EXPORT_JSON, .title = "March <report>" };
  ClipExportScope scope = { .since = 1, .until = G_MAXINT32 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *period;
  JsonArray *articles, *rules;

  clip_export_to_file (f->store, &scope, &options, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  root = parse_json_file (path);
  o = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (o, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "March <report>");
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, f->articles->len);
  period = json_object_get_object_member (o, "period");
  g_assert_cmpstr (json_object_get_string_member (period, "since"), ==, "1970-01-01T00:00:01Z");
  g_assert_true (json_object_has_member (json_object_get_object_member (o, "scope"), "rule"));
  rules = json_object_get_array_member (o, "rules");
  g_assert_cmpuint (json_array_get_length (rules), ==, 3);
  /* Most articles first; the colour that was not a colour is replaced. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rules, 0), "name"),
                   ==, "Russian interference");
  for (guint r = 0; r < 3; r++)
    {
      const char *color = json_object_get_string_member (json_array_get_object_element (rules, r), "color");

      g_assert_true (g_regex_match_simple ("^#[0-9a-f]{6}$", color, 0, 0));
    }
  articles = json_object_get_array_member (o, "articles");
  g_assert_cmpuint (json_array_get_length (articles), ==, f->articles->len);
  for (guint i = 0; i < f->articles->len; i++)
    check_json_article (json_array_get_object_element (articles, i), g_ptr_array_index (f->articles, i));
}

/* One article in the first outlet, with a rule's match row (spans as
 * given) on it. */
static void
add_matched_article (Fixture *f, const char *title, const char *body, const char *spans)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult result;
  ClipArticle *a = clip_article_new ();
  sqlite3_stmt *stmt;

  a->guid = g_strdup (title);
  a->title = g_strdup (title);
  a->summary_text = g_strdup (body);
  a->published = 1740816000;
  g_ptr_array_add (batch, a);
  clip_ingest_result_init (&result);
  g_assert_true (clip_store_ingest (f->store, f->outlets[0], batch, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added_ids->len, ==, 1);
  stmt = clip_store_prepare (f->store,
      "INSERT INTO matches (rule_id, article_id, spans, matched) VALUES (?, ?, ?, 1)", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, f->rules[RULE_INTERFERENCE]);
  sqlite3_bind_int64 (stmt, 2, g_array_index (result.added_ids, gint64, 0));
  clip_store_bind_text (stmt, 3, spans);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  clip_ingest_result_clear (&result);
}

/* A NEAR's side inside an adjacent pair ("interference" within "Russian
 * interference") adds no word of its own to "why it was flagged". */
static void
test_csv_nested_spans (void)
{
  g_autoptr(Fixture) f = fixture_new (FALSE);
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *csv = NULL;
  ClipExportOptions options = { CLIP_EXPORT_CSV };
  ClipExportScope scope = { .since = 1, .until = G_MAXINT32 };
  g_autoptr(GError) error = NULL;

  /* "Russian interference" 0-20, its "interference" 8-20, "Russian" 43-50. */
  add_matched_article (f, "Partners", "Russian interference. Georgia has seen the Russian army.",
                       "[{\"field\":\"body\",\"start\":0,\"end\":20},"
                       "{\"field\":\"body\",\"start\":8,\"end\":20},"
                       "{\"field\":\"body\",\"start\":43,\"end\":50}]");
  clip_export_to_file (f->store, &scope, &options, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "Russian interference: Russian interference, Russian"));
}

/* The spans column of an old or edited archive: the report lists the spans
 * that fit (read by clip_rule_spans_from_json(), as the reading view reads
 * them) and names their words; the others are left out, not guessed at. */
static void
test_json_damaged_spans (void)
{
  g_autoptr(Fixture) f = fixture_new (FALSE);
  g_autofree char *path = g_build_filename (f->dir, "out.json", NULL);
  ClipExportOptions options = { CLIP_EXPORT_JSON };
  ClipExportScope scope = { .since = 1, .until = G_MAXINT32 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  JsonObject *match;
  JsonArray *spans, *words;

  add_matched_article (f, "Kremlin partners", "Russian interference in Georgia.",
                       "[{\"start\":0,\"end\":7},"                         /* no field */
                       "{\"field\":\"title\",\"start\":0,\"end\":7},"
                       "{\"field\":\"body\",\"start\":25,\"end\":999},"     /* past the end */
                       "{\"field\":\"body\",\"start\":20,\"end\":8},"       /* reversed */
                       "{\"field\":\"Body\",\"start\":0,\"end\":7},"        /* no such field */
                       "{\"field\":\"outlet\",\"start\":0,\"end\":5},"      /* not in the report */
                       "[],7,"
                       "{\"field\":\"body\",\"start\":8,\"end\":20}]");
  clip_export_to_file (f->store, &scope, &options, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  root = parse_json_file (path);
  match = json_array_get_object_element (json_object_get_array_member (
      json_array_get_object_element (json_object_get_array_member (
          json_node_get_object (root), "articles"), 0), "matches"), 0);
  spans = json_object_get_array_member (match, "spans");
  for (guint i = 0; i < json_array_get_length (spans); i++)
    {
      JsonObject *s = json_array_get_object_element (spans, i);

      g_string_append_printf (got, "%s:%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ":%s ",
                              json_object_get_string_member (s, "field"),
                              json_object_get_int_member (s, "start"),
                              json_object_get_int_member (s, "end"),
                              json_object_get_string_member (s, "text"));
    }
  g_assert_cmpstr (got->str, ==, "title:0-7:Kremlin body:8-20:interference ");
  words = json_object_get_array_member (match, "words");
  g_assert_cmpuint (json_array_get_length (words), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (words, 0), ==, "Kremlin");
  g_assert_cmpstr (json_array_get_string_element (words, 1), ==, "interference");
}

/* --- HTML -------------------------------------------------------------- */

static gboolean
is_web_link (const char *href)
{
  return g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://");
}

/* What a browser would run or fetch: scripts, event handlers, javascript:
 * URLs, and any resource from elsewhere. */
static void
assert_inert (xmlNode *node, guint *marks, guint *links)
{
  for (; node; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) node->name;

          g_assert_cmpstr (name, !=, "script");
          g_assert_cmpstr (name, !=, "iframe");
          g_assert_cmpstr (name, !=, "object");
          g_assert_cmpstr (name, !=, "embed");
          g_assert_cmpstr (name, !=, "img");
          g_assert_cmpstr (name, !=, "link");
          g_assert_cmpstr (name, !=, "base");
          g_assert_cmpstr (name, !=, "form");
          if (g_str_equal (name, "mark"))
            (*marks)++;
          if (g_str_equal (name, "style"))
            {
              g_autofree char *css = (char *) xmlNodeGetContent (node);

              g_assert_null (strstr (css, "url("));
              g_assert_null (strstr (css, "@import"));
            }
          for (xmlAttr *attr = node->properties; attr; attr = attr->next)
            {
              g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) attr);
              g_autofree char *lower = g_ascii_strdown (value ? value : "", -1);
              const char *aname = (const char *) attr->name;

              g_assert_false (g_ascii_strncasecmp (aname, "on", 2) == 0);
              g_assert_null (strstr (lower, "javascript:"));
              g_assert_cmpstr (aname, !=, "src");
              g_assert_cmpstr (aname, !=, "srcset");
              g_assert_cmpstr (aname, !=, "xlink:href");
              if (g_str_equal (aname, "href"))
                {
                  g_assert_cmpstr (name, ==, "a");
                  g_assert_true (is_web_link (value));
                  (*links)++;
                }
              if (g_str_equal (aname, "style"))
                g_assert_null (strstr (lower, "url("));
            }
        }
      assert_inert (node->children, marks, links);
    }
}

static htmlDocPtr
read_html (const char *path, char **text_out)
{
  g_autofree char *html = NULL;
  gsize len;
  htmlDocPtr doc;

  g_assert_true (g_file_get_contents (path, &html, &len, NULL));
  doc = htmlReadMemory (html, len, path, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  if (text_out)
    *text_out = (char *) xmlNodeGetContent (xmlDocGetRootElement (doc));
  return doc;
}

static void
test_html_hostile (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autofree char *path = g_build_filename (f->dir, "report.html", NULL);
  ClipExportOptions options = { CLIP_EXPORT_HTML };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  htmlDocPtr doc;
  guint marks = 0, links = 0;

  clip_export_to_file (f->store, NULL, &options, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  doc = read_html (path, &text);
  assert_inert (xmlDocGetRootElement (doc), &marks, &links);
  /* Matched words are highlighted; only the http(s) articles are links. */
  g_assert_cmpuint (marks, >=, f->articles->len);
  g_assert_cmpuint (links, ==, fixture_count_web_links (f));
  /* Hostile text is shown as the text it is. */
  g_assert_nonnull (strstr (text, "<script>alert('title')</script>"));
  g_assert_nonnull (strstr (text, "რუსეთის ჩარევა არჩევნებში"));
  g_assert_nonnull (strstr (text, "Analyst's note:\nline two"));
  xmlFreeDoc (doc);
}

static void
test_html_sanitize_corpus (void)
{
  g_autofree char *dir = clip_test_shared_path ("corpus/feedparser/wellformed/sanitize");
  g_autoptr(Fixture) f = NULL;
  g_autofree char *path = NULL;
  ClipExportOptions options = { CLIP_EXPORT_HTML };
  g_autoptr(GError) error = NULL;
  ClipExportResult result;
  htmlDocPtr doc;
  guint marks = 0, links = 0, n;

  if (dir == NULL)
    return;
  f = fixture_new (FALSE);
  n = fixture_add_sanitize_corpus (f, dir);
  g_assert_cmpuint (n, >, 500);
  path = g_build_filename (f->dir, "corpus.html", NULL);
  clip_export_to_file (f->store, NULL, &options, path, &result, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.articles, ==, n);
  doc = read_html (path, NULL);
  assert_inert (xmlDocGetRootElement (doc), &marks, &links);
  g_assert_cmpuint (marks, >, 0);
  xmlFreeDoc (doc);
}

/* --- PDF --------------------------------------------------------------- */

static char *
run_tool (const char *tool, const char * const *args)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;
  g_ptr_array_add (argv, program);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_page_count (const char *path)
{
  const char *args[] = { path, NULL };
  g_autofree char *info = run_tool ("pdfinfo", args);
  g_autoptr(GMatchInfo) m = NULL;
  g_autoptr(GRegex) re = g_regex_new ("^Pages:\\s+(\\d+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *n = NULL;

  g_assert_nonnull (info);
  g_assert_true (g_regex_match (re, info, 0, &m));
  n = g_match_info_fetch (m, 1);
  return (guint) g_ascii_strtoull (n, NULL, 10);
}

static void
test_pdf_scripts_and_pages (void)
{
  g_autoptr(Fixture) f = NULL;
  g_autofree char *path = NULL, *text = NULL, *fonts = NULL, *last = NULL, *n = NULL;
  ClipExportOptions options = { CLIP_EXPORT_PDF };
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  ClipExportResult result;

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are needed to read the PDF back");
      return;
    }
  f = fixture_new (TRUE);
  path = g_build_filename (f->dir, "report.pdf", NULL);
  clip_export_to_file (f->store, NULL, &options, path, &result, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Cover, summary with chart, and the seven articles on two pages. */
  g_assert_cmpuint (result.pages, ==, 4);
  g_assert_cmpuint (pdf_page_count (path), ==, 4);
  text = run_tool ("pdftotext", (const char *[]) { "-enc", "UTF-8", path, "-", NULL });
  g_assert_nonnull (strstr (text, "რუსეთის ჩარევა არჩევნებში"));
  g_assert_nonnull (strstr (text, "Вмешательство России в выборы"));
  g_assert_nonnull (strstr (text, "Partners face Russian interference"));
  g_assert_nonnull (strstr (text, "Page 4"));
  /* Real glyphs: a missing glyph would be drawn as a box, which pdftotext
   * cannot read back as the Georgian above; and every font is embedded,
   * with its text mapping. */
  fonts = run_tool ("pdffonts", (const char *[]) { path, NULL });
  if (fonts)
    {
      g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);

      for (guint i = 2; lines[i] && lines[i][0]; i++)
        g_assert_true (g_regex_match_simple ("yes +yes +yes +\\d+ +\\d+$", lines[i], 0, 0));
      g_assert_cmpuint (g_strv_length (lines), >, 3);
    }

  /* Many articles flow over many pages, each numbered. */
  fixture_add_many (f, 150);
  clip_export_to_file (f->store, NULL, &options, path, &result, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.articles, ==, f->articles->len + 150);
  g_assert_cmpuint (result.pages, >, 10);
  g_assert_cmpuint (pdf_page_count (path), ==, result.pages);
  n = g_strdup_printf ("%u", result.pages);
  last = run_tool ("pdftotext", (const char *[]) { "-f", n, "-l", n, "-enc", "UTF-8", path, "-", NULL });
  g_free (n);
  n = g_strdup_printf ("Page %u", result.pages);
  g_assert_nonnull (strstr (last, n));
}

/* --- bidi controls and invisible characters -------------------------- */

static gboolean
has_bidi_control (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return TRUE;
    }
  return FALSE;
}

/* Right-to-left overrides in feed text ("gpj.exe" shown as "exe.jpg")
 * reorder nothing in any report, and a formula behind characters that
 * show nothing is still a formula to a spreadsheet. */
static void
test_bidi_and_invisible (void)
{
  g_autoptr(Fixture) f = fixture_new (FALSE);
  g_autofree char *csv = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *html = g_build_filename (f->dir, "out.html", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *bytes = NULL, *text = NULL, *pdftotext = NULL;
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  ClipExportOptions options = { CLIP_EXPORT_CSV };
  JsonArray *row;
  gboolean bom;

  fixture_add_article (f, 2, "Invoice \u202egpj.exe", "\ufeff=HYPERLINK(\"https://evil.example\")",
                       "Russian interference \u202bembedded\u202c and \u2067isolated\u2069 text",
                       "\u200b+cmd|' /C calc'!A0",
                       (const char *[]) { "\u2060@tag", "\u2066isolated\u2069", NULL });
  clip_export_to_file (f->store, NULL, &options, csv, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &bytes, NULL, NULL));
  g_assert_false (has_bidi_control (bytes));
  if ((rows = read_csv_with_python (csv, &bom)) != NULL)
    {
      row = json_array_get_array_element (rows, 1);
      g_assert_cmpstr (json_array_get_string_element (row, 4), ==, "Invoice gpj.exe");
      g_assert_cmpstr (json_array_get_string_element (row, 5), ==,
                       "'\ufeff=HYPERLINK(\"https://evil.example\")");
      g_assert_cmpstr (json_array_get_string_element (row, 10), ==, "'\u2060@tag; isolated");
      g_assert_cmpstr (json_array_get_string_element (row, 12), ==, "'\u200b+cmd|' /C calc'!A0");
    }

  options.format = CLIP_EXPORT_HTML;
  clip_export_to_file (f->store, NULL, &options, html, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&bytes, g_free);
  g_assert_true (g_file_get_contents (html, &bytes, NULL, NULL));
  g_assert_false (has_bidi_control (bytes));
  g_assert_nonnull (strstr (bytes, "<h3 dir=\"auto\"><a href=\"https://example.org/0\" "));
  g_assert_nonnull (strstr (bytes, ">Invoice gpj.exe</a></h3>"));
  g_assert_nonnull (strstr (bytes, "<bdi>=HYPERLINK(&quot;http://evil.example&quot;)</bdi> · <time"));
  g_assert_nonnull (strstr (bytes, "<bdi>\ufeff=HYPERLINK(&quot;https://evil.example&quot;)</bdi>"));
  g_assert_nonnull (strstr (bytes, "<bdi>\u2060@tag</bdi>, <bdi>isolated</bdi>"));
  g_assert_nonnull (strstr (bytes, "<p class=\"excerpt\" dir=\"auto\">"));

  if (!(pdftotext = g_find_program_in_path ("pdftotext")))
    return;
  options.format = CLIP_EXPORT_PDF;
  clip_export_to_file (f->store, NULL, &options, pdf, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  text = run_tool ("pdftotext", (const char *[]) { "-enc", "UTF-8", pdf, "-", NULL });
  g_assert_false (has_bidi_control (text));
  g_assert_nonnull (strstr (text, "Invoice gpj.exe"));
  g_assert_null (strstr (text, "exe.jpg"));
  g_assert_nonnull (strstr (text, "embedded and isolated text"));
}

int
main (int argc, char **argv)
{
  /* Dates in reports are local: make them the same everywhere. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/export/json/round-trip", test_json_round_trip);
  g_test_add_func ("/export/csv/nested-spans", test_csv_nested_spans);
  g_test_add_func ("/export/json/damaged-spans", test_json_damaged_spans);
  g_test_add_func ("/export/html/hostile", test_html_hostile);
  g_test_add_func ("/export/html/sanitize-corpus", test_html_sanitize_corpus);
  g_test_add_func ("/export/pdf/scripts-and-pages", test_pdf_scripts_and_pages);
  g_test_add_func ("/export/bidi-and-invisible", test_bidi_and_invisible);
  add_scope_tests ();
  add_report_tests ();
  return g_test_run ();
}
