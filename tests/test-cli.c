/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
run_upskill_env (Fixture            *fixture,
                 const char * const *args,
                 const char * const *extra_env);

static Result
run_upskill (Fixture            *fixture,
             const char * const *args)
{
  return run_upskill_env (fixture, args, NULL);
}

/* @extra_env: NULL or "NAME=VALUE" strings. */
static Result
run_upskill_env (Fixture            *fixture,
                 const char * const *args,
                 const char * const *extra_env)
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
  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (extra_env[i], "=", 2);

      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }

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

/* The sign-off takes the coach's name and contact from the command line,
 * as the window takes them from Preferences. */
static void
test_export_sign_off (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->out_dir, "signed.pdf", NULL);
  const char *args[] = { "--export-report", out, "--profile", "dana-okafor",
                         "--coach-name", "Coach Carter", "--coach-contact", "carter@example.org", NULL };
  g_auto(Result) result = { 0 };
  g_autofree char *text = NULL;
  const char *sign_off;

  import_samples (fixture);
  result = run_upskill (fixture, args);
  if (result.status != 0)
    g_error ("export failed: %s", result.err);

  if (!upskill_test_have_poppler ())
    return;
  text = upskill_test_pdf_text (out);
  sign_off = g_strrstr (text, "Sign-off");
  g_assert_nonnull (sign_off);
  g_assert_nonnull (strstr (sign_off, "Coach Carter"));
  g_assert_nonnull (strstr (sign_off, "Contact: carter@example.org"));
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

/* A link from María's evidence, and the market context's heading: both
 * in the default report, each gone with its flag, one report or many. */
#define MARIA_EVIDENCE_LINK "https://notes.example.org/mgonzalez/garak-chatbot-report"

static char *
export_maria_text (Fixture    *fixture,
                   const char *file_name,
                   const char *flag)
{
  g_autofree char *out = g_build_filename (fixture->out_dir, file_name, NULL);
  const char *args[] = { "--export-report", out, "--profile", "maria-gonzalez", flag, NULL };
  g_auto(Result) result = run_upskill (fixture, args);

  if (result.status != 0)
    g_error ("export failed: %s", result.err);
  return upskill_test_pdf_text (out);
}

static void
test_export_leaving_out (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->out_dir, "all", NULL);
  const char *all[] = { "--export-report", folder, "--all-profiles", "--no-evidence",
                        "--no-market-context", NULL };
  const char *help[] = { "--help", NULL };
  g_autofree char *full = NULL;
  g_autofree char *no_evidence = NULL;
  g_autofree char *no_market = NULL;
  g_auto(Result) result = { 0, NULL, NULL };
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  {
    g_auto(Result) usage = run_upskill (fixture, help);

    g_assert_nonnull (strstr (usage.out, "--no-evidence"));
    g_assert_nonnull (strstr (usage.out, "--no-market-context"));
  }

  import_samples (fixture);
  if (!upskill_test_have_poppler ())
    return;

  full = export_maria_text (fixture, "full.pdf", NULL);
  no_evidence = export_maria_text (fixture, "no-evidence.pdf", "--no-evidence");
  no_market = export_maria_text (fixture, "no-market.pdf", "--no-market-context");

  g_assert_nonnull (strstr (full, MARIA_EVIDENCE_LINK));
  g_assert_nonnull (strstr (full, "Market context"));
  g_assert_null (strstr (no_evidence, MARIA_EVIDENCE_LINK));
  g_assert_nonnull (strstr (no_evidence, "Market context"));
  g_assert_nonnull (strstr (no_market, MARIA_EVIDENCE_LINK));
  g_assert_null (strstr (no_market, "Market context"));

  result = run_upskill (fixture, all);
  if (result.status != 0)
    g_error ("export failed: %s", result.err);
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = upskill_test_pdf_text (path);

      g_assert_null (strstr (text, MARIA_EVIDENCE_LINK));
      g_assert_null (strstr (text, "Market context"));
      g_assert_nonnull (strstr (text, "Level definitions"));
      n++;
    }
  g_assert_cmpuint (n, ==, 3);
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

/* A report aimed at a profile's own file (or anywhere in the profiles
 * folder, even through a link) is refused; the profile stays. */
