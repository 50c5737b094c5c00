/* test-ui-reader.c — the reading view draws an article from its
 * sanitised HTML: blocks, links, highlights on the right words, and
 * images only when allowed (counted on a loopback server)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/resource.h>

#include <string.h>

#include "clip-archive.h"
#include "clip-article-body.h"
#include "clip-article-image.h"
#include "clip-article-view.h"
#include "clip-html-sanitize.h"
#include "clip-preferences-window.h"
#include "clip-rules-store.h"
#include "clip-test-server.h"
#include "clip-test-ui.h"

typedef struct {
  char            *dir;
  ClipStore       *store;
  ClipStore       *reader;
  gint64           outlet;
  ClipTestServer  *server;
  GSettings       *settings;
  GtkWidget       *window;
  ClipArticleView *view;
  guint            next;
} Fixture;

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GPtrArray) rules = NULL;
  static GtkCssProvider *css;

  f->dir = clip_test_ui_data_dir ();
  f->store = clip_archive_open (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  o->url = g_strdup ("https://example.org/feed.xml");
  o->name = g_strdup ("Example Times");
  f->outlet = clip_store_add_outlet (f->store, o, &error);
  g_assert_no_error (error);
  f->reader = clip_store_open_data_dir (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->server = clip_test_server_new ("127.0.0.1", NULL);
  f->settings = g_settings_new (APP_ID);
  g_settings_set_boolean (f->settings, "show-images", FALSE);

  if (css == NULL)
    {
      /* The app's style sheet, as the window has it. */
      css = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (css, "/io/github/clippings/Clippings/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 700, 600);
  f->view = CLIP_ARTICLE_VIEW (clip_article_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  rules = clip_store_list_rules (f->store, NULL);
  clip_article_view_set_store (f->view, f->reader, NULL);
  clip_article_view_set_rules (f->view, rules);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  clip_test_ui_wait_idle ();
  g_settings_reset (f->settings, "show-images");
  g_clear_object (&f->settings);
  clip_test_server_free (f->server);
  g_clear_object (&f->reader);
  g_clear_object (&f->store);
  g_free (f->dir);
}

/* Stores a feed item whose text is raw (HTML), sanitised and made plain
 * as ingest does (plain_only: the plain text alone, as from a feed of
 * text); the rules match it on the way in. */
static gint64
ingest_text (Fixture *f, const char *raw, gboolean plain_only)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipArticle *a = clip_article_new ();
  ClipIngestResult result;
  gint64 id;

  a->guid = g_strdup_printf ("reader-%u", f->next);
  a->url = g_strdup_printf ("https://example.org/reader/%u", f->next++);
  a->title = g_strdup ("Talks in Batumi");
  a->content_html = plain_only ? NULL : clip_html_sanitize (raw, -1, a->url);
  a->content_text = clip_html_to_text (raw, -1);
  a->published = 1700000000 + f->next;
  g_ptr_array_add (batch, a);
  clip_ingest_result_init (&result);
  g_assert_true (clip_store_ingest (f->store, f->outlet, batch, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added_ids->len, ==, 1);
  id = g_array_index (result.added_ids, gint64, 0);
  clip_ingest_result_clear (&result);
  return id;
}

static gint64
ingest (Fixture *f, const char *raw)
{
  return ingest_text (f, raw, FALSE);
}

static ClipArticleBody *
body_of (Fixture *f)
{
  return CLIP_ARTICLE_BODY (gtk_widget_get_template_child (GTK_WIDGET (f->view), CLIP_TYPE_ARTICLE_VIEW, "body"));
}

static const char *article_html =
  "<h2>Kremlin and the vote</h2>"
  "<p>Officials <b>met</b> on <a href=\"https://example.org/friday\">Friday</a>.</p>"
  "<ul><li>Budget first</li><li>They fear <em>Russian</em> interference in Batumi</li></ul>"
  "<p>Nothing more.</p>";

/* Headings, paragraphs and list items are blocks of their own, each in
 * its own style; links are links. */
static void
test_blocks (Fixture *f, gconstpointer data)
{
  ClipArticleBody *body;
  GtkLabel *heading, *para, *item;
  GtkWidget *marker;

  clip_article_view_show (f->view, ingest (f, article_html));
  body = body_of (f);
  heading = clip_article_body_get_label (body, 0);
  para = clip_article_body_get_label (body, 1);
  item = clip_article_body_get_label (body, 3);
  g_assert_cmpstr (gtk_label_get_text (heading), ==, "Kremlin and the vote");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (heading), "title-3"));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (heading)), ==, GTK_ACCESSIBLE_ROLE_HEADING);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (para)), ==, GTK_ACCESSIBLE_ROLE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (para), ==, "Officials met on Friday.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (para), "clip-body"));
  g_assert_nonnull (strstr (gtk_label_get_label (para), "<a href=\"https://example.org/friday\""));
  g_assert_nonnull (strstr (gtk_label_get_label (para), "<b>met</b>"));
  g_assert_cmpstr (gtk_label_get_text (clip_article_body_get_label (body, 2)), ==, "Budget first");
  g_assert_cmpstr (gtk_label_get_text (item), ==, "They fear Russian interference in Batumi");
  /* A list item: its marker beside it. */
  marker = gtk_widget_get_prev_sibling (GTK_WIDGET (item));
  g_assert_true (GTK_IS_LABEL (marker));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (marker)), ==, "•");
  g_assert_cmpstr (gtk_label_get_text (clip_article_body_get_label (body, 4)), ==, "Nothing more.");
  g_assert_null (clip_article_body_get_label (body, 5));
  /* Where the text came from, as before. */
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (f->view), GTK_TYPE_LABEL, "Full text from the feed"));
}

