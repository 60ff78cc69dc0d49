/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "upskill-json.h"
#include "upskill-json-fast.h"

/* A quick path for the common case, a well-formed profile or index: a
 * plain recursive-descent reader of strict JSON that builds the same tree
 * json-glib's parser would, several times faster (json-glib tokenizes with
 * a general-purpose scanner). Anything unusual (an error, a \u escape of a
 * surrogate or of NUL, a duplicate member, a number json-glib might read
 * differently) makes it give up, and json-glib reads the text instead, so
 * what is accepted and every error message stay json-glib's. The caller
 * has already checked the size and UTF-8; anything upskill-json.c's
 * checks of the text would refuse (nesting deeper than
 * UPSKILL_JSON_MAX_DEPTH, trailing data, …) it gives up on too, so
 * those run only when it does. */

#define SMALL_INTS 64

typedef struct
{
  const char *p;
  const char *end;
  /* The text of the string read last, unescaped: json-glib copies
   * every name and value it is given, so one buffer serves them all
   * instead of a copy of each of its own. */
  GString    *text;
  guint       depth;    /* of the array or object being read */
  /* Levels, hours, versions: a profile holds hundreds of small whole
   * numbers, one node each shared by all (nothing changes a tree read
   * from a file; each holder has a reference). */
  JsonNode   *small_ints[SMALL_INTS];
} Reader;

static JsonNode *read_value (Reader *reader);

static void
skip_space (Reader *reader)
{
  while (reader->p < reader->end &&
         (*reader->p == ' ' || *reader->p == '\n' || *reader->p == '\t' || *reader->p == '\r'))
    reader->p++;
}

/* Skips white space, then @c if it comes next. */
static gboolean
skip_char (Reader *reader,
           char    c)
{
  skip_space (reader);
  if (reader->p >= reader->end || *reader->p != c)
    return FALSE;
  reader->p++;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Appends the escape at @p (a backslash) to @text; returns the text
 * after it, or NULL to give up. */
static const char *
read_escape (const char *p,
             const char *end,
             GString    *text)
{
  gunichar code = 0;

  if (p + 1 >= end)
    return NULL;

  switch (p[1])
    {
    case '"': g_string_append_c (text, '"'); return p + 2;
    case '\\': g_string_append_c (text, '\\'); return p + 2;
    case '/': g_string_append_c (text, '/'); return p + 2;
    case 'b': g_string_append_c (text, '\b'); return p + 2;
    case 'f': g_string_append_c (text, '\f'); return p + 2;
    case 'n': g_string_append_c (text, '\n'); return p + 2;
    case 'r': g_string_append_c (text, '\r'); return p + 2;
    case 't': g_string_append_c (text, '\t'); return p + 2;
    case 'u':
      break;
    default:
      return NULL;
    }

  if (p + 6 > end)
    return NULL;
  for (int i = 2; i < 6; i++)
    {
      int value = hex_value (p[i]);

      if (value < 0)
        return NULL;
      code = code * 16 + value;
    }
  /* Surrogates and NUL: json-glib's own rules apply. */
  if (code == 0 || (code >= 0xd800 && code <= 0xdfff))
    return NULL;
  g_string_append_unichar (text, code);

  return p + 6;
}

/* g_string_append_len() without its general case (text inside the
 * string itself, a length of -1): it runs for every string. */
static void
append_text (GString    *text,
             const char *start,
             gsize       length)
{
  gsize old_length = text->len;

  g_string_set_size (text, old_length + length);
  memcpy (text->str + old_length, start, length);
}

/* At the opening quote; leaves the text in reader->text, or returns
 * FALSE to give up. */
static gboolean
read_string (Reader *reader)
{
  const char *p = reader->p + 1;

  g_string_truncate (reader->text, 0);
  for (;;)
    {
      const char *start = p;

      /* Most strings have no escapes: copied in one go. */
      while (p < reader->end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        p++;
      if (p >= reader->end || (guchar) *p < 0x20)
        return FALSE;
      append_text (reader->text, start, p - start);

      if (*p == '"')
        {
          reader->p = p + 1;
          return TRUE;
        }

      p = read_escape (p, reader->end, reader->text);
      if (p == NULL)
        return FALSE;
    }
}

static JsonNode *
read_number (Reader *reader)
{
  const char *start = reader->p;
  const char *p = start;
  gboolean is_float = FALSE;
  gboolean has_exponent = FALSE;
  JsonNode *node;

  if (p < reader->end && *p == '-')
    p++;
  if (p >= reader->end || !g_ascii_isdigit (*p))
    return NULL;
  /* No leading zeros, as JSON says; json-glib may read them otherwise. */
  if (*p == '0' && p + 1 < reader->end && g_ascii_isdigit (p[1]))
    return NULL;
  while (p < reader->end && g_ascii_isdigit (*p))
    p++;
  if (p < reader->end && *p == '.')
    {
      is_float = TRUE;
      p++;
      if (p >= reader->end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < reader->end && (*p == 'e' || *p == 'E'))
    {
      is_float = TRUE;
      has_exponent = TRUE;
      p++;
      if (p < reader->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= reader->end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
    }
  /* Long numbers: json-glib decides how they overflow. A fraction
   * without an exponent cannot, and json-glib reads it with strtod too
   * (g_strtod): the index's readiness figures, 17 digits and more, stay
   * on this path. */
  if (p >= reader->end ||
      (p - start > 17 && (!is_float || has_exponent || p - start >= 64)))
    return NULL;

  if (is_float)
    {
      char buffer[64];

      memcpy (buffer, start, p - start);
      buffer[p - start] = '\0';
      node = json_node_init_double (json_node_alloc (), g_ascii_strtod (buffer, NULL));
    }
  else
    {
      gint64 value = 0;
      const char *digit = *start == '-' ? start + 1 : start;

      for (; digit < p; digit++)
        value = value * 10 + (*digit - '0');
      if (*start == '-')
        value = -value;

      if (value >= 0 && value < SMALL_INTS && *start != '-')
        {
          if (reader->small_ints[value] == NULL)
            {
              reader->small_ints[value] = json_node_init_int (json_node_alloc (), value);
              /* Shared: json-glib refuses to change it through any holder. */
              json_node_seal (reader->small_ints[value]);
            }
          node = json_node_ref (reader->small_ints[value]);
        }
      else
        node = json_node_init_int (json_node_alloc (), value);
    }

  reader->p = p;
  return node;
}

static gboolean
read_word (Reader     *reader,
           const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (reader->end - reader->p) < length || memcmp (reader->p, word, length) != 0)
    return FALSE;
  reader->p += length;
  return TRUE;
}

/* Names are short: one on the stack for each level of nesting. */
#define NAME_ON_STACK 64

static JsonNode *
read_object (Reader *reader)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_node_take_object (node, object);
  reader->p++;
  if (skip_char (reader, '}'))
    return g_steal_pointer (&node);

  for (;;)
    {
      char name_on_stack[NAME_ON_STACK];
      g_autofree char *long_name = NULL;
      const char *name = name_on_stack;
      guint size = json_object_get_size (object);
      JsonNode *member;

      skip_space (reader);
      if (reader->p >= reader->end || *reader->p != '"' || !read_string (reader))
        return NULL;
      /* The value's strings go through reader->text too. */
      if (reader->text->len < NAME_ON_STACK)
        memcpy (name_on_stack, reader->text->str, reader->text->len + 1);
      else
        name = long_name = g_strndup (reader->text->str, reader->text->len);
      if (!skip_char (reader, ':'))
        return NULL;
      member = read_value (reader);
      if (member == NULL)
        return NULL;
      json_object_set_member (object, name, member);
      /* A duplicate name replaced a member: json-glib keeps the last,
       * and its parser decides. */
      if (json_object_get_size (object) == size)
        return NULL;

      if (skip_char (reader, '}'))
        return g_steal_pointer (&node);
      if (!skip_char (reader, ','))
        return NULL;
    }
}

static JsonNode *
read_array (Reader *reader)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  json_node_take_array (node, array);
  reader->p++;
  if (skip_char (reader, ']'))
    return g_steal_pointer (&node);

  for (;;)
    {
      JsonNode *element = read_value (reader);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);

      if (skip_char (reader, ']'))
        return g_steal_pointer (&node);
      if (!skip_char (reader, ','))
        return NULL;
    }
}

