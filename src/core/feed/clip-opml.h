/* clip-opml.h — outlet lists in OPML 1.0/2.0
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CLIP_OPML_ERROR (clip_opml_error_quark ())
#define CLIP_OPML_MAX_SIZE (8 * 1024 * 1024)
typedef enum {
  CLIP_OPML_ERROR_INVALID,
  CLIP_OPML_ERROR_TOO_LARGE,
} ClipOpmlError;

GQuark     clip_opml_error_quark (void);
/* Returns ClipOutlet*s (url, name, site_url, group) for every outline with
 * an xmlUrl; a nested outline's group is its parent's title. */
GPtrArray *clip_opml_parse       (const char *data,
                                  gsize       len,
                                  GError    **error);
/* outlets: ClipOutlet*s */
char      *clip_opml_write       (GPtrArray  *outlets,
                                  const char *title);

G_END_DECLS
