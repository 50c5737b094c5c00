/* test-fetch.c — one fetch against well-behaved and hostile servers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-fetch.h"
#include "clip-test-server.h"
#include "clip-test-util.h"

#include <string.h>

static const char feed_xml[] =
  "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
  "<item><guid>1</guid><title>One</title></item></channel></rss>";

typedef struct {
  ClipTestServer *server;
  ClipFetcher    *fetcher;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  const ClipFetchLimits *limits = data;

  f->server = clip_test_server_new ("127.0.0.1", NULL);
  f->fetcher = clip_fetcher_new (limits);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->fetcher);
  g_clear_pointer (&f->server, clip_test_server_free);
}

static void
got_response (GObject *source, GAsyncResult *result, gpointer data)
{
  ClipFetchResponse **out = data;

  *out = clip_fetcher_fetch_finish (CLIP_FETCHER (source), result);
}

static ClipFetchResponse *
fetch (ClipFetcher *fetcher, const char *url, const char *etag, const char *last_modified)
{
  ClipFetchResponse *r = NULL;

  clip_fetcher_fetch_async (fetcher, url, etag, last_modified, NULL, got_response, &r);
  while (r == NULL)
    g_main_context_iteration (NULL, TRUE);
  return r;
}

static ClipFetchResponse *
fetch_path (Fixture *f, const char *path)
{
  g_autofree char *url = clip_test_server_url (f->server, path);

  return fetch (f->fetcher, url, NULL, NULL);
}

static void
test_ok (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipFetchResponse) r = NULL;
  g_autofree char *agent = g_strdup_printf ("Clippings/%s (+%s)", PACKAGE_VERSION, CLIP_HOMEPAGE);

  clip_test_server_add_body (f->server, "/feed", "application/rss+xml", feed_xml, -1, "\"v1\"", NULL);
  r = fetch_path (f, "/feed");
  g_assert_no_error (r->error);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_false (r->not_modified);
  g_assert_cmpstr (r->content_type, ==, "application/rss+xml");
  g_assert_cmpstr (r->etag, ==, "\"v1\"");
  g_assert_null (r->moved_to);
  g_assert_cmpmem (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body), feed_xml, strlen (feed_xml));
  g_assert_cmpstr (clip_test_server_last_header (f->server, "/feed", "User-Agent"), ==, agent);
  g_assert_null (clip_test_server_last_header (f->server, "/feed", "If-None-Match"));
}

static void
test_not_modified_etag (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipFetchResponse) first = NULL;
  g_autoptr(ClipFetchResponse) second = NULL;
  g_autofree char *url = clip_test_server_url (f->server, "/feed");

  clip_test_server_add_body (f->server, "/feed", "application/rss+xml", feed_xml, -1, "\"abc\"", NULL);
  first = fetch (f->fetcher, url, NULL, NULL);
  g_assert_no_error (first->error);
  second = fetch (f->fetcher, url, first->etag, first->last_modified);
  g_assert_no_error (second->error);
  g_assert_cmpstr (clip_test_server_last_header (f->server, "/feed", "If-None-Match"), ==, "\"abc\"");
  g_assert_true (second->not_modified);
  g_assert_cmpuint (second->status, ==, 304);
  g_assert_null (second->body);
  g_assert_cmpstr (second->etag, ==, "\"abc\"");
}

static void
test_not_modified_last_modified (Fixture *f, gconstpointer data)
{
  const char *date = "Tue, 03 Jun 2025 10:00:00 GMT";
  g_autoptr(ClipFetchResponse) first = NULL;
  g_autoptr(ClipFetchResponse) second = NULL;
  g_autofree char *url = clip_test_server_url (f->server, "/feed");

  clip_test_server_add_body (f->server, "/feed", "application/rss+xml", feed_xml, -1, NULL, date);
  first = fetch (f->fetcher, url, NULL, NULL);
  g_assert_no_error (first->error);
  g_assert_null (first->etag);
  g_assert_cmpstr (first->last_modified, ==, date);
  second = fetch (f->fetcher, url, NULL, first->last_modified);
  g_assert_cmpstr (clip_test_server_last_header (f->server, "/feed", "If-Modified-Since"), ==, date);
  g_assert_no_error (second->error);
  g_assert_true (second->not_modified);
  g_assert_cmpstr (second->last_modified, ==, date);
}

static void
assert_http_error (Fixture *f, guint status, const char *expected)
{
  g_autofree char *path = g_strdup_printf ("/status/%u", status);
  g_autoptr(ClipFetchResponse) r = NULL;

  clip_test_server_add_status (f->server, path, status, NULL, NULL);
  r = fetch_path (f, path);
  g_assert_error (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_HTTP);
  g_assert_cmpstr (r->error->message, ==, expected);
  g_assert_cmpuint (r->status, ==, status);
  g_assert_null (r->body);
}

static void
test_http_errors (Fixture *f, gconstpointer data)
{
  assert_http_error (f, 404, "HTTP 404 (Not Found)");
  assert_http_error (f, 410, "HTTP 410 (Gone): the feed was removed");
  assert_http_error (f, 500, "HTTP 500 (Internal Server Error)");
  /* libsoup has no phrase for these and said "Unknown Error" */
  assert_http_error (f, 429, "HTTP 429 (Too Many Requests)");
  assert_http_error (f, 451, "HTTP 451 (Unavailable For Legal Reasons)");
  assert_http_error (f, 511, "HTTP 511 (Network Authentication Required)");
  assert_http_error (f, 599, "HTTP 599");
}

