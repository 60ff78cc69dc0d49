/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "upskill-client.h"
#include "upskill-practice.h"
#include "upskill-profile-merge.h"
#include "upskill-profile.h"
#include "upskill-readiness.h"
#include "upskill-test-utils.h"

#define DAY (24 * 60 * 60)

static UpskillProfile *
reload (UpskillProfile *profile)
{
  g_autoptr(GBytes) bytes = upskill_profile_to_bytes (profile);
  g_autoptr(GError) error = NULL;
  UpskillProfile *loaded = upskill_profile_new_from_bytes (bytes, "test.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  return loaded;
}

static void
test_default_privacy (void)
{
  g_autoptr(UpskillProfile) self_profile = upskill_profile_new ("me", "Me");
  g_autoptr(UpskillProfile) client = upskill_profile_new ("ana", "Ana");
  UpskillNote *note;

  upskill_profile_set_kind (self_profile, UPSKILL_PROFILE_SELF);
  upskill_profile_set_kind (client, UPSKILL_PROFILE_CLIENT);

  note = upskill_profile_add_note (self_profile, 10 * DAY, "My own notes");
  g_assert_false (note->private);
  g_assert_true (upskill_note_is_shared (note));

  note = upskill_profile_add_note (client, 10 * DAY, "Coach's notes");
  g_assert_true (note->private);
  g_assert_false (upskill_note_is_shared (note));
  /* An action is as private as the note it is agreed in. */
  g_assert_false (upskill_action_is_shared (note, upskill_profile_add_action (client, note->id,
                                                                              "Read chapter 3", 0)));
}

static void
test_actions_round_trip (void)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("ana", "Ana");
  g_autoptr(UpskillProfile) loaded = NULL;
  UpskillNote *note;
  UpskillAction *action;
  const char *note_id;

  upskill_profile_set_kind (profile, UPSKILL_PROFILE_CLIENT);
  note = upskill_profile_add_note (profile, 10 * DAY, "Intake");
  note_id = note->id;
  upskill_profile_set_note_private (profile, note_id, FALSE);
  upskill_profile_set_note_next_session (profile, note_id, 24 * DAY);

  action = upskill_profile_add_action (profile, note_id, "Finish the SQL course", 20 * DAY + 3600);
  g_assert_nonnull (action);
  g_assert_cmpstr (action->id, ==, "action-1");
  g_assert_cmpint (action->due, ==, 20 * DAY);   /* a day */
  g_assert_cmpint (action->status, ==, UPSKILL_ACTION_OPEN);
  g_assert_false (action->private);
  action = upskill_profile_add_action (profile, note_id, "Ask the manager about a pilot", 0);
  g_assert_cmpstr (action->id, ==, "action-2");
  upskill_profile_set_action_status (profile, note_id, "action-2", UPSKILL_ACTION_DROPPED);
  action = upskill_profile_add_action (profile, note_id, "Salary talk", 0);
  upskill_profile_set_action_private (profile, note_id, action->id, TRUE);

  loaded = reload (profile);
  note = g_ptr_array_index (upskill_profile_get_notes (loaded), 0);
  g_assert_false (note->private);
  g_assert_cmpint (note->next_session, ==, 24 * DAY);
  g_assert_cmpuint (note->actions->len, ==, 3);
  action = g_ptr_array_index (note->actions, 0);
  g_assert_cmpstr (action->text, ==, "Finish the SQL course");
  g_assert_cmpint (action->due, ==, 20 * DAY);
  g_assert_cmpint (action->status, ==, UPSKILL_ACTION_OPEN);
  action = g_ptr_array_index (note->actions, 1);
  g_assert_cmpint (action->due, ==, 0);
  g_assert_cmpint (action->status, ==, UPSKILL_ACTION_DROPPED);
  action = g_ptr_array_index (note->actions, 2);
  g_assert_true (action->private);
  g_assert_false (upskill_action_is_shared (note, action));
  g_assert_true (upskill_action_is_shared (note, g_ptr_array_index (note->actions, 0)));

  /* A copy (undo) is deep. */
  {
    g_autoptr(UpskillProfile) copy = upskill_profile_copy (loaded);

    upskill_profile_set_action_status (loaded, note->id, "action-1", UPSKILL_ACTION_DONE);
    g_assert_cmpint (upskill_profile_find_action (copy, note->id, "action-1")->status, ==,
                     UPSKILL_ACTION_OPEN);
  }
}

