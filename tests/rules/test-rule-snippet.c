/* test-rule-snippet.c — where a search matched an article, and the snippet
 * a result list shows under its title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-rule-parser.h"
#include "clip-rule-snippet.h"
#include "clip-test-rules.h"
#include "clip-test-util.h"

#include <string.h>

#define BODY CLIP_RULE_FIELD_BODY

/* The snippet with its marks in [brackets]. */
static char *
marked (const char *text, const ClipRuleSpan *spans, guint n, guint max_chars)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (ClipRuleSpan));
  g_autofree char *snippet = clip_rule_snippet (text, spans, n, max_chars, marks);
  GString *s = g_string_new (NULL);
  guint at = 0;

  g_assert_true (g_utf8_validate (snippet, -1, NULL));
  for (guint i = 0; i < marks->len; i++)
    {
      const ClipRuleSpan *m = &g_array_index (marks, ClipRuleSpan, i);

      g_assert_cmpuint (m->field, ==, BODY);
      g_assert_cmpuint (m->start, >=, at);
      g_assert_cmpuint (m->end, <=, strlen (snippet));
      g_string_append_len (s, snippet + at, m->start - at);
      g_string_append_c (s, '[');
      g_string_append_len (s, snippet + m->start, m->end - m->start);
      g_string_append_c (s, ']');
      at = m->end;
    }
  g_string_append (s, snippet + at);
  return g_string_free (s, FALSE);
}

static ClipRuleSpan
span_of (const char *text, const char *word)
{
  const char *at = strstr (text, word);

  g_assert_nonnull (at);
  return (ClipRuleSpan) { BODY, at - text, at - text + strlen (word) };
}

#define ASSERT_SNIPPET(text, spans, n, max, expected) \
  G_STMT_START { g_autofree char *got_ = marked (text, spans, n, max); \
                 g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static const char *long_text =
  "The government met on Monday to discuss the budget for the coming year.\n\n"
  "Later, officials warned of Russian interference in the local elections, "
  "citing reports from three regions and the election commission itself. "
  "The opposition asked for observers. Nothing more was said that day about it.";

/* A short text whole; a long one around its first match, cut at words,
 * with a little before it, paragraphs joined, "…" where text was left out. */
static void
test_snippet_cut (void)
{
  const char *short_text = "Kremlin   denies\nmeddling.";
  ClipRuleSpan s[] = { span_of (short_text, "meddling") };
  ClipRuleSpan l[] = { span_of (long_text, "Russian"), span_of (long_text, "interference"),
                       span_of (long_text, "observers") };

  ASSERT_SNIPPET (short_text, s, 1, 120, "Kremlin denies [meddling].");
  ASSERT_SNIPPET (long_text, l, 3, 60,
                  "… warned of [Russian] [interference] in the local elections, …");
  /* Room for all three. */
  ASSERT_SNIPPET (long_text, l, 3, 200,
                  "… for the coming year. Later, officials warned of [Russian] [interference] in the local "
                  "elections, citing reports from three regions and the election commission itself. The "
                  "opposition asked for [observers]. …");
  /* No match in the body (the title matched): its start. */
  ASSERT_SNIPPET (long_text, NULL, 0, 40, "The government met on Monday to discuss …");
  ASSERT_SNIPPET ("", NULL, 0, 40, "");
}

/* Characters, not bytes: Georgian letters are three bytes each. */
static void
test_snippet_multibyte (void)
{
  const char *text = "საქართველოს მთავრობამ განაცხადა, რომ რუსეთის ჩარევა არჩევნებში დადასტურდა "
                     "და ამის შესახებ ანგარიში გამოქვეყნდება მომავალ კვირას.";
  ClipRuleSpan s[] = { span_of (text, "ჩარევა") };
  g_autofree char *snippet = clip_rule_snippet (text, s, 1, 40, NULL);

  ASSERT_SNIPPET (text, s, 1, 40, "… რუსეთის [ჩარევა] არჩევნებში დადასტურდა და …");
  g_assert_cmpint (g_utf8_strlen (snippet, -1), <=, 40 + 4);
}

/* Spans that do not fit the text are left out; the others kept. */
static void
test_snippet_bad_spans (void)
{
  const char *text = "Грузия и Россия";   /* Г is two bytes */
  ClipRuleSpan s[] = { { BODY, 1, 4 },                     /* inside a character */
                       { BODY, 10, 2 },                    /* reversed */
                       { BODY, 0, 400 },                   /* out of range */
                       { CLIP_RULE_FIELD_TITLE, 0, 4 },    /* another field */
                       span_of (text, "Россия") };

  ASSERT_SNIPPET (text, s, G_N_ELEMENTS (s), 80, "Грузия и [Россия]");
}

/* Over an archive: the query's spans in the fields it matched, the
 * snippet's marks on the words it matched, none for an article it does
 * not match, and errors with their column. */
static void
test_matcher (void)
{
  g_autoptr(ClipStore) store = clip_test_rules_archive (NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(ClipSearchMatcher) matcher = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (ClipRuleSpan));
  g_autoptr(GError) error = NULL;
  g_autofree char *snippet = NULL;
  ClipIngestResult result;
  gint64 outlet = clip_test_rules_outlet (store), hit, miss;
  ClipArticle *a = clip_article_new (), *b = clip_article_new ();

  a->guid = g_strdup ("a");
  a->title = g_strdup ("Interference claims");
  a->summary_text = g_strdup (long_text);
  b->guid = g_strdup ("b");
  b->title = g_strdup ("Budget");
  b->summary_text = g_strdup ("Nothing about it.");
  g_ptr_array_add (batch, a);
  g_ptr_array_add (batch, b);
  clip_ingest_result_init (&result);
  g_assert_true (clip_store_ingest (store, outlet, batch, &result, &error));
  hit = g_array_index (result.added_ids, gint64, 0);
  miss = g_array_index (result.added_ids, gint64, 1);
  clip_ingest_result_clear (&result);

  matcher = clip_search_matcher_new (store, "interfer* OR observer*", &error);
  g_assert_no_error (error);
  spans = clip_search_matcher_spans (matcher, store, hit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 3);
  g_assert_cmpuint (g_array_index (spans, ClipRuleSpan, 0).field, ==, CLIP_RULE_FIELD_TITLE);
  g_assert_cmpuint (g_array_index (spans, ClipRuleSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (spans, ClipRuleSpan, 0).end, ==, strlen ("Interference"));
  g_assert_cmpuint (g_array_index (spans, ClipRuleSpan, 1).field, ==, BODY);

  snippet = clip_search_matcher_snippet (matcher, store, hit, 80, marks, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpint (strncmp (snippet + g_array_index (marks, ClipRuleSpan, 0).start, "interference",
                            strlen ("interference")), ==, 0);
  g_clear_pointer (&spans, g_array_unref);
  spans = clip_search_matcher_spans (matcher, store, miss, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 0);
  g_clear_pointer (&spans, g_array_unref);
  spans = clip_search_matcher_spans (matcher, store, 999999, &error);
  g_assert_null (spans);
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (clip_search_matcher_new (store, "Russia* NEAR/500 interfer*", &error));
  g_assert_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_DISTANCE);
  g_assert_true (g_str_has_prefix (error->message, "column "));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rule-snippet/cut", test_snippet_cut);
  g_test_add_func ("/rule-snippet/multibyte", test_snippet_multibyte);
  g_test_add_func ("/rule-snippet/bad-spans", test_snippet_bad_spans);
  g_test_add_func ("/rule-snippet/matcher", test_matcher);
  return g_test_run ();
}
