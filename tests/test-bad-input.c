/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bad-input corpus (tests/bad-input/): every file must be refused
 * with a GError that names the file and says what is wrong (the expected
 * words are listed in tests/bad-input/EXPECTED), the program keeps
 * running, and the file stays byte for byte as it was — also after the
 * store has listed it and refused to save a profile over it. Files too
 * big to commit (10 MB strings, multi-megabyte arrays) are made here. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "upskill-catalog.h"
#include "upskill-error.h"
#include "upskill-json.h"
#include "upskill-profile.h"
#include "upskill-store.h"
#include "upskill-test-utils.h"
#include "upskill-trends.h"

#define MIN_CORPUS_FILES 50

typedef struct
{
  char     *path;        /* "profile/truncated.json", relative to bad-input/ */
  char     *substring;   /* what the message must say */
  gboolean  store_only;  /* well-formed, refused only by the store */
  GBytes   *generated;   /* made at test time, or NULL: read from path */
} Expectation;

static GPtrArray *expectations;

static void
expectation_free (Expectation *expectation)
{
  g_free (expectation->path);
  g_free (expectation->substring);
  g_clear_pointer (&expectation->generated, g_bytes_unref);
  g_free (expectation);
}

static char *
corpus_path (const char *relative)
{
  return g_test_build_filename (G_TEST_DIST, "bad-input", relative, NULL);
}

static void
load_manifest (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = corpus_path ("EXPECTED");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Expectation *expectation;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) < 2 || g_strv_length (fields) > 3 ||
          (fields[2] != NULL && !g_str_equal (fields[2], "store-only")))
        g_error ("EXPECTED line %u: expected “file<TAB>substring[<TAB>store-only]”", i + 1);

      expectation = g_new0 (Expectation, 1);
      expectation->path = g_strdup (fields[0]);
      expectation->substring = g_strdup (fields[1]);
      expectation->store_only = fields[2] != NULL;
      g_ptr_array_add (expectations, expectation);
    }
}

static GBytes *
dup_contents (const Expectation *expectation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *contents;
  gsize length;

  if (expectation->generated != NULL)
    return g_bytes_ref (expectation->generated);

  path = corpus_path (expectation->path);
  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  return g_bytes_new_take (contents, length);
}

static void
assert_message (const GError *error,
                const char   *file_name,
                const char   *substring)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == UPSKILL_ERROR);
  if (strstr (error->message, file_name) == NULL ||
      strstr (error->message, substring) == NULL)
    g_error ("The message “%s” should name “%s” and say “%s”",
             error->message, file_name, substring);
}

static void
assert_file_unchanged (const char *path,
                       GBytes     *original)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("The bad file is gone: %s", error->message);

  g_assert_cmpmem (contents, length,
                   g_bytes_get_data (original, NULL), g_bytes_get_size (original));
}

static char *
make_store_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *profiles = NULL;
  char *data_dir = g_dir_make_tmp ("upskill-bad-input-XXXXXX", &error);

  g_assert_no_error (error);
  profiles = g_build_filename (data_dir, "profiles", NULL);
  g_assert_cmpint (g_mkdir (profiles, 0700), ==, 0);

  return data_dir;
}

static void
add_good_profile (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_build_filename (data_dir, "profiles", "dana-okafor.json", NULL);

  bytes = g_resources_lookup_data ("/com/example/Upskill/data/samples/dana-okafor.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* What the store does with the file, twice: with a fresh store, then
 * with another store that finds the index the first one wrote. */
static void
check_store_refuses (UpskillStore      *store,
                     const Expectation *expectation,
                     const char        *file_name,
                     const char        *id,
                     const char        *path,
                     GBytes            *original)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(UpskillProfile) loaded = NULL;
  g_autoptr(UpskillProfile) replacement = NULL;
  g_autoptr(GError) error = NULL;
  UpskillProfileSummary *summary;

  summaries = upskill_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 2);

  summary = upskill_test_find_summary (summaries, file_name);
  g_assert_nonnull (summary);
  g_assert_nonnull (summary->error);
  g_assert_null (summary->name);
  {
    GError summary_error = { UPSKILL_ERROR, 0, summary->error };

    assert_message (&summary_error, file_name, expectation->substring);
  }

  /* The good profile beside it is listed as usual. */
  summary = upskill_test_find_summary (summaries, "dana-okafor.json");
  g_assert_nonnull (summary);
  g_assert_null (summary->error);
  g_assert_cmpstr (summary->name, ==, "Dana Okafor");
  assert_file_unchanged (path, original);

  loaded = upskill_store_load (store, id, NULL, &error);
  g_assert_null (loaded);
  assert_message (error, file_name, expectation->substring);
  g_clear_error (&error);
  assert_file_unchanged (path, original);

  /* A new profile that would take the file's place is refused: the bad
   * file may hold the only copy of someone's work. */
  replacement = upskill_profile_new (id, "Someone Else");
  g_assert_false (upskill_store_save (store, replacement, NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, file_name));
  g_assert_nonnull (strstr (error->message, "left untouched"));
  g_clear_error (&error);
  assert_file_unchanged (path, original);
}

