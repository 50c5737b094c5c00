/* test-store-faults.c — a write or sync that fails at every point of an
 * ingest batch, of several batches in one transaction (as the fetch
 * service writes them), of a rule's backfill and of an alert run: after
 * each, the archive passes its integrity checks, its full-text index
 * agrees with its articles, and the change is all there or not there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-alert-policy.h"
#include "clip-archive.h"
#include "clip-commands.h"
#include "clip-paths.h"
#include "clip-rule-backfill.h"
#include "clip-rules-store.h"
#include "clip-store-sql.h"
#include "clip-test-faults.h"
#include "clip-test-util.h"

#include <string.h>

#define T0 G_GINT64_CONSTANT (1772452800)

typedef struct {
  const char       *name;
  ClipTestFaultOps  ops;
  int               rc;
  gboolean          persistent;
  gboolean          checkpoint;   /* every commit checkpoints: syncs happen */
} FaultKind;

static const FaultKind kinds[] = {
  { "full-once", CLIP_TEST_FAULT_WRITE, SQLITE_FULL, FALSE, FALSE },
  { "full", CLIP_TEST_FAULT_WRITE, SQLITE_FULL, TRUE, FALSE },
  { "ioerr", CLIP_TEST_FAULT_WRITE, SQLITE_IOERR_WRITE, TRUE, FALSE },
  { "sync", CLIP_TEST_FAULT_SYNC, SQLITE_IOERR, TRUE, TRUE },
};

/* One run of a scenario, on a fresh copy of the baseline archive. */
typedef struct {
  char      *dir;
  char      *path;
  ClipStore *store;      /* the archive's writer, with its rules */
} Run;

typedef gboolean (*Operation) (Run *run, GError **error);
/* Fails the test unless state is what the operation may leave, given
 * whether it said it succeeded. */
typedef void (*Verdict) (gboolean ok, const char *state, const char *before, const char *after);

static char *baseline_dir;
static gint64 outlet_ids[3];
static gint64 watch_rule;

static const char *const texts[] = {
  "The Kremlin was accused of interference in the vote, officials in Tbilisi said.",
  "NATO membership for Georgia was discussed in Brussels by the European Union.",
  "Protests in Tbilisi continued for a third night outside parliament.",
  "A bakery in Batumi opened a second shop near the sea.",
};

/* n articles of about paragraphs * 60 bytes each. */
static GPtrArray *
make_batch (const char *prefix, guint n, const char *version, guint paragraphs)
{
  GPtrArray *batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);

  for (guint i = 0; i < n; i++)
    {
      ClipArticle *a = clip_article_new ();
      GString *text = g_string_new (texts[i % G_N_ELEMENTS (texts)]);

      /* Articles of a real feed's size fill pages, so that writes spill
       * out of the page cache in the middle of statements too. */
      for (guint k = 0; k < paragraphs; k++)
        g_string_append_printf (text, " Paragraph %u of %s %u (%s) goes on about the weather.",
                                k, prefix, i, version);
      a->guid = g_strdup_printf ("%s-%u", prefix, i);
      a->title = g_strdup_printf ("Story %u of %s, %s", i, prefix, version);
      a->url = g_strdup_printf ("https://example.org/%s/%u", prefix, i);
      a->summary_text = g_string_free (text, FALSE);
      a->published = T0 + i * 60;
      a->fetched = T0 + 3600;
      g_ptr_array_add (batch, a);
    }
  return batch;
}

static gboolean
ingest (ClipStore *store, gint64 outlet, GPtrArray *batch, GError **error)
{
  ClipIngestResult result;
  gboolean ok;

  clip_ingest_result_init (&result);
  ok = clip_store_ingest (store, outlet, batch, &result, error);
  clip_ingest_result_clear (&result);
  return ok;
}

/* Everything a change could leave behind, without times taken from the
 * clock, one row a line. */
