/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "upskill-catalog.h"
#include "upskill-evidence-dialog.h"
#include "upskill-profile.h"
#include "upskill-radar-chart.h"
#include "upskill-readiness.h"
#include "upskill-report.h"
#include "upskill-level.h"
#include "upskill-skill-row.h"
#include "upskill-skills-page.h"
#include "upskill-test-ui.h"
#include "upskill-trends.h"

/* A page showing Dana's sample profile, in a window. */
typedef UpskillTestPage Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  upskill_test_page_set_up (fixture, UPSKILL_TYPE_SKILLS_PAGE, TRUE, 1000, 800);
}

/* Widgets */

static UpskillSkillRow *
get_row (Fixture    *fixture,
         const char *skill_id)
{
  GtkWidget *row = upskill_test_find_skill_row (GTK_WIDGET (fixture->page), skill_id);

  g_assert_nonnull (row);
  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      upskill_test_wait_ms (50);
    }

  return UPSKILL_SKILL_ROW (row);
}

static gboolean
has_buildable_id (GtkWidget     *widget,
                  gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

/* A widget of the row's header (its template) or, once the row has been
 * expanded, of its details (built from their own file then). */
static gpointer
row_child (UpskillSkillRow *row,
           const char      *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (row), UPSKILL_TYPE_SKILL_ROW, name);

  if (child == NULL)
    child = G_OBJECT (upskill_test_find_widget (GTK_WIDGET (row), has_buildable_id, name));
  g_assert_nonnull (child);
  return child;
}

static GtkWidget *
level_button (UpskillSkillRow *row,
              guint            level)
{
  /* The names when there is room, else the numbers: what the user sees. */
  GtkWidget *box = adw_squeezer_get_visible_child (row_child (row, "level_squeezer"));
  GtkWidget *button = gtk_widget_get_first_child (box);

  for (guint i = 0; i < level; i++)
    button = gtk_widget_get_next_sibling (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));

  return button;
}

/* What a mouse click does. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  upskill_test_iterate ();
}

static void
click_level (UpskillSkillRow *row,
             guint            level)
{
  click (level_button (row, level));
}

/* What Space or Enter does: GtkButton shows the press, then clicks. */
static void
press_key_on (GtkWidget *button)
{
  gtk_widget_grab_focus (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_activate (button));
  upskill_test_wait_ms (400);
}

static const char *
gap_text (UpskillSkillRow *row)
{
  return gtk_label_get_text (row_child (row, "gap_label"));
}

static gboolean
warning_shown (UpskillSkillRow *row)
{
  gboolean in_row = gtk_widget_get_visible (row_child (row, "warning_row"));
  /* The header's icon keeps its place: shown or transparent. */
  gboolean in_header = gtk_widget_get_opacity (row_child (row, "warning_icon")) > 0;

  g_assert_cmpint (in_row, ==, in_header);
  return in_row;
}

static void
type_in_dialog (UpskillEvidenceDialog *dialog,
                const char            *row_name,
                const char            *text)
{
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (dialog), UPSKILL_TYPE_EVIDENCE_DIALOG, row_name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  upskill_test_iterate ();
}

static void
close_dialog (UpskillEvidenceDialog *dialog,
              const char            *response)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  if (dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_close (GTK_WINDOW (dialog));
  upskill_test_iterate ();
  g_assert_null (dialog);
}

/* Adds evidence through the row's "Add…" button and the dialog. */
static void
add_evidence (UpskillSkillRow *row,
              const char      *note,
              const char      *link)
{
  UpskillEvidenceDialog *dialog;

  click (row_child (row, "add_evidence_button"));
  dialog = UPSKILL_EVIDENCE_DIALOG (upskill_test_find_window (UPSKILL_TYPE_EVIDENCE_DIALOG));
  g_assert_nonnull (dialog);
  type_in_dialog (dialog, "note_row", note);
  type_in_dialog (dialog, "link_row", link != NULL ? link : "");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  close_dialog (dialog, "save");
}

/* Tests */

static void
test_empty (void)
{
  UpskillSkillsPage *page = g_object_new (UPSKILL_TYPE_SKILLS_PAGE,
                                          "catalog", upskill_catalog_get_default (),
                                          NULL);
  GtkStack *stack;

  g_object_ref_sink (page);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), UPSKILL_TYPE_SKILLS_PAGE, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (stack)));
  g_assert_finalize_object (page);
}

static void
test_profile_switch (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                              UPSKILL_TYPE_SKILLS_PAGE, "stack"));
  UpskillProfile *other = upskill_test_load_sample ("li-wei");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "skills");

  upskill_skills_page_set_profile (UPSKILL_SKILLS_PAGE (fixture->page), other);
  g_assert_true (upskill_skill_row_get_profile (get_row (fixture, "pytorch")) == other);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "skills");

  upskill_skills_page_set_profile (UPSKILL_SKILLS_PAGE (fixture->page), NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  /* The page let go of it, and of its "changed" signal. */
  g_assert_finalize_object (other);

  upskill_skills_page_set_profile (UPSKILL_SKILLS_PAGE (fixture->page), fixture->sample.profile);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "skills");
}

