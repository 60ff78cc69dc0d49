/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-profile.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_NOTE_DIALOG (upskill_note_dialog_get_type ())

G_DECLARE_FINAL_TYPE (UpskillNoteDialog, upskill_note_dialog, UPSKILL, NOTE_DIALOG, AdwMessageDialog)

/* A dated session note, new (@text NULL) or to edit. Responses "cancel"
 * and "save"; "save" is enabled only with a valid day and some text.
 * @date: the session day (unix time of 00:00 UTC). */
UpskillNoteDialog *upskill_note_dialog_new      (GtkWindow         *parent,
                                                 gint64             date,
                                                 const char        *text);

/* The session day as unix time of 00:00 UTC, or -1 if the entry is not a day. */
gint64             upskill_note_dialog_get_date (UpskillNoteDialog *self);
void               upskill_note_dialog_set_date (UpskillNoteDialog *self,
                                                 gint64             date);
char              *upskill_note_dialog_dup_text (UpskillNoteDialog *self);
void               upskill_note_dialog_set_text (UpskillNoteDialog *self,
                                                 const char        *text);

/* What the session was about (one line), stripped; "" for none. */
char              *upskill_note_dialog_dup_focus        (UpskillNoteDialog *self);
void               upskill_note_dialog_set_focus        (UpskillNoteDialog *self,
                                                         const char        *focus);
/* Shared (in the report) or private (coach only). */
gboolean           upskill_note_dialog_get_private      (UpskillNoteDialog *self);
void               upskill_note_dialog_set_private      (UpskillNoteDialog *self,
                                                         gboolean           private_);
/* The next session's day (00:00 UTC), 0 for none, -1 if unreadable. */
gint64             upskill_note_dialog_get_next_session (UpskillNoteDialog *self);
void               upskill_note_dialog_set_next_session (UpskillNoteDialog *self,
                                                         gint64             date);
/* Adds a row for @action (NULL: a new, empty one); returns the row. */
GtkWidget         *upskill_note_dialog_add_action       (UpskillNoteDialog   *self,
                                                         const UpskillAction *action);
/* The actions as edited (UpskillAction*): those of existing rows keep
 * their id, new ones have none; rows left empty are left out. */
GPtrArray         *upskill_note_dialog_dup_actions      (UpskillNoteDialog *self);

/* "Last time you agreed to…": the open actions of the last session
 * (UpskillAction*), each to carry over (the default), mark done or drop. */
typedef enum
{
  UPSKILL_PREVIOUS_CARRY_OVER,
  UPSKILL_PREVIOUS_DONE,
  UPSKILL_PREVIOUS_DROPPED,
} UpskillPreviousChoice;

void               upskill_note_dialog_set_previous_actions (UpskillNoteDialog    *self,
                                                             GPtrArray            *actions);
guint              upskill_note_dialog_get_n_previous      (UpskillNoteDialog    *self);
UpskillPreviousChoice upskill_note_dialog_get_previous_choice (UpskillNoteDialog  *self,
                                                             guint                 index);
void               upskill_note_dialog_set_previous_choice  (UpskillNoteDialog    *self,
                                                             guint                 index,
                                                             UpskillPreviousChoice choice);

G_END_DECLS
