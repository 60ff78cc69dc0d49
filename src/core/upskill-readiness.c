/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "upskill-level.h"
#include "upskill-progress.h"
#include "upskill-readiness.h"

static UpskillRole *
find_target_role (UpskillProfile *profile,
                  UpskillCatalog *catalog)
{
  const char *role_id = upskill_profile_get_target_role (profile);

  if (role_id == NULL || *role_id == '\0')
    return NULL;

  return upskill_catalog_find_role (catalog, role_id);
}

static guint
target_for_role (UpskillProfile *profile,
                 UpskillRole    *role,
                 UpskillSkill   *skill,
                 gboolean       *out_overridden)
{
  int override = upskill_profile_get_target_override (profile, skill->id);

  if (out_overridden != NULL)
    *out_overridden = override >= 0;

  if (override >= 0)
    return MIN ((guint) override, UPSKILL_LEVEL_MAX);

  if (role != NULL)
    return MIN (role->targets[skill->index], UPSKILL_LEVEL_MAX);

  return 0;
}

guint
upskill_profile_get_target (UpskillProfile *profile,
                            UpskillCatalog *catalog,
                            UpskillSkill   *skill,
                            gboolean       *out_overridden)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), 0);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), 0);
  g_return_val_if_fail (skill != NULL, 0);

  return target_for_role (profile, find_target_role (profile, catalog),
                          skill, out_overridden);
}

/* Every skill's current target, indexed by UpskillSkill.index. */
static guint *
dup_targets (UpskillProfile *profile,
             UpskillCatalog *catalog)
{
  UpskillRole *role = find_target_role (profile, catalog);
  guint n_skills = upskill_catalog_get_n_skills (catalog);
  guint *targets = g_new0 (guint, MAX (n_skills, 1));

  for (guint i = 0; i < n_skills; i++)
    {
      UpskillSkill *skill = upskill_catalog_get_skill (catalog, i);

      targets[skill->index] = target_for_role (profile, role, skill, NULL);
    }

  return targets;
}

static guint *
dup_levels (UpskillProfile *profile,
            UpskillCatalog *catalog)
{
  guint n_skills = upskill_catalog_get_n_skills (catalog);
  guint *levels = g_new0 (guint, MAX (n_skills, 1));

  for (guint i = 0; i < n_skills; i++)
    {
      UpskillSkill *skill = upskill_catalog_get_skill (catalog, i);

      levels[skill->index] = upskill_profile_get_level (profile, skill->id);
    }

  return levels;
}

typedef struct
{
  guint met;
  guint targeted;
} Tally;

static void
tally_skill (Tally        *tally,
             UpskillSkill *skill,
             const guint  *levels,
             const guint  *targets)
{
  guint target = targets[skill->index];

  if (target == 0)
    return;

  tally->met += MIN (levels[skill->index], target);
  tally->targeted += target;
}

static double
tally_to_percent (const Tally *tally)
{
  if (tally->targeted == 0)
    return -1.0;

  return 100.0 * tally->met / tally->targeted;
}

static void
tally_area (Tally       *tally,
            UpskillArea *area,
            const guint *levels,
            const guint *targets)
{
  for (guint i = 0; i < area->skills->len; i++)
    tally_skill (tally, g_ptr_array_index (area->skills, i), levels, targets);
}

static double
area_readiness (UpskillArea *area,
                const guint *levels,
                const guint *targets)
{
  Tally tally = { 0, 0 };

  tally_area (&tally, area, levels, targets);

  return tally_to_percent (&tally);
}

/* Overall readiness sums over every skill rather than averaging the areas,
 * so an area with many targeted skills weighs more than one with a few. */
static double
overall_readiness (UpskillCatalog *catalog,
                   const guint    *levels,
                   const guint    *targets)
{
  guint n_skills = upskill_catalog_get_n_skills (catalog);
  Tally tally = { 0, 0 };

  for (guint i = 0; i < n_skills; i++)
    tally_skill (&tally, upskill_catalog_get_skill (catalog, i), levels, targets);

  return tally_to_percent (&tally);
}