static void
test_retry_after (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipFetchResponse) r429 = NULL;
  g_autoptr(ClipFetchResponse) r503 = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 600);
  g_autofree char *date = g_date_time_format (later, "%a, %d %b %Y %H:%M:%S GMT");

  clip_test_server_add_status (f->server, "/busy", 429, "Retry-After", "120");
  clip_test_server_add_status (f->server, "/down", 503, "Retry-After", date);
  r429 = fetch_path (f, "/busy");
  g_assert_error (r429->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_HTTP);
  g_assert_true (g_str_has_prefix (r429->error->message, "HTTP 429"));
  g_assert_cmpint (r429->retry_after, ==, 120);
  r503 = fetch_path (f, "/down");
  g_assert_error (r503->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_HTTP);
  g_assert_cmpint (r503->retry_after, >=, 590);
  g_assert_cmpint (r503->retry_after, <=, 600);
}

static const ClipFetchLimits fast_limits = { 1, 1200, 1024 * 1024 };

static void
test_never_answers (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipFetchResponse) r = NULL;
  gint64 start = g_get_monotonic_time ();

  clip_test_server_add_kind (f->server, "/hang", CLIP_TEST_ROUTE_HANG);
  r = fetch_path (f, "/hang");
  g_assert_error (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TIMEOUT);
  g_assert_true (g_str_has_prefix (r->error->message, "timed out"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

static void
test_drip (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipFetchResponse) r = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  clip_test_server_add_kind (f->server, "/drip", CLIP_TEST_ROUTE_DRIP);
  r = fetch_path (f, "/drip");
  elapsed = g_get_monotonic_time () - start;
  /* Never silent for the I/O timeout: only the whole-response limit stops it. */
  g_assert_error (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TIMEOUT);
  g_assert_cmpint (elapsed, >=, 1100 * 1000);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);
}

static void
assert_too_large (const GError *error, gsize cap)
{
  g_autofree char *size = g_format_size_full (cap, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *expected = g_strdup_printf ("too large (more than %s)", size);

  g_assert_error (error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_endless (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipFetchResponse) r = NULL;

  clip_test_server_add_kind (f->server, "/endless", CLIP_TEST_ROUTE_ENDLESS);
  r = fetch_path (f, "/endless");
  g_assert_error (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TOO_LARGE);
  assert_too_large (r->error, 1024 * 1024);
}

static void
test_gzip_bomb (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipFetchResponse) r = NULL;
  gsize before, after;

  clip_test_server_add_kind (f->server, "/bomb", CLIP_TEST_ROUTE_GZIP_BOMB);
  before = clip_test_peak_rss ();
  r = fetch_path (f, "/bomb");
  after = clip_test_peak_rss ();
  g_assert_error (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TOO_LARGE);
  assert_too_large (r->error, 16 * 1024 * 1024);
  /* 16 MiB of body plus buffers, nowhere near the 1 GiB it inflates to. */
  if (before > 0)
    g_assert_cmpuint (after - before, <, 96 * 1024 * 1024);
}

static void
add_redirect (Fixture *f, const char *from, guint status, const char *to)
{
  g_autofree char *url = g_str_has_prefix (to, "/") ? clip_test_server_url (f->server, to) : g_strdup (to);

  clip_test_server_add_status (f->server, from, status, "Location", url);
}

static void
test_redirect_loop (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipFetchResponse) r = NULL;

  add_redirect (f, "/a", 302, "/b");
  add_redirect (f, "/b", 302, "/a");
  r = fetch_path (f, "/a");
  g_assert_error (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_REDIRECT);
  g_assert_cmpstr (r->error->message, ==, "redirect loop");
  g_assert_cmpuint (clip_test_server_hits (f->server, "/a"), ==, 1);
}

