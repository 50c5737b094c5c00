/* clip-export-select.c — which articles a report holds, its summary, and
 * each article with its matches, tags and excerpt
 *
 * The selection keeps only ids and counts, so a report of any size costs
 * one article's worth of memory while it is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-export-private.h"
#include "clip-format.h"
#include "clip-store-sql.h"
#include "clip-text.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#define DEFAULT_COLOR "#3584e4"

static void
rule_free (ClipExportRule *rule)
{
  g_free (rule->name);
  g_free (rule->query);
  g_free (rule->severity);
  g_free (rule->color);
  g_free (rule);
}

static void
outlet_free (ClipExportOutlet *outlet)
{
  g_free (outlet->name);
  g_free (outlet);
}

void
clip_export_selection_free (ClipExportSelection *sel)
{
  if (sel == NULL)
    return;
  g_clear_pointer (&sel->ids, g_array_unref);
  g_clear_pointer (&sel->rules_by_id, g_hash_table_unref);
  g_clear_pointer (&sel->rules, g_ptr_array_unref);
  g_clear_pointer (&sel->outlets, g_ptr_array_unref);
  g_free (sel->per_day);
  g_free (sel->title);
  g_free (sel->scope_text);
  g_free (sel->period_text);
  g_free (sel->outlet_name);
  g_free (sel);
}

/* A colour from the rules table goes into CSS, SVG and Pango markup: only
 * "#rgb" and "#rrggbb" pass, as "#rrggbb". */
static char *
safe_color (const char *color)
{
  gsize len = color ? strlen (color) : 0;

  if ((len != 4 && len != 7) || color[0] != '#')
    return g_strdup (DEFAULT_COLOR);
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isxdigit (color[i]))
      return g_strdup (DEFAULT_COLOR);
  if (len == 4)
    return g_ascii_strdown ((char[]) { '#', color[1], color[1], color[2], color[2],
                                       color[3], color[3], '\0' }, -1);
  return g_ascii_strdown (color, -1);
}

static gboolean
find_rule_id (ClipStore   *store,
              const char  *name,
              gint64      *id,
              GError     **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT id FROM rules WHERE name = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  clip_store_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not read the rules"), error);
  g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_NOT_FOUND,
               _("There is no rule named “%s”"), name);
  return FALSE;
}

static ClipExportRule *
load_rule (ClipStore  *store,
           gint64      id,
           GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT name, query, severity, color FROM rules WHERE id = ?", error);
  ClipExportRule *rule;
  g_autofree char *color = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_NOT_FOUND,
                     _("The rule %" PRId64 " was removed while exporting"), (int64_t) id);
      else
        clip_store_set_error (store, rc, _("Could not read a rule"), error);
      return NULL;
    }
  rule = g_new0 (ClipExportRule, 1);
  rule->id = id;
  rule->name = clip_store_dup_column (stmt, 0);
  rule->query = clip_store_dup_column (stmt, 1);
  rule->severity = clip_store_dup_column (stmt, 2);
  color = clip_store_dup_column (stmt, 3);
  rule->color = safe_color (color);
  sqlite3_reset (stmt);
  return rule;
}

/* A JSON array of ids, for "IN (SELECT value FROM json_each(?))": one
 * statement whatever the number of ids. */
static char *
ids_to_json (const GArray *ids)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

typedef struct {
  GArray *ids;
  GArray *times;
  GArray *outlets;
} Rows;

