/* clip-stories-view.c — stories, a story's timeline, and the analyst's
 * merges, splits and renames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-article-item.h"
#include "clip-article-table.h"
#include "clip-format.h"
#include "clip-stories-load.h"
#include "clip-stories-rows.h"
#include "clip-stories-view.h"

/* Rule chips a story row shows before "+N". */
#define ROW_CHIPS 3

struct _ClipStoriesView
{
  AdwBin           parent_instance;

  AdwLeaflet      *leaflet;
  GtkWidget       *list_pane;
  GtkWidget       *story_pane;
  GtkStack        *list_stack;
  GtkListBox      *stories_list;
  GtkWidget       *more_button;
  GtkStack        *story_stack;
  GtkLabel        *story_title;
  GtkLabel        *story_meta;
  GtkBox          *story_rules;
  GtkListBox      *timeline;
  GtkWidget       *coverage_button;
  GtkWidget       *merge_button;
  GtkListBox      *merge_list;
  GtkWidget       *rename_button;
  GtkPopover      *rename_popover;
  GtkEntry        *rename_entry;
  GtkSpinner      *spinner;

  char            *path;         /* the archive: read in threads only */
  ClipCommands    *commands;
  GHashTable      *rule_names;   /* gint64* → name */
  GHashTable      *rule_ids;     /* story id → GArray of rule ids */
  GHashTable      *outside;      /* the open story's originals outside it */
  GPtrArray       *stories;      /* ClipStory*, as listed */
  ClipStory       *story;        /* the one open */
  guint            shown;        /* stories asked for */
  GCancellable    *cancellable;  /* commands */
  /* Reads: each request is numbered; a result that a newer request of
   * the same kind overtook is dropped. The list's requests also bring the
   * open story, a story's alone do not touch the list. */
  GCancellable    *load_cancellable;
  guint            list_generation, list_done;
  guint            story_generation, story_done;
  gint64           opening;      /* the story asked for, while it is read */
  gboolean         focus_after;  /* Show More: focus the first new row */
  gboolean         changed;      /* a change written: "changed" once read */
  guint            applied, dropped;
};

G_DEFINE_FINAL_TYPE (ClipStoriesView, clip_stories_view, ADW_TYPE_BIN)

enum { BACK, SHOW_COVERAGE, CHANGED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void emit_changed (ClipStoriesView *self);

GtkWidget *
clip_stories_view_new (void)
{
  return g_object_new (CLIP_TYPE_STORIES_VIEW, NULL);
}

const ClipStory *
clip_stories_view_get_story (ClipStoriesView *self)
{
  return self->story;
}

GPtrArray *
clip_stories_view_get_stories (ClipStoriesView *self)
{
  return self->stories;
}

static GtkWidget *
rule_chip (ClipStoriesView *self, gint64 rule_id)
{
  const char *name = g_hash_table_lookup (self->rule_names, &rule_id);
  g_autofree char *klass = clip_article_table_rule_class (rule_id);
  GtkWidget *chip;

  if (name == NULL)
    return NULL;   /* a rule removed since */
  chip = gtk_label_new (name);
  gtk_widget_add_css_class (chip, "clip-chip");
  gtk_widget_add_css_class (chip, klass);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (chip), PANGO_ELLIPSIZE_END);
  return chip;
}

static void
fill_chips (ClipStoriesView *self, GtkBox *box, gint64 story_id, guint max)
{
  GArray *ids = self->rule_ids ? g_hash_table_lookup (self->rule_ids, &story_id) : NULL;
  guint shown = 0, hidden = 0;

  for (guint i = 0; ids && i < ids->len; i++)
    {
      GtkWidget *chip = rule_chip (self, g_array_index (ids, gint64, i));

      if (chip == NULL)
        continue;
      if (max && shown >= max)
        {
          hidden++;
          g_object_ref_sink (chip);
          g_object_unref (chip);
          continue;
        }
      gtk_box_append (box, chip);
      shown++;
    }
  if (hidden > 0)
    {
      g_autofree char *more = g_strdup_printf ("+%u", hidden);
      GtkWidget *chip = gtk_label_new (more);

      gtk_widget_add_css_class (chip, "clip-chip");
      gtk_widget_add_css_class (chip, "clip-chip-more");
      gtk_box_append (box, chip);
    }
  gtk_widget_set_visible (GTK_WIDGET (box), shown > 0);
}