static void
test_set_level (Fixture       *fixture,
                gconstpointer  user_data)
{
  UpskillSkillRow *row = get_row (fixture, "python-packaging-testing");
  GPtrArray *history = upskill_profile_get_history (fixture->sample.profile);
  guint n_history = history->len;
  UpskillHistoryEntry *entry;
  GtkLabel *readiness_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                        UPSKILL_TYPE_SKILLS_PAGE,
                                                                        "readiness_label"));
  g_autofree char *readiness_before = g_strdup (gtk_label_get_text (readiness_label));

  g_assert_cmpuint (upskill_profile_get_level (fixture->sample.profile, "python-packaging-testing"), ==, 2);
  g_assert_cmpstr (gap_text (row), ==, "Gap: 2 levels");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (level_button (row, 2))));
  g_assert_false (warning_shown (row));

  /* The user moves through the levels with the keyboard: the focus stays. */
  press_key_on (level_button (row, 3));

  g_assert_cmpuint (upskill_profile_get_level (fixture->sample.profile, "python-packaging-testing"), ==, 3);
  g_assert_cmpuint (history->len, ==, n_history + 1);
  entry = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (entry->skill_id, ==, "python-packaging-testing");
  g_assert_cmpuint (entry->from, ==, 2);
  g_assert_cmpuint (entry->to, ==, 3);
  g_assert_cmpstr (entry->source, ==, "Self-assessment");

  g_assert_cmpstr (gap_text (row), ==, "Gap: 1 level");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (level_button (row, 3))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (level_button (row, 2))));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == level_button (row, 3));
  g_assert_true (upskill_test_find_label (GTK_WIDGET (row),
                                         "Competent: You deliver real work with it independently and can plan how to approach a problem.") != NULL);
  /* Competent without evidence: the gentle warning. */
  g_assert_true (warning_shown (row));
  /* The header followed. */
  g_assert_cmpstr (gtk_label_get_text (readiness_label), !=, readiness_before);

  /* Clicking the active level again changes nothing. */
  click_level (row, 3);
  g_assert_cmpuint (history->len, ==, n_history + 1);

  /* A burst of clicks on one skill is one change, from the first old
   * level to the last new one... */
  click_level (row, 4);
  g_assert_cmpstr (gap_text (row), ==, "Target met");
  g_assert_true (warning_shown (row));
  g_assert_cmpuint (history->len, ==, n_history + 1);
  entry = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpuint (entry->from, ==, 2);
  g_assert_cmpuint (entry->to, ==, 4);

  /* ...and back where it started, none at all. */
  click_level (row, 2);
  g_assert_cmpstr (gap_text (row), ==, "Gap: 2 levels");
  g_assert_false (warning_shown (row));
  g_assert_cmpuint (history->len, ==, n_history);

  /* The keyboard path: the same buttons through the row's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "skill.level", "u", 5));
  upskill_test_iterate ();
  g_assert_cmpuint (upskill_profile_get_level (fixture->sample.profile, "python-packaging-testing"), ==, 5);
}

typedef struct
{
  guint           keyval;
  GdkModifierType modifiers;
} KeyPress;

static gboolean
activate_if_bound (GtkWidget   *widget,
                   GtkShortcut *shortcut,
                   gpointer     data)
{
  const KeyPress *key = data;
  GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == key->keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == key->modifiers &&
         gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                       widget, gtk_shortcut_get_arguments (shortcut));
}

/* A key pressed with the focus on @focus, as GTK delivers it to the
 * class shortcuts of the focus widget and then of each ancestor in turn
 * (GTK 4 offers no way to synthesize a key event). */
static void
press_key (GtkWidget       *focus,
           guint            keyval,
           GdkModifierType  modifiers)
{
  KeyPress key = { keyval, modifiers };

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (upskill_test_foreach_shortcut (widget, activate_if_bound, &key))
      {
        upskill_test_flush ();
        return;
      }

  g_error ("No shortcut for key %s took the key", gdk_keyval_name (keyval));
}

static GtkWidget *
focused_skill_row (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  g_assert_nonnull (focus);
  return gtk_widget_get_ancestor (focus, UPSKILL_TYPE_SKILL_ROW);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (UPSKILL_IS_SKILL_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static void
test_keyboard_rating (Fixture       *fixture,
                      gconstpointer  user_data)
{
  UpskillSkillRow *row = get_row (fixture, "python-packaging-testing");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint index;

  collect_rows (GTK_WIDGET (fixture->page), rows);
  g_assert_true (g_ptr_array_find (rows, row, &index));
  g_assert_cmpuint (index, >, 0);
  g_assert_cmpuint (index + 1, <, rows->len);

  /* Tab to the row: its header has the focus. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD));
  g_assert_true (focused_skill_row (fixture) == GTK_WIDGET (row));

  /* 4, then 0 on the keypad: the level, and the focus stays. */
  press_key (gtk_root_get_focus (GTK_ROOT (fixture->window)), GDK_KEY_4, 0);
  g_assert_cmpuint (upskill_profile_get_level (fixture->sample.profile, "python-packaging-testing"), ==, 4);
  g_assert_true (focused_skill_row (fixture) == GTK_WIDGET (row));
  press_key (gtk_root_get_focus (GTK_ROOT (fixture->window)), GDK_KEY_KP_0, 0);
  g_assert_cmpuint (upskill_profile_get_level (fixture->sample.profile, "python-packaging-testing"), ==, 0);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (level_button (row, 0))));

  /* Alt+Down, Alt+Up: the next skill, then back. */
  press_key (gtk_root_get_focus (GTK_ROOT (fixture->window)), GDK_KEY_Down, GDK_ALT_MASK);
  g_assert_true (focused_skill_row (fixture) == g_ptr_array_index (rows, index + 1));
  press_key (gtk_root_get_focus (GTK_ROOT (fixture->window)), GDK_KEY_Up, GDK_ALT_MASK);
  press_key (gtk_root_get_focus (GTK_ROOT (fixture->window)), GDK_KEY_Up, GDK_ALT_MASK);
  g_assert_true (focused_skill_row (fixture) == g_ptr_array_index (rows, index - 1));

  /* With the focus on a level button inside the row, too. */
  gtk_widget_grab_focus (level_button (row, 2));
  press_key (level_button (row, 2), GDK_KEY_5, 0);
  g_assert_cmpuint (upskill_profile_get_level (fixture->sample.profile, "python-packaging-testing"), ==, 5);
}