static GArray *painted (GtkLabel *label);

/* No HTML: the plain text, a block per paragraph, highlights on it. */
static void
test_plain_text (Fixture *f, gconstpointer data)
{
  ClipArticleBody *body;
  g_autoptr(GArray) marks = NULL;
  GtkLabel *label;

  clip_article_view_show (f->view, ingest_text (f, "<p>First paragraph.</p><p>They fear Russian interference.</p>", TRUE));
  body = body_of (f);
  g_assert_cmpstr (gtk_label_get_text (clip_article_body_get_label (body, 0)), ==, "First paragraph.");
  label = clip_article_body_get_label (body, 1);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "They fear Russian interference.");
  g_assert_null (clip_article_body_get_label (body, 2));
  marks = painted (label);
  g_assert_cmpuint (marks->len, >=, 2);
  g_assert_cmpuint (g_array_index (marks, guint, 0), ==, strlen ("They fear "));
}

/* Background colour attributes of label: pairs of start, end. */
static GArray *
painted (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  g_autoptr(GSList) all = attrs ? pango_attr_list_get_attributes (attrs) : NULL;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  for (GSList *l = all; l; l = l->next)
    {
      PangoAttribute *a = l->data;

      if (a->klass->type == PANGO_ATTR_BACKGROUND)
        {
          g_array_append_val (out, a->start_index);
          g_array_append_val (out, a->end_index);
        }
    }
  g_slist_free_full (g_steal_pointer (&all), (GDestroyNotify) pango_attribute_destroy);
  return out;
}

/* The rule's span, an offset into the plain text, lands on "Russian
 * interference" in the list item, and nowhere else. */
