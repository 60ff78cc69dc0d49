/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "upskill-catalog.h"
#include "upskill-error.h"
#include "upskill-feed.h"
#include "upskill-test-utils.h"
#include "upskill-trends.h"
#include "upskill-url.h"

#define HUGE_SIZE  (5 * 1024 * 1024)
#define HUGE_CHUNK (64 * 1024)
#define PASSWORD   "S3cretPassw0rd"
#define MARKUP     "<b>&amp;<span size=\"9999999\">"

/* A resolver that fails every lookup and counts them: the tests use IP
 * addresses only, so any lookup means the feed tried to reach the network. */

#define TEST_TYPE_RESOLVER (test_resolver_get_type ())
G_DECLARE_FINAL_TYPE (TestResolver, test_resolver, TEST, RESOLVER, GResolver)

struct _TestResolver
{
  GResolver parent_instance;
};

G_DEFINE_FINAL_TYPE (TestResolver, test_resolver, G_TYPE_RESOLVER)

static guint n_lookups;

static GList *
test_resolver_lookup_by_name (GResolver     *resolver,
                              const char    *hostname,
                              GCancellable  *cancellable,
                              GError       **error)
{
  n_lookups++;
  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "no network in tests: %s", hostname);
  return NULL;
}

static void
test_resolver_lookup_by_name_async (GResolver           *resolver,
                                    const char          *hostname,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);

  n_lookups++;
  g_task_return_new_error (task, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                           "no network in tests: %s", hostname);
}

static void
test_resolver_lookup_by_name_with_flags_async (GResolver                *resolver,
                                               const char               *hostname,
                                               GResolverNameLookupFlags  flags,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data)
{
  test_resolver_lookup_by_name_async (resolver, hostname, cancellable, callback, user_data);
}

