/* clip-page-model.c — what repeats on an outlet's pages
 *
 * A page's blocks (elements without block children, and small containers
 * such as a menu's list) are identified by a hash of their text with
 * spacing and ASCII case folded; the model counts on how many learned
 * pages each occurs, and likewise each date (to the minute) read from the
 * pages' date lines. A block or date found on most pages (at least two,
 * and 60% of them) is the outlet's boilerplate: a menu, a footer, a
 * "MORE HEADLINES" list, a clock that showed the same time on pages
 * fetched together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-page-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#define MODEL_VERSION 1
#define MAX_BLOCK_TEXT 4000
#define SMALL_CONTAINER 300

struct _ClipPageModel {
  guint       n_pages;
  GHashTable *counts;   /* guint64 hash (boxed) → count */
};

static guint
hash64 (gconstpointer key)
{
  return g_int64_hash (key);
}

static gboolean
equal64 (gconstpointer a, gconstpointer b)
{
  return g_int64_equal (a, b);
}

ClipPageModel *
clip_page_model_new (void)
{
  ClipPageModel *m = g_new0 (ClipPageModel, 1);

  m->counts = g_hash_table_new_full (hash64, equal64, g_free, NULL);
  return m;
}

void
clip_page_model_free (ClipPageModel *model)
{
  if (model == NULL)
    return;
  g_hash_table_unref (model->counts);
  g_free (model);
}

guint
clip_page_model_get_n_pages (const ClipPageModel *model)
{
  return model->n_pages;
}

gboolean
clip_page_model_knows (const ClipPageModel *model, guint64 hash)
{
  guint count, needed;

  if (model == NULL || model->n_pages < 2)
    return FALSE;
  count = GPOINTER_TO_UINT (g_hash_table_lookup (model->counts, &hash));
  needed = MAX (2, (model->n_pages * 6 + 9) / 10);
  return count >= needed;
}

/* The blocks the model counts: no block children, or small. */
static gboolean
is_block (NodeInfo *ni)
{
  if (ni->text == 0 || ni->text > MAX_BLOCK_TEXT || (ni->flags & NI_SKIP))
    return FALSE;
  if (!(clip_page_tag_kind (ni->tag) & K_BLOCK) || ni->tag == T_BR || ni->tag == T_BODY ||
      ni->tag == T_HTML)
    return FALSE;
  return !(ni->flags & NI_BLOCKS) || ni->text <= SMALL_CONTAINER;
}

typedef void (*BlockFunc) (PageDoc *pd, xmlNodePtr node, guint64 hash, gpointer data);

static void
each_block (PageDoc *pd, BlockFunc func, gpointer data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (xmlNodePtr n = pd->body; n; )
    {
      NodeInfo *ni = n->type == XML_ELEMENT_NODE ? INFO (n) : NULL;
      gboolean skip = ni == NULL || (ni->flags & NI_SKIP);

      if (!skip && is_block (ni))
        {
          g_string_truncate (text, 0);
          clip_page_node_text (n, text, 0);
          func (pd, n, clip_page_text_hash (text->str, text->len), data);
        }
      n = clip_page_next (n, pd->body, skip);
    }
}

static void
mark_block (PageDoc *pd, xmlNodePtr node, guint64 hash, gpointer data)
{
  if (clip_page_model_knows (pd->options->model, hash))
    INFO (node)->flags |= NI_BOILER;
}

void
clip_page_mark_boilerplate (PageDoc *pd)
{
  if (pd->options->model && pd->options->model->n_pages >= 2)
    each_block (pd, mark_block, NULL);
}

static void
add_block (PageDoc *pd, xmlNodePtr node, guint64 hash, gpointer data)
{
  g_hash_table_add (data, g_memdup2 (&hash, sizeof hash));
}

static void
add_dates (PageDoc *pd, const char *line, gsize len, guint place, gpointer data)
{
  gint64 dates[4];
  guint n = clip_page_find_dates (line, len, dates, G_N_ELEMENTS (dates));

  for (guint i = 0; i < n; i++)
    {
      guint64 hash = clip_page_date_hash (dates[i]);

      g_hash_table_add (data, g_memdup2 (&hash, sizeof hash));
    }
}

