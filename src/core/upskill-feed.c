/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "upskill-error.h"
#include "upskill-feed.h"
#include "upskill-file.h"
#include "upskill-json.h"
#include "upskill-store.h"
#include "upskill-url.h"

#define CACHE_FORMAT      "upskill-feed-cache"
#define CACHE_VERSION     1
#define CACHE_TRENDS_NAME "trends.json"
#define CACHE_META_NAME   "trends-feed.json"
#define CACHE_META_MAX    (64 * 1024)
#define READ_CHUNK        (16 * 1024)
/* Longer values are not what a server sends as a validator: not sent back. */
#define MAX_VALIDATOR_LENGTH 1024

/* What the worker threads need: immutable, reference-counted, so that a
 * job finishing on a worker never holds (and finalizes) the UpskillFeed,
 * whose SoupSession belongs to the main thread. */
typedef struct
{
  UpskillCatalog *catalog;
  GFile          *dir;
} FeedCache;

static void
feed_cache_clear (FeedCache *cache)
{
  g_clear_object (&cache->catalog);
  g_clear_object (&cache->dir);
}

static FeedCache *
feed_cache_ref (FeedCache *cache)
{
  return g_atomic_rc_box_acquire (cache);
}

static void
feed_cache_unref (FeedCache *cache)
{
  g_atomic_rc_box_release_full (cache, (GDestroyNotify)feed_cache_clear);
}

struct _UpskillFeed
{
  GObject         parent_instance;

  UpskillCatalog *catalog;
  GFile          *cache_dir;
  FeedCache      *cache;
  SoupSession    *session;
  guint           timeout;
  gsize           received_size;
};

G_DEFINE_FINAL_TYPE (UpskillFeed, upskill_feed, G_TYPE_OBJECT)

G_DEFINE_QUARK (upskill-feed-error-quark, upskill_feed_error)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_CACHE_DIR,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The cache: the last good body, byte for byte, and where it came from. */
typedef struct
{
  char   *url;
  char   *etag;
  char   *last_modified;
  gint64  fetched;  /* when the body was downloaded */
  gint64  checked;  /* when the server last confirmed it (200 or 304) */
  GBytes *body;
} CachedCopy;

static void
cached_copy_free (CachedCopy *copy)
{
  g_free (copy->url);
  g_free (copy->etag);
  g_free (copy->last_modified);
  g_clear_pointer (&copy->body, g_bytes_unref);
  g_free (copy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedCopy, cached_copy_free)

/* One fetch, from the first request to the cached result. */
typedef struct
{
  FeedCache    *cache;
  char         *url;              /* as configured: the cache key */
  char         *host;             /* names the feed in messages */
  GUri         *uri;              /* the address asked now */
  GPtrArray    *visited;          /* every address asked so far */
  CachedCopy   *cached;           /* the copy of the same URL, if any */
  gboolean      sent_conditional;
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *body;
  guint8        buffer[READ_CHUNK];
  char         *etag;
  char         *last_modified;
  guint         timeout;
  GCancellable *cancellable;      /* cancelled by the caller or the deadline */
  GCancellable *caller_cancellable;
  gulong        caller_cancelled_id;
  GSource      *deadline;
  gboolean      deadline_passed;
  gboolean      not_modified;
} FetchOp;

static void
stop_deadline (FetchOp *op)
{
  if (op->deadline != NULL)
    {
      g_source_destroy (op->deadline);
      g_clear_pointer (&op->deadline, g_source_unref);
    }
}

static void
fetch_op_free (FetchOp *op)
{
  if (op->caller_cancelled_id != 0)
    g_cancellable_disconnect (op->caller_cancellable, op->caller_cancelled_id);
  g_clear_object (&op->caller_cancellable);

  stop_deadline (op);

  /* Closing before the end does not drain the rest of the body: libsoup
   * drops the connection instead of reusing it. */
  if (op->stream != NULL && !g_input_stream_is_closed (op->stream))
    g_input_stream_close_async (op->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);

  g_clear_object (&op->stream);
  g_clear_object (&op->message);
  g_clear_object (&op->cancellable);
  g_clear_pointer (&op->uri, g_uri_unref);
  g_clear_pointer (&op->visited, g_ptr_array_unref);
  g_clear_pointer (&op->cached, cached_copy_free);
  g_clear_pointer (&op->body, g_byte_array_unref);
  g_clear_pointer (&op->cache, feed_cache_unref);
  g_free (op->url);
  g_free (op->host);
  g_free (op->etag);
  g_free (op->last_modified);
  g_free (op);
}

/* URLs */

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0 ||
      g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
check_uri (GUri        *uri,
           const char  *text,
           GError     **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);
  g_autofree char *shown = upskill_url_dup_display (text);

  if (host == NULL || *host == '\0' ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      g_set_error (error, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_INVALID_URL,
                   _("“%s” is not a web address; it should start with https://"), shown);
      return FALSE;
    }

  if (g_str_equal (scheme, "http") && !is_loopback_host (host))
    {
      g_set_error (error, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_INSECURE,
                   _("the address “%s” is not secure; use an https:// address (plain http:// is only allowed for this computer)"),
                   shown);
      return FALSE;
    }

  return TRUE;
}

