/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What happened to the file of the profile shown, elsewhere. */
typedef enum
{
  UPSKILL_CONFLICT_NONE,
  UPSKILL_CONFLICT_CHANGED,  /* changed on another device or by another process */
  UPSKILL_CONFLICT_DELETED,  /* deleted there */
  UPSKILL_CONFLICT_COPY,     /* a sync tool left a conflict copy beside it */
} UpskillConflictKind;

#define UPSKILL_CONFLICT_CHOICE_KEEP_MINE   "keep-mine"
#define UPSKILL_CONFLICT_CHOICE_TAKE_THEIRS "take-theirs"
#define UPSKILL_CONFLICT_CHOICE_MERGE       "merge"
#define UPSKILL_CONFLICT_CHOICE_RESTORE     "restore"
#define UPSKILL_CONFLICT_CHOICE_CLOSE       "close"

#define UPSKILL_TYPE_CONFLICT_BAR (upskill_conflict_bar_get_type ())

G_DECLARE_FINAL_TYPE (UpskillConflictBar, upskill_conflict_bar, UPSKILL, CONFLICT_BAR, GtkWidget)

/* A banner above the pages: "This profile was changed on another
 * device", with Keep Mine, Take Theirs and Merge; for a deleted file,
 * Restore and Close Profile. A choice emits ::resolve with one of the
 * UPSKILL_CONFLICT_CHOICE_* strings; the bar stays until hidden. */
GtkWidget           *upskill_conflict_bar_new      (void);
void                 upskill_conflict_bar_show     (UpskillConflictBar  *self,
                                                    UpskillConflictKind  kind,
                                                    const char          *profile_name);
/* For UPSKILL_CONFLICT_COPY: the copy's file name, in the profiles folder. */
void                 upskill_conflict_bar_show_copy (UpskillConflictBar *self,
                                                     const char         *profile_name,
                                                     const char         *copy_file_name);
const char          *upskill_conflict_bar_get_copy  (UpskillConflictBar *self);
void                 upskill_conflict_bar_hide     (UpskillConflictBar  *self);
UpskillConflictKind  upskill_conflict_bar_get_kind (UpskillConflictBar  *self);

G_END_DECLS
