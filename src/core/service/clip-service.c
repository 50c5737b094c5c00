/* clip-service.c — the service object, its thread, and the calls into it
 *
 * Calls from the creating thread are handed to the service thread with
 * g_main_context_invoke(); results come back the same way, so no lock is
 * held across any work and the caller never waits for the network or the
 * disk (clip_service_start() and clip_service_stop() wait only for the
 * archive to open or for one transaction to commit).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-archive.h"
#include "clip-article-page.h"
#include "clip-store-listing.h"
#include "clip-html-sanitize.h"
#include "clip-service-private.h"

#include <glib/gi18n-lib.h>

G_DEFINE_FINAL_TYPE (ClipService, clip_service, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (ClipFetchOutcome, clip_fetch_outcome, clip_fetch_outcome_copy, clip_fetch_outcome_free)

enum {
  PROP_0,
  PROP_ONLINE,
  PROP_SCHEDULED,
  N_PROPS
};

enum {
  SIGNAL_PROGRESS,
  SIGNAL_OUTLET_UPDATED,
  SIGNAL_REFRESH_FINISHED,
  SIGNAL_PAGE_FETCHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

ClipFetchOutcome *
clip_fetch_outcome_copy (const ClipFetchOutcome *o)
{
  ClipFetchOutcome *c = g_memdup2 (o, sizeof *o);

  c->name = g_strdup (o->name);
  c->url = g_strdup (o->url);
  c->error = g_strdup (o->error);
  c->moved_to = g_strdup (o->moved_to);
  c->added_ids = g_array_copy (o->added_ids);
  return c;
}

void
clip_fetch_outcome_free (ClipFetchOutcome *o)
{
  if (o == NULL)
    return;
  g_free (o->name);
  g_free (o->url);
  g_free (o->error);
  g_free (o->moved_to);
  g_clear_pointer (&o->added_ids, g_array_unref);
  g_free (o);
}

const char *
clip_fetch_status_to_string (ClipFetchStatus status)
{
  switch (status)
    {
    case CLIP_FETCH_STATUS_OK:
      return "ok";
    case CLIP_FETCH_STATUS_NOT_MODIFIED:
      return "not-modified";
    case CLIP_FETCH_STATUS_ERROR:
    default:
      return "error";
    }
}

/* Emission on the caller's context */

typedef struct {
  ClipService *self;
  guint        signal;
  guint        done;
  guint        total;
  gint64       id;
  gpointer     payload;
  GDestroyNotify free_payload;
  GParamSpec  *pspec;
} Emission;

static void
emission_free (Emission *e)
{
  if (e->payload && e->free_payload)
    e->free_payload (e->payload);
  g_object_unref (e->self);
  g_free (e);
}

static gboolean
emission_cb (gpointer data)
{
  Emission *e = data;

  if (e->pspec)
    {
      if (e->pspec == properties[PROP_ONLINE])
        e->self->online = GPOINTER_TO_INT (e->payload);
      e->payload = NULL;
      g_object_notify_by_pspec (G_OBJECT (e->self), e->pspec);
    }
  else if (e->signal == signals[SIGNAL_PROGRESS])
    g_signal_emit (e->self, e->signal, 0, e->done, e->total);
  else if (e->signal == signals[SIGNAL_PAGE_FETCHED])
    g_signal_emit (e->self, e->signal, 0, e->id, e->done);
  else
    g_signal_emit (e->self, e->signal, 0, e->payload);
  return G_SOURCE_REMOVE;
}

static void
emit_on_caller (ClipService *self, Emission *e)
{
  e->self = g_object_ref (self);
  g_main_context_invoke_full (self->caller_context, G_PRIORITY_DEFAULT, emission_cb, e,
                              (GDestroyNotify) emission_free);
}

void
clip_service_emit_progress (ClipService *self, guint done, guint total)
{
  Emission *e = g_new0 (Emission, 1);

  e->signal = signals[SIGNAL_PROGRESS];
  e->done = done;
  e->total = total;
  emit_on_caller (self, e);
}

