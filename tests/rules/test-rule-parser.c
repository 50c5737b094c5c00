/* test-rule-parser.c — the rule language's syntax (shared/RULES.md):
 * every example, the precedence, and every error with its column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-rule-fts.h"
#include "clip-rule-parser.h"

#include <string.h>

static ClipTermLists *
lists (void)
{
  ClipTermLists *l = clip_term_lists_new ();

  clip_term_lists_add (l, "russia_terms", "Russia*");
  clip_term_lists_add (l, "russia_terms", "Kremlin");
  clip_term_lists_add (l, "russia_terms", "Moscow");
  clip_term_lists_add (l, "short", "\"European Union\"");
  clip_term_lists_add (l, "broken", "r*");
  return l;
}

static void
assert_tree (const char *query, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipRuleNode) node = clip_rule_parse (query, NULL, &error);
  g_autofree char *text = NULL;

  if (error)
    g_error ("“%s” did not parse: %s", query, error->message);
  text = clip_rule_node_to_string (node);
  if (g_strcmp0 (text, expected) != 0)
    g_error ("“%s” parsed as %s, expected %s", query, text, expected);
}

static void
test_table_examples (void)
{
  /* Every row of RULES.md's table. */
  assert_tree ("interference", "interference");
  assert_tree ("\"Russian interference\"", "\"Russian interference\"");
  assert_tree ("Russia AND Georgia", "(AND Russia Georgia)");
  assert_tree ("Russia Georgia", "(AND Russia Georgia)");
  assert_tree ("Russia OR Kremlin", "(OR Russia Kremlin)");
  assert_tree ("Russia NOT sport", "(AND Russia (NOT sport))");
  assert_tree ("Russia -sport", "(AND Russia (NOT sport))");
  assert_tree ("interfer*", "interfer*");
  assert_tree ("wom?n", "wom?n");
  assert_tree ("Russia* NEAR/5 interfer*", "(NEAR/5 Russia* interfer*)");
  assert_tree ("Russia* ONEAR/5 interfer*", "(ONEAR/5 Russia* interfer*)");
  assert_tree ("title:(Georgia OR Tbilisi)", "(OR title:Georgia title:Tbilisi)");
  assert_tree ("{NATO}", "{NATO}");
  assert_tree ("@russia_terms", "@russia_terms");
  assert_tree ("(Russia OR Kremlin) Georgia", "(AND (OR Russia Kremlin) Georgia)");
}

static void
test_precedence (void)
{
  assert_tree ("a OR b c", "(OR a (AND b c))");
  assert_tree ("a b NEAR/3 c", "(AND a (NEAR/3 b c))");
  assert_tree ("a AND b OR c AND d", "(OR (AND a b) (AND c d))");
  assert_tree ("a OR b NEAR c", "(OR a (NEAR/4 b c))");
  assert_tree ("(a OR b) AND (c OR d)", "(AND (OR a b) (OR c d))");
  assert_tree ("a NOT b c", "(AND a (NOT b) c)");
  assert_tree ("a AND NOT b", "(AND a (NOT b))");
  assert_tree ("-b a", "(AND (NOT b) a)");
  assert_tree ("a (-b)", "(AND a (NOT b))");
  assert_tree ("a -(b OR c)", "(AND a (NOT (OR b c)))");
  assert_tree ("(Russia OR Kremlin) NEAR/5 (interfer* OR meddl*)",
               "(NEAR/5 (OR Russia Kremlin) (OR interfer* meddl*))");
  assert_tree ("a NEAR b", "(NEAR/4 a b)");
  assert_tree ("a ONEAR b", "(ONEAR/4 a b)");
  assert_tree ("a NEAR/0 b", "(NEAR/0 a b)");
  assert_tree ("a NEAR/100 b", "(NEAR/100 a b)");
  assert_tree ("((a))", "a");
}

static void
test_terms_and_fields (void)
{
  assert_tree ("\"hybrid war*\"", "\"hybrid war*\"");
  assert_tree ("Russian-backed", "\"Russian backed\"");
  assert_tree ("\"Russian, interference!\"", "\"Russian interference\"");
  assert_tree ("{European Union}", "{European Union}");
  assert_tree ("{\"European Union\"}", "{European Union}");
  assert_tree ("title:\"Russian interference\"", "title:\"Russian interference\"");
  assert_tree ("body:Georgia", "body:Georgia");
  assert_tree ("author:Stoltenberg", "author:Stoltenberg");
  assert_tree ("outlet:civil.ge", "outlet:\"civil ge\"");
  assert_tree ("site:civil.ge", "outlet:\"civil ge\"");
  assert_tree ("lang:ka", "lang:ka");
  assert_tree ("url:https://civil.ge/archives/1", "url:\"https civil ge archives 1\"");
  assert_tree ("tag:urgent", "tag:urgent");
  assert_tree ("title:@russia_terms", "title:@russia_terms");
  assert_tree ("title:(body:a OR b)", "(OR body:a title:b)");
  assert_tree ("-title:sport a", "(AND (NOT title:sport) a)");
  /* Lower-case operators are words. */
  assert_tree ("russia and georgia", "(AND russia and georgia)");
  assert_tree ("war or peace", "(AND war or peace)");
  assert_tree ("not near", "(AND not near)");
  /* Punctuation on its own separates, as in articles. */
  assert_tree ("Tbilisi - Batumi", "(AND Tbilisi Batumi)");
  assert_tree ("Tbilisi & Batumi", "(AND Tbilisi Batumi)");
  assert_tree ("რუსეთ* Росси*", "(AND რუსეთ* Росси*)");
}

