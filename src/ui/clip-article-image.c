/* clip-article-image.c — one image of an article in the reading view
 *
 * The bytes come through a ClipFetcher (the app's limits: size cap after
 * decompression, timeouts, no redirect to anything but http(s)) and are
 * decoded in a worker thread; only the finished texture reaches the main
 * thread. Only PNG, JPEG, GIF and WebP are decoded (by their first bytes,
 * not what the server says), and an image larger than MAX_PIXELS is
 * refused from its header before its pixels are read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-article-image.h"
#include "clip-article-page.h"

/* 40 megapixels: a poster, not a decompression bomb. */
#define MAX_PIXELS (40 * 1000 * 1000)
/* Bytes handed to the decoder at a time, so that a refusal stops it. */
#define CHUNK (64 * 1024)

struct _ClipArticleImage
{
  AdwBin                 parent_instance;

  GtkStack              *stack;
  GtkLabel              *note;
  GtkImage              *icon;
  GtkPicture            *picture;
  AdwClamp              *clamp;
  char                  *src;
  char                  *alt;
  ClipArticleImageState  state;
  int                    width;   /* the image's, once loaded */
  int                    height;
};

G_DEFINE_FINAL_TYPE (ClipArticleImage, clip_article_image, ADW_TYPE_BIN)

