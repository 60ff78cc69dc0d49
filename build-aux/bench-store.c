/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench-common.h"
#include "upskill-catalog.h"
#include "upskill-store.h"

/* How the profile store scales: a coach with a thousand clients, each with
 * two years of weekly progress. Usage: bench-store [N_PROFILES] */

#define N_RUNS        5
#define WEEKS         104
#define SKILLS_EACH   15
#define SECONDS_WEEK  (7 * 86400)

typedef gint64 (*Measure) (gpointer data);

/* Median of N_RUNS, in microseconds. */
static gint64
median_of_runs (Measure  measure,
                gpointer data)
{
  gint64 times[N_RUNS];

  for (guint i = 0; i < N_RUNS; i++)
    times[i] = measure (data);

  qsort (times, N_RUNS, sizeof (gint64), bench_compare_int64);

  return times[N_RUNS / 2];
}

static UpskillProfile *
make_profile (UpskillCatalog *catalog,
              guint           number,
              gint64          start)
{
  g_autofree char *id = g_strdup_printf ("client-%04u", number);
  g_autofree char *name = g_strdup_printf ("Client Number %u", number);
  UpskillProfile *profile = upskill_profile_new (id, name);
  guint n_skills = upskill_catalog_get_n_skills (catalog);
  guint n_modules = upskill_catalog_get_n_modules (catalog);
  guint n_roles = upskill_catalog_get_n_roles (catalog);
  g_autoptr(GPtrArray) plan = NULL;
  GRand *rand = g_rand_new_with_seed (number);

  upskill_profile_set_kind (profile, UPSKILL_PROFILE_CLIENT);
  upskill_profile_set_current_role (profile, "Backend developer moving into AI work");
  upskill_profile_set_target_role (profile,
                                   upskill_catalog_get_role (catalog, number % n_roles)->id);
  upskill_profile_set_weekly_hours (profile, 4 + number % 10);

  /* One or two level changes every week for two years. */
  for (guint week = 0; week < WEEKS; week++)
    {
      guint changes = 1 + g_rand_int_range (rand, 0, 2);

      for (guint c = 0; c < changes; c++)
        {
          UpskillSkill *skill = upskill_catalog_get_skill (catalog,
                                                           (number + g_rand_int_range (rand, 0, SKILLS_EACH)) % n_skills);
          guint level = upskill_profile_get_level (profile, skill->id);
          guint next = level < 5 && g_rand_boolean (rand) ? level + 1 : (level > 0 ? level - 1 : 1);

          upskill_profile_set_level (profile, skill->id, next, "Weekly review",
                                     start + week * SECONDS_WEEK + c * 3600);
        }
    }

  for (guint i = 0; i < 5; i++)
    upskill_profile_add_evidence (profile,
                                  upskill_catalog_get_skill (catalog, (number + i) % n_skills)->id,
                                  "Project in the portfolio, with a write-up of what was learned",
                                  "https://example.org/portfolio/project");

  plan = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *step_id = g_strdup_printf ("step-%u", i + 1);
      UpskillPlanStep *step;

      step = upskill_plan_step_new_module (step_id,
                                           upskill_catalog_get_module (catalog, (number + i * 3) % n_modules)->id);
      step->status = i < 3 ? UPSKILL_STEP_DONE : UPSKILL_STEP_PLANNED;
      g_ptr_array_add (plan, step);
    }
  upskill_profile_set_plan (profile, g_steal_pointer (&plan));

  for (guint i = 0; i < 24; i++)
    upskill_profile_add_note (profile, start + i * 4 * SECONDS_WEEK,
                              "Session: reviewed progress, adjusted the plan and agreed on next steps.");

  g_rand_free (rand);

  return profile;
}

typedef struct
{
  GFile          *data_dir;
  char           *index_path;
  UpskillCatalog *catalog;
  UpskillStore   *store;      /* kept between runs: in-memory index */
  UpskillProfile *profile;
  char           *load_id;    /* one profile from the middle */
  guint           n_profiles;
} Bench;

static void
check_list (Bench     *bench,
            GPtrArray *summaries)
{
  if (summaries->len != bench->n_profiles)
    {
      g_printerr ("Listed %u profiles, expected %u\n", summaries->len, bench->n_profiles);
      exit (EXIT_FAILURE);
    }
}

static gint64
measure_list_cold (gpointer data)
{
  Bench *bench = data;
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_unlink (bench->index_path);
  store = upskill_store_new (bench->data_dir, bench->catalog);

  start = g_get_monotonic_time ();
  summaries = upskill_store_list (store, NULL, &error);
  start = g_get_monotonic_time () - start;

  bench_die_on_error (error, "list");
  check_list (bench, summaries);

  return start;
}

/* The same, in CPU time over all threads: what it costs on a machine
 * whose cores are busy with other work. */
