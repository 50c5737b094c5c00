/* test-rule-differential.c — thousands of generated rules over a generated
 * corpus: what the index finds and the matcher confirms must be exactly
 * what the matcher finds reading every article, and the index's
 * candidates must include every match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-rule-apply.h"
#include "clip-rule-search.h"
#include "clip-rules-store.h"
#include "clip-store-sql.h"
#include "clip-test-util.h"

#include <string.h>

#define N_ARTICLES 300
#define N_RULES    2000

static const char *vocab[] = {
  "Russia", "Russian", "Russians", "Kremlin", "Moscow", "interference", "interfering",
  "meddling", "hybrid", "war", "warfare", "Georgia", "Georgian", "Tbilisi", "NATO", "Nato",
  "EU", "European", "Union", "election", "elections", "vote", "protest", "protesters",
  "police", "women", "woman", "café", "Zürich", "and", "or", "not", "near",
  "Россия", "России", "Кремль", "вмешательство", "выборы", "протест", "Грузия",
  "საქართველო", "თბილისი", "რუსეთის", "ჩარევა", "არჩევნები", "ᲗᲑᲘᲚᲘᲡᲘ", "ᲠᲣᲡᲔᲗᲘᲡ",
  "ballet", "radio", "opera", "minister", "foreign", "agent", "agents", "law",
};
static const char *seps[] = { " ", " ", " ", " ", ", ", ". ", " — ", "\n", "-", " (", ") ", "; " };
static const char *langs[] = { "en", "ru", "ka", "en-GB" };
static const char *tags[] = { "urgent", "to report", "elections 2024", "nato" };

static char *
random_text (GRand *r, guint min, guint max)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (r, min, max + 1);

  for (guint i = 0; i < n; i++)
    {
      if (i)
        g_string_append (s, seps[g_rand_int_range (r, 0, G_N_ELEMENTS (seps))]);
      /* Mostly filler, so that rules match some articles, not all. */
      if (g_rand_int_range (r, 0, 4) == 0)
        g_string_append (s, vocab[g_rand_int_range (r, 0, G_N_ELEMENTS (vocab))]);
      else
        g_string_append_printf (s, "f%x", g_rand_int_range (r, 0, 400));
    }
  return g_string_free (s, FALSE);
}

static const char *
word (GRand *r)
{
  return vocab[g_rand_int_range (r, 0, G_N_ELEMENTS (vocab))];
}

/* A word, wildcard, glob, phrase, {Case}, field-scoped or list. */
static void
leaf (GRand *r, GString *q, gboolean fields)
{
  const char *w = word (r);
  glong len = g_utf8_strlen (w, -1);

  switch (g_rand_int_range (r, 0, fields ? 10 : 7))
    {
    case 0:
    case 1:
      g_string_append (q, w);
      break;
    case 2:
      if (len > 2)
        {
          glong k = g_rand_int_range (r, 2, len);
          g_string_append_len (q, w, g_utf8_offset_to_pointer (w, k) - w);
          g_string_append_c (q, '*');
        }
      else
        g_string_append (q, w);
      break;
    case 3:
      if (len > 3)
        {
          /* wom?n: a "?" in place of one letter. */
          glong k = g_rand_int_range (r, 1, len - 1);
          const char *at = g_utf8_offset_to_pointer (w, k);
          g_string_append_len (q, w, at - w);
          g_string_append_c (q, '?');
          g_string_append (q, g_utf8_next_char (at));
        }
      else
        g_string_append (q, w);
      break;
    case 4:
      g_string_append_printf (q, "\"%s %s\"", w, word (r));
      break;
    case 5:
      g_string_append_printf (q, "{%s}", w);
      break;
    case 6:
      g_string_append (q, g_rand_boolean (r) ? "@russia" : "@mixed");
      break;
    case 7:
      g_string_append_printf (q, "title:%s", w);
      break;
    case 8:
      g_string_append_printf (q, "%s:%s", g_rand_boolean (r) ? "body" : "author", w);
      break;
    default:
      if (g_rand_boolean (r))
        g_string_append_printf (q, "lang:%s", langs[g_rand_int_range (r, 0, G_N_ELEMENTS (langs))]);
      else
        g_string_append_printf (q, "tag:\"%s\"", tags[g_rand_int_range (r, 0, G_N_ELEMENTS (tags))]);
      break;
    }
}

static void
near_side (GRand *r, GString *q)
{
  if (g_rand_int_range (r, 0, 3) == 0)
    {
      g_string_append_c (q, '(');
      leaf (r, q, FALSE);
      g_string_append (q, " OR ");
      leaf (r, q, FALSE);
      g_string_append_c (q, ')');
    }
  else
    leaf (r, q, TRUE);
}

static void
expr (GRand *r, GString *q, guint depth)
{
  switch (depth > 2 ? 0 : g_rand_int_range (r, 0, 6))
    {
    case 0:
      leaf (r, q, TRUE);
      break;
    case 1:
      near_side (r, q);
      g_string_append_printf (q, g_rand_boolean (r) ? " NEAR/%d " : " ONEAR/%d ",
                              g_rand_int_range (r, 0, 6));
      near_side (r, q);
      break;
    case 2:
      g_string_append_c (q, '(');
      expr (r, q, depth + 1);
      g_string_append (q, " OR ");
      expr (r, q, depth + 1);
      g_string_append_c (q, ')');
      break;
    case 3:
      expr (r, q, depth + 1);
      g_string_append (q, g_rand_boolean (r) ? " AND " : " ");
      expr (r, q, depth + 1);
      break;
    case 4:
      expr (r, q, depth + 1);
      g_string_append (q, g_rand_boolean (r) ? " NOT " : " -");
      leaf (r, q, TRUE);
      break;
    default:
      g_string_append_c (q, '(');
      expr (r, q, depth + 1);
      g_string_append_c (q, ')');
      break;
    }
}

