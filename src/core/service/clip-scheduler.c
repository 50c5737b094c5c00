/* clip-scheduler.c — per-outlet timing, back-off and politeness limits
 *
 * A thousand outlets make a linear scan per start cheap next to one HTTP
 * request, so the queue is a plain table rather than a heap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-scheduler.h"

typedef struct {
  gint64   id;
  char    *host;          /* lower case; "" for local files (no host limit) */
  gint64   next_attempt;
  gboolean enabled;
  gboolean running;       /* started and not done */
  gboolean holds_slot;    /* its request is still in flight */
  guint64  requested;     /* order of the manual request; 0 = none */
} Entry;

struct _ClipScheduler {
  GHashTable *entries;    /* id → Entry* */
  GHashTable *per_host;   /* host → requests in flight */
  guint       max_running;
  guint       max_per_host;
  guint       running;    /* outlets started and not done */
  guint       requests;   /* of those, requests in flight */
  guint64     request_seq;
};

static double
jitter_unit (guint32 random)
{
  return (double) random / 4294967296.0;   /* [0, 1) */
}

gint64
clip_schedule_after_success (gint    interval,
                             gint64  now,
                             guint32 random)
{
  /* ±10% spreads outlets added together (an OPML import) over time. */
  return now + (gint64) (interval * (0.9 + 0.2 * jitter_unit (random)));
}

gint64
clip_schedule_after_failure (gint    interval,
                             gint    failures,
                             gint64  retry_after,
                             gint64  now,
                             guint32 random)
{
  double delay = interval;

  for (gint i = 1; i < failures && delay < CLIP_SCHEDULER_MAX_BACKOFF; i++)
    delay *= 2;
  delay = MAX (delay, (double) retry_after);
  /* Only later, never earlier: Retry-After is a floor. */
  delay *= 1.0 + 0.1 * jitter_unit (random);
  return now + (gint64) MIN (delay, (double) CLIP_SCHEDULER_MAX_BACKOFF);
}

static void
entry_free (Entry *e)
{
  g_free (e->host);
  g_free (e);
}

static char *
host_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  return g_ascii_strdown (host ? host : "", -1);
}

ClipScheduler *
clip_scheduler_new (guint max_running,
                    guint max_per_host)
{
  ClipScheduler *self = g_new0 (ClipScheduler, 1);

  self->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) entry_free);
  self->per_host = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->max_running = MAX (max_running, 1);
  self->max_per_host = MAX (max_per_host, 1);
  return self;
}

void
clip_scheduler_free (ClipScheduler *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->per_host);
  g_free (self);
}

void
clip_scheduler_set_outlet (ClipScheduler *self,
                           gint64         id,
                           const char    *url,
                           gint64         next_attempt,
                           gboolean       enabled)
{
  Entry *e = g_hash_table_lookup (self->entries, &id);

  if (e == NULL)
    {
      e = g_new0 (Entry, 1);
      e->id = id;
      g_hash_table_insert (self->entries, &e->id, e);
    }
  /* The host of a running fetch stays what its slot was counted under. */
  if (!e->running)
    {
      g_free (e->host);
      e->host = host_of (url);
    }
  e->next_attempt = next_attempt;
  e->enabled = enabled;
  if (!enabled)
    e->requested = 0;
}

static void
release_host_name (ClipScheduler *self, const char *host)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_host, host));

  if (n <= 1)
    g_hash_table_remove (self->per_host, host);
  else
    g_hash_table_insert (self->per_host, g_strdup (host), GUINT_TO_POINTER (n - 1));
}

static void
release_host (ClipScheduler *self, Entry *e)
{
  release_host_name (self, e->host);
}

gboolean
clip_scheduler_acquire_host (ClipScheduler *self,
                             const char    *host)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_host, host));

  if (self->requests >= self->max_running || n >= self->max_per_host)
    return FALSE;
  g_hash_table_insert (self->per_host, g_strdup (host), GUINT_TO_POINTER (n + 1));
  self->requests++;
  return TRUE;
}

void
clip_scheduler_release_host (ClipScheduler *self,
                             const char    *host)
{
  g_return_if_fail (self->requests > 0);
  release_host_name (self, host);
  self->requests--;
}

gboolean
clip_scheduler_full (ClipScheduler *self)
{
  return self->requests >= self->max_running;
}

