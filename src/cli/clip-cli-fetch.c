/* clip-cli-fetch.c — fetch (refresh once) and watch (run the scheduler)
 *
 * Both drive the same ClipService the GUI uses, on this thread's main
 * loop, so what a script sees is what the application does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"
#include "clip-service.h"

#include <inttypes.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>

typedef struct {
  GMainLoop *loop;
  GPtrArray *results;    /* ClipFetchOutcome* */
  gboolean   json;
  int        signal;     /* watch: what stopped it */
} Run;

static JsonNode *
outcome_to_json (const ClipFetchOutcome *o)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, o->outlet_id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, o->name);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, o->url);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, clip_fetch_status_to_string (o->status));
  json_builder_set_member_name (b, "new");
  json_builder_add_int_value (b, o->added);
  json_builder_set_member_name (b, "updated");
  json_builder_add_int_value (b, o->updated);
  json_builder_set_member_name (b, "unchanged");
  json_builder_add_int_value (b, o->unchanged);
  json_builder_set_member_name (b, "error");
  json_builder_add_string_value (b, o->error);
  json_builder_set_member_name (b, "moved_to");
  json_builder_add_string_value (b, o->moved_to);
  json_builder_set_member_name (b, "failures");
  json_builder_add_int_value (b, o->failures);
  json_builder_set_member_name (b, "next_attempt");
  json_builder_add_value (b, clip_cli_time_node (o->next_attempt));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_outcome_text (const ClipFetchOutcome *o)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *name = clip_cli_field (o->name);

  g_string_append_printf (line, "%" G_GINT64_FORMAT "\t%s\t%s\t", o->outlet_id, name,
                          clip_fetch_status_to_string (o->status));
  g_string_append_printf (line, _("new %u, updated %u, unchanged %u"),
                          o->added, o->updated, o->unchanged);
  if (o->error)
    {
      g_autofree char *error = clip_cli_field (o->error);

      g_string_append_printf (line, "\t%s", error);
    }
  if (o->moved_to)
    {
      g_autofree char *moved_to = clip_cli_field (o->moved_to);

      g_string_append_printf (line, "\t%s %s", _("moved to"), moved_to);
    }
  clip_cli_print ("%s\n", line->str);
}

static gint
compare_outcomes (gconstpointer a, gconstpointer b)
{
  const ClipFetchOutcome *x = *(ClipFetchOutcome * const *) a;
  const ClipFetchOutcome *y = *(ClipFetchOutcome * const *) b;

  return x->outlet_id < y->outlet_id ? -1 : x->outlet_id > y->outlet_id;
}

static void
finished_cb (ClipService *service, GPtrArray *results, Run *run)
{
  run->results = g_ptr_array_ref (results);
  g_main_loop_quit (run->loop);
}

/* Checks the outlet before the service starts, so that a wrong id is a
 * usage error rather than an empty run. */
static int
check_outlet (ClipCli *cli, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_cli_open_store (cli, &error);
  g_autoptr(ClipOutlet) o = NULL;

  if (store == NULL || !(o = clip_store_get_outlet (store, id, &error)))
    return clip_cli_fail (cli, error);
  if (!o->enabled)
    return clip_cli_usage (cli, _("outlet %" PRId64 " is disabled"), id);
  return CLIP_CLI_OK;
}

