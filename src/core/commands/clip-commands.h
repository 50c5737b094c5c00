/* clip-commands.h — every change a user can make to the archive, as one
 * command both front ends use
 *
 * A ClipCommand says what to change (add an outlet, save a rule, flag an
 * article…); a ClipCommands runs it on the one writer connection of the
 * process: the fetch service's (clip_service_get_commands(), the GUI) or
 * its own (clip_commands_open(), the CLI and tests). Nothing else in a
 * front end writes to the archive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-outlet-import.h"
#include "clip-progress.h"
#include "clip-rules-store.h"
#include "clip-store.h"

G_BEGIN_DECLS

typedef struct _ClipCommand ClipCommand;

#define CLIP_TYPE_COMMAND (clip_command_get_type ())
GType        clip_command_get_type        (void) G_GNUC_CONST;
ClipCommand *clip_command_ref             (ClipCommand *command);
void         clip_command_unref           (ClipCommand *command);

/* Outlets. An added outlet is fetched at once where a service runs. */
ClipCommand *clip_command_add_outlet      (const ClipOutlet   *outlet);
/* Everything the analyst can edit: url, name, site, group, interval,
 * enabled (outlet->id says which). */
ClipCommand *clip_command_update_outlet   (const ClipOutlet   *outlet);
ClipCommand *clip_command_set_outlet_enabled (gint64           outlet_id,
                                              gboolean         enabled);
/* Some of an outlet's settings (`outlets edit`): each field says whether
 * it changes. The others stay as they are on the writer when it runs. */
typedef struct {
  const char  *name;          /* NULL: unchanged */
  const char  *group;         /* NULL: unchanged; "": no group */
  gint         interval;      /* seconds; 0: unchanged */
  gint         enabled;       /* -1: unchanged, else FALSE or TRUE */
  gint         full_text;     /* -1: unchanged, else a ClipFullText */
  gint         ignore_robots; /* -1: unchanged, else FALSE or TRUE */
} ClipOutletChanges;

/* All fields unchanged. */
void         clip_outlet_changes_init     (ClipOutletChanges  *changes);
ClipCommand *clip_command_edit_outlet     (gint64              outlet_id,
                                           const ClipOutletChanges *changes);
/* The outlet and its articles. */
ClipCommand *clip_command_remove_outlet   (gint64              outlet_id);
/* The same, but with keep_annotated the articles that carry the
 * analyst's work (flag, tag, note) stay, under the outlet's row marked
 * removed: see clip_store_remove_outlet_keeping(), get_n_kept. */
ClipCommand *clip_command_remove_outlet_keeping (gint64        outlet_id,
                                                 gboolean      keep_annotated);
/* Hides the outlet (removed: not listed, not fetched, its articles
 * untouched) or brings it back with enabled as given: the first step of
 * a removal that can be undone, and its Undo. */
ClipCommand *clip_command_set_outlet_removed (gint64           outlet_id,
                                              gboolean         removed,
                                              gboolean         enabled);
/* Many outlets in one transaction (see clip_outlets_import()), each with
 * its own interval; interval is not used. */
ClipCommand *clip_command_import_outlets  (GPtrArray          *outlets,
                                           guint               interval);
/* The outlets of an OPML document (its bytes), each fetched every
 * interval seconds (0: the default). */
ClipCommand *clip_command_import_opml     (GBytes             *opml,
                                           guint               interval);
/* The shipped starter set. */
ClipCommand *clip_command_add_starter_outlets (guint           interval);

/* Rules. Saving adds (rule->id 0) or edits the rule, then matches it
 * again over the archive when its matches changed (new, query changed,
 * enabled again): the progress of that goes to the run's progress. */
ClipCommand *clip_command_save_rule       (const ClipRule     *rule);
ClipCommand *clip_command_remove_rule     (gint64              rule_id);
/* Matches the rule again over the whole archive. */
ClipCommand *clip_command_rematch_rule    (gint64              rule_id);

/* Term lists. Each change matches again the enabled rules that use the
 * list (a disabled rule is matched again when it is enabled). */
ClipCommand *clip_command_add_terms       (const char         *list,
                                           const char * const *terms);
/* Replaces the list's entries (creating it). */
ClipCommand *clip_command_set_term_list   (const char         *list,
                                           const char * const *terms);
/* Renames the list and rewrites "@old" as "@new" in the rules that use
 * it. Fails when new_name is taken. */
ClipCommand *clip_command_rename_term_list (const char        *old_name,
                                            const char        *new_name);
/* Both at once, in one transaction: renames old_name (when given and
 * different) to name, and gives it terms (the term-list editor's Save). */
ClipCommand *clip_command_save_term_list  (const char         *old_name,
                                           const char         *name,
                                           const char * const *terms);
ClipCommand *clip_command_remove_term_list (const char        *list);

/* Article state. An article and its alerts are read together: marking
 * one read or unread marks the other so. */
ClipCommand *clip_command_set_read        (gint64              article_id,
                                           gboolean            read);
ClipCommand *clip_command_set_flag        (gint64              article_id,
                                           gint                flag);
/* "" or NULL removes the note. */
ClipCommand *clip_command_set_note        (gint64              article_id,
                                           const char         *note);
ClipCommand *clip_command_add_tag         (gint64              article_id,
                                           const char         *tag);
ClipCommand *clip_command_remove_tag      (gint64              article_id,
                                           const char         *tag);

/* Many articles at once, in one transaction: all change or none (an
 * unknown id fails the whole). text: the tag (TAG, UNTAG) or the note
 * (NOTE; "" removes it). get_changed: the ids whose state the mark
 * changed, for an Undo of exactly those. */
