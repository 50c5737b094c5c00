/* clip-charset.c — which encoding a document's bytes are in, and UTF-8 out
 *
 * Outlets still publish in windows-1251, KOI8-R, ISO-8859-x and the East
 * Asian legacy encodings, often declaring one and sending another. We pick
 * the encoding by RFC 7303's precedence and convert to UTF-8 ourselves
 * (iconv through GLib), so a stray byte becomes U+FFFD instead of stopping
 * the parser, and libxml2 only ever reads UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-charset.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct {
  const char *alias;
  const char *name;
} Alias;

static const Alias aliases[] = {
  { "utf8", "utf-8" }, { "unicode-1-1-utf-8", "utf-8" },
  { "ascii", "us-ascii" }, { "ansi_x3.4-1968", "us-ascii" }, { "iso646-us", "us-ascii" },
  { "latin1", "iso-8859-1" }, { "l1", "iso-8859-1" }, { "iso8859-1", "iso-8859-1" },
  { "iso_8859-1", "iso-8859-1" }, { "iso88591", "iso-8859-1" },
  { "iso8859-2", "iso-8859-2" }, { "iso_8859-2", "iso-8859-2" }, { "latin2", "iso-8859-2" },
  { "iso8859-5", "iso-8859-5" }, { "iso_8859-5", "iso-8859-5" },
  { "iso8859-15", "iso-8859-15" }, { "latin9", "iso-8859-15" },
  { "cp1250", "windows-1250" }, { "x-cp1250", "windows-1250" },
  { "cp1251", "windows-1251" }, { "x-cp1251", "windows-1251" }, { "win-1251", "windows-1251" },
  { "win1251", "windows-1251" }, { "windows1251", "windows-1251" },
  { "cp1252", "windows-1252" }, { "x-cp1252", "windows-1252" },
  { "cp1255", "windows-1255" }, { "cp1256", "windows-1256" },
  { "koi8r", "koi8-r" }, { "koi8", "koi8-r" }, { "cskoi8r", "koi8-r" },
  { "koi8u", "koi8-u" },
  { "gb2312", "gb18030" }, { "gbk", "gb18030" }, { "x-gbk", "gb18030" },
  { "gb_2312-80", "gb18030" }, { "cp936", "gb18030" }, { "euc-cn", "gb18030" },
  { "big5-hkscs", "big5-hkscs" }, { "cn-big5", "big5" }, { "x-x-big5", "big5" },
  { "shift-jis", "shift_jis" }, { "sjis", "shift_jis" }, { "x-sjis", "shift_jis" },
  { "ms_kanji", "shift_jis" }, { "csshiftjis", "shift_jis" },
  { "ks_c_5601-1987", "cp949" }, { "windows-949", "cp949" },
  { "tis620", "tis-620" }, { "georgian-ps", "georgian-ps" },
  { "utf-16", "utf-16" }, { "utf16", "utf-16" }, { "utf-32", "utf-32" }, { "utf32", "utf-32" },
};

char *
clip_charset_canonical (const char *label)
{
  g_autofree char *s = NULL;
  gsize n;

  if (label == NULL)
    return NULL;
  s = g_ascii_strdown (label, -1);
  g_strstrip (s);
  /* quotes around the value ("charset='us-ascii'") */
  n = strlen (s);
  if (n >= 2 && (s[0] == '\'' || s[0] == '"') && s[n - 1] == s[0])
    {
      s[n - 1] = '\0';
      memmove (s, s + 1, n - 1);
      g_strstrip (s);
    }
  if (*s == '\0')
    return NULL;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isalnum (*p) && !strchr ("-_.:()+", *p))
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (s, aliases[i].alias) == 0)
      return g_strdup (aliases[i].name);
  return g_steal_pointer (&s);
}

char *
clip_charset_from_content_type (const char *content_type)
{
  g_auto(GStrv) params = NULL;

  if (content_type == NULL)
    return NULL;
  params = g_strsplit (content_type, ";", -1);
  for (guint i = 1; params[i]; i++)
    {
      char *eq = strchr (params[i], '=');
      g_autofree char *key = NULL;

      if (eq == NULL)
        continue;
      key = g_strndup (params[i], eq - params[i]);
      g_strstrip (key);
      if (g_ascii_strcasecmp (key, "charset") == 0)
        return clip_charset_canonical (eq + 1);
    }
  return NULL;
}