/* A file written before sessions had actions loads as it did: notes
 * shared, no actions, no next session. */
static void
test_old_file_loads (void)
{
  const char *json =
    "{\"format\":\"upskill-profile\",\"version\":1,\"id\":\"ana\",\"name\":\"Ana\","
    "\"kind\":\"client\",\"weekly_hours\":5,\"created\":\"2026-01-01T00:00:00Z\","
    "\"modified\":\"2026-01-01T00:00:00Z\","
    "\"notes\":[{\"id\":\"note-1\",\"date\":\"2026-01-02\",\"text\":\"Intake\"}]}";
  g_autoptr(UpskillProfile) profile = upskill_test_profile_new_from_json (json, "ana.json");
  g_autoptr(GBytes) written = NULL;
  UpskillNote *note;

  note = g_ptr_array_index (upskill_profile_get_notes (profile), 0);
  g_assert_false (note->private);
  g_assert_cmpint (note->next_session, ==, 0);
  g_assert_cmpuint (note->actions->len, ==, 0);

  /* And is written back without new members. */
  written = upskill_profile_to_bytes (profile);
  g_assert_null (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written), "actions"));
  g_assert_null (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written), "private"));
}

static void
check_refused (const char *notes,
               const char *expected)
{
  g_autofree char *json = g_strdup_printf (
    "{\"format\":\"upskill-profile\",\"version\":1,\"id\":\"ana\",\"name\":\"Ana\","
    "\"kind\":\"client\",\"weekly_hours\":5,\"created\":\"2026-01-01T00:00:00Z\","
    "\"modified\":\"2026-01-01T00:00:00Z\",\"notes\":%s}", notes);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) profile = upskill_profile_new_from_bytes (bytes, "ana.json", &error);

  g_assert_null (profile);
  g_assert_nonnull (error);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

static void
test_bad_actions (void)
{
  g_autoptr(GString) many = g_string_new ("[{\"id\":\"note-1\",\"date\":\"2026-01-02\",\"text\":\"x\",\"actions\":[");
  g_autofree char *long_text = NULL;
  g_autofree char *too_long = NULL;

  for (guint i = 0; i <= UPSKILL_PROFILE_MAX_ACTIONS; i++)
    g_string_append_printf (many, "%s{\"id\":\"action-%u\",\"text\":\"a\",\"status\":\"open\"}",
                            i > 0 ? "," : "", i + 1);
  g_string_append (many, "]}]");
  check_refused (many->str, "more than the limit of 50");

  check_refused ("[{\"id\":\"note-1\",\"date\":\"2026-01-02\",\"text\":\"x\",\"actions\":"
                 "[{\"id\":\"action-1\",\"text\":\"a\",\"status\":\"finished\"}]}]",
                 "is not one of open, done, dropped");
  check_refused ("[{\"id\":\"note-1\",\"date\":\"2026-01-02\",\"text\":\"x\",\"actions\":"
                 "[{\"id\":\"action-1\",\"text\":\"a\",\"status\":\"open\"},"
                 "{\"id\":\"action-1\",\"text\":\"b\",\"status\":\"open\"}]}]",
                 "is used by another action");
  check_refused ("[{\"id\":\"note-1\",\"date\":\"2026-01-02\",\"text\":\"x\",\"private\":\"yes\"}]",
                 "expected true or false");
  check_refused ("[{\"id\":\"note-1\",\"date\":\"2026-01-02\",\"text\":\"x\",\"next_session\":\"soon\"}]",
                 "next_session");

  long_text = g_strnfill (UPSKILL_PROFILE_LINE_MAX_CHARS + 1, 'a');
  too_long = g_strdup_printf ("[{\"id\":\"note-1\",\"date\":\"2026-01-02\",\"text\":\"x\",\"actions\":"
                              "[{\"id\":\"action-1\",\"text\":\"%s\",\"status\":\"open\"}]}]", long_text);
  check_refused (too_long, "longer than the limit");
}