static void
bounds_in_window (Fixture          *fixture,
                  GtkWidget        *widget,
                  graphene_rect_t  *bounds)
{
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->window), bounds));
}

/* Rating a skill does not move what is under the pointer: the header
 * keeps its layout (the gap pill its width, the evidence warning its
 * place), so the level buttons stay where they were. */
static void
test_rating_keeps_layout (Fixture       *fixture,
                          gconstpointer  user_data)
{
  UpskillSkillRow *row = get_row (fixture, "python-packaging-testing");
  GtkWidget *gap = GTK_WIDGET (row_child (row, "gap_label"));
  graphene_rect_t gap_before, gap_after, button_before, button_after;

  upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 2);
  g_assert_false (warning_shown (row));
  bounds_in_window (fixture, gap, &gap_before);
  bounds_in_window (fixture, level_button (row, 4), &button_before);

  /* Gap → "Target met", and the evidence warning appears. */
  click_level (row, 4);
  upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 2);
  g_assert_cmpstr (gap_text (row), ==, "Target met");
  g_assert_true (warning_shown (row));
  bounds_in_window (fixture, gap, &gap_after);
  bounds_in_window (fixture, level_button (row, 4), &button_after);

  g_assert_cmpfloat (gap_after.size.width, ==, gap_before.size.width);
  g_assert_cmpfloat (gap_after.origin.x, ==, gap_before.origin.x);
  g_assert_cmpfloat (button_after.origin.y, ==, button_before.origin.y);
  g_assert_cmpfloat (button_after.origin.x, ==, button_before.origin.x);
}

