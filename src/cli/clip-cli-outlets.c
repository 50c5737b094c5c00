/* clip-cli-outlets.c — outlets add/list/remove, import-opml, export-opml
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"
#include "clip-input.h"
#include "clip-fetch.h"
#include "clip-opml.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

static const char *
outlet_status (const ClipOutlet *o)
{
  if (!o->enabled)
    return "disabled";
  if (o->layout_changed)
    return "layout changed";
  if (o->last_error != NULL)
    return "error";
  if (o->last_success == 0)
    return "new";
  return "ok";
}

/* "pages": how its articles' pages fare, beside the feed's health. */
static void
add_page_health (JsonBuilder *b, const ClipOutlet *o)
{
  json_builder_set_member_name (b, "pages");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, o->page_checked == 0 ? "none"
                                    : clip_outlet_pages_failing (o) ? "failing" : "ok");
  json_builder_set_member_name (b, "failed");
  json_builder_add_int_value (b, clip_outlet_page_failures (o));
  json_builder_set_member_name (b, "checked");
  json_builder_add_int_value (b, MIN (o->page_checked, CLIP_OUTLET_PAGE_WINDOW));
  json_builder_set_member_name (b, "last_error");
  json_builder_add_string_value (b, o->page_error);
  json_builder_set_member_name (b, "next_attempt");
  json_builder_add_value (b, clip_cli_time_node (o->page_next_attempt));
  json_builder_end_object (b);
}

static JsonNode *
outlet_to_json (const ClipOutlet *o)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, o->id);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, o->url);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, o->name);
  json_builder_set_member_name (b, "site_url");
  json_builder_add_string_value (b, o->site_url);
  json_builder_set_member_name (b, "group");
  json_builder_add_string_value (b, o->group);
  json_builder_set_member_name (b, "interval");
  json_builder_add_int_value (b, o->interval);
  json_builder_set_member_name (b, "enabled");
  json_builder_add_boolean_value (b, o->enabled);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, clip_outlet_kind_name (o->kind));
  json_builder_set_member_name (b, "selector");
  json_builder_add_string_value (b, o->selector);
  if (o->kind == CLIP_OUTLET_LISTING)
    {
      json_builder_set_member_name (b, "next_selector");
      json_builder_add_string_value (b, o->next_selector);
      json_builder_set_member_name (b, "pages");
      json_builder_add_int_value (b, o->pages);
    }
  json_builder_set_member_name (b, "full_text");
  json_builder_add_string_value (b, clip_full_text_to_string (o->full_text));
  json_builder_set_member_name (b, "robots");
  json_builder_add_string_value (b, o->ignore_robots ? "ignore" : "obey");
  json_builder_set_member_name (b, "articles");
  json_builder_add_int_value (b, o->article_count);
  json_builder_set_member_name (b, "unread");
  json_builder_add_int_value (b, o->unread_count);
  json_builder_set_member_name (b, "health");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, outlet_status (o));
  json_builder_set_member_name (b, "last_success");
  json_builder_add_value (b, clip_cli_time_node (o->last_success));
  json_builder_set_member_name (b, "last_attempt");
  json_builder_add_value (b, clip_cli_time_node (o->last_attempt));
  json_builder_set_member_name (b, "last_error");
  json_builder_add_string_value (b, o->last_error);
  json_builder_set_member_name (b, "failures");
  json_builder_add_int_value (b, o->failures);
  json_builder_set_member_name (b, "next_attempt");
  json_builder_add_value (b, clip_cli_time_node (o->next_attempt));
  add_page_health (b, o);
  if (o->layout_changed && o->preview)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      /* our own JSON, written by the service */
      if (json_parser_load_from_data (parser, o->preview, -1, NULL))
        {
          json_builder_set_member_name (b, "last_good_preview");
          json_builder_add_value (b, json_node_copy (json_parser_get_root (parser)));
        }
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Whether adding o could succeed (a valid address and interval, not
 * listed yet), before its feed is fetched for a title; error says why
 * not. */
static gboolean
clip_cli_valid_outlet (ClipCli *cli, ClipOutlet *o, int interval, GError **error)
{
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(ClipOutlet) listed = NULL;

  o->interval = interval;
  if (!clip_store_validate_outlet (o, error) || !(store = clip_cli_open_store (cli, error)))
    return FALSE;
  listed = clip_store_find_outlet (store, o->url, NULL);
  if (listed && !listed->removed)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_EXISTS,
                   "An outlet with the address %s is already in the list", o->url);
      return FALSE;
    }
  return TRUE;
}

