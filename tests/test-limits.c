/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Profiles that grow large or arrive hostile (issue 21): never locked out
 * by our own size limit, never silently changed, never a hang. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upskill-error.h"
#include "upskill-json.h"
#include "upskill-store.h"
#include "upskill-test-utils.h"

typedef UpskillTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  upskill_test_store_set_up (fixture, "upskill-limits-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  upskill_test_store_tear_down (fixture);
}

/* A note of @n_chars characters, with spaces like prose. */
static char *
make_text (gsize n_chars,
           char  letter)
{
  char *text = g_malloc (n_chars + 1);

  for (gsize i = 0; i < n_chars; i++)
    text[i] = i % 8 == 7 ? ' ' : letter;
  text[n_chars] = '\0';

  return text;
}

/* A profile whose compact file takes about @size bytes, in notes. */
static UpskillProfile *
make_profile_of_size (const char *id,
                      gsize       size)
{
  UpskillProfile *profile = upskill_profile_new (id, "Dana Okafor");
  g_autofree char *note = make_text (UPSKILL_PROFILE_TEXT_MAX_CHARS, 'a');
  gsize total = 0;

  upskill_profile_set_level (profile, "python-core", 2, NULL, 1704067200);
  while (total + UPSKILL_PROFILE_TEXT_MAX_CHARS < size)
    {
      g_assert_nonnull (upskill_profile_add_note (profile, 1704067200, note));
      total += UPSKILL_PROFILE_TEXT_MAX_CHARS + 40;
    }

  return profile;
}

static UpskillProfile *
load_file (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonNode) root = upskill_json_parse_file (file, NULL, error);

  if (root == NULL)
    return NULL;

  return upskill_profile_new_from_json (root, "test.json", error);
}

/* A compact 3.2 MB file, imported and saved, stays below the size that
 * reading accepts (it was written indented, at 4.9 MB, and then listed
 * as "could not be read"). */
static void
test_compact_import_stays_readable (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) profile = make_profile_of_size ("dana", 3200 * 1000);
  g_autoptr(UpskillProfile) imported = NULL;
  g_autoptr(UpskillProfile) loaded = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GBytes) bytes = upskill_profile_to_bytes (profile);
  g_autoptr(GFile) import_file = NULL;
  g_autofree char *import_path = g_build_filename (fixture->base, "dana.json", NULL);
  g_autofree char *stored_path = NULL;
  UpskillProfileSummary *summary;
  struct stat st;

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 3100 * 1000);
  g_assert_true (g_file_set_contents (import_path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  import_file = g_file_new_for_path (import_path);
  imported = upskill_store_import (fixture->store, import_file, UPSKILL_IMPORT_KEEP_BOTH, NULL, &error);
  g_assert_no_error (error);

  stored_path = g_build_filename (fixture->profiles, "dana.json", NULL);
  g_assert_cmpint (g_stat (stored_path, &st), ==, 0);
  g_assert_cmpint (st.st_size, <=, UPSKILL_JSON_MAX_SIZE);

  summaries = upskill_store_list (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 1);
  summary = g_ptr_array_index (summaries, 0);
  g_assert_null (summary->error);
  g_assert_cmpstr (summary->name, ==, "Dana Okafor");

  loaded = upskill_store_load (fixture->store, "dana", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upskill_profile_get_notes (loaded)->len, ==,
                    upskill_profile_get_notes (profile)->len);
}

/* Level changes on a profile just below the limit: the save that would
 * pass it is refused with a message, and the file on disk stays one that
 * opens. */
static void
test_level_changes_near_the_limit (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(UpskillProfile) loaded = NULL;
  g_autofree char *path = g_build_filename (fixture->profiles, "dana.json", NULL);
  gboolean refused = FALSE;
  gsize size;

  profile = make_profile_of_size ("dana", UPSKILL_JSON_MAX_SIZE - 30000);
  g_assert_true (upskill_store_save (fixture->store, profile, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2000 && !refused; i++)
    {
      g_autoptr(GError) save_error = NULL;

      /* Changes a burst apart, so none merges into the one before. */
      upskill_profile_set_level (profile, "python-core", i % 5 + 1,
                                 "A rather long description of why this level changed",
                                 1704067200 + (gint64) i * UPSKILL_HISTORY_BURST_SECONDS);
      if (!upskill_store_save (fixture->store, profile, NULL, &save_error))
        {
          g_assert_error (save_error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (save_error->message, "dana.json"));
          g_assert_nonnull (strstr (save_error->message, "last saved version is kept"));
          refused = TRUE;
        }
    }
  g_assert_true (refused);

  loaded = load_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  size = upskill_profile_get_history (loaded)->len;
  g_assert_cmpuint (size, >, 1);
}

/* The history is bounded: past the limit the oldest changes merge into
 * the next change of their skill, the first assessment of each skill
 * stays, and the current levels do not move. */
static void
test_history_is_bounded (void)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("dana", "Dana");
  g_autoptr(UpskillProfile) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *history;
  UpskillHistoryEntry *first;
  gint64 start = 1704067200;

  upskill_profile_set_level (profile, "sql", 1, "Baseline", start);
  for (guint i = 1; i <= UPSKILL_PROFILE_MAX_HISTORY + 10; i++)
    upskill_profile_set_level (profile, "python-core", i % 5 + 1, NULL,
                               start + (gint64) i * UPSKILL_HISTORY_BURST_SECONDS);

  history = upskill_profile_get_history (profile);
  g_assert_cmpuint (history->len, <=, UPSKILL_PROFILE_MAX_HISTORY);
  g_assert_cmpuint (history->len, >=, UPSKILL_PROFILE_MAX_HISTORY / 2);
  first = g_ptr_array_index (history, 0);
  g_assert_cmpstr (first->skill_id, ==, "sql");
  g_assert_cmpint (first->time, ==, start);
  first = g_ptr_array_index (history, 1);
  g_assert_cmpstr (first->skill_id, ==, "python-core");
  g_assert_cmpint (first->time, ==, start + UPSKILL_HISTORY_BURST_SECONDS);
  g_assert_cmpuint (first->from, ==, 0);
  /* Each change starts where the one before it ended. */
  for (guint i = 2; i < history->len; i++)
    {
      UpskillHistoryEntry *before = g_ptr_array_index (history, i - 1);
      UpskillHistoryEntry *entry = g_ptr_array_index (history, i);

      g_assert_cmpuint (entry->from, ==, before->to);
    }
  g_assert_cmpuint (upskill_profile_get_level (profile, "python-core"), ==,
                    (UPSKILL_PROFILE_MAX_HISTORY + 10) % 5 + 1);

  bytes = upskill_profile_to_bytes (profile);
  reloaded = upskill_profile_new_from_bytes (bytes, "dana.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upskill_profile_get_history (reloaded)->len, ==, history->len);
}

#define PROFILE_HEAD \
  "{\"format\":\"upskill-profile\",\"version\":1,\"kind\":\"client\"," \
  "\"weekly_hours\":5,\"created\":\"2026-01-01T00:00:00Z\",\"modified\":\"2026-01-02T00:00:00Z\","

static UpskillProfile *
profile_from_text (const char  *text,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return upskill_profile_new_from_bytes (bytes, "eve.json", error);
}

/* A NUL escape cut the text at it ("Eve\u0000 Mallory" became "Eve"):
 * now the file is refused with a message, wherever the NUL is. */
static void
test_nul_refused (void)
{
  const char *texts[] = {
    PROFILE_HEAD "\"id\":\"eve\",\"name\":\"Eve\\u0000 Mallory\"}",
    PROFILE_HEAD "\"id\":\"eve\\u0000x\",\"name\":\"Eve\"}",
    PROFILE_HEAD "\"id\":\"eve\",\"name\":\"Eve\",\"skills\":{\"sql\\u0000\":{\"level\":1}}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UpskillProfile) profile = profile_from_text (texts[i], &error);

      g_assert_null (profile);
      g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "NUL"));
      g_assert_nonnull (strstr (error->message, "eve.json"));
    }
}

