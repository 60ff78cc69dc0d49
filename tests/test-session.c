/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "upskill-error.h"
#include "upskill-profile-session.h"
#include "upskill-store.h"
#include "upskill-test-utils.h"

/* The profile session without a window: undo, autosave, the order of
 * saves and deletions, failures and closing. */

typedef struct
{
  UpskillTestStore       data;
  UpskillProfileSession *session;
  GPtrArray             *events;   /* "saved:ID", "failed:ID: message" */
  guint                  can_undo_notifies;
} Fixture;

static void
on_saved (UpskillProfileSession *session,
          UpskillProfile        *profile,
          Fixture               *fixture)
{
  g_ptr_array_add (fixture->events, g_strconcat ("saved:", upskill_profile_get_id (profile), NULL));
}

static void
on_failed (UpskillProfileSession *session,
           const char            *id,
           const GError          *error,
           Fixture               *fixture)
{
  g_ptr_array_add (fixture->events, g_strdup_printf ("failed:%s: %s", id, error->message));
}

static void
on_can_undo_notify (UpskillProfileSession *session,
                    GParamSpec            *pspec,
                    Fixture               *fixture)
{
  fixture->can_undo_notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* The Trash lives in it (G_TEST_OPTION_ISOLATE_DIRS makes a new one). */
  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);

  upskill_test_store_set_up (&fixture->data, "upskill-session-XXXXXX");
  fixture->session = upskill_profile_session_new (fixture->data.store);
  fixture->events = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (fixture->session, "saved", G_CALLBACK (on_saved), fixture);
  g_signal_connect (fixture->session, "failed", G_CALLBACK (on_failed), fixture);
  g_signal_connect (fixture->session, "notify::can-undo", G_CALLBACK (on_can_undo_notify), fixture);
}

static void
wait_until_idle (Fixture *fixture)
{
  while (upskill_profile_session_get_busy (fixture->session))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  wait_until_idle (fixture);
  g_assert_finalize_object (fixture->session);
  upskill_test_store_tear_down (&fixture->data);
  g_ptr_array_unref (fixture->events);
}

static UpskillProfile *
load (Fixture    *fixture,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  UpskillProfile *profile = upskill_store_load (fixture->data.store, id, NULL, &error);

  g_assert_no_error (error);

  return profile;
}

static GBytes *
read_profile_file (Fixture    *fixture,
                   const char *id)
{
  g_autofree char *path = upskill_test_profile_path (fixture->data.profiles, id);

  return upskill_test_read_bytes (path);
}

static void
save_now (Fixture        *fixture,
          UpskillProfile *profile)
{
  upskill_profile_session_queue_save (fixture->session, profile);
  wait_until_idle (fixture);
}

static void
assert_events (Fixture           *fixture,
               const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, fixture->events->len); i++)
    g_assert_cmpstr (g_ptr_array_index (fixture->events, i), ==, expected[i]);
  g_assert_cmpuint (fixture->events->len, ==, n);
}

/* Undo steps back one change, or one group of changes, at a time; undo
 * itself is not a step; another profile starts afresh. */
