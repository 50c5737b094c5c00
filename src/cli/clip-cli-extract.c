/* clip-cli-extract.c — clippings-cli extract: the article in a page
 *
 * A file is read as it is (--url gives it its address); a URL is fetched
 * through the fetch module, with its limits, and a page that only sends
 * its readers on (<meta http-equiv=refresh>) is followed a few times, never
 * in a loop. The extraction itself is clip_page_extract(): no network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-cli.h"
#include "clip-fetch.h"
#include "clip-page.h"
#include "clip-text.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#define MAX_REFRESH 3

typedef struct {
  GMainLoop         *loop;
  ClipFetchResponse *response;
} FetchRun;

static void
fetched_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  FetchRun *run = data;

  run->response = clip_fetcher_fetch_finish (CLIP_FETCHER (source), result);
  g_main_loop_quit (run->loop);
}

static ClipFetchResponse *
fetch (ClipFetcher *fetcher, const char *url)
{
  FetchRun run = { g_main_loop_new (NULL, FALSE), NULL };

  clip_fetcher_fetch_async (fetcher, url, NULL, NULL, NULL, fetched_cb, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  return run.response;
}

static GBytes *
read_file (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, error);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GBytes) head = NULL;

  if (info == NULL || (in = g_file_read (file, NULL, error)) == NULL)
    return NULL;
  /* the extractor reads this much and reports the rest; no need to load
   * a 100 MB file to say so */
  head = g_input_stream_read_bytes (G_INPUT_STREAM (in), CLIP_PAGE_MAX_BYTES + 1, NULL, error);
  return g_steal_pointer (&head);
}

