/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "upskill-catalog.h"
#include "upskill-planner.h"
#include "upskill-profile.h"
#include "upskill-readiness.h"
#include "upskill-test-utils.h"
#include "upskill-trends.h"

/* Modules, in catalog order (hours, skill from -> to, prerequisites):
 *
 *   m-py-intro    10h  py-core  0 -> 2
 *   m-py-book     20h  py-core  0 -> 2   (loses to the intro on hours)
 *   m-py-all      30h  py-core  1 -> 3
 *   m-py-adv      15h  py-core  2 -> 4
 *   m-pandas      12h  py-data  0 -> 3   m-py-intro
 *   m-torch       20h  ml-torch 0 -> 3   m-pandas
 *   m-torch-adv    8h  ml-torch 3 -> 4   m-torch
 *   m-eval         6h  ml-eval  0 -> 2   m-torch
 *   m-owasp        4h  sec-llm  0 -> 2
 *   m-sec-lab      4h  sec-llm  0 -> 2   (loses to OWASP on catalog order)
 *   m-owasp-book  12h  sec-llm  0 -> 2
 *
 * Role "ml-eng" targets py-core 4, py-data 3, ml-torch 4, ml-eval 2,
 * sec-llm 2 and weighs ml 2.0, sec 0.5. Role "data" targets py-data 3. */
static const char catalog_json[] =
  UPSKILL_TEST_SMALL_CATALOG_START ("")
  ","
  "  {\"id\": \"data\", \"name\": \"Data\", \"description\": \"d\","
  "   \"targets\": {\"py-data\": 3}}],"
  " \"modules\": ["
  "  {\"id\": \"m-py-intro\", \"title\": \"Python Intro\", \"provider\": \"p\", \"kind\": \"course\","
  "   \"hours\": 10, \"skill\": \"py-core\", \"from\": 0, \"to\": 2, \"url\": \"https://example.com/1\"},"
  "  {\"id\": \"m-py-book\", \"title\": \"Python Book\", \"provider\": \"p\", \"kind\": \"book\","
  "   \"hours\": 20, \"skill\": \"py-core\", \"from\": 0, \"to\": 2, \"url\": \"https://example.com/2\"},"
  "  {\"id\": \"m-py-all\", \"title\": \"Python All\", \"provider\": \"p\", \"kind\": \"course\","
  "   \"hours\": 30, \"skill\": \"py-core\", \"from\": 1, \"to\": 3, \"url\": \"https://example.com/3\"},"
  "  {\"id\": \"m-py-adv\", \"title\": \"Python Advanced\", \"provider\": \"p\", \"kind\": \"project\","
  "   \"hours\": 15, \"skill\": \"py-core\", \"from\": 2, \"to\": 4, \"url\": \"https://example.com/4\"},"
  "  {\"id\": \"m-pandas\", \"title\": \"Pandas\", \"provider\": \"p\", \"kind\": \"course\","
  "   \"hours\": 12, \"skill\": \"py-data\", \"from\": 0, \"to\": 3, \"url\": \"https://example.com/5\","
  "   \"prerequisites\": [\"m-py-intro\"]},"
  "  {\"id\": \"m-torch\", \"title\": \"PyTorch\", \"provider\": \"p\", \"kind\": \"course\","
  "   \"hours\": 20, \"skill\": \"ml-torch\", \"from\": 0, \"to\": 3, \"url\": \"https://example.com/6\","
  "   \"prerequisites\": [\"m-pandas\"]},"
  "  {\"id\": \"m-torch-adv\", \"title\": \"PyTorch Advanced\", \"provider\": \"p\", \"kind\": \"project\","
  "   \"hours\": 8, \"skill\": \"ml-torch\", \"from\": 3, \"to\": 4, \"url\": \"https://example.com/7\","
  "   \"prerequisites\": [\"m-torch\"]},"
  "  {\"id\": \"m-eval\", \"title\": \"Evaluation\", \"provider\": \"p\", \"kind\": \"course\","
  "   \"hours\": 6, \"skill\": \"ml-eval\", \"from\": 0, \"to\": 2, \"url\": \"https://example.com/8\","
  "   \"prerequisites\": [\"m-torch\"]},"
  "  {\"id\": \"m-owasp\", \"title\": \"OWASP LLM Top 10\", \"provider\": \"p\", \"kind\": \"book\","
  "   \"hours\": 4, \"skill\": \"sec-llm\", \"from\": 0, \"to\": 2, \"url\": \"https://example.com/9\"},"
  "  {\"id\": \"m-sec-lab\", \"title\": \"Security Lab\", \"provider\": \"p\", \"kind\": \"project\","
  "   \"hours\": 4, \"skill\": \"sec-llm\", \"from\": 0, \"to\": 2, \"url\": \"https://example.com/10\"},"
  "  {\"id\": \"m-owasp-book\", \"title\": \"Security Book\", \"provider\": \"p\", \"kind\": \"book\","
  "   \"hours\": 12, \"skill\": \"sec-llm\", \"from\": 0, \"to\": 2, \"url\": \"https://example.com/11\"}]}";

#define FULL_PLAN "m-py-intro m-pandas m-torch m-torch-adv m-eval m-py-adv m-owasp"

/* The small catalog and a new profile aiming at the role @role_id (NULL
 * for none), at 7 hours a week. */