static void
test_undo_groups (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("dana", "Dana");
  g_autoptr(UpskillProfile) other = upskill_profile_new ("li", "Li");
  UpskillProfileSession *session = fixture->session;

  upskill_profile_set_weekly_hours (profile, 3);
  upskill_profile_set_current_role (profile, "Analyst");
  upskill_profile_session_set_profile (session, profile);
  g_assert_true (upskill_profile_session_get_profile (session) == profile);
  g_assert_false (upskill_profile_session_get_can_undo (session));

  upskill_profile_set_name (profile, "Dana A");
  g_assert_true (upskill_profile_session_get_can_undo (session));
  g_assert_cmpuint (fixture->can_undo_notifies, ==, 1);

  /* One edit of several fields, as the profile dialog makes it. */
  upskill_profile_session_begin_change_group (session);
  upskill_profile_set_name (profile, "Dana B");
  upskill_profile_set_weekly_hours (profile, 7);
  upskill_profile_session_begin_change_group (session);
  upskill_profile_set_current_role (profile, "Engineer");
  upskill_profile_session_end_change_group (session);
  upskill_profile_session_end_change_group (session);

  upskill_profile_set_name (profile, "Dana C");

  g_assert_true (upskill_profile_session_undo (session));
  g_assert_cmpstr (upskill_profile_get_name (profile), ==, "Dana B");
  g_assert_cmpfloat (upskill_profile_get_weekly_hours (profile), ==, 7);
  g_assert_cmpstr (upskill_profile_get_current_role (profile), ==, "Engineer");

  /* The whole group at once. */
  g_assert_true (upskill_profile_session_undo (session));
  g_assert_cmpstr (upskill_profile_get_name (profile), ==, "Dana A");
  g_assert_cmpfloat (upskill_profile_get_weekly_hours (profile), ==, 3);
  g_assert_cmpstr (upskill_profile_get_current_role (profile), ==, "Analyst");

  g_assert_true (upskill_profile_session_undo (session));
  g_assert_cmpstr (upskill_profile_get_name (profile), ==, "Dana");
  g_assert_false (upskill_profile_session_get_can_undo (session));
  g_assert_false (upskill_profile_session_undo (session));
  g_assert_cmpstr (upskill_profile_get_name (profile), ==, "Dana");
  g_assert_cmpuint (fixture->can_undo_notifies, ==, 2);

  /* The undone state is what gets saved. */
  wait_until_idle (fixture);
  {
    g_autoptr(UpskillProfile) saved = load (fixture, "dana");

    g_assert_cmpstr (upskill_profile_get_name (saved), ==, "Dana");
  }

  /* A change after an undo is a step again; a new profile drops the
   * stack, and its own changes are its own. */
  upskill_profile_set_name (profile, "Dana D");
  g_assert_true (upskill_profile_session_get_can_undo (session));
  upskill_profile_session_set_profile (session, other);
  g_assert_false (upskill_profile_session_get_can_undo (session));
  g_assert_false (upskill_profile_session_undo (session));
  g_assert_cmpstr (upskill_profile_get_name (profile), ==, "Dana D");

  /* Leaving a profile saves what its autosave still held. */
  wait_until_idle (fixture);
  {
    g_autoptr(UpskillProfile) saved = load (fixture, "dana");

    g_assert_cmpstr (upskill_profile_get_name (saved), ==, "Dana D");
  }

  upskill_profile_session_set_profile (session, NULL);
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* Confirming a rating is one step to undo, saved as any change; undoing
 * a level change brings back the confirmation it cleared. */
static void
test_undo_confirmation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("maria", "María");
  UpskillProfileSession *session = fixture->session;
  gint64 confirmed = 1796299200; /* 2026-12-03T12:00:00Z */

  upskill_profile_set_kind (profile, UPSKILL_PROFILE_CLIENT);
  upskill_profile_set_level (profile, "sql", 3, NULL, 0);
  upskill_profile_session_set_profile (session, profile);

  upskill_profile_set_confirmed (profile, "sql", confirmed);
  wait_until_idle (fixture);
  {
    g_autoptr(UpskillProfile) saved = load (fixture, "maria");

    g_assert_cmpint (upskill_profile_get_confirmed (saved, "sql"), ==, confirmed);
  }

  upskill_profile_set_level (profile, "sql", 4, NULL, 0);
  g_assert_cmpint (upskill_profile_get_confirmed (profile, "sql"), ==, 0);
  g_assert_true (upskill_profile_session_undo (session));
  g_assert_cmpuint (upskill_profile_get_level (profile, "sql"), ==, 3);
  g_assert_cmpint (upskill_profile_get_confirmed (profile, "sql"), ==, confirmed);

  g_assert_true (upskill_profile_session_undo (session));
  g_assert_cmpint (upskill_profile_get_confirmed (profile, "sql"), ==, 0);
  g_assert_cmpint (upskill_profile_get_rating_basis (profile, "sql"), ==, UPSKILL_RATING_SELF_RATED);
  wait_until_idle (fixture);
  {
    g_autoptr(UpskillProfile) saved = load (fixture, "maria");

    g_assert_cmpint (upskill_profile_get_confirmed (saved, "sql"), ==, 0);
  }

  upskill_profile_session_set_profile (session, NULL);
}

