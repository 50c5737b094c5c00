/* clip-add-outlet-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-add-outlet-dialog.h"
#include "clip-interval.h"
#include "clip-url.h"

/* How long typing may pause before the address is judged aloud. */
#define CHECK_DELAY_MS 600
#include "clip-listing.h"

/* Links of the selector shown under it. */
#define PREVIEW_ROWS 8

struct _ClipAddOutletDialog
{
  AdwWindow     parent_instance;

  AdwEntryRow  *url_row;
  AdwEntryRow  *name_row;
  AdwEntryRow  *group_row;
  GtkWidget    *add_button;
  GtkWidget    *spinner;
  GtkRevealer  *banner;
  GtkLabel     *error_label;
  AdwComboRow  *interval_row;
  GtkStringList *interval_list;
  guint         shown_interval;   /* the choice first shown */
  guint         check_timeout;
  AdwPreferencesGroup *feeds_group;
  GList        *feed_rows;      /* the rows added to feeds_group */
  GPtrArray    *candidates;     /* ClipFeedCandidate*, once discovered */
  GPtrArray    *checks;         /* their GtkCheckButtons */
  ClipService  *service;
  /* A site without a feed: "Watch this page". */
  AdwPreferencesGroup *watch_group;
  AdwPreferencesGroup *sitemaps_group;
  AdwEntryRow  *selector_row;
  GtkLabel     *count_label;
  GList        *watch_rows;     /* link previews in watch_group */
  GList        *sitemap_rows;
  GPtrArray    *sitemap_checks; /* GtkCheckButton*, by probe->sitemaps */
  ClipProbe    *probe;
  guint         live_count;

  ClipCommands *commands;
  guint         interval;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (ClipAddOutletDialog, clip_add_outlet_dialog, ADW_TYPE_WINDOW)

enum { OUTLET_ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

ClipAddOutletDialog *
clip_add_outlet_dialog_new (ClipCommands *commands,
                            guint        interval,
                            ClipService *service)
{
  ClipAddOutletDialog *self = g_object_new (CLIP_TYPE_ADD_OUTLET_DIALOG, NULL);

  self->commands = g_object_ref (commands);
  self->interval = interval;
  self->shown_interval = clip_interval_nearest (interval);
  adw_combo_row_set_selected (self->interval_row, self->shown_interval);
  self->service = service ? g_object_ref (service) : NULL;
  return self;
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* In the banner at the top, where the eye is, however far the page has
 * scrolled. */
static void
show_error (ClipAddOutletDialog *self,
            const char          *message)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->banner, message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
}

static void
set_working (ClipAddOutletDialog *self,
             gboolean             working)
{
  gtk_widget_set_visible (self->spinner, working);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), working);
  gtk_widget_set_sensitive (self->add_button, !working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_row), !working);
}

static void
clear_candidates (ClipAddOutletDialog *self)
{
  for (GList *l = self->feed_rows; l; l = l->next)
    adw_preferences_group_remove (self->feeds_group, l->data);
  g_clear_pointer (&self->feed_rows, g_list_free);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->feeds_group), FALSE);
}

/* Why what was typed is no address to follow, or NULL. */
static char *
typed_problem (const char *text, char **address)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  switch (clip_url_check_typed (trimmed, address))
    {
    case CLIP_URL_TYPED_NOT_WEB:
      /* Translators: %s is what was typed */
      return g_strdup_printf (_("“%s” is not a web address. Type the address of the outlet’s "
                                "site or feed, such as civil.ge or https://civil.ge/feed/."),
                              trimmed);
    case CLIP_URL_TYPED_SCHEME:
      /* Translators: %s is what was typed */
      return g_strdup_printf (_("“%s” is not a web address Clippings can follow: only http and "
                                "https addresses (and local files) are."), trimmed);
    case CLIP_URL_TYPED_EMPTY:
    case CLIP_URL_TYPED_OK:
    default:
      return NULL;
    }
}

static gboolean
check_typed_cb (gpointer user_data)
{
  ClipAddOutletDialog *self = user_data;
  g_autofree char *url = entry_text (self->url_row);
  g_autofree char *problem = typed_problem (url, NULL);

  self->check_timeout = 0;
  if (problem != NULL)
    show_error (self, problem);
  return G_SOURCE_REMOVE;
}

