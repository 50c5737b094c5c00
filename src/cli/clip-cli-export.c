/* clip-cli-export.c — export: reports and data files from the archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"
#include "clip-format.h"
#include "clip-export.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void
show_progress (guint64 done, guint64 total, gpointer data)
{
  guint *last = data;
  guint percent = total ? (guint) ((guint64) done * 100 / total) : 100;

  if (percent == *last)
    return;
  *last = percent;
  fprintf (stderr, "\r%s %3u%%", _("Exporting…"), percent);
  if (done == total)
    fputc ('\n', stderr);
  fflush (stderr);
}

/* Scope and date errors are the user's to fix (exit 2); a file that could
 * not be written is not; a scope that holds nothing is like grep's
 * nothing found (exit 1), and no file is written. */
static int
export_failed (ClipCli *cli, const GError *error)
{
  if (g_error_matches (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_EMPTY))
    {
      g_autofree char *line = clip_cli_field (error->message);

      clip_cli_fprint (stderr, "clippings-cli %s: %s\n", cli->command, line);
      return CLIP_CLI_FAILURE;
    }
  if (error->domain == CLIP_EXPORT_ERROR && error->code != CLIP_EXPORT_ERROR_WRITE)
    return clip_cli_usage (cli, "%s", error->message);
  return clip_cli_fail (cli, error);
}

static gboolean
write_stdout (ClipStore *store, const ClipExportScope *scope, const ClipExportOptions *options,
              ClipExportResult *result, GError **error)
{
  g_autoptr(GOutputStream) raw = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  g_autoptr(GOutputStream) out = g_buffered_output_stream_new_sized (raw, 64 * 1024);

  return clip_export_write (store, scope, options, out, result, NULL, NULL, NULL, error) &&
         g_output_stream_close (out, NULL, error);
}

static int
run_export (ClipCli *cli, ClipExportScope *scope, ClipExportOptions *options, const char *output)
{
  g_autoptr(ClipStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ClipExportResult result = { 0 };
  guint last = G_MAXUINT;
  gboolean to_stdout = g_str_equal (output, "-");
  gboolean ok;

  if (!(store = clip_cli_open_store (cli, &error)))
    return clip_cli_fail (cli, error);
  if (to_stdout)
    ok = write_stdout (store, scope, options, &result, &error);
  else
    ok = clip_export_to_file (store, scope, options, output, &result,
                              isatty (STDERR_FILENO) ? show_progress : NULL, &last,
                              NULL, &error);
  if (!ok)
    {
      if (last != G_MAXUINT && last != 100)
        fputc ('\n', stderr);
      return export_failed (cli, error);
    }
  if (!to_stdout)
    {
      g_autofree char *name = g_filename_display_name (output);
      g_autofree char *count = clip_format_count (result.articles, NULL);

      /* Translators: the first %s is a number, with the locale's thousands separators */
      if (options->format == CLIP_EXPORT_PDF)
        clip_cli_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s article to %s (%u pages)\n",
                                     "Wrote %s articles to %s (%u pages)\n", result.articles),
                        count, name, result.pages);
      else
        clip_cli_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s article to %s\n",
                                     "Wrote %s articles to %s\n", result.articles),
                        count, name);
    }
  return CLIP_CLI_OK;
}

int
clip_cli_export (ClipCli *cli, int argc, char **argv)
{
  g_autofree char *format = NULL, *outlet = NULL, *since = NULL, *until = NULL, *output = NULL;
  ClipExportScope scope = { 0 };
  ClipExportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv, json, html or pdf"), "FORMAT" },
    { "rule", 0, 0, G_OPTION_ARG_STRING, &scope.rule, N_("The articles this rule matched"), "NAME" },
    { "query", 0, 0, G_OPTION_ARG_STRING, &scope.query, N_("The articles a search in the rule language finds"), "Q" },
    { "flagged", 0, 0, G_OPTION_ARG_NONE, &scope.flagged, N_("Only flagged articles"), NULL },
    { "unread", 0, 0, G_OPTION_ARG_NONE, &scope.unread, N_("Only unread articles"), NULL },
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &outlet, N_("Only this outlet's articles"), "ID" },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Articles from this date or time on"), "DATE" },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Articles up to this date (including the day) or time"), "DATE" },
    { "highlight-all", 0, 0, G_OPTION_ARG_NONE, &options.highlight_all, N_("HTML, PDF: mark every rule's words, not only the --rule's"), NULL },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &options.bom, N_("CSV: start with a byte order mark, for spreadsheet programs"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (“-”: standard output)"), "FILE" },
    { NULL }
  };

  if (!clip_cli_parse_options (cli, NULL,
                               _("Export articles as a CSV or JSON file or as an HTML or PDF report.\n\n"
                                 "The scope options combine: --rule R --flagged is the flagged articles "
                                 "rule R matched. Without any, every article of the period goes out; "
                                 "a scope that holds no article writes no file and exits 1. "
                                 "DATE is YYYY-MM-DD (local time) or ISO 8601."),
                               entries, &argc, &argv))
    status = CLIP_CLI_USAGE;
  else if (argc != 1)
    status = clip_cli_usage (cli, _("unexpected argument “%s”"), argv[1]);
  else if (format == NULL || output == NULL)
    status = clip_cli_usage (cli, _("--format and -o FILE are required"));
  else if (!clip_export_format_from_string (format, &options.format))
    status = clip_cli_usage (cli, _("unknown format “%s”: use csv, json, html or pdf"), format);
  else if (outlet && !clip_cli_parse_id (outlet, &scope.outlet_id))
    status = clip_cli_usage (cli, _("“%s” is not an outlet ID"), outlet);
  else if ((since && !clip_export_parse_date (since, FALSE, &scope.since, &error)) ||
           (until && !clip_export_parse_date (until, TRUE, &scope.until, &error)))
    status = clip_cli_usage (cli, "%s", error->message);
  else if (options.bom && options.format != CLIP_EXPORT_CSV)
    status = clip_cli_usage (cli, _("--bom is for CSV only"));
  else
    status = run_export (cli, &scope, &options, output);
  clip_export_scope_clear (&scope);
  return status;
}
