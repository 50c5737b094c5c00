/* test-rule-match.c — what rules match (shared/RULES.md semantics)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-ruleset-private.h"
#include "clip-text.h"
#include "clip-test-util.h"

#include <stdio.h>
#include <string.h>

static ClipTermLists *
test_lists (void)
{
  static const char *russia[] = { "Russia*", "Kremlin", "Moscow", "Росси*", "Кремл*",
                                  "რუსეთ*", "კრემლ*" };
  ClipTermLists *l = clip_term_lists_new ();

  for (guint i = 0; i < G_N_ELEMENTS (russia); i++)
    clip_term_lists_add (l, "russia_terms", russia[i]);
  clip_term_lists_add (l, "eu", "\"European Union\"");
  clip_term_lists_add (l, "eu", "{EU}");
  clip_term_lists_add (l, "eu", "ევროკავშირ*");
  return l;
}

static int
cmp_id (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

/* "start-end " texts in numeric order. */
static int
cmp_span_text (const char **a, const char **b)
{
  guint as = 0, ae = 0, bs = 0, be = 0;

  sscanf (*a, "%u-%u", &as, &ae);
  sscanf (*b, "%u-%u", &bs, &be);
  if (as != bs)
    return as < bs ? -1 : 1;
  return ae < be ? -1 : ae > be;
}

static void
print_spans (gint64 id, const ClipRuleSpan *spans, guint n_spans, gpointer data)
{
  GString **o = data;

  *o = g_string_new (NULL);
  for (guint i = 0; i < n_spans; i++)
    g_string_append_printf (*o, "%s%s:%u-%u", i ? " " : "",
                            clip_rule_field_name (spans[i].field), spans[i].start, spans[i].end);
}

static void
collect_id (gint64 id, const ClipRuleSpan *spans, guint n, gpointer data)
{
  g_assert_cmpuint (n, >, 0);
  g_array_append_val ((GArray *) data, id);
}

/* "field:start-end ..." of the match, or NULL when it does not match. */
static char *
spans_of (const char *query, const ClipRuleDoc *doc)
{
  g_autoptr(ClipRuleSet) set = clip_rule_set_new ();
  g_autoptr(ClipTermLists) lists = test_lists ();
  g_autoptr(GError) error = NULL;
  GString *out = NULL;
  guint n;

  if (!clip_rule_set_add_query (set, 1, query, lists, NULL, &error))
    g_error ("“%s”: %s", query, error->message);
  n = clip_rule_set_match (set, doc, print_spans, &out);
  g_assert_cmpuint (n, ==, out ? 1 : 0);
  return out ? g_string_free (out, FALSE) : NULL;
}

static gboolean
matches_doc (const char *query, const ClipRuleDoc *doc)
{
  g_autofree char *s = spans_of (query, doc);
  return s != NULL;
}

static gboolean
matches (const char *query, const char *title, const char *body)
{
  ClipRuleDoc doc = { { title, body } };
  return matches_doc (query, &doc);
}

static void
expect (gboolean want, const char *query, const char *title, const char *body)
{
  if (matches (query, title, body) != want)
    g_error ("“%s” should%s match “%s” / “%s”", query, want ? "" : " not",
             title ? title : "", body ? body : "");
}

#define YES(q, t, b) expect (TRUE, q, t, b)
#define NO(q, t, b)  expect (FALSE, q, t, b)

static void
test_words (void)
{
  YES ("interference", NULL, "Russian Interference in the vote");
  YES ("interference", NULL, "Interférence russe");
  YES ("Interférence", NULL, "no INTERFERENCE here");
  NO ("interference", NULL, "interferences");
  NO ("interference", NULL, "");
  YES ("Russia AND Georgia", "Georgia", "and Russia");
  YES ("Russia Georgia", "Georgia", "and Russia");
  NO ("Russia Georgia", "Georgia", "and Ukraine");
  YES ("Russia OR Kremlin", NULL, "the Kremlin said");
  NO ("Russia OR Kremlin", NULL, "Moscow said");
  YES ("Russia NOT sport", NULL, "Russia invades");
  NO ("Russia NOT sport", NULL, "Russia sport");
  NO ("Russia -sport", NULL, "Russia and sport");
  YES ("Russia -sport", NULL, "Russia and sports");
  YES ("-sport Russia", NULL, "Russia");
  /* Lower-case operators are plain words. */
  YES ("war and peace", NULL, "War and Peace");
  NO ("war and peace", NULL, "war, peace");
  YES ("war or peace", NULL, "war or peace");
  NO ("war or peace", NULL, "war");
  YES ("not near", NULL, "not near here");
  NO ("not near", NULL, "near");
}

