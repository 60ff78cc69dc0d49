/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "upskill-date.h"
#include "upskill-level.h"
#include "upskill-planner.h"
#include "upskill-readiness.h"

/* How the plan is rebuilt
 *
 * 1. The fresh list: for each gap in the order of the ranking (the role's
 *    core area first, then by priority; see upskill_compute_gaps()),
 *    modules of that skill are chained from the current level (highest
 *    level reached, then fewest hours, then catalog order) until the
 *    target is reached. Each module brings its prerequisites, transitively
 *    and before it, unless the person's level already covers them or they
 *    are already listed. A
 *    module the person skipped is chosen only when nothing else covers that
 *    level, so skipping a course makes the planner look for another one.
 *
 * 2. Steps of the old plan whose module is in the fresh list are reused:
 *    same id, same status. Other old steps are kept if they are custom or
 *    were ever started (in progress, done, skipped): they are the history of
 *    the plan. Old steps that were only planned and are no longer needed are
 *    dropped.
 *
 * 3. Order: the fresh list in ranking order, except that steps in
 *    progress lead it, so that the schedule does not project work already
 *    under way months ahead. Each kept step that is not in the fresh list
 *    goes right after the step that preceded it in the old plan (the
 *    nearest earlier one still present), or first if none did, so a custom
 *    step stays next to what the user put it next to. Last, a step that
 *    comes before one of its prerequisites (see is_needed_prerequisite())
 *    has that prerequisite pulled forward to just before it; steps already
 *    in order keep it (sort_by_prerequisites()).
 *
 * Regenerating therefore re-sorts the modules it plans by rank: an
 * order the user set by hand for those is not kept. */

typedef struct
{
  UpskillProfile *profile;
  UpskillCatalog *catalog;
  GHashTable     *old_steps;   /* module id -> first old UpskillPlanStep* */
  GHashTable     *taken;       /* step ids in use, owned */
  GPtrArray      *modules;     /* UpskillModule*, the fresh list */
  GHashTable     *listed;      /* UpskillModule* set */
  GHashTable     *visiting;    /* UpskillModule* set, guards against cycles */
} PlanBuilder;

static void
builder_clear (PlanBuilder *builder)
{
  g_clear_pointer (&builder->old_steps, g_hash_table_unref);
  g_clear_pointer (&builder->taken, g_hash_table_unref);
  g_clear_pointer (&builder->modules, g_ptr_array_unref);
  g_clear_pointer (&builder->listed, g_hash_table_unref);
  g_clear_pointer (&builder->visiting, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlanBuilder, builder_clear)

/* Starts a fresh list of modules for @profile: the ids of the steps of
 * its plan are taken, and a module's first old step is the one kept. */
static void
builder_init (PlanBuilder    *builder,
              UpskillProfile *profile,
              UpskillCatalog *catalog)
{
  GPtrArray *plan = upskill_profile_get_plan (profile);

  *builder = (PlanBuilder) {
    .profile = profile,
    .catalog = catalog,
    .old_steps = g_hash_table_new (g_str_hash, g_str_equal),
    .taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .modules = g_ptr_array_new (),
    .listed = g_hash_table_new (NULL, NULL),
    .visiting = g_hash_table_new (NULL, NULL),
  };

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);

      g_hash_table_add (builder->taken, g_strdup (step->id));
      if (step->module_id != NULL && !g_hash_table_contains (builder->old_steps, step->module_id))
        g_hash_table_insert (builder->old_steps, step->module_id, step);
    }
}

/* One rule for ordering the plan and for warning about the user's order:
 * a prerequisite the person's level already covers constrains nothing, and
 * one with no step in the plan (removed by the user) passes its own
 * prerequisites on. */
static gboolean
is_needed_prerequisite (UpskillProfile *profile,
                        UpskillModule  *prerequisite)
{
  return upskill_profile_get_level (profile, prerequisite->skill->id) < prerequisite->to_level;
}

