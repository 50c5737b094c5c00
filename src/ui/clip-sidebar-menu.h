/* clip-sidebar-menu.h — the sidebar rows' context menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "clip-sidebar.h"

G_BEGIN_DECLS

/* The menu of a row showing kind (id: the outlet's or rule's; tag: the
 * tag's name; enabled: whether the outlet is fetched). */
GMenuModel *clip_sidebar_menu_new (ClipSourceKind  kind,
                                   gint64          id,
                                   const char     *tag,
                                   gboolean        enabled);

G_END_DECLS