static void
test_wildcards (void)
{
  YES ("interfer*", NULL, "interfering");
  YES ("interfer*", NULL, "Interference");
  YES ("interfer*", NULL, "interfer");
  NO ("interfer*", NULL, "noninterference");
  YES ("wom?n", NULL, "women");
  YES ("wom?n", NULL, "WOMAN");
  NO ("wom?n", NULL, "womn");
  NO ("wom?n", NULL, "wooman");
  YES ("caf?", NULL, "Café");
  YES ("wo*n", NULL, "workmen");
  YES ("?ussia", NULL, "Russia");
  YES ("Росси*", NULL, "РОССИЯ");
  YES ("Росси*", NULL, "россиянин");
  YES ("\"hybrid war*\"", NULL, "a hybrid warfare campaign");
  NO ("\"hybrid war*\"", NULL, "a hybrid of war");
}

static void
test_phrases (void)
{
  YES ("\"Russian interference\"", NULL, "a subject of Russian interference.");
  NO ("\"Russian interference\"", NULL, "interference, Russian");
  NO ("\"Russian interference\"", NULL, "Russian election interference");
  /* Across punctuation and line breaks. */
  YES ("\"Russian interference\"", NULL, "Russian —\n\ninterference");
  YES ("\"Russian interference\"", NULL, "Russian, interference");
  YES ("Russian-backed", NULL, "Russian backed forces");
  YES ("\"Russian backed\"", NULL, "Russian-backed forces");
  /* Not across fields. */
  NO ("\"Russian interference\"", "News about Russian", "interference on the radio");
  /* Repeated words. */
  YES ("\"very very good\"", NULL, "it is very very very good");
}

static void
test_near (void)
{
  /* n other words between: n matches, n + 1 does not. */
  YES ("Russia NEAR/2 interference", NULL, "Russia a b interference");
  NO ("Russia NEAR/2 interference", NULL, "Russia a b c interference");
  YES ("Russia NEAR/0 interference", NULL, "Russia interference");
  NO ("Russia NEAR/0 interference", NULL, "Russia x interference");
  /* Either order for NEAR. */
  YES ("Russia NEAR/2 interference", NULL, "interference a b Russia");
  NO ("Russia NEAR/2 interference", NULL, "interference a b c Russia");
  /* ONEAR: the first before the second. */
  YES ("Russia ONEAR/2 interference", NULL, "Russia a b interference");
  NO ("Russia ONEAR/2 interference", NULL, "interference a Russia");
  YES ("Russia ONEAR/2 interference", NULL, "interference x Russia y interference");
  /* Bare NEAR is 4. */
  YES ("Russia NEAR interference", NULL, "Russia a b c d interference");
  NO ("Russia NEAR interference", NULL, "Russia a b c d e interference");
  YES ("Russia ONEAR interference", NULL, "Russia a b c d interference");
  NO ("Russia ONEAR interference", NULL, "Russia a b c d e interference");
  /* A phrase is one run: distance from its closer end. */
  YES ("\"Russian military\" NEAR/1 aggression", NULL, "Russian military big aggression");
  YES ("aggression NEAR/1 \"Russian military\"", NULL, "aggression by Russian military");
  NO ("\"Russian military\" NEAR/0 aggression", NULL, "Russian military big aggression");
  /* Groups and lists. */
  YES ("(Russia OR Kremlin) NEAR/5 (interfer* OR meddl*)", NULL, "the Kremlin is meddling");
  YES ("@russia_terms NEAR/3 (interfer* OR meddl*)", NULL, "Moscow keeps interfering");
  /* Same field only; the same word does not count twice. */
  NO ("Russia NEAR/3 interference", "Russia", "interference");
  NO ("Russia* NEAR/3 Russia", NULL, "Russia");
  YES ("Russia* NEAR/3 Russia", NULL, "Russia and Russians");
  /* Many occurrences. */
  YES ("alpha NEAR/1 omega", NULL,
       "alpha x x x alpha x x x omega x x x alpha x omega");
}

