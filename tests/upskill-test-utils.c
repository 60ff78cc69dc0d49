/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "upskill-test-utils.h"

char *
upskill_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (path);

  return path;
}

static void
remove_tree (const char  *path,
             GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child, error);
        }
    }

  if (g_remove (path) != 0)
    {
      int saved_errno = errno;

      if (error != NULL && *error == NULL)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     "Could not remove %s: %s", path, g_strerror (saved_errno));
    }
}

gboolean
upskill_test_remove_tree (const char  *path,
                          GError     **error)
{
  g_autoptr(GError) first_error = NULL;

  g_assert_nonnull (path);

  remove_tree (path, &first_error);
  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}

void
upskill_test_store_set_up (UpskillTestStore *fixture,
                           const char       *tmpl)
{
  fixture->base = upskill_test_make_tmp_dir (tmpl);
  fixture->dir = g_build_filename (fixture->base, "data", NULL);
  fixture->profiles = g_build_filename (fixture->dir, "profiles", NULL);
  fixture->data_dir = g_file_new_for_path (fixture->dir);
  fixture->store = upskill_store_new (fixture->data_dir, NULL);
}

void
upskill_test_store_tear_down (UpskillTestStore *fixture)
{
  g_autoptr(GError) error = NULL;

  upskill_test_wait_for_release (fixture->store);
  g_assert_finalize_object (fixture->store);
  g_clear_object (&fixture->data_dir);
  upskill_test_remove_tree (fixture->base, &error);
  g_assert_no_error (error);
  g_clear_pointer (&fixture->profiles, g_free);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->base, g_free);
}

void
upskill_test_store_fixture_set_up (UpskillTestStore *fixture,
                                   gconstpointer     data)
{
  upskill_test_store_set_up (fixture, "upskill-store-XXXXXX");
}

void
upskill_test_store_fixture_tear_down (UpskillTestStore *fixture,
                                      gconstpointer     data)
{
  upskill_test_store_tear_down (fixture);
}

void
upskill_test_report_set_up (UpskillTestReport *fixture,
                            const char        *tmpl)
{
  fixture->catalog = g_object_ref (upskill_catalog_get_default ());
  fixture->trends = upskill_trends_new_bundled (fixture->catalog);
  fixture->dir = upskill_test_make_tmp_dir (tmpl);
}

void
upskill_test_report_tear_down (UpskillTestReport *fixture)
{
  upskill_test_remove_tree (fixture->dir, NULL);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_object (&fixture->trends);
  g_clear_object (&fixture->catalog);
}

void
upskill_test_sample_set_up (UpskillTestSample *fixture,
                            gconstpointer      sample_id)
{
  fixture->catalog = upskill_catalog_get_default ();
  fixture->profile = upskill_test_load_sample (sample_id);
  fixture->trends = upskill_trends_new_bundled (fixture->catalog);
}

void
upskill_test_sample_tear_down (UpskillTestSample *fixture,
                               gconstpointer      sample_id)
{
  g_assert_finalize_object (fixture->profile);
  g_assert_finalize_object (fixture->trends);
}

void
upskill_test_report_fixture_set_up (UpskillTestReport *fixture,
                                    gconstpointer      data)
{
  upskill_test_report_set_up (fixture, "upskill-report-XXXXXX");
}

void
upskill_test_report_fixture_tear_down (UpskillTestReport *fixture,
                                       gconstpointer      data)
{
  upskill_test_report_tear_down (fixture);
}

guint
upskill_test_count_temporary_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.' || g_str_has_prefix (name, "~syncthing~upskill-"))
      n++;

  return n;
}

UpskillProfile *
upskill_test_load_sample (const char *id)
{
  g_autofree char *path = g_strdup_printf (UPSKILL_TEST_SAMPLES_PATH "%s.json", id);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  UpskillProfile *profile;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  profile = upskill_profile_new_from_bytes (bytes, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);

  return profile;
}

