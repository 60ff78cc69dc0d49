/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-readiness.h"
#include "upskill-test-utils.h"
#include "upskill-trends.h"

#define EPSILON 1e-9

/* A catalog small enough to compute by hand. Role "ml-eng" targets
 * py-core 4, py-data 3, (py-test 0), ml-torch 4, ml-eval 2, sec-llm 2:
 * 15 levels in all; it weighs ml 2.0 and sec 0.5. Role "plain" targets
 * py-core 2 only and weighs nothing. */
static const char catalog_json[] =
  UPSKILL_TEST_SMALL_CATALOG_START (",{\"id\": \"py-test\", \"name\": \"Testing\", \"description\": \"d\"}")
  ","
  "  {\"id\": \"plain\", \"name\": \"Plain\", \"description\": \"d\","
  "   \"targets\": {\"py-core\": 2}}],"
  " \"modules\": ["
  "  {\"id\": \"m-py\", \"title\": \"Python\", \"provider\": \"p\", \"kind\": \"course\","
  "   \"hours\": 10, \"skill\": \"py-core\", \"from\": 0, \"to\": 2, \"url\": \"https://example.com\","
  "   \"prerequisites\": []}]}";

/* Demand: py 3 + 1 = 4 (strongest, 1.0), ml 1 (0.25), sec 2 (0.5). */
static const char trends_json[] =
  UPSKILL_TEST_TRENDS_START
  "  {\"id\": \"c1\", \"kind\": \"strategy\", \"section\": \"s1\", \"audience\": [\"developer\"],"
  "   \"text\": \"t\", \"quote\": \"q\", \"areas\": [\"py\"], \"strength\": 3},"
  "  {\"id\": \"c2\", \"kind\": \"advice\", \"section\": \"s1\", \"audience\": [\"developer\"],"
  "   \"text\": \"t\", \"quote\": \"q\", \"areas\": [\"py\"], \"strength\": 1},"
  "  {\"id\": \"c3\", \"kind\": \"strategy\", \"section\": \"s1\", \"audience\": [\"everyone\"],"
  "   \"text\": \"t\", \"quote\": \"q\", \"areas\": [\"ml\"], \"strength\": 1},"
  "  {\"id\": \"c4\", \"kind\": \"advice\", \"section\": \"s1\", \"audience\": [\"everyone\"],"
  "   \"text\": \"t\", \"quote\": \"q\", \"areas\": [\"sec\"], \"strength\": 2}]}";

typedef UpskillTestProfile Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  role_id)
{
  upskill_test_profile_set_up (fixture, catalog_json, role_id);
}

static void
set_level (UpskillProfile *profile,
           const char     *skill_id,
           guint           level,
           gint64          time)
{
  upskill_profile_set_level (profile, skill_id, level, NULL, time);
  g_assert_cmpuint (upskill_profile_get_level (profile, skill_id), ==, level);
}

static UpskillArea *
area (UpskillCatalog *catalog,
      const char     *id)
{
  UpskillArea *found = upskill_catalog_find_area (catalog, id);

  g_assert_nonnull (found);

  return found;
}

static UpskillSkill *
skill (UpskillCatalog *catalog,
       const char     *id)
{
  UpskillSkill *found = upskill_catalog_find_skill (catalog, id);

  g_assert_nonnull (found);

  return found;
}

