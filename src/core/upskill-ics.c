/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upskill-ics.h"
#include "upskill-level.h"
#include "upskill-planner.h"

/* RFC 5545, section 3.1: content lines end in CRLF and are folded so that
 * no line is longer than 75 octets; a continuation line starts with one
 * space. Folding happens between UTF-8 characters, never inside one. */
#define ICS_LINE_OCTETS 75
#define ICS_UID_DOMAIN  "upskill.example.com"

static void
append_folded (GString    *out,
               const char *line)
{
  gsize length = strlen (line);
  gsize offset = 0;
  gsize room = ICS_LINE_OCTETS;

  while (length - offset > room)
    {
      gsize cut = offset + room;

      /* Back up to the first byte of a UTF-8 character. */
      while (cut > offset && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;

      g_string_append_len (out, line + offset, cut - offset);
      g_string_append (out, "\r\n ");
      offset = cut;
      room = ICS_LINE_OCTETS - 1;
    }

  g_string_append (out, line + offset);
  g_string_append (out, "\r\n");
}

/* TEXT values (section 3.3.11): backslash, semicolon and comma are escaped,
 * line breaks become "\n"; other control characters are not allowed and
 * are dropped. */
static char *
escape_text (const char *text)
{
  GString *escaped = g_string_sized_new (strlen (text) + 16);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (escaped, "\\\\");
          break;

        case ';':
          g_string_append (escaped, "\\;");
          break;

        case ',':
          g_string_append (escaped, "\\,");
          break;

        case '\r':
          if (p[1] != '\n')
            g_string_append (escaped, "\\n");
          break;

        case '\n':
          g_string_append (escaped, "\\n");
          break;

        case '\t':
          g_string_append_c (escaped, ' ');
          break;

        default:
          if ((guchar) *p >= 0x20 && *p != 0x7F)
            g_string_append_c (escaped, *p);
          break;
        }
    }

  return g_string_free (escaped, FALSE);
}

static void
append_text_property (GString    *out,
                      const char *name,
                      const char *value)
{
  g_autofree char *escaped = escape_text (value);
  g_autofree char *line = g_strconcat (name, ":", escaped, NULL);

  append_folded (out, line);
}

static void
append_date_property (GString     *out,
                      const char  *name,
                      const GDate *date)
{
  g_autofree char *line = g_strdup_printf ("%s;VALUE=DATE:%04u%02u%02u",
                                           name,
                                           g_date_get_year (date),
                                           g_date_get_month (date),
                                           g_date_get_day (date));

  append_folded (out, line);
}

/* A URI value is written as it is, so only a plain web address with no
 * spaces or control characters is given as URL; the description carries
 * it either way. */
