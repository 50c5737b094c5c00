/* clip-cli-coverage.c — coverage: articles per day, hour or outlet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"
#include "clip-cli-rules.h"
#include "clip-export.h"
#include "clip-stories.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

static JsonNode *
bucket_json (const ClipCoverageBucket *b)
{
  g_autoptr(JsonBuilder) jb = json_builder_new ();

  json_builder_begin_object (jb);
  json_builder_set_member_name (jb, "key");
  json_builder_add_string_value (jb, b->key);
  json_builder_set_member_name (jb, "count");
  json_builder_add_int_value (jb, (gint64) b->count);
  json_builder_set_member_name (jb, "by_outlet");
  json_builder_begin_object (jb);
  for (guint i = 0; i < b->by_outlet->len; i++)
    {
      const ClipCoverageShare *s = &g_array_index (b->by_outlet, ClipCoverageShare, i);

      json_builder_set_member_name (jb, s->outlet);
      json_builder_add_int_value (jb, (gint64) s->count);
    }
  json_builder_end_object (jb);
  json_builder_end_object (jb);
  return json_builder_get_root (jb);
}

static void
print_buckets (GPtrArray *buckets, gboolean json)
{
  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *arr = json_array_new ();

      for (guint i = 0; i < buckets->len; i++)
        json_array_add_element (arr, bucket_json (g_ptr_array_index (buckets, i)));
      json_node_take_array (root, arr);
      clip_cli_print_json (root);
      return;
    }
  for (guint i = 0; i < buckets->len; i++)
    {
      const ClipCoverageBucket *b = g_ptr_array_index (buckets, i);

      printf ("%s\t%" G_GUINT64_FORMAT, b->key, b->count);
      for (guint k = 0; k < b->by_outlet->len; k++)
        {
          const ClipCoverageShare *s = &g_array_index (b->by_outlet, ClipCoverageShare, k);
          printf ("%s%s: %" G_GUINT64_FORMAT, k ? ", " : "\t", s->outlet, s->count);
        }
      printf ("\n");
    }
}

static gboolean
parse_by (const char *by, ClipCoverageBy *out)
{
  if (by == NULL || strcmp (by, "day") == 0)
    *out = CLIP_COVERAGE_BY_DAY;
  else if (strcmp (by, "hour") == 0)
    *out = CLIP_COVERAGE_BY_HOUR;
  else if (strcmp (by, "outlet") == 0)
    *out = CLIP_COVERAGE_BY_OUTLET;
  else
    return FALSE;
  return TRUE;
}

int
clip_cli_coverage (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *rule = NULL, *outlet = NULL, *story = NULL, *by = NULL;
  g_autofree char *since = NULL, *until = NULL, *group = NULL;
  const GOptionEntry entries[] = {
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule, N_("Articles this rule (name or ID) matched"), "NAME" },
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &outlet, N_("Articles of this outlet"), "ID" },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group, N_("Articles of the outlets of this group"), "GROUP" },
    { "story", 0, 0, G_OPTION_ARG_STRING, &story, N_("Articles of this story"), "ID" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Count by day (the default), hour or outlet"), "day|hour|outlet" },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Articles from this date or time on"), "DATE" },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Articles up to this date (including the day) or time"), "DATE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  ClipCoverageQuery q = { 0 };
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buckets = NULL;

  if (!clip_cli_parse_options (cli, NULL, _("Count articles per day (UTC), hour or outlet, "
                                            "each with its outlets' shares. DATE is "
                                            "YYYY-MM-DD (local time) or ISO 8601."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 1)
    return clip_cli_usage (cli, _("unexpected argument “%s”"), argv[1]);
  if (!parse_by (by, &q.by))
    return clip_cli_usage (cli, _("--by must be day, hour or outlet"));
  if (outlet && !clip_cli_parse_id (outlet, &q.outlet_id))
    return clip_cli_usage (cli, _("“%s” is not an outlet ID"), outlet);
  if (story && !clip_cli_parse_id (story, &q.story_id))
    return clip_cli_usage (cli, _("“%s” is not a story ID"), story);
  if ((since && !clip_export_parse_date (since, FALSE, &q.since, &error)) ||
      (until && !clip_export_parse_date (until, TRUE, &q.until, &error)))
    return clip_cli_usage (cli, "%s", error->message);
  q.outlet_group = group;
  if (!(store = clip_cli_open_store (cli, &error)) ||
      (rule && !(q.rule_id = clip_cli_rule_id (store, rule, &error))) ||
      !(buckets = clip_coverage_query (store, &q, &error)))
    return clip_cli_fail (cli, error);
  print_buckets (buckets, json);
  return CLIP_CLI_OK;
}