static GtkWidget *
story_row (ClipStoriesView *self, const ClipStory *s)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *meta = clip_stories_meta_text (s);
  g_autofree char *reach = clip_stories_reach_text (s);
  GtkWidget *title = clip_stories_label_new (s->title && *s->title ? s->title : _("Untitled"), "heading", TRUE);

  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), clip_stories_label_new (meta, "dim-label", FALSE));
  gtk_box_append (GTK_BOX (box), clip_stories_label_new (reach, "dim-label", FALSE));
  fill_chips (self, GTK_BOX (chips), s->id, ROW_CHIPS);
  gtk_box_append (GTK_BOX (box), chips);
  g_object_set (box, "margin-top", 8, "margin-bottom", 8, "margin-start", 12, "margin-end", 12, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "story-id", GSIZE_TO_POINTER ((gsize) s->id));
  return row;
}

/* The timeline */

static const ClipStoryArticle *
find_article (const ClipStory *s, gint64 id)
{
  for (guint i = 0; id && i < s->articles->len; i++)
    if (((ClipStoryArticle *) s->articles->pdata[i])->id == id)
      return s->articles->pdata[i];
  return NULL;
}

/* An original's row, its copies folded in an expander under it. */
static GtkWidget *
timeline_row (ClipStoriesView *self, const ClipStoryArticle *a, GPtrArray *copies)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  const ClipStoryArticle *original = find_article (self->story, a->copy_of);
  const ClipStoryArticle *outside = NULL;

  if (a->copy_of && original == NULL && self->outside)
    outside = g_hash_table_lookup (self->outside, &a->copy_of);
  gtk_box_append (GTK_BOX (box), clip_stories_entry_box (a, original ? original : outside));
  if (copies && copies->len)
    {
      g_autofree char *n = clip_format_count (copies->len, NULL);
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s copy", "%s copies",
                                                             copies->len), n);
      GtkWidget *expander = gtk_expander_new (label);
      GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      for (guint i = 0; i < copies->len; i++)
        gtk_box_append (GTK_BOX (inner), clip_stories_entry_box (copies->pdata[i], a));
      gtk_widget_set_margin_start (inner, 24);
      gtk_expander_set_child (GTK_EXPANDER (expander), inner);
      g_object_set (expander, "margin-start", 12, "margin-bottom", 8, NULL);
      gtk_box_append (GTK_BOX (box), expander);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "article-id", GSIZE_TO_POINTER ((gsize) a->id));
  return row;
}

static void
show_timeline (ClipStoriesView *self)
{
  g_autoptr(GHashTable) copies = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  const ClipStory *s = self->story;

  clip_stories_clear_box (GTK_WIDGET (self->timeline));
  /* Copies whose original is in the story go under it. */
  for (guint i = 0; i < s->articles->len; i++)
    {
      ClipStoryArticle *a = s->articles->pdata[i];
      const ClipStoryArticle *original = find_article (s, a->copy_of);
      GPtrArray *list;

      if (original == NULL)
        continue;
      if (!(list = g_hash_table_lookup (copies, &original->id)))
        g_hash_table_insert (copies, (gpointer) &original->id, (list = g_ptr_array_new ()));
      g_ptr_array_add (list, a);
    }
  for (guint i = 0; i < s->articles->len; i++)
    {
      ClipStoryArticle *a = s->articles->pdata[i];

      if (find_article (s, a->copy_of) != NULL)
        continue;
      gtk_list_box_append (self->timeline, timeline_row (self, a, g_hash_table_lookup (copies, &a->id)));
    }
}

/* The stories listed, but the one open, to merge into it. */
static void
fill_merge_list (ClipStoriesView *self)
{
  guint n = 0;

  clip_stories_clear_box (GTK_WIDGET (self->merge_list));
  for (guint i = 0; self->stories && self->story && i < self->stories->len; i++)
    {
      const ClipStory *s = self->stories->pdata[i];

      if (s->id == self->story->id)
        continue;
      gtk_list_box_append (self->merge_list, clip_stories_merge_row (s));
      n++;
    }
  gtk_widget_set_sensitive (self->merge_button, n > 0);
}

