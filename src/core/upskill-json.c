/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upskill-catalog.h"
#include "upskill-date.h"
#include "upskill-error.h"
#include "upskill-json.h"
#include "upskill-json-fast.h"

/* The offset of the first '"' or '\\' from @i on, or @length. Most of a
 * profile is text inside strings, which memchr() runs through quickly.
 * *@next_quote keeps the quote found last, so that a string full of
 * escapes is not searched again for its end at each one: a scan stays
 * linear. Start it at 0. */
static gsize
find_quote_or_backslash (const char *data,
                         gsize       length,
                         gsize       i,
                         gsize      *next_quote)
{
  const char *backslash;

  if (*next_quote < i)
    {
      const char *quote = memchr (data + i, '"', length - i);

      *next_quote = quote != NULL ? (gsize) (quote - data) : length;
    }

  backslash = memchr (data + i, '\\', *next_quote - i);
  return backslash != NULL ? (gsize) (backslash - data) : *next_quote;
}

/* Walks the raw text once and reports the deepest nesting of arrays and
 * objects, ignoring brackets inside strings. Stops as soon as the limit is
 * passed, so a hostile file costs at most one linear scan. */
static gboolean
check_depth (const char *data,
             gsize       length,
             guint       max_depth,
             gsize      *out_offset)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  gsize next_quote = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          i = find_quote_or_backslash (data, length, i, &next_quote);
          if (i < length && data[i] == '\\')
            i++;
          else
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            {
              *out_offset = i;
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

/* json-glib 1.6 is lenient in ways that a damaged or hostile file can
 * reach, so the raw text is checked before json-glib sees it:
 *  - it silently wraps integers beyond 64 bits (99999999999999999999
 *    reads as -1, 18446744073709551617 as 1);
 *  - it turns an unpaired UTF-16 surrogate ("\ud83d"), a short "\u"
 *    escape ("\ud83\d") or an octal escape ("\200") into invalid UTF-8,
 *    which the app would show and then save into a file it can no longer
 *    read (and a malformed surrogate pair leaks memory inside it);
 *  - it accepts several values in a row ("{…} {…}", "2 {…}", "$2{…}",
 *    "var x = {…}; {…}", "/" "*…" comments between them), keeps the last
 *    and leaks the others.
 * So a file must hold one object or array, in plain JSON (no comments, no
 * 'single quotes', only JSON's escapes), and nothing after it. */
typedef enum
{
  TEXT_OK,
  TEXT_NOT_OBJECT,
  TEXT_UNEXPECTED_CHARACTER,
  TEXT_NUMBER_TOO_LARGE,
  TEXT_LONE_SURROGATE,
  TEXT_BAD_ESCAPE,
  TEXT_NUL,
  TEXT_TRAILING_DATA,
} TextProblem;

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
read_hex4 (const char *data,
           gsize       length,
           gsize       start)
{
  int value = 0;

  if (start + 4 > length)
    return -1;

  for (gsize i = start; i < start + 4; i++)
    {
      int digit = g_ascii_xdigit_value (data[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Skips the string that starts at @i; returns the offset just past it,
 * or @length if it does not end (json-glib reports that). */
static gsize
skip_string (const char  *data,
             gsize        length,
             gsize        i,
             TextProblem *problem,
             gsize       *out_offset)
{
  gsize next_quote = 0;

  for (i++; i < length; i++)
    {
      int unit;

      i = find_quote_or_backslash (data, length, i, &next_quote);
      if (i >= length)
        break;
      if (data[i] == '"')
        return i + 1;
      if (data[i] != '\\')
        continue;

      if (i + 1 >= length)
        return length;

      if (data[i + 1] != 'u')
        {
          if (strchr ("\"\\/bfnrt", data[i + 1]) == NULL || data[i + 1] == '\0')
            {
              *problem = TEXT_BAD_ESCAPE;
              *out_offset = i;
              return length;
            }
          i++;
          continue;
        }

      unit = read_hex4 (data, length, i + 2);
      if (unit < 0)
        {
          *problem = TEXT_BAD_ESCAPE;
          *out_offset = i;
          return length;
        }

      /* json-glib would cut the text there ("Eve\u0000 Mallory" read as
       * "Eve"), silently changing it. */
      if (unit == 0)
        {
          *problem = TEXT_NUL;
          *out_offset = i;
          return length;
        }

      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          int low = i + 7 < length && data[i + 6] == '\\' && data[i + 7] == 'u'
                    ? read_hex4 (data, length, i + 8) : -1;

          if (low < 0xDC00 || low > 0xDFFF)
            {
              *problem = TEXT_LONE_SURROGATE;
              *out_offset = i;
              return length;
            }
          i += 11;
        }
      else if (unit >= 0xDC00 && unit <= 0xDFFF)
        {
          *problem = TEXT_LONE_SURROGATE;
          *out_offset = i;
          return length;
        }
      else
        i += 5;
    }

  return length;
}

/* Runs after check_depth(), so brackets nest at most UPSKILL_JSON_MAX_DEPTH
 * deep. Mismatched brackets are left for json-glib to report. */
static TextProblem
check_text (const char *data,
            gsize       length,
            gsize      *out_offset)
{
  TextProblem problem = TEXT_OK;
  char closers[UPSKILL_JSON_MAX_DEPTH + 1];
  guint depth = 0;
  gboolean value_ended = FALSE;
  gboolean well_formed = TRUE;
  gsize i = 0;

  /* json-glib skips a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  while (i < length)
    {
      char c = data[i];

      if (is_json_space (c))
        {
          i++;
          continue;
        }

      if (value_ended && well_formed)
        {
          *out_offset = i;
          return TEXT_TRAILING_DATA;
        }

      if (depth == 0 && !value_ended && c != '{' && c != '[')
        {
          *out_offset = i;
          return TEXT_NOT_OBJECT;
        }

      if (c == '"')
        {
          i = skip_string (data, length, i, &problem, out_offset);
          if (problem != TEXT_OK)
            return problem;
          continue;
        }

      if (c == '{' || c == '[')
        {
          if (depth < G_N_ELEMENTS (closers))
            closers[depth] = c == '{' ? '}' : ']';
          depth++;
        }
      else if (c == '}' || c == ']')
        {
          if (depth == 0 || depth > G_N_ELEMENTS (closers) || closers[depth - 1] != c)
            well_formed = FALSE;
          if (depth > 0 && --depth == 0)
            value_ended = TRUE;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize end = i + 1;
          gboolean integer = TRUE;

          while (end < length &&
                 (g_ascii_isalnum (data[end]) || data[end] == '.' ||
                  data[end] == '+' || data[end] == '-'))
            {
              if (!g_ascii_isdigit (data[end]))
                integer = FALSE;
              end++;
            }

          if (integer && end - i > 18)
            {
              g_autofree char *token = g_strndup (data + i, end - i);

              if (!g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, NULL, NULL))
                {
                  *out_offset = i;
                  return TEXT_NUMBER_TOO_LARGE;
                }
            }
          i = end;
          continue;
        }
      else if (c != ',' && c != ':' && !g_ascii_isalpha (c))
        {
          /* Comments, 'single quotes', "$1f" hex numbers, … */
          *out_offset = i;
          return TEXT_UNEXPECTED_CHARACTER;
        }

      i++;
    }

  return TEXT_OK;
}

static void
line_and_column (const char *data,
                 gsize       offset,
                 guint      *out_line,
                 guint      *out_column)
{
  guint line = 1;
  guint column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }

  *out_line = line;
  *out_column = column;
}

/* Sets @error to “Could not read NAME: line L, column C: PROBLEM” for the
 * byte at @offset in @data. */
static void
set_error_at (GError       **error,
              UpskillError   code,
              const char    *display_name,
              const char    *data,
              gsize          offset,
              const char    *problem)
{
  guint line, column;

  line_and_column (data, offset, &line, &column);
  g_set_error (error, UPSKILL_ERROR, code,
               _("Could not read “%s”: line %u, column %u: %s"),
               display_name, line, column, problem);
}

/* Runs check_text() and turns what it finds into an error naming the
 * line, the column and the problem in words. */
static gboolean
check_text_error (const char  *data,
                  gsize        length,
                  const char  *display_name,
                  GError     **error)
{
  g_autofree char *unexpected = NULL;
  const char *problem = NULL;
  UpskillError code = UPSKILL_ERROR_NOT_JSON;
  gsize offset = 0;

  switch (check_text (data, length, &offset))
    {
    case TEXT_OK:
      return TRUE;
    case TEXT_NOT_OBJECT:
      code = UPSKILL_ERROR_WRONG_FORMAT;
      problem = _("expected an object at the top level, starting with “{”");
      break;
    case TEXT_UNEXPECTED_CHARACTER:
      {
        const char *next = g_utf8_next_char (data + offset);

        unexpected = g_strdup_printf (_("unexpected “%.*s” (this is not plain JSON)"),
                                      (int) (next - (data + offset)), data + offset);
        problem = unexpected;
      }
      break;
    case TEXT_NUMBER_TOO_LARGE:
      code = UPSKILL_ERROR_INVALID_DATA;
      problem = _("the number is too large");
      break;
    case TEXT_LONE_SURROGATE:
      problem = _("a “\\u” escape holds half of a character (an unpaired surrogate)");
      break;
    case TEXT_BAD_ESCAPE:
      problem = _("not a valid escape (JSON allows \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u with four hex digits)");
      break;
    case TEXT_NUL:
      code = UPSKILL_ERROR_INVALID_DATA;
      problem = _("a text holds a NUL character (\\u0000), which Upskill cannot keep");
      break;
    case TEXT_TRAILING_DATA:
      problem = _("unexpected text after the end of the data");
      break;
    default:
      g_assert_not_reached ();
    }

  set_error_at (error, code, display_name, data, offset, problem);
  return FALSE;
}

/* The length of the plain ASCII start of @data, without NUL: eight
 * bytes at a time, where g_utf8_validate_len() takes them one by one.
 * Profiles are mostly ASCII. */
static gsize
ascii_prefix_length (const char *data,
                     gsize       length)
{
  const guint64 high_bits = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 low_bits = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize i = 0;

  for (; i + sizeof (guint64) <= length; i += sizeof (guint64))
    {
      guint64 word;

      memcpy (&word, data + i, sizeof word);
      /* A byte of 0x80 or more, or a NUL byte. */
      if ((word & high_bits) != 0 || ((word - low_bits) & ~word & high_bits) != 0)
        break;
    }

  while (i < length && data[i] != '\0' && (guchar) data[i] < 0x80)
    i++;

  return i;
}

/* g_utf8_validate_len(), past the ASCII start that needs no decoding. */
static gboolean
text_is_utf8 (const char *data,
              gsize       length)
{
  gsize ascii = ascii_prefix_length (data, length);

  return ascii == length || g_utf8_validate_len (data + ascii, length - ascii, NULL);
}

JsonNode *
upskill_json_parse_bytes (GBytes      *bytes,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  const char *data;
  gsize length;
  gsize offset = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length > UPSKILL_JSON_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (UPSKILL_JSON_MAX_SIZE);

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                   _("Could not read “%s”: the file is %s, larger than the limit of %s"),
                   display_name, size, limit);
      return NULL;
    }

  if (length == 0)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_JSON,
                   _("Could not read “%s”: the file is empty"), display_name);
      return NULL;
    }

  if (!text_is_utf8 (data, length))
    {
      const char *end = NULL;

      g_utf8_validate_len (data, length, &end);
      set_error_at (error, UPSKILL_ERROR_NOT_JSON, display_name, data, end - data,
                    _("the text is not valid UTF-8"));
      return NULL;
    }

  /* Plain JSON, the common case, is read at once: the quick reader
   * gives up on everything the checks below would refuse. */
  root = upskill_json_parse_fast (data, length);
  if (root != NULL)
    return root;

  if (!check_depth (data, length, UPSKILL_JSON_MAX_DEPTH, &offset))
    {
      g_autofree char *problem = g_strdup_printf (_("nested deeper than %u levels"),
                                                  UPSKILL_JSON_MAX_DEPTH);

      set_error_at (error, UPSKILL_ERROR_TOO_DEEP, display_name, data, offset, problem);
      return NULL;
    }

  if (!check_text_error (data, length, display_name, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib prefixes its messages with "<data>:LINE:COL: Parse error: ". */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_JSON,
                   _("Could not read “%s”: %s"), display_name, message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_JSON,
                   _("Could not read “%s”: the file holds no data"), display_name);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/* Reads at most @max_length bytes of the file open at @fd, which is
 * @size_hint bytes long as far as fstat() knows: read into a buffer of
 * that size (and one byte more, to see the end), it is neither copied
 * nor grown unless it grows meanwhile. */
static GBytes *
read_fd (int            fd,
         gsize          size_hint,
         gsize          max_length,
         GCancellable  *cancellable,
         GError       **error)
{
  gsize allocated = MAX (MIN (size_hint, max_length - 1) + 1, 4096);
  g_autofree char *data = g_malloc (allocated);
  gsize length = 0;

  while (length < max_length)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (length == allocated)
        {
          allocated = MIN (MAX (allocated * 2, 64 * 1024), max_length);
          data = g_realloc (data, allocated);
        }

      n = read (fd, data + length, MIN (allocated, max_length) - length);
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/* Only a regular file is read: opening a FIFO (or a link to one) would
 * wait for a writer forever, and a device could feed data without end.
 * O_NONBLOCK lets the open return, fstat() then tells what it is. */
static GBytes *
read_regular_file (GFile         *file,
                   const char    *name,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;
  struct stat st;
  int fd;

  if (path == NULL)
    {
      g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, &local_error);

      if (stream == NULL)
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                       _("Could not read “%s”: %s"), name, local_error->message);
          return NULL;
        }

      bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), UPSKILL_JSON_MAX_SIZE + 1,
                                         cancellable, &local_error);
      if (bytes == NULL)
        g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                     _("Could not read “%s”: %s"), name, local_error->message);
      return bytes;
    }

  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not read “%s”: %s"), name, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      gboolean is_folder = S_ISDIR (st.st_mode);

      close (fd);
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   is_folder
                   ? _("Could not read “%s”: it is a folder, not a file")
                   : _("Could not read “%s”: it is not a regular file (a pipe or a device, say)"),
                   name);
      return NULL;
    }

  /* Read one byte past the cap so that an oversized file is recognised
   * without loading all of it. */
  bytes = read_fd (fd, (gsize) st.st_size, UPSKILL_JSON_MAX_SIZE + 1, cancellable, &local_error);
  close (fd);
  if (bytes == NULL)
    g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                 _("Could not read “%s”: %s"), name, local_error->message);

  return bytes;
}

