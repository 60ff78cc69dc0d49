/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <math.h>
#include <string.h>

#include "upskill-date.h"
#include "upskill-format.h"
#include "upskill-level.h"

/* Rounds a readiness so that its words never claim more, or less, than
 * the model: 100% only when met, 0% only when nothing is. */
static double
round_percent (double percent)
{
  double rounded = round (percent);

  if (rounded >= 100.0 && percent < 100.0)
    return 99.0;
  if (rounded <= 0.0 && percent > 0.0)
    return 1.0;

  return rounded;
}

/* The whole number a readiness is shown as, for machine-readable output
 * (the command line's TSV and JSON); -1 when there is none. */
int
upskill_format_percent_value (double percent)
{
  if (percent < 0 || isnan (percent))
    return -1;

  return (int) round_percent (MIN (percent, 100.0));
}

char *
upskill_format_percent (double percent)
{
  if (percent < 0 || isnan (percent))
    return g_strdup ("–");

  /* Translators: a percentage. */
  return g_strdup_printf (_("%.0f%%"), (double) upskill_format_percent_value (percent));
}

char *
upskill_format_points (double points)
{
  double rounded = round (points);

  if (rounded == 0)
    /* Translators: a change in readiness of less than one point. */
    return g_strdup (_("no change"));

  if (rounded > 0)
    /* Translators: a rise in readiness, in percentage points: "+10 points". */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%.0f point", "+%.0f points",
                                         (gulong) rounded),
                            rounded);

  /* Translators: a fall in readiness, in percentage points: "−3 points". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "−%.0f point", "−%.0f points",
                                       (gulong) -rounded),
                          -rounded);
}

/* One decimal, rounded down while below @limit so a level short of the
 * target never prints as the target. */
char *
upskill_format_mean_level (double mean,
                           double limit)
{
  double tenths = round (mean * 10.0);

  if (mean < limit && tenths >= round (limit * 10.0))
    tenths = round (limit * 10.0) - 1.0;

  /* Translators: an average level from 0 to 5, one decimal: "2.4". */
  return g_strdup_printf (_("%.1f"), tenths / 10.0);
}

void
upskill_format_area_levels (const UpskillAreaReadiness  *area,
                            char                       **out_current,
                            char                       **out_target)
{
  g_return_if_fail (area != NULL);

  if (area->n_targeted == 0)
    {
      if (out_current != NULL)
        *out_current = g_strdup ("–");
      if (out_target != NULL)
        *out_target = g_strdup ("–");
      return;
    }

  if (out_current != NULL)
    *out_current = area->n_met == area->n_targeted
                   ? upskill_format_mean_level (area->target, G_MAXDOUBLE)
                   : upskill_format_mean_level (area->current, area->target);
  if (out_target != NULL)
    *out_target = upskill_format_mean_level (area->target, G_MAXDOUBLE);
}

char *
upskill_format_level (guint level)
{
  level = MIN (level, UPSKILL_LEVEL_MAX);

  /* Translators: a level, "Competent (3)". */
  return g_strdup_printf (_("%s (%u)"), upskill_level_get_name (level), level);
}

char *
upskill_format_rating_basis (UpskillProfile *profile,
                             const char     *skill_id)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (skill_id != NULL, NULL);

  switch (upskill_profile_get_rating_basis (profile, skill_id))
    {
    case UPSKILL_RATING_CONFIRMED:
      day = upskill_format_day_unix (upskill_profile_get_confirmed (profile, skill_id));
      /* Translators: a rating a coach confirmed after seeing the
       * evidence, and the day, e.g. "Confirmed on 3 December 2026" */
      return g_strdup_printf (_("Confirmed on %s"), day);

    case UPSKILL_RATING_EVIDENCED:
      /* Translators: a rating backed by evidence the person attached */
      return g_strdup (_("Evidenced"));

    case UPSKILL_RATING_SELF_RATED:
    default:
      /* Translators: a rating with only the person's word for it */
      return g_strdup (_("Self-rated"));
    }
}