static GUri *
parse_url (const char  *url,
           GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL)
    {
      g_autofree char *shown = upskill_url_dup_display (url);

      g_set_error (error, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_INVALID_URL,
                   _("“%s” is not a web address; it should start with https://"), shown);
      return NULL;
    }

  if (!check_uri (uri, url, error))
    return NULL;

  return g_steal_pointer (&uri);
}

gboolean
upskill_feed_check_url (const char  *url,
                        GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = parse_url (url, error);

  return uri != NULL;
}

/* The cache */

static GFile *
get_trends_file (FeedCache *cache)
{
  return g_file_get_child (cache->dir, CACHE_TRENDS_NAME);
}

static GFile *
get_meta_file (FeedCache *cache)
{
  return g_file_get_child (cache->dir, CACHE_META_NAME);
}

/* Reads at most @max_size bytes of a file of the cache; a longer file
 * is refused, and a missing one means nothing was downloaded yet. */
static GBytes *
read_cache_file (GFile         *file,
                 gsize          max_size,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NO_CACHE,
                             _("No trend data has been downloaded yet"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), max_size + 1, cancellable, error);
  if (bytes == NULL)
    return NULL;

  if (g_bytes_get_size (bytes) > max_size)
    {
      g_autofree char *name = upskill_file_dup_display_name (file);

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                   _("Could not read “%s”: the file is too large"), name);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

static CachedCopy *
read_cache (FeedCache     *cache,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) meta_file = get_meta_file (cache);
  g_autoptr(GFile) trends_file = get_trends_file (cache);
  g_autoptr(GBytes) meta_bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CachedCopy) copy = NULL;
  g_autofree char *where = NULL;
  g_autofree char *checksum = NULL;
  const char *url = NULL;
  const char *expected_checksum = NULL;
  JsonObject *object;

  meta_bytes = read_cache_file (meta_file, CACHE_META_MAX, cancellable, error);
  if (meta_bytes == NULL)
    return NULL;

  if (!(root = upskill_json_parse_bytes (meta_bytes, CACHE_META_NAME, error)) ||
      !(object = upskill_json_check_header (root, CACHE_META_NAME, CACHE_FORMAT,
                                            CACHE_VERSION, NULL, error)))
    return NULL;

  where = g_strdup_printf (_("Could not read “%s”"), CACHE_META_NAME);
  copy = g_new0 (CachedCopy, 1);

  if (!upskill_json_get_string (object, "url", TRUE, where, &url, error) ||
      !upskill_json_get_string (object, "sha256", TRUE, where, &expected_checksum, error) ||
      !upskill_json_dup_string (object, "etag", FALSE, where, &copy->etag, error) ||
      !upskill_json_dup_string (object, "last_modified", FALSE, where, &copy->last_modified, error) ||
      !upskill_json_get_time (object, "fetched", TRUE, where, &copy->fetched, error) ||
      !upskill_json_get_time (object, "checked", TRUE, where, &copy->checked, error))
    return NULL;
  copy->url = g_strdup (url);

  copy->body = read_cache_file (trends_file, UPSKILL_FEED_MAX_SIZE, cancellable, error);
  if (copy->body == NULL)
    return NULL;

  /* The two files are replaced one after the other: a crash in between
   * must not label one feed's data with another's address. */
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, copy->body);
  if (!g_str_equal (checksum, expected_checksum))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("Could not read “%s”: it does not match “%s”"),
                   CACHE_TRENDS_NAME, CACHE_META_NAME);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