double
upskill_compute_area_readiness (UpskillProfile *profile,
                                UpskillCatalog *catalog,
                                UpskillArea    *area)
{
  g_autofree guint *levels = NULL;
  g_autofree guint *targets = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), -1.0);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), -1.0);
  g_return_val_if_fail (area != NULL, -1.0);

  levels = dup_levels (profile, catalog);
  targets = dup_targets (profile, catalog);

  return area_readiness (area, levels, targets);
}

void
upskill_compute_readiness_by_area (UpskillProfile *profile,
                                   UpskillCatalog *catalog,
                                   double         *out_areas)
{
  g_autofree guint *levels = NULL;
  g_autofree guint *targets = NULL;

  g_return_if_fail (UPSKILL_IS_PROFILE (profile));
  g_return_if_fail (UPSKILL_IS_CATALOG (catalog));
  g_return_if_fail (out_areas != NULL);

  levels = dup_levels (profile, catalog);
  targets = dup_targets (profile, catalog);

  for (guint i = 0; i < upskill_catalog_get_n_areas (catalog); i++)
    {
      UpskillArea *area = upskill_catalog_get_area (catalog, i);

      out_areas[area->index] = area_readiness (area, levels, targets);
    }
}

double
upskill_compute_readiness (UpskillProfile *profile,
                           UpskillCatalog *catalog)
{
  g_autofree guint *levels = NULL;
  g_autofree guint *targets = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), -1.0);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), -1.0);

  levels = dup_levels (profile, catalog);
  targets = dup_targets (profile, catalog);

  return overall_readiness (catalog, levels, targets);
}

static void
area_summary (UpskillArea          *area,
              const guint          *levels,
              const guint          *targets,
              UpskillAreaReadiness *out_summary)
{
  guint met = 0;
  guint targeted = 0;

  memset (out_summary, 0, sizeof *out_summary);

  for (guint i = 0; i < area->skills->len; i++)
    {
      UpskillSkill *skill = g_ptr_array_index (area->skills, i);
      guint target = targets[skill->index];
      guint level = levels[skill->index];

      if (target == 0)
        continue;

      out_summary->n_targeted++;
      if (level >= target)
        out_summary->n_met++;
      met += MIN (level, target);
      targeted += target;
    }

  if (out_summary->n_targeted == 0)
    {
      out_summary->readiness = -1.0;
      return;
    }

  out_summary->readiness = 100.0 * met / targeted;
  out_summary->current = (double) met / out_summary->n_targeted;
  out_summary->target = (double) targeted / out_summary->n_targeted;
}

void
upskill_compute_area_summary (UpskillProfile       *profile,
                              UpskillCatalog       *catalog,
                              UpskillArea          *area,
                              UpskillAreaReadiness *out_summary)
{
  g_autofree guint *levels = NULL;
  g_autofree guint *targets = NULL;

  g_return_if_fail (UPSKILL_IS_PROFILE (profile));
  g_return_if_fail (UPSKILL_IS_CATALOG (catalog));
  g_return_if_fail (area != NULL);
  g_return_if_fail (out_summary != NULL);

  levels = dup_levels (profile, catalog);
  targets = dup_targets (profile, catalog);
  area_summary (area, levels, targets, out_summary);
}

void
upskill_compute_area_levels (UpskillProfile *profile,
                             UpskillCatalog *catalog,
                             UpskillArea    *area,
                             double         *out_current,
                             double         *out_target)
{
  UpskillAreaReadiness summary;

  g_return_if_fail (UPSKILL_IS_PROFILE (profile));
  g_return_if_fail (UPSKILL_IS_CATALOG (catalog));
  g_return_if_fail (area != NULL);

  upskill_compute_area_summary (profile, catalog, area, &summary);

  if (out_current != NULL)
    *out_current = summary.current;
  if (out_target != NULL)
    *out_target = summary.target;
}

/* Trends loaded against another instance of the same catalog know its
 * areas by id, not by pointer. */
