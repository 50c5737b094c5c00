/* clip-pane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-pane.h"

/* How far from the edge a press starts a resize. */
#define HANDLE_PX 6

struct _ClipPane
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  int        size;
  gboolean   resizable;
  int        drag_start;   /* the width when the drag began */
  gboolean   dragging;
};

G_DEFINE_FINAL_TYPE (ClipPane, clip_pane, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CHILD, PROP_SIZE, PROP_RESIZABLE, N_PROPS };
static GParamSpec *props[N_PROPS];

enum { RESIZED, N_SIGNALS };
static guint signals[N_SIGNALS];

GtkWidget *
clip_pane_new (void)
{
  return g_object_new (CLIP_TYPE_PANE, NULL);
}

void
clip_pane_set_child (ClipPane  *self,
                     GtkWidget *child)
{
  g_return_if_fail (CLIP_IS_PANE (self));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->child = child;
  if (child != NULL)
    gtk_widget_set_parent (child, GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CHILD]);
}

GtkWidget *
clip_pane_get_child (ClipPane *self)
{
  return self->child;
}

void
clip_pane_set_size (ClipPane *self,
                    int       size)
{
  g_return_if_fail (CLIP_IS_PANE (self));

  if (self->size == size)
    return;
  self->size = size;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SIZE]);
}

int
clip_pane_get_size (ClipPane *self)
{
  return self->size;
}

void
clip_pane_set_resizable (ClipPane *self,
                         gboolean  resizable)
{
  g_return_if_fail (CLIP_IS_PANE (self));

  if (self->resizable == !!resizable)
    return;
  self->resizable = !!resizable;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_RESIZABLE]);
}

static void
clip_pane_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  ClipPane *self = CLIP_PANE (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;
  gtk_widget_measure (self->child, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->size >= 0)
    *natural = MAX (*minimum, self->size);
}

static void
clip_pane_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  ClipPane *self = CLIP_PANE (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

/* The edge's handle */

static gboolean
near_edge (ClipPane  *self,
           GtkWidget *host,
           double     x)
{
  return self->resizable && gtk_widget_get_mapped (GTK_WIDGET (self)) && x >= 0 && x < HANDLE_PX &&
         gtk_widget_get_width (host) > 0;
}

/* The most the pane can have: its parent's width less what its siblings
 * need at least. */
static int
max_size (ClipPane *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  int most;

  if (parent == NULL)
    return G_MAXINT;
  most = gtk_widget_get_width (parent);
  for (GtkWidget *w = gtk_widget_get_first_child (parent); w; w = gtk_widget_get_next_sibling (w))
    if (w != GTK_WIDGET (self) && gtk_widget_get_visible (w))
      {
        int min = 0;

        gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
        most -= min;
      }
  return most;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               ClipPane       *self)
{
  GtkWidget *host = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  self->dragging = near_edge (self, host, x);
  if (!self->dragging)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_start = gtk_widget_get_width (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                ClipPane       *self)
{
  int direction = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (gesture), "clip-direction"));
  int min = 0;

  if (!self->dragging)
    return;
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  clip_pane_set_size (self, CLAMP (self->drag_start + direction * (int) dx, min,
                                   MAX (min, max_size (self))));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             ClipPane       *self)
{
  if (!self->dragging)
    return;
  self->dragging = FALSE;
  g_signal_emit (self, signals[RESIZED], 0);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           ClipPane                 *self)
{
  GtkWidget *host = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion));

  gtk_widget_set_cursor_from_name (host, near_edge (self, host, x) ? "col-resize" : NULL);
}

void
clip_pane_add_handle (ClipPane  *self,
                      GtkWidget *host,
                      int        direction)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_return_if_fail (CLIP_IS_PANE (self));
  g_return_if_fail (direction == 1 || direction == -1);

  /* Before the host's children see the press: a row under the edge is
   * not selected by the drag that resizes. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_object_set_data (G_OBJECT (drag), "clip-direction", GINT_TO_POINTER (direction));
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  gtk_widget_add_controller (host, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, 0);
  gtk_widget_add_controller (host, motion);
}

static void
clip_pane_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ClipPane *self = CLIP_PANE (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      clip_pane_set_child (self, g_value_get_object (value));
      break;
    case PROP_SIZE:
      clip_pane_set_size (self, g_value_get_int (value));
      break;
    case PROP_RESIZABLE:
      clip_pane_set_resizable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clip_pane_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ClipPane *self = CLIP_PANE (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;
    case PROP_RESIZABLE:
      g_value_set_boolean (value, self->resizable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clip_pane_dispose (GObject *object)
{
  ClipPane *self = CLIP_PANE (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (clip_pane_parent_class)->dispose (object);
}

static void
clip_pane_class_init (ClipPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = clip_pane_set_property;
  object_class->get_property = clip_pane_get_property;
  object_class->dispose = clip_pane_dispose;
  widget_class->measure = clip_pane_measure;
  widget_class->size_allocate = clip_pane_size_allocate;

  props[PROP_CHILD] = g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                           G_PARAM_STATIC_STRINGS);
  props[PROP_SIZE] = g_param_spec_int ("size", NULL, NULL, -1, G_MAXINT, -1,
                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                       G_PARAM_STATIC_STRINGS);
  props[PROP_RESIZABLE] = g_param_spec_boolean ("resizable", NULL, NULL, TRUE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
  signals[RESIZED] = g_signal_new ("resized", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "clippane");
}

static void
clip_pane_init (ClipPane *self)
{
  self->size = -1;
  self->resizable = TRUE;
}
