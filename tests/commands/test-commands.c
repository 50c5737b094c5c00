/* test-commands.c — every change a user can make, as the one command both
 * front ends run: its effect, its progress, its errors, one writer, and
 * the same result from clippings-cli as from the command the GUI runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-alert-policy.h"
#include "clip-commands.h"
#include "clip-service.h"
#include "clip-store-listing.h"
#include "clip-test-alerts.h"
#include "clip-test-rules.h"
#include "clip-test-util.h"

#define N_ARTICLES 120   /* one in three about Kremlin meddling */
#define N_MEDDLING 40
#define MEDDLING "Kremlin NEAR/1 meddl*"

/* An archive (default rules) with N_ARTICLES articles of one outlet; the
 * fixture's writer is closed before the test opens the commands'. */
static char *
seed_archive (gint64 *outlet_id)
{
  char *dir = NULL;
  g_autoptr(ClipStore) store = clip_test_rules_archive (&dir);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult result;
  gint64 id = clip_test_rules_outlet (store);

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      ClipArticle *a = clip_article_new ();

      a->guid = g_strdup_printf ("a-%u", i);
      a->published = 1700000000 + i * 60;
      a->title = g_strdup_printf ("Article %u", i);
      a->summary_text = g_strdup (i % 3 == 0 ? "Officials spoke of Kremlin meddling again."
                                             : "The weather in Batumi was fine.");
      g_ptr_array_add (articles, a);
    }
  clip_ingest_result_init (&result);
  clip_store_ingest (store, id, articles, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, N_ARTICLES);
  clip_ingest_result_clear (&result);
  if (outlet_id)
    *outlet_id = id;
  return dir;
}

