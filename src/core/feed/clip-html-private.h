/* clip-html-private.h — the sanitiser's whitelist and URL checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>

#include "clip-html-sanitize.h"

G_BEGIN_DECLS

enum {
  F_ALLOW = 1 << 0,   /* kept, with its whitelisted attributes */
  F_DROP  = 1 << 1,   /* dropped with everything inside */
  F_BLOCK = 1 << 2,   /* a line break in the text */
  F_PARA  = 1 << 3,   /* a blank line in the text */
  F_VOID  = 1 << 4,   /* no end tag */
  F_PRE   = 1 << 5,   /* whitespace is kept */
  F_CELL  = 1 << 6,   /* a space between cells */
};

enum { A_NONE, A_LINK, A_IMG, A_CELL, A_QUOTE, A_TIME, A_COL, A_OL, A_LI };

typedef struct {
  const char *name;
  guint8      flags;
  guint8      attrs;
} ElementRule;


/* A libxml2 HTML parser reporting to start, end and characters (with
 * user_data as its _private), its messages silenced: the sanitiser's and
 * the reading view's (clip-html-doc.c), which must read HTML alike. */
htmlParserCtxtPtr  clip_html_parser_new   (startElementSAXFunc  start,
                                           endElementSAXFunc    end,
                                           charactersSAXFunc    characters,
                                           gpointer             user_data);
/* Parses the UTF-8 bytes (not copied: they must outlive the call) with
 * the context reset first: no converter (a <meta charset> is ignored),
 * no network, no implied <html><body>, errors recovered. */
void               clip_html_parser_run   (htmlParserCtxtPtr    ctxt,
                                           const char          *utf8,
                                           gsize                len);

/* The rule for an element name (lower case), or NULL: unwrapped. */
const ElementRule *clip_html_element_rule (const char *name);
/* A safe URL (see clip_html_url_is_safe()) made absolute against base;
 * NULL when unsafe. */
char              *clip_html_resolve_url  (const char *base,
                                           const char *url);

/* The sanitiser's events, for parsers other than libxml2's: an element
 * opens (atts: name, value pairs, NULL-terminated; the first element is
 * the fragment's wrapper), the innermost closes, text (decoded UTF-8). */
void               clip_sanitizer_open       (ClipSanitizer *s,
                                              const char    *name,
                                              const char   **atts);
void               clip_sanitizer_close      (ClipSanitizer *s);
void               clip_sanitizer_characters (ClipSanitizer *s,
                                              const char    *ch,
                                              gsize          len);

/* Simple fragments (see clip-html-fast.c) sent as events without libxml2,
 * in one pass; FALSE for anything else, possibly once the start of the
 * fragment has been sent: the caller discards what the sanitiser holds. */
gboolean           clip_html_fast_run        (ClipSanitizer *s,
                                              const char    *html,
                                              gsize          len);
/* For tests: with FALSE, every fragment goes through libxml2. */
void               clip_sanitizer_set_fast_path (ClipSanitizer *s,
                                                 gboolean       enabled);

G_END_DECLS
