/* clip-window-service.c — the window and the fetch service: refresh,
 * progress, and new articles appearing as they are stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-window-private.h"

/* The fetch service */

static gboolean
reload_timeout_cb (gpointer user_data)
{
  ClipWindow *self = user_data;

  self->reload_timeout = 0;
  clip_window_reload (self);
  return G_SOURCE_REMOVE;
}

/* Outlets report one by one during a refresh: gather them into one
 * reload, so a refresh of 200 outlets does not read the list 200 times.
 * The sidebar's rows are updated in place (counts, health), so the
 * analyst watches them change while the refresh runs. */
static void
queue_reload (ClipWindow *self)
{
  if (self->reload_timeout == 0)
    self->reload_timeout = g_timeout_add (400, reload_timeout_cb, self);
}

static void
progress_cb (ClipWindow *self,
             guint       done,
             guint       total)
{
  g_autofree char *text = NULL;

  if (total == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fetched %u of %u outlet",
                                       "Fetched %u of %u outlets", total), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_revealer_set_reveal_child (self->progress_revealer, done < total);
}

static void
outlet_updated_cb (ClipWindow             *self,
                   const ClipFetchOutcome *outcome)
{
  if (outcome->added > 0 || outcome->updated > 0 || outcome->status == CLIP_FETCH_STATUS_ERROR ||
      outcome->moved_to != NULL)
    queue_reload (self);
}

static void
refresh_finished_cb (ClipWindow *self,
                     GPtrArray  *outcomes)
{
  guint failed = 0;

  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  for (guint i = 0; i < outcomes->len; i++)
    if (((ClipFetchOutcome *) g_ptr_array_index (outcomes, i))->status == CLIP_FETCH_STATUS_ERROR)
      failed++;
  /* Scheduled fetches fail quietly (the sidebar shows it); a refresh the
   * analyst asked for says how it went. */
  if (self->manual_refresh && failed > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u outlet could not be fetched; the sidebar shows why",
                                      "%u outlets could not be fetched; the sidebar shows why",
                                      failed), failed);
      clip_window_show_toast (self, message);
    }
  self->manual_refresh = FALSE;
  queue_reload (self);
}

void
clip_window_outlets_changed (ClipWindow *self)
{
  clip_window_reload (self);
  if (self->service != NULL)
    clip_service_reload_outlets (self->service);
}

void
clip_window_refresh_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);

  if (self->service == NULL)
    return;
  self->manual_refresh = TRUE;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Refreshing…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  clip_service_refresh_all (self->service);
}

void
clip_window_connect_service (ClipWindow      *self,
                             ClipApplication *app)
{
  GAction *refresh = g_action_map_lookup_action (G_ACTION_MAP (self), "refresh");

  self->service = app ? clip_application_get_service (app) : NULL;
  g_simple_action_set_enabled (G_SIMPLE_ACTION (refresh), self->service != NULL);
  if (self->service == NULL)
    {
      if (app != NULL && clip_application_get_service_error (app) && self->store != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("Outlets are not being fetched: %s"),
                             clip_application_get_service_error (app));
          clip_window_show_toast (self, message);
        }
      return;
    }
  g_object_ref (self->service);
  g_signal_connect_object (self->service, "progress", G_CALLBACK (progress_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service, "outlet-updated", G_CALLBACK (outlet_updated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service, "refresh-finished", G_CALLBACK (refresh_finished_cb),
                           self, G_CONNECT_SWAPPED);
}
