/* clip-fetch.c — one bounded HTTP(S) or file fetch
 *
 * libsoup follows redirects and decodes gzip/deflate/brotli without limits
 * of its own, so redirects are disabled on every message and followed here,
 * and the body is counted while it is read from the decoded stream: a
 * compressed bomb stops at the cap, never in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-fetch.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#define READ_CHUNK (64 * 1024)
#define MAX_RETRY_AFTER (24 * 3600)
#define HTTP_TOO_MANY_REQUESTS 429  /* not in libsoup 3.2's enum */

struct _ClipFetcher {
  GObject          parent_instance;
  SoupSession     *session;
  ClipFetchLimits  limits;
};

G_DEFINE_FINAL_TYPE (ClipFetcher, clip_fetcher, G_TYPE_OBJECT)
G_DEFINE_QUARK (clip-fetch-error-quark, clip_fetch_error)

typedef struct {
  ClipFetcher       *fetcher;
  GUri              *uri;          /* the current hop */
  char              *etag;
  char              *last_modified;
  guint              hops;
  gboolean           permanent;    /* every hop so far was a 301 or 308 */
  GHashTable        *visited;
  SoupMessage       *msg;
  GInputStream      *stream;
  GByteArray        *body;
  GCancellable      *cancellable;  /* ours: the deadline or the caller's cancel */
  GCancellable      *outer;
  gulong             outer_id;
  GSource           *deadline;
  gboolean           timed_out;
  ClipFetchResponse *response;
} FetchJob;

static void start_hop (GTask *task);
static void read_next (GTask *task);

void
clip_fetch_limits_init_default (ClipFetchLimits *limits)
{
  limits->connect_timeout = 15;
  limits->response_timeout = 60 * 1000;
  limits->max_body = 16 * 1024 * 1024;
}

void
clip_fetch_response_free (ClipFetchResponse *r)
{
  if (r == NULL)
    return;
  g_clear_error (&r->error);
  g_free (r->url);
  g_free (r->moved_to);
  g_free (r->content_type);
  g_strfreev (r->headers);
  g_free (r->etag);
  g_free (r->last_modified);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_free (r);
}

void
clip_feed_candidate_free (ClipFeedCandidate *c)
{
  if (c == NULL)
    return;
  g_free (c->url);
  g_free (c->title);
  g_free (c);
}

static void
clip_fetcher_finalize (GObject *object)
{
  ClipFetcher *self = CLIP_FETCHER (object);

  g_clear_object (&self->session);
  G_OBJECT_CLASS (clip_fetcher_parent_class)->finalize (object);
}

static void
clip_fetcher_class_init (ClipFetcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = clip_fetcher_finalize;
}

static void
clip_fetcher_init (ClipFetcher *self)
{
}

ClipFetcher *
clip_fetcher_new (const ClipFetchLimits *limits)
{
  ClipFetcher *self = g_object_new (CLIP_TYPE_FETCHER, NULL);
  g_autofree char *agent = g_strdup_printf ("Clippings/%s (+%s)", PACKAGE_VERSION, CLIP_HOMEPAGE);

  if (limits)
    self->limits = *limits;
  else
    clip_fetch_limits_init_default (&self->limits);
  /* The scheduler keeps to 8 at once and 2 per host; the session allows
   * a little more so that its own queue never hides ours. */
  self->session = soup_session_new_with_options ("user-agent", agent,
                                                 "timeout", self->limits.connect_timeout,
                                                 "idle-timeout", 60,
                                                 "max-conns", 16,
                                                 "max-conns-per-host", 4,
                                                 NULL);
  return self;
}

const ClipFetchLimits *
clip_fetcher_get_limits (ClipFetcher *self)
{
  return &self->limits;
}

void
clip_fetcher_set_tls_database (ClipFetcher  *self,
                               GTlsDatabase *database)
{
  soup_session_set_tls_database (self->session, database);
}

static void
fetch_job_free (FetchJob *job)
{
  if (job->outer_id)
    g_cancellable_disconnect (job->outer, job->outer_id);
  if (job->deadline)
    {
      g_source_destroy (job->deadline);
      g_source_unref (job->deadline);
    }
  g_clear_object (&job->outer);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->stream);
  g_clear_object (&job->msg);
  g_clear_pointer (&job->body, g_byte_array_unref);
  g_clear_pointer (&job->visited, g_hash_table_unref);
  g_clear_pointer (&job->uri, g_uri_unref);
  g_free (job->etag);
  g_free (job->last_modified);
  clip_fetch_response_free (job->response);
  g_clear_object (&job->fetcher);
  g_free (job);
}

