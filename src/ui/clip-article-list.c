/* clip-article-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "clip-article-list-private.h"
#include "clip-article-snippets.h"
#include "clip-store-listing.h"

/* Pages kept; a screen shows one or two. */
#define MAX_CACHED_PAGES 64

/* An empty list that gets many rows announces them in steps, one per
 * frame or so: GTK 4.8 makes and lays out a widget for every row it keeps
 * realised (about 200) in the frame after they appear, 150-300 ms at once.
 * A few rows come first, then more every REVEAL_MS (the screen is full
 * within about 40 ms); past the rows GTK realises, the rest at once. */
#define REVEAL_STEP      8
#define REVEAL_REALISED  240
#define REVEAL_MS        20

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClipArticleList, clip_article_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum { PROP_0, PROP_LOADING, PROP_STALE, PROP_N_ITEMS, N_PROPS };
static GParamSpec *props[N_PROPS];

enum { FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
clip_article_filter_clear (ClipArticleFilter *f)
{
  g_free ((char *) f->fts_query);
  g_free ((char *) f->tag);
  memset (f, 0, sizeof *f);
}

static void
filter_copy (ClipArticleFilter       *to,
             const ClipArticleFilter *from)
{
  clip_article_filter_clear (to);
  *to = *from;
  to->fts_query = g_strdup (from->fts_query);
  to->tag = g_strdup (from->tag);
}

/* GListModel */

static GType
list_get_item_type (GListModel *model)
{
  return CLIP_TYPE_ARTICLE_ITEM;
}

static guint
list_get_n_items (GListModel *model)
{
  ClipArticleList *self = CLIP_ARTICLE_LIST (model);

  return self->ids->len - self->hidden + (self->old_ids ? self->old_ids->len : 0);
}

static void set_loading (ClipArticleList *self, gboolean loading);

/* Every row is announced: no more steps, and the view has loaded. */
static void
reveal_finished (ClipArticleList *self)
{
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  if (self->loaded_pending)
    {
      self->loaded_pending = FALSE;
      set_loading (self, FALSE);
    }
}

static void
announce (ClipArticleList *self, guint n)
{
  guint shown = self->ids->len - self->hidden;

  self->hidden -= n;
  g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, n);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ITEMS]);
  if (self->hidden == 0)
    reveal_finished (self);
}

static gboolean
reveal_cb (gpointer data)
{
  ClipArticleList *self = data;
  guint shown = self->ids->len - self->hidden;
  guint n = shown + REVEAL_STEP >= REVEAL_REALISED ? self->hidden : MIN (REVEAL_STEP, self->hidden);
  gboolean more = n < self->hidden;

  if (!more)
    self->reveal_id = 0;
  announce (self, n);
  return more ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Views knew no rows: the ids are announced a screenful first. */
static void
announce_from_empty (ClipArticleList *self)
{
  guint n = self->ids->len;

  if (n <= REVEAL_STEP)
    {
      if (n > 0)
        announce (self, n);
      return;
    }
  announce (self, REVEAL_STEP);
  if (self->reveal_id == 0)
    self->reveal_id = g_timeout_add (REVEAL_MS, reveal_cb, self);
}

/* Everything, now: before the ids change under the views. */
static void
reveal_all (ClipArticleList *self)
{
  if (self->hidden > 0)
    announce (self, self->hidden);
}

static GHashTable *
pages_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
load_page (ClipArticleList *self,
           GArray          *view,
           GHashTable      *pages,
           guint            page)
{
  guint start = page * CLIP_ARTICLE_LIST_PAGE;
  guint n = MIN (CLIP_ARTICLE_LIST_PAGE, view->len - start);
  const gint64 *ids = &g_array_index (view, gint64, start);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = clip_store_get_article_rows (self->reader, ids, n, &error);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);
  guint r = 0;

  if (rows == NULL)
    g_debug ("Could not read articles: %s", error->message);
  else
    self->rows_read += rows->len;
  /* Rows come in the ids' order, without the ones removed meanwhile. */
  for (guint i = 0; i < n; i++)
    {
      ClipArticleRow *row = rows && r < rows->len ? g_ptr_array_index (rows, r) : NULL;

      if (row != NULL && row->id == ids[i])
        r++;
      else
        row = NULL;
      g_ptr_array_add (items, clip_article_item_new (ids[i], row));
      clip_article_list_track (self, g_ptr_array_index (items, i));
    }
  /* A search's rows get their snippets as they are read, a page at a time. */
  if (self->search != NULL && view == self->ids)
    clip_article_snippets_request (self->path, self->search, items, self->snippets_cancellable);
  if (g_hash_table_size (pages) >= MAX_CACHED_PAGES)
    g_hash_table_remove_all (pages);
  g_hash_table_insert (pages, GUINT_TO_POINTER (page), items);
  return items;
}

