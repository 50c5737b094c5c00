/* test-page.c — article extraction on typical layouts, the seed's clock,
 * the outlet's model, and dates as pages write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-page.h"
#include "clip-date.h"
#include "clip-test-util.h"

#include <string.h>

static const char *seed_url = "https://rustavi2.ge/en/news/248101";

static GBytes *
fixture (const char *name)
{
  g_autofree char *rel = g_strconcat ("page/", name, NULL);
  g_autofree char *path = clip_test_data_path (rel);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static char *
expected_text (const char *name)
{
  g_autoptr(GBytes) b = fixture (name);
  char *t = g_strndup (g_bytes_get_data (b, NULL), g_bytes_get_size (b));

  return g_strchomp (t);
}

static ClipPage *
extract (const char *name, const ClipPageOptions *options)
{
  g_autoptr(GBytes) b = fixture (name);

  return clip_page_extract (g_bytes_get_data (b, NULL), g_bytes_get_size (b), options);
}

static char *
iso (gint64 t)
{
  g_autoptr(GDateTime) dt = NULL;

  if (t == CLIP_NO_DATE)
    return NULL;
  dt = g_date_time_new_from_unix_utc (t);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
has_problem (const ClipPage *page, const char *kind)
{
  for (guint i = 0; i < page->problems->len; i++)
    if (strcmp (((ClipPageProblem *) g_ptr_array_index (page->problems, i))->kind, kind) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_authors (const ClipPage *page, const char * const *names)
{
  guint n = g_strv_length ((char **) names);

  g_assert_cmpuint (page->authors->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (page->authors, i), ==, names[i]);
}

typedef struct {
  const char *file;
  const char *url;
  const char *title;
  const char *authors[3];
  const char *published;
  ClipPageSource source;
  const char *modified;
  const char *language;
  const char *site_name;
  const char *image;
  const char *canonical;
  const char *problem;
} Layout;

static const Layout layouts[] = {
  { "jsonld-news", NULL, "Ministers agree on a new Black Sea grid link",
    { "Nino Beridze", "Tom Hale" }, "2023-03-14T05:30:00Z", CLIP_PAGE_SOURCE_JSON_LD,
    "2023-03-14T08:05:00Z", "en-GB", "Caucasus Wire", "https://wire.example.com/img/grid.jpg",
    "https://wire.example.com/news/2023/03/14/grid-link", NULL },
  { "opengraph", NULL, "Vineyards count the cost of the hail", { "Giorgi Kapanadze" },
    "2022-07-08T16:45:00Z", CLIP_PAGE_SOURCE_META, "2022-07-09T08:00:00Z", "en-US",
    "Kakheti Today", "https://kakheti.example.org/media/hail.jpg",
    "https://kakheti.example.org/story/hail-vineyards", NULL },
  { "wordpress", NULL, "Why the old tram depot should stay", { "Lela Tsiklauri" },
    "2021-05-17T10:12:44Z", CLIP_PAGE_SOURCE_TIME, "2021-05-18T07:00:03Z", "en-US", NULL, NULL,
    "https://citynotes.example.net/2021/05/17/old-tram-depot/", NULL },
  { "drupal", NULL, "Neue Öffnungszeiten der Bibliothek", { "Anna Weber" },
    "2020-09-03T12:20:00Z", CLIP_PAGE_SOURCE_META, NULL, "de", NULL, NULL,
    "https://verein.example.de/node/4411", NULL },
  { "russian-1251", "https://news.example.ru/politics/4512", "Депутаты одобрили закон о культурном наследии",
    { NULL }, "2023-03-12T14:05:00Z", CLIP_PAGE_SOURCE_TEXT, NULL, NULL, NULL, NULL, NULL, NULL },
  { "georgian", NULL, "თბილისში ახალი პარკი გაიხსნა", { NULL }, "2023-03-15T11:20:00Z",
    CLIP_PAGE_SOURCE_TEXT, NULL, "ka", "ახალი ამბები", NULL, NULL, NULL },
  { "liveblog", NULL, "Election night: live updates", { "Tbilisi Observer staff" },
    "2024-10-26T16:00:00Z", CLIP_PAGE_SOURCE_JSON_LD, "2024-10-26T22:40:00Z", "en", NULL, NULL,
    NULL, NULL },
  { "paywall", NULL, "Inside the port deal that divided the coalition", { "Maya Grant" },
    "2023-06-02T05:00:00Z", CLIP_PAGE_SOURCE_JSON_LD, NULL, "en", NULL, NULL, NULL, "paywall" },
};

static void
test_layout (gconstpointer data)
{
  const Layout *l = data;
  g_autofree char *html_name = g_strconcat (l->file, ".html", NULL);
  g_autofree char *text_name = g_strconcat (l->file, ".txt", NULL);
  g_autofree char *want = expected_text (text_name);
  g_autoptr(ClipPage) page = NULL;
  g_autofree char *published = NULL, *modified = NULL;
  ClipPageOptions options;

  clip_page_options_init (&options);
  options.url = l->url;
  page = extract (html_name, &options);
  g_assert_cmpstr (page->text, ==, want);
  g_assert_cmpstr (page->title, ==, l->title);
  assert_authors (page, l->authors);
  published = iso (page->published);
  modified = iso (page->modified);
  g_assert_cmpstr (published, ==, l->published);
  g_assert_cmpint (page->published_source, ==, l->source);
  g_assert_cmpstr (modified, ==, l->modified);
  g_assert_cmpstr (page->language, ==, l->language);
  g_assert_cmpstr (page->site_name, ==, l->site_name);
  g_assert_cmpstr (page->image, ==, l->image);
  g_assert_cmpstr (page->canonical_url, ==, l->canonical);
  /* the sanitised HTML holds the text's paragraphs and nothing active */
  g_assert_nonnull (strstr (page->html, "<p>"));
  g_assert_null (strstr (page->html, "<script"));
  if (l->problem)
    g_assert_true (has_problem (page, l->problem));
  else
    g_assert_cmpuint (page->problems->len, ==, 0);
}

