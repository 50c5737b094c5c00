/* test-ui-rules.c — the rule editor (checking as you type, live preview,
 * saving with backfill) and the Rules page (switch, delete with undo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "clip-archive.h"
#include "clip-rule-colors.h"
#include "clip-rule-editor.h"
#include "clip-rule-search.h"
#include "clip-rules-page.h"
#include "clip-rules-store.h"
#include "clip-store-sql.h"
#include "clip-test-ui.h"
#include "clip-test-util.h"
#include "clip-term-lists-window.h"

static gboolean have_display;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!have_display) \
      { \
        g_test_skip ("No display (run under xvfb-run)"); \
        return; \
      } \
  } G_STMT_END

typedef struct {
  char         *dir;
  ClipStore    *store;
  ClipCommands *commands;
} Fixture;

/* Articles in three kinds: about interference by Russia, about Russia and
 * interference far apart (a decoy for NEAR), and neither. */
static void
fill_archive (ClipStore *store)
{
  g_autoptr(ClipOutlet) outlet = clip_outlet_new ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult result;
  gint64 outlet_id;

  outlet->url = g_strdup ("https://civil.example.ge/feed");
  outlet->name = g_strdup ("Civil Example");
  outlet_id = clip_store_add_outlet (store, outlet, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 36; i++)
    {
      ClipArticle *a = clip_article_new ();

      a->guid = g_strdup_printf ("article-%u", i);
      a->published = 1772452800 + i * 600;
      switch (i % 3)
        {
        case 0:
          a->title = g_strdup_printf ("Kremlin interference in the Tbilisi vote, part %u", i);
          a->summary_text = g_strdup ("These partners are a subject of Russian interference, officials said.");
          break;
        case 1:
          a->title = g_strdup_printf ("Russian ballet opens the season, part %u", i);
          a->summary_text = g_strdup ("A long review of the dancers, the music, the hall, the lights, "
                                      "the costumes, the crowd and, at the end, interference on the radio.");
          break;
        default:
          a->title = g_strdup_printf ("Rain expected in Batumi, part %u", i);
          a->summary_text = g_strdup ("The weather service expects rain over the coast.");
        }
      g_ptr_array_add (articles, a);
    }
  clip_ingest_result_init (&result);
  clip_store_ingest (store, outlet_id, articles, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 36);
  clip_ingest_result_clear (&result);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
    return;
  f->dir = clip_test_ui_data_dir ();
  f->store = clip_archive_open (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fill_archive (f->store);
  f->commands = clip_commands_open (f->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->commands);
  g_clear_object (&f->store);
  g_free (f->dir);
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name));
}

static gboolean
preview_done (gpointer editor)
{
  GtkLabel *count = GTK_LABEL (child (editor, CLIP_TYPE_RULE_EDITOR, "preview_count"));
  const char *text = gtk_label_get_text (count);

  return g_ascii_isdigit (text[0]) || g_str_has_prefix (text, "No archived");
}

static guint64
preview_count (ClipRuleEditor *editor)
{
  GtkLabel *count = GTK_LABEL (child (editor, CLIP_TYPE_RULE_EDITOR, "preview_count"));

  return g_ascii_strtoull (gtk_label_get_text (count), NULL, 10);
}

