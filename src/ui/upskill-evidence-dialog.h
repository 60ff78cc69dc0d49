/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UPSKILL_TYPE_EVIDENCE_DIALOG (upskill_evidence_dialog_get_type ())

G_DECLARE_FINAL_TYPE (UpskillEvidenceDialog, upskill_evidence_dialog, UPSKILL, EVIDENCE_DIALOG, AdwMessageDialog)

/* Asks for a piece of evidence for @skill_name: a note and an optional
 * http(s) link. With @note set it edits an existing one. The "save"
 * response is only enabled while the note is not empty and the link is
 * empty or valid; "cancel" closes it. */
UpskillEvidenceDialog *upskill_evidence_dialog_new       (GtkWindow              *parent,
                                                          const char             *skill_name,
                                                          const char             *note,
                                                          const char             *link);
/* The note, stripped of surrounding blanks. */
char                  *upskill_evidence_dialog_dup_note  (UpskillEvidenceDialog  *self);
/* The link, stripped, or NULL when empty. */
char                  *upskill_evidence_dialog_dup_link  (UpskillEvidenceDialog  *self);
void                   upskill_evidence_dialog_set_note  (UpskillEvidenceDialog  *self,
                                                          const char             *note);
void                   upskill_evidence_dialog_set_link  (UpskillEvidenceDialog  *self,
                                                          const char             *link);

/* TRUE for an absolute http:// or https:// URI with a host. */
gboolean               upskill_evidence_link_is_valid    (const char             *link);

G_END_DECLS
