/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window, driven through its actions and widgets as a user would,
 * with the profiles in a temporary folder; checks the files on disk. */
#include "config.h"

#include <errno.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "upskill-application.h"
#include "upskill-evidence-dialog.h"
#include "upskill-plan-page.h"
#include "upskill-progress-page.h"
#include "upskill-profile-dialog.h"
#include "upskill-profile-row.h"
#include "upskill-report-options-dialog.h"
#include "upskill-skill-row.h"
#include "upskill-test-window.h"
#include "upskill-window-private.h"

/* The shared window fixture (upskill-test-window.h), under the name
 * the tests use. */
typedef UpskillTestWindow Fixture;

/* Helpers */

/* Where the desktop's Trash keeps the file that was @id's, by the
 * original path its .trashinfo records; NULL if it is not there. */
static char *
find_trashed_profile (Fixture    *fixture,
                      const char *id)
{
  g_autofree char *original = profile_path (fixture, id);
  g_autofree char *info_dir = g_build_filename (g_get_user_data_dir (), "Trash", "info", NULL);
  g_autoptr(GDir) dir = g_dir_open (info_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *info_path = g_build_filename (info_dir, name, NULL);
      g_autofree char *escaped = NULL;
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".trashinfo") ||
          !g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
        continue;
      escaped = g_key_file_get_string (info, "Trash Info", "Path", NULL);
      path = escaped != NULL ? g_uri_unescape_string (escaped, NULL) : NULL;
      if (g_strcmp0 (path, original) == 0)
        {
          g_autofree char *file_name = g_strndup (name, strlen (name) - strlen (".trashinfo"));

          return g_build_filename (g_get_user_data_dir (), "Trash", "files", file_name, NULL);
        }
    }

  return NULL;
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), action));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), action, parameter);
}

/* Tests */

static void
test_first_run (Fixture       *fixture,
                gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_null (upskill_window_get_profile (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "delete-profile"));

  /* "Explore sample profiles" */
  activate (fixture, "add-samples", NULL);
  WAIT_UNTIL (n_visible (fixture) == 3 && window_ready (window) && upskill_window_get_profile (window) != NULL);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "main");
  g_assert_true (upskill_test_profile_file_exists (fixture->profiles_dir, "dana-okafor"));
  g_assert_true (upskill_test_profile_file_exists (fixture->profiles_dir, "li-wei"));
  g_assert_true (upskill_test_profile_file_exists (fixture->profiles_dir, "maria-gonzalez"));
}

static void
test_create_profile (Fixture       *fixture,
                     gconstpointer  user_data)
{
  UpskillProfileDialog *dialog;
  g_autoptr(UpskillProfile) saved = NULL;
  UpskillProfile *profile;
  char *id;

  /* "Create my profile" on the first-run page */
  activate (fixture, "create-own-profile", NULL);
  WAIT_UNTIL ((dialog = (UpskillProfileDialog *) upskill_test_find_window (UPSKILL_TYPE_PROFILE_DIALOG)) != NULL);

  g_assert_cmpint (upskill_profile_dialog_get_kind (dialog), ==, UPSKILL_PROFILE_SELF);

  /* An empty name cannot be created. */
  upskill_profile_dialog_set_name (dialog, "   ");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "profile.apply", NULL);
  g_assert_true (upskill_test_find_window (UPSKILL_TYPE_PROFILE_DIALOG) == GTK_WINDOW (dialog));

  upskill_profile_dialog_set_name (dialog, "  Ada Lovelace ");
  upskill_profile_dialog_set_current_role (dialog, "Backend engineer");
  upskill_profile_dialog_set_target_role (dialog, "mlops-engineer");
  upskill_profile_dialog_set_weekly_hours (dialog, 7.5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "profile.apply", NULL));

  WAIT_UNTIL (upskill_test_find_window (UPSKILL_TYPE_PROFILE_DIALOG) == NULL);
  profile = upskill_window_get_profile (fixture->window);
  g_assert_nonnull (profile);
  id = g_strdup (upskill_profile_get_id (profile));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "main");
  g_assert_cmpuint (n_visible (fixture), ==, 1);

  WAIT_UNTIL (upskill_test_profile_file_exists (fixture->profiles_dir, id) && !upskill_window_is_busy (fixture->window));

  saved = read_profile (fixture, id);
  g_assert_cmpstr (upskill_profile_get_name (saved), ==, "Ada Lovelace");
  g_assert_cmpint (upskill_profile_get_kind (saved), ==, UPSKILL_PROFILE_SELF);
  g_assert_cmpstr (upskill_profile_get_current_role (saved), ==, "Backend engineer");
  g_assert_cmpstr (upskill_profile_get_target_role (saved), ==, "mlops-engineer");
  g_assert_cmpfloat (upskill_profile_get_weekly_hours (saved), ==, 7.5);
  g_free (id);
}

static const char *find_label_text (GtkWidget  *widget,
                                    const char *fragment);

static void
test_edit_and_duplicate (Fixture       *fixture,
                         gconstpointer  user_data)
{
  UpskillProfileDialog *dialog;
  g_autoptr(UpskillProfile) saved = NULL;
  g_autoptr(UpskillProfile) copy = NULL;
  g_autofree char *copy_id = NULL;

  upskill_test_window_select (fixture->window, "li-wei");

  activate (fixture, "edit-profile", NULL);
  WAIT_UNTIL ((dialog = (UpskillProfileDialog *) upskill_test_find_window (UPSKILL_TYPE_PROFILE_DIALOG)) != NULL);
  g_assert_cmpstr (upskill_profile_dialog_get_target_role (dialog), ==, "data-engineer");
  upskill_profile_dialog_set_name (dialog, "Li Wei");
  upskill_profile_dialog_set_target_role (dialog, "ml-engineer");
  upskill_profile_dialog_set_weekly_hours (dialog, 3);
  upskill_profile_dialog_set_goal (dialog, "  Build <b>real</b> models & ship them  ");
  upskill_profile_dialog_set_goal_date (dialog, 1814400000 + 15 * 3600); /* 1 July 2027 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "profile.apply", NULL));

  WAIT_UNTIL (!upskill_window_is_busy (fixture->window));
  saved = read_profile (fixture, "li-wei");
  g_assert_cmpstr (upskill_profile_get_name (saved), ==, "Li Wei");
  g_assert_cmpstr (upskill_profile_get_target_role (saved), ==, "ml-engineer");
  g_assert_cmpfloat (upskill_profile_get_weekly_hours (saved), ==, 3.0);
  g_assert_cmpstr (upskill_profile_get_goal (saved), ==, "Build <b>real</b> models & ship them");
  g_assert_cmpint (upskill_profile_get_goal_date (saved), ==, 1814400000);

  /* The Skills page quotes the goal as typed, not as markup. */
  activate (fixture, "show-page", g_variant_new_string ("skills"));
  g_assert_cmpstr (find_label_text (GTK_WIDGET (fixture->window->skills_page), "ship them"), ==,
                   "“Build <b>real</b> models & ship them” by 1 July 2027");

  /* The whole edit is one step to undo. */
  activate (fixture, "undo", NULL);
  g_assert_null (find_label_text (GTK_WIDGET (fixture->window->skills_page), "ship them"));
  g_assert_cmpstr (upskill_profile_get_target_role (upskill_window_get_profile (fixture->window)), ==, "data-engineer");
  g_assert_cmpstr (upskill_profile_get_name (upskill_window_get_profile (fixture->window)), ==, "李伟 (Li Wei)");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "undo"));

  activate (fixture, "duplicate-profile", NULL);
  WAIT_UNTIL (n_visible (fixture) == 4 && !upskill_window_is_busy (fixture->window));
  copy_id = g_strdup (upskill_profile_get_id (upskill_window_get_profile (fixture->window)));
  g_assert_cmpstr (copy_id, !=, "li-wei");
  copy = read_profile (fixture, copy_id);
  g_assert_true (g_str_has_suffix (upskill_profile_get_name (copy), "(Copy)"));
  g_assert_cmpstr (upskill_profile_get_target_role (copy), ==, "data-engineer");
}

/* Tags in the profile dialog: the profile's as chips to remove, those of
 * other profiles suggested as the coach types, a typed one kept on save. */
