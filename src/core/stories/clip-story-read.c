/* clip-story-read.c — stories as the views and the CLI read them, and
 * the analyst's merges, splits and renames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-stories-private.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

void
clip_story_article_free (ClipStoryArticle *a)
{
  if (a == NULL)
    return;
  g_free (a->outlet);
  g_free (a->title);
  g_free (a->url);
  g_free (a->lang);
  g_free (a);
}

void
clip_story_free (ClipStory *s)
{
  if (s == NULL)
    return;
  g_free (s->title);
  g_free (s->first_outlet);
  g_strfreev (s->languages);
  g_strfreev (s->outlets);
  g_clear_pointer (&s->articles, g_ptr_array_unref);
  g_free (s);
}

#define ARTICLE_COLUMNS \
  "sa.article_id, a.outlet_id, o.name, a.title, a.url, a.lang, sa.time, " \
  "coalesce(sa.story_id, 0), coalesce(sa.copy_of, 0), coalesce(sa.shared, 0), " \
  "coalesce(sa.recycled_from, 0) " \
  "FROM story_articles sa JOIN articles a ON a.id = sa.article_id " \
  "JOIN outlets o ON o.id = a.outlet_id "

static ClipStoryArticle *
read_article (sqlite3_stmt *stmt)
{
  ClipStoryArticle *a = g_new0 (ClipStoryArticle, 1);
  static const char *const codes[] = { "en", "ru", "ka" };

  a->id = sqlite3_column_int64 (stmt, 0);
  a->outlet_id = sqlite3_column_int64 (stmt, 1);
  a->outlet = clip_store_dup_column (stmt, 2);
  a->title = clip_store_dup_column (stmt, 3);
  a->url = clip_store_dup_column (stmt, 4);
  a->lang = clip_store_dup_column (stmt, 5);
  a->time = sqlite3_column_int64 (stmt, 6);
  a->story_id = sqlite3_column_int64 (stmt, 7);
  a->copy_of = sqlite3_column_int64 (stmt, 8);
  a->shared = sqlite3_column_double (stmt, 9);
  a->recycled_from = sqlite3_column_int64 (stmt, 10);
  if (a->lang == NULL || *a->lang == '\0')
    {
      guint l = clip_story_lang_index (NULL, a->title);

      g_free (a->lang);
      a->lang = l < G_N_ELEMENTS (codes) ? g_strdup (codes[l]) : NULL;
    }
  return a;
}

static gboolean
strv_has (GPtrArray *v, const char *s)
{
  for (guint i = 0; i < v->len; i++)
    if (g_strcmp0 (g_ptr_array_index (v, i), s) == 0)
      return TRUE;
  return FALSE;
}

static GStrv
to_strv (GPtrArray *v)
{
  g_ptr_array_add (v, NULL);
  return (GStrv) g_ptr_array_free (v, FALSE);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* first_seen, outlets and languages from the timeline. */
static void
summarise (ClipStory *s)
{
  GPtrArray *langs = g_ptr_array_new ();
  GPtrArray *outlets = g_ptr_array_new ();

  for (guint i = 0; i < s->articles->len; i++)
    {
      ClipStoryArticle *a = g_ptr_array_index (s->articles, i);
      g_autofree char *lang = a->lang ? g_ascii_strdown (a->lang, 2) : NULL;

      if (lang && !strv_has (langs, lang))
        g_ptr_array_add (langs, g_steal_pointer (&lang));
      if (a->outlet && !strv_has (outlets, a->outlet))
        g_ptr_array_add (outlets, g_strdup (a->outlet));
    }
  g_ptr_array_sort (langs, compare_strings);
  s->languages = to_strv (langs);
  s->outlets = to_strv (outlets);
  if (s->articles->len)
    {
      ClipStoryArticle *first = g_ptr_array_index (s->articles, 0);
      ClipStoryArticle *last = g_ptr_array_index (s->articles, s->articles->len - 1);

      s->first_seen = first->time;
      s->last_seen = last->time;
      s->first_outlet_id = first->outlet_id;
      s->first_outlet = g_strdup (first->outlet);
      if (s->title == NULL)
        s->title = g_strdup (first->title);
    }
}