static void
test_report_into_profiles_refused (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *profile = g_build_filename (fixture->data_dir, "profiles", "dana-okafor.json", NULL);
  g_autofree char *link = g_build_filename (fixture->out_dir, "link", NULL);
  g_autofree char *profiles = g_build_filename (fixture->data_dir, "profiles", NULL);
  g_autofree char *through_link = g_build_filename (link, "report.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *targets[] = { profile, through_link };

  import_samples (fixture);
  g_assert_true (g_file_get_contents (profile, &before, NULL, NULL));
  g_assert_cmpint (symlink (profiles, link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      const char *args[] = { "--export-report", targets[i], "--profile", "dana-okafor", NULL };
      g_auto(Result) result = run_upskill (fixture, args);

      g_assert_cmpint (result.status, ==, 1);
      g_assert_nonnull (strstr (result.err, "profiles folder"));
    }

  g_assert_true (g_file_get_contents (profile, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (through_link, G_FILE_TEST_EXISTS));
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

static guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
export_under_umask (Fixture    *fixture,
                    const char *output,
                    gboolean    all_profiles,
                    mode_t      mask)
{
  const char *one[] = { "--export-report", output, "--profile", "dana-okafor", NULL };
  const char *all[] = { "--export-report", output, "--all-profiles", NULL };
  mode_t old_umask = umask (mask);
  g_auto(Result) result = run_upskill (fixture, all_profiles ? all : one);

  umask (old_umask);
  if (result.status != 0)
    g_error ("export failed: %s", result.err);
}

/* Reports hold a client's skills, plan and notes: they follow the umask
 * (0666 masked by it), a replaced report keeps its mode and stays where a
 * symbolic link points, and a new batch folder is the user's alone. */
static void
test_file_modes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *shared = g_build_filename (fixture->out_dir, "shared.pdf", NULL);
  g_autofree char *private = g_build_filename (fixture->out_dir, "private.pdf", NULL);
  g_autofree char *replaced = g_build_filename (fixture->out_dir, "replaced.pdf", NULL);
  g_autofree char *target_dir = g_build_filename (fixture->out_dir, "elsewhere", NULL);
  g_autofree char *target = g_build_filename (target_dir, "target.pdf", NULL);
  g_autofree char *link = g_build_filename (fixture->out_dir, "link.pdf", NULL);
  g_autofree char *batch_shared = g_build_filename (fixture->out_dir, "batch-022", NULL);
  g_autofree char *batch_private = g_build_filename (fixture->out_dir, "batch-077", NULL);
  g_autofree char *report = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer name;
  struct stat st;

  import_samples (fixture);

  export_under_umask (fixture, shared, FALSE, 022);
  g_assert_cmpuint (file_mode (shared), ==, 0644);
  export_under_umask (fixture, private, FALSE, 077);
  g_assert_cmpuint (file_mode (private), ==, 0600);

  g_assert_true (g_file_set_contents (replaced, "old", -1, NULL));
  g_assert_cmpint (chmod (replaced, 0600), ==, 0);
  export_under_umask (fixture, replaced, FALSE, 022);
  g_assert_true (g_file_get_contents (replaced, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (file_mode (replaced), ==, 0600);

  /* Through a link: the link stays, its target is replaced. */
  g_assert_cmpint (g_mkdir (target_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("elsewhere/target.pdf", link), ==, 0);
  export_under_umask (fixture, link, FALSE, 022);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (file_mode (target), ==, 0600);

  /* Batches: the new folder is 0700 whatever the umask. */
  export_under_umask (fixture, batch_shared, TRUE, 022);
  g_assert_cmpuint (file_mode (batch_shared), ==, 0700);
  g_assert_cmpuint (count_pdfs (batch_shared, names), ==, 3);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_free (report);
      report = g_build_filename (batch_shared, name, NULL);
      g_assert_cmpuint (file_mode (report), ==, 0644);
    }

  /* A report made private stays private when the batch runs again. */
  g_assert_cmpint (chmod (report, 0600), ==, 0);
  export_under_umask (fixture, batch_shared, TRUE, 022);
  g_assert_cmpuint (file_mode (report), ==, 0600);

  g_hash_table_remove_all (names);
  export_under_umask (fixture, batch_private, TRUE, 077);
  g_assert_cmpuint (file_mode (batch_private), ==, 0700);
  g_assert_cmpuint (count_pdfs (batch_private, names), ==, 3);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_free (report);
      report = g_build_filename (batch_private, name, NULL);
      g_assert_cmpuint (file_mode (report), ==, 0600);
    }
}

/* ---------------------------------------------------------------- */
/* Scripts and cron                                                  */
/* ---------------------------------------------------------------- */

/* Imports a copy of a sample under another name; returns its id. */
static char *
import_named (Fixture    *fixture,
              const char *sample,
              const char *name,
              const char *file_name)
{
  g_autofree char *source = sample_path (sample);
  g_autofree char *copy = g_build_filename (fixture->out_dir, file_name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  /* The same id as the sample's: a deliberate second profile. */
  const char *args[] = { "--import", copy, "--if-exists=keep-both", NULL };
  g_auto(Result) result = { 0, NULL, NULL };

  json_parser_load_from_file (parser, source, &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)), "name", name);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, copy, &error);
  g_assert_no_error (error);

  result = run_upskill (fixture, args);
  g_assert_cmpint (result.status, ==, 0);
  return g_strstrip (g_strdup (result.out));
}

static void
test_utf8_in_c_locale (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *c_locale[] = { "LC_ALL=C", "LANG=C", NULL };
  g_autofree char *output = g_build_filename (fixture->out_dir, "maría.pdf", NULL);
  const char *list[] = { "--list-profiles", NULL };
  const char *export[] = { "--export-report", output, "--profile", "María González", "--coach", "Zoë", NULL };
  g_autofree char *text = NULL;

  import_samples (fixture);

  /* cron runs with LANG=C: the names still read and print as UTF-8. */
  {
    g_auto(Result) result = run_upskill_env (fixture, list, c_locale);

    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "María González"));
    g_assert_nonnull (strstr (result.out, "李伟"));
    g_assert_null (strstr (result.out, "?"));
  }
  {
    g_auto(Result) result = run_upskill_env (fixture, export, c_locale);

    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "maría.pdf"));
  }

  if (!upskill_test_have_poppler ())
    return;
  text = upskill_test_pdf_text (output);
  g_assert_nonnull (strstr (text, "María González"));
  g_assert_nonnull (strstr (text, "Zoë"));
}

