/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "upskill-level.h"
#include "upskill-format.h"
#include "upskill-progress.h"
#include "upskill-readiness.h"

#define SECONDS_PER_DAY UPSKILL_PROGRESS_SECONDS_PER_DAY

char *
upskill_progress_completed_source (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_strconcat (UPSKILL_COMPLETED_SOURCE_PREFIX, title, NULL);
}

char *
upskill_progress_format_source (const char *source)
{
  if (source == NULL || source[0] == '\0')
    return NULL;

  if (g_str_has_prefix (source, UPSKILL_COMPLETED_SOURCE_PREFIX))
    {
      /* TRANSLATORS: the source of a level change; %s is a course, book… */
      return g_strdup_printf (_("Completed: %s"),
                              source + strlen (UPSKILL_COMPLETED_SOURCE_PREFIX));
    }

  return g_strdup (source);
}

static GDateTime *
date_time_new (gint64   time,
               gboolean utc)
{
  GDateTime *date_time = utc ? g_date_time_new_from_unix_utc (time)
                             : g_date_time_new_from_unix_local (time);

  return date_time != NULL ? date_time : g_date_time_new_from_unix_utc (0);
}

char *
upskill_progress_format_day (gint64   time,
                             gboolean utc,
                             gint64   now)
{
  g_autoptr(GDateTime) date_time = date_time_new (time, utc);
  g_autoptr(GDateTime) now_time = date_time_new (now, FALSE);

  if (g_date_time_get_year (date_time) == g_date_time_get_year (now_time))
    /* TRANSLATORS: a day in this year, g_date_time_format(): "14 October" */
    return g_date_time_format (date_time, _("%-d %B"));

  /* TRANSLATORS: a day in another year, g_date_time_format(): "14 October 2025" */
  return g_date_time_format (date_time, _("%-d %B %Y"));
}

static gint64
timeline_sort_time (const UpskillTimelineEvent *event)
{
  /* A session note at its time, or at the end of its day if it has none. */
  if (event->kind == UPSKILL_TIMELINE_NOTE)
    return upskill_note_get_end (event->note) - 1;

  return event->time;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const UpskillTimelineEvent *event_a = *(const UpskillTimelineEvent * const *) a;
  const UpskillTimelineEvent *event_b = *(const UpskillTimelineEvent * const *) b;
  gint64 time_a = timeline_sort_time (event_a);
  gint64 time_b = timeline_sort_time (event_b);

  if (time_a != time_b)
    return time_a < time_b ? 1 : -1;

  /* The same second: notes above changes. */
  return (int) event_b->kind - (int) event_a->kind;
}

GPtrArray *
upskill_progress_get_timeline (UpskillProfile *profile)
{
  GPtrArray *timeline;
  GPtrArray *history;
  GPtrArray *notes;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);

  history = upskill_profile_get_history (profile);
  notes = upskill_profile_get_notes (profile);
  timeline = g_ptr_array_new_full (history->len + notes->len, g_free);

  /* Oldest first, so that the stable sort keeps entries of the same second
   * newest first once reversed. */
  for (guint i = history->len; i > 0; i--)
    {
      const UpskillHistoryEntry *entry = g_ptr_array_index (history, i - 1);
      UpskillTimelineEvent event = { .kind = UPSKILL_TIMELINE_CHANGE, .time = entry->time, .change = entry };

      g_ptr_array_add (timeline, g_memdup2 (&event, sizeof event));
    }

  for (guint i = notes->len; i > 0; i--)
    {
      const UpskillNote *note = g_ptr_array_index (notes, i - 1);
      UpskillTimelineEvent event = { .kind = UPSKILL_TIMELINE_NOTE, .time = note->date, .note = note };

      g_ptr_array_add (timeline, g_memdup2 (&event, sizeof event));
    }

  g_ptr_array_sort (timeline, compare_newest_first);

  return timeline;
}

const UpskillNote *
upskill_progress_get_last_session (UpskillProfile *profile,
                                   gint64          now)
{
  GPtrArray *notes;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);

  /* Notes are kept oldest first. */
  notes = upskill_profile_get_notes (profile);
  for (guint i = notes->len; i > 0; i--)
    {
      const UpskillNote *note = g_ptr_array_index (notes, i - 1);

      if (note->date <= now)
        return note;
    }

  return NULL;
}

