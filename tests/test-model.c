/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "upskill-catalog.h"
#include "upskill-date.h"
#include "upskill-format.h"
#include "upskill-planner.h"
#include "upskill-profile.h"
#include "upskill-progress.h"
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

/* A goal reads as the person wrote it, in quotes, with its day as kept
 * (UTC) whatever the time zone; no goal, no line. */
static void
test_format_goal (void)
{
  g_autofree char *with_day = upskill_format_goal ("Lead <i>the</i> team", 1814400000); /* 2027-07-01 */
  g_autofree char *without_day = upskill_format_goal ("Lead the team", 0);
  g_autofree char *none = upskill_format_goal (NULL, 1814400000);
  g_autofree char *empty = upskill_format_goal ("", 0);

  g_assert_cmpstr (with_day, ==, "“Lead <i>the</i> team” by 1 July 2027");
  g_assert_cmpstr (without_day, ==, "“Lead the team”");
  g_assert_null (none);
  g_assert_null (empty);
}

/* What a rating rests on, in the words the page and the report use. */
static void
test_format_rating_basis (void)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("ana", "Ana");
  g_autofree char *self_rated = NULL;
  g_autofree char *never_rated = NULL;
  g_autofree char *evidenced = NULL;
  g_autofree char *confirmed = NULL;

  upskill_profile_set_level (profile, "sql", 3, NULL, 0);
  self_rated = upskill_format_rating_basis (profile, "sql");
  never_rated = upskill_format_rating_basis (profile, "pytorch");
  upskill_profile_add_evidence (profile, "sql", "Warehouse migration", NULL);
  evidenced = upskill_format_rating_basis (profile, "sql");
  upskill_profile_set_confirmed (profile, "sql", 1796299200); /* 2026-12-03T12:00:00Z */
  confirmed = upskill_format_rating_basis (profile, "sql");

  g_assert_cmpstr (self_rated, ==, "Self-rated");
  g_assert_cmpstr (never_rated, ==, "Self-rated");
  g_assert_cmpstr (evidenced, ==, "Evidenced");
  g_assert_cmpstr (confirmed, ==, "Confirmed on 3 December 2026");
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

static const char *
gap_area_id (GPtrArray *gaps,
             guint      rank)
{
  return ((UpskillGap *) g_ptr_array_index (gaps, rank))->skill->area->id;
}

/* María aims at AI Security Engineer. The article's demand is for cloud
 * AI (demand 1.0, security 0.35), and her security gaps are mostly of one
 * level against two-level cloud gaps; still, at every weight of market
 * trends, every AI security gap ranks above every cloud AI gap. */
