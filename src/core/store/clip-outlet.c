/* clip-outlet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-outlet.h"

#include <glib/gi18n-lib.h>
#include <string.h>

ClipOutlet *
clip_outlet_new (void)
{
  ClipOutlet *o = g_new0 (ClipOutlet, 1);

  o->interval = CLIP_DEFAULT_INTERVAL;
  o->enabled = TRUE;
  o->pages = 1;
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
  c->selector = g_strdup (o->selector);
  c->next_selector = g_strdup (o->next_selector);
  c->preview = g_strdup (o->preview);
  c->page_error = g_strdup (o->page_error);
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
  g_free (o->selector);
  g_free (o->next_selector);
  g_free (o->preview);
  g_free (o->page_error);
  g_free (o);
}

/* What to call an outlet that has no name yet (added by address, never
 * fetched, or a feed without a title): its host without "www.", or a local
 * feed's file name, so that no list shows an empty row. */
char *
clip_outlet_dup_display_name (const ClipOutlet *o)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  g_return_val_if_fail (o != NULL, NULL);
  if (o->name != NULL && *o->name != '\0')
    return g_strdup (o->name);
  if (o->url == NULL || *o->url == '\0')
    return g_strdup ("");
  uri = g_uri_parse (o->url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return g_strdup (o->url);
  host = g_uri_get_host (uri);
  if (host != NULL && *host != '\0')
    return g_strdup (g_str_has_prefix (host, "www.") && host[4] != '\0' ? host + 4 : host);
  if (g_strcmp0 (g_uri_get_scheme (uri), "file") == 0)
    {
      g_autofree char *base = g_path_get_basename (g_uri_get_path (uri));

      if (*base != '\0' && strcmp (base, "/") != 0 && strcmp (base, ".") != 0)
        return g_steal_pointer (&base);
    }
  return g_strdup (o->url);
}

const char *
clip_full_text_to_string (ClipFullText mode)
{
  switch (mode)
    {
    case CLIP_FULL_TEXT_ALWAYS:
      return "always";
    case CLIP_FULL_TEXT_NEVER:
      return "never";
    case CLIP_FULL_TEXT_AUTO:
    default:
      return "auto";
    }
}

gboolean
clip_full_text_from_string (const char   *text,
                            ClipFullText *mode)
{
  static const char *const names[] = { "auto", "always", "never" };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *mode = (ClipFullText) i;
        return TRUE;
      }
  return FALSE;
}

const char *
clip_outlet_kind_name (ClipOutletKind kind)
{
  switch (kind)
    {
    case CLIP_OUTLET_LISTING: return "listing";
    case CLIP_OUTLET_SITEMAP: return "sitemap";
    case CLIP_OUTLET_FEED:
    default:                  return "feed";
    }
}

gboolean
clip_outlet_kind_from_name (const char *name, ClipOutletKind *kind)
{
  static const ClipOutletKind kinds[] = { CLIP_OUTLET_FEED, CLIP_OUTLET_LISTING, CLIP_OUTLET_SITEMAP };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (name, clip_outlet_kind_name (kinds[i])) == 0)
      {
        *kind = kinds[i];
        return TRUE;
      }
  return FALSE;
}

gint
clip_outlet_page_failures (const ClipOutlet *o)
{
  gint n = CLAMP (o->page_checked, 0, CLIP_OUTLET_PAGE_WINDOW);
  guint32 bits = o->page_history & ((1u << n) - 1);
  gint failed = 0;

  for (; bits; bits &= bits - 1)
    failed++;
  return failed;
}

gboolean
clip_outlet_pages_failing (const ClipOutlet *o)
{
  return o->page_checked > 0 && (o->page_history & 1) != 0 &&
         clip_outlet_page_failures (o) >= CLIP_OUTLET_PAGES_FAILING;
}

char *
clip_outlet_dup_page_health (const ClipOutlet *o)
{
  if (!clip_outlet_pages_failing (o))
    return NULL;
  /* Translators: why, then how many of the last page fetches failed */
  return g_strdup_printf (_("Article pages failing: %s (%d of the last %d)"),
                          o->page_error ? o->page_error : _("unknown error"),
                          clip_outlet_page_failures (o), MIN (o->page_checked, CLIP_OUTLET_PAGE_WINDOW));
}
