/* clip-sidebar-menu.c — the sidebar rows' context menu: the window's
 * actions on the outlet, rule or tag a row shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-sidebar-menu.h"

static void
append (GMenu *menu, const char *label, const char *action, GVariant *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

GMenuModel *
clip_sidebar_menu_new (ClipSourceKind  kind,
                       gint64          id,
                       const char     *tag,
                       gboolean        enabled)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) first = g_menu_new ();
  g_autoptr(GMenu) last = g_menu_new ();

  switch (kind)
    {
    case CLIP_SOURCE_OUTLET:
      append (first, _("_Refresh"), "win.refresh-outlet", g_variant_new_int64 (id));
      append (first, _("_Properties…"), "win.edit-outlet", g_variant_new_int64 (id));
      if (enabled)
        append (last, _("_Stop Fetching"), "win.stop-outlet", g_variant_new_int64 (id));
      else
        append (last, _("_Fetch Again"), "win.resume-outlet", g_variant_new_int64 (id));
      append (last, _("_Remove…"), "win.remove-outlet", g_variant_new_int64 (id));
      break;
    case CLIP_SOURCE_RULE:
      append (first, _("Show _Alerts"), "win.show-rule", g_variant_new_int64 (id));
      append (first, _("Mark All as _Read"), "win.read-rule", g_variant_new_int64 (id));
      append (last, _("_Edit Rule…"), "win.edit-rule", g_variant_new_int64 (id));
      break;
    case CLIP_SOURCE_TAG:
      append (first, _("_Rename…"), "win.rename-tag", g_variant_new_string (tag));
      append (last, _("_Remove Tag"), "win.remove-tag", g_variant_new_string (tag));
      break;
    case CLIP_SOURCE_ALL:
    case CLIP_SOURCE_UNREAD:
    case CLIP_SOURCE_FLAGGED:
    default:
      append (first, _("Mark All as _Read"), "win.mark-all-read", NULL);
      break;
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (first));
  if (g_menu_model_get_n_items (G_MENU_MODEL (last)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (last));
  return G_MENU_MODEL (menu);
}
