/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "upskill-client.h"
#include "upskill-practice.h"
#include "upskill-readiness.h"
#include "upskill-store.h"
#include "upskill-test-utils.h"

#define DAY (24 * 60 * 60)

/* A client whose last session was 40 days before @now, who raised
 * SQL after it, whose plan has a step that was due a week ago, and who
 * has a session booked in a week. */
static UpskillProfile *
new_lapsed_client (const char *id,
                   const char *name,
                   gint64      now)
{
  UpskillProfile *profile = upskill_profile_new (id, name);
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  UpskillPlanStep *step;

  upskill_profile_set_kind (profile, UPSKILL_PROFILE_CLIENT);
  upskill_profile_set_target_role (profile, "data-engineer");
  upskill_profile_set_level (profile, "sql", 1, NULL, now - 60 * DAY);
  upskill_profile_set_level (profile, "python-core", 2, NULL, now - 59 * DAY);
  g_assert_nonnull (upskill_profile_add_note (profile, now - 40 * DAY, "First session"));
  upskill_profile_set_level (profile, "sql", 3, NULL, now - 20 * DAY);
  g_assert_nonnull (upskill_profile_add_note (profile, now + 7 * DAY, "Booked"));

  step = upskill_plan_step_new_custom ("step-1", "Pipelines project", 10, "data-pipelines", 0, 2);
  step->due = (now - 7 * DAY) / DAY * DAY;
  g_ptr_array_add (plan, step);
  upskill_profile_set_plan (profile, g_steal_pointer (&plan));

  return profile;
}

static void
test_fill_summary (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(UpskillProfile) profile = new_lapsed_client ("ana", "Ana", now);
  g_autoptr(UpskillProfileSummary) summary = g_new0 (UpskillProfileSummary, 1);
  g_autoptr(UpskillClient) client = NULL;
  g_autofree char *change = NULL;
  g_autofree char *attention = NULL;
  GPtrArray *notes = upskill_profile_get_notes (profile);
  UpskillArea *data_engineering = upskill_catalog_find_area (catalog, "data-engineering");

  summary->id = g_strdup ("ana");
  summary->name = g_strdup ("Ana");
  summary->kind = UPSKILL_PROFILE_CLIENT;
  summary->target_role = g_strdup ("data-engineer");
  summary->readiness = upskill_compute_readiness (profile, catalog);
  upskill_practice_fill_summary (summary, profile, catalog, now, NULL);

  g_assert_cmpint (summary->last_session, ==, ((UpskillNote *) g_ptr_array_index (notes, 0))->date);
  g_assert_cmpint (summary->next_session, ==, ((UpskillNote *) g_ptr_array_index (notes, 1))->date);
  /* SQL went from Novice to Competent since the session. */
  g_assert_true (summary->has_change);
  g_assert_cmpfloat (summary->change, >, 0.0);
  g_assert_cmpuint (summary->n_steps, ==, 1);
  g_assert_cmpuint (summary->n_steps_left, ==, 1);
  g_assert_cmpuint (summary->n_areas, ==, upskill_catalog_get_n_areas (catalog));
  g_assert_cmpfloat_with_epsilon (summary->areas[data_engineering->index],
                                  upskill_compute_area_readiness (profile, catalog, data_engineering),
                                  1e-9);
  g_assert_true (g_strv_contains ((const char * const *) summary->gaps, "data-pipelines"));

  client = upskill_client_new (summary, catalog, now);
  g_assert_cmpint (upskill_client_get_plan_status (client), ==, UPSKILL_PLAN_BEHIND);
  g_assert_cmpint (upskill_client_get_attention (client), ==,
                   UPSKILL_ATTENTION_NO_SESSION | UPSKILL_ATTENTION_BEHIND | UPSKILL_ATTENTION_SESSION_SOON);
  change = upskill_client_format_change (client);
  g_assert_true (g_str_has_prefix (change, "+"));
  attention = upskill_client_describe_attention (client);
  g_assert_cmpstr (attention, ==, "No session in 30 days · Behind the plan · Session in the next 7 days");
  g_assert_cmpstr (upskill_client_get_role_name (client), ==, "Data Engineer");

  /* Regenerated, the plan is on track again; a session today clears the
   * second reason, and the booked one moved to next month the third. */
  ((UpskillPlanStep *) g_ptr_array_index (upskill_profile_get_plan (profile), 0))->due = now + 7 * DAY;
  g_assert_nonnull (upskill_profile_add_note (profile, now - 60, "Today"));
  for (guint i = 0; i < notes->len; i++)
    {
      UpskillNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (note->text, "Booked") == 0)
        {
          upskill_profile_update_note (profile, note->id, now + 30 * DAY, "Booked");
          break;
        }
    }
  upskill_practice_fill_summary (summary, profile, catalog, now, NULL);
  g_clear_object (&client);
  client = upskill_client_new (summary, catalog, now);
  g_assert_cmpint (upskill_client_get_plan_status (client), ==, UPSKILL_PLAN_ON_TRACK);
  g_assert_cmpint (upskill_client_get_attention (client), ==, UPSKILL_ATTENTION_NONE);
  g_assert_null (upskill_client_describe_attention (client));
  g_assert_finalize_object (g_steal_pointer (&client));
}

