/* SPDX-License-Identifier: GPL-3.0-or-later */
/* I/O faults during a save. The helper io-fault-save saves a new version
 * of a profile under the faultinject shim (LD_PRELOAD), which fails the
 * Nth open/write/fsync/rename inside the store's folder with EIO or
 * ENOSPC — once, or from N on ("keep failing"). For N = 1, 2, … until
 * the save goes through untouched, every run must end either
 *  - with "saved" and the new content on disk, or
 *  - with a GError that gives the system's reason ("No space left on
 *    device") and the previous file intact, parsing and byte-identical —
 *    unless the rename had already put the complete new file in place
 *    (a failing fsync of the folder afterwards), in which case the file is
 *    the complete new one;
 * and never with a crash or a temporary file left behind. (Tests run as
 * root, so permissions alone could not make the disk fail.) */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-store.h"
#include "upskill-test-utils.h"

#define PROFILE_ID "dana-okafor"
#define MAX_RUNS   200

typedef struct
{
  const char *mode;        /* the helper's MODE */
  int         fault_errno;
  gboolean    persist;
} FaultCase;

static GBytes *old_bytes;
static GBytes *new_bytes;

static void
load_contents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) profile = NULL;

  old_bytes = g_resources_lookup_data ("/com/example/Upskill/data/samples/" PROFILE_ID ".json",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  /* Through the store once, so the old file is exactly what a save writes. */
  profile = upskill_profile_new_from_bytes (old_bytes, "old.json", &error);
  g_assert_no_error (error);
  g_clear_pointer (&old_bytes, g_bytes_unref);
  old_bytes = upskill_profile_to_bytes (profile);

  upskill_profile_set_name (profile, "Dana Okafor (after the session)");
  upskill_profile_set_level (profile, "sql", 4, "Session", 0);
  new_bytes = upskill_profile_to_bytes (profile);
  g_assert_false (g_bytes_equal (old_bytes, new_bytes));
}

/* A fresh store holding the old version of the profile; returns the
 * folder holding it, the store's folder and the new content's file. */
static char *
make_fixture (char **out_data_dir,
              char **out_new_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GFile) data_dir = NULL;
  char *root = g_dir_make_tmp ("upskill-io-faults-XXXXXX", &error);

  g_assert_no_error (error);
  *out_data_dir = g_build_filename (root, "data", NULL);
  *out_new_path = g_build_filename (root, "new.json", NULL);

  data_dir = g_file_new_for_path (*out_data_dir);
  store = upskill_store_new (data_dir, upskill_catalog_get_default ());
  profile = upskill_profile_new_from_bytes (old_bytes, "old.json", &error);
  g_assert_no_error (error);
  g_assert_true (upskill_store_save (store, profile, NULL, &error));
  g_assert_no_error (error);

  g_file_set_contents (*out_new_path, g_bytes_get_data (new_bytes, NULL),
                       g_bytes_get_size (new_bytes), &error);
  g_assert_no_error (error);

  return root;
}

typedef struct
{
  int       exit_status;   /* -1: killed by a signal */
  char     *output;
  char     *log;
  guint     n_counted;     /* calls the shim counted */
  gboolean  fault_hit;
  gboolean  renamed_before_fault;  /* the profile was replaced before the first fault */
} Run;

static void
run_clear (Run *run)
{
  g_free (run->output);
  g_free (run->log);
}

