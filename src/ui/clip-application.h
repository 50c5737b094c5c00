/* clip-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLIP_TYPE_APPLICATION (clip_application_get_type ())
G_DECLARE_FINAL_TYPE (ClipApplication, clip_application, CLIP, APPLICATION, AdwApplication)

ClipApplication *clip_application_new          (void);
GSettings       *clip_application_get_settings (ClipApplication *self);

G_END_DECLS
