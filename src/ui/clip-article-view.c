/* clip-article-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-article-body.h"
#include "clip-article-item.h"
#include "clip-article-page-info.h"
#include "clip-article-table.h"
#include "clip-format.h"
#include "clip-article-view.h"
#include "clip-highlight.h"
#include "clip-rule-snippet.h"
#include "clip-rules-store.h"
#include "clip-store-listing.h"
#include "clip-stories.h"

/* Typing pauses this long before the note is saved. */
#define NOTE_DELAY_MS 600

struct _ClipArticleView
{
  AdwBin          parent_instance;

  GtkStack       *stack;
  GtkScrolledWindow *scroller;
  GtkLabel       *title_label;
  GtkLabel       *meta_label;
  GtkLabel       *copy_label;
  GtkBox         *rules_box;
  GtkFlowBox     *tags_box;
  GtkEntry       *tag_entry;
  ClipArticleBody *body;
  GtkWidget      *images_button;
  GtkLabel       *date_label;
  GtkLabel       *source_label;
  GtkWidget      *full_text_button;
  GtkWidget      *save_copy_button;
  GtkTextView    *note_view;
  gssize          page_at;       /* where the page's text starts in the
                                    matched body; -1: the feed's is shown */

  ClipStore      *reader;
  ClipCommands   *commands;
  GHashTable     *rule_names;    /* id → name */
  GHashTable     *rule_colors;   /* id → GdkRGBA */
  ClipArticle    *article;
  ClipSearchMatcher *search;     /* the search whose hits show, or NULL */
  char           *search_text;

