/* clip-story-window.c — stories in a span of time: each a centroid of its
 * articles' keys; an article joins the story whose centroid is nearest
 * (cosine, keys weighted by kind and rarity in the window) when near
 * enough, else starts one
 *
 * Across languages only names, numbers and dates compare: an article is
 * compared with a story in the space of what they can share (stems too
 * when the story has articles in the article's language).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-stories-private.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

/* Stories scored in full for one article, at most. */
#define MAX_CANDIDATES 24

typedef struct {
  guint64 hash;
  guint32 count;       /* the story's articles with the key */
  guint8  kind;
  guint8  lang;
} SKey;

typedef struct {
  gint64  id;
  gint64  first;
  gint64  last;
  guint   n;
  guint   n_lang[CLIP_STORY_N_LANGS];
  GArray *keys;        /* SKey, by hash */
  gboolean dead;
  guint   stamp;       /* the article being placed, when a candidate */
  guint   cand;        /* its place among the candidates */
} Story;

typedef struct {
  guint32 df;          /* the window's articles with the key */
  guint32 head;        /* first posting + 1 */
} KeyInfo;

typedef struct {
  guint32 story;
  guint32 next;        /* + 1 */
} Posting;

struct _ClipStoryWindow {
  gint64     lo;
  gint64     hi;
  GPtrArray *stories;  /* Story*, by slot */
  ClipU64Map by_id;    /* story id → slot + 1 (0: left) */
  ClipU64Map keymap;   /* key → KeyInfo index + 1 */
  GArray    *info;     /* KeyInfo */
  GArray    *postings; /* Posting */
  ClipU64Map names;    /* name keys some article wrote as a name */
  guint      n_articles;
  guint      n_dead;
  guint      stamp;
};

static void
story_free (gpointer p)
{
  Story *s = p;

  if (s == NULL)
    return;
  g_array_unref (s->keys);
  g_free (s);
}

ClipStoryWindow *
_clip_story_window_new (gint64 lo, gint64 hi)
{
  ClipStoryWindow *w = g_new0 (ClipStoryWindow, 1);

  w->lo = lo;
  w->hi = hi;
  w->stories = g_ptr_array_new_with_free_func (story_free);
  _clip_u64_map_init (&w->by_id);
  _clip_u64_map_init (&w->keymap);
  _clip_u64_map_init (&w->names);
  w->info = g_array_new (FALSE, FALSE, sizeof (KeyInfo));
  w->postings = g_array_new (FALSE, FALSE, sizeof (Posting));
  return w;
}

void
_clip_story_window_free (ClipStoryWindow *w)
{
  if (w == NULL)
    return;
  g_ptr_array_unref (w->stories);
  _clip_u64_map_clear (&w->by_id);
  _clip_u64_map_clear (&w->keymap);
  _clip_u64_map_clear (&w->names);
  g_array_unref (w->info);
  g_array_unref (w->postings);
  g_free (w);
}

gint64
_clip_story_window_lo (ClipStoryWindow *w)
{
  return w->lo;
}

gint64
_clip_story_window_hi (ClipStoryWindow *w)
{
  return w->hi;
}

gboolean
_clip_story_window_covers (ClipStoryWindow *w, gint64 time)
{
  return time >= w->lo && time <= w->hi;
}

gsize
_clip_story_window_bytes (const ClipStoryWindow *w)
{
  gsize bytes = sizeof *w + _clip_u64_map_bytes (&w->by_id) + _clip_u64_map_bytes (&w->keymap) +
                _clip_u64_map_bytes (&w->names) + w->info->len * sizeof (KeyInfo) +
                w->postings->len * sizeof (Posting);

  for (guint i = 0; i < w->stories->len; i++)
    {
      Story *s = g_ptr_array_index (w->stories, i);
      bytes += sizeof *s + s->keys->len * sizeof (SKey);
    }
  return bytes;
}

