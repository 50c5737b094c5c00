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
#include "clip-rule-colors.h"
#include "clip-rule-parser.h"
#include "clip-rules-store.h"
#include "clip-stories.h"
#include "clip-store-sql.h"
#include "clip-text.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdio.h>
#include <math.h>
#include <string.h>

#define DEFAULT_COLOR "#3584e4"

static void
rule_free (ClipExportRule *rule)
{
  g_free (rule->name);
  g_free (rule->query);
  g_free (rule->severity);
  g_free (rule->color);
  g_clear_pointer (&rule->lists, g_ptr_array_unref);
  g_free (rule);
}

static void
term_list_free (ClipExportTermList *list)
{
  g_free (list->name);
  g_strfreev (list->entries);
  g_free (list);
}

char *
clip_export_term_list_text (const ClipExportTermList *list)
{
  g_autofree char *entries = NULL;

  if (list->entries == NULL)
    /* Translators: %s is a term list's name */
    return g_strdup_printf (_("@%s (no such term list)"), list->name);
  entries = g_strjoinv (", ", list->entries);
  return g_strdup_printf ("@%s = %s", list->name, entries);
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
  if (scope->unread)
    g_string_append (sql, " AND a.read = 0");
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

/* A coverage bucket's key ("2024-05-14") as a Julian day; 0 if it is
 * not one. */
static guint
key_julian (const char *key)
{
  GDate day;
  int y, m, d;

  if (key == NULL || sscanf (key, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return 0;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&day);
}

/* Per local day, per rule and for all articles: counted by the coverage
 * counter (clip-stories.h), which cuts the days of the Coverage view and
 * of `clippings-cli coverage`: one code path, the same figures for the
 * same articles. pairs: RowRule, each row's rules. */
static gboolean
count_days (ClipStore             *store,
            ClipExportSelection   *sel,
            const ClipExportScope *scope,
            Rows                  *rows,
            GArray                *pairs,
            GError               **error)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  ClipCoverageQuery q = { .by = CLIP_COVERAGE_BY_DAY, .tz = tz };
  g_autoptr(GPtrArray) counters = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_coverage_counter_free);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const gint64 *times = (const gint64 *) rows->times->data, *outlets = (const gint64 *) rows->outlets->data;
  guint all = sel->rules->len, stride = sel->rules->len + 1, min_j = G_MAXUINT, max_j = 0, first;

  for (guint c = 0; c < stride; c++)
    g_ptr_array_add (counters, clip_coverage_counter_new (&q));
  for (guint r = 0; r < rows->ids->len; r++)
    clip_coverage_counter_add (counters->pdata[all], times[r], outlets[r]);
  for (guint p = 0; p < pairs->len; p++)
    {
      const RowRule *pair = &g_array_index (pairs, RowRule, p);

      clip_coverage_counter_add (counters->pdata[pair->rule->index], times[pair->row], outlets[pair->row]);
    }
  for (guint c = 0; c < stride; c++)
    {
      GPtrArray *buckets = clip_coverage_counter_finish (counters->pdata[c], store, error);

      if (buckets == NULL)
        return FALSE;
      g_ptr_array_add (columns, buckets);
    }
  /* Every article is in the last column: its days are the span. */
  for (guint i = 0; i < ((GPtrArray *) columns->pdata[all])->len; i++)
    {
      GPtrArray *column = columns->pdata[all];
      guint j = key_julian (((ClipCoverageBucket *) column->pdata[i])->key);

      if (j > 0)
        {
          min_j = MIN (min_j, j);
          max_j = MAX (max_j, j);
        }
    }
  if (max_j == 0)
    return TRUE;
  plan_days (sel, scope, min_j, max_j);
  first = g_date_get_julian (&sel->first_day);
  for (guint c = 0; c < stride; c++)
    for (guint i = 0; i < ((GPtrArray *) columns->pdata[c])->len; i++)
      {
        const ClipCoverageBucket *b = ((GPtrArray *) columns->pdata[c])->pdata[i];
        guint j = key_julian (b->key);

        if (j >= first && j > 0)
          sel->per_day[(gsize) (j - first) * stride + c] = (guint) b->count;
      }
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
      if (!count_matches (store, sel, r, id, pairs, error))
        return FALSE;
    }

  g_ptr_array_sort (sel->rules, compare_rules);
  for (guint i = 0; i < sel->rules->len; i++)
    ((ClipExportRule *) g_ptr_array_index (sel->rules, i))->index = i;
  g_ptr_array_sort (sel->outlets, compare_outlets);
  return count_days (store, sel, scope, rows, pairs, error);
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
  if (scope->unread)
    g_ptr_array_add (parts, g_strdup (_("Unread articles")));
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
  else if (scope->unread)
    sel->title = g_strdup (_("Unread articles"));
  else
    sel->title = g_strdup (_("Clippings report"));
}

/* Below this CIELAB distance two rules' lines and marks look alike. */
#define MIN_COLOR_DISTANCE 18.0

/* Each rule in a colour of its own in this report: one too close to an
 * earlier (busier) rule's takes the palette's farthest from those. The
 * archive keeps its colour; rules made before colours were picked share
 * the default blue. */