static void
test_edit_tags (Fixture       *fixture,
                gconstpointer  user_data)
{
  UpskillProfileDialog *dialog;
  g_autoptr(UpskillProfile) saved = NULL;
  GtkWidget *tag_entry;
  const char *expected[] = { "Career change", "Security track", "pilot", NULL };

  upskill_test_window_select (fixture->window, "li-wei");

  activate (fixture, "edit-profile", NULL);
  WAIT_UNTIL ((dialog = (UpskillProfileDialog *) upskill_test_find_window (UPSKILL_TYPE_PROFILE_DIALOG)) != NULL);
  upskill_test_flush ();

  /* Li's own, to remove; the others' to add. */
  g_assert_nonnull (upskill_test_find_with_text (GTK_WIDGET (dialog), GTK_TYPE_WIDGET, "tooltip-text", "Remove the tag Evenings only"));
  g_assert_nonnull (upskill_test_find_with_text (GTK_WIDGET (dialog), GTK_TYPE_WIDGET, "tooltip-text", "Add the tag Employer-funded"));
  g_assert_nonnull (upskill_test_find_with_text (GTK_WIDGET (dialog), GTK_TYPE_WIDGET, "tooltip-text", "Add the tag Security track"));
  g_assert_null (upskill_test_find_with_text (GTK_WIDGET (dialog), GTK_TYPE_WIDGET, "tooltip-text", "Add the tag Career change"));

  if (g_getenv ("UPSKILL_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("UPSKILL_SCREENSHOT_DIR"),
                                                "profile-dialog-tags.png", NULL);
      GtkWidget *scrolled = gtk_widget_get_ancestor (upskill_test_find_with_text (GTK_WIDGET (dialog), GTK_TYPE_WIDGET, "tooltip-text", "Add Tag"),
                                                     GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      /* The tags, at the end of the dialog. */
      upskill_test_wait_for_frames (GTK_WIDGET (dialog), 2);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      upskill_test_wait_for_frames (GTK_WIDGET (dialog), 3);
      upskill_test_save_png (GTK_WIDGET (dialog), path);
    }

  /* Typing narrows the suggestions, ignoring case. */
  tag_entry = upskill_test_find_with_text (GTK_WIDGET (dialog), GTK_TYPE_WIDGET, "tooltip-text", "Add Tag");
  g_assert_nonnull (tag_entry);
  tag_entry = gtk_widget_get_ancestor (tag_entry, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (tag_entry), "SECUR");
  upskill_test_flush ();
  g_assert_null (upskill_test_find_with_text (GTK_WIDGET (dialog), GTK_TYPE_WIDGET, "tooltip-text", "Add the tag Employer-funded"));
  g_signal_emit_by_name (upskill_test_find_with_text (GTK_WIDGET (dialog), GTK_TYPE_WIDGET, "tooltip-text", "Add the tag Security track"), "clicked");
  gtk_editable_set_text (GTK_EDITABLE (tag_entry), "");
  upskill_test_flush ();
  g_assert_nonnull (upskill_test_find_with_text (GTK_WIDGET (dialog), GTK_TYPE_WIDGET, "tooltip-text", "Remove the tag Security track"));

  g_signal_emit_by_name (upskill_test_find_with_text (GTK_WIDGET (dialog), GTK_TYPE_WIDGET, "tooltip-text", "Remove the tag Evenings only"), "clicked");
  upskill_test_flush ();
  g_assert_null (upskill_test_find_with_text (GTK_WIDGET (dialog), GTK_TYPE_WIDGET, "tooltip-text", "Remove the tag Evenings only"));

  /* Typed, not yet added: saved all the same. */
  gtk_editable_set_text (GTK_EDITABLE (tag_entry), "  pilot ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "profile.apply", NULL));

  WAIT_UNTIL (!upskill_window_is_busy (fixture->window));
  saved = read_profile (fixture, "li-wei");
  g_assert_true (g_strv_equal (upskill_profile_get_tags (saved), expected));

  /* The sidebar's search finds a client by a tag. */
  g_assert_true (upskill_profile_item_matches (upskill_window_find_item (fixture->window, "li-wei", NULL),
                                               "pilot"));
}

static void
test_levels_evidence_undo (Fixture       *fixture,
                           gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;
  GtkWidget *row;
  UpskillEvidenceDialog *evidence_dialog;
  g_autoptr(UpskillProfile) saved = NULL;
  g_autoptr(UpskillProfile) undone = NULL;
  GPtrArray *evidence;
  guint before;

  upskill_test_window_select (window, "maria-gonzalez");
  activate (fixture, "show-page", g_variant_new_string ("skills"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "skills");

  before = upskill_profile_get_level (upskill_window_get_profile (window), "pytorch");
  row = upskill_test_find_skill_row (window->skills_page, "pytorch");
  g_assert_nonnull (row);

  /* Three clicks in a row: saved once they stop, each one undoable. */
  g_assert_true (gtk_widget_activate_action (row, "skill.level", "u", 2));
  g_assert_true (gtk_widget_activate_action (row, "skill.level", "u", 3));
  g_assert_true (gtk_widget_activate_action (row, "skill.level", "u", 4));
  g_assert_true (upskill_window_is_busy (window));

  /* Evidence for level 4. */
  g_assert_true (gtk_widget_activate_action (row, "skill.add-evidence", NULL));
  WAIT_UNTIL ((evidence_dialog = (UpskillEvidenceDialog *) upskill_test_find_window (UPSKILL_TYPE_EVIDENCE_DIALOG)) != NULL);
  upskill_evidence_dialog_set_note (evidence_dialog, "Fine-tuned a ViT on 40k images");
  upskill_evidence_dialog_set_link (evidence_dialog, "https://example.com/maria/vit");
  /* What its "Add" button does */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (evidence_dialog), "save");
  gtk_window_close (GTK_WINDOW (evidence_dialog));
  WAIT_UNTIL (upskill_test_find_window (UPSKILL_TYPE_EVIDENCE_DIALOG) == NULL);

  WAIT_UNTIL (!upskill_window_is_busy (window));
  saved = read_profile (fixture, "maria-gonzalez");
  g_assert_cmpuint (upskill_profile_get_level (saved, "pytorch"), ==, 4);
  evidence = upskill_profile_get_evidence (saved, "pytorch");
  g_assert_nonnull (evidence);
  g_assert_cmpuint (evidence->len, >=, 1);
  g_assert_cmpstr (((UpskillEvidence *) g_ptr_array_index (evidence, evidence->len - 1))->note, ==,
                   "Fine-tuned a ViT on 40k images");

  /* Ctrl+Z: the evidence, then level 4, then 3. */
  activate (fixture, "undo", NULL);
  activate (fixture, "undo", NULL);
  activate (fixture, "undo", NULL);
  g_assert_cmpuint (upskill_profile_get_level (upskill_window_get_profile (window), "pytorch"), ==, 2);
  activate (fixture, "undo", NULL);
  g_assert_cmpuint (upskill_profile_get_level (upskill_window_get_profile (window), "pytorch"), ==, before);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  WAIT_UNTIL (!upskill_window_is_busy (window));
  undone = read_profile (fixture, "maria-gonzalez");
  g_assert_cmpuint (upskill_profile_get_level (undone, "pytorch"), ==, before);
}

/* Whether @widget is the shown toast's button that runs @action. */
static gboolean
is_toast_button (GtkWidget     *widget,
                 gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0
         && gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) != NULL;
}

/* Removing a session note or a plan step is one step of the window's
 * undo, like every other change: the toast's Undo and Ctrl+Z bring it
 * back whole, under its own id and in its place. */
static void
test_remove_note_and_step_undo (Fixture       *fixture,
                                gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;
  UpskillProfile *profile;
  g_autoptr(UpskillProfile) saved = NULL;
  g_autofree char *note_id = NULL;
  g_autofree char *note_text = NULL;
  g_autofree char *step_id = NULL;
  const UpskillNote *note = NULL;
  GPtrArray *notes;
  GtkWidget *button;
  guint n_notes, n_actions = 0, n_steps;

  upskill_test_window_select (window, "maria-gonzalez");
  profile = upskill_window_get_profile (window);

  /* A session note with two agreed actions. */
  notes = upskill_profile_get_notes (profile);
  n_notes = notes->len;
  g_assert_cmpuint (n_notes, >, 0);
  note = g_ptr_array_index (notes, 0);
  g_assert_nonnull (upskill_profile_add_action (profile, note->id, "Finish the threat model", 0));
  g_assert_nonnull (upskill_profile_add_action (profile, note->id, "Ask for a code review", 0));
  n_actions = note->actions->len;
  g_assert_cmpuint (n_actions, >=, 2);
  note_id = g_strdup (note->id);
  note_text = g_strdup (note->text);

  activate (fixture, "show-page", g_variant_new_string ("progress"));
  g_assert_true (gtk_widget_activate_action (window->progress_page, "progress.delete-note",
                                             "s", note_id));
  g_assert_null (upskill_profile_find_note (profile, note_id));

  /* The toast's Undo */
  WAIT_UNTIL ((button = upskill_test_find_widget (GTK_WIDGET (window), is_toast_button, "win.undo")) != NULL);
  gtk_widget_activate (button);
  WAIT_UNTIL ((note = upskill_profile_find_note (profile, note_id)) != NULL);
  g_assert_nonnull (note);
  g_assert_cmpstr (note->text, ==, note_text);
  g_assert_cmpuint (note->actions->len, ==, n_actions);
  g_assert_cmpuint (upskill_profile_get_notes (profile)->len, ==, n_notes);

  /* A plan step, from the middle of the plan. */
  n_steps = upskill_profile_get_plan (profile)->len;
  g_assert_cmpuint (n_steps, >=, 3);
  step_id = g_strdup (((UpskillPlanStep *) g_ptr_array_index (upskill_profile_get_plan (profile), 1))->id);
  activate (fixture, "show-page", g_variant_new_string ("plan"));
  g_assert_true (gtk_widget_activate_action (window->plan_page, "plan.remove-step", "s", step_id));
  g_assert_null (upskill_profile_find_step (profile, step_id));

  WAIT_UNTIL ((button = upskill_test_find_widget (GTK_WIDGET (window), is_toast_button, "win.undo")) != NULL);
  gtk_widget_activate (button);
  WAIT_UNTIL (upskill_profile_get_plan (profile)->len == n_steps);
  g_assert_cmpstr (((UpskillPlanStep *) g_ptr_array_index (upskill_profile_get_plan (profile), 1))->id, ==,
                   step_id);

  /* And the file says so. */
  WAIT_UNTIL (!upskill_window_is_busy (window));
  saved = read_profile (fixture, "maria-gonzalez");
  g_assert_nonnull (upskill_profile_find_note (saved, note_id));
  g_assert_nonnull (upskill_profile_find_step (saved, step_id));
  g_assert_cmpuint (upskill_profile_get_plan (saved)->len, ==, n_steps);
}

static void
test_change_then_close (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(UpskillProfile) saved = NULL;
  UpskillProfile *profile;

  upskill_test_window_select (fixture->window, "dana-okafor");

  /* Quit right after a change: nothing is lost. */
  profile = upskill_window_get_profile (fixture->window);
  upskill_profile_set_level (profile, "aws-bedrock", 5, NULL, 0);
  g_assert_true (upskill_window_is_busy (fixture->window));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "quit", NULL);
  close_window (fixture);

  saved = read_profile (fixture, "dana-okafor");
  g_assert_cmpuint (upskill_profile_get_level (saved, "aws-bedrock"), ==, 5);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;
  GtkWidget *focus;

  g_assert_cmpuint (n_visible (fixture), ==, 3);

  /* Ctrl+F, then type. */
  activate (fixture, "search", NULL);
  WAIT_UNTIL (gtk_search_bar_get_search_mode (window->search_bar));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_EDITABLE (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (window->search_entry)));

  /* By role */
  gtk_editable_set_text (GTK_EDITABLE (focus), "data engineer");
  WAIT_UNTIL (n_visible (fixture) == 1);
  {
    g_autoptr(UpskillProfileItem) item = g_list_model_get_item (upskill_window_get_visible_profiles (window), 0);
    g_assert_cmpstr (upskill_profile_item_get_id (item), ==, "li-wei");
  }

  /* By name, without the accent */
  gtk_editable_set_text (GTK_EDITABLE (focus), "gonzalez");
  WAIT_UNTIL (n_visible (fixture) == 1);
  {
    g_autoptr(UpskillProfileItem) item = g_list_model_get_item (upskill_window_get_visible_profiles (window), 0);
    g_assert_cmpstr (upskill_profile_item_get_id (item), ==, "maria-gonzalez");
  }

  gtk_editable_set_text (GTK_EDITABLE (focus), "nobody by that name");
  WAIT_UNTIL (n_visible (fixture) == 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "no-results");
  /* The pages keep their profile. */
  g_assert_nonnull (upskill_window_get_profile (window));

  gtk_search_bar_set_search_mode (window->search_bar, FALSE);
  WAIT_UNTIL (n_visible (fixture) == 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "list");
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;

  upskill_test_window_select (window, "li-wei");

  activate (fixture, "delete-profile", NULL);
  g_assert_cmpuint (n_visible (fixture), ==, 2);
  g_assert_nonnull (upskill_window_get_delete_toast (window, "li-wei"));
  /* Another profile is shown; the file stays while the toast is up. */
  WAIT_UNTIL (window_ready (window) && upskill_window_get_profile (window) != NULL);
  g_assert_cmpstr (upskill_profile_get_id (upskill_window_get_profile (window)), !=, "li-wei");
  WAIT_UNTIL (!upskill_window_is_busy (window));
  g_assert_true (upskill_test_profile_file_exists (fixture->profiles_dir, "li-wei"));

  /* The toast's Undo button */
  activate (fixture, "undo-delete", g_variant_new_string ("li-wei"));
  g_assert_cmpuint (n_visible (fixture), ==, 3);
  g_assert_null (upskill_window_get_delete_toast (window, "li-wei"));
  WAIT_UNTIL (showing (window, "li-wei"));

  close_window (fixture);
  g_assert_true (upskill_test_profile_file_exists (fixture->profiles_dir, "li-wei"));
  g_assert_null (find_trashed_profile (fixture, "li-wei"));
}

