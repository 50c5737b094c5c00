/* clip-article-list-state.c — the article list's rows read so far: found
 * by article, and their read and flag state read again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-article-list-private.h"
#include "clip-store-listing.h"

ClipArticleItem *
clip_article_list_lookup (ClipArticleList *self,
                          gint64           id)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (CLIP_IS_ARTICLE_LIST (self), NULL);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    for (guint i = 0; i < ((GPtrArray *) value)->len; i++)
      if (clip_article_item_get_id (g_ptr_array_index ((GPtrArray *) value, i)) == id)
        return g_ptr_array_index ((GPtrArray *) value, i);
  return NULL;
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

/* Reads again the read and flag state of the rows read so far (the
 * Alerts view marked many articles read). */
void
clip_article_list_refresh_state (ClipArticleList *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (CLIP_IS_ARTICLE_LIST (self));

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *items = value;
      g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), items->len);
      g_autoptr(GPtrArray) rows = NULL;

      for (guint i = 0; i < items->len; i++)
        {
          gint64 id = clip_article_item_get_id (items->pdata[i]);

          g_array_append_val (ids, id);
        }
      if (!(rows = clip_store_get_article_rows (self->reader, (gint64 *) ids->data, ids->len, NULL)))
        continue;
      for (guint i = 0, r = 0; i < items->len && r < rows->len; i++)
        {
          const ClipArticleRow *row = rows->pdata[r];

          if (row->id != clip_article_item_get_id (items->pdata[i]))
            continue;
          clip_article_item_set_read (items->pdata[i], row->read);
          clip_article_item_set_flag (items->pdata[i], row->flag);
          r++;
        }
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
