/* test-rule-spans.c — the matches.spans column read back: what
 * clip_rule_spans_from_json() keeps of what the encoder, an old or edited
 * archive, or garbage gives it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-rule-apply.h"

#include <string.h>

/* Every field has a text, with characters of two and three bytes:
 * "Грузия" is 12 bytes, "რუსეთი" 18. */
static const ClipRuleDoc doc_all = { {
  "Грузия votes",                       /* title */
  "Russia and რუსეთი in Tbilisi",       /* body */
  "Jens Stoltenberg",                   /* author */
  "Civil Georgia\ncivil.ge",            /* outlet */
  "ka",                                 /* lang */
  "https://civil.ge/archives/612345",   /* url */
  "urgent\nelections 2024",             /* tag */
} };

/* "field:start-end …" of the spans json keeps against doc. */
static char *
decoded (const char *json, const ClipRuleDoc *doc)
{
  g_autoptr(GArray) spans = clip_rule_spans_from_json (json, doc);
  GString *s = g_string_new (NULL);

  g_assert_nonnull (spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const ClipRuleSpan *span = &g_array_index (spans, ClipRuleSpan, i);

      g_string_append_printf (s, "%s%s:%u-%u", i ? " " : "",
                              clip_rule_field_name (span->field), span->start, span->end);
    }
  return g_string_free (s, FALSE);
}

static void
assert_decodes (const char *json, const ClipRuleDoc *doc, const char *expected)
{
  g_autofree char *got = decoded (json, doc);

  g_assert_cmpstr (got, ==, expected);
}

static void
assert_same_spans (const ClipRuleSpan *spans, guint n, GArray *got)
{
  g_assert_cmpuint (got->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const ClipRuleSpan *s = &g_array_index (got, ClipRuleSpan, i);

      g_assert_cmpuint (s->field, ==, spans[i].field);
      g_assert_cmpuint (s->start, ==, spans[i].start);
      g_assert_cmpuint (s->end, ==, spans[i].end);
    }
}

static void
keep_spans (gint64 id, const ClipRuleSpan *spans, guint n, gpointer data)
{
  g_array_append_vals (data, spans, n);
}

/* What the matcher finds, stored and read back, is what it found: in every
 * field, over multi-byte text, up to a text's last byte. */
static void
test_round_trip (void)
{
  static const ClipRuleSpan hand[] = {
    { CLIP_RULE_FIELD_TITLE, 0, 12 },      /* Грузия */
    { CLIP_RULE_FIELD_TITLE, 13, 18 },     /* votes, to the end */
    { CLIP_RULE_FIELD_BODY, 11, 29 },      /* რუსეთი */
    { CLIP_RULE_FIELD_AUTHOR, 5, 16 },
    { CLIP_RULE_FIELD_OUTLET, 14, 22 },    /* civil.ge, after the newline */
    { CLIP_RULE_FIELD_LANG, 0, 2 },
    { CLIP_RULE_FIELD_URL, 8, 16 },
    { CLIP_RULE_FIELD_TAG, 7, 16 },
    { CLIP_RULE_FIELD_BODY, 0, 6 },        /* order as stored, not sorted */
  };
  g_autofree char *json = clip_rule_spans_to_json (hand, G_N_ELEMENTS (hand));
  g_autoptr(GArray) got = clip_rule_spans_from_json (json, &doc_all);
  g_autoptr(ClipRuleSet) set = clip_rule_set_new ();
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (ClipRuleSpan));
  g_autoptr(GError) error = NULL;
  guint fields = 0;

  assert_same_spans (hand, G_N_ELEMENTS (hand), got);

  /* And from the matcher itself. */
  g_assert_true (clip_rule_set_add_query (set, 1,
      "(Грузия OR რუსეთი) AND author:Stoltenberg AND outlet:civil.ge AND tag:\"elections 2024\" "
      "AND url:archives AND lang:ka",
      NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (clip_rule_set_match (set, &doc_all, keep_spans, found), ==, 1);
  for (guint i = 0; i < found->len; i++)
    fields |= g_array_index (found, ClipRuleSpan, i).field;
  g_assert_cmpuint (fields, ==, CLIP_RULE_FIELD_TITLE | CLIP_RULE_FIELD_BODY |
                    CLIP_RULE_FIELD_AUTHOR | CLIP_RULE_FIELD_OUTLET | CLIP_RULE_FIELD_TAG |
                    CLIP_RULE_FIELD_URL | CLIP_RULE_FIELD_LANG);
  g_free (json);
  g_array_unref (got);
  json = clip_rule_spans_to_json ((const ClipRuleSpan *) (void *) found->data, found->len);
  got = clip_rule_spans_from_json (json, &doc_all);
  assert_same_spans ((const ClipRuleSpan *) (void *) found->data, found->len, got);
}

/* No rows without a field were ever written (the encoder has always named
 * it), so a span without one is skipped, never taken for the body: here
 * 0-6 fits the body too, and reading it as "body" would paint "Russia". */
static void
test_missing_field (void)
{
  assert_decodes ("[{\"start\":0,\"end\":6},{\"field\":\"body\",\"start\":11,\"end\":29}]",
                  &doc_all, "body:11-29");
  assert_decodes ("[{\"start\":0,\"end\":6}]", &doc_all, "");
}

/* A field name the encoder does not write, or not as a string. */
static void
test_unknown_field (void)
{
  static const char *names[] = {
    "\"summary\"", "\"Title\"", "\"BODY\"", "\"site\"", "\"\"", "\"body \"",
    "1", "2", "null", "true", "[\"body\"]", "{\"name\":\"body\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *json = g_strdup_printf (
          "[{\"field\":%s,\"start\":0,\"end\":6},{\"field\":\"title\",\"start\":0,\"end\":12}]",
          names[i]);

      g_test_message ("field %s", names[i]);
      assert_decodes (json, &doc_all, "title:0-12");
    }
}