/* --full-text and --robots: FALSE (and a usage error) for another word. */
static gboolean
parse_page_options (ClipCli *cli, const char *full_text, const char *robots,
                    gint *full_text_out, gint *ignore_robots_out, int *status)
{
  ClipFullText mode;

  if (full_text != NULL)
    {
      if (!clip_full_text_from_string (full_text, &mode))
        {
          *status = clip_cli_usage (cli, _("--full-text takes auto, always or never, not “%s”"),
                                    full_text);
          return FALSE;
        }
      *full_text_out = mode;
    }
  if (robots != NULL)
    {
      if (g_ascii_strcasecmp (robots, "obey") != 0 && g_ascii_strcasecmp (robots, "ignore") != 0)
        {
          *status = clip_cli_usage (cli, _("--robots takes obey or ignore, not “%s”"), robots);
          return FALSE;
        }
      *ignore_robots_out = g_ascii_strcasecmp (robots, "ignore") == 0;
    }
  return TRUE;
}

typedef struct {
  GPtrArray *found;
  GError    *error;
  gboolean   done;
} Discovery;

static void
discovered_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Discovery *d = data;

  d->found = clip_fetcher_discover_finish (CLIP_FETCHER (source), result, &d->error);
  d->done = TRUE;
}

/* The feed's own title, as the window names a new outlet: of the feed at
 * url, or of the first feed a page at url links to. NULL (and a warning
 * naming the reason) when it cannot be read: the outlet is then named
 * after its host, and the first fetch still gives it the feed's title. */
static char *
feed_title (ClipCli *cli, const char *url)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(ClipFetcher) fetcher = NULL;
  Discovery d = { 0 };
  char *title = NULL;

  g_main_context_push_thread_default (context);
  fetcher = clip_fetcher_new (NULL);
  clip_fetcher_discover_async (fetcher, url, NULL, discovered_cb, &d);
  while (!d.done)
    g_main_context_iteration (context, TRUE);
  g_clear_object (&fetcher);
  g_main_context_pop_thread_default (context);
  for (guint i = 0; d.found && i < d.found->len && title == NULL; i++)
    {
      const ClipFeedCandidate *c = g_ptr_array_index (d.found, i);

      if (c->title && *c->title && (i == 0 || g_strcmp0 (c->url, url) == 0))
        title = g_strdup (c->title);
    }
  if (d.error)
    clip_cli_fprint (stderr, _("clippings-cli %s: warning: could not read the feed’s title (%s); "
                               "named after its address for now\n"), cli->command, d.error->message);
  g_clear_pointer (&d.found, g_ptr_array_unref);
  g_clear_error (&d.error);
  return title;
}

