/* clip-outlet-removal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-outlet-removal.h"

typedef struct {
  gint64    id;
  gboolean  was_enabled;
  gboolean  keep_annotated;
  AdwToast *toast;          /* weak */
} Pending;

struct _ClipOutletRemoval
{
  GObject          parent_instance;

  ClipStore       *reader;
  ClipCommands    *commands;
  AdwToastOverlay *toasts;      /* weak */
  GArray          *pending;     /* Pending: hidden, waiting for their toast */
};

G_DEFINE_FINAL_TYPE (ClipOutletRemoval, clip_outlet_removal, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

ClipOutletRemoval *
clip_outlet_removal_new (ClipStore       *reader,
                         ClipCommands    *commands,
                         AdwToastOverlay *toasts)
{
  ClipOutletRemoval *self = g_object_new (CLIP_TYPE_OUTLET_REMOVAL, NULL);

  self->reader = g_object_ref (reader);
  self->commands = g_object_ref (commands);
  if (toasts)
    g_set_weak_pointer (&self->toasts, toasts);
  return self;
}

static Pending *
find_pending (ClipOutletRemoval *self, gint64 id, guint *index)
{
  for (guint i = 0; i < self->pending->len; i++)
    if (g_array_index (self->pending, Pending, i).id == id)
      {
        if (index)
          *index = i;
        return &g_array_index (self->pending, Pending, i);
      }
  return NULL;
}

typedef struct {
  ClipOutletRemoval *self;
  gint64             id;
  char              *failure;   /* what could not be done, for the toast */
} Step;

static void
step_done_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  Step *step = data;
  g_autoptr(GError) error = NULL;

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), res, &error) && step->self->toasts)
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", step->failure, error->message);
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      adw_toast_overlay_add_toast (step->self->toasts, adw_toast_new (escaped));
    }
  g_signal_emit (step->self, signals[CHANGED], 0, step->id);
  g_object_unref (step->self);
  g_free (step->failure);
  g_free (step);
}

static void
run_step (ClipOutletRemoval *self, ClipCommand *command, gint64 id, const char *failure)
{
  g_autoptr(ClipCommand) owned = command;
  Step *step = g_new0 (Step, 1);

  step->self = g_object_ref (self);
  step->id = id;
  step->failure = g_strdup (failure);
  clip_commands_run_async (self->commands, owned, NULL, NULL, step_done_cb, step);
}

gboolean
clip_outlet_removal_undo (ClipOutletRemoval *self,
                          gint64             outlet_id)
{
  guint index;
  Pending *p = find_pending (self, outlet_id, &index);
  gboolean enabled;

  if (p == NULL)
    return FALSE;
  enabled = p->was_enabled;
  g_array_remove_index (self->pending, index);
  run_step (self, clip_command_set_outlet_removed (outlet_id, FALSE, enabled), outlet_id,
            _("Could not bring the outlet back"));
  return TRUE;
}

gboolean
clip_outlet_removal_commit (ClipOutletRemoval *self,
                            gint64             outlet_id)
{
  guint index;
  Pending *p = find_pending (self, outlet_id, &index);
  gboolean keep;

  if (p == NULL)
    return FALSE;
  keep = p->keep_annotated;
  g_array_remove_index (self->pending, index);
  run_step (self, clip_command_remove_outlet_keeping (outlet_id, keep), outlet_id,
            _("Could not remove the outlet"));
  return TRUE;
}

static void
undo_clicked_cb (AdwToast *toast, ClipOutletRemoval *self)
{
  clip_outlet_removal_undo (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "outlet-id")));
}

static void
toast_dismissed_cb (AdwToast *toast, ClipOutletRemoval *self)
{
  clip_outlet_removal_commit (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "outlet-id")));
}