ClipStory *
clip_story_get (ClipStore  *store,
                gint64      story_id,
                GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT title FROM stories WHERE id = ?", error);
  g_autoptr(ClipStory) s = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, story_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                     _("There is no story %" PRId64), story_id);
      else
        clip_store_set_error (store, rc, _("Could not read a story"), error);
      return NULL;
    }
  s = g_new0 (ClipStory, 1);
  s->id = story_id;
  s->title = clip_store_dup_column (stmt, 0);
  s->renamed = s->title != NULL;
  sqlite3_reset (stmt);
  s->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_story_article_free);
  stmt = clip_store_prepare (store,
      "SELECT " ARTICLE_COLUMNS "WHERE sa.story_id = ? ORDER BY sa.time, sa.article_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, story_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (s->articles, read_article (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, _("Could not read a story"), error);
      return NULL;
    }
  summarise (s);
  return g_steal_pointer (&s);
}

ClipStoryArticle *
clip_story_article_get (ClipStore         *store,
                        gint64             article_id,
                        ClipStoryArticle **original,
                        GError           **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT " ARTICLE_COLUMNS "WHERE sa.article_id = ?", error);
  ClipStoryArticle *a = NULL;
  int rc;

  if (original)
    *original = NULL;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    a = read_article (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                 _("There is no article %" PRId64), article_id);
  else if (rc != SQLITE_ROW)
    clip_store_set_error (store, rc, _("Could not read an article"), error);
  if (a && original && a->copy_of &&
      (*original = clip_story_article_get (store, a->copy_of, NULL, error)) == NULL)
    g_clear_pointer (&a, clip_story_article_free);
  return a;
}

GArray *
clip_story_rule_ids (ClipStore  *store,
                     gint64      story_id,
                     GError    **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store,
      "SELECT DISTINCT m.rule_id FROM story_articles sa "
      "JOIN matches m ON m.article_id = sa.article_id "
      "WHERE sa.story_id = ? ORDER BY m.rule_id", error);
  GArray *ids;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, story_id);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_array_unref (ids);
      clip_store_set_error (store, rc, _("Could not read a story's rules"), error);
      return NULL;
    }
  return ids;
}

/* The ids of the stories a filter lets through, newest first. */
static GArray *
story_ids (ClipStore *store, const ClipStoryFilter *f, GError **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT story_id, min(time) AS first FROM story_articles "
                                         "WHERE story_id IS NOT NULL");
  sqlite3_stmt *stmt;
  GArray *ids;
  int rc, i = 1;

  if (f->since || f->until)
    g_string_append (sql, " AND story_id IN (SELECT story_id FROM story_articles "
                          "WHERE time >= ?1 AND time < ?2)");
  if (f->rule_id)
    g_string_append (sql, " AND story_id IN (SELECT sa.story_id FROM matches m "
                          "JOIN story_articles sa ON sa.article_id = m.article_id "
                          "WHERE m.rule_id = ?3)");
  if (f->outlet_id)
    g_string_append (sql, " AND story_id IN (SELECT story_id FROM story_articles "
                          "WHERE outlet_id = ?4)");
  g_string_append (sql, " GROUP BY story_id HAVING count(*) >= ?5 "
                        "ORDER BY first DESC, story_id DESC LIMIT ?6 OFFSET ?7");
  if (g_cancellable_set_error_if_cancelled (f->cancellable, error) ||
      (stmt = clip_store_prepare (store, sql->str, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, i++, f->since ? f->since : G_MININT64);
  sqlite3_bind_int64 (stmt, i++, f->until ? f->until : G_MAXINT64);
  sqlite3_bind_int64 (stmt, i++, f->rule_id);
  sqlite3_bind_int64 (stmt, i++, f->outlet_id);
  sqlite3_bind_int64 (stmt, i++, MAX (f->min_articles, 1));
  sqlite3_bind_int64 (stmt, i++, f->limit ? (gint64) f->limit : -1);
  sqlite3_bind_int64 (stmt, i++, f->offset);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  clip_store_watch_cancel (store, f->cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  clip_store_unwatch_cancel (store);
  sqlite3_reset (stmt);
  if (!_clip_stories_step_done (store, rc, f->cancellable, _("Could not list the stories"), error))
    {
      g_array_unref (ids);
      return NULL;
    }
  return ids;
}

GPtrArray *
clip_stories_list (ClipStore             *store,
                   const ClipStoryFilter *filter,
                   GError               **error)
{
  ClipStoryFilter none = { 0 };
  g_autoptr(GArray) ids = story_ids (store, filter ? filter : &none, error);
  g_autoptr(GPtrArray) out = NULL;

  if (ids == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_story_free);
  for (guint i = 0; i < ids->len; i++)
    {
      ClipStory *s;

      if (filter && g_cancellable_set_error_if_cancelled (filter->cancellable, error))
        return NULL;
      if ((s = clip_story_get (store, g_array_index (ids, gint64, i), error)) == NULL)
        return NULL;
      g_ptr_array_add (out, s);
    }
  return g_steal_pointer (&out);
}

/* The analyst's choices: the articles concerned are pinned, so grouping
 * again leaves them where the analyst put them. */

static gboolean
run_sql (ClipStore *store, const char *sql, gint64 a, gint64 b, GError **error)
{
  sqlite3_stmt *stmt = clip_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  return rc == SQLITE_DONE || clip_store_set_error (store, rc, _("Could not change a story"), error);
}

static gboolean
story_exists (ClipStore *store, gint64 id, GError **error)
{
  g_autoptr(ClipStory) s = clip_story_get (store, id, error);

  return s != NULL;
}

static gboolean
finish (ClipStore *store, gboolean ok, GError **error)
{
  if (!ok)
    {
      clip_store_rollback (store);
      return FALSE;
    }
  _clip_stories_forget_windows (store);
  return clip_store_commit (store, error);
}

gboolean
clip_stories_merge (ClipStore  *writer,
                    gint64      into,
                    gint64      from,
                    GError    **error)
{
  if (into == from)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   _("A story cannot be merged into itself"));
      return FALSE;
    }
  if (!clip_store_begin (writer, error))
    return FALSE;
  return finish (writer, story_exists (writer, into, error) && story_exists (writer, from, error) &&
                 run_sql (writer, "UPDATE story_articles SET story_id = ?1, pinned = 1 "
                                  "WHERE story_id IN (?1, ?2)", into, from, error) &&
                 run_sql (writer, "DELETE FROM stories WHERE id = ?2 AND ?1", into, from, error),
                 error);
}