static gboolean
select_rows (ClipStore             *store,
             const ClipExportScope *scope,
             gint64                 rule_id,
             const char            *query_ids,
             gboolean               newest_first,
             Rows                  *rows,
             GCancellable          *cancellable,
             GError               **error)
{
  /* Times from article_times (clip_article_time()), by key. */
  g_autoptr(GString) sql = g_string_new (
      "SELECT a.id, t.time, a.outlet_id FROM articles a"
      " CROSS JOIN article_times t ON t.id = a.id WHERE 1");
  g_autofree char *given_ids = NULL;
  sqlite3_stmt *stmt;
  int rc, i = 1;

  if (rule_id)
    g_string_append (sql, " AND a.id IN (SELECT article_id FROM matches WHERE rule_id = ?)");
  if (query_ids)
    g_string_append (sql, " AND a.id IN (SELECT value FROM json_each(?))");
  if (scope->article_ids)
    g_string_append (sql, " AND a.id IN (SELECT value FROM json_each(?))");
  if (scope->flagged)
    g_string_append (sql, " AND a.flag != 0");
  if (scope->outlet_id)
    g_string_append (sql, " AND a.outlet_id = ?");
  if (scope->since)
    g_string_append (sql, " AND t.time >= ?");
  if (scope->until)
    g_string_append (sql, " AND t.time < ?");
  g_string_append (sql, newest_first
                   ? " ORDER BY t.time DESC, a.id DESC" : " ORDER BY t.time, a.id");
  if (!(stmt = clip_store_prepare (store, sql->str, error)))
    return FALSE;
  if (rule_id)
    sqlite3_bind_int64 (stmt, i++, rule_id);
  if (query_ids)
    clip_store_bind_text (stmt, i++, query_ids);
  if (scope->article_ids)
    {
      given_ids = ids_to_json (scope->article_ids);
      clip_store_bind_text (stmt, i++, given_ids);
    }
  if (scope->outlet_id)
    sqlite3_bind_int64 (stmt, i++, scope->outlet_id);
  if (scope->since)
    sqlite3_bind_int64 (stmt, i++, scope->since);
  if (scope->until)
    sqlite3_bind_int64 (stmt, i++, scope->until);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 t = sqlite3_column_int64 (stmt, 1);
      gint64 outlet = sqlite3_column_int64 (stmt, 2);

      g_array_append_val (rows->ids, id);
      g_array_append_val (rows->times, t);
      g_array_append_val (rows->outlets, outlet);
      if (rows->ids->len % 4096 == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not select the articles"), error);
  return TRUE;
}

static guint
local_julian (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (t);
  g_autoptr(GDate) d = NULL;

  if (dt == NULL)
    return 0;
  d = g_date_new_dmy (g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                      g_date_time_get_year (dt));
  return g_date_get_julian (d);
}

static gint
compare_rules (gconstpointer a, gconstpointer b)
{
  const ClipExportRule *ra = *(ClipExportRule * const *) a;
  const ClipExportRule *rb = *(ClipExportRule * const *) b;

  if (ra->count != rb->count)
    return ra->count > rb->count ? -1 : 1;
  return g_utf8_collate (ra->name, rb->name);
}

static gint
compare_outlets (gconstpointer a, gconstpointer b)
{
  const ClipExportOutlet *oa = *(ClipExportOutlet * const *) a;
  const ClipExportOutlet *ob = *(ClipExportOutlet * const *) b;

  if (oa->count != ob->count)
    return oa->count > ob->count ? -1 : 1;
  return g_utf8_collate (oa->name, ob->name);
}

/* The chart's days: the scope's period when it is bounded, else the
 * articles' span; at most CLIP_EXPORT_MAX_DAYS, the latest ones. */
static void
plan_days (ClipExportSelection   *sel,
           const ClipExportScope *scope,
           guint                  min_j,
           guint                  max_j)
{
  guint first = min_j, last = max_j;

  if (scope->since && local_julian (scope->since) > 0)
    first = MIN (first, local_julian (scope->since));
  if (scope->until && scope->until > scope->since && local_julian (scope->until - 1) > 0)
    last = MAX (last, local_julian (scope->until - 1));
  if (last - first + 1 > CLIP_EXPORT_MAX_DAYS)
    first = last - CLIP_EXPORT_MAX_DAYS + 1;
  g_date_clear (&sel->first_day, 1);
  g_date_set_julian (&sel->first_day, first);
  sel->n_days = last - first + 1;
  sel->per_day = g_new0 (guint, (gsize) sel->n_days * (sel->rules->len + 1));
}

typedef struct {
  guint           row;
  ClipExportRule *rule;
} RowRule;

/* The rules that matched the article of row r: counted, loaded when new,
 * and noted in pairs for the chart. */
static gboolean
count_matches (ClipStore            *store,
               ClipExportSelection  *sel,
               guint                 r,
               gint64                id,
               GArray               *pairs,
               GError              **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT rule_id FROM matches WHERE article_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rule_id = sqlite3_column_int64 (stmt, 0);
      ClipExportRule *rule = g_hash_table_lookup (sel->rules_by_id, &rule_id);
      RowRule pair;

      if (rule == NULL)
        {
          if (!(rule = load_rule (store, rule_id, error)))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          g_ptr_array_add (sel->rules, rule);
          g_hash_table_insert (sel->rules_by_id, &rule->id, rule);
        }
      rule->count++;
      pair.row = r;
      pair.rule = rule;
      g_array_append_val (pairs, pair);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return clip_store_set_error (store, rc, _("Could not read the matches"), error);
  return TRUE;
}

/* Counts per rule, per outlet and per day. */
static gboolean
summarise (ClipStore             *store,
           ClipExportSelection   *sel,
           const ClipExportScope *scope,
           Rows                  *rows,
           GCancellable          *cancellable,
           GError               **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (RowRule));
  g_autoptr(GHashTable) outlets = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree guint *days = g_new (guint, MAX (rows->ids->len, 1));
  guint min_j = G_MAXUINT, max_j = 0, stride;

  for (guint r = 0; r < rows->ids->len; r++)
    {
      gint64 id = g_array_index (rows->ids, gint64, r);
      gint64 outlet_id = g_array_index (rows->outlets, gint64, r);
      ClipExportOutlet *outlet = g_hash_table_lookup (outlets, &outlet_id);

      if (r % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (outlet == NULL)
        {
          g_autoptr(ClipOutlet) o = clip_store_get_outlet (store, outlet_id, NULL);

          outlet = g_new0 (ClipExportOutlet, 1);
          outlet->id = outlet_id;
          outlet->name = g_strdup (o && o->name && *o->name ? o->name : o ? o->url : "");
          g_ptr_array_add (sel->outlets, outlet);
          g_hash_table_insert (outlets, &outlet->id, outlet);
        }
      outlet->count++;
      days[r] = local_julian (g_array_index (rows->times, gint64, r));
      if (days[r] > 0)
        {
          min_j = MIN (min_j, days[r]);
          max_j = MAX (max_j, days[r]);
        }

      if (!count_matches (store, sel, r, id, pairs, error))
        return FALSE;
    }

  g_ptr_array_sort (sel->rules, compare_rules);
  for (guint i = 0; i < sel->rules->len; i++)
    ((ClipExportRule *) g_ptr_array_index (sel->rules, i))->index = i;
  g_ptr_array_sort (sel->outlets, compare_outlets);

  if (max_j == 0)
    return TRUE;
  plan_days (sel, scope, min_j, max_j);
  stride = sel->rules->len + 1;
  for (guint r = 0; r < rows->ids->len; r++)
    if (days[r] >= g_date_get_julian (&sel->first_day))
      sel->per_day[(days[r] - g_date_get_julian (&sel->first_day)) * stride + sel->rules->len]++;
  for (guint p = 0; p < pairs->len; p++)
    {
      RowRule *pair = &g_array_index (pairs, RowRule, p);
      guint d = days[pair->row];

      if (d >= g_date_get_julian (&sel->first_day))
        sel->per_day[(d - g_date_get_julian (&sel->first_day)) * stride + pair->rule->index]++;
    }
  return TRUE;
}

guint
clip_export_day_count (const ClipExportSelection *sel,
                       guint                      day,
                       guint                      column)
{
  g_return_val_if_fail (day < sel->n_days && column <= sel->rules->len, 0);
  return sel->per_day[(gsize) day * (sel->rules->len + 1) + column];
}

static char *
describe_period (const ClipExportScope *scope,
                 gint64                 first,
                 gint64                 last,
                 guint                  count)
{
  gint64 from = scope->since ? scope->since : first;
  gint64 to = scope->until ? scope->until - 1 : last;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!scope->since && !scope->until && count == 0)
    return g_strdup (_("All time"));
  a = clip_format_day (from, NULL, NULL);
  b = clip_format_day (to, NULL, NULL);
  if (g_strcmp0 (a, b) == 0)
    return g_steal_pointer (&a);
  if (!scope->since && !scope->until)
    /* TRANSLATORS: the first and the last article's dates */
    return g_strdup_printf (_("%s – %s"), a, b);
  if (!scope->since)
    return g_strdup_printf (_("Until %s"), b);
  if (!scope->until)
    return g_strdup_printf (_("Since %s"), a);
  return g_strdup_printf (_("%s – %s"), a, b);
}