static gboolean
builder_is_skipped (PlanBuilder   *builder,
                    UpskillModule *module)
{
  UpskillPlanStep *step = g_hash_table_lookup (builder->old_steps, module->id);

  return step != NULL && step->status == UPSKILL_STEP_SKIPPED;
}

static void
builder_add_module (PlanBuilder   *builder,
                    UpskillModule *module)
{
  if (g_hash_table_contains (builder->listed, module)
      || g_hash_table_contains (builder->visiting, module))
    return;

  g_hash_table_add (builder->visiting, module);

  for (guint i = 0; module->prerequisites != NULL && i < module->prerequisites->len; i++)
    {
      UpskillModule *prerequisite = g_ptr_array_index (module->prerequisites, i);

      if (is_needed_prerequisite (builder->profile, prerequisite))
        builder_add_module (builder, prerequisite);
    }

  g_hash_table_remove (builder->visiting, module);
  g_hash_table_add (builder->listed, module);
  g_ptr_array_add (builder->modules, module);
}

/* TRUE if @a is a better next module than @b. */
static gboolean
builder_prefers (PlanBuilder   *builder,
                 UpskillModule *a,
                 UpskillModule *b)
{
  gboolean a_skipped = builder_is_skipped (builder, a);
  gboolean b_skipped = builder_is_skipped (builder, b);

  if (a_skipped != b_skipped)
    return b_skipped;
  if (a->to_level != b->to_level)
    return a->to_level > b->to_level;

  /* Equal otherwise: the earlier one in the catalog, which is @b. */
  return a->hours < b->hours;
}

static UpskillModule *
builder_choose_module (PlanBuilder  *builder,
                       UpskillSkill *skill,
                       guint         level)
{
  guint n_modules = upskill_catalog_get_n_modules (builder->catalog);
  UpskillModule *best = NULL;

  for (guint i = 0; i < n_modules; i++)
    {
      UpskillModule *module = upskill_catalog_get_module (builder->catalog, i);

      if (module->skill != skill
          || module->from_level > level
          || module->to_level <= level)
        continue;

      if (best == NULL || builder_prefers (builder, module, best))
        best = module;
    }

  return best;
}

static void
builder_close_gap (PlanBuilder      *builder,
                   const UpskillGap *gap)
{
  guint level = gap->current;

  while (level < gap->target)
    {
      UpskillModule *module = builder_choose_module (builder, gap->skill, level);

      if (module == NULL)
        break;

      builder_add_module (builder, module);
      level = module->to_level;
    }
}

static gboolean
step_is_kept (const UpskillPlanStep *step)
{
  return step->module_id == NULL || step->status != UPSKILL_STEP_PLANNED;
}

/* upskill_profile_new_step_id() only knows the plan the profile has now, so
 * ids handed out for the plan being built are tracked here. */
