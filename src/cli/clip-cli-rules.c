/* clip-cli-rules.c — rules add/list/edit/remove/check, lists add/show/list/remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"
#include "clip-format.h"
#include "clip-cli-rules.h"
#include "clip-rule-backfill.h"
#include "clip-rules-store.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* Query errors are the user's to fix: "column N: message", exit 2. */
int
clip_cli_rules_fail (ClipCli *cli, const GError *error)
{
  if (error->domain == CLIP_RULE_ERROR)
    {
      clip_cli_fprint (stderr, "%s\n", error->message);
      return CLIP_CLI_USAGE;
    }
  return clip_cli_fail (cli, error);
}

static gboolean
rule_by_id (ClipStore *store, const char *text, ClipRule **rule, GError **error)
{
  gint64 id;

  if (!clip_cli_parse_id (text, &id))
    {
      /* A name works too: analysts remember names, not numbers. */
      *rule = clip_store_find_rule (store, text, error);
      return *rule != NULL;
    }
  *rule = clip_store_get_rule (store, id, error);
  return *rule != NULL;
}

gint64
clip_cli_rule_id (ClipStore   *store,
                  const char  *id_or_name,
                  GError     **error)
{
  g_autoptr(ClipRule) r = NULL;

  return rule_by_id (store, id_or_name, &r, error) ? r->id : 0;
}

/* Saves the rule (and matches it again where needed) as the GUI's rule
 * editor does: the same command. */
static gboolean
save_rule (ClipCli *cli, const ClipRule *rule, gint64 *id, guint64 *n, gboolean *rematched,
           GError **error)
{
  g_autoptr(ClipCommand) command = clip_command_save_rule (rule);

  if (!clip_cli_run (cli, clip_command_ref (command), error))
    return FALSE;
  *id = clip_command_get_id (command);
  *n = clip_command_get_n_matched (command);
  if (rematched)
    *rematched = clip_command_get_rematched (command);
  return TRUE;
}