/* Checked as typed: Add waits for an address; what cannot be one is said
 * once typing pauses, before anything is fetched. */
static void
clear_rows (AdwPreferencesGroup *group, GList **rows)
{
  for (GList *l = *rows; l; l = l->next)
    adw_preferences_group_remove (group, l->data);
  g_clear_pointer (rows, g_list_free);
}

static void
clear_watch (ClipAddOutletDialog *self)
{
  clear_rows (self->watch_group, &self->watch_rows);
  clear_rows (self->sitemaps_group, &self->sitemap_rows);
  g_clear_pointer (&self->sitemap_checks, g_ptr_array_unref);
  g_clear_pointer (&self->probe, clip_probe_free);
  gtk_widget_set_visible (GTK_WIDGET (self->watch_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->sitemaps_group), FALSE);
  gtk_button_set_label (GTK_BUTTON (self->add_button), _("_Add"));
}

/* The selector's links on the page, counted and listed as it is typed. */
static void
selector_changed_cb (ClipAddOutletDialog *self)
{
  g_autofree char *selector = entry_text (self->selector_row);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  ClipListingPage page = { 0 };

  if (self->probe == NULL || self->probe->page == NULL)
    return;
  page.data = g_bytes_get_data (self->probe->page, &page.len);
  page.url = self->probe->url;
  page.content_type = self->probe->content_type;
  clear_rows (self->watch_group, &self->watch_rows);
  links = *selector ? clip_listing_select (&page, selector, &error) : NULL;
  self->live_count = links ? links->len : 0;
  count = links ? g_strdup_printf (ngettext ("%u link", "%u links", links->len), links->len)
                : g_strdup (*selector ? _("Not a selector") : "");
  gtk_label_set_text (self->count_label, count);
  if (links == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->selector_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->selector_row), "error");
  for (guint i = 0; links && i < MIN (links->len, PREVIEW_ROWS); i++)
    {
      const ClipListingLink *l = g_ptr_array_index (links, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *l->title ? l->title : l->url);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), l->url);
      adw_preferences_group_add (self->watch_group, row);
      self->watch_rows = g_list_append (self->watch_rows, row);
    }
  gtk_widget_set_sensitive (self->add_button, self->live_count > 0 || self->sitemap_checks);
}

/* The page's article lists and sitemaps, for a site without a feed. */
static gboolean
offer_watch (ClipAddOutletDialog *self, ClipProbe *probe)
{
  if (probe->listings->len == 0 && probe->sitemaps->len == 0)
    {
      clip_probe_free (probe);
      return FALSE;
    }
  self->probe = probe;
  if (probe->listings->len > 0)
    {
      const ClipListingProposal *best = g_ptr_array_index (probe->listings, 0);

      gtk_editable_set_text (GTK_EDITABLE (self->selector_row), best->selector);
      gtk_widget_set_visible (GTK_WIDGET (self->watch_group), TRUE);
    }
  if (probe->sitemaps->len > 0)
    {
      self->sitemap_checks = g_ptr_array_new ();
      for (guint i = 0; i < probe->sitemaps->len; i++)
        {
          const ClipProbeSitemap *s = g_ptr_array_index (probe->sitemaps, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->url);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       g_str_equal (s->kind, "news") ? _("News sitemap")
                                       : g_str_equal (s->kind, "index") ? _("Sitemap index")
                                       : _("Sitemap"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_preferences_group_add (self->sitemaps_group, row);
          self->sitemap_rows = g_list_append (self->sitemap_rows, row);
          g_ptr_array_add (self->sitemap_checks, check);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->sitemaps_group), TRUE);
    }
  gtk_button_set_label (GTK_BUTTON (self->add_button), _("_Watch"));
  selector_changed_cb (self);
  return TRUE;
}

static void
probed_cb (GObject *source, GAsyncResult *res, gpointer user_data)
{
  g_autoptr(ClipAddOutletDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ClipProbe *probe = clip_service_probe_finish (CLIP_SERVICE (source), res, &error);

  if (probe == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_working (self, FALSE);
  if (probe == NULL || !offer_watch (self, probe))
    show_error (self, probe == NULL ? error->message
                : _("No feed was found at this address, and no list of article links or sitemap either"));
}

static void
watch_added_cb (GObject *source, GAsyncResult *res, gpointer user_data)
{
  g_autoptr(ClipAddOutletDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), res, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_working (self, FALSE);
          show_error (self, error->message);
        }
      return;
    }
  set_working (self, FALSE);
  name = entry_text (self->name_row);
  g_signal_emit (self, signals[OUTLET_ADDED], 0, *name ? name : self->probe->url);
  gtk_window_close (GTK_WINDOW (self));
}