/* The figures come from the index: a second store (the next start of the
 * app) reads them back without loading the profile. */
static void
test_index_round_trip (void)
{
  g_autofree char *base = upskill_test_make_tmp_dir ("upskill-practice-XXXXXX");
  g_autoptr(GFile) data_dir = g_file_new_for_path (base);
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(UpskillProfile) profile = new_lapsed_client ("ana", "Ana", now);
  g_autoptr(UpskillStore) store = upskill_store_new (data_dir, catalog);
  g_autoptr(UpskillStore) again = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index_path = g_strdup (upskill_store_get_index_path (store));
  g_autofree char *index = NULL;
  const UpskillProfileSummary *a, *b;
  const char *tags[] = { "pilot", "Team Ä", NULL };

  g_assert_true (upskill_profile_set_tags (profile, tags, &error));
  g_assert_no_error (error);
  g_assert_true (upskill_store_save (store, profile, NULL, &error));
  g_assert_no_error (error);
  first = upskill_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_finalize_object (g_steal_pointer (&store));

  g_assert_true (g_file_get_contents (index_path, &index, NULL, NULL));
  g_assert_nonnull (strstr (index, "\"gaps\""));

  again = upskill_store_new (data_dir, catalog);
  second = upskill_store_list (again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 1);
  a = g_ptr_array_index (first, 0);
  b = g_ptr_array_index (second, 0);
  /* The tags come back from the index, not from the file. */
  g_assert_true (g_strv_equal ((const char * const *) a->tags, tags));
  g_assert_true (g_strv_equal ((const char * const *) b->tags, tags));
  g_assert_cmpint (a->last_session, ==, b->last_session);
  g_assert_cmpint (a->next_session, ==, b->next_session);
  g_assert_cmpint (a->has_change, ==, b->has_change);
  g_assert_cmpfloat_with_epsilon (a->change, b->change, 1e-9);
  g_assert_cmpint (a->plan_due, ==, b->plan_due);
  g_assert_cmpuint (a->n_steps_left, ==, b->n_steps_left);
  g_assert_cmpuint (a->n_areas, ==, b->n_areas);
  for (guint i = 0; i < a->n_areas; i++)
    g_assert_cmpfloat_with_epsilon (a->areas[i], b->areas[i], 1e-9);
  g_assert_true (g_strv_equal ((const char * const *) a->gaps, (const char * const *) b->gaps));

  g_assert_finalize_object (g_steal_pointer (&again));
  upskill_test_remove_tree (base, &error);
  g_assert_no_error (error);
}