char *
upskill_format_level_definition (guint level)
{
  g_autofree char *name = upskill_format_level (level);

  /* Translators: a level and its meaning, "Competent (3): Works …". */
  return g_strdup_printf (_("%s: %s"), name, upskill_level_get_description (MIN (level, UPSKILL_LEVEL_MAX)));
}

char *
upskill_format_steps_done (guint n_done)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step done", "%u steps done", n_done), n_done);
}

char *
upskill_format_day (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return g_strdup ("–");

  return upskill_date_format_day (date);
}

char *
upskill_format_day_unix (gint64 time)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_local (time);

  if (date_time == NULL)
    return g_strdup ("–");

  return upskill_date_time_format_day (date_time);
}

char *
upskill_format_goal (const char *goal,
                     gint64      date)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *day_text = NULL;

  if (goal == NULL || goal[0] == '\0')
    return NULL;

  /* The day as kept, in UTC: the same day in every time zone. */
  if (date != 0)
    day = g_date_time_new_from_unix_utc (date);
  if (day == NULL)
    /* Translators: a goal in the person's own words, in quotes */
    return g_strdup_printf (_("“%s”"), goal);

  day_text = upskill_date_time_format_day (day);
  /* Translators: a goal in the person's own words and the day it is
   * for, e.g. "“Lead the ML team” by 30 June 2027" */
  return g_strdup_printf (_("“%s” by %s"), goal, day_text);
}

char *
upskill_format_day_time_unix (gint64 time)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_local (time);
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;

  if (date_time == NULL)
    return g_strdup ("–");

  day = upskill_date_time_format_day (date_time);
  /* Translators: g_date_time_format(), a time of day: "16:30". */
  clock = g_date_time_format (date_time, _("%H:%M"));

  /* Translators: a day and a time: "14 March 2027, 16:30". */
  return g_strdup_printf (_("%1$s, %2$s"), day, clock);
}

char *
upskill_format_date_range (const GDate *start,
                           const GDate *finish)
{
  g_autoptr(GDateTime) start_time = NULL;
  g_autoptr(GDateTime) finish_time = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *finish_text = NULL;

  g_return_val_if_fail (start != NULL && finish != NULL, NULL);

  if (!g_date_valid (start) || !g_date_valid (finish))
    return g_strdup ("–");

  start_time = upskill_date_time_new_from_date (start);
  finish_time = upskill_date_time_new_from_date (finish);
  /* GDate goes on past the year 9999, GDateTime does not. */
  if (start_time == NULL || finish_time == NULL)
    return g_strdup ("–");
  finish_text = upskill_date_time_format_day (finish_time);
  if (g_date_compare (start, finish) == 0)
    return g_steal_pointer (&finish_text);

  if (g_date_get_year (start) == g_date_get_year (finish))
    /* TRANSLATORS: g_date_time_format(), the first day of a range in the
     * same year as the last: "1 March" */
    start_text = g_date_time_format (start_time, _("%-d %B"));
  else
    start_text = g_date_time_format (start_time, _("%-d %B %Y"));

  /* TRANSLATORS: a range of days, "1 March – 14 March 2027" */
  return g_strdup_printf (_("%1$s – %2$s"), start_text, finish_text);
}

char *
upskill_format_month_unix (gint64 time)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_local (time);

  if (date_time == NULL)
    return g_strdup ("–");

  /* TRANSLATORS: g_date_time_format(), "in %s": "March 2026" */
  return g_date_time_format (date_time, _("%B %Y"));
}

/* Groups of three with a comma, as the article (and the C locale's
 * untranslated program) writes numbers: "14,000". */
static char *
dup_english_number (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  const char *start = digits[0] == '-' ? digits + 1 : digits;
  gsize n_digits = strlen (start);
  GString *grouped = g_string_new_len (digits, start - digits);

  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append_c (grouped, ',');
      g_string_append_c (grouped, start[i]);
    }

  return g_string_free (grouped, FALSE);
}

/* A whole number in the reader's locale. */
char *
upskill_format_number (gint64 value)
{
  const char *separator = nl_langinfo (THOUSEP);

  /* printf's "'" groups the digits as the locale does (14.000, 14,000,
   * 14 000, Indian lakhs); the C locale does not group at all. */
  if (separator != NULL && *separator != '\0')
    return g_strdup_printf ("%'" G_GINT64_FORMAT, value);

  return dup_english_number (value);
}

