/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-common.h"
#include "upskill-catalog.h"
#include "upskill-client.h"
#include "upskill-practice.h"
#include "upskill-store.h"

/* How the Clients overview scales: a coach with a thousand clients.
 * Times listing the store (its index), building the overview's model
 * from it, sorting by each column and counting the common gaps.
 * Usage: bench-clients [N_CLIENTS] */

#define N_RUNS 5
#define DAY    (24 * 60 * 60)

/* A client of a year's coaching: levels rated and raised, a session a
 * month (the last one 0 to 60 days ago), some with the next one booked,
 * a plan that is on time for some and behind for others. */
static UpskillProfile *
make_client (UpskillCatalog *catalog,
             guint           number,
             gint64          now)
{
  g_autofree char *id = g_strdup_printf ("client-%04u", number);
  g_autofree char *name = g_strdup_printf ("Client %u", (number * 7919) % 10000);
  UpskillProfile *profile = upskill_profile_new (id, name);
  guint n_skills = upskill_catalog_get_n_skills (catalog);
  guint n_modules = upskill_catalog_get_n_modules (catalog);
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (number);
  gint64 start = now - 365 * DAY;
  gint64 last_session = now - g_rand_int_range (rand, 0, 60) * DAY;

  upskill_profile_set_kind (profile, UPSKILL_PROFILE_CLIENT);
  upskill_profile_set_target_role (profile,
                                   upskill_catalog_get_role (catalog,
                                                             number % upskill_catalog_get_n_roles (catalog))->id);
  upskill_profile_set_weekly_hours (profile, 4 + number % 10);
  {
    static const char * const cohorts[] = { "Spring cohort", "Autumn cohort", "Employer-funded", "Evenings only" };
    g_autofree char *group = g_strdup_printf ("Group %u", number % 37);
    const char *tags[] = { cohorts[number % G_N_ELEMENTS (cohorts)], group, NULL };

    upskill_profile_set_tags (profile, tags, NULL);
  }

  for (guint i = 0; i < 20; i++)
    upskill_profile_set_level (profile, upskill_catalog_get_skill (catalog, (number + i * 5) % n_skills)->id,
                               g_rand_int_range (rand, 0, 4), NULL, start + i * 60);
  for (guint week = 1; week < 52; week++)
    upskill_profile_set_level (profile,
                               upskill_catalog_get_skill (catalog, g_rand_int_range (rand, 0, n_skills))->id,
                               g_rand_int_range (rand, 1, 6), "Weekly review", start + week * 7 * DAY);

  for (gint64 session = last_session - 11 * 30 * DAY; session <= last_session; session += 30 * DAY)
    upskill_profile_add_note (profile, session, "Reviewed progress and agreed on next steps.");
  if (number % 3 == 0)
    upskill_profile_add_note (profile, now + g_rand_int_range (rand, 1, 30) * DAY, "Booked.");

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *step_id = g_strdup_printf ("step-%u", i + 1);
      UpskillPlanStep *step = upskill_plan_step_new_module (step_id,
                                                            upskill_catalog_get_module (catalog, (number + i * 3) % n_modules)->id);

      step->status = i < 3 ? UPSKILL_STEP_DONE : UPSKILL_STEP_PLANNED;
      step->due = (now + ((gint64) i * 14 - (number % 4 == 0 ? 60 : 0)) * DAY) / DAY * DAY;
      g_ptr_array_add (plan, step);
    }
  if (number % 10 != 0)
    upskill_profile_set_plan (profile, g_steal_pointer (&plan));

  return profile;
}