static gboolean
write_meta (FeedCache     *cache,
            CachedCopy    *copy,
            GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GFile) meta_file = get_meta_file (cache);
  g_autofree char *fetched = upskill_format_time_iso8601 (copy->fetched);
  g_autofree char *checked = upskill_format_time_iso8601 (copy->checked);
  g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, copy->body);
  g_autoptr(GBytes) bytes = NULL;
  char *text;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, CACHE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CACHE_VERSION);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, copy->url);
  upskill_json_builder_add_optional_string (builder, "etag", copy->etag);
  upskill_json_builder_add_optional_string (builder, "last_modified", copy->last_modified);
  json_builder_set_member_name (builder, "fetched");
  json_builder_add_string_value (builder, fetched);
  json_builder_set_member_name (builder, "checked");
  json_builder_add_string_value (builder, checked);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, checksum);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (text, length);

  return upskill_file_write_atomically (meta_file, bytes, UPSKILL_FILE_MODE_PRIVATE, NULL, error);
}

/* Not cancellable: once the data is valid, both files are written, so that
 * the cache stays consistent. */
static gboolean
write_cache (FeedCache    *cache,
             CachedCopy   *copy,
             GError      **error)
{
  g_autoptr(GFile) trends_file = get_trends_file (cache);
  g_autofree char *dir = g_file_get_path (cache->dir);

  if (dir == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_file_get_parse_name (cache->dir);

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not create the folder “%s”: %s"),
                   shown, g_strerror (saved_errno));
      return FALSE;
    }

  return upskill_file_write_atomically (trends_file, copy->body, UPSKILL_FILE_MODE_PRIVATE, NULL, error) &&
         write_meta (cache, copy, error);
}

static UpskillTrends *
trends_from_copy (FeedCache    *cache,
                  CachedCopy   *copy,
                  const char   *display_name,
                  GError      **error)
{
  UpskillTrends *trends;

  trends = upskill_trends_new_from_bytes (copy->body, display_name, cache->catalog, error);
  if (trends != NULL)
    upskill_trends_set_origin (trends, copy->url, copy->checked);

  return trends;
}

static void
load_cached_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  FeedCache *cache = task_data;
  g_autoptr(CachedCopy) copy = NULL;
  g_autofree char *dir = g_file_get_path (cache->dir);
  GError *error = NULL;
  UpskillTrends *trends;

  /* At start: what interrupted writes of the cache left behind. */
  if (dir != NULL)
    upskill_remove_leftover_temporaries (dir);

  copy = read_cache (cache, cancellable, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  trends = trends_from_copy (cache, copy, CACHE_TRENDS_NAME, &error);
  if (trends == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, trends, g_object_unref);
}

