/* bench-extract.c — clip_page_extract() over a folder of saved pages
 *
 *   bench-extract DIR [--ground-truth FILE] [--output OUT.json] [--repeat N]
 *                     [--write-html DIR]
 *
 * Reads every DIR/<id>.html.gz (or .html) into memory first, then times
 * the extraction alone over all of them, N times, keeping the fastest
 * round (CPU time). --output writes {"<id>": {"articleBody": text}} for
 * the corpus's score.py; --ground-truth gives each page its address from
 * ground-truth.json (relative links, dates in URLs); --write-html writes
 * the decompressed pages for the peers (bench/extract/run.sh).
 * Prints "RESULT clippings pages=N bytes=B cpu=S wall=S maxrss_kb=K".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-page.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct {
  char   *id;
  char   *url;
  GBytes *bytes;
} Page;

static void
page_free (gpointer p)
{
  Page *page = p;

  g_free (page->id);
  g_free (page->url);
  g_bytes_unref (page->bytes);
  g_free (page);
}

static GBytes *
load (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) in = G_INPUT_STREAM (g_file_read (file, NULL, error));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (in == NULL)
    return NULL;
  if (g_str_has_suffix (path, ".gz"))
    {
      g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      GInputStream *conv = g_converter_input_stream_new (in, G_CONVERTER (z));

      g_object_unref (in);
      in = conv;
    }
  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static GPtrArray *
load_pages (const char *dir, JsonObject *truth, const char *write_dir)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (page_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return pages;
  while ((name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".html.gz") || g_str_has_suffix (name, ".html"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, n, NULL);
      g_autoptr(GError) error = NULL;
      Page *p = g_new0 (Page, 1);

      p->id = g_strndup (n, strstr (n, ".html") - n);
      p->bytes = load (path, &error);
      if (p->bytes == NULL)
        {
          g_printerr ("%s: %s\n", path, error->message);
          page_free (p);
          continue;
        }
      if (truth && json_object_has_member (truth, p->id))
        p->url = g_strdup (json_object_get_string_member_with_default (
                             json_object_get_object_member (truth, p->id), "url", NULL));
      if (write_dir)
        {
          g_autofree char *out = g_strdup_printf ("%s/%s.html", write_dir, p->id);

          g_file_set_contents (out, g_bytes_get_data (p->bytes, NULL), g_bytes_get_size (p->bytes), NULL);
        }
      g_ptr_array_add (pages, p);
    }
  return pages;
}

static void
write_output (GPtrArray *pages, GPtrArray *texts, const char *path)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  for (guint i = 0; i < pages->len; i++)
    {
      json_builder_set_member_name (b, ((Page *) g_ptr_array_index (pages, i))->id);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "articleBody");
      json_builder_add_string_value (b, g_ptr_array_index (texts, i));
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_to_file (gen, path, NULL);
}

int
main (int argc, char **argv)
{
  g_autofree char *output = NULL, *truth_path = NULL, *write_dir = NULL;
  int repeat = 3;
  GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "Write the texts as JSON", "FILE" },
    { "ground-truth", 0, 0, G_OPTION_ARG_FILENAME, &truth_path, "ground-truth.json (URLs)", "FILE" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Rounds (the fastest counts)", "N" },
    { "write-html", 0, 0, G_OPTION_ARG_FILENAME, &write_dir, "Write the pages here", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  JsonObject *truth = NULL;
  double best_cpu = G_MAXDOUBLE, best_wall = 0;
  gsize bytes = 0;
  struct rusage ru;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "give one folder");
      return 2;
    }
  if (truth_path && json_parser_load_from_file (parser, truth_path, NULL))
    truth = json_node_get_object (json_parser_get_root (parser));
  pages = load_pages (argv[1], truth, write_dir);
  for (guint i = 0; i < pages->len; i++)
    bytes += g_bytes_get_size (((Page *) g_ptr_array_index (pages, i))->bytes);
  for (int r = 0; r < MAX (repeat, 1); r++)
    {
      double c0 = cpu_seconds (), w0 = g_get_monotonic_time () / 1e6, c;

      for (guint i = 0; i < pages->len; i++)
        {
          Page *p = g_ptr_array_index (pages, i);
          ClipPageOptions opts;
          ClipPage *page;

          clip_page_options_init (&opts);
          opts.url = p->url;
          page = clip_page_extract (g_bytes_get_data (p->bytes, NULL), g_bytes_get_size (p->bytes), &opts);
          if (r == 0)
            g_ptr_array_add (texts, g_steal_pointer (&page->text));
          clip_page_free (page);
        }
      c = cpu_seconds () - c0;
      if (c < best_cpu)
        {
          best_cpu = c;
          best_wall = g_get_monotonic_time () / 1e6 - w0;
        }
    }
  if (output)
    write_output (pages, texts, output);
  getrusage (RUSAGE_SELF, &ru);
  printf ("RESULT clippings pages=%u bytes=%" G_GSIZE_FORMAT " cpu=%.4f wall=%.4f maxrss_kb=%ld\n",
          pages->len, bytes, best_cpu, best_wall, ru.ru_maxrss);
  return 0;
}
