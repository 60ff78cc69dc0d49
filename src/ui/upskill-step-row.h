/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "upskill-planner.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_STEP_ROW (upskill_step_row_get_type ())

G_DECLARE_FINAL_TYPE (UpskillStepRow, upskill_step_row, UPSKILL, STEP_ROW, GtkListBoxRow)

/* One step of the learning path. The row's controls activate the plan
 * page's actions with the step's id: plan.set-step-status ("(si)"),
 * plan.move-step-up, plan.move-step-down, plan.skip-step, plan.remove-step
 * and plan.open-step-link ("s"). @prerequisites: "After: …" or NULL;
 * @prerequisite_later: a prerequisite comes later in the plan. */
GtkWidget  *upskill_step_row_new         (const UpskillScheduledStep *scheduled,
                                          guint                       position,
                                          guint                       n_steps,
                                          const char                 *prerequisites,
                                          gboolean                    prerequisite_later);
/* Shows the step anew (same step id) after the plan changed. */
void        upskill_step_row_update      (UpskillStepRow             *self,
                                          const UpskillScheduledStep *scheduled,
                                          guint                       position,
                                          guint                       n_steps,
                                          const char                 *prerequisites,
                                          gboolean                    prerequisite_later);
const char *upskill_step_row_get_step_id (UpskillStepRow             *self);

G_END_DECLS