static void
test_case (void)
{
  YES ("{NATO}", NULL, "NATO summit");
  NO ("{NATO}", NULL, "Nato summit");
  NO ("{NATO}", NULL, "nato summit");
  YES ("{Nato}", NULL, "Nato summit");
  YES ("{EU} NEAR/3 Georgia", NULL, "the EU and Georgia");
  NO ("{EU} NEAR/3 Georgia", NULL, "the eu and Georgia");
  YES ("{European Union}", NULL, "the European Union");
  NO ("{European Union}", NULL, "the European union");
  YES ("{Грузия}", NULL, "Грузия");
  NO ("{Грузия}", NULL, "ГРУЗИЯ");
}

static void
test_scripts (void)
{
  /* Cyrillic, folded. */
  YES ("россия", NULL, "Россия и Грузия");
  YES ("вмешательств*", NULL, "о ВМЕШАТЕЛЬСТВЕ России");
  /* Georgian Mkhedruli; all-caps Mtavruli folds to it. */
  YES ("თბილისი", NULL, "ᲗᲑᲘᲚᲘᲡᲘ");
  YES ("ᲗᲑᲘᲚᲘᲡᲘ", NULL, "თბილისი, საქართველო");
  YES ("რუსეთ*", NULL, "რუსეთის ჩარევა");
  YES ("რუსეთ* NEAR/2 ჩარევ*", NULL, "რუსეთის ჩარევა არჩევნებში");
  YES ("ჩარევ*", NULL, "ᲩᲐᲠᲔᲕᲐ");
  /* Accents. */
  YES ("Tbilisi", NULL, "TBILISI");
  YES ("zurich", NULL, "Zürich");
  YES ("Zürich", NULL, "ZURICH");
  YES ("Ελλάδα", NULL, "ΕΛΛΑΔΑ");
}

static void
test_fields (void)
{
  ClipRuleDoc doc = { { "Georgia votes", "Tbilisi protests continue.", "Jens Stoltenberg",
                        "Civil Georgia\ncivil.ge", "ka-GE",
                        "https://civil.ge/archives/612345", "urgent\nelections 2024" } };
  g_autofree char *s = NULL;

  g_assert_true (matches_doc ("title:Georgia", &doc));
  g_assert_false (matches_doc ("title:Tbilisi", &doc));
  g_assert_true (matches_doc ("title:(Tbilisi OR votes)", &doc));
  g_assert_true (matches_doc ("body:Tbilisi", &doc));
  g_assert_false (matches_doc ("body:Georgia", &doc));
  g_assert_true (matches_doc ("Tbilisi", &doc));
  g_assert_true (matches_doc ("Georgia", &doc));
  g_assert_false (matches_doc ("Stoltenberg", &doc));
  g_assert_true (matches_doc ("author:Stoltenberg", &doc));
  g_assert_true (matches_doc ("outlet:civil.ge", &doc));
  g_assert_true (matches_doc ("site:civil.ge", &doc));
  g_assert_true (matches_doc ("outlet:\"Civil Georgia\"", &doc));
  /* Values of a field do not run into each other. */
  g_assert_false (matches_doc ("outlet:\"Georgia civil\"", &doc));
  g_assert_false (matches_doc ("outlet:(Georgia NEAR/5 civil)", &doc) &&
                  !matches_doc ("outlet:(civil NEAR/0 Georgia)", &doc));
  g_assert_true (matches_doc ("lang:ka", &doc));
  g_assert_false (matches_doc ("lang:ru", &doc));
  g_assert_true (matches_doc ("url:archives", &doc));
  g_assert_true (matches_doc ("url:civil.ge", &doc));
  g_assert_false (matches_doc ("url:rustavi2", &doc));
  g_assert_true (matches_doc ("tag:urgent", &doc));
  g_assert_true (matches_doc ("tag:\"elections 2024\"", &doc));
  g_assert_false (matches_doc ("tag:\"urgent elections\"", &doc));
  g_assert_false (matches_doc ("tag:Georgia", &doc));
  g_assert_true (matches_doc ("Georgia -tag:sport", &doc));
  g_assert_false (matches_doc ("Georgia -tag:urgent", &doc));

  /* Spans: field and bytes. */
  s = spans_of ("title:Georgia OR tag:elections", &doc);
  g_assert_cmpstr (s, ==, "title:0-7 tag:7-16");
}