static void
test_profile_file (gconstpointer data)
{
  const Expectation *expectation = data;
  g_autoptr(GBytes) original = dup_contents (expectation);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autofree char *file_name = g_path_get_basename (expectation->path);
  g_autofree char *id = g_strndup (file_name, strlen (file_name) - strlen (".json"));
  g_autofree char *data_dir = make_store_dir ();
  g_autofree char *path = g_build_filename (data_dir, "profiles", file_name, NULL);
  g_autoptr(GFile) data_dir_file = g_file_new_for_path (data_dir);
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(UpskillStore) second_store = NULL;

  g_assert_true (upskill_profile_id_is_valid (id));

  /* The loader on its own. */
  profile = upskill_profile_new_from_bytes (original, file_name, &error);
  if (expectation->store_only)
    {
      g_assert_no_error (error);
      g_assert_nonnull (profile);
    }
  else
    {
      g_assert_null (profile);
      assert_message (error, file_name, expectation->substring);
    }
  g_clear_error (&error);
  g_clear_object (&profile);

  /* The same bytes as a profile file in a store, beside a good one. */
  g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), &error);
  g_assert_no_error (error);
  add_good_profile (data_dir);

  store = upskill_store_new (data_dir_file, upskill_catalog_get_default ());
  check_store_refuses (store, expectation, file_name, id, path, original);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* The multi-megabyte files are slow to parse under the sanitizers:
   * once through the store is enough for them. */
  if (expectation->generated != NULL)
    {
      assert_file_unchanged (path, original);
      upskill_test_remove_tree (data_dir, NULL);
      return;
    }

  second_store = upskill_store_new (data_dir_file, upskill_catalog_get_default ());
  check_store_refuses (second_store, expectation, file_name, id, path, original);
  g_assert_finalize_object (g_steal_pointer (&second_store));

  /* Importing it from elsewhere fails the same way and adds nothing. */
  if (!expectation->store_only)
    {
      g_autofree char *outside_dir = make_store_dir ();
      g_autofree char *outside_path = g_build_filename (outside_dir, file_name, NULL);
      g_autoptr(GFile) outside = g_file_new_for_path (outside_path);
      g_autoptr(GPtrArray) summaries = NULL;

      g_file_set_contents (outside_path, g_bytes_get_data (original, NULL),
                           g_bytes_get_size (original), &error);
      g_assert_no_error (error);

      store = upskill_store_new (data_dir_file, upskill_catalog_get_default ());
      profile = upskill_store_import (store, outside, UPSKILL_IMPORT_KEEP_BOTH, NULL, &error);
      g_assert_null (profile);
      assert_message (error, file_name, expectation->substring);
      g_clear_error (&error);
      assert_file_unchanged (outside_path, original);

      summaries = upskill_store_list (store, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (summaries->len, ==, 2);
      g_assert_finalize_object (g_steal_pointer (&store));
      upskill_test_remove_tree (outside_dir, NULL);
    }

  assert_file_unchanged (path, original);
  upskill_test_remove_tree (data_dir, NULL);
}

static void
test_trends_file (gconstpointer data)
{
  const Expectation *expectation = data;
  g_autoptr(GBytes) original = dup_contents (expectation);
  g_autoptr(UpskillTrends) trends = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = g_path_get_basename (expectation->path);
  g_autofree char *path = corpus_path (expectation->path);

  trends = upskill_trends_new_from_bytes (original, file_name,
                                          upskill_catalog_get_default (), &error);
  g_assert_null (trends);
  assert_message (error, file_name, expectation->substring);

  if (expectation->generated == NULL)
    assert_file_unchanged (path, original);

  /* Good data still loads afterwards. */
  trends = upskill_trends_new_bundled (upskill_catalog_get_default ());
  g_assert_cmpuint (upskill_trends_get_n_claims (trends), >, 0);
}

/* Every file of the corpus is in the manifest and the other way round. */
static void
test_manifest_complete (void)
{
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_files = 0;

  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *expectation = g_ptr_array_index (expectations, i);

      if (expectation->generated == NULL)
        {
          g_autofree char *path = corpus_path (expectation->path);

          g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
          g_hash_table_add (listed, expectation->path);
        }
    }

  for (guint k = 0; k < 2; k++)
    {
      const char *kind = k == 0 ? "profile" : "trends";
      g_autofree char *folder = corpus_path (kind);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *relative = g_build_filename (kind, name, NULL);

          if (!g_hash_table_contains (listed, relative))
            g_error ("%s is in the corpus but not in EXPECTED", relative);
          n_files++;
        }
    }

  g_assert_cmpuint (n_files, >=, MIN_CORPUS_FILES);
}

/* The program itself lists a store that holds every bad profile at once,
 * says why each could not be read, exits normally, and lists the good one. */
