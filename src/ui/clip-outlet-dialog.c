/* clip-outlet-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-interval.h"
#include "clip-format.h"
#include "clip-outlet-dialog.h"

struct _ClipOutletDialog
{
  AdwWindow       parent_instance;

  AdwEntryRow    *name_row;
  AdwEntryRow    *group_row;
  AdwEntryRow    *url_row;
  AdwComboRow    *kind_row;       /* ClipOutletKind, in its order */
  AdwEntryRow    *selector_row;   /* a listing's */
  AdwComboRow    *interval_row;
  GtkStringList  *interval_list;
  GtkSwitch      *enabled_switch;
  AdwComboRow    *full_text_row;
  GtkSwitch      *robots_switch;
  AdwActionRow   *success_row;
  AdwActionRow   *error_row;
  AdwActionRow   *next_row;
  AdwActionRow   *pages_row;
  GtkLabel       *message_label;
  GtkWidget      *save_button;
  GtkWidget      *remove_button;

  ClipCommands   *commands;
  ClipStore      *reader;
  ClipOutletRemoval *removal;
  ClipOutlet     *outlet;
  guint           shown_interval;   /* the choice first shown */
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (ClipOutletDialog, clip_outlet_dialog, ADW_TYPE_WINDOW)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
format_when (gint64 unix_seconds)
{
  if (unix_seconds <= 0)
    return g_strdup (_("Never"));
  return clip_format_time_full (unix_seconds, FALSE, NULL, NULL);
}

static void
show_message (ClipOutletDialog *self,
              const char       *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  gtk_widget_set_sensitive (self->save_button, TRUE);
  gtk_widget_set_sensitive (self->remove_button, TRUE);
}

/* How the outlet's article pages fare: failing (why, how many, and when
 * its site is asked again), or how many of the last were read. */
static char *
page_health_text (const ClipOutlet *o)
{
  g_autofree char *failing = clip_outlet_dup_page_health (o);
  gint checked = MIN (o->page_checked, CLIP_OUTLET_PAGE_WINDOW);

  if (failing != NULL && o->page_next_attempt > g_get_real_time () / G_USEC_PER_SEC)
    {
      g_autofree char *when = format_when (o->page_next_attempt);

      /* Translators: the pages' health, then when its site is asked again */
      return g_strdup_printf (_("%s; asked again after %s"), failing, when);
    }
  if (failing != NULL)
    return g_steal_pointer (&failing);
  if (checked == 0)
    return g_strdup (_("None fetched yet"));
  /* Translators: of the article pages fetched last, how many were read */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of the last %d read",
                                       "%d of the last %d read", checked),
                          checked - clip_outlet_page_failures (o), checked);
}

static void
fill (ClipOutletDialog *self)
{
  const ClipOutlet *o = self->outlet;
  g_autofree char *success = format_when (o->last_success);
  g_autofree char *next = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *title = NULL;
  guint best;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), o->name ? o->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->group_row), o->group ? o->group : "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), o->url ? o->url : "");
  adw_combo_row_set_selected (self->kind_row, o->kind);
  gtk_editable_set_text (GTK_EDITABLE (self->selector_row), o->selector ? o->selector : "");
  gtk_widget_set_visible (GTK_WIDGET (self->selector_row), o->kind == CLIP_OUTLET_LISTING);
  best = clip_interval_nearest (o->interval);
  self->shown_interval = best;
  adw_combo_row_set_selected (self->interval_row, best);
  gtk_switch_set_active (self->enabled_switch, o->enabled);
  /* The combo's rows are in ClipFullText's order. */
  adw_combo_row_set_selected (self->full_text_row, o->full_text);
  gtk_switch_set_active (self->robots_switch, !o->ignore_robots);
  adw_action_row_set_subtitle (self->success_row, success);
  adw_action_row_set_subtitle (self->error_row, o->last_error ? o->last_error : _("None"));
  if (o->failures > 0)
    {
      g_autofree char *when = format_when (o->next_attempt);
      /* Translators: when the next fetch is, and how many failed before */
      next = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, after %d failure",
                                           "%s, after %d failures in a row", o->failures),
                              when, o->failures);
    }
  else
    next = o->next_attempt > 0 ? format_when (o->next_attempt) : g_strdup (_("As soon as possible"));
  adw_action_row_set_subtitle (self->next_row, next);
  pages = page_health_text (o);
  adw_action_row_set_subtitle (self->pages_row, pages);
  title = clip_outlet_dup_display_name (o);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Writing, through the commands */

