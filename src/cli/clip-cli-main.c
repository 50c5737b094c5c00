/* clip-cli-main.c — clippings-cli: the core, headless, for scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  const char     *name;
  ClipCliCommand  run;
  const char     *summary;
} Command;

static const Command commands[] = {
  { "outlets",     clip_cli_outlets,     N_("List, add and remove outlets") },
  { "fetch",       clip_cli_fetch,       N_("Refresh the outlets once and report on each") },
  { "watch",       clip_cli_watch,       N_("Keep fetching outlets when due, until interrupted") },
  { "articles",    clip_cli_articles,    N_("List archived articles") },
  { "search",      clip_cli_search,      N_("Search the archive") },
  { "rules",       clip_cli_rules,       N_("Add, list, edit, check and test rules") },
  { "lists",       clip_cli_lists,       N_("Add to and show term lists") },
  { "stories",     clip_cli_stories,     N_("List, merge, split and rename stories") },
  { "coverage",    clip_cli_coverage,    N_("Count articles per day, hour or outlet") },
  { "import-opml", clip_cli_import_opml, N_("Add the outlets of an OPML file") },
  { "export-opml", clip_cli_export_opml, N_("Write the outlets to an OPML file") },
  { "export",      clip_cli_export,      N_("Write a report or data file: CSV, JSON, HTML or PDF") },
  { "parse",       clip_cli_parse,       N_("Parse a feed (file or URL) and print what it holds") },
  { "extract",     clip_cli_extract,     N_("Extract the article from a web page (file or URL)") },
};

static void
print_help (FILE *out)
{
  clip_cli_fprint (out, "%s\n\n", _("Usage: clippings-cli [--data-dir DIR] COMMAND [OPTIONS…]"));
  clip_cli_fprint (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    clip_cli_fprint (out, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  clip_cli_fprint (out, "\n%s\n", _("Run “clippings-cli COMMAND --help” for a command's options."));
  clip_cli_fprint (out, "%s\n", _("The archive is in $XDG_DATA_HOME/clippings unless --data-dir "
                                  "or CLIPPINGS_DATA_DIR says otherwise."));
}

int
main (int argc, char **argv)
{
  ClipCli cli = { NULL, NULL };
  int i = 1, status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command. */
  while (i < argc && argv[i][0] == '-')
    {
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_help (stdout);
          return CLIP_CLI_OK;
        }
      if (strcmp (argv[i], "--version") == 0)
        {
          clip_cli_print ("clippings-cli %s\n", PACKAGE_VERSION);
          return CLIP_CLI_OK;
        }
      if (strcmp (argv[i], "--data-dir") == 0 && i + 1 < argc)
        {
          g_free (cli.data_dir);
          cli.data_dir = g_strdup (argv[i + 1]);
          i += 2;
          continue;
        }
      if (g_str_has_prefix (argv[i], "--data-dir="))
        {
          g_free (cli.data_dir);
          cli.data_dir = g_strdup (argv[i] + strlen ("--data-dir="));
          i++;
          continue;
        }
      clip_cli_fprint (stderr, "clippings-cli: %s: %s\n", _("unknown option"), argv[i]);
      return CLIP_CLI_USAGE;
    }
  if (i >= argc)
    {
      print_help (stderr);
      return CLIP_CLI_USAGE;
    }
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (argv[i], commands[c].name) == 0)
      {
        cli.command = commands[c].name;
        status = commands[c].run (&cli, argc - i, argv + i);
        g_free (cli.data_dir);
        return status;
      }
  clip_cli_fprint (stderr, "clippings-cli: %s: %s\n", _("unknown command"), argv[i]);
  g_free (cli.data_dir);
  return CLIP_CLI_USAGE;
}
