/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "upskill-error.h"
#include "upskill-json.h"
#include "upskill-profile.h"
#include "upskill-profile-merge.h"
#include "upskill-test-utils.h"

#define T0 1767225600 /* 2026-01-01T00:00:00Z */
#define DAY 86400

typedef struct
{
  guint changed;
  guint notifies;
} Counter;

static void
on_changed (UpskillProfile *profile,
            Counter        *counter)
{
  counter->changed++;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Counter    *counter)
{
  counter->notifies++;
}

static void
watch (UpskillProfile *profile,
       Counter        *counter,
       const char     *notify_signal)
{
  memset (counter, 0, sizeof *counter);
  g_signal_connect (profile, "changed", G_CALLBACK (on_changed), counter);
  if (notify_signal != NULL)
    g_signal_connect (profile, notify_signal, G_CALLBACK (on_notify), counter);
}

static void
unwatch (UpskillProfile *profile,
         Counter        *counter)
{
  g_signal_handlers_disconnect_by_data (profile, counter);
}

/* A profile that uses every part of the format. */
static UpskillProfile *
make_rich_profile (void)
{
  UpskillProfile *profile = upskill_profile_new ("dana-okafor", "Dana Okafor");
  GPtrArray *plan;
  UpskillPlanStep *step;

  upskill_profile_set_kind (profile, UPSKILL_PROFILE_CLIENT);
  upskill_profile_set_current_role (profile, "Backend engineer \"Go\"\nline two\ttab");
  upskill_profile_set_target_role (profile, "ml-engineer");
  upskill_profile_set_weekly_hours (profile, 7.5);

  upskill_profile_set_level (profile, "python-core", 1, NULL, T0);
  upskill_profile_set_level (profile, "python-core", 3, "Completed: The Python Tutorial", T0 + 30 * DAY);
  upskill_profile_set_level (profile, "pytorch", 2, NULL, T0 + 10 * DAY);
  upskill_profile_set_level (profile, "sql", 4, "Self-assessment", T0 + 40 * DAY);
  upskill_profile_set_target_override (profile, "pytorch", 5);
  upskill_profile_set_target_override (profile, "aws-bedrock", 2);
  upskill_profile_add_evidence (profile, "python-core", "Log shipper rewrite ☃",
                                "https://git.example.org/dana/logship-py");
  upskill_profile_add_evidence (profile, "sql", "Ten years of PostgreSQL", NULL);

  plan = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  g_ptr_array_add (plan, upskill_plan_step_new_module ("step-1", "python-tutorial"));
  g_ptr_array_add (plan, upskill_plan_step_new_module ("step-2", "pytorch-60-min"));
  step = upskill_plan_step_new_custom ("step-7", "Build a RAG demo", 12, "rag-vector-search", 1, 2);
  step->status = UPSKILL_STEP_IN_PROGRESS;
  g_ptr_array_add (plan, step);
  upskill_profile_set_plan (profile, plan);
  upskill_profile_set_step_status (profile, "step-1", UPSKILL_STEP_DONE);
  upskill_profile_set_step_status (profile, "step-2", UPSKILL_STEP_SKIPPED);

  upskill_profile_add_note (profile, T0 + 20 * DAY + 3600, "Second session: “focus on PyTorch”");
  upskill_profile_add_note (profile, T0 + 5 * DAY, "First session");

  return profile;
}

static void
test_new (void)
{
  UpskillProfile *profile = upskill_profile_new ("li-wei", "Li Wei");
  g_autofree char *hours_text = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpstr (upskill_profile_get_id (profile), ==, "li-wei");
  g_assert_cmpstr (upskill_profile_get_name (profile), ==, "Li Wei");
  g_assert_cmpint (upskill_profile_get_kind (profile), ==, UPSKILL_PROFILE_SELF);
  g_assert_null (upskill_profile_get_target_role (profile));
  g_assert_cmpfloat (upskill_profile_get_weekly_hours (profile), >, 0.0);
  g_assert_cmpint (upskill_profile_get_created (profile), >=, now - 1);
  g_assert_cmpint (upskill_profile_get_modified (profile), ==, upskill_profile_get_created (profile));
  g_assert_cmpuint (upskill_profile_get_level (profile, "python-core"), ==, 0);
  g_assert_cmpint (upskill_profile_get_target_override (profile, "python-core"), ==,
                   UPSKILL_NO_TARGET_OVERRIDE);
  g_assert_cmpuint (upskill_profile_get_evidence (profile, "python-core")->len, ==, 0);
  g_assert_cmpuint (upskill_profile_get_history (profile)->len, ==, 0);
  g_assert_cmpuint (upskill_profile_get_plan (profile)->len, ==, 0);
  g_assert_cmpuint (upskill_profile_get_notes (profile)->len, ==, 0);

  g_assert_finalize_object (profile);
}

static void
test_id_is_valid (void)
{
  g_autofree char *sixty_four = g_strnfill (64, 'a');
  g_autofree char *sixty_five = g_strnfill (65, 'a');

  g_assert_true (upskill_profile_id_is_valid ("dana-okafor"));
  g_assert_true (upskill_profile_id_is_valid ("0"));
  g_assert_true (upskill_profile_id_is_valid ("profile-2"));
  g_assert_true (upskill_profile_id_is_valid (sixty_four));
  g_assert_false (upskill_profile_id_is_valid (sixty_five));
  g_assert_false (upskill_profile_id_is_valid (""));
  g_assert_false (upskill_profile_id_is_valid (NULL));
  g_assert_false (upskill_profile_id_is_valid ("-dana"));
  g_assert_false (upskill_profile_id_is_valid ("Dana"));
  g_assert_false (upskill_profile_id_is_valid ("../etc"));
  g_assert_false (upskill_profile_id_is_valid ("dana.json"));
  g_assert_false (upskill_profile_id_is_valid ("dana okafor"));
}

