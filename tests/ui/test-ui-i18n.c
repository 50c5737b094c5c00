/* test-ui-i18n.c — the window in the language CLIPPINGS_TEST_LANGUAGE
 * names (ka, ru, uk): every text it shows (labels, titles, tooltips,
 * placeholders) on the article list, the Rules and the Alerts pages is
 * translated, no translated label is cut short, and the window keeps the
 * width asked for; screenshots (i18n-LANG-*.png) for a person to look at.
 *
 * The language's own locale (ka_GE.UTF-8…) is compiled into a temporary
 * folder with localedef when the system has its sources, so that dates
 * and numbers follow it; otherwise C.UTF-8, where gettext still honours
 * LANGUAGE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "clip-archive.h"
#include "clip-store-sql.h"
#include "clip-test-desk.h"
#include "clip-test-ui.h"
#include "clip-test-util.h"
#include "clip-add-outlet-dialog.h"
#include "clip-export-dialog.h"
#include "clip-preferences-window.h"
#include "clip-rule-editor.h"
#include "clip-term-lists-window.h"
#include "clip-window-private.h"

#define child clip_test_desk_child

static const char *language;
static GHashTable *english;     /* msgid (mnemonics removed) → its translation */
static GHashTable *translated;  /* each translation (mnemonics removed) */
static GHashTable *data_words;  /* the words of the archive's data (folded) */
static char *data_dir;

static const struct { const char *lang, *locale; } locales[] = {
  { "ka", "ka_GE" }, { "ru", "ru_RU" }, { "uk", "uk_UA" },
};

/* Names that stay as they are in every language. */
static const char * const kept[] = {
  "Clippings", "OPML", "RSS", "Atom", "JSON", "CSV", "PDF", "HTML", "Ctrl", "Shift",
  "NEAR", "ONEAR", "AND", "OR", "NOT", "title", "interfer", "Russia", NULL,
};

static char *
without_mnemonic (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != '_' || (p[1] == '_' && p++))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

/* Reads msgid/msgstr pairs of po/LANG.po (one-line or continued strings). */
static void
read_po (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) id = g_string_new (NULL), str = g_string_new (NULL);
  GString *cur = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  translated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];
      const char *q = strchr (l, '"');
      g_autofree char *unq = NULL;

      if (g_str_has_prefix (l, "msgid ") || g_str_has_prefix (l, "msgctxt "))
        {
          if (str->len && id->len)
            {
              g_hash_table_insert (english, without_mnemonic (id->str), without_mnemonic (str->str));
              g_hash_table_add (translated, without_mnemonic (str->str));
            }
          if (g_str_has_prefix (l, "msgid "))
            g_string_truncate (id, 0);
          g_string_truncate (str, 0);
          cur = g_str_has_prefix (l, "msgid ") ? id : NULL;
        }
      else if (g_str_has_prefix (l, "msgstr ") || g_str_has_prefix (l, "msgstr[0]"))
        cur = str;
      else if (g_str_has_prefix (l, "msgid_plural") || g_str_has_prefix (l, "msgstr["))
        cur = NULL;
      else if (l[0] != '"')
        continue;
      if (cur == NULL || q == NULL)
        continue;
      unq = g_strndup (q + 1, strlen (q + 1) - 1);
      {
        g_autofree char *c = g_strcompress (unq);
        g_string_append (cur, c);
      }
    }
  if (str->len && id->len)
    g_hash_table_insert (english, without_mnemonic (id->str), without_mnemonic (str->str));
}

static void
add_words (const char *text)
{
  const char *p = text;

  while (*p)
    {
      const char *start;

      while (*p && !g_ascii_isalpha (*p))
        p++;
      start = p;
      while (g_ascii_isalpha (*p))
        p++;
      if (p > start)
        g_hash_table_add (data_words, g_ascii_strdown (start, p - start));
    }
}

/* The words the archive's outlets, articles and rules bring: data, which
 * a window shows as it is in every language. */
