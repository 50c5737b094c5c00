/* clip-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static GPtrArray *tmpdirs;

void
clip_test_rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            clip_test_rm_rf (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
remove_tmpdirs (void)
{
  if (g_getenv ("CLIPPINGS_KEEP_TMP") != NULL)
    return;
  for (guint i = 0; tmpdirs && i < tmpdirs->len; i++)
    clip_test_rm_rf (g_ptr_array_index (tmpdirs, i));
}

char *
clip_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("clippings-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_tmpdirs);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

char *
clip_test_data_path (const char *name)
{
  const char *dir = g_getenv ("CLIPPINGS_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

char *
clip_test_shared_path (const char *relative)
{
  const char *dir = g_getenv ("CLIPPINGS_SHARED");
  g_autofree char *path = NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared is not beside the checkout: "
                   "this test needs the shared corpora");
      return NULL;
    }
  path = g_build_filename (dir, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *msg = g_strdup_printf ("%s is missing from ../shared", relative);
      g_test_skip (msg);
      return NULL;
    }
  return g_steal_pointer (&path);
}

const char *
clip_test_cli_path (void)
{
  const char *cli = g_getenv ("CLIPPINGS_CLI");

  g_assert_nonnull (cli);
  return cli;
}

typedef struct {
  guint64 max_bytes;
  guint   seconds;
} Limits;

/* In the child, between fork and exec: only async-signal-safe calls. */
static void
set_limits (gpointer data)
{
  const Limits *limits = data;

#ifndef __SANITIZE_ADDRESS__
  if (limits->max_bytes > 0)
    {
      struct rlimit rl = { limits->max_bytes, limits->max_bytes };

      setrlimit (RLIMIT_AS, &rl);
    }
#endif
  if (limits->seconds > 0)
    alarm (limits->seconds);   /* a pending alarm survives exec */
}

static int
run_cli (const char * const *argv, const Limits *limits, char **out, char **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (args, (gpointer) clip_test_cli_path ());
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT,
                limits ? set_limits : NULL, (gpointer) limits,
                out, err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

int
clip_test_run_cli (const char * const *argv,
                   char              **out,
                   char              **err)
{
  return run_cli (argv, NULL, out, err);
}

int
clip_test_run_cli_limited (const char * const *argv,
                           guint64             max_bytes,
                           guint               seconds,
                           char              **out,
                           char              **err)
{
  Limits limits = { max_bytes, seconds };

  return run_cli (argv, &limits, out, err);
}

char *
clip_test_deep_json_feed (guint depth)
{
  GString *s = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1.1\", "
                             "\"title\": \"Deep\", \"items\": [{\"id\": \"1\", "
                             "\"title\": \"Deep item\", \"deep\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append (s, "}]}");
  return g_string_free (s, FALSE);
}