static void
test_highlight (Fixture *f, gconstpointer data)
{
  ClipArticleBody *body;
  GtkLabel *item;
  g_autoptr(GArray) marks = NULL;
  const char *text;
  guint russian, end;
  gboolean starts = FALSE, ends = FALSE;

  clip_article_view_show (f->view, ingest (f, article_html));
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (f->view), GTK_TYPE_LABEL, "Matched: Russian interference"));
  body = body_of (f);
  item = clip_article_body_get_label (body, 3);
  text = gtk_label_get_text (item);
  russian = strstr (text, "Russian") - text;
  end = strstr (text, "interference") - text + strlen ("interference");
  marks = painted (item);
  g_assert_cmpuint (marks->len, >, 0);
  for (guint i = 0; i < marks->len; i += 2)
    {
      g_assert_cmpuint (g_array_index (marks, guint, i), >=, russian);
      g_assert_cmpuint (g_array_index (marks, guint, i + 1), <=, end);
      starts |= g_array_index (marks, guint, i) == russian;
      ends |= g_array_index (marks, guint, i + 1) == end;
    }
  g_assert_true (starts);
  g_assert_true (ends);
  for (guint b = 0; b < 5; b++)
    if (b != 3)
      {
        g_autoptr(GArray) none = painted (clip_article_body_get_label (body, b));

        g_assert_cmpuint (none->len, ==, 0);
      }

  /* The search's hit lands on its word too. */
  clip_article_view_set_search (f->view, "Batumi");
  {
    PangoAttrList *attrs = gtk_label_get_attributes (item);
    g_autoptr(GSList) all = pango_attr_list_get_attributes (attrs);
    guint batumi = strstr (text, "Batumi") - text;
    gboolean hit = FALSE;

    for (GSList *l = all; l; l = l->next)
      hit |= ((PangoAttribute *) l->data)->klass->type == PANGO_ATTR_UNDERLINE &&
             ((PangoAttribute *) l->data)->start_index == batumi &&
             ((PangoAttribute *) l->data)->end_index == batumi + 6;
    g_slist_free_full (g_steal_pointer (&all), (GDestroyNotify) pango_attribute_destroy);
    g_assert_true (hit);
  }
}

/* Images */

/* PNG's chunk checksum (CRC-32, as zlib's). */
static guint32
crc32_of (const guint8 *p, gsize len)
{
  guint32 c = 0xffffffff;

  for (gsize i = 0; i < len; i++)
    {
      c ^= p[i];
      for (guint k = 0; k < 8; k++)
        c = (c >> 1) ^ (0xedb88320 & (0u - (c & 1)));
    }
  return c ^ 0xffffffff;
}

static GBytes *
png_bytes (int width, int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &len, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static gint64
ingest_with_image (Fixture *f, guint paragraphs_before)
{
  g_autoptr(GString) raw = g_string_new ("<p>Before the picture.</p>");
  g_autofree char *url = clip_test_server_url (f->server, "/pic.png");
  g_autofree char *missing = clip_test_server_url (f->server, "/missing.png");

  /* (Once: a route added again counts its hits from 0.) */
  if (f->next == 0)
    {
      g_autoptr(GBytes) png = png_bytes (40, 30);

      clip_test_server_add_body (f->server, "/pic.png", "image/png", g_bytes_get_data (png, NULL),
                                 g_bytes_get_size (png), NULL, NULL);
      clip_test_server_add_status (f->server, "/missing.png", 404, NULL, NULL);
    }
  for (guint i = 0; i < paragraphs_before; i++)
    g_string_append_printf (raw, "<p>Paragraph %u of the long report on the harbour and its budget, "
                                 "long enough to take a line or two.</p>", i);
  g_string_append_printf (raw, "<img src=\"%s\" alt=\"The harbour at dawn\"><p>After it.</p>"
                               "<img src=\"%s\" alt=\"A lost chart\">", url, missing);
  return ingest (f, raw->str);
}

static ClipArticleImage *
image_at (Fixture *f, guint i)
{
  GtkWidget *w = GTK_WIDGET (body_of (f));
  guint n = 0;

  /* Blocks are the body's children, each image one. */
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    if (CLIP_IS_ARTICLE_IMAGE (c) && n++ == i)
      return CLIP_ARTICLE_IMAGE (c);
  g_assert_not_reached ();
}

static gboolean
low_idle_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Drawn, and the body's own look for images near the view (a low
 * priority idle after each layout) has run. */
static void
wait_rendered (Fixture *f)
{
  gboolean done = FALSE;

  clip_test_ui_wait_frame (f->window);
  g_idle_add_full (G_PRIORITY_LOW, low_idle_cb, &done, NULL);
  g_assert_true (clip_test_ui_wait (is_true, &done));
}

typedef struct {
  Fixture *f;
  guint    image;
  ClipArticleImageState state;
} ImageWait;