typedef UpskillTestProfile Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  role_id)
{
  upskill_test_profile_set_up (fixture, catalog_json, role_id);
  upskill_profile_set_weekly_hours (fixture->profile, 7.0);
}

static void
set_level (UpskillProfile *profile,
           const char     *skill_id,
           guint           level)
{
  upskill_profile_set_level (profile, skill_id, level, NULL, 0);
  g_assert_cmpuint (upskill_profile_get_level (profile, skill_id), ==, level);
}

/* The plan as "module-id module-id custom:step-id …", to compare whole. */
static char *
describe_plan (UpskillProfile *profile)
{
  GPtrArray *plan = upskill_profile_get_plan (profile);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);

      if (i > 0)
        g_string_append_c (text, ' ');
      if (step->module_id != NULL)
        g_string_append (text, step->module_id);
      else
        g_string_append_printf (text, "custom:%s", step->id);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_plan (UpskillProfile *profile,
             const char     *expected)
{
  g_autofree char *actual = describe_plan (profile);

  g_assert_cmpstr (actual, ==, expected);
}

/* Regenerates the plan of @fixture's profile (with @trends, or none) and
 * checks that it is @expected. */
static void
assert_regenerated_plan (Fixture       *fixture,
                         UpskillTrends *trends,
                         const char    *expected)
{
  upskill_planner_regenerate (fixture->profile, fixture->catalog, trends);
  assert_plan (fixture->profile, expected);
}

/* Sets the level of @skill_id to @level, then as above, without trends. */
static void
assert_plan_at_level (Fixture    *fixture,
                      const char *skill_id,
                      guint       level,
                      const char *expected)
{
  set_level (fixture->profile, skill_id, level);
  assert_regenerated_plan (fixture, NULL, expected);
}

static UpskillPlanStep *
find_module_step (UpskillProfile *profile,
                  const char     *module_id)
{
  GPtrArray *plan = upskill_profile_get_plan (profile);

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);

      if (g_strcmp0 (step->module_id, module_id) == 0)
        return step;
    }

  g_assert_not_reached ();
  return NULL;
}

static void
set_module_status (UpskillProfile    *profile,
                   const char        *module_id,
                   UpskillStepStatus  status)
{
  UpskillPlanStep *step = find_module_step (profile, module_id);

  upskill_profile_set_step_status (profile, step->id, status);
  g_assert_cmpint (find_module_step (profile, module_id)->status, ==, status);
}

static void
insert_step (UpskillProfile  *profile,
             guint            position,
             UpskillPlanStep *new_step)
{
  GPtrArray *plan = upskill_profile_get_plan (profile);
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);

  for (guint i = 0; i < plan->len; i++)
    g_ptr_array_add (steps, upskill_plan_step_copy (g_ptr_array_index (plan, i)));
  g_ptr_array_insert (steps, position, new_step);

  upskill_profile_set_plan (profile, steps);
}

static void
assert_ids_unique (UpskillProfile *profile)
{
  GPtrArray *plan = upskill_profile_get_plan (profile);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);

      g_assert_nonnull (step->id);
      g_assert_true (g_hash_table_add (ids, step->id));
    }
}

static gboolean
module_requires (UpskillModule *module,
                 UpskillModule *prerequisite)
{
  for (guint i = 0; i < module->prerequisites->len; i++)
    {
      UpskillModule *required = g_ptr_array_index (module->prerequisites, i);

      if (required == prerequisite || module_requires (required, prerequisite))
        return TRUE;
    }

  return FALSE;
}

/* No module step comes after a step it depends on, directly or not. */
static void
assert_prerequisites_first (UpskillProfile *profile,
                            UpskillCatalog *catalog)
{
  GPtrArray *plan = upskill_profile_get_plan (profile);

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);
      UpskillModule *module;

      if (step->module_id == NULL)
        continue;

      module = upskill_catalog_find_module (catalog, step->module_id);
      g_assert_nonnull (module);

      for (guint j = i + 1; j < plan->len; j++)
        {
          UpskillPlanStep *later = g_ptr_array_index (plan, j);

          if (later->module_id == NULL)
            continue;

          g_assert_false (module_requires (module, upskill_catalog_find_module (catalog, later->module_id)));
        }
    }
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  char text[16];

  g_assert_true (g_date_valid (date));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_scheduled (GPtrArray  *schedule,
                  guint       position,
                  const char *title,
                  const char *start,
                  const char *finish)
{
  UpskillScheduledStep *scheduled;

  g_assert_cmpuint (position, <, schedule->len);
  scheduled = g_ptr_array_index (schedule, position);
  g_assert_cmpstr (scheduled->title, ==, title);
  g_assert_true (scheduled->scheduled);
  assert_date (&scheduled->start, start);
  assert_date (&scheduled->finish, finish);
}

static void
assert_finish (GPtrArray  *schedule,
               const char *expected)
{
  GDate finish;

  upskill_planner_get_finish (schedule, &finish);
  assert_date (&finish, expected);
}

static GPtrArray *
schedule_from_monday (UpskillProfile *profile,
                      UpskillCatalog *catalog)
{
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 6, G_DATE_JANUARY, 2025);

  return upskill_planner_schedule (profile, catalog, &start);
}

