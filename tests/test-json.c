/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "upskill-error.h"
#include "upskill-json.h"

static JsonNode *
parse_string (const char  *text,
              gsize        length,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);

  return upskill_json_parse_bytes (bytes, "test.json", error);
}

static char *
nested_arrays (guint depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');

  return g_string_free (text, FALSE);
}

static void
test_depth_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ok = nested_arrays (UPSKILL_JSON_MAX_DEPTH);
  g_autofree char *deep = nested_arrays (UPSKILL_JSON_MAX_DEPTH + 1);
  g_autoptr(JsonNode) node = NULL;

  node = parse_string (ok, strlen (ok), &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  g_clear_pointer (&node, json_node_unref);
  node = parse_string (deep, strlen (deep), &error);
  g_assert_null (node);
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "test.json"));
  g_assert_nonnull (strstr (error->message, "64"));
}

static void
test_brackets_in_strings_do_not_count (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("{\"a\": \"");
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "[{\\\"");
  g_string_append (text, "\"}");

  node = parse_string (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
}

static void
test_size_limit (void)
{
  g_autoptr(GError) error = NULL;
  gsize length = UPSKILL_JSON_MAX_SIZE + 1;
  g_autofree char *text = g_malloc (length);
  g_autoptr(JsonNode) node = NULL;

  memset (text, ' ', length);
  text[0] = '1';

  node = parse_string (text, length, &error);
  g_assert_null (node);
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "test.json"));
}

static void
test_invalid_utf8_names_line (void)
{
  g_autoptr(GError) error = NULL;
  const char text[] = "{\n\"name\": \"Dana\xff\"\n}";
  g_autoptr(JsonNode) node = NULL;

  node = parse_string (text, sizeof text - 1, &error);
  g_assert_null (node);
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

/* Wherever the first byte that is not UTF-8 (or a NUL) comes, after
 * however much plain ASCII, the message names its column; text in
 * other scripts reads as it is. */
static void
test_utf8_after_ascii (void)
{
  const char valid[] = "{\"name\": \"Ren\xc3\xa9\x65 M\xc3\xbcller\", \"note\": \"\xe4\xb8\xad\"}";
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = parse_string (valid, sizeof valid - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "name"), ==,
                   "Ren\xc3\xa9\x65 M\xc3\xbcller");

  for (guint column = 11; column < 40; column++)
    {
      g_autoptr(GString) text = g_string_new ("{\"name\": \"abcdefghijklmnopqrstuvwxyz0123456789\"}");
      g_autofree char *expected = g_strdup_printf ("line 1, column %u:", column);

      for (guint bad = 0; bad < 3; bad++)
        {
          g_autoptr(JsonNode) bad_node = NULL;
          g_autoptr(GError) bad_error = NULL;

          /* A stray continuation byte, a lead byte without its
           * continuation, a NUL. */
          text->str[column - 1] = bad == 0 ? '\x80' : bad == 1 ? '\xc3' : '\0';
          bad_node = parse_string (text->str, text->len, &bad_error);
          g_assert_null (bad_node);
          g_assert_error (bad_error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_JSON);
          g_assert_nonnull (strstr (bad_error->message, expected));
          g_assert_nonnull (strstr (bad_error->message, "UTF-8"));
        }
    }
}

static void
test_syntax_error_names_line (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "{\n  \"a\": 1,\n  \"b\": ,\n}";
  g_autoptr(JsonNode) node = NULL;

  node = parse_string (text, strlen (text), &error);
  g_assert_null (node);
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "test.json"));
  g_assert_nonnull (strstr (error->message, "3:"));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse_string ("", 0, &error);

  g_assert_null (node);
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "empty"));
}