static void
test_maria_role_first (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillTrends) trends = upskill_trends_new_bundled (catalog);
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("maria-gonzalez");
  g_autoptr(GPtrArray) gaps = upskill_compute_gaps (profile, catalog, trends);
  g_autoptr(GPtrArray) none = NULL;
  UpskillArea *security = upskill_catalog_find_area (catalog, "ai-security");
  UpskillArea *cloud = upskill_catalog_find_area (catalog, "cloud-ai");
  UpskillRole *role = upskill_catalog_find_role (catalog, "ai-security-engineer");
  double demand_security = upskill_trends_get_demand_signal (trends, security);
  double demand_cloud = upskill_trends_get_demand_signal (trends, cloud);
  UpskillGap *gap;
  guint rank_vertex = 0, rank_sql = 0;

  g_assert_nonnull (role);
  g_assert_cmpstr (upskill_profile_get_target_role (profile), ==, "ai-security-engineer");
  g_assert_cmpint (upskill_trends_get_weight (trends), ==, UPSKILL_TREND_WEIGHT_DEFAULT);
  g_assert_cmpint (UPSKILL_TREND_WEIGHT_DEFAULT, ==, UPSKILL_TREND_WEIGHT_SOME);

  /* The data the hand computation below rests on: the role weighs AI
   * security 1.5 (its core, the most), cloud AI 1.0; the article's
   * claims make cloud AI the most demanded area (6 of 17 points'
   * worth of claims for security: 0.353). */
  g_assert_cmpfloat_with_epsilon (role->area_weights[security->index], 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (role->area_weights[cloud->index], 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (demand_cloud, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (demand_security, 6.0 / 17.0, 1e-9);
  g_assert_true (upskill_role_is_core_area (catalog, role, security));
  g_assert_false (upskill_role_is_core_area (catalog, role, cloud));

  for (guint i = 0; i < gaps->len; i++)
    {
      gap = g_ptr_array_index (gaps, i);
      /* Hand-computed: gap x role weight x (1 + 0.5 x demand). */
      double expected = gap->gap * role->area_weights[gap->skill->area->index]
                        * (1.0 + 0.5 * upskill_trends_get_demand_signal (trends, gap->skill->area));

      g_test_message ("%2u. %s (%s): %u → %u, priority %.3f%s", i + 1, gap->skill->name,
                      gap->skill->area->name, gap->current, gap->target, gap->priority,
                      gap->core ? ", core" : "");
      g_assert_cmpfloat_with_epsilon (gap->priority, expected, 1e-9);
      g_assert_true (gap->core == (gap->skill->area == security));
    }

  /* Her five security gaps lead, by priority: supply chain 2 -> 4,
   * 2 x 1.5 x (1 + 0.5 x 6/17) = 3.529; then the four 1-level ones,
   * 1.765 each, in catalog order. Amazon Bedrock follows (2 levels,
   * 2 x 1.0 x 1.5 = 3.0) although its priority is higher than theirs. */
  g_assert_cmpuint (gaps->len, ==, 30);
  gap = g_ptr_array_index (gaps, 0);
  g_assert_cmpstr (gap->skill->id, ==, "ml-supply-chain");
  g_assert_cmpfloat_with_epsilon (gap->priority, 2 * 1.5 * (1 + 0.5 * 6.0 / 17.0), 1e-9);
  g_assert_cmpstr (((UpskillGap *) g_ptr_array_index (gaps, 1))->skill->id, ==, "prompt-injection-llm-threats");
  g_assert_cmpstr (((UpskillGap *) g_ptr_array_index (gaps, 2))->skill->id, ==, "ai-privacy");
  g_assert_cmpstr (((UpskillGap *) g_ptr_array_index (gaps, 3))->skill->id, ==, "ai-red-teaming");
  g_assert_cmpstr (((UpskillGap *) g_ptr_array_index (gaps, 4))->skill->id, ==, "ai-risk-governance");
  g_assert_cmpfloat_with_epsilon (((UpskillGap *) g_ptr_array_index (gaps, 4))->priority,
                                  1 * 1.5 * (1 + 0.5 * 6.0 / 17.0), 1e-9);
  gap = g_ptr_array_index (gaps, 5);
  g_assert_cmpstr (gap->skill->id, ==, "aws-bedrock");
  g_assert_cmpfloat_with_epsilon (gap->priority, 3.0, 1e-9);

  /* At every weight: each security gap above each cloud AI gap, and the
   * three biggest gaps all security. */
  for (UpskillTrendWeight weight = UPSKILL_TREND_WEIGHT_NONE; weight <= UPSKILL_TREND_WEIGHT_STRONG; weight++)
    {
      g_autoptr(GPtrArray) ranked = upskill_compute_gaps_weighted (profile, catalog, trends, weight);
      guint last_security = 0, first_cloud = G_MAXUINT;

      for (guint i = 0; i < ranked->len; i++)
        {
          UpskillArea *area = ((UpskillGap *) g_ptr_array_index (ranked, i))->skill->area;

          if (area == security)
            last_security = i;
          else if (area == cloud)
            first_cloud = MIN (first_cloud, i);
        }
      g_assert_cmpuint (last_security, <, first_cloud);
      for (guint i = 0; i < 3; i++)
        g_assert_cmpstr (gap_area_id (ranked, i), ==, "ai-security");
    }

  /* The weight of market trends still counts outside the core: with none,
   * her 2-level SQL gap (2 x 0.6 = 1.2) ranks above her 1-level Vertex AI
   * gap (1 x 1.0 = 1.0); with some, demand lifts Vertex AI to
   * 1 x 1.0 x 1.5 = 1.5, above SQL's 2 x 0.6 x (1 + 0.5 x 5/17) = 1.376. */
  none = upskill_compute_gaps_weighted (profile, catalog, trends, UPSKILL_TREND_WEIGHT_NONE);
  g_assert_cmpfloat_with_epsilon (find_gap (none, "sql", &rank_sql)->priority, 1.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_gap (none, "vertex-ai", &rank_vertex)->priority, 1.0, 1e-9);
  g_assert_cmpuint (rank_sql, <, rank_vertex);
  g_assert_cmpfloat_with_epsilon (find_gap (gaps, "sql", &rank_sql)->priority,
                                  2 * 0.6 * (1 + 0.5 * 5.0 / 17.0), 1e-9);
  g_assert_cmpfloat_with_epsilon (find_gap (gaps, "vertex-ai", &rank_vertex)->priority, 1.5, 1e-9);
  g_assert_cmpuint (rank_vertex, <, rank_sql);
}

/* Dana aims at AI-augmented Software Engineer, Li at Data Engineer: their
 * role's core area leads their gaps, bigger gaps first within it. */
static void
test_samples_role_first (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillTrends) trends = upskill_trends_new_bundled (catalog);
  g_autoptr(UpskillProfile) dana = upskill_test_load_sample ("dana-okafor");
  g_autoptr(UpskillProfile) li = upskill_test_load_sample ("li-wei");
  g_autoptr(GPtrArray) dana_gaps = upskill_compute_gaps (dana, catalog, trends);
  g_autoptr(GPtrArray) li_gaps = upskill_compute_gaps (li, catalog, trends);
  guint rank = 0;

  /* Dana: CodeWhisperer 1 -> 3 leads, then her three 1-level AI-assisted
   * development gaps (1.5 x (1 + 0.5 x 0.559) = 1.919 each), before Amazon
   * Bedrock (2 x 1.1 x 1.5 = 3.3). */
  g_assert_cmpstr (upskill_profile_get_target_role (dana), ==, "ai-augmented-swe");
  g_assert_cmpstr (((UpskillGap *) g_ptr_array_index (dana_gaps, 0))->skill->id, ==, "codewhisperer");
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpstr (gap_area_id (dana_gaps, i), ==, "ai-assisted-dev");
      g_assert_true (((UpskillGap *) g_ptr_array_index (dana_gaps, i))->core);
    }
  g_assert_cmpstr (((UpskillGap *) g_ptr_array_index (dana_gaps, 4))->skill->id, ==, "aws-bedrock");
  g_assert_cmpfloat_with_epsilon (((UpskillGap *) g_ptr_array_index (dana_gaps, 4))->priority, 3.3, 1e-9);

  /* Li: data quality and data modeling (2 -> 4 each) lead, then the
   * 1-level pipelines and stream processing; Python packaging and
   * testing, 0 -> 3 (3 x 1.2 x (1 + 0.5 x 4/17) = 4.024), heads the rest. */
  g_assert_cmpstr (upskill_profile_get_target_role (li), ==, "data-engineer");
  g_assert_cmpstr (((UpskillGap *) g_ptr_array_index (li_gaps, 0))->skill->id, ==, "data-quality");
  g_assert_cmpstr (((UpskillGap *) g_ptr_array_index (li_gaps, 1))->skill->id, ==, "data-modeling");
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (gap_area_id (li_gaps, i), ==, "data-engineering");
  g_assert_nonnull (find_gap (li_gaps, "python-packaging-testing", &rank));
  g_assert_cmpuint (rank, ==, 4);
  g_assert_cmpfloat_with_epsilon (((UpskillGap *) g_ptr_array_index (li_gaps, 4))->priority,
                                  3 * 1.2 * (1 + 0.5 * 4.0 / 17.0), 1e-9);
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

      /* The sentence names every targeted area once. */
      {
        g_autofree char *areas = upskill_format_area_dates (forecast, catalog);

        g_test_message ("%s: %s", id, areas);
        g_assert_nonnull (areas);
        for (guint a = 0; a < forecast->n_areas; a++)
          if (forecast->area_at_end[a] >= 0 && strstr (areas, "no area") == NULL)
            g_assert_nonnull (strstr (areas, upskill_catalog_get_area (catalog, a)->name));
      }

      /* An area met at the end has a date; one that is not, has none. */
      for (guint a = 0; a < forecast->n_areas; a++)
        g_assert_cmpint (g_date_valid (&forecast->area_reached[a]), ==,
                         forecast->area_at_end[a] >= 100.0);
    }
}


