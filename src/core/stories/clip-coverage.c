/* clip-coverage.c — articles per day, hour or outlet, with each bucket's
 * share by outlet: for a rule, an outlet or its group, a story
 *
 * Counted over story_articles, the narrow (time, outlet) row every
 * article has, so that a rule's 100,000 matches cost 100,000 small rows
 * and never the wide article rows; summed in memory rather than by
 * SQLite's GROUP BY, which would sort them first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-stories-private.h"

#include <glib/gi18n-lib.h>

void
clip_coverage_bucket_free (ClipCoverageBucket *b)
{
  if (b == NULL)
    return;
  g_free (b->key);
  for (guint i = 0; b->by_outlet && i < b->by_outlet->len; i++)
    g_free (g_array_index (b->by_outlet, ClipCoverageShare, i).outlet);
  g_clear_pointer (&b->by_outlet, g_array_unref);
  g_free (b);
}

gboolean
_clip_stories_step_done (ClipStore *store, int rc, GCancellable *cancellable, const char *what, GError **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return clip_store_set_error (store, rc, what, error);
}

/* columns: what to select; tail: ORDER BY and LIMIT (?7), or "". The
 * counts and the articles a bar lists come from this one statement. */
static sqlite3_stmt *
prepare_full (ClipStore *store, const ClipCoverageQuery *q, const char *columns,
              const char *tail, GError **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int i = 1;

  g_string_append_printf (sql, "SELECT %s FROM ", columns);
  /* A rule's matches lead (CROSS JOIN keeps that order). */
  if (q->rule_id)
    g_string_append (sql, "matches m CROSS JOIN story_articles sa "
                          "ON sa.article_id = m.article_id AND m.rule_id = ?1");
  else
    g_string_append (sql, "story_articles sa");
  if (q->outlet_group)
    g_string_append (sql, " JOIN outlets o ON o.id = sa.outlet_id AND o.grp = ?2");
  g_string_append (sql, " WHERE 1");
  if (q->outlet_id)
    g_string_append (sql, " AND sa.outlet_id = ?3");
  if (q->story_id)
    g_string_append (sql, " AND sa.story_id = ?4");
  if (q->since)
    g_string_append (sql, " AND sa.time >= ?5");
  if (q->until)
    g_string_append (sql, " AND sa.time < ?6");
  g_string_append (sql, tail);
  if ((stmt = clip_store_prepare (store, sql->str, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, i++, q->rule_id);
  clip_store_bind_text (stmt, i++, q->outlet_group);
  sqlite3_bind_int64 (stmt, i++, q->outlet_id);
  sqlite3_bind_int64 (stmt, i++, q->story_id);
  sqlite3_bind_int64 (stmt, i++, q->since);
  sqlite3_bind_int64 (stmt, i++, q->until);
  return stmt;
}

static sqlite3_stmt *
prepare (ClipStore *store, const ClipCoverageQuery *q, GError **error)
{
  return prepare_full (store, q, "sa.time, sa.outlet_id", "", error);
}

GArray *
clip_coverage_article_ids (ClipStore               *store,
                           const ClipCoverageQuery *q,
                           guint                    limit,
                           GError                 **error)
{
  sqlite3_stmt *stmt = prepare_full (store, q, "sa.article_id",
                                     " ORDER BY sa.time DESC, sa.article_id DESC LIMIT ?7", error);
  GArray *ids;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 7, limit ? (gint64) limit : -1);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* A bar's articles stop being read when its view asks for others. */
  clip_store_watch_cancel (store, q->cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  clip_store_unwatch_cancel (store);
  if (!_clip_stories_step_done (store, rc, q->cancellable, _("Could not list the coverage's articles"), error))
    {
      g_array_unref (ids);
      return NULL;
    }
  return ids;
}

/* A bucket while counting: its outlets in a short array (an archive has
 * tens of outlets, a bucket fewer), so that a row costs no allocation. */
typedef struct {
  gint64  start;
  guint64 count;
  GArray *outlets;     /* ClipCoverageShare, outlet names not set yet */
} Acc;

static void
acc_clear (gpointer p)
{
  g_array_unref (((Acc *) p)->outlets);
}

static void
acc_add (Acc *acc, gint64 outlet)
{
  ClipCoverageShare *s = (ClipCoverageShare *) acc->outlets->data;
  ClipCoverageShare n = { outlet, NULL, 1 };

  acc->count++;
  for (guint i = 0; i < acc->outlets->len; i++)
    if (s[i].outlet_id == outlet)
      {
        s[i].count++;
        return;
      }
  g_array_append_val (acc->outlets, n);
}

static gint64
floor_div (gint64 a, gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static GHashTable *
outlet_names (ClipStore *store, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT id, name FROM outlets", error);
  GHashTable *names;
  int rc;

  if (stmt == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), clip_store_dup_column (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_hash_table_unref (names);
      clip_store_set_error (store, rc, _("Could not read the outlets"), error);
      return NULL;
    }
  return names;
}

static gint64
offset_at (GTimeZone *tz, gint64 t)
{
  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t));
}

/* The first second of t's day or hour: at the zone's offset of that
 * moment, found by a binary search in its transitions, no allocation. A
 * day that changes offset starts at its midnight's offset. */
static gint64
bucket_start (const ClipCoverageQuery *q, gint64 t, gint64 width)
{
  gint64 off, start;

  if (q->tz == NULL)
    return floor_div (t + q->utc_offset, width) * width - q->utc_offset;
  off = offset_at (q->tz, t);
  start = floor_div (t + off, width) * width - off;
  if (width > 3600)
    {
      gint64 midnight_off = offset_at (q->tz, start);

      /* Midnight was at another offset (the change came later that day). */
      if (midnight_off != off)
        start = floor_div (t + off, width) * width - midnight_off;
    }
  return start;
}

static char *
bucket_key (const ClipCoverageQuery *q, gint64 start, GHashTable *names)
{
  g_autoptr(GDateTime) dt = NULL;

  if (q->by == CLIP_COVERAGE_BY_OUTLET)
    {
      const char *name = g_hash_table_lookup (names, &start);
      return name ? g_strdup (name) : g_strdup_printf ("%" G_GINT64_FORMAT, start);
    }
  if (q->tz)
    dt = g_date_time_new_from_unix_utc (start + offset_at (q->tz, start));
  else
    dt = g_date_time_new_from_unix_utc (start + q->utc_offset);
  return g_date_time_format (dt, q->by == CLIP_COVERAGE_BY_HOUR ? "%Y-%m-%dT%H" : "%Y-%m-%d");
}

static int
compare_shares (gconstpointer a, gconstpointer b)
{
  const ClipCoverageShare *x = a, *y = b;

  if (x->count != y->count)
    return x->count < y->count ? 1 : -1;
  return g_strcmp0 (x->outlet, y->outlet);
}

static ClipCoverageBucket *
make_bucket (const ClipCoverageQuery *q, Acc *acc, GHashTable *names)
{
  ClipCoverageBucket *b = g_new0 (ClipCoverageBucket, 1);

  b->start = acc->start;
  b->count = acc->count;
  b->key = bucket_key (q, acc->start, names);
  b->by_outlet = g_steal_pointer (&acc->outlets);
  acc->outlets = g_array_new (FALSE, FALSE, sizeof (ClipCoverageShare));
  for (guint i = 0; i < b->by_outlet->len; i++)
    {
      ClipCoverageShare *s = &g_array_index (b->by_outlet, ClipCoverageShare, i);
      const char *name = g_hash_table_lookup (names, &s->outlet_id);

      s->outlet = name ? g_strdup (name) : g_strdup_printf ("%" G_GINT64_FORMAT, s->outlet_id);
    }
  g_array_sort (b->by_outlet, compare_shares);
  return b;
}

static int
compare_buckets (gconstpointer a, gconstpointer b, gpointer data)
{
  const ClipCoverageBucket *x = *(ClipCoverageBucket * const *) a;
  const ClipCoverageBucket *y = *(ClipCoverageBucket * const *) b;
  const ClipCoverageQuery *q = data;

  if (q->by == CLIP_COVERAGE_BY_OUTLET)
    return x->count != y->count ? (x->count < y->count ? 1 : -1) : g_strcmp0 (x->key, y->key);
  return (x->start > y->start) - (x->start < y->start);
}

/* The counting itself, whoever selected the rows: clip_coverage_query()
 * and the reports' charts (clip_coverage_counter_*()) cut days and hours
 * here, and only here. */
struct _ClipCoverageCounter {
  ClipCoverageQuery  q;          /* by, utc_offset, tz (a ref) */
  GHashTable        *index;      /* start → position in accs + 1 */
  GArray            *accs;       /* Acc */
  gint64             width;
  gint64             last;
  guint              at;
};

ClipCoverageCounter *
clip_coverage_counter_new (const ClipCoverageQuery *q)
{
  ClipCoverageCounter *c = g_new0 (ClipCoverageCounter, 1);

  c->q.by = q->by;
  c->q.utc_offset = q->utc_offset;
  c->q.tz = q->tz ? g_time_zone_ref (q->tz) : NULL;
  c->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  c->accs = g_array_new (FALSE, FALSE, sizeof (Acc));
  g_array_set_clear_func (c->accs, acc_clear);
  c->width = q->by == CLIP_COVERAGE_BY_HOUR ? 3600 : 86400;
  c->last = G_MININT64;
  return c;
}

void
clip_coverage_counter_free (ClipCoverageCounter *c)
{
  if (c == NULL)
    return;
  g_clear_pointer (&c->q.tz, g_time_zone_unref);
  g_hash_table_unref (c->index);
  g_array_unref (c->accs);
  g_free (c);
}

/* Beyond GDateTime's years 1-9999 a bucket has no key: such a time (a
 * feed's nonsense) is not counted, here or anywhere. */
#define MIN_TIME (-62135596800 + 2 * 86400)
#define MAX_TIME (253402300799 - 2 * 86400)

void
clip_coverage_counter_add (ClipCoverageCounter *c,
                           gint64               time,
                           gint64               outlet_id)
{
  gint64 start;

  if (c->q.by != CLIP_COVERAGE_BY_OUTLET && (time < MIN_TIME || time > MAX_TIME))
    return;
  start = c->q.by == CLIP_COVERAGE_BY_OUTLET ? outlet_id : bucket_start (&c->q, time, c->width);
  /* Rows mostly come in time order: the last bucket is the likely one. */
  if (start != c->last)
    {
      gpointer found;

      if (!g_hash_table_lookup_extended (c->index, &start, NULL, &found))
        {
          Acc acc = { start, 0, g_array_new (FALSE, FALSE, sizeof (ClipCoverageShare)) };

          g_array_append_val (c->accs, acc);
          found = GUINT_TO_POINTER (c->accs->len);
          g_hash_table_insert (c->index, g_memdup2 (&start, sizeof start), found);
        }
      c->at = GPOINTER_TO_UINT (found) - 1;
      c->last = start;
    }
  acc_add (&g_array_index (c->accs, Acc, c->at), outlet_id);
}

GPtrArray *
clip_coverage_counter_finish (ClipCoverageCounter *c,
                              ClipStore           *store,
                              GError             **error)
{
  g_autoptr(GHashTable) names = outlet_names (store, error);
  GPtrArray *out;

  if (names == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_coverage_bucket_free);
  for (guint i = 0; i < c->accs->len; i++)
    g_ptr_array_add (out, make_bucket (&c->q, &g_array_index (c->accs, Acc, i), names));
  g_ptr_array_sort_with_data (out, compare_buckets, &c->q);
  return out;
}

GPtrArray *
clip_coverage_query (ClipStore               *store,
                     const ClipCoverageQuery *q,
                     GError                 **error)
{
  g_autoptr(ClipCoverageCounter) counter = clip_coverage_counter_new (q);
  sqlite3_stmt *stmt;
  int rc;

  if (g_cancellable_set_error_if_cancelled (q->cancellable, error) ||
      (stmt = prepare (store, q, error)) == NULL)
    return NULL;
  clip_store_watch_cancel (store, q->cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    clip_coverage_counter_add (counter, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
  clip_store_unwatch_cancel (store);
  sqlite3_reset (stmt);
  if (!_clip_stories_step_done (store, rc, q->cancellable, _("Could not count the coverage"), error))
    return NULL;
  return clip_coverage_counter_finish (counter, store, error);
}