static void
test_action_limits (void)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("ana", "Ana");
  g_autofree char *long_text = g_strnfill (UPSKILL_PROFILE_LINE_MAX_CHARS + 1, 'a');
  UpskillNote *note = upskill_profile_add_note (profile, 10 * DAY, "Intake");

  g_assert_null (upskill_profile_add_action (profile, note->id, long_text, 0));
  for (guint i = 0; i < UPSKILL_PROFILE_MAX_ACTIONS; i++)
    g_assert_nonnull (upskill_profile_add_action (profile, note->id, "Step", 0));
  g_assert_null (upskill_profile_add_action (profile, note->id, "One too many", 0));
  g_assert_cmpuint (note->actions->len, ==, UPSKILL_PROFILE_MAX_ACTIONS);
}

static void
test_open_actions_before (void)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("ana", "Ana");
  g_autoptr(GPtrArray) open = NULL;
  const UpskillNote *from = NULL;
  UpskillNote *first, *second, *third;
  UpskillAction *moved;

  first = upskill_profile_add_note (profile, 10 * DAY, "Intake");
  upskill_profile_add_action (profile, first->id, "Old promise", 0);
  second = upskill_profile_add_note (profile, 20 * DAY, "Second");
  upskill_profile_add_action (profile, second->id, "Finish the SQL course", 25 * DAY);
  upskill_profile_add_action (profile, second->id, "Already done", 0);
  upskill_profile_add_action (profile, second->id, "Not any more", 0);
  upskill_profile_set_action_status (profile, second->id, "action-2", UPSKILL_ACTION_DONE);
  upskill_profile_set_action_status (profile, second->id, "action-3", UPSKILL_ACTION_DROPPED);

  /* Only the last session before the time counts, and only what is open. */
  open = upskill_profile_dup_open_actions_before (profile, 30 * DAY, &from);
  g_assert_true (from == second);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpstr (((UpskillAction *) g_ptr_array_index (open, 0))->text, ==, "Finish the SQL course");
  g_clear_pointer (&open, g_ptr_array_unref);

  open = upskill_profile_dup_open_actions_before (profile, 20 * DAY, &from);
  g_assert_true (from == first);
  g_assert_cmpuint (open->len, ==, 1);
  g_clear_pointer (&open, g_ptr_array_unref);

  open = upskill_profile_dup_open_actions_before (profile, 10 * DAY, &from);
  g_assert_null (from);
  g_assert_cmpuint (open->len, ==, 0);
  g_clear_pointer (&open, g_ptr_array_unref);

  /* Carried over into the next session, it is that session's to show. */
  third = upskill_profile_add_note (profile, 30 * DAY, "Third");
  moved = upskill_profile_carry_over_action (profile, second->id, "action-1", third->id);
  g_assert_nonnull (moved);
  g_assert_cmpstr (moved->text, ==, "Finish the SQL course");
  g_assert_cmpint (moved->due, ==, 25 * DAY);
  g_assert_cmpint (moved->status, ==, UPSKILL_ACTION_OPEN);
  g_assert_null (upskill_profile_find_action (profile, second->id, "action-1"));
  open = upskill_profile_dup_open_actions_before (profile, 40 * DAY, &from);
  g_assert_true (from == third);
  g_assert_cmpuint (open->len, ==, 1);
}

