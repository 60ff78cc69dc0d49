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
  double        priority;    /* gap x area demand signal x role weight */
} UpskillGap;

/* The target of one skill for @profile: its override, else the role's
 * target, else 0 (no role). */
guint      upskill_profile_get_target             (UpskillProfile *profile,
                                                   UpskillCatalog *catalog,
                                                   UpskillSkill   *skill,
                                                   gboolean       *out_overridden);

/* Every skill with a gap > 0, highest priority first (UpskillGap*, owned
 * by the array). @trends may be NULL: every area then weighs the same. */
GPtrArray *upskill_compute_gaps                   (UpskillProfile *profile,
                                                   UpskillCatalog *catalog,
                                                   UpskillTrends  *trends);

/* How much of the target is met, in percent: sum of min(current, target)
 * over sum of targets. Negative when nothing is targeted. */
double     upskill_compute_area_readiness         (UpskillProfile *profile,
                                                   UpskillCatalog *catalog,
                                                   UpskillArea    *area);
double     upskill_compute_readiness              (UpskillProfile *profile,
                                                   UpskillCatalog *catalog);
/* Average current level and target per area (0..5), for the radar chart. */
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

G_END_DECLS