  guint           note_timeout;
  gint64          note_article;  /* the article the pending note is for */
  gboolean        note_writing;
  char           *note_queued;   /* typed while a write was running */
  gboolean        loading_note;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (ClipArticleView, clip_article_view, ADW_TYPE_BIN)

enum { NOTE_SAVED, NOTE_FAILED, ARTICLE_CHANGED, GET_FULL_TEXT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void show_tags (ClipArticleView *self, const char * const *tags);

GtkWidget *
clip_article_view_new (void)
{
  return g_object_new (CLIP_TYPE_ARTICLE_VIEW, NULL);
}

void
clip_article_view_set_store (ClipArticleView *self,
                             ClipStore       *reader,
                             ClipCommands    *commands)
{
  g_set_object (&self->reader, reader);
  g_set_object (&self->commands, commands);
}

/* Runs a change to the article shown; done gets self (a reference). */
static void
run_command (ClipArticleView     *self,
             ClipCommand         *command,
             GAsyncReadyCallback  done)
{
  g_autoptr(ClipCommand) owned = command;

  clip_commands_run_async (self->commands, owned, NULL, NULL, done, g_object_ref (self));
}

void
clip_article_view_set_rules (ClipArticleView *self,
                             GPtrArray       *rules)
{
  g_hash_table_remove_all (self->rule_names);
  g_hash_table_remove_all (self->rule_colors);
  for (guint i = 0; rules && i < rules->len; i++)
    {
      const ClipRule *rule = g_ptr_array_index (rules, i);
      GdkRGBA rgba;

      g_hash_table_insert (self->rule_names, g_memdup2 (&rule->id, sizeof rule->id),
                           g_strdup (rule->name));
      if (rule->color && gdk_rgba_parse (&rgba, rule->color))
        g_hash_table_insert (self->rule_colors, g_memdup2 (&rule->id, sizeof rule->id),
                             gdk_rgba_copy (&rgba));
    }
}

const ClipArticle *
clip_article_view_get_article (ClipArticleView *self)
{
  return self->article;
}

/* The note */

static void write_note (ClipArticleView *self, gint64 article_id, const char *text);

static void
note_written_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  g_autoptr(ClipArticleView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *queued = NULL;

  self->note_writing = FALSE;
  if (!clip_commands_run_finish (CLIP_COMMANDS (source), res, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[NOTE_FAILED], 0, error->message);
    }
  else
    g_signal_emit (self, signals[NOTE_SAVED], 0);
  /* Writes go one after the other, so the last text typed wins. */
  if ((queued = g_steal_pointer (&self->note_queued)) != NULL)
    write_note (self, self->note_article, queued);
}

static void
write_note (ClipArticleView *self,
            gint64           article_id,
            const char      *text)
{
  if (self->commands == NULL || article_id == 0)
    return;
  if (self->note_writing)
    {
      g_free (self->note_queued);
      self->note_queued = g_strdup (text);
      self->note_article = article_id;
      return;
    }
  self->note_writing = TRUE;
  self->note_article = article_id;
  run_command (self, clip_command_set_note (article_id, text), note_written_cb);
}

static char *
note_text (ClipArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
clip_article_view_flush_note (ClipArticleView *self)
{
  g_autofree char *text = NULL;

  if (self->note_timeout == 0)
    return;
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  text = note_text (self);
  if (self->article != NULL)
    {
      g_free (self->article->note);
      self->article->note = g_strdup (text);
      write_note (self, self->article->id, text);
    }
}

static gboolean
note_timeout_cb (gpointer user_data)
{
  ClipArticleView *self = user_data;

  clip_article_view_flush_note (self);
  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (GtkTextBuffer   *buffer,
                 ClipArticleView *self)
{
  if (self->loading_note || self->article == NULL)
    return;
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  self->note_timeout = g_timeout_add (NOTE_DELAY_MS, note_timeout_cb, self);
}

/* Showing an article */

static char *
format_meta (const ClipArticle *a)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gint64 time = clip_article_time (a);

  if (a->outlet_name && *a->outlet_name)
    g_ptr_array_add (parts, g_strdup (a->outlet_name));
  if (a->author && *a->author)
    g_ptr_array_add (parts, g_strdup (a->author));
  if (time != CLIP_NO_DATE)
    g_ptr_array_add (parts, clip_format_time_full (time, TRUE, NULL, NULL));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* Whose near-copy the article is (src/core/stories), if it is one. */
static void
show_copy (ClipArticleView *self)
{
  g_autoptr(ClipStoryArticle) original = NULL;
  g_autoptr(ClipStoryArticle) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  a = clip_story_article_get (self->reader, self->article->id, &original, &error);
  if (a == NULL)
    g_debug ("Could not read the article's story: %s", error->message);
  else if (original != NULL)
    text = clip_article_item_copy_text (original->outlet, original->time, a->recycled_from != 0);
  gtk_label_set_text (self->copy_label, text ? text : "");
  /* An old story with a new date is what the analyst must not miss. */
  if (a != NULL && a->recycled_from != 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->copy_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->copy_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->copy_label), text != NULL);
}

static GtkWidget *
rule_row (ClipArticleView *self,
          gint64           rule_id,
          const char      *words)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *chip = gtk_label_new (g_hash_table_lookup (self->rule_names, &rule_id));
  g_autofree char *klass = clip_article_table_rule_class (rule_id);
  g_autofree char *why = NULL;
  GtkWidget *label;

  gtk_widget_add_css_class (chip, "clip-chip");
  gtk_widget_add_css_class (chip, klass);
  gtk_widget_set_valign (chip, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), chip);
  /* Translators: the words of an article that made a rule flag it */
  why = *words ? g_strdup_printf (_("Matched: %s"), words) : g_strdup (_("Matched"));
  label = gtk_label_new (why);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* Spans of the matched body (the feed's text, then the page's) as the
 * view shows it: the page's text alone when there is one. */
static void
shift_to_shown (ClipArticleView *self, GArray *spans, gsize elt, gsize start_at, gsize end_at)
{
  if (self->page_at < 0)
    return;
  for (guint i = spans->len; i-- > 0;)
    {
      guint8 *e = (guint8 *) spans->data + i * elt;
      guint *start = (guint *) (e + start_at), *end = (guint *) (e + end_at);

      if ((gssize) *start < self->page_at)
        g_array_remove_index (spans, i);
      else
        {
          *start -= self->page_at;
          *end -= self->page_at;
        }
    }
}

/* The search's hits over the rules' spans: in the title (painted here)
 * and in the body (added to body_hits, ClipHighlightSpan, in the shown
 * text's offsets), in their own colour. */
static void
show_hits (ClipArticleView *self,
           GArray          *body_hits)
{
  g_autoptr(PangoAttrList) title_attrs = pango_attr_list_new ();
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GError) error = NULL;

  if (self->search != NULL &&
      !(spans = clip_search_matcher_spans (self->search, self->reader, self->article->id, &error)))
    g_debug ("Could not find the search in the article: %s", error->message);
  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      const ClipRuleSpan *span = &g_array_index (spans, ClipRuleSpan, i);

      ClipHighlightSpan hit = { 0, span->start, span->end };