static guint
count_cli_results (const char *dir,
                   const char *query)
{
  const char *argv[] = { "--data-dir", dir, "search", query, "--limit", "0", "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_cmpint (clip_test_run_cli (argv, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_get_length (json_node_get_array (root));
}

static void
test_invalid_query (Fixture       *f,
                    gconstpointer  data)
{
  ClipRuleEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkWidget *message, *save;
  GtkTextIter iter;

  SKIP_WITHOUT_DISPLAY ();
  editor = clip_rule_editor_new (f->store, f->commands, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (editor, CLIP_TYPE_RULE_EDITOR, "query_view")));
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "error");
  message = child (editor, CLIP_TYPE_RULE_EDITOR, "query_message");
  save = child (editor, CLIP_TYPE_RULE_EDITOR, "save_button");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, CLIP_TYPE_RULE_EDITOR, "name_row")), "Ports");

  /* A new rule's colour is one no rule has (the palette's farthest). */
  {
    g_autoptr(GPtrArray) rules = clip_store_list_rules (f->store, NULL);
    g_autofree char *next = clip_store_next_rule_color (f->store, NULL);
    g_autofree char *shown = NULL;
    GdkRGBA rgba;

    gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (child (editor, CLIP_TYPE_RULE_EDITOR, "color_button")), &rgba);
    shown = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + .5), (int) (rgba.green * 255 + .5),
                             (int) (rgba.blue * 255 + .5));
    g_assert_cmpstr (shown, ==, next);
    g_assert_cmpuint (rules->len, >, 0);
    for (guint i = 0; i < rules->len; i++)
      g_assert_cmpstr (((ClipRule *) rules->pdata[i])->color, !=, shown);
  }

  /* An unknown field: the message names the column, the field is underlined. */
  clip_rule_editor_set_query (editor, "Poti AND harbour:Batumi");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (message)), "column 10: "));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 9);
  g_assert_true (gtk_text_iter_has_tag (&iter, tag));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 4);
  g_assert_false (gtk_text_iter_has_tag (&iter, tag));
  g_assert_false (clip_rule_editor_can_save (editor));
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Unknown term list, in Georgian text: columns count characters. */
  clip_rule_editor_set_query (editor, "ფოთი @no_such_list");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (message)), "column 6: "));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 5);
  g_assert_true (gtk_text_iter_has_tag (&iter, tag));
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Not even as an inactive rule. */
  gtk_switch_set_active (GTK_SWITCH (child (editor, CLIP_TYPE_RULE_EDITOR, "enabled_switch")), FALSE);
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Fixed: the underline and the message go, and it can be saved. */
  clip_rule_editor_set_query (editor, "Poti AND title:Batumi");
  g_assert_false (gtk_widget_get_visible (message));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 9);
  g_assert_false (gtk_text_iter_has_tag (&iter, tag));
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_preview_count (Fixture       *f,
                    gconstpointer  data)
{
  const char *query = "@russia_terms NEAR/6 interfer*";
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  ClipRuleEditor *editor;
  GtkWidget *list;
  guint64 shown;

  SKIP_WITHOUT_DISPLAY ();
  editor = clip_rule_editor_new (f->store, f->commands, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  clip_rule_editor_set_query (editor, query);
  g_assert_true (clip_test_ui_wait (preview_done, editor));
  shown = preview_count (editor);

  /* What the rule search and the command line find in the same archive. */
  ids = clip_rule_search (f->store, query, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shown, ==, ids->len);
  g_assert_cmpuint (shown, ==, count_cli_results (f->dir, query));
  g_assert_cmpuint (shown, ==, 12);   /* the decoys are too far apart */
  list = child (editor, CLIP_TYPE_RULE_EDITOR, "preview_list");
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_nonnull (clip_test_ui_find (list, ADW_TYPE_ACTION_ROW,
                                       "Kremlin interference in the Tbilisi vote, part 33"));

  /* A changed query replaces the preview, the newer answer wins. */
  clip_rule_editor_set_query (editor, "Batumi");
  clip_rule_editor_set_query (editor, "ballet");
  g_assert_true (clip_test_ui_wait (preview_done, editor));
  g_assert_cmpuint (preview_count (editor), ==, 12);
  g_assert_nonnull (clip_test_ui_find (list, ADW_TYPE_ACTION_ROW,
                                       "Russian ballet opens the season, part 34"));
  clip_rule_editor_set_query (editor, "hovercraft");
  g_assert_true (clip_test_ui_wait (preview_done, editor));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (editor, CLIP_TYPE_RULE_EDITOR, "preview_count"))),
                   ==, "No archived article matches");
  g_assert_false (gtk_widget_get_visible (list));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
on_saved (ClipRuleEditor *editor,
          gint64          id,
          guint64         matched,
          gint64         *out)
{
  out[0] = id;
  out[1] = matched;
}

static gboolean
is_saved (gpointer out)
{
  return ((gint64 *) out)[0] != 0;
}

