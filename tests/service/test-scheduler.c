/* test-scheduler.c — back-off, jitter, priorities and limits, on a fake clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-scheduler.h"

#define T0 1700000000
#define MAX_RANDOM G_MAXUINT32

static void
test_success_jitter (void)
{
  g_assert_cmpint (clip_schedule_after_success (900, T0, 0), ==, T0 + 810);
  g_assert_cmpint (clip_schedule_after_success (900, T0, MAX_RANDOM), ==, T0 + 989);
  g_assert_cmpint (clip_schedule_after_success (900, T0, MAX_RANDOM / 2), ==, T0 + 899);
}

static void
test_backoff (void)
{
  /* 15 min, 30 min, 1 h, 2 h, 4 h, 8 h, 16 h, then 24 h for good. */
  const gint64 expected[] = { 900, 1800, 3600, 7200, 14400, 28800, 57600, 86400, 86400, 86400 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (clip_schedule_after_failure (900, i + 1, 0, T0, 0) - T0, ==, expected[i]);
  /* Jitter only ever adds, and never past the cap. */
  g_assert_cmpint (clip_schedule_after_failure (900, 2, 0, T0, MAX_RANDOM) - T0, ==, 1979);
  g_assert_cmpint (clip_schedule_after_failure (900, 30, 0, T0, MAX_RANDOM) - T0, ==, 86400);
  /* Retry-After is a floor; a short one does not shorten the back-off. */
  g_assert_cmpint (clip_schedule_after_failure (900, 1, 7200, T0, 0) - T0, ==, 7200);
  g_assert_cmpint (clip_schedule_after_failure (900, 3, 60, T0, 0) - T0, ==, 3600);
  g_assert_cmpint (clip_schedule_after_failure (900, 1, 10 * 86400, T0, 0) - T0, ==, 86400);
}

/* An outlet that fails five times and then answers, driven by the
 * scheduler on a fake clock: it is retried exactly when due, no sooner,
 * and its first success brings back the normal interval. */
static void
test_backoff_recovers (void)
{
  ClipScheduler *s = clip_scheduler_new (8, 2);
  gint64 now = T0, next = 0;
  gint failures = 0;

  clip_scheduler_set_outlet (s, 1, "https://example.org/feed", 0, TRUE);
  for (guint attempt = 0; attempt < 6; attempt++)
    {
      g_assert_cmpint (clip_scheduler_pop (s, now, TRUE), ==, 1);
      g_assert_cmpint (clip_scheduler_pop (s, now, TRUE), ==, 0);   /* running */
      if (attempt < 5)
        next = clip_schedule_after_failure (900, ++failures, 0, now, 0);
      else
        next = clip_schedule_after_success (900, now, 0);
      clip_scheduler_done (s, 1, next);
      g_assert_cmpint (clip_scheduler_next_due (s), ==, next);
      g_assert_cmpint (clip_scheduler_pop (s, next - 1, TRUE), ==, 0);
      if (attempt < 5)
        g_assert_cmpint (next - now, ==, 900 << attempt);
      else   /* recovered: one interval (−10% jitter) later */
        g_assert_cmpint (next - now, ==, 810);
      now = next;
    }
  clip_scheduler_free (s);
}

static void
test_manual_first (void)
{
  ClipScheduler *s = clip_scheduler_new (1, 1);

  clip_scheduler_set_outlet (s, 1, "https://a.example/feed", T0 - 100, TRUE);
  clip_scheduler_set_outlet (s, 2, "https://b.example/feed", T0 - 50, TRUE);
  clip_scheduler_set_outlet (s, 3, "https://c.example/feed", T0 + 5000, TRUE);
  g_assert_true (clip_scheduler_request (s, 3));
  g_assert_cmpuint (clip_scheduler_waiting (s, T0, TRUE), ==, 3);
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 3);
  clip_scheduler_done (s, 3, T0 + 900);
  /* Then the due ones, the longest overdue first. */
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 1);
  clip_scheduler_done (s, 1, T0 + 900);
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 2);
  clip_scheduler_done (s, 2, T0 + 900);
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 0);
  g_assert_cmpint (clip_scheduler_next_due (s), ==, T0 + 900);
  clip_scheduler_free (s);
}

static void
test_unscheduled (void)
{
  ClipScheduler *s = clip_scheduler_new (8, 2);

  clip_scheduler_set_outlet (s, 1, "https://a.example/feed", 0, TRUE);
  clip_scheduler_set_outlet (s, 2, "https://b.example/feed", 0, TRUE);
  clip_scheduler_set_outlet (s, 3, "https://c.example/feed", 0, FALSE);
  /* Offline (or one-shot): nothing due starts, a manual request does. */
  g_assert_cmpint (clip_scheduler_pop (s, T0, FALSE), ==, 0);
  g_assert_true (clip_scheduler_request (s, 2));
  g_assert_false (clip_scheduler_request (s, 3));
  g_assert_false (clip_scheduler_request (s, 99));
  g_assert_cmpint (clip_scheduler_pop (s, T0, FALSE), ==, 2);
  g_assert_cmpint (clip_scheduler_pop (s, T0, FALSE), ==, 0);
  /* Back online: the due one goes, the disabled one never. */
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 1);
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 0);
  g_assert_cmpuint (clip_scheduler_request_all (s), ==, 2);
  clip_scheduler_free (s);
}

