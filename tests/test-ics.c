/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "upskill-catalog.h"
#include "upskill-ics.h"
#include "upskill-planner.h"
#include "upskill-profile.h"
#include "upskill-test-utils.h"

/* The exported calendar is checked the way a calendar program reads it:
 * physical lines (CRLF, at most 75 octets, whole UTF-8 characters),
 * unfolded into content lines, parsed into nested components. */

typedef struct
{
  char       *name;    /* upper case */
  char       *params;  /* ";VALUE=DATE" or "" */
  char       *value;   /* as written (still escaped) */
} ContentLine;

typedef struct
{
  char       *name;
  GPtrArray  *properties; /* ContentLine* */
  GPtrArray  *children;   /* Component* */
} Component;

static void
content_line_free (gpointer data)
{
  ContentLine *line = data;

  g_free (line->name);
  g_free (line->params);
  g_free (line->value);
  g_free (line);
}

static void
component_free (gpointer data)
{
  Component *component = data;

  g_free (component->name);
  g_ptr_array_unref (component->properties);
  g_ptr_array_unref (component->children);
  g_free (component);
}

static Component *
component_new (const char *name)
{
  Component *component = g_new0 (Component, 1);

  component->name = g_strdup (name);
  component->properties = g_ptr_array_new_with_free_func (content_line_free);
  component->children = g_ptr_array_new_with_free_func (component_free);

  return component;
}

/* Checks the physical lines and returns the unfolded content lines. */
static GPtrArray *
unfold (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *current = NULL;
  gsize start = 0;

  g_assert_cmpuint (length, >, 2);
  g_assert_true (data[length - 2] == '\r' && data[length - 1] == '\n');
  g_assert_null (memchr (data, '\0', length));

  while (start < length)
    {
      const char *end = g_strstr_len (data + start, length - start, "\r\n");
      gsize line_length;
      g_autofree char *line = NULL;

      g_assert_nonnull (end);
      line_length = end - (data + start);
      line = g_strndup (data + start, line_length);

      /* A bare CR or LF would be a line break the reader does not expect. */
      g_assert_null (strchr (line, '\r'));
      g_assert_null (strchr (line, '\n'));
      g_assert_cmpuint (line_length, <=, 75);
      g_assert_true (g_utf8_validate (line, line_length, NULL));

      if (line[0] == ' ' || line[0] == '\t')
        {
          g_assert_nonnull (current);
          g_string_append (current, line + 1);
        }
      else
        {
          if (current != NULL)
            g_ptr_array_add (lines, g_string_free (current, FALSE));
          g_assert_cmpuint (line_length, >, 0);
          current = g_string_new (line);
        }

      start += line_length + 2;
    }

  g_assert_nonnull (current);
  g_ptr_array_add (lines, g_string_free (current, FALSE));

  return lines;
}

static ContentLine *
parse_content_line (const char *text)
{
  ContentLine *line = g_new0 (ContentLine, 1);
  const char *colon = strchr (text, ':');
  const char *semicolon = strchr (text, ';');
  const char *name_end;

  g_assert_nonnull (colon);
  name_end = semicolon != NULL && semicolon < colon ? semicolon : colon;
  g_assert_cmpint (name_end - text, >, 0);

  line->name = g_ascii_strup (text, name_end - text);
  line->params = g_strndup (name_end, colon - name_end);
  line->value = g_strdup (colon + 1);

  for (const char *p = line->name; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-');

  return line;
}

/* Checks that BEGIN and END pair up and nest, and returns the calendar. */
static Component *
parse_calendar (GBytes *bytes)
{
  g_autoptr(GPtrArray) lines = unfold (bytes);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  Component *calendar = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      ContentLine *line = parse_content_line (g_ptr_array_index (lines, i));

      if (g_str_equal (line->name, "BEGIN"))
        {
          Component *component = component_new (line->value);

          if (stack->len == 0)
            {
              g_assert_null (calendar);
              calendar = component;
            }
          else
            {
              Component *parent = g_ptr_array_index (stack, stack->len - 1);

              g_ptr_array_add (parent->children, component);
            }
          g_ptr_array_add (stack, component);
          content_line_free (line);
        }
      else if (g_str_equal (line->name, "END"))
        {
          Component *component;

          g_assert_cmpuint (stack->len, >, 0);
          component = g_ptr_array_steal_index (stack, stack->len - 1);
          g_assert_cmpstr (component->name, ==, line->value);
          content_line_free (line);
        }
      else
        {
          Component *component;

          g_assert_cmpuint (stack->len, >, 0);
          component = g_ptr_array_index (stack, stack->len - 1);
          g_ptr_array_add (component->properties, line);
        }

      /* Nothing after the calendar ends. */
      if (stack->len == 0)
        g_assert_cmpuint (i, ==, lines->len - 1);
    }

  g_assert_cmpuint (stack->len, ==, 0);
  g_assert_nonnull (calendar);
  g_assert_cmpstr (calendar->name, ==, "VCALENDAR");

  return calendar;
}

