/* clip-command-outlets.c — adding, editing, removing and importing outlets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-commands-private.h"
#include "clip-opml.h"
#include "clip-selector.h"

/* A listing's selectors are CSS of the subset or XPath (clip-selector.h). */
static gboolean
check_selectors (const ClipOutlet *o, GError **error)
{
  const char *selectors[] = { o->selector, o->next_selector };

  if (o->kind != CLIP_OUTLET_LISTING)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (selectors); i++)
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *xpath = NULL;

      if (selectors[i] == NULL || (i > 0 && *selectors[i] == '\0'))
        continue;
      if ((xpath = clip_selector_to_xpath (selectors[i], &local)) == NULL)
        {
          g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID, "%s", local->message);
          return FALSE;
        }
    }
  return TRUE;
}

#include <string.h>

static gboolean
add_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
          GCancellable *cancellable, GError **error)
{
  if (!check_selectors (c->outlet, error))
    return FALSE;
  c->result_id = clip_store_add_outlet (w, c->outlet, error);
  c->outlets_changed = c->result_id != 0;
  c->fetch_now = c->outlet->enabled ? c->result_id : 0;
  return c->result_id != 0;
}

ClipCommand *
clip_command_add_outlet (const ClipOutlet *outlet)
{
  ClipCommand *c = _clip_command_new (add_work);

  g_return_val_if_fail (outlet != NULL, NULL);
  c->outlet = clip_outlet_copy (outlet);
  return c;
}

static gboolean
update_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
             GCancellable *cancellable, GError **error)
{
  if (!check_selectors (c->outlet, error) || !clip_store_update_outlet (w, c->outlet, error))
    return FALSE;
  c->outlets_changed = TRUE;
  return TRUE;
}

ClipCommand *
clip_command_update_outlet (const ClipOutlet *outlet)
{
  ClipCommand *c = _clip_command_new (update_work);

  g_return_val_if_fail (outlet != NULL && outlet->id > 0, NULL);
  c->outlet = clip_outlet_copy (outlet);
  return c;
}

static gboolean
enable_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
             GCancellable *cancellable, GError **error)
{
  g_autoptr(ClipOutlet) o = clip_store_get_outlet (w, c->id, error);

  if (o == NULL)
    return FALSE;
  o->enabled = c->value != 0;
  if (!clip_store_update_outlet (w, o, error))
    return FALSE;
  c->outlets_changed = TRUE;
  return TRUE;
}

ClipCommand *
clip_command_set_outlet_enabled (gint64   outlet_id,
                                 gboolean enabled)
{
  ClipCommand *c = _clip_command_new (enable_work);

  c->id = outlet_id;
  c->value = enabled;
  return c;
}

void
clip_outlet_changes_init (ClipOutletChanges *changes)
{
  memset (changes, 0, sizeof *changes);
  changes->enabled = changes->full_text = changes->ignore_robots = -1;
}

typedef struct {
  char *name;
  char *group;
  ClipOutletChanges changes;
} EditData;

static void
edit_data_free (gpointer data)
{
  EditData *d = data;

  g_free (d->name);
  g_free (d->group);
  g_free (d);
}

static gboolean
edit_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
           GCancellable *cancellable, GError **error)
{
  const EditData *d = c->data;
  g_autoptr(ClipOutlet) o = clip_store_get_outlet (w, c->id, error);
  gboolean was_enabled;

  if (o == NULL)
    return FALSE;
  was_enabled = o->enabled;
  if (d->name != NULL)
    {
      g_free (o->name);
      o->name = g_strdup (d->name);
    }
  if (d->group != NULL)
    {
      g_free (o->group);
      o->group = g_strdup (d->group);
    }
  if (d->changes.interval != 0)
    o->interval = d->changes.interval;
  if (d->changes.enabled >= 0)
    o->enabled = d->changes.enabled != 0;
  if (d->changes.full_text >= 0)
    o->full_text = (ClipFullText) d->changes.full_text;
  if (d->changes.ignore_robots >= 0)
    o->ignore_robots = d->changes.ignore_robots != 0;
  if (!clip_store_update_outlet (w, o, error))
    return FALSE;
  c->outlets_changed = TRUE;
  /* Enabled again: fetched at once, as a new outlet is. */
  c->fetch_now = !was_enabled && o->enabled ? o->id : 0;
  return TRUE;
}

