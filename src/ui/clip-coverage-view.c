/* clip-coverage-view.c — the Coverage view: what to count, the chart and
 * its legend, a bar's articles, the table of the same numbers
 *
 * The counts are clip_coverage_query()'s, the figures the CLI's
 * `coverage` and the reports print; spikes are the alert policy's
 * (clip_alert_spike_buckets()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-coverage-chart.h"
#include "clip-coverage-legend.h"
#include "clip-coverage-load.h"
#include "clip-coverage-view.h"
#include "clip-a11y.h"
#include "clip-format.h"
#include "clip-rule-colors.h"
#include "clip-rule-style.h"
#include "clip-store-listing.h"
#include "clip-stories.h"

/* The most articles a bar lists. */
#define BAR_ARTICLES 200

typedef ClipCoverageScopeItem Scope;

struct _ClipCoverageView
{
  AdwBin             parent_instance;

  AdwWindowTitle    *title;
  GtkDropDown       *scope_drop;
  GtkDropDown       *by_drop;
  GtkLabel          *summary_label;
  GtkStack          *content_stack;
  GtkStack          *view_stack;
  GtkToggleButton   *table_toggle;
  ClipCoverageChart *chart;
  GtkFlowBox        *legend;
  GtkLabel          *bucket_label;
  GtkListBox        *articles_list;
  GtkListBox        *table_list;
  GtkSpinner        *spinner;

  char              *path;        /* the archive: read in threads only */
  GArray            *scopes;      /* Scope, as the drop-down lists them */
  GPtrArray         *buckets;
  gboolean          *spikes;
  gboolean           filling;     /* the drop-down being filled: no reads */
  double             query_ms;
  gboolean           table_stale; /* filled when shown: a year by day is
                                   * hundreds of rows of labels */
  /* What the buckets count, and the bar open (its start, or G_MININT64):
   * counted again, the same bar stays open. */
  Scope              counted;
  gint64             counted_width;
  gint64             bar_start;
  /* Reads: numbered; a result a newer request overtook is dropped. */
  GCancellable      *load_cancellable;
  guint              generation, done;
  guint              bar_generation, bar_done;
  guint              applied, dropped;
};

G_DEFINE_FINAL_TYPE (ClipCoverageView, clip_coverage_view, ADW_TYPE_BIN)

enum { BACK, N_SIGNALS };
static guint signals[N_SIGNALS];

GtkWidget *
clip_coverage_view_new (void)
{
  return g_object_new (CLIP_TYPE_COVERAGE_VIEW, NULL);
}

static const Scope *
current_scope (ClipCoverageView *self)
{
  guint i = gtk_drop_down_get_selected (self->scope_drop);

  return i < self->scopes->len ? &g_array_index (self->scopes, Scope, i) : NULL;
}

static char *
scope_label (const Scope *s)
{
  switch (s->kind)
    {
    case CLIP_COVERAGE_SCOPE_RULE:
      return g_strdup_printf (_("Rule: %s"), s->name);
    case CLIP_COVERAGE_SCOPE_GROUP:
      return g_strdup_printf (_("Group: %s"), s->name);
    case CLIP_COVERAGE_SCOPE_STORY:
      return g_strdup_printf (_("Story: %s"), s->name ? s->name : "");
    case CLIP_COVERAGE_SCOPE_ALL:
    default:
      return g_strdup (_("All Articles"));
    }
}

/* The scopes read (everything, each rule and each outlet group; a story
 * when one is shown, from the Stories view) into the drop-down. */
static void
fill_scopes (ClipCoverageView *self, GArray *scopes, guint selected)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->scopes, g_array_unref);
  self->scopes = g_array_ref (scopes);
  for (guint i = 0; i < scopes->len; i++)
    {
      g_autofree char *label = scope_label (&g_array_index (scopes, Scope, i));

      gtk_string_list_append (labels, label);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->scope_drop, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->scope_drop, selected);
  self->filling = FALSE;
  g_object_unref (labels);
}

