/* clip-window-service.c — the window and the fetch service: refresh,
 * progress, and new articles appearing as they are stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-store-pages.h"
#include "clip-window-alerts.h"
#include "clip-window-private.h"

/* The fetch service */

/* A refresh is followed in steps, not outlet by outlet: every change to
 * the bar, the sidebar or the list is a frame to draw (a whole window
 * when the GL renderer has no damage tracking, as on Mesa's software
 * llvmpipe), and a thousand outlets report within a few seconds. */
#define RELOAD_DELAY_MS  400    /* the first news shows this soon */
#define RELOAD_GAP_MS    1000   /* then the lists are read at most this often */
#define PROGRESS_GAP_MS  250    /* and the bar moves at most this often */
#define TEXT_GAP_MS      1500   /* its text, when no reload brings it */

static void show_progress (ClipWindow *self,
                           gboolean    with_text);

static gboolean
reload_timeout_cb (gpointer user_data)
{
  ClipWindow *self = user_data;

  self->reload_timeout = 0;
  self->last_reload = g_get_monotonic_time ();
  clip_window_reload (self);
  /* The bar's text changes its size: the window lays out again (three
   * frames, measured) where the bar alone moves in one. It follows the
   * reload, which lays the window out anyway. */
  if (self->progress_total > 0 && gtk_revealer_get_reveal_child (self->progress_revealer))
    show_progress (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Outlets report one by one during a refresh: gather them into one
 * reload, so a refresh of 200 outlets does not read the list 200 times.
 * The sidebar's rows are updated in place (counts, health), so the
 * analyst watches them change while the refresh runs. Each reload reads
 * the outlets, their counts and the list's ids again: a second apart,
 * not 400 ms, while the news keeps coming. */
static void
queue_reload (ClipWindow *self)
{
  gint64 since = (g_get_monotonic_time () - self->last_reload) / 1000;
  guint delay = RELOAD_DELAY_MS;

  if (self->reload_timeout != 0)
    return;
  if (self->last_reload != 0 && since >= 0 && since < RELOAD_GAP_MS)
    delay = MAX (delay, RELOAD_GAP_MS - since);
  self->reload_timeout = g_timeout_add (delay, reload_timeout_cb, self);
}

static void
show_progress (ClipWindow *self,
               gboolean    with_text)
{
  guint done = self->progress_done, total = self->progress_total;

  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  if (with_text)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fetched %u of %u outlet",
                                      "Fetched %u of %u outlets", total), done, total);

      gtk_progress_bar_set_text (self->progress_bar, text);
      self->progress_text_time = g_get_monotonic_time ();
      self->progress_text_done = done;
    }
  gtk_revealer_set_reveal_child (self->progress_revealer, done < total);
}

/* Each step shows the latest report; the text comes with it when it
 * has not changed for a while (a refresh of unchanged feeds brings no
 * reloads), and the steps go on until it says the latest count. */
static gboolean
progress_timeout_cb (gpointer user_data)
{
  ClipWindow *self = user_data;
  gboolean text_behind = self->progress_text_done != self->progress_done;
  gboolean text_due = g_get_monotonic_time () - self->progress_text_time >=
                      TEXT_GAP_MS * (gint64) 1000;

  self->progress_timeout = 0;
  if (!self->progress_pending && !text_behind)
    return G_SOURCE_REMOVE;
  if (self->progress_pending || text_due)
    show_progress (self, text_behind && text_due);
  self->progress_pending = FALSE;
  self->progress_timeout = g_timeout_add (PROGRESS_GAP_MS, progress_timeout_cb, self);
  return G_SOURCE_REMOVE;
}

static void
cancel_progress (ClipWindow *self)
{
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  self->progress_pending = FALSE;
}

/* The first report shows at once, later ones at the next step (their
 * text with the next reload); the last (all done) at once, as it hides
 * the bar. */
static void
progress_cb (ClipWindow *self,
             guint       done,
             guint       total)
{
  if (total == 0)
    return;
  self->progress_done = done;
  self->progress_total = total;
  if (self->progress_timeout != 0 && done < total)
    {
      self->progress_pending = TRUE;
      return;
    }
  show_progress (self, self->progress_timeout == 0 || done == total);
  cancel_progress (self);
  if (done < total)
    self->progress_timeout = g_timeout_add (PROGRESS_GAP_MS, progress_timeout_cb, self);
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

  cancel_progress (self);
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
  cancel_progress (self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Refreshing…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  clip_service_refresh_all (self->service);
}

/* Article pages: a view that shows an article whose page just arrived
 * shows it again, with the page's text. */
static void
reshow_article (ClipWindow *self, gint64 article_id)
{
  ClipArticleView *views[] = { self->article_view, clip_window_alerts_article_view (self) };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (views[i] != NULL && clip_article_view_get_id (views[i]) == article_id)
      clip_article_view_show (views[i], article_id);
}

static void
page_fetched_cb (ClipWindow *self, gint64 article_id, guint state)
{
  reshow_article (self, article_id);
}

typedef struct {
  ClipWindow *self;
  gint64      id;
} PageAsk;

static void
full_text_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  PageAsk *ask = data;
  g_autoptr(GError) error = NULL;
  gint state = clip_service_fetch_page_finish (CLIP_SERVICE (source), result, &error);
  const char *message = NULL;

  if (state < 0)
    message = error->message;
  else if (state == CLIP_PAGE_STATE_FAILED)
    message = _("The article's page could not be read");
  else if (state == CLIP_PAGE_STATE_ROBOTS)
    message = _("The site's robots.txt does not allow reading this page");
  else if (state == CLIP_PAGE_STATE_NO_TEXT)
    message = _("No article text was found on the page");
  if (message != NULL)
    clip_window_show_toast (ask->self, message);
  reshow_article (ask->self, ask->id);
  g_object_unref (ask->self);
  g_free (ask);
}

static void
get_full_text_cb (ClipArticleView *view, gint64 article_id, ClipWindow *self)
{
  PageAsk *ask;

  if (self->service == NULL)
    {
      clip_window_show_toast (self, _("Pages are not being fetched: the fetch service is not running"));
      clip_article_view_show (view, article_id);
      return;
    }
  ask = g_new0 (PageAsk, 1);
  ask->self = g_object_ref (self);
  ask->id = article_id;
  clip_service_fetch_page_async (self->service, article_id, NULL, full_text_done_cb, ask);
}

void
clip_window_connect_article_view (ClipWindow      *self,
                                  ClipArticleView *view)
{
  g_signal_connect_object (view, "get-full-text", G_CALLBACK (get_full_text_cb), self, 0);
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
  g_signal_connect_object (self->service, "page-fetched", G_CALLBACK (page_fetched_cb),
                           self, G_CONNECT_SWAPPED);
}