static UpskillProfileSummary *
new_summary (const char *id,
             const char *name,
             double      readiness,
             const char *gap_1,
             const char *gap_2)
{
  UpskillProfileSummary *summary = g_new0 (UpskillProfileSummary, 1);
  const char *gaps[] = { gap_1, gap_2, NULL };

  summary->id = g_strdup (id);
  summary->name = g_strdup (name);
  summary->target_role = g_strdup ("ml-engineer");
  summary->readiness = readiness;
  summary->gaps = g_strdupv ((char **) gaps);

  return summary;
}

static void
test_sort_and_gaps (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_profile_summary_free);
  g_autoptr(GListStore) clients = NULL;
  g_autoptr(GPtrArray) common = NULL;
  UpskillProfileSummary *unreadable;
  const char *by_readiness[] = { "nobody", "bo", "cy", "al" };

  g_ptr_array_add (summaries, new_summary ("al", "Al", 80.0, "sql", "pytorch"));
  g_ptr_array_add (summaries, new_summary ("bo", "bo", 20.0, "sql", NULL));
  g_ptr_array_add (summaries, new_summary ("cy", "Cy", 40.0, "sql", "pytorch"));
  g_ptr_array_add (summaries, new_summary ("nobody", "Nobody", -1.0, NULL, NULL));
  unreadable = g_new0 (UpskillProfileSummary, 1);
  unreadable->id = g_strdup ("broken");
  unreadable->error = g_strdup ("Could not read it");
  g_ptr_array_add (summaries, unreadable);

  /* An unreadable file is no client. */
  clients = upskill_practice_new_clients (summaries, catalog, now);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (clients)), ==, 4);

  /* Nothing targeted sorts lowest; names sort without regard to case. */
  g_list_store_sort (clients, upskill_client_compare_readiness, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (by_readiness); i++)
    {
      g_autoptr(UpskillClient) client = g_list_model_get_item (G_LIST_MODEL (clients), i);

      g_assert_cmpstr (upskill_client_get_id (client), ==, by_readiness[i]);
    }
  g_list_store_sort (clients, upskill_client_compare_name, NULL);
  {
    g_autoptr(UpskillClient) second = g_list_model_get_item (G_LIST_MODEL (clients), 1);

    g_assert_cmpstr (upskill_client_get_id (second), ==, "bo");
  }

  common = upskill_practice_count_gaps (G_LIST_MODEL (clients), catalog, 10);
  g_assert_cmpuint (common->len, ==, 2);
  g_assert_cmpstr (((UpskillCommonGap *) g_ptr_array_index (common, 0))->skill->id, ==, "sql");
  g_assert_cmpuint (((UpskillCommonGap *) g_ptr_array_index (common, 0))->n_clients, ==, 3);
  g_assert_cmpstr (((UpskillCommonGap *) g_ptr_array_index (common, 1))->skill->id, ==, "pytorch");
  g_assert_cmpuint (((UpskillCommonGap *) g_ptr_array_index (common, 1))->n_clients, ==, 2);

  g_clear_pointer (&common, g_ptr_array_unref);
  common = upskill_practice_count_gaps (G_LIST_MODEL (clients), catalog, 1);
  g_assert_cmpuint (common->len, ==, 1);
}

/* The overview's figures travel with a summary's copy. */
static void
test_summary_copy (void)
{
  double areas[] = { 10.0, -1.0, 100.0 };
  char *gaps[] = { (char *) "sql", (char *) "pytorch", NULL };
  UpskillProfileSummary summary = {
    .id = (char *) "a", .file_name = (char *) "a.json", .name = (char *) "A",
    .readiness = 42.5, .last_session = 11, .next_session = 12, .has_change = TRUE,
    .change = 3.5, .n_steps = 4, .n_steps_left = 2, .plan_due = 13,
    .n_areas = G_N_ELEMENTS (areas), .areas = areas, .gaps = gaps,
  };
  g_autoptr(UpskillProfileSummary) copy = upskill_profile_summary_copy (&summary);

  g_assert_cmpint (copy->last_session, ==, 11);
  g_assert_cmpint (copy->next_session, ==, 12);
  g_assert_true (copy->has_change);
  g_assert_cmpfloat (copy->change, ==, 3.5);
  g_assert_cmpuint (copy->n_steps, ==, 4);
  g_assert_cmpuint (copy->n_steps_left, ==, 2);
  g_assert_cmpint (copy->plan_due, ==, 13);
  g_assert_cmpuint (copy->n_areas, ==, 3);
  g_assert_true (copy->areas != areas);
  g_assert_cmpmem (copy->areas, sizeof areas, areas, sizeof areas);
  g_assert_true (copy->gaps != gaps);
  g_assert_true (g_strv_equal ((const char * const *) copy->gaps, (const char * const *) gaps));
}

