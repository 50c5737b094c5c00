/* test-export-report.c — what the reports show of the rules: whose words
 * are marked, the term lists in the method table, a colour per rule, a
 * legend whose entries stay whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-export.h"
#include "clip-export-pdf-private.h"
#include "clip-export-private.h"
#include "clip-rule-colors.h"
#include "clip-rules-store.h"
#include "clip-store-sql.h"
#include "clip-test-util.h"
#include "test-export-fixture.h"

#include <json-glib/json-glib.h>
#include <string.h>

static char *
write_report (Fixture *f, const ClipExportScope *scope, ClipExportFormat format, gboolean all)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  ClipExportOptions options = { format, .highlight_all = all };
  g_autoptr(GError) error = NULL;
  static const char nul = '\0';

  g_assert_true (clip_export_write (f->store, scope, &options, out, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write (out, &nul, 1, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* A report about Elections marks the election words, not the Russian
 * interference rule's (still listed with its words); asked to, or with
 * no rule in the scope, it marks both. */
static void
test_highlights (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  ClipExportScope scope = { .rule = (char *) "Elections" };
  g_autofree char *about = write_report (f, &scope, CLIP_EXPORT_HTML, FALSE);
  g_autofree char *all = write_report (f, &scope, CLIP_EXPORT_HTML, TRUE);
  g_autofree char *none = write_report (f, NULL, CLIP_EXPORT_HTML, FALSE);

  g_assert_nonnull (strstr (about, "выборы</mark>"));
  g_assert_null (strstr (about, "вмешательство России</mark>"));
  g_assert_null (strstr (about, "Russian interference</mark>"));
  /* Still named, with its words, beside its chip. */
  g_assert_nonnull (strstr (about, "<bdi>Вмешательство России</bdi>"));
  g_assert_nonnull (strstr (all, "выборы</mark>"));
  g_assert_nonnull (strstr (all, "вмешательство России</mark>"));
  g_assert_nonnull (strstr (none, "вмешательство России</mark>"));
  g_assert_nonnull (strstr (none, "выборы</mark>"));
}

/* "@russia_terms" in a query is spelled out under it, in every report
 * that has a method table (and in JSON); a list that is not there says so. */
static void
test_method_table (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  const char *terms[] = { "Russia*", "Kremlin", "Россия", NULL };
  g_autofree char *missing = write_report (f, NULL, CLIP_EXPORT_HTML, FALSE);
  g_autofree char *html = NULL, *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rules;
  gboolean seen = FALSE;

  g_assert_nonnull (strstr (missing, "@russia_terms (no such term list)"));
  g_assert_true (clip_store_set_term_list (f->store, "russia_terms", terms, &error));
  g_assert_no_error (error);
  html = write_report (f, NULL, CLIP_EXPORT_HTML, FALSE);
  g_assert_nonnull (strstr (html, "<code class=\"terms\" dir=\"auto\">@russia_terms = Russia*, Kremlin, Россия</code>"));
  json = write_report (f, NULL, CLIP_EXPORT_JSON, FALSE);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  rules = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "rules");
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *r = json_array_get_object_element (rules, i);
      JsonObject *lists = json_object_get_object_member (r, "term_lists");

      g_assert_nonnull (lists);
      if (g_str_equal (json_object_get_string_member (r, "name"), "Russian interference"))
        {
          JsonArray *entries = json_object_get_array_member (lists, "russia_terms");

          g_assert_cmpuint (json_array_get_length (entries), ==, 3);
          g_assert_cmpstr (json_array_get_string_element (entries, 1), ==, "Kremlin");
          seen = TRUE;
        }
      else
        g_assert_cmpuint (json_object_get_size (lists), ==, 0);
    }
  g_assert_true (seen);

  {
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    g_autofree char *path = g_build_filename (f->dir, "method.pdf", NULL);
    g_autofree char *text = NULL;
    ClipExportOptions options = { CLIP_EXPORT_PDF };
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

    if (pdftotext == NULL)
      return;
    g_assert_true (clip_export_to_file (f->store, NULL, &options, path, NULL, NULL, NULL, NULL, &error));
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, NULL, &error));
    g_assert_nonnull (strstr (text, "@russia_terms = Russia*, Kremlin, Россия"));
  }
}