static void
test_redirect_chain (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipFetchResponse) five = NULL;
  g_autoptr(ClipFetchResponse) six = NULL;

  clip_test_server_add_body (f->server, "/r0", "application/rss+xml", feed_xml, -1, NULL, NULL);
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *from = g_strdup_printf ("/r%u", i);
      g_autofree char *to = g_strdup_printf ("/r%u", i - 1);

      add_redirect (f, from, 307, to);
    }
  five = fetch_path (f, "/r5");
  g_assert_no_error (five->error);
  g_assert_null (five->moved_to);
  g_assert_true (g_str_has_suffix (five->url, "/r0"));
  six = fetch_path (f, "/r6");
  g_assert_error (six->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_REDIRECT);
  g_assert_cmpstr (six->error->message, ==, "too many redirects (more than 5)");
}

static void
test_redirect_bad_scheme (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipFetchResponse) r = NULL;
  g_autoptr(ClipFetchResponse) file = NULL;

  add_redirect (f, "/ftp", 302, "ftp://127.0.0.1/feed.xml");
  add_redirect (f, "/file", 301, "file:///etc/passwd");
  r = fetch_path (f, "/ftp");
  g_assert_error (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_REDIRECT);
  file = fetch_path (f, "/file");
  g_assert_error (file->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_REDIRECT);
  g_assert_null (file->body);
  g_assert_null (file->moved_to);
}

static void
test_moved (Fixture *f, gconstpointer data)
{
  g_autoptr(ClipFetchResponse) r301 = NULL;
  g_autoptr(ClipFetchResponse) r302 = NULL;
  g_autoptr(ClipFetchResponse) mixed = NULL;
  g_autofree char *new_url = clip_test_server_url (f->server, "/new");
  g_autofree char *mid_url = clip_test_server_url (f->server, "/mid");

  clip_test_server_add_body (f->server, "/new", "application/rss+xml", feed_xml, -1, NULL, NULL);
  add_redirect (f, "/old", 301, "/new");
  add_redirect (f, "/temp", 302, "/new");
  add_redirect (f, "/perm", 308, "/mid");
  add_redirect (f, "/mid", 302, "/new");
  r301 = fetch_path (f, "/old");
  g_assert_no_error (r301->error);
  g_assert_cmpstr (r301->moved_to, ==, new_url);
  r302 = fetch_path (f, "/temp");
  g_assert_no_error (r302->error);
  g_assert_null (r302->moved_to);
  /* Moved for good to /mid, which only borrows /new for now. */
  mixed = fetch_path (f, "/perm");
  g_assert_no_error (mixed->error);
  g_assert_cmpstr (mixed->moved_to, ==, mid_url);
}

static void
test_tls (void)
{
  g_autoptr(GTlsCertificate) cert = clip_test_tls_certificate ();
  g_autoptr(GTlsDatabase) db = clip_test_tls_database ();
  g_autoptr(ClipTestServer) tls = clip_test_server_new ("127.0.0.1", cert);
  g_autoptr(ClipTestServer) plain = clip_test_server_new ("127.0.0.1", NULL);
  g_autoptr(ClipFetcher) trusting = clip_fetcher_new (NULL);
  g_autoptr(ClipFetcher) system = clip_fetcher_new (NULL);
  g_autofree char *plain_url = clip_test_server_url (plain, "/feed");
  g_autofree char *secure_url = clip_test_server_url (tls, "/feed");
  g_autofree char *down_url = clip_test_server_url (tls, "/downgrade");
  g_autoptr(ClipFetchResponse) ok = NULL;
  g_autoptr(ClipFetchResponse) untrusted = NULL;
  g_autoptr(ClipFetchResponse) down = NULL;

  g_assert_true (g_str_has_prefix (secure_url, "https://"));
  clip_fetcher_set_tls_database (trusting, db);
  clip_test_server_add_body (tls, "/feed", "application/rss+xml", feed_xml, -1, NULL, NULL);
  clip_test_server_add_body (plain, "/feed", "application/rss+xml", feed_xml, -1, NULL, NULL);
  clip_test_server_add_status (tls, "/downgrade", 301, "Location", plain_url);

  ok = fetch (trusting, secure_url, NULL, NULL);
  g_assert_no_error (ok->error);
  g_assert_nonnull (ok->body);

  untrusted = fetch (system, secure_url, NULL, NULL);
  g_assert_error (untrusted->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_TLS);
  g_assert_true (g_str_has_prefix (untrusted->error->message, "certificate not trusted"));

  down = fetch (trusting, down_url, NULL, NULL);
  g_assert_error (down->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_REDIRECT);
  g_assert_cmpstr (down->error->message, ==, "redirect from https to insecure http refused");
  g_assert_cmpuint (clip_test_server_hits (plain, "/feed"), ==, 0);
  g_assert_null (down->moved_to);
}

