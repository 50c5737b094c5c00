/* clip-article-snippets.c — snippets for a page of search results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-article-item.h"
#include "clip-article-snippets.h"
#include "clip-rule-snippet.h"

typedef struct {
  char      *path;
  char      *search;
  GPtrArray *items;      /* ClipArticleItem* */
  GArray    *ids;        /* gint64, read on the main thread */
  GPtrArray *snippets;   /* char*, one per item (NULL: none) */
  GPtrArray *marks;      /* GArray* of guint pairs, one per item */
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->search);
  g_ptr_array_unref (job->items);
  g_array_unref (job->ids);
  g_ptr_array_unref (job->snippets);
  g_ptr_array_unref (job->marks);
  g_free (job);
}

static GArray *
mark_pairs (GArray *spans)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < spans->len; i++)
    {
      const ClipRuleSpan *s = &g_array_index (spans, ClipRuleSpan, i);

      g_array_append_val (pairs, s->start);
      g_array_append_val (pairs, s->end);
    }
  return pairs;
}

static void
snippets_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(ClipSearchMatcher) matcher = NULL;
  GError *error = NULL;

  if (!(store = clip_store_open (job->path, CLIP_STORE_OPEN_READ_ONLY, &error)) ||
      !(matcher = clip_search_matcher_new (store, job->search, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < job->ids->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (ClipRuleSpan));
      /* An article deleted meanwhile has none. */
      char *snippet = clip_search_matcher_snippet (matcher, store, g_array_index (job->ids, gint64, i),
                                                   CLIP_ARTICLE_SNIPPET_CHARS, spans, NULL);

      g_ptr_array_add (job->snippets, snippet);
      g_ptr_array_add (job->marks, mark_pairs (spans));
    }
  g_task_return_boolean (task, TRUE);
}

static void
snippets_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not make snippets: %s", error->message);
      return;
    }
  for (guint i = 0; i < job->snippets->len; i++)
    clip_article_item_set_snippet (job->items->pdata[i], job->snippets->pdata[i], job->marks->pdata[i]);
}

void
clip_article_snippets_request (const char   *path,
                               const char   *search,
                               GPtrArray    *items,
                               GCancellable *cancellable)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (path);
  job->search = g_strdup (search);
  job->items = g_ptr_array_new_with_free_func (g_object_unref);
  job->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), items->len);
  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = clip_article_item_get_id (items->pdata[i]);

      g_ptr_array_add (job->items, g_object_ref (items->pdata[i]));
      g_array_append_val (job->ids, id);
    }
  job->snippets = g_ptr_array_new_with_free_func (g_free);
  job->marks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  /* The task checks the cancellable itself before the callback. */
  task = g_task_new (NULL, cancellable, snippets_done_cb, NULL);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, snippets_thread);
}
