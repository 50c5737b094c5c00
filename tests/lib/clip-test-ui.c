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

gboolean
clip_test_ui_wait (gboolean (*cond) (gpointer data),
                   gpointer data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

void
clip_test_ui_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
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
