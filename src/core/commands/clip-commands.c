/* clip-commands.c — runs commands on the process's one writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-archive.h"
#include "clip-commands-private.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _ClipCommands {
  GObject             parent_instance;
  ClipCommandsRunner  runner;   /* all NULL: the writer below is ours */
  gpointer            owner;
  ClipStore          *writer;
  GMutex              lock;     /* one command at a time on our writer */
  GThreadPool        *queue;    /* our async commands, one thread, in order */
};

G_DEFINE_FINAL_TYPE (ClipCommands, clip_commands, G_TYPE_OBJECT)

typedef struct {
  ClipCommand  *command;
  ClipProgress *progress;
} Job;

static void
job_free (Job *job)
{
  clip_command_unref (job->command);
  if (job->progress)
    clip_progress_unref (job->progress);
  g_free (job);
}

static void
clip_commands_finalize (GObject *object)
{
  ClipCommands *self = CLIP_COMMANDS (object);

  /* The last reference can go on the queue's own thread (a task's): do
   * not wait for it. Nothing is queued any more: each task holds self. */
  if (self->queue)
    g_thread_pool_free (self->queue, TRUE, FALSE);
  g_clear_object (&self->writer);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (clip_commands_parent_class)->finalize (object);
}

static void
clip_commands_class_init (ClipCommandsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = clip_commands_finalize;
}

static void
clip_commands_init (ClipCommands *self)
{
  g_mutex_init (&self->lock);
}

ClipCommands *
clip_commands_open (const char  *data_dir,
                    GError     **error)
{
  g_autoptr(ClipCommands) self = g_object_new (CLIP_TYPE_COMMANDS, NULL);

  self->writer = clip_archive_open (data_dir, CLIP_STORE_OPEN_DEFAULT, error);
  return self->writer ? g_steal_pointer (&self) : NULL;
}

ClipCommands *
clip_commands_new_for_runner (const ClipCommandsRunner *runner,
                              gpointer                  owner)
{
  ClipCommands *self = g_object_new (CLIP_TYPE_COMMANDS, NULL);

  g_return_val_if_fail (runner != NULL && runner->run != NULL, NULL);
  self->runner = *runner;
  self->owner = owner;
  return self;
}

void
clip_commands_detach (ClipCommands *self)
{
  g_return_if_fail (CLIP_IS_COMMANDS (self));
  memset (&self->runner, 0, sizeof self->runner);
  self->owner = NULL;
}

/* On the writer's thread. */
static gboolean
execute (ClipCommands     *self,
         ClipCommand      *command,
         ClipStore        *writer,
         ClipProgressFunc  progress,
         gpointer          progress_data,
         GCancellable     *cancellable,
         GError          **error)
{
  /* A read snapshot the writer kept would hold back its own write. */
  clip_store_release_snapshot (writer);
  command->outlets_changed = FALSE;
  command->fetch_now = 0;
  if (!command->work (command, writer, progress, progress_data, cancellable, error))
    return FALSE;
  if (command->outlets_changed && self->runner.outlets_changed)
    self->runner.outlets_changed (self->owner, command->fetch_now);
  return TRUE;
}

void
clip_commands_run_task (GTask     *task,
                        ClipStore *writer)
{
  ClipCommands *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (writer == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                             _("The archive is not open for changes"));
  else if (!g_task_return_error_if_cancelled (task))
    {
      if (execute (self, job->command, writer, job->progress ? clip_progress_report : NULL,
                   job->progress, g_task_get_cancellable (task), &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
    }
}

/* Our writer's queue: commands run in the order they were asked for (a
 * note typed and then changed is saved in that order), as on a service. */
static void
own_writer_run (gpointer data,
                gpointer user_data)
{
  g_autoptr(GTask) task = data;
  ClipCommands *self = g_task_get_source_object (task);

  g_mutex_lock (&self->lock);
  clip_commands_run_task (task, self->writer);
  g_mutex_unlock (&self->lock);
}

void
clip_commands_run_async (ClipCommands        *self,
                         ClipCommand         *command,
                         ClipProgress        *progress,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (CLIP_IS_COMMANDS (self));
  g_return_if_fail (command != NULL);
  task = g_task_new (self, cancellable, callback, user_data);
  job = g_new0 (Job, 1);
  job->command = clip_command_ref (command);
  job->progress = progress ? clip_progress_ref (progress) : NULL;
  g_task_set_source_tag (task, clip_commands_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  if (self->runner.run == NULL)
    {
      if (self->queue == NULL)
        self->queue = g_thread_pool_new (own_writer_run, NULL, 1, FALSE, NULL);
      g_thread_pool_push (self->queue, g_object_ref (task), NULL);
    }
  else if (!self->runner.run (self->owner, g_object_ref (task)))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                             _("The fetch service is not running"));
}

gboolean
clip_commands_run_finish (ClipCommands  *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

ClipCommand *
clip_commands_get_command (GAsyncResult *result)
{
  Job *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  job = g_task_get_task_data (G_TASK (result));
  return job->command;
}

static void
sync_done (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* A runner's writer is on another thread: wait for it there, with the
 * progress delivered here. */
static gboolean
run_through_runner (ClipCommands     *self,
                    ClipCommand      *command,
                    ClipProgressFunc  progress,
                    gpointer          progress_data,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ClipProgress) p = NULL;

  g_main_context_push_thread_default (context);
  if (progress)
    p = clip_progress_new (progress, progress_data, NULL, cancellable);
  clip_commands_run_async (self, command, p, cancellable, sync_done, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  /* Reports queued before the result was are delivered by now. */
  g_main_context_pop_thread_default (context);
  return clip_commands_run_finish (self, result, error);
}

gboolean
clip_commands_run (ClipCommands     *self,
                   ClipCommand      *command,
                   ClipProgressFunc  progress,
                   gpointer          progress_data,
                   GCancellable     *cancellable,
                   GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (CLIP_IS_COMMANDS (self), FALSE);
  g_return_val_if_fail (command != NULL, FALSE);
  if (self->runner.run != NULL)
    return run_through_runner (self, command, progress, progress_data, cancellable, error);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  g_mutex_lock (&self->lock);
  ok = execute (self, command, self->writer, progress, progress_data, cancellable, error);
  g_mutex_unlock (&self->lock);
  return ok;
}
