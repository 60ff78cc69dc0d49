/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "upskill-catalog.h"
#include "upskill-note-dialog.h"
#include "upskill-profile.h"
#include "upskill-progress.h"
#include "upskill-progress-page.h"
#include "upskill-readiness.h"
#include "upskill-readiness-chart.h"
#include "upskill-test-ui.h"
#include "upskill-timeline-item.h"

#define EPSILON 1e-9

/* Role "ml-eng" targets py-core 4, py-data 3, ml-torch 4, ml-eval 2,
 * sec-llm 2: 15 levels; area py 7, ml 6, sec 2. */
static const char catalog_json[] =
  UPSKILL_TEST_SMALL_CATALOG_START (",{\"id\": \"py-test\", \"name\": \"Testing\", \"description\": \"d\"}")
  "],"
  " \"modules\": ["
  "  {\"id\": \"m-eval\", \"title\": \"Eval course\", \"provider\": \"p\", \"kind\": \"course\","
  "   \"hours\": 10, \"skill\": \"ml-eval\", \"from\": 0, \"to\": 2, \"url\": \"https://example.com\"}]}";

/* Created 1 January 2020; a self-assessment on 10 January; a session on
 * 1 February; a course finished on 5 March raising two skills at once. */
static const char profile_json[] =
  "{\"format\": \"upskill-profile\", \"version\": 1, \"id\": \"sam\", \"name\": \"Sam\","
  " \"kind\": \"client\", \"current_role\": \"Analyst\", \"target_role\": \"ml-eng\","
  " \"weekly_hours\": 5, \"created\": \"2020-01-01T09:00:00Z\", \"modified\": \"2020-03-05T10:00:00Z\","
  " \"skills\": {"
  "  \"py-core\": {\"level\": 2, \"evidence\": []},"
  "  \"py-data\": {\"level\": 1, \"evidence\": []},"
  "  \"ml-eval\": {\"level\": 2, \"evidence\": []}},"
  " \"history\": ["
  "  {\"time\": \"2020-01-10T10:00:00Z\", \"skill\": \"py-core\", \"from\": 0, \"to\": 2, \"source\": \"Self-assessment\"},"
  "  {\"time\": \"2020-03-05T10:00:00Z\", \"skill\": \"ml-eval\", \"from\": 0, \"to\": 2, \"source\": \"Completed: Eval course\"},"
  "  {\"time\": \"2020-03-05T10:00:00Z\", \"skill\": \"py-data\", \"from\": 0, \"to\": 1, \"source\": \"Completed: Eval course\"}],"
  " \"plan\": [{\"id\": \"step-1\", \"module\": \"m-eval\", \"status\": \"done\"}],"
  " \"notes\": [{\"id\": \"note-1\", \"date\": \"2020-02-01\", \"text\": \"First session.\"}]}";

typedef struct
{
  GtkWindow           *window;
  UpskillProgressPage *page;
  UpskillProfile      *profile;
  UpskillCatalog      *catalog;
} Fixture;

static gint64
utc (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (date_time);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *sample = user_data;

  if (g_strcmp0 (sample, "small") == 0)
    {
      fixture->catalog = upskill_test_catalog_new_from_json (catalog_json);
      fixture->profile = upskill_test_profile_new_from_json (profile_json, "sam.json");
    }
  else
    {
      fixture->catalog = g_object_ref (upskill_catalog_get_default ());
      fixture->profile = sample != NULL ? upskill_test_load_sample (sample) : NULL;
    }

  fixture->page = g_object_new (UPSKILL_TYPE_PROGRESS_PAGE,
                                "catalog", fixture->catalog,
                                "profile", fixture->profile,
                                NULL);
  fixture->window = upskill_test_show_page (GTK_WIDGET (fixture->page), 900, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  upskill_test_close_window (fixture->window);
  g_clear_object (&fixture->profile);
  g_clear_object (&fixture->catalog);
}

static gpointer
get_child (Fixture    *fixture,
           const char *name)
{
  return upskill_test_template_child (GTK_WIDGET (fixture->page), UPSKILL_TYPE_PROGRESS_PAGE, name);
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  upskill_test_activate (GTK_WIDGET (fixture->page), action, parameter);
}

/* The timeline's rows, as the text they show. */
static GPtrArray *
get_timeline_rows (Fixture *fixture)
{
  GtkListBox *list = get_child (fixture, "timeline_list");
  GPtrArray *rows = g_ptr_array_new ();

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    g_ptr_array_add (rows, gtk_list_box_get_row_at_index (list, i));

  return rows;
}

static const char *
row_title (GtkListBoxRow *row)
{
  if (ADW_IS_PREFERENCES_ROW (row))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  /* A note row: icon, then a grid of heading, buttons and note. */
  {
    GtkWidget *box = gtk_list_box_row_get_child (row);
    GtkWidget *grid = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));

    return gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 0)));
  }
}

