/* clip-article-body.c — an article's text drawn from its sanitised HTML
 *
 * One widget per block of the ClipHtmlDoc (src/core/feed/clip-html-doc.h):
 * a label for each paragraph, heading, list item and preformatted block
 * (its inline styles and links as Pango markup, whose text is the block's
 * text byte for byte, so that highlight offsets stay block offsets), a
 * separator for a rule and a ClipArticleImage for an image. The rules'
 * and the search's spans come in plain-text offsets and go to the blocks
 * through the document's one mapping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-article-body.h"
#include "clip-article-image.h"
#include "clip-highlight.h"

/* An image starts loading when it is within this many views of the view. */
#define NEAR_VIEWS 1.0
/* The least share of the plain text's words the HTML must show. */
#define MIN_SHOWN 0.98

struct _ClipArticleBody
{
  GtkBox             parent_instance;

  ClipHtmlDoc       *doc;
  GPtrArray         *labels;      /* GtkLabel* or NULL, one per block */
  GPtrArray         *images;      /* ClipArticleImage* */
  gboolean           allowed;
  gboolean           asked;       /* "Show Images" for the article shown */
  gboolean           held;        /* it has images, and they are off */
  GSettings         *settings;    /* show-images; NULL without the schema */
  ClipFetcher       *fetcher;     /* made when an image is first wanted */
  GtkScrolledWindow *scroller;
  GCancellable      *cancellable; /* the shown article's image loads */
  guint              check_idle;
};

G_DEFINE_FINAL_TYPE (ClipArticleBody, clip_article_body, GTK_TYPE_BOX)

enum { PROP_0, PROP_IMAGES_HELD, N_PROPS };
static GParamSpec *props[N_PROPS];

static void sync_images (ClipArticleBody *self);

GtkWidget *
clip_article_body_new (void)
{
  return g_object_new (CLIP_TYPE_ARTICLE_BODY, NULL);
}

/* Markup */

static void
open_tags (GString *s, guint style)
{
  if (style & CLIP_HTML_STYLE_STRONG)
    g_string_append (s, "<b>");
  if (style & CLIP_HTML_STYLE_EMPHASIS)
    g_string_append (s, "<i>");
  if (style & CLIP_HTML_STYLE_CODE)
    g_string_append (s, "<tt>");
  if (style & CLIP_HTML_STYLE_STRIKE)
    g_string_append (s, "<s>");
  if (style & CLIP_HTML_STYLE_UNDERLINE)
    g_string_append (s, "<u>");
  if (style & CLIP_HTML_STYLE_SUB)
    g_string_append (s, "<sub>");
  if (style & CLIP_HTML_STYLE_SUP)
    g_string_append (s, "<sup>");
}

static void
close_tags (GString *s, guint style)
{
  if (style & CLIP_HTML_STYLE_SUP)
    g_string_append (s, "</sup>");
  if (style & CLIP_HTML_STYLE_SUB)
    g_string_append (s, "</sub>");
  if (style & CLIP_HTML_STYLE_UNDERLINE)
    g_string_append (s, "</u>");
  if (style & CLIP_HTML_STYLE_STRIKE)
    g_string_append (s, "</s>");
  if (style & CLIP_HTML_STYLE_CODE)
    g_string_append (s, "</tt>");
  if (style & CLIP_HTML_STYLE_EMPHASIS)
    g_string_append (s, "</i>");
  if (style & CLIP_HTML_STYLE_STRONG)
    g_string_append (s, "</b>");
}

static void
append_escaped (GString *s, const char *text, gsize len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (s, escaped);
}

/* The block's text as markup: the label's text is the block's text. */
static char *
block_markup (const ClipHtmlBlock *b)
{
  GString *s = g_string_new (NULL);
  guint at = 0;

  for (guint i = 0; i < b->runs->len; i++)
    {
      const ClipHtmlRun *r = &g_array_index (b->runs, ClipHtmlRun, i);

      append_escaped (s, b->text + at, r->start - at);
      if (r->href != NULL)
        {
          g_autofree char *href = g_markup_escape_text (r->href, -1);

          g_string_append_printf (s, "<a href=\"%s\" title=\"%s\">", href, href);
        }
      open_tags (s, r->style);
      append_escaped (s, b->text + r->start, r->end - r->start);
      close_tags (s, r->style);
      if (r->href != NULL)
        g_string_append (s, "</a>");
      at = r->end;
    }
  append_escaped (s, b->text + at, strlen (b->text + at));
  return g_string_free (s, FALSE);
}

/* Links open in the browser; nothing else is followed. */
static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  gpointer    user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (label));

  /* The schemes the document kept (clip-html-doc.c web_url), in any case. */
  if (g_ascii_strncasecmp (uri, "https://", 8) == 0 || g_ascii_strncasecmp (uri, "http://", 7) == 0 ||
      g_ascii_strncasecmp (uri, "mailto:", 7) == 0)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

