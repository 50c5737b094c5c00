/* clip-stories-load.c — the Stories view's reads, in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-rules-store.h"
#include "clip-stories-load.h"

typedef struct {
  char   *path;
  guint   list;
  gint64  open_id;
} Request;

static void
request_free (Request *r)
{
  g_free (r->path);
  g_free (r);
}

void
clip_stories_load_free (ClipStoriesLoad *load)
{
  if (load == NULL)
    return;
  g_clear_pointer (&load->stories, g_ptr_array_unref);
  g_clear_pointer (&load->rule_ids, g_hash_table_unref);
  g_clear_pointer (&load->rule_names, g_hash_table_unref);
  g_clear_pointer (&load->story, clip_story_free);
  g_clear_pointer (&load->outside, g_hash_table_unref);
  g_free (load);
}

static gboolean
add_rule_ids (ClipStore *store, ClipStoriesLoad *load, gint64 story_id, GError **error)
{
  GArray *ids;

  if (g_hash_table_contains (load->rule_ids, &story_id))
    return TRUE;
  if ((ids = clip_story_rule_ids (store, story_id, error)) == NULL)
    return FALSE;
  g_hash_table_insert (load->rule_ids, g_memdup2 (&story_id, sizeof story_id), ids);
  return TRUE;
}

/* The originals of the story's copies that are not in it themselves. */
static void
read_outside (ClipStore *store, ClipStoriesLoad *load)
{
  g_autoptr(GHashTable) inside = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *articles = load->story->articles;

  for (guint i = 0; i < articles->len; i++)
    g_hash_table_add (inside, &((ClipStoryArticle *) articles->pdata[i])->id);
  for (guint i = 0; i < articles->len; i++)
    {
      const ClipStoryArticle *a = articles->pdata[i];
      ClipStoryArticle *original;

      if (a->copy_of == 0 || g_hash_table_contains (inside, &a->copy_of) ||
          g_hash_table_contains (load->outside, &a->copy_of))
        continue;
      /* Gone since: the timeline says less, nothing fails. */
      if ((original = clip_story_article_get (store, a->copy_of, NULL, NULL)) != NULL)
        g_hash_table_insert (load->outside, g_memdup2 (&a->copy_of, sizeof a->copy_of), original);
    }
}

static gboolean
read_all (ClipStore *store, const Request *r, ClipStoriesLoad *load,
          GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) rules = NULL;

  if (!(rules = clip_store_list_rules (store, error)))
    return FALSE;
  for (guint i = 0; i < rules->len; i++)
    {
      const ClipRule *rule = rules->pdata[i];

      g_hash_table_insert (load->rule_names, g_memdup2 (&rule->id, sizeof rule->id), g_strdup (rule->name));
    }
  if (r->list > 0)
    {
      /* One more than asked says whether there are more. */
      ClipStoryFilter filter = { .min_articles = 2, .limit = r->list + 1, .cancellable = cancellable };

      if (!(load->stories = clip_stories_list (store, &filter, error)))
        return FALSE;
      load->more = load->stories->len > r->list;
      if (load->more)
        g_ptr_array_set_size (load->stories, r->list);
      for (guint i = 0; i < load->stories->len; i++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
              !add_rule_ids (store, load, ((ClipStory *) load->stories->pdata[i])->id, error))
            return FALSE;
        }
    }
  if (r->open_id != 0)
    {
      g_autoptr(GError) gone = NULL;

      /* A story merged away meanwhile: none is open, nothing failed. */
      if ((load->story = clip_story_get (store, r->open_id, &gone)) != NULL)
        {
          read_outside (store, load);
          if (!add_rule_ids (store, load, r->open_id, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const Request *r = task_data;
  g_autoptr(ClipStoriesLoad) load = g_new0 (ClipStoriesLoad, 1);
  g_autoptr(ClipStore) store = NULL;
  GError *error = NULL;

  load->rule_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  load->rule_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  load->outside = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) clip_story_article_free);
  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !(store = clip_store_open (r->path, CLIP_STORE_OPEN_READ_ONLY, &error)) ||
      !read_all (store, r, load, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&load), (GDestroyNotify) clip_stories_load_free);
}

void
clip_stories_load_async (const char          *path,
                         guint                list,
                         gint64               open_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Request *r = g_new0 (Request, 1);

  r->path = g_strdup (path);
  r->list = list;
  r->open_id = open_id;
  g_task_set_source_tag (task, clip_stories_load_async);
  g_task_set_task_data (task, r, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, load_thread);
}

ClipStoriesLoad *
clip_stories_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
