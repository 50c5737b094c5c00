/* test-alert-policy.c — when alerts become notifications, on a fake clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-alert.h"
#include "clip-alert-policy.h"
#include "clip-store-sql.h"
#include "clip-test-alerts.h"
#include "clip-test-util.h"

#define T0 CLIP_TEST_T0
#define HOUR CLIP_TEST_HOUR
#define DAY CLIP_TEST_DAY

typedef struct {
  char            *dir;
  ClipStore       *store;
  ClipAlertPolicy *policy;
  ClipAlertConfig  config;
  gint64           now;
  gint64           outlet;
  GPtrArray       *sent;    /* ClipAlertNotice* copies */
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

static void
record_notice (const ClipAlertNotice *notice,
               gpointer               user_data)
{
  Fixture *f = user_data;
  ClipAlertNotice *copy = g_new0 (ClipAlertNotice, 1);

  *copy = *notice;
  copy->id = g_strdup (notice->id);
  copy->title = g_strdup (notice->title);
  copy->body = g_strdup (notice->body);
  g_ptr_array_add (f->sent, copy);
}

static void
make_policy (Fixture *f)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  f->policy = clip_alert_policy_new (f->store);
  clip_alert_policy_set_clock (f->policy, fake_clock, f);
  clip_alert_policy_set_timezone (f->policy, utc);
  clip_alert_policy_set_config (f->policy, &f->config);
  clip_alert_policy_set_delivery (f->policy, record_notice, f, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = clip_test_tmpdir ();
  f->store = clip_test_alerts_open (f->dir);
  f->outlet = clip_test_alerts_outlet (f->store);
  f->sent = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_alert_notice_free);
  f->config = (ClipAlertConfig) { .enabled = TRUE, .daily_time = 8 * 60 };
  f->now = T0;
  make_policy (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->policy);
  g_clear_object (&f->store);
  g_ptr_array_unref (f->sent);
  g_free (f->dir);
}

/* Closes the archive and opens it again, as a restart of the program does. */
static void
restart (Fixture *f)
{
  g_clear_object (&f->policy);
  g_clear_object (&f->store);
  f->store = clip_test_alerts_open (f->dir);
  make_policy (f);
}

static void
set_config (Fixture               *f,
            const ClipAlertConfig *config)
{
  f->config = *config;
  clip_alert_policy_set_config (f->policy, config);
}

/* Runs the policy at t; returns how many notices went out. */
static guint
run_at (Fixture *f,
        gint64   t)
{
  g_autoptr(GError) error = NULL;
  gint sent;

  f->now = t;
  g_ptr_array_set_size (f->sent, 0);
  sent = clip_alert_policy_run (f->policy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sent, ==, f->sent->len);
  return f->sent->len;
}

static ClipAlertNotice *
sent (Fixture *f,
      guint    i)
{
  g_assert_cmpuint (i, <, f->sent->len);
  return f->sent->pdata[i];
}

static ClipAlertNotice *
find_sent (Fixture             *f,
           ClipAlertNoticeKind  kind,
           gint64               rule_id)
{
  for (guint i = 0; i < f->sent->len; i++)
    {
      ClipAlertNotice *notice = f->sent->pdata[i];

      if (notice->kind == kind && notice->rule_id == rule_id)
        return notice;
    }
  return NULL;
}

/* Runs at t and returns the rule's spike notice, if one went out. */
static ClipAlertNotice *
spike_at (Fixture *f,
          gint64   t,
          gint64   rule_id)
{
  run_at (f, t);
  return find_sent (f, CLIP_ALERT_NOTICE_SPIKE, rule_id);
}