static KeyInfo *
key_info (ClipStoryWindow *w, guint64 hash, gboolean add)
{
  guint32 *v = add ? _clip_u64_map_insert (&w->keymap, hash)
                   : _clip_u64_map_lookup (&w->keymap, hash);

  if (v == NULL)
    return NULL;
  if (*v == 0)
    {
      KeyInfo info = { 0, 0 };

      g_array_append_val (w->info, info);
      *v = w->info->len;
    }
  return &g_array_index (w->info, KeyInfo, *v - 1);
}

static SKey *
find_key (GArray *keys, guint64 hash, guint *at)
{
  guint lo = 0, hi = keys->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      SKey *k = &g_array_index (keys, SKey, mid);

      if (k->hash == hash)
        return k;
      if (k->hash < hash)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (at)
    *at = lo;
  return NULL;
}

static Story *
story_slot (ClipStoryWindow *w, gint64 story_id, guint *slot)
{
  guint32 *v = _clip_u64_map_insert (&w->by_id, (guint64) story_id);
  Story *s;

  if (*v)
    {
      *slot = *v - 1;
      return g_ptr_array_index (w->stories, *slot);
    }
  s = g_new0 (Story, 1);
  s->id = story_id;
  s->first = G_MAXINT64;
  s->last = G_MININT64;
  s->keys = g_array_new (FALSE, FALSE, sizeof (SKey));
  g_ptr_array_add (w->stories, s);
  *slot = w->stories->len - 1;
  *v = *slot + 1;
  return s;
}

static void
story_add_key (ClipStoryWindow *w, Story *s, guint slot, const ClipStoryKey *k)
{
  KeyInfo *info = key_info (w, k->hash, TRUE);
  guint at = 0;
  SKey *sk = find_key (s->keys, k->hash, &at);

  info->df++;
  if (sk)
    {
      sk->count++;
      return;
    }
  {
    SKey nk = { k->hash, 1, k->kind, k->lang };
    Posting p = { slot, info->head };

    g_array_insert_val (s->keys, at, nk);
    g_array_append_val (w->postings, p);
    info->head = w->postings->len;
  }
}

void
_clip_story_window_add (ClipStoryWindow *w,
                        gint64           story_id,
                        gint64           time,
                        guint            lang,
                        const GArray    *keys)
{
  guint slot;
  Story *s = story_slot (w, story_id, &slot);

  s->first = MIN (s->first, time);
  s->last = MAX (s->last, time);
  s->n++;
  s->n_lang[lang]++;
  w->n_articles++;
  for (guint i = 0; i < keys->len; i++)
    {
      const ClipStoryKey *k = &g_array_index (keys, ClipStoryKey, i);

      if (k->kind == CLIP_STORY_KEY_NAME && (k->flags & CLIP_STORY_KEY_CASED))
        *_clip_u64_map_insert (&w->names, k->hash) = 1;
      story_add_key (w, s, slot, k);
    }
}

static KeyInfo *key_info (ClipStoryWindow *w, guint64 hash, gboolean add);

/* A key counts when it says something: not in more than a twentieth of
 * the window's articles (a common word, an outlet's boilerplate; as if
 * among 500 at least), and a name key once some article wrote it as a
 * name. */
static gboolean
usable (ClipStoryWindow *w, guint kind, guint64 hash)
{
  KeyInfo *info = key_info (w, hash, FALSE);

  if (info && info->df * 20 > MAX (w->n_articles, 500))
    return FALSE;
  return kind != CLIP_STORY_KEY_NAME || _clip_u64_map_lookup (&w->names, hash) != NULL;
}

static const double kind_weight[] = { 1.0, 2.0, 1.5, 2.0 };

static double
idf (ClipStoryWindow *w, guint64 hash)
{
  KeyInfo *info = key_info (w, hash, FALSE);
  double df = info ? info->df : 0;

  /* As if among 500 articles at least: in a quiet window (a slow day, a
   * small archive) an event's own words would else count for little
   * because they are all the window holds. */
  return log ((MAX (w->n_articles, 500) + 1.0) / (df + 0.5));
}