static double
demand_signal (UpskillTrends *trends,
               UpskillArea   *area)
{
  UpskillCatalog *trends_catalog;

  if (trends == NULL)
    return 1.0;

  trends_catalog = upskill_trends_get_catalog (trends);
  if (trends_catalog != NULL
      && (area->index >= upskill_catalog_get_n_areas (trends_catalog)
          || upskill_catalog_get_area (trends_catalog, area->index) != area))
    {
      area = upskill_catalog_find_area (trends_catalog, area->id);
      if (area == NULL)
        return 0.0;
    }

  return upskill_trends_get_demand_signal (trends, area);
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const UpskillGap *gap_a = *(const UpskillGap * const *) a;
  const UpskillGap *gap_b = *(const UpskillGap * const *) b;

  if (gap_a->core != gap_b->core)
    return gap_a->core ? -1 : 1;
  if (gap_a->priority != gap_b->priority)
    return gap_a->priority > gap_b->priority ? -1 : 1;
  if (gap_a->gap != gap_b->gap)
    return gap_a->gap > gap_b->gap ? -1 : 1;
  if (gap_a->skill->index != gap_b->skill->index)
    return gap_a->skill->index < gap_b->skill->index ? -1 : 1;

  return 0;
}

GPtrArray *
upskill_compute_gaps (UpskillProfile *profile,
                      UpskillCatalog *catalog,
                      UpskillTrends  *trends)
{
  g_return_val_if_fail (trends == NULL || UPSKILL_IS_TRENDS (trends), NULL);

  return upskill_compute_gaps_weighted (profile, catalog, trends,
                                        trends != NULL ? upskill_trends_get_weight (trends)
                                                       : UPSKILL_TREND_WEIGHT_NONE);
}

gboolean
upskill_role_is_core_area (UpskillCatalog *catalog,
                           UpskillRole    *role,
                           UpskillArea    *area)
{
  guint n_areas;
  double most = 0.0;
  double least = G_MAXDOUBLE;

  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  n_areas = upskill_catalog_get_n_areas (catalog);
  g_return_val_if_fail (area->index < n_areas, FALSE);

  for (guint i = 0; i < n_areas; i++)
    {
      most = MAX (most, role->area_weights[i]);
      least = MIN (least, role->area_weights[i]);
    }

  /* The weights are read from JSON as given: equal means equal. */
  return least < most && role->area_weights[area->index] >= most;
}

/* The role first, in two steps a coach can follow. The gaps in the role's
 * core area (the area it weighs most: AI security for an AI Security
 * Engineer) come before every other gap, so no headline can push the
 * role's own skills down the list. Within that group and within the rest,
 * a gap counts by its size times the importance the role gives its area,
 * and the article's demand lifts it by at most the weight's factor (see
 * upskill_trend_weight_get_factor()). */
GPtrArray *
upskill_compute_gaps_weighted (UpskillProfile     *profile,
                               UpskillCatalog     *catalog,
                               UpskillTrends      *trends,
                               UpskillTrendWeight  trend_weight)
{
  g_autoptr(GPtrArray) gaps = NULL;
  UpskillRole *role;
  guint n_skills;
  double factor;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (trends == NULL || UPSKILL_IS_TRENDS (trends), NULL);

  factor = trends != NULL ? upskill_trend_weight_get_factor (trend_weight) : 0.0;

  gaps = g_ptr_array_new_with_free_func (g_free);
  role = find_target_role (profile, catalog);
  n_skills = upskill_catalog_get_n_skills (catalog);

  for (guint i = 0; i < n_skills; i++)
    {
      UpskillSkill *skill = upskill_catalog_get_skill (catalog, i);
      UpskillGap *gap;
      gboolean overridden;
      guint current;
      guint target;
      double weight;

      current = upskill_profile_get_level (profile, skill->id);
      target = target_for_role (profile, role, skill, &overridden);
      if (target <= current)
        continue;

      weight = role != NULL ? role->area_weights[skill->area->index] : 1.0;

      gap = g_new0 (UpskillGap, 1);
      gap->skill = skill;
      gap->current = current;
      gap->target = target;
      gap->overridden = overridden;
      gap->gap = target - current;
      gap->importance = weight;
      gap->demand = trends != NULL ? demand_signal (trends, skill->area) : 0.0;
      gap->priority = gap->gap * weight * (1.0 + factor * gap->demand);
      gap->core = role != NULL && upskill_role_is_core_area (catalog, role, skill->area);
      g_ptr_array_add (gaps, gap);
    }

  g_ptr_array_sort (gaps, compare_gaps);

  return g_steal_pointer (&gaps);
}

