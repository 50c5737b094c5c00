/* clip-progress.c — progress from a worker thread to the caller's context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-progress.h"

struct _ClipProgress {
  gatomicrefcount   ref;
  ClipProgressFunc  func;
  gpointer          user_data;
  GDestroyNotify    destroy;
  GCancellable     *cancellable;
  GMainContext     *context;
  GMutex            lock;
  gboolean          queued;   /* a delivery is on the context */
  gboolean          closed;
  guint64           done, total;
};

ClipProgress *
clip_progress_new (ClipProgressFunc  func,
                   gpointer          user_data,
                   GDestroyNotify    destroy,
                   GCancellable     *cancellable)
{
  ClipProgress *self = g_new0 (ClipProgress, 1);

  g_atomic_ref_count_init (&self->ref);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->context = g_main_context_ref_thread_default ();
  g_mutex_init (&self->lock);
  return self;
}

ClipProgress *
clip_progress_ref (ClipProgress *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
clip_progress_unref (ClipProgress *self)
{
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  if (self->destroy)
    self->destroy (self->user_data);
  g_clear_object (&self->cancellable);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_free (self);
}

void
clip_progress_close (ClipProgress *self)
{
  g_mutex_lock (&self->lock);
  self->closed = TRUE;
  g_mutex_unlock (&self->lock);
}

static gboolean
deliver (gpointer data)
{
  ClipProgress *self = data;
  guint64 done, total;
  gboolean closed;

  g_mutex_lock (&self->lock);
  self->queued = FALSE;
  done = self->done;
  total = self->total;
  closed = self->closed;
  g_mutex_unlock (&self->lock);
  if (!closed && !g_cancellable_is_cancelled (self->cancellable))
    self->func (done, total, self->user_data);
  return G_SOURCE_REMOVE;
}

void
clip_progress_report (guint64  done,
                      guint64  total,
                      gpointer data)
{
  ClipProgress *self = data;
  gboolean queue;
  GSource *source;

  if (self == NULL || self->func == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->done = done;
  self->total = total;
  queue = !self->queued && !self->closed;
  self->queued = self->queued || queue;
  g_mutex_unlock (&self->lock);
  if (!queue)
    return;
  /* Always through a source, even on the caller's own thread: a job's
   * completion, queued on the same context after its reports, then always
   * comes after them. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver, clip_progress_ref (self),
                         (GDestroyNotify) clip_progress_unref);
  g_source_set_static_name (source, "[clippings] progress");
  g_source_attach (source, self->context);
  g_source_unref (source);
}