gint64
upskill_progress_get_next_session (UpskillProfile *profile,
                                   gint64          now)
{
  const UpskillNote *last;
  GPtrArray *notes;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), 0);

  last = upskill_progress_get_last_session (profile, now);
  if (last != NULL && last->next_session > now)
    return last->next_session;

  /* A session planned ahead as a note of its own. */
  notes = upskill_profile_get_notes (profile);
  for (guint i = 0; i < notes->len; i++)
    {
      const UpskillNote *note = g_ptr_array_index (notes, i);

      if (note->date > now)
        return note->date;
    }

  return 0;
}

/* The day @time falls on in @zone, counted from 1970-01-01. */
static gint64
day_in_zone (GTimeZone *zone,
             gint64     time)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, time);
  gint64 local = time + g_time_zone_get_offset (zone, interval);

  return local >= 0 ? local / SECONDS_PER_DAY : -((-local - 1) / SECONDS_PER_DAY) - 1;
}

static gboolean
is_same_day (const UpskillNote *note,
             gint64             now,
             GTimeZone         *local)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  /* A day-only note is a UTC day; a timed one, a moment of the local day. */
  return day_in_zone (upskill_note_has_time (note) ? local : utc, note->date)
         == day_in_zone (local, now);
}

const UpskillNote *
upskill_progress_get_reference_session (UpskillProfile *profile,
                                        gint64          now)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);

  return upskill_progress_get_reference_session_in_zone (profile, now, local);
}

const UpskillNote *
upskill_progress_get_reference_session_in_zone (UpskillProfile *profile,
                                                gint64          now,
                                                GTimeZone      *local)
{
  const UpskillNote *last;
  GPtrArray *notes;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (local != NULL, NULL);

  last = upskill_progress_get_last_session (profile, now);
  if (last == NULL || !is_same_day (last, now, local))
    return last;

  /* The coach wrote today's note and exports now: the report is about the
   * session just held, so compare with the one before it. */
  notes = upskill_profile_get_notes (profile);
  for (guint i = notes->len; i > 0; i--)
    {
      const UpskillNote *note = g_ptr_array_index (notes, i - 1);

      if (note != last && note->date < last->date && !is_same_day (note, now, local))
        return note;
    }

  return last;
}

char *
upskill_progress_format_session_day (const UpskillNote *note,
                                     gint64             now)
{
  g_return_val_if_fail (note != NULL, NULL);

  return upskill_progress_format_day (note->date, !upskill_note_has_time (note), now);
}

GPtrArray *
upskill_progress_get_changes_since (UpskillProfile *profile,
                                    UpskillCatalog *catalog,
                                    gint64          since,
                                    guint          *out_n_completed)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) all_changes = NULL;
  g_autoptr(GHashTable) by_skill = NULL;
  g_autoptr(GHashTable) completed = NULL;
  GPtrArray *changes;
  GPtrArray *history;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);

  history = upskill_profile_get_history (profile);
  entries = g_ptr_array_sized_new (history->len);
  for (guint i = 0; i < history->len; i++)
    {
      UpskillHistoryEntry *entry = g_ptr_array_index (history, i);

      if (entry->time >= since)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, upskill_history_entry_compare_time);

  all_changes = g_ptr_array_new_with_free_func (g_free);
  by_skill = g_hash_table_new (NULL, NULL);
  completed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < entries->len; i++)
    {
      const UpskillHistoryEntry *entry = g_ptr_array_index (entries, i);
      UpskillSkill *skill = NULL;
      UpskillSkillChange *change;

      if (entry->source != NULL
          && g_str_has_prefix (entry->source, UPSKILL_COMPLETED_SOURCE_PREFIX))
        g_hash_table_add (completed, entry->source);

      if (entry->skill_id != NULL)
        skill = upskill_catalog_find_skill (catalog, entry->skill_id);
      if (skill == NULL)
        continue;

      change = g_hash_table_lookup (by_skill, skill);
      if (change == NULL)
        {
          change = g_new0 (UpskillSkillChange, 1);
          change->skill = skill;
          change->from = MIN (entry->from, UPSKILL_LEVEL_MAX);
          g_hash_table_insert (by_skill, skill, change);
          g_ptr_array_add (all_changes, change);
        }
      change->to = MIN (entry->to, UPSKILL_LEVEL_MAX);
    }

  changes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < all_changes->len; i++)
    {
      UpskillSkillChange *change = g_ptr_array_index (all_changes, i);

      if (change->from != change->to)
        g_ptr_array_add (changes, g_memdup2 (change, sizeof *change));
    }

  if (out_n_completed != NULL)
    *out_n_completed = g_hash_table_size (completed);

  return changes;
}

