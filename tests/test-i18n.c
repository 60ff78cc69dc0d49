/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "upskill-catalog.h"
#include "upskill-level.h"
#include "upskill-profile.h"
#include "upskill-trends.h"

/* The German translation built in this tree is used for the names a user
 * sees first: the levels, the kinds of claims and modules, step statuses. */
static void
test_german (void)
{
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (build-aux/install-deps builds it)");
      return;
    }

  g_assert_cmpstr (upskill_level_get_name (UPSKILL_LEVEL_NOVICE), ==, "Neuling");
  g_assert_cmpstr (upskill_level_get_name (UPSKILL_LEVEL_EXPERT), ==, "Experte");
  g_assert_cmpstr (upskill_claim_kind_get_label (UPSKILL_CLAIM_PREDICTION), ==, "Prognose");
  g_assert_cmpstr (upskill_claim_kind_get_label (UPSKILL_CLAIM_OPINION), ==, "Meinung");
  g_assert_cmpstr (upskill_module_kind_get_label (UPSKILL_MODULE_BOOK), ==, "Buch");
  g_assert_cmpstr (upskill_step_status_get_label (UPSKILL_STEP_DONE), ==, "Erledigt");

  setlocale (LC_ALL, "C.UTF-8");
  g_assert_cmpstr (upskill_level_get_name (UPSKILL_LEVEL_NOVICE), ==, "Novice");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UPSKILL_LOCALE_DIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/upskill/i18n/german", test_german);

  return g_test_run ();
}