typedef struct {
  GHashTable *truth;   /* rule index → GArray of article ids */
  gint64      article;
} Truth;

static void
record (gint64 rule, const ClipRuleSpan *spans, guint n, gpointer data)
{
  Truth *t = data;
  GArray *ids = g_hash_table_lookup (t->truth, GINT_TO_POINTER ((int) rule));

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (t->truth, GINT_TO_POINTER ((int) rule), ids);
    }
  g_array_append_val (ids, t->article);
}

static int
cmp_desc (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x > y ? -1 : x < y;
}

static gboolean
contains (GArray *ids, gint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
fill_archive (ClipStore *store, GRand *r, GArray *ids)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipOutlet o = { .url = "https://civil.ge/feed", .name = "Civil Georgia", .enabled = TRUE,
                   .interval = 900, .group = "" };
  gint64 outlet = clip_store_add_outlet (store, &o, &error);
  ClipIngestResult res;

  g_assert_no_error (error);
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      ClipArticle *a = clip_article_new ();
      a->guid = g_strdup_printf ("a%u", i);
      a->url = g_strdup_printf ("https://civil.ge/archives/%u", i);
      a->title = random_text (r, 3, 10);
      a->summary_text = random_text (r, 20, 120);
      a->author = random_text (r, 1, 3);
      a->lang = g_strdup (langs[g_rand_int_range (r, 0, G_N_ELEMENTS (langs))]);
      g_ptr_array_add (batch, a);
    }
  clip_ingest_result_init (&res);
  g_assert_true (clip_store_ingest (store, outlet, batch, &res, &error));
  g_assert_no_error (error);
  g_array_append_vals (ids, res.added_ids->data, res.added_ids->len);
  clip_ingest_result_clear (&res);
  for (guint i = 0; i < ids->len; i++)
    if (g_rand_int_range (r, 0, 3) == 0)
      g_assert_true (clip_store_add_tag (store, g_array_index (ids, gint64, i),
                                         tags[g_rand_int_range (r, 0, G_N_ELEMENTS (tags))], NULL));
}

static void
test_differential (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ClipRuleSet) set = clip_rule_set_new ();
  g_autoptr(ClipTermLists) lists = NULL;
  Truth truth = { g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref), 0 };
  const char *russia[] = { "Russia*", "Kremlin", "Moscow", "Росси*", "რუსეთ*", NULL };
  const char *mixed[] = { "{NATO}", "\"European Union\"", "wom?n", "თბილის*", NULL };
  GRand *r = g_rand_new_with_seed (20241127);
  guint matched_rules = 0, total_matches = 0;

  g_assert_no_error (error);
  g_assert_true (clip_store_set_term_list (store, "russia", russia, &error));
  g_assert_true (clip_store_set_term_list (store, "mixed", mixed, &error));
  lists = clip_store_load_term_lists (store, &error);
  fill_archive (store, r, ids);

  for (guint i = 0; i < N_RULES; i++)
    {
      GString *q = g_string_new (NULL);

      expr (r, q, 0);
      if (!clip_rule_set_add_query (set, i, q->str, lists, NULL, &error))
        g_error ("generated rule %u “%s” does not compile: %s", i, q->str, error->message);
      g_ptr_array_add (queries, g_string_free (q, FALSE));
    }
  /* The matcher alone, every rule at once, over every article. */
  for (guint i = 0; i < ids->len; i++)
    {
      ClipRuleDocBuf buf = { { { NULL } }, { NULL } };

      truth.article = g_array_index (ids, gint64, i);
      g_assert_true (clip_rule_doc_load (store, truth.article, ~0u, &buf, &error));
      clip_rule_set_match (set, &buf.doc, record, &truth);
      clip_rule_doc_buf_clear (&buf);
    }
  /* The index, then the matcher, one rule at a time. */
  for (guint i = 0; i < queries->len; i++)
    {
      const char *q = g_ptr_array_index (queries, i);
      GArray *want = g_hash_table_lookup (truth.truth, GINT_TO_POINTER ((int) i));
      g_autoptr(GArray) got = clip_rule_search (store, q, 0, 0, NULL, &error);
      g_autoptr(GArray) cand = clip_rule_candidates (store, q, &error);
      guint n_want = want ? want->len : 0;

      g_assert_no_error (error);
      if (want)
        g_array_sort (want, cmp_desc);
      if (got->len != n_want || (n_want && memcmp (got->data, want->data, n_want * sizeof (gint64))))
        g_error ("rule %u “%s”: the index and matcher found %u articles, the matcher alone %u",
                 i, q, got->len, n_want);
      for (guint k = 0; k < n_want; k++)
        if (!contains (cand, g_array_index (want, gint64, k)))
          g_error ("rule %u “%s”: article %" G_GINT64_FORMAT " matches but is not a candidate",
                   i, q, g_array_index (want, gint64, k));
      matched_rules += n_want > 0;
      total_matches += n_want;
    }
  /* The generated rules are not all trivially empty or full. */
  g_test_message ("%u of %u rules match something; %u matches", matched_rules, N_RULES, total_matches);
  g_assert_cmpuint (matched_rules, >, N_RULES / 5);
  g_assert_cmpuint (total_matches, <, (guint) N_RULES * N_ARTICLES / 2);
  g_hash_table_destroy (truth.truth);
  g_rand_free (r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rule-differential/index-then-matcher", test_differential);
  return g_test_run ();
}