/* A field the caller has no text for: its spans are not shown. */
static void
test_field_without_text (void)
{
  ClipRuleDoc title_only = { { NULL } };
  const char *json = "[{\"field\":\"body\",\"start\":0,\"end\":6},"
                     "{\"field\":\"tag\",\"start\":0,\"end\":6},"
                     "{\"field\":\"title\",\"start\":13,\"end\":18}]";

  clip_rule_doc_set (&title_only, CLIP_RULE_FIELD_TITLE, doc_all.text[0]);
  assert_decodes (json, &title_only, "title:13-18");
  assert_decodes (json, &doc_all, "body:0-6 tag:0-6 title:13-18");
}

/* Offsets that do not fit the text: each is skipped, the good spans
 * around it kept, nothing clamped. Title "Грузия votes" is 18 bytes, "Г"
 * bytes 0-1. */
static void
test_bad_offsets (void)
{
  static const char *bad[] = {
    "\"start\":6,\"end\":0",                  /* reversed */
    "\"start\":18,\"end\":13",
    "\"start\":4,\"end\":4",                  /* empty */
    "\"start\":-1,\"end\":6",                 /* negative */
    "\"start\":-12,\"end\":-2",
    "\"start\":13,\"end\":19",                /* past the end */
    "\"start\":18,\"end\":30",
    "\"start\":4294967296,\"end\":4294967308",  /* past a guint: 0-12 if cut */
    "\"start\":0,\"end\":4294967308",
    "\"start\":1,\"end\":12",                 /* inside "Г" */
    "\"start\":0,\"end\":11",                 /* inside "я" */
    "\"start\":\"0\",\"end\":12",             /* not numbers */
    "\"start\":0,\"end\":\"12\"",
    "\"start\":\"x\",\"end\":12",
    "\"start\":0.0,\"end\":12.0",             /* not integers */
    "\"start\":0,\"end\":11.9",
    "\"start\":false,\"end\":12",
    "\"start\":null,\"end\":12",
    "\"start\":[0],\"end\":12",
    "\"end\":12",                             /* missing */
    "\"start\":0",
    "\"begin\":0,\"stop\":12",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *json = g_strdup_printf (
          "[{\"field\":\"title\",\"start\":13,\"end\":18},"
          "{\"field\":\"title\",%s},"
          "{\"field\":\"body\",\"start\":0,\"end\":6}]", bad[i]);

      g_test_message ("span %s", bad[i]);
      assert_decodes (json, &doc_all, "title:13-18 body:0-6");
    }
  /* The edges themselves are fine. */
  assert_decodes ("[{\"field\":\"title\",\"start\":0,\"end\":18},"
                  "{\"field\":\"title\",\"start\":0,\"end\":2}]", &doc_all,
                  "title:0-18 title:0-2");
  /* Members the decoder does not know are ignored (the CLI adds "text"). */
  assert_decodes ("[{\"field\":\"title\",\"start\":0,\"end\":12,\"text\":\"Грузия\",\"x\":[1]}]",
                  &doc_all, "title:0-12");
}

/* Whatever the column holds, no crash and no spans but the good ones. */
static void
test_garbage (void)
{
  static const char *none[] = {
    "", "   ", "not json", "[", "]", "[{", "{}", "null", "42", "\"[]\"", "true",
    /* cut short: a good span in it is not taken */
    "[{\"field\":\"body\",\"start\":0,\"end\":6}",
    "[{\"field\":\"body\",\"start\":0,\"end\":6},",
    /* an object, not a list of them */
    "{\"field\":\"body\",\"start\":0,\"end\":6}",
    "{\"spans\":[{\"field\":\"body\",\"start\":0,\"end\":6}]}",
    /* not objects */
    "[1,\"x\",null,true,[],[[]]]",
    /* not UTF-8 */
    "[{\"field\":\"b\xff\",\"start\":0,\"end\":6}]",
  };

  g_autoptr(GArray) spans = clip_rule_spans_from_json (NULL, &doc_all);

  g_assert_cmpuint (spans->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    {
      g_autofree char *shown = g_strescape (none[i], NULL);

      g_test_message ("json %s", shown);
      assert_decodes (none[i], &doc_all, "");
    }
  /* Good objects among bad elements are kept; nested lists are not read. */
  assert_decodes ("[1,{\"field\":\"body\",\"start\":0,\"end\":6},null,"
                  "[{\"field\":\"title\",\"start\":0,\"end\":12}],\"x\"]",
                  &doc_all, "body:0-6");
}

static void
test_empty (void)
{
  g_autofree char *json = clip_rule_spans_to_json (NULL, 0);

  g_assert_cmpstr (json, ==, "[]");
  assert_decodes (json, &doc_all, "");
  assert_decodes ("[ ]", &doc_all, "");
  /* The column's default, as a row inserted without spans has it. */
  assert_decodes ("[]", &(ClipRuleDoc) { { NULL } }, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rule-spans/round-trip", test_round_trip);
  g_test_add_func ("/rule-spans/missing-field", test_missing_field);
  g_test_add_func ("/rule-spans/unknown-field", test_unknown_field);
  g_test_add_func ("/rule-spans/field-without-text", test_field_without_text);
  g_test_add_func ("/rule-spans/bad-offsets", test_bad_offsets);
  g_test_add_func ("/rule-spans/garbage", test_garbage);
  g_test_add_func ("/rule-spans/empty", test_empty);
  return g_test_run ();
}