static GList *
test_resolver_lookup_by_name_finish (GResolver     *resolver,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_resolver_class_init (TestResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = test_resolver_lookup_by_name;
  resolver_class->lookup_by_name_async = test_resolver_lookup_by_name_async;
  resolver_class->lookup_by_name_finish = test_resolver_lookup_by_name_finish;
  resolver_class->lookup_by_name_with_flags_async = test_resolver_lookup_by_name_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = test_resolver_lookup_by_name_finish;
}

static void
test_resolver_init (TestResolver *self)
{
}

/* Trend documents */

/* @text as a JSON string, with quotes and backslashes escaped. */
static char *
json_quote (const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return json_to_string (node, FALSE);
}

static char *
make_trends_json (const char *format,
                  gint64      version,
                  const char *title,
                  const char *text,
                  const char *quote)
{
  g_autofree char *format_json = json_quote (format);
  g_autofree char *title_json = json_quote (title);
  g_autofree char *text_json = json_quote (text);
  g_autofree char *quote_json = json_quote (quote);
  g_autofree char *claim = NULL;

  claim = g_strdup_printf ("\"kind\": \"advice\", \"section\": \"s1\", \"audience\": [\"developer\"], "
                           "\"text\": %s, \"quote\": %s, \"areas\": [\"python\"], \"strength\": 2",
                           text_json, quote_json);

  return g_strdup_printf ("{\"format\": %s, \"version\": %" G_GINT64_FORMAT ", \"source\": {\"title\": %s}, "
                          "\"sections\": [{\"id\": \"s1\", \"title\": \"Section\"}], "
                          "\"claims\": [{\"id\": \"claim-1\", %s}, {\"id\": \"claim-2\", %s}]}",
                          format_json, version, title_json, claim, claim);
}

/* Trend data whose claims are as small as JSON allows: 100,000 fit in
 * well under the 1 MiB a feed may send. */
static GBytes *
make_tiny_claims (guint n_claims)
{
  GString *text = g_string_new ("{\"format\": \"upskill-trends\", \"version\": 1, \"source\": {\"title\": \"T\"}, "
                                "\"sections\": [{\"id\": \"s1\", \"title\": \"S\"}], \"claims\": [");

  for (guint i = 0; i < n_claims; i++)
    g_string_append (text, i ? ",{}" : "{}");
  g_string_append (text, "]}");

  return g_string_free_to_bytes (text);
}

static char *
make_long_text (void)
{
  GString *text = g_string_new (NULL);

  /* 100 KB of text, with markup-looking characters along the way. */
  while (text->len < 100 * 1000)
    g_string_append (text, "Long claim text <i>not italic</i> & “quoted” — ");

  return g_string_free (text, FALSE);
}

/* What the program logs, while a test wants it. */
static GString *captured_log;

static GLogWriterOutput
capture_log (GLogLevelFlags   log_level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data)
{
  if (captured_log != NULL)
    for (gsize i = 0; i < n_fields; i++)
      if (g_str_equal (fields[i].key, "MESSAGE"))
        {
          g_string_append_len (captured_log, fields[i].value, fields[i].length);
          g_string_append_c (captured_log, '\n');
        }

  /* Kept out of the TAP output. */
  if (captured_log != NULL && (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) != 0)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* The server */

typedef struct
{
  char       *tmp_dir;
  GFile      *cache_dir;
  UpskillCatalog *catalog;
  UpskillFeed *feed;
  SoupServer *server;
  char       *base_url;

  /* /trends.json: what it serves now */
  GBytes     *body;
  char       *etag;
  char       *last_modified;
  char       *seen_if_none_match;
  char       *seen_if_modified_since;
  guint       n_not_modified;

  GHashTable *requests;  /* path → count */
  gsize       huge_appended;
  gsize       huge_written;
  gboolean    huge_finished;
  guint       slow_source;

  /* A server that accepts connections and never answers */
  GSocketService *silent_server;
  GPtrArray      *held_connections;

  /* A server that answers with raw bytes, as a broken one might */
  GSocketService *raw_server;
  guint           raw_answer;
  int             raw_running;   /* connections its threads still serve */
} Fixture;

static void
set_body (Fixture    *fixture,
          const char *text,
          const char *etag)
{
  g_clear_pointer (&fixture->body, g_bytes_unref);
  fixture->body = g_bytes_new (text, strlen (text));
  g_free (fixture->etag);
  fixture->etag = g_strdup (etag);
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *text)
{
  soup_server_message_set_status (msg, status, NULL);
  if (text != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text, strlen (text));
}

static void
redirect (SoupServerMessage *msg,
          const char        *location)
{
  soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
}

static void
huge_wrote_body_data (SoupServerMessage *msg,
                      guint              size,
                      Fixture           *fixture)
{
  fixture->huge_written += size;
}

static void
huge_append_chunk (SoupServerMessage *msg,
                   Fixture           *fixture)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autofree char *chunk = NULL;

  if (fixture->huge_appended >= HUGE_SIZE)
    {
      soup_message_body_complete (body);
      return;
    }

  chunk = g_malloc (HUGE_CHUNK);
  memset (chunk, ' ', HUGE_CHUNK);
  if (fixture->huge_appended == 0)
    memcpy (chunk, "{\"format\": \"upskill-trends\", \"pad\": \"", 37);
  soup_message_body_append_take (body, (guchar *)g_steal_pointer (&chunk), HUGE_CHUNK);
  fixture->huge_appended += HUGE_CHUNK;
}

static gboolean
huge_resume (gpointer user_data)
{
  SoupServerMessage *msg = user_data;
  Fixture *fixture = g_object_get_data (G_OBJECT (msg), "fixture");

  if (g_object_get_data (G_OBJECT (msg), "finished") == NULL)
    {
      huge_append_chunk (msg, fixture);
      soup_server_message_unpause (msg);
    }

  return G_SOURCE_REMOVE;
}

/* The next chunk is written only once the client has read everything that
 * is ready (a low-priority idle runs after its reads): what the server
 * wrote then tells what the client consumed, not how much the kernel
 * buffers on loopback. */
static void
huge_wrote_chunk (SoupServerMessage *msg,
                  Fixture           *fixture)
{
  soup_server_message_pause (msg);
  g_idle_add_full (G_PRIORITY_LOW, huge_resume, g_object_ref (msg), g_object_unref);
}

static void
huge_finished (SoupServerMessage *msg,
               Fixture           *fixture)
{
  g_object_set_data (G_OBJECT (msg), "finished", GINT_TO_POINTER (TRUE));
  fixture->huge_finished = TRUE;
}

/* /slow: one byte every 300 ms, never silent long enough for the
 * per-read timeout. */
static gboolean
slow_drip (gpointer user_data)
{
  SoupServerMessage *msg = user_data;

  if (g_object_get_data (G_OBJECT (msg), "finished") != NULL)
    return G_SOURCE_CONTINUE;

  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (msg);

  return G_SOURCE_CONTINUE;
}

static void
slow_finished (SoupServerMessage *msg)
{
  g_object_set_data (G_OBJECT (msg), "finished", GINT_TO_POINTER (TRUE));
}

static void
slow_wrote_chunk (SoupServerMessage *msg)
{
  soup_server_message_pause (msg);
}

static void
handle_trends (SoupServerMessage *msg,
               Fixture           *fixture)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  const char *if_modified_since = soup_message_headers_get_one (request, "If-Modified-Since");

  g_free (fixture->seen_if_none_match);
  fixture->seen_if_none_match = g_strdup (if_none_match);
  g_free (fixture->seen_if_modified_since);
  fixture->seen_if_modified_since = g_strdup (if_modified_since);

  if (fixture->etag != NULL)
    soup_message_headers_replace (response, "ETag", fixture->etag);
  soup_message_headers_replace (response, "Last-Modified", fixture->last_modified);

  if (if_none_match != NULL && g_strcmp0 (if_none_match, fixture->etag) == 0)
    {
      fixture->n_not_modified++;
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), fixture->body);
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  Fixture *fixture = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->requests, path));

  g_hash_table_insert (fixture->requests, g_strdup (path), GUINT_TO_POINTER (count + 1));

  if (g_str_equal (path, "/trends.json") || g_str_equal (path, "/other.json"))
    handle_trends (msg, fixture);
  else if (g_str_equal (path, "/404"))
    respond (msg, SOUP_STATUS_NOT_FOUND, "{\"error\": \"gone\"}");
  else if (g_str_equal (path, "/500"))
    respond (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "oops");
  else if (g_str_equal (path, "/invalid"))
    respond (msg, SOUP_STATUS_OK, "{\"format\": \"upskill-trends\", \"version\": 1,");
  else if (g_str_equal (path, "/wrong-format"))
    {
      g_autofree char *text = make_trends_json ("upskill-catalog", 1, "Catalog", "t", "q");

      respond (msg, SOUP_STATUS_OK, text);
    }
  else if (g_str_equal (path, "/future"))
    {
      g_autofree char *text = make_trends_json ("upskill-trends", 2, "Future", "t", "q");

      respond (msg, SOUP_STATUS_OK, text);
    }
  else if (g_str_equal (path, "/markup"))
    {
      g_autofree char *long_text = make_long_text ();
      g_autofree char *text = make_trends_json ("upskill-trends", 1, MARKUP, MARKUP, long_text);

      respond (msg, SOUP_STATUS_OK, text);
    }
  else if (g_str_equal (path, "/many-claims"))
    {
      g_autoptr(GBytes) body = make_tiny_claims (100000);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (msg), body);
    }
  else if (g_str_equal (path, "/huge"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                         SOUP_ENCODING_CHUNKED);
      g_signal_connect (msg, "wrote-body-data", G_CALLBACK (huge_wrote_body_data), fixture);
      g_object_set_data (G_OBJECT (msg), "fixture", fixture);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (huge_wrote_chunk), fixture);
      g_signal_connect (msg, "finished", G_CALLBACK (huge_finished), fixture);
      huge_append_chunk (msg, fixture);
    }
  else if (g_str_equal (path, "/slow"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                         SOUP_ENCODING_CHUNKED);
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC, "{", 1);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (slow_wrote_chunk), NULL);
      g_signal_connect (msg, "finished", G_CALLBACK (slow_finished), NULL);
      g_signal_connect (msg, "disconnected", G_CALLBACK (slow_finished), NULL);
      g_clear_handle_id (&fixture->slow_source, g_source_remove);
      fixture->slow_source = g_timeout_add_full (G_PRIORITY_DEFAULT, 300, slow_drip,
                                                 g_object_ref (msg), g_object_unref);
    }
  else if (g_str_equal (path, "/a"))
    redirect (msg, "/b");
  else if (g_str_equal (path, "/b"))
    redirect (msg, "/a");
  else if (g_str_equal (path, "/moved"))
    redirect (msg, "/trends.json");
  else if (g_str_equal (path, "/to-insecure"))
    redirect (msg, "http://example.com/trends.json");
  else if (g_str_equal (path, "/to-insecure-with-password"))
    redirect (msg, "http://coach:" PASSWORD "@example.com/trends.json");
  else if (g_str_has_prefix (path, "/chain/"))
    {
      g_autofree char *next = g_strdup_printf ("/chain/%u", (guint)g_ascii_strtoull (path + 7, NULL, 10) + 1);

      redirect (msg, next);
    }
  else
    respond (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static guint
count_requests (Fixture    *fixture,
                const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->requests, path));
}