      if (span->field == CLIP_RULE_FIELD_BODY && self->page_at < 0)
        g_array_append_val (body_hits, hit);
      else if (span->field == CLIP_RULE_FIELD_BODY && (gssize) span->start >= self->page_at)
        {
          hit.start -= self->page_at;
          hit.end -= self->page_at;
          g_array_append_val (body_hits, hit);
        }
      else if (span->field == CLIP_RULE_FIELD_TITLE)
        clip_highlight_add_hit (title_attrs, span->start, span->end);
    }
  gtk_label_set_attributes (self->title_label, title_attrs);
}

/* Highlights every matching rule's spans, and says which words matched. */
static void
show_matches (ClipArticleView *self,
              const char      *body)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (ClipHighlightSpan));
  g_autoptr(GArray) body_spans = g_array_new (FALSE, FALSE, sizeof (ClipHighlightSpan));
  g_autoptr(GArray) title_spans = g_array_new (FALSE, FALSE, sizeof (ClipHighlightSpan));
  GHashTableIter iter;
  gpointer key;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rules_box))) != NULL)
    gtk_box_remove (self->rules_box, child);
  g_hash_table_iter_init (&iter, self->rule_names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 rule_id = *(gint64 *) key;
      g_autofree char *json = clip_store_get_match_spans (self->reader, rule_id,
                                                          self->article->id, NULL);
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *words = NULL;

      if (json == NULL)
        continue;
      clip_highlight_parse (json, CLIP_RULE_FIELD_BODY, rule_id, body, body_spans);
      clip_highlight_parse (json, CLIP_RULE_FIELD_TITLE, rule_id, self->article->title, title_spans);
      clip_highlight_collect_words (self->article->title ? self->article->title : "",
                                    title_spans, rule_id, found);
      clip_highlight_collect_words (body, body_spans, rule_id, found);
      g_ptr_array_add (found, NULL);
      words = g_strjoinv (", ", (char **) found->pdata);
      gtk_box_append (self->rules_box, rule_row (self, rule_id, words));
    }
  shift_to_shown (self, body_spans, sizeof (ClipHighlightSpan), G_STRUCT_OFFSET (ClipHighlightSpan, start),
                  G_STRUCT_OFFSET (ClipHighlightSpan, end));
  show_hits (self, hits);
  clip_article_body_set_highlights (self->body, body_spans, self->rule_colors, hits);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->rules_box)) != NULL);
}

/* Where the text came from, the date warning, and the page's actions. */
static void
show_page_state (ClipArticleView *self)
{
  const ClipArticle *a = self->article;
  g_autofree char *source = clip_article_source_text (a);
  g_autofree char *warning = clip_article_date_warning (self->reader, a);
  gboolean web = a->url && (g_str_has_prefix (a->url, "http://") || g_str_has_prefix (a->url, "https://"));

  gtk_label_set_text (self->source_label, source);
  gtk_label_set_text (self->date_label, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), warning != NULL);
  gtk_widget_set_visible (self->full_text_button, web);
  gtk_widget_set_sensitive (self->full_text_button, TRUE);
  gtk_button_set_label (GTK_BUTTON (self->full_text_button), _("Get Full Text"));
  gtk_widget_set_visible (self->save_copy_button, clip_article_has_page_copy (self->reader, a->id));
}

static void
images_clicked_cb (ClipArticleView *self)
{
  clip_article_body_show_images (self->body);
}

/* The text shown (the page's, else the feed's full text, else its
 * summary) from its sanitised HTML; the plain text is what the spans'
 * offsets are in. */
static void
show_body (ClipArticleView *self)
{
  const ClipArticle *a = self->article;
  const char *html, *plain;

  if (self->page_at >= 0)
    {
      html = a->page_html;
      plain = a->page_text;
    }
  else if (a->content_text != NULL && *a->content_text != '\0')
    {
      html = a->content_html;
      plain = a->content_text;
    }
  else
    {
      html = a->summary_html;
      plain = a->summary_text;
    }
  clip_article_body_show (self->body, html, plain ? plain : "");
}

static void
full_text_clicked_cb (ClipArticleView *self)
{
  if (self->article == NULL)
    return;
  /* The window asks the service; the view is shown again when it ends. */
  gtk_widget_set_sensitive (self->full_text_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->full_text_button), _("Getting Full Text…"));
  g_signal_emit (self, signals[GET_FULL_TEXT], 0, self->article->id);
}

static void
save_copy_clicked_cb (ClipArticleView *self)
{
  if (self->article != NULL && self->reader != NULL)
    clip_article_save_page_copy (GTK_WIDGET (self), self->reader, self->article->id);
}

