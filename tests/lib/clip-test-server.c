/* clip-test-server.c — well-behaved and hostile HTTP(S) servers on loopback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-test-server.h"
#include "clip-test-util.h"

#include <libsoup/soup.h>
#include <string.h>
#include <zlib.h>

#define BOMB_BLOCK_INFLATED (1024 * 1024)
#define BOMB_BLOCKS 1024                      /* 1 GiB inflated */
#define ENDLESS_CHUNK (64 * 1024)

typedef struct {
  ClipTestRouteKind  kind;
  guint              status;
  char              *content_type;
  GBytes            *body;
  char              *etag;
  char              *last_modified;
  char              *header;
  char              *value;
  guint              delay_ms;
  guint              hits;
  gint64             first_hit;    /* monotonic µs, 0 before any */
  SoupMessageHeaders *last_request;
} Route;

struct _ClipTestServer {
  SoupServer  *server;
  GUri        *base;
  GHashTable  *routes;      /* path → Route* */
  guint        in_flight;
  guint        max_in_flight;
};

static guint all_in_flight, all_max_in_flight;

/* One response being written: counts in flight until it ends, and feeds
 * streamed bodies. */
typedef struct {
  ClipTestServer    *server;
  SoupServerMessage *msg;
  ClipTestRouteKind  kind;
  guint              timer;
  guint              blocks_sent;
  gboolean           done;
} Exchange;

static void
route_free (Route *r)
{
  g_free (r->content_type);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_free (r->etag);
  g_free (r->last_modified);
  g_free (r->header);
  g_free (r->value);
  g_clear_pointer (&r->last_request, soup_message_headers_unref);
  g_free (r);
}

static Route *
route_for (ClipTestServer *s, const char *path, ClipTestRouteKind kind)
{
  Route *r = g_new0 (Route, 1);

  r->kind = kind;
  r->status = SOUP_STATUS_OK;
  g_hash_table_replace (s->routes, g_strdup (path), r);
  return r;
}

/* The gzip bomb: a gzip header, one raw-deflate run of 1 MiB of zeros
 * repeated 1024 times (a full flush makes each copy stand alone), a final
 * empty block and a correct trailer. About 1 MB on the wire. */
static GBytes *
bomb_block (void)
{
  static GBytes *block;

  if (block == NULL)
    {
      z_stream z = { 0 };
      g_autofree guint8 *zeros = g_malloc0 (BOMB_BLOCK_INFLATED);
      gsize cap = BOMB_BLOCK_INFLATED;
      guint8 *out = g_malloc (cap);

      g_assert_cmpint (deflateInit2 (&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), ==, Z_OK);
      z.next_in = zeros;
      z.avail_in = BOMB_BLOCK_INFLATED;
      z.next_out = out;
      z.avail_out = cap;
      g_assert_cmpint (deflate (&z, Z_FULL_FLUSH), ==, Z_OK);
      g_assert_cmpuint (z.avail_in, ==, 0);
      block = g_bytes_new_take (out, cap - z.avail_out);
      deflateEnd (&z);
    }
  return block;
}

static GBytes *
bomb_trailer (void)
{
  static const guint8 final_block[] = { 0x03, 0x00 };
  g_autofree guint8 *zeros = g_malloc0 (BOMB_BLOCK_INFLATED);
  uLong block_crc = crc32 (0, zeros, BOMB_BLOCK_INFLATED);
  uLong crc = block_crc;
  guint8 t[10];
  guint32 isize = (guint32) ((guint64) BOMB_BLOCK_INFLATED * BOMB_BLOCKS);

  for (guint i = 1; i < BOMB_BLOCKS; i++)
    crc = crc32_combine (crc, block_crc, BOMB_BLOCK_INFLATED);
  memcpy (t, final_block, 2);
  for (guint i = 0; i < 4; i++)
    {
      t[2 + i] = (crc >> (8 * i)) & 0xff;
      t[6 + i] = (isize >> (8 * i)) & 0xff;
    }
  return g_bytes_new (t, sizeof t);
}

static void
exchange_end (Exchange *x)
{
  if (x->done)
    return;
  x->done = TRUE;
  x->server->in_flight--;
  all_in_flight--;
  g_clear_handle_id (&x->timer, g_source_remove);
}

static void
exchange_free (Exchange *x)
{
  exchange_end (x);
  g_free (x);
}