static const char *
note_row_text (GtkListBoxRow *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (row);
  GtkWidget *grid = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  GtkWidget *text = gtk_grid_get_child_at (GTK_GRID (grid), 0, 1);

  /* Below the session's focus, if it has one. */
  if (gtk_widget_has_css_class (text, "upskill-note-focus"))
    text = gtk_grid_get_child_at (GTK_GRID (grid), 0, 2);

  return gtk_label_get_text (GTK_LABEL (text));
}

/* The session's focus above the note's text, or NULL. */
static const char *
note_row_focus (GtkListBoxRow *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (row);
  GtkWidget *grid = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  GtkWidget *focus = gtk_grid_get_child_at (GTK_GRID (grid), 0, 1);

  return gtk_widget_has_css_class (focus, "upskill-note-focus") ? gtk_label_get_text (GTK_LABEL (focus)) : NULL;
}

/* Core: the numbers behind the chart and the sentences. */

static void
test_readiness_series (void)
{
  g_autoptr(UpskillCatalog) catalog = upskill_test_catalog_new_from_json (catalog_json);
  g_autoptr(UpskillProfile) profile = upskill_test_profile_new_from_json (profile_json, "sam.json");
  g_autoptr(GPtrArray) series = upskill_compute_readiness_series (profile, catalog);
  g_autofree char *summary = NULL;
  const UpskillReadinessPoint *point;

  /* Creation, the self-assessment, and the two changes of 5 March as one. */
  g_assert_cmpuint (series->len, ==, 3);

  point = g_ptr_array_index (series, 0);
  g_assert_cmpint (point->time, ==, utc (2020, 1, 1, 9));
  g_assert_cmpfloat_with_epsilon (point->overall, 0.0, EPSILON);

  point = g_ptr_array_index (series, 1);
  g_assert_cmpint (point->time, ==, utc (2020, 1, 10, 10));
  g_assert_cmpfloat_with_epsilon (point->overall, 100.0 * 2 / 15, EPSILON);
  g_assert_cmpfloat_with_epsilon (point->areas[0], 100.0 * 2 / 7, EPSILON);
  g_assert_cmpfloat_with_epsilon (point->areas[1], 0.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (point->areas[2], 0.0, EPSILON);

  point = g_ptr_array_index (series, 2);
  g_assert_cmpint (point->time, ==, utc (2020, 3, 5, 10));
  g_assert_cmpfloat_with_epsilon (point->overall, 100.0 * 5 / 15, EPSILON);
  g_assert_cmpfloat_with_epsilon (point->areas[0], 100.0 * 3 / 7, EPSILON);
  g_assert_cmpfloat_with_epsilon (point->areas[1], 100.0 * 2 / 6, EPSILON);
  g_assert_cmpfloat_with_epsilon (point->areas[2], 0.0, EPSILON);

  summary = upskill_progress_describe_readiness (series, utc (2026, 11, 26, 12));
  g_assert_cmpstr (summary, ==, "Readiness rose from 0% in January 2020 to 33% in March 2020.");

  /* Rated an hour after creation: the sentence starts from that rating,
   * not from the empty profile (1 of 15, then 6 of 15). */
  upskill_profile_set_level (profile, "sec-llm", 1, "Self-assessment", utc (2020, 1, 1, 10));
  g_clear_pointer (&series, g_ptr_array_unref);
  g_clear_pointer (&summary, g_free);
  series = upskill_compute_readiness_series (profile, catalog);
  g_assert_cmpuint (series->len, ==, 4);
  summary = upskill_progress_describe_readiness (series, utc (2026, 11, 26, 12));
  g_assert_cmpstr (summary, ==, "Readiness rose from 7% in January 2020 to 40% in March 2020.");
}

static void
test_since_last_session_sentence (void)
{
  g_autoptr(UpskillCatalog) catalog = upskill_test_catalog_new_from_json (catalog_json);
  g_autoptr(UpskillProfile) profile = upskill_test_profile_new_from_json (profile_json, "sam.json");
  g_autoptr(UpskillProfile) no_notes = upskill_profile_new ("none", "None");
  g_autofree char *sentence = NULL;
  g_autofree char *later = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *none = NULL;
  gint64 now = utc (2020, 3, 10, 12);

  sentence = upskill_progress_describe_since_last_session (profile, catalog, now);
  g_assert_cmpstr (sentence, ==,
                   "Since the session on 1 February, Sam raised Evaluation from Not yet to "
                   "Advanced beginner and Data from Not yet to Novice, and completed 1 step.");

  /* A level lowered after it, and a change the same day: both counted. */
  upskill_profile_set_level (profile, "py-core", 1, "Re-assessed with the coach", utc (2020, 3, 6, 9));
  upskill_profile_set_level (profile, "sec-llm", 1, "Completed: OWASP", utc (2020, 3, 7, 9));
  upskill_profile_set_level (profile, "sec-llm", 2, "Completed: Lab", utc (2020, 3, 8, 9));
  later = upskill_progress_describe_since_last_session (profile, catalog, now);
  g_assert_cmpstr (later, ==,
                   "Since the session on 1 February, Sam raised Evaluation from Not yet to "
                   "Advanced beginner, Data from Not yet to Novice and LLM threats from Not yet "
                   "to Advanced beginner, lowered Core from Advanced beginner to Novice, and "
                   "completed 3 steps.");

  /* A new session: nothing since; what happened on its day belongs to it. */
  upskill_profile_add_note (profile, utc (2020, 3, 8, 0), "Second session.");
  nothing = upskill_progress_describe_since_last_session (profile, catalog, now);
  g_assert_cmpstr (nothing, ==,
                   "Since the session on 8 March, no skill level has changed and no step was completed.");

  /* A session in the future is not the last one yet. */
  upskill_profile_add_note (profile, utc (2020, 4, 1, 0), "Planned session.");
  g_free (nothing);
  nothing = upskill_progress_describe_since_last_session (profile, catalog, now);
  g_assert_nonnull (strstr (nothing, "8 March"));

  none = upskill_progress_describe_since_last_session (no_notes, catalog, now);
  g_assert_null (none);
}

static void
test_timeline_order (void)
{
  g_autoptr(UpskillProfile) profile = upskill_test_profile_new_from_json (profile_json, "sam.json");
  g_autoptr(GPtrArray) timeline = upskill_progress_get_timeline (profile);
  const UpskillTimelineEvent *event;

  g_assert_cmpuint (timeline->len, ==, 4);
  /* Newest first; the two changes of 5 March in the order they were made,
   * reversed. */
  event = g_ptr_array_index (timeline, 0);
  g_assert_cmpint (event->kind, ==, UPSKILL_TIMELINE_CHANGE);
  g_assert_cmpstr (event->change->skill_id, ==, "py-data");
  event = g_ptr_array_index (timeline, 1);
  g_assert_cmpstr (event->change->skill_id, ==, "ml-eval");
  event = g_ptr_array_index (timeline, 2);
  g_assert_cmpint (event->kind, ==, UPSKILL_TIMELINE_NOTE);
  g_assert_cmpstr (event->note->text, ==, "First session.");
  event = g_ptr_array_index (timeline, 3);
  g_assert_cmpstr (event->change->skill_id, ==, "py-core");
}

/* The page */

static void
test_page_small_profile (Fixture       *fixture,
                         gconstpointer  user_data)
{
  UpskillReadinessChart *chart = get_child (fixture, "chart");
  g_autoptr(GPtrArray) rows = get_timeline_rows (fixture);
  g_autofree char *since = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (fixture, "stack")), ==, "progress");
  g_assert_cmpstr (gtk_label_get_text (get_child (fixture, "readiness_label")), ==,
                   "Readiness rose from 0% in January 2020 to 33% in March 2020.");
  /* The chart's text alternative says the same. */
  g_assert_cmpstr (upskill_readiness_chart_get_summary (chart), ==,
                   "Readiness rose from 0% in January 2020 to 33% in March 2020.");

  since = upskill_progress_describe_since_last_session (fixture->profile, fixture->catalog,
                                                        g_get_real_time () / G_USEC_PER_SEC);
  g_assert_cmpstr (gtk_label_get_text (get_child (fixture, "since_label")), ==, since);
  g_assert_nonnull (strstr (since, "Sam raised Evaluation from Not yet to Advanced beginner"));

  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 0)), ==, "Data: Not yet → Novice");
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 1)), ==, "Evaluation: Not yet → Advanced beginner");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)), ==,
                   "5 March 2020 · Completed: Eval course");
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 2)), ==, "Session on 1 February 2020");
  g_assert_cmpstr (note_row_text (g_ptr_array_index (rows, 2)), ==, "First session.");
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 3)), ==, "Core: Not yet → Advanced beginner");

  /* Areas on demand. */
  g_assert_cmpuint (upskill_readiness_chart_get_n_lines (chart), ==, 1);
  activate (fixture, "progress.show-area", g_variant_new ("(ub)", 1, TRUE));
  g_assert_true (upskill_readiness_chart_get_area_visible (chart, 1));
  g_assert_cmpuint (upskill_readiness_chart_get_n_lines (chart), ==, 2);
  activate (fixture, "progress.show-area", g_variant_new ("(ub)", 1, FALSE));
  g_assert_cmpuint (upskill_readiness_chart_get_n_lines (chart), ==, 1);
}