static char *
new_step_id (UpskillProfile *profile,
             GHashTable     *taken)
{
  char *id = upskill_profile_new_step_id (profile);

  for (guint n = g_hash_table_size (taken) + 1; g_hash_table_contains (taken, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("step-%u", n);
    }

  g_hash_table_add (taken, g_strdup (id));

  return id;
}

static void
insert_after (GPtrArray       *steps,
              UpskillPlanStep *anchor,
              UpskillPlanStep *step)
{
  guint position = 0;

  if (anchor != NULL && g_ptr_array_find (steps, anchor, &position))
    position++;

  g_ptr_array_insert (steps, position, step);
}

static int
find_module_step (GPtrArray  *steps,
                  const char *module_id)
{
  for (guint i = 0; i < steps->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (steps, i);

      if (g_strcmp0 (step->module_id, module_id) == 0)
        return i;
    }

  return -1;
}

/* Marks in @required the steps of @steps holding a prerequisite of @module
 * (see is_needed_prerequisite()). */
static void
collect_required (UpskillProfile *profile,
                  GPtrArray      *steps,
                  UpskillModule  *module,
                  GHashTable     *seen,
                  gboolean       *required)
{
  for (guint i = 0; module->prerequisites != NULL && i < module->prerequisites->len; i++)
    {
      UpskillModule *prerequisite = g_ptr_array_index (module->prerequisites, i);
      int position;

      if (!g_hash_table_add (seen, prerequisite)
          || !is_needed_prerequisite (profile, prerequisite))
        continue;

      position = find_module_step (steps, prerequisite->id);
      if (position >= 0)
        required[position] = TRUE;
      else
        collect_required (profile, steps, prerequisite, seen, required);
    }
}

typedef struct
{
  GPtrArray *steps;
  guint      n;
  gboolean  *required;  /* n x n: required[i * n + j], step i needs step j */
  guint8    *state;     /* 0 not yet, 1 being placed, 2 placed */
  GPtrArray *sorted;
} PlanSort;

static void
place_step (PlanSort *sort,
            guint     i)
{
  if (sort->state[i] != 0)
    return;  /* placed, or a cycle the catalog let through */

  sort->state[i] = 1;
  for (guint j = 0; j < sort->n; j++)
    if (sort->required[i * sort->n + j])
      place_step (sort, j);

  sort->state[i] = 2;
  g_ptr_array_add (sort->sorted, g_ptr_array_index (sort->steps, i));
}

/* Walks the steps in order and places each one's missing prerequisites
 * (in their own order) right before it: a step keeps its place and the
 * steps it waits for are pulled forward, rather than the step sinking
 * behind unrelated ones. Steps already in order do not move. */
static GPtrArray *
sort_by_prerequisites (GPtrArray      *steps,
                       UpskillProfile *profile,
                       UpskillCatalog *catalog)
{
  guint n = steps->len;
  g_autofree gboolean *required = g_new0 (gboolean, (gsize) MAX (n, 1) * MAX (n, 1));
  g_autofree guint8 *state = g_new0 (guint8, MAX (n, 1));
  PlanSort sort;

  for (guint i = 0; i < n; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (steps, i);
      g_autoptr(GHashTable) seen = NULL;
      UpskillModule *module;

      if (step->module_id == NULL)
        continue;

      module = upskill_catalog_find_module (catalog, step->module_id);
      if (module == NULL)
        continue;

      seen = g_hash_table_new (NULL, NULL);
      g_hash_table_add (seen, module);
      collect_required (profile, steps, module, seen, &required[i * n]);
      required[i * n + i] = FALSE;
    }

  sort = (PlanSort) {
    .steps = steps,
    .n = n,
    .required = required,
    .state = state,
    .sorted = g_ptr_array_new_full (n, (GDestroyNotify) upskill_plan_step_free),
  };

  for (guint i = 0; i < n; i++)
    place_step (&sort, i);

  /* The steps moved to the sorted array. */
  g_ptr_array_set_free_func (steps, NULL);

  return sort.sorted;
}

void
upskill_planner_regenerate (UpskillProfile *profile,
                            UpskillCatalog *catalog,
                            UpskillTrends  *trends)
{
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GHashTable) reused = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_auto(PlanBuilder) builder = { 0 };
  GHashTable *old_steps;
  GPtrArray *modules;
  GPtrArray *old_plan;
  UpskillPlanStep *anchor = NULL;

  g_return_if_fail (UPSKILL_IS_PROFILE (profile));
  g_return_if_fail (UPSKILL_IS_CATALOG (catalog));
  g_return_if_fail (trends == NULL || UPSKILL_IS_TRENDS (trends));

  old_plan = upskill_profile_get_plan (profile);

  /* 1. The fresh list. */
  builder_init (&builder, profile, catalog);
  old_steps = builder.old_steps;
  modules = builder.modules;

  gaps = upskill_compute_gaps (profile, catalog, trends);
  for (guint i = 0; i < gaps->len; i++)
    builder_close_gap (&builder, g_ptr_array_index (gaps, i));

  /* 2. Reuse the old steps of listed modules, those in progress first. */
  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  reused = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < modules->len; i++)
    {
      UpskillModule *module = g_ptr_array_index (modules, i);
      UpskillPlanStep *old = g_hash_table_lookup (old_steps, module->id);
      UpskillPlanStep *copy;

      if (old == NULL || old->status != UPSKILL_STEP_IN_PROGRESS)
        continue;

      copy = upskill_plan_step_copy (old);
      g_ptr_array_add (steps, copy);
      g_hash_table_insert (reused, old, copy);
    }

  for (guint i = 0; i < modules->len; i++)
    {
      UpskillModule *module = g_ptr_array_index (modules, i);
      UpskillPlanStep *old = g_hash_table_lookup (old_steps, module->id);

      if (old == NULL)
        {
          g_autofree char *id = new_step_id (profile, builder.taken);

          g_ptr_array_add (steps, upskill_plan_step_new_module (id, module->id));
        }
      else if (old->status != UPSKILL_STEP_IN_PROGRESS)
        {
          UpskillPlanStep *copy = upskill_plan_step_copy (old);

          g_ptr_array_add (steps, copy);
          g_hash_table_insert (reused, old, copy);
        }
    }

  /* 3. Kept steps next to their old neighbours. */
  for (guint i = 0; i < old_plan->len; i++)
    {
      UpskillPlanStep *old = g_ptr_array_index (old_plan, i);
      UpskillPlanStep *copy = g_hash_table_lookup (reused, old);

      if (copy == NULL && step_is_kept (old))
        {
          copy = upskill_plan_step_copy (old);
          insert_after (steps, anchor, copy);
        }

      if (copy != NULL)
        anchor = copy;
    }

  upskill_profile_set_plan (profile, sort_by_prerequisites (steps, profile, catalog));

  /* Unfinished steps move forward from today; statuses stay. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    GDate today;

    upskill_date_set_from_date_time (&today, now);
    upskill_planner_record_due (profile, catalog, &today);
  }
}

static void
resolve_step (UpskillScheduledStep *scheduled,
              UpskillPlanStep      *step,
              UpskillCatalog       *catalog)
{
  scheduled->step = step;

  if (step->module_id != NULL)
    {
      UpskillModule *module = upskill_catalog_find_module (catalog, step->module_id);

      scheduled->module = module;
      if (module != NULL)
        {
          scheduled->title = module->title;
          scheduled->hours = module->hours;
          scheduled->skill = module->skill;
          scheduled->from_level = module->from_level;
          scheduled->to_level = module->to_level;
        }
      else
        {
          /* A module the catalog no longer has: show its id, take no time. */
          scheduled->title = step->title != NULL ? step->title : step->module_id;
        }
      return;
    }

  scheduled->title = step->title != NULL ? step->title : "";
  scheduled->hours = step->hours;
  scheduled->skill = step->skill_id != NULL
    ? upskill_catalog_find_skill (catalog, step->skill_id)
    : NULL;
  scheduled->from_level = step->from_level;
  scheduled->to_level = step->to_level;
}

