/* clip-test-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-test-ui.h"
#include "clip-test-util.h"

gboolean
clip_test_ui_init (int    *argc,
                   char ***argv)
{
  g_test_init (argc, argv, NULL);
  /* Without a display gtk_test_init() aborts; see TESTING.md. */
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  return TRUE;
}

int
clip_test_ui_skip (void)
{
  g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
  return 77;
}

/* Generous: under the sanitizers, with another test beside it, a window
 * takes seconds to draw; a wait only takes this long when it fails. */
#define WAIT_SECONDS 60

gboolean
clip_test_ui_wait (gboolean (*cond) (gpointer data),
                   gpointer data)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

static gboolean
is_set (gpointer flag)
{
  return *(gboolean *) flag;
}

static void
wait_for_flag (gboolean   *flag,
               const char *what)
{
  if (!clip_test_ui_wait (is_set, flag))
    {
      g_autofree char *msg = g_strdup_printf ("waited %d s in vain for %s", WAIT_SECONDS, what);

      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, msg);
    }
}

static gboolean
set_flag (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

void
clip_test_ui_wait_idle (void)
{
  gboolean ran = FALSE;

  g_idle_add (set_flag, &ran);
  wait_for_flag (&ran, "an idle");
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

void
clip_test_ui_wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);   /* not realised: it has no frames */
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  wait_for_flag (&painted, "a frame");
  g_signal_handler_disconnect (clock, handler);
}

/* A stack or leaflet of widget's that is still moving between children. */
static gboolean
transition_running (GtkWidget *widget)
{
  gboolean running = FALSE;

  if (GTK_IS_STACK (widget))
    running = gtk_stack_get_transition_running (GTK_STACK (widget));
  else if (ADW_IS_LEAFLET (widget))
    running = adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c && !running; c = gtk_widget_get_next_sibling (c))
    running = transition_running (c);
  return running;
}

static gboolean
transitions_done (gpointer widget)
{
  return !transition_running (widget);
}

char *
clip_test_ui_screenshot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("CLIPPINGS_SCREENSHOT_DIR");
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  GtkSnapshot *snapshot;

  if (dir == NULL || *dir == '\0')
    return NULL;
  /* What was queued before is on screen, and pages have stopped moving. */
  g_assert_true (clip_test_ui_wait (transitions_done, window));
  clip_test_ui_wait_frame (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (g_mkdir_with_parents (dir, 0755) == 0);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("screenshot: %s", file);
  return g_steal_pointer (&file);
}

char *
clip_test_ui_data_dir (void)
{
  char *dir = clip_test_tmpdir ();

  g_setenv ("CLIPPINGS_DATA_DIR", dir, TRUE);
  return dir;
}

static const char *
widget_text (GtkWidget *w)
{
  if (GTK_IS_BUTTON (w))
    return gtk_button_get_label (GTK_BUTTON (w));
  if (GTK_IS_LABEL (w))
    return gtk_label_get_text (GTK_LABEL (w));
  if (GTK_IS_INSCRIPTION (w))
    return gtk_inscription_get_text (GTK_INSCRIPTION (w));
  if (ADW_IS_PREFERENCES_ROW (w))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));
  if (ADW_IS_STATUS_PAGE (w))
    return adw_status_page_get_title (ADW_STATUS_PAGE (w));
  return NULL;
}

GtkWidget *
clip_test_ui_find (GtkWidget  *widget,
                   GType       type,
                   const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (text == NULL || g_strcmp0 (widget_text (widget), text) == 0))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = clip_test_ui_find (c, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}