static void
test_delete_dismiss (Fixture       *fixture,
                     gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *trashed = NULL;
  AdwToast *toast;

  upskill_test_window_select (window, "dana-okafor");

  activate (fixture, "delete-profile", NULL);
  toast = upskill_window_get_delete_toast (window, "dana-okafor");
  g_assert_nonnull (toast);
  WAIT_UNTIL (!upskill_window_is_busy (window));
  g_assert_true (upskill_test_profile_file_exists (fixture->profiles_dir, "dana-okafor"));
  g_assert_null (find_trashed_profile (fixture, "dana-okafor"));
  {
    g_autofree char *path = profile_path (fixture, "dana-okafor");
    g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  }

  /* The toast goes (its close button, or its time is up): the file
   * goes to the desktop's Trash, as it was. */
  adw_toast_dismiss (toast);
  WAIT_UNTIL (!upskill_test_profile_file_exists (fixture->profiles_dir, "dana-okafor"));
  g_assert_cmpuint (n_visible (fixture), ==, 2);
  g_assert_true (upskill_test_profile_file_exists (fixture->profiles_dir, "li-wei"));
  trashed = find_trashed_profile (fixture, "dana-okafor");
  g_assert_nonnull (trashed);
  g_assert_true (g_file_get_contents (trashed, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* A new window lists what is on disk. */
  close_window (fixture);
  fixture->window = open_window (fixture);
  g_assert_cmpuint (n_visible (fixture), ==, 2);
}

static void
test_delete_then_close (Fixture       *fixture,
                        gconstpointer  user_data)
{
  upskill_test_window_select (fixture->window, "maria-gonzalez");

  /* Closing while the toast is up confirms the deletion. */
  activate (fixture, "delete-profile", NULL);
  close_window (fixture);
  g_assert_false (upskill_test_profile_file_exists (fixture->profiles_dir, "maria-gonzalez"));
  g_assert_true (upskill_test_profile_file_exists (fixture->profiles_dir, "dana-okafor"));
}

/* Built as the application builds it, from parts of its own: a store
 * on another folder, settings in memory and a session. The window lists
 * that store, remembers its state in those settings and saves through
 * that session. */
static void
on_session_saved (UpskillProfileSession *session,
                  UpskillProfile        *profile,
                  guint                 *n_saved)
{
  (*n_saved)++;
}

static void
test_construct_properties (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *data_dir = upskill_test_make_tmp_dir ("upskill-window-own-XXXXXX");
  g_autofree char *profiles_dir = g_build_filename (data_dir, "profiles", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (data_dir);
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(GSettings) default_settings = g_settings_new (APP_ID);
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(UpskillProfileSession) session = NULL;
  g_autoptr(UpskillProfile) saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *samples[] = { "dana-okafor", "li-wei" };
  UpskillWindow *window;
  guint n_saved = 0;

  close_window (fixture);

  g_assert_cmpint (g_mkdir_with_parents (profiles_dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *resource = g_strconcat (UPSKILL_TEST_SAMPLES_PATH, samples[i], ".json", NULL);
      g_autofree char *file_name = g_strconcat (samples[i], ".json", NULL);
      g_autofree char *path = g_build_filename (profiles_dir, file_name, NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);

      g_assert_nonnull (bytes);
      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
    }

  store = upskill_store_new (dir, upskill_catalog_get_default ());
  session = upskill_profile_session_new (store);
  g_signal_connect (session, "saved", G_CALLBACK (on_session_saved), &n_saved);
  /* The second in the list: only these settings name it. */
  g_settings_set_string (settings, "last-profile", "li-wei");

  fixture->window = window = g_object_new (UPSKILL_TYPE_WINDOW,
                                           "application", fixture->application,
                                           "store", store,
                                           "settings", settings,
                                           "session", session,
                                           NULL);
  g_assert_true (upskill_window_get_profile (window) == NULL);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (showing (window, "li-wei"));

  /* That store's profiles, not the application's (its folder is empty). */
  g_assert_cmpuint (n_visible (fixture), ==, 2);
  g_assert_true (upskill_window_get_profile (window) == upskill_profile_session_get_profile (session));

  /* A change is saved by that session, into that folder. */
  upskill_profile_set_name (upskill_window_get_profile (window), "Li Wei");
  g_assert_true (upskill_profile_session_get_busy (session));
  upskill_window_flush_save (window);
  WAIT_UNTIL (!upskill_profile_session_get_busy (session));
  g_assert_cmpuint (n_saved, ==, 1);
  saved = upskill_store_load (store, "li-wei", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upskill_profile_get_name (saved), ==, "Li Wei");
  g_assert_false (upskill_test_profile_file_exists (fixture->profiles_dir, "li-wei"));

  /* Its state goes to those settings. */
  gtk_window_set_default_size (GTK_WINDOW (window), 777, 555);
  close_window (fixture);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 777);
  g_assert_cmpint (g_settings_get_int (default_settings, "window-width"), !=, 777);

  g_assert_true (upskill_test_remove_tree (data_dir, NULL));
}

/* The window's title (what the shell shows, and the header once narrow)
 * names the open profile, renamed or switched. */
static void
test_title_names_profile (Fixture       *fixture,
                          gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;

  upskill_test_window_select (window, "maria-gonzalez");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "María González — Upskill");

  upskill_test_window_select (window, "li-wei");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "李伟 (Li Wei) — Upskill");

  upskill_profile_set_name (upskill_window_get_profile (window), "Li Wei");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Li Wei — Upskill");
}

/* Whether the row at @position lies whole inside the list's viewport. */
static gboolean
row_in_view (UpskillWindow *window,
             guint          position)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->list_view));
  guint n = g_list_model_get_n_items (upskill_window_get_visible_profiles (window));
  double row_height = gtk_adjustment_get_upper (adjustment) / n;
  double top = position * row_height;
  double value = gtk_adjustment_get_value (adjustment);

  return top >= value - 1 && top + row_height <= value + gtk_adjustment_get_page_size (adjustment) + 1;
}