/* 31 December 9999: a projection beyond is no date at all. */
#define LAST_JULIAN_DAY 3652059

/* A step takes hours / (weekly hours / 7) days, rounded up, at least one.
 * Computed as hours x 7 / weekly hours: a single correctly rounded division
 * is exact when the quotient is whole, so ceil() never adds a spurious day
 * the way dividing by a rounded hours-per-day could. */
static guint
step_days (guint  hours,
           double weekly_hours)
{
  double days = ceil (hours * 7.0 / weekly_hours);

  return days < 1.0 ? 1 : (guint) MIN (days, (double) LAST_JULIAN_DAY);
}

/* Steps that are not done or skipped are scheduled (and count towards the
 * remaining hours) even when no date can be projected for them (weekly
 * hours of 0, or a finish past the year 9999); their dates are then left
 * invalid. */
GPtrArray *
upskill_planner_schedule (UpskillProfile *profile,
                          UpskillCatalog *catalog,
                          const GDate    *start)
{
  g_autoptr(GPtrArray) schedule = NULL;
  GPtrArray *plan;
  double weekly_hours;
  GDate day;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (start != NULL && g_date_valid (start), NULL);

  schedule = g_ptr_array_new_with_free_func (g_free);
  plan = upskill_profile_get_plan (profile);
  weekly_hours = upskill_profile_get_weekly_hours (profile);
  day = *start;

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);
      UpskillScheduledStep *scheduled = g_new0 (UpskillScheduledStep, 1);

      resolve_step (scheduled, step, catalog);
      g_date_clear (&scheduled->start, 1);
      g_date_clear (&scheduled->finish, 1);
      scheduled->scheduled = step->status != UPSKILL_STEP_DONE
                             && step->status != UPSKILL_STEP_SKIPPED;

      scheduled->hours_left = scheduled->hours - MIN (step->hours_spent, scheduled->hours);

      if (scheduled->scheduled && weekly_hours > 0 && g_date_valid (&day))
        {
          guint days = step_days (scheduled->hours_left, weekly_hours);

          if (g_date_get_julian (&day) > LAST_JULIAN_DAY
              || days - 1 > LAST_JULIAN_DAY - g_date_get_julian (&day))
            {
              g_date_clear (&day, 1);
              g_ptr_array_add (schedule, scheduled);
              continue;
            }

          scheduled->start = day;
          scheduled->finish = day;
          g_date_add_days (&scheduled->finish, days - 1);
          day = scheduled->finish;
          g_date_add_days (&day, 1);
        }

      g_ptr_array_add (schedule, scheduled);
    }

  return g_steal_pointer (&schedule);
}