static void
offer_undo (ClipOutletRemoval *self, Pending *p, const char *name)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = g_strdup_printf (_("“%s” removed"), escaped);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, CLIP_OUTLET_REMOVAL_UNDO_SECONDS);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "outlet-id", GSIZE_TO_POINTER ((gsize) p->id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  g_set_weak_pointer (&p->toast, toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
remove_outlet (ClipOutletRemoval *self, const ClipOutlet *outlet, gboolean keep_annotated)
{
  Pending p = { outlet->id, outlet->enabled, keep_annotated, NULL };
  g_autofree char *name = clip_outlet_dup_display_name (outlet);

  if (find_pending (self, outlet->id, NULL))
    return;
  /* Hidden first: what the toast's Undo takes back. */
  run_step (self, clip_command_set_outlet_removed (outlet->id, TRUE, FALSE), outlet->id,
            _("Could not remove the outlet"));
  g_array_append_val (self->pending, p);
  if (self->toasts)
    offer_undo (self, &g_array_index (self->pending, Pending, self->pending->len - 1), name);
  else
    clip_outlet_removal_commit (self, outlet->id);
}

typedef struct {
  ClipOutletRemoval *self;
  ClipOutlet        *outlet;
  GtkCheckButton    *delete_annotated;   /* NULL: none to ask about */
} Question;

static void
question_free (Question *q)
{
  g_object_unref (q->self);
  clip_outlet_free (q->outlet);
  g_free (q);
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, Question *q)
{
  if (g_strcmp0 (response, "stop") == 0)
    run_step (q->self, clip_command_set_outlet_enabled (q->outlet->id, FALSE), q->outlet->id,
              _("Could not stop fetching the outlet"));
  else if (g_strcmp0 (response, "remove") == 0)
    remove_outlet (q->self, q->outlet,
            q->delete_annotated == NULL || !gtk_check_button_get_active (q->delete_annotated));
}

/* "120 articles: 3 flagged, 2 with notes, 4 tagged." */
static char *
describe (const ClipOutletArticles *n)
{
  guint total = (guint) n->total;
  g_autofree char *counts = NULL;

  if (total == 0)
    return g_strdup (_("It has no articles."));
  /* Translators: the details in "120 articles: 3 flagged, 2 with notes, 4 tagged." */
  counts = g_strdup_printf (_("%u flagged, %u with notes, %u tagged"), (guint) n->flagged,
                            (guint) n->with_notes, (guint) n->tagged);
  /* Translators: %u counts the articles; %s is "3 flagged, 2 with notes, 4 tagged" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article: %s.", "%u articles: %s.", total),
                          total, counts);
}

/* The remove response: "Remove with 120 articles (3 flagged, 2 with
 * notes)", or plain "Remove" when there are none. */
static char *
remove_label (const ClipOutletArticles *n)
{
  guint total = (guint) n->total, flagged = (guint) n->flagged, notes = (guint) n->with_notes;
  g_autofree char *details = NULL;

  if (total == 0)
    return g_strdup (_("_Remove"));
  /* Translators: the details in "Remove with 120 articles (3 flagged, 2 with notes)" */
  details = g_strdup_printf (_("%u flagged, %u with notes"), flagged, notes);
  /* Translators: %u counts the articles; %s is "3 flagged, 2 with notes" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Remove with %u article (%s)",
                                       "_Remove with %u articles (%s)", total), total, details);
}

static GtkCheckButton *
add_delete_check (AdwMessageDialog *dialog, const ClipOutletArticles *n)
{
  guint annotated = (guint) n->annotated;
  g_autofree char *label = NULL;
  GtkWidget *check;

  if (annotated == 0)
    return NULL;
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Also delete the %u flagged, tagged or annotated article",
                                        "Also delete the %u flagged, tagged or annotated articles",
                                        annotated), annotated);
  check = gtk_check_button_new_with_label (label);
  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  adw_message_dialog_set_extra_child (dialog, check);
  return GTK_CHECK_BUTTON (check);
}

static const char *
body_text (const ClipOutlet *o, const ClipOutletArticles *n)
{
  if (n->annotated > 0)
    return o->enabled ? _("Stop fetching keeps the outlet and every article. A removal keeps the "
                          "flagged, tagged and annotated articles unless you tick below; "
                          "the others are deleted.")
                      : _("A removal keeps the flagged, tagged and annotated articles unless "
                          "you tick below; the others are deleted.");
  return o->enabled ? _("Stop fetching keeps the outlet and its articles. A removal deletes its "
                        "articles from the archive.")
                    : _("A removal deletes its articles from the archive.");
}

void
clip_outlet_removal_ask (ClipOutletRemoval *self,
                         GtkWindow         *parent,
                         gint64             outlet_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipOutlet) o = clip_store_get_outlet (self->reader, outlet_id, &error);
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *counts = NULL;
  ClipOutletArticles n;
  AdwMessageDialog *dialog;
  Question *q;

  g_return_if_fail (CLIP_IS_OUTLET_REMOVAL (self));
  if (o == NULL || !clip_store_count_outlet_articles (self->reader, outlet_id, &n, &error))
    {
      g_warning ("Could not read outlet %" G_GINT64_FORMAT ": %s", outlet_id, error->message);
      return;
    }
  name = clip_outlet_dup_display_name (o);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, NULL, NULL));
  /* Translators: %s is an outlet's name */
  adw_message_dialog_format_heading (dialog, _("Remove “%s”?"), name);
  counts = describe (&n);
  adw_message_dialog_format_body (dialog, "%s %s", counts, body_text (o, &n));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (o->enabled)
    adw_message_dialog_add_response (dialog, "stop", _("_Stop Fetching"));
  label = remove_label (&n);
  adw_message_dialog_add_response (dialog, "remove", label);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  q = g_new0 (Question, 1);
  q->self = g_object_ref (self);
  q->outlet = g_steal_pointer (&o);
  q->delete_annotated = add_delete_check (dialog, &n);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), q,
                         (GClosureNotify) (void (*) (void)) question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The application or window is going: outlets still waiting for their
 * toast are removed as asked, nobody waiting for the answer. */
static void
clip_outlet_removal_dispose (GObject *object)
{
  ClipOutletRemoval *self = CLIP_OUTLET_REMOVAL (object);

  for (guint i = 0; self->pending && i < self->pending->len; i++)
    {
      Pending *p = &g_array_index (self->pending, Pending, i);
      g_autoptr(ClipCommand) c = clip_command_remove_outlet_keeping (p->id, p->keep_annotated);

      g_clear_weak_pointer (&p->toast);
      clip_commands_run_async (self->commands, c, NULL, NULL, NULL, NULL);
    }
  if (self->pending)
    g_array_set_size (self->pending, 0);
  g_clear_weak_pointer (&self->toasts);
  g_clear_object (&self->commands);
  g_clear_object (&self->reader);
  G_OBJECT_CLASS (clip_outlet_removal_parent_class)->dispose (object);
}

static void
clip_outlet_removal_finalize (GObject *object)
{
  ClipOutletRemoval *self = CLIP_OUTLET_REMOVAL (object);

  g_array_unref (self->pending);
  G_OBJECT_CLASS (clip_outlet_removal_parent_class)->finalize (object);
}

static void
clip_outlet_removal_class_init (ClipOutletRemovalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clip_outlet_removal_dispose;
  object_class->finalize = clip_outlet_removal_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
clip_outlet_removal_init (ClipOutletRemoval *self)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
}