static void
test_page_since_sentence (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = NULL;

  expected = g_strdup_printf ("Since the session on %s, 李伟 (Li Wei) raised Data pipelines from "
                              "Advanced beginner to Competent and Stream processing from Not yet "
                              "to Novice, and completed 2 steps.",
                              g_date_time_get_year (now) == 2026 ? "8 October" : "8 October 2026");
  g_assert_cmpstr (gtk_label_get_text (get_child (fixture, "since_label")), ==, expected);
}

static void
test_page_notes (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GPtrArray *notes = upskill_profile_get_notes (fixture->profile);
  g_autoptr(GPtrArray) rows = NULL;
  UpskillNoteDialog *dialog;
  GtkEditable *date_entry;
  UpskillNote *note;
  g_autofree char *note_id = NULL;
  g_autofree char *text = NULL;
  guint n_notes = notes->len;
  guint n_rows;

  rows = get_timeline_rows (fixture);
  n_rows = rows->len;
  g_assert_cmpuint (n_rows, ==, upskill_profile_get_history (fixture->profile)->len + n_notes);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Add: a day that does not exist cannot be saved. */
  activate (fixture, "progress.add-note", NULL);
  dialog = UPSKILL_NOTE_DIALOG (upskill_test_find_window (UPSKILL_TYPE_NOTE_DIALOG));
  g_assert_nonnull (dialog);
  date_entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                            UPSKILL_TYPE_NOTE_DIALOG, "date_entry"));
  upskill_note_dialog_set_text (dialog, "Talked about the internal application.\nShe applies in December.");
  gtk_editable_set_text (date_entry, "2026-02-30");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  /* A day still to come is refused, and the dialog says why. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
    g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%Y-%m-%d");
    GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (dialog), UPSKILL_TYPE_NOTE_DIALOG,
                                                                        "date_error_revealer"));
    GtkLabel *reason = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog), UPSKILL_TYPE_NOTE_DIALOG,
                                                                 "date_error_label"));

    gtk_editable_set_text (date_entry, tomorrow_text);
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
    g_assert_true (gtk_revealer_get_reveal_child (revealer));
    g_assert_nonnull (strstr (gtk_label_get_text (reason), "has not come yet"));
  }
  gtk_editable_set_text (date_entry, "2026-11-20");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "save");

  g_assert_cmpuint (notes->len, ==, n_notes + 1);
  note = g_ptr_array_index (notes, notes->len - 1);
  g_assert_cmpint (note->date, ==, utc (2026, 11, 20, 0));
  g_assert_cmpstr (note->text, ==, "Talked about the internal application.\nShe applies in December.");
  note_id = g_strdup (note->id);

  rows = get_timeline_rows (fixture);
  g_assert_cmpuint (rows->len, ==, n_rows + 1);
  /* The newest thing on the timeline. */
  g_assert_cmpstr (note_row_text (g_ptr_array_index (rows, 0)), ==, note->text);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_nonnull (strstr (gtk_label_get_text (get_child (fixture, "since_label")),
                            "no skill level has changed"));

  /* Edit: the dialog starts from the note; the date moves it. */
  activate (fixture, "progress.edit-note", g_variant_new_string (note_id));
  dialog = UPSKILL_NOTE_DIALOG (upskill_test_find_window (UPSKILL_TYPE_NOTE_DIALOG));
  g_assert_nonnull (dialog);
  text = upskill_note_dialog_dup_text (dialog);
  g_assert_cmpstr (text, ==, "Talked about the internal application.\nShe applies in December.");
  g_assert_cmpint (upskill_note_dialog_get_date (dialog), ==, utc (2026, 11, 20, 0));
  upskill_note_dialog_set_text (dialog, "Internal application sent.");
  upskill_note_dialog_set_focus (dialog, "  The internal application ");
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                      UPSKILL_TYPE_NOTE_DIALOG,
                                                                      "date_entry")),
                         "2026-11-09");
  upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "save");

  g_assert_cmpuint (notes->len, ==, n_notes + 1);
  note = NULL;
  for (guint i = 0; i < notes->len; i++)
    if (g_str_equal (((UpskillNote *) g_ptr_array_index (notes, i))->id, note_id))
      note = g_ptr_array_index (notes, i);
  g_assert_nonnull (note);
  g_assert_cmpstr (note->text, ==, "Internal application sent.");
  g_assert_cmpstr (note->focus, ==, "The internal application");
  g_assert_cmpint (note->date, ==, utc (2026, 11, 9, 0));

  /* Before the change of 10 November now. */
  rows = get_timeline_rows (fixture);
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 0)), ==, "Stream processing: Not yet → Novice");
  g_assert_cmpstr (note_row_text (g_ptr_array_index (rows, 1)), ==, "Internal application sent.");
  g_assert_cmpstr (note_row_focus (g_ptr_array_index (rows, 1)), ==, "Focus: The internal application");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The dialog starts from the focus too. */
  activate (fixture, "progress.edit-note", g_variant_new_string (note_id));
  dialog = UPSKILL_NOTE_DIALOG (upskill_test_find_window (UPSKILL_TYPE_NOTE_DIALOG));
  {
    g_autofree char *focus = upskill_note_dialog_dup_focus (dialog);

    g_assert_cmpstr (focus, ==, "The internal application");
  }
  upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_nonnull (strstr (gtk_label_get_text (get_child (fixture, "since_label")),
                            "raised Stream processing from Not yet to Novice, and completed 1 step."));

  /* Delete. */
  activate (fixture, "progress.delete-note", g_variant_new_string (note_id));
  g_assert_cmpuint (notes->len, ==, n_notes);
  rows = get_timeline_rows (fixture);
  g_assert_cmpuint (rows->len, ==, n_rows);
  for (guint i = 0; i < notes->len; i++)
    g_assert_cmpstr (((UpskillNote *) g_ptr_array_index (notes, i))->id, !=, note_id);
}

