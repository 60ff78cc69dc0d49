/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "upskill-test-utils.h"

/* Runs the built program as a user would, without a display, on data in
 * a temporary folder. */

#ifndef UPSKILL_BINARY
#error "UPSKILL_BINARY must name the built program"
#endif

typedef struct
{
  char *data_dir;
  char *out_dir;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static Result
run_upskill (Fixture            *fixture,
             const char * const *args)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) argv_array = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Result result = { 0, NULL, NULL };
  int wait_status = 0;

  g_strv_builder_add (argv, UPSKILL_BINARY);
  for (guint i = 0; args[i]; i++)
    g_strv_builder_add (argv, args[i]);
  argv_array = g_strv_builder_end (argv);

  envp = g_environ_setenv (envp, "UPSKILL_DATA_DIR", fixture->data_dir, TRUE);
  /* No display: the command line must not need one. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  /* The program's own warnings are not this test's to abort on. */
  envp = g_environ_unsetenv (envp, "G_DEBUG");

  g_spawn_sync (NULL, argv_array, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result.out, &result.err, &wait_status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (wait_status))
    result.status = WEXITSTATUS (wait_status);
  else
    result.status = -1;
  return result;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->data_dir = upskill_test_make_tmp_dir ("upskill-cli-data-XXXXXX");
  fixture->out_dir = upskill_test_make_tmp_dir ("upskill-cli-out-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  upskill_test_remove_tree (fixture->data_dir, NULL);
  upskill_test_remove_tree (fixture->out_dir, NULL);
  g_free (fixture->data_dir);
  g_free (fixture->out_dir);
}

static char *
sample_path (const char *name)
{
  const char *source_dir = g_getenv ("UPSKILL_SOURCE_DIR");

  g_assert_nonnull (source_dir);
  return g_strdup_printf ("%s/data/samples/%s.json", source_dir, name);
}

static void
import_samples (Fixture *fixture)
{
  const char *samples[] = { "dana-okafor", "li-wei", "maria-gonzalez" };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = sample_path (samples[i]);
      const char *args[] = { "--import", path, NULL };
      g_auto(Result) result = run_upskill (fixture, args);
      g_autofree char *id = NULL;
      g_autofree char *file_name = NULL;
      g_autofree char *stored = NULL;

      g_assert_cmpint (result.status, ==, 0);
      id = g_strstrip (g_strdup (result.out));
      g_assert_cmpstr (id, ==, samples[i]);

      /* The file appears in the data folder. */
      file_name = g_strdup_printf ("%s.json", id);
      stored = g_build_filename (fixture->data_dir, "profiles", file_name, NULL);
      g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));
    }
}

/* ---------------------------------------------------------------- */

static void
test_list_profiles (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *args[] = { "--list-profiles", NULL };
  g_auto(Result) result = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^[a-z0-9-]+\t.+\t.+\t[0-9]+%$", 0, 0, NULL);
  guint n = 0;

  import_samples (fixture);
  result = run_upskill (fixture, args);
  g_assert_cmpint (result.status, ==, 0);

  lines = g_strsplit (g_strstrip (result.out), "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (!g_regex_match (regex, lines[i], 0, NULL))
        g_error ("unexpected line from --list-profiles: %s", lines[i]);
      n++;
    }
  g_assert_cmpuint (n, ==, 3);
  g_assert_nonnull (strstr (result.out, "María González"));
  g_assert_nonnull (strstr (result.out, "李伟"));
}

static void
test_export_one (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->out_dir, "maria.pdf", NULL);
  const char *args[] = { "--export-report", out, "--profile", "María González",
                         "--coach", "Coach Carter", "--paper", "letter", NULL };
  g_auto(Result) result = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  import_samples (fixture);
  result = run_upskill (fixture, args);
  if (result.status != 0)
    g_error ("export failed: %s", result.err);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  if (!upskill_test_have_poppler ())
    return;
  text = upskill_test_pdf_text (out);
  info = upskill_test_pdf_info (out);
  g_assert_nonnull (strstr (text, "María González"));
  g_assert_nonnull (strstr (text, "Session notes"));
  g_assert_nonnull (strstr (info, "Coach Carter"));
  g_assert_nonnull (strstr (info, "612 x 792"));
}

