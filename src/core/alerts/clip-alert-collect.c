/* clip-alert-collect.c — what the alert policy notifies, and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "clip-alert-private.h"
#include "clip-format.h"
#include "clip-store-sql.h"

#define DAY (24 * 3600)
#define MAX_BODY_RULES 5
/* More notices than this from one run go out as one: a refresh that
 * brings news for every rule shows one banner, not a stack of them. */
#define MAX_NOTICES_PER_RUN 3

/* One rule's share of a notice. */
typedef struct {
  gint64   rule_id;
  char    *name;
  char    *severity;
  guint    count;
  gint64   last_alert_id;    /* alerts up to this one are covered */
  gint64   newest_article;
  char    *newest_title;
  gboolean mark;             /* FALSE: only counted (the daily overview) */
  double   mean;             /* spikes: the usual articles a day */
} RuleBatch;

static void
rule_batch_free (RuleBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->name);
  g_free (batch->severity);
  g_free (batch->newest_title);
  g_free (batch);
}

static GPtrArray *
batch_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) rule_batch_free);
}

/* State */

static gboolean
state_get (ClipStore  *store,
           const char *key,
           gint64     *value,
           gboolean   *found,
           GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT value FROM state WHERE key = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  clip_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found)
    *value = g_ascii_strtoll ((const char *) sqlite3_column_text (stmt, 0), NULL, 10);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not read the alert state"), error);
  return TRUE;
}

static gboolean
state_set (ClipStore  *store,
           const char *key,
           gint64      value,
           GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", error);
  char text[32];
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  clip_store_bind_text (stmt, 1, key);
  clip_store_bind_text (stmt, 2, text);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not save the alert state"), error);
  return TRUE;
}

static gboolean
state_delete (ClipStore  *store,
              const char *key,
              GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "DELETE FROM state WHERE key = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  clip_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not save the alert state"), error);
  return TRUE;
}

static gboolean
exec_bound (ClipStore  *store,
            const char *sql,
            const char *text,
            GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    clip_store_bind_text (stmt, 1, text);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not update the alerts"), error);
  return TRUE;
}

/* Batches */

static gboolean
fill_newest_title (ClipStore *store,
                   RuleBatch *batch,
                   GError   **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT title FROM articles WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch->newest_article);
  rc = sqlite3_step (stmt);
  batch->newest_title = rc == SQLITE_ROW ? clip_store_dup_column (stmt, 0) : NULL;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not read an article"), error);
  return TRUE;
}

/* Not-yet-notified alerts of the enabled rules notified in mode, or (with
 * since > 0) every alert since then of rules notified in mode. */