/* Shows self->story (NULL: none) in the story pane. */
static void
show_story (ClipStoriesView *self)
{
  g_autofree char *meta = NULL, *reach = NULL, *text = NULL;

  if (self->story == NULL)
    {
      gtk_stack_set_visible_child_name (self->story_stack, "none");
      gtk_widget_set_sensitive (self->rename_button, FALSE);
      gtk_widget_set_sensitive (self->merge_button, FALSE);
      gtk_widget_set_sensitive (self->coverage_button, FALSE);
      return;
    }
  gtk_label_set_text (self->story_title, self->story->title && *self->story->title
                                           ? self->story->title : _("Untitled"));
  meta = clip_stories_meta_text (self->story);
  reach = clip_stories_reach_text (self->story);
  text = g_strdup_printf ("%s\n%s", meta, reach);
  gtk_label_set_text (self->story_meta, text);
  clip_stories_clear_box (GTK_WIDGET (self->story_rules));
  fill_chips (self, self->story_rules, self->story->id, 0);
  show_timeline (self);
  fill_merge_list (self);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), self->story->renamed ? self->story->title : "");
  gtk_widget_set_sensitive (self->rename_button, TRUE);
  gtk_widget_set_sensitive (self->coverage_button, TRUE);
  gtk_stack_set_visible_child_name (self->story_stack, "story");
}

static GtkListBoxRow *
row_of (ClipStoriesView *self, gint64 story_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->stories_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (story_id != 0 && (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "story-id")) == story_id)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

static gint64
row_story (GtkWidget *row)
{
  return row ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "story-id")) : 0;
}

/* The row that has the keyboard focus, if one does. */
static GtkWidget *
focused_row (ClipStoriesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stories_list)))
    return NULL;
  return gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
}

static void
update_spinner (ClipStoriesView *self)
{
  /* Not twice: the first list has a spinner in its place. */
  gboolean loading = clip_stories_view_is_loading (self) &&
                     g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "loading") != 0;

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
}

/* The listed stories, read: the rows again, with the selection and the
 * keyboard focus where they were (on the same stories). */
static void
show_list (ClipStoriesView *self, ClipStoriesLoad *load)
{
  GtkWidget *had_focus = focused_row (self);
  gint64 focus_id = row_story (had_focus);
  gint64 selected_id = row_story (GTK_WIDGET (gtk_list_box_get_selected_row (self->stories_list)));
  guint before = self->stories ? self->stories->len : 0;
  GtkListBoxRow *row;

  g_clear_pointer (&self->stories, g_ptr_array_unref);
  self->stories = g_steal_pointer (&load->stories);
  g_clear_pointer (&self->rule_ids, g_hash_table_unref);
  self->rule_ids = g_hash_table_ref (load->rule_ids);
  gtk_widget_set_visible (self->more_button, load->more);
  self->shown = self->stories->len;
  clip_stories_clear_box (GTK_WIDGET (self->stories_list));
  for (guint i = 0; i < self->stories->len; i++)
    gtk_list_box_append (self->stories_list, story_row (self, self->stories->pdata[i]));
  gtk_stack_set_visible_child_name (self->list_stack, self->stories->len ? "list" : "empty");
  if ((row = row_of (self, self->story ? self->story->id : selected_id)) != NULL)
    gtk_list_box_select_row (self->stories_list, row);
  /* Show More: on to the first new row; else where the focus was. */
  if (self->focus_after && before < self->stories->len)
    row = gtk_list_box_get_row_at_index (self->stories_list, (int) before);
  else if (had_focus != NULL)
    row = row_of (self, focus_id) ? row_of (self, focus_id) : gtk_list_box_get_row_at_index (self->stories_list, 0);
  else
    row = NULL;
  if (row != NULL && (had_focus != NULL || self->focus_after))
    gtk_widget_grab_focus (GTK_WIDGET (row));
  self->focus_after = FALSE;
}

