/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One data folder used from several devices or processes: a version of
 * a profile nobody here read is never overwritten or deleted, and two
 * versions merge without losing either's work. */
#include "config.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "upskill-error.h"
#include "upskill-file.h"
#include "upskill-profile-merge.h"
#include "upskill-store.h"
#include "upskill-test-utils.h"

typedef UpskillTestStore Fixture;

static char *
profile_path (Fixture    *fixture,
              const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);

  return g_build_filename (fixture->profiles, name, NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Dana's profile saved, then read back as a window does. */
static UpskillProfile *
save_and_load_dana (Fixture *fixture)
{
  g_autoptr(UpskillProfile) first = upskill_profile_new ("dana", "Dana Okafor");
  g_autoptr(GError) error = NULL;
  UpskillProfile *loaded;

  upskill_profile_set_level (first, "python-core", 2, NULL, 1000);
  upskill_store_save (fixture->store, first, NULL, &error);
  g_assert_no_error (error);

  loaded = upskill_store_load (fixture->store, "dana", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (upskill_profile_get_file_version (loaded));

  return loaded;
}

/* Another device's version arriving as sync tools write: a temporary
 * file renamed over the profile. */
static char *
replace_from_elsewhere (Fixture    *fixture,
                        const char *name)
{
  g_autoptr(UpskillProfile) other = upskill_profile_new ("dana", name);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = profile_path (fixture, "dana");
  g_autofree char *temp = g_build_filename (fixture->profiles, ".syncthing.dana.json.tmp", NULL);

  upskill_profile_set_level (other, "python-core", 4, NULL, 5000);
  bytes = upskill_profile_to_bytes (other);
  g_file_set_contents (temp, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_rename (temp, path));

  return read_text (path);
}

static void
test_save_after_external_replace (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(UpskillProfile) mine = save_and_load_dana (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = profile_path (fixture, "dana");
  g_autofree char *theirs = replace_from_elsewhere (fixture, "Dana on the laptop");
  g_autofree char *after = NULL;

  upskill_profile_set_level (mine, "python-core", 3, NULL, 6000);
  g_assert_false (upskill_store_save (fixture->store, mine, NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "dana.json"));
  g_assert_nonnull (strstr (error->message, "changed on another device"));

  /* The other device's version is intact, and no temporary file is left. */
  after = read_text (path);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_cmpuint (upskill_test_count_temporary_files (fixture->profiles), ==, 0);

  /* Refused again on the next autosave: nothing changed on disk. */
  g_clear_error (&error);
  g_assert_false (upskill_store_save (fixture->store, mine, NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_CHANGED_ON_DISK);
}

static void
test_save_after_external_delete (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(UpskillProfile) mine = save_and_load_dana (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = profile_path (fixture, "dana");

  g_assert_no_errno (g_unlink (path));

  upskill_profile_set_level (mine, "python-core", 3, NULL, 6000);
  g_assert_false (upskill_store_save (fixture->store, mine, NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_DELETED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "deleted"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Restoring is a choice: without a version, the save writes it back. */
  g_clear_error (&error);
  upskill_profile_set_file_version (mine, NULL);
  g_assert_true (upskill_store_save (fixture->store, mine, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* The same bytes written again (a sync tool copying back what it
 * carried away, a touch) are the version read: no false alarm. */
static void
test_same_content_rewritten (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(UpskillProfile) mine = save_and_load_dana (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = profile_path (fixture, "dana");
  g_autofree char *text = read_text (path);

  g_assert_no_errno (g_unlink (path));
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  upskill_profile_set_level (mine, "python-core", 3, NULL, 6000);
  g_assert_true (upskill_store_save (fixture->store, mine, NULL, &error));
  g_assert_no_error (error);
}

/* Saves in a row each replace the version the one before wrote. */
static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

static void
test_saves_in_a_row (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(UpskillProfile) mine = save_and_load_dana (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = g_strdup (upskill_profile_get_file_version (mine));

  upskill_profile_set_level (mine, "python-core", 3, NULL, 6000);
  g_assert_true (upskill_store_save (fixture->store, mine, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_file_version (mine), !=, first);

  for (guint level = 4; level <= 5; level++)
    {
      g_autoptr(GAsyncResult) result = NULL;

      upskill_profile_set_level (mine, "python-core", level, NULL, 6000 + 1000 * level);
      upskill_store_save_async (fixture->store, mine, NULL, on_saved, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (upskill_store_save_finish (fixture->store, result, &error));
      g_assert_no_error (error);
      upskill_test_release_task (&result);
    }

  /* …and the file on disk is the last one saved. */
  {
    g_autoptr(UpskillProfile) back = upskill_store_load (fixture->store, "dana", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (upskill_profile_get_level (back, "python-core"), ==, 5);
    g_assert_cmpstr (upskill_profile_get_file_version (back), ==,
                     upskill_profile_get_file_version (mine));
  }
}

/* Two processes on one folder (two stores here): the second to save
 * does not overwrite the first unseen. Keep mine then overwrites after
 * reading the other version. */
static void
test_two_stores_same_profile (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(UpskillStore) other_store = upskill_store_new (fixture->data_dir, NULL);
  g_autoptr(UpskillProfile) mine = save_and_load_dana (fixture);
  g_autoptr(UpskillProfile) theirs = NULL;
  g_autoptr(UpskillProfile) reread = NULL;
  g_autoptr(GError) error = NULL;

  theirs = upskill_store_load (other_store, "dana", NULL, &error);
  g_assert_no_error (error);

  upskill_profile_set_name (theirs, "Dana (desktop)");
  g_assert_true (upskill_store_save (other_store, theirs, NULL, &error));
  g_assert_no_error (error);

  upskill_profile_set_name (mine, "Dana (laptop)");
  g_assert_false (upskill_store_save (fixture->store, mine, NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  /* Keep mine: read what is there now, then replace that version. */
  reread = upskill_store_load (fixture->store, "dana", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_name (reread), ==, "Dana (desktop)");
  upskill_profile_set_file_version (mine, upskill_profile_get_file_version (reread));
  g_assert_true (upskill_store_save (fixture->store, mine, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&reread);
  reread = upskill_store_load (other_store, "dana", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_name (reread), ==, "Dana (laptop)");
  g_assert_finalize_object (g_steal_pointer (&other_store));
}

/* Writers take turns on the folder, other processes included (such as
 * `upskill --import` beside the window): while another holds the
 * folder's lock, a save waits, then goes through. */
static void
test_writers_take_turns (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(UpskillProfile) dana = save_and_load_dana (fixture);
  g_autoptr(UpskillProfile) reread = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *lock_path = upskill_store_get_lock_path (fixture->store);
  int other;

  /* Beside the index, not in the synced folder. */
  g_assert_nonnull (lock_path);
  g_assert_true (g_str_has_prefix (lock_path, g_get_user_cache_dir ()));

  /* Another writer (its own open file, as another process has). */
  other = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (other, >=, 0);
  g_assert_cmpint (flock (other, LOCK_EX), ==, 0);

  upskill_profile_set_name (dana, "Dana (after the other writer)");
  upskill_store_save_async (fixture->store, dana, NULL, on_saved, &result);
  /* Held: nothing written yet, however long we wait here. */
  upskill_test_wait_ms (300);
  g_assert_null (result);
  reread = upskill_store_load (fixture->store, "dana", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_name (reread), ==, "Dana Okafor");
  g_clear_object (&reread);

  close (other);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (upskill_store_save_finish (fixture->store, result, &error));
  g_assert_no_error (error);
  upskill_test_release_task (&result);

  reread = upskill_store_load (fixture->store, "dana", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_name (reread), ==, "Dana (after the other writer)");
}

static void
test_delete_checks_version (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(UpskillProfile) mine = save_and_load_dana (fixture);
  g_autoptr(UpskillProfile) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = profile_path (fixture, "dana");
  g_autofree char *theirs = replace_from_elsewhere (fixture, "Dana on the laptop");

  g_assert_false (upskill_store_delete_version (fixture->store, "dana",
                                                upskill_profile_get_file_version (mine),
                                                NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_CHANGED_ON_DISK);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_clear_error (&error);

  reread = upskill_store_load (fixture->store, "dana", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (upskill_store_delete_version (fixture->store, "dana",
                                               upskill_profile_get_file_version (reread),
                                               NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A profile linked into a synced folder: the check looks at the file
 * the link leads to, and a save writes through the link. */
static void
test_linked_profile (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(UpskillProfile) first = upskill_profile_new ("dana", "Dana Okafor");
  g_autoptr(UpskillProfile) mine = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *synced = g_build_filename (fixture->base, "Sync", NULL);
  g_autofree char *target = g_build_filename (synced, "dana.json", NULL);
  g_autofree char *link = profile_path (fixture, "dana");
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;

  g_assert_no_errno (g_mkdir_with_parents (fixture->profiles, 0700));
  g_assert_no_errno (g_mkdir_with_parents (synced, 0700));
  bytes = upskill_profile_to_bytes (first);
  g_file_set_contents (target, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_no_errno (symlink (target, link));

  mine = upskill_store_load (fixture->store, "dana", NULL, &error);
  g_assert_no_error (error);

  upskill_profile_set_name (mine, "Dana (here)");
  g_assert_true (upskill_store_save (fixture->store, mine, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  /* Changed in the synced folder: refused, and the link stays. */
  {
    g_autoptr(UpskillProfile) synced_version = upskill_profile_new ("dana", "Dana (synced)");
    g_autoptr(GBytes) synced_bytes = upskill_profile_to_bytes (synced_version);

    g_file_set_contents (target, g_bytes_get_data (synced_bytes, NULL),
                         g_bytes_get_size (synced_bytes), &error);
    g_assert_no_error (error);
  }
  theirs = read_text (target);
  upskill_profile_set_name (mine, "Dana (here, again)");
  g_assert_false (upskill_store_save (fixture->store, mine, NULL, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_CHANGED_ON_DISK);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  after = read_text (target);
  g_assert_cmpstr (after, ==, theirs);
}

/* Watching */

typedef struct
{
  GPtrArray *changed;   /* ids, every emission's */
  GPtrArray *removed;
  guint      emissions;
} Seen;

static void
on_profiles_changed (UpskillStore *store,
                     GStrv         changed,
                     GStrv         removed,
                     Seen         *seen)
{
  for (guint i = 0; changed[i] != NULL; i++)
    g_ptr_array_add (seen->changed, g_strdup (changed[i]));
  for (guint i = 0; removed[i] != NULL; i++)
    g_ptr_array_add (seen->removed, g_strdup (removed[i]));
  seen->emissions++;
}

static gboolean
seen_has (GPtrArray  *ids,
          const char *id)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL);
}

/* Iterates the main context until @condition holds; fails after 20 s. */
#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 wait_end_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > wait_end_) \
          g_error ("Timed out waiting for: %s", #condition); \
        g_main_context_iteration (NULL, FALSE); \
        g_usleep (1000); \
      } \
  } G_STMT_END

static void
test_watch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(UpskillStore) other_store = upskill_store_new (fixture->data_dir, NULL);
  g_autoptr(UpskillProfile) lee = upskill_profile_new ("lee", "Lee Chen");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = profile_path (fixture, "lee");
  g_autofree char *notes = g_build_filename (fixture->profiles, "notes.txt", NULL);
  Seen seen = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free), 0 };

  upskill_store_watch (fixture->store);
  g_signal_connect (fixture->store, "profiles-changed", G_CALLBACK (on_profiles_changed), &seen);

  /* Added by another process (its own store), through a temporary
   * file: one change, the temporary file unseen. */
  g_assert_true (upskill_store_save (other_store, lee, NULL, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (seen_has (seen.changed, "lee"));
  g_assert_cmpuint (seen.removed->len, ==, 0);
  for (guint i = 0; i < seen.changed->len; i++)
    g_assert_cmpstr (g_ptr_array_index (seen.changed, i), ==, "lee");

  /* Not a profile: not told. Then removed. */
  g_file_set_contents (notes, "not a profile", -1, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_unlink (path));
  WAIT_UNTIL (seen_has (seen.removed, "lee"));
  g_assert_false (seen_has (seen.changed, "notes"));
  g_assert_false (seen_has (seen.removed, "notes"));

  g_signal_handlers_disconnect_by_func (fixture->store, on_profiles_changed, &seen);
  g_ptr_array_unref (seen.changed);
  g_ptr_array_unref (seen.removed);
  g_assert_finalize_object (g_steal_pointer (&other_store));
}

/* Conflict copies */

static gboolean notes_have (UpskillProfile *profile,
                            const char     *text);

static void
test_conflict_copy_names (void)
{
  const struct { const char *name; const char *id; } cases[] = {
    { "dana.sync-conflict-20261203-101500-ABCDEFG.json", "dana" },
    { "dana-okafor.sync-conflict-20261203-101500-7XQ3K2M.json", "dana-okafor" },
    { "dana (conflicted copy 2026-12-03 101500).json", "dana" },
    { "li-wei (conflicted copy laptop 2026-12-03 101500).json", "li-wei" },
    { "dana (Anne's conflicted copy 2026-12-03).json", "dana" },
    { "dana.json", NULL },
    { "dana-2.json", NULL },
    { "dana (copy).json", NULL },
    { "dana.sync-conflict-.json", NULL },
    { "Dana.sync-conflict-20261203-101500-ABCDEFG.json", NULL },
    { "dana.sync-conflict-20261203-101500-ABCDEFG.pdf", NULL },
    { "~syncthing~upskill-42-dana.json-a1B2c3.tmp", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = NULL;
      gboolean is_copy = upskill_store_parse_conflict_copy (cases[i].name, &id);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (is_copy, ==, cases[i].id != NULL);
      g_assert_cmpstr (id, ==, cases[i].id);
    }
}

static void
write_profile (Fixture        *fixture,
               const char     *file_name,
               UpskillProfile *profile)
{
  g_autoptr(GBytes) bytes = upskill_profile_to_bytes (profile);
  g_autofree char *path = g_build_filename (fixture->profiles, file_name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (fixture->profiles, 0700));
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* Listed under their profile, not as profiles; merged away. */
static void
test_conflict_copies (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *syncthing_copy = "dana.sync-conflict-20261203-101500-ABCDEFG.json";
  const char *nextcloud_copy = "dana (conflicted copy 2026-12-03 101500).json";
  g_autoptr(UpskillProfile) mine = save_and_load_dana (fixture);
  g_autoptr(UpskillProfile) laptop = upskill_profile_copy (mine);
  g_autoptr(UpskillProfile) phone = upskill_profile_copy (mine);
  g_autoptr(UpskillProfile) merged = NULL;
  g_autoptr(UpskillProfile) on_disk = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) copies = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->profiles, syncthing_copy, NULL);

  upskill_profile_add_note (laptop, 86400 * 30, "Laptop session");
  upskill_profile_add_note (phone, 86400 * 31, "Phone session");
  write_profile (fixture, syncthing_copy, laptop);
  write_profile (fixture, nextcloud_copy, phone);
  upskill_profile_add_note (mine, 86400 * 32, "Desktop session");
  g_assert_true (upskill_store_save (fixture->store, mine, NULL, &error));
  g_assert_no_error (error);

  summaries = upskill_store_list (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_assert_cmpstr (((UpskillProfileSummary *) summaries->pdata[0])->id, ==, "dana");
  g_assert_nonnull (((UpskillProfileSummary *) summaries->pdata[0])->conflict_copy);

  copies = upskill_store_dup_conflict_copies (fixture->store, "dana", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (copies), ==, 2);

  merged = upskill_store_merge_conflict_copy (fixture->store, mine, syncthing_copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merged);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));

  on_disk = upskill_store_load (fixture->store, "dana", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (notes_have (on_disk, "Laptop session"));
  g_assert_true (notes_have (on_disk, "Desktop session"));
  g_assert_false (notes_have (on_disk, "Phone session"));

  /* The next one merges into what is there now. */
  g_clear_object (&merged);
  merged = upskill_store_merge_conflict_copy (fixture->store, on_disk, nextcloud_copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (notes_have (merged, "Phone session"));
  g_assert_true (notes_have (merged, "Laptop session"));

  g_clear_pointer (&summaries, g_ptr_array_unref);
  summaries = upskill_store_list (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_assert_null (((UpskillProfileSummary *) summaries->pdata[0])->conflict_copy);
}

/* Merging */

static gboolean
history_has (UpskillProfile *profile,
             const char     *skill_id,
             guint           from,
             guint           to)
{
  GPtrArray *history = upskill_profile_get_history (profile);

  for (guint i = 0; i < history->len; i++)
    {
      UpskillHistoryEntry *entry = g_ptr_array_index (history, i);

      if (g_str_equal (entry->skill_id, skill_id) && entry->from == from && entry->to == to)
        return TRUE;
    }

  return FALSE;
}

static gboolean
notes_have (UpskillProfile *profile,
            const char     *text)
{
  GPtrArray *notes = upskill_profile_get_notes (profile);

  for (guint i = 0; i < notes->len; i++)
    {
      UpskillNote *note = g_ptr_array_index (notes, i);

      if (g_str_equal (note->text, text))
        return TRUE;
    }

  return FALSE;
}

static void
add_step (UpskillProfile *profile,
          const char     *module_id)
{
  GPtrArray *plan = upskill_profile_get_plan (profile);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  g_autofree char *id = upskill_profile_new_step_id (profile);

  for (guint i = 0; i < plan->len; i++)
    g_ptr_array_add (steps, upskill_plan_step_copy (g_ptr_array_index (plan, i)));
  g_ptr_array_add (steps, upskill_plan_step_new_module (id, module_id));
  upskill_profile_set_plan (profile, g_steal_pointer (&steps));
}

static void
test_merge (void)
{
  g_autoptr(UpskillProfile) base = upskill_profile_new ("dana", "Dana Okafor");
  g_autoptr(UpskillProfile) mine = NULL;
  g_autoptr(UpskillProfile) theirs = NULL;
  g_autoptr(UpskillProfile) merged = NULL;
  g_autoptr(UpskillProfile) merged_back = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence;
  GPtrArray *plan;

  upskill_profile_set_level (base, "python-core", 1, NULL, 1000);
  upskill_profile_set_level (base, "sql", 1, NULL, 1000 + 600);
  upskill_profile_add_note (base, 86400 * 10, "Intake");
  add_step (base, "python-tutorial");
  upskill_profile_set_file_version (base, "v1:1:2:3:base");

  mine = upskill_profile_copy (base);
  theirs = upskill_profile_copy (base);

  /* Both change Python; theirs later. Only mine changes SQL. */
  upskill_profile_set_level (mine, "python-core", 2, NULL, 5000);
  upskill_profile_set_level (theirs, "python-core", 3, NULL, 9000);
  upskill_profile_set_level (mine, "sql", 3, NULL, 12000);
  /* Both add a note, under the same new id. */
  upskill_profile_add_note (mine, 86400 * 20, "Laptop session");
  upskill_profile_add_note (theirs, 86400 * 21, "Desktop session");
  upskill_profile_add_evidence (mine, "python-core", "A CLI tool", NULL);
  upskill_profile_add_evidence (theirs, "python-core", "A pandas notebook", "https://example.org/nb");
  add_step (mine, "pandas-book");
  add_step (theirs, "mlops-course");
  upskill_profile_set_step_status (theirs, "step-1", UPSKILL_STEP_DONE);

  merged = upskill_profile_merge (mine, theirs, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merged);
  g_assert_null (upskill_profile_get_file_version (merged));
  g_assert_cmpstr (upskill_profile_get_id (merged), ==, "dana");

  /* The later change wins, and both stay in the history. */
  g_assert_cmpuint (upskill_profile_get_level (merged, "python-core"), ==, 3);
  g_assert_true (history_has (merged, "python-core", 1, 2));
  g_assert_true (history_has (merged, "python-core", 1, 3));
  g_assert_cmpuint (upskill_profile_get_level (merged, "sql"), ==, 3);
  g_assert_true (history_has (merged, "sql", 1, 3));

  /* The history stays in order, and the base's entries are not doubled. */
  {
    GPtrArray *history = upskill_profile_get_history (merged);
    guint python_first = 0;

    for (guint i = 1; i < history->len; i++)
      g_assert_cmpint (((UpskillHistoryEntry *) history->pdata[i - 1])->time, <=,
                       ((UpskillHistoryEntry *) history->pdata[i])->time);
    for (guint i = 0; i < history->len; i++)
      {
        UpskillHistoryEntry *entry = history->pdata[i];

        if (g_str_equal (entry->skill_id, "python-core") && entry->from == 0)
          python_first++;
      }
    g_assert_cmpuint (python_first, ==, 1);
  }

  g_assert_true (notes_have (merged, "Intake"));
  g_assert_true (notes_have (merged, "Laptop session"));
  g_assert_true (notes_have (merged, "Desktop session"));
  g_assert_cmpuint (upskill_profile_get_notes (merged)->len, ==, 3);

  evidence = upskill_profile_get_evidence (merged, "python-core");
  g_assert_cmpuint (evidence->len, ==, 2);

  plan = upskill_profile_get_plan (merged);
  g_assert_cmpuint (plan->len, ==, 3);
  {
    gboolean saw_pandas = FALSE, saw_mlops = FALSE;
    UpskillPlanStep *first = upskill_profile_find_step (merged, "step-1");

    for (guint i = 0; i < plan->len; i++)
      {
        UpskillPlanStep *step = g_ptr_array_index (plan, i);

        saw_pandas |= g_strcmp0 (step->module_id, "pandas-book") == 0;
        saw_mlops |= g_strcmp0 (step->module_id, "mlops-course") == 0;
      }
    g_assert_true (saw_pandas && saw_mlops);
    g_assert_nonnull (first);
    g_assert_cmpstr (first->module_id, ==, "python-tutorial");
    /* Done on one side is done. */
    g_assert_cmpint (first->status, ==, UPSKILL_STEP_DONE);
  }

  /* Merging the result with either side again changes nothing more. */
  merged_back = upskill_profile_merge (merged, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upskill_profile_get_notes (merged_back)->len, ==, 3);
  g_assert_cmpuint (upskill_profile_get_plan (merged_back)->len, ==, 3);
  g_assert_cmpuint (upskill_profile_get_history (merged_back)->len, ==,
                    upskill_profile_get_history (merged)->len);
}

/* On a level changed last on my side, mine wins. */
static void
test_merge_mine_later (void)
{
  g_autoptr(UpskillProfile) mine = upskill_profile_new ("dana", "Dana Okafor");
  g_autoptr(UpskillProfile) theirs = NULL;
  g_autoptr(UpskillProfile) merged = NULL;
  g_autoptr(GError) error = NULL;

  upskill_profile_set_level (mine, "python-core", 1, NULL, 1000);
  theirs = upskill_profile_copy (mine);
  upskill_profile_set_level (theirs, "python-core", 4, NULL, 3000);
  upskill_profile_set_level (mine, "python-core", 2, NULL, 8000);

  merged = upskill_profile_merge (mine, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upskill_profile_get_level (merged, "python-core"), ==, 2);
  g_assert_true (history_has (merged, "python-core", 1, 4));
  g_assert_true (history_has (merged, "python-core", 1, 2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define add_test(path, func) \
  g_test_add ("/upskill/sync/" path, Fixture, NULL, upskill_test_store_fixture_set_up, func, upskill_test_store_fixture_tear_down)

  add_test ("save-after-external-replace", test_save_after_external_replace);
  add_test ("save-after-external-delete", test_save_after_external_delete);
  add_test ("same-content-rewritten", test_same_content_rewritten);
  add_test ("saves-in-a-row", test_saves_in_a_row);
  add_test ("two-stores-same-profile", test_two_stores_same_profile);
  add_test ("writers-take-turns", test_writers_take_turns);
  add_test ("delete-checks-version", test_delete_checks_version);
  add_test ("linked-profile", test_linked_profile);
  add_test ("watch", test_watch);
  add_test ("conflict-copies", test_conflict_copies);
  g_test_add_func ("/upskill/sync/conflict-copy-names", test_conflict_copy_names);
  g_test_add_func ("/upskill/sync/merge", test_merge);
  g_test_add_func ("/upskill/sync/merge-mine-later", test_merge_mine_later);

  return g_test_run ();
}
