/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Limits for every JSON document that comes from outside the program:
 * profiles, imports, trend feeds. json-glib 1.6 has no depth limit of its
 * own, so depth is checked on the raw bytes before parsing. */
#define UPSKILL_JSON_MAX_SIZE  (4 * 1024 * 1024)
#define UPSKILL_JSON_MAX_DEPTH 64

/* A tree to read, not to change: parts of it may be shared (see
 * upskill_json_parse_fast()), or sealed by json-glib. */
JsonNode   *upskill_json_parse_bytes        (GBytes       *bytes,
                                             const char   *display_name,
                                             GError      **error);
JsonNode   *upskill_json_parse_file         (GFile        *file,
                                             GCancellable *cancellable,
                                             GError      **error);
/* The bytes upskill_json_parse_file() parses: a regular file's, at most
 * UPSKILL_JSON_MAX_SIZE. */
GBytes     *upskill_json_read_file          (GFile        *file,
                                             GCancellable *cancellable,
                                             GError      **error);
JsonObject *upskill_json_check_header       (JsonNode     *root,
                                             const char   *display_name,
                                             const char   *format,
                                             gint64        max_version,
                                             gint64       *out_version,
                                             GError      **error);

/* Typed member access that reports what is wrong in words. All take a
 * `where` prefix such as "Could not read 'Dana.json'" and an object path
 * such as "skills.python-core" for the message. */
gboolean    upskill_json_get_string         (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             const char   *where,
                                             const char  **out_value,
                                             GError      **error);
gboolean    upskill_json_get_int            (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             gint64        min,
                                             gint64        max,
                                             const char   *where,
                                             gint64       *out_value,
                                             GError      **error);
gboolean    upskill_json_get_double         (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             double        min,
                                             double        max,
                                             const char   *where,
                                             double       *out_value,
                                             GError      **error);
JsonArray  *upskill_json_get_array          (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             const char   *where,
                                             GError      **error);
JsonObject *upskill_json_get_object         (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             const char   *where,
                                             GError      **error);
JsonObject *upskill_json_array_get_object   (JsonArray    *array,
                                             guint         index,
                                             const char   *where,
                                             const char   *array_name,
                                             GError      **error);
gboolean    upskill_json_get_boolean        (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             const char   *where,
                                             gboolean     *out_value,
                                             GError      **error);
/* Like upskill_json_get_string(), a copy. */
gboolean    upskill_json_dup_string         (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             const char   *where,
                                             char        **out_value,
                                             GError      **error);
/* A copy of the text @member, which must be there and, unless
 * @allow_empty, not empty. */
gboolean    upskill_json_dup_text           (JsonObject   *object,
                                             const char   *member,
                                             gboolean      allow_empty,
                                             const char   *where,
                                             char        **out_text,
                                             GError      **error);
/* Like upskill_json_dup_text(), for bundled text, in the reader's
 * language: data/upskill-data-strings.c shows translators the bundled
 * text under @context. */
gboolean    upskill_json_dup_translated_text (JsonObject  *object,
                                             const char   *member,
                                             gboolean      allow_empty,
                                             const char   *context,
                                             const char   *where,
                                             char        **out_text,
                                             GError      **error);
gboolean    upskill_json_get_time           (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             const char   *where,
                                             gint64       *out_unix,
                                             GError      **error);

char       *upskill_format_time_iso8601     (gint64        unix_time);

/* Adds the member @name = @value to the object @builder is in, or
 * nothing when @value is NULL: a file leaves out what it does not know. */
void        upskill_json_builder_add_optional_string (JsonBuilder *builder,
                                                      const char  *name,
                                                      const char  *value);

G_END_DECLS
