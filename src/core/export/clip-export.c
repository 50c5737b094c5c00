/* clip-export.c — running an export: scope, dates, output, files, threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-export-private.h"
#include "clip-rule-parser.h"
#include "clip-rule-search.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* Output is written in blocks of about this size. */
#define FLUSH_SIZE (64 * 1024)

G_DEFINE_QUARK (clip-export-error-quark, clip_export_error)

static const char *const format_names[] = { "csv", "json", "html", "pdf" };

gboolean
clip_export_format_from_string (const char       *name,
                                ClipExportFormat *format)
{
  for (guint i = 0; name && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = (ClipExportFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
clip_export_format_to_string (ClipExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);
  return format_names[format];
}

void
clip_export_scope_clear (ClipExportScope *scope)
{
  g_clear_pointer (&scope->rule, g_free);
  g_clear_pointer (&scope->query, g_free);
  g_clear_pointer (&scope->article_ids, g_array_unref);
  memset (scope, 0, sizeof *scope);
}

void
clip_export_scope_copy (ClipExportScope       *dst,
                        const ClipExportScope *src)
{
  *dst = *src;
  dst->rule = g_strdup (src->rule);
  dst->query = g_strdup (src->query);
  if (src->article_ids)
    {
      dst->article_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), src->article_ids->len);
      g_array_append_vals (dst->article_ids, src->article_ids->data, src->article_ids->len);
    }
}

/* Characters of the subject a file name keeps. */
#define FILE_NAME_CHARS 60

char *
clip_export_file_name (const char       *subject,
                       ClipExportFormat  format,
                       GDateTime        *day)
{
  g_autofree char *lower = g_utf8_strdown (subject && g_utf8_validate (subject, -1, NULL)
                                           ? subject : "", -1);
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean gap = FALSE;
  guint n = 0;

  /* Letters and digits of any script; everything else is one hyphen. */
  for (const char *p = lower; *p && n < FILE_NAME_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          gap = name->len > 0;
          continue;
        }
      if (gap)
        g_string_append_c (name, '-');
      gap = FALSE;
      g_string_append_unichar (name, c);
      n++;
    }
  if (name->len == 0)
    g_string_append (name, "clippings");
  g_string_append_printf (name, "-%04d-%02d-%02d.%s", g_date_time_get_year (day),
                          g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                          clip_export_format_to_string (format));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static gboolean
parse_day (const char *text, int *y, int *m, int *d)
{
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  *y = atoi (text);
  *m = atoi (text + 5);
  *d = atoi (text + 8);
  return *y >= 1 && *m >= 1 && *m <= 12 && *d >= 1 &&
         *d <= g_date_get_days_in_month (*m, *y);
}

gboolean
clip_export_parse_date (const char  *text,
                        gboolean     end_of_day,
                        gint64      *unix_seconds,
                        GError     **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (text == NULL)
    text = "";
  if (parse_day (text, &y, &m, &d))
    {
      g_autoptr(GDateTime) day = g_date_time_new (local, y, m, d, 0, 0, 0);

      dt = day && end_of_day ? g_date_time_add_days (day, 1) : g_steal_pointer (&day);
    }
  else
    dt = g_date_time_new_from_iso8601 (text, local);
  if (dt == NULL)
    {
      g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_INVALID,
                   _("“%s” is not a date: write YYYY-MM-DD or an ISO 8601 time "
                     "such as 2025-03-01T09:30:00+04:00"), text);
      return FALSE;
    }
  *unix_seconds = g_date_time_to_unix (dt);
  return TRUE;
}