static void
test_default_rule (void)
{
  g_autoptr(ClipTermLists) l = lists ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipRuleNode) node = clip_rule_compile_tree (
      "@russia_terms NEAR/6 (interfer* OR meddl* OR \"hybrid war*\" OR destabili* OR "
      "вмешательств* OR ჩარევ*)", l, NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = clip_rule_node_to_string (node);
  g_assert_cmpstr (text, ==, "(NEAR/6 (OR Russia* Kremlin Moscow) (OR interfer* meddl* "
                             "\"hybrid war*\" destabili* вмешательств* ჩარევ*))");
}

typedef struct {
  const char   *query;
  ClipRuleError code;
  guint         column;
} ErrorCase;

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "", CLIP_RULE_ERROR_EMPTY, 1 },
    { "   ", CLIP_RULE_ERROR_EMPTY, 4 },
    { "\"\"", CLIP_RULE_ERROR_EMPTY, 1 },
    { "a {}", CLIP_RULE_ERROR_EMPTY, 3 },
    /* Unbalanced brackets, quotes and braces. */
    { "(Russia OR Kremlin", CLIP_RULE_ERROR_UNBALANCED, 1 },
    { "a (b (c)", CLIP_RULE_ERROR_UNBALANCED, 3 },
    { "Russia OR Kremlin)", CLIP_RULE_ERROR_UNBALANCED, 18 },
    { ") a", CLIP_RULE_ERROR_UNBALANCED, 1 },
    { "a \"Russian interference", CLIP_RULE_ERROR_UNBALANCED, 3 },
    { "{NATO", CLIP_RULE_ERROR_UNBALANCED, 1 },
    { "NATO}", CLIP_RULE_ERROR_UNBALANCED, 5 },
    { "()", CLIP_RULE_ERROR_MISSING_OPERAND, 1 },
    /* Operators with nothing on one side. */
    { "Russia OR", CLIP_RULE_ERROR_MISSING_OPERAND, 8 },
    { "OR Russia", CLIP_RULE_ERROR_MISSING_OPERAND, 1 },
    { "Russia AND", CLIP_RULE_ERROR_MISSING_OPERAND, 8 },
    { "AND Russia", CLIP_RULE_ERROR_MISSING_OPERAND, 1 },
    { "a AND OR b", CLIP_RULE_ERROR_MISSING_OPERAND, 3 },
    { "(a OR) b", CLIP_RULE_ERROR_MISSING_OPERAND, 4 },
    { "Russia interfer NEAR", CLIP_RULE_ERROR_MISSING_OPERAND, 17 },
    { "NEAR/3 Russia", CLIP_RULE_ERROR_MISSING_OPERAND, 1 },
    { "a ONEAR", CLIP_RULE_ERROR_MISSING_OPERAND, 3 },
    { "Russia NOT", CLIP_RULE_ERROR_MISSING_OPERAND, 8 },
    { "title: Georgia", CLIP_RULE_ERROR_MISSING_OPERAND, 1 },
    /* NEAR's operands. */
    { "(a b) NEAR/3 c", CLIP_RULE_ERROR_NEAR_OPERAND, 1 },
    { "a NEAR/3 (b NOT c)", CLIP_RULE_ERROR_NEAR_OPERAND, 10 },
    { "a NEAR/3 -b", CLIP_RULE_ERROR_NEAR_OPERAND, 10 },
    { "a NEAR b NEAR c", CLIP_RULE_ERROR_NEAR_OPERAND, 1 },
    { "a NOT b NEAR c", CLIP_RULE_ERROR_NEAR_OPERAND, 3 },
    { "(a OR (b c)) NEAR d", CLIP_RULE_ERROR_NEAR_OPERAND, 1 },
    /* Distances. */
    { "a NEAR/101 b", CLIP_RULE_ERROR_DISTANCE, 8 },
    { "a NEAR/x b", CLIP_RULE_ERROR_DISTANCE, 8 },
    { "a ONEAR/ b", CLIP_RULE_ERROR_DISTANCE, 9 },
    { "a NEAR/-1 b", CLIP_RULE_ERROR_DISTANCE, 8 },
    /* Wildcards too broad. */
    { "r*", CLIP_RULE_ERROR_WILDCARD, 1 },
    { "Georgia OR *", CLIP_RULE_ERROR_WILDCARD, 12 },
    { "\"hybrid w*\"", CLIP_RULE_ERROR_WILDCARD, 1 },
    { "?a*", CLIP_RULE_ERROR_WILDCARD, 1 },
    { "Georgia р*", CLIP_RULE_ERROR_WILDCARD, 9 },
    /* Fields and lists. */
    { "Georgia headline:Tbilisi", CLIP_RULE_ERROR_UNKNOWN_FIELD, 9 },
    { "a @", CLIP_RULE_ERROR_UNKNOWN_LIST, 3 },
    /* Nothing positive, NOT outside an AND. */
    { "NOT sport", CLIP_RULE_ERROR_NO_POSITIVE, 1 },
    { "-sport -ballet", CLIP_RULE_ERROR_NO_POSITIVE, 1 },
    { "a OR (-b -c)", CLIP_RULE_ERROR_NO_POSITIVE, 6 },
    { "a OR NOT b", CLIP_RULE_ERROR_MISPLACED_NOT, 6 },
    { "a OR -b", CLIP_RULE_ERROR_MISPLACED_NOT, 6 },
    { "a NOT NOT b", CLIP_RULE_ERROR_MISPLACED_NOT, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClipRuleNode) node = NULL;
      g_autofree char *prefix = NULL;
      guint column = 0;

      node = clip_rule_parse (cases[i].query, &column, &error);
      if (node != NULL)
        {
          g_autofree char *text = clip_rule_node_to_string (node);
          g_error ("“%s” should not parse, but gave %s", cases[i].query, text);
        }
      if (!g_error_matches (error, CLIP_RULE_ERROR, cases[i].code) || column != cases[i].column)
        g_error ("“%s”: expected error %d at column %u, got %d at %u: %s", cases[i].query,
                 cases[i].code, cases[i].column, error->code, column, error->message);
      prefix = g_strdup_printf ("column %u: ", cases[i].column);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      /* The message says something beyond the column. */
      g_assert_cmpuint (strlen (error->message), >, strlen (prefix) + 10);
    }
}

