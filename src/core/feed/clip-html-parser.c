/* clip-html-parser.c — libxml2's HTML parser as the sanitiser and the
 * reading view's document (clip-html-doc.c) both run it: UTF-8 in with no
 * converter, no network, no implied <html><body>, messages silenced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-html-private.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <string.h>

static void
on_error (void *ctx, const char *msg, ...)
{
}

void
clip_html_init_libxml (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      g_once_init_leave (&done, 1);
    }
}

htmlParserCtxtPtr
clip_html_parser_new (startElementSAXFunc start,
                      endElementSAXFunc   end,
                      charactersSAXFunc   characters,
                      gpointer            user_data)
{
  htmlParserCtxtPtr ctxt;
  xmlSAXHandler sax;

  clip_html_init_libxml ();
  memset (&sax, 0, sizeof sax);
  sax.startElement = start;
  sax.endElement = end;
  sax.characters = characters;
  sax.ignorableWhitespace = characters;
  sax.warning = on_error;
  sax.error = on_error;
  sax.fatalError = on_error;
  ctxt = htmlNewParserCtxt ();
  g_assert (ctxt != NULL);
  memcpy (ctxt->sax, &sax, sizeof sax);
  ctxt->_private = user_data;
  return ctxt;
}

/* htmlCtxtReadMemory() with "UTF-8" would pass the fragment through a
 * UTF-8 to UTF-8 converter; the bytes are UTF-8 already, so the input is
 * set up as such, with no converter. (Not a static buffer: libxml2 2.9
 * misreads long fragments from one.) Always UTF-8: a <meta charset> in the
 * fragment is ignored. */
void
clip_html_parser_run (htmlParserCtxtPtr ctxt,
                      const char       *utf8,
                      gsize             len)
{
  xmlParserInputBufferPtr buf;
  xmlParserInputPtr input;

  htmlCtxtReset (ctxt);
  buf = xmlParserInputBufferCreateMem (utf8, (int) len, XML_CHAR_ENCODING_UTF8);
  if (buf == NULL)
    return;
  input = xmlNewIOInputStream (ctxt, buf, XML_CHAR_ENCODING_UTF8);
  if (input == NULL)
    {
      xmlFreeParserInputBuffer (buf);
      return;
    }
  inputPush (ctxt, input);
  htmlCtxtUseOptions (ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT |
                            HTML_PARSE_IGNORE_ENC);
  htmlParseDocument (ctxt);
}
