/* test-rules-store.c — rules in the archive: default rules, matching inside
 * the ingest transaction, edits recompute, deletes remove, search and
 * backfill through the index agree with the matcher.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-archive.h"
#include "clip-rule-apply.h"
#include "clip-rule-backfill.h"
#include "clip-rule-search.h"
#include "clip-rule-colors.h"
#include "clip-rules-store.h"
#include "clip-store-sql.h"
#include "clip-test-rules.h"
#include "clip-test-util.h"

#include <string.h>

static ClipArticle *
article_from_capture (const char *path, const char *guid)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  ClipArticle *a = clip_article_new ();

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", 4);
  a->guid = g_strdup (guid);
  a->url = g_strdup_printf ("https://rustavi2.ge/en/news/%s", guid);
  a->title = g_strdup (lines[2]);
  a->summary_text = g_strdup (lines[3]);
  a->published = 1732665120;
  return a;
}

static gint64
ingest_one (ClipStore *store, gint64 outlet, ClipArticle *a)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult r;
  gint64 id;

  g_ptr_array_add (batch, a);
  clip_ingest_result_init (&r);
  g_assert_true (clip_store_ingest (store, outlet, batch, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.added + r.updated, ==, 1);
  id = r.added ? g_array_index (r.added_ids, gint64, 0) : g_array_index (r.updated_ids, gint64, 0);
  clip_ingest_result_clear (&r);
  return id;
}

static void
test_defaults (void)
{
  g_autoptr(ClipStore) store = clip_test_rules_archive (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = clip_store_list_rules (store, &error);
  g_autoptr(ClipRule) ri = clip_store_find_rule (store, "Russian interference", &error);
  g_autoptr(ClipTermLists) lists = clip_store_load_term_lists (store, &error);
  GPtrArray *russia;
  const char *expected[] = { "Russia*", "Kremlin", "Moscow", "Росси*", "Кремл*", "რუსეთ*", "კრემლ*" };

  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, >=, 4);
  g_assert_cmpstr (ri->query, ==, CLIP_TEST_RUSSIAN_INTERFERENCE);
  g_assert_true (ri->enabled);
  russia = g_hash_table_lookup (lists, "russia_terms");
  g_assert_cmpuint (russia->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < russia->len; i++)
    g_assert_cmpstr (g_ptr_array_index (russia, i), ==, expected[i]);
  /* Every default rule compiles against the default lists. */
  for (guint i = 0; i < rules->len; i++)
    {
      const ClipRule *r = g_ptr_array_index (rules, i);
      g_assert_true (clip_store_check_query (store, r->query, NULL, &error));
      g_assert_no_error (error);
    }
  /* Each of the three languages is covered in the lists. */
  g_assert_nonnull (g_hash_table_lookup (lists, "election_terms"));
  g_assert_nonnull (g_hash_table_lookup (lists, "protest_terms"));
}

