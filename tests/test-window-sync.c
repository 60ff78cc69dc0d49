/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on a data folder that other devices and processes change:
 * a save refused because the file changed or vanished shows a banner,
 * and each of its choices does what it says, checked on disk. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "upskill-application.h"
#include "upskill-conflict-bar.h"
#include "upskill-test-ui.h"
#include "upskill-window-private.h"

static guint application_counter;

typedef struct
{
  char               *data_dir;
  char               *profiles_dir;
  UpskillApplication *application;
  UpskillWindow      *window;
} Fixture;

/* Iterates the main context until @condition holds; fails the test after
 * 20 seconds. */
#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 wait_end_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; \
    guint wait_tick_ = g_timeout_add (10, tick, NULL); \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > wait_end_) \
          g_error ("Timed out waiting for: %s", #condition); \
        g_main_context_iteration (NULL, TRUE); \
      } \
    g_source_remove (wait_tick_); \
  } G_STMT_END

static gboolean
tick (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Helpers */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }

  g_rmdir (path);
}

static char *
profile_path (Fixture    *fixture,
              const char *id)
{
  g_autofree char *file_name = g_strconcat (id, ".json", NULL);

  return g_build_filename (fixture->profiles_dir, file_name, NULL);
}


static UpskillProfile *
read_profile (Fixture    *fixture,
              const char *id)
{
  g_autofree char *path = profile_path (fixture, id);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  UpskillProfile *profile;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  profile = upskill_profile_new_from_bytes (bytes, path, &error);
  g_assert_no_error (error);

  return profile;
}

static void
copy_samples (Fixture *fixture)
{
  const char *samples[] = { "dana-okafor", "li-wei", "maria-gonzalez" };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *resource = g_strdup_printf ("/com/example/Upskill/data/samples/%s.json", samples[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autofree char *path = profile_path (fixture, samples[i]);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (bytes);
      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
    }
}

static guint
n_visible (Fixture *fixture)
{
  return g_list_model_get_n_items (upskill_window_get_visible_profiles (fixture->window));
}

static gboolean
window_ready (UpskillWindow *window)
{
  return !upskill_window_is_loading (window);
}

static gboolean
showing (UpskillWindow *window,
         const char    *id)
{
  UpskillProfile *profile = upskill_window_get_profile (window);

  return window_ready (window) &&
         profile != NULL &&
         g_strcmp0 (upskill_profile_get_id (profile), id) == 0;
}

static UpskillWindow *
open_window (Fixture *fixture)
{
  UpskillWindow *window = upskill_window_new (fixture->application);

  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (window_ready (window));

  return window;
}

static void
on_destroy (GtkWidget *widget,
            gboolean  *destroyed)
{
  *destroyed = TRUE;
}

/* Closes as the user does (close-request) and waits until the window is
 * gone, and with it every pending save. */
static void
close_window (Fixture *fixture)
{
  UpskillWindow *window = g_steal_pointer (&fixture->window);
  gboolean destroyed = FALSE;

  if (window == NULL)
    return;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &destroyed);
  gtk_window_close (GTK_WINDOW (window));
  WAIT_UNTIL (destroyed);
  WAIT_UNTIL (window == NULL);
}



