/* clip-story-copies.c — near-copies: MinHash over word shingles, banded
 * for candidates (LSH), each candidate checked against the shingles of
 * its stored text
 *
 * Memory is what a million articles allow: per article its id and a
 * signature of 24 16-bit minima (b-bit MinHash), and in each of 12 band
 * tables a 32-bit slot number; a band's value is read from the signature
 * rather than stored again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-stories-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* Candidates scanned per band, and checked against their text: a shared
 * boilerplate must not turn one article into a thousand reads. */
#define MAX_PER_BAND 64
#define MAX_VERIFIED 8

struct _ClipCopyIndex {
  gint64  *ids;
  guint16 *sigs;        /* CLIP_COPY_HASHES per slot */
  gsize    n;
  gsize    n_alloc;
  guint32 *bands[CLIP_COPY_BANDS];   /* slot + 1; 0 is empty */
  gsize    cap;         /* band table size, a power of two */
};

static inline guint64
mix64 (guint64 z)
{
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

void
_clip_copy_signature (const GArray *shingles,
                      guint16      *sig)
{
  guint64 mins[CLIP_COPY_HASHES];

  for (guint i = 0; i < CLIP_COPY_HASHES; i++)
    mins[i] = G_MAXUINT64;
  for (guint s = 0; s < shingles->len; s++)
    {
      guint64 x = g_array_index (shingles, guint64, s);

      for (guint i = 0; i < CLIP_COPY_HASHES; i++)
        {
          guint64 h = mix64 (x + 0x9E3779B97F4A7C15ULL * (i + 1));

          if (h < mins[i])
            mins[i] = h;
        }
    }
  for (guint i = 0; i < CLIP_COPY_HASHES; i++)
    sig[i] = (guint16) (mins[i] >> 48);
}

ClipCopyIndex *
_clip_copy_index_new (void)
{
  return g_new0 (ClipCopyIndex, 1);
}

void
_clip_copy_index_free (ClipCopyIndex *ix)
{
  if (ix == NULL)
    return;
  g_free (ix->ids);
  g_free (ix->sigs);
  for (guint b = 0; b < CLIP_COPY_BANDS; b++)
    g_free (ix->bands[b]);
  g_free (ix);
}

static inline guint32
band_value (const guint16 *sig, guint band)
{
  return (guint32) sig[2 * band] << 16 | sig[2 * band + 1];
}

static inline gsize
band_pos (guint32 value, guint band, gsize cap)
{
  return (gsize) mix64 (value ^ ((guint64) band << 40)) & (cap - 1);
}

static void
band_insert (ClipCopyIndex *ix, gsize slot)
{
  const guint16 *sig = ix->sigs + slot * CLIP_COPY_HASHES;

  for (guint b = 0; b < CLIP_COPY_BANDS; b++)
    {
      gsize pos = band_pos (band_value (sig, b), b, ix->cap);

      while (ix->bands[b][pos] != 0)
        pos = (pos + 1) & (ix->cap - 1);
      ix->bands[b][pos] = (guint32) slot + 1;
    }
}

/* Keeps the band tables at most three quarters full. */
static void
reserve (ClipCopyIndex *ix)
{
  if (ix->n == ix->n_alloc)
    {
      ix->n_alloc = MAX (1024, ix->n_alloc * 2);
      ix->ids = g_renew (gint64, ix->ids, ix->n_alloc);
      ix->sigs = g_renew (guint16, ix->sigs, ix->n_alloc * CLIP_COPY_HASHES);
    }
  if ((ix->n + 1) * 4 > ix->cap * 3)
    {
      ix->cap = MAX (4096, ix->cap * 2);
      for (guint b = 0; b < CLIP_COPY_BANDS; b++)
        {
          g_free (ix->bands[b]);
          ix->bands[b] = g_new0 (guint32, ix->cap);
        }
      for (gsize s = 0; s < ix->n; s++)
        band_insert (ix, s);
    }
}

void
_clip_copy_index_add (ClipCopyIndex *ix,
                      gint64         article_id,
                      const guint16 *sig)
{
  reserve (ix);
  ix->ids[ix->n] = article_id;
  memcpy (ix->sigs + ix->n * CLIP_COPY_HASHES, sig, sizeof (guint16) * CLIP_COPY_HASHES);
  band_insert (ix, ix->n);
  ix->n++;
}

gsize
_clip_copy_index_bytes (const ClipCopyIndex *ix)
{
  return sizeof *ix + ix->n_alloc * (sizeof (gint64) + sizeof (guint16) * CLIP_COPY_HASHES) +
         ix->cap * sizeof (guint32) * CLIP_COPY_BANDS;
}

gboolean
_clip_copy_index_load (ClipCopyIndex  *ix,
                       ClipStore      *store,
                       GError        **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT article_id, sig FROM copy_sigs ORDER BY article_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_bytes (stmt, 1) == sizeof (guint16) * CLIP_COPY_HASHES)
      _clip_copy_index_add (ix, sqlite3_column_int64 (stmt, 0), sqlite3_column_blob (stmt, 1));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || clip_store_set_error (store, rc, _("Could not read the copy index"), error);
}

