/* clip-cli-util.c — option parsing, errors and output shared by commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"
#include "clip-archive.h"
#include "clip-feed.h"
#include "clip-input.h"
#include "clip-paths.h"
#include "clip-text-safe.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

gboolean
clip_cli_parse_options (ClipCli             *cli,
                        const char          *parameters,
                        const char          *summary,
                        const GOptionEntry  *entries,
                        int                 *argc,
                        char              ***argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  const GOptionEntry common[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir,
      N_("Use the archive in DIR"), "DIR" },
    { NULL }
  };
  g_autofree char *prgname = g_strdup_printf ("clippings-cli %s", cli->command);

  g_set_prgname (prgname);
  g_option_context_set_summary (ctx, summary);
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  if (entries)
    g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, common, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      clip_cli_fprint (stderr, "clippings-cli %s: %s\n", cli->command, error->message);
      return FALSE;
    }
  if (data_dir)
    {
      g_free (cli->data_dir);
      cli->data_dir = g_steal_pointer (&data_dir);
    }
  return TRUE;
}

int
clip_cli_usage (ClipCli    *cli,
                const char *format,
                ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  clip_cli_fprint (stderr, "clippings-cli %s: %s\n", cli->command, msg);
  return CLIP_CLI_USAGE;
}

/* Input the user can fix (a bad address, an unknown id) exits 2; trouble
 * with the machine (disk, locks) exits 1. */
int
clip_cli_fail (ClipCli      *cli,
               const GError *error)
{
  gboolean input = (error->domain == CLIP_STORE_ERROR &&
                    (error->code == CLIP_STORE_ERROR_INVALID ||
                     error->code == CLIP_STORE_ERROR_NOT_FOUND ||
                     error->code == CLIP_STORE_ERROR_EXISTS)) ||
                   error->domain == G_MARKUP_ERROR || error->domain == CLIP_INPUT_ERROR ||
                   error->domain == CLIP_FEED_ERROR ||
                   (error->domain == G_FILE_ERROR && error->code == G_FILE_ERROR_NOENT) ||
                   (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_INVALID_DATA);
  /* One line, whatever the message. */
  g_autofree char *line = clip_cli_field (error->message);

  clip_cli_fprint (stderr, "clippings-cli %s: %s\n", cli->command, line);
  return input ? CLIP_CLI_USAGE : CLIP_CLI_FAILURE;
}

/* Read-only: changes go through clip_cli_open_commands(). An archive
 * not made yet, or at an older schema, is made or brought up to date
 * first by the writer (with the default rules), as the GUI does. */
ClipStore *
clip_cli_open_store (ClipCli  *cli,
                     GError  **error)
{
  g_autofree char *dir = clip_paths_data_dir (cli->data_dir);
  g_autofree char *path = clip_paths_archive_path (dir);
  g_autoptr(ClipCommands) writer = NULL;
  g_autoptr(GError) local = NULL;
  ClipStore *store;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if ((store = clip_archive_open (cli->data_dir, CLIP_STORE_OPEN_READ_ONLY, &local)) != NULL)
        return store;
      /* Only an archive at another schema is the writer's to fix; any
       * other failure (a folder it could not write either) is the answer. */
      if (!g_error_matches (local, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  if ((writer = clip_commands_open (cli->data_dir, error)) == NULL)
    return NULL;
  return clip_archive_open (cli->data_dir, CLIP_STORE_OPEN_READ_ONLY, error);
}

ClipCommands *
clip_cli_open_commands (ClipCli  *cli,
                        GError  **error)
{
  return clip_commands_open (cli->data_dir, error);
}

/* Runs one command on the CLI's writer. */
gboolean
clip_cli_run (ClipCli      *cli,
              ClipCommand  *command,
              GError      **error)
{
  g_autoptr(ClipCommand) owned = command;
  g_autoptr(ClipCommands) commands = clip_cli_open_commands (cli, error);

  return commands != NULL && clip_commands_run (commands, owned, NULL, NULL, NULL, error);
}

void
clip_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

gboolean
clip_cli_parse_id (const char *text,
                   gint64     *id)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *id = (gint64) v;
  return TRUE;
}

/* ISO 8601 UTC, or NULL when there is no time. */
char *
clip_cli_format_time (gint64 t)
{
  g_autoptr(GDateTime) dt = NULL;

  if (t == CLIP_NO_DATE || t == 0)
    return NULL;
  dt = g_date_time_new_from_unix_utc (t);
  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

JsonNode *
clip_cli_time_node (gint64 t)
{
  g_autofree char *s = clip_cli_format_time (t);
  JsonNode *node = json_node_new (s ? JSON_NODE_VALUE : JSON_NODE_NULL);

  if (s)
    json_node_set_string (node, s);
  return node;
}

int
clip_cli_dispatch (ClipCli                 *cli,
                   const char              *group,
                   const char              *usage,
                   const char              *detail,
                   const ClipCliSubcommand *subs,
                   guint                    n_subs,
                   int                      argc,
                   char                   **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      FILE *out = argc < 2 ? stderr : stdout;

      clip_cli_fprint (out, "%s\n%s", usage, detail ? detail : "");
      return argc < 2 ? CLIP_CLI_USAGE : CLIP_CLI_OK;
    }
  for (guint i = 0; i < n_subs; i++)
    if (strcmp (argv[1], subs[i].name) == 0)
      {
        g_autofree char *command = g_strdup_printf ("%s %s", group, subs[i].name);
        int status;

        cli->command = command;
        status = subs[i].run (cli, argc - 1, argv + 1);
        cli->command = group;
        return status;
      }
  return clip_cli_usage (cli, _("unknown subcommand “%s”"), argv[1]);
}

static void G_GNUC_PRINTF (2, 0)
print_va (FILE *out, const char *format, va_list args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);
  g_autofree char *safe = clip_text_for_terminal (text, -1, CLIP_TEXT_LINES);

  fputs (safe, out);
}

void
clip_cli_print (const char *format,
                ...)
{
  va_list args;

  va_start (args, format);
  print_va (stdout, format, args);
  va_end (args);
}

void
clip_cli_fprint (FILE       *out,
                 const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  print_va (out, format, args);
  va_end (args);
}

char *
clip_cli_field (const char *text)
{
  return clip_text_for_terminal (text, -1, CLIP_TEXT_FIELD);
}