/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  gboolean with_samples = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *application_id = NULL;

  fixture->data_dir = g_dir_make_tmp ("upskill-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->profiles_dir = g_build_filename (fixture->data_dir, "profiles", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->profiles_dir, 0700), ==, 0);
  g_setenv ("UPSKILL_DATA_DIR", fixture->data_dir, TRUE);

  /* GSETTINGS_BACKEND=memory: one store for the whole run. */
  g_settings_reset (settings, "last-profile");
  g_settings_reset (settings, "last-page");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");

  if (with_samples)
    copy_samples (fixture);

  /* A fresh application per test, its store reading this test's folder
   * (each its own id: a registered one stays on the bus). */
  application_id = g_strdup_printf ("com.example.Upskill.Test%u", ++application_counter);
  fixture->application = g_object_new (UPSKILL_TYPE_APPLICATION,
                                       "application-id", application_id,
                                       "flags", G_APPLICATION_NON_UNIQUE,
                                       "resource-base-path", "/com/example/Upskill",
                                       NULL);
  g_application_register (G_APPLICATION (fixture->application), NULL, &error);
  g_assert_no_error (error);

  fixture->window = open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWindow *other;

  close_window (fixture);

  while ((other = upskill_test_find_window (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (other);

  /* GtkApplication keeps itself alive once registered, until it runs
   * and shuts down; the window above is checked to be finalized. */
  g_clear_object (&fixture->application);

  remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
  g_free (fixture->profiles_dir);
}

/* Another device's version of @id arriving as a sync tool writes it: a
 * temporary file renamed over the profile. It adds the note @note. */
static void
change_elsewhere (Fixture    *fixture,
                  const char *id,
                  const char *note)
{
  g_autoptr(UpskillProfile) theirs = read_profile (fixture, id);
  g_autofree char *path = profile_path (fixture, id);
  g_autofree char *temp = g_strconcat (path, ".sync-tmp", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  upskill_profile_add_note (theirs, g_get_real_time () / G_USEC_PER_SEC - 3600, note);
  bytes = upskill_profile_to_bytes (theirs);
  g_file_set_contents (temp, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_rename (temp, path));
}

static gboolean
has_note (UpskillProfile *profile,
          const char     *text)
{
  GPtrArray *notes = upskill_profile_get_notes (profile);

  for (guint i = 0; i < notes->len; i++)
    {
      if (g_str_equal (((UpskillNote *) g_ptr_array_index (notes, i))->text, text))
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What a click on the banner's button @label does. */
static void
click (Fixture    *fixture,
       const char *label)
{
  GtkWidget *button;

  upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 2);
  button = find_button (fixture->window->conflict_bar, label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_signal_emit_by_name (button, "clicked");
}

static UpskillConflictKind
conflict_shown (Fixture *fixture)
{
  return upskill_conflict_bar_get_kind (UPSKILL_CONFLICT_BAR (fixture->window->conflict_bar));
}

/* Dana shown, her file changed elsewhere, then a change here: the
 * autosave is refused and the banner asks. */
static void
edit_after_change_elsewhere (Fixture *fixture)
{
  UpskillProfile *profile;
  g_autoptr(UpskillProfile) on_disk = NULL;

  upskill_window_select (fixture->window, "dana-okafor");
  WAIT_UNTIL (showing (fixture->window, "dana-okafor"));
  profile = upskill_window_get_profile (fixture->window);

  change_elsewhere (fixture, "dana-okafor", "Session on the desktop");

  upskill_profile_set_level (profile, "python-core", 5, NULL, 0);
  WAIT_UNTIL (conflict_shown (fixture) == UPSKILL_CONFLICT_CHANGED &&
              !upskill_window_is_busy (fixture->window));
  upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 2);

  /* Nothing overwritten. */
  on_disk = read_profile (fixture, "dana-okafor");
  g_assert_true (has_note (on_disk, "Session on the desktop"));
  g_assert_cmpuint (upskill_profile_get_level (on_disk, "python-core"), !=, 5);
}

static void
test_changed_merge (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(UpskillProfile) on_disk = NULL;

  edit_after_change_elsewhere (fixture);
  if (g_getenv ("UPSKILL_TEST_SCREENSHOTS") != NULL)
    upskill_test_save_png (GTK_WIDGET (fixture->window), "conflict-bar.png");

  click (fixture, "_Merge");
  WAIT_UNTIL (conflict_shown (fixture) == UPSKILL_CONFLICT_NONE &&
              has_note (upskill_window_get_profile (fixture->window), "Session on the desktop"));
  WAIT_UNTIL (!upskill_window_is_busy (fixture->window));

  /* Both sides' work, on screen and on disk. */
  on_disk = read_profile (fixture, "dana-okafor");
  g_assert_true (has_note (on_disk, "Session on the desktop"));
  g_assert_cmpuint (upskill_profile_get_level (on_disk, "python-core"), ==, 5);
  g_assert_null (upskill_profile_session_get_unsaved_error (fixture->window->session));
}

static void
test_changed_keep_mine (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(UpskillProfile) on_disk = NULL;

  edit_after_change_elsewhere (fixture);

  click (fixture, "Keep _Mine");
  WAIT_UNTIL (conflict_shown (fixture) == UPSKILL_CONFLICT_NONE);
  WAIT_UNTIL (!upskill_window_is_busy (fixture->window));

  on_disk = read_profile (fixture, "dana-okafor");
  g_assert_false (has_note (on_disk, "Session on the desktop"));
  g_assert_cmpuint (upskill_profile_get_level (on_disk, "python-core"), ==, 5);
  g_assert_null (upskill_profile_session_get_unsaved_error (fixture->window->session));
}

static void
test_changed_take_theirs (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(UpskillProfile) on_disk = NULL;
  UpskillProfile *shown;

  edit_after_change_elsewhere (fixture);

  click (fixture, "Take _Theirs");
  WAIT_UNTIL (conflict_shown (fixture) == UPSKILL_CONFLICT_NONE &&
              has_note (upskill_window_get_profile (fixture->window), "Session on the desktop"));
  WAIT_UNTIL (!upskill_window_is_busy (fixture->window));

  shown = upskill_window_get_profile (fixture->window);
  g_assert_cmpuint (upskill_profile_get_level (shown, "python-core"), !=, 5);
  on_disk = read_profile (fixture, "dana-okafor");
  g_assert_true (has_note (on_disk, "Session on the desktop"));
  g_assert_cmpuint (upskill_profile_get_level (on_disk, "python-core"), !=, 5);
  g_assert_null (upskill_profile_session_get_unsaved_error (fixture->window->session));
}

/* Deleted elsewhere: not brought back by the autosave; Restore does. */
static void
test_deleted_restore (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *path = profile_path (fixture, "dana-okafor");
  g_autoptr(UpskillProfile) on_disk = NULL;

  upskill_window_select (fixture->window, "dana-okafor");
  WAIT_UNTIL (showing (fixture->window, "dana-okafor"));

  g_assert_no_errno (g_unlink (path));
  upskill_profile_set_level (upskill_window_get_profile (fixture->window), "python-core", 5, NULL, 0);
  WAIT_UNTIL (conflict_shown (fixture) == UPSKILL_CONFLICT_DELETED &&
              !upskill_window_is_busy (fixture->window));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (find_button (fixture->window->conflict_bar, "_Merge"));

  click (fixture, "_Restore");
  WAIT_UNTIL (conflict_shown (fixture) == UPSKILL_CONFLICT_NONE);
  WAIT_UNTIL (!upskill_window_is_busy (fixture->window));

  on_disk = read_profile (fixture, "dana-okafor");
  g_assert_cmpuint (upskill_profile_get_level (on_disk, "python-core"), ==, 5);
}

/* …or is let go: gone from the list, and not written again. */
static void
test_deleted_close (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *path = profile_path (fixture, "dana-okafor");

  upskill_window_select (fixture->window, "dana-okafor");
  WAIT_UNTIL (showing (fixture->window, "dana-okafor"));
  g_assert_cmpuint (n_visible (fixture), ==, 3);

  g_assert_no_errno (g_unlink (path));
  upskill_profile_set_level (upskill_window_get_profile (fixture->window), "python-core", 5, NULL, 0);
  WAIT_UNTIL (conflict_shown (fixture) == UPSKILL_CONFLICT_DELETED &&
              !upskill_window_is_busy (fixture->window));

  click (fixture, "_Close Profile");
  WAIT_UNTIL (conflict_shown (fixture) == UPSKILL_CONFLICT_NONE);
  WAIT_UNTIL (!upskill_window_is_busy (fixture->window));

  g_assert_cmpuint (n_visible (fixture), ==, 2);
  g_assert_null (upskill_window_get_profile (fixture->window));
  g_assert_null (upskill_profile_session_get_unsaved_error (fixture->window->session));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Watching the folder: what another device or process does shows. */

static void
test_folder_added_removed (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(UpskillProfile) lee = upskill_profile_new ("lee-chen", "Lee Chen");
  g_autoptr(GBytes) bytes = upskill_profile_to_bytes (lee);
  g_autofree char *lee_path = profile_path (fixture, "lee-chen");
  g_autofree char *li_path = profile_path (fixture, "li-wei");
  g_autoptr(GError) error = NULL;

  upskill_window_select (fixture->window, "dana-okafor");
  WAIT_UNTIL (showing (fixture->window, "dana-okafor"));
  g_assert_cmpuint (n_visible (fixture), ==, 3);

  /* Added (as `upskill --import` in another process would). */
  g_file_set_contents (lee_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  WAIT_UNTIL (n_visible (fixture) == 4 &&
              upskill_window_find_item (fixture->window, "lee-chen", NULL) != NULL);
  g_assert_cmpstr (upskill_profile_item_get_name (upskill_window_find_item (fixture->window, "lee-chen", NULL)),
                   ==, "Lee Chen");

  /* Removed. */
  g_assert_no_errno (g_unlink (li_path));
  WAIT_UNTIL (n_visible (fixture) == 3 &&
              upskill_window_find_item (fixture->window, "li-wei", NULL) == NULL);

  /* The profile shown stays as it was. */
  g_assert_true (showing (fixture->window, "dana-okafor"));
  g_assert_cmpint (conflict_shown (fixture), ==, UPSKILL_CONFLICT_NONE);
}

/* The profile shown, replaced elsewhere while unchanged here: reloaded. */
static void
test_folder_shown_replaced (Fixture       *fixture,
                            gconstpointer  user_data)
{
  UpskillProfile *before;

  upskill_window_select (fixture->window, "dana-okafor");
  WAIT_UNTIL (showing (fixture->window, "dana-okafor"));
  before = upskill_window_get_profile (fixture->window);
  g_assert_false (has_note (before, "Session on the desktop"));

  change_elsewhere (fixture, "dana-okafor", "Session on the desktop");
  WAIT_UNTIL (showing (fixture->window, "dana-okafor") &&
              has_note (upskill_window_get_profile (fixture->window), "Session on the desktop"));
  g_assert_cmpint (conflict_shown (fixture), ==, UPSKILL_CONFLICT_NONE);

  /* A change here now replaces that version, no conflict. */
  upskill_profile_set_level (upskill_window_get_profile (fixture->window), "python-core", 5, NULL, 0);
  upskill_window_flush_save (fixture->window);
  WAIT_UNTIL (!upskill_window_is_busy (fixture->window));
  g_assert_cmpint (conflict_shown (fixture), ==, UPSKILL_CONFLICT_NONE);
  {
    g_autoptr(UpskillProfile) on_disk = read_profile (fixture, "dana-okafor");

    g_assert_true (has_note (on_disk, "Session on the desktop"));
    g_assert_cmpuint (upskill_profile_get_level (on_disk, "python-core"), ==, 5);
  }
}

/* A sync tool's conflict copy: not a profile in the list, but a banner
 * on its profile; merged, it is gone and its work is in the profile. */
static void
test_conflict_copy_merge (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char *copy_name = "li-wei.sync-conflict-20261203-101500-ABCDEFG.json";
  g_autofree char *copy_path = g_build_filename (fixture->profiles_dir, copy_name, NULL);
  g_autoptr(UpskillProfile) copy = read_profile (fixture, "li-wei");
  g_autoptr(UpskillProfile) on_disk = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  upskill_window_select (fixture->window, "dana-okafor");
  WAIT_UNTIL (showing (fixture->window, "dana-okafor"));

  upskill_profile_add_note (copy, g_get_real_time () / G_USEC_PER_SEC - 7200, "Session on the laptop");
  bytes = upskill_profile_to_bytes (copy);
  g_file_set_contents (copy_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  /* Seen by the watch; not a fourth profile, and not Dana's conflict,
   * but marked on Li Wei's row in the sidebar. */
  WAIT_UNTIL (g_strcmp0 (upskill_profile_item_get_conflict_copy (upskill_window_find_item (fixture->window, "li-wei", NULL)),
                         copy_name) == 0);
  g_assert_cmpuint (n_visible (fixture), ==, 3);
  g_assert_cmpint (conflict_shown (fixture), ==, UPSKILL_CONFLICT_NONE);
  g_assert_null (upskill_profile_item_get_conflict_copy (upskill_window_find_item (fixture->window, "dana-okafor", NULL)));
  if (g_getenv ("UPSKILL_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("UPSKILL_SCREENSHOT_DIR"), "conflict-marker.png", NULL);

      upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 3);
      upskill_test_save_png (GTK_WIDGET (fixture->window), png);
    }

  upskill_window_select (fixture->window, "li-wei");
  WAIT_UNTIL (showing (fixture->window, "li-wei") && conflict_shown (fixture) == UPSKILL_CONFLICT_COPY);
  if (g_getenv ("UPSKILL_TEST_SCREENSHOTS") != NULL)
    {
      upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 2);
      upskill_test_save_png (GTK_WIDGET (fixture->window), "conflict-copy.png");
    }

  click (fixture, "_Merge");
  WAIT_UNTIL (conflict_shown (fixture) == UPSKILL_CONFLICT_NONE &&
              has_note (upskill_window_get_profile (fixture->window), "Session on the laptop"));
  WAIT_UNTIL (!upskill_window_is_busy (fixture->window));

  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  on_disk = read_profile (fixture, "li-wei");
  g_assert_true (has_note (on_disk, "Session on the laptop"));
  g_assert_cmpuint (n_visible (fixture), ==, 3);
  /* Resolved: the mark goes. */
  WAIT_UNTIL (upskill_profile_item_get_conflict_copy (upskill_window_find_item (fixture->window, "li-wei", NULL)) == NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  upskill_test_load_style ();

#define add_test(path, func) \
  g_test_add ("/upskill/window-sync/" path, Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, func, fixture_tear_down)

  add_test ("changed-merge", test_changed_merge);
  add_test ("changed-keep-mine", test_changed_keep_mine);
  add_test ("changed-take-theirs", test_changed_take_theirs);
  add_test ("deleted-restore", test_deleted_restore);
  add_test ("deleted-close", test_deleted_close);
  add_test ("folder-added-removed", test_folder_added_removed);
  add_test ("folder-shown-replaced", test_folder_shown_replaced);
  add_test ("conflict-copy-merge", test_conflict_copy_merge);

  return g_test_run ();
}