static gboolean
read_batches (ClipStore  *store,
              const char *mode,
              gint64      since,
              GPtrArray  *batches,
              GError    **error)
{
  sqlite3_stmt *stmt;
  guint first = batches->len;
  int rc;

  if (since == 0)
    stmt = clip_store_prepare (store,
        "SELECT r.id, r.name, r.severity, count(*), max(al.id), max(al.article_id)"
        " FROM alerts al JOIN rules r ON r.id = al.rule_id"
        " WHERE al.notified = 0 AND r.enabled AND r.notify = ?1"
        " GROUP BY r.id ORDER BY max(al.id) DESC", error);
  else
    stmt = clip_store_prepare (store,
        "SELECT r.id, r.name, r.severity, count(*), max(al.id), max(al.article_id)"
        " FROM alerts al JOIN rules r ON r.id = al.rule_id"
        " WHERE al.created > ?2 AND r.enabled AND r.notify = ?1"
        " GROUP BY r.id ORDER BY max(al.id) DESC", error);
  if (stmt == NULL)
    return FALSE;
  clip_store_bind_text (stmt, 1, mode);
  if (since != 0)
    sqlite3_bind_int64 (stmt, 2, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RuleBatch *batch = g_new0 (RuleBatch, 1);

      batch->rule_id = sqlite3_column_int64 (stmt, 0);
      batch->name = clip_store_dup_column (stmt, 1);
      batch->severity = clip_store_dup_column (stmt, 2);
      batch->count = sqlite3_column_int (stmt, 3);
      batch->last_alert_id = sqlite3_column_int64 (stmt, 4);
      batch->newest_article = sqlite3_column_int64 (stmt, 5);
      batch->mark = since == 0;
      g_ptr_array_add (batches, batch);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not read the new alerts"), error);
  for (guint i = first; i < batches->len; i++)
    if (!fill_newest_title (store, batches->pdata[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
mark_notified (ClipStore  *store,
               GPtrArray  *batches,
               GError    **error)
{
  for (guint i = 0; i < batches->len; i++)
    {
      RuleBatch *batch = batches->pdata[i];
      sqlite3_stmt *stmt;
      int rc;

      if (!batch->mark)
        continue;
      /* Up to the newest alert counted: one the rules engine adds meanwhile
       * waits for the next run. */
      stmt = clip_store_prepare (store,
          "UPDATE alerts SET notified = 1 WHERE rule_id = ? AND notified = 0 AND id <= ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, batch->rule_id);
      sqlite3_bind_int64 (stmt, 2, batch->last_alert_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return clip_store_set_error (store, rc, _("Could not record the notified alerts"), error);
    }
  return TRUE;
}

/* Spikes */

/* The fetch time of the first article at or after id (ids grow with fetch
 * time), or G_MAXINT64 when there is none. */
static gboolean
fetched_from (ClipStore *store,
              gint64     id,
              gint64    *fetched,
              GError   **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT fetched FROM articles WHERE id >= ? ORDER BY id LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *fetched = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : G_MAXINT64;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not read the archive"), error);
  return TRUE;
}

/* The lowest article id fetched at or after since: a binary search on the
 * primary key instead of a scan of a million rows. */
static gboolean
first_id_since (ClipStore *store,
                gint64     since,
                gint64    *first,
                GError   **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT max(id) FROM articles", error);
  gint64 lo = 0, hi;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return clip_store_set_error (store, sqlite3_errcode (clip_store_get_db (store)),
                                   _("Could not read the archive"), error);
    }
  hi = sqlite3_column_int64 (stmt, 0) + 1;
  sqlite3_reset (stmt);
  while (lo < hi)
    {
      gint64 mid = lo + (hi - lo) / 2;
      gint64 fetched;

      if (!fetched_from (store, mid, &fetched, error))
        return FALSE;
      if (fetched >= since)
        hi = mid;
      else
        lo = mid + 1;
    }
  *first = lo;
  return TRUE;
}

/* Days of archive before the last 24 hours, up to the baseline's 14; 0
 * when there is less than a day, so a new archive raises no spikes. */
static gboolean
baseline_days (ClipStore *store,
               gint64     now,
               double    *days,
               GError   **error)
{
  gint64 oldest;

  if (!fetched_from (store, 0, &oldest, error))
    return FALSE;
  *days = oldest == G_MAXINT64 ? 0 : (double) (now - DAY - oldest) / DAY;
  if (*days < 1)
    *days = 0;
  *days = MIN (*days, CLIP_ALERT_SPIKE_BASELINE_DAYS);
  return TRUE;
}

/* The last 24 hours by article time (article_times, by key: a day's
 * matches are few); the 14 days before by arrival, counted on the index
 * alone (ids grow with fetch time), so a million articles cost no more
 * than a day's. An article's time is clip_article_time()'s: a new
 * outlet's back catalogue keeps its old dates and does not count as
 * today's, and a date in the future counts from the fetch. */
static gboolean
check_spike (ClipStore   *store,
             RuleBatch   *rule,
             const gint64 ids[2],
             gint64       now,
             double       days,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = clip_store_prepare (store,
      "SELECT count(*), max(id)"
      " FROM (SELECT m.article_id AS id, t.time AS t"
      "       FROM matches m JOIN article_times t ON t.id = m.article_id"
      "       WHERE m.rule_id = ?1 AND m.article_id >= ?2)"
      " WHERE t > ?3 AND t <= ?4", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rule->rule_id);
  sqlite3_bind_int64 (stmt, 2, ids[1]);
  sqlite3_bind_int64 (stmt, 3, now - DAY);
  sqlite3_bind_int64 (stmt, 4, now);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      rule->count = sqlite3_column_int (stmt, 0);
      rule->newest_article = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return clip_store_set_error (store, rc, _("Could not count a rule's matches"), error);
  if (rule->count < CLIP_ALERT_SPIKE_MIN_ARTICLES)
    return TRUE;

  stmt = clip_store_prepare (store,
      "SELECT count(*) FROM matches WHERE rule_id = ?1 AND article_id >= ?2 AND article_id < ?3",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rule->rule_id);
  sqlite3_bind_int64 (stmt, 2, ids[0]);
  sqlite3_bind_int64 (stmt, 3, ids[1]);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rule->mean = sqlite3_column_int64 (stmt, 0) / days;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return clip_store_set_error (store, rc, _("Could not count a rule's matches"), error);
  return TRUE;
}

static gboolean
read_spike_candidates (ClipStore *store,
                       GPtrArray *rules,
                       GError   **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT id, name, severity FROM rules WHERE enabled AND notify != 'none' ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RuleBatch *rule = g_new0 (RuleBatch, 1);

      rule->rule_id = sqlite3_column_int64 (stmt, 0);
      rule->name = clip_store_dup_column (stmt, 1);
      rule->severity = clip_store_dup_column (stmt, 2);
      g_ptr_array_add (rules, rule);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not read the rules"), error);
  return TRUE;
}

/* Rules whose last 24 hours surged, not already reported in the last day;
 * records the report. */
static gboolean
find_spikes (ClipStore *store,
             gint64     now,
             GPtrArray *spikes,
             GError   **error)
{
  g_autoptr(GPtrArray) rules = batch_array_new ();
  gint64 ids[2] = { 0, 0 };   /* the first fetched 15 days and 1 day ago */
  double days;

  if (!baseline_days (store, now, &days, error))
    return FALSE;
  if (days == 0)
    return TRUE;
  if (!read_spike_candidates (store, rules, error) ||
      !first_id_since (store, now - (CLIP_ALERT_SPIKE_BASELINE_DAYS + 1) * DAY, &ids[0], error) ||
      !first_id_since (store, now - DAY, &ids[1], error))
    return FALSE;
  for (guint i = 0; i < rules->len; i++)
    {
      RuleBatch *rule = rules->pdata[i];
      g_autofree char *key = g_strdup_printf (CLIP_ALERT_STATE_SPIKE_LAST "%" G_GINT64_FORMAT,
                                              rule->rule_id);
      gint64 last = 0;
      gboolean found;

      if (!state_get (store, key, &last, &found, error))
        return FALSE;
      if (found && now - last < DAY)
        continue;
      if (!check_spike (store, rule, ids, now, days, error))
        return FALSE;
      if (rule->count < CLIP_ALERT_SPIKE_MIN_ARTICLES ||
          rule->count < CLIP_ALERT_SPIKE_RATIO * rule->mean)
        continue;
      if (!fill_newest_title (store, rule, error) || !state_set (store, key, now, error))
        return FALSE;
      g_ptr_array_add (spikes, g_steal_pointer (&rules->pdata[i]));
    }
  return TRUE;
}

/* Notices */

static GNotificationPriority
priority_for (const char *severity)
{
  if (g_strcmp0 (severity, "critical") == 0)
    return G_NOTIFICATION_PRIORITY_URGENT;
  if (g_strcmp0 (severity, "important") == 0)
    return G_NOTIFICATION_PRIORITY_HIGH;
  return G_NOTIFICATION_PRIORITY_NORMAL;
}

static ClipAlertNotice *
notice_new (ClipAlertNoticeKind kind,
            const char         *id)
{
  ClipAlertNotice *notice = g_new0 (ClipAlertNotice, 1);

  notice->kind = kind;
  notice->id = g_strdup (id);
  notice->priority = G_NOTIFICATION_PRIORITY_NORMAL;
  return notice;
}

static ClipAlertNotice *
instant_notice (const RuleBatch *batch)
{
  g_autofree char *id = g_strdup_printf ("alert-rule-%" G_GINT64_FORMAT, batch->rule_id);
  ClipAlertNotice *notice = notice_new (CLIP_ALERT_NOTICE_INSTANT, id);

  g_autofree char *n = clip_format_count (batch->count, NULL);

  /* Translators: the first %s is a number, with the locale's thousands separators */
  notice->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s new article matches %s",
                                                "%s new articles match %s", batch->count),
                                   n, batch->name);
  notice->body = g_strdup (batch->newest_title);
  notice->rule_id = batch->rule_id;
  notice->article_id = batch->newest_article;
  notice->n_articles = batch->count;
  notice->n_rules = 1;
  notice->priority = priority_for (batch->severity);
  return notice;
}

static ClipAlertNotice *
spike_notice (const RuleBatch *spike)
{
  g_autofree char *id = g_strdup_printf ("alert-spike-%" G_GINT64_FORMAT, spike->rule_id);
  ClipAlertNotice *notice = notice_new (CLIP_ALERT_NOTICE_SPIKE, id);
  g_autofree char *usual = NULL;
  g_autofree char *n = clip_format_count (spike->count, NULL);

  /* Translators: the first %s is a number, with the locale's thousands separators */
  notice->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Surge: %s article matched %s in 24 hours",
                                                "Surge: %s articles matched %s in 24 hours",
                                                spike->count),
                                   n, spike->name);
  if (spike->mean < 0.05)
    usual = g_strdup (_("Usually next to none a day."));
  else
    /* Translators: %.1f is the mean number of matching articles a day */
    usual = g_strdup_printf (_("Usually %.1f a day."), spike->mean);
  notice->body = spike->newest_title != NULL
    ? g_strdup_printf (_("%s Newest: %s"), usual, spike->newest_title)
    : g_steal_pointer (&usual);
  notice->rule_id = spike->rule_id;
  notice->article_id = spike->newest_article;
  notice->n_articles = spike->count;
  notice->n_rules = 1;
  notice->priority = MAX (priority_for (spike->severity), G_NOTIFICATION_PRIORITY_HIGH);
  return notice;
}

/* "Name: 3" lines, most articles first, then "and N more rules". */
static char *
batch_lines (GPtrArray *batches,
             GPtrArray *spikes)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; i < batches->len && shown < MAX_BODY_RULES; i++, shown++)
    {
      RuleBatch *batch = batches->pdata[i];
      g_autofree char *n = clip_format_count (batch->count, NULL);

      if (body->len)
        g_string_append_c (body, '\n');
      /* Translators: a line of a digest: a rule's name and its new articles (a number) */
      g_string_append_printf (body, _("%s: %s"), batch->name, n);
    }
  for (guint i = 0; spikes != NULL && i < spikes->len && shown < MAX_BODY_RULES; i++, shown++)
    {
      RuleBatch *spike = spikes->pdata[i];
      g_autofree char *n = clip_format_count (spike->count, NULL);

      if (body->len)
        g_string_append_c (body, '\n');
      /* Translators: the second %s is a number, with the locale's thousands separators */
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "Surge in %s: %s article in 24 hours",
                                                 "Surge in %s: %s articles in 24 hours",
                                                 spike->count),
                              spike->name, n);
    }
  if (batches->len + (spikes ? spikes->len : 0) > shown)
    {
      guint more = batches->len + (spikes ? spikes->len : 0) - shown;

      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more rule",
                                                 "and %u more rules", more), more);
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static gint
compare_by_count (gconstpointer a,
                  gconstpointer b)
{
  const RuleBatch *x = *(RuleBatch **) a, *y = *(RuleBatch **) b;

  return (x->count < y->count) - (x->count > y->count);
}