typedef struct {
  gsize slot;
  guint agree;          /* signature positions equal */
} Candidate;

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return (int) y->agree - (int) x->agree;
}

/* Slots whose signature agrees with sig in a band and, all told, in a
 * quarter of its positions or more (a Jaccard of 0.5 passes 99.7% of
 * the time), best first. */
static GArray *
candidates (ClipCopyIndex *ix, const guint16 *sig)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint b = 0; b < CLIP_COPY_BANDS && ix->cap; b++)
    {
      guint32 value = band_value (sig, b);
      gsize pos = band_pos (value, b, ix->cap);
      guint found = 0;

      for (; ix->bands[b][pos] != 0 && found < MAX_PER_BAND; pos = (pos + 1) & (ix->cap - 1))
        {
          gsize slot = ix->bands[b][pos] - 1;
          const guint16 *other = ix->sigs + slot * CLIP_COPY_HASHES;
          Candidate c = { slot, 0 };

          if (band_value (other, b) != value)
            continue;
          found++;
          if (!g_hash_table_add (seen, GSIZE_TO_POINTER (slot + 1)))
            continue;
          for (guint i = 0; i < CLIP_COPY_HASHES; i++)
            c.agree += other[i] == sig[i];
          if (c.agree * 4 >= CLIP_COPY_HASHES)
            g_array_append_val (out, c);
        }
    }
  g_array_sort (out, compare_candidates);
  return out;
}

static guint
intersect (const GArray *a, const GArray *b)
{
  guint i = 0, j = 0, n = 0;

  while (i < a->len && j < b->len)
    {
      guint64 x = g_array_index (a, guint64, i), y = g_array_index (b, guint64, j);

      n += x == y;
      i += x <= y;
      j += y <= x;
    }
  return n;
}

/* Largely the same text: most of it in common (Jaccard 0.5), or the
 * shorter one nearly all inside the longer (a wire story cut short, a
 * paragraph added) while being no mere quote of it. */
static gboolean
is_copy (guint common, guint na, guint nb)
{
  guint small = MIN (na, nb), large = MAX (na, nb);

  return common * 2 >= na + nb - common ||
         (common * 10 >= small * 8 && small * 4 >= large);
}

typedef struct {
  gint64 copy_of;
  gint64 time;
  gint64 story;
} Row;

static gboolean
read_row (ClipStore *store, gint64 id, Row *row, char **body, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT sa.copy_of, sa.time, sa.story_id, "
      "  coalesce(nullif(a.content_text, ''), a.summary_text, '') "
      "FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
      "WHERE sa.article_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->copy_of = sqlite3_column_int64 (stmt, 0);
      row->time = sqlite3_column_int64 (stmt, 1);
      row->story = sqlite3_column_int64 (stmt, 2);
      if (body)
        *body = clip_store_dup_column (stmt, 3);
    }
  else
    row->time = G_MININT64;        /* gone (rolled back, removed) */
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ||
         clip_store_set_error (store, rc, _("Could not read an article's copy"), error);
}