static char *
archive_state (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_store_open (path, CLIP_STORE_OPEN_READ_ONLY, &error);
  const char *queries[] = {
    "SELECT 'outlet', url, name, etag, last_error, failures FROM outlets ORDER BY url",
    "SELECT 'article', o.url, a.guid, a.title, a.content_hash, a.read "
    "FROM articles a JOIN outlets o ON o.id = a.outlet_id ORDER BY 2, 3",
    "SELECT 'match', r.name, a.guid, m.spans FROM matches m JOIN rules r ON r.id = m.rule_id "
    "JOIN articles a ON a.id = m.article_id ORDER BY 2, 3",
    "SELECT 'alert', r.name, a.guid, al.read, al.notified FROM alerts al "
    "JOIN rules r ON r.id = al.rule_id JOIN articles a ON a.id = al.article_id ORDER BY 2, 3",
    "SELECT 'rule', name, query FROM rules ORDER BY name",
    "SELECT 'state', key, value FROM state ORDER BY key",
  };
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *rows = clip_test_faults_dump (store, queries[i]);

      g_string_append (s, rows);
    }
  return g_string_free (s, FALSE);
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_file_get_contents (from, &data, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, data, (gssize) len, &error);
  g_assert_no_error (error);
}

static void
run_open (Run *run, const FaultKind *kind)
{
  g_autofree char *from = clip_paths_archive_path (baseline_dir);
  g_autoptr(GError) error = NULL;

  run->dir = clip_test_tmpdir ();
  run->path = clip_paths_archive_path (run->dir);
  copy_file (from, run->path);
  run->store = clip_archive_open (run->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (kind && kind->checkpoint)
    g_assert_true (clip_store_exec (run->store, "PRAGMA wal_autocheckpoint = 1", NULL));
}

/* Closes the writer (its last checkpoint unfailed) and checks the archive
 * on connections of their own; returns what it holds. */
static char *
run_close (Run *run)
{
  char *state;

  g_clear_object (&run->store);
  clip_test_faults_check_archive (run->path);
  state = archive_state (run->path);
  clip_test_rm_rf (run->dir);
  g_clear_pointer (&run->dir, g_free);
  g_clear_pointer (&run->path, g_free);
  return state;
}

static void
all_or_nothing (gboolean ok, const char *state, const char *before, const char *after)
{
  g_assert_cmpstr (state, ==, ok ? after : before);
}

/* Says which fault a failed assertion is about. */
static void
note_fault (const FaultKind *kind, guint n, gboolean ok, const GError *error)
{
  g_test_message ("%s fault at %u: %s%s", kind->name, n, ok ? "succeeded" : "failed: ",
                  error ? error->message : "");
}

/* Fails the nth write or sync of operation, for every n until the
 * operation runs out of writes, with every kind of fault. cache_pages:
 * small enough that pages are written out in the middle of a transaction,
 * not only at its commit, as with a real feed's size. */
static void
fault_campaign (Operation op, Verdict verdict, int cache_pages)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run run = { 0 };

  clip_test_faults_set_cache_pages (cache_pages);
  run_open (&run, NULL);
  before = run_close (&run);
  run_open (&run, NULL);
  g_assert_true (op (&run, NULL));
  after = run_close (&run);
  g_assert_cmpstr (before, !=, after);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint n;

      for (n = 1; ; n++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *state = NULL;
          gboolean ok, fired;

          run_open (&run, &kinds[k]);
          clip_test_faults_arm (n, kinds[k].ops, kinds[k].rc, kinds[k].persistent);
          ok = op (&run, &error);
          fired = clip_test_faults_disarm ();
          g_assert_true (ok == (error == NULL));
          if (g_test_verbose ())
            note_fault (&kinds[k], n, ok, error);
          state = run_close (&run);
          if (!fired)
            {
              /* Past the last write: the whole change, once. */
              g_assert_true (ok);
              g_assert_cmpstr (state, ==, after);
              break;
            }
          verdict (ok, state, before, after);
        }
      g_test_message ("%s: %u faults", kinds[k].name, n - 1);
      g_assert_cmpuint (n, >, 2);
    }
}

/* One feed's answer: new articles and changed ones, with the rules'
 * matches and alerts of the new matches. */
static gboolean
op_ingest (Run *run, GError **error)
{
  g_autoptr(GPtrArray) batch = make_batch ("new", 6, "v1", 12);
  g_autoptr(GPtrArray) changed = make_batch ("old", 2, "v2", 12);

  g_ptr_array_extend_and_steal (batch, g_steal_pointer (&changed));
  return ingest (run->store, outlet_ids[0], batch, error);
}

static void
test_ingest (void)
{
  fault_campaign (op_ingest, all_or_nothing, 40);
}

/* Three answers in one transaction, as the fetch service writes them
 * when they come together: an answer that fails records the outlet's
 * error and the others go on; whatever fails, the transaction commits
 * all of it or none. */