static void
test_target_from_role_and_override (Fixture       *fixture,
                                    gconstpointer  role_id)
{
  gboolean overridden = TRUE;

  g_assert_cmpuint (upskill_profile_get_target (fixture->profile, fixture->catalog, skill (fixture->catalog, "py-core"), &overridden), ==, 4);
  g_assert_false (overridden);
  g_assert_cmpuint (upskill_profile_get_target (fixture->profile, fixture->catalog, skill (fixture->catalog, "py-test"), &overridden), ==, 0);
  g_assert_false (overridden);

  upskill_profile_set_target_override (fixture->profile, "py-core", 1);
  g_assert_cmpuint (upskill_profile_get_target (fixture->profile, fixture->catalog, skill (fixture->catalog, "py-core"), &overridden), ==, 1);
  g_assert_true (overridden);

  /* An override of 0 is an override: "I don't need this". */
  upskill_profile_set_target_override (fixture->profile, "ml-torch", 0);
  g_assert_cmpuint (upskill_profile_get_target (fixture->profile, fixture->catalog, skill (fixture->catalog, "ml-torch"), &overridden), ==, 0);
  g_assert_true (overridden);

  upskill_profile_set_target_override (fixture->profile, "py-core", UPSKILL_NO_TARGET_OVERRIDE);
  g_assert_cmpuint (upskill_profile_get_target (fixture->profile, fixture->catalog, skill (fixture->catalog, "py-core"), &overridden), ==, 4);
  g_assert_false (overridden);

  /* No role, or a role the catalog doesn't know: nothing is targeted. */
  upskill_profile_set_target_role (fixture->profile, "no-such-role");
  g_assert_cmpuint (upskill_profile_get_target (fixture->profile, fixture->catalog, skill (fixture->catalog, "py-data"), &overridden), ==, 0);
  g_assert_false (overridden);
}