static gboolean
image_in_state (gpointer data)
{
  ImageWait *w = data;

  return clip_article_image_get_state (image_at (w->f, w->image)) == w->state;
}

static void
wait_image (Fixture *f, guint image, ClipArticleImageState state)
{
  ImageWait w = { f, image, state };

  g_assert_true (clip_test_ui_wait (image_in_state, &w));
}

static void
assert_loaded (Fixture *f)
{
  GtkPicture *picture = GTK_PICTURE (clip_test_ui_find (GTK_WIDGET (image_at (f, 0)), GTK_TYPE_PICTURE, NULL));
  GdkPaintable *paintable = gtk_picture_get_paintable (picture);

  g_assert_nonnull (paintable);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 40);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 30);
  g_assert_cmpstr (gtk_picture_get_alternative_text (picture), ==, "The harbour at dawn");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picture)) && gtk_widget_get_child_visible (GTK_WIDGET (picture)));
}

/* Off (the default): nothing is asked of the image's server until the
 * analyst asks for this article's images. */
static void
test_images_off (Fixture *f, gconstpointer data)
{
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->view), CLIP_TYPE_ARTICLE_VIEW,
                                                                 "images_button"));
  g_autoptr(GSettings) defaults = g_settings_new (APP_ID);

  g_settings_reset (defaults, "show-images");
  g_assert_false (g_settings_get_boolean (defaults, "show-images"));
  clip_article_view_show (f->view, ingest_with_image (f, 0));
  wait_rendered (f);
  g_assert_cmpuint (clip_article_body_get_n_images (body_of (f)), ==, 2);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpint (clip_article_image_get_state (image_at (f, 0)), ==, CLIP_ARTICLE_IMAGE_IDLE);
  /* Its description stands in for it. */
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (image_at (f, 0)), GTK_TYPE_LABEL, "The harbour at dawn"));
  g_assert_cmpuint (clip_test_server_hits (f->server, "/pic.png"), ==, 0);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/missing.png"), ==, 0);
  g_free (clip_test_ui_screenshot (f->window, "reader-images-off"));

  /* Asked: loaded and shown (the same server did answer). */
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_visible (button));
  wait_image (f, 0, CLIP_ARTICLE_IMAGE_LOADED);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/pic.png"), ==, 1);
  assert_loaded (f);

  /* The next article's images are off again. */
  clip_article_view_show (f->view, ingest_with_image (f, 0));
  wait_rendered (f);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpuint (clip_test_server_hits (f->server, "/pic.png"), ==, 1);

  /* Turned on in Preferences: the article shown loads its images. */
  {
    ClipPreferencesWindow *prefs = clip_preferences_window_new (f->settings);
    GtkSwitch *on = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (prefs), CLIP_TYPE_PREFERENCES_WINDOW,
                                                               "images_switch"));

    g_assert_false (gtk_switch_get_active (on));
    gtk_switch_set_active (on, TRUE);
    g_assert_true (g_settings_get_boolean (f->settings, "show-images"));
    gtk_window_destroy (GTK_WINDOW (prefs));
  }
  wait_image (f, 0, CLIP_ARTICLE_IMAGE_LOADED);
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_cmpuint (clip_test_server_hits (f->server, "/pic.png"), ==, 2);
}

/* On: the image is fetched and shown; one that fails keeps its
 * description, saying so. */
static void
test_images_on (Fixture *f, gconstpointer data)
{
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->view), CLIP_TYPE_ARTICLE_VIEW,
                                                                 "images_button"));

  g_settings_set_boolean (f->settings, "show-images", TRUE);
  clip_article_view_show (f->view, ingest_with_image (f, 0));
  g_assert_false (gtk_widget_get_visible (button));
  wait_image (f, 0, CLIP_ARTICLE_IMAGE_LOADED);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/pic.png"), ==, 1);
  assert_loaded (f);
  wait_image (f, 1, CLIP_ARTICLE_IMAGE_FAILED);
  g_assert_nonnull (clip_test_ui_find (GTK_WIDGET (image_at (f, 1)), GTK_TYPE_LABEL,
                                       "Image not shown: A lost chart"));
  g_free (clip_test_ui_screenshot (f->window, "reader-images"));
}

