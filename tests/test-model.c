/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "upskill-catalog.h"
#include "upskill-format.h"
#include "upskill-planner.h"
#include "upskill-profile.h"
#include "upskill-readiness.h"
#include "upskill-test-utils.h"
#include "upskill-trends.h"

/* The one readiness model, checked on the bundled samples as a reader
 * sees it: through the formatted figures the window and the report show. */

static char *
sample_id (const char *file_name)
{
  g_assert_true (g_str_has_suffix (file_name, ".json"));
  return g_strndup (file_name, strlen (file_name) - strlen (".json"));
}

/* Every area row of every sample: the current level reads at or above
 * the target exactly when the row reads 100%, and the percentage is what
 * current over target says. */
static void
test_area_rows_agree (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_auto(GStrv) samples = upskill_test_list_samples ();
  guint n_rows = 0;

  if (samples == NULL)
    return;

  for (guint s = 0; samples[s] != NULL; s++)
    {
      g_autofree char *id = sample_id (samples[s]);
      g_autoptr(UpskillProfile) profile = upskill_test_load_sample (id);

      for (guint a = 0; a < upskill_catalog_get_n_areas (catalog); a++)
        {
          UpskillArea *area = upskill_catalog_get_area (catalog, a);
          UpskillAreaReadiness summary;
          g_autofree char *current = NULL;
          g_autofree char *target = NULL;
          g_autofree char *percent = NULL;
          double current_value, target_value;
          gboolean full;

          upskill_compute_area_summary (profile, catalog, area, &summary);
          upskill_format_area_levels (&summary, &current, &target);
          percent = upskill_format_percent (summary.readiness);
          g_test_message ("%s / %s: current %s, target %s, ready %s", id, area->name,
                          current, target, percent);

          g_assert_cmpfloat_with_epsilon (summary.readiness,
                                          upskill_compute_area_readiness (profile, catalog, area), 1e-9);
          if (summary.readiness < 0)
            {
              g_assert_cmpstr (percent, ==, "–");
              g_assert_cmpstr (current, ==, "–");
              continue;
            }

          current_value = g_ascii_strtod (current, NULL);
          target_value = g_ascii_strtod (target, NULL);
          full = g_str_equal (percent, "100%");
          g_assert_cmpint (current_value >= target_value, ==, full);
          g_assert_cmpint (full, ==, summary.n_met == summary.n_targeted);
          g_assert_cmpfloat_with_epsilon (100.0 * summary.current / summary.target,
                                          summary.readiness, 1e-9);
          n_rows++;
        }
    }

  g_assert_cmpuint (n_rows, >=, 3 * 5);
}

/* A skill above its target counts as met, not as more than met: the
 * "2.4 against 1.4, 86%" row of the issue cannot happen. */
static void
test_above_target_is_capped (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("capped", "Capped");
  UpskillArea *area = upskill_catalog_find_area (catalog, "python");
  UpskillAreaReadiness summary;
  g_autofree char *current = NULL;
  g_autofree char *target = NULL;
  g_autofree char *percent = NULL;
  UpskillSkill *first, *second;

  g_assert_nonnull (area);
  g_assert_cmpuint (area->skills->len, >=, 2);
  first = g_ptr_array_index (area->skills, 0);
  second = g_ptr_array_index (area->skills, 1);

  upskill_profile_set_target_role (profile, "data-engineer");
  for (guint i = 0; i < area->skills->len; i++)
    {
      UpskillSkill *skill = g_ptr_array_index (area->skills, i);

      upskill_profile_set_target_override (profile, skill->id, 0);
    }
  upskill_profile_set_target_override (profile, first->id, 1);
  upskill_profile_set_target_override (profile, second->id, 3);
  upskill_profile_set_level (profile, first->id, 5, NULL, 0);
  upskill_profile_set_level (profile, second->id, 2, NULL, 0);

  upskill_compute_area_summary (profile, catalog, area, &summary);
  upskill_format_area_levels (&summary, &current, &target);
  percent = upskill_format_percent (summary.readiness);

  /* (1 + 2) / 2 against (1 + 3) / 2: 75%. */
  g_assert_cmpstr (current, ==, "1.5");
  g_assert_cmpstr (target, ==, "2.0");
  g_assert_cmpstr (percent, ==, "75%");
}