/* A burst of changes is written once, with the last of them. */
static void
test_autosave_coalesces (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("dana", "Dana");
  g_autoptr(UpskillProfile) saved = NULL;

  upskill_profile_session_set_profile (fixture->session, profile);
  g_assert_false (upskill_profile_session_get_busy (fixture->session));

  for (guint i = 1; i <= 5; i++)
    upskill_profile_set_weekly_hours (profile, i);

  /* Waiting counts as busy: closing now would wait for it. */
  g_assert_true (upskill_profile_session_get_busy (fixture->session));
  g_assert_false (upskill_test_profile_file_exists (fixture->data.profiles, "dana"));

  wait_until_idle (fixture);
  assert_events (fixture, (const char * const[]) { "saved:dana", NULL });
  saved = load (fixture, "dana");
  g_assert_cmpfloat (upskill_profile_get_weekly_hours (saved), ==, 5);

  upskill_profile_session_set_profile (fixture->session, NULL);
}

/* Saves and deletions reach the disk in the order they were asked for:
 * a deletion asked for after a save is never undone by that save. */
static void
test_saves_and_deletes_in_order (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(UpskillProfile) dana = upskill_profile_new ("dana", "Dana");
  g_autoptr(UpskillProfile) li = upskill_profile_new ("li", "Li");
  g_autoptr(UpskillProfile) maria = upskill_profile_new ("maria", "Maria");
  UpskillProfileSession *session = fixture->session;

  save_now (fixture, li);
  save_now (fixture, maria);
  g_ptr_array_set_size (fixture->events, 0);

  /* Edited, then deleted before its autosave: the change is saved, then
   * the file deleted, only once the deletion is confirmed. */
  upskill_profile_session_set_profile (session, dana);
  upskill_profile_set_name (dana, "Dana Okafor");
  upskill_profile_session_delete_later (session, "dana");
  g_assert_null (upskill_profile_session_get_profile (session));
  g_assert_true (upskill_profile_session_is_delete_pending (session, "dana"));
  wait_until_idle (fixture);
  g_assert_true (upskill_test_profile_file_exists (fixture->data.profiles, "dana"));
  g_assert_true (upskill_profile_session_confirm_delete (session, "dana"));
  g_assert_false (upskill_profile_session_confirm_delete (session, "dana"));
  wait_until_idle (fixture);
  g_assert_false (upskill_test_profile_file_exists (fixture->data.profiles, "dana"));

  /* A save and a deletion queued back to back. */
  upskill_profile_set_name (li, "Li Wei");
  upskill_profile_session_queue_save (session, li);
  upskill_profile_session_delete_later (session, "li");
  upskill_profile_session_confirm_delete (session, "li");
  /* And a save queued behind a deletion of another profile. */
  upskill_profile_set_name (maria, "María");
  upskill_profile_session_queue_save (session, maria);
  g_assert_true (upskill_profile_session_get_busy (session));
  wait_until_idle (fixture);
  g_assert_false (upskill_test_profile_file_exists (fixture->data.profiles, "li"));
  g_assert_true (upskill_test_profile_file_exists (fixture->data.profiles, "maria"));
  assert_events (fixture, (const char * const[]) { "saved:dana", "saved:li", "saved:maria", NULL });

  /* An undone deletion leaves the file alone. */
  upskill_profile_session_delete_later (session, "maria");
  g_assert_true (upskill_profile_session_undo_delete (session, "maria"));
  g_assert_false (upskill_profile_session_is_delete_pending (session, "maria"));
  g_assert_false (upskill_profile_session_confirm_delete (session, "maria"));
  g_assert_false (upskill_profile_session_undo_delete (session, "maria"));
  wait_until_idle (fixture);
  g_assert_true (upskill_test_profile_file_exists (fixture->data.profiles, "maria"));

  /* Nobody confirmed: the files stay. */
  upskill_profile_session_delete_later (session, "maria");
  upskill_profile_session_cancel_deletes (session);
  g_assert_false (upskill_profile_session_is_delete_pending (session, "maria"));
  wait_until_idle (fixture);
  g_assert_true (upskill_test_profile_file_exists (fixture->data.profiles, "maria"));
}

/* A change to a profile whose save is still on its way starts from that
 * version, not from its older file: the one waiting or being written;
 * none once all is on disk. */
