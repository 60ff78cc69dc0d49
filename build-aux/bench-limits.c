/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark, not a test: the window with a profile at every limit (README,
 * "Limits") against a small one. For each, opens the profile, shows each
 * page, and changes a level on each page, reporting how long the main
 * loop was busy: the handler time (the change itself, with everything
 * connected to it) and the worst stall: the longest gap between two
 * frames (the frame clock runs continuously) or between two runs of a
 * 5 ms timeout, whichever is longer (what a user feels as a freeze),
 * including the page refresh and the autosave that follow.
 *
 *   xvfb-run -a dbus-run-session -- _build/build-aux/bench-limits [ROUNDS [PAGE]]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "upskill-application.h"
#include "upskill-store.h"
#include "upskill-window-private.h"

/* For figures from a version before the limits existed. */
#ifndef UPSKILL_PROFILE_MAX_SKILLS
#define UPSKILL_PROFILE_MAX_SKILLS     500
#define UPSKILL_PROFILE_MAX_EVIDENCE   20
#define UPSKILL_PROFILE_MAX_STEPS      500
#define UPSKILL_PROFILE_MAX_NOTES      1000
#define UPSKILL_PROFILE_MAX_HISTORY    2000
#define UPSKILL_PROFILE_TEXT_MAX_CHARS 20000
#define UPSKILL_PROFILE_LINE_MAX_CHARS 1000
#endif

static const char * const pages[] = { "trends", "skills", "plan", "progress" };

/* Only this page, if set (the second argument). */
static const char *only_page;

static gint64 last_frame;
static gint64 max_gap;
/* A 5 ms timeout that notes how late it runs: the longest the main loop
 * was busy, whether or not frames were due. */
static gint64 last_wake;
static gint64 max_stall;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_frame != 0 && now - last_frame > max_gap)
    max_gap = now - last_frame;
  last_frame = now;
}

static gboolean
keep_drawing (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static gboolean
wake (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_wake != 0 && now - last_wake > max_stall)
    max_stall = now - last_wake;
  last_wake = now;

  return G_SOURCE_CONTINUE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint tick = g_timeout_add_full (G_PRIORITY_HIGH, 5, wake, NULL, NULL);

  while (g_get_monotonic_time () < end)
    {
      gint64 before = g_get_monotonic_time ();

      g_main_context_iteration (NULL, TRUE);
      /* One iteration waits at most for the 5 ms timeout; longer is work. */
      max_stall = MAX (max_stall, g_get_monotonic_time () - before);
    }
  g_source_remove (tick);
}

static void
reset_gaps (void)
{
  last_frame = 0;
  max_gap = 0;
  last_wake = g_get_monotonic_time ();
  max_stall = 0;
}

static char *
make_text (gsize       n_chars,
           gboolean    spaces)
{
  GString *text = g_string_sized_new (n_chars);

  for (gsize i = 0; i < n_chars; i++)
    g_string_append_c (text, spaces && i % 9 == 8 ? ' ' : 'a' + i % 26);

  return g_string_free (text, FALSE);
}