static void
clear_box (GtkListBox *box)
{
  GtkWidget *child;

  /* gtk_list_box_remove_all() is GTK 4.12's. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

static gint64
bucket_width (ClipCoverageView *self)
{
  return gtk_drop_down_get_selected (self->by_drop) == 1 ? 3600 : 86400;
}

static char *
bucket_when (ClipCoverageView *self, const ClipCoverageBucket *b)
{
  /* The buckets' own width: the drop-down may have moved on meanwhile. */
  if ((self->counted_width > 0 ? self->counted_width : bucket_width (self)) < 86400)
    {
      g_autofree char *day = clip_format_day (b->start, NULL, NULL);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (b->start);
      g_autofree char *hour = clip_format_clock (g_date_time_get_hour (dt), 0, NULL);

      return g_strdup_printf ("%s, %s", day, hour);
    }
  return clip_format_day (b->start, NULL, NULL);
}

static char *
shares_text (const ClipCoverageBucket *b)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint k = 0; k < b->by_outlet->len; k++)
    {
      const ClipCoverageShare *s = &g_array_index (b->by_outlet, ClipCoverageShare, k);
      g_autofree char *n = clip_format_count ((gint64) s->count, NULL);

      g_string_append_printf (out, "%s%s %s", k ? ", " : "", s->outlet, n);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A row of the table: period, articles, spike, outlets; read out as one
 * sentence by screen readers. */
static GtkWidget *
table_row (ClipCoverageView *self, guint i)
{
  const ClipCoverageBucket *b = self->buckets->pdata[i];
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *when = bucket_when (self, b);
  g_autofree char *n = clip_format_count ((gint64) b->count, NULL);
  g_autofree char *shares = shares_text (b);
  g_autofree char *spoken = NULL;
  const char *texts[] = { when, n, self->spikes[i] ? _("Spike") : "", shares };
  const int widths[] = { 12, 6, 5, -1 };

  for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
    {
      GtkWidget *label = gtk_label_new (texts[c]);

      gtk_label_set_xalign (GTK_LABEL (label), c == 1 ? 1 : 0);
      gtk_label_set_width_chars (GTK_LABEL (label), widths[c]);
      /* Narrow: an hour's period takes two lines. */
      gtk_label_set_wrap (GTK_LABEL (label), c == 0);
      if (c == 1)
        gtk_widget_add_css_class (label, "numeric");
      if (c == 2)
        gtk_widget_add_css_class (label, "error");
      if (c == 3)
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_widget_set_hexpand (label, TRUE);
          gtk_widget_add_css_class (label, "dim-label");
        }
      gtk_box_append (GTK_BOX (box), label);
    }
  g_object_set (box, "margin-top", 6, "margin-bottom", 6, "margin-start", 12, "margin-end", 12, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a row of the coverage table, for screen readers:
   * "7 Dec 2026: 12 articles, spike. Reuters 5, TASS 4" */
  spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s article%s. %s", "%s: %s articles%s. %s",
                                         b->count),
                            when, n, self->spikes[i] ? _(", spike") : "", shares);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  g_object_set_data (G_OBJECT (row), "clip-bucket", GUINT_TO_POINTER (i + 1));
  return row;
}

static GtkWidget *
table_header (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char *texts[] = { _("Period"), _("Articles"), _("Spike"), _("By outlet") };
  const int widths[] = { 12, 6, 5, -1 };

  for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
    {
      GtkWidget *label = gtk_label_new (texts[c]);

      gtk_label_set_xalign (GTK_LABEL (label), c == 1 ? 1 : 0);
      gtk_label_set_width_chars (GTK_LABEL (label), widths[c]);
      gtk_label_set_ellipsize (GTK_LABEL (label), c == 3 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);
    }
  g_object_set (box, "margin-top", 6, "margin-bottom", 6, "margin-start", 12, "margin-end", 12, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* The table's rows again; the keyboard focus stays on the row at the
 * same place, if it was on one. */
static void
fill_table (ClipCoverageView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->table_list))
                   ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  int at = row ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;

  clear_box (self->table_list);
  gtk_list_box_append (self->table_list, table_header ());
  for (guint i = 0; self->buckets && i < self->buckets->len; i++)
    gtk_list_box_append (self->table_list, table_row (self, i));
  self->table_stale = FALSE;
  if (at >= 0 && (row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->table_list, at))) != NULL)
    gtk_widget_grab_focus (row);
}

