/* clip-selector.h — CSS selectors (a useful subset) and XPath over a page
 *
 * The analyst (or the listing finder) names a page's article links with a
 * selector. Both forms run on libxml2's XPath: a CSS selector is compiled
 * to XPath first. The CSS subset: type and `*`, `.class`, `#id`, `[attr]`,
 * `[attr=v]`, `[attr*=v]`, `[attr^=v]`, `[attr$=v]`, the descendant and
 * `>` combinators, and `,`. A selector that begins with `/`, `(` or `.`
 * followed by `/` is XPath and is checked as such.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CLIP_SELECTOR_ERROR (clip_selector_error_quark ())

typedef enum {
  CLIP_SELECTOR_ERROR_INVALID,   /* not CSS of the subset, nor XPath */
} ClipSelectorError;

GQuark    clip_selector_error_quark (void);

/* TRUE when selector is taken as XPath rather than CSS. */
gboolean  clip_selector_is_xpath    (const char *selector);
/* The XPath of a selector (XPath is checked and returned as is); NULL and
 * an error saying where it went wrong otherwise. */
char     *clip_selector_to_xpath    (const char *selector,
                                     GError    **error);

G_END_DECLS