static const ContentLine *
find_property (Component  *component,
               const char *name,
               guint      *out_count)
{
  const ContentLine *found = NULL;
  guint count = 0;

  for (guint i = 0; i < component->properties->len; i++)
    {
      const ContentLine *line = g_ptr_array_index (component->properties, i);

      if (g_str_equal (line->name, name))
        {
          if (found == NULL)
            found = line;
          count++;
        }
    }

  if (out_count != NULL)
    *out_count = count;

  return found;
}

static const ContentLine *
require_one (Component  *component,
             const char *name)
{
  guint count;
  const ContentLine *line = find_property (component, name, &count);

  if (count != 1)
    g_error ("%s has %u %s properties, expected 1", component->name, count, name);

  return line;
}

static char *
unescape_text (const char *value)
{
  GString *text = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          /* Unescaped, these would separate values. */
          g_assert_true (*p != ';' && *p != ',');
          g_string_append_c (text, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case '\\': g_string_append_c (text, '\\'); break;
        case ';':  g_string_append_c (text, ';'); break;
        case ',':  g_string_append_c (text, ','); break;
        case 'n':
        case 'N':  g_string_append_c (text, '\n'); break;
        default:   g_error ("bad escape \\%c in “%s”", *p, value);
        }
    }

  return g_string_free (text, FALSE);
}

static void
assert_date_value (const ContentLine *line,
                   GDate             *out_date)
{
  const char *v = line->value;

  g_assert_cmpstr (line->params, ==, ";VALUE=DATE");
  g_assert_cmpuint (strlen (v), ==, 8);
  for (guint i = 0; i < 8; i++)
    g_assert_true (g_ascii_isdigit (v[i]));

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date,
                  (v[6] - '0') * 10 + (v[7] - '0'),
                  (v[4] - '0') * 10 + (v[5] - '0'),
                  (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0'));
  g_assert_true (g_date_valid (out_date));
}

static void
assert_utc_stamp (const char *value)
{
  /* 20261126T182900Z */
  g_assert_cmpuint (strlen (value), ==, 16);
  g_assert_cmpint (value[8], ==, 'T');
  g_assert_cmpint (value[15], ==, 'Z');
  for (guint i = 0; i < 15; i++)
    if (i != 8)
      g_assert_true (g_ascii_isdigit (value[i]));
}

static guint
count_scheduled (GPtrArray *schedule)
{
  guint n = 0;

  for (guint i = 0; i < schedule->len; i++)
    {
      UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, i);

      if (scheduled->scheduled && g_date_valid (&scheduled->start))
        n++;
    }

  return n;
}

/* Checks every event against the schedule it was built from. */
static void
check_calendar (UpskillProfile *profile,
                GPtrArray      *schedule,
                GBytes         *bytes)
{
  Component *calendar = parse_calendar (bytes);
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint event = 0;

  g_assert_cmpstr (require_one (calendar, "VERSION")->value, ==, "2.0");
  g_assert_cmpstr (require_one (calendar, "CALSCALE")->value, ==, "GREGORIAN");
  g_assert_nonnull (require_one (calendar, "PRODID"));

  g_assert_cmpuint (calendar->children->len, ==, count_scheduled (schedule));

  for (guint i = 0; i < schedule->len; i++)
    {
      UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, i);
      Component *vevent;
      g_autofree char *summary = NULL;
      g_autofree char *uid = NULL;
      GDate start, end;

      if (!scheduled->scheduled || !g_date_valid (&scheduled->start))
        continue;

      vevent = g_ptr_array_index (calendar->children, event++);
      g_assert_cmpstr (vevent->name, ==, "VEVENT");
      g_assert_cmpuint (vevent->children->len, ==, 0);

      uid = unescape_text (require_one (vevent, "UID")->value);
      g_assert_true (g_str_has_suffix (uid, "@upskill.example.com"));
      g_assert_nonnull (strstr (uid, scheduled->step->id));
      g_assert_nonnull (strstr (uid, upskill_profile_get_id (profile)));
      g_assert_true (g_hash_table_add (uids, g_steal_pointer (&uid)));

      assert_utc_stamp (require_one (vevent, "DTSTAMP")->value);

      assert_date_value (require_one (vevent, "DTSTART"), &start);
      assert_date_value (require_one (vevent, "DTEND"), &end);
      g_assert_cmpint (g_date_compare (&end, &start), >, 0);
      g_assert_cmpint (g_date_compare (&start, &scheduled->start), ==, 0);
      /* DTEND is exclusive: the day after the finish. */
      g_assert_cmpint (g_date_days_between (&scheduled->finish, &end), ==, 1);

      summary = unescape_text (require_one (vevent, "SUMMARY")->value);
      g_assert_cmpstr (summary, ==, scheduled->title);

      g_free (unescape_text (require_one (vevent, "DESCRIPTION")->value));

      if (scheduled->module != NULL)
        g_assert_cmpstr (require_one (vevent, "URL")->value, ==, scheduled->module->url);
    }

  component_free (calendar);
}