/* The chrome of a typical page never reaches the text. */
static void
test_layout_chrome (void)
{
  static const char * const files[] = { "jsonld-news.html", "wordpress.html", "drupal.html",
                                        "paywall.html", "rustavi-seed.html" };
  static const char * const chrome[] = { "Share on Facebook", "Related", "Recent Posts",
                                         "Proudly powered", "thoughts on", "Anmelden",
                                         "Subscribe to keep reading", "MORE HEADLINES",
                                         "All rights reserved", "Tweet", "Log in" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(ClipPage) page = extract (files[f], NULL);

      for (guint c = 0; c < G_N_ELEMENTS (chrome); c++)
        if (strstr (page->text, chrome[c]))
          g_error ("%s: “%s” in the text", files[f], chrome[c]);
    }
}

static gboolean
any_published_in (const ClipPage *page, int year)
{
  g_autofree char *p = iso (page->published);
  g_autofree char *prefix = g_strdup_printf ("%d-", year);

  return p && g_str_has_prefix (p, prefix);
}

static const ClipPageDate *
candidate (const ClipPage *page, ClipPageSource source, const char *date)
{
  for (guint i = 0; i < page->date_candidates->len; i++)
    {
      const ClipPageDate *d = g_ptr_array_index (page->date_candidates, i);
      g_autofree char *s = iso (d->date);

      if (d->source == source && g_strcmp0 (s, date) == 0)
        return d;
    }
  return NULL;
}

/* Without the fetch time or the outlet's pages the clock is all there is:
 * it is the date, from the text, and says so. */
static void
test_seed_alone (void)
{
  g_autofree char *want = expected_text ("rustavi-seed.txt");
  g_autoptr(ClipPage) page = NULL;
  ClipPageOptions options;

  clip_page_options_init (&options);
  options.url = seed_url;
  page = extract ("rustavi-seed.html", &options);
  g_assert_cmpstr (page->text, ==, want);
  g_assert_cmpstr (page->title, ==, "Georgia is a highly valued partner, we know that these partners "
                                    "are a subject of Russian interference - Jens Stoltenberg");
  g_assert_cmpint (page->published_source, ==, CLIP_PAGE_SOURCE_TEXT);
  g_assert_nonnull (candidate (page, CLIP_PAGE_SOURCE_TEXT, "2024-11-27T00:32:00Z"));
  /* the headlines' dates are other articles' */
  g_assert_null (candidate (page, CLIP_PAGE_SOURCE_TEXT, "2024-11-26T00:00:00Z"));
}

