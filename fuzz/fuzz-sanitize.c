/* fuzz-sanitize.c — the HTML sanitiser: nothing live comes out (only
 * whitelisted elements, no event handlers, no unsafe URLs), the outputs
 * are valid UTF-8, and the fast path, where it takes a fragment, gives
 * what libxml2 gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"
#include "fuzz-html.h"
#include "clip-html-private.h"
#include "clip-html-sanitize.h"

#include <string.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static ClipSanitizer *fast, *slow;
  /* Feeds hand over UTF-8: decoded, invalid bytes replaced. */
  g_autofree char *utf8 = g_utf8_make_valid ((const char *) data, size);
  g_autofree char *html = NULL, *text = NULL;
  g_autofree char *slow_html = NULL, *slow_text = NULL;

  if (fast == NULL)
    {
      fast = clip_sanitizer_new ();
      slow = clip_sanitizer_new ();
      clip_sanitizer_set_fast_path (slow, FALSE);
    }
  clip_sanitizer_run (fast, utf8, -1, "https://outlet.example/news/", &html, &text);
  fuzz_check_utf8 ("html", html);
  fuzz_check_utf8 ("text", text);
  fuzz_check_html (html);
  clip_sanitizer_run (slow, utf8, -1, "https://outlet.example/news/", &slow_html, &slow_text);
  /* The fast path is only a shortcut: where it takes a fragment, its
   * output is libxml2's to the byte. */
  FUZZ_CHECK (strcmp (html, slow_html) == 0, "fast path: %s\nlibxml2:   %s", html, slow_html);
  FUZZ_CHECK (strcmp (text, slow_text) == 0, "fast path: %s\nlibxml2:   %s", text, slow_text);
  return 0;
}