static void
test_evidence (Fixture       *fixture,
               gconstpointer  user_data)
{
  UpskillSkillRow *row = get_row (fixture, "sql");
  GPtrArray *evidence = upskill_profile_get_evidence (fixture->sample.profile, "sql");
  UpskillEvidenceDialog *dialog;
  UpskillEvidence *item;
  GtkWidget *remove_button;

  /* Dana rates SQL at Competent with nothing to show for it. */
  g_assert_cmpuint (upskill_profile_get_level (fixture->sample.profile, "sql"), ==, 3);
  g_assert_cmpuint (evidence->len, ==, 0);
  g_assert_true (warning_shown (row));

  /* The dialog validates the link and needs a note. */
  click (row_child (row, "add_evidence_button"));
  dialog = UPSKILL_EVIDENCE_DIALOG (upskill_test_find_window (UPSKILL_TYPE_EVIDENCE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  type_in_dialog (dialog, "note_row", "Query tuning at work");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  type_in_dialog (dialog, "link_row", "javascript:alert(1)");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  type_in_dialog (dialog, "link_row", "ftp://example.org/x");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  type_in_dialog (dialog, "link_row", "https://");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  type_in_dialog (dialog, "link_row", "https://example.org/sql-talk");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  /* Cancel leaves the profile alone. */
  close_dialog (dialog, "cancel");
  g_assert_cmpuint (evidence->len, ==, 0);
  g_assert_true (warning_shown (row));

  /* Text from the user stays text, never markup. */
  add_evidence (row, "Talk: <b>Indexes</b> & joins", "https://example.org/sql-talk");
  evidence = upskill_profile_get_evidence (fixture->sample.profile, "sql");
  g_assert_cmpuint (evidence->len, ==, 1);
  item = g_ptr_array_index (evidence, 0);
  g_assert_cmpstr (item->note, ==, "Talk: <b>Indexes</b> & joins");
  g_assert_cmpstr (item->link, ==, "https://example.org/sql-talk");
  g_assert_false (warning_shown (row));
  g_assert_nonnull (upskill_test_find_label (GTK_WIDGET (row), "Talk: <b>Indexes</b> & joins"));

  /* Edit it: the dialog comes filled in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "skill.edit-evidence", "u", 0));
  upskill_test_iterate ();
  dialog = UPSKILL_EVIDENCE_DIALOG (upskill_test_find_window (UPSKILL_TYPE_EVIDENCE_DIALOG));
  g_assert_nonnull (dialog);
  {
    g_autofree char *note = upskill_evidence_dialog_dup_note (dialog);
    g_assert_cmpstr (note, ==, "Talk: <b>Indexes</b> & joins");
  }
  type_in_dialog (dialog, "note_row", "Talk on indexes and joins");
  type_in_dialog (dialog, "link_row", "");
  close_dialog (dialog, "save");
  item = g_ptr_array_index (evidence, 0);
  g_assert_cmpstr (item->note, ==, "Talk on indexes and joins");
  g_assert_null (item->link);
  g_assert_nonnull (upskill_test_find_label (GTK_WIDGET (row), "Talk on indexes and joins"));

  add_evidence (row, "Data warehouse migration", NULL);
  g_assert_cmpuint (evidence->len, ==, 2);

  /* Remove both through the rows' trash buttons. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *evidence_row = GTK_WIDGET (upskill_test_find_label (GTK_WIDGET (row),
                                                                     i == 0 ? "Data warehouse migration"
                                                                            : "Talk on indexes and joins"));

      g_assert_nonnull (evidence_row);
      while (!ADW_IS_ACTION_ROW (evidence_row))
        evidence_row = gtk_widget_get_parent (evidence_row);
      remove_button = upskill_test_find_button_for_action (evidence_row, "skill.remove-evidence");
      g_assert_nonnull (remove_button);
      click (remove_button);
    }

  g_assert_cmpuint (upskill_profile_get_evidence (fixture->sample.profile, "sql")->len, ==, 0);
  g_assert_true (warning_shown (row));

  /* Below Competent, no evidence is asked for. */
  click_level (row, 2);
  g_assert_false (warning_shown (row));
}

static void
test_target_override (Fixture       *fixture,
                      gconstpointer  user_data)
{
  UpskillSkillRow *row = get_row (fixture, "ml-cicd");
  UpskillSkillRow *bedrock = get_row (fixture, "aws-bedrock");
  GtkDropDown *dropdown = row_child (row, "target_dropdown");
  GtkWidget *reset = row_child (row, "reset_target_button");

  g_assert_cmpint (upskill_profile_get_target_override (fixture->sample.profile, "ml-cicd"), ==, -1);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 3);
  g_assert_cmpstr (gap_text (row), ==, "Gap: 2 levels");
  g_assert_false (gtk_widget_get_visible (reset));
  g_assert_cmpstr (adw_action_row_get_subtitle (row_child (row, "target_row")), ==,
                   "Set by the target role, AI-augmented Software Engineer");

  gtk_drop_down_set_selected (dropdown, 5);
  upskill_test_iterate ();
  g_assert_cmpint (upskill_profile_get_target_override (fixture->sample.profile, "ml-cicd"), ==, 5);
  g_assert_cmpstr (gap_text (row), ==, "Gap: 4 levels");
  g_assert_true (gtk_widget_get_visible (reset));
  g_assert_cmpstr (adw_action_row_get_subtitle (row_child (row, "target_row")), ==,
                   "Your own target · AI-augmented Software Engineer asks for Competent");

  click (reset);
  g_assert_cmpint (upskill_profile_get_target_override (fixture->sample.profile, "ml-cicd"), ==, -1);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 3);
  g_assert_cmpstr (gap_text (row), ==, "Gap: 2 levels");
  g_assert_false (gtk_widget_get_visible (reset));

  /* Dana's own target for Bedrock (the role asks for 2); picking the
   * role's target again is the same as resetting. */
  g_assert_true (gtk_widget_get_visible (row_child (bedrock, "reset_target_button")));
  g_assert_cmpuint (gtk_drop_down_get_selected (row_child (bedrock, "target_dropdown")), ==, 3);
  gtk_drop_down_set_selected (row_child (bedrock, "target_dropdown"), 2);
  upskill_test_iterate ();
  g_assert_cmpint (upskill_profile_get_target_override (fixture->sample.profile, "aws-bedrock"), ==, -1);
  g_assert_cmpstr (gap_text (bedrock), ==, "Gap: 1 level");

  /* A new target role updates every row in place. */
  upskill_profile_set_target_role (fixture->sample.profile, "ml-engineer");
  upskill_test_iterate ();
  g_assert_true (get_row (fixture, "ml-cicd") == row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row_child (row, "target_row")), ==,
                   "Set by the target role, ML Engineer");
}

/* A collapsed row builds its details when first opened, and they show
 * what changed while it was closed: the level, the target, the warning. */
static void
test_details_on_expand (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkWidget *row = upskill_test_find_skill_row (GTK_WIDGET (fixture->page), "ml-cicd");
  GtkWidget *names;
  guint n_buttons;

  g_assert_nonnull (row);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_null (upskill_test_find_widget (row, has_buildable_id, "target_dropdown"));

  /* Closed, it still rates from the keyboard and says so in its header. */
  g_assert_true (gtk_widget_activate_action (row, "skill.level", "u", 4));
  upskill_profile_set_target_override (fixture->sample.profile, "ml-cicd", 5);
  upskill_test_iterate ();
  g_assert_cmpstr (gap_text (UPSKILL_SKILL_ROW (row)), ==, "Gap: 1 level");
  g_assert_cmpfloat (gtk_widget_get_opacity (row_child (UPSKILL_SKILL_ROW (row), "warning_icon")), >, 0);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  upskill_test_wait_ms (50);
  g_assert_cmpuint (gtk_drop_down_get_selected (row_child (UPSKILL_SKILL_ROW (row), "target_dropdown")), ==, 5);
  g_assert_true (gtk_widget_get_visible (row_child (UPSKILL_SKILL_ROW (row), "reset_target_button")));
  g_assert_true (warning_shown (UPSKILL_SKILL_ROW (row)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (row_child (UPSKILL_SKILL_ROW (row), "level_description_label")),
                                   "Proficient: "));
  /* One set of level buttons, the level set while closed pressed. */
  names = row_child (UPSKILL_SKILL_ROW (row), "level_names_box");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_last_child (names))) == FALSE);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_prev_sibling (gtk_widget_get_last_child (names)))));

  /* Closing and opening again builds nothing twice. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  upskill_test_iterate ();
  g_assert_true (upskill_test_find_widget (row, has_buildable_id, "target_dropdown") ==
                 row_child (UPSKILL_SKILL_ROW (row), "target_dropdown"));
  n_buttons = 0;
  for (GtkWidget *button = gtk_widget_get_first_child (names);
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    n_buttons++;
  g_assert_cmpuint (n_buttons, ==, UPSKILL_LEVEL_MAX + 1);
}

static const char *
row_subtitle (UpskillSkillRow *row)
{
  return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
}

/* Each rated skill says what its rating rests on, in its header (and so
 * to a screen reader) and beside an icon when open; one's own profile
 * has nobody to confirm it. */