static const char *
detect_bom (const guchar *d, gsize len, gsize *bom_len)
{
  if (len >= 4 && d[0] == 0 && d[1] == 0 && d[2] == 0xFE && d[3] == 0xFF)
    return *bom_len = 4, "utf-32be";
  if (len >= 4 && d[0] == 0xFF && d[1] == 0xFE && d[2] == 0 && d[3] == 0)
    return *bom_len = 4, "utf-32le";
  if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF)
    return *bom_len = 3, "utf-8";
  if (len >= 2 && d[0] == 0xFE && d[1] == 0xFF)
    return *bom_len = 2, "utf-16be";
  if (len >= 2 && d[0] == 0xFF && d[1] == 0xFE)
    return *bom_len = 2, "utf-16le";
  *bom_len = 0;
  return NULL;
}

/* "<?xml" in a wide encoding, without a BOM */
static const char *
detect_wide (const guchar *d, gsize len)
{
  if (len < 4)
    return NULL;
  if (d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] == '<')
    return "utf-32be";
  if (d[0] == '<' && d[1] == 0 && d[2] == 0 && d[3] == 0)
    return "utf-32le";
  if (d[0] == 0 && d[1] == '<' && d[2] == 0 && d[3] == '?')
    return "utf-16be";
  if (d[0] == '<' && d[1] == 0 && d[2] == '?' && d[3] == 0)
    return "utf-16le";
  return NULL;
}

/* encoding="…" in an XML declaration written in ASCII-compatible bytes. */
static char *
declared_xml_encoding (const char *d, gsize len)
{
  const char *end, *p, *q;
  char quote;

  if (len < 6 || strncmp (d, "<?xml", 5) != 0)
    return NULL;
  len = MIN (len, 512);
  end = memchr (d, '>', len);
  if (end == NULL)
    return NULL;
  p = g_strstr_len (d, end - d, "encoding");
  if (p == NULL)
    return NULL;
  p += strlen ("encoding");
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  if (p >= end || *p != '=')
    return NULL;
  p++;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  if (p >= end || (*p != '"' && *p != '\''))
    return NULL;
  quote = *p++;
  q = memchr (p, quote, end - p);
  if (q == NULL || q == p || q - p > 40)
    return NULL;
  {
    g_autofree char *label = g_strndup (p, q - p);
    return clip_charset_canonical (label);
  }
}

char *
clip_charset_detect_xml (const char        *data,
                         gsize              len,
                         const char        *content_type,
                         ClipCharsetSource *source,
                         gsize             *bom_len)
{
  const guchar *d = (const guchar *) data;
  const char *bom = detect_bom (d, len, bom_len);
  const char *wide;
  char *http, *decl;

  if (bom != NULL)
    {
      *source = CLIP_CHARSET_BOM;
      return g_strdup (bom);
    }
  http = clip_charset_from_content_type (content_type);
  if (http != NULL)
    {
      *source = CLIP_CHARSET_HTTP;
      return http;
    }
  wide = detect_wide (d, len);
  if (wide != NULL)
    {
      /* Whatever the declaration names, these bytes are this wide
       * encoding: it can only name the family ("utf-16") or be wrong. */
      *source = CLIP_CHARSET_DECLARATION;
      return g_strdup (wide);
    }
  decl = declared_xml_encoding (data, len);
  if (decl != NULL)
    {
      *source = CLIP_CHARSET_DECLARATION;
      return decl;
    }
  *source = CLIP_CHARSET_DEFAULT;
  return g_strdup ("utf-8");
}

/* <meta charset="…"> or <meta http-equiv="Content-Type" content="…charset=…"> */
static char *
declared_html_encoding (const char *d, gsize len)
{
  g_autofree char *head = g_ascii_strdown (d, MIN (len, 2048));
  const char *p = head;

  while ((p = strstr (p, "<meta")) != NULL)
    {
      const char *end = strchr (p, '>');
      const char *cs;

      if (end == NULL)
        break;
      cs = g_strstr_len (p, end - p, "charset");
      if (cs != NULL)
        {
          const char *v = cs + strlen ("charset");
          gsize n;

          while (v < end && (*v == ' ' || *v == '='))
            v++;
          while (v < end && (*v == '"' || *v == '\''))
            v++;
          n = strcspn (v, "\"' ;/>");
          if (n > 0 && n < 40)
            {
              g_autofree char *label = g_strndup (v, n);
              return clip_charset_canonical (label);
            }
        }
      p = end;
    }
  return NULL;
}