int
clip_cli_fetch (ClipCli *cli, int argc, char **argv)
{
  g_autofree char *outlet = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &outlet, N_("Refresh only this outlet"), "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(ClipService) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Run run = { 0 };
  gint64 id = 0;
  int status = CLIP_CLI_OK;

  if (!clip_cli_parse_options (cli, NULL,
                               _("Refresh the outlets once and print what each fetch did. "
                                 "Exits 1 when any outlet failed."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 1)
    return clip_cli_usage (cli, _("unexpected argument “%s”"), argv[1]);
  if (outlet && !clip_cli_parse_id (outlet, &id))
    return clip_cli_usage (cli, _("“%s” is not an outlet id"), outlet);
  if (id && (status = check_outlet (cli, id)) != CLIP_CLI_OK)
    return status;

  service = clip_service_new (cli->data_dir);
  clip_service_set_scheduled (service, FALSE);
  if (!clip_service_start (service, &error))
    return clip_cli_fail (cli, error);
  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  g_signal_connect (service, "refresh-finished", G_CALLBACK (finished_cb), &run);
  if (id)
    clip_service_refresh_outlet (service, id);
  else
    clip_service_refresh_all (service);
  g_main_loop_run (loop);
  clip_service_stop (service);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_ptr_array_sort (run.results, compare_outcomes);
  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *arr = json_array_new ();

      for (guint i = 0; i < run.results->len; i++)
        json_array_add_element (arr, outcome_to_json (g_ptr_array_index (run.results, i)));
      json_node_take_array (root, arr);
      clip_cli_print_json (root);
    }
  for (guint i = 0; i < run.results->len; i++)
    {
      const ClipFetchOutcome *o = g_ptr_array_index (run.results, i);

      if (!json)
        print_outcome_text (o);
      if (o->status == CLIP_FETCH_STATUS_ERROR)
        status = CLIP_CLI_FAILURE;
    }
  g_ptr_array_unref (run.results);
  return status;
}

static void
watch_outcome_cb (ClipService *service, const ClipFetchOutcome *o, Run *run)
{
  if (run->json)
    {
      g_autoptr(JsonNode) node = outcome_to_json (o);
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autofree char *text = NULL;

      /* One object a line, for scripts that follow the output. */
      json_generator_set_root (gen, node);
      text = json_generator_to_data (gen, NULL);
      puts (text);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");

      clip_cli_print ("%s\t", stamp);
      print_outcome_text (o);
    }
  fflush (stdout);
}

static void
watch_online_cb (ClipService *service, GParamSpec *pspec, Run *run)
{
  if (clip_service_get_online (service))
    clip_cli_fprint (stderr, "%s\n", _("Online: fetching resumes."));
  else
    clip_cli_fprint (stderr, "%s\n", _("Offline: fetching pauses until the network is back."));
}

static gboolean
watch_signal_cb (gpointer data)
{
  Run *run = data;

  g_main_loop_quit (run->loop);
  return G_SOURCE_CONTINUE;
}

int
clip_cli_watch (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object a line"), NULL },
    { NULL }
  };
  g_autoptr(ClipService) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Run run = { 0 };
  guint sigint, sigterm;

  if (!clip_cli_parse_options (cli, NULL,
                               _("Keep the archive up to date: fetch each outlet when it is due, "
                                 "until interrupted (SIGINT or SIGTERM)."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 1)
    return clip_cli_usage (cli, _("unexpected argument “%s”"), argv[1]);

  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  run.json = json;
  sigint = g_unix_signal_add (SIGINT, watch_signal_cb, &run);
  sigterm = g_unix_signal_add (SIGTERM, watch_signal_cb, &run);
  service = clip_service_new (cli->data_dir);
  if (!clip_service_start (service, &error))
    {
      g_source_remove (sigint);
      g_source_remove (sigterm);
      return clip_cli_fail (cli, error);
    }
  g_signal_connect (service, "outlet-updated", G_CALLBACK (watch_outcome_cb), &run);
  g_signal_connect (service, "notify::online", G_CALLBACK (watch_online_cb), &run);
  if (!clip_service_get_online (service))
    watch_online_cb (service, NULL, &run);
  g_main_loop_run (loop);
  /* The transaction in progress commits; fetches in flight are dropped
   * and their outlets keep their state for next time. */
  clip_service_stop (service);
  /* Report the outlets that finished while stopping. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_source_remove (sigint);
  g_source_remove (sigterm);
  return CLIP_CLI_OK;
}
