/* clip-store-listing.h — reads for long-lived reader connections (the UI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-store.h"

G_BEGIN_DECLS

/* Ends the read transaction a finished query can leave open (a cached
 * statement stepped to its one row and not reset), so the next read sees
 * what writers committed since. A reader that lives long calls this before
 * it reads again. */
void clip_store_release_snapshot (ClipStore *store);

G_END_DECLS