static void
test_round_trip (void)
{
  UpskillProfile *profile = make_rich_profile ();
  UpskillProfile *loaded;
  UpskillProfile *copy;
  g_autoptr(GBytes) bytes = upskill_profile_to_bytes (profile);
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GBytes) copy_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rated = NULL;
  UpskillPlanStep *step;
  UpskillEvidence *evidence;
  UpskillHistoryEntry *entry;
  UpskillNote *note;
  GPtrArray *history;

  loaded = upskill_profile_new_from_bytes (bytes, "dana-okafor.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  bytes_again = upskill_profile_to_bytes (loaded);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   g_bytes_get_data (bytes_again, NULL), g_bytes_get_size (bytes_again));

  copy = upskill_profile_copy (loaded);
  copy_bytes = upskill_profile_to_bytes (copy);
  g_assert_true (g_bytes_equal (bytes, copy_bytes));

  /* The values themselves survived, not just their text. */
  g_assert_cmpstr (upskill_profile_get_id (loaded), ==, "dana-okafor");
  g_assert_cmpstr (upskill_profile_get_name (loaded), ==, "Dana Okafor");
  g_assert_cmpint (upskill_profile_get_kind (loaded), ==, UPSKILL_PROFILE_CLIENT);
  g_assert_cmpstr (upskill_profile_get_current_role (loaded), ==, "Backend engineer \"Go\"\nline two\ttab");
  g_assert_cmpstr (upskill_profile_get_target_role (loaded), ==, "ml-engineer");
  g_assert_cmpfloat (upskill_profile_get_weekly_hours (loaded), ==, 7.5);
  g_assert_cmpint (upskill_profile_get_created (loaded), ==, upskill_profile_get_created (profile));
  g_assert_cmpint (upskill_profile_get_modified (loaded), ==, upskill_profile_get_modified (profile));

  g_assert_cmpuint (upskill_profile_get_level (loaded, "python-core"), ==, 3);
  g_assert_cmpuint (upskill_profile_get_level (loaded, "pytorch"), ==, 2);
  g_assert_cmpuint (upskill_profile_get_level (loaded, "sql"), ==, 4);
  g_assert_cmpuint (upskill_profile_get_level (loaded, "aws-bedrock"), ==, 0);
  g_assert_cmpint (upskill_profile_get_target_override (loaded, "pytorch"), ==, 5);
  g_assert_cmpint (upskill_profile_get_target_override (loaded, "aws-bedrock"), ==, 2);
  g_assert_cmpint (upskill_profile_get_target_override (loaded, "sql"), ==, UPSKILL_NO_TARGET_OVERRIDE);

  rated = upskill_profile_dup_rated_skills (loaded);
  g_assert_cmpuint (g_strv_length (rated), ==, 4);
  g_assert_cmpstr (rated[0], ==, "aws-bedrock");
  g_assert_cmpstr (rated[3], ==, "sql");

  evidence = g_ptr_array_index (upskill_profile_get_evidence (loaded, "python-core"), 0);
  g_assert_cmpstr (evidence->note, ==, "Log shipper rewrite ☃");
  g_assert_cmpstr (evidence->link, ==, "https://git.example.org/dana/logship-py");
  evidence = g_ptr_array_index (upskill_profile_get_evidence (loaded, "sql"), 0);
  g_assert_null (evidence->link);

  history = upskill_profile_get_history (loaded);
  g_assert_cmpuint (history->len, ==, 4);
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpint (entry->time, ==, T0 + 10 * DAY);
  g_assert_cmpstr (entry->skill_id, ==, "pytorch");
  entry = g_ptr_array_index (history, 2);
  g_assert_cmpstr (entry->skill_id, ==, "python-core");
  g_assert_cmpuint (entry->from, ==, 1);
  g_assert_cmpuint (entry->to, ==, 3);
  g_assert_cmpstr (entry->source, ==, "Completed: The Python Tutorial");

  g_assert_cmpuint (upskill_profile_get_plan (loaded)->len, ==, 3);
  step = upskill_profile_find_step (loaded, "step-1");
  g_assert_cmpstr (step->module_id, ==, "python-tutorial");
  g_assert_cmpint (step->status, ==, UPSKILL_STEP_DONE);
  step = upskill_profile_find_step (loaded, "step-7");
  g_assert_null (step->module_id);
  g_assert_cmpstr (step->title, ==, "Build a RAG demo");
  g_assert_cmpuint (step->hours, ==, 12);
  g_assert_cmpstr (step->skill_id, ==, "rag-vector-search");
  g_assert_cmpuint (step->from_level, ==, 1);
  g_assert_cmpuint (step->to_level, ==, 2);
  g_assert_cmpint (step->status, ==, UPSKILL_STEP_IN_PROGRESS);

  /* Notes are kept oldest first, at their time (a session has one). */
  g_assert_cmpuint (upskill_profile_get_notes (loaded)->len, ==, 2);
  note = g_ptr_array_index (upskill_profile_get_notes (loaded), 0);
  g_assert_cmpstr (note->id, ==, "note-2");
  g_assert_cmpint (note->date, ==, T0 + 5 * DAY);
  note = g_ptr_array_index (upskill_profile_get_notes (loaded), 1);
  g_assert_cmpint (note->date, ==, T0 + 20 * DAY + 3600);
  g_assert_cmpstr (note->text, ==, "Second session: “focus on PyTorch”");

  g_assert_finalize_object (copy);
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (profile);
}

/* Loading and saving a bundled sample keeps every value (the layout may
 * differ from a hand-written file), and from then on the bytes are stable. */
static void
test_samples_round_trip (void)
{
  g_auto(GStrv) children = NULL;
  guint n_samples = 0;

  children = upskill_test_list_samples ();
  if (children == NULL)
    return;

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (UPSKILL_TEST_SAMPLES_PATH, children[i], NULL);
      g_autoptr(GBytes) original = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GBytes) saved_again = NULL;
      g_autoptr(JsonNode) original_root = NULL;
      g_autoptr(JsonNode) saved_root = NULL;
      g_autoptr(GError) error = NULL;
      UpskillProfile *profile;
      UpskillProfile *reloaded;

      g_assert_nonnull (original);
      profile = upskill_profile_new_from_bytes (original, children[i], &error);
      g_assert_no_error (error);
      saved = upskill_profile_to_bytes (profile);

      original_root = upskill_json_parse_bytes (original, children[i], &error);
      g_assert_no_error (error);
      saved_root = upskill_json_parse_bytes (saved, children[i], &error);
      g_assert_no_error (error);
      g_assert_true (json_node_equal (original_root, saved_root));

      reloaded = upskill_profile_new_from_bytes (saved, children[i], &error);
      g_assert_no_error (error);
      saved_again = upskill_profile_to_bytes (reloaded);
      g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                       g_bytes_get_data (saved_again, NULL), g_bytes_get_size (saved_again));

      g_assert_finalize_object (reloaded);
      g_assert_finalize_object (profile);
      n_samples++;
    }

  g_assert_cmpuint (n_samples, >=, 1);
}

static void
test_set_level_records_history (void)
{
  UpskillProfile *profile = upskill_profile_new ("dana", "Dana");
  UpskillHistoryEntry *entry;
  Counter counter;
  Counter modified;
  GPtrArray *history;

  watch (profile, &counter, NULL);
  memset (&modified, 0, sizeof modified);
  g_signal_connect (profile, "notify::modified", G_CALLBACK (on_notify), &modified);

  g_assert_true (upskill_profile_set_level (profile, "python-core", 3,
                                            "Completed: The Python Tutorial", T0));
  g_assert_cmpuint (counter.changed, ==, 1);
  g_assert_cmpuint (upskill_profile_get_level (profile, "python-core"), ==, 3);

  history = upskill_profile_get_history (profile);
  g_assert_cmpuint (history->len, ==, 1);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpint (entry->time, ==, T0);
  g_assert_cmpstr (entry->skill_id, ==, "python-core");
  g_assert_cmpuint (entry->from, ==, 0);
  g_assert_cmpuint (entry->to, ==, 3);
  g_assert_cmpstr (entry->source, ==, "Completed: The Python Tutorial");

  /* Time 0 means now. */
  g_assert_true (upskill_profile_set_level (profile, "python-core", 2, NULL, 0));
  g_assert_cmpuint (counter.changed, ==, 2);
  g_assert_cmpuint (history->len, ==, 2);
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpuint (entry->from, ==, 3);
  g_assert_cmpuint (entry->to, ==, 2);
  g_assert_null (entry->source);
  g_assert_cmpint (entry->time, >=, g_get_real_time () / G_USEC_PER_SEC - 1);
  g_assert_cmpint (upskill_profile_get_modified (profile), >=, entry->time);

  /* A change recorded late goes where it belongs in time. */
  g_assert_true (upskill_profile_set_level (profile, "sql", 1, NULL, T0 - DAY));
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->skill_id, ==, "sql");

  unwatch (profile, &counter);
  g_signal_handlers_disconnect_by_data (profile, &modified);
  g_assert_finalize_object (profile);
}

static void
test_set_level_unchanged (void)
{
  UpskillProfile *profile = upskill_profile_new ("dana", "Dana");
  g_auto(GStrv) rated = NULL;
  Counter counter;

  upskill_profile_set_level (profile, "python-core", 2, NULL, T0);
  watch (profile, &counter, "notify");

  g_assert_false (upskill_profile_set_level (profile, "python-core", 2, "again", T0 + DAY));
  g_assert_false (upskill_profile_set_level (profile, "never-rated", 0, NULL, T0));
  g_assert_cmpuint (counter.changed, ==, 0);
  g_assert_cmpuint (counter.notifies, ==, 0);
  g_assert_cmpuint (upskill_profile_get_history (profile)->len, ==, 1);

  rated = upskill_profile_dup_rated_skills (profile);
  g_assert_cmpstrv (rated, ((const char * const []) { "python-core", NULL }));

  unwatch (profile, &counter);
  g_assert_finalize_object (profile);
}

