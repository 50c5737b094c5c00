/* clip-url.h — canonical article addresses, for de-duplication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *clip_url_canonicalize (const char *url);
char *clip_url_host         (const char *url);

G_END_DECLS