static void
test_rating_basis (Fixture       *fixture,
                   gconstpointer  user_data)
{
  UpskillSkillRow *python = get_row (fixture, "python-core");
  UpskillSkillRow *sql = get_row (fixture, "sql");
  UpskillSkillRow *pytorch = get_row (fixture, "pytorch");

  g_assert_true (g_str_has_suffix (row_subtitle (python), " · Evidenced"));
  g_assert_true (g_str_has_suffix (row_subtitle (sql), " · Self-rated"));
  /* Not rated: nothing to rest on. */
  g_assert_null (strstr (row_subtitle (pytorch), "rated"));
  g_assert_false (gtk_widget_get_visible (row_child (pytorch, "basis_row")));

  g_assert_true (gtk_widget_get_visible (row_child (python, "basis_row")));
  g_assert_cmpstr (adw_preferences_row_get_title (row_child (python, "basis_row")), ==, "Evidenced");
  g_assert_cmpstr (gtk_image_get_icon_name (row_child (python, "basis_icon")), ==, "emblem-documents-symbolic");

  /* Dana's own profile: no confirming herself. */
  g_assert_false (gtk_widget_get_visible (row_child (python, "confirm_button")));
  gtk_widget_activate_action (GTK_WIDGET (python), "skill.confirm-rating", NULL);
  upskill_test_iterate ();
  g_assert_cmpint (upskill_profile_get_confirmed (fixture->sample.profile, "python-core"), ==, 0);

  /* Evidence added to a self-rated skill makes it evidenced. */
  add_evidence (sql, "Ten years of PostgreSQL", NULL);
  g_assert_true (g_str_has_suffix (row_subtitle (sql), " · Evidenced"));

  /* A confirmation from elsewhere (a merge) is shown with its day. */
  upskill_profile_set_confirmed (fixture->sample.profile, "python-core", 1796299200); /* 3 December 2026 */
  upskill_test_iterate ();
  g_assert_true (g_str_has_suffix (row_subtitle (python), " · Confirmed on 3 December 2026"));
  g_assert_cmpstr (adw_preferences_row_get_title (row_child (python, "basis_row")), ==,
                   "Confirmed on 3 December 2026");
  g_assert_cmpstr (gtk_image_get_icon_name (row_child (python, "basis_icon")), ==, "emblem-ok-symbolic");
}

/* A coach confirms a client's rating: today's date, undone like any
 * change, and gone once the level changes. */
static void
test_confirm_rating (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(UpskillProfile) snapshot = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%-d %B %Y");
  g_autofree char *confirmed_today = g_strdup_printf (" · Confirmed on %s", today);
  UpskillSkillRow *python;
  UpskillSkillRow *pytorch;
  GtkWidget *button;

  upskill_profile_set_kind (fixture->sample.profile, UPSKILL_PROFILE_CLIENT);
  upskill_test_iterate ();
  snapshot = upskill_profile_copy (fixture->sample.profile);
  python = get_row (fixture, "python-core");
  pytorch = get_row (fixture, "pytorch");

  /* Nothing to confirm at "Not yet". */
  g_assert_false (gtk_widget_get_visible (row_child (pytorch, "confirm_button")));

  button = row_child (python, "confirm_button");
  g_assert_true (gtk_widget_get_visible (button));
  click (button);
  g_assert_cmpint (upskill_profile_get_confirmed (fixture->sample.profile, "python-core"), >, 0);
  g_assert_true (g_str_has_suffix (row_subtitle (python), confirmed_today));
  /* Confirmed once: the button goes. */
  g_assert_false (gtk_widget_get_visible (button));

  /* What the window's undo does. */
  upskill_profile_restore (fixture->sample.profile, snapshot);
  upskill_test_iterate ();
  g_assert_cmpint (upskill_profile_get_confirmed (fixture->sample.profile, "python-core"), ==, 0);
  g_assert_true (g_str_has_suffix (row_subtitle (python), " · Evidenced"));
  g_assert_true (gtk_widget_get_visible (button));

  /* A new level was not the one confirmed. */
  click (button);
  click_level (python, 4);
  g_assert_cmpint (upskill_profile_get_confirmed (fixture->sample.profile, "python-core"), ==, 0);
  g_assert_true (g_str_has_suffix (row_subtitle (python), " · Evidenced"));
  g_assert_true (gtk_widget_get_visible (button));

  /* Back to one's own profile: the button goes. */
  upskill_profile_set_kind (fixture->sample.profile, UPSKILL_PROFILE_SELF);
  upskill_test_iterate ();
  g_assert_false (gtk_widget_get_visible (button));
}