static void
test_export_by_id_without_notes (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->out_dir, "li.pdf", NULL);
  const char *args[] = { "--export-report", out, "--profile", "li-wei", "--no-notes",
                         "--paper", "a4", NULL };
  g_auto(Result) result = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  import_samples (fixture);
  result = run_upskill (fixture, args);
  g_assert_cmpint (result.status, ==, 0);

  if (!upskill_test_have_poppler ())
    return;
  text = upskill_test_pdf_text (out);
  info = upskill_test_pdf_info (out);
  g_assert_nonnull (strstr (text, "李伟"));
  g_assert_null (strstr (text, "Session notes"));
  g_assert_nonnull (strstr (info, "(A4)"));
}

static void
test_unknown_profile (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->out_dir, "nobody.pdf", NULL);
  const char *args[] = { "--export-report", out, "--profile", "Nobody Known", NULL };
  g_auto(Result) result = { 0 };

  import_samples (fixture);
  result = run_upskill (fixture, args);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "Nobody Known"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_unwritable_path (Fixture       *fixture,
                      gconstpointer  data)
{
  /* A path under a regular file fails even for root. */
  g_autofree char *blocker = g_build_filename (fixture->out_dir, "x", NULL);
  g_autofree char *out = g_build_filename (blocker, "file.pdf", NULL);
  const char *args[] = { "--export-report", out, "--profile", "dana-okafor", NULL };
  g_auto(Result) result = { 0 };

  import_samples (fixture);
  g_assert_true (g_file_set_contents (blocker, "a file", -1, NULL));
  result = run_upskill (fixture, args);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, out));
}

static void
test_missing_options (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->out_dir, "r.pdf", NULL);
  const char *no_profile[] = { "--export-report", out, NULL };
  const char *bad_paper[] = { "--export-report", out, "--profile", "dana-okafor", "--paper", "a3", NULL };
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };

  import_samples (fixture);
  first = run_upskill (fixture, no_profile);
  g_assert_cmpint (first.status, !=, 0);
  g_assert_nonnull (strstr (first.err, "--profile"));

  second = run_upskill (fixture, bad_paper);
  g_assert_cmpint (second.status, !=, 0);
  g_assert_nonnull (strstr (second.err, "a3"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static guint
count_pdfs (const char *path,
            GHashTable *inodes)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      struct stat info;

      g_assert_true (g_str_has_suffix (name, ".pdf"));
      g_assert_true (g_file_get_contents (child, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_assert_cmpint (g_stat (child, &info), ==, 0);
      if (inodes != NULL)
        g_hash_table_insert (inodes, g_strdup (name), GUINT_TO_POINTER ((guint) info.st_ino));
      n++;
    }
  return n;
}

static void
test_all_profiles (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->out_dir, "reports", NULL);
  const char *args[] = { "--export-report", folder, "--all-profiles", NULL };
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) second = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(Result) run1 = { 0 };
  g_auto(Result) run2 = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  import_samples (fixture);
  run1 = run_upskill (fixture, args);
  if (run1.status != 0)
    g_error ("export failed: %s", run1.err);
  g_assert_cmpuint (count_pdfs (folder, first), ==, 3);

  /* Again: the same three files, each replaced by a new one. */
  run2 = run_upskill (fixture, args);
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_cmpuint (count_pdfs (folder, second), ==, 3);
  g_hash_table_iter_init (&iter, first);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_true (g_hash_table_contains (second, key));
      g_assert_cmpuint (GPOINTER_TO_UINT (value), !=,
                        GPOINTER_TO_UINT (g_hash_table_lookup (second, key)));
    }
}

static void
test_all_profiles_with_broken_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->out_dir, "reports", NULL);
  g_autofree char *broken = NULL;
  const char *args[] = { "--export-report", folder, "--all-profiles", NULL };
  g_auto(Result) result = { 0 };

  import_samples (fixture);
  broken = g_build_filename (fixture->data_dir, "profiles", "broken.json", NULL);
  g_assert_true (g_file_set_contents (broken, "{ not json", -1, NULL));

  /* The readable ones are written; the broken one is named on stderr and
   * the exit status says something failed. */
  result = run_upskill (fixture, args);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "broken.json"));
  g_assert_cmpuint (count_pdfs (folder, NULL), ==, 3);
}

/* With the profiles folder replaced by a file, --import stops at once
 * and says why (it used to try ids for ever). */
