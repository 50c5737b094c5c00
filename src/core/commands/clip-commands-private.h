/* clip-commands-private.h — what a command is made of; only the commands
 * module includes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-commands.h"

G_BEGIN_DECLS

/* Does the command's change on the writer, on the writer's thread. */
typedef gboolean (*ClipCommandWork) (ClipCommand      *command,
                                     ClipStore        *writer,
                                     ClipProgressFunc  progress,
                                     gpointer          progress_data,
                                     GCancellable     *cancellable,
                                     GError          **error);

struct _ClipCommand {
  gatomicrefcount  ref;
  ClipCommandWork  work;
  /* Arguments, as the constructor took them. */
  gint64           id;
  gint             value;
  gint64           value64;
  char            *text;
  char            *text2;
  GStrv            terms;
  ClipOutlet      *outlet;
  ClipRule        *rule;
  GPtrArray       *outlets;
  GBytes          *bytes;
  GArray          *ids;       /* gint64: the articles of a mark */
  ClipCommandFunc  func;      /* a custom command's */
  gpointer         data;
  GDestroyNotify   destroy;
  /* Set by the work. */
  gboolean         outlets_changed;
  gint64           fetch_now;
  gint64           result_id;
  guint64          n_matched;
  gboolean         rematched;
  ClipImportResult import;
  GArray          *changed;   /* gint64: the articles a mark changed */
  guint            n_kept;    /* articles an outlet's removal kept */
};

ClipCommand *_clip_command_new (ClipCommandWork work);

/* clip-command-rules.c: matches again the enabled rules that use list. */
gboolean     _clip_command_rematch_list_users (ClipStore        *writer,
                                               const char       *list,
                                               GCancellable     *cancellable,
                                               GError          **error);

G_END_DECLS
