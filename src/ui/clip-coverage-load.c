/* clip-coverage-load.c — the Coverage view's reads, in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-alert-spikes.h"
#include "clip-coverage-load.h"
#include "clip-rules-store.h"
#include "clip-store-listing.h"
#include "clip-stories.h"

typedef struct {
  char                  *path;
  gboolean               scopes;
  ClipCoverageScopeItem  scope;
  gint64                 width;
  gint64                 start;   /* a bar's */
  guint                  limit;
} Request;

void
clip_coverage_scope_item_clear (gpointer item)
{
  g_clear_pointer (&((ClipCoverageScopeItem *) item)->name, g_free);
}

static void
request_free (Request *r)
{
  g_free (r->path);
  clip_coverage_scope_item_clear (&r->scope);
  g_free (r);
}

void
clip_coverage_load_free (ClipCoverageLoad *load)
{
  if (load == NULL)
    return;
  g_clear_pointer (&load->scopes, g_array_unref);
  g_clear_pointer (&load->buckets, g_ptr_array_unref);
  g_free (load->spikes);
  g_free (load);
}

static void
add_scope (GArray *scopes, ClipCoverageScope kind, gint64 id, const char *name)
{
  ClipCoverageScopeItem s = { kind, id, g_strdup (name) };

  g_array_append_val (scopes, s);
}

/* Everything, each rule and each outlet group; the story asked for. */
static GArray *
read_scopes (ClipStore *store, const ClipCoverageScopeItem *keep, guint *selected, GError **error)
{
  g_autoptr(GPtrArray) rules = clip_store_list_rules (store, error);
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) scopes = g_array_new (FALSE, TRUE, sizeof (ClipCoverageScopeItem));

  g_array_set_clear_func (scopes, clip_coverage_scope_item_clear);
  if (rules == NULL || !(outlets = clip_store_list_outlets_brief (store, error)))
    return NULL;
  add_scope (scopes, CLIP_COVERAGE_SCOPE_ALL, 0, NULL);
  for (guint i = 0; i < rules->len; i++)
    add_scope (scopes, CLIP_COVERAGE_SCOPE_RULE, ((ClipRule *) rules->pdata[i])->id,
               ((ClipRule *) rules->pdata[i])->name);
  for (guint i = 0; i < outlets->len; i++)
    {
      const ClipOutlet *o = outlets->pdata[i];

      if (o->group == NULL || *o->group == '\0' || g_hash_table_contains (groups, o->group))
        continue;
      g_hash_table_add (groups, o->group);
      add_scope (scopes, CLIP_COVERAGE_SCOPE_GROUP, 0, o->group);
    }
  if (keep->kind == CLIP_COVERAGE_SCOPE_STORY)
    add_scope (scopes, CLIP_COVERAGE_SCOPE_STORY, keep->id, keep->name);
  *selected = 0;
  for (guint i = 0; i < scopes->len; i++)
    {
      const ClipCoverageScopeItem *s = &g_array_index (scopes, ClipCoverageScopeItem, i);

      if (s->kind == keep->kind && s->id == keep->id && g_strcmp0 (s->name, keep->name) == 0)
        *selected = i;
    }
  return g_steal_pointer (&scopes);
}

/* Local days, each at its own offset: the reports' days. */
static void
fill_query (ClipCoverageQuery *q, const ClipCoverageScopeItem *s, gint64 width, GTimeZone *tz)
{
  *q = (ClipCoverageQuery) { .by = width < 86400 ? CLIP_COVERAGE_BY_HOUR : CLIP_COVERAGE_BY_DAY, .tz = tz };
  if (s->kind == CLIP_COVERAGE_SCOPE_RULE)
    q->rule_id = s->id;
  else if (s->kind == CLIP_COVERAGE_SCOPE_GROUP)
    q->outlet_group = s->name;
  else if (s->kind == CLIP_COVERAGE_SCOPE_STORY)
    q->story_id = s->id;
}

static gboolean
count (ClipStore *store, const Request *r, ClipCoverageLoad *load, GCancellable *cancellable, GError **error)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  const ClipCoverageScopeItem *scope = &r->scope;
  ClipCoverageQuery q;
  gint64 start;

  if (r->scopes)
    {
      if (!(load->scopes = read_scopes (store, &r->scope, &load->selected, error)))
        return FALSE;
      scope = &g_array_index (load->scopes, ClipCoverageScopeItem, load->selected);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  fill_query (&q, scope, r->width, tz);
  q.cancellable = cancellable;
  start = g_get_monotonic_time ();
  if (!(load->buckets = clip_coverage_query (store, &q, error)))
    return FALSE;
  load->spikes = clip_alert_spike_buckets (load->buckets, r->width);
  load->query_ms = (g_get_monotonic_time () - start) / 1000.0;
  return TRUE;
}

static void
count_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr(ClipCoverageLoad) load = g_new0 (ClipCoverageLoad, 1);
  g_autoptr(ClipStore) store = NULL;
  const Request *r = task_data;
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !(store = clip_store_open (r->path, CLIP_STORE_OPEN_READ_ONLY, &error)) ||
      !count (store, r, load, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&load), (GDestroyNotify) clip_coverage_load_free);
}

static GTask *
new_task (const char *path, const ClipCoverageScopeItem *scope, gint64 width, GCancellable *cancellable,
          GAsyncReadyCallback callback, gpointer user_data, Request **out)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Request *r = g_new0 (Request, 1);

  r->path = g_strdup (path);
  r->scope.kind = scope ? scope->kind : CLIP_COVERAGE_SCOPE_ALL;
  r->scope.id = scope ? scope->id : 0;
  r->scope.name = scope ? g_strdup (scope->name) : NULL;
  r->width = width;
  g_task_set_task_data (task, r, (GDestroyNotify) request_free);
  *out = r;
  return task;
}

void
clip_coverage_load_async (const char                  *path,
                          gboolean                     scopes,
                          const ClipCoverageScopeItem *scope,
                          gint64                       width,
                          GCancellable                *cancellable,
                          GAsyncReadyCallback          callback,
                          gpointer                     user_data)
{
  Request *r;
  g_autoptr(GTask) task = new_task (path, scope, width, cancellable, callback, user_data, &r);

  r->scopes = scopes;
  g_task_set_source_tag (task, clip_coverage_load_async);
  g_task_run_in_thread (task, count_thread);
}

ClipCoverageLoad *
clip_coverage_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
bar_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  const Request *r = task_data;
  ClipCoverageQuery q;
  GPtrArray *rows = NULL;
  GError *error = NULL;

  fill_query (&q, &r->scope, r->width, tz);
  q.since = r->start;
  q.until = r->start + r->width;
  q.cancellable = cancellable;
  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !(store = clip_store_open (r->path, CLIP_STORE_OPEN_READ_ONLY, &error)) ||
      !(ids = clip_coverage_article_ids (store, &q, r->limit, &error)) ||
      !(rows = clip_store_get_article_rows (store, (gint64 *) ids->data, ids->len, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

void
clip_coverage_load_bar_async (const char                  *path,
                              const ClipCoverageScopeItem *scope,
                              gint64                       start,
                              gint64                       width,
                              guint                        limit,
                              GCancellable                *cancellable,
                              GAsyncReadyCallback          callback,
                              gpointer                     user_data)
{
  Request *r;
  g_autoptr(GTask) task = new_task (path, scope, width, cancellable, callback, user_data, &r);

  r->start = start;
  r->limit = limit;
  g_task_set_source_tag (task, clip_coverage_load_bar_async);
  g_task_run_in_thread (task, bar_thread);
}

GPtrArray *
clip_coverage_load_bar_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