static void
read_data_words (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_archive_open (NULL, CLIP_STORE_OPEN_READ_ONLY, &error);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  data_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stmt = clip_store_prepare (store, "SELECT name || ' ' || url FROM outlets "
                             "UNION ALL SELECT title || ' ' || coalesce (summary_text, '') FROM articles "
                             "UNION ALL SELECT name || ' ' || query FROM rules "
                             "UNION ALL SELECT name FROM term_lists", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_words ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  for (guint i = 0; kept[i]; i++)
    add_words (kept[i]);
  /* The archive's folder, which Preferences shows. */
  add_words (data_dir);
}

/* An English word (3 letters or more) that is not the archive's data. */
static char *
english_word (const char *text)
{
  const char *p = text;

  while (*p)
    {
      const char *start;

      while (*p && !g_ascii_isalpha (*p))
        p++;
      start = p;
      while (g_ascii_isalpha (*p))
        p++;
      if (p - start >= 3)
        {
          g_autofree char *w = g_ascii_strdown (start, p - start);

          if (!g_hash_table_contains (data_words, w))
            return g_strndup (start, p - start);
        }
    }
  return NULL;
}

typedef struct {
  GPtrArray *problems;
  guint      texts;
} Walk;

static void
check_text (Walk *walk, GtkWidget *w, const char *what, const char *text)
{
  g_autofree char *plain = NULL;
  g_autofree char *word = NULL;

  if (text == NULL || *text == '\0')
    return;
  walk->texts++;
  plain = without_mnemonic (text);
  if (g_hash_table_contains (english, plain) &&
      g_strcmp0 (g_hash_table_lookup (english, plain), plain) != 0)
    g_ptr_array_add (walk->problems, g_strdup_printf ("%s %s “%s” is not translated",
                                                      G_OBJECT_TYPE_NAME (w), what, text));
  else if ((word = english_word (text)) != NULL)
    g_ptr_array_add (walk->problems, g_strdup_printf ("%s %s “%s” has the English word “%s”",
                                                      G_OBJECT_TYPE_NAME (w), what, text, word));
}

/* A translated label cut short with "…", or given less room than it needs. */
static void
check_label_room (Walk *walk, GtkLabel *label)
{
  g_autofree char *plain = without_mnemonic (gtk_label_get_text (label));
  PangoLayout *layout;
  int text_width = 0;

  if (!g_hash_table_contains (translated, plain))
    return;
  layout = gtk_label_get_layout (label);
  if (pango_layout_is_ellipsized (layout))
    g_ptr_array_add (walk->problems, g_strdup_printf ("the label “%s” is cut short (…)", plain));
  /* The text's own width against the room the label got (padding aside). */
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  {
    /* Past the window's edge: what the window cuts off. */
    GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (label)));
    graphene_rect_t bounds;

    if (gtk_widget_compute_bounds (GTK_WIDGET (label), root, &bounds) &&
        bounds.origin.x + MIN (bounds.size.width, text_width) > gtk_widget_get_width (root) + 1)
      g_ptr_array_add (walk->problems, g_strdup_printf ("the label “%s” runs past the window's edge "
                                                        "(%.0f + %d px in %d)", plain, bounds.origin.x,
                                                        text_width, gtk_widget_get_width (root)));
  }
  /* A wrapped label's lines too: a line no break fits in is cut. */
  if (gtk_label_get_ellipsize (label) == PANGO_ELLIPSIZE_NONE && gtk_widget_get_width (GTK_WIDGET (label)) < text_width)
    g_ptr_array_add (walk->problems, g_strdup_printf ("the label “%s” has %d px of the %d it needs",
                                                      plain, gtk_widget_get_width (GTK_WIDGET (label)), text_width));
}