static void
test_file (void)
{
  g_autofree char *dir = clip_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "local.xml", NULL);
  g_autofree char *url = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *missing = g_strconcat (url, ".missing", NULL);
  g_autoptr(ClipFetcher) fetcher = clip_fetcher_new (NULL);
  g_autoptr(ClipFetchResponse) first = NULL;
  g_autoptr(ClipFetchResponse) second = NULL;
  g_autoptr(ClipFetchResponse) none = NULL;

  g_assert_true (g_file_set_contents (path, feed_xml, -1, NULL));
  first = fetch (fetcher, url, NULL, NULL);
  g_assert_no_error (first->error);
  g_assert_cmpuint (g_bytes_get_size (first->body), ==, strlen (feed_xml));
  g_assert_nonnull (first->last_modified);
  second = fetch (fetcher, url, NULL, first->last_modified);
  g_assert_no_error (second->error);
  g_assert_true (second->not_modified);
  none = fetch (fetcher, missing, NULL, NULL);
  g_assert_error (none->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_FILE);
}

static void
test_invalid (void)
{
  g_autoptr(ClipFetcher) fetcher = clip_fetcher_new (NULL);
  g_autoptr(ClipFetchResponse) r = fetch (fetcher, "gopher://example.org/", NULL, NULL);
  g_autoptr(ClipFetchResponse) refused = NULL;
  g_autoptr(GSocketListener) l = g_socket_listener_new ();
  guint16 port = g_socket_listener_add_any_inet_port (l, NULL, NULL);
  g_autofree char *closed = NULL;

  g_assert_error (r->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_INVALID);
  /* A port that was just free: nothing listens there any more. */
  g_socket_listener_close (l);
  closed = g_strdup_printf ("http://127.0.0.1:%u/feed", port);
  refused = fetch (fetcher, closed, NULL, NULL);
  g_assert_error (refused->error, CLIP_FETCH_ERROR, CLIP_FETCH_ERROR_NETWORK);
  g_assert_true (g_str_has_prefix (refused->error->message, "connection refused"));
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autofree char *url = clip_test_server_url (f->server, "/hang");
  ClipFetchResponse *r = NULL;

  clip_test_server_add_kind (f->server, "/hang", CLIP_TEST_ROUTE_HANG);
  clip_fetcher_fetch_async (f->fetcher, url, NULL, NULL, cancel, got_response, &r);
  while (clip_test_server_hits (f->server, "/hang") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancel);
  while (r == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  clip_fetch_response_free (r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn, limits) \
  g_test_add ("/fetch/" name, Fixture, limits, fixture_setup, fn, fixture_teardown)
  ADD ("ok", test_ok, NULL);
  ADD ("not-modified/etag", test_not_modified_etag, NULL);
  ADD ("not-modified/last-modified", test_not_modified_last_modified, NULL);
  ADD ("http-errors", test_http_errors, NULL);
  ADD ("retry-after", test_retry_after, NULL);
  ADD ("limits/never-answers", test_never_answers, &fast_limits);
  ADD ("limits/drip", test_drip, &fast_limits);
  ADD ("limits/endless", test_endless, &fast_limits);
  ADD ("limits/gzip-bomb", test_gzip_bomb, NULL);
  ADD ("redirect/loop", test_redirect_loop, NULL);
  ADD ("redirect/chain", test_redirect_chain, NULL);
  ADD ("redirect/bad-scheme", test_redirect_bad_scheme, NULL);
  ADD ("redirect/moved", test_moved, NULL);
  ADD ("cancel", test_cancel, NULL);
#undef ADD
  g_test_add_func ("/fetch/tls", test_tls);
  g_test_add_func ("/fetch/file", test_file);
  g_test_add_func ("/fetch/invalid", test_invalid);

  return g_test_run ();
}