/* Fetched at 00:32 Tbilisi time (UTC+4): the date line is the clock. */
static void
test_seed_fetch_time (void)
{
  g_autoptr(ClipPage) page = NULL;
  const ClipPageDate *clock;
  ClipPageOptions options;

  clip_page_options_init (&options);
  options.url = seed_url;
  options.fetch_time = clip_date_parse ("2024-11-26T20:33:10Z", -1);
  page = extract ("rustavi-seed.html", &options);
  g_assert_false (any_published_in (page, 2024));
  g_assert_cmpint (page->published, ==, CLIP_NO_DATE);
  clock = candidate (page, CLIP_PAGE_SOURCE_TEXT, "2024-11-27T00:32:00Z");
  g_assert_nonnull (clock);
  g_assert_cmpint (clock->clock, ==, CLIP_PAGE_CLOCK_FETCH_TIME);
  g_assert_true (has_problem (page, "no-date"));
  /* twenty minutes later the line is no longer the fetch time in any zone */
  clip_page_free (g_steal_pointer (&page));
  options.fetch_time += 20 * 60;
  page = extract ("rustavi-seed.html", &options);
  g_assert_true (any_published_in (page, 2024));
}

static ClipPageModel *
learn_siblings (void)
{
  ClipPageModel *model = clip_page_model_new ();

  for (int i = 1; i <= 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("rustavi-sibling-%d.html", i);
      g_autofree char *url = g_strdup_printf ("https://rustavi2.ge/en/news/%d", 248101 + i);
      g_autoptr(GBytes) b = fixture (name);
      ClipPageOptions options;

      clip_page_options_init (&options);
      options.url = url;
      g_assert_true (clip_page_model_learn (model, g_bytes_get_data (b, NULL), g_bytes_get_size (b),
                                            &options));
    }
  g_assert_cmpuint (clip_page_model_get_n_pages (model), ==, 3);
  return model;
}

static void
assert_seed_with_model (const ClipPageModel *model)
{
  g_autofree char *want = expected_text ("rustavi-seed.txt");
  g_autoptr(ClipPage) page = NULL;
  const ClipPageDate *clock;
  ClipPageOptions options;

  clip_page_options_init (&options);
  options.url = seed_url;
  options.model = model;
  page = extract ("rustavi-seed.html", &options);
  g_assert_false (any_published_in (page, 2024));
  clock = candidate (page, CLIP_PAGE_SOURCE_TEXT, "2024-11-27T00:32:00Z");
  g_assert_nonnull (clock);
  g_assert_cmpint (clock->clock, !=, CLIP_PAGE_CLOCK_NONE);
  g_assert_cmpstr (page->text, ==, want);
}

/* The outlet's other pages, fetched with it, show the same clock. */
static void
test_seed_model (void)
{
  g_autoptr(ClipPageModel) model = learn_siblings ();
  g_autoptr(ClipPageModel) one = clip_page_model_new ();
  g_autoptr(GBytes) b = fixture ("rustavi-sibling-1.html");
  g_autoptr(ClipPage) page = NULL;
  ClipPageOptions options;

  assert_seed_with_model (model);
  /* one page is no outlet: nothing is boilerplate yet */
  clip_page_model_learn (one, g_bytes_get_data (b, NULL), g_bytes_get_size (b), NULL);
  clip_page_options_init (&options);
  options.model = one;
  page = extract ("rustavi-seed.html", &options);
  g_assert_true (any_published_in (page, 2024));
}

static void
test_model_roundtrip (void)
{
  g_autoptr(ClipPageModel) model = learn_siblings ();
  g_autoptr(GBytes) bytes = clip_page_model_serialize (model);
  g_autoptr(ClipPageModel) back = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const damaged[] = {
    "", "[]", "{\"version\":2,\"pages\":1,\"blocks\":{}}",
    "{\"version\":1,\"pages\":1,\"blocks\":{\"zz\":1}}",
    "{\"version\":1,\"pages\":1,\"blocks\":{\"00000000000000aa\":5}}",
    "{\"version\":1,\"pages\":2,\"blocks\":{\"00000000000000aa\":\"x\"}}",
  };

  back = clip_page_model_deserialize (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clip_page_model_get_n_pages (back), ==, 3);
  again = clip_page_model_serialize (back);
  g_assert_cmpuint (g_bytes_get_size (again), ==, g_bytes_get_size (bytes));
  assert_seed_with_model (back);
  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(GBytes) d = g_bytes_new_static (damaged[i], strlen (damaged[i]));
      g_autoptr(GError) e = NULL;
      g_autoptr(ClipPageModel) m = clip_page_model_deserialize (d, &e);

      g_assert_null (m);
      g_assert_nonnull (e);
    }
}

