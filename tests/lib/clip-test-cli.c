/* clip-test-cli.c — running clippings-cli from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-test-cli.h"
#include "clip-test-util.h"

#include <gio/gio.h>

typedef struct {
  gboolean done;
  char    *out;
  char    *err;
} Communicated;

static void
communicated_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Communicated *c = data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &c->out, &c->err, &error);
  g_assert_no_error (error);
  c->done = TRUE;
}

int
clip_test_cli_runv (const char *dir,
                    char      **out,
                    char      **err,
                    va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  Communicated c = { 0 };

  g_ptr_array_add (argv, (gpointer) clip_test_cli_path ());
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, (gpointer) dir);
  for (const char *a = va_arg (args, const char *); a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (proc, NULL, NULL, communicated_cb, &c);
  while (!c.done)
    g_main_context_iteration (NULL, TRUE);
  if (out)
    *out = c.out;
  else
    g_free (c.out);
  if (err)
    *err = c.err;
  else
    g_free (c.err);
  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

int
clip_test_cli_run (const char *dir,
                   char      **out,
                   char      **err,
                   ...)
{
  va_list ap;
  int status;

  va_start (ap, err);
  status = clip_test_cli_runv (dir, out, err, ap);
  va_end (ap);
  return status;
}

JsonNode *
clip_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}