/* Clients "client-001" … named "Client 001" …, saved through the store. */
static void
save_clients (Fixture *fixture,
              guint    n)
{
  UpskillStore *store = upskill_application_get_store (fixture->application);

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *id = g_strdup_printf ("client-%03u", i);
      g_autofree char *name = g_strdup_printf ("Client %03u", i);
      g_autoptr(UpskillProfile) profile = upskill_profile_new (id, name);
      g_autoptr(GError) error = NULL;

      upskill_profile_set_kind (profile, UPSKILL_PROFILE_CLIENT);
      upskill_store_save (store, profile, NULL, &error);
      g_assert_no_error (error);
    }
}

/* A new window of @width × @height. */
static UpskillWindow *
open_sized_window (Fixture *fixture,
                   int      width,
                   int      height)
{
  fixture->window = upskill_window_new (fixture->application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));

  return fixture->window;
}

/* A new window, 500 pixels high: a long list does not fit. */
static UpskillWindow *
open_small_window (Fixture *fixture)
{
  return open_sized_window (fixture, 960, 500);
}

/* Clearing a search that hid the selected row scrolls back to it: the
 * selection stays in view. */
static void
test_search_keeps_selection_in_view (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  UpskillWindow *window;
  guint position;

  close_window (fixture);
  save_clients (fixture, 40);
  g_settings_set_string (settings, "profile-sort", "name");

  window = open_small_window (fixture);
  WAIT_UNTIL (window_ready (window) && n_visible (fixture) == 43);
  upskill_test_wait_ms (100);

  upskill_test_window_select (window, "client-038");
  position = gtk_single_selection_get_selected (window->selection);
  g_assert_cmpuint (position, >, 30);
  upskill_test_wait_ms (100);
  g_assert_true (row_in_view (window, position));

  /* A search that hides it (the list at its top), then cleared. */
  gtk_search_bar_set_search_mode (window->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "Client 005");
  WAIT_UNTIL (n_visible (fixture) == 1);
  upskill_test_wait_ms (100);

  gtk_search_bar_set_search_mode (window->search_bar, FALSE);
  WAIT_UNTIL (n_visible (fixture) == 43);
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, position);
  upskill_test_wait_ms (100);
  g_assert_true (row_in_view (window, position));

  g_settings_reset (settings, "profile-sort");
}

typedef struct
{
  Fixture *fixture;
  int      rows;      /* in the first frame with profiles listed */
  guint    listed;
  double   bottom;    /* of its lowest row, in the list view */
  int      height;    /* of the list view then */
} FirstListed;

static double
lowest_row_bottom (GtkWidget *list_view)
{
  double bottom = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      graphene_rect_t bounds;

      if (UPSKILL_IS_PROFILE_ROW (row) && gtk_widget_get_child_visible (child)
          && gtk_widget_compute_bounds (child, list_view, &bounds))
        bottom = MAX (bottom, bounds.origin.y + bounds.size.height);
    }

  return bottom;
}

static void
on_paint_count_rows (GdkFrameClock *clock,
                     FirstListed   *first)
{
  GtkWidget *list_view = GTK_WIDGET (first->fixture->window->list_view);

  if (first->rows >= 0 || n_visible (first->fixture) == 0)
    return;

  first->rows = upskill_test_count_of_type (list_view, UPSKILL_TYPE_PROFILE_ROW);
  first->listed = n_visible (first->fixture);
  first->bottom = lowest_row_bottom (list_view);
  first->height = gtk_widget_get_height (list_view);
}

/* Opens a window of @width × @height on 250 clients and returns what its
 * first frame with profiles listed had. */
static FirstListed
open_on_long_list (Fixture *fixture,
                   int      width,
                   int      height)
{
  FirstListed first = { fixture, -1, 0, 0, 0 };
  GdkFrameClock *clock;
  gulong handler;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (open_sized_window (fixture, width, height)));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_paint_count_rows), &first);
  WAIT_UNTIL (window_ready (fixture->window) && n_visible (fixture) == 253 && first.rows >= 0);
  g_signal_handler_disconnect (clock, handler);

  return first;
}

/* A long list: the first frame has rows for the first profiles only,
 * enough to fill the list even in a window as tall as the screen; the
 * others come a few dozen a frame (GTK 4.8's list view would make 200
 * at once), and a profile far down opens at once, in view. */
static void
test_long_list (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GdkMonitor) monitor = NULL;
  GdkRectangle screen;
  FirstListed first;
  UpskillProfileItem *item;
  UpskillWindow *window;

  close_window (fixture);
  save_clients (fixture, 250);
  g_settings_set_string (settings, "profile-sort", "name");
  g_settings_reset (settings, "last-profile");

  first = open_on_long_list (fixture, 960, 500);
  g_assert_cmpint (first.rows, >, 0);
  g_assert_cmpint (first.rows, <=, 40);
  g_assert_cmpuint (first.listed, <, 253);
  g_assert_cmpfloat (first.bottom, >=, first.height);

  /* As tall as the screen: still no empty space below the first rows. */
  close_window (fixture);
  monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  gdk_monitor_get_geometry (monitor, &screen);
  first = open_on_long_list (fixture, screen.width, screen.height);
  window = fixture->window;
  g_assert_cmpint (first.height, >, 500);
  g_assert_cmpint (first.rows, <, 100);
  g_assert_cmpfloat (first.bottom, >=, first.height);
  /* All of them, in order: the samples' names come after "Client 250". */
  item = g_list_model_get_item (upskill_window_get_visible_profiles (window), 249);
  g_assert_cmpstr (upskill_profile_item_get_id (item), ==, "client-250");
  g_object_unref (item);
  g_assert_true (showing (window, "client-001"));

  /* Opened on one far down the list: selected and scrolled to at once. */
  close_window (fixture);
  g_settings_set_string (settings, "last-profile", "client-230");
  window = open_small_window (fixture);
  WAIT_UNTIL (showing (window, "client-230"));
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, 229);
  upskill_test_wait_ms (100);
  g_assert_true (row_in_view (window, 229));

  g_settings_reset (settings, "profile-sort");
}

/* Archive puts a client away: out of the list (the open profile stays
 * on the pages), back with "Show Archived Profiles", where Restore
 * brings it back for good; saved in its file. */
static void
test_archive_restore (Fixture       *fixture,
                      gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;
  g_autoptr(UpskillProfile) saved = NULL;
  g_autoptr(UpskillProfileItem) item = NULL;
  GVariant *state;

  upskill_test_window_select (window, "li-wei");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "archive-profile"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "restore-profile"));

  activate (fixture, "archive-profile", NULL);
  g_assert_cmpuint (n_visible (fixture), ==, 2);
  g_assert_cmpuint (upskill_profile_list_get_position (window->profiles, "li-wei"), ==, G_MAXUINT);
  g_assert_true (showing (window, "li-wei"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "archive-profile"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "restore-profile"));
  WAIT_UNTIL (!upskill_window_is_busy (window));
  saved = read_profile (fixture, "li-wei");
  g_assert_true (upskill_profile_get_archived (saved));
  g_clear_object (&saved);

  /* The toast's Undo */
  activate (fixture, "unarchive-profile", g_variant_new_string ("li-wei"));
  g_assert_cmpuint (n_visible (fixture), ==, 3);
  activate (fixture, "archive-profile", NULL);
  g_assert_cmpuint (n_visible (fixture), ==, 2);

  /* Another profile open: the archived one is out of sight; the
   * toast's Undo still brings it back. */
  upskill_test_window_select (window, "dana-okafor");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "restore-profile"));
  activate (fixture, "unarchive-profile", g_variant_new_string ("li-wei"));
  WAIT_UNTIL (n_visible (fixture) == 3);
  WAIT_UNTIL (!upskill_window_is_busy (window));
  saved = read_profile (fixture, "li-wei");
  g_assert_false (upskill_profile_get_archived (saved));
  g_clear_object (&saved);
  g_assert_true (showing (window, "dana-okafor"));

  upskill_test_window_select (window, "li-wei");
  activate (fixture, "archive-profile", NULL);
  upskill_test_window_select (window, "dana-okafor");

  /* Shown again, marked as archived, and restored. */
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-archived");
  g_assert_false (g_variant_get_boolean (state));
  g_variant_unref (state);
  activate (fixture, "show-archived", NULL);
  g_assert_cmpuint (n_visible (fixture), ==, 3);
  item = g_object_ref (upskill_profile_list_find (window->profiles, "li-wei"));
  g_assert_true (upskill_profile_item_get_archived (item));
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==,
                    upskill_profile_list_get_position (window->profiles, "dana-okafor"));
  upskill_test_keep_png (GTK_WIDGET (window), "window-archived.png");

  upskill_test_window_select (window, "li-wei");
  activate (fixture, "restore-profile", NULL);
  /* (The folder's watcher may have listed it anew meanwhile.) */
  g_clear_object (&item);
  item = g_object_ref (upskill_profile_list_find (window->profiles, "li-wei"));
  g_assert_false (upskill_profile_item_get_archived (item));
  activate (fixture, "show-archived", NULL);
  g_assert_cmpuint (n_visible (fixture), ==, 3);

  close_window (fixture);
  saved = read_profile (fixture, "li-wei");
  g_assert_false (upskill_profile_get_archived (saved));
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const char broken[] = "{ \"format\": \"upskill-profile\", \"version\": 1, \"id\": ";
  g_autofree char *path = profile_path (fixture, "broken");
  g_autofree char *contents = NULL;
  UpskillWindow *window;
  UpskillProfileItem *item;

  close_window (fixture);
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  fixture->window = window = open_window (fixture);

  g_assert_cmpuint (n_visible (fixture), ==, 4);
  item = upskill_window_find_item (window, "broken", NULL);
  g_assert_nonnull (item);
  g_assert_nonnull (upskill_profile_item_get_error (item));

  upskill_window_select (window, "broken");
  WAIT_UNTIL (window_ready (window) &&
              g_strcmp0 (gtk_stack_get_visible_child_name (window->content_stack), "unreadable") == 0);
  g_assert_null (upskill_window_get_profile (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "edit-profile"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "delete-profile"));

  close_window (fixture);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, broken);
}

static guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static gboolean
file_starts_with (const char *path,
                  const char *prefix)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && g_str_has_prefix (contents, prefix);
}

/* Exports from the window: a report follows the umask like any document,
 * and a replaced one keeps the mode its owner gave it; an exported
 * profile, private notes and all, is the user's alone. */
static void
test_export_modes (Fixture       *fixture,
                   gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;
  g_autofree char *export_dir = g_build_filename (fixture->data_dir, "exports", NULL);
  g_autofree char *shared = g_build_filename (export_dir, "shared.pdf", NULL);
  g_autofree char *private = g_build_filename (export_dir, "private.pdf", NULL);
  g_autofree char *replaced = g_build_filename (export_dir, "replaced.pdf", NULL);
  g_autofree char *profile = g_build_filename (export_dir, "dana.json", NULL);
  mode_t old_umask;

  g_assert_cmpint (g_mkdir (export_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (replaced, "old", -1, NULL));
  g_assert_cmpint (chmod (replaced, 0600), ==, 0);

  upskill_test_window_select (window, "dana-okafor");

  old_umask = umask (022);
  activate (fixture, "export-report-to", g_variant_new_string (shared));
  WAIT_UNTIL (file_starts_with (shared, "%PDF"));
  activate (fixture, "export-report-to", g_variant_new_string (replaced));
  WAIT_UNTIL (file_starts_with (replaced, "%PDF"));
  activate (fixture, "export-profile-to", g_variant_new_string (profile));
  WAIT_UNTIL (g_file_test (profile, G_FILE_TEST_EXISTS));
  umask (077);
  activate (fixture, "export-report-to", g_variant_new_string (private));
  WAIT_UNTIL (file_starts_with (private, "%PDF"));
  umask (old_umask);

  g_assert_cmpuint (file_mode (shared), ==, 0644);
  g_assert_cmpuint (file_mode (replaced), ==, 0600);
  g_assert_cmpuint (file_mode (profile), ==, 0600);
  g_assert_cmpuint (file_mode (private), ==, 0600);
}

static gboolean pdf_complete (const char *path);

/* Whether the switch of @dialog's row titled @title is on. */
static gboolean
option_is_on (GtkWindow  *dialog,
              const char *title)
{
  AdwActionRow *row = ADW_ACTION_ROW (upskill_test_find_with_text (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "title", title));

  g_assert_nonnull (row);
  return gtk_switch_get_active (GTK_SWITCH (adw_action_row_get_activatable_widget (row)));
}

/* Without blanks: a note wrapped across lines still matches. */
static gboolean
pdf_text_has (const char *path,
              const char *needle)
{
  g_autofree char *text = upskill_test_pdf_text (path);
  g_autoptr(GString) haystack = g_string_new (NULL);
  g_autoptr(GString) wanted = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (haystack, *p);
  for (const char *p = needle; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (wanted, *p);
  return strstr (haystack->str, wanted->str) != NULL;
}

/* Export Report asks first what the report holds: with the session notes
 * turned off, a shared note that the default report has is not in the
 * file written; the choice is remembered for the next export. */
static void
test_report_options (Fixture       *fixture,
                     gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *export_dir = g_build_filename (fixture->data_dir, "exports", NULL);
  g_autofree char *with_notes = g_build_filename (export_dir, "with notes.pdf", NULL);
  g_autofree char *chosen = g_build_filename (export_dir, "chosen.pdf", NULL);
  g_autofree char *note_words = NULL;
  GtkWindow *dialog;
  AdwActionRow *notes_row;
  UpskillProfile *profile;

  g_assert_cmpint (g_mkdir (export_dir, 0700), ==, 0);
  upskill_test_window_select (window, "maria-gonzalez");
  profile = upskill_window_get_profile (window);
  for (guint i = 0; i < upskill_profile_get_notes (profile)->len && note_words == NULL; i++)
    {
      UpskillNote *note = g_ptr_array_index (upskill_profile_get_notes (profile), i);

      if (!note->private && note->text != NULL && g_utf8_strlen (note->text, -1) > 24)
        note_words = g_utf8_substring (note->text, 0, 24);
    }
  g_assert_nonnull (note_words);

  /* By default the shared notes are in. */
  activate (fixture, "export-report-to", g_variant_new_string (with_notes));
  WAIT_UNTIL (pdf_complete (with_notes));

  activate (fixture, "export-report", NULL);
  WAIT_UNTIL ((dialog = upskill_test_find_window (UPSKILL_TYPE_REPORT_OPTIONS_DIALOG)) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Export Report");
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (option_is_on (dialog, "Session notes"));
  g_assert_true (option_is_on (dialog, "Evidence"));
  g_assert_true (option_is_on (dialog, "Market context"));
  upskill_test_keep_png (GTK_WIDGET (dialog), "export-report-dialog.png");

  /* Cancel: nothing changes, nothing is asked next. */
  upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_null (upskill_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_true (g_settings_get_boolean (settings, "report-include-notes"));

  /* Notes off, as a click on their row does. */
  activate (fixture, "export-report", NULL);
  WAIT_UNTIL ((dialog = upskill_test_find_window (UPSKILL_TYPE_REPORT_OPTIONS_DIALOG)) != NULL);
  notes_row = ADW_ACTION_ROW (upskill_test_find_with_text (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "title", "Session notes"));
  adw_action_row_activate (notes_row);
  /* The switch turns at the end of its animation. */
  WAIT_UNTIL (!option_is_on (dialog, "Session notes"));

  if (upskill_test_can_open_file_chooser ())
    {
      upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "export");
      WAIT_UNTIL (upskill_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
      upskill_test_save_with_chooser (chosen);
    }
  else
    {
      /* GTK's file chooser leaks under AddressSanitizer: what "export"
       * does before it (remember the choices), then the file it would give. */
      upskill_report_options_dialog_save (UPSKILL_REPORT_OPTIONS_DIALOG (dialog));
      upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
      activate (fixture, "export-report-to", g_variant_new_string (chosen));
    }
  g_assert_false (g_settings_get_boolean (settings, "report-include-notes"));
  WAIT_UNTIL (pdf_complete (chosen));

  if (upskill_test_have_poppler ())
    {
      g_assert_true (pdf_text_has (with_notes, note_words));
      g_assert_false (pdf_text_has (chosen, note_words));
      g_assert_false (pdf_text_has (chosen, "Session notes"));
      g_assert_true (pdf_text_has (chosen, "Market context"));
    }

  /* Remembered. */
  activate (fixture, "export-report", NULL);
  WAIT_UNTIL ((dialog = upskill_test_find_window (UPSKILL_TYPE_REPORT_OPTIONS_DIALOG)) != NULL);
  g_assert_false (option_is_on (dialog, "Session notes"));
  g_assert_true (option_is_on (dialog, "Evidence"));
  upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_settings_reset (settings, "report-include-notes");
}

static void
show_every_page (Fixture *fixture)
{
  const char *pages[] = { "trends", "skills", "plan", "progress" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      activate (fixture, "show-page", g_variant_new_string (pages[i]));
      upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 3);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->window->view_stack), ==, pages[i]);
    }
}

/* Dates at the ends of GDateTime's range (where its arithmetic gives
 * NULL) once hung the Progress page in a loop of criticals. Such files
 * are refused with the place and the reason, and a profile that holds
 * them anyway (made in memory) is shown on every page; the tests run
 * with fatal criticals. */
static void
test_odd_dates (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const struct
  {
    const char *id;
    const char *member;
    const char *value;
  } files[] = {
    { "year-9999", "time", "9999-12-31T12:00:00Z" },
    { "offset-past-9999", "time", "9999-12-31T23:00:00-05:00" },
    { "offset-before-1", "time", "0001-01-01T00:30:00+01:00" },
  };
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GDateTime) end = g_date_time_new_utc (9999, 12, 31, 12, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_new_utc (1, 1, 1, 12, 0, 0);
  UpskillWindow *window;

  close_window (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data ("/com/example/Upskill/data/samples/li-wei.json", 0, NULL);
      g_autofree char *id_member = g_strdup_printf ("\"id\": \"%s\"", files[i].id);
      g_autofree char *time_member = g_strdup_printf ("\"%s\": \"%s\"", files[i].member, files[i].value);
      g_autoptr(GString) json = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_autofree char *path = profile_path (fixture, files[i].id);

      g_assert_cmpuint (g_string_replace (json, "\"id\": \"li-wei\"", id_member, 1), ==, 1);
      g_assert_cmpuint (g_string_replace (json, "\"time\": \"2026-04-06T10:30:00Z\"", time_member, 1), ==, 1);
      g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
    }
  fixture->window = window = open_window (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      UpskillProfileItem *item = upskill_window_find_item (window, files[i].id, NULL);
      g_autofree char *expected = g_strdup_printf ("Could not read “%s.json”: history item 1: “time”: “%s” is not between the years 1900 and 2200",
                                                   files[i].id, files[i].value);

      g_assert_nonnull (item);
      g_assert_cmpstr (upskill_profile_item_get_error (item), ==, expected);

      upskill_window_select (window, files[i].id);
      WAIT_UNTIL (window_ready (window) &&
                  g_strcmp0 (gtk_stack_get_visible_child_name (window->content_stack), "unreadable") == 0);
      g_assert_cmpstr (adw_status_page_get_description (window->unreadable_page), ==, expected);
    }

  /* Changes dated at both ends of the calendar, and a plan that needs
   * thousands of years at 0.1 hours a week. */
  profile = upskill_test_load_sample ("li-wei");
  upskill_profile_set_id (profile, "far-dates");
  upskill_profile_set_weekly_hours (profile, 0.1);
  g_assert_true (upskill_profile_set_level (profile, "sql", 5, "Self-assessment",
                                            g_date_time_to_unix (end)));
  g_assert_true (upskill_profile_set_level (profile, "python-core", 5, "Self-assessment",
                                            g_date_time_to_unix (start)));
  upskill_window_add_profile (window, profile, FALSE);
  WAIT_UNTIL (showing (window, "far-dates"));
  show_every_page (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = profile_path (fixture, files[i].id);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, files[i].value));
    }
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  fragment)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), fragment) != NULL;
}