static void
test_chains_modules (Fixture       *fixture,
                     gconstpointer  role_id)
{
  /* From 0 the cheaper of two 0 -> 2 modules, then 2 -> 4. */
  upskill_profile_set_target_override (fixture->profile, "py-core", 4);
  assert_regenerated_plan (fixture, NULL, "m-py-intro m-py-adv");

  /* From 1 the module that reaches highest (1 -> 3), then 3 -> 4 via 2 -> 4. */
  assert_plan_at_level (fixture, "py-core", 1, "m-py-all m-py-adv");

  assert_plan_at_level (fixture, "py-core", 3, "m-py-adv");

  /* Equal reach and hours: the first in the catalog. Security's gap of 2
   * now outranks Python's gap of 1, so it goes first. */
  upskill_profile_set_target_override (fixture->profile, "sec-llm", 2);
  assert_regenerated_plan (fixture, NULL, "m-owasp m-py-adv");

  /* Nothing left to close: an empty plan. */
  set_level (fixture->profile, "py-core", 4);
  assert_plan_at_level (fixture, "sec-llm", 3, "");

  /* No module goes beyond 4: the plan gets as far as it can. */
  set_level (fixture->profile, "py-core", 2);
  upskill_profile_set_target_override (fixture->profile, "py-core", 5);
  assert_regenerated_plan (fixture, NULL, "m-py-adv");
}

static void
test_respects_prerequisites (Fixture       *fixture,
                             gconstpointer  role_id)
{
  /* The role's core area, ML, first: ml-torch 4 x 2 = 8, ml-eval
   * 2 x 2 = 4; then the rest by priority: py-core 4, py-data 3, sec-llm
   * 2 x 0.5 = 1. PyTorch brings Pandas, which brings the Python intro
   * (transitively), both before it. */
  assert_regenerated_plan (fixture, NULL, FULL_PLAN);
  assert_prerequisites_first (fixture->profile, fixture->catalog);
  assert_ids_unique (fixture->profile);

  for (guint i = 0; i < upskill_profile_get_plan (fixture->profile)->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (upskill_profile_get_plan (fixture->profile), i);

      g_assert_cmpint (step->status, ==, UPSKILL_STEP_PLANNED);
    }
}

static void
test_hours_sum (Fixture       *fixture,
                gconstpointer  role_id)
{
  g_autoptr(GPtrArray) schedule = NULL;
  GPtrArray *plan;
  GDate start;
  guint hours = 0;

  upskill_planner_regenerate (fixture->profile, fixture->catalog, NULL);
  plan = upskill_profile_get_plan (fixture->profile);
  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);

      hours += upskill_catalog_find_module (fixture->catalog, step->module_id)->hours;
    }
  g_assert_cmpuint (hours, ==, 10 + 12 + 20 + 8 + 15 + 6 + 4);

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 6, G_DATE_JANUARY, 2025);
  schedule = upskill_planner_schedule (fixture->profile, fixture->catalog, &start);
  g_assert_cmpuint (schedule->len, ==, plan->len);
  g_assert_cmpuint (upskill_planner_remaining_hours (schedule), ==, hours);
}

static void
test_skips_covered_prerequisites (Fixture       *fixture,
                                  gconstpointer  role_id)
{
  /* Pandas needs the intro, which takes Python core to 2. */
  assert_plan_at_level (fixture, "py-core", 1, "m-py-intro m-pandas");

  assert_plan_at_level (fixture, "py-core", 2, "m-pandas");

  /* A PyTorch target with Pandas covered needs neither Pandas nor what
   * Pandas needs. */
  set_level (fixture->profile, "py-core", 0);
  set_level (fixture->profile, "py-data", 3);
  upskill_profile_set_target_override (fixture->profile, "ml-torch", 3);
  assert_regenerated_plan (fixture, NULL, "m-torch");
}

/* The full plan, worked on: the intro done, Pandas in progress, OWASP
 * skipped, a custom step after PyTorch. */
static void
work_on_plan (UpskillProfile *profile,
              UpskillCatalog *catalog)
{
  upskill_planner_regenerate (profile, catalog, NULL);
  assert_plan (profile, FULL_PLAN);

  set_module_status (profile, "m-py-intro", UPSKILL_STEP_DONE);
  set_module_status (profile, "m-pandas", UPSKILL_STEP_IN_PROGRESS);
  set_module_status (profile, "m-owasp", UPSKILL_STEP_SKIPPED);
  insert_step (profile, 3,
               upskill_plan_step_new_custom ("custom-1", "Build a demo", 6, "ml-torch", 2, 3));
  assert_plan (profile, "m-py-intro m-pandas m-torch custom:custom-1 m-torch-adv m-eval m-py-adv m-owasp");
}