static void
show_summary (ClipCoverageView *self)
{
  guint64 total = 0;
  guint spikes = 0;
  g_autofree char *n = NULL, *text = NULL;

  for (guint i = 0; i < self->buckets->len; i++)
    {
      total += ((ClipCoverageBucket *) self->buckets->pdata[i])->count;
      spikes += self->spikes[i] != 0;
    }
  n = clip_format_count ((gint64) total, NULL);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s article", "%s articles", total), n);
  if (spikes > 0)
    {
      g_autofree char *plain = g_steal_pointer (&text);
      /* Translators: "1,204 articles · 2 spikes" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u spike", "%s · %u spikes", spikes),
                              plain, spikes);
    }
  gtk_label_set_text (self->summary_label, text);
}

static void
update_spinner (ClipCoverageView *self)
{
  /* Not twice: the first counts have a spinner in the chart's place. */
  gboolean loading = clip_coverage_view_is_loading (self) &&
                     g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "loading") != 0;

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
}

static void
scope_copy (Scope *to, const Scope *from)
{
  g_free (to->name);
  *to = (Scope) { from->kind, from->id, g_strdup (from->name) };
}

/* Counts read: chart, legend, summary and table. Counted again for the
 * same scope, the bar open stays open (its articles read again). */
static void
show_counts (ClipCoverageView *self, ClipCoverageLoad *load, const Scope *scope, gint64 width)
{
  gint64 series[CLIP_COVERAGE_CHART_SERIES + 1];
  gboolean same = scope->kind == self->counted.kind && scope->id == self->counted.id &&
                  g_strcmp0 (scope->name, self->counted.name) == 0 && width == self->counted_width;
  int reopen = -1;

  adw_window_title_set_subtitle (self->title, scope->name ? scope->name : _("All Articles"));
  g_clear_pointer (&self->buckets, g_ptr_array_unref);
  g_clear_pointer (&self->spikes, g_free);
  self->buckets = g_steal_pointer (&load->buckets);
  self->spikes = g_steal_pointer (&load->spikes);
  self->query_ms = load->query_ms;
  scope_copy (&self->counted, scope);
  self->counted_width = width;
  for (guint i = 0; same && i < self->buckets->len; i++)
    if (((ClipCoverageBucket *) self->buckets->pdata[i])->start == self->bar_start)
      reopen = (int) i;
  clip_coverage_legend_fill (self->legend, self->buckets, self->spikes, series);
  clip_coverage_chart_set_data (self->chart, self->buckets, self->spikes, series, width);
  self->table_stale = TRUE;
  if (gtk_toggle_button_get_active (self->table_toggle))
    fill_table (self);
  show_summary (self);
  gtk_stack_set_visible_child_name (self->content_stack, self->buckets->len ? "data" : "empty");
  if (reopen >= 0)
    {
      clip_coverage_view_open_bucket (self, reopen);
      return;
    }
  self->bar_start = G_MININT64;
  self->bar_done = ++self->bar_generation;
  clear_box (self->articles_list);
  gtk_label_set_text (self->bucket_label,
                      _("Click a bar (or pick one with the arrow keys and press Enter) to list its articles"));
}

typedef struct {
  ClipCoverageView *view;
  guint             generation;
  Scope             scope;       /* what is counted */
  gint64            width;
  gint64            start;       /* a bar's */
} Pending;

static void
pending_free (Pending *p)
{
  g_object_unref (p->view);
  g_free (p->scope.name);
  g_free (p);
}

static Pending *
pending_new (ClipCoverageView *self, guint generation, const Scope *scope, gint64 width)
{
  Pending *p = g_new0 (Pending, 1);

  p->view = g_object_ref (self);
  p->generation = generation;
  scope_copy (&p->scope, scope);
  p->width = width;
  return p;
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pending *p = user_data;
  ClipCoverageView *self = p->view;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipCoverageLoad) load = clip_coverage_load_finish (result, &error);

  if (p->generation != self->generation)
    self->dropped++;   /* overtaken by a newer request */
  else
    {
      self->done = p->generation;
      update_spinner (self);
      if (load == NULL)
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_warning ("Could not count the coverage: %s", error->message);
          /* A first count that failed leaves no spinner turning for ever. */
          if (self->buckets == NULL)
            gtk_stack_set_visible_child_name (self->content_stack, "empty");
        }
      else
        {
          self->applied++;
          if (load->scopes)
            fill_scopes (self, load->scopes, load->selected);
          show_counts (self, load, load->scopes ? current_scope (self) : &p->scope, p->width);
          update_spinner (self);
        }
    }
  pending_free (p);
}

/* Counts the scope chosen (with scopes: reads them first, keeping keep
 * chosen). The first counting shows a spinner in the chart's place;
 * later ones keep the chart until the new counts come. */