/* A profile at every limit that fits the file size limit together. */
static UpskillProfile *
make_profile_at_limits (UpskillCatalog *catalog)
{
  UpskillProfile *profile = upskill_profile_new ("at-limits", "Profile at every limit");
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  g_autofree char *note = make_text (1000, TRUE);
  g_autofree char *long_note = make_text (UPSKILL_PROFILE_TEXT_MAX_CHARS, FALSE);
  g_autofree char *long_title = make_text (UPSKILL_PROFILE_LINE_MAX_CHARS, FALSE);
  gint64 start = 1577836800; /* 2020-01-01 */
  guint n_skills = upskill_catalog_get_n_skills (catalog);

  upskill_profile_set_target_role (profile, "ml-engineer");

  /* Evidence fills every catalog skill; other skill ids fill the rest. */
  for (guint i = 0; i < UPSKILL_PROFILE_MAX_SKILLS; i++)
    {
      g_autofree char *other = g_strdup_printf ("retired-skill-%u", i);
      const char *id = i < n_skills ? upskill_catalog_get_skill (catalog, i)->id : other;

      if (i < n_skills)
        for (guint j = 0; j < UPSKILL_PROFILE_MAX_EVIDENCE; j++)
          upskill_profile_add_evidence (profile, id, "A project that shows the skill at work",
                                        "https://example.org/portfolio/project");
      else
        upskill_profile_set_target_override (profile, id, 3);
    }

  for (guint i = 0; i < UPSKILL_PROFILE_MAX_HISTORY; i++)
    {
      const char *id = upskill_catalog_get_skill (catalog, i % n_skills)->id;

      upskill_profile_set_level (profile, id, (i / n_skills) % 5 + 1,
                                 i % 3 == 0 ? "Weekly review" : NULL, start + i * 3600);
    }

  for (guint i = 0; i < UPSKILL_PROFILE_MAX_STEPS; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i + 1);
      g_autofree char *title = g_strdup_printf ("Custom step %u", i + 1);
      const char *skill = upskill_catalog_get_skill (catalog, i % n_skills)->id;

      g_ptr_array_add (plan, upskill_plan_step_new_custom (id, i == 0 ? long_title : title,
                                                           10, skill, 1, 2));
    }
  upskill_profile_set_plan (profile, g_steal_pointer (&plan));

  for (guint i = 0; i < UPSKILL_PROFILE_MAX_NOTES; i++)
    upskill_profile_add_note (profile, start + i * 86400, i == 0 ? long_note : note);

  return profile;
}

typedef struct
{
  const char *label;
  double      open_ms;
  double      open_gap_ms;
  double      page_gap_ms[G_N_ELEMENTS (pages)];
  double      change_ms[G_N_ELEMENTS (pages)];
  double      change_gap_ms[G_N_ELEMENTS (pages)];
  double      note_ms;
  double      note_gap_ms;
} Figures;

static void
measure (UpskillWindow *window,
         const char    *id,
         Figures       *figures,
         guint          rounds)
{
  UpskillProfile *profile;
  gint64 start;

  upskill_window_show_page (window, "trends");
  run_for (300);

  reset_gaps ();
  start = g_get_monotonic_time ();
  upskill_window_select (window, id);
  while (upskill_window_is_loading (window) || upskill_window_get_profile (window) == NULL ||
         !g_str_equal (upskill_profile_get_id (upskill_window_get_profile (window)), id))
    run_for (1);
  figures->open_ms = (g_get_monotonic_time () - start) / 1000.0;
  run_for (500);
  figures->open_gap_ms = MAX (max_gap, max_stall) / 1000.0;

  profile = upskill_window_get_profile (window);

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      double worst_change = 0, worst_gap = 0;

      if (only_page != NULL && !g_str_equal (only_page, pages[p]))
        continue;

      reset_gaps ();
      upskill_window_show_page (window, pages[p]);
      /* Long enough for the page's first layout, which may come a few
       * frames after it is shown: it is the showing's cost, not the
       * level change's. */
      run_for (3000);
      figures->page_gap_ms[p] = MAX (max_gap, max_stall) / 1000.0;

      for (guint r = 0; r < rounds; r++)
        {
          guint level = upskill_profile_get_level (profile, "python-core");
          double change;

          reset_gaps ();
          start = g_get_monotonic_time ();
          upskill_profile_set_level (profile, "python-core", (level + 1) % 6, NULL, 0);
          change = (g_get_monotonic_time () - start) / 1000.0;
          /* Past the autosave delay: the save is part of the cost. */
          run_for (1000);
          worst_change = MAX (worst_change, change);
          worst_gap = MAX (worst_gap, MAX (max_gap, max_stall) / 1000.0);
        }

      figures->change_ms[p] = worst_change;
      figures->change_gap_ms[p] = worst_gap;
    }

  /* A session note added on the Progress page (shown last). */
  {
    double worst_note = 0, worst_gap = 0;

    for (guint r = 0; r < rounds; r++)
      {
        GPtrArray *notes = upskill_profile_get_notes (profile);
        double note;

        /* At the limit, make room first (not timed): a note added stays. */
        if (notes->len >= UPSKILL_PROFILE_MAX_NOTES)
          {
            g_autofree char *note_id = g_strdup (((UpskillNote *) g_ptr_array_index (notes, 1))->id);

            upskill_profile_remove_note (profile, note_id);
            run_for (1000);
          }

        reset_gaps ();
        start = g_get_monotonic_time ();
        upskill_profile_add_note (profile, g_get_real_time () / G_USEC_PER_SEC,
                                  "Talked about the next module.");
        note = (g_get_monotonic_time () - start) / 1000.0;
        run_for (1000);
        worst_note = MAX (worst_note, note);
        worst_gap = MAX (worst_gap, MAX (max_gap, max_stall) / 1000.0);
      }
    figures->note_ms = worst_note;
    figures->note_gap_ms = worst_gap;
  }
}