/* History: a burst of clicks on one skill is one change. */
static void
test_history_coalesced (void)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("burst", "Burst");
  GPtrArray *history = upskill_profile_get_history (profile);
  gint64 start = 1800000000;
  UpskillHistoryEntry *entry;

  /* 30 quick clicks, a second apart, ending on 3: one entry 0 → 3. */
  for (guint i = 0; i < 30; i++)
    upskill_profile_set_level (profile, "sql", i == 29 ? 3 : 1 + i % 5, NULL, start + i);
  g_assert_cmpuint (history->len, ==, 1);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpuint (entry->from, ==, 0);
  g_assert_cmpuint (entry->to, ==, 3);

  /* Another skill in between ends the burst. */
  upskill_profile_set_level (profile, "pytorch", 1, NULL, start + 31);
  upskill_profile_set_level (profile, "sql", 4, NULL, start + 32);
  g_assert_cmpuint (history->len, ==, 3);

  /* A minute later is a change of its own. */
  upskill_profile_set_level (profile, "sql", 5, NULL, start + 32 + 60);
  g_assert_cmpuint (history->len, ==, 4);

  /* Back to where the burst started: no entry at all. */
  upskill_profile_set_level (profile, "sql", 2, NULL, start + 200);
  upskill_profile_set_level (profile, "sql", 5, NULL, start + 201);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpuint (upskill_profile_get_level (profile, "sql"), ==, 5);

  /* A change from a completed step is not folded into clicks. */
  upskill_profile_set_level (profile, "pytorch", 2, NULL, start + 300);
  upskill_profile_set_level (profile, "pytorch", 3, "Completed: PyTorch tutorials", start + 301);
  g_assert_cmpuint (history->len, ==, 6);
}