char *
clip_export_iso_time (gint64 t)
{
  g_autoptr(GDateTime) dt = NULL;

  if (t == CLIP_NO_DATE)
    return NULL;
  dt = g_date_time_new_from_unix_utc (t);
  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

char *
clip_export_scrub (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  for (char *p = copy; *p; p++)
    if (((guchar) *p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f)
      *p = ' ';
  return copy;
}

char *
clip_export_scrub_line (const char *text)
{
  char *copy = clip_export_scrub (text);

  g_strdelimit (copy, "\t\n", ' ');
  return copy;
}

gboolean
clip_export_is_web_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL || strlen (url) > 8192)
    return FALSE;
  /* No control characters or spaces: a browser strips some of them and
   * could read another scheme than the one checked here. */
  for (const char *p = url; *p; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0;
}

gboolean
clip_export_flush (ClipExportContext  *ctx,
                   gboolean            force,
                   GError            **error)
{
  gsize written = 0;

  if (ctx->buf->len == 0 || (!force && ctx->buf->len < FLUSH_SIZE))
    return TRUE;
  if (!g_output_stream_write_all (ctx->out, ctx->buf->str, ctx->buf->len, &written,
                                  ctx->cancellable, error))
    return FALSE;
  g_string_truncate (ctx->buf, 0);
  return TRUE;
}

/* The search path of a scope: the article ids its rule-language query
 * finds, as a JSON array for the selection statement. A query that cannot
 * be read is the caller's to fix. */
char *
clip_export_search_ids (ClipStore     *store,
                        const char    *query,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) ids = clip_rule_search (store, query, 0, 0, cancellable, &local_error);
  GString *json;

  if (ids == NULL)
    {
      if (local_error->domain == CLIP_RULE_ERROR)
        g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_INVALID,
                     _("The search “%s” could not be read: %s"), query, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  json = g_string_new ("[");
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

gboolean
clip_export_write (ClipStore               *store,
                   const ClipExportScope   *scope,
                   const ClipExportOptions *options,
                   GOutputStream           *out,
                   ClipExportResult        *result,
                   ClipProgressFunc         progress,
                   gpointer                 progress_data,
                   GCancellable            *cancellable,
                   GError                 **error)
{
  static const ClipExportScope no_scope = { 0 };
  g_autoptr(ClipExportSelection) sel = NULL;
  g_autoptr(GString) buf = g_string_sized_new (FLUSH_SIZE + 4096);
  ClipExportContext ctx = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (CLIP_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (scope == NULL)
    scope = &no_scope;
  sel = clip_export_select (store, scope, options->title, options->newest_first,
                            cancellable, error);
  if (sel == NULL)
    return FALSE;
  if (options->highlight_all)
    for (guint i = 0; i < sel->rules->len; i++)
      ((ClipExportRule *) g_ptr_array_index (sel->rules, i))->about = TRUE;
  if (sel->ids->len == 0)
    {
      g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_EMPTY,
                   /* Translators: %s says what was asked for, e.g. Rule “X” · Flagged articles */
                   _("Nothing to export: no article is in this scope and period (%s · %s)"),
                   sel->scope_text, sel->period_text);
      return FALSE;
    }
  ctx.store = store;
  ctx.scope = scope;
  ctx.options = options;
  ctx.sel = sel;
  ctx.out = out;
  ctx.buf = buf;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.progress_data = progress_data;
  switch (options->format)
    {
    case CLIP_EXPORT_CSV:
      ok = clip_export_write_csv (&ctx, error);
      break;
    case CLIP_EXPORT_JSON:
      ok = clip_export_write_json (&ctx, error);
      break;
    case CLIP_EXPORT_HTML:
      ok = clip_export_write_html (&ctx, error);
      break;
    case CLIP_EXPORT_PDF:
      ok = clip_export_write_pdf (&ctx, error);
      break;
    default:
      g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_INVALID,
                   _("Unknown export format"));
      return FALSE;
    }
  if (ok)
    ok = clip_export_flush (&ctx, TRUE, error);
  if (ok && result)
    {
      result->articles = ctx.next;
      result->pages = ctx.pages;
    }
  return ok;
}

static gboolean
write_failed (const char *path, const char *what, int saved_errno, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_WRITE,
               "%s “%s”: %s", what, name, g_strerror (saved_errno));
  return FALSE;
}