static void
test_properties_notify (void)
{
  UpskillProfile *profile = upskill_profile_new ("dana", "Dana");
  g_autofree char *name = NULL;
  g_autofree char *long_name = g_strnfill (250, 'x');
  UpskillProfileKind kind;
  Counter counter;
  double hours;

  watch (profile, &counter, "notify::name");
  upskill_profile_set_name (profile, "Dana");
  g_assert_cmpuint (counter.notifies, ==, 0);
  g_assert_cmpuint (counter.changed, ==, 0);
  g_object_set (profile, "name", "Dana Okafor", NULL);
  g_assert_cmpuint (counter.notifies, ==, 1);
  g_assert_cmpuint (counter.changed, ==, 1);
  g_object_get (profile, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "Dana Okafor");

  /* Too long a name is cut, so that the file stays readable. */
  upskill_profile_set_name (profile, long_name);
  g_assert_cmpint (g_utf8_strlen (upskill_profile_get_name (profile), -1), ==,
                   UPSKILL_PROFILE_NAME_MAX_CHARS);
  unwatch (profile, &counter);

  watch (profile, &counter, "notify::kind");
  g_object_set (profile, "kind", UPSKILL_PROFILE_CLIENT, NULL);
  g_object_set (profile, "kind", UPSKILL_PROFILE_CLIENT, NULL);
  g_assert_cmpuint (counter.notifies, ==, 1);
  g_assert_cmpuint (counter.changed, ==, 1);
  g_object_get (profile, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, UPSKILL_PROFILE_CLIENT);
  unwatch (profile, &counter);

  watch (profile, &counter, "notify::weekly-hours");
  upskill_profile_set_weekly_hours (profile, 12.5);
  upskill_profile_set_weekly_hours (profile, 12.5);
  g_assert_cmpuint (counter.notifies, ==, 1);
  g_assert_cmpuint (counter.changed, ==, 1);
  g_object_get (profile, "weekly-hours", &hours, NULL);
  g_assert_cmpfloat (hours, ==, 12.5);
  unwatch (profile, &counter);

  watch (profile, &counter, "notify::target-role");
  upskill_profile_set_target_role (profile, "mlops-engineer");
  upskill_profile_set_target_role (profile, "mlops-engineer");
  upskill_profile_set_target_role (profile, "");
  g_assert_null (upskill_profile_get_target_role (profile));
  upskill_profile_set_target_role (profile, NULL);
  g_assert_cmpuint (counter.notifies, ==, 2);
  g_assert_cmpuint (counter.changed, ==, 2);
  unwatch (profile, &counter);

  watch (profile, &counter, "notify::current-role");
  upskill_profile_set_current_role (profile, "Java developer");
  g_assert_cmpuint (counter.notifies, ==, 1);
  unwatch (profile, &counter);

  watch (profile, &counter, "notify::id");
  upskill_profile_set_id (profile, "dana-2");
  upskill_profile_set_id (profile, "dana-2");
  g_assert_cmpuint (counter.notifies, ==, 1);
  g_assert_cmpuint (counter.changed, ==, 1);
  unwatch (profile, &counter);

  g_assert_finalize_object (profile);
}

static void
test_every_change_emits (void)
{
  UpskillProfile *profile = upskill_profile_new ("dana", "Dana");
  GPtrArray *plan;
  UpskillNote *note;
  Counter counter;
  char *note_id;

  watch (profile, &counter, NULL);

  upskill_profile_set_target_override (profile, "pytorch", 4);
  g_assert_cmpuint (counter.changed, ==, 1);
  upskill_profile_set_target_override (profile, "pytorch", 4);
  g_assert_cmpuint (counter.changed, ==, 1);
  upskill_profile_set_target_override (profile, "pytorch", UPSKILL_NO_TARGET_OVERRIDE);
  g_assert_cmpuint (counter.changed, ==, 2);

  upskill_profile_add_evidence (profile, "pytorch", "Notebook", "");
  g_assert_cmpuint (counter.changed, ==, 3);
  g_assert_null (((UpskillEvidence *) g_ptr_array_index (upskill_profile_get_evidence (profile, "pytorch"), 0))->link);
  upskill_profile_update_evidence (profile, "pytorch", 0, "Notebook", NULL);
  g_assert_cmpuint (counter.changed, ==, 3);
  upskill_profile_update_evidence (profile, "pytorch", 0, "Notebook", "https://example.org/nb");
  g_assert_cmpuint (counter.changed, ==, 4);
  upskill_profile_remove_evidence (profile, "pytorch", 0);
  g_assert_cmpuint (counter.changed, ==, 5);
  g_assert_cmpuint (upskill_profile_get_evidence (profile, "pytorch")->len, ==, 0);

  plan = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  g_ptr_array_add (plan, upskill_plan_step_new_module ("step-1", "a"));
  g_ptr_array_add (plan, upskill_plan_step_new_module ("step-2", "b"));
  g_ptr_array_add (plan, upskill_plan_step_new_module ("step-3", "c"));
  upskill_profile_set_plan (profile, plan);
  g_assert_cmpuint (counter.changed, ==, 6);

  upskill_profile_set_step_status (profile, "step-2", UPSKILL_STEP_DONE);
  upskill_profile_set_step_status (profile, "step-2", UPSKILL_STEP_DONE);
  g_assert_cmpuint (counter.changed, ==, 7);

  upskill_profile_move_step (profile, "step-3", 0);
  g_assert_cmpuint (counter.changed, ==, 8);
  upskill_profile_move_step (profile, "step-3", 0);
  g_assert_cmpuint (counter.changed, ==, 8);
  upskill_profile_move_step (profile, "step-3", 99);
  g_assert_cmpuint (counter.changed, ==, 9);
  plan = upskill_profile_get_plan (profile);
  g_assert_cmpstr (((UpskillPlanStep *) g_ptr_array_index (plan, 0))->id, ==, "step-1");
  g_assert_cmpstr (((UpskillPlanStep *) g_ptr_array_index (plan, 2))->id, ==, "step-3");

  upskill_profile_remove_step (profile, "step-1");
  g_assert_cmpuint (counter.changed, ==, 10);
  g_assert_null (upskill_profile_find_step (profile, "step-1"));

  note = upskill_profile_add_note (profile, T0 + 3 * DAY + 100, "Kick-off");
  g_assert_cmpuint (counter.changed, ==, 11);
  g_assert_cmpint (note->date, ==, T0 + 3 * DAY + 100);
  note_id = g_strdup (note->id);
  upskill_profile_update_note (profile, note_id, T0 + 3 * DAY + 100, "Kick-off");
  g_assert_cmpuint (counter.changed, ==, 11);
  upskill_profile_update_note (profile, note_id, T0 + 4 * DAY, "Kick-off, moved");
  g_assert_cmpuint (counter.changed, ==, 12);
  upskill_profile_remove_note (profile, note_id);
  g_assert_cmpuint (counter.changed, ==, 13);
  g_assert_cmpuint (upskill_profile_get_notes (profile)->len, ==, 0);
  g_free (note_id);

  unwatch (profile, &counter);
  g_assert_finalize_object (profile);
}

static void
test_new_ids (void)
{
  UpskillProfile *profile = upskill_profile_new ("dana", "Dana");
  g_autofree char *first_step = NULL;
  g_autofree char *next_step = NULL;
  GPtrArray *plan;
  UpskillNote *note;

  first_step = upskill_profile_new_step_id (profile);
  g_assert_cmpstr (first_step, ==, "step-1");

  plan = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  g_ptr_array_add (plan, upskill_plan_step_new_module ("step-3", "a"));
  g_ptr_array_add (plan, upskill_plan_step_new_module ("step-10", "b"));
  g_ptr_array_add (plan, upskill_plan_step_new_module ("custom", "c"));
  upskill_profile_set_plan (profile, plan);
  next_step = upskill_profile_new_step_id (profile);
  g_assert_cmpstr (next_step, ==, "step-11");

  note = upskill_profile_add_note (profile, T0, "a");
  g_assert_cmpstr (note->id, ==, "note-1");
  note = upskill_profile_add_note (profile, T0 - DAY, "b");
  g_assert_cmpstr (note->id, ==, "note-2");
  upskill_profile_remove_note (profile, "note-1");
  note = upskill_profile_add_note (profile, T0, "c");
  g_assert_cmpstr (note->id, ==, "note-3");

  g_assert_finalize_object (profile);
}