static char *
url_for (Fixture    *fixture,
         const char *path)
{
  return g_strconcat (fixture->base_url, path + 1, NULL);
}

/* Serves server_callback() on 127.0.0.1: over TLS with @certificate, or
 * plain http without. */
static void
start_server (Fixture         *fixture,
              GTlsCertificate *certificate)
{
  SoupServerListenOptions options = SOUP_SERVER_LISTEN_IPV4_ONLY;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  if (certificate != NULL)
    options |= SOUP_SERVER_LISTEN_HTTPS;

  fixture->server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (fixture->server, NULL, server_callback, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, options, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  fixture->base_url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  g_assert_true (g_str_has_prefix (fixture->base_url,
                                   certificate ? "https://127.0.0.1:" : "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (fixture->base_url, "/"));
}

static void
stop_server (Fixture *fixture)
{
  if (fixture->server == NULL)
    return;

  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->base_url, g_free);
}

static void
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             Fixture           *fixture)
{
  /* Accepted and never answered. */
  g_ptr_array_add (fixture->held_connections, g_object_ref (connection));
}

/* Starts @service on a free port of 127.0.0.1; returns the address of
 * trends.json there. */
static char *
start_on_loopback (GSocketService *service)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  g_socket_service_start (service);

  return g_strdup_printf ("http://127.0.0.1:%u/trends.json",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
}

/* Returns the address of trends.json on a server that never answers. */
static char *
start_silent_server (Fixture *fixture)
{
  fixture->silent_server = g_socket_service_new ();
  fixture->held_connections = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->silent_server, "incoming", G_CALLBACK (on_incoming), fixture);

  return start_on_loopback (fixture->silent_server);
}

static void
stop_silent_server (Fixture *fixture)
{
  if (fixture->silent_server == NULL)
    return;

  g_socket_service_stop (fixture->silent_server);
  g_socket_listener_close (G_SOCKET_LISTENER (fixture->silent_server));
  g_clear_object (&fixture->silent_server);
  g_clear_pointer (&fixture->held_connections, g_ptr_array_unref);
}

/* What the raw server sends once it has read the request. */
typedef enum
{
  RAW_HEADER_FLOOD,    /* one header line longer than any client accepts */
  RAW_CUT_SHORT,       /* fewer body bytes than Content-Length, then closed */
  RAW_RESET,           /* part of the body, then a TCP reset */
} RawAnswer;

static void
read_request (GSocketConnection *connection)
{
  GInputStream *input = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  g_autoptr(GString) request = g_string_new (NULL);
  char buffer[1024];

  while (strstr (request->str, "\r\n\r\n") == NULL && request->len < 64 * 1024)
    {
      gssize n = g_input_stream_read (input, buffer, sizeof buffer, NULL, NULL);

      if (n <= 0)
        return;
      g_string_append_len (request, buffer, n);
    }
}

/* On the service's own thread: blocking writes cannot stall the client,
 * which runs in the test's main loop. */
static gboolean
on_raw_run (GThreadedSocketService *service,
            GSocketConnection      *connection,
            GObject                *source_object,
            gpointer                user_data)
{
  Fixture *fixture = user_data;
  RawAnswer answer = fixture->raw_answer;
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  GSocket *socket = g_socket_connection_get_socket (connection);
  const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"format\": ";

  g_atomic_int_inc (&fixture->raw_running);
  read_request (connection);

  if (answer == RAW_HEADER_FLOOD)
    {
      g_autofree char *flood = g_strnfill (1024 * 1024, 'x');

      g_output_stream_write_all (output, "HTTP/1.1 200 OK\r\nX-Flood: ", 27, NULL, NULL, NULL);
      /* Fails once the client gives up and closes. */
      g_output_stream_write_all (output, flood, strlen (flood), NULL, NULL, NULL);
    }
  else
    {
      g_output_stream_write_all (output, head, strlen (head), NULL, NULL, NULL);
      g_output_stream_flush (output, NULL, NULL);
      /* Let the client start reading the body. */
      g_usleep (200 * 1000);
    }

  if (answer == RAW_RESET)
    {
      struct linger linger = { 1, 0 };

      /* Closing with a zero linger time sends RST instead of FIN. */
      g_assert_cmpint (setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER,
                                   &linger, sizeof linger), ==, 0);
    }

  g_socket_close (socket, NULL);
  g_atomic_int_dec_and_test (&fixture->raw_running);

  return TRUE;
}

/* Returns the address of trends.json on a server that answers @answer. */
static char *
start_raw_server (Fixture   *fixture,
                  RawAnswer  answer)
{
  fixture->raw_server = g_threaded_socket_service_new (2);
  fixture->raw_answer = answer;
  g_signal_connect (fixture->raw_server, "run", G_CALLBACK (on_raw_run), fixture);

  return start_on_loopback (fixture->raw_server);
}

static void
stop_raw_server (Fixture *fixture)
{
  if (fixture->raw_server == NULL)
    return;

  /* Its threads finish with the connection they serve. */
  while (g_atomic_int_get (&fixture->raw_running) > 0)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_socket_service_stop (fixture->raw_server);
  g_socket_listener_close (G_SOCKET_LISTENER (fixture->raw_server));
  g_clear_object (&fixture->raw_server);
}