JsonNode *
upskill_json_parse_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = upskill_json_read_file (file, cancellable, error);
  g_autofree char *name = NULL;

  if (bytes == NULL)
    return NULL;

  name = upskill_file_dup_display_name (file);
  return upskill_json_parse_bytes (bytes, name, error);
}

GBytes *
upskill_json_read_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = upskill_file_dup_display_name (file);

  bytes = read_regular_file (file, name, cancellable, error);
  if (bytes == NULL)
    return NULL;

  if (g_bytes_get_size (bytes) > UPSKILL_JSON_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (UPSKILL_JSON_MAX_SIZE);

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                   _("Could not read “%s”: the file is larger than the limit of %s"),
                   name, limit);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

JsonObject *
upskill_json_check_header (JsonNode    *root,
                           const char  *display_name,
                           const char  *format,
                           gint64       max_version,
                           gint64      *out_version,
                           GError     **error)
{
  JsonObject *object;
  JsonNode *node;
  const char *found_format;
  gint64 version;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_WRONG_FORMAT,
                   _("Could not read “%s”: expected an object at the top level"),
                   display_name);
      return NULL;
    }

  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  found_format = node && JSON_NODE_HOLDS_VALUE (node) &&
                 json_node_get_value_type (node) == G_TYPE_STRING
                 ? json_node_get_string (node) : NULL;
  if (g_strcmp0 (found_format, format) != 0)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_WRONG_FORMAT,
                   _("Could not read “%s”: this is not an Upskill file of the expected kind (format “%s” expected)"),
                   display_name, format);
      return NULL;
    }

  node = json_object_get_member (object, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_WRONG_FORMAT,
                   _("Could not read “%s”: version: expected a whole number"),
                   display_name);
      return NULL;
    }

  version = json_node_get_int (node);
  if (version < 1)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_WRONG_FORMAT,
                   _("Could not read “%s”: version %" PRId64 " is not valid"),
                   display_name, version);
      return NULL;
    }

  if (version > max_version)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_FUTURE_VERSION,
                   _("Could not read “%s”: it was written by a newer version of Upskill (format version %" PRId64 ", this version reads up to %" PRId64 "). Update Upskill to open it."),
                   display_name, version, max_version);
      return NULL;
    }

  if (out_version)
    *out_version = version;

  return object;
}

