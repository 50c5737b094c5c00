/* clip-article-list-state.c — the article list's items still held, by its
 * pages or by views: found by article, their read and flag state changed
 * together, and read again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-article-list-private.h"
#include "clip-store-listing.h"

static void
item_gone_cb (gpointer  data,
              GObject  *where_the_object_was)
{
  ClipArticleList *self = data;

  g_hash_table_remove (self->live, where_the_object_was);
}

void
clip_article_list_track (ClipArticleList *self,
                         ClipArticleItem *item)
{
  g_hash_table_add (self->live, item);
  g_object_weak_ref (G_OBJECT (item), item_gone_cb, self);
}

void
clip_article_list_untrack_all (ClipArticleList *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    g_object_weak_unref (item, item_gone_cb, self);
  g_hash_table_remove_all (self->live);
}

ClipArticleItem *
clip_article_list_lookup (ClipArticleList *self,
                          gint64           id)
{
  GHashTableIter iter;
  gpointer item;

  g_return_val_if_fail (CLIP_IS_ARTICLE_LIST (self), NULL);

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (clip_article_item_get_id (item) == id)
      return item;
  return NULL;
}

void
clip_article_list_set_state (ClipArticleList *self,
                             gint64           id,
                             gboolean         read,
                             gint             flag)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (CLIP_IS_ARTICLE_LIST (self));

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (clip_article_item_get_id (item) == id)
      {
        clip_article_item_set_read (item, read);
        clip_article_item_set_flag (item, flag);
      }
}

gboolean
clip_article_list_contains (ClipArticleList *self,
                            gint64           id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Reads again the read and flag state of the items held (the Alerts
 * view marked many articles read). */
void
clip_article_list_refresh_state (ClipArticleList *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) rows = NULL;

  g_return_if_fail (CLIP_IS_ARTICLE_LIST (self));

  /* Held while the rows are read and set. */
  items = g_ptr_array_new_with_free_func (g_object_unref);
  {
    GHashTableIter iter;
    gpointer item;

    g_hash_table_iter_init (&iter, self->live);
    while (g_hash_table_iter_next (&iter, &item, NULL))
      g_ptr_array_add (items, g_object_ref (item));
  }
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), items->len);
  /* Each article once: a view's item and the one its row still shows. */
  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = clip_article_item_get_id (items->pdata[i]);

      if (!g_hash_table_contains (seen, &id))
        {
          g_array_append_val (ids, id);
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
        }
    }
  if (ids->len == 0 ||
      !(rows = clip_store_get_article_rows (self->reader, (gint64 *) ids->data, ids->len, NULL)))
    return;
  for (guint r = 0; r < rows->len; r++)
    g_hash_table_insert (by_id, &((ClipArticleRow *) rows->pdata[r])->id, rows->pdata[r]);
  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = clip_article_item_get_id (items->pdata[i]);
      const ClipArticleRow *row = g_hash_table_lookup (by_id, &id);

      if (row == NULL)
        continue;
      clip_article_item_set_read (items->pdata[i], row->read);
      clip_article_item_set_flag (items->pdata[i], row->flag);
    }
}

gint64
clip_article_list_get_id (ClipArticleList *self,
                          guint            position)
{
  g_return_val_if_fail (CLIP_IS_ARTICLE_LIST (self), 0);

  /* As list_get_item() counts the rows. */
  if (position < self->ids->len - self->hidden)
    return g_array_index (self->ids, gint64, position);
  if (self->old_ids != NULL && position >= self->ids->len &&
      position - self->ids->len < self->old_ids->len)
    return g_array_index (self->old_ids, gint64, position - self->ids->len);
  return 0;
}

GArray *
clip_article_list_dup_ids (ClipArticleList *self)
{
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (CLIP_IS_ARTICLE_LIST (self), copy);
  g_array_append_vals (copy, self->ids->data, self->ids->len);
  return copy;
}