static void
written_cb (GObject *source, GAsyncResult *res, gpointer user_data)
{
  g_autoptr(ClipOutletDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), res, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

/* An outlet removed is also forgotten by the service in the same step. */
static void
write_outlet (ClipOutletDialog *self,
              ClipCommand      *command)
{
  g_autoptr(ClipCommand) owned = command;

  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_widget_set_sensitive (self->remove_button, FALSE);
  clip_commands_run_async (self->commands, owned, NULL, self->cancellable, written_cb,
                           g_object_ref (self));
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
save_clicked_cb (ClipOutletDialog *self)
{
  g_autoptr(ClipOutlet) o = clip_outlet_copy (self->outlet);
  guint choice = adw_combo_row_get_selected (self->interval_row);

  g_free (o->name);
  o->name = entry_text (self->name_row);
  g_free (o->group);
  o->group = entry_text (self->group_row);
  g_free (o->url);
  o->url = entry_text (self->url_row);
  /* An interval set elsewhere stays unless another one was picked. */
  if (choice != self->shown_interval && clip_interval_seconds (choice) > 0)
    o->interval = clip_interval_seconds (choice);
  o->enabled = gtk_switch_get_active (self->enabled_switch);
  o->kind = (ClipOutletKind) MIN (adw_combo_row_get_selected (self->kind_row), CLIP_OUTLET_SITEMAP);
  g_free (o->selector);
  o->selector = o->kind == CLIP_OUTLET_LISTING ? entry_text (self->selector_row) : NULL;
  o->full_text = (ClipFullText) MIN (adw_combo_row_get_selected (self->full_text_row),
                                     (guint) CLIP_FULL_TEXT_NEVER);
  o->ignore_robots = !gtk_switch_get_active (self->robots_switch);
  if (*o->name == '\0')
    {
      show_message (self, _("The outlet needs a name"));
      return;
    }
  show_message (self, NULL);
  write_outlet (self, clip_command_update_outlet (o));
}

/* The selector is a listing's only. */
static void
kind_changed_cb (ClipOutletDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->selector_row),
                          adw_combo_row_get_selected (self->kind_row) == CLIP_OUTLET_LISTING);
}

/* The removal's first step done (the outlet hidden, or no longer
 * fetched): the dialog has nothing left to show. */
static void
removal_changed_cb (ClipOutletRemoval *removal,
                    gint64             outlet_id,
                    ClipOutletDialog  *self)
{
  if (outlet_id != self->outlet->id)
    return;
  g_signal_handlers_disconnect_by_func (removal, removal_changed_cb, self);
  g_signal_emit (self, signals[CHANGED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
remove_clicked_cb (ClipOutletDialog *self)
{
  /* Alone (no window to show an Undo in): removed at once. */
  if (self->removal == NULL)
    self->removal = clip_outlet_removal_new (self->reader, self->commands, NULL);
  g_signal_handlers_disconnect_by_func (self->removal, removal_changed_cb, self);
  g_signal_connect_object (self->removal, "changed", G_CALLBACK (removal_changed_cb), self, 0);
  clip_outlet_removal_ask (self->removal, GTK_WINDOW (self), self->outlet->id);
}

void
clip_outlet_dialog_set_removal (ClipOutletDialog  *self,
                                ClipOutletRemoval *removal)
{
  g_return_if_fail (CLIP_IS_OUTLET_DIALOG (self));
  g_set_object (&self->removal, removal);
}

ClipOutletDialog *
clip_outlet_dialog_new (ClipStore    *reader,
                        ClipCommands *commands,
                        gint64        outlet_id,
                        GError      **error)
{
  g_autoptr(ClipOutlet) outlet = clip_store_get_outlet (reader, outlet_id, error);
  ClipOutletDialog *self;

  if (outlet == NULL)
    return NULL;
  self = g_object_new (CLIP_TYPE_OUTLET_DIALOG, NULL);
  self->commands = g_object_ref (commands);
  self->reader = g_object_ref (reader);
  self->outlet = g_steal_pointer (&outlet);
  fill (self);
  return self;
}

static void
clip_outlet_dialog_dispose (GObject *object)
{
  ClipOutletDialog *self = CLIP_OUTLET_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->removal)
    g_signal_handlers_disconnect_by_func (self->removal, removal_changed_cb, self);
  g_clear_object (&self->removal);
  g_clear_object (&self->commands);
  g_clear_object (&self->reader);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLIP_TYPE_OUTLET_DIALOG);
  G_OBJECT_CLASS (clip_outlet_dialog_parent_class)->dispose (object);
}

static void
clip_outlet_dialog_finalize (GObject *object)
{
  ClipOutletDialog *self = CLIP_OUTLET_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->outlet, clip_outlet_free);
  G_OBJECT_CLASS (clip_outlet_dialog_parent_class)->finalize (object);
}

static void
clip_outlet_dialog_class_init (ClipOutletDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clip_outlet_dialog_dispose;
  object_class->finalize = clip_outlet_dialog_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-outlet-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, selector_row);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, interval_row);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, interval_list);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, full_text_row);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, robots_switch);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, success_row);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, error_row);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, next_row);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, pages_row);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ClipOutletDialog, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
clip_outlet_dialog_init (ClipOutletDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  clip_interval_fill_list (self->interval_list);
}