static void
test_format_never_overstates (void)
{
  UpskillAreaReadiness almost = { 99.7, 2.99, 3.0, 10, 9 };
  g_autofree char *p1 = upskill_format_percent (99.7);
  g_autofree char *p2 = upskill_format_percent (0.2);
  g_autofree char *p3 = upskill_format_percent (100.0);
  g_autofree char *p4 = upskill_format_percent (-1);
  g_autofree char *p5 = upskill_format_percent (44.5);
  g_autofree char *current = NULL;
  g_autofree char *target = NULL;

  g_assert_cmpstr (p1, ==, "99%");
  g_assert_cmpstr (p2, ==, "1%");
  g_assert_cmpstr (p3, ==, "100%");
  g_assert_cmpstr (p4, ==, "–");
  g_assert_cmpstr (p5, ==, "45%");

  upskill_format_area_levels (&almost, &current, &target);
  g_assert_cmpstr (current, ==, "2.9");
  g_assert_cmpstr (target, ==, "3.0");
}

/* The overall figure the store lists (and --list-profiles prints) is the
 * model's, formatted alike. */
static void
test_overall_matches_summary (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_auto(GStrv) samples = upskill_test_list_samples ();

  if (samples == NULL)
    return;

  for (guint s = 0; samples[s] != NULL; s++)
    {
      g_autofree char *id = sample_id (samples[s]);
      g_autoptr(UpskillProfile) profile = upskill_test_load_sample (id);
      double overall = upskill_compute_readiness (profile, catalog);
      guint met = 0, targeted = 0;

      /* The weighted mean of the areas is the overall figure. */
      for (guint a = 0; a < upskill_catalog_get_n_areas (catalog); a++)
        {
          UpskillAreaReadiness summary;

          upskill_compute_area_summary (profile, catalog, upskill_catalog_get_area (catalog, a), &summary);
          if (summary.n_targeted == 0)
            continue;
          met += (guint) (summary.current * summary.n_targeted + 0.5);
          targeted += (guint) (summary.target * summary.n_targeted + 0.5);
        }
      g_assert_cmpuint (targeted, >, 0);
      g_assert_cmpfloat_with_epsilon (overall, 100.0 * met / targeted, 1e-9);
    }
}

static UpskillGap *
find_gap (GPtrArray  *gaps,
          const char *skill_id,
          guint      *out_rank)
{
  for (guint i = 0; i < gaps->len; i++)
    {
      UpskillGap *gap = g_ptr_array_index (gaps, i);

      if (g_str_equal (gap->skill->id, skill_id))
        {
          *out_rank = i;
          return gap;
        }
    }

  return NULL;
}

/* María aims at AI Security Engineer: with the default weight of market
 * trends, every AI security gap ranks above every cloud AI gap of the same
 * size, although the article's demand is for cloud AI. */