void
clip_service_emit_outcome (ClipService *self, const ClipFetchOutcome *outcome)
{
  Emission *e = g_new0 (Emission, 1);

  e->signal = signals[SIGNAL_OUTLET_UPDATED];
  e->payload = clip_fetch_outcome_copy (outcome);
  e->free_payload = (GDestroyNotify) clip_fetch_outcome_free;
  emit_on_caller (self, e);
}

void
clip_service_emit_page (ClipService *self, gint64 article_id, guint state)
{
  Emission *e = g_new0 (Emission, 1);

  e->signal = signals[SIGNAL_PAGE_FETCHED];
  e->id = article_id;
  e->done = state;
  emit_on_caller (self, e);
}

void
clip_service_emit_finished (ClipService *self, GPtrArray *outcomes)
{
  Emission *e = g_new0 (Emission, 1);

  e->signal = signals[SIGNAL_REFRESH_FINISHED];
  e->payload = g_ptr_array_ref (outcomes);
  e->free_payload = (GDestroyNotify) g_ptr_array_unref;
  emit_on_caller (self, e);
}

/* Calls into the service thread */

typedef struct {
  ClipService   *self;
  ClipServiceCall call;
  gpointer       data;
  GDestroyNotify free_data;
} Invocation;

static void
invocation_free (Invocation *inv)
{
  if (inv->data && inv->free_data)
    inv->free_data (inv->data);
  g_object_unref (inv->self);
  g_free (inv);
}

static gboolean
invocation_cb (gpointer data)
{
  Invocation *inv = data;

  inv->call (inv->self, inv->data);
  return G_SOURCE_REMOVE;
}

/* Returns FALSE (and runs nothing) when the service is not running. */
gboolean
clip_service_invoke (ClipService *self, ClipServiceCall call, gpointer data, GDestroyNotify free_data)
{
  Invocation *inv;

  if (self->thread == NULL)
    {
      if (data && free_data)
        free_data (data);
      return FALSE;
    }
  inv = g_new0 (Invocation, 1);
  inv->self = g_object_ref (self);
  inv->call = call;
  inv->data = data;
  inv->free_data = free_data;
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, invocation_cb, inv,
                              (GDestroyNotify) invocation_free);
  return TRUE;
}

/* The thread */