enum { STATE_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_state (ClipArticleImage      *self,
           ClipArticleImageState  state)
{
  const char *alt = self->alt && *self->alt ? self->alt : NULL;
  g_autofree char *text = NULL;

  self->state = state;
  switch (state)
    {
    case CLIP_ARTICLE_IMAGE_LOADED:
      gtk_stack_set_visible_child_name (self->stack, "picture");
      break;
    case CLIP_ARTICLE_IMAGE_FAILED:
      /* Translators: an image of an article that could not be shown, then its description */
      text = alt ? g_strdup_printf (_("Image not shown: %s"), alt) : g_strdup (_("Image not shown"));
      gtk_image_set_from_icon_name (self->icon, "image-missing-symbolic");
      break;
    case CLIP_ARTICLE_IMAGE_LOADING:
      /* Translators: an image of an article being loaded, then its description */
      text = alt ? g_strdup_printf (_("Loading image: %s"), alt) : g_strdup (_("Loading image…"));
      break;
    case CLIP_ARTICLE_IMAGE_IDLE:
    default:
      text = g_strdup (alt ? alt : _("Image"));
      break;
    }
  if (text != NULL)
    {
      gtk_label_set_text (self->note, text);
      gtk_stack_set_visible_child_name (self->stack, "placeholder");
    }
  g_signal_emit (self, signals[STATE_CHANGED], 0);
}

GtkWidget *
clip_article_image_new (const char *src,
                        const char *alt)
{
  ClipArticleImage *self = g_object_new (CLIP_TYPE_ARTICLE_IMAGE, NULL);

  self->src = g_strdup (src);
  self->alt = g_strdup (alt);
  /* What a screen reader says of it, loaded or not. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  alt && *alt ? alt : _("Image"), -1);
  gtk_picture_set_alternative_text (self->picture, alt && *alt ? alt : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), alt && *alt ? alt : NULL);
  set_state (self, CLIP_ARTICLE_IMAGE_IDLE);
  return GTK_WIDGET (self);
}

ClipArticleImageState
clip_article_image_get_state (ClipArticleImage *self)
{
  g_return_val_if_fail (CLIP_IS_ARTICLE_IMAGE (self), CLIP_ARTICLE_IMAGE_IDLE);
  return self->state;
}

const char *
clip_article_image_get_src (ClipArticleImage *self)
{
  g_return_val_if_fail (CLIP_IS_ARTICLE_IMAGE (self), NULL);
  return self->src;
}

/* Decoding, in a worker */

static const char *
image_type (const guint8 *p, gsize len)
{
  if (len >= 8 && memcmp (p, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "png";
  if (len >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
    return "jpeg";
  if (len >= 6 && (memcmp (p, "GIF87a", 6) == 0 || memcmp (p, "GIF89a", 6) == 0))
    return "gif";
  if (len >= 12 && memcmp (p, "RIFF", 4) == 0 && memcmp (p + 8, "WEBP", 4) == 0)
    return "webp";
  return NULL;
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gboolean        *too_large)
{
  if ((gint64) width * height > MAX_PIXELS)
    {
      *too_large = TRUE;
      /* Asked for no pixels, gdk-pixbuf's loaders stop here ("zero width
       * or height") instead of allocating the canvas the file declares
       * in this same write: a few bytes can declare gigabytes. */
      gdk_pixbuf_loader_set_size (loader, 0, 0);
    }
}

static void
decode_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  const char *type = image_type (data, len);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  GError *error = NULL;
  gboolean too_large = FALSE;
  GdkPixbuf *pixbuf;

  if (type == NULL || !(loader = gdk_pixbuf_loader_new_with_type (type, &error)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not a PNG, JPEG, GIF or WebP image");
      g_clear_error (&error);
      return;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &too_large);
  for (gsize at = 0; at < len && !too_large && error == NULL; at += CHUNK)
    gdk_pixbuf_loader_write (loader, data + at, MIN (CHUNK, len - at), &error);
  if (!gdk_pixbuf_loader_close (loader, error || too_large ? NULL : &error) && error == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "the image could not be decoded");
  if (too_large)
    {
      g_clear_error (&error);
      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "the image is too large");
    }
  if (error != NULL || (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      g_task_return_error (task, error ? error
                                       : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "no image"));
      return;
    }
  /* Textures are immutable; GTK allows making them off the main thread. */
  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

static void
decoded_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ClipArticleImage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (texture == NULL)
    {
      g_debug ("Image %s not shown: %s", self->src, error->message);
      set_state (self, CLIP_ARTICLE_IMAGE_FAILED);
      return;
    }
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  self->width = gdk_texture_get_width (texture);
  self->height = gdk_texture_get_height (texture);
  adw_clamp_set_maximum_size (self->clamp, gdk_texture_get_width (texture));
  adw_clamp_set_tightening_threshold (self->clamp, gdk_texture_get_width (texture));
  set_state (self, CLIP_ARTICLE_IMAGE_LOADED);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ClipArticleImage) self = user_data;
  g_autoptr(ClipFetchResponse) response = clip_fetcher_fetch_finish (CLIP_FETCHER (source), result);
  GCancellable *cancellable = g_object_get_data (G_OBJECT (self), "clip-cancellable");
  g_autoptr(GTask) task = NULL;

  if (g_error_matches (response->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (response->error != NULL || response->body == NULL)
    {
      g_debug ("Image %s not fetched: %s", self->src, response->error ? response->error->message : "no body");
      set_state (self, CLIP_ARTICLE_IMAGE_FAILED);
      return;
    }
  task = g_task_new (NULL, cancellable, decoded_cb, g_object_ref (self));
  g_task_set_task_data (task, g_bytes_ref (response->body), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, decode_thread);
}

static gboolean
fetchable (const char *src)
{
  g_autoptr(GUri) uri = g_uri_parse (src, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  return uri != NULL && g_uri_get_host (uri) != NULL &&
         (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0) &&
         !clip_article_page_host_refused (g_uri_get_host (uri));
}

void
clip_article_image_load (ClipArticleImage *self,
                         ClipFetcher      *fetcher,
                         GCancellable     *cancellable)
{
  g_return_if_fail (CLIP_IS_ARTICLE_IMAGE (self));

  if (self->state != CLIP_ARTICLE_IMAGE_IDLE)
    return;
  if (!fetchable (self->src))
    {
      set_state (self, CLIP_ARTICLE_IMAGE_FAILED);
      return;
    }
  set_state (self, CLIP_ARTICLE_IMAGE_LOADING);
  g_object_set_data_full (G_OBJECT (self), "clip-cancellable",
                          cancellable ? g_object_ref (cancellable) : NULL, g_object_unref);
  clip_fetcher_fetch_async (fetcher, self->src, NULL, NULL, cancellable, fetched_cb, g_object_ref (self));
}

/* Loaded, its height for a width is the image's at that width (at most
 * its own), as its least too: the reading view's scroller lays its
 * content out at its least height, where a picture that may shrink would
 * get none. (A layout of its own: AdwBin measures through its layout
 * manager, not the measure vfunc.) */
static void
layout_measure (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  ClipArticleImage *self = CLIP_ARTICLE_IMAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (self->state == CLIP_ARTICLE_IMAGE_LOADED && orientation == GTK_ORIENTATION_VERTICAL && self->width > 0)
    {
      int width = for_size < 0 ? self->width : MIN (for_size, self->width);
      int height = (int) ((double) width * self->height / self->width + 0.5);

      *minimum = MAX (*minimum, height);
      *natural = MAX (*natural, height);
    }
}

static void
layout_allocate (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  gtk_widget_allocate (GTK_WIDGET (CLIP_ARTICLE_IMAGE (widget)->stack), width, height, baseline, NULL);
}

static GtkSizeRequestMode
layout_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
clip_article_image_finalize (GObject *object)
{
  ClipArticleImage *self = CLIP_ARTICLE_IMAGE (object);

  g_free (self->src);
  g_free (self->alt);
  G_OBJECT_CLASS (clip_article_image_parent_class)->finalize (object);
}

static void
clip_article_image_class_init (ClipArticleImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = clip_article_image_finalize;
  signals[STATE_CHANGED] = g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-article-image.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipArticleImage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleImage, note);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleImage, icon);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleImage, picture);
  gtk_widget_class_bind_template_child (widget_class, ClipArticleImage, clamp);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
clip_article_image_init (ClipArticleImage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (layout_request_mode, layout_measure, layout_allocate));
}
