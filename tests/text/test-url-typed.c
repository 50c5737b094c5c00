/* test-url-typed.c — an outlet's address as typed: not a web address,
 * another kind of address, or the address to follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-url.h"

static void
test_typed (void)
{
  static const struct { const char *in; ClipUrlTyped want; const char *address; } cases[] = {
    { "", CLIP_URL_TYPED_EMPTY, NULL },
    { "   ", CLIP_URL_TYPED_EMPTY, NULL },
    { "civil georgia", CLIP_URL_TYPED_NOT_WEB, NULL },
    { "civilgeorgia", CLIP_URL_TYPED_NOT_WEB, NULL },
    { "https://civil georgia/", CLIP_URL_TYPED_NOT_WEB, NULL },
    { "https://civil/feed", CLIP_URL_TYPED_NOT_WEB, NULL },
    { "http://", CLIP_URL_TYPED_NOT_WEB, NULL },
    { "civil.", CLIP_URL_TYPED_NOT_WEB, NULL },
    { "ftp://example.org/news", CLIP_URL_TYPED_SCHEME, NULL },
    { "mailto:x@example.org", CLIP_URL_TYPED_SCHEME, NULL },
    { "civil.ge:8080/feed", CLIP_URL_TYPED_OK, "https://civil.ge:8080/feed" },
    { "  https://civil.ge/feed  ", CLIP_URL_TYPED_OK, "https://civil.ge/feed" },
    { "civil.ge", CLIP_URL_TYPED_OK, "https://civil.ge" },
    { "civil.ge/feed", CLIP_URL_TYPED_OK, "https://civil.ge/feed" },
    { "http://127.0.0.1:8080/feed.xml", CLIP_URL_TYPED_OK, "http://127.0.0.1:8080/feed.xml" },
    { "http://localhost/feed", CLIP_URL_TYPED_OK, "http://localhost/feed" },
    { "file:///tmp/feed.xml", CLIP_URL_TYPED_OK, "file:///tmp/feed.xml" },
    { "https://новости.рф/rss", CLIP_URL_TYPED_OK, "https://новости.рф/rss" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *address = NULL;
      ClipUrlTyped got = clip_url_check_typed (cases[i].in, &address);

      if (got != cases[i].want)
        g_error ("“%s”: %d, not %d", cases[i].in, got, cases[i].want);
      g_assert_cmpstr (address, ==, cases[i].address);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/url/typed", test_typed);
  return g_test_run ();
}