/* A digest's or a summary's title, n its new articles (a count with the
 * locale's separators), for n_rules rules. */
static char *
combined_title (ClipAlertNoticeKind kind,
                guint               n,
                guint               n_rules)
{
  g_autofree char *count = clip_format_count (n, NULL);

  /* Translators (these five): %s is a number, with the locale's thousands separators */
  if (kind == CLIP_ALERT_NOTICE_HOURLY)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Hourly digest: %s new article",
                                         "Hourly digest: %s new articles", n), count);
  if (kind == CLIP_ALERT_NOTICE_DAILY)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Daily digest: %s new article",
                                         "Daily digest: %s new articles", n), count);
  if (kind == CLIP_ALERT_NOTICE_SUMMARY && n > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s new article for %u rules",
                                         "%s new articles for %u rules", n), count, n_rules);
  if (kind == CLIP_ALERT_NOTICE_SUMMARY)
    return g_strdup (_("Surges of articles"));
  if (n > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "During quiet hours: %s new article",
                                         "During quiet hours: %s new articles", n), count);
  return g_strdup (_("During quiet hours: a surge of articles"));
}

/* One notice for several rules: a digest or the quiet-hours summary. */
static ClipAlertNotice *
combined_notice (ClipAlertNoticeKind kind,
                 GPtrArray          *batches,
                 GPtrArray          *spikes)
{
  static const char *ids[] = {
    [CLIP_ALERT_NOTICE_HOURLY] = "alert-hourly",
    [CLIP_ALERT_NOTICE_DAILY] = "alert-daily",
    [CLIP_ALERT_NOTICE_QUIET_SUMMARY] = "alert-quiet",
    [CLIP_ALERT_NOTICE_SUMMARY] = "alert-summary",
  };
  ClipAlertNotice *notice = notice_new (kind, ids[kind]);
  GPtrArray *all[] = { batches, spikes };
  guint n = 0;

  g_ptr_array_sort (batches, compare_by_count);
  for (guint k = 0; k < G_N_ELEMENTS (all); k++)
    for (guint i = 0; all[k] != NULL && i < all[k]->len; i++)
      {
        RuleBatch *batch = all[k]->pdata[i];

        if (k == 0)
          n += batch->count;
        notice->n_rules++;
        notice->rule_id = batch->rule_id;
        notice->article_id = MAX (notice->article_id, batch->newest_article);
        notice->priority = MAX (notice->priority, priority_for (batch->severity));
      }
  notice->n_articles = n;
  /* Several rules: clicking shows them all in the Alerts view. */
  if (notice->n_rules > 1)
    notice->rule_id = 0;
  /* A digest is never urgent; a run's summary is, with a critical rule in it
   * (that rule's own notice would have been). */
  if (kind != CLIP_ALERT_NOTICE_SUMMARY)
    notice->priority = MIN (notice->priority, G_NOTIFICATION_PRIORITY_HIGH);
  notice->title = combined_title (kind, n, notice->n_rules);
  notice->body = batch_lines (batches, spikes);
  return notice;
}

