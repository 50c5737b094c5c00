/* clip-window-view.c — what the article list shows: the sidebar's source,
 * the search and its scope, the order picked for each source; and what an
 * empty list, or a search that cannot be read, says in its place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clip-rule-editor.h"
#include "clip-format.h"
#include "clip-rule-parser.h"
#include "clip-rules-store.h"
#include "clip-store-listing.h"
#include "clip-window-private.h"

/* The orders of the sort menu, as GSettings keeps them. */
static const struct {
  const char *name;
  ClipSort    sort;
  gboolean    ascending;
} sorts[] = {
  { "newest", CLIP_SORT_NEWEST, FALSE },
  { "oldest", CLIP_SORT_NEWEST, TRUE },
  { "outlet", CLIP_SORT_OUTLET, TRUE },
  { "title", CLIP_SORT_TITLE, TRUE },
};

/* The search typed, while the search bar is open; NULL when blank. */
static char *
typed_search (ClipWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (!gtk_search_bar_get_search_mode (self->search_bar) || *text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

/* What GSettings calls the sidebar's source: "all", "outlet-12"… */
static char *
view_key (ClipWindow *self)
{
  gint64 id = 0;

  switch (clip_sidebar_get_selected (self->sidebar, &id))
    {
    case CLIP_SOURCE_UNREAD:
      return g_strdup ("unread");
    case CLIP_SOURCE_FLAGGED:
      return g_strdup ("flagged");
    case CLIP_SOURCE_OUTLET:
      return g_strdup_printf ("outlet-%" G_GINT64_FORMAT, id);
    case CLIP_SOURCE_RULE:
      return g_strdup_printf ("rule-%" G_GINT64_FORMAT, id);
    case CLIP_SOURCE_TAG:
      return g_strdup_printf ("tag-%s", clip_sidebar_get_selected_tag (self->sidebar));
    case CLIP_SOURCE_ALL:
    default:
      return g_strdup ("all");
    }
}

/* The order picked for the source shown (newest first unless one was),
 * shown as the sort menu's choice. */
static guint
view_sort (ClipWindow *self)
{
  g_autoptr(GVariant) orders = g_settings_get_value (self->settings, "sort-orders");
  g_autofree char *key = view_key (self);
  const char *name = "newest";
  guint i;

  g_variant_lookup (orders, key, "&s", &name);
  for (i = 0; i < G_N_ELEMENTS (sorts) - 1 && !g_str_equal (sorts[i].name, name); i++)
    ;
  if (!g_str_equal (sorts[i].name, name))
    i = 0;
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "sort")),
                             g_variant_new_string (sorts[i].name));
  return i;
}

static void
sort_change_state (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  g_autoptr(GVariant) orders = g_settings_get_value (self->settings, "sort-orders");
  g_autofree char *key = view_key (self);
  const char *name = g_variant_get_string (value, NULL);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;
  gboolean known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    known |= g_str_equal (sorts[i].name, name);
  if (!known)
    return;
  /* Newest first goes without saying: only other orders are kept. */
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, orders);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, key))
      g_variant_builder_add (&builder, "{ss}", k, v);
  if (!g_str_equal (name, "newest"))
    g_variant_builder_add (&builder, "{ss}", key, name);
  g_settings_set_value (self->settings, "sort-orders", g_variant_builder_end (&builder));
  clip_window_apply_view (self);
}

/* The search read as a rule is; FALSE with the message (which starts
 * with the column) and the column. */
static gboolean
check_search (ClipWindow  *self,
              const char  *search,
              guint       *column,
              GError     **error)
{
  g_autoptr(ClipTermLists) lists = NULL;
  g_autoptr(ClipRuleNode) tree = NULL;

  if ((lists = clip_store_load_term_lists (self->store, error)) == NULL)
    return FALSE;
  tree = clip_rule_compile_tree (search, lists, column, error);
  return tree != NULL;
}

/* The search with the word at column (from 1) underlined, then why; as
 * the rule editor shows a query's error. */
static char *
error_markup (const char *search,
              guint       column,
              const char *message)
{
  glong length = g_utf8_strlen (search, -1);
  glong start = CLAMP ((glong) column - 1, 0, length), end = start;
  const char *from, *to;
  g_autofree char *before = NULL, *word = NULL, *after = NULL, *why = NULL;

  while (end < length && !g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (search, end))))
    end++;
  from = g_utf8_offset_to_pointer (search, start);
  to = g_utf8_offset_to_pointer (search, end);
  before = g_markup_escape_text (search, from - search);
  word = g_markup_escape_text (from, to - from);
  after = g_markup_escape_text (to, -1);
  why = g_markup_escape_text (message, -1);
  if (column == 0)
    return g_strdup_printf ("<tt>%s%s%s</tt>\n%s", before, word, after, why);
  return g_strdup_printf ("<tt>%s<u><b>%s</b></u>%s</tt>\n%s", before, word, after, why);
}