static void
test_lists_and_spans (void)
{
  const char *body = "Georgia is a partner. We know these partners are a subject of "
                     "Russian interference. The European Union agrees.";
  ClipRuleDoc doc = { { "Russian interference - Stoltenberg", body } };
  g_autofree char *s = NULL;
  g_autofree char *s2 = NULL;
  g_autofree char *s3 = NULL;
  const char *ri = strstr (body, "Russian interference");
  const char *eu = strstr (body, "European Union");
  g_autofree char *expected = g_strdup_printf ("title:0-20 body:%u-%u",
                                               (guint) (ri - body), (guint) (ri - body) + 20);
  g_autofree char *expected_eu = g_strdup_printf ("body:%u-%u", (guint) (eu - body),
                                                  (guint) (eu - body) + 14);

  s = spans_of ("@russia_terms NEAR/6 interfer*", &doc);
  g_assert_cmpstr (s, ==, expected);
  s2 = spans_of ("@eu", &doc);
  g_assert_cmpstr (s2, ==, expected_eu);
  /* Parts under NOT give no spans; an AND gives all its parts'. */
  s3 = spans_of ("partner* -sport", &doc);
  g_assert_cmpstr (s3, ==, "body:13-20 body:36-44");
}

/* NEAR marks its two sides, not the stretch between them; adjacent sides
 * read as one span, and an OR side marks only the alternative that was
 * near. */
static void
test_near_spans (void)
{
  const char *body = "Interference on the radio. Georgia has seen Russian tanks before; "
                     "Kremlin meddling is older.";
  ClipRuleDoc doc = { { "Kremlin meddling", body } };
  g_autofree char *s = spans_of ("Russian NEAR/6 interference", &doc);
  g_autofree char *s2 = spans_of ("(Kremlin OR Russian) ONEAR/0 meddl*", &doc);
  g_autofree char *expected = g_strdup_printf ("body:0-12 body:%u-%u",
                                               (guint) (strstr (body, "Russian") - body),
                                               (guint) (strstr (body, "Russian") - body) + 7);
  g_autofree char *expected2 = g_strdup_printf ("title:0-16 body:%u-%u",
                                                (guint) (strstr (body, "Kremlin") - body),
                                                (guint) (strstr (body, "Kremlin") - body) + 16);

  g_assert_cmpstr (s, ==, expected);
  g_assert_cmpstr (s2, ==, expected2);
}

/* A word too long to keep in the word cache, then a new word in the same
 * article: the next articles still find that word's own rules (its cached
 * answer once pointed into what the long word's article let go). */