/* A session's agreed actions come back at the top of the next one,
 * where the coach marks each done, dropped or carried over. */
static void
test_page_session_actions (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GPtrArray *notes = upskill_profile_get_notes (fixture->profile);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 14);
  g_autofree char *yesterday_text = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autofree char *later_text = g_date_time_format (later, "%Y-%m-%d");
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  UpskillNoteDialog *dialog;
  GtkWidget *row;
  GtkListBox *previous_list;
  UpskillNote *note;
  guint n_notes = notes->len;
  const char *dir = g_getenv ("UPSKILL_SCREENSHOT_DIR");

  /* The first session: two actions, a next session, shared. */
  activate (fixture, "progress.add-note", NULL);
  dialog = UPSKILL_NOTE_DIALOG (upskill_test_find_window (UPSKILL_TYPE_NOTE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), UPSKILL_TYPE_NOTE_DIALOG,
                                                                         "previous_box"))));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), UPSKILL_TYPE_NOTE_DIALOG,
                                                                      "date_entry")),
                         yesterday_text);
  upskill_note_dialog_set_text (dialog, "Planned the data pipeline project.");
  row = upskill_note_dialog_add_action (dialog, NULL);
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), "text-entry")), "Draft the pipeline design");
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), "due-entry")), "2026-02-30");
  /* A due date that is not a day cannot be saved. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), "due-entry")), later_text);
  row = upskill_note_dialog_add_action (dialog, NULL);
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), "text-entry")), "Book the <b>AWS</b> exam");
  upskill_note_dialog_add_action (dialog, NULL);   /* left empty: no action */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), UPSKILL_TYPE_NOTE_DIALOG,
                                                                      "next_entry")),
                         later_text);
  upskill_note_dialog_set_private (dialog, FALSE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  upskill_test_keep_png (GTK_WIDGET (dialog), "upskill-note-dialog-actions.png");
  upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "save");

  g_assert_cmpuint (notes->len, ==, n_notes + 1);
  note = g_ptr_array_index (notes, notes->len - 1);
  first_id = g_strdup (note->id);
  g_assert_false (note->private);
  g_assert_cmpint (note->next_session, ==, utc (g_date_time_get_year (later), g_date_time_get_month (later),
                                                g_date_time_get_day_of_month (later), 0));
  g_assert_cmpuint (note->actions->len, ==, 2);
  g_assert_cmpstr (((UpskillAction *) g_ptr_array_index (note->actions, 0))->text, ==, "Draft the pipeline design");
  g_assert_cmpint (((UpskillAction *) g_ptr_array_index (note->actions, 0))->due, ==, note->next_session);

  /* The timeline shows them, as plain text. */
  rows = get_timeline_rows (fixture);
  {
    GtkWidget *box = gtk_list_box_row_get_child (g_ptr_array_index (rows, 0));
    GtkWidget *grid = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
    GtkLabel *second = GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 3));

    g_assert_nonnull (strstr (gtk_label_get_text (second), "Book the <b>AWS</b> exam"));
    g_assert_nonnull (strstr (gtk_label_get_text (second), "Open"));
    g_assert_false (gtk_label_get_use_markup (second));
  }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The next session starts with what was agreed last time. */
  activate (fixture, "progress.add-note", NULL);
  dialog = UPSKILL_NOTE_DIALOG (upskill_test_find_window (UPSKILL_TYPE_NOTE_DIALOG));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), UPSKILL_TYPE_NOTE_DIALOG,
                                                                        "previous_box"))));
  previous_list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (dialog), UPSKILL_TYPE_NOTE_DIALOG,
                                                               "previous_list"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (previous_list, 0))),
                   ==, "Draft the pipeline design");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (previous_list, 1))));
  g_assert_cmpuint (upskill_note_dialog_get_n_previous (dialog), ==, 2);
  upskill_note_dialog_set_previous_choice (dialog, 0, UPSKILL_PREVIOUS_DONE);
  upskill_note_dialog_set_text (dialog, "Reviewed the design.");
  upskill_test_keep_png (GTK_WIDGET (dialog), "upskill-note-dialog-last-time.png");
  upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "save");

  g_assert_cmpuint (notes->len, ==, n_notes + 2);
  note = g_ptr_array_index (notes, notes->len - 1);
  second_id = g_strdup (note->id);
  g_assert_cmpstr (second_id, !=, first_id);
  /* The exam was carried over; the design is done, where it was agreed. */
  g_assert_cmpuint (note->actions->len, ==, 1);
  g_assert_cmpstr (((UpskillAction *) g_ptr_array_index (note->actions, 0))->text, ==, "Book the <b>AWS</b> exam");

  /* The first session's row shows the design done now. */
  rows = get_timeline_rows (fixture);
  {
    GtkWidget *box = gtk_list_box_row_get_child (g_ptr_array_index (rows, 1));
    GtkWidget *grid = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
    GtkLabel *design = GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 2));

    g_assert_nonnull (strstr (gtk_label_get_text (design), "Draft the pipeline design"));
    g_assert_nonnull (strstr (gtk_label_get_text (design), "Done"));
  }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* And it stays so in the file. */
  {
    g_autoptr(GBytes) bytes = upskill_profile_to_bytes (fixture->profile);
    g_autoptr(GError) error = NULL;
    g_autoptr(UpskillProfile) loaded = upskill_profile_new_from_bytes (bytes, "li-wei.json", &error);
    UpskillNote *first;

    g_assert_no_error (error);
    first = upskill_profile_find_note (loaded, first_id);
    g_assert_cmpuint (first->actions->len, ==, 1);
    g_assert_cmpstr (((UpskillAction *) g_ptr_array_index (first->actions, 0))->text, ==, "Draft the pipeline design");
    g_assert_cmpint (((UpskillAction *) g_ptr_array_index (first->actions, 0))->status, ==, UPSKILL_ACTION_DONE);
    actions = upskill_profile_dup_open_actions_before (loaded, G_MAXINT64, NULL);
    g_assert_cmpuint (actions->len, ==, 1);
  }

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "upskill-progress-actions.png", NULL);

      gtk_window_set_default_size (fixture->window, 900, 1400);
      gtk_widget_set_size_request (GTK_WIDGET (fixture->window), 900, 1400);
      upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 3);
      upskill_test_save_png (GTK_WIDGET (fixture->window), path);
    }
}

