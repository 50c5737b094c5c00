/* clip-cli-probe.c — outlets probe URL: what a site offers to watch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"
#include "clip-probe.h"

#include <glib/gi18n.h>

typedef struct {
  GMainLoop *loop;
  ClipProbe *probe;
  GError    *error;
} ProbeRun;

static void
probed_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  ProbeRun *run = data;

  run->probe = clip_fetcher_probe_finish (CLIP_FETCHER (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

/* {"url": url, key: value}: a feed, a sitemap or a link. */
static void
add_pair (JsonBuilder *b, const char *url, const char *key, const char *value)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, url);
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
  json_builder_end_object (b);
}

static void
add_links (JsonBuilder *b, GPtrArray *links)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < links->len; i++)
    {
      const ClipListingLink *l = g_ptr_array_index (links, i);

      add_pair (b, l->url, "title", l->title);
    }
  json_builder_end_array (b);
}

/* {"url", "feeds": [{"url","title"}], "sitemaps": [{"url","kind"}],
 *  "listings": [{"selector", "score", "links": [{"url","title"}]}]} */
static JsonNode *
probe_to_json (const ClipProbe *probe)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, probe->url);
  json_builder_set_member_name (b, "feeds");
  json_builder_begin_array (b);
  for (guint i = 0; i < probe->feeds->len; i++)
    {
      const ClipFeedCandidate *f = g_ptr_array_index (probe->feeds, i);

      add_pair (b, f->url, "title", f->title);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "sitemaps");
  json_builder_begin_array (b);
  for (guint i = 0; i < probe->sitemaps->len; i++)
    {
      const ClipProbeSitemap *s = g_ptr_array_index (probe->sitemaps, i);

      add_pair (b, s->url, "kind", s->kind);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "listings");
  json_builder_begin_array (b);
  for (guint i = 0; i < probe->listings->len; i++)
    {
      const ClipListingProposal *p = g_ptr_array_index (probe->listings, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "selector");
      json_builder_add_string_value (b, p->selector);
      json_builder_set_member_name (b, "score");
      json_builder_add_double_value (b, p->score);
      json_builder_set_member_name (b, "links");
      add_links (b, p->links);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_probe_text (const ClipProbe *probe)
{
  for (guint i = 0; i < probe->feeds->len; i++)
    {
      const ClipFeedCandidate *f = g_ptr_array_index (probe->feeds, i);
      g_autofree char *url = clip_cli_field (f->url);
      g_autofree char *title = clip_cli_field (f->title ? f->title : "");

      clip_cli_print ("feed\t%s\t%s\n", url, title);
    }
  for (guint i = 0; i < probe->sitemaps->len; i++)
    {
      const ClipProbeSitemap *s = g_ptr_array_index (probe->sitemaps, i);
      g_autofree char *url = clip_cli_field (s->url);

      clip_cli_print ("sitemap\t%s\t%s\n", url, s->kind);
    }
  for (guint i = 0; i < probe->listings->len; i++)
    {
      const ClipListingProposal *p = g_ptr_array_index (probe->listings, i);
      g_autofree char *selector = clip_cli_field (p->selector);

      clip_cli_print ("listing\t%.3f\t%u\t%s\n", p->score, p->links->len, selector);
      for (guint j = 0; j < MIN (p->links->len, 5); j++)
        {
          const ClipListingLink *l = g_ptr_array_index (p->links, j);
          g_autofree char *url = clip_cli_field (l->url);
          g_autofree char *title = clip_cli_field (l->title);

          clip_cli_print ("\t%s\t%s\n", url, title);
        }
    }
}

static ClipProbe *
run_probe (const char *url, GError **error)
{
  g_autoptr(ClipFetcher) fetcher = clip_fetcher_new (NULL);
  ProbeRun run = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  clip_fetcher_probe_async (fetcher, url, NULL, probed_cb, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  if (run.probe == NULL)
    g_propagate_error (error, run.error);
  return run.probe;
}

char *
clip_cli_find_selector (ClipCli *cli, const char *url, GError **error)
{
  g_autoptr(ClipProbe) probe = run_probe (url, error);
  const ClipListingProposal *best;

  (void) cli;
  if (probe == NULL)
    return NULL;
  if (probe->listings->len == 0)
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   _("No list of article links was found on %s: give one with --selector"), url);
      return NULL;
    }
  best = g_ptr_array_index (probe->listings, 0);
  return g_strdup (best->selector);
}

int
clip_cli_outlets_probe (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(ClipProbe) probe = NULL;
  g_autoptr(GError) error = NULL;

  if (!clip_cli_parse_options (cli, "URL",
                               _("Show the feeds, sitemaps and article lists a web page offers."),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, _("expected one URL"));
  if ((probe = run_probe (argv[1], &error)) == NULL)
    return clip_cli_fail (cli, error);
  if (json)
    {
      g_autoptr(JsonNode) root = probe_to_json (probe);

      clip_cli_print_json (root);
    }
  else
    print_probe_text (probe);
  return CLIP_CLI_OK;
}
