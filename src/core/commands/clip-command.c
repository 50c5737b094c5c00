/* clip-command.c — a change to make, and what it did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-commands-private.h"

G_DEFINE_BOXED_TYPE (ClipCommand, clip_command, clip_command_ref, clip_command_unref)

ClipCommand *
_clip_command_new (ClipCommandWork work)
{
  ClipCommand *self = g_new0 (ClipCommand, 1);

  g_atomic_ref_count_init (&self->ref);
  self->work = work;
  clip_import_result_init (&self->import);
  return self;
}

ClipCommand *
clip_command_ref (ClipCommand *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
clip_command_unref (ClipCommand *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self->text);
  g_free (self->text2);
  g_strfreev (self->terms);
  g_clear_pointer (&self->outlet, clip_outlet_free);
  g_clear_pointer (&self->rule, clip_rule_free);
  g_clear_pointer (&self->outlets, g_ptr_array_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->changed, g_array_unref);
  clip_import_result_clear (&self->import);
  if (self->destroy)
    self->destroy (self->data);
  g_free (self);
}

static gboolean
custom_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
             GCancellable *cancellable, GError **error)
{
  return c->func (w, c->data, cancellable, error);
}

ClipCommand *
clip_command_new_custom (ClipCommandFunc func,
                         gpointer        data,
                         GDestroyNotify  destroy)
{
  ClipCommand *self = _clip_command_new (custom_work);

  g_return_val_if_fail (func != NULL, NULL);
  self->func = func;
  self->data = data;
  self->destroy = destroy;
  return self;
}

gpointer
clip_command_get_data (ClipCommand *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->data;
}

gint64
clip_command_get_id (ClipCommand *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->result_id;
}

guint64
clip_command_get_n_matched (ClipCommand *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_matched;
}

gboolean
clip_command_get_rematched (ClipCommand *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->rematched;
}

const ClipImportResult *
clip_command_get_import_result (ClipCommand *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->import;
}