static UpskillFeed *
new_feed (Fixture *fixture)
{
  return upskill_feed_new (fixture->catalog, fixture->cache_dir);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  fixture->tmp_dir = upskill_test_make_tmp_dir ("upskill-feed-XXXXXX");
  cache_path = g_build_filename (fixture->tmp_dir, "upskill", NULL);
  fixture->cache_dir = g_file_new_for_path (cache_path);
  fixture->catalog = upskill_catalog_get_default ();
  fixture->feed = new_feed (fixture);
  fixture->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  bytes = g_resources_lookup_data ("/com/example/Upskill/data/trends.json", 0, &error);
  g_assert_no_error (error);
  fixture->body = g_bytes_ref (bytes);
  fixture->etag = g_strdup ("\"bundled-1\"");
  fixture->last_modified = g_strdup ("Tue, 05 May 2026 10:00:00 GMT");

  n_lookups = 0;
  start_server (fixture, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* No fetch keeps the feed alive once the test is done. */
  g_assert_finalize_object (g_steal_pointer (&fixture->feed));

  g_clear_handle_id (&fixture->slow_source, g_source_remove);
  stop_server (fixture);
  stop_silent_server (fixture);
  stop_raw_server (fixture);
  upskill_test_remove_tree (fixture->tmp_dir, NULL);
  g_free (fixture->tmp_dir);
  g_clear_object (&fixture->cache_dir);
  fixture->catalog = NULL; /* borrowed */
  g_clear_pointer (&fixture->body, g_bytes_unref);
  g_free (fixture->etag);
  g_free (fixture->last_modified);
  g_free (fixture->seen_if_none_match);
  g_free (fixture->seen_if_modified_since);
  g_hash_table_unref (fixture->requests);
}

/* Fetching */

static void
on_result (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

static void
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Lets the server notice that the client of /huge is gone. */
static void
wait_for_huge_finished (Fixture *fixture)
{
  while (!fixture->huge_finished)
    g_main_context_iteration (NULL, TRUE);
}

static UpskillTrends *
fetch (Fixture     *fixture,
       const char  *url,
       gboolean    *out_not_modified,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  upskill_feed_fetch_async (fixture->feed, url, NULL, on_result, &result);
  wait_for_result (&result);

  return upskill_feed_fetch_finish (fixture->feed, result, out_not_modified, error);
}

static UpskillTrends *
fetch_ok (Fixture    *fixture,
          const char *url,
          gboolean   *out_not_modified)
{
  g_autoptr(GError) error = NULL;
  UpskillTrends *trends;

  trends = fetch (fixture, url, out_not_modified, &error);
  g_assert_no_error (error);
  g_assert_nonnull (trends);

  return trends;
}

static char *
cache_path (Fixture    *fixture,
            const char *name)
{
  g_autofree char *dir = g_file_get_path (fixture->cache_dir);

  return g_build_filename (dir, name, NULL);
}

static void
assert_no_cache (Fixture *fixture)
{
  g_autofree char *path = cache_path (fixture, "trends.json");

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Asserts that fetching @url fails with @domain and @code, in a message
 * that names the feed's host and contains @needle. */
static void
assert_fetch_fails (Fixture    *fixture,
                    const char *url,
                    GQuark      domain,
                    int         code,
                    const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillTrends) trends = NULL;
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;
  g_autofree char *prefix = NULL;
  gboolean not_modified = TRUE;

  if (host == NULL || *host == '\0')
    prefix = g_strdup ("Could not update the trend data: ");
  else
    prefix = g_strdup_printf ("Could not update the trend data from %s: ", host);

  trends = fetch (fixture, url, &not_modified, &error);
  g_assert_null (trends);
  g_assert_error (error, domain, code);
  g_test_message ("%s: %s", url, error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, needle));
  g_assert_false (not_modified);
}

/* The same for @path on the test server, which leaves nothing cached. */
static void
assert_path_fails (Fixture    *fixture,
                   const char *path,
                   GQuark      domain,
                   int         code,
                   const char *needle)
{
  g_autofree char *url = url_for (fixture, path);

  assert_fetch_fails (fixture, url, domain, code, needle);
  assert_no_cache (fixture);
}

static void
assert_load_cached_fails (Fixture *fixture,
                          GQuark   domain,
                          int      code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillTrends) trends = NULL;

  trends = upskill_feed_load_cached (fixture->feed, &error);
  g_assert_null (trends);
  g_assert_error (error, domain, code);
}

static void
test_ok (Fixture       *fixture,
         gconstpointer  data)
{
  g_autoptr(UpskillTrends) bundled = upskill_trends_new_bundled (fixture->catalog);
  g_autofree char *url = url_for (fixture, "/trends.json");
  g_autofree char *path = cache_path (fixture, "trends.json");
  g_autofree char *cached = NULL;
  UpskillTrends *trends;
  gboolean not_modified = TRUE;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gsize length;

  g_assert_cmpuint (upskill_feed_get_timeout (fixture->feed), ==, UPSKILL_FEED_DEFAULT_TIMEOUT);
  g_assert_cmpuint (UPSKILL_FEED_DEFAULT_TIMEOUT, ==, 15);

  trends = fetch_ok (fixture, url, &not_modified);
  g_assert_false (not_modified);
  g_assert_cmpuint (upskill_trends_get_n_claims (trends), ==, upskill_trends_get_n_claims (bundled));
  g_assert_cmpuint (upskill_trends_get_n_claims (trends), >, 10);
  g_assert_cmpstr (upskill_trends_get_source_title (trends), ==, upskill_trends_get_source_title (bundled));
  g_assert_cmpstr (upskill_trends_get_origin_url (trends), ==, url);
  g_assert_cmpint (upskill_trends_get_fetched (trends), >=, before);
  g_assert_cmpint (upskill_trends_get_fetched (trends), <=, g_get_real_time () / G_USEC_PER_SEC);
  g_assert_null (upskill_trends_get_origin_url (bundled));
  g_assert_cmpuint (upskill_feed_get_received_size (fixture->feed), ==, g_bytes_get_size (fixture->body));

  /* The first request is unconditional. */
  g_assert_null (fixture->seen_if_none_match);
  g_assert_null (fixture->seen_if_modified_since);

  /* Cached byte for byte. */
  g_assert_true (g_file_get_contents (path, &cached, &length, NULL));
  g_assert_cmpmem (cached, length, g_bytes_get_data (fixture->body, NULL), g_bytes_get_size (fixture->body));

  g_assert_finalize_object (trends);
}