static void
test_find_unsaved (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(UpskillProfile) li = upskill_profile_new ("li", "Li");
  g_autoptr(UpskillProfile) maria = upskill_profile_new ("maria", "Maria");
  g_autoptr(UpskillProfile) saved = NULL;
  UpskillProfileSession *session = fixture->session;

  save_now (fixture, li);
  g_assert_null (upskill_profile_session_find_unsaved (session, "li"));

  /* Archived, and another profile opened before the save lands. */
  upskill_profile_set_archived (li, TRUE);
  upskill_profile_session_queue_save (session, maria);
  upskill_profile_session_queue_save (session, li);
  g_assert_true (upskill_profile_session_find_unsaved (session, "li") == li);
  g_assert_true (upskill_profile_session_find_unsaved (session, "maria") == maria);
  g_assert_null (upskill_profile_session_find_unsaved (session, "dana"));

  /* Restored from there, saved in turn: the file says so. */
  upskill_profile_set_archived (li, FALSE);
  wait_until_idle (fixture);
  g_assert_null (upskill_profile_session_find_unsaved (session, "li"));
  saved = load (fixture, "li");
  g_assert_false (upskill_profile_get_archived (saved));
  assert_events (fixture, (const char * const[]) { "saved:li", "saved:maria", "saved:li", NULL });
}

/* Runs @func with writes over @limit bytes refused, as on a full disk. */
static void
with_file_size_limit (rlim_t  limit,
                      void  (*func) (Fixture *fixture),
                      Fixture *fixture)
{
  struct rlimit old_limit, small_limit;
  void (*old_handler) (int);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  small_limit = old_limit;
  small_limit.rlim_cur = limit;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small_limit), ==, 0);
  func (fixture);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);
}

static void
flush_and_wait (Fixture *fixture)
{
  upskill_profile_session_flush (fixture->session);
  wait_until_idle (fixture);
}

static void
on_closed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
close_and_wait (Fixture  *fixture,
                GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  upskill_profile_session_close_async (fixture->session, on_closed, &result);
  /* Never at once, even with nothing to wait for. */
  g_assert_null (result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (upskill_profile_session_get_busy (fixture->session));

  return upskill_profile_session_close_finish (fixture->session, result, error);
}

static void
close_expecting_failure (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (close_and_wait (fixture, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "Could not save “dana-okafor.json”"));
}

/* A save that fails leaves the previous file as it was and says why;
 * the change is kept and tried again when closing. */
static void
test_failed_save_keeps_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autoptr(UpskillProfile) saved = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *event;

  save_now (fixture, profile);
  before = read_profile_file (fixture, "dana-okafor");
  g_assert_cmpuint (g_bytes_get_size (before), >, 4096);
  g_ptr_array_set_size (fixture->events, 0);

  upskill_profile_session_set_profile (fixture->session, profile);
  upskill_profile_set_name (profile, "Dana after the session");
  with_file_size_limit (4096, flush_and_wait, fixture);

  g_assert_cmpuint (fixture->events->len, ==, 1);
  event = g_ptr_array_index (fixture->events, 0);
  g_assert_true (g_str_has_prefix (event, "failed:dana-okafor: Could not save “dana-okafor.json”: "));
  g_assert_nonnull (upskill_profile_session_get_unsaved_error (fixture->session));
  after = read_profile_file (fixture, "dana-okafor");
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (upskill_test_count_temporary_files (g_file_peek_path (upskill_store_get_profiles_dir (fixture->data.store))), ==, 0);

  /* Closing tries once more; while the disk is still full it fails and
   * says why, rather than losing the change unseen. */
  with_file_size_limit (4096, close_expecting_failure, fixture);
  g_clear_pointer (&after, g_bytes_unref);
  after = read_profile_file (fixture, "dana-okafor");
  g_assert_true (g_bytes_equal (before, after));

  /* Once there is room, closing saves it. */
  g_assert_true (close_and_wait (fixture, &error));
  g_assert_no_error (error);
  g_assert_null (upskill_profile_session_get_unsaved_error (fixture->session));
  saved = load (fixture, "dana-okafor");
  g_assert_cmpstr (upskill_profile_get_name (saved), ==, "Dana after the session");

  upskill_profile_session_set_profile (fixture->session, NULL);
}

/* Closing without the change whose save failed, when the user chose to. */
static void
test_close_discarding (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  save_now (fixture, profile);
  before = read_profile_file (fixture, "dana-okafor");
  upskill_profile_session_set_profile (fixture->session, profile);
  upskill_profile_set_name (profile, "Dana after the session");
  with_file_size_limit (4096, close_expecting_failure, fixture);

  upskill_profile_session_discard_unsaved (fixture->session);
  g_assert_true (close_and_wait (fixture, &error));
  g_assert_no_error (error);
  after = read_profile_file (fixture, "dana-okafor");
  g_assert_true (g_bytes_equal (before, after));

  upskill_profile_session_set_profile (fixture->session, NULL);
}