static gint64
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

/* Sessions carry a time; older day-only notes load as before. */
static void
test_sessions_timestamped (void)
{
  static const char json[] =
    "{\"format\": \"upskill-profile\", \"version\": 1, \"id\": \"s\", \"name\": \"S\", \"kind\": \"self\","
    " \"current_role\": \"\", \"target_role\": \"\", \"weekly_hours\": 5,"
    " \"skills\": {}, \"plan\": [], \"history\": [],"
    " \"created\": \"2026-01-01T09:00:00Z\", \"modified\": \"2026-01-01T09:00:00Z\","
    " \"notes\": [{\"id\": \"note-1\", \"date\": \"2026-10-14\", \"text\": \"Old\"},"
    "            {\"id\": \"note-2\", \"date\": \"2026-11-09T15:30:00Z\", \"text\": \"New\"}]}";
  g_autoptr(UpskillProfile) profile = upskill_test_profile_new_from_json (json, "s.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  GPtrArray *notes;
  const UpskillNote *old, *timed;

  notes = upskill_profile_get_notes (profile);
  g_assert_cmpuint (notes->len, ==, 2);
  old = g_ptr_array_index (notes, 0);
  timed = g_ptr_array_index (notes, 1);
  g_assert_false (upskill_note_has_time (old));
  g_assert_cmpint (old->date, ==, utc (2026, 10, 14, 0, 0));
  g_assert_cmpint (upskill_note_get_end (old), ==, utc (2026, 10, 15, 0, 0));
  g_assert_true (upskill_note_has_time (timed));
  g_assert_cmpint (timed->date, ==, utc (2026, 11, 9, 15, 30));

  /* Saved and read back, each keeps its kind. */
  saved = upskill_profile_to_bytes (profile);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"2026-10-14\""));
  again = upskill_profile_new_from_bytes (saved, "s.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (((UpskillNote *) g_ptr_array_index (upskill_profile_get_notes (again), 1))->date, ==,
                   utc (2026, 11, 9, 15, 30));
  g_assert_false (upskill_note_has_time (g_ptr_array_index (upskill_profile_get_notes (again), 0)));
}

/* "Today" is the local day. In Kiritimati (UTC+14), a session at
 * 10:30 UTC on 9 November is at 00:30 on the 10th: still today's 14
 * hours later, yesterday's a day later. */