static void
test_import_unusable_folder (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = sample_path ("dana-okafor");
  g_autofree char *profiles = g_build_filename (fixture->data_dir, "profiles", NULL);
  g_autofree char *expected = NULL;
  const char *args[] = { "--import", path, NULL };
  g_auto(Result) result = { 0 };

  g_assert_true (g_file_set_contents (profiles, "not a folder", -1, NULL));
  expected = g_strdup_printf ("Could not add a profile to the folder “%s”: %s\n",
                              profiles, g_strerror (ENOTDIR));

  result = run_upskill (fixture, args);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==, expected);
}

/* A file name that is not valid UTF-8 is listed, and explained, in text
 * that is. */
static void
test_list_non_utf8_file_name (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *args[] = { "--list-profiles", NULL };
  g_autofree char *odd = g_build_filename (fixture->data_dir, "profiles", "caf\xe9.json", NULL);
  g_auto(Result) result = { 0 };

  import_samples (fixture);
  g_assert_true (g_file_set_contents (odd, "{ not json", -1, NULL));

  result = run_upskill (fixture, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_utf8_validate (result.out, -1, NULL));
  g_assert_true (g_utf8_validate (result.err, -1, NULL));
  g_assert_nonnull (strstr (result.out, "caf\xef\xbf\xbd\t(could not be read)\n"));
  g_assert_cmpstr (result.err, ==,
                   "Could not read “caf\xef\xbf\xbd.json”: the file name is not a profile id "
                   "(up to 64 lowercase letters, digits and dashes)\n");
}

/* Several `upskill --import` at once, of the same file: each gets an id
 * of its own and a file of its own; none overwrites another's (ids are
 * taken by creating the file, which fails if another process was first). */
static void
test_concurrent_imports (Fixture       *fixture,
                         gconstpointer  data)
{
  enum { N_PROCESSES = 4, N_ROUNDS = 8 };
  g_autofree char *path = sample_path ("dana-okafor");
  g_autofree char *profiles = g_build_filename (fixture->data_dir, "profiles", NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "UPSKILL_DATA_DIR", fixture->data_dir, TRUE);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  envp = g_environ_unsetenv (envp, "G_DEBUG");

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      GPid pids[N_PROCESSES];
      int outs[N_PROCESSES];

      for (guint i = 0; i < N_PROCESSES; i++)
        {
          const char *argv[] = { UPSKILL_BINARY, "--import", path, NULL };
          g_autoptr(GError) error = NULL;

          g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                    &pids[i], NULL, &outs[i], NULL, &error);
          g_assert_no_error (error);
        }

      for (guint i = 0; i < N_PROCESSES; i++)
        {
          g_autoptr(GIOChannel) channel = g_io_channel_unix_new (outs[i]);
          g_autofree char *out = NULL;
          g_autoptr(GError) error = NULL;
          int wait_status = 0;

          g_io_channel_set_close_on_unref (channel, TRUE);
          g_io_channel_read_to_end (channel, &out, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpint (waitpid (pids[i], &wait_status, 0), ==, pids[i]);
          g_spawn_close_pid (pids[i]);
          g_assert_true (WIFEXITED (wait_status));
          g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);

          g_strstrip (out);
          if (!g_hash_table_add (ids, g_steal_pointer (&out)))
            g_error ("round %u: two imports were given the same id", round);
        }
    }

  dir = g_dir_open (profiles, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;

      if (!g_str_has_suffix (name, ".json"))
        g_error ("“%s” was left in the profiles folder", name);
      id = g_strndup (name, strlen (name) - strlen (".json"));
      g_assert_true (g_hash_table_contains (ids, id));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, N_PROCESSES * N_ROUNDS);
  g_assert_cmpuint (g_hash_table_size (ids), ==, N_PROCESSES * N_ROUNDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/upskill/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("list-profiles", test_list_profiles);
  ADD ("export-one", test_export_one);
  ADD ("export-by-id-without-notes", test_export_by_id_without_notes);
  ADD ("unknown-profile", test_unknown_profile);
  ADD ("unwritable-path", test_unwritable_path);
  ADD ("missing-options", test_missing_options);
  ADD ("all-profiles", test_all_profiles);
  ADD ("all-profiles-with-broken-file", test_all_profiles_with_broken_file);
  ADD ("import-unusable-folder", test_import_unusable_folder);
  ADD ("list-non-utf8-file-name", test_list_non_utf8_file_name);
  ADD ("concurrent-imports", test_concurrent_imports);

#undef ADD

  return g_test_run ();
}