static void
test_ics_sample (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("li-wei");
  g_autoptr(GPtrArray) schedule = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GDate) start = g_date_new_dmy (30, G_DATE_NOVEMBER, 2026);
  g_autofree char *first_uids = NULL;

  schedule = upskill_planner_schedule (profile, catalog, start);
  g_assert_cmpuint (count_scheduled (schedule), >, 2);
  /* Done and skipped steps are not on the calendar. */
  g_assert_cmpuint (count_scheduled (schedule), <, schedule->len);

  bytes = upskill_ics_build (profile, catalog, schedule, 1796000000);
  check_calendar (profile, schedule, bytes);

  /* Exporting again later changes the stamps only, so a calendar that
   * imports it again updates its events. */
  again = upskill_ics_build (profile, catalog, schedule, 1796000000 + 86400 * 3);
  check_calendar (profile, schedule, again);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, g_bytes_get_size (again));
  g_assert_false (g_bytes_equal (bytes, again));
}

static void
test_ics_escaping_and_folding (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("test-person", "Sam, “the tester”; \\o/");
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  g_autoptr(GPtrArray) schedule = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDate) start = g_date_new_dmy (4, G_DATE_JANUARY, 2027);
  GString *cjk = g_string_new (NULL);
  const char *cjk_text = "データエンジニアリングの基礎と実践、機械学習パイプラインの設計";
  g_autofree char *cjk_title = NULL;
  g_autofree char *cjk_title_2 = NULL;
  g_autofree char *emoji_title = NULL;
  g_autofree char *text = NULL;

  /* Three alignments of 3-octet characters against the 75-octet limit, and
   * 4-octet ones. */
  g_string_append (cjk, cjk_text);
  g_string_append (cjk, cjk_text);
  cjk_title = g_string_free (cjk, FALSE);
  cjk_title_2 = g_strconcat ("x", cjk_title, NULL);
  emoji_title = g_strconcat ("Ship it 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀", cjk_title, NULL);

  g_ptr_array_add (plan, upskill_plan_step_new_custom ("step-1",
                                                       "Commas, semicolons; a backslash \\ and\na new line",
                                                       10, "sql", 1, 2));
  g_ptr_array_add (plan, upskill_plan_step_new_custom ("step-2", cjk_title, 30, "sql", 2, 3));
  g_ptr_array_add (plan, upskill_plan_step_new_custom ("step-3", cjk_title_2, 12, "sql", 3, 4));
  g_ptr_array_add (plan, upskill_plan_step_new_custom ("step-4", emoji_title, 1, "sql", 3, 4));
  g_ptr_array_add (plan, upskill_plan_step_new_custom ("step-5", "Already done", 5, "sql", 0, 1));
  ((UpskillPlanStep *) g_ptr_array_index (plan, 4))->status = UPSKILL_STEP_DONE;
  upskill_profile_set_plan (profile, g_steal_pointer (&plan));
  upskill_profile_set_weekly_hours (profile, 7.0);

  schedule = upskill_planner_schedule (profile, catalog, start);
  g_assert_cmpuint (count_scheduled (schedule), ==, 4);

  bytes = upskill_ics_build (profile, catalog, schedule, 1796000000);
  check_calendar (profile, schedule, bytes);

  /* The long titles had to be folded. */
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "\r\n "));
  g_assert_nonnull (strstr (text, "SUMMARY:Commas\\, semicolons\\; a backslash \\\\ and\\na new line\r\n"));
  g_assert_nonnull (strstr (text, "X-WR-CALNAME:Sam\\, “the tester”\\; \\\\o/"));
  /* 7 hours a week is one hour a day: 10 hours from Monday 4 January. */
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20270104\r\n"));
  g_assert_nonnull (strstr (text, "DTEND;VALUE=DATE:20270114\r\n"));
}

static void
test_ics_empty_plan (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("nobody", "Nobody");
  g_autoptr(GPtrArray) schedule = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDate) start = g_date_new_dmy (4, G_DATE_JANUARY, 2027);

  schedule = upskill_planner_schedule (profile, catalog, start);
  bytes = upskill_ics_build (profile, catalog, schedule, 0);
  check_calendar (profile, schedule, bytes);
}

static void
test_ics_suggest_name (void)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("li-wei", "Li / Wei");
  g_autoptr(UpskillProfile) dotted = upskill_profile_new ("dot", "..");
  g_autofree char *name = upskill_ics_suggest_name (profile);
  g_autofree char *dotted_name = upskill_ics_suggest_name (dotted);

  g_assert_cmpstr (name, ==, "Li - Wei - learning plan.ics");
  g_assert_cmpstr (dotted_name, ==, "dot - learning plan.ics");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upskill/ics/sample-plan", test_ics_sample);
  g_test_add_func ("/upskill/ics/escaping-and-folding", test_ics_escaping_and_folding);
  g_test_add_func ("/upskill/ics/empty-plan", test_ics_empty_plan);
  g_test_add_func ("/upskill/ics/suggest-name", test_ics_suggest_name);

  return g_test_run ();
}
