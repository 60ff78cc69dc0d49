/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "upskill-step-item.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_STEP_ROW (upskill_step_row_get_type ())

G_DECLARE_FINAL_TYPE (UpskillStepRow, upskill_step_row, UPSKILL, STEP_ROW, GtkWidget)

/* One step of the learning path, shown from an UpskillStepItem; a row
 * is reused for another step as the plan's list scrolls. The row's
 * controls activate the plan page's actions with the step's id:
 * plan.set-step-status ("(si)"), plan.move-step-up, plan.move-step-down,
 * plan.remove-step and plan.open-step-link ("s"). */
GtkWidget  *upskill_step_row_new         (void);
/* Shows @item, the same step anew or another one. */
void        upskill_step_row_set_item    (UpskillStepRow  *self,
                                          UpskillStepItem *item);
const char *upskill_step_row_get_step_id (UpskillStepRow  *self);

G_END_DECLS