static void
test_header (void)
{
  struct {
    const char *text;
    int         code;   /* -1: accepted */
    const char *needle;
  } cases[] = {
    { "{\"format\": \"upskill-profile\", \"version\": 1}", -1, NULL },
    { "{\"format\": \"upskill-profile\", \"version\": 2}", UPSKILL_ERROR_FUTURE_VERSION, "newer version" },
    { "{\"format\": \"upskill-trends\", \"version\": 1}", UPSKILL_ERROR_WRONG_FORMAT, "upskill-profile" },
    { "{\"format\": \"upskill-profile\", \"version\": \"1\"}", UPSKILL_ERROR_WRONG_FORMAT, "version" },
    { "{\"format\": \"upskill-profile\", \"version\": 0}", UPSKILL_ERROR_WRONG_FORMAT, "version 0" },
    { "[1, 2]", UPSKILL_ERROR_WRONG_FORMAT, "object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = parse_string (cases[i].text, strlen (cases[i].text), &error);
      JsonObject *object;
      gint64 version = 0;

      g_assert_no_error (error);
      object = upskill_json_check_header (node, "test.json", "upskill-profile", 1, &version, &error);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (object);
          g_assert_cmpint (version, ==, 1);
        }
      else
        {
          g_assert_null (object);
          g_assert_error (error, UPSKILL_ERROR, cases[i].code);
          g_assert_nonnull (strstr (error->message, cases[i].needle));
        }
    }
}

static void
test_typed_getters (void)
{
  const char *text = "{\"level\": 7, \"name\": 3, \"hours\": 2.5, \"when\": \"2026-05-01\", \"bad\": \"2026-02-30\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse_string (text, strlen (text), &error);
  JsonObject *object = json_node_get_object (node);
  const char *name = NULL;
  gint64 level = 0;
  gint64 when = 0;
  double hours = 0;

  g_assert_false (upskill_json_get_int (object, "level", TRUE, 0, 5, "here", &level, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "“level”"));
  g_assert_nonnull (strstr (error->message, "out of range"));
  g_clear_error (&error);

  g_assert_false (upskill_json_get_string (object, "name", TRUE, "here", &name, &error));
  g_assert_nonnull (strstr (error->message, "expected text"));
  g_clear_error (&error);

  g_assert_false (upskill_json_get_string (object, "missing", TRUE, "here", &name, &error));
  g_assert_nonnull (strstr (error->message, "missing"));
  g_clear_error (&error);

  g_assert_true (upskill_json_get_string (object, "missing", FALSE, "here", &name, &error));
  g_assert_no_error (error);
  g_assert_null (name);

  g_assert_true (upskill_json_get_double (object, "hours", TRUE, 0, 80, "here", &hours, &error));
  g_assert_cmpfloat (hours, ==, 2.5);

  g_assert_true (upskill_json_get_time (object, "when", TRUE, "here", &when, &error));
  g_assert_no_error (error);
  g_assert_cmpint (when, ==, 1777593600); /* 2026-05-01T00:00:00Z */

  g_assert_false (upskill_json_get_time (object, "bad", TRUE, "here", &when, &error));
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
}

/* GDateTime ends at the years 1 and 9999, where its arithmetic gives
 * NULL: times are read only between 1900 and 2200 (UTC), offsets
 * included, and every one that is read can be written back. */
static void
test_time_range (void)
{
  static const struct
  {
    const char *text;
    gboolean    valid;
  } cases[] = {
    { "1900-01-01T00:00:00Z", TRUE },
    { "1900-01-01T00:30:00-01:00", TRUE },
    { "2200-12-31T23:59:59Z", TRUE },
    { "2200-12-31", TRUE },
    { "1899-12-31T23:59:59Z", FALSE },
    { "1900-01-01T00:00:00+01:00", FALSE },
    { "2201-01-01T00:00:00Z", FALSE },
    { "2200-12-31T23:00:00-05:00", FALSE },
    { "9999-12-31T12:00:00Z", FALSE },
    { "9999-12-31T23:00:00-05:00", FALSE },
    { "0001-01-01T00:30:00+01:00", FALSE },
    { "0001-01-01", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"when\": \"%s\"}", cases[i].text);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      gint64 when = 0;

      root = upskill_json_parse_bytes (bytes, "t.json", &error);
      g_assert_no_error (error);

      if (cases[i].valid)
        {
          g_autofree char *written = NULL;

          g_assert_true (upskill_json_get_time (json_node_get_object (root), "when", TRUE,
                                                "Could not read “t.json”", &when, &error));
          g_assert_no_error (error);
          written = upskill_format_time_iso8601 (when);
          g_assert_false (g_str_has_prefix (written, "1970"));
        }
      else
        {
          g_autofree char *expected = g_strdup_printf ("Could not read “t.json”: “when”: “%s” is not between the years 1900 and 2200",
                                                       cases[i].text);

          g_assert_false (upskill_json_get_time (json_node_get_object (root), "when", TRUE,
                                                 "Could not read “t.json”", &when, &error));
          g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA);
          g_assert_cmpstr (error->message, ==, expected);
        }
    }
}

