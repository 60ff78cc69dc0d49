/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Closing the window with the disk full: the last save fails, and the
 * window must say so and stay, not exit silently with the change lost.
 * The test runs itself again under the faultinject shim (LD_PRELOAD),
 * which fails every write() in the data folder with ENOSPC while reading
 * still works, as on a full disk. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "upskill-application.h"
#include "upskill-test-ui.h"
#include "upskill-window-private.h"

#define CHILD_ENV "UPSKILL_TEST_DISK_FULL_CHILD"

#define WAIT_UNTIL(condition) UPSKILL_TEST_WAIT_UNTIL (condition)

static const char *test_program;

static void
on_destroy (GtkWidget *widget,
            gboolean  *destroyed)
{
  *destroyed = TRUE;
}

static guint
saved_level (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "profiles", "dana-okafor.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  profile = upskill_profile_new_from_bytes (bytes, path, &error);
  g_assert_no_error (error);

  return upskill_profile_get_level (profile, "aws-bedrock");
}

/* Under the shim: change a level, close, and see the window stay. */
static void
test_child (void)
{
  g_autoptr(UpskillApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  const char *data_dir = g_getenv ("UPSKILL_DATA_DIR");
  UpskillWindow *window;
  UpskillProfile *profile;
  AdwMessageDialog *dialog;
  gboolean destroyed = FALSE;
  guint before = saved_level (data_dir);

  application = upskill_test_application_new ("com.example.Upskill.TestDiskFull");

  window = upskill_window_new (application);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &destroyed);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (!upskill_window_is_loading (window));

  upskill_window_select (window, "dana-okafor");
  WAIT_UNTIL (!upskill_window_is_loading (window) &&
              upskill_window_get_profile (window) != NULL &&
              g_str_equal (upskill_profile_get_id (upskill_window_get_profile (window)), "dana-okafor"));

  profile = upskill_window_get_profile (window);
  upskill_profile_set_level (profile, "aws-bedrock", before == 5 ? 4 : 5, NULL, 0);

  /* Closing right after the change: the final save fails. */
  gtk_window_close (GTK_WINDOW (window));
  WAIT_UNTIL ((dialog = (AdwMessageDialog *) upskill_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);

  g_assert_false (destroyed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_strerror (ENOSPC)));
  g_assert_cmpuint (upskill_profile_get_level (upskill_window_get_profile (window), "aws-bedrock"), !=, before);
  g_assert_cmpuint (saved_level (data_dir), ==, before);

  /* Keeping it open, then closing again: asked again, still there. */
  upskill_test_respond (dialog, "keep");
  g_assert_false (destroyed);
  gtk_window_close (GTK_WINDOW (window));
  WAIT_UNTIL ((dialog = (AdwMessageDialog *) upskill_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_false (destroyed);

  /* Only when the user says so does it close without the change. */
  upskill_test_respond (dialog, "discard");
  WAIT_UNTIL (destroyed);
  WAIT_UNTIL (window == NULL);
  g_assert_cmpuint (saved_level (data_dir), ==, before);
}

static void
test_close_with_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("upskill-disk-full-XXXXXX", &error);
  g_autofree char *profiles = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *errout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { test_program, "--tap", NULL };
  int status;

  g_assert_no_error (error);
  profiles = g_build_filename (data_dir, "profiles", NULL);
  g_assert_cmpint (g_mkdir_with_parents (profiles, 0700), ==, 0);
  bytes = g_resources_lookup_data ("/com/example/Upskill/data/samples/dana-okafor.json", 0, &error);
  g_assert_no_error (error);
  path = g_build_filename (profiles, "dana-okafor.json", NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  env = g_environ_setenv (env, CHILD_ENV, "1", TRUE);
  env = g_environ_setenv (env, "UPSKILL_DATA_DIR", data_dir, TRUE);
  env = g_environ_setenv (env, "LD_PRELOAD", FAULTINJECT_MODULE, TRUE);
  env = g_environ_setenv (env, "FAULT_DIR", data_dir, TRUE);
  env = g_environ_setenv (env, "FAULT_ONLY", "write", TRUE);
  env = g_environ_setenv (env, "FAULT_AT", "1", TRUE);
  env = g_environ_setenv (env, "FAULT_MODE", "persist", TRUE);
  env = g_environ_setenv (env, "FAULT_ERRNO", "ENOSPC", TRUE);
  if (upskill_test_running_under_asan ())
    {
      g_autofree char *options = g_strconcat (g_environ_getenv (env, "ASAN_OPTIONS") ?: "",
                                              ":verify_asan_link_order=0", NULL);

      env = g_environ_setenv (env, "ASAN_OPTIONS", options, TRUE);
    }

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &output, &errout, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 ||
      strstr (output, "ok 1 /upskill/window-disk-full/child") == NULL)
    g_error ("The window under a full disk failed (status %d):\n%s%s", status, output, errout);

  upskill_test_remove_tree (data_dir, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  test_program = argv[0];

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (g_getenv (CHILD_ENV) != NULL)
    g_test_add_func ("/upskill/window-disk-full/child", test_child);
  else
    g_test_add_func ("/upskill/window-disk-full/close-keeps-window", test_close_with_disk_full);

  return g_test_run ();
}
