/* clip-command-articles.c — what the analyst marks on articles (read,
 * flag, note, tags) and on alerts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-alert.h"
#include "clip-commands-private.h"
#include "clip-store-sql.h"

#define WORK(name) \
  static gboolean name (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, \
                        gpointer data, GCancellable *cancellable, GError **error)

static ClipCommand *
article_command (ClipCommandWork work, gint64 id, gint value, const char *text)
{
  ClipCommand *c = _clip_command_new (work);

  c->id = id;
  c->value = value;
  c->text = g_strdup (text);
  return c;
}

/* An article and its alerts are read together, whichever the analyst
 * marked: one transaction, so that no reader sees them disagree. */
static gboolean
set_article_read (ClipStore *w, gint64 article_id, gboolean read, GError **error)
{
  if (!clip_store_begin (w, error))
    return FALSE;
  if (!clip_store_set_read (w, article_id, read, error) ||
      !clip_alert_set_article_read (w, article_id, read, error))
    {
      clip_store_rollback (w);
      return FALSE;
    }
  return clip_store_commit (w, error);
}

WORK (read_work) { return set_article_read (w, c->id, c->value != 0, error); }
WORK (flag_work) { return clip_store_set_flag (w, c->id, c->value, error); }
WORK (note_work) { return clip_store_set_note (w, c->id, c->text ? c->text : "", error); }
WORK (add_tag_work) { return clip_store_add_tag (w, c->id, c->text, error); }
WORK (remove_tag_work) { return clip_store_remove_tag (w, c->id, c->text, error); }

ClipCommand *
clip_command_set_read (gint64 article_id, gboolean read)
{
  return article_command (read_work, article_id, read, NULL);
}

ClipCommand *
clip_command_set_flag (gint64 article_id, gint flag)
{
  return article_command (flag_work, article_id, flag, NULL);
}

ClipCommand *
clip_command_set_note (gint64 article_id, const char *note)
{
  return article_command (note_work, article_id, 0, note);
}

ClipCommand *
clip_command_add_tag (gint64 article_id, const char *tag)
{
  g_return_val_if_fail (tag != NULL, NULL);
  return article_command (add_tag_work, article_id, 0, tag);
}

ClipCommand *
clip_command_remove_tag (gint64 article_id, const char *tag)
{
  g_return_val_if_fail (tag != NULL, NULL);
  return article_command (remove_tag_work, article_id, 0, tag);
}

/* Alerts */

WORK (alert_read_work)
{
  gint64 article_id = clip_alert_get_article (w, c->id, error);

  return article_id != 0 && set_article_read (w, article_id, c->value != 0, error);
}

/* c->id: the rule, or 0 for every alert. */
WORK (read_alerts_work)
{
  if (!clip_store_begin (w, error))
    return FALSE;
  if (!clip_alert_read_articles (w, c->id, error))
    {
      clip_store_rollback (w);
      return FALSE;
    }
  return clip_store_commit (w, error);
}

WORK (article_alerts_work) { return set_article_read (w, c->id, TRUE, error); }

ClipCommand *
clip_command_set_alert_read (gint64 alert_id, gboolean read)
{
  return article_command (alert_read_work, alert_id, read, NULL);
}

ClipCommand *
clip_command_read_article_alerts (gint64 article_id)
{
  return article_command (article_alerts_work, article_id, 0, NULL);
}

ClipCommand *
clip_command_read_rule_alerts (gint64 rule_id)
{
  return article_command (read_alerts_work, rule_id, 0, NULL);
}

ClipCommand *
clip_command_read_all_alerts (void)
{
  return article_command (read_alerts_work, 0, 0, NULL);
}