static int
outlets_add (ClipCli *cli, int argc, char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *group = NULL;
  g_autofree char *full_text = NULL;
  g_autofree char *robots = NULL;
  int interval = CLIP_DEFAULT_INTERVAL;
  gboolean listing = FALSE, sitemap = FALSE;
  g_autofree char *selector = NULL;
  g_autofree char *next = NULL;
  int pages = 1;
  const GOptionEntry entries[] = {
    { "listing", 0, 0, G_OPTION_ARG_NONE, &listing,
      N_("Watch the article links of a web page (a site without a feed)"), NULL },
    { "selector", 0, 0, G_OPTION_ARG_STRING, &selector,
      N_("The listing's article links (CSS or XPath; default: the one found)"), "SEL" },
    { "next", 0, 0, G_OPTION_ARG_STRING, &next,
      N_("The listing's next-page link, for reading its archive first"), "SEL" },
    { "pages", 0, 0, G_OPTION_ARG_INT, &pages,
      N_("Pages of the listing read on the first fetch (default 1)"), "N" },
    { "sitemap", 0, 0, G_OPTION_ARG_NONE, &sitemap,
      N_("Watch a (news) sitemap"), NULL },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The outlet's name"), "NAME" },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group, N_("Put the outlet in a group"), "GROUP" },
    { "interval", 0, 0, G_OPTION_ARG_INT, &interval,
      N_("Seconds between fetches (default 900)"), "SECONDS" },
    { "full-text", 0, 0, G_OPTION_ARG_STRING, &full_text,
      N_("Read articles from their pages: auto (when the feed's text is short), always or never"),
      "auto|always|never" },
    { "robots", 0, 0, G_OPTION_ARG_STRING, &robots,
      N_("obey (default) or ignore the site's robots.txt when reading pages"), "obey|ignore" },
    { NULL }
  };
  gint mode = CLIP_FULL_TEXT_AUTO, ignore_robots = FALSE;
  int status;
  g_autoptr(ClipCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  gint64 id;

  if (!clip_cli_parse_options (cli, "URL", _("Add an outlet by its feed address, or a web page or sitemap to watch."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one URL"));
  if (!parse_page_options (cli, full_text, robots, &mode, &ignore_robots, &status))
    return status;
  if (listing && sitemap)
    return clip_cli_usage (cli, _("--listing and --sitemap cannot be given together"));
  if (!listing && (selector || next || pages != 1))
    return clip_cli_usage (cli, _("--selector, --next and --pages are for --listing"));
  if (pages < 1 || pages > CLIP_OUTLET_MAX_PAGES)
    return clip_cli_usage (cli, _("--pages must be between 1 and %d"), CLIP_OUTLET_MAX_PAGES);
  if (listing && selector == NULL && !(selector = clip_cli_find_selector (cli, argv[1], &error)))
    return clip_cli_fail (cli, error);
  o->kind = listing ? CLIP_OUTLET_LISTING : sitemap ? CLIP_OUTLET_SITEMAP : CLIP_OUTLET_FEED;
  o->selector = g_strdup (selector);
  o->next_selector = g_strdup (next);
  o->pages = pages;
  o->full_text = (ClipFullText) mode;
  o->ignore_robots = ignore_robots;
  o->url = g_strdup (argv[1]);
  /* The address is checked before anything is fetched from it. */
  /* A feed is named after its title; a page or sitemap after its host. */
  if (name == NULL && clip_cli_valid_outlet (cli, o, interval, &error))
    name = o->kind == CLIP_OUTLET_FEED ? feed_title (cli, o->url) : NULL;
  else if (error)
    return clip_cli_fail (cli, error);
  o->name = g_strdup (name);
  o->group = g_strdup (group);
  o->interval = interval;
  command = clip_command_add_outlet (o);
  if (!clip_cli_run (cli, clip_command_ref (command), &error))
    return clip_cli_fail (cli, error);
  id = clip_command_get_id (command);
  clip_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return CLIP_CLI_OK;
}

static void
print_outlets_text (GPtrArray *list)
{
  for (guint i = 0; i < list->len; i++)
    {
      const ClipOutlet *o = g_ptr_array_index (list, i);
      g_autofree char *display_name = clip_outlet_dup_display_name (o);
      g_autofree char *name = clip_cli_field (display_name);
      g_autofree char *url = clip_cli_field (o->url);
      g_autofree char *group = clip_cli_field (*o->group ? o->group : "-");
      g_autofree char *last_error = clip_cli_field (o->last_error);

      clip_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s%s%s%s%s\n", o->id, name, url, group,
                      outlet_status (o), o->last_error ? ": " : "", last_error,
                      o->kind != CLIP_OUTLET_FEED ? "\t" : "",
                      o->kind != CLIP_OUTLET_FEED ? clip_outlet_kind_name (o->kind) : "");
    }
}

static int
outlets_list (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (!clip_cli_parse_options (cli, NULL, _("List the outlets with their health."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 1)
    return clip_cli_usage (cli, _("unexpected argument “%s”"), argv[1]);
  if (!(store = clip_cli_open_store (cli, &error)) ||
      !(list = clip_store_list_outlets (store, &error)))
    return clip_cli_fail (cli, error);
  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *arr = json_array_new ();

      for (guint i = 0; i < list->len; i++)
        json_array_add_element (arr, outlet_to_json (g_ptr_array_index (list, i)));
      json_node_take_array (root, arr);
      clip_cli_print_json (root);
    }
  else
    print_outlets_text (list);
  return CLIP_CLI_OK;
}

static int
outlets_remove (ClipCli *cli, int argc, char **argv)
{
  gboolean keep = FALSE, all = FALSE;
  const GOptionEntry entries[] = {
    { "keep-annotated", 0, 0, G_OPTION_ARG_NONE, &keep,
      N_("Keep the flagged, tagged and annotated articles (the default)"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("Delete every article of the outlet, flagged, tagged and annotated ones too"), NULL },
    { NULL }
  };
  g_autoptr(ClipCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint kept;

  if (!clip_cli_parse_options (cli, "ID", _("Remove an outlet and its articles; flagged, tagged "
                                            "and annotated articles stay unless --all is given."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (keep && all)
    return clip_cli_usage (cli, _("--keep-annotated and --all cannot be used together"));
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one outlet ID"));
  if (!clip_cli_parse_id (argv[1], &id))
    return clip_cli_usage (cli, _("“%s” is not an outlet ID"), argv[1]);
  command = clip_command_remove_outlet_keeping (id, !all);
  if (!clip_cli_run (cli, clip_command_ref (command), &error))
    return clip_cli_fail (cli, error);
  if ((kept = clip_command_get_n_kept (command)) > 0)
    clip_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u annotated article kept\n",
                                 "%u annotated articles kept\n", kept), kept);
  return CLIP_CLI_OK;
}

static int
outlets_edit (ClipCli *cli, int argc, char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *group = NULL;
  g_autofree char *full_text = NULL;
  g_autofree char *robots = NULL;
  int interval = 0;
  gboolean enable = FALSE, disable = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("A new name"), "NAME" },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group, N_("Move to a group (\"\": none)"), "GROUP" },
    { "interval", 0, 0, G_OPTION_ARG_INT, &interval, N_("Seconds between fetches"), "SECONDS" },
    { "enable", 0, 0, G_OPTION_ARG_NONE, &enable, N_("Fetch the outlet"), NULL },
    { "disable", 0, 0, G_OPTION_ARG_NONE, &disable, N_("Stop fetching the outlet, keeping its articles"), NULL },
    { "full-text", 0, 0, G_OPTION_ARG_STRING, &full_text,
      N_("Read articles from their pages: auto, always or never"), "auto|always|never" },
    { "robots", 0, 0, G_OPTION_ARG_STRING, &robots,
      N_("obey or ignore the site's robots.txt when reading pages"), "obey|ignore" },
    { NULL }
  };
  ClipOutletChanges changes;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status;

  if (!clip_cli_parse_options (cli, "ID", _("Change an outlet's settings."), entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one outlet ID"));
  if (!clip_cli_parse_id (argv[1], &id))
    return clip_cli_usage (cli, _("“%s” is not an outlet ID"), argv[1]);
  if (enable && disable)
    return clip_cli_usage (cli, _("--enable and --disable cannot go together"));
  if (name != NULL && *g_strstrip (name) == '\0')
    return clip_cli_usage (cli, _("--name cannot be empty"));
  if (interval != 0 && (interval < 60 || interval > 7 * 24 * 3600))
    return clip_cli_usage (cli, _("--interval must be between 60 seconds and a week, not %d"), interval);
  clip_outlet_changes_init (&changes);
  if (!parse_page_options (cli, full_text, robots, &changes.full_text, &changes.ignore_robots, &status))
    return status;
  if (name == NULL && group == NULL && interval == 0 && !enable && !disable &&
      full_text == NULL && robots == NULL)
    return clip_cli_usage (cli, _("nothing to change: give --name, --group, --interval, "
                                  "--enable, --disable, --full-text or --robots"));
  changes.name = name;
  changes.group = group;
  changes.interval = interval;
  changes.enabled = enable ? TRUE : disable ? FALSE : -1;
  if (!clip_cli_run (cli, clip_command_edit_outlet (id, &changes), &error))
    return clip_cli_fail (cli, error);
  return CLIP_CLI_OK;
}

int
clip_cli_outlets (ClipCli *cli, int argc, char **argv)
{
  static const ClipCliSubcommand subs[] = {
    { "add", outlets_add }, { "edit", outlets_edit }, { "list", outlets_list },
    { "remove", outlets_remove }, { "probe", clip_cli_outlets_probe },
  };

  return clip_cli_dispatch (cli, "outlets", _("Usage: clippings-cli outlets add|edit|list|remove|probe [OPTIONS…]"),
                            NULL, subs, G_N_ELEMENTS (subs), argc, argv);
}

int
clip_cli_import_opml (ClipCli *cli, int argc, char **argv)
{
  g_autoptr(ClipCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  g_autofree char *data = NULL;
  gsize len;
  const ClipImportResult *result;

  if (!clip_cli_parse_options (cli, "FILE", _("Add the outlets listed in an OPML file."),
                               NULL, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one OPML file"));
  if (!clip_input_read_file (argv[1], CLIP_OPML_MAX_SIZE, &data, &len, &error))
    return clip_cli_usage (cli, "%s", error->message);
  if (!(outlets = clip_opml_parse (data, len, &error)))
    return clip_cli_usage (cli, "%s: %s", argv[1], error->message);
  command = clip_command_import_outlets (outlets, 0);
  if (!clip_cli_run (cli, clip_command_ref (command), &error))
    return clip_cli_fail (cli, error);
  result = clip_command_get_import_result (command);
  for (guint i = 0; i < result->skip_reasons->len; i++)
    clip_cli_fprint (stderr, "clippings-cli import-opml: %s\n",
                     (const char *) g_ptr_array_index (result->skip_reasons, i));
  clip_cli_print (_("%u outlets added, %u skipped\n"), result->added, result->skipped);
  return CLIP_CLI_OK;
}

int
clip_cli_export_opml (ClipCli *cli, int argc, char **argv)
{
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  g_autofree char *xml = NULL;

  if (!clip_cli_parse_options (cli, "FILE", _("Write the outlets to an OPML file (- for standard output)."),
                               NULL, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one output file"));
  if (!(store = clip_cli_open_store (cli, &error)) ||
      !(outlets = clip_store_list_outlets (store, &error)))
    return clip_cli_fail (cli, error);
  xml = clip_opml_write (outlets, NULL);
  if (strcmp (argv[1], "-") == 0)
    fputs (xml, stdout);
  else if (!g_file_set_contents (argv[1], xml, -1, &error))
    return clip_cli_fail (cli, error);
  return CLIP_CLI_OK;
}