/* A model stays small however many pages it learns. */
static void
test_model_bounded (void)
{
  g_autoptr(ClipPageModel) model = clip_page_model_new ();
  g_autoptr(GBytes) bytes = NULL;

  for (int p = 0; p < 40; p++)
    {
      g_autoptr(GString) html = g_string_new ("<html><body><div class=menu>Home News</div>");

      for (int i = 0; i < 300; i++)
        g_string_append_printf (html, "<p>page %d paragraph %d with its own words</p>", p, i);
      g_string_append (html, "</body></html>");
      clip_page_model_learn (model, html->str, html->len, NULL);
    }
  bytes = clip_page_model_serialize (model);
  g_assert_cmpuint (g_bytes_get_size (bytes), <, (CLIP_PAGE_MODEL_MAX_ENTRIES + 1) * 32);
}

typedef struct {
  const char *text;
  const char *date;
} DateCase;

static void
test_scan_dates (void)
{
  static const DateCase cases[] = {
    { "27 November 2024,   00:32", "2024-11-27T00:32:00Z" },
    { "Published November 27, 2024 at 10:05", "2024-11-27T00:00:00Z" },
    { "Updated: 2024-11-27T10:05:00+04:00", "2024-11-27T06:05:00Z" },
    { "Опубликовано 27 ноября 2024, 10:05", "2024-11-27T10:05:00Z" },
    { "27 ნოემბერი 2024", "2024-11-27T00:00:00Z" },
    { "Posted on 27.11.2024 | Politics", "2024-11-27T00:00:00Z" },
    { "Tue, 26 Nov 2024 18:00:00 GMT", "2024-11-26T18:00:00Z" },
    { "Call 2024 or write to 3 Main Street", NULL },
    { "Score 1-2 after 90 minutes", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 dates[2];
      guint n = clip_page_find_dates (cases[i].text, -1, dates, 2);
      g_autofree char *got = n ? iso (dates[0]) : NULL;

      g_assert_cmpstr (got, ==, cases[i].date);
    }
}

static void
test_url_date (void)
{
  static const char *html = "<html><body><p>Nothing dated here at all, just words.</p></body></html>";
  static const char * const urls[][2] = {
    { "https://e.com/2022/11/29/story", "2022-11-29T00:00:00Z" },
    { "https://e.com/news/2022-11-29-story.html", "2022-11-29T00:00:00Z" },
    { "https://e.com/a/20221129/story", "2022-11-29T00:00:00Z" },
    { "https://e.com/news/2022/nov/29/story", "2022-11-29T00:00:00Z" },
    { "https://e.com/2022/11/story", NULL },
    { "https://e.com/item/123456789", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      ClipPageOptions options;
      g_autoptr(ClipPage) page = NULL;
      g_autofree char *got = NULL;

      clip_page_options_init (&options);
      options.url = urls[i][0];
      page = clip_page_extract (html, strlen (html), &options);
      got = iso (page->published);
      g_assert_cmpstr (got, ==, urls[i][1]);
      if (got)
        g_assert_cmpint (page->published_source, ==, CLIP_PAGE_SOURCE_URL);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      g_autofree char *path = g_strconcat ("/page/layout/", layouts[i].file, NULL);

      g_test_add_data_func (path, &layouts[i], test_layout);
    }
  g_test_add_func ("/page/layout/chrome", test_layout_chrome);
  g_test_add_func ("/page/seed/alone", test_seed_alone);
  g_test_add_func ("/page/seed/fetch-time", test_seed_fetch_time);
  g_test_add_func ("/page/seed/model", test_seed_model);
  g_test_add_func ("/page/model/roundtrip", test_model_roundtrip);
  g_test_add_func ("/page/model/bounded", test_model_bounded);
  g_test_add_func ("/page/dates/text", test_scan_dates);
  g_test_add_func ("/page/dates/url", test_url_date);
  return g_test_run ();
}