static void
test_ingest_matches (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ClipStore) store = clip_test_rules_archive (&dir);
  g_autoptr(ClipStore) reader = NULL;
  g_autoptr(ClipRule) ri = clip_store_find_rule (store, "Russian interference", NULL);
  g_autofree char *pos = clip_test_data_path ("rules/positive.txt");
  g_autofree char *neg = clip_test_data_path ("rules/decoy.txt");
  g_autofree char *spans = NULL;
  g_autoptr(GError) error = NULL;
  gint64 outlet = clip_test_rules_outlet (store), a, b;

  a = ingest_one (store, outlet, article_from_capture (pos, "1"));
  b = ingest_one (store, outlet, article_from_capture (neg, "2"));
  /* Another connection sees the matches as soon as the ingest returns:
   * they were in its commit. */
  reader = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (clip_test_rules_count (reader, "SELECT count(*) FROM matches WHERE rule_id = ? AND article_id = ?",
                          ri->id, a), ==, 1);
  g_assert_cmpint (clip_test_rules_count (reader, "SELECT count(*) FROM matches WHERE rule_id = ? AND article_id = ?",
                          ri->id, b), ==, 0);
  g_assert_cmpint (clip_test_rules_count (reader, "SELECT count(*) FROM alerts WHERE rule_id = ? AND article_id = ?",
                          ri->id, a), ==, 1);
  spans = clip_store_get_match_spans (reader, ri->id, a, &error);
  /* "Foreign ministers warn of Russian interference ahead of the vote" */
  g_assert_nonnull (strstr (spans, "{\"field\":\"title\",\"start\":26,\"end\":46}"));

  /* The article changes and no longer matches: the match goes, the alert
   * (it happened) stays; the analyst's flag stays too. */
  g_assert_true (clip_store_set_flag (store, a, 2, &error));
  {
    ClipArticle *c = article_from_capture (pos, "1");
    g_free (c->title);
    g_free (c->summary_text);
    c->title = g_strdup ("Foreign ministers meet in Vilnius");
    c->summary_text = g_strdup ("They discussed support for independent media.");
    g_assert_cmpint (ingest_one (store, outlet, c), ==, a);
  }
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE rule_id = ? AND article_id = ?",
                          ri->id, a), ==, 0);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM alerts WHERE rule_id = ? AND article_id = ?",
                          ri->id, a), ==, 1);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT flag FROM articles WHERE id = ? AND ? > 0", a, 1), ==, 2);
}

/* The rules version grows with each change to rules or lists, and says
 * -1 when it cannot be read, so that nothing kept is taken as current. */
static void
test_rules_version (void)
{
  g_autoptr(ClipStore) store = clip_test_rules_archive (NULL);
  const char *terms[] = { "Abkhazia", "Tskhinvali", NULL };
  gint64 v0 = clip_store_rules_version (store), v1, v2;

  g_assert_cmpint (v0, >=, 0);
  g_assert_cmpint (clip_test_rules_add (store, "Occupied regions", "Abkhazia OR Tskhinvali"), >, 0);
  v1 = clip_store_rules_version (store);
  g_assert_cmpint (v1, >, v0);
  g_assert_true (clip_store_set_term_list (store, "regions", terms, NULL));
  v2 = clip_store_rules_version (store);
  g_assert_cmpint (v2, >, v1);
  g_assert_true (clip_store_remove_term_list (store, "regions", NULL));
  g_assert_cmpint (clip_store_rules_version (store), >, v2);
  /* Unreadable (here: the table gone). */
  g_assert_true (clip_store_exec (store, "DROP TABLE state", NULL));
  g_assert_cmpint (clip_store_rules_version (store), ==, -1);
}