static void
test_save_applies (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ClipRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  ClipRuleEditor *editor;
  gint64 saved[2] = { 0, 0 };

  SKIP_WITHOUT_DISPLAY ();
  editor = clip_rule_editor_new (f->store, f->commands, NULL);
  g_object_ref (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), saved);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (GTK_EDITABLE (child (editor, CLIP_TYPE_RULE_EDITOR, "name_row")), "Rain");
  clip_rule_editor_set_query (editor, "rain AND Batumi");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, CLIP_TYPE_RULE_EDITOR, "severity_row")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, CLIP_TYPE_RULE_EDITOR, "notify_row")), 2);
  gtk_widget_activate (child (editor, CLIP_TYPE_RULE_EDITOR, "save_button"));
  g_assert_true (clip_test_ui_wait (is_saved, saved));
  g_assert_cmpint (saved[1], ==, 12);
  /* Closed once saved. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);

  rule = clip_store_find_rule (f->store, "Rain", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rule->id, ==, saved[0]);
  g_assert_cmpstr (rule->query, ==, "rain AND Batumi");
  g_assert_cmpstr (rule->severity, ==, "critical");
  g_assert_cmpstr (rule->notify, ==, "daily");
  g_assert_true (rule->enabled);
  g_assert_cmpint (rule->match_count, ==, 12);
}

static GtkListBox *
rules_list (ClipRulesPage *page)
{
  return GTK_LIST_BOX (child (page, CLIP_TYPE_RULES_PAGE, "rules_list"));
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (list)); w; w = gtk_widget_get_next_sibling (w))
    n++;
  return n;
}

static gboolean
rule_disabled (gpointer data)
{
  Fixture *f = data;
  g_autoptr(ClipRule) rule = clip_store_find_rule (f->store, "Russian interference", NULL);

  return rule != NULL && !rule->enabled;
}

static gboolean
rule_gone (gpointer data)
{
  Fixture *f = data;
  g_autoptr(ClipRule) rule = clip_store_find_rule (f->store, "Russian interference", NULL);

  return rule == NULL;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

static gboolean
is_null (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

static void
set_true (gpointer  instance,
          gboolean *flag)
{
  *flag = TRUE;
}

/* The toast whose button is button (AdwToastWidget is private: by name). */
static AdwToast *
toast_of (GtkWidget *button)
{
  GtkWidget *widget = gtk_widget_get_ancestor (button, g_type_from_name ("AdwToastWidget"));
  AdwToast *toast = NULL;

  g_assert_nonnull (widget);
  g_object_get (widget, "toast", &toast, NULL);
  g_assert_nonnull (toast);
  return toast;
}

static ClipRulesPage *
present_rules_page (Fixture    *f,
                    GtkWidget **window)
{
  ClipRulesPage *page = CLIP_RULES_PAGE (clip_rules_page_new ());

  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (page));
  clip_rules_page_set_commands (page, f->commands);
  clip_rules_page_set_store (page, f->store);
  gtk_window_present (GTK_WINDOW (*window));
  return page;
}

static void
flushed_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_assert_true (clip_commands_run_finish (CLIP_COMMANDS (source), result, NULL));
  *(gboolean *) data = TRUE;
}

/* Waits until the commands asked so far have run. */
static void
flush_commands (Fixture *f)
{
  g_autoptr(ClipCommand) barrier = clip_command_read_all_alerts ();
  gboolean done = FALSE;

  clip_commands_run_async (f->commands, barrier, NULL, NULL, flushed_cb, &done);
  g_assert_true (clip_test_ui_wait (is_true, &done));
}

