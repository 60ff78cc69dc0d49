/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_STEP_DIALOG (upskill_step_dialog_get_type ())

G_DECLARE_FINAL_TYPE (UpskillStepDialog, upskill_step_dialog, UPSKILL, STEP_DIALOG, AdwMessageDialog)

/* A custom plan step: title, hours, skill and levels. Responses "cancel"
 * and "add" (enabled with a title and a level that goes up). The levels
 * start at @profile's level of the chosen skill. */
UpskillStepDialog *upskill_step_dialog_new           (GtkWindow         *parent,
                                                      UpskillCatalog    *catalog,
                                                      UpskillProfile    *profile,
                                                      const char        *skill_id);

/* A new custom step with the dialog's values (id from @profile). */
UpskillPlanStep   *upskill_step_dialog_create_step   (UpskillStepDialog *self);
void               upskill_step_dialog_set_values    (UpskillStepDialog *self,
                                                      const char        *title,
                                                      guint              hours,
                                                      const char        *skill_id,
                                                      guint              from_level,
                                                      guint              to_level);

G_END_DECLS