UpskillTrends *
upskill_feed_load_cached (UpskillFeed  *self,
                          GError      **error)
{
  g_autoptr(CachedCopy) copy = NULL;

  g_return_val_if_fail (UPSKILL_IS_FEED (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = read_cache (self->cache, NULL, error);
  if (copy == NULL)
    return NULL;

  return trends_from_copy (self->cache, copy, CACHE_TRENDS_NAME, error);
}

static void
on_cached_loaded (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  UpskillTrends *trends;

  trends = g_task_propagate_pointer (G_TASK (result), &error);
  if (trends == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, trends, g_object_unref);
}

void
upskill_feed_load_cached_async (UpskillFeed         *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;

  g_return_if_fail (UPSKILL_IS_FEED (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_feed_load_cached_async);

  /* The worker's task holds the cache, not the feed. */
  thread_task = g_task_new (NULL, cancellable, on_cached_loaded, g_steal_pointer (&task));
  g_task_set_source_tag (thread_task, load_cached_thread);
  g_task_set_task_data (thread_task, feed_cache_ref (self->cache), (GDestroyNotify)feed_cache_unref);
  g_task_run_in_thread (thread_task, load_cached_thread);
}

UpskillTrends *
upskill_feed_load_cached_finish (UpskillFeed   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (UPSKILL_IS_FEED (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_feed_load_cached_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Fetching: errors */

static void G_GNUC_PRINTF (4, 5)
return_fetch_error (GTask      *task,
                    GQuark      domain,
                    int         code,
                    const char *format,
                    ...)
{
  FetchOp *op = g_task_get_task_data (task);
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_task_return_new_error (task, domain, code,
                           /* Translators: the first %s is a host name such as
                            * example.org, the second says what went wrong */
                           _("Could not update the trend data from %s: %s"),
                           op->host, detail);
}

static void
return_timeout_error (GTask *task)
{
  FetchOp *op = g_task_get_task_data (task);

  return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_TIMEOUT,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "the server did not answer within %u second. Try again later.",
                                   "the server did not answer within %u seconds. Try again later.",
                                   op->timeout),
                      op->timeout);
}

/* Puts a network or protocol failure in words a user can act on. */
static void
return_io_error (GTask  *task,
                 GError *error)
{
  FetchOp *op = g_task_get_task_data (task);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (op->deadline_passed)
        return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_TIMEOUT,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "the download took longer than %u second. Try again later.",
                                         "the download took longer than %u seconds. Try again later.",
                                         op->timeout * 4),
                            op->timeout * 4);
      else
        g_task_return_error (task, g_error_copy (error));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return_timeout_error (task);
  else if (error->domain == G_RESOLVER_ERROR)
    return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK, "%s",
                        _("the server could not be found. Check the feed address and your internet connection."));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK, "%s",
                        _("the server refused the connection. Check the feed address or try again later."));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK, "%s",
                        _("the network cannot be reached. Check your internet connection."));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) && op->stream == NULL)
    /* libsoup's “Header too big”, or headers cut off. */
    return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK, "%s",
                        _("the server’s answer was too long or cut off before the data began. Check the feed address or tell the feed’s publisher."));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    /* libsoup's “Connection terminated unexpectedly”. */
    return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK, "%s",
                        _("the connection ended before all the data arrived. Try again later."));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED))
    /* “Error receiving data: Connection reset by peer”, a broken pipe. */
    return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK, "%s",
                        _("the server closed the connection unexpectedly. Try again later."));
  else if (error->domain == SOUP_SESSION_ERROR)
    {
      g_debug ("The feed’s answer could not be parsed: %s", error->message);
      return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK, "%s",
                          _("the server’s answer could not be understood. Check the feed address or tell the feed’s publisher."));
    }
  else if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK, "%s",
                        _("the server’s certificate is not trusted, so the connection is not secure. Check the feed address or tell the feed’s publisher."));
  else if (error->domain == G_TLS_ERROR)
    return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK,
                        _("its secure connection could not be verified (%s)"), error->message);
  else
    {
      /* GIO's and libsoup's own words are not for the user; the details
       * stay in the debug log. */
      g_debug ("Feed connection failed: %s", error->message);
      return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NETWORK, "%s",
                          _("the connection failed. Check your internet connection and try again later."));
    }
}

/* The loader says “Could not read “host”: …”; the user is better served by
 * one sentence that names the feed. */
static void
return_data_error (GTask  *task,
                   GError *error)
{
  FetchOp *op = g_task_get_task_data (task);
  g_autofree char *prefix = g_strdup_printf (_("Could not read “%s”"), op->host);
  const char *detail = error->message;

  if (g_str_has_prefix (detail, prefix) && g_str_has_prefix (detail + strlen (prefix), ": "))
    detail += strlen (prefix) + 2;

  if (g_error_matches (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_JSON))
    return_fetch_error (task, error->domain, error->code,
                        _("the answer is not valid JSON (%s). Check the feed address."), detail);
  else
    return_fetch_error (task, error->domain, error->code, "%s", detail);
}

/* Fetching: the steps */

static void send_request (GTask *task);

static void
on_validated (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  UpskillTrends *trends;

  trends = g_task_propagate_pointer (G_TASK (result), &error);
  if (trends == NULL)
    return_data_error (task, error);
  else
    g_task_return_pointer (task, trends, g_object_unref);
}

/* On a worker thread: parse and check the body (or the cached copy after a
 * 304), then keep it. */