static gpointer
service_thread (gpointer data)
{
  ClipService *self = data;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (self->context);
  /* The writer, with the rules hook: matches commit with the articles. */
  self->store = clip_archive_open (self->data_dir, CLIP_STORE_OPEN_DEFAULT, &error);
  if (self->store != NULL)
    {
      self->fetcher = clip_fetcher_new (&self->limits);
      if (self->tls_database)
        clip_fetcher_set_tls_database (self->fetcher, self->tls_database);
      self->scheduler = clip_scheduler_new (CLIP_SCHEDULER_MAX_RUNNING, CLIP_SCHEDULER_MAX_PER_HOST);
      /* After the rules' hook: a matched article's page is evidence. */
      clip_article_pages_watch_ingest (self->store);
      clip_service_pages_init (self);
      self->cancel = g_cancellable_new ();
      self->loop = g_main_loop_new (self->context, FALSE);
      clip_service_load_outlets (self);
    }
  g_mutex_lock (&self->lock);
  self->start_error = g_steal_pointer (&error);
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  if (self->store != NULL)
    {
      clip_service_pump (self);
      g_main_loop_run (self->loop);
      /* Stopping: let the cancelled fetches and pending calls wind down
       * so that each releases what it holds. */
      while (self->in_flight > 0)
        g_main_context_iteration (self->context, TRUE);
      while (g_main_context_iteration (self->context, FALSE))
        ;
      if (self->timer)
        {
          g_source_destroy (self->timer);
          g_clear_pointer (&self->timer, g_source_unref);
        }
      g_clear_pointer (&self->run_results, g_ptr_array_unref);
      clip_service_pages_clear (self);
      g_clear_pointer (&self->scheduler, clip_scheduler_free);
      g_clear_object (&self->fetcher);
      g_clear_object (&self->cancel);
      g_clear_pointer (&self->loop, g_main_loop_unref);
      g_clear_object (&self->store);
    }
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static void
set_online_in_thread (ClipService *self, gpointer data)
{
  gboolean online = GPOINTER_TO_INT (data);
  Emission *e;

  if (self->stopping || self->t_online == online)
    return;
  self->t_online = online;
  e = g_new0 (Emission, 1);
  e->pspec = properties[PROP_ONLINE];
  e->payload = GINT_TO_POINTER (online);
  emit_on_caller (self, e);
  /* Back online: outlets that fell due meanwhile go now. */
  clip_service_pump (self);
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    gpointer         data)
{
  /* May run on whatever thread the monitor lives on. */
  clip_service_invoke (CLIP_SERVICE (data), set_online_in_thread, GINT_TO_POINTER (available), NULL);
}

gboolean
clip_service_start (ClipService  *self,
                    GError      **error)
{
  g_return_val_if_fail (CLIP_IS_SERVICE (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  /* Feeds are parsed on worker threads; libxml2 2.9 must be set up
   * once, from one thread, before that. */
  clip_html_init_libxml ();
  if (self->monitor == NULL)
    self->monitor = g_object_ref (g_network_monitor_get_default ());
  self->online = self->t_online = g_network_monitor_get_network_available (self->monitor);
  self->t_scheduled = self->scheduled;
  self->stopping = FALSE;
  self->ready = FALSE;
  self->context = g_main_context_new ();
  /* The thread holds the service until clip_service_stop() joins it. */
  self->thread = g_thread_new ("clippings-service", service_thread, g_object_ref (self));

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  if (self->start_error)
    {
      g_propagate_error (error, g_steal_pointer (&self->start_error));
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->context, g_main_context_unref);
      g_object_unref (self);
      return FALSE;
    }
  self->monitor_id = g_signal_connect_object (self->monitor, "network-changed",
                                              G_CALLBACK (network_changed_cb), self, 0);
  return TRUE;
}

static void
stop_in_thread (ClipService *self, gpointer data)
{
  self->stopping = TRUE;
  g_cancellable_cancel (self->cancel);
  g_main_loop_quit (self->loop);
}

void
clip_service_stop (ClipService *self)
{
  g_return_if_fail (CLIP_IS_SERVICE (self));

  if (self->thread == NULL)
    return;
  g_clear_signal_handler (&self->monitor_id, self->monitor);
  clip_service_invoke (self, stop_in_thread, NULL, NULL);
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->context, g_main_context_unref);
  g_object_unref (self);
}

gboolean
clip_service_is_running (ClipService *self)
{
  return self->thread != NULL;
}

/* Refresh */

static void
refresh_in_thread (ClipService *self, gpointer data)
{
  gint64 id = *(gint64 *) data;

  if (self->stopping)
    return;
  /* Pick up outlets added or edited through other connections first. */
  clip_service_load_outlets (self);
  if (id == 0)
    clip_scheduler_request_all (self->scheduler);
  else if (!clip_scheduler_request (self->scheduler, id) && !self->run_active)
    {
      /* Unknown or disabled: end the (empty) run so the caller hears. */
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      clip_service_emit_finished (self, none);
      return;
    }
  if (!self->run_active && clip_scheduler_requested (self->scheduler) == 0 &&
      clip_scheduler_running (self->scheduler) == 0)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      clip_service_emit_finished (self, none);
      return;
    }
  clip_service_pump (self);
}

void
clip_service_refresh_all (ClipService *self)
{
  g_return_if_fail (CLIP_IS_SERVICE (self));
  clip_service_invoke (self, refresh_in_thread, g_new0 (gint64, 1), g_free);
}

void
clip_service_refresh_outlet (ClipService *self,
                             gint64       outlet_id)
{
  g_return_if_fail (CLIP_IS_SERVICE (self));
  g_return_if_fail (outlet_id > 0);
  clip_service_invoke (self, refresh_in_thread, g_memdup2 (&outlet_id, sizeof outlet_id), g_free);
}

static void
reload_in_thread (ClipService *self, gpointer data)
{
  if (self->stopping)
    return;
  /* Another connection may have left pages waiting (a flag asks for the
   * page's copy). */
  self->pages_dirty = TRUE;
  clip_service_load_outlets (self);
  clip_service_pump (self);
}