gboolean
clip_export_to_file (ClipStore               *store,
                     const ClipExportScope   *scope,
                     const ClipExportOptions *options,
                     const char              *path,
                     ClipExportResult        *result,
                     ClipProgressFunc         progress,
                     gpointer                 progress_data,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  g_autofree char *tmp = g_strconcat (path, ".part-XXXXXX", NULL);
  g_autoptr(GOutputStream) raw = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    return write_failed (path, _("Could not write"), errno, error);
  raw = g_unix_output_stream_new (fd, TRUE);
  out = g_buffered_output_stream_new_sized (raw, 64 * 1024);
  ok = clip_export_write (store, scope, options, out, result, progress, progress_data,
                          cancellable, &local_error);
  if (ok)
    ok = g_output_stream_close (out, NULL, &local_error);
  else
    g_output_stream_close (out, NULL, NULL);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      return write_failed (path, _("Could not save"), saved, error);
    }
  if (!ok)
    {
      g_unlink (tmp);
      if (local_error->domain == G_IO_ERROR && local_error->code != G_IO_ERROR_CANCELLED)
        {
          g_autofree char *name = g_filename_display_name (path);

          g_set_error (error, CLIP_EXPORT_ERROR, CLIP_EXPORT_ERROR_WRITE,
                       _("Could not write “%s”: %s"), name, local_error->message);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return ok;
}

/* Async: a worker thread with its own connection; progress is passed to
 * the caller's main context, thinned to whole percents. */

typedef struct {
  char               *archive_path;
  ClipExportScope     scope;
  ClipExportOptions   options;
  char               *title;
  char               *path;
  ClipExportResult    result;
  ClipProgress       *progress;
  guint               last_percent;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->archive_path);
  clip_export_scope_clear (&job->scope);
  g_free (job->title);
  g_free (job->path);
  if (job->progress)
    clip_progress_unref (job->progress);
  g_free (job);
}

/* Whole percents only: a report of 100,000 articles is 100 reports. */
static void
progress_from_thread (guint64 done, guint64 total, gpointer data)
{
  ExportJob *job = data;
  guint percent = total ? (guint) (done * 100 / total) : 100;

  if (percent == job->last_percent && done != total)
    return;
  job->last_percent = percent;
  clip_progress_report (done, total, job->progress);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autoptr(ClipStore) store = NULL;
  GError *error = NULL;

  store = clip_store_open (job->archive_path, CLIP_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL ||
      !clip_export_to_file (store, &job->scope, &job->options, job->path, &job->result,
                            job->progress ? progress_from_thread : NULL, job,
                            cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
clip_export_to_file_async (const char              *archive_path,
                           const ClipExportScope   *scope,
                           const ClipExportOptions *options,
                           const char              *path,
                           ClipProgress            *progress,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  g_return_if_fail (archive_path != NULL && options != NULL && path != NULL);
  job->archive_path = g_strdup (archive_path);
  if (scope)
    clip_export_scope_copy (&job->scope, scope);
  job->options = *options;
  job->title = g_strdup (options->title);
  job->options.title = job->title;
  job->path = g_strdup (path);
  job->progress = progress ? clip_progress_ref (progress) : NULL;
  job->last_percent = G_MAXUINT;
  g_task_set_source_tag (task, clip_export_to_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
clip_export_to_file_finish (GAsyncResult      *result,
                            ClipExportResult  *export_result,
                            GError           **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  if (export_result)
    *export_result = ((ExportJob *) g_task_get_task_data (task))->result;
  return TRUE;
}

typedef struct {
  char            *archive_path;
  ClipExportScope  scope;
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_free (job->archive_path);
  clip_export_scope_clear (&job->scope);
  g_free (job);
}

static void
count_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  CountJob *job = data;
  g_autoptr(ClipStore) store = NULL;
  GError *error = NULL;
  guint count = 0;

  store = clip_store_open (job->archive_path, CLIP_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL || !clip_export_count (store, &job->scope, &count, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, count);
}

void
clip_export_count_async (const char            *archive_path,
                         const ClipExportScope *scope,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CountJob *job = g_new0 (CountJob, 1);

  g_return_if_fail (archive_path != NULL && scope != NULL);
  job->archive_path = g_strdup (archive_path);
  clip_export_scope_copy (&job->scope, scope);
  g_task_set_source_tag (task, clip_export_count_async);
  g_task_set_task_data (task, job, (GDestroyNotify) count_job_free);
  g_task_run_in_thread (task, count_thread);
}

gboolean
clip_export_count_finish (GAsyncResult  *result,
                          guint         *count,
                          GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (count)
    *count = (guint) n;
  return TRUE;
}