static void
test_area_hand_computed (Fixture       *fixture,
                         gconstpointer  role_id)
{
  /* Targets 4, 3, 0 and levels 2, 5, 1: (2 + 3) / (4 + 3). The level above
   * target and the untargeted skill count for nothing extra. */
  set_level (fixture->profile, "py-core", 2, 0);
  set_level (fixture->profile, "py-data", 5, 0);
  set_level (fixture->profile, "py-test", 1, 0);

  g_assert_cmpfloat_with_epsilon (upskill_compute_area_readiness (fixture->profile, fixture->catalog, area (fixture->catalog, "py")),
                                  500.0 / 7.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (upskill_compute_area_readiness (fixture->profile, fixture->catalog, area (fixture->catalog, "ml")),
                                  0.0, EPSILON);

  set_level (fixture->profile, "ml-torch", 4, 0);
  set_level (fixture->profile, "ml-eval", 1, 0);
  g_assert_cmpfloat_with_epsilon (upskill_compute_area_readiness (fixture->profile, fixture->catalog, area (fixture->catalog, "ml")),
                                  500.0 / 6.0, EPSILON);
}

static void
test_overall_sums_skills (Fixture       *fixture,
                          gconstpointer  role_id)
{
  set_level (fixture->profile, "py-core", 2, 0);
  set_level (fixture->profile, "py-data", 5, 0);
  set_level (fixture->profile, "sec-llm", 2, 0);

  /* (2 + 3 + 0 + 0 + 2) / 15, not the mean of the areas (71.4, 0, 100). */
  g_assert_cmpfloat_with_epsilon (upskill_compute_readiness (fixture->profile, fixture->catalog),
                                  700.0 / 15.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (upskill_compute_area_readiness (fixture->profile, fixture->catalog, area (fixture->catalog, "sec")),
                                  100.0, EPSILON);
}

static void
test_nothing_targeted (Fixture       *fixture,
                       gconstpointer  role_id)
{
  set_level (fixture->profile, "py-core", 3, 0);
  g_assert_cmpfloat (upskill_compute_readiness (fixture->profile, fixture->catalog), <, 0.0);
  g_assert_cmpfloat (upskill_compute_area_readiness (fixture->profile, fixture->catalog, area (fixture->catalog, "py")), <, 0.0);

  /* "plain" targets py-core only: Python is met, ML has no target. */
  upskill_profile_set_target_role (fixture->profile, "plain");
  g_assert_cmpfloat_with_epsilon (upskill_compute_area_readiness (fixture->profile, fixture->catalog, area (fixture->catalog, "py")),
                                  100.0, EPSILON);
  g_assert_cmpfloat (upskill_compute_area_readiness (fixture->profile, fixture->catalog, area (fixture->catalog, "ml")), <, 0.0);
  g_assert_cmpfloat_with_epsilon (upskill_compute_readiness (fixture->profile, fixture->catalog), 100.0, EPSILON);
}

static void
test_area_levels (Fixture       *fixture,
                  gconstpointer  role_id)
{
  double current = -1.0;
  double target = -1.0;

  set_level (fixture->profile, "py-core", 2, 0);
  set_level (fixture->profile, "py-data", 5, 0);
  set_level (fixture->profile, "py-test", 1, 0);
  upskill_profile_set_target_override (fixture->profile, "py-test", 2);

  /* Capped like readiness: py-data's 5 counts as its target 3, so the
   * area is at (2 + 3 + 1) / 3 against (4 + 3 + 2) / 3, and current over
   * target is the area's readiness, 6 / 9. */
  upskill_compute_area_levels (fixture->profile, fixture->catalog, area (fixture->catalog, "py"), &current, &target);
  g_assert_cmpfloat_with_epsilon (current, 6.0 / 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (target, 9.0 / 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (100.0 * current / target,
                                  upskill_compute_area_readiness (fixture->profile, fixture->catalog, area (fixture->catalog, "py")),
                                  EPSILON);

  upskill_compute_area_levels (fixture->profile, fixture->catalog, area (fixture->catalog, "ml"), &current, &target);
  g_assert_cmpfloat_with_epsilon (current, 0.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (target, 3.0, EPSILON);
}

static void
assert_gap (GPtrArray  *gaps,
            guint       position,
            const char *skill_id,
            guint       current,
            guint       target,
            double      priority)
{
  UpskillGap *gap;

  g_assert_cmpuint (position, <, gaps->len);
  gap = g_ptr_array_index (gaps, position);
  g_assert_cmpstr (gap->skill->id, ==, skill_id);
  g_assert_cmpuint (gap->current, ==, current);
  g_assert_cmpuint (gap->target, ==, target);
  g_assert_cmpuint (gap->gap, ==, target - current);
  g_assert_cmpfloat_with_epsilon (gap->priority, priority, EPSILON);
}

static void
set_gap_levels (UpskillProfile *profile)
{
  set_level (profile, "py-core", 2, 0);
  set_level (profile, "py-data", 5, 0);
  set_level (profile, "py-test", 1, 0);
  set_level (profile, "ml-torch", 1, 0);
}

static void
test_gaps_priority_with_trends (Fixture       *fixture,
                                gconstpointer  role_id)
{
  UpskillTrends *trends = upskill_test_trends_new_from_json (trends_json, fixture->catalog);
  g_autoptr(GPtrArray) gaps = NULL;

  g_assert_cmpfloat_with_epsilon (upskill_trends_get_demand_signal (trends, area (fixture->catalog, "py")), 1.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (upskill_trends_get_demand_signal (trends, area (fixture->catalog, "ml")), 0.25, EPSILON);
  g_assert_cmpfloat_with_epsilon (upskill_trends_get_demand_signal (trends, area (fixture->catalog, "sec")), 0.5, EPSILON);

  set_gap_levels (fixture->profile);
  gaps = upskill_compute_gaps (fixture->profile, fixture->catalog, trends);

  /* gap x role weight x (1 + 0.5 x demand) with the default weight of
   * trends; py-data (above target) and py-test (no target) have no gap.
   * Python's strong demand does not lift it above the role's ML. */
  g_assert_cmpint (upskill_trends_get_weight (trends), ==, UPSKILL_TREND_WEIGHT_SOME);
  g_assert_cmpuint (gaps->len, ==, 4);
  assert_gap (gaps, 0, "ml-torch", 1, 4, 3 * 2.0 * 1.125);
  assert_gap (gaps, 1, "ml-eval", 0, 2, 2 * 2.0 * 1.125);
  assert_gap (gaps, 2, "py-core", 2, 4, 2 * 1.0 * 1.5);
  assert_gap (gaps, 3, "sec-llm", 0, 2, 2 * 0.5 * 1.25);

  g_assert_finalize_object (trends);
}

static void
test_gaps_trend_weights (Fixture       *fixture,
                         gconstpointer  role_id)
{
  UpskillTrends *trends = upskill_test_trends_new_from_json (trends_json, fixture->catalog);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) strong = NULL;
  g_autoptr(GPtrArray) followed = NULL;

  set_gap_levels (fixture->profile);

  /* None: the role alone, as without trends. */
  none = upskill_compute_gaps_weighted (fixture->profile, fixture->catalog, trends, UPSKILL_TREND_WEIGHT_NONE);
  g_assert_cmpuint (none->len, ==, 4);
  assert_gap (none, 0, "ml-torch", 1, 4, 3 * 2.0);
  assert_gap (none, 1, "ml-eval", 0, 2, 2 * 2.0);
  assert_gap (none, 2, "py-core", 2, 4, 2 * 1.0);
  assert_gap (none, 3, "sec-llm", 0, 2, 2 * 0.5);

  /* Strong: demand may double a gap. Python's (demand 1.0) doubles to 4,
   * still behind ML's evaluation (demand 0.25), 2 x 2 x 1.25 = 5. */
  strong = upskill_compute_gaps_weighted (fixture->profile, fixture->catalog, trends, UPSKILL_TREND_WEIGHT_STRONG);
  g_assert_cmpuint (strong->len, ==, 4);
  assert_gap (strong, 0, "ml-torch", 1, 4, 3 * 2.0 * 1.25);
  assert_gap (strong, 1, "ml-eval", 0, 2, 2 * 2.0 * 1.25);
  assert_gap (strong, 2, "py-core", 2, 4, 2 * 1.0 * 2.0);
  assert_gap (strong, 3, "sec-llm", 0, 2, 2 * 0.5 * 1.5);

  /* The trends' own weight is what upskill_compute_gaps() follows. */
  upskill_trends_set_weight (trends, UPSKILL_TREND_WEIGHT_STRONG);
  followed = upskill_compute_gaps (fixture->profile, fixture->catalog, trends);
  assert_gap (followed, 2, "py-core", 2, 4, 2 * 1.0 * 2.0);

  g_assert_finalize_object (trends);
}

/* The role's core area (ML, weighed 2.0) leads: a 1-level ML gap ranks
 * above a 4-level Python gap of three times its priority, at every weight
 * of market trends; the rest keep their order by priority. */
static void
test_gaps_core_area_first (Fixture       *fixture,
                           gconstpointer  role_id)
{
  UpskillTrends *trends = upskill_test_trends_new_from_json (trends_json, fixture->catalog);
  UpskillRole *ml_eng = upskill_catalog_find_role (fixture->catalog, "ml-eng");
  UpskillRole *plain = upskill_catalog_find_role (fixture->catalog, "plain");
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) strong = NULL;

  g_assert_true (upskill_role_is_core_area (fixture->catalog, ml_eng, area (fixture->catalog, "ml")));
  g_assert_false (upskill_role_is_core_area (fixture->catalog, ml_eng, area (fixture->catalog, "py")));
  g_assert_false (upskill_role_is_core_area (fixture->catalog, ml_eng, area (fixture->catalog, "sec")));
  /* A role that weighs every area alike has no core. */
  g_assert_false (upskill_role_is_core_area (fixture->catalog, plain, area (fixture->catalog, "py")));

  set_level (fixture->profile, "ml-torch", 3, 0);
  set_level (fixture->profile, "ml-eval", 2, 0);

  some = upskill_compute_gaps (fixture->profile, fixture->catalog, trends);
  g_assert_cmpuint (some->len, ==, 4);
  assert_gap (some, 0, "ml-torch", 3, 4, 1 * 2.0 * 1.125);
  g_assert_true (((UpskillGap *) g_ptr_array_index (some, 0))->core);
  assert_gap (some, 1, "py-core", 0, 4, 4 * 1.0 * 1.5);
  assert_gap (some, 2, "py-data", 0, 3, 3 * 1.0 * 1.5);
  assert_gap (some, 3, "sec-llm", 0, 2, 2 * 0.5 * 1.25);
  for (guint i = 1; i < some->len; i++)
    g_assert_false (((UpskillGap *) g_ptr_array_index (some, i))->core);

  none = upskill_compute_gaps_weighted (fixture->profile, fixture->catalog, trends, UPSKILL_TREND_WEIGHT_NONE);
  assert_gap (none, 0, "ml-torch", 3, 4, 1 * 2.0);
  assert_gap (none, 1, "py-core", 0, 4, 4 * 1.0);

  /* Strong: Python's demand doubles py-core to 8, nearly four times
   * ml-torch's 2.5; the role still comes first. */
  strong = upskill_compute_gaps_weighted (fixture->profile, fixture->catalog, trends, UPSKILL_TREND_WEIGHT_STRONG);
  assert_gap (strong, 0, "ml-torch", 3, 4, 1 * 2.0 * 1.25);
  assert_gap (strong, 1, "py-core", 0, 4, 4 * 1.0 * 2.0);
  assert_gap (strong, 2, "py-data", 0, 3, 3 * 1.0 * 2.0);
  assert_gap (strong, 3, "sec-llm", 0, 2, 2 * 0.5 * 1.5);

  g_assert_finalize_object (trends);
}

static void
test_gaps_priority_without_trends (Fixture       *fixture,
                                   gconstpointer  role_id)
{
  g_autoptr(GPtrArray) gaps = NULL;

  set_gap_levels (fixture->profile);
  gaps = upskill_compute_gaps (fixture->profile, fixture->catalog, NULL);

  /* Every area in demand alike: the role's weights alone reorder. */
  g_assert_cmpuint (gaps->len, ==, 4);
  assert_gap (gaps, 0, "ml-torch", 1, 4, 3 * 2.0);
  assert_gap (gaps, 1, "ml-eval", 0, 2, 2 * 2.0);
  assert_gap (gaps, 2, "py-core", 2, 4, 2 * 1.0);
  assert_gap (gaps, 3, "sec-llm", 0, 2, 2 * 0.5);
}

static void
test_gaps_tie_breaks (Fixture       *fixture,
                      gconstpointer  role_id)
{
  g_autoptr(GPtrArray) gaps = NULL;

  /* Three gaps of priority 2: sec-llm (gap 4 x 0.5) has the biggest gap
   * although it comes last in the catalog; py-core and py-data (gap 2 x 1)
   * then keep catalog order. ML is overridden out of the picture. */
  upskill_profile_set_target_override (fixture->profile, "py-core", 2);
  upskill_profile_set_target_override (fixture->profile, "py-data", 2);
  upskill_profile_set_target_override (fixture->profile, "sec-llm", 4);
  upskill_profile_set_target_override (fixture->profile, "ml-torch", 0);
  upskill_profile_set_target_override (fixture->profile, "ml-eval", 0);

  gaps = upskill_compute_gaps (fixture->profile, fixture->catalog, NULL);
  g_assert_cmpuint (gaps->len, ==, 3);
  assert_gap (gaps, 0, "sec-llm", 0, 4, 2.0);
  assert_gap (gaps, 1, "py-core", 0, 2, 2.0);
  assert_gap (gaps, 2, "py-data", 0, 2, 2.0);
}

static void
test_override_marks_overridden (Fixture       *fixture,
                                gconstpointer  role_id)
{
  g_autoptr(GPtrArray) gaps = NULL;
  UpskillGap *gap;

  set_level (fixture->profile, "py-core", 2, 0);
  upskill_profile_set_target_override (fixture->profile, "py-core", 5);
  upskill_profile_set_target_override (fixture->profile, "py-test", 1);
  upskill_profile_set_target_override (fixture->profile, "ml-torch", 0);
  upskill_profile_set_target_override (fixture->profile, "ml-eval", 0);
  upskill_profile_set_target_override (fixture->profile, "sec-llm", 0);

  gaps = upskill_compute_gaps (fixture->profile, fixture->catalog, NULL);
  g_assert_cmpuint (gaps->len, ==, 3);

  assert_gap (gaps, 0, "py-core", 2, 5, 3.0);
  gap = g_ptr_array_index (gaps, 0);
  g_assert_true (gap->overridden);

  assert_gap (gaps, 1, "py-data", 0, 3, 3.0);
  gap = g_ptr_array_index (gaps, 1);
  g_assert_false (gap->overridden);

  assert_gap (gaps, 2, "py-test", 0, 1, 1.0);
  gap = g_ptr_array_index (gaps, 2);
  g_assert_true (gap->overridden);
}

static void
assert_point (GPtrArray      *series,
              guint           position,
              UpskillCatalog *catalog,
              gint64          time,
              double          overall,
              double          python,
              double          ml,
              double          security)
{
  UpskillReadinessPoint *point;

  g_assert_cmpuint (position, <, series->len);
  point = g_ptr_array_index (series, position);
  g_assert_cmpint (point->time, ==, time);
  g_assert_cmpfloat_with_epsilon (point->overall, overall, EPSILON);
  g_assert_cmpfloat_with_epsilon (point->areas[area (catalog, "py")->index], python, EPSILON);
  g_assert_cmpfloat_with_epsilon (point->areas[area (catalog, "ml")->index], ml, EPSILON);
  g_assert_cmpfloat_with_epsilon (point->areas[area (catalog, "sec")->index], security, EPSILON);
}

/* Records, out of order on purpose: py-core 2 at +100; py-data 5 and
 * ml-torch 2 in the same second at +200; py-core 3 at +300; ml-eval 1 at
 * +50, entered last. */
static void
record_history (UpskillProfile *profile,
                gint64          created)
{
  set_level (profile, "py-core", 2, created + 100);
  set_level (profile, "py-data", 5, created + 200);
  set_level (profile, "ml-torch", 2, created + 200);
  set_level (profile, "py-core", 3, created + 300);
  set_level (profile, "ml-eval", 1, created + 50);
}

static void
test_series_from_history (Fixture       *fixture,
                          gconstpointer  role_id)
{
  g_autoptr(GPtrArray) series = NULL;
  gint64 created = upskill_profile_get_created (fixture->profile);

  record_history (fixture->profile, created);
  series = upskill_compute_readiness_series (fixture->profile, fixture->catalog);

  /* Targets: Python 4 + 3, ML 4 + 2, security 2: 15 in all. */
  g_assert_cmpuint (series->len, ==, 5);
  assert_point (series, 0, fixture->catalog, created, 0.0, 0.0, 0.0, 0.0);
  assert_point (series, 1, fixture->catalog, created + 50,
                100.0 * 1 / 15, 0.0, 100.0 * 1 / 6, 0.0);
  assert_point (series, 2, fixture->catalog, created + 100,
                100.0 * 3 / 15, 100.0 * 2 / 7, 100.0 * 1 / 6, 0.0);
  assert_point (series, 3, fixture->catalog, created + 200,
                100.0 * 8 / 15, 100.0 * 5 / 7, 100.0 * 3 / 6, 0.0);
  assert_point (series, 4, fixture->catalog, created + 300,
                100.0 * 9 / 15, 100.0 * 6 / 7, 100.0 * 3 / 6, 0.0);

  /* The last point is where the profile stands now. */
  g_assert_cmpfloat_with_epsilon (upskill_compute_readiness (fixture->profile, fixture->catalog), 100.0 * 9 / 15, EPSILON);
}

/* Levels above the target and back below it: every point counts a
 * skill up to its target only, as a count of the levels then would. */
static void
test_series_above_target_and_back (Fixture       *fixture,
                                   gconstpointer  role_id)
{
  g_autoptr(GPtrArray) series = NULL;
  gint64 created = upskill_profile_get_created (fixture->profile);
  double areas[3];

  /* Targets: py-core 4, py-data 3, ml-torch 4, ml-eval 2, sec-llm 2. */
  set_level (fixture->profile, "py-core", 5, created + 10);
  set_level (fixture->profile, "ml-eval", 4, created + 20);
  set_level (fixture->profile, "py-core", 2, created + 30);
  set_level (fixture->profile, "ml-eval", 1, created + 40);
  set_level (fixture->profile, "py-test", 3, created + 50);
  series = upskill_compute_readiness_series (fixture->profile, fixture->catalog);

  g_assert_cmpuint (series->len, ==, 6);
  assert_point (series, 1, fixture->catalog, created + 10,
                100.0 * 4 / 15, 100.0 * 4 / 7, 0.0, 0.0);
  assert_point (series, 2, fixture->catalog, created + 20,
                100.0 * 6 / 15, 100.0 * 4 / 7, 100.0 * 2 / 6, 0.0);
  assert_point (series, 3, fixture->catalog, created + 30,
                100.0 * 4 / 15, 100.0 * 2 / 7, 100.0 * 2 / 6, 0.0);
  assert_point (series, 4, fixture->catalog, created + 40,
                100.0 * 3 / 15, 100.0 * 2 / 7, 100.0 * 1 / 6, 0.0);
  /* Untargeted: no change. */
  assert_point (series, 5, fixture->catalog, created + 50,
                100.0 * 3 / 15, 100.0 * 2 / 7, 100.0 * 1 / 6, 0.0);

  /* Every area at once, as one at a time. */
  g_assert_cmpuint (upskill_catalog_get_n_areas (fixture->catalog), ==, G_N_ELEMENTS (areas));
  upskill_compute_readiness_by_area (fixture->profile, fixture->catalog, areas);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    g_assert_cmpfloat (areas[i], ==,
                       upskill_compute_area_readiness (fixture->profile, fixture->catalog,
                                                       upskill_catalog_get_area (fixture->catalog, i)));
  g_assert_cmpfloat_with_epsilon (areas[area (fixture->catalog, "py")->index], 100.0 * 2 / 7, EPSILON);
  g_assert_cmpfloat_with_epsilon (areas[area (fixture->catalog, "ml")->index], 100.0 * 1 / 6, EPSILON);
}

static void
test_series_uses_current_targets (Fixture       *fixture,
                                  gconstpointer  role_id)
{
  g_autoptr(GPtrArray) series = NULL;
  gint64 created = upskill_profile_get_created (fixture->profile);

  record_history (fixture->profile, created);

  /* Changed after the history was made; the whole line follows. */
  upskill_profile_set_target_override (fixture->profile, "sec-llm", 0);
  upskill_profile_set_target_override (fixture->profile, "py-core", 3);

  series = upskill_compute_readiness_series (fixture->profile, fixture->catalog);
  g_assert_cmpuint (series->len, ==, 5);
  assert_point (series, 0, fixture->catalog, created, 0.0, 0.0, 0.0, -1.0);
  assert_point (series, 2, fixture->catalog, created + 100,
                100.0 * 3 / 12, 100.0 * 2 / 6, 100.0 * 1 / 6, -1.0);
  assert_point (series, 4, fixture->catalog, created + 300,
                100.0 * 9 / 12, 100.0 * 6 / 6, 100.0 * 3 / 6, -1.0);
}

static void
test_series_without_history (Fixture       *fixture,
                             gconstpointer  role_id)
{
  g_autoptr(GPtrArray) series = NULL;
  UpskillReadinessPoint *point;

  series = upskill_compute_readiness_series (fixture->profile, fixture->catalog);
  g_assert_cmpuint (series->len, ==, 1);
  point = g_ptr_array_index (series, 0);
  g_assert_cmpint (point->time, ==, upskill_profile_get_created (fixture->profile));
  g_assert_cmpfloat (point->overall, <, 0.0);
}

static double
readiness_before (Fixture *fixture,
                  gint64   time)
{
  double readiness = -1.0;

  g_assert_true (upskill_compute_readiness_before (fixture->profile, fixture->catalog, time, &readiness));

  return readiness;
}

/* What readiness was at a time, as the series' points say: after the
 * changes before it, or the first assessment (the end of the first day)
 * when no change came before it. */
static void
test_readiness_before (Fixture       *fixture,
                       gconstpointer  role_id)
{
  gint64 created = upskill_profile_get_created (fixture->profile);
  gint64 later = created + 2 * 86400;

  record_history (fixture->profile, created);
  /* Python 6 of 7 down to 4 of 7: 7 of 15. */
  set_level (fixture->profile, "py-data", 1, later);

  g_assert_cmpfloat_with_epsilon (readiness_before (fixture, later + 1), 100.0 * 7 / 15, EPSILON);
  g_assert_cmpfloat_with_epsilon (readiness_before (fixture, later), 100.0 * 9 / 15, EPSILON);
  g_assert_cmpfloat_with_epsilon (readiness_before (fixture, created + 201), 100.0 * 8 / 15, EPSILON);
  g_assert_cmpfloat_with_epsilon (readiness_before (fixture, created + 200), 100.0 * 3 / 15, EPSILON);
  g_assert_cmpfloat_with_epsilon (readiness_before (fixture, created + 51), 100.0 * 1 / 15, EPSILON);
  /* Nothing changed before: the first assessment, not 0 %. */
  g_assert_cmpfloat_with_epsilon (readiness_before (fixture, created + 50), 100.0 * 9 / 15, EPSILON);
  g_assert_cmpfloat_with_epsilon (readiness_before (fixture, created - 3600), 100.0 * 9 / 15, EPSILON);
}

static void
test_readiness_before_nothing_targeted (Fixture       *fixture,
                                        gconstpointer  role_id)
{
  gint64 created = upskill_profile_get_created (fixture->profile);
  double readiness = 42.0;

  record_history (fixture->profile, created);
  g_assert_false (upskill_compute_readiness_before (fixture->profile, fixture->catalog,
                                                    created + 400, &readiness));
  g_assert_cmpfloat (readiness, ==, 42.0);
}

static void
test_bundled_sample (UpskillTestSample *sample,
                     gconstpointer      sample_id)
{
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) series = NULL;
  UpskillReadinessPoint *last;
  double readiness;

  g_assert_nonnull (upskill_catalog_find_role (sample->catalog, upskill_profile_get_target_role (sample->profile)));

  readiness = upskill_compute_readiness (sample->profile, sample->catalog);
  g_assert_cmpfloat (readiness, >=, 0.0);
  g_assert_cmpfloat (readiness, <, 100.0);

  gaps = upskill_compute_gaps (sample->profile, sample->catalog, sample->trends);
  g_assert_cmpuint (gaps->len, >, 0);
  for (guint i = 0; i < gaps->len; i++)
    {
      UpskillGap *gap = g_ptr_array_index (gaps, i);

      g_assert_cmpuint (gap->gap, >, 0);
      g_assert_cmpuint (gap->target, <=, 5);
      /* The core area first, then by priority within each group. */
      if (i > 0)
        {
          UpskillGap *before = g_ptr_array_index (gaps, i - 1);

          g_assert_true (before->core || !gap->core);
          if (before->core == gap->core)
            g_assert_cmpfloat (before->priority, >=, gap->priority);
        }
    }

  series = upskill_compute_readiness_series (sample->profile, sample->catalog);
  g_assert_cmpuint (series->len, >=, 1);
  for (guint i = 1; i < series->len; i++)
    g_assert_cmpint (((UpskillReadinessPoint *) g_ptr_array_index (series, i - 1))->time, <,
                     ((UpskillReadinessPoint *) g_ptr_array_index (series, i))->time);
  last = g_ptr_array_index (series, series->len - 1);
  g_assert_cmpfloat (last->overall, >=, 0.0);
  g_assert_cmpfloat (last->overall, <=, 100.0);

}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  UPSKILL_TEST_ADD_SAMPLE ("/upskill/readiness/bundled-sample", "dana-okafor", test_bundled_sample);

/* Most tests aim at "ml-eng". */
#define ADD(path, func) \
  g_test_add ("/upskill/readiness/" path, Fixture, "ml-eng", fixture_set_up, func, upskill_test_profile_tear_down)
#define ADD_WITHOUT_ROLE(path, func) \
  g_test_add ("/upskill/readiness/" path, Fixture, NULL, fixture_set_up, func, upskill_test_profile_tear_down)

  ADD ("target-from-role-and-override", test_target_from_role_and_override);
  ADD ("area-hand-computed", test_area_hand_computed);
  ADD ("overall-sums-skills", test_overall_sums_skills);
  ADD_WITHOUT_ROLE ("nothing-targeted", test_nothing_targeted);
  ADD ("area-levels", test_area_levels);
  ADD ("readiness-before", test_readiness_before);
  ADD_WITHOUT_ROLE ("readiness-before-nothing-targeted", test_readiness_before_nothing_targeted);
  ADD ("gaps-priority-with-trends", test_gaps_priority_with_trends);
  ADD ("gaps-trend-weights", test_gaps_trend_weights);
  ADD ("gaps-core-area-first", test_gaps_core_area_first);
  ADD ("gaps-priority-without-trends", test_gaps_priority_without_trends);
  ADD ("gaps-tie-breaks", test_gaps_tie_breaks);
  ADD ("override-marks-overridden", test_override_marks_overridden);
  ADD ("series-from-history", test_series_from_history);
  ADD ("series-uses-current-targets", test_series_uses_current_targets);
  ADD ("series-above-target-and-back", test_series_above_target_and_back);
  ADD_WITHOUT_ROLE ("series-without-history", test_series_without_history);

  return g_test_run ();
}