/* An array or an object, one level deeper; NULL too deep, as
 * json-glib could not be asked to read it. */
static JsonNode *
read_nested (Reader *reader)
{
  JsonNode *node;

  if (reader->depth >= UPSKILL_JSON_MAX_DEPTH)
    return NULL;

  reader->depth++;
  node = *reader->p == '{' ? read_object (reader) : read_array (reader);
  reader->depth--;

  return node;
}

static JsonNode *
read_value (Reader *reader)
{
  skip_space (reader);
  if (reader->p >= reader->end)
    return NULL;

  switch (*reader->p)
    {
    case '{':
    case '[':
      return read_nested (reader);

    case '"':
      return read_string (reader) ? json_node_init_string (json_node_alloc (), reader->text->str) : NULL;

    case 't':
      return read_word (reader, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;

    case 'f':
      return read_word (reader, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;

    case 'n':
      return read_word (reader, "null") ? json_node_init_null (json_node_alloc ()) : NULL;

    default:
      return read_number (reader);
    }
}

JsonNode *
upskill_json_parse_fast (const char *data,
                         gsize       length)
{
  g_autoptr(GString) text = g_string_sized_new (256);
  Reader reader = { data, data + length, text, 0, { NULL, } };
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  skip_space (&reader);
  /* Only an object: everything else is json-glib's to judge. */
  if (reader.p >= reader.end || *reader.p != '{')
    return NULL;

  root = read_nested (&reader);
  for (guint i = 0; i < SMALL_INTS; i++)
    g_clear_pointer (&reader.small_ints[i], json_node_unref);
  if (root == NULL)
    return NULL;

  skip_space (&reader);
  if (reader.p != reader.end)
    return NULL;

  /* Not sealed as json-glib's immutable parser would: sealing hashes
   * every object, and nothing changes a tree read from a file. */
  return g_steal_pointer (&root);
}
