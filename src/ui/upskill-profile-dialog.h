/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"

G_BEGIN_DECLS

/* A modal window to create a profile or edit its name, kind, roles and
 * weekly hours, and tags. It changes nothing itself: it emits "apply" and the
 * window reads the values, so one edit is one step to undo. */

#define UPSKILL_TYPE_PROFILE_DIALOG (upskill_profile_dialog_get_type ())

G_DECLARE_FINAL_TYPE (UpskillProfileDialog, upskill_profile_dialog, UPSKILL, PROFILE_DIALOG, AdwWindow)

/* @profile NULL: a new profile. */
UpskillProfileDialog *upskill_profile_dialog_new              (GtkWindow            *parent,
                                                               UpskillCatalog       *catalog,
                                                               UpskillProfile       *profile);
UpskillProfile       *upskill_profile_dialog_get_profile      (UpskillProfileDialog *self);

const char           *upskill_profile_dialog_get_name         (UpskillProfileDialog *self);
void                  upskill_profile_dialog_set_name         (UpskillProfileDialog *self,
                                                               const char           *name);
UpskillProfileKind    upskill_profile_dialog_get_kind         (UpskillProfileDialog *self);
void                  upskill_profile_dialog_set_kind         (UpskillProfileDialog *self,
                                                               UpskillProfileKind    kind);
const char           *upskill_profile_dialog_get_current_role (UpskillProfileDialog *self);
void                  upskill_profile_dialog_set_current_role (UpskillProfileDialog *self,
                                                               const char           *current_role);
/* A role id of the catalog, or NULL for none. */
const char           *upskill_profile_dialog_get_target_role  (UpskillProfileDialog *self);
void                  upskill_profile_dialog_set_target_role  (UpskillProfileDialog *self,
                                                               const char           *role_id);
/* The goal in the person's own words, stripped ("" for none), and its
 * target day as midnight UTC (0 for none or while unreadable). */
const char           *upskill_profile_dialog_get_goal         (UpskillProfileDialog *self);
void                  upskill_profile_dialog_set_goal         (UpskillProfileDialog *self,
                                                               const char           *goal);
gint64                upskill_profile_dialog_get_goal_date    (UpskillProfileDialog *self);
void                  upskill_profile_dialog_set_goal_date    (UpskillProfileDialog *self,
                                                               gint64                date);
/* The profile's tags as shown, and the one typed but not yet added. */
GStrv                 upskill_profile_dialog_dup_tags         (UpskillProfileDialog *self);
void                  upskill_profile_dialog_set_tags         (UpskillProfileDialog *self,
                                                               const char * const   *tags);
/* FALSE when @tag is empty or past the limits (README, "Limits"). */
gboolean              upskill_profile_dialog_add_tag          (UpskillProfileDialog *self,
                                                               const char           *tag);
/* The tags used in the store, suggested as the coach types. */
void                  upskill_profile_dialog_set_known_tags   (UpskillProfileDialog *self,
                                                               const char * const   *tags);
double                upskill_profile_dialog_get_weekly_hours (UpskillProfileDialog *self);
void                  upskill_profile_dialog_set_weekly_hours (UpskillProfileDialog *self,
                                                               double                hours);

G_END_DECLS
