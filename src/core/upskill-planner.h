/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-readiness.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

/* Builds the learning path: modules that close the ranked gaps, the top
 * of the ranking first, ordered so that prerequisites come first. Steps
 * the user already has keep their status; custom steps and done steps are
 * kept; a step whose gap is gone and which was never started is dropped.
 * Replaces @profile's plan. */
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
  guint            hours_left;/* hours minus the hours spent on it */
} UpskillScheduledStep;

/* Lays the plan out from @start (a Monday or any day) at the profile's
 * weekly hours (UpskillScheduledStep*, owned by the array). */
GPtrArray *upskill_planner_schedule       (UpskillProfile  *profile,
                                           UpskillCatalog  *catalog,
                                           const GDate     *start);
/* Steps whose projected finish, as recorded when the plan was last made,
 * is before @today while they are still planned or in progress: the plan
 * is "behind". Regenerating moves them forward from today. */
guint      upskill_planner_count_behind   (UpskillProfile  *profile,
                                           const GDate     *today);
/* Records each step's projected finish from @today (upskill_planner_regenerate()
 * does this), so that slipping shows later. */
void       upskill_planner_record_due     (UpskillProfile  *profile,
                                           UpskillCatalog  *catalog,
                                           const GDate     *today);

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

/* The level the plan takes @skill to: its current level, raised by every
 * step for it that is not skipped. */
guint      upskill_planner_planned_level  (UpskillProfile  *profile,
                                           UpskillCatalog  *catalog,
                                           UpskillSkill    *skill);

/* Adds steps for the modules that take @skill from the level the plan
 * reaches to its target (with the prerequisites still needed), keeping
 * every step already there; prerequisites go first. Returns how many
 * steps were added: 0 when the plan covers the gap already or no module
 * closes it. */
guint      upskill_planner_cover_gap      (UpskillProfile  *profile,
                                           UpskillCatalog  *catalog,
                                           const char      *skill_id);

/* Whether modules of the catalog chain @skill from @from up to @to. */
gboolean   upskill_planner_can_close      (UpskillCatalog  *catalog,
                                           UpskillSkill    *skill,
                                           guint            from,
                                           guint            to);

/* Why the plan leaves a gap open. */
typedef enum
{
  UPSKILL_OPEN_GAP_NOT_PLANNED,  /* modules close it: regenerate, or Add Steps */
  UPSKILL_OPEN_GAP_SKIPPED,      /* only with a module the person skipped */
  UPSKILL_OPEN_GAP_NO_MODULE,    /* no module of the catalog closes it */
} UpskillOpenGap;

/* Why @profile's plan leaves @skill below @to when it reaches @from. */
UpskillOpenGap upskill_planner_why_open    (UpskillProfile   *profile,
                                            UpskillCatalog   *catalog,
                                            UpskillSkill     *skill,
                                            guint             from,
                                            guint             to);

/* Why the plan leaves @gap open (one of @forecast's uncovered gaps), in
 * words: "No step of the plan raises it; regenerate the plan or add a
 * step.", the same when only a skipped module would, or "No module in the
 * catalog raises it to the target; add a step of your own." */
const char *upskill_planner_describe_uncovered (UpskillProfile   *profile,
                                                UpskillCatalog   *catalog,
                                                const UpskillGap *gap);

/* What the plan leads to if it is followed as scheduled: the levels each
 * remaining step promises, in plan order, at its projected finish. */
typedef struct
{
  double     now;          /* overall readiness today, percent */
  double     at_end;       /* overall readiness once every step is done */
  GDate      end;          /* the plan's projected end; invalid if none */
  guint      n_gaps;       /* skills below target today */
  GPtrArray *uncovered;    /* UpskillGap* still open at the end, ranked */
  guint      n_areas;
  double    *area_at_end;  /* per UpskillArea.index, percent, -1 untargeted */
  GDate     *area_reached; /* per area: day it reaches its target; invalid
                            * if it never does with this plan. An area
                            * already met has today's date. */
  guint      n_points;     /* the forecast line: today, then each finish */
  gint64    *times;
  double    *values;
} UpskillForecast;

/* @schedule from upskill_planner_schedule() of @profile from @today. */
UpskillForecast *upskill_planner_forecast  (UpskillProfile  *profile,
                                            UpskillCatalog  *catalog,
                                            UpskillTrends   *trends,
                                            GPtrArray       *schedule,
                                            const GDate     *today);
void             upskill_forecast_free     (UpskillForecast *forecast);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpskillForecast, upskill_forecast_free)

G_END_DECLS