static void
run_helper (const char *mode,
            const char *root,
            const char *data_dir,
            const char *new_path,
            guint       fault_at,
            int         fault_errno,
            gboolean    persist,
            Run        *run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *log_path = g_build_filename (root, "fault.log", NULL);
  g_autofree char *fault_at_text = g_strdup_printf ("%u", fault_at);
  g_autofree char *profile_path = g_build_filename (data_dir, "profiles", PROFILE_ID ".json", NULL);
  g_autofree char *rename_suffix = g_strconcat (" -> ", profile_path, " ok", NULL);
  g_autofree char *errout = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { IO_FAULT_SAVE, mode, data_dir, new_path, NULL };
  int status;

  g_unlink (log_path);

  env = g_environ_setenv (env, "LD_PRELOAD", FAULTINJECT_MODULE, TRUE);
  env = g_environ_setenv (env, "FAULT_DIR", data_dir, TRUE);
  env = g_environ_setenv (env, "FAULT_LOG", log_path, TRUE);
  env = g_environ_setenv (env, "FAULT_ERRNO", fault_errno == ENOSPC ? "ENOSPC" : "EIO", TRUE);
  env = g_environ_setenv (env, "FAULT_MODE", persist ? "persist" : "once", TRUE);
  if (fault_at > 0)
    env = g_environ_setenv (env, "FAULT_AT", fault_at_text, TRUE);
  else
    env = g_environ_unsetenv (env, "FAULT_AT");
  if (upskill_test_running_under_asan ())
    {
      /* The shim is preloaded ahead of the ASan runtime the helper links. */
      g_autofree char *options = g_strconcat (g_environ_getenv (env, "ASAN_OPTIONS") ?: "",
                                              ":verify_asan_link_order=0", NULL);

      env = g_environ_setenv (env, "ASAN_OPTIONS", options, TRUE);
    }

  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->output, &errout, &status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (status))
    run->exit_status = WEXITSTATUS (status);
  else
    g_error ("io-fault-save died (status %d) with the fault at call %u:\n%s%s",
             status, fault_at, run->output, errout);

  if (run->exit_status != 0 && run->exit_status != 1)
    g_error ("io-fault-save failed to run (exit %d):\n%s%s", run->exit_status, run->output, errout);

  if (!g_file_get_contents (log_path, &run->log, NULL, NULL))
    run->log = g_strdup ("");

  lines = g_strsplit (run->log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      run->n_counted++;
      if (g_str_has_suffix (lines[i], " FAIL"))
        run->fault_hit = TRUE;
      else if (!run->fault_hit && strstr (lines[i], " rename ") != NULL &&
               g_str_has_suffix (lines[i], rename_suffix))
        run->renamed_before_fault = TRUE;
    }
}

static void
assert_profile_file (const char *data_dir,
                     GBytes     *expected,
                     const char *context)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (data_dir, "profiles", PROFILE_ID ".json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s: the profile file is gone: %s", context, error->message);

  bytes = g_bytes_new (contents, length);
  if (!g_bytes_equal (bytes, expected))
    g_error ("%s: the profile file is not the %s version", context,
             expected == old_bytes ? "previous" : "new");

  profile = upskill_profile_new_from_bytes (bytes, PROFILE_ID ".json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_id (profile), ==, PROFILE_ID);
}

/* Nothing but the profile (and the index) may be left in the store. */
static void
assert_no_leftovers (const char *data_dir,
                     const char *context)
{
  const char *folders[] = { "", "profiles" };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (data_dir, folders[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          if (g_str_equal (name, "profiles") || g_str_equal (name, "index.json") ||
              g_str_equal (name, PROFILE_ID ".json"))
            continue;
          g_error ("%s: “%s” was left in %s", context, name, path);
        }
    }
}

