/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

/* Builds the learning path: modules that close the ranked gaps, ordered so
 * that prerequisites come first. Steps the user already has keep their
 * status; custom steps and done steps are kept; a step whose gap is gone and
 * which was never started is dropped. Replaces @profile's plan. */
void       upskill_planner_regenerate     (UpskillProfile  *profile,
                                           UpskillCatalog  *catalog,
                                           UpskillTrends   *trends);

/* One scheduled step of the plan. Done and skipped steps take no time. */
typedef struct
{
  UpskillPlanStep *step;     /* the profile's, not owned */
  UpskillModule   *module;   /* NULL for a custom step */
  const char      *title;    /* module title or custom title */
  guint            hours;
  UpskillSkill    *skill;    /* may be NULL for an unknown id */
  guint            from_level;
  guint            to_level;
  GDate            start;
  GDate            finish;
  gboolean         scheduled;/* FALSE for done and skipped steps */
} UpskillScheduledStep;

/* Lays the plan out from @start (a Monday or any day) at the profile's
 * weekly hours (UpskillScheduledStep*, owned by the array). */
GPtrArray *upskill_planner_schedule       (UpskillProfile  *profile,
                                           UpskillCatalog  *catalog,
                                           const GDate     *start);
/* The day the last scheduled step finishes; invalid if nothing is left. */
void       upskill_planner_get_finish     (GPtrArray       *schedule,
                                           GDate           *out_finish);
guint      upskill_planner_remaining_hours (GPtrArray      *schedule);
/* FALSE when a step comes before a prerequisite that is still to do and
 * that @profile's levels do not cover (the user moved it); @out_message, if
 * not NULL, then says which, in words. The schedule is laid out in plan
 * order either way. */
gboolean   upskill_planner_check_order    (UpskillProfile  *profile,
                                           GPtrArray       *schedule,
                                           char           **out_message);

G_END_DECLS