/* An archived client is listed marked as such (the overview hides it
 * unless asked) and never needs attention. */
static void
test_archived_flagged (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_profile_summary_free);
  g_autoptr(GListStore) clients = NULL;
  g_autoptr(UpskillClient) first = NULL;
  g_autoptr(UpskillClient) second = NULL;
  UpskillProfileSummary *archived;

  g_ptr_array_add (summaries, new_summary ("al", "Al", 80.0, "sql", NULL));
  archived = new_summary ("bo", "Bo", 20.0, "sql", NULL);
  archived->archived = TRUE;
  archived->kind = UPSKILL_PROFILE_CLIENT;
  g_ptr_array_add (summaries, archived);

  clients = upskill_practice_new_clients (summaries, catalog, g_get_real_time () / G_USEC_PER_SEC);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (clients)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (clients), 0);
  second = g_list_model_get_item (G_LIST_MODEL (clients), 1);
  g_assert_cmpstr (upskill_client_get_id (first), ==, "al");
  g_assert_false (upskill_client_get_archived (first));
  g_assert_cmpstr (upskill_client_get_id (second), ==, "bo");
  g_assert_true (upskill_client_get_archived (second));
  /* A client with no session for months, but put away. */
  g_assert_cmpint (upskill_client_get_attention (second), ==, UPSKILL_ATTENTION_NONE);
}

/* The Tags column: by the tags as shown, ignoring case; untagged last. */
static void
test_sort_by_tags (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_profile_summary_free);
  g_autoptr(GListStore) clients = NULL;
  const char *order[] = { "cy", "al", "bo" };
  UpskillProfileSummary *summary;

  summary = new_summary ("al", "Al", 80.0, "sql", NULL);
  summary->tags = g_strsplit ("pilot,Team B", ",", -1);
  g_ptr_array_add (summaries, summary);
  g_ptr_array_add (summaries, new_summary ("bo", "Bo", 20.0, "sql", NULL));
  summary = new_summary ("cy", "Cy", 40.0, "sql", NULL);
  summary->tags = g_strsplit ("Evening", ",", -1);
  g_ptr_array_add (summaries, summary);

  clients = upskill_practice_new_clients (summaries, catalog, g_get_real_time () / G_USEC_PER_SEC);
  g_list_store_sort (clients, upskill_client_compare_tags, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(UpskillClient) client = g_list_model_get_item (G_LIST_MODEL (clients), i);

      g_assert_cmpstr (upskill_client_get_id (client), ==, order[i]);
    }

  {
    g_autoptr(UpskillClient) al = g_list_model_get_item (G_LIST_MODEL (clients), 1);
    g_autofree char *key = upskill_profile_dup_tag_key ("team b");

    g_assert_cmpstr (upskill_client_get_tags_text (al), ==, "pilot, Team B");
    g_assert_true (upskill_client_has_tag (al, key));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upskill/practice/summary-copy", test_summary_copy);
  g_test_add_func ("/upskill/practice/fill-summary", test_fill_summary);
  g_test_add_func ("/upskill/practice/index-round-trip", test_index_round_trip);
  g_test_add_func ("/upskill/practice/sort-and-gaps", test_sort_and_gaps);
  g_test_add_func ("/upskill/practice/archived-flagged", test_archived_flagged);
  g_test_add_func ("/upskill/practice/sort-by-tags", test_sort_by_tags);

  return g_test_run ();
}