static void
test_not_modified (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(UpskillTrends) first = NULL;
  g_autoptr(UpskillTrends) second = NULL;
  g_autoptr(UpskillTrends) other = NULL;
  g_autofree char *url = url_for (fixture, "/trends.json");
  g_autofree char *other_url = url_for (fixture, "/other.json");
  g_autofree char *path = cache_path (fixture, "trends.json");
  gboolean not_modified = TRUE;
  GStatBuf before, after;

  first = fetch_ok (fixture, url, &not_modified);
  g_assert_false (not_modified);
  g_assert_cmpuint (fixture->n_not_modified, ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  second = fetch_ok (fixture, url, &not_modified);
  g_assert_true (not_modified);
  g_assert_cmpuint (fixture->n_not_modified, ==, 1);
  g_assert_cmpstr (fixture->seen_if_none_match, ==, fixture->etag);
  g_assert_cmpstr (fixture->seen_if_modified_since, ==, fixture->last_modified);
  g_assert_cmpuint (upskill_feed_get_received_size (fixture->feed), ==, 0);

  /* The cached copy is what is returned, and it was not rewritten. */
  g_assert_cmpuint (upskill_trends_get_n_claims (second), ==, upskill_trends_get_n_claims (first));
  g_assert_cmpstr (upskill_trends_get_origin_url (second), ==, url);
  g_assert_cmpint (upskill_trends_get_fetched (second), >=, upskill_trends_get_fetched (first));
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);

  /* Another URL's cache is not used for a conditional request. */
  other = fetch_ok (fixture, other_url, &not_modified);
  g_assert_false (not_modified);
  g_assert_null (fixture->seen_if_none_match);
  g_assert_cmpstr (upskill_trends_get_origin_url (other), ==, other_url);
}

/* Answers that the feed refuses, each tried from a fresh start. */
typedef struct
{
  const char *name;
  const char *path;
  GQuark    (*domain) (void);
  int         code;
  const char *needle;
} RefusedAnswer;

static const RefusedAnswer refused_answers[] = {
  { "not-found", "/404", upskill_feed_error_quark, UPSKILL_FEED_ERROR_HTTP_STATUS,
    "the server answered 404 Not Found" },
  { "server-error", "/500", upskill_feed_error_quark, UPSKILL_FEED_ERROR_HTTP_STATUS,
    "the server answered 500 Internal Server Error" },
  { "invalid-json", "/invalid", upskill_error_quark, UPSKILL_ERROR_NOT_JSON, "not valid JSON" },
  { "wrong-format", "/wrong-format", upskill_error_quark, UPSKILL_ERROR_WRONG_FORMAT, "upskill-trends" },
  { "future-version", "/future", upskill_error_quark, UPSKILL_ERROR_FUTURE_VERSION, "newer version" },
};

static void
test_refused_answer (Fixture       *fixture,
                     gconstpointer  data)
{
  const RefusedAnswer *answer = data;

  assert_path_fails (fixture, answer->path, answer->domain (), answer->code, answer->needle);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  assert_path_fails (fixture, "/huge", UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE, "too large");
  wait_for_huge_finished (fixture);

  g_test_message ("server wrote %" G_GSIZE_FORMAT " bytes", fixture->huge_written);
  g_assert_cmpuint (fixture->huge_written, <, 2 * 1024 * 1024);
  g_assert_cmpuint (fixture->huge_appended, <, HUGE_SIZE);
}

static void
test_too_large_read_size (Fixture       *fixture,
                          gconstpointer  data)
{
  assert_path_fails (fixture, "/huge", UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE, "too large");
  /* Read no further than one byte past the cap. */
  g_assert_cmpuint (upskill_feed_get_received_size (fixture->feed), ==, UPSKILL_FEED_MAX_SIZE + 1);
  wait_for_huge_finished (fixture);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *url = start_silent_server (fixture);
  gint64 start;

  upskill_feed_set_timeout (fixture->feed, 1);
  g_assert_cmpuint (upskill_feed_get_timeout (fixture->feed), ==, 1);

  start = g_get_monotonic_time ();
  assert_fetch_fails (fixture, url, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_TIMEOUT,
                      "did not answer within 1 second");
  g_assert_cmpuint (fixture->held_connections->len, ==, 1);
  /* Well before the default of 15 seconds. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  assert_no_cache (fixture);
}

static void
test_deadline (Fixture       *fixture,
               gconstpointer  data)
{
  upskill_feed_set_timeout (fixture->feed, 1);
  assert_path_fails (fixture, "/slow", UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_TIMEOUT,
                     "took longer than 4 seconds");
  /* It did get data: the per-read timeout was not what ended it. */
  g_assert_cmpuint (upskill_feed_get_received_size (fixture->feed), >, 5);
}

static gboolean
cancel_soon (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *url = start_silent_server (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillTrends) trends = NULL;

  upskill_feed_fetch_async (fixture->feed, url, cancellable, on_result, &result);
  while (fixture->held_connections->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_idle_add (cancel_soon, cancellable);
  wait_for_result (&result);

  trends = upskill_feed_fetch_finish (fixture->feed, result, NULL, &error);
  g_assert_null (trends);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_no_cache (fixture);
}

static void
test_redirect_loop (Fixture       *fixture,
                    gconstpointer  data)
{
  assert_path_fails (fixture, "/a", UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_REDIRECT_LOOP, "loop");
  g_assert_cmpuint (count_requests (fixture, "/a"), ==, 1);
  g_assert_cmpuint (count_requests (fixture, "/b"), ==, 1);
}

static void
test_too_many_redirects (Fixture       *fixture,
                         gconstpointer  data)
{
  guint n = 0;

  assert_path_fails (fixture, "/chain/0", UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_TOO_MANY_REDIRECTS,
                     "more than 5 times");

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *path = g_strdup_printf ("/chain/%u", i);

      n += count_requests (fixture, path);
    }
  /* The first request and five redirects. */
  g_assert_cmpuint (n, ==, 1 + UPSKILL_FEED_MAX_REDIRECTS);
}

static void
test_redirect_followed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(UpskillTrends) trends = NULL;
  g_autofree char *url = url_for (fixture, "/moved");

  trends = fetch_ok (fixture, url, NULL);
  g_assert_cmpuint (count_requests (fixture, "/moved"), ==, 1);
  g_assert_cmpuint (count_requests (fixture, "/trends.json"), ==, 1);
  /* The data is known by the address the user gave. */
  g_assert_cmpstr (upskill_trends_get_origin_url (trends), ==, url);
}