static void
test_regenerate_keeps_statuses (Fixture       *fixture,
                                gconstpointer  role_id)
{
  /* The module steps of work_on_plan() and the statuses it gave them. */
  static const char * const kept[] = { "m-py-intro", "m-pandas", "m-torch", "m-owasp" };
  static const UpskillStepStatus statuses[] = {
    UPSKILL_STEP_DONE, UPSKILL_STEP_IN_PROGRESS, UPSKILL_STEP_PLANNED, UPSKILL_STEP_SKIPPED,
  };
  g_auto(GStrv) ids = g_new0 (char *, G_N_ELEMENTS (kept) + 1);
  UpskillPlanStep *custom;

  work_on_plan (fixture->profile, fixture->catalog);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    ids[i] = g_strdup (find_module_step (fixture->profile, kept[i])->id);

  /* Evaluation is no longer wanted and security is covered: the planned
   * evaluation step goes, the skipped OWASP step stays (after the step that
   * preceded it and is still there), the custom step stays after PyTorch. */
  upskill_profile_set_target_override (fixture->profile, "ml-eval", 0);
  set_level (fixture->profile, "sec-llm", 2);
  upskill_planner_regenerate (fixture->profile, fixture->catalog, NULL);

  assert_plan (fixture->profile, "m-py-intro m-pandas m-torch custom:custom-1 m-torch-adv m-py-adv m-owasp");
  assert_ids_unique (fixture->profile);

  /* Each under its id, with its status. */
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      UpskillPlanStep *step = find_module_step (fixture->profile, kept[i]);

      g_assert_cmpstr (step->id, ==, ids[i]);
      g_assert_cmpint (step->status, ==, statuses[i]);
    }

  custom = upskill_profile_find_step (fixture->profile, "custom-1");
  g_assert_nonnull (custom);
  g_assert_cmpstr (custom->title, ==, "Build a demo");
  g_assert_cmpuint (custom->hours, ==, 6);
  g_assert_cmpstr (custom->skill_id, ==, "ml-torch");
  g_assert_cmpuint (custom->from_level, ==, 2);
  g_assert_cmpuint (custom->to_level, ==, 3);

  /* Once more with nothing changed: the same plan, the same ids. */
  assert_regenerated_plan (fixture, NULL, "m-py-intro m-pandas m-torch custom:custom-1 m-torch-adv m-py-adv m-owasp");
  g_assert_cmpstr (find_module_step (fixture->profile, kept[2])->id, ==, ids[2]);
}

static void
test_drops_unneeded_planned (Fixture       *fixture,
                             gconstpointer  role_id)
{
  work_on_plan (fixture->profile, fixture->catalog);

  /* Python core, PyTorch and security reached. The planned PyTorch and
   * advanced Python steps go. The done intro is no longer needed but stays
   * as history, first, as nothing preceded it. Pandas, in progress, leads
   * the fresh list although evaluation ranks higher (4 against 3); the
   * custom step stays after Pandas, the skipped OWASP step after
   * evaluation, as they were. */
  set_level (fixture->profile, "py-core", 4);
  set_level (fixture->profile, "ml-torch", 4);
  assert_plan_at_level (fixture, "sec-llm", 2, "m-py-intro m-pandas custom:custom-1 m-eval m-owasp");
  g_assert_cmpint (find_module_step (fixture->profile, "m-py-intro")->status, ==, UPSKILL_STEP_DONE);
  g_assert_cmpint (find_module_step (fixture->profile, "m-eval")->status, ==, UPSKILL_STEP_PLANNED);

  /* Nothing left at all: only what the user did or wrote stays. */
  set_level (fixture->profile, "py-data", 3);
  assert_plan_at_level (fixture, "ml-eval", 2, "m-py-intro m-pandas custom:custom-1 m-owasp");
  g_assert_cmpint (find_module_step (fixture->profile, "m-pandas")->status, ==, UPSKILL_STEP_IN_PROGRESS);
}

static void
test_new_steps_get_fresh_ids (Fixture       *fixture,
                              gconstpointer  role_id)
{
  g_autofree char *pandas_id = NULL;
  GPtrArray *plan;

  assert_plan_at_level (fixture, "py-core", 2, "m-pandas");
  pandas_id = g_strdup (find_module_step (fixture->profile, "m-pandas")->id);

  /* Several steps added at once all get ids of their own. Priorities:
   * py-data 3, then gaps of 2 in catalog order: py-core, ml-eval (which
   * brings PyTorch), sec-llm. */
  upskill_profile_set_target_override (fixture->profile, "ml-eval", 2);
  upskill_profile_set_target_override (fixture->profile, "sec-llm", 2);
  upskill_profile_set_target_override (fixture->profile, "py-core", 4);
  assert_regenerated_plan (fixture, NULL, "m-pandas m-py-adv m-torch m-eval m-owasp");
  assert_ids_unique (fixture->profile);
  g_assert_cmpstr (find_module_step (fixture->profile, "m-pandas")->id, ==, pandas_id);

  plan = upskill_profile_get_plan (fixture->profile);
  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);

      g_assert_true (upskill_profile_find_step (fixture->profile, step->id) == step);
    }
}

