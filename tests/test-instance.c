/* test-instance.c: one process owns the data folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the real program twice on one data folder, on a private session
 * bus: the second launch hands over to the first (which presents its
 * window) and ends, instead of opening a second window that would write
 * to the same files. --demo is another folder: a program of its own.
 */

#include <glib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>

#include "upskill-test-utils.h"

#define APP_ID "com.example.Upskill"

typedef struct
{
  GTestDBus *bus;
  char      *home;
  GStrv      envp;
  gboolean   have_display;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *data_home = NULL;

  fixture->home = upskill_test_make_tmp_dir ("upskill-instance-XXXXXX");
  g_assert_nonnull (fixture->home);
  data_home = g_build_filename (fixture->home, "data", NULL);

  /* A bus of the test's own: never the desktop's running Upskill. It
   * takes DISPLAY away from this process; the programs get it back. */
  fixture->envp = g_get_environ ();
  fixture->have_display = g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
  fixture->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (fixture->bus);

  fixture->envp = g_environ_unsetenv (fixture->envp, "UPSKILL_DATA_DIR");
  fixture->envp = g_environ_unsetenv (fixture->envp, "G_DEBUG");
  fixture->envp = g_environ_setenv (fixture->envp, "HOME", fixture->home, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "XDG_DATA_HOME", data_home, TRUE);
  /* --demo's folder of samples, removed with the rest. */
  fixture->envp = g_environ_setenv (fixture->envp, "TMPDIR", fixture->home, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "DBUS_SESSION_BUS_ADDRESS",
                                    g_test_dbus_get_bus_address (fixture->bus), TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_test_dbus_down (fixture->bus);
  g_clear_object (&fixture->bus);
  g_assert_true (upskill_test_remove_tree (fixture->home, NULL));
  g_clear_pointer (&fixture->home, g_free);
  g_clear_pointer (&fixture->envp, g_strfreev);
}

static GPid
spawn (Fixture    *fixture,
       const char *option)
{
  const char *argv[] = { UPSKILL_BINARY, option, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async (NULL, (char **) argv, fixture->envp, G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  return pid;
}

static gboolean
name_has_owner (Fixture    *fixture,
                const char *name)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (fixture->bus),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, NULL);
  g_assert_nonnull (connection);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

/* Whether @pid ended within @seconds (then *@status is its wait status):
 * a bound that only stops a hung test, not a timing. */
static gboolean
wait_for_exit (GPid  pid,
               guint seconds,
               int  *status)
{
  for (guint i = 0; i < seconds * 10; i++)
    {
      int wait_status = 0;

      if (waitpid (pid, &wait_status, WNOHANG) == pid)
        {
          *status = wait_status;
          return TRUE;
        }
      g_usleep (G_USEC_PER_SEC / 10);
    }

  return FALSE;
}

/* SIGTERM: --demo quits as when its window closes, removing its folder
 * of samples. */
static void
stop (GPid pid)
{
  int status;

  kill (pid, SIGTERM);
  if (!wait_for_exit (pid, 60, &status))
    {
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
    }
  g_spawn_close_pid (pid);
}

static void
test_second_launch_hands_over (Fixture       *fixture,
                               gconstpointer  data)
{
  GPid first, second, demo;
  int status = -1;

  if (!fixture->have_display)
    {
      g_test_skip ("needs a display");
      return;
    }

  first = spawn (fixture, NULL);
  for (guint i = 0; i < 600 && !name_has_owner (fixture, APP_ID); i++)
    g_usleep (G_USEC_PER_SEC / 10);
  g_assert_true (name_has_owner (fixture, APP_ID));

  /* The second ends, handing over; the first goes on. */
  second = spawn (fixture, NULL);
  g_assert_true (wait_for_exit (second, 120, &status));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_spawn_close_pid (second);
  g_assert_false (wait_for_exit (first, 0, &status));

  /* --demo, on its folder of samples, is a program of its own: it stays
   * (until stopped) where a second plain launch ended. */
  demo = spawn (fixture, "--demo");
  g_assert_false (wait_for_exit (demo, 5, &status));
  stop (demo);

  stop (first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/upskill/instance/second-launch-hands-over", Fixture, NULL,
              fixture_set_up, test_second_launch_hands_over, fixture_tear_down);

  return g_test_run ();
}