static void
describe_scope (ClipExportSelection   *sel,
                const ClipExportScope *scope,
                const char            *title)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (scope->rule)
    g_ptr_array_add (parts, g_strdup_printf (_("Rule “%s”"), scope->rule));
  if (scope->query)
    g_ptr_array_add (parts, g_strdup_printf (_("Search “%s”"), scope->query));
  if (scope->flagged)
    g_ptr_array_add (parts, g_strdup (_("Flagged articles")));
  if (sel->outlet_name)
    g_ptr_array_add (parts, g_strdup_printf (_("Outlet “%s”"), sel->outlet_name));
  if (scope->article_ids)
    {
      g_autofree char *n = clip_format_count (scope->article_ids->len, NULL);

      /* Translators: %s is a number, with the locale's thousands separators */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s selected article",
                                                            "%s selected articles",
                                                            scope->article_ids->len), n));
    }
  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (_("All articles")));
  g_ptr_array_add (parts, NULL);
  sel->scope_text = g_strjoinv (" · ", (char **) parts->pdata);

  if (title && *title)
    sel->title = g_strdup (title);
  else if (scope->rule)
    sel->title = g_strdup (scope->rule);
  else if (scope->query)
    sel->title = g_strdup_printf (_("Search “%s”"), scope->query);
  else if (scope->flagged)
    sel->title = g_strdup (_("Flagged articles"));
  else if (sel->outlet_name)
    sel->title = g_strdup (sel->outlet_name);
  else
    sel->title = g_strdup (_("Clippings report"));
}