static ClipArticleItem *
item_at (ClipArticleList *self,
         GArray          *view,
         GHashTable      *pages,
         guint            position)
{
  guint page = position / CLIP_ARTICLE_LIST_PAGE;
  GPtrArray *items = g_hash_table_lookup (pages, GUINT_TO_POINTER (page));

  /* The last page may have been read before more results arrived. */
  if (items == NULL || position % CLIP_ARTICLE_LIST_PAGE >= items->len)
    items = load_page (self, view, pages, page);
  return g_object_ref (g_ptr_array_index (items, position % CLIP_ARTICLE_LIST_PAGE));
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  ClipArticleList *self = CLIP_ARTICLE_LIST (model);

  /* Rows not announced yet are no items of the model. */
  if (position < self->ids->len - self->hidden)
    return item_at (self, self->ids, self->pages, position);
  /* During a replacement, the previous view's rows are the same items. */
  if (self->old_ids != NULL && position - self->ids->len < self->old_ids->len)
    return item_at (self, self->old_ids, self->old_pages, position - self->ids->len);
  return NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

/* Loading the ids */

/* The previous view's rows give way to the first ones of the view shown
 * now; views keep the old rows on screen until then, rather than an
 * empty list that fills again. "stale" turns FALSE first, so a view can
 * let go of a selected row (GtkSingleSelection would otherwise look for
 * it among every new row) and go back to the top.
 *
 * The new rows are inserted above the old ones, then the old ones are
 * removed: a view that scrolls to the top in between (the article table
 * does) has GTK 4.8 rebind its row widgets to the new rows. Replacing
 * them in one change made it destroy and rebuild every row it keeps
 * realised (about 200 here, 60-100 ms at a million articles): it reuses
 * a row widget only for the same item, or when scrolling. */
static void
replace_ids (ClipArticleList *self,
             GArray          *ids)
{
  guint old_n, new_n = ids->len;

  reveal_all (self);
  old_n = self->ids->len;
  self->stale = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STALE]);
  self->old_ids = g_steal_pointer (&self->ids);
  self->old_pages = g_steal_pointer (&self->pages);
  self->ids = g_array_ref (ids);
  self->pages = pages_new ();
  if (old_n == 0)
    {
      g_clear_pointer (&self->old_ids, g_array_unref);
      g_clear_pointer (&self->old_pages, g_hash_table_unref);
      self->hidden = new_n;
      announce_from_empty (self);
      return;
    }
  if (new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
  g_clear_pointer (&self->old_ids, g_array_unref);
  g_clear_pointer (&self->old_pages, g_hash_table_unref);
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n, 0);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ITEMS]);
}

/* A part of a search's results, on its way to the main thread. */
typedef struct {
  ClipArticleList *list;
  guint            generation;
  GArray          *ids;
} Part;

static gboolean
append_part_cb (gpointer data)
{
  Part *part = data;
  ClipArticleList *self = part->list;
  guint old_n = self->ids->len;

  /* Only while the view that asked is the one shown: its first part
   * replaces the previous view's rows, the others follow it. */
  if (part->generation == self->generation && self->loading)
    {
      if (self->stale)
        {
          /* A copy: the list appends the later parts to its ids. */
          g_autoptr(GArray) first = g_array_copy (part->ids);

          replace_ids (self, first);
        }
      else if (self->hidden > 0)
        {
          /* Still being announced: these follow in the same steps. */
          g_array_append_vals (self->ids, part->ids->data, part->ids->len);
          self->hidden += part->ids->len;
        }
      else
        {
          g_array_append_vals (self->ids, part->ids->data, part->ids->len);
          g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, part->ids->len);
          g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ITEMS]);
        }
    }
  g_object_unref (part->list);
  g_array_unref (part->ids);
  g_free (part);
  return G_SOURCE_REMOVE;
}