/* Decisions */

/* Whether a digest is due (the last one was before not_due_from),
 * recording that it goes out now; the first run only starts the clock. */
static gboolean
digest_due (ClipStore  *store,
            const char *key,
            gint64      not_due_from,
            gint64      now,
            gint64     *last,
            gboolean   *due,
            GError    **error)
{
  gboolean found;

  *due = FALSE;
  if (!state_get (store, key, last, &found, error))
    return FALSE;
  if (found && *last >= not_due_from)
    return TRUE;
  *due = found;
  return state_set (store, key, now, error);
}

static gboolean
collect_digests (ClipStore             *store,
                 const ClipAlertConfig *config,
                 GTimeZone             *tz,
                 gint64                 now,
                 GPtrArray             *hourly,
                 GPtrArray             *daily,
                 GError               **error)
{
  gint64 last;
  gboolean due;

  if (!digest_due (store, CLIP_ALERT_STATE_HOURLY_LAST, now - 3600 + 1, now, &last, &due, error))
    return FALSE;
  if (due && !read_batches (store, "hourly", 0, hourly, error))
    return FALSE;
  if (!digest_due (store, CLIP_ALERT_STATE_DAILY_LAST,
                   clip_alert_last_occurrence (tz, now, config->daily_time),
                   now, &last, &due, error))
    return FALSE;
  if (due && !read_batches (store, "daily", 0, daily, error))
    return FALSE;
  if (due && config->daily_overview &&
      (!read_batches (store, "instant", last, daily, error) ||
       !read_batches (store, "hourly", last, daily, error)))
    return FALSE;
  return TRUE;
}

