/* clip-alert-policy.c — the alert policy object: clock, config, runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-alert-private.h"
#include "clip-store-sql.h"

#define TICK_SECONDS 60

struct _ClipAlertPolicy
{
  GObject               parent_instance;

  ClipStore            *store;
  ClipAlertConfig       config;
  GTimeZone            *tz;
  ClipAlertClockFunc    clock;
  gpointer              clock_data;
  ClipAlertDeliverFunc  deliver;
  gpointer              deliver_data;
  GDestroyNotify        deliver_destroy;

  /* Async runs: one at a time, and at most one more asked for. */
  gboolean              running;
  gboolean              again;
  gboolean              again_spikes;
  GCancellable         *cancellable;

  ClipService          *service;
  gulong                refresh_handler;
  guint                 tick_source;
};

G_DEFINE_FINAL_TYPE (ClipAlertPolicy, clip_alert_policy, G_TYPE_OBJECT)

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
clip_alert_config_is_quiet (const ClipAlertConfig *config,
                            GTimeZone             *tz,
                            gint64                 t)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  guint minute;

  g_return_val_if_fail (config != NULL && tz != NULL, FALSE);

  /* From equal to to: no quiet hours, rather than all day. */
  if (!config->quiet_hours || config->quiet_from == config->quiet_to)
    return FALSE;
  utc = g_date_time_new_from_unix_utc (t);
  local = g_date_time_to_timezone (utc, tz);
  minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  if (config->quiet_from < config->quiet_to)
    return minute >= config->quiet_from && minute < config->quiet_to;
  return minute >= config->quiet_from || minute < config->quiet_to;
}

static GDateTime *
at_minute (GTimeZone *tz,
           GDateTime *day,
           guint      minutes)
{
  return g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          minutes / 60 % 24, minutes % 60, 0);
}

gint64
clip_alert_last_occurrence (GTimeZone *tz,
                            gint64     now,
                            guint      minutes)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) today = at_minute (tz, local, minutes);
  g_autoptr(GDateTime) yesterday = NULL;
  g_autoptr(GDateTime) before = NULL;

  if (today != NULL && g_date_time_to_unix (today) <= now)
    return g_date_time_to_unix (today);
  /* Built from yesterday's date, not today minus 24 h: a DST change
   * makes some days 23 or 25 hours long. */
  before = g_date_time_add_days (local, -1);
  yesterday = at_minute (tz, before, minutes);
  return yesterday != NULL ? g_date_time_to_unix (yesterday) : now - 24 * 3600;
}

ClipAlertPolicy *
clip_alert_policy_new (ClipStore *store)
{
  ClipAlertPolicy *self;

  g_return_val_if_fail (store == NULL || CLIP_IS_STORE (store), NULL);

  self = g_object_new (CLIP_TYPE_ALERT_POLICY, NULL);
  self->store = store ? g_object_ref (store) : NULL;
  return self;
}

ClipStore *
clip_alert_policy_get_store (ClipAlertPolicy *self)
{
  g_return_val_if_fail (CLIP_IS_ALERT_POLICY (self), NULL);

  return self->store;
}

void
clip_alert_policy_set_config (ClipAlertPolicy       *self,
                              const ClipAlertConfig *config)
{
  g_return_if_fail (CLIP_IS_ALERT_POLICY (self));
  g_return_if_fail (config != NULL);

  self->config = *config;
  self->config.quiet_from %= 24 * 60;
  self->config.quiet_to %= 24 * 60;
  self->config.daily_time %= 24 * 60;
}

void
clip_alert_policy_get_config (ClipAlertPolicy *self,
                              ClipAlertConfig *config)
{
  g_return_if_fail (CLIP_IS_ALERT_POLICY (self));

  *config = self->config;
}

void
clip_alert_policy_set_clock (ClipAlertPolicy    *self,
                             ClipAlertClockFunc  func,
                             gpointer            user_data)
{
  g_return_if_fail (CLIP_IS_ALERT_POLICY (self));

  self->clock = func != NULL ? func : real_clock;
  self->clock_data = user_data;
}