char *
clip_charset_detect_html (const char        *data,
                          gsize              len,
                          const char        *content_type,
                          ClipCharsetSource *source,
                          gsize             *bom_len)
{
  const char *bom = detect_bom ((const guchar *) data, len, bom_len);
  char *found;

  if (bom != NULL)
    {
      *source = CLIP_CHARSET_BOM;
      return g_strdup (bom);
    }
  if ((found = clip_charset_from_content_type (content_type)) != NULL)
    {
      *source = CLIP_CHARSET_HTTP;
      return found;
    }
  if ((found = declared_html_encoding (data, len)) != NULL)
    {
      *source = CLIP_CHARSET_DECLARATION;
      return found;
    }
  *source = CLIP_CHARSET_DEFAULT;
  return g_strdup ("utf-8");
}

const char *
clip_charset_sniff_legacy (const char *data, gsize len)
{
  const guchar *d = (const guchar *) data;
  gsize high = 0, letters = 0, paired = 0, lower_1251 = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (d[i] < 0x80)
        continue;
      high++;
      if (d[i] >= 0xC0)
        {
          letters++;
          if (d[i] >= 0xE0)
            lower_1251++;
          if (i + 1 < len && d[i + 1] >= 0xC0)
            paired++;
        }
    }
  /* Cyrillic words are runs of high bytes; Latin-1 accents stand alone. */
  if (letters >= 4 && letters * 10 >= high * 7 && paired * 2 >= letters)
    return lower_1251 * 2 >= letters ? "windows-1251" : "koi8-r";
  return "windows-1252";
}

/* A Cyrillic letter's case in windows-1251 or KOI8-R: 0 not a letter,
 * 1 lower case, 2 capital. The two put the cases in each other's place. */
static int
cyrillic_case (guchar c, gboolean koi8)
{
  if (c >= 0xC0)
    return (c >= 0xE0) != koi8 ? 1 : 2;
  if (c == (koi8 ? 0xA3 : 0xB8))   /* ё */
    return 1;
  if (c == (koi8 ? 0xB3 : 0xA8))   /* Ё */
    return 2;
  return 0;
}

/* Read the wrong way, windows-1251 and KOI8-R text is mostly capitals,
 * and a capitalised word becomes a small letter followed by capitals
 * ("Новости" → "оНОВОСТИ"); text really in capitals has no such words. */
static gboolean
cyrillic_swapped (const guchar *d, gsize len, gboolean koi8)
{
  gsize letters = 0, capitals = 0, lower_upper = 0, upper_lower = 0;
  int prev = 0;

  for (gsize i = 0; i < len; i++)
    {
      int c = d[i] >= 0x80 ? cyrillic_case (d[i], koi8) : 0;

      letters += c != 0;
      capitals += c == 2;
      lower_upper += prev == 1 && c == 2;
      upper_lower += prev == 2 && c == 1;
      prev = c;
    }
  return letters >= 20 && capitals * 10 >= letters * 7 && lower_upper > upper_lower;
}

const char *
clip_charset_contradicted (const char *data,
                           gsize       len,
                           const char *charset)
{
  const guchar *d = (const guchar *) data;
  gboolean high = FALSE;

  if (strcmp (charset, "utf-8") == 0)
    return NULL;
  for (gsize i = 0; i < len && !high; i++)
    high = d[i] >= 0x80;
  if (!high)
    return NULL;   /* ASCII: every label reads it the same */
  /* Text in any other encoding is almost never valid UTF-8 as well: its
   * letters above 0x7F would have to fall into UTF-8's sequences. (Markup
   * in UTF-16 or UTF-32 has NUL bytes, which this refuses.) */
  if (g_utf8_validate_len (data, len, NULL))
    return "utf-8";
  if (strcmp (charset, "windows-1251") == 0 && cyrillic_swapped (d, len, FALSE))
    return "koi8-r";
  if (strcmp (charset, "koi8-r") == 0 && cyrillic_swapped (d, len, TRUE))
    return "windows-1251";
  return NULL;
}

