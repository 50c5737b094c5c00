/* test-text.c — word cutting and folding (RULES.md "Words")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-input.h"
#include "clip-text.h"
#include "clip-text-safe.h"
#include "clip-test-util.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include <string.h>

typedef struct {
  GPtrArray *words;
  GArray    *starts;
  GArray    *ends;
} Collected;

static gboolean
collect (const ClipToken *tok, gpointer data)
{
  Collected *c = data;

  g_assert_cmpuint (strlen (tok->folded), ==, tok->folded_len);
  g_assert_cmpuint (tok->position, ==, c->words->len);
  g_ptr_array_add (c->words, g_strdup (tok->folded));
  g_array_append_val (c->starts, tok->start);
  g_array_append_val (c->ends, tok->end);
  return TRUE;
}

static Collected *
tokenize (const char *text)
{
  Collected *c = g_new0 (Collected, 1);

  c->words = g_ptr_array_new_with_free_func (g_free);
  c->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  c->ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  clip_text_tokenize (text, -1, collect, c);
  return c;
}

static void
collected_free (Collected *c)
{
  g_ptr_array_unref (c->words);
  g_array_unref (c->starts);
  g_array_unref (c->ends);
  g_free (c);
}

static void
assert_fold (const char *text, const char *expected)
{
  g_autofree char *folded = clip_text_fold (text, -1);
  g_assert_cmpstr (folded, ==, expected);
}

static void
test_basic_words (void)
{
  assert_fold ("Russian interference - Jens Stoltenberg",
               "russian interference jens stoltenberg");
  assert_fold ("don't stop", "don t stop");
  assert_fold ("COVID-19 in 2024!", "covid 19 in 2024");
  assert_fold ("", "");
  assert_fold ("  ... !!! ", "");
}

static void
test_diacritics_and_case (void)
{
  assert_fold ("Interférence", "interference");
  assert_fold ("ÉCOLE naïve Ångström", "ecole naive angstrom");
  assert_fold ("Россия РОССИЯ россия", "россия россия россия");
  /* й decomposes to и + breve; the mark goes, as RULES.md asks. */
  assert_fold ("Йошкар", "иошкар");
  assert_fold ("ΣΟΦΟΣ σοφος", "σοφοσ σοφοσ");
  assert_fold ("ﬁnance", "finance");
  assert_fold ("Ｆｕｌｌｗｉｄｔｈ", "fullwidth");
}

static void
test_georgian (void)
{
  /* Mkhedruli is caseless; all-caps Mtavruli folds to it. */
  assert_fold ("რუსეთი", "რუსეთი");
  assert_fold ("ᲠᲣᲡᲔᲗᲘ", "რუსეთი");
  assert_fold ("საქართველო, თბილისი", "საქართველო თბილისი");
  assert_fold ("Հայաստան", "հայաստան");
}

static void
test_offsets (void)
{
  const char *text = "Ab, Россия — ᲠᲣᲡᲔᲗᲘ.";
  Collected *c = tokenize (text);

  g_assert_cmpuint (c->words->len, ==, 3);
  for (guint i = 0; i < c->words->len; i++)
    {
      gsize s = g_array_index (c->starts, gsize, i);
      gsize e = g_array_index (c->ends, gsize, i);
      g_autofree char *piece = g_strndup (text + s, e - s);
      g_autofree char *refold = clip_text_fold (piece, -1);

      /* Each span is exactly the word in the source. */
      g_assert_cmpstr (refold, ==, g_ptr_array_index (c->words, i));
      g_assert_true (g_utf8_validate (piece, -1, NULL));
    }
  g_assert_cmpuint (g_array_index (c->starts, gsize, 0), ==, 0);
  g_assert_cmpuint (g_array_index (c->ends, gsize, 0), ==, 2);
  g_assert_cmpuint (g_array_index (c->starts, gsize, 1), ==, 4);
  g_assert_cmpuint (g_array_index (c->ends, gsize, 1), ==, 4 + strlen ("Россия"));
  collected_free (c);
}

