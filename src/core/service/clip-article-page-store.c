/* clip-article-page-store.c — a fetched article page into the archive,
 * and the ingest hook that says which new articles' pages to fetch
 *
 * Runs on the writer's thread (the service's).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-article-page.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>

static ClipPageModel *
load_model (ClipStore *writer, gint64 outlet_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = clip_store_get_page_model (writer, outlet_id, &error);
  ClipPageModel *model = bytes ? clip_page_model_deserialize (bytes, NULL) : NULL;

  /* A model that cannot be read is learned again from the next pages. */
  return model ? model : clip_page_model_new ();
}

static ClipPageState
record_failure (ClipStore *writer, gint64 id, ClipPageState state, const char *message,
                const char *url, GError **error)
{
  ClipStoredPage p = { 0 };

  p.state = state;
  p.error = (char *) message;
  p.url = (char *) url;
  p.fetched = g_get_real_time () / G_USEC_PER_SEC;
  p.published = CLIP_NO_DATE;
  if (!clip_store_save_page (writer, id, &p, error))
    return CLIP_PAGE_STATE_NONE;
  return state;
}

/* Keeps the page as served, when the article is worth the evidence. A
 * copy that cannot be written is said, and the text stays stored. */
static void
keep_evidence (ClipStore *writer, gint64 id, const char *url, const ClipFetchResponse *r, gint64 now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipEvidence) e = NULL;
  gboolean marked = FALSE;

  if (!clip_store_article_is_marked (writer, id, &marked, &error) || !marked)
    {
      if (error)
        g_message ("Could not check article %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }
  e = clip_article_evidence_new (id, url, r, now);
  if (!clip_store_save_evidence (writer, e, r->body, &error))
    g_message ("Could not keep the page of article %" G_GINT64_FORMAT ": %s", id, error->message);
}

ClipPageState
clip_article_page_store (ClipStore               *writer,
                         gint64                   id,
                         const ClipFetchResponse *r,
                         GError                 **error)
{
  g_autoptr(ClipArticle) a = clip_store_get_article (writer, id, error);
  g_autoptr(ClipPageModel) model = NULL;
  g_autoptr(ClipPage) page = NULL;
  g_autoptr(ClipStoredPage) stored = NULL;
  g_autoptr(GBytes) learned = NULL;
  ClipPageOptions options;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gsize len = 0;
  const char *data;

  if (a == NULL)
    return CLIP_PAGE_STATE_NONE;
  if (r->error != NULL)
    return record_failure (writer, id, CLIP_PAGE_STATE_FAILED, r->error->message, r->url, error);
  data = r->body ? g_bytes_get_data (r->body, &len) : NULL;
  model = load_model (writer, a->outlet_id);
  clip_page_options_init (&options);
  options.url = r->url ? r->url : a->url;
  options.content_type = r->content_type;
  options.fetch_time = now;
  options.model = model;
  page = clip_page_extract (data ? data : "", len, &options);
  stored = clip_article_page_build (a, page, options.url, now);
  /* Learned after extracting: a page must not count as its own repeat. */
  if (clip_page_model_learn (model, data ? data : "", len, &options))
    learned = clip_page_model_serialize (model);
  if (learned != NULL && !clip_store_set_page_model (writer, a->outlet_id, learned, error))
    return CLIP_PAGE_STATE_NONE;
  if (!clip_store_save_page (writer, id, stored, error))
    return CLIP_PAGE_STATE_NONE;
  if (stored->state == CLIP_PAGE_STATE_FETCHED)
    keep_evidence (writer, id, a->url, r, now);
  return stored->state;
}

/* The outlet's Full text setting, or -1 when it cannot be read. */
static gint
outlet_mode (ClipStore *store, gint64 outlet_id, GError **error)
{
  g_autoptr(ClipOutlet) o = clip_store_get_outlet (store, outlet_id, error);

  return o ? (gint) o->full_text : -1;
}

static gboolean
has_match (ClipStore *store, gint64 id, gboolean *matched, GError **error)
{
  return clip_store_article_is_marked (store, id, matched, error);
}

static gboolean
want_changed_evidence (ClipStore *store, const GArray *ids, const ClipIngestBatch *batch,
                       GError **error)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < ids->len; i++)
    if (!g_hash_table_contains (batch->added, &g_array_index (ids, gint64, i)))
      g_array_append_val (changed, g_array_index (ids, gint64, i));
  return clip_store_want_evidence_of (store, changed, error);
}

/* Runs after the rules' hook, so that a matched article is known. */
static gboolean
want_new_pages (ClipStore *store, const GArray *ids, gpointer data, GError **error)
{
  const ClipIngestBatch *batch = clip_store_get_ingest_batch (store);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint mode;

  /* A page's own arrival (no batch): its copy is kept as it is stored. */
  if (batch == NULL)
    return TRUE;
  /* Articles changed in place had their pages decided when they were
   * new; one that a rule matches only now wants its copy (as any newly
   * matched article does). */
  if (g_hash_table_size (batch->added) < ids->len && !want_changed_evidence (store, ids, batch, error))
    return FALSE;
  if (g_hash_table_size (batch->added) == 0)
    return TRUE;
  mode = outlet_mode (store, batch->outlet_id, error);
  if (mode < 0)
    return FALSE;
  if (mode == CLIP_FULL_TEXT_NEVER)
    return TRUE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      const ClipArticle *a = g_hash_table_lookup (batch->added, &id);
      gboolean matched = FALSE;

      if (a == NULL || !clip_full_text_wanted (CLIP_FULL_TEXT_ALWAYS, a))
        continue;
      if (!clip_full_text_wanted ((ClipFullText) mode, a) && !has_match (store, id, &matched, error))
        return FALSE;
      if (clip_full_text_wanted ((ClipFullText) mode, a) || matched)
        g_array_append_val (wanted, id);
    }
  return clip_store_want_pages (store, wanted, FALSE, error);
}

void
clip_article_pages_watch_ingest (ClipStore *writer)
{
  clip_store_add_ingest_hook (writer, want_new_pages, NULL, NULL);
}
