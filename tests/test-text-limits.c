/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a user types stops at the length the profile accepts on reading:
 * nothing typed in a dialog can make a save or the next start refuse it. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "upskill-catalog.h"
#include "upskill-evidence-dialog.h"
#include "upskill-note-dialog.h"
#include "upskill-profile.h"
#include "upskill-profile-dialog.h"
#include "upskill-step-dialog.h"
#include "upskill-test-ui.h"

static char *
make_text (guint       n_chars,
           const char *unit)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_chars; i++)
    g_string_append (text, i % 7 == 6 ? " " : unit);

  return g_string_free (text, FALSE);
}

static gboolean
is_hint (GtkWidget     *widget,
         gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "upskill-text-limit");
}

/* UPSKILL_SCREENSHOT_DIR keeps a picture of the dialog at the limit. */
static void
save_screenshot (GtkWidget  *dialog,
                 const char *name)
{
  const char *dir = g_getenv ("UPSKILL_SCREENSHOT_DIR");
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  file_name = g_strdup_printf ("upskill-text-limit-%s.png", name);
  path = g_build_filename (dir, file_name, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  upskill_test_wait_for_frames (dialog, 3);
  upskill_test_save_png (dialog, path);
  g_test_message ("Saved %s", path);
}

static gpointer
get_template_child (gpointer    widget,
                    GType       type,
                    const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

/* Typed (or pasted) past @max_chars, the row holds @max_chars, says so,
 * and keeps its text when more is typed; below the limit, no count. */
static void
check_entry_row (AdwEntryRow *row,
                 guint        max_chars,
                 gboolean     prose)
{
  g_autofree char *too_long = make_text (max_chars + 25, "é");
  g_autofree char *kept = NULL;
  GtkWidget *hint = upskill_test_find_widget (GTK_WIDGET (row), is_hint, NULL);
  int position;

  g_assert_nonnull (hint);

  gtk_editable_set_text (GTK_EDITABLE (row), "Short");
  g_assert_false (gtk_widget_get_visible (hint));

  gtk_editable_set_text (GTK_EDITABLE (row), too_long);
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (row)), -1), ==, max_chars);
  g_assert_true (upskill_profile_text_fits (gtk_editable_get_text (GTK_EDITABLE (row)), prose));
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_true (gtk_widget_has_css_class (hint, "warning"));

  kept = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  position = -1;
  gtk_editable_insert_text (GTK_EDITABLE (row), "more", -1, &position);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, kept);

  /* One character less: the count stays, the warning goes. */
  gtk_editable_delete_text (GTK_EDITABLE (row), 0, 1);
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_false (gtk_widget_has_css_class (hint, "warning"));
}

static void
test_note_dialog (void)
{
  UpskillNoteDialog *dialog = upskill_note_dialog_new (NULL, 1577836800, NULL);
  GtkTextView *view = get_template_child (dialog, UPSKILL_TYPE_NOTE_DIALOG, "text_view");
  GtkWidget *hint = get_template_child (dialog, UPSKILL_TYPE_NOTE_DIALOG, "text_limit_label");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *too_long = make_text (UPSKILL_PROFILE_TEXT_MAX_CHARS + 40, "ü");
  g_autofree char *text = NULL;
  GtkTextIter end;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (gtk_widget_get_visible (hint));

  /* A paste past the limit keeps what fits, cut between characters. */
  gtk_text_buffer_insert_at_cursor (buffer, "Notes: ", -1);
  gtk_text_buffer_insert_at_cursor (buffer, too_long, -1);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, UPSKILL_PROFILE_TEXT_MAX_CHARS);
  text = upskill_note_dialog_dup_text (dialog);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "Notes: ü"));
  g_assert_true (upskill_profile_text_fits (text, TRUE));
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_true (gtk_widget_has_css_class (hint, "warning"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "characters"));
  save_screenshot (GTK_WIDGET (dialog), "note");

  /* Typing more changes nothing. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "x", -1);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, UPSKILL_PROFILE_TEXT_MAX_CHARS);

  /* Room again after a deletion: typing goes on, and the iter given
   * to insert-text still points after what was typed. */
  {
    GtkTextIter start;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, 0);
    gtk_text_buffer_get_iter_at_offset (buffer, &end, 3);
    gtk_text_buffer_delete (buffer, &start, &end);
    g_assert_false (gtk_widget_has_css_class (hint, "warning"));
    gtk_text_buffer_get_iter_at_offset (buffer, &start, 0);
    gtk_text_buffer_insert (buffer, &start, "Dear", -1);
    g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 3);
    g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, UPSKILL_PROFILE_TEXT_MAX_CHARS);
  }

  /* A short note shows no count. */
  upskill_note_dialog_set_text (dialog, "First session.");
  g_assert_false (gtk_widget_get_visible (hint));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_step_dialog (void)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("sam", "Sam");
  UpskillStepDialog *dialog = upskill_step_dialog_new (NULL, upskill_catalog_get_default (), profile, NULL);

  /* The dialog takes titles of up to 500 characters: typing stops there,
   * so a long title never leaves Add Step disabled without a word. */
  check_entry_row (get_template_child (dialog, UPSKILL_TYPE_STEP_DIALOG, "title_row"),
                   500, FALSE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  save_screenshot (GTK_WIDGET (dialog), "step");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_evidence_dialog (void)
{
  UpskillEvidenceDialog *dialog = upskill_evidence_dialog_new (NULL, "SQL", NULL, NULL);

  check_entry_row (get_template_child (dialog, UPSKILL_TYPE_EVIDENCE_DIALOG, "note_row"),
                   UPSKILL_PROFILE_TEXT_MAX_CHARS, TRUE);
  check_entry_row (get_template_child (dialog, UPSKILL_TYPE_EVIDENCE_DIALOG, "link_row"),
                   UPSKILL_PROFILE_LINE_MAX_CHARS, FALSE);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_profile_dialog (void)
{
  UpskillProfileDialog *dialog = upskill_profile_dialog_new (NULL, upskill_catalog_get_default (), NULL);
  AdwEntryRow *name_row = get_template_child (dialog, UPSKILL_TYPE_PROFILE_DIALOG, "name_row");

  check_entry_row (name_row, UPSKILL_PROFILE_NAME_MAX_CHARS, FALSE);
  /* A name that long can still be applied. */
  g_assert_true (gtk_widget_get_sensitive (get_template_child (dialog, UPSKILL_TYPE_PROFILE_DIALOG,
                                                               "apply_button")));
  check_entry_row (get_template_child (dialog, UPSKILL_TYPE_PROFILE_DIALOG, "current_role_row"),
                   UPSKILL_PROFILE_LINE_MAX_CHARS, FALSE);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  upskill_test_init_styled (&argc, &argv);

  g_test_add_func ("/upskill/text-limits/note-dialog", test_note_dialog);
  g_test_add_func ("/upskill/text-limits/step-dialog", test_step_dialog);
  g_test_add_func ("/upskill/text-limits/evidence-dialog", test_evidence_dialog);
  g_test_add_func ("/upskill/text-limits/profile-dialog", test_profile_dialog);

  return g_test_run ();
}