static void
test_list_formats (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *broken = g_build_filename (fixture->data_dir, "profiles", "zz-broken.json", NULL);
  const char *tsv_args[] = { "--list-profiles", "--format=tsv", NULL };
  const char *json_args[] = { "--list-profiles", "--format", "json", NULL };
  const char *bad_args[] = { "--list-profiles", "--format=xml", NULL };
  g_auto(Result) tsv = { 0, NULL, NULL };
  g_auto(Result) json = { 0, NULL, NULL };
  g_auto(Result) again = { 0, NULL, NULL };
  g_auto(Result) bad = { 0, NULL, NULL };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rows;

  import_samples (fixture);
  g_free (import_named (fixture, "li-wei", "Aaron Tab\tName", "aaron.json"));
  g_assert_true (g_file_set_contents (broken, "{ not json", -1, NULL));

  tsv = run_upskill (fixture, tsv_args);
  g_assert_cmpint (tsv.status, ==, 0);
  lines = g_strsplit (tsv.out, "\n", -1);
  /* A header, then rows sorted by name; a tab in a name is escaped, so
   * every row has its five columns. */
  g_assert_cmpstr (lines[0], ==, "id\tname\ttarget_role\treadiness\terror");
  g_assert_true (g_str_has_prefix (lines[1], "aaron-tab-name\tAaron Tab\\tName\t"));
  g_assert_true (g_str_has_prefix (lines[2], "dana-okafor\tDana Okafor\t"));
  g_assert_true (g_str_has_prefix (lines[3], "maria-gonzalez\tMaría González\t"));
  g_assert_true (g_str_has_prefix (lines[4], "li-wei\t李伟"));
  /* The broken file: in the same columns, with its error. */
  g_assert_true (g_str_has_prefix (lines[5], "zz-broken\t\t\t\tCould not read"));
  g_assert_cmpstr (lines[6], ==, "");
  for (guint i = 0; i < 6; i++)
    {
      guint tabs = 0;

      for (const char *p = lines[i]; *p; p++)
        tabs += *p == '\t';
      g_assert_cmpuint (tabs, ==, 4);
    }

  /* The same order every time. */
  again = run_upskill (fixture, tsv_args);
  g_assert_cmpstr (again.out, ==, tsv.out);

  json = run_upskill (fixture, json_args);
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (rows), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "name"),
                   ==, "Aaron Tab\tName");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 2), "name"),
                   ==, "María González");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 1), "readiness"), >, 0);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (rows, 1), "error"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 4), "id"), ==, "zz-broken");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (rows, 4), "name"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (rows, 4), "error"),
                            "zz-broken.json"));

  bad = run_upskill (fixture, bad_args);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "xml"));
}

