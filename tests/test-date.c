/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Days typed and shown in a date field, in the user's locale. */
#include "config.h"

#include <locale.h>

#include "upskill-date.h"

static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_TIME, name) == NULL)
    {
      g_test_skip_printf ("The %s locale is not installed", name);
      return FALSE;
    }

  return TRUE;
}

static void
check_day (const char *text,
           guint       day,
           guint       month,
           guint       year)
{
  GDate date;

  g_test_message ("%s", text);
  g_assert_true (upskill_date_parse_numeric (text, &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, day);
  g_assert_cmpuint (g_date_get_month (&date), ==, month);
  g_assert_cmpuint (g_date_get_year (&date), ==, year);
}

static void
check_refused (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_test_message ("%s", text);
  g_assert_false (upskill_date_parse_numeric (text, &date));
}

static void
test_german (void)
{
  g_autofree char *shown = NULL;
  g_autofree char *hint = NULL;
  GDate date;

  if (!use_locale ("de_DE.UTF-8"))
    return;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 16, G_DATE_DECEMBER, 2026);
  shown = upskill_date_format_numeric (&date);
  g_assert_cmpstr (shown, ==, "16.12.2026");
  hint = upskill_date_numeric_hint ();
  g_assert_cmpstr (hint, ==, "DD.MM.YYYY");

  check_day ("16.12.2026", 16, 12, 2026);
  check_day ("1.2.2027", 1, 2, 2027);
  check_day (" 16.12.2026 ", 16, 12, 2026);
  /* Year-month-day is understood everywhere. */
  check_day ("2026-12-16", 16, 12, 2026);

  check_refused ("31.02.2026");
  check_refused ("16.12.26");
  check_refused ("16/12/2026");
  check_refused ("16.12.2026x");
  check_refused ("");

  setlocale (LC_TIME, "C.UTF-8");
}

static void
test_us (void)
{
  g_autofree char *shown = NULL;
  GDate date;

  if (!use_locale ("en_US.UTF-8"))
    return;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 16, G_DATE_DECEMBER, 2026);
  shown = upskill_date_format_numeric (&date);
  g_assert_cmpstr (shown, ==, "12/16/2026");
  check_day ("12/16/2026", 16, 12, 2026);
  check_refused ("16/12/2026");

  setlocale (LC_TIME, "C.UTF-8");
}

static void
test_c (void)
{
  g_autofree char *shown = NULL;
  g_autofree char *hint = NULL;
  GDate date;

  /* The C locale writes a two-digit year: year-month-day instead. */
  g_assert_nonnull (setlocale (LC_TIME, "C.UTF-8"));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 16, G_DATE_DECEMBER, 2026);
  shown = upskill_date_format_numeric (&date);
  g_assert_cmpstr (shown, ==, "2026-12-16");
  hint = upskill_date_numeric_hint ();
  g_assert_cmpstr (hint, ==, "YYYY-MM-DD");
  check_day ("2026-12-16", 16, 12, 2026);
  check_refused ("2026-02-30");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upskill/date/german", test_german);
  g_test_add_func ("/upskill/date/us", test_us);
  g_test_add_func ("/upskill/date/c", test_c);

  return g_test_run ();
}