static void
validate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  FetchOp *op = task_data;
  g_autoptr(CachedCopy) copy = g_new0 (CachedCopy, 1);
  g_autoptr(GError) cache_error = NULL;
  GError *error = NULL;
  UpskillTrends *trends;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  copy->url = g_strdup (op->url);
  copy->checked = now;

  if (op->not_modified)
    {
      copy->body = g_bytes_ref (op->cached->body);
      copy->fetched = op->cached->fetched;
      /* A 304 may carry fresher validators. */
      copy->etag = g_strdup (op->etag ? op->etag : op->cached->etag);
      copy->last_modified = g_strdup (op->last_modified ? op->last_modified : op->cached->last_modified);
    }
  else
    {
      copy->body = g_byte_array_free_to_bytes (g_steal_pointer (&op->body));
      copy->fetched = now;
      copy->etag = g_strdup (op->etag);
      copy->last_modified = g_strdup (op->last_modified);
    }

  trends = trends_from_copy (op->cache, copy, op->host, &error);
  if (trends == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The data is good and shown either way; without a cache it is only
   * missing at the next start. */
  if (op->not_modified
      ? !write_meta (op->cache, copy, &cache_error)
      : !write_cache (op->cache, copy, &cache_error))
    g_message ("Could not keep the trend data for the next start: %s", cache_error->message);

  g_task_return_pointer (task, trends, g_object_unref);
}

static void
validate (GTask *task)
{
  FetchOp *op = g_task_get_task_data (task);
  g_autoptr(GTask) thread_task = NULL;

  stop_deadline (op);

  /* The worker's task holds the cache, not the feed. */
  thread_task = g_task_new (NULL, NULL, on_validated, g_object_ref (task));
  g_task_set_source_tag (thread_task, validate);
  g_task_set_task_data (thread_task, op, NULL);
  g_task_run_in_thread (thread_task, validate_thread);
}

static void read_next (GTask *task);

static void
on_read (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchOp *op = g_task_get_task_data (task);
  UpskillFeed *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  gssize n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (source_object), result, &error);
  if (n_read < 0)
    {
      return_io_error (task, error);
      return;
    }

  if (n_read == 0)
    {
      g_input_stream_close_async (op->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      validate (task);
      return;
    }

  g_byte_array_append (op->body, op->buffer, n_read);
  self->received_size = op->body->len;

  if (op->body->len > UPSKILL_FEED_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size_full (UPSKILL_FEED_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      /* Nothing more is read: closing drops the connection. */
      g_input_stream_close_async (op->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_pointer (&op->body, g_byte_array_unref);
      return_fetch_error (task, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                          _("the data is too large (more than %s). Check the feed address."), limit);
      return;
    }

  read_next (g_steal_pointer (&task));
}

/* Takes @task. Asks for one byte more than the cap allows at most, so that
 * an oversized body is recognised without reading further. */
static void
read_next (GTask *task)
{
  FetchOp *op = g_task_get_task_data (task);
  gsize wanted = MIN ((gsize)READ_CHUNK, UPSKILL_FEED_MAX_SIZE + 1 - op->body->len);

  g_input_stream_read_async (op->stream, op->buffer, wanted, G_PRIORITY_DEFAULT,
                             op->cancellable, on_read, task);
}

static const char *
status_phrase (guint status)
{
  const char *phrase = soup_status_get_phrase (status);

  return phrase ? phrase : "";
}

static char *
dup_validator (SoupMessageHeaders *headers,
               const char         *name)
{
  const char *value = soup_message_headers_get_one (headers, name);

  if (value == NULL || *value == '\0' || strlen (value) > MAX_VALIDATOR_LENGTH)
    return NULL;

  for (const char *p = value; *p; p++)
    if ((guchar)*p < 0x20 || (guchar)*p == 0x7f)
      return NULL;

  return g_strdup (value);
}

static gboolean
follow_redirect (GTask *task)
{
  FetchOp *op = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (op->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target_text = NULL;

  target = location ? g_uri_parse_relative (op->uri, location, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
  if (target == NULL)
    {
      return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_HTTP_STATUS,
                          _("the server redirected to an invalid address (%u %s)"),
                          soup_message_get_status (op->message),
                          status_phrase (soup_message_get_status (op->message)));
      return FALSE;
    }

  /* Named in messages: never with a user name or password. */
  target_text = g_uri_to_string_partial (target, G_URI_HIDE_USERINFO);

  for (guint i = 0; i < op->visited->len; i++)
    if (g_str_equal (g_ptr_array_index (op->visited, i), target_text))
      {
        return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_REDIRECT_LOOP, "%s",
                            _("the server redirects in a loop. Check the feed address or tell the feed’s publisher."));
        return FALSE;
      }

  if (op->visited->len > UPSKILL_FEED_MAX_REDIRECTS)
    {
      return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_TOO_MANY_REDIRECTS,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "the server redirected more than %u time. Check the feed address.",
                                       "the server redirected more than %u times. Check the feed address.",
                                       UPSKILL_FEED_MAX_REDIRECTS),
                          UPSKILL_FEED_MAX_REDIRECTS);
      return FALSE;
    }

  if (!check_uri (target, target_text, &error))
    {
      if (g_error_matches (error, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_INSECURE))
        return_fetch_error (task, error->domain, error->code,
                            _("the server redirected to “%s”, which is not secure; only https:// addresses are followed"),
                            target_text);
      else
        return_fetch_error (task, error->domain, error->code,
                            _("the server redirected to “%s”, which is not a web address"),
                            target_text);
      return FALSE;
    }

  if (g_str_equal (g_uri_get_scheme (op->uri), "https") &&
      !g_str_equal (g_uri_get_scheme (target), "https"))
    {
      return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_INSECURE,
                          _("the server redirected from a secure address to one that is not secure (%s)"),
                          target_text);
      return FALSE;
    }

  g_ptr_array_add (op->visited, g_steal_pointer (&target_text));
  g_uri_unref (op->uri);
  op->uri = g_steal_pointer (&target);

  return TRUE;
}

