/* fuzz.h — what the fuzz harnesses share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A broken invariant is a finding: abort, so that libFuzzer keeps the
 * input and the replay test fails. */
#define FUZZ_CHECK(cond, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      { \
        fprintf (stderr, "fuzz check failed: %s: ", #cond); \
        fprintf (stderr, __VA_ARGS__); \
        fputc ('\n', stderr); \
        abort (); \
      } \
  } G_STMT_END

/* Text that reaches the archive and the screen is valid UTF-8 (GTK and
 * SQLite's FTS5 tokenizer count on it). */
static inline void
fuzz_check_utf8 (const char *what, const char *text)
{
  if (text != NULL)
    FUZZ_CHECK (g_utf8_validate (text, -1, NULL), "%s is not UTF-8", what);
}
