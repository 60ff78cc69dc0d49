/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <string.h>

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

/* The locale's numeric date format if it is made of day, month and a
 * four-digit year; else ISO 8601. */
static const char *
numeric_format (void)
{
  const char *format = nl_langinfo (D_FMT);

  if (format == NULL ||
      strstr (format, "%Y") == NULL ||
      (strstr (format, "%d") == NULL && strstr (format, "%e") == NULL) ||
      strstr (format, "%m") == NULL ||
      strlen (format) > 16)
    return "%Y-%m-%d";

  for (const char *p = format; *p != '\0'; p++)
    if (*p == '%' && (p[1] != 'd' && p[1] != 'e' && p[1] != 'm' && p[1] != 'Y'))
      return "%Y-%m-%d";
    else if (*p == '%')
      p++;

  return format;
}

char *
upskill_date_format_numeric (const GDate *date)
{
  g_autoptr(GDateTime) date_time = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  date_time = upskill_date_time_new_from_date (date);

  return g_date_time_format (date_time, numeric_format ());
}

/* Reads @text against @format (%d, %e, %m, %Y and literal characters). */
static gboolean
parse_with_format (const char *text,
                   const char *format,
                   GDate      *date)
{
  guint day = 0, month = 0, year = 0;
  const char *t = text;

  for (const char *f = format; *f != '\0'; f++)
    {
      guint *field = NULL;
      guint max_digits = 2, n_digits = 0, value = 0;

      if (*f != '%')
        {
          if (*t != *f)
            return FALSE;
          t++;
          continue;
        }

      f++;
      switch (*f)
        {
        case 'd':
        case 'e':
          field = &day;
          break;
        case 'm':
          field = &month;
          break;
        case 'Y':
          field = &year;
          max_digits = 4;
          break;
        default:
          return FALSE;
        }

      while (*t == ' ' && *f == 'e')
        t++;
      while (g_ascii_isdigit (*t) && n_digits < max_digits)
        {
          value = value * 10 + (guint) (*t - '0');
          t++;
          n_digits++;
        }
      if (n_digits == 0 || (*f == 'Y' && n_digits != 4))
        return FALSE;
      *field = value;
    }

  if (*t != '\0' || year < 1900 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

gboolean
upskill_date_parse_numeric (const char *text,
                            GDate      *date)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));

  return parse_with_format (stripped, numeric_format (), date) ||
         parse_with_format (stripped, "%Y-%m-%d", date);
}

char *
upskill_date_numeric_hint (void)
{
  GString *hint = g_string_new (NULL);

  for (const char *f = numeric_format (); *f != '\0'; f++)
    {
      if (*f != '%')
        {
          g_string_append_c (hint, *f);
          continue;
        }
      f++;
      /* Translators: placeholders of a date field, as in "DD.MM.YYYY" */
      if (*f == 'd' || *f == 'e')
        g_string_append (hint, C_("date field", "DD"));
      else if (*f == 'm')
        g_string_append (hint, C_("date field", "MM"));
      else if (*f == 'Y')
        g_string_append (hint, C_("date field", "YYYY"));
    }

  return g_string_free (hint, FALSE);
}