static void
test_error_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipRuleNode) node = clip_rule_parse ("Russia* OR NEAR", NULL, &error);

  g_assert_null (node);
  g_assert_cmpstr (error->message, ==,
                   "column 9: OR needs a word, phrase or group on its right");
  g_clear_error (&error);
  node = clip_rule_parse ("(NEAR Russia)", NULL, &error);
  g_assert_cmpstr (error->message, ==,
                   "column 2: NEAR needs a word, phrase or group on its left");
  g_clear_error (&error);
  node = clip_rule_parse ("Russia* interfer* NEAR", NULL, &error);
  g_assert_cmpstr (error->message, ==, "column 19: NEAR needs a word or phrase on its right");
  g_clear_error (&error);
  node = clip_rule_parse ("(Georgia OR Tbilisi", NULL, &error);
  g_assert_cmpstr (error->message, ==, "column 1: this “(” is never closed with “)”");
  g_clear_error (&error);
  /* Columns count characters, not bytes. */
  node = clip_rule_parse ("Грузия OR", NULL, &error);
  g_assert_cmpstr (error->message, ==,
                   "column 8: OR needs a word, phrase or group on its right");
}

static void
test_list_errors (void)
{
  g_autoptr(ClipTermLists) l = lists ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipRuleNode) node = NULL;
  guint column = 0;

  node = clip_rule_compile_tree ("Georgia NEAR @nothing", l, &column, &error);
  g_assert_null (node);
  g_assert_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_UNKNOWN_LIST);
  g_assert_cmpuint (column, ==, 14);
  g_assert_cmpstr (error->message, ==, "column 14: there is no term list “nothing”");
  g_clear_error (&error);

  node = clip_rule_compile_tree ("a @broken", l, &column, &error);
  g_assert_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_BAD_LIST);
  g_assert_cmpuint (column, ==, 3);
  g_clear_error (&error);

  node = clip_rule_compile_tree ("@short", l, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, clip_rule_node_free);

  /* A list entry cannot refer to another list. */
  node = clip_rule_parse_entry ("@russia_terms", &error);
  g_assert_null (node);
  g_assert_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_BAD_LIST);
  g_clear_error (&error);
  node = clip_rule_parse_entry ("{NATO}", &error);
  g_assert_no_error (error);
  g_assert_true (node->case_sensitive);
  g_clear_pointer (&node, clip_rule_node_free);
  node = clip_rule_parse_entry ("European Union", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (node->words->len, ==, 2);
}