static void
finish (GTask *task)
{
  FetchJob *job = g_task_get_task_data (task);

  g_task_return_pointer (task, g_steal_pointer (&job->response),
                         (GDestroyNotify) clip_fetch_response_free);
  g_object_unref (task);
}

static void
fail (GTask *task, GError *error)
{
  FetchJob *job = g_task_get_task_data (task);

  /* A move is only worth keeping when the new address answers. */
  g_clear_pointer (&job->response->body, g_bytes_unref);
  g_clear_pointer (&job->response->moved_to, g_free);
  g_clear_error (&job->response->error);
  job->response->error = error;
  finish (task);
}

static void
fail_literal (GTask *task, ClipFetchError code, const char *message)
{
  fail (task, g_error_new_literal (CLIP_FETCH_ERROR, code, message));
}

/* Turns a GIO, TLS or resolver failure into what the outlet shows. */
static void
fail_io (GTask *task, const GError *error)
{
  FetchJob *job = g_task_get_task_data (task);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && job->timed_out)
    fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TIMEOUT,
                             _("timed out (no complete answer within %u s)"),
                             (job->fetcher->limits.response_timeout + 999) / 1000));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fail (task, g_error_copy (error));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TIMEOUT,
                             _("timed out (the server was silent for %u s)"),
                             job->fetcher->limits.connect_timeout));
  else if (error->domain == G_TLS_ERROR && error->code == G_TLS_ERROR_BAD_CERTIFICATE)
    fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TLS,
                             _("certificate not trusted (%s)"), error->message));
  else if (error->domain == G_TLS_ERROR)
    fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TLS,
                             _("secure connection failed (%s)"), error->message));
  else if (error->domain == G_RESOLVER_ERROR)
    fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_NETWORK,
                             _("server not found (%s)"), g_uri_get_host (job->uri)));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_NETWORK,
                             _("connection refused by %s"), g_uri_get_host (job->uri)));
  else if (error->domain == G_IO_ERROR && job->msg == NULL)
    fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_FILE,
                             _("cannot read the file (%s)"), error->message));
  else
    fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_NETWORK,
                             _("network error (%s)"), error->message));
}

static void
fail_too_large (GTask *task)
{
  FetchJob *job = g_task_get_task_data (task);
  g_autofree char *size = g_format_size_full (job->fetcher->limits.max_body, G_FORMAT_SIZE_IEC_UNITS);

  fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TOO_LARGE,
                           _("too large (more than %s)"), size));
}

static gboolean
deadline_cb (gpointer data)
{
  FetchJob *job = data;

  job->timed_out = TRUE;
  g_cancellable_cancel (job->cancellable);
  g_clear_pointer (&job->deadline, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
outer_cancelled_cb (GCancellable *outer,
                    gpointer      data)
{
  /* May run in the thread that cancelled; cancelling is thread-safe. */
  g_cancellable_cancel (G_CANCELLABLE (data));
}

/* Seconds from a Retry-After value (delta seconds or an HTTP date), within
 * [0, 24 h]; 0 when absent or unreadable. */
static gint64
parse_retry_after (const char *value)
{
  g_autofree char *text = g_strstrip (g_strdup (value ? value : ""));
  g_autoptr(GDateTime) when = NULL;
  guint64 secs;
  gint64 delta;

  if (*text == '\0')
    return 0;
  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &secs, NULL))
    return MIN ((gint64) secs, MAX_RETRY_AFTER);
  when = soup_date_time_new_from_http_string (text);
  if (when == NULL)
    return 0;
  delta = g_date_time_to_unix (when) - g_get_real_time () / G_USEC_PER_SEC;
  return CLAMP (delta, 0, MAX_RETRY_AFTER);
}