static JsonNode *
get_member (JsonObject  *object,
            const char  *member,
            gboolean     required,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && required)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “%s” is missing"), where, member);
      return NULL;
    }

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static void
set_type_error (GError     **error,
                const char  *where,
                const char  *member,
                const char  *expected)
{
  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
               /* Translators: the last %s is e.g. "a number" */
               _("%s: “%s”: expected %s"), where, member, expected);
}

static gboolean
holds_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
holds_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
holds_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
holds_array (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node);
}

static gboolean
holds_object (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node);
}

/* Sets *@out_node to @member's node if @holds it, or to NULL if it is
 * missing (or null) and not @required. Otherwise fails, with @expected
 * (untranslated, marked with N_()) naming what it should hold. */
static gboolean
get_typed_member (JsonObject   *object,
                  const char   *member,
                  gboolean      required,
                  gboolean    (*holds) (JsonNode *node),
                  const char   *expected,
                  const char   *where,
                  JsonNode    **out_node,
                  GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = get_member (object, member, required, where, &local_error);

  *out_node = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (node != NULL && !holds (node))
    {
      set_type_error (error, where, member, _(expected));
      return FALSE;
    }

  *out_node = node;
  return TRUE;
}

gboolean
upskill_json_get_string (JsonObject  *object,
                         const char  *member,
                         gboolean     required,
                         const char  *where,
                         const char **out_value,
                         GError     **error)
{
  JsonNode *node;
  gboolean ok;

  ok = get_typed_member (object, member, required, holds_string, N_("text"), where, &node, error);
  *out_value = node != NULL ? json_node_get_string (node) : NULL;
  return ok;
}