static double
story_weight (ClipStoryWindow *w, const Story *s, const SKey *k)
{
  guint n = k->kind == CLIP_STORY_KEY_WORD ? s->n_lang[k->lang] : s->n;

  return kind_weight[k->kind] * MAX (idf (w, k->hash), 0.05) * k->count / MAX (n, 1);
}

static double
cosine (ClipStoryWindow *w, const Story *s, guint lang, const GArray *keys)
{
  gboolean same = s->n_lang[lang] > 0;
  double dot = 0, na = 0, ns = 0;

  for (guint i = 0; i < keys->len; i++)
    {
      const ClipStoryKey *k = &g_array_index (keys, ClipStoryKey, i);
      double wa;
      SKey *sk;

      if ((k->kind == CLIP_STORY_KEY_WORD && !same) || !usable (w, k->kind, k->hash))
        continue;
      wa = kind_weight[k->kind] * MAX (idf (w, k->hash), 0.05) *
           (k->flags & CLIP_STORY_KEY_IN_TITLE ? 1.5 : 1.0);
      na += wa * wa;
      if ((sk = find_key (s->keys, k->hash, NULL)) != NULL)
        dot += wa * story_weight (w, s, sk);
    }
  if (dot == 0)
    return 0;
  for (guint i = 0; i < s->keys->len; i++)
    {
      const SKey *sk = &g_array_index (s->keys, SKey, i);
      double ws;

      if ((sk->kind == CLIP_STORY_KEY_WORD && sk->lang != lang) ||
          !usable (w, sk->kind, sk->hash))
        continue;
      ws = story_weight (w, s, sk);
      ns += ws * ws;
    }
  return dot / sqrt (na * ns);
}

typedef struct {
  guint  slot;
  double shared;
} Cand;

static int
compare_cands (gconstpointer a, gconstpointer b)
{
  const Cand *x = a, *y = b;

  return (x->shared < y->shared) - (x->shared > y->shared);
}

/* Stories of the window near time that share a rare key (in at most one
 * article in 200, or 16), the ones sharing the most weight first: only
 * these are scored in full. Rare keys are what an event's articles have in
 * common (its names, its numbers), and they keep the lists short. */
static GArray *
candidates (ClipStoryWindow *w, gint64 time, const GArray *keys)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Cand));
  guint rare = MAX (16, w->n_articles / 200);

  w->stamp++;
  for (guint i = 0; i < keys->len; i++)
    {
      const ClipStoryKey *k = &g_array_index (keys, ClipStoryKey, i);
      KeyInfo *info = key_info (w, k->hash, FALSE);
      double weight;

      if (info == NULL || info->df > rare || !usable (w, k->kind, k->hash))
        continue;
      weight = kind_weight[k->kind] * idf (w, k->hash);
      for (guint32 p = info->head; p;)
        {
          const Posting *post = &g_array_index (w->postings, Posting, p - 1);
          Story *s = g_ptr_array_index (w->stories, post->story);

          p = post->next;
          if (s->dead || s->last < time - CLIP_STORY_WINDOW || s->first > time + CLIP_STORY_WINDOW)
            continue;
          if (s->stamp != w->stamp)
            {
              Cand c = { post->story, 0 };

              s->stamp = w->stamp;
              s->cand = out->len;
              g_array_append_val (out, c);
            }
          g_array_index (out, Cand, s->cand).shared += weight * weight;
        }
    }
  g_array_sort (out, compare_cands);
  if (out->len > MAX_CANDIDATES)
    g_array_set_size (out, MAX_CANDIDATES);
  return out;
}