static void
test_invalid_utf8 (void)
{
  const char bad[] = "ab\xff\xfe" "cd\xc3" "ef\xe2\x82" "\xf4\x90\x80\x80 gh";
  g_autofree char *folded = clip_text_fold (bad, sizeof bad - 1);

  /* Invalid bytes separate words and are never read past the end. */
  g_assert_cmpstr (folded, ==, "ab cd ef gh");
  g_assert_cmpuint (clip_text_count_words ("a\xc3", 2), ==, 1);
}

static void
test_long_word (void)
{
  g_autofree char *longw = g_strnfill (1000, 'x');
  g_autofree char *text = g_strconcat ("ა", longw, " b", NULL);
  Collected *c = tokenize (text);

  g_assert_cmpuint (c->words->len, ==, 2);
  g_assert_cmpuint (strlen (g_ptr_array_index (c->words, 0)), <=, CLIP_TEXT_MAX_WORD);
  /* The span still covers the whole word. */
  g_assert_cmpuint (g_array_index (c->ends, gsize, 0), ==, strlen ("ა") + 1000);
  collected_free (c);
}

static void
test_marks_and_numbers (void)
{
  /* Combining marks belong to words (and fold away); other numbers too. */
  assert_fold ("e\xcc\x81te", "ete");
  assert_fold ("٣٤ ½", "٣٤ 12");
  g_assert_true (clip_text_is_word_char (0x0301));
  g_assert_false (clip_text_is_word_char ('-'));
  g_assert_false (clip_text_is_word_char (0x2014));
}

static gboolean
stop_after_two (const ClipToken *tok, gpointer data)
{
  return ++(*(guint *) data) < 2;
}

static void
test_stop (void)
{
  guint n = 0;

  clip_text_tokenize ("one two three four", -1, stop_after_two, &n);
  g_assert_cmpuint (n, ==, 2);
}

#define FFFD "\xef\xbf\xbd"

/* Terminal output: what a terminal acts on becomes U+FFFD or goes, the
 * rest (any script, right-to-left too) stays. */
static void
test_terminal (void)
{
  const struct { const char *in, *field, *lines; } cases[] = {
    { "plain ASCII", "plain ASCII", "plain ASCII" },
    { "\x1b[2J\x1b[31mred", FFFD "[2J" FFFD "[31mred", FFFD "[2J" FFFD "[31mred" },
    { "\x1b]0;title\x07x", FFFD "]0;title" FFFD "x", FFFD "]0;title" FFFD "x" },
    { "C1 \xc2\x9b" "31m, \xc2\x9d" "0;t\xc2\x9c", "C1 " FFFD "31m, " FFFD "0;t" FFFD,
      "C1 " FFFD "31m, " FFFD "0;t" FFFD },
    { "raw \x9b" "31m", "raw " FFFD "31m", "raw " FFFD "31m" },
    { "del\x7f bs\b cr\r", "del" FFFD " bs" FFFD " cr ", "del" FFFD " bs" FFFD " cr " },
    { "a\tb\nc", "a b c", "a\tb\nc" },
    { "\xe2\x80\xae" "gpj.exe", "gpj.exe", "gpj.exe" },
    { "\xe2\x80\xaa" "a\xe2\x80\xac \xe2\x81\xa6" "b\xe2\x81\xa9", "a b", "a b" },
    { "Грузия ქართული עברית العربية", "Грузия ქართული עברית العربية",
      "Грузия ქართული עברית العربية" },
    { "marks \xe2\x80\x8f\xe2\x80\x8e kept", "marks \xe2\x80\x8f\xe2\x80\x8e kept",
      "marks \xe2\x80\x8f\xe2\x80\x8e kept" },
  };
  g_autofree char *nul = NULL;
  g_autofree char *none = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *field = clip_text_for_terminal (cases[i].in, -1, CLIP_TEXT_FIELD);
      g_autofree char *lines = clip_text_for_terminal (cases[i].in, -1, CLIP_TEXT_LINES);

      g_assert_cmpstr (field, ==, cases[i].field);
      g_assert_cmpstr (lines, ==, cases[i].lines);
    }
  /* A NUL inside the given length, and NULL. */
  nul = clip_text_for_terminal ("a\0b", 3, CLIP_TEXT_FIELD);
  none = clip_text_for_terminal (NULL, -1, CLIP_TEXT_FIELD);
  g_assert_cmpstr (nul, ==, "a" FFFD "b");
  g_assert_cmpstr (none, ==, "");
}