/* The best verified candidate: its id and the share of doc's text in it. */
static gboolean
best_copy (ClipCopyIndex *ix, ClipStore *store, const ClipStoryDoc *doc,
           const GArray *shingles, GArray *cands, gint64 *best, double *shared,
           GError **error)
{
  *best = 0;
  *shared = 0;
  for (guint i = 0; i < MIN (cands->len, MAX_VERIFIED); i++)
    {
      gint64 id = ix->ids[g_array_index (cands, Candidate, i).slot];
      g_autofree char *body = NULL;
      g_autoptr(GArray) other = NULL;
      Row row;
      guint common;

      if (id == doc->id)
        continue;
      if (!read_row (store, id, &row, &body, error))
        return FALSE;
      if (row.time == G_MININT64)
        continue;
      other = clip_story_shingles (body);
      common = intersect (shingles, other);
      if (is_copy (common, shingles->len, other->len) &&
          (double) common / shingles->len > *shared)
        {
          *best = id;
          *shared = (double) common / shingles->len;
        }
    }
  return TRUE;
}

gboolean
_clip_copy_index_find (ClipCopyIndex      *ix,
                       ClipStore          *store,
                       const ClipStoryDoc *doc,
                       const GArray       *shingles,
                       const guint16      *sig,
                       ClipCopyMatch      *match,
                       GError            **error)
{
  g_autoptr(GArray) cands = candidates (ix, sig);
  gint64 best, root;
  Row row;

  memset (match, 0, sizeof *match);
  if (cands->len == 0)
    return TRUE;
  if (!best_copy (ix, store, doc, shingles, cands, &best, &match->shared, error))
    return FALSE;
  if (best == 0)
    return TRUE;
  /* Copies link to the earliest of them, the root. */
  if (!read_row (store, best, &row, NULL, error))
    return FALSE;
  root = row.copy_of ? row.copy_of : best;
  if (root != best && !read_row (store, root, &row, NULL, error))
    return FALSE;
  if (row.time == G_MININT64)
    return TRUE;
  match->story_id = row.story;
  match->time = row.time;
  if (doc->time < row.time)
    match->replaces = root;       /* published before the root: the new root */
  else
    match->copy_of = root;
  return TRUE;
}

/* guint64 → guint32 map */

void
_clip_u64_map_init (ClipU64Map *m)
{
  m->cap = 64;
  m->len = 0;
  m->keys = g_new0 (guint64, m->cap);
  m->vals = g_new0 (guint32, m->cap);
}

void
_clip_u64_map_clear (ClipU64Map *m)
{
  g_clear_pointer (&m->keys, g_free);
  g_clear_pointer (&m->vals, g_free);
  m->cap = m->len = 0;
}

guint32 *
_clip_u64_map_lookup (const ClipU64Map *m,
                      guint64           key)
{
  for (gsize pos = mix64 (key) & (m->cap - 1); m->keys[pos]; pos = (pos + 1) & (m->cap - 1))
    if (m->keys[pos] == key)
      return &m->vals[pos];
  return NULL;
}

guint32 *
_clip_u64_map_insert (ClipU64Map *m,
                      guint64     key)
{
  gsize pos;

  g_return_val_if_fail (key != 0, NULL);
  if ((m->len + 1) * 4 > m->cap * 3)
    {
      ClipU64Map bigger = { g_new0 (guint64, m->cap * 2), g_new0 (guint32, m->cap * 2),
                            m->cap * 2, 0 };

      for (gsize i = 0; i < m->cap; i++)
        if (m->keys[i])
          *_clip_u64_map_insert (&bigger, m->keys[i]) = m->vals[i];
      _clip_u64_map_clear (m);
      *m = bigger;
    }
  for (pos = mix64 (key) & (m->cap - 1); m->keys[pos]; pos = (pos + 1) & (m->cap - 1))
    if (m->keys[pos] == key)
      return &m->vals[pos];
  m->keys[pos] = key;
  m->vals[pos] = 0;
  m->len++;
  return &m->vals[pos];
}

gsize
_clip_u64_map_bytes (const ClipU64Map *m)
{
  return m->cap * (sizeof (guint64) + sizeof (guint32));
}