static void
test_maria_role_first (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillTrends) trends = upskill_trends_new_bundled (catalog);
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("maria-gonzalez");
  g_autoptr(GPtrArray) gaps = upskill_compute_gaps (profile, catalog, trends);
  g_autoptr(GPtrArray) strong = NULL;
  UpskillArea *security = upskill_catalog_find_area (catalog, "ai-security");
  UpskillArea *cloud = upskill_catalog_find_area (catalog, "cloud-ai");
  UpskillRole *role = upskill_catalog_find_role (catalog, "ai-security-engineer");
  double demand_security = upskill_trends_get_demand_signal (trends, security);
  double demand_cloud = upskill_trends_get_demand_signal (trends, cloud);

  g_assert_nonnull (role);
  g_assert_cmpstr (upskill_profile_get_target_role (profile), ==, "ai-security-engineer");
  g_test_message ("demand: security %.3f, cloud %.3f; weights %.2f, %.2f",
                  demand_security, demand_cloud,
                  role->area_weights[security->index], role->area_weights[cloud->index]);

  for (guint i = 0; i < gaps->len; i++)
    {
      UpskillGap *gap = g_ptr_array_index (gaps, i);
      /* Hand-computed: gap x role weight x (1 + 0.5 x demand). */
      double expected = gap->gap * role->area_weights[gap->skill->area->index]
                        * (1.0 + 0.5 * upskill_trends_get_demand_signal (trends, gap->skill->area));

      g_test_message ("%2u. %s (%s): %u → %u, priority %.3f", i + 1, gap->skill->name,
                      gap->skill->area->name, gap->current, gap->target, gap->priority);
      g_assert_cmpfloat_with_epsilon (gap->priority, expected, 1e-9);
    }

  /* Her security gaps are 1 level (privacy, governance, ...): each one
   * outranks a cloud gap of the same size. */
  for (guint i = 0; i < gaps->len; i++)
    {
      UpskillGap *a = g_ptr_array_index (gaps, i);

      if (a->skill->area != security)
        continue;
      for (guint j = 0; j < gaps->len; j++)
        {
          UpskillGap *b = g_ptr_array_index (gaps, j);

          if (b->skill->area == cloud && b->gap == a->gap)
            g_assert_cmpuint (i, <, j);
        }
    }

  /* The top three are not all cloud AI, as they were when demand
   * multiplied outright. */
  {
    guint n_cloud = 0;

    for (guint i = 0; i < MIN (3, gaps->len); i++)
      n_cloud += ((UpskillGap *) g_ptr_array_index (gaps, i))->skill->area == cloud;
    g_assert_cmpuint (n_cloud, <, 3);
  }

  /* "Strong" lets the headlines weigh more: a cloud gap gains ground. */
  strong = upskill_compute_gaps_weighted (profile, catalog, trends, UPSKILL_TREND_WEIGHT_STRONG);
  {
    guint rank_some = 0, rank_strong = 0;
    UpskillGap *cloud_gap = NULL;

    for (guint i = 0; i < gaps->len && cloud_gap == NULL; i++)
      if (((UpskillGap *) g_ptr_array_index (gaps, i))->skill->area == cloud)
        cloud_gap = g_ptr_array_index (gaps, i);
    g_assert_nonnull (cloud_gap);
    find_gap (gaps, cloud_gap->skill->id, &rank_some);
    g_assert_nonnull (find_gap (strong, cloud_gap->skill->id, &rank_strong));
    g_assert_cmpuint (rank_strong, <=, rank_some);
  }
}

/* Baseline: the first assessment, not 0%. */
static void
test_baseline (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_auto(GStrv) samples = upskill_test_list_samples ();
  g_autoptr(UpskillProfile) fresh = upskill_profile_new ("fresh", "Fresh");
  UpskillBaseline baseline;
  g_autofree char *sentence = NULL;

  if (samples == NULL)
    return;

  for (guint s = 0; samples[s] != NULL; s++)
    {
      g_autofree char *id = sample_id (samples[s]);
      g_autoptr(UpskillProfile) profile = upskill_test_load_sample (id);
      g_autofree char *text = NULL;

      upskill_compute_baseline (profile, catalog, &baseline);
      text = upskill_format_baseline (&baseline);
      g_test_message ("%s: %s", id, text);
      g_assert_cmpfloat (baseline.baseline, >, 0.0);
      g_assert_cmpfloat (baseline.baseline, <, baseline.now);
      g_assert_true (baseline.has_progress);
      g_assert_null (strstr (text, "from 0%"));
      /* The change is the difference of the printed figures. */
      {
        g_autofree char *from = upskill_format_percent (baseline.baseline);
        g_autofree char *to = upskill_format_percent (baseline.now);
        g_autofree char *points = g_strdup_printf ("+%d points", atoi (to) - atoi (from));

        g_assert_nonnull (strstr (text, points));
      }
    }

  /* Created and rated today: no progress yet, whatever the level. */
  upskill_profile_set_target_role (fresh, "ml-engineer");
  upskill_profile_set_level (fresh, "python-core", 3, NULL, 0);
  upskill_profile_set_level (fresh, "pytorch", 2, NULL, 0);
  upskill_compute_baseline (fresh, catalog, &baseline);
  g_assert_false (baseline.has_progress);
  g_assert_cmpfloat_with_epsilon (baseline.baseline, baseline.now, 1e-9);
  sentence = upskill_format_baseline (&baseline);
  g_assert_nonnull (strstr (sentence, "no progress is recorded yet"));
  g_assert_null (strstr (sentence, "+"));
}