void
upskill_planner_get_finish (GPtrArray *schedule,
                            GDate     *out_finish)
{
  g_return_if_fail (schedule != NULL);
  g_return_if_fail (out_finish != NULL);

  g_date_clear (out_finish, 1);

  for (guint i = 0; i < schedule->len; i++)
    {
      UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, i);

      if (scheduled->scheduled && g_date_valid (&scheduled->finish))
        *out_finish = scheduled->finish;
    }
}

guint
upskill_planner_remaining_hours (GPtrArray *schedule)
{
  guint hours = 0;

  g_return_val_if_fail (schedule != NULL, 0);

  for (guint i = 0; i < schedule->len; i++)
    {
      UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, i);

      if (scheduled->scheduled)
        hours += scheduled->hours_left;
    }

  return hours;
}

static const UpskillScheduledStep *
find_pending_after (UpskillProfile *profile,
                    GPtrArray      *schedule,
                    guint           position,
                    UpskillModule  *module,
                    GHashTable     *seen)
{
  for (guint i = 0; module->prerequisites != NULL && i < module->prerequisites->len; i++)
    {
      UpskillModule *prerequisite = g_ptr_array_index (module->prerequisites, i);
      const UpskillScheduledStep *found;
      gboolean present = FALSE;

      if (!g_hash_table_add (seen, prerequisite)
          || !is_needed_prerequisite (profile, prerequisite))
        continue;

      for (guint j = 0; j < schedule->len; j++)
        {
          const UpskillScheduledStep *other = g_ptr_array_index (schedule, j);

          if (other->module != prerequisite)
            continue;

          present = TRUE;
          if (j > position && other->scheduled)
            return other;
        }

      if (present)
        continue;

      found = find_pending_after (profile, schedule, position, prerequisite, seen);
      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
upskill_planner_check_order (UpskillProfile  *profile,
                             GPtrArray       *schedule,
                             char           **out_message)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), TRUE);
  g_return_val_if_fail (schedule != NULL, TRUE);

  if (out_message != NULL)
    *out_message = NULL;

  for (guint i = 0; i < schedule->len; i++)
    {
      const UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, i);
      const UpskillScheduledStep *prerequisite;
      g_autoptr(GHashTable) seen = NULL;

      if (!scheduled->scheduled || scheduled->module == NULL)
        continue;

      seen = g_hash_table_new (NULL, NULL);
      prerequisite = find_pending_after (profile, schedule, i, scheduled->module, seen);
      if (prerequisite == NULL)
        continue;

      if (out_message != NULL)
        *out_message = g_strdup_printf (_("“%s” comes before its prerequisite “%s”. "
                                          "Move it after, or regenerate the plan."),
                                        scheduled->title, prerequisite->title);
      return FALSE;
    }

  return TRUE;
}