static void
test_edit_and_delete (void)
{
  g_autoptr(ClipStore) store = clip_test_rules_archive (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pos = clip_test_data_path ("rules/positive.txt");
  g_autofree char *neg = clip_test_data_path ("rules/decoy.txt");
  gint64 outlet = clip_test_rules_outlet (store), a, b, id;
  ClipRule r = { .name = "Ballet", .query = "ballet", .enabled = TRUE };
  g_autoptr(ClipRule) saved = NULL;
  gboolean recompute = FALSE;
  guint64 n = 0;

  a = ingest_one (store, outlet, article_from_capture (pos, "1"));
  b = ingest_one (store, outlet, article_from_capture (neg, "2"));
  id = clip_store_add_rule (store, &r, &error);
  g_assert_no_error (error);
  /* A new rule matches the archive once backfilled. */
  g_assert_true (clip_rule_backfill (store, id, NULL, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE rule_id = ? AND article_id = ?",
                          id, b), ==, 1);
  /* Archived articles raise no alerts. */
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM alerts WHERE rule_id = ? AND ? > 0", id, 1), ==, 0);

  /* Editing the query recomputes. */
  saved = clip_store_get_rule (store, id, &error);
  g_free (saved->query);
  saved->query = g_strdup ("\"foreign ministers\"");
  g_assert_true (clip_store_update_rule (store, saved, &recompute, &error));
  g_assert_true (recompute);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE rule_id = ? AND ? > 0", id, 1), ==, 0);
  g_assert_true (clip_rule_backfill (store, id, NULL, NULL, &n, NULL, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE rule_id = ? AND article_id = ?",
                          id, a), ==, 1);
  g_clear_pointer (&saved, clip_rule_free);
  saved = clip_store_get_rule (store, id, &error);
  g_assert_cmpint (saved->match_count, ==, 1);

  /* An invalid query is refused, with its column, and nothing changes. */
  g_free (saved->query);
  saved->query = g_strdup ("ministers NEAR");
  g_assert_false (clip_store_update_rule (store, saved, NULL, &error));
  g_assert_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_MISSING_OPERAND);
  g_assert_true (g_str_has_prefix (error->message, "column 11: "));
  g_clear_error (&error);
  g_assert_cmpint (clip_store_add_rule (store, &(ClipRule) { .name = "x", .query = "-a" }, &error), ==, 0);
  g_assert_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_NO_POSITIVE);
  g_clear_error (&error);
  g_assert_cmpint (clip_store_add_rule (store, &r, &error), ==, 0);
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* A disabled rule is not matched at ingest. */
  saved->enabled = FALSE;
  g_free (saved->query);
  saved->query = g_strdup ("ministers");
  g_assert_true (clip_store_update_rule (store, saved, &recompute, &error));
  g_assert_false (recompute);
  ingest_one (store, outlet, article_from_capture (pos, "3"));
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE rule_id = ? AND ? > 0", id, 1), ==, 0);

  /* Deleting removes its matches. */
  saved->enabled = TRUE;
  g_assert_true (clip_store_update_rule (store, saved, &recompute, &error));
  g_assert_true (recompute);
  g_assert_true (clip_rule_backfill (store, id, NULL, NULL, &n, NULL, &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (clip_store_remove_rule (store, id, &error));
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE rule_id = ? AND ? > 0", id, 1), ==, 0);
  g_assert_false (clip_store_remove_rule (store, id, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
}

static void
test_term_lists (void)
{
  g_autoptr(ClipStore) store = clip_test_rules_archive (NULL);
  g_autoptr(GError) error = NULL;
  const char *terms[] = { "ballet", "\"Swan Lake\"", NULL };
  const char *bad[] = { "r*", NULL };
  g_autoptr(GArray) users = NULL;
  g_autoptr(GArray) found = NULL;
  gint64 outlet = clip_test_rules_outlet (store), id;
  g_autofree char *neg = clip_test_data_path ("rules/decoy.txt");

  ingest_one (store, outlet, article_from_capture (neg, "2"));
  g_assert_true (clip_store_add_terms (store, "culture", terms, &error));
  g_assert_no_error (error);
  g_assert_false (clip_store_add_terms (store, "culture", bad, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (clip_store_add_terms (store, "two words", terms, &error));
  g_clear_error (&error);
  id = clip_store_add_rule (store, &(ClipRule) { .name = "Culture", .query = "title:@culture",
                                                  .enabled = TRUE }, &error);
  g_assert_no_error (error);
  users = clip_store_rules_using_list (store, "culture", &error);
  g_assert_cmpuint (users->len, ==, 1);
  g_assert_cmpint (g_array_index (users, gint64, 0), ==, id);
  g_assert_false (clip_store_remove_term_list (store, "culture", &error));
  g_clear_error (&error);
  found = clip_rule_search (store, "title:@culture", 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  found = clip_rule_search (store, "body:@culture", 0, 0, NULL, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  found = clip_rule_search (store, "@nope", 0, 0, NULL, &error);
  g_assert_null (found);
  g_assert_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_UNKNOWN_LIST);
}

static void
test_search_paging (void)
{
  g_autoptr(ClipStore) store = clip_test_rules_archive (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) page = NULL;
  gint64 outlet = clip_test_rules_outlet (store);

  for (guint i = 0; i < 30; i++)
    {
      ClipArticle *a = clip_article_new ();
      a->guid = g_strdup_printf ("g%u", i);
      a->title = g_strdup_printf ("Item %u", i);
      a->summary_text = g_strdup (i % 3 == 0 ? "Russia and the vote" : i % 3 == 1
                                  ? "Russia's sport news" : "nothing here");
      ingest_one (store, outlet, a);
    }
  all = clip_rule_search (store, "Russia* -sport", 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 10);
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (g_array_index (all, gint64, i - 1), >, g_array_index (all, gint64, i));
  page = clip_rule_search (store, "Russia* -sport", g_array_index (all, gint64, 3), 4, NULL, &error);
  g_assert_cmpuint (page->len, ==, 4);
  g_assert_cmpmem (page->data, 4 * sizeof (gint64), &g_array_index (all, gint64, 4), 4 * sizeof (gint64));
  g_clear_pointer (&page, g_array_unref);
  /* A rule that the index cannot narrow still works (every article). */
  page = clip_rule_search (store, "lang:en OR ?ussia*", 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 20);
}

/* A rule's preview shows the newest matches by time: not the last to
 * arrive (an old article fetched late), not one dated in the future. */
static void
test_search_newest (void)
{
  g_autoptr(ClipStore) store = clip_test_rules_archive (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) newest = NULL;
  gint64 outlet = clip_test_rules_outlet (store);
  const struct { const char *title; gint64 published, fetched; } rows[] = {
    { "Morning vote", 1780000000, 1780000100 },
    { "Noon vote", 1780010000, 1780010100 },
    { "Old vote", 1779000000, 1780020000 },
    { "Embargoed vote", 1811000000, 1780000200 },
    { "Unrelated", 1780030000, 1780030000 },
  };
  const char *want[] = { "Noon vote", "Embargoed vote", "Morning vote" };
  guint64 count = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      ClipArticle *a = clip_article_new ();

      a->guid = g_strdup (rows[i].title);
      a->title = g_strdup (rows[i].title);
      a->summary_text = g_strdup ("The parliament met.");
      a->published = rows[i].published;
      a->fetched = rows[i].fetched;
      ingest_one (store, outlet, a);
    }
  newest = clip_rule_search_newest (store, "title:vote", 3, &count, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 4);
  g_assert_cmpuint (newest->len, ==, 3);
  for (guint i = 0; i < newest->len; i++)
    g_assert_cmpstr (((ClipArticle *) newest->pdata[i])->title, ==, want[i]);
}

/* A new rule's colour is the palette's farthest from those in use. */
static void
test_colors (void)
{
  g_autoptr(ClipStore) store = clip_test_rules_archive (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rules = NULL;
  const char *one[] = { "#3584e4", NULL };
  const char *junk[] = { "blue", "#12345", "#gggggg", NULL };
  guint n = 0;

  /* Nothing in use: the first; junk counts as nothing. */
  g_assert_cmpstr (clip_rule_pick_color (NULL), ==, clip_rule_palette[0]);
  g_assert_cmpstr (clip_rule_pick_color (junk), ==, clip_rule_palette[0]);
  g_assert_cmpstr (clip_rule_pick_color (one), !=, "#3584e4");
  /* All the palette but one in use: that one. */
  while (clip_rule_palette[n])
    n++;
  for (guint skip = 0; skip < n; skip++)
    {
      g_autoptr(GPtrArray) others = g_ptr_array_new ();

      for (guint i = 0; i < n; i++)
        if (i != skip)
          g_ptr_array_add (others, (gpointer) clip_rule_palette[i]);
      g_ptr_array_add (others, NULL);
      g_assert_cmpstr (clip_rule_pick_color ((const char * const *) others->pdata), ==, clip_rule_palette[skip]);
    }
  /* The default rules' six, then eight rules added without a colour:
   * fourteen different colours. */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("Rule %u", i);

      g_assert_cmpint (clip_store_add_rule (store, &(ClipRule) { .name = name, .query = "harbour",
                                                                  .enabled = TRUE }, &error), >, 0);
      g_assert_no_error (error);
    }
  rules = clip_store_list_rules (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 14);
  for (guint i = 0; i < rules->len; i++)
    {
      const ClipRule *r = g_ptr_array_index (rules, i);

      if (!g_hash_table_add (used, r->color))
        g_error ("%s has %s, as another rule has", r->name, r->color);
    }
}

/* Counts the statements that read an article back for the matcher: its
 * fields, its old matches, its tags. */
static int
count_lookups (unsigned type, void *data, void *stmt, void *sql)
{
  const char *text = sql;

  if (strstr (text, "FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.id") ||
      strstr (text, "SELECT rule_id FROM matches WHERE article_id") ||
      strstr (text, "FROM tags WHERE article_id"))
    (*(guint *) data)++;
  return 0;
}

/* rule_id, article_id and spans of every match, one line each. */
static ClipArticle *
make_article (const char *guid, const char *url, const char *title, const char *author,
              const char *summary, const char *content, const char *lang)
{
  ClipArticle *a = clip_article_new ();

  a->guid = g_strdup (guid);
  a->url = g_strdup (url);
  a->title = g_strdup (title);
  a->author = g_strdup (author);
  a->summary_text = g_strdup (summary);
  a->content_text = g_strdup (content);
  a->lang = g_strdup (lang);
  a->published = 1732665120;
  return a;
}

/* New articles are matched from the batch in memory, without reading
 * anything back; what that writes is exactly what matching the stored
 * rows gives, field by field. */
static void
test_ingest_new_from_memory (void)
{
  g_autoptr(ClipStore) store = clip_test_rules_archive (NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(ClipRuleSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *at_ingest = NULL, *from_rows = NULL;
  const char *rules[][2] = {
    { "Title", "title:ministers" }, { "Body", "body:(interfer* OR meddl*)" },
    { "Author", "author:Beridze" }, { "Lang", "lang:ka" }, { "Url", "url:news" },
    { "Site host", "outlet:rustavi2.ge" }, { "Feed host", "outlet:\"feeds.example.net\"" },
    { "Outlet name", "outlet:\"Rustavi 2\"" },
    { "Article host", "outlet:example.org" }, { "Tag", "tag:urgent" },
  };
  ClipOutlet other = { .url = "https://feeds.example.net/rustavi", .name = "Rustavi 2",
                       .site_url = "https://rustavi2.ge/en", .enabled = TRUE,
                       .interval = CLIP_DEFAULT_INTERVAL, .group = "" };
  ClipIngestResult r;
  /* Its feed is on another host than its site: both count. */
  gint64 outlet = clip_store_add_outlet (store, &other, &error);
  guint lookups = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    clip_test_rules_add (store, rules[i][0], rules[i][1]);
  g_ptr_array_add (batch, make_article ("1", "https://rustavi2.ge/en/news/1", "Foreign ministers meet",
                                        "Nino Beridze", "Talk of interference", NULL, "ka"));
  /* No title or author (stored as ''), an empty content: the body is the summary. */
  g_ptr_array_add (batch, make_article ("2", NULL, NULL, NULL, "Kremlin meddling again", "", NULL));
  /* The content wins over the summary; a link on another host. */
  g_ptr_array_add (batch, make_article ("3", "https://example.org/story", "Ministers",
                                        "", "interference", "Nothing of note", "en"));
  sqlite3_trace_v2 (clip_store_get_db (store), SQLITE_TRACE_STMT, count_lookups, &lookups);
  clip_ingest_result_init (&r);
  g_assert_true (clip_store_ingest (store, outlet, batch, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.added, ==, 3);
  g_assert_cmpuint (lookups, ==, 0);
  g_array_append_vals (ids, r.added_ids->data, r.added_ids->len);
  clip_ingest_result_clear (&r);
  at_ingest = clip_test_rules_dump_matches (store);

  /* The same articles matched again from their rows. */
  g_assert_true (clip_store_exec (store, "DELETE FROM matches", &error));
  set = clip_store_compile_rules (store, &error);
  g_assert_true (clip_rule_apply (store, set, ids, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lookups, >=, ids->len);
  sqlite3_trace_v2 (clip_store_get_db (store), 0, NULL, NULL);
  from_rows = clip_test_rules_dump_matches (store);
  g_assert_cmpstr (at_ingest, ==, from_rows);
  /* Every rule but the tag one matched something. */
  for (guint i = 0; i < G_N_ELEMENTS (rules) - 1; i++)
    {
      g_autoptr(ClipRule) rule = clip_store_find_rule (store, rules[i][0], &error);

      g_assert_no_error (error);
      g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE rule_id = ? AND ? > 0",
                              rule->id, 1), >=, 1);
    }
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE article_id = ? AND ? > 0",
                          g_array_index (ids, gint64, 0), 1), ==, 8);
}

/* A changed article is matched from its row: stale matches go, the
 * analyst's tags count, and an article added and changed within one
 * batch is matched as it was stored. */
static void
test_ingest_changed (void)
{
  g_autoptr(ClipStore) store = clip_test_rules_archive (NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult r;
  gint64 outlet = clip_test_rules_outlet (store), a, b;
  gint64 title = clip_test_rules_add (store, "Title", "title:ministers");
  gint64 tag = clip_test_rules_add (store, "Tag", "tag:urgent AND kremlin");

  a = ingest_one (store, outlet, make_article ("1", "https://rustavi2.ge/en/news/1",
                                               "Foreign ministers meet", NULL, "Kremlin", NULL, NULL));
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE rule_id = ? AND article_id = ?",
                          title, a), ==, 1);
  g_assert_true (clip_store_add_tag (store, a, "urgent", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ingest_one (store, outlet, make_article ("1", "https://rustavi2.ge/en/news/1",
                                                           "Presidents meet", NULL, "Kremlin talks",
                                                           NULL, NULL)), ==, a);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE rule_id = ? AND article_id = ?",
                          title, a), ==, 0);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE rule_id = ? AND article_id = ?",
                          tag, a), ==, 1);

  /* The same guid twice in one feed, the second changed: one article,
   * matched as stored (the second), and no alert for what the first
   * said and the stored one does not. */
  g_ptr_array_add (batch, make_article ("2", NULL, "Ministers talk", NULL, "x", NULL, NULL));
  g_ptr_array_add (batch, make_article ("2", NULL, "Nothing to see", NULL, "y", NULL, NULL));
  clip_ingest_result_init (&r);
  g_assert_true (clip_store_ingest (store, outlet, batch, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.added, ==, 1);
  b = g_array_index (r.added_ids, gint64, 0);
  clip_ingest_result_clear (&r);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM articles WHERE guid = '2' AND ? = ?", 0, 0), ==, 1);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE rule_id = ? AND article_id = ?",
                          title, b), ==, 0);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM alerts WHERE rule_id = ? AND article_id = ?",
                          title, b), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rules-store/defaults", test_defaults);
  g_test_add_func ("/rules-store/ingest", test_ingest_matches);
  g_test_add_func ("/rules-store/ingest-new-from-memory", test_ingest_new_from_memory);
  g_test_add_func ("/rules-store/ingest-changed", test_ingest_changed);
  g_test_add_func ("/rules-store/edit-delete", test_edit_and_delete);
  g_test_add_func ("/rules-store/version", test_rules_version);
  g_test_add_func ("/rules-store/term-lists", test_term_lists);
  g_test_add_func ("/rules-store/search", test_search_paging);
  g_test_add_func ("/rules-store/search-newest", test_search_newest);
  g_test_add_func ("/rules-store/colors", test_colors);
  return g_test_run ();
}
