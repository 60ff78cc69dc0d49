/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-test-window.h"

static guint application_counter;

char *
upskill_test_window_profile_path (UpskillTestWindow *fixture,
                                  const char        *id)
{
  return upskill_test_profile_path (fixture->profiles_dir, id);
}

UpskillProfile *
upskill_test_window_read_profile (UpskillTestWindow *fixture,
                                  const char        *id)
{
  g_autofree char *path = upskill_test_window_profile_path (fixture, id);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  UpskillProfile *profile;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  profile = upskill_profile_new_from_bytes (bytes, path, &error);
  g_assert_no_error (error);

  return profile;
}

static void
copy_samples (UpskillTestWindow *fixture)
{
  const char *samples[] = { "dana-okafor", "li-wei", "maria-gonzalez" };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *resource = g_strdup_printf (UPSKILL_TEST_SAMPLES_PATH "%s.json", samples[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autofree char *path = upskill_test_window_profile_path (fixture, samples[i]);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (bytes);
      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
    }
}

guint
upskill_test_window_n_visible (UpskillTestWindow *fixture)
{
  return g_list_model_get_n_items (upskill_window_get_visible_profiles (fixture->window));
}

gboolean
upskill_test_window_is_ready (UpskillWindow *window)
{
  return !upskill_window_is_loading (window);
}

gboolean
upskill_test_window_is_showing (UpskillWindow *window,
                                const char    *id)
{
  UpskillProfile *profile = upskill_window_get_profile (window);

  return upskill_test_window_is_ready (window) &&
         profile != NULL &&
         g_strcmp0 (upskill_profile_get_id (profile), id) == 0;
}

void
upskill_test_window_fixture_set_up (UpskillTestWindow *fixture,
                                    gconstpointer      with_samples)
{
  upskill_test_window_set_up (fixture, "upskill-window-XXXXXX", GPOINTER_TO_INT (with_samples));
  fixture->window = upskill_test_window_open (fixture);
}

void
upskill_test_window_fixture_tear_down (UpskillTestWindow *fixture,
                                       gconstpointer      data)
{
  upskill_test_window_tear_down (fixture);
}

const char *
upskill_test_window_screenshot_dir (UpskillTestWindow *fixture,
                                    int               *width,
                                    int               *height)
{
  const char *dir = g_getenv ("UPSKILL_SCREENSHOT_DIR");

  *width = dir != NULL ? 1200 : 960;
  *height = dir != NULL ? 800 : 640;
  return dir != NULL ? dir : fixture->data_dir;
}

void
upskill_test_window_save_screenshot (UpskillTestWindow *fixture,
                                     const char        *dir,
                                     const char        *name,
                                     int                width,
                                     int                height)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  upskill_test_fit_window (GTK_WINDOW (fixture->window), width, height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->window)), ==, height);
  upskill_test_save_screenshot (GTK_WIDGET (fixture->window), path);
}

void
upskill_test_window_select (UpskillWindow *window,
                            const char    *id)
{
  upskill_window_select (window, id);
  UPSKILL_TEST_WAIT_UNTIL (upskill_test_window_is_showing (window, id));
}

UpskillWindow *
upskill_test_window_open (UpskillTestWindow *fixture)
{
  UpskillWindow *window = upskill_window_new (fixture->application);

  gtk_window_present (GTK_WINDOW (window));
  UPSKILL_TEST_WAIT_UNTIL (upskill_test_window_is_ready (window));

  return window;
}

static void
on_destroy (GtkWidget *widget,
            gboolean  *destroyed)
{
  *destroyed = TRUE;
}

void
upskill_test_window_close (UpskillTestWindow *fixture)
{
  UpskillWindow *window = g_steal_pointer (&fixture->window);
  gboolean destroyed = FALSE;

  if (window == NULL)
    return;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &destroyed);
  gtk_window_close (GTK_WINDOW (window));
  UPSKILL_TEST_WAIT_UNTIL (destroyed);
  UPSKILL_TEST_WAIT_UNTIL (window == NULL);
}

void
upskill_test_window_reopen (UpskillTestWindow *fixture,
                            int                width,
                            int                height,
                            gboolean           dark)
{
  upskill_test_window_close (fixture);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->window = upskill_window_new (fixture->application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  UPSKILL_TEST_WAIT_UNTIL (upskill_test_window_is_ready (fixture->window) &&
                           upskill_window_get_profile (fixture->window) != NULL);
}

void
upskill_test_window_set_up (UpskillTestWindow *fixture,
                            const char        *tmpl,
                            gboolean           with_samples)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *application_id = NULL;

  fixture->data_dir = upskill_test_make_tmp_dir (tmpl);
  fixture->profiles_dir = g_build_filename (fixture->data_dir, "profiles", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->profiles_dir, 0700), ==, 0);
  g_setenv ("UPSKILL_DATA_DIR", fixture->data_dir, TRUE);

  /* GSETTINGS_BACKEND=memory: one store for the whole run. */
  g_settings_reset (settings, "last-profile");
  g_settings_reset (settings, "last-page");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");

  if (with_samples)
    copy_samples (fixture);

  /* A fresh application per test, its store reading this test's folder
   * (each its own id: a registered one stays on the bus). */
  application_id = g_strdup_printf ("com.example.Upskill.Test%u", ++application_counter);
  fixture->application = upskill_test_application_new (application_id);
}

void
upskill_test_window_tear_down (UpskillTestWindow *fixture)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *other;

  upskill_test_window_close (fixture);

  while ((other = upskill_test_find_window (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (other);

  /* GtkApplication keeps itself alive once registered, until it runs
   * and shuts down; the window above is checked to be finalized. */
  g_clear_object (&fixture->application);

  upskill_test_remove_tree (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_clear_pointer (&fixture->data_dir, g_free);
  g_clear_pointer (&fixture->profiles_dir, g_free);
}