static guint picked_interval (ClipAddOutletDialog *self);

/* The page as a listing outlet, or the sitemap picked. */
static void
add_watch (ClipAddOutletDialog *self)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(ClipCommand) command = NULL;

  o->kind = CLIP_OUTLET_LISTING;
  o->url = g_strdup (self->probe->url);
  for (guint i = 0; self->sitemap_checks && i < self->sitemap_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->sitemap_checks, i)))
      {
        o->kind = CLIP_OUTLET_SITEMAP;
        g_free (o->url);
        o->url = g_strdup (((ClipProbeSitemap *) g_ptr_array_index (self->probe->sitemaps, i))->url);
      }
  if (o->kind == CLIP_OUTLET_LISTING)
    o->selector = entry_text (self->selector_row);
  o->name = entry_text (self->name_row);
  o->group = entry_text (self->group_row);
  o->interval = picked_interval (self);
  show_error (self, NULL);
  set_working (self, TRUE);
  command = clip_command_add_outlet (o);
  clip_commands_run_async (self->commands, command, NULL, self->cancellable, watch_added_cb,
                           g_object_ref (self));
}

static void
url_changed_cb (ClipAddOutletDialog *self)
{
  g_autofree char *url = entry_text (self->url_row);
  g_autofree char *address = NULL;
  ClipUrlTyped typed = clip_url_check_typed (url, &address);

  gtk_widget_set_sensitive (self->add_button, typed == CLIP_URL_TYPED_OK);
  show_error (self, NULL);
  clear_candidates (self);
  clear_watch (self);
  g_clear_handle_id (&self->check_timeout, g_source_remove);
  if (typed == CLIP_URL_TYPED_NOT_WEB || typed == CLIP_URL_TYPED_SCHEME)
    self->check_timeout = g_timeout_add (CHECK_DELAY_MS, check_typed_cb, self);
}

/* The interval picked; the preference's own until another is picked. */
static guint
picked_interval (ClipAddOutletDialog *self)
{
  guint choice = adw_combo_row_get_selected (self->interval_row);

  if (choice != self->shown_interval && clip_interval_seconds (choice) > 0)
    return clip_interval_seconds (choice);
  return self->interval;
}

static void
added_cb (GObject      *source,
          GAsyncResult *res,
          gpointer      user_data)
{
  g_autoptr(ClipAddOutletDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const ClipImportResult *result = clip_command_get_import_result (clip_commands_get_command (res));

  if (!clip_commands_run_finish (CLIP_COMMANDS (source), res, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_working (self, FALSE);
          show_error (self, error->message);
        }
      return;
    }
  set_working (self, FALSE);
  if (result->added == 0)
    {
      /* Already listed, or an address the archive refuses. */
      show_error (self, result->skip_reasons->len ? g_ptr_array_index (result->skip_reasons, 0)
                                                  : _("The outlet could not be added"));
      return;
    }
  name = entry_text (self->name_row);
  if (*name == '\0')
    {
      g_free (name);
      name = entry_text (self->url_row);
    }
  g_signal_emit (self, signals[OUTLET_ADDED], 0, name);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_feed (ClipAddOutletDialog *self,
          const char          *url,
          const char          *title)
{
  g_autoptr(GPtrArray) outlets = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_outlet_free);
  g_autoptr(ClipCommand) command = NULL;
  ClipOutlet *o = clip_outlet_new ();

  o->url = g_strdup (url);
  o->name = entry_text (self->name_row);
  /* Without a name given, the feed's own title. */
  if (*o->name == '\0' && title != NULL && *title != '\0')
    {
      g_free (o->name);
      o->name = g_strdup (title);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), title);
    }
  o->group = entry_text (self->group_row);
  o->interval = picked_interval (self);
  g_ptr_array_add (outlets, o);
  show_error (self, NULL);
  set_working (self, TRUE);
  /* As an import of one: a listed address is a reason, not a failure. */
  command = clip_command_import_outlets (outlets, o->interval);
  clip_commands_run_async (self->commands, command, NULL, self->cancellable, added_cb,
                           g_object_ref (self));
}

