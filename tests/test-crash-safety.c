/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "upskill-store.h"
#include "upskill-test-utils.h"

/* Each round starts a process: under AddressSanitizer (slow to start,
 * and what it looks for shows in fewer rounds) a quarter of them. */
#ifdef __SANITIZE_ADDRESS__
#define ITERATIONS     100
#else
#define ITERATIONS     400
#endif
#define PROFILE_ID     "crash-test"
#define MAX_SLEEP_USEC 3000

/* About 50 KB of JSON, so that writing it takes a while. */
static UpskillProfile *
make_large_profile (const char *name,
                    const char *note_text)
{
  static const char *skills[] = {
    "python-core", "python-data-stack", "pytorch", "tensorflow-keras", "scikit-learn",
    "model-evaluation", "experiment-tracking", "model-serving", "ml-cicd", "sql",
    "data-pipelines", "aws-bedrock", "vertex-ai", "github-copilot", "reviewing-ai-code",
  };
  UpskillProfile *profile = upskill_profile_new (PROFILE_ID, name);
  gint64 time = 1704067200; /* 2024-01-01 */

  upskill_profile_set_target_role (profile, "ml-engineer");
  for (guint week = 0; week < 400; week++)
    {
      const char *skill = skills[week % G_N_ELEMENTS (skills)];
      guint level = upskill_profile_get_level (profile, skill);

      upskill_profile_set_level (profile, skill, (level + 1) % 6,
                                 "Weekly review with the coach", time + week * 7 * 86400);
    }

  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    upskill_profile_add_evidence (profile, skills[i], "A project that shows this skill at work",
                                  "https://example.org/portfolio");

  for (guint i = 0; i < 20; i++)
    upskill_profile_add_note (profile, time + i * 14 * 86400, note_text);

  return profile;
}

static guint
count_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 1;

  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* The child saves the other version first, then alternates, until it is
 * killed. No main loop, no atexit handlers: _exit() only. */
static void G_GNUC_NORETURN
run_child (UpskillStore   *store,
           UpskillProfile *first,
           UpskillProfile *second)
{
  for (guint n = 0; n < 100000; n++)
    {
      UpskillProfile *profile = (n % 2) == 0 ? first : second;

      /* Each replaces the other's version unread, on purpose. */
      upskill_profile_set_file_version (profile, NULL);
      if (!upskill_store_save (store, profile, NULL, NULL))
        _exit (1);
    }

  _exit (0);
}

static void
test_crash_safety (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = upskill_test_make_tmp_dir ("upskill-crash-XXXXXX");
  g_autoptr(GFile) data_dir = NULL;
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autofree char *profiles = NULL;
  g_autofree char *path = NULL;
  UpskillProfile *profile_a;
  UpskillProfile *profile_b;
  UpskillProfileSummary *summary;
  guint seen_a = 0, seen_b = 0, changes = 0;
  gboolean is_a = TRUE;
  guint max_sleep = MAX_SLEEP_USEC;
  gint64 start, save_time;

  data_dir = g_file_new_for_path (base);
  profiles = g_build_filename (base, "profiles", NULL);
  path = g_build_filename (profiles, PROFILE_ID ".json", NULL);
  store = upskill_store_new (data_dir, NULL);

  profile_a = make_large_profile ("Version A", "Notes of the session, version A. Goals reviewed.");
  profile_b = make_large_profile ("Version B", "Notes of the session, version B: new goals set.");
  bytes_a = upskill_profile_to_bytes (profile_a);
  bytes_b = upskill_profile_to_bytes (profile_b);
  g_assert_cmpuint (g_bytes_get_size (bytes_a), >=, 40 * 1024);
  g_assert_false (g_bytes_equal (bytes_a, bytes_b));

  start = g_get_monotonic_time ();
  g_assert_true (upskill_store_save (store, profile_a, NULL, &error));
  g_assert_no_error (error);
  save_time = g_get_monotonic_time () - start;

  /* On a slow disk a save may take longer than 3 ms; kills must still
   * land anywhere in it, including after the rename. */
  max_sleep = MAX (max_sleep, 3 * save_time);
  g_test_message ("one save takes %" G_GINT64_FORMAT " µs; killing after 0 to %u µs",
                  save_time, max_sleep);

  /* fork() is only safe while this process has no other threads. */
  g_assert_cmpuint (count_threads (), ==, 1);

  for (guint i = 0; i < ITERATIONS; i++)
    {
      g_autoptr(GBytes) on_disk = NULL;
      g_autoptr(UpskillProfile) reloaded = NULL;
      char *contents = NULL;
      gsize length = 0;
      struct stat st;
      int status = 0;
      pid_t pid;

      fflush (stdout);
      fflush (stderr);

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        run_child (store, is_a ? profile_b : profile_a, is_a ? profile_a : profile_b);

      g_usleep (g_test_rand_int_range (0, max_sleep + 1));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      while (waitpid (pid, &status, 0) < 0)
        g_assert_cmpint (errno, ==, EINTR);

      /* Exit status 1 would mean a save failed outright. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      on_disk = g_bytes_new_take (contents, length);

      if (g_bytes_equal (on_disk, bytes_a))
        {
          changes += !is_a;
          is_a = TRUE;
          seen_a++;
        }
      else if (g_bytes_equal (on_disk, bytes_b))
        {
          changes += is_a;
          is_a = FALSE;
          seen_b++;
        }
      else
        g_error ("Iteration %u: the file is neither A nor B (%" G_GSIZE_FORMAT " bytes)", i, length);

      /* Through the store, which also tells it what is on disk now, as
       * the app would know after its own save. */
      reloaded = upskill_store_load (store, PROFILE_ID, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (upskill_profile_get_name (reloaded), ==, is_a ? "Version A" : "Version B");

      g_assert_cmpint (stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, 0600);
    }

  g_test_message ("%u iterations: %u ended with A, %u with B, %u changed the file; "
                  "%u temporary files left by killed writers",
                  ITERATIONS, seen_a, seen_b, changes, upskill_test_count_temporary_files (profiles));

  /* Left-over temporary files are never taken for profiles. */
  summaries = upskill_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 1);
  summary = g_ptr_array_index (summaries, 0);
  g_assert_cmpstr (summary->id, ==, PROFILE_ID);
  g_assert_null (summary->error);
  g_assert_true (g_str_equal (summary->name, "Version A") || g_str_equal (summary->name, "Version B"));

  g_assert_finalize_object (profile_a);
  g_assert_finalize_object (profile_b);
  g_assert_finalize_object (g_steal_pointer (&store));
  upskill_test_remove_tree (base, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* No GVfs modules: they could start threads, and this test forks. */
  g_setenv ("GIO_USE_VFS", "local", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upskill/store/crash-safety", test_crash_safety);

  return g_test_run ();
}
