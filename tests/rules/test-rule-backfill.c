/* test-rule-backfill.c — a new rule over the archive: what the backfill
 * writes (index candidates, worker threads, chunks read in id order) is
 * exactly what matching each stored article on its own writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-archive.h"
#include "clip-rule-apply.h"
#include "clip-rule-backfill.h"
#include "clip-rules-store.h"
#include "clip-store-sql.h"
#include "clip-test-rules.h"
#include "clip-test-util.h"

static ClipArticle *
make_article (const char *guid, const char *title, const char *summary)
{
  ClipArticle *a = clip_article_new ();

  a->guid = g_strdup (guid);
  a->title = g_strdup (title);
  a->summary_text = g_strdup (summary);
  a->published = 1732665120;
  return a;
}

/* A backfill reads the archive on worker threads, in chunks, in id
 * order: what it writes is exactly what matching each stored article on
 * its own gives, spans and all, for rules on the row's own fields and on
 * the outlet and tags (read another way). */
static void
test_backfill_agrees (void)
{
  g_autoptr(ClipStore) store = clip_test_rules_archive (NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const char *bodies[] = { "Kremlin meddling again, and Russian interference in the vote",
                           "Russian ballet tonight; far away, many words later, interference on the radio",
                           "Вмешательство России в выборы", "რუსეთის ჩარევა არჩევნებში",
                           "Nothing of note", "Moscow says hybrid warfare is a myth" };
  const char *queries[] = { CLIP_TEST_RUSSIAN_INTERFERENCE, "body:(interfer* OR meddl*) -ballet",
                            "outlet:rustavi2.ge AND kremlin", "tag:urgent OR title:\"Item 7\"" };
  gint64 rules[G_N_ELEMENTS (queries)];
  gint64 outlet = clip_test_rules_outlet (store);
  g_autofree char *backfilled = NULL, *reference = NULL;
  g_autoptr(ClipRuleSet) set = NULL;
  ClipIngestResult res;
  guint64 total = 0;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *guid = g_strdup_printf ("g%u", i), *title = g_strdup_printf ("Item %u", i);
      /* Every seventh article is a gap in the candidates, every third a
       * long body: more than one chunk, and runs of steps and seeks. */
      g_autofree char *body = g_strjoin (" ", bodies[i % G_N_ELEMENTS (bodies)],
                                         i % 3 == 0 ? bodies[(i / 3) % G_N_ELEMENTS (bodies)] : "",
                                         NULL);

      g_ptr_array_add (batch, make_article (guid, title, i % 7 ? body : "-"));
    }
  clip_ingest_result_init (&res);
  g_assert_true (clip_store_ingest (store, outlet, batch, &res, &error));
  g_assert_no_error (error);
  g_array_append_vals (ids, res.added_ids->data, res.added_ids->len);
  clip_ingest_result_clear (&res);
  g_assert_true (clip_store_add_tag (store, g_array_index (ids, gint64, 10), "urgent", &error));
  g_assert_true (clip_store_exec (store, "DELETE FROM rules", &error));
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *name = g_strdup_printf ("Rule %u", i);
      guint64 n = 0;

      rules[i] = clip_test_rules_add (store, name, queries[i]);
      g_assert_true (clip_rule_backfill (store, rules[i], NULL, NULL, &n, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n, >, 0);
      total += n;
    }
  backfilled = clip_test_rules_dump_matches (store);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches", 0, 0), ==, total);

  g_assert_true (clip_store_exec (store, "DELETE FROM matches", &error));
  set = clip_store_compile_rules (store, &error);
  g_assert_true (clip_rule_apply (store, set, ids, NULL, NULL, &error));
  g_assert_no_error (error);
  reference = clip_test_rules_dump_matches (store);
  g_assert_cmpstr (backfilled, ==, reference);
}

static void
cancel_after_first (guint64 done, guint64 total, gpointer data)
{
  if (done > 0)
    g_cancellable_cancel (data);
}

/* Cancelled while the workers read: the backfill stops with an error,
 * its threads end, and what it wrote so far is committed matches of
 * real articles; run again, it completes. */
static void
test_backfill_cancelled (void)
{
  g_autoptr(ClipStore) store = clip_test_rules_archive (NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ClipIngestResult res;
  gint64 outlet = clip_test_rules_outlet (store), id;
  guint64 n = 0;

  /* Only this rule: the default ones match these articles at ingest. */
  g_assert_true (clip_store_exec (store, "DELETE FROM rules", &error));
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *guid = g_strdup_printf ("g%u", i);

      g_ptr_array_add (batch, make_article (guid, "Kremlin", "Kremlin meddling again"));
    }
  clip_ingest_result_init (&res);
  g_assert_true (clip_store_ingest (store, outlet, batch, &res, &error));
  g_assert_no_error (error);
  clip_ingest_result_clear (&res);
  id = clip_test_rules_add (store, "Meddling", "Kremlin NEAR/1 meddl*");
  g_assert_false (clip_rule_backfill (store, id, cancel_after_first, cancel, &n, cancel, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches WHERE article_id NOT IN "
                               "(SELECT id FROM articles)", 0, 0), ==, 0);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches", 0, 0), <, 2000);
  g_assert_true (clip_rule_backfill (store, id, NULL, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2000);
  g_assert_cmpint (clip_test_rules_count (store, "SELECT count(*) FROM matches", 0, 0), ==, 2000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rule-backfill/agrees", test_backfill_agrees);
  g_test_add_func ("/rule-backfill/cancelled", test_backfill_cancelled);
  return g_test_run ();
}