static void
test_rules_page (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(ClipRule) russia = NULL;
  g_autoptr(AdwToast) toast = NULL;
  GtkWidget *window, *row, *sw;
  ClipRulesPage *page;
  gboolean dismissed = FALSE;
  guint n;

  SKIP_WITHOUT_DISPLAY ();
  rules = clip_store_list_rules (f->store, NULL);
  russia = clip_store_find_rule (f->store, "Russian interference", NULL);
  g_assert_nonnull (russia);
  page = present_rules_page (f, &window);

  /* Every rule, with its match count. */
  n = n_rows (rules_list (page));
  g_assert_cmpuint (n, ==, rules->len);
  row = clip_test_ui_find (GTK_WIDGET (rules_list (page)), ADW_TYPE_ACTION_ROW, "Russian interference");
  g_assert_nonnull (row);
  g_assert_nonnull (clip_test_ui_find (row, GTK_TYPE_LABEL, "12 matches"));
  g_assert_nonnull (clip_test_ui_find (row, GTK_TYPE_LABEL, "Critical"));

  /* The switch turns the rule off in the archive. */
  sw = clip_test_ui_find (row, GTK_TYPE_SWITCH, NULL);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  g_assert_true (clip_test_ui_wait (rule_disabled, f));

  /* Delete hides it at once; undo brings it back; nothing was deleted. */
  gtk_widget_activate_action (GTK_WIDGET (page), "rules.delete", "x", russia->id);
  g_assert_cmpuint (n_rows (rules_list (page)), ==, n - 1);
  g_assert_false (rule_gone (f));
  {
    GtkWidget *undo = clip_test_ui_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Undo");

    g_assert_nonnull (undo);
    toast = toast_of (undo);
    g_signal_connect (toast, "dismissed", G_CALLBACK (set_true), &dismissed);
    g_signal_emit_by_name (undo, "clicked");
  }
  /* The toast goes, which is when a deletion would start; then the page,
   * whose going would delete what it still offered to undo; then a
   * command asked after those has run: commands run in order, so a
   * deletion would have been written by then. */
  g_assert_true (clip_test_ui_wait (is_true, &dismissed));
  g_signal_handlers_disconnect_by_data (toast, &dismissed);
  g_assert_cmpuint (n_rows (rules_list (page)), ==, n);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (clip_test_ui_wait (is_null, &page));
  flush_commands (f);
  g_assert_false (rule_gone (f));

  /* Deleted for good when the toast goes without an undo. */
  page = present_rules_page (f, &window);
  gtk_widget_activate_action (GTK_WIDGET (page), "rules.delete", "x", russia->id);
  g_assert_cmpuint (n_rows (rules_list (page)), ==, n - 1);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (clip_test_ui_wait (rule_gone, f));
}

typedef struct {
  Fixture    *f;
  const char *name;
} ListWait;

static gboolean
has_list (gpointer data)
{
  ListWait *w = data;
  g_auto(GStrv) names = clip_store_list_term_lists (w->f->store, NULL);

  return names != NULL && g_strv_contains ((const char * const *) names, w->name);
}

static gboolean
is_sensitive (gpointer widget)
{
  return gtk_widget_get_sensitive (widget);
}