static void
test_restore (void)
{
  UpskillProfile *profile = make_rich_profile ();
  UpskillProfile *before = upskill_profile_copy (profile);
  g_autoptr(GBytes) before_bytes = NULL;
  g_autoptr(GBytes) restored_bytes = NULL;
  Counter counter;
  Counter name_counter;

  /* An edit, then undo. */
  upskill_profile_set_name (profile, "Dana O.");
  upskill_profile_set_level (profile, "python-core", 5, NULL, 0);
  upskill_profile_add_note (profile, T0, "Oops");
  upskill_profile_remove_step (profile, "step-7");

  watch (profile, &counter, NULL);
  memset (&name_counter, 0, sizeof name_counter);
  g_signal_connect (profile, "notify::name", G_CALLBACK (on_notify), &name_counter);

  upskill_profile_restore (profile, before);
  g_assert_cmpuint (counter.changed, ==, 1);
  g_assert_cmpuint (name_counter.notifies, ==, 1);

  g_assert_cmpstr (upskill_profile_get_name (profile), ==, "Dana Okafor");
  g_assert_cmpuint (upskill_profile_get_level (profile, "python-core"), ==, 3);
  g_assert_cmpuint (upskill_profile_get_history (profile)->len, ==, 4);
  g_assert_cmpuint (upskill_profile_get_notes (profile)->len, ==, 2);
  g_assert_nonnull (upskill_profile_find_step (profile, "step-7"));

  /* Everything but the time of the change is as before. */
  upskill_profile_set_name (before, "Dana Okafor");
  restored_bytes = upskill_profile_to_bytes (profile);
  before_bytes = upskill_profile_to_bytes (before);
  g_assert_cmpuint (g_bytes_get_size (restored_bytes), ==, g_bytes_get_size (before_bytes));

  unwatch (profile, &counter);
  g_signal_handlers_disconnect_by_data (profile, &name_counter);
  g_assert_finalize_object (before);
  g_assert_finalize_object (profile);
}

static void
test_copy_is_deep (void)
{
  UpskillProfile *profile = make_rich_profile ();
  UpskillProfile *copy = upskill_profile_copy (profile);
  g_autoptr(GBytes) original = upskill_profile_to_bytes (profile);
  g_autoptr(GBytes) after = NULL;

  upskill_profile_set_level (copy, "python-core", 5, NULL, 0);
  upskill_profile_add_evidence (copy, "python-core", "More", NULL);
  upskill_profile_update_evidence (copy, "python-core", 0, "Changed", NULL);
  upskill_profile_set_step_status (copy, "step-7", UPSKILL_STEP_DONE);
  upskill_profile_update_note (copy, "note-1", T0, "Changed");
  upskill_profile_set_current_role (copy, "Changed");

  after = upskill_profile_to_bytes (profile);
  g_assert_true (g_bytes_equal (original, after));

  g_assert_finalize_object (copy);
  g_assert_finalize_object (profile);
}

/* Bad input */

static const char base_json[] =
  "{\n"
  "  \"format\": \"upskill-profile\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"dana-okafor\",\n"
  "  \"name\": \"Dana Okafor\",\n"
  "  \"kind\": \"self\",\n"
  "  \"current_role\": \"Backend engineer\",\n"
  "  \"target_role\": \"ml-engineer\",\n"
  "  \"weekly_hours\": 6,\n"
  "  \"created\": \"2026-03-02T09:00:00Z\",\n"
  "  \"modified\": \"2026-11-12T21:20:00Z\",\n"
  "  \"skills\": {\n"
  "    \"python-core\": {\"level\": 2, \"target\": 4, \"evidence\": [\n"
  "      {\"note\": \"Tutorial\", \"link\": \"https://example.org\", \"added\": \"2026-03-02T09:40:00Z\"}]},\n"
  "    \"sql\": {\"level\": 3}\n"
  "  },\n"
  "  \"history\": [\n"
  "    {\"time\": \"2026-03-02T09:00:00Z\", \"skill\": \"python-core\", \"from\": 0, \"to\": 1},\n"
  "    {\"time\": \"2026-04-02T09:00:00Z\", \"skill\": \"python-core\", \"from\": 1, \"to\": 2, \"source\": \"Course\"}\n"
  "  ],\n"
  "  \"plan\": [\n"
  "    {\"id\": \"step-1\", \"module\": \"python-tutorial\", \"status\": \"done\"},\n"
  "    {\"id\": \"step-2\", \"module\": null, \"title\": \"Demo\", \"hours\": 10, \"skill\": \"sql\", \"from\": 3, \"to\": 4, \"status\": \"planned\"}\n"
  "  ],\n"
  "  \"notes\": [\n"
  "    {\"id\": \"note-1\", \"date\": \"2026-03-02\", \"text\": \"Kick-off\"},\n"
  "    {\"id\": \"note-2\", \"date\": \"2026-04-02\", \"text\": \"Second\"}\n"
  "  ]\n"
  "}\n";

static char *
replace_once (const char *text,
              const char *old,
              const char *replacement)
{
  const char *found = strstr (text, old);

  g_assert_nonnull (found);

  return g_strdup_printf ("%.*s%s%s", (int) (found - text), text, replacement,
                          found + strlen (old));
}

static GError *
load_error (const char *json,
            const char *display_name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  GError *error = NULL;
  UpskillProfile *profile;

  profile = upskill_profile_new_from_bytes (bytes, display_name, &error);
  g_assert_null (profile);
  g_assert_nonnull (error);
  g_assert_true (error->domain == UPSKILL_ERROR);

  return error;
}

static void
assert_message_has (const GError *error,
                    const char   *fragment)
{
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” not found in the message “%s”", fragment, error->message);
}