/* Blocks */

static GtkWidget *
text_label (const ClipHtmlBlock *b)
{
  /* A heading is one to a screen reader too (a role is set at birth). */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role",
                                   b->kind == CLIP_HTML_BLOCK_HEADING ? GTK_ACCESSIBLE_ROLE_HEADING
                                                                      : GTK_ACCESSIBLE_ROLE_LABEL,
                                   NULL);
  g_autofree char *markup = block_markup (b);
  static const char * const headings[] = { "title-2", "title-2", "title-3", "title-4", "heading", "heading", "heading" };

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  g_signal_connect (label, "activate-link", G_CALLBACK (activate_link_cb), NULL);
  switch (b->kind)
    {
    case CLIP_HTML_BLOCK_HEADING:
      gtk_widget_add_css_class (label, headings[MIN (b->level, 6)]);
      gtk_widget_add_css_class (label, "clip-body-heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, b->level, -1);
      break;
    case CLIP_HTML_BLOCK_PRE:
      gtk_widget_add_css_class (label, "clip-pre");
      break;
    case CLIP_HTML_BLOCK_CAPTION:
      gtk_widget_add_css_class (label, "clip-caption");
      break;
    default:
      gtk_widget_add_css_class (label, "clip-body");
      break;
    }
  return label;
}

static GtkWidget *
list_item (const ClipHtmlBlock *b,
           GtkWidget           *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *marker = gtk_label_new (b->marker ? b->marker : "");

  gtk_widget_add_css_class (marker, "clip-body");
  gtk_widget_add_css_class (marker, "clip-list-marker");
  gtk_label_set_xalign (GTK_LABEL (marker), 1);
  gtk_label_set_width_chars (GTK_LABEL (marker), 3);
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), marker);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_start (box, 18 * (b->list_depth > 0 ? b->list_depth - 1 : 0));
  return box;
}

static GtkWidget *
block_widget (ClipArticleBody     *self,
              const ClipHtmlBlock *b,
              GtkLabel           **label_out)
{
  GtkWidget *w, *label = NULL;

  switch (b->kind)
    {
    case CLIP_HTML_BLOCK_RULE:
      w = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      gtk_widget_add_css_class (w, "clip-body-rule");
      break;
    case CLIP_HTML_BLOCK_IMAGE:
      w = clip_article_image_new (b->src, b->alt);
      g_ptr_array_add (self->images, w);
      break;
    case CLIP_HTML_BLOCK_LIST_ITEM:
      label = text_label (b);
      w = list_item (b, label);
      break;
    default:
      w = label = text_label (b);
      if (b->list_depth > 0)
        gtk_widget_set_margin_start (w, 18 * b->list_depth + 6);
      break;
    }
  if (b->quote_depth > 0)
    {
      gtk_widget_add_css_class (w, "clip-quote");
      gtk_widget_set_margin_start (w, gtk_widget_get_margin_start (w) + 16 * (b->quote_depth - 1));
    }
  *label_out = label ? GTK_LABEL (label) : NULL;
  return w;
}

static void
clear (ClipArticleBody *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->check_idle, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);
  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->images, 0);
  g_clear_pointer (&self->doc, clip_html_doc_free);
}

static void queue_check (ClipArticleBody *self);

/* The space above a block: more above a heading, less between the items
 * of one list, as a printed page sets them. */
static int
gap_before (const ClipHtmlBlock *prev,
            const ClipHtmlBlock *b)
{
  if (prev == NULL)
    return 0;
  if (b->kind == CLIP_HTML_BLOCK_HEADING)
    return 22;
  if (b->kind == CLIP_HTML_BLOCK_LIST_ITEM && prev->kind == CLIP_HTML_BLOCK_LIST_ITEM)
    return 6;
  /* A caption sits under its image. */
  if (b->kind == CLIP_HTML_BLOCK_CAPTION && prev->kind == CLIP_HTML_BLOCK_IMAGE)
    return 6;
  return 14;
}

void
clip_article_body_show (ClipArticleBody *self,
                        const char      *html,
                        const char      *plain)
{
  g_return_if_fail (CLIP_IS_ARTICLE_BODY (self));

  clear (self);
  self->cancellable = g_cancellable_new ();
  self->doc = html && *html ? clip_html_doc_new (html, -1) : clip_html_doc_new_text (plain);
  /* HTML that does not show the plain text's words (a stored pair that
   * disagree): the plain text, so that every span still lands. */
  if (clip_html_doc_align (self->doc, plain ? plain : "") < MIN_SHOWN)
    {
      clip_html_doc_free (self->doc);
      self->doc = clip_html_doc_new_text (plain);
      clip_html_doc_align (self->doc, plain ? plain : "");
    }
  self->asked = FALSE;
  for (guint i = 0; i < self->doc->blocks->len; i++)
    {
      GtkLabel *label = NULL;
      GtkWidget *w = block_widget (self, self->doc->blocks->pdata[i], &label);

      gtk_widget_set_margin_top (w, gap_before (i ? self->doc->blocks->pdata[i - 1] : NULL,
                                                self->doc->blocks->pdata[i]));
      gtk_box_append (GTK_BOX (self), w);
      g_ptr_array_add (self->labels, label);
    }
  sync_images (self);
}