/* Other control characters are kept exactly, through a save. */
static void
test_control_characters_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(UpskillProfile) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;

  profile = profile_from_text (PROFILE_HEAD "\"id\":\"eve\",\"name\":\"Eve\\u0007\\u001b Mallory\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_name (profile), ==, "Eve\a\033 Mallory");

  bytes = upskill_profile_to_bytes (profile);
  reloaded = upskill_profile_new_from_bytes (bytes, "eve.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_name (reloaded), ==, "Eve\a\033 Mallory");
}

/* Members a newer version writes survive this one's load and save (and
 * its undo, which copies and restores). */
static void
test_unknown_members_kept (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(UpskillProfile) copy = NULL;
  g_autoptr(UpskillProfile) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *goals;

  profile = profile_from_text (PROFILE_HEAD "\"id\":\"eve\",\"name\":\"Eve\","
                               "\"tags\":[\"ml\",\"coach-a\"],"
                               "\"goals_v2\":{\"text\":\"Lead a team\",\"due\":\"2027-01-01\"}}", &error);
  g_assert_no_error (error);

  copy = upskill_profile_copy (profile);
  upskill_profile_set_level (profile, "sql", 3, NULL, 0);
  upskill_profile_restore (profile, copy);
  g_assert_true (upskill_store_save (fixture->store, profile, NULL, &error));
  g_assert_no_error (error);

  loaded = upskill_store_load (fixture->store, "eve", NULL, &error);
  g_assert_no_error (error);
  upskill_profile_set_name (loaded, "Eve Mallory");
  bytes = upskill_profile_to_bytes (loaded);
  root = upskill_json_parse_bytes (bytes, "eve.json", &error);
  g_assert_no_error (error);

  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Eve Mallory");
  g_assert_true (json_object_has_member (object, "tags"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "tags")), ==, 2);
  goals = json_object_get_object_member (object, "goals_v2");
  g_assert_nonnull (goals);
  g_assert_cmpstr (json_object_get_string_member (goals, "text"), ==, "Lead a team");
}

