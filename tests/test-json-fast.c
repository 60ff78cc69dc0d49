/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quick JSON reader builds exactly the tree json-glib builds, or
 * leaves the text to json-glib: never a different reading. */
#include "config.h"

#include <string.h>

#include "upskill-json.h"
#include "upskill-json-fast.h"

/* Same kinds, same value types (a whole number is not a float), same
 * members in the same order. */
static void
assert_same_tree (JsonNode *a,
                  JsonNode *b)
{
  g_assert_cmpint (json_node_get_node_type (a), ==, json_node_get_node_type (b));

  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *x = json_node_get_object (a);
        JsonObject *y = json_node_get_object (b);
        g_autoptr(GList) x_members = json_object_get_members (x);
        g_autoptr(GList) y_members = json_object_get_members (y);

        g_assert_cmpuint (g_list_length (x_members), ==, g_list_length (y_members));
        for (GList *l = x_members, *m = y_members; l != NULL; l = l->next, m = m->next)
          {
            g_assert_cmpstr (l->data, ==, m->data);
            assert_same_tree (json_object_get_member (x, l->data), json_object_get_member (y, m->data));
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a);
        JsonArray *y = json_node_get_array (b);

        g_assert_cmpuint (json_array_get_length (x), ==, json_array_get_length (y));
        for (guint i = 0; i < json_array_get_length (x); i++)
          assert_same_tree (json_array_get_element (x, i), json_array_get_element (y, i));
      }
      break;

    case JSON_NODE_VALUE:
      g_assert_cmpstr (g_type_name (json_node_get_value_type (a)), ==,
                       g_type_name (json_node_get_value_type (b)));
      if (json_node_get_value_type (a) == G_TYPE_STRING)
        g_assert_cmpstr (json_node_get_string (a), ==, json_node_get_string (b));
      else if (json_node_get_value_type (a) == G_TYPE_INT64)
        g_assert_cmpint (json_node_get_int (a), ==, json_node_get_int (b));
      else if (json_node_get_value_type (a) == G_TYPE_DOUBLE)
        g_assert_cmpfloat (json_node_get_double (a), ==, json_node_get_double (b));
      else
        g_assert_cmpint (json_node_get_boolean (a), ==, json_node_get_boolean (b));
      break;

    case JSON_NODE_NULL:
      break;
    }
}

/* Returns whether the quick reader took the text. */
static gboolean
check_text (const char *text,
            gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonNode) fast = upskill_json_parse_fast (text, length);
  gboolean parsed = json_parser_load_from_data (parser, text, length, NULL);

  if (fast == NULL)
    return FALSE;

  /* What the quick reader accepts, json-glib accepts, as the same tree. */
  g_assert_true (parsed);
  assert_same_tree (fast, json_parser_get_root (parser));
  return TRUE;
}

static void
test_bundled_files (void)
{
  const char *paths[] = {
    "/com/example/Upskill/data/catalog.json",
    "/com/example/Upskill/data/trends.json",
    "/com/example/Upskill/data/samples/dana-okafor.json",
    "/com/example/Upskill/data/samples/li-wei.json",
    "/com/example/Upskill/data/samples/maria-gonzalez.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (paths[i], 0, &error);
      gsize length;
      const char *data;

      g_assert_no_error (error);
      data = g_bytes_get_data (bytes, &length);
      /* Well-formed files take the quick path. */
      g_assert_true (check_text (data, length));
    }
}