/* The text of the first label under @widget that contains @fragment. */
static const char *
find_label_text (GtkWidget  *widget,
                 const char *fragment)
{
  GtkWidget *label = upskill_test_find_widget (widget, is_label_containing, fragment);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* A failed save says once what could not be done, naming the file ("Could
 * not save “Dana Okafor”: Could not save “dana-okafor.json”: …" before). */
static void
test_save_error_message (Fixture       *fixture,
                         gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;
  g_autofree char *path = profile_path (fixture, "dana-okafor");
  const char *text;

  upskill_test_window_select (window, "dana-okafor");

  /* Something else takes the file's place: it is left untouched. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  upskill_profile_set_name (upskill_window_get_profile (window), "Dana O.");
  upskill_window_flush_save (window);
  WAIT_UNTIL (!upskill_window_is_busy (window) &&
              (text = find_label_text (GTK_WIDGET (window), "Could not")) != NULL);

  g_assert_cmpstr (text, ==,
                   "Could not save “dana-okafor.json”: the file already there could not be read, "
                   "so it is left untouched. Could not read “dana-okafor.json”: it is a folder, "
                   "not a profile file");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (g_rmdir (path), ==, 0);

  /* The file is gone now: closing does not bring it back unasked
   * (it would ask); Restore does. */
  WAIT_UNTIL (upskill_conflict_bar_get_kind (UPSKILL_CONFLICT_BAR (window->conflict_bar)) ==
              UPSKILL_CONFLICT_DELETED);
  g_signal_emit_by_name (window->conflict_bar, "resolve", UPSKILL_CONFLICT_CHOICE_RESTORE);
  WAIT_UNTIL (!upskill_window_is_busy (window) && upskill_test_profile_file_exists (fixture->profiles_dir, "dana-okafor"));
}

/* Creating a profile when the profiles folder is a file: a message, at
 * once (the window used to freeze choosing ids for ever). */
static void
test_new_profile_unusable_folder (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  UpskillProfileDialog *dialog;
  g_autofree char *expected = NULL;
  const char *text;

  close_window (fixture);
  g_assert_cmpint (g_rmdir (fixture->profiles_dir), ==, 0);
  g_assert_true (g_file_set_contents (fixture->profiles_dir, "not a folder", -1, NULL));
  fixture->window = open_window (fixture);
  expected = g_strdup_printf ("Could not add a profile to the folder “%s”: %s",
                              fixture->profiles_dir, g_strerror (ENOTDIR));

  activate (fixture, "new-profile", NULL);
  WAIT_UNTIL ((dialog = (UpskillProfileDialog *) upskill_test_find_window (UPSKILL_TYPE_PROFILE_DIALOG)) != NULL);
  upskill_profile_dialog_set_name (dialog, "Ada Lovelace");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "profile.apply", NULL));

  WAIT_UNTIL ((text = find_label_text (GTK_WIDGET (fixture->window), "add a profile")) != NULL);
  g_assert_cmpstr (text, ==, expected);
  g_assert_null (upskill_window_get_profile (fixture->window));

  close_window (fixture);
  g_assert_cmpint (g_unlink (fixture->profiles_dir), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->profiles_dir, 0700), ==, 0);
}

/* A file whose name is not valid UTF-8 is listed and explained without a
 * GTK or Pango warning (fatal here), also once selected and remembered. */