void
clip_service_reload_outlets (ClipService *self)
{
  g_return_if_fail (CLIP_IS_SERVICE (self));
  clip_service_invoke (self, reload_in_thread, NULL, NULL);
}

static void
scheduled_in_thread (ClipService *self, gpointer data)
{
  self->t_scheduled = GPOINTER_TO_INT (data);
  clip_service_pump (self);
}

void
clip_service_set_scheduled (ClipService *self,
                            gboolean     scheduled)
{
  g_return_if_fail (CLIP_IS_SERVICE (self));

  scheduled = !!scheduled;
  if (self->scheduled == scheduled)
    return;
  self->scheduled = scheduled;
  clip_service_invoke (self, scheduled_in_thread, GINT_TO_POINTER (scheduled), NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULED]);
}

gboolean
clip_service_get_scheduled (ClipService *self)
{
  return self->scheduled;
}

gboolean
clip_service_get_online (ClipService *self)
{
  return self->online;
}

void
clip_service_set_network_monitor (ClipService     *self,
                                  GNetworkMonitor *monitor)
{
  g_return_if_fail (self->thread == NULL);
  g_set_object (&self->monitor, monitor);
}

void
clip_service_set_fetch_limits (ClipService           *self,
                               const ClipFetchLimits *limits)
{
  g_return_if_fail (self->thread == NULL);
  self->limits = *limits;
}

void
clip_service_set_tls_database (ClipService  *self,
                               GTlsDatabase *database)
{
  g_return_if_fail (self->thread == NULL);
  g_set_object (&self->tls_database, database);
}

/* Async calls: a GTask made on the caller's thread, completed from the
 * service thread (GTask returns on the task's own context). */

static gboolean
task_refused (GTask *task, ClipService *self)
{
  if (!self->stopping)
    return FALSE;
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The fetch service stopped"));
  return TRUE;
}

static void
run_task (ClipService *self, GTask *task, ClipServiceCall call)
{
  if (!clip_service_invoke (self, call, task, g_object_unref))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                             _("The fetch service is not running"));
}

/* A discovery stops when its caller cancels or the service stops. */
typedef struct {
  GTask        *task;
  GCancellable *cancel;
  GCancellable *stop;
  gulong        stop_id;
  GCancellable *caller;
  gulong        caller_id;
} Discovery;

static void
cancel_other (GCancellable *cancellable, gpointer other)
{
  g_cancellable_cancel (G_CANCELLABLE (other));
}

static void
discovered_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Discovery *d = data;
  ClipService *self = g_task_get_source_object (d->task);
  GError *error = NULL;
  gboolean probe = g_task_get_source_tag (d->task) == clip_service_probe_async;
  ClipProbe *probed = probe ? clip_fetcher_probe_finish (CLIP_FETCHER (source), result, &error) : NULL;
  GPtrArray *found = probe ? NULL : clip_fetcher_discover_finish (CLIP_FETCHER (source), result, &error);

  self->in_flight--;
  if (probed)
    g_task_return_pointer (d->task, probed, (GDestroyNotify) clip_probe_free);
  else if (found)
    g_task_return_pointer (d->task, found, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (d->task, error);
  g_cancellable_disconnect (d->stop, d->stop_id);
  if (d->caller)
    g_cancellable_disconnect (d->caller, d->caller_id);
  g_object_unref (d->task);
  g_object_unref (d->cancel);
  g_free (d);
}

static void
discover_in_thread (ClipService *self, gpointer data)
{
  GTask *task = data;
  Discovery *d;

  if (task_refused (task, self))
    return;
  d = g_new0 (Discovery, 1);
  d->task = g_object_ref (task);
  d->cancel = g_cancellable_new ();
  d->stop = self->cancel;
  d->stop_id = g_cancellable_connect (self->cancel, G_CALLBACK (cancel_other), d->cancel, NULL);
  d->caller = g_task_get_cancellable (task);
  if (d->caller)
    d->caller_id = g_cancellable_connect (d->caller, G_CALLBACK (cancel_other), d->cancel, NULL);
  self->in_flight++;
  if (g_task_get_source_tag (task) == clip_service_probe_async)
    clip_fetcher_probe_async (self->fetcher, g_task_get_task_data (task), d->cancel, discovered_cb, d);
  else
    clip_fetcher_discover_async (self->fetcher, g_task_get_task_data (task), d->cancel,
                                 discovered_cb, d);
}