static gboolean
op_shared (Run *run, GError **error)
{
  gboolean ok = TRUE;

  if (!clip_store_begin (run->store, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (outlet_ids); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("shared%u", i);
      g_autoptr(GPtrArray) batch = make_batch (prefix, 2, "v1", 8);
      g_autoptr(GError) local = NULL;

      if (!ingest (run->store, outlet_ids[i], batch, &local))
        {
          g_autoptr(ClipOutlet) o = clip_store_get_outlet (run->store, outlet_ids[i], NULL);

          if (o != NULL)
            {
              g_free (o->last_error);
              o->last_error = g_strdup (local->message);
              o->failures++;
              clip_store_save_fetch_state (run->store, o, NULL);
            }
          ok = FALSE;
        }
    }
  if (!clip_store_commit (run->store, error))
    return FALSE;
  if (!ok)
    g_set_error_literal (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_FAILED, "an answer failed");
  return ok;
}

static void
test_shared (void)
{
  /* An answer's failure rolls the whole transaction back (the service
   * then writes each answer again on its own). */
  fault_campaign (op_shared, all_or_nothing, 16);
}

/* The matches of the rule whose query changed, computed again. */
static gboolean
op_backfill (Run *run, GError **error)
{
  return clip_rule_backfill (run->store, watch_rule, NULL, NULL, NULL, NULL, error);
}

static void
test_backfill (void)
{
  fault_campaign (op_backfill, all_or_nothing, 40);
}

/* The same through the command the front ends use, on its own writer. */
static gboolean
op_rematch (Run *run, GError **error)
{
  g_autoptr(ClipCommands) commands = NULL;
  ClipCommand *c;
  gboolean ok;

  /* The command's writer is the run's: only one in the process. */
  g_clear_object (&run->store);
  commands = clip_commands_open (run->dir, error);
  if (commands == NULL)
    return FALSE;
  c = clip_command_rematch_rule (watch_rule);
  ok = clip_commands_run (commands, c, NULL, NULL, NULL, error);
  clip_command_unref (c);
  return ok;
}

static void
test_rematch (void)
{
  fault_campaign (op_rematch, all_or_nothing, 40);
}

static gint64
fixed_clock (gpointer data)
{
  return T0 + 2 * 3600;
}

/* The alert policy recording what it notifies. */
static gboolean
op_alerts (Run *run, GError **error)
{
  g_autoptr(ClipAlertPolicy) policy = clip_alert_policy_new (run->store);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GPtrArray) notices = NULL;
  ClipAlertConfig config = { .enabled = TRUE, .daily_time = 8 * 60 };

  clip_alert_policy_set_clock (policy, fixed_clock, NULL);
  clip_alert_policy_set_timezone (policy, utc);
  clip_alert_policy_set_config (policy, &config);
  notices = clip_alert_policy_collect (policy, error);
  return notices != NULL;
}

static void
test_alerts (void)
{
  fault_campaign (op_alerts, all_or_nothing, 40);
}

/* The archive every run starts from: default rules, three outlets, a
 * fetch's articles with their matches and unnotified alerts, and a rule
 * whose query changed since its matches were computed. */
static void
make_baseline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GPtrArray) old = make_batch ("old", 8, "v1", 12);
  ClipRule rule = { .name = "Watch", .query = "Kremlin OR bakery", .enabled = TRUE };

  baseline_dir = clip_test_tmpdir ();
  store = clip_archive_open (baseline_dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (outlet_ids); i++)
    {
      g_autoptr(ClipOutlet) o = clip_outlet_new ();

      o->url = g_strdup_printf ("https://outlet%u.example.org/feed", i);
      o->name = g_strdup_printf ("Outlet %u", i);
      outlet_ids[i] = clip_store_add_outlet (store, o, &error);
      g_assert_no_error (error);
    }
  watch_rule = clip_store_add_rule (store, &rule, &error);
  g_assert_no_error (error);
  g_assert_true (ingest (store, outlet_ids[0], old, &error));
  g_assert_no_error (error);
  g_assert_true (clip_store_exec (store, "UPDATE rules SET query = 'Tbilisi OR NATO' "
                                  "WHERE name = 'Watch'", &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  clip_test_faults_install ();
  make_baseline ();
  g_test_add_func ("/store-faults/ingest", test_ingest);
  g_test_add_func ("/store-faults/shared-transaction", test_shared);
  g_test_add_func ("/store-faults/backfill", test_backfill);
  g_test_add_func ("/store-faults/rematch-command", test_rematch);
  g_test_add_func ("/store-faults/alert-run", test_alerts);
  status = g_test_run ();
  g_free (baseline_dir);
  return status;
}