static void
test_fault_case (gconstpointer data)
{
  const FaultCase *fault_case = data;
  const char *reason = g_strerror (fault_case->fault_errno);
  g_autofree char *plain_failure = g_strdup_printf ("error: Could not save “" PROFILE_ID ".json”: %s\n",
                                                    reason);
  guint n_failed_runs = 0;
  guint n_plain_failures = 0;
  guint n_with_new_content = 0;
  guint fault_at;

  for (fault_at = 1; fault_at <= MAX_RUNS; fault_at++)
    {
      g_autofree char *data_dir = NULL;
      g_autofree char *new_path = NULL;
      g_autofree char *root = make_fixture (&data_dir, &new_path);
      g_autofree char *context = g_strdup_printf ("%s, %s, %s from call %u",
                                                  fault_case->mode, reason,
                                                  fault_case->persist ? "failing" : "failing once",
                                                  fault_at);
      Run run;

      run_helper (fault_case->mode, root, data_dir, new_path, fault_at,
                  fault_case->fault_errno, fault_case->persist, &run);

      if (run.exit_status == 0)
        {
          /* A save that says it is done must be done. */
          g_assert_true (g_str_has_prefix (run.output, "saved"));
          assert_profile_file (data_dir, new_bytes, context);
          n_with_new_content++;
        }
      else
        {
          g_assert_true (run.fault_hit);
          if (!g_str_has_prefix (run.output, "error: ") || strstr (run.output, reason) == NULL)
            g_error ("%s: expected an error that says “%s”, got: %s", context, reason, run.output);
          /* One layer says what could not be done ("Could not save
           * “Dana Okafor”: Could not save “dana-okafor.json”: …" once). */
          {
            const char *second = strstr (run.output, "Could not save");

            if (second != NULL && strstr (second + 1, "Could not save") != NULL)
              g_error ("%s: “Could not save” twice in: %s", context, run.output);
          }
          if (g_str_equal (run.output, plain_failure))
            n_plain_failures++;
          assert_profile_file (data_dir, run.renamed_before_fault ? new_bytes : old_bytes, context);
          n_failed_runs++;
        }

      assert_no_leftovers (data_dir, context);

      /* Past the last call: the save went through without any fault. */
      if (!run.fault_hit)
        {
          g_assert_cmpint (run.exit_status, ==, 0);
          g_test_message ("%s: %u calls, %u runs failed with an error",
                          fault_case->mode, fault_at - 1, n_failed_runs);
          run_clear (&run);
          upskill_test_remove_tree (root, NULL);
          break;
        }

      run_clear (&run);
      upskill_test_remove_tree (root, NULL);
    }

  g_assert_cmpuint (fault_at, <=, MAX_RUNS);
  /* A save takes at least: create the temporary file, write, fsync,
   * rename, open and fsync the folder; each can fail. */
  g_assert_cmpuint (fault_at - 1, >=, 6);
  g_assert_cmpuint (n_failed_runs, >=, 4);
  /* The write itself failing reads, word for word: */
  if (n_plain_failures == 0)
    g_error ("%s: no run failed with “%s”", fault_case->mode, plain_failure);
}

/* The shim counts the steps of a save (and so is really loaded). */
static void
test_shim_counts_calls (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *root = make_fixture (&data_dir, &new_path);
  Run run;

  run_helper ("save", root, data_dir, new_path, 0, EIO, FALSE, &run);
  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_false (run.fault_hit);
  g_assert_nonnull (strstr (run.log, " open "));
  g_assert_nonnull (strstr (run.log, " write fd:"));
  g_assert_nonnull (strstr (run.log, " fsync fd:"));
  g_assert_true (run.renamed_before_fault);
  g_assert_cmpuint (run.n_counted, >=, 6);
  /* The temporary file is one that sync tools skip: Syncthing any
   * "~syncthing~*", Nextcloud and Dropbox any "~*.tmp". */
  {
    g_autoptr(GRegex) regex = g_regex_new (" rename [^ ]*/profiles/~syncthing~upskill-[0-9]+-"
                                           PROFILE_ID "\\.json-[A-Za-z0-9]{6}\\.tmp -> [^ ]*/profiles/"
                                           PROFILE_ID "\\.json ", 0, 0, NULL);

    g_assert_nonnull (regex);
    if (!g_regex_match (regex, run.log, 0, NULL))
      g_error ("no rename of a temporary file named for sync tools in:\n%s", run.log);
  }
  assert_profile_file (data_dir, new_bytes, "no fault");
  assert_no_leftovers (data_dir, "no fault");

  run_clear (&run);
  upskill_test_remove_tree (root, NULL);
}

static const FaultCase fault_cases[] = {
  { "save", EIO, FALSE },
  { "save", EIO, TRUE },
  { "save", ENOSPC, FALSE },
  { "save", ENOSPC, TRUE },
  { "list-save", EIO, FALSE },
  { "list-save", ENOSPC, TRUE },
  { "save-async", ENOSPC, FALSE },
  { "save-async", EIO, TRUE },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  load_contents ();

  g_test_add_func ("/upskill/io-faults/shim-counts-calls", test_shim_counts_calls);
  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      const FaultCase *fault_case = &fault_cases[i];
      g_autofree char *path = g_strdup_printf ("/upskill/io-faults/%s/%s/%s",
                                               fault_case->mode,
                                               fault_case->fault_errno == ENOSPC ? "enospc" : "eio",
                                               fault_case->persist ? "keep-failing" : "once");

      g_test_add_data_func (path, fault_case, test_fault_case);
    }

  return g_test_run ();
}