void
clip_service_probe_async (ClipService         *self,
                          const char          *url,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, clip_service_probe_async);
  g_task_set_task_data (task, g_strdup (url), g_free);
  run_task (self, task, discover_in_thread);
}

ClipProbe *
clip_service_probe_finish (ClipService *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
clip_service_discover_feeds_async (ClipService         *self,
                                   const char          *url,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, clip_service_discover_feeds_async);
  g_task_set_task_data (task, g_strdup (url), g_free);
  run_task (self, task, discover_in_thread);
}

GPtrArray *
clip_service_discover_feeds_finish (ClipService   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Commands run on the service thread, on its writer. */

static void
command_in_thread (ClipService *self, gpointer data)
{
  GTask *task = data;

  clip_commands_run_task (task, self->stopping ? NULL : self->store);
  if (self->stopping)
    return;
  /* A flag may have asked for the article's page (its copy as evidence). */
  self->pages_dirty = TRUE;
  clip_service_pump (self);
}

static gboolean
run_command (gpointer owner, GTask *task)
{
  return clip_service_invoke (owner, command_in_thread, task, g_object_unref);
}

/* Service thread: the outlets changed through the writer. */
static void
outlets_changed (gpointer owner, gint64 fetch_now)
{
  ClipService *self = owner;

  clip_service_load_outlets (self);
  if (fetch_now > 0)
    clip_scheduler_request (self->scheduler, fetch_now);
  clip_service_pump (self);
}

static const ClipCommandsRunner runner = { run_command, outlets_changed };

ClipCommands *
clip_service_get_commands (ClipService *self)
{
  g_return_val_if_fail (CLIP_IS_SERVICE (self), NULL);
  return self->commands;
}

/* GObject */

static void
clip_service_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ClipService *self = CLIP_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_SCHEDULED:
      g_value_set_boolean (value, self->scheduled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clip_service_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  ClipService *self = CLIP_SERVICE (object);

  switch (prop_id)
    {
    case PROP_SCHEDULED:
      clip_service_set_scheduled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clip_service_finalize (GObject *object)
{
  ClipService *self = CLIP_SERVICE (object);

  /* Whoever still holds the commands is told the writer is gone. */
  clip_commands_detach (self->commands);
  g_clear_object (&self->commands);
  g_free (self->data_dir);
  g_clear_object (&self->monitor);
  g_clear_object (&self->tls_database);
  g_clear_error (&self->start_error);
  g_main_context_unref (self->caller_context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  G_OBJECT_CLASS (clip_service_parent_class)->finalize (object);
}

static void
clip_service_class_init (ClipServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clip_service_finalize;
  object_class->get_property = clip_service_get_property;
  object_class->set_property = clip_service_set_property;

  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEDULED] =
    g_param_spec_boolean ("scheduled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[SIGNAL_OUTLET_UPDATED] =
    g_signal_new ("outlet-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CLIP_TYPE_FETCH_OUTCOME | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[SIGNAL_PAGE_FETCHED] =
    g_signal_new ("page-fetched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);
  signals[SIGNAL_REFRESH_FINISHED] =
    g_signal_new ("refresh-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
clip_service_init (ClipService *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->scheduled = TRUE;
  self->online = TRUE;
  clip_fetch_limits_init_default (&self->limits);
  self->caller_context = g_main_context_ref_thread_default ();
  self->commands = clip_commands_new_for_runner (&runner, self);
}

ClipService *
clip_service_new (const char *data_dir)
{
  ClipService *self = g_object_new (CLIP_TYPE_SERVICE, NULL);

  self->data_dir = g_strdup (data_dir);
  return self;
}