static void
readiness_point_free (gpointer data)
{
  UpskillReadinessPoint *point = data;

  g_free (point->areas);
  g_free (point);
}

/* Every skill at level 0, then the history replayed in time order
 * against today's targets: a long history's steps cost a step each, not
 * a pass over the catalog. */
typedef struct
{
  UpskillCatalog *catalog;
  guint          *levels;
  guint          *targets;
  Tally          *area_tallies;  /* indexed by UpskillArea.index */
  GPtrArray      *entries;       /* the history, by time */
  gint64          start;         /* the profile's creation, or the first entry */
} Replay;

static void
replay_init (Replay         *replay,
             UpskillProfile *profile,
             UpskillCatalog *catalog)
{
  guint n_areas = upskill_catalog_get_n_areas (catalog);
  GPtrArray *history = upskill_profile_get_history (profile);
  gboolean in_order = TRUE;

  replay->catalog = catalog;
  replay->levels = g_new0 (guint, MAX (upskill_catalog_get_n_skills (catalog), 1));
  replay->targets = dup_targets (profile, catalog);
  replay->area_tallies = g_new0 (Tally, MAX (n_areas, 1));
  for (guint i = 0; i < n_areas; i++)
    {
      UpskillArea *area = upskill_catalog_get_area (catalog, i);

      tally_area (&replay->area_tallies[area->index], area, replay->levels, replay->targets);
    }

  replay->entries = g_ptr_array_sized_new (history->len);
  for (guint i = 0; i < history->len; i++)
    {
      const UpskillHistoryEntry *entry = g_ptr_array_index (history, i);

      if (i > 0 && entry->time < ((const UpskillHistoryEntry *) g_ptr_array_index (history, i - 1))->time)
        in_order = FALSE;
      g_ptr_array_add (replay->entries, (gpointer) entry);
    }
  /* Stable: entries of the same second keep the order they were made in.
   * A history read from a file is in order already. */
  if (!in_order)
    g_ptr_array_sort (replay->entries, upskill_history_entry_compare_time);

  replay->start = upskill_profile_get_created (profile);
  if (replay->entries->len > 0)
    {
      const UpskillHistoryEntry *first = g_ptr_array_index (replay->entries, 0);

      replay->start = MIN (replay->start, first->time);
    }
}

static void
replay_clear (Replay *replay)
{
  g_clear_pointer (&replay->levels, g_free);
  g_clear_pointer (&replay->targets, g_free);
  g_clear_pointer (&replay->area_tallies, g_free);
  g_clear_pointer (&replay->entries, g_ptr_array_unref);
}

/* Sets the level of the entry's skill, and its area's tally with it.
 * Entries for skills the catalog does not know change nothing. */
static void
replay_entry (Replay                    *replay,
              const UpskillHistoryEntry *entry)
{
  UpskillSkill *skill;
  guint level = MIN (entry->to, UPSKILL_LEVEL_MAX);
  guint target;
  Tally *tally;

  skill = entry->skill_id != NULL
    ? upskill_catalog_find_skill (replay->catalog, entry->skill_id)
    : NULL;
  if (skill == NULL)
    return;

  target = replay->targets[skill->index];
  tally = &replay->area_tallies[skill->area->index];
  tally->met -= MIN (replay->levels[skill->index], target);
  tally->met += MIN (level, target);
  replay->levels[skill->index] = level;
}

/* From each area's tally. Every skill is in exactly one area: the areas'
 * tallies add up to the overall one, exactly (whole numbers). When
 * @out_areas is not NULL, each area's readiness goes there too. */
static double
replay_readiness (const Replay *replay,
                  double       *out_areas)
{
  guint n_areas = upskill_catalog_get_n_areas (replay->catalog);
  Tally overall = { 0, 0 };

  for (guint i = 0; i < n_areas; i++)
    {
      const Tally *tally = &replay->area_tallies[i];

      if (out_areas != NULL)
        out_areas[i] = tally_to_percent (tally);
      overall.met += tally->met;
      overall.targeted += tally->targeted;
    }

  return tally_to_percent (&overall);
}

