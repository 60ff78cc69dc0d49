/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "upskill-catalog.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

/* Network failures. Problems with the data itself keep their UPSKILL_ERROR
 * code (NOT_JSON, WRONG_FORMAT, FUTURE_VERSION, TOO_LARGE, …) and a
 * cancelled fetch reports G_IO_ERROR_CANCELLED. */
#define UPSKILL_FEED_ERROR (upskill_feed_error_quark ())

typedef enum
{
  UPSKILL_FEED_ERROR_INVALID_URL,     /* not an http(s) address */
  UPSKILL_FEED_ERROR_INSECURE,        /* http to a host that is not this computer */
  UPSKILL_FEED_ERROR_HTTP_STATUS,     /* the server answered 4xx/5xx or something unexpected */
  UPSKILL_FEED_ERROR_REDIRECT_LOOP,
  UPSKILL_FEED_ERROR_TOO_MANY_REDIRECTS,
  UPSKILL_FEED_ERROR_TIMEOUT,
  UPSKILL_FEED_ERROR_NETWORK,         /* DNS, refused, unreachable, TLS, … */
  UPSKILL_FEED_ERROR_NO_CACHE,        /* nothing has been fetched yet */
} UpskillFeedError;

GQuark upskill_feed_error_quark (void);

/* The largest feed body accepted, counted while reading. */
#define UPSKILL_FEED_MAX_SIZE        (1024 * 1024)
#define UPSKILL_FEED_DEFAULT_TIMEOUT 15
#define UPSKILL_FEED_MAX_REDIRECTS   5

#define UPSKILL_TYPE_FEED (upskill_feed_get_type ())

G_DECLARE_FINAL_TYPE (UpskillFeed, upskill_feed, UPSKILL, FEED, GObject)

/* @cache_dir: where the last good copy is kept (trends.json and
 * trends-feed.json); NULL for $XDG_CACHE_HOME/upskill. */
UpskillFeed    *upskill_feed_new                  (UpskillCatalog       *catalog,
                                                   GFile                *cache_dir);
GFile          *upskill_feed_dup_default_cache_dir (void);

UpskillCatalog *upskill_feed_get_catalog          (UpskillFeed          *self);
GFile          *upskill_feed_get_cache_dir        (UpskillFeed          *self);
/* Seconds a connection may stay silent before the fetch fails (property
 * "timeout", default 15). The whole fetch may take at most four times as
 * long, so that a server dribbling bytes cannot hold it forever. */
guint           upskill_feed_get_timeout          (UpskillFeed          *self);
void            upskill_feed_set_timeout          (UpskillFeed          *self,
                                                   guint                 timeout);
/* How many body bytes the last fetch read (for diagnostics and tests). */
gsize           upskill_feed_get_received_size    (UpskillFeed          *self);

/* Checks that @url may be fetched: http or https, and https unless the
 * host is this computer (localhost, 127.0.0.0/8, ::1). */
gboolean        upskill_feed_check_url            (const char           *url,
                                                   GError              **error);

/* Fetches @url, validates it as trend data and, when valid, caches it.
 * The result carries its origin (url, fetch time). A conditional request
 * is made when the cache holds a copy of the same @url; when the server
 * answers 304 Not Modified the cached copy is returned and
 * @out_not_modified is set. On any failure nothing is replaced. */
void            upskill_feed_fetch_async          (UpskillFeed          *self,
                                                   const char           *url,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
UpskillTrends  *upskill_feed_fetch_finish         (UpskillFeed          *self,
                                                   GAsyncResult         *result,
                                                   gboolean             *out_not_modified,
                                                   GError              **error);

/* The last good copy, with its origin URL and fetch time, or
 * UPSKILL_FEED_ERROR_NO_CACHE. The caller compares the origin URL with the
 * configured one: a cache of another feed is not the user's data. */
UpskillTrends  *upskill_feed_load_cached          (UpskillFeed          *self,
                                                   GError              **error);
void            upskill_feed_load_cached_async    (UpskillFeed          *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
UpskillTrends  *upskill_feed_load_cached_finish   (UpskillFeed          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
