/* clip-coverage-chart.c — coverage as stacked bars, drawn with
 * GtkSnapshot: colour nodes for bars and grid, layouts for text, so a
 * redraw at a new size costs a few hundred nodes and no cairo surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-coverage-chart.h"
#include "clip-format.h"
#include "clip-rule-colors.h"
#include "clip-stories.h"

#define PAD_LEFT   44
#define PAD_RIGHT  12
#define PAD_TOP    22
#define PAD_BOTTOM 26
#define X_LABELS   5

struct _ClipCoverageChart
{
  GtkWidget  parent_instance;

  GPtrArray *buckets;     /* ClipCoverageBucket* */
  gboolean  *spikes;
  gint64     series[CLIP_COVERAGE_CHART_SERIES + 1];
  gint64     first;       /* the first bucket's start */
  gint64     width;       /* a bucket's seconds */
  guint      n_slots;     /* buckets on the axis, empty ones too */
  guint64    max;
  int        selected;
};

G_DEFINE_FINAL_TYPE (ClipCoverageChart, clip_coverage_chart, GTK_TYPE_WIDGET)

enum { BAR_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

GtkWidget *
clip_coverage_chart_new (void)
{
  return g_object_new (CLIP_TYPE_COVERAGE_CHART, NULL);
}

void
clip_coverage_chart_series_color (guint    i,
                                  GdkRGBA *rgba)
{
  if (i < CLIP_COVERAGE_CHART_SERIES && clip_rule_palette[i] != NULL)
    gdk_rgba_parse (rgba, clip_rule_palette[i]);
  else
    *rgba = (GdkRGBA) { 0.55, 0.55, 0.58, 1 };   /* "Other": a grey on light and dark */
}

static guint
slot_of (ClipCoverageChart *self, guint i)
{
  const ClipCoverageBucket *b = self->buckets->pdata[i];

  /* Rounded: a day that changes the clock is 23 or 25 hours long. */
  return (guint) ((b->start - self->first + self->width / 2) / self->width);
}

void
clip_coverage_chart_set_data (ClipCoverageChart *self,
                              GPtrArray         *buckets,
                              const gboolean    *spikes,
                              const gint64      *series,
                              gint64             width)
{
  guint n = 0;

  g_return_if_fail (CLIP_IS_COVERAGE_CHART (self));

  g_clear_pointer (&self->buckets, g_ptr_array_unref);
  g_clear_pointer (&self->spikes, g_free);
  self->buckets = buckets ? g_ptr_array_ref (buckets) : g_ptr_array_new ();
  self->spikes = g_new0 (gboolean, self->buckets->len + 1);
  if (spikes)
    memcpy (self->spikes, spikes, sizeof (gboolean) * self->buckets->len);
  memset (self->series, 0, sizeof self->series);
  for (; series && series[n] && n < CLIP_COVERAGE_CHART_SERIES; n++)
    self->series[n] = series[n];
  self->max = 0;
  self->n_slots = 0;
  self->selected = -1;
  if (self->buckets->len > 0)
    {
      self->first = ((ClipCoverageBucket *) self->buckets->pdata[0])->start;
      self->width = width > 0 ? width : 86400;
      self->n_slots = slot_of (self, self->buckets->len - 1) + 1;
      for (guint i = 0; i < self->buckets->len; i++)
        self->max = MAX (self->max, ((ClipCoverageBucket *) self->buckets->pdata[i])->count);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
clip_coverage_chart_get_selected (ClipCoverageChart *self)
{
  return self->selected;
}

void
clip_coverage_chart_select (ClipCoverageChart *self,
                            int                index)
{
  if (self->buckets == NULL || index < -1 || index >= (int) self->buckets->len)
    return;
  self->selected = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The plot's box in widget coordinates. */
static graphene_rect_t
plot_rect (ClipCoverageChart *self)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));

  return GRAPHENE_RECT_INIT (PAD_LEFT, PAD_TOP, MAX (w - PAD_LEFT - PAD_RIGHT, 1),
                             MAX (h - PAD_TOP - PAD_BOTTOM, 1));
}

int
clip_coverage_chart_bar_at (ClipCoverageChart *self,
                            double             x)
{
  graphene_rect_t r = plot_rect (self);
  guint lo = 0, hi;
  int slot;

  if (self->buckets == NULL || self->n_slots == 0 || x < r.origin.x || x >= r.origin.x + r.size.width)
    return -1;
  slot = (int) ((x - r.origin.x) / (r.size.width / self->n_slots));
  hi = self->buckets->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if ((int) slot_of (self, mid) < slot)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < self->buckets->len && (int) slot_of (self, lo) == slot ? (int) lo : -1;
}

static guint
series_of (ClipCoverageChart *self, gint64 outlet_id)
{
  for (guint s = 0; s < CLIP_COVERAGE_CHART_SERIES && self->series[s]; s++)
    if (self->series[s] == outlet_id)
      return s;
  return CLIP_COVERAGE_CHART_SERIES;
}

/* One bar: its outlets stacked in series order, "Other" on top. */
static void
draw_bar (ClipCoverageChart *self, GtkSnapshot *snapshot, const ClipCoverageBucket *b,
          float x, float w, float bottom, float scale)
{
  float y = bottom;

  for (guint s = 0; s <= CLIP_COVERAGE_CHART_SERIES; s++)
    {
      guint64 n = 0;
      GdkRGBA rgba;
      float h;

      for (guint k = 0; k < b->by_outlet->len; k++)
        {
          const ClipCoverageShare *share = &g_array_index (b->by_outlet, ClipCoverageShare, k);
          if (series_of (self, share->outlet_id) == s)
            n += share->count;
        }
      if (n == 0)
        continue;
      h = n * scale;
      clip_coverage_chart_series_color (s, &rgba);
      gtk_snapshot_append_color (snapshot, &rgba, &GRAPHENE_RECT_INIT (x, y - h, w, h));
      y -= h;
    }
}

static void
draw_text (GtkWidget *widget, GtkSnapshot *snapshot, const char *text, float x, float y,
           float align, const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int tw, th;

  pango_layout_get_pixel_size (layout, &tw, &th);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - tw * align, y - th / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

static char *
slot_label (ClipCoverageChart *self, guint slot)
{
  gint64 t = self->first + (gint64) slot * self->width;
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (t);

  if (self->width < 86400)
    return g_date_time_format (dt, "%d %b %H:00");
  return clip_format_day (t, NULL, NULL);
}

/* The grid (zero, half, the top) and the axes' labels. */
static void
draw_axes (ClipCoverageChart *self, GtkSnapshot *snapshot, graphene_rect_t r, const GdkRGBA *fg)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA grid = *fg;
  guint labels = MIN (self->n_slots, X_LABELS);

  grid.alpha = 0.15f;
  for (guint i = 0; i <= 2; i++)
    {
      float y = r.origin.y + r.size.height * (1 - i / 2.0f);
      g_autofree char *n = clip_format_count ((gint64) (self->max * i / 2), NULL);

      gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (r.origin.x, y, r.size.width, 1));
      if (i == 0 || self->max >= 2)
        draw_text (widget, snapshot, n, r.origin.x - 6, y, 1, fg);
    }
  for (guint i = 0; i < labels; i++)
    {
      guint slot = labels == 1 ? 0 : (guint) ((self->n_slots - 1) * (double) i / (labels - 1));
      g_autofree char *text = slot_label (self, slot);
      float x = r.origin.x + (slot + 0.5f) * r.size.width / self->n_slots;
      float align = labels == 1 ? 0.5f : (float) i / (labels - 1);

      draw_text (widget, snapshot, text, x, r.origin.y + r.size.height + PAD_BOTTOM / 2.0f, align, fg);
    }
}