typedef struct {
  ClipStoriesView *view;
  guint            list_generation;   /* 0: the list was not asked */
  guint            story_generation;
} Pending;

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Pending *p = user_data;
  g_autoptr(ClipStoriesView) self = p->view;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStoriesLoad) load = clip_stories_load_finish (result, &error);
  gboolean list = p->list_generation != 0 && p->list_generation == self->list_generation;
  gboolean story = p->story_generation == self->story_generation;

  g_free (p);
  if (!list && !story)
    {
      self->dropped++;   /* overtaken by a newer request */
      return;
    }
  if (list)
    self->list_done = self->list_generation;
  if (story)
    self->story_done = self->story_generation;
  update_spinner (self);
  if (load == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the stories: %s", error->message);
      if (list && self->stories == NULL)
        gtk_stack_set_visible_child_name (self->list_stack, "empty");
      if (list)
        emit_changed (self);
      return;
    }
  self->applied++;
  g_clear_pointer (&self->rule_names, g_hash_table_unref);
  self->rule_names = g_hash_table_ref (load->rule_names);
  if (story)
    {
      g_clear_pointer (&self->story, clip_story_free);
      self->story = g_steal_pointer (&load->story);
      g_clear_pointer (&self->outside, g_hash_table_unref);
      self->outside = g_hash_table_ref (load->outside);
      self->opening = 0;
    }
  if (list)
    show_list (self, load);
  else if (story && self->rule_ids)
    {
      /* The open story's chips: its rule ids join the list's. */
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, load->rule_ids);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (self->rule_ids, key))
          g_hash_table_insert (self->rule_ids, g_memdup2 (key, sizeof (gint64)), g_array_ref (value));
    }
  else if (story)
    self->rule_ids = g_hash_table_ref (load->rule_ids);
  if (story)
    {
      GtkListBoxRow *row = self->story ? row_of (self, self->story->id) : NULL;

      show_story (self);
      if (row != NULL)
        gtk_list_box_select_row (self->stories_list, row);
    }
  update_spinner (self);   /* the list's own spinner may have gone */
  if (list)
    emit_changed (self);
}

static void
request (ClipStoriesView *self, gboolean list, gint64 open_id)
{
  Pending *p = g_new0 (Pending, 1);

  if (self->path == NULL)
    {
      g_free (p);
      return;
    }
  p->view = g_object_ref (self);
  if (list)
    p->list_generation = ++self->list_generation;
  p->story_generation = ++self->story_generation;
  self->opening = open_id;
  /* The first list shows a spinner in its place; later ones keep the
   * rows shown (and the focus in them) until the new ones are read. */
  if (list && self->stories == NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  clip_stories_load_async (self->path, list ? MAX (self->shown, CLIP_STORIES_VIEW_PAGE) : 0, open_id,
                           self->load_cancellable, loaded_cb, p);
  update_spinner (self);
}

void
clip_stories_view_open (ClipStoriesView *self,
                        gint64           story_id)
{
  g_return_if_fail (CLIP_IS_STORIES_VIEW (self));

  if (story_id == 0 || self->path == NULL)
    {
      /* Nothing to read: a request in flight for another story is
       * overtaken all the same. */
      self->story_done = ++self->story_generation;
      self->opening = 0;
      g_clear_pointer (&self->story, clip_story_free);
      show_story (self);
      update_spinner (self);
      return;
    }
  request (self, FALSE, story_id);
}

void
clip_stories_view_reload (ClipStoriesView *self)
{
  g_return_if_fail (CLIP_IS_STORIES_VIEW (self));

  request (self, TRUE, self->opening ? self->opening : self->story ? self->story->id : 0);
}

gboolean
clip_stories_view_is_loading (ClipStoriesView *self)
{
  g_return_val_if_fail (CLIP_IS_STORIES_VIEW (self), FALSE);

  return self->list_done != self->list_generation || self->story_done != self->story_generation;
}

/* Cancels the reads under way: whatever comes back now is dropped. */
static void
forget_loads (ClipStoriesView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  self->list_done = ++self->list_generation;
  self->story_done = ++self->story_generation;
  self->opening = 0;
  self->focus_after = FALSE;
}

void
clip_stories_view_cancel (ClipStoriesView *self)
{
  g_return_if_fail (CLIP_IS_STORIES_VIEW (self));

  forget_loads (self);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  update_spinner (self);
  emit_changed (self);
}

void
clip_stories_view_get_load_counts (ClipStoriesView *self,
                                   guint           *applied,
                                   guint           *dropped)
{
  if (applied)
    *applied = self->applied;
  if (dropped)
    *dropped = self->dropped;
}

static void
more_clicked_cb (ClipStoriesView *self)
{
  self->shown += CLIP_STORIES_VIEW_PAGE;
  self->focus_after = gtk_widget_has_focus (self->more_button);
  clip_stories_view_reload (self);
}

static void
story_activated_cb (ClipStoriesView *self,
                    GtkListBoxRow   *row)
{
  clip_stories_view_open (self, (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "story-id")));
  adw_leaflet_set_visible_child (self->leaflet, self->story_pane);
}

