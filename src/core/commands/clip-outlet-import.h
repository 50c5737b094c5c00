/* clip-outlet-import.h — adding many outlets at once (OPML, starter set)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"

G_BEGIN_DECLS

#define CLIP_STARTER_OUTLETS_FILE "starter-outlets.json"

typedef struct {
  guint      added;
  guint      skipped;     /* already in the list, or not a usable address */
  GPtrArray *skip_reasons; /* char*, one per skipped outlet */
} ClipImportResult;

void        clip_import_result_init   (ClipImportResult *result);
void        clip_import_result_clear  (ClipImportResult *result);

/* Parses the shipped starter list (JSON: {"outlets": [{"name", "url",
 * "site_url", "group"}, ...]}); returns ClipOutlet*s. */
GPtrArray  *clip_starter_outlets_parse (const char  *data,
                                        gsize        len,
                                        GError     **error);
/* The shipped list, found with clip_paths_find_data(). */
GPtrArray  *clip_starter_outlets_load  (GError     **error);

/* Adds outlets (ClipOutlet*s) in one transaction. An outlet that is already
 * listed or has an unusable address, or one that is not http or https (a
 * list is a document from elsewhere), is skipped and counted; any other
 * failure rolls the whole import back. */
gboolean    clip_outlets_import        (ClipStore         *store,
                                        GPtrArray         *outlets,
                                        ClipImportResult  *result,
                                        GError           **error);

G_END_DECLS