static void
test_instant_batches (Fixture       *f,
                      gconstpointer  data)
{
  gint64 russia = clip_test_alerts_rule (f->store, "Russian interference", "instant", "critical");
  gint64 ports = clip_test_alerts_rule (f->store, "Ports", "instant", NULL);
  gint64 hourly = clip_test_alerts_rule (f->store, "Elections", "hourly", NULL);
  gint64 silent = clip_test_alerts_rule (f->store, "Weather", "none", NULL);
  gint64 newest;
  ClipAlertNotice *notice;

  g_assert_cmpuint (run_at (f, T0), ==, 0);
  clip_test_alerts_new_match (f->store, f->outlet, russia, "Kremlin denies meddling", T0 + 60);
  clip_test_alerts_new_match (f->store, f->outlet, russia, "Tbilisi protests", T0 + 70);
  newest = clip_test_alerts_new_match (f->store, f->outlet, russia, "Hybrid war on the Black Sea", T0 + 80);
  clip_test_alerts_new_match (f->store, f->outlet, ports, "Poti port expansion", T0 + 90);
  clip_test_alerts_new_match (f->store, f->outlet, hourly, "Polls open", T0 + 95);
  clip_test_alerts_new_match (f->store, f->outlet, silent, "Rain", T0 + 96);
  clip_test_alerts_new_match (f->store, f->outlet, silent, "Snow", T0 + 97);

  /* One notice per instant rule, never one per article. */
  g_assert_cmpuint (run_at (f, T0 + 120), ==, 2);
  notice = find_sent (f, CLIP_ALERT_NOTICE_INSTANT, russia);
  g_assert_nonnull (notice);
  g_assert_cmpstr (notice->title, ==, "3 new articles match Russian interference");
  g_assert_cmpstr (notice->body, ==, "Hybrid war on the Black Sea");
  g_assert_cmpint (notice->article_id, ==, newest);
  g_assert_cmpint (notice->priority, ==, G_NOTIFICATION_PRIORITY_URGENT);
  notice = find_sent (f, CLIP_ALERT_NOTICE_INSTANT, ports);
  g_assert_nonnull (notice);
  g_assert_cmpstr (notice->title, ==, "1 new article matches Ports");
  g_assert_cmpstr (notice->body, ==, "Poti port expansion");
  g_assert_cmpint (notice->priority, ==, G_NOTIFICATION_PRIORITY_NORMAL);
  /* Each rule's notice replaces only its own earlier one. */
  g_assert_cmpstr (sent (f, 0)->id, !=, sent (f, 1)->id);

  /* Nothing twice; "none" rules are settled without a word; the hourly
   * rule's alert waits for its digest. */
  g_assert_cmpuint (run_at (f, T0 + 180), ==, 0);
  g_assert_cmpint (clip_test_alerts_count (f->store, "notified = 0"), ==, 1);

  clip_test_alerts_new_match (f->store, f->outlet, russia, "Moscow summit", T0 + 200);
  g_assert_cmpuint (run_at (f, T0 + 240), ==, 1);
  g_assert_cmpstr (sent (f, 0)->title, ==, "1 new article matches Russian interference");
  g_assert_cmpstr (sent (f, 0)->body, ==, "Moscow summit");
}

static void
test_disabled_rule (Fixture       *f,
                    gconstpointer  data)
{
  gint64 rule = clip_test_alerts_rule (f->store, "Ports", "instant", NULL);

  clip_test_alerts_new_match (f->store, f->outlet, rule, "Poti", T0);
  g_assert_true (clip_store_exec (f->store, "UPDATE rules SET enabled = 0", NULL));
  g_assert_cmpuint (run_at (f, T0 + 60), ==, 0);
}

static void
test_hourly_digest (Fixture       *f,
                    gconstpointer  data)
{
  gint64 elections = clip_test_alerts_rule (f->store, "Elections", "hourly", "important");
  gint64 ports = clip_test_alerts_rule (f->store, "Ports", "hourly", NULL);
  gint64 newest;
  ClipAlertNotice *notice;

  /* The first run starts the hour. */
  g_assert_cmpuint (run_at (f, T0), ==, 0);
  clip_test_alerts_new_match (f->store, f->outlet, elections, "Polls open", T0 + 300);
  newest = clip_test_alerts_new_match (f->store, f->outlet, elections, "Turnout at noon", T0 + 600);
  g_assert_cmpuint (run_at (f, T0 + 30 * 60), ==, 0);
  g_assert_cmpuint (run_at (f, T0 + HOUR - 1), ==, 0);

  g_assert_cmpuint (run_at (f, T0 + HOUR), ==, 1);
  notice = sent (f, 0);
  g_assert_cmpint (notice->kind, ==, CLIP_ALERT_NOTICE_HOURLY);
  g_assert_cmpstr (notice->title, ==, "Hourly digest: 2 new articles");
  g_assert_cmpstr (notice->body, ==, "Elections: 2");
  g_assert_cmpint (notice->rule_id, ==, elections);
  g_assert_cmpint (notice->article_id, ==, newest);
  g_assert_cmpint (notice->priority, ==, G_NOTIFICATION_PRIORITY_HIGH);

  /* Two rules in the next hour: one digest, the busiest rule first, and a
   * click shows the Alerts view rather than one rule. */
  clip_test_alerts_new_match (f->store, f->outlet, elections, "Exit poll", T0 + HOUR + 60);
  clip_test_alerts_new_match (f->store, f->outlet, ports, "Poti", T0 + HOUR + 120);
  clip_test_alerts_new_match (f->store, f->outlet, ports, "Batumi", T0 + HOUR + 180);
  g_assert_cmpuint (run_at (f, T0 + HOUR + 30 * 60), ==, 0);
  g_assert_cmpuint (run_at (f, T0 + 2 * HOUR + 5), ==, 1);
  notice = sent (f, 0);
  g_assert_cmpstr (notice->title, ==, "Hourly digest: 3 new articles");
  g_assert_cmpstr (notice->body, ==, "Ports: 2\nElections: 1");
  g_assert_cmpint (notice->rule_id, ==, 0);
  g_assert_cmpuint (notice->n_rules, ==, 2);

  /* An hour with nothing: no digest. */
  g_assert_cmpuint (run_at (f, T0 + 3 * HOUR + 10), ==, 0);
}