static int
rules_add (ClipCli *cli, int argc, char **argv)
{
  g_autofree char *severity = NULL, *notify = NULL, *color = NULL;
  gboolean disabled = FALSE;
  const GOptionEntry entries[] = {
    { "severity", 0, 0, G_OPTION_ARG_STRING, &severity, N_("info, important or critical"), "S" },
    { "notify", 0, 0, G_OPTION_ARG_STRING, &notify, N_("instant, hourly, daily or none"), "MODE" },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color, N_("Highlight colour, #rrggbb"), "COLOR" },
    { "disabled", 0, 0, G_OPTION_ARG_NONE, &disabled, N_("Save it switched off"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  ClipRule r = { 0 };
  guint64 n = 0;
  gint64 id = 0;

  if (!clip_cli_parse_options (cli, "NAME QUERY", _("Add a rule and match it against the archive."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 3)
    return clip_cli_usage (cli, _("expected a NAME and a QUERY (quote each)"));
  r.name = argv[1];
  r.query = argv[2];
  r.severity = severity;
  r.notify = notify;
  r.color = color;
  r.enabled = !disabled;
  if (!save_rule (cli, &r, &id, &n, NULL, &error))
    return clip_cli_rules_fail (cli, error);
  if (r.enabled)
    {
      g_autofree char *count = clip_format_count ((gint64) n, NULL);

      /* Translators: the last %s is a number, with the locale's thousands separators */
      clip_cli_print (_("Added rule %" PRId64 " “%s”: it matches %s archived articles\n"), id, argv[1], count);
    }
  else
    clip_cli_print (_("Added rule %" PRId64 " “%s” (disabled)\n"), id, argv[1]);
  return CLIP_CLI_OK;
}

static JsonNode *
rule_json (const ClipRule *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, r->id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, r->name);
  json_builder_set_member_name (b, "query");
  json_builder_add_string_value (b, r->query);
  json_builder_set_member_name (b, "enabled");
  json_builder_add_boolean_value (b, r->enabled);
  json_builder_set_member_name (b, "severity");
  json_builder_add_string_value (b, r->severity);
  json_builder_set_member_name (b, "notify");
  json_builder_add_string_value (b, r->notify);
  json_builder_set_member_name (b, "color");
  json_builder_add_string_value (b, r->color);
  json_builder_set_member_name (b, "created");
  json_builder_add_value (b, clip_cli_time_node (r->created));
  json_builder_set_member_name (b, "modified");
  json_builder_add_value (b, clip_cli_time_node (r->modified));
  json_builder_set_member_name (b, "matches");
  json_builder_add_int_value (b, r->match_count);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static int
rules_list (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;

  if (!clip_cli_parse_options (cli, NULL, _("List the rules."), entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 1)
    return clip_cli_usage (cli, _("unexpected argument “%s”"), argv[1]);
  if (!(store = clip_cli_open_store (cli, &error)) || !(rules = clip_store_list_rules (store, &error)))
    return clip_cli_fail (cli, error);
  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *arr = json_array_new ();

      for (guint i = 0; i < rules->len; i++)
        json_array_add_element (arr, rule_json (g_ptr_array_index (rules, i)));
      json_node_take_array (root, arr);
      clip_cli_print_json (root);
      return CLIP_CLI_OK;
    }
  for (guint i = 0; i < rules->len; i++)
    {
      const ClipRule *r = g_ptr_array_index (rules, i);
      g_autofree char *name = clip_cli_field (r->name);
      g_autofree char *query = clip_cli_field (r->query);

      clip_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\n", r->id,
                      r->enabled ? "on" : "off", r->severity, r->notify, r->match_count, name, query);
    }
  return CLIP_CLI_OK;
}

static int
rules_edit (ClipCli *cli, int argc, char **argv)
{
  g_autofree char *name = NULL, *query = NULL, *severity = NULL, *notify = NULL, *color = NULL;
  gboolean enable = FALSE, disable = FALSE, recompute = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New name"), "NAME" },
    { "query", 0, 0, G_OPTION_ARG_STRING, &query, N_("New query"), "QUERY" },
    { "severity", 0, 0, G_OPTION_ARG_STRING, &severity, N_("info, important or critical"), "S" },
    { "notify", 0, 0, G_OPTION_ARG_STRING, &notify, N_("instant, hourly, daily or none"), "MODE" },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color, N_("Highlight colour, #rrggbb"), "COLOR" },
    { "enable", 0, 0, G_OPTION_ARG_NONE, &enable, N_("Switch it on"), NULL },
    { "disable", 0, 0, G_OPTION_ARG_NONE, &disable, N_("Switch it off"), NULL },
    { NULL }
  };
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipRule) r = NULL;
  guint64 n = 0;
  gint64 id = 0;

  if (!clip_cli_parse_options (cli, "ID", _("Change a rule (by ID or name); a new query is "
                                            "matched against the archive again."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one rule ID"));
  if (enable && disable)
    return clip_cli_usage (cli, _("--enable and --disable cannot go together"));
  if (!(store = clip_cli_open_store (cli, &error)) || !rule_by_id (store, argv[1], &r, &error))
    return clip_cli_fail (cli, error);
#define REPLACE(field, value) if (value) { g_free (r->field); r->field = g_steal_pointer (&value); }
  REPLACE (name, name);
  REPLACE (query, query);
  REPLACE (severity, severity);
  REPLACE (notify, notify);
  REPLACE (color, color);
#undef REPLACE
  if (enable || disable)
    r->enabled = enable;
  g_clear_object (&store);
  if (!save_rule (cli, r, &id, &n, &recompute, &error))
    return clip_cli_rules_fail (cli, error);
  if (recompute)
    {
      g_autofree char *count = clip_format_count ((gint64) n, NULL);

      /* Translators: the last %s is a number, with the locale's thousands separators */
      clip_cli_print (_("Saved rule %" PRId64 " “%s”: it matches %s archived articles\n"), r->id, r->name, count);
    }
  else
    clip_cli_print (_("Saved rule %" PRId64 " “%s”\n"), r->id, r->name);
  return CLIP_CLI_OK;
}

static int
rules_remove (ClipCli *cli, int argc, char **argv)
{
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipRule) r = NULL;

  if (!clip_cli_parse_options (cli, "ID", _("Remove a rule (by ID or name) with its matches "
                                            "and alerts."), NULL, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one rule ID"));
  if (!(store = clip_cli_open_store (cli, &error)) || !rule_by_id (store, argv[1], &r, &error) ||
      !clip_cli_run (cli, clip_command_remove_rule (r->id), &error))
    return clip_cli_fail (cli, error);
  clip_cli_print (_("Removed rule %" PRId64 " “%s”\n"), r->id, r->name);
  return CLIP_CLI_OK;
}

static int
rules_check (ClipCli *cli, int argc, char **argv)
{
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!clip_cli_parse_options (cli, "QUERY", _("Check a query: exit 0 when it is valid, 2 with "
                                               "“column N: message” when not."),
                               NULL, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one QUERY (quote it)"));
  /* Term lists are the archive's: @name must name one of them. */
  if (!(store = clip_cli_open_store (cli, &error)))
    return clip_cli_fail (cli, error);
  if (!clip_store_check_query (store, argv[1], NULL, &error))
    return clip_cli_rules_fail (cli, error);
  return CLIP_CLI_OK;
}

static const ClipCliSubcommand rules_commands[] = {
  { "add", rules_add },
  { "list", rules_list },
  { "edit", rules_edit },
  { "remove", rules_remove },
  { "check", rules_check },
  { "test", clip_cli_rules_test },
};

int
clip_cli_rules (ClipCli *cli, int argc, char **argv)
{
  return clip_cli_dispatch (cli, "rules", _("Usage: clippings-cli rules add|list|edit|remove|check|test …"),
                            "  add NAME QUERY [--severity S] [--notify MODE] [--color #rrggbb]\n"
                            "  list [--json]\n"
                            "  edit ID [--name N] [--query Q] [--severity S] [--notify MODE] "
                            "[--color C] [--enable|--disable]\n"
                            "  remove ID\n  check QUERY\n  test QUERY FILE… [--json]\n",
                            rules_commands, G_N_ELEMENTS (rules_commands), argc, argv);
}

/* Lists */

/* The enabled rules that use the list were matched again: how much
 * each matches now. */
static gboolean
report_users (ClipCli *cli, const char *name, GError **error)
{
  g_autoptr(ClipStore) store = clip_cli_open_store (cli, error);
  g_autoptr(GArray) users = store ? clip_store_rules_using_list (store, name, error) : NULL;
  g_autoptr(GPtrArray) rules = users ? clip_store_list_rules (store, error) : NULL;

  if (rules == NULL)
    return FALSE;
  for (guint i = 0; i < rules->len; i++)
    {
      const ClipRule *r = g_ptr_array_index (rules, i);

      for (guint j = 0; r->enabled && j < users->len; j++)
        if (g_array_index (users, gint64, j) == r->id)
          {
            g_autofree char *count = clip_format_count (r->match_count, NULL);

            /* Translators: the second %s is a number, with the locale's thousands separators */
            clip_cli_print (_("Rule “%s” now matches %s archived articles\n"), r->name, count);
          }
    }
  return TRUE;
}

/* add: terms added to the list (made when new); edit: the list's terms
 * replaced by these. */
static int
lists_set (ClipCli *cli, int argc, char **argv, gboolean add)
{
  g_autoptr(GError) error = NULL;
  const char * const *terms;

  if (!clip_cli_parse_options (cli, "NAME TERM…",
                               add ? _("Add terms to a term list (made when new); "
                                       "rules that use it are matched again.")
                                   : _("Replace a term list's terms (made when new); "
                                       "rules that use it are matched again."),
                               NULL, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc < 3)
    return clip_cli_usage (cli, _("expected a list NAME and at least one TERM"));
  terms = (const char * const *) argv + 2;
  if (!clip_cli_run (cli, add ? clip_command_add_terms (argv[1], terms)
                              : clip_command_set_term_list (argv[1], terms), &error))
    return clip_cli_fail (cli, error);
  if (add)
    clip_cli_print (_("Term list “%s”: added %d terms\n"), argv[1], argc - 2);
  else
    clip_cli_print (_("Term list “%s”: %d terms\n"), argv[1], argc - 2);
  if (!report_users (cli, argv[1], &error))
    return clip_cli_fail (cli, error);
  return CLIP_CLI_OK;
}

static int
lists_add (ClipCli *cli, int argc, char **argv)
{
  return lists_set (cli, argc, argv, TRUE);
}

static int
lists_edit (ClipCli *cli, int argc, char **argv)
{
  return lists_set (cli, argc, argv, FALSE);
}

static int
lists_rename (ClipCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;

  if (!clip_cli_parse_options (cli, "OLD NEW", _("Rename a term list; the rules that use it "
                                                 "are rewritten to use the new name."),
                               NULL, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 3)
    return clip_cli_usage (cli, _("expected the list's NAME and its NEW name"));
  if (!clip_cli_run (cli, clip_command_rename_term_list (argv[1], argv[2]), &error))
    return clip_cli_fail (cli, error);
  clip_cli_print (_("Renamed term list “%s” to “%s”\n"), argv[1], argv[2]);
  return CLIP_CLI_OK;
}

static int
lists_show (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipTermLists) lists = NULL;
  GPtrArray *entries_of;

  if (!clip_cli_parse_options (cli, "NAME", _("Print a term list's entries, one a line."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one list NAME"));
  if (!(store = clip_cli_open_store (cli, &error)) ||
      !(lists = clip_store_load_term_lists (store, &error)))
    return clip_cli_fail (cli, error);
  if (!(entries_of = g_hash_table_lookup (lists, argv[1])))
    return clip_cli_usage (cli, _("there is no term list “%s”"), argv[1]);
  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *arr = json_array_new ();

      for (guint i = 0; i < entries_of->len; i++)
        json_array_add_string_element (arr, g_ptr_array_index (entries_of, i));
      json_node_take_array (root, arr);
      clip_cli_print_json (root);
      return CLIP_CLI_OK;
    }
  for (guint i = 0; i < entries_of->len; i++)
    {
      g_autofree char *entry = clip_cli_field (g_ptr_array_index (entries_of, i));

      clip_cli_print ("%s\n", entry);
    }
  return CLIP_CLI_OK;
}

static int
lists_list (ClipCli *cli, int argc, char **argv)
{
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipTermLists) lists = NULL;
  g_auto(GStrv) names = NULL;

  if (!clip_cli_parse_options (cli, NULL, _("List the term lists."), NULL, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (!(store = clip_cli_open_store (cli, &error)) ||
      !(names = clip_store_list_term_lists (store, &error)) ||
      !(lists = clip_store_load_term_lists (store, &error)))
    return clip_cli_fail (cli, error);
  for (guint i = 0; names[i]; i++)
    {
      GPtrArray *e = g_hash_table_lookup (lists, names[i]);
      g_autofree char *name = clip_cli_field (names[i]);

      clip_cli_print ("%s\t%u\n", name, e ? e->len : 0);
    }
  return CLIP_CLI_OK;
}

static int
lists_remove (ClipCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;

  if (!clip_cli_parse_options (cli, "NAME", _("Remove a term list no rule uses."), NULL, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one list NAME"));
  if (!clip_cli_run (cli, clip_command_remove_term_list (argv[1]), &error))
    return clip_cli_fail (cli, error);
  clip_cli_print (_("Removed term list “%s”\n"), argv[1]);
  return CLIP_CLI_OK;
}

int
clip_cli_lists (ClipCli *cli, int argc, char **argv)
{
  static const ClipCliSubcommand cmds[] = {
    { "add", lists_add }, { "edit", lists_edit }, { "rename", lists_rename },
    { "show", lists_show }, { "list", lists_list }, { "remove", lists_remove },
  };

  return clip_cli_dispatch (cli, "lists", _("Usage: clippings-cli lists add NAME TERM… | edit NAME TERM… | "
                                            "rename OLD NEW | show NAME [--json] | list | remove NAME"),
                            NULL, cmds, G_N_ELEMENTS (cmds), argc, argv);
}
