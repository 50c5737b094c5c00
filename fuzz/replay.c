/* replay.c — a fuzz target without libFuzzer: runs its harness over every
 * file named, or in the folders named. The normal suite runs each target
 * this way over its seeds and tests/data/fuzz/<target>, so an input that
 * once crashed stays a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint
replay (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  GDir *dir;
  guint n = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      const char *name;

      dir = g_dir_open (path, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (name[0] != '.')
            n += replay (child);
        }
      g_dir_close (dir);
      return n;
    }
  /* Fixtures are small files of our own: read whole. */
  if (!g_file_get_contents (path, &data, &len, &error))
    g_error ("%s: %s", path, error->message);
  fprintf (stderr, "%s (%" G_GSIZE_FORMAT " bytes)\n", path, len);
  /* A copy of exactly len bytes, so that ASan sees any read past the end. */
  {
    g_autofree guint8 *copy = g_malloc (MAX (len, 1));

    memcpy (copy, data, len);

    LLVMFuzzerTestOneInput (copy, len);
  }
  return 1;
}

int
main (int argc, char **argv)
{
  guint n = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE|FOLDER…\n", argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    {
      if (!g_file_test (argv[i], G_FILE_TEST_EXISTS))
        g_error ("%s does not exist", argv[i]);
      n += replay (argv[i]);
    }
  printf ("%u inputs replayed\n", n);
  return n > 0 ? 0 : 1;
}