static void
test_skipped_module_replaced (Fixture       *fixture,
                              gconstpointer  role_id)
{
  UpskillSkill *sec_llm = upskill_catalog_find_skill (fixture->catalog, "sec-llm");
  UpskillSkill *ml_eval;
  g_autoptr(GPtrArray) gaps = NULL;

  upskill_profile_set_target_override (fixture->profile, "sec-llm", 2);
  assert_regenerated_plan (fixture, NULL, "m-owasp");

  /* Skipped: the next best module for the same level takes its place and
   * the skipped step stays as a record. */
  set_module_status (fixture->profile, "m-owasp", UPSKILL_STEP_SKIPPED);
  assert_regenerated_plan (fixture, NULL, "m-owasp m-sec-lab");
  g_assert_cmpint (find_module_step (fixture->profile, "m-owasp")->status, ==, UPSKILL_STEP_SKIPPED);

  set_module_status (fixture->profile, "m-sec-lab", UPSKILL_STEP_SKIPPED);
  assert_regenerated_plan (fixture, NULL, "m-owasp m-sec-lab m-owasp-book");

  g_assert_cmpint (upskill_planner_why_open (fixture->profile, fixture->catalog, sec_llm, 0, 2), ==,
                   UPSKILL_OPEN_GAP_NOT_PLANNED);

  /* Everything skipped: the skipped ones are all there is. The gap stays
   * open, and neither regenerating nor Add Steps can close it: the person
   * is told why rather than sent to regenerate. */
  set_module_status (fixture->profile, "m-owasp-book", UPSKILL_STEP_SKIPPED);
  assert_regenerated_plan (fixture, NULL, "m-owasp m-sec-lab m-owasp-book");
  g_assert_cmpuint (upskill_planner_planned_level (fixture->profile, fixture->catalog, sec_llm), ==, 0);
  g_assert_cmpint (upskill_planner_why_open (fixture->profile, fixture->catalog, sec_llm, 0, 2), ==,
                   UPSKILL_OPEN_GAP_SKIPPED);
  g_assert_cmpuint (upskill_planner_cover_gap (fixture->profile, fixture->catalog, "sec-llm"), ==, 0);
  gaps = upskill_compute_gaps (fixture->profile, fixture->catalog, NULL);
  g_assert_cmpuint (gaps->len, ==, 1);
  g_assert_nonnull (strstr (upskill_planner_describe_uncovered (fixture->profile, fixture->catalog, g_ptr_array_index (gaps, 0)),
                            "skipped"));

  /* Taken up again: an ordinary open gap once more. */
  set_module_status (fixture->profile, "m-sec-lab", UPSKILL_STEP_PLANNED);
  g_assert_cmpuint (upskill_planner_planned_level (fixture->profile, fixture->catalog, sec_llm), ==, 2);

  /* No module of the catalog takes evaluation past 2. */
  ml_eval = upskill_catalog_find_skill (fixture->catalog, "ml-eval");
  g_assert_cmpint (upskill_planner_why_open (fixture->profile, fixture->catalog, ml_eval, 2, 4), ==,
                   UPSKILL_OPEN_GAP_NO_MODULE);
  g_assert_cmpint (upskill_planner_why_open (fixture->profile, fixture->catalog, ml_eval, 0, 2), ==,
                   UPSKILL_OPEN_GAP_NOT_PLANNED);
}

static void
test_kept_steps_follow_prerequisites (Fixture       *fixture,
                                      gconstpointer  role_id)
{
  g_autoptr(GPtrArray) steps = NULL;

  /* The user put an evaluation course, already started, first and a custom
   * step before it. Evaluation is no longer a target but was started, so it
   * stays; it needs PyTorch, which the plan has, so it moves after it. */
  upskill_profile_set_target_override (fixture->profile, "ml-torch", 3);
  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  g_ptr_array_add (steps, upskill_plan_step_new_custom ("custom-1", "Read papers", 3, "ml-eval", 0, 1));
  g_ptr_array_add (steps, upskill_plan_step_new_module ("step-eval", "m-eval"));
  ((UpskillPlanStep *) g_ptr_array_index (steps, 1))->status = UPSKILL_STEP_IN_PROGRESS;
  upskill_profile_set_plan (fixture->profile, g_steal_pointer (&steps));

  assert_regenerated_plan (fixture, NULL, "custom:custom-1 m-py-intro m-pandas m-torch m-eval");
  assert_prerequisites_first (fixture->profile, fixture->catalog);
  g_assert_cmpstr (find_module_step (fixture->profile, "m-eval")->id, ==, "step-eval");
  g_assert_cmpint (find_module_step (fixture->profile, "m-eval")->status, ==, UPSKILL_STEP_IN_PROGRESS);
  assert_ids_unique (fixture->profile);
}

static void
test_in_progress_steps_lead (Fixture       *fixture,
                             gconstpointer  role_id)
{
  GPtrArray *schedule;

  /* Gaps: py-core 4, ml-torch 3, sec-llm 2. */
  upskill_profile_set_target_override (fixture->profile, "py-core", 4);
  upskill_profile_set_target_override (fixture->profile, "ml-torch", 3);
  upskill_profile_set_target_override (fixture->profile, "sec-llm", 2);
  assert_regenerated_plan (fixture, NULL, "m-py-intro m-py-adv m-pandas m-torch m-owasp");

  /* Started: it leads, and is scheduled from the first day. */
  set_module_status (fixture->profile, "m-owasp", UPSKILL_STEP_IN_PROGRESS);
  assert_regenerated_plan (fixture, NULL, "m-owasp m-py-intro m-py-adv m-pandas m-torch");
  schedule = schedule_from_monday (fixture->profile, fixture->catalog);
  assert_scheduled (schedule, 0, "OWASP LLM Top 10", "2025-01-06", "2025-01-09");
  g_ptr_array_unref (schedule);

  /* PyTorch, started too, leads as well (it ranks above OWASP), but what it
   * waits for is pulled forward to just before it; the advanced Python
   * course, unrelated, stays behind. */
  set_module_status (fixture->profile, "m-torch", UPSKILL_STEP_IN_PROGRESS);
  assert_regenerated_plan (fixture, NULL, "m-py-intro m-pandas m-torch m-owasp m-py-adv");
  assert_prerequisites_first (fixture->profile, fixture->catalog);
}