static void
test_page_empty (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(UpskillProfile) newcomer = upskill_profile_new ("newcomer", "New");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (fixture, "stack")), ==, "empty");

  g_object_set (fixture->page, "profile", newcomer, NULL);
  upskill_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (fixture, "stack")), ==, "progress");
  g_assert_cmpstr (gtk_label_get_text (get_child (fixture, "readiness_label")), ==,
                   "Readiness cannot be measured: no target role is set.");
  g_assert_null (gtk_list_box_get_row_at_index (get_child (fixture, "timeline_list"), 0));
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  const char *dir = g_getenv ("UPSKILL_SCREENSHOT_DIR");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  if (dir == NULL)
    dir = g_get_tmp_dir ();

  /* Two areas besides the overall line. */
  activate (fixture, "progress.show-area", g_variant_new ("(ub)", 0, TRUE));
  activate (fixture, "progress.show-area", g_variant_new ("(ub)", 3, TRUE));

  upskill_test_save_page_shots (fixture->window, get_child (fixture, "scrolled_window"), dir, "progress", 2200);

  /* The note dialog, editing the last note. */
  {
    GPtrArray *notes = upskill_profile_get_notes (fixture->profile);
    g_autofree char *path = g_build_filename (dir, "upskill-progress-note-dialog.png", NULL);
    UpskillNote *note = g_ptr_array_index (notes, notes->len - 1);
    UpskillNoteDialog *dialog;

    activate (fixture, "progress.edit-note", g_variant_new_string (note->id));
    dialog = UPSKILL_NOTE_DIALOG (upskill_test_find_window (UPSKILL_TYPE_NOTE_DIALOG));
    g_assert_nonnull (dialog);
    upskill_test_wait_for_frames (GTK_WIDGET (dialog), 3);
    upskill_test_save_png (GTK_WIDGET (dialog), path);
    g_test_message ("Saved %s", path);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
timeline_shown (GtkWidget *page,
                gpointer   data)
{
  GtkWidget *list = upskill_test_template_child (page, UPSKILL_TYPE_PROGRESS_PAGE, "timeline_list");

  *(gboolean *) data = gtk_widget_is_visible (list);
}

/* The timeline, below the first screen, comes one frame after the page's
 * first, with every entry. */
static void
test_timeline_after_first_frame (void)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("li-wei");
  GtkWidget *page = g_object_new (UPSKILL_TYPE_PROGRESS_PAGE,
                                  "catalog", upskill_catalog_get_default (),
                                  "profile", profile,
                                  NULL);
  GtkWidget *list = upskill_test_template_child (page, UPSKILL_TYPE_PROGRESS_PAGE, "timeline_list");
  gboolean in_first_frame = TRUE;
  GtkWindow *window = upskill_test_show_page_watched (page, 900, 900, timeline_shown, &in_first_frame);

  g_assert_false (in_first_frame);
  g_assert_true (upskill_page_get_later_shown (UPSKILL_PAGE (page)));
  g_assert_true (gtk_widget_is_visible (list));
  g_assert_cmpuint (upskill_test_count_of_type (list, GTK_TYPE_LIST_BOX_ROW), >, 1);

  upskill_test_close_window (window);
}

