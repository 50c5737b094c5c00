/* test-page-corpus.c — the shared extraction corpus scored, with floors
 *
 * 181 real pages (../shared/corpus/extraction, Scrapinghub's benchmark)
 * are extracted and scored by the corpus's own score.py; the F1 must stay
 * at 0.97 or above. Dates: where a page's URL carries its day and another
 * source gives a date, the two agree within a day on 90% of pages or more.
 * Skipped, with a message, where the shared corpus or python3 is absent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-page.h"
#include "clip-test-util.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#define F1_FLOOR 0.97
#define DATE_FLOOR 0.90

static GBytes *
gunzip_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (raw == NULL)
    return NULL;
  in = g_converter_input_stream_new (raw, G_CONVERTER (z));
  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static const ClipPageDate *
url_date (const ClipPage *page)
{
  for (guint i = 0; i < page->date_candidates->len; i++)
    {
      const ClipPageDate *d = g_ptr_array_index (page->date_candidates, i);

      if (d->source == CLIP_PAGE_SOURCE_URL)
        return d;
    }
  return NULL;
}

static double
run_score (const char *dir, const char *output)
{
  g_autofree char *score = g_build_filename (dir, "score.py", NULL);
  g_autofree char *truth = g_build_filename (dir, "ground-truth.json", NULL);
  const char *argv[] = { "python3", score, truth, output, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", out);
  lines = g_strsplit (out, "\n", 0);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "corpus-output.json"))
      return g_ascii_strtod (lines[i] + strlen ("corpus-output.json"), NULL);
  g_error ("score.py printed no row for our output:\n%s", out);
  return 0;
}

static void
test_corpus (void)
{
  g_autofree char *dir = clip_test_shared_path ("corpus/extraction");
  g_autofree char *truth_path = g_build_filename (dir, "ground-truth.json", NULL);
  g_autofree char *tmp = NULL, *output = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) ids = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *truth;
  guint dated = 0, agree = 0;
  double f1;

  if (!g_file_test (truth_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/corpus/extraction is absent (set CLIPPINGS_SHARED)");
      return;
    }
  if (python == NULL)
    {
      g_test_skip ("python3 is absent: score.py cannot run");
      return;
    }
  json_parser_load_from_file (parser, truth_path, &error);
  g_assert_no_error (error);
  truth = json_node_get_object (json_parser_get_root (parser));
  ids = json_object_get_members (truth);
  json_builder_begin_object (b);
  for (GList *l = ids; l; l = l->next)
    {
      g_autofree char *name = g_strconcat (l->data, ".html.gz", NULL);
      g_autofree char *path = g_build_filename (dir, "html", name, NULL);
      g_autoptr(GBytes) bytes = gunzip_file (path);
      g_autoptr(ClipPage) page = NULL;
      const ClipPageDate *from_url;
      ClipPageOptions options;

      g_assert_nonnull (bytes);
      clip_page_options_init (&options);
      options.url = json_object_get_string_member (json_object_get_object_member (truth, l->data), "url");
      page = clip_page_extract (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &options);
      json_builder_set_member_name (b, l->data);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "articleBody");
      json_builder_add_string_value (b, page->text);
      json_builder_end_object (b);
      from_url = url_date (page);
      if (from_url && page->published != CLIP_NO_DATE && page->published_source != CLIP_PAGE_SOURCE_URL)
        {
          dated++;
          agree += ABS (page->published - from_url->date) <= 36 * 3600;
        }
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  tmp = clip_test_tmpdir ();
  output = g_build_filename (tmp, "corpus-output.json", NULL);
  json_generator_to_file (gen, output, &error);
  g_assert_no_error (error);
  f1 = run_score (dir, output);
  g_test_message ("F1 %.3f (floor %.2f); dates: %u of %u pages agree with their URL's day",
                  f1, F1_FLOOR, agree, dated);
  g_assert_cmpfloat (f1, >=, F1_FLOOR);
  g_assert_cmpuint (dated, >=, 30);
  g_assert_cmpfloat ((double) agree / dated, >=, DATE_FLOOR);
  clip_test_rm_rf (tmp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/page/corpus/extraction", test_corpus);
  return g_test_run ();
}