void
clip_alert_policy_set_timezone (ClipAlertPolicy *self,
                                GTimeZone       *tz)
{
  g_return_if_fail (CLIP_IS_ALERT_POLICY (self));

  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
}

void
clip_alert_policy_set_delivery (ClipAlertPolicy      *self,
                                ClipAlertDeliverFunc  func,
                                gpointer              user_data,
                                GDestroyNotify        destroy)
{
  g_return_if_fail (CLIP_IS_ALERT_POLICY (self));

  if (self->deliver_destroy != NULL)
    self->deliver_destroy (self->deliver_data);
  self->deliver = func;
  self->deliver_data = user_data;
  self->deliver_destroy = destroy;
}

/* The work of a run, on whichever thread runs it. */
static GPtrArray *
collect (ClipStore             *store,
         const ClipAlertConfig *config,
         GTimeZone             *tz,
         gint64                 now,
         gboolean               spikes,
         GError               **error)
{
  g_autoptr(GPtrArray) notices = NULL;

  if (!clip_store_begin (store, error))
    return NULL;
  notices = clip_alert_collect_locked (store, config, tz, now, spikes, error);
  if (notices == NULL)
    {
      clip_store_rollback (store);
      return NULL;
    }
  /* Only what is recorded goes out: a notice whose commit failed would be
   * sent again by the next run. */
  if (!clip_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&notices);
}

GPtrArray *
clip_alert_policy_collect (ClipAlertPolicy  *self,
                           GError          **error)
{
  g_return_val_if_fail (CLIP_IS_ALERT_POLICY (self), NULL);
  g_return_val_if_fail (!self->running, NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  return collect (self->store, &self->config, self->tz,
                  self->clock (self->clock_data), TRUE, error);
}

static guint
deliver_all (ClipAlertPolicy *self,
             GPtrArray       *notices)
{
  if (self->deliver == NULL)
    return 0;
  for (guint i = 0; i < notices->len; i++)
    self->deliver (notices->pdata[i], self->deliver_data);
  return notices->len;
}

gint
clip_alert_policy_run (ClipAlertPolicy  *self,
                       GError          **error)
{
  g_autoptr(GPtrArray) notices = NULL;

  g_return_val_if_fail (CLIP_IS_ALERT_POLICY (self), -1);

  notices = clip_alert_policy_collect (self, error);
  if (notices == NULL)
    return -1;
  return deliver_all (self, notices);
}

typedef struct {
  ClipAlertConfig  config;
  GTimeZone       *tz;
  gint64           now;
  gboolean         spikes;
  GPtrArray       *notices;   /* the result */
} RunData;

static void
run_data_free (RunData *data)
{
  g_time_zone_unref (data->tz);
  g_clear_pointer (&data->notices, g_ptr_array_unref);
  g_free (data);
}

/* On the writer's thread. */
static gboolean
run_work (ClipStore     *writer,
          gpointer       user_data,
          GCancellable  *cancellable,
          GError       **error)
{
  RunData *data = user_data;

  data->notices = collect (writer, &data->config, data->tz, data->now, data->spikes, error);
  return data->notices != NULL;
}

/* Without a service: our own connection, in a GTask thread (tests). */
static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ClipAlertPolicy *self = source;
  RunData *data = task_data;
  GError *error = NULL;

  if (run_work (self->store, data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void run_async (ClipAlertPolicy *self,
                       gboolean         spikes);

static void
run_finished (ClipAlertPolicy *self,
              RunData         *data,
              GError          *error)
{
  self->running = FALSE;
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not check the alerts: %s", error->message);
    }
  else
    deliver_all (self, data->notices);
  if (self->again)
    {
      gboolean spikes = self->again_spikes;

      self->again = self->again_spikes = FALSE;
      run_async (self, spikes);
    }
}

static void
thread_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  run_finished (CLIP_ALERT_POLICY (source), g_task_get_task_data (G_TASK (result)), error);
}

static void
command_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ClipAlertPolicy) self = user_data;
  g_autoptr(GError) error = NULL;

  clip_commands_run_finish (CLIP_COMMANDS (source), result, &error);
  run_finished (self, clip_command_get_data (clip_commands_get_command (result)), error);
}