static void
on_sent (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  op->stream = soup_session_send_finish (SOUP_SESSION (source_object), result, &error);
  if (op->stream == NULL)
    {
      return_io_error (task, error);
      return;
    }

  status = soup_message_get_status (op->message);
  headers = soup_message_get_response_headers (op->message);

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      g_input_stream_close_async (op->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      if (!op->sent_conditional)
        {
          return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_HTTP_STATUS,
                              _("the server answered %u %s, but no copy of it is saved"),
                              status, status_phrase (status));
          return;
        }

      op->not_modified = TRUE;
      op->etag = dup_validator (headers, "ETag");
      op->last_modified = dup_validator (headers, "Last-Modified");
      validate (task);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status) &&
      soup_message_headers_get_one (headers, "Location") != NULL)
    {
      g_input_stream_close_async (op->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&op->stream);

      if (follow_redirect (task))
        send_request (g_steal_pointer (&task));
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      if (SOUP_STATUS_IS_CLIENT_ERROR (status))
        return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_HTTP_STATUS,
                            _("the server answered %u %s. Check the feed address in Preferences."),
                            status, status_phrase (status));
      else if (SOUP_STATUS_IS_SERVER_ERROR (status))
        return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_HTTP_STATUS,
                            _("the server answered %u %s. Try again later."),
                            status, status_phrase (status));
      else
        return_fetch_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_HTTP_STATUS,
                            _("the server answered %u %s instead of the trend data"),
                            status, status_phrase (status));
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > UPSKILL_FEED_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size_full (UPSKILL_FEED_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      return_fetch_error (task, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                          _("the data is too large (more than %s). Check the feed address."), limit);
      return;
    }

  op->etag = dup_validator (headers, "ETag");
  op->last_modified = dup_validator (headers, "Last-Modified");
  op->body = g_byte_array_new ();
  read_next (g_steal_pointer (&task));
}