static void
test_finalize (void)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("li-wei");
  UpskillProgressPage *page;
  UpskillTimelineItem *item;
  UpskillNoteDialog *dialog;
  g_autoptr(GPtrArray) timeline = upskill_progress_get_timeline (profile);

  page = g_object_ref_sink (g_object_new (UPSKILL_TYPE_PROGRESS_PAGE,
                                          "catalog", upskill_catalog_get_default (),
                                          "profile", profile,
                                          NULL));
  upskill_profile_add_note (profile, utc (2026, 11, 1, 0), "Queued a refresh.");
  g_assert_finalize_object (page);
  upskill_profile_add_note (profile, utc (2026, 11, 2, 0), "After the page.");
  upskill_test_flush ();

  item = upskill_timeline_item_new (g_ptr_array_index (timeline, 0));
  g_assert_finalize_object (item);

  dialog = upskill_note_dialog_new (NULL, utc (2026, 11, 1, 0), NULL);
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* The timeline's rows come a few each frame: waits until there are
 * @n_rows of them. */
static void
wait_for_timeline_rows (Fixture *fixture,
                        guint    n_rows)
{
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GPtrArray) rows = get_timeline_rows (fixture);

      if (rows->len >= n_rows)
        break;
      upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 1);
    }
  /* And nothing more comes. */
  upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 2);
}