static void
test_merge_keeps_actions (void)
{
  g_autoptr(UpskillProfile) base = upskill_profile_new ("ana", "Ana");
  g_autoptr(UpskillProfile) mine = NULL;
  g_autoptr(UpskillProfile) theirs = NULL;
  g_autoptr(UpskillProfile) merged = NULL;
  g_autoptr(GError) error = NULL;
  UpskillNote *note;
  g_autofree char *note_id = NULL;
  GPtrArray *notes;

  note = upskill_profile_add_note (base, 10 * DAY, "Intake");
  note_id = g_strdup (note->id);
  upskill_profile_add_action (base, note_id, "Finish the SQL course", 0);
  upskill_profile_add_action (base, note_id, "Read the OWASP LLM Top 10", 0);
  mine = upskill_profile_copy (base);
  theirs = upskill_profile_copy (base);

  /* Done on one device, still open on the other (which changed last). */
  upskill_profile_set_action_status (mine, note_id, "action-1", UPSKILL_ACTION_DONE);
  /* Each adds one under the same new id. */
  upskill_profile_add_action (mine, note_id, "Laptop action", 0);
  upskill_profile_add_action (theirs, note_id, "Desktop action", 0);
  upskill_profile_set_action_status (theirs, note_id, "action-2", UPSKILL_ACTION_DROPPED);

  merged = upskill_profile_merge (mine, theirs, &error);
  g_assert_no_error (error);

  notes = upskill_profile_get_notes (merged);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpuint (note->actions->len, ==, 4);
  g_assert_cmpint (upskill_profile_find_action (merged, note->id, "action-1")->status, ==, UPSKILL_ACTION_DONE);
  g_assert_cmpint (upskill_profile_find_action (merged, note->id, "action-2")->status, ==, UPSKILL_ACTION_DROPPED);
  {
    gboolean laptop = FALSE, desktop = FALSE;

    for (guint i = 0; i < note->actions->len; i++)
      {
        UpskillAction *action = g_ptr_array_index (note->actions, i);

        laptop |= g_strcmp0 (action->text, "Laptop action") == 0;
        desktop |= g_strcmp0 (action->text, "Desktop action") == 0;
      }
    g_assert_true (laptop && desktop);
  }
  /* The one added apart under an id taken on both sides gets the next
   * free one, past the ids of either side. */
  g_assert_nonnull (upskill_profile_find_action (merged, note->id, "action-3"));
  g_assert_nonnull (upskill_profile_find_action (merged, note->id, "action-4"));

  /* The same both ways round. */
  g_clear_object (&merged);
  merged = upskill_profile_merge (theirs, mine, &error);
  g_assert_no_error (error);
  note = g_ptr_array_index (upskill_profile_get_notes (merged), 0);
  g_assert_cmpuint (note->actions->len, ==, 4);
  g_assert_cmpint (upskill_profile_find_action (merged, note->id, "action-1")->status, ==, UPSKILL_ACTION_DONE);
  g_assert_cmpint (upskill_profile_find_action (merged, note->id, "action-2")->status, ==, UPSKILL_ACTION_DROPPED);
}

/* The Clients view's next session: the date agreed in the last session
 * when there is one still to come, else the first note dated ahead. */
static void
test_next_session_agreed (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 today = now / DAY * DAY;
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("ana", "Ana");
  g_autoptr(UpskillProfileSummary) summary = g_new0 (UpskillProfileSummary, 1);
  UpskillNote *last;

  summary->id = g_strdup ("ana");
  summary->name = g_strdup ("Ana");
  summary->readiness = -1;
  upskill_profile_add_note (profile, today - 30 * DAY, "First");
  last = upskill_profile_add_note (profile, today - 3 * DAY, "Second");
  upskill_profile_add_note (profile, today + 20 * DAY, "Booked long ago");

  upskill_practice_fill_summary (summary, profile, catalog, now, NULL);
  g_assert_cmpint (summary->next_session, ==, today + 20 * DAY);

  upskill_profile_set_note_next_session (profile, last->id, today + 11 * DAY);
  upskill_practice_fill_summary (summary, profile, catalog, now, NULL);
  g_assert_cmpint (summary->next_session, ==, today + 11 * DAY);

  /* A date agreed that passed without a session: the old rule again. */
  upskill_profile_set_note_next_session (profile, last->id, today - DAY);
  upskill_practice_fill_summary (summary, profile, catalog, now, NULL);
  g_assert_cmpint (summary->next_session, ==, today + 20 * DAY);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upskill/sessions/default-privacy", test_default_privacy);
  g_test_add_func ("/upskill/sessions/actions-round-trip", test_actions_round_trip);
  g_test_add_func ("/upskill/sessions/old-file-loads", test_old_file_loads);
  g_test_add_func ("/upskill/sessions/bad-actions", test_bad_actions);
  g_test_add_func ("/upskill/sessions/action-limits", test_action_limits);
  g_test_add_func ("/upskill/sessions/open-actions-before", test_open_actions_before);
  g_test_add_func ("/upskill/sessions/merge-keeps-actions", test_merge_keeps_actions);
  g_test_add_func ("/upskill/sessions/next-session-agreed", test_next_session_agreed);

  return g_test_run ();
}