static void
test_insecure_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for (fixture, "/to-insecure");

  assert_fetch_fails (fixture, "http://example.com/trends.json",
                      UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_INSECURE, "https://");
  g_assert_cmpuint (n_lookups, ==, 0);

  /* Nor through a redirect. */
  assert_fetch_fails (fixture, url, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_INSECURE, "redirected");
  g_assert_cmpuint (count_requests (fixture, "/to-insecure"), ==, 1);
  g_assert_cmpuint (n_lookups, ==, 0);

  /* Not a web address at all. */
  assert_fetch_fails (fixture, "file:///etc/passwd", UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_INVALID_URL,
                      "is not a web address");

  /* The rule on its own. */
  g_assert_true (upskill_feed_check_url ("https://example.org/trends.json", NULL));
  g_assert_true (upskill_feed_check_url ("http://localhost:8080/trends.json", NULL));
  g_assert_true (upskill_feed_check_url ("http://127.0.0.1/trends.json", NULL));
  g_assert_true (upskill_feed_check_url ("http://127.4.5.6/trends.json", NULL));
  g_assert_true (upskill_feed_check_url ("http://[::1]:8080/trends.json", NULL));
  g_assert_false (upskill_feed_check_url ("http://example.com/trends.json", NULL));
  g_assert_false (upskill_feed_check_url ("http://128.0.0.1/trends.json", NULL));
  g_assert_false (upskill_feed_check_url ("http://localhost.example.com/", NULL));
  g_assert_false (upskill_feed_check_url ("http://10.0.0.1/", NULL));
  g_assert_false (upskill_feed_check_url ("ftp://example.com/trends.json", NULL));
  g_assert_false (upskill_feed_check_url ("", &error));
  g_assert_error (error, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_INVALID_URL);
  g_assert_cmpuint (n_lookups, ==, 0);
}

/* A name that does not resolve (the tests' resolver fails every lookup,
 * as a machine offline or a mistyped address would). */
static void
test_unknown_host (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_fetch_fails (fixture, "https://feed.example.invalid/trends.json",
                      UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK,
                      "the server could not be found. Check the feed address and your internet connection.");
  /* The name was looked up (GIO may ask more than once). */
  g_assert_cmpuint (n_lookups, >, 0);
}

/* tests/tls/test-cert.pem is signed by nobody but itself and names
 * 127.0.0.1, so trust is the only thing wrong with it. Made with
 *   openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=127.0.0.1 \
 *     -addext subjectAltName=IP:127.0.0.1 -keyout test-key.pem -out test-cert.pem */
static void
test_untrusted_certificate (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

#ifdef __SANITIZE_ADDRESS__
  /* Once glib-networking's TLS backend is loaded, LeakSanitizer's own
   * tracer crashes at exit ("Tracer caught signal 11", even with only this
   * case run; not with use_tls=0, so in its scan of thread-local storage),
   * and no leak check is done at all. The case runs in the normal build. */
  g_test_skip ("glib-networking's TLS backend crashes LeakSanitizer's tracer: not under AddressSanitizer");
  return;
#endif

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend: install glib-networking");
      return;
    }

  certificate = g_tls_certificate_new_from_files (g_test_get_filename (G_TEST_DIST, "tls", "test-cert.pem", NULL),
                                                  g_test_get_filename (G_TEST_DIST, "tls", "test-key.pem", NULL),
                                                  &error);
  g_assert_no_error (error);
  stop_server (fixture);
  start_server (fixture, certificate);

  assert_path_fails (fixture, "/trends.json", UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK,
                     "the server’s certificate is not trusted, so the connection is not secure.");
  /* Nothing was asked over the connection it did not trust. */
  g_assert_cmpuint (count_requests (fixture, "/trends.json"), ==, 0);
  g_assert_cmpuint (n_lookups, ==, 0);
}

typedef struct
{
  const char *name;
  RawAnswer   answer;
  const char *needle;
} RawCase;

static const RawCase raw_cases[] = {
  { "header-flood", RAW_HEADER_FLOOD,
    "the server’s answer was too long or cut off before the data began. Check the feed address or tell the feed’s publisher." },
  { "cut-short", RAW_CUT_SHORT,
    "the connection ended before all the data arrived. Try again later." },
  { "reset", RAW_RESET,
    "the server closed the connection unexpectedly. Try again later." },
};

/* libsoup's and GIO's own words ("Header too big", "Connection terminated
 * unexpectedly", "Error receiving data: Connection reset by peer") never
 * reach the user: the same plain sentences as every other failure. */
static void
test_raw_failure (Fixture       *fixture,
                  gconstpointer  data)
{
  const RawCase *raw = data;
  g_autofree char *url = start_raw_server (fixture, raw->answer);
  g_autofree char *expected = g_strconcat ("Could not update the trend data from 127.0.0.1: ", raw->needle, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillTrends) trends = NULL;

  /* Bounded: a stuck case fails as a timeout, not a hang. */
  upskill_feed_set_timeout (fixture->feed, 5);
  trends = fetch (fixture, url, NULL, &error);
  g_assert_null (trends);
  g_assert_error (error, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK);
  g_assert_cmpstr (error->message, ==, expected);
  assert_no_cache (fixture);
}

/* The user-info of http://coach:S3cretPassw0rd@host/… on every failure. */
static void
assert_fails_without_password (Fixture    *fixture,
                               const char *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillTrends) trends = NULL;

  g_assert_nonnull (strstr (url, PASSWORD));
  trends = fetch (fixture, url, NULL, &error);
  g_assert_null (trends);
  g_assert_nonnull (error);
  /* What the toast and the feed's error line show. */
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, PASSWORD));
  g_assert_null (strstr (error->message, "coach"));
}

static char *
url_with_password (const char *url)
{
  g_assert_true (g_str_has_prefix (url, "http://"));
  return g_strconcat ("http://coach:" PASSWORD "@", url + strlen ("http://"), NULL);
}