/* spikes: new matches came in, so a rule may have surged. The clock's
 * ticks leave spikes out: only new matches make one. Attached to a
 * service, the run is a command on the service's writer. */
static void
run_async (ClipAlertPolicy *self,
           gboolean         spikes)
{
  RunData *data;

  if (self->running)
    {
      self->again = TRUE;
      self->again_spikes |= spikes;
      return;
    }
  self->running = TRUE;
  data = g_new0 (RunData, 1);
  data->config = self->config;
  data->tz = g_time_zone_ref (self->tz);
  data->now = self->clock (self->clock_data);
  data->spikes = spikes;
  if (self->service != NULL)
    {
      g_autoptr(ClipCommand) command = clip_command_new_custom (run_work, data,
                                                                (GDestroyNotify) run_data_free);

      clip_commands_run_async (clip_service_get_commands (self->service), command, NULL,
                               self->cancellable, command_done, g_object_ref (self));
    }
  else
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, thread_done, NULL);

      g_return_if_fail (self->store != NULL);

      g_task_set_source_tag (task, clip_alert_policy_run_async);
      g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
      g_task_run_in_thread (task, run_thread);
    }
}

void
clip_alert_policy_run_async (ClipAlertPolicy *self)
{
  g_return_if_fail (CLIP_IS_ALERT_POLICY (self));

  run_async (self, TRUE);
}

gboolean
clip_alert_policy_is_busy (ClipAlertPolicy *self)
{
  g_return_val_if_fail (CLIP_IS_ALERT_POLICY (self), FALSE);

  return self->running || self->again;
}

static void
on_refresh_finished (ClipService *service,
                     GPtrArray   *outcomes,
                     gpointer     user_data)
{
  clip_alert_policy_run_async (CLIP_ALERT_POLICY (user_data));
}

static gboolean
on_tick (gpointer user_data)
{
  run_async (CLIP_ALERT_POLICY (user_data), FALSE);
  return G_SOURCE_CONTINUE;
}

void
clip_alert_policy_attach (ClipAlertPolicy *self,
                          ClipService     *service)
{
  g_return_if_fail (CLIP_IS_ALERT_POLICY (self));
  g_return_if_fail (CLIP_IS_SERVICE (service));

  clip_alert_policy_detach (self);
  self->service = g_object_ref (service);
  self->refresh_handler = g_signal_connect_object (service, "refresh-finished",
                                                   G_CALLBACK (on_refresh_finished),
                                                   self, G_CONNECT_DEFAULT);
  self->tick_source = g_timeout_add_seconds (TICK_SECONDS, on_tick, self);
  /* Catch up at once on what waited while the program was closed. */
  clip_alert_policy_run_async (self);
}

void
clip_alert_policy_detach (ClipAlertPolicy *self)
{
  g_return_if_fail (CLIP_IS_ALERT_POLICY (self));

  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (self->service != NULL)
    g_clear_signal_handler (&self->refresh_handler, self->service);
  g_clear_object (&self->service);
}

static void
clip_alert_policy_dispose (GObject *object)
{
  ClipAlertPolicy *self = CLIP_ALERT_POLICY (object);

  clip_alert_policy_detach (self);
  G_OBJECT_CLASS (clip_alert_policy_parent_class)->dispose (object);
}

static void
clip_alert_policy_finalize (GObject *object)
{
  ClipAlertPolicy *self = CLIP_ALERT_POLICY (object);

  clip_alert_policy_set_delivery (self, NULL, NULL, NULL);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (clip_alert_policy_parent_class)->finalize (object);
}

static void
clip_alert_policy_class_init (ClipAlertPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clip_alert_policy_dispose;
  object_class->finalize = clip_alert_policy_finalize;
}

static void
clip_alert_policy_init (ClipAlertPolicy *self)
{
  self->clock = real_clock;
  self->tz = g_time_zone_new_local ();
  self->cancellable = g_cancellable_new ();
  self->config = (ClipAlertConfig) {
    .enabled = TRUE,
    .quiet_hours = FALSE,
    .quiet_from = 22 * 60,
    .quiet_to = 7 * 60,
    .daily_time = 8 * 60,
  };
}