/* A long history: the newest rows are shown, more when scrolled to the
 * end, and a change makes one row, keeping the others as they are. */
static void
test_page_long_history (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const char * const skills[] = { "py-core", "py-data", "ml-eval" };
  g_autoptr(GPtrArray) rows = NULL;
  GtkListBoxRow *kept;
  guint n_events;

  for (guint i = 0; i < 180; i++)
    upskill_profile_set_level (fixture->profile, skills[i % 3], i / 3 % 5 + 1, NULL,
                               utc (2021, 1, 1, 0) + i * 3600);
  n_events = upskill_profile_get_history (fixture->profile)->len
             + upskill_profile_get_notes (fixture->profile)->len;
  g_assert_cmpuint (n_events, >, 150);
  wait_for_timeline_rows (fixture, 50);

  rows = get_timeline_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 50);
  kept = g_ptr_array_index (rows, 5);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A change today: one new row on top, the rest are the same widgets. */
  upskill_profile_set_level (fixture->profile, "sec-llm", 3, NULL, 0);
  wait_for_timeline_rows (fixture, 50);
  rows = get_timeline_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 50);
  g_assert_true (ADW_IS_ACTION_ROW (g_ptr_array_index (rows, 0)));
  g_assert_nonnull (strstr (row_title (g_ptr_array_index (rows, 0)), "LLM threats"));
  g_assert_true (g_ptr_array_index (rows, 6) == kept);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Scrolled to the end: 50 more, then the rest. */
  g_signal_emit_by_name (get_child (fixture, "scrolled_window"), "edge-reached", GTK_POS_BOTTOM);
  wait_for_timeline_rows (fixture, 100);
  rows = get_timeline_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 100);
  g_clear_pointer (&rows, g_ptr_array_unref);

  for (guint i = 0; i < 5; i++)
    {
      g_signal_emit_by_name (get_child (fixture, "scrolled_window"), "edge-reached", GTK_POS_BOTTOM);
      wait_for_timeline_rows (fixture, MIN (100 + 50 * (i + 1), n_events + 1));
    }
  rows = get_timeline_rows (fixture);
  g_assert_cmpuint (rows->len, ==, n_events + 1);
}

