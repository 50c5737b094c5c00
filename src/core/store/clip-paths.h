/* clip-paths.h — where the archive lives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *clip_paths_data_dir     (const char *override);
char *clip_paths_archive_path (const char *data_dir);
char *clip_paths_find_data    (const char *name);

G_END_DECLS