/* No byte that a terminal acts on: ESC, BEL, a raw newline inside a
 * field, a C1 CSI. */
static void
assert_terminal_safe (const char *output,
                      guint       expected_lines)
{
  guint newlines = 0;

  for (const char *p = output; *p; p++)
    {
      guchar c = *p;

      if (c == '\n')
        newlines++;
      else if (c < 0x20 && c != '\t')
        g_error ("control character 0x%02x reached the terminal: %s", c, output);
      else if (c == 0x7f)
        g_error ("DEL reached the terminal");
    }
  g_assert_null (strstr (output, "\xc2\x9b"));
  if (expected_lines > 0)
    g_assert_cmpuint (newlines, ==, expected_lines);
}

static void
test_escapes_control_characters (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *evil = "Eve\033]0;owned\007\nFake line\t\302\233" "31m";
  const char *list_text[] = { "--list-profiles", NULL };
  const char *list_tsv[] = { "--list-profiles", "--format=tsv", NULL };
  const char *list_json[] = { "--list-profiles", "--format=json", NULL };
  const char *export_all[] = { "--export-report", fixture->out_dir, "--all-profiles", NULL };
  const char *unknown[] = { "--export-report", "x.pdf", "--profile", "\033[2Jwho", NULL };
  g_autofree char *id = NULL;

  id = import_named (fixture, "dana-okafor", evil, "evil.json");
  assert_terminal_safe (id, 0);

  {
    g_auto(Result) result = run_upskill (fixture, list_text);

    g_assert_cmpint (result.status, ==, 0);
    assert_terminal_safe (result.out, 1);
    g_assert_nonnull (strstr (result.out, "Eve\\x1b]0;owned\\x07\\nFake line\\t\\u009b31m"));
  }
  {
    g_auto(Result) result = run_upskill (fixture, list_tsv);

    assert_terminal_safe (result.out, 2);
  }
  {
    g_auto(Result) result = run_upskill (fixture, list_json);

    assert_terminal_safe (result.out, 0);
    g_assert_nonnull (strstr (result.out, "\\u001b"));
  }
  {
    g_auto(Result) result = run_upskill (fixture, export_all);

    g_assert_cmpint (result.status, ==, 0);
    assert_terminal_safe (result.out, 1);
    assert_terminal_safe (result.err, 0);
  }
  {
    g_auto(Result) result = run_upskill (fixture, unknown);

    g_assert_cmpint (result.status, ==, 1);
    assert_terminal_safe (result.err, 0);
    g_assert_nonnull (strstr (result.err, "\\x1b[2Jwho"));
  }
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *unknown_option[] = { "--list-profile", NULL };
  const char *stray[] = { "--list-profiles", "extra", NULL };
  const char *missing_value[] = { "--export-report", NULL };
  const char *bad_date[] = { "--export-report", "x.pdf", "--profile", "dana-okafor", "--date", "26.11.2026", NULL };
  const char *date_alone[] = { "--list-profiles", "--date", "2026-11-26", NULL };
  const char *help[] = { "--help", NULL };
  const char * const *wrong[] = { unknown_option, stray, missing_value, bad_date, date_alone };

  import_samples (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_auto(Result) result = run_upskill (fixture, wrong[i]);

      g_assert_cmpint (result.status, ==, 2);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpuint (strlen (result.err), >, 0);
    }

  {
    g_auto(Result) result = run_upskill (fixture, stray);

    g_assert_nonnull (strstr (result.err, "extra"));
    g_assert_nonnull (strstr (result.err, "--help"));
  }
  {
    g_auto(Result) result = run_upskill (fixture, help);

    /* The exit statuses are documented where a script writer looks. */
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "Exit status"));
    g_assert_nonnull (strstr (result.out, "2  wrong usage"));
    g_assert_nonnull (strstr (result.out, "--format"));
    g_assert_nonnull (strstr (result.out, "--date"));
  }
}