static void
distinct_colors (ClipExportSelection *sel)
{
  g_autoptr(GPtrArray) used = g_ptr_array_new ();

  for (guint i = 0; i < sel->rules->len; i++)
    {
      ClipExportRule *r = g_ptr_array_index (sel->rules, i);
      gboolean close = FALSE;

      for (guint j = 0; j < used->len && !close; j++)
        close = clip_rule_color_distance (r->color, g_ptr_array_index (used, j)) < MIN_COLOR_DISTANCE;
      if (close)
        {
          g_ptr_array_add (used, NULL);
          g_free (r->color);
          r->color = g_strdup (clip_rule_pick_color ((const char * const *) used->pdata));
          g_ptr_array_remove_index (used, used->len - 1);
        }
      g_ptr_array_add (used, r->color);
    }
}

/* The term lists each rule's query names, with their entries, for the
 * method table: "@russia_terms" alone says nothing to a reader. */
static gboolean
expand_lists (ClipStore *store, ClipExportSelection *sel, GError **error)
{
  g_autoptr(ClipTermLists) lists = NULL;

  for (guint i = 0; i < sel->rules->len; i++)
    {
      ClipExportRule *r = g_ptr_array_index (sel->rules, i);
      g_autoptr(ClipRuleNode) tree = NULL;
      g_autoptr(GPtrArray) names = NULL;

      r->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) term_list_free);
      if (r->query == NULL || strchr (r->query, '@') == NULL ||
          (tree = clip_rule_parse (r->query, NULL, NULL)) == NULL)
        continue;
      if (lists == NULL && (lists = clip_store_load_term_lists (store, error)) == NULL)
        return FALSE;
      names = clip_rule_list_names (tree);
      for (guint n = 0; n < names->len; n++)
        {
          ClipExportTermList *list = g_new0 (ClipExportTermList, 1);
          GPtrArray *entries = g_hash_table_lookup (lists, g_ptr_array_index (names, n));

          list->name = g_strdup (g_ptr_array_index (names, n));
          if (entries)
            {
              list->entries = g_new0 (char *, entries->len + 1);
              for (guint e = 0; e < entries->len; e++)
                list->entries[e] = g_strdup (g_ptr_array_index (entries, e));
            }
          g_ptr_array_add (r->lists, list);
        }
    }
  return TRUE;
}

/* What the scope names, checked: the rule's id, the outlet's name, the
 * search's ids. */
static gboolean
resolve_scope (ClipStore             *store,
               const ClipExportScope *scope,
               gint64                *rule_id,
               char                 **outlet_name,
               char                 **query_ids,
               GCancellable          *cancellable,
               GError               **error)
{
  if (scope->since && scope->until && scope->until <= scope->since)
    {
      g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_INVALID,
                   _("The period ends before it starts"));
      return FALSE;
    }
  if (scope->rule && !find_rule_id (store, scope->rule, rule_id, error))
    return FALSE;
  if (scope->outlet_id)
    {
      g_autoptr(ClipOutlet) outlet = clip_store_get_outlet (store, scope->outlet_id, NULL);

      if (outlet == NULL)
        {
          g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_NOT_FOUND,
                       _("There is no outlet %" PRId64), (int64_t) scope->outlet_id);
          return FALSE;
        }
      *outlet_name = g_strdup (outlet->name && *outlet->name ? outlet->name : outlet->url);
    }
  if (scope->query && !(*query_ids = clip_export_search_ids (store, scope->query, cancellable, error)))
    return FALSE;
  return TRUE;
}

gboolean
clip_export_count (ClipStore             *store,
                   const ClipExportScope *scope,
                   guint                 *count,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) outlets = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *outlet_name = NULL;
  g_autofree char *query_ids = NULL;
  gint64 rule_id = 0;
  Rows rows = { ids, times, outlets };

  g_return_val_if_fail (CLIP_IS_STORE (store) && scope != NULL && count != NULL, FALSE);
  if (!resolve_scope (store, scope, &rule_id, &outlet_name, &query_ids, cancellable, error) ||
      !select_rows (store, scope, rule_id, query_ids, FALSE, &rows, cancellable, error))
    return FALSE;
  *count = ids->len;
  return TRUE;
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

  sel->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sel->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  sel->rules_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sel->outlets = g_ptr_array_new_with_free_func ((GDestroyNotify) outlet_free);
  sel->generated = g_get_real_time () / G_USEC_PER_SEC;
  if (!resolve_scope (store, scope, &rule_id, &sel->outlet_name, &query_ids, cancellable, error))
    return NULL;

  rows.ids = sel->ids;
  rows.times = times;
  rows.outlets = outlets;
  if (!select_rows (store, scope, rule_id, query_ids, newest_first, &rows, cancellable, error) ||
      !summarise (store, sel, scope, &rows, cancellable, error) ||
      !expand_lists (store, sel, error))
    return NULL;
  distinct_colors (sel);
  for (guint i = 0; i < sel->rules->len; i++)
    {
      ClipExportRule *r = g_ptr_array_index (sel->rules, i);

      /* A report about one rule marks that rule's words. */
      r->about = scope->rule == NULL || g_strcmp0 (scope->rule, r->name) == 0;
    }
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

guint
clip_export_axis_days (guint   n_days,
                       double  width,
                       double  min_gap,
                       guint  *days)
{
  double per_day = n_days > 1 ? width / (n_days - 1) : width;
  guint step = n_days > 1 ? MAX (1, (guint) ceil (min_gap / per_day)) : 1;
  guint n = 0;

  if (n_days == 0)
    return 0;
  for (guint d = 0; d < n_days; d += step)
    days[n++] = d;
  if (days[n - 1] != n_days - 1 && (n_days - 1 - days[n - 1]) * per_day >= min_gap)
    days[n++] = n_days - 1;
  return n;
}