static void
test_base_is_valid (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (base_json, strlen (base_json));
  g_autoptr(GError) error = NULL;
  UpskillProfile *profile;

  profile = upskill_profile_new_from_bytes (bytes, "bad.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upskill_profile_get_history (profile)->len, ==, 2);
  g_assert_cmpuint (upskill_profile_get_plan (profile)->len, ==, 2);
  g_assert_finalize_object (profile);
}

static void
test_bad_data (void)
{
  g_autofree char *long_name = NULL;
  g_autofree char *long_name_member = NULL;
  static const struct {
    const char *old;
    const char *replacement;
    UpskillError code;
    const char *fragment;
  } cases[] = {
    { "\"format\": \"upskill-profile\"", "\"format\": \"upskill-catalog\"",
      UPSKILL_ERROR_WRONG_FORMAT, "not an Upskill file of the expected kind" },
    { "\"version\": 1", "\"version\": \"1\"",
      UPSKILL_ERROR_WRONG_FORMAT, "version: expected a whole number" },
    { "\"name\": \"Dana Okafor\",", "",
      UPSKILL_ERROR_INVALID_DATA, "“name” is missing" },
    { "\"name\": \"Dana Okafor\"", "\"name\": \"   \"",
      UPSKILL_ERROR_INVALID_DATA, "“name”: expected a name of 1 to 200 characters" },
    { "\"name\": \"Dana Okafor\"", "\"name\": 42",
      UPSKILL_ERROR_INVALID_DATA, "“name”: expected text" },
    { "\"id\": \"dana-okafor\"", "\"id\": \"../Dana\"",
      UPSKILL_ERROR_INVALID_DATA, "“id”: “../Dana” is not a valid profile id" },
    { "\"kind\": \"self\"", "\"kind\": \"boss\"",
      UPSKILL_ERROR_INVALID_DATA, "“kind”: expected “self” or “client”, not “boss”" },
    { "\"weekly_hours\": 6", "\"weekly_hours\": 0",
      UPSKILL_ERROR_INVALID_DATA, "“weekly_hours”: expected more than 0 hours" },
    { "\"weekly_hours\": 6", "\"weekly_hours\": 81",
      UPSKILL_ERROR_INVALID_DATA, "“weekly_hours”: 81 is out of range (0 to 80)" },
    { "\"weekly_hours\": 6", "\"weekly_hours\": \"six\"",
      UPSKILL_ERROR_INVALID_DATA, "“weekly_hours”: expected a number" },
    { "\"created\": \"2026-03-02T09:00:00Z\"", "\"created\": \"yesterday\"",
      UPSKILL_ERROR_INVALID_DATA, "“created”: “yesterday” is not a date and time" },
    { "\"modified\": \"2026-11-12T21:20:00Z\",", "",
      UPSKILL_ERROR_INVALID_DATA, "“modified” is missing" },
    { "\"skills\": {", "\"skills\": [], \"x\": {",
      UPSKILL_ERROR_INVALID_DATA, "“skills”: expected an object" },
    { "\"sql\": {\"level\": 3}", "\"sql\": 3",
      UPSKILL_ERROR_INVALID_DATA, "skills.sql: expected an object" },
    { "\"sql\": {\"level\": 3}", "\"sql\": {\"level\": \"three\"}",
      UPSKILL_ERROR_INVALID_DATA, "skills.sql: “level”: expected a whole number" },
    { "\"sql\": {\"level\": 3}", "\"sql\": {\"level\": 6}",
      UPSKILL_ERROR_INVALID_DATA, "skills.sql: “level”: 6 is out of range (0 to 5)" },
    { "\"sql\": {\"level\": 3}", "\"sql\": {\"target\": 3}",
      UPSKILL_ERROR_INVALID_DATA, "skills.sql: “level” is missing" },
    { "\"target\": 4", "\"target\": 9",
      UPSKILL_ERROR_INVALID_DATA, "skills.python-core: “target”: 9 is out of range" },
    { "{\"note\": \"Tutorial\", ", "{",
      UPSKILL_ERROR_INVALID_DATA, "skills.python-core: evidence item 1: “note” is missing" },
    { "\"added\": \"2026-03-02T09:40:00Z\"", "\"added\": 5",
      UPSKILL_ERROR_INVALID_DATA, "skills.python-core: evidence item 1: “added”: expected text" },
    { "\"from\": 1, \"to\": 2, \"source\"", "\"from\": 1, \"to\": \"2\", \"source\"",
      UPSKILL_ERROR_INVALID_DATA, "history item 2: “to”: expected a whole number" },
    { "\"from\": 0, \"to\": 1}", "\"from\": 7, \"to\": 1}",
      UPSKILL_ERROR_INVALID_DATA, "history item 1: “from”: 7 is out of range (0 to 5)" },
    { "\"history\": [\n    {", "\"history\": [\n    3, {",
      UPSKILL_ERROR_INVALID_DATA, "“history” item 1: expected an object" },
    { "\"skill\": \"python-core\", \"from\": 0", "\"skill\": \"\", \"from\": 0",
      UPSKILL_ERROR_INVALID_DATA, "history item 1: “skill”: expected an id" },
    { "\"history\": [", "\"history\": {\"a\": 1}, \"h\": [",
      UPSKILL_ERROR_INVALID_DATA, "“history”: expected a list" },
    { "\"status\": \"done\"", "\"status\": \"finished\"",
      UPSKILL_ERROR_INVALID_DATA, "plan item 1: “status”: “finished” is not one of" },
    { "{\"id\": \"step-2\"", "{\"id\": \"step-1\"",
      UPSKILL_ERROR_INVALID_DATA, "plan item 2: “id”: “step-1” is used by another step" },
    { "\"title\": \"Demo\", ", "",
      UPSKILL_ERROR_INVALID_DATA, "plan item 2: “title” is missing" },
    { "\"hours\": 10", "\"hours\": -3",
      UPSKILL_ERROR_INVALID_DATA, "plan item 2: “hours”: -3 is out of range" },
    { "\"module\": \"python-tutorial\"", "\"module\": 12",
      UPSKILL_ERROR_INVALID_DATA, "plan item 1: “module”: expected text" },
    { "{\"id\": \"note-2\"", "{\"id\": \"note-1\"",
      UPSKILL_ERROR_INVALID_DATA, "notes item 2: “id”: “note-1” is used by another note" },
    { "\"date\": \"2026-03-02\"", "\"date\": \"2026-02-30\"",
      UPSKILL_ERROR_INVALID_DATA, "notes item 1: “date”: “2026-02-30” is not a date and time" },
    { "\"text\": \"Second\"", "\"text\": null",
      UPSKILL_ERROR_INVALID_DATA, "notes item 2: “text” is missing" },
    { "\"notes\": [", "\"notes\": [1, ",
      UPSKILL_ERROR_INVALID_DATA, "“notes” item 1: expected an object" },
    { "\"text\": \"Second\"",
      "\"text\": \"Second\", \"actions\": [{\"id\": \"a1\", \"text\": \"Read\", \"status\": \"maybe\"}]",
      UPSKILL_ERROR_INVALID_DATA, "notes item 2: actions item 1: “status”: “maybe” is not one of open, done, dropped" },
    { "\"text\": \"Second\"",
      "\"text\": \"Second\", \"actions\": [{\"id\": \"a1\", \"text\": \"Read\", \"status\": \"open\"},"
      " {\"id\": \"a1\", \"text\": \"Again\", \"status\": \"done\"}]",
      UPSKILL_ERROR_INVALID_DATA, "notes item 2: actions item 2: “id”: “a1” is used by another action" },
    { "\"version\": 1,", "\"version\": 1,,",
      UPSKILL_ERROR_NOT_JSON, "“bad.json”: 3:15: Parse error" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = replace_once (base_json, cases[i].old, cases[i].replacement);
      g_autoptr(GError) error = load_error (json, "bad.json");

      g_test_message ("case %u: %s", i, error->message);
      g_assert_error (error, UPSKILL_ERROR, (int) cases[i].code);
      assert_message_has (error, "Could not read “bad.json”");
      assert_message_has (error, cases[i].fragment);
    }

  /* 201 characters is one too many. */
  long_name = g_strnfill (201, 'n');
  long_name_member = g_strdup_printf ("\"name\": \"%s\"", long_name);
  {
    g_autofree char *json = replace_once (base_json, "\"name\": \"Dana Okafor\"", long_name_member);
    g_autoptr(GError) error = load_error (json, "bad.json");

    assert_message_has (error, "Could not read “bad.json”: “name”");
  }

  /* Not an object at all. */
  {
    g_autoptr(GError) error = load_error ("[1, 2]", "list.json");

    g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_WRONG_FORMAT);
    assert_message_has (error, "Could not read “list.json”: expected an object at the top level");
  }
}

static void
test_future_version (void)
{
  g_autofree char *json = replace_once (base_json, "\"version\": 1", "\"version\": 2");
  g_autoptr(GError) error = load_error (json, "from-the-future.json");

  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_FUTURE_VERSION);
  assert_message_has (error, "“from-the-future.json”");
  assert_message_has (error, "newer version of Upskill");
}

/* The goal in the person's own words: kept, read back, optional for
 * older files, refused when out of bounds. */