static void
test_export_to_stdout (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *args[] = { "--export-report", "-", "--profile", "dana-okafor", "--date", "2026-01-15", NULL };
  const char *all[] = { "--export-report", "-", "--all-profiles", NULL };
  g_autofree char *path = g_build_filename (fixture->out_dir, "piped.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(Result) result = { 0, NULL, NULL };
  g_auto(Result) refused = { 0, NULL, NULL };

  import_samples (fixture);

  result = run_upskill (fixture, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "%PDF-"));

  refused = run_upskill (fixture, all);
  g_assert_cmpint (refused.status, ==, 2);

  if (!upskill_test_have_poppler ())
    return;
  /* g_spawn_sync's output is text up to the first NUL: read the file
   * written through a shell instead. */
  {
    g_autofree char *command = g_strdup_printf ("'%s' --export-report - --profile dana-okafor --date 2026-01-15 > '%s'",
                                                UPSKILL_BINARY, path);
    const char *shell[] = { "/bin/sh", "-c", command, NULL };
    g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "UPSKILL_DATA_DIR", fixture->data_dir, TRUE);
    int status = 0;
    g_autoptr(GError) error = NULL;

    g_spawn_sync (NULL, (char **) shell, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  text = upskill_test_pdf_text (path);
  /* --date sets the report's "as of" date. */
  g_assert_nonnull (strstr (text, "15 January 2026"));
}

static void
test_batch_names (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->out_dir, "batch", NULL);
  const char *args[] = { "--export-report", folder, "--all-profiles", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  g_auto(Result) result = { 0, NULL, NULL };
  const char *name;
  guint n = 0;

  g_free (import_named (fixture, "dana-okafor", "Dana Okafor", "a.json"));
  g_free (import_named (fixture, "dana-okafor", "DANA OKAFOR", "b.json"));
  g_free (import_named (fixture, "dana-okafor", "dana okafor", "c.json"));
  g_free (import_named (fixture, "dana-okafor", "-rf", "d.json"));

  result = run_upskill (fixture, args);
  g_assert_cmpint (result.status, ==, 0);

  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *key = g_utf8_casefold (name, -1);

      /* On a file system that ignores case these are still four files. */
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, g_steal_pointer (&key));
      /* Never read as an option by the next command. */
      g_assert_false (g_str_has_prefix (name, "-"));
      n++;
    }
  g_assert_cmpuint (n, ==, 4);
}

static void
test_batch_stops_once (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->out_dir, "batch", NULL);
  g_autofree char *blocker = NULL;
  const char *args[] = { "--export-report", folder, "--all-profiles", "--date", "2026-11-26", NULL };
  g_auto(Result) result = { 0, NULL, NULL };
  g_auto(GStrv) lines = NULL;

  import_samples (fixture);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  /* The first report's place is taken by a folder: that write fails. */
  blocker = g_build_filename (folder, "Dana Okafor - Upskill report - 2026-11-26.pdf", NULL);
  g_assert_cmpint (g_mkdir (blocker, 0755), ==, 0);

  result = run_upskill (fixture, args);
  g_assert_cmpint (result.status, ==, 1);
  lines = g_strsplit (g_strstrip (result.err), "\n", -1);
  /* One error and one line that says the rest were not written, not the
   * same error once per profile. */
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    /* Only the folder in the way: no report after the failed one. */
    g_assert_cmpuint (n, ==, 1);
  }

  if (getuid () != 0)
    {
      g_auto(Result) unwritable = { 0, NULL, NULL };

      g_assert_cmpint (g_rmdir (blocker), ==, 0);
      g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
      unwritable = run_upskill (fixture, args);
      g_chmod (folder, 0755);
      g_assert_cmpint (unwritable.status, ==, 1);
      g_assert_null (strchr (g_strstrip (unwritable.err), '\n'));
    }
}

static guint
count_demo_folders (const char *tmp)
{
  g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, "upskill-demo-");
  return n;
}

static void
test_demo_cleans_up (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *tmp = g_build_filename (fixture->out_dir, "tmp", NULL);
  g_autofree char *tmpdir = NULL;
  const char *list[] = { "--demo", "--list-profiles", NULL };
  const char *window[] = { "--demo", NULL };
  const char *wrong[] = { "--demo", "--format=tsv", NULL };
  const char * const *runs[] = { list, window, wrong };

  g_assert_cmpint (g_mkdir (tmp, 0700), ==, 0);
  tmpdir = g_strdup_printf ("TMPDIR=%s", tmp);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      const char *env[] = { tmpdir, NULL };
      g_auto(Result) result = run_upskill_env (fixture, runs[i], env);

      /* Listing works, the window fails for want of a display, the last
       * is wrong usage: the sample folder goes every time. */
      g_assert_cmpint (result.status, ==, i == 0 ? 0 : i == 1 ? 1 : 2);
      g_assert_cmpuint (count_demo_folders (tmp), ==, 0);
    }
}