static UpskillReadinessPoint *
readiness_point_new (const Replay *replay,
                     gint64        time)
{
  guint n_areas = upskill_catalog_get_n_areas (replay->catalog);
  UpskillReadinessPoint *point = g_new0 (UpskillReadinessPoint, 1);

  point->time = time;
  point->areas = g_new0 (double, MAX (n_areas, 1));
  point->overall = replay_readiness (replay, point->areas);

  return point;
}

/* The series replays the history against today's targets, so the line
 * shows progress towards the goal the person has now. Entries of the same
 * second make one point (the state after all of them); the first point is
 * at the profile's creation, or at the first entry if an imported history
 * starts earlier. Entries for skills the catalog does not know add a point
 * but change nothing. */
GPtrArray *
upskill_compute_readiness_series (UpskillProfile *profile,
                                  UpskillCatalog *catalog)
{
  g_autoptr(GPtrArray) series = NULL;
  Replay replay;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);

  replay_init (&replay, profile, catalog);
  series = g_ptr_array_new_with_free_func (readiness_point_free);
  g_ptr_array_add (series, readiness_point_new (&replay, replay.start));

  for (guint i = 0; i < replay.entries->len; i++)
    {
      const UpskillHistoryEntry *entry = g_ptr_array_index (replay.entries, i);
      const UpskillHistoryEntry *next = NULL;

      replay_entry (&replay, entry);

      if (i + 1 < replay.entries->len)
        next = g_ptr_array_index (replay.entries, i + 1);
      if (next != NULL && next->time == entry->time)
        continue;

      g_ptr_array_add (series, readiness_point_new (&replay, entry->time));
    }

  replay_clear (&replay);

  return g_steal_pointer (&series);
}

gboolean
upskill_compute_readiness_before (UpskillProfile *profile,
                                  UpskillCatalog *catalog,
                                  gint64          time,
                                  double         *out_readiness)
{
  const UpskillHistoryEntry *first;
  Replay replay;
  gint64 until;
  double readiness;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (out_readiness != NULL, FALSE);

  replay_init (&replay, profile, catalog);

  /* No change before @time: the first assessment, as
   * upskill_progress_get_baseline_index() finds it in the series. */
  first = replay.entries->len > 0 ? g_ptr_array_index (replay.entries, 0) : NULL;
  until = first != NULL && first->time < time
    ? time
    : upskill_progress_get_first_assessment_end (replay.start);

  for (guint i = 0; i < replay.entries->len; i++)
    {
      const UpskillHistoryEntry *entry = g_ptr_array_index (replay.entries, i);

      if (entry->time >= until)
        break;
      replay_entry (&replay, entry);
    }

  readiness = replay_readiness (&replay, NULL);
  replay_clear (&replay);

  if (readiness < 0)
    return FALSE;

  *out_readiness = readiness;
  return TRUE;
}

void
upskill_compute_baseline (UpskillProfile  *profile,
                          UpskillCatalog  *catalog,
                          UpskillBaseline *out_baseline)
{
  g_autoptr(GPtrArray) series = NULL;
  const UpskillReadinessPoint *first;
  guint baseline_index;

  g_return_if_fail (UPSKILL_IS_PROFILE (profile));
  g_return_if_fail (UPSKILL_IS_CATALOG (catalog));
  g_return_if_fail (out_baseline != NULL);

  series = upskill_compute_readiness_series (profile, catalog);
  baseline_index = upskill_progress_get_baseline_index (series);
  first = g_ptr_array_index (series, baseline_index);

  out_baseline->now = upskill_compute_readiness (profile, catalog);
  /* Levels imported without a history were the first assessment. */
  out_baseline->baseline = series->len > 1 ? first->overall : out_baseline->now;
  out_baseline->baseline_time = first->time;
  /* Every change after the first assessment's day is progress, even one
   * that brings readiness back to where it was. */
  out_baseline->has_progress = baseline_index + 1 < series->len;
}