/* Everything notified in one notice: the rules' own new articles (not
 * those a daily overview only counts again) and the surges. */
static GPtrArray *
summary_notices (ClipAlertNoticeKind kind,
                 GPtrArray          *instant,
                 GPtrArray          *hourly,
                 GPtrArray          *daily,
                 GPtrArray          *spikes)
{
  GPtrArray *notices = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_alert_notice_free);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *parts[] = { instant, hourly, daily };

  for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
    for (guint i = 0; i < parts[k]->len; i++)
      if (((RuleBatch *) parts[k]->pdata[i])->mark)
        g_ptr_array_add (all, parts[k]->pdata[i]);
  if (all->len + spikes->len > 0)
    g_ptr_array_add (notices, combined_notice (kind, all, spikes));
  return notices;
}

static GPtrArray *
notices_for (GPtrArray *instant,
             GPtrArray *hourly,
             GPtrArray *daily,
             GPtrArray *spikes,
             gboolean   quiet_ended)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_alert_notice_free);

  if (quiet_ended)
    return summary_notices (CLIP_ALERT_NOTICE_QUIET_SUMMARY, instant, hourly, daily, spikes);
  if (instant->len + (hourly->len > 0) + (daily->len > 0) + spikes->len > MAX_NOTICES_PER_RUN)
    return summary_notices (CLIP_ALERT_NOTICE_SUMMARY, instant, hourly, daily, spikes);
  for (guint i = 0; i < instant->len; i++)
    g_ptr_array_add (notices, instant_notice (instant->pdata[i]));
  if (hourly->len > 0)
    g_ptr_array_add (notices, combined_notice (CLIP_ALERT_NOTICE_HOURLY, hourly, NULL));
  if (daily->len > 0)
    g_ptr_array_add (notices, combined_notice (CLIP_ALERT_NOTICE_DAILY, daily, NULL));
  for (guint i = 0; i < spikes->len; i++)
    g_ptr_array_add (notices, spike_notice (spikes->pdata[i]));
  return g_steal_pointer (&notices);
}