static gboolean
is_plain_web_address (const char *url)
{
  if (url == NULL
      || !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    return FALSE;

  for (const char *p = url; *p != '\0'; p++)
    {
      if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7F)
        return FALSE;
    }

  return g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

static char *
describe_step (const UpskillScheduledStep *scheduled)
{
  GString *description = g_string_new (NULL);
  UpskillModule *module = scheduled->module;

  if (module != NULL)
    {
      /* TRANSLATORS: in a calendar event: "Course by Coursera" */
      g_string_append_printf (description, _("%s by %s"),
                              upskill_module_kind_get_label (module->kind),
                              module->provider);
      g_string_append_c (description, '\n');
    }
  else
    {
      g_string_append (description, _("Your own step"));
      g_string_append_c (description, '\n');
    }

  g_string_append_printf (description,
                          g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", scheduled->hours),
                          scheduled->hours);
  g_string_append_c (description, '\n');

  if (scheduled->skill != NULL
      && scheduled->from_level <= UPSKILL_LEVEL_MAX
      && scheduled->to_level <= UPSKILL_LEVEL_MAX)
    {
      /* TRANSLATORS: "Raises SQL from Competent to Proficient" */
      g_string_append_printf (description, _("Raises %s from %s to %s"),
                              scheduled->skill->name,
                              upskill_level_get_name (scheduled->from_level),
                              upskill_level_get_name (scheduled->to_level));
      g_string_append_c (description, '\n');
    }

  if (module != NULL && module->url != NULL && module->url[0] != '\0')
    {
      g_string_append (description, module->url);
      g_string_append_c (description, '\n');
    }

  /* No trailing line break. */
  if (description->len > 0)
    g_string_truncate (description, description->len - 1);

  return g_string_free (description, FALSE);
}

static void
append_event (GString                    *out,
              UpskillProfile             *profile,
              const UpskillScheduledStep *scheduled,
              const char                 *stamp)
{
  g_autofree char *uid = NULL;
  g_autofree char *description = NULL;
  g_autofree char *stamp_line = NULL;
  GDate end;

  append_folded (out, "BEGIN:VEVENT");

  uid = g_strdup_printf ("%s.%s@" ICS_UID_DOMAIN,
                         scheduled->step->id,
                         upskill_profile_get_id (profile));
  append_text_property (out, "UID", uid);

  stamp_line = g_strconcat ("DTSTAMP:", stamp, NULL);
  append_folded (out, stamp_line);

  /* All-day events: DTEND is the day after the last one (exclusive). */
  end = scheduled->finish;
  g_date_add_days (&end, 1);
  append_date_property (out, "DTSTART", &scheduled->start);
  append_date_property (out, "DTEND", &end);

  append_text_property (out, "SUMMARY", scheduled->title);

  description = describe_step (scheduled);
  append_text_property (out, "DESCRIPTION", description);

  if (scheduled->module != NULL && is_plain_web_address (scheduled->module->url))
    {
      g_autofree char *url_line = g_strconcat ("URL:", scheduled->module->url, NULL);

      append_folded (out, url_line);
    }

  /* Study time spread over weeks: do not mark the person busy. */
  append_folded (out, "TRANSP:TRANSPARENT");
  append_folded (out, "END:VEVENT");
}

GBytes *
upskill_ics_build (UpskillProfile *profile,
                   UpskillCatalog *catalog,
                   GPtrArray      *schedule,
                   gint64          now)
{
  g_autoptr(GDateTime) stamp_time = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *calendar_name = NULL;
  GString *out;
  gsize length;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (schedule != NULL, NULL);

  stamp_time = g_date_time_new_from_unix_utc (now);
  if (stamp_time == NULL)
    stamp_time = g_date_time_new_from_unix_utc (0);
  stamp = g_date_time_format (stamp_time, "%Y%m%dT%H%M%SZ");

  out = g_string_new (NULL);
  append_folded (out, "BEGIN:VCALENDAR");
  append_folded (out, "VERSION:2.0");
  append_folded (out, "PRODID:-//Upskill//Upskill " PACKAGE_VERSION "//EN");
  append_folded (out, "CALSCALE:GREGORIAN");
  append_folded (out, "METHOD:PUBLISH");

  /* TRANSLATORS: the name of the exported calendar; %s is a person's name */
  calendar_name = g_strdup_printf (_("%s – learning plan"),
                                   upskill_profile_get_name (profile));
  append_text_property (out, "X-WR-CALNAME", calendar_name);

  for (guint i = 0; i < schedule->len; i++)
    {
      const UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, i);

      /* A step ending in the year 9999 may end (exclusively) in 10000,
       * which iCalendar's four digits cannot write. */
      if (!scheduled->scheduled
          || !g_date_valid (&scheduled->start)
          || !g_date_valid (&scheduled->finish)
          || g_date_get_year (&scheduled->finish) >= 9999)
        continue;

      append_event (out, profile, scheduled, stamp);
    }

  append_folded (out, "END:VCALENDAR");

  length = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), length);
}

char *
upskill_ics_suggest_name (UpskillProfile *profile)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);

  name = g_strdup (upskill_profile_get_name (profile));
  g_strdelimit (name, "/\\", '-');
  g_strstrip (name);
  if (name[0] == '\0' || name[0] == '.')
    {
      g_free (name);
      name = g_strdup (upskill_profile_get_id (profile));
    }

  /* TRANSLATORS: a file name; %s is a person's name */
  return g_strdup_printf (_("%s - learning plan.ics"), name);
}