ClipExportSelection *
clip_export_select (ClipStore             *store,
                    const ClipExportScope *scope,
                    const char            *title,
                    gboolean               newest_first,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autoptr(ClipExportSelection) sel = g_new0 (ClipExportSelection, 1);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) outlets = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *query_ids = NULL;
  gint64 rule_id = 0;
  Rows rows;

  if (scope->since && scope->until && scope->until <= scope->since)
    {
      g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_INVALID,
                   _("The period ends before it starts"));
      return NULL;
    }
  sel->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sel->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  sel->rules_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sel->outlets = g_ptr_array_new_with_free_func ((GDestroyNotify) outlet_free);
  sel->generated = g_get_real_time () / G_USEC_PER_SEC;

  if (scope->rule && !find_rule_id (store, scope->rule, &rule_id, error))
    return NULL;
  if (scope->outlet_id)
    {
      g_autoptr(ClipOutlet) outlet = clip_store_get_outlet (store, scope->outlet_id, NULL);

      if (outlet == NULL)
        {
          g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_NOT_FOUND,
                       _("There is no outlet %" PRId64), (int64_t) scope->outlet_id);
          return NULL;
        }
      sel->outlet_name = g_strdup (outlet->name && *outlet->name ? outlet->name : outlet->url);
    }
  if (scope->query && !(query_ids = clip_export_search_ids (store, scope->query, cancellable, error)))
    return NULL;

  rows.ids = sel->ids;
  rows.times = times;
  rows.outlets = outlets;
  if (!select_rows (store, scope, rule_id, query_ids, newest_first, &rows, cancellable, error) ||
      !summarise (store, sel, scope, &rows, cancellable, error))
    return NULL;
  for (guint i = 0; i < times->len; i++)
    {
      gint64 t = g_array_index (times, gint64, i);

      if (i == 0 || t < sel->first_time)
        sel->first_time = t;
      if (i == 0 || t > sel->last_time)
        sel->last_time = t;
    }
  sel->period_text = describe_period (scope, sel->first_time, sel->last_time, sel->ids->len);
  describe_scope (sel, scope, title);
  return g_steal_pointer (&sel);
}

/* Four gridlines: a round step (1, 2 or 5 times a power of ten) times 4. */
guint
clip_export_axis_top (guint max)
{
  guint need = (max + 3) / 4, step = 1;

  for (;;)
    {
      if (step >= need)
        return 4 * step;
      if (step * 2 >= need)
        return 4 * step * 2;
      if (step * 5 >= need)
        return 4 * step * 5;
      step *= 10;
    }
}

char *
clip_export_day_label (const ClipExportSelection *sel,
                       guint                      day)
{
  GDate d = sel->first_day;
  g_autoptr(GDateTime) dt = NULL;

  g_date_add_days (&d, day);
  dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d),
                              g_date_get_day (&d), 12, 0, 0);
  return dt ? clip_format_day (g_date_time_to_unix (dt), NULL, NULL) : g_strdup ("");
}