/* windows-1252 as browsers read it (also for "iso-8859-1"): the 0x80-0x9F
 * block holds typographic quotes and dashes, not control characters. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *
decode_cp1252 (const guchar *d, gsize len, gsize *out_len)
{
  GString *out = g_string_sized_new (len + len / 4 + 1);

  for (gsize i = 0; i < len; i++)
    {
      if (d[i] < 0x80)
        g_string_append_c (out, (char) d[i]);
      else
        g_string_append_unichar (out, d[i] < 0xA0 ? cp1252_high[d[i] - 0x80] : d[i]);
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

static char *
decode_utf8 (const char *d, gsize len, gsize *out_len, gsize *n_invalid)
{
  const char *end;
  GString *out;

  if (g_utf8_validate_len (d, len, &end))
    {
      *out_len = len;
      return g_strndup (d, len);
    }
  out = g_string_sized_new (len + 16);
  while (len > 0)
    {
      if (g_utf8_validate_len (d, len, &end))
        {
          g_string_append_len (out, d, len);
          break;
        }
      g_string_append_len (out, d, end - d);
      len -= end - d;
      d = end;
      if (*d == '\0')
        {
          /* A NUL is valid UTF-8 but never text. */
          g_string_append_unichar (out, 0xFFFD);
        }
      else
        {
          g_string_append_unichar (out, 0xFFFD);
          (*n_invalid)++;
        }
      d++;
      len--;
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

static const char *
iconv_name (const char *charset)
{
  if (strcmp (charset, "utf-16") == 0)
    return "UTF-16BE";
  if (strcmp (charset, "utf-32") == 0)
    return "UTF-32BE";
  if (strcmp (charset, "georgian-ps") == 0)
    return "GEORGIAN-PS";
  return charset;
}

static char *
decode_iconv (GIConv cd, const char *d, gsize len, gsize *out_len, gsize *n_invalid)
{
  GString *out = g_string_sized_new (len * 2 + 16);
  char *in = (char *) d;
  gsize in_left = len;

  while (TRUE)
    {
      char buf[8192];
      char *o = buf;
      gsize o_left = sizeof buf;
      gsize r = g_iconv (cd, in_left > 0 ? &in : NULL, &in_left, &o, &o_left);

      g_string_append_len (out, buf, o - buf);
      if (r != (gsize) -1)
        {
          if (in_left == 0)
            {
              /* flush any shift state */
              o = buf;
              o_left = sizeof buf;
              g_iconv (cd, NULL, NULL, &o, &o_left);
              g_string_append_len (out, buf, o - buf);
              break;
            }
          continue;
        }
      if (errno == E2BIG)
        continue;
      /* EILSEQ, or EINVAL: a sequence cut short at the end */
      g_string_append_unichar (out, 0xFFFD);
      (*n_invalid)++;
      in++;
      in_left--;
      g_iconv (cd, NULL, NULL, NULL, NULL);
      if (in_left == 0)
        break;
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

char *
clip_charset_to_utf8 (const char  *data,
                      gsize        len,
                      const char  *charset,
                      gsize       *out_len,
                      gsize       *n_invalid,
                      GError     **error)
{
  GIConv cd;
  char *out;
  gsize dummy_len, dummy_invalid;

  out_len = out_len ? out_len : &dummy_len;
  n_invalid = n_invalid ? n_invalid : &dummy_invalid;
  *n_invalid = 0;
  if (strcmp (charset, "utf-8") == 0)
    return decode_utf8 (data, len, out_len, n_invalid);
  if (strcmp (charset, "us-ascii") == 0)
    {
      char *s = decode_utf8 (data, len, out_len, n_invalid);

      for (gsize i = 0; i < len; i++)
        if ((guchar) data[i] >= 0x80)
          {
            (*n_invalid)++;
            break;
          }
      return s;
    }
  if (strcmp (charset, "windows-1252") == 0 || strcmp (charset, "iso-8859-1") == 0)
    return decode_cp1252 ((const guchar *) data, len, out_len);

  cd = g_iconv_open ("UTF-8", iconv_name (charset));
  if (cd == (GIConv) -1)
    {
      g_set_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION,
                   _("The encoding “%s” is not known"), charset);
      return NULL;
    }
  out = decode_iconv (cd, data, len, out_len, n_invalid);
  g_iconv_close (cd);
  return out;
}
