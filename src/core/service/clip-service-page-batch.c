/* clip-service-page-batch.c — fetched article pages stored together
 *
 * Each page stored on its own was one transaction, one commit, one
 * full-text segment: in bench-listing the writer spent most of its time
 * committing while the requests waited for it. Pages that arrive close
 * together are now extracted and stored in one transaction (as feeds'
 * answers are, clip-service-pipeline.c); if any of them cannot be
 * written, each is stored again on its own, so one page's trouble never
 * costs another its text.
 *
 * Service thread only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-article-page.h"
#include "clip-service-private.h"
#include "clip-store-pages.h"
#include "clip-store-sql.h"

/* Pages stored in one transaction at most, and how long the first waits
 * for others while more are being fetched. */
#define PAGE_BATCH     16
#define PAGE_DELAY_MS  50

typedef struct {
  gint64             id;
  ClipFetchResponse *response;
  gint64             retry_at;   /* the site's back-off after a failure, or 0 */
} Answer;

static void
answer_free (Answer *a)
{
  clip_fetch_response_free (a->response);
  g_free (a);
}

/* The page, and how the outlet's pages fare (its health), together. */
static ClipPageState
store_one (ClipService *self, const Answer *a, GError **error)
{
  const GError *failed = a->response->error;
  ClipPageState state;
  GError *local = NULL;

  if (!clip_store_begin (self->store, error))
    return CLIP_PAGE_STATE_NONE;
  state = clip_article_page_store (self->store, a->id, a->response, &local);
  if (local == NULL)
    clip_store_note_page_fetch (self->store, a->id, failed ? failed->message : NULL, a->retry_at, &local);
  if (local != NULL)
    {
      clip_store_rollback (self->store);
      g_propagate_error (error, local);
      return CLIP_PAGE_STATE_NONE;
    }
  if (!clip_store_commit (self->store, error))
    return CLIP_PAGE_STATE_NONE;
  return state;
}

/* All in one transaction; FALSE (nothing kept) when any write failed. */
static gboolean
store_together (ClipService *self, GPtrArray *answers, ClipPageState *states)
{
  if (answers->len < 2 || !clip_store_begin (self->store, NULL))
    return FALSE;
  for (guint i = 0; i < answers->len; i++)
    {
      g_autoptr(GError) error = NULL;

      states[i] = store_one (self, g_ptr_array_index (answers, i), &error);
      if (error != NULL)
        {
          clip_store_rollback (self->store);
          return FALSE;
        }
    }
  return clip_store_commit (self->store, NULL);
}

static gboolean
flush_cb (gpointer data)
{
  ClipService *self = data;
  g_autoptr(GPtrArray) answers = g_steal_pointer (&self->page_answers);
  g_autofree ClipPageState *states = NULL;

  g_clear_pointer (&self->page_flush, g_source_unref);
  if (answers == NULL)
    return G_SOURCE_REMOVE;
  states = g_new0 (ClipPageState, answers->len);
  clip_store_release_snapshot (self->store);
  if (!store_together (self, answers, states))
    for (guint i = 0; i < answers->len; i++)
      {
        const Answer *a = g_ptr_array_index (answers, i);
        g_autoptr(GError) error = NULL;

        states[i] = store_one (self, a, &error);
        if (error != NULL)
          g_message ("Could not store the page of article %" G_GINT64_FORMAT ": %s", a->id, error->message);
      }
  for (guint i = 0; i < answers->len; i++)
    clip_service_page_done (self, ((Answer *) g_ptr_array_index (answers, i))->id, states[i]);
  clip_service_pump (self);
  return G_SOURCE_REMOVE;
}

static void
attach_flush (ClipService *self, gboolean now)
{
  if (self->page_flush != NULL)
    {
      g_source_destroy (self->page_flush);
      g_clear_pointer (&self->page_flush, g_source_unref);
    }
  self->page_flush = now ? g_idle_source_new () : g_timeout_source_new (PAGE_DELAY_MS);
  g_source_set_priority (self->page_flush, G_PRIORITY_DEFAULT);
  g_source_set_callback (self->page_flush, flush_cb, self, NULL);
  g_source_attach (self->page_flush, self->context);
}

void
clip_service_pages_answered (ClipService       *self,
                             gint64             article_id,
                             ClipFetchResponse *response,
                             gint64             retry_at)
{
  Answer *a = g_new0 (Answer, 1);
  gboolean now;

  a->id = article_id;
  a->response = response;
  a->retry_at = retry_at;
  if (self->page_answers == NULL)
    self->page_answers = g_ptr_array_new_with_free_func ((GDestroyNotify) answer_free);
  g_ptr_array_add (self->page_answers, a);
  /* Written at once when it is the last one coming or enough have come;
   * else it waits a little for the others. */
  now = self->page_answers->len >= PAGE_BATCH || self->pages_in_flight == 0;
  if (self->page_flush == NULL || now)
    attach_flush (self, now);
}

gboolean
clip_service_pages_storing (ClipService *self)
{
  return self->page_answers != NULL && self->page_answers->len > 0;
}

void
clip_service_pages_batch_clear (ClipService *self)
{
  if (self->page_flush != NULL)
    {
      g_source_destroy (self->page_flush);
      g_clear_pointer (&self->page_flush, g_source_unref);
    }
  g_clear_pointer (&self->page_answers, g_ptr_array_unref);
}
