/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "upskill-catalog.h"
#include "upskill-format.h"
#include "upskill-level.h"
#include "upskill-profile.h"
#include "upskill-test-utils.h"
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

static UpskillCatalog *
load_catalog (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/com/example/Upskill/data/catalog.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  UpskillCatalog *catalog = upskill_catalog_new_from_bytes (bytes, "catalog.json", &error);

  g_assert_no_error (error);
  return catalog;
}

/* The bundled data is read in the reader's language: names, descriptions
 * and the claims' summaries; ids, module titles and the article's own words
 * stay as written. */
static void
test_german_data (void)
{
  g_autoptr(UpskillCatalog) catalog = NULL;
  g_autoptr(UpskillTrends) trends = NULL;
  UpskillClaim *claim;
  UpskillSection *section;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (build-aux/install-deps builds it)");
      return;
    }

  catalog = load_catalog ();
  trends = upskill_trends_new_bundled (catalog);

  g_assert_cmpstr (upskill_catalog_find_area (catalog, "ai-security")->name, ==, "KI-Sicherheit");
  g_assert_cmpstr (upskill_catalog_find_skill (catalog, "python-core")->name, ==, "Sprachkern");
  g_assert_true (g_str_has_prefix (upskill_catalog_find_skill (catalog, "python-core")->description,
                                   "Schreibt idiomatisches Python"));
  g_assert_cmpstr (upskill_catalog_find_role (catalog, "data-engineer")->name, ==, "Dateningenieur");
  g_assert_cmpstr (upskill_catalog_find_module (catalog, "python-tutorial")->title, ==, "The Python Tutorial");

  claim = upskill_trends_find_claim (trends, "amazon-14000-corporate-jobs");
  g_assert_cmpstr (claim->text, ==, "Der Artikel berichtet, dass Amazon 14.000 Bürojobs streicht.");
  g_assert_true (g_str_has_prefix (claim->quote, "Amazon, the seemingly unstoppable behemoth"));
  g_assert_cmpstr (claim->figure->unit, ==, "gestrichene Bürojobs");
  g_assert_true (g_str_has_prefix (upskill_catalog_find_area (catalog, "python")->summary, "Die Sprache"));
  g_assert_true (g_str_has_prefix (upskill_catalog_find_role (catalog, "data-engineer")->description,
                                   "Baut und betreibt"));
  claim = upskill_trends_find_claim (trends, "layoffs-meta");
  g_assert_nonnull (claim);
  g_assert_cmpstr (claim->figure->qualifier, ==, "in mehreren Runden");
  g_assert_cmpstr (claim->figure->period, ==, "2022–2024");
  g_assert_cmpstr (claim->figure->reason, ==, "„Jahr der Effizienz“, Hinwendung zu Metaverse und KI");
  g_assert_cmpstr (claim->figure->subject, ==, "Meta (Facebook)");
  section = upskill_trends_get_section (trends, 0);
  g_assert_cmpstr (section->title, ==, "Einleitung");
  g_assert_cmpstr (upskill_trends_get_source_title (trends), ==,
                   "Amazon’s Shocking Pivot: Why 14,000 Layoffs Are Fueling an AI Revolution");

  setlocale (LC_ALL, "C.UTF-8");
}

/* A catalog read in the C locale stays English, text by text. */
static void
test_untranslated_data (void)
{
  g_autoptr(UpskillCatalog) catalog = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  catalog = load_catalog ();

  g_assert_cmpstr (upskill_catalog_find_area (catalog, "ai-security")->name, ==, "AI security");
  g_assert_cmpstr (upskill_catalog_find_role (catalog, "data-engineer")->name, ==, "Data Engineer");
  /* "" is no message: its lookup would return the translation's header. */
  g_assert_cmpstr (upskill_catalog_translate ("figure qualifier", ""), ==, "");
}

static void
assert_figure (const UpskillFigure *figure,
               const char          *expected)
{
  g_autofree char *display = upskill_format_figure_value (figure);

  g_assert_cmpstr (display, ==, expected);
}

/* Figures keep their qualifiers ("~", "+") and are written as the reader's
 * locale writes numbers; one the program cannot rebuild stays as written. */
static void
test_numbers (void)
{
  UpskillFigure figure = { .display = (char *) "~12,000+", .value = 12000,
                           .approximate = TRUE, .at_least = TRUE };
  UpskillFigure exact = { .display = (char *) "14,000", .value = 14000 };
  UpskillFigure worded = { .display = (char *) "$1.2 billion", .value = 1200000000 };
  g_autofree char *english = NULL;
  g_autofree char *negative = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  english = upskill_format_number (1234567);
  g_assert_cmpstr (english, ==, "1,234,567");
  negative = upskill_format_number (-1000);
  g_assert_cmpstr (negative, ==, "-1,000");
  assert_figure (&figure, "~12,000+");
  assert_figure (&exact, "14,000");
  assert_figure (&worded, "$1.2 billion");

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (build-aux/install-deps builds it)");
      return;
    }
  {
    g_autofree char *german = upskill_format_number (1234567);
    g_autofree char *small = upskill_format_number (999);

    g_assert_cmpstr (german, ==, "1.234.567");
    g_assert_cmpstr (small, ==, "999");
  }
  assert_figure (&figure, "~12.000+");
  assert_figure (&exact, "14.000");
  assert_figure (&worded, "$1.2 billion");

  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  upskill_test_init_translated (&argc, &argv);

  g_test_add_func ("/upskill/i18n/german", test_german);
  g_test_add_func ("/upskill/i18n/german-data", test_german_data);
  g_test_add_func ("/upskill/i18n/untranslated-data", test_untranslated_data);
  g_test_add_func ("/upskill/i18n/numbers", test_numbers);

  return g_test_run ();
}
