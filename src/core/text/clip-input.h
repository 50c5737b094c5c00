/* clip-input.h — untrusted input read within bounds: files of a bounded
 * size, and JSON of a bounded depth before json-glib sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLIP_INPUT_ERROR (clip_input_error_quark ())

typedef enum {
  CLIP_INPUT_ERROR_NOT_A_FILE,  /* a folder, device, FIFO or socket */
  CLIP_INPUT_ERROR_TOO_LARGE,
  CLIP_INPUT_ERROR_TOO_DEEP,    /* JSON nested past CLIP_INPUT_MAX_JSON_DEPTH */
} ClipInputError;

/* Real documents nest a handful of levels; json-glib recurses once per
 * level, and 100,000 levels overflow a thread's stack. */
#define CLIP_INPUT_MAX_JSON_DEPTH 512

GQuark    clip_input_error_quark (void);

/* Reads the regular file at path, of at most max bytes (checked while
 * reading: a file that grows is cut off too). Anything else is refused
 * without reading it. contents is NUL-terminated. Errors are
 * CLIP_INPUT_ERROR or G_FILE_ERROR, their messages naming the path. */
gboolean  clip_input_read_file   (const char  *path,
                                  gsize        max,
                                  char       **contents,
                                  gsize       *length,
                                  GError     **error);

/* Whether the JSON text nests [ and { at most max_depth deep (outside
 * strings); else CLIP_INPUT_ERROR_TOO_DEEP. len -1: NUL-terminated. */
gboolean  clip_input_check_json_depth (const char *data,
                                       gssize      len,
                                       guint       max_depth,
                                       GError    **error);

/* json_parser_load_from_data() after the depth check: every parse of JSON
 * that came from outside goes through here. */
gboolean  clip_input_load_json   (JsonParser  *parser,
                                  const char  *data,
                                  gssize       len,
                                  GError     **error);

G_END_DECLS