static void
test_non_utf8_file_name (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->profiles_dir, "caf\xe9.json", NULL);
  UpskillProfileItem *item;
  UpskillWindow *window;

  close_window (fixture);
  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));
  fixture->window = window = open_window (fixture);

  g_assert_cmpuint (n_visible (fixture), ==, 4);
  item = upskill_window_find_item (window, "caf\xe9", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (upskill_profile_item_get_name (item), ==, "caf\xef\xbf\xbd.json");
  g_assert_true (g_utf8_validate (upskill_profile_item_get_error (item), -1, NULL));
  upskill_test_wait_for_frames (GTK_WIDGET (window), 3);

  upskill_window_select (window, "caf\xe9");
  WAIT_UNTIL (window_ready (window) &&
              g_strcmp0 (gtk_stack_get_visible_child_name (window->content_stack), "unreadable") == 0);
  upskill_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_nonnull (strstr (gtk_label_get_text (window->unreadable_file_label), "caf\xef\xbf\xbd.json"));
  g_assert_cmpstr (adw_status_page_get_description (window->unreadable_page), ==,
                   "Could not read “caf\xef\xbf\xbd.json”: the file name is not a profile id "
                   "(up to 64 lowercase letters, digits and dashes)");

  close_window (fixture);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Imports @path, which holds a profile already here, and answers the
 * dialog that asks what to do with @response. */
static void
import_choosing (Fixture    *fixture,
                 const char *path,
                 const char *response)
{
  AdwMessageDialog *dialog = NULL;

  activate (fixture, "import-profile-from", g_variant_new_string (path));
  WAIT_UNTIL ((dialog = (AdwMessageDialog *) upskill_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“Dana Okafor” Is Already Here");
  g_assert_true (adw_message_dialog_has_response (dialog, "merge"));
  g_assert_true (adw_message_dialog_has_response (dialog, "replace"));
  g_assert_true (adw_message_dialog_has_response (dialog, "keep-both"));
  upskill_test_keep_png (GTK_WIDGET (dialog), "import-choice.png");
  upskill_test_respond (dialog, response);
}

static void
test_files (Fixture       *fixture,
            gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;
  g_autofree char *export_dir = g_build_filename (fixture->data_dir, "exports", NULL);
  g_autofree char *exported = g_build_filename (export_dir, "dana.json", NULL);
  g_autofree char *report = g_build_filename (export_dir, "dana.pdf", NULL);
  g_autofree char *pdf = NULL;
  gsize length;
  UpskillProfile *imported;
  guint n_notes;

  g_assert_cmpint (g_mkdir (export_dir, 0700), ==, 0);

  upskill_test_window_select (window, "dana-okafor");
  n_notes = upskill_profile_get_notes (upskill_window_get_profile (window))->len;

  activate (fixture, "export-profile-to", g_variant_new_string (exported));
  WAIT_UNTIL (g_file_test (exported, G_FILE_TEST_EXISTS));

  /* Changed here after the export. */
  upskill_profile_add_note (upskill_window_get_profile (window), 1780000000, "Written here after the export");
  g_assert_cmpuint (upskill_profile_get_notes (upskill_window_get_profile (window))->len, ==, n_notes + 1);

  /* Importing it back asks, never a silent second copy. Replace: the
   * file's version, one step to undo. */
  import_choosing (fixture, exported, "replace");
  WAIT_UNTIL (upskill_profile_get_notes (upskill_window_get_profile (window))->len == n_notes);
  g_assert_cmpstr (upskill_profile_get_id (upskill_window_get_profile (window)), ==, "dana-okafor");
  g_assert_cmpuint (n_visible (fixture), ==, 3);
  activate (fixture, "undo", NULL);
  g_assert_cmpuint (upskill_profile_get_notes (upskill_window_get_profile (window))->len, ==, n_notes + 1);

  /* Merge: what was written here stays, nothing is doubled. */
  import_choosing (fixture, exported, "merge");
  WAIT_UNTIL (!upskill_window_is_busy (window));
  g_assert_cmpuint (upskill_profile_get_notes (upskill_window_get_profile (window))->len, ==, n_notes + 1);
  g_assert_cmpuint (n_visible (fixture), ==, 3);

  /* Cancel: nothing. */
  import_choosing (fixture, exported, "cancel");
  g_assert_cmpuint (n_visible (fixture), ==, 3);

  /* Keep both: a second profile with its own id. */
  import_choosing (fixture, exported, "keep-both");
  WAIT_UNTIL (n_visible (fixture) == 4);
  imported = upskill_window_get_profile (window);
  g_assert_nonnull (imported);
  g_assert_cmpstr (upskill_profile_get_name (imported), ==, "Dana Okafor");
  g_assert_cmpstr (upskill_profile_get_id (imported), !=, "dana-okafor");
  g_assert_true (upskill_test_profile_file_exists (fixture->profiles_dir, upskill_profile_get_id (imported)));

  activate (fixture, "export-report-to", g_variant_new_string (report));
  WAIT_UNTIL (g_file_test (report, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (report, &pdf, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (pdf, "%PDF", 4) == 0);

  /* Through the file chooser, as from the menu. */
  if (upskill_test_can_open_file_chooser ())
    {
      g_autofree char *chosen = g_build_filename (export_dir, "chosen.json", NULL);

      activate (fixture, "export-profile", NULL);
      WAIT_UNTIL (upskill_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
      upskill_test_save_with_chooser (chosen);
      WAIT_UNTIL (g_file_test (chosen, G_FILE_TEST_EXISTS));
      g_assert_null (upskill_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
    }

  /* A file that is no profile is refused, in words. */
  activate (fixture, "import-profile-from", g_variant_new_string (report));
  WAIT_UNTIL (!upskill_window_is_busy (window));
  g_assert_cmpuint (n_visible (fixture), ==, 4);
}

static gboolean
pdf_complete (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 1000 &&
         g_strstr_len (contents + length - MIN (length, 64), MIN (length, 64), "%%EOF") != NULL;
}

/* Ctrl+P prints the report's own pages: the same drawing code lays them
 * out for the print context, page for page as in the PDF. */
static void
test_print (Fixture       *fixture,
            gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;
  g_autofree char *printed = g_build_filename (fixture->data_dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (fixture->data_dir, "exported.pdf", NULL);
  g_autofree char *printed_info = NULL;
  g_autofree char *exported_info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *qpdf = NULL;

  upskill_test_window_select (window, "dana-okafor");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "print"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));

  activate (fixture, "print-to", g_variant_new_string (printed));
  WAIT_UNTIL (pdf_complete (printed));
  activate (fixture, "export-report-to", g_variant_new_string (exported));
  WAIT_UNTIL (pdf_complete (exported));

  if (!upskill_test_have_poppler ())
    return;
  printed_info = upskill_test_pdf_info (printed);
  exported_info = upskill_test_pdf_info (exported);
  {
    const char *printed_pages = strstr (printed_info, "Pages:");
    const char *exported_pages = strstr (exported_info, "Pages:");

    g_assert_nonnull (printed_pages);
    g_assert_nonnull (exported_pages);
    g_assert_cmpint (strcspn (printed_pages, "\n"), ==, strcspn (exported_pages, "\n"));
    g_assert_true (strncmp (printed_pages, exported_pages, strcspn (exported_pages, "\n")) == 0);
  }
  text = upskill_test_pdf_text (printed);
  g_assert_nonnull (strstr (text, "Dana Okafor"));

  /* Printed to a file, it is as whole as the exported one. */
  qpdf = g_find_program_in_path ("qpdf");
  if (qpdf != NULL)
    {
      const char *argv[] = { "qpdf", "--check", printed, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL) || strstr (out, "WARNING") || strstr (err, "WARNING"))
        g_error ("qpdf --check %s:\n%s%s", printed, out, err);
    }
  g_assert_nonnull (strstr (text, "Learning path"));
  g_assert_nonnull (strstr (text, "Page 2 of"));
}

static void
test_state_remembered (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last_profile = NULL;
  g_autofree char *last_page = NULL;

  upskill_test_window_select (fixture->window, "maria-gonzalez");
  activate (fixture, "show-page", g_variant_new_string ("progress"));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);

  close_window (fixture);

  last_profile = g_settings_get_string (settings, "last-profile");
  last_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last_profile, ==, "maria-gonzalez");
  g_assert_cmpstr (last_page, ==, "progress");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);

  /* The next window opens where this one was. */
  fixture->window = open_window (fixture);
  WAIT_UNTIL (showing (fixture->window, "maria-gonzalez"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->window->view_stack), ==, "progress");
}

/* The window's shortcuts are its class's, the application's only its
 * own; the shortcuts window lists every one of them. */
static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkApplication *application = GTK_APPLICATION (fixture->application);
  GtkWidget *overlay;
  static const struct {
    const char *action;
    const char *target;
    const char *accel;
  } expected[] = {
    { "win.new-profile", NULL, "<Control>n" },
    { "win.search", NULL, "<Control>f" },
    { "win.import-profile", NULL, "<Control>o" },
    { "win.export-report", NULL, "<Control>e" },
    { "win.print", NULL, "<Control>p" },
    { "win.undo", NULL, "<Control>z" },
    { "win.show-clients", NULL, "<Control><Shift>c" },
    { "win.show-page", "trends", "<Alt>1" },
    { "win.show-page", "skills", "<Alt>2" },
    { "win.show-page", "plan", "<Alt>3" },
    { "win.show-page", "progress", "<Alt>4" },
    { "app.preferences", NULL, "<Control>comma" },
    { "win.show-help-overlay", NULL, "<Control>question" },
    { "app.quit", NULL, "<Control>q" },
  };

  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  g_assert_nonnull (overlay);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *name = expected[i].action;
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (application, name);
      g_autofree char *shortcut = NULL;
      guint keyval, expected_keyval;
      GdkModifierType modifiers, expected_modifiers;

      /* Set by GTK from the resources, not by us. */
      if (g_str_equal (name, "win.show-help-overlay"))
        {
          g_assert_true (g_strv_contains ((const char * const *) accels, expected[i].accel));
          continue;
        }

      if (g_str_has_prefix (name, "app."))
        {
          g_assert_true (g_strv_contains ((const char * const *) accels, expected[i].accel));
          g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), name + 4));
          continue;
        }

      /* The window's: in its class, and no longer the application's. */
      g_assert_cmpuint (g_strv_length (accels), ==, 0);
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->window), name + 4));
      shortcut = upskill_test_dup_shortcut (GTK_WIDGET (fixture->window), name,
                                            expected[i].target ? g_variant_new_string (expected[i].target) : NULL);
      g_assert_nonnull (shortcut);
      g_assert_true (gtk_accelerator_parse (shortcut, &keyval, &modifiers));
      g_assert_true (gtk_accelerator_parse (expected[i].accel, &expected_keyval, &expected_modifiers));
      g_assert_cmpuint (gdk_keyval_to_lower (keyval), ==, gdk_keyval_to_lower (expected_keyval));
      g_assert_cmpuint (modifiers, ==, expected_modifiers);

      g_assert_true (upskill_test_overlay_lists (overlay, shortcut));
    }

  /* Alt+2 */
  activate (fixture, "show-page", g_variant_new_string ("skills"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->window->view_stack), ==, "skills");
}

static void
test_dialogs_open (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWindow *preferences;
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "preferences", NULL);
  WAIT_UNTIL ((preferences = upskill_test_find_window (ADW_TYPE_PREFERENCES_WINDOW)) != NULL);
  gtk_window_close (preferences);
  WAIT_UNTIL (upskill_test_find_window (ADW_TYPE_PREFERENCES_WINDOW) == NULL);

#ifndef __SANITIZE_ADDRESS__
  /* libadwaita 1.2 loses 16 KiB once an AdwAboutWindow is made in a
   * process that has shown an AdwEntryRow, which LeakSanitizer's fast
   * unwinder cannot tell from a leak of ours: checked without it. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "about", NULL);
  WAIT_UNTIL ((about = upskill_test_find_window (ADW_TYPE_ABOUT_WINDOW)) != NULL);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), "14,000 Layoffs"));
  gtk_window_close (about);
  WAIT_UNTIL (upskill_test_find_window (ADW_TYPE_ABOUT_WINDOW) == NULL);
#else
  (void) about;
#endif

  activate (fixture, "show-help-overlay", NULL);
  WAIT_UNTIL (upskill_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW) != NULL);
  gtk_window_close (upskill_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW));

  /* A file chooser still open when the window closes goes with it. */
  if (upskill_test_can_open_file_chooser ())
    {
      activate (fixture, "import-profile", NULL);
      WAIT_UNTIL (upskill_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
      close_window (fixture);
      g_assert_null (upskill_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
    }
}

/* Rendering */

static void
screenshot (Fixture    *fixture,
            const char *dir,
            const char *name,
            int         width,
            int         height,
            gboolean    dark)
{
  upskill_test_window_reopen (fixture, width, height, dark);
  upskill_test_window_select (fixture->window, "dana-okafor");
  upskill_window_show_page (fixture->window, "skills");
  upskill_test_window_save_screenshot (fixture, dir, name, width, height);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  int width, height;
  const char *dir = upskill_test_window_screenshot_dir (fixture, &width, &height);

  screenshot (fixture, dir, "window-light.png", width, height, FALSE);
  screenshot (fixture, dir, "window-dark.png", width, height, TRUE);
  screenshot (fixture, dir, "window-narrow.png", 400, height, FALSE);
  screenshot (fixture, dir, "window-narrow-dark.png", 400, height, TRUE);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_narrow_navigation (Fixture       *fixture,
                        gconstpointer  user_data)
{
  UpskillWindow *window;

  close_window (fixture);
  fixture->window = window = upskill_window_new (fixture->application);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (window_ready (window) && upskill_window_get_profile (window) != NULL);
  WAIT_UNTIL (adw_leaflet_get_folded (window->leaflet));

  /* Opens on the profile; back goes to the list, activating a row
   * comes back. */
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "content");
  activate (fixture, "show-sidebar", NULL);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "sidebar");
  g_signal_emit_by_name (window->list_view, "activate", 1);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "content");
  WAIT_UNTIL (window_ready (window));

  /* Back and forth, letting each transition run to its end: under
   * LeakSanitizer this also checks that no frame of the animation leaks
   * what it drew (GTK 4.8 drops nodes clipped to an empty rectangle, which
   * the leaflet's default transition makes on its first and last frames). */
  for (guint i = 0; i < 10; i++)
    {
      activate (fixture, "show-sidebar", NULL);
      g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "sidebar");
      WAIT_UNTIL (!adw_leaflet_get_child_transition_running (window->leaflet));
      g_signal_emit_by_name (window->list_view, "activate", i % 3);
      g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "content");
      WAIT_UNTIL (!adw_leaflet_get_child_transition_running (window->leaflet) && window_ready (window));
    }

  /* Alt+1 from the list shows the page. */
  activate (fixture, "show-sidebar", NULL);
  activate (fixture, "show-page", g_variant_new_string ("trends"));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "content");
}