static void
body_done (GTask *task)
{
  FetchJob *job = g_task_get_task_data (task);

  job->response->body = g_byte_array_free_to_bytes (g_steal_pointer (&job->body));
  finish (task);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GTask *task = data;
  FetchJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  if (chunk == NULL)
    {
      fail_io (task, error);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      body_done (task);
      return;
    }
  if (job->body->len + g_bytes_get_size (chunk) > job->fetcher->limits.max_body)
    {
      fail_too_large (task);
      return;
    }
  g_byte_array_append (job->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_next (task);
}

static void
read_next (GTask *task)
{
  FetchJob *job = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (job->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   job->cancellable, read_cb, task);
}

static void
start_body (GTask *task, GInputStream *stream)
{
  FetchJob *job = g_task_get_task_data (task);

  g_set_object (&job->stream, stream);
  job->body = g_byte_array_sized_new (READ_CHUNK);
  read_next (task);
}

/* Follows one redirect, or refuses it. */
static void
follow_redirect (GTask *task, guint status)
{
  FetchJob *job = g_task_get_task_data (task);
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (job->msg),
                                                       "Location");
  g_autoptr(GUri) next = NULL;
  g_autofree char *next_str = NULL;
  const char *scheme;

  next = location ? g_uri_parse_relative (job->uri, location, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
  if (next == NULL)
    {
      fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_REDIRECT,
                               _("HTTP %u redirect without a usable address"), status));
      return;
    }
  scheme = g_uri_get_scheme (next);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_REDIRECT,
                               _("redirect to a %s: address refused"), scheme));
      return;
    }
  if (g_ascii_strcasecmp (g_uri_get_scheme (job->uri), "https") == 0 &&
      g_ascii_strcasecmp (scheme, "http") == 0)
    {
      fail_literal (task, CLIP_FETCH_ERROR_REDIRECT,
                    _("redirect from https to insecure http refused"));
      return;
    }
  next_str = g_uri_to_string (next);
  if (g_hash_table_contains (job->visited, next_str))
    {
      fail_literal (task, CLIP_FETCH_ERROR_REDIRECT, _("redirect loop"));
      return;
    }
  if (++job->hops > CLIP_FETCH_MAX_REDIRECTS)
    {
      fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_REDIRECT,
                               _("too many redirects (more than %d)"), CLIP_FETCH_MAX_REDIRECTS));
      return;
    }
  job->permanent = job->permanent &&
                   (status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_PERMANENT_REDIRECT);
  if (job->permanent)
    {
      g_free (job->response->moved_to);
      job->response->moved_to = g_strdup (next_str);
    }
  g_uri_unref (job->uri);
  job->uri = g_steal_pointer (&next);
  g_clear_object (&job->msg);
  start_hop (task);
}

/* libsoup 3.2 names none of these (its answer is "Unknown Error"); their
 * names are RFC 9110's, 6585's and 7725's. */
static const struct {
  guint       status;
  const char *phrase;
} extra_phrases[] = {
  { 208, "Already Reported" }, { 226, "IM Used" },
  { 421, "Misdirected Request" }, { 425, "Too Early" }, { 426, "Upgrade Required" },
  { 428, "Precondition Required" }, { HTTP_TOO_MANY_REQUESTS, "Too Many Requests" },
  { 431, "Request Header Fields Too Large" }, { 451, "Unavailable For Legal Reasons" },
  { 506, "Variant Also Negotiates" }, { 508, "Loop Detected" },
  { 511, "Network Authentication Required" },
};

const char *
clip_fetch_status_phrase (guint status)
{
  const char *phrase;

  for (guint i = 0; i < G_N_ELEMENTS (extra_phrases); i++)
    if (extra_phrases[i].status == status)
      return extra_phrases[i].phrase;
  phrase = soup_status_get_phrase (status);
  return phrase && strcmp (phrase, "Unknown Error") != 0 ? phrase : NULL;
}

static char *
http_error_message (guint status)
{
  const char *phrase = clip_fetch_status_phrase (status);

  if (status == SOUP_STATUS_GONE)
    return g_strdup (_("HTTP 410 (Gone): the feed was removed"));
  if (phrase)
    return g_strdup_printf ("HTTP %u (%s)", status, phrase);
  return g_strdup_printf ("HTTP %u", status);
}

/* What evidence keeps of the answer's headers. */
static GStrv
main_headers (SoupMessageHeaders *headers)
{
  static const char *const names[] = { "Date", "Server", "Content-Type", "Content-Length",
                                       "Content-Language", "Last-Modified", "ETag",
                                       "Cache-Control" };
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = soup_message_headers_get_one (headers, names[i]);

      if (value != NULL)
        {
          g_autofree char *line = g_strdup_printf ("%s: %s", names[i], value);

          g_strv_builder_add (b, line);
        }
    }
  return g_strv_builder_end (b);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GTask *task = data;
  FetchJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  SoupMessageHeaders *headers;
  guint status;

  if (stream == NULL)
    {
      fail_io (task, error);
      return;
    }
  status = soup_message_get_status (job->msg);
  headers = soup_message_get_response_headers (job->msg);
  job->response->status = status;
  g_free (job->response->url);
  job->response->url = g_uri_to_string (job->uri);
  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED &&
      status != 300 && status != SOUP_STATUS_USE_PROXY)
    {
      follow_redirect (task, status);
      return;
    }
  if (status == SOUP_STATUS_NOT_MODIFIED || SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *etag = soup_message_headers_get_one (headers, "ETag");
      const char *modified = soup_message_headers_get_one (headers, "Last-Modified");

      /* A 304 may omit the validators: keep the ones that worked. */
      job->response->etag = g_strdup (etag ? etag : status == SOUP_STATUS_NOT_MODIFIED ? job->etag : NULL);
      job->response->last_modified = g_strdup (modified ? modified :
                                               status == SOUP_STATUS_NOT_MODIFIED ? job->last_modified : NULL);
    }
  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      job->response->not_modified = TRUE;
      finish (task);
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autofree char *message = http_error_message (status);

      if (status == HTTP_TOO_MANY_REQUESTS || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
        job->response->retry_after = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));
      fail_literal (task, CLIP_FETCH_ERROR_HTTP, message);
      return;
    }
  job->response->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  job->response->headers = main_headers (headers);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) job->fetcher->limits.max_body)
    {
      fail_too_large (task);
      return;
    }
  start_body (task, stream);
}

