/* clip-html-sanitize.h — feed HTML made safe to show, and its plain text
 *
 * A whitelist of elements and attributes: scripts, styles, event handlers,
 * frames, objects, forms and javascript:/vbscript:/data: URLs (data: only
 * for images) never come out. Relative URLs are resolved against a base.
 * The plain text is made from the sanitised HTML: block elements become
 * line breaks, entities are decoded, no markup (class names, attributes,
 * script bodies) ever reaches it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* libxml2 wants its global state set up once, before threads use it: the
 * parser's entry points call this; safe from any thread, any number of
 * times. */
void           clip_html_init_libxml   (void);

/* Reusable across many fragments (one parser context); not thread-safe,
 * use one per thread. */
typedef struct _ClipSanitizer ClipSanitizer;

ClipSanitizer *clip_sanitizer_new      (void);
void           clip_sanitizer_free     (ClipSanitizer *sanitizer);

/* html: a UTF-8 fragment (len may be -1). base_url may be NULL. Either out
 * pointer may be NULL when that output is not wanted. Outputs are never
 * NULL when asked for (possibly empty). */
void           clip_sanitizer_run      (ClipSanitizer *sanitizer,
                                        const char    *html,
                                        gssize         len,
                                        const char    *base_url,
                                        char         **out_html,
                                        char         **out_text);

/* One-off helpers (each makes its own sanitizer). */
char          *clip_html_sanitize      (const char    *html,
                                        gssize         len,
                                        const char    *base_url);
char          *clip_html_to_text       (const char    *html,
                                        gssize         len);

/* Plain text as HTML: escaped, line breaks as <br>. */
char          *clip_html_escape_text   (const char    *text,
                                        gssize         len);

/* TRUE when url (absolute, or relative to a safe base) may appear in
 * output; image says whether it is an image's source. */
gboolean       clip_html_url_is_safe   (const char    *url,
                                        gboolean       image);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClipSanitizer, clip_sanitizer_free)

G_END_DECLS