/* Importing a FIFO, or a link to one, returned never: only regular files
 * are read. An index that is a FIFO is rebuilt, not waited on. */
static void
test_fifo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->base, "pipe.json", NULL);
  g_autofree char *link = g_build_filename (fixture->base, "link.json", NULL);
  g_autofree char *index = g_strdup (upskill_store_get_index_path (fixture->store));
  g_autofree char *index_folder = g_path_get_dirname (index);
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("dana", "Dana");
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { fifo, link };
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (fifo, link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(UpskillProfile) imported = upskill_store_import (fixture->store, file, UPSKILL_IMPORT_KEEP_BOTH, NULL, &error);

      g_assert_null (imported);
      g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "not a regular file"));
      g_clear_error (&error);
    }

  g_assert_true (upskill_store_save (fixture->store, profile, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  g_unlink (index);
  g_assert_cmpint (g_mkdir_with_parents (index_folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (index, 0600), ==, 0);

  fixture->store = upskill_store_new (fixture->data_dir, NULL);
  summaries = upskill_store_list (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 1);
  /* Written anew, as a file. */
  g_assert_cmpint (lstat (index, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
}

/* Each list and each field has a limit; a file past one is refused with
 * a message naming it, and adding past one is refused too. */
static void
test_list_and_field_limits (void)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("dana", "Dana");
  g_autoptr(GString) text = g_string_new (PROFILE_HEAD "\"id\":\"eve\",\"name\":\"Eve\",\"notes\":[");
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) loaded = NULL;
  g_autofree char *long_note = make_text (UPSKILL_PROFILE_TEXT_MAX_CHARS + 1, 'x');
  g_autofree char *long_title = NULL;

  for (guint i = 0; i <= UPSKILL_PROFILE_MAX_NOTES; i++)
    g_string_append_printf (text, "%s{\"id\":\"note-%u\",\"date\":\"2026-01-01\",\"text\":\"Hi\"}",
                            i > 0 ? "," : "", i);
  g_string_append (text, "]}");
  loaded = profile_from_text (text->str, &error);
  g_assert_null (loaded);
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "notes"));
  g_clear_error (&error);

  /* One field: 1 MiB without a space took minutes to lay out. */
  g_string_printf (text, PROFILE_HEAD "\"id\":\"eve\",\"name\":\"Eve\","
                   "\"notes\":[{\"id\":\"n\",\"date\":\"2026-01-01\",\"text\":\"%s\"}]}", long_note);
  loaded = profile_from_text (text->str, &error);
  g_assert_null (loaded);
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "text"));
  g_clear_error (&error);

  long_title = make_text (UPSKILL_PROFILE_LINE_MAX_CHARS + 1, 'y');
  g_string_printf (text, PROFILE_HEAD "\"id\":\"eve\",\"name\":\"Eve\","
                   "\"plan\":[{\"id\":\"s\",\"module\":null,\"title\":\"%s\",\"hours\":1,"
                   "\"skill\":\"sql\",\"from\":0,\"to\":1,\"status\":\"planned\"}]}", long_title);
  loaded = profile_from_text (text->str, &error);
  g_assert_null (loaded);
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "title"));
  g_clear_error (&error);

  for (guint i = 0; i < UPSKILL_PROFILE_MAX_NOTES; i++)
    g_assert_nonnull (upskill_profile_add_note (profile, 0, "A note"));
  g_assert_null (upskill_profile_add_note (profile, 0, "One too many"));
  g_assert_false (upskill_profile_check_room_for_note (profile, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_cmpuint (upskill_profile_get_notes (profile)->len, ==, UPSKILL_PROFILE_MAX_NOTES);

  for (guint i = 0; i < UPSKILL_PROFILE_MAX_EVIDENCE; i++)
    g_assert_true (upskill_profile_add_evidence (profile, "sql", "A project", NULL));
  g_assert_false (upskill_profile_add_evidence (profile, "sql", "One too many", NULL));
  g_assert_cmpuint (upskill_profile_get_evidence (profile, "sql")->len, ==, UPSKILL_PROFILE_MAX_EVIDENCE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/upskill/limits/compact-import-stays-readable", Fixture, NULL,
              fixture_set_up, test_compact_import_stays_readable, fixture_tear_down);
  g_test_add ("/upskill/limits/level-changes-near-the-limit", Fixture, NULL,
              fixture_set_up, test_level_changes_near_the_limit, fixture_tear_down);
  g_test_add_func ("/upskill/limits/history-is-bounded", test_history_is_bounded);
  g_test_add_func ("/upskill/limits/nul-refused", test_nul_refused);
  g_test_add_func ("/upskill/limits/control-characters-kept", test_control_characters_kept);
  g_test_add ("/upskill/limits/unknown-members-kept", Fixture, NULL,
              fixture_set_up, test_unknown_members_kept, fixture_tear_down);
  g_test_add ("/upskill/limits/fifo-refused", Fixture, NULL,
              fixture_set_up, test_fifo_refused, fixture_tear_down);
  g_test_add_func ("/upskill/limits/list-and-field-limits", test_list_and_field_limits);

  return g_test_run ();
}