static void
test_values (void)
{
  const char *taken[] = {
    "{}",
    " \t\r\n{ \"a\" : [ ] , \"b\" : { } }\n",
    "{\"int\": 42, \"negative\": -7, \"zero\": 0, \"minus-zero\": -0}",
    "{\"float\": 1.5, \"whole-float\": 2.0, \"exp\": 1e3, \"EXP\": -2.5E-3, \"plus\": 3e+2}",
    "{\"long\": 1234567890123456, \"tiny\": 0.000001}",
    /* As the index writes readiness figures: 17 significant digits. */
    "{\"readiness\": 45.833333333333336, \"areas\": [66.666666666666671, -0.33333333333333331, "
    "0.1000000000000000055511151231257827, 12345678901234567.5]}",
    "{\"t\": true, \"f\": false, \"n\": null, \"list\": [1, \"two\", 3.0, null, [true]]}",
    "{\"escapes\": \"quote \\\" backslash \\\\ slash \\/ \\b\\f\\n\\r\\t\"}",
    "{\"unicode\": \"\\u00e9\\u4e2d\\uFFFD caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80\"}",
    "{\"\": \"empty name\", \"nested\": {\"deeper\": {\"deepest\": [[[]]]}}}",
    /* Small whole numbers, one node each for the whole tree. */
    "{\"levels\": [0, 1, 5, 0, 63, 64, -1, -0, 0], \"a\": 5, \"b\": {\"c\": 5, \"d\": [5, [5]]}}",
    /* A name is kept while its value's strings are read. */
    "{\"n\\u00e4me \\\"quoted\\\"\": {\"inner\": \"value\"}, \"next\": [\"a\", {\"b\": \"c\"}]}",
    "{\"a name longer than the sixty-four bytes a name is given on the stack, by far\": "
    "{\"another name longer than the sixty-four bytes a name is given on the stack\": \"value\"}}",
  };
  const char *left_to_json_glib[] = {
    "[1, 2]",
    "\"text\"",
    "{\"a\": 1,}",
    "{\"a\": [1, 2,]}",
    "{\"a\": 01}",
    "{\"a\": .5}",
    "{\"a\": 1.}",
    "{\"a\": 0x10}",
    "{\"a\": +1}",
    "{\"a\": 12345678901234567890}",
    "{\"a\": 1.0000000000000000000e400}",
    "{\"a\": \"\\ud83d\\ude00\"}",
    "{\"a\": \"\\u0000\"}",
    "{\"a\": \"\\x41\"}",
    "{\"a\": \"tab\there\"}",
    "{\"a\": 1, \"a\": 2}",
    "{\"a\": tru}",
    "{\"a\": 1} x",
    "{\"a\": 1",
    "{\"a\" 1}",
    "{a: 1}",
    "{\"a\": \"unterminated}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_test_message ("%s", taken[i]);
      g_assert_true (check_text (taken[i], strlen (taken[i])));
    }

  for (guint i = 0; i < G_N_ELEMENTS (left_to_json_glib); i++)
    {
      g_test_message ("%s", left_to_json_glib[i]);
      g_assert_false (check_text (left_to_json_glib[i], strlen (left_to_json_glib[i])));
    }
}

/* A node shared by the tree outlives it for whoever holds it, and a
 * copy of a part of the tree is a tree of its own. */
static void
test_shared_numbers (void)
{
  const char text[] = "{\"a\": 3, \"b\": [3, 3], \"c\": {\"d\": 3}}";
  g_autoptr(JsonNode) root = upskill_json_parse_fast (text, strlen (text));
  g_autoptr(JsonNode) held = NULL;
  g_autoptr(JsonNode) copy = NULL;

  g_assert_nonnull (root);
  held = json_node_ref (json_object_get_member (json_node_get_object (root), "a"));
  copy = json_node_copy (json_object_get_member (json_node_get_object (root), "c"));
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (json_node_get_int (held), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (copy), "d"), ==, 3);
}

/* As deep as upskill_json_parse_bytes() reads, and no deeper: a deeper
 * text is json-glib's, after the check that refuses it. */
static void
test_depth (void)
{
  g_autoptr(GString) deepest = g_string_new ("{\"a\": ");
  g_autoptr(GString) too_deep = NULL;

  for (guint i = 1; i < UPSKILL_JSON_MAX_DEPTH; i++)
    g_string_append_c (deepest, '[');
  for (guint i = 1; i < UPSKILL_JSON_MAX_DEPTH; i++)
    g_string_append_c (deepest, ']');
  g_string_append_c (deepest, '}');
  g_assert_true (check_text (deepest->str, deepest->len));

  too_deep = g_string_new (deepest->str);
  g_string_insert_c (too_deep, strlen ("{\"a\": "), '[');
  g_string_insert_c (too_deep, too_deep->len - 1, ']');
  g_assert_null (upskill_json_parse_fast (too_deep->str, too_deep->len));
}

/* Every cut of a well-formed file is either refused or read as json-glib
 * reads it. */
static void
test_truncated (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/com/example/Upskill/data/samples/li-wei.json", 0, NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  for (gsize cut = 0; cut < length; cut += 1 + cut / 64)
    check_text (data, cut);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upskill/json-fast/bundled-files", test_bundled_files);
  g_test_add_func ("/upskill/json-fast/values", test_values);
  g_test_add_func ("/upskill/json-fast/shared-numbers", test_shared_numbers);
  g_test_add_func ("/upskill/json-fast/depth", test_depth);
  g_test_add_func ("/upskill/json-fast/truncated", test_truncated);

  return g_test_run ();
}