/* A refresh that brings news for more rules than a desktop should pop
 * banners for: one notice says it all, as urgent as its most urgent rule,
 * and opens the Alerts view; three or fewer still come one per rule. */
static void
test_flood (Fixture       *f,
            gconstpointer  data)
{
  const char *names[] = { "Russian interference", "Ports", "Protests", "Foreign agents" };
  gint64 rules[G_N_ELEMENTS (names)];
  gint64 hourly = clip_test_alerts_rule (f->store, "Elections", "hourly", NULL);
  gint64 newest = 0;
  ClipAlertNotice *notice;

  for (guint r = 0; r < G_N_ELEMENTS (names); r++)
    rules[r] = clip_test_alerts_rule (f->store, names[r], "instant", r == 0 ? "critical" : NULL);
  g_assert_cmpuint (run_at (f, T0), ==, 0);
  /* Rule r gets 40 - 10 r articles: 100 in all, and one for the digest. */
  for (guint r = 0; r < G_N_ELEMENTS (names); r++)
    for (guint i = 0; i < 40 - 10 * r; i++)
      {
        g_autofree char *title = g_strdup_printf ("%s %u", names[r], i);

        newest = clip_test_alerts_new_match (f->store, f->outlet, rules[r], title, T0 + 60);
      }
  clip_test_alerts_new_match (f->store, f->outlet, hourly, "Polls open", T0 + 60);

  g_assert_cmpuint (run_at (f, T0 + 120), ==, 1);
  notice = sent (f, 0);
  g_assert_cmpint (notice->kind, ==, CLIP_ALERT_NOTICE_SUMMARY);
  g_assert_cmpstr (notice->title, ==, "100 new articles for 4 rules");
  g_assert_cmpstr (notice->body, ==,
                   "Russian interference: 40\nPorts: 30\nProtests: 20\nForeign agents: 10");
  g_assert_cmpint (notice->rule_id, ==, 0);
  g_assert_cmpint (notice->article_id, ==, newest);
  g_assert_cmpint (notice->priority, ==, G_NOTIFICATION_PRIORITY_URGENT);
  /* Nothing twice; the hourly rule's alert still waits for its digest. */
  g_assert_cmpuint (run_at (f, T0 + 180), ==, 0);
  g_assert_cmpuint (run_at (f, T0 + HOUR + 120), ==, 1);
  g_assert_cmpint (sent (f, 0)->kind, ==, CLIP_ALERT_NOTICE_HOURLY);

  /* Three rules with news: three notices, each its rule's. */
  for (guint r = 0; r < 3; r++)
    clip_test_alerts_new_match (f->store, f->outlet, rules[r], "Again", T0 + 2 * HOUR);
  g_assert_cmpuint (run_at (f, T0 + 2 * HOUR + 60), ==, 3);
  for (guint r = 0; r < 3; r++)
    g_assert_nonnull (find_sent (f, CLIP_ALERT_NOTICE_INSTANT, rules[r]));
}

