/* clip-command-stories.c — the analyst's merges, splits and renames of
 * stories, and grouping the archive again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-commands-private.h"
#include "clip-stories.h"

#define WORK(name) \
  static gboolean name (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, \
                        gpointer data, GCancellable *cancellable, GError **error)

WORK (merge_work) { return clip_stories_merge (w, c->id, (gint64) c->value64, error); }
WORK (rename_work) { return clip_stories_rename (w, c->id, c->text, error); }
WORK (regroup_work) { return clip_stories_regroup (w, progress, data, cancellable, error); }

WORK (split_work)
{
  c->result_id = clip_stories_split (w, c->id, error);
  return c->result_id != 0;
}

ClipCommand *
clip_command_merge_stories (gint64 into, gint64 from)
{
  ClipCommand *c = _clip_command_new (merge_work);

  c->id = into;
  c->value64 = from;
  return c;
}

ClipCommand *
clip_command_split_story (gint64 article_id)
{
  ClipCommand *c = _clip_command_new (split_work);

  c->id = article_id;
  return c;
}

ClipCommand *
clip_command_rename_story (gint64 story_id, const char *title)
{
  ClipCommand *c = _clip_command_new (rename_work);

  c->id = story_id;
  c->text = g_strdup (title);
  return c;
}

ClipCommand *
clip_command_regroup_stories (void)
{
  return _clip_command_new (regroup_work);
}