static void
run_password_failures (Fixture *fixture)
{
  static const char * const paths[] = {
    "/404", "/500", "/invalid", "/wrong-format", "/future", "/huge",
    "/a", "/chain/0", "/to-insecure", "/to-insecure-with-password",
  };
  static const RawAnswer raw_answers[] = { RAW_HEADER_FLOOD, RAW_CUT_SHORT, RAW_RESET };
  static const char * const addresses[] = {
    "ftp://coach:" PASSWORD "@example.com/trends.json",
    "http://coach:" PASSWORD "@/trends.json",
    "coach:" PASSWORD "@example.com/trends.json",
    "http://coach:" PASSWORD "@feeds.example.com/trends.json",
    "https://coach:" PASSWORD "@feed.example.invalid/trends.json",
  };
  g_autoptr(GError) error = NULL;


  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *url = url_for (fixture, paths[i]);
      g_autofree char *secret_url = url_with_password (url);

      assert_fails_without_password (fixture, secret_url);
      if (g_str_equal (paths[i], "/huge"))
        wait_for_huge_finished (fixture);
    }

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    assert_fails_without_password (fixture, addresses[i]);

  g_assert_false (upskill_feed_check_url (addresses[0], &error));
  g_assert_null (strstr (error->message, PASSWORD));
  g_clear_error (&error);
  g_assert_false (upskill_feed_check_url (addresses[3], &error));
  g_assert_null (strstr (error->message, PASSWORD));
  g_clear_error (&error);

  upskill_feed_set_timeout (fixture->feed, 1);
  for (guint i = 0; i < G_N_ELEMENTS (raw_answers); i++)
    {
      g_autofree char *url = start_raw_server (fixture, raw_answers[i]);
      g_autofree char *secret_url = url_with_password (url);

      assert_fails_without_password (fixture, secret_url);
      stop_raw_server (fixture);
    }

  {
    g_autofree char *url = start_silent_server (fixture);
    g_autofree char *secret_url = url_with_password (url);

    assert_fails_without_password (fixture, secret_url);
  }

}

/* A password in the feed's address is kept as typed (it is what the
 * server needs) but never shown: not in any failure's message, not on
 * standard error or in the debug log. */
static void
test_password_never_shown (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *url = url_for (fixture, "/trends.json");
  g_autofree char *secret_url = url_with_password (url);
  g_autofree char *shown = NULL;
  g_autoptr(UpskillTrends) trends = NULL;
  g_autoptr(UpskillTrends) cached = NULL;
  g_autoptr(GError) error = NULL;

  /* Every log line, debug ones included, as standard error would get
   * them. */
  captured_log = g_string_new (NULL);
  g_log_set_debug_enabled (TRUE);
  run_password_failures (fixture);
  g_log_set_debug_enabled (FALSE);
  g_test_message ("%" G_GSIZE_FORMAT " bytes of log", captured_log->len);
  g_assert_nonnull (strstr (captured_log->str, "GSocketClient"));
  g_assert_null (strstr (captured_log->str, PASSWORD));
  g_string_free (g_steal_pointer (&captured_log), TRUE);

  /* Stored as typed, for the next fetch and the cache's key. */
  trends = fetch_ok (fixture, secret_url, NULL);
  g_assert_cmpstr (upskill_trends_get_origin_url (trends), ==, secret_url);
  cached = upskill_feed_load_cached (fixture->feed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_trends_get_origin_url (cached), ==, secret_url);

  shown = upskill_url_dup_display (secret_url);
  g_assert_cmpstr (shown, ==, url);
}

/* A feed packed with tiny claims is refused with its reason, whether it
 * comes from the server or from a cached copy read at start-up. */
static void
test_many_claims (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) body = make_tiny_claims (100000);
  g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
  g_autofree char *meta = NULL;
  g_autofree char *trends_path = cache_path (fixture, "trends.json");
  g_autofree char *meta_path = cache_path (fixture, "trends-feed.json");
  g_autofree char *cache_dir = g_file_get_path (fixture->cache_dir);
  g_autofree char *url = url_for (fixture, "/many-claims");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(UpskillTrends) trends = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_bytes_get_size (body), <=, UPSKILL_FEED_MAX_SIZE);

  assert_path_fails (fixture, "/many-claims", UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                     "Could not update the trend data from 127.0.0.1: “claims” holds 100000 items, "
                     "more than the 1000 trend data may hold");

  /* As an older version might have cached it. */
  meta = g_strdup_printf ("{\"format\": \"upskill-feed-cache\", \"version\": 1, \"url\": \"%s\", "
                          "\"fetched\": \"2026-05-05T10:00:00Z\", \"checked\": \"2026-05-05T10:00:00Z\", "
                          "\"sha256\": \"%s\"}", url, checksum);
  g_assert_cmpint (g_mkdir_with_parents (cache_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (trends_path, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  g_assert_true (g_file_set_contents (meta_path, meta, -1, NULL));

  upskill_feed_load_cached_async (fixture->feed, NULL, on_result, &result);
  wait_for_result (&result);
  trends = upskill_feed_load_cached_finish (fixture->feed, result, &error);
  g_assert_null (trends);
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "Could not read “trends.json”: “claims” holds 100000 items, more than the 1000 trend data may hold");
}

static void
test_display_url (void)
{
  static const struct { const char *url; const char *shown; } cases[] = {
    { "https://coach:pw@feeds.example.com/t.json", "https://feeds.example.com/t.json" },
    { "https://token@feeds.example.com:8443/t.json?x=1", "https://feeds.example.com:8443/t.json?x=1" },
    { "https://a@b:pw@feeds.example.com/t.json", "https://feeds.example.com/t.json" },
    { "https://feeds.example.com/t.json", "https://feeds.example.com/t.json" },
    { "https://feeds.example.com/people/me@example.com", "https://feeds.example.com/people/me@example.com" },
    { "https://feeds.example.com/?u=http://a:b@c/", "https://feeds.example.com/?u=http://a:b@c/" },
    { "coach:pw@feeds.example.com/t.json", "feeds.example.com/t.json" },
    { "//coach:pw@feeds.example.com", "//feeds.example.com" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = upskill_url_dup_display (cases[i].url);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_markup_literal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillTrends) trends = NULL;
  g_autoptr(UpskillTrends) cached = NULL;
  g_autofree char *url = url_for (fixture, "/markup");
  g_autofree char *long_text = make_long_text ();
  UpskillClaim *claim;

  trends = fetch_ok (fixture, url, NULL);
  g_assert_cmpuint (strlen (long_text), >=, 100 * 1000);

  claim = upskill_trends_get_claim (trends, 0);
  g_assert_cmpstr (claim->text, ==, MARKUP);
  g_assert_cmpstr (claim->quote, ==, long_text);
  g_assert_cmpstr (upskill_trends_get_source_title (trends), ==, MARKUP);

  /* And the same after a round trip through the cache. */
  cached = upskill_feed_load_cached (fixture->feed, &error);
  g_assert_no_error (error);
  claim = upskill_trends_get_claim (cached, 1);
  g_assert_cmpstr (claim->text, ==, MARKUP);
  g_assert_cmpstr (claim->quote, ==, long_text);
}

static gboolean
is_temporary (const char *name)
{
  return name[0] == '.';
}

static void
test_cache_atomic_and_restart (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillTrends) first = NULL;
  g_autoptr(UpskillTrends) second = NULL;
  g_autoptr(UpskillTrends) restarted = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *url = url_for (fixture, "/trends.json");
  g_autofree char *path = cache_path (fixture, "trends.json");
  g_autofree char *meta_path = cache_path (fixture, "trends-feed.json");
  g_autofree char *dir_path = g_file_get_path (fixture->cache_dir);
  g_autofree char *v1 = make_trends_json ("upskill-trends", 1, "Version one", "t", "q");
  g_autofree char *v2 = make_trends_json ("upskill-trends", 1, "Version two", "t", "q");
  g_autofree char *contents = NULL;
  const char *name;
  GStatBuf before, after;
  gint64 fetched;
  guint n_files = 0;

  set_body (fixture, v1, "\"v1\"");
  first = fetch_ok (fixture, url, NULL);
  g_assert_cmpstr (upskill_trends_get_source_title (first), ==, "Version one");
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_cmpint (before.st_mode & 0777, ==, 0600);

  set_body (fixture, v2, "\"v2\"");
  second = fetch_ok (fixture, url, NULL);
  g_assert_cmpstr (fixture->seen_if_none_match, ==, "\"v1\"");
  g_assert_cmpstr (upskill_trends_get_source_title (second), ==, "Version two");
  fetched = upskill_trends_get_fetched (second);

  /* Replaced by a rename, not rewritten in place. */
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, v2);
  g_assert_true (g_file_test (meta_path, G_FILE_TEST_IS_REGULAR));

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (is_temporary (name));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 2);

  /* A bad answer replaces nothing. */
  set_body (fixture, "{\"format\": \"upskill-trends\", \"version\": 1}", "\"v3\"");
  assert_fetch_fails (fixture, url, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA, "is missing");
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);

  /* Restart with the server gone: the cache is what is shown. */
  stop_server (fixture);
  g_assert_finalize_object (g_steal_pointer (&fixture->feed));
  fixture->feed = new_feed (fixture);

  restarted = upskill_feed_load_cached (fixture->feed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restarted);
  g_assert_cmpstr (upskill_trends_get_source_title (restarted), ==, "Version two");
  g_assert_cmpstr (upskill_trends_get_origin_url (restarted), ==, url);
  g_assert_cmpint (upskill_trends_get_fetched (restarted), ==, fetched);
  g_clear_object (&restarted);

  upskill_feed_load_cached_async (fixture->feed, NULL, on_result, &result);
  wait_for_result (&result);
  restarted = upskill_feed_load_cached_finish (fixture->feed, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_trends_get_source_title (restarted), ==, "Version two");
  g_assert_cmpstr (upskill_trends_get_origin_url (restarted), ==, url);

  /* Offline: the fetch fails in words, the cache stays. */
  assert_fetch_fails (fixture, url, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK,
                      "refused the connection");
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
}