static void
stream_more (SoupServerMessage *msg, Exchange *x)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  if (x->done)
    return;
  if (x->kind == CLIP_TEST_ROUTE_ENDLESS)
    {
      g_autofree char *chunk = g_malloc (ENDLESS_CHUNK);

      memset (chunk, 'x', ENDLESS_CHUNK);
      soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, ENDLESS_CHUNK);
    }
  else if (x->kind == CLIP_TEST_ROUTE_GZIP_BOMB && x->blocks_sent < BOMB_BLOCKS)
    {
      soup_message_body_append_bytes (body, bomb_block ());
      x->blocks_sent++;
    }
  else if (x->kind == CLIP_TEST_ROUTE_GZIP_BOMB && x->blocks_sent == BOMB_BLOCKS)
    {
      g_autoptr(GBytes) trailer = bomb_trailer ();

      soup_message_body_append_bytes (body, trailer);
      soup_message_body_complete (body);
      x->blocks_sent++;
    }
}

static gboolean
drip_cb (gpointer data)
{
  Exchange *x = data;

  soup_message_body_append (soup_server_message_get_response_body (x->msg), SOUP_MEMORY_STATIC, "<", 1);
  soup_server_message_unpause (x->msg);
  return G_SOURCE_CONTINUE;
}

static gboolean
delayed_cb (gpointer data)
{
  Exchange *x = data;

  x->timer = 0;
  soup_server_message_unpause (x->msg);
  return G_SOURCE_REMOVE;
}

static void
msg_ended_cb (SoupServerMessage *msg, Exchange *x)
{
  exchange_end (x);
}

static void
start_stream (SoupServerMessage *msg, Exchange *x, ClipTestRouteKind kind)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  static const guint8 gzip_header[] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_body_set_accumulate (body, FALSE);
  if (kind == CLIP_TEST_ROUTE_DRIP)
    {
      soup_message_headers_replace (headers, "Content-Type", "application/rss+xml");
      x->timer = g_timeout_add (250, drip_cb, x);
      return;
    }
  if (kind == CLIP_TEST_ROUTE_GZIP_BOMB)
    {
      soup_message_headers_replace (headers, "Content-Type", "application/rss+xml");
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
      soup_message_body_append (body, SOUP_MEMORY_STATIC, gzip_header, sizeof gzip_header);
    }
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (stream_more), x);
  stream_more (msg, x);
}

static void
answer_body (SoupServerMessage *msg, Route *r)
{
  SoupMessageHeaders *req = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *inm = soup_message_headers_get_one (req, "If-None-Match");
  const char *ims = soup_message_headers_get_one (req, "If-Modified-Since");

  if (r->etag)
    soup_message_headers_replace (headers, "ETag", r->etag);
  if (r->last_modified)
    soup_message_headers_replace (headers, "Last-Modified", r->last_modified);
  if ((r->etag && g_strcmp0 (inm, r->etag) == 0) ||
      (!inm && r->last_modified && g_strcmp0 (ims, r->last_modified) == 0))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, r->content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));
}

static void
handler (SoupServer        *soup,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  ClipTestServer *s = data;
  Route *r = g_hash_table_lookup (s->routes, path);
  Exchange *x = g_new0 (Exchange, 1);

  x->server = s;
  x->msg = msg;
  s->in_flight++;
  all_in_flight++;
  s->max_in_flight = MAX (s->max_in_flight, s->in_flight);
  all_max_in_flight = MAX (all_max_in_flight, all_in_flight);
  g_object_set_data_full (G_OBJECT (msg), "clip-exchange", x, (GDestroyNotify) exchange_free);
  g_signal_connect (msg, "finished", G_CALLBACK (msg_ended_cb), x);
  g_signal_connect (msg, "disconnected", G_CALLBACK (msg_ended_cb), x);

  if (r == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  r->hits++;
  if (r->first_hit == 0)
    r->first_hit = g_get_monotonic_time ();
  g_clear_pointer (&r->last_request, soup_message_headers_unref);
  r->last_request = soup_message_headers_ref (soup_server_message_get_request_headers (msg));
  x->kind = r->kind;
  switch (r->kind)
    {
    case CLIP_TEST_ROUTE_BODY:
      answer_body (msg, r);
      break;
    case CLIP_TEST_ROUTE_STATUS:
      soup_server_message_set_status (msg, r->status, NULL);
      if (r->header)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                      r->header, r->value);
      break;
    case CLIP_TEST_ROUTE_HANG:
      soup_server_message_pause (msg);
      return;
    case CLIP_TEST_ROUTE_DRIP:
    case CLIP_TEST_ROUTE_ENDLESS:
    case CLIP_TEST_ROUTE_GZIP_BOMB:
      start_stream (msg, x, r->kind);
      return;
    }
  if (r->delay_ms)
    {
      soup_server_message_pause (msg);
      x->timer = g_timeout_add (r->delay_ms, delayed_cb, x);
    }
}

