/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upskill-catalog.h"
#include "upskill-error.h"
#include "upskill-file.h"
#include "upskill-json.h"
#include "upskill-practice.h"
#include "upskill-readiness.h"
#include "upskill-store.h"
#include "upskill-test-utils.h"

typedef UpskillTestStore Fixture;

static char *
profile_path (Fixture    *fixture,
              const char *file_name)
{
  return g_build_filename (fixture->profiles, file_name, NULL);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

static void
assert_message_has (const char *message,
                    const char *fragment)
{
  g_assert_nonnull (message);
  if (strstr (message, fragment) == NULL)
    g_error ("“%s” not found in the message “%s”", fragment, message);
}

static char *
profile_json (const char *id,
              const char *name,
              const char *modified)
{
  return g_strdup_printf ("{\n"
                          "  \"format\": \"upskill-profile\", \"version\": 1,\n"
                          "  \"id\": \"%s\", \"name\": \"%s\", \"kind\": \"client\",\n"
                          "  \"current_role\": \"Analyst\", \"target_role\": \"data-engineer\",\n"
                          "  \"weekly_hours\": 4,\n"
                          "  \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"%s\",\n"
                          "  \"skills\": {\"python-core\": {\"level\": 2}, \"sql\": {\"level\": 3}},\n"
                          "  \"history\": [], \"plan\": [], \"notes\": []\n"
                          "}\n",
                          id, name, modified);
}

static UpskillProfile *
make_profile (const char *id,
              const char *name,
              const char *modified)
{
  g_autofree char *json = profile_json (id, name, modified);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  UpskillProfile *profile;

  profile = upskill_profile_new_from_bytes (bytes, "test.json", &error);
  g_assert_no_error (error);

  return profile;
}

static GPtrArray *
list (UpskillStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *summaries;

  summaries = upskill_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summaries);

  return summaries;
}

static void
save (UpskillStore   *store,
      UpskillProfile *profile)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (upskill_store_save (store, profile, NULL, &error));
  g_assert_no_error (error);
}

/* Tests */

static void
test_default_dir (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("UPSKILL_DATA_DIR"));
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "upskill", NULL);
  g_autoptr(GFile) from_env = NULL;
  g_autoptr(GFile) fallback = NULL;
  g_autofree char *fallback_path = NULL;
  g_autofree char *env_path = NULL;

  g_setenv ("UPSKILL_DATA_DIR", "/nonexistent/upskill-test", TRUE);
  from_env = upskill_store_dup_default_dir ();
  env_path = g_file_get_path (from_env);
  g_assert_cmpstr (env_path, ==, "/nonexistent/upskill-test");

  g_unsetenv ("UPSKILL_DATA_DIR");
  fallback = upskill_store_dup_default_dir ();
  fallback_path = g_file_get_path (fallback);
  g_assert_cmpstr (fallback_path, ==, expected);

  if (saved != NULL)
    g_setenv ("UPSKILL_DATA_DIR", saved, TRUE);
}