static void
test_demand_orders_plan (Fixture       *fixture,
                         gconstpointer  role_id)
{
  static const char trends_json[] =
    UPSKILL_TEST_TRENDS_START
    "  {\"id\": \"c1\", \"kind\": \"strategy\", \"section\": \"s1\", \"audience\": [\"developer\"],"
    "   \"text\": \"t\", \"quote\": \"q\", \"areas\": [\"sec\"], \"strength\": 3},"
    "  {\"id\": \"c2\", \"kind\": \"strategy\", \"section\": \"s1\", \"audience\": [\"developer\"],"
    "   \"text\": \"t\", \"quote\": \"q\", \"areas\": [\"py\"], \"strength\": 1}]}";
  UpskillTrends *trends = upskill_test_trends_new_from_json (trends_json, fixture->catalog);

  /* Equal gaps of 2: demand (security 1, Python 1/3) puts security
   * first; without trends catalog order does. */
  upskill_profile_set_target_override (fixture->profile, "py-core", 2);
  upskill_profile_set_target_override (fixture->profile, "sec-llm", 2);
  assert_regenerated_plan (fixture, trends, "m-owasp m-py-intro");

  assert_regenerated_plan (fixture, NULL, "m-py-intro m-owasp");

  /* Python core gap 4 x (1 + 0.5 / 3), security gap 2 x (1 + 0.5): the
   * headline adjusts, it does not overrule the bigger gap, even when
   * strong (4 x 4/3 against 2 x 2). */
  upskill_profile_set_target_override (fixture->profile, "py-core", 4);
  upskill_profile_set_plan (fixture->profile, g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free));
  assert_regenerated_plan (fixture, trends, "m-py-intro m-py-adv m-owasp");
  upskill_trends_set_weight (trends, UPSKILL_TREND_WEIGHT_STRONG);
  assert_regenerated_plan (fixture, trends, "m-py-intro m-py-adv m-owasp");

  g_assert_finalize_object (trends);
}

/* A profile aiming at "data" at 7 hours a week, planned: Python intro
 * (10h) and Pandas (12h), and a custom step of 3h. */
static void
scheduled_fixture_set_up (Fixture       *fixture,
                          gconstpointer  role_id)
{
  fixture_set_up (fixture, "data");
  set_level (fixture->profile, "py-core", 1);
  upskill_planner_regenerate (fixture->profile, fixture->catalog, NULL);
  insert_step (fixture->profile, 2,
               upskill_plan_step_new_custom ("custom-1", "Write a notebook", 3, "py-data", 2, 3));
  assert_plan (fixture->profile, "m-py-intro m-pandas custom:custom-1");
}

/* The schedule of the steps of scheduled_fixture_set_up() at @weekly_hours. */
typedef struct
{
  double      weekly_hours;
  const char *dates[3][2];      /* of Python Intro, Pandas, the notebook */
  const char *finish;           /* or NULL, not checked */
  guint       remaining_hours;  /* or 0, not checked */
} ScheduleDates;

static const ScheduleDates at_7_hours = {
  7.0, { { "2025-01-06", "2025-01-15" }, { "2025-01-16", "2025-01-27" }, { "2025-01-28", "2025-01-30" } },
  "2025-01-30", 10 + 12 + 3,
};
static const ScheduleDates at_14_hours = {
  14.0, { { "2025-01-06", "2025-01-10" }, { "2025-01-11", "2025-01-16" }, { "2025-01-17", "2025-01-18" } },
  "2025-01-18", 0,
};
static const ScheduleDates at_5_hours = {
  5.0, { { "2025-01-06", "2025-01-19" }, { "2025-01-20", "2025-02-05" }, { "2025-02-06", "2025-02-10" } },
  "2025-02-10", 25,
};
static const ScheduleDates at_40_hours = {
  40.0, { { "2025-01-06", "2025-01-07" }, { "2025-01-08", "2025-01-10" }, { "2025-01-11", "2025-01-11" } },
  NULL, 0,
};

/* Returns the schedule. */
static GPtrArray *
assert_schedule_dates (UpskillProfile      *profile,
                       UpskillCatalog      *catalog,
                       const ScheduleDates *expected)
{
  static const char * const titles[] = { "Python Intro", "Pandas", "Write a notebook" };
  g_autoptr(GPtrArray) schedule = NULL;

  upskill_profile_set_weekly_hours (profile, expected->weekly_hours);
  schedule = schedule_from_monday (profile, catalog);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    assert_scheduled (schedule, i, titles[i], expected->dates[i][0], expected->dates[i][1]);
  if (expected->finish != NULL)
    assert_finish (schedule, expected->finish);
  if (expected->remaining_hours != 0)
    g_assert_cmpuint (upskill_planner_remaining_hours (schedule), ==, expected->remaining_hours);

  return g_steal_pointer (&schedule);
}

