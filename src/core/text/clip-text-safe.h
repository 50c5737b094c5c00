/* clip-text-safe.h — untrusted text shown as text: terminal controls,
 * bidi overrides and characters that show nothing
 *
 * Feed and page text reaches a terminal (clippings-cli) and reports (CSV,
 * HTML, PDF). A control character there is a command to the terminal
 * (colours, the window title, clearing the screen), and an explicit bidi
 * control reorders what a reader sees (U+202E then "gpj.exe" shows "exe.jpg").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The explicit bidi formatting characters: embeddings, overrides, their
 * pop, and the isolates (U+202A–U+202E, U+2066–U+2069). */
gboolean    clip_text_is_bidi_control  (gunichar    c);
/* Bytes of the explicit bidi control that text starts with (of len
 * bytes), or 0. */
gsize       clip_text_bidi_control_len (const char *text,
                                        gsize       len);
/* Replaces each explicit bidi control in text, in place, by U+2060 WORD
 * JOINER: as long in UTF-8, invisible and without any effect on order, so
 * that offsets into the text stay valid. Returns whether any was there. */
gboolean    clip_text_neutralise_bidi  (char       *text);
/* A copy of text without its explicit bidi controls (NULL: ""). */
char       *clip_text_strip_bidi       (const char *text);
/* Where text starts to show: past leading format characters (U+200B,
 * U+FEFF, U+2060, bidi marks…), spaces and controls. */
const char *clip_text_skip_invisible   (const char *text);

typedef enum {
  CLIP_TEXT_FIELD,   /* one field of a line: tabs and line breaks become spaces */
  CLIP_TEXT_LINES,   /* tabs and line feeds are kept */
} ClipTextLayout;

/* A copy of text (len bytes, or -1; NULL: "") safe to print on a
 * terminal: C0 and C1 controls and DEL become U+FFFD (but the layout's),
 * bytes that are not UTF-8 too, and explicit bidi controls go. */
char       *clip_text_for_terminal     (const char     *text,
                                        gssize          len,
                                        ClipTextLayout  layout);

G_END_DECLS
