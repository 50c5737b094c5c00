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
void        clip_test_rm_rf         (const char *path);

G_END_DECLS