GHashTable *
clip_page_blocks (PageDoc *pd)
{
  GHashTable *set = g_hash_table_new_full (hash64, equal64, g_free, NULL);

  each_block (pd, add_block, set);
  clip_page_each_date_line (pd, add_dates, set);
  return set;
}

/* Keeps the model small: the rarest entries go first. */
static void
prune (ClipPageModel *m)
{
  for (guint floor = 1; g_hash_table_size (m->counts) > CLIP_PAGE_MODEL_MAX_ENTRIES; floor++)
    {
      GHashTableIter it;
      gpointer key, value;

      g_hash_table_iter_init (&it, m->counts);
      while (g_hash_table_iter_next (&it, &key, &value))
        if (GPOINTER_TO_UINT (value) <= floor)
          g_hash_table_iter_remove (&it);
    }
}

gboolean
clip_page_model_learn (ClipPageModel *model, const char *data, gsize len,
                       const ClipPageOptions *options)
{
  ClipPageOptions defaults;
  g_autoptr(ClipPage) page = NULL;
  g_autoptr(GHashTable) set = NULL;
  GHashTableIter it;
  gpointer key;
  PageDoc pd;

  if (options == NULL)
    {
      clip_page_options_init (&defaults);
      options = &defaults;
    }
  page = clip_page_new (options);   /* holds the problems, unread */
  if (!clip_page_doc_open (&pd, page, data ? data : "", data ? len : 0, options))
    {
      clip_page_doc_close (&pd);
      return FALSE;
    }
  set = clip_page_blocks (&pd);
  clip_page_doc_close (&pd);
  if (g_hash_table_size (set) == 0)
    return FALSE;
  model->n_pages++;
  g_hash_table_iter_init (&it, set);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (model->counts, key));

      g_hash_table_insert (model->counts, g_memdup2 (key, sizeof (guint64)),
                           GUINT_TO_POINTER (count + 1));
    }
  prune (model);
  return TRUE;
}

GBytes *
clip_page_model_serialize (const ClipPageModel *model)
{
  GString *out = g_string_new (NULL);
  GHashTableIter it;
  gpointer key, value;
  gboolean first = TRUE;

  g_string_append_printf (out, "{\"version\":%d,\"pages\":%u,\"blocks\":{", MODEL_VERSION,
                          model->n_pages);
  g_hash_table_iter_init (&it, model->counts);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      g_string_append_printf (out, "%s\"%016" G_GINT64_MODIFIER "x\":%u", first ? "" : ",",
                              *(guint64 *) key, GPOINTER_TO_UINT (value));
      first = FALSE;
    }
  g_string_append (out, "}}\n");
  return g_string_free_to_bytes (out);
}

static gboolean
read_blocks (ClipPageModel *m, JsonObject *blocks, GError **error)
{
  g_autoptr(GList) members = json_object_get_members (blocks);

  if (g_list_length (members) > CLIP_PAGE_MODEL_MAX_ENTRIES)
    goto bad;
  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;
      JsonNode *v = json_object_get_member (blocks, name);
      char *end = NULL;
      guint64 hash;
      gint64 count;

      if (strlen (name) != 16 || !JSON_NODE_HOLDS_VALUE (v) ||
          json_node_get_value_type (v) != G_TYPE_INT64)
        goto bad;
      hash = g_ascii_strtoull (name, &end, 16);
      count = json_node_get_int (v);
      if (*end != '\0' || count < 1 || count > m->n_pages)
        goto bad;
      g_hash_table_insert (m->counts, g_memdup2 (&hash, sizeof hash), GUINT_TO_POINTER ((guint) count));
    }
  return TRUE;
bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
               _("The outlet's page model is damaged"));
  return FALSE;
}

ClipPageModel *
clip_page_model_deserialize (GBytes *bytes, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ClipPageModel) m = clip_page_model_new ();
  JsonNode *root;
  JsonObject *o;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (!json_parser_load_from_data (parser, data, len, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      json_object_get_int_member_with_default (o = json_node_get_object (root), "version", 0) != MODEL_VERSION ||
      !json_object_has_member (o, "blocks") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "blocks")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                   _("The outlet's page model is damaged"));
      return NULL;
    }
  m->n_pages = (guint) CLAMP (json_object_get_int_member_with_default (o, "pages", 0), 0, G_MAXINT);
  if (!read_blocks (m, json_object_get_object_member (o, "blocks"), error))
    return NULL;
  return g_steal_pointer (&m);
}
