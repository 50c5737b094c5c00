/* clip-charset.h — which encoding a document's bytes are in, and UTF-8 out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CLIP_CHARSET_DEFAULT,     /* nothing said: UTF-8 */
  CLIP_CHARSET_BOM,
  CLIP_CHARSET_HTTP,        /* the Content-Type's charset parameter */
  CLIP_CHARSET_DECLARATION, /* <?xml … encoding="…"?> or <meta charset> */
  CLIP_CHARSET_SNIFFED,     /* guessed from the bytes */
} ClipCharsetSource;

/* The charset parameter of a Content-Type ("text/xml; charset='KOI8-R'"),
 * as a canonical lower-case name, or NULL. */
char       *clip_charset_from_content_type (const char        *content_type);

/* A canonical lower-case name for an encoding label ("cp1251" and
 * "Windows-1251" → "windows-1251", "gb2312" → "gb18030", its superset). */
char       *clip_charset_canonical         (const char        *label);

/* The encoding of an XML document, with RFC 7303's precedence: BOM, then
 * the HTTP charset, then the XML declaration (UTF-16/32 without a BOM are
 * recognised from "<?xml"), then UTF-8. *bom_len is the BOM's size. */
char       *clip_charset_detect_xml        (const char        *data,
                                            gsize              len,
                                            const char        *content_type,
                                            ClipCharsetSource *source,
                                            gsize             *bom_len);

/* The same for an HTML page: BOM, HTTP charset, <meta charset>, UTF-8. */
char       *clip_charset_detect_html       (const char        *data,
                                            gsize              len,
                                            const char        *content_type,
                                            ClipCharsetSource *source,
                                            gsize             *bom_len);

/* For bytes that are not UTF-8 and say nothing: windows-1251 or KOI8-R
 * when they look Cyrillic, else windows-1252. */
const char *clip_charset_sniff_legacy      (const char        *data,
                                            gsize              len);

/* When the bytes contradict the charset a document was labelled with (by
 * HTTP or its declaration), the charset they are in; else NULL. Bytes
 * above ASCII that are valid UTF-8 are UTF-8 whatever the label says; and
 * windows-1251 and KOI8-R are told apart by where their capitals fall. */
const char *clip_charset_contradicted      (const char        *data,
                                            gsize              len,
                                            const char        *charset);

/* Converts to UTF-8 (NUL-terminated). Bytes invalid in charset become
 * U+FFFD and are counted in *n_invalid. Fails only when the encoding is
 * unknown to iconv. */
char       *clip_charset_to_utf8           (const char        *data,
                                            gsize              len,
                                            const char        *charset,
                                            gsize             *out_len,
                                            gsize             *n_invalid,
                                            GError           **error);

G_END_DECLS