static void
test_limits (void)
{
  ClipScheduler *s = clip_scheduler_new (CLIP_SCHEDULER_MAX_RUNNING, CLIP_SCHEDULER_MAX_PER_HOST);
  g_autoptr(GHashTable) per_host = g_hash_table_new (g_direct_hash, g_direct_equal);
  gint64 id;
  guint started = 0;

  /* 60 outlets on 6 hosts (10 each), all due. */
  for (gint64 i = 1; i <= 60; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://host%d.example/feed/%d", (int) (i % 6), (int) i);

      clip_scheduler_set_outlet (s, i, url, 0, TRUE);
    }
  while ((id = clip_scheduler_pop (s, T0, TRUE)) != 0)
    {
      gpointer host = GINT_TO_POINTER (id % 6 + 1);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_host, host)) + 1;

      g_hash_table_insert (per_host, host, GUINT_TO_POINTER (n));
      g_assert_cmpuint (n, <=, 2);
      started++;
    }
  g_assert_cmpuint (started, ==, 8);
  g_assert_cmpuint (clip_scheduler_running (s), ==, 8);
  g_assert_cmpuint (g_hash_table_size (per_host), ==, 6);   /* spread, not one host first */
  clip_scheduler_free (s);

  /* Two hosts: only 2 each, even with room for 8. */
  s = clip_scheduler_new (8, 2);
  for (gint64 i = 1; i <= 10; i++)
    clip_scheduler_set_outlet (s, i, i % 2 ? "https://one.example/a" : "https://TWO.example/b", 0, TRUE);
  started = 0;
  while (clip_scheduler_pop (s, T0, TRUE) != 0)
    started++;
  g_assert_cmpuint (started, ==, 4);
  clip_scheduler_done (s, 1, T0 + 900);
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE) % 2, ==, 1);   /* host one again */
  clip_scheduler_free (s);

  /* Local files have no host to spare. */
  s = clip_scheduler_new (8, 2);
  for (gint64 i = 1; i <= 5; i++)
    clip_scheduler_set_outlet (s, i, "file:///srv/feeds/a.xml", 0, TRUE);
  started = 0;
  while (clip_scheduler_pop (s, T0, TRUE) != 0)
    started++;
  g_assert_cmpuint (started, ==, 5);
  clip_scheduler_free (s);
}

static void
test_remove_running (void)
{
  ClipScheduler *s = clip_scheduler_new (1, 1);

  clip_scheduler_set_outlet (s, 1, "https://a.example/feed", 0, TRUE);
  clip_scheduler_set_outlet (s, 2, "https://a.example/other", 0, TRUE);
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 1);
  clip_scheduler_remove_outlet (s, 1);
  g_assert_false (clip_scheduler_has_outlet (s, 1));
  /* Its slot (and its host's) is free again. */
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 2);
  clip_scheduler_done (s, 1, T0);   /* a late answer for it is ignored */
  g_assert_cmpuint (clip_scheduler_running (s), ==, 1);
  clip_scheduler_free (s);
}

/* An outlet whose answer is read gives its request slot (and its host's)
 * to the next one, but is not started again before it is done. */
static void
test_release (void)
{
  ClipScheduler *s = clip_scheduler_new (2, 1);

  clip_scheduler_set_outlet (s, 1, "https://a.example/1", 0, TRUE);
  clip_scheduler_set_outlet (s, 2, "https://a.example/2", 0, TRUE);
  clip_scheduler_set_outlet (s, 3, "https://b.example/3", 0, TRUE);
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 1);
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 3);
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 0);     /* 2 at once */
  clip_scheduler_release (s, 1);
  g_assert_cmpuint (clip_scheduler_requests (s), ==, 1);
  g_assert_cmpuint (clip_scheduler_running (s), ==, 2);
  g_assert_true (clip_scheduler_request (s, 1));                /* busy: no second start */
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 2);     /* host a is free again */
  g_assert_cmpint (clip_scheduler_pop (s, T0, TRUE), ==, 0);
  clip_scheduler_done (s, 1, T0 + 900);
  clip_scheduler_done (s, 2, T0 + 900);
  clip_scheduler_done (s, 3, T0 + 900);
  g_assert_cmpuint (clip_scheduler_requests (s), ==, 0);
  g_assert_cmpuint (clip_scheduler_running (s), ==, 0);
  clip_scheduler_free (s);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scheduler/success-jitter", test_success_jitter);
  g_test_add_func ("/scheduler/backoff", test_backoff);
  g_test_add_func ("/scheduler/backoff-recovers", test_backoff_recovers);
  g_test_add_func ("/scheduler/manual-first", test_manual_first);
  g_test_add_func ("/scheduler/unscheduled", test_unscheduled);
  g_test_add_func ("/scheduler/limits", test_limits);
  g_test_add_func ("/scheduler/remove-running", test_remove_running);
  g_test_add_func ("/scheduler/release", test_release);
  return g_test_run ();
}