static void
test_daily_digest (Fixture       *f,
                   gconstpointer  data)
{
  gint64 daily = clip_test_alerts_rule (f->store, "Ministers", "daily", NULL);
  gint64 instant = clip_test_alerts_rule (f->store, "Ports", "instant", NULL);
  gint64 day2_8am = T0 - 4 * HOUR + DAY;   /* T0 is noon */
  ClipAlertConfig config = f->config;
  ClipAlertNotice *notice;

  g_assert_cmpuint (run_at (f, T0), ==, 0);
  clip_test_alerts_new_match (f->store, f->outlet, daily, "Cabinet reshuffle", T0 + HOUR);
  clip_test_alerts_new_match (f->store, f->outlet, daily, "Minister resigns", T0 + 2 * HOUR);
  clip_test_alerts_new_match (f->store, f->outlet, instant, "Poti", T0 + 3 * HOUR);
  g_assert_cmpuint (run_at (f, T0 + 3 * HOUR + 60), ==, 1);
  g_assert_cmpint (sent (f, 0)->kind, ==, CLIP_ALERT_NOTICE_INSTANT);
  g_assert_cmpuint (run_at (f, T0 + 8 * HOUR), ==, 0);
  g_assert_cmpuint (run_at (f, day2_8am - 60), ==, 0);

  g_assert_cmpuint (run_at (f, day2_8am), ==, 1);
  notice = sent (f, 0);
  g_assert_cmpint (notice->kind, ==, CLIP_ALERT_NOTICE_DAILY);
  g_assert_cmpstr (notice->title, ==, "Daily digest: 2 new articles");
  g_assert_cmpstr (notice->body, ==, "Ministers: 2");
  g_assert_cmpuint (run_at (f, day2_8am + 60), ==, 0);

  /* At another time the analyst picks, with the overview of every rule:
   * the instant rule is counted again, but not notified again on its own. */
  config.daily_time = 18 * 60 + 30;
  config.daily_overview = TRUE;
  set_config (f, &config);
  clip_test_alerts_new_match (f->store, f->outlet, instant, "Batumi", day2_8am + HOUR);
  g_assert_cmpuint (run_at (f, day2_8am + HOUR + 60), ==, 1);
  clip_test_alerts_new_match (f->store, f->outlet, daily, "New cabinet", day2_8am + 2 * HOUR);
  g_assert_cmpuint (run_at (f, day2_8am + 10 * HOUR), ==, 0);
  g_assert_cmpuint (run_at (f, day2_8am + 10 * HOUR + 30 * 60), ==, 1);
  notice = sent (f, 0);
  g_assert_cmpstr (notice->title, ==, "Daily digest: 2 new articles");
  g_assert_cmpstr (notice->body, ==, "Ministers: 1\nPorts: 1");
  g_assert_cmpuint (run_at (f, day2_8am + 11 * HOUR), ==, 0);
}

/* Matches on each of the days days before T0, per_day[i] a day for
 * rules[i], in the order of time (article ids grow with fetch time). */
static void
add_history (Fixture      *f,
             const gint64 *rules,
             const guint  *per_day,
             guint         n_rules,
             guint         days)
{
  for (guint d = days; d >= 1; d--)
    for (guint r = 0; r < n_rules; r++)
      for (guint i = 0; i < per_day[r]; i++)
        {
          gint64 t = T0 - (gint64) d * DAY + (r * 10 + i) * 60;
          gint64 article = clip_test_alerts_article (f->store, f->outlet, "Background", t);

          clip_test_alerts_flag (f->store, rules[r], article, t);
        }
  g_assert_true (clip_store_exec (f->store, "UPDATE alerts SET notified = 1", NULL));
}