static void
set_entries (ClipTermListsWindow *window,
             const char          *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "entries_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
test_term_lists (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ClipRule) rule = NULL;
  ClipTermListsWindow *window;
  GtkWidget *lists, *row, *error_label;
  ListWait wait = { f, "russia_words" };

  SKIP_WITHOUT_DISPLAY ();
  window = clip_term_lists_window_new (f->store, f->commands);
  gtk_window_present (GTK_WINDOW (window));
  lists = child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "lists_box");
  row = gtk_widget_get_parent (clip_test_ui_find (lists, GTK_TYPE_LABEL, "@russia_terms"));
  gtk_list_box_select_row (GTK_LIST_BOX (lists), GTK_LIST_BOX_ROW (row));

  /* The rules that use it are shown, and it cannot be deleted: the
   * window says why, beside the button and on it. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "used_by"))),
                   ==, "Used by the rules “Disinformation”, “Russian interference”. It can be deleted "
                   "once no rule uses it: take @russia_terms out of those rules first.");
  g_assert_false (gtk_widget_get_sensitive (child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "delete_button")));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (child (window, CLIP_TYPE_TERM_LISTS_WINDOW,
                                                                "delete_button")), "“Disinformation”"));

  /* Checked as typed, every mistake at once, and Save waits for a fix. */
  error_label = child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "error_label");
  g_assert_false (gtk_widget_get_visible (error_label));
  set_entries (window, "Russia*\nK*\n@other\n");
  gtk_editable_set_text (GTK_EDITABLE (child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "name_row")), "russia terms");
  g_assert_true (gtk_widget_get_visible (error_label));
  {
    g_auto(GStrv) lines = g_strsplit (gtk_label_get_text (GTK_LABEL (error_label)), "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_nonnull (strstr (lines[0], "made of letters"));
    g_assert_true (g_str_has_prefix (lines[1], "Line 2: "));
    g_assert_true (g_str_has_prefix (lines[2], "Line 3: "));
  }
  g_assert_false (gtk_widget_get_sensitive (child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "save_button")));
  clip_test_ui_wait_frame (GTK_WIDGET (window));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "term-lists-errors"));
  gtk_editable_set_text (GTK_EDITABLE (child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "name_row")), "georgia_terms");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "already a term list named “georgia_terms”"));
  set_entries (window, "Russia*\nKremlin\n");
  gtk_editable_set_text (GTK_EDITABLE (child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "name_row")), "russia_terms");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_get_sensitive (child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "save_button")));
  clip_test_ui_wait_frame (GTK_WIDGET (window));
  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), "term-lists"));

  /* Renamed: the rule that used it follows, and still matches the same. */
  gtk_editable_set_text (GTK_EDITABLE (child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "name_row")), "russia_words");
  set_entries (window, "Russia*\nKremlin\nMoscow\n");
  gtk_widget_activate (child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "save_button"));
  g_assert_true (clip_test_ui_wait (has_list, &wait));
  /* Saved when the window takes edits again: the rules are applied anew. */
  g_assert_true (clip_test_ui_wait (is_sensitive, child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "editor")));
  wait.name = "russia_terms";
  g_assert_false (has_list (&wait));
  rule = clip_store_find_rule (f->store, "Russian interference", NULL);
  g_assert_true (g_str_has_prefix (rule->query, "@russia_words NEAR/6 "));
  g_assert_cmpint (rule->match_count, ==, 12);
  g_clear_pointer (&rule, clip_rule_free);
  rule = clip_store_find_rule (f->store, "Disinformation", NULL);
  g_assert_nonnull (strstr (rule->query, "@russia_words"));
  g_assert_null (strstr (rule->query, "@russia_terms"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkListBoxRow *
list_row (gpointer window, const char *label)
{
  GtkWidget *lists = child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "lists_box");
  GtkWidget *found = clip_test_ui_find (lists, GTK_TYPE_LABEL, label);

  g_assert_nonnull (found);
  return GTK_LIST_BOX_ROW (gtk_widget_get_parent (found));
}

static char *
entries_of (gpointer window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (window, CLIP_TYPE_TERM_LISTS_WINDOW,
                                                                          "entries_view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The message dialog the window opened over itself, or NULL. */
static gboolean
find_question (gpointer out)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        {
          *(gpointer *) out = w;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

/* Edits not saved survive opening another list, say so in the list, and
 * are asked about when the window closes; nothing is saved meanwhile. */
static void
test_term_list_drafts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ClipTermLists) lists = NULL;
  ClipTermListsWindow *window;
  AdwMessageDialog *question = NULL;
  GtkWidget *lists_box;
  g_autofree char *text = NULL;

  SKIP_WITHOUT_DISPLAY ();
  window = clip_term_lists_window_new (f->store, f->commands);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  lists_box = child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "lists_box");
  gtk_list_box_select_row (GTK_LIST_BOX (lists_box), list_row (window, "@russia_terms"));
  set_entries (window, "Russia*\nKremlin\nPutin\n");
  gtk_list_box_select_row (GTK_LIST_BOX (lists_box), list_row (window, "@georgia_terms"));
  text = entries_of (window);
  g_assert_null (strstr (text, "Putin"));
  g_clear_pointer (&text, g_free);
  /* The edited list says so; back on it, the edits are there. */
  gtk_list_box_select_row (GTK_LIST_BOX (lists_box), list_row (window, "@russia_terms (unsaved)"));
  text = entries_of (window);
  g_assert_cmpstr (text, ==, "Russia*\nKremlin\nPutin\n");
  g_assert_true (gtk_widget_get_sensitive (child (window, CLIP_TYPE_TERM_LISTS_WINDOW, "save_button")));

  /* Closing asks; keeping the edits keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (clip_test_ui_wait (find_question, &question));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "@russia_terms"));
  /* A response closes the dialog itself. */
  adw_message_dialog_response (question, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  question = NULL;
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (clip_test_ui_wait (find_question, &question));
  adw_message_dialog_response (question, "discard");
  g_assert_true (clip_test_ui_wait (is_hidden, window));
  lists = clip_store_load_term_lists (f->store, NULL);
  g_assert_cmpuint (((GPtrArray *) g_hash_table_lookup (lists, "russia_terms"))->len, >, 0);
  for (guint i = 0; i < ((GPtrArray *) g_hash_table_lookup (lists, "russia_terms"))->len; i++)
    g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_hash_table_lookup (lists, "russia_terms"), i), !=, "Putin");
  g_object_unref (window);
}