static void
print_figures (const Figures *figures,
               guint          n)
{
  printf ("%-34s", "");
  for (guint i = 0; i < n; i++)
    printf (" %18s", figures[i].label);
  printf ("\n%-34s", "open profile (ms / worst stall)");
  for (guint i = 0; i < n; i++)
    printf (" %8.0f / %7.0f", figures[i].open_ms, figures[i].open_gap_ms);
  printf ("\n");
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *label = g_strdup_printf ("show %s (worst stall, ms)", pages[p]);

      printf ("%-34s", label);
      for (guint i = 0; i < n; i++)
        printf (" %18.0f", figures[i].page_gap_ms[p]);
      printf ("\n");
    }
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *label = g_strdup_printf ("level change on %s (ms / stall)", pages[p]);

      printf ("%-34s", label);
      for (guint i = 0; i < n; i++)
        printf (" %8.1f / %7.0f", figures[i].change_ms[p], figures[i].change_gap_ms[p]);
      printf ("\n");
    }
  printf ("%-34s", "add a note on progress (ms / stall)");
  for (guint i = 0; i < n; i++)
    printf (" %8.1f / %7.0f", figures[i].note_ms, figures[i].note_gap_ms);
  printf ("\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp ("upskill-bench-limits-XXXXXX", &error);
  g_autoptr(GFile) data_dir = NULL;
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(UpskillProfile) at_limits = NULL;
  g_autoptr(UpskillApplication) application = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) rated = NULL;
  UpskillCatalog *catalog;
  UpskillWindow *window;
  Figures figures[2] = { { "dana-okafor" }, { "at-limits" } };
  guint rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 3;
  gint64 start;

  only_page = argc > 2 ? argv[2] : NULL;
  g_assert_no_error (error);
  g_setenv ("UPSKILL_DATA_DIR", base, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  catalog = upskill_catalog_get_default ();
  data_dir = g_file_new_for_path (base);
  store = upskill_store_new (data_dir, catalog);
  g_assert_true (upskill_store_add_samples (store, NULL, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  at_limits = make_profile_at_limits (catalog);
  bytes = upskill_profile_to_bytes (at_limits);
  rated = upskill_profile_dup_rated_skills (at_limits);
  printf ("profile at every limit: %u skills, %u history entries, %u steps, %u notes, %.2f MB, built in %.0f ms\n",
          g_strv_length (rated),
          upskill_profile_get_history (at_limits)->len,
          upskill_profile_get_plan (at_limits)->len,
          upskill_profile_get_notes (at_limits)->len,
          g_bytes_get_size (bytes) / 1e6,
          (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (upskill_store_save (store, at_limits, NULL, &error));
  g_assert_no_error (error);

  application = g_object_new (UPSKILL_TYPE_APPLICATION,
                              "application-id", "com.example.Upskill.BenchLimits",
                              "flags", G_APPLICATION_NON_UNIQUE,
                              "resource-base-path", "/com/example/Upskill",
                              NULL);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  window = upskill_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (upskill_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), keep_drawing, NULL, NULL);
  run_for (500);

  measure (window, "dana-okafor", &figures[0], rounds);
  measure (window, "at-limits", &figures[1], rounds);

  print_figures (figures, G_N_ELEMENTS (figures));

  gtk_window_destroy (GTK_WINDOW (window));
  run_for (2000);
  g_clear_object (&application);
  g_clear_object (&store);

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", base);

    if (system (command) != 0)
      fprintf (stderr, "Could not remove %s\n", base);
  }

  return 0;
}