ClipCommand *
clip_command_edit_outlet (gint64                   outlet_id,
                          const ClipOutletChanges *changes)
{
  ClipCommand *c = _clip_command_new (edit_work);
  EditData *d = g_new0 (EditData, 1);

  g_return_val_if_fail (changes != NULL, NULL);
  g_return_val_if_fail (changes->full_text < 0 || changes->full_text <= CLIP_FULL_TEXT_NEVER, NULL);
  d->changes = *changes;
  d->name = g_strdup (changes->name);
  d->group = g_strdup (changes->group);
  d->changes.name = d->changes.group = NULL;
  c->id = outlet_id;
  c->data = d;
  c->destroy = edit_data_free;
  return c;
}

static gboolean
remove_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
             GCancellable *cancellable, GError **error)
{
  if (!clip_store_remove_outlet (w, c->id, error))
    return FALSE;
  /* A fetch in flight for it finds it gone and records nothing. */
  c->outlets_changed = TRUE;
  return TRUE;
}

ClipCommand *
clip_command_remove_outlet (gint64 outlet_id)
{
  ClipCommand *c = _clip_command_new (remove_work);

  c->id = outlet_id;
  return c;
}

static gboolean
remove_keeping_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
                     GCancellable *cancellable, GError **error)
{
  if (!clip_store_remove_outlet_keeping (w, c->id, c->value != 0, &c->n_kept, error))
    return FALSE;
  c->outlets_changed = TRUE;
  return TRUE;
}

ClipCommand *
clip_command_remove_outlet_keeping (gint64   outlet_id,
                                    gboolean keep_annotated)
{
  ClipCommand *c = _clip_command_new (remove_keeping_work);

  c->id = outlet_id;
  c->value = keep_annotated;
  return c;
}

guint
clip_command_get_n_kept (ClipCommand *c)
{
  g_return_val_if_fail (c != NULL, 0);
  return c->n_kept;
}

static gboolean
set_removed_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
                  GCancellable *cancellable, GError **error)
{
  if (!clip_store_set_outlet_removed (w, c->id, c->value != 0, c->value64 != 0, error))
    return FALSE;
  c->outlets_changed = TRUE;
  return TRUE;
}

ClipCommand *
clip_command_set_outlet_removed (gint64   outlet_id,
                                 gboolean removed,
                                 gboolean enabled)
{
  ClipCommand *c = _clip_command_new (set_removed_work);

  c->id = outlet_id;
  c->value = removed;
  c->value64 = enabled;
  return c;
}

/* Import: the list is read on the writer's thread too (an OPML file or
 * the starter set can be large), then written in one transaction. */

static GPtrArray *
outlets_to_import (ClipCommand *c, GError **error)
{
  gsize len;
  const char *bytes;

  if (c->outlets)
    return g_ptr_array_ref (c->outlets);
  if (c->bytes)
    {
      bytes = g_bytes_get_data (c->bytes, &len);
      return clip_opml_parse (bytes, len, error);
    }
  return clip_starter_outlets_load (error);
}

static gboolean
import_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
             GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) outlets = outlets_to_import (c, error);

  if (outlets == NULL)
    return FALSE;
  /* OPML and the starter set carry no interval of their own. */
  for (guint i = 0; c->outlets == NULL && c->value > 0 && i < outlets->len; i++)
    ((ClipOutlet *) g_ptr_array_index (outlets, i))->interval = c->value;
  clip_import_result_clear (&c->import);
  clip_import_result_init (&c->import);
  if (progress)
    progress (0, outlets->len, data);
  if (!clip_outlets_import (w, outlets, &c->import, error))
    return FALSE;
  if (progress)
    progress (outlets->len, outlets->len, data);
  c->outlets_changed = c->import.added > 0;
  return TRUE;
}

ClipCommand *
clip_command_import_outlets (GPtrArray *outlets,
                             guint      interval)
{
  ClipCommand *c = _clip_command_new (import_work);

  g_return_val_if_fail (outlets != NULL, NULL);
  c->outlets = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_outlet_free);
  for (guint i = 0; i < outlets->len; i++)
    g_ptr_array_add (c->outlets, clip_outlet_copy (g_ptr_array_index (outlets, i)));
  c->value = (gint) interval;
  return c;
}

ClipCommand *
clip_command_import_opml (GBytes *opml,
                          guint   interval)
{
  ClipCommand *c = _clip_command_new (import_work);

  g_return_val_if_fail (opml != NULL, NULL);
  c->bytes = g_bytes_ref (opml);
  c->value = (gint) interval;
  return c;
}

ClipCommand *
clip_command_add_starter_outlets (guint interval)
{
  ClipCommand *c = _clip_command_new (import_work);

  c->value = (gint) interval;
  return c;
}