gboolean
upskill_json_get_int (JsonObject  *object,
                      const char  *member,
                      gboolean     required,
                      gint64       min,
                      gint64       max,
                      const char  *where,
                      gint64      *out_value,
                      GError     **error)
{
  JsonNode *node;
  gint64 value;

  if (!get_typed_member (object, member, required, holds_int, N_("a whole number"), where, &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “%s”: %" PRId64 " is out of range (%" PRId64 " to %" PRId64 ")"),
                   where, member, value, min, max);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

gboolean
upskill_json_get_double (JsonObject  *object,
                         const char  *member,
                         gboolean     required,
                         double       min,
                         double       max,
                         const char  *where,
                         double      *out_value,
                         GError     **error)
{
  JsonNode *node;
  double value;

  if (!get_typed_member (object, member, required, holds_number, N_("a number"), where, &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  value = json_node_get_double (node);
  if (!(value >= min && value <= max))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “%s”: %g is out of range (%g to %g)"),
                   where, member, value, min, max);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

JsonArray *
upskill_json_get_array (JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        const char  *where,
                        GError     **error)
{
  JsonNode *node;

  if (!get_typed_member (object, member, required, holds_array, N_("a list"), where, &node, error) ||
      node == NULL)
    return NULL;

  return json_node_get_array (node);
}

JsonObject *
upskill_json_get_object (JsonObject  *object,
                         const char  *member,
                         gboolean     required,
                         const char  *where,
                         GError     **error)
{
  JsonNode *node;

  if (!get_typed_member (object, member, required, holds_object, N_("an object"), where, &node, error) ||
      node == NULL)
    return NULL;

  return json_node_get_object (node);
}

JsonObject *
upskill_json_array_get_object (JsonArray   *array,
                               guint        index,
                               const char  *where,
                               const char  *array_name,
                               GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “%s” item %u: expected an object"),
                   where, array_name, index + 1);
      return NULL;
    }

  return json_node_get_object (node);
}

/* Unlike the other readers, a null is no boolean, and a required one
 * that is missing is reported as the wrong type. */
gboolean
upskill_json_get_boolean (JsonObject  *object,
                          const char  *member,
                          gboolean     required,
                          const char  *where,
                          gboolean    *out_value,
                          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && !required)
    return TRUE;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “%s”: expected true or false"), where, member);
      return FALSE;
    }

  *out_value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
upskill_json_dup_string (JsonObject  *object,
                         const char  *member,
                         gboolean     required,
                         const char  *where,
                         char       **out_value,
                         GError     **error)
{
  const char *value = NULL;

  if (!upskill_json_get_string (object, member, required, where, &value, error))
    return FALSE;

  *out_value = g_strdup (value);
  return TRUE;
}

gboolean
upskill_json_dup_text (JsonObject  *object,
                       const char  *member,
                       gboolean     allow_empty,
                       const char  *where,
                       char       **out_text,
                       GError     **error)
{
  g_autofree char *text = NULL;

  if (!upskill_json_dup_string (object, member, TRUE, where, &text, error))
    return FALSE;

  if (!allow_empty && *text == '\0')
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “%s” is empty"), where, member);
      return FALSE;
    }

  *out_text = g_steal_pointer (&text);
  return TRUE;
}