/* Takes @task. */
static void
send_request (GTask *task)
{
  UpskillFeed *self = g_task_get_source_object (task);
  FetchOp *op = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_clear_object (&op->message);
  op->message = soup_message_new_from_uri (SOUP_METHOD_GET, op->uri);
  /* Redirects are followed here, to check every address and count hops. */
  soup_message_add_flags (op->message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (op->message);
  soup_message_headers_replace (headers, "Accept", "application/json");

  op->sent_conditional = FALSE;
  if (op->cached != NULL && op->cached->etag != NULL)
    {
      soup_message_headers_replace (headers, "If-None-Match", op->cached->etag);
      op->sent_conditional = TRUE;
    }
  if (op->cached != NULL && op->cached->last_modified != NULL)
    {
      soup_message_headers_replace (headers, "If-Modified-Since", op->cached->last_modified);
      op->sent_conditional = TRUE;
    }

  soup_session_send_async (self->session, op->message, G_PRIORITY_DEFAULT,
                           op->cancellable, on_sent, task);
}

static void
on_cache_read (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchOp *op = g_task_get_task_data (task);

  op->cached = g_task_propagate_pointer (G_TASK (result), NULL);

  if (g_cancellable_is_cancelled (op->cancellable))
    {
      g_autoptr(GError) error = NULL;

      g_cancellable_set_error_if_cancelled (op->cancellable, &error);
      return_io_error (task, error);
      return;
    }

  send_request (g_steal_pointer (&task));
}

/* On a worker thread: the cached copy of the same URL, to ask only for
 * something newer. Any problem just means an unconditional request. */
static void
read_cache_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  FetchOp *op = task_data;
  g_autoptr(GError) error = NULL;
  CachedCopy *copy;

  copy = read_cache (op->cache, NULL, &error);
  if (copy == NULL)
    g_debug ("No usable trend cache: %s", error->message);
  else if (!g_str_equal (copy->url, op->url))
    g_clear_pointer (&copy, cached_copy_free);

  g_task_return_pointer (task, copy, (GDestroyNotify)cached_copy_free);
}

static void
cancel_op (GCancellable *caller_cancellable,
           GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static gboolean
on_deadline (gpointer user_data)
{
  FetchOp *op = user_data;

  op->deadline_passed = TRUE;
  g_cancellable_cancel (op->cancellable);

  return G_SOURCE_REMOVE;
}

void
upskill_feed_fetch_async (UpskillFeed         *self,
                          const char          *url,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) cache_task = NULL;
  g_autoptr(GError) error = NULL;
  FetchOp *op;

  g_return_if_fail (UPSKILL_IS_FEED (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_feed_fetch_async);

  op = g_new0 (FetchOp, 1);
  op->cache = feed_cache_ref (self->cache);
  op->url = g_strdup (url);
  op->timeout = self->timeout;
  op->visited = g_ptr_array_new_with_free_func (g_free);
  op->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, op, (GDestroyNotify)fetch_op_free);

  self->received_size = 0;

  /* Refused before any network access. */
  op->uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (op->uri == NULL || g_uri_get_host (op->uri) == NULL || *g_uri_get_host (op->uri) == '\0')
    {
      g_autofree char *shown = upskill_url_dup_display (url);

      g_task_return_new_error (task, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_INVALID_URL,
                               _("Could not update the trend data: “%s” is not a web address; it should start with https://"),
                               shown);
      return;
    }

  op->host = g_strdup (g_uri_get_host (op->uri));
  if (!check_uri (op->uri, url, &error))
    {
      return_fetch_error (task, error->domain, error->code, "%s", error->message);
      return;
    }

  g_ptr_array_add (op->visited, g_uri_to_string_partial (op->uri, G_URI_HIDE_USERINFO));

  if (cancellable != NULL)
    {
      op->caller_cancellable = g_object_ref (cancellable);
      op->caller_cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancel_op),
                                                       op->cancellable, NULL);
    }

  /* Each read may wait up to the timeout; the whole fetch is bounded too. */
  op->deadline = g_timeout_source_new_seconds (MAX (self->timeout, 1) * 4);
  g_source_set_callback (op->deadline, on_deadline, op, NULL);
  g_source_set_static_name (op->deadline, "[upskill] feed deadline");
  g_source_attach (op->deadline, g_main_context_get_thread_default ());

  /* The op lives as long as the fetch's task, which this one holds. */
  cache_task = g_task_new (NULL, NULL, on_cache_read, g_object_ref (task));
  g_task_set_source_tag (cache_task, read_cache_thread);
  g_task_set_task_data (cache_task, op, NULL);
  g_task_run_in_thread (cache_task, read_cache_thread);
}

