/* clip-test-util.h — helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary directory, removed (with its contents) at exit. */
char       *clip_test_tmpdir        (void);
/* A file of the project's own fixtures (tests/data). */
char       *clip_test_data_path     (const char *name);
/* A path under ../shared, or NULL (and the test is marked skipped with a
 * clear message) when shared/ is not beside the checkout. */
char       *clip_test_shared_path   (const char *relative);
/* The built clippings-cli, for tests that run it. */
const char *clip_test_cli_path      (void);
/* Runs clippings-cli with argv (NULL-terminated, without the program),
 * returns its exit status and captures its output. */
int         clip_test_run_cli       (const char * const *argv,
                                     char              **out,
                                     char              **err);
/* The same with the child's address space bounded to max_bytes (the
 * ulimit -v of TESTING.md; not under AddressSanitizer, whose shadow
 * memory needs terabytes of it) and killed by SIGALRM after seconds:
 * a runaway read fails the test instead of the machine. */
int         clip_test_run_cli_limited (const char * const *argv,
                                       guint64             max_bytes,
                                       guint               seconds,
                                       char              **out,
                                       char              **err);
void        clip_test_rm_rf         (const char *path);
/* A JSON Feed of one item holding an array nested depth deep. */
char       *clip_test_deep_json_feed (guint depth);

G_END_DECLS