static void
test_spike (Fixture       *f,
            gconstpointer  data)
{
  gint64 spiky = clip_test_alerts_rule (f->store, "Russian interference", "instant", NULL);
  gint64 busy = clip_test_alerts_rule (f->store, "Ports", "instant", NULL);
  ClipAlertNotice *notice;
  gint64 newest = 0;

  /* More history than the 14 days of the baseline, which ignores the rest. */
  add_history (f, (gint64[]) { spiky, busy }, (guint[]) { 1, 3 }, 2, 20);
  g_assert_cmpuint (run_at (f, T0), ==, 0);

  /* 4 is 4× the mean of 1 a day, but fewer than 5 articles; the busy rule's
   * 8 are fewer than 3× its 3 a day. */
  for (guint i = 0; i < 4; i++)
    clip_test_alerts_new_match (f->store, f->outlet, spiky, "Meddling", T0 + HOUR + i * 60);
  for (guint i = 0; i < 8; i++)
    clip_test_alerts_new_match (f->store, f->outlet, busy, "Poti", T0 + HOUR + i * 60);
  g_assert_null (spike_at (f, T0 + 2 * HOUR, spiky));
  g_assert_null (find_sent (f, CLIP_ALERT_NOTICE_SPIKE, busy));

  newest = clip_test_alerts_new_match (f->store, f->outlet, spiky, "Hybrid war", T0 + 3 * HOUR);
  notice = spike_at (f, T0 + 3 * HOUR + 60, spiky);
  g_assert_nonnull (notice);
  g_assert_null (find_sent (f, CLIP_ALERT_NOTICE_SPIKE, busy));
  g_assert_cmpstr (notice->title, ==, "Surge: 5 articles matched Russian interference in 24 hours");
  g_assert_cmpstr (notice->body, ==, "Usually 1.0 a day. Newest: Hybrid war");
  g_assert_cmpint (notice->rule_id, ==, spiky);
  g_assert_cmpint (notice->article_id, ==, newest);

  /* At most once a day per rule, even as the surge grows. */
  for (guint i = 0; i < 5; i++)
    clip_test_alerts_new_match (f->store, f->outlet, spiky, "More meddling", T0 + 5 * HOUR + i);
  g_assert_null (spike_at (f, T0 + 6 * HOUR, spiky));
  g_assert_null (spike_at (f, T0 + 3 * HOUR + DAY - 60, spiky));
  /* A day later the 5 newer ones still make a surge; the older fell out. */
  notice = spike_at (f, T0 + 3 * HOUR + DAY + 60, spiky);
  g_assert_nonnull (notice);
  g_assert_cmpuint (notice->n_articles, ==, 5);
}

static void
test_spike_needs_history (Fixture       *f,
                          gconstpointer  data)
{
  gint64 rule = clip_test_alerts_rule (f->store, "Ports", "hourly", NULL);

  /* A new archive has no usual rate to compare with. */
  for (guint i = 0; i < 6; i++)
    clip_test_alerts_new_match (f->store, f->outlet, rule, "Poti", T0 + i * 60);
  g_assert_null (spike_at (f, T0 + HOUR, rule));

  /* Three days on, the baseline is the 6 of day one over the two days
   * before the last 24 hours (about 3 a day, not 6/14): 6 are no surge,
   * 10 are. */
  for (guint i = 0; i < 6; i++)
    clip_test_alerts_new_match (f->store, f->outlet, rule, "Batumi", T0 + 3 * DAY + i * 60);
  g_assert_null (spike_at (f, T0 + 3 * DAY + HOUR, rule));
  for (guint i = 0; i < 4; i++)
    clip_test_alerts_new_match (f->store, f->outlet, rule, "Anaklia", T0 + 3 * DAY + 2 * HOUR + i);
  g_assert_nonnull (spike_at (f, T0 + 3 * DAY + 3 * HOUR, rule));
}