/* Highlights */

void
clip_article_body_set_highlights (ClipArticleBody *self,
                                  GArray          *spans,
                                  GHashTable      *colors,
                                  GArray          *hits)
{
  g_autoptr(GPtrArray) local = NULL;
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (ClipHtmlPiece));
  g_autoptr(GArray) hit_pieces = g_array_new (FALSE, FALSE, sizeof (ClipHtmlPiece));

  g_return_if_fail (CLIP_IS_ARTICLE_BODY (self));
  if (self->doc == NULL)
    return;
  local = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < self->labels->len; i++)
    g_ptr_array_add (local, g_array_new (FALSE, FALSE, sizeof (ClipHighlightSpan)));
  for (guint i = 0; spans && i < spans->len; i++)
    {
      const ClipHighlightSpan *s = &g_array_index (spans, ClipHighlightSpan, i);

      g_array_set_size (pieces, 0);
      clip_html_doc_map_span (self->doc, s->start, s->end, pieces);
      for (guint p = 0; p < pieces->len; p++)
        {
          const ClipHtmlPiece *piece = &g_array_index (pieces, ClipHtmlPiece, p);
          ClipHighlightSpan at = { s->rule_id, piece->start, piece->end };

          g_array_append_val (local->pdata[piece->block], at);
        }
    }
  for (guint i = 0; hits && i < hits->len; i++)
    {
      const ClipHighlightSpan *s = &g_array_index (hits, ClipHighlightSpan, i);

      clip_html_doc_map_span (self->doc, s->start, s->end, hit_pieces);
    }
  for (guint i = 0; i < self->labels->len; i++)
    {
      g_autoptr(PangoAttrList) attrs = NULL;

      if (self->labels->pdata[i] == NULL)
        continue;
      attrs = clip_highlight_attrs (local->pdata[i], colors);
      for (guint p = 0; p < hit_pieces->len; p++)
        {
          const ClipHtmlPiece *piece = &g_array_index (hit_pieces, ClipHtmlPiece, p);

          if (piece->block == i)
            clip_highlight_add_hit (attrs, piece->start, piece->end);
        }
      gtk_label_set_attributes (self->labels->pdata[i], attrs);
    }
}

/* Images */

/* The scrolled content the body is in (the viewport's child): where
 * things are in it does not change as it scrolls. */
static GtkWidget *
scrolled_content (ClipArticleBody *self)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);

  if (viewport != NULL && GTK_IS_VIEWPORT (viewport))
    return gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  return viewport;
}

/* Loads the images that are allowed, laid out, and within NEAR_VIEWS of
 * the part of the content in view. */
static gboolean
check_images (gpointer user_data)
{
  ClipArticleBody *self = user_data;
  GtkAdjustment *adj;
  GtkWidget *content;
  double top, view;

  self->check_idle = 0;
  if (!self->allowed || self->fetcher == NULL || self->scroller == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)) || !(content = scrolled_content (self)))
    return G_SOURCE_REMOVE;
  adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  top = gtk_adjustment_get_value (adj);
  view = gtk_adjustment_get_page_size (adj);
  for (guint i = 0; i < self->images->len; i++)
    {
      ClipArticleImage *image = self->images->pdata[i];
      graphene_rect_t r;

      if (clip_article_image_get_state (image) != CLIP_ARTICLE_IMAGE_IDLE ||
          gtk_widget_get_width (GTK_WIDGET (image)) == 0 ||
          !gtk_widget_compute_bounds (GTK_WIDGET (image), content, &r))
        continue;
      if (r.origin.y < top + view * (1 + NEAR_VIEWS) && r.origin.y + r.size.height > top - view * NEAR_VIEWS)
        clip_article_image_load (image, self->fetcher, self->cancellable);
    }
  return G_SOURCE_REMOVE;
}

static void
queue_check (ClipArticleBody *self)
{
  if (self->check_idle == 0 && self->allowed && self->images->len > 0)
    self->check_idle = g_idle_add_full (G_PRIORITY_LOW, check_images, self, NULL);
}

/* Images: off unless the analyst allows them (Preferences) or asks for
 * the article's; then each loads as it comes near the view. */