void
clip_article_view_show (ClipArticleView *self,
                        gint64           article_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *match_body = NULL;
  GtkTextBuffer *note_buffer;

  g_return_if_fail (CLIP_IS_ARTICLE_VIEW (self));

  clip_article_view_flush_note (self);
  g_clear_pointer (&self->article, clip_article_free);
  if (article_id != 0 && self->reader != NULL)
    {
      if (!(self->article = clip_store_get_article (self->reader, article_id, &error)))
        g_debug ("Could not read article %" G_GINT64_FORMAT ": %s", article_id, error->message);
    }
  if (self->article == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      g_signal_emit (self, signals[ARTICLE_CHANGED], 0);
      return;
    }
  if (self->article->title != NULL && *self->article->title != '\0')
    {
      gtk_label_set_text (self->title_label, self->article->title);
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");
    }
  else
    {
      /* A feed item without a title: say so rather than leave a gap. */
      gtk_label_set_text (self->title_label, _("Untitled"));
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
    }
  meta = format_meta (self->article);
  gtk_label_set_text (self->meta_label, meta);
  show_copy (self);

  show_page_state (self);
  match_body = clip_article_dup_match_body (self->article);
  self->page_at = clip_article_page_offset (self->article);
  show_body (self);
  show_matches (self, match_body);

  {
    g_auto(GStrv) tags = clip_store_get_tags (self->reader, self->article->id, NULL);
    show_tags (self, (const char * const *) tags);
  }

  note_buffer = gtk_text_view_get_buffer (self->note_view);
  self->loading_note = TRUE;
  gtk_text_buffer_set_text (note_buffer, self->article->note ? self->article->note : "", -1);
  self->loading_note = FALSE;

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "article");
  g_signal_emit (self, signals[ARTICLE_CHANGED], 0);
}

gint64
clip_article_view_get_id (ClipArticleView *self)
{
  g_return_val_if_fail (CLIP_IS_ARTICLE_VIEW (self), 0);
  return self->article ? self->article->id : 0;
}

void
clip_article_view_set_state (ClipArticleView *self,
                             gboolean         read,
                             gint             flag)
{
  g_return_if_fail (CLIP_IS_ARTICLE_VIEW (self));

  if (self->article == NULL || (self->article->read == !!read && self->article->flag == flag))
    return;
  self->article->read = !!read;
  self->article->flag = flag;
  g_signal_emit (self, signals[ARTICLE_CHANGED], 0);
}

void
clip_article_view_refresh_state (ClipArticleView *self)
{
  g_autoptr(ClipArticle) now = NULL;

  g_return_if_fail (CLIP_IS_ARTICLE_VIEW (self));

  if (self->article == NULL)
    return;
  if ((now = clip_store_get_article (self->reader, self->article->id, NULL)) != NULL)
    {
      /* Tags too: a selection's bulk tagging, a tag renamed elsewhere. */
      g_auto(GStrv) tags = clip_store_get_tags (self->reader, self->article->id, NULL);

      clip_article_view_set_state (self, now->read, now->flag);
      if (tags != NULL)
        show_tags (self, (const char * const *) tags);
    }
}

void
clip_article_view_set_search (ClipArticleView *self,
                              const char      *query)
{
  g_autofree char *body = NULL;

  g_return_if_fail (CLIP_IS_ARTICLE_VIEW (self));

  if (g_strcmp0 (query, self->search_text) == 0)
    return;
  g_free (self->search_text);
  self->search_text = g_strdup (query);
  g_clear_pointer (&self->search, clip_search_matcher_free);
  /* A search that cannot be read highlights nothing (the list says why). */
  if (query != NULL && self->reader != NULL)
    self->search = clip_search_matcher_new (self->reader, query, NULL);
  if (self->article == NULL)
    return;
  body = clip_article_dup_match_body (self->article);
  show_matches (self, body);
}

static void
flag_active_cb (GtkToggleButton *button)
{
  gboolean flagged = gtk_toggle_button_get_active (button);

  gtk_button_set_icon_name (GTK_BUTTON (button), flagged ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), flagged ? _("Flagged (S)") : _("Flag (S)"));
}

void
clip_article_view_follow_flag_button (GtkToggleButton *button)
{
  g_signal_connect (button, "notify::active", G_CALLBACK (flag_active_cb), NULL);
  flag_active_cb (button);
}

/* Tags */

static void
tag_written_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(ClipArticleView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), res, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[NOTE_FAILED], 0, error->message);
}