static gint64
date_to_unix (const GDate *date)
{
  g_autoptr(GDateTime) date_time = upskill_date_time_new_from_date (date);

  return date_time != NULL ? g_date_time_to_unix (date_time) : 0;
}

static void
forecast_note_areas (UpskillForecast *forecast,
                     UpskillProfile  *replay,
                     UpskillCatalog  *catalog,
                     const GDate     *day)
{
  for (guint a = 0; a < forecast->n_areas; a++)
    {
      UpskillArea *area = upskill_catalog_get_area (catalog, a);
      double readiness;

      if (g_date_valid (&forecast->area_reached[area->index]))
        continue;

      readiness = upskill_compute_area_readiness (replay, catalog, area);
      if (readiness >= 100.0 && day != NULL && g_date_valid (day))
        forecast->area_reached[area->index] = *day;
    }
}

UpskillForecast *
upskill_planner_forecast (UpskillProfile *profile,
                          UpskillCatalog *catalog,
                          UpskillTrends  *trends,
                          GPtrArray      *schedule,
                          const GDate    *today)
{
  g_autoptr(UpskillProfile) replay = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GArray) times = NULL;
  g_autoptr(GArray) values = NULL;
  UpskillForecast *forecast;
  gint64 last_time;
  double value;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (trends == NULL || UPSKILL_IS_TRENDS (trends), NULL);
  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  forecast = g_new0 (UpskillForecast, 1);
  forecast->n_areas = upskill_catalog_get_n_areas (catalog);
  forecast->area_at_end = g_new0 (double, MAX (forecast->n_areas, 1));
  forecast->area_reached = g_new0 (GDate, MAX (forecast->n_areas, 1));
  for (guint a = 0; a < forecast->n_areas; a++)
    g_date_clear (&forecast->area_reached[a], 1);
  g_date_clear (&forecast->end, 1);
  upskill_planner_get_finish (schedule, &forecast->end);

  gaps = upskill_compute_gaps (profile, catalog, trends);
  forecast->n_gaps = gaps->len;
  forecast->now = upskill_compute_readiness (profile, catalog);

  times = g_array_new (FALSE, FALSE, sizeof (gint64));
  values = g_array_new (FALSE, FALSE, sizeof (double));
  last_time = date_to_unix (today);
  g_array_append_val (times, last_time);
  g_array_append_val (values, forecast->now);

  /* The replay happens on a copy: the steps' promised levels, in order. */
  replay = upskill_profile_copy (profile);
  forecast_note_areas (forecast, replay, catalog, today);

  for (guint i = 0; i < schedule->len; i++)
    {
      const UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, i);
      guint level;

      if (!scheduled->scheduled || scheduled->skill == NULL)
        continue;

      level = upskill_profile_get_level (replay, scheduled->skill->id);
      if (scheduled->to_level <= level)
        continue;

      upskill_profile_set_level (replay, scheduled->skill->id,
                                 MIN (scheduled->to_level, UPSKILL_LEVEL_MAX), NULL, 0);
      forecast_note_areas (forecast, replay, catalog, &scheduled->finish);

      if (g_date_valid (&scheduled->finish))
        {
          gint64 time = date_to_unix (&scheduled->finish);

          value = upskill_compute_readiness (replay, catalog);
          /* One point per day: the state after that day's steps. */
          if (time == last_time && values->len > 1)
            g_array_index (values, double, values->len - 1) = value;
          else
            {
              g_array_append_val (times, time);
              g_array_append_val (values, value);
            }
          last_time = time;
        }
    }

  forecast->at_end = upskill_compute_readiness (replay, catalog);
  for (guint a = 0; a < forecast->n_areas; a++)
    {
      UpskillArea *area = upskill_catalog_get_area (catalog, a);

      forecast->area_at_end[area->index] = upskill_compute_area_readiness (replay, catalog, area);
    }
  forecast->uncovered = upskill_compute_gaps (replay, catalog, trends);

  if (times->len > 1)
    {
      forecast->n_points = times->len;
      forecast->times = (gint64 *) (void *) g_array_free (g_steal_pointer (&times), FALSE);
      forecast->values = (double *) (void *) g_array_free (g_steal_pointer (&values), FALSE);
    }

  return forecast;
}