int
main (int   argc,
      char *argv[])
{
  /* Days and months in the expected text are those of UTC. */
  g_setenv ("TZ", "UTC", TRUE);

  upskill_test_init_styled (&argc, &argv);

  g_test_add_func ("/upskill/progress/readiness-series", test_readiness_series);
  g_test_add_func ("/upskill/progress/since-last-session", test_since_last_session_sentence);
  g_test_add_func ("/upskill/progress/timeline-order", test_timeline_order);

#define ADD(path, sample, func) \
  g_test_add ("/upskill/progress-page/" path, Fixture, sample, fixture_set_up, func, fixture_tear_down)

  ADD ("small-profile", "small", test_page_small_profile);
  ADD ("long-history", "small", test_page_long_history);
  ADD ("since-last-session", "li-wei", test_page_since_sentence);
  ADD ("notes", "li-wei", test_page_notes);
  ADD ("session-actions", "li-wei", test_page_session_actions);
  ADD ("empty", NULL, test_page_empty);
  ADD ("render", "li-wei", test_render);
  g_test_add_func ("/upskill/progress-page/finalize", test_finalize);
  g_test_add_func ("/upskill/progress-page/timeline-after-first-frame", test_timeline_after_first_frame);

#undef ADD

  return g_test_run ();
}