static guint
count_profile_files (Fixture *fixture)
{
  g_autofree char *profiles = g_build_filename (fixture->data_dir, "profiles", NULL);
  g_autoptr(GDir) dir = g_dir_open (profiles, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json") && name[0] != '.')
      n++;

  return n;
}

/* The same profile imported again: refused with a way out in words, then
 * merged, replaced or kept twice when asked; a bad choice is a usage error. */
static void
test_import_existing (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = sample_path ("maria-gonzalez");
  const char *again[] = { "--import", path, NULL };
  const char *merge[] = { "--import", path, "--if-exists=merge", NULL };
  const char *replace[] = { "--import", path, "--if-exists", "replace", NULL };
  const char *keep_both[] = { "--import", path, "--if-exists=keep-both", NULL };
  const char *bad[] = { "--import", path, "--if-exists=overwrite", NULL };
  const char *alone[] = { "--list-profiles", "--if-exists=merge", NULL };

  import_samples (fixture);
  g_assert_cmpuint (count_profile_files (fixture), ==, 3);

  {
    g_auto(Result) result = run_upskill (fixture, again);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_nonnull (strstr (result.err, "“María González” is already here"));
    g_assert_nonnull (strstr (result.err, "--if-exists=keep-both, replace or merge"));
    g_assert_cmpuint (count_profile_files (fixture), ==, 3);
  }

  for (guint i = 0; i < 2; i++)
    {
      g_auto(Result) result = run_upskill (fixture, i == 0 ? merge : replace);

      g_assert_cmpint (result.status, ==, 0);
      g_assert_cmpstr (g_strstrip (result.out), ==, "maria-gonzalez");
      g_assert_cmpuint (count_profile_files (fixture), ==, 3);
    }

  {
    g_auto(Result) result = run_upskill (fixture, keep_both);

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (g_strstrip (result.out), ==, "maria-gonzalez-2");
    g_assert_cmpuint (count_profile_files (fixture), ==, 4);
  }

  {
    g_auto(Result) result = run_upskill (fixture, bad);

    g_assert_cmpint (result.status, ==, 2);
    g_assert_nonnull (strstr (result.err, "Unknown choice “overwrite” for --if-exists"));
    g_assert_cmpuint (count_profile_files (fixture), ==, 4);
  }

  {
    g_auto(Result) result = run_upskill (fixture, alone);

    g_assert_cmpint (result.status, ==, 2);
    g_assert_nonnull (strstr (result.err, "--if-exists goes with --import"));
  }
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
          const char *argv[] = { UPSKILL_BINARY, "--import", path, "--if-exists=keep-both", NULL };
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
  ADD ("export-sign-off", test_export_sign_off);
  ADD ("export-by-id-without-notes", test_export_by_id_without_notes);
  ADD ("export-leaving-out", test_export_leaving_out);
  ADD ("unknown-profile", test_unknown_profile);
  ADD ("unwritable-path", test_unwritable_path);
  ADD ("report-into-profiles-refused", test_report_into_profiles_refused);
  ADD ("missing-options", test_missing_options);
  ADD ("all-profiles", test_all_profiles);
  ADD ("all-profiles-with-broken-file", test_all_profiles_with_broken_file);
  ADD ("import-unusable-folder", test_import_unusable_folder);
  ADD ("list-non-utf8-file-name", test_list_non_utf8_file_name);
  ADD ("file-modes", test_file_modes);
  ADD ("utf8-in-c-locale", test_utf8_in_c_locale);
  ADD ("list-formats", test_list_formats);
  ADD ("escapes-control-characters", test_escapes_control_characters);
  ADD ("usage-errors", test_usage_errors);
  ADD ("export-to-stdout", test_export_to_stdout);
  ADD ("batch-names", test_batch_names);
  ADD ("batch-stops-once", test_batch_stops_once);
  ADD ("demo-cleans-up", test_demo_cleans_up);
  ADD ("concurrent-imports", test_concurrent_imports);
  ADD ("import-existing", test_import_existing);

#undef ADD

  return g_test_run ();
}