static void
clip_coverage_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  ClipCoverageChart *self = CLIP_COVERAGE_CHART (widget);
  graphene_rect_t r = plot_rect (self);
  GdkRGBA fg, spike_color = { 0.88f, 0.11f, 0.14f, 1 };
  float slot_w, gap, scale, bottom = r.origin.y + r.size.height;

  if (self->buckets == NULL || self->n_slots == 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  draw_axes (self, snapshot, r, &fg);
  slot_w = r.size.width / self->n_slots;
  gap = slot_w > 6 ? MIN (slot_w * 0.2f, 6) : 0;
  scale = r.size.height / MAX (self->max, 1);
  for (guint i = 0; i < self->buckets->len; i++)
    {
      const ClipCoverageBucket *b = self->buckets->pdata[i];
      float x = r.origin.x + slot_of (self, i) * slot_w + gap / 2;
      float w = MAX (slot_w - gap, 1);
      float top = bottom - b->count * scale;

      draw_bar (self, snapshot, b, x, w, bottom, scale);
      if (self->spikes[i])
        {
          /* A mark over the bar, in red, and the bar outlined. */
          float m = MIN (MAX (w, 6), 12);
          gtk_snapshot_append_color (snapshot, &spike_color,
                                     &GRAPHENE_RECT_INIT (x + w / 2 - m / 2, top - 8, m, 4));
        }
      if ((int) i == self->selected)
        {
          GskRoundedRect outline;
          GdkRGBA c[4] = { fg, fg, fg, fg };
          float widths[4] = { 2, 2, 2, 2 };

          gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x - 3, top - 3, w + 6,
                                                                          bottom - top + 6), 2);
          gtk_snapshot_append_border (snapshot, &outline, widths, c);
        }
    }
}

