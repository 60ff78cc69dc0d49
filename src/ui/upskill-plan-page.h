/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-page.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_PLAN_PAGE (upskill_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (UpskillPlanPage, upskill_plan_page, UPSKILL, PLAN_PAGE, UpskillPage)

/* Properties: those of UpskillPage ("catalog", "trends", "profile").
 *
 * Actions (prefix "plan."): regenerate, export-calendar, add-module,
 * add-custom-step, set-step-status "(si)" (step id, UpskillStepStatus),
 * move-step-up "s", move-step-down "s", remove-step "s", open-step-link "s". */

/* Writes the plan, scheduled from today, as an iCalendar file (what
 * "Export to Calendar…" does once a file is chosen). */
void     upskill_plan_page_export_calendar_async  (UpskillPlanPage     *self,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean upskill_plan_page_export_calendar_finish (UpskillPlanPage     *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