static ClipStore *
reader (const char *dir)
{
  g_autoptr(GError) error = NULL;
  ClipStore *store = clip_store_open_data_dir (dir, CLIP_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
count (const char *dir, const char *sql, gint64 a)
{
  g_autoptr(ClipStore) store = reader (dir);

  return clip_test_rules_count (store, sql, a, 0);
}

static gint64
run_ok (ClipCommands *commands, ClipCommand *command)
{
  g_autoptr(ClipCommand) owned = command;
  g_autoptr(GError) error = NULL;

  g_assert_true (clip_commands_run (commands, owned, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return clip_command_get_id (owned);
}

static ClipRule *
rule_named (const char *name, const char *query)
{
  ClipRule *r = clip_rule_new ();

  r->name = g_strdup (name);
  r->query = g_strdup (query);
  r->enabled = TRUE;
  return r;
}

/* Async: progress on this thread, growing, ending at its total, before
 * the result. */

typedef struct {
  GThread *thread;
  guint    calls;
  guint64  done, total;
  gboolean finished;
  gboolean ok;
  GError  *error;
  ClipCommand *command;
} Run;

static void
on_progress (guint64 done, guint64 total, gpointer data)
{
  Run *r = data;

  g_assert_true (g_thread_self () == r->thread);
  g_assert_false (r->finished);
  g_assert_cmpuint (done, >=, r->done);
  r->done = done;
  r->total = total;
  r->calls++;
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *r = data;

  r->ok = clip_commands_run_finish (CLIP_COMMANDS (source), result, &r->error);
  r->command = clip_command_ref (clip_commands_get_command (result));
  r->finished = TRUE;
}

/* Spins this thread's main context until the run finished, 30 s at most. */
static gboolean
wait_finished (Run *r)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!r->finished && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, !r->finished);
  return r->finished;
}

static void
test_rule_save_async (void)
{
  g_autofree char *dir = seed_archive (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCommands) commands = clip_commands_open (dir, &error);
  g_autoptr(ClipRule) rule = rule_named ("Meddling", MEDDLING);
  g_autoptr(ClipCommand) command = clip_command_save_rule (rule);
  g_autoptr(ClipProgress) progress = NULL;
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  Run r = { g_thread_self () };

  g_assert_no_error (error);
  progress = clip_progress_new (on_progress, &r, NULL, NULL);
  clip_commands_run_async (commands, command, progress, NULL, on_done, &r);
  g_assert_true (wait_finished (&r));
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_true (r.command == command);
  g_assert_true (clip_command_get_rematched (command));
  g_assert_cmpuint (clip_command_get_n_matched (command), ==, N_MEDDLING);
  g_assert_cmpint (clip_command_get_id (command), >, 0);
  g_assert_cmpuint (r.calls, >=, 1);
  g_assert_cmpuint (r.done, ==, r.total);
  g_assert_cmpint (count (dir, "SELECT count(*) FROM matches WHERE rule_id = ?1",
                          clip_command_get_id (command)), ==, N_MEDDLING);
  clip_command_unref (r.command);

  /* Cancelled before it ran: an error, and nothing more. */
  memset (&r, 0, sizeof r);
  r.thread = g_thread_self ();
  g_cancellable_cancel (cancel);
  clip_commands_run_async (commands, command, NULL, cancel, on_done, &r);
  g_assert_true (wait_finished (&r));
  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);
  clip_command_unref (r.command);
}

static void
test_rule_edit (void)
{
  g_autofree char *dir = seed_archive (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCommands) commands = clip_commands_open (dir, &error);
  g_autoptr(ClipRule) rule = rule_named ("Meddling", MEDDLING);
  g_autoptr(ClipCommand) command = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = rule->id = run_ok (commands, clip_command_save_rule (rule));
  /* Only the severity changed: nothing to match again. */
  g_free (rule->severity);
  rule->severity = g_strdup ("critical");
  command = clip_command_save_rule (rule);
  g_assert_true (clip_commands_run (commands, command, NULL, NULL, NULL, &error));
  g_assert_false (clip_command_get_rematched (command));
  g_clear_pointer (&command, clip_command_unref);
  /* A new query: matched again. */
  g_free (rule->query);
  rule->query = g_strdup ("Batumi");
  command = clip_command_save_rule (rule);
  g_assert_true (clip_commands_run (commands, command, NULL, NULL, NULL, &error));
  g_assert_true (clip_command_get_rematched (command));
  g_assert_cmpuint (clip_command_get_n_matched (command), ==, N_ARTICLES - N_MEDDLING);
  /* A broken query is the user's to fix, and changes nothing. */
  g_free (rule->query);
  rule->query = g_strdup ("Batumi AND (");
  g_clear_pointer (&command, clip_command_unref);
  command = clip_command_save_rule (rule);
  g_assert_false (clip_commands_run (commands, command, NULL, NULL, NULL, &error));
  g_assert_true (error->domain == CLIP_RULE_ERROR);
  g_clear_error (&error);
  g_assert_cmpint (count (dir, "SELECT count(*) FROM matches WHERE rule_id = ?1", id), ==,
                   N_ARTICLES - N_MEDDLING);
  run_ok (commands, clip_command_remove_rule (id));
  g_assert_cmpint (count (dir, "SELECT count(*) FROM rules WHERE id = ?1", id), ==, 0);
  g_assert_cmpint (count (dir, "SELECT count(*) FROM matches WHERE rule_id = ?1", id), ==, 0);
}

static void
test_term_lists (void)
{
  g_autofree char *dir = seed_archive (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCommands) commands = clip_commands_open (dir, &error);
  g_autoptr(ClipRule) on = rule_named ("On", "@kreml NEAR/1 meddl*");
  g_autoptr(ClipRule) off = rule_named ("Off", "@kreml");
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(ClipRule) renamed = NULL;
  g_autoptr(ClipCommand) command = NULL;
  const char *terms[] = { "Kremlin", NULL };
  const char *weather[] = { "Batumi", NULL };
  gint64 on_id, off_id;

  g_assert_no_error (error);
  run_ok (commands, clip_command_set_term_list ("kreml", (const char * const *) weather));
  on_id = run_ok (commands, clip_command_save_rule (on));
  off->enabled = FALSE;
  off_id = run_ok (commands, clip_command_save_rule (off));
  g_assert_cmpint (count (dir, "SELECT count(*) FROM matches WHERE rule_id = ?1", on_id), ==, 0);

  /* The list changed: the enabled rule that uses it is matched again, the
   * disabled one waits until it is switched on. */
  run_ok (commands, clip_command_set_term_list ("kreml", (const char * const *) terms));
  g_assert_cmpint (count (dir, "SELECT count(*) FROM matches WHERE rule_id = ?1", on_id), ==,
                   N_MEDDLING);
  g_assert_cmpint (count (dir, "SELECT count(*) FROM matches WHERE rule_id = ?1", off_id), ==, 0);

  /* Renamed: the queries follow; a taken name is refused, nothing changes. */
  run_ok (commands, clip_command_rename_term_list ("kreml", "kremlin_words"));
  store = reader (dir);
  renamed = clip_store_get_rule (store, on_id, &error);
  g_assert_cmpstr (renamed->query, ==, "@kremlin_words NEAR/1 meddl*");
  g_clear_pointer (&renamed, clip_rule_free);
  renamed = clip_store_get_rule (store, off_id, &error);
  g_assert_cmpstr (renamed->query, ==, "@kremlin_words");
  command = clip_command_rename_term_list ("kremlin_words", "russia_terms");
  g_assert_false (clip_commands_run (commands, command, NULL, NULL, NULL, &error));
  g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_pointer (&renamed, clip_rule_free);
  renamed = clip_store_get_rule (store, on_id, &error);
  g_assert_cmpstr (renamed->query, ==, "@kremlin_words NEAR/1 meddl*");

  /* Renamed and edited in one save, as the term-list editor does. */
  g_clear_pointer (&command, clip_command_unref);
  command = clip_command_save_term_list ("kremlin_words", "k2", (const char * const *) weather);
  g_assert_true (clip_commands_run (commands, command, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (dir, "SELECT count(*) FROM matches WHERE rule_id = ?1", on_id), ==, 0);
  /* A list a rule uses cannot go. */
  g_clear_pointer (&command, clip_command_unref);
  command = clip_command_remove_term_list ("k2");
  g_assert_false (clip_commands_run (commands, command, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
}

static void
test_outlets_and_articles (void)
{
  gint64 outlet_id, added, article;
  g_autofree char *dir = seed_archive (&outlet_id);
  g_autofree char *opml_path = clip_test_data_path ("opml/outlets.opml");
  g_autofree char *opml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCommands) commands = clip_commands_open (dir, &error);
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(ClipCommand) command = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ClipStore) store = NULL;
  g_auto(GStrv) tags = NULL;
  gsize len;

  g_assert_no_error (error);
  o->url = g_strdup ("https://civil.ge/feed");
  o->name = g_strdup ("Civil");
  added = o->id = run_ok (commands, clip_command_add_outlet (o));
  g_free (o->name);
  o->name = g_strdup ("Civil Georgia");
  run_ok (commands, clip_command_update_outlet (o));
  run_ok (commands, clip_command_set_outlet_enabled (added, FALSE));
  g_assert_cmpint (count (dir, "SELECT count(*) FROM outlets WHERE id = ?1 AND name = 'Civil Georgia' "
                               "AND NOT enabled", added), ==, 1);

  g_assert_true (g_file_get_contents (opml_path, &opml, &len, &error));
  bytes = g_bytes_new (opml, len);
  command = clip_command_import_opml (bytes, 3600);
  g_assert_true (clip_commands_run (commands, command, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (clip_command_get_import_result (command)->added +
                    clip_command_get_import_result (command)->skipped, >, 0);

  /* The analyst's marks. */
  article = count (dir, "SELECT min(id) FROM articles WHERE outlet_id = ?1", outlet_id);
  run_ok (commands, clip_command_set_read (article, TRUE));
  run_ok (commands, clip_command_set_flag (article, 2));
  run_ok (commands, clip_command_set_note (article, "check with the embassy"));
  run_ok (commands, clip_command_add_tag (article, "nato"));
  run_ok (commands, clip_command_add_tag (article, "eu"));
  run_ok (commands, clip_command_remove_tag (article, "nato"));
  store = reader (dir);
  tags = clip_store_get_tags (store, article, &error);
  g_assert_cmpstrv (tags, ((const char *[]) { "eu", NULL }));
  g_assert_cmpint (clip_test_rules_count (store, "SELECT read + flag FROM articles WHERE id = ?1",
                                          article, 0), ==, 3);
  g_clear_object (&store);

  /* Removing the outlet takes its articles. */
  run_ok (commands, clip_command_remove_outlet (outlet_id));
  g_assert_cmpint (count (dir, "SELECT count(*) FROM articles WHERE outlet_id = ?1", outlet_id), ==, 0);
}

/* A removed outlet (its annotated articles kept) added again as a listing
 * comes back as the analyst describes it now: kind, selectors, pages. */
static void
test_readd_removed_as_listing (void)
{
  gint64 outlet_id, article;
  g_autofree char *dir = seed_archive (&outlet_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCommands) commands = clip_commands_open (dir, &error);
  g_autoptr(ClipOutlet) before = NULL, after = NULL, again = NULL;
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(ClipStore) store = NULL;

  g_assert_no_error (error);
  store = reader (dir);
  before = clip_store_get_outlet (store, outlet_id, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (before->kind, ==, CLIP_OUTLET_FEED);
  article = count (dir, "SELECT min(id) FROM articles WHERE outlet_id = ?1", outlet_id);
  run_ok (commands, clip_command_set_flag (article, 1));
  run_ok (commands, clip_command_remove_outlet_keeping (outlet_id, TRUE));

  o->url = g_strdup (before->url);
  o->name = g_strdup ("Watched page");
  o->kind = CLIP_OUTLET_LISTING;
  o->selector = g_strdup ("ul.news h3 > a");
  o->next_selector = g_strdup ("a.next");
  o->pages = 4;
  o->ignore_robots = TRUE;
  g_assert_cmpint (run_ok (commands, clip_command_add_outlet (o)), ==, outlet_id);
  store = reader (dir);
  after = clip_store_get_outlet (store, outlet_id, &error);
  g_assert_no_error (error);
  g_assert_false (after->removed);
  g_assert_cmpstr (after->name, ==, "Watched page");
  g_assert_cmpint (after->kind, ==, CLIP_OUTLET_LISTING);
  g_assert_cmpstr (after->selector, ==, "ul.news h3 > a");
  g_assert_cmpstr (after->next_selector, ==, "a.next");
  g_assert_cmpint (after->pages, ==, 4);
  g_assert_true (after->ignore_robots);
  /* a new outlet's first fetch: the archive's pages are read */
  g_assert_cmpint (after->last_success, ==, 0);
  g_assert_null (after->etag);
  g_clear_object (&store);
  /* the kept article is its own again */
  g_assert_cmpint (count (dir, "SELECT outlet_id FROM articles WHERE id = ?1", article), ==, outlet_id);

  /* Removed again and added as a sitemap: no selector left over. */
  run_ok (commands, clip_command_remove_outlet_keeping (outlet_id, TRUE));
  g_clear_pointer (&o->selector, g_free);
  g_clear_pointer (&o->next_selector, g_free);
  o->kind = CLIP_OUTLET_SITEMAP;
  o->pages = 1;
  g_assert_cmpint (run_ok (commands, clip_command_add_outlet (o)), ==, outlet_id);
  store = reader (dir);
  again = clip_store_get_outlet (store, outlet_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->kind, ==, CLIP_OUTLET_SITEMAP);
  g_assert_null (again->selector);
  g_assert_null (again->next_selector);
  g_assert_cmpint (again->pages, ==, 1);
}

/* In the GUI the commands run on the service's writer: one writer
 * connection in the process, whatever the front end asks. */
static void
test_one_writer (void)
{
  g_autofree char *dir = seed_archive (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipService) service = clip_service_new (dir);
  g_autoptr(ClipRule) rule = rule_named ("Meddling", MEDDLING);
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  ClipCommands *commands;
  guint peak = 0;

  clip_service_set_scheduled (service, FALSE);
  g_assert_true (clip_service_start (service, &error));
  g_assert_no_error (error);
  clip_store_reset_peak_writers ();
  commands = clip_service_get_commands (service);
  rule->id = run_ok (commands, clip_command_save_rule (rule));
  run_ok (commands, clip_command_set_read (1, TRUE));
  run_ok (commands, clip_command_read_all_alerts ());
  o->url = g_strdup ("file:///nonexistent/feed.xml");
  o->name = g_strdup ("Local");
  run_ok (commands, clip_command_remove_outlet (run_ok (commands, clip_command_add_outlet (o))));
  run_ok (commands, clip_command_remove_rule (rule->id));
  g_assert_cmpuint (clip_store_count_writers (&peak), ==, 1);
  g_assert_cmpuint (peak, ==, 1);
  clip_service_stop (service);
  /* Stopped: a command fails, with a reason. */
  {
    g_autoptr(ClipCommand) late = clip_command_set_read (1, FALSE);

    g_assert_false (clip_commands_run (commands, late, NULL, NULL, NULL, &error));
    g_assert_nonnull (error);
  }
}

static void
count_notice (const ClipAlertNotice *notice, gpointer data)
{
  (*(guint *) data)++;
}

static gint64
fixed_clock (gpointer data)
{
  return CLIP_TEST_T0;
}

/* The GUI's alert policy records what it notified through the service's
 * writer too: a notice goes out, it is recorded, and no second writer
 * was opened for it. */
static void
test_alert_policy_on_service (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(ClipService) service = NULL;
  g_autoptr(ClipAlertPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint notices = 0, peak = 0;

  {
    g_autoptr(ClipStore) store = clip_test_alerts_open (dir);
    gint64 outlet = clip_test_alerts_outlet (store);
    gint64 rule = clip_test_alerts_rule (store, "Ports", "instant", NULL);

    clip_test_alerts_new_match (store, outlet, rule, "Anaklia port deal signed", CLIP_TEST_T0 - 60);
  }
  service = clip_service_new (dir);
  clip_service_set_scheduled (service, FALSE);
  g_assert_true (clip_service_start (service, &error));
  g_assert_no_error (error);
  clip_store_reset_peak_writers ();
  policy = clip_alert_policy_new (NULL);
  clip_alert_policy_set_clock (policy, fixed_clock, NULL);
  clip_alert_policy_set_timezone (policy, utc);
  clip_alert_policy_set_delivery (policy, count_notice, &notices, NULL);
  clip_alert_policy_attach (policy, service);   /* runs at once */
  while (clip_alert_policy_is_busy (policy) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (clip_alert_policy_is_busy (policy));
  g_assert_cmpuint (notices, ==, 1);
  clip_store_count_writers (&peak);
  g_assert_cmpuint (peak, ==, 1);
  {
    g_autoptr(ClipStore) store = reader (dir);

    g_assert_cmpint (clip_test_alerts_count (store, "notified = 0"), ==, 0);
  }
  clip_alert_policy_detach (policy);
  clip_service_stop (service);
}

/* The CLI and the GUI run the same commands: the same changes through
 * clippings-cli and through the commands leave the same archive. */
static int
cli (const char *dir, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  const char *a;
  va_list ap;
  int status;

  g_ptr_array_add (args, (gpointer) "--data-dir");
  g_ptr_array_add (args, (gpointer) dir);
  va_start (ap, dir);
  while ((a = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  status = clip_test_run_cli ((const char * const *) args->pdata, &out, &err);
  if (status != 0)
    g_test_message ("clippings-cli: %s", err);
  return status;
}

static char *
describe (const char *dir)
{
  g_autoptr(ClipStore) store = reader (dir);
  g_autoptr(GPtrArray) rules = clip_store_list_rules (store, NULL);
  g_autofree char *matches = clip_test_rules_dump_matches (store);
  GString *s = g_string_new (matches);

  for (guint i = 0; i < rules->len; i++)
    {
      const ClipRule *r = g_ptr_array_index (rules, i);
      g_string_append_printf (s, "%s|%s|%d|%" G_GINT64_FORMAT "\n", r->name, r->query,
                              r->enabled, r->match_count);
    }
  g_string_append_printf (s, "outlets %" G_GINT64_FORMAT " articles %" G_GINT64_FORMAT "\n",
                          clip_test_rules_count (store, "SELECT count(*) FROM outlets", 0, 0),
                          clip_test_rules_count (store, "SELECT count(*) FROM articles", 0, 0));
  return g_string_free (s, FALSE);
}

static void
test_cli_same_as_gui (void)
{
  gint64 outlet_a, outlet_b;
  g_autofree char *a = seed_archive (&outlet_a);
  g_autofree char *b = seed_archive (&outlet_b);
  g_autofree char *outlet = g_strdup_printf ("%" G_GINT64_FORMAT, outlet_a);
  g_autofree char *got_a = NULL, *got_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipRule) rule = rule_named ("Meddling", "@kreml NEAR/1 meddl*");
  const char *terms[] = { "Kremlin", NULL };
  const char *more[] = { "Kremlin", "Moscow", NULL };

  g_assert_cmpint (outlet_a, ==, outlet_b);
  g_assert_cmpint (cli (a, "lists", "add", "kreml", "Kremlin", NULL), ==, 0);
  g_assert_cmpint (cli (a, "rules", "add", "Meddling", "@kreml NEAR/1 meddl*", NULL), ==, 0);
  g_assert_cmpint (cli (a, "rules", "edit", "Meddling", "--query", "@kreml NEAR/2 meddl*", NULL), ==, 0);
  g_assert_cmpint (cli (a, "lists", "edit", "kreml", "Kremlin", "Moscow", NULL), ==, 0);
  g_assert_cmpint (cli (a, "lists", "rename", "kreml", "kremlin_terms", NULL), ==, 0);
  g_assert_cmpint (cli (a, "outlets", "remove", outlet, NULL), ==, 0);
  {
    g_autoptr(ClipCommands) commands = clip_commands_open (b, &error);

    g_assert_no_error (error);
    run_ok (commands, clip_command_add_terms ("kreml", (const char * const *) terms));
    rule->id = run_ok (commands, clip_command_save_rule (rule));
    g_free (rule->query);
    rule->query = g_strdup ("@kreml NEAR/2 meddl*");
    run_ok (commands, clip_command_save_rule (rule));
    run_ok (commands, clip_command_set_term_list ("kreml", (const char * const *) more));
    run_ok (commands, clip_command_rename_term_list ("kreml", "kremlin_terms"));
    run_ok (commands, clip_command_remove_outlet (outlet_b));
  }
  got_a = describe (a);
  got_b = describe (b);
  g_assert_cmpstr (got_a, ==, got_b);
  g_assert_nonnull (strstr (got_a, "Meddling|@kremlin_terms NEAR/2 meddl*|1|"));
}

/* "read" of an article (0/1) and of its alerts, as "article:alerts",
 * e.g. "1:11" for a read article with two read alerts. */
static char *
read_state (ClipStore *store, gint64 article)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s, "%" G_GINT64_FORMAT ":",
                          clip_test_rules_count (store, "SELECT read FROM articles WHERE id = ?1", article, 0));
  for (gint64 n = clip_test_rules_count (store, "SELECT count(*) FROM alerts WHERE article_id = ?1 AND read",
                                         article, 0); n > 0; n--)
    g_string_append_c (s, '1');
  for (gint64 n = clip_test_rules_count (store, "SELECT count(*) FROM alerts WHERE article_id = ?1 AND NOT read",
                                         article, 0); n > 0; n--)
    g_string_append_c (s, '0');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define ASSERT_READ(store, article, expected) \
  G_STMT_START { g_autofree char *got_ = read_state (store, article); \
                 g_assert_cmpstr (got_, ==, expected); } G_STMT_END

/* An article and its alerts are read together, whichever is marked: in the
 * main list, in the Alerts view, a rule's or every alert at once. */
static void
test_read_together (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autoptr(ClipStore) store = clip_test_alerts_open (dir);
  g_autoptr(ClipCommands) commands = NULL;
  gint64 outlet = clip_test_alerts_outlet (store);
  gint64 russia = clip_test_alerts_rule (store, "Russia", "none", "critical");
  gint64 ports = clip_test_alerts_rule (store, "Ports", "none", NULL);
  gint64 both = clip_test_alerts_new_match (store, outlet, russia, "Russian ships in Poti", CLIP_TEST_T0);
  gint64 port = clip_test_alerts_new_match (store, outlet, ports, "Batumi port", CLIP_TEST_T0 + 60);
  gint64 other = clip_test_alerts_new_match (store, outlet, russia, "Kremlin denies", CLIP_TEST_T0 + 120);
  gint64 plain = clip_test_alerts_article (store, outlet, "Rain in Batumi", CLIP_TEST_T0 + 180);
  gint64 alert;

  clip_test_alerts_flag (store, ports, both, CLIP_TEST_T0);
  commands = clip_commands_open (dir, NULL);
  ASSERT_READ (store, both, "0:00");

  /* Read in the list: its alerts under both rules; unread again: both. */
  run_ok (commands, clip_command_set_read (both, TRUE));
  ASSERT_READ (store, both, "1:11");
  ASSERT_READ (store, other, "0:0");
  run_ok (commands, clip_command_set_read (both, FALSE));
  ASSERT_READ (store, both, "0:00");
  /* An article no rule flagged. */
  run_ok (commands, clip_command_set_read (plain, TRUE));
  ASSERT_READ (store, plain, "1:");

  /* One alert read in the Alerts view: the article, and its other alert. */
  alert = clip_test_rules_count (store, "SELECT id FROM alerts WHERE article_id = ?1 AND rule_id = ?2",
                                 both, ports);
  run_ok (commands, clip_command_set_alert_read (alert, TRUE));
  ASSERT_READ (store, both, "1:11");
  run_ok (commands, clip_command_set_alert_read (alert, FALSE));
  ASSERT_READ (store, both, "0:00");
  run_ok (commands, clip_command_read_article_alerts (both));
  ASSERT_READ (store, both, "1:11");
  run_ok (commands, clip_command_set_read (both, FALSE));

  /* A rule's alerts: its articles, and their alerts under other rules;
   * another rule's article stays unread. */
  run_ok (commands, clip_command_read_rule_alerts (ports));
  ASSERT_READ (store, both, "1:11");
  ASSERT_READ (store, port, "1:1");
  ASSERT_READ (store, other, "0:0");
  run_ok (commands, clip_command_read_all_alerts ());
  ASSERT_READ (store, other, "1:1");

  /* An alert that is not there changes nothing. */
  {
    g_autoptr(ClipCommand) missing = clip_command_set_alert_read (999999, TRUE);
    g_autoptr(GError) error = NULL;

    g_assert_false (clip_commands_run (commands, missing, NULL, NULL, NULL, &error));
    g_assert_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/commands/rule-save-async", test_rule_save_async);
  g_test_add_func ("/commands/rule-edit", test_rule_edit);
  g_test_add_func ("/commands/term-lists", test_term_lists);
  g_test_add_func ("/commands/outlets-and-articles", test_outlets_and_articles);
  g_test_add_func ("/commands/readd-removed-as-listing", test_readd_removed_as_listing);
  g_test_add_func ("/commands/one-writer", test_one_writer);
  g_test_add_func ("/commands/read-together", test_read_together);
  g_test_add_func ("/commands/cli-same-as-gui", test_cli_same_as_gui);
  g_test_add_func ("/commands/alert-policy-on-service", test_alert_policy_on_service);
  return g_test_run ();
}
