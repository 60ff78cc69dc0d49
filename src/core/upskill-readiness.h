/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

/* Gaps and readiness of a profile against its target role. */

typedef struct
{
  UpskillSkill *skill;
  guint         current;
  guint         target;      /* the role's target, or the profile's override */
  gboolean      overridden;  /* target comes from the profile's override */
  guint         gap;         /* target - current, or 0 */
  double        importance;  /* the role's weight for the skill's area */
  double        demand;      /* the article's demand signal for the area, 0..1 */
  double        priority;    /* gap x importance x (1 + trend weight x demand) */
  gboolean      core;        /* in the role's core area: ranks before the rest */
} UpskillGap;


/* The target of one skill for @profile: its override, else the role's
 * target, else 0 (no role). */
guint      upskill_profile_get_target             (UpskillProfile *profile,
                                                   UpskillCatalog *catalog,
                                                   UpskillSkill   *skill,
                                                   gboolean       *out_overridden);

/* The role's core areas: those it weighs most (ties included). A role
 * that weighs every area alike has no core. */
gboolean   upskill_role_is_core_area              (UpskillCatalog *catalog,
                                                   UpskillRole    *role,
                                                   UpskillArea    *area);

/* Every skill with a gap > 0 (UpskillGap*, owned by the array), ranked
 * role first: the gaps in the role's core areas before all others, and
 * within each of the two groups the highest priority first. This is the
 * ranking of "the biggest gaps". The demand comes from @trends, weighed by
 * upskill_trends_get_weight(); @trends may be NULL: the role's importance
 * alone then ranks the gaps. */
GPtrArray *upskill_compute_gaps                   (UpskillProfile *profile,
                                                   UpskillCatalog *catalog,
                                                   UpskillTrends  *trends);
GPtrArray *upskill_compute_gaps_weighted          (UpskillProfile     *profile,
                                                   UpskillCatalog     *catalog,
                                                   UpskillTrends      *trends,
                                                   UpskillTrendWeight  weight);

/* The readiness model (README, "How Upskill computes"): per skill, the
 * level counts up to its target and no further; per area and overall,
 * readiness is the mean of level/target weighted by the target, i.e. the
 * sum of min(level, target) over the sum of targets. Skills with no
 * target (0) do not count. */
typedef struct
{
  double readiness;   /* percent, 0..100; negative when nothing is targeted */
  double current;     /* mean of min(level, target) over targeted skills, 0..5 */
  double target;      /* mean target over the same skills, 0..5 */
  guint  n_targeted;  /* skills with a target > 0 */
  guint  n_met;       /* of those, skills at or above their target */
} UpskillAreaReadiness;

/* An area on that basis: current / target = readiness, and current equals
 * target exactly when every targeted skill is met. */
void       upskill_compute_area_summary           (UpskillProfile       *profile,
                                                   UpskillCatalog       *catalog,
                                                   UpskillArea          *area,
                                                   UpskillAreaReadiness *out_summary);

/* How much of the target is met, in percent: sum of min(current, target)
 * over sum of targets. Negative when nothing is targeted. */
double     upskill_compute_area_readiness         (UpskillProfile *profile,
                                                   UpskillCatalog *catalog,
                                                   UpskillArea    *area);
/* upskill_compute_area_readiness() of every area at once, into
 * @out_areas (upskill_catalog_get_n_areas() of them, indexed by
 * UpskillArea.index). */
void       upskill_compute_readiness_by_area      (UpskillProfile *profile,
                                                   UpskillCatalog *catalog,
                                                   double         *out_areas);
double     upskill_compute_readiness              (UpskillProfile *profile,
                                                   UpskillCatalog *catalog);
/* The area's current and target of upskill_compute_area_summary() (0..5),
 * for the radar chart. */
void       upskill_compute_area_levels            (UpskillProfile *profile,
                                                   UpskillCatalog *catalog,
                                                   UpskillArea    *area,
                                                   double         *out_current,
                                                   double         *out_target);

/* Readiness over time, rebuilt from the history. */
typedef struct
{
  gint64  time;
  double  overall;
  double *areas;   /* indexed by UpskillArea.index; owned */
} UpskillReadinessPoint;

/* One point per history entry (the state after it), plus one at the
 * profile's creation (UpskillReadinessPoint*). */
GPtrArray *upskill_compute_readiness_series       (UpskillProfile *profile,
                                                   UpskillCatalog *catalog);
/* The overall readiness of the series' last point before @time, or of
 * the first assessment (see upskill_compute_baseline()) when that point is
 * the series' first or there is none: what readiness was at @time, without
 * building the series. FALSE when it cannot be measured (no target). */
gboolean   upskill_compute_readiness_before       (UpskillProfile *profile,
                                                   UpskillCatalog *catalog,
                                                   gint64          time,
                                                   double         *out_readiness);

/* Where progress is measured from: the first assessment (the levels at the
 * end of the history's first day), never 0%. */
typedef struct
{
  double   baseline;       /* percent at the first assessment; negative if no target */
  gint64   baseline_time;  /* when it was made */
  double   now;            /* percent now */
  gboolean has_progress;   /* FALSE while the first assessment is all there is */
} UpskillBaseline;

void       upskill_compute_baseline               (UpskillProfile  *profile,
                                                   UpskillCatalog  *catalog,
                                                   UpskillBaseline *out_baseline);

G_END_DECLS
