/* clip-test-cli.h — running clippings-cli from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Runs clippings-cli --data-dir DIR ARGS… (NULL-terminated) and returns
 * its exit status. This thread's default main context iterates until the
 * child is done, so a loopback test server served from it answers. Its
 * standard output and error go to out and err (either may be NULL). */
int       clip_test_cli_run   (const char *dir,
                               char      **out,
                               char      **err,
                               ...) G_GNUC_NULL_TERMINATED;
int       clip_test_cli_runv  (const char *dir,
                               char      **out,
                               char      **err,
                               va_list     args);
/* The JSON text's root (a copy), or the test fails. */
JsonNode *clip_test_parse_json (const char *text);

G_END_DECLS