static void
test_undo_refresh (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(UpskillProfile) snapshot = upskill_profile_copy (fixture->sample.profile);
  UpskillSkillRow *row = get_row (fixture, "pytorch");
  UpskillRadarChart *chart = UPSKILL_RADAR_CHART (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                                UPSKILL_TYPE_SKILLS_PAGE,
                                                                                "radar_chart"));
  g_autofree char *summary_before = g_strdup (upskill_radar_chart_get_summary (chart));

  /* On the capped basis of the area table: over the targeted skills. */
  g_assert_true (g_str_has_prefix (summary_before, "Python: current 1.8, target 3.0 (of 5)\nML frameworks: current 0.0, target 1.3 (of 5)\n"));

  click_level (row, 4);
  g_assert_cmpstr (gap_text (row), ==, "Target met");
  g_assert_cmpstr (upskill_radar_chart_get_summary (chart), !=, summary_before);
  /* PyTorch at 4 counts as its target, 1. */
  g_assert_true (strstr (upskill_radar_chart_get_summary (chart), "ML frameworks: current 0.3, target 1.3") != NULL);

  /* What the window's undo does: the page follows the profile. */
  upskill_profile_restore (fixture->sample.profile, snapshot);
  upskill_test_iterate ();
  g_assert_true (get_row (fixture, "pytorch") == row);
  g_assert_cmpstr (gap_text (row), ==, "Gap: 1 level");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (level_button (row, 0))));
  g_assert_cmpstr (upskill_radar_chart_get_summary (chart), ==, summary_before);
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  user_data)
{
  UpskillCatalog *catalog = fixture->sample.catalog;
  GtkWidget *focus;

  /* From the top, Tab goes past the header to the first skill. */
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (get_row (fixture, "python-core"))));

  for (guint i = 0; i < upskill_catalog_get_n_areas (catalog); i++)
    {
      UpskillArea *area = upskill_catalog_get_area (catalog, i);
      g_autofree char *escaped = g_markup_escape_text (area->name, -1);
      GtkWidget *group = upskill_test_find_with_text (GTK_WIDGET (fixture->page), ADW_TYPE_PREFERENCES_GROUP, "title", escaped);
      const char *description;

      g_assert_nonnull (group);
      description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
      g_assert_true (pango_parse_markup (description, -1, 0, NULL, NULL, NULL, NULL));
      g_assert_true (strstr (description, "demand") != NULL || strstr (description, "No demand signal") != NULL);
      for (guint s = 0; s < area->skills->len; s++)
        {
          UpskillSkill *skill = g_ptr_array_index (area->skills, s);
          GtkWidget *row = upskill_test_find_skill_row (group, skill->id);

          g_assert_nonnull (row);
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, skill->name);
          g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
        }
    }
}

static void
assert_area_shown (Fixture    *fixture,
                   const char *area_id,
                   const char *group_title,
                   gboolean    at_top)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                                    UPSKILL_TYPE_SKILLS_PAGE,
                                                                                    "scrolled_window"));
  GtkWidget *group = upskill_test_find_with_text (GTK_WIDGET (fixture->page), ADW_TYPE_PREFERENCES_GROUP, "title", group_title);
  int viewport_height = gtk_widget_get_height (GTK_WIDGET (scrolled));
  graphene_rect_t bounds;
  GtkWidget *focus;

  g_assert_nonnull (group);
  upskill_skills_page_show_area (UPSKILL_SKILLS_PAGE (fixture->page), area_id);
  upskill_test_wait_ms (150);

  g_assert_true (gtk_widget_compute_bounds (group, GTK_WIDGET (scrolled), &bounds));
  /* The group's title is in view... */
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + 40, <=, viewport_height);
  /* ...at the top, unless the page ends before. */
  if (at_top)
    g_assert_cmpfloat (bounds.origin.y, <=, 24);
  /* And the keyboard is in it. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, group));
}

static void
test_show_area (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                                    UPSKILL_TYPE_SKILLS_PAGE,
                                                                                    "scrolled_window"));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  double value;

  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  assert_area_shown (fixture, "data-engineering", "Data engineering", TRUE);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  assert_area_shown (fixture, "ai-assisted-dev", "AI-assisted development", FALSE);
  assert_area_shown (fixture, "python", "Python", FALSE);

  /* An unknown area changes nothing. */
  value = gtk_adjustment_get_value (adjustment);
  upskill_skills_page_show_area (UPSKILL_SKILLS_PAGE (fixture->page), "no-such-area");
  upskill_test_wait_ms (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
}

