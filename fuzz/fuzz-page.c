/* fuzz-page.c — the article page extractor: any bytes under any declared
 * charset give valid UTF-8 fields, dates from year 1 to 9999 with a known
 * source, sanitised HTML with no script, style or unsafe URL, and a page the
 * outlet's learned boilerplate reads the same way; the learned model
 * survives its own serialisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"
#include "fuzz-html.h"
#include "clip-page.h"


/* The Content-Types servers send, picked by the first byte. */
static const char *const content_types[] = {
  "text/html; charset=utf-8", "text/html; charset=windows-1251",
  "text/html; charset=koi8-r", "text/html", "application/xhtml+xml", NULL,
};

static void
check_date (gint64 t)
{
  FUZZ_CHECK (t == CLIP_NO_DATE || (t >= -62135596800 && t <= 253402300799),
              "a date outside years 1-9999: %" G_GINT64_FORMAT, t);
}

static void
check_page (const ClipPage *page)
{
  fuzz_check_utf8 ("title", page->title);
  fuzz_check_utf8 ("text", page->text);
  fuzz_check_utf8 ("html", page->html);
  fuzz_check_utf8 ("site name", page->site_name);
  fuzz_check_utf8 ("language", page->language);
  FUZZ_CHECK (page->authors != NULL, "authors NULL");
  for (guint i = 0; i < page->authors->len; i++)
    fuzz_check_utf8 ("author", g_ptr_array_index (page->authors, i));
  check_date (page->published);
  check_date (page->modified);
  FUZZ_CHECK (page->published == CLIP_NO_DATE ||
              clip_page_source_name (page->published_source) != NULL,
              "a published date with no source");
  for (guint i = 0; i < page->date_candidates->len; i++)
    {
      const ClipPageDate *d = g_ptr_array_index (page->date_candidates, i);

      check_date (d->date);
      fuzz_check_utf8 ("date field", d->field);
    }
  for (guint i = 0; i < page->problems->len; i++)
    {
      const ClipPageProblem *p = g_ptr_array_index (page->problems, i);

      fuzz_check_utf8 ("problem", p->message);
    }
  if (page->html != NULL)
    fuzz_check_html (page->html);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static ClipPageModel *model;
  ClipPageOptions options;
  g_autoptr(ClipPage) alone = NULL;
  g_autoptr(ClipPage) learned = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ClipPageModel *copy;

  if (model == NULL)
    model = clip_page_model_new ();
  clip_page_options_init (&options);
  options.url = "https://outlet.example/news/2022/11/29/story";
  options.content_type = content_types[size ? data[0] % G_N_ELEMENTS (content_types) : 0];
  options.fetch_time = 1733000000;
  options.max_bytes = 1024 * 1024;
  alone = clip_page_extract ((const char *) data, size, &options);
  check_page (alone);

  /* The outlet learns this page (its pages accumulate over the run, as an
   * outlet's do), and the page is read again with what was learned. */
  clip_page_model_learn (model, (const char *) data, size, &options);
  options.model = model;
  learned = clip_page_extract ((const char *) data, size, &options);
  check_page (learned);

  bytes = clip_page_model_serialize (model);
  copy = clip_page_model_deserialize (bytes, &error);
  FUZZ_CHECK (copy != NULL, "a model not read back: %s", error ? error->message : "");
  FUZZ_CHECK (clip_page_model_get_n_pages (copy) == clip_page_model_get_n_pages (model),
              "a model read back with %u pages, not %u",
              clip_page_model_get_n_pages (copy), clip_page_model_get_n_pages (model));
  clip_page_model_free (copy);
  return 0;
}