GStrv
upskill_test_list_samples (void)
{
  GStrv children = g_resources_enumerate_children (UPSKILL_TEST_SAMPLES_PATH,
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (children == NULL)
    g_test_skip ("No sample profiles are bundled");

  return children;
}

UpskillProfile *
upskill_test_new_profile (const char *role_id)
{
  UpskillProfile *profile = upskill_profile_new ("test", "Test Person");

  if (role_id != NULL)
    upskill_profile_set_target_role (profile, role_id);

  return profile;
}

void
upskill_test_profile_set_up (UpskillTestProfile *fixture,
                             const char         *catalog_json,
                             const char         *role_id)
{
  fixture->catalog = upskill_test_catalog_new_from_json (catalog_json);
  fixture->profile = upskill_test_new_profile (role_id);
}

void
upskill_test_profile_tear_down (UpskillTestProfile *fixture,
                                gconstpointer       data)
{
  g_assert_finalize_object (fixture->profile);
  g_assert_finalize_object (fixture->catalog);
}

UpskillProfile *
upskill_test_profile_new_from_json (const char *json,
                                    const char *file_name)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  UpskillProfile *profile = upskill_profile_new_from_bytes (bytes, file_name, &error);

  g_assert_no_error (error);
  return profile;
}

char *
upskill_test_profile_path (const char *profiles,
                           const char *id)
{
  g_autofree char *file_name = g_strconcat (id, ".json", NULL);

  return g_build_filename (profiles, file_name, NULL);
}

gboolean
upskill_test_profile_file_exists (const char *profiles,
                                  const char *id)
{
  g_autofree char *path = upskill_test_profile_path (profiles, id);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

GBytes *
upskill_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

UpskillProfileSummary *
upskill_test_find_summary (GPtrArray  *summaries,
                           const char *file_name)
{
  for (guint i = 0; i < summaries->len; i++)
    {
      UpskillProfileSummary *summary = g_ptr_array_index (summaries, i);

      if (g_strcmp0 (summary->file_name, file_name) == 0)
        return summary;
    }

  g_error ("“%s” is not in the list", file_name);
  return NULL;
}

UpskillCatalog *
upskill_test_catalog_new_from_json (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  UpskillCatalog *catalog;

  catalog = upskill_catalog_new_from_bytes (bytes, "test-catalog.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  return catalog;
}

UpskillTrends *
upskill_test_trends_new_from_json (const char     *json,
                                   UpskillCatalog *catalog)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  UpskillTrends *trends;

  trends = upskill_trends_new_from_bytes (bytes, "test-trends.json", catalog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (trends);

  return trends;
}

void
upskill_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
upskill_test_flush (void)
{
  for (guint i = 0; i < 5; i++)
    upskill_test_iterate ();
}

void
upskill_test_wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  upskill_test_iterate ();
}

static gboolean
wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

guint
upskill_test_add_wake_up (void)
{
  return g_timeout_add (10, wake_up, NULL);
}

void
upskill_test_release_task (GAsyncResult **result)
{
  GWeakRef weak;
  GObject *object;

  g_weak_ref_init (&weak, *result);
  g_clear_object (result);

  while ((object = g_weak_ref_get (&weak)) != NULL)
    {
      g_object_unref (object);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (100);
    }

  g_weak_ref_clear (&weak);
}

void
upskill_test_wait_for_release (gpointer object)
{
  UPSKILL_TEST_WAIT_UNTIL (g_atomic_int_get (&G_OBJECT (object)->ref_count) == 1);
}

void
upskill_test_init_translated (int    *argc,
                              char ***argv)
{
  g_test_init (argc, argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UPSKILL_LOCALE_DIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

guint
upskill_test_count (const char *text,
                    const char *needle)
{
  guint count = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    count++;
  return count;
}

gboolean
upskill_test_running_under_asan (void)
{
#if defined(__SANITIZE_ADDRESS__)
  return TRUE;
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
  return TRUE;
# else
  return FALSE;
# endif
#else
  return FALSE;
#endif
}

gboolean
upskill_test_have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("poppler-utils (pdftotext, pdfinfo) is not installed");
      return FALSE;
    }

  return TRUE;
}

gboolean
upskill_test_spawn (const char * const  *argv,
                    char               **out,
                    char               **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL);
}

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!upskill_test_spawn (argv, &out, &err))
    g_error ("%s failed: %s", argv[0], err);

  return g_steal_pointer (&out);
}

char *
upskill_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return run_tool (argv);
}

char *
upskill_test_pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };

  return run_tool (argv);
}