static void
walk_widget (Walk *walk, GtkWidget *w)
{
  g_autofree char *tooltip = NULL;

  if (!gtk_widget_get_mapped (w))
    return;
  if (GTK_IS_LABEL (w))
    {
      check_text (walk, w, "label", gtk_label_get_text (GTK_LABEL (w)));
      check_label_room (walk, GTK_LABEL (w));
    }
  else if (GTK_IS_INSCRIPTION (w))
    check_text (walk, w, "text", gtk_inscription_get_text (GTK_INSCRIPTION (w)));
  else if (ADW_IS_WINDOW_TITLE (w))
    {
      check_text (walk, w, "title", adw_window_title_get_title (ADW_WINDOW_TITLE (w)));
      check_text (walk, w, "subtitle", adw_window_title_get_subtitle (ADW_WINDOW_TITLE (w)));
    }
  else if (ADW_IS_STATUS_PAGE (w))
    {
      check_text (walk, w, "title", adw_status_page_get_title (ADW_STATUS_PAGE (w)));
      check_text (walk, w, "description", adw_status_page_get_description (ADW_STATUS_PAGE (w)));
    }
  if (GTK_IS_ENTRY (w))
    check_text (walk, w, "placeholder", gtk_entry_get_placeholder_text (GTK_ENTRY (w)));
  if (GTK_IS_TEXT (w))
    check_text (walk, w, "placeholder", gtk_text_get_placeholder_text (GTK_TEXT (w)));
  tooltip = gtk_widget_get_tooltip_text (w) ? g_strdup (gtk_widget_get_tooltip_text (w)) : NULL;
  check_text (walk, w, "tooltip", tooltip);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    walk_widget (walk, c);
}

static void
assert_translated (gpointer window, const char *where)
{
  Walk walk = { g_ptr_array_new_with_free_func (g_free), 0 };

  clip_test_ui_wait_frame (GTK_WIDGET (window));
  walk_widget (&walk, GTK_WIDGET (window));
  g_test_message ("%s (%s): %u texts, %u problems", where, language, walk.texts, walk.problems->len);
  for (guint i = 0; i < walk.problems->len; i++)
    g_test_message ("  %s", (char *) g_ptr_array_index (walk.problems, i));
  g_assert_cmpuint (walk.texts, >=, 5);
  g_assert_cmpuint (walk.problems->len, ==, 0);
  g_ptr_array_unref (walk.problems);
}

static void
shot (gpointer window, const char *name)
{
  g_autofree char *file = g_strdup_printf ("i18n-%s-%s", language, name);

  g_free (clip_test_ui_screenshot (GTK_WIDGET (window), file));
}

static void
test_window (void)
{
  ClipWindow *window;
  int min = 0;

  window = clip_test_desk_window (1280);
  assert_translated (window, "articles");
  shot (window, "articles");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-rules", NULL);
  assert_translated (window, "rules");
  shot (window, "rules");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-alerts", NULL);
  assert_translated (window, "alerts");
  shot (window, "alerts");
  /* The narrowest the window can be, in this language: a phone's width
   * (360 px) as in English, where no label should make it wider. */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("the window is at least %d px wide", min);
  g_assert_cmpint (min, <=, 400);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A core error reaches the window in the language, as the issue's
 * example: an archive written by a newer version. */
static void
test_core_error (void)
{
  g_autofree char *dir = clip_test_ui_data_dir ();
  g_autofree char *path = NULL;
  g_auto(GStrv) pieces = NULL;
  g_autoptr(GError) error = NULL;
  const char *format, *at;
  sqlite3 *db = NULL;

  {
    g_autoptr(ClipStore) store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    path = g_strdup (clip_store_get_path (store));
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error));
  format = g_hash_table_lookup (english, "The archive %s was written by a newer version of Clippings "
                                         "(schema %d; this version knows %d)");
  g_assert_nonnull (format);
  /* The translation's words, in its order, around the path and numbers. */
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  pieces = g_regex_split_simple ("%[sd]", format, 0, 0);
  at = error->message;
  for (guint i = 0; pieces[i]; i++)
    {
      g_assert_nonnull ((at = strstr (at, pieces[i])));
      at += strlen (pieces[i]);
    }
  clip_test_rm_rf (dir);
}

