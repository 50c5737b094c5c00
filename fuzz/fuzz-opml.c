/* fuzz-opml.c — OPML: any bytes give outlets or an error; what is read
 * is written back (export-opml) and read again (import-opml) the same
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"
#include "clip-opml.h"
#include "clip-outlet.h"

#include <string.h>

static int
compare (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The outlets' addresses, sorted. */
static GPtrArray *
urls (GPtrArray *outlets)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < outlets->len; i++)
    g_ptr_array_add (out, ((ClipOutlet *) g_ptr_array_index (outlets, i))->url);
  g_ptr_array_sort (out, compare);
  return out;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = clip_opml_parse ((const char *) data, size, &error);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *xml = NULL;

  if (outlets == NULL)
    {
      FUZZ_CHECK (error != NULL, "no outlets and no error");
      return 0;
    }
  for (guint i = 0; i < outlets->len; i++)
    {
      const ClipOutlet *o = g_ptr_array_index (outlets, i);

      FUZZ_CHECK (o->url != NULL && *o->url != '\0', "an outlet without an address");
      fuzz_check_utf8 ("url", o->url);
      fuzz_check_utf8 ("name", o->name);
      fuzz_check_utf8 ("group", o->group);
    }
  xml = clip_opml_write (outlets, NULL);
  again = clip_opml_parse (xml, strlen (xml), &error);
  FUZZ_CHECK (again != NULL, "its own OPML refused: %s", error ? error->message : "");
  FUZZ_CHECK (again->len == outlets->len, "%u outlets written, %u read back", outlets->len, again->len);
  /* Written by group, so in another order: compared as sets. */
  {
    g_autoptr(GPtrArray) before = urls (outlets);
    g_autoptr(GPtrArray) after = urls (again);

    for (guint i = 0; i < before->len; i++)
      FUZZ_CHECK (strcmp (before->pdata[i], after->pdata[i]) == 0, "“%s” read back as “%s”",
                  (char *) before->pdata[i], (char *) after->pdata[i]);
  }
  return 0;
}