static void
test_goal (void)
{
  g_autoptr(GBytes) old_bytes = g_bytes_new_static (base_json, strlen (base_json));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) cleared_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_goal = NULL;
  g_autofree char *longest_goal = NULL;
  UpskillProfile *profile;
  UpskillProfile *loaded;
  UpskillProfile *copy;
  Counter counter;
  gint64 day = 1814400000; /* 2027-07-01T00:00:00Z */

  /* A file from before goals loads, with none. */
  profile = upskill_profile_new_from_bytes (old_bytes, "old.json", &error);
  g_assert_no_error (error);
  g_assert_null (upskill_profile_get_goal (profile));
  g_assert_cmpint (upskill_profile_get_goal_date (profile), ==, 0);

  /* … and is written without the members while it has none. */
  bytes = upskill_profile_to_bytes (profile);
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "goal"));
  g_clear_pointer (&bytes, g_bytes_unref);

  watch (profile, &counter, "notify::goal");
  upskill_profile_set_goal (profile, "Lead the ML platform team – “my way”");
  g_assert_cmpuint (counter.notifies, ==, 1);
  g_assert_cmpuint (counter.changed, ==, 1);
  upskill_profile_set_goal (profile, "Lead the ML platform team – “my way”");
  g_assert_cmpuint (counter.notifies, ==, 1);
  unwatch (profile, &counter);

  /* A time of day is kept as its day. */
  watch (profile, &counter, "notify::goal-date");
  upskill_profile_set_goal_date (profile, day + 15 * 3600);
  g_assert_cmpint (upskill_profile_get_goal_date (profile), ==, day);
  g_assert_cmpuint (counter.notifies, ==, 1);
  unwatch (profile, &counter);

  /* Longer than one line allows is refused, the goal kept. */
  long_goal = g_strnfill (UPSKILL_PROFILE_LINE_MAX_CHARS + 1, 'g');
  upskill_profile_set_goal (profile, long_goal);
  g_assert_cmpstr (upskill_profile_get_goal (profile), ==, "Lead the ML platform team – “my way”");

  bytes = upskill_profile_to_bytes (profile);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "\"2027-07-01\""));
  loaded = upskill_profile_new_from_bytes (bytes, "goal.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_goal (loaded), ==, "Lead the ML platform team – “my way”");
  g_assert_cmpint (upskill_profile_get_goal_date (loaded), ==, day);

  copy = upskill_profile_copy (loaded);
  g_assert_cmpstr (upskill_profile_get_goal (copy), ==, "Lead the ML platform team – “my way”");
  g_assert_cmpint (upskill_profile_get_goal_date (copy), ==, day);

  /* Clearing both leaves no member behind; restoring notifies. */
  watch (copy, &counter, "notify::goal");
  upskill_profile_set_goal (copy, "");
  upskill_profile_set_goal_date (copy, 0);
  g_assert_null (upskill_profile_get_goal (copy));
  cleared_bytes = upskill_profile_to_bytes (copy);
  g_assert_null (g_strstr_len (g_bytes_get_data (cleared_bytes, NULL), g_bytes_get_size (cleared_bytes), "goal"));
  upskill_profile_restore (copy, loaded);
  g_assert_cmpuint (counter.notifies, ==, 2);
  g_assert_cmpstr (upskill_profile_get_goal (copy), ==, "Lead the ML platform team – “my way”");
  unwatch (copy, &counter);

  g_assert_finalize_object (copy);
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (profile);

  /* Bad goals in a file are refused with a message. */
  {
    static const struct {
      const char *member;
      const char *fragment;
    } cases[] = {
      { "\"goal_date\": \"2027-02-30\",", "“goal_date”: “2027-02-30” is not a date and time" },
      { "\"goal_date\": \"2327-06-30\",", "“goal_date”: “2327-06-30” is not between the years 1900 and 2200" },
      { "\"goal_date\": 2027,", "“goal_date”: expected text" },
      { "\"goal\": 42,", "“goal”: expected text" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *member = g_strdup_printf ("%s\n  \"weekly_hours\": 6", cases[i].member);
        g_autofree char *json = replace_once (base_json, "\"weekly_hours\": 6", member);
        g_autoptr(GError) bad_error = load_error (json, "bad.json");

        g_assert_error (bad_error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA);
        assert_message_has (bad_error, cases[i].fragment);
      }

    longest_goal = g_strdup_printf ("\"goal\": \"%s\",\n  \"weekly_hours\": 6", long_goal);
    {
      g_autofree char *json = replace_once (base_json, "\"weekly_hours\": 6", longest_goal);
      g_autoptr(GError) bad_error = load_error (json, "bad.json");

      assert_message_has (bad_error, "“goal”: longer than the limit of 1000 characters");
    }
  }
}

/* Merging two copies takes the goal from the one changed last, like the
 * name and the roles. */
static void
test_goal_merge (void)
{
  g_autoptr(UpskillProfile) mine = upskill_profile_new ("ana", "Ana");
  g_autoptr(UpskillProfile) theirs = NULL;
  g_autoptr(UpskillProfile) merged = NULL;
  g_autoptr(UpskillProfile) merged_back = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  upskill_profile_set_goal (mine, "Old goal");
  root = upskill_profile_to_json (mine);
  json_object_set_string_member (json_node_get_object (root), "goal", "New goal");
  json_object_set_string_member (json_node_get_object (root), "goal_date", "2027-06-30");
  json_object_set_string_member (json_node_get_object (root), "modified", "2199-01-01T00:00:00Z");
  theirs = upskill_profile_new_from_json (root, "ana.json", &error);
  g_assert_no_error (error);

  merged = upskill_profile_merge (mine, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_goal (merged), ==, "New goal");
  g_assert_cmpint (upskill_profile_get_goal_date (merged), ==, upskill_profile_get_goal_date (theirs));
  g_assert_cmpint (upskill_profile_get_goal_date (merged), !=, 0);

  merged_back = upskill_profile_merge (theirs, mine, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_goal (merged_back), ==, "New goal");
}

/* Tags: tidied and kept in the coach's order, one of each ignoring
 * case, read back; older files have none; bad ones are refused with the
 * item named; past the limits, nothing changes. */
static void
test_tags (void)
{
  g_autoptr(GBytes) old_bytes = g_bytes_new_static (base_json, strlen (base_json));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(UpskillProfile) loaded = NULL;
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *long_tag = NULL;
  const char *typed[] = { "  pilot ", "Team\tA", "PILOT", "", "Évening", NULL };
  const char *kept[] = { "pilot", "Team A", "Évening", NULL };
  const char * const *tags;
  Counter counter;
  static const struct {
    const char *tags;
    const char *fragment;
  } bad[] = {
    { "\"tags\": \"pilot\"", "“tags”" },
    { "\"tags\": [\"pilot\", 3]", "“tags” item 2: expected a string" },
    { "\"tags\": [\"\"]", "“tags” item 1: expected 1 to 50 characters" },
    { "\"tags\": [\" pilot\"]", "“tags” item 1: expected 1 to 50 characters" },
    { "\"tags\": [\"a\\nb\"]", "“tags” item 1" },
    { "\"tags\": [\"pilot\", \"Pilot\"]", "“tags” item 2: “Pilot” is listed twice" },
  };

  profile = upskill_profile_new_from_bytes (old_bytes, "old.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (upskill_profile_get_tags (profile));
  g_assert_null (upskill_profile_get_tags (profile)[0]);
  bytes = upskill_profile_to_bytes (profile);
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"tags\""));
  g_clear_pointer (&bytes, g_bytes_unref);

  watch (profile, &counter, "notify::tags");
  g_assert_true (upskill_profile_set_tags (profile, typed, &error));
  g_assert_no_error (error);
  tags = upskill_profile_get_tags (profile);
  g_assert_true (g_strv_equal (tags, kept));
  g_assert_cmpuint (counter.notifies, ==, 1);
  g_assert_cmpuint (counter.changed, ==, 1);
  /* The same again is no change. */
  g_assert_true (upskill_profile_set_tags (profile, kept, &error));
  g_assert_cmpuint (counter.changed, ==, 1);

  /* Too long a tag, or one too many: refused, the tags kept. */
  long_tag = g_strnfill (UPSKILL_PROFILE_TAG_MAX_CHARS + 1, 't');
  g_assert_false (upskill_profile_set_tags (profile, (const char *[]) { long_tag, NULL }, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE);
  g_clear_error (&error);
  for (guint i = 0; i <= UPSKILL_PROFILE_MAX_TAGS; i++)
    g_ptr_array_add (many, g_strdup_printf ("tag %u", i));
  g_ptr_array_add (many, NULL);
  g_assert_false (upskill_profile_set_tags (profile, (const char * const *) many->pdata, &error));
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_true (g_strv_equal (upskill_profile_get_tags (profile), kept));
  g_assert_cmpuint (counter.changed, ==, 1);
  unwatch (profile, &counter);

  bytes = upskill_profile_to_bytes (profile);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "\"tags\":[\"pilot\",\"Team A\",\"Évening\"]"));
  loaded = upskill_profile_new_from_bytes (bytes, "tags.json", &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (upskill_profile_get_tags (loaded), kept));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *member = g_strdup_printf ("%s, \"name\": \"Dana Okafor\"", bad[i].tags);
      g_autofree char *json = replace_once (base_json, "\"name\": \"Dana Okafor\"", member);
      g_autoptr(GError) bad_error = load_error (json, "bad.json");

      g_test_message ("case %u: %s", i, bad_error->message);
      assert_message_has (bad_error, "Could not read “bad.json”");
      assert_message_has (bad_error, bad[i].fragment);
    }

  {
    g_autoptr(GString) json = g_string_new ("\"tags\": [");
    g_autofree char *replaced = NULL;
    g_autoptr(GError) bad_error = NULL;

    for (guint i = 0; i <= UPSKILL_PROFILE_MAX_TAGS; i++)
      g_string_append_printf (json, "%s\"t%u\"", i > 0 ? ", " : "", i);
    g_string_append (json, "], \"name\": \"Dana Okafor\"");
    replaced = replace_once (base_json, "\"name\": \"Dana Okafor\"", json->str);
    bad_error = load_error (replaced, "bad.json");
    g_assert_error (bad_error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE);
    assert_message_has (bad_error, "“tags” holds 21 items, more than the limit of 20");
  }
}