/* Each dialog, shown over the window, walked and drawn as the window is. */
static void
check_dialog (ClipWindow *window, GtkWindow *dialog, const char *name)
{
  gtk_window_set_transient_for (dialog, GTK_WINDOW (window));
  gtk_window_present (dialog);
  clip_test_ui_wait_frame (GTK_WIDGET (dialog));
  clip_test_ui_wait_frame (GTK_WIDGET (dialog));
  clip_test_ui_wait_frame (GTK_WIDGET (dialog));
  assert_translated (dialog, name);
  shot (dialog, name);
  gtk_window_destroy (dialog);
}

static void
test_dialogs (void)
{
  ClipWindow *window = clip_test_desk_window (1280);

  check_dialog (window, GTK_WINDOW (clip_preferences_window_new (window->settings)), "preferences");
  check_dialog (window, GTK_WINDOW (clip_add_outlet_dialog_new (window->commands, 900, NULL)), "add-outlet");
  check_dialog (window, GTK_WINDOW (clip_rule_editor_new (window->store, window->commands, NULL)), "rule-editor");
  check_dialog (window, GTK_WINDOW (clip_term_lists_window_new (window->store, window->commands)), "term-lists");
  check_dialog (window, GTK_WINDOW (clip_export_dialog_new (GTK_WINDOW (window), clip_store_get_path (window->store),
                                                            NULL, NULL)), "export");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The language's locale, compiled for this test when the system has its
 * sources (Debian's "locales"); NULL when it cannot be made. */
static char *
make_locale (const char *tmp)
{
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    if (g_str_equal (locales[i].lang, language))
      {
        g_autofree char *name = g_strconcat (locales[i].locale, ".UTF-8", NULL);
        g_autofree char *out = g_build_filename (tmp, name, NULL);
        const char *argv[] = { "localedef", "-i", locales[i].locale, "-f", "UTF-8", out, NULL };
        int status = -1;

        if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                           G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
            !g_file_test (out, G_FILE_TEST_IS_DIR))
          return NULL;
        g_setenv ("LOCPATH", tmp, TRUE);
        return g_steal_pointer (&name);
      }
  return NULL;
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = g_dir_make_tmp ("clippings-locale-XXXXXX", NULL);
  g_autofree char *locale = NULL;
  g_autofree char *po = NULL;
  const char *po_dir = g_getenv ("CLIPPINGS_PO_DIR");
  int status;

  language = g_getenv ("CLIPPINGS_TEST_LANGUAGE");
  if (language == NULL || po_dir == NULL || g_getenv ("CLIPPINGS_LOCALE_DIR") == NULL)
    {
      g_print ("1..0 # SKIP CLIPPINGS_TEST_LANGUAGE, CLIPPINGS_PO_DIR or CLIPPINGS_LOCALE_DIR not set\n");
      return 77;
    }
  locale = make_locale (tmp);
  if (locale == NULL || setlocale (LC_ALL, locale) == NULL)
    {
      g_printerr ("no %s locale could be made (localedef, Debian's locales): dates stay in C\n", language);
      g_unsetenv ("LOCPATH");
      setlocale (LC_ALL, "C.UTF-8");
    }
  g_setenv ("LANGUAGE", language, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CLIPPINGS_LOCALE_DIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  po = g_strdup_printf ("%s/%s.po", po_dir, language);
  read_po (po);
  if (!clip_test_ui_init (&argc, &argv))
    return clip_test_ui_skip ();
  /* Screenshots of the finished state, not a title's crossfade. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  data_dir = clip_test_desk_archive ();
  read_data_words ();
  clip_test_desk_style ();
  g_test_add_func ("/ui/i18n/window", test_window);
  g_test_add_func ("/ui/i18n/dialogs", test_dialogs);
  g_test_add_func ("/ui/i18n/core-error", test_core_error);
  status = g_test_run ();
  clip_test_rm_rf (tmp);
  g_free (data_dir);
  return status;
}