/* Hands a part of a new view's ids to the list, on the list's thread. */
void
clip_article_list_post_part (ClipIdsQuery *q,
                             GArray       *ids)
{
  Part *part = g_new0 (Part, 1);
  GSource *source;

  part->list = g_object_ref (q->progressive);
  part->generation = q->generation;
  part->ids = g_array_ref (ids);
  /* Always through a source: g_main_context_invoke() runs it right
   * here, on this thread, whenever it can take the context (the main
   * thread between two iterations). At the default priority, the
   * parts still come before the task's own completion. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, append_part_cb, part, NULL);
  g_source_set_static_name (source, "[clippings] article list part");
  g_source_attach (source, q->context);
  g_source_unref (source);
}

static void
set_loading (ClipArticleList *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
}

/* New ids while rows are still being announced. A change among the rows
 * the views know, with the rest as it was (new articles at the top), is
 * said as it is; otherwise the known rows become the new ones. Either
 * way the rest follow in the same steps: showing every row first cost
 * one frame of 240 rows of cells, mid-refresh. */
static void
swap_ids_in_steps (ClipArticleList *self,
                   GArray          *ids)
{
  const gint64 *a = (const gint64 *) self->ids->data, *b = (const gint64 *) ids->data;
  guint old_n = self->ids->len, new_n = ids->len, shown = old_n - self->hidden;
  guint head = 0, tail = 0, keep, removed, added;

  while (head < old_n && head < new_n && a[head] == b[head])
    head++;
  while (tail < old_n - head && tail < new_n - head && a[old_n - 1 - tail] == b[new_n - 1 - tail])
    tail++;
  if (old_n - tail <= shown)
    {
      /* The change is among the known rows; the hidden ones stay so. */
      removed = old_n - head - tail;
      added = new_n - head - tail;
      keep = new_n - self->hidden;
    }
  else
    {
      keep = MIN (shown, new_n);
      head = MIN (head, keep);
      removed = shown - head;
      added = keep - head;
    }
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  g_hash_table_remove_all (self->pages);
  self->hidden = new_n - keep;
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head, removed, added);
  if (shown != keep)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ITEMS]);
  if (self->hidden == 0)
    reveal_finished (self);
  else if (self->reveal_id == 0)
    self->reveal_id = g_timeout_add (REVEAL_MS, reveal_cb, self);
}

/* Replaces the ids, telling views only what changed: the common head and
 * tail stay, so new articles at the top are one insertion. */
static void
swap_ids (ClipArticleList *self,
          GArray          *ids)
{
  const gint64 *a, *b;
  guint old_n, new_n = ids->len, head = 0, tail = 0;

  /* The same rows (a search that came in parts): the steps go on. */
  if (self->hidden > 0 && ids->len == self->ids->len &&
      memcmp (ids->data, self->ids->data, ids->len * sizeof (gint64)) == 0)
    return;
  if (self->hidden > 0)
    {
      swap_ids_in_steps (self, ids);
      return;
    }
  a = (const gint64 *) self->ids->data;
  b = (const gint64 *) ids->data;
  old_n = self->ids->len;
  if (old_n == 0)
    {
      g_array_unref (self->ids);
      self->ids = g_array_ref (ids);
      g_hash_table_remove_all (self->pages);
      self->hidden = new_n;
      announce_from_empty (self);
      return;
    }
  while (head < old_n && head < new_n && a[head] == b[head])
    head++;
  while (tail < old_n - head && tail < new_n - head &&
         a[old_n - 1 - tail] == b[new_n - 1 - tail])
    tail++;
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  /* Positions moved: cached pages no longer line up. */
  g_hash_table_remove_all (self->pages);
  if (old_n - head - tail > 0 || new_n - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail,
                                new_n - head - tail);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ITEMS]);
}

static void
ids_loaded_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(ClipArticleList) self = user_data;
  ClipIdsQuery *q = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_task_propagate_pointer (G_TASK (res), &error);

  if (q->generation != self->generation)
    return;   /* a newer view was asked for meanwhile */
  if (ids == NULL)
    {
      g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));

      /* A view that cannot be read shows nothing, not the previous one. */
      if (self->stale)
        replace_ids (self, none);
      set_loading (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  /* A view with no rows, or read at once, replaces the previous one now;
   * one that came in parts already has them, and a reload changes only
   * what differs. */
  if (self->stale)
    replace_ids (self, ids);
  else
    swap_ids (self, ids);
  /* Loaded once every row is announced. */
  if (self->hidden > 0)
    self->loaded_pending = TRUE;
  else
    set_loading (self, FALSE);
}