/* A figure's number in the reader's locale, keeping the article's
 * qualifiers: "~12,000+" reads "~12.000+" in German. */
char *
upskill_format_figure_value (const UpskillFigure *figure)
{
  g_autofree char *english = NULL;
  g_autofree char *article_display = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (figure != NULL, NULL);

  /* A figure written some other way ("$1.2 billion" in a feed) cannot be
   * rebuilt from its value: it stays as written. */
  english = dup_english_number (figure->value);
  article_display = g_strdup_printf ("%s%s%s", figure->approximate ? "~" : "", english,
                                     figure->at_least ? "+" : "");
  if (g_strcmp0 (article_display, figure->display) != 0)
    return g_strdup (figure->display);

  number = upskill_format_number (figure->value);

  return g_strdup_printf ("%s%s%s", figure->approximate ? "~" : "", number,
                          figure->at_least ? "+" : "");
}

char *
upskill_format_figure (const UpskillFigure *figure)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (figure != NULL, NULL);

  display = upskill_format_figure_value (figure);
  if (figure->qualifier == NULL || figure->qualifier[0] == '\0')
    return g_steal_pointer (&display);

  /* Translators: a figure as the article prints it and its qualifier,
   * e.g. "~21,000+ (in multiple rounds)" */
  return g_strdup_printf (_("%s (%s)"), display, figure->qualifier);
}

char *
upskill_format_forecast (const UpskillForecast *forecast)
{
  g_autofree char *now = NULL;
  g_autofree char *at_end = NULL;
  g_autofree char *first = NULL;
  guint n_uncovered;

  g_return_val_if_fail (forecast != NULL, NULL);

  if (forecast->now < 0)
    return g_strdup (_("Readiness cannot be forecast: no target role is set."));

  now = upskill_format_percent (forecast->now);
  at_end = upskill_format_percent (forecast->at_end);
  n_uncovered = forecast->uncovered != NULL ? forecast->uncovered->len : 0;

  if (forecast->n_gaps == 0)
    /* Translators: the forecast when every target is met: "100% now". */
    return g_strdup_printf (_("%s now: every skill meets its target."), now);

  if (g_date_valid (&forecast->end))
    {
      g_autofree char *end = upskill_format_day (&forecast->end);

      /* Translators: "45% now → 55% when the plan ends on 22 January 2027" */
      first = g_strdup_printf (_("%1$s now → %2$s when the plan ends on %3$s"), now, at_end, end);
    }
  else if (forecast->at_end > forecast->now)
    /* Translators: the plan has steps but no dates (no weekly hours). */
    first = g_strdup_printf (_("%1$s now → %2$s once every step of the plan is done"), now, at_end);
  else
    /* Translators: the plan has no step left that raises a level. */
    first = g_strdup_printf (_("%s now; the plan has no step left that raises a level"), now);

  if (n_uncovered == 0)
    /* Translators: after "45% now → 100% when the plan ends on …" */
    return g_strdup_printf (_("%s; the plan covers every gap."), first);

  /* Translators: after "45% now → 55% when the plan ends on …":
   * "; 24 gaps are not covered by the plan." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%1$s; %2$u gap is not covered by the plan.",
                                       "%1$s; %2$u gaps are not covered by the plan.",
                                       n_uncovered),
                          first, n_uncovered);
}

char *
upskill_format_baseline (const UpskillBaseline *baseline)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *day = NULL;
  g_autofree char *points = NULL;

  g_return_val_if_fail (baseline != NULL, NULL);

  if (baseline->now < 0)
    return g_strdup (_("Readiness cannot be measured: no target role is set."));

  from = upskill_format_percent (baseline->baseline);
  to = upskill_format_percent (baseline->now);
  day = upskill_format_day_unix (baseline->baseline_time);

  if (!baseline->has_progress)
    /* Translators: "45% at the first assessment on 2 December 2026; no
     * progress is recorded yet." */
    return g_strdup_printf (_("%1$s at the first assessment on %2$s; no progress is recorded yet."),
                            to, day);

  /* The change between the figures as printed, so that "20% … 45%" never
   * reads "+26 points". */
  points = upskill_format_points (round_percent (baseline->now)
                                  - round_percent (MAX (baseline->baseline, 0.0)));

  /* Translators: "From 20% at the first assessment on 3 March 2026 to 45%
   * now (+25 points)." */
  return g_strdup_printf (_("From %1$s at the first assessment on %2$s to %3$s now (%4$s)."),
                          from, day, to, points);
}

