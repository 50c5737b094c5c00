/* clip-main.c — clippings, the GTK application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "clip-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ClipApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* CLIPPINGS_LOCALEDIR: the catalogs of a build tree (build/po), to run
   * a language uninstalled, as the tests do. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CLIPPINGS_LOCALEDIR") ? g_getenv ("CLIPPINGS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = clip_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