static void
set_color (Fixture *f, gint64 rule, const char *color)
{
  sqlite3_stmt *stmt = clip_store_prepare (f->store, "UPDATE rules SET color = ? WHERE id = ?", NULL);

  clip_store_bind_text (stmt, 1, color);
  sqlite3_bind_int64 (stmt, 2, rule);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

/* Rules that share a colour (or nearly) are drawn apart: the busiest
 * keeps its own; the archive keeps both. */
static void
test_distinct_colors (void)
{
  g_autoptr(Fixture) f = fixture_new (TRUE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) colors = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *json = NULL;
  g_autoptr(ClipRule) elections = NULL;
  JsonArray *rules;

  /* Interference is #e01b24; the hostile rule's colour is not one and
   * is drawn in the default blue. */
  set_color (f, f->rules[RULE_ELECTIONS], "#e11b24");
  json = write_report (f, NULL, CLIP_EXPORT_JSON, FALSE);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  rules = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "rules");
  g_assert_cmpuint (json_array_get_length (rules), ==, 3);
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *r = json_array_get_object_element (rules, i);

      if (g_str_equal (json_object_get_string_member (r, "name"), "Russian interference"))
        g_assert_cmpstr (json_object_get_string_member (r, "color"), ==, "#e01b24");
      g_ptr_array_add (colors, g_strdup (json_object_get_string_member (r, "color")));
    }
  for (guint i = 0; i < colors->len; i++)
    for (guint j = i + 1; j < colors->len; j++)
      g_assert_cmpfloat (clip_rule_color_distance (colors->pdata[i], colors->pdata[j]), >=, 18.0);
  elections = clip_store_get_rule (f->store, f->rules[RULE_ELECTIONS], NULL);
  g_assert_cmpstr (elections->color, ==, "#e11b24");
}

/* Legend entries are placed whole: none straddles the line's end, an
 * entry wider than a line has one of its own, the order is kept. */
static void
test_legend_place (void)
{
  const double widths[] = { 120, 90, 200, 400, 60, 60, 299 };
  guint n = G_N_ELEMENTS (widths), line_of[G_N_ELEMENTS (widths)];
  double x_of[G_N_ELEMENTS (widths)];
  guint lines = clip_pdf_legend_place (widths, n, 300, 10, line_of, x_of);

  g_assert_cmpuint (lines, ==, 5);
  g_assert_cmpuint (line_of[0], ==, 0);
  g_assert_cmpuint (line_of[1], ==, 0);
  g_assert_cmpfloat (x_of[1], ==, 130);
  g_assert_cmpuint (line_of[2], ==, 1);     /* 120+10+90+10+200 > 300 */
  g_assert_cmpuint (line_of[3], ==, 2);     /* wider than a line: alone */
  g_assert_cmpfloat (x_of[3], ==, 0);
  g_assert_cmpuint (line_of[4], ==, 3);
  g_assert_cmpuint (line_of[5], ==, 3);
  g_assert_cmpuint (line_of[6], ==, 4);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (x_of[i] + MIN (widths[i], 300), <=, 300);
  g_assert_cmpuint (clip_pdf_legend_place (widths, 0, 300, 10, line_of, x_of), ==, 0);
}

/* The chart's day labels: evenly stepped, never closer than asked. */
static void
test_axis_days (void)
{
  guint days[64];
  guint n = clip_export_axis_days (9, 423, 69, days);

  /* 52.9 units a day: every second day, and the last. */
  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (days[i], ==, 2 * i);
  for (guint width = 100; width < 800; width += 37)
    for (guint n_days = 1; n_days < 64; n_days++)
      {
        guint k = clip_export_axis_days (n_days, width, 64, days);

        g_assert_cmpuint (k, >=, 1);
        g_assert_cmpuint (days[0], ==, 0);
        for (guint i = 1; i < k; i++)
          g_assert_cmpfloat ((days[i] - days[i - 1]) * (double) width / (n_days - 1), >=, 64 - 1e-9);
      }
  g_assert_cmpuint (clip_export_axis_days (1, 400, 64, days), ==, 1);
}

void
add_report_tests (void)
{
  g_test_add_func ("/export/report/axis-days", test_axis_days);
  g_test_add_func ("/export/report/highlights", test_highlights);
  g_test_add_func ("/export/report/method-table", test_method_table);
  g_test_add_func ("/export/report/distinct-colors", test_distinct_colors);
  g_test_add_func ("/export/report/legend-place", test_legend_place);
}