/* "A", "A and B", "A, B and C": @last_separator stands before the last
 * of @items, a comma between the others. */
static char *
join_list (GPtrArray  *items,
           const char *last_separator)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0 && i + 1 == items->len)
        g_string_append (joined, last_separator);
      else if (i > 0)
        /* TRANSLATORS: between items of a list: "A, B and C" */
        g_string_append (joined, _(", "));

      g_string_append (joined, g_ptr_array_index (items, i));
    }

  return g_string_free (joined, FALSE);
}

/* "raised SQL from Competent to Proficient and dbt from Novice to Advanced
 * beginner", or NULL if no change goes that way. */
static char *
describe_changes (GPtrArray *changes,
                  gboolean   raised)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      const UpskillSkillChange *change = g_ptr_array_index (changes, i);

      if ((change->to > change->from) != raised)
        continue;

      /* TRANSLATORS: one change in a list: "SQL from Competent to Proficient" */
      g_ptr_array_add (items, g_strdup_printf (_("%1$s from %2$s to %3$s"),
                                               change->skill->name,
                                               upskill_level_get_name (change->from),
                                               upskill_level_get_name (change->to)));
    }

  if (items->len == 0)
    return NULL;

  /* TRANSLATORS: before the last item of a list: "A, B and C" */
  list = join_list (items, _(" and "));
  if (raised)
    /* TRANSLATORS: "[Li] raised SQL from Competent to Proficient and …" */
    return g_strdup_printf (_("raised %s"), list);

  /* TRANSLATORS: "[Li] lowered SQL from Proficient to Competent and …" */
  return g_strdup_printf (_("lowered %s"), list);
}

char *
upskill_progress_describe_since_last_session (UpskillProfile *profile,
                                              UpskillCatalog *catalog,
                                              gint64          now)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) clauses = NULL;
  g_autofree char *day = NULL;
  g_autofree char *what = NULL;
  const UpskillNote *session;
  guint n_completed = 0;
  char *clause;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);

  session = upskill_progress_get_reference_session (profile, now);
  if (session == NULL)
    return NULL;

  day = upskill_progress_format_session_day (session, now);

  /* What happened on a day-only session's day belongs to that session. */
  changes = upskill_progress_get_changes_since (profile, catalog,
                                                upskill_note_get_end (session),
                                                &n_completed);

  clauses = g_ptr_array_new_with_free_func (g_free);
  if ((clause = describe_changes (changes, TRUE)) != NULL)
    g_ptr_array_add (clauses, clause);
  if ((clause = describe_changes (changes, FALSE)) != NULL)
    g_ptr_array_add (clauses, clause);
  if (n_completed > 0)
    g_ptr_array_add (clauses,
                     /* TRANSLATORS: "[Li raised …, and] completed 2 steps" */
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "completed %u step",
                                                   "completed %u steps",
                                                   n_completed),
                                      n_completed));

  if (clauses->len == 0)
    /* TRANSLATORS: %s is a day, "14 October" */
    return g_strdup_printf (_("Since the session on %s, no skill level has changed "
                              "and no step was completed."),
                            day);

  /* TRANSLATORS: before the last of the things a person did:
   * "raised SQL from … and dbt from …, and completed 1 step" */
  what = join_list (clauses, _(", and "));

  /* TRANSLATORS: "Since the session on 14 October, Li raised SQL from
   * Competent to Proficient, and completed 1 step." %1$s is the day,
   * %2$s the person's name, %3$s what they did. */
  return g_strdup_printf (_("Since the session on %1$s, %2$s %3$s."),
                          day, upskill_profile_get_name (profile), what);
}