void
clip_scheduler_remove_outlet (ClipScheduler *self,
                              gint64         id)
{
  Entry *e = g_hash_table_lookup (self->entries, &id);

  if (e && e->running)
    {
      clip_scheduler_release (self, id);
      self->running--;
    }
  g_hash_table_remove (self->entries, &id);
}

GArray *
clip_scheduler_outlet_ids (ClipScheduler *self)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (self->entries));
  GHashTableIter iter;
  Entry *e;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &e))
    g_array_append_val (ids, e->id);
  return ids;
}

gboolean
clip_scheduler_has_outlet (ClipScheduler *self,
                           gint64         id)
{
  return g_hash_table_contains (self->entries, &id);
}

gboolean
clip_scheduler_request (ClipScheduler *self,
                        gint64         id)
{
  Entry *e = g_hash_table_lookup (self->entries, &id);

  if (e == NULL || !e->enabled)
    return FALSE;
  if (e->requested == 0 && !e->running)
    e->requested = ++self->request_seq;
  return TRUE;
}

static gint
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

guint
clip_scheduler_request_all (ClipScheduler *self)
{
  g_autoptr(GList) ids = g_hash_table_get_keys (self->entries);
  guint n = 0;

  /* By id, so that "refresh all" goes in a stable, predictable order. */
  ids = g_list_sort (ids, compare_ids);
  for (GList *l = ids; l; l = l->next)
    n += clip_scheduler_request (self, *(gint64 *) l->data);
  return n;
}

static gboolean
may_start (ClipScheduler *self, const Entry *e)
{
  if (e->running || !e->enabled)
    return FALSE;
  if (*e->host == '\0')
    return TRUE;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->per_host, e->host)) < self->max_per_host;
}

gint64
clip_scheduler_pop (ClipScheduler *self,
                    gint64         now,
                    gboolean       scheduled)
{
  GHashTableIter iter;
  Entry *e, *best = NULL;

  if (self->requests >= self->max_running)
    return 0;
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &e))
    {
      if (!may_start (self, e))
        continue;
      if (e->requested)
        {
          if (best == NULL || best->requested == 0 || e->requested < best->requested)
            best = e;
        }
      else if (scheduled && e->next_attempt <= now && (best == NULL || best->requested == 0) &&
               (best == NULL || e->next_attempt < best->next_attempt ||
                (e->next_attempt == best->next_attempt && e->id < best->id)))
        best = e;
    }
  if (best == NULL)
    return 0;
  best->running = TRUE;
  best->holds_slot = TRUE;
  best->requested = 0;
  self->running++;
  self->requests++;
  g_hash_table_insert (self->per_host, g_strdup (best->host),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->per_host, best->host)) + 1));
  return best->id;
}

void
clip_scheduler_release (ClipScheduler *self,
                        gint64         id)
{
  Entry *e = g_hash_table_lookup (self->entries, &id);

  if (e == NULL || !e->holds_slot)
    return;
  e->holds_slot = FALSE;
  release_host (self, e);
  self->requests--;
}

void
clip_scheduler_done (ClipScheduler *self,
                     gint64         id,
                     gint64         next_attempt)
{
  Entry *e = g_hash_table_lookup (self->entries, &id);

  if (e == NULL || !e->running)
    return;
  clip_scheduler_release (self, id);
  e->running = FALSE;
  e->next_attempt = next_attempt;
  self->running--;
}

gint64
clip_scheduler_next_due (ClipScheduler *self)
{
  GHashTableIter iter;
  Entry *e;
  gint64 due = G_MAXINT64;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &e))
    if (e->enabled && !e->running)
      due = MIN (due, e->next_attempt);
  return due;
}

guint
clip_scheduler_running (ClipScheduler *self)
{
  return self->running;
}

guint
clip_scheduler_requests (ClipScheduler *self)
{
  return self->requests;
}

guint
clip_scheduler_requested (ClipScheduler *self)
{
  GHashTableIter iter;
  Entry *e;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &e))
    n += e->requested != 0;
  return n;
}

guint
clip_scheduler_waiting (ClipScheduler *self,
                        gint64         now,
                        gboolean       scheduled)
{
  GHashTableIter iter;
  Entry *e;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &e))
    n += !e->running && e->enabled && (e->requested || (scheduled && e->next_attempt <= now));
  return n;
}