UpskillTrends *
upskill_feed_fetch_finish (UpskillFeed   *self,
                           GAsyncResult  *result,
                           gboolean      *out_not_modified,
                           GError       **error)
{
  FetchOp *op;
  UpskillTrends *trends;

  g_return_val_if_fail (UPSKILL_IS_FEED (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_feed_fetch_async, NULL);

  op = g_task_get_task_data (G_TASK (result));
  trends = g_task_propagate_pointer (G_TASK (result), error);

  if (out_not_modified != NULL)
    *out_not_modified = trends != NULL && op->not_modified;

  return trends;
}

/* GObject */

static void
upskill_feed_constructed (GObject *object)
{
  UpskillFeed *self = (UpskillFeed *)object;

  G_OBJECT_CLASS (upskill_feed_parent_class)->constructed (object);

  if (self->cache_dir == NULL)
    self->cache_dir = upskill_feed_dup_default_cache_dir ();

  self->cache = g_atomic_rc_box_new0 (FeedCache);
  self->cache->catalog = g_object_ref (self->catalog);
  self->cache->dir = g_object_ref (self->cache_dir);
}

static void
upskill_feed_dispose (GObject *object)
{
  UpskillFeed *self = (UpskillFeed *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (upskill_feed_parent_class)->dispose (object);
}

static void
upskill_feed_finalize (GObject *object)
{
  UpskillFeed *self = (UpskillFeed *)object;

  g_clear_pointer (&self->cache, feed_cache_unref);
  g_clear_object (&self->catalog);
  g_clear_object (&self->cache_dir);

  G_OBJECT_CLASS (upskill_feed_parent_class)->finalize (object);
}

static void
upskill_feed_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UpskillFeed *self = UPSKILL_FEED (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_CACHE_DIR:
      g_value_set_object (value, self->cache_dir);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_feed_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  UpskillFeed *self = UPSKILL_FEED (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_CACHE_DIR:
      self->cache_dir = g_value_dup_object (value);
      break;

    case PROP_TIMEOUT:
      upskill_feed_set_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_feed_class_init (UpskillFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = upskill_feed_constructed;
  object_class->dispose = upskill_feed_dispose;
  object_class->finalize = upskill_feed_finalize;
  object_class->get_property = upskill_feed_get_property;
  object_class->set_property = upskill_feed_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         UPSKILL_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CACHE_DIR] =
    g_param_spec_object ("cache-dir", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, 600, UPSKILL_FEED_DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upskill_feed_init (UpskillFeed *self)
{
  g_autofree char *user_agent = g_strdup_printf ("Upskill/%s", PACKAGE_VERSION);

  self->timeout = UPSKILL_FEED_DEFAULT_TIMEOUT;
  /* The session has no timeout of its own by default. */
  self->session = soup_session_new_with_options ("timeout", self->timeout,
                                                 "idle-timeout", self->timeout,
                                                 "user-agent", user_agent,
                                                 NULL);
}

UpskillFeed *
upskill_feed_new (UpskillCatalog *catalog,
                  GFile          *cache_dir)
{
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (cache_dir == NULL || G_IS_FILE (cache_dir), NULL);

  return g_object_new (UPSKILL_TYPE_FEED,
                       "catalog", catalog,
                       "cache-dir", cache_dir,
                       NULL);
}

GFile *
upskill_feed_dup_default_cache_dir (void)
{
  return g_file_new_build_filename (g_get_user_cache_dir (), "upskill", NULL);
}

UpskillCatalog *
upskill_feed_get_catalog (UpskillFeed *self)
{
  g_return_val_if_fail (UPSKILL_IS_FEED (self), NULL);

  return self->catalog;
}

GFile *
upskill_feed_get_cache_dir (UpskillFeed *self)
{
  g_return_val_if_fail (UPSKILL_IS_FEED (self), NULL);

  return self->cache_dir;
}

guint
upskill_feed_get_timeout (UpskillFeed *self)
{
  g_return_val_if_fail (UPSKILL_IS_FEED (self), 0);

  return self->timeout;
}

void
upskill_feed_set_timeout (UpskillFeed *self,
                          guint        timeout)
{
  g_return_if_fail (UPSKILL_IS_FEED (self));
  g_return_if_fail (timeout > 0);

  if (self->timeout == timeout)
    return;

  self->timeout = timeout;
  soup_session_set_timeout (self->session, timeout);
  soup_session_set_idle_timeout (self->session, timeout);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

gsize
upskill_feed_get_received_size (UpskillFeed *self)
{
  g_return_val_if_fail (UPSKILL_IS_FEED (self), 0);

  return self->received_size;
}