/* "A", "A and B", "A, B and C". */
static char *
join_names (GPtrArray *names)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0 && i + 1 == names->len)
        /* TRANSLATORS: before the last item of a list: "A, B and C" */
        g_string_append (joined, _(" and "));
      else if (i > 0)
        /* TRANSLATORS: between items of a list: "A, B and C" */
        g_string_append (joined, _(", "));
      g_string_append (joined, g_ptr_array_index (names, i));
    }

  return g_string_free (joined, FALSE);
}

char *
upskill_format_area_dates (const UpskillForecast *forecast,
                           UpskillCatalog        *catalog)
{
  g_autoptr(GPtrArray) reached = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) never = g_ptr_array_new ();
  g_autoptr(GPtrArray) met = g_ptr_array_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GDate today;

  g_return_val_if_fail (forecast != NULL, NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);

  g_date_clear (&today, 1);
  if (forecast->n_points > 0)
    {
      g_autoptr(GDateTime) first = g_date_time_new_from_unix_local (forecast->times[0]);

      if (first != NULL)
        upskill_date_set_from_date_time (&today, first);
    }

  for (guint a = 0; a < forecast->n_areas && a < upskill_catalog_get_n_areas (catalog); a++)
    {
      UpskillArea *area = upskill_catalog_get_area (catalog, a);
      const GDate *day = &forecast->area_reached[area->index];

      if (forecast->area_at_end[area->index] < 0)
        continue;
      if (!g_date_valid (day))
        g_ptr_array_add (never, area->name);
      else if (g_date_valid (&today) && g_date_compare (day, &today) <= 0)
        g_ptr_array_add (met, area->name);
      else
        {
          g_autofree char *when = upskill_format_day (day);

          /* TRANSLATORS: one area in "With this plan, Python reaches its target on 3 March 2027" */
          g_ptr_array_add (reached, g_strdup_printf (_("%1$s on %2$s"), area->name, when));
        }
    }

  if (reached->len == 0 && never->len == 0 && met->len == 0)
    return NULL;
  if (reached->len == 0 && met->len == 0)
    return g_strdup (_("With this plan, no area reaches its target."));

  if (reached->len > 0)
    {
      g_autofree char *list = join_names (reached);

      /* TRANSLATORS: "Python on 3 March 2027 and MLOps on 1 May 2027 reach their targets" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s reach their targets with this plan"), list));
    }
  if (met->len > 0)
    {
      g_autofree char *list = join_names (met);

      /* TRANSLATORS: areas whose target is met already */
      g_ptr_array_add (parts, g_strdup_printf (_("%s already meet their targets"), list));
    }
  if (never->len > 0)
    {
      g_autofree char *list = join_names (never);

      /* TRANSLATORS: areas the plan does not take to their targets */
      g_ptr_array_add (parts, g_strdup_printf (_("%s do not reach their targets with this plan"), list));
    }

  {
    g_autofree char *joined = NULL;

    g_ptr_array_add (parts, NULL);
    joined = g_strjoinv ("; ", (char **) parts->pdata);

    /* TRANSLATORS: the whole sentence about the areas' targets */
    return g_strdup_printf (_("By area: %s."), joined);
  }
}

char *
upskill_format_session (const UpskillNote *note)
{
  g_return_val_if_fail (note != NULL, NULL);

  if (upskill_note_has_time (note))
    return upskill_format_day_time_unix (note->date);

  {
    g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (note->date);

    if (day == NULL)
      return g_strdup ("–");
    return upskill_date_time_format_day (day);
  }
}
