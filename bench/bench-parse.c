/* bench-parse.c — feed parsing throughput over the generated corpus
 *
 * Generates the corpus's RSS 2.0 feeds (1–3 KB HTML descriptions, English,
 * Russian and Georgian), parses each with clip_feed_parse() (which also
 * sanitises every item's HTML and makes its plain text), and prints items/s
 * and MB/s. With --write DIR the same feeds are written out, so that
 * bench/bench-parse.py can time the peers (feedparser, xmllint --stream) on
 * the very same bytes in the same run.
 *
 *   bench-parse [--feeds N] [--items N] [--repeat N] [--write DIR | --read DIR]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-corpus.h"
#include "clip-feed.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

static int n_feeds = 2000;
static int n_items = 50;
static int repeat = 3;
static char *write_dir;
static char *read_dir;

static const GOptionEntry entries[] = {
  { "feeds", 0, 0, G_OPTION_ARG_INT, &n_feeds, "Feeds to generate", "N" },
  { "items", 0, 0, G_OPTION_ARG_INT, &n_items, "Items per feed", "N" },
  { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs; the fastest counts", "N" },
  { "write", 0, 0, G_OPTION_ARG_FILENAME, &write_dir, "Also write the feeds here", "DIR" },
  { "read", 0, 0, G_OPTION_ARG_FILENAME, &read_dir, "Time the feeds written here before", "DIR" },
  { NULL }
};

/* CPU seconds of this process: steadier than wall time on a shared box. */
static double
cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new ("— time the feed parser");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCorpus) corpus = clip_corpus_new (42);
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lens = g_array_new (FALSE, FALSE, sizeof (gsize));
  double best_cpu = G_MAXDOUBLE, best_wall = G_MAXDOUBLE;
  gsize bytes = 0;
  guint items = 0, sanitised = 0, problems = 0;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("bench-parse: %s\n", error->message);
      return 2;
    }
  for (int f = 0; f < n_feeds; f++)
    {
      gsize len = 0;
      char *xml = NULL;

      if (read_dir != NULL)
        {
          g_autofree char *name = g_strdup_printf ("feed-%05d.xml", f);
          g_autofree char *path = g_build_filename (read_dir, name, NULL);

          if (!g_file_test (path, G_FILE_TEST_EXISTS))
            break;
          if (!g_file_get_contents (path, &xml, &len, &error))
            {
              g_printerr ("bench-parse: %s\n", error->message);
              return 1;
            }
        }
      else
        xml = clip_corpus_feed_xml (corpus, f, n_items, &len);

      g_ptr_array_add (feeds, xml);
      g_array_append_val (lens, len);
      bytes += len;
      if (write_dir != NULL)
        {
          g_autofree char *name = g_strdup_printf ("feed-%05d.xml", f);
          g_autofree char *path = g_build_filename (write_dir, name, NULL);

          g_mkdir_with_parents (write_dir, 0755);
          if (!g_file_set_contents (path, xml, len, &error))
            {
              g_printerr ("bench-parse: %s\n", error->message);
              return 1;
            }
        }
    }

  for (int r = 0; r < repeat; r++)
    {
      double cpu0 = cpu_seconds ();
      gint64 wall0 = g_get_monotonic_time ();

      items = sanitised = problems = 0;
      for (guint f = 0; f < feeds->len; f++)
        {
          g_autoptr(ClipFeed) feed = clip_feed_parse (g_ptr_array_index (feeds, f),
                                                      g_array_index (lens, gsize, f),
                                                      "application/rss+xml", NULL, &error);

          if (feed == NULL)
            {
              g_printerr ("bench-parse: feed %u: %s\n", f, error->message);
              return 1;
            }
          items += feed->items->len;
          problems += feed->problems->len;
          for (guint i = 0; i < feed->items->len; i++)
            {
              ClipFeedItem *item = g_ptr_array_index (feed->items, i);

              sanitised += item->summary_html != NULL && item->summary_text != NULL;
            }
        }
      best_cpu = MIN (best_cpu, cpu_seconds () - cpu0);
      best_wall = MIN (best_wall, (g_get_monotonic_time () - wall0) / 1e6);
    }

  printf ("clippings: %u feeds, %u items (%u sanitised, %u problems), %.1f MB\n",
          feeds->len, items, sanitised, problems, bytes / 1e6);
  printf ("clippings: best of %d: %.3f s CPU, %.3f s wall: %.0f items/s, %.1f MB/s (CPU)\n",
          repeat, best_cpu, best_wall, items / best_cpu, bytes / 1e6 / best_cpu);
  /* for bench-parse.py */
  printf ("RESULT clippings items=%u bytes=%" G_GSIZE_FORMAT " cpu=%.6f wall=%.6f\n",
          items, bytes, best_cpu, best_wall);
  return items > 0 && sanitised == items ? 0 : 1;
}