static void
test_save_list_load (Fixture       *fixture,
                     gconstpointer  data)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillStore) store = upskill_store_new (fixture->data_dir, catalog);
  UpskillProfile *older = make_profile ("li-wei", "Li Wei", "2026-05-01T10:00:00Z");
  UpskillProfile *newer = make_profile ("dana-okafor", "Dana Okafor", "2026-06-01T10:00:00Z");
  UpskillProfile *loaded;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) loaded_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = profile_path (fixture, "dana-okafor.json");
  g_autoptr(GFile) file = NULL;
  g_autofree char *file_path = NULL;
  UpskillProfileSummary *summary;

  save (store, older);
  save (store, newer);

  /* The bytes on disk are the profile's serialization. */
  expected = upskill_profile_to_bytes (newer);
  on_disk = upskill_test_read_bytes (path);
  assert_bytes_equal (expected, on_disk);

  file = upskill_store_dup_profile_file (store, "dana-okafor");
  file_path = g_file_get_path (file);
  g_assert_cmpstr (file_path, ==, path);

  summaries = list (store);
  g_assert_cmpuint (summaries->len, ==, 2);

  /* Newest change first. */
  summary = g_ptr_array_index (summaries, 0);
  g_assert_cmpstr (summary->id, ==, "dana-okafor");
  g_assert_cmpstr (summary->file_name, ==, "dana-okafor.json");
  g_assert_cmpstr (summary->name, ==, "Dana Okafor");
  g_assert_cmpint (summary->kind, ==, UPSKILL_PROFILE_CLIENT);
  g_assert_cmpstr (summary->current_role, ==, "Analyst");
  g_assert_cmpstr (summary->target_role, ==, "data-engineer");
  g_assert_cmpint (summary->modified, ==, upskill_profile_get_modified (newer));
  g_assert_cmpfloat_with_epsilon (summary->readiness,
                                  upskill_compute_readiness (newer, catalog), 1e-9);
  g_assert_null (summary->error);
  summary = g_ptr_array_index (summaries, 1);
  g_assert_cmpstr (summary->id, ==, "li-wei");

  loaded = upskill_store_load (store, "dana-okafor", NULL, &error);
  g_assert_no_error (error);
  loaded_bytes = upskill_profile_to_bytes (loaded);
  assert_bytes_equal (expected, loaded_bytes);

  g_assert_finalize_object (loaded);
  g_assert_finalize_object (older);
  g_assert_finalize_object (newer);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_summary_copy (void)
{
  UpskillProfileSummary summary = {
    .id = (char *) "a", .file_name = (char *) "a.json", .name = (char *) "A",
    .kind = UPSKILL_PROFILE_CLIENT, .current_role = NULL, .target_role = (char *) "r",
    .readiness = 42.5, .modified = 7, .error = NULL,
  };
  g_autoptr(UpskillProfileSummary) copy = upskill_profile_summary_copy (&summary);

  g_assert_true (copy->id != summary.id);
  g_assert_cmpstr (copy->id, ==, "a");
  g_assert_cmpstr (copy->file_name, ==, "a.json");
  g_assert_cmpstr (copy->name, ==, "A");
  g_assert_cmpint (copy->kind, ==, UPSKILL_PROFILE_CLIENT);
  g_assert_null (copy->current_role);
  g_assert_cmpstr (copy->target_role, ==, "r");
  g_assert_cmpfloat (copy->readiness, ==, 42.5);
  g_assert_cmpint (copy->modified, ==, 7);
  g_assert_null (copy->error);
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  UpskillProfile *profile = make_profile ("dana", "Dana", "2026-05-01T10:00:00Z");
  g_autofree char *path = profile_path (fixture, "dana.json");
  g_autofree char *index_path = g_strdup (upskill_store_get_index_path (fixture->store));
  g_autoptr(GPtrArray) summaries = NULL;
  struct stat st;
  mode_t old_umask;

  /* A folder that exists already with loose rights is made private. */
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (chmod (fixture->dir, 0755), ==, 0);

  /* Whatever the umask says. */
  old_umask = umask (0);
  save (fixture->store, profile);
  umask (old_umask);

  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (stat (fixture->profiles, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
  g_assert_cmpint (stat (fixture->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);

  summaries = list (fixture->store);
  g_assert_cmpint (stat (index_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  g_assert_finalize_object (profile);
}

static void
test_list_bad_entries (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *bad_files[] = { "corrupt.json", "mismatch.json", "Bad Name.json" };
  UpskillProfile *good = make_profile ("good", "Good Person", "2026-05-01T10:00:00Z");
  UpskillProfile *loaded;
  UpskillProfile *corrupt;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) summaries_again = NULL;
  g_autoptr(GPtrArray) summaries_after_delete = NULL;
  GBytes *before[G_N_ELEMENTS (bad_files)] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *mismatch = profile_json ("someone-else", "Someone Else", "2026-05-01T10:00:00Z");
  g_autofree char *bad_name = profile_json ("bad-name", "Bad Name", "2026-05-01T10:00:00Z");
  g_autofree char *folder = profile_path (fixture, "folder.json");
  g_autofree char *dangling = profile_path (fixture, "dangling.json");
  g_autofree char *loop = profile_path (fixture, "loop.json");
  g_autofree char *corrupt_path = profile_path (fixture, "corrupt.json");
  g_autofree char *mismatch_path = profile_path (fixture, "mismatch.json");
  g_autofree char *bad_name_path = profile_path (fixture, "Bad Name.json");
  g_autofree char *hidden = profile_path (fixture, ".hidden.json");
  g_autofree char *temporary = profile_path (fixture, ".good.json.upskill-tmp-Xa12b3");
  g_autofree char *old_temporary = profile_path (fixture, ".good.json.upskill-tmp-Ab12c3");
  g_autofree char *user_backup = profile_path (fixture, ".good.json.backup");
  struct timespec long_ago[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
  g_autofree char *text = profile_path (fixture, "readme.txt");
  UpskillProfileSummary *summary;

  save (fixture->store, good);

  write_file (corrupt_path, "{\"format\": \"upskill-profile\", \"version\": 1, \"id\": ", -1);
  write_file (mismatch_path, mismatch, -1);
  write_file (bad_name_path, bad_name, -1);
  write_file (hidden, "{}", -1);
  write_file (temporary, "{}", -1);
  write_file (old_temporary, "{}", -1);
  write_file (user_backup, "{}", -1);
  g_assert_cmpint (utimensat (AT_FDCWD, old_temporary, long_ago, 0), ==, 0);
  g_assert_cmpint (utimensat (AT_FDCWD, user_backup, long_ago, 0), ==, 0);
  write_file (text, "hello", -1);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink ("nowhere.json", dangling), ==, 0);
  g_assert_cmpint (symlink ("loop.json", loop), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = profile_path (fixture, bad_files[i]);

      before[i] = upskill_test_read_bytes (path);
    }

  summaries = list (fixture->store);
  g_assert_cmpuint (summaries->len, ==, 7);

  /* A temporary file left by a crash an hour ago is cleared away; a fresh
   * one may belong to a writer at work, and other files are not ours. */
  g_assert_false (g_file_test (old_temporary, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (temporary, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (user_backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (hidden, G_FILE_TEST_EXISTS));

  summary = upskill_test_find_summary (summaries, "good.json");
  g_assert_cmpstr (summary->name, ==, "Good Person");
  g_assert_null (summary->error);

  summary = upskill_test_find_summary (summaries, "corrupt.json");
  g_assert_cmpstr (summary->id, ==, "corrupt");
  g_assert_null (summary->name);
  assert_message_has (summary->error, "Could not read “corrupt.json”");

  summary = upskill_test_find_summary (summaries, "mismatch.json");
  g_assert_null (summary->name);
  assert_message_has (summary->error, "“mismatch.json”: it holds the profile “someone-else”");

  summary = upskill_test_find_summary (summaries, "Bad Name.json");
  g_assert_null (summary->name);
  assert_message_has (summary->error, "“Bad Name.json”: the file name is not a profile id");

  summary = upskill_test_find_summary (summaries, "folder.json");
  g_assert_null (summary->name);
  assert_message_has (summary->error, "“folder.json”: it is a folder");

  summary = upskill_test_find_summary (summaries, "dangling.json");
  g_assert_null (summary->name);
  assert_message_has (summary->error, "“dangling.json”: it is a link to a file that does not exist");

  summary = upskill_test_find_summary (summaries, "loop.json");
  g_assert_null (summary->name);
  assert_message_has (summary->error, "“loop.json”: ");
  assert_message_has (summary->error, g_strerror (ELOOP));

  /* The good one still loads, the bad ones give the same reasons. */
  loaded = upskill_store_load (fixture->store, "good", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_name (loaded), ==, "Good Person");
  g_assert_finalize_object (loaded);

  g_assert_null (upskill_store_load (fixture->store, "corrupt", NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_JSON);
  assert_message_has (error->message, "Could not read “corrupt.json”");
  g_clear_error (&error);

  g_assert_null (upskill_store_load (fixture->store, "mismatch", NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_null (upskill_store_load (fixture->store, "folder", NULL, &error));
  assert_message_has (error->message, "“folder.json”: it is a folder");
  g_clear_error (&error);

  g_assert_null (upskill_store_load (fixture->store, "loop", NULL, &error));
  assert_message_has (error->message, "“loop.json”");
  g_clear_error (&error);

  /* Saving over the broken ones is refused. */
  corrupt = make_profile ("corrupt", "Would Overwrite", "2026-05-01T10:00:00Z");
  g_assert_false (upskill_store_save (fixture->store, corrupt, NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO);
  assert_message_has (error->message, "Could not save “corrupt.json”: the file already there could not be read");
  g_clear_error (&error);
  g_assert_finalize_object (corrupt);

  /* A second listing, from the index, says the same. */
  summaries_again = list (fixture->store);
  g_assert_cmpuint (summaries_again->len, ==, 7);
  summary = upskill_test_find_summary (summaries_again, "corrupt.json");
  assert_message_has (summary->error, "Could not read “corrupt.json”");

  /* Nothing was written to the files that could not be read. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = profile_path (fixture, bad_files[i]);
      g_autoptr(GBytes) after = upskill_test_read_bytes (path);

      assert_bytes_equal (before[i], after);
    }
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (loop, G_FILE_TEST_IS_SYMLINK));

  /* What is listed can be deleted, even under a name that is no id. */
  g_assert_true (upskill_store_delete (fixture->store, "Bad Name", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (upskill_store_delete (fixture->store, "dangling", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (bad_name_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  {
    g_autoptr(GFile) file = upskill_store_dup_profile_file (fixture->store, "Bad Name");
    g_autofree char *file_path = g_file_get_path (file);

    g_assert_cmpstr (file_path, ==, bad_name_path);
  }
  summaries_after_delete = list (fixture->store);
  g_assert_cmpuint (summaries_after_delete->len, ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    g_clear_pointer (&before[i], g_bytes_unref);
  g_assert_finalize_object (good);
}

static void
test_refuse_overwrite_unreadable (Fixture       *fixture,
                                  gconstpointer  data)
{
  UpskillProfile *profile = make_profile ("dana", "Dana", "2026-05-01T10:00:00Z");
  UpskillProfile *other = make_profile ("other", "Other", "2026-05-01T10:00:00Z");
  g_autofree char *path = profile_path (fixture, "dana.json");
  g_autofree char *other_path = profile_path (fixture, "other.json");
  g_autofree char *valid = profile_json ("dana", "Dana Fixed", "2026-05-01T10:00:00Z");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autofree char *future = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->profiles, 0700), ==, 0);

  /* Never seen by this store: the file is read before it is replaced. */
  write_file (path, "this is not JSON", -1);
  before = upskill_test_read_bytes (path);
  g_assert_false (upskill_store_save (fixture->store, profile, NULL, &error));
  assert_message_has (error->message, "Could not save “dana.json”: the file already there could not be read, so it is left untouched.");
  assert_message_has (error->message, "Could not read “dana.json”");
  g_clear_error (&error);
  after = upskill_test_read_bytes (path);
  assert_bytes_equal (before, after);
  g_clear_pointer (&after, g_bytes_unref);

  /* Known broken after a listing: still refused. */
  summaries = list (fixture->store);
  g_assert_false (upskill_store_save (fixture->store, profile, NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO);
  g_clear_error (&error);
  after = upskill_test_read_bytes (path);
  assert_bytes_equal (before, after);
  g_clear_pointer (&after, g_bytes_unref);

  /* A file from a newer Upskill is not ours to replace either. */
  future = profile_json ("other", "Other", "2026-05-01T10:00:00Z");
  {
    g_autofree char *newer = g_strdup (future);
    char *version = strstr (newer, "\"version\": 1");

    version[strlen ("\"version\": ")] = '2';
    write_file (other_path, newer, -1);
  }
  g_assert_false (upskill_store_save (fixture->store, other, NULL, &error));
  assert_message_has (error->message, "newer version of Upskill");
  g_clear_error (&error);

  /* Once the user repairs the file, saving works again. */
  write_file (path, valid, -1);
  save (fixture->store, profile);
  after = upskill_test_read_bytes (path);
  g_assert_nonnull (strstr (g_bytes_get_data (after, NULL), "\"name\":\"Dana\""));

  g_assert_finalize_object (profile);
  g_assert_finalize_object (other);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  UpskillProfile *profile = make_profile ("dana-okafor", "Dana Okafor", "2026-05-01T10:00:00Z");
  UpskillProfile *imported;
  g_autofree char *export_path = NULL;
  g_autofree char *bad_path = NULL;
  g_autoptr(GFile) export_file = NULL;
  g_autoptr(GFile) bad_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *base = g_path_get_dirname (fixture->dir);
  struct stat st;

  save (fixture->store, profile);

  export_path = g_build_filename (base, "Dana export.json", NULL);
  export_file = g_file_new_for_path (export_path);
  g_assert_true (upskill_store_export (fixture->store, profile, export_file, NULL, &error));
  g_assert_no_error (error);
  exported = upskill_test_read_bytes (export_path);
  expected = upskill_profile_to_bytes (profile);
  assert_bytes_equal (expected, exported);
  g_assert_cmpint (stat (export_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* The id is taken: a fresh one from the name. */
  imported = upskill_store_import (fixture->store, export_file, UPSKILL_IMPORT_KEEP_BOTH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_id (imported), ==, "dana-okafor-2");
  g_assert_cmpstr (upskill_profile_get_name (imported), ==, "Dana Okafor");
  g_assert_finalize_object (imported);

  imported = upskill_store_import (fixture->store, export_file, UPSKILL_IMPORT_KEEP_BOTH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_id (imported), ==, "dana-okafor-3");
  g_assert_finalize_object (imported);

  summaries = list (fixture->store);
  g_assert_cmpuint (summaries->len, ==, 3);
  g_assert_null (upskill_test_find_summary (summaries, "dana-okafor-2.json")->error);

  /* A bad file is refused with its name and nothing is added. */
  bad_path = g_build_filename (base, "broken export.json", NULL);
  write_file (bad_path, "{\"format\": \"upskill-profile\", \"version\": 1}", -1);
  bad_file = g_file_new_for_path (bad_path);
  g_assert_null (upskill_store_import (fixture->store, bad_file, UPSKILL_IMPORT_KEEP_BOTH, NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA);
  assert_message_has (error->message, "Could not read “broken export.json”: “id” is missing");
  g_clear_pointer (&summaries, g_ptr_array_unref);
  summaries = list (fixture->store);
  g_assert_cmpuint (summaries->len, ==, 3);

  g_assert_finalize_object (profile);
}

/* Importing a profile that is already here (exported from here, then
 * changed on both sides): refused unless told, replaced, or merged, over
 * the file as it is; never a silent second copy. */
static void
test_import_existing (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UpskillProfile) here = make_profile ("dana-okafor", "Dana Okafor", "2026-05-01T10:00:00Z");
  g_autoptr(UpskillProfile) there = NULL;
  g_autoptr(UpskillProfile) result = NULL;
  g_autoptr(UpskillProfile) stored = NULL;
  g_autoptr(GFile) export_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *base = g_path_get_dirname (fixture->dir);
  g_autofree char *export_path = g_build_filename (base, "Dana from the laptop.json", NULL);
  g_autofree char *stored_path = g_build_filename (fixture->dir, "profiles", "dana-okafor.json", NULL);
  GPtrArray *notes;

  save (fixture->store, here);

  /* The copy on another device gets a note of its own... */
  there = upskill_profile_copy (here);
  upskill_profile_add_note (there, 1780000000, "Agreed on the laptop: OWASP LLM Top 10 first");
  export_file = g_file_new_for_path (export_path);
  g_assert_true (upskill_store_export (fixture->store, there, export_file, NULL, &error));
  g_assert_no_error (error);

  /* ...and the one here another. */
  upskill_profile_add_note (here, 1780100000, "Written here: book the next session");
  save (fixture->store, here);
  before = upskill_test_read_bytes (stored_path);

  /* Refused: nothing written, and the message names the profile. */
  g_assert_null (upskill_store_import (fixture->store, export_file, UPSKILL_IMPORT_REFUSE, NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_EXISTS);
  assert_message_has (error->message, "“Dana Okafor” is already here");
  g_clear_error (&error);
  after = upskill_test_read_bytes (stored_path);
  assert_bytes_equal (before, after);
  g_clear_pointer (&after, g_bytes_unref);
  summaries = list (fixture->store);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_clear_pointer (&summaries, g_ptr_array_unref);

  /* Merged: one profile holding both notes. */
  result = upskill_store_import (fixture->store, export_file, UPSKILL_IMPORT_MERGE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_id (result), ==, "dana-okafor");
  stored = upskill_store_load (fixture->store, "dana-okafor", NULL, &error);
  g_assert_no_error (error);
  notes = upskill_profile_get_notes (stored);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (((UpskillNote *) g_ptr_array_index (notes, 0))->text, ==, "Agreed on the laptop: OWASP LLM Top 10 first");
  g_assert_cmpstr (((UpskillNote *) g_ptr_array_index (notes, 1))->text, ==, "Written here: book the next session");
  g_clear_object (&result);
  g_clear_object (&stored);

  /* Merging the same file again adds nothing. */
  result = upskill_store_import (fixture->store, export_file, UPSKILL_IMPORT_MERGE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upskill_profile_get_notes (result)->len, ==, 2);
  g_clear_object (&result);

  /* Replaced: the file's version, under the same id, still one file. */
  result = upskill_store_import (fixture->store, export_file, UPSKILL_IMPORT_REPLACE, NULL, &error);
  g_assert_no_error (error);
  stored = upskill_store_load (fixture->store, "dana-okafor", NULL, &error);
  g_assert_no_error (error);
  notes = upskill_profile_get_notes (stored);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (((UpskillNote *) g_ptr_array_index (notes, 0))->text, ==, "Agreed on the laptop: OWASP LLM Top 10 first");
  summaries = list (fixture->store);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_clear_pointer (&summaries, g_ptr_array_unref);
  g_clear_object (&result);

  /* Kept both: a second profile, asked for. */
  result = upskill_store_import (fixture->store, export_file, UPSKILL_IMPORT_KEEP_BOTH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_id (result), ==, "dana-okafor-2");
  summaries = list (fixture->store);
  g_assert_cmpuint (summaries->len, ==, 2);
}

static void
test_new_id (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *id;
  } cases[] = {
    { "Dana Okafor", "dana-okafor" },
    { "María José González", "maria-jose-gonzalez" },
    { "  --Hello,   World!! ", "hello-world" },
    { "R2-D2", "r2-d2" },
    { "", "profile" },
    { "!!!", "profile" },
    { "日本語", "profile" },
    { "Alexandria Wilhelmina Konstantinopoulou-Smithereens III", "alexandria-wilhelmina-konstantinopoulou" },
    { "abcdefghij abcdefghij abcdefghij abcdefgh ijk", "abcdefghij-abcdefghij-abcdefghij-abcdefg" },
    { "abcdefghij abcdefghij abcdefghij abcdefg hijk", "abcdefghij-abcdefghij-abcdefghij-abcdefg" },
  };
  g_autofree char *taken = profile_path (fixture, "dana-okafor.json");
  g_autofree char *taken_link = profile_path (fixture, "dana-okafor-2.json");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = upskill_store_new_id (fixture->store, cases[i].name, NULL);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_true (upskill_profile_id_is_valid (id));
      g_assert_cmpuint (strlen (id), <=, 40);
    }

  /* Anything by that name counts, even a dangling link. */
  g_assert_cmpint (g_mkdir_with_parents (fixture->profiles, 0700), ==, 0);
  write_file (taken, "x", -1);
  g_assert_cmpint (symlink ("nowhere", taken_link), ==, 0);
  {
    g_autofree char *id = upskill_store_new_id (fixture->store, "Dana Okafor", NULL);

    g_assert_cmpstr (id, ==, "dana-okafor-3");
  }
}

/* Only "does not exist" means an id is free: with the profiles folder
 * replaced by a file, or a data folder that cannot be entered, choosing
 * an id and importing stop at once with the reason (they used to try
 * "dana-2", "dana-3", … for ever). */
static void
test_new_id_unusable_folder (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = make_profile ("dana-okafor", "Dana Okafor", "2026-05-01T10:00:00Z");
  g_autofree char *base = g_path_get_dirname (fixture->dir);
  g_autofree char *import_path = g_build_filename (base, "dana.json", NULL);
  g_autoptr(GFile) import_file = g_file_new_for_path (import_path);
  g_autoptr(GBytes) bytes = upskill_profile_to_bytes (profile);
  const struct
  {
    const char *what;
    const char *reason;
  } cases[] = {
    { "profiles is a file", g_strerror (ENOTDIR) },
    { "data folder loops", g_strerror (ELOOP) },
  };

  write_file (import_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(UpskillProfile) imported = NULL;

      g_test_message ("%s", cases[i].what);
      upskill_test_remove_tree (fixture->dir, &error);
      g_assert_no_error (error);
      if (i == 0)
        {
          g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);
          write_file (fixture->profiles, "not a folder", -1);
        }
      else
        g_assert_cmpint (symlink ("data", fixture->dir), ==, 0);

      expected = g_strdup_printf ("Could not add a profile to the folder “%s”: %s",
                                  fixture->profiles, cases[i].reason);

      id = upskill_store_new_id (fixture->store, "Dana Okafor", &error);
      g_assert_null (id);
      g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);

      imported = upskill_store_import (fixture->store, import_file, UPSKILL_IMPORT_KEEP_BOTH, NULL, &error);
      g_assert_null (imported);
      g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);

      g_assert_false (upskill_store_add_samples (fixture->store, NULL, &error));
      g_assert_cmpstr (error->message, ==, expected);
    }

  /* Without root, a data folder the user may not enter. */
  if (geteuid () != 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;
      g_autofree char *expected = NULL;

      g_assert_cmpint (g_unlink (fixture->dir), ==, 0);
      g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);
      g_assert_cmpint (g_mkdir (fixture->profiles, 0700), ==, 0);
      g_assert_cmpint (chmod (fixture->dir, 0), ==, 0);
      expected = g_strdup_printf ("Could not add a profile to the folder “%s”: %s",
                                  fixture->profiles, g_strerror (EACCES));

      id = upskill_store_new_id (fixture->store, "Dana Okafor", &error);
      g_assert_null (id);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_cmpint (chmod (fixture->dir, 0700), ==, 0);
    }
}

/* File names are bytes, messages UTF-8: a name that is not valid UTF-8
 * is listed with a message that is, naming the file as GLib shows it. */
static void
test_non_utf8_file_name (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(UpskillProfile) good = make_profile ("good", "Good Person", "2026-05-01T10:00:00Z");
  g_autofree char *latin1 = profile_path (fixture, "caf\xe9.json");
  g_autofree char *latin1_broken = profile_path (fixture, "d\xe9j\xe0.json");
  g_autofree char *json = profile_json ("cafe", "Café", "2026-05-01T10:00:00Z");
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  UpskillProfileSummary *summary;

  save (fixture->store, good);
  write_file (latin1, json, -1);
  write_file (latin1_broken, "{ not json", -1);

  summaries = list (fixture->store);
  g_assert_cmpuint (summaries->len, ==, 3);

  summary = upskill_test_find_summary (summaries, "caf\xe9.json");
  g_assert_true (g_utf8_validate (summary->error, -1, NULL));
  g_assert_cmpstr (summary->error, ==,
                   "Could not read “caf\xef\xbf\xbd.json”: the file name is not a profile id "
                   "(up to 64 lowercase letters, digits and dashes)");

  summary = upskill_test_find_summary (summaries, "d\xe9j\xe0.json");
  g_assert_true (g_utf8_validate (summary->error, -1, NULL));
  assert_message_has (summary->error, "“d\xef\xbf\xbdj\xef\xbf\xbd.json”");

  /* It can be deleted from the list, by the name it has. */
  g_assert_true (upskill_store_delete (fixture->store, "caf\xe9", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (latin1, G_FILE_TEST_EXISTS));
  g_assert_false (upskill_store_delete (fixture->store, "caf\xe9", NULL, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  assert_message_has (error->message, "Could not delete “caf\xef\xbf\xbd.json”");
}

/* Interrupted writes leave temporary files; the next start removes those
 * whose writer is gone, in the profiles folder, beside the index and
 * where older versions kept it (the data folder), and leaves alone a
 * writer at work and everything that is not ours. */
static void
test_leftover_temporaries (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(UpskillProfile) good = make_profile ("good", "Good Person", "2026-05-01T10:00:00Z");
  g_autoptr(GBytes) good_before = NULL;
  g_autoptr(GBytes) good_after = NULL;
  g_autofree char *good_path = profile_path (fixture, "good.json");
  g_autofree char *dead = g_strdup_printf ("~syncthing~upskill-%d-good.json-a1B2c3.tmp", G_MAXINT - 1);
  g_autofree char *alive = g_strdup_printf ("~syncthing~upskill-%d-good.json-d4E5f6.tmp", (int) getpid ());
  g_autofree char *fresh_dead = g_strdup_printf ("~syncthing~upskill-%d-good.json-g7H8i9.tmp", G_MAXINT - 1);
  g_autofree char *index_dead = g_strdup_printf ("~syncthing~upskill-%d-index.json-j0K1l2.tmp", G_MAXINT - 1);
  const char *not_ours[] = { "~syncthing~other.tmp", "~syncthing~upskill-x-good.json-abcdef.tmp",
                             "notes.tmp", ".good.json.swp" };
  struct timespec minutes_ago[2] = { { 0, 0 }, { 0, 0 } };
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autofree char *dead_path = NULL;
  g_autofree char *alive_path = NULL;
  g_autofree char *fresh_dead_path = NULL;
  g_autofree char *index_dead_path = NULL;
  g_autofree char *index_folder = g_path_get_dirname (upskill_store_get_index_path (fixture->store));
  g_autofree char *cache_dead_path = g_build_filename (index_folder, index_dead, NULL);

  save (fixture->store, good);
  good_before = upskill_test_read_bytes (good_path);

  minutes_ago[0].tv_sec = minutes_ago[1].tv_sec = g_get_real_time () / G_USEC_PER_SEC - 5 * 60;
  dead_path = profile_path (fixture, dead);
  alive_path = profile_path (fixture, alive);
  fresh_dead_path = profile_path (fixture, fresh_dead);
  index_dead_path = g_build_filename (fixture->dir, index_dead, NULL);
  write_file (dead_path, "{", -1);
  write_file (alive_path, "{", -1);
  write_file (fresh_dead_path, "{", -1);
  write_file (index_dead_path, "{", -1);
  g_assert_cmpint (g_mkdir_with_parents (index_folder, 0700), ==, 0);
  write_file (cache_dead_path, "{", -1);
  g_assert_cmpint (utimensat (AT_FDCWD, cache_dead_path, minutes_ago, 0), ==, 0);
  g_assert_cmpint (utimensat (AT_FDCWD, dead_path, minutes_ago, 0), ==, 0);
  g_assert_cmpint (utimensat (AT_FDCWD, alive_path, minutes_ago, 0), ==, 0);
  g_assert_cmpint (utimensat (AT_FDCWD, index_dead_path, minutes_ago, 0), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (not_ours); i++)
    {
      g_autofree char *path = profile_path (fixture, not_ours[i]);

      write_file (path, "{", -1);
      g_assert_cmpint (utimensat (AT_FDCWD, path, minutes_ago, 0), ==, 0);
    }

  /* The next start. */
  store = upskill_store_new (fixture->data_dir, NULL);
  summaries = list (store);
  g_assert_cmpuint (summaries->len, ==, 1);

  g_assert_false (g_file_test (dead_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (index_dead_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (cache_dead_path, G_FILE_TEST_EXISTS));
  /* This process is at work; a writer may be in another PID namespace. */
  g_assert_true (g_file_test (alive_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh_dead_path, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (not_ours); i++)
    {
      g_autofree char *path = profile_path (fixture, not_ours[i]);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  good_after = upskill_test_read_bytes (good_path);
  assert_bytes_equal (good_before, good_after);
  g_clear_object (&store);
}

static void
test_stale_index (Fixture       *fixture,
                  gconstpointer  data)
{
  UpskillProfile *profile = make_profile ("dana", "Dana", "2026-05-01T10:00:00Z");
  g_autofree char *path = profile_path (fixture, "dana.json");
  g_autofree char *changed = profile_json ("dana", "Dana Changed Elsewhere", "2026-05-02T10:00:00Z");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(UpskillStore) other_store = NULL;
  g_autoptr(GPtrArray) third = NULL;

  save (fixture->store, profile);
  first = list (fixture->store);
  g_assert_cmpstr (upskill_test_find_summary (first, "dana.json")->name, ==, "Dana");

  /* Another program (or a sync tool) replaces the file. */
  write_file (path, changed, -1);

  second = list (fixture->store);
  g_assert_cmpstr (upskill_test_find_summary (second, "dana.json")->name, ==, "Dana Changed Elsewhere");

  /* A store in a new session, starting from index.json, sees it too. */
  other_store = upskill_store_new (fixture->data_dir, NULL);
  third = list (other_store);
  g_assert_cmpstr (upskill_test_find_summary (third, "dana.json")->name, ==, "Dana Changed Elsewhere");

  g_assert_finalize_object (g_steal_pointer (&other_store));
  g_assert_finalize_object (profile);
}

/* Proves the listing does not read the files while the index vouches for
 * them: content changed in place, size and modification time put back. */
static void
test_index_is_used (Fixture       *fixture,
                    gconstpointer  data)
{
  UpskillProfile *profile = make_profile ("dana", "Dana", "2026-05-01T10:00:00Z");
  g_autofree char *path = profile_path (fixture, "dana.json");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) cached = NULL;
  g_autoptr(GPtrArray) reread = NULL;
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(UpskillStore) store_after_touch = NULL;
  struct timespec times[2];
  struct stat st;
  char *garbage;
  int fd;

  save (fixture->store, profile);
  first = list (fixture->store);
  g_assert_cmpstr (upskill_test_find_summary (first, "dana.json")->name, ==, "Dana");

  g_assert_cmpint (stat (path, &st), ==, 0);
  garbage = g_strnfill (st.st_size, 'x');
  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, garbage, st.st_size), ==, st.st_size);
  g_assert_cmpint (close (fd), ==, 0);
  g_free (garbage);
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

  /* A new store, so the summary can only come from index.json. */
  store = upskill_store_new (fixture->data_dir, NULL);
  cached = list (store);
  g_assert_cmpstr (upskill_test_find_summary (cached, "dana.json")->name, ==, "Dana");
  g_assert_null (upskill_test_find_summary (cached, "dana.json")->error);

  /* Once the time moves, the file is read and found broken. */
  times[1].tv_sec += 10;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  store_after_touch = upskill_store_new (fixture->data_dir, NULL);
  reread = list (store_after_touch);
  g_assert_null (upskill_test_find_summary (reread, "dana.json")->name);
  assert_message_has (upskill_test_find_summary (reread, "dana.json")->error, "Could not read “dana.json”");

  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&store_after_touch));
  g_assert_finalize_object (profile);
}

static void
test_index_written_when_changed (Fixture       *fixture,
                                 gconstpointer  data)
{
  UpskillProfile *profile = make_profile ("dana", "Dana", "2026-05-01T10:00:00Z");
  g_autofree char *index_path = g_strdup (upskill_store_get_index_path (fixture->store));
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  struct stat before, after;

  save (fixture->store, profile);
  first = list (fixture->store);
  g_assert_cmpint (stat (index_path, &before), ==, 0);

  /* Nothing changed: the index is not rewritten (a rewrite is a new inode). */
  second = list (fixture->store);
  g_assert_cmpint (stat (index_path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);

  /* A deleted profile leaves the index too. */
  g_assert_true (upskill_store_delete (fixture->store, "dana", NULL, NULL));
  third = list (fixture->store);
  g_assert_cmpuint (third->len, ==, 0);
  g_assert_cmpint (stat (index_path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);

  g_assert_finalize_object (profile);
}

/* The index is this machine's cache, outside the data folder a sync tool
 * carries; the one older versions kept there is removed, not believed. */
static void
test_index_in_cache (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = make_profile ("dana", "Dana", "2026-05-01T10:00:00Z");
  g_autofree char *old_index = g_build_filename (fixture->dir, "index.json", NULL);
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "upskill", "indexes", NULL);
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autofree char *folder = NULL;

  save (fixture->store, profile);
  summaries = list (fixture->store);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_clear_pointer (&summaries, g_ptr_array_unref);

  folder = g_path_get_dirname (upskill_store_get_index_path (fixture->store));
  g_assert_cmpstr (folder, ==, cache);
  g_assert_true (g_file_test (upskill_store_get_index_path (fixture->store), G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (old_index, G_FILE_TEST_EXISTS));

  /* An older version's index, carried here from another device. */
  write_file (old_index,
              "{\"format\": \"upskill-index\", \"version\": 1, \"profiles\": "
              "{\"dana.json\": {\"name\": \"Someone Else\"}}}", -1);
  store = upskill_store_new (fixture->data_dir, NULL);
  summaries = list (store);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_assert_cmpstr (((UpskillProfileSummary *) g_ptr_array_index (summaries, 0))->name, ==, "Dana");
  g_assert_false (g_file_test (old_index, G_FILE_TEST_EXISTS));
}

static void
test_corrupt_index (Fixture       *fixture,
                    gconstpointer  data)
{
  UpskillProfile *profile = make_profile ("dana", "Dana", "2026-05-01T10:00:00Z");
  g_autofree char *index_path = g_strdup (upskill_store_get_index_path (fixture->store));
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GFile) index_file = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  static const char *corruptions[] = {
    "{\"format\": \"upskill-index\", \"version\": 1, \"generator\": \"x\", \"profiles\": ",
    "[]",
    "{\"format\": \"upskill-index\", \"version\": 99}",
    "",
  };

  save (fixture->store, profile);
  g_clear_pointer (&summaries, g_ptr_array_unref);
  summaries = list (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (corruptions); i++)
    {
      write_file (index_path, corruptions[i], -1);

      store = upskill_store_new (fixture->data_dir, NULL);
      g_clear_pointer (&summaries, g_ptr_array_unref);
      summaries = list (store);
      g_assert_cmpuint (summaries->len, ==, 1);
      g_assert_cmpstr (upskill_test_find_summary (summaries, "dana.json")->name, ==, "Dana");
      g_assert_finalize_object (g_steal_pointer (&store));

      /* Rebuilt. */
      index_file = g_file_new_for_path (index_path);
      root = upskill_json_parse_file (index_file, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (upskill_json_check_header (root, "index.json", "upskill-index", 1, NULL, &error));
      g_assert_no_error (error);
      g_clear_pointer (&root, json_node_unref);
      g_clear_object (&index_file);
    }

  g_assert_finalize_object (profile);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  UpskillProfile *profile = make_profile ("dana", "Dana", "2026-05-01T10:00:00Z");
  g_autofree char *path = profile_path (fixture, "dana.json");
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;

  save (fixture->store, profile);
  g_assert_true (upskill_store_delete (fixture->store, "dana", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  summaries = list (fixture->store);
  g_assert_cmpuint (summaries->len, ==, 0);

  g_assert_false (upskill_store_delete (fixture->store, "dana", NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND);
  assert_message_has (error->message, "“dana.json”");
  g_clear_error (&error);

  g_assert_false (upskill_store_delete (fixture->store, "../data", NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND);
  g_assert_true (g_file_test (fixture->profiles, G_FILE_TEST_IS_DIR));

  g_assert_finalize_object (profile);
}

static void
test_load_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outside = g_build_filename (fixture->dir, "outside.json", NULL);
  g_autofree char *json = profile_json ("outside", "Outside", "2026-05-01T10:00:00Z");

  g_assert_cmpint (g_mkdir_with_parents (fixture->profiles, 0700), ==, 0);
  write_file (outside, json, -1);

  /* An id is never a path. */
  g_assert_null (upskill_store_load (fixture->store, "../outside", NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (upskill_store_load (fixture->store, "missing", NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND);
  assert_message_has (error->message, "Could not read “missing.json”: the file does not exist");
}

static void
test_size_and_depth (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *huge_path = profile_path (fixture, "huge.json");
  g_autofree char *deep_path = profile_path (fixture, "deep.json");
  g_autofree char *base = g_path_get_dirname (fixture->dir);
  g_autofree char *import_path = g_build_filename (base, "deep-import.json", NULL);
  g_autofree char *json = profile_json ("huge", "Huge", "2026-05-01T10:00:00Z");
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GFile) import_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) huge_before = NULL;
  g_autoptr(GBytes) huge_after = NULL;
  char *huge;

  g_assert_cmpint (g_mkdir_with_parents (fixture->profiles, 0700), ==, 0);

  /* A valid profile padded to one byte over the limit. */
  huge = g_malloc (UPSKILL_JSON_MAX_SIZE + 1);
  memset (huge, ' ', UPSKILL_JSON_MAX_SIZE + 1);
  memcpy (huge, json, strlen (json));
  write_file (huge_path, huge, UPSKILL_JSON_MAX_SIZE + 1);
  g_free (huge);

  g_string_append (deep, "{\"format\": \"upskill-profile\", \"version\": 1, \"x\": ");
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}");
  write_file (deep_path, deep->str, deep->len);
  write_file (import_path, deep->str, deep->len);

  summaries = list (fixture->store);
  g_assert_cmpuint (summaries->len, ==, 2);
  assert_message_has (upskill_test_find_summary (summaries, "huge.json")->error, "Could not read “huge.json”: the file is larger than the limit");
  assert_message_has (upskill_test_find_summary (summaries, "deep.json")->error, "Could not read “deep.json”: line 1, column");
  assert_message_has (upskill_test_find_summary (summaries, "deep.json")->error, "nested deeper than 64 levels");

  g_assert_null (upskill_store_load (fixture->store, "huge", NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (upskill_store_load (fixture->store, "deep", NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_DEEP);
  g_clear_error (&error);

  import_file = g_file_new_for_path (import_path);
  g_assert_null (upskill_store_import (fixture->store, import_file, UPSKILL_IMPORT_KEEP_BOTH, NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_DEEP);
  assert_message_has (error->message, "“deep-import.json”");
  g_clear_error (&error);

  /* And an oversized file is not replaced by saving over it. */
  huge_before = upskill_test_read_bytes (huge_path);
  {
    UpskillProfile *profile = make_profile ("huge", "Huge", "2026-05-01T10:00:00Z");

    g_assert_false (upskill_store_save (fixture->store, profile, NULL, &error));
    g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO);
    g_clear_error (&error);
    g_assert_finalize_object (profile);
  }
  huge_after = upskill_test_read_bytes (huge_path);
  g_assert_true (g_bytes_equal (huge_before, huge_after));
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} AsyncData;

static void
on_ready (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncData *async = user_data;

  async->result = g_object_ref (result);
  g_main_loop_quit (async->loop);
}

static GAsyncResult *
wait_for_result (AsyncData *async)
{
  g_main_loop_run (async->loop);
  g_assert_nonnull (async->result);

  return g_steal_pointer (&async->result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  UpskillProfile *profile = make_profile ("dana", "Dana", "2026-05-01T10:00:00Z");
  UpskillProfile *loaded;
  g_autoptr(GBytes) expected = upskill_profile_to_bytes (profile);
  g_autoptr(GBytes) loaded_bytes = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncData async = { loop, NULL };

  /* The profile is serialized at call time: later edits are not saved. */
  upskill_store_save_async (fixture->store, profile, NULL, on_ready, &async);
  upskill_profile_set_name (profile, "Changed After The Call");
  result = wait_for_result (&async);
  g_assert_true (upskill_store_save_finish (fixture->store, result, &error));
  g_assert_no_error (error);
  upskill_test_release_task (&result);

  upskill_store_list_async (fixture->store, NULL, on_ready, &async);
  result = wait_for_result (&async);
  summaries = upskill_store_list_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_assert_cmpstr (upskill_test_find_summary (summaries, "dana.json")->name, ==, "Dana");
  upskill_test_release_task (&result);

  upskill_store_load_async (fixture->store, "dana", NULL, on_ready, &async);
  result = wait_for_result (&async);
  loaded = upskill_store_load_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  loaded_bytes = upskill_profile_to_bytes (loaded);
  assert_bytes_equal (expected, loaded_bytes);
  upskill_test_release_task (&result);
  g_assert_finalize_object (loaded);

  upskill_store_load_async (fixture->store, "missing", NULL, on_ready, &async);
  result = wait_for_result (&async);
  g_assert_null (upskill_store_load_finish (fixture->store, result, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  upskill_test_release_task (&result);

  g_cancellable_cancel (cancellable);
  upskill_store_save_async (fixture->store, profile, cancellable, on_ready, &async);
  result = wait_for_result (&async);
  g_assert_false (upskill_store_save_finish (fixture->store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  upskill_test_release_task (&result);

  g_assert_finalize_object (profile);
}

static void
test_write_failure (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *base = g_path_get_dirname (fixture->dir);
  g_autofree char *folder = g_build_filename (base, "exports", NULL);
  g_autofree char *blocker = g_build_filename (folder, "target.json", NULL);
  g_autofree char *inside = g_build_filename (blocker, "keep.txt", NULL);
  g_autofree char *existing = g_build_filename (folder, "existing.json", NULL);
  g_autofree char *missing = g_build_filename (base, "no", "such", "folder.json", NULL);
  g_autoptr(GFile) blocker_file = g_file_new_for_path (blocker);
  g_autoptr(GFile) existing_file = g_file_new_for_path (existing);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (64 * 1024, 'b');
  struct rlimit old_limit, small_limit;
  void (*old_handler) (int);

  g_assert_cmpint (g_mkdir_with_parents (blocker, 0700), ==, 0);
  write_file (inside, "keep", -1);

  /* Renaming over a folder fails: the folder stays, no temporary file. */
  contents = g_bytes_new_static ("{}", 2);
  g_assert_false (upskill_file_write_atomically (blocker_file, contents, UPSKILL_FILE_MODE_PRIVATE, NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO);
  assert_message_has (error->message, "Could not save “target.json”: ");
  g_clear_error (&error);
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (upskill_test_count_temporary_files (folder), ==, 0);

  g_assert_false (upskill_file_write_atomically (missing_file, contents, UPSKILL_FILE_MODE_PRIVATE, NULL, &error));
  assert_message_has (error->message, "Could not save “folder.json”: ");
  assert_message_has (error->message, g_strerror (ENOENT));
  g_clear_error (&error);

  /* Running out of room halfway (a file size limit stands in for a full
   * disk): the old content is untouched and the half file is gone. */
  write_file (existing, "old content", -1);
  before = upskill_test_read_bytes (existing);
  g_clear_pointer (&contents, g_bytes_unref);
  contents = g_bytes_new (big, strlen (big));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  small_limit = old_limit;
  small_limit.rlim_cur = 4096;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small_limit), ==, 0);
  g_assert_false (upskill_file_write_atomically (existing_file, contents, UPSKILL_FILE_MODE_PRIVATE, NULL, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO);
  assert_message_has (error->message, "Could not save “existing.json”: ");
  assert_message_has (error->message, g_strerror (EFBIG));
  after = upskill_test_read_bytes (existing);
  assert_bytes_equal (before, after);
  g_assert_cmpuint (upskill_test_count_temporary_files (folder), ==, 0);
  g_clear_pointer (&after, g_bytes_unref);

  /* And the same write goes through once there is room. */
  g_clear_error (&error);
  g_assert_true (upskill_file_write_atomically (existing_file, contents, UPSKILL_FILE_MODE_PRIVATE, NULL, &error));
  g_assert_no_error (error);
  after = upskill_test_read_bytes (existing);
  assert_bytes_equal (contents, after);
}

/* Looser modes left by an older copy or a sync tool are tightened on the
 * next save, silently; a folder its owner locked (0500, 0000) is never
 * opened up or written to, and the user is told why. */
static void
test_modes_tightened_never_loosened (Fixture       *fixture,
                                     gconstpointer  data)
{
  UpskillProfile *profile = make_profile ("dana", "Dana", "2026-05-01T10:00:00Z");
  g_autofree char *path = profile_path (fixture, "dana.json");
  g_autoptr(GError) error = NULL;
  static const mode_t locked_modes[] = { 0500, 0000, 0600 };
  struct stat st;

  save (fixture->store, profile);
  g_assert_cmpint (chmod (path, 0644), ==, 0);
  g_assert_cmpint (chmod (fixture->profiles, 0755), ==, 0);

  upskill_profile_set_name (profile, "Dana K");
  save (fixture->store, profile);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (stat (fixture->profiles, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);

  for (guint i = 0; i < G_N_ELEMENTS (locked_modes); i++)
    {
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;

      g_assert_cmpint (chmod (fixture->profiles, locked_modes[i]), ==, 0);
      before = upskill_test_read_bytes (path);

      upskill_profile_set_name (profile, i % 2 ? "Dana" : "Dana O");
      g_assert_false (upskill_store_save (fixture->store, profile, NULL, &error));
      g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO);
      assert_message_has (error->message, "is locked");
      assert_message_has (error->message, fixture->profiles);
      g_clear_error (&error);

      g_assert_cmpint (stat (fixture->profiles, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, locked_modes[i]);
      g_assert_cmpint (chmod (fixture->profiles, 0700), ==, 0);
      after = upskill_test_read_bytes (path);
      assert_bytes_equal (before, after);
      g_assert_cmpuint (upskill_test_count_temporary_files (fixture->profiles), ==, 0);
    }

  g_assert_finalize_object (profile);
}

/* A profile that is a symbolic link (into a synced folder, say) stays a
 * link: its target gets the new content. */
static void
test_symlinked_profile (Fixture       *fixture,
                        gconstpointer  data)
{
  UpskillProfile *profile = make_profile ("dana", "Dana", "2026-05-01T10:00:00Z");
  g_autofree char *path = profile_path (fixture, "dana.json");
  g_autofree char *base = g_path_get_dirname (fixture->dir);
  g_autofree char *elsewhere = g_build_filename (base, "synced", NULL);
  g_autofree char *target = g_build_filename (elsewhere, "dana.json", NULL);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) loaded = NULL;
  struct stat st;

  save (fixture->store, profile);
  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  g_assert_cmpint (rename (path, target), ==, 0);
  g_assert_cmpint (chmod (target, 0644), ==, 0);
  g_assert_cmpint (symlink (target, path), ==, 0);

  upskill_profile_set_name (profile, "Dana Okafor");
  save (fixture->store, profile);

  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  expected = upskill_profile_to_bytes (profile);
  written = upskill_test_read_bytes (target);
  assert_bytes_equal (expected, written);
  g_assert_cmpuint (upskill_test_count_temporary_files (elsewhere), ==, 0);
  g_assert_cmpuint (upskill_test_count_temporary_files (fixture->profiles), ==, 0);

  loaded = upskill_store_load (fixture->store, "dana", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_name (loaded), ==, "Dana Okafor");

  g_assert_finalize_object (profile);
}

static void
test_add_samples (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(GStrv) children = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n_samples = 0;

  children = upskill_test_list_samples ();
  if (children == NULL)
    return;
  n_samples = g_strv_length (children);

  g_assert_true (upskill_store_add_samples (fixture->store, NULL, &error));
  g_assert_no_error (error);
  summaries = list (fixture->store);
  g_assert_cmpuint (summaries->len, ==, n_samples);
  for (guint i = 0; i < summaries->len; i++)
    {
      UpskillProfileSummary *summary = g_ptr_array_index (summaries, i);

      g_assert_null (summary->error);
      g_assert_nonnull (summary->name);
    }

  /* Exploring the samples again adds no copies. */
  g_assert_true (upskill_store_add_samples (fixture->store, NULL, &error));
  again = list (fixture->store);
  g_assert_cmpuint (again->len, ==, n_samples);
}

/* Export, import, delete and the samples, on a worker thread. */
static void
test_async_files (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = make_profile ("dana", "Dana", "2026-05-01T10:00:00Z");
  g_autoptr(UpskillProfile) imported = NULL;
  g_autoptr(GBytes) expected = upskill_profile_to_bytes (profile);
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *base = g_path_get_dirname (fixture->dir);
  g_autofree char *export_path = g_build_filename (base, "Dana export.json", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autofree char *dana_path = profile_path (fixture, "dana.json");
  AsyncData async = { loop, NULL };

  save (fixture->store, profile);

  /* The profile is copied at call time: an edit made meanwhile is not
   * half exported. */
  upskill_store_export_async (fixture->store, profile, export_file, NULL, on_ready, &async);
  upskill_profile_set_name (profile, "Changed After The Call");
  result = wait_for_result (&async);
  g_assert_true (upskill_store_export_finish (fixture->store, result, &error));
  g_assert_no_error (error);
  upskill_test_release_task (&result);
  exported = upskill_test_read_bytes (export_path);
  assert_bytes_equal (expected, exported);

  /* Its id is taken: a fresh one. */
  upskill_store_import_async (fixture->store, export_file, UPSKILL_IMPORT_KEEP_BOTH, NULL, on_ready, &async);
  result = wait_for_result (&async);
  imported = upskill_store_import_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  upskill_test_release_task (&result);
  g_assert_nonnull (imported);
  g_assert_cmpstr (upskill_profile_get_name (imported), ==, "Dana");
  g_assert_cmpstr (upskill_profile_get_id (imported), !=, "dana");

  upskill_store_delete_async (fixture->store, "dana", NULL, on_ready, &async);
  result = wait_for_result (&async);
  g_assert_true (upskill_store_delete_finish (fixture->store, result, &error));
  g_assert_no_error (error);
  upskill_test_release_task (&result);
  g_assert_false (g_file_test (dana_path, G_FILE_TEST_EXISTS));

  upskill_store_delete_async (fixture->store, "dana", NULL, on_ready, &async);
  result = wait_for_result (&async);
  g_assert_false (upskill_store_delete_finish (fixture->store, result, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  upskill_test_release_task (&result);

  upskill_store_add_samples_async (fixture->store, NULL, on_ready, &async);
  result = wait_for_result (&async);
  g_assert_true (upskill_store_add_samples_finish (fixture->store, result, &error));
  g_assert_no_error (error);
  upskill_test_release_task (&result);
  summaries = upskill_store_list (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (upskill_test_find_summary (summaries, "dana-okafor.json"));
  g_assert_nonnull (upskill_test_find_summary (summaries, "li-wei.json"));
}

/* A client with a history: levels changed week after week, sessions
 * every month, so that every figure of the summary has something to
 * show, and each client a different one. */
static UpskillProfile *
make_client_with_history (UpskillCatalog *catalog,
                          guint           number)
{
  g_autofree char *id = g_strdup_printf ("client-%02u", number);
  g_autofree char *name = g_strdup_printf ("Client %u", number);
  UpskillProfile *profile = upskill_profile_new (id, name);
  guint n_skills = upskill_catalog_get_n_skills (catalog);
  gint64 start = 1735689600;  /* 2025-01-01 */

  upskill_profile_set_kind (profile, UPSKILL_PROFILE_CLIENT);
  upskill_profile_set_target_role (profile,
                                   upskill_catalog_get_role (catalog, number % upskill_catalog_get_n_roles (catalog))->id);
  for (guint week = 0; week < 20 + number; week++)
    {
      UpskillSkill *skill = upskill_catalog_get_skill (catalog, (number * 7 + week * 3) % n_skills);

      upskill_profile_set_level (profile, skill->id,
                                 (upskill_profile_get_level (profile, skill->id) + 1 + week % 2) % 6,
                                 "Weekly review", start + week * 7 * 86400);
    }
  for (guint month = 0; month < number % 5; month++)
    upskill_profile_add_note (profile, start + month * 30 * 86400, "Session");

  return profile;
}

static void
assert_summaries_equal (const UpskillProfileSummary *a,
                        const UpskillProfileSummary *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->file_name, ==, b->file_name);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->error, ==, b->error);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpstr (a->target_role, ==, b->target_role);
  g_assert_cmpfloat (a->readiness, ==, b->readiness);
  g_assert_cmpint (a->modified, ==, b->modified);
  g_assert_cmpint (a->last_session, ==, b->last_session);
  g_assert_cmpint (a->has_change, ==, b->has_change);
  g_assert_cmpfloat (a->change, ==, b->change);
  g_assert_cmpuint (a->n_areas, ==, b->n_areas);
  for (guint i = 0; i < a->n_areas; i++)
    g_assert_cmpfloat (a->areas[i], ==, b->areas[i]);
  /* A broken file has no gaps: none at all, or none read back. */
  g_assert_cmpuint (a->gaps != NULL ? g_strv_length (a->gaps) : 0, ==,
                    b->gaps != NULL ? g_strv_length (b->gaps) : 0);
  for (guint i = 0; a->gaps != NULL && a->gaps[i] != NULL; i++)
    g_assert_cmpstr (a->gaps[i], ==, b->gaps[i]);
}

/* After an upgrade or a sync there is no index: every file is read, on
 * several threads. Each summary is the one its own profile gives, broken
 * files among them are listed as broken, and the index written from it
 * lists the same again. */
static void
test_cold_list_many (Fixture       *fixture,
                     gconstpointer  data)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillStore) store = upskill_store_new (fixture->data_dir, catalog);
  g_autoptr(UpskillStore) cold_store = NULL;
  g_autoptr(UpskillStore) warm_store = NULL;
  g_autoptr(GPtrArray) cold = NULL;
  g_autoptr(GPtrArray) warm = NULL;
  g_autofree char *broken_path = NULL;
  g_autofree char *misnamed_path = NULL;
  g_autofree char *misnamed = profile_json ("someone-else", "Someone", "2026-05-01T10:00:00Z");
  const guint n_clients = 60;

  for (guint i = 0; i < n_clients; i++)
    {
      g_autoptr(UpskillProfile) profile = make_client_with_history (catalog, i);

      save (store, profile);
    }
  g_assert_finalize_object (g_steal_pointer (&store));
  broken_path = profile_path (fixture, "client-broken.json");
  write_file (broken_path, "{\"format\": \"upskill-profile\", \"version\": 1, \"id\": ", -1);
  misnamed_path = profile_path (fixture, "client-misnamed.json");
  write_file (misnamed_path, misnamed, -1);

  cold_store = upskill_store_new (fixture->data_dir, catalog);
  g_unlink (upskill_store_get_index_path (cold_store));
  cold = list (cold_store);
  g_assert_cmpuint (cold->len, ==, n_clients + 2);

  for (guint i = 0; i < n_clients; i++)
    {
      g_autofree char *id = g_strdup_printf ("client-%02u", i);
      g_autofree char *file_name = g_strconcat (id, ".json", NULL);
      g_autoptr(UpskillProfile) profile = NULL;
      g_autoptr(GError) error = NULL;
      const UpskillProfileSummary *listed = upskill_test_find_summary (cold, file_name);
      g_autoptr(UpskillProfileSummary) expected = g_new0 (UpskillProfileSummary, 1);

      profile = upskill_store_load (cold_store, id, NULL, &error);
      g_assert_no_error (error);
      expected->id = g_strdup (id);
      expected->file_name = g_strdup (file_name);
      expected->name = g_strdup (upskill_profile_get_name (profile));
      expected->kind = upskill_profile_get_kind (profile);
      expected->target_role = g_strdup (upskill_profile_get_target_role (profile));
      expected->readiness = upskill_compute_readiness (profile, catalog);
      expected->modified = upskill_profile_get_modified (profile);
      upskill_practice_fill_summary (expected, profile, catalog, g_get_real_time () / G_USEC_PER_SEC, NULL);
      assert_summaries_equal (listed, expected);
    }
  g_assert_null (upskill_test_find_summary (cold, "client-broken.json")->name);
  assert_message_has (upskill_test_find_summary (cold, "client-broken.json")->error, "Could not read “client-broken.json”");
  assert_message_has (upskill_test_find_summary (cold, "client-misnamed.json")->error, "someone-else");

  warm_store = upskill_store_new (fixture->data_dir, catalog);
  warm = list (warm_store);
  g_assert_cmpuint (warm->len, ==, cold->len);
  for (guint i = 0; i < cold->len; i++)
    assert_summaries_equal (g_ptr_array_index (cold, i), g_ptr_array_index (warm, i));

  g_assert_finalize_object (g_steal_pointer (&cold_store));
  g_assert_finalize_object (g_steal_pointer (&warm_store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/upskill/store/" path, Fixture, NULL, upskill_test_store_fixture_set_up, func, upskill_test_store_fixture_tear_down)

  g_test_add_func ("/upskill/store/default-dir", test_default_dir);
  g_test_add_func ("/upskill/store/summary-copy", test_summary_copy);
  ADD ("save-list-load", test_save_list_load);
  ADD ("permissions", test_permissions);
  ADD ("modes-tightened-never-loosened", test_modes_tightened_never_loosened);
  ADD ("symlinked-profile", test_symlinked_profile);
  ADD ("list-bad-entries", test_list_bad_entries);
  ADD ("cold-list-many", test_cold_list_many);
  ADD ("refuse-overwrite-unreadable", test_refuse_overwrite_unreadable);
  ADD ("import", test_import);
  ADD ("import-existing", test_import_existing);
  ADD ("index-in-cache", test_index_in_cache);
  ADD ("new-id", test_new_id);
  ADD ("new-id-unusable-folder", test_new_id_unusable_folder);
  ADD ("non-utf8-file-name", test_non_utf8_file_name);
  ADD ("leftover-temporaries", test_leftover_temporaries);
  ADD ("stale-index", test_stale_index);
  ADD ("index-is-used", test_index_is_used);
  ADD ("index-written-when-changed", test_index_written_when_changed);
  ADD ("corrupt-index", test_corrupt_index);
  ADD ("delete", test_delete);
  ADD ("async-files", test_async_files);
  ADD ("load-errors", test_load_errors);
  ADD ("size-and-depth", test_size_and_depth);
  ADD ("async", test_async);
  ADD ("write-failure", test_write_failure);
  ADD ("add-samples", test_add_samples);

#undef ADD

  return g_test_run ();
}