static GStrv
current_tags (ClipArticleView *self)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *tag = g_object_get_data (G_OBJECT (child), "clip-tag");
      if (tag != NULL)
        g_strv_builder_add (b, tag);
    }
  return g_strv_builder_end (b);
}

static void
write_tag (ClipArticleView *self,
           gboolean         add,
           const char      *tag)
{
  if (self->commands == NULL)
    return;
  run_command (self, add ? clip_command_add_tag (self->article->id, tag)
                         : clip_command_remove_tag (self->article->id, tag), tag_written_cb);
}

static void
remove_tag_cb (GtkButton       *button,
               ClipArticleView *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "clip-tag");
  g_auto(GStrv) tags = current_tags (self);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  if (self->article == NULL || tag == NULL)
    return;
  write_tag (self, FALSE, tag);
  for (guint i = 0; tags[i]; i++)
    if (!g_str_equal (tags[i], tag))
      g_strv_builder_add (b, tags[i]);
  kept = g_strv_builder_end (b);
  show_tags (self, (const char * const *) kept);
}

static void
tag_entry_activate_cb (ClipArticleView *self)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry))));
  g_auto(GStrv) tags = NULL;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;

  if (self->article == NULL || *tag == '\0')
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  tags = current_tags (self);
  if (g_strv_contains ((const char * const *) tags, tag))
    return;
  write_tag (self, TRUE, tag);
  g_strv_builder_addv (b, (const char **) tags);
  g_strv_builder_add (b, tag);
  all = g_strv_builder_end (b);
  show_tags (self, (const char * const *) all);
}

static GtkWidget *
tag_chip (ClipArticleView *self,
          const char      *tag)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (tag);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *a11y = g_strdup_printf (_("Remove the tag “%s”"), tag);

  gtk_widget_add_css_class (box, "clip-tag");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data_full (G_OBJECT (remove), "clip-tag", g_strdup (tag), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_tag_cb), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static void
show_tags (ClipArticleView    *self,
           const char * const *tags)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);
  for (guint i = 0; tags && tags[i]; i++)
    {
      GtkWidget *chip = tag_chip (self, tags[i]);

      gtk_flow_box_append (self->tags_box, chip);
      /* The flow box wraps each chip in a child of its own. */
      g_object_set_data_full (G_OBJECT (gtk_widget_get_parent (chip)), "clip-tag",
                              g_strdup (tags[i]), g_free);
    }
}

static void
clip_article_view_dispose (GObject *object)
{
  ClipArticleView *self = CLIP_ARTICLE_VIEW (object);

  clip_article_view_flush_note (self);
  g_clear_object (&self->reader);
  g_clear_object (&self->commands);
  G_OBJECT_CLASS (clip_article_view_parent_class)->dispose (object);
}

static void
clip_article_view_finalize (GObject *object)
{
  ClipArticleView *self = CLIP_ARTICLE_VIEW (object);

  g_clear_pointer (&self->article, clip_article_free);
  g_clear_pointer (&self->search, clip_search_matcher_free);
  g_free (self->search_text);
  g_hash_table_unref (self->rule_names);
  g_hash_table_unref (self->rule_colors);
  g_free (self->note_queued);
  G_OBJECT_CLASS (clip_article_view_parent_class)->finalize (object);
}

static void
clip_article_view_class_init (ClipArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clip_article_view_dispose;
  object_class->finalize = clip_article_view_finalize;

  signals[NOTE_SAVED] = g_signal_new ("note-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[NOTE_FAILED] = g_signal_new ("note-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Another article shown (or none), or its read or flag state set. */
  signals[ARTICLE_CHANGED] = g_signal_new ("article-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* "Get full text": the article's page to fetch again (the window has
   * the service). */
  signals[GET_FULL_TEXT] = g_signal_new ("get-full-text", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         G_TYPE_INT64);

  g_type_ensure (CLIP_TYPE_ARTICLE_BODY);
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, stack);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, scroller);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, copy_label);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, rules_box);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, body);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, images_button);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, note_view);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, tags_box);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, date_label);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, source_label);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, full_text_button);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleView, save_copy_button);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, full_text_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, images_clicked_cb);
}

static void
clip_article_view_init (ClipArticleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  clip_article_body_set_scroller (self->body, self->scroller);
  g_object_bind_property (self->body, "images-held", self->images_button, "visible", G_BINDING_SYNC_CREATE);
  self->page_at = -1;
  self->rule_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->rule_colors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) gdk_rgba_free);
  g_signal_connect (gtk_text_view_get_buffer (self->note_view), "changed",
                    G_CALLBACK (note_changed_cb), self);
}