/* What the list says when it has no rows. */
static void
set_empty_state (ClipWindow     *self,
                 ClipSourceKind  kind,
                 const char     *search)
{
  const char *source = clip_sidebar_get_selected_title (self->sidebar);
  g_autofree char *title = NULL, *text = NULL, *escaped = NULL;
  GtkWidget *button;

  if (search != NULL)
    {
      escaped = g_markup_escape_text (search, -1);
      if (kind == CLIP_SOURCE_ALL)
        {
          /* Translators: %s is the search, as typed */
          text = g_strdup_printf (_("Nothing in the archive matches “%s”. A word ending in * "
                                    "finds its other forms too, as interfer* does."), escaped);
          clip_article_table_set_empty_markup (self->table, "system-search-symbolic", _("No Results"), text);
          return;
        }
      /* Translators: %s is a source of the sidebar (an outlet, Unread…) */
      title = g_strdup_printf (_("No Results in %s"), source);
      text = g_markup_printf_escaped (_("Nothing in %s matches “%s”."), source, search);
      clip_article_table_set_empty_markup (self->table, "system-search-symbolic", title, text);
      button = gtk_button_new_with_mnemonic (_("Search _All Articles"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.search-everywhere");
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      clip_article_table_set_empty_child (self->table, button);
    }
  else if (kind == CLIP_SOURCE_OUTLET && clip_sidebar_get_selected_error (self->sidebar))
    {
      text = g_strdup_printf (_("The last attempt failed: %s"), clip_sidebar_get_selected_error (self->sidebar));
      clip_article_table_set_empty (self->table, _("Could Not Fetch This Outlet"), text);
    }
  else if (kind != CLIP_SOURCE_ALL && kind != CLIP_SOURCE_OUTLET)
    clip_article_table_set_empty (self->table, _("No Articles Match"), _("Nothing here at the moment."));
  else
    clip_article_table_set_empty (self->table, _("No Articles Yet"),
                                  _("Articles appear here once the outlets have been fetched."));
}

/* Where the search looks, under its entry: "In Rustavi 2 ×" (the × searches
 * every article), or "In all articles". */
static void
update_scope (ClipWindow     *self,
              ClipSourceKind  kind,
              const char     *search)
{
  gboolean scoped = kind != CLIP_SOURCE_ALL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->scope_box, search != NULL);
  gtk_widget_set_visible (self->scope_chip, scoped);
  gtk_widget_set_visible (self->scope_all_label, !scoped);
  /* Translators: where a search looks; %s is an outlet, a rule, Unread… */
  text = g_strdup_printf (_("In %s"), clip_sidebar_get_selected_title (self->sidebar));
  gtk_label_set_text (self->scope_label, text);
  gtk_widget_set_sensitive (self->save_rule_button, search != NULL && self->search_error == NULL);
}

static void
show_search_error (ClipWindow *self,
                   const char *search,
                   guint       column,
                   const char *message)
{
  g_autofree char *markup = error_markup (search, column, message);

  g_free (self->search_error);
  self->search_error = g_strdup (message);
  clip_article_table_set_empty_markup (self->table, "dialog-warning-symbolic",
                                       _("This Search Cannot Be Read"), markup);
  gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
fill_filter (ClipWindow        *self,
             ClipArticleFilter *filter,
             ClipSourceKind     kind,
             gint64             id)
{
  filter->unread_only = kind == CLIP_SOURCE_UNREAD;
  filter->flagged_only = kind == CLIP_SOURCE_FLAGGED;
  filter->outlet_id = kind == CLIP_SOURCE_OUTLET ? id : 0;
  filter->rule_id = kind == CLIP_SOURCE_RULE ? id : 0;
  /* The sidebar's: lives until the sidebar's tags change, after the view
   * has copied the filter. */
  filter->tag = kind == CLIP_SOURCE_TAG ? clip_sidebar_get_selected_tag (self->sidebar) : NULL;
}

void
clip_window_apply_view (ClipWindow *self)
{
  ClipArticleFilter filter = { 0 };
  g_autofree char *search = typed_search (self);
  g_autoptr(GError) error = NULL;
  ClipSourceKind kind;
  gint64 id = 0;
  guint sort, column = 0;

  if (self->list == NULL)
    return;
  kind = clip_sidebar_get_selected (self->sidebar, &id);
  fill_filter (self, &filter, kind, id);
  sort = view_sort (self);
  g_clear_pointer (&self->search_error, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  g_free (self->search);
  self->search = g_strdup (search);
  set_empty_state (self, kind, search);
  if (search != NULL && !check_search (self, search, &column, &error))
    show_search_error (self, search, column, error->message);
  update_scope (self, kind, search);
  gtk_widget_set_visible (self->outlet_button, kind == CLIP_SOURCE_OUTLET);
  clip_article_table_set_snippets (self->table, search != NULL && self->search_error == NULL);
  clip_article_view_set_search (self->article_view, self->search_error ? NULL : search);
  if (self->search_error != NULL)
    {
      /* No results: none of them is shown. */
      clip_article_list_show_nothing (self->list);
      clip_article_view_show (self->article_view, 0);
    }
  else
    clip_article_list_set_view (self->list, &filter, search, sorts[sort].sort, sorts[sort].ascending);
  adw_window_title_set_title (self->content_title, clip_sidebar_get_selected_title (self->sidebar));
  clip_window_update_subtitle (self);
}

void
clip_window_get_view_scope (ClipWindow      *self,
                            ClipExportScope *scope)
{
  gint64 id = 0;
  ClipSourceKind kind = clip_sidebar_get_selected (self->sidebar, &id);

  memset (scope, 0, sizeof *scope);
  scope->flagged = kind == CLIP_SOURCE_FLAGGED;
  scope->unread = kind == CLIP_SOURCE_UNREAD;
  scope->outlet_id = kind == CLIP_SOURCE_OUTLET ? id : 0;
  if (kind == CLIP_SOURCE_RULE && self->store)
    {
      g_autoptr(ClipRule) rule = clip_store_get_rule (self->store, id, NULL);

      scope->rule = rule ? g_strdup (rule->name) : NULL;
    }
  /* A search that cannot be read finds nothing in the list either. */
  scope->query = self->search_error ? NULL : g_strdup (self->search);
}

void
clip_window_view_failed (ClipWindow *self,
                         const char *message)
{
  /* A search SQLite's index refused: where the results would be. */
  if (self->search != NULL)
    show_search_error (self, self->search, 0, message);
  else
    clip_window_show_toast (self, message);
  clip_window_update_subtitle (self);
}

void
clip_window_update_subtitle (ClipWindow *self)
{
  /* All the view's rows, not only those the list has shown so far. */
  guint n = self->list ? clip_article_list_get_total (self->list) : 0;
  guint selected;
  g_autofree char *text = NULL;

  /* Until a new view's rows come, those shown are the previous view's. */
  if (self->list && clip_article_list_is_loading (self->list) &&
      (n == 0 || clip_article_list_is_stale (self->list)))
    text = g_strdup (self->search ? _("Searching…") : _("Loading…"));
  else if (self->search_error != NULL)
    text = g_strdup (_("Search error"));
  else if (self->search != NULL)
    {
      g_autofree char *count = clip_format_count (n, NULL);

      /* Translators: %s is a number, with the locale's thousands separators */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s result", "%s results", n), count);
    }
  else
    {
      g_autofree char *count = clip_format_count (n, NULL);

      /* Translators: %s is a number, with the locale's thousands separators */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s article", "%s articles", n), count);
    }
  /* Several rows selected: the bulk actions' scope, said. */
  if (self->search_error == NULL && (selected = clip_article_table_get_n_selected (self->table)) > 1)
    {
      g_autofree char *count = clip_format_count (selected, NULL);
      g_autofree char *with = NULL;

      /* Translators: "120 articles, 5 selected"; %s is a count */
      with = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s selected", "%s, %s selected",
                                           selected), text, count);
      g_free (text);
      text = g_steal_pointer (&with);
    }
  adw_window_title_set_subtitle (self->content_title, text);
}

/* Actions */

static void
search_everywhere_activated (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);

  /* The sidebar follows, and its selection applies the view. */
  clip_sidebar_select (self->sidebar, CLIP_SOURCE_ALL, 0);
}