static guint
count_groups (GtkWidget *page)
{
  GtkWidget *groups_box = GTK_WIDGET (gtk_widget_get_template_child (page, UPSKILL_TYPE_SKILLS_PAGE,
                                                                     "groups_box"));
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (groups_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static GtkWindow *
present_new_page (Fixture    *fixture,
                  GtkWidget **page)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  *page = g_object_new (UPSKILL_TYPE_SKILLS_PAGE,
                        "catalog", fixture->sample.catalog,
                        "trends", fixture->sample.trends,
                        "profile", fixture->sample.profile,
                        NULL);
  adw_window_set_content (ADW_WINDOW (window), *page);
  gtk_window_set_default_size (window, 900, 700);
  g_object_ref (window);
  gtk_window_present (window);

  return window;
}

/* The window opens on what is in view: the first area's group comes with
 * the page, the others just after its first frame, in the catalog's
 * order and showing the profile. An area asked for before they are built
 * is still brought into view. */
static void
test_groups_after_first_frame (Fixture       *fixture,
                               gconstpointer  user_data)
{
  UpskillCatalog *catalog = fixture->sample.catalog;
  guint n_areas = upskill_catalog_get_n_areas (catalog);
  GtkWidget *page;
  GtkWindow *window = present_new_page (fixture, &page);
  GtkWidget *scrolled;
  GtkWidget *group;
  graphene_rect_t bounds;

  g_assert_cmpuint (n_areas, >, 1);
  g_assert_cmpuint (count_groups (page), ==, 1);
  upskill_test_wait_for_frames (GTK_WIDGET (window), 1);
  upskill_test_wait_for_frames (GTK_WIDGET (window), 1);
  g_assert_cmpuint (count_groups (page), ==, n_areas);
  group = gtk_widget_get_first_child (GTK_WIDGET (gtk_widget_get_template_child (page, UPSKILL_TYPE_SKILLS_PAGE,
                                                                                 "groups_box")));
  for (guint i = 0; i < n_areas; i++, group = gtk_widget_get_next_sibling (group))
    {
      g_autofree char *title = g_markup_escape_text (upskill_catalog_get_area (catalog, i)->name, -1);

      g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, title);
    }
  /* Dana's PyTorch, in the second area. */
  g_assert_cmpstr (gap_text (UPSKILL_SKILL_ROW (upskill_test_find_skill_row (page, "pytorch"))), ==, "Gap: 1 level");
  upskill_test_close_window (window);

  window = present_new_page (fixture, &page);
  scrolled = GTK_WIDGET (gtk_widget_get_template_child (page, UPSKILL_TYPE_SKILLS_PAGE, "scrolled_window"));
  upskill_skills_page_show_area (UPSKILL_SKILLS_PAGE (page), "data-engineering");
  upskill_test_wait_ms (150);
  group = upskill_test_find_with_text (page, ADW_TYPE_PREFERENCES_GROUP, "title", "Data engineering");
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_compute_bounds (group, scrolled, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, <=, 24);
  upskill_test_close_window (window);
}

/* Rendering */

/* Renders Dana's page, in a window of its own of @width x @height, to
 * $UPSKILL_SCREENSHOT_DIR/@name (kept) or a temporary folder (removed). */