static void
add_member (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_dates (JsonBuilder *b, const ClipPage *page)
{
  json_builder_set_member_name (b, "date_candidates");
  json_builder_begin_array (b);
  for (guint i = 0; i < page->date_candidates->len; i++)
    {
      const ClipPageDate *d = g_ptr_array_index (page->date_candidates, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "date");
      json_builder_add_value (b, clip_cli_time_node (d->date));
      add_member (b, "source", clip_page_source_name (d->source));
      add_member (b, "field", d->field);
      add_member (b, "role", clip_page_role_name (d->role));
      add_member (b, "clock", clip_page_clock_name (d->clock));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static JsonNode *
page_to_json (const ClipPage *page)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_member (b, "url", page->url);
  add_member (b, "canonical_url", page->canonical_url);
  add_member (b, "title", page->title);
  json_builder_set_member_name (b, "authors");
  json_builder_begin_array (b);
  for (guint i = 0; i < page->authors->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (page->authors, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "published");
  json_builder_add_value (b, clip_cli_time_node (page->published));
  add_member (b, "published_source", page->published != CLIP_NO_DATE
                                     ? clip_page_source_name (page->published_source) : NULL);
  json_builder_set_member_name (b, "modified");
  json_builder_add_value (b, clip_cli_time_node (page->modified));
  add_member (b, "language", page->language);
  add_member (b, "site_name", page->site_name);
  add_member (b, "image", page->image);
  add_member (b, "text", page->text);
  add_member (b, "html", page->html);
  add_dates (b, page);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < page->problems->len; i++)
    {
      const ClipPageProblem *p = g_ptr_array_index (page->problems, i);

      json_builder_begin_object (b);
      add_member (b, "kind", p->kind);
      add_member (b, "message", p->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_text (const ClipPage *page)
{
  g_autofree char *published = clip_cli_format_time (page->published);
  g_autofree char *modified = clip_cli_format_time (page->modified);

  printf ("%s: %s\n", _("Title"), page->title ? page->title : _("(no title)"));
  if (page->canonical_url || page->url)
    printf ("%s: %s\n", _("Address"), page->canonical_url ? page->canonical_url : page->url);
  if (page->authors->len)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < page->authors->len; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (page->authors, i));
      printf ("%s: %s\n", _("Authors"), names->str);
    }
  if (published)
    printf ("%s: %s (%s)\n", _("Published"), published, clip_page_source_name (page->published_source));
  else
    printf ("%s: %s\n", _("Published"), _("unknown"));
  if (modified)
    printf ("%s: %s\n", _("Modified"), modified);
  if (page->site_name)
    printf ("%s: %s\n", _("Site"), page->site_name);
  if (page->language)
    printf ("%s: %s\n", _("Language"), page->language);
  printf ("%s: %u\n\n%s\n", _("Words"), clip_text_count_words (page->text, -1), page->text);
  for (guint i = 0; i < page->problems->len; i++)
    {
      const ClipPageProblem *p = g_ptr_array_index (page->problems, i);

      fprintf (stderr, _("problem (%s): %s\n"), p->kind, p->message);
    }
}

static void
add_problem (ClipPage *page, const char *kind, char *message)
{
  ClipPageProblem *p = g_new0 (ClipPageProblem, 1);

  p->kind = g_strdup (kind);
  p->message = message;
  g_ptr_array_add (page->problems, p);
}

/* Fetches url and extracts its page, following meta refreshes up to
 * MAX_REFRESH times and never to a page already seen. */
static ClipPage *
extract_url (const char *url, const char *address, GError **error)
{
  ClipFetchLimits limits;
  g_autoptr(ClipFetcher) fetcher = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *target = g_strdup (url);
  ClipPage *page = NULL;

  clip_fetch_limits_init_default (&limits);
  limits.max_body = CLIP_PAGE_MAX_BYTES;
  fetcher = clip_fetcher_new (&limits);
  for (guint hop = 0; ; hop++)
    {
      g_autoptr(ClipFetchResponse) response = fetch (fetcher, target);
      ClipPageOptions options;

      if (response->error)
        {
          if (page == NULL)
            {
              g_propagate_error (error, g_steal_pointer (&response->error));
              return NULL;
            }
          add_problem (page, "meta-refresh", g_strdup_printf (_("%s cannot be fetched: %s"), target,
                                                             response->error->message));
          return page;
        }
      g_hash_table_add (seen, g_strdup (target));
      g_hash_table_add (seen, g_strdup (response->url));
      clip_page_options_init (&options);
      options.url = address && hop == 0 ? address : response->url;
      options.content_type = response->content_type;
      options.fetch_time = g_get_real_time () / G_USEC_PER_SEC;
      clip_page_free (page);
      page = clip_page_extract (g_bytes_get_data (response->body, NULL),
                                g_bytes_get_size (response->body), &options);
      if (page->refresh_url == NULL)
        return page;
      if (g_hash_table_contains (seen, page->refresh_url))
        {
          add_problem (page, "meta-refresh", g_strdup_printf (_("The page refreshes to %s, seen already: a loop"),
                                                             page->refresh_url));
          return page;
        }
      if (hop + 1 >= MAX_REFRESH)
        {
          add_problem (page, "meta-refresh", g_strdup_printf (_("More than %d refreshes; stopped"),
                                                             MAX_REFRESH));
          return page;
        }
      g_free (target);
      target = g_strdup (page->refresh_url);
    }
}

int
clip_cli_extract (ClipCli *cli, int argc, char **argv)
{
  gboolean json = FALSE, is_url;
  g_autofree char *address = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipPage) page = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "url", 0, 0, G_OPTION_ARG_STRING, &address,
      N_("The page's address, for its relative links and the date in it"), "URL" },
    { NULL }
  };

  if (!clip_cli_parse_options (cli, _("FILE|URL"), _("Extract the article from a web page"),
                               entries, &argc, &argv))
    return CLIP_CLI_USAGE;
  if (argc != 2)
    return clip_cli_usage (cli, "%s", _("give one file or URL"));
  is_url = g_str_has_prefix (argv[1], "http://") || g_str_has_prefix (argv[1], "https://");
  if (is_url)
    {
      page = extract_url (argv[1], address, &error);
      if (page == NULL)
        {
          if (g_error_matches (error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_INVALID) ||
              g_error_matches (error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TOO_LARGE))
            return clip_cli_usage (cli, "%s", error->message);
          return clip_cli_fail (cli, error);
        }
    }
  else
    {
      g_autoptr(GBytes) bytes = read_file (argv[1], &error);
      ClipPageOptions options;

      if (bytes == NULL)
        return clip_cli_usage (cli, "%s", error->message);
      clip_page_options_init (&options);
      options.url = address;
      page = clip_page_extract (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &options);
    }
  if (json)
    {
      g_autoptr(JsonNode) node = page_to_json (page);

      clip_cli_print_json (node);
    }
  else
    print_text (page);
  return CLIP_CLI_OK;
}