static void
clip_coverage_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 160 : 140;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 260;
}

static void
pressed_cb (GtkGestureClick   *gesture,
            int                n_press,
            double             x,
            double             y,
            ClipCoverageChart *self)
{
  int bar = clip_coverage_chart_bar_at (self, x);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (bar < 0)
    return;
  clip_coverage_chart_select (self, bar);
  g_signal_emit (self, signals[BAR_ACTIVATED], 0, bar);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ClipCoverageChart     *self)
{
  int n = self->buckets ? (int) self->buckets->len : 0;
  int at = self->selected;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      at = at < 0 ? n - 1 : MAX (at - 1, 0);
      break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      at = at < 0 ? 0 : MIN (at + 1, n - 1);
      break;
    case GDK_KEY_Home:
      at = 0;
      break;
    case GDK_KEY_End:
      at = n - 1;
      break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space:
      if (at >= 0)
        g_signal_emit (self, signals[BAR_ACTIVATED], 0, at);
      return at >= 0;
    default:
      return FALSE;
    }
  clip_coverage_chart_select (self, at);
  return TRUE;
}

static gboolean
query_tooltip_cb (GtkWidget         *widget,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip,
                  ClipCoverageChart *self)
{
  int bar = keyboard ? self->selected : clip_coverage_chart_bar_at (self, x);
  const ClipCoverageBucket *b;
  g_autofree char *when = NULL, *n = NULL, *text = NULL;

  if (bar < 0)
    return FALSE;
  b = self->buckets->pdata[bar];
  when = slot_label (self, slot_of (self, bar));
  n = clip_format_count ((gint64) b->count, NULL);
  /* Translators: a bar of the coverage chart: "7 Dec 2026: 12 articles" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s article", "%s: %s articles", b->count),
                          when, n);
  if (self->spikes[bar])
    {
      g_autofree char *plain = g_steal_pointer (&text);
      /* Translators: a bar the alert policy counts as a spike */
      text = g_strdup_printf (_("%s (spike)"), plain);
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
clip_coverage_chart_finalize (GObject *object)
{
  ClipCoverageChart *self = CLIP_COVERAGE_CHART (object);

  g_clear_pointer (&self->buckets, g_ptr_array_unref);
  g_clear_pointer (&self->spikes, g_free);
  G_OBJECT_CLASS (clip_coverage_chart_parent_class)->finalize (object);
}

static void
clip_coverage_chart_class_init (ClipCoverageChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = clip_coverage_chart_finalize;
  widget_class->snapshot = clip_coverage_chart_snapshot;
  widget_class->measure = clip_coverage_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "coverage-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  signals[BAR_ACTIVATED] = g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
clip_coverage_chart_init (ClipCoverageChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->selected = -1;
  self->width = 86400;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}