static void
offer_candidates (ClipAddOutletDialog *self)
{
  GtkCheckButton *first = NULL;

  self->checks = g_ptr_array_new ();
  for (guint i = 0; i < self->candidates->len; i++)
    {
      const ClipFeedCandidate *c = g_ptr_array_index (self->candidates, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->title && *c->title ? c->title : c->url);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c->url);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      if (first == NULL)
        {
          first = GTK_CHECK_BUTTON (check);
          gtk_check_button_set_active (first, TRUE);
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->feeds_group, row);
      self->feed_rows = g_list_append (self->feed_rows, row);
      g_ptr_array_add (self->checks, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->feeds_group), TRUE);
}

static void
discovered_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(ClipAddOutletDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = clip_service_discover_feeds_finish (CLIP_SERVICE (source), res, &error);
  const ClipFeedCandidate *c;

  if (found == NULL && g_error_matches (error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_NOT_A_FEED))
    {
      /* No feed: what the page offers to watch instead. */
      g_autofree char *url = entry_text (self->url_row);

      clip_service_probe_async (self->service, url, self->cancellable, probed_cb, g_object_ref (self));
      return;
    }
  if (found == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_working (self, FALSE);
          show_error (self, error->message);
        }
      return;
    }
  set_working (self, FALSE);
  if (found->len == 1)
    {
      c = g_ptr_array_index (found, 0);
      add_feed (self, c->url, c->title);
      return;
    }
  self->candidates = g_steal_pointer (&found);
  offer_candidates (self);
}

static void
add_clicked_cb (ClipAddOutletDialog *self)
{
  g_autofree char *typed = entry_text (self->url_row);
  g_autofree char *url = NULL;
  g_autofree char *problem = typed_problem (typed, &url);

  g_clear_handle_id (&self->check_timeout, g_source_remove);
  if (problem != NULL)
    {
      show_error (self, problem);
      return;
    }
  if (url == NULL)
    return;
  if (self->probe != NULL)
    {
      add_watch (self);
      return;
    }
  /* A feed picked among those found. */
  if (self->candidates != NULL)
    {
      for (guint i = 0; i < self->checks->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
          {
            const ClipFeedCandidate *c = g_ptr_array_index (self->candidates, i);
            add_feed (self, c->url, c->title);
            return;
          }
      return;
    }
  if (self->service == NULL)
    {
      add_feed (self, url, NULL);
      return;
    }
  show_error (self, NULL);
  set_working (self, TRUE);
  clip_service_discover_feeds_async (self->service, url, self->cancellable,
                                     discovered_cb, g_object_ref (self));
}

static void
clip_add_outlet_dialog_dispose (GObject *object)
{
  ClipAddOutletDialog *self = CLIP_ADD_OUTLET_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->check_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLIP_TYPE_ADD_OUTLET_DIALOG);
  G_OBJECT_CLASS (clip_add_outlet_dialog_parent_class)->dispose (object);
}

static void
clip_add_outlet_dialog_finalize (GObject *object)
{
  ClipAddOutletDialog *self = CLIP_ADD_OUTLET_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);
  g_clear_object (&self->commands);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_list_free (self->feed_rows);
  g_list_free (self->watch_rows);
  g_list_free (self->sitemap_rows);
  g_clear_pointer (&self->sitemap_checks, g_ptr_array_unref);
  g_clear_pointer (&self->probe, clip_probe_free);
  G_OBJECT_CLASS (clip_add_outlet_dialog_parent_class)->finalize (object);
}

static void
clip_add_outlet_dialog_class_init (ClipAddOutletDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clip_add_outlet_dialog_dispose;
  object_class->finalize = clip_add_outlet_dialog_finalize;

  signals[OUTLET_ADDED] = g_signal_new ("outlet-added", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/clippings/Clippings/clip-add-outlet-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, banner);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, interval_row);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, interval_list);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, feeds_group);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, watch_group);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, sitemaps_group);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, selector_row);
  gtk_widget_class_bind_template_child (widget_class, ClipAddOutletDialog, count_label);
  gtk_widget_class_bind_template_callback (widget_class, selector_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
clip_add_outlet_dialog_init (ClipAddOutletDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  clip_interval_fill_list (self->interval_list);
}