/* The "Weight of market trends" preference reaches the ranking: the
 * trends every page ranks with follow it, and the pages are told. */
static void
test_trend_weight (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  UpskillTrends *trends = upskill_application_get_trends (fixture->application);

  g_assert_nonnull (trends);
  g_assert_cmpint (upskill_trends_get_weight (trends), ==, UPSKILL_TREND_WEIGHT_SOME);

  g_settings_set_string (settings, "trend-weight", "strong");
  upskill_test_iterate ();
  g_assert_cmpint (upskill_trends_get_weight (trends), ==, UPSKILL_TREND_WEIGHT_STRONG);

  g_settings_set_string (settings, "trend-weight", "none");
  upskill_test_iterate ();
  g_assert_cmpint (upskill_trends_get_weight (trends), ==, UPSKILL_TREND_WEIGHT_NONE);

  g_settings_reset (settings, "trend-weight");
  upskill_test_iterate ();
  g_assert_cmpint (upskill_trends_get_weight (trends), ==, UPSKILL_TREND_WEIGHT_SOME);
}

static const char *
progress_text (GtkWidget  *page,
               const char *name)
{
  return gtk_label_get_text (upskill_test_template_child (page, UPSKILL_TYPE_PROGRESS_PAGE, name));
}

/* The page in view comes first; the others catch up once the window has
 * painted and is idle, without being shown, so that the first switch to
 * them finds them built, showing the profile as it is by then. */
static void
test_pages_catch_up (Fixture       *fixture,
                     gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;
  GtkSpinButton *weekly_hours;
  g_autoptr(GtkWidget) reference = NULL;
  UpskillProfile *profile;

  WAIT_UNTIL (showing (window, "dana-okafor"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "skills");

  /* Changed while the plan page is out of view. */
  profile = upskill_window_get_profile (window);
  upskill_profile_set_weekly_hours (profile, 7.5);
  weekly_hours = upskill_test_template_child (window->plan_page, UPSKILL_TYPE_PLAN_PAGE, "weekly_hours_spin");
  WAIT_UNTIL (G_APPROX_VALUE (gtk_spin_button_get_value (weekly_hours), 7.5, 0.001));
  g_assert_false (gtk_widget_get_child_visible (window->plan_page));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "skills");

  /* Another profile chosen while the progress page was never shown: it
   * shows the same as a page given that profile on its own. */
  upskill_test_window_select (window, "li-wei");
  reference = g_object_ref_sink (g_object_new (UPSKILL_TYPE_PROGRESS_PAGE,
                                               "catalog", upskill_application_get_catalog (fixture->application),
                                               "trends", upskill_application_get_trends (fixture->application),
                                               "profile", upskill_window_get_profile (window),
                                               NULL));
  g_assert_cmpstr (progress_text (reference, "readiness_label"), !=, "");
  WAIT_UNTIL (g_strcmp0 (progress_text (window->progress_page, "readiness_label"),
                         progress_text (reference, "readiness_label")) == 0);
  g_assert_false (gtk_widget_get_child_visible (window->progress_page));
  g_assert_cmpstr (progress_text (window->progress_page, "since_label"), ==,
                   progress_text (reference, "since_label"));

  activate (fixture, "show-page", g_variant_new_string ("progress"));
  upskill_test_iterate ();
  g_assert_cmpstr (progress_text (window->progress_page, "readiness_label"), ==,
                   progress_text (reference, "readiness_label"));
}

static gboolean
is_area_button (GtkWidget     *widget,
                gconstpointer  area_id)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "area-id"), area_id) == 0;
}

static void
on_other_destroyed (GtkWidget *widget,
                    gboolean  *destroyed)
{
  *destroyed = TRUE;
}

/* The application tells its windows what a check of the trend feed
 * found (a signal: it knows nothing of the window); the window shows it,
 * as written. A second window stays quiet: the news is said once. */
static void
test_feed_news (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *message = "The feed at <example.org> answered “404 Not Found”";
  UpskillWindow *other = upskill_window_new (fixture->application);
  GtkWindow *active;
  GtkWidget *told, *quiet;
  gboolean destroyed = FALSE;

  gtk_window_present (GTK_WINDOW (other));
  WAIT_UNTIL (window_ready (other));
  g_signal_emit_by_name (fixture->application, "feed-failed", message);
  WAIT_UNTIL (upskill_test_find_label (GTK_WIDGET (fixture->window), message) != NULL ||
              upskill_test_find_label (GTK_WIDGET (other), message) != NULL);

  /* The application's active window. */
  active = gtk_application_get_active_window (GTK_APPLICATION (fixture->application));
  g_assert_true (active == GTK_WINDOW (fixture->window) || active == GTK_WINDOW (other));
  told = GTK_WIDGET (active);
  quiet = active == GTK_WINDOW (other) ? GTK_WIDGET (fixture->window) : GTK_WIDGET (other);
  g_assert_nonnull (upskill_test_find_label (told, message));
  g_assert_null (upskill_test_find_label (quiet, message));

  g_signal_connect (other, "destroy", G_CALLBACK (on_other_destroyed), &destroyed);
  gtk_window_close (GTK_WINDOW (other));
  WAIT_UNTIL (destroyed);
}

/* An area's card on the Trends page opens that area on the Skills page:
 * the window's template connects the page's "area-activated". */
static void
test_area_opens_skills (Fixture       *fixture,
                        gconstpointer  data)
{
  UpskillWindow *window = fixture->window;
  GtkWidget *button;

  upskill_test_window_select (window, "maria-gonzalez");
  activate (fixture, "show-page", g_variant_new_string ("trends"));
  WAIT_UNTIL ((button = upskill_test_find_widget (window->trends_page, is_area_button, "python")) != NULL);

  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "skills");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Two groups, each run as a program of its own (tests/meson.build):
   * under AddressSanitizer, a 16 KiB block GTK or libadwaita allocates
   * (only g_malloc in its stack, as with the About window below) is
   * reported lost when tests of both groups run in one process, never
   * when each group runs alone. Not traced further yet. */
#define ADD(path, samples, func) \
  g_test_add ("/upskill/window/" path, Fixture, GINT_TO_POINTER (samples), \
              upskill_test_window_fixture_set_up, func, upskill_test_window_fixture_tear_down)
#define ADD_VIEWS(path, samples, func) \
  g_test_add ("/upskill/window-views/" path, Fixture, GINT_TO_POINTER (samples), \
              upskill_test_window_fixture_set_up, func, upskill_test_window_fixture_tear_down)

  ADD ("first-run", FALSE, test_first_run);
  ADD ("construct-properties", FALSE, test_construct_properties);
  ADD ("create-profile", FALSE, test_create_profile);
  ADD ("edit-and-duplicate", TRUE, test_edit_and_duplicate);
  ADD ("edit-tags", TRUE, test_edit_tags);
  ADD ("levels-evidence-undo", TRUE, test_levels_evidence_undo);
  ADD ("remove-note-step-undo", TRUE, test_remove_note_and_step_undo);
  ADD ("change-then-quit", TRUE, test_change_then_close);
  ADD ("search", TRUE, test_search);
  ADD ("delete-undo", TRUE, test_delete_undo);
  ADD ("delete-dismiss", TRUE, test_delete_dismiss);
  ADD ("delete-then-close", TRUE, test_delete_then_close);
  ADD ("title-names-profile", TRUE, test_title_names_profile);
  ADD ("search-keeps-selection-in-view", TRUE, test_search_keeps_selection_in_view);
  ADD ("long-list", TRUE, test_long_list);
  ADD ("archive-restore", TRUE, test_archive_restore);
  ADD ("unreadable-file", TRUE, test_unreadable);
  ADD ("odd-dates", TRUE, test_odd_dates);
  ADD ("save-error-message", TRUE, test_save_error_message);
  ADD ("new-profile-unusable-folder", FALSE, test_new_profile_unusable_folder);
  ADD ("non-utf8-file-name", TRUE, test_non_utf8_file_name);
  ADD ("export-import", TRUE, test_files);
  ADD ("export-modes", TRUE, test_export_modes);
  ADD ("report-options", TRUE, test_report_options);
  ADD_VIEWS ("print", TRUE, test_print);
  ADD_VIEWS ("state-remembered", TRUE, test_state_remembered);
  ADD_VIEWS ("shortcuts", TRUE, test_shortcuts);
  ADD_VIEWS ("dialogs", TRUE, test_dialogs_open);
  ADD_VIEWS ("narrow", TRUE, test_narrow_navigation);
  ADD_VIEWS ("render", TRUE, test_render);
  ADD_VIEWS ("trend-weight", FALSE, test_trend_weight);
  ADD_VIEWS ("pages-catch-up", TRUE, test_pages_catch_up);
  ADD_VIEWS ("area-opens-skills", TRUE, test_area_opens_skills);
  ADD_VIEWS ("feed-news", FALSE, test_feed_news);

#undef ADD
#undef ADD_VIEWS

  return g_test_run ();
}