/* The forecast replays the plan: its end figure is the readiness of the
 * levels the remaining steps promise, and what they leave open is
 * counted. */
static void
test_forecast (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillTrends) trends = upskill_trends_new_bundled (catalog);
  g_auto(GStrv) samples = upskill_test_list_samples ();
  GDate today;

  if (samples == NULL)
    return;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, G_DATE_DECEMBER, 2026);

  for (guint s = 0; samples[s] != NULL; s++)
    {
      g_autofree char *id = sample_id (samples[s]);
      g_autoptr(UpskillProfile) profile = upskill_test_load_sample (id);
      g_autoptr(UpskillProfile) done = NULL;
      g_autoptr(GPtrArray) schedule = NULL;
      g_autoptr(UpskillForecast) forecast = NULL;
      g_autoptr(GPtrArray) gaps = upskill_compute_gaps (profile, catalog, trends);
      g_autofree char *sentence = NULL;

      schedule = upskill_planner_schedule (profile, catalog, &today);
      forecast = upskill_planner_forecast (profile, catalog, trends, schedule, &today);
      sentence = upskill_format_forecast (forecast);
      g_test_message ("%s: %s", id, sentence);

      g_assert_cmpfloat_with_epsilon (forecast->now, upskill_compute_readiness (profile, catalog), 1e-9);
      g_assert_cmpfloat (forecast->at_end, >=, forecast->now);
      g_assert_cmpuint (forecast->n_gaps, ==, gaps->len);
      g_assert_cmpuint (forecast->uncovered->len, <=, gaps->len);

      /* By hand: raise each remaining step's skill to its promised level. */
      done = upskill_profile_copy (profile);
      for (guint i = 0; i < schedule->len; i++)
        {
          UpskillScheduledStep *step = g_ptr_array_index (schedule, i);

          if (step->scheduled && step->skill != NULL
              && upskill_profile_get_level (done, step->skill->id) < step->to_level)
            upskill_profile_set_level (done, step->skill->id, step->to_level, NULL, 0);
        }
      g_assert_cmpfloat_with_epsilon (forecast->at_end, upskill_compute_readiness (done, catalog), 1e-9);

      /* The line ends at the plan's end with the end figure. */
      if (forecast->n_points > 0)
        {
          g_assert_cmpfloat_with_epsilon (forecast->values[forecast->n_points - 1], forecast->at_end, 1e-9);
          g_assert_cmpfloat_with_epsilon (forecast->values[0], forecast->now, 1e-9);
        }

      /* An area met at the end has a date; one that is not, has none. */
      for (guint a = 0; a < forecast->n_areas; a++)
        g_assert_cmpint (g_date_valid (&forecast->area_reached[a]), ==,
                         forecast->area_at_end[a] >= 100.0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upskill/model/area-rows-agree", test_area_rows_agree);
  g_test_add_func ("/upskill/model/above-target-is-capped", test_above_target_is_capped);
  g_test_add_func ("/upskill/model/format-never-overstates", test_format_never_overstates);
  g_test_add_func ("/upskill/model/overall-matches-areas", test_overall_matches_summary);
  g_test_add_func ("/upskill/model/maria-role-first", test_maria_role_first);
  g_test_add_func ("/upskill/model/baseline", test_baseline);
  g_test_add_func ("/upskill/model/forecast", test_forecast);

  return g_test_run ();
}
