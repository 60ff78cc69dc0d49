/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "upskill-planner.h"
#include "upskill-readiness.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

/* One place that turns the model's numbers, dates and figures into words.
 * The window and the report both call these, so a fact reads the same on
 * screen and on paper. Every result is newly allocated. */

/* A readiness percentage: "45%". Never "100%" unless every targeted level
 * is met and never "0%" once anything is (99.6% reads "99%", 0.3% "1%");
 * "–" for a negative value (nothing targeted). */
char *upskill_format_percent        (double                       percent);
int   upskill_format_percent_value  (double                       percent);
/* A change in readiness: "+10 points", "−3 points", "no change". */
char *upskill_format_points         (double                       points);

/* An area's average current and target level on the capped basis of
 * UpskillAreaReadiness, one decimal: the current reads the same as the
 * target only when the area is met. "–" for both when nothing is
 * targeted. */
void  upskill_format_area_levels    (const UpskillAreaReadiness  *area,
                                     char                       **out_current,
                                     char                       **out_target);

/* An average level, "2.4": below @limit (the target) it never reads as
 * @limit; pass G_MAXDOUBLE for a target itself. */
char *upskill_format_mean_level     (double                       mean,
                                     double                       limit);

/* "Competent (3)". */
char *upskill_format_level          (guint                        level);

/* What a skill's rating rests on (upskill_profile_get_rating_basis()):
 * "Self-rated", "Evidenced" or "Confirmed on 3 December 2026" (the day
 * a coach confirmed it, local). Never NULL; a skill the profile never
 * rated reads "Self-rated". Plain text, not markup. */
char *upskill_format_rating_basis   (UpskillProfile              *profile,
                                     const char                  *skill_id);

/* A level and what it means: "Competent (3): …the level's description". */
char *upskill_format_level_definition (guint                      level);

/* "12 steps done". */
char *upskill_format_steps_done     (guint                        n_done);

/* "14 March 2027". */
char *upskill_format_day            (const GDate                 *date);
/* A moment as its local day, "14 March 2027". */
char *upskill_format_day_unix       (gint64                       time);
/* A moment as its local day and time, "14 March 2027, 16:30". */
char *upskill_format_day_time_unix  (gint64                       time);
/* "1 March – 14 March 2027", or one day when both are the same. */
char *upskill_format_date_range     (const GDate                 *start,
                                     const GDate                 *finish);
/* A goal in the person's own words, with its target day (midnight UTC,
 * as profiles keep it; 0 for none): "“Lead the ML team” by 30 June
 * 2027". NULL when there is no goal. Plain text, not markup. */
char *upskill_format_goal           (const char                  *goal,
                                     gint64                       date);
/* A month: "March 2027". */
char *upskill_format_month_unix     (gint64                       time);

/* A figure as the article prints it, with its qualifier:
 * "~21,000+ (in multiple rounds)". */
char *upskill_format_number         (gint64                       value);
char *upskill_format_figure_value   (const UpskillFigure         *figure);
char *upskill_format_figure         (const UpskillFigure         *figure);

/* "45% now → 55% when the plan ends on 22 January 2027; 24 gaps are not
 * covered by the plan." */
char *upskill_format_forecast       (const UpskillForecast       *forecast);
/* When each area reaches its target with the plan: "With this plan,
 * Python reaches its target on 3 March 2027 and MLOps on 1 May 2027;
 * ML frameworks and AI security do not." NULL if no area is targeted. */
char *upskill_format_area_dates     (const UpskillForecast       *forecast,
                                     UpskillCatalog              *catalog);
/* A session's day, and its time if it has one: "14 October 2026" or
 * "9 November 2026, 16:30". */
char *upskill_format_session        (const UpskillNote           *note);

/* "From 20% at the first assessment on 3 March 2026 to 45% now (+25
 * points)." or "No progress yet: 45% at the first assessment today." */
char *upskill_format_baseline       (const UpskillBaseline       *baseline);

G_END_DECLS