/* Bidi controls: stripped, or replaced in place by U+2060 (offsets kept);
 * where text starts to show. */
static void
test_bidi (void)
{
  g_autofree char *in_place = g_strdup ("x\xe2\x80\xaey\xe2\x81\xa9z\xe2\x80\x8f");
  g_autofree char *stripped = clip_text_strip_bidi ("\xe2\x80\xae" "abc\xe2\x80\xac!");
  g_autofree char *plain = g_strdup ("no controls");

  g_assert_true (clip_text_neutralise_bidi (in_place));
  g_assert_cmpstr (in_place, ==, "x\xe2\x81\xa0y\xe2\x81\xa0z\xe2\x80\x8f");
  g_assert_false (clip_text_neutralise_bidi (plain));
  g_assert_cmpstr (stripped, ==, "abc!");
  g_assert_true (clip_text_is_bidi_control (0x202e) && clip_text_is_bidi_control (0x2066));
  g_assert_false (clip_text_is_bidi_control (0x200f) || clip_text_is_bidi_control (0x2060));
  g_assert_cmpstr (clip_text_skip_invisible ("\xef\xbb\xbf\xe2\x80\x8b =1"), ==, "=1");
  g_assert_cmpstr (clip_text_skip_invisible ("\xe2\x81\xa0\xe2\x80\xae@x"), ==, "@x");
  g_assert_cmpstr (clip_text_skip_invisible ("text"), ==, "text");
  g_assert_cmpstr (clip_text_skip_invisible ("\xef\xbb\xbf"), ==, "");
}

/* The one reader of files named from outside: the size is checked while
 * reading (stat() says 0 for /proc files and devices), and only regular
 * files are opened. */
static void
test_input_read_file (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ten", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  const char *refused[] = { "/dev/null", "/dev/zero", dir, fifo };
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_set_contents (path, "0123456789", 10, NULL));
  g_assert_true (clip_input_read_file (path, 10, &data, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, ==, 10);
  g_assert_cmpstr (data, ==, "0123456789");
  g_clear_pointer (&data, g_free);
  g_assert_false (clip_input_read_file (path, 9, &data, &len, &error));
  g_assert_error (error, CLIP_INPUT_ERROR, CLIP_INPUT_ERROR_TOO_LARGE);
  g_clear_error (&error);
  /* Regular, of size 0, and longer than 16 bytes once read. */
  g_assert_false (clip_input_read_file ("/proc/self/maps", 16, &data, &len, &error));
  g_assert_error (error, CLIP_INPUT_ERROR, CLIP_INPUT_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_true (clip_input_read_file ("/proc/self/maps", 16 * 1024 * 1024, &data, &len, NULL));
  g_assert_cmpuint (len, ==, strlen (data));
  g_assert_cmpuint (len, >, 16);
  g_clear_pointer (&data, g_free);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (clip_input_read_file (refused[i], 1024, &data, &len, &error));
      g_assert_error (error, CLIP_INPUT_ERROR, CLIP_INPUT_ERROR_NOT_A_FILE);
      g_clear_error (&error);
    }
  g_assert_false (clip_input_read_file ("/nonexistent/x", 1024, &data, &len, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_null (data);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/input/read-file", test_input_read_file);
  g_test_add_func ("/text/basic", test_basic_words);
  g_test_add_func ("/text/diacritics-case", test_diacritics_and_case);
  g_test_add_func ("/text/georgian", test_georgian);
  g_test_add_func ("/text/offsets", test_offsets);
  g_test_add_func ("/text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/text/long-word", test_long_word);
  g_test_add_func ("/text/marks-numbers", test_marks_and_numbers);
  g_test_add_func ("/text/stop", test_stop);
  g_test_add_func ("/text/terminal", test_terminal);
  g_test_add_func ("/text/bidi", test_bidi);
  return g_test_run ();
}
