/* test-preferences.c: the Preferences window shows and changes the settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "upskill-preferences-window.h"
#include "upskill-test-ui.h"
#include "upskill-test-utils.h"

static AdwComboRow *
combo_row (UpskillPreferencesWindow *window,
           const char               *name)
{
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (window), UPSKILL_TYPE_PREFERENCES_WINDOW, name);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  return ADW_COMBO_ROW (row);
}

/* Each choice of a combo row stands for one value of its setting, both
 * ways: the row shows the setting, and choosing an item sets it. */
static void
check_combo_row (UpskillPreferencesWindow *window,
                 GSettings                *settings,
                 const char               *row_name,
                 const char               *key,
                 const char * const       *values)
{
  AdwComboRow *row = combo_row (window, row_name);

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_settings_set_string (settings, key, values[i]);
      upskill_test_iterate ();
      g_assert_cmpuint (adw_combo_row_get_selected (row), ==, i);
    }

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *value = NULL;

      adw_combo_row_set_selected (row, i);
      upskill_test_iterate ();
      value = g_settings_get_string (settings, key);
      g_assert_cmpstr (value, ==, values[i]);
    }

  g_settings_reset (settings, key);
}

static void
test_combo_rows (void)
{
  static const char * const paper_sizes[] = { "auto", "a4", "letter", NULL };
  static const char * const trend_weights[] = { "none", "some", "strong", NULL };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  UpskillPreferencesWindow *window = upskill_preferences_window_new (NULL, settings);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* As the window opens: the defaults. */
  g_assert_cmpuint (adw_combo_row_get_selected (combo_row (window, "paper_size_row")), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (combo_row (window, "trend_weight_row")), ==, 1);

  check_combo_row (window, settings, "paper_size_row", "paper-size", paper_sizes);
  check_combo_row (window, settings, "trend_weight_row", "trend-weight", trend_weights);

  gtk_window_destroy (GTK_WINDOW (window));
  upskill_test_iterate ();
  g_assert_null (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/upskill/preferences/combo-rows", test_combo_rows);

  return g_test_run ();
}
