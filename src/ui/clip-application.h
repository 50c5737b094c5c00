/* clip-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-service.h"

G_BEGIN_DECLS

#define CLIP_TYPE_APPLICATION (clip_application_get_type ())
G_DECLARE_FINAL_TYPE (ClipApplication, clip_application, CLIP, APPLICATION, AdwApplication)

ClipApplication *clip_application_new          (void);
GSettings       *clip_application_get_settings (ClipApplication *self);
/* The fetch service, running while the application runs; NULL when it
 * could not start (the message is in clip_application_get_service_error()). */
ClipService     *clip_application_get_service  (ClipApplication *self);
const char      *clip_application_get_service_error (ClipApplication *self);

G_END_DECLS
