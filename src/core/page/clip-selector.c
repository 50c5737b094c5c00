/* clip-selector.c — a CSS subset compiled to XPath 1.0
 *
 * A small recursive-descent reader: a selector list is compound selectors
 * joined by combinators; each compound becomes one XPath step with
 * predicates. Element names are compared lower-case, as libxml2's HTML
 * parser stores them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-selector.h"

#include <glib/gi18n-lib.h>
#include <libxml/xpath.h>
#include <string.h>

/* Selectors longer than this are refused: no analyst writes one, and
 * the XPath grows with it. */
#define MAX_SELECTOR 4096

G_DEFINE_QUARK (clip-selector-error-quark, clip_selector_error)

typedef struct {
  const char *s;
  const char *p;
  GString    *out;
  GError    **error;
} Reader;

gboolean
clip_selector_is_xpath (const char *selector)
{
  while (selector && g_ascii_isspace (*selector))
    selector++;
  return selector && (selector[0] == '/' || selector[0] == '(' ||
                      (selector[0] == '.' && selector[1] == '/'));
}

static gboolean
fail (Reader *r, const char *what)
{
  g_set_error (r->error, CLIP_SELECTOR_ERROR, CLIP_SELECTOR_ERROR_INVALID,
               _("Not a selector Clippings reads: %s at character %d"),
               what, (int) g_utf8_strlen (r->s, r->p - r->s) + 1);
  return FALSE;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || (guchar) c >= 0x80;
}

/* A CSS identifier (escapes are not in the subset). */
static char *
read_name (Reader *r)
{
  const char *start = r->p;

  while (is_name_char (*r->p))
    r->p++;
  return r->p > start ? g_strndup (start, r->p - start) : NULL;
}

/* An XPath string literal of value: quoted with whichever quote it lacks,
 * or a concat() of pieces when it has both. */
static void
append_literal (GString *out, const char *value)
{
  if (strchr (value, '\'') == NULL)
    g_string_append_printf (out, "'%s'", value);
  else if (strchr (value, '"') == NULL)
    g_string_append_printf (out, "\"%s\"", value);
  else
    {
      g_auto(GStrv) parts = g_strsplit (value, "'", -1);

      g_string_append (out, "concat(");
      for (guint i = 0; parts[i]; i++)
        g_string_append_printf (out, "%s'%s'", i ? ", \"'\", " : "", parts[i]);
      g_string_append (out, ")");
    }
}

static char *
read_value (Reader *r)
{
  if (*r->p == '"' || *r->p == '\'')
    {
      char quote = *r->p++;
      const char *start = r->p;

      while (*r->p && *r->p != quote)
        r->p++;
      if (*r->p != quote)
        return fail (r, _("an unclosed quote")), NULL;
      r->p++;
      return g_strndup (start, r->p - 1 - start);
    }
  return read_name (r);
}

/* [attr], [attr=v], [attr*=v], [attr^=v], [attr$=v], [attr~=v] */
static gboolean
read_attribute (Reader *r)
{
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  g_autofree char *lower = NULL;
  char op = 0;

  r->p++;
  while (*r->p == ' ')
    r->p++;
  if ((name = read_name (r)) == NULL)
    return fail (r, _("an attribute name is missing"));
  lower = g_ascii_strdown (name, -1);
  while (*r->p == ' ')
    r->p++;
  if (strchr ("*^$~", *r->p) && *r->p && r->p[1] == '=')
    op = *r->p++;
  if (*r->p == '=')
    {
      op = op ? op : '=';
      r->p++;
      while (*r->p == ' ')
        r->p++;
      if ((value = read_value (r)) == NULL)
        return r->error && *r->error ? FALSE : fail (r, _("a value is missing"));
      while (*r->p == ' ')
        r->p++;
    }
  if (*r->p != ']')
    return fail (r, _("“]” is missing"));
  r->p++;
  g_string_append (r->out, "[");
  /* CSS: a substring test against "" matches nothing */
  if (op != 0 && op != '=' && *value == '\0')
    op = 'f';
  switch (op)
    {
    case 0:
      g_string_append_printf (r->out, "@%s", lower);
      break;
    case '=':
      g_string_append_printf (r->out, "@%s=", lower);
      append_literal (r->out, value);
      break;
    case '*':
      g_string_append_printf (r->out, "contains(@%s,", lower);
      append_literal (r->out, value);
      g_string_append (r->out, ")");
      break;
    case '^':
      g_string_append_printf (r->out, "starts-with(@%s,", lower);
      append_literal (r->out, value);
      g_string_append (r->out, ")");
      break;
    case '$':
      g_string_append_printf (r->out, "substring(@%s,string-length(@%s)-%u)=", lower, lower,
                              (guint) strlen (value) - 1);
      append_literal (r->out, value);
      break;
    case 'f':
      g_string_append (r->out, "false()");
      break;
    default: /* ~ : one of the words */
      {
        g_autofree char *padded = g_strdup_printf (" %s ", value);

        g_string_append_printf (r->out, "contains(concat(' ',normalize-space(@%s),' '),", lower);
        append_literal (r->out, padded);
        g_string_append (r->out, ")");
      }
    }
  g_string_append (r->out, "]");
  return TRUE;
}