static void
test_schedule_one_hour_per_day (Fixture       *fixture,
                                gconstpointer  role_id)
{
  /* 7 hours a week: one hour a day, days counted inclusively. */
  g_autoptr(GPtrArray) schedule = assert_schedule_dates (fixture->profile, fixture->catalog, &at_7_hours);
  UpskillScheduledStep *scheduled;

  g_assert_cmpuint (schedule->len, ==, 3);

  scheduled = g_ptr_array_index (schedule, 1);
  g_assert_nonnull (scheduled->module);
  g_assert_cmpstr (scheduled->module->id, ==, "m-pandas");
  g_assert_cmpstr (scheduled->skill->id, ==, "py-data");
  g_assert_cmpuint (scheduled->hours, ==, 12);
  g_assert_cmpuint (scheduled->from_level, ==, 0);
  g_assert_cmpuint (scheduled->to_level, ==, 3);
  g_assert_true (scheduled->step == find_module_step (fixture->profile, "m-pandas"));

  scheduled = g_ptr_array_index (schedule, 2);
  g_assert_null (scheduled->module);
  g_assert_cmpstr (scheduled->skill->id, ==, "py-data");
  g_assert_cmpuint (scheduled->from_level, ==, 2);
  g_assert_cmpuint (scheduled->to_level, ==, 3);
}

static void
test_schedule_weekly_hours (Fixture       *fixture,
                            gconstpointer  role_id)
{
  GPtrArray *schedule;

  /* 14 hours a week, 2 a day: 5, 6 and 2 days. 5 hours a week: 10 x 7 /
   * 5 = 14 days exactly, 12 x 7 / 5 = 16.8 -> 17, 3 x 7 / 5 = 4.2 -> 5. */
  g_ptr_array_unref (assert_schedule_dates (fixture->profile, fixture->catalog, &at_14_hours));
  g_ptr_array_unref (assert_schedule_dates (fixture->profile, fixture->catalog, &at_5_hours));

  /* A few seconds a week: millions of days, no date can be projected, yet
   * the work is still there. */
  upskill_profile_set_weekly_hours (fixture->profile, 0.00001);
  schedule = schedule_from_monday (fixture->profile, fixture->catalog);
  for (guint i = 0; i < schedule->len; i++)
    {
      UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, i);

      g_assert_true (scheduled->scheduled);
      g_assert_false (g_date_valid (&scheduled->start));
      g_assert_false (g_date_valid (&scheduled->finish));
    }
  g_assert_cmpuint (upskill_planner_remaining_hours (schedule), ==, 25);
  {
    GDate finish;

    upskill_planner_get_finish (schedule, &finish);
    g_assert_false (g_date_valid (&finish));
  }
  g_ptr_array_unref (schedule);

  /* 40 hours a week: the 3-hour step still takes a day of its own. */
  g_ptr_array_unref (assert_schedule_dates (fixture->profile, fixture->catalog, &at_40_hours));

}

static void
test_schedule_skips_finished (Fixture       *fixture,
                              gconstpointer  role_id)
{
  GPtrArray *schedule;
  UpskillScheduledStep *scheduled;
  GDate finish;

  set_module_status (fixture->profile, "m-py-intro", UPSKILL_STEP_DONE);
  upskill_profile_set_step_status (fixture->profile, "custom-1", UPSKILL_STEP_IN_PROGRESS);
  schedule = schedule_from_monday (fixture->profile, fixture->catalog);
  g_assert_cmpuint (schedule->len, ==, 3);

  scheduled = g_ptr_array_index (schedule, 0);
  g_assert_false (scheduled->scheduled);
  g_assert_false (g_date_valid (&scheduled->start));
  g_assert_false (g_date_valid (&scheduled->finish));
  assert_scheduled (schedule, 1, "Pandas", "2025-01-06", "2025-01-17");
  assert_scheduled (schedule, 2, "Write a notebook", "2025-01-18", "2025-01-20");
  g_assert_cmpuint (upskill_planner_remaining_hours (schedule), ==, 15);
  g_ptr_array_unref (schedule);

  set_module_status (fixture->profile, "m-pandas", UPSKILL_STEP_SKIPPED);
  upskill_profile_set_step_status (fixture->profile, "custom-1", UPSKILL_STEP_DONE);
  schedule = schedule_from_monday (fixture->profile, fixture->catalog);
  for (guint i = 0; i < schedule->len; i++)
    g_assert_false (((UpskillScheduledStep *) g_ptr_array_index (schedule, i))->scheduled);
  g_assert_cmpuint (upskill_planner_remaining_hours (schedule), ==, 0);
  upskill_planner_get_finish (schedule, &finish);
  g_assert_false (g_date_valid (&finish));
  g_ptr_array_unref (schedule);

}

static void
test_check_order (Fixture       *fixture,
                  gconstpointer  role_id)
{
  GPtrArray *schedule;
  g_autoptr(GPtrArray) steps = NULL;
  char *message = NULL;

  schedule = schedule_from_monday (fixture->profile, fixture->catalog);
  g_assert_true (upskill_planner_check_order (fixture->profile, schedule, &message));
  g_assert_null (message);
  g_ptr_array_unref (schedule);

  /* Moved by the user: still laid out in the user's order, with a warning. */
  upskill_profile_move_step (fixture->profile, find_module_step (fixture->profile, "m-pandas")->id, 0);
  assert_plan (fixture->profile, "m-pandas m-py-intro custom:custom-1");
  schedule = schedule_from_monday (fixture->profile, fixture->catalog);
  assert_scheduled (schedule, 0, "Pandas", "2025-01-06", "2025-01-17");
  g_assert_false (upskill_planner_check_order (fixture->profile, schedule, &message));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Pandas"));
  g_assert_nonnull (strstr (message, "Python Intro"));
  g_clear_pointer (&message, g_free);
  g_assert_false (upskill_planner_check_order (fixture->profile, schedule, NULL));
  g_ptr_array_unref (schedule);

  /* A prerequisite already done is no reason to warn. */
  set_module_status (fixture->profile, "m-py-intro", UPSKILL_STEP_DONE);
  schedule = schedule_from_monday (fixture->profile, fixture->catalog);
  g_assert_true (upskill_planner_check_order (fixture->profile, schedule, NULL));
  g_ptr_array_unref (schedule);

  /* PyTorch needs Pandas needs the intro: with Pandas removed from the plan,
   * the intro after PyTorch is still out of order. */
  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  g_ptr_array_add (steps, upskill_plan_step_new_module ("step-a", "m-torch"));
  g_ptr_array_add (steps, upskill_plan_step_new_module ("step-b", "m-py-intro"));
  upskill_profile_set_plan (fixture->profile, g_steal_pointer (&steps));
  schedule = schedule_from_monday (fixture->profile, fixture->catalog);
  g_assert_false (upskill_planner_check_order (fixture->profile, schedule, &message));
  g_assert_nonnull (strstr (message, "PyTorch"));
  g_clear_pointer (&message, g_free);
  g_ptr_array_unref (schedule);

}