static void
test_long_word_then_new (void)
{
  g_autoptr(ClipRuleSet) set = clip_rule_set_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hostile = g_strnfill (1500, 'a');
  g_autofree char *first = g_strconcat (hostile, " kutaisi", NULL);
  const char *bodies[] = { first, "batumi tbilisi", "kutaisi" };
  const gint64 expect[] = { 2, 1, 2 };

  g_assert_true (clip_rule_set_add_query (set, 1, "tbilisi", NULL, NULL, &error));
  g_assert_true (clip_rule_set_add_query (set, 2, "kutaisi", NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      ClipRuleDoc doc = { { "", bodies[i] } };

      clip_rule_set_match (set, &doc, collect_id, ids);
      g_assert_cmpuint (ids->len, ==, 1);
      g_assert_cmpint (g_array_index (ids, gint64, 0), ==, expect[i]);
    }
}

static void
test_many_rules (void)
{
  g_autoptr(ClipRuleSet) set = clip_rule_set_new ();
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (gint64));
  ClipRuleDoc doc = { { "Protests in Tbilisi", "Police and protesters in Tbilisi; "
                        "the Kremlin denies meddling." } };
  const char *queries[] = {
    "protest*", "Tbilisi NOT Batumi", "Kremlin NEAR/3 meddl*", "Batumi", "{KREMLIN}",
    "\"Tbilisi the Kremlin\"", "police ONEAR/3 Tbilisi", "title:police",
  };
  const gint64 expected[] = { 0, 1, 2, 5, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    g_assert_true (clip_rule_set_add_query (set, i, queries[i], NULL, NULL, NULL));
  /* Twice: per-article state must not leak into the next article. */
  for (guint round = 0; round < 2; round++)
    {
      g_array_set_size (hits, 0);
      g_assert_cmpuint (clip_rule_set_match (set, &doc, collect_id, hits), ==, 5);
      g_array_sort (hits, cmp_id);
      g_assert_cmpmem (hits->data, hits->len * sizeof (gint64), expected, sizeof expected);
    }
  {
    ClipRuleDoc other = { { "Batumi", "" } };
    g_array_set_size (hits, 0);
    g_assert_cmpuint (clip_rule_set_match (set, &other, collect_id, hits), ==, 1);
    g_assert_cmpint (g_array_index (hits, gint64, 0), ==, 3);
  }
}

typedef struct {
  GPtrArray *words;   /* folded */
  GArray    *starts;
  GArray    *ends;
} Tokens;

static gboolean
take_token (const ClipToken *tok, gpointer data)
{
  Tokens *t = data;
  guint s = (guint) tok->start, e = (guint) tok->end;

  g_ptr_array_add (t->words, g_strdup (tok->folded));
  g_array_append_val (t->starts, s);
  g_array_append_val (t->ends, e);
  return TRUE;
}

static void
collect_spans (gint64 id, const ClipRuleSpan *spans, guint n, gpointer data)
{
  GHashTable *by_rule = data;
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%u-%u ", spans[i].start, spans[i].end);
  g_hash_table_insert (by_rule, GINT_TO_POINTER ((int) id), g_string_free (s, FALSE));
}

/* The matcher cuts words itself (with a cache); it must agree with the
 * text module token for token: every word and every pair of neighbours,
 * at the same bytes, whatever the text. */
static void
test_same_words_as_text_module (void)
{
  static const char *pieces[] = {
    "Russia", "RUSSIA", "Россия", "ᲗᲑᲘᲚᲘᲡᲘ", "თბილისი", "Zürich", "Zu\xcc\x88rich", "café",
    "ΕΛΛΆΔΑ", "2024", "e\xcc\x81", "\xcc\x81x", "ǅemal", "ﬁsh", "٣٤", "—", ", ", ". ", "\n",
    " ", "-", "\xff", "\xe2\x82", "\xf0\x9f\x98\x80", "𝐀𝐁", "ß", "İstanbul", "x",
    /* ASCII edges: the bytes around letters and digits, long runs. */
    "ab@cd", "x[y", "Z`z", "0/9:", "a_b", "q~", "{z}", "longasciiwordwithdigits0123456789",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", "\x7f", "\t", "\x01Az",
    /* Not UTF-8 (surrogate, overlong forms, stray and cut sequences), and
     * separators among the letters of a script (U+0482, U+10FB). */
    "\xed\xa0\x80", "\xe0\x80\xaf", "\xc0\xaf", "\x80", "\xd0", "\xe1\x83", "\xf4\x90\x80\x80",
    "҂", "჻", "ё", "ჭ",
  };
  GRand *r = g_rand_new_with_seed (99);

  /* Texts of a few hundred bytes: words and characters fall across the
   * matcher's 64-byte blocks in every way. */
  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      Tokens t = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (guint)),
                   g_array_new (FALSE, FALSE, sizeof (guint)) };
      g_autoptr(ClipRuleSet) set = clip_rule_set_new ();
      g_autoptr(GHashTable) by_rule = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
      ClipRuleDoc doc = { { NULL } };

      for (guint i = 0; i < 60; i++)
        g_string_append (text, pieces[g_rand_int_range (r, 0, G_N_ELEMENTS (pieces))]);
      if (round == 0)
        for (guint i = 0; i < 300; i++)
          g_string_append (text, "ა");   /* longer than a word may be */
      clip_text_tokenize (text->str, text->len, take_token, &t);
      for (guint i = 0; i < t.words->len; i++)
        {
          const char *w = g_ptr_array_index (t.words, i);
          g_autofree char *pair = i + 1 < t.words->len
              ? g_strdup_printf ("\"%s %s\"", w, (const char *) g_ptr_array_index (t.words, i + 1)) : NULL;

          if (!g_hash_table_contains (seen, w))
            {
              g_hash_table_add (seen, (gpointer) w);
              g_assert_true (clip_rule_set_add_query (set, queries->len, w, NULL, NULL, NULL));
              g_ptr_array_add (queries, g_strdup (w));
            }
          if (pair)
            {
              g_assert_true (clip_rule_set_add_query (set, queries->len, pair, NULL, NULL, NULL));
              g_ptr_array_add (queries, g_steal_pointer (&pair));
            }
        }
      doc.text[1] = text->str;
      clip_rule_set_match (set, &doc, collect_spans, by_rule);
      for (guint q = 0; q < queries->len; q++)
        {
          const char *query = g_ptr_array_index (queries, q);
          g_autoptr(GString) want = g_string_new (NULL);
          const char *got = g_hash_table_lookup (by_rule, GINT_TO_POINTER ((int) q));
          g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_free);

          /* Where the text module puts this word, or this pair. */
          for (guint i = 0; i < t.words->len; i++)
            {
              gboolean pair = query[0] == '"';
              g_autofree char *key = pair && i + 1 < t.words->len
                  ? g_strdup_printf ("\"%s %s\"", (const char *) g_ptr_array_index (t.words, i),
                                     (const char *) g_ptr_array_index (t.words, i + 1))
                  : g_strdup (g_ptr_array_index (t.words, i));

              if (g_str_equal (key, query))
                g_ptr_array_add (spans, g_strdup_printf ("%u-%u ", g_array_index (t.starts, guint, i),
                                                         g_array_index (t.ends, guint, pair ? i + 1 : i)));
            }
          g_ptr_array_sort (spans, (GCompareFunc) cmp_span_text);
          for (guint i = 0; i < spans->len; i++)
            if (i == 0 || strcmp (g_ptr_array_index (spans, i), g_ptr_array_index (spans, i - 1)))
              g_string_append (want, g_ptr_array_index (spans, i));
          if (g_strcmp0 (got, want->str) != 0)
            g_error ("round %u, “%s”: matcher at %s, text module at %s", round, query,
                     got ? got : "(nothing)", want->str);
        }
      g_ptr_array_unref (t.words);
      g_array_unref (t.starts);
      g_array_unref (t.ends);
    }
  g_rand_free (r);
}

