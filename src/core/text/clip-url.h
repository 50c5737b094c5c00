/* clip-url.h — canonical article addresses, for de-duplication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *clip_url_canonicalize (const char *url);
char *clip_url_host         (const char *url);

/* What an address typed for a new outlet is, before anything is fetched:
 * NOT_WEB for text that cannot be one ("civil georgia", a host with no
 * dot), SCHEME for another kind of address (ftp:, mailto:). OK sets
 * *address (may be NULL) to the address to follow: the text trimmed,
 * with https:// before a bare host ("civil.ge/feed"). */
typedef enum {
  CLIP_URL_TYPED_EMPTY,
  CLIP_URL_TYPED_OK,
  CLIP_URL_TYPED_NOT_WEB,
  CLIP_URL_TYPED_SCHEME,
} ClipUrlTyped;

ClipUrlTyped clip_url_check_typed (const char  *text,
                                   char       **address);

G_END_DECLS