ClipTestServer *
clip_test_server_new (const char      *ip,
                      GTlsCertificate *cert)
{
  ClipTestServer *s = g_new0 (ClipTestServer, 1);
  g_autoptr(GInetAddress) addr = g_inet_address_new_from_string (ip);
  g_autoptr(GSocketAddress) sa = g_inet_socket_address_new (addr, 0);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  s->server = soup_server_new ("tls-certificate", cert, NULL);
  s->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) route_free);
  soup_server_add_handler (s->server, NULL, handler, s, NULL);
  soup_server_listen (s->server, sa, cert ? SOUP_SERVER_LISTEN_HTTPS : 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (s->server);
  s->base = g_uri_ref (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return s;
}

void
clip_test_server_free (ClipTestServer *s)
{
  soup_server_disconnect (s->server);
  g_object_unref (s->server);
  g_hash_table_unref (s->routes);
  g_uri_unref (s->base);
  g_free (s);
}

char *
clip_test_server_url (ClipTestServer *s, const char *path)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (s->base, path, G_URI_FLAGS_NONE, NULL);

  return g_uri_to_string (uri);
}

void
clip_test_server_add_body (ClipTestServer *s,
                           const char     *path,
                           const char     *content_type,
                           const char     *body,
                           gssize          len,
                           const char     *etag,
                           const char     *last_modified)
{
  Route *r = route_for (s, path, CLIP_TEST_ROUTE_BODY);

  r->content_type = g_strdup (content_type);
  r->body = g_bytes_new (body, len < 0 ? strlen (body) : (gsize) len);
  r->etag = g_strdup (etag);
  r->last_modified = g_strdup (last_modified);
}

void
clip_test_server_add_status (ClipTestServer *s,
                             const char     *path,
                             guint           status,
                             const char     *header,
                             const char     *value)
{
  Route *r = route_for (s, path, CLIP_TEST_ROUTE_STATUS);

  r->status = status;
  r->header = g_strdup (header);
  r->value = g_strdup (value);
}

void
clip_test_server_add_kind (ClipTestServer    *s,
                           const char        *path,
                           ClipTestRouteKind  kind)
{
  route_for (s, path, kind);
}

void
clip_test_server_set_delay (ClipTestServer *s,
                            const char     *path,
                            guint           delay_ms)
{
  Route *r = g_hash_table_lookup (s->routes, path);

  g_assert_nonnull (r);
  r->delay_ms = delay_ms;
}

guint
clip_test_server_hits (ClipTestServer *s, const char *path)
{
  Route *r = g_hash_table_lookup (s->routes, path);

  return r ? r->hits : 0;
}

gint64
clip_test_server_first_hit_time (ClipTestServer *s, const char *path)
{
  Route *r = g_hash_table_lookup (s->routes, path);

  return r ? r->first_hit : 0;
}

const char *
clip_test_server_last_header (ClipTestServer *s,
                              const char     *path,
                              const char     *name)
{
  Route *r = g_hash_table_lookup (s->routes, path);

  if (r == NULL || r->last_request == NULL)
    return NULL;
  return soup_message_headers_get_one (r->last_request, name);
}

guint
clip_test_server_max_in_flight (ClipTestServer *s)
{
  return s->max_in_flight;
}

guint
clip_test_servers_max_in_flight (void)
{
  return all_max_in_flight;
}

void
clip_test_servers_reset_counts (void)
{
  all_max_in_flight = all_in_flight;
}

GTlsCertificate *
clip_test_tls_certificate (void)
{
  g_autofree char *cert = clip_test_data_path ("fetch/test-cert.pem");
  g_autofree char *key = clip_test_data_path ("fetch/test-key.pem");
  g_autoptr(GError) error = NULL;
  GTlsCertificate *c = g_tls_certificate_new_from_files (cert, key, &error);

  g_assert_no_error (error);
  return c;
}

GTlsDatabase *
clip_test_tls_database (void)
{
  g_autofree char *cert = clip_test_data_path ("fetch/test-cert.pem");
  g_autoptr(GError) error = NULL;
  GTlsDatabase *db = g_tls_file_database_new (cert, &error);

  g_assert_no_error (error);
  return db;
}

gsize
clip_test_peak_rss (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) * 1024;
}