static void
render_page_of (Fixture            *fixture,
                UpskillProfile     *profile,
                const char * const *open_skills,
                const char         *area_id,
                AdwColorScheme      scheme,
                const char         *name,
                int                 width,
                int                 height)
{
  const char *dir = g_getenv ("UPSKILL_SCREENSHOT_DIR");
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  UpskillSkillsPage *page;
  GtkWindow *window;

  if (dir == NULL)
    {
      tmpdir = upskill_test_make_tmp_dir ("upskill-skills-XXXXXX");
      dir = tmpdir;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);

  page = g_object_new (UPSKILL_TYPE_SKILLS_PAGE,
                       "catalog", fixture->sample.catalog,
                       "trends", fixture->sample.trends,
                       "profile", profile,
                       NULL);
  window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (window);
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  upskill_test_wait_ms (100);

  /* Some rows open, as a user would have them. */
  for (guint i = 0; open_skills[i] != NULL; i++)
    {
      GtkWidget *row = upskill_test_find_skill_row (GTK_WIDGET (page), open_skills[i]);

      g_assert_nonnull (row);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
  upskill_test_wait_ms (300);
  if (area_id != NULL)
    {
      upskill_skills_page_show_area (UPSKILL_SKILLS_PAGE (page), area_id);
      upskill_test_wait_ms (300);
    }

  path = g_build_filename (dir, name, NULL);
  upskill_test_save_png (GTK_WIDGET (window), path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (window);
  upskill_test_iterate ();
  g_assert_finalize_object (window);

  if (tmpdir != NULL)
    {
      g_unlink (path);
      g_rmdir (tmpdir);
    }
}

static void
render_page (Fixture        *fixture,
             AdwColorScheme  scheme,
             const char     *name,
             int             width,
             int             height)
{
  const char * const open_skills[] = { "python-core", "python-async-perf", NULL };

  render_page_of (fixture, fixture->sample.profile, open_skills, NULL, scheme, name, width, height);
}

/* A coach's client: self-rated, evidenced and confirmed ratings. */
static void
test_render_client (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(UpskillProfile) maria = upskill_test_load_sample ("maria-gonzalez");
  const char * const confirmed[] = { "prompt-injection-llm-threats", NULL };
  const char * const evidenced[] = { "ai-red-teaming", NULL };

  render_page_of (fixture, maria, confirmed, "ai-security", ADW_COLOR_SCHEME_FORCE_LIGHT, "skills-client.png", 1000, 1500);
  render_page_of (fixture, maria, evidenced, "ai-security", ADW_COLOR_SCHEME_FORCE_DARK, "skills-client-dark.png", 1000, 1500);
  render_page_of (fixture, maria, evidenced, "ai-security", ADW_COLOR_SCHEME_FORCE_LIGHT, "skills-client-narrow.png", 400, 1200);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  int minimum;

  /* Fits a phone-sized window (360 px), e.g. with the sidebar folded
   * away, with every row open. */
  for (guint i = 0; i < upskill_catalog_get_n_skills (fixture->sample.catalog); i++)
    get_row (fixture, upskill_catalog_get_skill (fixture->sample.catalog, i)->id);
  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* Competent at concurrency, with nothing to show for it yet. */
  click_level (get_row (fixture, "python-async-perf"), 3);

  render_page (fixture, ADW_COLOR_SCHEME_FORCE_LIGHT, "skills-light.png", 1000, 1500);
  render_page (fixture, ADW_COLOR_SCHEME_FORCE_DARK, "skills-dark.png", 1000, 1500);
  render_page (fixture, ADW_COLOR_SCHEME_FORCE_LIGHT, "skills-narrow.png", 400, 1200);

  /* The evidence dialog, with a link it refuses. */
  {
    const char *dir = g_getenv ("UPSKILL_SCREENSHOT_DIR");
    UpskillEvidenceDialog *dialog;

    click (row_child (get_row (fixture, "sql"), "add_evidence_button"));
    dialog = UPSKILL_EVIDENCE_DIALOG (upskill_test_find_window (UPSKILL_TYPE_EVIDENCE_DIALOG));
    g_assert_nonnull (dialog);
    type_in_dialog (dialog, "note_row", "Led the warehouse migration to dbt");
    type_in_dialog (dialog, "link_row", "www.example.org");
    upskill_test_wait_ms (400);
    if (dir != NULL)
      {
        g_autofree char *path = g_build_filename (dir, "evidence-dialog.png", NULL);

        upskill_test_save_png (GTK_WIDGET (dialog), path);
      }
    close_dialog (dialog, "cancel");
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* One formatting module: the figures the page shows for Dana, and the
 * words beside them, are the ones her PDF report prints. */
static char *
collapse_spaces (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\f", -1);
  GString *collapsed = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (collapsed->len > 0)
        g_string_append_c (collapsed, ' ');
      g_string_append (collapsed, words[i]);
    }

  return g_string_free (collapsed, FALSE);
}

static void
test_same_words_as_report (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *folder = upskill_test_make_tmp_dir ("upskill-words-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "dana.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *layout = NULL;
  g_autofree char *report_text = NULL;
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  GObject *grid = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), UPSKILL_TYPE_SKILLS_PAGE,
                                                 "area_grid");
  GtkLabel *readiness_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                        UPSKILL_TYPE_SKILLS_PAGE,
                                                                        "readiness_label"));
  GtkLabel *baseline_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                       UPSKILL_TYPE_SKILLS_PAGE,
                                                                       "baseline_label"));
  g_autofree char *baseline = NULL;
  g_autofree char *readiness_sentence = NULL;
  guint n_rows = 0;

  if (!upskill_test_have_poppler ())
    return;

  g_assert_true (upskill_report_write (fixture->sample.profile, fixture->sample.catalog, fixture->sample.trends, NULL,
                                       file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &layout, NULL, NULL, &error));
  g_assert_no_error (error);
  report_text = collapse_spaces (layout);

  /* Every row of the area table: "Python 1.8 3.0 58%". */
  for (int row = 1; gtk_grid_get_child_at (GTK_GRID (grid), 0, row) != NULL; row++)
    {
      g_autofree char *line = NULL;
      const char *cells[4];

      for (int column = 0; column < 4; column++)
        cells[column] = gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), column, row)));
      line = g_strdup_printf ("%s %s %s %s", cells[0], cells[1], cells[2], cells[3]);
      if (strstr (report_text, line) == NULL)
        g_error ("the report has no row “%s”", line);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, upskill_catalog_get_n_areas (fixture->sample.catalog));

  /* The overall figure and the baseline sentence, word for word. */
  readiness_sentence = g_strdup_printf ("meets %s of the target", gtk_label_get_text (readiness_label));
  g_assert_nonnull (strstr (report_text, readiness_sentence));
  baseline = collapse_spaces (gtk_label_get_text (baseline_label));
  g_assert_true (g_str_has_prefix (baseline, "From "));
  if (strstr (report_text, baseline) == NULL)
    g_error ("the report does not say “%s”", baseline);

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (folder));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Rows open at once, as with reduced motion. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  upskill_test_load_style ();

  g_test_add_func ("/upskill/skills-page/empty", test_empty);
#define ADD(path, func) \
  g_test_add ("/upskill/skills-page/" path, Fixture, NULL, fixture_set_up, func, upskill_test_page_tear_down)
  ADD ("profile-switch", test_profile_switch);
  ADD ("groups", test_groups);
  ADD ("groups-after-first-frame", test_groups_after_first_frame);
  ADD ("set-level", test_set_level);
  ADD ("keyboard-rating", test_keyboard_rating);
  ADD ("rating-keeps-layout", test_rating_keeps_layout);
  ADD ("evidence", test_evidence);
  ADD ("target-override", test_target_override);
  ADD ("details-on-expand", test_details_on_expand);
  ADD ("rating-basis", test_rating_basis);
  ADD ("confirm-rating", test_confirm_rating);
  ADD ("render-client", test_render_client);
  ADD ("undo-refresh", test_undo_refresh);
  ADD ("show-area", test_show_area);
  ADD ("render", test_render);
  ADD ("same-words-as-report", test_same_words_as_report);
#undef ADD

  return g_test_run ();
}