/* A PNG of a few bytes declaring a 60,000 × 60,000 canvas (14 GB of
 * pixels): not shown, and never allocated (gdk-pixbuf's loader fills
 * the canvas it is asked for in the same write that reads its size). */
static void
test_image_bomb (Fixture *f, gconstpointer data)
{
  static const guint8 header[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0xea, 0x60, 0, 0, 0xea, 0x60, 8, 6, 0, 0, 0,
  };
  /* An IDAT chunk (100 zero bytes, compressed): the loader reads the
   * size when the pixels begin. */
  static const guint8 idat[] = {
    0, 0, 0, 12, 'I', 'D', 'A', 'T', 0x78, 0x9c, 0x63, 0x60, 0xa0, 0x3d, 0x00, 0x00, 0x00, 0x64, 0x00, 0x01,
  };
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autofree char *url = clip_test_server_url (f->server, "/bomb.png");
  g_autofree char *raw = g_strdup_printf ("<p>Before.</p><img src=\"%s\" alt=\"A bomb\"><p>After.</p>", url);
  guint32 crc = GUINT32_TO_BE (crc32_of (header + 12, 17));
  guint32 idat_crc = GUINT32_TO_BE (crc32_of (idat + 4, sizeof idat - 4));
  struct rusage usage;

  g_byte_array_append (png, header, sizeof header);
  g_byte_array_append (png, (const guint8 *) &crc, 4);
  g_byte_array_append (png, idat, sizeof idat);
  g_byte_array_append (png, (const guint8 *) &idat_crc, 4);
  clip_test_server_add_body (f->server, "/bomb.png", "image/png", (const char *) png->data, png->len, NULL, NULL);
  g_settings_set_boolean (f->settings, "show-images", TRUE);
  clip_article_view_show (f->view, ingest (f, raw));
  wait_image (f, 0, CLIP_ARTICLE_IMAGE_FAILED);
  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  g_test_message ("peak resident memory: %ld KiB", usage.ru_maxrss);
  g_assert_cmpint (usage.ru_maxrss, <, 2 * 1024 * 1024);
}

/* On, but far below the view: asked for only when scrolled near. */
static void
test_images_lazy (Fixture *f, gconstpointer data)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                                                    CLIP_TYPE_ARTICLE_VIEW,
                                                                                    "scroller"));
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

  gint64 id, start;

  g_settings_set_boolean (f->settings, "show-images", TRUE);
  id = ingest_with_image (f, 80);
  start = g_get_monotonic_time ();
  clip_article_view_show (f->view, id);
  {
    guint blocks = 0;

    for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (body_of (f))); c; c = gtk_widget_get_next_sibling (c))
      blocks++;
    g_test_message ("an article of %u blocks shown in %.1f ms", blocks, (g_get_monotonic_time () - start) / 1000.0);
  }
  wait_rendered (f);
  wait_rendered (f);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, 4 * gtk_adjustment_get_page_size (adj));
  g_assert_cmpint (clip_article_image_get_state (image_at (f, 0)), ==, CLIP_ARTICLE_IMAGE_IDLE);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/pic.png"), ==, 0);

  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  wait_image (f, 0, CLIP_ARTICLE_IMAGE_LOADED);
  g_assert_cmpuint (clip_test_server_hits (f->server, "/pic.png"), ==, 1);
}