gboolean
upskill_json_dup_translated_text (JsonObject  *object,
                                  const char  *member,
                                  gboolean     allow_empty,
                                  const char  *context,
                                  const char  *where,
                                  char       **out_text,
                                  GError     **error)
{
  g_autofree char *text = NULL;

  if (!upskill_json_dup_text (object, member, allow_empty, where, &text, error))
    return FALSE;

  *out_text = g_strdup (upskill_catalog_translate (context, text));
  return TRUE;
}

/* Reads the form every file written here uses, "2026-05-01T10:00:00Z",
 * to what GDateTime gives for it, without a GDateTime: the histories of a
 * thousand profiles hold a great many. Any other form (offsets, fractions
 * of a second, a bare date, anything out of range) is left to GDateTime. */
static gboolean
parse_utc_time (const char *text,
                gint64     *out_unix)
{
  /* Where each number starts in the text, and its length. */
  static const guint8 starts[] = { 0, 5, 8, 11, 14, 17 };
  static const guint8 lengths[] = { 4, 2, 2, 2, 2, 2 };
  guint value[G_N_ELEMENTS (starts)] = { 0, };
  GDate date;

  if (strlen (text) != 20 ||
      text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    for (guint j = starts[i]; j < starts[i] + lengths[i]; j++)
      {
        if (!g_ascii_isdigit (text[j]))
          return FALSE;
        value[i] = value[i] * 10 + (text[j] - '0');
      }

  /* year, month, day, hours, minutes, seconds */
  if (value[0] < 1 || value[1] < 1 || value[1] > 12 || value[2] < 1 ||
      value[2] > g_date_get_days_in_month (value[1], value[0]) ||
      value[3] > 23 || value[4] > 59 || value[5] > 59)
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, value[2], value[1], value[0]);
  /* Day 1 is 1 January of the year 1; 1 January 1970 is day 719163. */
  *out_unix = ((gint64) g_date_get_julian (&date) - 719163) * 86400 +
              value[3] * 3600 + value[4] * 60 + value[5];
  return TRUE;
}