static char *
format_month (gint64   time,
              gboolean with_year)
{
  g_autoptr(GDateTime) date_time = date_time_new (time, FALSE);

  if (with_year)
    /* TRANSLATORS: g_date_time_format(), "in %s": "March 2026" */
    return g_date_time_format (date_time, _("%B %Y"));

  /* TRANSLATORS: g_date_time_format(), "in %s": "March" */
  return g_date_time_format (date_time, _("%B"));
}

static gboolean
same_month (gint64 a,
            gint64 b)
{
  g_autoptr(GDateTime) date_a = date_time_new (a, FALSE);
  g_autoptr(GDateTime) date_b = date_time_new (b, FALSE);

  return g_date_time_get_year (date_a) == g_date_time_get_year (date_b)
         && g_date_time_get_month (date_a) == g_date_time_get_month (date_b);
}

static gboolean
same_year (gint64 a,
           gint64 b)
{
  g_autoptr(GDateTime) date_a = date_time_new (a, FALSE);
  g_autoptr(GDateTime) date_b = date_time_new (b, FALSE);

  return g_date_time_get_year (date_a) == g_date_time_get_year (date_b);
}

gint64
upskill_progress_get_first_assessment_end (gint64 start)
{
  return start + SECONDS_PER_DAY;
}

guint
upskill_progress_get_baseline_index (GPtrArray *series)
{
  const UpskillReadinessPoint *start;
  guint baseline = 0;

  g_return_val_if_fail (series != NULL, 0);

  if (series->len == 0)
    return 0;

  start = g_ptr_array_index (series, 0);
  for (guint i = 1; i < series->len; i++)
    {
      const UpskillReadinessPoint *point = g_ptr_array_index (series, i);

      if (point->time >= upskill_progress_get_first_assessment_end (start->time))
        break;
      baseline = i;
    }

  return baseline;
}

char *
upskill_progress_describe_readiness (GPtrArray *series,
                                     gint64     now)
{
  const UpskillReadinessPoint *first;
  const UpskillReadinessPoint *last;
  g_autofree char *first_month = NULL;
  g_autofree char *last_month = NULL;
  gboolean with_year;
  double from, to;

  g_return_val_if_fail (series != NULL, NULL);

  if (series->len == 0)
    return g_strdup (_("No readiness has been recorded yet."));

  first = g_ptr_array_index (series, upskill_progress_get_baseline_index (series));
  last = g_ptr_array_index (series, series->len - 1);

  if (last->overall < 0)
    return g_strdup (_("Readiness cannot be measured: no target role is set."));

  /* Rounded as every readiness is worded (upskill-format.c). */
  from = upskill_format_percent_value (MAX (first->overall, 0.0));
  to = upskill_format_percent_value (last->overall);

  /* The year only when the line spans years or is not from this year. */
  with_year = !same_year (first->time, last->time) || !same_year (last->time, now);
  first_month = format_month (first->time, with_year);
  last_month = format_month (last->time, with_year);

  if (series->len == 1 || same_month (first->time, last->time))
    {
      if (from == to)
        /* TRANSLATORS: "Readiness is 48%." */
        return g_strdup_printf (_("Readiness is %.0f%%."), to);
      if (to > from)
        /* TRANSLATORS: "Readiness rose from 12% to 48% in November." */
        return g_strdup_printf (_("Readiness rose from %.0f%% to %.0f%% in %s."),
                                from, to, last_month);
      return g_strdup_printf (_("Readiness fell from %.0f%% to %.0f%% in %s."),
                              from, to, last_month);
    }

  if (from == to)
    /* TRANSLATORS: "Readiness stayed at 48% from March to November." */
    return g_strdup_printf (_("Readiness stayed at %.0f%% from %s to %s."),
                            to, first_month, last_month);
  if (to > from)
    /* TRANSLATORS: "Readiness rose from 12% in March to 48% in November." */
    return g_strdup_printf (_("Readiness rose from %.0f%% in %s to %.0f%% in %s."),
                            from, first_month, to, last_month);

  /* TRANSLATORS: "Readiness fell from 48% in March to 40% in November." */
  return g_strdup_printf (_("Readiness fell from %.0f%% in %s to %.0f%% in %s."),
                          from, first_month, to, last_month);
}