static void
test_session_day_is_local (void)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("kiritimati", "Tabita");
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));
  gint64 october = utc (2026, 10, 14, 0, 0);
  gint64 session = utc (2026, 11, 9, 10, 30);

  upskill_profile_add_note (profile, october, "October session");
  upskill_profile_add_note (profile, session, "Session after midnight");

  g_setenv ("TZ", "Pacific/Kiritimati", TRUE);
  g_assert_cmpint (upskill_progress_get_reference_session (profile, session + 15 * 60)->date, ==, october);
  g_assert_cmpint (upskill_progress_get_reference_session (profile, session + 14 * 3600)->date, ==, october);
  g_assert_cmpint (upskill_progress_get_reference_session (profile, session + 24 * 3600)->date, ==, session);

  /* In UTC, the session was on the 9th, and 14 hours later is the 10th. */
  g_setenv ("TZ", "UTC", TRUE);
  g_assert_cmpint (upskill_progress_get_reference_session (profile, session + 15 * 60)->date, ==, october);
  g_assert_cmpint (upskill_progress_get_reference_session (profile, session + 14 * 3600)->date, ==, session);
  g_assert_cmpint (upskill_progress_get_reference_session (profile, session + 12 * 3600)->date, ==, october);

  /* A zone given (a listing looks it up once) decides, not TZ. */
  {
    g_autoptr(GTimeZone) kiritimati = g_time_zone_new_identifier ("Pacific/Kiritimati");

    g_assert_nonnull (kiritimati);
    g_assert_cmpint (upskill_progress_get_reference_session_in_zone (profile, session + 14 * 3600, kiritimati)->date,
                     ==, october);
    g_assert_cmpint (upskill_progress_get_reference_session_in_zone (profile, session + 24 * 3600, kiritimati)->date,
                     ==, session);
  }

  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");
}

/* The coach's order: today's session, its note, then the export. The
 * summary covers the session just held: it compares with the one before. */
static void
test_since_previous_session (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("coach", "Li");
  g_autoptr(GPtrArray) timeline = NULL;
  g_autofree char *sentence = NULL;
  gint64 october = utc (2026, 10, 14, 0, 0);
  gint64 session = utc (2026, 11, 9, 15, 0);
  gint64 now = session + 45 * 60;
  const UpskillNote *reference;

  upskill_profile_add_note (profile, october, "October session");
  upskill_profile_set_level (profile, "sql", 3, NULL, utc (2026, 10, 20, 10, 0));
  /* During today's session, then its note, then a change after it. */
  upskill_profile_set_level (profile, "data-quality", 2, NULL, session - 600);
  upskill_profile_add_note (profile, session, "Today's session");
  upskill_profile_set_level (profile, "data-pipelines", 1, NULL, session + 600);

  reference = upskill_progress_get_reference_session (profile, now);
  g_assert_nonnull (reference);
  g_assert_cmpint (reference->date, ==, october);

  sentence = upskill_progress_describe_since_last_session (profile, catalog, now);
  g_test_message ("%s", sentence);
  g_assert_nonnull (strstr (sentence, "14 October"));
  g_assert_nonnull (strstr (sentence, "SQL"));
  g_assert_nonnull (strstr (sentence, "Data quality"));
  g_assert_nonnull (strstr (sentence, "pipelines"));

  /* The day after, the last session is yesterday's: only what followed it. */
  {
    g_autofree char *next_day = upskill_progress_describe_since_last_session (profile, catalog,
                                                                              now + 24 * 3600);

    g_assert_null (strstr (next_day, "SQL"));
    g_assert_null (strstr (next_day, "Data quality"));
    g_assert_nonnull (strstr (next_day, "pipelines"));
  }

  /* The timeline is strictly newest first, the note at its time. */
  timeline = upskill_progress_get_timeline (profile);
  g_assert_cmpuint (timeline->len, ==, 5);
  for (guint i = 1; i < timeline->len; i++)
    {
      const UpskillTimelineEvent *newer = g_ptr_array_index (timeline, i - 1);
      const UpskillTimelineEvent *older = g_ptr_array_index (timeline, i);
      gint64 newer_time = newer->kind == UPSKILL_TIMELINE_NOTE ? upskill_note_get_end (newer->note) - 1 : newer->time;
      gint64 older_time = older->kind == UPSKILL_TIMELINE_NOTE ? upskill_note_get_end (older->note) - 1 : older->time;

      g_assert_cmpint (newer_time, >, older_time);
    }
  g_assert_cmpint (((const UpskillTimelineEvent *) g_ptr_array_index (timeline, 1))->kind, ==,
                   UPSKILL_TIMELINE_NOTE);
}


/* Pace and slippage: hours spent shorten a step; a step whose recorded
 * finish passed undone makes the plan behind; regenerating moves it
 * forward from today and keeps its status. */