/* Changes: commands on the one writer; the view reads again once they are
 * written. The story to open afterwards rides with the task. */

static void
command_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ClipStoriesView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  /* "changed" once the view has read the change. */
  self->changed = TRUE;
  clip_stories_view_reload (self);
}

static void
emit_changed (ClipStoriesView *self)
{
  if (!self->changed)
    return;
  self->changed = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
run (ClipStoriesView *self, ClipCommand *command)
{
  g_autoptr(ClipCommand) owned = command;

  if (self->commands == NULL)
    return;
  clip_commands_run_async (self->commands, command, NULL, self->cancellable, command_done_cb,
                           g_object_ref (self));
}

static void
merge_activated_cb (ClipStoriesView *self,
                    GtkListBoxRow   *row)
{
  gint64 other = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "story-id"));

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->merge_button));
  if (self->story != NULL && other != 0)
    run (self, clip_command_merge_stories (self->story->id, other));
}

static void
rename_cb (ClipStoriesView *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->rename_entry));
  g_autofree char *clean = g_strstrip (g_strdup (title));

  gtk_popover_popdown (self->rename_popover);
  if (self->story != NULL)
    run (self, clip_command_rename_story (self->story->id, clean));
}

static void
split_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  run (CLIP_STORIES_VIEW (user_data), clip_command_split_story (g_variant_get_int64 (param)));
}

static void
coverage_clicked_cb (ClipStoriesView *self)
{
  if (self->story != NULL)
    g_signal_emit (self, signals[SHOW_COVERAGE], 0, self->story->id, self->story->title);
}

static void
back_clicked_cb (ClipStoriesView *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
back_to_list_cb (ClipStoriesView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

void
clip_stories_view_set_store (ClipStoriesView *self,
                             ClipStore       *store,
                             ClipCommands    *commands)
{
  g_return_if_fail (CLIP_IS_STORIES_VIEW (self));

  g_free (self->path);
  /* Read in threads, each on a connection of its own: the UI thread's
   * connection (store) is never used here. */
  self->path = store ? g_strdup (clip_store_get_path (store)) : NULL;
  g_set_object (&self->commands, commands);
}

static void
clip_stories_view_dispose (GObject *object)
{
  ClipStoriesView *self = CLIP_STORIES_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  /* A read still under way keeps the view alive; its widgets are gone. */
  forget_loads (self);
  G_OBJECT_CLASS (clip_stories_view_parent_class)->dispose (object);
}

static void
clip_stories_view_finalize (GObject *object)
{
  ClipStoriesView *self = CLIP_STORIES_VIEW (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->commands);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->rule_names, g_hash_table_unref);
  g_clear_pointer (&self->rule_ids, g_hash_table_unref);
  g_clear_pointer (&self->outside, g_hash_table_unref);
  g_clear_pointer (&self->stories, g_ptr_array_unref);
  g_clear_pointer (&self->story, clip_story_free);
  G_OBJECT_CLASS (clip_stories_view_parent_class)->finalize (object);
}

static void
clip_stories_view_class_init (ClipStoriesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clip_stories_view_dispose;
  object_class->finalize = clip_stories_view_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clippings/Clippings/clip-stories-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, story_pane);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, stories_list);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, more_button);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, story_stack);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, story_title);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, story_meta);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, story_rules);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, timeline);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, coverage_button);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, merge_button);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, merge_list);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, rename_button);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, rename_popover);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, rename_entry);
  gtk_widget_class_bind_template_child (widget_class, ClipStoriesView, spinner);
  gtk_widget_class_bind_template_callback (widget_class, story_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_cb);
  gtk_widget_class_bind_template_callback (widget_class, coverage_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_to_list_cb);
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_COVERAGE] = g_signal_new ("show-coverage", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static const GActionEntry actions[] = {
  { "split", split_activated, "x" },
};

static void
clip_stories_view_init (ClipStoriesView *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  self->cancellable = g_cancellable_new ();
  self->load_cancellable = g_cancellable_new ();
  self->rule_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "stories", G_ACTION_GROUP (group));
  clip_stories_view_open (self, 0);
}
