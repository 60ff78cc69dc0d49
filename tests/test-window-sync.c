/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on a data folder that other devices and processes change:
 * a save refused because the file changed or vanished shows a banner,
 * and each of its choices does what it says, checked on disk. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "upskill-application.h"
#include "upskill-conflict-bar.h"
#include "upskill-test-window.h"
#include "upskill-window-private.h"

/* The shared window fixture (upskill-test-window.h), under the name
 * the tests use. */
typedef UpskillTestWindow Fixture;

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

static gboolean
is_shown_button_labelled (GtkWidget     *widget,
                          gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* What a click on the banner's button @label does. */
static void
click (Fixture    *fixture,
       const char *label)
{
  GtkWidget *button;

  upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 2);
  button = upskill_test_find_widget (fixture->window->conflict_bar, is_shown_button_labelled, label);
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

  upskill_test_window_select (fixture->window, "dana-okafor");
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

  upskill_test_window_select (fixture->window, "dana-okafor");

  g_assert_no_errno (g_unlink (path));
  upskill_profile_set_level (upskill_window_get_profile (fixture->window), "python-core", 5, NULL, 0);
  WAIT_UNTIL (conflict_shown (fixture) == UPSKILL_CONFLICT_DELETED &&
              !upskill_window_is_busy (fixture->window));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (upskill_test_find_widget (fixture->window->conflict_bar, is_shown_button_labelled, "_Merge"));

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

  upskill_test_window_select (fixture->window, "dana-okafor");
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

  upskill_test_window_select (fixture->window, "dana-okafor");
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

  upskill_test_window_select (fixture->window, "dana-okafor");
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

  upskill_test_window_select (fixture->window, "dana-okafor");

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
  upskill_test_keep_png (GTK_WIDGET (fixture->window), "conflict-marker.png");

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
  upskill_test_init_styled (&argc, &argv);

#define add_test(path, func) \
  g_test_add ("/upskill/window-sync/" path, Fixture, GINT_TO_POINTER (TRUE), \
              upskill_test_window_fixture_set_up, func, upskill_test_window_fixture_tear_down)

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