void
upskill_forecast_free (UpskillForecast *forecast)
{
  if (forecast == NULL)
    return;

  g_clear_pointer (&forecast->uncovered, g_ptr_array_unref);
  g_free (forecast->area_at_end);
  g_free (forecast->area_reached);
  g_free (forecast->times);
  g_free (forecast->values);
  g_free (forecast);
}

/* Whether modules of @catalog, leaving out those in @excluded (module
 * ids; may be NULL), chain @skill from @from up to @to. */
static gboolean
can_close_without (UpskillCatalog *catalog,
                   UpskillSkill   *skill,
                   guint           from,
                   guint           to,
                   GHashTable     *excluded)
{
  guint level = from;

  while (level < to)
    {
      guint best = level;

      for (guint i = 0; i < upskill_catalog_get_n_modules (catalog); i++)
        {
          UpskillModule *module = upskill_catalog_get_module (catalog, i);

          if (module->skill == skill && module->from_level <= level && module->to_level > best
              && (excluded == NULL || !g_hash_table_contains (excluded, module->id)))
            best = module->to_level;
        }

      if (best == level)
        return FALSE;
      level = best;
    }

  return TRUE;
}

gboolean
upskill_planner_can_close (UpskillCatalog *catalog,
                           UpskillSkill   *skill,
                           guint           from,
                           guint           to)
{
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (skill != NULL, FALSE);

  return can_close_without (catalog, skill, from, to, NULL);
}

/* The planner offers a skipped module again only in the same step, which
 * stays skipped (see builder_prefers()): when nothing else closes the gap,
 * neither regenerating nor Add Steps will, and the person is told so. */
UpskillOpenGap
upskill_planner_why_open (UpskillProfile *profile,
                          UpskillCatalog *catalog,
                          UpskillSkill   *skill,
                          guint           from,
                          guint           to)
{
  g_autoptr(GHashTable) skipped = NULL;
  GPtrArray *plan;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), UPSKILL_OPEN_GAP_NO_MODULE);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), UPSKILL_OPEN_GAP_NO_MODULE);
  g_return_val_if_fail (skill != NULL, UPSKILL_OPEN_GAP_NO_MODULE);

  if (!can_close_without (catalog, skill, from, to, NULL))
    return UPSKILL_OPEN_GAP_NO_MODULE;

  skipped = g_hash_table_new (g_str_hash, g_str_equal);
  plan = upskill_profile_get_plan (profile);
  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);

      if (step->module_id != NULL && step->status == UPSKILL_STEP_SKIPPED)
        g_hash_table_add (skipped, step->module_id);
    }

  if (!can_close_without (catalog, skill, from, to, skipped))
    return UPSKILL_OPEN_GAP_SKIPPED;

  return UPSKILL_OPEN_GAP_NOT_PLANNED;
}

const char *
upskill_planner_describe_uncovered (UpskillProfile   *profile,
                                    UpskillCatalog   *catalog,
                                    const UpskillGap *gap)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (gap != NULL, NULL);

  switch (upskill_planner_why_open (profile, catalog, gap->skill, gap->current, gap->target))
    {
    case UPSKILL_OPEN_GAP_NOT_PLANNED:
      return _("No step of the plan raises it to the target; regenerate the plan or add a step.");
    case UPSKILL_OPEN_GAP_SKIPPED:
      return _("Only a module that was skipped raises it to the target; take that step up again "
               "or add a step of your own.");
    case UPSKILL_OPEN_GAP_NO_MODULE:
    default:
      return _("No module in the catalog raises it to the target; add a step of your own.");
    }
}

