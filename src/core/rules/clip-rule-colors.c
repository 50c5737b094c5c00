/* clip-rule-colors.c — a new rule's colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-rule-colors.h"
#include "clip-store-sql.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

/* GNOME's palette at the strengths that carry white text and show on a
 * white or a dark page; greys are left out (they read as "no colour"). */
const char * const clip_rule_palette[] = {
  "#3584e4",   /* blue 3 */
  "#e01b24",   /* red 3 */
  "#2ec27e",   /* green 4 */
  "#ff7800",   /* orange 3 */
  "#9141ac",   /* purple 3 */
  "#f5c211",   /* yellow 4 */
  "#986a44",   /* brown 3 */
  "#1a5fb4",   /* blue 5 */
  "#26a269",   /* green 5 */
  "#c64600",   /* orange 5 */
  "#613583",   /* purple 5 */
  "#a51d2d",   /* red 5 */
  "#63452c",   /* brown 5 */
  "#99c1f1",   /* blue 1 */
  "#8ff0a4",   /* green 1 */
  "#dc8add",   /* purple 1 */
  NULL
};

typedef struct {
  double l, a, b;
} Lab;

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389 ? cbrt (t) : (24389.0 / 27 * t + 16) / 116;
}

/* sRGB to CIELAB (D65): distances there follow what people see better
 * than distances in RGB do. */
static gboolean
parse_lab (const char *hex,
           Lab        *lab)
{
  unsigned r, g, b;
  double lr, lg, lb, x, y, z;

  if (hex == NULL || strlen (hex) != 7 || hex[0] != '#' ||
      strspn (hex + 1, "0123456789abcdefABCDEF") != 6 ||
      sscanf (hex + 1, "%2x%2x%2x", &r, &g, &b) != 3)
    return FALSE;
  lr = linear (r / 255.0);
  lg = linear (g / 255.0);
  lb = linear (b / 255.0);
  x = (0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047;
  y = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  z = (0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883;
  lab->l = 116 * lab_f (y) - 16;
  lab->a = 500 * (lab_f (x) - lab_f (y));
  lab->b = 200 * (lab_f (y) - lab_f (z));
  return TRUE;
}

static double
distance (const Lab *p,
          const Lab *q)
{
  return sqrt ((p->l - q->l) * (p->l - q->l) + (p->a - q->a) * (p->a - q->a) +
               (p->b - q->b) * (p->b - q->b));
}

const char *
clip_rule_pick_color (const char * const *used)
{
  g_autoptr(GArray) labs = g_array_new (FALSE, FALSE, sizeof (Lab));
  const char *best = clip_rule_palette[0];
  double best_d = -1;

  for (guint i = 0; used && used[i]; i++)
    {
      Lab lab;

      if (parse_lab (used[i], &lab))
        g_array_append_val (labs, lab);
    }
  if (labs->len == 0)
    return best;
  for (guint i = 0; clip_rule_palette[i]; i++)
    {
      Lab p;
      double nearest = G_MAXDOUBLE;

      parse_lab (clip_rule_palette[i], &p);
      for (guint j = 0; j < labs->len; j++)
        nearest = MIN (nearest, distance (&p, &g_array_index (labs, Lab, j)));
      if (nearest > best_d)
        {
          best_d = nearest;
          best = clip_rule_palette[i];
        }
    }
  return best;
}

char *
clip_store_next_rule_color (ClipStore  *store,
                            GError    **error)
{
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT color FROM rules", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (used, clip_store_dup_column (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      clip_store_set_error (store, rc, _("Could not read the rules"), error);
      return NULL;
    }
  g_ptr_array_add (used, NULL);
  return g_strdup (clip_rule_pick_color ((const char * const *) used->pdata));
}
