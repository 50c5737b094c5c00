/* clip-paths.c
 *
 * The archive is in $XDG_DATA_HOME/clippings; CLIPPINGS_DATA_DIR (and the
 * CLI's --data-dir) move it, so tests never touch a real profile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-paths.h"

char *
clip_paths_data_dir (const char *override)
{
  const char *env = g_getenv ("CLIPPINGS_DATA_DIR");

  if (override != NULL && *override != '\0')
    return g_strdup (override);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "clippings", NULL);
}

char *
clip_paths_archive_path (const char *data_dir)
{
  return g_build_filename (data_dir, "archive.db", NULL);
}

/* A shipped data file (default rules, starter outlets): the installed copy,
 * or the source tree's when running uninstalled (CLIPPINGS_SOURCE_DATA or
 * the build's own source path). */
char *
clip_paths_find_data (const char *name)
{
  const char *dirs[] = { g_getenv ("CLIPPINGS_SOURCE_DATA"), PKGDATADIR,
                         CLIP_SOURCE_DATADIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      char *path;

      if (dirs[i] == NULL || *dirs[i] == '\0')
        continue;
      path = g_build_filename (dirs[i], name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return path;
      g_free (path);
    }
  return NULL;
}
