/* clip-outlet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-outlet.h"

ClipOutlet *
clip_outlet_new (void)
{
  ClipOutlet *o = g_new0 (ClipOutlet, 1);

  o->interval = CLIP_DEFAULT_INTERVAL;
  o->enabled = TRUE;
  return o;
}

ClipOutlet *
clip_outlet_copy (const ClipOutlet *o)
{
  ClipOutlet *c = g_memdup2 (o, sizeof *o);

  c->url = g_strdup (o->url);
  c->name = g_strdup (o->name);
  c->site_url = g_strdup (o->site_url);
  c->group = g_strdup (o->group);
  c->etag = g_strdup (o->etag);
  c->last_modified = g_strdup (o->last_modified);
  c->last_error = g_strdup (o->last_error);
  return c;
}

void
clip_outlet_free (ClipOutlet *o)
{
  if (o == NULL)
    return;
  g_free (o->url);
  g_free (o->name);
  g_free (o->site_url);
  g_free (o->group);
  g_free (o->etag);
  g_free (o->last_modified);
  g_free (o->last_error);
  g_free (o);
}