gint64
clip_stories_split (ClipStore  *writer,
                    gint64      article_id,
                    GError    **error)
{
  g_autoptr(ClipStoryArticle) a = NULL;
  g_autoptr(ClipStory) old = NULL;
  gint64 story = 0;
  gboolean ok;

  if (!clip_store_begin (writer, error))
    return 0;
  a = clip_story_article_get (writer, article_id, NULL, error);
  ok = a != NULL;
  if (ok && a->story_id == 0)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   _("Article %" PRId64 " is not grouped yet"), article_id);
      ok = FALSE;
    }
  ok = ok && (old = clip_story_get (writer, a->story_id, error)) != NULL &&
       run_sql (writer, "UPDATE story_articles SET pinned = 1 WHERE story_id = ?1 AND ?2",
                a->story_id, 1, error);
  if (ok)
    story = a->story_id;
  /* Alone in its story, it stays there (pinned). */
  if (ok && old->articles->len > 1)
    {
      ok = run_sql (writer, "INSERT INTO stories (created) VALUES (?1 + ?2)",
                    g_get_real_time () / G_USEC_PER_SEC, 0, error);
      story = sqlite3_last_insert_rowid (clip_store_get_db (writer));
      ok = ok && run_sql (writer, "UPDATE story_articles SET story_id = ?1 WHERE article_id = ?2",
                          story, article_id, error);
    }
  return finish (writer, ok, error) ? story : 0;
}

gboolean
clip_stories_rename (ClipStore   *writer,
                     gint64       story_id,
                     const char  *title,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!clip_store_begin (writer, error))
    return FALSE;
  ok = story_exists (writer, story_id, error) &&
       (stmt = clip_store_prepare (writer,
           "UPDATE stories SET title = nullif(trim(?2), '') WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, story_id);
      clip_store_bind_text (stmt, 2, title ? title : "");
      ok = sqlite3_step (stmt) == SQLITE_DONE ||
           clip_store_set_error (writer, sqlite3_errcode (clip_store_get_db (writer)),
                                 _("Could not rename a story"), error);
    }
  ok = ok && run_sql (writer, "UPDATE story_articles SET pinned = 1 WHERE story_id = ?1 AND ?2",
                      story_id, 1, error);
  return finish (writer, ok, error);
}
