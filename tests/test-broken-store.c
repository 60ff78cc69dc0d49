/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A profile folder with things in it that are not readable profiles: a
 * corrupt file, a dangling symlink, a folder named like a profile, a
 * symlink loop. The store lists every entry (the broken ones with the
 * reason), loads the good ones, never replaces the broken ones, and the
 * program itself (`upskill --list-profiles`) starts, lists the good
 * profiles and exits normally. Nothing on disk changes. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upskill-catalog.h"
#include "upskill-error.h"
#include "upskill-store.h"
#include "upskill-test-utils.h"

typedef struct
{
  char   *root;
  char   *data_dir;
  char   *profiles;
  GBytes *corrupt;
} Fixture;

static void
copy_sample (const char *folder,
             const char *file_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *resource = g_strconcat ("/com/example/Upskill/data/samples/", file_name, NULL);
  g_autofree char *path = g_build_filename (folder, file_name, NULL);

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *corrupt_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *outside = NULL;
  static const char corrupt[] = "{\"format\": \"upskill-profile\", \"version\": 1, \"id\": \"corrupt\", \"na";

  fixture->root = g_dir_make_tmp ("upskill-broken-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->data_dir = g_build_filename (fixture->root, "data", NULL);
  fixture->profiles = g_build_filename (fixture->data_dir, "profiles", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->profiles, 0700), ==, 0);

  copy_sample (fixture->profiles, "dana-okafor.json");
  copy_sample (fixture->profiles, "li-wei.json");

  /* A good profile reached through a symlink counts as a profile. */
  outside = g_build_filename (fixture->root, "elsewhere", NULL);
  g_assert_cmpint (g_mkdir (outside, 0700), ==, 0);
  copy_sample (outside, "maria-gonzalez.json");
  {
    g_autofree char *target = g_build_filename (outside, "maria-gonzalez.json", NULL);
    g_autofree char *link = g_build_filename (fixture->profiles, "maria-gonzalez.json", NULL);

    g_assert_cmpint (symlink (target, link), ==, 0);
  }

  fixture->corrupt = g_bytes_new_static (corrupt, sizeof corrupt - 1);
  corrupt_path = g_build_filename (fixture->profiles, "corrupt.json", NULL);
  g_file_set_contents (corrupt_path, corrupt, sizeof corrupt - 1, &error);
  g_assert_no_error (error);

  {
    g_autofree char *link = g_build_filename (fixture->profiles, "dangling.json", NULL);

    g_assert_cmpint (symlink ("no-such-profile.json", link), ==, 0);
  }

  folder = g_build_filename (fixture->profiles, "folder.json", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  {
    g_autofree char *loop_a = g_build_filename (fixture->profiles, "loop.json", NULL);
    g_autofree char *loop_b = g_build_filename (fixture->profiles, "loop-b.json", NULL);

    g_assert_cmpint (symlink ("loop-b.json", loop_a), ==, 0);
    g_assert_cmpint (symlink ("loop.json", loop_b), ==, 0);
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  upskill_test_remove_tree (fixture->root, NULL);
  g_free (fixture->root);
  g_free (fixture->data_dir);
  g_free (fixture->profiles);
  g_bytes_unref (fixture->corrupt);
}

/* Nothing the app did changed what was there. */
static void
assert_untouched (Fixture *fixture)
{
  g_autofree char *corrupt_path = g_build_filename (fixture->profiles, "corrupt.json", NULL);
  g_autofree char *dangling = g_build_filename (fixture->profiles, "dangling.json", NULL);
  g_autofree char *folder = g_build_filename (fixture->profiles, "folder.json", NULL);
  g_autofree char *loop = g_build_filename (fixture->profiles, "loop.json", NULL);
  g_autofree char *linked = g_build_filename (fixture->profiles, "maria-gonzalez.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  gsize length;
  struct stat st;

  g_assert_true (g_file_get_contents (corrupt_path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length,
                   g_bytes_get_data (fixture->corrupt, NULL), g_bytes_get_size (fixture->corrupt));

  g_assert_cmpint (lstat (dangling, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  target = g_file_read_link (dangling, NULL);
  g_assert_cmpstr (target, ==, "no-such-profile.json");

  g_assert_cmpint (lstat (folder, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));

  g_assert_cmpint (lstat (loop, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  g_assert_cmpint (lstat (linked, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
}

static UpskillProfileSummary *
find_summary (GPtrArray  *summaries,
              const char *id)
{
  for (guint i = 0; i < summaries->len; i++)
    {
      UpskillProfileSummary *summary = g_ptr_array_index (summaries, i);

      if (g_strcmp0 (summary->id, id) == 0)
        return summary;
    }

  g_error ("“%s” is not listed", id);
  return NULL;
}

static void
assert_broken (GPtrArray  *summaries,
               const char *id,
               const char *reason)
{
  UpskillProfileSummary *summary = find_summary (summaries, id);
  g_autofree char *file_name = g_strconcat (id, ".json", NULL);

  g_assert_null (summary->name);
  g_assert_nonnull (summary->error);
  if (strstr (summary->error, file_name) == NULL || strstr (summary->error, reason) == NULL)
    g_error ("The reason for “%s” should say “%s”: %s", file_name, reason, summary->error);
}

static void
check_list (UpskillStore *store)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *loop_reason = NULL;

  summaries = upskill_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 8);

  g_assert_cmpstr (find_summary (summaries, "dana-okafor")->name, ==, "Dana Okafor");
  g_assert_null (find_summary (summaries, "dana-okafor")->error);
  g_assert_null (find_summary (summaries, "li-wei")->error);
  g_assert_null (find_summary (summaries, "maria-gonzalez")->error);

  assert_broken (summaries, "corrupt", "Parse error");
  assert_broken (summaries, "dangling", "link to a file that does not exist");
  assert_broken (summaries, "folder", "it is a folder");
  loop_reason = g_strdup (g_strerror (ELOOP));
  assert_broken (summaries, "loop", loop_reason);
  assert_broken (summaries, "loop-b", loop_reason);
}

static void
test_store_lists_everything (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) data_dir = g_file_new_for_path (fixture->data_dir);
  g_autoptr(UpskillStore) store = upskill_store_new (data_dir, upskill_catalog_get_default ());
  g_autoptr(UpskillStore) second_store = NULL;

  check_list (store);
  /* Again, from the index the first listing wrote. */
  check_list (store);
  second_store = upskill_store_new (data_dir, upskill_catalog_get_default ());
  check_list (second_store);

  assert_untouched (fixture);
}

static void
test_store_loads_good_refuses_broken (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GFile) data_dir = g_file_new_for_path (fixture->data_dir);
  g_autoptr(UpskillStore) store = upskill_store_new (data_dir, upskill_catalog_get_default ());
  const char *good[] = { "dana-okafor", "li-wei", "maria-gonzalez" };
  const char *broken[] = { "corrupt", "dangling", "folder", "loop", "loop-b" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UpskillProfile) profile = upskill_store_load (store, good[i], NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (upskill_profile_get_id (profile), ==, good[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UpskillProfile) profile = upskill_store_load (store, broken[i], NULL, &error);
      g_autoptr(UpskillProfile) replacement = NULL;
      g_autofree char *new_id = NULL;
      int expected_code = g_str_equal (broken[i], "corrupt") ? UPSKILL_ERROR_NOT_JSON : UPSKILL_ERROR_IO;

      g_assert_null (profile);
      g_assert_error (error, UPSKILL_ERROR, expected_code);
      g_clear_error (&error);

      /* Whatever is there keeps its name: nothing is saved over it... */
      replacement = upskill_profile_new (broken[i], "Someone New");
      g_assert_false (upskill_store_save (store, replacement, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "left untouched"));
      g_clear_error (&error);

      /* ...and a new profile of that name gets another id. */
      new_id = upskill_store_new_id (store, broken[i], NULL);
      g_assert_cmpstr (new_id, !=, broken[i]);
    }

  assert_untouched (fixture);
}

static void
test_program_lists_good_profiles (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "UPSKILL_DATA_DIR", fixture->data_dir, TRUE);
  const char *argv[] = { UPSKILL_BINARY, "--list-profiles", NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("upskill --list-profiles failed: %s\n%s%s", error->message, out, err);

  g_assert_nonnull (strstr (out, "dana-okafor\tDana Okafor\t"));
  g_assert_nonnull (strstr (out, "li-wei\t"));
  g_assert_nonnull (strstr (out, "maria-gonzalez\t"));
  g_assert_nonnull (strstr (out, "corrupt\t"));
  g_assert_nonnull (strstr (err, "Could not read “dangling.json”"));
  g_assert_nonnull (strstr (err, "Could not read “folder.json”"));
  g_assert_nonnull (strstr (err, "Could not read “loop.json”"));

  /* Twice: the second time from the index the first run wrote. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "dana-okafor\tDana Okafor\t"));

  assert_untouched (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/upskill/broken-store/store-lists-everything", Fixture, NULL,
              fixture_set_up, test_store_lists_everything, fixture_tear_down);
  g_test_add ("/upskill/broken-store/store-loads-good-refuses-broken", Fixture, NULL,
              fixture_set_up, test_store_loads_good_refuses_broken, fixture_tear_down);
  g_test_add ("/upskill/broken-store/program-lists-good-profiles", Fixture, NULL,
              fixture_set_up, test_program_lists_good_profiles, fixture_tear_down);

  return g_test_run ();
}
