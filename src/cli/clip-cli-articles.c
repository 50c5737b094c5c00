/* clip-cli-articles.c — articles list, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"
#include "clip-format.h"
#include "clip-cli-rules.h"
#include "clip-rule-search.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

JsonNode *
clip_cli_article_json (const ClipArticle *a)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, a->id);
  json_builder_set_member_name (b, "outlet_id");
  json_builder_add_int_value (b, a->outlet_id);
  json_builder_set_member_name (b, "outlet");
  json_builder_add_string_value (b, a->outlet_name);
  json_builder_set_member_name (b, "guid");
  json_builder_add_string_value (b, a->guid);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, a->url);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, a->title);
  json_builder_set_member_name (b, "author");
  json_builder_add_string_value (b, a->author);
  json_builder_set_member_name (b, "lang");
  json_builder_add_string_value (b, a->lang);
  json_builder_set_member_name (b, "published");
  json_builder_add_value (b, clip_cli_time_node (a->published));
  json_builder_set_member_name (b, "updated");
  json_builder_add_value (b, clip_cli_time_node (a->updated));
  json_builder_set_member_name (b, "fetched");
  json_builder_add_value (b, clip_cli_time_node (a->fetched));
  json_builder_set_member_name (b, "read");
  json_builder_add_boolean_value (b, a->read);
  json_builder_set_member_name (b, "flag");
  json_builder_add_int_value (b, a->flag);
  json_builder_set_member_name (b, "note");
  json_builder_add_string_value (b, a->note);
  json_builder_set_member_name (b, "summary");
  json_builder_add_string_value (b, a->summary_text);
  /* Where the article sits in time order, and why (README: Time order). */
  json_builder_set_member_name (b, "time");
  json_builder_add_value (b, clip_cli_time_node (clip_article_time (a)));
  json_builder_set_member_name (b, "time_source");
  json_builder_add_string_value (b, clip_time_source_to_string (clip_article_time_source (a)));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

void
clip_cli_print_articles (GPtrArray *articles,
                         gboolean   json)
{
  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *arr = json_array_new ();

      for (guint i = 0; i < articles->len; i++)
        json_array_add_element (arr, clip_cli_article_json (g_ptr_array_index (articles, i)));
      json_node_take_array (root, arr);
      clip_cli_print_json (root);
      return;
    }
  for (guint i = 0; i < articles->len; i++)
    {
      const ClipArticle *a = g_ptr_array_index (articles, i);
      gint64 t = clip_article_time (a);
      /* For people: the JSON output has ISO 8601. */
      g_autofree char *when = t != CLIP_NO_DATE && t != 0 ? clip_format_time_full (t, FALSE, NULL, NULL) : NULL;
      g_autofree char *outlet = clip_cli_field (a->outlet_name);
      g_autofree char *title = clip_cli_field (a->title);

      clip_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", a->id, when ? when : "-",
                      outlet, title);
    }
}

static int
articles_list (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE, unread = FALSE, flagged = FALSE;
  int limit = 50;
  g_autofree char *outlet = NULL, *rule = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N articles (default 50; 0: all)"), "N" },
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &outlet, N_("Only this outlet's articles"), "ID" },
    { "unread", 0, 0, G_OPTION_ARG_NONE, &unread, N_("Only unread articles"), NULL },
    { "flagged", 0, 0, G_OPTION_ARG_NONE, &flagged, N_("Only flagged articles"), NULL },
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule, N_("Only articles this rule (name or ID) matched"), "NAME" },
    { NULL }
  };
  ClipArticleFilter filter = { 0 };
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (!clip_cli_parse_options (cli, NULL, _("List archived articles, newest first."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 1)
    return clip_cli_usage (cli, _("unexpected argument “%s”"), argv[1]);
  if (limit < 0)
    return clip_cli_usage (cli, _("--limit must be 0 or more"));
  if (outlet && !clip_cli_parse_id (outlet, &filter.outlet_id))
    return clip_cli_usage (cli, _("“%s” is not an outlet ID"), outlet);
  filter.unread_only = unread;
  filter.flagged_only = flagged;
  if (!(store = clip_cli_open_store (cli, &error)) ||
      (rule && !(filter.rule_id = clip_cli_rule_id (store, rule, &error))) ||
      !(list = clip_store_list_articles (store, &filter, CLIP_SORT_NEWEST, 0, limit, &error)))
    return clip_cli_fail (cli, error);
  clip_cli_print_articles (list, json);
  return CLIP_CLI_OK;
}

int
clip_cli_articles (ClipCli *cli, int argc, char **argv)
{
  static const ClipCliSubcommand subs[] = {
    { "list", articles_list }, { "show", clip_cli_articles_show },
    { "flag", clip_cli_articles_mark }, { "unflag", clip_cli_articles_mark },
    { "read", clip_cli_articles_mark }, { "unread", clip_cli_articles_mark },
    { "tag", clip_cli_articles_mark }, { "untag", clip_cli_articles_mark },
    { "note", clip_cli_articles_mark },
  };

  return clip_cli_dispatch (cli, "articles",
                            _("Usage: clippings-cli articles list|show|flag|unflag|read|unread|tag|untag|note "
                              "[OPTIONS…]"),
                            NULL, subs, G_N_ELEMENTS (subs), argc, argv);
}

int
clip_cli_search (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  int limit = 50;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N articles (default 50; 0: all)"), "N" },
    { NULL }
  };
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) ids = NULL;

  if (!clip_cli_parse_options (cli, "QUERY", _("Search the archive with the rule language "
                                               "(see docs/rules.md), newest first."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one QUERY (quote it)"));
  if (limit < 0)
    return clip_cli_usage (cli, _("--limit must be 0 or more"));
  if (!(store = clip_cli_open_store (cli, &error)))
    return clip_cli_fail (cli, error);
  if (!(ids = clip_rule_search (store, argv[1], 0, limit, NULL, &error)))
    return clip_cli_rules_fail (cli, error);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  for (guint i = 0; i < ids->len; i++)
    {
      ClipArticle *a = clip_store_get_article (store, g_array_index (ids, gint64, i), &error);
      if (a == NULL)
        return clip_cli_fail (cli, error);
      g_ptr_array_add (list, a);
    }
  clip_cli_print_articles (list, json);
  return CLIP_CLI_OK;
}