static gint64
measure_list_cold_cpu (gpointer data)
{
  Bench *bench = data;
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage before, after;

  g_unlink (bench->index_path);
  store = upskill_store_new (bench->data_dir, bench->catalog);

  getrusage (RUSAGE_SELF, &before);
  summaries = upskill_store_list (store, NULL, &error);
  getrusage (RUSAGE_SELF, &after);

  bench_die_on_error (error, "list");
  check_list (bench, summaries);

  return ((after.ru_utime.tv_sec - before.ru_utime.tv_sec) * G_USEC_PER_SEC +
          (after.ru_utime.tv_usec - before.ru_utime.tv_usec) +
          (after.ru_stime.tv_sec - before.ru_stime.tv_sec) * G_USEC_PER_SEC +
          (after.ru_stime.tv_usec - before.ru_stime.tv_usec));
}

/* A new session: the index comes from index.json. */
static gint64
measure_list_warm_from_disk (gpointer data)
{
  Bench *bench = data;
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  store = upskill_store_new (bench->data_dir, bench->catalog);
  summaries = upskill_store_list (store, NULL, &error);
  start = g_get_monotonic_time () - start;

  bench_die_on_error (error, "list");
  check_list (bench, summaries);

  return start;
}

/* Listing again in the same session (e.g. after a save). */
static gint64
measure_list_warm_in_memory (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  summaries = upskill_store_list (bench->store, NULL, &error);
  start = g_get_monotonic_time () - start;

  bench_die_on_error (error, "list");
  check_list (bench, summaries);

  return start;
}

static gint64
measure_load (gpointer data)
{
  Bench *bench = data;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  profile = upskill_store_load (bench->store, bench->load_id, NULL, &error);
  start = g_get_monotonic_time () - start;

  bench_die_on_error (error, "load");
  g_set_object (&bench->profile, profile);

  return start;
}

static gint64
measure_save (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  gint64 start;

  upskill_profile_set_level (bench->profile, "python-core",
                             (upskill_profile_get_level (bench->profile, "python-core") + 1) % 6,
                             "Benchmark", 0);

  start = g_get_monotonic_time ();
  upskill_store_save (bench->store, bench->profile, NULL, &error);
  start = g_get_monotonic_time () - start;

  bench_die_on_error (error, "save");

  return start;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

static void
print_row (const char *what,
           gint64      usec)
{
  g_print ("  %-44s %9.2f ms\n", what, usec / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  Bench bench = { 0, };
  gint64 start, generate_time;
  guint64 total_bytes = 0;

  bench.n_profiles = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  if (bench.n_profiles < 1 || bench.n_profiles > 9999)
    {
      g_printerr ("Usage: %s [N_PROFILES (1-9999)]\n", argv[0]);
      return EXIT_FAILURE;
    }

  base = g_dir_make_tmp ("upskill-bench-XXXXXX", &error);
  bench_die_on_error (error, "temporary folder");
  bench.data_dir = g_file_new_for_path (base);
  bench.load_id = g_strdup_printf ("client-%04u", bench.n_profiles / 2);
  bench.catalog = upskill_catalog_get_default ();
  bench.store = upskill_store_new (bench.data_dir, bench.catalog);
  bench.index_path = g_strdup (upskill_store_get_index_path (bench.store));

  g_print ("Generating %u profiles (%u weeks of history, %u skills each) in %s\n",
           bench.n_profiles, WEEKS, SKILLS_EACH, base);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < bench.n_profiles; i++)
    {
      g_autoptr(UpskillProfile) profile = make_profile (bench.catalog, i, 1700000000);

      upskill_store_save (bench.store, profile, NULL, &error);
      bench_die_on_error (error, "save");
    }
  generate_time = g_get_monotonic_time () - start;
  g_clear_object (&bench.store);

  {
    g_autofree char *profiles = g_build_filename (base, "profiles", NULL);
    g_autoptr(GDir) dir = g_dir_open (profiles, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (profiles, name, NULL);
        GStatBuf st;

        if (g_stat (path, &st) == 0)
          total_bytes += st.st_size;
      }
  }

  g_print ("%.1f MB written in %.1f s (%.1f ms per save); one profile is about %" G_GUINT64_FORMAT " KB\n\n",
           total_bytes / 1e6, generate_time / 1e6, generate_time / 1000.0 / bench.n_profiles,
           total_bytes / bench.n_profiles / 1024);

  g_print ("Median of %d runs, %u profiles:\n", N_RUNS, bench.n_profiles);
  print_row ("list, cold index (no index.json)", median_of_runs (measure_list_cold, &bench));
  print_row ("  the same, CPU time of all threads", median_of_runs (measure_list_cold_cpu, &bench));
  print_row ("list, warm index (new session, index.json)", median_of_runs (measure_list_warm_from_disk, &bench));

  bench.store = upskill_store_new (bench.data_dir, bench.catalog);
  g_ptr_array_unref (upskill_store_list (bench.store, NULL, NULL));
  print_row ("list, warm index (same session, in memory)", median_of_runs (measure_list_warm_in_memory, &bench));
  print_row ("load one profile", median_of_runs (measure_load, &bench));
  print_row ("save one profile (with fsync)", median_of_runs (measure_save, &bench));

  g_clear_object (&bench.profile);
  g_clear_object (&bench.store);
  g_clear_object (&bench.data_dir);
  g_unlink (bench.index_path);
  g_free (bench.index_path);
  g_free (bench.load_id);
  remove_tree (base);

  return EXIT_SUCCESS;
}
