/* clip-coverage-legend.c — the Coverage view's legend: the outlets the
 * chart colours, with their articles, and the spikes' mark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-coverage-legend.h"
#include "clip-format.h"
#include "clip-rule-style.h"
#include "clip-stories.h"

static int
compare_totals (gconstpointer a, gconstpointer b)
{
  const ClipCoverageShare *x = a, *y = b;

  if (x->count != y->count)
    return x->count < y->count ? 1 : -1;
  return g_strcmp0 (x->outlet, y->outlet);
}

/* Each outlet's articles over the whole period (ClipCoverageShare, the
 * names borrowed from the buckets), largest first: the first get colours. */
static GArray *
outlet_totals (GPtrArray *buckets)
{
  /* Keys point at the buckets' outlet ids, which stay put. */
  g_autoptr(GHashTable) at = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *totals = g_array_new (FALSE, FALSE, sizeof (ClipCoverageShare));

  for (guint i = 0; i < buckets->len; i++)
    {
      ClipCoverageBucket *b = buckets->pdata[i];

      for (guint k = 0; k < b->by_outlet->len; k++)
        {
          ClipCoverageShare *s = &g_array_index (b->by_outlet, ClipCoverageShare, k);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (at, &s->outlet_id));

          if (n == 0)
            {
              ClipCoverageShare t = { s->outlet_id, s->outlet, 0 };

              g_array_append_val (totals, t);
              n = totals->len;
              g_hash_table_insert (at, &s->outlet_id, GUINT_TO_POINTER (n));
            }
          g_array_index (totals, ClipCoverageShare, n - 1).count += s->count;
        }
    }
  g_array_sort (totals, compare_totals);
  return totals;
}

static GtkWidget *
legend_entry (guint series, const char *name, guint64 count)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *n = clip_format_count ((gint64) count, NULL);
  g_autofree char *text = g_strdup_printf ("%s (%s)", name, n);
  GdkRGBA rgba;
  g_autofree char *color = NULL;
  GtkWidget *label = gtk_label_new (text);

  clip_coverage_chart_series_color (series, &rgba);
  color = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255), (int) (rgba.green * 255),
                           (int) (rgba.blue * 255));
  gtk_box_append (GTK_BOX (box), clip_rule_color_dot (color));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* The legend, and the series the chart colours. */
void
clip_coverage_legend_fill (GtkFlowBox      *legend,
                           GPtrArray       *buckets,
                           const gboolean  *spikes,
                           gint64           series[CLIP_COVERAGE_CHART_SERIES + 1])
{
  g_autoptr(GArray) totals = outlet_totals (buckets);
  guint64 other = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (legend))) != NULL)
    gtk_flow_box_remove (legend, child);
  memset (series, 0, sizeof (gint64) * (CLIP_COVERAGE_CHART_SERIES + 1));
  for (guint i = 0; i < totals->len; i++)
    {
      const ClipCoverageShare *t = &g_array_index (totals, ClipCoverageShare, i);

      if (i < CLIP_COVERAGE_CHART_SERIES)
        {
          series[i] = t->outlet_id;
          gtk_flow_box_append (legend, legend_entry (i, t->outlet, t->count));
        }
      else
        other += t->count;
    }
  if (other > 0)
    gtk_flow_box_append (legend, legend_entry (CLIP_COVERAGE_CHART_SERIES, _("Other outlets"), other));
  for (guint i = 0; i < buckets->len; i++)
    if (spikes[i])
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *mark = gtk_label_new ("▬");

        gtk_widget_add_css_class (mark, "error");
        gtk_box_append (GTK_BOX (box), mark);
        /* Translators: the legend of the marks over the chart's bars */
        gtk_box_append (GTK_BOX (box), gtk_label_new (_("Spike, as alerts count them")));
        gtk_flow_box_append (legend, box);
        break;
      }
}
