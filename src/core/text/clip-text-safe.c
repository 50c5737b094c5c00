/* clip-text-safe.c — untrusted text shown as text: terminal controls,
 * bidi overrides and characters that show nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-text-safe.h"

#include <string.h>

#define REPLACEMENT "\xEF\xBF\xBD"     /* U+FFFD */
#define WORD_JOINER "\xE2\x81\xA0"     /* U+2060 */

gboolean
clip_text_is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* All nine are three bytes in UTF-8: E2 80 AA–AE and E2 81 A6–A9. */
gsize
clip_text_bidi_control_len (const char *text,
                            gsize       len)
{
  const guchar *p = (const guchar *) text;

  if (len < 3 || p[0] != 0xE2)
    return 0;
  if ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
      (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))
    return 3;
  return 0;
}

gboolean
clip_text_neutralise_bidi (char *text)
{
  gboolean found = FALSE;
  gsize len = text ? strlen (text) : 0;

  for (char *p = text ? strchr (text, '\xE2') : NULL; p; p = strchr (p + 1, '\xE2'))
    if (clip_text_bidi_control_len (p, len - (gsize) (p - text)) > 0)
      {
        memcpy (p, WORD_JOINER, 3);
        found = TRUE;
      }
  return found;
}

char *
clip_text_strip_bidi (const char *text)
{
  gsize len = text ? strlen (text) : 0;
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len;)
    {
      gsize skip = clip_text_bidi_control_len (text + i, len - i);

      if (skip > 0)
        i += skip;
      else
        g_string_append_c (out, text[i++]);
    }
  return g_string_free (out, FALSE);
}

const char *
clip_text_skip_invisible (const char *text)
{
  const char *p = text;

  while (p && *p)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_type (c) != G_UNICODE_FORMAT && !g_unichar_isspace (c) &&
          g_unichar_type (c) != G_UNICODE_SPACE_SEPARATOR && g_unichar_type (c) != G_UNICODE_CONTROL)
        break;
      p = g_utf8_next_char (p);
    }
  return p;
}

/* C0, DEL and C1: a terminal acts on them (ESC starts a sequence, and so
 * does U+009B, CSI, on terminals that take C1 controls). */
static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

char *
clip_text_for_terminal (const char     *text,
                        gssize          len,
                        ClipTextLayout  layout)
{
  const char *p = text ? text : "", *end;
  GString *out;

  if (len < 0)
    len = (gssize) strlen (p);
  end = p + len;
  out = g_string_sized_new ((gsize) len);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: a lone 0x9B byte is CSI to an 8-bit terminal. */
          g_string_append (out, REPLACEMENT);
          p++;
          continue;
        }
      if ((c == '\n' || c == '\t') && layout == CLIP_TEXT_LINES)
        g_string_append_c (out, (char) c);
      else if (c == '\n' || c == '\t' || c == '\r')
        g_string_append_c (out, ' ');
      else if (is_control (c))
        g_string_append (out, REPLACEMENT);
      else if (!clip_text_is_bidi_control (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
