/* clip-cli-marks.c — articles flag|unflag|read|unread ID…, articles
 * tag|untag ID TAG…, articles note ID TEXT: what the window marks on
 * articles, through the same commands (clip_command_mark_articles())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"

#include <glib/gi18n.h>
#include <string.h>

static const struct {
  const char      *name;
  ClipArticleMark  mark;
  const char      *summary;
} marks[] = {
  { "flag",   CLIP_MARK_FLAG,   N_("Flag the articles.") },
  { "unflag", CLIP_MARK_UNFLAG, N_("Remove the articles’ flags.") },
  { "read",   CLIP_MARK_READ,   N_("Mark the articles and their alerts read.") },
  { "unread", CLIP_MARK_UNREAD, N_("Mark the articles and their alerts unread.") },
  { "tag",    CLIP_MARK_TAG,    N_("Give the article the tags.") },
  { "untag",  CLIP_MARK_UNTAG,  N_("Take the tags off the article.") },
  { "note",   CLIP_MARK_NOTE,   N_("Set the article’s note (an empty TEXT removes it).") },
};

static gboolean
parse_ids (ClipCli *cli, char **args, int n, GArray *ids, int *status)
{
  for (int i = 0; i < n; i++)
    {
      gint64 id;

      if (!clip_cli_parse_id (args[i], &id))
        {
          *status = clip_cli_usage (cli, _("“%s” is not an article ID"), args[i]);
          return FALSE;
        }
      g_array_append_val (ids, id);
    }
  return TRUE;
}

/* One command per tag: each in its own transaction, after the article is
 * known to exist (an unknown ID fails before any tag is written). */
static int
run_marks (ClipCli *cli, ClipArticleMark mark, GArray *ids, char **texts, int n_texts)
{
  g_autoptr(ClipCommands) commands = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < n_texts; i++)
    if ((mark == CLIP_MARK_TAG || mark == CLIP_MARK_UNTAG) && *g_strstrip (texts[i]) == '\0')
      return clip_cli_usage (cli, _("a tag needs some text"));
  if (!(commands = clip_cli_open_commands (cli, &error)))
    return clip_cli_fail (cli, error);
  for (int i = 0; i < MAX (n_texts, 1); i++)
    {
      g_autoptr(ClipCommand) c = clip_command_mark_articles ((const gint64 *) (gpointer) ids->data,
                                                             ids->len, mark,
                                                             n_texts ? texts[i] : NULL);

      if (!clip_commands_run (commands, c, NULL, NULL, NULL, &error))
        return clip_cli_fail (cli, error);
    }
  return CLIP_CLI_OK;
}

int
clip_cli_articles_mark (ClipCli *cli, int argc, char **argv)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint m = 0;
  int status = CLIP_CLI_OK;
  const char *params;

  while (m < G_N_ELEMENTS (marks) && strcmp (argv[0], marks[m].name) != 0)
    m++;
  g_return_val_if_fail (m < G_N_ELEMENTS (marks), CLIP_CLI_FAILURE);
  params = marks[m].mark == CLIP_MARK_NOTE ? "ID TEXT"
           : marks[m].mark == CLIP_MARK_TAG || marks[m].mark == CLIP_MARK_UNTAG ? "ID TAG…" : "ID…";
  if (!clip_cli_parse_options (cli, params, _(marks[m].summary), NULL, &argc, &argv))
    return CLIP_CLI_USAGE;
  switch (marks[m].mark)
    {
    case CLIP_MARK_NOTE:
      if (argc != 3)
        return clip_cli_usage (cli, _("expected an article ID and one TEXT (quote it; \"\" removes the note)"));
      if (!parse_ids (cli, argv + 1, 1, ids, &status))
        return status;
      return run_marks (cli, CLIP_MARK_NOTE, ids, argv + 2, 1);
    case CLIP_MARK_TAG:
    case CLIP_MARK_UNTAG:
      if (argc < 3)
        return clip_cli_usage (cli, _("expected an article ID and at least one TAG"));
      if (!parse_ids (cli, argv + 1, 1, ids, &status))
        return status;
      return run_marks (cli, marks[m].mark, ids, argv + 2, argc - 2);
    default:
      if (argc < 2)
        return clip_cli_usage (cli, _("expected at least one article ID"));
      if (!parse_ids (cli, argv + 1, argc - 1, ids, &status))
        return status;
      return run_marks (cli, marks[m].mark, ids, NULL, 0);
    }
}