static void
test_program_lists_all (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = make_store_dir ();
  g_autoptr(GHashTable) originals = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                           g_free, (GDestroyNotify) g_bytes_unref);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_bad = 0;
  int status;
  const char *argv[] = { UPSKILL_BINARY, "--list-profiles", NULL };

  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *expectation = g_ptr_array_index (expectations, i);
      g_autofree char *file_name = g_path_get_basename (expectation->path);
      char *path;
      GBytes *bytes;

      if (!g_str_has_prefix (expectation->path, "profile/"))
        continue;

      bytes = dup_contents (expectation);
      /* Made-up files under the size cap take long to parse under the
       * sanitizers; the others stand for them here. */
      if (expectation->generated != NULL && g_bytes_get_size (bytes) <= UPSKILL_JSON_MAX_SIZE)
        {
          g_bytes_unref (bytes);
          continue;
        }

      path = g_build_filename (data_dir, "profiles", file_name, NULL);
      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      g_hash_table_insert (originals, path, bytes);
      n_bad++;
    }
  add_good_profile (data_dir);

  env = g_get_environ ();
  env = g_environ_setenv (env, "UPSKILL_DATA_DIR", data_dir, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("upskill --list-profiles failed (%s):\n%s", error->message, err);

  g_assert_nonnull (strstr (out, "dana-okafor\tDana Okafor\t"));
  g_assert_nonnull (strstr (err, "Could not read “not-utf8.json”"));
  g_assert_nonnull (strstr (err, "Could not read “deep-nesting-arrays.json”"));
  g_assert_cmpuint (n_bad, >=, 50);

  g_hash_table_iter_init (&iter, originals);
  while (g_hash_table_iter_next (&iter, &key, &value))
    assert_file_unchanged (key, value);

  upskill_test_remove_tree (data_dir, NULL);
}

static GBytes *
profile_with_member (const char *member_json)
{
  GString *text = g_string_new (NULL);

  g_string_append (text, "{\"format\": \"upskill-profile\", \"version\": 1, \"kind\": \"self\",\n"
                         " \"weekly_hours\": 5, \"created\": \"2026-01-05\", \"modified\": \"2026-01-05\",\n");
  g_string_append (text, member_json);
  g_string_append (text, "}\n");

  return g_string_free_to_bytes (text);
}

static GBytes *
profile_with_long_name (const char *id,
                        gsize       n_chars)
{
  g_autofree char *member = NULL;
  g_autofree char *name = g_malloc (n_chars + 1);

  memset (name, 'x', n_chars);
  name[n_chars] = '\0';
  member = g_strdup_printf ("\"id\": \"%s\", \"name\": \"%s\"", id, name);

  return profile_with_member (member);
}

static GBytes *
profile_with_huge_array (const char *id,
                         gsize       n_items)
{
  g_autoptr(GString) member = g_string_new (NULL);

  g_string_append_printf (member, "\"id\": \"%s\", \"name\": \"Huge\", \"history\": [", id);
  for (gsize i = 0; i < n_items; i++)
    g_string_append (member, i == 0 ? "1" : ",1");
  g_string_append (member, "]");

  return profile_with_member (member->str);
}

static GBytes *
trends_with_long_title (gsize n_chars)
{
  GString *text = g_string_new ("{\"format\": \"upskill-trends\", \"version\": 1, \"source\": {\"title\": \"");

  for (gsize i = 0; i < n_chars; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"}, \"sections\": [], \"claims\": []}\n");

  return g_string_free_to_bytes (text);
}

static void
add_generated (const char *path,
               const char *substring,
               GBytes     *bytes)
{
  Expectation *expectation = g_new0 (Expectation, 1);

  expectation->path = g_strdup (path);
  expectation->substring = g_strdup (substring);
  expectation->generated = bytes;
  g_ptr_array_add (expectations, expectation);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  expectations = g_ptr_array_new_with_free_func ((GDestroyNotify) expectation_free);
  load_manifest ();

  add_generated ("profile/generated-10mb-string.json", "larger than the limit",
                 profile_with_long_name ("generated-10mb-string", 10 * 1024 * 1024));
  add_generated ("profile/generated-3mb-name.json", "expected a name of 1 to 200 characters",
                 profile_with_long_name ("generated-3mb-name", 3 * 1024 * 1024));
  add_generated ("profile/generated-huge-array.json", "“history” item 1: expected an object",
                 profile_with_huge_array ("generated-huge-array", 256 * 1024));
  add_generated ("trends/generated-10mb-string.json", "larger than the limit",
                 trends_with_long_title (10 * 1024 * 1024));

  g_test_add_func ("/upskill/bad-input/manifest-complete", test_manifest_complete);
  g_test_add_func ("/upskill/bad-input/program-lists-all", test_program_lists_all);

  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *expectation = g_ptr_array_index (expectations, i);
      g_autofree char *test_path = g_strconcat ("/upskill/bad-input/", expectation->path, NULL);

      if (g_str_has_prefix (expectation->path, "profile/"))
        g_test_add_data_func (test_path, expectation, test_profile_file);
      else
        g_test_add_data_func (test_path, expectation, test_trends_file);
    }

  result = g_test_run ();

  g_ptr_array_unref (expectations);

  return result;
}