/* Checking as you type reads the term lists when the editor opens, not at
 * every keystroke, and again when a list is saved or removed meanwhile. */
static int
count_list_reads (unsigned  type,
                  void     *reads,
                  void     *stmt,
                  void     *sql)
{
  if (strstr (sql, "term_list_entries") != NULL)
    (*(guint *) reads)++;
  return 0;
}

static void
type_text (ClipRuleEditor *editor,
           const char     *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (editor, CLIP_TYPE_RULE_EDITOR,
                                                                          "query_view")));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    gtk_text_buffer_insert_at_cursor (buffer, p, g_utf8_next_char (p) - p);
}

static void
test_lists_read_once (Fixture       *f,
                      gconstpointer  data)
{
  const char *entries[] = { "Poti", "Batumi", "ფოთ*", NULL };
  g_autoptr(ClipStore) other = NULL;
  g_autoptr(GError) error = NULL;
  ClipRuleEditor *editor;
  GtkLabel *message;
  guint reads = 0;

  SKIP_WITHOUT_DISPLAY ();
  sqlite3_trace_v2 (clip_store_get_db (f->store), SQLITE_TRACE_STMT, count_list_reads, &reads);
  editor = clip_rule_editor_new (f->store, f->commands, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_cmpuint (reads, ==, 1);
  message = GTK_LABEL (child (editor, CLIP_TYPE_RULE_EDITOR, "query_message"));
  gtk_editable_set_text (GTK_EDITABLE (child (editor, CLIP_TYPE_RULE_EDITOR, "name_row")), "Interference");

  /* Each keystroke checked against the lists kept. */
  type_text (editor, "@russia_term");
  g_assert_false (clip_rule_editor_can_save (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "russia_term"));
  type_text (editor, "s NEAR/6 interfer*");
  g_assert_true (clip_rule_editor_can_save (editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  type_text (editor, " OR @ports");
  g_assert_false (clip_rule_editor_can_save (editor));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "ports"));
  g_assert_cmpuint (reads, ==, 1);

  /* Saved by another connection (the Term Lists window's, clippings-cli). */
  other = clip_archive_open (f->dir, CLIP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (clip_store_set_term_list (other, "ports", entries, &error));
  type_text (editor, " ");
  g_assert_true (clip_rule_editor_can_save (editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  type_text (editor, "OR Poti");
  g_assert_cmpuint (reads, ==, 2);

  /* Removed: the query no longer reads. */
  g_assert_true (clip_store_remove_term_list (other, "ports", &error));
  type_text (editor, " ");
  g_assert_false (clip_rule_editor_can_save (editor));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "ports"));
  g_assert_cmpuint (reads, ==, 3);

  sqlite3_trace_v2 (clip_store_get_db (f->store), 0, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  have_display = clip_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui-rules/invalid-query", test_invalid_query);
  ADD ("/ui-rules/preview-count", test_preview_count);
  ADD ("/ui-rules/save-applies", test_save_applies);
  ADD ("/ui-rules/rules-page", test_rules_page);
  ADD ("/ui-rules/term-lists", test_term_lists);
  ADD ("/ui-rules/term-list-drafts", test_term_list_drafts);
  ADD ("/ui-rules/lists-read-once", test_lists_read_once);
#undef ADD

  return g_test_run ();
}