/* Closing completes only once every waiting save and confirmed deletion
 * is on disk; deletions still offered for undo are confirmed by it. */
static void
test_close_waits (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(UpskillProfile) dana = upskill_profile_new ("dana", "Dana");
  g_autoptr(UpskillProfile) li = upskill_profile_new ("li", "Li");
  g_autoptr(UpskillProfile) maria = upskill_profile_new ("maria", "Maria");
  g_autoptr(UpskillProfile) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  save_now (fixture, maria);

  upskill_profile_session_queue_save (fixture->session, li);
  upskill_profile_session_set_profile (fixture->session, dana);
  upskill_profile_set_name (dana, "Dana Okafor");
  upskill_profile_session_delete_later (fixture->session, "maria");

  upskill_profile_session_close_async (fixture->session, on_closed, &result);
  g_assert_true (upskill_profile_session_get_busy (fixture->session));
  while (result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      if (result == NULL)
        g_assert_true (upskill_profile_session_get_busy (fixture->session));
    }

  g_assert_true (upskill_profile_session_close_finish (fixture->session, result, &error));
  g_assert_no_error (error);
  g_assert_true (upskill_test_profile_file_exists (fixture->data.profiles, "li"));
  g_assert_false (upskill_test_profile_file_exists (fixture->data.profiles, "maria"));
  saved = load (fixture, "dana");
  g_assert_cmpstr (upskill_profile_get_name (saved), ==, "Dana Okafor");

  upskill_profile_session_set_profile (fixture->session, NULL);
}

static void
on_deleted (UpskillProfileSession *session,
            const char            *id,
            gboolean               trashed,
            GPtrArray             *events)
{
  g_ptr_array_add (events, g_strdup_printf ("%s:%s", trashed ? "trashed" : "deleted", id));
}

static char *
trashed_file_path (const char *file_name)
{
  return g_build_filename (g_get_user_data_dir (), "Trash", "files", file_name, NULL);
}

/* A confirmed deletion moves the file to the desktop's Trash, as it was
 * last saved: the user can bring it back; the store no longer lists it. */