/* CPU time of the process, in microseconds: on a shared machine wall
 * time mostly measures the neighbours. Listing a warm index, building
 * and sorting run on the calling thread alone. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
median (gint64 *times)
{
  qsort (times, N_RUNS, sizeof (gint64), bench_compare_int64);
  return times[N_RUNS / 2];
}

static void
print_row (const char *what,
           gint64      usec)
{
  g_print ("  %-46s %9.2f ms\n", what, usec / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char       *column;
    GCompareDataFunc  compare;
  } columns[] = {
    { "name", upskill_client_compare_name },
    { "target role", upskill_client_compare_role },
    { "tags", upskill_client_compare_tags },
    { "readiness", upskill_client_compare_readiness },
    { "change since last session", upskill_client_compare_change },
    { "last session", upskill_client_compare_last_session },
    { "next session", upskill_client_compare_next_session },
    { "plan status", upskill_client_compare_plan },
    { "needs attention", upskill_client_compare_attention },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *index_path = NULL;
  g_autoptr(GFile) data_dir = NULL;
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 times[N_RUNS], start;
  guint n_clients;
  guint n_attention = 0, n_behind = 0;

  n_clients = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  if (n_clients < 1 || n_clients > 9999)
    {
      g_printerr ("Usage: %s [N_CLIENTS (1-9999)]\n", argv[0]);
      return EXIT_FAILURE;
    }

  base = g_dir_make_tmp ("upskill-bench-clients-XXXXXX", &error);
  bench_die_on_error (error, "temporary folder");
  data_dir = g_file_new_for_path (base);
  g_print ("Generating %u clients in %s\n", n_clients, base);
  {
    g_autoptr(UpskillStore) store = upskill_store_new (data_dir, catalog);

    index_path = g_strdup (upskill_store_get_index_path (store));

    start = g_get_monotonic_time ();
    for (guint i = 0; i < n_clients; i++)
      {
        g_autoptr(UpskillProfile) profile = make_client (catalog, i, now);

        upskill_store_save (store, profile, NULL, &error);
        bench_die_on_error (error, "save");
      }
    g_print ("%.1f s\n\n", (g_get_monotonic_time () - start) / 1e6);
  }

  g_print ("Median of %d runs, %u clients, CPU time:\n", N_RUNS, n_clients);

  /* The first opening after an upgrade: the index is rebuilt from every
   * file (on the view's worker thread). */
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(UpskillStore) store = upskill_store_new (data_dir, catalog);
      g_autoptr(GPtrArray) summaries = NULL;

      g_unlink (index_path);
      start = cpu_time ();
      summaries = upskill_store_list (store, NULL, &error);
      bench_die_on_error (error, "list");
      times[run] = cpu_time () - start;
    }
  print_row ("list, index rebuilt from the files", median (times));

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(UpskillStore) store = upskill_store_new (data_dir, catalog);
      g_autoptr(GPtrArray) summaries = NULL;

      start = cpu_time ();
      summaries = upskill_store_list (store, NULL, &error);
      bench_die_on_error (error, "list");
      times[run] = cpu_time () - start;
    }
  print_row ("list, index.json (new session)", median (times));
  {
    GStatBuf st;

    if (g_stat (index_path, &st) == 0)
      g_print ("  (index.json: %.0f KB)\n", st.st_size / 1024.0);
  }

  /* Opening the view: list from index.json, build the model. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(UpskillStore) store = upskill_store_new (data_dir, catalog);
      g_autoptr(GPtrArray) summaries = NULL;
      g_autoptr(GListStore) clients = NULL;

      start = cpu_time ();
      summaries = upskill_store_list (store, NULL, &error);
      bench_die_on_error (error, "list");
      clients = upskill_practice_new_clients (summaries, catalog, now);
      times[run] = cpu_time () - start;
      g_assert (g_list_model_get_n_items (G_LIST_MODEL (clients)) == n_clients);
    }
  print_row ("open: list (index.json) + build the model", median (times));

  {
    g_autoptr(UpskillStore) store = upskill_store_new (data_dir, catalog);
    g_autoptr(GPtrArray) summaries = upskill_store_list (store, NULL, &error);
    g_autoptr(GListStore) clients = NULL;
    g_autoptr(GPtrArray) common = NULL;

    bench_die_on_error (error, "list");
    for (guint run = 0; run < N_RUNS; run++)
      {
        g_autoptr(GListStore) built = NULL;

        start = cpu_time ();
        built = upskill_practice_new_clients (summaries, catalog, now);
        times[run] = cpu_time () - start;
      }
    print_row ("  of which: build the model", median (times));

    clients = upskill_practice_new_clients (summaries, catalog, now);
    for (guint i = 0; i < n_clients; i++)
      {
        g_autoptr(UpskillClient) client = g_list_model_get_item (G_LIST_MODEL (clients), i);

        n_attention += upskill_client_get_attention (client) != UPSKILL_ATTENTION_NONE;
        n_behind += upskill_client_get_plan_status (client) == UPSKILL_PLAN_BEHIND;
      }

    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      {
        g_autofree char *what = g_strdup_printf ("sort by %s", columns[c].column);

        for (guint run = 0; run < N_RUNS; run++)
          {
            /* From the order of another column, as a click on a header. */
            g_list_store_sort (clients, columns[(c + 1) % G_N_ELEMENTS (columns)].compare, NULL);
            start = cpu_time ();
            g_list_store_sort (clients, columns[c].compare, NULL);
            times[run] = cpu_time () - start;
          }
        print_row (what, median (times));
      }

    for (guint area = 0; area < upskill_catalog_get_n_areas (catalog); area++)
      {
        for (guint run = 0; run < N_RUNS; run++)
          {
            g_list_store_sort (clients, upskill_client_compare_name, NULL);
            start = cpu_time ();
            g_list_store_sort (clients, upskill_client_compare_area, GUINT_TO_POINTER (area));
            times[run] = cpu_time () - start;
          }
        if (area == 0)
          print_row ("sort the heat map by an area (first)", median (times));
      }

    for (guint run = 0; run < N_RUNS; run++)
      {
        g_clear_pointer (&common, g_ptr_array_unref);
        start = cpu_time ();
        common = upskill_practice_count_gaps (G_LIST_MODEL (clients), catalog, 15);
        times[run] = cpu_time () - start;
      }
    print_row ("count the common gaps", median (times));
  }

  g_print ("\n%u of %u clients need attention, %u are behind their plan\n",
           n_attention, n_clients, n_behind);

  {
    g_autofree char *profiles = g_build_filename (base, "profiles", NULL);
    g_autoptr(GDir) dir = g_dir_open (profiles, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (profiles, name, NULL);

        g_unlink (path);
      }
    g_rmdir (profiles);
    g_unlink (index_path);
    if (g_getenv ("BENCH_KEEP") == NULL)
      g_rmdir (base);
  }

  return EXIT_SUCCESS;
}