/* One compound selector: an optional type, then .class, #id and [attr]
 * in any order. FALSE (and the error) when there is none. */
static gboolean
read_compound (Reader *r)
{
  g_autofree char *type = NULL;
  gboolean any = FALSE;

  if (*r->p == '*')
    {
      r->p++;
      any = TRUE;
    }
  else if ((type = read_name (r)) != NULL)
    any = TRUE;
  if (type)
    {
      g_autofree char *lower = g_ascii_strdown (type, -1);

      g_string_append (r->out, lower);
    }
  else
    g_string_append (r->out, "*");
  for (;;)
    {
      g_autofree char *name = NULL;

      if (*r->p == '.' || *r->p == '#')
        {
          char kind = *r->p++;

          if ((name = read_name (r)) == NULL)
            return fail (r, kind == '.' ? _("a class name is missing") : _("an id is missing"));
          if (kind == '#')
            {
              g_string_append (r->out, "[@id=");
              append_literal (r->out, name);
              g_string_append (r->out, "]");
            }
          else
            {
              g_autofree char *padded = g_strdup_printf (" %s ", name);

              g_string_append (r->out, "[contains(concat(' ',normalize-space(@class),' '),");
              append_literal (r->out, padded);
              g_string_append (r->out, ")]");
            }
        }
      else if (*r->p == '[')
        {
          if (!read_attribute (r))
            return FALSE;
        }
      else
        break;
      any = TRUE;
    }
  return any ? TRUE : fail (r, _("an element, class, id or attribute is expected"));
}

/* compound (combinator compound)* up to a "," or the end */
static gboolean
read_complex (Reader *r)
{
  g_string_append (r->out, "//");
  if (!read_compound (r))
    return FALSE;
  for (;;)
    {
      gboolean space = FALSE;

      while (g_ascii_isspace (*r->p))
        {
          space = TRUE;
          r->p++;
        }
      if (*r->p == '\0' || *r->p == ',')
        return TRUE;
      if (*r->p == '>')
        {
          r->p++;
          while (g_ascii_isspace (*r->p))
            r->p++;
          g_string_append (r->out, "/");
        }
      else if (space)
        g_string_append (r->out, "//");
      else
        return fail (r, _("an unexpected character"));
      if (!read_compound (r))
        return FALSE;
    }
}

static gboolean
check_xpath (const char *xpath, GError **error)
{
  xmlXPathCompExprPtr comp;

  comp = xmlXPathCompile ((const xmlChar *) xpath);
  if (comp == NULL)
    {
      g_set_error (error, CLIP_SELECTOR_ERROR, CLIP_SELECTOR_ERROR_INVALID,
                   _("Not an XPath expression libxml2 reads: “%s”"), xpath);
      return FALSE;
    }
  xmlXPathFreeCompExpr (comp);
  return TRUE;
}

static void
quiet_errors (void *data, const xmlError *error)
{
  (void) data;
  (void) error;
}

char *
clip_selector_to_xpath (const char *selector, GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *trimmed = NULL;
  Reader r;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (selector == NULL || strlen (selector) > MAX_SELECTOR)
    {
      g_set_error (error, CLIP_SELECTOR_ERROR, CLIP_SELECTOR_ERROR_INVALID,
                   _("A selector is at most %d characters"), MAX_SELECTOR);
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (selector));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, CLIP_SELECTOR_ERROR, CLIP_SELECTOR_ERROR_INVALID,
                           _("The selector is empty"));
      return NULL;
    }
  if (clip_selector_is_xpath (trimmed))
    {
      gboolean ok;

      /* libxml2 prints compile errors to stderr by default. */
      xmlSetStructuredErrorFunc (NULL, (xmlStructuredErrorFunc) quiet_errors);
      ok = check_xpath (trimmed, error);
      xmlSetStructuredErrorFunc (NULL, NULL);
      return ok ? g_steal_pointer (&trimmed) : NULL;
    }
  r.s = r.p = trimmed;
  r.out = out;
  r.error = error;
  for (;;)
    {
      if (!read_complex (&r))
        return NULL;
      if (*r.p == '\0')
        break;
      r.p++; /* "," */
      while (g_ascii_isspace (*r.p))
        r.p++;
      g_string_append (out, " | ");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