static void
test_quiet_hours (Fixture       *f,
                  gconstpointer  data)
{
  ClipAlertConfig config = { .enabled = TRUE, .quiet_hours = TRUE,
                             .quiet_from = 22 * 60, .quiet_to = 7 * 60, .daily_time = 8 * 60 };
  gint64 russia = clip_test_alerts_rule (f->store, "Russian interference", "instant", NULL);
  gint64 ports = clip_test_alerts_rule (f->store, "Ports", "instant", NULL);
  gint64 evening = T0 + 9 * HOUR;                 /* 21:00 */
  gint64 night = evening + 2 * HOUR;              /* 23:00 */
  gint64 morning = evening + 10 * HOUR;           /* 07:00 */
  ClipAlertNotice *notice;

  set_config (f, &config);
  g_assert_cmpuint (run_at (f, evening), ==, 0);
  clip_test_alerts_new_match (f->store, f->outlet, russia, "Kremlin", night);
  clip_test_alerts_new_match (f->store, f->outlet, russia, "Moscow", night + 60);
  clip_test_alerts_new_match (f->store, f->outlet, ports, "Poti", night + 120);
  g_assert_cmpuint (run_at (f, night + 180), ==, 0);
  clip_test_alerts_new_match (f->store, f->outlet, russia, "Duma", night + 4 * HOUR);
  g_assert_cmpuint (run_at (f, night + 4 * HOUR + 60), ==, 0);
  g_assert_cmpuint (run_at (f, morning - 1), ==, 0);

  /* One summary when they end, of everything they held back. */
  g_assert_cmpuint (run_at (f, morning), ==, 1);
  notice = sent (f, 0);
  g_assert_cmpint (notice->kind, ==, CLIP_ALERT_NOTICE_QUIET_SUMMARY);
  g_assert_cmpstr (notice->title, ==, "During quiet hours: 4 new articles");
  g_assert_cmpstr (notice->body, ==, "Russian interference: 3\nPorts: 1");
  g_assert_cmpint (notice->rule_id, ==, 0);
  g_assert_cmpuint (run_at (f, morning + 60), ==, 0);

  /* Then back to one notice per rule. */
  clip_test_alerts_new_match (f->store, f->outlet, ports, "Batumi", morning + 120);
  g_assert_cmpuint (run_at (f, morning + 180), ==, 1);
  g_assert_cmpint (sent (f, 0)->kind, ==, CLIP_ALERT_NOTICE_INSTANT);
}

static void
test_quiet_window (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) tbilisi = g_time_zone_new_offset (4 * 3600);
  ClipAlertConfig wrap = { .quiet_hours = TRUE, .quiet_from = 22 * 60, .quiet_to = 7 * 60 };
  ClipAlertConfig day = { .quiet_hours = TRUE, .quiet_from = 13 * 60, .quiet_to = 14 * 60 };
  ClipAlertConfig off = { .quiet_hours = FALSE, .quiet_from = 0, .quiet_to = 23 * 60 };
  ClipAlertConfig same = { .quiet_hours = TRUE, .quiet_from = 600, .quiet_to = 600 };
  gint64 midnight = T0 - 12 * HOUR;

  g_assert_false (clip_alert_config_is_quiet (&wrap, utc, midnight + 22 * HOUR - 1));
  g_assert_true (clip_alert_config_is_quiet (&wrap, utc, midnight + 22 * HOUR));
  g_assert_true (clip_alert_config_is_quiet (&wrap, utc, midnight + 3 * HOUR));
  g_assert_true (clip_alert_config_is_quiet (&wrap, utc, midnight + 7 * HOUR - 1));
  g_assert_false (clip_alert_config_is_quiet (&wrap, utc, midnight + 7 * HOUR));
  g_assert_true (clip_alert_config_is_quiet (&day, utc, midnight + 13 * HOUR + 59 * 60));
  g_assert_false (clip_alert_config_is_quiet (&day, utc, midnight + 12 * HOUR));
  g_assert_false (clip_alert_config_is_quiet (&day, utc, midnight + 14 * HOUR));
  /* Local time: 09:30 UTC is 13:30 in Tbilisi. */
  g_assert_true (clip_alert_config_is_quiet (&day, tbilisi, midnight + 9 * HOUR + 30 * 60));
  g_assert_false (clip_alert_config_is_quiet (&off, utc, midnight + 12 * HOUR));
  g_assert_false (clip_alert_config_is_quiet (&same, utc, midnight + 10 * HOUR));
}

