/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: importing a file into the profile store, as
 * `upskill --import FILE` and the Import menu item do: the bytes are
 * written to a temporary file and imported into a temporary store (on
 * /dev/shm when there is one, so that fsync costs nothing). A profile
 * that imports is then listed, loaded back, imported a second time (under
 * a new id) and deleted, so the store stays small. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "fuzz-common.h"
#include "upskill-catalog.h"
#include "upskill-store.h"
#include "upskill-test-utils.h"

static char *root_path;
static GFile *input_file;
static UpskillStore *store;

static void
cleanup (void)
{
  g_clear_object (&store);
  g_clear_object (&input_file);
  if (root_path != NULL)
    upskill_test_remove_tree (root_path, NULL);
  g_clear_pointer (&root_path, g_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *template = NULL;
  g_autofree char *input_path = NULL;
  g_autoptr(GFile) data_dir = NULL;

  fuzz_make_warnings_fatal ();

  template = g_build_filename (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) &&
                               g_access ("/dev/shm", W_OK) == 0
                               ? "/dev/shm" : g_get_tmp_dir (),
                               "upskill-fuzz-import-XXXXXX", NULL);
  root_path = g_mkdtemp (g_steal_pointer (&template));
  if (root_path == NULL)
    g_error ("Could not create a temporary folder: %s", g_strerror (errno));
  atexit (cleanup);

  input_path = g_build_filename (root_path, "import.json", NULL);
  input_file = g_file_new_for_path (input_path);

  {
    g_autofree char *data_path = g_build_filename (root_path, "data", NULL);

    data_dir = g_file_new_for_path (data_path);
  }
  store = upskill_store_new (data_dir, upskill_catalog_get_default ());

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(UpskillProfile) loaded = NULL;
  g_autoptr(UpskillProfile) second = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *input_path = g_file_get_path (input_file);

  if (!g_file_set_contents (input_path, (const char *) data, size, &error))
    g_error ("%s", error->message);

  profile = upskill_store_import (store, input_file, UPSKILL_IMPORT_KEEP_BOTH, NULL, &error);
  if (profile == NULL)
    {
      fuzz_assert_refusal (error, "import.json");
      return 0;
    }
  g_assert_null (error);

  summaries = upskill_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_assert_null (((UpskillProfileSummary *) g_ptr_array_index (summaries, 0))->error);

  loaded = upskill_store_load (store, upskill_profile_get_id (profile), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_id (loaded), ==, upskill_profile_get_id (profile));

  /* The same file again: its id is taken now, so it gets a new one made
   * from the name (any text the file holds). */
  second = upskill_store_import (store, input_file, UPSKILL_IMPORT_KEEP_BOTH, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (upskill_profile_id_is_valid (upskill_profile_get_id (second)));
  g_assert_cmpstr (upskill_profile_get_id (second), !=, upskill_profile_get_id (profile));

  if (!upskill_store_delete (store, upskill_profile_get_id (profile), NULL, &error) ||
      !upskill_store_delete (store, upskill_profile_get_id (second), NULL, &error))
    g_error ("%s", error->message);

  return 0;
}