/* Times in the form files are written in are read as GDateTime reads
 * them: the same second, and the same refusals (no 30 February, no hour
 * 24, no leap second). */
static void
test_times_as_gdatetime (void)
{
  static const guint years[] = { 1900, 1970, 1999, 2000, 2024, 2026, 2100, 2200 };
  static const char *times[] = { "00:00:00", "12:34:56", "23:59:59", "24:00:00", "23:60:00", "23:59:60" };
  static const char *odd[] = {
    "2026-00-10T00:00:00Z", "2026-13-10T00:00:00Z", "2026-1-01T00:00:00Z", "2026-01-01t00:00:00Z",
    "2026-01-01T00:00:00z", "+026-01-01T00:00:00Z", "2026-01-01T00:00:00ZZ", "2026-01-01 00:00:00Z",
    "2026-01-0aT00:00:00Z", "0000-01-01T00:00:00Z",
  };
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    for (guint month = 1; month <= 12; month++)
      for (guint day = 1; day <= 31; day++)
        for (guint t = 0; t < G_N_ELEMENTS (times); t++)
          g_ptr_array_add (texts, g_strdup_printf ("%04u-%02u-%02uT%sZ", years[y], month, day, times[t]));
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    g_ptr_array_add (texts, g_strdup (odd[i]));

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (text, NULL);
      g_autoptr(GError) error = NULL;
      gint64 when = 0;

      json_object_set_string_member (object, "when", text);
      if (expected != NULL)
        {
          g_assert_true (upskill_json_get_time (object, "when", TRUE, "here", &when, &error));
          g_assert_no_error (error);
          g_assert_cmpint (when, ==, g_date_time_to_unix (expected));
        }
      else
        {
          g_assert_false (upskill_json_get_time (object, "when", TRUE, "here", &when, &error));
          g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA);
        }
    }
}

static void
test_iso8601_round_trip (void)
{
  g_autofree char *text = upskill_format_time_iso8601 (1777593600 + 3661);

  g_assert_cmpstr (text, ==, "2026-05-01T01:01:01Z");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upskill/json/depth-limit", test_depth_limit);
  g_test_add_func ("/upskill/json/brackets-in-strings", test_brackets_in_strings_do_not_count);
  g_test_add_func ("/upskill/json/size-limit", test_size_limit);
  g_test_add_func ("/upskill/json/invalid-utf8", test_invalid_utf8_names_line);
  g_test_add_func ("/upskill/json/utf8-after-ascii", test_utf8_after_ascii);
  g_test_add_func ("/upskill/json/syntax-error-line", test_syntax_error_names_line);
  g_test_add_func ("/upskill/json/empty", test_empty);
  g_test_add_func ("/upskill/json/header", test_header);
  g_test_add_func ("/upskill/json/typed-getters", test_typed_getters);
  g_test_add_func ("/upskill/json/iso8601", test_iso8601_round_trip);
  g_test_add_func ("/upskill/json/time-range", test_time_range);
  g_test_add_func ("/upskill/json/times-as-gdatetime", test_times_as_gdatetime);

  return g_test_run ();
}