static void
test_bundled_sample (UpskillTestSample *sample,
                     gconstpointer      sample_id)
{
  g_autoptr(GPtrArray) schedule = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GHashTable) modules = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *plan;
  guint hours = 0;
  GDate start;
  GDate finish;

  gaps = upskill_compute_gaps (sample->profile, sample->catalog, sample->trends);
  g_assert_cmpuint (gaps->len, >, 0);

  upskill_planner_regenerate (sample->profile, sample->catalog, sample->trends);
  plan = upskill_profile_get_plan (sample->profile);
  g_assert_cmpuint (plan->len, >, 0);
  assert_ids_unique (sample->profile);

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);
      UpskillModule *module;

      if (step->module_id == NULL)
        continue;

      /* Each module once, and each one a real module of the catalog. */
      g_assert_true (g_hash_table_add (modules, step->module_id));
      module = upskill_catalog_find_module (sample->catalog, step->module_id);
      g_assert_nonnull (module);
      if (step->status != UPSKILL_STEP_DONE && step->status != UPSKILL_STEP_SKIPPED)
        hours += module->hours;
    }

  /* The top gap is being worked on by some step. */
  {
    UpskillGap *top = g_ptr_array_index (gaps, 0);
    gboolean covered = FALSE;

    for (guint i = 0; i < plan->len; i++)
      {
        UpskillPlanStep *step = g_ptr_array_index (plan, i);
        UpskillModule *module = step->module_id != NULL
          ? upskill_catalog_find_module (sample->catalog, step->module_id)
          : NULL;

        if (module != NULL && module->skill == top->skill)
          covered = TRUE;
      }
    g_assert_true (covered);
  }

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 6, G_DATE_JANUARY, 2025);
  schedule = upskill_planner_schedule (sample->profile, sample->catalog, &start);
  g_assert_cmpuint (schedule->len, ==, plan->len);
  g_assert_true (upskill_planner_check_order (sample->profile, schedule, NULL));
  g_assert_cmpuint (upskill_planner_remaining_hours (schedule), >=, hours);
  upskill_planner_get_finish (schedule, &finish);
  g_assert_true (g_date_valid (&finish));
  g_assert_cmpint (g_date_compare (&finish, &start), >, 0);

}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  UPSKILL_TEST_ADD_SAMPLE ("/upskill/planner/bundled-sample", "dana-okafor", test_bundled_sample);

#define ADD_FOR_ROLE(path, role_id, func) \
  g_test_add ("/upskill/planner/" path, Fixture, role_id, fixture_set_up, func, upskill_test_profile_tear_down)
#define ADD(path, func) ADD_FOR_ROLE (path, "ml-eng", func)
#define ADD_SCHEDULED(path, func) \
  g_test_add ("/upskill/planner/" path, Fixture, "data", scheduled_fixture_set_up, func, upskill_test_profile_tear_down)

  ADD_FOR_ROLE ("chains-modules", NULL, test_chains_modules);
  ADD ("respects-prerequisites", test_respects_prerequisites);
  ADD ("hours-sum", test_hours_sum);
  ADD_FOR_ROLE ("skips-covered-prerequisites", "data", test_skips_covered_prerequisites);
  ADD ("regenerate-keeps-statuses", test_regenerate_keeps_statuses);
  ADD ("drops-unneeded-planned", test_drops_unneeded_planned);
  ADD_FOR_ROLE ("new-steps-get-fresh-ids", "data", test_new_steps_get_fresh_ids);
  ADD_FOR_ROLE ("skipped-module-replaced", NULL, test_skipped_module_replaced);
  ADD_FOR_ROLE ("kept-steps-follow-prerequisites", NULL, test_kept_steps_follow_prerequisites);
  ADD_FOR_ROLE ("in-progress-steps-lead", NULL, test_in_progress_steps_lead);
  ADD_FOR_ROLE ("demand-orders-plan", NULL, test_demand_orders_plan);
  ADD_SCHEDULED ("schedule-one-hour-per-day", test_schedule_one_hour_per_day);
  ADD_SCHEDULED ("schedule-weekly-hours", test_schedule_weekly_hours);
  ADD_SCHEDULED ("schedule-skips-finished", test_schedule_skips_finished);
  ADD_SCHEDULED ("check-order", test_check_order);

  return g_test_run ();
}