/* Merging two copies keeps the tags of both, the later's first. */
static void
test_tags_merge (void)
{
  g_autoptr(UpskillProfile) mine = upskill_profile_new ("ana", "Ana");
  g_autoptr(UpskillProfile) theirs = NULL;
  g_autoptr(UpskillProfile) merged = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonArray) their_tags = json_array_new ();
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "remote", "Pilot", "evening", NULL };

  g_assert_true (upskill_profile_set_tags (mine, (const char *[]) { "pilot", "evening", NULL }, &error));
  root = upskill_profile_to_json (mine);
  json_array_add_string_element (their_tags, "remote");
  json_array_add_string_element (their_tags, "Pilot");
  json_object_set_array_member (json_node_get_object (root), "tags", json_array_ref (their_tags));
  json_object_set_string_member (json_node_get_object (root), "modified", "2199-01-01T00:00:00Z");
  theirs = upskill_profile_new_from_json (root, "ana.json", &error);
  g_assert_no_error (error);

  merged = upskill_profile_merge (mine, theirs, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (upskill_profile_get_tags (merged), expected));
}

/* A session's focus: one line, optional, read back, kept by a copy. */
static void
test_note_focus (void)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("ana", "Ana");
  g_autoptr(UpskillProfile) loaded = NULL;
  g_autoptr(UpskillProfile) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = g_strnfill (UPSKILL_PROFILE_LINE_MAX_CHARS + 1, 'f');
  g_autofree char *note_id = NULL;
  UpskillNote *note;

  note = upskill_profile_add_note (profile, 1790000000, "We talked");
  note_id = g_strdup (note->id);
  g_assert_null (note->focus);
  bytes = upskill_profile_to_bytes (profile);
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "focus"));
  g_clear_pointer (&bytes, g_bytes_unref);

  upskill_profile_set_note_focus (profile, note_id, "SQL window functions");
  upskill_profile_set_note_focus (profile, note_id, too_long);
  g_assert_cmpstr (upskill_profile_find_note (profile, note_id)->focus, ==, "SQL window functions");

  bytes = upskill_profile_to_bytes (profile);
  loaded = upskill_profile_new_from_bytes (bytes, "ana.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_find_note (loaded, note_id)->focus, ==, "SQL window functions");
  copy = upskill_profile_copy (loaded);
  g_assert_cmpstr (upskill_profile_find_note (copy, note_id)->focus, ==, "SQL window functions");

  upskill_profile_set_note_focus (copy, note_id, "");
  g_assert_null (upskill_profile_find_note (copy, note_id)->focus);
}

static void
test_history_sorted_on_load (void)
{
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  UpskillProfile *profile;
  UpskillHistoryEntry *entry;
  GPtrArray *history;

  json = replace_once (base_json, "\"time\": \"2026-03-02T09:00:00Z\"",
                       "\"time\": \"2026-05-02T09:00:00Z\"");
  bytes = g_bytes_new (json, strlen (json));
  profile = upskill_profile_new_from_bytes (bytes, "unsorted.json", &error);
  g_assert_no_error (error);

  history = upskill_profile_get_history (profile);
  g_assert_cmpuint (history->len, ==, 2);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpuint (entry->to, ==, 2);
  g_assert_cmpstr (entry->source, ==, "Course");
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpuint (entry->to, ==, 1);

  g_assert_finalize_object (profile);
}

static void
test_size_and_depth_limits (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  UpskillProfile *profile;
  char *big;

  /* One byte over 4 MiB, refused before parsing. */
  big = g_malloc (UPSKILL_JSON_MAX_SIZE + 1);
  memset (big, ' ', UPSKILL_JSON_MAX_SIZE + 1);
  memcpy (big, base_json, strlen (base_json));
  bytes = g_bytes_new_take (big, UPSKILL_JSON_MAX_SIZE + 1);
  profile = upskill_profile_new_from_bytes (bytes, "huge.json", &error);
  g_assert_null (profile);
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“huge.json”"));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Exactly 4 MiB is still read. */
  big = g_malloc (UPSKILL_JSON_MAX_SIZE);
  memset (big, ' ', UPSKILL_JSON_MAX_SIZE);
  memcpy (big, base_json, strlen (base_json));
  bytes = g_bytes_new_take (big, UPSKILL_JSON_MAX_SIZE);
  profile = upskill_profile_new_from_bytes (bytes, "big.json", &error);
  g_assert_no_error (error);
  g_assert_finalize_object (profile);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* The top-level object is level 1: 63 more levels are fine, 64 are not. */
  for (guint depth = 63; depth <= 64; depth++)
    {
      g_autofree char *json = NULL;
      g_autofree char *member = NULL;
      g_autofree char *opening = g_strnfill (depth, '[');
      g_autofree char *closing = g_strnfill (depth, ']');

      member = g_strdup_printf ("\"extra\": %s%s,\n  \"version\": 1", opening, closing);
      json = replace_once (base_json, "\"version\": 1", member);
      bytes = g_bytes_new (json, strlen (json));
      profile = upskill_profile_new_from_bytes (bytes, "deep.json", &error);
      g_clear_pointer (&bytes, g_bytes_unref);

      if (depth == 63)
        {
          g_assert_no_error (error);
          g_assert_finalize_object (profile);
        }
      else
        {
          g_assert_null (profile);
          g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_DEEP);
          g_assert_nonnull (strstr (error->message, "“deep.json”"));
          g_assert_nonnull (strstr (error->message, "nested deeper than 64 levels"));
          g_clear_error (&error);
        }
    }
}

