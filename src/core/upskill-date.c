/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upskill-date.h"

gboolean
upskill_date_time_is_sane (gint64 time)
{
  /* 1900-01-01T00:00:00Z and 2201-01-01T00:00:00Z */
  const gint64 first = G_GINT64_CONSTANT (-2208988800);
  const gint64 after_last = G_GINT64_CONSTANT (7289654400);

  G_STATIC_ASSERT (UPSKILL_DATE_MIN_YEAR == 1900 && UPSKILL_DATE_MAX_YEAR == 2200);

  return time >= first && time < after_last;
}

GDateTime *
upskill_date_time_new_from_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
}

void
upskill_date_set_from_date_time (GDate     *date,
                                 GDateTime *date_time)
{
  g_return_if_fail (date != NULL);
  g_return_if_fail (date_time != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (date_time),
                  g_date_time_get_month (date_time),
                  g_date_time_get_year (date_time));
}

char *
upskill_date_time_format_day (GDateTime *date_time)
{
  g_return_val_if_fail (date_time != NULL, NULL);

  /* TRANSLATORS: g_date_time_format(), a full day: "14 March 2027" */
  return g_date_time_format (date_time, _("%-d %B %Y"));
}

char *
upskill_date_format_day (const GDate *date)
{
  g_autoptr(GDateTime) date_time = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  date_time = upskill_date_time_new_from_date (date);

  return upskill_date_time_format_day (date_time);
}