static void
request_counts (ClipCoverageView *self, gboolean scopes, const Scope *keep)
{
  const Scope all = { CLIP_COVERAGE_SCOPE_ALL, 0, NULL };
  const Scope *scope = keep ? keep : current_scope (self);
  Pending *p;

  if (self->path == NULL || self->filling)
    return;
  if (scope == NULL)
    scope = &all;
  p = pending_new (self, ++self->generation, scope, bucket_width (self));
  if (self->buckets == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  clip_coverage_load_async (self->path, scopes, scope, p->width, self->load_cancellable, counted_cb, p);
  update_spinner (self);
}

static GtkWidget *
article_row (const ClipArticleRow *a)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (a->title && *a->title ? a->title : _("Untitled"), -1);
  g_autofree char *when = clip_format_time_short (a->time, g_get_real_time () / G_USEC_PER_SEC, NULL, NULL);
  g_autofree char *subtitle = g_markup_printf_escaped ("%s · %s", a->outlet_name ? a->outlet_name : "", when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "article-id", GSIZE_TO_POINTER ((gsize) a->id));
  return row;
}

static void
bar_read_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Pending *p = user_data;
  ClipCoverageView *self = p->view;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = clip_coverage_load_bar_finish (result, &error);

  if (p->generation != self->bar_generation)
    self->dropped++;
  else
    {
      self->bar_done = p->generation;
      update_spinner (self);
      if (rows == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list a bar's articles: %s", error->message);
      for (guint i = 0; rows && i < rows->len; i++)
        gtk_list_box_append (self->articles_list, article_row (rows->pdata[i]));
      self->applied += rows != NULL;
    }
  pending_free (p);
}

void
clip_coverage_view_open_bucket (ClipCoverageView *self,
                                int               index)
{
  g_autofree char *when = NULL, *n = NULL, *text = NULL;
  const ClipCoverageBucket *b;
  Pending *p;

  g_return_if_fail (CLIP_IS_COVERAGE_VIEW (self));
  if (self->buckets == NULL || index < 0 || index >= (int) self->buckets->len || self->path == NULL)
    return;
  b = self->buckets->pdata[index];
  clip_coverage_chart_select (self->chart, index);
  self->bar_start = b->start;
  clear_box (self->articles_list);
  when = bucket_when (self, b);
  n = clip_format_count ((gint64) b->count, NULL);
  /* Translators: the heading of a bar's articles: "7 Dec 2026: 12 articles" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s article", "%s: %s articles", b->count),
                          when, n);
  gtk_label_set_text (self->bucket_label, text);
  /* The bar's articles of what the chart counts, not of the drop-down's
   * choice while its counts are still being read. */
  p = pending_new (self, ++self->bar_generation, &self->counted, self->counted_width);
  clip_coverage_load_bar_async (self->path, &self->counted, b->start, self->counted_width, BAR_ARTICLES,
                                self->load_cancellable, bar_read_cb, p);
  update_spinner (self);
}

static void
bar_activated_cb (ClipCoverageView *self,
                  int               index)
{
  clip_coverage_view_open_bucket (self, index);
}

static void
scope_changed_cb (ClipCoverageView *self)
{
  request_counts (self, FALSE, NULL);
}

static void
table_toggled_cb (ClipCoverageView *self)
{
  if (gtk_toggle_button_get_active (self->table_toggle) && self->table_stale)
    fill_table (self);
  gtk_stack_set_visible_child_name (self->view_stack,
                                    gtk_toggle_button_get_active (self->table_toggle) ? "table" : "chart");
}

