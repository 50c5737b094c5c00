/* clip-cli.h — what every clippings-cli command shares
 *
 * Exit codes: 0 success, 2 bad usage or input (one line on stderr),
 * 1 any other failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "clip-commands.h"
#include "clip-store.h"

G_BEGIN_DECLS

enum {
  CLIP_CLI_OK = 0,
  CLIP_CLI_FAILURE = 1,
  CLIP_CLI_USAGE = 2,
};

typedef struct {
  char *data_dir;     /* --data-dir, or NULL */
  const char *command; /* e.g. "outlets add", for messages */
} ClipCli;

typedef int (*ClipCliCommand) (ClipCli *cli, int argc, char **argv);

typedef struct {
  const char     *name;
  ClipCliCommand  run;
} ClipCliSubcommand;

/* Runs GROUP SUBCOMMAND (argv[1]); with no subcommand or --help prints
 * usage (a line, then any detail lines) and exits 2 or 0. */
int         clip_cli_dispatch      (ClipCli                 *cli,
                                    const char              *group,
                                    const char              *usage,
                                    const char              *detail,
                                    const ClipCliSubcommand *subs,
                                    guint                    n_subs,
                                    int                      argc,
                                    char                   **argv);

/* Parses argv (argv[0] is the command's name) with entries plus the
 * shared --data-dir; on a usage error prints one line and returns FALSE. */
gboolean    clip_cli_parse_options (ClipCli       *cli,
                                    const char    *parameters,
                                    const char    *summary,
                                    const GOptionEntry *entries,
                                    int           *argc,
                                    char        ***argv);
int         clip_cli_usage         (ClipCli       *cli,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (2, 3);
int         clip_cli_fail          (ClipCli       *cli,
                                    const GError  *error);
/* The process's writer, and one command run on it (command is consumed). */
ClipCommands *clip_cli_open_commands (ClipCli     *cli,
                                      GError     **error);
gboolean    clip_cli_run           (ClipCli       *cli,
                                    ClipCommand   *command,
                                    GError       **error);
ClipStore  *clip_cli_open_store    (ClipCli       *cli,
                                    GError       **error);
void        clip_cli_print_json    (JsonNode      *node);
/* Text output: every line a command prints goes through these, so that
 * no feed text reaches the terminal as a command (escape sequences,
 * bidi overrides: clip_text_for_terminal()); the format's tabs and line
 * feeds are kept. JSON and XML are escaped by their writers and printed
 * as they are. */
void        clip_cli_print         (const char    *format,
                                    ...) G_GNUC_PRINTF (1, 2);
void        clip_cli_fprint        (FILE          *out,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (2, 3);
/* text as one field of a line: its own tabs and line breaks are spaces,
 * so that it cannot pass for another field or line. */
char       *clip_cli_field         (const char    *text);
gboolean    clip_cli_parse_id      (const char    *text,
                                    gint64        *id);
char       *clip_cli_format_time   (gint64         unix_seconds);
JsonNode   *clip_cli_time_node     (gint64         unix_seconds);

JsonNode   *clip_cli_article_json  (const ClipArticle *article);
void        clip_cli_print_articles (GPtrArray    *articles,
                                     gboolean      json);

/* Commands, one file per group. */
int clip_cli_outlets      (ClipCli *cli, int argc, char **argv);
int clip_cli_outlets_probe (ClipCli *cli, int argc, char **argv);
/* The best listing selector of the page at url (clip-cli-probe.c). */
char *clip_cli_find_selector (ClipCli *cli, const char *url, GError **error);
int clip_cli_fetch        (ClipCli *cli, int argc, char **argv);
int clip_cli_watch        (ClipCli *cli, int argc, char **argv);
int clip_cli_import_opml  (ClipCli *cli, int argc, char **argv);
int clip_cli_export_opml  (ClipCli *cli, int argc, char **argv);
int clip_cli_export       (ClipCli *cli, int argc, char **argv);
int clip_cli_articles     (ClipCli *cli, int argc, char **argv);
int clip_cli_articles_show (ClipCli *cli, int argc, char **argv);
int clip_cli_search       (ClipCli *cli, int argc, char **argv);
/* articles flag|unflag|read|unread|tag|untag|note (argv[0] says which). */
int clip_cli_articles_mark (ClipCli *cli, int argc, char **argv);
int clip_cli_parse        (ClipCli *cli, int argc, char **argv);
int clip_cli_extract      (ClipCli *cli, int argc, char **argv);
int clip_cli_rules        (ClipCli *cli, int argc, char **argv);
int clip_cli_lists        (ClipCli *cli, int argc, char **argv);
int clip_cli_stories      (ClipCli *cli, int argc, char **argv);
int clip_cli_coverage     (ClipCli *cli, int argc, char **argv);

G_END_DECLS