static void
start_query (ClipArticleList *self,
             gboolean         progressive)
{
  g_autoptr(GTask) task = NULL;
  ClipIdsQuery *q = g_new0 (ClipIdsQuery, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  q->path = g_strdup (self->path);
  filter_copy (&q->filter, &self->filter);
  q->search = g_strdup (self->search);
  q->sort = self->sort;
  q->ascending = self->ascending;
  q->generation = ++self->generation;
  self->loaded_pending = FALSE;
  q->progressive = progressive ? g_object_ref (self) : NULL;
  q->context = g_main_context_ref_thread_default ();
  task = g_task_new (NULL, self->cancellable, ids_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_query);
  g_task_set_task_data (task, q, (GDestroyNotify) clip_ids_query_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, clip_article_list_ids_thread);
}

void
clip_article_list_set_view (ClipArticleList         *self,
                            const ClipArticleFilter *filter,
                            const char              *search,
                            ClipSort                 sort,
                            gboolean                 ascending)
{
  static const ClipArticleFilter none = { 0 };

  g_return_if_fail (CLIP_IS_ARTICLE_LIST (self));

  filter_copy (&self->filter, filter ? filter : &none);
  g_free (self->search);
  self->search = search && *search ? g_strdup (search) : NULL;
  g_cancellable_cancel (self->snippets_cancellable);
  g_object_unref (self->snippets_cancellable);
  self->snippets_cancellable = g_cancellable_new ();
  self->sort = sort;
  self->ascending = ascending;
  /* The rows shown stay until the new view's first ones replace them:
   * emptying the list now made views drop every row widget, then build
   * them all again a moment later. */
  if (!self->stale)
    {
      self->stale = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STALE]);
    }
  start_query (self, TRUE);
}

void
clip_article_list_show_nothing (ClipArticleList *self)
{
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (CLIP_IS_ARTICLE_LIST (self));

  g_cancellable_cancel (self->cancellable);
  self->generation++;
  g_clear_pointer (&self->search, g_free);
  if (!self->stale)
    {
      self->stale = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STALE]);
    }
  replace_ids (self, none);
  self->loaded_pending = FALSE;
  set_loading (self, FALSE);
}

void
clip_article_list_reload (ClipArticleList *self)
{
  g_return_if_fail (CLIP_IS_ARTICLE_LIST (self));

  start_query (self, FALSE);
}

gboolean
clip_article_list_is_loading (ClipArticleList *self)
{
  return self->loading;
}

gboolean
clip_article_list_is_stale (ClipArticleList *self)
{
  return self->stale;
}

guint
clip_article_list_get_total (ClipArticleList *self)
{
  g_return_val_if_fail (CLIP_IS_ARTICLE_LIST (self), 0);
  return self->ids->len;
}

guint
clip_article_list_find (ClipArticleList *self,
                        gint64           id)
{
  /* A position the views know of. */
  reveal_all (self);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

guint
clip_article_list_get_rows_read (ClipArticleList *self)
{
  return self->rows_read;
}

ClipArticleList *
clip_article_list_new (ClipStore *reader)
{
  ClipArticleList *self;

  g_return_val_if_fail (CLIP_IS_STORE (reader), NULL);

  self = g_object_new (CLIP_TYPE_ARTICLE_LIST, NULL);
  self->reader = g_object_ref (reader);
  self->path = g_strdup (clip_store_get_path (reader));
  return self;
}

static void
clip_article_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClipArticleList *self = CLIP_ARTICLE_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, list_get_n_items (G_LIST_MODEL (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clip_article_list_dispose (GObject *object)
{
  ClipArticleList *self = CLIP_ARTICLE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->snippets_cancellable);
  g_clear_object (&self->snippets_cancellable);
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  g_clear_object (&self->reader);
  /* Views may hold items longer than the list lives. */
  clip_article_list_untrack_all (self);
  G_OBJECT_CLASS (clip_article_list_parent_class)->dispose (object);
}

static void
clip_article_list_finalize (GObject *object)
{
  ClipArticleList *self = CLIP_ARTICLE_LIST (object);

  clip_article_filter_clear (&self->filter);
  g_free (self->search);
  g_array_unref (self->ids);
  g_hash_table_unref (self->pages);
  g_hash_table_unref (self->live);
  g_free (self->path);
  G_OBJECT_CLASS (clip_article_list_parent_class)->finalize (object);
}

static void
clip_article_list_class_init (ClipArticleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = clip_article_list_get_property;
  object_class->dispose = clip_article_list_dispose;
  object_class->finalize = clip_article_list_finalize;

  props[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                              G_PARAM_STATIC_STRINGS);
  props[PROP_STALE] = g_param_spec_boolean ("stale", NULL, NULL, FALSE,
                                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                            G_PARAM_STATIC_STRINGS);
  props[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                           G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /* The view could not be read (e.g. a search FTS5 refuses): a message. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
clip_article_list_init (ClipArticleList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = pages_new ();
  self->live = g_hash_table_new (NULL, NULL);
  self->snippets_cancellable = g_cancellable_new ();
}