static void
back_clicked_cb (ClipCoverageView *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

void
clip_coverage_view_set_store (ClipCoverageView *self,
                              ClipStore        *store)
{
  g_return_if_fail (CLIP_IS_COVERAGE_VIEW (self));

  g_free (self->path);
  /* Read in threads, each on a connection of its own: the UI thread's
   * connection (store) is never used here. */
  self->path = store ? g_strdup (clip_store_get_path (store)) : NULL;
}

void
clip_coverage_view_reload (ClipCoverageView *self)
{
  const Scope *s;
  Scope keep = { 0 };

  g_return_if_fail (CLIP_IS_COVERAGE_VIEW (self));
  if ((s = current_scope (self)) != NULL)
    scope_copy (&keep, s);
  request_counts (self, TRUE, &keep);
  g_free (keep.name);
}

void
clip_coverage_view_show (ClipCoverageView  *self,
                         ClipCoverageScope  scope,
                         gint64             id,
                         const char        *name)
{
  Scope keep = { scope, id, (char *) name };

  g_return_if_fail (CLIP_IS_COVERAGE_VIEW (self));
  request_counts (self, TRUE, &keep);
}

gboolean
clip_coverage_view_is_loading (ClipCoverageView *self)
{
  g_return_val_if_fail (CLIP_IS_COVERAGE_VIEW (self), FALSE);

  return self->done != self->generation || self->bar_done != self->bar_generation;
}

/* Cancels the reads under way: whatever comes back now is dropped. */
static void
forget_loads (ClipCoverageView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  self->done = ++self->generation;
  self->bar_done = ++self->bar_generation;
}

void
clip_coverage_view_cancel (ClipCoverageView *self)
{
  g_return_if_fail (CLIP_IS_COVERAGE_VIEW (self));

  forget_loads (self);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  update_spinner (self);
}

void
clip_coverage_view_get_load_counts (ClipCoverageView *self,
                                    guint            *applied,
                                    guint            *dropped)
{
  if (applied)
    *applied = self->applied;
  if (dropped)
    *dropped = self->dropped;
}

void
clip_coverage_view_set_hourly (ClipCoverageView *self,
                               gboolean          hourly)
{
  gtk_drop_down_set_selected (self->by_drop, hourly ? 1 : 0);
}

GPtrArray *
clip_coverage_view_get_buckets (ClipCoverageView  *self,
                                const gboolean   **spikes)
{
  if (spikes)
    *spikes = self->spikes;
  return self->buckets;
}

double
clip_coverage_view_get_query_ms (ClipCoverageView *self)
{
  return self->query_ms;
}

static void
table_activated_cb (GtkListBox       *box,
                    GtkListBoxRow    *row,
                    ClipCoverageView *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "clip-bucket"));

  if (i == 0)
    return;
  gtk_toggle_button_set_active (self->table_toggle, FALSE);
  clip_coverage_view_open_bucket (self, (int) i - 1);
}

static void
clip_coverage_view_dispose (GObject *object)
{
  /* A read still under way keeps the view alive; its widgets are gone. */
  forget_loads (CLIP_COVERAGE_VIEW (object));
  G_OBJECT_CLASS (clip_coverage_view_parent_class)->dispose (object);
}

static void
clip_coverage_view_finalize (GObject *object)
{
  ClipCoverageView *self = CLIP_COVERAGE_VIEW (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->counted.name, g_free);
  g_clear_pointer (&self->scopes, g_array_unref);
  g_clear_pointer (&self->buckets, g_ptr_array_unref);
  g_clear_pointer (&self->spikes, g_free);
  G_OBJECT_CLASS (clip_coverage_view_parent_class)->finalize (object);
}

static void
clip_coverage_view_class_init (ClipCoverageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clip_coverage_view_dispose;
  object_class->finalize = clip_coverage_view_finalize;
  g_type_ensure (CLIP_TYPE_COVERAGE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clippings/Clippings/clip-coverage-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, title);
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, scope_drop);
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, by_drop);
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, table_toggle);
  gtk_widget_class_bind_template_callback (widget_class, table_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, chart);
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, legend);
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, bucket_label);
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, articles_list);
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, table_list);
  gtk_widget_class_bind_template_child (widget_class, ClipCoverageView, spinner);
  gtk_widget_class_bind_template_callback (widget_class, bar_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/* The scope's names can be long (a rule's): ellipsized, so that the view
 * fits a phone. */
static void
scope_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
scope_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkStringObject *s = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (s));
}

static void
clip_coverage_view_init (ClipCoverageView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->load_cancellable = g_cancellable_new ();
  self->bar_start = G_MININT64;
  self->counted_width = -1;   /* nothing counted yet */
  self->scopes = g_array_new (FALSE, TRUE, sizeof (Scope));
  g_array_set_clear_func (self->scopes, clip_coverage_scope_item_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
  clip_a11y_name_internals (GTK_WIDGET (self->scope_drop));
  clip_a11y_name_internals (GTK_WIDGET (self->by_drop));
  g_signal_connect (factory, "setup", G_CALLBACK (scope_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (scope_bind_cb), NULL);
  gtk_drop_down_set_factory (self->scope_drop, factory);
  g_signal_connect (self->table_list, "row-activated", G_CALLBACK (table_activated_cb), self);
  clip_rule_style_ensure ();
}