static const char *long_article =
  "<p><strong>TBILISI</strong> — Foreign ministers of the alliance met in Bucharest on Tuesday and "
  "said Georgia remained a <em>highly valued partner</em>, in a statement read out after two days of talks "
  "(<a href=\"https://example.org/statement\">full statement</a>).</p>"
  "<h2>What the ministers agreed</h2>"
  "<p>The statement listed three points the delegations had argued over until late on Monday:</p>"
  "<ul><li>support for reforms in the judiciary and the electoral code;</li>"
  "<li>a joint training centre near Krtsanisi, open to partners from the region;</li>"
  "<li>closer work against Russian interference in the media, with a shared monitoring desk.</li></ul>"
  "<blockquote><p>We know that these partners are a subject of pressure, and we will not leave them alone.</p></blockquote>"
  "<h3>Reactions in Tbilisi</h3>"
  "<p>The government welcomed the statement; the opposition said it changed little. Analysts noted that "
  "the wording on membership repeated the 2008 Bucharest declaration word for word.</p>"
  "<pre>Vote: 28 for, 0 against, 2 abstentions</pre><hr>"
  "<p>Reporting by the Example Times desk.</p>";

static void
assert_image_fits (Fixture *f, int width, int height)
{
  GtkWidget *image = GTK_WIDGET (image_at (f, 0));
  int w = gtk_widget_get_width (image), body = gtk_widget_get_width (GTK_WIDGET (body_of (f)));

  g_assert_cmpint (w, ==, MIN (body, width));
  g_assert_cmpint (ABS (gtk_widget_get_height (image) - w * height / width), <=, 1);
}

/* Looks like a reader: a readable line length wide, no sideways
 * scrolling narrow; light, dark and 400 px screenshots to look at. */
static void
test_typography (Fixture *f, gconstpointer data)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                                                    CLIP_TYPE_ARTICLE_VIEW,
                                                                                    "scroller"));
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (scroller);
  g_autoptr(GBytes) png = png_bytes (640, 360);
  g_autofree char *url = clip_test_server_url (f->server, "/wide.png");
  g_autofree char *raw = NULL;

  clip_test_server_add_body (f->server, "/wide.png", "image/png", g_bytes_get_data (png, NULL),
                             g_bytes_get_size (png), NULL, NULL);
  raw = g_strdup_printf ("%s<figure><img src=\"%s\" alt=\"Ministers at the table\">"
                         "<figcaption>The ministers at the table in Bucharest on Tuesday.</figcaption></figure>",
                         long_article, url);
  g_settings_set_boolean (f->settings, "show-images", TRUE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 1000);
  clip_article_view_show (f->view, ingest (f, raw));
  wait_image (f, 0, CLIP_ARTICLE_IMAGE_LOADED);
  wait_rendered (f);
  /* The image: as wide as the text (never wider than its own 640 px),
   * its height following. */
  assert_image_fits (f, 640, 360);
  /* The text's measure (about 80 characters): the clamp's 660 px less
   * the margins. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (body_of (f))), <=, 660 - 2 * 18);
  g_free (clip_test_ui_screenshot (f->window, "reader-light"));
  {
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (scroller);

    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
    g_free (clip_test_ui_screenshot (f->window, "reader-light-end"));
    gtk_adjustment_set_value (v, 0);
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (clip_test_ui_screenshot (f->window, "reader-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 800);
  wait_rendered (f);
  g_assert_cmpint (gtk_widget_get_width (f->window), ==, 400);
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (body_of (f))), <=, 400 - 2 * 18);
  assert_image_fits (f, 640, 360);
  g_free (clip_test_ui_screenshot (f->window, "reader-narrow"));
}

int
main (int argc, char **argv)
{
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  g_test_add ("/ui/reader/blocks", Fixture, NULL, set_up, test_blocks, tear_down);
  g_test_add ("/ui/reader/highlight", Fixture, NULL, set_up, test_highlight, tear_down);
  g_test_add ("/ui/reader/plain-text", Fixture, NULL, set_up, test_plain_text, tear_down);
  g_test_add ("/ui/reader/images-off", Fixture, NULL, set_up, test_images_off, tear_down);
  g_test_add ("/ui/reader/images-on", Fixture, NULL, set_up, test_images_on, tear_down);
  g_test_add ("/ui/reader/image-bomb", Fixture, NULL, set_up, test_image_bomb, tear_down);
  g_test_add ("/ui/reader/images-lazy", Fixture, NULL, set_up, test_images_lazy, tear_down);
  g_test_add ("/ui/reader/typography", Fixture, NULL, set_up, test_typography, tear_down);
  return g_test_run ();
}