static void
start_hop (GTask *task)
{
  FetchJob *job = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_hash_table_add (job->visited, g_uri_to_string (job->uri));
  job->msg = soup_message_new_from_uri (SOUP_METHOD_GET, job->uri);
  soup_message_add_flags (job->msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (job->msg);
  soup_message_headers_replace (headers, "Accept",
                                "application/rss+xml, application/atom+xml, application/feed+json, "
                                "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, "
                                "text/html;q=0.5, */*;q=0.1");
  if (job->etag)
    soup_message_headers_replace (headers, "If-None-Match", job->etag);
  if (job->last_modified)
    soup_message_headers_replace (headers, "If-Modified-Since", job->last_modified);
  soup_session_send_async (job->fetcher->session, job->msg, G_PRIORITY_DEFAULT,
                           job->cancellable, send_cb, task);
}

static char *
http_date (GDateTime *when)
{
  return soup_date_time_to_string (when, SOUP_DATE_HTTP);
}

static void
file_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GTask *task = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read_finish (G_FILE (source), result, &error);

  if (stream == NULL)
    {
      fail_io (task, error);
      return;
    }
  start_body (task, G_INPUT_STREAM (stream));
}

/* A local feed: its modification time stands in for Last-Modified, so an
 * unchanged file is "not modified" like a 304. */
static void
file_info_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GTask *task = data;
  FetchJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, &error);
  g_autoptr(GDateTime) mtime = NULL;

  if (info == NULL)
    {
      fail_io (task, error);
      return;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      fail_literal (task, CLIP_FETCH_ERROR_FILE, _("not a regular file"));
      return;
    }
  if ((guint64) g_file_info_get_size (info) > job->fetcher->limits.max_body)
    {
      fail_too_large (task);
      return;
    }
  job->response->url = g_uri_to_string (job->uri);
  mtime = g_file_info_get_modification_date_time (info);
  if (mtime)
    job->response->last_modified = http_date (mtime);
  if (job->last_modified && g_strcmp0 (job->last_modified, job->response->last_modified) == 0)
    {
      job->response->status = SOUP_STATUS_NOT_MODIFIED;
      job->response->not_modified = TRUE;
      finish (task);
      return;
    }
  job->response->status = SOUP_STATUS_OK;
  g_file_read_async (G_FILE (source), G_PRIORITY_DEFAULT, job->cancellable, file_read_cb, task);
}

void
clip_fetcher_fetch_async (ClipFetcher         *self,
                          const char          *url,
                          const char          *etag,
                          const char          *last_modified,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  FetchJob *job;
  const char *scheme;

  g_return_if_fail (CLIP_IS_FETCHER (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, clip_fetcher_fetch_async);
  job = g_new0 (FetchJob, 1);
  job->fetcher = g_object_ref (self);
  job->response = g_new0 (ClipFetchResponse, 1);
  job->etag = g_strdup (etag);
  job->last_modified = g_strdup (last_modified);
  job->permanent = TRUE;
  job->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, job, (GDestroyNotify) fetch_job_free);

  job->uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = job->uri ? g_uri_get_scheme (job->uri) : NULL;
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "file") != 0 &&
       ((g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
        g_uri_get_host (job->uri) == NULL || *g_uri_get_host (job->uri) == '\0')))
    {
      fail (task, g_error_new (CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_INVALID,
                               _("“%s” is not an http, https or file address"), url));
      return;
    }
  if (cancellable)
    {
      job->outer = g_object_ref (cancellable);
      job->outer_id = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                             g_object_ref (job->cancellable), g_object_unref);
    }
  job->deadline = g_timeout_source_new (self->limits.response_timeout);
  g_source_set_callback (job->deadline, deadline_cb, job, NULL);
  g_source_attach (job->deadline, g_main_context_get_thread_default ());

  if (g_ascii_strcasecmp (scheme, "file") == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (url);

      g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                               G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                               G_PRIORITY_DEFAULT, job->cancellable, file_info_cb, task);
      return;
    }
  start_hop (task);
}

ClipFetchResponse *
clip_fetcher_fetch_finish (ClipFetcher  *self,
                           GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}