static void
test_delete_moves_to_trash (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(UpskillProfile) dana = upskill_profile_new ("dana", "Dana");
  g_autoptr(UpskillProfile) loaded = NULL;
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trashed = trashed_file_path ("dana.json");
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_signal_connect (fixture->session, "deleted", G_CALLBACK (on_deleted), deleted);

  save_now (fixture, dana);
  loaded = load (fixture, "dana");
  upskill_profile_session_set_profile (fixture->session, loaded);
  upskill_profile_set_name (loaded, "Dana Okafor");

  /* Undone: nothing goes to the Trash. */
  upskill_profile_session_delete_later (fixture->session, "dana");
  g_assert_true (upskill_profile_session_undo_delete (fixture->session, "dana"));
  wait_until_idle (fixture);
  g_assert_true (upskill_test_profile_file_exists (fixture->data.profiles, "dana"));
  g_assert_false (g_file_test (trashed, G_FILE_TEST_EXISTS));

  /* Confirmed: the file, with the last change, is in the Trash. */
  before = read_profile_file (fixture, "dana");
  g_assert_nonnull (strstr (g_bytes_get_data (before, NULL), "Dana Okafor"));
  upskill_profile_session_delete_later (fixture->session, "dana");
  g_assert_true (upskill_profile_session_confirm_delete (fixture->session, "dana"));
  wait_until_idle (fixture);

  g_assert_false (upskill_test_profile_file_exists (fixture->data.profiles, "dana"));
  g_file_get_contents (trashed, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (before, NULL), g_bytes_get_size (before));
  g_assert_cmpuint (deleted->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (deleted, 0), ==, "trashed:dana");

  listed = upskill_store_list (fixture->data.store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_assert_null (upskill_store_load (fixture->data.store, "dana", NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND);

  g_signal_handlers_disconnect_by_data (fixture->session, deleted);
}

/* A file changed by someone else since it was read is neither trashed
 * nor deleted: the other version stays, and the user is told. */
static void
test_delete_keeps_file_changed_on_disk (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(UpskillProfile) dana = upskill_profile_new ("dana", "Dana");
  g_autoptr(UpskillProfile) loaded = NULL;
  g_autoptr(UpskillProfile) theirs = NULL;
  g_autoptr(UpskillProfile) kept = NULL;
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *trashed = trashed_file_path ("dana.json");

  g_signal_connect (fixture->session, "deleted", G_CALLBACK (on_deleted), deleted);

  save_now (fixture, dana);
  loaded = load (fixture, "dana");
  upskill_profile_session_set_profile (fixture->session, loaded);

  /* Another device saves its version meanwhile. */
  theirs = load (fixture, "dana");
  upskill_profile_set_name (theirs, "Dana from the laptop");
  g_assert_true (upskill_store_save (fixture->data.store, theirs, NULL, &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (fixture->events, 0);

  upskill_profile_session_delete_later (fixture->session, "dana");
  g_assert_true (upskill_profile_session_confirm_delete (fixture->session, "dana"));
  wait_until_idle (fixture);

  g_assert_cmpuint (deleted->len, ==, 0);
  g_assert_cmpuint (fixture->events->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->events, 0), "failed:dana: "));
  g_assert_false (g_file_test (trashed, G_FILE_TEST_EXISTS));
  kept = load (fixture, "dana");
  g_assert_cmpstr (upskill_profile_get_name (kept), ==, "Dana from the laptop");

  g_signal_handlers_disconnect_by_data (fixture->session, deleted);
}

/* Where the folder has no Trash, deleting is all there is, and the
 * session says the file was deleted rather than trashed. */
static void
test_delete_without_trash (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *probe = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) probe_file = NULL;
  g_autoptr(GFile) data_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) dana = upskill_profile_new ("dana", "Dana");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *trashed = trashed_file_path ("dana.json");
  UpskillStore *store;
  UpskillProfileSession *session;

  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);

  /* GLib refuses to trash on system-internal mounts such as /dev/shm. */
  dir = g_build_filename ("/dev/shm", "upskill-no-trash-XXXXXX", NULL);
  if (g_mkdtemp (dir) == NULL)
    {
      g_test_skip ("No /dev/shm to try a folder without a Trash");
      return;
    }
  probe = g_build_filename (dir, "probe", NULL);
  g_assert_true (g_file_set_contents (probe, "", 0, NULL));
  probe_file = g_file_new_for_path (probe);
  if (g_file_trash (probe_file, NULL, &error) ||
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    {
      g_test_skip ("/dev/shm has a Trash here");
      upskill_test_remove_tree (dir, NULL);
      return;
    }
  g_clear_error (&error);

  data_dir = g_file_new_for_path (dir);
  store = upskill_store_new (data_dir, NULL);
  session = upskill_profile_session_new (store);
  g_signal_connect (session, "deleted", G_CALLBACK (on_deleted), events);

  upskill_profile_session_queue_save (session, dana);
  upskill_profile_session_delete_later (session, "dana");
  upskill_profile_session_confirm_delete (session, "dana");
  while (upskill_profile_session_get_busy (session))
    g_main_context_iteration (NULL, TRUE);

  path = g_build_filename (dir, "profiles", "dana.json", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (trashed, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (events, 0), ==, "deleted:dana");

  g_assert_finalize_object (session);
  upskill_test_wait_for_release (store);
  g_assert_finalize_object (store);
  upskill_test_remove_tree (dir, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  /* Each test its own $HOME, and so its own Trash. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/upskill/session/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("undo-groups", test_undo_groups);
  ADD ("undo-confirmation", test_undo_confirmation);
  ADD ("autosave-coalesces", test_autosave_coalesces);
  ADD ("saves-and-deletes-in-order", test_saves_and_deletes_in_order);
  ADD ("find-unsaved", test_find_unsaved);
  ADD ("failed-save-keeps-file", test_failed_save_keeps_file);
  ADD ("close-discarding", test_close_discarding);
  ADD ("close-waits", test_close_waits);
  ADD ("delete-moves-to-trash", test_delete_moves_to_trash);
  ADD ("delete-keeps-file-changed-on-disk", test_delete_keeps_file_changed_on_disk);
  g_test_add_func ("/upskill/session/delete-without-trash", test_delete_without_trash);

  return g_test_run ();
}