static void
test_cache_mismatch (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(UpskillTrends) first = NULL;
  g_autoptr(UpskillTrends) second = NULL;
  g_autofree char *url = url_for (fixture, "/trends.json");
  g_autofree char *path = cache_path (fixture, "trends.json");
  g_autofree char *other = make_trends_json ("upskill-trends", 1, "Other", "t", "q");

  /* Nothing fetched yet. */
  assert_load_cached_fails (fixture, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NO_CACHE);

  first = fetch_ok (fixture, url, NULL);

  /* trends.json replaced behind the metadata's back (as by a crash between
   * the two renames): not taken for the feed's data. */
  g_assert_true (g_file_set_contents (path, other, -1, NULL));
  assert_load_cached_fails (fixture, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA);

  /* …and not used for a conditional request either. */
  second = fetch_ok (fixture, url, NULL);
  g_assert_null (fixture->seen_if_none_match);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GResolver) resolver = NULL;
  g_autofree char *cache_root = NULL;
  int status;

  /* Requests go straight to 127.0.0.1, never through a proxy. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  /* Nothing may land in the real cache. The tests pass their own folder,
   * since g_get_user_cache_dir() is read once per process. */
  cache_root = upskill_test_make_tmp_dir ("upskill-feed-cache-XXXXXX");
  g_setenv ("XDG_CACHE_HOME", cache_root, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (capture_log, NULL, NULL);

  resolver = g_object_new (TEST_TYPE_RESOLVER, NULL);
  g_resolver_set_default (resolver);

#define ADD_WITH_DATA(path, data, func) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
#define ADD(name, func) ADD_WITH_DATA ("/upskill/feed/" name, NULL, func)

  ADD ("ok", test_ok);
  ADD ("not-modified", test_not_modified);
  for (guint i = 0; i < G_N_ELEMENTS (refused_answers); i++)
    {
      g_autofree char *path = g_strconcat ("/upskill/feed/", refused_answers[i].name, NULL);

      ADD_WITH_DATA (path, &refused_answers[i], test_refused_answer);
    }
  ADD ("too-large", test_too_large);
  ADD ("too-large-read-size", test_too_large_read_size);
  ADD ("timeout", test_timeout);
  ADD ("deadline", test_deadline);
  ADD ("cancel", test_cancel);
  ADD ("redirect-loop", test_redirect_loop);
  ADD ("too-many-redirects", test_too_many_redirects);
  ADD ("redirect-followed", test_redirect_followed);
  ADD ("insecure-refused", test_insecure_refused);
  ADD ("unknown-host", test_unknown_host);
  ADD ("untrusted-certificate", test_untrusted_certificate);
  for (guint i = 0; i < G_N_ELEMENTS (raw_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/upskill/feed/raw/", raw_cases[i].name, NULL);

      ADD_WITH_DATA (path, &raw_cases[i], test_raw_failure);
    }
  ADD ("password-never-shown", test_password_never_shown);
  ADD ("many-claims", test_many_claims);
  g_test_add_func ("/upskill/feed/display-url", test_display_url);
  ADD ("markup-literal", test_markup_literal);
  ADD ("cache-atomic-and-restart", test_cache_atomic_and_restart);
  ADD ("cache-mismatch", test_cache_mismatch);

#undef ADD
#undef ADD_WITH_DATA

  status = g_test_run ();
  upskill_test_remove_tree (cache_root, NULL);

  return status;
}
