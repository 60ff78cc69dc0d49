/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

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

G_END_DECLS
