/* clip-cli-stories.c — stories list, merge, split, rename, regroup;
 * coverage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"
#include "clip-cli-rules.h"
#include "clip-export.h"
#include "clip-stories.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static JsonNode *
id_or_null (gint64 id)
{
  JsonNode *n = json_node_new (id ? JSON_NODE_VALUE : JSON_NODE_NULL);

  if (id)
    json_node_set_int (n, id);
  return n;
}

static void
add_strv (JsonBuilder *b, const char *name, GStrv v)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; v && v[i]; i++)
    json_builder_add_string_value (b, v[i]);
  json_builder_end_array (b);
}

static void
add_article (JsonBuilder *b, const ClipStoryArticle *a)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, a->id);
  json_builder_set_member_name (b, "outlet");
  json_builder_add_string_value (b, a->outlet);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, a->title);
  json_builder_set_member_name (b, "published");
  json_builder_add_value (b, clip_cli_time_node (a->time));
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, a->url);
  json_builder_set_member_name (b, "copy_of");
  json_builder_add_value (b, id_or_null (a->copy_of));
  json_builder_set_member_name (b, "recycled_from");
  json_builder_add_value (b, id_or_null (a->recycled_from));
  json_builder_end_object (b);
}

static JsonNode *
story_json (const ClipStory *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, s->id);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, s->title);
  json_builder_set_member_name (b, "first_seen");
  json_builder_add_value (b, clip_cli_time_node (s->first_seen));
  json_builder_set_member_name (b, "first_outlet");
  json_builder_add_string_value (b, s->first_outlet);
  add_strv (b, "languages", s->languages);
  add_strv (b, "outlets", s->outlets);
  json_builder_set_member_name (b, "articles");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->articles->len; i++)
    add_article (b, g_ptr_array_index (s->articles, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_stories (GPtrArray *stories, gboolean json)
{
  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *arr = json_array_new ();

      for (guint i = 0; i < stories->len; i++)
        json_array_add_element (arr, story_json (g_ptr_array_index (stories, i)));
      json_node_take_array (root, arr);
      clip_cli_print_json (root);
      return;
    }
  for (guint i = 0; i < stories->len; i++)
    {
      const ClipStory *s = g_ptr_array_index (stories, i);
      g_autofree char *when = clip_cli_format_time (s->first_seen);
      g_autofree char *langs = g_strjoinv (",", s->languages);

      printf ("%" G_GINT64_FORMAT "\t%s\t%u\t%s\t%s\n", s->id, when ? when : "-",
              s->articles->len, langs, s->title ? s->title : "");
    }
}

/* --since and --until as export reads them. */
static gboolean
parse_period (ClipCli *cli, const char *since, const char *until, gint64 *s, gint64 *u,
              int *status)
{
  g_autoptr(GError) error = NULL;

  if ((since && !clip_export_parse_date (since, FALSE, s, &error)) ||
      (until && !clip_export_parse_date (until, TRUE, u, &error)))
    {
      *status = clip_cli_usage (cli, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static int
stories_list (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  int limit = 0, status = CLIP_CLI_OK;
  g_autofree char *since = NULL, *until = NULL, *rule = NULL, *outlet = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Stories with an article from this date or time on"), "DATE" },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Stories with an article up to this date (including the day)"), "DATE" },
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule, N_("Stories with an article this rule (name or ID) matched"), "NAME" },
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &outlet, N_("Stories with an article of this outlet"), "ID" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N stories (default 0: all)"), "N" },
    { NULL }
  };
  ClipStoryFilter filter = { 0 };
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (!clip_cli_parse_options (cli, NULL, _("List stories (the articles about one event, "
                                            "across outlets and languages), newest first. "
                                            "DATE is YYYY-MM-DD (local time) or ISO 8601."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 1)
    return clip_cli_usage (cli, _("unexpected argument “%s”"), argv[1]);
  if (limit < 0)
    return clip_cli_usage (cli, _("--limit must be 0 or more"));
  if (outlet && !clip_cli_parse_id (outlet, &filter.outlet_id))
    return clip_cli_usage (cli, _("“%s” is not an outlet ID"), outlet);
  if (!parse_period (cli, since, until, &filter.since, &filter.until, &status))
    return status;
  filter.limit = (guint) limit;
  if (!(store = clip_cli_open_store (cli, &error)) ||
      (rule && !(filter.rule_id = clip_cli_rule_id (store, rule, &error))) ||
      !(list = clip_stories_list (store, &filter, &error)))
    return clip_cli_fail (cli, error);
  print_stories (list, json);
  return CLIP_CLI_OK;
}

static int
stories_show (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_story_free);
  ClipStory *s;
  gint64 id;

  if (!clip_cli_parse_options (cli, "ID", _("Show a story: its articles in time order."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2 || !clip_cli_parse_id (argv[1], &id))
    return clip_cli_usage (cli, _("expected one story ID"));
  if (!(store = clip_cli_open_store (cli, &error)) || !(s = clip_story_get (store, id, &error)))
    return clip_cli_fail (cli, error);
  g_ptr_array_add (one, s);
  if (json)
    {
      g_autoptr(JsonNode) root = story_json (s);
      clip_cli_print_json (root);
      return CLIP_CLI_OK;
    }
  print_stories (one, FALSE);
  for (guint i = 0; i < s->articles->len; i++)
    {
      const ClipStoryArticle *a = g_ptr_array_index (s->articles, i);
      g_autofree char *when = clip_cli_format_time (a->time);

      printf ("  %" G_GINT64_FORMAT "\t%s\t%s\t%s", a->id, when ? when : "-",
              a->outlet ? a->outlet : "", a->title ? a->title : "");
      if (a->recycled_from)
        printf (_("\t(recycled from %" PRId64 ")"), a->recycled_from);
      else if (a->copy_of)
        printf (_("\t(copy of %" PRId64 ", %.0f%% shared)"), a->copy_of, a->shared * 100);
      printf ("\n");
    }
  return CLIP_CLI_OK;
}

static int
ids_command (ClipCli *cli, int *argc, char ***argv, const char *params, const char *summary,
             guint n_ids, gint64 *ids)
{
  if (!clip_cli_parse_options (cli, params, summary, NULL, argc, argv))
    return CLIP_CLI_USAGE;
  if ((guint) *argc < n_ids + 1)
    return clip_cli_usage (cli, _("expected %s"), params);
  for (guint i = 0; i < n_ids; i++)
    if (!clip_cli_parse_id ((*argv)[i + 1], &ids[i]))
      return clip_cli_usage (cli, _("“%s” is not an ID"), (*argv)[i + 1]);
  return -1;
}

static int
stories_merge (ClipCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[2];
  int status = ids_command (cli, &argc, &argv, "ID OTHER",
                            _("Merge story OTHER into story ID (kept when stories are grouped again)."),
                            2, ids);

  if (status >= 0)
    return status;
  if (argc != 3)
    return clip_cli_usage (cli, _("unexpected argument “%s”"), argv[3]);
  if (!clip_cli_run (cli, clip_command_merge_stories (ids[0], ids[1]), &error))
    return clip_cli_fail (cli, error);
  printf (_("Merged story %" PRId64 " into %" PRId64 "\n"), ids[1], ids[0]);
  return CLIP_CLI_OK;
}

static int
stories_split (ClipCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCommand) c = NULL;
  gint64 id;
  int status = ids_command (cli, &argc, &argv, "ARTICLE",
                            _("Move an article out of its story into one of its own; prints "
                              "that story's ID (kept when stories are grouped again)."),
                            1, &id);

  if (status >= 0)
    return status;
  if (argc != 2)
    return clip_cli_usage (cli, _("unexpected argument “%s”"), argv[2]);
  c = clip_command_split_story (id);
  if (!clip_cli_run (cli, clip_command_ref (c), &error))
    return clip_cli_fail (cli, error);
  printf ("%" G_GINT64_FORMAT "\n", clip_command_get_id (c));
  return CLIP_CLI_OK;
}

static int
stories_rename (ClipCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status = ids_command (cli, &argc, &argv, "ID TITLE",
                            _("Give a story a title of your own (\"\" for its first article's)."),
                            1, &id);

  if (status >= 0)
    return status;
  if (argc != 3)
    return clip_cli_usage (cli, _("expected ID TITLE"));
  if (!clip_cli_run (cli, clip_command_rename_story (id, argv[2]), &error))
    return clip_cli_fail (cli, error);
  return CLIP_CLI_OK;
}

static int
stories_regroup (ClipCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;

  if (!clip_cli_parse_options (cli, NULL, _("Group the whole archive into stories again, from "
                                            "scratch, keeping your merges, splits and titles."),
                               NULL, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 1)
    return clip_cli_usage (cli, _("unexpected argument “%s”"), argv[1]);
  if (!clip_cli_run (cli, clip_command_regroup_stories (), &error))
    return clip_cli_fail (cli, error);
  return CLIP_CLI_OK;
}

int
clip_cli_stories (ClipCli *cli, int argc, char **argv)
{
  static const ClipCliSubcommand subs[] = {
    { "list", stories_list }, { "show", stories_show }, { "merge", stories_merge },
    { "split", stories_split }, { "rename", stories_rename }, { "regroup", stories_regroup },
  };

  return clip_cli_dispatch (cli, "stories",
                            _("Usage: clippings-cli stories list|show|merge|split|rename|regroup [OPTIONS…]"),
                            NULL, subs, G_N_ELEMENTS (subs), argc, argv);
}