static ClipRuleDoc
seed_doc (const char *text, char **title, char **body)
{
  /* The capture: a date line, "more", the title, the body, page chrome. */
  g_auto(GStrv) lines = g_strsplit (text, "\n", 4);
  ClipRuleDoc doc = { { NULL } };

  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  *title = g_strdup (lines[2]);
  *body = g_strdup (lines[3]);
  doc.text[0] = *title;
  doc.text[1] = *body;
  return doc;
}

static void
check_seed (const char *text)
{
  const char *query = "@russia_terms NEAR/6 (interfer* OR meddl* OR \"hybrid war*\" OR "
                      "destabili* OR вмешательств* OR ჩარევ*)";
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  ClipRuleDoc doc = seed_doc (text, &title, &body);
  g_autofree char *s = spans_of (query, &doc);
  g_auto(GStrv) spans = NULL;
  int found = 0;

  g_assert_nonnull (s);
  spans = g_strsplit (s, " ", -1);
  for (guint i = 0; spans[i]; i++)
    {
      guint start, end;
      gboolean in_title = g_str_has_prefix (spans[i], "title:");
      const char *field = doc.text[in_title ? 0 : 1];
      g_autofree char *span = NULL;

      g_assert_cmpint (sscanf (strchr (spans[i], ':') + 1, "%u-%u", &start, &end), ==, 2);
      span = g_strndup (field + start, end - start);
      /* Every span is a side of the NEAR, a Russia word or an interference
       * word, or the two as one when adjacent: never the words between... */
      g_assert_true (g_str_equal (span, "Russian interference") ||
                     (strchr (span, ' ') == NULL &&
                      (g_str_has_prefix (span, "Russia") || g_str_has_prefix (span, "interfer"))));
      /* ...and "Russian interference" itself is marked in both fields. */
      if (g_str_equal (span, "Russian interference"))
        found |= in_title ? 1 : 2;
    }
  g_assert_cmpint (found, ==, 3);
}