guint
upskill_planner_planned_level (UpskillProfile *profile,
                               UpskillCatalog *catalog,
                               UpskillSkill   *skill)
{
  GPtrArray *plan;
  guint level;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), 0);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), 0);
  g_return_val_if_fail (skill != NULL, 0);

  level = upskill_profile_get_level (profile, skill->id);
  plan = upskill_profile_get_plan (profile);
  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);
      UpskillScheduledStep resolved = { 0 };

      if (step->status == UPSKILL_STEP_SKIPPED)
        continue;
      resolve_step (&resolved, step, catalog);
      if (resolved.skill == skill)
        level = MAX (level, MIN (resolved.to_level, UPSKILL_LEVEL_MAX));
    }

  return level;
}

guint
upskill_planner_cover_gap (UpskillProfile *profile,
                           UpskillCatalog *catalog,
                           const char     *skill_id)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_auto(PlanBuilder) builder = { 0 };
  UpskillSkill *skill;
  UpskillGap gap = { 0 };
  GPtrArray *plan;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), 0);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), 0);
  g_return_val_if_fail (skill_id != NULL, 0);

  skill = upskill_catalog_find_skill (catalog, skill_id);
  if (skill == NULL)
    return 0;

  gap.skill = skill;
  gap.current = upskill_planner_planned_level (profile, catalog, skill);
  gap.target = upskill_profile_get_target (profile, catalog, skill, NULL);
  if (gap.current >= gap.target)
    return 0;

  plan = upskill_profile_get_plan (profile);
  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  builder_init (&builder, profile, catalog);

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);
      UpskillModule *module = NULL;

      g_ptr_array_add (steps, upskill_plan_step_copy (step));
      if (step->module_id != NULL)
        module = upskill_catalog_find_module (catalog, step->module_id);
      /* Never twice in the plan, even when skipped. */
      if (module != NULL)
        g_hash_table_add (builder.listed, module);
    }

  builder_close_gap (&builder, &gap);

  for (guint i = 0; i < builder.modules->len; i++)
    {
      UpskillModule *module = g_ptr_array_index (builder.modules, i);
      g_autofree char *id = new_step_id (profile, builder.taken);

      g_ptr_array_add (steps, upskill_plan_step_new_module (id, module->id));
    }

  if (builder.modules->len > 0)
    upskill_profile_set_plan (profile, sort_by_prerequisites (steps, profile, catalog));

  return builder.modules->len;
}

static gint64
date_to_utc_day (const GDate *date)
{
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                  g_date_get_day (date), 0, 0, 0);

  return day != NULL ? g_date_time_to_unix (day) : 0;
}

void
upskill_planner_record_due (UpskillProfile *profile,
                            UpskillCatalog *catalog,
                            const GDate    *today)
{
  g_autoptr(GPtrArray) schedule = NULL;

  g_return_if_fail (UPSKILL_IS_PROFILE (profile));
  g_return_if_fail (UPSKILL_IS_CATALOG (catalog));
  g_return_if_fail (today != NULL && g_date_valid (today));

  schedule = upskill_planner_schedule (profile, catalog, today);
  for (guint i = 0; i < schedule->len; i++)
    {
      UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, i);

      if (!scheduled->scheduled)
        continue;
      scheduled->step->due = g_date_valid (&scheduled->finish) ? date_to_utc_day (&scheduled->finish) : 0;
    }
}

guint
upskill_planner_count_behind (UpskillProfile *profile,
                              const GDate    *today)
{
  GPtrArray *plan;
  gint64 today_day;
  guint behind = 0;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  today_day = date_to_utc_day (today);
  plan = upskill_profile_get_plan (profile);
  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);

      if (step->due != 0 && step->due < today_day
          && (step->status == UPSKILL_STEP_PLANNED || step->status == UPSKILL_STEP_IN_PROGRESS))
        behind++;
    }

  return behind;
}