/* Hand-made bad files, as a user might have them. */
static void
test_bad_profile_files (void)
{
  static const struct {
    const char *file_name;
    const char *fragment;
  } files[] = {
    { "future-version.json", "newer version of Upskill" },
    { "level-out-of-range.json", "skills.python-core: “level”: 9 is out of range" },
    { "duplicate-step.json", "plan item 2: “id”: “step-1” is used by another step" },
    { "history-bad-to.json", "history item 3: “to”: expected a whole number" },
    { "truncated.json", "Could not read “truncated.json”:" },
    { "not-utf8.json", "not valid UTF-8" },
    { "catalog-not-profile.json", "not an Upskill file of the expected kind" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "bad-profiles", files[i].file_name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *named = g_strdup_printf ("Could not read “%s”", files[i].file_name);

      root = upskill_json_parse_file (file, NULL, &error);
      if (root != NULL)
        g_assert_null (upskill_profile_new_from_json (root, files[i].file_name, &error));

      g_assert_nonnull (error);
      g_test_message ("%s: %s", files[i].file_name, error->message);
      assert_message_has (error, named);
      assert_message_has (error, files[i].fragment);
    }
}

/* A coach confirms a rating after seeing the evidence: kept in the file,
 * the copy and undo's restore, and gone once the level changes, since
 * it was the old level that was confirmed. */
static void
test_confirmed (void)
{
  g_autoptr(GBytes) base_bytes = g_bytes_new_static (base_json, strlen (base_json));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(UpskillProfile) loaded = NULL;
  g_autoptr(UpskillProfile) copy = NULL;
  gint64 noon = 1796299200; /* 2026-12-03T12:00:00Z */
  Counter counter;

  profile = upskill_profile_new_from_bytes (base_bytes, "dana.json", &error);
  g_assert_no_error (error);

  /* A file from before confirmations: evidenced and self-rated. */
  g_assert_cmpint (upskill_profile_get_confirmed (profile, "python-core"), ==, 0);
  g_assert_cmpint (upskill_profile_get_rating_basis (profile, "python-core"), ==, UPSKILL_RATING_EVIDENCED);
  g_assert_cmpint (upskill_profile_get_rating_basis (profile, "sql"), ==, UPSKILL_RATING_SELF_RATED);
  g_assert_cmpint (upskill_profile_get_rating_basis (profile, "pytorch"), ==, UPSKILL_RATING_SELF_RATED);

  watch (profile, &counter, NULL);
  upskill_profile_set_confirmed (profile, "python-core", noon);
  upskill_profile_set_confirmed (profile, "python-core", noon);
  g_assert_cmpuint (counter.changed, ==, 1);
  unwatch (profile, &counter);
  g_assert_cmpint (upskill_profile_get_rating_basis (profile, "python-core"), ==, UPSKILL_RATING_CONFIRMED);

  /* Written, read back, copied. */
  bytes = upskill_profile_to_bytes (profile);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "\"2026-12-03T12:00:00Z\""));
  loaded = upskill_profile_new_from_bytes (bytes, "dana.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (upskill_profile_get_confirmed (loaded, "python-core"), ==, noon);
  g_assert_cmpint (upskill_profile_get_confirmed (loaded, "sql"), ==, 0);
  copy = upskill_profile_copy (loaded);
  g_assert_cmpint (upskill_profile_get_rating_basis (copy, "python-core"), ==, UPSKILL_RATING_CONFIRMED);

  /* A new level was never confirmed, and going back does not bring the
   * confirmation back. */
  g_assert_true (upskill_profile_set_level (copy, "python-core", 3, NULL, noon + 3600));
  g_assert_cmpint (upskill_profile_get_confirmed (copy, "python-core"), ==, 0);
  g_assert_cmpint (upskill_profile_get_rating_basis (copy, "python-core"), ==, UPSKILL_RATING_EVIDENCED);
  upskill_profile_set_level (copy, "python-core", 2, NULL, noon + 7200);
  g_assert_cmpint (upskill_profile_get_confirmed (copy, "python-core"), ==, 0);
  /* A level set to what it is changes nothing. */
  upskill_profile_set_confirmed (copy, "python-core", noon);
  g_assert_false (upskill_profile_set_level (copy, "python-core", 2, NULL, noon + 9000));
  g_assert_cmpint (upskill_profile_get_confirmed (copy, "python-core"), ==, noon);

  /* Undo restores it. */
  upskill_profile_set_level (copy, "python-core", 4, NULL, noon + 10000);
  upskill_profile_restore (copy, loaded);
  g_assert_cmpint (upskill_profile_get_confirmed (copy, "python-core"), ==, noon);
  upskill_profile_set_confirmed (copy, "python-core", 0);
  g_assert_cmpint (upskill_profile_get_rating_basis (copy, "python-core"), ==, UPSKILL_RATING_EVIDENCED);

  /* Bad confirmations in a file are refused with a message; a bare day
   * is read as midnight UTC. */
  {
    static const struct {
      const char *skill;
      const char *fragment;
    } cases[] = {
      { "\"sql\": {\"level\": 3, \"confirmed\": \"2026-02-30\"}", "skills.sql: “confirmed”: “2026-02-30” is not a date and time" },
      { "\"sql\": {\"level\": 3, \"confirmed\": 20261203}", "skills.sql: “confirmed”: expected text" },
      { "\"sql\": {\"level\": 0, \"confirmed\": \"2026-12-03\"}", "skills.sql: “confirmed”: only a rated skill (level 1 or more) can be confirmed" },
    };
    g_autofree char *json = replace_once (base_json, "\"sql\": {\"level\": 3}",
                                          "\"sql\": {\"level\": 3, \"confirmed\": \"2026-12-03\"}");
    g_autoptr(GBytes) day_bytes = g_bytes_new (json, strlen (json));
    g_autoptr(UpskillProfile) day = upskill_profile_new_from_bytes (day_bytes, "day.json", &error);

    g_assert_no_error (error);
    g_assert_cmpint (upskill_profile_get_confirmed (day, "sql"), ==, 1796256000);

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *bad_json = replace_once (base_json, "\"sql\": {\"level\": 3}", cases[i].skill);
        g_autoptr(GError) bad_error = load_error (bad_json, "bad.json");

        g_assert_error (bad_error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA);
        assert_message_has (bad_error, cases[i].fragment);
      }
  }
}

/* Merging keeps a confirmation given on either side, unless the level it
 * confirmed changed since. */
static void
test_confirmed_merge (void)
{
  g_autoptr(UpskillProfile) mine = upskill_profile_new ("ana", "Ana");
  g_autoptr(UpskillProfile) theirs = NULL;
  g_autoptr(UpskillProfile) merged = NULL;
  g_autoptr(UpskillProfile) merged_back = NULL;
  g_autoptr(UpskillProfile) changed = NULL;
  g_autoptr(UpskillProfile) merged_changed = NULL;
  g_autoptr(GError) error = NULL;

  upskill_profile_set_level (mine, "sql", 3, NULL, T0);
  upskill_profile_set_level (mine, "pytorch", 2, NULL, T0 + 60);
  upskill_profile_add_evidence (mine, "sql", "Warehouse migration", NULL);
  theirs = upskill_profile_copy (mine);

  /* Confirmed on the other device, nothing changed here. */
  upskill_profile_set_confirmed (theirs, "sql", T0 + 10 * DAY);
  merged = upskill_profile_merge (mine, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upskill_profile_get_confirmed (merged, "sql"), ==, T0 + 10 * DAY);
  merged_back = upskill_profile_merge (theirs, mine, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upskill_profile_get_confirmed (merged_back, "sql"), ==, T0 + 10 * DAY);

  /* Both confirmed: the later stays. */
  upskill_profile_set_confirmed (mine, "sql", T0 + 5 * DAY);
  g_clear_object (&merged);
  merged = upskill_profile_merge (mine, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upskill_profile_get_confirmed (merged, "sql"), ==, T0 + 10 * DAY);

  /* The level changed here after the confirmation there: the new level
   * was never confirmed. */
  changed = upskill_profile_copy (mine);
  upskill_profile_set_level (changed, "sql", 4, NULL, T0 + 20 * DAY);
  merged_changed = upskill_profile_merge (changed, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upskill_profile_get_level (merged_changed, "sql"), ==, 4);
  g_assert_cmpint (upskill_profile_get_confirmed (merged_changed, "sql"), ==, 0);
  g_clear_object (&merged_changed);
  merged_changed = upskill_profile_merge (theirs, changed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upskill_profile_get_confirmed (merged_changed, "sql"), ==, 0);

  /* Changed there and back to the same level after this confirmation:
   * the confirmation was of an older state. */
  g_clear_object (&changed);
  g_clear_object (&merged_changed);
  changed = upskill_profile_copy (mine);
  upskill_profile_set_confirmed (changed, "sql", 0);
  upskill_profile_set_level (changed, "sql", 4, NULL, T0 + 20 * DAY);
  upskill_profile_set_level (changed, "sql", 3, "Review", T0 + 21 * DAY);
  merged_changed = upskill_profile_merge (theirs, changed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upskill_profile_get_level (merged_changed, "sql"), ==, 3);
  g_assert_cmpint (upskill_profile_get_confirmed (merged_changed, "sql"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upskill/profile/new", test_new);
  g_test_add_func ("/upskill/profile/id-is-valid", test_id_is_valid);
  g_test_add_func ("/upskill/profile/round-trip", test_round_trip);
  g_test_add_func ("/upskill/profile/samples-round-trip", test_samples_round_trip);
  g_test_add_func ("/upskill/profile/set-level-records-history", test_set_level_records_history);
  g_test_add_func ("/upskill/profile/set-level-unchanged", test_set_level_unchanged);
  g_test_add_func ("/upskill/profile/properties-notify", test_properties_notify);
  g_test_add_func ("/upskill/profile/every-change-emits", test_every_change_emits);
  g_test_add_func ("/upskill/profile/new-ids", test_new_ids);
  g_test_add_func ("/upskill/profile/restore", test_restore);
  g_test_add_func ("/upskill/profile/copy-is-deep", test_copy_is_deep);
  g_test_add_func ("/upskill/profile/base-is-valid", test_base_is_valid);
  g_test_add_func ("/upskill/profile/bad-data", test_bad_data);
  g_test_add_func ("/upskill/profile/future-version", test_future_version);
  g_test_add_func ("/upskill/profile/goal", test_goal);
  g_test_add_func ("/upskill/profile/goal-merge", test_goal_merge);
  g_test_add_func ("/upskill/profile/tags", test_tags);
  g_test_add_func ("/upskill/profile/tags-merge", test_tags_merge);
  g_test_add_func ("/upskill/profile/note-focus", test_note_focus);
  g_test_add_func ("/upskill/profile/history-sorted-on-load", test_history_sorted_on_load);
  g_test_add_func ("/upskill/profile/size-and-depth-limits", test_size_and_depth_limits);
  g_test_add_func ("/upskill/profile/bad-profile-files", test_bad_profile_files);

  g_test_add_func ("/upskill/profile/confirmed", test_confirmed);
  g_test_add_func ("/upskill/profile/confirmed-merge", test_confirmed_merge);

  return g_test_run ();
}