static void
test_seed_article (void)
{
  g_autofree char *path = clip_test_shared_path ("corpus/seed/article.txt");
  g_autofree char *text = NULL;

  if (path == NULL)
    return;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  check_seed (text);
}

static void
test_own_fixtures (void)
{
  const char *query = "@russia_terms NEAR/6 (interfer* OR meddl* OR \"hybrid war*\" OR "
                      "destabili* OR вмешательств* OR ჩარევ*)";
  g_autofree char *path = clip_test_data_path ("rules/positive.txt");
  g_autofree char *decoy_path = clip_test_data_path ("rules/decoy.txt");
  g_autofree char *text = NULL;
  g_autofree char *decoy = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  ClipRuleDoc doc;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  check_seed (text);
  g_assert_true (g_file_get_contents (decoy_path, &decoy, NULL, NULL));
  doc = seed_doc (decoy, &title, &body);
  /* It has both words, far apart: the rule must not flag it. */
  g_assert_true (matches_doc ("Russian interference", &doc));
  g_assert_false (matches_doc (query, &doc));
}

/* A word matches by its folding wherever its letters come from: letters
 * that fold to two (ﬁ, ǅ), capitals of every script, accents, a mark
 * before the first letter, one-letter patterns, a wildcard first, beside
 * a rule whose words are nowhere. */
static void
test_first_letters (void)
{
  static const struct { const char *query; const char *word; } cases[] = {
    { "fish", "ﬁsh" }, { "dzemal", "ǅemal" }, { "თბილისი", "ᲗᲑᲘᲚᲘᲡᲘ" }, { "e", "É" },
    { "ab*", "ABC" }, { "россия", "РОССИЯ" }, { "ёлка", "Ёлка" }, { "x", "\xcc\x81x" },
    { "zurich", "Zu\xcc\x88rich" }, { "?ussia", "Russia" }, { "fi*", "ﬁ" }, { "is*", "İstanbul" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClipRuleSet) set = clip_rule_set_new ();
      g_autofree char *text = g_strdup_printf ("Other words, %s, and more", cases[i].word);
      ClipRuleDoc doc = { { NULL, text } };

      g_assert_true (clip_rule_set_add_query (set, 1, cases[i].query, NULL, NULL, NULL));
      g_assert_true (clip_rule_set_add_query (set, 2, "zzyzx NEAR/2 qqq*", NULL, NULL, NULL));
      if (clip_rule_set_match (set, &doc, NULL, NULL) != 1)
        g_error ("“%s” does not match “%s”", cases[i].query, text);
    }
}

/* The word cache compares long words past their first 8 bytes: a
 * difference at any byte of any length is seen. */
static void
test_cache_key_compare (void)
{
  char a[64], b[64];

  for (gsize len = 9; len <= 40; len++)
    {
      for (gsize i = 0; i < len; i++)
        a[i] = b[i] = (char) ('a' + i % 26);
      g_assert_true (clip_rule_rest_equal (a, b, len));
      for (gsize at = 8; at < len; at++)
        {
          b[at] = 'Z';
          g_assert_false (clip_rule_rest_equal (a, b, len));
          b[at] = a[at];
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rule-match/words", test_words);
  g_test_add_func ("/rule-match/wildcards", test_wildcards);
  g_test_add_func ("/rule-match/phrases", test_phrases);
  g_test_add_func ("/rule-match/near", test_near);
  g_test_add_func ("/rule-match/case", test_case);
  g_test_add_func ("/rule-match/scripts", test_scripts);
  g_test_add_func ("/rule-match/fields", test_fields);
  g_test_add_func ("/rule-match/lists-spans", test_lists_and_spans);
  g_test_add_func ("/rule-match/near-spans", test_near_spans);
  g_test_add_func ("/rule-match/long-word-then-new", test_long_word_then_new);
  g_test_add_func ("/rule-match/many-rules", test_many_rules);
  g_test_add_func ("/rule-match/same-words-as-text-module", test_same_words_as_text_module);
  g_test_add_func ("/rule-match/first-letters", test_first_letters);
  g_test_add_func ("/rule-match/cache-key-compare", test_cache_key_compare);
  g_test_add_func ("/rule-match/seed-article", test_seed_article);
  g_test_add_func ("/rule-match/own-fixtures", test_own_fixtures);
  return g_test_run ();
}