static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  ClipAlertConfig config = { .enabled = TRUE, .quiet_hours = TRUE,
                             .quiet_from = 22 * 60, .quiet_to = 7 * 60, .daily_time = 8 * 60 };
  gint64 russia = clip_test_alerts_rule (f->store, "Russian interference", "instant", NULL);
  gint64 hourly = clip_test_alerts_rule (f->store, "Elections", "hourly", NULL);

  set_config (f, &config);
  g_assert_cmpuint (run_at (f, T0), ==, 0);
  clip_test_alerts_new_match (f->store, f->outlet, russia, "Kremlin", T0 + 60);
  g_assert_cmpuint (run_at (f, T0 + 120), ==, 1);

  /* Notified before the restart: not again after it. */
  restart (f);
  g_assert_cmpuint (run_at (f, T0 + 180), ==, 0);

  /* Flagged but not yet notified when the program stopped: notified after. */
  clip_test_alerts_new_match (f->store, f->outlet, russia, "Moscow", T0 + 240);
  restart (f);
  g_assert_cmpuint (run_at (f, T0 + 300), ==, 1);
  g_assert_cmpstr (sent (f, 0)->title, ==, "1 new article matches Russian interference");

  /* The digest's hour survives a restart: not early, not skipped. */
  clip_test_alerts_new_match (f->store, f->outlet, hourly, "Polls", T0 + 400);
  restart (f);
  g_assert_cmpuint (run_at (f, T0 + 30 * 60), ==, 0);
  restart (f);
  g_assert_cmpuint (run_at (f, T0 + HOUR + 1), ==, 1);
  g_assert_cmpint (sent (f, 0)->kind, ==, CLIP_ALERT_NOTICE_HOURLY);

  /* Quiet hours that began before a restart still end in a summary. */
  g_assert_cmpuint (run_at (f, T0 + 11 * HOUR), ==, 0);          /* 23:00 */
  clip_test_alerts_new_match (f->store, f->outlet, russia, "Duma", T0 + 11 * HOUR + 60);
  g_assert_cmpuint (run_at (f, T0 + 11 * HOUR + 120), ==, 0);
  restart (f);
  g_assert_cmpuint (run_at (f, T0 + 20 * HOUR), ==, 1);          /* 08:00 */
  g_assert_cmpint (sent (f, 0)->kind, ==, CLIP_ALERT_NOTICE_QUIET_SUMMARY);
  g_assert_cmpstr (sent (f, 0)->title, ==, "During quiet hours: 1 new article");
  restart (f);
  g_assert_cmpuint (run_at (f, T0 + 20 * HOUR + 60), ==, 0);
}

static void
test_notifications_off (Fixture       *f,
                        gconstpointer  data)
{
  ClipAlertConfig off = { .enabled = FALSE, .daily_time = 8 * 60 };
  gint64 rule = clip_test_alerts_rule (f->store, "Ports", "instant", NULL);

  set_config (f, &off);
  clip_test_alerts_new_match (f->store, f->outlet, rule, "Poti", T0);
  g_assert_cmpuint (run_at (f, T0 + 60), ==, 0);
  /* Kept in the inbox, and no burst when notifications come back on. */
  g_assert_cmpint (clip_test_alerts_count (f->store, "read = 0"), ==, 1);
  set_config (f, &(ClipAlertConfig) { .enabled = TRUE, .daily_time = 8 * 60 });
  g_assert_cmpuint (run_at (f, T0 + 120), ==, 0);
  clip_test_alerts_new_match (f->store, f->outlet, rule, "Batumi", T0 + 180);
  g_assert_cmpuint (run_at (f, T0 + 240), ==, 1);
}

static void
on_async_delivered (const ClipAlertNotice *notice,
                    gpointer               user_data)
{
  record_notice (notice, user_data);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  gint64 rule = clip_test_alerts_rule (f->store, "Ports", "instant", NULL);

  clip_alert_policy_set_delivery (f->policy, on_async_delivered, f, NULL);
  clip_test_alerts_new_match (f->store, f->outlet, rule, "Poti", T0);
  f->now = T0 + 60;
  /* Asked three times while the first is in flight: two runs, one notice. */
  clip_alert_policy_run_async (f->policy);
  clip_alert_policy_run_async (f->policy);
  clip_alert_policy_run_async (f->policy);
  g_assert_true (clip_alert_policy_is_busy (f->policy));
  while (clip_alert_policy_is_busy (f->policy))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->sent->len, ==, 1);
  g_assert_cmpstr (sent (f, 0)->title, ==, "1 new article matches Ports");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/alert-policy/instant-batches", test_instant_batches);
  ADD ("/alert-policy/flood", test_flood);
  ADD ("/alert-policy/disabled-rule", test_disabled_rule);
  ADD ("/alert-policy/hourly-digest", test_hourly_digest);
  ADD ("/alert-policy/daily-digest", test_daily_digest);
  ADD ("/alert-policy/spike", test_spike);
  ADD ("/alert-policy/spike-needs-history", test_spike_needs_history);
  ADD ("/alert-policy/quiet-hours", test_quiet_hours);
  ADD ("/alert-policy/restart", test_restart);
  ADD ("/alert-policy/notifications-off", test_notifications_off);
  ADD ("/alert-policy/async", test_async);
#undef ADD
  g_test_add_func ("/alert-policy/quiet-window", test_quiet_window);

  return g_test_run ();
}