typedef enum {
  CLIP_MARK_READ,
  CLIP_MARK_UNREAD,
  CLIP_MARK_FLAG,
  CLIP_MARK_UNFLAG,
  CLIP_MARK_TAG,
  CLIP_MARK_UNTAG,
  CLIP_MARK_NOTE,
} ClipArticleMark;

ClipCommand *clip_command_mark_articles   (const gint64       *ids,
                                           guint               n_ids,
                                           ClipArticleMark     mark,
                                           const char         *text);
/* Tags across the archive (the sidebar's Tags). */
ClipCommand *clip_command_rename_tag      (const char         *old_tag,
                                           const char         *new_tag);
ClipCommand *clip_command_delete_tag      (const char         *tag);

/* Alerts: the alert, its article and the article's other alerts. */
ClipCommand *clip_command_set_alert_read  (gint64              alert_id,
                                           gboolean            read);
/* The article read, and its alerts under every rule. */
ClipCommand *clip_command_read_article_alerts (gint64          article_id);
/* The rule's (or every) unread alerts, their articles, and those
 * articles' alerts under other rules. */
ClipCommand *clip_command_read_rule_alerts (gint64             rule_id);
ClipCommand *clip_command_read_all_alerts (void);

/* Stories (clip-stories.h). Merge: from's articles join into; split: the
 * article leaves its story for one of its own (its id: get_id); rename
 * (NULL or "": the first article's title again). Regroup: the whole
 * archive grouped again from scratch, keeping the analyst's choices;
 * progress goes to the run's progress. */
ClipCommand *clip_command_merge_stories   (gint64              into,
                                           gint64              from);
ClipCommand *clip_command_split_story     (gint64              article_id);
ClipCommand *clip_command_rename_story    (gint64              story_id,
                                           const char         *title);
ClipCommand *clip_command_regroup_stories (void);

/* A change that is not the analyst's but must go through the one writer
 * all the same (the alert policy recording what it notified): func runs
 * on the writer's thread with data, which destroy frees with the
 * command. */
typedef gboolean (*ClipCommandFunc) (ClipStore     *writer,
                                     gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);
ClipCommand *clip_command_new_custom      (ClipCommandFunc     func,
                                           gpointer            data,
                                           GDestroyNotify      destroy);
gpointer     clip_command_get_data        (ClipCommand        *command);

/* What a command did, once it has run. */
/* The new outlet's or rule's id (add, save), the story an article was
 * split into; 0 before or for others. */
gint64       clip_command_get_id          (ClipCommand        *command);
/* The articles a rule matches now (save, rematch). */
guint64      clip_command_get_n_matched   (ClipCommand        *command);
/* Whether saving matched the rule again (new, query changed, enabled
 * again), so that n_matched says something. */
gboolean     clip_command_get_rematched   (ClipCommand        *command);
/* mark_articles: the ids it changed (gint64). */
const GArray *clip_command_get_changed    (ClipCommand        *command);
/* remove_outlet_keeping: the articles kept. */
guint        clip_command_get_n_kept      (ClipCommand        *command);
/* import, OPML, starter set. */
const ClipImportResult *clip_command_get_import_result (ClipCommand *command);

#define CLIP_TYPE_COMMANDS (clip_commands_get_type ())
G_DECLARE_FINAL_TYPE (ClipCommands, clip_commands, CLIP, COMMANDS, GObject)

/* Opens the archive of data_dir (see clip_archive_open()) as this
 * process's writer. For the CLI and tests; the GUI uses its service's. */
ClipCommands *clip_commands_open          (const char         *data_dir,
                                           GError            **error);

/* Runs the command on the writer, on the calling thread's behalf:
 * progress, where given, is called on the calling thread. */
gboolean      clip_commands_run           (ClipCommands       *self,
                                           ClipCommand        *command,
                                           ClipProgressFunc    progress,
                                           gpointer            progress_data,
                                           GCancellable       *cancellable,
                                           GError            **error);
/* The same, off the calling thread; progress (may be NULL) is reported
 * on the calling thread's main context, before the callback. */
void          clip_commands_run_async     (ClipCommands       *self,
                                           ClipCommand        *command,
                                           ClipProgress       *progress,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean      clip_commands_run_finish    (ClipCommands       *self,
                                           GAsyncResult       *result,
                                           GError            **error);
/* The command a result is of (its id, matches…). */
ClipCommand  *clip_commands_get_command   (GAsyncResult       *result);

/* For the service, which owns the writer in the GUI. */
typedef struct {
  /* Puts the task on the writer's thread, where it calls
   * clip_commands_run_task(); FALSE when it cannot (not running). */
  gboolean (*run)              (gpointer owner, GTask *task);
  /* On the writer's thread, after a command changed the outlets;
   * fetch_now: an outlet to fetch at once, or 0. */
  void     (*outlets_changed)  (gpointer owner, gint64 fetch_now);
} ClipCommandsRunner;

/* owner is not referenced: it outlives the ClipCommands. */
ClipCommands *clip_commands_new_for_runner (const ClipCommandsRunner *runner,
                                            gpointer                  owner);
/* The owner goes: later commands fail (no writer). */
void          clip_commands_detach        (ClipCommands       *self);
/* On the writer's thread: runs the task's command with writer (NULL: the
 * writer is gone and the task fails), and returns the task. */
void          clip_commands_run_task      (GTask              *task,
                                           ClipStore          *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipCommand, clip_command_unref)

G_END_DECLS