static void
test_pace_and_slippage (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillTrends) trends = upskill_trends_new_bundled (catalog);
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autoptr(UpskillProfile) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  UpskillScheduledStep *first = NULL;
  UpskillPlanStep *step;
  GDate long_ago, today;
  guint hours_before;
  char *step_id;

  upskill_date_set_from_date_time (&today, now);
  g_date_clear (&long_ago, 1);
  g_date_set_dmy (&long_ago, 1, G_DATE_JANUARY, 2020);

  /* A plan made long ago, never followed. */
  upskill_planner_record_due (profile, catalog, &long_ago);
  g_assert_cmpuint (upskill_planner_count_behind (profile, &today), >, 0);
  g_assert_cmpuint (upskill_planner_count_behind (profile, &long_ago), ==, 0);

  /* Hours spent come off the hours left. */
  before = upskill_planner_schedule (profile, catalog, &today);
  for (guint i = 0; i < before->len && first == NULL; i++)
    if (((UpskillScheduledStep *) g_ptr_array_index (before, i))->scheduled
        && ((UpskillScheduledStep *) g_ptr_array_index (before, i))->hours > 2)
      first = g_ptr_array_index (before, i);
  g_assert_nonnull (first);
  step_id = first->step->id;
  hours_before = upskill_planner_remaining_hours (before);
  upskill_profile_set_step_hours_spent (profile, step_id, 2);
  after = upskill_planner_schedule (profile, catalog, &today);
  g_assert_cmpuint (upskill_planner_remaining_hours (after), ==, hours_before - 2);

  /* Saved and read back. */
  saved = upskill_profile_to_bytes (profile);
  again = upskill_profile_new_from_bytes (saved, "dana.json", &error);
  g_assert_no_error (error);
  step = upskill_profile_find_step (again, step_id);
  g_assert_cmpuint (step->hours_spent, ==, 2);
  g_assert_cmpint (step->due, ==, upskill_profile_find_step (profile, step_id)->due);
  g_assert_cmpuint (upskill_planner_count_behind (again, &today), ==,
                    upskill_planner_count_behind (profile, &today));

  /* Regenerating moves the unfinished steps forward and keeps statuses. */
  upskill_profile_set_step_status (again, step_id, UPSKILL_STEP_IN_PROGRESS);
  upskill_planner_regenerate (again, catalog, trends);
  g_assert_cmpuint (upskill_planner_count_behind (again, &today), ==, 0);
  step = upskill_profile_find_step (again, step_id);
  g_assert_nonnull (step);
  g_assert_cmpint (step->status, ==, UPSKILL_STEP_IN_PROGRESS);
  g_assert_cmpuint (step->hours_spent, ==, 2);
}

/* One click on a gap the plan leaves open adds the steps that close it;
 * where no click can, the reason is given instead. */
static void
test_cover_gap (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillTrends) trends = upskill_trends_new_bundled (catalog);
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("maria-gonzalez");
  g_autoptr(GPtrArray) gaps = upskill_compute_gaps (profile, catalog, trends);
  GDate today;
  guint covered = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, G_DATE_DECEMBER, 2026);

  /* Her three biggest gaps: the plan closes each, or now can, or says why
   * not. AI privacy, third, has one module in the catalog, "Practical Data
   * Privacy", and she skipped it. */
  for (guint i = 0; i < MIN (3, gaps->len); i++)
    {
      UpskillGap *gap = g_ptr_array_index (gaps, i);
      guint planned = upskill_planner_planned_level (profile, catalog, gap->skill);
      UpskillOpenGap why;

      if (planned >= gap->target)
        continue;

      why = upskill_planner_why_open (profile, catalog, gap->skill, planned, gap->target);
      if (why != UPSKILL_OPEN_GAP_NOT_PLANNED)
        {
          g_assert_cmpstr (gap->skill->id, ==, "ai-privacy");
          g_assert_cmpint (why, ==, UPSKILL_OPEN_GAP_SKIPPED);
          g_assert_cmpuint (upskill_planner_cover_gap (profile, catalog, gap->skill->id), ==, 0);
          continue;
        }

      g_assert_cmpuint (upskill_planner_cover_gap (profile, catalog, gap->skill->id), >, 0);
      g_assert_cmpuint (upskill_planner_planned_level (profile, catalog, gap->skill), >=, gap->target);
      /* A second click adds nothing. */
      g_assert_cmpuint (upskill_planner_cover_gap (profile, catalog, gap->skill->id), ==, 0);
      covered++;
    }
  g_assert_cmpuint (covered, ==, 1);

  {
    g_autoptr(GPtrArray) schedule = upskill_planner_schedule (profile, catalog, &today);
    g_autoptr(UpskillForecast) forecast = upskill_planner_forecast (profile, catalog, trends, schedule, &today);
    g_autofree char *order = NULL;

    for (guint i = 0; i < forecast->uncovered->len; i++)
      for (guint k = 0; k < MIN (3, gaps->len); k++)
        {
          UpskillGap *open_gap = g_ptr_array_index (forecast->uncovered, i);
          UpskillGap *top = g_ptr_array_index (gaps, k);

          if (open_gap->skill == top->skill)
            g_assert_cmpint (upskill_planner_why_open (profile, catalog, top->skill,
                                                       open_gap->current, open_gap->target),
                             !=, UPSKILL_OPEN_GAP_NOT_PLANNED);
        }
    g_assert_true (upskill_planner_check_order (profile, schedule, &order));
  }
  g_test_message ("covered %u of the top three gaps with one click each", covered);
}