/* The lists' entries count once per reference; the budget is checked
 * before a list is copied, so a query past it costs nothing. */
static void
test_list_budget (void)
{
  g_autoptr(ClipTermLists) l = clip_term_lists_new ();
  g_autoptr(GString) q = g_string_new ("@big");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipRuleNode) node = NULL;
  guint column = 0;

  for (guint i = 0; i < CLIP_RULE_MAX_TERMS / 5; i++)
    {
      g_autofree char *term = g_strdup_printf ("t%u", i);

      clip_term_lists_add (l, "big", term);
    }
  clip_term_lists_add (l, "one", "one");
  for (guint i = 1; i < 5; i++)
    g_string_append (q, " OR @big");
  /* Exactly at the budget: fine. */
  node = clip_rule_compile_tree (q->str, l, &column, &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, clip_rule_node_free);
  /* One more term, anywhere: the reference that passes it is named. */
  g_string_append (q, " OR @one");
  node = clip_rule_compile_tree (q->str, l, &column, &error);
  g_assert_null (node);
  g_assert_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "column 41: the term lists expand to more than 50000 terms");
  g_assert_cmpuint (column, ==, 41);
  g_clear_error (&error);
  /* The root itself a list, named once: within it. */
  node = clip_rule_compile_tree ("@big", l, NULL, &error);
  g_assert_no_error (error);
}

static void
test_hostile_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(ClipRuleNode) node = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_c (deep, '(');
  g_string_append_c (deep, 'a');
  node = clip_rule_parse (deep->str, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  node = clip_rule_parse ("a \xff b", NULL, &error);
  g_assert_null (node);
  g_assert_nonnull (error);
}

/* The index query each rule becomes: a superset, exact where it can be. */
static void
test_fts_translation (void)
{
  static const struct { const char *query, *fts; gboolean exact; } cases[] = {
    { "interference", "{title body} : \"interference\"", TRUE },
    { "\"Russian interference\"", "{title body} : \"russian\" + \"interference\"", TRUE },
    { "interfer* -sport", "(({title body} : \"interfer\" *) NOT ({title body} : \"sport\"))", TRUE },
    { "Russia NEAR/3 Georgia", "({title body} : NEAR(\"russia\" \"georgia\", 3))", FALSE },
    { "(Russia* OR title:Kremlin) ONEAR \"hybrid war*\"",
      "({title body} : NEAR(\"russia\" * \"hybrid\" + \"war\" *, 4) OR "
      "{title} : NEAR(\"kremlin\" \"hybrid\" + \"war\" *, 4))", FALSE },
    /* What FTS5's NEAR cannot take becomes an AND. */
    { "?ussia NEAR/2 Georgia", "({title body} : \"georgia\")", FALSE },
    { "title:Russia NEAR/2 body:Georgia",
      "({title} : \"russia\" AND {body} : \"georgia\")", FALSE },
    { "title:(Georgia OR Tbilisi)", "({title} : \"georgia\" OR {title} : \"tbilisi\")", TRUE },
    { "{NATO} wom?n", "({title body} : \"nato\" AND {title body} : \"wom\" *)", FALSE },
    { "lang:ka Georgia", "({title body} : \"georgia\")", FALSE },
    { "lang:ka OR Georgia", NULL, FALSE },
    { "\"hybrid war*\"", "{title body} : \"hybrid\" + \"war\" *", TRUE },
    { "?ussia", NULL, FALSE },
    { "Россия -tag:sport", "({title body} : \"россия\")", FALSE },
    { "author:Stoltenberg -body:ballet",
      "(({author} : \"stoltenberg\") NOT ({body} : \"ballet\"))", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClipRuleNode) tree = clip_rule_compile_tree (cases[i].query, NULL, NULL, NULL);
      gboolean exact = !cases[i].exact;
      g_autofree char *fts = clip_rule_to_fts (tree, &exact);

      g_assert_cmpstr (fts, ==, cases[i].fts);
      g_assert_cmpint (exact, ==, cases[i].exact);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rule-parser/table", test_table_examples);
  g_test_add_func ("/rule-parser/precedence", test_precedence);
  g_test_add_func ("/rule-parser/terms-fields", test_terms_and_fields);
  g_test_add_func ("/rule-parser/default-rule", test_default_rule);
  g_test_add_func ("/rule-parser/errors", test_errors);
  g_test_add_func ("/rule-parser/messages", test_error_messages);
  g_test_add_func ("/rule-parser/lists", test_list_errors);
  g_test_add_func ("/rule-parser/list-budget", test_list_budget);
  g_test_add_func ("/rule-parser/hostile", test_hostile_input);
  g_test_add_func ("/rule-parser/fts-translation", test_fts_translation);
  return g_test_run ();
}
