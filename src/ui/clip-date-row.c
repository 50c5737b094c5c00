/* clip-date-row.c — a day typed or picked from a calendar
 *
 * The text is checked as it is typed: a day that is not one is marked at
 * once and the mark goes as soon as it is fixed (the "valid" property
 * tells the dialog), not at the next press of Export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-a11y.h"
#include "clip-date-row.h"
#include "clip-export.h"

struct _ClipDateRow
{
  AdwEntryRow  parent_instance;

  GtkWidget   *button;     /* GtkMenuButton */
  GtkCalendar *calendar;
  gboolean     end_of_day;
  gboolean     valid;
  gboolean     picking;    /* the calendar is setting the text */
};

G_DEFINE_FINAL_TYPE (ClipDateRow, clip_date_row, ADW_TYPE_ENTRY_ROW)

enum { PROP_0, PROP_VALID, N_PROPS };
static GParamSpec *props[N_PROPS];

gboolean
clip_date_row_get_time (ClipDateRow *self,
                        gint64      *t,
                        GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CLIP_IS_DATE_ROW (self), FALSE);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  *t = 0;
  return *text == '\0' || clip_export_parse_date (text, self->end_of_day, t, error);
}

static void
changed_cb (ClipDateRow *self)
{
  gint64 t;
  gboolean valid = clip_date_row_get_time (self, &t, NULL);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_VALID]);
    }
}

void
clip_date_row_set_end_of_day (ClipDateRow *self,
                              gboolean     end_of_day)
{
  g_return_if_fail (CLIP_IS_DATE_ROW (self));
  self->end_of_day = end_of_day;
}

void
clip_date_row_set_day (ClipDateRow *self,
                       GDateTime   *day)
{
  g_autofree char *text = day ? g_date_time_format (day, "%Y-%m-%d") : NULL;

  g_return_if_fail (CLIP_IS_DATE_ROW (self));
  gtk_editable_set_text (GTK_EDITABLE (self), text ? text : "");
}

GtkWidget *
clip_date_row_get_calendar (ClipDateRow *self)
{
  g_return_val_if_fail (CLIP_IS_DATE_ROW (self), NULL);
  return GTK_WIDGET (self->calendar);
}

static void
day_selected_cb (ClipDateRow *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  if (self->picking)
    return;
  clip_date_row_set_day (self, day);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

/* The calendar opens on the day typed, or today. */
static void
popover_shown_cb (ClipDateRow *self)
{
  g_autoptr(GDateTime) day = NULL;
  gint64 t = 0;

  if (clip_date_row_get_time (self, &t, NULL) && t != 0)
    day = g_date_time_new_from_unix_local (self->end_of_day ? t - 1 : t);
  if (day == NULL)
    day = g_date_time_new_now_local ();
  self->picking = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->picking = FALSE;
}

static void
clip_date_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ClipDateRow *self = CLIP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clip_date_row_class_init (ClipDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = clip_date_row_get_property;
  /* Whether the text is empty or a date. */
  props[PROP_VALID] = g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
clip_date_row_init (ClipDateRow *self)
{
  GtkWidget *popover = gtk_popover_new ();

  self->valid = TRUE;
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_tooltip_text (self->button, _("Pick a Date"));
  clip_a11y_name_menu_button (self->button, _("Pick a Date"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->button);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_shown_cb), self);
  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
}