GPtrArray *
clip_alert_collect_locked (ClipStore             *store,
                           const ClipAlertConfig *config,
                           GTimeZone             *tz,
                           gint64                 now,
                           gboolean               check_spikes,
                           GError               **error)
{
  g_autoptr(GPtrArray) instant = batch_array_new ();
  g_autoptr(GPtrArray) hourly = batch_array_new ();
  g_autoptr(GPtrArray) daily = batch_array_new ();
  g_autoptr(GPtrArray) spikes = batch_array_new ();
  gint64 quiet_since = 0;
  gboolean held;

  /* Notifications off: alerts stay in the inbox, and nothing piles up
   * to burst out when they are turned on again. */
  if (!config->enabled)
    {
      if (!exec_bound (store, "UPDATE alerts SET notified = 1 WHERE notified = 0", NULL, error) ||
          !state_delete (store, CLIP_ALERT_STATE_QUIET_SINCE, error))
        return NULL;
      return g_ptr_array_new_with_free_func ((GDestroyNotify) clip_alert_notice_free);
    }
  if (!exec_bound (store,
                   "UPDATE alerts SET notified = 1 WHERE notified = 0 AND rule_id IN"
                   " (SELECT id FROM rules WHERE notify = ?)", "none", error) ||
      !state_get (store, CLIP_ALERT_STATE_QUIET_SINCE, &quiet_since, &held, error))
    return NULL;
  if (clip_alert_config_is_quiet (config, tz, now))
    {
      if (!held && !state_set (store, CLIP_ALERT_STATE_QUIET_SINCE, now, error))
        return NULL;
      return g_ptr_array_new_with_free_func ((GDestroyNotify) clip_alert_notice_free);
    }
  if (!read_batches (store, "instant", 0, instant, error) ||
      !collect_digests (store, config, tz, now, hourly, daily, error) ||
      ((check_spikes || held) && !find_spikes (store, now, spikes, error)) ||
      !mark_notified (store, instant, error) ||
      !mark_notified (store, hourly, error) ||
      !mark_notified (store, daily, error) ||
      (held && !state_delete (store, CLIP_ALERT_STATE_QUIET_SINCE, error)))
    return NULL;
  return notices_for (instant, hourly, daily, spikes, held);
}
