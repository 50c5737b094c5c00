/* clip-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "clip-a11y.h"
#include "clip-paths.h"
#include "clip-interval.h"
#include "clip-preferences-window.h"
#include "clip-format.h"

#include <langinfo.h>

struct _ClipPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *interval_row;
  GtkStringList        *interval_list;
  GtkSwitch            *background_switch;
  GtkSwitch            *notifications_switch;
  GtkSwitch            *images_switch;
  AdwExpanderRow       *quiet_row;
  GtkSpinButton        *quiet_from_spin;
  GtkAdjustment        *quiet_from_adjustment;
  GtkAdjustment        *quiet_to_adjustment;
  AdwExpanderRow       *digest_row;
  GtkAdjustment        *digest_adjustment;
  AdwComboRow          *style_row;
  AdwActionRow         *archive_row;

  GSettings            *settings;
  char                 *data_dir;
};

G_DEFINE_FINAL_TYPE (ClipPreferencesWindow, clip_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const color_schemes[] = { "system", "light", "dark" };

/* As the locale's clock writes it: "07:30", or "7:30 AM". */
char *
clip_preferences_format_time (guint minutes)
{
  return clip_format_clock ((minutes / 60) % 24, minutes % 60, NULL);
}

/* After the hours and minutes, nothing, or AM or PM in the locale's words
 * or in English: the 12-hour clock the time is shown in. */
static gboolean
read_half_day (const char *rest,
               unsigned   *hours)
{
  g_autofree char *stripped = g_strstrip (g_strdup (rest));
  g_autofree char *word = g_utf8_casefold (stripped, -1);
  g_autofree char *am = g_utf8_casefold (nl_langinfo (AM_STR), -1);
  g_autofree char *pm = g_utf8_casefold (nl_langinfo (PM_STR), -1);
  gboolean is_am = (*am && g_str_equal (word, am)) || g_str_equal (word, "am");
  gboolean is_pm = (*pm && g_str_equal (word, pm)) || g_str_equal (word, "pm");

  if (*word == '\0')
    return *hours < 24;
  if ((!is_am && !is_pm) || *hours < 1 || *hours > 12)
    return FALSE;
  *hours = *hours % 12 + (is_pm ? 12 : 0);
  return TRUE;
}

int
clip_preferences_parse_time (const char *text)
{
  unsigned hours, minutes;
  int used = 0;

  if (sscanf (text, "%u:%u%n", &hours, &minutes, &used) == 2 && minutes < 60 &&
      read_half_day (text + used, &hours))
    return hours * 60 + minutes;
  if (sscanf (text, "%u%n", &hours, &used) == 1 && text[used] != ':' &&
      read_half_day (text + used, &hours))
    return hours * 60;
  return -1;
}

static int
time_input_cb (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  int minutes = clip_preferences_parse_time (gtk_editable_get_text (GTK_EDITABLE (spin)));

  if (minutes < 0)
    return GTK_INPUT_ERROR;
  *new_value = minutes;
  return TRUE;
}

static gboolean
time_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = clip_preferences_format_time (gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
open_folder_cb (ClipPreferencesWindow *self)
{
  g_autofree char *uri = g_filename_to_uri (self->data_dir, NULL, NULL);

  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* Settings ↔ widgets */

static gboolean
interval_get (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  g_value_set_uint (value, clip_interval_nearest (g_variant_get_uint32 (variant)));
  return TRUE;
}

static GVariant *
interval_set (const GValue       *value,
              const GVariantType *type,
              gpointer            user_data)
{
  guint seconds = clip_interval_seconds (g_value_get_uint (value));

  return seconds > 0 ? g_variant_new_uint32 (seconds) : NULL;
}

static gboolean
scheme_get (GValue   *value,
            GVariant *variant,
            gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (scheme, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
scheme_set (const GValue       *value,
            const GVariantType *type,
            gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return i < G_N_ELEMENTS (color_schemes) ? g_variant_new_string (color_schemes[i]) : NULL;
}

static gboolean
minutes_get (GValue   *value,
             GVariant *variant,
             gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
minutes_set (const GValue       *value,
             const GVariantType *type,
             gpointer            user_data)
{
  return g_variant_new_uint32 ((guint) CLAMP (g_value_get_double (value), 0, 1439));
}

static void
bind_settings (ClipPreferencesWindow *self)
{
  GSettings *s = self->settings;

  g_settings_bind_with_mapping (s, "refresh-interval", self->interval_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, interval_get, interval_set, NULL, NULL);
  g_settings_bind (s, "run-in-background", self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "notifications-enabled", self->notifications_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "show-images", self->images_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "quiet-hours-enabled", self->quiet_row, "enable-expansion",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "daily-digest-enabled", self->digest_row, "enable-expansion",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (s, "quiet-hours-from", self->quiet_from_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, minutes_get, minutes_set, NULL, NULL);
  g_settings_bind_with_mapping (s, "quiet-hours-to", self->quiet_to_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, minutes_get, minutes_set, NULL, NULL);
  g_settings_bind_with_mapping (s, "daily-digest-time", self->digest_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, minutes_get, minutes_set, NULL, NULL);
  g_settings_bind_with_mapping (s, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_get, scheme_set, NULL, NULL);
  /* Quiet hours only matter while notifications are on. */
  g_object_bind_property (self->notifications_switch, "active", self->quiet_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
}

ClipPreferencesWindow *
clip_preferences_window_new (GSettings *settings)
{
  ClipPreferencesWindow *self = g_object_new (CLIP_TYPE_PREFERENCES_WINDOW, NULL);

  self->settings = g_object_ref (settings);
  bind_settings (self);
  return self;
}

static void
clip_preferences_window_dispose (GObject *object)
{
  ClipPreferencesWindow *self = CLIP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLIP_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (clip_preferences_window_parent_class)->dispose (object);
}

static void
clip_preferences_window_finalize (GObject *object)
{
  ClipPreferencesWindow *self = CLIP_PREFERENCES_WINDOW (object);

  g_free (self->data_dir);
  G_OBJECT_CLASS (clip_preferences_window_parent_class)->finalize (object);
}

static void
clip_preferences_window_class_init (ClipPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clip_preferences_window_dispose;
  object_class->finalize = clip_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, interval_row);
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, interval_list);
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, images_switch);
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, quiet_row);
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, quiet_from_spin);
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, quiet_from_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, quiet_to_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, digest_row);
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, digest_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, ClipPreferencesWindow, archive_row);
  gtk_widget_class_bind_template_callback (widget_class, time_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_folder_cb);
}

static void
clip_preferences_window_init (ClipPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The expander rows' switches and the (unused) search entry. */
  clip_a11y_name_internals (GTK_WIDGET (self));

  clip_interval_fill_list (self->interval_list);
  self->data_dir = clip_paths_data_dir (NULL);
  adw_action_row_set_subtitle (self->archive_row, self->data_dir);
}