static void
sync_images (ClipArticleBody *self)
{
  gboolean held;

  self->allowed = self->asked || (self->settings && g_settings_get_boolean (self->settings, "show-images"));
  if (self->allowed && self->fetcher == NULL)
    {
      /* The app's limits for a fetch (time-outs), with an image's cap. */
      ClipFetchLimits limits;

      clip_fetch_limits_init_default (&limits);
      limits.max_body = CLIP_ARTICLE_IMAGE_MAX_BYTES;
      self->fetcher = clip_fetcher_new (&limits);
    }
  held = !self->allowed && self->images->len > 0;
  if (held != self->held)
    {
      self->held = held;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_IMAGES_HELD]);
    }
  queue_check (self);
}

void
clip_article_body_show_images (ClipArticleBody *self)
{
  g_return_if_fail (CLIP_IS_ARTICLE_BODY (self));

  self->asked = TRUE;
  sync_images (self);
}

void
clip_article_body_set_scroller (ClipArticleBody   *self,
                                GtkScrolledWindow *scroller)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

  g_return_if_fail (CLIP_IS_ARTICLE_BODY (self) && self->scroller == NULL);
  self->scroller = scroller;
  g_signal_connect_object (adj, "value-changed", G_CALLBACK (queue_check), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adj, "changed", G_CALLBACK (queue_check), self, G_CONNECT_SWAPPED);
}

guint
clip_article_body_get_n_images (ClipArticleBody *self)
{
  g_return_val_if_fail (CLIP_IS_ARTICLE_BODY (self), 0);
  return self->images->len;
}

GtkLabel *
clip_article_body_get_label (ClipArticleBody *self,
                             guint            block)
{
  g_return_val_if_fail (CLIP_IS_ARTICLE_BODY (self), NULL);
  return block < self->labels->len ? self->labels->pdata[block] : NULL;
}

char *
clip_article_body_dup_text (ClipArticleBody *self)
{
  g_return_val_if_fail (CLIP_IS_ARTICLE_BODY (self), NULL);
  return self->doc ? clip_html_doc_text (self->doc) : g_strdup ("");
}

GtkLabel *
clip_article_body_find_text (ClipArticleBody *self,
                             const char      *needle,
                             guint           *at)
{
  g_return_val_if_fail (CLIP_IS_ARTICLE_BODY (self), NULL);

  for (guint i = 0; i < self->labels->len; i++)
    {
      GtkLabel *label = self->labels->pdata[i];
      const char *text = label ? gtk_label_get_text (label) : NULL;
      const char *found = text ? strstr (text, needle) : NULL;

      if (found != NULL)
        {
          if (at)
            *at = found - text;
          return label;
        }
    }
  return NULL;
}

static void
clip_article_body_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GTK_WIDGET_CLASS (clip_article_body_parent_class)->size_allocate (widget, width, height, baseline);
  /* Where the images are is known now; look once the frame is done. */
  queue_check (CLIP_ARTICLE_BODY (widget));
}

static void
clip_article_body_dispose (GObject *object)
{
  ClipArticleBody *self = CLIP_ARTICLE_BODY (object);

  clear (self);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->settings);
  self->scroller = NULL;
  G_OBJECT_CLASS (clip_article_body_parent_class)->dispose (object);
}

static void
clip_article_body_finalize (GObject *object)
{
  ClipArticleBody *self = CLIP_ARTICLE_BODY (object);

  g_ptr_array_unref (self->labels);
  g_ptr_array_unref (self->images);
  G_OBJECT_CLASS (clip_article_body_parent_class)->finalize (object);
}

static void
clip_article_body_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClipArticleBody *self = CLIP_ARTICLE_BODY (object);

  switch (prop_id)
    {
    case PROP_IMAGES_HELD:
      g_value_set_boolean (value, self->held);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clip_article_body_class_init (ClipArticleBodyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = clip_article_body_get_property;
  /* The article shown has images, and they are off: "Show Images". */
  props[PROP_IMAGES_HELD] = g_param_spec_boolean ("images-held", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
  object_class->dispose = clip_article_body_dispose;
  object_class->finalize = clip_article_body_finalize;
  widget_class->size_allocate = clip_article_body_size_allocate;
}

static void
clip_article_body_init (ClipArticleBody *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "clip-article-body");
  self->labels = g_ptr_array_new ();
  self->images = g_ptr_array_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Article text"), -1);
  g_signal_connect_swapped (self, "map", G_CALLBACK (queue_check), self);
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

    /* Without the schema (a widget test that has none), images stay off. */
    if (schema != NULL && g_settings_schema_has_key (schema, "show-images"))
      {
        self->settings = g_settings_new (APP_ID);
        g_signal_connect_object (self->settings, "changed::show-images", G_CALLBACK (sync_images), self,
                                 G_CONNECT_SWAPPED);
      }
  }
}