gboolean
upskill_json_get_time (JsonObject  *object,
                       const char  *member,
                       gboolean     required,
                       const char  *where,
                       gint64      *out_unix,
                       GError     **error)
{
  g_autoptr(GDateTime) time = NULL;
  const char *text = NULL;
  gint64 unix_time;

  if (!upskill_json_get_string (object, member, required, where, &text, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  if (parse_utc_time (text, &unix_time) && upskill_date_time_is_sane (unix_time))
    {
      *out_unix = unix_time;
      return TRUE;
    }

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    {
      /* A bare date ("2026-05-01") is accepted as midnight UTC. */
      int year, month, day;
      char end;

      if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 &&
          strlen (text) == 10 &&
          g_date_valid_dmy (day, month, year))
        time = g_date_time_new_utc (year, month, day, 0, 0, 0);
    }

  if (time == NULL)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “%s”: “%s” is not a date and time"), where, member, text);
      return FALSE;
    }

  /* Also catches offsets that carry a time past the year 9999 or before
   * the year 1 ("9999-12-31T23:00:00-05:00"), which GDateTime parses but
   * cannot give back. */
  if (!upskill_date_time_is_sane (g_date_time_to_unix (time)))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “%s”: “%s” is not between the years %d and %d"),
                   where, member, text, UPSKILL_DATE_MIN_YEAR, UPSKILL_DATE_MAX_YEAR);
      return FALSE;
    }

  *out_unix = g_date_time_to_unix (time);
  return TRUE;
}

char *
upskill_format_time_iso8601 (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  if (time == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");

  /* Four digits always: "%Y" prints the year 113 as "113", which is not
   * ISO 8601, so such a file would not load again. */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (time),
                          g_date_time_get_month (time),
                          g_date_time_get_day_of_month (time),
                          g_date_time_get_hour (time),
                          g_date_time_get_minute (time),
                          g_date_time_get_second (time));
}

void
upskill_json_builder_add_optional_string (JsonBuilder *builder,
                                          const char  *name,
                                          const char  *value)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (name != NULL);

  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}