gint64
_clip_story_window_best (ClipStoryWindow *w,
                         gint64           time,
                         guint            lang,
                         const GArray    *keys,
                         double          *score)
{
  g_autoptr(GArray) cands = candidates (w, time, keys);
  gint64 best = 0;
  double best_score = 0;

  for (guint i = 0; i < cands->len; i++)
    {
      Story *s = g_ptr_array_index (w->stories, g_array_index (cands, Cand, i).slot);
      double c = cosine (w, s, lang, keys);

      if (c > best_score)
        {
          best_score = c;
          best = s->id;
        }
    }
  if (score)
    *score = best_score;
  return best_score >= CLIP_STORY_JOIN ? best : 0;
}

/* Rebuilds the key table and postings from the stories still in. */
static void
compact (ClipStoryWindow *w)
{
  GPtrArray *old = w->stories;

  w->stories = g_ptr_array_new_with_free_func (story_free);
  _clip_u64_map_clear (&w->by_id);
  _clip_u64_map_clear (&w->keymap);
  _clip_u64_map_init (&w->by_id);
  _clip_u64_map_init (&w->keymap);
  g_array_set_size (w->info, 0);
  g_array_set_size (w->postings, 0);
  w->n_dead = 0;
  for (guint i = 0; i < old->len; i++)
    {
      Story *s = g_ptr_array_index (old, i);
      guint slot = w->stories->len;

      if (s->dead)
        continue;
      old->pdata[i] = NULL;
      g_ptr_array_add (w->stories, s);
      *_clip_u64_map_insert (&w->by_id, (guint64) s->id) = slot + 1;
      for (guint k = 0; k < s->keys->len; k++)
        {
          SKey *sk = &g_array_index (s->keys, SKey, k);
          KeyInfo *info = key_info (w, sk->hash, TRUE);
          Posting p = { slot, info->head };

          info->df += sk->count;
          g_array_append_val (w->postings, p);
          info->head = w->postings->len;
        }
    }
  g_ptr_array_unref (old);
}

static void
evict (ClipStoryWindow *w, Story *s)
{
  s->dead = TRUE;
  w->n_dead++;
  w->n_articles -= s->n;
  *_clip_u64_map_lookup (&w->by_id, (guint64) s->id) = 0;
  for (guint k = 0; k < s->keys->len; k++)
    key_info (w, g_array_index (s->keys, SKey, k).hash, FALSE)->df -=
        g_array_index (s->keys, SKey, k).count;
}

void
_clip_story_window_drop (ClipStoryWindow *w,
                         gint64           story_id)
{
  guint32 *slot = _clip_u64_map_lookup (&w->by_id, (guint64) story_id);

  if (slot && *slot)
    evict (w, g_ptr_array_index (w->stories, *slot - 1));
}

void
_clip_story_window_slide (ClipStoryWindow *w,
                          gint64           lo)
{
  if (lo <= w->lo)
    return;
  w->lo = lo;
  for (guint i = 0; i < w->stories->len; i++)
    {
      Story *s = g_ptr_array_index (w->stories, i);

      if (!s->dead && s->last < lo)
        evict (w, s);
    }
  if (w->n_dead > 256 && w->n_dead * 2 > w->stories->len)
    compact (w);
}

gboolean
_clip_story_window_load (ClipStoryWindow  *w,
                         ClipStore        *store,
                         GError          **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT sa.story_id, sa.time, a.title, "
      "  coalesce(nullif(a.content_text, ''), a.summary_text, ''), a.lang "
      "FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
      "WHERE sa.time BETWEEN ? AND ? AND sa.story_id IS NOT NULL "
      "ORDER BY sa.time, sa.article_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->lo);
  sqlite3_bind_int64 (stmt, 2, w->hi);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *title = (const char *) sqlite3_column_text (stmt, 2);
      const char *body = (const char *) sqlite3_column_text (stmt, 3);
      guint lang = clip_story_lang_index ((const char *) sqlite3_column_text (stmt, 4), title);
      g_autoptr(GArray) keys = clip_story_keys (title, body, lang, NULL);

      _clip_story_window_add (w, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                              lang, keys);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || clip_store_set_error (store, rc, _("Could not read the stories"), error);
}