static void
rule_saved_cb (ClipRuleEditor *editor,
               gint64          id,
               guint64         matched,
               ClipWindow     *self)
{
  g_autofree char *count = clip_format_count ((gint64) MIN (matched, G_MAXINT64), NULL);
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Rule saved: %s archived article matches",
                                                           "Rule saved: %s archived articles match",
                                                           matched), count);

  clip_window_show_toast (self, message);
  clip_window_reload (self);
}

static void
save_search_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  ClipWindow *self = CLIP_WINDOW (user_data);
  ClipRuleEditor *editor;

  if (self->search == NULL || self->commands == NULL)
    return;
  editor = clip_rule_editor_new (self->store, self->commands, NULL);
  clip_rule_editor_set_query (editor, self->search);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (rule_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

void
clip_window_show_page (ClipWindow        *self,
                       const char        *name,
                       const char *const *family,
                       char             **back_to)
{
  const char *current = gtk_stack_get_visible_child_name (self->main_stack);

  if (current == NULL || !g_strv_contains (family, current))
    {
      g_free (*back_to);
      *back_to = g_strdup (current);
    }
  gtk_stack_set_visible_child_name (self->main_stack, name);
}

void
clip_window_page_back (ClipWindow *self,
                       const char *back_to)
{
  gtk_stack_set_visible_child_name (self->main_stack, back_to ? back_to : "archive");
}

void
clip_window_add_view_actions (ClipWindow *self)
{
  static const GActionEntry actions[] = {
    { "sort", NULL, "s", "'newest'", sort_change_state },
    { "search-everywhere", search_everywhere_activated },
    { "save-search", save_search_activated },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}