/* "Regenerate Plan" plans the top of the ranking first: for each sample,
 * every gap a module can close gets steps, and the steps still to do
 * follow the ranking, the role's core area first. */
static void
test_regenerate_plans_ranking (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillTrends) trends = upskill_trends_new_bundled (catalog);
  g_auto(GStrv) samples = upskill_test_list_samples ();

  for (guint n = 0; samples != NULL && samples[n] != NULL; n++)
    {
      g_autofree char *id = sample_id (samples[n]);
      g_autoptr(UpskillProfile) profile = upskill_test_load_sample (id);
      g_autoptr(GPtrArray) gaps = upskill_compute_gaps (profile, catalog, trends);
      GPtrArray *plan;
      gboolean left_core = FALSE;

      upskill_planner_regenerate (profile, catalog, trends);

      for (guint i = 0; i < gaps->len; i++)
        {
          UpskillGap *gap = g_ptr_array_index (gaps, i);
          guint planned = upskill_planner_planned_level (profile, catalog, gap->skill);

          if (planned < gap->target)
            g_assert_cmpint (upskill_planner_why_open (profile, catalog, gap->skill, planned, gap->target),
                             !=, UPSKILL_OPEN_GAP_NOT_PLANNED);
        }

      /* Planned (not yet started) steps: none for a core-area skill after
       * one for another area, prerequisites aside. */
      plan = upskill_profile_get_plan (profile);
      for (guint i = 0; i < plan->len; i++)
        {
          UpskillPlanStep *step = g_ptr_array_index (plan, i);
          UpskillModule *module;
          UpskillGap *gap = NULL;

          if (step->status != UPSKILL_STEP_PLANNED || step->module_id == NULL)
            continue;
          module = upskill_catalog_find_module (catalog, step->module_id);
          for (guint k = 0; k < gaps->len && gap == NULL; k++)
            if (((UpskillGap *) g_ptr_array_index (gaps, k))->skill == module->skill)
              gap = g_ptr_array_index (gaps, k);
          if (gap == NULL)
            continue;  /* a prerequisite of a later step */

          if (!gap->core)
            left_core = TRUE;
          else
            g_assert_false (left_core);
        }
      g_assert_true (left_core);
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
  g_test_add_func ("/upskill/model/format-goal", test_format_goal);
  g_test_add_func ("/upskill/model/overall-matches-areas", test_overall_matches_summary);
  g_test_add_func ("/upskill/model/maria-role-first", test_maria_role_first);
  g_test_add_func ("/upskill/model/samples-role-first", test_samples_role_first);
  g_test_add_func ("/upskill/model/baseline", test_baseline);
  g_test_add_func ("/upskill/model/forecast", test_forecast);
  g_test_add_func ("/upskill/model/history-coalesced", test_history_coalesced);
  g_test_add_func ("/upskill/model/sessions-timestamped", test_sessions_timestamped);
  g_test_add_func ("/upskill/model/since-previous-session", test_since_previous_session);
  g_test_add_func ("/upskill/model/pace-and-slippage", test_pace_and_slippage);
  g_test_add_func ("/upskill/model/cover-gap", test_cover_gap);
  g_test_add_func ("/upskill/model/format-rating-basis", test_format_rating_basis);
  g_test_add_func ("/upskill/model/regenerate-plans-ranking", test_regenerate_plans_ranking);
  g_test_add_func ("/upskill/model/session-day-is-local", test_session_day_is_local);

  return g_test_run ();
}
