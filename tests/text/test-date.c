/* test-date.c — dates as feeds write them (clip-date.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-article.h"
#include "clip-date.h"
#include "clip-test-util.h"

#include <string.h>

static char *
iso (gint64 t)
{
  g_autoptr(GDateTime) dt = NULL;

  if (t == CLIP_NO_DATE)
    return g_strdup ("INVALID");
  dt = g_date_time_new_from_unix_utc (t);
  g_assert_nonnull (dt);
  /* %Y would write year 99 as "99" */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (dt), g_date_time_get_month (dt),
                          g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt), g_date_time_get_second (dt));
}

static void
assert_date (const char *text, const char *expected)
{
  g_autofree char *got = iso (clip_date_parse (text, -1));

  if (g_strcmp0 (got, expected) != 0)
    g_error ("“%s”: expected %s, got %s", text, expected, got);
}

static void
test_rfc822 (void)
{
  assert_date ("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z");
  assert_date ("Sat, 07 Sep 2002 00:00:01 -0500", "2002-09-07T05:00:01Z");
  assert_date ("Tue, 10 Jun 2003 04:00:00 EDT", "2003-06-10T08:00:00Z");
  assert_date ("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z");
  assert_date ("Mon, 13 Feb, 2012 06:28:00 UTC", "2012-02-13T06:28:00Z");
  assert_date ("Fri,24 Nov 2023 18:28:36 -0000", "2023-11-24T18:28:36Z");
  assert_date ("Thu Aug 30 2012 17:26:16 +0200", "2012-08-30T15:26:16Z");
  assert_date ("Mon, 26 January 2004 16:31:00 PT", "2004-01-27T00:31:00Z");
  assert_date ("Wed, 19 Feb 2012 22:40:00 GMT-01:01", "2012-02-19T23:41:00Z");
  assert_date ("Thu, 01 Jan 2004", "2004-01-01T00:00:00Z");
  assert_date ("Sun, 99 Jun 2009 12:00:00 GMT", "INVALID");
  assert_date ("Sun, 16 Dec 2012 1:2:3:4 GMT", "INVALID");
  assert_date ("Sun, 16 zzz 2012 11:47:32 GMT", "INVALID");
  assert_date ("Sat, 29 Feb 2003 10:00:00 GMT", "INVALID");
}

static void
test_w3cdtf (void)
{
  assert_date ("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z");
  assert_date ("2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55Z");
  assert_date ("2007-04-23T23:25:47.538+10:00", "2007-04-23T13:25:47Z");
  assert_date ("2003-12-31", "2003-12-31T00:00:00Z");
  assert_date ("2003-12", "2003-12-01T00:00:00Z");
  assert_date ("2003", "2003-01-01T00:00:00Z");
  assert_date ("20031231T101455Z", "2003-12-31T10:14:55Z");
  assert_date ("2003-335", "2003-12-01T00:00:00Z");
  assert_date ("2004-07-08 23:56:58 -00:20", "2004-07-09T00:16:58Z");
  assert_date ("2003-12-31T25:14:55Z", "INVALID");
  assert_date ("2013-01-27-01", "INVALID");
  assert_date ("2013-01-28T11:30:00-06:00Textra", "INVALID");
  assert_date ("22013", "INVALID");
}

static void
test_other_forms (void)
{
  /* asctime and Unix timestamps */
  assert_date ("Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z");
  assert_date ("1700000000", "2023-11-14T22:13:20Z");
  assert_date ("1700000000123", "2023-11-14T22:13:20Z");
  /* What Georgian outlets write */
  assert_date ("18-10-2019 18:45 +0400", "2019-10-18T14:45:00Z");
  assert_date ("16 June, 2017 16:50", "2017-06-16T16:50:00Z");
  assert_date ("27 November 2024, 00:32", "2024-11-27T00:32:00Z");
  assert_date ("16 ივნისი, 2017 16:50", "2017-06-16T16:50:00Z");
  assert_date ("27 ноября 2024, 00:32", "2024-11-27T00:32:00Z");
  assert_date ("18.10.2019 18:45", "2019-10-18T18:45:00Z");
  assert_date ("Oct 18, 2019 6:45 PM", "2019-10-18T18:45:00Z");
  /* Never 1970, never now */
  assert_date ("", "INVALID");
  assert_date ("   ", "INVALID");
  assert_date ("yesterday", "INVALID");
  assert_date ("0", "INVALID");
  assert_date ("Thu, 01 Jan 2004 19:48:21 GMT and more", "INVALID");
  g_assert_cmpint (clip_date_parse (NULL, -1), ==, CLIP_NO_DATE);
  g_assert_cmpint (clip_date_parse ("2004-01-01garbage", 10), ==,
                   clip_date_parse ("2004-01-01", -1));
}

/* Runs of digits longer than any date form: no date, and no signed
 * overflow adding them up (UBSan stopped the suite on 20 digits). */
static void
test_long_numbers (void)
{
  assert_date ("1700000000", "2023-11-14T22:13:20Z");
  assert_date ("1700000000123", "2023-11-14T22:13:20Z");
  assert_date ("1700000000.5", "2023-11-14T22:13:20Z");
  assert_date ("17000000001234", "INVALID");
  assert_date ("12345678901234567890", "INVALID");
  assert_date ("99999999999999999999999999999999.9", "INVALID");
  assert_date ("2024-01-0199999999999999999999", "INVALID");
  assert_date ("Thu, 01 Jan 99999999999999999999 19:48:21 GMT", "INVALID");
  assert_date ("99999999999999999999:00", "INVALID");
  assert_date ("2003-12-31T10:14:55.99999999999999999999Z", "2003-12-31T10:14:55Z");
}

static char *
unescape_tsv (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s; s++)
    {
      if (*s == '\\' && s[1])
        {
          s++;
          g_string_append_c (out, *s == 't' ? '\t' : *s == 'n' ? '\n' : *s == 'r' ? '\r' : *s);
        }
      else
        g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

/* feedparser's date vectors: at least 95% right, and every INVALID one
 * gives no date. */
static void
test_feedparser_vectors (void)
{
  g_autofree char *path = clip_test_shared_path ("corpus/feedparser/DATES.tsv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0, passed = 0, invalid_wrong = 0;

  if (path == NULL)
    return;
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", 4);
      g_autofree char *input = NULL;
      g_autofree char *got = NULL;

      if (g_strv_length (cols) < 3)
        continue;
      input = unescape_tsv (cols[1]);
      got = iso (clip_date_parse (input, -1));
      total++;
      if (strcmp (got, cols[2]) == 0)
        passed++;
      else
        {
          g_test_message ("DATES.tsv [%s] “%s”: expected %s, got %s",
                          cols[0], input, cols[2], got);
          if (strcmp (cols[2], "INVALID") == 0)
            invalid_wrong++;
        }
    }
  g_printerr ("# DATES.tsv: %u/%u (%.1f%%)\n", passed, total, 100.0 * passed / total);
  g_assert_cmpuint (total, >=, 70);
  g_assert_cmpuint (invalid_wrong, ==, 0);
  g_assert_cmpfloat (100.0 * passed / total, >=, 95.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/rfc822", test_rfc822);
  g_test_add_func ("/date/w3cdtf", test_w3cdtf);
  g_test_add_func ("/date/other-forms", test_other_forms);
  g_test_add_func ("/date/long-numbers", test_long_numbers);
  g_test_add_func ("/date/feedparser-vectors", test_feedparser_vectors);
  return g_test_run ();
}
